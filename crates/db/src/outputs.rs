//! Outputs of a city's activities (an assessment's report…), each with its visibility: what
//! the city page lists and the report pages serve.

use crate::assessments::Assessment;
use crate::entities::output;
use crate::{DbError, DbResult, WriteTxn};
use ateneu_domain::assessments::Visibility;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

pub const ASSESSMENT_REPORT: &str = "assessment_report";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Output {
    pub id: i64,
    pub city_id: i64,
    pub kind: String,
    pub assessment_id: Option<i64>,
    pub title: String,
    pub visibility: Visibility,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// Files (or refreshes) the report of an assessment as an output of its city.
pub async fn file_report(txn: &WriteTxn<'_>, assessment: &Assessment) -> DbResult<i64> {
    let now = chrono::Utc::now();
    let existing = output::Entity::find()
        .filter(output::Column::Kind.eq(ASSESSMENT_REPORT))
        .filter(output::Column::AssessmentId.eq(assessment.id))
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
                city_id: Set(assessment.city_id),
                kind: Set(ASSESSMENT_REPORT.to_owned()),
                assessment_id: Set(Some(assessment.id)),
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
    Ok(id)
}

/// A city's outputs, newest first (the caller keeps those the reader may see).
pub async fn of_city(conn: &impl ConnectionTrait, city_id: i64) -> DbResult<Vec<Output>> {
    output::Entity::find()
        .filter(output::Column::CityId.eq(city_id))
        .order_by_desc(output::Column::UpdatedAt)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| {
            Ok(Output {
                id: m.id,
                city_id: m.city_id,
                visibility: Visibility::parse(&m.visibility)
                    .map_err(|p| DbError::Corrupt(p.key.to_string()))?,
                kind: m.kind,
                assessment_id: m.assessment_id,
                title: m.title,
                updated_at: m.updated_at,
            })
        })
        .collect()
}
