#!/usr/bin/env bash
# Rendered pages against nginx serving the same bytes: the home page, a city page, a registry
# page of 50 cities, a practice page, a search results page and a public assessment report,
# from a server started with `--no-page-cache` (every request rendered, checked by its
# `X-Page-Cache: off`), and where each page's time goes (its `Server-Timing` header: database
# statements and their time, and the rest: checks, templating, writing). SQLite and PostgreSQL;
# writes bench/results/pages-<backend>.md.
#
#   bash bench/pages.sh
#   BENCH_BACKENDS=sqlite BENCH_DURATION=5 bash bench/pages.sh
#
# Environment (all optional): BENCH_BACKENDS (default "sqlite postgres"), BENCH_PG (default
# postgres://postgres@127.0.0.1:5432), BENCH_DURATION (seconds per wrk run, default 10),
# BENCH_KEEP=1 (keep the data directories under /tmp).
#
# Only 127.0.0.1 is contacted. Every loop is bounded; servers started here are stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/bench"
RESULTS="$BENCH/results"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/ateneu"
BACKENDS="${BENCH_BACKENDS:-sqlite postgres}"
PG_SERVER="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
PG_DB="ateneu_bench_pages"
DURATION="${BENCH_DURATION:-10}"
CITIES=1000
SEED=20261207
APP_PORT=18090
NGINX_PORT=18091

# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

# first_match URL REGEX — the first part of the page at URL that matches REGEX (grep -o).
first_match() { curl -sS "$1" | grep -oE "$2" | head -n 1 || true; }

# the_pages — sets NAMES and PATHS: the six pages, found on this instance as a visitor would.
NAMES=()
PATHS=()
the_pages() {
    local base="http://127.0.0.1:$APP_PORT" practice report="" id word
    practice="$(first_match "$base/en/practices" 'href="/en/practices/[a-z0-9-]+"' | sed 's/^href="//; s/"$//')"
    [ -n "$practice" ] || die "no published practice on /en/practices"
    # a word of the practice's address (its title's), searched for
    word="$(basename "$practice" | tr '-' '\n' | awk 'length($0) > 4 { print; exit }')"
    [ -n "$word" ] || word="culture"
    for id in $(seq 1 50); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/en/assessments/$id/report")" = 200 ]; then
            report="/en/assessments/$id/report"
            break
        fi
    done
    [ -n "$report" ] || die "no public assessment report among the first 50 assessments"
    NAMES=(home city registry practice search report)
    PATHS=("/en" "/en/cities/lyon" "/en/cities?page=3" "$practice" "/en/practices?q=$word" "$report")
}

