"""Load benchmark (issue 5): concurrent clients against ``xinwen serve``, alone and while a full
reindex of the same corpus runs and switches the index under them.

A bounded Python client (threads + ``http.client``, no dependency) sends the queries of
``queries/latency.txt`` to ``/api/search`` on 127.0.0.1 and checks every response: status 200,
a valid search document, and the same page (total and hit ids) as a reference answer for that
query from the old index or, once it is switched in, the new one. Phases:

1. reference: one client, each query once after a warm-up pass (also the single-client latency);
2. load: ``--clients`` clients (default 16), bounded by ``--requests`` and ``--seconds``;
3. reindex: the same clients while ``xinwen reindex`` rebuilds the same corpus into the same
   index root and switches, until ``--after-switch`` seconds after it ended (bounded by
   ``--max-seconds``); ``/healthz`` is polled to see the new generation served;
4. a second reference pass over the new index.

Reports requests/s, p50/p95/p99/max latency, errors and wrong pages per phase, and whether
every answer begun after the switch came from the new index. Target: 0 errors, 0 wrong pages,
p95 under load ≤ 4× the single-client p95. Writes ``bench/results/load.md``.

    python bench/load.py --limit 20000        # the first 20,000 records (index built once)
    python bench/load.py                      # the whole bench corpus (a long run)
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    BENCH_CORPUS,
    DEFAULT_WORKDIR,
    NOISE_NOTE,
    RESULTS_DIR,
    ROOT,
    git_commit,
    machine,
    markdown_table,
    now,
    percentile,
    publish,
    require_corpus,
    write_subset,
)
from bench.latency import QUERIES, BenchQuery, read_queries

RESULTS = RESULTS_DIR / "load.md"
TARGET_P95_RATIO = 4.0
PAGE_SIZE = 10
HOST = "127.0.0.1"
REQUEST_TIMEOUT = 60.0


# ---- requests and their checks ---------------------------------------------------------------


def query_path(q: BenchQuery) -> str:
    """The ``/api/search`` URL of a query line (filters as the web UI sends them)."""
    pairs: list[tuple[str, str]] = [("q", q.text)] if q.text else []
    for key in ("category", "source"):
        pairs += [(key, v) for v in q.filters.get(key, ())]
    for key in ("from", "to", "sort"):
        if key in q.filters:
            pairs.append((key, q.filters[key][-1]))
    pairs.append(("size", str(PAGE_SIZE)))
    return "/api/search?" + urlencode(pairs)


Page = tuple[int, tuple[str, ...]]  # total, hit ids: what a correct answer must repeat


@dataclass(frozen=True, slots=True)
class Sample:
    """One request: which path, when it began (monotonic s), how long, and what came back."""

    path: int
    started: float
    seconds: float
    status: int
    page: Page | None = None
    error: str | None = None  # transport error, bad status or a malformed document


def read_page(body: bytes) -> Page:
    """Check a search document's shape; its total and hit ids."""
    doc = json.loads(body)
    if not isinstance(doc, dict) or not isinstance(doc.get("total"), int):
        raise ValueError("not a search document")
    hits = doc.get("hits")
    if not isinstance(hits, list) or len(hits) > PAGE_SIZE:
        raise ValueError("bad hits")
    ids = tuple(h["id"] for h in hits)
    if len(set(ids)) != len(ids) or (doc["total"] == 0) != (not ids):
        raise ValueError(f"inconsistent page: total {doc['total']}, {len(ids)} hits")
    return doc["total"], ids


def fetch(port: int, path: str, index: int = 0) -> Sample:
    """GET ``path`` from the server on 127.0.0.1 (a new connection: gunicorn's sync workers
    close each one) and check the answer."""
    started = time.monotonic()
    t0 = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", path, headers={"Connection": "close"})
        response = conn.getresponse()
        body = response.read()
        status = response.status
    except (OSError, http.client.HTTPException) as exc:
        return Sample(index, started, time.perf_counter() - t0, 0, error=repr(exc))
    finally:
        conn.close()
    seconds = time.perf_counter() - t0
    if status != 200:
        return Sample(index, started, seconds, status, error=f"HTTP {status}: {body[:200]!r}")
    try:
        return Sample(index, started, seconds, status, page=read_page(body))
    except (ValueError, KeyError, TypeError) as exc:
        return Sample(index, started, seconds, status, error=f"malformed: {exc}")


