//! Typed ids of the main records, so that one cannot be passed where another is expected (the
//! invitation and the assessment of `save_response`, say). Records adopt them one by one; those
//! still on a bare `i64` are listed in ARCHITECTURE.md.
//!
//! Each is the record's database id and nothing more: it reads and writes as the bare number
//! (in JSON, in paths, in forms), and `get` gives the number to storage at its edge.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! record_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            /// The id a stored record has (the database's number).
            #[must_use]
            pub const fn new(raw: i64) -> Self {
                Self(raw)
            }

            /// The number storage keeps.
            #[must_use]
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map(Self)
            }
        }
    };
}

record_id!(
    /// A city (or any local or regional government) of the registry.
    CityId
);
record_id!(
    /// A period of a city's membership of a network.
    MembershipId
);
record_id!(
    /// A person's account.
    AccountId
);
record_id!(
    /// A stored version of an assessment framework.
    FrameworkVersionId
);
record_id!(
    /// A self-assessment (a Culture 21 Lab).
    AssessmentId
);
record_id!(
    /// An invitation to take part in an assessment.
    InvitationId
);
record_id!(
    /// A good practice.
    PracticeId
);
record_id!(
    /// An output of a programme's activity or of an assessment (a report, a plan, an article).
    OutputId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_reads_and_writes_as_its_bare_number() {
        let id = InvitationId::new(42);
        assert_eq!(id.get(), 42);
        assert_eq!(id.to_string(), "42");
        assert_eq!("42".parse::<InvitationId>(), Ok(id));
        assert!("4x".parse::<InvitationId>().is_err());
        assert_eq!(serde_json::to_string(&id).ok().as_deref(), Some("42"));
        assert_eq!(serde_json::from_str::<InvitationId>("42").ok(), Some(id));
        assert!(serde_json::from_str::<InvitationId>("\"42\"").is_err());
    }
}
