//! Filing the written report of the activity that tests the Culture 2030 Goal's targets and
//! indicators as an output of a Leading City's programme (the city's editors and the
//! secretariat): under one of the city's Culture 2030 Goal activities, with its PDF as the
//! output's file, in one transaction. A filed report carries only the public series, whatever
//! the output's visibility: the readers of an output (its activity's engaged experts, the
//! network's members) are not those of a network or confidential series, and a filed PDF does
//! not follow a series' later change of visibility. The report's own page and PDF show each
//! reader every series they may see.

use super::values::SeriesView;
use crate::{Acting, Context, Error};
use ateneu_db::cities::City;
use ateneu_db::outputs::files as file_repo;
use ateneu_db::outputs::{self as output_repo, Output};
use ateneu_db::programmes::activities::{self as activity_repo, Activity};
use ateneu_domain::assessments::Visibility;
use ateneu_domain::ids::CityId;
use ateneu_domain::permissions::{Action, CityScope};
use ateneu_domain::programmes::catalogue::OutputKind;
use ateneu_domain::programmes::output_files::recognise;
use ateneu_domain::programmes::outputs::{MAX_TITLE, OutputDraft};
use ateneu_domain::{FieldErrors, Problem, ProblemKey};
use serde::Deserialize;

/// The catalogue's activity the report belongs to.
pub const ACTIVITY: &str = "culture-2030-goal";

/// The raw fields of the filing form or JSON body.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FilingInput {
    /// The activity's id.
    #[serde(deserialize_with = "ateneu_domain::validation::number_or_text")]
    pub activity: String,
    /// `public`, `network`, `confidential`; empty: public, as the catalogue has the report.
    pub visibility: String,
}

/// A filing checked: the activity it goes under and who will see it.
#[derive(Debug, Clone)]
pub struct Filing {
    pub activity: Activity,
    pub city_id: CityId,
    pub visibility: Visibility,
}

/// The city's Culture 2030 Goal activities the person may file the report under (those of the
/// city's programmes, when the person files the city's outputs).
pub async fn activities(
    context: &Context,
    acting: &Acting,
    city: &City,
) -> Result<Vec<Activity>, Error> {
    let networks = crate::programmes::programme_networks(context);
    if acting
        .require(Action::FileOutput(CityScope {
            id: city.id,
            networks: &networks,
        }))
        .is_err()
    {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    for programme in ateneu_db::programmes::of_city(&context.db.conn, city.id).await? {
        found.extend(
            activity_repo::of_programme(&context.db.conn, programme.id)
                .await?
                .into_iter()
                .filter(|a| a.draft.catalogue_key.as_deref() == Some(ACTIVITY)),
        );
    }
    Ok(found)
}

/// Checks a filing: the person files the city's outputs, the activity is one of `activities`,
/// the visibility is known.
pub async fn prepare(
    context: &Context,
    acting: &Acting,
    city: &City,
    input: &FilingInput,
) -> Result<Filing, Error> {
    let networks = crate::programmes::programme_networks(context);
    acting.require(Action::FileOutput(CityScope {
        id: city.id,
        networks: &networks,
    }))?;
    let mut errors = FieldErrors::new();
    let activities = activities(context, acting, city).await?;
    let activity = input
        .activity
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| activities.into_iter().find(|a| a.id == id));
    if activity.is_none() {
        errors.add(
            "activity",
            Problem::with_detail(ProblemKey::UnknownValue, input.activity.trim()),
        );
    }
    let visibility = match input.visibility.trim() {
        "" => Some(Visibility::Public),
        given => errors.take("visibility", Visibility::parse(given)),
    };
    match (activity, visibility) {
        (Some(activity), Some(visibility)) if errors.is_empty() => Ok(Filing {
            activity,
            city_id: city.id,
            visibility,
        }),
        _ => Err(Error::Invalid(errors)),
    }
}

/// The series a filed report may carry: the public ones.
pub fn for_filing(series: Vec<SeriesView>) -> Vec<SeriesView> {
    series
        .into_iter()
        .filter(|s| {
            s.series
                .as_ref()
                .is_some_and(|x| x.visibility == Visibility::Public)
        })
        .collect()
}

/// Files the report: an output of kind written report under the activity, with its PDF.
pub async fn file(
    context: &Context,
    acting: &Acting,
    filing: &Filing,
    title: &str,
    (file_name, pdf): (&str, &[u8]),
) -> Result<Output, Error> {
    let upload = recognise(pdf, file_name).map_err(|p| Error::field("file", p))?;
    let draft = OutputDraft {
        activity_id: Some(filing.activity.id),
        kind: OutputKind::WrittenReport,
        title: title.chars().take(MAX_TITLE).collect(),
        summary: String::new(),
        link: None,
        visibility: filing.visibility,
    };
    let txn = context.db.write().await?;
    let output = output_repo::file(
        &txn,
        &acting.who,
        filing.city_id,
        filing.activity.programme_id,
        &draft,
    )
    .await?;
    file_repo::add(&txn, &acting.who, output.id, &upload, pdf).await?;
    txn.commit().await?;
    Ok(output)
}
