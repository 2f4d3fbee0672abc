//! The roster of experts the Leading Cities' secretariat calls on (name, organisation, e-mail,
//! languages as ISO 639 codes, fields of expertise as framework fields and free themes, a short
//! biography, the account that is theirs) and an expert's engagement on an activity (a role,
//! days inside the programme's period, a fee in exact money if any, a note).

use super::budget::Currency;
use super::{MAX_TEXT, Period, date, text};
use crate::accounts::Email;
use crate::assessments::keyed_enum;
use crate::{FieldErrors, Problem, ProblemKey};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

pub const MAX_NAME: usize = 200;
pub const MAX_ORGANISATION: usize = 300;
pub const MAX_BIOGRAPHY: usize = 2_000;
pub const MAX_THEME: usize = 100;
/// The most languages, fields or themes one expert lists.
pub const MAX_ITEMS: usize = 30;

keyed_enum!(
    /// What an expert does in an activity.
    ExpertRole, ProblemKey::UnknownValue, {
        LeadExpert => "lead_expert",
        Expert => "expert",
        Facilitator => "facilitator",
        Speaker => "speaker",
        Other => "other",
    }
);

/// A list given as a JSON list of texts, or as one text separated by commas, semicolons or
/// lines (a form's field); blanks are dropped.
pub fn list_or_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Given {
        List(Vec<String>),
        Text(String),
    }
    let items = match Given::deserialize(deserializer)? {
        Given::List(items) => items,
        Given::Text(text) => text.split([',', ';', '\n']).map(str::to_owned).collect(),
    };
    Ok(items
        .into_iter()
        .map(|item| item.trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect())
}

/// A language as an ISO 639 code (`en`, `pt`, `ca`, `quz`), in lower case.
pub fn language_code(value: &str) -> Result<String, Problem> {
    let code = value.trim().to_ascii_lowercase();
    if (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(code)
    } else {
        Err(Problem::with_detail(
            ProblemKey::InvalidLanguageCode,
            value.trim(),
        ))
    }
}

/// An expert of the roster as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpertDraft {
    pub name: String,
    pub organisation: String,
    pub email: Option<String>,
    /// ISO 639 codes, in the order given.
    pub languages: Vec<String>,
    /// Framework fields as `framework:field`.
    pub fields: Vec<String>,
    /// Free themes.
    pub themes: Vec<String>,
    pub biography: String,
    /// The account that is this expert's: what lets them see the confidential outputs of the
    /// activities they are engaged in.
    pub user_id: Option<i64>,
}

/// The raw fields of an expert's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExpertInput {
    pub name: String,
    pub organisation: String,
    pub email: String,
    #[serde(deserialize_with = "list_or_text")]
    pub languages: Vec<String>,
    #[serde(deserialize_with = "list_or_text")]
    pub fields: Vec<String>,
    #[serde(deserialize_with = "list_or_text")]
    pub themes: Vec<String>,
    pub biography: String,
    /// The e-mail address of the expert's account on the platform, or empty.
    pub account: String,
}

/// Each item once, in the order first given (compared by `same`).
fn once(items: Vec<String>, same: impl Fn(&str) -> String) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut kept = Vec::new();
    for item in items {
        let key = same(&item);
        if !seen.contains(&key) {
            seen.push(key);
            kept.push(item);
        }
    }
    kept
}

fn at_most(errors: &mut FieldErrors, field: &str, items: &[String]) {
    if items.len() > MAX_ITEMS {
        errors.add(
            field,
            Problem::with_detail(ProblemKey::TooLong, MAX_ITEMS.to_string()),
        );
    }
}

impl ExpertInput {
    /// Checks every field: `known_field` says which framework fields exist; `account` is the
    /// account found for `self.account` (none when it is empty), or why none was found.
    pub fn parse(
        &self,
        known_field: impl Fn(&str) -> bool,
        account: Result<Option<i64>, Problem>,
    ) -> Result<ExpertDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = text(&mut errors, "name", &self.name, MAX_NAME);
        if name.is_empty() {
            errors.add("name", Problem::new(ProblemKey::Required));
        }
        let organisation = text(
            &mut errors,
            "organisation",
            &self.organisation,
            MAX_ORGANISATION,
        );
        let email = match self.email.trim() {
            "" => None,
            given => errors
                .take("email", Email::parse(given))
                .map(|e| e.as_str().to_owned()),
        };
        let mut languages = Vec::new();
        for given in &self.languages {
            if let Some(code) = errors.take("languages", language_code(given)) {
                languages.push(code);
            }
        }
        let languages = once(languages, str::to_owned);
        at_most(&mut errors, "languages", &languages);
        let mut fields = Vec::new();
        for given in &self.fields {
            let key = given.trim();
            if known_field(key) {
                fields.push(key.to_owned());
            } else {
                errors.add(
                    "fields",
                    Problem::with_detail(ProblemKey::UnknownField, key),
                );
            }
        }
        let fields = once(fields, str::to_owned);
        at_most(&mut errors, "fields", &fields);
        let mut themes = Vec::new();
        for given in &self.themes {
            themes.push(text(&mut errors, "themes", given, MAX_THEME));
        }
        let themes = once(themes, |t| t.to_lowercase());
        at_most(&mut errors, "themes", &themes);
        let biography = text(&mut errors, "biography", &self.biography, MAX_BIOGRAPHY);
        let user_id = match account {
            Ok(found) => found,
            Err(problem) => {
                errors.add("account", problem);
                None
            }
        };
        if errors.is_empty() {
            Ok(ExpertDraft {
                name,
                organisation,
                email,
                languages,
                fields,
                themes,
                biography,
                user_id,
            })
        } else {
            Err(errors)
        }
    }
}

