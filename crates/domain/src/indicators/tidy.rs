//! The tidy CSV of SDG reporting platforms (Open SDG's data files): one row per observation, with
//! `Year`, any breakdown columns, `Units`, `GeoCode` and `Value`, and here optionally `Indicator`
//! (a `framework:indicator` reference, for a file of several indicators), `Source` and `Note`.
//! The whole file is read or every bad row is named; the same form is written back.

use super::values::{
    Breakdown, MAX_NOTE, MAX_SOURCE, MAX_UNIT, ValueDraft, parse_value, parse_year,
};
use crate::csv_format::{CsvWriter, LineError, MAX_LISTED_ERRORS, unguard_cell};
use crate::{Problem, ProblemKey};
use std::collections::{BTreeSet, HashMap};

/// The columns the format names; every other column is a breakdown.
pub const YEAR: &str = "Year";
pub const UNITS: &str = "Units";
pub const GEOCODE: &str = "GeoCode";
pub const VALUE: &str = "Value";
pub const INDICATOR: &str = "Indicator";
pub const SOURCE: &str = "Source";
pub const NOTE: &str = "Note";
const NAMED: [&str; 7] = [YEAR, UNITS, GEOCODE, VALUE, INDICATOR, SOURCE, NOTE];

/// One good row: which indicator (the file's `Indicator` cell, or the one the file was given
/// for), its unit, and the observation. A `GeoCode` is kept as a breakdown of that name.
#[derive(Debug, Clone, PartialEq)]
pub struct TidyRow {
    pub line: u64,
    pub indicator: String,
    pub units: String,
    pub value: ValueDraft,
}

/// What a row of the file is written from.
pub struct TidyOut<'a> {
    pub indicator: &'a str,
    pub units: &'a str,
    pub value: &'a ValueDraft,
}

fn problem(line: u64, column: &str, problem: Problem) -> LineError {
    LineError {
        line,
        column: column.to_owned(),
        problem,
    }
}

/// Which named column a header is (matched without regard to case or spaces around it).
fn named(header: &str) -> Option<&'static str> {
    NAMED
        .into_iter()
        .find(|name| name.eq_ignore_ascii_case(header.trim()))
}

