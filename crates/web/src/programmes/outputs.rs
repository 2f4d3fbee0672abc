//! A programme's outputs on the web: the outputs section of a programme's page with its filing
//! form, an output's page (its language versions and dissemination log, with their forms for
//! those who keep it; an action plan's items), the translation queue, and the same in the JSON
//! API.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Path, Query};
use crate::layout::{self, Field, csrf_field};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::programmes::action_plans::ActionPlanView;
use ateneu_app::programmes::action_plans::starting::StartingPoints;
use ateneu_app::programmes::activities::Activity;
use ateneu_app::programmes::output_files::{self, Files};
use ateneu_app::programmes::outputs::Output;
use ateneu_app::programmes::outputs::{self as cases, OutputView};
use ateneu_domain::FieldErrors;
use ateneu_domain::Lang;
use ateneu_domain::assessments::Visibility;
use ateneu_domain::ids::OutputId;
use ateneu_domain::programmes::action_plans::ItemInput;
use ateneu_domain::programmes::catalogue::OutputKind;
use ateneu_domain::programmes::outputs::{
    Channel, DisseminationInput, OutputInput, TranslationStatus, VersionInput,
};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

fn label(v: &Viewer, prefix: &str, key: &str) -> String {
    v.t(&format!("{prefix}-{}", key.replace('_', "-")))
}

fn options(
    v: &Viewer,
    prefix: &str,
    keys: impl IntoIterator<Item = &'static str>,
) -> Vec<(String, String)> {
    keys.into_iter()
        .map(|key| (key.to_owned(), label(v, prefix, key)))
        .collect()
}

/// An output's kind in the reader's words (the Lab's report included).
pub fn kind_label(v: &Viewer, kind: &str) -> String {
    label(v, "output-kind", kind)
}

/// The outputs section of a programme's page, with the filing form.
pub fn section(
    v: &Viewer,
    programme_id: i64,
    outputs: &[Output],
    activities: &[Activity],
    may_file: bool,
    filing: Option<(&OutputInput, &FieldErrors)>,
) -> Markup {
    let empty = FieldErrors::new();
    let blank = OutputInput::default();
    let (input, errors) = filing.unwrap_or((&blank, &empty));
    let mut activity_options = vec![(String::new(), v.t("budget-whole-programme"))];
    activity_options.extend(
        activities
            .iter()
            .map(|a| (a.id.to_string(), super::activities::name(v, a))),
    );
    let mut visibilities = vec![(String::new(), v.t("output-visibility-default"))];
    visibilities.extend(options(
        v,
        "visibility",
        Visibility::ALL.iter().map(|x| x.key()),
    ));
    html! {
        section #outputs {
            h2 { (v.t("outputs-title")) }
            @if outputs.is_empty() { p.muted { (v.t("outputs-none")) } } @else {
                ul { @for o in outputs {
                    li { a href=(v.href(&format!("/outputs/{}", o.id))) { (o.title) } " · " (kind_label(v, &o.kind))
                        " " span.badge { (label(v, "visibility", o.visibility.key())) } }
                } }
            }
            @if may_file {
                details open[filing.is_some()] {
                    summary { (v.t("output-file")) }
                    (layout::form_errors_in(v, Some("output"), errors))
                    form.form method="post" action=(v.href(&format!("/programmes/{programme_id}/outputs"))) novalidate {
                        (csrf_field(v))
                        (layout::select_in(v, Some("output"), "activity", &v.t("budget-activity"), &activity_options, &input.activity, errors))
                        (layout::select_in(v, Some("output"), "kind", &v.t("output-kind"), &options(v, "output-kind", OutputKind::ALL.iter().map(|k| k.key())), &input.kind, errors))
                        (Field::new("title", v.t("activity-title"), &input.title).required().scope("output").render(v, errors))
                        (Field::new("summary", v.t("output-summary"), &input.summary).kind("textarea").scope("output").render(v, errors))
                        (Field::new("link", v.t("output-link"), &input.link).kind("url").scope("output").render(v, errors))
                        (layout::select_in(v, Some("output"), "visibility", &v.t("output-visibility"), &visibilities, &input.visibility, errors))
                        div.actions { button.button type="submit" { (v.t("add")) } }
                    }
                }
            }
        }
    }
}

