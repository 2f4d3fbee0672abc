//! Time spent in the database by one piece of work (a request, a command): how many statements
//! it ran and how long they took, for the `Server-Timing` header and the benchmarks' profiles.

use std::cell::Cell;
use std::future::Future;
use std::time::Duration;

/// The statements run within a piece of work and their time, as the driver measured them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DbTime {
    pub statements: u32,
    pub elapsed: Duration,
}

tokio::task_local! {
    static TALLY: Cell<DbTime>;
}

/// Runs `work` and tells how much of it went to the database (statements run by this task:
/// work spawned onto other tasks is not counted).
pub async fn measured<F: Future>(work: F) -> (F::Output, DbTime) {
    TALLY
        .scope(Cell::new(DbTime::default()), async {
            let output = work.await;
            let spent = TALLY.try_with(Cell::get).unwrap_or_default();
            (output, spent)
        })
        .await
}

/// Adds one statement's time to the work under way, when some is measured.
pub(crate) fn record(elapsed: Duration) {
    let _ = TALLY.try_with(|tally| {
        let mut spent = tally.get();
        spent.statements = spent.statements.saturating_add(1);
        spent.elapsed += elapsed;
        tally.set(spent);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn statements_are_counted_within_the_work_measured_and_only_there() {
        record(Duration::from_millis(5));
        let ((), spent) = measured(async {
            record(Duration::from_millis(2));
            tokio::task::yield_now().await;
            record(Duration::from_millis(3));
        })
        .await;
        assert_eq!(
            spent,
            DbTime {
                statements: 2,
                elapsed: Duration::from_millis(5)
            }
        );
    }
}
