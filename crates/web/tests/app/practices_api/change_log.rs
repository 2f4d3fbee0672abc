//! The search change log's pruning: old rows go, recent ones stay, the mark is recorded in the
//! same transaction; and a second server whose index is behind the mark rebuilds from the
//! database instead of skipping what was pruned.

use super::{corpus, import, line};
use crate::common::{TestApp, secretariat};
use ateneu_db::audit::Who;
use ateneu_db::practices::{changes_since, prune_changes, pruned_through};
use axum::http::StatusCode;
use chrono::Utc;
use serde_json::json;
use std::time::Duration;

async fn all_changes(app: &TestApp) -> Vec<i64> {
    changes_since(&app.state.db.conn, 0, 100_000)
        .await
        .expect("changes")
        .iter()
        .map(|c| c.id)
        .collect()
}

async fn audit_rows(app: &TestApp) -> u64 {
    ateneu_db::audit::list(&app.state.db.conn, 1, 1)
        .await
        .expect("audit")
        .1
}

#[tokio::test]
async fn pruning_removes_old_changes_keeps_recent_ones_and_records_the_mark() {
    let app = TestApp::with_demo().await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    let db = &app.state.db;
    let who = Who::system("test");

    // Nothing older than the cutoff: nothing removed, no mark, nothing written.
    let before_anything = all_changes(&app).await;
    let audited = audit_rows(&app).await;
    let nothing = prune_changes(db, &who, Utc::now() - chrono::Duration::days(7))
        .await
        .expect("prunes");
    assert_eq!((nothing.removed, nothing.pruned_through), (0, 0));
    assert_eq!(all_changes(&app).await, before_anything);
    assert_eq!(pruned_through(&db.conn).await.expect("mark"), 0);
    assert_eq!(audit_rows(&app).await, audited, "a no-op is not audited");

    // Old changes (an import), then a cutoff, then recent ones (another import).
    assert_eq!(import(&app, &sec, &corpus()).await.status, StatusCode::OK);
    let old = all_changes(&app).await;
    assert!(old.len() >= 3, "{old:?}");
    tokio::time::sleep(Duration::from_millis(30)).await;
    let cutoff = Utc::now();
    tokio::time::sleep(Duration::from_millis(30)).await;
    let recent_line = line(
        "obs-4",
        ("Lyon", "FR"),
        &[3],
        json!({"en": {"title": "Recent", "summary": "Logged after the cutoff."}}),
    );
    assert_eq!(
        import(&app, &sec, &recent_line).await.status,
        StatusCode::OK
    );
    let recent: Vec<i64> = all_changes(&app)
        .await
        .into_iter()
        .filter(|id| !old.contains(id))
        .collect();
    assert!(!recent.is_empty());

    let audited = audit_rows(&app).await;
    let pruned = prune_changes(db, &who, cutoff).await.expect("prunes");
    assert_eq!(pruned.removed, old.len() as u64);
    let newest_old = *old.iter().max().expect("old changes");
    assert_eq!(pruned.pruned_through, newest_old);
    assert_eq!(
        all_changes(&app).await,
        recent,
        "only the recent changes stay"
    );
    assert_eq!(
        pruned_through(&db.conn).await.expect("mark"),
        newest_old,
        "the mark is kept in the database"
    );
    assert_eq!(
        audit_rows(&app).await,
        audited + 1,
        "the pruning is audited"
    );
    let (entries, _) = ateneu_db::audit::list(&db.conn, 1, 1).await.expect("audit");
    assert_eq!(entries[0].action, "search_log.prune");

    // Again with the same cutoff: nothing left to remove, the mark stays.
    let again = prune_changes(db, &who, cutoff).await.expect("prunes");
    assert_eq!((again.removed, again.pruned_through), (0, newest_old));
    assert_eq!(all_changes(&app).await, recent);
    assert_eq!(audit_rows(&app).await, audited + 1);
}

#[tokio::test]
async fn a_server_behind_the_pruned_log_rebuilds_and_finds_the_changes() {
    let app = TestApp::with_demo().await;
    let sec = app
        .user("sec@example.org", &[secretariat("uclg-culture")])
        .await;
    // A second server process on the same database, with its own index, up to date now.
    let other = super::second_process(&app).await;
    other.search.catch_up(&other.db).await.expect("catch up");
    assert_eq!(other.search.index.len(), 0);

    // While it is not catching up, practices are imported and the whole log is pruned.
    assert_eq!(import(&app, &sec, &corpus()).await.status, StatusCode::OK);
    assert_eq!(app.state.search.index.len(), 3);
    let pruned = prune_changes(
        &app.state.db,
        &Who::system("test"),
        Utc::now() + chrono::Duration::seconds(1),
    )
    .await
    .expect("prunes");
    assert!(pruned.removed >= 3);
    assert!(
        all_changes(&app).await.is_empty(),
        "nothing to catch up from"
    );
    assert!(other.search.index.applied() < pruned.pruned_through);

    // It cannot catch up from the log: it rebuilds, and finds what was imported.
    other.search.catch_up(&other.db).await.expect("catch up");
    assert_eq!(other.search.index.len(), 3, "rebuilt from the database");
    assert!(other.search.index.applied() >= pruned.pruned_through);
    let search = ateneu_web::practices::search::parse(Some("q=night"), ateneu_domain::Lang::En)
        .expect("query");
    let results = ateneu_web::practices::search::run(&other, &search).expect("results");
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].city, "Bilbao", "its cards are loaded too");

    // Once past the mark it catches up from the log again, without rebuilding.
    assert_eq!(
        other.search.catch_up(&other.db).await.expect("catch up"),
        0,
        "nothing new: no rebuild"
    );
    let new_line = line(
        "obs-4",
        ("Lyon", "FR"),
        &[3],
        json!({"en": {"title": "Choirs in hospitals", "summary": "Singing for patients."}}),
    );
    assert_eq!(import(&app, &sec, &new_line).await.status, StatusCode::OK);
    assert_eq!(
        other.search.catch_up(&other.db).await.expect("catch up"),
        1,
        "one practice looked at again, from the log"
    );
    assert_eq!(other.search.index.len(), 4);
    // The first server, never behind the mark, kept its index and caught up normally.
    assert_eq!(app.state.search.index.len(), 4);
}