/// What an output's page holds besides the output: a form's values and problems.
#[derive(Default)]
pub(super) struct Forms {
    pub version: Option<(VersionInput, FieldErrors)>,
    pub dissemination: Option<(DisseminationInput, FieldErrors)>,
    pub files: super::output_files::Shown,
    /// An action plan's new item.
    pub item: Option<(ItemInput, FieldErrors)>,
}

fn page(
    state: &AppState,
    v: &Viewer,
    view: &OutputView,
    plan: Option<&(ActionPlanView, StartingPoints)>,
    files: &Files,
    forms: &Forms,
) -> Markup {
    let output = &view.output;
    let empty = FieldErrors::new();
    let (version, version_errors) = match &forms.version {
        Some((input, errors)) => (input.clone(), errors),
        None => (VersionInput::default(), &empty),
    };
    let (entry, entry_errors) = match &forms.dissemination {
        Some((input, errors)) => (input.clone(), errors),
        None => (DisseminationInput::default(), &empty),
    };
    let langs: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), v.language(*l)))
        .collect();
    let mut any_lang = vec![(String::new(), v.t("none"))];
    any_lang.extend(langs.iter().cloned());
    let base = format!("/outputs/{}", output.id);
    let city = view.city.draft.name.show(v.lang).text.to_owned();
    let body = html! {
        p { a href=(v.href(&format!("/cities/{}", view.city.slug))) { (city) }
            @if let (true, Some(programme)) = (view.may_see_programme, output.programme_id) {
                " · " a href=(v.href(&format!("/programmes/{programme}"))) { (v.tf("programme-title", &[("city", city.clone().into())])) }
            } }
        h1 { (output.title) }
        p { (kind_label(v, &output.kind)) " " span.badge { (label(v, "visibility", output.visibility.key())) } }
        @if let Some(activity) = &view.activity { p.muted { (v.tf("output-of-activity", &[("activity", super::activities::name(v, activity).into())])) } }
        @if !output.summary.is_empty() { p.lead { (output.summary) } }
        @if let Some(link) = &output.link { p { a href=(link) rel="external noopener" { (link) } } }
        @if let Some((plan, starting)) = plan { (super::action_plans::section(v, plan, starting, forms.item.as_ref())) }
        section #versions {
            h2 { (v.t("output-versions")) }
            @if view.versions.is_empty() { p.muted { (v.t("output-versions-none")) } } @else {
                div.table-wrap tabindex="0" { table.data {
                    thead { tr { th { (v.t("output-lang")) } th { (v.t("programme-status")) } th { (v.t("output-translator")) } th { (v.t("activity-title")) } } }
                    tbody { @for x in &view.versions { tr {
                        td { (v.language(x.draft.lang)) }
                        td { (label(v, "translation-status", x.draft.status.key())) }
                        td { (x.draft.translator) }
                        td { @match &x.draft.link { Some(link) => a href=(link) rel="external noopener" { (x.draft.title) }, None => (x.draft.title) } }
                    } } }
                } }
            }
            @if view.may_file {
                details open[forms.version.is_some()] {
                    summary { (v.t("output-version-set")) }
                    (layout::form_errors_in(v, Some("version"), version_errors))
                    form.form method="post" action=(v.href(&format!("{base}/versions"))) novalidate {
                        (csrf_field(v))
                        (layout::select_in(v, Some("version"), "lang", &v.t("output-lang"), &langs, &version.lang, version_errors))
                        (layout::select_in(v, Some("version"), "status", &v.t("programme-status"), &options(v, "translation-status", TranslationStatus::ALL.iter().map(|s| s.key())), &version.status, version_errors))
                        (Field::new("translator", v.t("output-translator"), &version.translator).scope("version").render(v, version_errors))
                        (Field::new("title", v.t("activity-title"), &version.title).scope("version").render(v, version_errors))
                        (Field::new("link", v.t("output-link"), &version.link).kind("url").scope("version").render(v, version_errors))
                        div.actions { button.button type="submit" { (v.t("save")) } }
                    }
                }
            }
        }
        (super::output_files::section(state, v, view, files, &forms.files))
        section #disseminations {
            h2 { (v.t("output-disseminations")) }
            @if view.disseminations.is_empty() { p.muted { (v.t("output-disseminations-none")) } } @else {
                ul { @for d in &view.disseminations {
                    li { (d.draft.on) " · " (label(v, "channel", d.draft.channel.key()))
                        @if let Some(lang) = d.draft.lang { " · " (v.language(lang)) }
                        @if let Some(link) = &d.draft.link { " · " a href=(link) rel="external noopener" { (link) } }
                        @if !d.draft.note.is_empty() { " — " (d.draft.note) } }
                } }
            }
            @if view.may_file {
                details open[forms.dissemination.is_some()] {
                    summary { (v.t("output-disseminate")) }
                    (layout::form_errors_in(v, Some("dissemination"), entry_errors))
                    form.form method="post" action=(v.href(&format!("{base}/disseminations"))) novalidate {
                        (csrf_field(v))
                        (layout::select_in(v, Some("dissemination"), "channel", &v.t("output-channel"), &options(v, "channel", Channel::ALL.iter().map(|c| c.key())), &entry.channel, entry_errors))
                        (Field::new("on", v.t("output-on"), &entry.on).kind("date").required().scope("dissemination").render(v, entry_errors))
                        (Field::new("link", v.t("output-link"), &entry.link).kind("url").scope("dissemination").render(v, entry_errors))
                        (layout::select_in(v, Some("dissemination"), "lang", &v.t("output-lang"), &any_lang, &entry.lang, entry_errors))
                        (Field::new("note", v.t("output-note"), &entry.note).scope("dissemination").render(v, entry_errors))
                        div.actions { button.button type="submit" { (v.t("add")) } }
                    }
                }
            }
        }
    };
    layout::page(state, v, &output.title, body)
}

