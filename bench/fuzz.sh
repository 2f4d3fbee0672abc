#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader of untrusted input (fuzz/fuzz_targets), each for a
# fixed budget: `bench/fuzz.sh [seconds per target, default 60] [target...]`.
# Needs the nightly toolchain (libFuzzer's instrumentation) and cargo-fuzz, installed from
# crates.io when missing. New interesting inputs go to fuzz/work/<target> (not kept); a crash
# is written to fuzz/artifacts/<target>/ and the run stops with its name: fix it, then copy the
# input into fuzz/corpus/<target>/ so that every test run replays it.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(framework_toml cities_csv memberships_csv budget_csv practices_jsonl markdown search_query upload_sniff)
fi
if ! rustup toolchain list | grep -q '^nightly'; then
    echo "fuzzing needs the nightly toolchain: rustup toolchain install nightly" >&2
    exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz from crates.io"
    cargo install cargo-fuzz --locked
fi
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$(pwd)/target}"
cargo +nightly fuzz build -O
printf '%-16s %8s %10s %8s %6s\n' target seconds runs exec/s edges
for target in "${TARGETS[@]}"; do
    mkdir -p "work/$target"
    log="work/$target.log"
    if ! cargo +nightly fuzz run -O "$target" "work/$target" "corpus/$target" -- \
        -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
        echo "CRASH in $target: see fuzz/$log and fuzz/artifacts/$target/" >&2
        tail -40 "$log" >&2
        exit 1
    fi
    runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    rate=$(grep -m1 'stat::average_exec_per_sec' "$log" | awk '{print $2}')
    edges=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
    printf '%-16s %8s %10s %8s %6s\n' "$target" "$SECONDS_EACH" "${runs:-?}" "${rate:-?}" "${edges:-?}"
done
