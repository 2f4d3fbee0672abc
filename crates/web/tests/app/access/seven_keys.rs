//! The Seven Keys part of the access table's world: a workshop of city A's programme with a
//! participant's link, a cultural asset of city A, a challenge and a published article; and the
//! parameters of its routes (a key or an asset made for each request that removes one).

use super::Person;
use crate::common::TestApp;
use axum::http::Method;
use serde_json::{Value, json};

/// The rows of the Seven Keys routes, as in `table.rs`.
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
        "/api/v1/seven-keys/workshops/{id}/plan",
        "nnonnnono",
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
        "/{lang}/seven-keys/workshops/{id}/challenges/{challenge_id}/theme",
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
];

pub(super) struct SevenKeys {
    workshop: i64,
    /// The participant's link (the participant of the access table holds it).
    token: String,
    challenge: i64,
}

async fn made(app: &TestApp, method: Method, path: &str, body: Value, token: &str) -> Value {
    let reply = app.api(method, path, Some(body), Some(token)).await;
    assert!(
        reply.status.is_success(),
        "{path}: {} {}",
        reply.status,
        reply.body
    );
    reply.json()
}

impl SevenKeys {
    pub(super) async fn build(app: &TestApp, programme: i64, secretariat: &str) -> SevenKeys {
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
        SevenKeys {
            workshop,
            token,
            challenge,
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
        let link = if person == Person::Participant {
            self.token.clone()
        } else {
            "not-a-link-0123456789".to_owned()
        };
        path.replace("/seven-keys/workshops/{id}", &workshop)
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
