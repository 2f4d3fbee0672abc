//! What a programme's activities yield: an output (its kind, title, summary, link, and its
//! visibility: the catalogue's default for the activity unless chosen otherwise, confidential
//! when nothing says), its language versions with their translation status and translator, and
//! its dissemination log (channel, day, link, language).

use super::catalogue::{CatalogueActivity, OutputKind};
use super::{MAX_PEOPLE, MAX_TEXT, date, text};
use crate::assessments::{Visibility, keyed_enum};
use crate::validation::non_empty;
use crate::{FieldErrors, Lang, Problem, ProblemKey};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MAX_TITLE: usize = 300;
pub const MAX_LINK: usize = 2_000;

keyed_enum!(
    /// Where a language version of an output stands.
    TranslationStatus, ProblemKey::UnknownValue, {
        Original => "original",
        Wanted => "wanted",
        InTranslation => "in_translation",
        Translated => "translated",
    }
);

impl TranslationStatus {
    /// The secretariat's queue: versions asked for and not done yet.
    pub fn waits(self) -> bool {
        matches!(
            self,
            TranslationStatus::Wanted | TranslationStatus::InTranslation
        )
    }
}

keyed_enum!(
    /// Where an output was disseminated.
    Channel, ProblemKey::UnknownValue, {
        Website => "website",
        Newsletter => "newsletter",
        Instagram => "instagram",
        X => "x",
        Linkedin => "linkedin",
        UclgReport => "uclg_report",
        Event => "event",
        Other => "other",
    }
);

/// An output as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputDraft {
    /// The activity that yields it.
    pub activity_id: Option<i64>,
    pub kind: OutputKind,
    pub title: String,
    pub summary: String,
    /// Where it lives (a video's hosting page, a published article…).
    pub link: Option<String>,
    pub visibility: Visibility,
}

/// The raw fields of an output's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OutputInput {
    /// The activity's id, or empty.
    pub activity: String,
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub link: String,
    /// `public`, `network`, `confidential`; empty takes the catalogue's default.
    pub visibility: String,
}

pub(super) fn link(errors: &mut FieldErrors, field: &str, value: &str) -> Option<String> {
    let value = non_empty(value.trim())?;
    if !(value.starts_with("https://") || value.starts_with("http://")) || value.len() > MAX_LINK {
        errors.add(field, Problem::new(ProblemKey::InvalidUrl));
        return None;
    }
    Some(value)
}

/// The visibility the terms give an output of this kind from this activity; confidential when
/// the catalogue says nothing (nothing is published by default).
pub fn default_visibility(activity: Option<&CatalogueActivity>, kind: OutputKind) -> Visibility {
    activity
        .and_then(|a| a.outputs.iter().find(|o| o.kind == kind))
        .map_or(Visibility::Confidential, |o| o.visibility)
}

impl OutputInput {
    /// Checks every field; `activities` are the programme's (id, catalogue entry).
    pub fn parse(
        &self,
        activities: &[(i64, Option<&CatalogueActivity>)],
    ) -> Result<OutputDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let activity = match self.activity.trim() {
            "" => None,
            given => match given
                .parse::<i64>()
                .ok()
                .and_then(|id| activities.iter().find(|(a, _)| *a == id))
            {
                Some(found) => Some(*found),
                None => {
                    errors.add(
                        "activity",
                        Problem::with_detail(ProblemKey::UnknownActivity, given),
                    );
                    None
                }
            },
        };
        let kind = errors.take("kind", OutputKind::parse(&self.kind));
        let title = text(&mut errors, "title", &self.title, MAX_TITLE);
        if title.is_empty() {
            errors.add("title", Problem::new(ProblemKey::Required));
        }
        let summary = text(&mut errors, "summary", &self.summary, MAX_TEXT);
        let link = link(&mut errors, "link", &self.link);
        let visibility = if self.visibility.trim().is_empty() {
            kind.map(|kind| default_visibility(activity.and_then(|(_, entry)| entry), kind))
        } else {
            errors.take("visibility", Visibility::parse(&self.visibility))
        };
        match (kind, visibility) {
            (Some(kind), Some(visibility)) if errors.is_empty() => Ok(OutputDraft {
                activity_id: activity.map(|(id, _)| id),
                kind,
                title,
                summary,
                link,
                visibility,
            }),
            _ => Err(errors),
        }
    }
}

/// A language version of an output as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionDraft {
    pub lang: Lang,
    pub status: TranslationStatus,
    pub translator: String,
    /// The version's own title, when translated.
    pub title: String,
    pub link: Option<String>,
}

/// The raw fields of a language version's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VersionInput {
    pub lang: String,
    pub status: String,
    pub translator: String,
    pub title: String,
    pub link: String,
}

