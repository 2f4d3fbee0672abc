#!/usr/bin/env python3
"""Good-practice search benchmark, end to end, one corpus size after another:

    cargo build --release && cargo build --release -p ateneu-search --example bare_loop
    python3 bench/search.py                       # 10,000 and 100,000 practices
    BENCH_SIZES=10000,100000,1000000 python3 bench/search.py

For each size N (seeded corpus from gen_practices.py, 200 seeded queries from
gen_search_queries.py):
  1. `ateneu import practices` into a fresh SQLite data directory (timed);
  2. `ateneu reindex` builds the tantivy index (timed; its size on disk);
  3. the server starts on that directory and opens the index; resident memory (VmRSS) is read
     once the search answers every practice, and again after the measured queries;
  4. search_baselines.py times, on the same queries and in this one run: Ateneu's search API
     over HTTP (keep-alive), SQLite FTS5 and PostgreSQL full-text search doing the same work;
  5. the bare loop (crates/search/examples/bare_loop.rs) runs the same queries on the same
     index with no HTTP and no database: the engine's own limit.
Writes bench/results/search-N.json and bench/results/search.md (all sizes).
Environment: BENCH_SIZES, BENCH_QUERIES (200), BENCH_PASSES (3), BENCH_PG
(postgres://postgres@127.0.0.1:5432/ateneu_search_bench), BENCH_ENGINES (sqlite,pg; "" for
the API and the bare loop only), BENCH_CORPUS_DIR (keep the generated corpora there), BENCH_KEEP."""
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from search_baselines import wait_cpu_quiet  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "ateneu")
BARE = os.path.join(ROOT, "target", "release", "examples", "bare_loop")
PORT = 18095
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000").split(",")]
QUERIES = int(os.environ.get("BENCH_QUERIES", "200"))
PASSES = os.environ.get("BENCH_PASSES", "3")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432/ateneu_search_bench")
ENGINES = os.environ.get("BENCH_ENGINES", "sqlite,pg")
# A directory where practices-N.jsonl is kept between runs (generated there when missing).
CORPUS_DIR = os.environ.get("BENCH_CORPUS_DIR")
SEED = "20261121"
COMMIT = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                        text=True).stdout.strip() or "?"
# The API lists the 10 most frequent values of each facet by default (every value is counted);
# the bare loop is asked for the same lists.
FACETS = "10"


def run(*cmd, **kw):
    started = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)
    return out.stdout, time.perf_counter() - started


