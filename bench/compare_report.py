"""The report of ``bench.compare``: headline figures per engine, tables, ratios, notes.

Works on the figures ``compare.run`` returns (and saves as JSON in the work folder), so a report
can be written again without running anything (``python -m bench.compare --from-saved``);
``bench.scale`` uses the same summaries for its growth table.
"""

from __future__ import annotations

from bench.compare_engines import PEERS
from bench.harness import NOISE_NOTE, fmt, markdown_table, percentile

KIND_ORDER = ("plain", "traditional", "single_char", "fullwidth", "phrase")
MB = 2**20


# -- summaries -----------------------------------------------------------------------------


def _samples(query: dict, mode: str) -> list[float]:
    return sorted(ms for values in query["latency"].get(mode, {}).values() for ms in values)


def build_seconds(figures: dict, engine: str) -> float | None:
    """Seconds from corpus to index: the peers' jieba segmentation included."""
    build = (figures["engines"].get(engine) or {}).get("build") or {}
    if not build.get("figures"):
        return None
    seconds = build["figures"]["seconds"]
    if engine in PEERS:
        seg = (figures.get("segmentation") or {}).get("figures")
        if not seg:
            return None
        seconds += seg["seconds"]
    return seconds


def engine_summary(figures: dict, engine: str) -> dict:
    """One engine's headline figures (None where not measured)."""
    entry = figures["engines"].get(engine) or {}
    build = entry.get("build") or {}
    built = build.get("figures") or {}
    query = entry.get("query") or {}
    out: dict = {
        "documents": query.get("documents", 0),
        "index_s": built.get("seconds"),
        "size_mb": build["bytes"] / MB if "bytes" in build else None,
        "build_mb": built.get("rss_mb"),
        "workers_mb": built.get("workers_rss_mb") or None,
        "query_mb": query.get("rss_mb"),
        "hits_same_as_page": False,
    }
    for mode in ("hits", "page"):
        samples = _samples(query, mode) if query else []
        out[f"{mode}_p50"] = percentile(samples, 50) if samples else None
        out[f"{mode}_p95"] = percentile(samples, 95) if samples else None
    if out["hits_p50"] is None and out["page_p50"] is not None:
        out["hits_p50"], out["hits_p95"] = out["page_p50"], out["page_p95"]
        out["hits_same_as_page"] = True
    ranks = query.get("ranks")
    if ranks:
        out["mrr"] = sum(1 / r for r in ranks if r) / len(ranks)
        out["success"] = sum(1 for r in ranks if r) / len(ranks)
    else:
        out["mrr"] = out["success"] = None
    return out


def build_memory(figures: dict, engine: str) -> float | None:
    """Estimated peak memory of a build: main process + one largest worker per worker."""
    s = engine_summary(figures, engine)
    if s["build_mb"] is None:
        return None
    workers = figures["cpus"] if engine in ("xinwen", "baseline") and s["workers_mb"] else 0
    return s["build_mb"] + workers * (s["workers_mb"] or 0)


# -- report --------------------------------------------------------------------------------


def _ratio(a: float | None, b: float | None) -> str:
    return "—" if a is None or not b else f"{a / b:.2f}×"


def _scope(figures: dict) -> str:
    if figures.get("scale"):
        return (
            f"the bench corpus repeated to {figures['scale']:,} records (new ids, dates moved"
            " 15 years per copy; `python -m bench.scale`)"
        )
    if figures.get("limit") is None:
        return "the whole bench corpus (`../shared/corpus/bench.jsonl.gz`)"
    return (
        f"the first {figures['limit']:,} records of the bench corpus plus every known-item"
        " target (a quick run: far easier and faster than the whole corpus)"
    )


def _build_table(figures: dict, engines: list[str]) -> list[str]:
    seg = (figures.get("segmentation") or {}).get("figures")
    rows = []
    for engine in engines:
        s = engine_summary(figures, engine)
        peer = engine in PEERS
        memory = fmt(s["build_mb"], ",.0f")
        if s["workers_mb"]:
            memory += f" + {figures['cpus']} × {fmt(s['workers_mb'], ',.0f')}"
        rows.append(
            [
                engine,
                f"{s['documents']:,}",
                fmt(s["index_s"], ",.1f"),
                fmt(seg["seconds"], ",.1f") if peer and seg else "(inside)",
                fmt(build_seconds(figures, engine), ",.1f"),
                fmt(s["size_mb"], ",.1f"),
                memory,
            ]
        )
    headers = ["engine", "documents", "index s", "jieba s", "total s", "size MB", "build peak MB"]
    return [markdown_table(headers, rows)]


