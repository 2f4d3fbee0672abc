//! Inquiries a Leading City sends the secretariat about its programme (the terms name a
//! mailbox: here each is a request with a subject, a message, a status — open, answered,
//! closed — and the secretariat's answer). An answered inquiry carries its answer.

use super::{MAX_TEXT, text};
use crate::assessments::keyed_enum;
use crate::{FieldErrors, Problem, ProblemKey};
use serde::{Deserialize, Serialize};

pub const MAX_SUBJECT: usize = 200;

keyed_enum!(
    /// Where an inquiry stands.
    InquiryStatus, ProblemKey::UnknownValue, {
        Open => "open",
        Answered => "answered",
        Closed => "closed",
    }
);

/// An inquiry as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryDraft {
    pub subject: String,
    pub message: String,
}

/// The raw fields of an inquiry's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InquiryInput {
    pub subject: String,
    pub message: String,
}

impl InquiryInput {
    /// An inquiry has a subject and a message.
    pub fn parse(&self) -> Result<InquiryDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let subject = text(&mut errors, "subject", &self.subject, MAX_SUBJECT);
        let message = text(&mut errors, "message", &self.message, MAX_TEXT);
        for (field, value) in [("subject", &subject), ("message", &message)] {
            if value.is_empty() {
                errors.add(field, Problem::new(ProblemKey::Required));
            }
        }
        errors.into_result(|| InquiryDraft { subject, message })
    }
}

/// The secretariat's reply as stored: the status it leaves and the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyDraft {
    pub status: InquiryStatus,
    pub answer: String,
}

/// The raw fields of the secretariat's reply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReplyInput {
    /// `open`, `answered` or `closed`; empty means answered.
    pub status: String,
    pub answer: String,
}

impl ReplyInput {
    /// An answered inquiry has its answer.
    pub fn parse(&self) -> Result<ReplyDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let status = if self.status.trim().is_empty() {
            Some(InquiryStatus::Answered)
        } else {
            errors.take("status", InquiryStatus::parse(&self.status))
        };
        let answer = text(&mut errors, "answer", &self.answer, MAX_TEXT);
        if status == Some(InquiryStatus::Answered) && answer.is_empty() {
            errors.add("answer", Problem::new(ProblemKey::Required));
        }
        match status {
            Some(status) if errors.is_empty() => Ok(ReplyDraft { status, answer }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inquiry_has_a_subject_and_a_message() {
        let refused = InquiryInput::default().parse().expect_err("refused");
        assert!(refused.get("subject").is_some() && refused.get("message").is_some());
        let sent = InquiryInput {
            subject: " Budget ".into(),
            message: "Can the seminar move to June?".into(),
        }
        .parse()
        .expect("valid");
        assert_eq!(sent.subject, "Budget");
        let long = InquiryInput {
            subject: "x".repeat(MAX_SUBJECT + 1),
            message: "m".into(),
        }
        .parse()
        .expect_err("too long");
        assert_eq!(
            long.get("subject").map(|p| p.key),
            Some(ProblemKey::TooLong)
        );
    }

    #[test]
    fn an_answer_comes_with_an_answered_inquiry() {
        let refused = ReplyInput::default().parse().expect_err("no answer");
        assert_eq!(
            refused.get("answer").map(|p| p.key),
            Some(ProblemKey::Required)
        );
        let closed = ReplyInput {
            status: "closed".into(),
            ..Default::default()
        }
        .parse()
        .expect("closing needs no answer");
        assert_eq!(closed.status, InquiryStatus::Closed);
        assert!(
            ReplyInput {
                status: "lost".into(),
                answer: "a".into()
            }
            .parse()
            .is_err()
        );
    }
}
