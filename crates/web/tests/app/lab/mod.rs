//! The Culture 21 Lab end to end, through the API and the pages: frameworks as files, a
//! workshop with invitation links, bad input refused with nothing written, results, radar,
//! report, and who may see a confidential assessment, role by role. This file holds the
//! shared workshop set-up.

mod access;
mod benchmarks;
mod frameworks;
mod invitations;
mod pages;
mod workshop;

use crate::common::{Reply, TestApp, secretariat};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

pub const SYNTHETIC: &str = include_str!("../../fixtures/synthetic-plus.toml");

/// A workshop on Culture 21 Actions for Buenos Aires, created by the UCLG secretariat.
pub struct Workshop {
    pub app: TestApp,
    pub secretariat: String,
    pub id: i64,
}

pub async fn workshop(visibility: &str) -> Workshop {
    let app = TestApp::with_demo().await;
    let secretariat = app
        .user("secretariat@example.org", &[secretariat("uclg-culture")])
        .await;
    let created = app
        .api(
            Method::POST,
            "/api/v1/assessments",
            Some(json!({
                "city": "buenos-aires", "framework": "culture21-actions@2015", "module": "commitments",
                "title": "Radar 1", "starts_on": "2026-03-10", "ends_on": "2026-03-11",
                "visibility": visibility, "languages": ["es", "en"],
            })),
            Some(&secretariat),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_i64().expect("id");
    Workshop {
        app,
        secretariat,
        id,
    }
}

impl Workshop {
    pub async fn invite(&self, count: u32) -> Vec<String> {
        let made = self
            .app
            .api(
                Method::POST,
                &format!("/api/v1/assessments/{}/invitations", self.id),
                Some(json!({"count": count})),
                Some(&self.secretariat),
            )
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        let invitations = made.json()["invitations"].as_array().expect("list").clone();
        assert_eq!(invitations.len(), count as usize);
        invitations
            .iter()
            .map(|i| {
                assert!(
                    i["url"]
                        .as_str()
                        .expect("url")
                        .ends_with(i["token"].as_str().expect("token"))
                );
                i["token"].as_str().expect("token").to_owned()
            })
            .collect()
    }

    pub async fn answer(&self, token: &str, body: Value) -> Reply {
        self.app
            .api(
                Method::PUT,
                &format!("/api/v1/participation/{token}"),
                Some(body),
                None,
            )
            .await
    }

    pub async fn results(&self, token: Option<&str>) -> Reply {
        self.app
            .api(
                Method::GET,
                &format!("/api/v1/assessments/{}/results", self.id),
                None,
                token,
            )
            .await
    }
}

pub fn scores(value: u8) -> Value {
    let keys = [
        "cultural-rights",
        "heritage-diversity-creativity",
        "culture-education",
        "culture-environment",
        "culture-economy",
        "culture-equity-inclusion",
        "culture-urban-planning",
        "culture-information-knowledge",
        "governance-of-culture",
    ];
    keys.iter()
        .map(|k| ((*k).to_owned(), json!(value)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}
