//! The Culture 21 Lab's workshop as people run it, in two browsers: the secretariat creates an
//! assessment through the form and makes invitation links; a participant opens one on a phone,
//! saves a draft, comes back to it through the same link and submits, while the facilitator's
//! dashboard follows without a reload; then consensus, key ideas, closing and the radar.

use crate::common::{TestApp, secretariat};
use crate::harness::{Browser, run};
use ateneu_domain::ids::AssessmentId;
use axum::http::StatusCode;
use serde_json::json;
use std::time::{Duration, Instant};

const SUBMIT: &str = "main form.form button[type='submit']";
/// The longest the dashboard may take to show a change (it is told within a second).
const LIVE: Duration = Duration::from_secs(5);
/// The nine commitments of Culture 21 Actions, with the score the participant gives each
/// (`None`: not applicable).
const SCORES: [(&str, Option<u8>); 9] = [
    ("cultural-rights", Some(5)),
    ("heritage-diversity-creativity", Some(6)),
    ("culture-education", Some(4)),
    ("culture-environment", None),
    ("culture-economy", Some(3)),
    ("culture-equity-inclusion", Some(7)),
    ("culture-urban-planning", Some(2)),
    ("culture-information-knowledge", Some(8)),
    ("governance-of-culture", Some(5)),
];

/// The label a person taps for a score (the radio button itself is visually hidden).
fn score_label(item: &str, score: Option<u8>) -> String {
    let value = score.map_or_else(|| "na".to_owned(), |s| s.to_string());
    format!("label.score:has(input[name='score.{item}'][value='{value}'])")
}

