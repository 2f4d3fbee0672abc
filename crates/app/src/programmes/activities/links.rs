//! The records an activity produces as use cases: the records linked to an activity as its
//! reader may see them (a record they may not see on its own is left out, as if not linked),
//! the city's records its managers may link, linking one and removing a link. A linked
//! assessment's report is the Lab's output of the activity.

use super::{ActivityView, read as read_activity};
use crate::{Acting, Context, Error};
use ateneu_db::DbError;
use ateneu_db::assessments::{self as assessment_repo, Assessment};
use ateneu_db::practices::{self as practice_repo, Practice, PracticeFilter};
use ateneu_db::programmes::activities::links::{self as repo, Link};
use ateneu_domain::TranslatedText;
use ateneu_domain::assessments::AssessmentStatus;
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::ids::CityId;
use ateneu_domain::ids::PracticeId;
use ateneu_domain::practices::{Stage, TextField};
use ateneu_domain::programmes::activities::links::{LinkInput, MAX_LINKS, RecordKind};
use ateneu_domain::{Problem, ProblemKey};
use serde::Serialize;

/// How many of the city's records the link form offers, newest first.
const CHOICES: u64 = 200;

/// A record linked to an activity, as its reader is shown it.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    Assessment {
        id: i64,
        title: String,
        status: AssessmentStatus,
        /// Closed: its report is the activity's output.
        has_report: bool,
    },
    Practice {
        id: i64,
        slug: String,
        title: Option<TranslatedText>,
        stage: Stage,
    },
}

impl Record {
    fn of_assessment(a: &Assessment) -> Record {
        Record::Assessment {
            id: a.id.get(),
            title: a.title.clone(),
            status: a.status,
            has_report: a.status == AssessmentStatus::Closed,
        }
    }

    fn of_practice(p: &Practice) -> Record {
        Record::Practice {
            id: p.id.get(),
            slug: p.slug.clone(),
            title: p.record.text(TextField::Title).cloned(),
            stage: p.stage,
        }
    }

    /// Its kind and id.
    pub fn key(&self) -> (RecordKind, i64) {
        match self {
            Record::Assessment { id, .. } => (RecordKind::Assessment, *id),
            Record::Practice { id, .. } => (RecordKind::Practice, *id),
        }
    }
}

/// A link with the record it points to.
#[derive(Debug, Clone, Serialize)]
pub struct LinkedRecord {
    /// The link's id (to remove it).
    pub link_id: i64,
    pub record: Record,
}

/// The record a link points to, when it still exists, belongs to `city_id` and the person may
/// see it on its own.
async fn visible(
    context: &Context,
    acting: &Acting,
    city_id: CityId,
    kind: RecordKind,
    id: i64,
) -> Result<Option<Record>, Error> {
    Ok(match kind {
        RecordKind::Assessment => {
            match assessment_repo::get(&context.db.conn, AssessmentId::new(id)).await? {
                Some(a)
                    if a.city_id == city_id
                        && crate::assessments::may_see(context, acting, &a).await? =>
                {
                    Some(Record::of_assessment(&a))
                }
                _ => None,
            }
        }
        RecordKind::Practice => {
            match practice_repo::get(&context.db.conn, PracticeId::new(id)).await? {
                Some(p)
                    if p.city_ids().contains(&city_id)
                        && crate::practices::may_see(context, acting, &p).await? =>
                {
                    Some(Record::of_practice(&p))
                }
                _ => None,
            }
        }
    })
}

/// The records linked to an activity of `city_id` that the person may see.
pub async fn linked(
    context: &Context,
    acting: &Acting,
    city_id: CityId,
    activity_id: i64,
) -> Result<Vec<LinkedRecord>, Error> {
    let mut shown = Vec::new();
    for link in repo::of_activity(&context.db.conn, activity_id).await? {
        if let Some(record) = visible(
            context,
            acting,
            city_id,
            link.draft.kind,
            link.draft.record_id,
        )
        .await?
        {
            shown.push(LinkedRecord {
                link_id: link.id,
                record,
            });
        }
    }
    Ok(shown)
}