impl VersionInput {
    pub fn parse(&self) -> Result<VersionDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let lang =
            errors.take(
                "lang",
                self.lang.trim().parse::<Lang>().ok().ok_or_else(|| {
                    Problem::with_detail(ProblemKey::UnknownLanguage, self.lang.trim())
                }),
            );
        let status = errors.take("status", TranslationStatus::parse(&self.status));
        let translator = text(&mut errors, "translator", &self.translator, MAX_PEOPLE);
        let title = text(&mut errors, "title", &self.title, MAX_TITLE);
        let link = link(&mut errors, "link", &self.link);
        match (lang, status) {
            (Some(lang), Some(status)) if errors.is_empty() => Ok(VersionDraft {
                lang,
                status,
                translator,
                title,
                link,
            }),
            _ => Err(errors),
        }
    }
}

/// An entry of an output's dissemination log as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisseminationDraft {
    pub channel: Channel,
    pub on: NaiveDate,
    pub link: Option<String>,
    pub lang: Option<Lang>,
    pub note: String,
}

/// The raw fields of a dissemination entry's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DisseminationInput {
    pub channel: String,
    pub on: String,
    pub link: String,
    /// `en`, `fr`, `es`, or empty.
    pub lang: String,
    pub note: String,
}

impl DisseminationInput {
    pub fn parse(&self) -> Result<DisseminationDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let channel = errors.take("channel", Channel::parse(&self.channel));
        let on = date(&mut errors, "on", &self.on);
        let link = link(&mut errors, "link", &self.link);
        let lang = match self.lang.trim() {
            "" => None,
            code => {
                let parsed = code.parse::<Lang>().ok();
                if parsed.is_none() {
                    errors.add(
                        "lang",
                        Problem::with_detail(ProblemKey::UnknownLanguage, code),
                    );
                }
                parsed
            }
        };
        let note = text(&mut errors, "note", &self.note, MAX_TEXT);
        match (channel, on) {
            (Some(channel), Some(on)) if errors.is_empty() => Ok(DisseminationDraft {
                channel,
                on,
                link,
                lang,
                note,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programmes::catalogue;

    #[test]
    fn an_output_takes_the_catalogue_s_visibility_unless_chosen() {
        let catalogue = catalogue::bundled().expect("the catalogue");
        let seminar = catalogue.activity("peer-learning-seminar");
        let activities = [(7, seminar), (8, None)];
        let input = |activity: &str, kind: &str, visibility: &str| OutputInput {
            activity: activity.into(),
            kind: kind.into(),
            title: "An output".into(),
            visibility: visibility.into(),
            ..Default::default()
        };
        let article = input("7", "public_article", "")
            .parse(&activities)
            .expect("valid");
        assert_eq!(article.visibility, Visibility::Public);
        assert_eq!(article.activity_id, Some(7));
        let custom = input("8", "public_article", "")
            .parse(&activities)
            .expect("valid");
        assert_eq!(
            custom.visibility,
            Visibility::Confidential,
            "a custom activity says nothing"
        );
        let chosen = input("7", "public_article", "network")
            .parse(&activities)
            .expect("valid");
        assert_eq!(chosen.visibility, Visibility::Network);
        let bad = OutputInput {
            activity: "9".into(),
            kind: "poem".into(),
            link: "javascript:alert(1)".into(),
            ..Default::default()
        }
        .parse(&activities)
        .expect_err("refused");
        for (field, key) in [
            ("activity", ProblemKey::UnknownActivity),
            ("kind", ProblemKey::UnknownValue),
            ("title", ProblemKey::Required),
            ("link", ProblemKey::InvalidUrl),
        ] {
            assert_eq!(bad.get(field).map(|p| p.key), Some(key), "{field}");
        }
    }

    #[test]
    fn a_dissemination_has_a_channel_and_a_day() {
        let entry = DisseminationInput {
            channel: "linkedin".into(),
            on: "2026-06-15".into(),
            lang: "fr".into(),
            ..Default::default()
        }
        .parse()
        .expect("valid");
        assert_eq!(entry.channel, Channel::Linkedin);
        assert_eq!(entry.lang, Some(Lang::Fr));
        let bad = DisseminationInput {
            lang: "de".into(),
            ..Default::default()
        }
        .parse()
        .expect_err("refused");
        assert!(bad.get("channel").is_some() && bad.get("on").is_some());
        assert_eq!(
            bad.get("lang").map(|p| p.key),
            Some(ProblemKey::UnknownLanguage)
        );
        assert!(TranslationStatus::Wanted.waits() && !TranslationStatus::Translated.waits());
    }
}
