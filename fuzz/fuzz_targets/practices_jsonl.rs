//! Fuzz target: `ateneu_fuzz::targets::practices_jsonl` (see `fuzz/src/targets.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ateneu_fuzz::targets::practices_jsonl(data));