def reference_pass(port: int, paths: Sequence[str]) -> tuple[list[Page], list[Sample]]:
    """One client, every path once: the reference pages and their latencies."""
    samples = [fetch(port, path, i) for i, path in enumerate(paths)]
    bad = [s for s in samples if s.error]
    if bad:
        raise RuntimeError(f"reference pass failed: {paths[bad[0].path]}: {bad[0].error}")
    return [s.page for s in samples if s.page is not None], samples


def run_clients(
    port: int,
    paths: Sequence[str],
    clients: int,
    max_requests: int,
    max_seconds: float,
    keep_going: Callable[[], bool] | None = None,
) -> tuple[list[Sample], float]:
    """``clients`` threads sending ``paths`` round-robin, each next request as soon as its last
    one is answered; stops at ``max_requests`` or ``max_seconds``, or once ``keep_going``
    returns False. Returns the samples and the wall time."""
    counter = itertools.count()
    deadline = time.monotonic() + max_seconds
    samples: list[Sample] = []
    lock = threading.Lock()

    def client() -> None:
        mine = []
        while time.monotonic() < deadline and (keep_going is None or keep_going()):
            n = next(counter)  # atomic under the GIL
            if n >= max_requests:
                break
            mine.append(fetch(port, paths[n % len(paths)], n % len(paths)))
        with lock:
            samples.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, time.perf_counter() - started


