//! Accounts: email addresses and passwords as parsed values, roles with their scope, and the
//! sign-in throttling rule.

use crate::ProblemKey;
use crate::ids::CityId;
use crate::validation::Problem;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A lower-cased email address of a plausible shape.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(value: &str) -> Result<Email, Problem> {
        let email = value.trim().to_lowercase();
        let Some((local, domain)) = email.split_once('@') else {
            return Err(Problem::new(ProblemKey::InvalidEmail));
        };
        let valid = !local.is_empty()
            && local.len() <= 64
            && domain.len() <= 255
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !email.chars().any(|c| {
                c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';')
            })
            && !domain.contains('@');
        if valid {
            Ok(Email(email))
        } else {
            Err(Problem::new(ProblemKey::InvalidEmail))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Email {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value).map_err(|_| format!("invalid email {value}"))
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 256;

/// A new password that follows the house rules (length; not the email address).
pub fn check_new_password(password: &str, email: &Email) -> Result<(), Problem> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        return Err(Problem::with_detail(
            ProblemKey::PasswordTooShort,
            PASSWORD_MIN.to_string(),
        ));
    }
    if length > PASSWORD_MAX {
        return Err(Problem::with_detail(
            ProblemKey::TooLong,
            PASSWORD_MAX.to_string(),
        ));
    }
    if password.trim().eq_ignore_ascii_case(email.as_str()) {
        return Err(Problem::new(ProblemKey::PasswordIsEmail));
    }
    Ok(())
}

/// What a person may be, each within a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    PlatformAdmin,
    /// The secretariat of a network (network admin).
    Secretariat,
    /// A city's focal point, who edits that city.
    Editor,
    Expert,
    Reviewer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::PlatformAdmin,
        Role::Secretariat,
        Role::Editor,
        Role::Expert,
        Role::Reviewer,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Role::PlatformAdmin => "platform_admin",
            Role::Secretariat => "secretariat",
            Role::Editor => "editor",
            Role::Expert => "expert",
            Role::Reviewer => "reviewer",
        }
    }

    pub fn parse(value: &str) -> Result<Role, Problem> {
        Role::ALL
            .into_iter()
            .find(|r| r.key() == value.trim())
            .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownRole, value.trim()))
    }
}

/// A role held within a scope: a network for the secretariat (and optionally for experts and
/// reviewers), a city for editors, nothing for the platform admin.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    pub network: Option<String>,
    pub city: Option<CityId>,
}

impl Grant {
    /// Checks that the scope fits the role.
    pub fn new(
        role: Role,
        network: Option<String>,
        city: Option<CityId>,
    ) -> Result<Grant, Problem> {
        let fits = match role {
            Role::PlatformAdmin => network.is_none() && city.is_none(),
            Role::Secretariat => network.is_some() && city.is_none(),
            Role::Editor => city.is_some() && network.is_none(),
            Role::Expert | Role::Reviewer => city.is_none(),
        };
        if fits {
            Ok(Grant {
                role,
                network,
                city,
            })
        } else {
            Err(Problem::with_detail(
                ProblemKey::ScopeDoesNotFitRole,
                role.key(),
            ))
        }
    }
}

/// What a personal API token may do: only read (GET and HEAD requests), or everything its
/// owner's roles allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenScope {
    Read,
    Write,
}

impl TokenScope {
    pub const ALL: [TokenScope; 2] = [TokenScope::Read, TokenScope::Write];

    pub fn key(self) -> &'static str {
        match self {
            TokenScope::Read => "read",
            TokenScope::Write => "write",
        }
    }

    pub fn parse(value: &str) -> Result<TokenScope, Problem> {
        match value.trim() {
            "read" => Ok(TokenScope::Read),
            "" | "write" => Ok(TokenScope::Write),
            other => Err(Problem::with_detail(ProblemKey::UnknownValue, other)),
        }
    }

    /// Whether a request that changes something (`writes`) may be made with this scope.
    pub fn allows(self, writes: bool) -> bool {
        self == TokenScope::Write || !writes
    }
}

