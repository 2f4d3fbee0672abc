//! A city's indicator values: entered and imported as tidy CSV (a bad file writes nothing and
//! names its rows), seen as the series' visibility says (confidential until its keepers choose),
//! saved on their revision, exported with no live formula and read back unchanged, and the
//! progress status read by its rule. The pages are in `pages`.

mod filing;
mod pages;

use crate::common::{TestApp, editor, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

pub(super) const PARTICIPATION: &str = "culture2030-indicators:cultural-participation";
pub(super) const HERITAGE: &str = "culture2030-indicators:heritage-expenditure";

pub(super) struct World {
    pub(super) app: TestApp,
    pub(super) secretariat: String,
    /// Buenos Aires's editor, and Lyon's (a member city of the same network).
    pub(super) own_editor: String,
    pub(super) other_editor: String,
}

pub(super) async fn world() -> World {
    let app = TestApp::with_demo().await;
    let secretariat = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let buenos_aires = app.city_id("buenos-aires").await;
    let lyon = app.city_id("lyon").await;
    let own_editor = app.user("ba@example.org", &[editor(buenos_aires)]).await;
    let other_editor = app.user("lyon@example.org", &[editor(lyon)]).await;
    World {
        app,
        secretariat,
        own_editor,
        other_editor,
    }
}

pub(super) fn series_path(indicator: &str) -> String {
    format!("/api/v1/cities/buenos-aires/indicators/{indicator}")
}

impl World {
    pub(super) async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        token: Option<&str>,
    ) -> (StatusCode, Value) {
        let reply = self.app.api(method, path, body, token).await;
        let body = if reply.body.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&reply.body).unwrap_or(Value::String(reply.body))
        };
        (reply.status, body)
    }

    pub(super) async fn value(&self, indicator: &str, body: Value, token: &str) -> Value {
        let path = format!("{}/values", series_path(indicator));
        let (status, done) = self
            .call(Method::POST, &path, Some(body), Some(token))
            .await;
        assert_eq!(status, StatusCode::OK, "{done}");
        done
    }

    /// The values of a series as `year breakdown=value` lines, as `token` sees them.
    pub(super) async fn seen(&self, indicator: &str, token: Option<&str>) -> Option<Vec<String>> {
        let (status, series) = self
            .call(Method::GET, &series_path(indicator), None, token)
            .await;
        if status == StatusCode::NOT_FOUND {
            return None;
        }
        assert_eq!(status, StatusCode::OK, "{series}");
        Some(
            series["values"]
                .as_array()
                .expect("values")
                .iter()
                .map(|v| format!("{} {}={}", v["year"], v["breakdown"], v["value"]))
                .collect(),
        )
    }

    pub(super) async fn import(&self, csv: &str, query: &str, token: &str) -> (StatusCode, Value) {
        let reply = self
            .app
            .upload_csv(
                &format!("/api/v1/cities/buenos-aires/indicators/import{query}"),
                csv,
                token,
            )
            .await;
        (
            reply.status,
            serde_json::from_str(&reply.body).unwrap_or(Value::Null),
        )
    }
}

