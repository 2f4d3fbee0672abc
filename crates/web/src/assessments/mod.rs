//! Culture 21 Lab assessments in the web layer: the calls that pages and the JSON API share
//! (create, load with the viewer's rights, invite, participate, consensus, close, reopen).
//! Results, radar and report live in `results`; the participant's form in `participate`.

use ateneu_domain::ProblemKey;
use ateneu_domain::ids::AssessmentId;
pub mod api;
mod dashboard;
mod invitations;
mod pages;
mod participate;
pub mod results;

use crate::AppState;
use crate::error::AppError;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_db::assessments::{self as repo, Assessment, NewAssessment};
use ateneu_db::cities::City;
use ateneu_db::frameworks::StoredVersion;
use ateneu_domain::assessments::{
    ConsensusInput, ScheduleInput, ScoreRange, parse_schedule, validate_consensus,
};
use ateneu_domain::frameworks::{Framework, Module};
use ateneu_domain::permissions::{Action, AssessmentScope, CityScope};
use ateneu_domain::results::RatedItem;
use ateneu_domain::{FieldErrors, Lang, Problem};
use axum::routing::{get, post};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

pub fn routes() -> Routes {
    Routes::new()
        .route("/assessments", get(pages::list))
        .route("/assessments/new", get(pages::new_form).post(pages::create))
        .route("/assessments/compare", get(results::compare_page))
        .route("/assessments/{id}", get(pages::overview))
        .route(
            "/assessments/{id}/invitations",
            get(invitations::page).post(invitations::make),
        )
        .route(
            "/assessments/{id}/invitations/{invitation}/reprint",
            get(invitations::reprint_page),
        )
        .route(
            "/assessments/{id}/invitations/{invitation}/resend",
            post(invitations::resend_form),
        )
        .route(
            "/assessments/{id}/invitations/{invitation}/revoke",
            post(invitations::revoke_form),
        )
        .route("/assessments/{id}/dashboard", get(dashboard::page))
        .route("/assessments/{id}/dashboard/live", get(dashboard::fragment))
        .route("/assessments/{id}/events", get(dashboard::events))
        .route(
            "/assessments/{id}/consensus",
            get(pages::consensus_form).post(pages::save_consensus),
        )
        .route(
            "/assessments/{id}/close",
            get(pages::close_confirmation).post(pages::close),
        )
        .route("/assessments/{id}/reopen", post(pages::reopen))
        .route("/assessments/{id}/radar.svg", get(results::radar_svg))
        .route("/assessments/{id}/report", get(results::report_page))
        .route("/assessments/{id}/report.pdf", get(results::report_pdf))
        .route(
            "/participate/{token}",
            get(participate::form).post(participate::save),
        )
        .route("/cities/{slug}/assessments", get(results::city_history))
}

/// An assessment with its framework version, module and city.
pub struct Loaded {
    pub assessment: Assessment,
    pub version: StoredVersion,
    pub framework: Arc<Framework>,
    pub city: City,
    /// The city's networks with those above them.
    pub networks: Vec<String>,
}

impl Loaded {
    pub fn module(&self) -> Result<&Module, AppError> {
        self.framework
            .module(&self.assessment.module)
            .ok_or_else(|| {
                AppError::Internal(format!("module {} is missing", self.assessment.module))
            })
    }

    pub fn items(&self) -> Result<Vec<RatedItem>, AppError> {
        Ok(self.framework.rated_items(self.module()?))
    }

    pub fn range(&self) -> ScoreRange {
        self.framework.scale.range()
    }

    pub fn scope(&self, v: &Viewer) -> AssessmentScope<'_> {
        AssessmentScope {
            city: CityScope {
                id: self.city.id,
                networks: &self.networks,
            },
            visibility: self.assessment.visibility,
            is_facilitator: v
                .signed_in
                .as_ref()
                .is_some_and(|s| self.assessment.facilitators.contains(&s.user.id)),
        }
    }

    /// Whether the viewer may see this assessment at all (its results, or run it).
    pub fn is_visible_to(&self, v: &Viewer) -> bool {
        let scope = self.scope(v);
        v.allows(Action::ViewResults(scope)) || v.allows(Action::RunAssessment(scope))
    }

    /// An item's text in a language (a module's own items included).
    pub fn item_text(&self, key: &str, lang: Lang) -> String {
        self.framework
            .text_of(key)
            .map_or_else(|| key.to_owned(), |t| t.get(lang).to_owned())
    }
}

