//! The secretariat's change to an activity of the catalogue: its name, description, usual
//! duration and usual experts in the three languages, and the outputs it is expected to yield
//! with their default visibility — checked field by field. Its number, key and area stay those
//! of the terms of reference (activities already planned refer to the key).

use super::{CatalogueActivity, ExpectedOutput, OutputKind};
use crate::assessments::Visibility;
use crate::frameworks::Trilingual;
use crate::validation::max_chars;
use crate::{FieldErrors, Lang, Problem, ProblemKey};
use serde::{Deserialize, Serialize};

pub const MAX_NAME: usize = 200;
pub const MAX_TEXT: usize = 4_000;
/// How many expected outputs an activity may list.
pub const MAX_OUTPUTS: usize = 12;

/// A text in the three languages as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TextInput {
    pub en: String,
    pub fr: String,
    pub es: String,
}

impl TextInput {
    fn of(text: &Trilingual) -> TextInput {
        TextInput {
            en: text.en.clone(),
            fr: text.fr.clone(),
            es: text.es.clone(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
            Lang::Es => &self.es,
        }
    }

    pub fn set(&mut self, lang: Lang, value: String) {
        match lang {
            Lang::En => self.en = value,
            Lang::Fr => self.fr = value,
            Lang::Es => self.es = value,
        }
    }

    fn is_blank(&self) -> bool {
        Lang::ALL
            .iter()
            .all(|lang| self.get(*lang).trim().is_empty())
    }

    /// Every language required, each at most `max` characters; problems under `{field}_{lang}`.
    fn parse(&self, errors: &mut FieldErrors, field: &str, max: usize) -> Trilingual {
        let mut text = Trilingual {
            en: String::new(),
            fr: String::new(),
            es: String::new(),
        };
        for lang in Lang::ALL {
            let name = format!("{field}_{}", lang.code());
            let value = self.get(lang).trim();
            if value.is_empty() {
                errors.add(&name, Problem::new(ProblemKey::Required));
            } else if let Err(problem) = max_chars(value, max) {
                errors.add(&name, problem);
            }
            match lang {
                Lang::En => text.en = value.to_owned(),
                Lang::Fr => text.fr = value.to_owned(),
                Lang::Es => text.es = value.to_owned(),
            }
        }
        text
    }
}

/// An expected output as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OutputInput {
    /// An output kind's key; a row without a kind nor a name is left out (removed).
    pub kind: String,
    /// `public`, `network` or `confidential`.
    pub visibility: String,
    /// The terms leave the visibility to a choice made case by case.
    pub chosen: bool,
    pub name: TextInput,
}

/// The raw fields of a catalogue activity's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CatalogueActivityInput {
    pub name: TextInput,
    pub description: TextInput,
    pub duration: TextInput,
    pub experts: TextInput,
    pub outputs: Vec<OutputInput>,
}

impl CatalogueActivityInput {
    /// The form's fields as they show an activity (to change it).
    pub fn of(activity: &CatalogueActivity) -> CatalogueActivityInput {
        CatalogueActivityInput {
            name: TextInput::of(&activity.name),
            description: TextInput::of(&activity.description),
            duration: TextInput::of(&activity.duration),
            experts: TextInput::of(&activity.experts),
            outputs: activity
                .outputs
                .iter()
                .map(|o| OutputInput {
                    kind: o.kind.key().to_owned(),
                    visibility: o.visibility.key().to_owned(),
                    chosen: o.chosen,
                    name: TextInput::of(&o.name),
                })
                .collect(),
        }
    }

