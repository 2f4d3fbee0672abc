//! Fuzz target: `ateneu_fuzz::targets::search_query` (see `fuzz/src/targets.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ateneu_fuzz::targets::search_query(data));
