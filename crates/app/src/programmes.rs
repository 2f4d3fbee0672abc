//! The Leading Cities programme's use cases: the standard catalogue; the programmes a person may
//! see (a programme is confidential to its city's editors and its network's secretariat:
//! everyone else gets not found); starting one (the secretariat, for a current Leading City,
//! never overlapping another of the city's periods); saving a change on the revision it was made
//! on; recording a consultation. An action plan's items and progress are `action_plans`.

pub mod action_plans;
pub mod activities;
pub mod budget;
pub mod catalogue;
pub mod dashboard;
pub mod experts;
pub mod inquiries;
pub mod mou;
pub mod output_files;
pub mod outputs;
pub mod plans;
pub mod visits;

use crate::{Acting, Context, Error};
use ateneu_db::WriteTxn;
use ateneu_db::cities::{self as city_repo, City};
use ateneu_db::memberships;
use ateneu_db::programmes as repo;
use ateneu_db::programmes::activities::Activity;
pub use ateneu_db::programmes::{Consultation, Programme, ProgrammeListItem};
use ateneu_domain::ids::CityId;
use ateneu_domain::permissions::{Action, CityScope};
use ateneu_domain::programmes::budget::{CurrencyTotal, totals};
use ateneu_domain::programmes::{
    ConsultationInput, LEADING_CITIES, ProgrammeDraft, ProgrammeInput, is_leading_city, overlapping,
};
use ateneu_domain::{Problem, ProblemKey};
use serde::{Deserialize, Deserializer, Serialize};

/// The networks whose secretariat runs the programme: the Leading Cities and those above it.
/// A city's other networks give no say over its programme (a Creative Cities secretariat does
/// not see a Leading City's programme because the city is also a Creative City).
pub(crate) fn programme_networks(context: &Context) -> Vec<String> {
    context.reference.with_ancestors(LEADING_CITIES)
}

fn scope(city_id: CityId, networks: &[String]) -> CityScope<'_> {
    CityScope {
        id: city_id,
        networks,
    }
}

/// The programmes the person may see, by city. Anonymous people are asked to sign in.
pub async fn list(context: &Context, acting: &Acting) -> Result<Vec<ProgrammeListItem>, Error> {
    if !acting.is_signed_in() && !acting.is_operator() {
        return Err(Error::SignInRequired);
    }
    let networks = programme_networks(context);
    Ok(repo::all(&context.db.conn)
        .await?
        .into_iter()
        .filter(|item| {
            acting
                .require(Action::ViewProgramme(scope(
                    item.programme.city_id,
                    &networks,
                )))
                .is_ok()
        })
        .collect())
}

/// What a person may do with a programme they may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProgrammeRights {
    /// The person may change the period, status and priorities.
    pub may_manage: bool,
    /// The person may record a consultation.
    pub may_consult: bool,
}

/// A programme and what the person may do with it, or not found for whoever may not see it.
pub(crate) async fn load(
    context: &Context,
    acting: &Acting,
    id: i64,
) -> Result<(Programme, ProgrammeRights), Error> {
    let programme = repo::by_id(&context.db.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    let networks = programme_networks(context);
    let scope = scope(programme.city_id, &networks);
    if acting.require(Action::ViewProgramme(scope)).is_err() {
        return Err(Error::NotFound);
    }
    let rights = ProgrammeRights {
        may_manage: acting.require(Action::ManageProgramme(scope)).is_ok(),
        may_consult: acting.require(Action::RecordConsultation(scope)).is_ok(),
    };
    Ok((programme, rights))
}

/// A programme as its page and the API show it, with what the person may do.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeView {
    #[serde(flatten)]
    pub programme: Programme,
    pub city: City,
    pub consultations: Vec<Consultation>,
    pub activities: Vec<Activity>,
    /// Its outputs (who sees the programme sees all of them).
    pub outputs: Vec<ateneu_db::outputs::Output>,
    /// The budget's totals per currency (the lines are on the budget's own page).
    pub budget: Vec<CurrencyTotal>,
    #[serde(flatten)]
    pub rights: ProgrammeRights,
}

/// A programme, or not found for whoever may not see it.
pub async fn read(context: &Context, acting: &Acting, id: i64) -> Result<ProgrammeView, Error> {
    let (programme, rights) = load(context, acting, id).await?;
    let city = city_repo::by_id(&context.db.conn, programme.city_id)
        .await?
        .ok_or(Error::NotFound)?;
    let consultations = repo::consultations(&context.db.conn, id).await?;
    let activities = ateneu_db::programmes::activities::of_programme(&context.db.conn, id).await?;
    let lines = ateneu_db::programmes::budget::of_programme(&context.db.conn, id).await?;
    let budget = totals(lines.iter().map(|l| &l.draft))
        .map_err(Error::BadRequest)?
        .by_currency;
    let outputs = ateneu_db::outputs::of_programme(&context.db.conn, id).await?;
    Ok(ProgrammeView {
        programme,
        city,
        consultations,
        activities,
        outputs,
        budget,
        rights,
    })
}

