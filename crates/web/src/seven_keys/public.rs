//! The public side of Seven Keys: the page that lists every city's published articles, one
//! article in the reader's language (another language named when it is not written in the
//! reader's), and a city's cultural assets with the form its keepers add and remove them with.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, Path};
use crate::layout::{self, Field, csrf_field, form_errors_in};
use crate::negotiate::redirect;
use crate::viewer::Viewer;
use ateneu_app::cities::City;
use ateneu_app::seven_keys as cases;
use ateneu_domain::FieldErrors;
use ateneu_domain::seven_keys::{AssetInput, AssetKind};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

pub async fn articles_page(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let articles = cases::articles(&state).await?;
    let title = v.t("seven-keys-page-title");
    let body = html! {
        h1 { (title) }
        p.lead { (v.t("seven-keys-page-lead")) }
        @if articles.is_empty() { p.muted { (v.t("seven-keys-no-articles")) } }
        @for a in &articles {
            article.card {
                h2 { a href=(v.href(&format!("/seven-keys/{}", a.id))) { (layout::translated(&v, &a.article.title)) } }
                p.muted { (layout::translated(&v, &a.city.draft.name)) " · " (a.held_on) }
                p { (a.article.body.show(v.lang).text.chars().take(300).collect::<String>()) "…" }
            }
        }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

pub async fn article_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let a = cases::article(&state, id).await?;
    let title = a.article.title.show(v.lang).text.to_owned();
    let body = html! {
        p { a href=(v.href("/seven-keys")) { (v.t("seven-keys-page-title")) } }
        h1 { (layout::translated(&v, &a.article.title)) }
        p.lead { a href=(v.href(&format!("/cities/{}", a.city.slug))) { (layout::translated(&v, &a.city.draft.name)) } " · " (a.held_on) }
        @for paragraph in a.article.body.show(v.lang).text.split("\n\n") { p { (paragraph) } }
        @if a.article.body.show(v.lang).is_fallback {
            p.muted { (v.tf("seven-keys-in-language", &[("language", v.language(a.article.body.show(v.lang).lang).into())])) }
        }
    };
    Ok(layout::page(&state, &v, &title, body).into_response())
}

pub async fn assets_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    render_assets(&state, &v, &city, StatusCode::OK, None).await
}

async fn render_assets(
    state: &AppState,
    v: &Viewer,
    city: &City,
    status: StatusCode,
    refused: Option<(&AssetInput, &FieldErrors)>,
) -> Result<Response, AppError> {
    let (assets, may_keep) = cases::assets(state, &v.acting(), city).await?;
    let name = city.draft.name.show(v.lang).text.to_owned();
    let title = v.tf("assets-title", &[("city", name.into())]);
    let empty = (AssetInput::default(), FieldErrors::new());
    let (input, errors) = refused.unwrap_or((&empty.0, &empty.1));
    let base = format!("/cities/{}/assets", city.slug);
    let kinds: Vec<(String, String)> = AssetKind::ALL
        .iter()
        .map(|k| (k.key().to_owned(), v.t(&format!("asset-kind-{}", k.key()))))
        .collect();
    let body = html! {
        p { a href=(v.href(&format!("/cities/{}", city.slug))) { (layout::translated(v, &city.draft.name)) } }
        h1 { (title) }
        p.lead { (v.t("assets-lead")) }
        @if assets.is_empty() { p.muted { (v.t("assets-none")) } } @else {
            div.table-wrap tabindex="0" { table.data {
                thead { tr { th scope="col" { (v.t("assets-name")) } th scope="col" { (v.t("assets-kind")) } th scope="col" { (v.t("assets-description")) } @if may_keep { th scope="col" { span.visually-hidden { (v.t("assets-remove")) } } } } }
                tbody { @for a in &assets { tr {
                    th scope="row" { (a.draft.name) }
                    td { (v.t(&format!("asset-kind-{}", a.draft.kind.key()))) }
                    td { (a.draft.description) }
                    @if may_keep { td {
                        form.inline method="post" action={ (v.href(&format!("{base}/{}/remove", a.id))) "?csrf=" (v.csrf) } {
                            (csrf_field(v)) button.button.secondary type="submit" { (v.t("assets-remove")) }
                        }
                    } }
                } } }
            } }
        }
        @if may_keep {
            section.card {
                h2 { (v.t("assets-add")) }
                (form_errors_in(v, None, errors))
                form.form method="post" action={ (v.href(&base)) "?csrf=" (v.csrf) } {
                    (csrf_field(v))
                    (Field::new("name", v.t("assets-name"), &input.name).required().render(v, errors))
                    (layout::select(v, "kind", &v.t("assets-kind"), &kinds, &input.kind, errors))
                    (Field::new("description", v.t("assets-description"), &input.description).kind("textarea").render(v, errors))
                    div.actions { button.button type="submit" { (v.t("assets-add")) } }
                }
            }
        }
    };
    Ok((status, layout::page(state, v, &title, body)).into_response())
}

pub async fn add_asset(
    State(state): State<AppState>,
    v: Viewer,
    Path(slug): Path<String>,
    Form(input): Form<AssetInput>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    match cases::add_asset(&state, &v.acting(), &city, &input).await {
        Ok(_) => Ok(redirect(&v.href(&format!("/cities/{}/assets", city.slug)))),
        Err(ateneu_app::Error::Invalid(errors)) => {
            render_assets(
                &state,
                &v,
                &city,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some((&input, &errors)),
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn remove_asset(
    State(state): State<AppState>,
    v: Viewer,
    Path((slug, id)): Path<(String, i64)>,
    Form(_): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let city = crate::cities::find(&state, &slug).await?;
    cases::remove_asset(&state, &v.acting(), &city, id).await?;
    Ok(redirect(&v.href(&format!("/cities/{}/assets", city.slug))))
}
