#!/usr/bin/env python3
"""Culture 21 Lab benchmark: a workshop of 300 participants scoring 250 items each, submitted
concurrently, on SQLite and on PostgreSQL. Writes bench/results/lab-<backend>.md.

    cargo build --release && python3 bench/lab.py            # both backends
    BENCH_BACKENDS=sqlite python3 bench/lab.py               # one backend

Measures, through the HTTP API of a release build on 127.0.0.1:
  - the submissions: all accepted, none lost (the results count them), and their latency;
  - the results of the whole workshop (GET /api/v1/assessments/{id}/results), against the
    baseline GET /healthz in the same run;
  - how long the live dashboard's event stream takes to announce a new submission;
  - the radar SVG and the PDF report.
Environment: BENCH_PG (postgres://postgres@127.0.0.1:5432), BENCH_PARTICIPANTS (300),
BENCH_ITEMS (250), BENCH_CONCURRENCY (32)."""
import http.client
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "ateneu")
PORT = 18090
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", "300"))
ITEMS = int(os.environ.get("BENCH_ITEMS", "250"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "32"))
SECTORS = ["local_government", "civil_society", "private_sector", "academia", "other"]


def request(method, path, body=None, token=None, raw=None, content_type="application/json"):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
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


def ateneu(data_dir, url, *args):
    cmd = [BIN, "--data-dir", data_dir] + (["--database-url", url] if url else []) + list(args)
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(seconds):
    return f"{seconds * 1000:.1f}"


def timed(n, fn):
    times = []
    for _ in range(n):
        status, _, elapsed = fn()
        assert status == 200, status
        times.append(elapsed)
    return times


