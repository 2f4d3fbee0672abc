//! Platform administration: people and their roles (invitations, grants, disabling), the audit
//! log, and the outbox of emails (in `outbox`).

use crate::extract::{Form, Path, Query};
mod outbox;

use crate::AppState;
use crate::error::AppError;
use crate::extract::ApiJson;
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::admin::{self as use_case, AUDIT_PER_PAGE, GrantInput, InviteInput};
use ateneu_domain::FieldErrors;
use ateneu_domain::accounts::{Grant, Role};
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::CityId;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::html;
use serde::Deserialize;
use serde_json::json;
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/admin", get(users_page))
        .route("/admin/invite", post(invite_page))
        .route("/admin/users/{id}/grants", post(add_grant_page))
        .route(
            "/admin/users/{id}/grants/{grant}/remove",
            post(remove_grant_page),
        )
        .route("/admin/users/{id}/disabled", post(disable_page))
        .route("/admin/audit", get(audit_page))
        .route("/admin/outbox", get(outbox::page))
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(users_api))
        .documented(routes!(invite_api))
        .documented(routes!(audit_api))
        .documented(routes!(outbox::api))
}

/// The names, in the reader's language, of the cities these grants are scoped to.
pub async fn city_names(
    state: &AppState,
    v: &Viewer,
    cities: Vec<CityId>,
) -> Result<std::collections::HashMap<CityId, String>, AppError> {
    Ok(use_case::city_names(state, v.lang, cities).await?)
}

/// A role and its scope in words (a city by its name, never its number).
pub fn grant_label(
    state: &AppState,
    v: &Viewer,
    grant: &Grant,
    names: &std::collections::HashMap<CityId, String>,
) -> String {
    let role = v.t(&format!("role-{}", grant.role.key().replace('_', "-")));
    match (&grant.network, grant.city) {
        (Some(n), _) => format!(
            "{role} · {}",
            state
                .reference
                .network(n)
                .map_or(n.as_str(), |n| n.name.get(v.lang))
        ),
        (None, Some(city)) => format!(
            "{role} · {}",
            names
                .get(&city)
                .cloned()
                .unwrap_or_else(|| format!("{} {city}", v.t("city")))
        ),
        (None, None) => role,
    }
}

/// The id of the page's one list of cities, which every role form's city field suggests from.
const CITY_CHOICES: &str = "role-city-choices";

/// A role form's fields; `scope` keeps their ids unique on a page with one form per person.
fn grant_fields(
    state: &AppState,
    v: &Viewer,
    (input, scope): (&GrantInput, &str),
    errors: &FieldErrors,
) -> maud::Markup {
    let roles: Vec<(String, String)> = std::iter::once((String::new(), v.t("none")))
        .chain(Role::ALL.iter().map(|r| {
            (
                r.key().to_owned(),
                v.t(&format!("role-{}", r.key().replace('_', "-"))),
            )
        }))
        .collect();
    let networks: Vec<(String, String)> = std::iter::once((String::new(), v.t("none")))
        .chain(
            state
                .reference
                .networks
                .iter()
                .map(|n| (n.key.clone(), n.name.get(v.lang).to_owned())),
        )
        .collect();
    let scope = Some(scope);
    html! {
        (layout::select_in(v, scope, "role", &v.t("role"), &roles, &input.role, errors))
        (layout::select_in(v, scope, "network", &v.t("role-network"), &networks, &input.network, errors))
        (Field { scope, ..Field::new("city", v.t("role-city"), &input.city).hint(v.t("hint-role-city")).list(CITY_CHOICES) }.render(v, errors))
    }
}

async fn users_view(
    state: &AppState,
    v: &Viewer,
    input: &InviteInput,
    errors: &FieldErrors,
    sent: Option<&str>,
) -> Result<Response, AppError> {
    let rows = use_case::people(state, &v.acting()).await?;
    let scoped: Vec<CityId> = rows
        .iter()
        .flat_map(|(_, grants)| grants.iter().filter_map(|g| g.grant.city))
        .collect();
    let names = city_names(state, v, scoped).await?;
    let cities = crate::cities::picker::suggestions(state, v).await?;
    let body = html! {
        h1 { (v.t("admin-title")) }
        p { a href=(v.href("/admin/audit")) { (v.t("audit-title")) } " · " a href=(v.href("/admin/outbox")) { (v.t("outbox-title")) } }
        @if let Some(link) = sent { div.flash.success role="status" { p { (v.t("invitation-sent")) } p { code { (link) } } } }
        section.panel {
            h2 { (v.t("invite-title")) }
            (form_errors(v, errors))
            form.form method="post" action=(v.href("/admin/invite")) novalidate {
                (csrf_field(v))
                (Field::new("email", v.t("email"), &input.email).kind("email").required().render(v, errors))
                (Field::new("display_name", v.t("display-name"), &input.display_name).render(v, errors))
                (grant_fields(state, v, (&input.grant, "invite"), errors))
                div.actions { button.button type="submit" { (v.t("invite-submit")) } }
            }
        }
        (crate::cities::picker::datalist(CITY_CHOICES, &cities))
        h2 { (v.t("users-title")) }
        div.table-wrap tabindex="0" { table.data {
            thead { tr { th { (v.t("email")) } th { (v.t("roles")) } th { (v.t("actions")) } } }
            tbody { @for (user, grants) in &rows { tr {
                td { (user.email) @if !user.display_name.is_empty() { br; span.muted { (user.display_name) } } @if user.disabled { " " span.badge.ended { (v.t("disabled")) } } }
                td { ul.plain { @for g in grants { li {
                    (grant_label(state, v, &g.grant, &names))
                    form.inline method="post" action=(v.href(&format!("/admin/users/{}/grants/{}/remove", user.id, g.id))) { (csrf_field(v)) " " button.button.danger type="submit" { (v.t("remove")) } }
                } } } }
                td {
                    details { summary { (v.t("role-add")) }
                        form.form method="post" action=(v.href(&format!("/admin/users/{}/grants", user.id))) {
                            (csrf_field(v)) (grant_fields(state, v, (&GrantInput::default(), &format!("user-{}", user.id)), &FieldErrors::new()))
                            div.actions { button.button type="submit" { (v.t("add")) } }
                        }
                    }
                    form.inline method="post" action=(v.href(&format!("/admin/users/{}/disabled", user.id))) {
                        (csrf_field(v)) input type="hidden" name="disabled" value=(if user.disabled { "false" } else { "true" });
                        button.button.secondary type="submit" { (if user.disabled { v.t("enable") } else { v.t("disable") }) }
                    }
                }
            } } }
        } }
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, layout::page(state, v, &v.t("admin-title"), body)).into_response())
}

