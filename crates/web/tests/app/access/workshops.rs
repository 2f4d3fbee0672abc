//! The workshops' part of the access table: a Seven Keys workshop of city A's programme with a
//! participant's link, a cultural asset of city A, a challenge and a published article; the
//! policy-design workshop around the confidential plan, opened with a participant's link and an
//! idea; the rows of their routes, and their parameters (a key or an asset made for each request
//! that removes one).

use super::Person;
use crate::common::TestApp;
use axum::http::Method;
use serde_json::{Value, json};

/// The rows of the workshops' routes, as in `table.rs`.
pub const TABLE: &[(&str, &str, &str)] = &[
    ("GET", "/api/v1/seven-keys", "ooooooooo"),
    ("GET", "/api/v1/seven-keys/{id}", "ooooooooo"),
    ("GET", "/api/v1/programmes/{id}/seven-keys", "nnonnnono"),
    ("POST", "/api/v1/programmes/{id}/seven-keys", "ssinnnini"),
    ("GET", "/api/v1/seven-keys/workshops/{id}", "nnonnnono"),
    (
        "PUT",
        "/api/v1/seven-keys/workshops/{id}/status",
        "ssinnnini",
    ),
    (
        "POST",
        "/api/v1/seven-keys/workshops/{id}/invitations",
        "ssinnnini",
    ),
    (
        "POST",
        "/api/v1/seven-keys/workshops/{id}/challenges",
        "ssinnnini",
    ),
    (
        "PUT",
        "/api/v1/seven-keys/workshops/{id}/challenges/{challenge_id}/theme",
        "ssonnnono",
    ),
    (
        "POST",
        "/api/v1/seven-keys/workshops/{id}/keys",
        "ssinnnini",
    ),
    (
        "DELETE",
        "/api/v1/seven-keys/workshops/{id}/keys/{key_id}",
        "nnonnnono",
    ),
    (
        "POST",
        "/api/v1/seven-keys/workshops/{id}/package",
        "nnonnnono",
    ),
    (
        "POST",
        "/api/v1/seven-keys/workshops/{id}/package/results",
        "nninnnini",
    ),
    (
        "POST",
        "/api/v1/seven-keys/workshops/{id}/plan",
        "ssonnnono",
    ),
    (
        "PUT",
        "/api/v1/seven-keys/workshops/{id}/article",
        "ssinnnini",
    ),
    ("GET", "/api/v1/seven-keys/join/{token}", "nonnnnnnn"),
    (
        "POST",
        "/api/v1/seven-keys/join/{token}/challenges",
        "ninnnnnnn",
    ),
    ("GET", "/api/v1/cities/{slug}/assets", "ooooooooo"),
    ("POST", "/api/v1/cities/{slug}/assets", "ssifffifi"),
    ("DELETE", "/api/v1/cities/{slug}/assets/{id}", "ssofffofo"),
    ("GET", "/{lang}/seven-keys", "ooooooooo"),
    ("GET", "/{lang}/seven-keys/{id}", "ooooooooo"),
    ("GET", "/{lang}/programmes/{id}/seven-keys", "nnonnnono"),
    ("POST", "/{lang}/programmes/{id}/seven-keys", "ssinnnini"),
    ("GET", "/{lang}/seven-keys/workshops/{id}", "nnonnnono"),
    (
        "GET",
        "/{lang}/seven-keys/workshops/{id}/offline",
        "nnonnnono",
    ),
    (
        "POST",
        "/{lang}/seven-keys/workshops/{id}/offline/package",
        "nnonnnono",
    ),
    (
        "POST",
        "/{lang}/seven-keys/workshops/{id}/offline/results",
        "nninnnini",
    ),
    (
        "GET",
        "/{lang}/seven-keys/workshops/{id}/report.pdf",
        "nnonnnono",
    ),
    (
        "POST",
        "/{lang}/seven-keys/workshops/{id}/status",
        "ssinnnini",
    ),
    (
        "POST",
        "/{lang}/seven-keys/workshops/{id}/invitations",
        "ssinnnini",
    ),
    (
        "POST",
        "/{lang}/seven-keys/workshops/{id}/challenges",
        "ssinnnini",
    ),
    (
        "POST",
        "/{lang}/seven-keys/workshops/{id}/themes",
        "ssonnnono",
    ),
    (
        "POST",
        "/{lang}/seven-keys/workshops/{id}/keys",
        "ssinnnini",
    ),
    (
        "POST",
        "/{lang}/seven-keys/workshops/{id}/keys/{key_id}/remove",
        "ssonnnono",
    ),
    (
        "POST",
        "/{lang}/seven-keys/workshops/{id}/plan",
        "ssonnnono",
    ),
    (
        "POST",
        "/{lang}/seven-keys/workshops/{id}/article",
        "ssinnnini",
    ),
    ("GET", "/{lang}/seven-keys/join/{token}", "nonnnnnnn"),
    ("POST", "/{lang}/seven-keys/join/{token}", "ninnnnnnn"),
    ("GET", "/{lang}/cities/{slug}/assets", "ooooooooo"),
    ("POST", "/{lang}/cities/{slug}/assets", "ssifffifi"),
    (
        "POST",
        "/{lang}/cities/{slug}/assets/{id}/remove",
        "ssofffofo",
    ),
    // Policy-design workshops around an action plan.
    ("GET", "/api/v1/outputs/{id}/workshop", "nnononono"),
    ("POST", "/api/v1/outputs/{id}/workshop/links", "ssinfnini"),
    ("PUT", "/api/v1/outputs/{id}/workshop/status", "ssinfnini"),
    ("POST", "/api/v1/outputs/{id}/workshop/package", "nnonfnono"),
    (
        "POST",
        "/api/v1/outputs/{id}/workshop/package/results",
        "nninfnini",
    ),
    (
        "PUT",
        "/api/v1/outputs/{id}/workshop/key-ideas",
        "ssonfnono",
    ),
    (
        "PUT",
        "/api/v1/outputs/{id}/workshop/ideas/{idea_id}/cluster",
        "ssonfnono",
    ),
    ("GET", "/api/v1/ideas/{token}", "nonnnnnnn"),
    ("POST", "/api/v1/ideas/{token}", "ninnnnnnn"),
    ("GET", "/{lang}/outputs/{id}/workshop", "nnononono"),
    ("POST", "/{lang}/outputs/{id}/workshop/links", "ssinfnini"),
    ("POST", "/{lang}/outputs/{id}/workshop/status", "ssinfnini"),
    ("GET", "/{lang}/outputs/{id}/workshop/offline", "nnonfnono"),
    (
        "POST",
        "/{lang}/outputs/{id}/workshop/offline/package",
        "nnonfnono",
    ),
    (
        "POST",
        "/{lang}/outputs/{id}/workshop/offline/results",
        "nninfnini",
    ),
    (
        "POST",
        "/{lang}/outputs/{id}/workshop/key-ideas",
        "ssonfnono",
    ),
    (
        "POST",
        "/{lang}/outputs/{id}/workshop/ideas/{idea_id}/cluster",
        "ssonfnono",
    ),
    ("GET", "/{lang}/ideas/{token}", "nonnnnnnn"),
    ("POST", "/{lang}/ideas/{token}", "ninnnnnnn"),
    // Thematic-module testing.
    ("GET", "/api/v1/programmes/{id}/module-tests", "nnonnnono"),
    ("POST", "/api/v1/programmes/{id}/module-tests", "ssinnnini"),
    ("GET", "/api/v1/module-tests/{id}", "nnonnnono"),
    ("POST", "/api/v1/module-tests/{id}/links", "ssinnnini"),
    ("PUT", "/api/v1/module-tests/{id}/status", "ssinnnini"),
    (
        "PUT",
        "/api/v1/module-tests/{id}/proposals/{proposal_id}/decision",
        "ssfnnnini",
    ),
    ("POST", "/api/v1/module-tests/{id}/revise", "ssfnnnini"),
    ("GET", "/api/v1/module-tests/join/{token}", "nonnnnnnn"),
    ("POST", "/api/v1/module-tests/join/{token}", "ninnnnnnn"),
    ("GET", "/{lang}/programmes/{id}/module-tests", "nnonnnono"),
    ("POST", "/{lang}/programmes/{id}/module-tests", "ssinnnini"),
    ("GET", "/{lang}/module-tests/{id}", "nnonnnono"),
    ("POST", "/{lang}/module-tests/{id}/links", "ssinnnini"),
    ("POST", "/{lang}/module-tests/{id}/status", "ssinnnini"),
    (
        "POST",
        "/{lang}/module-tests/{id}/proposals/{proposal_id}/decision",
        "ssfnnnini",
    ),
    ("POST", "/{lang}/module-tests/{id}/revise", "ssfnnnini"),
    ("GET", "/{lang}/module-tests/{id}/report.pdf", "nnonnnono"),
    ("GET", "/{lang}/module-tests/join/{token}", "nonnnnnnn"),
    ("POST", "/{lang}/module-tests/join/{token}", "ninnnnnnn"),
];

