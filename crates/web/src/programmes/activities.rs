//! A programme's activities on the web: the list and the add form on the programme's page, an
//! activity's page (its catalogue description, dates, place, people responsible, status, focus
//! the budget lines that pay for it, the experts engaged, what its kind records of its own —
//! `specifics` — and the records it produced — `links`) with its change form, and the same in
//! the JSON API.

pub mod links;
pub mod specifics;

use super::budget::money;
use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::programmes::activities::Activity;
use ateneu_app::programmes::activities::{self as cases, ActivityForm, ActivityView, Choices};
use ateneu_domain::programmes::activities::{ActivityInput, ActivityStatus};
use ateneu_domain::{FieldErrors, Problem, ProblemKey};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

/// An activity status in the reader's words.
pub fn status_label(v: &Viewer, status: ActivityStatus) -> String {
    v.t(&format!(
        "activity-status-{}",
        status.key().replace('_', "-")
    ))
}

/// An activity's name: its own title, or its catalogue activity's name.
pub fn name(v: &Viewer, activity: &Activity) -> String {
    let catalogue = activity
        .draft
        .catalogue_key
        .as_deref()
        .and_then(|key| v.catalogue.catalogue.activity(key));
    match (&activity.draft.title, catalogue) {
        (Some(title), _) => title.clone(),
        (None, Some(entry)) => format!("{}. {}", entry.number, entry.name.get(v.lang)),
        (None, None) => format!("#{}", activity.id),
    }
}

/// The fields an activity's form shares when adding and changing it; `scope` makes their ids
/// unique on the programme's page, which has other forms with the same fields.
pub fn fields(
    v: &Viewer,
    scope: Option<&str>,
    input: &ActivityInput,
    choices: &Choices,
    errors: &FieldErrors,
) -> Markup {
    // Adding, every kind's own fields show; changing, those of the kind chosen.
    let kind = if scope == Some("activity") {
        None
    } else {
        Some(input.catalogue_key.trim())
    };
    let mut kinds = vec![(String::new(), v.t("activity-custom"))];
    kinds.extend(v.catalogue.catalogue.activities.iter().map(|a| {
        (
            a.key.clone(),
            format!("{}. {}", a.number, a.name.get(v.lang)),
        )
    }));
    let statuses: Vec<(String, String)> = ActivityStatus::ALL
        .iter()
        .map(|s| (s.key().to_owned(), status_label(v, *s)))
        .collect();
    html! {
        (layout::select_in(v, scope, "catalogue_key", &v.t("activity-kind"), &kinds, &input.catalogue_key, errors))
        (Field::new("title", v.t("activity-title"), &input.title).hint(v.t("activity-title-hint")).in_scope(scope).render(v, errors))
        (Field::new("starts_on", v.t("programme-starts"), &input.starts_on).kind("date").required().in_scope(scope).render(v, errors))
        (Field::new("ends_on", v.t("programme-ends"), &input.ends_on).kind("date").required().in_scope(scope).render(v, errors))
        (Field::new("place", v.t("activity-place"), &input.place).in_scope(scope).render(v, errors))
        (Field::new("city_leads", v.t("activity-city-leads"), &input.city_leads).in_scope(scope).render(v, errors))
        (Field::new("secretariat_leads", v.t("activity-secretariat-leads"), &input.secretariat_leads).in_scope(scope).render(v, errors))
        (layout::select_in(v, scope, "status", &v.t("programme-status"), &statuses, &input.status, errors))
        (Field::new("focus", v.t("activity-focus"), &input.focus).kind("textarea").hint(v.t("activity-focus-hint")).in_scope(scope).render(v, errors))
        (specifics::fields(v, scope, kind, &input.specifics, choices, errors))
    }
}

