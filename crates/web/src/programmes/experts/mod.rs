//! The roster of experts on the web: the roster's page with its add form, an expert's page
//! (languages, fields, themes, biography, the engagements its reader may see) with its change
//! form, the experts engaged on an activity's page with the forms to engage, change and
//! remove; the same in the JSON API is `api.rs`. The use cases are
//! `ateneu_app::programmes::experts`.

pub mod api;

use super::activities::{self as activity_pages, name as activity_name};
use super::budget::money;
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::programmes::activities::ActivityView;
use ateneu_app::programmes::experts::{
    self as cases, EngagementForm, EngagementView, ExpertForm, ExpertView,
};
use ateneu_app::programmes::experts::{Engagement, Expert};
use ateneu_domain::programmes::experts::{EngagementInput, ExpertInput, ExpertRole};
use ateneu_domain::{FieldErrors, Problem, ProblemKey};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde_json::Value;

/// A role in the reader's words.
pub fn role_label(v: &Viewer, role: ExpertRole) -> String {
    v.t(&format!("expert-role-{}", role.key().replace('_', "-")))
}

/// A form's fields as sent (`fields` repeats, one checkbox each), read as the API's body.
fn expert_form(pairs: Vec<(String, String)>) -> Result<ExpertForm, AppError> {
    let mut object = serde_json::Map::new();
    let mut fields = Vec::new();
    for (key, value) in pairs {
        if key == "fields" {
            fields.push(Value::String(value));
        } else {
            object.insert(key, Value::String(value));
        }
    }
    object.insert("fields".into(), Value::Array(fields));
    serde_json::from_value(Value::Object(object)).map_err(|e| {
        AppError::BadRequest(Problem::with_detail(ProblemKey::BadRequest, e.to_string()))
    })
}

/// The fields an expert's form shares when adding and changing: the framework fields as
/// checkboxes by framework and domain.
async fn expert_fields(
    state: &AppState,
    v: &Viewer,
    input: &ExpertInput,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let frameworks = ateneu_app::practices::framework_groups(state).await?;
    let languages = input.languages.join(", ");
    let themes = input.themes.join(", ");
    Ok(html! {
        (Field::new("name", v.t("expert-name"), &input.name).required().render(v, errors))
        (Field::new("organisation", v.t("expert-organisation"), &input.organisation).render(v, errors))
        (Field::new("email", v.t("expert-email"), &input.email).kind("email").render(v, errors))
        (Field::new("languages", v.t("expert-languages"), &languages).hint(v.t("expert-languages-hint")).render(v, errors))
        fieldset #f-fields {
            legend { (v.t("expert-fields")) }
            @if let Some(problem) = errors.get("fields") { p.error { (v.problem(problem)) } }
            @for framework in &frameworks {
                @for domain in &framework.domains {
                    p.group { strong { (domain.name.get(v.lang)) } }
                    ul.plain { @for (key, name) in &domain.fields {
                        li { label { input type="checkbox" name="fields" value=(key) checked[input.fields.contains(key)]; " " (name.get(v.lang)) } }
                    } }
                }
            }
        }
        (Field::new("themes", v.t("expert-themes"), &themes).hint(v.t("expert-themes-hint")).render(v, errors))
        (Field::new("biography", v.t("expert-biography"), &input.biography).kind("textarea").render(v, errors))
        (Field::new("account", v.t("expert-account"), &input.account).kind("email").hint(v.t("expert-account-hint")).render(v, errors))
    })
}

async fn roster_page(
    state: &AppState,
    v: &Viewer,
    experts: &[Expert],
    adding: Option<(&ExpertInput, &FieldErrors)>,
) -> Result<Markup, AppError> {
    let empty = FieldErrors::new();
    let blank = ExpertInput::default();
    let (input, errors) = adding.unwrap_or((&blank, &empty));
    let labels = ateneu_app::practices::framework_fields(state).await?;
    let title = v.t("experts-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("experts-lead")) }
        @if experts.is_empty() { p.muted { (v.t("experts-none")) } } @else {
            div.table-wrap tabindex="0" { table.data {
                thead { tr { th { (v.t("expert-name")) } th { (v.t("expert-organisation")) } th { (v.t("expert-languages")) } th { (v.t("expert-fields")) } th { (v.t("expert-themes")) } } }
                tbody { @for expert in experts { tr {
                    td { a href=(v.href(&format!("/experts/{}", expert.id))) { (expert.draft.name) } }
                    td { (expert.draft.organisation) }
                    td { (expert.draft.languages.join(", ")) }
                    td { @for (i, key) in expert.draft.fields.iter().enumerate() {
                        @if i > 0 { ", " }
                        (labels.get(key).map_or(key.as_str(), |l| l.get(v.lang)))
                    } }
                    td { (expert.draft.themes.join(", ")) }
                } } }
            } }
        }
        details open[adding.is_some()] {
            summary { (v.t("expert-add")) }
            (form_errors(v, errors))
            form.form method="post" action=(v.href("/experts")) novalidate {
                (csrf_field(v))
                (expert_fields(state, v, input, errors).await?)
                div.actions { button.button type="submit" { (v.t("add")) } }
            }
        }
    };
    Ok(layout::page(state, v, &title, body))
}

