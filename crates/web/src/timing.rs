//! The `Server-Timing` header on every answer of a server started with `--server-timing`: how
//! many database statements the request ran and their time, and the time of the rest (checks,
//! templating, the page cache), so that a benchmark or a profiler sees where a page's time goes.
//! Off by default: a count of statements would tell anyone whether a record they may not see
//! exists, or whether an address has an account.

use crate::AppState;
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use std::time::{Duration, Instant};

/// Measures the request and says it in the answer's `Server-Timing` header, when the server
/// was started to.
pub async fn server_timing(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if !state.config.server_timing {
        return next.run(request).await;
    }
    let started = Instant::now();
    let (mut response, db) = ateneu_app::timing::measured(next.run(request)).await;
    let value = header(db, started.elapsed());
    if let Ok(value) = HeaderValue::from_str(&value) {
        response.headers_mut().insert("server-timing", value);
    }
    response
}

/// `db;desc="N statements";dur=…, app;dur=…, total;dur=…` in milliseconds (a streamed body's
/// time after its first bytes is not counted).
fn header(db: ateneu_app::timing::DbTime, total: Duration) -> String {
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
        let db = ateneu_app::timing::DbTime {
            statements: 3,
            elapsed: Duration::from_micros(1_500),
        };
        assert_eq!(
            header(db, Duration::from_micros(4_000)),
            "db;desc=\"3 statements\";dur=1.50, app;dur=2.50, total;dur=4.00"
        );
    }
}
