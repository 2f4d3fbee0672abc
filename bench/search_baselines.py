#!/usr/bin/env python3
"""Search baselines for the good-practice database: the work of one search request, done by
SQLite FTS5 and by PostgreSQL full-text search (and, optionally, timed through Ateneu's API).

    python3 bench/search_baselines.py --jsonl practices.jsonl --queries queries.jsonl \\
        [--engines sqlite,pg] [--pg-url postgres://postgres@127.0.0.1:5432/ateneu_search_bench] \\
        [--api http://127.0.0.1:PORT] [--passes 3] [--out results.json]

For each database engine: load the corpus into a fresh database (timed; size reported), then
run every query once to warm up and `--passes` times measured, one after the other, timing
each; report median, p99 and mean (milliseconds) over all measured runs, and the median per
part of the query mix. For one query, "the same work as the platform's search API" is:

1. the matching practices: every word of `q` must match, in any of the three languages, with
   each language's stemming where the engine has it; filters restrict them (values of one
   kind OR-ed, kinds AND-ed) through a facets table `(practice_id, kind, value)`;
2. the total number of matches;
3. the 20 hits of the page (`OFFSET 20 * (page - 1)`), by relevance (FTS5 `bm25`, PostgreSQL
   `ts_rank`; titles weigh more than bodies) or by start date ("newest"; also the order of a
   query without words);
4. counts per value of every facet kind (sdg, field, keyword, region, country, city,
   creative_field, year, language, status) over the whole matching set;
5. the titles of the page's hits in the query's language, else in the practice's source
   language.
In PostgreSQL all of it is one SQL statement (a materialised CTE of the matches, then the count,
the facet counts and the page with its titles, UNION ALL): one round trip, the planner chooses
the joins. In SQLite (in-process, no round trips) it is one read transaction: the matches into
an in-memory temporary table, its count, the facet counts (the join order chosen by the size
of the matching set, see SQLiteEngine.LARGE), the page with its titles.

SQLite: the `sqlite3` module (FTS5 is checked in `PRAGMA compile_options`); one FTS5 table with
a title and a body column per language, `tokenize = 'porter unicode61 remove_diacritics 2'`
(Porter is English-only; on French and Spanish it only strips some endings); WAL,
synchronous=NORMAL, 64 MiB page cache; the database is a file in a fresh directory under /tmp.
PostgreSQL: `psycopg` 3 (`pip install "psycopg[binary]"`); a fresh database (dropped and
created, dropped again at the end); text search configurations `ateneu_en/fr/es` = the
`english/french/spanish` Snowball stemmers behind `unaccent` (when the extension is available);
a stored generated tsvector (titles weight A, bodies B, three languages concatenated) with a GIN
index; per word, `websearch_to_tsquery` in each language OR-ed, the words AND-ed; `ts_rank`.
The corpus is loaded with COPY; indexes are built after the load, then ANALYZE.

`--api http://127.0.0.1:PORT` adds the engine "api": `GET /api/v1/practices/search?q=&lang=
&sort=&page=&sdg=11&sdg=4&country=ES…` (a repeated parameter per filter value) over one
keep-alive connection, same passes; every answer must be 200 with `total`, `hits` and `facets`.
The corpus must already be loaded in that server.

The totals of every engine are compared with the first engine's (stemmers differ, so some
differences are expected; the report counts them).

Only 127.0.0.1 is contacted; every query has a time limit (`--timeout`, 60 s); temporary data
is under /tmp and removed at the end (`--keep` keeps the SQLite file). Before loading and before
the queries, the script waits (bounded by `--wait-quiet`, 15 minutes) for the machine to be
free of CI runs and cargo/rustc processes; the report says when it was not.
"""
import argparse
import http.client
import json
import os
import platform
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_practices as gp  # noqa: E402

LANGS = ("en", "fr", "es")
BODY_FIELDS = ("summary", "context", "objectives", "implementation", "results", "lessons")
FACET_KINDS = ("sdg", "field", "keyword", "region", "country", "city", "creative_field", "year",
               "language", "status")
PAGE_SIZE = 20
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------

class Corpus:
    """Streams practices.jsonl as rows: (practice row, facet rows)."""

    def __init__(self, path):
        self.path = path
        self.unknown_countries = set()

    def rows(self):
        with open(self.path, encoding="utf-8") as f:
            for pid, line in enumerate(f, 1):
                p = json.loads(line)
                text = p["text"]
                row = [pid, p["external_id"], p["source_lang"], p["start_date"], p["status"]]
                row += [text[l]["title"] if l in text else None for l in LANGS]
                row += [" ".join(text[l][k] for k in BODY_FIELDS if text[l].get(k)) if l in text else None
                        for l in LANGS]
                facets = set()
                for n in p.get("sdgs", []):
                    facets.add(("sdg", str(n)))
                for k in p.get("fields", []):
                    facets.add(("field", k))
                for k in p.get("keywords", []):
                    facets.add(("keyword", k))
                for c in p.get("cities", []):
                    facets.add(("city", gp.slugify(c["name"])))
                    facets.add(("country", c["country"]))
                    region = gp.COUNTRY_REGION.get(c["country"])
                    if region:
                        facets.add(("region", region))
                    else:
                        self.unknown_countries.add(c["country"])
                if p.get("creative_field"):
                    facets.add(("creative_field", p["creative_field"]))
                facets.add(("year", p["start_date"][:4]))
                for l in text:
                    facets.add(("language", l))
                facets.add(("status", p["status"]))
                yield row, [(pid, k, v) for k, v in sorted(facets)]


