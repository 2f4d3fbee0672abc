//! The schema's migrations: one ordered list of SQL scripts for both backends. Only the identity
//! key and binary columns are spelled per backend; every other type name reads the same in SQLite
//! and PostgreSQL.

use crate::{Db, DbResult};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

/// (version, name, script). Never edit a released script: add a new one.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "registry and accounts",
        include_str!("migrations/0001_registry_accounts.sql"),
    ),
    (
        2,
        "culture 21 lab",
        include_str!("migrations/0002_culture21_lab.sql"),
    ),
    (
        3,
        "good practices",
        include_str!("migrations/0003_practices.sql"),
    ),
    (
        4,
        "search change log pruning",
        include_str!("migrations/0004_search_log.sql"),
    ),
    (
        5,
        "practice media",
        include_str!("migrations/0005_practice_media.sql"),
    ),
    (
        6,
        "translation work per language",
        include_str!("migrations/0006_translation_work.sql"),
    ),
    (
        7,
        "api token scope and expiry",
        include_str!("migrations/0007_token_scope.sql"),
    ),
    (
        8,
        "invitation language, reprint and revocation",
        include_str!("migrations/0008_invitation_language.sql"),
    ),
    (
        9,
        "city slugs by transliteration, old ones kept",
        include_str!("migrations/0009_city_slugs.sql"),
    ),
    (
        10,
        "notifications",
        include_str!("migrations/0010_notifications.sql"),
    ),
    (
        11,
        "leading cities programmes and consultations",
        include_str!("migrations/0011_programmes.sql"),
    ),
    (
        12,
        "programme activities and budget lines",
        include_str!("migrations/0012_programme_activities_budget.sql"),
    ),
    (
        13,
        "programme outputs, their language versions and dissemination",
        include_str!("migrations/0013_programme_outputs.sql"),
    ),
    (
        14,
        "the roster of experts and their engagements",
        include_str!("migrations/0014_programme_experts.sql"),
    ),
    (
        15,
        "events calendar, availability requests and representation",
        include_str!("migrations/0015_events_representation.sql"),
    ),
    (
        16,
        "programme output files and their expiring share links",
        include_str!("migrations/0016_output_files.sql"),
    ),
    (
        17,
        "programme memoranda of understanding, yearly plans and inquiries",
        include_str!("migrations/0017_programme_mou_plans_inquiries.sql"),
    ),
    (
        20,
        "indexes for the programme dashboard",
        include_str!("migrations/0020_programme_dashboard_indexes.sql"),
    ),
    (
        21,
        "the secretariat's changes to the programme catalogue",
        include_str!("migrations/0021_catalogue_changes.sql"),
    ),
    (
        22,
        "budget totals per programme, funder and currency",
        include_str!("migrations/0022_budget_totals.sql"),
    ),
    (
        23,
        "what each catalogue activity records of its own, and the records it produces",
        include_str!("migrations/0023_activity_specifics_links.sql"),
    ),
    (
        24,
        "the registry's listings by region and country read from their indexes",
        include_str!("migrations/0024_registry_listing_indexes.sql"),
    ),
    (
        25,
        "an action plan's items and their progress updates",
        include_str!("migrations/0025_action_plans.sql"),
    ),
    (
        26,
        "a city's indicator values, their baseline and target",
        include_str!("migrations/0026_indicator_values.sql"),
    ),
    (
        27,
        "the versions of the Culture 2030 Goal",
        include_str!("migrations/0027_goal_versions.sql"),
    ),
    (
        28,
        "Seven Keys workshops and a city's cultural assets",
        include_str!("migrations/0028_seven_keys.sql"),
    ),
    (
        29,
        "policy-design workshops around an action plan",
        include_str!("migrations/0029_policy_design.sql"),
    ),
    (
        30,
        "thematic-module testing: seminars, links and proposals",
        include_str!("migrations/0030_module_tests.sql"),
    ),
    (
        31,
        "workshop packages: workshops run offline and their results merged back",
        include_str!("migrations/0031_workshop_packages.sql"),
    ),
    (
        32,
        "newsletter subscribers with double opt-in",
        include_str!("migrations/0032_newsletter.sql"),
    ),
    (
        33,
        "newsletter issues, their deliveries, and practices' dissemination log",
        include_str!("migrations/0033_newsletter_issues.sql"),
    ),
    (
        34,
        "banners of practices on the home page",
        include_str!("migrations/0034_banners.sql"),
    ),
    (
        35,
        "a Leading City's showcase: entries and introduction, approved by the secretariat",
        include_str!("migrations/0035_showcase.sql"),
    ),
];

fn spell(backend: DbBackend, script: &str) -> String {
    let (id, blob) = match backend {
        DbBackend::Sqlite => ("INTEGER PRIMARY KEY AUTOINCREMENT", "BLOB"),
        _ => (
            "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
            "BYTEA",
        ),
    };
    script.replace("{id}", id).replace("{blob}", blob)
}

/// Applies the migrations not applied yet, each in its own transaction. Returns how many ran.
pub async fn migrate(db: &Db) -> DbResult<usize> {
    db.conn
        .execute_unprepared(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )
        .await?;
    let backend = db.backend();
    let mut applied = 0;
    for (version, name, script) in MIGRATIONS {
        let txn = db.write().await?;
        let done = txn
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                match backend {
                    DbBackend::Postgres => {
                        "SELECT version FROM schema_migrations WHERE version = $1"
                    }
                    _ => "SELECT version FROM schema_migrations WHERE version = ?",
                },
                [(*version).into()],
            ))
            .await?
            .is_some();
        if done {
            continue;
        }
        for statement in spell(backend, script)
            .split(";\n")
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            txn.execute_unprepared(statement).await?;
        }
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            match backend {
                DbBackend::Postgres => {
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"
                }
                _ => "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            },
            [
                (*version).into(),
                (*name).into(),
                chrono::Utc::now().to_rfc3339().into(),
            ],
        ))
        .await?;
        txn.commit().await?;
        tracing::info!(version, name, "migration applied");
        applied += 1;
    }
    // What a new column's SQL default could not compute.
    crate::practices::count_translation_work(db).await?;
    crate::cities::refresh_slugs(db).await?;
    Ok(applied)
}
