"""HTML news pages per second: xinwen's page reader against trafilatura alone.

Real article text (the first ``--pages`` articles of the bench corpus) is rendered into the
invented site layouts of ``tests/pagesites.py`` as HTML pages (category folders, one folder per
site), then read three ways, each timed over the same files:

- ``xinwen``: ``index.sources.read_sources`` over the folder, as ``xinwen reindex`` reads it
  (decoding, the template learned from the pages, trafilatura's main text, headline, byline,
  date, source, category) — everything a reindex does before analysis;
- ``trafilatura``: for each file, ``trafilatura.bare_extraction(bytes, with_metadata=True)``,
  the reference (what the library costs alone, with its own metadata);
- ``template``: ``SiteTemplate.learn`` over 10k … 1M lines, to show it is linear.

Usage: ``python -m bench.pages [--pages 600] [--out bench/results/pages.md]``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import arguments, header, iter_raw, markdown_table, publish, require_corpus
from tests.pagesites import LAYOUTS, Article, write_corpus
from xinwen.index.records import Record
from xinwen.index.sources import read_sources
from xinwen.index.template import SiteTemplate


def write_pages(root: Path, count: int) -> tuple[list[Path], list[Article]]:
    """Render `count` real articles as HTML pages of the site layouts."""
    articles: list[Article] = []
    for n, raw in enumerate(iter_raw(require_corpus())):
        if len(articles) >= count:
            break
        paragraphs = [p for p in str(raw.get("body") or "").split("\n") if p.strip()]
        title = str(raw.get("title") or "").strip()
        if not paragraphs or not title:
            continue
        published = raw.get("published")
        date = tuple(int(x) for x in str(published).split("-")) if published else (2020, 1, 1)
        articles.append(
            Article(
                n=n,
                category=("政策", "项目", "技术")[n % 3],
                topic="光伏",
                place="",
                body_place="",
                title=title,
                paragraphs=paragraphs,
                date=date,  # type: ignore[arg-type]
                time="09:30",
                source=str(raw.get("source") or "") or None,
                author="王某",
                editor="李某",
            )
        )
    paths = []
    for i, article in enumerate(articles):
        layout = LAYOUTS[i % len(LAYOUTS)]
        others = [articles[(i + k) % len(articles)] for k in range(1, 6)]
        folder = root / layout.folder / article.category
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{i:05d}{layout.html_suffix}"
        path.write_bytes(layout.html(article, others).encode(layout.html_encoding))
        paths.append(path)
    return paths, articles


def time_xinwen(root: Path) -> tuple[float, list[Record]]:
    started = time.perf_counter()
    records = [item for item in read_sources([root]) if isinstance(item, Record)]
    return time.perf_counter() - started, records


def agreement(records: list[Record], articles: list[Article]) -> tuple[int, int, int]:
    """Records whose title, date and category equal the rendered article's."""
    by_number = {int(r.id.rsplit("/", 1)[-1].split(".")[0]): r for r in records}
    titles = dates = categories = 0
    for i, article in enumerate(articles):
        record = by_number.get(i)
        if record is None:
            continue
        titles += record.title == " ".join(article.title.split())
        y, m, d = article.date or (0, 0, 0)
        dates += record.published is not None and record.published == dt.date(y, m, d)
        categories += record.category == article.category
    return titles, dates, categories


def time_trafilatura(paths: list[Path], metadata: bool = True) -> float:
    import trafilatura

    started = time.perf_counter()
    for path in paths:
        trafilatura.bare_extraction(path.read_bytes(), with_metadata=metadata)
    return time.perf_counter() - started


