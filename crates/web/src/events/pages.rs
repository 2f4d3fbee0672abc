//! The events calendar's pages: the calendar (to come, past) with the secretariat's form for a
//! new event, an event's page (its requests and answers as the reader may see them, the answer
//! form for the city's editors, the secretariat's forms to change it, ask cities, reopen a
//! request and confirm representatives), the requests waiting for an answer, and a city's
//! representation for its page.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors, translated};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::events::Event;
use ateneu_app::events::{
    self as cases, AnswerForm, AskForm, EventForm, EventView, ReopenForm, RequestItem, RequestView,
};
use ateneu_domain::events::{Availability, EventInput, EventKind, RepresentationInput};
use ateneu_domain::ids::CityId;
use ateneu_domain::{FieldErrors, Lang, Problem};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

fn label(v: &Viewer, prefix: &str, key: &str) -> String {
    v.t(&format!("{prefix}-{}", key.replace('_', "-")))
}

fn days(event: &Event) -> Markup {
    html! {
        @if event.draft.starts_on == event.draft.ends_on { (event.draft.starts_on) }
        @else { (event.draft.starts_on) " – " (event.draft.ends_on) }
    }
}

fn event_line(v: &Viewer, event: &Event) -> Markup {
    html! {
        li { a href=(v.href(&format!("/events/{}", event.id))) { (translated(v, &event.draft.title)) }
            " · " (days(event)) " · " (label(v, "event-kind", event.draft.kind.key()))
            @if !event.draft.place.is_empty() { " · " (event.draft.place) } }
    }
}

/// The fields of an event's form (new or changed).
fn event_fields(v: &Viewer, input: &EventInput, errors: &FieldErrors) -> Markup {
    let langs: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), v.language(*l)))
        .collect();
    let kinds: Vec<(String, String)> = EventKind::ALL
        .iter()
        .map(|k| (k.key().to_owned(), label(v, "event-kind", k.key())))
        .collect();
    html! {
        (layout::select(v, "lang", &v.t("event-lang"), &langs, &input.lang, errors))
        (Field::new("title_en", v.t("event-title-en"), &input.title_en).render(v, errors))
        (Field::new("title_fr", v.t("event-title-fr"), &input.title_fr).render(v, errors))
        (Field::new("title_es", v.t("event-title-es"), &input.title_es).render(v, errors))
        (layout::select(v, "kind", &v.t("event-kind"), &kinds, &input.kind, errors))
        (Field::new("place", v.t("event-place"), &input.place).render(v, errors))
        (Field::new("starts_on", v.t("event-starts"), &input.starts_on).kind("date").required().render(v, errors))
        (Field::new("ends_on", v.t("event-ends"), &input.ends_on).kind("date").render(v, errors))
        (Field::new("link", v.t("event-link"), &input.link).kind("url").render(v, errors))
        (Field::new("description", v.t("event-description"), &input.description).kind("textarea").render(v, errors))
    }
}

fn calendar_page(
    state: &AppState,
    v: &Viewer,
    calendar: &cases::Calendar,
    new: Option<(&EventInput, &FieldErrors)>,
) -> Markup {
    let empty = FieldErrors::new();
    let blank = EventInput::default();
    let (input, errors) = new.unwrap_or((&blank, &empty));
    let title = v.t("events-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("events-lead")) }
        @if v.signed_in.is_some() {
            p { a href=(v.href("/events/waiting")) { (v.t("events-waiting-title")) } }
        }
        @if calendar.may_manage {
            p { a href="/api/v1/events.ics" download="events.ics" { (v.t("events-ical")) } }
            details open[new.is_some()] {
                summary { (v.t("event-new")) }
                (form_errors(v, errors))
                form.form method="post" action=(v.href("/events")) novalidate {
                    (csrf_field(v))
                    (event_fields(v, input, errors))
                    div.actions { button.button type="submit" { (v.t("add")) } }
                }
            }
        }
        section #upcoming {
            h2 { (v.t("events-upcoming")) }
            @if calendar.upcoming.is_empty() { p.muted { (v.t("events-none")) } }
            @else { ul { @for e in &calendar.upcoming { (event_line(v, e)) } } }
        }
        section #past {
            h2 { (v.t("events-past")) }
            @if calendar.past.is_empty() { p.muted { (v.t("events-none")) } }
            @else { ul { @for e in &calendar.past { (event_line(v, e)) } } }
        }
    };
    layout::page(state, v, &title, body)
}

