#!/usr/bin/env bash
# Shared by the page benchmarks (registry.sh, pages.sh); sourced after their settings (BIN, WORK,
# DATA, DB_ARGS, PG_SERVER, PG_DB, APP_PORT, NGINX_PORT, DURATION, BUSY_FILE): logging, the
# processes started and stopped on exit, the tools, a fresh instance, Ateneu, nginx and wrk.

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FATAL: $*"; exit 1; }

# --- processes started here, stopped on exit -------------------------------------------------
PIDS=()
WORK=""
cleanup() {
    local pid
    for pid in "${PIDS[@]:-}"; do
        [ -n "$pid" ] || continue
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    PIDS=()
    if [ -n "$WORK" ] && [ -d "$WORK" ] && [ "${BENCH_KEEP:-0}" != 1 ]; then
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop_pid() {
    local pid="$1" keep=() p
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    for p in "${PIDS[@]:-}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
    PIDS=("${keep[@]:-}")
}

# --- wait for a CI run to finish (bounded: 15 minutes) ----------------------------------------
wait_for_ci() {
    local i
    for i in $(seq 1 30); do
        pgrep -f "\.ci/run" >/dev/null 2>&1 || return 0
        log "a CI run is using the CPU; waiting ($i/30, 30 s each)"
        sleep 30
    done
    die "a CI run is still going after 15 minutes; not measuring on a busy machine"
}

# --- other work on the machine during a measurement (noted in the report) ---------------------
BUSY_FILE=""
note_busy() {  # note_busy WHAT — records a CI run or a Rust build seen just before WHAT
    local seen=""
    pgrep -f "\.ci/run" >/dev/null 2>&1 && seen="a CI run (.ci/run)"
    pgrep -x "cargo|rustc|clippy-driver" >/dev/null 2>&1 && seen="${seen:+$seen and }a cargo/rustc process"
    [ -z "$seen" ] || echo "$(date +%H:%M:%S) $seen before: $1" >>"$BUSY_FILE"
}

# --- tools -------------------------------------------------------------------------------------
install_tools() {
    local missing=()
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    [ -x /usr/bin/time ] || missing+=(time)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    local pkgs=() m
    for m in "${missing[@]}"; do
        if [ "$m" = nginx ]; then
            if apt-cache show nginx-light >/dev/null 2>&1; then pkgs+=(nginx-light); else pkgs+=(nginx); fi
        else
            pkgs+=("$m")
        fi
    done
    apt-get install -y -qq "${pkgs[@]}" >/dev/null
}

NGINX_BIN=""
find_nginx() {
    NGINX_BIN="$(command -v nginx 2>/dev/null || true)"
    [ -n "$NGINX_BIN" ] || NGINX_BIN=/usr/sbin/nginx
    [ -x "$NGINX_BIN" ] || die "nginx not found"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- Ateneu ------------------------------------------------------------------------------------
DATA=""
DB_ARGS=()

pg_psql() { psql "$PG_SERVER/postgres" -v ON_ERROR_STOP=1 -qtAc "$1"; }

fresh_instance() {  # fresh_instance BACKEND NAME — sets DATA and DB_ARGS
    local backend="$1" name="$2"
    DATA="$WORK/$backend-$name"
    rm -rf "$DATA"; mkdir -p "$DATA"
    DB_ARGS=()
    if [ "$backend" = postgres ]; then
        pg_psql "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" 2>/dev/null \
            || pg_psql "DROP DATABASE IF EXISTS $PG_DB"
        pg_psql "CREATE DATABASE $PG_DB"
        DB_ARGS=(--database-url "$PG_SERVER/$PG_DB")
    fi
}

APP_PID=""
start_ateneu() {  # start_ateneu [serve options…], e.g. --no-page-cache
    port_free "$APP_PORT" || die "port $APP_PORT is taken"
    "$BIN" --data-dir "$DATA" "${DB_ARGS[@]}" --port "$APP_PORT" --server-timing "$@" >>"$DATA/server.log" 2>&1 &
    APP_PID=$!
    PIDS+=("$APP_PID")
    local i
    for i in $(seq 1 120); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$APP_PORT/healthz" 2>/dev/null; then return 0; fi
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$DATA/server.log" >&2; die "ateneu exited at start"; }
        sleep 0.5
    done
    tail -n 30 "$DATA/server.log" >&2
    die "ateneu did not answer /healthz within 60 s"
}
stop_ateneu() { if [ -n "$APP_PID" ]; then stop_pid "$APP_PID"; fi; APP_PID=""; }
# rendering_ateneu URL — restarts Ateneu with its page cache off and checks that URL says so
# (`X-Page-Cache: off`): every request after it is rendered from the database.
rendering_ateneu() {
    stop_ateneu
    start_ateneu --no-page-cache
    curl -sS -o /dev/null -D - "$1" | tr -d '\r' | grep -qi '^x-page-cache: off$' \
        || die "the server started with --no-page-cache still answers $1 from its cache"
}
app_peak_rss() {  # the server's peak resident memory so far, in MiB
    awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status" 2>/dev/null || echo "?"
}

# --- nginx serving one saved page ---------------------------------------------------------------
NGINX_PID=""
start_nginx() {  # start_nginx DIR (DIR/html holds the files)
    local dir="$1"
    mkdir -p "$dir/html" "$dir/tmp"
    chmod 755 "$dir" "$dir/html" "$dir/tmp"; chmod 644 "$dir"/html/*
    local user_line=""
    [ "$(id -u)" = 0 ] && user_line="user nobody nogroup;"
    cat >"$dir/nginx.conf" <<EOF
$user_line
daemon off;
master_process on;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    keepalive_timeout 65;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    types { text/html html; }
    default_type text/html;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $dir/html;
    }
}
EOF
    port_free "$NGINX_PORT" || die "port $NGINX_PORT is taken"
    "$NGINX_BIN" -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" &
    NGINX_PID=$!
    PIDS+=("$NGINX_PID")
    local i
    for i in $(seq 1 50); do
        # no index page: any HTTP answer means it is up
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/" 2>/dev/null)" != 000 ] && return 0
        kill -0 "$NGINX_PID" 2>/dev/null || { cat "$dir/error.log" >&2; die "nginx exited at start"; }
        sleep 0.2
    done
    die "nginx did not start"
}
stop_nginx() { if [ -n "$NGINX_PID" ]; then stop_pid "$NGINX_PID"; fi; NGINX_PID=""; }

# --- wrk ---------------------------------------------------------------------------------------
# run_wrk URL CONNECTIONS OUTFILE — prints "req_per_s p99_ms non2xx socket_errors". Uncached
# (rendered) figures come from a server restarted by `rendering_ateneu`.
run_wrk() {
    local url="$1" c="$2" out="$3"
    timeout $((DURATION + 30)) wrk -t2 -c"$c" -d"${DURATION}s" --latency "$url" >"$out" 2>&1 \
        || { cat "$out" >&2; die "wrk failed on $url"; }
    awk '
        function ms(v) {
            if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
            if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
            if (v ~ /m$/)  { sub(/m$/, "", v);  return v * 60000 }
            if (v ~ /s$/)  { sub(/s$/, "", v);  return v * 1000 }
            return v + 0
        }
        /Requests\/sec:/ { rps = $2 }
        $1 == "99%" && p99 == "" { p99 = ms($2) }
        /Non-2xx or 3xx responses:/ { bad = $NF }
        /Socket errors:/ { gsub(/,/, ""); err = $4 + $6 + $8 + $10 }
        END { printf "%.1f %.2f %d %d\n", rps, p99, bad + 0, err + 0 }
    ' "$out"
}

fmt_rps() { awk -v v="$1" 'BEGIN { printf "%.0f", v }'; }

# server_timing URL [N] — the median over N sequential requests (default 50) of what the
# answers' Server-Timing header says: "statements db_ms app_ms total_ms".
server_timing() {
    local url="$1" count="${2:-50}" i
    for i in $(seq 1 "$count"); do
        curl -sS -o /dev/null -D - "$url"
    done | timing_median
}
# timing_median — reads answers' headers on stdin; prints the medians of their Server-Timing
# parts: "statements db_ms app_ms total_ms".
timing_median() {
    tr -d '\r' | awk -F': ' 'tolower($1) == "server-timing" { print $2 }' | awk '
        {
            match($0, /desc="[0-9]+ /); n = substr($0, RSTART + 6, RLENGTH - 7)
            match($0, /db;[^,]*dur=[0-9.]+/); d = $0; d = substr(d, RSTART, RLENGTH); sub(/.*dur=/, "", d)
            match($0, /app;dur=[0-9.]+/); a = substr($0, RSTART + 8, RLENGTH - 8)
            match($0, /total;dur=[0-9.]+/); t = substr($0, RSTART + 10, RLENGTH - 10)
            ns[NR] = n; ds[NR] = d; as[NR] = a; ts[NR] = t
        }
        function median(arr, count,   i, j, tmp, sorted) {
            for (i = 1; i <= count; i++) sorted[i] = arr[i] + 0
            for (i = 2; i <= count; i++) for (j = i; j > 1 && sorted[j-1] > sorted[j]; j--) { tmp = sorted[j]; sorted[j] = sorted[j-1]; sorted[j-1] = tmp }
            return sorted[int((count + 1) / 2)]
        }
        END {
            if (NR == 0) { print "? ? ? ?"; exit }
            printf "%d %.2f %.2f %.2f\n", median(ns, NR), median(ds, NR), median(as, NR), median(ts, NR)
        }'
}
