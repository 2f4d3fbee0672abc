//! The programme's pages: the catalogue of the 15 activities, the list of programmes, starting
//! one, a programme's page (period, status, priorities, the change form with its revision, the
//! consultations and their form).

use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::programmes::Programme;
use ateneu_app::programmes::activities::{self as activity_cases, Choices};
use ateneu_app::programmes::{self as cases, ProgrammeForm, ProgrammeView};
use ateneu_domain::permissions::Action;
use ateneu_domain::programmes::activities::ActivityInput;
use ateneu_domain::programmes::outputs::OutputInput;
use ateneu_domain::programmes::{ConsultationInput, Period, ProgrammeStatus};
use ateneu_domain::{FieldErrors, ProblemKey};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

/// A programme status in the reader's words.
pub fn status_label(v: &Viewer, status: ProgrammeStatus) -> String {
    v.t(&format!(
        "programme-status-{}",
        status.key().replace('_', "-")
    ))
}

fn period(v: &Viewer, period: &Period) -> Markup {
    html! {
        (period.starts_on) " – " (period.ends_on)
        @if period.is_short() {
            " " span.badge { (v.t("programme-short")) }
        }
    }
}

pub async fn list(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let programmes = match cases::list(&state, &v.acting()).await {
        Ok(programmes) => Some(programmes),
        Err(ateneu_app::Error::SignInRequired) => None,
        Err(other) => return Err(other.into()),
    };
    let title = v.t("programmes-title");
    let may_start = v.allows(Action::StartProgrammes);
    let body = html! {
        h1 { (title) }
        p { (v.t("programmes-intro")) " " a href=(v.href("/programmes/catalogue")) { (v.t("catalogue-title")) } }
        @if may_start { p { a.button href=(v.href("/programmes/new")) { (v.t("programme-new")) } } }
        @if v.signed_in.is_some() { p { a href=(v.href("/programmes/dashboard")) { (v.t("programme-dashboard-title")) } " · " a href=(v.href("/programmes/visits/hosts")) { (v.t("visit-hosts-title")) } } }
        @if ateneu_app::programmes::experts::may_keep_roster(&state, &v.acting()) { p { a href=(v.href("/experts")) { (v.t("experts-open")) } } }
        @match &programmes {
            None => { p.muted { (v.t("programmes-sign-in")) } }
            Some(list) if list.is_empty() => { p.muted { (v.t("programmes-none")) } }
            Some(list) => {
                table {
                    thead { tr { th { (v.t("programme-city")) } th { (v.t("programme-period")) } th { (v.t("programme-status")) } } }
                    tbody { @for item in list { tr {
                        td { a href=(v.href(&format!("/programmes/{}", item.programme.id))) { (layout::translated(&v, &item.city_name)) } }
                        td { (period(&v, &item.programme.draft.period)) }
                        td { (status_label(&v, item.programme.draft.status)) }
                    } } }
                }
            }
        }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

fn status_options(v: &Viewer, statuses: &[ProgrammeStatus]) -> Vec<(String, String)> {
    statuses
        .iter()
        .map(|s| (s.key().to_owned(), status_label(v, *s)))
        .collect()
}

/// The fields a programme's form shares when starting and changing it.
fn programme_fields(
    v: &Viewer,
    form: &ProgrammeForm,
    statuses: &[ProgrammeStatus],
    errors: &FieldErrors,
) -> Markup {
    html! {
        (Field::new("starts_on", v.t("programme-starts"), &form.starts_on).kind("date").required().render(v, errors))
        (Field::new("ends_on", v.t("programme-ends"), &form.ends_on).kind("date").required().hint(v.t("programme-ends-hint")).render(v, errors))
        (Field::new("short_reason", v.t("programme-short-reason"), &form.short_reason).kind("textarea").hint(v.t("programme-short-reason-hint")).render(v, errors))
        (layout::select(v, "status", &v.t("programme-status"), &status_options(v, statuses), &form.status, errors))
        (Field::new("priorities", v.t("programme-priorities"), &form.priorities).kind("textarea").hint(v.t("programme-priorities-hint")).render(v, errors))
    }
}

fn new_page(state: &AppState, v: &Viewer, form: &ProgrammeForm, errors: &FieldErrors) -> Markup {
    let title = v.t("programme-new");
    let body = html! {
        h1 { (title) }
        (form_errors(v, errors))
        form.form method="post" action=(v.href("/programmes/new")) novalidate {
            (csrf_field(v))
            (Field::new("city", v.t("programme-city"), &form.city).required().hint(v.t("programme-city-hint")).render(v, errors))
            (programme_fields(v, form, &ProgrammeStatus::ALL, errors))
            div.actions { button.button type="submit" { (v.t("programme-start")) } }
        }
    };
    layout::page(state, v, &title, body)
}

pub async fn new_form(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    v.require(Action::StartProgrammes)?;
    Ok(new_page(&state, &v, &ProgrammeForm::default(), &FieldErrors::new()).into_response())
}

pub async fn create(
    State(state): State<AppState>,
    v: Viewer,
    Form(form): Form<ProgrammeForm>,
) -> Result<Response, AppError> {
    match cases::create(&state, &v.acting(), &form).await {
        Ok(programme) => Ok(redirect(&v.href(&format!("/programmes/{}", programme.id)))),
        Err(ateneu_app::Error::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            new_page(&state, &v, &form, &errors),
        )
            .into_response()),
        Err(other) => Err(other.into()),
    }
}

/// What a programme's page holds besides the programme: the change form's values and
/// problems, the consultation form's, and a refusal to show above the form.
#[derive(Default)]
struct Forms {
    change: Option<(ProgrammeForm, FieldErrors)>,
    consultation: Option<(ConsultationInput, FieldErrors)>,
    activity: Option<(ActivityInput, FieldErrors)>,
    output: Option<(OutputInput, FieldErrors)>,
    /// Someone saved meanwhile: the fields where the saved version differs from the one sent.
    conflict: Option<Vec<String>>,
}

/// The label of a programme form's field.
fn field_label(v: &Viewer, field: &str) -> String {
    v.t(match field {
        "starts_on" => "programme-starts",
        "ends_on" => "programme-ends",
        "short_reason" => "programme-short-reason",
        "status" => "programme-status",
        _ => "programme-priorities",
    })
}

fn shown(v: &Viewer, programme: &Programme) -> Markup {
    let draft = &programme.draft;
    html! {
        dl {
            dt { (v.t("programme-period")) } dd { (period(v, &draft.period)) }
            @if let Some(reason) = &draft.period.short_reason {
                dt { (v.t("programme-short-reason")) } dd { (reason) }
            }
            dt { (v.t("programme-status")) } dd { (status_label(v, draft.status)) }
            dt { (v.t("programme-priorities")) }
            dd { @if draft.priorities.is_empty() { span.muted { (v.t("none")) } } @else { (draft.priorities) } }
        }
    }
}

fn detail_page(
    v: &Viewer,
    title: &str,
    view: &ProgrammeView,
    forms: &Forms,
    choices: Option<&Choices>,
) -> Markup {
    let programme = &view.programme;
    let city_name = view.city.draft.name.show(v.lang).text.to_owned();
    let empty = FieldErrors::new();
    let (change, change_errors) = match &forms.change {
        Some((form, errors)) => (form.clone(), errors),
        None => (ProgrammeForm::of(programme), &empty),
    };
    let (consultation, consultation_errors) = match &forms.consultation {
        Some((input, errors)) => (input.clone(), errors),
        None => (ConsultationInput::default(), &empty),
    };
    let base = format!("/programmes/{}", programme.id);
    html! {
        h1 { (title) }
        p { a href=(v.href(&format!("/cities/{}", view.city.slug))) { (city_name) } " · " span.badge { (v.t("visibility-confidential")) } }
        (shown(v, programme))
        @if view.rights.may_manage {
            details open[forms.change.is_some()] {
                summary { (v.t("programme-change")) }
                @if let Some(fields) = &forms.conflict {
                    div.form-errors role="alert" {
                        p { strong { (v.problem(&ateneu_domain::Problem::new(ProblemKey::ChangedMeanwhile))) } }
                        @if !fields.is_empty() {
                            p { (v.t("programme-differs")) " " (fields.iter().map(|f| field_label(v, f)).collect::<Vec<_>>().join(", ")) }
                        }
                    }
                }
                (form_errors(v, change_errors))
                form.form method="post" action=(v.href(&base)) novalidate {
                    (csrf_field(v))
                    input type="hidden" name="revision" value=(if forms.conflict.is_some() { programme.revision.to_string() } else { change.revision.clone() });
                    (programme_fields(v, &change, &programme.draft.status.next_choices(), change_errors))
                    div.actions { button.button type="submit" { (v.t("save")) } }
                }
            }
        }
        (super::activities::section(v, programme.id, &view.activities, choices, forms.activity.as_ref().map(|(i, e)| (i, e))))
        (super::outputs::section(v, programme.id, &view.outputs, &view.activities, view.rights.may_consult, forms.output.as_ref().map(|(i, e)| (i, e))))
        (super::mou::section(v, programme))
        section #budget-summary {
            h2 { (v.t("budget-title")) }
            @if view.budget.is_empty() { p.muted { (v.t("budget-none")) } } @else {
                ul { @for total in &view.budget {
                    li { (v.tf("budget-currency-line", &[
                        ("currency", total.currency.code().to_owned().into()),
                        ("planned", super::budget::money(&total.currency, total.amounts.planned).into()),
                        ("committed", super::budget::money(&total.currency, total.amounts.committed).into()),
                        ("spent", super::budget::money(&total.currency, total.amounts.spent).into()),
                    ])) }
                } }
            }
            p { a href=(v.href(&format!("{base}/budget"))) { (v.t("budget-open")) } " · " a href=(v.href(&format!("{base}/seven-keys"))) { (v.t("seven-keys-link")) } " · " a href=(v.href(&format!("{base}/module-tests"))) { (v.t("module-tests-title")) } }
        }
        section #consultations {
            h2 { (v.t("consultations-title")) }
            @if view.consultations.is_empty() { p.muted { (v.t("consultations-none")) } }
            @for c in &view.consultations {
                article.card {
                    h3 { (c.draft.held_on) }
                    dl {
                        @if !c.draft.city_people.is_empty() { dt { (v.t("consultation-city-people")) } dd { (c.draft.city_people) } }
                        @if !c.draft.secretariat_people.is_empty() { dt { (v.t("consultation-secretariat-people")) } dd { (c.draft.secretariat_people) } }
                        @if !c.draft.notes.is_empty() { dt { (v.t("consultation-notes")) } dd { (c.draft.notes) } }
                        @if !c.draft.decisions.is_empty() { dt { (v.t("consultation-decisions")) } dd { (c.draft.decisions) } }
                        @if !c.draft.follow_ups.is_empty() { dt { (v.t("consultation-follow-ups")) } dd { (c.draft.follow_ups) } }
                    }
                }
            }
            @if view.rights.may_consult {
                details open[forms.consultation.is_some()] {
                    summary { (v.t("consultation-add")) }
                    (form_errors(v, consultation_errors))
                    form.form method="post" action=(v.href(&format!("{base}/consultations"))) novalidate {
                        (csrf_field(v))
                        (Field::new("held_on", v.t("consultation-held-on"), &consultation.held_on).kind("date").required().render(v, consultation_errors))
                        (Field::new("city_people", v.t("consultation-city-people"), &consultation.city_people).render(v, consultation_errors))
                        (Field::new("secretariat_people", v.t("consultation-secretariat-people"), &consultation.secretariat_people).render(v, consultation_errors))
                        (Field::new("notes", v.t("consultation-notes"), &consultation.notes).kind("textarea").render(v, consultation_errors))
                        (Field::new("decisions", v.t("consultation-decisions"), &consultation.decisions).kind("textarea").render(v, consultation_errors))
                        (Field::new("follow_ups", v.t("consultation-follow-ups"), &consultation.follow_ups).kind("textarea").render(v, consultation_errors))
                        div.actions { button.button type="submit" { (v.t("add")) } }
                    }
                }
            }
        }
    }
}