/// Days a new token lives when none is asked for, and at most.
pub const TOKEN_DAYS_DEFAULT: i64 = 90;
pub const TOKEN_DAYS_MAX: i64 = 365;

/// A new personal API token as asked for: its name, scope and life in days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRequest {
    pub name: String,
    pub scope: TokenScope,
    pub days: i64,
}

impl TokenRequest {
    /// Checks a token form or API body field by field (`name`, `scope`, `days`); empty values
    /// take the defaults (named "token", writes, 90 days).
    pub fn parse(name: &str, scope: &str, days: &str) -> Result<TokenRequest, crate::FieldErrors> {
        let mut errors = crate::FieldErrors::new();
        let name = crate::validation::non_empty(name).unwrap_or_else(|| "token".to_owned());
        if let Err(p) = crate::validation::max_chars(&name, 80) {
            errors.add("name", p);
        }
        let scope = errors.take("scope", TokenScope::parse(scope));
        let days = match days.trim() {
            "" => Some(TOKEN_DAYS_DEFAULT),
            text => errors.take(
                "days",
                text.parse::<i64>()
                    .ok()
                    .filter(|d| (1..=TOKEN_DAYS_MAX).contains(d))
                    .ok_or_else(|| {
                        Problem::with_detail(ProblemKey::OutOfRange, format!("1–{TOKEN_DAYS_MAX}"))
                    }),
            ),
        };
        match (scope, days, errors.is_empty()) {
            (Some(scope), Some(days), true) => Ok(TokenRequest { name, scope, days }),
            _ => Err(errors),
        }
    }
}

/// Where a person may be sent after signing in: one of the platform's own pages, that is a path
/// under a language (`/fr/assessments/3?x=1`), or nothing. Refused: anything with a scheme or an
/// authority (`https://…`, `//host`), backslashes, whitespace and control characters (browsers
/// drop tabs and newlines from addresses, so `/\t/evil.example` would lead off-site),
/// non-ASCII text, and the same once percent-decoded.
pub fn page_after_sign_in(next: &str) -> Option<&str> {
    const LONGEST: usize = 2048;
    let visible = |text: &str| text.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    if next.len() > LONGEST || !visible(next) {
        return None;
    }
    let path = next.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    if !decoded
        .chars()
        .all(|c| !c.is_control() && !c.is_whitespace() && c != '\\')
    {
        return None;
    }
    let mut segments = path.strip_prefix('/')?.split('/');
    let first = segments.next().unwrap_or_default();
    if !crate::Lang::ALL.iter().any(|lang| lang.code() == first) {
        return None;
    }
    if decoded.starts_with("//") || decoded.contains("/../") || decoded.ends_with("/..") {
        return None;
    }
    Some(next)
}

/// Failed sign-ins allowed before an account is locked for a while.
pub const FREE_FAILURES: i64 = 5;

