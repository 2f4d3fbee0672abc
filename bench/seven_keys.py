#!/usr/bin/env python3
"""Seven Keys workshop benchmark: one Leading City's workshop with 200 participants, each with
their own link and no account, naming 5 challenges each (1,000, each related to SDGs and to the
city's cultural assets) from 200 concurrent clients, first all at once as fast as they can, then
paced as people who write (a random 1–4 s before each); every submission's time until it is
acknowledged (201), against GET /healthz sent the same way in the same run (the ratio); then
the facilitators' page and the API's view of the workshop with its 2,000 challenges, uncached. On SQLite and on PostgreSQL. Writes bench/results/seven-keys-<backend>.md.

    cargo build --release && python3 bench/seven_keys.py        # both backends
    BENCH_BACKENDS=sqlite python3 bench/seven_keys.py           # one backend

Environment: BENCH_PG (postgres://postgres@127.0.0.1:5432), BENCH_PARTICIPANTS (200),
BENCH_CHALLENGES_EACH (5), BENCH_REQUESTS (100: requests per page)."""
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import shutil
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import programmes as common  # noqa: E402  (request, sample, ateneu, percentile)

PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", "200"))
EACH = int(os.environ.get("BENCH_CHALLENGES_EACH", "5"))
common.REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
ASSETS = 20
# The pause before each paced request: a room of 200 typing at a pace no room keeps (about 80
# submissions a second on average; people take a minute or more to write a challenge).
PAUSE = (1, 4)


def call(method, path, body, token, expected=(200, 201, 204)):
    status, payload, _ = common.request(method, path, body, token=token)
    assert status in expected, (method, path, status, payload[:300])
    return json.loads(payload) if payload else None


def crowd(send, pause=None):
    """Runs `send(participant, n)` for every participant's n-th request, all participants at
    once (one client each), and returns every request's time. With `pause` (low, high), each
    participant first waits a random time between them, in seconds, before each request, as
    people do who write what they send."""
    times, lock = [], threading.Lock()
    start = threading.Barrier(PARTICIPANTS)

    def one(participant):
        start.wait()
        rng = random.Random(participant)
        mine = []
        for n in range(EACH):
            if pause:
                time.sleep(rng.uniform(*pause))
            mine.append(send(participant, n))
        with lock:
            times.extend(mine)

    with ThreadPoolExecutor(max_workers=PARTICIPANTS) as pool:
        list(pool.map(one, range(PARTICIPANTS)))
    return times