/// Waits, a few seconds at most, until the dashboard's first figures read `submitted` and
/// `drafts`.
async fn dashboard_shows(b: &Browser, submitted: &str, drafts: &str) {
    let started = Instant::now();
    loop {
        let values = b.find_all("#live .stats .stat .value").await;
        let mut seen = Vec::new();
        for value in values.iter().take(2) {
            seen.push(value.text().await.unwrap_or_default());
        }
        if seen == [submitted, drafts] {
            return;
        }
        assert!(
            started.elapsed() < LIVE,
            "the dashboard still shows {seen:?}, not [{submitted}, {drafts}]"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks a form's button and waits until the page it leads to has loaded (the same address
/// as before, after a redirect).
async fn submit_and_wait(b: &Browser, css: &str) {
    b.script("window.beforeSubmit = true;", Vec::new()).await;
    b.click(css).await;
    let started = Instant::now();
    loop {
        // While the next page loads the script may fail: that is not yet.
        let loaded = b
            .client
            .execute(
                "return window.beforeSubmit !== true && document.readyState === 'complete';",
                Vec::new(),
            )
            .await;
        if loaded.is_ok_and(|l| l == json!(true)) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{css} led nowhere"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn checked(b: &Browser, item: &str, score: Option<u8>) -> bool {
    let value = score.map_or_else(|| "na".to_owned(), |s| s.to_string());
    let input = b
        .find(&format!("input[name='score.{item}'][value='{value}']"))
        .await;
    input.prop("checked").await.expect("checked").as_deref() == Some("true")
}

/// A score off the scale cannot be picked in the form; sent anyway, it is refused field by
/// field in the page's language, and nothing is saved.
async fn a_score_off_the_scale_is_refused_in_french(app: &TestApp, link: &str, id: i64) {
    let mut phone = app.fresh_browser();
    let refused = phone
        .post_form(
            link,
            &[
                ("sector", "academia"),
                ("score.cultural-rights", "12"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("<html lang=\"fr\""));
    assert!(
        refused
            .body
            .contains("<p class=\"error\">La note doit être comprise entre 1–9.</p>"),
        "{}",
        refused.body
    );
    let saved = ateneu_db::assessments::responses(&app.state.db.conn, AssessmentId::new(id))
        .await
        .expect("responses");
    assert_eq!(saved.len(), 1, "only the first participant's response");
}

#[tokio::test]
async fn a_workshop_from_the_form_to_the_radar_with_a_live_dashboard() {
    run(true, |b: Browser| async move {
        b.app
            .user("secretariat@example.org", &[secretariat("uclg-culture")])
            .await;
        b.sign_in("secretariat@example.org").await;

        // The assessment, through the form: a workshop in French and Spanish.
        b.goto("/en/assessments/new").await;
        b.fill("city", "buenos-aires").await;
        b.fill("title", "Taller Buenos Aires").await;
        // A date field's typing order follows the browser's locale: set it as the picker would.
        b.script(
            "document.querySelector(\"[name='starts_on']\").value = arguments[0];",
            vec![json!("2026-03-10")],
        )
        .await;
        b.click("input[name='languages'][value='en']").await;
        b.click(SUBMIT).await;
        let started = Instant::now();
        while !b.path().await.starts_with("/en/assessments/") || b.path().await.ends_with("/new") {
            assert!(started.elapsed() < Duration::from_secs(10), "not created");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let path = b.path().await;
        let id: i64 = path
            .rsplit('/')
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("an assessment's page: {path}"));
        assert_eq!(b.text("main h1").await, "Taller Buenos Aires");

        // Two invitation links, from the page.
        b.click(&format!("main a[href='/en/assessments/{id}/invitations']"))
            .await;
        b.wait_for_path(&format!("/en/assessments/{id}/invitations"))
            .await;
        b.fill("count", "2").await;
        b.click(SUBMIT).await;
        b.find(".invitation-card").await;
        let mut links = Vec::new();
        for a in b.find_all(".invitation-card .link a").await {
            links.push(a.attr("href").await.expect("href").expect("a link"));
        }
        assert_eq!(links.len(), 2);
        let paths: Vec<String> = links
            .iter()
            .map(|l| l.strip_prefix(&b.base).expect("a link here").to_owned())
            .collect();
        assert!(paths[0].starts_with("/fr/participate/"), "{paths:?}");
        assert_eq!(b.find_all(".invitation-card .qr svg").await.len(), 2);

        // The facilitator keeps the dashboard open; a mark tells whether the page reloads.
        b.goto(&format!("/en/assessments/{id}/dashboard")).await;
        dashboard_shows(&b, "0", "0").await;
        b.script("window.stillHere = true;", Vec::new()).await;

        // A participant, on a phone.
        let phone = b.another_person().await;
        phone
            .client
            .set_window_size(390, 844)
            .await
            .expect("a phone-sized window");
        phone.goto(&paths[0]).await;
        assert_eq!(phone.page_lang().await, "fr");
        let width = phone.script("return window.innerWidth;", Vec::new()).await;
        assert!(
            width.as_i64().is_some_and(|w| (300..=390).contains(&w)),
            "a phone's width: {width}"
        );
        let overflow = phone
            .script(
                "return document.documentElement.scrollWidth - window.innerWidth;",
                Vec::new(),
            )
            .await;
        assert!(
            overflow.as_i64().is_some_and(|o| o <= 0),
            "no sideways scrolling on a phone: {overflow}"
        );
        phone.choose("sector", "civil_society").await;
        for (item, score) in SCORES {
            phone.click(&score_label(item, score)).await;
        }
        phone.click("button[name='action'][value='save']").await;
        let saved = phone.text(".flash.success").await;
        assert_eq!(saved, "Enregistré. Vous pouvez revenir avec le même lien.");
        dashboard_shows(&b, "0", "1").await;

        // Back later through the same link: the draft is there.
        phone.goto("/fr").await;
        phone.goto(&paths[0]).await;
        let sector = phone.find("#p-sector").await.prop("value").await;
        assert_eq!(sector.expect("value").as_deref(), Some("civil_society"));
        for (item, score) in SCORES {
            assert!(
                checked(&phone, item, score).await,
                "{item} kept as {score:?}"
            );
        }
        phone.click("button[name='action'][value='submit']").await;
        assert_eq!(
            phone.text(".flash.success").await,
            "Merci : vos notes ont été envoyées."
        );
        assert!(phone.find_all("form.participation").await.is_empty());

        // The dashboard shows the response without a reload.
        dashboard_shows(&b, "1", "0").await;
        let still_here = b
            .script("return window.stillHere === true;", Vec::new())
            .await;
        assert_eq!(
            still_here,
            json!(true),
            "the dashboard page was not reloaded"
        );
        let items = b.text("#live").await;
        assert!(items.contains("5.0"), "the items' means: {items}");

        a_score_off_the_scale_is_refused_in_french(&b.app, &paths[1], id).await;

        // Consensus and key ideas, then close.
        b.goto(&format!("/en/assessments/{id}/consensus")).await;
        b.choose("score.cultural-rights", "8").await;
        b.fill("justification.cultural-rights", "Libraries in every barrio")
            .await;
        b.click(SUBMIT).await;
        b.wait_for_path(&format!("/en/assessments/{id}")).await;
        b.fill("key_ideas", "Open the libraries on Sundays.").await;
        submit_and_wait(&b, "main form.form button.secondary").await;
        assert_eq!(
            b.text("main textarea[name='key_ideas']").await,
            "Open the libraries on Sundays."
        );
        // Closing asks first, on a page of its own.
        b.click("main a.button.danger").await;
        b.wait_for_path(&format!("/en/assessments/{id}/close"))
            .await;
        submit_and_wait(&b, "main form.form button.danger").await;
        assert!(
            b.find_all("main textarea[name='key_ideas']")
                .await
                .is_empty()
        );
        assert!(
            b.text("main")
                .await
                .contains("Open the libraries on Sundays.")
        );
        assert!(b.text("main .badge").await.contains("Closed"));

        // The results: the radar and its table, with the agreed score.
        b.find("section.radar-block .radar svg").await;
        let table = b.text("section.radar-block table.data").await;
        let row = table
            .lines()
            .find(|line| line.contains("Cultural rights"))
            .unwrap_or_else(|| panic!("a row for cultural rights: {table}"))
            .to_owned();
        assert!(row.contains("8.0"), "the agreed score: {row}");
    })
    .await;
}
