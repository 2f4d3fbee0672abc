//! Speed of the bare engine call: runs queries through `PracticeIndex::search` on an existing
//! index (page of 20, all facets), or generates an index of synthetic practices to run them on.
//!
//! ```text
//! cargo run --release -p ateneu-search --example bare_loop -- --generate 100000 --out DIR
//! cargo run --release -p ateneu-search --example bare_loop -- --index DIR --queries FILE.jsonl [--repeat 5] [--facets N]
//! ```
//! `--facets N` cuts each facet list to its N most frequent values (`search_top_facets`);
//! without it, every value is counted and listed.
//! A query line: `{"q": "heritage festival", "lang": "fr", "filters": [["sdg","11"]],
//! "sort": "relevance" | "newest", "page": 1}`, every key optional.

use ateneu_domain::Lang;
use ateneu_search::{DocText, FacetKind, PracticeDoc, PracticeIndex, SearchRequest, Sort};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const PAGE: usize = 20;

fn main() {
    if let Err(message) = run() {
        eprintln!("bare_loop: {message}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| -> Option<String> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    if let Some(n) = value("--generate") {
        let n: u64 = n.parse().map_err(|_| "--generate takes a number")?;
        let out = PathBuf::from(value("--out").ok_or("--generate needs --out DIR")?);
        return generate(n, &out);
    }
    let dir = PathBuf::from(value("--index").ok_or("--index DIR is required")?);
    let queries = PathBuf::from(value("--queries").ok_or("--queries FILE is required")?);
    let repeat: usize = value("--repeat")
        .map(|r| r.parse().map_err(|_| "--repeat takes a number"))
        .transpose()?
        .unwrap_or(5)
        .max(1);
    let per_kind: Option<usize> = value("--facets")
        .map(|n| n.parse().map_err(|_| "--facets takes a number"))
        .transpose()?;
    measure(&dir, &queries, repeat, per_kind)
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct QueryLine {
    q: String,
    lang: Option<String>,
    filters: Vec<(String, String)>,
    sort: Option<String>,
    page: Option<usize>,
}

impl QueryLine {
    fn request(&self) -> SearchRequest {
        SearchRequest {
            text: self.q.clone(),
            lang: self
                .lang
                .as_deref()
                .and_then(|l| l.parse().ok())
                .unwrap_or(Lang::En),
            filters: self
                .filters
                .iter()
                .filter_map(|(k, v)| Some((FacetKind::parse(k)?, v.clone())))
                .collect(),
            sort: match self.sort.as_deref() {
                Some("newest") => Sort::Newest,
                _ => Sort::Relevance,
            },
            offset: self.page.unwrap_or(1).saturating_sub(1) * PAGE,
            limit: PAGE,
        }
    }
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Median, 99th percentile and mean of durations, in microseconds.
fn stats(durations: &mut [Duration]) -> (f64, f64, f64) {
    durations.sort();
    let at = |q: f64| {
        let i = ((durations.len() as f64 * q).ceil() as usize).saturating_sub(1);
        durations.get(i).copied().map_or(0.0, micros)
    };
    let mean = durations.iter().map(|d| micros(*d)).sum::<f64>() / durations.len().max(1) as f64;
    (at(0.5), at(0.99), mean)
}

fn measure(
    dir: &std::path::Path,
    queries: &std::path::Path,
    repeat: usize,
    per_kind: Option<usize>,
) -> Result<(), String> {
    let opened = Instant::now();
    let index = PracticeIndex::open_existing(dir).map_err(|e| e.to_string())?;
    let open_ms = opened.elapsed().as_secs_f64() * 1e3;
    let text = std::fs::read_to_string(queries).map_err(|e| e.to_string())?;
    let lines: Vec<(String, SearchRequest)> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str::<QueryLine>(l)
                .map(|q| (l.to_owned(), q.request()))
                .map_err(|e| format!("{l}: {e}"))
        })
        .collect::<Result<_, _>>()?;
    let search = |request: &SearchRequest| match per_kind {
        Some(n) => index.search_top_facets(request, n),
        None => index.search(request),
    };
    // Warm up: first touches of the mapped files are not what is measured.
    for (_, request) in &lines {
        search(request).map_err(|e| e.to_string())?;
    }
    // Passes over the whole list, as the HTTP client makes them: a query is not repeated
    // back to back, where its postings and stored text would still be in the CPU's caches.
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(repeat); lines.len()];
    let mut totals = vec![0usize; lines.len()];
    for _ in 0..repeat {
        for (i, (_, request)) in lines.iter().enumerate() {
            let start = Instant::now();
            let response = search(request).map_err(|e| e.to_string())?;
            times[i].push(start.elapsed());
            totals[i] = response.total;
            std::hint::black_box(response);
        }
    }
    let mut all = Vec::new();
    let mut by_query = Vec::new();
    for (((line, _), times), total) in lines.iter().zip(&mut times).zip(&totals) {
        all.extend_from_slice(times);
        let (median, p99, mean) = stats(times);
        by_query.push(serde_json::json!({
            "query": serde_json::from_str::<serde_json::Value>(line).unwrap_or_default(),
            "total": total, "median_us": median, "p99_us": p99, "mean_us": mean,
        }));
    }
    let (median, p99, mean) = stats(&mut all);
    let report = serde_json::json!({
        "queries": lines.len(), "runs": all.len(), "docs": index.len(),
        "median_us": median, "p99_us": p99, "mean_us": mean,
        "open_ms": open_ms, "rss_mb": resident_mb(), "by_query": by_query,
    });
    println!("{report}");
    Ok(())
}