# ---- the server, the reindex and the switch ------------------------------------------------


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A ``python -m xinwen serve`` process."""

    process: subprocess.Popen
    port: int
    log: Path

    def health(self) -> dict:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)
        try:
            conn.request("GET", "/healthz")
            return json.loads(conn.getresponse().read())
        finally:
            conn.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # gunicorn stops its workers
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(root: Path, log: Path, workers: int, timeout: float = 120) -> Server:
    """``xinwen serve --index ROOT`` on a free port of 127.0.0.1, once ``/healthz`` is ok."""
    port = free_port()
    args = ["serve", "--index", str(root), "--host", HOST, "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "xinwen", *args, "--workers", str(workers)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=_env(),
            cwd=ROOT,
        )
    server = Server(process, port, log)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if server.health().get("ok"):
                return server
        except (OSError, ValueError, http.client.HTTPException):
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"the server never became healthy: see {log}")
        time.sleep(0.2)


def start_reindex(
    sources: Sequence[Path], root: Path, log: Path, workers: str | None
) -> subprocess.Popen:
    """``xinwen reindex SOURCES --index ROOT -q`` in the background, output to ``log``."""
    args = ["reindex", *map(str, sources), "--index", str(root), "-q"]
    if workers:
        args += ["--workers", workers]
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "xinwen", *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=_env(),
            cwd=ROOT,
        )


@dataclass
class SwitchWatch:
    """Watches ``ROOT/current`` (when it changes) and asks ``/healthz`` which generation the
    server answers from, in a background thread."""

    root: Path
    port: int
    switched_at: float | None = None
    health: list[tuple[float, str | None]] = field(default_factory=list)  # (began, generation)
    stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.initial = self._target()

    def _target(self) -> str:
        try:
            return os.readlink(self.root / "current")
        except OSError:
            return ""

    def run(self) -> None:
        last_health = 0.0
        while not self.stop.is_set():
            if self.switched_at is None and self._target() != self.initial:
                self.switched_at = time.monotonic()
            if time.monotonic() - last_health >= 0.25:
                last_health = began = time.monotonic()
                conn = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)
                try:
                    conn.request("GET", "/healthz")
                    generation = json.loads(conn.getresponse().read()).get("generation")
                except (OSError, ValueError, http.client.HTTPException):
                    generation = None
                finally:
                    conn.close()
                self.health.append((began, generation))
            time.sleep(0.02)

    def __enter__(self) -> SwitchWatch:
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=30)


# ---- checking and summarising ----------------------------------------------------------------


@dataclass
class PhaseResult:
    """Figures of one phase."""

    name: str
    clients: int
    samples: list[Sample]
    seconds: float
    errors: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    stale_after_switch: int = 0

    @property
    def requests(self) -> int:
        return len(self.samples)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def latency(self, p: float) -> float:
        """The p-th percentile latency in ms."""
        return percentile(sorted(s.seconds * 1000 for s in self.samples), p)

    def max_ms(self) -> float:
        return max((s.seconds * 1000 for s in self.samples), default=float("nan"))


def check(
    result: PhaseResult,
    paths: Sequence[str],
    old: Sequence[Page],
    new: Sequence[Page] | None = None,
    switched_at: float | None = None,
) -> PhaseResult:
    """Sort each sample into fine, error or wrong page: a page must equal the old index's
    answer, or the new one's; a request begun after the switch must get the new one's."""
    for s in result.samples:
        if s.error:
            result.errors.append(f"{paths[s.path]}: {s.error}")
            continue
        allowed = {old[s.path]} | ({new[s.path]} if new is not None else set())
        if s.page not in allowed:
            result.wrong.append(f"{paths[s.path]}: total {s.page[0] if s.page else '?'}")
        elif (
            new is not None
            and switched_at is not None
            and s.started > switched_at
            and s.page != new[s.path]
        ):
            result.stale_after_switch += 1
    return result


@dataclass
class LoadRun:
    """Everything a run measured."""

    documents: int
    queries: int
    single: PhaseResult
    load: PhaseResult
    during: PhaseResult
    reindex_seconds: float
    reindex_summary: str
    generation_before: str
    generation_after: str
    switch_offset: float | None  # seconds into the reindex phase
    health_after_switch: list[str | None]
    pages_differ: int  # queries whose page differs between the old and new index
    totals_differ: int  # … in its total, not only in the order of equally scored hits
    loadavg: tuple[tuple[float, float, float], tuple[float, float, float]]

    @property
    def ok(self) -> bool:
        phases = (self.single, self.load, self.during)
        return (
            not any(p.errors or p.wrong or p.stale_after_switch for p in phases)
            and self.generation_after != self.generation_before
            and bool(self.health_after_switch)
            and all(g == self.generation_after for g in self.health_after_switch)
        )


def run_load_test(
    root: Path,
    queries: Sequence[BenchQuery],
    reindex_sources: Sequence[Path],
    workdir: Path,
    clients: int = 16,
    requests: int = 4000,
    seconds: float = 120,
    after_switch: float = 10,
    max_seconds: float = 3600,
    server_workers: int = 2,
    reindex_workers: str | None = None,
    log: Callable[[str], None] = print,
) -> LoadRun:
    """Serve ``root``, run the phases, check every answer (see the module docstring)."""
    paths = [query_path(q) for q in queries]
    workdir.mkdir(parents=True, exist_ok=True)
    loadavg_before = os.getloadavg()
    server = start_server(root, workdir / "load-server.log", server_workers)
    try:
        before = server.health()
        log(f"serving {before['documents']:,} documents ({before['generation']}) on :{server.port}")
        reference_pass(server.port, paths)  # warm-up: jieba, caches, both workers
        old, single_samples = reference_pass(server.port, paths)
        t_single = sum(s.seconds for s in single_samples)
        single = check(PhaseResult("1 client", 1, single_samples, t_single), paths, old)
        log(f"single client: p95 {single.latency(95):.1f} ms; {clients} clients …")

        samples, wall = run_clients(server.port, paths, clients, requests, seconds)
        load = check(PhaseResult(f"{clients} clients", clients, samples, wall), paths, old)
        log(f"  {load.rate:.1f} req/s, p95 {load.latency(95):.1f} ms; now during a reindex …")

        reindex_log = workdir / "load-reindex.log"
        ended: list[float] = []
        with SwitchWatch(root, server.port) as watch:
            t0 = time.monotonic()
            proc = start_reindex(reindex_sources, root, reindex_log, reindex_workers)

            def keep_going() -> bool:
                if proc.poll() is None:
                    return True
                if not ended:
                    ended.append(time.monotonic())
                return time.monotonic() - ended[0] < after_switch

            try:
                samples, wall = run_clients(
                    server.port, paths, clients, sys.maxsize, max_seconds, keep_going
                )
            finally:
                if proc.poll() is None:  # out of time: stop it, report what was measured
                    proc.terminate()
                proc.wait()
        reindex_seconds = (ended[0] if ended else time.monotonic()) - t0
        summary = reindex_log.read_text(errors="replace").strip()
        if proc.returncode != 0:
            raise RuntimeError(f"the reindex failed ({proc.returncode}): {summary[-2000:]}")
        after = server.health()
        new, _ = reference_pass(server.port, paths)
        during = check(
            PhaseResult(f"{clients} clients + reindex", clients, samples, wall),
            paths,
            old,
            new,
            watch.switched_at,
        )
        switched = watch.switched_at
        health_after = [g for began, g in watch.health if switched is not None and began > switched]
        return LoadRun(
            documents=before["documents"],
            queries=len(paths),
            single=single,
            load=load,
            during=during,
            reindex_seconds=reindex_seconds,
            reindex_summary=summary,
            generation_before=before["generation"],
            generation_after=after["generation"],
            switch_offset=None if switched is None else switched - t0,
            health_after_switch=health_after,
            pages_differ=sum(a != b for a, b in zip(old, new, strict=True)),
            totals_differ=sum(a[0] != b[0] for a, b in zip(old, new, strict=True)),
            loadavg=(loadavg_before, os.getloadavg()),
        )
    finally:
        server.stop()


# ---- the report ------------------------------------------------------------------------------


def fmt(ms: float) -> str:
    return f"{ms:.1f}"


def report(run: LoadRun, scope: str, server_workers: int) -> str:
    """The Markdown report (also printed)."""
    base = run.single.latency(95)
    rows = []
    for phase in (run.single, run.load, run.during):
        rows.append(
            [
                phase.name,
                f"{phase.requests:,}",
                f"{phase.seconds:.1f}",
                f"{phase.rate:.1f}",
                fmt(phase.latency(50)),
                fmt(phase.latency(95)),
                fmt(phase.latency(99)),
                fmt(phase.max_ms()),
                f"{phase.latency(95) / base:.1f}×" if base else "–",
                str(len(phase.errors)),
                str(len(phase.wrong)),
            ]
        )
    ratio = run.during.latency(95) / base if base else float("inf")
    target = "meets" if ratio <= TARGET_P95_RATIO else "misses"
    health = run.health_after_switch
    new_ok = bool(health) and all(g == run.generation_after for g in health)
    switch = "never seen" if run.switch_offset is None else f"{run.switch_offset:.1f} s in"
    before_avg, after_avg = (" / ".join(f"{x:.1f}" for x in avg) for avg in run.loadavg)
    lines = [
        "# Load benchmark",
        "",
        f"Written by `python bench/load.py` on {now()} · {machine()} · commit {git_commit()}.",
        f"`xinwen serve` (gunicorn, {server_workers} sync workers) on 127.0.0.1 over"
        f" {run.documents:,} documents ({scope}); the {run.queries} queries of"
        " `bench/queries/latency.txt` sent round-robin to `/api/search` (10 hits, facets, exact"
        " total), each client sending its next request when the last is answered; client and"
        " server on the same machine. Every response checked: status 200, a valid document,"
        " and the same total and hit ids as the reference answer of the old or the new index."
        f" Load average before / after: {before_avg} → {after_avg}. Note: {NOISE_NOTE}.",
        "",
        markdown_table(
            [
                "phase",
                "requests",
                "s",
                "req/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "p95 / 1 client",
                "errors",
                "wrong pages",
            ],
            rows,
        ),
        "",
        f"Target p95 under load ≤ {TARGET_P95_RATIO:.0f}× the single-client p95 — **{target}**"
        f" ({ratio:.1f}× during the reindex, {run.load.latency(95) / base:.1f}× without)."
        f" What the reindex alone adds: p95 during it is"
        f" {run.during.latency(95) / run.load.latency(95):.1f}× the p95 of the same"
        f" {run.load.clients} clients without it. ({run.load.clients} clients that each send"
        f" the next request at once, against {server_workers} CPU-bound workers: a request"
        " waits behind the others' whatever the reindex does.)",
        "",
        f"Reindex during the last phase: {run.reindex_seconds:.0f} s; `current` switched"
        f" {switch}, from `{run.generation_before}` to `{run.generation_after}`."
        f" `/healthz` asked {len(health)} time(s) after the switch:"
        f" {'every answer from the new generation' if new_ok else 'NOT all from the new one'};"
        f" answers begun after the switch that came from the old index:"
        f" {run.during.stale_after_switch}. Pages that differ between the old and the new"
        f" index: {run.pages_differ} (in their total: {run.totals_differ}).",
        "",
        "Reindex summary:",
        "",
        "```",
        run.reindex_summary,
        "```",
        "",
    ]
    problems = [
        (p.name, kind, items)
        for p in (run.single, run.load, run.during)
        for kind, items in (("errors", p.errors), ("wrong pages", p.wrong))
        if items
    ]
    for name, kind, items in problems:
        lines += [f"First {kind} ({name}):", ""] + [f"- `{x[:200]}`" for x in items[:10]] + [""]
    lines.append(f"Result: **{'PASS' if run.ok else 'FAIL'}**.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the load index, run the phases, print and write the report."""
    from index.store import IndexStore, StoreError

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BENCH_CORPUS)
    parser.add_argument("--limit", type=int, help="the first N records of the corpus only")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=4000, help="cap of the load phase")
    parser.add_argument("--seconds", type=float, default=120, help="cap of the load phase")
    parser.add_argument(
        "--after-switch", type=float, default=10, help="keep loading this long after the reindex"
    )
    parser.add_argument("--max-seconds", type=float, default=3600, help="cap of the reindex phase")
    parser.add_argument("--server-workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--reindex-workers", help="xinwen reindex --workers (default auto)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the index first")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)

    corpus = require_corpus(args.corpus)
    queries = read_queries(args.queries)
    args.workdir.mkdir(parents=True, exist_ok=True)
    suffix = "full" if args.limit is None else f"first{args.limit}"
    source = corpus
    if args.limit is not None:  # a file of our own: the other benchmarks' subsets differ
        source = args.workdir / f"load-{suffix}.jsonl"
        if args.rebuild or not source.exists():
            partial = source.with_suffix(".tmp")
            write_subset(corpus, partial, args.limit)
            partial.replace(source)
    root = args.workdir / f"load-{suffix}"
    try:
        ready = not args.rebuild and IndexStore(root).current() is not None
    except StoreError:
        ready = False
    if not ready:
        print(f"building {root} (once; later runs reuse it) …", flush=True)
        build = start_reindex([source], root, args.workdir / "load-build.log", args.reindex_workers)
        if build.wait() != 0:
            sys.exit(f"building the index failed: see {args.workdir / 'load-build.log'}")
    run = run_load_test(
        root,
        queries,
        [source],
        args.workdir,
        clients=args.clients,
        requests=args.requests,
        seconds=args.seconds,
        after_switch=args.after_switch,
        max_seconds=args.max_seconds,
        server_workers=args.server_workers,
        reindex_workers=args.reindex_workers,
    )
    scope = "the whole bench corpus" if args.limit is None else f"its first {args.limit:,} records"
    text = report(run, scope, args.server_workers)
    publish(text, RESULTS, write=not args.no_write)
    return 0 if run.ok else 1


if __name__ == "__main__":
    sys.exit(main())
