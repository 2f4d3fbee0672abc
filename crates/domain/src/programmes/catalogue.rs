//! The standard catalogue of the Leading Cities programme: the 15 activities of the terms of
//! reference in their three areas, each with its description, usual duration, the experts it
//! usually engages and the outputs it is expected to yield with their default visibility.
//! Bundled as `data/programmes/catalogue.toml` and checked whole when read.

use crate::ProblemKey;
use crate::assessments::{Visibility, keyed_enum};
use crate::frameworks::Trilingual;
use crate::{Lang, Problem};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

pub mod edit;

const BUNDLED: &str = include_str!("../../../../data/programmes/catalogue.toml");

keyed_enum!(
    /// What an activity yields.
    OutputKind, ProblemKey::UnknownValue, {
        WrittenReport => "written_report",
        PublicArticle => "public_article",
        InternalReport => "internal_report",
        ActionPlan => "action_plan",
        RevisedModule => "revised_module",
        Practice => "practice",
        Agenda => "agenda",
        Presentation => "presentation",
        Video => "video",
        Logo => "logo",
        Other => "other",
    }
);

/// One of the programme's three areas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    pub key: String,
    pub name: Trilingual,
}

/// An output an activity is expected to yield.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedOutput {
    pub kind: OutputKind,
    /// Its visibility unless the city and the secretariat choose otherwise.
    pub visibility: Visibility,
    /// The terms leave it to a choice (a visit's report is public or stays confidential).
    pub chosen: bool,
    pub name: Trilingual,
}

/// An activity of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueActivity {
    /// Its number in the terms (1–15).
    pub number: u8,
    pub key: String,
    pub area: String,
    pub name: Trilingual,
    pub description: Trilingual,
    pub duration: Trilingual,
    pub experts: Trilingual,
    pub outputs: Vec<ExpectedOutput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Catalogue {
    pub areas: Vec<Area>,
    pub activities: Vec<CatalogueActivity>,
}

impl Catalogue {
    pub fn activity(&self, key: &str) -> Option<&CatalogueActivity> {
        self.activities.iter().find(|a| a.key == key)
    }

    /// The catalogue with the secretariat's changes: each changed activity in place of the
    /// bundled one of the same key (a change to a key the catalogue no longer holds is left out).
    pub fn with_changes(mut self, changes: impl IntoIterator<Item = CatalogueActivity>) -> Self {
        for changed in changes {
            if let Some(slot) = self.activities.iter_mut().find(|a| a.key == changed.key) {
                *slot = CatalogueActivity {
                    number: slot.number,
                    key: slot.key.clone(),
                    area: slot.area.clone(),
                    ..changed
                };
            }
        }
        self
    }

