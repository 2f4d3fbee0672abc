//! The example content that `--demo` shows beside the example cities, so that every part of
//! the platform has something to look at: published practices in the three languages (tagged,
//! translated, one with a photo), a closed public assessment with its radar and report, a
//! benchmark set, an open workshop to invite people to, and a Leading City programme with a
//! consultation. Everything says it is an example.
//! Loaded once per instance.

use crate::{Context, Error};
use ateneu_db::assessments::{self as lab, NewAssessment};
use ateneu_db::audit::Who;
use ateneu_domain::Lang;
use ateneu_domain::assessments::{Answer, Consensus, Participation, Sector, Visibility};
use ateneu_domain::frameworks::Trilingual;
use ateneu_domain::practices::Stage;
use ateneu_domain::programmes::{ConsultationInput, ProgrammeInput};
use chrono::NaiveDate;
use std::collections::BTreeMap;

const PRACTICES: &str = include_str!("../../../data/demo/practices.jsonl");
const PHOTO: &[u8] = include_bytes!("../../../data/demo/reading-room.png");
/// The setting that says the examples are loaded.
const LOADED: &str = "demo_examples";

/// What was loaded (nothing when it was there already).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Loaded {
    pub practices: u64,
    pub assessments: u64,
    pub programmes: u64,
}

/// Loads the example network: its cities (`ateneu_db::demo::load`; how many were added) and
/// then the example content (`load_examples`).
pub async fn load_network(state: &Context) -> Result<(usize, Loaded), Error> {
    let added = ateneu_db::demo::load(&state.db, &state.reference).await?;
    let examples = load_examples(state).await?;
    Ok((added, examples))
}

/// Loads the example practices, assessments and benchmark set, once (the example cities must
/// be there: `ateneu_db::demo::load`).
pub async fn load_examples(state: &Context) -> Result<Loaded, Error> {
    if ateneu_db::settings::get(&state.db.conn, LOADED)
        .await?
        .is_some()
    {
        return Ok(Loaded::default());
    }
    let who = Who::system("example content");
    let vocabulary = crate::practices::vocabulary(state).await?;
    let practices = ateneu_domain::practices::import::parse(PRACTICES, &vocabulary)
        .map_err(|lines| Error::Internal(format!("example practices: {lines:?}")))?;
    let summary =
        ateneu_db::practices::import(&state.db, &who, &practices, Stage::Published, &|_| {})
            .await?;
    add_photo(state, &who).await?;
    let assessments = example_assessments(state, &who).await?;
    let programmes = example_programme(state, &who).await?;
    let txn = state.db.write().await?;
    ateneu_db::settings::set(&*txn, LOADED, "1").await?;
    txn.commit().await?;
    Ok(Loaded {
        practices: summary.created,
        assessments,
        programmes,
    })
}

/// A completed two-year programme of Buenos Aires (2024–2025) with one consultation, so that
/// the secretariat and the city's editors see what a programme's page holds.
async fn example_programme(state: &Context, who: &Who) -> Result<u64, Error> {
    let Some(city) = ateneu_db::cities::by_slug(&state.db.conn, "buenos-aires").await? else {
        return Ok(0);
    };
    let draft = ProgrammeInput {
        starts_on: "2024-01-01".into(),
        ends_on: "2025-12-31".into(),
        status: "completed".into(),
        priorities: "Example: cultural rights in the neighbourhood cultural centres, and a Culture 21 Lab with the city's civil society.".into(),
        ..ProgrammeInput::default()
    }
    .parse()
    .map_err(|e| Error::Internal(format!("example programme: {e:?}")))?;
    let consultation = ConsultationInput {
        held_on: "2023-11-20".into(),
        city_people: "Example: the director of international cultural cooperation".into(),
        secretariat_people: "Example: the Committee's secretariat".into(),
        decisions: "Example: start with a self-assessment workshop, then a peer-learning seminar."
            .into(),
        ..ConsultationInput::default()
    }
    .parse()
    .map_err(|e| Error::Internal(format!("example consultation: {e:?}")))?;
    let txn = state.db.write().await?;
    let programme = ateneu_db::programmes::create(&txn, who, city.id, &draft).await?;
    ateneu_db::programmes::add_consultation(&txn, who, programme.id, &consultation).await?;
    txn.commit().await?;
    Ok(1)
}