/// Reads a whole tidy file. `given` is the indicator of a file without an `Indicator` column;
/// `known` says whether a reference names an indicator. Every row good, or the problems (at
/// most `MAX_LISTED_ERRORS`, in line order).
pub fn parse(
    bytes: &[u8],
    given: Option<&str>,
    known: &dyn Fn(&str) -> bool,
) -> Result<Vec<TidyRow>, Vec<LineError>> {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_owned()).collect(),
        Err(error) => {
            return Err(vec![problem(
                1,
                "",
                Problem::with_detail(ProblemKey::CsvUnreadable, error.to_string()),
            )]);
        }
    };
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for header in &headers {
        let label = named(header).unwrap_or(header);
        if header.is_empty() {
            errors.push(problem(1, "", Problem::new(ProblemKey::MissingColumn)));
        } else if !seen.insert(label.to_ascii_lowercase()) {
            errors.push(problem(
                1,
                header,
                Problem::with_detail(ProblemKey::DuplicateKey, header.as_str()),
            ));
        }
    }
    for required in [YEAR, VALUE] {
        if !headers.iter().any(|h| named(h) == Some(required)) {
            errors.push(problem(
                1,
                required,
                Problem::new(ProblemKey::MissingColumn),
            ));
        }
    }
    let has_indicator = headers.iter().any(|h| named(h) == Some(INDICATOR));
    if !has_indicator && given.is_none() {
        errors.push(problem(
            1,
            INDICATOR,
            Problem::new(ProblemKey::MissingColumn),
        ));
    }
    if let Some(given) = given
        && !known(given)
    {
        errors.push(problem(
            1,
            INDICATOR,
            Problem::with_detail(ProblemKey::UnknownIndicator, given),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut rows = Vec::new();
    // (indicator, year, breakdown) → the line it was first given on; indicator → its unit.
    let mut first_line: HashMap<(String, i32, String), u64> = HashMap::new();
    let mut units_of: HashMap<String, (String, u64)> = HashMap::new();
    for record in reader.records() {
        if errors.len() >= MAX_LISTED_ERRORS {
            break;
        }
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                errors.push(problem(
                    line,
                    "",
                    Problem::with_detail(ProblemKey::CsvUnreadable, error.to_string()),
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        match row(line, &headers, &record, given, known) {
            Ok(row) => {
                let key = (
                    row.indicator.clone(),
                    row.value.year,
                    row.value.breakdown.storage_key(),
                );
                if let Some(first) = first_line.get(&key) {
                    errors.push(problem(
                        line,
                        YEAR,
                        Problem::with_detail(ProblemKey::DuplicateObservation, first.to_string()),
                    ));
                    continue;
                }
                first_line.insert(key, line);
                match units_of.get(&row.indicator) {
                    Some((units, first)) if *units != row.units => errors.push(problem(
                        line,
                        UNITS,
                        Problem::with_detail(
                            ProblemKey::UnitMismatch,
                            format!("{units} ({first})"),
                        ),
                    )),
                    Some(_) => {}
                    None => {
                        units_of.insert(row.indicator.clone(), (row.units.clone(), line));
                    }
                }
                rows.push(row);
            }
            Err(mut row_errors) => errors.append(&mut row_errors),
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(problem(1, "", Problem::new(ProblemKey::EmptyFile)));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        errors.truncate(MAX_LISTED_ERRORS);
        Err(errors)
    }
}

fn row(
    line: u64,
    headers: &[String],
    record: &csv::StringRecord,
    given: Option<&str>,
    known: &dyn Fn(&str) -> bool,
) -> Result<TidyRow, Vec<LineError>> {
    let mut errors = Vec::new();
    let mut year = None;
    let mut value = None;
    let (mut units, mut indicator, mut source, mut note) = (
        String::new(),
        given.map(str::to_owned),
        String::new(),
        String::new(),
    );
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for (header, cell) in headers.iter().zip(record.iter()) {
        let cell = unguard_cell(cell).trim();
        let mut bounded = |max: usize, into: &mut String| {
            if cell.chars().count() > max {
                errors.push(problem(
                    line,
                    header,
                    Problem::with_detail(ProblemKey::TooLong, max.to_string()),
                ));
            }
            cell.clone_into(into);
        };
        match named(header) {
            Some(YEAR) => match parse_year(cell) {
                Ok(y) => year = Some(y),
                Err(p) => errors.push(problem(line, header, p)),
            },
            Some(VALUE) if cell.is_empty() => {
                errors.push(problem(line, header, Problem::new(ProblemKey::Required)));
            }
            Some(VALUE) => match parse_value(cell) {
                Ok(v) => value = Some(v),
                Err(p) => errors.push(problem(line, header, p)),
            },
            Some(UNITS) => bounded(MAX_UNIT, &mut units),
            Some(SOURCE) => bounded(MAX_SOURCE, &mut source),
            Some(NOTE) => bounded(MAX_NOTE, &mut note),
            Some(INDICATOR) => {
                let reference = cell.to_owned();
                if reference.is_empty() && given.is_some() {
                    continue;
                }
                if known(&reference) {
                    indicator = Some(reference);
                } else {
                    errors.push(problem(
                        line,
                        header,
                        Problem::with_detail(ProblemKey::UnknownIndicator, reference),
                    ));
                }
            }
            Some(_) => pairs.push((GEOCODE, cell)),
            None => pairs.push((header.as_str(), cell)),
        }
    }
    let breakdown = match Breakdown::from_pairs(pairs) {
        Ok(b) => Some(b),
        Err(p) => {
            errors.push(problem(line, "", p));
            None
        }
    };
    match (year, value, indicator, breakdown) {
        (Some(year), Some(value), Some(indicator), Some(breakdown)) if errors.is_empty() => {
            Ok(TidyRow {
                line,
                indicator,
                units,
                value: ValueDraft {
                    year,
                    breakdown,
                    value,
                    source,
                    note,
                },
            })
        }
        (_, _, None, _) if errors.is_empty() => Err(vec![problem(
            line,
            INDICATOR,
            Problem::new(ProblemKey::Required),
        )]),
        _ => Err(errors),
    }
}

/// A value as the file writes it: the shortest text that reads back as the same number.
pub fn number_text(value: f64) -> String {
    format!("{value}")
}

/// Writes rows as a tidy file: `Indicator`, `Year`, the breakdown columns (sorted; `GeoCode` in
/// its own column), `Units`, `GeoCode`, `Value`, `Source`, `Note`. Cells are guarded against
/// formulas.
pub fn write(rows: &[TidyOut<'_>]) -> Result<Vec<u8>, Problem> {
    let breakdowns: BTreeSet<&str> = rows
        .iter()
        .flat_map(|r| r.value.breakdown.iter().map(|(name, _)| name))
        .filter(|name| *name != GEOCODE)
        .collect();
    let mut writer = CsvWriter::new();
    let mut header = vec![INDICATOR, YEAR];
    header.extend(breakdowns.iter().copied());
    header.extend([UNITS, GEOCODE, VALUE, SOURCE, NOTE]);
    writer.row(&header)?;
    for row in rows {
        let mut cells = vec![row.indicator.to_owned(), row.value.year.to_string()];
        cells.extend(
            breakdowns
                .iter()
                .map(|name| row.value.breakdown.get(name).unwrap_or("").to_owned()),
        );
        cells.extend([
            row.units.to_owned(),
            row.value.breakdown.get(GEOCODE).unwrap_or("").to_owned(),
            number_text(row.value.value),
            row.value.source.clone(),
            row.value.note.clone(),
        ]);
        writer.row(&cells)?;
    }
    writer.finish()
}

#[cfg(test)]
mod tests;