    /// Checks every field; the activity keeps the number, key and area of `current`. Problems
    /// are named `name_en`, `description_fr`, `outputs_2_kind`, `outputs_2_name_es`…
    pub fn parse(&self, current: &CatalogueActivity) -> Result<CatalogueActivity, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = self.name.parse(&mut errors, "name", MAX_NAME);
        let description = self.description.parse(&mut errors, "description", MAX_TEXT);
        let duration = self.duration.parse(&mut errors, "duration", MAX_NAME);
        let experts = self.experts.parse(&mut errors, "experts", MAX_TEXT);
        let rows: Vec<(usize, &OutputInput)> = self
            .outputs
            .iter()
            .enumerate()
            .filter(|(_, o)| !(o.kind.trim().is_empty() && o.name.is_blank()))
            .collect();
        if rows.len() > MAX_OUTPUTS {
            errors.add(
                "outputs",
                Problem::with_detail(ProblemKey::TooManyItems, MAX_OUTPUTS.to_string()),
            );
        }
        let mut outputs = Vec::new();
        for (at, row) in rows {
            let field = format!("outputs_{at}");
            let kind = if row.kind.trim().is_empty() {
                errors.add(&format!("{field}_kind"), Problem::new(ProblemKey::Required));
                None
            } else {
                errors.take(&format!("{field}_kind"), OutputKind::parse(row.kind.trim()))
            };
            let visibility = errors.take(
                &format!("{field}_visibility"),
                Visibility::parse(row.visibility.trim()),
            );
            let name = row
                .name
                .parse(&mut errors, &format!("{field}_name"), MAX_NAME);
            if let (Some(kind), Some(visibility)) = (kind, visibility) {
                outputs.push(ExpectedOutput {
                    kind,
                    visibility,
                    chosen: row.chosen,
                    name,
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CatalogueActivity {
            number: current.number,
            key: current.key.clone(),
            area: current.area.clone(),
            name,
            description,
            duration,
            experts,
            outputs,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programmes::catalogue::bundled;
    use proptest::prelude::*;

    fn seminar() -> CatalogueActivity {
        bundled()
            .expect("the catalogue")
            .activity("peer-learning-seminar")
            .expect("the seminar")
            .clone()
    }

    #[test]
    fn an_unchanged_form_gives_the_activity_back() {
        let seminar = seminar();
        let input = CatalogueActivityInput::of(&seminar);
        assert_eq!(input.parse(&seminar), Ok(seminar));
    }

    #[test]
    fn every_language_is_required_and_each_problem_named() {
        let seminar = seminar();
        let mut input = CatalogueActivityInput::of(&seminar);
        input.name.fr = "  ".into();
        input.duration.es = "x".repeat(MAX_NAME + 1);
        input.outputs.push(OutputInput {
            kind: "sculpture".into(),
            visibility: "secret".into(),
            chosen: false,
            name: TextInput {
                en: "A statue".into(),
                ..TextInput::default()
            },
        });
        let errors = input.parse(&seminar).expect_err("refused");
        let at = seminar.outputs.len();
        assert_eq!(
            errors.get("name_fr").map(|p| p.key),
            Some(ProblemKey::Required)
        );
        assert_eq!(
            errors.get("duration_es").map(|p| p.key),
            Some(ProblemKey::TooLong)
        );
        assert_eq!(
            errors.get(&format!("outputs_{at}_kind")).map(|p| p.key),
            Some(ProblemKey::UnknownValue)
        );
        assert!(errors.get(&format!("outputs_{at}_visibility")).is_some());
        assert_eq!(
            errors.get(&format!("outputs_{at}_name_fr")).map(|p| p.key),
            Some(ProblemKey::Required)
        );
        assert!(errors.get("name_en").is_none());
    }

    #[test]
    fn a_blank_row_removes_nothing_and_a_cleared_row_removes_its_output() {
        let seminar = seminar();
        let mut input = CatalogueActivityInput::of(&seminar);
        input.outputs.push(OutputInput::default());
        assert_eq!(
            input.parse(&seminar).map(|a| a.outputs.len()),
            Ok(seminar.outputs.len())
        );
        input.outputs[0] = OutputInput::default();
        let changed = input.parse(&seminar).expect("valid");
        assert_eq!(changed.outputs.len(), seminar.outputs.len() - 1);
        assert_eq!(
            (changed.number, changed.key.as_str()),
            (5, "peer-learning-seminar")
        );
    }

    proptest! {
        #[test]
        fn what_is_accepted_keeps_the_activity_s_place_in_the_terms(
            name in "[a-zA-Zé ]{0,40}",
            visibility in prop::sample::select(vec!["public", "network", "confidential", "", "open"]),
        ) {
            let seminar = seminar();
            let mut input = CatalogueActivityInput::of(&seminar);
            input.name.en = name.clone();
            if let Some(first) = input.outputs.first_mut() {
                first.visibility = visibility.to_owned();
            }
            match input.parse(&seminar) {
                Ok(changed) => {
                    prop_assert!(!name.trim().is_empty());
                    prop_assert_eq!(changed.name.en, name.trim());
                    prop_assert_eq!((changed.number, changed.key, changed.area), (seminar.number, seminar.key, seminar.area));
                }
                Err(errors) => prop_assert!(
                    name.trim().is_empty() || !["public", "network", "confidential"].contains(&visibility),
                    "{errors:?}"
                ),
            }
        }
    }
}
