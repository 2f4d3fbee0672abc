//! Banners on the home page: the secretariat's page (the banners, a form for a new one, one to
//! change each), the JSON API, and the home page's section that shows the day's banners in
//! rotation (real text, the image with its alt text, no script). The use cases are
//! `ateneu_app::banners`.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::banners::{self as cases, BannerView, Shown};
use ateneu_domain::banners::BannerInput;
use ateneu_domain::newsletter::issues::Text;
use ateneu_domain::{FieldErrors, Lang};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde_json::json;
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/banners", get(page).post(create_page))
        .route("/banners/{id}", post(update_page))
        .route("/banners/{id}/delete", post(delete_page))
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(list_api, create_api))
        .documented(routes!(update_api, delete_api))
}

fn text(v: &Viewer, text: &Text) -> Markup {
    html! {
        @if text.lang != v.lang {
            span lang=(text.lang.code()) { (text.text) }
        } @else {
            (text.text)
        }
    }
}

/// The home page's section: the day's banners, the first one leading.
pub fn home_section(v: &Viewer, banners: &[Shown]) -> Markup {
    html! {
        @if !banners.is_empty() {
            section.panel.banners aria-labelledby="banners" {
                h2 #banners { (v.t("banners-home")) }
                ul.banner-list {
                    @for banner in banners {
                        li.banner {
                            a href=(v.href(&format!("/practices/{}", banner.practice))) {
                                @if let Some((url, alt)) = &banner.image {
                                    img src=(url) alt=(alt.text) lang=[(alt.lang != v.lang).then(|| alt.lang.code())] loading="lazy";
                                }
                                strong { (text(v, &banner.title)) }
                            }
                            p { (text(v, &banner.text)) }
                        }
                    }
                }
            }
        }
    }
}

fn form(
    v: &Viewer,
    action: &str,
    input: &BannerInput,
    errors: &FieldErrors,
    scope: Option<&str>,
) -> Markup {
    html! {
        form.form method="post" action=(v.href(action)) novalidate {
            (csrf_field(v))
            (Field::new("practice", v.t("banners-practice"), &input.practice).required().in_scope(scope).render(v, errors))
            (Field::new("image", v.t("banners-image"), &input.image).in_scope(scope).render(v, errors))
            @for lang in Lang::ALL {
                @let name = format!("text_{lang}");
                @let value = match lang { Lang::En => &input.text_en, Lang::Fr => &input.text_fr, Lang::Es => &input.text_es };
                (Field::new(&name, v.tf("banners-text", &[("lang", lang.native_name().into())]), value).in_scope(scope).render(v, errors))
            }
            (Field::new("starts_on", v.t("banners-starts"), &input.starts_on).kind("date").required().in_scope(scope).render(v, errors))
            (Field::new("ends_on", v.t("banners-ends"), &input.ends_on).kind("date").required().in_scope(scope).render(v, errors))
            div.actions { button.button type="submit" { (v.t("banners-save")) } }
        }
    }
}

fn page_body(
    state: &AppState,
    v: &Viewer,
    banners: &[BannerView],
    input: &BannerInput,
    errors: &FieldErrors,
) -> Markup {
    let title = v.t("banners-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("banners-lead")) }
        @if banners.is_empty() { p { (v.t("banners-none")) } }
        @for view in banners {
            @let b = &view.banner;
            @let scope = format!("b{}", b.id);
            article.card {
                h2 { a href=(v.href(&format!("/practices/{}", view.practice))) { (view.practice_title) } }
                p { (b.starts_on) " – " (b.ends_on) @if view.live { " · " strong { (v.t("banners-live")) } } }
                details {
                    summary { (v.t("banners-edit")) }
                    (form(v, &format!("/banners/{}", b.id), &view.input(), &FieldErrors::new(), Some(&scope)))
                }
                form method="post" action=(v.href(&format!("/banners/{}/delete", b.id))) {
                    (csrf_field(v))
                    button.button.secondary type="submit" { (v.t("banners-delete")) }
                }
            }
        }
        h2 { (v.t("banners-new")) }
        (form_errors(v, errors))
        (form(v, "/banners", input, errors, None))
    };
    layout::page(state, v, &title, body)
}

async fn page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let banners = cases::list(&state, &v.acting(), v.lang).await?;
    Ok(page_body(
        &state,
        &v,
        &banners,
        &BannerInput::default(),
        &FieldErrors::new(),
    )
    .into_response())
}

async fn refused(
    state: &AppState,
    v: &Viewer,
    input: &BannerInput,
    error: ateneu_app::Error,
) -> Result<Response, AppError> {
    match error {
        ateneu_app::Error::Invalid(errors) => {
            let banners = cases::list(state, &v.acting(), v.lang).await?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page_body(state, v, &banners, input, &errors),
            )
                .into_response())
        }
        other => Err(other.into()),
    }
}

async fn create_page(
    State(state): State<AppState>,
    v: Viewer,
    Form(input): Form<BannerInput>,
) -> Result<Response, AppError> {
    match cases::create(&state, &v.acting(), &input).await {
        Ok(_) => Ok(Redirect::to(&v.href("/banners")).into_response()),
        Err(error) => refused(&state, &v, &input, error).await,
    }
}

async fn update_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<BannerInput>,
) -> Result<Response, AppError> {
    match cases::update(&state, &v.acting(), id, &input).await {
        Ok(_) => Ok(Redirect::to(&v.href("/banners")).into_response()),
        Err(error) => refused(&state, &v, &input, error).await,
    }
}

async fn delete_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(_): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    cases::delete(&state, &v.acting(), id).await?;
    Ok(Redirect::to(&v.href("/banners")).into_response())
}

#[utoipa::path(
    get,
    path = "/banners",
    tag = "banners",
    summary = "Every banner of the home page, the latest to end first, with its practice and whether it shows today (the secretariat)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/BannerList"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn list_api(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let items = cases::list(&state, &v.acting(), v.lang).await?;
    Ok(Json(json!({ "items": items })).into_response())
}

#[utoipa::path(
    post,
    path = "/banners",
    tag = "banners",
    summary = "Schedule a banner: a published practice (by slug), one of its uploaded images (its first when empty), a short text in one language at least, the first and last days (the secretariat)",
    request_body(content = ref("#/components/schemas/BannerInput"), content_type = "application/json"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/Banner"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn create_api(
    State(state): State<AppState>,
    v: Viewer,
    ApiJson(input): ApiJson<BannerInput>,
) -> Result<Response, AppError> {
    let banner = cases::create(&state, &v.acting(), &input).await?;
    Ok((StatusCode::CREATED, Json(banner)).into_response())
}

#[utoipa::path(
    put,
    path = "/banners/{id}",
    tag = "banners",
    summary = "Change a banner (the secretariat)",
    request_body(content = ref("#/components/schemas/BannerInput"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Banner"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn update_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<BannerInput>,
) -> Result<Response, AppError> {
    Ok(Json(cases::update(&state, &v.acting(), id, &input).await?).into_response())
}

#[utoipa::path(
    delete,
    path = "/banners/{id}",
    tag = "banners",
    summary = "Remove a banner (the secretariat)",
    responses((status = 204, description = "Removed")),
    security(("bearer" = []), ("session" = [])),
)]
async fn delete_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    cases::delete(&state, &v.acting(), id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