/// The city's records of the kinds the activity links that the person may see and that are
/// not linked yet: what the link form offers the programme's managers (nothing to anyone
/// else). Read only for the activity's page, not with every read of the activity.
pub async fn choices(
    context: &Context,
    acting: &Acting,
    view: &ActivityView,
) -> Result<Vec<Record>, Error> {
    if !view.rights.may_manage || view.linkable.is_empty() {
        return Ok(Vec::new());
    }
    let (city_id, kinds, linked) = (view.programme.city_id, view.linkable, &view.links);
    let taken = |kind: RecordKind, id: i64| linked.iter().any(|l| l.record.key() == (kind, id));
    let mut records = Vec::new();
    if kinds.contains(&RecordKind::Assessment) {
        let mut assessments = assessment_repo::of_city(&context.db.conn, city_id).await?;
        assessments.sort_by_key(|a| std::cmp::Reverse((a.starts_on, a.id)));
        // Every assessment here is of one city: its networks are read once.
        let networks = crate::cities::scope_networks(context, city_id).await?;
        records.extend(
            assessments
                .iter()
                .take(CHOICES as usize)
                .filter(|a| {
                    !taken(RecordKind::Assessment, a.id.get())
                        && crate::assessments::may_see_in(acting, a, &networks)
                })
                .map(Record::of_assessment),
        );
    }
    if kinds.contains(&RecordKind::Practice) {
        let filter = PracticeFilter {
            cities: Some(vec![city_id]),
            ..Default::default()
        };
        let (practices, _) = practice_repo::list(&context.db.conn, &filter, 0, CHOICES).await?;
        for p in &practices {
            if !taken(RecordKind::Practice, p.id.get())
                && crate::practices::may_see(context, acting, p).await?
            {
                records.push(Record::of_practice(p));
            }
        }
    }
    Ok(records)
}

/// Links one of the city's records to an activity (the programme's managers): a kind the
/// activity links, a record of the programme's city that the person may see, once.
pub async fn add(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    activity_id: i64,
    input: &LinkInput,
) -> Result<LinkedRecord, Error> {
    let view = read_activity(context, acting, programme_id, activity_id).await?;
    if !view.rights.may_manage {
        return Err(Error::Forbidden);
    }
    let draft = input.parse(view.activity.draft.catalogue_key.as_deref())?;
    let Some(record) = visible(
        context,
        acting,
        view.programme.city_id,
        draft.kind,
        draft.record_id,
    )
    .await?
    else {
        return Err(Error::field(
            "record",
            Problem::with_detail(ProblemKey::NotOfTheCity, draft.record_id.to_string()),
        ));
    };
    if live_links(context, activity_id).await? >= MAX_LINKS {
        return Err(Error::field(
            "record",
            Problem::with_detail(ProblemKey::TooManyItems, MAX_LINKS.to_string()),
        ));
    }
    let txn = context.db.write().await?;
    let link = match repo::create(&txn, &acting.who, activity_id, &draft).await {
        Ok(link) => link,
        Err(DbError::Conflict(key)) => return Err(Error::field("record", Problem::new(key))),
        Err(other) => return Err(other.into()),
    };
    txn.commit().await?;
    Ok(LinkedRecord {
        link_id: link.id,
        record,
    })
}

/// At the limit of links, how many of them point to a record that still exists (a link to a
/// record deleted since does not count toward the limit); below it, 0: the records are read
/// only when the count of links reaches the limit.
async fn live_links(context: &Context, activity_id: i64) -> Result<usize, Error> {
    if repo::count(&context.db.conn, activity_id).await? < MAX_LINKS as u64 {
        return Ok(0);
    }
    let mut live = 0;
    for link in repo::of_activity(&context.db.conn, activity_id).await? {
        let exists = match link.draft.kind {
            RecordKind::Assessment => {
                assessment_repo::get(&context.db.conn, AssessmentId::new(link.draft.record_id))
                    .await?
                    .is_some()
            }
            RecordKind::Practice => {
                practice_repo::get(&context.db.conn, PracticeId::new(link.draft.record_id))
                    .await?
                    .is_some()
            }
        };
        live += usize::from(exists);
    }
    Ok(live)
}

/// Removes a link from an activity (the programme's managers); not found for a link of another
/// activity.
pub async fn remove(
    context: &Context,
    acting: &Acting,
    programme_id: i64,
    activity_id: i64,
    link_id: i64,
) -> Result<(), Error> {
    let view = read_activity(context, acting, programme_id, activity_id).await?;
    if !view.rights.may_manage {
        return Err(Error::Forbidden);
    }
    let txn = context.db.write().await?;
    let link: Link = repo::by_id(&*txn, link_id)
        .await?
        .filter(|l| l.activity_id == activity_id)
        .ok_or(Error::NotFound)?;
    repo::delete(&txn, &acting.who, &link).await?;
    txn.commit().await?;
    Ok(())
}
