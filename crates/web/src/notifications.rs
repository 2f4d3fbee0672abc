//! Work that reaches the people who must do it: the notices a change leaves for the people whose
//! role gives them the next step (see `ateneu_domain::notifications`), each also emailed in its
//! recipient's language unless they turned that kind off; a person's list of notices, which
//! names only records they may still see; and their email settings. Pages and API share these.

use crate::AppState;
use crate::error::AppError;
use crate::extract::Form;
use crate::layout::{self, csrf_field};
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::notifications::{self as use_case, Notice};
use ateneu_app::notifications::{Target, message_id};
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::notifications::NoticeKind;
use ateneu_domain::permissions::{Action, PracticeScope};
use ateneu_domain::practices::Stage;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::html;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa_axum::routes;

/// The newest notices shown.
const SHOWN: u64 = 100;

pub fn routes() -> Routes {
    Routes::new()
        .route("/account/notifications", get(page).post(save_settings_form))
        .route("/account/notifications/read", post(read_form))
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(list_api))
        .documented(routes!(read_api))
        .documented(routes!(settings_api, save_settings_api))
}

pub use ateneu_app::notifications::{Pending, for_practice, people};

pub use ateneu_app::notifications::for_facilitators;

/// Who a submitted practice waits for: the people its review reaches (the reviewers and
/// secretariat of its networks, or the platform's administrators when nobody holds that role
/// there), for the city to know.
pub async fn practice_reviewers(
    state: &AppState,
    v: &Viewer,
    loaded: &crate::practices::Loaded,
) -> Result<Vec<String>, AppError> {
    let practice = &loaded.practice;
    let people = people(state).await?;
    let pending = for_practice(
        &people,
        &v.acting(),
        NoticeKind::PracticeSubmitted,
        (
            PracticeScope {
                stage: Stage::Submitted,
                ..loaded.scope()
            },
            practice.id,
            practice.slug.as_str(),
            String::new(),
        ),
    );
    // Names people gave themselves; never an address the city may not know.
    let mut names: Vec<String> = pending
        .recipients
        .iter()
        .filter(|u| !u.display_name.is_empty())
        .map(|u| u.display_name.clone())
        .collect();
    let unnamed = pending.recipients.len() - names.len();
    if unnamed > 0 {
        names.push(v.tf("practice-reviewers-unnamed", &[("count", unnamed.into())]));
    }
    Ok(names)
}

/// A notice as its reader is shown it: only when the record is one they may still see.
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    #[serde(flatten)]
    pub notice: Notice,
    pub title: String,
    /// The city the record is about, for the notices between a city and the secretariat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    pub path: String,
}

/// The viewer's newest notices, each naming a record they may see now (others are left out).
pub async fn shown(state: &AppState, v: &Viewer) -> Result<Vec<Shown>, AppError> {
    let mut out = Vec::new();
    for notice in use_case::newest(state, &v.acting(), SHOWN).await? {
        let found = match notice.entity.as_str() {
            "practice" => {
                match crate::practices::load(state, &notice.entity_id.to_string())
                    .await
                    .map_err(AppError::from)
                {
                    Ok(loaded) if v.allows(Action::ViewPractice(loaded.scope())) => Some(Target {
                        title: loaded.practice.record.title(v.lang).to_owned(),
                        city: String::new(),
                        path: format!("/practices/{}", loaded.practice.slug),
                    }),
                    Ok(_) | Err(AppError::NotFound) => None,
                    Err(other) => return Err(other),
                }
            }
            "assessment" => {
                match crate::assessments::load(state, AssessmentId::new(notice.entity_id))
                    .await
                    .map_err(AppError::from)
                {
                    Ok(loaded) if loaded.is_visible_to(&v.actor) => Some(Target {
                        title: loaded.assessment.title.clone(),
                        city: String::new(),
                        path: format!("/assessments/{}", loaded.assessment.id),
                    }),
                    Ok(_) | Err(AppError::NotFound) => None,
                    Err(other) => return Err(other),
                }
            }
            ateneu_app::programmes::inquiries::ENTITY => {
                ateneu_app::programmes::inquiries::target(
                    state,
                    &v.acting(),
                    v.lang,
                    notice.entity_id,
                )
                .await?
            }
            ateneu_app::events::notices::ENTITY => {
                ateneu_app::events::notices::target(state, &v.acting(), v.lang, notice.entity_id)
                    .await?
            }
            _ => None,
        };
        if let Some(target) = found {
            out.push(Shown {
                notice,
                title: target.title,
                city: (!target.city.is_empty()).then_some(target.city),
                path: target.path,
            });
        }
    }
    Ok(out)
}

