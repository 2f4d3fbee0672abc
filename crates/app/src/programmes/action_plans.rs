//! An action plan's use cases: reading a plan (whoever may see its output: confidential stays
//! not found), adding and saving its items and recording progress updates (whoever keeps the
//! output: the city's editors and the secretariat). A practice given as evidence is checked to
//! be one the writer may see, and shown to a reader only when the reader may see it too. Where
//! a plan starts from (its city's weakest and strongest fields) is `starting`.

pub mod starting;

use super::outputs::{OutputView, kept, read as read_output};
use super::parse_revision;
use crate::{Acting, Context, Error};
use ateneu_db::outputs::action_plans::{self as repo, Item, Update};
use ateneu_db::outputs::files::{self as file_repo, OutputFile};
use ateneu_domain::ids::OutputId;
use ateneu_domain::ids::PracticeId;
use ateneu_domain::practices::TextField;
use ateneu_domain::programmes::action_plans::{ItemInput, Known, MAX_ITEMS, UpdateInput};
use ateneu_domain::programmes::catalogue::OutputKind;
use ateneu_domain::{Problem, ProblemKey, TranslatedText};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// A practice given as evidence, as a reader who may see it is shown it.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub slug: String,
    /// Its title in the languages it has.
    pub title: Option<TranslatedText>,
}

/// An update with the practice given as evidence, when the reader may see it, and the plan's
/// file given as evidence.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateView {
    #[serde(flatten)]
    pub update: Update,
    pub practice: Option<Evidence>,
    pub file: Option<OutputFile>,
}

/// An item with its updates, newest first.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    #[serde(flatten)]
    pub item: Item,
    pub updates: Vec<UpdateView>,
}

/// A plan: its output, its items in order, and what the reader may do.
#[derive(Debug, Clone, Serialize)]
pub struct ActionPlanView {
    pub output: OutputView,
    pub items: Vec<ItemView>,
    /// The item count by status key, and the mean progress of the items not dropped.
    pub by_status: BTreeMap<String, usize>,
    pub progress: Option<u8>,
    /// The plan's files, which updates may give as evidence.
    pub files: Vec<OutputFile>,
}

/// A write to the plan of an output of another kind: refused, saying why.
fn plan_only(view: &OutputView) -> Result<(), Error> {
    if view.output.kind == OutputKind::ActionPlan.key() {
        Ok(())
    } else {
        Err(Error::Conflict(Problem::new(ProblemKey::NotAnActionPlan)))
    }
}

/// The mean progress of the items still meant to be done, rounded.
pub fn mean_progress(items: &[Item]) -> Option<u8> {
    use ateneu_domain::programmes::action_plans::ItemStatus;
    let counted: Vec<u32> = items
        .iter()
        .filter(|i| i.draft.status != ItemStatus::Dropped)
        .map(|i| u32::from(i.draft.progress))
        .collect();
    if counted.is_empty() {
        return None;
    }
    let total: u32 = counted.iter().sum();
    let count = counted.len() as u32;
    u8::try_from((total + count / 2) / count).ok()
}

/// The plan of output `id`, or not found for whoever may not see the output (and for an
/// output of another kind: it has no plan to read).
pub async fn read(context: &Context, acting: &Acting, id: i64) -> Result<ActionPlanView, Error> {
    let output = read_output(context, acting, id).await?;
    of_output(context, acting, output).await
}

/// The plan of an output its reader has read already (`outputs::read`); not found for an output
/// of another kind.
pub async fn of_output(
    context: &Context,
    acting: &Acting,
    output: OutputView,
) -> Result<ActionPlanView, Error> {
    if output.output.kind != OutputKind::ActionPlan.key() {
        return Err(Error::NotFound);
    }
    let id = output.output.id;
    let items = repo::items(&context.db.conn, id).await?;
    let ids: Vec<i64> = items.iter().map(|i| i.id).collect();
    let mut updates = repo::updates(&context.db.conn, &ids).await?;
    let evidence = evidence(context, acting, updates.values().flatten()).await?;
    // The plan's files are seen by whoever sees the plan.
    let plan_files = file_repo::of_output(&context.db.conn, id).await?;
    let files: HashMap<i64, &OutputFile> = plan_files.iter().map(|f| (f.id, f)).collect();
    let mut by_status = BTreeMap::new();
    for item in &items {
        *by_status
            .entry(item.draft.status.key().to_owned())
            .or_insert(0) += 1;
    }
    let progress = mean_progress(&items);
    let items = items
        .into_iter()
        .map(|item| ItemView {
            updates: updates
                .remove(&item.id)
                .unwrap_or_default()
                .into_iter()
                .map(|update| UpdateView {
                    practice: update.practice_id.and_then(|p| evidence.get(&p).cloned()),
                    file: update
                        .file_id
                        .and_then(|f| files.get(&f).map(|f| (*f).clone())),
                    update,
                })
                .collect(),
            item,
        })
        .collect();
    Ok(ActionPlanView {
        output,
        items,
        by_status,
        progress,
        files: plan_files,
    })
}