pub(super) struct Workshops {
    workshop: i64,
    /// Another workshop of the programme, with a key, whose keys the plan route turns into a
    /// plan (the first one's keys stay open to the routes that add and remove them).
    planned: i64,
    /// The participant's link (the participant of the access table holds it).
    token: String,
    challenge: i64,
    /// A participant's link to the plan's policy-design workshop, and an idea proposed with it.
    ideas: String,
    idea: i64,
    /// A thematic-module seminar of the programme, a participant's link and a proposal.
    module_test: i64,
    proposals: String,
    proposal: i64,
}

/// A record made through the API (with no token when `token` is empty): its JSON.
async fn made(app: &TestApp, method: Method, path: &str, body: Value, token: &str) -> Value {
    let token = Some(token).filter(|t| !t.is_empty());
    let reply = app.api(method, path, Some(body), token).await;
    assert!(
        reply.status.is_success(),
        "{path}: {} {}",
        reply.status,
        reply.body
    );
    reply.json()
}

impl Workshops {
    pub(super) async fn build(
        app: &TestApp,
        (programme, plan): (i64, i64),
        secretariat: &str,
    ) -> Workshops {
        let workshop = made(
            app,
            Method::POST,
            &format!("/api/v1/programmes/{programme}/seven-keys"),
            json!({"title": "Keys of A", "held_on": "2026-05-04", "lang": "es"}),
            secretariat,
        )
        .await["id"]
            .as_i64()
            .expect("a workshop");
        let base = format!("/api/v1/seven-keys/workshops/{workshop}");
        let links = made(
            app,
            Method::POST,
            &format!("{base}/invitations"),
            json!({"count": 1}),
            secretariat,
        )
        .await;
        let token = links["links"][0]["token"]
            .as_str()
            .expect("a link")
            .to_owned();
        let asset = made(
            app,
            Method::POST,
            "/api/v1/cities/buenos-aires/assets",
            json!({"kind": "institution", "name": "Teatro Colón"}),
            secretariat,
        )
        .await["id"]
            .as_i64()
            .expect("an asset");
        let challenge = made(
            app,
            Method::POST,
            &format!("{base}/challenges"),
            json!({"text": "The old town empties", "sdgs": [11], "assets": [asset]}),
            secretariat,
        )
        .await["id"]
            .as_i64()
            .expect("a challenge");
        made(
            app,
            Method::PUT,
            &format!("{base}/article"),
            json!({"title_es": "Siete claves", "body_es": "El 4 de mayo…", "published": true}),
            secretariat,
        )
        .await;
        let opened = made(
            app,
            Method::POST,
            &format!("/api/v1/outputs/{plan}/workshop/links"),
            json!({"count": 1, "fields": ["culture21-actions:cultural-rights"]}),
            secretariat,
        )
        .await;
        let ideas = opened["links"][0]["token"]
            .as_str()
            .expect("a link")
            .to_owned();
        let idea = made(
            app,
            Method::POST,
            &format!("/api/v1/ideas/{ideas}"),
            json!({"field": "culture21-actions:cultural-rights", "text": "Free entry on Sundays"}),
            "",
        )
        .await["id"]
            .as_i64()
            .expect("an idea");
        let planned = made(
            app,
            Method::POST,
            &format!("/api/v1/programmes/{programme}/seven-keys"),
            json!({"title": "Keys of A, planned", "held_on": "2026-05-05", "lang": "en"}),
            secretariat,
        )
        .await["id"]
            .as_i64()
            .expect("a workshop");
        made(
            app,
            Method::POST,
            &format!("/api/v1/seven-keys/workshops/{planned}/keys"),
            json!({"title": "Libraries open late", "actors": "The libraries"}),
            secretariat,
        )
        .await;
        let module_test = made(
            app,
            Method::POST,
            &format!("/api/v1/programmes/{programme}/module-tests"),
            json!({"title": "The nine commitments tested", "framework": "culture21-actions@2015", "module": "commitments"}),
            secretariat,
        )
        .await["id"]
            .as_i64()
            .expect("a seminar");
        let opened = made(
            app,
            Method::POST,
            &format!("/api/v1/module-tests/{module_test}/links"),
            json!({"count": 1}),
            secretariat,
        )
        .await;
        let proposals = opened["links"][0]["token"]
            .as_str()
            .expect("a link")
            .to_owned();
        let proposal = made(
            app,
            Method::POST,
            &format!("/api/v1/module-tests/join/{proposals}"),
            json!({"item": "cultural-rights", "kind": "comment", "comment": "Say who guarantees them"}),
            "",
        )
        .await["id"]
            .as_i64()
            .expect("a proposal");
        Workshops {
            module_test,
            proposals,
            proposal,
            workshop,
            planned,
            token,
            challenge,
            ideas,
            idea,
        }
    }

