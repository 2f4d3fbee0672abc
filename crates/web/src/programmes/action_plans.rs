//! An action plan on the web: its items on the plan's output page (with the form that adds
//! one), an item's page (what it addresses, its progress updates with their evidence, the form
//! that saves it on its revision and the one that records progress), and the same in the API.

use super::outputs::{Forms, render};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Path};
use crate::layout::{self, Field, csrf_field};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::indicators::goals::GoalVersion;
use ateneu_app::programmes::action_plans::starting::{self, FieldPoint, StartingPoints};
use ateneu_app::programmes::action_plans::{self as cases, ActionPlanView, ItemView};
use ateneu_domain::programmes::action_plans::{ItemInput, ItemStatus, UpdateInput};
use ateneu_domain::{FieldErrors, Lang};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

fn status_label(v: &Viewer, status: ItemStatus) -> String {
    v.t(&format!(
        "action-plan-status-{}",
        status.key().replace('_', "-")
    ))
}

fn statuses(v: &Viewer, empty: Option<String>) -> Vec<(String, String)> {
    empty
        .map(|label| (String::new(), label))
        .into_iter()
        .chain(
            ItemStatus::ALL
                .iter()
                .map(|s| (s.key().to_owned(), status_label(v, *s))),
        )
        .collect()
}

fn field_points(v: &Viewer, heading: &str, points: &[FieldPoint]) -> Markup {
    html! {
        @if !points.is_empty() {
            h3 { (v.t(heading)) }
            ul { @for p in points { li {
                strong { (p.name.get(v.lang)) } " · " (ateneu_app::i18n::decimal(v.lang, p.value, 1))
                @if p.inspiration.is_empty() { " · " span.muted { (v.t("action-plan-no-inspiration")) } } @else {
                    " · " (v.t("action-plan-inspiration")) " "
                    @for (n, i) in p.inspiration.iter().enumerate() {
                        @if n > 0 { ", " }
                        a href=(v.href(&format!("/practices/{}", i.slug))) lang=[(i.lang != v.lang).then(|| i.lang.code())] { (i.title) }
                    }
                }
            } } }
        }
    }
}

/// Where the plan starts from: its city's weakest and strongest fields, with inspiration.
fn starting_section(v: &Viewer, points: &StartingPoints) -> Markup {
    html! {
        section #starting-points {
            h2 { (v.t("action-plan-starting")) }
            @match &points.assessment {
                None => p.muted { (v.t("action-plan-starting-none")) },
                Some(a) => {
                    p { (v.t("action-plan-starting-from")) " "
                        a href=(v.href(&format!("/assessments/{}/report", a.id))) { (a.title) } " (" (a.starts_on) ")" }
                    (field_points(v, "action-plan-weaknesses", &points.weaknesses))
                    (field_points(v, "action-plan-strengths", &points.strengths))
                }
            }
        }
    }
}

/// The plan's section of its output's page: where it starts from, the items, and the form
/// that adds one.
pub(super) fn section(
    v: &Viewer,
    plan: &ActionPlanView,
    starting: &StartingPoints,
    adding: Option<&(ItemInput, FieldErrors)>,
) -> Markup {
    let base = format!("/outputs/{}", plan.output.output.id);
    html! {
        (starting_section(v, starting))
        section #items {
            h2 { (v.t("action-plan-items")) }
            p { a href=(v.href(&format!("{base}/plan.pdf"))) { (v.t("action-plan-pdf")) } " · " a href=(v.href(&format!("{base}/workshop"))) { (v.t("policy-design-link")) } }
            @if plan.items.is_empty() { p.muted { (v.t("action-plan-none")) } } @else {
                @if let Some(progress) = plan.progress {
                    p { (v.tf("action-plan-mean-progress", &[("progress", progress.into())])) }
                }
                div.table-wrap tabindex="0" { table.data {
                    thead { tr {
                        th { "#" } th { (v.t("action-plan-item-title")) } th { (v.t("action-plan-status")) }
                        th { (v.t("action-plan-progress")) } th { (v.t("action-plan-ends")) } th { (v.t("action-plan-responsible")) }
                    } }
                    tbody { @for x in &plan.items { tr {
                        td { (x.item.position) }
                        td { a href=(v.href(&format!("{base}/items/{}", x.item.id))) { (layout::translated(v, &x.item.draft.title)) } }
                        td { (status_label(v, x.item.draft.status)) }
                        td { progress max="100" value=(x.item.draft.progress) aria-label=(v.t("action-plan-progress")) { (x.item.draft.progress) "%" } " " (x.item.draft.progress) "%" }
                        td { @if let Some(end) = x.item.draft.ends_on { (end) } }
                        td { (x.item.draft.responsible) }
                    } } }
                } }
            }
            @if plan.output.may_file {
                @let empty = FieldErrors::new();
                @let blank = ItemInput::default();
                @let (input, errors) = adding.map_or((&blank, &empty), |(i, e)| (i, e));
                details open[adding.is_some()] {
                    summary { (v.t("action-plan-add")) }
                    (layout::form_errors_in(v, Some("item"), errors))
                    form.form method="post" action=(v.href(&format!("{base}/items"))) novalidate {
                        (csrf_field(v))
                        (item_fields(v, input, errors))
                        div.actions { button.button type="submit" { (v.t("add")) } }
                    }
                }
            }
        }
    }
}