pub async fn calendar(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let calendar = cases::calendar(&state, &v.acting()).await?;
    Ok(calendar_page(&state, &v, &calendar, None).into_response())
}

pub async fn create(
    State(state): State<AppState>,
    v: Viewer,
    Form(input): Form<EventInput>,
) -> Result<Response, AppError> {
    match cases::create(&state, &v.acting(), &input).await {
        Ok(event) => Ok(redirect(&v.href(&format!("/events/{}", event.id)))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            let calendar = cases::calendar(&state, &v.acting()).await?;
            let page = calendar_page(&state, &v, &calendar, Some((&input, &errors)));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

/// What an event's page holds besides the event: a form's values and problems.
#[derive(Default)]
struct Forms {
    change: Option<(EventForm, FieldErrors)>,
    ask: Option<(AskForm, FieldErrors)>,
    answer: Option<(i64, AnswerForm, FieldErrors)>,
    reopen: Option<(i64, ReopenForm, FieldErrors)>,
    confirm: Option<(RepresentationInput, FieldErrors)>,
}

fn answer_label(v: &Viewer, request: &RequestView) -> Markup {
    html! {
        @match &request.request.answer {
            None => span.badge { (v.t("request-unanswered")) },
            Some(answer) => {
                span.badge { (label(v, "availability", answer.availability.key())) }
                @if answer.availability == Availability::Representative {
                    " " (answer.representative_name) ", " (answer.representative_position)
                }
                @if !answer.comment.is_empty() { " — " (answer.comment) }
            }
        }
    }
}

fn answer_form(v: &Viewer, event_id: i64, request: &RequestView, forms: &Forms) -> Markup {
    let id = request.request.id;
    let scope = format!("answer-{id}");
    let empty = FieldErrors::new();
    let sent = forms.answer.as_ref().filter(|(r, _, _)| *r == id);
    let (form, errors) = match sent {
        Some((_, form, errors)) => (form.clone(), errors),
        None => {
            let mut form = AnswerForm {
                revision: request.request.revision.to_string(),
                ..AnswerForm::default()
            };
            if let Some(answer) = &request.request.answer {
                form.answer.availability = answer.availability.key().to_owned();
                form.answer.representative_name = answer.representative_name.clone();
                form.answer.representative_position = answer.representative_position.clone();
                form.answer.comment = answer.comment.clone();
            }
            (form, &empty)
        }
    };
    let choices: Vec<(String, String)> = Availability::ALL
        .iter()
        .map(|a| (a.key().to_owned(), label(v, "availability", a.key())))
        .collect();
    html! {
        details open[sent.is_some() || request.request.answer.is_none()] {
            summary { (v.t("request-answer")) }
            (layout::form_errors_in(v, Some(&scope), errors))
            form.form method="post" action=(v.href(&format!("/events/{event_id}/requests/{id}/answer"))) novalidate {
                (csrf_field(v))
                input type="hidden" name="revision" value=(form.revision);
                (layout::select_in(v, Some(&scope), "availability", &v.t("request-availability"), &choices, &form.answer.availability, errors))
                (Field::new("representative_name", v.t("request-representative-name"), &form.answer.representative_name).scope(&scope).hint(v.t("request-representative-hint")).render(v, errors))
                (Field::new("representative_position", v.t("request-representative-position"), &form.answer.representative_position).scope(&scope).render(v, errors))
                (Field::new("comment", v.t("request-comment"), &form.answer.comment).scope(&scope).kind("textarea").render(v, errors))
                div.actions { button.button type="submit" { (v.t("save")) } }
            }
        }
    }
}

fn reopen_form(v: &Viewer, event_id: i64, request: &RequestView, forms: &Forms) -> Markup {
    let id = request.request.id;
    let scope = format!("reopen-{id}");
    let empty = FieldErrors::new();
    let sent = forms.reopen.as_ref().filter(|(r, _, _)| *r == id);
    let (deadline, errors) =
        sent.map_or((String::new(), &empty), |(_, f, e)| (f.deadline.clone(), e));
    html! {
        details open[sent.is_some()] {
            summary { (v.t("request-reopen")) }
            (layout::form_errors_in(v, Some(&scope), errors))
            form.form method="post" action=(v.href(&format!("/events/{event_id}/requests/{id}/reopen"))) novalidate {
                (csrf_field(v))
                (Field::new("deadline", v.t("request-deadline"), &deadline).scope(&scope).kind("date").required().render(v, errors))
                div.actions { button.button type="submit" { (v.t("request-reopen")) } }
            }
        }
    }
}

fn requests_section(v: &Viewer, view: &EventView, forms: &Forms) -> Markup {
    let id = view.event.id;
    let empty = FieldErrors::new();
    let (ask, ask_errors) = match &forms.ask {
        Some((form, errors)) => (form.clone(), errors),
        None => (AskForm::default(), &empty),
    };
    let cities = ask.cities.join("\n");
    html! {
        section #requests {
            h2 { (v.t("requests-title")) }
            @if view.requests.is_empty() { p.muted { (v.t("requests-none")) } }
            @for request in &view.requests {
                article.card id={ "request-" (request.request.id) } {
                    h3 { a href=(v.href(&format!("/cities/{}", request.city.slug))) { (translated(v, &request.city.draft.name)) } }
                    p { (v.tf("request-deadline-on", &[("deadline", request.request.deadline.to_string().into())]))
                        @if !request.open { " " span.badge { (v.t("request-closed")) } } }
                    p { (answer_label(v, request)) }
                    @if request.may_answer { (answer_form(v, id, request, forms)) }
                    @else if !request.open {
                        @if let Some((_, _, errors)) = forms.answer.as_ref().filter(|(r, _, _)| *r == request.request.id) { (form_errors(v, errors)) }
                        p.muted { (v.tf("request-closed-lead", &[("deadline", request.request.deadline.to_string().into())])) }
                    }
                    @if view.may_manage { (reopen_form(v, id, request, forms)) }
                }
            }
            @if view.may_manage {
                details open[forms.ask.is_some()] {
                    summary { (v.t("requests-ask")) }
                    (form_errors(v, ask_errors))
                    form.form method="post" action=(v.href(&format!("/events/{id}/requests"))) novalidate {
                        (csrf_field(v))
                        (Field::new("cities", v.t("requests-cities"), &cities).kind("textarea").hint(v.t("requests-cities-hint")).required().render(v, ask_errors))
                        (Field::new("deadline", v.t("request-deadline"), &ask.deadline).kind("date").required().render(v, ask_errors))
                        div.actions { button.button type="submit" { (v.t("requests-ask")) } }
                    }
                }
            }
        }
    }
}

fn representatives_section(v: &Viewer, view: &EventView, forms: &Forms) -> Markup {
    let id = view.event.id;
    let empty = FieldErrors::new();
    let (input, errors) = match &forms.confirm {
        Some((input, errors)) => (input.clone(), errors),
        None => (RepresentationInput::default(), &empty),
    };
    html! {
        section #representatives {
            h2 { (v.t("representation-title")) }
            @if view.representatives.is_empty() { p.muted { (v.t("representation-none")) } }
            @else { ul { @for r in &view.representatives {
                li { (r.representative.draft.name)
                    @if !r.representative.draft.position.is_empty() { ", " (r.representative.draft.position) }
                    " · " a href=(v.href(&format!("/cities/{}", r.city.slug))) { (translated(v, &r.city.draft.name)) }
                    @if view.may_manage {
                        " "
                        form.inline method="post" action=(v.href(&format!("/events/{id}/representatives/{}/remove", r.representative.id))) {
                            (csrf_field(v))
                            button.link type="submit" { (v.t("representation-withdraw")) }
                        }
                    }
                }
            } } }
            @if view.may_manage {
                details open[forms.confirm.is_some()] {
                    summary { (v.t("representation-confirm")) }
                    (form_errors(v, errors))
                    form.form method="post" action=(v.href(&format!("/events/{id}/representatives"))) novalidate {
                        (csrf_field(v))
                        (Field::new("city", v.t("programme-city"), &input.city).required().render(v, errors))
                        (Field::new("name", v.t("request-representative-name"), &input.name).required().render(v, errors))
                        (Field::new("position", v.t("request-representative-position"), &input.position).render(v, errors))
                        div.actions { button.button type="submit" { (v.t("representation-confirm")) } }
                    }
                }
            }
        }
    }
}

fn page(state: &AppState, v: &Viewer, view: &EventView, forms: &Forms) -> Markup {
    let event = &view.event;
    let title = event.draft.title.show(v.lang).text.to_owned();
    let empty = FieldErrors::new();
    let (change, change_errors) = match &forms.change {
        Some((form, errors)) => (form.clone(), errors),
        None => (EventForm::of(event), &empty),
    };
    let body = html! {
        p { a href=(v.href("/events")) { (v.t("events-title")) } }
        h1 { (translated(v, &event.draft.title)) }
        p { span.badge { (label(v, "event-kind", event.draft.kind.key())) } " " (days(event))
            @if !event.draft.place.is_empty() { " · " (event.draft.place) }
            @if view.past { " " span.badge { (v.t("events-past")) } } }
        @if let Some(link) = &event.draft.link { p { a href=(link) rel="external noopener" { (link) } } }
        @if !event.draft.description.is_empty() { p.lead { (event.draft.description) } }
        @if view.may_manage {
            details open[forms.change.is_some()] {
                summary { (v.t("event-change")) }
                (form_errors(v, change_errors))
                form.form method="post" action=(v.href(&format!("/events/{}", event.id))) novalidate {
                    (csrf_field(v))
                    input type="hidden" name="revision" value=(change.revision);
                    (event_fields(v, &change.event, change_errors))
                    div.actions { button.button type="submit" { (v.t("save")) } }
                }
            }
        }
        @if view.may_manage || !view.requests.is_empty() { (requests_section(v, view, forms)) }
        (representatives_section(v, view, forms))
    };
    layout::page(state, v, &title, body)
}

pub async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let view = cases::read(&state, &v.acting(), id).await?;
    Ok(page(&state, &v, &view, &Forms::default()).into_response())
}

