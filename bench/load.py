"""Load benchmark (issue 5): concurrent clients against ``xinwen serve``, alone and while a full
reindex of the same corpus runs and switches the index under them.

A bounded Python client (threads + ``http.client``, no dependency) sends the queries of
``queries/latency.txt`` to ``/api/search`` on 127.0.0.1 and checks every response: status 200,
a valid search document, and the same page (total and hit ids) as a reference answer for that
query from the old index or, once it is switched in, the new one. Phases:

1. reference: one client, each query once (the pages every later answer is checked against);
2. capacity: ``--clients`` clients (default 16), each sending its next request as soon as the
   last is answered, bounded by ``--requests`` and ``--seconds``: the most the server answers;
   then one client, each query once again: the single-client latency, every worker warm;
3. paced: the same clients sending ``--pace`` (default 0.5) of that rate in all, on Poisson
   schedules (as from many independent users), for ``--paced-seconds``;
4. reindex: the paced clients while ``xinwen reindex`` rebuilds the same corpus into the same
   index root and switches, until ``--after-switch`` seconds after it ended (bounded by
   ``--max-seconds``); ``/healthz`` is polled to see the new generation served; then a
   reference pass over the new index. ``--saturated-reindex`` adds one more under clients
   without a pause.

Reports requests/s, p50/p95/p99/max latency, errors and wrong pages per phase, and whether
every answer begun after the switch came from the new index. Target (``bench.targets``): 0
errors, 0 wrong pages, p95 of the paced phases within a multiple of the single-client p95 (at
capacity, the queue sets the latency: reported, with Little's law). Writes
``bench/results/load.md``.

    python -m bench.load --limit 20000        # the first 20,000 records (index built once)
    python -m bench.load                      # the whole bench corpus (a long run)
"""

from __future__ import annotations

import functools
import http.client
import itertools
import json
import os
import random
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

from bench.harness import (
    RESULTS_DIR,
    ROOT,
    arguments,
    fmt,
    header,
    markdown_table,
    module_env,
    percentile,
    publish,
    require_corpus,
    write_subset,
)
from bench.latency import QUERIES, BenchQuery, read_queries
from bench.targets import LOAD_P95_RATIO, verdict

RESULTS = RESULTS_DIR / "load.md"
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