async fn users_page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    users_view(
        &state,
        &v,
        &InviteInput::default(),
        &FieldErrors::new(),
        None,
    )
    .await
}

async fn invite_page(
    State(state): State<AppState>,
    v: Viewer,
    Form(input): Form<InviteInput>,
) -> Result<Response, AppError> {
    match use_case::invite(&state, &v.acting(), &input, v.lang)
        .await
        .map_err(AppError::from)
    {
        Ok(link) => {
            users_view(
                &state,
                &v,
                &InviteInput::default(),
                &FieldErrors::new(),
                Some(&link),
            )
            .await
        }
        Err(AppError::Invalid(errors)) => users_view(&state, &v, &input, &errors, None).await,
        Err(other) => Err(other),
    }
}

async fn add_grant_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AccountId>,
    Form(input): Form<GrantInput>,
) -> Result<Response, AppError> {
    match use_case::add_grant(&state, &v.acting(), id, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(()) => Ok(crate::negotiate::redirect(&v.href("/admin"))),
        Err(AppError::Invalid(errors)) => {
            users_view(&state, &v, &InviteInput::default(), &errors, None).await
        }
        Err(other) => Err(other),
    }
}

async fn remove_grant_page(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, grant)): Path<(AccountId, i64)>,
) -> Result<Response, AppError> {
    use_case::remove_grant(&state, &v.acting(), id, grant).await?;
    Ok(crate::negotiate::redirect(&v.href("/admin")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DisableInput {
    disabled: String,
}

async fn disable_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AccountId>,
    Form(input): Form<DisableInput>,
) -> Result<Response, AppError> {
    use_case::set_disabled(&state, &v.acting(), id, input.disabled == "true").await?;
    Ok(crate::negotiate::redirect(&v.href("/admin")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PageQuery {
    page: Option<u64>,
}

async fn audit_page(
    State(state): State<AppState>,
    v: Viewer,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let page = q.page.unwrap_or(1).max(1);
    let (rows, total) = use_case::audit_log(&state, &v.acting(), page).await?;
    let body = html! {
        h1 { (v.t("audit-title")) }
        div.table-wrap tabindex="0" { table.data {
            thead { tr { th { (v.t("audit-when")) } th { (v.t("audit-who")) } th { (v.t("audit-what")) } th { (v.t("audit-changes")) } } }
            tbody { @for r in &rows { tr {
                td { (r.at.format("%Y-%m-%d %H:%M:%S")) }
                td { (r.actor_label) }
                td { code { (r.action) } " " (r.entity) " " (r.entity_id) }
                td { code { (r.changes.chars().take(300).collect::<String>()) } }
            } } }
        } }
        (layout::pagination(&v, page, total.div_ceil(AUDIT_PER_PAGE), |n| format!("{}?page={n}", v.href("/admin/audit"))))
    };
    Ok(layout::page(&state, &v, &v.t("audit-title"), body).into_response())
}

#[utoipa::path(
    get,
    path = "/admin/users",
    tag = "admin",
    summary = "Every account with its roles (platform admin)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/UserList"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn users_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let out: Vec<_> = use_case::people(&state, &v.acting())
        .await?
        .into_iter()
        .map(|(user, grants)| json!({"user": user, "grants": grants}))
        .collect();
    Ok(Json(out).into_response())
}

#[utoipa::path(
    post,
    path = "/admin/invitations",
    tag = "admin",
    summary = "Invite a person with a role; emails a link to set a password",
    request_body(content = ref("#/components/schemas/InviteInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Invitation"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn invite_api(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(input): ApiJson<InviteInput>,
) -> Result<Response, AppError> {
    let link = use_case::invite(&state, &v.acting(), &input, v.lang).await?;
    Ok((StatusCode::CREATED, Json(json!({"link": link}))).into_response())
}

#[utoipa::path(
    get,
    path = "/admin/audit",
    tag = "admin",
    summary = "The audit log, newest first (platform admin)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/AuditPage"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn audit_api(
    State(state): State<AppState>,
    v: Viewer,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let page = q.page.unwrap_or(1).max(1);
    let (rows, total) = use_case::audit_log(&state, &v.acting(), page).await?;
    let items: Vec<_> = rows
        .into_iter()
        .map(|r| json!({"id": r.id, "at": r.at, "actor": r.actor_label, "actor_id": r.actor_id, "action": r.action, "entity": r.entity, "entity_id": r.entity_id, "changes": serde_json::from_str::<serde_json::Value>(&r.changes).unwrap_or_default()}))
        .collect();
    Ok(Json(json!({"total": total, "page": page, "items": items})).into_response())
}
