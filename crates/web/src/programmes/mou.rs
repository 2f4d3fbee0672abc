//! A programme's memorandum of understanding on the web: its page (kind, day signed,
//! signatories, summary, each language version's title and signed documents), the
//! secretariat's form with its revision, the upload of a signed document (the secretariat and
//! the city's editors), serving a document to whoever may see the programme, and the same in
//! the JSON API. The use cases are `ateneu_app::programmes::mou`.

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ApiJson, Form, Multipart, Path};
use crate::layout::{self, Field, csrf_field, form_errors};
use crate::negotiate::redirect;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_app::programmes::mou::MouFile;
use ateneu_app::programmes::mou::{self as cases, MouForm, MouView};
use ateneu_domain::practices::media::{ContentType, FileName, UploadKind};
use ateneu_domain::programmes::mou::{MouKind, signatories_from_lines, signatories_to_lines};
use ateneu_domain::programmes::output_files::{DOCUMENT_MAX_BYTES, too_large};
use ateneu_domain::{FieldErrors, Lang, Problem, ProblemKey};
use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use serde::{Deserialize, Serialize};
use utoipa_axum::routes;

/// The body limit of an upload: a document at the limit with the form's other fields.
const BODY_LIMIT: usize = DOCUMENT_MAX_BYTES + 1024 * 1024;

pub fn routes() -> Routes {
    Routes::new()
        .route("/programmes/{id}/mou", get(detail).post(save))
        .route("/programmes/{id}/mou/files", post(upload))
        .body_limit(BODY_LIMIT)
}

pub fn api_routes() -> Routes {
    Routes::new()
        .documented(routes!(detail_api, save_api))
        .documented(routes!(files_api, upload_api))
        .body_limit(BODY_LIMIT)
}

/// Outside the language prefixes: one address per signed document.
pub fn root_routes() -> Routes {
    Routes::new().documented(routes!(serve))
}

/// Where a signed document is served to those who may see its programme.
pub fn file_url(file: &MouFile) -> String {
    format!("/mou-files/{}/{}", file.id, file.file_name)
}

/// The memorandum's form as the page sends it: the signatories one a line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MouPageForm {
    pub revision: String,
    pub kind: String,
    /// One a line: `name | position | city or uclg | organisation`.
    pub signatories: String,
    pub signed_on: String,
    pub summary: String,
    pub title_en: String,
    pub title_fr: String,
    pub title_es: String,
}

impl MouPageForm {
    fn form(&self) -> MouForm {
        MouForm {
            revision: self.revision.clone(),
            kind: self.kind.clone(),
            signatories: signatories_from_lines(&self.signatories),
            signed_on: self.signed_on.clone(),
            summary: self.summary.clone(),
            title_en: self.title_en.clone(),
            title_fr: self.title_fr.clone(),
            title_es: self.title_es.clone(),
        }
    }

    fn of(view: &MouView) -> MouPageForm {
        let mut form = MouPageForm {
            revision: view.revision.to_string(),
            ..MouPageForm::default()
        };
        if let Some(mou) = &view.mou {
            let d = &mou.draft;
            form.kind = d.kind.key().to_owned();
            form.signatories = signatories_to_lines(&d.signatories);
            form.signed_on = d.signed_on.map(|s| s.to_string()).unwrap_or_default();
            form.summary = d.summary.clone();
            form.title_en = d.title_en.clone();
            form.title_fr = d.title_fr.clone();
            form.title_es = d.title_es.clone();
        }
        form
    }
}

fn key_label(v: &Viewer, prefix: &str, key: &str) -> String {
    v.t(&format!("{prefix}-{}", key.replace('_', "-")))
}

fn size(bytes: i64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0)),
        b if b >= 1024 => format!("{} KiB", b / 1024),
        b => format!("{b} B"),
    }
}

/// What the page shows besides the memorandum: a refused form or upload.
#[derive(Default)]
struct Shown {
    form: Option<(MouPageForm, FieldErrors)>,
    upload: Option<FieldErrors>,
}

