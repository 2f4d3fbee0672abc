//! The page shell (header, navigation, language switch, example-content banner, footer) and the
//! small pieces every page uses: form fields with their errors, the anti-forgery field, paging.

use crate::AppState;
use crate::error::AppError;
use crate::viewer::Viewer;
use ateneu_domain::permissions::Action;
use ateneu_domain::text::TranslatedText;
use ateneu_domain::{FieldErrors, Lang};
use maud::{DOCTYPE, Markup, html};

/// The head of a page. htmx (52 KB) is loaded only by a page that enhances itself with it (a
/// live region, `data-fragment`): every page works without it.
fn head(title: &str, lang: Lang, enhanced: bool) -> Markup {
    html! {
        meta charset="utf-8";
        meta name="viewport" content="width=device-width, initial-scale=1";
        title { (title) " · Ateneu" }
        link rel="stylesheet" href="/static/app.css";
        link rel="icon" href="/favicon.ico" type="image/svg+xml";
        @if enhanced {
            script src="/static/htmx.min.js" defer {}
            meta name="htmx-config" content=r#"{"includeIndicatorStyles":false}"#;
        }
        @let _ = lang;
    }
}

/// A full page for a viewer.
pub fn page(state: &AppState, v: &Viewer, title: &str, body: Markup) -> Markup {
    let current = |path: &str| -> Option<&'static str> {
        (v.path == path || (path != "/" && v.path.starts_with(path))).then_some("page")
    };
    html! {
        (DOCTYPE)
        html lang=(v.lang.code()) {
            head {
                (head(title, v.lang, body.0.contains("data-fragment=")))
                (crate::social::metadata(state, v, title, &body.0))
            }
            body {
                a.skip-link href="#main" { (v.t("skip-to-content")) }
                header.site-header {
                    a.brand href=(v.href("/")) { "Ateneu" }
                    nav.main-nav aria-label=(v.t("nav-label")) {
                        ul {
                            li { a href=(v.href("/")) aria-current=[current("/").filter(|_| v.path == "/")] { (v.t("nav-home")) } }
                            li { a href=(v.href("/cities")) aria-current=[current("/cities")] { (v.t("nav-cities")) } }
                            li { a href=(v.href("/practices")) aria-current=[current("/practices")] { (v.t("nav-practices")) } }
                            li { a href=(v.href("/assessments")) aria-current=[current("/assessments")] { (v.t("nav-assessments")) } }
                            li { a href=(v.href("/programmes")) aria-current=[current("/programmes")] { (v.t("nav-programmes")) } }
                            li { a href=(v.href("/events")) aria-current=[current("/events")] { (v.t("nav-events")) } }
                            li { a href=(v.href("/seven-keys")) aria-current=[current("/seven-keys")] { (v.t("seven-keys-page-title")) } }
                            @if v.allows(Action::ImportRegistry) {
                                li { a href=(v.href("/registry/import")) aria-current=[current("/registry")] { (v.t("nav-import")) } }
                            }
                            @if v.allows(Action::ManageAccounts) {
                                li { a href=(v.href("/admin")) aria-current=[current("/admin")] { (v.t("nav-admin")) } }
                            }
                        }
                    }
                    nav.lang-switch aria-label=(v.t("language-label")) {
                        @for lang in Lang::ALL {
                            a href=(crate::negotiate::lang_path(lang, &v.path)) lang=(lang.code()) hreflang=(lang.code())
                                aria-current=[(lang == v.lang).then_some("true")] title=(lang.native_name()) {
                                (lang.code().to_uppercase())
                            }
                        }
                    }
                    div.account {
                        @match &v.signed_in {
                            Some(s) => {
                                a href=(v.href("/account")) { (if s.user.display_name.is_empty() { &s.user.email } else { &s.user.display_name }) }
                                " " a.notices-link href=(v.href("/account/notifications")) {
                                    (v.tf("notifications-link", &[("count", v.unread.into())]))
                                }
                                form.inline method="post" action=(v.href("/sign-out")) {
                                    (csrf_field(v))
                                    button.button.secondary type="submit" { (v.t("sign-out")) }
                                }
                            }
                            // Signing in returns to the page the person was reading.
                            None => { a href={ (v.href("/sign-in")) @if !v.path.starts_with("/sign-in") && v.path.len() > 1 { "?next=" (crate::negotiate::query_value(&v.href(&v.path))) } } { (v.t("sign-in")) } }
                        }
                    }
                    // Inside the header (the banner landmark), as every part of a page is.
                    @if state.has_demo_content() {
                        div.example-banner role="note" { (v.t("example-banner")) }
                    }
                }

                main #main .container tabindex="-1" { (body) }
                footer.site-footer {
                    p { (v.t("footer-about")) }
                    p { a href="/api/v1/openapi.json" { (v.t("footer-api")) } " · " a href=(v.href("/registry/export")) { (v.t("footer-open-data")) } " · " a href=(v.href("/newsletter")) { (v.t("footer-newsletter")) } }
                }
            }
        }
    }
}

