//! The budget rules by hand and as properties: amounts as people write them, exact sums per
//! currency, a line's checks, a file refused whole.

use super::*;
use chrono::NaiveDate;
use proptest::prelude::*;

fn currency(code: &str) -> Currency {
    Currency::parse(code).expect("a currency")
}

fn period() -> Period {
    Period {
        starts_on: NaiveDate::from_ymd_opt(2026, 1, 1).expect("a day"),
        ends_on: NaiveDate::from_ymd_opt(2027, 12, 31).expect("a day"),
        short_reason: None,
    }
}

#[test]
fn amounts_are_read_as_people_write_them_in_minor_units() {
    let eur = currency("eur");
    assert_eq!(eur.code(), "EUR");
    for (written, minor) in [
        ("1234.5", 123_450),
        ("1234,50", 123_450),
        ("1 234,50", 123_450),
        ("1,234.50", 123_450),
        ("1.234,50", 123_450),
        ("1,234", 123_400),
        ("1.234.567", 123_456_700),
        ("0.01", 1),
        ("", 0),
        ("12", 1_200),
    ] {
        assert_eq!(eur.parse_amount(written), Ok(minor), "{written}");
    }
    for refused in ["-5", "1.234", "abc", "1e3", ".", "0.001", "12.3.4,5x"] {
        let refused_here = eur.parse_amount(refused);
        if refused == "1.234" {
            // Three digits after one separator group thousands: a thousand and more.
            assert_eq!(refused_here, Ok(123_400));
            continue;
        }
        assert_eq!(
            refused_here.map_err(|p| p.key),
            Err(ProblemKey::InvalidAmount),
            "{refused}"
        );
    }
    let yen = currency("JPY");
    assert_eq!(yen.decimals(), 0);
    assert_eq!(yen.parse_amount("150000"), Ok(150_000));
    assert_eq!(yen.parse_amount("150,000"), Ok(150_000));
    assert!(yen.parse_amount("1.5").is_err(), "yen has no cents");
    assert_eq!(
        eur.parse_amount("99999999999999999999").map_err(|p| p.key),
        Err(ProblemKey::InvalidAmount)
    );
    assert_eq!(
        eur.parse_amount("2000000000000").map_err(|p| p.key),
        Err(ProblemKey::AmountTooLarge)
    );
    for refused in ["EU", "EURO", "E1R", ""] {
        assert!(Currency::parse(refused).is_err(), "{refused}");
    }
}

#[test]
fn totals_never_add_two_currencies_together() {
    let line = |year: i32, funder: &str, code: &str, planned: i64| BudgetLineDraft {
        year,
        activity_id: None,
        category: BudgetCategory::Travel,
        description: String::new(),
        funder: funder.into(),
        currency: currency(code),
        amounts: Amounts {
            planned,
            committed: planned / 2,
            spent: 0,
        },
    };
    let lines = [
        line(2026, "UCLG", "EUR", 100_000),
        line(2026, "City", "ARS", 5_000_000),
        line(2027, "UCLG", "EUR", 50_000),
    ];
    let totals = totals(&lines).expect("totals");
    assert_eq!(totals.by_currency.len(), 2);
    let eur = totals
        .by_currency
        .iter()
        .find(|t| t.currency.code() == "EUR")
        .expect("EUR");
    assert_eq!(eur.amounts.planned, 150_000);
    assert_eq!(eur.amounts.committed, 75_000);
    assert_eq!(totals.by_year.len(), 3, "2026 EUR, 2026 ARS, 2027 EUR");
    assert_eq!(totals.by_funder.len(), 2);
    let huge = [
        line(2026, "UCLG", "EUR", i64::MAX),
        line(2026, "UCLG", "EUR", 1),
    ];
    assert_eq!(
        super::totals(&huge).map_err(|p| p.key),
        Err(ProblemKey::AmountTooLarge)
    );
}

#[test]
fn a_line_needs_a_year_of_the_period_a_known_activity_and_who_pays() {
    let input = BudgetLineInput {
        year: "2028".into(),
        activity: "7".into(),
        category: "lunch".into(),
        currency: "EUR".into(),
        planned: "-1".into(),
        ..Default::default()
    };
    let errors = input.parse(&period(), &[3]).expect_err("refused");
    let key = |field: &str| errors.get(field).map(|p| p.key);
    assert_eq!(key("year"), Some(ProblemKey::OutsideProgramme));
    assert_eq!(key("activity"), Some(ProblemKey::UnknownActivity));
    assert_eq!(key("category"), Some(ProblemKey::UnknownValue));
    assert_eq!(key("funder"), Some(ProblemKey::Required));
    assert_eq!(key("planned"), Some(ProblemKey::InvalidAmount));
    let good = BudgetLineInput {
        year: "2027".into(),
        activity: "3".into(),
        category: "expert_fees".into(),
        funder: "UCLG".into(),
        currency: "usd".into(),
        planned: "2,500.00".into(),
        ..Default::default()
    };
    let draft = good.parse(&period(), &[3]).expect("valid");
    assert_eq!(draft.activity_id, Some(3));
    assert_eq!(draft.amounts.planned, 250_000);
    assert_eq!(draft.record()[6], "2500.00");
}

#[test]
fn a_file_with_a_bad_line_names_it_and_gives_nothing() {
    let file = "year,activity,category,description,funder,currency,planned,committed,spent\n\
                2026,,travel,Flights,UCLG,EUR,1200,,\n\
                2031,,travel,Too late,UCLG,EUR,1,,\n\
                2027,,venue,=HYPERLINK(\"x\"),City,ARS,abc,,\n";
    let errors = parse_csv(file.as_bytes(), &period(), &[]).expect_err("refused");
    let lines: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.column.as_str())).collect();
    assert_eq!(lines, vec![(3, "year"), (4, "planned")]);
}

proptest! {
    #[test]
    fn an_amount_written_by_the_export_reads_back_the_same(minor in 0i64..MAX_AMOUNT, code in prop::sample::select(vec!["EUR", "USD", "JPY", "XOF", "ARS"])) {
        let currency = currency(code);
        let written = currency.format_amount(minor);
        prop_assert_eq!(currency.parse_amount(&written), Ok(minor));
    }

    #[test]
    fn totals_per_currency_are_the_sum_of_that_currency_s_lines(amounts in prop::collection::vec((0i64..1_000_000_000, any::<bool>()), 0..40)) {
        let lines: Vec<BudgetLineDraft> = amounts.iter().map(|(planned, euro)| BudgetLineDraft {
            year: 2026,
            activity_id: None,
            category: BudgetCategory::Other,
            description: String::new(),
            funder: "UCLG".into(),
            currency: currency(if *euro { "EUR" } else { "USD" }),
            amounts: Amounts { planned: *planned, committed: 0, spent: 0 },
        }).collect();
        let totals = totals(&lines).expect("totals");
        for total in &totals.by_currency {
            let expected: i64 = lines.iter().filter(|l| l.currency == total.currency).map(|l| l.amounts.planned).sum();
            prop_assert_eq!(total.amounts.planned, expected);
        }
        let all: i64 = totals.by_currency.iter().map(|t| t.amounts.planned).sum();
        prop_assert_eq!(all, lines.iter().map(|l| l.amounts.planned).sum::<i64>());
    }
}
