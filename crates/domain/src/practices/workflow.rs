//! A practice's way from draft to publication: the stages, the steps between them, and which
//! duty (editing, reviewing, publishing) each step needs.

use crate::ProblemKey;
use crate::validation::Problem;
use serde::{Deserialize, Serialize};

/// Where a practice stands in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Draft,
    Submitted,
    InReview,
    ChangesRequested,
    Approved,
    Published,
    Archived,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Draft,
        Stage::Submitted,
        Stage::InReview,
        Stage::ChangesRequested,
        Stage::Approved,
        Stage::Published,
        Stage::Archived,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Submitted => "submitted",
            Stage::InReview => "in_review",
            Stage::ChangesRequested => "changes_requested",
            Stage::Approved => "approved",
            Stage::Published => "published",
            Stage::Archived => "archived",
        }
    }

    pub fn parse(value: &str) -> Result<Stage, Problem> {
        Self::ALL
            .into_iter()
            .find(|s| s.key() == value.trim())
            .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownValue, value.trim()))
    }

    /// The city's editors change the content only while it is theirs: before submission, or
    /// when the reviewer sent it back.
    pub fn editable_by_city(self) -> bool {
        matches!(self, Stage::Draft | Stage::ChangesRequested)
    }

    /// Anyone with the right may change the content except once archived.
    pub fn is_open(self) -> bool {
        self != Stage::Archived
    }

    /// Whether the public sees it.
    pub fn is_public(self) -> bool {
        self == Stage::Published
    }

    /// Only a published practice is featured on the home page or scheduled for a newsletter
    /// (taking both off is always allowed).
    pub fn check_promotion(self, featured: bool, scheduled: bool) -> Result<(), Problem> {
        if (featured || scheduled) && !self.is_public() {
            Err(Problem::new(ProblemKey::PracticeNotPublished))
        } else {
            Ok(())
        }
    }
}

/// A comment on a practice outside the steps: an expert's advice or a reviewer's note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentKind {
    Advice,
    Review,
}

impl CommentKind {
    pub fn key(self) -> &'static str {
        match self {
            CommentKind::Advice => "advice",
            CommentKind::Review => "review",
        }
    }

    pub fn parse(value: &str) -> Result<CommentKind, Problem> {
        match value.trim() {
            "advice" => Ok(CommentKind::Advice),
            "review" => Ok(CommentKind::Review),
            other => Err(Problem::with_detail(ProblemKey::UnknownValue, other)),
        }
    }
}

/// The most a comment may say.
pub const COMMENT_MAX_CHARS: usize = 5000;

/// A comment's text: required, at most `COMMENT_MAX_CHARS` characters, trimmed.
pub fn parse_comment(body: &str) -> Result<&str, Problem> {
    let body = body.trim();
    if body.is_empty() {
        return Err(Problem::new(ProblemKey::Required));
    }
    crate::validation::max_chars(body, COMMENT_MAX_CHARS)?;
    Ok(body)
}

/// Something done to a practice's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The city sends it for review (also after changes were requested).
    Submit,
    /// The city takes a submitted practice back to edit it.
    Withdraw,
    /// A reviewer takes it up.
    StartReview,
    /// A reviewer sends it back with a comment.
    RequestChanges,
    Approve,
    Publish,
    /// Off the public site, kept.
    Archive,
    /// Back to published from the archive.
    Restore,
}

/// What a step needs the person to be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duty {
    Edit,
    Review,
    Publish,
}

impl Step {
    pub const ALL: [Step; 8] = [
        Step::Submit,
        Step::Withdraw,
        Step::StartReview,
        Step::RequestChanges,
        Step::Approve,
        Step::Publish,
        Step::Archive,
        Step::Restore,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Step::Submit => "submit",
            Step::Withdraw => "withdraw",
            Step::StartReview => "start_review",
            Step::RequestChanges => "request_changes",
            Step::Approve => "approve",
            Step::Publish => "publish",
            Step::Archive => "archive",
            Step::Restore => "restore",
        }
    }

    pub fn parse(value: &str) -> Result<Step, Problem> {
        Self::ALL
            .into_iter()
            .find(|s| s.key() == value.trim())
            .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownValue, value.trim()))
    }

    pub fn duty(self) -> Duty {
        match self {
            Step::Submit | Step::Withdraw => Duty::Edit,
            Step::StartReview | Step::RequestChanges | Step::Approve => Duty::Review,
            Step::Publish | Step::Archive | Step::Restore => Duty::Publish,
        }
    }

    /// Whether the step must say why (a request for changes must).
    pub fn needs_comment(self) -> bool {
        self == Step::RequestChanges
    }

    /// The stage a step leads to from `from`, or why it cannot be taken. `complete` says
    /// whether the practice's checklist is complete, which submission needs.
    pub fn apply(self, from: Stage, complete: bool, comment: &str) -> Result<Stage, Problem> {
        let to = match (self, from) {
            (Step::Submit, Stage::Draft | Stage::ChangesRequested) => Stage::Submitted,
            (Step::Withdraw, Stage::Submitted) => Stage::Draft,
            (Step::StartReview, Stage::Submitted) => Stage::InReview,
            (Step::RequestChanges, Stage::Submitted | Stage::InReview | Stage::Approved) => {
                Stage::ChangesRequested
            }
            (Step::Approve, Stage::Submitted | Stage::InReview) => Stage::Approved,
            (Step::Publish, Stage::Approved) => Stage::Published,
            (Step::Archive, Stage::Published | Stage::Approved) => Stage::Archived,
            (Step::Restore, Stage::Archived) => Stage::Published,
            _ => {
                return Err(Problem::with_detail(
                    ProblemKey::StepNotAllowed,
                    format!("{} → {}", from.key(), self.key()),
                ));
            }
        };
        if self == Step::Submit && !complete {
            return Err(Problem::new(ProblemKey::PracticeIncomplete));
        }
        if self.needs_comment() && comment.trim().is_empty() {
            return Err(Problem::new(ProblemKey::CommentRequired));
        }
        Ok(to)
    }

    /// The steps that can be taken from a stage (whoever may take them).
    pub fn from(stage: Stage) -> Vec<Step> {
        Self::ALL
            .into_iter()
            .filter(|step| step.apply(stage, true, "-").is_ok())
            .collect()
    }
}
