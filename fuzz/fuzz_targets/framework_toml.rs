//! Fuzz target: `ateneu_fuzz::targets::framework_toml` (see `fuzz/src/targets.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ateneu_fuzz::targets::framework_toml(data));
