//! The account pages: sign in and out, password reset, setting a password from a link, the
//! first administrator's set-up, and the account page (profile, sessions, API tokens).

use super::{PasswordInput, SetupInput};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{Form, OpenForm, Path, Query};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::routing::Routes;
use crate::security::{SESSION_COOKIE, cookie};
use crate::viewer::{Viewer, end_session};
use ateneu_app::accounts::own;
use ateneu_domain::ProblemKey;
use ateneu_domain::ids::CityId;
use ateneu_domain::{FieldErrors, Lang};
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::Deserialize;

pub fn routes() -> Routes {
    Routes::new()
        .route("/sign-in", get(sign_in_form).post(sign_in))
        .route("/sign-out", post(sign_out))
        .route("/sign-out-everywhere", post(sign_out_everywhere))
        .route("/password-reset", get(reset_form).post(reset_request))
        .route("/password/{token}", get(password_form).post(password_set))
        .route("/setup/{token}", get(setup_form).post(setup))
        .route("/account", get(account).post(profile))
        .route("/account/tokens", post(create_token))
        .route("/account/tokens/{id}/revoke", post(revoke_token))
}

/// Redirects with a new session cookie.
fn signed_in(state: &AppState, to: &str, token: &str) -> Response {
    let mut response = crate::negotiate::redirect(to);
    let value = cookie(
        SESSION_COOKIE,
        token,
        super::SESSION_DAYS * 86400,
        true,
        state.config.secure_cookies(),
    );
    response.headers_mut().append(header::SET_COOKIE, value);
    response
}

fn render(state: &AppState, v: &Viewer, title: &str, status: StatusCode, body: Markup) -> Response {
    (status, layout::page(state, v, title, body)).into_response()
}