/// The form's problems, or the one problem that refused it (a conflict, a deadline gone).
fn refusal(error: ateneu_app::Error) -> Result<(StatusCode, FieldErrors), AppError> {
    match error {
        ateneu_app::Error::Invalid(errors) => Ok((StatusCode::UNPROCESSABLE_ENTITY, errors)),
        ateneu_app::Error::Conflict(problem) => Ok((StatusCode::CONFLICT, one(problem))),
        other => Err(other.into()),
    }
}

fn one(problem: Problem) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.add("revision", problem);
    errors
}

async fn refused(
    state: &AppState,
    v: &Viewer,
    id: i64,
    status: StatusCode,
    forms: Forms,
) -> Result<Response, AppError> {
    let view = cases::read(state, &v.acting(), id).await?;
    Ok((status, page(state, v, &view, &forms)).into_response())
}

pub async fn update(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<EventForm>,
) -> Result<Response, AppError> {
    match cases::update(&state, &v.acting(), id, &form).await {
        Ok(_) => Ok(redirect(&v.href(&format!("/events/{id}")))),
        Err(error) => {
            let (status, errors) = refusal(error)?;
            let forms = Forms {
                change: Some((form, errors)),
                ..Forms::default()
            };
            refused(&state, &v, id, status, forms).await
        }
    }
}

