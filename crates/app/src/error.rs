//! The one error of the use cases: what went wrong in the users' terms (not found, not allowed,
//! bad fields, bad lines of a file, a conflict). The web maps it to statuses and pages; the
//! command line to a message and an exit status.

use ateneu_db::DbError;
use ateneu_domain::csv_format::LineError;
use ateneu_domain::{FieldErrors, Problem};

#[derive(Debug, Clone)]
pub enum Error {
    NotFound,
    /// The thing asked for by an earlier name (a city's old slug): the same request with the
    /// `from` segment replaced by `to` answers.
    Moved {
        from: String,
        to: String,
    },
    Forbidden,
    /// Refused for a stated reason, such as a read-only token asked to write.
    Denied(Problem),
    SignInRequired,
    /// A form or body with bad fields.
    Invalid(FieldErrors),
    /// A file with bad lines.
    Lines(Vec<LineError>),
    BadRequest(Problem),
    Conflict(Problem),
    /// A body or file over its limit.
    TooLarge(Problem),
    /// A file of a type that is not taken.
    Unsupported(Problem),
    TooManyAttempts,
    /// The database is out of reach or out of room just now; the request may succeed later.
    Unavailable(String),
    Internal(String),
}

impl Error {
    /// A form with one bad field.
    pub fn field(field: &str, problem: Problem) -> Error {
        let mut errors = FieldErrors::new();
        errors.add(field, problem);
        Error::Invalid(errors)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Internal(message) => write!(f, "internal error: {message}"),
            Error::Lines(lines) => {
                for line in lines {
                    writeln!(f, "line {}: {}", line.line, line.problem.key.as_str())?;
                }
                Ok(())
            }
            other => write!(f, "{other:?}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<DbError> for Error {
    fn from(error: DbError) -> Self {
        match error {
            DbError::NotFound => Error::NotFound,
            DbError::Conflict(key) => Error::Conflict(Problem::new(key)),
            DbError::Unavailable(cause) => Error::Unavailable(cause),
            other => Error::Internal(other.to_string()),
        }
    }
}

impl From<FieldErrors> for Error {
    fn from(errors: FieldErrors) -> Self {
        Error::Invalid(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ateneu_domain::ProblemKey;

    #[test]
    fn storage_errors_become_the_users_terms() {
        assert!(matches!(Error::from(DbError::NotFound), Error::NotFound));
        match Error::from(DbError::Conflict(ProblemKey::SlugTaken)) {
            Error::Conflict(problem) => assert_eq!(problem.key, ProblemKey::SlugTaken),
            other => panic!("{other:?}"),
        }
        let one = Error::field("email", Problem::new(ProblemKey::Required));
        match one {
            Error::Invalid(errors) => assert!(!errors.is_empty()),
            other => panic!("{other:?}"),
        }
    }
}