fn status_of(errors: &FieldErrors) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SignInInput {
    email: String,
    password: String,
    next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NextQuery {
    next: String,
}

fn sign_in_page(
    state: &AppState,
    v: &Viewer,
    input: &SignInInput,
    errors: &FieldErrors,
    status: StatusCode,
) -> Response {
    let body = html! {
        h1 { (v.t("sign-in")) }
        (form_errors(v, errors))
        form.form method="post" action=(v.href("/sign-in")) novalidate {
            (csrf_field(v))
            input type="hidden" name="next" value=(input.next);
            (Field::new("email", v.t("email"), &input.email).kind("email").required().render(v, errors))
            (Field::new("password", v.t("password"), "").kind("password").required().render(v, errors))
            div.actions { button.button type="submit" { (v.t("sign-in")) } }
        }
        p { a href=(v.href("/password-reset")) { (v.t("forgot-password")) } }
    };
    render(state, v, &v.t("sign-in"), status, body)
}

async fn sign_in_form(
    State(state): State<AppState>,
    v: Viewer,
    Query(q): Query<NextQuery>,
) -> Response {
    sign_in_page(
        &state,
        &v,
        &SignInInput {
            next: q.next,
            ..SignInInput::default()
        },
        &FieldErrors::new(),
        StatusCode::OK,
    )
}

/// Only the platform's own pages are followed after signing in; anything else leads to the
/// account page.
fn safe_next(v: &Viewer, next: &str) -> String {
    ateneu_domain::accounts::page_after_sign_in(next)
        .map_or_else(|| v.href("/account"), str::to_owned)
}

async fn sign_in(
    State(state): State<AppState>,
    v: Viewer,
    OpenForm(input): OpenForm<SignInInput>,
) -> Result<Response, AppError> {
    match super::sign_in(&state, &input.email, &input.password)
        .await
        .map_err(AppError::from)
    {
        Ok(token) => Ok(signed_in(&state, &safe_next(&v, &input.next), &token)),
        Err(AppError::Invalid(errors)) => Ok(sign_in_page(
            &state,
            &v,
            &input,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Err(AppError::TooManyAttempts) => {
            let mut errors = FieldErrors::new();
            errors.add(
                "email",
                ateneu_domain::Problem::new(ProblemKey::TooManyAttempts),
            );
            Ok(sign_in_page(
                &state,
                &v,
                &input,
                &errors,
                StatusCode::TOO_MANY_REQUESTS,
            ))
        }
        Err(other) => Err(other),
    }
}

fn signed_out(state: &AppState, to: &str) -> Response {
    let mut response = crate::negotiate::redirect(to);
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie(SESSION_COOKIE, "", 0, true, state.config.secure_cookies()),
    );
    response
}

async fn sign_out(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    end_session(&state, &v).await?;
    Ok(signed_out(&state, &v.href("/")))
}

async fn sign_out_everywhere(
    State(state): State<AppState>,
    v: Viewer,
) -> Result<Response, AppError> {
    own::sign_out_everywhere(&state, &v.acting()).await?;
    Ok(signed_out(&state, &v.href("/sign-in")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EmailInput {
    email: String,
}

fn reset_page(
    state: &AppState,
    v: &Viewer,
    email: &str,
    errors: &FieldErrors,
    sent: bool,
) -> Response {
    let body = html! {
        h1 { (v.t("password-reset")) }
        @if sent { div.flash.success role="status" { (v.t("password-reset-sent")) } }
        (form_errors(v, errors))
        form.form method="post" action=(v.href("/password-reset")) novalidate {
            (csrf_field(v))
            (Field::new("email", v.t("email"), email).kind("email").required().render(v, errors))
            div.actions { button.button type="submit" { (v.t("password-reset-send")) } }
        }
    };
    render(state, v, &v.t("password-reset"), status_of(errors), body)
}

async fn reset_form(State(state): State<AppState>, v: Viewer) -> Response {
    reset_page(&state, &v, "", &FieldErrors::new(), false)
}

async fn reset_request(
    State(state): State<AppState>,
    v: Viewer,
    OpenForm(input): OpenForm<EmailInput>,
) -> Result<Response, AppError> {
    match super::request_password_reset(&state, &input.email, v.lang)
        .await
        .map_err(AppError::from)
    {
        Ok(()) => Ok(reset_page(&state, &v, "", &FieldErrors::new(), true)),
        Err(AppError::Invalid(errors)) => Ok(reset_page(&state, &v, &input.email, &errors, false)),
        Err(other) => Err(other),
    }
}

fn password_page(state: &AppState, v: &Viewer, token: &str, errors: &FieldErrors) -> Response {
    let body = html! {
        h1 { (v.t("password-set")) }
        (form_errors(v, errors))
        form.form method="post" action=(v.href(&format!("/password/{token}"))) novalidate {
            (csrf_field(v))
            (Field::new("password", v.t("password-new"), "").kind("password").required().hint(v.t("hint-password")).render(v, errors))
            (Field::new("confirm", v.t("password-confirm"), "").kind("password").required().render(v, errors))
            div.actions { button.button type="submit" { (v.t("save")) } }
        }
    };
    render(state, v, &v.t("password-set"), status_of(errors), body)
}

async fn password_form(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    ateneu_app::accounts::live_link(&state, &token).await?;
    Ok(password_page(&state, &v, &token, &FieldErrors::new()))
}

async fn password_set(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
    OpenForm(input): OpenForm<PasswordInput>,
) -> Result<Response, AppError> {
    match super::set_password_with_link(&state, &token, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(session) => Ok(signed_in(&state, &v.href("/account"), &session)),
        Err(AppError::Invalid(errors)) => Ok(password_page(&state, &v, &token, &errors)),
        Err(other) => Err(other),
    }
}

fn setup_page(
    state: &AppState,
    v: &Viewer,
    token: &str,
    input: &SetupInput,
    errors: &FieldErrors,
) -> Response {
    let body = html! {
        h1 { (v.t("setup-title")) }
        p.lead { (v.t("setup-lead")) }
        (form_errors(v, errors))
        form.form method="post" action=(v.href(&format!("/setup/{token}"))) novalidate {
            (csrf_field(v))
            (Field::new("email", v.t("email"), &input.email).kind("email").required().render(v, errors))
            (Field::new("display_name", v.t("display-name"), &input.display_name).render(v, errors))
            (Field::new("password", v.t("password-new"), "").kind("password").required().hint(v.t("hint-password")).render(v, errors))
            (Field::new("confirm", v.t("password-confirm"), "").kind("password").required().render(v, errors))
            div.actions { button.button type="submit" { (v.t("setup-submit")) } }
        }
    };
    render(state, v, &v.t("setup-title"), status_of(errors), body)
}

async fn setup_form(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    if !own::setup_link_is_live(&state, &token).await? {
        return Err(AppError::BadRequest(ateneu_domain::Problem::new(
            ProblemKey::LinkInvalid,
        )));
    }
    Ok(setup_page(
        &state,
        &v,
        &token,
        &SetupInput::default(),
        &FieldErrors::new(),
    ))
}

async fn setup(
    State(state): State<AppState>,
    v: Viewer,
    Path(token): Path<String>,
    OpenForm(input): OpenForm<SetupInput>,
) -> Result<Response, AppError> {
    match super::setup_admin(&state, &token, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(session) => Ok(signed_in(&state, &v.href("/admin"), &session)),
        Err(AppError::Invalid(errors)) => Ok(setup_page(&state, &v, &token, &input, &errors)),
        Err(other) => Err(other),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ProfileInput {
    display_name: String,
    locale: String,
}

async fn account_page(
    state: &AppState,
    v: &Viewer,
    new_token: Option<&str>,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    let s = v.require_signed_in()?;
    let tokens = own::tokens(state, &v.acting()).await?;
    let scoped: Vec<CityId> = s.grants.iter().filter_map(|g| g.grant.city).collect();
    let names = crate::admin::city_names(state, v, scoped).await?;
    let scopes: Vec<(String, String)> = ateneu_domain::accounts::TokenScope::ALL
        .iter()
        .map(|scope| {
            (
                scope.key().to_owned(),
                v.t(&format!("token-scope-{}", scope.key())),
            )
        })
        .collect();
    let locales: Vec<(String, String)> = std::iter::once((String::new(), v.t("locale-automatic")))
        .chain(
            Lang::ALL
                .iter()
                .map(|l| (l.code().to_owned(), l.native_name().to_owned())),
        )
        .collect();
    let body = html! {
        h1 { (v.t("account-title")) }
        dl.facts {
            dt { (v.t("email")) } dd { (s.user.email) }
            dt { (v.t("roles")) } dd { @if s.grants.is_empty() { (v.t("none")) } @for g in &s.grants { span.badge { (crate::admin::grant_label(state, v, &g.grant, &names)) } " " } }
        }
        section.panel {
            h2 { (v.t("profile")) }
            (form_errors(v, errors))
            form.form method="post" action=(v.href("/account")) {
                (csrf_field(v))
                (Field::new("display_name", v.t("display-name"), &s.user.display_name).render(v, errors))
                (layout::select(v, "locale", &v.t("locale-setting"), &locales, s.user.locale.as_deref().unwrap_or(""), errors))
                div.actions { button.button type="submit" { (v.t("save")) } }
            }
        }
        section.panel {
            h2 { (v.t("sessions")) }
            p { (v.t("sign-out-everywhere-lead")) }
            form.inline method="post" action=(v.href("/sign-out-everywhere")) { (csrf_field(v)) button.button.danger type="submit" { (v.t("sign-out-everywhere")) } }
            p { a href=(v.href("/password-reset")) { (v.t("password-change")) } }
        }
        section.panel {
            h2 { (v.t("api-tokens")) }
            p { (v.t("api-tokens-lead")) }
            @if let Some(token) = new_token { div.flash.success role="status" { p { (v.t("api-token-created")) } p { code { (token) } } } }
            @if !tokens.is_empty() {
                ul.plain { @for t in &tokens { li {
                    strong { (t.name) } " · " (v.t(&format!("token-scope-{}", t.scope.key()))) " · "
                    (v.tf("token-expires", &[("date", t.expires_at.format("%Y-%m-%d").to_string().into())]))
                    form.inline method="post" action=(v.href(&format!("/account/tokens/{}/revoke", t.id))) { (csrf_field(v)) " " button.button.danger type="submit" { (v.t("revoke")) } }
                } } }
            }
            form.form method="post" action=(v.href("/account/tokens")) {
                (csrf_field(v))
                (Field::new("name", v.t("api-token-name"), "").render(v, errors))
                (layout::select(v, "scope", &v.t("api-token-scope"), &scopes, "write", errors))
                (Field::new("days", v.t("api-token-days"), &ateneu_domain::accounts::TOKEN_DAYS_DEFAULT.to_string()).kind("number").render(v, errors))
                div.actions { button.button type="submit" { (v.t("api-token-create")) } }
            }
        }
    };
    Ok(render(
        state,
        v,
        &v.t("account-title"),
        status_of(errors),
        body,
    ))
}

async fn account(State(state): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    account_page(&state, &v, None, &FieldErrors::new()).await
}

async fn profile(
    State(state): State<AppState>,
    v: Viewer,
    Form(input): Form<ProfileInput>,
) -> Result<Response, AppError> {
    let locale = input.locale.parse::<Lang>().ok();
    match own::update_profile(&state, &v.acting(), &input.display_name, locale)
        .await
        .map_err(AppError::from)
    {
        Ok(()) => {}
        Err(AppError::Invalid(errors)) => return account_page(&state, &v, None, &errors).await,
        Err(other) => return Err(other),
    }
    let lang = locale.unwrap_or(v.lang);
    Ok(crate::negotiate::redirect(&format!(
        "/{}/account",
        lang.code()
    )))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TokenForm {
    name: String,
    scope: String,
    days: String,
}

async fn create_token(
    State(state): State<AppState>,
    v: Viewer,
    Form(input): Form<TokenForm>,
) -> Result<Response, AppError> {
    match super::create_token(&state, &v, &input.name, &input.scope, &input.days).await {
        Ok(token) => account_page(&state, &v, Some(&token), &FieldErrors::new()).await,
        Err(AppError::Invalid(errors)) => account_page(&state, &v, None, &errors).await,
        Err(other) => Err(other),
    }
}

async fn revoke_token(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    own::revoke_token(&state, &v.acting(), id).await?;
    Ok(crate::negotiate::redirect(&v.href("/account")))
}