/// The fields of an item's form (adding or saving).
fn item_fields(v: &Viewer, input: &ItemInput, errors: &FieldErrors) -> Markup {
    let langs: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), v.language(*l)))
        .collect();
    let in_lang = |field: &str, lang: Lang| v.tf(field, &[("language", v.language(lang).into())]);
    html! {
        (layout::select_in(v, Some("item"), "source_lang", &v.t("action-plan-source-lang"), &langs, &input.source_lang, errors))
        (Field::new("title_en", in_lang("action-plan-title-in", Lang::En), &input.title_en).scope("item").render(v, errors))
        (Field::new("title_fr", in_lang("action-plan-title-in", Lang::Fr), &input.title_fr).scope("item").render(v, errors))
        (Field::new("title_es", in_lang("action-plan-title-in", Lang::Es), &input.title_es).scope("item").render(v, errors))
        (Field::new("description_en", in_lang("action-plan-description-in", Lang::En), &input.description_en).kind("textarea").scope("item").render(v, errors))
        (Field::new("description_fr", in_lang("action-plan-description-in", Lang::Fr), &input.description_fr).kind("textarea").scope("item").render(v, errors))
        (Field::new("description_es", in_lang("action-plan-description-in", Lang::Es), &input.description_es).kind("textarea").scope("item").render(v, errors))
        (Field::new("responsible", v.t("action-plan-responsible"), &input.responsible).scope("item").render(v, errors))
        (Field::new("partners", v.t("action-plan-partners"), &input.partners).scope("item").render(v, errors))
        (Field::new("starts_on", v.t("action-plan-starts"), &input.starts_on).kind("date").scope("item").render(v, errors))
        (Field::new("ends_on", v.t("action-plan-ends"), &input.ends_on).kind("date").scope("item").render(v, errors))
        (Field::new("budget", v.t("action-plan-budget"), &input.budget).scope("item").render(v, errors))
        (Field::new("currency", v.t("action-plan-currency"), &input.currency).hint(v.t("action-plan-currency-hint")).scope("item").render(v, errors))
        (layout::select_in(v, Some("item"), "status", &v.t("action-plan-status"), &statuses(v, None), &input.status, errors))
        (Field::new("progress", v.t("action-plan-progress"), &input.progress).kind("number").scope("item").render(v, errors))
        (Field::new("fields", v.t("action-plan-fields"), &input.fields).hint(v.t("action-plan-fields-hint")).scope("item").render(v, errors))
        (Field::new("sdgs", v.t("action-plan-sdgs"), &input.sdgs).hint(v.t("action-plan-sdgs-hint")).scope("item").render(v, errors))
        (Field::new("sdg_targets", v.t("action-plan-targets"), &input.sdg_targets).hint(v.t("action-plan-targets-hint")).scope("item").render(v, errors))
        (Field::new("indicators", v.t("action-plan-indicators"), &input.indicators).hint(v.t("action-plan-indicators-hint")).scope("item").render(v, errors))
        (Field::new("goal_targets", v.t("action-plan-goal-targets"), &input.goal_targets).hint(v.t("action-plan-goal-targets-hint")).scope("item").render(v, errors))
    }
}