/// The activities section of a programme's page, with its add form for the managers.
pub fn section(
    v: &Viewer,
    programme_id: i64,
    activities: &[Activity],
    choices: Option<&Choices>,
    adding: Option<(&ActivityInput, &FieldErrors)>,
) -> Markup {
    let empty = FieldErrors::new();
    let blank = ActivityInput::default();
    let (input, errors) = adding.unwrap_or((&blank, &empty));
    let base = format!("/programmes/{programme_id}/activities");
    html! {
        section #activities {
            h2 { (v.t("activities-title")) }
            @if activities.is_empty() { p.muted { (v.t("activities-none")) } } @else {
                div.table-wrap tabindex="0" { table.data {
                    thead { tr { th { (v.t("activity-title")) } th { (v.t("programme-period")) } th { (v.t("activity-place")) } th { (v.t("programme-status")) } } }
                    tbody { @for a in activities { tr {
                        td { a href=(v.href(&format!("{base}/{}", a.id))) { (name(v, a)) } }
                        td { (a.draft.starts_on) " – " (a.draft.ends_on) }
                        td { (a.draft.place) }
                        td { (status_label(v, a.draft.status)) }
                    } } }
                } }
            }
            @if let Some(choices) = choices {
                details open[adding.is_some()] {
                    summary { (v.t("activity-add")) }
                    (layout::form_errors_in(v, Some("activity"), errors))
                    form.form method="post" action=(v.href(&base)) novalidate {
                        (csrf_field(v))
                        (fields(v, Some("activity"), input, choices, errors))
                        div.actions { button.button type="submit" { (v.t("add")) } }
                    }
                }
            }
        }
    }
}

/// What an activity's page shows besides the activity: a change refused (what was sent, its
/// problems, whether someone saved since), the experts section, the link form's problems.
#[derive(Default)]
pub(super) struct Shown<'a> {
    pub change: Option<(&'a ActivityForm, &'a FieldErrors)>,
    pub conflict: bool,
    pub experts: super::experts::Shown<'a>,
    /// The link form refused: the record chosen and its problems.
    pub linking: Option<(&'a str, &'a FieldErrors)>,
}

/// The activity's page as `shown` says, with `status`.
pub(super) async fn answer(
    state: &AppState,
    v: &Viewer,
    (id, activity): (i64, i64),
    status: StatusCode,
    shown: Shown<'_>,
) -> Result<Response, AppError> {
    let view = cases::read(state, &v.acting(), id, activity).await?;
    let experts = super::experts::section(state, v, &view, &shown.experts).await?;
    let choices = if view.rights.may_manage {
        cases::choices(state).await?
    } else {
        Choices::default()
    };
    let link_choices = cases::links::choices(state, &v.acting(), &view).await?;
    let links = links::section(v, &view, &link_choices, shown.linking);
    Ok((
        status,
        page(state, v, &view, &shown, &choices, [experts, links]),
    )
        .into_response())
}

/// An activity's page; `sections` are its experts (`experts::section`) and the records it
/// produces (`links::section`).
fn page(
    state: &AppState,
    v: &Viewer,
    view: &ActivityView,
    shown: &Shown<'_>,
    choices: &Choices,
    [experts, links]: [Markup; 2],
) -> Markup {
    let (change, conflict) = (shown.change, shown.conflict);
    let activity = &view.activity;
    let title = name(v, activity);
    let city = view.city.draft.name.show(v.lang).text.to_owned();
    let programme = format!("/programmes/{}", view.programme.id);
    let empty = FieldErrors::new();
    let current = ActivityForm::of(activity);
    let (form, errors) = change.unwrap_or((&current, &empty));
    let draft = &activity.draft;
    let body = html! {
        p { a href=(v.href(&programme)) { "← " (v.tf("programme-title", &[("city", city.into())])) } }
        h1 { (title) }
        @if let Some(entry) = &view.catalogue {
            p.lead { (entry.description.get(v.lang)) }
        }
        dl {
            dt { (v.t("programme-period")) } dd { (draft.starts_on) " – " (draft.ends_on) }
            @if !draft.place.is_empty() { dt { (v.t("activity-place")) } dd { (draft.place) } }
            @if !draft.city_leads.is_empty() { dt { (v.t("activity-city-leads")) } dd { (draft.city_leads) } }
            @if !draft.secretariat_leads.is_empty() { dt { (v.t("activity-secretariat-leads")) } dd { (draft.secretariat_leads) } }
            dt { (v.t("programme-status")) } dd { (status_label(v, draft.status)) }
            @if !draft.focus.is_empty() { dt { (v.t("activity-focus")) } dd { (draft.focus) } }
            (specifics::shown(v, view))
            @if let Some(entry) = &view.catalogue {
                dt { (v.t("catalogue-duration")) } dd { (entry.duration.get(v.lang)) }
                dt { (v.t("catalogue-experts")) } dd { (entry.experts.get(v.lang)) }
                @if !entry.outputs.is_empty() {
                    dt { (v.t("catalogue-outputs")) }
                    dd { ul { @for output in &entry.outputs { li { (output.name.get(v.lang)) " " span.muted { "(" (v.t(&format!("visibility-{}", output.visibility.key()))) ")" } } } } }
                }
            }
        }
        section #budget {
            h2 { (v.t("budget-title")) }
            @if view.budget_lines.is_empty() { p.muted { (v.t("budget-none")) } }
            @else { ul { @for line in &view.budget_lines {
                li { (line.draft.year) " · " (super::budget::category_label(v, line.draft.category)) " · " (line.draft.funder) " · " (money(&line.draft.currency, line.draft.amounts.planned)) }
            } } }
            p { a href=(v.href(&format!("{programme}/budget"))) { (v.t("budget-open")) } }
        }
        (experts)
        (links)
        @if view.rights.may_manage {
            details open[change.is_some()] {
                summary { (v.t("activity-change")) }
                @if conflict {
                    div.form-errors role="alert" { p { strong { (v.problem(&Problem::new(ProblemKey::ChangedMeanwhile))) } } }
                }
                (form_errors(v, errors))
                form.form method="post" action=(v.href(&format!("{programme}/activities/{}", activity.id))) novalidate {
                    (csrf_field(v))
                    input type="hidden" name="revision" value=(if conflict { activity.revision.to_string() } else { form.revision.clone() });
                    (fields(v, None, &form.activity, choices, errors))
                    div.actions { button.button type="submit" { (v.t("save")) } }
                }
            }
        }
    };
    layout::page(state, v, &title, body)
}

