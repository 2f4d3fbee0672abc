//! The records an activity produces, linked to it: the Lab's self-assessment (2), a policy-design
//! workshop's assessment and the practices that inspired it (3), the thematic modules' and the
//! Seven Keys' assessments and practices (4, 8), the good practices documented (7), the Culture
//! 2030 Goal's testing (10). A custom activity may link either kind. A linked record belongs to
//! the programme's city, and is shown only to whoever may see it on its own.

use crate::assessments::keyed_enum;
use crate::{FieldErrors, Problem, ProblemKey};
use serde::{Deserialize, Serialize};

/// How many records one activity may link.
pub const MAX_LINKS: usize = 100;

keyed_enum!(
    /// The kind of record an activity links.
    RecordKind, ProblemKey::UnknownValue, {
        Assessment => "assessment",
        Practice => "practice",
    }
);

/// The kinds of record an activity of the catalogue's `key` (none: a custom one) links.
pub fn linkable(key: Option<&str>) -> &'static [RecordKind] {
    match key {
        Some("self-assessment" | "culture-2030-goal") => &[RecordKind::Assessment],
        Some("good-practice") => &[RecordKind::Practice],
        Some("policy-design" | "thematic-modules" | "seven-keys") | None => {
            &[RecordKind::Assessment, RecordKind::Practice]
        }
        Some(_) => &[],
    }
}

/// A link as asked: the record's kind and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkDraft {
    pub kind: RecordKind,
    pub record_id: i64,
}

/// The raw fields of a link's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkInput {
    /// A `RecordKind` key.
    pub kind: String,
    /// The record's id.
    #[serde(deserialize_with = "crate::validation::number_or_text")]
    pub record: String,
}

impl LinkInput {
    /// Checks the kind against what the activity of the catalogue's `key` links, and the id.
    pub fn parse(&self, key: Option<&str>) -> Result<LinkDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = errors.take("kind", RecordKind::parse(&self.kind));
        if let Some(kind) = kind
            && !linkable(key).contains(&kind)
        {
            errors.add(
                "kind",
                Problem::with_detail(ProblemKey::NotLinkable, kind.key()),
            );
        }
        let record = self.record.trim();
        let record_id = if record.is_empty() {
            errors.add("record", Problem::new(ProblemKey::Required));
            None
        } else {
            errors.take(
                "record",
                record
                    .parse::<i64>()
                    .map_err(|_| Problem::new(ProblemKey::NotANumber)),
            )
        };
        match (kind, record_id) {
            (Some(kind), Some(record_id)) if errors.is_empty() => Ok(LinkDraft { kind, record_id }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: &str, record: &str) -> LinkInput {
        LinkInput {
            kind: kind.into(),
            record: record.into(),
        }
    }

    #[test]
    fn each_activity_links_the_records_it_produces() {
        assert_eq!(linkable(Some("self-assessment")), &[RecordKind::Assessment]);
        assert_eq!(linkable(Some("good-practice")), &[RecordKind::Practice]);
        assert_eq!(linkable(Some("seven-keys")).len(), 2);
        assert_eq!(linkable(None).len(), 2, "a custom activity links either");
        assert!(linkable(Some("logo")).is_empty());
        assert!(linkable(Some("representation")).is_empty());
    }

    #[test]
    fn a_link_names_a_kind_the_activity_links_and_a_record() {
        assert_eq!(
            input("assessment", " 12 ").parse(Some("self-assessment")),
            Ok(LinkDraft {
                kind: RecordKind::Assessment,
                record_id: 12
            })
        );
        let refused = input("practice", "12")
            .parse(Some("self-assessment"))
            .expect_err("a self-assessment links assessments");
        let problem = refused.get("kind").expect("on kind");
        assert_eq!(problem.key, ProblemKey::NotLinkable);
        assert_eq!(problem.detail.as_deref(), Some("practice"));
        let refused = input("poem", "").parse(None).expect_err("two problems");
        assert_eq!(
            refused.get("kind").map(|p| p.key),
            Some(ProblemKey::UnknownValue)
        );
        assert_eq!(
            refused.get("record").map(|p| p.key),
            Some(ProblemKey::Required)
        );
        let refused = input("practice", "twelve")
            .parse(None)
            .expect_err("not a number");
        assert_eq!(
            refused.get("record").map(|p| p.key),
            Some(ProblemKey::NotANumber)
        );
    }
}
