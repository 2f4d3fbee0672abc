//! The rules of testing a thematic module in a seminar: what participants propose for the
//! module's items (a comment, a new wording of an item in one to three languages, or a new
//! item of the module's own in all three), the secretariat's decision on each, and the revised
//! module those accepted yield as a new framework version, checked whole as any imported file.

use crate::assessments::RatingLevel;
use crate::assessments::keyed_enum;
use crate::frameworks::{ExtraItem, Framework, Trilingual, parse_toml, to_toml};
use crate::validation::max_chars;
use crate::{FieldErrors, Lang, Problem, ProblemKey};
use serde::{Deserialize, Serialize};

pub const MAX_TEXT: usize = 2_000;
pub const MAX_COMMENT: usize = 4_000;
/// The most proposals one seminar takes.
pub const MAX_PROPOSALS: u64 = 5_000;

keyed_enum!(
    /// What a proposal asks.
    ProposalKind, ProblemKey::UnknownValue, {
        Comment => "comment",
        Reword => "reword",
        Add => "add",
    }
);

keyed_enum!(
    /// The secretariat's decision on a proposal.
    Decision, ProblemKey::UnknownValue, {
        Pending => "pending",
        Accepted => "accepted",
        Rejected => "rejected",
    }
);

/// A proposal as stored: the item it is about (for a new item, the field or domain it goes
/// under), what it asks, the texts it gives by language, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalDraft {
    pub item: String,
    pub kind: ProposalKind,
    pub text_en: String,
    pub text_fr: String,
    pub text_es: String,
    pub comment: String,
}

impl ProposalDraft {
    /// The texts it gives, by language.
    pub fn texts(&self) -> [(Lang, &str); 3] {
        [
            (Lang::En, self.text_en.as_str()),
            (Lang::Fr, self.text_fr.as_str()),
            (Lang::Es, self.text_es.as_str()),
        ]
    }
}

/// The raw fields of a proposal's form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProposalInput {
    pub item: String,
    pub kind: String,
    pub text_en: String,
    pub text_fr: String,
    pub text_es: String,
    pub comment: String,
}

/// The keys a proposal may name in a module: the items it rates, and (for a new item) the
/// fields or domains its items may go under.
#[derive(Debug, Clone, Default)]
pub struct ModuleKeys {
    pub items: Vec<String>,
    pub parents: Vec<String>,
}

/// The keys of `module` in `framework` a proposal may name; none for an unknown module.
pub fn module_keys(framework: &Framework, module: &str) -> Option<ModuleKeys> {
    let module = framework.module(module)?;
    let rated = framework.rated_items(module);
    let mut parents: Vec<String> = Vec::new();
    for item in &rated {
        let parent = match module.level {
            RatingLevel::Action => &item.field,
            RatingLevel::Field => &item.domain,
        };
        if !parents.contains(parent) {
            parents.push(parent.clone());
        }
    }
    Some(ModuleKeys {
        items: rated.into_iter().map(|i| i.key).collect(),
        parents,
    })
}