/// The process's resident memory (Linux), in MB.
fn resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// SplitMix64: a small seeded generator, so that runs build the same index.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }
}

const EN: &[&str] = &[
    "culture",
    "city",
    "cultural",
    "local",
    "public",
    "people",
    "community",
    "heritage",
    "festival",
    "music",
    "arts",
    "policy",
    "participation",
    "citizens",
    "project",
    "network",
    "museum",
    "library",
    "theatre",
    "dance",
    "rights",
    "education",
    "young",
    "memory",
    "neighbourhood",
    "creative",
    "artists",
    "space",
    "urban",
    "diversity",
    "sustainable",
    "programme",
    "council",
    "cooperation",
    "access",
    "language",
    "digital",
    "books",
    "cinema",
    "street",
    "schools",
    "women",
    "migrants",
    "traditions",
    "crafts",
    "parks",
    "gardens",
];
const FR: &[&str] = &[
    "culture",
    "ville",
    "culturelle",
    "locale",
    "public",
    "habitants",
    "communauté",
    "patrimoine",
    "festival",
    "musique",
    "arts",
    "politique",
    "participation",
    "citoyens",
    "projet",
    "réseau",
    "musée",
    "bibliothèque",
    "théâtre",
    "danse",
    "droits",
    "éducation",
    "jeunes",
    "mémoire",
    "quartier",
    "créatif",
    "artistes",
    "espace",
    "urbain",
    "diversité",
    "durable",
    "programme",
    "conseil",
    "coopération",
    "accès",
    "langue",
    "numérique",
    "livres",
    "cinéma",
    "rue",
    "écoles",
    "femmes",
    "migrants",
    "traditions",
    "métiers",
];
const ES: &[&str] = &[
    "cultura",
    "ciudad",
    "cultural",
    "local",
    "público",
    "personas",
    "comunidad",
    "patrimonio",
    "festival",
    "música",
    "artes",
    "política",
    "participación",
    "ciudadanos",
    "proyecto",
    "red",
    "museo",
    "biblioteca",
    "teatro",
    "danza",
    "derechos",
    "educación",
    "jóvenes",
    "memoria",
    "barrio",
    "creativo",
    "artistas",
    "espacio",
    "urbano",
    "diversidad",
    "sostenible",
    "programa",
    "consejo",
    "cooperación",
    "acceso",
    "lengua",
    "digital",
    "libros",
    "cine",
    "calle",
    "escuelas",
    "mujeres",
    "migrantes",
    "tradiciones",
];
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ter", "van", "su", "rel", "do", "pa", "nis", "cor", "bel", "fu", "ga",
    "rin", "tol", "mar", "ves", "qui", "zan",
];
/// Vocabulary size per language: the real words above, then made-up ones.
const VOCABULARY: usize = 4_000;

