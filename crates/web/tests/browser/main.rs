//! Browser tests: real user flows in headless Chromium (Debian's `chromium` and
//! `chromium-driver`, driven over WebDriver), against the whole application served on a free
//! port, on a fresh database (SQLite, or PostgreSQL when ATENEU_TEST_POSTGRES is set). They fail,
//! never skip, when chromedriver is missing: `.ci/run` installs it. Every page they reach is
//! audited (`audit.rs`): axe-core finds no serious or critical violation, and it weighs under
//! 100 KB of HTML, CSS and JavaScript.

// The request tests' harness (test database, users, roles); these tests use part of it.
mod action_plans;
mod audit;
#[allow(dead_code)]
#[path = "../app/common.rs"]
mod common;
mod harness;
mod indicators;
mod journeys;
mod lab;
mod module_tests;
mod newsletter;
mod policy_design;
mod programme;
mod seven_keys;
mod showcase;

use common::{PASSWORD, secretariat};
use fantoccini::key::Key;
use harness::{Browser, run};

const SUBMIT: &str = "main form.form button[type='submit']";

#[tokio::test]
async fn the_first_administrator_sets_up_the_platform_and_adds_a_city() {
    run(false, |b: Browser| async move {
        let link = ateneu_web::accounts::admin_setup_link(&b.app.state)
            .await
            .expect("the set-up link")
            .expect("no administrator yet");
        let path = link.strip_prefix(&b.base).expect("the link points here");
        b.goto(path).await;
        assert_eq!(b.text("main h1").await, "Create the administrator account");
        b.fill("email", "ada@example.org").await;
        b.fill("display_name", "Ada Admin").await;
        b.fill("password", PASSWORD).await;
        b.fill("confirm", PASSWORD).await;
        b.click(SUBMIT).await;
        b.wait_for_path("/en/admin").await;
        assert_eq!(b.text(".account a").await, "Ada Admin", "signed in");

        // On to the registry, in French, through the language switcher and the menus.
        b.click(".lang-switch a[hreflang='fr']").await;
        b.wait_for_path("/fr/admin").await;
        b.click(".main-nav a[href='/fr/cities']").await;
        b.wait_for_path("/fr/cities").await;
        b.click("main a[href='/fr/cities/new']").await;
        b.wait_for_path("/fr/cities/new").await;
        assert_eq!(b.text("main h1").await, "Ajouter une ville");

        b.fill("name_fr", "Villeurbanne").await;
        b.choose("country", "FR").await;
        b.choose("region", "europe").await;
        b.fill("latitude", "200").await;
        b.fill("longitude", "4.88").await;
        b.click(SUBMIT).await;
        let error = b.text("#f-latitude-error").await;
        assert!(
            error.starts_with("Valeur hors limites"),
            "in French: {error}"
        );
        assert_eq!(
            b.attr("#f-latitude", "aria-invalid").await.as_deref(),
            Some("true")
        );
        assert!(
            b.text(".form-errors")
                .await
                .contains("Veuillez corriger les points suivants")
        );
        let kept = b.find("[name='name_fr']").await.prop("value").await;
        assert_eq!(kept.expect("value").as_deref(), Some("Villeurbanne"));

        b.fill("latitude", "45.77").await;
        b.click(SUBMIT).await;
        b.wait_for_path("/fr/cities/villeurbanne").await;
        assert!(b.text("main h1").await.contains("Villeurbanne"));
        assert!(b.find_all(".form-errors").await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn the_language_switcher_leads_to_the_same_page_in_another_language() {
    run(false, |b: Browser| async move {
        b.goto("/fr/").await;
        assert_eq!(b.page_lang().await, "fr");
        assert_eq!(
            b.text("main h1").await,
            "Réseaux de villes pour la culture et le développement durable"
        );
        let menu = b.text(".main-nav").await;
        assert!(
            menu.contains("Accueil") && menu.contains("Villes"),
            "{menu}"
        );

        b.click(".lang-switch a[hreflang='es']").await;
        b.wait_for_path("/es").await;
        assert_eq!(b.page_lang().await, "es");
        assert_eq!(
            b.text("main h1").await,
            "Redes de ciudades para la cultura y el desarrollo sostenible"
        );
        assert_eq!(
            b.attr(".lang-switch a[hreflang='es']", "aria-current")
                .await
                .as_deref(),
            Some("true")
        );

        b.goto("/fr/cities").await;
        b.click(".lang-switch a[hreflang='es']").await;
        b.wait_for_path("/es/cities").await;
        assert_eq!(b.page_lang().await, "es");
        assert_eq!(b.text(".main-nav a[aria-current='page']").await, "Ciudades");
    })
    .await;
}

#[tokio::test]
async fn contact_details_are_shown_to_the_secretariat_only() {
    run(true, |b: Browser| async move {
        let lyon = b.app.city_id("lyon").await;
        let contact = ateneu_db::focal_points::of_city(&b.app.state.db.conn, lyon)
            .await
            .expect("focal points")
            .into_iter()
            .next()
            .expect("the example city has a focal point");
        let section = "section[aria-labelledby='focal-points']";

        b.goto("/en/cities/lyon").await;
        let seen = b.text(section).await;
        assert!(seen.contains(&contact.name), "names are public: {seen}");
        assert!(!seen.contains(&contact.email) && !seen.contains(&contact.phone));
        assert!(seen.contains("Contact details are visible to the city's editors"));
        let source = b.client.source().await.expect("page source");
        assert!(
            !source.contains(&contact.email),
            "not even hidden in the page"
        );

        b.app
            .user("secretariat@example.org", &[secretariat("uccn")])
            .await;
        b.click(".account a").await;
        b.wait_for_path("/en/sign-in").await;
        b.fill("email", "secretariat@example.org").await;
        b.fill("password", PASSWORD).await;
        b.click(SUBMIT).await;
        // Signing in returns to the page the person came from.
        b.wait_for_path("/en/cities/lyon").await;
        let mail = b.find(&format!("{section} a[href^='mailto:']")).await;
        assert_eq!(mail.text().await.expect("text"), contact.email);
        assert!(b.text(section).await.contains(&contact.phone));
    })
    .await;
}

#[tokio::test]
async fn the_keyboard_reaches_the_content_and_the_sign_in_fields_are_labelled() {
    run(false, |b: Browser| async move {
        b.goto("/en").await;
        b.press(Key::Tab).await;
        let first = b.focused().await;
        assert_eq!(
            first.attr("href").await.expect("href").as_deref(),
            Some("#main"),
            "the first Tab reaches the skip link"
        );
        assert_eq!(first.text().await.expect("text"), "Skip to content");
        b.press(Key::Enter).await;
        assert_eq!(
            b.focused().await.attr("id").await.expect("id").as_deref(),
            Some("main"),
            "the skip link moves the focus to the content"
        );

        b.goto("/en/sign-in").await;
        let fields = b
            .find_all("main form.form input:not([type='hidden'])")
            .await;
        assert_eq!(fields.len(), 2, "email and password");
        for field in fields {
            let id = field
                .attr("id")
                .await
                .expect("id")
                .expect("the field has an id");
            let label = b.find(&format!("label[for='{id}']")).await;
            let text = label.text().await.expect("text");
            assert!(!text.trim().is_empty(), "{id} has a label with words");
            label.click().await.expect("clicks the label");
            assert_eq!(
                b.focused().await.attr("id").await.expect("id").as_deref(),
                Some(id.as_str()),
                "clicking the label \"{text}\" focuses its field"
            );
        }
    })
    .await;
}
