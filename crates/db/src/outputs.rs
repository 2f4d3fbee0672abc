//! Outputs of a city's activities (an assessment's report, a programme activity's article…),
//! each with its visibility: what the city page lists and the report pages serve; a programme
//! output's language versions and dissemination log. Each programme write leaves its audit row.

pub mod action_plans;
pub mod files;

use crate::assessments::Assessment;
use crate::audit::{self, Who};
use crate::entities::{output, output_dissemination, output_version};
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::assessments::Visibility;
use ateneu_domain::ids::CityId;
use ateneu_domain::ids::OutputId;
use ateneu_domain::programmes::outputs::{
    Channel, DisseminationDraft, OutputDraft, TranslationStatus, VersionDraft,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;

pub const ASSESSMENT_REPORT: &str = "assessment_report";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Output {
    pub id: OutputId,
    pub city_id: CityId,
    pub kind: String,
    pub assessment_id: Option<i64>,
    pub title: String,
    pub visibility: Visibility,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// The programme and activity of a programme's output.
    pub programme_id: Option<i64>,
    pub activity_id: Option<i64>,
    pub summary: String,
    pub link: Option<String>,
}

pub(crate) fn to_output(m: output::Model) -> DbResult<Output> {
    Ok(Output {
        id: OutputId::new(m.id),
        city_id: CityId::new(m.city_id),
        visibility: Visibility::parse(&m.visibility)
            .map_err(|p| DbError::Corrupt(p.key.to_string()))?,
        kind: m.kind,
        assessment_id: m.assessment_id,
        title: m.title,
        updated_at: m.updated_at,
        programme_id: m.programme_id,
        activity_id: m.activity_id,
        summary: m.summary,
        link: m.link,
    })
}

/// Files (or refreshes) the report of an assessment as an output of its city.
pub async fn file_report(txn: &WriteTxn<'_>, assessment: &Assessment) -> DbResult<OutputId> {
    let now = chrono::Utc::now();
    let existing = output::Entity::find()
        .filter(output::Column::Kind.eq(ASSESSMENT_REPORT))
        .filter(output::Column::AssessmentId.eq(assessment.id.get()))
        .one(&**txn)
        .await?;
    let id = match existing {
        Some(model) => {
            let id = model.id;
            let mut active: output::ActiveModel = model.into();
            active.title = Set(assessment.title.clone());
            active.visibility = Set(assessment.visibility.key().to_owned());
            active.updated_at = Set(now);
            active.update(&**txn).await?;
            id
        }
        None => {
            output::ActiveModel {
                city_id: Set(assessment.city_id.get()),
                kind: Set(ASSESSMENT_REPORT.to_owned()),
                assessment_id: Set(Some(assessment.id.get())),
                title: Set(assessment.title.clone()),
                visibility: Set(assessment.visibility.key().to_owned()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&**txn)
            .await?
            .id
        }
    };
    Ok(OutputId::new(id))
}

/// A city's outputs, newest first (the caller keeps those the reader may see).
pub async fn of_city(conn: &impl ConnectionTrait, city_id: CityId) -> DbResult<Vec<Output>> {
    output::Entity::find()
        .filter(output::Column::CityId.eq(city_id.get()))
        .order_by_desc(output::Column::UpdatedAt)
        .all(conn)
        .await?
        .into_iter()
        .map(to_output)
        .collect()
}

/// A language version of a programme's output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    pub id: i64,
    #[serde(flatten)]
    pub draft: VersionDraft,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// An entry of a programme output's dissemination log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dissemination {
    pub id: i64,
    #[serde(flatten)]
    pub draft: DisseminationDraft,
}

fn corrupt(problem: ateneu_domain::Problem) -> DbError {
    DbError::Corrupt(problem.key.to_string())
}

pub(crate) fn to_version(m: output_version::Model) -> DbResult<Version> {
    Ok(Version {
        id: m.id,
        draft: VersionDraft {
            lang: m
                .lang
                .parse()
                .map_err(|_| DbError::Corrupt(format!("language {}", m.lang)))?,
            status: TranslationStatus::parse(&m.status).map_err(corrupt)?,
            translator: m.translator,
            title: m.title,
            link: m.link,
        },
        updated_at: m.updated_at,
    })
}

fn to_dissemination(m: output_dissemination::Model) -> DbResult<Dissemination> {
    Ok(Dissemination {
        id: m.id,
        draft: DisseminationDraft {
            channel: Channel::parse(&m.channel).map_err(corrupt)?,
            on: m.on_day,
            link: m.link,
            lang: m.lang.and_then(|code| code.parse().ok()),
            note: m.note,
        },
    })
}

/// The newest public outputs (programmes' and the Lab's reports), last changed first.
pub async fn newest_public(conn: &impl ConnectionTrait, limit: u64) -> DbResult<Vec<Output>> {
    output::Entity::find()
        .filter(output::Column::Visibility.eq(Visibility::Public.key()))
        .order_by_desc(output::Column::UpdatedAt)
        .order_by_desc(output::Column::Id)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(to_output)
        .collect()
}

pub async fn by_id(conn: &impl ConnectionTrait, id: OutputId) -> DbResult<Option<Output>> {
    output::Entity::find_by_id(id.get())
        .one(conn)
        .await?
        .map(to_output)
        .transpose()
}

/// A programme's outputs, newest first (the caller keeps those the reader may see).
pub async fn of_programme(conn: &impl ConnectionTrait, programme_id: i64) -> DbResult<Vec<Output>> {
    output::Entity::find()
        .filter(output::Column::ProgrammeId.eq(programme_id))
        .order_by_desc(output::Column::UpdatedAt)
        .order_by_desc(output::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_output)
        .collect()
}

/// Files an output of a programme's activity.
pub async fn file(
    txn: &WriteTxn<'_>,
    who: &Who,
    city_id: CityId,
    programme_id: i64,
    draft: &OutputDraft,
) -> DbResult<Output> {
    let now = chrono::Utc::now();
    let model = output::ActiveModel {
        city_id: Set(city_id.get()),
        kind: Set(draft.kind.key().to_owned()),
        title: Set(draft.title.clone()),
        visibility: Set(draft.visibility.key().to_owned()),
        programme_id: Set(Some(programme_id)),
        activity_id: Set(draft.activity_id),
        summary: Set(draft.summary.clone()),
        link: Set(draft.link.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "output.file",
        "output",
        model.id,
        serde_json::json!({"programme_id": programme_id, "draft": draft}),
    )
    .await?;
    to_output(model)
}

/// An output's language versions, in the platform's order of languages.
pub async fn versions(conn: &impl ConnectionTrait, output_id: OutputId) -> DbResult<Vec<Version>> {
    let mut versions = output_version::Entity::find()
        .filter(output_version::Column::OutputId.eq(output_id.get()))
        .all(conn)
        .await?
        .into_iter()
        .map(to_version)
        .collect::<DbResult<Vec<_>>>()?;
    versions.sort_by_key(|v| v.draft.lang);
    Ok(versions)
}

/// Sets an output's version in one language (added, or replaced).
pub async fn set_version(
    txn: &WriteTxn<'_>,
    who: &Who,
    output_id: OutputId,
    draft: &VersionDraft,
) -> DbResult<Version> {
    output_version::Entity::delete_many()
        .filter(output_version::Column::OutputId.eq(output_id.get()))
        .filter(output_version::Column::Lang.eq(draft.lang.code()))
        .exec(&**txn)
        .await?;
    let model = output_version::ActiveModel {
        output_id: Set(output_id.get()),
        lang: Set(draft.lang.code().to_owned()),
        status: Set(draft.status.key().to_owned()),
        translator: Set(draft.translator.clone()),
        title: Set(draft.title.clone()),
        link: Set(draft.link.clone()),
        updated_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "output.version",
        "output",
        output_id,
        serde_json::json!(draft),
    )
    .await?;
    to_version(model)
}

/// An output's dissemination log, latest first.
pub async fn disseminations(
    conn: &impl ConnectionTrait,
    output_id: OutputId,
) -> DbResult<Vec<Dissemination>> {
    output_dissemination::Entity::find()
        .filter(output_dissemination::Column::OutputId.eq(output_id.get()))
        .order_by_desc(output_dissemination::Column::OnDay)
        .order_by_desc(output_dissemination::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(to_dissemination)
        .collect()
}

pub async fn add_dissemination(
    txn: &WriteTxn<'_>,
    who: &Who,
    output_id: OutputId,
    draft: &DisseminationDraft,
) -> DbResult<Dissemination> {
    let model = output_dissemination::ActiveModel {
        output_id: Set(output_id.get()),
        channel: Set(draft.channel.key().to_owned()),
        on_day: Set(draft.on),
        link: Set(draft.link.clone()),
        lang: Set(draft.lang.map(|l| l.code().to_owned())),
        note: Set(draft.note.clone()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&**txn)
    .await?;
    audit::record(
        &**txn,
        who,
        "output.disseminate",
        "output",
        output_id,
        serde_json::json!(draft),
    )
    .await?;
    to_dissemination(model)
}
