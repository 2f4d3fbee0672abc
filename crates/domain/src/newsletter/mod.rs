//! The bimonthly newsletter's subscribers: what a subscription asks for (an address, a
//! language, interests), its states (waiting for its confirmation, confirmed, unsubscribed) and
//! the rule that only a confirmed address is ever sent an issue (double opt-in). Its issues are
//! in `issues`.

pub mod issues;

use crate::accounts::Email;
use crate::csv_format::{LineError, push_field_errors, records, value};
use crate::lang::Lang;
use crate::validation::{FieldErrors, max_chars};
use crate::{Problem, ProblemKey};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// How long a confirmation link stays good: a request not confirmed by then is dropped.
pub const CONFIRMATION_DAYS: i64 = 7;

/// The longest note of where an imported list's consent was given.
pub const MAX_CONSENT: usize = 500;

/// What a subscriber wants to hear about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Interest {
    Programmes,
    Practices,
    Events,
}

impl Interest {
    pub const ALL: [Interest; 3] = [Interest::Programmes, Interest::Practices, Interest::Events];

    pub fn key(self) -> &'static str {
        match self {
            Interest::Programmes => "programmes",
            Interest::Practices => "practices",
            Interest::Events => "events",
        }
    }

    pub fn parse(value: &str) -> Result<Interest, Problem> {
        let value = value.trim();
        Interest::ALL
            .into_iter()
            .find(|i| i.key() == value)
            .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownInterest, value.to_owned()))
    }

    /// The interests kept as text (`practices,events`), read back; unknown keys are skipped.
    pub fn read_list(text: &str) -> Vec<Interest> {
        let mut interests: Vec<Interest> = text
            .split(',')
            .filter_map(|key| Interest::parse(key).ok())
            .collect();
        interests.sort();
        interests.dedup();
        interests
    }

    /// `interests` as text to keep (`practices,events`), in a stable order.
    pub fn write_list(interests: &[Interest]) -> String {
        let mut sorted = interests.to_vec();
        sorted.sort();
        sorted.dedup();
        sorted.iter().map(|i| i.key()).collect::<Vec<_>>().join(",")
    }
}

/// Where a subscription stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Asked for, its confirmation link sent and not yet followed: nothing else is sent.
    Pending,
    Confirmed,
    Unsubscribed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Pending, Status::Confirmed, Status::Unsubscribed];

    pub fn key(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Confirmed => "confirmed",
            Status::Unsubscribed => "unsubscribed",
        }
    }

    pub fn parse(value: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == value)
    }

    /// Whether an issue may be sent to an address in this state: only once its owner followed
    /// the confirmation link, and never after they left.
    pub fn may_receive(self) -> bool {
        self == Status::Confirmed
    }
}

/// Whether a confirmation link sent at `sent_at` may still be followed at `now`.
pub fn confirmation_is_live(sent_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now < sent_at + Duration::days(CONFIRMATION_DAYS)
}

/// What the subscription form and the API take.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubscriptionInput {
    pub email: String,
    /// The language the issues come in: `en`, `fr` or `es`.
    pub lang: String,
    /// `programmes`, `practices`, `events`: a list, or the keys separated by commas.
    #[serde(deserialize_with = "crate::programmes::experts::list_or_text")]
    pub interests: Vec<String>,
}

/// A subscription as asked for, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub email: Email,
    pub lang: Lang,
    pub interests: Vec<Interest>,
}

impl SubscriptionInput {
    /// The form before anything is typed: the page's language, every interest.
    pub fn blank(lang: Lang) -> SubscriptionInput {
        SubscriptionInput {
            email: String::new(),
            lang: lang.code().to_owned(),
            interests: Interest::ALL.iter().map(|i| i.key().to_owned()).collect(),
        }
    }

    /// The subscription, or every field's problem: a valid address, one of the three languages,
    /// at least one known interest.
    pub fn parse(&self) -> Result<Subscription, FieldErrors> {
        let mut errors = FieldErrors::new();
        let email = if self.email.trim().is_empty() {
            errors.add("email", Problem::new(ProblemKey::Required));
            None
        } else {
            Email::parse(&self.email)
                .map_err(|p| errors.add("email", p))
                .ok()
        };
        let lang = if self.lang.trim().is_empty() {
            errors.add("lang", Problem::new(ProblemKey::Required));
            None
        } else {
            self.lang
                .trim()
                .parse::<Lang>()
                .map_err(|_| {
                    errors.add(
                        "lang",
                        Problem::with_detail(ProblemKey::UnknownLanguage, self.lang.clone()),
                    )
                })
                .ok()
        };
        let mut interests = Vec::new();
        for given in &self.interests {
            match Interest::parse(given) {
                Ok(interest) => interests.push(interest),
                Err(problem) => errors.add("interests", problem),
            }
        }
        interests.sort();
        interests.dedup();
        if interests.is_empty() && !errors.0.contains_key("interests") {
            errors.add("interests", Problem::new(ProblemKey::Required));
        }
        match (email, lang) {
            (Some(email), Some(lang)) if errors.is_empty() => Ok(Subscription {
                email,
                lang,
                interests,
            }),
            _ => Err(errors),
        }
    }
}

/// The columns of a subscribers file, in and out.
pub const COLUMNS: [&str; 4] = ["email", "lang", "interests", "consent"];

/// A valid line of an imported list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    pub line: u64,
    pub subscription: Subscription,
    /// Where and when the person consented to receive the newsletter.
    pub consent: String,
}