def run(backend):
    work = tempfile.mkdtemp(prefix="ateneu-lab-")
    url = None
    if backend == "postgres":
        url = f"{PG}/ateneu_lab_bench"
        subprocess.run(["psql", f"{PG}/postgres", "-qc", "drop database if exists ateneu_lab_bench"], check=True)
        subprocess.run(["psql", f"{PG}/postgres", "-qc", "create database ateneu_lab_bench"], check=True)
    framework = os.path.join(work, "framework.toml")
    with open(framework, "w") as f:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_framework.py"), "--actions", str(ITEMS), "--key", "bench-plus"], check=True, stdout=f)
    ateneu(work, url, "migrate")
    ateneu(work, url, "user", "add", "--admin", "bench@example.org")
    token = ateneu(work, url, "token", "create", "--user", "bench@example.org").strip()
    ateneu(work, url, "import", "framework", framework)
    cmd = [BIN, "--data-dir", work, "--port", str(PORT)] + (["--database-url", url] if url else [])
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "server.log"), "w"))
    try:
        for _ in range(100):
            try:
                if request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        status, body, _ = request("POST", "/api/v1/cities", {"source_lang": "en", "name_en": "Benchville", "country": "ES", "region": "europe"}, token)
        assert status == 201, body
        slug = json.loads(body)["slug"]
        status, body, _ = request("POST", "/api/v1/assessments", {"city": slug, "framework": "bench-plus@1", "module": "extended", "starts_on": "2026-11-21", "visibility": "confidential"}, token)
        assert status == 201, body
        assessment = json.loads(body)["id"]
        tokens = []
        wanted = PARTICIPANTS + 10
        while len(tokens) < wanted:  # at most 1,000 links per request
            count = min(1000, wanted - len(tokens))
            status, body, _ = request("POST", f"/api/v1/assessments/{assessment}/invitations", {"count": count}, token)
            assert status == 201, body
            tokens += [i["token"] for i in json.loads(body)["invitations"]]
        status, body, _ = request("GET", f"/api/v1/participation/{tokens[0]}")
        items = [i["key"] for i in json.loads(body)["items"]]
        assert len(items) == ITEMS, len(items)

        # The dashboard's event stream, read in the background.
        events = []
        stop = threading.Event()

        def listen():
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
            conn.request("GET", f"/en/assessments/{assessment}/events", headers={"Authorization": f"Bearer {token}"})
            response = conn.getresponse()
            while not stop.is_set():
                line = response.fp.readline()
                if not line:
                    break
                if line.startswith(b"event: update"):
                    events.append(time.perf_counter())

        listener = threading.Thread(target=listen, daemon=True)
        listener.start()
        time.sleep(0.5)

        rng = random.Random(2026)
        bodies = []
        for n in range(PARTICIPANTS):
            answers = {k: (rng.randint(1, 9) if rng.random() > 0.05 else "na") for k in items}
            bodies.append({"sector": SECTORS[n % 5], "answers": answers, "comments": {items[n % ITEMS]: f"Comment {n}"}})

        def submit(n):
            return request("PUT", f"/api/v1/participation/{tokens[n]}", bodies[n])

        start = time.perf_counter()
        with ThreadPoolExecutor(CONCURRENCY) as pool:
            outcomes = list(pool.map(submit, range(PARTICIPANTS)))
        wall = time.perf_counter() - start
        accepted = sum(1 for s, _, _ in outcomes if s == 200)
        latencies = [e for _, _, e in outcomes]

        status, body, cold = request("GET", f"/api/v1/assessments/{assessment}/results", token=token)
        counted = json.loads(body)["responses"]

        # Dashboard delay: a draft saved in a quiet moment, until the stream announces it.
        delays = []
        for n in range(PARTICIPANTS, PARTICIPANTS + 10):
            time.sleep(0.6)
            before = len(events)
            status, _, _ = request("PUT", f"/api/v1/participation/{tokens[n]}", {"sector": "other", "answers": {items[0]: 5}, "submit": False})
            saved_at = time.perf_counter()
            deadline = saved_at + 3
            while len(events) == before and time.perf_counter() < deadline:
                time.sleep(0.005)
            delays.append(events[before] - saved_at if len(events) > before else float("inf"))
        stop.set()

        baseline = timed(30, lambda: request("GET", "/healthz"))
        results = timed(30, lambda: request("GET", f"/api/v1/assessments/{assessment}/results", token=token))
        radar = timed(50, lambda: request("GET", f"/en/assessments/{assessment}/radar.svg", token=token))
        pdf = timed(5, lambda: request("GET", f"/fr/assessments/{assessment}/report.pdf", token=token))
        pdf_size = len(request("GET", f"/fr/assessments/{assessment}/report.pdf", token=token)[1])
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
        if backend == "postgres":
            subprocess.run(["psql", f"{PG}/postgres", "-qc", "drop database if exists ateneu_lab_bench"], check=False)

    med = statistics.median
    rows = [
        ("submissions accepted / sent", f"{accepted} / {PARTICIPANTS}", "all"),
        ("responses counted in the results (none lost)", f"{counted}", f"{PARTICIPANTS}"),
        (f"submission wall time, {CONCURRENCY} concurrent clients", f"{wall:.2f} s ({PARTICIPANTS / wall:.0f}/s)", ""),
        ("submission latency median / p99", f"{ms(med(latencies))} / {ms(percentile(latencies, 99))} ms", ""),
        ("baseline GET /healthz median / p99", f"{ms(med(baseline))} / {ms(percentile(baseline, 99))} ms", ""),
        ("results of the whole workshop, first request after the submissions (computed)", f"{ms(cold)} ms", "< 50 ms"),
        ("results again (same revision: from the results cache) median / p99", f"{ms(med(results))} / {ms(percentile(results, 99))} ms", "< 50 ms"),
        ("dashboard: submission → event, median / max", f"{ms(med(delays))} / {ms(max(delays))} ms", "< 1000 ms"),
        ("radar SVG median / p99", f"{ms(med(radar))} / {ms(percentile(radar, 99))} ms", "< 5 ms"),
        ("PDF report median / max", f"{ms(med(pdf))} / {ms(max(pdf))} ms ({pdf_size // 1024} KiB)", "< 2000 ms"),
    ]
    lines = [f"# Culture 21 Lab benchmark — {backend}", "",
             f"{PARTICIPANTS} participants × {ITEMS} items (action-level module of a synthetic framework, "
             f"5 % not applicable), release build, `python3 bench/lab.py`, {time.strftime('%Y-%m-%d')}.", "",
             "| measure | figure | goal |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results", f"lab-{backend}.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release")
    for backend in os.environ.get("BENCH_BACKENDS", "sqlite postgres").split():
        run(backend)
