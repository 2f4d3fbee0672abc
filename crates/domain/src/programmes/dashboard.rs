//! What the programme dashboards count on: the calendar quarter of a day, which programmes end
//! soon (within six months, not yet completed), and the pages of its list of programmes. Budget
//! sums keep each currency apart as `budget::totals` does.

use super::ProgrammeStatus;
use chrono::{Datelike, Months, NaiveDate};

/// A programme ends soon when its last day is within this many months.
pub const ENDING_MONTHS: u32 = 6;

/// How many programmes a page of the dashboard lists, and how many items each of its other
/// lists shows (their counts say how many in all).
pub const PER_PAGE: usize = 50;

/// A page of a list of `total` items: the page asked for, kept between the first and the last
/// (an empty list has one, empty, page), and the number of pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: usize,
    pub pages: usize,
}

impl Paging {
    pub fn new(total: usize, asked: usize) -> Paging {
        let pages = total.div_ceil(PER_PAGE).max(1);
        Paging {
            page: asked.clamp(1, pages),
            pages,
        }
    }

    /// The positions of the page's items in the list.
    pub fn range(&self, total: usize) -> std::ops::Range<usize> {
        let start = ((self.page - 1) * PER_PAGE).min(total);
        start..(start + PER_PAGE).min(total)
    }
}

/// The first and last days of the calendar quarter `day` is in.
pub fn quarter(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first_month = (day.month0() / 3) * 3 + 1;
    let start = NaiveDate::from_ymd_opt(day.year(), first_month, 1).unwrap_or(day);
    let end = start
        .checked_add_months(Months::new(3))
        .and_then(|next| next.pred_opt())
        .unwrap_or(day);
    (start, end)
}

/// Whether a programme still running ends within six months of `today` (and has not ended).
pub fn ends_soon(status: ProgrammeStatus, ends_on: NaiveDate, today: NaiveDate) -> bool {
    let horizon = today
        .checked_add_months(Months::new(ENDING_MONTHS))
        .unwrap_or(today);
    status != ProgrammeStatus::Completed && today <= ends_on && ends_on <= horizon
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a day")
    }

    #[test]
    fn quarters_by_hand() {
        assert_eq!(
            quarter(day(2026, 12, 6)),
            (day(2026, 10, 1), day(2026, 12, 31))
        );
        assert_eq!(
            quarter(day(2026, 1, 1)),
            (day(2026, 1, 1), day(2026, 3, 31))
        );
        assert_eq!(
            quarter(day(2028, 5, 31)),
            (day(2028, 4, 1), day(2028, 6, 30))
        );
    }

    #[test]
    fn ending_soon_by_hand() {
        let today = day(2026, 12, 6);
        assert!(ends_soon(ProgrammeStatus::Active, day(2027, 6, 6), today));
        assert!(!ends_soon(ProgrammeStatus::Active, day(2027, 6, 7), today));
        assert!(
            !ends_soon(ProgrammeStatus::Active, day(2026, 12, 5), today),
            "already ended"
        );
        assert!(!ends_soon(
            ProgrammeStatus::Completed,
            day(2027, 1, 1),
            today
        ));
    }

    #[test]
    fn pages_by_hand() {
        assert_eq!(Paging::new(0, 3), Paging { page: 1, pages: 1 });
        assert_eq!(Paging::new(0, 1).range(0), 0..0);
        assert_eq!(Paging::new(500, 0), Paging { page: 1, pages: 10 });
        assert_eq!(
            Paging::new(501, 99),
            Paging {
                page: 11,
                pages: 11
            }
        );
        assert_eq!(Paging::new(501, 11).range(501), 500..501);
    }

    proptest! {
        #[test]
        fn the_pages_cover_the_list_once(total in 0usize..2_000, asked in 0usize..100) {
            let paging = Paging::new(total, asked);
            prop_assert!(1 <= paging.page && paging.page <= paging.pages);
            let mut seen = 0;
            for page in 1..=paging.pages {
                let range = Paging::new(total, page).range(total);
                prop_assert_eq!(range.start, seen);
                prop_assert!(range.len() <= PER_PAGE);
                prop_assert!(range.len() == PER_PAGE || page == paging.pages);
                seen = range.end;
            }
            prop_assert_eq!(seen, total);
        }


        #[test]
        fn a_day_lies_in_its_quarter_of_three_months(days in 0i64..40_000) {
            let d = day(1990, 1, 1) + chrono::Duration::days(days);
            let (start, end) = quarter(d);
            prop_assert!(start <= d && d <= end);
            prop_assert_eq!(start.day(), 1);
            prop_assert_eq!(start.month0() % 3, 0);
            prop_assert_eq!(end.succ_opt().map(|n| n.day()), Some(1));
            prop_assert_eq!(quarter(start), quarter(end));
        }
    }
}
