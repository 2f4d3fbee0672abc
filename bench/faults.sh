#!/usr/bin/env bash
# The long version of the kill -9 test (crates/ateneu/tests/faults.rs): ROUNDS kills of
# `ateneu serve` under write load (default 20), on SQLite and then on PostgreSQL (the server
# at BENCH_PG, default postgres://postgres@127.0.0.1:5432). Prints the acknowledged writes
# per backend; fails on the first lost write or failed integrity check.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-20}"
PG="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
echo "== SQLite, $ROUNDS kills"
ATENEU_KILL_ROUNDS="$ROUNDS" cargo test -q -p ateneu --test faults -- --nocapture 2>&1 | grep -E "kills:|test result|panicked"
echo "== PostgreSQL ($PG), $ROUNDS kills"
ATENEU_TEST_POSTGRES="$PG" ATENEU_KILL_ROUNDS="$ROUNDS" cargo test -q -p ateneu --test faults -- --nocapture 2>&1 | grep -E "kills:|test result|panicked"
