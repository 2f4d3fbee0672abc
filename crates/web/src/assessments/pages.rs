//! Assessment pages for the secretariat and facilitators: the list, the new-assessment form,
//! an assessment's overview with its radar, invitations (a printable list of links with QR
//! codes), the consensus form, closing and reopening.

use super::results::{benchmark, computed, fmt, previous, radar, radar_table, strengths};
use super::{AssessmentInput, Need, load_for};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, Field, csrf_field};
use crate::viewer::Viewer;
use ateneu_domain::ProblemKey;
use ateneu_domain::assessments::{Answer, AssessmentStatus, ConsensusInput, Visibility};
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::permissions::Action;
use ateneu_domain::{FieldErrors, Lang};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, PreEscaped, html};
use std::collections::BTreeMap;

/// Assessments the viewer may see or run, newest first.
pub async fn list(State(state): State<AppState>, v: Viewer) -> Result<Markup, AppError> {
    let rows = ateneu_app::assessments::all_visible(&state, &v.acting()).await?;
    let body = html! {
        h1 { (v.t("assessments-title")) }
        p.lead { (v.t("assessments-lead")) }
        @if v.signed_in.is_some() { p { a.button href=(v.href("/assessments/new")) { (v.t("assessment-new")) } " " a href=(v.href("/frameworks")) { (v.t("frameworks-title")) } } }
        @if rows.is_empty() { p.muted { (v.t("assessments-none")) } }
        @else {
            div.table-wrap tabindex="0" { table.data {
                thead { tr { th { (v.t("assessment")) } th { (v.t("city")) } th { (v.t("dates")) } th { (v.t("framework")) } th { (v.t("status")) } } }
                tbody { @for l in &rows {
                    tr {
                        td { a href=(v.href(&format!("/assessments/{}", l.assessment.id))) { (l.assessment.title) } }
                        td { a href=(v.href(&format!("/cities/{}", l.city.slug))) { (l.city.draft.name.show(v.lang).text) } }
                        td { (l.assessment.starts_on) }
                        td { code { (l.version.reference()) } }
                        td { (v.t(&format!("status-{}", l.assessment.status.key()))) " · " (v.t(&format!("visibility-{}", l.assessment.visibility.key()))) }
                    }
                } }
            } }
        }
    };
    Ok(layout::page(&state, &v, &v.t("assessments-title"), body))
}

async fn new_page(
    state: &AppState,
    v: &Viewer,
    input: &AssessmentInput,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let versions = ateneu_app::frameworks::list(state).await?;
    let cities = crate::cities::picker::suggestions(state, v).await?;
    let mut modules = Vec::new();
    for version in &versions {
        let (_, framework) = crate::frameworks::load(state, version.id).await?;
        for module in &framework.modules {
            modules.push((
                module.key.clone(),
                format!("{} — {}", version.reference(), module.name.get(v.lang)),
            ));
        }
    }
    modules.dedup_by(|a, b| a.0 == b.0);
    let framework_options: Vec<(String, String)> = versions
        .iter()
        .map(|f| {
            (
                f.reference(),
                format!("{} ({})", f.name.get(v.lang), f.reference()),
            )
        })
        .collect();
    let visibility: Vec<(String, String)> = Visibility::ALL
        .iter()
        .map(|vis| {
            (
                vis.key().to_owned(),
                v.t(&format!("visibility-{}", vis.key())),
            )
        })
        .collect();
    let facilitators = input.facilitators.join(", ");
    let body = html! {
        h1 { (v.t("assessment-new")) }
        p.lead { (v.t("assessment-new-lead")) }
        (layout::form_errors(v, errors))
        form.form method="post" action=(v.href("/assessments/new")) {
            (csrf_field(v))
            (crate::cities::picker::field(v, Field::new("city", v.t("assessment-city"), &input.city).required().hint(v.t("assessment-city-hint")), (&cities, false), errors))
            (layout::select(v, "framework", &v.t("framework"), &framework_options, &input.framework, errors))
            (layout::select(v, "module", &v.t("framework-module"), &modules, &input.module, errors))
            (Field::new("title", v.t("assessment-title"), &input.title).render(v, errors))
            (Field::new("starts_on", v.t("starts-on"), &input.starts_on).kind("date").required().render(v, errors))
            (Field::new("ends_on", v.t("ends-on"), &input.ends_on).kind("date").render(v, errors))
            fieldset {
                legend { (v.t("assessment-languages")) }
                @for lang in Lang::ALL {
                    label { input type="checkbox" name="languages" value=(lang.code()) checked[input.languages.is_empty() || input.languages.iter().any(|l| l == lang.code())]; " " (v.language(lang)) }
                }
            }
            (layout::select(v, "visibility", &v.t("visibility"), &visibility, if input.visibility.is_empty() { "confidential" } else { &input.visibility }, errors))
            (Field::new("facilitators", v.t("facilitators"), &facilitators).hint(v.t("facilitators-hint")).render(v, errors))
            div.actions { button.button type="submit" { (v.t("create")) } }
        }
    };
    Ok((status, layout::page(state, v, &v.t("assessment-new"), body)).into_response())
}

