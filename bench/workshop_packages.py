#!/usr/bin/env python3
"""Workshop package benchmark: a Lab workshop of 1,000 participants (1,000 links) taken offline.
Half answer on the platform, the package is made (POST …/package), opened on a laptop (a second
instance on its own SQLite file, `ateneu workshop open`), the other half answer there, and
`ateneu workshop results` makes the results package; then the time to merge it into the
platform (500 new responses), to merge the same file again (recognised, nothing written), and
to merge results made again from the unchanged laptop (checked whole, nothing written), against
GET /healthz in the same run (the ratio). The platform on SQLite and on PostgreSQL. Writes
bench/results/workshop-packages-<backend>.md.

    cargo build --release -p ateneu && python3 bench/workshop_packages.py
    BENCH_BACKENDS=sqlite python3 bench/workshop_packages.py

Environment: BENCH_PG (postgres://postgres@127.0.0.1:5432), BENCH_PARTICIPANTS (1000),
BENCH_REQUESTS (100: baseline requests, and merges of the same file)."""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import programmes as common  # noqa: E402  (request, sample, ateneu, percentile)

PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", "1000"))
common.REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
LAPTOP_PORT = common.PORT + 7
ITEMS = ["cultural-rights", "heritage-diversity-creativity", "culture-education", "culture-environment",
         "culture-economy", "culture-equity-inclusion", "culture-urban-planning",
         "culture-information-knowledge", "governance-of-culture"]


def call(method, path, body, token, port=common.PORT, raw=None):
    status, payload, elapsed = common.request(method, path, body, token=token, raw=raw, port=port)
    assert status in (200, 201, 204), (method, path, status, payload[:300])
    return (json.loads(payload) if payload else None), elapsed


def answer(n):
    return {"sector": "civil_society", "answers": {item: 1 + (n + i) % 9 for i, item in enumerate(ITEMS)},
            "comments": {ITEMS[n % 9]: f"Comment {n}"}}


def wait_up(port):
    for _ in range(300):
        try:
            if common.request("GET", "/healthz", port=port)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    sys.exit(f"nothing answers on port {port}")


def run(backend):
    work = tempfile.mkdtemp(prefix="ateneu-packages-")
    laptop = tempfile.mkdtemp(prefix="ateneu-laptop-")
    url = None
    if backend == "postgres":
        url = f"{common.PG}/ateneu_packages_bench"
        subprocess.run(["psql", f"{common.PG}/postgres", "-qc", "drop database if exists ateneu_packages_bench"], check=True)
        subprocess.run(["psql", f"{common.PG}/postgres", "-qc", "create database ateneu_packages_bench"], check=True)
    common.ateneu(work, url, "migrate")
    common.ateneu(work, url, "user", "add", "--admin", "bench@example.org")
    token = common.ateneu(work, url, "token", "create", "--user", "bench@example.org").strip()
    cities = os.path.join(work, "cities.csv")
    with open(cities, "w") as f:
        subprocess.run([sys.executable, os.path.join(common.ROOT, "bench", "gen_cities.py"), "1", "20261207"], check=True, stdout=f)
    slug = open(cities).read().splitlines()[1].split(",", 1)[0]
    common.ateneu(work, url, "import", "cities", cities)
    cmd = [common.BIN, "--data-dir", work, "--port", str(common.PORT)] + (["--database-url", url] if url else [])
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "server.log"), "w"))
    figures = {}
    try:
        wait_up(common.PORT)
        assessment, _ = call("POST", "/api/v1/assessments", {
            "city": slug, "framework": "culture21-actions@2015", "module": "commitments", "title": "Offline",
            "starts_on": "2026-03-10", "ends_on": "2026-03-10", "visibility": "network", "languages": ["en"]}, token)
        aid = assessment["id"]
        made, _ = call("POST", f"/api/v1/assessments/{aid}/invitations", {"count": PARTICIPANTS}, token)
        links = [i["token"] for i in made["invitations"]]
        half = PARTICIPANTS // 2
        for n in range(half):
            call("PUT", f"/api/v1/participation/{links[n]}", answer(n), None)
        status, package, elapsed = common.request("POST", f"/api/v1/assessments/{aid}/package", token=token)
        assert status == 201, package[:300]
        figures["make the package (POST …/package)"] = [elapsed]
        path = os.path.join(laptop, "workshop.json")
        with open(path, "wb") as f:
            f.write(package)
        opened = subprocess.Popen([common.BIN, "--data-dir", laptop, "workshop", "open", path, "--port", str(LAPTOP_PORT)],
                                  stdout=open(os.path.join(laptop, "open.log"), "w"), stderr=subprocess.STDOUT)
        try:
            wait_up(LAPTOP_PORT)
            for n in range(half, PARTICIPANTS):
                call("PUT", f"/api/v1/participation/{links[n]}", answer(n), None, port=LAPTOP_PORT)
        finally:
            opened.terminate()
            opened.wait(timeout=30)
        results = os.path.join(laptop, "results.json")
        common.ateneu(laptop, None, "workshop", "results", "--output", results)
        body = open(results, "rb").read()
        merge = f"/api/v1/assessments/{aid}/package/results"
        merged, elapsed = call("POST", merge, None, token, raw=body)
        assert merged["responses_added"] == PARTICIPANTS - half, merged
        figures[f"merge the results ({PARTICIPANTS - half} new responses)"] = [elapsed]
        figures["merge the same file again (recognised)"] = [call("POST", merge, None, token, raw=body)[1]
                                                              for _ in range(common.REQUESTS)]
        common.ateneu(laptop, None, "workshop", "results", "--output", results)
        remade = open(results, "rb").read()
        again, elapsed = call("POST", merge, None, token, raw=remade)
        assert again["responses_added"] == 0 and not again["already_imported"], again
        figures["merge results made again (checked, nothing written)"] = [elapsed]
        report, _ = call("GET", f"/api/v1/assessments/{aid}/results", None, token)
        assert report["responses"] == PARTICIPANTS, report["responses"]
        figures["baseline GET /healthz"], _ = common.sample("/healthz")
        sizes = {"package": len(package), "results": len(body)}
    finally:
        server.terminate()
        server.wait(timeout=30)
        if backend == "postgres":
            subprocess.run(["psql", f"{common.PG}/postgres", "-qc", "drop database if exists ateneu_packages_bench"], check=False)
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(laptop, ignore_errors=True)
    med, pct = statistics.median, common.percentile
    ms = lambda s: f"{s * 1000:.1f}"
    base = med(figures["baseline GET /healthz"])
    lines = [f"# Workshop package benchmark — {backend}", "",
             f"A Lab workshop with {PARTICIPANTS:,} links: {half:,} answer on the platform ({backend}), the package "
             f"({sizes['package']:,} bytes) is opened on a laptop (SQLite, `ateneu workshop open`), {PARTICIPANTS - half:,} answer "
             f"there, and the results ({sizes['results']:,} bytes) are merged back; each merge is one request; release build, "
             f"`python3 bench/workshop_packages.py`, {time.strftime('%Y-%m-%d')}.", "",
             "| what | requests | median | median / baseline median |", "|---|---|---|---|"]
    for name, times in figures.items():
        lines.append(f"| {name} | {len(times):,} | {ms(med(times))} ms | {med(times) / base:.0f} |")
    print("\n".join(lines))
    os.makedirs(os.path.join(common.ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(common.ROOT, "bench", "results", f"workshop-packages-{backend}.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if not os.path.exists(common.BIN):
        sys.exit("build first: cargo build --release -p ateneu")
    for backend in os.environ.get("BENCH_BACKENDS", "sqlite postgres").split():
        run(backend)
