//! A programme's memorandum of understanding (or convention): its kind, signatories (name,
//! position, side — the city or UCLG — and organisation), the day it was signed, a summary and
//! the title of each language version. Signing is recorded only while the programme is proposed
//! or its MoU signed, on a day neither in the future nor before UCLG existed.

use super::{MAX_TEXT, ProgrammeStatus, text};
use crate::assessments::keyed_enum;
use crate::{FieldErrors, Lang, Problem, ProblemKey};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MAX_SIGNATORIES: usize = 20;
pub const MAX_NAME: usize = 200;
pub const MAX_TITLE: usize = 300;
/// No memorandum is signed before UCLG was founded (May 2004).
pub const EARLIEST_SIGNING: (i32, u32, u32) = (2004, 5, 1);

keyed_enum!(
    /// What formalises the programme.
    MouKind, ProblemKey::UnknownValue, {
        Mou => "mou",
        Convention => "convention",
    }
);

keyed_enum!(
    /// Which party a signatory signs for.
    Side, ProblemKey::UnknownValue, {
        City => "city",
        Uclg => "uclg",
    }
);

/// A person who signs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    pub name: String,
    pub position: String,
    pub side: Side,
    pub organisation: String,
}

/// A signatory's raw fields (a JSON object, or a line of the form's text).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignatoryInput {
    pub name: String,
    pub position: String,
    /// `city` or `uclg`.
    pub side: String,
    pub organisation: String,
}

/// The form's signatories: one a line, `name | position | side | organisation`.
pub fn signatories_from_lines(text: &str) -> Vec<SignatoryInput> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut parts = line.split('|').map(|p| p.trim().to_owned());
            SignatoryInput {
                name: parts.next().unwrap_or_default(),
                position: parts.next().unwrap_or_default(),
                side: parts.next().unwrap_or_default(),
                organisation: parts.collect::<Vec<_>>().join(" "),
            }
        })
        .collect()
}