def fixture_accuracy(work: Path) -> tuple[int, dict[str, tuple[int, int]]]:
    """Titles, dates and sources right on the fixtures' HTML pages: (pages, {what: (xinwen,
    trafilatura alone)}). Trafilatura runs with its defaults (its date search included)."""
    import trafilatura

    root = work / "fixtures"
    root.mkdir()
    expected = {e.path: e for e in write_corpus(root) if e.skip is None}
    pages = {p: e for p, e in expected.items() if not p.endswith(".txt")}
    records = {r.id: r for r in read_sources([root]) if isinstance(r, Record)}
    right = {"title": [0, 0], "published": [0, 0], "source": [0, 0]}
    for path, want in pages.items():
        data = (root / path).read_bytes()
        doc = trafilatura.bare_extraction(
            gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data, with_metadata=True
        )
        ours = records.get(path)
        published = ours.published.isoformat() if ours and ours.published else None
        right["title"][0] += bool(ours) and ours.title == want.title
        right["published"][0] += bool(ours) and published == want.published
        right["source"][0] += bool(ours) and ours.source == want.source
        right["title"][1] += doc is not None and doc.title == want.title
        right["published"][1] += doc is not None and doc.date == want.published
        right["source"][1] += doc is not None and want.source in (doc.sitename, doc.author)
    return len(pages), {k: (v[0], v[1]) for k, v in right.items()}


def time_template(lines: int) -> float:
    pages = [
        [f"第{p}页第{i}行，内容。" if i % 3 else f"页眉{i}" for i in range(50)]
        for p in range(lines // 50)
    ]
    started = time.perf_counter()
    SiteTemplate.learn(pages)
    return time.perf_counter() - started


def main() -> int:
    parser = arguments(__doc__, out=None)
    parser.add_argument("--pages", type=int, default=600)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="xinwen-pages-"))
    try:
        paths, articles = write_pages(work, args.pages)
        # Warm both (imports, trafilatura's first-call set-up) on a few pages first.
        time_trafilatura(paths[:5])
        list(read_sources([paths[0].parent]))
        xinwen_s, records = time_xinwen(work)
        trafilatura_s = time_trafilatura(paths)
        xinwen2_s, _ = time_xinwen(work)
        titles, dates, categories = agreement(records, articles)
        trafilatura2_s = time_trafilatura(paths)
        bare_s = min(time_trafilatura(paths, False), time_trafilatura(paths, False))
        template = [(n, time_template(n)) for n in (10_000, 100_000, 1_000_000)]
        fixture_pages, accuracy = fixture_accuracy(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    best_x, best_t = min(xinwen_s, xinwen2_s), min(trafilatura_s, trafilatura2_s)
    n = len(paths)
    lines = [
        "# HTML pages per second",
        "",
        header(__file__),
        "",
        f"{n} HTML pages: real article text (bench corpus) in the site layouts of "
        "`tests/pagesites.py`; best of two runs each.",
        "",
        markdown_table(
            ["reader", "seconds", "pages/s", "per page ms"],
            [
                [reader, f"{seconds:.2f}", f"{n / seconds:,.0f}", f"{1000 * seconds / n:.1f}"]
                for reader, seconds in (
                    ("xinwen `read_sources` (all of it)", best_x),
                    ("trafilatura 2 `bare_extraction` alone, with metadata", best_t),
                    ("trafilatura 2 `bare_extraction` alone, main text only", bare_s),
                )
            ],
        ),
        "",
        f"xinwen made {len(records)} records of {n} pages (titles right on {titles}, dates on"
        f" {dates}, categories on {categories}); it costs {best_x / best_t:.2f}× trafilatura"
        f" alone with metadata, {best_x / bare_s:.2f}× its main text alone.",
        "",
        f"Right on the {fixture_pages} HTML pages of the fixtures (`tests/pagesites.py`, eight"
        " layouts; trafilatura with its defaults, date search included):",
        "",
        markdown_table(
            ["field", "xinwen", "trafilatura alone"],
            [[k, str(a), str(b)] for k, (a, b) in accuracy.items()],
        ),
        "",
        "Template learning (`SiteTemplate.learn`, pages of 50 lines):",
        "",
        markdown_table(
            ["lines", "seconds", "µs per line"],
            [[f"{k:,}", f"{s:.3f}", f"{1e6 * s / k:.2f}"] for k, s in template],
            align="rrr",
        ),
    ]
    publish("\n".join(lines) + "\n", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
