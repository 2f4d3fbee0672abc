//! A city's indicator values in storage: values are put by year and breakdown (replaced, never
//! doubled), kept in order, removed by their id in the series, held to the most a series keeps,
//! and a series' settings saved on one revision have one winner; every write is audited
//! (SQLite, or PostgreSQL when ATENEU_TEST_POSTGRES is set).

mod common;

use ateneu_db::DbError;
use ateneu_db::audit::Who;
use ateneu_db::indicators::{self as repo};
use ateneu_domain::ProblemKey;
use ateneu_domain::indicators::values::{
    Breakdown, MAX_VALUES, SeriesDraft, SeriesInput, ValueDraft,
};
use common::{audit_actions, city, fresh};

fn value(year: i32, breakdown: &str, value: f64) -> ValueDraft {
    ValueDraft {
        year,
        breakdown: Breakdown::parse(breakdown).expect("a breakdown"),
        value,
        source: String::new(),
        note: String::new(),
    }
}

#[tokio::test]
async fn values_are_put_by_year_and_breakdown_and_settings_have_one_winner_per_revision() {
    let fresh = fresh().await;
    let db = &fresh.db;
    let who = Who::system("test");
    let dakar = city(&fresh, "Dakar").await;
    let reference = "culture2030-indicators:cultural-participation";
    let txn = db.write().await.expect("txn");
    let series = repo::save_series(
        &txn,
        &who,
        dakar.id,
        reference,
        None,
        &SeriesDraft::new_series("%"),
    )
    .await
    .expect("a series");
    let first = repo::put_values(
        &txn,
        &who,
        &series,
        &[
            value(2022, "sex=female", 12.0),
            value(2020, "", 10.0),
            value(2022, "", 11.0),
        ],
    )
    .await
    .expect("put");
    assert_eq!((first.created, first.updated, first.unchanged), (3, 0, 0));
    let again = repo::put_values(
        &txn,
        &who,
        &series,
        &[value(2020, "", 10.0), value(2022, "", 11.5)],
    )
    .await
    .expect("put");
    assert_eq!((again.created, again.updated, again.unchanged), (0, 1, 1));
    txn.commit().await.expect("commit");

    let kept = repo::values(&db.conn, &[series.id])
        .await
        .expect("read")
        .remove(&series.id)
        .expect("values");
    let seen: Vec<(i32, String, f64)> = kept
        .iter()
        .map(|v| (v.draft.year, v.draft.breakdown.to_text(), v.draft.value))
        .collect();
    assert_eq!(
        seen,
        vec![
            (2020, String::new(), 10.0),
            (2022, String::new(), 11.5),
            (2022, "sex=female".to_owned(), 12.0)
        ]
    );
    let female = kept
        .iter()
        .find(|v| !v.draft.breakdown.is_total())
        .expect("female")
        .id;

    let txn = db.write().await.expect("txn");
    repo::remove_value(&txn, &who, &series, female)
        .await
        .expect("removed");
    assert!(matches!(
        repo::remove_value(&txn, &who, &series, female).await,
        Err(DbError::NotFound)
    ));
    txn.commit().await.expect("commit");
    let txn = db.write().await.expect("txn");
    let too_many: Vec<ValueDraft> = (0..=MAX_VALUES)
        .map(|n| value(1900 + (n % 200) as i32, &format!("d={}", n / 200), 1.0))
        .collect();
    assert!(matches!(
        repo::put_values(&txn, &who, &series, &too_many).await,
        Err(DbError::Conflict(ProblemKey::TooManyItems))
    ));
    drop(txn);
    let left = repo::values(&db.conn, &[series.id])
        .await
        .expect("read")
        .remove(&series.id)
        .expect("values");
    assert_eq!(
        left.len(),
        2,
        "removed, and nothing of a refused transaction kept"
    );

    let draft = SeriesInput {
        unit: "%".into(),
        visibility: "public".into(),
        revision: "1".into(),
        ..SeriesInput::default()
    }
    .parse()
    .expect("settings");
    let txn = db.write().await.expect("txn");
    let saved = repo::save_series(&txn, &who, dakar.id, reference, Some(&series), &draft)
        .await
        .expect("saved");
    assert_eq!(saved.revision, 2);
    assert!(matches!(
        repo::save_series(&txn, &who, dakar.id, reference, Some(&series), &draft).await,
        Err(DbError::Conflict(ProblemKey::ChangedMeanwhile))
    ));
    assert!(
        matches!(
            repo::save_series(&txn, &who, dakar.id, reference, None, &draft).await,
            Err(DbError::Conflict(ProblemKey::ChangedMeanwhile))
        ),
        "a second series of the same indicator"
    );
    drop(txn);
    let actions = audit_actions(db).await;
    for action in [
        "indicator.series_save",
        "indicator.values_put",
        "indicator.value_remove",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
}
