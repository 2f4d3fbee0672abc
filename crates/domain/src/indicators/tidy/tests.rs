use super::*;
use proptest::prelude::*;

fn known(reference: &str) -> bool {
    ["c:heritage", "c:participation"].contains(&reference)
}

const GIVEN: Option<&str> = Some("c:heritage");

#[test]
fn a_tidy_file_of_one_indicator_reads_breakdowns_and_its_geocode() {
    let file = "\u{feff}Year,Sex,Age group,Units,GeoCode,Value\n\
                2020,,,%,,12.5\n\
                2020,female,,%,,13\n\
                2021,female,15-24,%,D01,\"14,5\"\n\
                ,,,,,\n";
    let rows = parse(file.as_bytes(), GIVEN, &known).expect("read");
    assert_eq!(rows.len(), 3);
    assert!(rows[0].value.breakdown.is_total());
    assert_eq!(rows[0].indicator, "c:heritage");
    assert_eq!(rows[0].units, "%");
    assert_eq!(rows[2].line, 4);
    assert_eq!(rows[2].value.value, 14.5);
    assert_eq!(
        rows[2].value.breakdown.to_text(),
        "Age group=15-24; GeoCode=D01; Sex=female"
    );
}

#[test]
fn every_bad_row_is_named_with_its_column_and_nothing_is_read() {
    let file = "Indicator,Year,Units,Value\n\
                c:heritage,2020,%,1\n\
                c:nothing,2021,%,1\n\
                c:heritage,20x1,%,1\n\
                c:heritage,2022,%,\n\
                c:heritage,2020,%,2\n\
                c:heritage,2023,EUR,2\n\
                c:participation,2023,EUR,2\n";
    let errors = parse(file.as_bytes(), None, &known).expect_err("refused");
    let seen: Vec<(u64, &str, ProblemKey)> = errors
        .iter()
        .map(|e| (e.line, e.column.as_str(), e.problem.key))
        .collect();
    assert_eq!(
        seen,
        vec![
            (3, "Indicator", ProblemKey::UnknownIndicator),
            (4, "Year", ProblemKey::NotANumber),
            (5, "Value", ProblemKey::Required),
            (6, "Year", ProblemKey::DuplicateObservation),
            (7, "Units", ProblemKey::UnitMismatch),
        ]
    );
    assert_eq!(errors[3].problem.detail.as_deref(), Some("2"));
}

#[test]
fn the_header_must_name_a_year_a_value_and_an_indicator() {
    let errors = parse(b"Year,Units\n2020,%\n", None, &known).expect_err("refused");
    let columns: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
    assert_eq!(columns, vec!["Value", "Indicator"]);
    let errors = parse(b"Year,Value,year\n", GIVEN, &known).expect_err("refused");
    assert_eq!(errors[0].problem.key, ProblemKey::DuplicateKey);
    let errors = parse(b"Year,Value\n", GIVEN, &known).expect_err("refused");
    assert_eq!(errors[0].problem.key, ProblemKey::EmptyFile);
    let errors = parse(b"Year,Value\n2020,1\n", Some("c:other"), &known).expect_err("refused");
    assert_eq!(errors[0].problem.key, ProblemKey::UnknownIndicator);
    let errors = parse(b"Year,Value\n2020,1,3\n", GIVEN, &known).expect_err("refused");
    assert_eq!(errors[0].problem.key, ProblemKey::CsvUnreadable);
}

#[test]
fn what_is_written_reads_back_and_carries_no_live_formula() {
    let values = [
        ValueDraft {
            year: 2020,
            breakdown: Breakdown::parse("sex=female; GeoCode=D01").expect("read"),
            value: -3.75,
            source: "=HYPERLINK(\"http://x\")".into(),
            note: "census".into(),
        },
        ValueDraft {
            year: 2021,
            breakdown: Breakdown::total(),
            value: 1e-7,
            source: String::new(),
            note: String::new(),
        },
    ];
    let out: Vec<TidyOut<'_>> = values
        .iter()
        .map(|value| TidyOut {
            indicator: "c:heritage",
            units: "%",
            value,
        })
        .collect();
    let bytes = write(&out).expect("read");
    let text = String::from_utf8(bytes.clone()).expect("read");
    assert!(text.starts_with("Indicator,Year,sex,Units,GeoCode,Value,Source,Note\n"));
    assert!(text.contains("\"'=HYPERLINK"), "{text}");
    assert!(
        text.contains("c:heritage,2020,female,%,D01,-3.75,"),
        "{text}"
    );
    let rows = parse(&bytes, None, &known).expect("read");
    let read: Vec<ValueDraft> = rows.into_iter().map(|r| r.value).collect();
    assert_eq!(read, values);
}

proptest! {
    #[test]
    fn any_bytes_are_read_or_refused_with_lines_never_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Err(errors) = parse(&bytes, GIVEN, &known) {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.len() <= MAX_LISTED_ERRORS);
        }
    }

    #[test]
    fn rows_of_any_text_are_read_or_refused_never_a_panic(
        cells in prop::collection::vec(prop::collection::vec("\\PC{0,12}", 4), 1..20)
    ) {
        let mut file = String::from("Year,Sex,Units,Value\n");
        for row in &cells {
            let quoted: Vec<String> = row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
            file.push_str(&quoted.join(","));
            file.push('\n');
        }
        match parse(file.as_bytes(), GIVEN, &known) {
            Ok(rows) => for row in rows {
                prop_assert!(row.value.value.is_finite());
                prop_assert!(crate::indicators::values::YEARS.contains(&row.value.year));
            },
            Err(errors) => prop_assert!(errors.iter().all(|e| e.line >= 1)),
        }
    }

    #[test]
    fn good_rows_written_then_read_are_the_same(
        rows in prop::collection::btree_map((1990i32..2030, "[a-z]{0,3}"), (-1e9f64..1e9, "\\PC{0,10}"), 1..30)
    ) {
        let values: Vec<ValueDraft> = rows.iter().map(|((year, sex), (value, note))| ValueDraft {
            year: *year,
            breakdown: Breakdown::from_pairs([("sex", sex.as_str())]).expect("read"),
            value: *value + 0.0,
            source: String::new(),
            note: note.trim().to_owned(),
        }).collect();
        let out: Vec<TidyOut<'_>> = values.iter().map(|value| TidyOut { indicator: "c:participation", units: "n", value }).collect();
        let read: Vec<ValueDraft> = parse(&write(&out).expect("read"), None, &known).expect("read").into_iter().map(|r| r.value).collect();
        prop_assert_eq!(read, values);
    }
}