pub async fn ask(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<AskForm>,
) -> Result<Response, AppError> {
    match cases::ask(&state, &v.acting(), id, &form).await {
        Ok(_) => Ok(redirect(&v.href(&format!("/events/{id}#requests")))),
        Err(error) => {
            let (status, errors) = refusal(error)?;
            let forms = Forms {
                ask: Some((form, errors)),
                ..Forms::default()
            };
            refused(&state, &v, id, status, forms).await
        }
    }
}

pub async fn answer(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, request)): Path<(i64, i64)>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, AppError> {
    match cases::answer(&state, &v.acting(), id, request, &form).await {
        Ok(_) => Ok(redirect(
            &v.href(&format!("/events/{id}#request-{request}")),
        )),
        Err(error) => {
            let (status, errors) = refusal(error)?;
            let forms = Forms {
                answer: Some((request, form, errors)),
                ..Forms::default()
            };
            refused(&state, &v, id, status, forms).await
        }
    }
}

pub async fn reopen(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, request)): Path<(i64, i64)>,
    Form(form): Form<ReopenForm>,
) -> Result<Response, AppError> {
    match cases::reopen(&state, &v.acting(), id, request, &form).await {
        Ok(_) => Ok(redirect(
            &v.href(&format!("/events/{id}#request-{request}")),
        )),
        Err(error) => {
            let (status, errors) = refusal(error)?;
            let forms = Forms {
                reopen: Some((request, form, errors)),
                ..Forms::default()
            };
            refused(&state, &v, id, status, forms).await
        }
    }
}