pub async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    answer(&state, &v, (id, activity), StatusCode::OK, Shown::default()).await
}

pub async fn add(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<ActivityInput>,
) -> Result<Response, AppError> {
    match cases::add(&state, &v.acting(), id, &input).await {
        Ok(activity) => Ok(redirect(
            &v.href(&format!("/programmes/{id}/activities/{}", activity.id)),
        )),
        Err(ateneu_app::Error::Invalid(errors)) => {
            super::pages::with_activity_errors(&state, &v, id, &input, &errors).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn update(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity)): Path<(i64, i64)>,
    Form(form): Form<ActivityForm>,
) -> Result<Response, AppError> {
    let (status, errors, conflict) =
        match cases::update(&state, &v.acting(), id, activity, &form).await {
            Ok(_) => {
                return Ok(redirect(
                    &v.href(&format!("/programmes/{id}/activities/{activity}")),
                ));
            }
            Err(ateneu_app::Error::Invalid(errors)) => {
                (StatusCode::UNPROCESSABLE_ENTITY, errors, false)
            }
            Err(ateneu_app::Error::Conflict(problem))
                if problem.key == ProblemKey::ChangedMeanwhile =>
            {
                (StatusCode::CONFLICT, FieldErrors::new(), true)
            }
            Err(other) => return Err(other.into()),
        };
    // The page shows the activity as it is now, beside what this person sent.
    let shown = Shown {
        change: Some((&form, &errors)),
        conflict,
        ..Default::default()
    };
    answer(&state, &v, (id, activity), status, shown).await
}

#[utoipa::path(
    post,
    path = "/programmes/{id}/activities",
    tag = "programmes",
    summary = "Add an activity (the programme's managers): catalogue_key for one of the 15, or a custom title; its days inside the programme's period (422 outside_programme)",
    request_body(content = ref("#/components/schemas/ActivityInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Activity"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn add_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ActivityInput>,
) -> Result<Response, AppError> {
    let activity = cases::add(&state, &v.acting(), id, &input).await?;
    Ok((StatusCode::CREATED, Json(activity)).into_response())
}

#[utoipa::path(
    get,
    path = "/programmes/{id}/activities/{activity}",
    tag = "programmes",
    summary = "An activity with its programme, city, catalogue entry and budget lines (404 to whoever may not see the programme)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/ActivityView"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn detail_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), id, activity).await?).into_response())
}

#[utoipa::path(
    put,
    path = "/programmes/{id}/activities/{activity}",
    tag = "programmes",
    summary = "Change an activity, with the revision the change was made on (409 changed_meanwhile when someone saved since)",
    request_body(content = ref("#/components/schemas/ActivityForm"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Activity"))),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn update_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<ActivityForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::update(&state, &v.acting(), id, activity, &form).await?).into_response())
}
