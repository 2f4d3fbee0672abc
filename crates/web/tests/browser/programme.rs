//! The Leading Cities programme as its people run it, through the pages alone: the secretariat,
//! in French, starts Buenos Aires's two-year programme, logs a consultation, records the MoU and
//! a budget line, adds a peer-learning seminar from the catalogue, engages an expert of the
//! roster on it, files the seminar's article with versions in three languages and records its
//! dissemination, then asks the city for its availability for an event; the city's editor, in
//! Spanish, finds the notice and answers; the secretariat, told in turn, confirms the city's
//! representative. Every page on the way has its fields labelled and its messages in its
//! language.

use crate::common::{editor, secretariat};
use crate::harness::{Browser, run};
use chrono::{Datelike, Days, Utc};
use std::time::{Duration, Instant};

/// Waits until the page's address starts with `prefix`; the address.
async fn reach(b: &Browser, prefix: &str) -> String {
    let started = Instant::now();
    loop {
        let path = b.path().await;
        if path.starts_with(prefix) {
            return path;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "expected {prefix}…, still on {path}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The number that ends an address ("/fr/outputs/7" → 7).
fn last_id(path: &str) -> i64 {
    path.rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id at the end of {path}"))
}

#[tokio::test]
async fn a_programme_from_its_consultation_to_a_confirmed_representative() {
    run(true, |b: Browser| async move {
        let today = Utc::now().date_naive();
        let year = today.year();
        let (starts, ends) = (format!("{year}-01-01"), format!("{}-12-31", year + 1));
        let (seminar_starts, seminar_ends) =
            (format!("{}-05-04", year + 1), format!("{}-05-07", year + 1));
        let ba = b.app.city_id("buenos-aires").await;
        b.app
            .user("secretariat@example.org", &[secretariat("uclg-culture")])
            .await;
        b.app.user("ba@example.org", &[editor(ba)]).await;

        // The city's editor reads Spanish, and says so on their account page.
        let city = b.another_person().await;
        city.sign_in("ba@example.org").await;
        let profile = "main form[action='/en/account']";
        city.fill_in(profile, "display_name", "Lucía Gómez").await;
        city.choose_in(profile, "locale", "es").await;
        city.submit(profile).await;
        city.wait_for_path("/es/account").await;
        assert_eq!(city.page_lang().await, "es");
        city.check_page().await;

        // The secretariat works in French.
        b.sign_in("secretariat@example.org").await;
        b.fill_in(profile, "display_name", "Sophie Martin").await;
        b.choose_in(profile, "locale", "fr").await;
        b.submit(profile).await;
        b.wait_for_path("/fr/account").await;
        b.click(".main-nav a[href='/fr/programmes']").await;
        b.wait_for_path("/fr/programmes").await;
        b.check_page().await;
        b.click("main a[href='/fr/programmes/new']").await;
        b.wait_for_path("/fr/programmes/new").await;
        b.check_page().await;

        // A two-year programme, in consultation.
        let form = "main form[action='/fr/programmes/new']";
        b.fill_in(form, "city", "Buenos Aires").await;
        b.date_in(form, "starts_on", &starts).await;
        b.date_in(form, "ends_on", &ends).await;
        b.fill_in(form, "priorities", "Culture et climat ; patrimoine vivant")
            .await;
        b.submit(form).await;
        let programme = last_id(&reach(&b, "/fr/programmes/").await);
        let base = format!("/fr/programmes/{programme}");
        assert_eq!(b.text("main h1").await, "Programme de Buenos Aires");
        let facts = b.text("main > dl").await;
        assert!(
            facts.contains(&format!("{starts} – {ends}")) && facts.contains("En consultation"),
            "{facts}"
        );
        assert!(!facts.contains("moins de deux ans"), "two years: {facts}");
        b.check_page().await;

        // The consultation that shaped it.
        b.unfold("Enregistrer une consultation").await;
        let form = format!("main form[action='{base}/consultations']");
        b.date_in(&form, "held_on", &today.to_string()).await;
        b.fill_in(
            &form,
            "city_people",
            "Lucía Gómez, directrice de la culture",
        )
        .await;
        b.fill_in(&form, "secretariat_people", "Sophie Martin")
            .await;
        b.fill_in(&form, "notes", "Les priorités du programme sont discutées.")
            .await;
        b.fill_in(
            &form,
            "decisions",
            "Un séminaire entre pairs l'an prochain.",
        )
        .await;
        b.submit(&form).await;
        let consultations = b
            .wait_text("#consultations", "Un séminaire entre pairs")
            .await;
        assert!(
            consultations.contains(&today.to_string()) && consultations.contains("Sophie Martin"),
            "{consultations}"
        );

        // Proposed, then its memorandum signed.
        let change = format!("main form[action='{base}']");
        b.unfold("Modifier la période, l’état ou les priorités")
            .await;
        b.choose_in(&change, "status", "proposed").await;
        b.submit(&change).await;
        b.wait_text("main > dl", "Proposé").await;
        b.click(&format!("#agreement a[href='{base}/mou']")).await;
        b.wait_for_path(&format!("{base}/mou")).await;
        assert_eq!(b.text("main h1").await, "Protocole d’accord");
        b.check_page().await;
        let form = format!("main form[action='{base}/mou']");
        b.choose_in(&form, "kind", "mou").await;
        b.date_in(&form, "signed_on", &today.to_string()).await;
        b.fill_in(
            &form,
            "signatories",
            "Jorge Macri | Chef du gouvernement | city | Ville de Buenos Aires\n\
             Jordi Pascual | Coordinateur | uclg | CGLU",
        )
        .await;
        b.fill_in(&form, "summary", "Deux ans de coopération culturelle.")
            .await;
        b.fill_in(
            &form,
            "title_en",
            "Memorandum between Buenos Aires and UCLG",
        )
        .await;
        b.fill_in(&form, "title_fr", "Protocole entre Buenos Aires et CGLU")
            .await;
        b.fill_in(&form, "title_es", "Memorando entre Buenos Aires y CGLU")
            .await;
        b.submit(&form).await;
        let mou = b.wait_text("main", "Jordi Pascual").await;
        assert_eq!(
            b.text(&format!("main a[href='{base}']")).await,
            "← Retour au programme"
        );
        assert!(
            mou.contains(&today.to_string())
                && mou.contains("Chef du gouvernement")
                && mou.contains("La ville")
                && !mou.contains("Pas encore signé"),
            "{mou}"
        );
        let versions = b.text("#versions").await;
        assert!(
            versions.contains("Protocole entre Buenos Aires et CGLU")
                && versions.contains("Memorando entre Buenos Aires y CGLU"),
            "{versions}"
        );
        b.check_page().await;
        b.click(&format!("main a[href='{base}']")).await;
        b.wait_for_path(&base).await;
        b.unfold("Modifier la période, l’état ou les priorités")
            .await;
        b.choose_in(&change, "status", "mou_signed").await;
        b.submit(&change).await;
        b.wait_text("main > dl", "Protocole d’accord signé").await;

        // A budget line, written the French way, kept exact.
        b.click(&format!("#budget-summary a[href='{base}/budget']"))
            .await;
        b.wait_for_path(&format!("{base}/budget")).await;
        b.check_page().await;
        b.unfold("Ajouter une ligne").await;
        let form = format!("main form[action='{base}/budget']");
        b.fill_in(&form, "year", &year.to_string()).await;
        b.choose_in(&form, "category", "venue").await;
        b.fill_in(&form, "description", "Salle du séminaire").await;
        b.fill_in(&form, "funder", "CGLU").await;
        b.fill_in(&form, "currency", "EUR").await;
        b.fill_in(&form, "planned", "12 500,50").await;
        b.submit(&form).await;
        let budget = b.wait_text("main", "12500.50 EUR").await;
        assert!(
            budget.contains("Salle du séminaire") && budget.contains("Lieu"),
            "{budget}"
        );
        b.check_page().await;
        b.click(&format!("main a[href='{base}']")).await;
        b.wait_for_path(&base).await;
        let summary = b.text("#budget-summary").await;
        assert!(
            summary.contains("EUR : prévu 12500.50 EUR · engagé 0.00 EUR"),
            "{summary}"
        );

        // A peer-learning seminar from the catalogue.
        b.unfold("Ajouter une activité").await;
        let form = format!("main form[action='{base}/activities']");
        b.choose_in(&form, "catalogue_key", "peer-learning-seminar")
            .await;
        b.date_in(&form, "starts_on", &seminar_starts).await;
        b.date_in(&form, "ends_on", &seminar_ends).await;
        b.fill_in(&form, "place", "Usina del Arte").await;
        b.fill_in(&form, "city_leads", "Lucía Gómez").await;
        b.fill_in(&form, "secretariat_leads", "Sophie Martin").await;
        b.fill_in(&form, "focus", "Culture et climat").await;
        b.submit(&form).await;
        let activity_path = reach(&b, &format!("{base}/activities/")).await;
        let activity = last_id(&activity_path);
        assert_eq!(
            b.text("main h1").await,
            "5. Séminaire d'apprentissage par les pairs"
        );
        assert!(
            b.text("main p.lead")
                .await
                .starts_with("Une Ville Leader accueille")
        );
        let facts = b.text("main > dl").await;
        assert!(
            facts.contains(&format!("{seminar_starts} – {seminar_ends}"))
                && facts.contains("3 ou 4 jours")
                && facts.contains("Usina del Arte"),
            "{facts}"
        );
        b.check_page().await;

        // An expert added to the roster, then engaged on the seminar.
        b.unfold("Engager un expert").await;
        b.click("#experts a[href='/fr/experts']").await;
        b.wait_for_path("/fr/experts").await;
        b.check_page().await;
        b.unfold("Ajouter un expert").await;
        let form = "main form[action='/fr/experts']";
        b.fill_in(form, "name", "Ana Torres").await;
        b.fill_in(form, "organisation", "Universidad de Buenos Aires")
            .await;
        b.fill_in(form, "email", "ana@example.org").await;
        b.fill_in(form, "languages", "es, fr").await;
        let field = b
            .attr(&format!("{form} input[name='fields']"), "value")
            .await
            .expect("a framework field to tick");
        b.tick_in(form, "fields", &field).await;
        b.fill_in(form, "themes", "climat, patrimoine").await;
        b.submit(form).await;
        reach(&b, "/fr/experts/").await;
        assert_eq!(b.text("main h1").await, "Ana Torres");
        b.check_page().await;
        b.click(".main-nav a[href='/fr/programmes']").await;
        b.click(&format!("main a[href='{base}']")).await;
        b.click(&format!("#activities a[href='{activity_path}']"))
            .await;
        b.wait_for_path(&activity_path).await;
        b.unfold("Engager un expert").await;
        let form = format!("main form[action='{activity_path}/engagements']");
        b.choose_text_in(&form, "expert", "Ana Torres (Universidad de Buenos Aires)")
            .await;
        b.choose_in(&form, "role", "lead_expert").await;
        b.date_in(&form, "starts_on", &seminar_starts).await;
        b.date_in(&form, "ends_on", &seminar_ends).await;
        b.fill_in(&form, "fee", "1 500,00").await;
        b.fill_in(&form, "currency", "EUR").await;
        b.fill_in(&form, "note", "La conférence d'ouverture").await;
        b.submit(&form).await;
        let experts = b.wait_text("#experts", "Ana Torres").await;
        assert!(
            experts.contains("Expert principal") && experts.contains("1500.00 EUR"),
            "{experts}"
        );
        b.check_page().await;

        // The seminar's article, public as the catalogue has it, in three languages.
        b.click(&format!("main a[href='{base}']")).await;
        b.wait_for_path(&base).await;
        b.unfold("Déposer un résultat").await;
        let form = format!("main form[action='{base}/outputs']");
        b.choose_in(&form, "activity", &activity.to_string()).await;
        b.choose_in(&form, "kind", "public_article").await;
        b.fill_in(&form, "title", "Apprendre entre pairs à Buenos Aires")
            .await;
        b.fill_in(&form, "summary", "Ce que le séminaire a appris.")
            .await;
        b.submit(&form).await;
        let output = last_id(&reach(&b, "/fr/outputs/").await);
        assert_eq!(
            b.text("main h1").await,
            "Apprendre entre pairs à Buenos Aires"
        );
        let shown = b.text("main").await;
        assert!(
            shown.contains("Article public Publique")
                && shown.contains("Activité : 5. Séminaire d'apprentissage par les pairs"),
            "{shown}"
        );
        assert_eq!(
            b.text(&format!("main a[href='{base}']")).await,
            "Programme de Buenos Aires"
        );
        b.check_page().await;
        let form = format!("main form[action='/fr/outputs/{output}/versions']");
        for (lang, status, translator, title) in [
            ("fr", "original", "", "Apprendre entre pairs à Buenos Aires"),
            (
                "es",
                "translated",
                "Marta Ruiz",
                "Aprender entre pares en Buenos Aires",
            ),
            (
                "en",
                "in_translation",
                "John Smith",
                "Peer learning in Buenos Aires",
            ),
        ] {
            b.unfold("Enregistrer une version linguistique").await;
            b.choose_in(&form, "lang", lang).await;
            b.choose_in(&form, "status", status).await;
            b.fill_in(&form, "translator", translator).await;
            b.fill_in(&form, "title", title).await;
            b.submit(&form).await;
            b.wait_text("#versions", title).await;
        }
        let rows = b.find_all("#versions tbody tr").await;
        let mut seen = Vec::new();
        for row in rows {
            let text = row.text().await.expect("a row");
            seen.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        seen.sort();
        assert_eq!(
            seen,
            [
                "anglais En traduction John Smith Peer learning in Buenos Aires",
                "espagnol Traduit Marta Ruiz Aprender entre pares en Buenos Aires",
                "français Original Apprendre entre pairs à Buenos Aires",
            ]
        );

        // Its dissemination in the newsletter.
        b.unfold("Enregistrer une diffusion").await;
        let form = format!("main form[action='/fr/outputs/{output}/disseminations']");
        b.choose_in(&form, "channel", "newsletter").await;
        b.date_in(&form, "on", &today.to_string()).await;
        b.fill_in(&form, "link", "https://example.org/lettre-42")
            .await;
        b.choose_in(&form, "lang", "es").await;
        b.fill_in(&form, "note", "Numéro de décembre").await;
        b.submit(&form).await;
        let log = b
            .wait_text("#disseminations", "La lettre d’information bimestrielle")
            .await;
        assert!(
            log.contains(&today.to_string())
                && log.contains("espagnol")
                && log.contains("https://example.org/lettre-42"),
            "{log}"
        );
        b.check_page().await;

        // An event, and Buenos Aires asked for its availability.
        let (event_starts, event_ends, deadline) = (
            (today + Days::new(40)).to_string(),
            (today + Days::new(42)).to_string(),
            (today + Days::new(10)).to_string(),
        );
        b.click(".main-nav a[href='/fr/events']").await;
        b.wait_for_path("/fr/events").await;
        b.check_page().await;
        b.unfold("Ajouter un événement").await;
        let form = "main form[action='/fr/events']";
        b.choose_in(form, "lang", "fr").await;
        b.fill_in(form, "title_fr", "Conseil mondial de CGLU").await;
        b.fill_in(form, "title_es", "Consejo Mundial de CGLU").await;
        b.choose_in(form, "kind", "world_council").await;
        b.fill_in(form, "place", "Barcelone").await;
        b.date_in(form, "starts_on", &event_starts).await;
        b.date_in(form, "ends_on", &event_ends).await;
        b.submit(form).await;
        let event = last_id(&reach(&b, "/fr/events/").await);
        assert_eq!(b.text("main h1").await, "Conseil mondial de CGLU");
        b.unfold("Demander leur disponibilité aux villes").await;
        let form = format!("main form[action='/fr/events/{event}/requests']");
        b.fill_in(&form, "cities", "Buenos Aires").await;
        b.date_in(&form, "deadline", &deadline).await;
        b.submit(&form).await;
        let requests = b.wait_text("#requests", "En attente de réponse").await;
        assert!(requests.contains("Buenos Aires"), "{requests}");
        b.check_page().await;

        // The city's editor finds the notice, in Spanish, and answers.
        city.goto("/es").await;
        city.click("a.notices-link").await;
        city.wait_for_path("/es/account/notifications").await;
        let notices = city
            .wait_text(
                "main ul.notices",
                "La secretaría pide a Buenos Aires la disponibilidad",
            )
            .await;
        assert!(notices.contains("Consejo Mundial de CGLU"), "{notices}");
        city.check_page().await;
        let mails = b.app.state.mailer.list().await.expect("the outbox");
        assert!(
            mails.iter().any(|m| m.to.contains("ba@example.org")
                && m.subject.contains("«Consejo Mundial de CGLU»")
                && m.body.contains(&format!("Responda antes del {deadline}"))),
            "{mails:?}"
        );
        city.click(&format!("main ul.notices a[href='/es/events/{event}']"))
            .await;
        city.wait_for_path(&format!("/es/events/{event}")).await;
        assert_eq!(city.text("main h1").await, "Consejo Mundial de CGLU");
        city.check_page().await;
        let form = format!("main form[action^='/es/events/{event}/requests/'][action$='/answer']");
        city.choose_in(&form, "availability", "representative")
            .await;
        city.fill_in(&form, "representative_name", "Marta Ruiz")
            .await;
        city.fill_in(&form, "representative_position", "Subsecretaria de Cultura")
            .await;
        city.fill_in(&form, "comment", "El jefe de gobierno no podrá viajar.")
            .await;
        city.submit(&form).await;
        let answered = city
            .wait_text("#requests", "Se designa a un representante")
            .await;
        assert!(
            answered.contains("Marta Ruiz, Subsecretaria de Cultura"),
            "{answered}"
        );

        // The secretariat, told in French, confirms who represents the Commission.
        b.goto("/fr").await;
        b.click("a.notices-link").await;
        b.wait_for_path("/fr/account/notifications").await;
        b.wait_text(
            "main ul.notices",
            "Buenos Aires a répondu à la demande de disponibilité pour « Conseil mondial de CGLU »",
        )
        .await;
        b.check_page().await;
        b.click(&format!("main ul.notices a[href='/fr/events/{event}']"))
            .await;
        b.wait_for_path(&format!("/fr/events/{event}")).await;
        assert!(
            b.text("#requests")
                .await
                .contains("Un représentant désigné Marta Ruiz")
        );
        b.unfold("Confirmer un représentant").await;
        let form = format!("main form[action='/fr/events/{event}/representatives']");
        b.fill_in(&form, "city", "Buenos Aires").await;
        b.fill_in(&form, "name", "Marta Ruiz").await;
        b.fill_in(&form, "position", "Subsecretaria de Cultura")
            .await;
        b.submit(&form).await;
        let confirmed = b.wait_text("#representatives", "Marta Ruiz").await;
        assert!(
            confirmed.contains("Subsecretaria de Cultura · Buenos Aires Retirer"),
            "{confirmed}"
        );
        b.check_page().await;
    })
    .await;
}