    /// Fills the Seven Keys parameters of `path` for `person`.
    pub(super) async fn fill(
        &self,
        app: &TestApp,
        admin: &str,
        mut path: String,
        person: Person,
    ) -> String {
        let workshop = format!("/seven-keys/workshops/{}", self.workshop);
        if path.contains("{key_id}") {
            let key = made(
                app,
                Method::POST,
                &format!("/api/v1{workshop}/keys"),
                json!({"title": "Libraries open late", "actors": "The libraries"}),
                admin,
            )
            .await["id"]
                .to_string();
            path = path.replace("{key_id}", &key);
        }
        if path.contains("/assets/{id}") {
            let asset = made(
                app,
                Method::POST,
                "/api/v1/cities/buenos-aires/assets",
                json!({"kind": "place", "name": "A square"}),
                admin,
            )
            .await["id"]
                .to_string();
            path = path.replace("/assets/{id}", &format!("/assets/{asset}"));
        }
        let (link, ideas, proposals) = if person == Person::Participant {
            (
                self.token.clone(),
                self.ideas.clone(),
                self.proposals.clone(),
            )
        } else {
            let none = "not-a-link-0123456789".to_owned();
            (none.clone(), none.clone(), none)
        };
        let workshop = if path.ends_with("/plan") {
            format!("/seven-keys/workshops/{}", self.planned)
        } else {
            workshop
        };
        path.replace("/seven-keys/workshops/{id}", &workshop)
            .replace("/ideas/{token}", &format!("/ideas/{ideas}"))
            .replace("{idea_id}", &self.idea.to_string())
            .replace(
                "/module-tests/join/{token}",
                &format!("/module-tests/join/{proposals}"),
            )
            .replace(
                "/module-tests/{id}",
                &format!("/module-tests/{}", self.module_test),
            )
            .replace("{proposal_id}", &self.proposal.to_string())
            .replace("{challenge_id}", &self.challenge.to_string())
            .replace(
                "/seven-keys/join/{token}",
                &format!("/seven-keys/join/{link}"),
            )
            .replace(
                "/seven-keys/{id}",
                &format!("/seven-keys/{}", self.workshop),
            )
    }
}
