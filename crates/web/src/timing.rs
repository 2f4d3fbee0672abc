//! The `Server-Timing` header on every answer: how many database statements the request ran and
//! their time, and the time of the rest (checks, templating, the page cache), so that a browser's
//! network panel or a benchmark shows where a page's time goes.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use std::time::{Duration, Instant};

/// Measures the request and says it in the answer's `Server-Timing` header.
pub async fn server_timing(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let (mut response, db) = ateneu_db::timing::measured(next.run(request)).await;
    let value = header(db, started.elapsed());
    if let Ok(value) = HeaderValue::from_str(&value) {
        response.headers_mut().insert("server-timing", value);
    }
    response
}

/// `db;desc="N statements";dur=…, app;dur=…, total;dur=…` in milliseconds (a streamed body's
/// time after its first bytes is not counted).
fn header(db: ateneu_db::timing::DbTime, total: Duration) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let rest = total.saturating_sub(db.elapsed);
    format!(
        "db;desc=\"{} statements\";dur={:.2}, app;dur={:.2}, total;dur={:.2}",
        db.statements,
        ms(db.elapsed),
        ms(rest),
        ms(total)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_parts_the_total_between_the_database_and_the_rest() {
        let db = ateneu_db::timing::DbTime {
            statements: 3,
            elapsed: Duration::from_micros(1_500),
        };
        assert_eq!(
            header(db, Duration::from_micros(4_000)),
            "db;desc=\"3 statements\";dur=1.50, app;dur=2.50, total;dur=4.00"
        );
    }
}
