//! A programme's budget: lines (a year, an activity or none, a category, who pays, a currency,
//! and the amounts planned, committed and spent) in exact money, integer minor units of the
//! line's currency, never floating point; totals per currency, per year and per funder that never
//! add two currencies together; and the budget's CSV columns.

use super::{MAX_PEOPLE, Period, text};
use crate::assessments::keyed_enum;
use crate::csv_format::{self, LineError};
use crate::{FieldErrors, Problem, ProblemKey};
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const MAX_DESCRIPTION: usize = 500;
/// The most lines one programme's budget holds (a file with more is refused).
pub const MAX_LINES: usize = 5_000;

/// The budget file's columns, in the order the export writes them (the import takes any
/// order). `activity` is the activity's number in the platform, or empty.
pub const BUDGET_COLUMNS: [&str; 9] = [
    "year",
    "activity",
    "category",
    "description",
    "funder",
    "currency",
    "planned",
    "committed",
    "spent",
];

/// Currencies without minor units (ISO 4217 exponent 0); every other has two.
const WITHOUT_MINOR_UNITS: [&str; 17] = [
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
    "VUV", "XAF", "XOF", "XPF",
];

keyed_enum!(
    /// What a budget line pays for.
    BudgetCategory, ProblemKey::UnknownValue, {
        Travel => "travel",
        ExpertFees => "expert_fees",
        Venue => "venue",
        Translation => "translation",
        Communication => "communication",
        Production => "production",
        Staff => "staff",
        Other => "other",
    }
);

/// An ISO 4217 currency code: three capital letters (`EUR`, `USD`, `ARS`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Currency(String);

impl Currency {
    pub fn parse(value: &str) -> Result<Currency, Problem> {
        let code = value.trim().to_ascii_uppercase();
        if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Currency(code))
        } else {
            Err(Problem::with_detail(
                ProblemKey::InvalidCurrency,
                value.trim(),
            ))
        }
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    /// How many decimal places its amounts have.
    pub fn decimals(&self) -> u32 {
        if WITHOUT_MINOR_UNITS.contains(&self.0.as_str()) {
            0
        } else {
            2
        }
    }

    /// An amount written by a person (`1234.5`, `1 234,50`, `1,234.50`), in minor units:
    /// never negative, never more decimals than the currency has.
    pub fn parse_amount(&self, value: &str) -> Result<i64, Problem> {
        let invalid = || Problem::with_detail(ProblemKey::InvalidAmount, value.trim());
        let cleaned: String = value
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_' | '\''))
            .collect();
        if cleaned.is_empty() {
            return Ok(0);
        }
        // With both '.' and ',' the last one separates the decimals ("1,234.50", "1.234,50");
        // with one of them once, it does unless three digits follow a group of one to three
        // ("1,234" is a thousand, "0.001" too many decimals);
        // with one of them more than once, they group thousands ("1,234,567").
        let decimals = self.decimals() as usize;
        let separators = cleaned.matches(['.', ',']).count();
        let both = cleaned.contains('.') && cleaned.contains(',');
        let (whole, fraction) = match cleaned.rfind(['.', ',']) {
            Some(at) if both || separators == 1 => {
                let digits = cleaned.len() - at - 1;
                let head = &cleaned[..at];
                let groups_thousands =
                    (1..=3).contains(&head.len()) && !head.starts_with(['0', '-', '+']);
                if !both && digits == 3 && decimals < 3 && groups_thousands {
                    (cleaned.as_str(), "")
                } else if digits <= decimals && digits > 0 {
                    (&cleaned[..at], &cleaned[at + 1..])
                } else {
                    return Err(invalid());
                }
            }
            _ => (cleaned.as_str(), ""),
        };
        let whole: String = whole.chars().filter(|c| !matches!(c, '.' | ',')).collect();
        if whole.is_empty() && fraction.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(invalid());
        }
        let scale = 10_i64.pow(decimals as u32);
        let mut fraction_units: i64 = 0;
        for (i, digit) in fraction.bytes().enumerate() {
            fraction_units += i64::from(digit - b'0') * 10_i64.pow((decimals - i - 1) as u32);
        }
        let whole_units: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| invalid())?
        };
        whole_units
            .checked_mul(scale)
            .and_then(|w| w.checked_add(fraction_units))
            .filter(|total| *total <= MAX_AMOUNT)
            .ok_or_else(|| Problem::with_detail(ProblemKey::AmountTooLarge, value.trim()))
    }

    /// An amount in minor units as the CSV and the API write it: `1234.50`.
    pub fn format_amount(&self, minor: i64) -> String {
        let decimals = self.decimals();
        if decimals == 0 {
            return minor.to_string();
        }
        let scale = 10_i64.pow(decimals);
        let sign = if minor < 0 { "-" } else { "" };
        let minor = minor.unsigned_abs();
        let scale = scale.unsigned_abs();
        format!(
            "{sign}{}.{:0width$}",
            minor / scale,
            minor % scale,
            width = decimals as usize
        )
    }
}

