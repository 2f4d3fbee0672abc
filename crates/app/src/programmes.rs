//! The Leading Cities programme's use cases: the standard catalogue; the programmes a person may
//! see (a programme is confidential to its city's editors and its network's secretariat:
//! everyone else gets not found); starting one (the secretariat, for a current Leading City,
//! never overlapping another of the city's periods); saving a change on the revision it was made
//! on; recording a consultation.

use crate::{Acting, Context, Error};
use ateneu_db::cities::{self as city_repo, City};
use ateneu_db::memberships;
use ateneu_db::programmes::{self as repo, Consultation, Programme, ProgrammeListItem};
use ateneu_domain::permissions::{Action, CityScope};
use ateneu_domain::programmes::catalogue::{self, Catalogue};
use ateneu_domain::programmes::{
    ConsultationInput, ProgrammeDraft, ProgrammeInput, is_leading_city, overlapping,
};
use ateneu_domain::{FieldErrors, Problem, ProblemKey};
use serde::{Deserialize, Deserializer, Serialize};
use std::sync::OnceLock;

/// The bundled catalogue, read once.
pub fn catalogue() -> Result<&'static Catalogue, Error> {
    static CATALOGUE: OnceLock<Result<Catalogue, Vec<String>>> = OnceLock::new();
    CATALOGUE
        .get_or_init(catalogue::bundled)
        .as_ref()
        .map_err(|problems| Error::Internal(format!("the bundled catalogue: {problems:?}")))
}

/// A city's networks with the networks above them, for the policies.
async fn networks_of(context: &Context, city_id: i64) -> Result<Vec<String>, Error> {
    let networks = memberships::networks_of(&context.db.conn, city_id).await?;
    Ok(context
        .reference
        .scope_of(networks.iter().map(String::as_str)))
}

/// The programmes the person may see, by city. Anonymous people are asked to sign in.
pub async fn list(context: &Context, acting: &Acting) -> Result<Vec<ProgrammeListItem>, Error> {
    if !acting.is_signed_in() && !acting.is_operator() {
        return Err(Error::SignInRequired);
    }
    let all = repo::all(&context.db.conn).await?;
    let ids: Vec<i64> = all.iter().map(|p| p.programme.city_id).collect();
    let by_city = memberships::of_cities(&context.db.conn, &ids).await?;
    Ok(all
        .into_iter()
        .filter(|item| {
            let networks = context.reference.scope_of(
                by_city
                    .get(&item.programme.city_id)
                    .into_iter()
                    .flatten()
                    .map(|m| m.draft.network.as_str()),
            );
            acting
                .require(Action::ViewProgramme(CityScope {
                    id: item.programme.city_id,
                    networks: &networks,
                }))
                .is_ok()
        })
        .collect())
}

/// A programme as its page and the API show it, with what the person may do.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeView {
    #[serde(flatten)]
    pub programme: Programme,
    pub city: City,
    pub consultations: Vec<Consultation>,
    /// The person may change the period, status and priorities.
    pub may_manage: bool,
    /// The person may record a consultation.
    pub may_consult: bool,
}

/// A programme, or not found for whoever may not see it.
pub async fn read(context: &Context, acting: &Acting, id: i64) -> Result<ProgrammeView, Error> {
    let programme = repo::by_id(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    let networks = networks_of(context, programme.city_id).await?;
    let scope = CityScope {
        id: programme.city_id,
        networks: &networks,
    };
    if acting.require(Action::ViewProgramme(scope)).is_err() {
        return Err(Error::NotFound);
    }
    let city = city_repo::by_id(&context.db.conn, programme.city_id)
        .await?
        .ok_or(Error::NotFound)?;
    let consultations = repo::consultations(&context.db.conn, id).await?;
    Ok(ProgrammeView {
        may_manage: acting.require(Action::ManageProgramme(scope)).is_ok(),
        may_consult: acting.require(Action::RecordConsultation(scope)).is_ok(),
        programme,
        city,
        consultations,
    })
}

/// A city's programmes that the person may see (none for the others: the city page asks).
pub async fn of_city(
    context: &Context,
    acting: &Acting,
    city_id: i64,
) -> Result<Vec<Programme>, Error> {
    let networks = networks_of(context, city_id).await?;
    let scope = CityScope {
        id: city_id,
        networks: &networks,
    };
    if acting.require(Action::ViewProgramme(scope)).is_err() {
        return Ok(Vec::new());
    }
    Ok(repo::of_city(&context.db.conn, city_id).await?)
}

/// A whole number given as a JSON number or as text (a form's field).
fn number_or_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Given {
        Number(i64),
        Text(String),
    }
    Ok(match Given::deserialize(deserializer)? {
        Given::Number(n) => n.to_string(),
        Given::Text(text) => text,
    })
}

/// What starting or changing a programme takes: the city (when starting), the revision the
/// change was made on (when changing), and the programme's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgrammeForm {
    /// The city's slug or name (when starting).
    pub city: String,
    /// The revision the change was made on (when changing).
    #[serde(deserialize_with = "number_or_text")]
    pub revision: String,
    pub starts_on: String,
    pub ends_on: String,
    pub short_reason: String,
    pub status: String,
    pub priorities: String,
}