/// The practices given as evidence that the reader may see.
async fn evidence(
    context: &Context,
    acting: &Acting,
    updates: impl Iterator<Item = &Update>,
) -> Result<HashMap<PracticeId, Evidence>, Error> {
    let mut ids: Vec<PracticeId> = updates.filter_map(|u| u.practice_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut shown = HashMap::new();
    for practice in ateneu_db::practices::by_ids(&context.db.conn, &ids).await? {
        if crate::practices::may_see(context, acting, &practice).await? {
            shown.insert(
                practice.id,
                Evidence {
                    slug: practice.slug.clone(),
                    title: practice.record.texts.get(&TextField::Title).cloned(),
                },
            );
        }
    }
    Ok(shown)
}

/// What an item's links are checked against: every framework field, every indicator and every
/// imported target of the Culture 2030 Goal.
async fn known(context: &Context) -> Result<Known, Error> {
    Ok(Known {
        fields: crate::practices::vocabulary(context).await?.fields,
        indicators: crate::indicators::references()?.clone(),
        goal_targets: crate::indicators::goals::target_references(context).await?,
    })
}

/// The plan's output when the person keeps it and it is an action plan.
async fn kept_plan(context: &Context, acting: &Acting, id: i64) -> Result<OutputView, Error> {
    let view = kept(context, acting, id).await?;
    plan_only(&view)?;
    Ok(view)
}

/// One item of the plan, as the plan's readers see it.
pub async fn item(
    context: &Context,
    acting: &Acting,
    id: i64,
    item_id: i64,
) -> Result<(ActionPlanView, ItemView), Error> {
    let mut plan = read(context, acting, id).await?;
    let at = plan
        .items
        .iter()
        .position(|i| i.item.id == item_id)
        .ok_or(Error::NotFound)?;
    let item = plan.items.remove(at);
    Ok((plan, item))
}

/// Adds an item at the end of the plan.
pub async fn add_item(
    context: &Context,
    acting: &Acting,
    id: i64,
    input: &ItemInput,
) -> Result<Item, Error> {
    kept_plan(context, acting, id).await?;
    let draft = input.parse(&known(context).await?)?;
    let txn = context.db.write().await?;
    let item = repo::add_item(&txn, &acting.who, OutputId::new(id), &draft, MAX_ITEMS).await?;
    txn.commit().await?;
    Ok(item)
}

/// Saves an item on the revision it was read at.
pub async fn save_item(
    context: &Context,
    acting: &Acting,
    id: i64,
    item_id: i64,
    input: &ItemInput,
) -> Result<Item, Error> {
    kept_plan(context, acting, id).await?;
    let revision = parse_revision(&input.revision);
    let draft = input.parse(&known(context).await?);
    let (revision, draft) = match (revision, draft) {
        (Ok(revision), Ok(draft)) => (revision, draft),
        (revision, draft) => {
            let mut errors = draft.err().unwrap_or_default();
            if let Err(problem) = revision {
                errors.add("revision", problem);
            }
            return Err(Error::Invalid(errors));
        }
    };
    let txn = context.db.write().await?;
    let before = repo::item(&*txn, OutputId::new(id), item_id).await?;
    let item = repo::save_item(&txn, &acting.who, &before, revision, &draft).await?;
    txn.commit().await?;
    Ok(item)
}

/// Records a progress update of an item, with its evidence.
pub async fn add_update(
    context: &Context,
    acting: &Acting,
    id: i64,
    item_id: i64,
    input: &UpdateInput,
) -> Result<Update, Error> {
    kept_plan(context, acting, id).await?;
    let txn = context.db.write().await?;
    // The item as it stands inside the transaction: an update never moves a stale copy.
    let item = repo::item(&*txn, OutputId::new(id), item_id).await?;
    let draft = input.parse((item.draft.status, item.draft.progress))?;
    let practice_id = match &draft.practice {
        None => None,
        Some(slug) => {
            let found = ateneu_db::practices::by_slug(&*txn, slug).await?;
            match found {
                Some(practice) if crate::practices::may_see(context, acting, &practice).await? => {
                    Some(practice.id)
                }
                _ => {
                    return Err(Error::field(
                        "practice",
                        Problem::with_detail(ProblemKey::UnknownPractice, slug.as_str()),
                    ));
                }
            }
        }
    };
    if let Some(file) = draft.file {
        let found = file_repo::by_id(&*txn, file).await?;
        if found.is_none_or(|f| f.output_id != OutputId::new(id)) {
            return Err(Error::field(
                "file",
                Problem::with_detail(ProblemKey::NotAFileOfThePlan, file.to_string()),
            ));
        }
    }
    let update = repo::add_update(&txn, &acting.who, &item, &draft, practice_id).await?;
    txn.commit().await?;
    Ok(update)
}