/// The largest amount one line may hold, in minor units (a thousand billion units): sums of
/// thousands of lines stay far from the integer's limit.
pub const MAX_AMOUNT: i64 = 100_000_000_000_000;

/// Amounts planned, committed and spent, in minor units of one currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amounts {
    pub planned: i64,
    pub committed: i64,
    pub spent: i64,
}

impl Amounts {
    /// Adds other amounts of the same currency, refusing a sum past the integer's limit.
    pub fn add(&mut self, other: &Amounts) -> Result<(), Problem> {
        let overflow = || Problem::new(ProblemKey::AmountTooLarge);
        self.planned = self
            .planned
            .checked_add(other.planned)
            .ok_or_else(overflow)?;
        self.committed = self
            .committed
            .checked_add(other.committed)
            .ok_or_else(overflow)?;
        self.spent = self.spent.checked_add(other.spent).ok_or_else(overflow)?;
        Ok(())
    }
}

/// A budget line as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLineDraft {
    pub year: i32,
    /// The activity it pays for, or none (the programme as a whole).
    pub activity_id: Option<i64>,
    pub category: BudgetCategory,
    pub description: String,
    /// Who pays: the city, UCLG, a partner…
    pub funder: String,
    pub currency: Currency,
    #[serde(flatten)]
    pub amounts: Amounts,
}

/// The raw fields of a budget line's form, JSON body or CSV row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BudgetLineInput {
    pub year: String,
    /// The activity's number, or empty.
    pub activity: String,
    pub category: String,
    pub description: String,
    pub funder: String,
    pub currency: String,
    pub planned: String,
    pub committed: String,
    pub spent: String,
}

impl BudgetLineInput {
    /// Checks every field: a year of the programme's period, one of the programme's
    /// `activities` (or none), a known category, who pays, a currency code and exact amounts.
    pub fn parse(
        &self,
        period: &Period,
        activities: &[i64],
    ) -> Result<BudgetLineDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let years = period.starts_on.year()..=period.ends_on.year();
        let year = match self.year.trim().parse::<i32>() {
            _ if self.year.trim().is_empty() => {
                errors.add("year", Problem::new(ProblemKey::Required));
                None
            }
            Ok(year) if years.contains(&year) => Some(year),
            Ok(_) => {
                errors.add(
                    "year",
                    Problem::with_detail(
                        ProblemKey::OutsideProgramme,
                        format!("{} – {}", period.starts_on, period.ends_on),
                    ),
                );
                None
            }
            Err(_) => {
                errors.add("year", Problem::new(ProblemKey::NotANumber));
                None
            }
        };
        let activity_id = match self.activity.trim() {
            "" => None,
            given => match given.trim_start_matches('#').parse::<i64>() {
                Ok(id) if activities.contains(&id) => Some(id),
                _ => {
                    errors.add(
                        "activity",
                        Problem::with_detail(ProblemKey::UnknownActivity, given),
                    );
                    None
                }
            },
        };
        let category = errors.take("category", BudgetCategory::parse(&self.category));
        let description = text(
            &mut errors,
            "description",
            &self.description,
            MAX_DESCRIPTION,
        );
        let funder = text(&mut errors, "funder", &self.funder, MAX_PEOPLE);
        if funder.is_empty() {
            errors.add("funder", Problem::new(ProblemKey::Required));
        }
        let currency = errors.take("currency", Currency::parse(&self.currency));
        let mut amounts = Amounts::default();
        if let Some(currency) = &currency {
            for (field, value, slot) in [
                ("planned", &self.planned, &mut amounts.planned),
                ("committed", &self.committed, &mut amounts.committed),
                ("spent", &self.spent, &mut amounts.spent),
            ] {
                if let Some(minor) = errors.take(field, currency.parse_amount(value)) {
                    *slot = minor;
                }
            }
        }
        match (year, category, currency) {
            (Some(year), Some(category), Some(currency)) if errors.is_empty() => {
                Ok(BudgetLineDraft {
                    year,
                    activity_id,
                    category,
                    description,
                    funder,
                    currency,
                    amounts,
                })
            }
            _ => Err(errors),
        }
    }
}

