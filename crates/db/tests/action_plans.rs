//! An action plan's storage: every write leaves its audit row on the plan's output, items keep
//! their order up to the plan's limit, and a save and an update made on one revision never both
//! win (SQLite, or PostgreSQL when ATENEU_TEST_POSTGRES is set).

mod common;

use ateneu_db::audit::Who;
use ateneu_db::outputs::{self, action_plans};
use ateneu_db::{DbError, programmes};
use ateneu_domain::ProblemKey;
use ateneu_domain::ids::OutputId;
use ateneu_domain::programmes::ProgrammeInput;
use ateneu_domain::programmes::action_plans::{ItemInput, ItemStatus, Known, UpdateInput};
use ateneu_domain::programmes::outputs::OutputInput;
use common::{audit_actions, city, fresh};

#[tokio::test]
async fn a_plan_s_writes_are_logged_and_one_revision_has_one_winner() {
    let fresh = fresh().await;
    let db = &fresh.db;
    let who = Who::system("test");
    let dakar = city(&fresh, "Dakar").await;
    let programme = ProgrammeInput {
        starts_on: "2026-01-01".into(),
        ends_on: "2027-12-31".into(),
        ..ProgrammeInput::default()
    }
    .parse()
    .expect("a programme");
    let plan = OutputInput {
        kind: "action_plan".into(),
        title: "Plan".into(),
        ..OutputInput::default()
    }
    .parse(&[])
    .expect("an output");
    let known = Known::default();
    let item = |title: &str| {
        ItemInput {
            title_en: title.into(),
            ..ItemInput::default()
        }
        .parse(&known)
        .expect("an item")
    };
    let txn = db.write().await.expect("txn");
    let programme = programmes::create(&txn, &who, dakar.id, &programme)
        .await
        .expect("created");
    let plan = outputs::file(&txn, &who, dakar.id, programme.id, &plan)
        .await
        .expect("filed");
    let first = action_plans::add_item(&txn, &who, plan.id, &item("First"), 2)
        .await
        .expect("added");
    let second = action_plans::add_item(&txn, &who, plan.id, &item("Second"), 2)
        .await
        .expect("added");
    let third = action_plans::add_item(&txn, &who, plan.id, &item("Third"), 2).await;
    assert!(matches!(
        third,
        Err(DbError::Conflict(ProblemKey::TooManyItems))
    ));
    txn.commit().await.expect("commit");
    assert_eq!((first.position, second.position), (1, 2));
    let before = audit_actions(db).await.len();

    // A save and a progress update both made on revision 1: one of them wins.
    let update = UpdateInput {
        on: "2026-06-01".into(),
        status: "under_way".into(),
        progress: "30".into(),
        ..UpdateInput::default()
    }
    .parse((ItemStatus::Planned, 0))
    .expect("an update");
    let save = async {
        let txn = db.write().await.expect("txn");
        let saved =
            action_plans::save_item(&txn, &Who::system("test"), &first, 1, &item("Renamed"))
                .await?;
        txn.commit().await.expect("commit");
        Ok::<_, DbError>(saved.id)
    };
    let progress = async {
        let txn = db.write().await.expect("txn");
        let recorded =
            action_plans::add_update(&txn, &Who::system("test"), &first, &update, None).await?;
        txn.commit().await.expect("commit");
        Ok::<_, DbError>(recorded.item_id)
    };
    let (saved, recorded) = tokio::join!(save, progress);
    assert!(saved.is_ok() ^ recorded.is_ok(), "{saved:?} {recorded:?}");
    let save_won = saved.is_ok();
    let lost = if save_won { recorded } else { saved };
    assert!(matches!(
        lost,
        Err(DbError::Conflict(ProblemKey::ChangedMeanwhile))
    ));
    let now = action_plans::item(&db.conn, plan.id, first.id)
        .await
        .expect("the item");
    assert_eq!(now.revision, 2);
    let updates = action_plans::updates(&db.conn, &[first.id])
        .await
        .expect("updates");
    if save_won {
        assert_eq!(
            now.draft.title.values[&ateneu_domain::Lang::En].text,
            "Renamed"
        );
        assert!(updates.is_empty(), "the refused update left no entry");
        assert_eq!(audit_actions(db).await[before..], ["action_plan.item_save"]);
    } else {
        assert_eq!(
            (now.draft.status, now.draft.progress),
            (ItemStatus::UnderWay, 30)
        );
        assert_eq!(updates[&first.id].len(), 1);
        assert_eq!(audit_actions(db).await[before..], ["action_plan.update"]);
    }
    // An item of another plan is not found through this one.
    let elsewhere =
        action_plans::item(&db.conn, OutputId::new(plan.id.get() + 1000), first.id).await;
    assert!(matches!(elsewhere, Err(DbError::NotFound)));
}
