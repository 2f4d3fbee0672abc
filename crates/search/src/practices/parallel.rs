//! A search's work spread over the cores. Each segment of the index is matched, scored and
//! counted as one job; the calling thread does the largest, hands the others to the search
//! threads, then does itself whichever they have not started (a sleeping thread can take
//! longer to wake than a segment takes: see [`STAY_AWAKE`]), and reads the page of hits while the last segments
//! are counted. A rebuild leaves the index in one segment per core ([`search_parts`]) for
//! this. Cheap searches stay on the calling thread: waking another costs more than they do.

use super::IndexError;
use super::bits::Bits;
use super::engine::{Matched, Outcome, Plan};
use super::topn::{Ranked, better};
use crossbeam_channel::{Receiver, Sender, TryRecvError};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, mpsc};
use std::time::{Duration, Instant};
use tantivy::index::SegmentId;

/// A rebuild makes no more segments than this, whatever the number of cores.
const MAX_PARTS: usize = 8;
/// Nor segments of fewer practices than this.
const MIN_PART_DOCS: u64 = 4_000;
/// Searches reading fewer postings and filtered documents than this run on one thread.
const SIDE_BY_SIDE_MIN_WORK: u64 = 16_384;

/// How many segments a rebuild leaves: one per core (at most [`MAX_PARTS`]), each of at least
/// [`MIN_PART_DOCS`] practices, since each segment adds fixed costs to every search.
pub(crate) fn search_parts(docs: u64) -> usize {
    let by_size = usize::try_from(docs / MIN_PART_DOCS).unwrap_or(usize::MAX);
    cores().min(MAX_PARTS).min(by_size).max(1)
}

/// `segments` (id, documents) in `parts` groups of about equal documents: the largest first,
/// each to the group with the fewest so far.
pub(crate) fn balanced(segments: &[(SegmentId, u32)], parts: usize) -> Vec<Vec<SegmentId>> {
    let mut by_size: Vec<&(SegmentId, u32)> = segments.iter().collect();
    by_size.sort_by_key(|(id, docs)| (std::cmp::Reverse(*docs), *id));
    let mut groups: Vec<(u64, Vec<SegmentId>)> = vec![(0, Vec::new()); parts.max(1)];
    for (id, docs) in by_size {
        if let Some(group) = groups.iter_mut().min_by_key(|(total, _)| *total) {
            group.0 += u64::from(*docs);
            group.1.push(*id);
        }
    }
    groups
        .into_iter()
        .map(|(_, ids)| ids)
        .filter(|ids| !ids.is_empty())
        .collect()
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// After a job, a search thread keeps looking for the next one this long before it sleeps:
/// waking a sleeping thread can take longer than a whole search (a few hundred microseconds
/// on a virtual machine), so a server answering searches one after another keeps its search
/// threads awake, and an idle one spends at most this much after its last search. It yields
/// the core to any other thread while it looks.
const STAY_AWAKE: Duration = Duration::from_millis(2);

type Job = Box<dyn FnOnce() + Send + 'static>;

/// The search threads (one fewer than the cores), fed through one queue; none when there is
/// one core or they cannot be started.
fn pool() -> Option<&'static Sender<Job>> {
    static POOL: OnceLock<Option<Sender<Job>>> = OnceLock::new();
    POOL.get_or_init(|| {
        let (sender, receiver) = crossbeam_channel::unbounded::<Job>();
        let mut started = 0;
        for i in 1..cores().clamp(1, MAX_PARTS) {
            let receiver = receiver.clone();
            let thread = std::thread::Builder::new()
                .name(format!("ateneu-search-{i}"))
                .spawn(move || work(&receiver));
            started += usize::from(thread.is_ok());
        }
        (started > 0).then_some(sender)
    })
    .as_ref()
}

/// A search thread: runs jobs until the queue closes.
fn work(jobs: &Receiver<Job>) {
    loop {
        let waited = Instant::now();
        let job = loop {
            match jobs.try_recv() {
                Ok(job) => break Some(job),
                Err(TryRecvError::Empty) if waited.elapsed() < STAY_AWAKE => {
                    std::thread::yield_now();
                }
                Err(TryRecvError::Empty) => break jobs.recv().ok(),
                Err(TryRecvError::Disconnected) => return,
            }
        };
        let Some(job) = job else {
            return;
        };
        // A panicking job is answered for by the search that waits on it (its segment is
        // missing); the thread goes on.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
    }
}

/// What the jobs of one search share.
struct Search {
    plan: Plan,
    top_n: usize,
    /// By segment: whether a thread has taken it.
    taken: Vec<AtomicBool>,
    /// Per-segment counts added up as they come.
    counts: Mutex<Vec<u32>>,
    /// Segments not yet counted.
    left: Mutex<usize>,
    counted: Condvar,
}

/// Marks a segment counted when dropped, also when its job panicked.
struct Counted<'a>(&'a Search);

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        if let Ok(mut left) = self.0.left.lock() {
            *left = left.saturating_sub(1);
            self.0.counted.notify_all();
        }
    }
}

type Found = (usize, Result<Matched, IndexError>);

impl Search {
    /// Matches, sends and counts segment `ord`, unless another thread has taken it.
    fn take(&self, ord: usize, sender: &mpsc::Sender<Found>) {
        if self
            .taken
            .get(ord)
            .is_none_or(|t| t.swap(true, Ordering::AcqRel))
        {
            return;
        }
        let _counted = Counted(self);
        let matched = self.plan.match_segment(ord, self.top_n);
        let matches = matched.as_ref().ok().map(|m| Arc::clone(&m.matches));
        // A closed channel: the search failed elsewhere and needs no answer.
        let _ = sender.send((ord, matched));
        if let Some(m) = matches {
            let part = self.plan.count_segment(ord, &m);
            if let Ok(mut counts) = self.counts.lock() {
                for (count, add) in counts.iter_mut().zip(&part) {
                    *count = count.wrapping_add(*add);
                }
            }
        }
    }