impl ExpertDraft {
    /// The form's fields as they show this expert (to change it); `account` is the e-mail of
    /// the linked account.
    pub fn input(&self, account: Option<&str>) -> ExpertInput {
        ExpertInput {
            name: self.name.clone(),
            organisation: self.organisation.clone(),
            email: self.email.clone().unwrap_or_default(),
            languages: self.languages.clone(),
            fields: self.fields.clone(),
            themes: self.themes.clone(),
            biography: self.biography.clone(),
            account: account.unwrap_or_default().to_owned(),
        }
    }
}

/// A fee in exact money: integer minor units of one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fee {
    pub currency: Currency,
    /// Minor units (cents) of `currency`.
    pub minor: i64,
}

/// An expert's engagement on an activity as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EngagementDraft {
    pub expert_id: i64,
    pub role: ExpertRole,
    pub starts_on: NaiveDate,
    /// The last day.
    pub ends_on: NaiveDate,
    /// None when there is no fee.
    pub fee: Option<Fee>,
    pub note: String,
}

/// The raw fields of an engagement's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngagementInput {
    /// The expert's id in the roster.
    pub expert: String,
    pub role: String,
    pub starts_on: String,
    pub ends_on: String,
    /// An amount such as `1234.50`; empty when there is no fee.
    pub fee: String,
    /// The fee's ISO 4217 currency (required with a fee).
    pub currency: String,
    pub note: String,
}

impl EngagementInput {
    /// Checks every field: the expert is one of `experts` (the roster's ids); the days fall
    /// inside the programme's `period`, the last not before the first; a fee has a currency
    /// and no more decimals than it takes.
    pub fn parse(&self, experts: &[i64], period: &Period) -> Result<EngagementDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let expert_id = match self.expert.trim() {
            "" => {
                errors.add("expert", Problem::new(ProblemKey::Required));
                None
            }
            given => {
                let found = given.parse::<i64>().ok().filter(|id| experts.contains(id));
                if found.is_none() {
                    errors.add(
                        "expert",
                        Problem::with_detail(ProblemKey::UnknownExpert, given),
                    );
                }
                found
            }
        };
        let role = if self.role.trim().is_empty() {
            Some(ExpertRole::Expert)
        } else {
            errors.take("role", ExpertRole::parse(&self.role))
        };
        let starts_on = date(&mut errors, "starts_on", &self.starts_on);
        let ends_on = date(&mut errors, "ends_on", &self.ends_on);
        if let (Some(starts_on), Some(ends_on)) = (starts_on, ends_on) {
            if ends_on < starts_on {
                errors.add("ends_on", Problem::new(ProblemKey::EndsBeforeStart));
            }
            let within = format!("{} – {}", period.starts_on, period.ends_on);
            for (field, day) in [("starts_on", starts_on), ("ends_on", ends_on)] {
                if !period.contains(day) {
                    errors.add(
                        field,
                        Problem::with_detail(ProblemKey::OutsideProgramme, within.clone()),
                    );
                }
            }
        }
        let fee = self.fee(&mut errors);
        let note = text(&mut errors, "note", &self.note, MAX_TEXT);
        match (expert_id, role, starts_on, ends_on) {
            (Some(expert_id), Some(role), Some(starts_on), Some(ends_on)) if errors.is_empty() => {
                Ok(EngagementDraft {
                    expert_id,
                    role,
                    starts_on,
                    ends_on,
                    fee,
                    note,
                })
            }
            _ => Err(errors),
        }
    }

    /// The fee, when one is given: its currency is required, its amount exact.
    fn fee(&self, errors: &mut FieldErrors) -> Option<Fee> {
        if self.fee.trim().is_empty() {
            return None;
        }
        if self.currency.trim().is_empty() {
            errors.add("currency", Problem::new(ProblemKey::Required));
            return None;
        }
        let currency = errors.take("currency", Currency::parse(&self.currency))?;
        let minor = errors.take("fee", currency.parse_amount(&self.fee))?;
        Some(Fee { currency, minor })
    }
}

impl EngagementDraft {
    /// The form's fields as they show this engagement (to change it).
    pub fn input(&self) -> EngagementInput {
        let (fee, currency) = match &self.fee {
            Some(fee) => (
                fee.currency.format_amount(fee.minor),
                fee.currency.code().to_owned(),
            ),
            None => (String::new(), String::new()),
        };
        EngagementInput {
            expert: self.expert_id.to_string(),
            role: self.role.key().to_owned(),
            starts_on: self.starts_on.to_string(),
            ends_on: self.ends_on.to_string(),
            fee,
            currency,
            note: self.note.clone(),
        }
    }
}

#[cfg(test)]
mod tests;
