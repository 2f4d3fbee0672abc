//! The written reports and charts the use cases hand to pages: a PDF document and its blocks,
//! the radar, line and bar charts (`ateneu_reports`), and a PDF rendered off the async runtime.

pub use ateneu_reports::{bar_chart, line_chart, pdf, radar};

use crate::Error;

/// `document` rendered off the async runtime (a long report takes a while): the PDF's bytes,
/// to send or to file.
pub async fn render_pdf(document: pdf::Document) -> Result<Vec<u8>, Error> {
    tokio::task::spawn_blocking(move || pdf::render(&document))
        .await
        .map_err(|e| Error::Internal(e.to_string()))
}