/// What an item's page holds besides the item: a form's values and problems.
#[derive(Default)]
struct ItemForms {
    save: Option<(ItemInput, FieldErrors)>,
    update: Option<(UpdateInput, FieldErrors)>,
}

fn item_page(
    state: &AppState,
    v: &Viewer,
    plan: &ActionPlanView,
    x: &ItemView,
    goals: &[GoalVersion],
    forms: &ItemForms,
) -> Markup {
    let output = &plan.output.output;
    let base = format!("/outputs/{}/items/{}", output.id, x.item.id);
    let draft = &x.item.draft;
    let empty = FieldErrors::new();
    let shown = draft.as_input(x.item.revision);
    let (input, errors) = forms
        .save
        .as_ref()
        .map_or((&shown, &empty), |(i, e)| (i, e));
    let blank = UpdateInput::default();
    let (update, update_errors) = forms
        .update
        .as_ref()
        .map_or((&blank, &empty), |(i, e)| (i, e));
    let title = draft.title.show(v.lang).text.to_owned();
    let body = html! {
        p { a href=(v.href(&format!("/outputs/{}#items", output.id))) { (v.tf("action-plan-back", &[("plan", output.title.clone().into())])) } }
        h1 { (layout::translated(v, &draft.title)) }
        p { (status_label(v, draft.status)) " · " progress max="100" value=(draft.progress) aria-label=(v.t("action-plan-progress")) { (draft.progress) "%" } " " (draft.progress) "%" }
        @if let Some(description) = &draft.description { p.lead { (layout::translated(v, description)) } }
        dl.facts {
            @if !draft.responsible.is_empty() { dt { (v.t("action-plan-responsible")) } dd { (draft.responsible) } }
            @if !draft.partners.is_empty() { dt { (v.t("action-plan-partners")) } dd { (draft.partners) } }
            @if let Some(start) = draft.starts_on { dt { (v.t("action-plan-starts")) } dd { (start) } }
            @if let Some(end) = draft.ends_on { dt { (v.t("action-plan-ends")) } dd { (end) } }
            @if let Some(budget) = &draft.budget { dt { (v.t("action-plan-budget")) } dd { (budget.currency.format_amount(budget.amount)) " " (budget.currency.code()) } }
            @if !draft.fields.is_empty() { dt { (v.t("action-plan-fields")) } dd { @for (n, f) in draft.fields.iter().enumerate() { @if n > 0 { ", " } (f) } } }
            @if !draft.sdgs.is_empty() { dt { (v.t("action-plan-sdgs")) } dd { @for (n, s) in draft.sdgs.iter().enumerate() { @if n > 0 { ", " } (v.tf("action-plan-sdg", &[("number", (*s).into())])) } } }
            @if !draft.sdg_targets.is_empty() { dt { (v.t("action-plan-targets")) } dd { @for (n, t) in draft.sdg_targets.iter().enumerate() { @if n > 0 { ", " } (t.as_str()) } } }
            @if !draft.indicators.is_empty() { dt { (v.t("action-plan-indicators")) } dd { @for (n, i) in draft.indicators.iter().enumerate() { @if n > 0 { ", " } (crate::indicators::name_of(v, i)) } } }
            @if !draft.goal_targets.is_empty() { dt { (v.t("action-plan-goal-targets")) } dd { @for (n, t) in draft.goal_targets.iter().enumerate() { @if n > 0 { ", " } (crate::indicators::goal_target_of(v, goals, t)) } } }
        }
        section #updates {
            h2 { (v.t("action-plan-updates")) }
            @if x.updates.is_empty() { p.muted { (v.t("action-plan-updates-none")) } } @else {
                ul { @for u in &x.updates { li {
                    strong { (u.update.on) } " "
                    @if let Some(status) = u.update.status { "· " (status_label(v, status)) " " }
                    @if let Some(progress) = u.update.progress { "· " (progress) "% " }
                    @if !u.update.note.is_empty() { "— " (u.update.note) }
                    @if let Some(link) = &u.update.link { " · " a href=(link) rel="external noopener" { (v.t("action-plan-evidence")) } }
                    @if let Some(file) = &u.file { " · " a href=(super::output_files::file_url(file)) { (file.file_name) } }
                    @if let Some(practice) = &u.practice {
                        " · " a href=(v.href(&format!("/practices/{}", practice.slug))) {
                            @match &practice.title { Some(title) => (layout::translated(v, title)), None => (practice.slug) }
                        }
                    }
                } } }
            }
            @if plan.output.may_file {
                details open[forms.update.is_some()] {
                    summary { (v.t("action-plan-update-add")) }
                    (layout::form_errors_in(v, Some("update"), update_errors))
                    form.form method="post" action=(v.href(&format!("{base}/updates"))) novalidate {
                        (csrf_field(v))
                        (Field::new("on", v.t("action-plan-update-on"), &update.on).kind("date").required().scope("update").render(v, update_errors))
                        (Field::new("note", v.t("action-plan-update-note"), &update.note).kind("textarea").scope("update").render(v, update_errors))
                        (layout::select_in(v, Some("update"), "status", &v.t("action-plan-update-status"), &statuses(v, Some(v.t("action-plan-unchanged"))), &update.status, update_errors))
                        (Field::new("progress", v.t("action-plan-update-progress"), &update.progress).kind("number").scope("update").render(v, update_errors))
                        (Field::new("link", v.t("action-plan-update-link"), &update.link).kind("url").scope("update").render(v, update_errors))
                        (Field::new("practice", v.t("action-plan-update-practice"), &update.practice).scope("update").render(v, update_errors))
                        @if !plan.files.is_empty() {
                            @let files: Vec<(String, String)> = std::iter::once((String::new(), v.t("none")))
                                .chain(plan.files.iter().map(|f| (f.id.to_string(), f.file_name.clone())))
                                .collect();
                            (layout::select_in(v, Some("update"), "file", &v.t("action-plan-update-file"), &files, &update.file, update_errors))
                        }
                        div.actions { button.button type="submit" { (v.t("add")) } }
                    }
                }
            }
        }
        @if plan.output.may_file {
            section #edit {
                h2 { (v.t("action-plan-edit")) }
                (layout::form_errors_in(v, Some("item"), errors))
                form.form method="post" action=(v.href(&base)) novalidate {
                    (csrf_field(v))
                    // After a change made meanwhile, what was sent stays in the form on the
                    // item's current revision (shown above it): sending it again replaces that
                    // change knowingly.
                    @let revision = if errors.get("revision").is_some() { x.item.revision.to_string() } else { input.revision.clone() };
                    input type="hidden" name="revision" value=(revision);
                    (item_fields(v, input, errors))
                    div.actions { button.button type="submit" { (v.t("save")) } }
                }
            }
        }
    };
    layout::page(state, v, &title, body)
}