def _query_table(figures: dict, engines: list[str]) -> list[str]:
    rows = []
    for engine in engines:
        s = engine_summary(figures, engine)
        query = (figures["engines"].get(engine) or {}).get("query") or {}
        mark = " ¹" if s["hits_same_as_page"] else ""
        empty = query.get("empty", {})
        rows.append(
            [
                engine,
                fmt(s["hits_p50"], ".1f", mark),
                fmt(s["hits_p95"], ".1f", mark),
                fmt(s["page_p50"], ".1f"),
                fmt(s["page_p95"], ".1f"),
                fmt(s["mrr"], ".3f"),
                fmt(s["success"] * 100 if s["success"] is not None else None, ".0f", "%"),
                fmt(s["query_mb"], ",.0f"),
                f"{max(empty.values(), default=0)} / {query.get('empty_known', 0)}"
                if query
                else "—",
            ]
        )
    headers = ["engine", "p50 top-10", "p95 top-10", "p50 page", "p95 page"]
    headers += ["MRR@10", "success@10", "query peak MB", "no results"]
    return [markdown_table(headers, rows)]


def _ratio_table(figures: dict, engines: list[str]) -> list[str]:
    if "xinwen" not in engines:
        return []
    x = engine_summary(figures, "xinwen")
    rows = []
    for peer in engines:
        if peer == "xinwen":
            continue
        p = engine_summary(figures, peer)
        rows.append(
            [
                peer,
                _ratio(build_seconds(figures, "xinwen"), build_seconds(figures, peer)),
                _ratio(x["size_mb"], p["size_mb"]),
                _ratio(build_memory(figures, "xinwen"), build_memory(figures, peer)),
                _ratio(x["query_mb"], p["query_mb"]),
                _ratio(x["hits_p95"], p["hits_p95"]),
                _ratio(x["page_p50"], p["page_p50"]),
                _ratio(x["page_p95"], p["page_p95"]),
                _ratio(x["mrr"], p["mrr"]),
            ]
        )
    headers = ["peer", "build time", "size", "build memory", "query memory", "p95 top-10"]
    headers += ["p50 page", "p95 page", "MRR@10"]
    return [markdown_table(headers, rows)]


def _kind_table(figures: dict, engines: list[str]) -> list[str]:
    from bench.relevance import KnownItem, score

    items = [KnownItem("", "", kind) for kind in figures["kinds"]]
    scored = {}
    for engine in engines:
        ranks = ((figures["engines"].get(engine) or {}).get("query") or {}).get("ranks")
        if ranks:
            scored[engine] = score(items, ranks)
    if not scored:
        return []
    kinds = [k for k in KIND_ORDER if k in figures["kinds"]]
    kinds += [*sorted(set(figures["kinds"]) - set(kinds)), "all"]
    rows = []
    for kind in kinds:
        n = next(iter(scored.values()))[kind]["n"]
        row = [f"**{kind}**" if kind == "all" else kind, str(n)]
        row += [f"{scored[e][kind]['mrr']:.3f}" for e in scored]
        row += [f"{scored[e][kind]['success']:.0%}" for e in scored]
        rows.append(row)
    headers = ["kind", "queries"] + [f"MRR@10 {e}" for e in scored]
    headers += [f"success@10 {e}" for e in scored]
    return [markdown_table(headers, rows)]


