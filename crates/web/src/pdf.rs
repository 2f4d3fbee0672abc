//! A written report sent as a PDF attachment: rendered off the async runtime (a long report
//! takes a while), named for the reader's download, and never stored by shared caches.

use crate::error::AppError;
use ateneu_app::reports::{pdf::Document, render_pdf};
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// `document` rendered off the async runtime: the PDF's bytes (to send, or to file).
pub async fn render(document: Document) -> Result<Vec<u8>, AppError> {
    Ok(render_pdf(document).await?)
}

/// `document` rendered as the attachment `file_name` (`….pdf`).
pub async fn attachment(document: Document, file_name: &str) -> Result<Response, AppError> {
    let bytes = render(document).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (header::CACHE_CONTROL, "private, no-cache".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
