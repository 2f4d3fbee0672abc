//! The registry's forms: add and edit a city (every field in the three languages), add and
//! remove focal points. Bad input re-renders the form with each field's problem.

use super::FocalPointInput;
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::viewer::Viewer;
use ateneu_domain::FieldErrors;
use ateneu_domain::cities::CityInput;
use ateneu_domain::permissions::Action;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

fn city_form(
    state: &AppState,
    v: &Viewer,
    action: &str,
    input: &CityInput,
    errors: &FieldErrors,
) -> Markup {
    let langs: Vec<(String, String)> = ateneu_domain::Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), v.language(*l)))
        .collect();
    let regions: Vec<(String, String)> = std::iter::once((String::new(), v.t("choose")))
        .chain(
            state
                .reference
                .regions
                .iter()
                .map(|r| (r.key.clone(), r.name.get(v.lang).to_owned())),
        )
        .collect();
    html! {
        (form_errors(v, errors))
        form.form method="post" action=(action) novalidate {
            (csrf_field(v))
            (layout::select(v, "source_lang", &v.t("city-source-lang"), &langs, &input.source_lang, errors))
            fieldset {
                legend { (v.t("city-name")) }
                (Field::new("name_en", v.t("in-english"), &input.name_en).render(v, errors))
                (Field::new("name_fr", v.t("in-french"), &input.name_fr).render(v, errors))
                (Field::new("name_es", v.t("in-spanish"), &input.name_es).render(v, errors))
            }
            (layout::select(v, "country", &v.t("city-country"), &super::pages::country_options(v.lang, v.t("choose")), &input.country.to_uppercase(), errors))
            (layout::select(v, "region", &v.t("city-region"), &regions, &input.region, errors))
            (Field::new("population", v.t("city-population"), &input.population).kind("text").hint(v.t("hint-population")).render(v, errors))
            (Field::new("latitude", v.t("city-latitude"), &input.latitude).hint(v.t("hint-latitude")).render(v, errors))
            (Field::new("longitude", v.t("city-longitude"), &input.longitude).hint(v.t("hint-longitude")).render(v, errors))
            (Field::new("website", v.t("city-website"), &input.website).kind("url").hint(v.t("hint-website")).render(v, errors))
            fieldset {
                legend { (v.t("city-description")) }
                (Field::new("description_en", v.t("in-english"), &input.description_en).kind("textarea").render(v, errors))
                (Field::new("description_fr", v.t("in-french"), &input.description_fr).kind("textarea").render(v, errors))
                (Field::new("description_es", v.t("in-spanish"), &input.description_es).kind("textarea").render(v, errors))
            }
            div.actions { button.button type="submit" { (v.t("save")) } }
        }
    }
}

fn form_page(
    state: &AppState,
    v: &Viewer,
    title: &str,
    action: &str,
    input: &CityInput,
    errors: &FieldErrors,
) -> Response {
    let body = html! { h1 { (title) } (city_form(state, v, action, input, errors)) };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (status, layout::page(state, v, title, body)).into_response()
}

pub async fn new_form(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    v.require(Action::CreateCity)?;
    let input = CityInput {
        source_lang: v.lang.code().to_owned(),
        ..CityInput::default()
    };
    Ok(new_city_page(&state, &v, &input, &FieldErrors::new()))
}

fn new_city_page(
    state: &AppState,
    v: &Viewer,
    input: &CityInput,
    errors: &FieldErrors,
) -> Response {
    form_page(
        state,
        v,
        &v.t("city-new"),
        &v.href("/cities/new"),
        input,
        errors,
    )
}

pub async fn create(
    State(state): State<AppState>,
    v: Viewer,
    Form(input): Form<CityInput>,
) -> Result<Response, AppError> {
    match ateneu_app::cities::create(&state, &v.acting(), &input)
        .await
        .map_err(AppError::from)
    {
        Ok(city) => Ok(crate::negotiate::redirect(
            &v.href(&format!("/cities/{}", city.slug)),
        )),
        Err(AppError::Invalid(errors)) => Ok(new_city_page(&state, &v, &input, &errors)),
        Err(other) => Err(other),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let city = super::find(&state, &slug).await?;
    ateneu_app::cities::require_edit(&state, &v.acting(), &city).await?;
    let input = CityInput::from_draft(&city.draft);
    let title = v.tf(
        "city-edit-title",
        &[("name", city.draft.name.show(v.lang).text.to_owned().into())],
    );
    Ok(form_page(
        &state,
        &v,
        &title,
        &v.href(&format!("/cities/{slug}/edit")),
        &input,
        &FieldErrors::new(),
    ))
}

pub async fn update(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(input): Form<CityInput>,
) -> Result<Response, AppError> {
    match ateneu_app::cities::update(&state, &v.acting(), &slug, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(city) => Ok(crate::negotiate::redirect(
            &v.href(&format!("/cities/{}", city.slug)),
        )),
        Err(AppError::Invalid(errors)) => {
            let title = v.t("city-edit");
            Ok(form_page(
                &state,
                &v,
                &title,
                &v.href(&format!("/cities/{slug}/edit")),
                &input,
                &errors,
            ))
        }
        Err(other) => Err(other),
    }
}

pub fn focal_point_form(
    v: &Viewer,
    slug: &str,
    input: &FocalPointInput,
    errors: &FieldErrors,
) -> Markup {
    html! {
        details open[!errors.is_empty()] {
            summary { (v.t("focal-point-add")) }
            (form_errors(v, errors))
            form.form method="post" action=(v.href(&format!("/cities/{slug}/focal-points"))) novalidate {
                (csrf_field(v))
                (Field::new("name", v.t("person-name"), &input.name).required().render(v, errors))
                (Field::new("position", v.t("person-position"), &input.position).render(v, errors))
                (Field::new("email", v.t("email"), &input.email).kind("email").hint(v.t("hint-contact-private")).render(v, errors))
                (Field::new("phone", v.t("phone"), &input.phone).kind("tel").render(v, errors))
                div.actions { button.button type="submit" { (v.t("add")) } }
            }
        }
    }
}

pub async fn add_focal_point(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(input): Form<FocalPointInput>,
) -> Result<Response, AppError> {
    match ateneu_app::cities::focal_points::add(&state, &v.acting(), &slug, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(crate::negotiate::redirect(
            &v.href(&format!("/cities/{slug}#focal-points")),
        )),
        Err(AppError::Invalid(errors)) => {
            let body = html! { h1 { (v.t("focal-point-add")) } (focal_point_form(&v, &slug, &input, &errors)) };
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                layout::page(&state, &v, &v.t("focal-point-add"), body),
            )
                .into_response())
        }
        Err(other) => Err(other),
    }
}

pub async fn remove_focal_point(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    ateneu_app::cities::focal_points::remove(&state, &v.acting(), &slug, id).await?;
    Ok(crate::negotiate::redirect(
        &v.href(&format!("/cities/{slug}#focal-points")),
    ))
}