    /// Waits until every segment is counted, and returns the counts.
    fn counts(&self) -> Vec<u32> {
        let Ok(mut left) = self.left.lock() else {
            return Vec::new();
        };
        while *left > 0 {
            left = match self.counted.wait(left) {
                Ok(left) => left,
                Err(_) => return Vec::new(),
            };
        }
        drop(left);
        self.counts
            .lock()
            .map(|mut counts| std::mem::take(&mut *counts))
            .unwrap_or_default()
    }
}

#[cfg(test)]
static SPLIT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many searches have handed segments to the search threads (tests).
#[cfg(test)]
pub(crate) fn searches_split() -> usize {
    SPLIT.load(Ordering::Relaxed)
}

/// Runs `plan`: the total and the facet counts; the best `top_n` go to `with_top`, which
/// runs while the last segments are counted.
pub(crate) fn run<R>(
    plan: Plan,
    top_n: usize,
    with_top: impl FnOnce(&[Ranked]) -> Result<R, IndexError>,
) -> Result<(Outcome, R), IndexError> {
    let segments = plan.snapshot.searcher.segment_readers().len();
    let live_docs = |ord: usize| plan.snapshot.segment_counts.get(ord).map_or(0, |c| c.0);
    let largest = (0..segments)
        .max_by_key(|ord| (live_docs(*ord), std::cmp::Reverse(*ord)))
        .unwrap_or(0);
    let pool = (segments > 1 && plan.work >= SIDE_BY_SIDE_MIN_WORK)
        .then(pool)
        .flatten();
    let search = Arc::new(Search {
        counts: Mutex::new(vec![0; plan.snapshot.values.len()]),
        plan,
        top_n,
        taken: (0..segments).map(|_| AtomicBool::new(false)).collect(),
        left: Mutex::new(segments),
        counted: Condvar::new(),
    });
    let (sender, receiver) = mpsc::channel();
    let others: Vec<usize> = (0..segments).filter(|ord| *ord != largest).collect();
    if let Some(pool) = pool {
        #[cfg(test)]
        SPLIT.fetch_add(1, Ordering::Relaxed);
        for ord in others.iter().copied() {
            let (search, sender) = (Arc::clone(&search), sender.clone());
            // A closed queue: the segment is searched here, below.
            let _ = pool.send(Box::new(move || search.take(ord, &sender)));
        }
    }
    search.take(largest, &sender);
    for ord in others {
        search.take(ord, &sender);
    }
    drop(sender);
    let (total, top) = rank(
        &search.plan,
        receiver.iter().take(segments),
        segments,
        top_n,
    )?;
    let with = with_top(&top)?;
    let counts = search.counts();
    Ok((Outcome { total, counts }, with))
}

/// The total and the best `top_n` from every segment's matches.
fn rank(
    plan: &Plan,
    found: impl Iterator<Item = Found>,
    segments: usize,
    top_n: usize,
) -> Result<(u64, Vec<Ranked>), IndexError> {
    let mut matches: Vec<Option<Arc<Bits>>> = vec![None; segments];
    let mut top = Vec::new();
    for (ord, matched) in found {
        let matched = matched?;
        top.extend(matched.top);
        if let Some(slot) = matches.get_mut(ord) {
            *slot = Some(matched.matches);
        }
    }
    let matches: Vec<Arc<Bits>> = matches.into_iter().collect::<Option<_>>().ok_or_else(|| {
        IndexError::Tantivy(tantivy::TantivyError::InternalError(
            "a segment of the search did not answer".into(),
        ))
    })?;
    let total = matches.iter().map(|m| m.count()).sum();
    if !plan.scoring {
        top = plan.newest(&matches, total, top_n);
    }
    top.sort_by(better);
    top.truncate(top_n);
    Ok((total, top))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every segment lands in exactly one group, there are at most `parts` groups, and
        /// the groups differ by no more than the largest segment.
        #[test]
        fn groups_are_balanced(sizes in proptest::collection::vec(0u32..50_000, 0..40), parts in 1usize..9) {
            let segments: Vec<(SegmentId, u32)> =
                sizes.iter().map(|docs| (SegmentId::generate_random(), *docs)).collect();
            let groups = balanced(&segments, parts);
            prop_assert!(groups.len() <= parts);
            let mut seen: Vec<SegmentId> = groups.iter().flatten().copied().collect();
            seen.sort();
            let mut all: Vec<SegmentId> = segments.iter().map(|(id, _)| *id).collect();
            all.sort();
            prop_assert_eq!(seen, all);
            let docs_of = |id: &SegmentId| segments.iter().find(|(s, _)| s == id).map_or(0, |(_, d)| u64::from(*d));
            let totals: Vec<u64> = groups.iter().map(|g| g.iter().map(docs_of).sum()).collect();
            if let (Some(min), Some(max)) = (totals.iter().min(), totals.iter().max()) {
                let largest = sizes.iter().copied().max().map_or(0, u64::from);
                prop_assert!(max - min <= largest);
            }
        }
    }

    #[test]
    fn parts_follow_the_size_of_the_index() {
        assert_eq!(search_parts(0), 1);
        assert_eq!(search_parts(MIN_PART_DOCS - 1), 1);
        assert_eq!(
            search_parts(MIN_PART_DOCS * 100),
            cores().clamp(1, MAX_PARTS)
        );
        assert!(search_parts(MIN_PART_DOCS * 2) <= 2);
    }
}