def load_queries(path):
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            q = json.loads(line)
            assert q["lang"] in LANGS, q
            assert q.get("sort", "relevance") in ("relevance", "newest"), q
            for kind, _ in q.get("filters", []):
                assert kind in FACET_KINDS, kind
            queries.append(q)
    return queries


def words_of(q):
    return WORD.findall(q.lower())


def grouped_filters(filters):
    by_kind = {}
    for kind, value in filters:
        by_kind.setdefault(kind, [])
        if value not in by_kind[kind]:
            by_kind[kind].append(value)
    return by_kind


def title_sql(lang, alias="p"):
    fallback = (f"CASE {alias}.source_lang WHEN 'en' THEN {alias}.title_en WHEN 'fr' THEN {alias}.title_fr "
                f"ELSE {alias}.title_es END")
    return f"COALESCE({alias}.title_{lang}, {fallback})"


class Result:
    __slots__ = ("total", "facets", "hits")

    def __init__(self, total, facets, hits):
        self.total, self.facets, self.hits = total, facets, hits


def split_rows(rows, relevance, higher_is_better):
    """The one statement's rows: (part, a, b, number, date) -> total, facets, ordered hits."""
    total, facets, hits = 0, {}, []
    for part, a, b, number, date in rows:
        if part == 0:
            total = int(number)
        elif part == 1:
            facets.setdefault(a, {})[b] = int(number)
        else:
            hits.append((int(a), b, number, str(date)))
    if relevance:
        hits.sort(key=lambda h: (-h[2] if higher_is_better else h[2], h[0]))
    else:
        hits.sort(key=lambda h: (h[3], h[0]), reverse=True)
    return Result(total, facets, [(h[0], h[1]) for h in hits])


# ---------------------------------------------------------------------------
# SQLite FTS5
# ---------------------------------------------------------------------------

