//! The guided form's steps: which parts of a practice each one holds, the values a step's form
//! shows (from the record, or as sent back), the fields with their word counts and limits, and
//! the change a step's form makes.

use super::Loaded;
use crate::AppState;
use crate::error::AppError;
use crate::layout::{self, Field};
use crate::viewer::Viewer;
use ateneu_domain::practices::checklist::Check;
use ateneu_domain::practices::edit::{
    MediaDescriptionInput, MediaInput, PartnerInput, PracticeEdit,
};
use ateneu_domain::practices::{
    Contact, Limit, MediaKind, PartnerKind, PracticeRecord, PracticeStatus, TextField, markdown,
};
use ateneu_domain::{FieldErrors, Lang};
use maud::{Markup, html};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A step of the guided form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Basics,
    Description,
    Results,
    Partners,
    Tags,
    Review,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Basics,
        Step::Description,
        Step::Results,
        Step::Partners,
        Step::Tags,
        Step::Review,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Step::Basics => "basics",
            Step::Description => "description",
            Step::Results => "results",
            Step::Partners => "partners",
            Step::Tags => "tags",
            Step::Review => "review",
        }
    }

    pub fn parse(value: &str) -> Option<Step> {
        Self::ALL.into_iter().find(|s| s.key() == value.trim())
    }

    pub fn texts(self) -> &'static [TextField] {
        match self {
            Step::Basics => &[TextField::Title, TextField::Summary],
            Step::Description => &[
                TextField::Context,
                TextField::Objectives,
                TextField::Implementation,
            ],
            Step::Results => &[TextField::Results, TextField::Lessons, TextField::Budget],
            _ => &[],
        }
    }

    /// Whether a translator has texts to translate in this step.
    pub fn has_texts(self) -> bool {
        !self.texts().is_empty()
    }

    /// The steps of the form: every one for an editor; for a translator, those with texts,
    /// and the media's descriptions when there are media.
    pub fn shown(record: &PracticeRecord, translating: bool) -> Vec<Step> {
        Self::ALL
            .into_iter()
            .filter(|s| {
                !translating || s.has_texts() || (*s == Step::Partners && !record.media.is_empty())
            })
            .collect()
    }

    /// The step after this one among `steps`.
    pub fn next(self, steps: &[Step]) -> Step {
        let at = steps.iter().position(|s| *s == self).unwrap_or(0);
        steps.get(at + 1).copied().unwrap_or(self)
    }

    /// The checklist's items this step fills.
    fn checks(self) -> &'static [&'static str] {
        match self {
            Step::Basics => &["city", "title", "summary", "dates"],
            Step::Description => &["context", "objectives", "implementation"],
            Step::Results => &["results"],
            Step::Partners => &["partners", "contact", "media"],
            Step::Tags => &["tags", "keywords"],
            Step::Review => &[],
        }
    }

    /// Whether the step is done: its required items for an editor, its texts in the language
    /// for a translator.
    pub fn is_complete(self, record: &PracticeRecord, checks: &[Check], lang: Lang) -> bool {
        if lang != record.source_lang {
            let media = self != Step::Partners
                || record
                    .media
                    .iter()
                    .all(|m| m.description.get(lang).is_some());
            return media
                && self.texts().iter().all(|field| {
                    record
                        .text(*field)
                        .is_none_or(|text| text.get(lang).is_some())
                });
        }
        let mine = self.checks();
        checks
            .iter()
            .filter(|c| mine.contains(&c.key) && (c.required || self == Step::Partners))
            .all(|c| c.done)
    }
}

/// What a step's form holds: single values by name, and the checked (name, value) pairs.
#[derive(Debug, Default)]
pub struct FormState {
    values: HashMap<String, String>,
    checked: HashSet<(String, String)>,
}

/// Rows of partners and media a form offers: those there are, and two empty ones.
fn rows(existing: usize) -> usize {
    (existing + 2).max(3)
}

impl FormState {
    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    /// The form with one more value (one the record does not hold, such as an upload's
    /// description typed with a refused file).
    pub fn with_value(mut self, name: &str, value: &str) -> FormState {
        self.set(name, value);
        self
    }

    pub fn set(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.values.insert(name.into(), value.into());
    }

    fn check(&mut self, name: &str, value: impl Into<String>) {
        self.checked.insert((name.to_owned(), value.into()));
    }

    pub fn is_checked(&self, name: &str, value: &str) -> bool {
        self.checked.contains(&(name.to_owned(), value.to_owned()))
    }

