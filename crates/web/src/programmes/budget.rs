//! A programme's budget on the web: its page (totals per currency, year and funder; the lines;
//! adding and removing a line; importing a file; the export link) and the same in the JSON API
//! (the file in and out as CSV).

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Multipart, Path, Query};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::negotiate::redirect;
use crate::registry_files::csv_response;
use crate::viewer::Viewer;
use ateneu_app::programmes::activities::Activity;
use ateneu_app::programmes::budget::{self as cases, BudgetLineForm, BudgetView};
use ateneu_domain::programmes::budget::{Amounts, BUDGET_COLUMNS, BudgetCategory, Currency};
use ateneu_domain::{FieldErrors, Problem, ProblemKey};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

/// A budget category in the reader's words.
pub fn category_label(v: &Viewer, category: BudgetCategory) -> String {
    v.t(&format!(
        "budget-category-{}",
        category.key().replace('_', "-")
    ))
}

/// An amount with its currency: `1234.50 EUR`.
pub fn money(currency: &Currency, minor: i64) -> String {
    format!("{} {}", currency.format_amount(minor), currency.code())
}

/// The budget's revision, as a form or a query sends it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BudgetRevision {
    pub budget_revision: String,
}

/// What the page shows besides the budget: the add form's values and problems, or an import's
/// outcome.
#[derive(Default)]
struct Shown<'a> {
    adding: Option<(&'a BudgetLineForm, &'a FieldErrors)>,
    refused: Option<&'a AppError>,
    imported: Option<usize>,
}

fn amounts_cells(currency: &Currency, amounts: &Amounts) -> Markup {
    html! {
        td.number { (money(currency, amounts.planned)) }
        td.number { (money(currency, amounts.committed)) }
        td.number { (money(currency, amounts.spent)) }
    }
}

fn amounts_head(v: &Viewer) -> Markup {
    html! { th { (v.t("budget-planned")) } th { (v.t("budget-committed")) } th { (v.t("budget-spent")) } }
}

fn activity_name(v: &Viewer, activities: &[Activity], id: Option<i64>) -> String {
    match id.and_then(|id| activities.iter().find(|a| a.id == id)) {
        Some(activity) => super::activities::name(v, activity),
        None => v.t("budget-whole-programme"),
    }
}

fn line_fields(
    v: &Viewer,
    view: &BudgetView,
    form: &BudgetLineForm,
    errors: &FieldErrors,
) -> Markup {
    let mut activities = vec![(String::new(), v.t("budget-whole-programme"))];
    activities.extend(
        view.activities
            .iter()
            .map(|a| (a.id.to_string(), super::activities::name(v, a))),
    );
    let categories: Vec<(String, String)> = BudgetCategory::ALL
        .iter()
        .map(|c| (c.key().to_owned(), category_label(v, *c)))
        .collect();
    let line = &form.line;
    html! {
        (Field::new("year", v.t("budget-year"), &line.year).kind("number").required().render(v, errors))
        (layout::select(v, "activity", &v.t("budget-activity"), &activities, &line.activity, errors))
        (layout::select(v, "category", &v.t("budget-category"), &categories, &line.category, errors))
        (Field::new("description", v.t("budget-description"), &line.description).render(v, errors))
        (Field::new("funder", v.t("budget-funder"), &line.funder).required().hint(v.t("budget-funder-hint")).render(v, errors))
        (Field::new("currency", v.t("budget-currency"), &line.currency).required().hint(v.t("budget-currency-hint")).render(v, errors))
        (Field::new("planned", v.t("budget-planned"), &line.planned).hint(v.t("budget-amount-hint")).render(v, errors))
        (Field::new("committed", v.t("budget-committed"), &line.committed).render(v, errors))
        (Field::new("spent", v.t("budget-spent"), &line.spent).render(v, errors))
    }
}

