//! The fuzz targets' bodies, shared by the libFuzzer binaries (`fuzz_targets/`) and the corpus
//! replay that every test run does (`crates/search/tests/fuzz_corpus.rs`).

pub mod targets;