    fn all(&self, name: &str) -> Vec<String> {
        self.checked
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    fn count(&self, prefix: &str) -> usize {
        (0..100)
            .take_while(|i| {
                self.values.contains_key(&format!("{prefix}[{i}].name"))
                    || self.values.contains_key(&format!("{prefix}[{i}].url"))
            })
            .count()
    }

    /// A form body as sent (repeated names kept as checked pairs).
    pub fn from_body(body: &str) -> FormState {
        FormState::from_pairs(
            url::form_urlencoded::parse(body.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned())),
        )
    }

    /// The values of a form read as (name, value) pairs (a multipart form's text fields).
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> FormState {
        let mut form = FormState::default();
        for (k, v) in pairs {
            form.check(&k, &v);
            form.set(k, v);
        }
        form
    }

    /// The practice's cities, by name and country, as the basics step shows them.
    pub fn with_cities(mut self, labels: &[String]) -> FormState {
        self.set("cities", labels.join("; "));
        self
    }

    /// The cities as typed (names, or short names, separated by semicolons, commas or new
    /// lines); None when the form has no such field.
    pub fn cities(&self) -> Option<Vec<String>> {
        let typed = self.values.get("cities")?;
        Some(
            typed
                .split([',', ';', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        )
    }

    /// The record's values, texts in `lang`.
    pub fn from_record(record: &PracticeRecord, lang: Lang) -> FormState {
        let mut form = FormState::default();
        for field in TextField::ALL {
            if let Some(text) = record.text(field).and_then(|t| t.get(lang)) {
                form.set(field.key(), text);
            }
        }
        form.set("status", record.status.key());
        form.set(
            "start_date",
            record.start_date.map(|d| d.to_string()).unwrap_or_default(),
        );
        form.set(
            "end_date",
            record.end_date.map(|d| d.to_string()).unwrap_or_default(),
        );
        for (i, p) in record.partners.iter().enumerate() {
            form.set(format!("partners[{i}].name"), p.name.clone());
            form.set(format!("partners[{i}].kind"), p.kind.key());
        }
        let c = &record.contact;
        form.set("contact.name", c.name.clone());
        form.set("contact.position", c.position.clone());
        form.set("contact.email", c.email.clone());
        form.set("contact.phone", c.phone.clone());
        if c.public {
            form.check("contact.public", "true");
        }
        for (i, m) in record.media.iter().enumerate() {
            form.set(format!("media[{i}].kind"), m.kind.key());
            form.set(format!("media[{i}].url"), m.url.clone());
            form.set(
                format!("media[{i}].description"),
                m.description.get(lang).unwrap_or(""),
            );
        }
        for n in &record.tags.sdgs {
            form.check("sdgs", n.to_string());
        }
        for f in &record.tags.fields {
            form.check("fields", f.clone());
        }
        for k in &record.tags.keywords {
            form.check("keywords", k.clone());
        }
        form.set(
            "creative_field",
            record.tags.creative_field.clone().unwrap_or_default(),
        );
        form
    }
}

/// The change a step's form makes: only that step's parts.
pub fn edit_of(step: Step, lang: Lang, translating: bool, form: &FormState) -> PracticeEdit {
    let mut edit = PracticeEdit {
        lang: Some(lang.code().to_owned()),
        texts: step
            .texts()
            .iter()
            .map(|f| (f.key().to_owned(), form.value(f.key()).to_owned()))
            .collect::<BTreeMap<_, _>>(),
        ..PracticeEdit::default()
    };
    if translating {
        if step == Step::Partners {
            edit.media_descriptions = Some(
                (0..form.count("media"))
                    .map(|i| MediaDescriptionInput {
                        url: form.value(&format!("media[{i}].url")).to_owned(),
                        description: form.value(&format!("media[{i}].description")).to_owned(),
                    })
                    .collect(),
            );
        }
        return edit;
    }
    let owned = |name: &str| Some(form.value(name).to_owned());
    match step {
        Step::Basics => {
            edit.status = owned("status");
            edit.start_date = owned("start_date");
            edit.end_date = owned("end_date");
        }
        Step::Partners => {
            edit.partners = Some(
                (0..form.count("partners"))
                    .map(|i| PartnerInput {
                        name: form.value(&format!("partners[{i}].name")).to_owned(),
                        kind: form.value(&format!("partners[{i}].kind")).to_owned(),
                    })
                    .collect(),
            );
            edit.contact = Some(Contact {
                name: form.value("contact.name").to_owned(),
                position: form.value("contact.position").to_owned(),
                email: form.value("contact.email").to_owned(),
                phone: form.value("contact.phone").to_owned(),
                public: form.is_checked("contact.public", "true"),
            });
            edit.media = Some(
                (0..form.count("media"))
                    .filter(|i| !form.is_checked(&format!("media[{i}].remove"), "true"))
                    .map(|i| MediaInput {
                        kind: form.value(&format!("media[{i}].kind")).to_owned(),
                        url: form.value(&format!("media[{i}].url")).to_owned(),
                        description: form.value(&format!("media[{i}].description")).to_owned(),
                    })
                    .collect(),
            );
        }
        Step::Tags => {
            edit.sdgs = Some(form.all("sdgs"));
            edit.fields = Some(form.all("fields"));
            edit.keywords = Some(form.all("keywords"));
            edit.creative_field = owned("creative_field");
        }
        _ => {}
    }
    edit
}

/// A text field with its word count and limit, and the source text beside it when translating.
fn text_field(
    v: &Viewer,
    loaded: &Loaded,
    field: TextField,
    lang: Lang,
    form: &FormState,
    errors: &FieldErrors,
) -> Markup {
    let value = form.value(field.key());
    let count = match field.limit() {
        Limit::Words(max) => v.tf(
            "word-count",
            &[
                ("count", (markdown::word_count(value) as i64).into()),
                ("max", (max as i64).into()),
            ],
        ),
        Limit::Chars(max) => v.tf(
            "char-count",
            &[
                ("count", (value.chars().count() as i64).into()),
                ("max", (max as i64).into()),
            ],
        ),
    };
    let source = loaded
        .practice
        .record
        .text(field)
        .filter(|t| t.source != lang);
    let label = v.t(&format!("practice-field-{}", field.key()));
    let mut input = Field::new(field.key(), label, value).hint(count);
    if field.is_markdown() {
        input = input.kind("textarea");
    }
    if field.is_required() {
        input = input.required();
    }
    html! {
        div.text-field lang=(lang.code()) {
            @if let Some(source) = source {
                div.source lang=(source.source.code()) {
                    p.muted { (v.tf("practice-source-text", &[("language", v.language(source.source).into())])) }
                    blockquote { (source.source_text()) }
                }
            }
            (input.render(v, errors))
        }
    }
}

fn options<T: Copy>(
    v: &Viewer,
    all: &[T],
    key: fn(T) -> &'static str,
    prefix: &str,
) -> Vec<(String, String)> {
    std::iter::once((String::new(), v.t("choose")))
        .chain(
            all.iter()
                .map(|k| (key(*k).to_owned(), v.t(&format!("{prefix}-{}", key(*k))))),
        )
        .collect()
}

/// The fields of one step.
pub async fn step_body(
    state: &AppState,
    v: &Viewer,
    loaded: &Loaded,
    step: Step,
    lang: Lang,
    form: &FormState,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let translating = lang != loaded.practice.record.source_lang;
    let texts = html! { @for field in step.texts() { (text_field(v, loaded, *field, lang, form, errors)) } };
    if translating {
        if step == Step::Partners {
            return Ok(media_translation(v, loaded, lang, form, errors));
        }
        return Ok(texts);
    }
    Ok(match step {
        Step::Basics => {
            let statuses = options(
                v,
                &PracticeStatus::ALL,
                PracticeStatus::key,
                "practice-status",
            );
            html! {
                (Field::new("cities", v.t("practice-cities"), form.value("cities")).hint(v.t("practice-cities-hint")).required().render(v, errors))
                (texts)
                (layout::select(v, "status", &v.t("practice-status"), &statuses[1..], form.value("status"), errors))
                (Field::new("start_date", v.t("practice-start-date"), form.value("start_date")).kind("date").render(v, errors))
                (Field::new("end_date", v.t("practice-end-date"), form.value("end_date")).kind("date").render(v, errors))
            }
        }
        Step::Partners => partners_body(v, loaded, form, errors),
        Step::Tags => tags_body(state, v, form, errors).await?,
        _ => texts,
    })
}

/// A translator's media step: each entry's description in the source language beside the
/// field for `lang`.
fn media_translation(
    v: &Viewer,
    loaded: &Loaded,
    lang: Lang,
    form: &FormState,
    errors: &FieldErrors,
) -> Markup {
    let media = &loaded.practice.record.media;
    html! {
        fieldset {
            legend { (v.t("practice-media")) }
            @for (i, medium) in media.iter().enumerate() {
                @let description = format!("media[{i}].description");
                div.text-field lang=(lang.code()) {
                    input type="hidden" name={ "media[" (i) "].url" } value=(medium.url);
                    div.source lang=(medium.description.source.code()) {
                        p.muted { a href=(medium.url) { (medium.url.rsplit('/').next().unwrap_or_default()) } }
                        blockquote { (medium.description.source_text()) }
                    }
                    (Field::new(&description, v.t("media-description"), form.value(&description)).hint(v.t("media-alt")).render(v, errors))
                }
            }
        }
    }
}

fn partners_body(v: &Viewer, loaded: &Loaded, form: &FormState, errors: &FieldErrors) -> Markup {
    let r = &loaded.practice.record;
    let kinds = options(v, &PartnerKind::ALL, PartnerKind::key, "partner-kind");
    let media = options(v, &MediaKind::ALL, MediaKind::key, "media-kind");
    html! {
        fieldset {
            legend { (v.t("practice-partners")) }
            @for i in 0..rows(r.partners.len().max(form.count("partners"))) {
                @let name = format!("partners[{i}].name");
                @let kind = format!("partners[{i}].kind");
                div.row {
                    (Field::new(&name, v.t("partner-name"), form.value(&name)).render(v, errors))
                    (layout::select(v, &kind, &v.t("partner-kind"), &kinds, form.value(&kind), errors))
                }
            }
        }
        fieldset {
            legend { (v.t("practice-contact")) }
            (Field::new("contact.name", v.t("person-name"), form.value("contact.name")).render(v, errors))
            (Field::new("contact.position", v.t("person-position"), form.value("contact.position")).render(v, errors))
            (Field::new("contact.email", v.t("email"), form.value("contact.email")).kind("email").render(v, errors))
            (Field::new("contact.phone", v.t("phone"), form.value("contact.phone")).kind("tel").render(v, errors))
            div.field { label { input type="checkbox" name="contact.public" value="true" checked[form.is_checked("contact.public", "true")]; " " (v.t("practice-contact-public")) } }
        }
        fieldset {
            legend { (v.t("practice-media")) }
            @for i in 0..rows(r.media.len().max(form.count("media"))) {
                @let kind = format!("media[{i}].kind");
                @let url = format!("media[{i}].url");
                @let description = format!("media[{i}].description");
                div.row {
                    // An uploaded file keeps its address: shown, not typed; ticked, it goes.
                    @if form.value(&url).starts_with("/media/") {
                        input type="hidden" name=(kind) value=(form.value(&kind));
                        input type="hidden" name=(url) value=(form.value(&url));
                        p { (v.t("media-uploaded-file")) ": " a href=(form.value(&url)) { (form.value(&url).rsplit('/').next().unwrap_or_default()) } }
                        div.field { label { input type="checkbox" name={ "media[" (i) "].remove" } value="true"; " " (v.t("media-remove")) } }
                    } @else {
                        (layout::select(v, &kind, &v.t("media-kind"), &media, form.value(&kind), errors))
                        (Field::new(&url, v.t("media-url"), form.value(&url)).kind("url").render(v, errors))
                    }
                    (Field::new(&description, v.t("media-description"), form.value(&description)).hint(v.t("media-alt")).render(v, errors))
                }
            }
        }
    }
}

async fn tags_body(
    state: &AppState,
    v: &Viewer,
    form: &FormState,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let frameworks = super::framework_groups(state).await?;
    let keywords = ateneu_app::practices::thesaurus::keywords(state).await?;
    let creative: Vec<(String, String)> = std::iter::once((String::new(), v.t("choose")))
        .chain(
            state
                .reference
                .creative_fields
                .iter()
                .map(|f| (f.key.clone(), f.name.get(v.lang).to_owned())),
        )
        .collect();
    let error = |name: &str| errors.get(name).map(|p| v.problem(p));
    Ok(html! {
        fieldset #f-sdgs {
            legend { (v.t("practice-sdgs")) }
            @if let Some(e) = error("sdgs") { p.error { (e) } }
            ul.plain.columns { @for sdg in &state.reference.sdgs {
                li { label { input type="checkbox" name="sdgs" value=(sdg.number) checked[form.is_checked("sdgs", &sdg.number.to_string())]; " " (sdg.number) ". " (sdg.name.get(v.lang)) } }
            } }
        }
        fieldset #f-fields {
            legend { (v.t("practice-fields")) }
            @if let Some(e) = error("fields") { p.error { (e) } }
            @for framework in &frameworks {
                fieldset {
                    legend { (framework.name.get(v.lang)) }
                    @for domain in &framework.domains {
                        p.group { strong { (domain.name.get(v.lang)) } }
                        ul.plain { @for (f, name) in &domain.fields {
                            li { label { input type="checkbox" name="fields" value=(f) checked[form.is_checked("fields", f)]; " " (name.get(v.lang)) } }
                        } }
                    }
                }
            }
        }
        fieldset #f-keywords {
            legend { (v.t("practice-keywords")) }
            @if let Some(e) = error("keywords") { p.error { (e) } }
            ul.plain.columns { @for k in &keywords {
                li { label { input type="checkbox" name="keywords" value=(k.key) checked[form.is_checked("keywords", &k.key)]; " " (k.label.get(v.lang)) } }
            } }
        }
        (layout::select(v, "creative_field", &v.t("practice-creative-field"), &creative, form.value("creative_field"), errors))
    })
}