class SQLiteEngine:
    name = "sqlite"
    TOKENIZE = "porter unicode61 remove_diacritics 2"

    def __init__(self, args):
        options = [r[0] for r in sqlite3.connect(":memory:").execute("PRAGMA compile_options")]
        if "ENABLE_FTS5" not in options:
            sys.exit("this Python's SQLite has no FTS5 (PRAGMA compile_options); "
                     "pip install pysqlite3-binary and run with it")
        self.dir = tempfile.mkdtemp(prefix="ateneu-search-bench-", dir="/tmp")
        self.path = os.path.join(self.dir, "search.db")
        self.keep = args.keep
        self.timeout = args.timeout
        self.version = sqlite3.sqlite_version
        self.db = None
        self.deadline = None

    def setup(self, corpus):
        db = sqlite3.connect(self.path, isolation_level=None)
        db.executescript(f"""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -65536;
            PRAGMA temp_store = MEMORY;
            CREATE TABLE practices (
                id INTEGER PRIMARY KEY, external_id TEXT NOT NULL, source_lang TEXT NOT NULL,
                start_date TEXT NOT NULL, status TEXT NOT NULL,
                title_en TEXT, title_fr TEXT, title_es TEXT);
            CREATE VIRTUAL TABLE practice_text USING fts5(
                title_en, body_en, title_fr, body_fr, title_es, body_es,
                tokenize = '{self.TOKENIZE}');
            CREATE TABLE facets (
                practice_id INTEGER NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL,
                PRIMARY KEY (practice_id, kind, value)) WITHOUT ROWID;
        """)
        t0 = time.perf_counter()
        n = 0
        db.execute("BEGIN")
        batch_p, batch_t, batch_f = [], [], []

        def flush():
            db.executemany("INSERT INTO practices VALUES (?,?,?,?,?,?,?,?)", batch_p)
            db.executemany("INSERT INTO practice_text (rowid, title_en, body_en, title_fr, body_fr, title_es, body_es)"
                           " VALUES (?,?,?,?,?,?,?)", batch_t)
            db.executemany("INSERT INTO facets VALUES (?,?,?)", batch_f)
            batch_p.clear()
            batch_t.clear()
            batch_f.clear()

        for row, facets in corpus.rows():
            batch_p.append(row[:8])
            batch_t.append((row[0], row[5], row[8], row[6], row[9], row[7], row[10]))
            batch_f.extend(facets)
            n += 1
            if len(batch_p) == 1000:
                flush()
        flush()
        db.execute("COMMIT")
        load_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        db.executescript("""
            CREATE INDEX facets_kind_value ON facets (kind, value, practice_id);
            CREATE INDEX practices_start ON practices (start_date, id);
            INSERT INTO practice_text (practice_text) VALUES ('optimize');
            ANALYZE;
        """)
        index_s = time.perf_counter() - t1
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = os.path.getsize(self.path) + (os.path.getsize(self.path + "-wal")
                                             if os.path.exists(self.path + "-wal") else 0)
        db.execute("CREATE TEMP TABLE m (id INTEGER PRIMARY KEY, score REAL NOT NULL)")
        db.set_progress_handler(self._progress, 20000)
        self.practices = n
        self.db = db
        return {"practices": n, "load_s": load_s, "index_s": index_s, "size_bytes": size,
                "notes": f"SQLite {self.version}, FTS5 tokenize='{self.TOKENIZE}'; load = INSERTs in one "
                         "transaction (FTS index built as it goes); index = facet/date indexes + FTS5 "
                         "'optimize' + ANALYZE; size = database file + WAL after checkpoint"}

    def _progress(self):
        return 1 if self.deadline is not None and time.perf_counter() > self.deadline else 0

    @staticmethod
    def match_expr(words):
        # each word a quoted FTS5 string (a hyphenated word becomes a phrase); implicit AND
        return " ".join('"' + w.replace('"', '""') + '"' for w in words)

    # The facet counts join the matches with the facets table. For a large matching set, scanning
    # the facets in (kind, value) order and probing the matches is ~4 times faster (no sort for
    # the GROUP BY); for a small one, probing the facets of each match is (a rare word at 100,000
    # practices: 90 ms -> a few ms). The crossover measured at 10,000 practices is about a
    # quarter of the corpus.
    LARGE = 0.25

    def statements(self, q):
        """The matching set as an INSERT into temp.m, then the facet and page queries."""
        words = words_of(q.get("q", ""))
        relevance = q.get("sort", "relevance") == "relevance" and bool(words)
        params = []
        conds = []
        for kind, values in grouped_filters(q.get("filters", [])).items():
            conds.append(f"{{id}} IN (SELECT practice_id FROM facets WHERE kind = ? AND value IN "
                         f"({', '.join('?' * len(values))}))")
            params += [kind] + values
        if words:
            # The FTS5 scan is materialised first and filtered after: with `rowid IN (…)` in the
            # same query (SQLite flattens a plain subquery into it), bm25() got ~100 times slower
            # (6.2 s instead of 60 ms for "cultural" with a broad filter, 10,000 practices).
            score = "bm25(practice_text, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0)" if relevance else "0.0"
            fts_scan = f"SELECT rowid AS id, {score} AS score FROM practice_text WHERE practice_text MATCH ?"
            if conds:
                where = " AND ".join(c.format(id="t.id") for c in conds)
                matches = f"WITH t AS MATERIALIZED ({fts_scan}) SELECT t.id, t.score FROM t WHERE {where}"
            else:
                matches = fts_scan
            params = [self.match_expr(words)] + params
        else:
            where = " AND ".join(c.format(id="id") for c in conds) or "1"
            matches = f"SELECT id, 0.0 AS score FROM practices WHERE {where}"
        order = "m.score, m.id" if relevance else "p.start_date DESC, p.id DESC"
        offset = PAGE_SIZE * (max(1, int(q.get("page", 1))) - 1)
        insert = f"INSERT INTO temp.m (id, score) {matches}"
        facets_large = ("SELECT f.kind, f.value, count(*) FROM facets f CROSS JOIN temp.m m "
                        "ON m.id = f.practice_id GROUP BY f.kind, f.value")
        facets_small = ("SELECT f.kind, f.value, count(*) FROM temp.m m CROSS JOIN facets f "
                        "ON f.practice_id = m.id GROUP BY f.kind, f.value")
        # The page: the matches first (SQLite has no statistics on temp.m and otherwise scanned all
        # practices: 17 ms for a rare word at 100,000), except for a large set by date, where the
        # date index walked backwards stops after the page.
        columns = f"m.id, {title_sql(q['lang'])}, m.score, p.start_date"
        tail = f"ORDER BY {order} LIMIT {PAGE_SIZE} OFFSET {offset}"
        page_small = f"SELECT {columns} FROM temp.m m CROSS JOIN practices p ON p.id = m.id {tail}"
        page_large = page_small if relevance else \
            f"SELECT {columns} FROM practices p CROSS JOIN temp.m m ON m.id = p.id {tail}"
        return insert, params, (facets_large, page_large), (facets_small, page_small), relevance

    def search(self, q):
        insert, params, large, small, relevance = self.statements(q)
        db = self.db
        self.deadline = time.perf_counter() + self.timeout
        try:
            db.execute("BEGIN")
            db.execute(insert, params)
            total = db.execute("SELECT count(*) FROM temp.m").fetchone()[0]
            facet_sql, page = large if total > self.LARGE * self.practices else small
            rows = [(0, None, None, total, None)]
            rows += [(1, k, v, n, None) for k, v, n in db.execute(facet_sql)]
            rows += [(2, i, t, score, date) for i, t, score, date in db.execute(page)]
            db.execute("DELETE FROM temp.m")  # emptied by the query that filled it (timed with it)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            db.execute("DELETE FROM temp.m")
            raise
        finally:
            self.deadline = None
        return split_rows(rows, relevance, higher_is_better=False)

    def close(self):
        if self.db is None and not os.path.isdir(self.dir):
            return
        if self.db is not None:
            self.db.close()
            self.db = None
        if not self.keep:
            shutil.rmtree(self.dir, ignore_errors=True)
        else:
            log(f"kept {self.path}")
            self.dir = ""


