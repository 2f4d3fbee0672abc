#!/usr/bin/env python3
"""Newsletter benchmark: one issue sent to 50,000 confirmed subscribers, against the same issue
sent to 5,000 in the same run (the baseline), into the outbox and through a local SMTP sink.
Writes bench/results/newsletter-<backend>.md.

    cargo build --release && python3 bench/newsletter.py         # both backends
    BENCH_BACKENDS=sqlite python3 bench/newsletter.py            # one backend

For each list size and way out (outbox only; an SMTP sink on 127.0.0.1 that this script runs),
a fresh instance imports the list (CSV through the API), composes an issue with one event, and
sends it (POST /api/v1/newsletter/issues/{id}/send). Measured: the time from the send to the
issue marked sent (the progress polled every 0.2 s), copies per second, and the server's peak
resident memory (VmHWM) before and after the sending: what the sending adds to the memory is
compared between 5,000 and 50,000 subscribers (the list is never held whole).
Checks: exactly one outbox file per subscriber, and (SMTP) exactly one message per address at
the sink. Environment: BENCH_PG (postgres://postgres@127.0.0.1:5432), BENCH_SIZES
(5000,50000), BENCH_WAYS (outbox,smtp)."""
import asyncio
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "ateneu")
PORT = 18091
SMTP_PORT = 18025
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "5000,50000").split(",")]
WAYS = os.environ.get("BENCH_WAYS", "outbox,smtp").split(",")


def request(method, path, body=None, token=None, raw=None, content_type="application/json"):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=300)
    headers = {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = raw
    if body is not None:
        data = json.dumps(body).encode()
    if data is not None:
        headers["Content-Type"] = content_type
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    conn.close()
    return response.status, payload


def ateneu(data_dir, url, *args):
    cmd = [BIN, "--data-dir", data_dir] + (["--database-url", url] if url else []) + list(args)
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def peak_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


class Sink:
    """A minimal SMTP server that accepts every message and counts them per recipient."""

    def __init__(self):
        self.recipients = {}
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    async def session(self, reader, writer):
        writer.write(b"220 sink ESMTP\r\n")
        rcpt = []
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                writer.write(b"250-sink\r\n250 8BITMIME\r\n")
            elif verb == b"MAIL":
                rcpt = []
                writer.write(b"250 ok\r\n")
            elif verb == b"RCPT":
                rcpt.append(line.split(b"<", 1)[1].split(b">", 1)[0].decode())
                writer.write(b"250 ok\r\n")
            elif verb == b"DATA":
                writer.write(b"354 go\r\n")
                await writer.drain()
                while (await reader.readline()) not in (b".\r\n", b""):
                    pass
                for r in rcpt:
                    self.recipients[r] = self.recipients.get(r, 0) + 1
                writer.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                break
            else:
                writer.write(b"250 ok\r\n")
            await writer.drain()
        writer.close()

    def start(self):
        self.thread.start()
        asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self.session, "127.0.0.1", SMTP_PORT, backlog=512), self.loop
        ).result()


