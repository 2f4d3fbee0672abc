#!/usr/bin/env python3
"""Indicator charts and city profile benchmark: one Leading City keeping 22 indicators × 20
years × 5 breakdown categories and the whole (2,640 values), 5 closed assessments (20
participants each) and an action plan of 60 items; its indicators page (22 line charts with
their table twins and statuses), one indicator's page, the JSON API, the tidy CSV export, and
its profile as a page and as a PDF, uncached, on SQLite and on PostgreSQL, with GET /healthz
and nginx serving the same bytes in the same run for the ratios. Also the tidy CSV import of
those 2,640 rows (one request, one transaction), timed.
Writes bench/results/indicators-<backend>.md.

    cargo build --release && python3 bench/indicators.py        # both backends
    BENCH_BACKENDS=sqlite python3 bench/indicators.py           # one backend

Environment: BENCH_PG (postgres://postgres@127.0.0.1:5432), BENCH_YEARS (20),
BENCH_BREAKDOWNS (5), BENCH_REQUESTS (200), BENCH_ASSESSMENTS (5), BENCH_ITEMS (60). Signed-in pages are never kept by the page cache,
so every request is computed."""
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import shutil

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import programmes as common  # noqa: E402  (request, sample, nginx_ratio, ateneu, percentile)

YEARS = int(os.environ.get("BENCH_YEARS", "20"))
BREAKDOWNS = int(os.environ.get("BENCH_BREAKDOWNS", "5"))
common.REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
FRAMEWORK = "culture2030-indicators"
ASSESSMENTS = int(os.environ.get("BENCH_ASSESSMENTS", "5"))
ITEMS = int(os.environ.get("BENCH_ITEMS", "60"))


def call(method, path, body, token, expected=(200, 201, 204)):
    status, payload, _ = common.request(method, path, body, token=token)
    assert status in expected, (method, path, status, payload[:300])
    return json.loads(payload) if payload else None


def assessments(slug, token):
    rng = random.Random(5)
    for n in range(ASSESSMENTS):
        made = call("POST", "/api/v1/assessments", {"city": slug, "framework": "culture21-actions@2015", "module": "commitments",
                    "title": f"Lab {2018 + 2 * n}", "starts_on": f"{2018 + 2 * n}-03-10", "ends_on": f"{2018 + 2 * n}-03-11",
                    "visibility": "public", "languages": ["en"]}, token)
        links = call("POST", f"/api/v1/assessments/{made['id']}/invitations", {"count": 20}, token)["invitations"]
        items = [i["key"] for i in call("GET", f"/api/v1/participation/{links[0]['token']}", None, None)["items"]]
        for link in links:
            call("PUT", f"/api/v1/participation/{link['token']}",
                 {"sector": "other", "answers": {k: rng.randint(max(1, n), 9) for k in items}}, None)
        call("POST", f"/api/v1/assessments/{made['id']}/close", None, token)


def plan(slug, token):
    programme = call("POST", "/api/v1/programmes", {"city": slug, "starts_on": "2026-01-01", "ends_on": "2027-12-31"}, token)["id"]
    activity = call("POST", f"/api/v1/programmes/{programme}/activities",
                    {"catalogue_key": "policy-design", "starts_on": "2026-05-04", "ends_on": "2026-05-05"}, token)["id"]
    output = call("POST", f"/api/v1/programmes/{programme}/outputs",
                  {"activity": str(activity), "kind": "action_plan", "title": "Action plan", "visibility": "public"}, token)["id"]
    for n in range(ITEMS):
        call("POST", f"/api/v1/outputs/{output}/items", {"title_en": f"Action {n + 1}: open the libraries later",
             "progress": (n * 7) % 101, "sdg_targets": ["11.4"], "responsible": "Culture department"}, token)


def indicators():
    status, body, _ = common.request("GET", "/api/v1/indicator-frameworks")
    framework = next(f for f in common.ok(status, body) if f["key"] == FRAMEWORK)
    return [f"{FRAMEWORK}:{i['key']}" for i in framework["indicators"]]


def tidy_file(references):
    rng = random.Random(20261207)
    rows = ["Indicator,Year,District,Units,GeoCode,Value,Source"]
    for reference in references:
        level = rng.uniform(5, 80)
        for year in range(2006, 2006 + YEARS):
            level *= rng.uniform(0.97, 1.06)
            rows.append(f"{reference},{year},,%,,{level:.2f},Municipal survey {year}")
            for d in range(BREAKDOWNS):
                rows.append(f"{reference},{year},District {d + 1},%,,{level * rng.uniform(0.8, 1.2):.2f},")
    return ("\n".join(rows) + "\n").encode()