/// Until when sign-in stays locked after `failures` consecutive failures, the last at `last`:
/// after the free ones, one minute, doubling with each failure, at most an hour.
pub fn locked_until(failures: i64, last: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if failures < FREE_FAILURES {
        return None;
    }
    let exponent = (failures - FREE_FAILURES).min(6) as u32;
    let minutes = (1i64 << exponent).min(60);
    Some(last + Duration::minutes(minutes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn emails_are_normalised_or_refused() {
        assert_eq!(
            Email::parse(" Ana@Example.ORG ").map(|e| e.to_string()),
            Ok("ana@example.org".into())
        );
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.org",
            "ana@example",
            "a b@example.org",
            "ana@ex..org",
            "a@b@c.org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords_follow_the_rules() {
        let email = Email::parse("ana@example.org").expect("valid");
        assert!(check_new_password("short", &email).is_err());
        assert!(check_new_password("ana@example.org", &email).is_err());
        assert!(check_new_password("correct horse battery", &email).is_ok());
    }

    #[test]
    fn scopes_must_fit_roles() {
        assert!(Grant::new(Role::Secretariat, None, None).is_err());
        assert!(Grant::new(Role::Editor, Some("uccn".into()), Some(CityId::new(1))).is_err());
        assert!(Grant::new(Role::Editor, None, Some(CityId::new(1))).is_ok());
        assert!(Grant::new(Role::Expert, None, None).is_ok());
        assert!(Grant::new(Role::PlatformAdmin, Some("uccn".into()), None).is_err());
    }

    #[test]
    fn tokens_are_asked_for_with_a_scope_and_a_life_within_bounds() {
        let asked = TokenRequest::parse("", "", "").expect("defaults");
        assert_eq!(
            (asked.name.as_str(), asked.scope, asked.days),
            ("token", TokenScope::Write, TOKEN_DAYS_DEFAULT)
        );
        let read = TokenRequest::parse("reports", "read", "7").expect("valid");
        assert_eq!(read.scope, TokenScope::Read);
        assert!(!read.scope.allows(true) && read.scope.allows(false));
        let errors = TokenRequest::parse(&"x".repeat(81), "admin", "366").expect_err("invalid");
        for field in ["name", "scope", "days"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        assert!(TokenRequest::parse("x", "read", "0").is_err());
        assert!(TokenRequest::parse("x", "read", "-5").is_err());
    }

    #[test]
    fn only_the_platform_s_own_pages_follow_a_sign_in() {
        for good in [
            "/en",
            "/fr/assessments/3",
            "/es/practices?q=patrimonio&page=2",
            "/en/cities/bogot%C3%A1",
        ] {
            assert_eq!(page_after_sign_in(good), Some(good), "{good}");
        }
        for bad in [
            "",
            "/",
            "https://evil.example/en",
            "//evil.example/en",
            "/\t/evil.example",
            "/\r\n/evil.example",
            "/%09/evil.example",
            "/%0D%0A/evil.example",
            "/en/%0d%0aSet-Cookie:x=1",
            "/\\evil.example",
            "/en\\..\\evil",
            "/%5Cevil.example",
            "/%2F/evil.example",
            "/de/page",
            "/en/../../evil",
            "javascript:alert(1)",
            "/en/ space",
            "/en/ünïcode",
        ] {
            assert_eq!(page_after_sign_in(bad), None, "{bad:?}");
        }
    }

    proptest! {
        /// Whatever is accepted stays on the platform's host, under a language.
        #[test]
        fn an_accepted_next_never_leaves_the_site(next in "(/|//|\\\\|%2[fF]|%5[cC]|%0[9aAdD]|[a-z.:@]|\\.\\.|\\?|#|en|fr|\\t|\\n| ){0,12}") {
            if let Some(path) = page_after_sign_in(&next) {
                let base = url::Url::parse("https://ateneu.example/en/account").expect("base");
                let joined = base.join(path).expect("joins");
                prop_assert_eq!(joined.host_str(), Some("ateneu.example"));
                prop_assert_eq!(joined.scheme(), "https");
                let first = joined.path_segments().and_then(|mut s| s.next()).unwrap_or_default().to_owned();
                prop_assert!(["en", "fr", "es"].contains(&first.as_str()), "{}", joined);
            }
        }

        #[test]
        fn locks_grow_with_failures_and_stay_within_an_hour(failures in 0i64..100, extra in 1i64..10) {
            let now = Utc::now();
            let a = locked_until(failures, now);
            let b = locked_until(failures + extra, now);
            prop_assert_eq!(a.is_some(), failures >= FREE_FAILURES);
            if let (Some(a), Some(b)) = (a, b) { prop_assert!(a <= b); }
            if let Some(b) = b { prop_assert!(b - now <= Duration::hours(1) && b > now); }
        }
    }
}