pub async fn roster(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let experts = cases::roster(&state, &v.acting()).await?;
    Ok(roster_page(&state, &v, &experts, None)
        .await?
        .into_response())
}

pub async fn create(
    State(state): State<AppState>,
    v: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let form = expert_form(pairs)?;
    match cases::create(&state, &v.acting(), &form.expert).await {
        Ok(expert) => Ok(redirect(&v.href(&format!("/experts/{}", expert.id)))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let experts = cases::roster(&state, &v.acting()).await?;
            let page = roster_page(&state, &v, &experts, Some((&form.expert, &errors))).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

async fn expert_page(
    state: &AppState,
    v: &Viewer,
    view: &ExpertView,
    change: Option<(&ExpertForm, &FieldErrors)>,
    conflict: bool,
) -> Result<Markup, AppError> {
    let draft = &view.expert.draft;
    let labels = ateneu_app::practices::framework_fields(state).await?;
    let empty = FieldErrors::new();
    let current = ExpertForm::of(view);
    let (form, errors) = change.unwrap_or((&current, &empty));
    let body = html! {
        @if view.may_manage { p { a href=(v.href("/experts")) { "← " (v.t("experts-open")) } } }
        h1 { (draft.name) }
        @if !draft.organisation.is_empty() { p.lead { (draft.organisation) } }
        dl {
            @if let Some(email) = &draft.email { dt { (v.t("expert-email")) } dd { a href={ "mailto:" (email) } { (email) } } }
            @if !draft.languages.is_empty() { dt { (v.t("expert-languages")) } dd { (draft.languages.join(", ")) } }
            @if !draft.fields.is_empty() {
                dt { (v.t("expert-fields")) }
                dd { ul { @for key in &draft.fields { li { (labels.get(key).map_or(key.as_str(), |l| l.get(v.lang))) } } } }
            }
            @if !draft.themes.is_empty() { dt { (v.t("expert-themes")) } dd { (draft.themes.join(", ")) } }
            @if let Some(account) = &view.account { dt { (v.t("expert-account")) } dd { (account) } }
        }
        @if !draft.biography.is_empty() { h2 { (v.t("expert-biography")) } p { (draft.biography) } }
        section #engagements {
            h2 { (v.t("expert-engagements")) }
            @if view.engagements.is_empty() { p.muted { (v.t("expert-engagements-none")) } } @else {
                div.table-wrap tabindex="0" { table.data {
                    thead { tr { th { (v.t("engagement-activity")) } th { (v.t("programme-city")) } th { (v.t("engagement-role")) } th { (v.t("engagement-days")) } th { (v.t("engagement-fee")) } } }
                    tbody { @for past in &view.engagements { tr {
                        td { @if view.may_manage {
                            a href=(v.href(&format!("/programmes/{}/activities/{}", past.engagement.programme_id, past.activity.id))) { (activity_name(v, &past.activity)) }
                        } @else { (activity_name(v, &past.activity)) } }
                        td { (past.city.draft.name.show(v.lang).text) }
                        td { (role_label(v, past.engagement.draft.role)) }
                        td { (past.engagement.draft.starts_on) " – " (past.engagement.draft.ends_on) }
                        td { (fee(v, &past.engagement)) }
                    } } }
                } }
            }
        }
        @if view.may_manage {
            details open[change.is_some()] {
                summary { (v.t("expert-change")) }
                @if conflict {
                    div.form-errors role="alert" { p { strong { (v.problem(&Problem::new(ProblemKey::ChangedMeanwhile))) } } }
                }
                (form_errors(v, errors))
                form.form method="post" action=(v.href(&format!("/experts/{}", view.expert.id))) novalidate {
                    (csrf_field(v))
                    input type="hidden" name="revision" value=(if conflict { view.expert.revision.to_string() } else { form.revision.clone() });
                    (expert_fields(state, v, &form.expert, errors).await?)
                    div.actions { button.button type="submit" { (v.t("save")) } }
                }
            }
        }
    };
    Ok(layout::page(state, v, &draft.name, body))
}

fn fee(v: &Viewer, engagement: &Engagement) -> String {
    match &engagement.draft.fee {
        Some(fee) => money(&fee.currency, fee.minor),
        None => v.t("engagement-no-fee"),
    }
}

pub async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let view = cases::read(&state, &v.acting(), id).await?;
    Ok(expert_page(&state, &v, &view, None, false)
        .await?
        .into_response())
}

pub async fn update(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let form = expert_form(pairs)?;
    let (status, errors, conflict) = match cases::update(&state, &v.acting(), id, &form).await {
        Ok(_) => return Ok(redirect(&v.href(&format!("/experts/{id}")))),
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
    let view = cases::read(&state, &v.acting(), id).await?;
    let page = expert_page(&state, &v, &view, Some((&form, &errors)), conflict).await?;
    Ok((status, page).into_response())
}

/// What the experts section of an activity's page shows besides the engagements: the engage
/// form's values and problems, or a change refused (the engagement, what was sent, problems,
/// whether someone saved since).
#[derive(Default)]
pub struct Shown<'a> {
    pub adding: Option<(&'a EngagementInput, &'a FieldErrors)>,
    pub changing: Option<(i64, &'a EngagementForm, &'a FieldErrors, bool)>,
}

fn engagement_fields(
    v: &Viewer,
    scope: &str,
    experts: &[Expert],
    input: &EngagementInput,
    errors: &FieldErrors,
) -> Markup {
    let mut choices = vec![(String::new(), v.t("choose"))];
    choices.extend(experts.iter().map(|e| {
        (
            e.id.to_string(),
            format!("{} ({})", e.draft.name, e.draft.organisation),
        )
    }));
    let roles: Vec<(String, String)> = ExpertRole::ALL
        .iter()
        .map(|r| (r.key().to_owned(), role_label(v, *r)))
        .collect();
    let role = if input.role.is_empty() {
        "expert"
    } else {
        input.role.as_str()
    };
    html! {
        (layout::select_in(v, Some(scope), "expert", &v.t("engagement-expert"), &choices, &input.expert, errors))
        (layout::select_in(v, Some(scope), "role", &v.t("engagement-role"), &roles, role, errors))
        (Field::new("starts_on", v.t("programme-starts"), &input.starts_on).scope(scope).kind("date").required().render(v, errors))
        (Field::new("ends_on", v.t("programme-ends"), &input.ends_on).scope(scope).kind("date").required().render(v, errors))
        (Field::new("fee", v.t("engagement-fee"), &input.fee).scope(scope).hint(v.t("engagement-fee-hint")).render(v, errors))
        (Field::new("currency", v.t("engagement-currency"), &input.currency).scope(scope).hint(v.t("budget-currency-hint")).render(v, errors))
        (Field::new("note", v.t("engagement-note"), &input.note).scope(scope).kind("textarea").render(v, errors))
    }
}

/// The experts section of an activity's page: who is engaged, as what, when and for what fee,
/// with the forms to engage, change and remove for the programme's managers.
pub async fn section(
    state: &AppState,
    v: &Viewer,
    view: &ActivityView,
    shown: &Shown<'_>,
) -> Result<Markup, AppError> {
    let engagements = cases::of_activity_read(state, view).await?;
    let manage = view.rights.may_manage;
    let roster = if manage {
        cases::roster(state, &v.acting()).await.unwrap_or_default()
    } else {
        Vec::new()
    };
    let base = format!(
        "/programmes/{}/activities/{}/engagements",
        view.programme.id, view.activity.id
    );
    let empty = FieldErrors::new();
    let blank = EngagementInput::default();
    let (input, errors) = shown.adding.unwrap_or((&blank, &empty));
    let row = |e: &EngagementView| {
        let changing = shown.changing.filter(|(id, ..)| *id == e.engagement.id);
        let current = EngagementForm::of(&e.engagement);
        let (form, errors, conflict) = match changing {
            Some((_, form, errors, conflict)) => (form, errors, conflict),
            None => (&current, &empty, false),
        };
        let scope = format!("engagement-{}", e.engagement.id);
        let expert = if cases::may_keep_roster(state, &v.acting()) {
            html! { a href=(v.href(&format!("/experts/{}", e.expert.id))) { (e.expert.draft.name) } }
        } else {
            html! { (e.expert.draft.name) }
        };
        html! {
            li {
                strong { (expert) } " · " (role_label(v, e.engagement.draft.role))
                " · " (e.engagement.draft.starts_on) " – " (e.engagement.draft.ends_on)
                " · " (fee(v, &e.engagement))
                @if !e.engagement.draft.note.is_empty() { br; span.muted { (e.engagement.draft.note) } }
                @if manage {
                    details open[changing.is_some()] {
                        summary { (v.t("engagement-change")) }
                        @if conflict {
                            div.form-errors role="alert" { p { strong { (v.problem(&Problem::new(ProblemKey::ChangedMeanwhile))) } } }
                        }
                        (layout::form_errors_in(v, Some(&scope), errors))
                        form.form method="post" action=(v.href(&format!("{base}/{}", e.engagement.id))) novalidate {
                            (csrf_field(v))
                            input type="hidden" name="revision" value=(if conflict { e.engagement.revision.to_string() } else { form.revision.clone() });
                            (engagement_fields(v, &scope, &roster, &form.engagement, errors))
                            div.actions { button.button type="submit" { (v.t("save")) } }
                        }
                        form method="post" action=(v.href(&format!("{base}/{}/remove", e.engagement.id))) {
                            (csrf_field(v))
                            button.button.secondary type="submit" { (v.t("remove")) }
                        }
                    }
                }
            }
        }
    };
    Ok(html! {
        section #experts {
            h2 { (v.t("engagements-title")) }
            @if engagements.is_empty() { p.muted { (v.t("engagements-none")) } }
            @else { ul { @for e in &engagements { (row(e)) } } }
            @if manage {
                details open[shown.adding.is_some()] {
                    summary { (v.t("engagement-add")) }
                    (layout::form_errors_in(v, Some("engage"), errors))
                    form.form method="post" action=(v.href(&base)) novalidate {
                        (csrf_field(v))
                        (engagement_fields(v, "engage", &roster, input, errors))
                        div.actions { button.button type="submit" { (v.t("add")) } }
                    }
                    @if cases::may_keep_roster(state, &v.acting()) { p { a href=(v.href("/experts")) { (v.t("experts-open")) } } }
                }
            }
        }
    })
}

