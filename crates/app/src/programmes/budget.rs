//! A programme's budget as use cases: reading it with its totals (per currency, year and
//! funder; never two currencies added together), adding and removing a line, importing a whole
//! file (every line checked first, the bad ones named) and exporting it, each write taken on
//! the budget's revision.

use super::{load, number_or_text, parse_revision};
use crate::{Acting, Context, Error};
use ateneu_db::programmes::activities::{self as activity_repo, Activity};
use ateneu_db::programmes::budget::{self as repo, BudgetLine};
use ateneu_domain::Problem;
use ateneu_domain::csv_format;
use ateneu_domain::programmes::budget::{
    BUDGET_COLUMNS, BudgetLineInput, BudgetTotals, parse_csv, totals,
};
use serde::{Deserialize, Serialize};

/// A programme's budget as its page and the API show it.
#[derive(Debug, Clone, Serialize)]
pub struct BudgetView {
    pub programme_id: i64,
    /// Send it back with a change to the budget.
    pub budget_revision: i64,
    pub lines: Vec<BudgetLine>,
    pub totals: BudgetTotals,
    /// The programme's activities, for the lines' activity column.
    pub activities: Vec<Activity>,
    /// The person may change the budget.
    pub may_manage: bool,
}

/// What adding a line takes: the budget's revision and the line's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BudgetLineForm {
    #[serde(deserialize_with = "number_or_text")]
    pub budget_revision: String,
    #[serde(flatten)]
    pub line: BudgetLineInput,
}

/// The budget of a programme the person may see (not found otherwise).
pub async fn read(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
) -> Result<BudgetView, Error> {
    let (programme, rights) = load(context, acting, programme_id).await?;
    let lines = repo::of_programme(&context.db.conn, programme_id).await?;
    let totals = totals(lines.iter().map(|l| &l.draft)).map_err(Error::BadRequest)?;
    let activities = activity_repo::of_programme(&context.db.conn, programme_id).await?;
    Ok(BudgetView {
        programme_id,
        budget_revision: programme.budget_revision,
        lines,
        totals,
        activities,
        may_manage: rights.may_manage,
    })
}

fn revision(text: &str) -> Result<i64, Error> {
    parse_revision(text).map_err(|problem| Error::field("budget_revision", problem))
}

/// The programme, when the person manages it.
async fn managed(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
) -> Result<ateneu_db::programmes::Programme, Error> {
    let (programme, rights) = load(context, acting, programme_id).await?;
    if !rights.may_manage {
        return Err(Error::Forbidden);
    }
    Ok(programme)
}

/// Adds a line (the programme's managers), on the budget's revision.
pub async fn add_line(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    form: &BudgetLineForm,
) -> Result<BudgetLine, Error> {
    managed(context, acting, programme_id).await?;
    let revision = revision(&form.budget_revision)?;
    let txn = context.db.write().await?;
    let programme = ateneu_db::programmes::by_id(&*txn, programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let activities: Vec<i64> = activity_repo::of_programme(&*txn, programme_id)
        .await?
        .iter()
        .map(|a| a.id)
        .collect();
    let draft = form.line.parse(&programme.draft.period, &activities)?;
    let line = repo::add(&txn, &acting.who, programme_id, revision, &draft).await?;
    txn.commit().await?;
    Ok(line)
}

/// Removes a line (the programme's managers), on the budget's revision.
pub async fn remove_line(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    line_id: i64,
    budget_revision: &str,
) -> Result<(), Error> {
    managed(context, acting, programme_id).await?;
    let revision = revision(budget_revision)?;
    let txn = context.db.write().await?;
    repo::remove(&txn, &acting.who, programme_id, revision, line_id).await?;
    txn.commit().await?;
    Ok(())
}

/// Replaces the whole budget with a file's lines (the programme's managers), on the budget's
/// revision: every line is checked first and a file with a bad line changes nothing.
pub async fn import(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    budget_revision: &str,
    bytes: &[u8],
) -> Result<usize, Error> {
    managed(context, acting, programme_id).await?;
    let revision = revision(budget_revision)?;
    let txn = context.db.write().await?;
    let programme = ateneu_db::programmes::by_id(&*txn, programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let activities: Vec<i64> = activity_repo::of_programme(&*txn, programme_id)
        .await?
        .iter()
        .map(|a| a.id)
        .collect();
    let drafts = parse_csv(bytes, &programme.draft.period, &activities).map_err(Error::Lines)?;
    totals(&drafts).map_err(Error::BadRequest)?;
    let count = repo::replace(&txn, &acting.who, programme_id, revision, &drafts).await?;
    txn.commit().await?;
    Ok(count)
}

/// The budget as a CSV file that the import takes back (cells a spreadsheet would run as a
/// formula are neutralised).
pub async fn export(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
) -> Result<Vec<u8>, Error> {
    let view = read(context, acting, programme_id).await?;
    csv_format::write(
        &BUDGET_COLUMNS,
        view.lines.iter().map(|line| line.draft.record()),
    )
    .map_err(|problem: Problem| {
        Error::Internal(format!("the budget file: {}", problem.key.as_str()))
    })
}