/// A photo for the libraries' practice, described in its languages.
async fn add_photo(state: &Context, who: &Who) -> Result<(), Error> {
    let Some(practice) =
        ateneu_db::practices::by_external_id(&state.db.conn, "example-lyon-libraries").await?
    else {
        return Ok(());
    };
    let media = ateneu_domain::practices::media::recognise(PHOTO, "reading-room.png")
        .map_err(|p| Error::Internal(format!("example photo: {p:?}")))?;
    let description = ateneu_domain::practices::media::describe(
        &media,
        Lang::Fr,
        "Une salle de lecture le soir (image d’exemple)",
    )
    .map_err(|p| Error::Internal(format!("example photo: {p:?}")))?;
    let txn = state.db.write().await?;
    ateneu_db::practices::media::add(&txn, who, &practice, &media, PHOTO, description).await?;
    txn.commit().await?;
    Ok(())
}

/// The nine commitments' keys, in order.
fn commitments(framework: &ateneu_domain::frameworks::Framework) -> Vec<String> {
    framework.field_keys()
}

/// A closed public assessment of Buenos Aires with six participants, consensus and key ideas;
/// a benchmark set; an open workshop of Lyon. Returns how many assessments were made.
async fn example_assessments(state: &Context, who: &Who) -> Result<u64, Error> {
    let (Some(buenos_aires), Some(lyon)) = (
        ateneu_db::cities::by_slug(&state.db.conn, "buenos-aires").await?,
        ateneu_db::cities::by_slug(&state.db.conn, "lyon").await?,
    ) else {
        return Ok(0);
    };
    let (version, framework) = crate::frameworks::resolve(state, "culture21-actions@2015").await?;
    let fields = commitments(&framework);
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let txn = state.db.write().await?;
    let closed = lab::create(
        &txn,
        who,
        &NewAssessment {
            city_id: buenos_aires.id,
            framework_version_id: version.id,
            module: "commitments".into(),
            title: "Radar 1 — Buenos Aires (example)".into(),
            starts_on: day(2025, 10, 14),
            ends_on: day(2025, 10, 14),
            languages: vec![Lang::Es, Lang::En],
            visibility: Visibility::Public,
            facilitators: Vec::new(),
        },
    )
    .await?;
    let sectors = [
        Sector::LocalGovernment,
        Sector::CivilSociety,
        Sector::CivilSociety,
        Sector::Academia,
        Sector::PrivateSector,
        Sector::Other,
    ];
    let made: Vec<lab::NewInvitation> = sectors
        .iter()
        .map(|_| {
            let salt = crate::security::new_token();
            lab::NewInvitation {
                token_hash: crate::security::token_hash(&state.signing_key.invitation_token(&salt)),
                salt,
            }
        })
        .collect();
    let invitations = lab::invite(&txn, who, closed, &made, None, Lang::Es).await?;
    for (n, (invitation, sector)) in invitations.iter().zip(sectors).enumerate() {
        // Invented scores: each field its own level, each participant a little apart.
        let answers: BTreeMap<String, Answer> = fields
            .iter()
            .enumerate()
            .map(|(i, key)| {
                let score = (2 + (i * 3 + n * 2) % 7) as u8;
                (key.clone(), Answer::Score(score))
            })
            .collect();
        let participation = Participation {
            sector,
            name: None,
            name_consent: false,
            answers,
            comments: BTreeMap::new(),
        };
        lab::save_response(&txn, *invitation, closed, &participation, true).await?;
    }
    let mut agreed = BTreeMap::new();
    if let Some(first) = fields.first() {
        agreed.insert(
            first.clone(),
            Consensus {
                score: Answer::Score(6),
                justification: "Example: rights are recognised, not yet everywhere.".into(),
            },
        );
    }
    lab::set_consensus(&txn, who, closed, &agreed).await?;
    lab::set_key_ideas(
        &txn,
        who,
        closed,
        "Example key ideas:\n- open the cultural centres on Sundays\n- bring the districts into the culture budget",
    )
    .await?;
    if let Some(assessment) = lab::get(&*txn, closed).await? {
        lab::close(&txn, who, &assessment).await?;
    }
    let values: BTreeMap<String, f64> = fields
        .iter()
        .enumerate()
        .map(|(i, key)| (key.clone(), 4.0 + (i % 4) as f64))
        .collect();
    let name = Trilingual {
        en: "Example benchmark (invented values)".into(),
        fr: "Référence d’exemple (valeurs inventées)".into(),
        es: "Referencia de ejemplo (valores inventados)".into(),
    };
    ateneu_db::frameworks::save_benchmark(
        &txn,
        who,
        &version.framework_key,
        "example",
        &name,
        &values,
    )
    .await?;
    lab::create(
        &txn,
        who,
        &NewAssessment {
            city_id: lyon.id,
            framework_version_id: version.id,
            module: "commitments".into(),
            title: "Atelier Culture 21 — Lyon (exemple)".into(),
            starts_on: day(2026, 12, 10),
            ends_on: day(2026, 12, 10),
            languages: vec![Lang::Fr, Lang::En],
            visibility: Visibility::Network,
            facilitators: Vec::new(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(2)
}
