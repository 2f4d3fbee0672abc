//! The fuzz corpus (`fuzz/corpus/<target>/`), replayed through the fuzz targets' own code on
//! every test run: each file, and every input the fuzzer once crashed on (kept there once
//! fixed), must go through without a panic. The coverage-guided runs are `bench/fuzz.sh`.

#[path = "../../../fuzz/src/targets.rs"]
mod targets;

use std::path::Path;

type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 8] = [
    ("framework_toml", targets::framework_toml),
    ("cities_csv", targets::cities_csv),
    ("memberships_csv", targets::memberships_csv),
    ("budget_csv", targets::budget_csv),
    ("practices_jsonl", targets::practices_jsonl),
    ("markdown", targets::markdown),
    ("search_query", targets::search_query),
    ("upload_sniff", targets::upload_sniff),
];

#[test]
fn every_input_of_the_fuzz_corpus_goes_through_its_target() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    let mut failed = Vec::new();
    for (target, run) in TARGETS {
        let folder = corpus.join(target);
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
            .map(|entry| entry.expect("a corpus entry").path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{target} has a corpus");
        for file in files {
            let data = std::fs::read(&file).expect("a corpus file");
            if std::panic::catch_unwind(|| run(&data)).is_err() {
                failed.push(file.display().to_string());
            }
        }
    }
    assert!(failed.is_empty(), "these inputs fail: {failed:?}");
}
