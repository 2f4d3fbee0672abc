//! What the storage tests share: a fresh migrated database with the reference data (SQLite, or
//! PostgreSQL when ATENEU_TEST_POSTGRES names a server), a city, and the audit log's actions.
#![allow(dead_code)]

use ateneu_db::audit::Who;
use ateneu_db::{Db, audit, cities};
use ateneu_domain::cities::CityInput;
use chrono::Utc;
use sea_orm::ConnectionTrait;
use std::sync::atomic::{AtomicU32, Ordering};

/// A migrated database with the reference data, of its own.
pub struct Fresh {
    pub db: Db,
    pub regions: Vec<String>,
    pub _dir: tempfile::TempDir,
}

pub async fn fresh() -> Fresh {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let dir = tempfile::tempdir().expect("folder");
    let url = match std::env::var("ATENEU_TEST_POSTGRES") {
        Ok(server) if !server.is_empty() => {
            let server = server.trim_end_matches('/');
            let admin = Db::connect(&format!("{server}/postgres"))
                .await
                .expect("PostgreSQL answers");
            let nanos = Utc::now().timestamp_subsec_nanos();
            let name = format!(
                "ateneu_t_db{}_{}_{nanos}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            );
            admin
                .conn
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("creates a test database");
            admin.close().await.expect("closes");
            format!("{server}/{name}")
        }
        _ => format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display()),
    };
    let db = Db::connect(&url).await.expect("connects");
    ateneu_db::migrations::migrate(&db).await.expect("migrates");
    let reference = ateneu_db::reference::bundled().expect("reference data");
    ateneu_db::reference::load(&db, &reference)
        .await
        .expect("loads the reference data");
    Fresh {
        db,
        regions: reference.region_keys(),
        _dir: dir,
    }
}

/// The actions of the audit log, oldest first.
pub async fn audit_actions(db: &Db) -> Vec<String> {
    let (rows, _) = audit::list(&db.conn, 1, 10_000).await.expect("the log");
    rows.into_iter().rev().map(|r| r.action).collect()
}

/// A French city of this name, checked as a form would.
pub fn city_draft(fresh: &Fresh, name: &str) -> ateneu_domain::cities::CityDraft {
    CityInput {
        source_lang: "en".into(),
        name_en: name.into(),
        country: "FR".into(),
        region: "europe".into(),
        ..CityInput::default()
    }
    .parse(&fresh.regions)
    .expect("a valid city")
}

pub async fn city(fresh: &Fresh, name: &str) -> cities::City {
    let draft = city_draft(fresh, name);
    let txn = fresh.db.write().await.expect("txn");
    let city = cities::create(&txn, &Who::system("test"), &draft, false)
        .await
        .expect("created");
    txn.commit().await.expect("commit");
    city
}