def run(backend):
    work = tempfile.mkdtemp(prefix="ateneu-seven-keys-")
    url = None
    if backend == "postgres":
        url = f"{common.PG}/ateneu_seven_keys_bench"
        subprocess.run(["psql", f"{common.PG}/postgres", "-qc", "drop database if exists ateneu_seven_keys_bench"], check=True)
        subprocess.run(["psql", f"{common.PG}/postgres", "-qc", "create database ateneu_seven_keys_bench"], check=True)
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
        programme = call("POST", "/api/v1/programmes", {"city": slug, "starts_on": "2026-01-01", "ends_on": "2027-12-31"}, token)["id"]
        activity = call("POST", f"/api/v1/programmes/{programme}/activities",
                        {"catalogue_key": "seven-keys", "starts_on": "2026-05-04", "ends_on": "2026-05-04"}, token)["id"]
        workshop = call("POST", f"/api/v1/programmes/{programme}/seven-keys",
                        {"title": "Seven Keys", "held_on": "2026-05-04", "lang": "en", "activity": activity}, token)["id"]
        assets = [call("POST", f"/api/v1/cities/{slug}/assets", {"kind": "place", "name": f"Place {n}"}, token)["id"]
                  for n in range(ASSETS)]
        links = call("POST", f"/api/v1/seven-keys/workshops/{workshop}/invitations", {"count": PARTICIPANTS}, token)["links"]
        tokens = [link["token"] for link in links]

        def healthz(participant, n):
            status, _, elapsed = common.request("GET", "/healthz")
            assert status == 200
            return elapsed

        def challenge(participant, n):
            rng = random.Random(participant * 100 + n)
            body = {"text": f"Challenge {n} of participant {participant}: the old town empties in the evening",
                    "sdgs": rng.sample(range(1, 18), rng.randint(1, 3)), "assets": rng.sample(assets, rng.randint(0, 2))}
            status, payload, elapsed = common.request("POST", f"/api/v1/seven-keys/join/{tokens[participant]}/challenges", body)
            assert status == 201, (status, payload[:200])
            return elapsed

        figures["baseline GET /healthz (same crowd)"] = crowd(healthz)
        figures["challenge submitted (201)"] = crowd(challenge)
        figures[f"baseline GET /healthz (paced {PAUSE[0]}–{PAUSE[1]} s)"] = crowd(healthz, PAUSE)
        figures[f"challenge submitted (201, paced {PAUSE[0]}–{PAUSE[1]} s)"] = crowd(lambda p, n: challenge(p, n + EACH), PAUSE)
        view = call("GET", f"/api/v1/seven-keys/workshops/{workshop}", None, token)
        assert len(view["challenges"]) == 2 * PARTICIPANTS * EACH, len(view["challenges"])
        for name, path in [("workshop.html (facilitators)", f"/en/seven-keys/workshops/{workshop}"),
                           ("workshop.json", f"/api/v1/seven-keys/workshops/{workshop}"),
                           ("join page (a participant's 5)", f"/en/seven-keys/join/{tokens[0]}")]:
            figures[name], pages[name] = common.sample(path, token)
        for name, times in figures.items():
            print(f"{backend} {name}: median {statistics.median(times) * 1000:.1f} ms, "
                  f"p99 {common.percentile(times, 99) * 1000:.1f} ms", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if backend == "postgres":
            subprocess.run(["psql", f"{common.PG}/postgres", "-qc", "drop database if exists ateneu_seven_keys_bench"], check=False)
    shutil.rmtree(work, ignore_errors=True)
    med, pct = statistics.median, common.percentile
    ms = lambda s: f"{s * 1000:.1f}"
    bases = {False: figures["baseline GET /healthz (same crowd)"],
             True: figures[f"baseline GET /healthz (paced {PAUSE[0]}–{PAUSE[1]} s)"]}
    lines = [f"# Seven Keys workshop benchmark — {backend}", "",
             f"One workshop, {PARTICIPANTS} participants each with their own link (no account), {EACH} challenges each "
             f"({PARTICIPANTS * EACH:,} in all, each with 1–3 SDGs and 0–2 of the city's {ASSETS} assets), sent by "
             f"{PARTICIPANTS} concurrent clients (one per participant) at once, as fast as they can, then again paced (a random "
             f"{PAUSE[0]}–{PAUSE[1]} s before each request); GET /healthz sent by the same crowd the same way is the baseline of each; then {common.REQUESTS} sequential uncached requests per page, "
             f"signed in; release build, `python3 bench/seven_keys.py`, {time.strftime('%Y-%m-%d')}.", "",
             "| what | requests | median / p99 | p99 / baseline p99 | goal |", "|---|---|---|---|---|"]
    for name, times in figures.items():
        goal = "p99 < 100 ms" if name.startswith("challenge") else "—"
        size = f" ({len(pages[name]):,} bytes)" if name in pages else ""
        base = bases["paced" in name]
        lines.append(f"| {name}{size} | {len(times):,} | {ms(med(times))} / {ms(pct(times, 99))} ms | "
                     f"{pct(times, 99) / pct(base, 99):.1f} | {goal} |")
    os.makedirs(os.path.join(common.ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(common.ROOT, "bench", "results", f"seven-keys-{backend}.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    if not os.path.exists(common.BIN):
        sys.exit("build first: cargo build --release")
    for backend in os.environ.get("BENCH_BACKENDS", "sqlite postgres").split():
        run(backend)