/// The page shown for an error, without the person's details. `sign_in_to` is the page asked
/// for when the reader is signed out: the sign-in link returns there, and a page not found
/// says that some pages are shown to signed-in people only (on every such page, so that it
/// tells nothing of what exists).
pub fn error_page(
    state: &AppState,
    lang: Lang,
    error: &AppError,
    sign_in_to: Option<&str>,
) -> Markup {
    let problem = error.problem();
    let title = state
        .i18n
        .t(lang, &format!("error-title-{}", error.status().as_u16()));
    let href = |p: &str| crate::negotiate::lang_path(lang, p);
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head { (head(&title, lang, false)) }
            body {
                header.site-header { a.brand href=(href("/")) { "Ateneu" } }
                main #main .container {
                    h1 { (title) }
                    p.lead { (state.i18n.problem(lang, &problem)) }
                    @if let AppError::Invalid(fields) = error {
                        ul { @for (field, p) in fields.iter() { li { code { (field) } ": " (state.i18n.problem(lang, p)) } } }
                    }
                    @if let AppError::Lines(lines) = error {
                        (line_errors(state, lang, lines))
                    }
                    @if let Some(to) = sign_in_to.filter(|_| matches!(error, AppError::SignInRequired | AppError::NotFound)) {
                        @if matches!(error, AppError::NotFound) { p { (state.i18n.t(lang, "not-found-sign-in")) } }
                        p { a.button href={ (href("/sign-in")) "?next=" (crate::negotiate::query_value(to)) } { (state.i18n.t(lang, "sign-in")) } }
                    } @else if matches!(error, AppError::SignInRequired) {
                        p { a.button href=(href("/sign-in")) { (state.i18n.t(lang, "sign-in")) } }
                    }
                    p { a href=(href("/")) { (state.i18n.t(lang, "back-home")) } }
                }
            }
        }
    }
}

/// A table of a file's bad lines.
pub fn line_errors(
    state: &AppState,
    lang: Lang,
    lines: &[ateneu_domain::csv_format::LineError],
) -> Markup {
    html! {
        div.table-wrap tabindex="0" { table.data {
            thead { tr { th { (state.i18n.t(lang, "line")) } th { (state.i18n.t(lang, "column")) } th { (state.i18n.t(lang, "problem")) } } }
            tbody { @for l in lines.iter().take(ateneu_domain::csv_format::MAX_LISTED_ERRORS) {
                tr { td.num { (l.line) } td { code { (l.column) } } td { (state.i18n.problem(lang, &l.problem)) } }
            } }
        } }
        @if lines.len() > ateneu_domain::csv_format::MAX_LISTED_ERRORS {
            p.muted { (state.i18n.format(lang, "more-problems", &[("count", (lines.len() - ateneu_domain::csv_format::MAX_LISTED_ERRORS).into())])) }
        }
    }
}

pub fn csrf_field(v: &Viewer) -> Markup {
    html! { input type="hidden" name="csrf" value=(v.csrf); }
}

/// What a text field needs: its name, label, value and the form's errors.
pub struct Field<'a> {
    pub name: &'a str,
    pub label: String,
    pub value: &'a str,
    pub kind: &'a str,
    pub hint: Option<String>,
    pub required: bool,
    /// The id of a `datalist` that suggests values (type-ahead without JavaScript).
    pub list: Option<&'a str>,
    /// What makes the field's id unique when a page has several forms with the same fields.
    pub scope: Option<&'a str>,
}

impl<'a> Field<'a> {
    pub fn new(name: &'a str, label: String, value: &'a str) -> Field<'a> {
        Field {
            name,
            label,
            value,
            kind: "text",
            hint: None,
            required: false,
            list: None,
            scope: None,
        }
    }

    pub fn scope(mut self, scope: &'a str) -> Self {
        self.scope = Some(scope);
        self
    }

    /// [`Self::scope`] when there is one (a form shown alone on one page, beside another form
    /// with the same fields on another).
    pub fn in_scope(mut self, scope: Option<&'a str>) -> Self {
        self.scope = scope;
        self
    }

    /// The field's element id (`f-NAME`, or `f-SCOPE-NAME`).
    pub fn id(&self) -> String {
        field_id(self.scope, self.name)
    }

    pub fn list(mut self, datalist: &'a str) -> Self {
        self.list = Some(datalist);
        self
    }

    pub fn kind(mut self, kind: &'a str) -> Self {
        self.kind = kind;
        self
    }

    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub fn render(&self, v: &Viewer, errors: &FieldErrors) -> Markup {
        let error = errors.get(self.name);
        let id = self.id();
        let described = match (&self.hint, error) {
            (Some(_), Some(_)) => Some(format!("{id}-hint {id}-error")),
            (Some(_), None) => Some(format!("{id}-hint")),
            (None, Some(_)) => Some(format!("{id}-error")),
            (None, None) => None,
        };
        html! {
            div.field {
                label for=(id) { (self.label) @if self.required { " " abbr title=(v.t("required-field")) { "*" } } }
                @if self.kind == "textarea" {
                    textarea id=(id) name=(self.name) rows="4" aria-describedby=[described.as_deref()] aria-invalid=[error.map(|_| "true")] { (self.value) }
                } @else {
                    input id=(id) type=(self.kind) name=(self.name) value=(self.value) required[self.required]
                        list=[self.list] autocomplete=[self.list.map(|_| "off")]
                        aria-describedby=[described.as_deref()] aria-invalid=[error.map(|_| "true")];
                }
                @if let Some(hint) = &self.hint { p.hint id={ (id) "-hint" } { (hint) } }
                @if let Some(problem) = error { p.error id={ (id) "-error" } { (v.problem(problem)) } }
            }
        }
    }
}