def _class_table(figures: dict, engines: list[str]) -> list[str]:
    classes: dict[str, int] = {}
    per: dict[str, dict[str, float]] = {}
    for engine in engines:
        query = (figures["engines"].get(engine) or {}).get("query")
        if not query:
            continue
        mode = "page" if "page" in query["latency"] else "hits"
        per[engine] = {}
        for cls, samples in query["latency"][mode].items():
            classes[cls] = len(samples) // max(figures["repeat"], 1)
            per[engine][cls] = percentile(sorted(samples), 95)
    rows = [
        [cls, str(n), *[fmt(per[e].get(cls), ".1f") for e in per]] for cls, n in classes.items()
    ]
    headers = ["class", "queries"] + [
        f"{e} ({'page' if e != 'baseline' else 'top-10'})" for e in per
    ]
    return [markdown_table(headers, rows)] if rows else []


def report(figures: dict) -> str:
    """The Markdown report of one run (also printed)."""
    engines = list(figures["engines"])
    seg = (figures.get("segmentation") or {}).get("figures")
    load = ", ".join(f"{a:.1f}" for a in figures["load_start"])
    load_end = ", ".join(f"{a:.1f}" for a in figures["load_end"])
    cpus = figures["cpus"]
    lines = [
        "# Side by side: xinwen, tantivy, SQLite FTS5 and the jieba + Whoosh baseline",
        "",
        f"Written by `{_command(figures)}` on {figures['started']} · {figures['machine']} ·"
        f" commit {figures['commit']}. Load average (1, 5, 15 min) {load} at the start,"
        f" {load_end} at the end. Note: {NOISE_NOTE}.",
        "",
        f"Corpus: {_scope(figures)}. Queries: the {_queries(figures)} of"
        " `bench/queries/latency.txt` (one warm-up pass, then"
        f" {figures['repeat']} timed passes, milliseconds) and the {len(figures['kinds'])}"
        " known-item queries of `bench/queries/known_items.jsonl` (scored as"
        " `bench/relevance.py` scores them). Every phase of every engine ran in a process of"
        " its own.",
        "",
        "## Building the index",
        "",
        *_build_table(figures, engines),
        "",
        "`index s`: corpus → index on disk. tantivy and FTS5 index the text that jieba segmented"
        " once for both"
        + (
            f" ({fmt(seg['seconds'], ',.1f')} s with {seg.get('processes', cpus)} processes,"
            f" `jieba s`; peak memory {fmt(seg['rss_mb'], ',.0f')} MB +"
            f" {seg.get('processes', cpus)} × {fmt(seg['workers_rss_mb'], ',.0f')} MB)"
            if seg
            else ""
        )
        + "; xinwen and the baseline segment inside their build. `total s` = index + jieba."
        f" xinwen builds with {cpus} worker processes, the baseline with Whoosh's {cpus}-process"
        f" writer, tantivy with {cpus} indexing threads, FTS5 in one thread. `build peak MB`:"
        " `ru_maxrss` of the build process + of its largest worker process × workers."
        " `size MB`: the index on disk (xinwen: its current generation; FTS5: the database"
        " file, after `optimize` and `VACUUM`).",
        "",
        "## Queries",
        "",
        *_query_table(figures, engines),
        "",
        "`top-10`: the ten best hits (id and title) alone; `page`: a full result page — ten hits"
        " with highlighted title and snippet, category and year counts and the exact total."
        " ¹ xinwen's API always answers with a full page (facets, snippets, total): its top-10"
        " figures are its full-page figures. The baseline has no category or date fields:"
        " top 10 only, filters ignored. `query peak MB`: `ru_maxrss` of the query process"
        " (index opened, jieba loaded, every query run). `no results`: latency queries /"
        " known-item queries answered with nothing." + _load_warning(figures),
        "",
        "## xinwen ÷ peer",
        "",
        *_ratio_table(figures, engines),
        "",
        "Above 1: xinwen takes more (time, disk, memory) — or, for MRR@10, finds more. Build"
        " time includes the peers' jieba segmentation; build memory is the estimate of the"
        " table above. p95 top-10 compares xinwen's full page with the peer's top 10 alone.",
        "",
        "## Known-item relevance by kind",
        "",
        *_kind_table(figures, engines),
        "",
        "## p95 by query class (milliseconds)",
        "",
        *_class_table(figures, engines),
        "",
        "## How the peers are set up",
        "",
        "- **Segmentation** (tantivy, FTS5): plain `jieba.cut(text)` — accurate mode, HMM on,"
        " jieba's own dictionary, no user dictionary and no folding (not xinwen's analyzer,"
        " which folds traditional and full-width characters and adds sub-words); whitespace"
        " and punctuation tokens dropped, words joined by spaces. Queries go through the same"
        " function.",
        "- **Query translation** (`bench/peer_query.py`): whitespace-separated terms, each"
        " segmented; every word required (AND) in the title or the body; a term in ASCII"
        ' double quotes (`"…"`, not `“…”`) a phrase query; `-word` excluded; `OR` between'
        " terms; when AND finds nothing and the query has more than one word, the same query"
        " with any word enough (OR). Traditional and"
        " full-width queries are passed as typed. xinwen gets the query text as typed;"
        " filters (`| category=… from=… to=… sort=date`) go to every engine but the baseline.",
        "- **tantivy** (`bench/peer_tantivy.py`): whitespace tokenizer + lower-casing; BM25 of"
        " each word in the title (boost 2) or the body; category (raw string, fast field),"
        " source, date and year fields; page facets from one terms aggregation;"
        " `SnippetGenerator` for the title and the body snippet; exact count from"
        " `search(count=True)`.",
        "- **FTS5** (`bench/peer_fts5.py`): `unicode61` tokenizer over the segmented text;"
        " `bm25(docs, 2.0, 1.0)` as the rank (title weight 2); metadata in a plain table joined"
        " on rowid; page facets and total from one `GROUP BY category, year`; `highlight()` and"
        " `snippet()` for the ten hits only.",
        "- **baseline** (`bench/baseline.py`): Whoosh + `jieba.analyse.ChineseAnalyzer`, the"
        " default `MultifieldParser` (AND).",
        "- **xinwen**: `Searcher(root).search(SearchRequest(q, page_size=10, …))`; its facets"
        " also count sources and apply multi-select (each group's counts ignore its own"
        " filter), and it collapses near-duplicates — more work than the peers' pages.",
        "",
    ]
    missing = [e for e in engines if not (figures["engines"][e] or {}).get("query")]
    if missing:
        lines += [f"Failed (see the run's output): {', '.join(missing)}.", ""]
    lines += _reuse_notes(figures, engines, missing)
    lines += [f"- {note}" for note in figures["notes"]]
    return "\n".join(lines).rstrip() + "\n"