async fn render_item(
    state: &AppState,
    v: &Viewer,
    id: i64,
    item: i64,
    status: StatusCode,
    forms: &ItemForms,
) -> Result<Response, AppError> {
    let (plan, x) = cases::item(state, &v.acting(), id, item).await?;
    let goals = ateneu_app::indicators::goals::versions(state).await?;
    Ok((status, item_page(state, v, &plan, &x, &goals, forms)).into_response())
}

pub async fn item(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, item)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    render_item(&state, &v, id, item, StatusCode::OK, &ItemForms::default()).await
}

pub async fn add_item(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<ItemInput>,
) -> Result<Response, AppError> {
    match cases::add_item(&state, &v.acting(), id, &input).await {
        Ok(item) => Ok(redirect(
            &v.href(&format!("/outputs/{id}/items/{}", item.id)),
        )),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let forms = Forms {
                item: Some((input, errors)),
                ..Forms::default()
            };
            render(&state, &v, id, StatusCode::UNPROCESSABLE_ENTITY, &forms).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn save_item(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, item)): Path<(i64, i64)>,
    Form(input): Form<ItemInput>,
) -> Result<Response, AppError> {
    let refused = |errors: FieldErrors, input: ItemInput| ItemForms {
        save: Some((input, errors)),
        ..ItemForms::default()
    };
    match cases::save_item(&state, &v.acting(), id, item, &input).await {
        Ok(_) => Ok(redirect(&v.href(&format!("/outputs/{id}/items/{item}")))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let forms = refused(errors, input);
            render_item(
                &state,
                &v,
                id,
                item,
                StatusCode::UNPROCESSABLE_ENTITY,
                &forms,
            )
            .await
        }
        Err(ateneu_app::Error::Conflict(problem))
            if problem.key == ateneu_domain::ProblemKey::ChangedMeanwhile =>
        {
            let mut errors = FieldErrors::new();
            errors.add("revision", problem);
            let forms = refused(errors, input);
            render_item(&state, &v, id, item, StatusCode::CONFLICT, &forms).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn add_update(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, item)): Path<(i64, i64)>,
    Form(input): Form<UpdateInput>,
) -> Result<Response, AppError> {
    match cases::add_update(&state, &v.acting(), id, item, &input).await {
        Ok(_) => Ok(redirect(
            &v.href(&format!("/outputs/{id}/items/{item}#updates")),
        )),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let forms = ItemForms {
                update: Some((input, errors)),
                ..ItemForms::default()
            };
            render_item(
                &state,
                &v,
                id,
                item,
                StatusCode::UNPROCESSABLE_ENTITY,
                &forms,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

#[utoipa::path(
    get,
    path = "/outputs/{id}/items",
    tag = "programmes",
    summary = "An action plan (an output of kind action_plan) with its items in order, each with its progress updates newest first; the count of items by status and their mean progress (dropped items left out). 404 to whoever may not see the output, and for an output of another kind",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ActionPlan"))),
)]
pub async fn plan_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), id).await?).into_response())
}