fn page(state: &AppState, v: &Viewer, view: &MouView, shown: &Shown) -> Markup {
    let base = format!("/programmes/{}", view.programme_id);
    let empty = FieldErrors::new();
    let (form, errors) = match &shown.form {
        Some((form, errors)) => (form.clone(), errors),
        None => (MouPageForm::of(view), &empty),
    };
    let kinds: Vec<(String, String)> = MouKind::ALL
        .iter()
        .map(|k| (k.key().to_owned(), key_label(v, "mou-kind", k.key())))
        .collect();
    let langs: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), v.language(*l)))
        .collect();
    let title = v.t("mou-title");
    let body = html! {
        p { a href=(v.href(&base)) { "← " (v.t("programme-back")) } " · " span.badge { (v.t("visibility-confidential")) } }
        h1 { (title) }
        @match &view.mou {
            None => p.muted { (v.t("mou-none")) },
            Some(mou) => {
                dl {
                    dt { (v.t("mou-kind")) } dd { (key_label(v, "mou-kind", mou.draft.kind.key())) }
                    dt { (v.t("mou-signed-on")) }
                    dd { @match mou.draft.signed_on { Some(day) => (day), None => span.muted { (v.t("mou-unsigned")) } } }
                    @if !mou.draft.summary.is_empty() { dt { (v.t("mou-summary")) } dd { (mou.draft.summary) } }
                }
                h2 { (v.t("mou-signatories")) }
                @if mou.draft.signatories.is_empty() { p.muted { (v.t("none")) } } @else {
                    div.table-wrap tabindex="0" { table.data {
                        thead { tr { th { (v.t("mou-signatory-name")) } th { (v.t("mou-signatory-position")) } th { (v.t("mou-signatory-side")) } th { (v.t("mou-signatory-organisation")) } } }
                        tbody { @for s in &mou.draft.signatories { tr {
                            td { (s.name) } td { (s.position) } td { (key_label(v, "mou-side", s.side.key())) } td { (s.organisation) }
                        } } }
                    } }
                }
            }
        }
        section #versions {
            h2 { (v.t("mou-versions")) }
            div.table-wrap tabindex="0" { table.data {
                thead { tr { th { (v.t("output-lang")) } th { (v.t("activity-title")) } th { (v.t("mou-documents")) } } }
                tbody { @for lang in Lang::ALL { tr {
                    td { (v.language(lang)) }
                    td { @if let Some(mou) = &view.mou { (mou.draft.title(lang)) } }
                    td { @for file in view.files.iter().filter(|f| f.lang == lang) {
                        a href=(file_url(file)) { (file.file_name) } " · " (size(file.size)) " · " (file.uploaded_at.format("%Y-%m-%d")) " · " (file.uploaded_by) br;
                    } }
                } } }
            } }
            @if view.may_upload {
                details open[shown.upload.is_some()] {
                    summary { (v.t("mou-upload")) }
                    (form_errors(v, shown.upload.as_ref().unwrap_or(&empty)))
                    form.form method="post" action={ (v.href(&format!("{base}/mou/files"))) "?csrf=" (v.csrf) } enctype="multipart/form-data" {
                        (csrf_field(v))
                        (layout::select(v, "lang", &v.t("output-lang"), &langs, v.lang.code(), shown.upload.as_ref().unwrap_or(&empty)))
                        div.field {
                            label for="f-file" { (v.t("import-file")) }
                            input #f-file type="file" name="file" required aria-describedby="f-file-hint";
                            p.hint #f-file-hint { (v.t("mou-file-hint")) }
                        }
                        div.actions { button.button type="submit" { (v.t("mou-upload")) } }
                    }
                }
            }
        }
        @if view.may_manage {
            section #mou-form {
                h2 { (v.t("mou-change")) }
                (form_errors(v, errors))
                form.form method="post" action=(v.href(&format!("{base}/mou"))) novalidate {
                    (csrf_field(v))
                    input type="hidden" name="revision" value=(if errors.get("revision").is_some() { view.revision.to_string() } else { form.revision.clone() });
                    (layout::select(v, "kind", &v.t("mou-kind"), &kinds, &form.kind, errors))
                    (Field::new("signed_on", v.t("mou-signed-on"), &form.signed_on).kind("date").hint(v.t("mou-signed-on-hint")).render(v, errors))
                    (Field::new("signatories", v.t("mou-signatories"), &form.signatories).kind("textarea").hint(v.t("mou-signatories-hint")).render(v, errors))
                    (Field::new("summary", v.t("mou-summary"), &form.summary).kind("textarea").render(v, errors))
                    (Field::new("title_en", format!("{} ({})", v.t("activity-title"), v.language(Lang::En)), &form.title_en).render(v, errors))
                    (Field::new("title_fr", format!("{} ({})", v.t("activity-title"), v.language(Lang::Fr)), &form.title_fr).render(v, errors))
                    (Field::new("title_es", format!("{} ({})", v.t("activity-title"), v.language(Lang::Es)), &form.title_es).render(v, errors))
                    div.actions { button.button type="submit" { (v.t("save")) } }
                }
            }
        }
    };
    layout::page(state, v, &title, body)
}

