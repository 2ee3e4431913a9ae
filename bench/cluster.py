"""The three-node Typesense cluster against the embedded index, in one run (issue 16, point 6).

For one corpus — the bench corpus, or with ``--scale N`` the corpus repeated to N records as
``bench/scale.py`` does it (the same file, shared with its work folder) — this script:

1. starts a local three-node cluster (``xinwen.search.typesense.cluster.LocalCluster``, data in the
   work folder) and times a full ``reindex_typesense`` into it: reading, xinwen's analysis in
   this one process, imports of 500, until every node holds every document;
2. builds (or reuses) the embedded index of ``bench.indexes`` at normal priority, with its
   build time (kept beside the index, as ``compare.py`` keeps it; a ``scale.py`` run of the
   same size started beside this one builds it meanwhile, and this run waits for it);
3. starts ``xinwen serve`` twice (2 gunicorn workers each), once per backend, and sends both
   the latency queries (``queries/latency.txt``) over HTTP, one client, query by query in
   turn (embedded, then cluster), so both see the same load: first each query once (the
   servers just started: first-time latency), then ``--repeat`` timed passes;
4. ranks the known-item and topical sets with each backend in this process (top 10: MRR@10,
   success@10; nDCG@10 over the judged topics, unjudged documents counting 0, and judged@10);
5. records memory: the peak (VmHWM) and current (VmRSS) resident memory of every
   typesense-server and of every gunicorn worker, and the size on disk of each.

Writes ``bench/results/cluster.md`` from every saved run (``--workdir``/``cluster-*.json``).

    python -m bench.cluster                  # the bench corpus (74k)
    python -m bench.cluster --scale 300000   # the corpus repeated to 300,000
    python -m bench.cluster --report         # rewrite cluster.md from the saved runs
"""

from __future__ import annotations

import argparse
import fcntl
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import (
    NOISE_NOTE,
    QUERIES_DIR,
    RESULTS_DIR,
    ROOT,
    arguments,
    corpus_size,
    dir_size,
    git_commit,
    machine,
    markdown_table,
    now,
    percentile,
    publish,
    require_corpus,
)

RESULTS = RESULTS_DIR / "cluster.md"
HOST = "127.0.0.1"
ALIAS = "bench"
WEB_WORKERS = 2
MB = 1024 * 1024


# -- processes and their memory ------------------------------------------------------------


def memory_mb(pid: int) -> dict[str, float]:
    """Current (VmRSS) and peak (VmHWM) resident memory of a process, in MB."""
    out = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) / 1024
    return {"rss": out.get("VmRSS", 0.0), "peak": out.get("VmHWM", 0.0)}


def children(pid: int) -> list[int]:
    """The direct children of a process (gunicorn's workers)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


def uptime() -> str:
    """``uptime``'s line: the load on this shared machine."""
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


