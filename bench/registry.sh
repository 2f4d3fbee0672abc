#!/usr/bin/env bash
# Registry benchmark: Ateneu's registry pages against nginx serving the same bytes, then the
# registry at scale (240,000 cities: import time and memory, filtered/paginated pages).
# Runs on SQLite and on PostgreSQL; writes bench/results/registry-<backend>.md.
#
#   bash bench/registry.sh                      # both backends
#   BENCH_BACKENDS=sqlite bash bench/registry.sh
#
# Environment (all optional):
#   BENCH_BACKENDS   backends to run            (default: "sqlite postgres")
#   BENCH_PG         PostgreSQL server URL       (default: postgres://postgres@127.0.0.1:5432)
#   BENCH_ROUNDS     alternated rounds per pair  (default: 2)
#   BENCH_DURATION   seconds per wrk run         (default: 10)
#   BENCH_SCALE_N    cities for the scale part   (default: 240000)
#   BENCH_KEEP=1     keep the data directories and logs under /tmp
#
# Only 127.0.0.1 is contacted. Every loop is bounded; servers started here are stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/bench"
RESULTS="$BENCH/results"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/ateneu"
BACKENDS="${BENCH_BACKENDS:-sqlite postgres}"
PG_SERVER="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
PG_DB="ateneu_bench"
ROUNDS="${BENCH_ROUNDS:-2}"
DURATION="${BENCH_DURATION:-10}"
SCALE_N="${BENCH_SCALE_N:-240000}"
SMALL_N=1000
SEED=20261121
APP_PORT=18080
NGINX_PORT=18081
IMPORT_TIMEOUT=3600   # seconds; the scale import is stopped (and reported) past this

# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