def run_peak(*cmd):
    """Runs a command; its output, seconds and peak resident memory (MB, from wait4)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if child.returncode:
            raise SystemExit(f"{cmd} failed ({child.returncode}): {err.read()}")
        return out.read(), seconds, usage.ru_maxrss / 1024


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def get(path):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def wait_for(total, deadline):
    while time.time() < deadline:
        try:
            status, body = get("/api/v1/practices/search")
            if status == 200 and json.loads(body)["total"] == total:
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def wait_idle(pid, deadline):
    """Waits until the server has finished its start-up work (after it answers, it reads the
    registry's city names and applies the change log): its CPU time stays still for a second.
    Timed queries before that would share the cores with it."""
    quiet_since, last = None, cpu_ticks(pid)
    while time.time() < deadline:
        time.sleep(0.25)
        now = cpu_ticks(pid)
        if now - last <= 1:
            quiet_since = quiet_since or time.time()
            if time.time() - quiet_since >= 1.0:
                return True
        else:
            quiet_since = None
        last = now
    return False


def dir_size(path):
    size = 0
    for base, _, files in os.walk(path):
        for name in files:
            size += os.path.getsize(os.path.join(base, name))
    return size


def one_size(n, work):
    corpus = os.path.join(CORPUS_DIR or work, f"practices-{n}.jsonl")
    queries = os.path.join(work, "queries.jsonl")
    if not (CORPUS_DIR and os.path.exists(corpus)):
        with open(corpus, "w") as f:
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_practices.py"), str(n), SEED], stdout=f, check=True)
    with open(queries, "w") as f:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_search_queries.py"), str(QUERIES), SEED], stdout=f, check=True)
    data = os.path.join(work, f"data-{n}")
    _, import_s, import_peak = run_peak(BIN, "--data-dir", data, "import", "practices", corpus)
    out, reindex_s, reindex_peak = run_peak(BIN, "--data-dir", data, "reindex")
    index_dir = os.path.join(data, "index", "practices")
    figures = {"n": n, "commit": COMMIT, "date": time.strftime("%Y-%m-%d"), "import_s": import_s, "reindex_s": reindex_s,
               "import_peak_mb": import_peak, "reindex_peak_mb": reindex_peak, "reindex_out": out.strip(),
               "index_mb": dir_size(index_dir) / 1e6,
               "sqlite_db_mb": os.path.getsize(os.path.join(data, "ateneu.db")) / 1e6}
    log = open(os.path.join(work, f"server-{n}.log"), "w")
    server = subprocess.Popen([BIN, "--data-dir", data, "serve", "--port", str(PORT)], stdout=log, stderr=log)
    try:
        started = time.time()
        if not wait_for(n, started + 600):
            raise SystemExit(f"the server did not serve the {n} practices in time")
        figures["serving_s"] = time.time() - started
        if not wait_idle(server.pid, time.time() + 600):
            raise SystemExit("the server did not finish its start-up work in time")
        figures["ready_s"] = time.time() - started
        figures["rss_loaded_mb"] = rss_mb(server.pid)
        results = os.path.join(work, f"baselines-{n}.json")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "search_baselines.py"), "--jsonl", corpus,
                        "--queries", queries, "--engines", ENGINES, "--pg-url", PG, "--api",
                        f"http://127.0.0.1:{PORT}", "--passes", PASSES, "--out", results, "--wait-quiet", "1"],
                       check=True)
        with open(results) as f:
            figures["engines"] = json.load(f)
        figures["rss_after_mb"] = rss_mb(server.pid)
        figures["bare_cpu_quiet_wait"] = wait_cpu_quiet()
        bare, _ = run(BARE, "--index", index_dir, "--queries", queries, "--repeat", PASSES, "--facets", FACETS)
        figures["bare"] = json.loads(bare.strip().splitlines()[-1])
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return figures


def engine(figures, name):
    return figures["engines"].get("engines", {}).get(name, {}).get("query", {})


def report(all_figures):
    lines = ["# Good-practice search: Ateneu against SQLite FTS5 and PostgreSQL full-text search", "",
             "`python3 bench/search.py` (see bench/README.md). Times in milliseconds per search request,",
             "every facet counted; same corpus, same queries, same run.", "",
             "| practices | commit, date | API median | API p99 | bare median | bare p99 | API/bare (median) | SQLite FTS5 median / p99 | PostgreSQL median / p99 | PG/API median | PG/API p99 | index build | index size | RSS loaded / after |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for f in all_figures:
        api, sq, pg = engine(f, "api"), engine(f, "sqlite"), engine(f, "pg")
        bare = f["bare"]
        bare_median, bare_p99 = bare["median_us"] / 1000, bare["p99_us"] / 1000
        ratio = lambda a, b: f"{a / b:.1f}×" if a and b else "–"
        pair = lambda e: f"{e['median_ms']:.1f} / {e['p99_ms']:.1f}" if e.get("median_ms") else "not run"
        lines.append(
            f"| {f['n']:,} | {f.get('commit', '?')}, {f.get('date', '?')} | {api.get('median_ms', 0):.2f} | {api.get('p99_ms', 0):.2f} | {bare_median:.2f} | {bare_p99:.2f} | "
            f"{ratio(api.get('median_ms'), bare_median)} | {pair(sq)} | {pair(pg)} | {ratio(pg.get('median_ms'), api.get('median_ms'))} | "
            f"{ratio(pg.get('p99_ms'), api.get('p99_ms'))} | {f['reindex_s']:.1f} s | {f['index_mb']:.0f} MB | "
            f"{f['rss_loaded_mb']:.0f} / {f['rss_after_mb']:.0f} MB |")
    lines += ["", "Import of the JSON Lines file (`ateneu import practices`, SQLite): " +
              ", ".join(f"{f['n']:,} in {f['import_s']:.1f} s" +
                        (f" (peak memory {f['import_peak_mb']:.0f} MB)" if "import_peak_mb" in f else "")
                        for f in all_figures) + "."]
    peaks = [f for f in all_figures if "reindex_peak_mb" in f]
    if peaks:
        lines += ["", "Peak memory of the index build (`ateneu reindex`): " +
                  ", ".join(f"{f['n']:,}: {f['reindex_peak_mb']:.0f} MB" for f in peaks) + "."]
    started = [f for f in all_figures if "ready_s" in f]
    if started:
        lines += ["", "Server start (existing index) to answering for every practice / to the end of its "
                  "start-up work (the second of stillness the script waits for included): " +
                  ", ".join(f"{f['n']:,}: {f['serving_s']:.1f} s / {f['ready_s']:.1f} s" for f in started) + "."]
    return "\n".join(lines) + "\n"


def main():
    for path in (BIN, BARE):
        if not os.path.exists(path):
            raise SystemExit(f"{path} is missing: cargo build --release && cargo build --release -p ateneu-search --example bare_loop")
    work = tempfile.mkdtemp(prefix="ateneu-search-bench.")
    results_dir = os.path.join(ROOT, "bench", "results")
    all_figures = []
    try:
        for n in SIZES:
            figures = one_size(n, work)
            all_figures.append(figures)
            with open(os.path.join(results_dir, f"search-{n}.json"), "w") as f:
                json.dump(figures, f, indent=1)
            # The table holds every size measured, this run's and earlier runs' (each row names
            # its commit and date).
            every = []
            for name in os.listdir(results_dir):
                if name.startswith("search-") and name.endswith(".json") and name[7:-5].isdigit():
                    with open(os.path.join(results_dir, name)) as f:
                        every.append(json.load(f))
            every.sort(key=lambda f: f["n"])
            with open(os.path.join(results_dir, "search.md"), "w") as f:
                f.write(report(every))
            print(report(every))
    finally:
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