#[tokio::test]
async fn a_new_series_is_confidential_until_its_keepers_choose_and_then_seen_as_they_chose() {
    let w = world().await;
    w.value(
        PARTICIPATION,
        json!({"year": 2020, "value": "10"}),
        &w.own_editor,
    )
    .await;
    w.value(
        PARTICIPATION,
        json!({"year": 2020, "value": 11.5, "breakdown": {"sex": "female"}}),
        &w.own_editor,
    )
    .await;
    let expected = vec![
        r#"2020 {"sex":"female"}=11.5"#.to_owned(),
        "2020 {}=10.0".to_owned(),
    ];
    let mut seen = w
        .seen(PARTICIPATION, Some(&w.secretariat))
        .await
        .expect("seen");
    seen.sort();
    assert_eq!(seen, expected);
    for token in [None, Some(w.other_editor.as_str())] {
        assert_eq!(w.seen(PARTICIPATION, token).await, None, "{token:?}");
        let (_, list) = w
            .call(
                Method::GET,
                "/api/v1/cities/buenos-aires/indicators",
                None,
                token,
            )
            .await;
        assert_eq!(
            list["series"],
            json!([]),
            "a confidential series is in no list"
        );
        let csv = w
            .app
            .api(
                Method::GET,
                "/api/v1/cities/buenos-aires/indicators.csv",
                None,
                token,
            )
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(!csv.body.contains("cultural-participation"), "{}", csv.body);
        let one = format!("{}/values.csv", series_path(PARTICIPATION));
        assert_eq!(
            w.app.api(Method::GET, &one, None, token).await.status,
            StatusCode::NOT_FOUND
        );
    }
    // The keepers choose: network members now see it, anonymous readers still do not.
    let settings = json!({"unit": "%", "visibility": "network", "baseline_year": 2020,
        "baseline_value": 10, "target_year": 2030, "target_value": "20", "revision": 1});
    let (status, saved) = w
        .call(
            Method::PUT,
            &series_path(PARTICIPATION),
            Some(settings.clone()),
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["revision"], 2);
    assert_eq!(saved["target"], json!({"year": 2030, "value": 20.0}));
    let (status, refused) = w
        .call(
            Method::PUT,
            &series_path(PARTICIPATION),
            Some(settings),
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "an old revision: {refused}");
    assert_eq!(refused["error"], "changed_meanwhile");
    assert!(w.seen(PARTICIPATION, Some(&w.other_editor)).await.is_some());
    assert_eq!(w.seen(PARTICIPATION, None).await, None);
    // Lyon's editor may read, not write.
    let (status, _) = w
        .call(
            Method::POST,
            &format!("{}/values", series_path(PARTICIPATION)),
            Some(json!({"year": 2021, "value": 1})),
            Some(&w.other_editor),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_value_is_checked_field_by_field_and_replaces_the_one_of_its_year_and_breakdown() {
    let w = world().await;
    let path = format!("{}/values", series_path(PARTICIPATION));
    let (status, refused) = w
        .call(
            Method::POST,
            &path,
            Some(json!({"year": "1800", "value": "a lot", "breakdown": "sex"})),
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let fields = &refused["fields"];
    assert_eq!(fields["year"]["error"], "out_of_range", "{refused}");
    assert_eq!(fields["value"]["error"], "not_a_number");
    assert_eq!(fields["breakdown"]["error"], "invalid_breakdown");
    assert_eq!(
        w.seen(PARTICIPATION, Some(&w.own_editor)).await,
        Some(vec![]),
        "nothing kept"
    );
    let first = w
        .value(
            PARTICIPATION,
            json!({"year": 2021, "value": "3,5"}),
            &w.own_editor,
        )
        .await;
    assert_eq!(first["created"], 1);
    let again = w
        .value(
            PARTICIPATION,
            json!({"year": 2021, "value": 3.5}),
            &w.own_editor,
        )
        .await;
    assert_eq!(again["unchanged"], 1);
    let changed = w
        .value(
            PARTICIPATION,
            json!({"year": 2021, "value": 4}),
            &w.own_editor,
        )
        .await;
    assert_eq!(changed["updated"], 1);
    assert_eq!(
        w.seen(PARTICIPATION, Some(&w.own_editor)).await,
        Some(vec!["2021 {}=4.0".to_owned()])
    );
    let (status, _) = w
        .call(
            Method::GET,
            &series_path("culture2030-indicators:nothing"),
            None,
            Some(&w.secretariat),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "an indicator no framework has"
    );
}

#[tokio::test]
async fn a_tidy_file_is_imported_whole_or_not_at_all_and_its_export_reads_back_unchanged() {
    let w = world().await;
    let good = format!(
        "Indicator,Year,Sex,Units,GeoCode,Value,Source\n\
         {PARTICIPATION},2020,,%,,10,Survey 2020\n\
         {PARTICIPATION},2025,,%,,15,Survey 2025\n\
         {PARTICIPATION},2025,female,%,,16,=cmd|' /C calc'!A0\n\
         {HERITAGE},2024,,USD per capita,D01,3.25,\n"
    );
    let (status, done) = w.import(&good, "", &w.own_editor).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["created"], 4);
    // A file with one bad row among good ones writes nothing and names the row.
    let bad = format!(
        "Indicator,Year,Units,Value\n{PARTICIPATION},2026,%,17\n{PARTICIPATION},2027,%,lots\n"
    );
    let (status, refused) = w.import(&bad, "", &w.own_editor).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["lines"][0]["line"], 3, "{refused}");
    assert_eq!(refused["lines"][0]["column"], "Value");
    // A unit other than the series' own: refused too, nothing written.
    let other_unit = "Year,Units,Value\n2026,persons,17\n";
    let (status, refused) = w
        .import(
            other_unit,
            &format!("?indicator={PARTICIPATION}"),
            &w.own_editor,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["lines"][0]["error"], "unit_mismatch");
    assert_eq!(
        w.seen(PARTICIPATION, Some(&w.own_editor))
            .await
            .expect("seen")
            .len(),
        3
    );
    // The status reads the whole: half-way in time, half-way to the target.
    let settings = json!({"unit": "%", "baseline_year": 2020, "baseline_value": 10,
        "target_year": 2030, "target_value": 20, "revision": 1});
    let (status, _) = w
        .call(
            Method::PUT,
            &series_path(PARTICIPATION),
            Some(settings),
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, series) = w
        .call(
            Method::GET,
            &series_path(PARTICIPATION),
            None,
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(series["status"], "on_track", "{series}");
    let (_, heritage) = w
        .call(
            Method::GET,
            &series_path(HERITAGE),
            None,
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(heritage["status"], "no_data", "no target");
    assert_eq!(heritage["series"]["unit"], "USD per capita");
    assert_eq!(
        heritage["values"][0]["breakdown"],
        json!({"GeoCode": "D01"})
    );
    // The export carries no live formula, and imported again changes nothing.
    let export = w
        .app
        .api(
            Method::GET,
            "/api/v1/cities/buenos-aires/indicators.csv",
            None,
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.body.contains("'=cmd"), "{}", export.body);
    assert!(!export.body.contains(",=cmd"), "{}", export.body);
    let (status, again) = w.import(&export.body, "", &w.own_editor).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again, json!({"created": 0, "updated": 0, "unchanged": 4}));
    // A value removed is gone; a value the series does not have is not found (ids are the
    // series' own).
    let id = series["values"][0]["id"].as_i64().expect("id");
    let wrong = format!("{}/values/999", series_path(PARTICIPATION));
    assert_eq!(
        w.call(Method::DELETE, &wrong, None, Some(&w.own_editor))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let remove = format!("{}/values/{id}", series_path(PARTICIPATION));
    assert_eq!(
        w.call(Method::DELETE, &remove, None, Some(&w.own_editor))
            .await
            .0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        w.seen(PARTICIPATION, Some(&w.own_editor))
            .await
            .expect("seen")
            .len(),
        2
    );
    // Lyon's editor may not import into Buenos Aires.
    assert_eq!(
        w.import(&good, "", &w.other_editor).await.0,
        StatusCode::FORBIDDEN
    );
}

/// The city's list reads each series' values once per values revision: every write is seen
/// by the next read, and a removal too.
#[tokio::test]
async fn the_city_list_shows_each_write_at_once_though_its_values_are_kept_decoded() {
    let w = world().await;
    w.value(
        PARTICIPATION,
        json!({"year": 2021, "value": 3}),
        &w.own_editor,
    )
    .await;
    assert_eq!(listed(&w).await, vec!["2021=3.0"]);
    assert_eq!(listed(&w).await, vec!["2021=3.0"], "read again, unchanged");
    w.value(
        PARTICIPATION,
        json!({"year": 2021, "value": 4}),
        &w.own_editor,
    )
    .await;
    assert_eq!(listed(&w).await, vec!["2021=4.0"], "the change is seen");
    let added = w
        .value(
            PARTICIPATION,
            json!({"year": 2022, "value": 5}),
            &w.own_editor,
        )
        .await;
    assert_eq!(listed(&w).await, vec!["2021=4.0", "2022=5.0"], "{added}");
    let (_, series) = w
        .call(
            Method::GET,
            &series_path(PARTICIPATION),
            None,
            Some(&w.own_editor),
        )
        .await;
    let first = series["values"][0]["id"].clone();
    let (status, removed) = w
        .call(
            Method::DELETE,
            &format!("{}/values/{first}", series_path(PARTICIPATION)),
            None,
            Some(&w.own_editor),
        )
        .await;
    assert!(status.is_success(), "{status} {removed}");
    assert_eq!(listed(&w).await, vec!["2022=5.0"], "the removal is seen");
}

/// Every value of the city's list as `year=value`, as its editor reads it.
async fn listed(w: &World) -> Vec<String> {
    let (status, list) = w
        .call(
            Method::GET,
            "/api/v1/cities/buenos-aires/indicators",
            None,
            Some(&w.own_editor),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list["series"]
        .as_array()
        .expect("series")
        .iter()
        .flat_map(|s| s["values"].as_array().cloned().unwrap_or_default())
        .map(|v| format!("{}={}", v["year"], v["value"]))
        .collect()
}
