//! Memberships of a city in the networks: adding a period, ending one, and changing a Creative
//! City's field (the old period is kept as history). Forms on the city page and the JSON API.

use crate::AppState;
use crate::error::AppError;
use crate::extract::ApiJson;
use crate::extract::{Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::memberships::{self as use_case, EndInput, FieldChangeInput, Membership};
use ateneu_domain::FieldErrors;
use ateneu_domain::ids::MembershipId;
use ateneu_domain::memberships::MembershipInput;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use maud::{Markup, html};
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/cities/{slug}/memberships", post(add_page))
        .route("/cities/{slug}/memberships/{id}/end", post(end_page))
        .route(
            "/cities/{slug}/memberships/{id}/field",
            post(change_field_page),
        )
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(list_api, add_api))
        .documented(routes!(end_api))
        .documented(routes!(change_field_api))
}

pub fn add_form(
    state: &AppState,
    v: &Viewer,
    slug: &str,
    networks: &[String],
    input: &MembershipInput,
    errors: &FieldErrors,
) -> Markup {
    let network_options: Vec<(String, String)> = networks
        .iter()
        .filter_map(|k| state.reference.network(k))
        .map(|n| (n.key.clone(), n.name.get(v.lang).to_owned()))
        .collect();
    let roles = vec![
        ("member".to_owned(), v.t("role-member")),
        ("leading-city".to_owned(), v.t("role-leading-city")),
    ];
    let fields: Vec<(String, String)> = std::iter::once((String::new(), v.t("none")))
        .chain(
            state
                .reference
                .creative_fields
                .iter()
                .map(|f| (f.key.clone(), f.name.get(v.lang).to_owned())),
        )
        .collect();
    html! {
        details open[!errors.is_empty()] {
            summary { (v.t("membership-add")) }
            (form_errors(v, errors))
            form.form method="post" action=(v.href(&format!("/cities/{slug}/memberships"))) novalidate {
                (csrf_field(v))
                (layout::select(v, "network", &v.t("membership-network"), &network_options, &input.network, errors))
                (layout::select(v, "role", &v.t("membership-role"), &roles, &input.role, errors))
                (Field::new("started_on", v.t("membership-started"), &input.started_on).kind("date").required().render(v, errors))
                (Field::new("ended_on", v.t("membership-ended"), &input.ended_on).kind("date").render(v, errors))
                (layout::select(v, "creative_field", &v.t("filter-creative-field"), &fields, &input.creative_field, errors))
                (Field::new("designation_year", v.t("membership-designation"), &input.designation_year).hint(v.t("hint-designation")).render(v, errors))
                div.actions { button.button type="submit" { (v.t("add")) } }
            }
        }
    }
}

pub fn end_form(v: &Viewer, slug: &str, m: &Membership) -> Markup {
    let today = chrono::Utc::now().date_naive().to_string();
    html! {
        form.inline method="post" action=(v.href(&format!("/cities/{slug}/memberships/{}/end", m.id))) {
            (csrf_field(v))
            label { span.visually-hidden { (v.t("membership-ended")) } input type="date" name="ended_on" value=(today) required; }
            " " button.button.secondary type="submit" { (v.t("membership-end")) }
        }
    }
}

pub fn field_change_form(state: &AppState, v: &Viewer, slug: &str, m: &Membership) -> Markup {
    let today = chrono::Utc::now().date_naive().to_string();
    html! {
        form.inline method="post" action=(v.href(&format!("/cities/{slug}/memberships/{}/field", m.id))) {
            (csrf_field(v))
            label { span.visually-hidden { (v.t("filter-creative-field")) }
                select name="creative_field" { @for f in &state.reference.creative_fields {
                    option value=(f.key) selected[Some(&f.key) == m.draft.creative_field.as_ref()] { (f.name.get(v.lang)) }
                } }
            }
            label { span.visually-hidden { (v.t("membership-change-on")) } input type="date" name="on" value=(today) required; }
            " " button.button.secondary type="submit" { (v.t("membership-change-field")) }
        }
    }
}

fn back(v: &Viewer, slug: &str) -> Response {
    crate::negotiate::redirect(&v.href(&format!("/cities/{slug}#memberships")))
}

fn problem_page(state: &AppState, v: &Viewer, errors: &FieldErrors) -> Response {
    let body = html! { h1 { (v.t("memberships-title")) } (form_errors(v, errors)) p { a href=(v.path.clone()) { (v.t("back")) } } };
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        layout::page(state, v, &v.t("memberships-title"), body),
    )
        .into_response()
}

async fn add_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(input): Form<MembershipInput>,
) -> Result<Response, AppError> {
    match use_case::add(&state, &v.acting(), &slug, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(back(&v, &slug)),
        Err(AppError::Invalid(errors)) => {
            let d = ateneu_app::cities::detail::read(&state, &v.acting(), &slug).await?;
            let body = html! { h1 { (v.t("membership-add")) } (add_form(&state, &v, &slug, &d.can_manage, &input, &errors)) };
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                layout::page(&state, &v, &v.t("membership-add"), body),
            )
                .into_response())
        }
        Err(other) => Err(other),
    }
}

async fn end_page(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, MembershipId)>,
    Form(input): Form<EndInput>,
) -> Result<Response, AppError> {
    match use_case::end(&state, &v.acting(), &slug, id, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(back(&v, &slug)),
        Err(AppError::Invalid(errors)) => Ok(problem_page(&state, &v, &errors)),
        Err(other) => Err(other),
    }
}

async fn change_field_page(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, MembershipId)>,
    Form(input): Form<FieldChangeInput>,
) -> Result<Response, AppError> {
    match use_case::change_field(&state, &v.acting(), &slug, id, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(back(&v, &slug)),
        Err(AppError::Invalid(errors)) => Ok(problem_page(&state, &v, &errors)),
        Err(other) => Err(other),
    }
}

#[utoipa::path(
    get,
    path = "/cities/{slug}/memberships",
    tag = "registry",
    summary = "A city's memberships, with history",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/MembershipList"))),
)]
async fn list_api(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    Ok(Json(use_case::of_city(&state, &slug).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/cities/{slug}/memberships",
    tag = "registry",
    summary = "Add a membership period (the network's secretariat)",
    request_body(content = ref("#/components/schemas/MembershipInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Membership"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn add_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    ApiJson(input): ApiJson<MembershipInput>,
) -> Result<Response, AppError> {
    let membership = use_case::add(&state, &v.acting(), &slug, &input).await?;
    Ok((StatusCode::CREATED, Json(membership)).into_response())
}

#[utoipa::path(
    post,
    path = "/cities/{slug}/memberships/{id}/end",
    tag = "registry",
    summary = "End a membership on a date",
    request_body(content = ref("#/components/schemas/EndInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Membership"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn end_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, MembershipId)>,
    ApiJson(input): ApiJson<EndInput>,
) -> Result<Response, AppError> {
    Ok(Json(use_case::end(&state, &v.acting(), &slug, id, &input).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/cities/{slug}/memberships/{id}/field",
    tag = "registry",
    summary = "Change a Creative City's field from a date (history kept)",
    request_body(content = ref("#/components/schemas/FieldChangeInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Membership"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn change_field_api(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, MembershipId)>,
    ApiJson(input): ApiJson<FieldChangeInput>,
) -> Result<Response, AppError> {
    Ok((
        StatusCode::CREATED,
        Json(use_case::change_field(&state, &v.acting(), &slug, id, &input).await?),
    )
        .into_response())
}