pub async fn load(state: &AppState, id: AssessmentId) -> Result<Loaded, AppError> {
    let assessment = repo::get(&state.db.conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    complete(state, assessment).await
}

/// An assessment already read, with its framework version, city and the city's networks.
pub(crate) async fn complete(state: &AppState, assessment: Assessment) -> Result<Loaded, AppError> {
    let (version, framework) =
        crate::frameworks::load(state, assessment.framework_version_id).await?;
    let city = ateneu_db::cities::by_id(&state.db.conn, assessment.city_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let networks = crate::cities::scope_networks(state, city.id).await?;
    Ok(Loaded {
        assessment,
        version,
        framework,
        city,
        networks,
    })
}

/// The assessments of a list that the viewer may see, in the list's order.
pub async fn visible(
    state: &AppState,
    v: &Viewer,
    assessments: Vec<Assessment>,
) -> Result<Vec<Loaded>, AppError> {
    let mut shown = Vec::new();
    for assessment in assessments {
        let loaded = complete(state, assessment).await?;
        if loaded.is_visible_to(v) {
            shown.push(loaded);
        }
    }
    Ok(shown)
}

/// What the viewer wants to do with an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Results,
    Run,
    Reopen,
}

/// Loads an assessment the viewer may use for `need`. One who may not even see it gets 404,
/// signed in or not (a confidential or network-only workshop's existence is not disclosed);
/// one who sees it but may not do this is asked to sign in (401) or refused (403).
pub async fn load_for(
    state: &AppState,
    v: &Viewer,
    id: AssessmentId,
    need: Need,
) -> Result<Loaded, AppError> {
    let loaded = load(state, id).await?;
    let scope = loaded.scope(v);
    let sees = loaded.is_visible_to(v);
    let allowed = match need {
        Need::Results => sees,
        Need::Run => v.allows(Action::RunAssessment(scope)),
        Need::Reopen => v.allows(Action::ReopenAssessment(scope)),
    };
    match (allowed, sees, v.signed_in.is_some()) {
        (true, _, _) => Ok(loaded),
        (false, false, _) => Err(AppError::NotFound),
        (false, true, false) => Err(AppError::SignInRequired),
        (false, true, true) => Err(AppError::Forbidden),
    }
}

/// A new assessment as typed in a form or sent to the API.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AssessmentInput {
    /// The city's slug (or id).
    pub city: String,
    /// A framework version's id or `KEY@VERSION`.
    pub framework: String,
    pub module: String,
    pub title: String,
    pub starts_on: String,
    pub ends_on: String,
    pub languages: Vec<String>,
    pub visibility: String,
    /// Facilitators' account emails.
    pub facilitators: Vec<String>,
}