async fn render(
    state: &AppState,
    v: &Viewer,
    id: i64,
    status: StatusCode,
    shown: &Shown,
) -> Result<Response, AppError> {
    let view = cases::read(state, &v.acting(), id).await?;
    Ok((status, page(state, v, &view, shown)).into_response())
}

async fn detail(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&state, &v, id, StatusCode::OK, &Shown::default()).await
}

async fn save(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<MouPageForm>,
) -> Result<Response, AppError> {
    let (status, errors) = match cases::save(&state, &v.acting(), id, &form.form()).await {
        Ok(_) => return Ok(redirect(&v.href(&format!("/programmes/{id}/mou")))),
        Err(ateneu_app::Error::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
        Err(ateneu_app::Error::Conflict(problem)) => {
            let mut errors = FieldErrors::new();
            errors.add("revision", problem);
            (StatusCode::CONFLICT, errors)
        }
        Err(other) => return Err(other.into()),
    };
    let shown = Shown {
        form: Some((form, errors)),
        ..Shown::default()
    };
    render(&state, &v, id, status, &shown).await
}

fn not_a_file(detail: String) -> AppError {
    AppError::BadRequest(Problem::with_detail(ProblemKey::NotAFile, detail))
}

/// Reads the `lang` and `file` fields of a multipart body (others are skipped), stopping at
/// once past the document limit.
async fn read_upload(
    multipart: Result<Multipart, AppError>,
) -> Result<(String, String, Vec<u8>), AppError> {
    let mut multipart = multipart?;
    let mut sent = (String::new(), String::new(), Vec::new());
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|e| not_a_file(e.body_text()))?
    {
        match field.name() {
            Some("lang") => {
                sent.0 = field
                    .text()
                    .await
                    .map_err(|e| not_a_file(e.body_text()))?
                    .chars()
                    .take(10)
                    .collect();
            }
            Some("file") => {
                sent.1 = field.file_name().unwrap_or_default().to_owned();
                while let Some(chunk) = field.chunk().await.map_err(|e| {
                    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                        AppError::TooLarge(too_large(UploadKind::Document))
                    } else {
                        not_a_file(e.body_text())
                    }
                })? {
                    if sent.2.len() + chunk.len() > DOCUMENT_MAX_BYTES {
                        return Err(AppError::TooLarge(too_large(UploadKind::Document)));
                    }
                    sent.2.extend_from_slice(&chunk);
                }
            }
            _ => {}
        }
    }
    Ok(sent)
}

/// The problems of a refused upload, to show on the form; `None` for other refusals.
fn upload_errors(error: &ateneu_app::Error) -> Option<FieldErrors> {
    match error {
        ateneu_app::Error::Invalid(errors) => Some(errors.clone()),
        ateneu_app::Error::TooLarge(problem) | ateneu_app::Error::Unsupported(problem) => {
            let mut errors = FieldErrors::new();
            errors.add("file", problem.clone());
            Some(errors)
        }
        _ => None,
    }
}

async fn upload(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    // Who may not see the programme is told not found before the body is read.
    cases::may_upload(&state, &v.acting(), id).await?;
    let (lang, name, bytes) = match read_upload(multipart).await {
        Ok(sent) => sent,
        Err(AppError::TooLarge(problem)) => {
            let mut errors = FieldErrors::new();
            errors.add("file", problem);
            let shown = Shown {
                upload: Some(errors),
                ..Shown::default()
            };
            return render(&state, &v, id, StatusCode::PAYLOAD_TOO_LARGE, &shown).await;
        }
        Err(other) => return Err(other),
    };
    match cases::upload(&state, &v.acting(), id, &lang, &name, &bytes).await {
        Ok(_) => Ok(redirect(&v.href(&format!("/programmes/{id}/mou#versions")))),
        Err(error) => match upload_errors(&error) {
            Some(errors) => {
                let status = AppError::from(error).status();
                let shown = Shown {
                    upload: Some(errors),
                    ..Shown::default()
                };
                render(&state, &v, id, status, &shown).await
            }
            None => Err(error.into()),
        },
    }
}