#[utoipa::path(
    get,
    path = "/outputs/{id}/starting-points",
    tag = "programmes",
    summary = "Where an action plan starts from: its city's latest closed assessment that the caller may see, its weakest and strongest fields (value and distance from the assessment's own mean), each with up to three published practices of other cities tagged with the field; empty lists and a null assessment when there is none",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/StartingPoints"))),
)]
pub async fn starting_points_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let acting = v.acting();
    let plan = cases::read(&state, &acting, id).await?;
    Ok(Json(starting::starting_points(&state, &acting, &plan, v.lang).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/outputs/{id}/items",
    tag = "programmes",
    summary = "Add an item at the end of an action plan (the city's editors and the secretariat): a title in at least one language, and what it addresses (framework fields, SDGs, SDG targets: each target adds its goal); 409 not_an_action_plan for an output of another kind",
    request_body(content = ref("#/components/schemas/ActionPlanItemInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/ActionPlanItem"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn add_item_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ItemInput>,
) -> Result<Response, AppError> {
    let item = cases::add_item(&state, &v.acting(), id, &input).await?;
    Ok((StatusCode::CREATED, Json(item)).into_response())
}

#[utoipa::path(
    get,
    path = "/outputs/{id}/items/{item}",
    tag = "programmes",
    summary = "An item of an action plan with its progress updates (a practice given as evidence is shown only to those who may see it)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ActionPlanItemView"))),
)]
pub async fn item_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, item)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    Ok(Json(cases::item(&state, &v.acting(), id, item).await?.1).into_response())
}

#[utoipa::path(
    put,
    path = "/outputs/{id}/items/{item}",
    tag = "programmes",
    summary = "Save an item on the revision it was read at (409 changed_meanwhile on an older one)",
    request_body(content = ref("#/components/schemas/ActionPlanItemInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ActionPlanItem"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn save_item_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, item)): Path<(i64, i64)>,
    ApiJson(input): ApiJson<ItemInput>,
) -> Result<Response, AppError> {
    Ok(Json(cases::save_item(&state, &v.acting(), id, item, &input).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/outputs/{id}/items/{item}/updates",
    tag = "programmes",
    summary = "Record a dated progress update of an item, with a note and its evidence (a link, a good practice the caller may see); a new status or progress moves the item (a done item is at 100)",
    request_body(content = ref("#/components/schemas/ActionPlanUpdateInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/ActionPlanUpdate"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn add_update_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, item)): Path<(i64, i64)>,
    ApiJson(input): ApiJson<UpdateInput>,
) -> Result<Response, AppError> {
    let update = cases::add_update(&state, &v.acting(), id, item, &input).await?;
    Ok((StatusCode::CREATED, Json(update)).into_response())
}