    /// The activities of one area, in the terms' order.
    pub fn in_area<'a>(&'a self, area: &'a str) -> impl Iterator<Item = &'a CatalogueActivity> {
        self.activities.iter().filter(move |a| a.area == area)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutput {
    kind: String,
    visibility: String,
    #[serde(default)]
    chosen: bool,
    name: Trilingual,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActivity {
    number: u8,
    key: String,
    area: String,
    name: Trilingual,
    description: Trilingual,
    duration: Trilingual,
    experts: Trilingual,
    #[serde(default)]
    outputs: Vec<RawOutput>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    areas: Vec<Area>,
    activities: Vec<RawActivity>,
}

fn check_text(text: &Trilingual, what: &str, found: &mut Vec<String>) {
    for lang in Lang::ALL {
        if text.get(lang).trim().is_empty() {
            found.push(format!("{what}: no {} text", lang.code()));
        }
    }
}

fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Reads a catalogue file and checks it whole: activities numbered 1, 2, 3… in order, unique
/// keys, known areas, every text in the three languages, known output kinds and visibilities.
/// Every problem is named.
pub fn parse(source: &str) -> Result<Catalogue, Vec<String>> {
    let raw: RawCatalogue = toml::from_str(source).map_err(|e| vec![e.to_string()])?;
    let mut found = Vec::new();
    let mut area_keys = BTreeSet::new();
    for area in &raw.areas {
        if !valid_key(&area.key) || !area_keys.insert(area.key.as_str()) {
            found.push(format!("area “{}”: invalid or repeated key", area.key));
        }
        check_text(&area.name, &format!("area {}", area.key), &mut found);
    }
    let mut keys = BTreeSet::new();
    let mut activities = Vec::new();
    for (at, raw) in raw.activities.into_iter().enumerate() {
        let what = format!("activity {}", raw.number);
        if usize::from(raw.number) != at + 1 {
            found.push(format!("{what}: expected number {}", at + 1));
        }
        if !valid_key(&raw.key) || !keys.insert(raw.key.clone()) {
            found.push(format!("{what}: invalid or repeated key “{}”", raw.key));
        }
        if !area_keys.contains(raw.area.as_str()) {
            found.push(format!("{what}: unknown area “{}”", raw.area));
        }
        for (text, name) in [
            (&raw.name, "name"),
            (&raw.description, "description"),
            (&raw.duration, "duration"),
            (&raw.experts, "experts"),
        ] {
            check_text(text, &format!("{what} {name}"), &mut found);
        }
        let mut outputs = Vec::new();
        for output in raw.outputs {
            let kind = OutputKind::parse(&output.kind.replace('-', "_"));
            let visibility = Visibility::parse(&output.visibility);
            check_text(&output.name, &format!("{what} output"), &mut found);
            match (kind, visibility) {
                (Ok(kind), Ok(visibility)) => outputs.push(ExpectedOutput {
                    kind,
                    visibility,
                    chosen: output.chosen,
                    name: output.name,
                }),
                (kind, visibility) => found.push(format!(
                    "{what}: output kind “{}” or visibility “{}” unknown ({:?})",
                    output.kind,
                    output.visibility,
                    kind.err().or(visibility.err()).map(|p: Problem| p.key)
                )),
            }
        }
        activities.push(CatalogueActivity {
            number: raw.number,
            key: raw.key,
            area: raw.area,
            name: raw.name,
            description: raw.description,
            duration: raw.duration,
            experts: raw.experts,
            outputs,
        });
    }
    if found.is_empty() {
        Ok(Catalogue {
            areas: raw.areas,
            activities,
        })
    } else {
        Err(found)
    }
}

/// The catalogue bundled with the platform.
pub fn bundled() -> Result<Catalogue, Vec<String>> {
    parse(BUNDLED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_catalogue_holds_the_fifteen_activities_of_the_terms() {
        let catalogue = bundled().unwrap_or_else(|problems| panic!("{problems:#?}"));
        assert_eq!(catalogue.activities.len(), 15);
        assert_eq!(catalogue.areas.len(), 3);
        let numbers: Vec<u8> = catalogue.activities.iter().map(|a| a.number).collect();
        assert_eq!(numbers, (1..=15).collect::<Vec<u8>>());
        let count = |area: &str| catalogue.in_area(area).count();
        assert_eq!(count("leadership-advocacy"), 1);
        assert_eq!(count("cooperation-learning"), 11);
        assert_eq!(count("communication"), 3);
        // The terms' outputs: a seminar's article is public; a visit's report is a choice.
        let seminar = &catalogue.activities[4];
        assert!(
            seminar
                .outputs
                .iter()
                .any(|o| o.kind == OutputKind::PublicArticle && o.visibility == Visibility::Public)
        );
        let visit = &catalogue.activities[5];
        assert!(visit.outputs.iter().any(|o| o.chosen));
        let seven_keys = &catalogue.activities[7];
        assert!(
            seven_keys.outputs.iter().any(
                |o| o.kind == OutputKind::InternalReport && o.visibility == Visibility::Network
            )
        );
        assert!(catalogue.activity("nothing").is_none());
    }

    #[test]
    fn a_bad_catalogue_names_every_problem() {
        let source = r#"
[[areas]]
key = "one"
name = { en = "One", fr = "Un", es = "" }

[[activities]]
number = 2
key = "Bad Key"
area = "two"
name = { en = "A", fr = "A", es = "A" }
description = { en = "A", fr = "A", es = "A" }
duration = { en = "A", fr = "A", es = "A" }
experts = { en = "A", fr = "A", es = "A" }

[[activities.outputs]]
kind = "poem"
visibility = "public"
name = { en = "A", fr = "A", es = "A" }
"#;
        let problems = parse(source).expect_err("refused");
        assert_eq!(problems.len(), 5, "{problems:#?}");
        assert!(problems.iter().any(|p| p.contains("no es text")));
        assert!(problems.iter().any(|p| p.contains("expected number 1")));
        assert!(problems.iter().any(|p| p.contains("Bad Key")));
        assert!(problems.iter().any(|p| p.contains("unknown area")));
        assert!(problems.iter().any(|p| p.contains("poem")));
        assert!(parse("not toml [").is_err());
    }
}