# --- the registry at 1,000 cities against nginx ---------------------------------------------------
compare_pages() {  # compare_pages BACKEND — appends to $REPORT
    local backend="$1"
    log "[$backend] registry of $SMALL_N cities vs nginx"
    fresh_instance "$backend" small
    "$BIN" --data-dir "$DATA" "${DB_ARGS[@]}" import cities "$WORK/cities-$SMALL_N.csv" \
        >"$DATA/import.log" 2>&1 || { cat "$DATA/import.log" >&2; die "[$backend] import of $SMALL_N cities failed"; }
    log "[$backend] $(tail -n 1 "$DATA/import.log")"
    start_ateneu

    local nginx_dir="$DATA/nginx" slug
    mkdir -p "$nginx_dir/html"
    slug="$(awk -F, 'NR == 501 { print $1 }' "$WORK/cities-$SMALL_N.csv")"
    local names=(registry city)
    local paths=("/en/cities?per_page=$SMALL_N" "/en/cities/$slug")
    local i code res first firsts=()
    for i in 0 1; do  # the first request (cold), whose bytes nginx will serve
        res="$(curl -sS -o "$nginx_dir/html/${names[$i]}.html" -w '%{http_code} %{time_total}' \
            "http://127.0.0.1:$APP_PORT${paths[$i]}")" || die "[$backend] curl failed on ${paths[$i]}"
        read -r code first <<<"$res"
        [ "$code" = 200 ] || die "[$backend] ${paths[$i]} answered $code"
        firsts+=("$(awk -v t="$first" 'BEGIN { printf "%.1f ms", t * 1000 }')")
    done
    start_nginx "$nginx_dir"
    for i in 0 1; do  # the saved bytes come back unchanged from nginx
        curl -sS "http://127.0.0.1:$NGINX_PORT/${names[$i]}.html" | cmp -s - "$nginx_dir/html/${names[$i]}.html" \
            || die "nginx does not serve the saved ${names[$i]} page"
    done

    {
        echo "### Registry of $SMALL_N cities: Ateneu vs nginx serving the same bytes"
        echo
        echo "wrk -t2 -d${DURATION}s --latency; $ROUNDS alternated rounds (Ateneu, nginx, Ateneu, nginx…);"
        echo "req/s is the mean of the rounds, p99 the worst round; first = Ateneu's first (cold) answer,"
        echo "timed by curl. City page: \`/en/cities/$slug\`. Ateneu answers repeated anonymous requests"
        echo "from its page cache; the second table renders every request (a server without the cache)."
        echo
        echo "| page | bytes | first | conns | Ateneu req/s | Ateneu p99 | nginx req/s | nginx p99 | Ateneu/nginx | goal (≥ 0.5, p99 < 20 ms) |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    } >>"$REPORT"

    local c round a n url_a url_n r p b e nginx_c8=(0 0)
    for i in 0 1; do
        url_a="http://127.0.0.1:$APP_PORT${paths[$i]}"
        url_n="http://127.0.0.1:$NGINX_PORT/${names[$i]}.html"
        local bytes
        bytes="$(stat -c %s "$nginx_dir/html/${names[$i]}.html")"
        # warm-up (not recorded)
        timeout 20 wrk -t2 -c8 -d2s "$url_a" >/dev/null 2>&1 || true
        timeout 20 wrk -t2 -c8 -d2s "$url_n" >/dev/null 2>&1 || true
        for c in 8 64; do
            local a_rps=() a_p99=() n_rps=() n_p99=() a_bad=0 n_bad=0
            for round in $(seq 1 "$ROUNDS"); do
                note_busy "Ateneu ${names[$i]} c=$c round $round"
                res="$(run_wrk "$url_a" "$c" "$DATA/wrk-ateneu-${names[$i]}-c$c-r$round.txt")"
                read -r r p b e <<<"$res"
                a_rps+=("$r"); a_p99+=("$p"); a_bad=$((a_bad + b + e))
                log "[$backend] ${names[$i]} c=$c round $round: Ateneu $r req/s, p99 $p ms"
                note_busy "nginx ${names[$i]} c=$c round $round"
                res="$(run_wrk "$url_n" "$c" "$DATA/wrk-nginx-${names[$i]}-c$c-r$round.txt")"
                read -r r p b e <<<"$res"
                n_rps+=("$r"); n_p99+=("$p"); n_bad=$((n_bad + b + e))
                log "[$backend] ${names[$i]} c=$c round $round: nginx  $r req/s, p99 $p ms"
            done
            a="$(printf '%s\n' "${a_rps[@]}" | awk '{ s += $1 } END { printf "%.1f", s / NR }')"
            n="$(printf '%s\n' "${n_rps[@]}" | awk '{ s += $1 } END { printf "%.1f", s / NR }')"
            local ap np ratio goal
            ap="$(printf '%s\n' "${a_p99[@]}" | sort -g | tail -n 1)"
            np="$(printf '%s\n' "${n_p99[@]}" | sort -g | tail -n 1)"
            ratio="$(awk -v a="$a" -v n="$n" 'BEGIN { printf "%.2f", (n > 0 ? a / n : 0) }')"
            goal="$(awk -v r="$ratio" -v p="$ap" 'BEGIN { print ((r >= 0.5 && p < 20) ? "met" : "**not met**") }')"
            [ "$a_bad" -eq 0 ] || goal="$goal; $a_bad Ateneu errors/non-2xx"
            [ "$n_bad" -eq 0 ] || goal="$goal; $n_bad nginx errors/non-2xx"
            printf '| %s | %s | %s | %s | %s | %s ms | %s | %s ms | %s | %s |\n' \
                "\`${paths[$i]}\`" "$(fmt_rps "$bytes")" "${firsts[$i]}" "$c" "$(fmt_rps "$a")" "$ap" "$(fmt_rps "$n")" "$np" "$ratio" "$goal" >>"$REPORT"
            if [ "$c" = 8 ]; then nginx_c8[$i]="$n"; fi
        done
    done
    local rss_cached
    rss_cached="$(app_peak_rss)"
    {
        echo
        echo "Uncached (every request rendered: the server restarted with \`--no-page-cache\`, checked by its \`X-Page-Cache: off\`; wrk -c8, one run), against the nginx figure at -c8 above:"
        echo
        echo "| page | Ateneu req/s | Ateneu p99 | Ateneu/nginx | errors/non-2xx |"
        echo "|---|---:|---:|---:|---:|"
    } >>"$REPORT"
    rendering_ateneu "http://127.0.0.1:$APP_PORT${paths[0]}"
    for i in 0 1; do
        url_a="http://127.0.0.1:$APP_PORT${paths[$i]}"
        note_busy "Ateneu uncached ${names[$i]}"
        res="$(run_wrk "$url_a" 8 "$DATA/wrk-ateneu-uncached-${names[$i]}.txt")"
        read -r r p b e <<<"$res"
        log "[$backend] ${names[$i]} uncached c=8: Ateneu $r req/s, p99 $p ms"
        printf '| %s | %s | %s ms | %s | %s |\n' "\`${paths[$i]}\`" "$(fmt_rps "$r")" "$p" \
            "$(awk -v a="$r" -v n="${nginx_c8[$i]}" 'BEGIN { printf "%.3f", (n > 0 ? a / n : 0) }')" "$((b + e))" >>"$REPORT"
    done
    {
        echo
        echo "Ateneu's peak resident memory: $rss_cached MiB after the cached runs; the rendering server's, $(app_peak_rss) MiB after the uncached runs."
        echo
    } >>"$REPORT"
    stop_nginx
    stop_ateneu
}

# --- the registry at scale -----------------------------------------------------------------------
scale() {  # scale BACKEND — appends to $REPORT
    local backend="$1"
    log "[$backend] import of $SCALE_N cities"
    fresh_instance "$backend" scale
    "$BIN" --data-dir "$DATA" "${DB_ARGS[@]}" migrate >"$DATA/migrate.log" 2>&1 \
        || { cat "$DATA/migrate.log" >&2; die "[$backend] migrate failed"; }
    local status=0
    /usr/bin/time -v -o "$DATA/import.time" timeout "$IMPORT_TIMEOUT" \
        "$BIN" --data-dir "$DATA" "${DB_ARGS[@]}" import cities "$WORK/cities-$SCALE_N.csv" \
        >"$DATA/import.log" 2>&1 || status=$?
    local wall rss_kb
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$DATA/import.time")"
    rss_kb="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$DATA/import.time")"
    local size
    if [ "$backend" = postgres ]; then
        size="$(pg_psql "SELECT pg_size_pretty(pg_database_size('$PG_DB'))")"
    else
        size="$(du -sh "$DATA" | cut -f1)"
    fi
    {
        echo "### Registry of $(fmt_rps "$SCALE_N") cities"
        echo
        echo "Import (\`ateneu import cities\`, fresh migrated instance, \`/usr/bin/time -v\`):"
        echo
        echo "| cities | exit status | wall time | max RSS | database size |"
        echo "|---:|---:|---:|---:|---:|"
        printf '| %s | %s | %s | %s MiB | %s |\n' "$(fmt_rps "$SCALE_N")" "$status" "$wall" \
            "$(awk -v k="${rss_kb:-0}" 'BEGIN { printf "%.0f", k / 1024 }')" "$size"
        echo
    } >>"$REPORT"
    log "[$backend] import: status $status, wall $wall, max RSS ${rss_kb} kB; $(tail -n 1 "$DATA/import.log")"
    if [ "$status" -ne 0 ]; then
        {
            echo "**The import failed** (exit status $status; 124 = stopped after ${IMPORT_TIMEOUT} s). Last lines of its output:"
            echo
            echo '```'
            tail -n 20 "$DATA/import.log" | tr '\r' '\n' | tail -n 20
            echo '```'
            echo
        } >>"$REPORT"
        log "[$backend] import failed; skipping the page measurements at scale"
        return 0
    fi

    start_ateneu
    {
        echo "Filtered, paginated pages (wrk -t2 -c8 -d${DURATION}s --latency; first = one request with curl before wrk;"
        echo "cached = the same URL repeated, answered from the page cache; uncached = the same URL from a server restarted with \`--no-page-cache\`, every request rendered):"
        echo
        echo "| page | status | bytes | first | first: db statements, db ms, rest ms | cached req/s | cached p99 | uncached req/s | uncached p99 | uncached: db statements, db ms, rest ms (median of 50) | errors/non-2xx |"
        echo "|---|---:|---:|---:|---|---:|---:|---:|---:|---|---:|"
    } >>"$REPORT"
    local path code bytes first r p b e ur up ub ue res n=0
    local scale_paths=("/en/cities?region=europe&page=50" "/api/v1/cities?country=FR&q=a&page=3" "/en/cities?page=2000")
    local -a rows=() bad=()
    for path in "${scale_paths[@]}"; do
        n=$((n + 1))
        res="$(curl -sS -o "$DATA/scale-$n.body" -D "$DATA/scale-$n.headers" \
            -w '%{http_code} %{size_download} %{time_total}\n' \
            "http://127.0.0.1:$APP_PORT$path")" || die "[$backend] curl failed on $path"
        read -r code bytes first <<<"$res"
        first="$(awk -v t="$first" 'BEGIN { printf "%.1f ms", t * 1000 }')"
        local st sn sd sa
        st="$(timing_median <"$DATA/scale-$n.headers")"
        read -r sn sd sa _ <<<"$st"
        first="$first | $sn, $sd ms, $sa ms"
        if [ "$code" != 200 ]; then
            log "[$backend] $path answered $code: $(head -c 300 "$DATA/scale-$n.body")"
        fi
        note_busy "$path"
        res="$(run_wrk "http://127.0.0.1:$APP_PORT$path" 8 "$DATA/wrk-scale-$n.txt")"
        read -r r p b e <<<"$res"
        log "[$backend] $path: $code, $bytes bytes, cached $r req/s, p99 $p ms"
        rows+=("$(printf '| %s | %s | %s | %s | %s | %s ms |' "\`$path\`" "$code" "$(fmt_rps "$bytes")" "$first" "$(fmt_rps "$r")" "$p")")
        bad+=("$((b + e))")
    done
    local rss_cached
    rss_cached="$(app_peak_rss)"
    rendering_ateneu "http://127.0.0.1:$APP_PORT${scale_paths[0]}"
    n=0
    for path in "${scale_paths[@]}"; do
        note_busy "$path (uncached)"
        res="$(run_wrk "http://127.0.0.1:$APP_PORT$path" 8 "$DATA/wrk-scale-$((n + 1))-uncached.txt")"
        read -r ur up ub ue <<<"$res"
        log "[$backend] $path: uncached $ur req/s, p99 $up ms"
        local un ud ua
        res="$(server_timing "http://127.0.0.1:$APP_PORT$path" 50)"
        read -r un ud ua _ <<<"$res"
        printf '%s %s | %s ms | %s, %s ms, %s ms | %s |\n' "${rows[$n]}" "$(fmt_rps "$ur")" "$up" \
            "$un" "$ud" "$ua" "$((${bad[$n]} + ub + ue))" >>"$REPORT"
        n=$((n + 1))
    done
    {
        echo
        echo "Ateneu's peak resident memory while serving: $rss_cached MiB cached; the rendering server's, $(app_peak_rss) MiB."
        echo
    } >>"$REPORT"
    stop_ateneu
}

tree_version() {  # short commit, "+changes" when files outside bench/ differ from it
    local v
    v="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    git -C "$ROOT" diff --quiet HEAD -- . ':(exclude)bench' 2>/dev/null || v="$v+changes"
    echo "$v"
}

# --- main ----------------------------------------------------------------------------------------
main() {
    install_tools
    find_nginx
    wait_for_ci
    # the commit measured: rebuilt if the tree changed while building (bounded: 3 tries)
    local before after try
    for try in 1 2 3; do
        before="$(tree_version)"
        log "building (cargo build --release) at $before"
        (cd "$ROOT" && cargo build --release --quiet) || die "cargo build --release failed"
        after="$(tree_version)"
        [ "$before" != "$after" ] || break
        log "the tree changed during the build ($before -> $after)"
        [ "$try" -lt 3 ] || die "the tree keeps changing; not measuring"
    done
    [ -x "$BIN" ] || die "$BIN not found after the build"
    MEASURED="$after"

    WORK="$(mktemp -d /tmp/ateneu-bench.XXXXXX)"
    chmod 755 "$WORK"
    BUSY_FILE="$WORK/busy.txt"
    mkdir -p "$RESULTS"
    log "generating $SMALL_N and $SCALE_N cities (seed $SEED)"
    python3 "$BENCH/gen_cities.py" "$SMALL_N" "$SEED" >"$WORK/cities-$SMALL_N.csv"
    python3 "$BENCH/gen_cities.py" "$SCALE_N" "$SEED" >"$WORK/cities-$SCALE_N.csv"

    local backend
    for backend in $BACKENDS; do
        case "$backend" in
            sqlite) ;;
            postgres)
                psql "$PG_SERVER/postgres" -qtAc "select 1" >/dev/null 2>&1 \
                    || die "PostgreSQL does not answer at $PG_SERVER"
                ;;
            *) die "unknown backend: $backend" ;;
        esac
        REPORT="$RESULTS/registry-$backend.md"
        {
            echo "## Registry benchmark — $backend"
            echo
            echo "$(date -u +%Y-%m-%d), $(nproc) cores ($(uname -m)), Ateneu $MEASURED (release build),"
            echo "$("$NGINX_BIN" -v 2>&1 | sed 's/^nginx version: //'), $(wrk -v 2>&1 | head -n 1 | awk '{ print $1, $2 }'); client, Ateneu and nginx share the machine."
            echo
        } >"$REPORT"
        : >"$BUSY_FILE"
        compare_pages "$backend"
        scale "$backend"
        if [ -s "$BUSY_FILE" ]; then
            {
                echo "**Other work ran on the machine during these measurements** (figures may be low):"
                echo
                sed 's/^/- /' "$BUSY_FILE"
                echo
            } >>"$REPORT"
        fi
        if [ "$backend" = postgres ]; then
            pg_psql "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" 2>/dev/null || pg_psql "DROP DATABASE IF EXISTS $PG_DB" || true
        fi
        log "[$backend] written to ${REPORT#"$ROOT"/}"
        cat "$REPORT"
    done
}

main "$@"
