//! The practices' pages end to end: the search page with its facets, who sees a draft's page,
//! escaping of the texts, the guided form's field-by-field problems and translation, the city
//! page's list and the import page's line errors; the work page and the form that starts a
//! practice in `work`, the keyword thesaurus page in `thesaurus`, an import above 2 MB in
//! `large_import`.

mod large_import;
mod pages;
mod thesaurus;
mod work;

use crate::common::{TestApp, editor, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::json;

/// A published practice's import line for Buenos Aires.
pub fn line(id: &str, title: &str, summary: &str, sdg: u8) -> String {
    json!({
        "external_id": id,
        "cities": [{"name": "Buenos Aires", "country": "AR"}],
        "status": "completed", "start_date": "2019-01-01", "end_date": "2020-06-30",
        "sdgs": [sdg], "source_lang": "en",
        "text": {"en": {"title": title, "summary": summary, "context": "The harbour district."}},
    })
    .to_string()
}

pub struct Setup {
    pub app: TestApp,
    pub secretariat: String,
    pub editor: String,
}

pub async fn setup() -> Setup {
    let app = TestApp::with_demo().await;
    let secretariat = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let city = app.city_id("buenos-aires").await;
    let editor = app.user("editor@example.org", &[editor(city)]).await;
    Setup {
        app,
        secretariat,
        editor,
    }
}

impl Setup {
    /// Imports published practices and brings the index up to date.
    pub async fn publish(&self, lines: &[String]) {
        let done = self
            .app
            .upload_csv(
                "/api/v1/practices/import?stage=published",
                &lines.join("\n"),
                &self.secretariat,
            )
            .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        self.app
            .state
            .search
            .catch_up(&self.app.state.db)
            .await
            .expect("catches up");
    }

    /// A draft of the editor's city; its slug.
    pub async fn draft(&self, title: &str) -> String {
        let made = self
            .app
            .api(
                Method::POST,
                "/api/v1/practices",
                Some(json!({"cities": ["buenos-aires"], "lang": "en", "title": title})),
                Some(&self.editor),
            )
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        made.json()["slug"].as_str().expect("slug").to_owned()
    }

    /// The slug of an imported practice.
    pub async fn slug_of(&self, title: &str) -> String {
        let found = self
            .app
            .api(Method::GET, "/api/v1/practices", None, None)
            .await;
        found.json()["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|p| p["record"]["texts"]["title"]["values"]["en"]["text"] == title)
            .and_then(|p| p["slug"].as_str())
            .unwrap_or_else(|| panic!("{title} not found in {}", found.body))
            .to_owned()
    }
}