/// The activity's page again, with the experts section as `shown` says.
async fn answer(
    state: &AppState,
    v: &Viewer,
    (id, activity): (i64, i64),
    status: StatusCode,
    shown: &Shown<'_>,
) -> Result<Response, AppError> {
    let shown = activity_pages::Shown {
        experts: Shown {
            adding: shown.adding,
            changing: shown.changing,
        },
        ..Default::default()
    };
    activity_pages::answer(state, v, (id, activity), status, shown).await
}

fn activity_href(v: &Viewer, id: i64, activity: i64) -> String {
    v.href(&format!("/programmes/{id}/activities/{activity}#experts"))
}

pub async fn engage(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity)): Path<(i64, i64)>,
    Form(input): Form<EngagementInput>,
) -> Result<Response, AppError> {
    match cases::engage(&state, &v.acting(), id, activity, &input).await {
        Ok(_) => Ok(redirect(&activity_href(&v, id, activity))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let shown = Shown {
                adding: Some((&input, &errors)),
                ..Shown::default()
            };
            answer(
                &state,
                &v,
                (id, activity),
                StatusCode::UNPROCESSABLE_ENTITY,
                &shown,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn update_engagement(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity, engagement)): Path<(i64, i64, i64)>,
    Form(form): Form<EngagementForm>,
) -> Result<Response, AppError> {
    let (status, errors, conflict) = match cases::update_engagement(
        &state,
        &v.acting(),
        (id, activity, engagement),
        &form,
    )
    .await
    {
        Ok(_) => return Ok(redirect(&activity_href(&v, id, activity))),
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
    let shown = Shown {
        changing: Some((engagement, &form, &errors, conflict)),
        ..Shown::default()
    };
    answer(&state, &v, (id, activity), status, &shown).await
}

pub async fn remove_engagement(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, activity, engagement)): Path<(i64, i64, i64)>,
    Form(_): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    cases::remove_engagement(&state, &v.acting(), (id, activity, engagement)).await?;
    Ok(redirect(&activity_href(&v, id, activity)))
}
