//! CSV that leaves the platform carries no live formula (F4): text that a spreadsheet would run
//! is written with a leading quote in every CSV export, and an exported registry file imports
//! back to the same text.

use crate::common::{TestApp, admin, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::json;

const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"Click\")";
const COMMAND: &str = "=cmd|' /C calc'!A0";

#[tokio::test]
async fn a_practice_s_formula_is_exported_as_text() {
    let app = TestApp::with_demo().await;
    let token = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let line = json!({
        "external_id": "evil-1", "cities": [{"name": "Lyon", "country": "FR"}],
        "status": "completed", "start_date": "2018-01-15",
        "text": {"en": {"title": FORMULA, "summary": COMMAND}},
    });
    let done = app
        .upload_csv(
            "/api/v1/practices/import?stage=published",
            &line.to_string(),
            &token,
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    let csv = app
        .api(Method::GET, "/api/v1/practices/export.csv", None, None)
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let cells: Vec<String> = reader
        .records()
        .flat_map(|r| {
            r.expect("row")
                .iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        cells.iter().any(|c| c == &format!("'{FORMULA}")),
        "{cells:?}"
    );
    assert!(
        cells.iter().any(|c| c == &format!("'{COMMAND}")),
        "{cells:?}"
    );
    for cell in &cells {
        assert!(
            !cell.starts_with(['=', '@', '\t', '\r']),
            "a live formula: {cell:?}"
        );
    }
    let codebook = app
        .api(Method::GET, "/api/v1/practices/codebook", None, None)
        .await;
    assert!(
        codebook.json()["formulas"]
            .as_str()
            .is_some_and(|t| t.contains("single quote"))
    );
}

#[tokio::test]
async fn a_city_named_like_a_formula_leaves_as_text_and_comes_back_the_same() {
    let app = TestApp::new().await;
    let token = app.user("admin@example.org", &[admin()]).await;
    let file = format!(
        "slug,source_lang,name_en,name_fr,name_es,country,region,population,latitude,longitude,website,description_en,description_fr,description_es\n\
         trap,en,\"{}\",,,FR,europe,,40.4,-3.7,,@SUM(A1),+1+1,'quoted\n",
        FORMULA.replace('"', "\"\"")
    );
    let imported = app.upload_csv("/api/v1/import/cities", &file, &token).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let exported = app
        .api(Method::GET, "/api/v1/export/cities.csv", None, None)
        .await;
    assert!(
        exported
            .body
            .contains(&format!("\"'{}\"", FORMULA.replace('"', "\"\""))),
        "{}",
        exported.body
    );
    assert!(
        exported.body.contains(",'@SUM(A1),'+1+1,''quoted"),
        "{}",
        exported.body
    );
    assert!(
        exported.body.contains(",40.4,-3.7,"),
        "numbers stay numbers"
    );
    let again = app
        .upload_csv("/api/v1/import/cities", &exported.body, &token)
        .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(again.json()["updated"], 0, "the same text came back");
    let city = app
        .api(Method::GET, "/api/v1/cities/trap", None, None)
        .await;
    let city = &city.json()["city"];
    assert_eq!(city["name"]["values"]["en"]["text"], FORMULA);
    assert_eq!(city["description"]["values"]["es"]["text"], "'quoted");
}