/// Reads a whole list of subscribers (`COLUMNS`; interests separated by commas, all three when
/// empty): every line valid, or every problem found. Each line must say where its consent was
/// given; an address given twice is refused at its second line.
pub fn parse_list(bytes: &[u8]) -> Result<Vec<ListRow>, Vec<LineError>> {
    let mut errors = Vec::new();
    let mut rows: Vec<ListRow> = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for (line, mut values) in records(bytes, &COLUMNS, &mut errors) {
        let interests = value(&mut values, "interests");
        let input = SubscriptionInput {
            email: value(&mut values, "email"),
            lang: value(&mut values, "lang"),
            interests: if interests.trim().is_empty() {
                Interest::ALL.iter().map(|i| i.key().to_owned()).collect()
            } else {
                interests.split(',').map(str::to_owned).collect()
            },
        };
        let consent = value(&mut values, "consent").trim().to_owned();
        let mut fields = match input.parse() {
            Ok(subscription) => {
                if let Some(first) = seen.insert(subscription.email.clone(), line) {
                    errors.push(LineError {
                        line,
                        column: "email".into(),
                        problem: Problem::with_detail(
                            ProblemKey::DuplicateInFile,
                            first.to_string(),
                        ),
                    });
                }
                rows.push(ListRow {
                    line,
                    subscription,
                    consent: consent.clone(),
                });
                FieldErrors::new()
            }
            Err(fields) => fields,
        };
        if consent.is_empty() {
            fields.add("consent", Problem::new(ProblemKey::ConsentRequired));
        } else if let Err(problem) = max_chars(&consent, MAX_CONSENT) {
            fields.add("consent", problem);
        }
        push_field_errors(&mut errors, line, fields);
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn input(email: &str, lang: &str, interests: &[&str]) -> SubscriptionInput {
        SubscriptionInput {
            email: email.to_owned(),
            lang: lang.to_owned(),
            interests: interests.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn a_subscription_needs_an_address_a_language_and_an_interest() {
        let ok = input(
            " Ana@Example.org ",
            "es",
            &["events", "practices", "events"],
        )
        .parse()
        .expect("valid");
        assert_eq!(ok.email.as_str(), "ana@example.org");
        assert_eq!(ok.lang, Lang::Es);
        assert_eq!(ok.interests, [Interest::Practices, Interest::Events]);
        let errors = input("not an address", "pt", &[])
            .parse()
            .expect_err("invalid");
        assert_eq!(errors.0["email"].key, ProblemKey::InvalidEmail);
        assert_eq!(errors.0["lang"].key, ProblemKey::UnknownLanguage);
        assert_eq!(errors.0["interests"].key, ProblemKey::Required);
        let errors = input("", "", &["gossip"]).parse().expect_err("invalid");
        assert_eq!(errors.0["email"].key, ProblemKey::Required);
        assert_eq!(errors.0["lang"].key, ProblemKey::Required);
        assert_eq!(errors.0["interests"].key, ProblemKey::UnknownInterest);
    }

    #[test]
    fn only_a_confirmed_address_receives_issues() {
        assert!(Status::Confirmed.may_receive());
        assert!(!Status::Pending.may_receive());
        assert!(!Status::Unsubscribed.may_receive());
        for status in Status::ALL {
            assert_eq!(Status::parse(status.key()), Some(status));
        }
    }

    #[test]
    fn a_confirmation_link_lasts_a_week() {
        let sent = Utc::now();
        assert!(confirmation_is_live(sent, sent + Duration::days(6)));
        assert!(!confirmation_is_live(sent, sent + Duration::days(7)));
    }

    #[test]
    fn a_list_is_read_whole_or_refused_line_by_line() {
        let good = b"email,lang,interests,consent\nana@example.org,es,\"practices,events\",2025 congress form\nbo@example.org,fr,,signed up at a seminar\n";
        let rows = parse_list(good).expect("valid");
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].subscription.interests,
            [Interest::Practices, Interest::Events]
        );
        assert_eq!(rows[1].subscription.interests, Interest::ALL);
        assert_eq!(rows[1].consent, "signed up at a seminar");
        let bad = b"email,lang,interests,consent\nana@example.org,es,,\nANA@example.org,pt,,form\n";
        let errors = parse_list(bad).expect_err("invalid");
        let found: Vec<(u64, &str, ProblemKey)> = errors
            .iter()
            .map(|e| (e.line, e.column.as_str(), e.problem.key))
            .collect();
        assert!(found.contains(&(2, "consent", ProblemKey::ConsentRequired)));
        assert!(found.contains(&(3, "lang", ProblemKey::UnknownLanguage)));
        let missing = parse_list(b"email,lang\nana@example.org,es\n").expect_err("columns");
        assert!(
            missing
                .iter()
                .any(|e| e.problem.key == ProblemKey::MissingColumn)
        );
    }

    proptest! {
        /// Interests written and read back are the same set, whatever order and repeats.
        #[test]
        fn interests_round_trip(picks in proptest::collection::vec(0usize..3, 0..6)) {
            let interests: Vec<Interest> = picks.iter().map(|i| Interest::ALL[*i]).collect();
            let mut expected = interests.clone();
            expected.sort();
            expected.dedup();
            prop_assert_eq!(Interest::read_list(&Interest::write_list(&interests)), expected);
        }
    }
}
