//! The log of the database being out of reach or out of room: one line per interval however
//! many requests meet it (each still answered 503), with how many did since the last line.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// At most one line per this long.
const INTERVAL: Duration = Duration::from_secs(60);

static LAST: Mutex<Option<Instant>> = Mutex::new(None);
static SINCE: AtomicU64 = AtomicU64::new(0);

/// Notes one request that met the outage; logs its cause when the interval has passed.
pub fn log(cause: &str) {
    SINCE.fetch_add(1, Ordering::SeqCst);
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    if last.is_none_or(|at| at.elapsed() >= INTERVAL) {
        *last = Some(Instant::now());
        let requests = SINCE.swap(0, Ordering::SeqCst);
        tracing::error!(
            cause,
            requests,
            "the database is unavailable: answering 503 (logged once a minute at most)"
        );
    }
}
