//! Making a Leading City visible, in the browser: its editor proposes a video for its showcase,
//! the secretariat approves it and a visitor sees it in Spanish; the secretariat schedules a
//! banner of a published practice and the home page shows it.

use crate::common::{editor, secretariat};
use crate::harness::{Browser, run};

#[tokio::test]
async fn a_showcase_entry_is_proposed_approved_and_seen_and_a_banner_is_shown() {
    run(true, |b: Browser| async move {
        let ba = b.app.city_id("buenos-aires").await;
        let keeper = b
            .app
            .user("secretariat@example.org", &[secretariat("uclg-culture")])
            .await;
        b.app.user("ba@example.org", &[editor(ba)]).await;

        // The city's editor proposes a video.
        let city = b.another_person().await;
        city.sign_in("ba@example.org").await;
        city.goto("/en/cities/buenos-aires").await;
        city.click("main a[href='/en/cities/buenos-aires/showcase']")
            .await;
        city.wait_for_path("/en/cities/buenos-aires/showcase").await;
        let add = "main form[action='/en/cities/buenos-aires/showcase/entries']";
        city.choose_in(add, "kind", "video").await;
        city.fill_in(add, "title", "Libraries on the river").await;
        city.fill_in(add, "url", "https://video.example.org/watch/42")
            .await;
        city.tick_in(add, "languages", "es").await;
        city.submit(add).await;
        city.wait_text("main", "waits for the secretariat's approval")
            .await;

        // A visitor does not see it yet; the secretariat approves it; then the visitor does.
        let visitor = b.another_person().await;
        visitor.goto("/es/cities/buenos-aires/showcase").await;
        assert!(
            !visitor
                .text("main")
                .await
                .contains("Libraries on the river")
        );
        b.sign_in("secretariat@example.org").await;
        b.goto("/en/cities/buenos-aires/showcase").await;
        b.submit("main form.inline:has(input[name='do'][value='approve'])")
            .await;
        visitor.goto("/es/cities/buenos-aires/showcase").await;
        visitor.wait_text("main", "Libraries on the river").await;
        assert_eq!(
            visitor
                .attr("main a[href='https://video.example.org/watch/42']", "rel")
                .await
                .as_deref(),
            Some("external noopener")
        );

        // A banner of a published practice, shown on the home page in Spanish.
        let line = serde_json::json!({
            "external_id": "quay", "cities": [{"name": "Buenos Aires", "country": "AR"}],
            "status": "completed", "sdgs": [11], "source_lang": "en",
            "text": {"en": {"title": "Libraries on the quay", "summary": "A harbour library.", "context": "The district."}},
        });
        let done = b
            .app
            .upload_csv("/api/v1/practices/import?stage=published", &line.to_string(), &keeper)
            .await;
        assert!(done.status.is_success(), "{}", done.body);
        let slug = ateneu_db::practices::by_external_id(&b.app.state.db.conn, "quay")
            .await
            .expect("reads")
            .expect("imported")
            .slug;
        let today = chrono::Utc::now().date_naive();
        b.goto("/en/banners").await;
        let form = "main form[action='/en/banners']";
        b.fill_in(form, "practice", &slug).await;
        b.fill_in(form, "text_es", "Una práctica para conocer")
            .await;
        b.date_in(form, "starts_on", &today.to_string()).await;
        b.date_in(
            form,
            "ends_on",
            &(today + chrono::Duration::days(7)).to_string(),
        )
        .await;
        b.submit(form).await;
        b.wait_text("main", "shown today").await;
        visitor.goto("/es").await;
        visitor
            .wait_text("main .banners", "Una práctica para conocer")
            .await;
    })
    .await;
}