async fn page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let notices = shown(&state, &v).await?;
    let emailed = use_case::emailed_kinds(&state, &v.acting()).await?;
    let body = html! {
        h1 { (v.t("notifications-title")) }
        @if notices.is_empty() { p.muted { (v.t("notifications-none")) } }
        @else {
            form.inline method="post" action=(v.href("/account/notifications/read")) {
                (csrf_field(&v)) button.button.secondary type="submit" { (v.t("notifications-read")) }
            }
            ul.notices { @for n in &notices {
                li class=(if n.notice.read_at.is_none() { "unread" } else { "read" }) {
                    a href=(v.href(&n.path)) { (v.tf(&message_id(n.notice.kind), &[("title", n.title.clone().into()), ("city", n.city.clone().unwrap_or_default().into())])) }
                    " " span.muted { (n.notice.created_at.format("%Y-%m-%d %H:%M")) }
                    @if n.notice.read_at.is_none() { " " span.badge { (v.t("notifications-new")) } }
                }
            } }
        }
        section.panel {
            h2 { (v.t("notifications-email")) }
            form.form method="post" action=(v.href("/account/notifications")) {
                (csrf_field(&v))
                fieldset {
                    legend { (v.t("notifications-email-lead")) }
                    @for kind in NoticeKind::ALL {
                        div.field { label {
                            input type="checkbox" name="email" value=(kind.key()) checked[emailed.contains(&kind)];
                            " " (v.t(&format!("notice-kind-{}", kind.key().replace('_', "-"))))
                        } }
                    }
                }
                div.actions { button.button type="submit" { (v.t("save")) } }
            }
        }
    };
    Ok(layout::page(&state, &v, &v.t("notifications-title"), body).into_response())
}

/// The settings form as posted: the kinds ticked.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsInput {
    pub email: Vec<String>,
}

async fn save_settings_form(
    State(state): State<AppState>,
    v: Viewer,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let input = SettingsInput {
        email: form
            .into_iter()
            .filter(|(k, _)| k == "email")
            .map(|(_, v)| v)
            .collect(),
    };
    use_case::set_emailed_kinds(&state, &v.acting(), &input.email).await?;
    Ok(crate::negotiate::redirect(
        &v.href("/account/notifications"),
    ))
}

async fn read_form(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    use_case::mark_read(&state, &v.acting()).await?;
    Ok(crate::negotiate::redirect(
        &v.href("/account/notifications"),
    ))
}

#[utoipa::path(
    get,
    path = "/account/notifications",
    tag = "accounts",
    summary = "The signed-in person's newest notices of work arriving for them (only those naming a record they may still see)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/NoticeList"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn list_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let items = shown(&state, &v).await?;
    Ok(Json(json!({"items": items})).into_response())
}

#[utoipa::path(
    post,
    path = "/account/notifications/read",
    tag = "accounts",
    summary = "Mark every notice of the signed-in person read",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/NoticesRead"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn read_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let read = use_case::mark_read(&state, &v.acting()).await?;
    Ok(Json(json!({"read": read})).into_response())
}

#[utoipa::path(
    get,
    path = "/account/notifications/settings",
    tag = "accounts",
    summary = "The kinds of notice the signed-in person also gets by email",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/NoticeSettings"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn settings_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let email: Vec<&str> = use_case::emailed_kinds(&state, &v.acting())
        .await?
        .iter()
        .map(|k| k.key())
        .collect();
    Ok(Json(json!({"email": email})).into_response())
}

#[utoipa::path(
    put,
    path = "/account/notifications/settings",
    tag = "accounts",
    summary = "Choose the kinds of notice also sent by email (204)",
    request_body(content = ref("#/components/schemas/NoticeSettings"), content_type = "application/json"),
    responses((status = 204, description = "Done")),
    security(("bearer" = []), ("session" = [])),
)]
async fn save_settings_api(
    State(state): State<AppState>,
    v: Viewer,
    crate::extract::ApiJson(input): crate::extract::ApiJson<SettingsInput>,
) -> Result<Response, AppError> {
    use_case::set_emailed_kinds(&state, &v.acting(), &input.email).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