measure() {  # measure BACKEND — writes $REPORT
    local backend="$1"
    fresh_instance "$backend" pages
    "$BIN" --data-dir "$DATA" "${DB_ARGS[@]}" migrate >"$DATA/setup.log" 2>&1 || { cat "$DATA/setup.log" >&2; die "migrate failed"; }
    "$BIN" --data-dir "$DATA" "${DB_ARGS[@]}" demo >>"$DATA/setup.log" 2>&1 || { cat "$DATA/setup.log" >&2; die "demo failed"; }
    "$BIN" --data-dir "$DATA" "${DB_ARGS[@]}" import cities "$WORK/cities.csv" >>"$DATA/setup.log" 2>&1 \
        || { cat "$DATA/setup.log" >&2; die "import failed"; }
    rendering_ateneu "http://127.0.0.1:$APP_PORT/en/cities/lyon"
    the_pages
    local nginx_dir="$DATA/nginx" i
    mkdir -p "$nginx_dir/html"
    for i in "${!NAMES[@]}"; do
        local code
        code="$(curl -sS -o "$nginx_dir/html/${NAMES[$i]}.html" -w '%{http_code}' "http://127.0.0.1:$APP_PORT${PATHS[$i]}")"
        [ "$code" = 200 ] || die "[$backend] ${PATHS[$i]} answered $code"
    done
    start_nginx "$nginx_dir"
    {
        echo "## Rendered pages — $backend"
        echo
        echo "$(date -u +%Y-%m-%d), $(nproc) cores ($(uname -m)), Ateneu $MEASURED (release build), $("$NGINX_BIN" -v 2>&1 | sed 's/^nginx version: //'),"
        echo "$(wrk -v 2>&1 | head -n 1 | awk '{ print $1, $2 }'); the example network and $CITIES generated cities; client, Ateneu, nginx and the database share the machine."
        echo "wrk -t2 -c8 -d${DURATION}s --latency, Ateneu then nginx on the same bytes, one round each;"
        echo "Ateneu started with \`--no-page-cache\` (every request rendered). Where the time goes: the"
        echo "median over 50 sequential requests of the \`Server-Timing\` header (database statements and"
        echo "their time; the rest is checks, templating and writing the answer)."
        echo
        echo "| page | bytes | statements | db ms | rest ms | Ateneu req/s | Ateneu p99 | nginx req/s | nginx p99 | Ateneu/nginx | goal (≥ 0.25, p99 < 20 ms) |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    } >"$REPORT"
    for i in "${!NAMES[@]}"; do
        local url_a="http://127.0.0.1:$APP_PORT${PATHS[$i]}" url_n="http://127.0.0.1:$NGINX_PORT/${NAMES[$i]}.html"
        local bytes statements db rest ar ap ab ae nr np nb ne ratio goal res
        bytes="$(stat -c %s "$nginx_dir/html/${NAMES[$i]}.html")"
        res="$(server_timing "$url_a" 50)"
        read -r statements db rest _ <<<"$res"
        timeout 20 wrk -t2 -c8 -d2s "$url_a" >/dev/null 2>&1 || true
        note_busy "Ateneu ${NAMES[$i]}"
        res="$(run_wrk "$url_a" 8 "$DATA/wrk-ateneu-${NAMES[$i]}.txt")"
        read -r ar ap ab ae <<<"$res"
        note_busy "nginx ${NAMES[$i]}"
        res="$(run_wrk "$url_n" 8 "$DATA/wrk-nginx-${NAMES[$i]}.txt")"
        read -r nr np nb ne <<<"$res"
        ratio="$(awk -v a="$ar" -v n="$nr" 'BEGIN { printf "%.3f", (n > 0 ? a / n : 0) }')"
        goal="$(awk -v r="$ratio" -v p="$ap" 'BEGIN { print ((r >= 0.25 && p < 20) ? "met" : "**not met**") }')"
        [ $((ab + ae)) -eq 0 ] || goal="$goal; $((ab + ae)) Ateneu errors/non-2xx"
        [ $((nb + ne)) -eq 0 ] || goal="$goal; $((nb + ne)) nginx errors/non-2xx"
        log "[$backend] ${PATHS[$i]}: $statements statements, db $db ms, rest $rest ms; Ateneu $ar req/s p99 $ap ms; nginx $nr req/s"
        printf '| `%s` | %s | %s | %s | %s | %s | %s ms | %s | %s ms | %s | %s |\n' "${PATHS[$i]}" "$bytes" \
            "$statements" "$db" "$rest" "$(fmt_rps "$ar")" "$ap" "$(fmt_rps "$nr")" "$np" "$ratio" "$goal" >>"$REPORT"
    done
    {
        echo
        echo "Ateneu's peak resident memory: $(app_peak_rss) MiB."
        if [ -s "$BUSY_FILE" ]; then
            echo
            echo "**Other work ran on the machine during these measurements** (figures may be low):"
            sed 's/^/- /' "$BUSY_FILE"
        fi
        echo
    } >>"$REPORT"
    stop_nginx
    stop_ateneu
}

main() {
    install_tools
    find_nginx
    wait_for_ci
    (cd "$ROOT" && cargo build --release --quiet) || die "cargo build --release failed"
    [ -x "$BIN" ] || die "$BIN not found after the build"
    MEASURED="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    git -C "$ROOT" diff --quiet HEAD -- . ':(exclude)bench' 2>/dev/null || MEASURED="$MEASURED+changes"
    WORK="$(mktemp -d /tmp/ateneu-pages.XXXXXX)"
    chmod 755 "$WORK"
    BUSY_FILE="$WORK/busy.txt"
    mkdir -p "$RESULTS"
    python3 "$BENCH/gen_cities.py" "$CITIES" "$SEED" >"$WORK/cities.csv"
    local backend
    for backend in $BACKENDS; do
        case "$backend" in
            sqlite) ;;
            postgres) psql "$PG_SERVER/postgres" -qtAc "select 1" >/dev/null 2>&1 || die "PostgreSQL does not answer at $PG_SERVER" ;;
            *) die "unknown backend: $backend" ;;
        esac
        REPORT="$RESULTS/pages-$backend.md"
        : >"$BUSY_FILE"
        measure "$backend"
        if [ "$backend" = postgres ]; then
            pg_psql "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" 2>/dev/null || true
        fi
        log "[$backend] written to ${REPORT#"$ROOT"/}"
        cat "$REPORT"
    done
}

main "$@"