def run(backend, nginx):
    work = tempfile.mkdtemp(prefix="ateneu-indicators-")
    url = None
    if backend == "postgres":
        url = f"{common.PG}/ateneu_indicators_bench"
        subprocess.run(["psql", f"{common.PG}/postgres", "-qc", "drop database if exists ateneu_indicators_bench"], check=True)
        subprocess.run(["psql", f"{common.PG}/postgres", "-qc", "create database ateneu_indicators_bench"], check=True)
    common.ateneu(work, url, "migrate")
    common.ateneu(work, url, "user", "add", "--admin", "bench@example.org")
    token = common.ateneu(work, url, "token", "create", "--user", "bench@example.org").strip()
    cities = os.path.join(work, "cities.csv")
    with open(cities, "w") as f:
        subprocess.run([sys.executable, os.path.join(common.ROOT, "bench", "gen_cities.py"), "1", "20261207"], check=True, stdout=f)
    slug = open(cities).read().splitlines()[1].split(",", 1)[0]
    common.ateneu(work, url, "import", "cities", cities)
    members = os.path.join(work, "memberships.csv")
    with open(members, "w") as f:
        f.write(f"city,network,role,started_on,ended_on,creative_field,designation_year\n{slug},leading-cities,leading-city,2024-01-01,,,\n")
    common.ateneu(work, url, "import", "memberships", members)
    cmd = [common.BIN, "--data-dir", work, "--port", str(common.PORT)] + (["--database-url", url] if url else [])
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "server.log"), "w"))
    figures, pages = {}, {}
    try:
        for _ in range(100):
            try:
                if common.request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        references = indicators()
        csv = tidy_file(references)
        status, body, imported = common.request("POST", f"/api/v1/cities/{slug}/indicators/import", token=token,
                                                raw=csv, content_type="text/csv")
        done = common.ok(status, body)
        assert done["created"] == len(references) * YEARS * (BREAKDOWNS + 1), done
        for n, reference in enumerate(references):
            settings = {"unit": "%", "visibility": "public", "baseline_year": 2006, "baseline_value": 40,
                        "target_year": 2030, "target_value": 30 + 3 * n, "revision": 1}
            common.ok(*common.request("PUT", f"/api/v1/cities/{slug}/indicators/{reference}", settings, token=token)[:2])
        assessments(slug, token)
        plan(slug, token)
        figures["baseline GET /healthz"], _ = common.sample("/healthz")
        one = references[len(references) // 2]
        for name, path in [("indicators.html", f"/en/cities/{slug}/indicators"),
                           ("indicators.json", f"/api/v1/cities/{slug}/indicators"),
                           ("indicators.csv", f"/api/v1/cities/{slug}/indicators.csv"),
                           ("indicator.html", f"/en/cities/{slug}/indicators/{one}"),
                           ("profile.html", f"/en/cities/{slug}/profile"),
                           ("profile.pdf", f"/fr/cities/{slug}/profile.pdf")]:
            figures[name], pages[name] = common.sample(path, token)
            times = figures[name]
            print(f"{backend} {name}: {len(pages[name])} bytes, median {statistics.median(times) * 1000:.1f} ms, "
                  f"p99 {common.percentile(times, 99) * 1000:.1f} ms", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if backend == "postgres":
            subprocess.run(["psql", f"{common.PG}/postgres", "-qc", "drop database if exists ateneu_indicators_bench"], check=False)
    served = common.nginx_ratio(nginx, work, pages)
    shutil.rmtree(work, ignore_errors=True)
    med, pct = statistics.median, common.percentile
    ms = lambda s: f"{s * 1000:.1f}"
    values = len(references) * YEARS * (BREAKDOWNS + 1)
    lines = [f"# Indicator charts and city profile benchmark — {backend}", "",
             f"One Leading City, {len(references)} indicators × {YEARS} years × ({BREAKDOWNS} breakdown categories + the whole) = "
             f"{values:,} values, {ASSESSMENTS} closed assessments of 20 participants, a plan of {ITEMS} items; the values imported as one tidy CSV file in {imported * 1000:.0f} ms (one request, one transaction); "
             f"{common.REQUESTS} sequential uncached requests per page, signed in, release build, "
             f"`python3 bench/indicators.py`, {time.strftime('%Y-%m-%d')}.", "",
             "| page | bytes | Ateneu median / p99 | nginx same bytes median | nginx/Ateneu (medians) | goal |",
             "|---|---|---|---|---|---|"]
    base = figures.pop("baseline GET /healthz")
    lines.append(f"| baseline GET /healthz | — | {ms(med(base))} / {ms(pct(base, 99))} ms | — | — | — |")
    for name, times in figures.items():
        n = served[name]
        goal = {"indicators.html": "< 10 ms (22 charts)", "profile.pdf": "< 1 s"}.get(name, "—")
        lines.append(f"| {name} | {len(pages[name]):,} | {ms(med(times))} / {ms(pct(times, 99))} ms | {ms(med(n))} ms | "
                     f"{med(n) / med(times):.2f} | {goal} |")
    os.makedirs(os.path.join(common.ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(common.ROOT, "bench", "results", f"indicators-{backend}.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    if not os.path.exists(common.BIN):
        sys.exit("build first: cargo build --release")
    nginx = common.ensure_nginx()
    for backend in os.environ.get("BENCH_BACKENDS", "sqlite postgres").split():
        run(backend, nginx)
