//! Thematic-module testing in storage: the seminar (its framework version and module, open or
//! closed, the version its accepted proposals became), its participants' links (hashes only),
//! and the proposals with the secretariat's decisions. A proposal is taken only while the
//! seminar is open, and a seminar is revised once, each checked under the seminar's row lock.

use crate::audit::{self, Who};
use crate::entities::{module_test, module_test_link, module_test_proposal};
use crate::{DbError, DbResult, WriteTxn, from_json, to_json};
use ateneu_domain::ProblemKey;
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::CityId;
use ateneu_domain::ids::FrameworkVersionId;
use ateneu_domain::module_tests::{Decision, ProposalDraft};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;

/// A seminar as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleTest {
    pub id: i64,
    pub programme_id: i64,
    pub activity_id: Option<i64>,
    pub city_id: CityId,
    pub framework_version_id: FrameworkVersionId,
    pub module_key: String,
    pub title: String,
    pub status: AssessmentStatus,
    /// The framework version its accepted proposals became.
    pub revised_version_id: Option<FrameworkVersionId>,
    pub created_at: DateTime<Utc>,
}

/// What a new seminar is.
#[derive(Debug, Clone)]
pub struct NewModuleTest {
    pub programme_id: i64,
    pub activity_id: Option<i64>,
    pub city_id: CityId,
    pub framework_version_id: FrameworkVersionId,
    pub module_key: String,
    pub title: String,
}

/// A proposal (whose link made it stays unsaid) and its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub id: i64,
    #[serde(skip)]
    pub link_id: Option<i64>,
    #[serde(flatten)]
    pub draft: ProposalDraft,
    pub decision: Decision,
    pub created_at: DateTime<Utc>,
}

fn corrupt(problem: ateneu_domain::Problem) -> DbError {
    DbError::Corrupt(problem.key.to_string())
}

fn to_test(m: module_test::Model) -> DbResult<ModuleTest> {
    Ok(ModuleTest {
        id: m.id,
        programme_id: m.programme_id,
        activity_id: m.activity_id,
        city_id: CityId::new(m.city_id),
        framework_version_id: FrameworkVersionId::new(m.framework_version_id),
        module_key: m.module_key,
        title: m.title,
        status: AssessmentStatus::parse(&m.status).map_err(corrupt)?,
        revised_version_id: m.revised_version_id.map(FrameworkVersionId::new),
        created_at: m.created_at,
    })
}

fn to_proposal(m: module_test_proposal::Model) -> DbResult<Proposal> {
    Ok(Proposal {
        id: m.id,
        link_id: m.link_id,
        draft: from_json(&m.record)?,
        decision: Decision::parse(&m.decision).map_err(corrupt)?,
        created_at: m.created_at,
    })
}