#[utoipa::path(
    get,
    path = "/programmes/{id}/mou",
    tag = "programmes",
    summary = "The programme's memorandum of understanding (null until recorded), its revision (0 while none), its signed documents and what the person may do; 404 to whoever may not see the programme",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/MouView"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn detail_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), id).await?).into_response())
}

#[utoipa::path(
    put,
    path = "/programmes/{id}/mou",
    tag = "programmes",
    summary = "Save the memorandum (the secretariat) on the revision it was read on (409 changed_meanwhile otherwise); a signing day is recorded only while the programme is proposed or its MoU signed, and never in the future",
    request_body(content = ref("#/components/schemas/MouForm"), content_type = "application/json"),
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Mou"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn save_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    ApiJson(form): ApiJson<MouForm>,
) -> Result<Response, AppError> {
    Ok(Json(cases::save(&state, &v.acting(), id, &form).await?).into_response())
}

#[utoipa::path(
    get,
    path = "/programmes/{id}/mou/files",
    tag = "programmes",
    summary = "The signed documents of the memorandum's language versions, newest first",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/MouFiles"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn files_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    Ok(Json(cases::read(&state, &v.acting(), id).await?.files).into_response())
}

#[utoipa::path(
    post,
    path = "/programmes/{id}/mou/files",
    tag = "programmes",
    summary = "Upload the signed document of a language version (the secretariat and the city's editors): a PDF, ODT or DOCX of at most 25 MiB, recognised by its content",
    request_body(content = ref("#/components/schemas/MouUpload"), content_type = "multipart/form-data"),
    responses((status = 201, description = "Success", body = ref("#/components/schemas/MouFile"))),
    security(("bearer" = []), ("session" = [])),
)]
async fn upload_api(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    multipart: Result<Multipart, AppError>,
) -> Result<Response, AppError> {
    cases::may_upload(&state, &v.acting(), id).await?;
    let (lang, name, bytes) = read_upload(multipart).await?;
    let file = cases::upload(&state, &v.acting(), id, &lang, &name, &bytes).await?;
    let mut response = (StatusCode::CREATED, Json(&file)).into_response();
    if let Ok(location) = HeaderValue::from_str(&file_url(&file)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// `GET /mou-files/{id}/{name}`: a signed document, as a download of its stored type, never
/// kept by a shared cache, to whoever may see its programme; not found otherwise.
#[utoipa::path(
    get,
    path = "/mou-files/{id}/{name}",
    tag = "programmes",
    summary = "A signed document of a memorandum, as a download, to whoever may see its programme (404 to anyone else); never kept by shared caches",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/OutputFileBytes"), content_type = "application/octet-stream")),
)]
async fn serve(
    State(state): State<AppState>,
    v: Viewer,
    Path((id, name)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
    let served = cases::serve(&state, &v.acting(), id, &name).await?;
    let file = &served.file;
    let content_type = ContentType::parse(&file.content_type)
        .ok_or_else(|| AppError::Internal(format!("stored type {}", file.content_type)))?;
    let name = FileName::stored(&file.file_name)
        .ok_or_else(|| AppError::Internal(format!("stored name {}", file.file_name)))?;
    let mut response = Body::from(served.bytes).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type.mime()),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("\"{}\"", file.sha256)) {
        h.insert(header::ETAG, value);
    }
    Ok(response)
}

/// The programme page's section that leads to the memorandum, each year's plan and the
/// inquiries.
pub fn section(v: &Viewer, programme: &ateneu_app::programmes::Programme) -> Markup {
    let base = format!("/programmes/{}", programme.id);
    let years = ateneu_domain::programmes::plans::years(&programme.draft.period);
    html! {
        section #agreement {
            h2 { (v.t("mou-section-title")) }
            ul {
                li { a href=(v.href(&format!("{base}/mou"))) { (v.t("mou-title")) } }
                @for year in years {
                    li { a href=(v.href(&format!("{base}/plans/{year}"))) { (v.tf("plan-title", &[("year", year.to_string().into())])) } }
                }
                li { a href=(v.href(&format!("{base}/inquiries"))) { (v.t("inquiries-title")) } }
            }
        }
    }
}