/// A language's vocabulary by rank, and cumulative Zipf weights to draw from it.
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new(base: &[&str], suffix: &str) -> Vocabulary {
        let mut words: Vec<String> = base.iter().map(|w| (*w).to_owned()).collect();
        let mut n = 0usize;
        while words.len() < VOCABULARY {
            let s = SYLLABLES.len();
            let word = format!(
                "{}{}{}{suffix}",
                SYLLABLES[n % s],
                SYLLABLES[(n / s) % s],
                SYLLABLES[(n / s / s) % s]
            );
            words.push(word);
            n += 1;
        }
        let mut cumulative = Vec::with_capacity(words.len());
        let mut sum = 0.0;
        for rank in 1..=words.len() {
            sum += 1.0 / rank as f64;
            cumulative.push(sum);
        }
        Vocabulary { words, cumulative }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = (rng.next() as f64 / u64::MAX as f64) * total;
        let i = self.cumulative.partition_point(|c| *c < x);
        self.words.get(i).map_or("", |w| w.as_str())
    }

    fn sentence(&self, rng: &mut Rng, words: usize) -> String {
        let mut out = String::new();
        for i in 0..words {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(self.word(rng));
        }
        out
    }
}

/// The synthetic facets: kind, fewest and most values per practice, how many values there
/// are, and how the n-th is spelt.
type FacetSpec = (FacetKind, usize, usize, usize, fn(usize) -> String);
const FACETS: [FacetSpec; 9] = [
    (FacetKind::Sdg, 1, 3, 17, |i| (i + 1).to_string()),
    (FacetKind::Field, 1, 3, 40, |i| {
        format!("culture21-actions:field-{i}")
    }),
    (FacetKind::Keyword, 2, 5, 72, |i| format!("keyword-{i}")),
    (FacetKind::Region, 1, 1, 7, |i| format!("region-{i}")),
    (FacetKind::Country, 1, 1, 150, |i| format!("C{i:03}")),
    (FacetKind::City, 1, 2, 3000, |i| format!("city-{i}")),
    (FacetKind::CreativeField, 1, 1, 12, |i| {
        format!("creative-{i}")
    }),
    (FacetKind::Year, 1, 1, 36, |i| (1990 + i).to_string()),
    (FacetKind::Status, 1, 1, 3, |i| {
        ["ongoing", "completed", "planned"][i % 3].to_owned()
    }),
];

fn synthetic(id: i64, rng: &mut Rng, vocabularies: &[Vocabulary; 3]) -> PracticeDoc {
    let source = Lang::ALL[rng.below(3)];
    let mut langs = vec![source];
    for lang in Lang::ALL {
        if lang != source && rng.below(3) == 0 {
            langs.push(lang);
        }
    }
    let texts: BTreeMap<Lang, DocText> = langs
        .iter()
        .map(|lang| {
            let v = &vocabularies[Lang::ALL.iter().position(|l| l == lang).unwrap_or(0)];
            let text = DocText {
                title: v.sentence(rng, 8),
                summary: v.sentence(rng, 60),
                body: v.sentence(rng, 300),
            };
            (*lang, text)
        })
        .collect();
    let mut facets = Vec::new();
    for (kind, low, high, of, spell) in FACETS {
        for _ in 0..rng.range(low, high) {
            facets.push((kind, spell(rng.below(of))));
        }
    }
    PracticeDoc {
        id,
        slug: format!("practice-{id}"),
        cities: facets
            .iter()
            .filter(|(kind, _)| *kind == FacetKind::City)
            .map(|(_, slug)| slug.clone())
            .collect(),
        source_lang: source,
        texts,
        published_at: 1_420_070_400 + rng.below(350_000_000) as i64,
        facets,
    }
}

fn generate(n: u64, out: &std::path::Path) -> Result<(), String> {
    let vocabularies = [
        Vocabulary::new(EN, "ness"),
        Vocabulary::new(FR, "ité"),
        Vocabulary::new(ES, "ción"),
    ];
    let (index, _) = PracticeIndex::open(out).map_err(|e| e.to_string())?;
    let mut rng = Rng(0x00A7_E4E0_u64);
    let start = Instant::now();
    let docs = (1..=n as i64).map(|id| synthetic(id, &mut rng, &vocabularies));
    index
        .rebuild(docs, 1, |done| {
            if done % 10_000 == 0 {
                eprintln!("{done} practices, {:.1} s", start.elapsed().as_secs_f64());
            }
        })
        .map_err(|e| e.to_string())?;
    let report = serde_json::json!({
        "docs": index.len(), "build_s": start.elapsed().as_secs_f64(),
        "size_mb": index.size_on_disk() as f64 / 1e6, "rss_mb": resident_mb(),
    });
    println!("{report}");
    Ok(())
}
