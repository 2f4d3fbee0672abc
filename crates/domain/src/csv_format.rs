//! The platform's CSV files: the one writer every CSV that leaves the platform goes through
//! (cells that a spreadsheet would run as a formula are neutralised), the registry's columns
//! (cities, memberships), and parsing a whole file into valid rows or the list of every bad line
//! with its reason. Nothing is half-read.

use crate::ProblemKey;
use crate::cities::{CityDraft, CityInput};
use crate::memberships::{MembershipDraft, MembershipInput};
use crate::reference::Reference;
use crate::validation::Problem;
use serde::Serialize;

pub const CITY_COLUMNS: [&str; 14] = [
    "slug",
    "source_lang",
    "name_en",
    "name_fr",
    "name_es",
    "country",
    "region",
    "population",
    "latitude",
    "longitude",
    "website",
    "description_en",
    "description_fr",
    "description_es",
];

pub const MEMBERSHIP_COLUMNS: [&str; 7] = [
    "city",
    "network",
    "role",
    "started_on",
    "ended_on",
    "creative_field",
    "designation_year",
];

/// One problem of a file: the line (1 is the header), the column, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineError {
    pub line: u64,
    pub column: String,
    pub problem: Problem,
}

/// A valid city row; `slug` names an existing city to update, or the new city's slug.
#[derive(Debug, Clone, PartialEq)]
pub struct CityRow {
    pub line: u64,
    pub slug: Option<String>,
    pub city: CityDraft,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MembershipRow {
    pub line: u64,
    pub city: String,
    pub membership: MembershipDraft,
}

/// Most problems listed for one file; more are counted, not listed.
pub const MAX_LISTED_ERRORS: usize = 200;

/// Reads the records of a CSV file with the given columns (all of them required, in any order).
pub(crate) fn records(
    bytes: &[u8],
    columns: &[&str],
    errors: &mut Vec<LineError>,
) -> Vec<(u64, Vec<(String, String)>)> {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect(),
        Err(error) => {
            errors.push(LineError {
                line: 1,
                column: String::new(),
                problem: Problem::with_detail(ProblemKey::CsvUnreadable, error.to_string()),
            });
            return Vec::new();
        }
    };
    for column in columns {
        if !headers.iter().any(|h| h == column) {
            errors.push(LineError {
                line: 1,
                column: (*column).to_owned(),
                problem: Problem::new(ProblemKey::MissingColumn),
            });
        }
    }
    for header in &headers {
        if !columns.contains(&header.as_str()) {
            errors.push(LineError {
                line: 1,
                column: header.clone(),
                problem: Problem::new(ProblemKey::UnknownColumn),
            });
        }
    }
    if !errors.is_empty() {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line());
                let values = headers
                    .iter()
                    .cloned()
                    .zip(record.iter().map(|cell| unguard_cell(cell).to_owned()))
                    .collect();
                rows.push((line, values));
            }
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                errors.push(LineError {
                    line,
                    column: String::new(),
                    problem: Problem::with_detail(ProblemKey::CsvUnreadable, error.to_string()),
                });
            }
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(LineError {
            line: 1,
            column: String::new(),
            problem: Problem::new(ProblemKey::EmptyFile),
        });
    }
    rows
}

pub(crate) fn value(values: &mut [(String, String)], column: &str) -> String {
    values
        .iter_mut()
        .find(|(name, _)| name == column)
        .map(|(_, value)| std::mem::take(value))
        .unwrap_or_default()
}

pub(crate) fn push_field_errors(
    errors: &mut Vec<LineError>,
    line: u64,
    fields: crate::validation::FieldErrors,
) {
    for (column, problem) in fields.0 {
        errors.push(LineError {
            line,
            column,
            problem,
        });
    }
}

