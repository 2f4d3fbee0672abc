//! The storage contract, tested on the repositories directly (SQLite by default, PostgreSQL when
//! ATENEU_TEST_POSTGRES names a server; CI runs both): every write leaves its audit row and a
//! removal of nothing leaves none, one-time links and the sign-in throttle hold under concurrent
//! writers, pages of a listing cover every row once, in a stable order, the registry's listings
//! read their indexes (no table scan, no sort of every match: SQLite's plans), and a programme
//! saved by two writers on one revision keeps one save.

use ateneu_db::audit::Who;
use ateneu_db::{Db, accounts, audit, cities, focal_points};
use ateneu_domain::accounts::{Email, Grant, Role, TokenRequest};
use ateneu_domain::ids::CityId;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, TransactionTrait};
use std::collections::BTreeSet;

mod common;

use common::{audit_actions, city, city_draft, fresh};

fn focal_point() -> focal_points::NewFocalPoint {
    focal_points::NewFocalPoint {
        name: "A person".into(),
        position: String::new(),
        email: "a@example.org".into(),
        phone: String::new(),
    }
}

#[tokio::test]
async fn every_write_leaves_its_audit_row_and_removing_nothing_leaves_none() {
    let fresh = fresh().await;
    let db = &fresh.db;
    let who = Who::system("test");
    let before = audit_actions(db).await.len();
    let lyon = city(&fresh, "Lyon").await;
    let txn = db.write().await.expect("txn");
    let person = focal_point();
    let focal = focal_points::add(&txn, &who, lyon.id, &person)
        .await
        .expect("added");
    let email = Email::parse("editor@example.org").expect("email");
    let user = accounts::create_user(&txn, &who, &email, "Editor", None)
        .await
        .expect("user");
    let grant = Grant::new(Role::Editor, None, Some(lyon.id)).expect("grant");
    accounts::add_grant(&txn, &who, user.id, &grant)
        .await
        .expect("granted");
    let request = TokenRequest::parse("t", "read", "").expect("request");
    let token = accounts::create_api_token(&txn, &who, user.id, &request, "hash-of-a-token")
        .await
        .expect("token");
    txn.commit().await.expect("commit");
    let grant_id = accounts::grants_of(&db.conn, user.id)
        .await
        .expect("grants")[0]
        .id;
    for expected in [true, false] {
        // The second round removes nothing: it says so, and writes nothing to the log.
        let txn = db.write().await.expect("txn");
        let removed = [
            focal_points::remove(&txn, &who, lyon.id, focal).await,
            accounts::remove_grant(&txn, &who, user.id, grant_id).await,
            accounts::revoke_api_token(&txn, &who, user.id, token).await,
        ];
        txn.commit().await.expect("commit");
        assert_eq!(removed.map(|r| r.expect("no error")), [expected; 3]);
    }
    // A removal of something that belongs to another city or person removes nothing either.
    let txn = db.write().await.expect("txn");
    let other = focal_points::add(&txn, &who, lyon.id, &person)
        .await
        .expect("added");
    assert!(
        !focal_points::remove(&txn, &who, CityId::new(lyon.id.get() + 1000), other)
            .await
            .expect("no error")
    );
    txn.commit().await.expect("commit");
    assert_eq!(
        audit_actions(db).await[before..],
        [
            "city.create",
            "focal_point.add",
            "user.create",
            "grant.add",
            "api_token.create",
            "focal_point.remove",
            "grant.remove",
            "api_token.revoke",
            "focal_point.add",
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_one_time_link_is_used_once_when_two_writers_race_for_it() {
    let fresh = fresh().await;
    let db = &fresh.db;
    let txn = db.write().await.expect("txn");
    accounts::create_link(
        &txn,
        &Who::system("test"),
        accounts::LinkPurpose::PasswordReset,
        "someone@example.org",
        "",
        "the-link-hash",
        Utc::now() + Duration::hours(1),
    )
    .await
    .expect("link");
    txn.commit().await.expect("commit");
    let use_it = || async {
        let txn = db.write().await.expect("txn");
        let used = accounts::use_link(&txn, accounts::LinkPurpose::PasswordReset, "the-link-hash")
            .await
            .expect("no error");
        txn.commit().await.expect("commit");
        used.is_some()
    };
    let (first, second) = tokio::join!(use_it(), use_it());
    assert!(
        first ^ second,
        "exactly one writer uses the link ({first}, {second})"
    );
    assert!(!use_it().await, "a used link stays used");
}

fn lock_after_five(failures: i64, last: DateTime<Utc>) -> Option<DateTime<Utc>> {
    (failures >= 5).then(|| last + Duration::minutes(1))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_of_sign_in_attempts_is_counted_one_by_one() {
    let fresh = fresh().await;
    let now = Utc::now();
    let mut burst = tokio::task::JoinSet::new();
    for _ in 0..12 {
        let db = fresh.db.clone();
        burst.spawn(async move {
            accounts::claim_login_attempt(&db, "target@example.org", now, lock_after_five)
                .await
                .expect("no error")
                .is_ok()
        });
    }
    let allowed = burst
        .join_all()
        .await
        .into_iter()
        .filter(|allowed| *allowed)
        .count();
    assert_eq!(allowed, 5, "five attempts pass, then the lock holds");
}

#[tokio::test]
async fn pages_of_the_registry_and_the_log_cover_every_row_once_in_a_stable_order() {
    let fresh = fresh().await;
    let db = &fresh.db;
    // Names that sort together (and one name twice) test the tie-break.
    for name in [
        "Alba", "alba", "Álba", "Bilbao", "Bilbao", "Cork", "Derry", "Évora", "Faro", "Gent",
        "Hull", "Ibiza", "Jaén", "Kiel", "Lyon", "Metz", "Nîmes",
    ] {
        city(&fresh, name).await;
    }
    let filter = cities::CityFilter::default();
    let (_, total) = cities::list(db, &filter, 1, 5).await.expect("page");
    assert_eq!(total, 17);
    let mut seen = Vec::new();
    for page in 1..=4 {
        let (items, _) = cities::list(db, &filter, page, 5).await.expect("page");
        let again: Vec<CityId> = cities::list(db, &filter, page, 5)
            .await
            .expect("page")
            .0
            .iter()
            .map(|c| c.city.id)
            .collect();
        let ids: Vec<CityId> = items.iter().map(|c| c.city.id).collect();
        assert_eq!(ids, again, "page {page} reads the same twice");
        seen.extend(ids);
    }
    let unique: BTreeSet<CityId> = seen.iter().copied().collect();
    assert_eq!((seen.len(), unique.len()), (17, 17), "every city once");
    let (_, rows) = audit::list(&db.conn, 1, 1).await.expect("log");
    let mut logged = BTreeSet::new();
    for page in 1..=rows.div_ceil(4) {
        for row in audit::list(&db.conn, page, 4).await.expect("log").0 {
            assert!(logged.insert(row.id), "audit row {} twice", row.id);
        }
    }
    assert_eq!(logged.len() as u64, rows);
}

#[tokio::test]
async fn removing_a_city_or_a_person_takes_what_hangs_from_them_as_the_schema_says() {
    // No page removes a city or a person today; the schema promises what goes with them
    // (ON DELETE CASCADE), and SQLite keeps that promise only with its foreign keys on.
    use ateneu_db::entities::{city, user};
    use sea_orm::EntityTrait;
    let fresh = fresh().await;
    let db = &fresh.db;
    let who = Who::system("test");
    let gone = city(&fresh, "Gone").await;
    let kept = city(&fresh, "Kept").await;
    let txn = db.write().await.expect("txn");
    let person = focal_point();
    let draft = ateneu_domain::memberships::MembershipDraft {
        network: "uclg-culture".into(),
        role: ateneu_domain::memberships::MembershipRole::Member,
        started_on: chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("day"),
        ended_on: None,
        creative_field: None,
        designation_year: None,
    };
    for id in [gone.id, kept.id] {
        focal_points::add(&txn, &who, id, &person)
            .await
            .expect("added");
        ateneu_db::memberships::add(&txn, &who, id, &draft)
            .await
            .expect("member");
    }
    let email = Email::parse("leaving@example.org").expect("email");
    let leaving = accounts::create_user(&txn, &who, &email, "", None)
        .await
        .expect("user");
    let grant = Grant::new(Role::Editor, None, Some(kept.id)).expect("grant");
    accounts::add_grant(&txn, &who, leaving.id, &grant)
        .await
        .expect("granted");
    txn.commit().await.expect("commit");
    city::Entity::delete_by_id(gone.id.get())
        .exec(&db.conn)
        .await
        .expect("the city goes");
    user::Entity::delete_by_id(leaving.id.get())
        .exec(&db.conn)
        .await
        .expect("the person goes");
    let focal = |id| focal_points::of_city(&db.conn, id);
    let members = |id| ateneu_db::memberships::of_city(&db.conn, id);
    assert!(focal(gone.id).await.expect("read").is_empty());
    assert!(members(gone.id).await.expect("read").is_empty());
    assert_eq!(focal(kept.id).await.expect("read").len(), 1);
    assert_eq!(members(kept.id).await.expect("read").len(), 1);
    assert!(
        accounts::grants_of(&db.conn, leaving.id)
            .await
            .expect("read")
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_writers_saving_one_programme_on_one_revision_never_both_win() {
    use ateneu_db::programmes;
    use ateneu_domain::programmes::{ConsultationInput, ProgrammeInput, ProgrammeStatus};
    let fresh = fresh().await;
    let db = &fresh.db;
    let who = Who::system("test");
    let dakar = city(&fresh, "Dakar").await;
    let draft = ProgrammeInput {
        starts_on: "2026-01-01".into(),
        ends_on: "2027-12-31".into(),
        ..ProgrammeInput::default()
    }
    .parse()
    .expect("a programme");
    let txn = db.write().await.expect("txn");
    let programme = programmes::create(&txn, &who, dakar.id, &draft)
        .await
        .expect("created");
    let consultation = ConsultationInput {
        held_on: "2026-01-15".into(),
        notes: "First talk".into(),
        ..ConsultationInput::default()
    }
    .parse()
    .expect("a consultation");
    programmes::add_consultation(&txn, &who, programme.id, &consultation)
        .await
        .expect("recorded");
    txn.commit().await.expect("commit");
    let save = |status: ProgrammeStatus| {
        let (programme, mut draft) = (programme.clone(), draft.clone());
        draft.status = status;
        async move {
            let txn = db.write().await.expect("txn");
            let saved = programmes::update(&txn, &Who::system("test"), &programme, 1, &draft).await;
            txn.commit().await.expect("commit");
            saved
        }
    };
    let (first, second) = tokio::join!(
        save(ProgrammeStatus::Proposed),
        save(ProgrammeStatus::InConsultation)
    );
    assert!(first.is_ok() ^ second.is_ok(), "exactly one save wins");
    let lost = if first.is_ok() { second } else { first };
    assert!(matches!(
        lost,
        Err(ateneu_db::DbError::Conflict(
            ateneu_domain::ProblemKey::ChangedMeanwhile
        ))
    ));
    let now = programmes::by_id(&db.conn, programme.id)
        .await
        .expect("reads")
        .expect("there");
    assert_eq!(now.revision, 2);
    let actions = audit_actions(db).await;
    let count = |action: &str| actions.iter().filter(|a| *a == action).count();
    assert_eq!(count("programme.create"), 1);
    assert_eq!(count("programme.update"), 1, "the lost save left no row");
    assert_eq!(count("programme.consultation"), 1);
    // Removing the city takes its programmes and their consultations.
    use sea_orm::EntityTrait;
    ateneu_db::entities::city::Entity::delete_by_id(dakar.id.get())
        .exec(&db.conn)
        .await
        .expect("removed");
    assert!(
        programmes::by_id(&db.conn, programme.id)
            .await
            .expect("reads")
            .is_none()
    );
    assert!(
        programmes::consultations(&db.conn, programme.id)
            .await
            .expect("reads")
            .is_empty()
    );
}

/// What SQLite says it does for each statement: its `EXPLAIN QUERY PLAN` lines.
/// How the database plans a statement, line by line. PostgreSQL is told to avoid sequential
/// scans and sorts where it can (it prefers them for a table this small): a scan or a sort left
/// in its plan is one that no index can spare.
async fn plan(db: &Db, statement: &sea_orm::Statement) -> Vec<String> {
    let values = statement.values.clone().map(|v| v.0).unwrap_or_default();
    match statement.db_backend {
        sea_orm::DbBackend::Postgres => {
            let txn = db.conn.begin().await.expect("a transaction");
            txn.execute_unprepared("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off")
                .await
                .expect("planner settings");
            let explain = sea_orm::Statement::from_sql_and_values(
                statement.db_backend,
                format!("EXPLAIN {}", statement.sql),
                values,
            );
            let lines = txn
                .query_all_raw(explain)
                .await
                .expect("a plan")
                .iter()
                .map(|row| row.try_get::<String>("", "QUERY PLAN").expect("a line"))
                .collect();
            txn.rollback().await.expect("rolls back");
            lines
        }
        _ => {
            let explain = sea_orm::Statement::from_sql_and_values(
                statement.db_backend,
                format!("EXPLAIN QUERY PLAN {}", statement.sql),
                values,
            );
            db.conn
                .query_all_raw(explain)
                .await
                .expect("a plan")
                .iter()
                .map(|row| row.try_get::<String>("", "detail").expect("detail"))
                .collect()
        }
    }
}

#[tokio::test]
async fn the_registry_s_listings_never_scan_the_table_or_sort_every_match() {
    let fresh = fresh().await;
    let db = &fresh.db;
    let backend = db.conn.get_database_backend();
    for name in ["Alba", "Bilbao", "Cork", "Derry", "Évora", "Faro"] {
        city(&fresh, name).await;
    }
    let filters = [
        ("every city", cities::CityFilter::default()),
        (
            "a region",
            cities::CityFilter {
                region: Some("europe".into()),
                ..Default::default()
            },
        ),
        (
            "a country",
            cities::CityFilter {
                country: Some(ateneu_domain::countries::Country::parse("FR").expect("a country")),
                ..Default::default()
            },
        ),
    ];
    // A deep page by skipping, and a page from a kept start (keyset) with a page skipped.
    let starts = [
        cities::PageStart::skipping(99_950),
        cities::PageStart {
            after: Some(cities::ListKey {
                sort_name: "cork".into(),
                id: 3,
            }),
            skip: 50,
        },
    ];
    for (what, filter) in &filters {
        for start in &starts {
            for statement in cities::listing_statements(backend, filter, start, 50) {
                let lines = plan(db, &statement).await;
                assert!(!lines.is_empty(), "{what}: a plan");
                for line in &lines {
                    let whole_table = match backend {
                        sea_orm::DbBackend::Postgres => line.contains("Seq Scan"),
                        _ => {
                            line.contains(" cities")
                                && !line.contains("INDEX")
                                && !line.contains("PRIMARY KEY")
                        }
                    };
                    let sorted = match backend {
                        sea_orm::DbBackend::Postgres => line.contains("Sort"),
                        _ => line.contains("TEMP B-TREE"),
                    };
                    assert!(
                        !whole_table,
                        "{what}, {start:?}: the table is read without an index: {lines:#?}\n{}",
                        statement.sql
                    );
                    assert!(
                        !sorted,
                        "{what}, {start:?}: every match is sorted: {lines:#?}\n{}",
                        statement.sql
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn the_data_version_changes_when_a_write_commits_after_a_later_one() {
    let fresh = fresh().await;
    let db = &fresh.db;
    let draft = |name: &str| city_draft(&fresh, name);
    let quiet = ateneu_db::changes::version(db).await.expect("a version");
    assert_eq!(
        ateneu_db::changes::version(db).await.expect("a version"),
        quiet,
        "nothing written, the same version"
    );
    assert!(quiet >= 0);
    if db.conn.get_database_backend() != sea_orm::DbBackend::Postgres {
        // SQLite's writers take turns: a later write cannot commit before an earlier one.
        return;
    }
    // The first writer takes its audit id, the second a higher one and commits first.
    let first = db.write().await.expect("txn");
    cities::create(&first, &Who::system("test"), &draft("Agen"), false)
        .await
        .expect("created");
    let second = db.write().await.expect("txn");
    cities::create(&second, &Who::system("test"), &draft("Brest"), false)
        .await
        .expect("created");
    second.commit().await.expect("commit");
    let between = ateneu_db::changes::version(db).await.expect("a version");
    first.commit().await.expect("commit");
    let after = ateneu_db::changes::version(db).await.expect("a version");
    assert_ne!(
        between, after,
        "the first writer's city is new data: the version must say so"
    );
    assert_eq!(
        ateneu_db::changes::version(db).await.expect("a version"),
        after,
        "nothing written since, the same version"
    );
}

#[tokio::test]
async fn a_subscriber_s_link_changes_their_state_once_and_the_log_never_names_their_address() {
    use ateneu_db::newsletter::{self, NewLink};
    use ateneu_domain::newsletter::{Status, SubscriptionInput};
    let fresh = fresh().await;
    let db = &fresh.db;
    let who = Who::system("test");
    let subscription = SubscriptionInput {
        email: "reader@example.org".into(),
        lang: "fr".into(),
        interests: vec!["events".into()],
    }
    .parse()
    .expect("valid");
    let now = Utc::now();
    let link = NewLink {
        salt: "salt",
        hash: "hash-of-the-link",
    };
    let txn = db.write().await.expect("txn");
    let subscriber = newsletter::request(&txn, &who, &subscription, link, now)
        .await
        .expect("requested");
    txn.commit().await.expect("commit");
    // The same address asked for twice at once: one subscriber.
    let txn = db.write().await.expect("txn");
    let again = NewLink {
        salt: "other",
        hash: "other-hash",
    };
    assert!(
        newsletter::request(&txn, &who, &subscription, again, now)
            .await
            .is_err()
    );
    drop(txn);
    for expected in [true, false] {
        let txn = db.write().await.expect("txn");
        let changed = newsletter::change_status(
            &txn,
            &who,
            subscriber.id,
            &[Status::Pending],
            Status::Confirmed,
            now,
        )
        .await
        .expect("no error");
        txn.commit().await.expect("commit");
        assert_eq!(changed, expected, "a second click changes nothing");
    }
    let found = newsletter::by_link(&db.conn, "hash-of-the-link")
        .await
        .expect("query")
        .expect("found");
    assert_eq!(found.status, Status::Confirmed);
    assert!(found.confirmed_at.is_some());
    let actions = audit_actions(db).await;
    assert_eq!(
        actions
            .iter()
            .filter(|a| a.starts_with("newsletter."))
            .collect::<Vec<_>>(),
        ["newsletter.request", "newsletter.confirmed"]
    );
    let (rows, _) = audit::list(&db.conn, 1, 100).await.expect("the log");
    let log = format!("{rows:?}");
    assert!(!log.contains("reader@example.org"), "{log}");
    // A request never confirmed is forgotten once its link has expired; a confirmed one stays.
    let waiting = SubscriptionInput {
        email: "never@example.org".into(),
        lang: "es".into(),
        interests: vec!["practices".into()],
    }
    .parse()
    .expect("valid");
    let txn = db.write().await.expect("txn");
    let long_ago = now - Duration::days(8);
    let link = NewLink {
        salt: "s2",
        hash: "h2",
    };
    newsletter::request(&txn, &who, &waiting, link, long_ago)
        .await
        .expect("requested");
    assert_eq!(
        newsletter::forget_unconfirmed(&txn, &who, now - Duration::days(7))
            .await
            .expect("forgotten"),
        1
    );
    txn.commit().await.expect("commit");
    assert!(
        newsletter::by_email(&db.conn, "never@example.org")
            .await
            .expect("query")
            .is_none()
    );
    assert!(
        newsletter::by_email(&db.conn, "reader@example.org")
            .await
            .expect("query")
            .is_some()
    );
}