pub async fn create(txn: &WriteTxn<'_>, who: &Who, new: &NewModuleTest) -> DbResult<ModuleTest> {
    let model = module_test::ActiveModel {
        programme_id: Set(new.programme_id),
        activity_id: Set(new.activity_id),
        city_id: Set(new.city_id.get()),
        framework_version_id: Set(new.framework_version_id.get()),
        module_key: Set(new.module_key.clone()),
        title: Set(new.title.clone()),
        status: Set(AssessmentStatus::Open.key().to_owned()),
        created_by: Set(who.user_id.map(AccountId::get)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "module_test.create",
        "module_test",
        model.id,
        serde_json::json!({"programme_id": new.programme_id, "module": new.module_key}),
    )
    .await?;
    to_test(model)
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i64) -> DbResult<Option<ModuleTest>> {
    module_test::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(to_test)
        .transpose()
}

/// The seminar's row, locked until the transaction ends (on PostgreSQL).
async fn locked(txn: &WriteTxn<'_>, id: i64) -> DbResult<ModuleTest> {
    module_test::Entity::find_by_id(id)
        .lock_exclusive()
        .one(&**txn)
        .await?
        .map(to_test)
        .transpose()?
        .ok_or(DbError::NotFound)
}

/// A programme's seminars, oldest first.
pub async fn of_programme(
    conn: &impl ConnectionTrait,
    programme_id: i64,
) -> DbResult<Vec<ModuleTest>> {
    module_test::Entity::find()
        .filter(module_test::Column::ProgrammeId.eq(programme_id))
        .order_by_asc(module_test::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_test)
        .collect()
}

/// Opens or closes a seminar.
pub async fn set_status(
    txn: &WriteTxn<'_>,
    who: &Who,
    id: i64,
    status: AssessmentStatus,
) -> DbResult<()> {
    module_test::Entity::update_many()
        .col_expr(module_test::Column::Status, Expr::value(status.key()))
        .filter(module_test::Column::Id.eq(id))
        .exec(&**txn)
        .await?;
    audit::record(
        &**txn,
        who,
        "module_test.status",
        "module_test",
        id,
        serde_json::json!({ "status": status }),
    )
    .await
}

const LINKS: crate::links::LinkColumns<module_test_link::Column> = crate::links::LinkColumns {
    id: module_test_link::Column::Id,
    owner: module_test_link::Column::TestId,
    hash: module_test_link::Column::TokenHash,
    created_at: module_test_link::Column::CreatedAt,
};

/// Keeps the hashes of new participants' links.
pub async fn invite(txn: &WriteTxn<'_>, test_id: i64, hashes: &[String]) -> DbResult<()> {
    crate::links::insert::<module_test_link::Entity>(txn, &LINKS, test_id, hashes).await
}

pub async fn link_count(conn: &impl ConnectionTrait, test_id: i64) -> DbResult<u64> {
    crate::links::count::<module_test_link::Entity>(conn, &LINKS, test_id).await
}

/// The link a hash opens, with its seminar.
pub async fn link_by_hash(
    conn: &impl ConnectionTrait,
    hash: &str,
) -> DbResult<Option<(i64, ModuleTest)>> {
    let Some((link, test)) =
        crate::links::by_hash::<module_test_link::Entity>(conn, &LINKS, hash).await?
    else {
        return Ok(None);
    };
    Ok(by_id(conn, test).await?.map(|t| (link, t)))
}

/// Takes a proposal while the seminar is open and holds fewer than `most`.
pub async fn propose(
    txn: &WriteTxn<'_>,
    test_id: i64,
    link_id: Option<i64>,
    draft: &ProposalDraft,
    most: u64,
) -> DbResult<Proposal> {
    if locked(txn, test_id).await?.status != AssessmentStatus::Open {
        return Err(DbError::Conflict(ProblemKey::WorkshopClosed));
    }
    let count = module_test_proposal::Entity::find()
        .filter(module_test_proposal::Column::TestId.eq(test_id))
        .count(&**txn)
        .await?;
    if count >= most {
        return Err(DbError::Conflict(ProblemKey::TooManyItems));
    }
    let model = module_test_proposal::ActiveModel {
        test_id: Set(test_id),
        link_id: Set(link_id),
        record: Set(to_json(draft)?),
        decision: Set(Decision::Pending.key().to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    to_proposal(model)
}

/// A seminar's proposals in the order they came (or those of one link).
pub async fn proposals(
    conn: &impl ConnectionTrait,
    test_id: i64,
    link_id: Option<i64>,
) -> DbResult<Vec<Proposal>> {
    let mut query = module_test_proposal::Entity::find()
        .filter(module_test_proposal::Column::TestId.eq(test_id));
    if let Some(link) = link_id {
        query = query.filter(module_test_proposal::Column::LinkId.eq(link));
    }
    query
        .order_by_asc(module_test_proposal::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_proposal)
        .collect()
}

/// Records the secretariat's decision on a proposal, while the seminar is not revised yet.
pub async fn decide(
    txn: &WriteTxn<'_>,
    who: &Who,
    test_id: i64,
    proposal_id: i64,
    decision: Decision,
) -> DbResult<()> {
    if locked(txn, test_id).await?.revised_version_id.is_some() {
        return Err(DbError::Conflict(ProblemKey::AlreadyRevised));
    }
    let done = module_test_proposal::Entity::update_many()
        .col_expr(
            module_test_proposal::Column::Decision,
            Expr::value(decision.key()),
        )
        .col_expr(
            module_test_proposal::Column::DecidedBy,
            Expr::value(who.user_id.map(AccountId::get)),
        )
        .filter(module_test_proposal::Column::Id.eq(proposal_id))
        .filter(module_test_proposal::Column::TestId.eq(test_id))
        .exec(&**txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(DbError::NotFound);
    }
    audit::record(
        &**txn,
        who,
        "module_test.decide",
        "module_test",
        test_id,
        serde_json::json!({"proposal": proposal_id, "decision": decision}),
    )
    .await
}

/// Records the version the seminar's accepted proposals became, once (`already_revised`).
pub async fn set_revised(
    txn: &WriteTxn<'_>,
    who: &Who,
    test_id: i64,
    version_id: FrameworkVersionId,
) -> DbResult<()> {
    let done = module_test::Entity::update_many()
        .col_expr(
            module_test::Column::RevisedVersionId,
            Expr::value(version_id.get()),
        )
        .filter(module_test::Column::Id.eq(test_id))
        .filter(module_test::Column::RevisedVersionId.is_null())
        .exec(&**txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(DbError::Conflict(ProblemKey::AlreadyRevised));
    }
    audit::record(
        &**txn,
        who,
        "module_test.revise",
        "module_test",
        test_id,
        serde_json::json!({ "version": version_id }),
    )
    .await
}