def _reuse_notes(figures: dict, engines: list[str], missing: list[str]) -> list[str]:
    """Which indexes this run reused rather than built (their build figures are older)."""
    builds = {e: (figures["engines"][e] or {}).get("build") or {} for e in engines}
    builds["jieba segmentation"] = figures.get("segmentation") or {}
    reused, untimed = [], []
    for name, build in builds.items():
        if not build or build.get("fresh", True) or name in missing:
            continue
        if build.get("figures"):
            reused.append(f"{name} (built {build['figures']['built_at']})")
        else:
            untimed.append(name)
    lines = []
    if reused:
        lines += [
            "Reused from the work folder, with the figures of the run that built them: "
            + ", ".join(reused)
            + ". `--rebuild` builds everything anew.",
            "",
        ]
    if untimed:
        lines += [
            "— in the build table: the index of "
            + ", ".join(untimed)
            + " was reused, built by another script; `--rebuild ENGINE` builds and times it.",
            "",
        ]
    return lines


def _load_warning(figures: dict) -> str:
    """A warning when the machine had more runnable work than CPUs during the run."""
    if max(figures["load_start"][0], figures["load_end"][0]) <= figures["cpus"]:
        return ""
    return (
        " The load average exceeded the CPU count during this run: figures of a few"
        " milliseconds (the peers' p95s especially) mostly measure waiting for a CPU while"
        " other jobs ran, not the engines."
    )


def _command(figures: dict) -> str:
    """The command line of a run, as far as its scope goes."""
    if figures.get("scale"):
        return f"python -m bench.compare --scale {figures['scale']}"
    if figures.get("limit") is not None:
        return f"python -m bench.compare --limit {figures['limit']}"
    return "python -m bench.compare"


def _queries(figures: dict) -> str:
    for entry in figures["engines"].values():
        if entry.get("query"):
            return f"{entry['query']['queries']} queries"
    return "queries"
