//! Thematic-module testing (a Leading City hosts a seminar on a Culture 21 Plus module) as use
//! cases. A seminar belongs to a programme: who may see the programme sees it (anyone else: not
//! found); the city's editors and the secretariat start it, make participants' links and close
//! it; participants with a link and no account comment and propose changes per item of the
//! module; the Leading Cities' secretariat accepts or rejects each proposal and turns the
//! accepted ones into a revised module, a new framework version stored with the others (its
//! difference from the version tested shown as any two versions'), filed as the activity's
//! revised module.

use crate::programmes::{load as load_programme, programme_networks};
use crate::security::{link_hash, new_links};
use crate::{Acting, Context, Error};
use ateneu_db::frameworks as framework_repo;
use ateneu_db::module_tests::{self as repo, ModuleTest, NewModuleTest, Proposal};
use ateneu_db::outputs as output_repo;
use ateneu_db::outputs::files as file_repo;
use ateneu_db::programmes::activities as activity_repo;
use ateneu_domain::assessments::{AssessmentStatus, Visibility};
use ateneu_domain::frameworks::{Framework, FrameworkDiff, Trilingual};
use ateneu_domain::ids::CityId;
use ateneu_domain::module_tests::{self as rules, Decision, ProposalInput};
use ateneu_domain::permissions::{Action, CityScope};
use ateneu_domain::programmes::catalogue::OutputKind;
use ateneu_domain::programmes::output_files::recognise;
use ateneu_domain::programmes::outputs::{MAX_TITLE, OutputDraft};
use ateneu_domain::{FieldErrors, Problem, ProblemKey};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The catalogue's activity a seminar is held for.
pub const ACTIVITY: &str = "thematic-modules";

/// An item of the module, with its text.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub key: String,
    pub text: Trilingual,
}

/// A seminar as its page and the API show it to whoever may see its programme.
#[derive(Debug, Clone, Serialize)]
pub struct ModuleTestView {
    #[serde(flatten)]
    pub test: ModuleTest,
    /// `KEY@VERSION` of the version tested, and of the revision once made.
    pub framework: String,
    pub revised: Option<String>,
    pub items: Vec<Item>,
    pub proposals: Vec<Proposal>,
    pub links: u64,
    /// The person runs the seminar (links, closing).
    pub may_run: bool,
    /// The person decides on proposals and revises the module (the secretariat).
    pub may_decide: bool,
    /// What the revision changed, once made.
    pub diff: Option<FrameworkDiff>,
}

/// The raw fields of a new seminar.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ModuleTestInput {
    pub title: String,
    /// `KEY@VERSION`.
    pub framework: String,
    pub module: String,
    #[serde(deserialize_with = "ateneu_domain::validation::number_or_text")]
    pub activity: String,
}

fn scope_of<'a>(city_id: CityId, networks: &'a [String]) -> CityScope<'a> {
    CityScope {
        id: city_id,
        networks,
    }
}