/// A field's element id: `f-NAME`, or `f-SCOPE-NAME` where a page repeats a form.
pub fn field_id(scope: Option<&str>, name: &str) -> String {
    match scope {
        Some(scope) => format!("f-{scope}-{name}"),
        None => format!("f-{name}"),
    }
}

/// A select among (value, label) options.
pub fn select(
    v: &Viewer,
    name: &str,
    label: &str,
    options: &[(String, String)],
    selected: &str,
    errors: &FieldErrors,
) -> Markup {
    select_in(v, None, name, label, options, selected, errors)
}

/// [`select`] with its id made unique by `scope` (a page that repeats a form).
pub fn select_in(
    v: &Viewer,
    scope: Option<&str>,
    name: &str,
    label: &str,
    options: &[(String, String)],
    selected: &str,
    errors: &FieldErrors,
) -> Markup {
    let error = errors.get(name);
    let id = field_id(scope, name);
    html! {
        div.field {
            label for=(id) { (label) }
            select id=(id) name=(name) aria-invalid=[error.map(|_| "true")] aria-describedby=[error.map(|_| format!("{id}-error"))] {
                @for (value, text) in options {
                    option value=(value) selected[value == selected] { (text) }
                }
            }
            @if let Some(problem) = error { p.error id={ (id) "-error" } { (v.problem(problem)) } }
        }
    }
}

/// A summary of a form's problems at its top.
pub fn form_errors(v: &Viewer, errors: &FieldErrors) -> Markup {
    form_errors_in(v, None, errors)
}

/// [`form_errors`] for a form whose fields' ids are made unique by `scope`: each problem leads
/// to its own field.
pub fn form_errors_in(v: &Viewer, scope: Option<&str>, errors: &FieldErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.form-errors role="alert" {
                p { strong { (v.t("form-has-problems")) } }
                ul { @for (field, problem) in errors.iter() { li { a href={ "#" (field_id(scope, field)) } { (v.problem(problem)) } } } }
            }
        }
    }
}

/// A translatable text in the reader's language, or in another one that is named.
pub fn translated(v: &Viewer, text: &TranslatedText) -> Markup {
    let shown = text.show(v.lang);
    html! {
        span lang=[shown.is_fallback.then(|| shown.lang.code())] { (shown.text) }
        @if shown.is_fallback {
            " " small.fallback { (v.tf("shown-in", &[("language", v.language(shown.lang).into())])) }
        }
    }
}

/// Links to the pages of a list; `link(n)` gives page n's address.
pub fn pagination(v: &Viewer, page: u64, pages: u64, link: impl Fn(u64) -> String) -> Markup {
    html! {
        @if pages > 1 {
            nav.pagination aria-label=(v.t("pagination")) {
                ul {
                    @if page > 1 { li { a href=(link(page - 1)) rel="prev" { (v.t("previous")) } } }
                    @for n in page_numbers(page, pages) {
                        @match n {
                            Some(n) => li { a href=(link(n)) aria-current=[(n == page).then_some("page")] { (n) } },
                            None => li { span aria-hidden="true" { "…" } },
                        }
                    }
                    @if page < pages { li { a href=(link(page + 1)) rel="next" { (v.t("next")) } } }
                }
            }
        }
    }
}

/// The page numbers to show: the first, the last and two around the current one.
fn page_numbers(page: u64, pages: u64) -> Vec<Option<u64>> {
    let mut numbers = Vec::new();
    for n in 1..=pages {
        if n == 1 || n == pages || n.abs_diff(page) <= 2 {
            numbers.push(Some(n));
        } else if numbers.last() != Some(&None) {
            numbers.push(None);
        }
    }
    numbers
}

/// A form's CSV file field (`file`, required), its hint saying what the file holds.
pub fn csv_file_field(label: &str, hint: Markup) -> Markup {
    html! {
        div.field {
            label for="f-file" { (label) }
            input #f-file type="file" name="file" accept=".csv,text/csv" required aria-describedby="f-file-hint";
            p.hint #f-file-hint { (hint) }
        }
    }
}