# ---------------------------------------------------------------------------
# PostgreSQL full-text search
# ---------------------------------------------------------------------------

class PostgresEngine:
    name = "pg"

    def __init__(self, args):
        try:
            import psycopg
        except ImportError:
            sys.exit('PostgreSQL engine: psycopg 3 is needed (pip install "psycopg[binary]")')
        self.psycopg = psycopg
        from psycopg.conninfo import conninfo_to_dict, make_conninfo
        info = conninfo_to_dict(args.pg_url)
        check_local(info.get("host", "127.0.0.1"), "--pg-url")
        self.dbname = info.get("dbname") or "ateneu_search_bench"
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", self.dbname):
            sys.exit(f"--pg-url: database name {self.dbname!r} must be a plain lower-case identifier")
        if self.dbname in ("postgres", "template0", "template1"):
            sys.exit("--pg-url: name a database of its own: it is dropped and created")
        self.url = make_conninfo(args.pg_url, dbname=self.dbname)
        self.admin_url = make_conninfo(args.pg_url, dbname="postgres")
        self.timeout = args.timeout
        self.db = None
        self.created = False
        self.version = None

    def admin(self, sql):
        with self.psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10) as c:
            c.execute(sql)

    def setup(self, corpus):
        self.admin(f"DROP DATABASE IF EXISTS {self.dbname}")
        self.admin(f"CREATE DATABASE {self.dbname}")
        self.created = True
        db = self.psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        self.db = db
        self.version = db.execute("SHOW server_version").fetchone()[0]
        db.execute("SET maintenance_work_mem = '512MB'")
        available = db.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'").fetchone()
        self.unaccent = bool(available)
        if self.unaccent:
            db.execute("CREATE EXTENSION unaccent")
        for lang, cfg in (("en", "english"), ("fr", "french"), ("es", "spanish")):
            db.execute(f"CREATE TEXT SEARCH CONFIGURATION ateneu_{lang} (COPY = {cfg})")
            if self.unaccent:
                db.execute(f"ALTER TEXT SEARCH CONFIGURATION ateneu_{lang} "
                           f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {cfg}_stem")
        doc = " || ".join(
            f"setweight(to_tsvector('ateneu_{l}', coalesce(title_{l}, '')), 'A') || "
            f"setweight(to_tsvector('ateneu_{l}', coalesce(body_{l}, '')), 'B')" for l in LANGS)
        db.execute(f"""
            CREATE TABLE practices (
                id integer PRIMARY KEY, external_id text NOT NULL, source_lang text NOT NULL,
                start_date date NOT NULL, status text NOT NULL,
                title_en text, title_fr text, title_es text, body_en text, body_fr text, body_es text,
                doc tsvector GENERATED ALWAYS AS ({doc}) STORED)""")
        db.execute("""CREATE TABLE facets (practice_id integer NOT NULL, kind text NOT NULL,
                      value text NOT NULL)""")
        t0 = time.perf_counter()
        n = 0
        cols = ("id, external_id, source_lang, start_date, status, title_en, title_fr, title_es, "
                "body_en, body_fr, body_es")
        with db.cursor() as cur:
            facet_rows = []
            with cur.copy(f"COPY practices ({cols}) FROM STDIN") as copy:
                for row, facets in corpus.rows():
                    copy.write_row(row)
                    facet_rows.extend(facets)
                    n += 1
            with cur.copy("COPY facets (practice_id, kind, value) FROM STDIN") as copy:
                for f in facet_rows:
                    copy.write_row(f)
            del facet_rows
        load_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        db.execute("CREATE INDEX practices_doc ON practices USING gin (doc)")
        db.execute("CREATE INDEX practices_start ON practices (start_date, id)")
        db.execute("ALTER TABLE facets ADD PRIMARY KEY (practice_id, kind, value)")
        db.execute("CREATE INDEX facets_kind_value ON facets (kind, value, practice_id)")
        db.execute("VACUUM ANALYZE")
        index_s = time.perf_counter() - t1
        relations = db.execute("""SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
                                  JOIN pg_namespace n ON n.oid = c.relnamespace
                                  WHERE n.nspname = 'public' AND c.relkind = 'r'""").fetchone()[0]
        dbsize = db.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        db.execute(f"SET statement_timeout = '{int(self.timeout * 1000)}ms'")
        jit = db.execute("SHOW jit").fetchone()[0]
        return {"practices": n, "load_s": load_s, "index_s": index_s, "size_bytes": int(relations),
                "database_bytes": int(dbsize),
                "notes": f"PostgreSQL {self.version}; unaccent {'on' if self.unaccent else 'NOT AVAILABLE'}; "
                         f"jit {jit}; load = COPY (tsvector computed as a stored generated column); "
                         "index = GIN + B-trees + VACUUM ANALYZE; size = tables + indexes + TOAST "
                         "(database_bytes: pg_database_size, catalogs included)"}

    def statement(self, q):
        words = words_of(q.get("q", ""))
        relevance = q.get("sort", "relevance") == "relevance" and bool(words)
        params = []
        conds = []
        for kind, values in grouped_filters(q.get("filters", [])).items():
            conds.append("p.id IN (SELECT practice_id FROM facets WHERE kind = %s AND value = ANY(%s))")
            params += [kind, values]
        if words:
            per_word = " && ".join(
                "(" + " || ".join(f"websearch_to_tsquery('ateneu_{l}', %s)" for l in LANGS) + ")"
                for _ in words)
            qparams = [w for w in words for _ in LANGS]
            score = "ts_rank(p.doc, q.q)" if relevance else "0.0::real"
            where = " AND ".join(["p.doc @@ q.q"] + conds)
            matches = (f"SELECT p.id, {score} AS score, p.start_date FROM practices p, "
                       f"(SELECT {per_word} AS q) q WHERE {where}")
            params = qparams + params
        else:
            where = " AND ".join(conds) or "true"
            matches = f"SELECT p.id, 0.0::real AS score, p.start_date FROM practices p WHERE {where}"
        order = "score DESC, id" if relevance else "start_date DESC, id DESC"
        offset = PAGE_SIZE * (max(1, int(q.get("page", 1))) - 1)
        sql = f"""
            WITH m AS MATERIALIZED ({matches}),
            page AS MATERIALIZED (SELECT id, score, start_date FROM m ORDER BY {order}
                                  LIMIT {PAGE_SIZE} OFFSET {offset})
            SELECT 0, NULL::text, NULL::text, count(*)::float8, NULL::date FROM m
            UNION ALL
            SELECT 1, f.kind, f.value, count(*)::float8, NULL::date FROM m JOIN facets f ON f.practice_id = m.id
            GROUP BY f.kind, f.value
            UNION ALL
            SELECT 2, page.id::text, {title_sql(q['lang'])}, page.score::float8, page.start_date
            FROM page JOIN practices p ON p.id = page.id"""
        return sql, params, relevance

    def search(self, q):
        sql, params, relevance = self.statement(q)
        rows = self.db.execute(sql, params, prepare=False).fetchall()
        return split_rows(rows, relevance, higher_is_better=True)

    def close(self):
        if self.db is not None:
            self.db.close()
            self.db = None
        if self.created:
            try:
                self.admin(f"DROP DATABASE IF EXISTS {self.dbname} WITH (FORCE)")
                self.created = False
            except Exception as e:  # noqa: BLE001 - report, never leave silently
                log(f"could not drop database {self.dbname}: {e}")


# ---------------------------------------------------------------------------
# Ateneu's API
# ---------------------------------------------------------------------------

class ApiEngine:
    name = "api"
    PATH = "/api/v1/practices/search"

    def __init__(self, args):
        url = urllib.parse.urlsplit(args.api)
        if url.scheme != "http" or not url.hostname:
            sys.exit("--api: give http://127.0.0.1:PORT")
        check_local(url.hostname, "--api")
        self.host, self.port = url.hostname, url.port or 80
        self.timeout = args.timeout
        self.conn = None
        self.raw = None
        self.version = None

    def connect(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        self.conn.connect()
        self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def setup(self, corpus):
        self.connect()
        return {"practices": None, "load_s": None, "index_s": None, "size_bytes": None,
                "notes": f"GET {self.PATH} on {self.host}:{self.port}, one keep-alive connection; "
                         "the corpus is the server's"}

    @classmethod
    def path(cls, q):
        params = [("q", q.get("q", "")), ("lang", q["lang"]), ("sort", q.get("sort", "relevance")),
                  ("page", str(q.get("page", 1)))]
        params += [(kind, value) for kind, value in q.get("filters", [])]
        return cls.PATH + "?" + urllib.parse.urlencode(params)

    def fetch(self, q):
        """The timed part: the request and every byte of the answer, over a keep-alive socket of
        its own with the least client work (http.client spends ~0.2 ms per request parsing
        headers, more than the server takes for many searches). The client's JSON decoding is
        left out, as a database driver's row decoding is not what the others time either."""
        request = (f"GET {self.path(q)} HTTP/1.1\r\nHost: {self.host}\r\n"
                   "Accept: application/json\r\n\r\n").encode()
        for attempt in (1, 2):
            try:
                if self.raw is None:
                    self.raw = socket.create_connection((self.host, self.port), timeout=self.timeout)
                    self.raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.raw.sendall(request)
                return self.read_raw()
            except (OSError, RuntimeError):
                if self.raw is not None:
                    self.raw.close()
                self.raw = None
                if attempt == 2:
                    raise

    def read_raw(self):
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.raw.recv(65536)
            if not chunk:
                raise RuntimeError("connection closed")
            data += chunk
        head, body = data.split(b"\r\n\r\n", 1)
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        length = None
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise RuntimeError("an answer without Content-Length")
        while len(body) < length:
            chunk = self.raw.recv(65536)
            if not chunk:
                raise RuntimeError("connection closed")
            body += chunk
        if status != 200:
            raise RuntimeError(f"HTTP {status}: {body[:200]!r}")
        return body

    def search(self, q):
        path = self.path(q)
        for attempt in (1, 2):
            try:
                self.conn.request("GET", path, headers={"Accept": "application/json"})
                response = self.conn.getresponse()
                body = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                if attempt == 2:
                    raise
                self.connect()  # the server closed the keep-alive connection: once more
        if response.status != 200:
            raise RuntimeError(f"{path}: HTTP {response.status}: {body[:200]!r}")
        data = json.loads(body)
        for key in ("total", "hits", "facets"):
            if key not in data:
                raise RuntimeError(f"{path}: no {key!r} in the answer")
        hits = [(h.get("id") or h.get("external_id") or h.get("slug"), h.get("title"))
                for h in data["hits"] if isinstance(h, dict)]
        return Result(int(data["total"]), data["facets"], hits)

    def close(self):
        if self.conn is not None:
            self.conn.close()
        if self.raw is not None:
            self.raw.close()


def check_local(host, what):
    if host not in LOCAL_HOSTS:
        sys.exit(f"{what}: only 127.0.0.1 may be contacted (got {host!r})")


# ---------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------

BUSY_NAMES = {"cargo", "rustc", "clippy-driver"}


def other_work():
    """What else is using the CPU now: a CI run (.ci/run) or a Rust build, as registry.sh checks."""
    seen = set()
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/comm") as f:
                comm = f.read().strip()
            if comm in BUSY_NAMES:
                seen.add("a cargo/rustc process")
                continue
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if b".ci/run" in f.read():
                    seen.add("a CI run (.ci/run)")
        except OSError:
            continue
    return sorted(seen)


def wait_quiet(minutes):
    """Waits (bounded) until no CI run or Rust build has been seen for 20 s."""
    deadline = time.monotonic() + minutes * 60
    quiet_since = None
    while time.monotonic() < deadline:
        if other_work():
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= 20:
            return True
        time.sleep(2)
    return False

def cpu_busy(seconds=1.0):
    """The share of the machine's CPU time (all cores) spent on anything over `seconds`, from
    /proc/stat: disk writeback and other processes included."""
    def sample():
        with open("/proc/stat") as f:
            values = [int(v) for v in f.readline().split()[1:]]
        idle = values[3] + values[4]  # idle + iowait
        return sum(values), idle
    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    return 1 - (idle1 - idle0) / max(total1 - total0, 1)


def wait_cpu_quiet(limit_s=120, below=0.05):
    """Waits (bounded) until the machine's CPU is at most `below` busy over a second, so that
    sub-millisecond timings do not share the cores with a previous step's leftovers (a
    database being dropped, files being written back). Returns (seconds waited, last share)."""
    started = time.monotonic()
    busy = cpu_busy()
    while busy > below and time.monotonic() - started < limit_s:
        busy = cpu_busy()
    return round(time.monotonic() - started, 1), round(busy, 3)


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return None
    k = (len(ordered) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def stats(times):
    if not times:
        return {"n": 0}
    return {"n": len(times), "median_ms": statistics.median(times) * 1000,
            "p99_ms": percentile(times, 99) * 1000, "mean_ms": statistics.fmean(times) * 1000,
            "max_ms": max(times) * 1000}


def measure(engine, queries, passes):
    """A warm-up pass, then `passes` measured passes; times per query run."""
    totals, errors, slowest, busy = [None] * len(queries), [], [], set()
    for i, q in enumerate(queries):
        try:
            totals[i] = engine.search(q).total
        except Exception as e:  # noqa: BLE001 - one failed query is reported, not fatal
            errors.append({"query": i, "error": f"{type(e).__name__}: {e}"[:300]})
            if isinstance(engine, ApiEngine):
                engine.connect()
    failed = {e["query"] for e in errors}
    times, by_mix = [], {}
    per_query = [[] for _ in queries]
    timed = getattr(engine, "fetch", engine.search)
    for n in range(passes):
        # Looked for between passes only: reading every process's /proc entries between two
        # timed queries slowed the next ones (by 0.3 ms at the median of the API's 1.2 ms).
        busy.update(other_work())
        t_pass = time.perf_counter()
        for i, q in enumerate(queries):
            if i in failed:
                continue
            t0 = time.perf_counter()
            try:
                timed(q)
            except Exception as e:  # noqa: BLE001
                failed.add(i)
                errors.append({"query": i, "error": f"{type(e).__name__}: {e}"[:300]})
                continue
            dt = time.perf_counter() - t0
            times.append(dt)
            per_query[i].append(dt)
            by_mix.setdefault(q.get("mix", "-"), []).append(dt)
        log(f"  {engine.name}: pass {n + 1}/{passes} in {time.perf_counter() - t_pass:.1f} s")
    busy.update(other_work())
    for i, ts in enumerate(per_query):
        if ts:
            slowest.append((statistics.median(ts), i))
    slowest.sort(reverse=True)
    out = stats(times)
    out["by_mix"] = {m: stats(ts) for m, ts in sorted(by_mix.items())}
    out["slowest"] = [{"query": i, "median_ms": t * 1000, "q": queries[i].get("q"),
                       "filters": queries[i].get("filters"), "sort": queries[i].get("sort"),
                       "total": totals[i]} for t, i in slowest[:5]]
    out["errors"] = errors
    out["other_work"] = sorted(busy)
    return out, totals


def fmt_ms(v):
    return "–" if v is None else (f"{v:.1f}" if v < 100 else f"{v:.0f}")


def fmt_s(v):
    return "–" if v is None else f"{v:.1f} s"


def fmt_size(b):
    return "–" if b is None else f"{b / 1048576:.0f} MiB"


def markdown(result):
    lines = []
    meta = result["meta"]
    practices = meta["practices"] if meta["practices"] is not None else "? (the API server's)"
    lines.append(f"Corpus `{meta['corpus']}` ({practices} practices, {fmt_size(meta['corpus_bytes'])} "
                 f"of JSON Lines); {meta['queries']} queries, 1 warm-up + {meta['passes']} measured passes, "
                 "sequential; times in ms per query.")
    lines.append("")
    lines.append("| engine | load | index | size | median | p99 | mean | max | errors | totals = first engine "
                 "| machine load (1 min, before/after) |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, e in result["engines"].items():
        s = e["query"]
        lines.append(f"| {name} | {fmt_s(e['load_s'])} | {fmt_s(e['index_s'])} | {fmt_size(e['size_bytes'])} | "
                     f"{fmt_ms(s.get('median_ms'))} | {fmt_ms(s.get('p99_ms'))} | {fmt_ms(s.get('mean_ms'))} | "
                     f"{fmt_ms(s.get('max_ms'))} | {len(s['errors'])} | {e.get('agreement', '–')} "
                     f"| {' / '.join(str(x) for x in e.get('loadavg_1min', []))} |")
    busy = []
    for name, e in result["engines"].items():
        if e.get("other_work_during_load"):
            busy.append(f"- {name}, load: {' and '.join(e['other_work_during_load'])} seen before or after")
        if e["query"]["other_work"]:
            busy.append(f"- {name}, queries: {' and '.join(e['query']['other_work'])} seen between queries")
    if busy:
        lines.append("")
        lines.append("Other work ran on the machine during these measurements (figures may be high):")
        lines += busy
    mixes = sorted({m for e in result["engines"].values() for m in e["query"]["by_mix"]})
    if mixes:
        lines.append("")
        lines.append("Median (p99) per part of the query mix, ms:")
        lines.append("")
        lines.append("| engine | " + " | ".join(mixes) + " |")
        lines.append("|---|" + "---:|" * len(mixes))
        for name, e in result["engines"].items():
            cells = []
            for m in mixes:
                s = e["query"]["by_mix"].get(m)
                cells.append(f"{fmt_ms(s['median_ms'])} ({fmt_ms(s['p99_ms'])})" if s and s["n"] else "–")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine():
    cores = os.cpu_count()
    mem = None
    try:
        with open("/proc/meminfo") as f:
            mem = int(f.readline().split()[1]) // 1048576
    except OSError:
        pass
    return f"{platform.machine()}, {cores} cores, {mem} GiB RAM, {platform.platform()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jsonl", required=True, help="practices, as gen_practices.py writes them")
    parser.add_argument("--queries", required=True, help="queries, as gen_search_queries.py writes them")
    parser.add_argument("--engines", default="sqlite,pg", help="comma-separated: sqlite, pg (default both)")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/ateneu_search_bench")
    parser.add_argument("--api", help="also time Ateneu's search API at http://127.0.0.1:PORT")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0, help="per query, seconds")
    parser.add_argument("--out", help="write the figures as JSON here")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite database file")
    parser.add_argument("--wait-quiet", type=float, default=15, metavar="MINUTES",
                        help="before each engine's queries, wait up to this long for no CI run or Rust "
                             "build on the machine (default 15; then measure anyway and say so)")
    args = parser.parse_args()

    names = [e for e in args.engines.split(",") if e]
    for e in names:
        if e not in ("sqlite", "pg"):
            sys.exit(f"unknown engine {e!r} (sqlite, pg; --api for the API)")
    engines = [{"sqlite": SQLiteEngine, "pg": PostgresEngine}[e](args) for e in names]
    if args.api:
        # First: the SQL engines' teardown (dropping a 1 GB PostgreSQL database, deleting the
        # SQLite file) leaves the machine busy writing for a while after their last query,
        # which the API's sub-millisecond queries would measure.
        engines.insert(0, ApiEngine(args))
    queries = load_queries(args.queries)
    corpus = Corpus(args.jsonl)
    git = subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--short", "HEAD"],
                         capture_output=True, text=True).stdout.strip()
    result = {"meta": {"corpus": os.path.basename(args.jsonl), "corpus_bytes": os.path.getsize(args.jsonl),
                       "queries_file": os.path.basename(args.queries), "queries": len(queries),
                       "passes": args.passes, "page_size": PAGE_SIZE, "commit": git,
                       "date": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": machine(),
                       "python": platform.python_version()},
              "engines": {}}
    first_totals = None
    try:
        for engine in engines:
            quiet_load = None
            if args.wait_quiet > 0 and not isinstance(engine, ApiEngine) and other_work():
                log(f"{engine.name}: other work on the machine ({' and '.join(other_work())}); "
                    f"waiting up to {args.wait_quiet:g} min before loading")
                quiet_load = wait_quiet(args.wait_quiet)
            busy_load = other_work()
            log(f"{engine.name}: loading {args.jsonl}…")
            info = engine.setup(corpus)
            busy_load = sorted(set(busy_load) | set(other_work()))
            info["other_work_during_load"] = busy_load
            if quiet_load is not None:
                info["waited_for_quiet_before_load"] = quiet_load
            if info["practices"] is not None:
                result["meta"]["practices"] = info["practices"]
                log(f"  {engine.name}: {info['practices']} practices, load {info['load_s']:.1f} s, "
                    f"index {info['index_s']:.1f} s, {fmt_size(info['size_bytes'])}")
            log(f"{engine.name}: {len(queries)} queries × (1 + {args.passes})…")
            if args.wait_quiet > 0 and other_work():
                log(f"  {engine.name}: other work on the machine ({' and '.join(other_work())}); "
                    f"waiting up to {args.wait_quiet:g} min")
                info["waited_for_quiet_before_queries"] = wait_quiet(args.wait_quiet)
            load_before = os.getloadavg()[0]
            info["cpu_quiet_wait"] = wait_cpu_quiet()
            figures, totals = measure(engine, queries, args.passes)
            info["loadavg_1min"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
            info["query"] = figures
            if first_totals is None:
                first_totals = totals
                info["agreement"] = "–"
            else:
                same = sum(1 for a, b in zip(first_totals, totals) if a is not None and a == b)
                info["agreement"] = f"{same}/{len(queries)}"
                info["differences"] = [
                    {"query": i, "q": queries[i].get("q"), "filters": queries[i].get("filters"),
                     "first": a, "this": b}
                    for i, (a, b) in enumerate(zip(first_totals, totals)) if a != b][:20]
            info["totals"] = totals
            result["engines"][engine.name] = info
            engine.close()
            s = figures
            log(f"  {engine.name}: median {fmt_ms(s.get('median_ms'))} ms, p99 {fmt_ms(s.get('p99_ms'))} ms, "
                f"{len(s['errors'])} errors")
    finally:
        for engine in engines:
            try:
                engine.close()
            except Exception as e:  # noqa: BLE001
                log(f"closing {engine.name}: {e}")
    result["meta"].setdefault("practices", None)
    if corpus.unknown_countries:
        result["meta"]["countries_without_region"] = sorted(corpus.unknown_countries)
    table = markdown(result)
    result["markdown"] = table
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False, indent=1)
    print(table)


if __name__ == "__main__":
    main()
