#!/usr/bin/env bash
# The long version of the API fuzzing test (crates/ateneu/tests/api_fuzz.rs): schemathesis with
# EXAMPLES per operation (default 100) and a SEED (default: the time), on SQLite and then on
# PostgreSQL (BENCH_PG). Needs schemathesis: `cargo xtask test` installs it under
# target/tools/, or set ATENEU_SCHEMATHESIS. The report of a failing run is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLES="${1:-100}"
SEED="${2:-$(date +%s)}"
PG="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
TARGET="${CARGO_TARGET_DIR:-target}"
export ATENEU_SCHEMATHESIS="${ATENEU_SCHEMATHESIS:-$(ls -d "$TARGET"/tools/schemathesis-*/bin/schemathesis | tail -1)}"
export ATENEU_API_FUZZ_EXAMPLES="$EXAMPLES" ATENEU_API_FUZZ_SEED="$SEED"
echo "== SQLite: $EXAMPLES examples per operation, seed $SEED"
cargo test -q -p ateneu --test api_fuzz -- --nocapture 2>&1 | tail -60
echo "== PostgreSQL ($PG)"
ATENEU_TEST_POSTGRES="$PG" cargo test -q -p ateneu --test api_fuzz -- --nocapture 2>&1 | tail -60