impl ProgrammeForm {
    fn programme(&self) -> ProgrammeInput {
        ProgrammeInput {
            starts_on: self.starts_on.clone(),
            ends_on: self.ends_on.clone(),
            short_reason: self.short_reason.clone(),
            status: self.status.clone(),
            priorities: self.priorities.clone(),
        }
    }

    /// The form as a programme shows it (to change it).
    pub fn of(programme: &Programme) -> ProgrammeForm {
        let draft = &programme.draft;
        ProgrammeForm {
            city: String::new(),
            revision: programme.revision.to_string(),
            starts_on: draft.period.starts_on.to_string(),
            ends_on: draft.period.ends_on.to_string(),
            short_reason: draft.period.short_reason.clone().unwrap_or_default(),
            status: draft.status.key().to_owned(),
            priorities: draft.priorities.clone(),
        }
    }
}

/// Refuses a period that meets another of the city's programmes (`except` the one changed).
async fn check_overlap(
    context: &Context,
    city_id: i64,
    draft: &ProgrammeDraft,
    except: Option<i64>,
) -> Result<(), Error> {
    let others = repo::of_city(&context.db.conn, city_id).await?;
    let others = others
        .iter()
        .filter(|p| Some(p.id) != except)
        .map(|p| (p.id, &p.draft.period));
    if let Some(id) = overlapping(&draft.period, others) {
        return Err(Error::field(
            "starts_on",
            Problem::with_detail(ProblemKey::ProgrammesOverlap, id.to_string()),
        ));
    }
    Ok(())
}

/// Starts a programme for a current Leading City (its network's secretariat).
pub async fn create(
    context: &Context,
    acting: &Acting,
    form: &ProgrammeForm,
) -> Result<Programme, Error> {
    acting.require(Action::StartProgrammes)?;
    let parsed = form.programme().parse();
    let city = match crate::cities::resolve(context, &form.city).await? {
        Ok(city) => city,
        Err(problem) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.add("city", problem);
            return Err(Error::Invalid(errors));
        }
    };
    let networks = networks_of(context, city.id).await?;
    acting.require(Action::ManageProgramme(CityScope {
        id: city.id,
        networks: &networks,
    }))?;
    let history = memberships::of_city(&context.db.conn, city.id).await?;
    let today = chrono::Utc::now().date_naive();
    if !is_leading_city(history.iter().map(|m| &m.draft), today) {
        let mut errors = parsed.err().unwrap_or_default();
        errors.add("city", Problem::new(ProblemKey::NotALeadingCity));
        return Err(Error::Invalid(errors));
    }
    let draft = parsed?;
    check_overlap(context, city.id, &draft, None).await?;
    let txn = context.db.write().await?;
    let programme = repo::create(&txn, &acting.who, city.id, &draft).await?;
    txn.commit().await?;
    Ok(programme)
}

/// Saves a change to a programme's period, status or priorities, made on `form.revision`: a
/// status moves one step at a time, and a save on an older revision is refused (someone saved
/// in between).
pub async fn update(
    context: &Context,
    acting: &Acting,
    id: i64,
    form: &ProgrammeForm,
) -> Result<Programme, Error> {
    let view = read(context, acting, id).await?;
    if !view.may_manage {
        return Err(Error::Forbidden);
    }
    let before = view.programme;
    let mut errors = FieldErrors::new();
    let revision = errors.take(
        "revision",
        form.revision
            .trim()
            .parse::<i64>()
            .map_err(|_| Problem::new(ProblemKey::NotANumber)),
    );
    let draft = match form.programme().parse() {
        Ok(draft) => Some(draft),
        Err(more) => {
            for (field, problem) in more.iter() {
                errors.add(field, problem.clone());
            }
            None
        }
    };
    if let Some(draft) = &draft
        && !before.draft.status.may_move_to(draft.status)
    {
        errors.add(
            "status",
            Problem::with_detail(ProblemKey::StatusStepNotAllowed, draft.status.key()),
        );
    }
    let (Some(revision), Some(draft)) = (revision, draft) else {
        return Err(Error::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    if revision != before.revision {
        return Err(Error::Conflict(Problem::new(ProblemKey::ChangedMeanwhile)));
    }
    check_overlap(context, before.city_id, &draft, Some(id)).await?;
    let txn = context.db.write().await?;
    let programme = repo::update(&txn, &acting.who, &before, revision, &draft).await?;
    txn.commit().await?;
    Ok(programme)
}

/// Records a consultation (the city's editors or the secretariat).
pub async fn add_consultation(
    context: &Context,
    acting: &Acting,
    id: i64,
    input: &ConsultationInput,
) -> Result<Consultation, Error> {
    let view = read(context, acting, id).await?;
    if !view.may_consult {
        return Err(Error::Forbidden);
    }
    let draft = input.parse()?;
    let txn = context.db.write().await?;
    let consultation = repo::add_consultation(&txn, &acting.who, id, &draft).await?;
    txn.commit().await?;
    Ok(consultation)
}
