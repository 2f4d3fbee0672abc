//! Where a city stands against its target for an indicator: on track, some progress, off track
//! or no data, by one documented rule (`status`) that reads the series' baseline, target and
//! latest value of the whole, and the indicator's direction.

use super::Direction;
use super::values::Point;
use crate::assessments::keyed_enum;
use crate::{Problem, ProblemKey};
use serde::{Deserialize, Serialize};

keyed_enum!(
    /// A series' progress towards its target.
    ProgressStatus, ProblemKey::UnknownStatus, {
        OnTrack => "on_track",
        SomeProgress => "some_progress",
        OffTrack => "off_track",
        NoData => "no_data",
    }
);

/// The share of the straight path from baseline to target that the latest value must have
/// covered, of the share of the time gone by, to count as on track.
pub const ON_TRACK_SHARE: f64 = 0.9;
/// How close to a target that keeps the baseline's level a value must stay (a share of that
/// level) to count as on track.
pub const KEEP_LEVEL_TOLERANCE: f64 = 0.05;

/// The rule, as the README and the page's note state it:
///
/// 1. **No data** when the series has no target, or no value of the whole (without breakdown)
///    later than its baseline. The baseline is the one the city set, or else its first value of
///    the whole; the latest value is its last value of the whole.
/// 2. Which way is better: the indicator's direction; for an indicator without one, the way
///    from the baseline to the target.
/// 3. **On track** when the latest value has reached the target (on its better side), or has
///    covered at least 90 % (`ON_TRACK_SHARE`) of the way from the baseline to the target that a
///    straight line would have covered by its year.
/// 4. **Some progress** when it is better than the baseline but behind that line.
/// 5. **Off track** otherwise: no better than the baseline, or a target that is not better
///    than the baseline and not reached.
///
/// A target equal to the baseline of an indicator without direction means keeping the level:
/// on track within 5 % (`KEEP_LEVEL_TOLERANCE`) of it, off track beyond.
pub fn status(
    direction: Direction,
    baseline: Option<Point>,
    target: Option<Point>,
    totals: &[Point],
) -> ProgressStatus {
    let Some(target) = target else {
        return ProgressStatus::NoData;
    };
    let Some(baseline) = baseline.or_else(|| totals.iter().min_by_key(|p| p.year).copied()) else {
        return ProgressStatus::NoData;
    };
    let Some(latest) = totals
        .iter()
        .filter(|p| p.year > baseline.year)
        .max_by_key(|p| p.year)
    else {
        return ProgressStatus::NoData;
    };
    if target.year <= baseline.year {
        return ProgressStatus::NoData;
    }
    let needed = target.value - baseline.value;
    let sign = match direction {
        Direction::HigherIsBetter => 1.0,
        Direction::LowerIsBetter => -1.0,
        Direction::Neither if needed > 0.0 => 1.0,
        Direction::Neither if needed < 0.0 => -1.0,
        Direction::Neither => {
            let tolerance = KEEP_LEVEL_TOLERANCE * target.value.abs().max(f64::EPSILON);
            return if (latest.value - target.value).abs() <= tolerance {
                ProgressStatus::OnTrack
            } else {
                ProgressStatus::OffTrack
            };
        }
    };
    if sign * (latest.value - target.value) >= 0.0 {
        return ProgressStatus::OnTrack;
    }
    let gained = sign * (latest.value - baseline.value);
    let wanted = sign * needed;
    if wanted <= 0.0 || gained <= 0.0 {
        return ProgressStatus::OffTrack;
    }
    let elapsed = f64::from(latest.year - baseline.year) / f64::from(target.year - baseline.year);
    if gained / wanted >= ON_TRACK_SHARE * elapsed.min(1.0) {
        ProgressStatus::OnTrack
    } else {
        ProgressStatus::SomeProgress
    }
}

/// The pace of a series, per year: the one observed from the baseline to the latest value of
/// the whole, and the one still needed from the latest value to reach the target by its year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Pace {
    pub observed: Option<f64>,
    pub needed: Option<f64>,
}

/// The pace by the same baseline and latest value as `status` (the baseline set, or the first
/// value of the whole); `needed` is none once the target's year is reached or passed.
pub fn pace(baseline: Option<Point>, target: Option<Point>, totals: &[Point]) -> Pace {
    let baseline = baseline.or_else(|| totals.iter().min_by_key(|p| p.year).copied());
    let latest = totals.iter().max_by_key(|p| p.year).copied();
    let per_year = |from: Point, to: Point| {
        (to.year > from.year).then(|| (to.value - from.value) / f64::from(to.year - from.year))
    };
    Pace {
        observed: baseline.zip(latest).and_then(|(b, l)| per_year(b, l)),
        needed: latest.zip(target).and_then(|(l, t)| per_year(l, t)),
    }
}

#[cfg(test)]
mod tests;