def start_server(cmd, work):
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "server.log"), "a"))
    for _ in range(300):
        try:
            if request("GET", "/healthz")[0] == 200:
                return server
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def run(backend, n, way, sink):
    work = tempfile.mkdtemp(prefix="ateneu-newsletter-")
    url = None
    if backend == "postgres":
        url = f"{PG}/ateneu_newsletter_bench"
        subprocess.run(["psql", f"{PG}/postgres", "-qc", "drop database if exists ateneu_newsletter_bench"], check=True)
        subprocess.run(["psql", f"{PG}/postgres", "-qc", "create database ateneu_newsletter_bench"], check=True)
    ateneu(work, url, "migrate")
    ateneu(work, url, "user", "add", "--admin", "bench@example.org")
    token = ateneu(work, url, "token", "create", "--user", "bench@example.org").strip()
    cmd = [BIN, "--data-dir", work, "--port", str(PORT)] + (["--database-url", url] if url else [])
    if way == "smtp":
        cmd += ["--smtp-url", f"smtp://127.0.0.1:{SMTP_PORT}?tls=none", "--mail-from", "Bench <bench@example.org>"]
        sink.recipients.clear()
    server = start_server(cmd, work)
    try:
        langs = ["en", "fr", "es"]
        csv = "email,lang,interests,consent\n" + "".join(
            f"reader{i}@example.org,{langs[i % 3]},,bench list\n" for i in range(n)
        )
        status, body = request("POST", "/api/v1/newsletter/subscribers/import", raw=csv.encode(), token=token, content_type="text/csv")
        assert status == 200, (status, body[:300])
        status, body = request("POST", "/api/v1/events", {"title_en": "World Council", "title_es": "Consejo Mundial", "kind": "world_council", "place": "Barcelona", "starts_on": "2099-05-01", "ends_on": "2099-05-03"}, token)
        assert status == 201, (status, body[:300])
        event = json.loads(body)["id"]
        status, body = request("POST", "/api/v1/newsletter/issues", {"title_en": "Issue", "title_es": "Número", "editorial_en": "Hello, cities.\n\nA second paragraph.", "items": [f"event:{event}"]}, token)
        assert status == 201, (status, body[:300])
        issue = json.loads(body)["id"]
        # A fresh server for the sending: its peak memory is then the sending's, not the import's.
        server.terminate()
        server.wait(timeout=30)
        server = start_server(cmd, work)
        before = peak_kb(server.pid)
        start = time.perf_counter()
        status, body = request("POST", f"/api/v1/newsletter/issues/{issue}/send", token=token)
        assert status == 202, (status, body[:300])
        while True:
            status, body = request("GET", f"/api/v1/newsletter/issues/{issue}", token=token)
            view = json.loads(body)
            if view["status"] == "sent":
                break
            time.sleep(0.2)
        elapsed = time.perf_counter() - start
        after = peak_kb(server.pid)
        folder = os.path.join(work, "outbox", "newsletter", f"issue-{issue}")
        files = len([f for f in os.listdir(folder) if f.endswith(".eml")])
        assert files == n, (files, n)
        if way == "smtp":
            assert len(sink.recipients) == n and max(sink.recipients.values()) == 1, (len(sink.recipients), n)
        return {"n": n, "way": way, "seconds": elapsed, "per_second": n / elapsed, "peak_before_mb": before / 1024, "peak_after_mb": after / 1024, "progress": view["progress"]}
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
        if backend == "postgres":
            subprocess.run(["psql", f"{PG}/postgres", "-qc", "drop database if exists ateneu_newsletter_bench"], check=False)


def main():
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release")
    sink = Sink()
    sink.start()
    backends = os.environ.get("BENCH_BACKENDS", "sqlite,postgres").split(",")
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    for backend in backends:
        rows = []
        for way in WAYS:
            for n in SIZES:
                result = run(backend, n, way, sink)
                print(backend, json.dumps(result), flush=True)
                rows.append(result)
        lines = [
            f"# Newsletter sending, {backend}",
            "",
            "| way | subscribers | seconds | copies/s | peak RSS before (MB) | peak RSS after (MB) | added by the sending (MB) | progress |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for r in rows:
            lines.append(
                f"| {r['way']} | {r['n']:,} | {r['seconds']:.1f} | {r['per_second']:.0f} | {r['peak_before_mb']:.1f} | {r['peak_after_mb']:.1f} | {r['peak_after_mb'] - r['peak_before_mb']:.1f} | {json.dumps(r['progress'])} |"
            )
        with open(os.path.join(ROOT, "bench", "results", f"newsletter-{backend}.md"), "w") as f:
            f.write("\n".join(lines) + "\n")
        print("\n".join(lines))


if __name__ == "__main__":
    main()