/// The programme's page; its managers get the add-activity form with what its own fields
/// choose from.
async fn page(
    state: &AppState,
    v: &Viewer,
    view: &ProgrammeView,
    forms: &Forms,
) -> Result<Markup, AppError> {
    let city_name = view.city.draft.name.show(v.lang).text.to_owned();
    let title = v.tf("programme-title", &[("city", city_name.into())]);
    let choices = if view.rights.may_manage {
        Some(activity_cases::choices(state).await?)
    } else {
        None
    };
    let body = detail_page(v, &title, view, forms, choices.as_ref());
    Ok(layout::page(state, v, &title, body))
}

pub async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let view = cases::read(&state, &v.acting(), id).await?;
    Ok(page(&state, &v, &view, &Forms::default())
        .await?
        .into_response())
}

pub async fn update(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<ProgrammeForm>,
) -> Result<Response, AppError> {
    let (status, forms) = match cases::update(&state, &v.acting(), id, &form).await {
        Ok(_) => return Ok(redirect(&v.href(&format!("/programmes/{id}")))),
        Err(ateneu_app::Error::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Forms {
                change: Some((form, errors)),
                ..Forms::default()
            },
        ),
        Err(ateneu_app::Error::Conflict(problem))
            if problem.key == ProblemKey::ChangedMeanwhile =>
        {
            (
                StatusCode::CONFLICT,
                Forms {
                    change: Some((form, FieldErrors::new())),
                    conflict: Some(
                        problem
                            .detail
                            .iter()
                            .flat_map(|d| d.split(", "))
                            .filter(|f| !f.is_empty())
                            .map(str::to_owned)
                            .collect(),
                    ),
                    ..Forms::default()
                },
            )
        }
        Err(other) => return Err(other.into()),
    };
    // The page shows the programme as it is now, beside what this person sent.
    let view = cases::read(&state, &v.acting(), id).await?;
    Ok((status, page(&state, &v, &view, &forms).await?).into_response())
}