fn page(state: &AppState, v: &Viewer, view: &BudgetView, shown: &Shown) -> Markup {
    let title = v.t("budget-title");
    let base = format!("/programmes/{}", view.programme_id);
    let empty = FieldErrors::new();
    let blank = BudgetLineForm::default();
    let (form, errors) = shown.adding.unwrap_or((&blank, &empty));
    let totals = &view.totals;
    let body = html! {
        p { a href=(v.href(&base)) { "← " (v.t("programme-back")) } }
        h1 { (title) }
        p.lead { (v.t("budget-lead")) }
        @if let Some(count) = shown.imported {
            div.flash.success role="status" { (v.tf("budget-imported", &[("lines", (count as i64).into())])) }
        }
        @if let Some(error) = shown.refused {
            div.flash.error role="alert" {
                p { strong { (v.problem(&error.problem())) } }
                @if let AppError::Lines(lines) = error { (layout::line_errors(state, v.lang, lines)) }
            }
        }
        @if view.lines.is_empty() { p.muted { (v.t("budget-none")) } } @else {
            h2 { (v.t("budget-totals")) }
            div.table-wrap tabindex="0" { table.data {
                caption { (v.t("budget-by-currency")) }
                thead { tr { th { (v.t("budget-currency")) } (amounts_head(v)) } }
                tbody { @for t in &totals.by_currency { tr { td { (t.currency.code()) } (amounts_cells(&t.currency, &t.amounts)) } } }
            } }
            div.table-wrap tabindex="0" { table.data {
                caption { (v.t("budget-by-year")) }
                thead { tr { th { (v.t("budget-year")) } th { (v.t("budget-currency")) } (amounts_head(v)) } }
                tbody { @for t in &totals.by_year { tr { td { (t.year) } td { (t.currency.code()) } (amounts_cells(&t.currency, &t.amounts)) } } }
            } }
            div.table-wrap tabindex="0" { table.data {
                caption { (v.t("budget-by-funder")) }
                thead { tr { th { (v.t("budget-funder")) } th { (v.t("budget-currency")) } (amounts_head(v)) } }
                tbody { @for t in &totals.by_funder { tr { td { (t.funder) } td { (t.currency.code()) } (amounts_cells(&t.currency, &t.amounts)) } } }
            } }
            h2 { (v.t("budget-lines")) }
            div.table-wrap tabindex="0" { table.data {
                thead { tr {
                    th { (v.t("budget-year")) } th { (v.t("budget-activity")) } th { (v.t("budget-category")) }
                    th { (v.t("budget-description")) } th { (v.t("budget-funder")) } (amounts_head(v))
                    @if view.may_manage { th { (v.t("actions")) } }
                } }
                tbody { @for line in &view.lines { tr {
                    td { (line.draft.year) }
                    td { (activity_name(v, &view.activities, line.draft.activity_id)) }
                    td { (category_label(v, line.draft.category)) }
                    td { (line.draft.description) }
                    td { (line.draft.funder) }
                    (amounts_cells(&line.draft.currency, &line.draft.amounts))
                    @if view.may_manage { td {
                        form method="post" action=(v.href(&format!("{base}/budget/{}/remove", line.id))) {
                            (csrf_field(v))
                            input type="hidden" name="budget_revision" value=(view.budget_revision);
                            button.button.secondary type="submit" { (v.t("remove")) }
                        }
                    } }
                } } }
            } }
        }
        p { a href=(format!("/api/v1{base}/budget.csv")) download { (v.t("budget-export")) } " — " code { (BUDGET_COLUMNS.join(",")) } }
        @if view.may_manage {
            details open[shown.adding.is_some()] {
                summary { (v.t("budget-add")) }
                (form_errors(v, errors))
                form.form method="post" action=(v.href(&format!("{base}/budget"))) novalidate {
                    (csrf_field(v))
                    input type="hidden" name="budget_revision" value=(view.budget_revision);
                    (line_fields(v, view, form, errors))
                    div.actions { button.button type="submit" { (v.t("add")) } }
                }
            }
            details {
                summary { (v.t("budget-import")) }
                p { (v.t("budget-import-lead")) }
                form.form method="post" action={ (v.href(&format!("{base}/budget/import"))) "?csrf=" (v.csrf) } enctype="multipart/form-data" {
                    (csrf_field(v))
                    input type="hidden" name="budget_revision" value=(view.budget_revision);
                    (layout::csv_file_field(&v.t("import-file"), html! { (v.t("import-columns")) " " code { (BUDGET_COLUMNS.join(",")) } }))
                    div.actions { button.button type="submit" { (v.t("import-submit")) } }
                }
            }
        }
    };
    layout::page(state, v, &title, body)
}

async fn answer(
    state: &AppState,
    v: &Viewer,
    id: i64,
    status: StatusCode,
    shown: &Shown<'_>,
) -> Result<Response, AppError> {
    let view = cases::read(state, &v.acting(), id).await?;
    Ok((status, page(state, v, &view, shown)).into_response())
}

pub async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    answer(&state, &v, id, StatusCode::OK, &Shown::default()).await
}