pub async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&state, &v, id, StatusCode::OK, &Forms::default()).await
}

/// The output's page with its files, answering `status` (a refused form: 422).
pub(super) async fn render(
    state: &AppState,
    v: &Viewer,
    id: i64,
    status: StatusCode,
    forms: &Forms,
) -> Result<Response, AppError> {
    let acting = v.acting();
    let view = cases::read(state, &acting, id).await?;
    let plan = if view.output.kind == OutputKind::ActionPlan.key() {
        use ateneu_app::programmes::action_plans::{of_output, starting::starting_points};
        let plan = of_output(state, &acting, view.clone()).await?;
        let starting = starting_points(state, &acting, &plan, v.lang).await?;
        Some((plan, starting))
    } else {
        None
    };
    let files = output_files::of_output(state, &acting, OutputId::new(id)).await?;
    Ok((status, page(state, v, &view, plan.as_ref(), &files, forms)).into_response())
}

async fn refused(
    state: &AppState,
    v: &Viewer,
    id: i64,
    forms: Forms,
) -> Result<Response, AppError> {
    render(state, v, id, StatusCode::UNPROCESSABLE_ENTITY, &forms).await
}

pub async fn set_version(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<VersionInput>,
) -> Result<Response, AppError> {
    match cases::set_version(&state, &v.acting(), id, &input).await {
        Ok(_) => Ok(redirect(&v.href(&format!("/outputs/{id}#versions")))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let forms = Forms {
                version: Some((input, errors)),
                ..Forms::default()
            };
            refused(&state, &v, id, forms).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn add_dissemination(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<DisseminationInput>,
) -> Result<Response, AppError> {
    match cases::add_dissemination(&state, &v.acting(), id, &input).await {
        Ok(_) => Ok(redirect(&v.href(&format!("/outputs/{id}#disseminations")))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let forms = Forms {
                dissemination: Some((input, errors)),
                ..Forms::default()
            };
            refused(&state, &v, id, forms).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn file(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<OutputInput>,
) -> Result<Response, AppError> {
    match cases::file(&state, &v.acting(), id, &input).await {
        Ok(output) => Ok(redirect(&v.href(&format!("/outputs/{}", output.id)))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            super::pages::with_output_errors(&state, &v, id, &input, &errors).await
        }
        Err(other) => Err(other.into()),
    }
}

/// The translation queue's query: the version the page starts after (the `next` of the page
/// before).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct QueueQuery {
    pub after: Option<String>,
}

impl QueueQuery {
    fn after(&self) -> Result<Option<i64>, AppError> {
        match self.after.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(given) => given.parse::<i64>().map(Some).map_err(|_| {
                AppError::BadRequest(ateneu_domain::Problem::with_detail(
                    ateneu_domain::ProblemKey::InvalidQueuePlace,
                    given,
                ))
            }),
        }
    }
}

pub async fn translations(
    State(state): State<AppState>,
    v: Viewer,
    Query(query): Query<QueueQuery>,
) -> Result<Response, AppError> {
    let after = query.after()?;
    let queue = cases::waiting_for_translation(&state, &v.acting(), after).await?;
    let title = v.t("translations-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("translations-lead")) }
        @if queue.total == 0 { p.muted { (v.t("translations-none")) } } @else {
            p.muted { (v.tf("translations-count", &[("total", queue.total.into())])) }
        }
        @if !queue.items.is_empty() {
            div.table-wrap tabindex="0" { table.data {
                thead { tr { th { (v.t("activity-title")) } th { (v.t("output-lang")) } th { (v.t("programme-status")) } th { (v.t("output-translator")) } } }
                tbody { @for w in &queue.items { tr {
                    td { a href=(v.href(&format!("/outputs/{}#versions", w.output.id))) { (w.output.title) } }
                    td { (v.language(w.version.draft.lang)) }
                    td { (label(&v, "translation-status", w.version.draft.status.key())) }
                    td { (w.version.draft.translator) }
                } } }
            } }
        }
        @if after.is_some() || queue.next.is_some() {
            nav.pagination aria-label=(v.t("pagination")) {
                @if after.is_some() { a href=(v.href("/outputs/translations")) { (v.t("translations-first")) } " " }
                @if let Some(next) = queue.next {
                    a rel="next" href=(v.href(&format!("/outputs/translations?after={next}"))) { (v.t("translations-next")) }
                }
            }
        }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

#[utoipa::path(
    get,
    path = "/programmes/{id}/outputs",
    tag = "programmes",
    summary = "A programme's outputs (who sees the programme sees all of them)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/OutputList"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn of_programme_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::of_programme(&state, &v.acting(), id).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/programmes/{id}/outputs",
    tag = "programmes",
    summary = "File an output (the city's editors, the secretariat); an empty visibility takes the catalogue's default for the activity and kind, confidential otherwise",
    request_body(content = ref("#/components/schemas/OutputInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Output"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn file_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<OutputInput>,
) -> Result<Response, AppError> {
    let output = cases::file(&state, &v.acting(), id, &input).await?;
    Ok((StatusCode::CREATED, Json(output)).into_response())
}

#[utoipa::path(
    get,
    path = "/outputs/{id}",
    tag = "programmes",
    summary = "An output with its language versions and dissemination log (public, network or confidential: 404 to whoever may not see it)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/OutputView"))),
)]
pub async fn detail_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), id).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/outputs/{id}/versions",
    tag = "programmes",
    summary = "Record an output's version in one language (replaces that language's)",
    request_body(content = ref("#/components/schemas/VersionInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Version"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn set_version_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<VersionInput>,
) -> Result<Response, AppError> {
    Ok(Json(cases::set_version(&state, &v.acting(), id, &input).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/outputs/{id}/disseminations",
    tag = "programmes",
    summary = "Record where an output was disseminated",
    request_body(content = ref("#/components/schemas/DisseminationInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Dissemination"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn add_dissemination_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<DisseminationInput>,
) -> Result<Response, AppError> {
    let entry = cases::add_dissemination(&state, &v.acting(), id, &input).await?;
    Ok((StatusCode::CREATED, Json(entry)).into_response())
}

#[utoipa::path(
    get,
    path = "/outputs/translations",
    tag = "programmes",
    summary = "The language versions waiting for translation among the outputs the caller keeps, the version set longest ago first (setting it again puts it at the back), 50 a page: `total`, `items`, and `next` (the `after=` of the next page, null on the last; 400 invalid_queue_place for a bad one)",
    params(
        ("after" = Option<i64>, Query, description = "the `next` of the page before"),
    ),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/TranslationQueue"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn translations_api(
    State(state): State<AppState>,
    v: Viewer,
    Query(query): Query<QueueQuery>,
) -> Result<Response, AppError> {
    let after = query.after()?;
    Ok(Json(cases::waiting_for_translation(&state, &v.acting(), after).await?).into_response())
}