pub async fn new_form(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    v.require_signed_in()?;
    let input = AssessmentInput {
        framework: "culture21-actions@2015".into(),
        module: "commitments".into(),
        ..Default::default()
    };
    new_page(&state, &v, &input, &FieldErrors::new(), StatusCode::OK).await
}

pub async fn create(
    State(state): State<AppState>,
    v: Viewer,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut input = AssessmentInput::default();
    for (name, value) in form {
        match name.as_str() {
            "city" => input.city = value,
            "framework" => input.framework = value,
            "module" => input.module = value,
            "title" => input.title = value,
            "starts_on" => input.starts_on = value,
            "ends_on" => input.ends_on = value,
            "visibility" => input.visibility = value,
            "languages" => input.languages.push(value),
            "facilitators" => {
                input.facilitators = value.split([',', ' ', '\n']).map(str::to_owned).collect()
            }
            _ => {}
        }
    }
    match ateneu_app::assessments::workshop::create(&state, &v.acting(), &input, v.lang)
        .await
        .map_err(AppError::from)
    {
        Ok(id) => Ok(crate::negotiate::redirect(
            &v.href(&format!("/assessments/{id}")),
        )),
        Err(AppError::Invalid(errors)) => {
            new_page(
                &state,
                &v,
                &input,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other),
    }
}

pub async fn overview(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Markup, AppError> {
    let loaded = load_for(&state, &v, id, Need::Results).await?;
    let scope = loaded.scope(&v.actor);
    let runs = v.allows(Action::RunAssessment(scope));
    let computed = computed(&state, &loaded).await?;
    let previous = previous(&state, &v, &loaded).await?;
    let benchmark = benchmark(&state, &loaded, None).await?;
    let chart = radar(
        v.lang,
        &state.i18n,
        &loaded,
        &computed.results,
        previous.as_ref(),
        benchmark.as_ref(),
    );
    let sw = strengths(&computed.results, benchmark.as_ref());
    let a = &loaded.assessment;
    let open = a.status == AssessmentStatus::Open;
    let body = html! {
        h1 { (a.title) }
        p.lead {
            a href=(v.href(&format!("/cities/{}", loaded.city.slug))) { (loaded.city.draft.name.show(v.lang).text) }
            " · " (a.starts_on) @if a.ends_on != a.starts_on { " – " (a.ends_on) }
            " · " code { (loaded.version.reference()) } " · " (loaded.module().map(|m| m.name.get(v.lang)).unwrap_or_default())
        }
        p { span.badge { (v.t(&format!("status-{}", a.status.key()))) } " " span.badge { (v.t(&format!("visibility-{}", a.visibility.key()))) } }
        nav.actions aria-label=(v.t("assessment-actions")) { ul.inline-list {
            @if runs {
                li { a href=(v.href(&format!("/assessments/{id}/dashboard"))) { (v.t("dashboard")) } }
                li { a href=(v.href(&format!("/assessments/{id}/invitations"))) { (v.t("invitations")) } }
                li { a href=(v.href(&format!("/assessments/{id}/consensus"))) { (v.t("consensus")) } }
                @if open { li { a href=(v.href(&format!("/assessments/{id}/offline"))) { (v.t("offline-link")) } } }
                li { a href={ "/api/v1/assessments/" (id) "/responses.csv" } { (v.t("export-responses")) } }
            }
            li { a href=(v.href(&format!("/assessments/{id}/report"))) { (v.t("report")) } }
            li { a href=(v.href(&format!("/assessments/{id}/report.pdf"))) { (v.t("report-pdf")) } }
            li { a href=(v.href(&format!("/cities/{}/assessments", loaded.city.slug))) { (v.t("history")) } }
        } }
        p { (v.tf("assessment-responses", &[("count", computed.results.responses.into()), ("drafts", computed.drafts.into())])) }
        section.radar-block {
            h2 { (v.t("report-radar")) }
            div.radar { (PreEscaped(ateneu_app::reports::radar::svg(&chart))) }
            (radar_table(&v, &chart))
        }
        div.columns {
            section { h2 { (v.t("strengths")) } ul { @for d in &sw.strengths { li { (loaded.item_text(&d.key, v.lang)) " " (fmt(v.lang, Some(d.value))) } } } }
            section { h2 { (v.t("weaknesses")) } ul { @for d in &sw.weaknesses { li { (loaded.item_text(&d.key, v.lang)) " " (fmt(v.lang, Some(d.value))) } } } }
        }
        @if runs && open {
            section {
                h2 { (v.t("key-ideas")) }
                form.form method="post" action=(v.href(&format!("/assessments/{id}/consensus"))) {
                    (csrf_field(&v))
                    label.visually-hidden for="key-ideas" { (v.t("key-ideas")) }
                    textarea #key-ideas name="key_ideas" rows="6" { (a.key_ideas) }
                    div.actions { button.button.secondary type="submit" { (v.t("save")) } }
                }
                p { a.button.danger href=(v.href(&format!("/assessments/{id}/close"))) { (v.t("close-assessment")) "…" } }
            }
        } @else if !a.key_ideas.is_empty() {
            section { h2 { (v.t("key-ideas")) } (key_ideas(&a.key_ideas)) }
        }
        @if !open && v.allows(Action::ReopenAssessment(scope)) {
            form.form method="post" action=(v.href(&format!("/assessments/{id}/reopen"))) {
                (csrf_field(&v))
                button.button.secondary type="submit" { (v.t("reopen-assessment")) }
            }
        }
    };
    Ok(layout::page(&state, &v, &a.title, body))
}

pub async fn consensus_form(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Markup, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    let computed = computed(&state, &loaded).await?;
    let scale = &loaded.framework.scale;
    let open = loaded.assessment.status == AssessmentStatus::Open;
    let body = html! {
        h1 { (v.t("consensus")) }
        p { a href=(v.href(&format!("/assessments/{id}"))) { (loaded.assessment.title) } }
        p.lead { (v.t("consensus-lead")) }
        form.form method="post" action=(v.href(&format!("/assessments/{id}/consensus"))) {
            (csrf_field(&v))
            @for field in &computed.results.fields {
                @let agreed = computed.consensus.get(&field.key);
                fieldset.item {
                    legend { (loaded.item_text(&field.key, v.lang)) }
                    p.muted { (v.t("mean")) " " (fmt(v.lang, field.mean)) }
                    div.field {
                        label for={ "s-" (field.key) } { (v.t("consensus-score")) }
                        select id={ "s-" (field.key) } name={ "score." (field.key) } disabled[!open] {
                            option value="" { "—" }
                            @for value in scale.min..=scale.max { option value=(value) selected[agreed.is_some_and(|c| c.score == Answer::Score(value))] { (value) } }
                            @if scale.not_applicable { option value="na" selected[agreed.is_some_and(|c| c.score == Answer::NotApplicable)] { (v.t("not-applicable")) } }
                        }
                    }
                    div.field {
                        label for={ "j-" (field.key) } { (v.t("consensus-justification")) }
                        textarea id={ "j-" (field.key) } name={ "justification." (field.key) } rows="2" maxlength="1000" disabled[!open] { (agreed.map(|c| c.justification.as_str()).unwrap_or_default()) }
                    }
                }
            }
            @if open { div.actions { button.button type="submit" { (v.t("save")) } } }
        }
    };
    Ok(layout::page(&state, &v, &v.t("consensus"), body))
}

/// Saves the consensus form or the key ideas (both post here).
pub async fn save_consensus(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    let mut input: BTreeMap<String, ConsensusInput> = BTreeMap::new();
    let mut errors = FieldErrors::new();
    for (name, value) in &form {
        if name == "key_ideas" {
            ateneu_app::assessments::workshop::save_key_ideas(&state, &v.acting(), &loaded, value)
                .await?;
        } else if let Some(field) = name.strip_prefix("score.") {
            match Answer::parse_form(value) {
                Ok(score) => {
                    input
                        .entry(field.to_owned())
                        .or_insert_with(|| ConsensusInput {
                            score: None,
                            justification: String::new(),
                        })
                        .score = score
                }
                Err(problem) => errors.add(&format!("consensus.{field}"), problem),
            }
        } else if let Some(field) = name.strip_prefix("justification.") {
            input
                .entry(field.to_owned())
                .or_insert_with(|| ConsensusInput {
                    score: None,
                    justification: String::new(),
                })
                .justification = value.clone();
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    if !input.is_empty() {
        ateneu_app::assessments::workshop::save_consensus(&state, &v.acting(), &loaded, input)
            .await?;
    }
    Ok(crate::negotiate::redirect(
        &v.href(&format!("/assessments/{id}")),
    ))
}

/// Asks before closing: what closing does, and how many participants have a draft that will
/// never count.
pub async fn close_confirmation(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Markup, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    if loaded.assessment.status != AssessmentStatus::Open {
        return Err(AppError::Conflict(ateneu_domain::Problem::new(
            ProblemKey::AssessmentClosed,
        )));
    }
    let computed = computed(&state, &loaded).await?;
    let body = html! {
        h1 { (v.t("close-assessment")) }
        p.lead { a href=(v.href(&format!("/assessments/{id}"))) { (loaded.assessment.title) } }
        p { (v.tf("close-counts", &[("responses", computed.results.responses.into()), ("drafts", computed.drafts.into())])) }
        @if computed.drafts > 0 { p.flash.warning role="status" { (v.tf("close-drafts", &[("drafts", computed.drafts.into())])) } }
        p.hint { (v.t("close-hint")) }
        form.form method="post" action=(v.href(&format!("/assessments/{id}/close"))) {
            (csrf_field(&v))
            div.actions {
                button.button.danger type="submit" { (v.t("close-confirm")) }
                " " a href=(v.href(&format!("/assessments/{id}"))) { (v.t("cancel")) }
            }
        }
    };
    Ok(layout::page(&state, &v, &v.t("close-assessment"), body))
}

pub async fn close(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Run).await?;
    ateneu_app::assessments::workshop::close(&state, &v.acting(), &loaded).await?;
    Ok(crate::negotiate::redirect(
        &v.href(&format!("/assessments/{id}")),
    ))
}

pub async fn reopen(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
) -> Result<Response, AppError> {
    let loaded = load_for(&state, &v, id, Need::Reopen).await?;
    ateneu_app::assessments::workshop::reopen(&state, &v.acting(), &loaded).await?;
    Ok(crate::negotiate::redirect(
        &v.href(&format!("/assessments/{id}")),
    ))
}

/// The key ideas as written: paragraphs with their line breaks, and lists.
pub fn key_ideas(text: &str) -> Markup {
    use ateneu_domain::assessments::{KeyIdeasPart, key_ideas_parts};
    html! {
        @for part in key_ideas_parts(text) {
            @match part {
                KeyIdeasPart::Paragraph(lines) => p { @for (i, line) in lines.iter().enumerate() { @if i > 0 { br; } (line) } },
                KeyIdeasPart::List(items) => ul { @for item in &items { li { (item) } } },
            }
        }
    }
}
