//! The completeness checklist an editor sees while documenting a practice: what the review
//! needs, item by item, and whether each is done.

use super::{PracticeRecord, TextField};
use serde::Serialize;

/// One line of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Check {
    /// A stable key, translated by the web layer (`checklist-<key>`).
    pub key: &'static str,
    pub done: bool,
    /// Whether submission waits for it (the others are advice).
    pub required: bool,
}

/// The checklist of a practice that belongs to `cities` cities.
pub fn checklist(record: &PracticeRecord, cities: usize) -> Vec<Check> {
    let has = |field: TextField| {
        record
            .text(field)
            .is_some_and(|text| !text.source_text().trim().is_empty())
    };
    let mut checks = vec![Check {
        key: "city",
        done: cities > 0,
        required: true,
    }];
    for field in TextField::ALL {
        checks.push(Check {
            key: field.key(),
            done: has(field),
            required: field.is_required(),
        });
    }
    checks.extend([
        Check {
            key: "dates",
            done: record.start_date.is_some()
                && (record.status == super::PracticeStatus::InProgress
                    || record.end_date.is_some()),
            required: true,
        },
        Check {
            key: "tags",
            done: !record.tags.sdgs.is_empty() || !record.tags.fields.is_empty(),
            required: true,
        },
        Check {
            key: "keywords",
            done: !record.tags.keywords.is_empty(),
            required: false,
        },
        Check {
            key: "partners",
            done: !record.partners.is_empty(),
            required: false,
        },
        Check {
            key: "contact",
            done: !record.contact.is_empty(),
            required: false,
        },
        Check {
            key: "media",
            done: !record.media.is_empty(),
            required: false,
        },
        Check {
            key: "translations",
            done: record.languages().len() == crate::Lang::ALL.len(),
            required: false,
        },
    ]);
    checks
}

/// Whether every required item is done.
pub fn is_complete(checks: &[Check]) -> bool {
    checks.iter().all(|check| check.done || !check.required)
}