/// The signatories as the form's lines.
pub fn signatories_to_lines(signatories: &[Signatory]) -> String {
    signatories
        .iter()
        .map(|s| {
            format!(
                "{} | {} | {} | {}",
                s.name,
                s.position,
                s.side.key(),
                s.organisation
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The memorandum as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MouDraft {
    pub kind: MouKind,
    pub signatories: Vec<Signatory>,
    /// The day it was signed; none while it is being prepared.
    pub signed_on: Option<NaiveDate>,
    pub summary: String,
    pub title_en: String,
    pub title_fr: String,
    pub title_es: String,
}

impl MouDraft {
    /// The title of its version in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.title_en,
            Lang::Fr => &self.title_fr,
            Lang::Es => &self.title_es,
        }
    }
}

/// The raw fields of the memorandum's JSON body (the form sends its signatories as lines).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MouInput {
    /// `mou` or `convention`; empty means `mou`.
    pub kind: String,
    pub signatories: Vec<SignatoryInput>,
    /// `YYYY-MM-DD`, or empty while unsigned.
    pub signed_on: String,
    pub summary: String,
    pub title_en: String,
    pub title_fr: String,
    pub title_es: String,
}

/// Whether a memorandum may be recorded as signed on a programme in this status: while it is
/// proposed, or once its MoU is signed (to correct the record).
pub fn may_record_signing(status: ProgrammeStatus) -> bool {
    matches!(
        status,
        ProgrammeStatus::Proposed | ProgrammeStatus::MouSigned
    )
}

fn earliest() -> NaiveDate {
    let (y, m, d) = EARLIEST_SIGNING;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

impl MouInput {
    /// Checks every field. `status` is the programme's, `before` the day it was signed as
    /// stored (a signing already recorded may stay whatever the status), `today` the day.
    pub fn parse(
        &self,
        status: ProgrammeStatus,
        before: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<MouDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = if self.kind.trim().is_empty() {
            Some(MouKind::Mou)
        } else {
            errors.take("kind", MouKind::parse(&self.kind))
        };
        let signed_on = match self.signed_on.trim() {
            "" => None,
            given => errors.take("signed_on", crate::memberships::parse_date(given)),
        };
        if let Some(day) = signed_on {
            if day > today || day < earliest() {
                errors.add(
                    "signed_on",
                    Problem::with_detail(
                        ProblemKey::SigningDateOutOfBounds,
                        format!("{} – {today}", earliest()),
                    ),
                );
            } else if before != Some(day) && !may_record_signing(status) {
                errors.add(
                    "signed_on",
                    Problem::with_detail(ProblemKey::SigningNotAllowed, status.key()),
                );
            }
        }
        let mut signatories = Vec::new();
        if self.signatories.len() > MAX_SIGNATORIES {
            errors.add(
                "signatories",
                Problem::with_detail(ProblemKey::TooLong, MAX_SIGNATORIES.to_string()),
            );
        }
        for (n, s) in self.signatories.iter().enumerate() {
            let side = Side::parse(&s.side).ok();
            let name = s.name.trim();
            if name.is_empty() || side.is_none() || name.chars().count() > MAX_NAME {
                errors.add(
                    "signatories",
                    Problem::with_detail(ProblemKey::InvalidSignatory, (n + 1).to_string()),
                );
                continue;
            }
            if let Some(side) = side {
                signatories.push(Signatory {
                    name: name.to_owned(),
                    position: s.position.trim().chars().take(MAX_NAME).collect(),
                    side,
                    organisation: s.organisation.trim().chars().take(MAX_NAME).collect(),
                });
            }
        }
        if signed_on.is_some() && self.signatories.is_empty() {
            errors.add("signatories", Problem::new(ProblemKey::Required));
        }
        let summary = text(&mut errors, "summary", &self.summary, MAX_TEXT);
        let title_en = text(&mut errors, "title_en", &self.title_en, MAX_TITLE);
        let title_fr = text(&mut errors, "title_fr", &self.title_fr, MAX_TITLE);
        let title_es = text(&mut errors, "title_es", &self.title_es, MAX_TITLE);
        match kind {
            Some(kind) if errors.is_empty() => Ok(MouDraft {
                kind,
                signatories,
                signed_on,
                summary,
                title_en,
                title_fr,
                title_es,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a day")
    }

    fn signed(on: &str) -> MouInput {
        MouInput {
            signed_on: on.into(),
            signatories: signatories_from_lines(
                "Ana Pérez | Mayor | city | Buenos Aires\nJordi Pascual | Coordinator | uclg | UCLG",
            ),
            ..Default::default()
        }
    }

    #[test]
    fn a_memorandum_is_signed_while_proposed_on_a_sensible_day() {
        let today = day("2026-06-01");
        let draft = signed("2026-05-20")
            .parse(ProgrammeStatus::Proposed, None, today)
            .expect("valid");
        assert_eq!(draft.kind, MouKind::Mou);
        assert_eq!(draft.signatories.len(), 2);
        assert_eq!(draft.signatories[1].side, Side::Uclg);
        assert!(
            signed("2026-05-20")
                .parse(ProgrammeStatus::MouSigned, None, today)
                .is_ok()
        );
        let refused = |on: &str, status, before| {
            signed(on)
                .parse(status, before, today)
                .expect_err("refused")
                .get("signed_on")
                .map(|p| p.key)
        };
        assert_eq!(
            refused("2026-06-02", ProgrammeStatus::Proposed, None),
            Some(ProblemKey::SigningDateOutOfBounds),
            "not in the future"
        );
        assert_eq!(
            refused("1999-01-01", ProgrammeStatus::Proposed, None),
            Some(ProblemKey::SigningDateOutOfBounds),
            "not before UCLG"
        );
        assert_eq!(
            refused("2026-05-20", ProgrammeStatus::InConsultation, None),
            Some(ProblemKey::SigningNotAllowed)
        );
        assert_eq!(
            refused(
                "2026-05-20",
                ProgrammeStatus::Active,
                Some(day("2026-05-19"))
            ),
            Some(ProblemKey::SigningNotAllowed),
            "a running programme's signing day is not moved"
        );
        assert!(
            signed("2026-05-20")
                .parse(ProgrammeStatus::Active, Some(day("2026-05-20")), today)
                .is_ok(),
            "a signing already recorded stays"
        );
        let unsigned = MouInput::default()
            .parse(ProgrammeStatus::InConsultation, None, today)
            .expect("a memorandum in preparation");
        assert_eq!(unsigned.signed_on, None);
    }

    #[test]
    fn signatories_are_named_with_their_side() {
        let today = day("2026-06-01");
        let mut input = signed("2026-05-20");
        input.signatories =
            signatories_from_lines("Ana | Mayor | city | BA\n | x | uclg\nBob | | mars");
        let errors = input
            .parse(ProgrammeStatus::Proposed, None, today)
            .expect_err("refused");
        let problem = errors.get("signatories").expect("a problem");
        assert_eq!(problem.key, ProblemKey::InvalidSignatory);
        input.signatories.clear();
        let errors = input
            .parse(ProgrammeStatus::Proposed, None, today)
            .expect_err("a signed memorandum has signatories");
        assert_eq!(
            errors.get("signatories").map(|p| p.key),
            Some(ProblemKey::Required)
        );
        let lines = "Ana | Mayor | city | BA";
        let parsed = MouInput {
            signatories: signatories_from_lines(lines),
            ..Default::default()
        }
        .parse(ProgrammeStatus::Proposed, None, today)
        .expect("valid");
        assert_eq!(signatories_to_lines(&parsed.signatories), lines);
        let bad_kind = MouInput {
            kind: "treaty".into(),
            ..Default::default()
        }
        .parse(ProgrammeStatus::Proposed, None, today)
        .expect_err("refused");
        assert!(bad_kind.get("kind").is_some());
    }
}