/// Checks a new assessment field by field and creates it.
pub async fn create(
    state: &AppState,
    v: &Viewer,
    input: &AssessmentInput,
) -> Result<i64, AppError> {
    v.require_signed_in()?;
    let mut errors = FieldErrors::new();
    let city = match crate::cities::resolve(state, &input.city).await? {
        Ok(city) => city,
        Err(problem) => {
            errors.add("city", problem);
            return Err(AppError::Invalid(errors));
        }
    };
    let networks = crate::cities::scope_networks(state, city.id).await?;
    v.require(Action::CreateAssessment(CityScope {
        id: city.id,
        networks: &networks,
    }))?;
    let framework = match crate::frameworks::resolve(state, input.framework.trim())
        .await
        .map_err(AppError::from)
    {
        Ok(found) => Some(found),
        Err(AppError::NotFound) => {
            errors.add(
                "framework",
                Problem::with_detail(ProblemKey::UnknownFramework, input.framework.trim()),
            );
            None
        }
        Err(other) => return Err(other),
    };
    if let Some((_, framework)) = &framework
        && framework.module(input.module.trim()).is_none()
    {
        errors.add(
            "module",
            Problem::with_detail(ProblemKey::UnknownModule, input.module.trim()),
        );
    }
    let schedule = parse_schedule(
        ScheduleInput {
            title: &input.title,
            starts_on: &input.starts_on,
            ends_on: &input.ends_on,
            languages: &input.languages,
            visibility: &input.visibility,
        },
        &mut errors,
    );
    let mut facilitators = Vec::new();
    for email in input
        .facilitators
        .iter()
        .map(|e| e.trim())
        .filter(|e| !e.is_empty())
    {
        let user = match ateneu_domain::accounts::Email::parse(email) {
            Ok(parsed) => ateneu_db::accounts::user_by_email(&state.db.conn, &parsed).await?,
            Err(_) => None,
        };
        match user {
            Some(user) => facilitators.push(user.id),
            None => errors.add(
                "facilitators",
                Problem::with_detail(ProblemKey::UnknownAccount, email),
            ),
        }
    }
    let (Some((version, framework)), Some(schedule), true) =
        (framework, schedule, errors.is_empty())
    else {
        return Err(AppError::Invalid(errors));
    };
    let runs_it_alone = !v.allows(Action::ManageMemberships(&networks));
    let facilitators = ateneu_domain::assessments::workshop::facilitators(
        &facilitators,
        v.signed_in.as_ref().map(|s| s.user.id),
        runs_it_alone,
    );
    let module = input.module.trim().to_owned();
    let title = if schedule.title.is_empty() {
        format!("{} — {}", framework.name.en, schedule.starts_on)
    } else {
        schedule.title
    };
    let new = NewAssessment {
        city_id: city.id,
        framework_version_id: version.id,
        module,
        title,
        starts_on: schedule.starts_on,
        ends_on: schedule.ends_on,
        languages: schedule.languages,
        visibility: schedule.visibility,
        facilitators,
    };
    let told = crate::notifications::for_facilitators(state, v, &new.facilitators).await?;
    let txn = state.db.write().await?;
    let id = repo::create(&txn, &v.who(), &new).await?;
    let pending = crate::notifications::Pending::same_in_every_language(
        ateneu_domain::notifications::NoticeKind::AssessmentToFacilitate,
        ("assessment", id.get()),
        vec![("title", new.title.clone())],
        format!("/assessments/{id}"),
        told,
    );
    crate::notifications::write(&txn, &pending).await?;
    txn.commit().await?;
    crate::notifications::send(state, &pending, v.lang).await;
    Ok(id.get())
}

/// Records the agreed scores (facilitators and the secretariat, while open).
pub async fn save_consensus(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    input: BTreeMap<String, ConsensusInput>,
) -> Result<(), AppError> {
    let fields: BTreeSet<String> = loaded
        .framework
        .rated_fields(loaded.module()?)
        .into_iter()
        .map(|(field, _)| field)
        .collect();
    let scores = validate_consensus(input, &loaded.range(), &fields)?;
    let txn = state.db.write().await?;
    repo::set_consensus(&txn, &v.who(), loaded.assessment.id, &scores).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn save_key_ideas(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    text: &str,
) -> Result<(), AppError> {
    let text = ateneu_domain::assessments::workshop::key_ideas(text)
        .map_err(|p| AppError::field("key_ideas", p))?;
    let txn = state.db.write().await?;
    repo::set_key_ideas(&txn, &v.who(), loaded.assessment.id, text).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn close(state: &AppState, v: &Viewer, loaded: &Loaded) -> Result<(), AppError> {
    let txn = state.db.write().await?;
    repo::close(&txn, &v.who(), &loaded.assessment).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn reopen(state: &AppState, v: &Viewer, loaded: &Loaded) -> Result<(), AppError> {
    let txn = state.db.write().await?;
    repo::reopen(&txn, &v.who(), loaded.assessment.id).await?;
    txn.commit().await?;
    Ok(())
}