impl BudgetLineDraft {
    /// The line's CSV cells, in `BUDGET_COLUMNS` order.
    pub fn record(&self) -> Vec<String> {
        vec![
            self.year.to_string(),
            self.activity_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
            self.category.key().to_owned(),
            self.description.clone(),
            self.funder.clone(),
            self.currency.code().to_owned(),
            self.currency.format_amount(self.amounts.planned),
            self.currency.format_amount(self.amounts.committed),
            self.currency.format_amount(self.amounts.spent),
        ]
    }
}

/// Parses a whole budget file: every line valid, or every bad line with its reason.
pub fn parse_csv(
    bytes: &[u8],
    period: &Period,
    activities: &[i64],
) -> Result<Vec<BudgetLineDraft>, Vec<LineError>> {
    let mut errors = Vec::new();
    let mut lines = Vec::new();
    let records = csv_format::records(bytes, &BUDGET_COLUMNS, &mut errors);
    if records.len() > MAX_LINES {
        errors.push(LineError {
            line: 1,
            column: String::new(),
            problem: Problem::with_detail(ProblemKey::OutOfRange, MAX_LINES.to_string()),
        });
        return Err(errors);
    }
    for (line, mut values) in records {
        let mut value = |column: &str| csv_format::value(&mut values, column);
        let input = BudgetLineInput {
            year: value("year"),
            activity: value("activity"),
            category: value("category"),
            description: value("description"),
            funder: value("funder"),
            currency: value("currency"),
            planned: value("planned"),
            committed: value("committed"),
            spent: value("spent"),
        };
        match input.parse(period, activities) {
            Ok(draft) => lines.push(draft),
            Err(fields) => csv_format::push_field_errors(&mut errors, line, fields),
        }
    }
    if errors.is_empty() {
        Ok(lines)
    } else {
        Err(errors)
    }
}

/// A budget's totals: per currency, per year and currency, per funder and currency. Two
/// currencies are never added together.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BudgetTotals {
    pub by_currency: Vec<CurrencyTotal>,
    pub by_year: Vec<YearTotal>,
    pub by_funder: Vec<FunderTotal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CurrencyTotal {
    pub currency: Currency,
    #[serde(flatten)]
    pub amounts: Amounts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearTotal {
    pub year: i32,
    pub currency: Currency,
    #[serde(flatten)]
    pub amounts: Amounts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunderTotal {
    pub funder: String,
    pub currency: Currency,
    #[serde(flatten)]
    pub amounts: Amounts,
}

/// Sums the lines, currency by currency (an overflow is refused, never wrapped).
pub fn totals<'a>(
    lines: impl IntoIterator<Item = &'a BudgetLineDraft>,
) -> Result<BudgetTotals, Problem> {
    let mut by_currency: BTreeMap<Currency, Amounts> = BTreeMap::new();
    let mut by_year: BTreeMap<(i32, Currency), Amounts> = BTreeMap::new();
    let mut by_funder: BTreeMap<(String, Currency), Amounts> = BTreeMap::new();
    for line in lines {
        by_currency
            .entry(line.currency.clone())
            .or_default()
            .add(&line.amounts)?;
        by_year
            .entry((line.year, line.currency.clone()))
            .or_default()
            .add(&line.amounts)?;
        by_funder
            .entry((line.funder.clone(), line.currency.clone()))
            .or_default()
            .add(&line.amounts)?;
    }
    Ok(BudgetTotals {
        by_currency: by_currency
            .into_iter()
            .map(|(currency, amounts)| CurrencyTotal { currency, amounts })
            .collect(),
        by_year: by_year
            .into_iter()
            .map(|((year, currency), amounts)| YearTotal {
                year,
                currency,
                amounts,
            })
            .collect(),
        by_funder: by_funder
            .into_iter()
            .map(|((funder, currency), amounts)| FunderTotal {
                funder,
                currency,
                amounts,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests;
