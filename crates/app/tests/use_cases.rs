//! The use cases on their own, as the command line calls them (no router, no HTTP), on a fresh
//! database each (SQLite, or PostgreSQL when ATENEU_TEST_POSTGRES names a server): an
//! invitation writes its account, its role and its email in the person's language; a token
//! opens the account it was made for; the registry's CSV has every city; a framework file is
//! checked whole and refused to people who may not import; a typed city is found by slug,
//! earlier slug, id or name; the registry's pages read from the starts it keeps are the pages
//! read by skipping, in any order and after a change; a practices file is imported as a stream,
//! and one that changes during its import writes nothing.

use ateneu_app::{Acting, Config, Context, Error, IndexPlace};
use ateneu_db::Db;
use ateneu_db::audit::Who;
use ateneu_domain::accounts::{Email, Grant, Role, TokenRequest};
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::CityId;
use ateneu_domain::permissions::Actor;
use ateneu_domain::{Lang, ProblemKey};
use sea_orm::ConnectionTrait;
use std::sync::atomic::{AtomicU32, Ordering};

struct Fresh {
    context: Context,
    _dir: tempfile::TempDir,
}

async fn fresh() -> Fresh {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let dir = tempfile::tempdir().expect("folder");
    let url = match std::env::var("ATENEU_TEST_POSTGRES") {
        Ok(server) if !server.is_empty() => {
            let server = server.trim_end_matches('/');
            let admin = Db::connect(&format!("{server}/postgres"))
                .await
                .expect("PostgreSQL answers");
            let nanos = chrono::Utc::now().timestamp_subsec_nanos();
            let name = format!(
                "ateneu_t_app{}_{}_{nanos}",
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
    ateneu_db::frameworks::load_bundled(&db)
        .await
        .expect("loads the bundled frameworks");
    ateneu_db::demo::load(&db, &reference)
        .await
        .expect("loads the example network");
    let config = Config {
        data_dir: dir.path().to_owned(),
        base_url: "https://ateneu.example.org/".into(),
        smtp_url: None,
        mail_from: None,
        search_index: IndexPlace::Off,
        page_cache: true,
        server_timing: false,
    };
    let context = Context::new(db, config).await.expect("a context");
    Fresh { context, _dir: dir }
}

#[tokio::test]
async fn an_invitation_makes_the_account_and_mails_its_link_in_the_chosen_language() {
    let Fresh { context, _dir } = fresh().await;
    let email = Email::parse("Ana@Example.org").expect("an address");
    let grant = Grant::new(Role::Reviewer, None, None).expect("a grant");
    let link = ateneu_app::accounts::invite(
        &context,
        &Who::system("cli"),
        &email,
        "Ana",
        Some(&grant),
        Lang::Fr,
    )
    .await
    .expect("invites");
    assert!(
        link.starts_with("https://ateneu.example.org/fr/password/"),
        "{link}"
    );
    let user = ateneu_db::accounts::user_by_email(&context.db.conn, &email)
        .await
        .expect("reads")
        .expect("the account exists");
    let grants = ateneu_db::accounts::grants_of(&context.db.conn, user.id)
        .await
        .expect("reads");
    assert_eq!(grants.len(), 1);
    assert_eq!(grants[0].grant.role, Role::Reviewer);
    let outbox = context.mailer.list().await.expect("the outbox");
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].to, email.as_str());
    assert!(outbox[0].body.contains(&link), "{}", outbox[0].body);
    let french = context.i18n.t(Lang::Fr, "mail-invitation-subject");
    assert_eq!(outbox[0].subject, french);
}

#[tokio::test]
async fn a_token_opens_the_account_it_was_made_for_and_only_as_a_hash() {
    let Fresh { context, _dir } = fresh().await;
    let email = Email::parse("robot@example.org").expect("an address");
    let user = ateneu_app::accounts::invite(
        &context,
        &Who::system("cli"),
        &email,
        "Robot",
        None,
        Lang::En,
    )
    .await
    .expect("invites");
    assert!(!user.is_empty());
    let account = ateneu_db::accounts::user_by_email(&context.db.conn, &email)
        .await
        .expect("reads")
        .expect("exists");
    let request = TokenRequest::parse("exports", "read", "30").expect("a request");
    let token =
        ateneu_app::accounts::create_api_token(&context, &Who::system("cli"), account.id, &request)
            .await
            .expect("a token");
    assert!(token.starts_with("atn_"));
    let hash = ateneu_app::security::token_hash(&token);
    let (found, scope) = ateneu_db::accounts::user_for_api_token(&context.db, &hash)
        .await
        .expect("reads")
        .expect("the token opens an account");
    assert_eq!(found.id, account.id);
    assert!(!scope.allows(true), "a read token does not write");
    assert!(
        ateneu_db::accounts::user_for_api_token(&context.db, &token)
            .await
            .expect("reads")
            .is_none(),
        "the database keeps the hash, not the token"
    );
}

#[tokio::test]
async fn the_registry_files_hold_every_city_and_no_live_formula() {
    let Fresh { context, _dir } = fresh().await;
    let cities = ateneu_db::cities::all(&context.db).await.expect("reads");
    assert!(!cities.is_empty(), "the example network has cities");
    let csv = ateneu_app::registry_files::cities_csv(&context)
        .await
        .expect("the cities file");
    let text = String::from_utf8(csv).expect("UTF-8");
    let rows: Vec<&str> = text.lines().skip(1).filter(|l| !l.is_empty()).collect();
    assert!(
        rows.len() >= cities.len(),
        "{} < {}",
        rows.len(),
        cities.len()
    );
    for city in &cities {
        assert!(text.contains(&city.slug), "{} missing", city.slug);
    }
    let memberships = ateneu_app::registry_files::memberships_csv(&context)
        .await
        .expect("the memberships file");
    assert!(!memberships.is_empty());
}

#[tokio::test]
async fn a_framework_file_is_checked_whole_and_imported_only_by_those_who_may() {
    let Fresh { context, _dir } = fresh().await;
    let source = include_str!("../../../data/frameworks/culture21-actions.toml")
        .replace("version = \"2015\"", "version = \"2015-test\"");
    let anonymous = Acting::person(Actor::anonymous(), Who::system("anonymous"));
    let refused = ateneu_app::frameworks::import(&context, &anonymous, &source).await;
    assert!(matches!(refused, Err(Error::SignInRequired)), "{refused:?}");
    let editor = Acting::person(
        Actor {
            user_id: Some(AccountId::new(7)),
            grants: vec![Grant::new(Role::Editor, None, Some(CityId::new(1))).expect("a grant")],
            ..Actor::default()
        },
        Who::system("editor"),
    );
    let refused = ateneu_app::frameworks::import(&context, &editor, &source).await;
    assert!(matches!(refused, Err(Error::Forbidden)), "{refused:?}");

    let operator = Acting::operator("cli");
    let broken = source.replacen("key = \"culture21-actions\"", "key = \"\"", 1);
    match ateneu_app::frameworks::import(&context, &operator, &broken).await {
        Err(Error::Lines(lines)) => assert!(!lines.is_empty()),
        other => panic!("a broken file is refused line by line: {other:?}"),
    }
    let (_, framework) = ateneu_app::frameworks::import(&context, &operator, &source)
        .await
        .expect("imports");
    let (stored, again) =
        ateneu_app::frameworks::resolve(&context, &format!("{}@2015-test", framework.key))
            .await
            .expect("finds it by KEY@VERSION");
    assert_eq!(again.domains.len(), framework.domains.len());
    let (by_id, _) = ateneu_app::frameworks::load(&context, stored.id)
        .await
        .expect("and by id");
    assert_eq!(by_id.checksum, stored.checksum);
    assert!(matches!(
        ateneu_app::frameworks::resolve(&context, "nothing@1").await,
        Err(Error::NotFound)
    ));
}

#[tokio::test]
async fn a_typed_city_is_found_by_slug_id_or_name_and_a_missing_one_is_named() {
    let Fresh { context, _dir } = fresh().await;
    let lyon = ateneu_db::cities::by_slug(&context.db.conn, "lyon")
        .await
        .expect("reads")
        .expect("the example network has Lyon");
    for typed in ["lyon", " lyon ", &lyon.id.to_string(), "Lyon"] {
        let found = ateneu_app::cities::resolve(&context, typed)
            .await
            .expect("reads")
            .unwrap_or_else(|p| panic!("{typed:?}: {p:?}"));
        assert_eq!(found.id, lyon.id, "{typed:?}");
    }
    let missing = ateneu_app::cities::resolve(&context, "atlantis")
        .await
        .expect("reads");
    assert_eq!(
        missing.map(|c| c.id).expect_err("atlantis is unknown").key,
        ProblemKey::UnknownCity
    );
    let empty = ateneu_app::cities::resolve(&context, "  ")
        .await
        .expect("reads");
    assert_eq!(
        empty.map(|c| c.id).expect_err("nothing typed").key,
        ProblemKey::Required
    );
}

/// Every page of the registry, read by skipping from the first city (the reference).
async fn pages_by_skipping(
    context: &Context,
    filter: &ateneu_db::cities::CityFilter,
    per_page: u64,
) -> Vec<Vec<CityId>> {
    let (_, total) = ateneu_db::cities::list(&context.db, filter, 1, per_page)
        .await
        .expect("a page");
    let mut pages = Vec::new();
    for page in 1..=total.div_ceil(per_page) + 1 {
        let (items, _) = ateneu_db::cities::list(&context.db, filter, page, per_page)
            .await
            .expect("a page");
        pages.push(items.iter().map(|c| c.city.id).collect());
    }
    pages
}

#[tokio::test]
async fn pages_of_the_registry_read_from_kept_starts_are_the_pages_read_by_skipping() {
    let fresh = fresh().await;
    let context = &fresh.context;
    let per_page = 3;
    // Names that sort alike put ties at pages' edges: the id breaks them.
    let lyon = ateneu_db::cities::by_slug(&context.db.conn, "lyon")
        .await
        .expect("reads")
        .expect("the example network has Lyon");
    for name in [
        "Lyon", "Lyon", "Aarhus", "Bergen", "bergen", "Cádiz", "Cadiz", "Essen", "Graz", "Hamm",
        "Lyon", "Zadar",
    ] {
        let mut draft = lyon.draft.clone();
        draft.name = ateneu_domain::text::TranslatedText::new(Lang::En, name).expect("a name");
        let txn = context.db.write().await.expect("txn");
        ateneu_db::cities::create(&txn, &Who::system("test"), &draft, false)
            .await
            .expect("created");
        txn.commit().await.expect("commit");
    }
    let filters = [
        ateneu_db::cities::CityFilter::default(),
        ateneu_db::cities::CityFilter {
            region: Some("europe".into()),
            ..Default::default()
        },
    ];
    for filter in &filters {
        let expected = pages_by_skipping(context, filter, per_page).await;
        assert!(expected.len() >= 4, "enough pages to walk: {expected:?}");
        let last = expected.len() as u64;
        // Deep first, then back, forward one by one, and past the end: every order a reader
        // or a link can take, each page once it has a kept start and once before.
        let mut order: Vec<u64> = vec![last - 1, 1, 2, last - 1, last, 3, 2, last + 3];
        order.extend(1..=last);
        for page in order {
            let (items, _) = ateneu_app::cities::list(context, filter, page, per_page)
                .await
                .expect("a page");
            let ids: Vec<CityId> = items.iter().map(|c| c.city.id).collect();
            let want = expected.get(page as usize - 1).cloned().unwrap_or_default();
            assert_eq!(ids, want, "page {page} of {filter:?}");
        }
        // A city renamed to sort first moves every page before its old place: the starts kept
        // before the change are not used after it, even by the first page read.
        let txn = context.db.write().await.expect("txn");
        let mut draft = lyon.draft.clone();
        draft.name = ateneu_domain::text::TranslatedText::new(Lang::En, "Aaron").expect("a name");
        let renamed = ateneu_db::cities::update(&txn, &Who::system("test"), &lyon, &draft)
            .await
            .expect("renamed");
        txn.commit().await.expect("commit");
        let moved = pages_by_skipping(context, filter, per_page).await;
        for page in [2, last - 1, 1, 3] {
            let (items, _) = ateneu_app::cities::list(context, filter, page, per_page)
                .await
                .expect("a page");
            let ids: Vec<CityId> = items.iter().map(|c| c.city.id).collect();
            assert_eq!(
                ids,
                moved[page as usize - 1],
                "page {page} after the renaming"
            );
        }
        // Back to its name for the next filter.
        let txn = context.db.write().await.expect("txn");
        ateneu_db::cities::update(&txn, &Who::system("test"), &renamed, &lyon.draft)
            .await
            .expect("renamed back");
        txn.commit().await.expect("commit");
    }
}

/// A practice line of 4,096 bytes with its end of line, so that 900 of them are more than the
/// import's read buffer (1 MiB) and the buffer ends at a line's end.
fn practice_line(n: usize) -> String {
    let line = serde_json::json!({
        "external_id": format!("stream-{n}"),
        "cities": [{"name": format!("Town {}", n % 7), "country": "PT"}],
        "status": "completed",
        "text": {"en": {
            "title": format!("Practice {n}"),
            "summary": "A summary long enough. ".repeat(10),
            "body": "Participatory-cultural-governance-in-the-neighbourhoods ".repeat(60),
        }},
    })
    .to_string();
    format!("{line:<4095}")
}

#[tokio::test]
async fn a_practices_file_is_imported_as_a_stream_and_one_changed_meanwhile_writes_nothing() {
    use ateneu_app::practices::import::{FileError, Progress, import_file};
    use ateneu_domain::practices::Stage;
    let fresh = fresh().await;
    let context = &fresh.context;
    let who = Who::system("test");
    let path = fresh._dir.path().join("practices.jsonl");
    let lines: Vec<String> = (1..=900).map(practice_line).collect();
    let whole = lines.join("\n") + "\n";

    // Changed after the first chunk was written: emptied (what was read so far ends at a
    // line's end, so only the count of practices tells), a line spoilt, or a line replaced by
    // another valid one.
    let mut replaced = lines.clone();
    replaced[899] = practice_line(901);
    for spoilt in [
        String::new(),
        format!("{}\n{{\"external_id\": ", lines[..899].join("\n")),
        // Every line still valid and as many practices: only the bytes tell.
        replaced.join("\n") + "\n",
    ] {
        std::fs::write(&path, &whole).expect("writes the file");
        let change = |progress: Progress| {
            if progress
                == (Progress::Written {
                    practices: 400,
                    of: 900,
                })
            {
                std::fs::write(&path, &spoilt).expect("changes the file");
            }
        };
        match import_file(context, &who, &path, Stage::Published, &change).await {
            Err(FileError::Lines { kept, count }) => {
                assert_eq!(count, 1, "{kept:?}");
                assert_eq!(kept[0].problem.key, ProblemKey::FileChanged, "{kept:?}");
            }
            other => panic!("a changed file is refused, not {other:?}"),
        }
    }

    // Nothing of those was written: the whole file now creates every practice and city.
    std::fs::write(&path, &whole).expect("writes the file");
    let seen = std::sync::Mutex::new(Vec::new());
    let record = |progress: Progress| seen.lock().expect("progress").push(progress);
    let summary = import_file(context, &who, &path, Stage::Published, &record)
        .await
        .expect("imports");
    assert_eq!((summary.created, summary.updated), (900, 0));
    assert_eq!(
        summary.cities_created.len(),
        7,
        "{:?}",
        summary.cities_created
    );
    let written: Vec<Progress> = seen
        .into_inner()
        .expect("progress")
        .into_iter()
        .filter(|p| matches!(p, Progress::Written { .. }))
        .collect();
    assert_eq!(
        written.last(),
        Some(&Progress::Written {
            practices: 900,
            of: 900
        })
    );
    let again = import_file(context, &who, &path, Stage::Published, &|_| {})
        .await
        .expect("imports again");
    assert_eq!((again.created, again.unchanged), (0, 900));

    // A bad file: every problem counted, the first ones kept, nothing written.
    let mut bad = lines[..3].join("\n").into_bytes();
    bad.extend_from_slice(b"\nnot json\n\xff\xfe\n");
    bad.extend_from_slice(lines[0].as_bytes());
    for n in 0..60 {
        bad.extend_from_slice(format!("\n{{\"external_id\": \"x{n}\"}}").as_bytes());
    }
    std::fs::write(&path, &bad).expect("writes the file");
    match import_file(context, &who, &path, Stage::Published, &|_| {}).await {
        Err(FileError::Lines { kept, count }) => {
            assert!(count > 60, "{count}");
            assert_eq!(kept.len(), ateneu_app::practices::import::PROBLEMS_KEPT);
            let first: Vec<(u64, ProblemKey)> = kept
                .iter()
                .take(3)
                .map(|e| (e.line, e.problem.key))
                .collect();
            assert_eq!(
                first,
                [
                    (4, ProblemKey::InvalidJson),
                    (5, ProblemKey::NotText),
                    (6, ProblemKey::DuplicateInFile),
                ]
            );
        }
        other => panic!("a bad file is refused, not {other:?}"),
    }
    let missing = import_file(
        context,
        &who,
        &fresh._dir.path().join("none.jsonl"),
        Stage::Published,
        &|_| {},
    )
    .await;
    assert!(matches!(missing, Err(FileError::Unreadable(_))));
}