pub async fn add_consultation(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<ConsultationInput>,
) -> Result<Response, AppError> {
    match cases::add_consultation(&state, &v.acting(), id, &input).await {
        Ok(_) => Ok(redirect(
            &v.href(&format!("/programmes/{id}#consultations")),
        )),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let view = cases::read(&state, &v.acting(), id).await?;
            let forms = Forms {
                consultation: Some((input, errors)),
                ..Forms::default()
            };
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page(&state, &v, &view, &forms).await?,
            )
                .into_response())
        }
        Err(other) => Err(other.into()),
    }
}

/// The programme's page with the add-activity form's values and problems.
pub async fn with_activity_errors(
    state: &AppState,
    v: &Viewer,
    id: i64,
    input: &ActivityInput,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    let view = cases::read(state, &v.acting(), id).await?;
    let forms = Forms {
        activity: Some((input.clone(), errors.clone())),
        ..Forms::default()
    };
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        page(state, v, &view, &forms).await?,
    )
        .into_response())
}

/// The programme's page with the output filing form's values and problems.
pub async fn with_output_errors(
    state: &AppState,
    v: &Viewer,
    id: i64,
    input: &OutputInput,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    let view = cases::read(state, &v.acting(), id).await?;
    let forms = Forms {
        output: Some((input.clone(), errors.clone())),
        ..Forms::default()
    };
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        page(state, v, &view, &forms).await?,
    )
        .into_response())
}