class Server:
    """``xinwen serve`` on a free port with the given backend arguments and environment."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        from bench.load import free_port

        self.port = free_port()
        argv = [sys.executable, "-m", "xinwen", "serve", *args]
        argv += ["--host", HOST, "--port", str(self.port), "--workers", str(WEB_WORKERS)]
        env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
        with log.open("wb") as out:
            self.process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env)
        self.log = log

    def wait(self, timeout: float = 300) -> Server:
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log.read_text()[-2000:]}")
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
                conn.request("GET", "/healthz")
                if json.loads(conn.getresponse().read()).get("ok"):
                    return self
            except (OSError, ValueError, http.client.HTTPException):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server never became healthy: see {self.log}")
            time.sleep(0.5)

    def workers_memory(self) -> list[dict[str, float]]:
        return [memory_mb(pid) for pid in children(self.process.pid)]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# -- the run -------------------------------------------------------------------------------


def _timed(fn):
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def embedded_index(workdir: Path, corpus: Path) -> tuple[Path, dict | None]:
    """The cached embedded index of ``corpus`` (built now at normal priority if absent), with
    the figures of its build (None when another script built it without keeping them)."""
    from bench.compare_engines import RunConfig, _timed_build
    from bench.indexes import xinwen_index

    cfg = RunConfig(str(workdir), str(corpus), None, "", str(QUERIES_DIR / "known_items.jsonl"))
    # Another benchmark (scale.py) may be building the same index: wait for it untimed, then
    # take the figures it kept (timing the wait would record it as this build's).
    with (workdir / ".xinwen-full.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("waiting for the embedded index another run is building …", flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)

    def make() -> Path:
        return xinwen_index(workdir, corpus, None, cfg.targets(), False, 0)

    folder, figures, _fresh = _timed_build("xinwen-full", cfg, make)
    return folder, figures


def http_latency(servers: dict[str, Server], repeat: int) -> tuple[dict, dict]:
    """First-time and warm latency (ms) per backend over ``/api/search``; errors per backend."""
    from bench.latency import read_queries
    from bench.load import fetch, query_path

    paths = [query_path(q) for q in read_queries(QUERIES_DIR / "latency.txt")]
    samples: dict[str, dict[str, list[float]]] = {
        name: {"first": [], "warm": []} for name in servers
    }
    errors: dict[str, list[str]] = {name: [] for name in servers}  # every failed request
    for n in range(repeat + 2):  # pass 0: first time; pass 1: warm-up; then the timed passes
        for path in paths:
            for name, server in servers.items():
                sample = fetch(server.port, path)
                if sample.error:
                    errors[name].append(f"{path}: {sample.error[:200]}")
                if n == 0:
                    samples[name]["first"].append(sample.seconds * 1000)
                elif n > 1:
                    samples[name]["warm"].append(sample.seconds * 1000)
    return samples, errors


def error_statuses(errors: list[str]) -> dict[str, int]:
    """Failed requests by HTTP status ("0": no answer): a 400 is a query the backend refuses
    by design, a 503 one no node answered in time."""
    out: dict[str, int] = {}
    for error in errors:
        _path, _, what = error.partition(": ")
        status = what.split()[1].rstrip(":") if what.startswith("HTTP ") else "0"
        out[status] = out.get(status, 0) + 1
    return out


def relevance(search) -> dict:
    """Known-item and topical figures of ``search(query, k) -> [[id, collapsed…], …]``."""
    from bench.harness import QUERIES_DIR as Q
    from bench.query_sets import read_rows
    from bench.relevance import rank_of, read_known_items
    from bench.scaled import base_id
    from bench.topical import judged_at, ndcg, read_qrels

    def ranking(query: str, k: int) -> list[list[str]]:
        out: list[list[str]] = []
        seen: set[str] = set()
        for ids in search(query, k):  # copies of an article (``--scale``) count as it
            bases = list(dict.fromkeys(base_id(i) for i in ids))
            if bases[0] not in seen:
                out.append(bases)
                seen.update(bases)
        return out

    items = read_known_items()
    ranks = [rank_of(item.id, ranking(item.query, 10)) for item in items]
    known: dict[str, list[int | None]] = {}
    for item, rank in zip(items, ranks, strict=True):
        known.setdefault("all", []).append(rank)
        known.setdefault(item.split, []).append(rank)
    qrels = read_qrels()
    topical: dict[str, list[tuple[float, float]]] = {}
    for row in read_rows(Q / "topical.jsonl"):
        judged = qrels.get(row["id"], {})
        if not judged:
            continue
        top = [ids[0] for ids in ranking(row["query"], 10)]
        pair = (ndcg(top, judged), judged_at(top, judged))
        topical.setdefault("all", []).append(pair)
        topical.setdefault(row["split"], []).append(pair)
    out: dict = {"known": {}, "topical": {}}
    for split, values in known.items():
        out["known"][split] = {
            "n": len(values),
            "mrr": sum(1 / r for r in values if r) / len(values),
            "success": sum(1 for r in values if r) / len(values),
        }
    for split, pairs in topical.items():
        out["topical"][split] = {
            "n": len(pairs),
            "ndcg": sum(p[0] for p in pairs) / len(pairs),
            "judged": sum(p[1] for p in pairs) / len(pairs),
        }
    return out


def searcher_fn(searcher):
    from xinwen.search import QueryError, SearchRequest

    def search(query: str, k: int) -> list[list[str]]:
        try:
            result = searcher.search(SearchRequest(q=query, page_size=k))
        except QueryError:
            return []
        return [[hit.id, *hit.similar_ids] for hit in result.hits]

    return search


def run(args: argparse.Namespace) -> dict:
    from bench.scaled import scaled_corpus
    from xinwen.index.builder import ReindexOptions
    from xinwen.index.store import IndexStore
    from xinwen.search import Searcher
    from xinwen.search.typesense.cluster import LocalCluster
    from xinwen.search.typesense.indexer import ClusterTarget, reindex_typesense
    from xinwen.search.typesense.searcher import TypesenseSearcher

    corpus = require_corpus(args.corpus)
    workdir = args.workdir
    label = "full"
    if args.scale:
        workdir = args.workdir / f"scale-{args.scale}"
        workdir.mkdir(parents=True, exist_ok=True)
        corpus = scaled_corpus(workdir, corpus, args.scale)
        label = f"scale{args.scale}"
    workdir.mkdir(parents=True, exist_ok=True)
    figures: dict = {
        "label": label,
        "records": corpus_size(corpus),
        "started": now(),
        "machine": machine(),
        "commit": git_commit(),
        "uptime_start": uptime(),
        "repeat": args.repeat,
    }
    data = workdir / "cluster-data"
    shutil.rmtree(data, ignore_errors=True)
    cluster = LocalCluster(data).start()
    servers: dict[str, Server] = {}
    try:
        print(f"[{label}] Typesense reindex …", flush=True)
        target = ClusterTarget(cluster.urls, cluster.api_key, ALIAS)
        options = ReindexOptions([corpus], workdir / "ts-root", progress=False)
        report, seconds = _timed(lambda: reindex_typesense(options, target))
        nodes_after_import = [memory_mb(n.process.pid) for n in cluster.nodes]
        figures["cluster"] = {
            "build_seconds": seconds,
            "documents": report.documents,
            "indexed": report.indexed,
            "nodes_after_import": nodes_after_import,
            "bytes_per_node": [dir_size(n.folder / "data") for n in cluster.nodes],
        }
        print(f"[{label}] cluster built in {seconds:,.0f} s; {nodes_after_import}", flush=True)
        # The embedded index second: a scale.py run of the same size may be building it.
        print(f"[{label}] embedded index …", flush=True)
        root, built = embedded_index(workdir, corpus)
        generation = IndexStore(root).current_path()
        figures["embedded"] = {"build": built, "bytes": dir_size(generation or root)}
        env = {
            "XINWEN_TYPESENSE_KEY": cluster.api_key,
            "XINWEN_TYPESENSE_NODES": ",".join(cluster.urls),
            "XINWEN_COLLECTION": ALIAS,
        }
        servers["embedded"] = Server(["--index", str(root)], {}, workdir / "serve-embedded.log")
        servers["cluster"] = Server(["--backend", "typesense"], env, workdir / "serve-cluster.log")
        for server in servers.values():
            server.wait()
        print(f"[{label}] HTTP latency …", flush=True)
        samples, errors = http_latency(servers, args.repeat)
        figures["http"] = samples
        figures["http_errors"] = {k: v[:20] for k, v in errors.items()}
        figures["http_error_count"] = {k: len(v) for k, v in errors.items()}
        figures["http_error_status"] = {k: error_statuses(v) for k, v in errors.items()}
        figures["embedded"]["web_workers"] = servers["embedded"].workers_memory()
        figures["cluster"]["web_workers"] = servers["cluster"].workers_memory()
        for server in servers.values():
            server.stop()
        print(f"[{label}] relevance …", flush=True)
        embedded_searcher = Searcher(root)
        figures["embedded"]["relevance"] = relevance(searcher_fn(embedded_searcher))
        ts = TypesenseSearcher(cluster.urls, cluster.api_key, ALIAS)
        figures["cluster"]["relevance"] = relevance(searcher_fn(ts))
        figures["cluster"]["nodes"] = [memory_mb(n.process.pid) for n in cluster.nodes]
    finally:
        for server in servers.values():
            server.stop()
        cluster.stop()
        shutil.rmtree(data, ignore_errors=True)
    figures["uptime_end"] = uptime()
    figures["finished"] = now()
    path = args.workdir / f"cluster-{label}.json"
    path.write_text(json.dumps(figures, ensure_ascii=False), encoding="utf-8")
    return figures


# -- the report ----------------------------------------------------------------------------


def _ms(values: list[float], p: int) -> str:
    return f"{percentile(sorted(values), p):.1f}" if values else "—"


def _f(value: float | None, fmt: str = ",.0f") -> str:
    return "—" if value is None else format(value, fmt)


def _errors(fig: dict, backend: str) -> str:
    total = fig["http_error_count"][backend]
    statuses = (fig.get("http_error_status") or {}).get(backend) or {}
    if not total or not statuses:
        return str(total)
    return f"{total} (" + ", ".join(f"{n} × {s}" for s, n in sorted(statuses.items())) + ")"


def section(fig: dict) -> list[str]:
    emb, clu = fig["embedded"], fig["cluster"]
    built = emb.get("build") or {}
    emb_build = built.get("seconds")
    emb_build_mb = None
    if built:
        emb_build_mb = built["rss_mb"] + 2 * built.get("workers_rss_mb", 0)
    nodes = clu.get("nodes") or clu["nodes_after_import"]
    node_peak = [n["peak"] for n in nodes]
    node_rss = [n["rss"] for n in nodes]
    web = {k: fig[k]["web_workers"] for k in ("embedded", "cluster")}
    headers = ["", "embedded (Whoosh)", "cluster (3 Typesense nodes)"]
    rows = [
        ["documents", f"{fig['records']:,}", f"{clu['documents']:,}"],
        ["build s", _f(emb_build), _f(clu["build_seconds"])],
        [
            "build peak MB",
            _f(emb_build_mb) + " (reindex + 2 workers)",
            "— (one client process; the nodes below)",
        ],
        [
            "on disk MB",
            _f(emb["bytes"] / MB),
            " / ".join(_f(b / MB) for b in clu["bytes_per_node"]) + " per node",
        ],
        [
            "memory MB, each serving process: now (peak)",
            " / ".join(f"{w['rss']:,.0f} ({w['peak']:,.0f})" for w in web["embedded"])
            + " per gunicorn worker",
            " / ".join(f"{r:,.0f} ({p:,.0f})" for r, p in zip(node_rss, node_peak, strict=True))
            + " per node; gunicorn workers "
            + " / ".join(f"{w['rss']:,.0f}" for w in web["cluster"]),
        ],
    ]
    for label, key, p in (
        ("p50 page over HTTP ms (warm)", "warm", 50),
        ("p95 page over HTTP ms (warm)", "warm", 95),
        ("first-time p95 over HTTP ms", "first", 95),
    ):
        rows.append(
            [label, _ms(fig["http"]["embedded"][key], p), _ms(fig["http"]["cluster"][key], p)]
        )
    rows.append(
        [
            "failed requests (400: refused by design; 503: no node answered within 2 s)",
            _errors(fig, "embedded"),
            _errors(fig, "cluster"),
        ]
    )
    for split in ("all", "tune", "test"):
        e, c = emb["relevance"]["known"].get(split), clu["relevance"]["known"].get(split)
        if e and c:
            rows.append(
                [
                    f"known-item MRR@10 / success@10, {split} ({e['n']})",
                    f"{e['mrr']:.3f} / {e['success']:.3f}",
                    f"{c['mrr']:.3f} / {c['success']:.3f}",
                ]
            )
    for split in ("all", "tune", "test"):
        e, c = emb["relevance"]["topical"].get(split), clu["relevance"]["topical"].get(split)
        if e and c:
            rows.append(
                [
                    f"topical nDCG@10 (judged@10), {split} ({e['n']} topics)",
                    f"{e['ndcg']:.3f} ({e['judged']:.2f})",
                    f"{c['ndcg']:.3f} ({c['judged']:.2f})",
                ]
            )
    return [
        f"## {fig['records']:,} articles ({fig['label']})",
        "",
        f"{fig['started']} – {fig['finished']} · {fig['machine']} · commit {fig['commit']} ·"
        f" {fig['repeat']} timed passes.",
        f"Load before: `{fig['uptime_start']}`; after: `{fig['uptime_end']}`.",
        "",
        markdown_table(headers, rows),
        "",
    ]


def report(workdir: Path) -> str:
    runs = []
    for path in sorted(workdir.glob("cluster-*.json")):
        runs.append(json.loads(path.read_text(encoding="utf-8")))
    runs.sort(key=lambda f: f["records"])
    lines = [
        "# The three-node Typesense cluster against the embedded index",
        "",
        "Written by `python -m bench.cluster` (`--scale N` for the repeated corpus). Both"
        " backends on the same machine, in one run: the embedded index built by"
        " `xinwen reindex` (2 workers, normal priority), the cluster's three"
        " `typesense-server` nodes (0.24.1) on loopback ports, filled by one `xinwen reindex"
        " --backend typesense` process (reading, analysis and imports of 500). Latency: the"
        " `queries/latency.txt` queries through `xinwen serve` (2 gunicorn workers) over"
        " HTTP, one client, the two servers asked in turn query by query; first-time: each"
        " query's first request to the just-started servers. Memory: VmRSS (VmHWM, the"
        " peak) from `/proc`. Relevance: the known-item and topical sets of `bench/queries`,"
        " top 10 (copies of an article in a repeated corpus count as it; unjudged documents"
        " count 0 in nDCG). Three nodes and the embedded server share the machine's 2 cores:"
        " the cluster's figures here are those of three replicas on one machine, not of three"
        f" machines. Note: {NOISE_NOTE}.",
        "",
    ]
    for fig in runs:
        lines += section(fig)
    return "\n".join(lines)


def keep_earlier(new: str, old: str) -> str:
    """``new`` with the sections of ``old`` it does not rewrite: runs whose figures are in
    another work folder (another machine or worktree) and the notes written by hand, which no
    rerun may lose. Run sections are ordered by their size, hand-written ones come last."""

    def sections(text: str) -> tuple[str, dict[str, str]]:
        head, *parts = re.split(r"(?m)^(?=## )", text)
        return head, {part.splitlines()[0]: part.rstrip() + "\n" for part in parts}

    head, fresh = sections(new)
    _, earlier = sections(old)
    runs = {**{k: v for k, v in earlier.items() if _size(k) is not None}, **fresh}
    notes = [v for k, v in earlier.items() if _size(k) is None and k not in fresh]
    ordered = sorted(runs, key=lambda k: _size(k) or 0)
    return head.rstrip() + "\n\n" + "\n".join([*(runs[k] for k in ordered), *notes])


def _size(heading: str) -> int | None:
    """The article count a run's heading starts with (``## 73,876 articles …``), else None."""
    match = re.match(r"## ([\d,]+) articles", heading)
    return int(match.group(1).replace(",", "")) if match else None


def main(argv: list[str] | None = None) -> int:
    parser = arguments(
        __doc__, corpus=True, workdir=True, repeat=(3, "timed passes (default 3)"), no_write=True
    )
    parser.add_argument("--scale", type=int, help="the corpus repeated to N records")
    parser.add_argument("--report", action="store_true", help="only rewrite the report")
    args = parser.parse_args(argv)
    if not args.report:
        run(args)
    text = report(args.workdir)
    if RESULTS.exists():
        text = keep_earlier(text, RESULTS.read_text(encoding="utf-8"))
    publish(text, RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