pub async fn add(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<BudgetLineForm>,
) -> Result<Response, AppError> {
    match cases::add_line(&state, &v.acting(), id, &form).await {
        Ok(_) => Ok(redirect(&v.href(&format!("/programmes/{id}/budget")))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let shown = Shown {
                adding: Some((&form, &errors)),
                ..Shown::default()
            };
            answer(&state, &v, id, StatusCode::UNPROCESSABLE_ENTITY, &shown).await
        }
        Err(error @ ateneu_app::Error::Conflict(_)) => {
            let error = AppError::from(error);
            let errors = FieldErrors::new();
            let shown = Shown {
                adding: Some((&form, &errors)),
                refused: Some(&error),
                ..Shown::default()
            };
            answer(&state, &v, id, StatusCode::CONFLICT, &shown).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn remove(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, line)): Path<(i64, i64)>,
    Form(form): Form<BudgetRevision>,
) -> Result<Response, AppError> {
    match cases::remove_line(&state, &v.acting(), id, line, &form.budget_revision).await {
        Ok(()) => Ok(redirect(&v.href(&format!("/programmes/{id}/budget")))),
        Err(error @ ateneu_app::Error::Conflict(_)) => {
            let error = AppError::from(error);
            let shown = Shown {
                refused: Some(&error),
                ..Shown::default()
            };
            answer(&state, &v, id, StatusCode::CONFLICT, &shown).await
        }
        Err(other) => Err(other.into()),
    }
}

fn not_a_file(detail: String) -> AppError {
    AppError::BadRequest(Problem::with_detail(ProblemKey::NotAFile, detail))
}

pub async fn import(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    // Who may not see the programme is told not found, and who may not change it forbidden,
    // before the body is read.
    if !cases::read(&state, &v.acting(), id).await?.may_manage {
        return Err(AppError::Forbidden);
    }
    let mut multipart = multipart?;
    let mut revision = String::new();
    let mut file = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| not_a_file(e.body_text()))?
    {
        match field.name() {
            Some("budget_revision") => {
                revision = field.text().await.map_err(|e| not_a_file(e.body_text()))?;
            }
            Some("file") => {
                file = Some(field.bytes().await.map_err(|e| not_a_file(e.body_text()))?);
            }
            _ => {}
        }
    }
    // No file reads as an empty one: refused after the person's rights are checked.
    let bytes = file.unwrap_or_default();
    let outcome = cases::import(&state, &v.acting(), id, &revision, &bytes).await;
    match outcome {
        Ok(count) => {
            let shown = Shown {
                imported: Some(count),
                ..Shown::default()
            };
            answer(&state, &v, id, StatusCode::OK, &shown).await
        }
        Err(
            error @ (ateneu_app::Error::Lines(_)
            | ateneu_app::Error::BadRequest(_)
            | ateneu_app::Error::Invalid(_)
            | ateneu_app::Error::Conflict(_)),
        ) => {
            let error = AppError::from(error);
            let shown = Shown {
                refused: Some(&error),
                ..Shown::default()
            };
            answer(&state, &v, id, error.status(), &shown).await
        }
        Err(other) => Err(other.into()),
    }
}

#[utoipa::path(
    get,
    path = "/programmes/{id}/budget",
    tag = "programmes",
    summary = "The budget: lines in exact money (minor units), totals per currency, year and funder, and the budget's revision",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Budget"))),
    security(("bearer" = []), ("session" = [])),
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
    path = "/programmes/{id}/budget",
    tag = "programmes",
    summary = "Add a budget line, with the budget's revision (409 changed_meanwhile when the budget changed since)",
    request_body(content = ref("#/components/schemas/BudgetLineForm"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/BudgetLine"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn add_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(form): ApiJson<BudgetLineForm>,
) -> Result<Response, AppError> {
    let line = cases::add_line(&state, &v.acting(), id, &form).await?;
    Ok((StatusCode::CREATED, Json(line)).into_response())
}

#[utoipa::path(
    delete,
    path = "/programmes/{id}/budget/{line}",
    tag = "programmes",
    summary = "Remove a budget line; ?budget_revision= the budget's revision (204)",
    params(
        ("budget_revision" = i64, Query, description = "the budget's revision the removal was decided on"),
    ),
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn remove_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, line)): Path<(i64, i64)>,
    Query(query): Query<BudgetRevision>,
) -> Result<Response, AppError> {
    cases::remove_line(&state, &v.acting(), id, line, &query.budget_revision).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(
    post,
    path = "/programmes/{id}/budget/import",
    tag = "programmes",
    summary = "Replace the whole budget with a CSV file (text/csv body; ?budget_revision=); every line checked first, the bad ones named, nothing changed when one is bad",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/BudgetImport"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn import_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Query(query): Query<BudgetRevision>,
    bytes: Bytes,
) -> Result<Response, AppError> {
    let count = cases::import(&state, &v.acting(), id, &query.budget_revision, &bytes).await?;
    Ok(Json(serde_json::json!({"lines": count})).into_response())
}

#[utoipa::path(
    get,
    path = "/programmes/{id}/budget.csv",
    tag = "programmes",
    summary = "The budget as CSV in the columns the import takes (no live formula)",
    responses((status = 200, description = "Success", body = String, content_type = "text/csv")),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn export_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let bytes = cases::export(&state, &v.acting(), id).await?;
    Ok(csv_response(&format!("budget-{id}.csv"), bytes))
}