def fetch(port: int, path: str, index: int = 0, scheduled: float | None = None) -> Sample:
    """GET ``path`` from the server on 127.0.0.1 (a new connection: gunicorn's sync workers
    close each one) and check the answer. ``scheduled``: the ``perf_counter`` time the request
    was due; its latency counts from then (a paced client that fell behind its schedule must
    not hide the wait: "coordinated omission")."""
    started = time.monotonic()
    t0 = time.perf_counter() if scheduled is None else min(scheduled, time.perf_counter())
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
    rate: float | None = None,
) -> tuple[list[Sample], float]:
    """``clients`` threads sending ``paths`` round-robin; stops at ``max_requests`` or
    ``max_seconds``, or once ``keep_going`` returns False. Returns the samples and the wall time.

    Without ``rate`` each client sends its next request as soon as its last one is answered
    (the most the server can take: its capacity). With ``rate`` (requests/s in all) each client
    sends on a schedule of its own, with exponentially distributed gaps (Poisson arrivals, as
    from many independent users), still at most one request in flight per client; a request
    sent late because its client still waited for the last one counts its latency from when it
    was due.
    """
    counter = itertools.count()
    deadline = time.monotonic() + max_seconds
    samples: list[Sample] = []
    lock = threading.Lock()

    def client(seed: int) -> None:
        mine = []
        gaps = random.Random(seed)
        due = time.perf_counter() + (gaps.expovariate(rate / clients) if rate else 0.0)
        while time.monotonic() < deadline and (keep_going is None or keep_going()):
            if rate:
                wait = due - time.perf_counter()
                if wait > 0:
                    time.sleep(min(wait, 0.25))  # short naps: the stop conditions stay live
                    continue
            n = next(counter)  # atomic under the GIL
            if n >= max_requests:
                break
            path = n % len(paths)
            mine.append(fetch(port, paths[path], path, due if rate else None))
            if rate:
                due += gaps.expovariate(rate / clients)
        with lock:
            samples.extend(mine)

    started = time.perf_counter()
    threads = [
        threading.Thread(target=client, args=(seed,), daemon=True) for seed in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, time.perf_counter() - started


# ---- the server, the reindex and the switch ------------------------------------------------


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
            env=module_env(),
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
            env=module_env(),
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
class ReindexRun:
    """A phase with a full reindex running and switching under the clients."""

    result: PhaseResult
    seconds: float
    summary: str
    generation_before: str
    generation_after: str
    switch_offset: float | None  # seconds into the phase
    health_after_switch: list[str | None]
    pages_differ: int  # queries whose page differs between the old and new index
    totals_differ: int  # … in its total, not only in the order of equally scored hits
    new_pages: list[Page]

    @property
    def ok(self) -> bool:
        health = self.health_after_switch
        return (
            not (self.result.errors or self.result.wrong or self.result.stale_after_switch)
            and self.generation_after != self.generation_before
            and bool(health)
            and all(g == self.generation_after for g in health)
        )


@dataclass
class LoadRun:
    """Everything a run measured."""

    documents: int
    queries: int
    single: PhaseResult
    capacity: PhaseResult  # clients without a pause: the most the server answers
    paced: PhaseResult  # the same clients at `pace` of that rate
    pace: float
    rate: float  # requests/s the paced phases offered
    reindexes: list[ReindexRun]  # paced; then, when asked for, without a pause
    loadavg: tuple[tuple[float, float, float], tuple[float, float, float]]

    @property
    def phases(self) -> list[PhaseResult]:
        return [self.single, self.capacity, self.paced] + [r.result for r in self.reindexes]

    @property
    def paced_phases(self) -> list[PhaseResult]:
        """The phases the latency target is about: the paced ones, alone and during a reindex."""
        return [self.paced, self.reindexes[0].result]

    @property
    def ok(self) -> bool:
        return not any(p.errors or p.wrong for p in self.phases) and all(
            r.ok for r in self.reindexes
        )


def run_reindex_phase(
    server: Server,
    paths: Sequence[str],
    old: Sequence[Page],
    name: str,
    clients: int,
    rate: float | None,
    reindex_sources: Sequence[Path],
    root: Path,
    log_path: Path,
    reindex_workers: str | None,
    after_switch: float,
    max_seconds: float,
) -> ReindexRun:
    """The clients (paced at ``rate``, or without a pause) while ``xinwen reindex`` rebuilds
    ``root`` and switches, until ``after_switch`` seconds after it ended; every answer checked
    against the old index's pages or, once switched, the new one's."""
    before = server.health()
    ended: list[float] = []
    with SwitchWatch(root, server.port) as watch:
        t0 = time.monotonic()
        proc = start_reindex(reindex_sources, root, log_path, reindex_workers)

        def keep_going() -> bool:
            if proc.poll() is None:
                return True
            if not ended:
                ended.append(time.monotonic())
            return time.monotonic() - ended[0] < after_switch

        try:
            samples, wall = run_clients(
                server.port, paths, clients, sys.maxsize, max_seconds, keep_going, rate
            )
        finally:
            if proc.poll() is None:  # out of time: stop it, report what was measured
                proc.terminate()
            proc.wait()
    seconds = (ended[0] if ended else time.monotonic()) - t0
    summary = log_path.read_text(errors="replace").strip()
    if proc.returncode != 0:
        raise RuntimeError(f"the reindex failed ({proc.returncode}): {summary[-2000:]}")
    after = server.health()
    new, _ = reference_pass(server.port, paths)
    switched = watch.switched_at
    result = check(PhaseResult(name, clients, samples, wall), paths, old, new, switched)
    return ReindexRun(
        result=result,
        seconds=seconds,
        summary=summary,
        generation_before=before["generation"],
        generation_after=after["generation"],
        switch_offset=None if switched is None else switched - t0,
        health_after_switch=[g for began, g in watch.health if switched and began > switched],
        pages_differ=sum(a != b for a, b in zip(old, new, strict=True)),
        totals_differ=sum(a[0] != b[0] for a, b in zip(old, new, strict=True)),
        new_pages=new,
    )


def run_load_test(
    root: Path,
    queries: Sequence[BenchQuery],
    reindex_sources: Sequence[Path],
    workdir: Path,
    clients: int = 16,
    requests: int = 4000,
    seconds: float = 120,
    pace: float = 0.5,
    paced_seconds: float = 30,
    after_switch: float = 10,
    max_seconds: float = 3600,
    server_workers: int = 2,
    reindex_workers: str | None = None,
    saturated_reindex: bool = False,
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
        old, _ = reference_pass(server.port, paths)  # the reference pages; jieba loaded
        samples, wall = run_clients(server.port, paths, clients, requests, seconds)
        name = f"{clients} clients, no pause"
        capacity = check(PhaseResult(name, clients, samples, wall), paths, old)
        rate = pace * capacity.rate
        log(f"capacity {capacity.rate:.1f} req/s (p95 {capacity.latency(95):.1f} ms) …")

        # Measured after the capacity phase, when every server worker has answered every query
        # many times: one warm-up pass leaves each worker's caches warm for about half of them.
        _, single_samples = reference_pass(server.port, paths)
        t_single = sum(s.seconds for s in single_samples)
        single = check(PhaseResult("1 client", 1, single_samples, t_single), paths, old)
        log(f"  single client: p95 {single.latency(95):.1f} ms; paced …")

        paced_name = f"{clients} clients at {rate:.0f} req/s"
        samples, wall = run_clients(
            server.port, paths, clients, sys.maxsize, paced_seconds, rate=rate
        )
        paced = check(PhaseResult(paced_name, clients, samples, wall), paths, old)
        log(f"  p95 {paced.latency(95):.1f} ms at {paced.rate:.1f} req/s; now during a reindex …")

        # What every reindex phase shares; each differs in its clients' pace and its log.
        reindex_phase = functools.partial(
            run_reindex_phase,
            server,
            paths,
            clients=clients,
            reindex_sources=reindex_sources,
            root=root,
            reindex_workers=reindex_workers,
            after_switch=after_switch,
            max_seconds=max_seconds,
        )
        paced_log = workdir / "load-reindex.log"
        reindexes = [reindex_phase(old, paced_name + " + reindex", rate=rate, log_path=paced_log)]
        log(f"  p95 {reindexes[0].result.latency(95):.1f} ms during the reindex")
        if saturated_reindex:
            saturated_log = workdir / "load-reindex-saturated.log"
            reindexes.append(
                reindex_phase(
                    reindexes[0].new_pages, name + " + reindex", rate=None, log_path=saturated_log
                )
            )
        return LoadRun(
            documents=before["documents"],
            queries=len(paths),
            single=single,
            capacity=capacity,
            paced=paced,
            pace=pace,
            rate=rate,
            reindexes=reindexes,
            loadavg=(loadavg_before, os.getloadavg()),
        )
    finally:
        server.stop()


# ---- the report ------------------------------------------------------------------------------


def report(run: LoadRun, scope: str, server_workers: int) -> str:
    """The Markdown report (also printed)."""
    base = run.single.latency(95)
    rows = []
    for phase in run.phases:
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
    ratios = [p.latency(95) / base if base else float("inf") for p in run.paced_phases]
    target = verdict(max(ratios) <= LOAD_P95_RATIO)
    paced = run.paced
    capacity = run.capacity
    before_avg, after_avg = (" / ".join(f"{x:.1f}" for x in avg) for avg in run.loadavg)
    lines = [
        "# Load benchmark",
        "",
        header(__file__),
        f"`xinwen serve` (gunicorn, {server_workers} sync workers) on 127.0.0.1 over"
        f" {run.documents:,} documents ({scope}); the {run.queries} queries of"
        " `bench/queries/latency.txt` sent round-robin to `/api/search` (10 hits, facets, exact"
        " total) by client threads, at most one request in flight each; client and server on"
        " the same machine. Every response checked: status 200, a valid document, and the"
        " same total and hit ids as the reference answer of the old or the new index."
        f" Load average (1, 5, 15 min) before / after: {before_avg} → {after_avg}.",
        "",
        f"Phases: {capacity.clients} clients each sending the next request as soon as the last"
        " is answered (the server's capacity: it is never idle); one client, each query once"
        " (the single-client latency, measured after that phase so that every server worker"
        " is warm);"
        f" the same {paced.clients} clients paced at {run.pace:.0%} of that capacity"
        f" ({run.rate:.0f} requests/s in all, exponentially distributed gaps, latency counted"
        " from when each request was due), alone and while a full reindex of the same corpus"
        " runs and switches the index under them.",
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
        f"Target p95 under load ≤ {LOAD_P95_RATIO:.0f}× the single-client p95, with"
        f" {paced.clients} clients at {run.pace:.0%} of capacity — **{target}**"
        f" ({ratios[0]:.1f}× alone, {ratios[1]:.1f}× during the reindex)."
        f" At capacity the ratio is {capacity.latency(95) / base:.1f}×: {capacity.clients}"
        f" clients without a pause on {os.cpu_count()} CPUs keep about"
        f" {capacity.clients / max(os.cpu_count() or 1, 1):.0f} requests queued per CPU, so each"
        " waits for several others to be served whatever the server does (Little's law:"
        f" mean latency = {capacity.clients} / {capacity.rate:.0f} req/s ="
        f" {1000 * capacity.clients / max(capacity.rate, 1e-9):.0f} ms).",
        "",
    ]
    for reindex in run.reindexes:
        health = reindex.health_after_switch
        new_ok = bool(health) and all(g == reindex.generation_after for g in health)
        switch = (
            "never seen" if reindex.switch_offset is None else f"{reindex.switch_offset:.1f} s in"
        )
        lines += [
            f'Reindex during "{reindex.result.name}": {reindex.seconds:.0f} s; `current`'
            f" switched {switch}, from `{reindex.generation_before}` to"
            f" `{reindex.generation_after}`. `/healthz` asked {len(health)} time(s) after the"
            " switch:"
            f" {'every answer from the new generation' if new_ok else 'NOT all from the new one'};"
            " answers begun after the switch that came from the old index:"
            f" {reindex.result.stale_after_switch}. Pages that differ between the old and the"
            f" new index: {reindex.pages_differ} (in their total: {reindex.totals_differ}).",
            "",
            "```",
            reindex.summary,
            "```",
            "",
        ]
    problems = [
        (p.name, kind, items)
        for p in run.phases
        for kind, items in (("errors", p.errors), ("wrong pages", p.wrong))
        if items
    ]
    for name, kind, items in problems:
        lines += [f"First {kind} ({name}):", ""] + [f"- `{x[:200]}`" for x in items[:10]] + [""]
    lines.append(f"Result: **{'PASS' if run.ok else 'FAIL'}**.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the load index, run the phases, print and write the report."""
    from xinwen.index.store import IndexStore, StoreError

    parser = arguments(
        __doc__,
        corpus=True,
        workdir=True,
        limit="the first N records of the corpus only",
        no_write=True,
    )
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=4000, help="cap of the load phase")
    parser.add_argument("--seconds", type=float, default=120, help="cap of the load phase")
    parser.add_argument(
        "--pace", type=float, default=0.5, help="paced phases: this fraction of the capacity"
    )
    parser.add_argument("--paced-seconds", type=float, default=30, help="length of the paced phase")
    parser.add_argument(
        "--saturated-reindex",
        action="store_true",
        help="one more reindex, under clients without a pause (long: the reindex gets little CPU)",
    )
    parser.add_argument(
        "--after-switch", type=float, default=10, help="keep loading this long after the reindex"
    )
    parser.add_argument("--max-seconds", type=float, default=3600, help="cap of the reindex phase")
    parser.add_argument("--server-workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--reindex-workers", help="xinwen reindex --workers (default auto)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the index first")
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
        pace=args.pace,
        paced_seconds=args.paced_seconds,
        after_switch=args.after_switch,
        max_seconds=args.max_seconds,
        server_workers=args.server_workers,
        reindex_workers=args.reindex_workers,
        saturated_reindex=args.saturated_reindex,
    )
    scope = "the whole bench corpus" if args.limit is None else f"its first {args.limit:,} records"
    text = report(run, scope, args.server_workers)
    publish(text, RESULTS, write=not args.no_write)
    return 0 if run.ok else 1


if __name__ == "__main__":
    sys.exit(main())
