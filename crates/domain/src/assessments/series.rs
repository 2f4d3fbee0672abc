//! Which earlier assessment a radar compares with: the city's series of assessments as one
//! reader may see it.

use super::AssessmentStatus;
use crate::ids::AssessmentId;
use chrono::NaiveDate;

/// What the rule needs to know of an assessment of the city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InSeries<'a> {
    pub id: AssessmentId,
    pub starts_on: NaiveDate,
    pub status: AssessmentStatus,
    /// The framework (any version: fields are matched by key).
    pub framework: &'a str,
    /// Whether the reader may see this assessment on its own.
    pub visible: bool,
}

/// The previous assessment of `current` for one reader: the latest closed assessment of the same
/// city on the same framework that started before it (ties broken by id) **and that this reader
/// may see on its own**. An assessment the reader may not see is skipped, never shown inside
/// another.
pub fn previous<'a>(
    current: &InSeries<'_>,
    series: impl IntoIterator<Item = InSeries<'a>>,
) -> Option<InSeries<'a>> {
    series
        .into_iter()
        .filter(|a| {
            a.id != current.id
                && a.visible
                && a.status == AssessmentStatus::Closed
                && a.framework == current.framework
                && (a.starts_on, a.id) < (current.starts_on, current.id)
        })
        .max_by_key(|a| (a.starts_on, a.id))
}

/// The latest closed assessment of the city that this reader may see, on any framework (ties
/// broken by id): where the city's action plan starts from. `framework` is not looked at.
pub fn latest<'a>(series: impl IntoIterator<Item = InSeries<'a>>) -> Option<InSeries<'a>> {
    series
        .into_iter()
        .filter(|a| a.visible && a.status == AssessmentStatus::Closed)
        .max_by_key(|a| (a.starts_on, a.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, 1, 1).expect("date") + chrono::Days::new(u64::from(n))
    }

    #[test]
    fn an_earlier_assessment_the_reader_may_not_see_is_skipped() {
        let current = InSeries {
            id: AssessmentId::new(3),
            starts_on: day(30),
            status: AssessmentStatus::Open,
            framework: "c21",
            visible: true,
        };
        let series = [
            InSeries {
                id: AssessmentId::new(1),
                starts_on: day(1),
                status: AssessmentStatus::Closed,
                framework: "c21",
                visible: true,
            },
            InSeries {
                id: AssessmentId::new(2),
                starts_on: day(10),
                status: AssessmentStatus::Closed,
                framework: "c21",
                visible: false,
            },
        ];
        assert_eq!(
            previous(&current, series.clone()).map(|a| a.id),
            Some(AssessmentId::new(1))
        );
        let hidden: Vec<_> = series
            .iter()
            .map(|a| InSeries {
                visible: false,
                ..a.clone()
            })
            .collect();
        assert_eq!(previous(&current, hidden), None);
    }

    fn status() -> impl Strategy<Value = AssessmentStatus> {
        prop_oneof![Just(AssessmentStatus::Open), Just(AssessmentStatus::Closed)]
    }

    proptest! {
        #[test]
        fn the_previous_one_is_the_latest_earlier_closed_visible_one_of_the_framework(
            rows in proptest::collection::vec((0u32..50, status(), 0usize..2, any::<bool>()), 0..12),
            current_day in 0u32..50,
        ) {
            let frameworks = ["c21", "plus"];
            let current = InSeries { id: AssessmentId::new(100), starts_on: day(current_day), status: AssessmentStatus::Open, framework: "c21", visible: true };
            let series: Vec<InSeries<'_>> = rows.iter().enumerate().map(|(i, (d, s, f, v))| InSeries {
                id: AssessmentId::new(i as i64), starts_on: day(*d), status: *s, framework: frameworks[*f], visible: *v,
            }).collect();
            let found = previous(&current, series.clone());
            if let Some(found) = &found {
                prop_assert!(found.visible);
                prop_assert_eq!(found.status, AssessmentStatus::Closed);
                prop_assert_eq!(found.framework, "c21");
                prop_assert!(found.starts_on <= current.starts_on);
            }
            // No eligible one is later than the one found, and none is missed.
            let eligible: Vec<_> = series.iter().filter(|a| a.visible && a.status == AssessmentStatus::Closed && a.framework == "c21" && (a.starts_on, a.id) < (current.starts_on, current.id)).collect();
            prop_assert_eq!(found.is_some(), !eligible.is_empty());
            for a in eligible {
                prop_assert!(found.as_ref().is_some_and(|f| (f.starts_on, f.id) >= (a.starts_on, a.id)));
            }
        }
    }

    #[test]
    fn the_latest_is_the_newest_closed_one_the_reader_may_see() {
        let at = |id: i64, n: u32, status: AssessmentStatus, visible: bool| InSeries {
            id: AssessmentId::new(id),
            starts_on: day(n),
            status,
            framework: "any",
            visible,
        };
        let series = [
            at(1, 10, AssessmentStatus::Closed, true),
            at(2, 30, AssessmentStatus::Closed, false),
            at(3, 40, AssessmentStatus::Open, true),
            at(4, 20, AssessmentStatus::Closed, true),
            at(5, 20, AssessmentStatus::Closed, true),
        ];
        assert_eq!(
            latest(series.clone()).map(|a| a.id),
            Some(AssessmentId::new(5))
        );
        assert_eq!(
            latest(series.into_iter().take(3)).map(|a| a.id),
            Some(AssessmentId::new(1))
        );
        assert_eq!(latest([at(6, 1, AssessmentStatus::Open, true)]), None);
    }
}