/// A city's programmes that the person may see (none for the others: the city page asks).
pub async fn of_city(
    context: &Context,
    acting: &Acting,
    city_id: CityId,
) -> Result<Vec<Programme>, Error> {
    let networks = programme_networks(context);
    if acting
        .require(Action::ViewProgramme(scope(city_id, &networks)))
        .is_err()
    {
        return Ok(Vec::new());
    }
    Ok(repo::of_city(&context.db.conn, city_id).await?)
}

/// A whole number given as a JSON number or as text (a form's field).
pub(crate) fn number_or_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    ateneu_domain::validation::number_or_text(deserializer)
}

/// The revision a change was made on, as sent.
pub(crate) fn parse_revision(text: &str) -> Result<i64, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::new(ProblemKey::Required));
    }
    text.trim()
        .parse::<i64>()
        .map_err(|_| Problem::new(ProblemKey::NotANumber))
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

/// Refuses a period that meets another of the city's programmes (`except` the one changed),
/// read inside the write so that two saves cannot both pass.
async fn check_overlap(
    txn: &WriteTxn<'_>,
    city_id: CityId,
    draft: &ProgrammeDraft,
    except: Option<i64>,
) -> Result<(), Error> {
    let others = repo::of_city(&**txn, city_id).await?;
    let others = others
        .iter()
        .filter(|p| Some(p.id) != except)
        .map(|p| (p.id, &p.draft.period));
    if let Some((_, period)) = overlapping(&draft.period, others) {
        return Err(Error::field(
            "starts_on",
            Problem::with_detail(
                ProblemKey::ProgrammesOverlap,
                format!("{} – {}", period.starts_on, period.ends_on),
            ),
        ));
    }
    Ok(())
}

/// Refuses a period that would leave out one of the programme's activities or budget years.
async fn check_keeps_contents(
    txn: &WriteTxn<'_>,
    id: i64,
    draft: &ProgrammeDraft,
) -> Result<(), Error> {
    use chrono::Datelike;
    let period = &draft.period;
    let activities = ateneu_db::programmes::activities::of_programme(&**txn, id).await?;
    let lines = ateneu_db::programmes::budget::of_programme(&**txn, id).await?;
    let years = period.starts_on.year()..=period.ends_on.year();
    let left_out = activities.iter().any(|a| !a.draft.fits(period))
        || lines.iter().any(|l| !years.contains(&l.draft.year));
    if left_out {
        return Err(Error::field(
            "ends_on",
            Problem::with_detail(
                ProblemKey::ActivitiesOutsidePeriod,
                format!("{} – {}", period.starts_on, period.ends_on),
            ),
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
    let networks = programme_networks(context);
    acting.require(Action::ManageProgramme(scope(city.id, &networks)))?;
    let txn = context.db.write().await?;
    let history = memberships::of_city(&*txn, city.id).await?;
    let today = chrono::Utc::now().date_naive();
    if !is_leading_city(history.iter().map(|m| &m.draft), today) {
        let mut errors = parsed.err().unwrap_or_default();
        errors.add("city", Problem::new(ProblemKey::NotALeadingCity));
        return Err(Error::Invalid(errors));
    }
    let draft = parsed?;
    check_overlap(&txn, city.id, &draft, None).await?;
    let programme = repo::create(&txn, &acting.who, city.id, &draft).await?;
    txn.commit().await?;
    Ok(programme)
}

/// Saves a change to a programme's period, status or priorities, made on `form.revision`: a
/// save on an older revision is refused first, naming the fields saved since (someone saved
/// in between); an empty status keeps the current one; a status moves one step at a time.
pub async fn update(
    context: &Context,
    acting: &Acting,
    id: i64,
    form: &ProgrammeForm,
) -> Result<Programme, Error> {
    let (before, rights) = load(context, acting, id).await?;
    if !rights.may_manage {
        return Err(Error::Forbidden);
    }
    let revision = parse_revision(&form.revision);
    let mut input = form.programme();
    if input.status.trim().is_empty() {
        input.status = before.draft.status.key().to_owned();
    }
    let parsed = input.parse();
    let revision = match revision {
        Ok(revision) => revision,
        Err(problem) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.add("revision", problem);
            return Err(Error::Invalid(errors));
        }
    };
    if revision != before.revision {
        let changed = match &parsed {
            Ok(draft) => before.draft.changed_fields(draft).join(", "),
            Err(_) => String::new(),
        };
        return Err(Error::Conflict(Problem::with_detail(
            ProblemKey::ChangedMeanwhile,
            changed,
        )));
    }
    let draft = parsed?;
    if !before.draft.status.may_move_to(draft.status) {
        return Err(Error::field(
            "status",
            Problem::new(ProblemKey::StatusStepNotAllowed),
        ));
    }
    let txn = context.db.write().await?;
    check_overlap(&txn, before.city_id, &draft, Some(id)).await?;
    check_keeps_contents(&txn, id, &draft).await?;
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
    let (_, rights) = load(context, acting, id).await?;
    if !rights.may_consult {
        return Err(Error::Forbidden);
    }
    let draft = input.parse()?;
    let txn = context.db.write().await?;
    let consultation = repo::add_consultation(&txn, &acting.who, id, &draft).await?;
    txn.commit().await?;
    Ok(consultation)
}