/// The seminar and the person's rights; not found for whoever may not see its programme.
async fn loaded(
    context: &Context,
    acting: &Acting,
    id: i64,
) -> Result<(ModuleTest, bool, bool), Error> {
    let test = repo::by_id(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    load_programme(context, acting, test.programme_id).await?;
    let networks = programme_networks(context);
    let scope = scope_of(test.city_id, &networks);
    let may_run = acting.require(Action::FileOutput(scope)).is_ok();
    let may_decide = acting.require(Action::ManageProgramme(scope)).is_ok()
        && acting.require(Action::ManageFrameworks).is_ok();
    Ok((test, may_run, may_decide))
}

async fn framework_of(
    context: &Context,
    test: &ModuleTest,
) -> Result<(String, Arc<Framework>), Error> {
    let (version, framework) = crate::frameworks::load(context, test.framework_version_id).await?;
    Ok((
        format!("{}@{}", version.framework_key, version.version),
        framework,
    ))
}

fn items(framework: &Framework, module: &str) -> Vec<Item> {
    rules::module_keys(framework, module)
        .map(|keys| {
            keys.items
                .iter()
                .chain(&keys.parents)
                .filter_map(|key| {
                    framework.text_of(key).map(|text| Item {
                        key: key.clone(),
                        text: text.clone(),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Starts a seminar of a programme (its city's editors and the secretariat) on a module of an
/// imported framework version, held for one of its thematic-module activities or none.
pub async fn create(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    input: &ModuleTestInput,
) -> Result<ModuleTest, Error> {
    let (programme, _) = load_programme(context, acting, programme_id).await?;
    let networks = programme_networks(context);
    acting.require(Action::FileOutput(scope_of(programme.city_id, &networks)))?;
    let mut errors = FieldErrors::new();
    let title = input.title.trim();
    if title.is_empty() {
        errors.add("title", Problem::new(ProblemKey::Required));
    } else if let Err(problem) = ateneu_domain::validation::max_chars(title, MAX_TITLE) {
        errors.add("title", problem);
    }
    let found = crate::frameworks::resolve(context, input.framework.trim()).await;
    let version = match &found {
        Ok((version, framework)) => {
            if framework.module(input.module.trim()).is_none() {
                errors.add(
                    "module",
                    Problem::with_detail(ProblemKey::UnknownValue, input.module.trim()),
                );
            }
            Some(version.id)
        }
        Err(_) => {
            errors.add(
                "framework",
                Problem::with_detail(ProblemKey::UnknownValue, input.framework.trim()),
            );
            None
        }
    };
    let activity_id = match input.activity.trim() {
        "" => None,
        given => {
            let activities = activity_repo::of_programme(&context.db.conn, programme_id).await?;
            let found = given.parse::<i64>().ok().filter(|id| {
                activities
                    .iter()
                    .any(|a| a.id == *id && a.draft.catalogue_key.as_deref() == Some(ACTIVITY))
            });
            if found.is_none() {
                errors.add(
                    "activity",
                    Problem::with_detail(ProblemKey::UnknownValue, given),
                );
            }
            found
        }
    };
    let Some(framework_version_id) = version.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let new = NewModuleTest {
        programme_id,
        activity_id,
        city_id: programme.city_id,
        framework_version_id,
        module_key: input.module.trim().to_owned(),
        title: title.to_owned(),
    };
    let txn = context.db.write().await?;
    let test = repo::create(&txn, &acting.who, &new).await?;
    txn.commit().await?;
    Ok(test)
}

/// A programme's seminars (who sees the programme sees them).
pub async fn of_programme(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
) -> Result<Vec<ModuleTest>, Error> {
    load_programme(context, acting, programme_id).await?;
    Ok(repo::of_programme(&context.db.conn, programme_id).await?)
}

/// A seminar with the module's items, the proposals, and the revision's difference once made.
pub async fn read(context: &Context, acting: &Acting, id: i64) -> Result<ModuleTestView, Error> {
    let (test, may_run, may_decide) = loaded(context, acting, id).await?;
    let (reference, framework) = framework_of(context, &test).await?;
    let (revised, diff) = match test.revised_version_id {
        Some(new) => {
            let (_, version, diff) =
                crate::frameworks::compare(context, test.framework_version_id, new).await?;
            (
                Some(format!("{}@{}", version.framework_key, version.version)),
                Some(diff),
            )
        }
        None => (None, None),
    };
    Ok(ModuleTestView {
        items: items(&framework, &test.module_key),
        proposals: repo::proposals(&context.db.conn, id, None).await?,
        links: repo::link_count(&context.db.conn, id).await?,
        framework: reference,
        revised,
        diff,
        may_run,
        may_decide,
        test,
    })
}

/// Makes `count` participants' links, shown once.
pub async fn invite(
    context: &Context,
    acting: &Acting,
    id: i64,
    count: u32,
) -> Result<Vec<String>, Error> {
    let (_, may_run, _) = loaded(context, acting, id).await?;
    if !may_run {
        return Err(Error::Forbidden);
    }
    let (tokens, hashes) = new_links(count)?;
    let txn = context.db.write().await?;
    repo::invite(&txn, id, &hashes).await?;
    txn.commit().await?;
    Ok(tokens)
}

/// Closes the seminar (it takes no more proposals) or reopens it.
pub async fn set_status(
    context: &Context,
    acting: &Acting,
    id: i64,
    status: &str,
) -> Result<AssessmentStatus, Error> {
    let (_, may_run, _) = loaded(context, acting, id).await?;
    if !may_run {
        return Err(Error::Forbidden);
    }
    let status = AssessmentStatus::parse(status).map_err(|p| Error::field("status", p))?;
    let txn = context.db.write().await?;
    repo::set_status(&txn, &acting.who, id, status).await?;
    txn.commit().await?;
    Ok(status)
}

/// What a participant's link opens: the seminar's title, the module's items, whether it is
/// open, and the proposals made through this link.
#[derive(Debug, Clone, Serialize)]
pub struct Joined {
    pub title: String,
    pub status: AssessmentStatus,
    pub items: Vec<Item>,
    /// The keys a new item may go under.
    pub parents: Vec<String>,
    pub mine: Vec<Proposal>,
}

async fn link(context: &Context, token: &str) -> Result<(i64, ModuleTest), Error> {
    repo::link_by_hash(&context.db.conn, &link_hash(token)?)
        .await?
        .ok_or(Error::NotFound)
}

pub async fn join(context: &Context, token: &str) -> Result<Joined, Error> {
    let (link_id, test) = link(context, token).await?;
    let (_, framework) = framework_of(context, &test).await?;
    Ok(Joined {
        title: test.title.clone(),
        status: test.status,
        items: items(&framework, &test.module_key),
        parents: rules::module_keys(&framework, &test.module_key)
            .map(|k| k.parents)
            .unwrap_or_default(),
        mine: repo::proposals(&context.db.conn, test.id, Some(link_id)).await?,
    })
}

/// A participant comments or proposes a change through their link, while it is open.
pub async fn propose(
    context: &Context,
    token: &str,
    input: &ProposalInput,
) -> Result<Proposal, Error> {
    let (link_id, test) = link(context, token).await?;
    if test.status != AssessmentStatus::Open {
        return Err(Error::Conflict(Problem::new(ProblemKey::WorkshopClosed)));
    }
    let (_, framework) = framework_of(context, &test).await?;
    let keys = rules::module_keys(&framework, &test.module_key).unwrap_or_default();
    let draft = input.parse(&keys)?;
    let txn = context.db.write().await?;
    let proposal =
        repo::propose(&txn, test.id, Some(link_id), &draft, rules::MAX_PROPOSALS).await?;
    txn.commit().await?;
    Ok(proposal)
}

/// The secretariat accepts or rejects a proposal (`accepted`, `rejected`, `pending`).
pub async fn decide(
    context: &Context,
    acting: &Acting,
    id: i64,
    proposal: i64,
    decision: &str,
) -> Result<Decision, Error> {
    let (_, _, may_decide) = loaded(context, acting, id).await?;
    if !may_decide {
        return Err(Error::Forbidden);
    }
    let decision = Decision::parse(decision).map_err(|p| Error::field("decision", p))?;
    let txn = context.db.write().await?;
    repo::decide(&txn, &acting.who, id, proposal, decision).await?;
    txn.commit().await?;
    Ok(decision)
}

/// The accepted proposals become the revised module: a new version of the framework named
/// `version`, stored with the others, and the activity's revised module filed as a public
/// output of the programme; with the seminar's report (a PDF), its written report too. Once.
pub async fn revise(
    context: &Context,
    acting: &Acting,
    id: i64,
    version: &str,
    report: Option<(&str, &[u8])>,
) -> Result<ModuleTestView, Error> {
    let (test, _, may_decide) = loaded(context, acting, id).await?;
    if !may_decide {
        return Err(Error::Forbidden);
    }
    if test.revised_version_id.is_some() {
        return Err(Error::Conflict(Problem::new(ProblemKey::AlreadyRevised)));
    }
    let (_, framework) = framework_of(context, &test).await?;
    let proposals = repo::proposals(&context.db.conn, id, None).await?;
    let accepted = proposals
        .iter()
        .filter(|p| p.decision == Decision::Accepted)
        .map(|p| &p.draft);
    let revised = rules::revise(&framework, &test.module_key, version, accepted)
        .map_err(|p| Error::field("version", p))?;
    let report = report
        .map(|(name, pdf)| recognise(pdf, name).map(|upload| (upload, pdf)))
        .transpose()
        .map_err(|p| Error::field("file", p))?;
    let txn = context.db.write().await?;
    if framework_repo::find(&*txn, &revised.key, &revised.version)
        .await?
        .is_some()
    {
        return Err(Error::field(
            "version",
            Problem::with_detail(ProblemKey::DuplicateKey, &revised.version),
        ));
    }
    let stored = framework_repo::import(&txn, &acting.who, &revised)
        .await?
        .id();
    repo::set_revised(&txn, &acting.who, id, stored).await?;
    let output = OutputDraft {
        activity_id: test.activity_id,
        kind: OutputKind::RevisedModule,
        title: format!("{} — {}", test.title, revised.reference())
            .chars()
            .take(MAX_TITLE)
            .collect(),
        summary: String::new(),
        link: None,
        visibility: Visibility::Public,
    };
    output_repo::file(&txn, &acting.who, test.city_id, test.programme_id, &output).await?;
    if let Some((upload, pdf)) = &report {
        // The seminar's written report: the proposals item by item and what was decided.
        let draft = OutputDraft {
            kind: OutputKind::WrittenReport,
            title: test.title.chars().take(MAX_TITLE).collect(),
            ..output
        };
        let filed =
            output_repo::file(&txn, &acting.who, test.city_id, test.programme_id, &draft).await?;
        file_repo::add(&txn, &acting.who, filed.id, upload, pdf).await?;
    }
    txn.commit().await?;
    read(context, acting, id).await
}
