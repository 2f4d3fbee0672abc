//! Fuzz target: `ateneu_fuzz::targets::upload_sniff` (see `fuzz/src/targets.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ateneu_fuzz::targets::upload_sniff(data));
