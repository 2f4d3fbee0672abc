//! The translators' queue: each practice's work left per language, written with its content,
//! and read a page at a time, most work first.

use super::{Practice, assemble};
use crate::entities::practice;
use crate::{Db, DbResult, from_json};
use ateneu_domain::Lang;
use ateneu_domain::practices::PracticeRecord;
use ateneu_domain::practices::translation::{QUEUE_STAGES, QueuePlace, work_per_language};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

fn column(lang: Lang) -> practice::Column {
    match lang {
        Lang::En => practice::Column::WorkEn,
        Lang::Fr => practice::Column::WorkFr,
        Lang::Es => practice::Column::WorkEs,
    }
}

/// The stored work of `model` in `lang`.
fn work_in(model: &practice::Model, lang: Lang) -> i32 {
    match lang {
        Lang::En => model.work_en,
        Lang::Fr => model.work_fr,
        Lang::Es => model.work_es,
    }
}

fn stored(work: u32) -> i32 {
    i32::try_from(work).unwrap_or(i32::MAX)
}

/// `update` also writes the work left in each language by `record`.
pub(crate) fn with_work(
    mut update: sea_orm::UpdateMany<practice::Entity>,
    record: &PracticeRecord,
) -> sea_orm::UpdateMany<practice::Entity> {
    for (lang, work) in Lang::ALL.into_iter().zip(work_per_language(record)) {
        update = update.col_expr(column(lang), Expr::value(stored(work)));
    }
    update
}

/// The work left in each language by `record`, for a new row.
pub(crate) fn set_work(row: &mut practice::ActiveModel, record: &PracticeRecord) {
    let [en, fr, es] = work_per_language(record).map(stored);
    row.work_en = sea_orm::Set(en);
    row.work_fr = sea_orm::Set(fr);
    row.work_es = sea_orm::Set(es);
}

/// Counts the work of the practices not counted yet (written before the count was kept), in
/// batches of their own transactions. Returns how many were counted.
pub async fn count_translation_work(db: &Db) -> DbResult<u64> {
    let mut counted = 0;
    loop {
        let rows: Vec<(i64, String)> = practice::Entity::find()
            .select_only()
            .columns([practice::Column::Id, practice::Column::Record])
            .filter(practice::Column::WorkEn.lt(0))
            .order_by_asc(practice::Column::Id)
            .limit(500)
            .into_tuple()
            .all(&db.conn)
            .await?;
        if rows.is_empty() {
            return Ok(counted);
        }
        let txn = db.write().await?;
        for (id, record) in &rows {
            let record: PracticeRecord = from_json(record)?;
            with_work(practice::Entity::update_many(), &record)
                .filter(practice::Column::Id.eq(*id))
                .exec(&*txn)
                .await?;
        }
        txn.commit().await?;
        counted += rows.len() as u64;
    }
}

/// Up to `limit` practices in the queue's stages with work left in `lang`, after `after`: by
/// work left (most first), then newest first. Each comes with its place in the queue.
pub async fn translation_work(
    conn: &impl ConnectionTrait,
    lang: Lang,
    after: Option<QueuePlace>,
    limit: u64,
) -> DbResult<Vec<(Practice, QueuePlace)>> {
    let work = column(lang);
    let mut query = practice::Entity::find()
        .filter(practice::Column::Stage.is_in(QUEUE_STAGES.iter().map(|s| s.key().to_owned())))
        .filter(work.gt(0));
    if let Some(place) = after {
        let at = stored(place.work);
        query = query.filter(
            Condition::any().add(work.lt(at)).add(
                Condition::all()
                    .add(work.eq(at))
                    .add(practice::Column::Id.lt(place.id)),
            ),
        );
    }
    let models = query
        .order_by_desc(work)
        .order_by_desc(practice::Column::Id)
        .limit(limit)
        .all(conn)
        .await?;
    let places: Vec<QueuePlace> = models
        .iter()
        .map(|m| QueuePlace {
            work: u32::try_from(work_in(m, lang)).unwrap_or(0),
            id: m.id,
        })
        .collect();
    Ok(assemble(conn, models)
        .await?
        .into_iter()
        .zip(places)
        .collect())
}
