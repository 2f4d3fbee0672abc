//! A city's indicators kept through the pages: Buenos Aires's editor, in French, opens an
//! indicator from the city's Indicators page, enters values (one refused, field by field, in
//! French), sets the baseline, target and visibility, and reads the chart, its table twin and
//! the status; an anonymous reader then finds the public series on the city's profile. Every
//! page on the way passes the audit.

use crate::common::editor;
use crate::harness::{Browser, run};

#[tokio::test]
async fn a_city_records_an_indicator_and_shows_it_on_its_profile() {
    run(true, |b: Browser| async move {
        let ba = b.app.city_id("buenos-aires").await;
        b.app.user("ba@example.org", &[editor(ba)]).await;
        b.sign_in("ba@example.org").await;
        b.goto("/fr/cities/buenos-aires/indicators").await;
        b.wait_text("main h1", "Indicateurs de Buenos Aires").await;
        b.check_page().await;
        let base =
            "/fr/cities/buenos-aires/indicators/culture2030-indicators:cultural-participation";
        b.click(&format!("main a[href='{base}']")).await;
        b.wait_text("main h1", "Participation culturelle").await;
        b.check_page().await;

        let values = format!("main form[action='{base}/values']");
        b.fill_in(&values, "year", "2020").await;
        b.fill_in(&values, "value", "beaucoup").await;
        b.submit(&values).await;
        let refused = b
            .wait_text("main .form-errors", "n'est pas un nombre")
            .await;
        assert!(!refused.is_empty());
        b.check_page().await;
        for (year, value) in [("2020", "40"), ("2024", "43,5")] {
            let values = format!("main form[action='{base}/values']");
            b.fill_in(&values, "year", year).await;
            b.fill_in(&values, "value", value).await;
            b.submit(&values).await;
            b.wait_text("main table", year).await;
        }
        let settings = format!("main form[action='{base}']");
        b.fill_in(&settings, "unit", "%").await;
        b.fill_in(&settings, "baseline_year", "2020").await;
        b.fill_in(&settings, "baseline_value", "40").await;
        b.fill_in(&settings, "target_year", "2030").await;
        b.fill_in(&settings, "target_value", "60").await;
        b.choose_in(&settings, "visibility", "public").await;
        b.submit(&settings).await;
        let heading = b.wait_text("main h1", "Participation culturelle").await;
        assert!(heading.contains("Quelques progrès"), "{heading}");
        let twin = b.text("main details.table-twin").await;
        assert!(
            twin.contains("43,5") && twin.contains("Cible 2030"),
            "{twin}"
        );
        b.check_page().await;

        let reader = b.another_person().await;
        reader.goto("/fr/cities/buenos-aires/profile").await;
        let profile = reader
            .wait_text(
                "section[aria-labelledby='profile-indicators']",
                "Participation culturelle",
            )
            .await;
        assert!(profile.contains("Quelques progrès"), "{profile}");
        reader.check_page().await;
    })
    .await;
}