pub async fn confirm(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<RepresentationInput>,
) -> Result<Response, AppError> {
    match cases::confirm(&state, &v.acting(), id, &input).await {
        Ok(_) => Ok(redirect(&v.href(&format!("/events/{id}#representatives")))),
        Err(error) => {
            let (status, errors) = refusal(error)?;
            let forms = Forms {
                confirm: Some((input, errors)),
                ..Forms::default()
            };
            refused(&state, &v, id, status, forms).await
        }
    }
}

pub async fn withdraw(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, representative)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    cases::withdraw(&state, &v.acting(), id, representative).await?;
    Ok(redirect(&v.href(&format!("/events/{id}#representatives"))))
}

fn request_rows(v: &Viewer, items: &[RequestItem]) -> Markup {
    html! {
        div.table-wrap tabindex="0" { table.data {
            thead { tr { th { (v.t("event")) } th { (v.t("programme-city")) } th { (v.t("request-deadline")) } } }
            tbody { @for item in items { tr {
                td { a href=(v.href(&format!("/events/{}#request-{}", item.event.id, item.request.id))) { (translated(v, &item.event.draft.title)) } " · " (days(&item.event)) }
                td { (translated(v, &item.city.draft.name)) }
                td { (item.request.deadline) @if !item.open { " " span.badge { (v.t("request-closed")) } } }
            } } }
        } }
    }
}

/// The requests waiting for the reader's answer; for the secretariat, every request without
/// an answer and the reminders' button.
pub async fn waiting(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let acting = v.acting();
    let waiting = cases::waiting_for_answer(&state, &acting).await?;
    let unanswered = match cases::unanswered_requests(&state, &acting).await {
        Ok(items) => Some(items),
        Err(ateneu_app::Error::Forbidden) => None,
        Err(other) => return Err(other.into()),
    };
    let title = v.t("events-waiting-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("events-waiting-lead")) }
        @if waiting.is_empty() { p.muted { (v.t("events-waiting-none")) } } @else { (request_rows(&v, &waiting)) }
        @if let Some(unanswered) = &unanswered {
            section #unanswered {
                h2 { (v.t("events-unanswered-title")) }
                @if unanswered.is_empty() { p.muted { (v.t("events-waiting-none")) } } @else { (request_rows(&v, unanswered)) }
                form method="post" action=(v.href("/events/reminders")) {
                    (csrf_field(&v))
                    p.hint { (v.t("events-remind-hint")) }
                    button.button type="submit" { (v.t("events-remind")) }
                }
            }
        }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

/// Queues the reminders due today (the secretariat), and says how many went.
pub async fn remind(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let today = chrono::Utc::now().date_naive();
    let reminded = cases::reminders::send(&state, &v.acting(), today).await?;
    let title = v.t("events-remind");
    let body = html! {
        h1 { (title) }
        p role="status" { (v.tf("events-reminded", &[
            ("requests", (reminded.requests as i64).into()),
            ("emails", (reminded.emails as i64).into()),
            ("already", (reminded.already_today as i64).into()),
        ])) }
        p { a href=(v.href("/events/waiting")) { (v.t("events-waiting-title")) } }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

/// A city's representation at events, for its page: past events for all, those to come for the
/// network's signed-in members (the use case keeps what the reader may see).
pub async fn representation_section(
    state: &AppState,
    v: &Viewer,
    city_id: CityId,
) -> Result<Markup, AppError> {
    let shown = cases::representation_of_city(state, &v.acting(), city_id).await?;
    Ok(html! {
        @if !shown.is_empty() {
            section.panel aria-labelledby="representation" {
                h2 #representation { (v.t("representation-title")) }
                ul { @for r in &shown {
                    li { a href=(v.href(&format!("/events/{}", r.event.id))) { (translated(v, &r.event.draft.title)) }
                        " · " (days(&r.event)) " · " (r.representative.draft.name)
                        @if !r.representative.draft.position.is_empty() { ", " (r.representative.draft.position) }
                        @if !r.past { " " span.badge { (v.t("events-upcoming")) } } }
                } }
            }
        }
    })
}