impl ProposalInput {
    pub fn parse(&self, keys: &ModuleKeys) -> Result<ProposalDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = match self.kind.trim() {
            "" => Some(ProposalKind::Comment),
            given => errors.take("kind", ProposalKind::parse(given)),
        };
        let item = self.item.trim().to_owned();
        let allowed = match kind {
            Some(ProposalKind::Add) => &keys.parents,
            _ => &keys.items,
        };
        if !allowed.contains(&item) {
            errors.add(
                "item",
                Problem::with_detail(ProblemKey::UnknownValue, &item),
            );
        }
        let mut texts = [String::new(), String::new(), String::new()];
        for (n, (field, given)) in [
            ("text_en", &self.text_en),
            ("text_fr", &self.text_fr),
            ("text_es", &self.text_es),
        ]
        .into_iter()
        .enumerate()
        {
            let given = given.trim();
            match max_chars(given, MAX_TEXT) {
                Ok(()) => texts[n] = given.to_owned(),
                Err(problem) => errors.add(field, problem),
            }
        }
        let comment = self.comment.trim();
        if let Err(problem) = max_chars(comment, MAX_COMMENT) {
            errors.add("comment", problem);
        }
        match kind {
            Some(ProposalKind::Comment) if comment.is_empty() => {
                errors.add("comment", Problem::new(ProblemKey::Required));
            }
            Some(ProposalKind::Reword) if texts.iter().all(String::is_empty) => {
                errors.add("text_en", Problem::new(ProblemKey::Required));
            }
            Some(ProposalKind::Add) => {
                for (field, text) in ["text_en", "text_fr", "text_es"].iter().zip(&texts) {
                    if text.is_empty() {
                        errors.add(field, Problem::new(ProblemKey::MissingTranslation));
                    }
                }
            }
            _ => {}
        }
        let [text_en, text_fr, text_es] = texts;
        match kind {
            Some(kind) if errors.is_empty() => Ok(ProposalDraft {
                item,
                kind,
                text_en,
                text_fr,
                text_es,
                comment: comment.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

/// A new version's name: what a framework file takes as a version (letters, digits, dots,
/// hyphens), at most 40 characters, not the version revised.
pub fn new_version(given: &str, current: &str) -> Result<String, Problem> {
    let given = given.trim();
    let fits = !given.is_empty()
        && given.len() <= 40
        && given
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    if !fits {
        return Err(Problem::with_detail(ProblemKey::InvalidKey, given));
    }
    if given == current {
        return Err(Problem::with_detail(ProblemKey::DuplicateKey, given));
    }
    Ok(given.to_owned())
}

/// The text of any item, to change.
fn text_mut<'a>(framework: &'a mut Framework, key: &str) -> Option<&'a mut Trilingual> {
    for domain in &mut framework.domains {
        if domain.key == key {
            return Some(&mut domain.text);
        }
        for field in &mut domain.fields {
            if field.key == key {
                return Some(&mut field.text);
            }
            if let Some(action) = field.actions.iter_mut().find(|a| a.key == key) {
                return Some(&mut action.text);
            }
        }
    }
    framework
        .modules
        .iter_mut()
        .flat_map(|m| m.extra.iter_mut())
        .find(|e| e.key == key)
        .map(|e| &mut e.text)
}

/// The revised framework: `version` with the accepted proposals applied in order (a new
/// wording replaces the languages it gives; a new item joins `module` under its parent, keyed
/// `MODULE-xN`), read back from its file as any import is. Comments change nothing.
pub fn revise<'a>(
    framework: &Framework,
    module: &str,
    version: &str,
    accepted: impl IntoIterator<Item = &'a ProposalDraft>,
) -> Result<Framework, Problem> {
    let mut revised = framework.clone();
    revised.version = new_version(version, &framework.version)?;
    let mut added = 0usize;
    for proposal in accepted {
        match proposal.kind {
            ProposalKind::Comment => {}
            ProposalKind::Reword => {
                let text = text_mut(&mut revised, &proposal.item).ok_or_else(|| {
                    Problem::with_detail(ProblemKey::UnknownValue, &proposal.item)
                })?;
                for (lang, given) in proposal.texts() {
                    if !given.is_empty() {
                        match lang {
                            Lang::En => text.en = given.to_owned(),
                            Lang::Fr => text.fr = given.to_owned(),
                            Lang::Es => text.es = given.to_owned(),
                        }
                    }
                }
            }
            ProposalKind::Add => {
                let existing: Vec<String> = revised
                    .modules
                    .iter()
                    .flat_map(|m| m.extra.iter().map(|e| e.key.clone()))
                    .collect();
                let key = loop {
                    added += 1;
                    let key = format!("{module}-x{added}");
                    if !existing.contains(&key) && revised.locate(&key).is_none() {
                        break key;
                    }
                };
                let target = revised
                    .modules
                    .iter_mut()
                    .find(|m| m.key == module)
                    .ok_or_else(|| Problem::with_detail(ProblemKey::UnknownValue, module))?;
                target.extra.push(ExtraItem {
                    key,
                    parent: proposal.item.clone(),
                    text: Trilingual {
                        en: proposal.text_en.clone(),
                        fr: proposal.text_fr.clone(),
                        es: proposal.text_es.clone(),
                    },
                });
            }
        }
    }
    // The revision is a framework file like any other: checked whole.
    parse_toml(&to_toml(&revised)).map_err(|problems| {
        let first = problems.first();
        Problem::with_detail(
            first.map_or(ProblemKey::InvalidFile, |p| p.key),
            first.map_or(String::new(), |p| p.detail.clone()),
        )
    })
}

#[cfg(test)]
mod tests;
