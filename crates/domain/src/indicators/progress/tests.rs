use super::*;
use proptest::prelude::*;

fn p(year: i32, value: f64) -> Point {
    Point { year, value }
}

const UP: Direction = Direction::HigherIsBetter;
const DOWN: Direction = Direction::LowerIsBetter;

#[test]
fn the_rule_as_documented() {
    let baseline = Some(p(2020, 10.0));
    let target = Some(p(2030, 20.0));
    // Half the time gone: the straight line is at 15.
    assert_eq!(
        status(UP, baseline, None, &[p(2025, 30.0)]),
        ProgressStatus::NoData
    );
    assert_eq!(status(UP, baseline, target, &[]), ProgressStatus::NoData);
    assert_eq!(
        status(UP, baseline, target, &[p(2020, 12.0)]),
        ProgressStatus::NoData,
        "only the baseline's year"
    );
    assert_eq!(
        status(UP, baseline, target, &[p(2025, 15.0)]),
        ProgressStatus::OnTrack
    );
    assert_eq!(
        status(UP, baseline, target, &[p(2025, 14.5)]),
        ProgressStatus::OnTrack,
        "90 % of the line"
    );
    assert_eq!(
        status(UP, baseline, target, &[p(2025, 14.0)]),
        ProgressStatus::SomeProgress
    );
    assert_eq!(
        status(UP, baseline, target, &[p(2025, 10.0)]),
        ProgressStatus::OffTrack
    );
    assert_eq!(
        status(UP, baseline, target, &[p(2025, 8.0)]),
        ProgressStatus::OffTrack
    );
    assert_eq!(
        status(UP, baseline, target, &[p(2024, 21.0)]),
        ProgressStatus::OnTrack,
        "reached"
    );
    assert_eq!(
        status(UP, baseline, target, &[p(2024, 21.0), p(2026, 11.0)]),
        ProgressStatus::SomeProgress,
        "the latest counts"
    );
    // Past the target's year, the whole way is wanted.
    assert_eq!(
        status(UP, baseline, target, &[p(2035, 19.5)]),
        ProgressStatus::OnTrack
    );
    assert_eq!(
        status(UP, baseline, target, &[p(2035, 17.0)]),
        ProgressStatus::SomeProgress
    );
    // Lower is better.
    let target = Some(p(2030, 0.0));
    assert_eq!(
        status(DOWN, baseline, target, &[p(2025, 5.0)]),
        ProgressStatus::OnTrack
    );
    assert_eq!(
        status(DOWN, baseline, target, &[p(2025, 8.0)]),
        ProgressStatus::SomeProgress
    );
    assert_eq!(
        status(DOWN, baseline, target, &[p(2025, 11.0)]),
        ProgressStatus::OffTrack
    );
    // A target worse than the baseline for the indicator's direction, not reached.
    assert_eq!(
        status(UP, baseline, target, &[p(2025, -1.0)]),
        ProgressStatus::OffTrack
    );
    // Without a baseline, the first value of the whole is one.
    assert_eq!(
        status(
            UP,
            None,
            Some(p(2030, 20.0)),
            &[p(2020, 10.0), p(2025, 15.0)]
        ),
        ProgressStatus::OnTrack
    );
    // Without a direction: the way to the target, or keeping the level.
    assert_eq!(
        status(
            Direction::Neither,
            baseline,
            Some(p(2030, 0.0)),
            &[p(2025, 5.0)]
        ),
        ProgressStatus::OnTrack
    );
    assert_eq!(
        status(
            Direction::Neither,
            baseline,
            Some(p(2030, 10.0)),
            &[p(2025, 10.4)]
        ),
        ProgressStatus::OnTrack
    );
    assert_eq!(
        status(
            Direction::Neither,
            baseline,
            Some(p(2030, 10.0)),
            &[p(2025, 11.0)]
        ),
        ProgressStatus::OffTrack
    );
}

#[test]
fn the_pace_is_per_year_from_the_baseline_and_still_needed_to_the_target() {
    let totals = [p(2020, 10.0), p(2024, 12.0)];
    let pace_now = pace(None, Some(p(2030, 24.0)), &totals);
    assert_eq!(pace_now.observed, Some(0.5));
    assert_eq!(pace_now.needed, Some(2.0));
    let late = pace(Some(p(2016, 8.0)), Some(p(2022, 30.0)), &totals);
    assert_eq!(late.observed, Some(0.5));
    assert_eq!(late.needed, None, "the target's year is past");
    assert_eq!(
        pace(None, None, &[]),
        Pace {
            observed: None,
            needed: None
        }
    );
}

fn direction() -> impl Strategy<Value = Direction> {
    prop::sample::select(Direction::ALL.to_vec())
}

proptest! {
    #[test]
    fn a_better_latest_value_never_has_a_worse_status(
        d in prop::sample::select(vec![UP, DOWN]),
        base in -100.0f64..100.0, goal in -100.0f64..100.0,
        years in 1i32..30, at in 1i32..40,
        latest in -200.0f64..200.0, better_by in 0.0f64..50.0,
    ) {
        let rank = |s: ProgressStatus| match s {
            ProgressStatus::OnTrack => 2, ProgressStatus::SomeProgress => 1, _ => 0,
        };
        let sign = if d == UP { 1.0 } else { -1.0 };
        let (b, t) = (Some(p(2000, base)), Some(p(2000 + years, goal)));
        let worse = status(d, b, t, &[p(2000 + at, latest)]);
        let better = status(d, b, t, &[p(2000 + at, latest + sign * better_by)]);
        prop_assert!(rank(better) >= rank(worse), "{worse:?} then {better:?}");
        prop_assert_ne!(better, ProgressStatus::NoData);
    }

    #[test]
    fn the_status_reads_the_same_when_higher_and_lower_swap_with_the_sign_of_every_value(
        d in direction(), base in -100.0f64..100.0, goal in -100.0f64..100.0,
        years in 1i32..30, values in prop::collection::vec((1i32..40, -200.0f64..200.0), 0..5),
    ) {
        let flip = |d: Direction| match d { UP => DOWN, DOWN => UP, other => other };
        let totals: Vec<Point> = values.iter().map(|(y, v)| p(2000 + y, *v)).collect();
        let negated: Vec<Point> = totals.iter().map(|q| p(q.year, -q.value)).collect();
        let here = status(d, Some(p(2000, base)), Some(p(2000 + years, goal)), &totals);
        let mirrored = status(flip(d), Some(p(2000, -base)), Some(p(2000 + years, -goal)), &negated);
        prop_assert_eq!(here, mirrored);
    }

    #[test]
    fn without_a_target_there_is_no_status(d in direction(), values in prop::collection::vec((1990i32..2040, -1e6f64..1e6), 0..10)) {
        let totals: Vec<Point> = values.iter().map(|(y, v)| p(*y, *v)).collect();
        prop_assert_eq!(status(d, None, None, &totals), ProgressStatus::NoData);
    }
}
