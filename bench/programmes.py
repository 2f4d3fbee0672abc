#!/usr/bin/env python3
"""Leading Cities programme benchmark: the secretariat's dashboard and a programme's page for
500 Leading Cities with 30 activities, 200 budget lines and 100 outputs each (a third of them
waiting for their French version), uncached, on
SQLite and on PostgreSQL, with nginx serving the same bytes in the same run for the ratio.
Writes bench/results/programmes-<backend>.md.

    cargo build --release && python3 bench/programmes.py        # both backends
    BENCH_BACKENDS=sqlite python3 bench/programmes.py           # one backend

The data goes in through the release binary and its API, as users put it in: cities and
Leading City memberships by the CSV imports, programmes, activities and outputs through the
JSON API, and each budget through the budget CSV import. Authenticated pages are never kept by
the page cache, so every request is computed. Each page is fetched N times in turn with
GET /healthz as the in-run baseline, then the exact bytes are served by nginx (one worker) and
fetched the same way: the ratio nginx/Ateneu of the medians says how far from the ceiling the
application is. BENCH_KEEP=<folder> keeps the loaded data there (and the PostgreSQL database)
and reuses it on the next run, to measure a change without loading again. Environment: BENCH_PG (postgres://postgres@127.0.0.1:5432), BENCH_CITIES (500),
BENCH_ACTIVITIES (30), BENCH_LINES (200), BENCH_OUTPUTS (100), BENCH_REQUESTS (200)."""
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "ateneu")
PORT, NGINX_PORT = 18095, 18096
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
CITIES = int(os.environ.get("BENCH_CITIES", "500"))
ACTIVITIES = int(os.environ.get("BENCH_ACTIVITIES", "30"))
LINES = int(os.environ.get("BENCH_LINES", "200"))
OUTPUTS = int(os.environ.get("BENCH_OUTPUTS", "100"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
CATALOGUE = ["local-challenge", "public-event", "visit", "representation"]
CURRENCIES = ["EUR", "USD", "ARS"]
FUNDERS = ["UCLG", "City", "Partner"]


def request(method, path, body=None, token=None, raw=None, content_type="application/json", port=PORT):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = raw
    if body is not None:
        data = json.dumps(body).encode()
    if data is not None:
        headers["Content-Type"] = content_type
    start = time.perf_counter()
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    elapsed = time.perf_counter() - start
    conn.close()
    return response.status, payload, elapsed


def ok(status, body, expected=(200, 201)):
    assert status in expected, (status, body[:300])
    return json.loads(body) if body else None


def ateneu(data_dir, url, *args):
    cmd = [BIN, "--data-dir", data_dir] + (["--database-url", url] if url else []) + list(args)
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def sample(path, token=None, port=PORT):
    times, body = [], b""
    for _ in range(REQUESTS):
        status, body, elapsed = request("GET", path, token=token, port=port)
        assert status == 200, (path, status, body[:200])
        times.append(elapsed)
    return times, body


def ensure_nginx():
    for candidate in ["nginx", "/usr/sbin/nginx"]:
        if shutil.which(candidate) or os.path.exists(candidate):
            return shutil.which(candidate) or candidate
    print("bench: installing nginx-light (Debian) for the same-bytes baseline", file=sys.stderr)
    subprocess.run(["apt-get", "install", "-y", "-q", "nginx-light"], check=True)
    return shutil.which("nginx") or "/usr/sbin/nginx"


def load(work, url, token):
    cities_csv = os.path.join(work, "cities.csv")
    with open(cities_csv, "w") as f:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_cities.py"), str(CITIES), "20261206"], check=True, stdout=f)
    slugs = [line.split(",", 1)[0] for line in open(cities_csv).read().splitlines()[1:]]
    ateneu(work, url, "import", "cities", cities_csv)
    members = os.path.join(work, "memberships.csv")
    with open(members, "w") as f:
        f.write("city,network,role,started_on,ended_on,creative_field,designation_year\n")
        for slug in slugs:
            f.write(f"{slug},leading-cities,leading-city,2024-01-01,,,\n")
    ateneu(work, url, "import", "memberships", members)
    return slugs


def programme_of(slug, token, n):
    made = ok(*request("POST", "/api/v1/programmes", {"city": slug, "starts_on": "2026-01-01", "ends_on": "2027-12-31"}, token)[:2])
    pid = made["id"]
    activity_ids = []
    for a in range(ACTIVITIES):
        month = 1 + (a * 23 // ACTIVITIES) % 12
        year = 2026 + (a * 23 // ACTIVITIES) // 12
        day = f"{year}-{month:02d}-{1 + (a + n) % 27:02d}"
        body = {"catalogue_key": CATALOGUE[a % len(CATALOGUE)], "starts_on": day, "ends_on": day, "place": "Town hall",
                "question": "How can the libraries reach every district?", "scope": "governance",
                "expertise_requested": "Advice on a cultural rights charter"}
        activity_ids.append(ok(*request("POST", f"/api/v1/programmes/{pid}/activities", body, token)[:2])["id"])
    rows = ["year,activity,category,description,funder,currency,planned,committed,spent"]
    for line in range(LINES):
        activity = activity_ids[line % len(activity_ids)]
        rows.append(f"{2026 + line % 2},{activity},travel,Line {line},{FUNDERS[line % 3]},{CURRENCIES[(line + n) % 3]},{100 + line}.50,{line}.25,{line // 2}")
    status, body, _ = request("POST", f"/api/v1/programmes/{pid}/budget/import?budget_revision=1", token=token,
                              raw="\n".join(rows).encode(), content_type="text/csv")
    assert status == 200, (status, body[:300])
    for o in range(OUTPUTS):
        body = {"activity": str(activity_ids[o % len(activity_ids)]), "kind": "public_article" if o % 2 else "internal_report",
                "title": f"Output {o} of {slug}", "visibility": ["public", "network", "confidential"][o % 3]}
        made = ok(*request("POST", f"/api/v1/programmes/{pid}/outputs", body, token)[:2])
        if o % 3 == 1:
            # A network output waits for its French version: the translation queue fills up.
            ok(*request("POST", f"/api/v1/outputs/{made['id']}/versions", {"lang": "fr", "status": "wanted"}, token)[:2])
    return pid


def nginx_ratio(nginx, work, pages):
    root = os.path.join(work, "static")
    os.makedirs(root, exist_ok=True)
    # nginx's worker runs as another user: the temporary folder must be readable to it.
    os.chmod(work, 0o755)
    os.chmod(root, 0o755)
    for name, body in pages.items():
        with open(os.path.join(root, name), "wb") as f:
            f.write(body)
        os.chmod(os.path.join(root, name), 0o644)
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""worker_processes 1; pid {work}/nginx.pid; error_log {work}/nginx.err;
events {{ worker_connections 64; }}
http {{ access_log off; sendfile on; client_body_temp_path {work}/t; proxy_temp_path {work}/t;
  fastcgi_temp_path {work}/t; uwsgi_temp_path {work}/t; scgi_temp_path {work}/t;
  server {{ listen 127.0.0.1:{NGINX_PORT}; root {root}; default_type application/octet-stream; }} }}
""")
    server = subprocess.Popen([nginx, "-c", conf, "-g", "daemon off;"])
    try:
        for _ in range(100):
            try:
                request("GET", "/", port=NGINX_PORT)
                break
            except OSError:
                time.sleep(0.05)
        return {name: sample(f"/{name}", port=NGINX_PORT)[0] for name in pages}
    finally:
        server.terminate()
        server.wait(timeout=10)


def run(backend, nginx):
    keep = os.environ.get("BENCH_KEEP")
    work = os.path.join(keep, backend) if keep else tempfile.mkdtemp(prefix="ateneu-programmes-")
    loaded_file = os.path.join(work, "loaded.json")
    reuse = keep is not None and os.path.exists(loaded_file)
    os.makedirs(work, exist_ok=True)
    url = None
    if backend == "postgres":
        url = f"{PG}/ateneu_programmes_bench"
        if not reuse:
            subprocess.run(["psql", f"{PG}/postgres", "-qc", "drop database if exists ateneu_programmes_bench"], check=True)
            subprocess.run(["psql", f"{PG}/postgres", "-qc", "create database ateneu_programmes_bench"], check=True)
    ateneu(work, url, "migrate")
    if reuse:
        loaded = json.load(open(loaded_file))
        token, ids, loading = loaded["token"], loaded["ids"], loaded["loading"]
    else:
        ateneu(work, url, "user", "add", "--admin", "bench@example.org")
        token = ateneu(work, url, "token", "create", "--user", "bench@example.org").strip()
    cmd = [BIN, "--data-dir", work, "--port", str(PORT)] + (["--database-url", url] if url else [])
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "server.log"), "w"))
    try:
        for _ in range(100):
            try:
                if request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        if not reuse:
            started = time.perf_counter()
            slugs = load(work, url, token)
            with ThreadPoolExecutor(4) as pool:
                ids = list(pool.map(lambda pair: programme_of(pair[1], token, pair[0]), enumerate(slugs)))
            loading = time.perf_counter() - started
            if keep:
                json.dump({"token": token, "ids": ids, "loading": loading}, open(loaded_file, "w"))
        pages = {}
        figures = {}
        figures["baseline GET /healthz"], _ = sample("/healthz")
        last = (len(ids) + 49) // 50
        for name, path in [("dashboard.json", "/api/v1/programmes/dashboard"), ("dashboard.html", "/en/programmes/dashboard"),
                           (f"dashboard-page-{last}.html", f"/en/programmes/dashboard?page={last}"),
                           ("programme.html", f"/en/programmes/{ids[len(ids) // 2]}"), ("budget.html", f"/en/programmes/{ids[0]}/budget")]:
            figures[name], pages[name] = sample(path, token)
            times = figures[name]
            print(f"{backend} {name}: {len(pages[name])} bytes, median {statistics.median(times) * 1000:.1f} ms, "
                  f"p99 {percentile(times, 99) * 1000:.1f} ms", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if backend == "postgres" and not keep:
            subprocess.run(["psql", f"{PG}/postgres", "-qc", "drop database if exists ateneu_programmes_bench"], check=False)
    served = nginx_ratio(nginx, work, pages)
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    med = statistics.median
    ms = lambda s: f"{s * 1000:.1f}"
    lines = [f"# Programme benchmark — {backend}", "",
             f"{CITIES} Leading Cities × {ACTIVITIES} activities, {LINES} budget lines and {OUTPUTS} outputs each "
             f"(loaded in {loading:.0f} s through the API and the CSV imports); {REQUESTS} sequential uncached requests per page, "
             f"release build, `python3 bench/programmes.py`, {time.strftime('%Y-%m-%d')}.", "",
             "| page | bytes | Ateneu median / p99 | nginx same bytes median | nginx/Ateneu (medians) | goal |", "|---|---|---|---|---|---|"]
    base = figures.pop("baseline GET /healthz")
    lines.append(f"| baseline GET /healthz | — | {ms(med(base))} / {ms(percentile(base, 99))} ms | — | — | — |")
    for name, times in figures.items():
        n = served[name]
        lines.append(f"| {name} | {len(pages[name]):,} | {ms(med(times))} / {ms(percentile(times, 99))} ms | {ms(med(n))} ms | "
                     f"{med(n) / med(times):.2f} | p99 < 50 ms |")
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    out = os.path.join(ROOT, "bench", "results", f"programmes-{backend}.md")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release")
    nginx = ensure_nginx()
    for backend in os.environ.get("BENCH_BACKENDS", "sqlite postgres").split():
        run(backend, nginx)