/// Parses a whole cities file: every row valid, or every problem found.
pub fn parse_cities(bytes: &[u8], reference: &Reference) -> Result<Vec<CityRow>, Vec<LineError>> {
    let mut errors = Vec::new();
    let regions = reference.region_keys();
    let mut rows = Vec::new();
    let mut seen_slugs = std::collections::HashMap::new();
    for (line, mut values) in records(bytes, &CITY_COLUMNS, &mut errors) {
        let slug = crate::validation::non_empty(&value(&mut values, "slug"));
        if let Some(slug) = &slug {
            if *slug != crate::cities::slugify(slug) {
                errors.push(LineError {
                    line,
                    column: "slug".into(),
                    problem: Problem::with_detail(ProblemKey::InvalidSlug, slug),
                });
            } else if let Some(first) = seen_slugs.insert(slug.clone(), line) {
                errors.push(LineError {
                    line,
                    column: "slug".into(),
                    problem: Problem::with_detail(ProblemKey::DuplicateInFile, first.to_string()),
                });
            }
        }
        let input = CityInput {
            source_lang: value(&mut values, "source_lang"),
            name_en: value(&mut values, "name_en"),
            name_fr: value(&mut values, "name_fr"),
            name_es: value(&mut values, "name_es"),
            country: value(&mut values, "country"),
            region: value(&mut values, "region"),
            population: value(&mut values, "population"),
            latitude: value(&mut values, "latitude"),
            longitude: value(&mut values, "longitude"),
            website: value(&mut values, "website"),
            description_en: value(&mut values, "description_en"),
            description_fr: value(&mut values, "description_fr"),
            description_es: value(&mut values, "description_es"),
        };
        match input.parse(&regions) {
            Ok(city) => rows.push(CityRow { line, slug, city }),
            Err(fields) => push_field_errors(&mut errors, line, fields),
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// Parses a whole memberships file (cities named by slug).
pub fn parse_memberships(
    bytes: &[u8],
    reference: &Reference,
) -> Result<Vec<MembershipRow>, Vec<LineError>> {
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    for (line, mut values) in records(bytes, &MEMBERSHIP_COLUMNS, &mut errors) {
        let city = value(&mut values, "city").trim().to_owned();
        if city.is_empty() {
            errors.push(LineError {
                line,
                column: "city".into(),
                problem: Problem::new(ProblemKey::Required),
            });
        }
        let input = MembershipInput {
            network: value(&mut values, "network"),
            role: value(&mut values, "role"),
            started_on: value(&mut values, "started_on"),
            ended_on: value(&mut values, "ended_on"),
            creative_field: value(&mut values, "creative_field"),
            designation_year: value(&mut values, "designation_year"),
        };
        match input.parse(reference) {
            Ok(membership) if !city.is_empty() => rows.push(MembershipRow {
                line,
                city,
                membership,
            }),
            Ok(_) => {}
            Err(fields) => push_field_errors(&mut errors, line, fields),
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// Writes rows of text under the given columns, as CSV (every cell through `guard_cell`).
pub fn write(
    columns: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<Vec<u8>, Problem> {
    let mut writer = CsvWriter::new();
    writer.row(columns)?;
    for row in rows {
        writer.row(&row)?;
    }
    writer.finish()
}

/// What the codebooks and the README say of the guard.
pub const GUARD_NOTE: &str = "A cell that a spreadsheet would run as a formula (one that starts with =, +, -, @, a tab or a carriage return, plain numbers such as -3.7 excepted) is written with a single quote in front, as OWASP advises, so that it shows as text; a cell that starts with a single quote gets one more. To read the original text, take off one leading single quote where the rest starts with one of those characters or with a single quote. The platform's own imports do so.";

/// The one way the platform writes CSV: each cell goes through `guard_cell`, so that a file
/// opened in a spreadsheet never runs a formula that someone typed into the platform.
pub struct CsvWriter {
    inner: csv::Writer<Vec<u8>>,
}

impl Default for CsvWriter {
    fn default() -> Self {
        CsvWriter::new()
    }
}

impl CsvWriter {
    pub fn new() -> CsvWriter {
        CsvWriter {
            inner: csv::Writer::from_writer(Vec::new()),
        }
    }

    /// Adds one row of cells.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), Problem> {
        self.inner
            .write_record(cells.iter().map(|c| guard_cell(c.as_ref()).into_owned()))
            .map_err(|e| Problem::with_detail(ProblemKey::CsvUnwritable, e.to_string()))
    }

    /// The file's bytes.
    pub fn finish(self) -> Result<Vec<u8>, Problem> {
        self.inner
            .into_inner()
            .map_err(|e| Problem::with_detail(ProblemKey::CsvUnwritable, e.to_string()))
    }
}

/// Whether a spreadsheet could read this cell as a formula (OWASP's list: `=`, `+`, `-`, `@`,
/// tab and carriage return at the start), or it already starts with the guard's quote. A plain
/// number (`-3.7`, `+12`) is a number, not a formula, and stays as it is.
fn needs_guard(cell: &str) -> bool {
    match cell.chars().next() {
        Some('\'') => true,
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !is_plain_number(&cell[1..]),
        _ => false,
    }
}

/// Digits with at most one decimal point and an optional exponent (`3`, `3.75`, `1e-5`).
fn is_plain_number(text: &str) -> bool {
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (text, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => {
            (digits(whole) || whole.is_empty())
                && (digits(fraction) || fraction.is_empty())
                && !(whole.is_empty() && fraction.is_empty())
        }
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(digits)
}

/// A cell as written to a CSV file: one that a spreadsheet would run as a formula gets a leading
/// single quote (`=HYPERLINK(…)` → `'=HYPERLINK(…)`), shown as text by spreadsheets; so does a
/// cell that starts with a quote already, so that `unguard_cell` gives back exactly the text.
pub fn guard_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_guard(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// The text of a cell read from a CSV file that the platform may have written: the guard's
/// quote is taken off (`'=x` → `=x`, `''a` → `'a`); any other cell is read as it is.
pub fn unguard_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

/// The CSV columns of a city, in `CITY_COLUMNS` order.
pub fn city_record(slug: &str, city: &CityDraft) -> Vec<String> {
    let input = CityInput::from_draft(city);
    vec![
        slug.to_owned(),
        input.source_lang,
        input.name_en,
        input.name_fr,
        input.name_es,
        input.country,
        input.region,
        input.population,
        input.latitude,
        input.longitude,
        input.website,
        input.description_en,
        input.description_fr,
        input.description_es,
    ]
}

/// The CSV columns of a membership, in `MEMBERSHIP_COLUMNS` order.
pub fn membership_record(city_slug: &str, membership: &MembershipDraft) -> Vec<String> {
    let input = MembershipInput::from_draft(membership);
    vec![
        city_slug.to_owned(),
        input.network,
        input.role,
        input.started_on,
        input.ended_on,
        input.creative_field,
        input.designation_year,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::{Names, Region};

    fn reference() -> Reference {
        let names = Names {
            en: "Europe".into(),
            fr: "Europe".into(),
            es: "Europa".into(),
        };
        Reference {
            regions: vec![Region {
                key: "europe".into(),
                name: names,
            }],
            ..Reference::default()
        }
    }

    const HEADER: &str = "slug,source_lang,name_en,name_fr,name_es,country,region,population,latitude,longitude,website,description_en,description_fr,description_es\n";

    #[test]
    fn a_bad_row_rejects_the_file_with_its_line() {
        let file = format!(
            "{HEADER},en,Lyon,,,FR,europe,,,,,,,\n,en,Nowhere,,,XX,europe,,,,,,,\n,en,\"Multi\nline\",,,ES,europe,,,,,,,\n,en,Bad,,,ES,atlantis,,,,,,,\n"
        );
        let errors = parse_cities(file.as_bytes(), &reference()).expect_err("invalid");
        let found: Vec<(u64, &str, &str)> = errors
            .iter()
            .map(|e| (e.line, e.column.as_str(), e.problem.key.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (3, "country", "unknown_country"),
                (6, "region", "unknown_region")
            ]
        );
    }

    #[test]
    fn missing_and_unknown_columns_are_named() {
        let errors =
            parse_cities(b"slug,name,country\nx,y,z\n", &reference()).expect_err("invalid");
        assert!(errors.iter().all(|e| e.line == 1));
        assert!(
            errors
                .iter()
                .any(|e| e.column == "name" && e.problem.key == ProblemKey::UnknownColumn)
        );
        assert!(
            errors
                .iter()
                .any(|e| e.column == "region" && e.problem.key == ProblemKey::MissingColumn)
        );
    }

    #[test]
    fn cities_round_trip_through_csv() {
        let file = format!(
            "\u{feff}{HEADER}lyon,fr,Lyon,Lyon,,FR,europe,522000,45.76,4.84,https://www.lyon.fr,,\"Ville, culture\",\n"
        );
        let rows = parse_cities(file.as_bytes(), &reference()).expect("valid");
        let written = write(
            &CITY_COLUMNS,
            rows.iter().map(|r| city_record("lyon", &r.city)),
        )
        .expect("writes");
        let again = parse_cities(&written, &reference()).expect("valid");
        assert_eq!(rows, again);
    }

    #[test]
    fn duplicate_slugs_and_empty_files_are_refused() {
        let file =
            format!("{HEADER}lyon,en,Lyon,,,FR,europe,,,,,,,\nlyon,en,Lyon,,,FR,europe,,,,,,,\n");
        let errors = parse_cities(file.as_bytes(), &reference()).expect_err("invalid");
        assert_eq!(errors[0].line, 3);
        assert_eq!(errors[0].problem.key.as_str(), "duplicate_in_file");
        let errors = parse_cities(HEADER.as_bytes(), &reference()).expect_err("invalid");
        assert_eq!(errors[0].problem.key.as_str(), "empty_file");
    }

    #[test]
    fn formulas_leave_as_text_and_numbers_as_numbers() {
        for formula in [
            "=HYPERLINK(\"http://evil\")",
            "=cmd|' /C calc'!A0",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\r=1",
            "-",
            "+",
        ] {
            assert_eq!(guard_cell(formula), format!("'{formula}"), "{formula:?}");
        }
        for plain in ["-3.7", "+12", "4.84", "-1e-5", "Lyon", "", "a=b", " =x"] {
            assert_eq!(guard_cell(plain), plain, "{plain:?}");
        }
        assert_eq!(guard_cell("'quoted"), "''quoted");
    }

    #[test]
    fn a_city_named_like_a_formula_is_exported_inert_and_imported_back_the_same() {
        let file = format!(
            "{HEADER},en,=HYPERLINK(\"http://evil.example\"),,,FR,europe,,40.4,-3.7,,@SUM(A1),,\n"
        );
        let rows = parse_cities(file.as_bytes(), &reference()).expect("valid");
        assert_eq!(
            rows[0].city.name.source_text(),
            "=HYPERLINK(\"http://evil.example\")"
        );
        let written = write(
            &CITY_COLUMNS,
            rows.iter().map(|r| city_record("x", &r.city)),
        )
        .expect("writes");
        let text = String::from_utf8(written.clone()).expect("utf-8");
        assert!(
            text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""),
            "{text}"
        );
        assert!(text.contains(",'@SUM(A1),"), "{text}");
        assert!(text.contains(",-3.7,"), "{text}");
        let again = parse_cities(&written, &reference()).expect("valid");
        assert_eq!(rows[0].city, again[0].city);
    }

    proptest::proptest! {
        #[test]
        fn any_cell_comes_back_the_same_and_never_leaves_as_a_formula(cell in "['=+@\t\r-]{0,3}[a-z0-9 .'=(),-]{0,8}") {
            let guarded = guard_cell(&cell);
            proptest::prop_assert_eq!(unguard_cell(&guarded), cell.as_str());
            if let Some(first) = guarded.chars().next() {
                proptest::prop_assert!(!matches!(first, '=' | '@' | '\t' | '\r') , "{:?}", guarded);
                if matches!(first, '+' | '-') {
                    proptest::prop_assert!(is_plain_number(&guarded[1..]), "{:?}", guarded);
                }
            }
        }
    }
}
