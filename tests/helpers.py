"""Small helpers shared by tests: writing corpora, brute-force expectations, reading pages."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import lxml.html
from flask.testing import FlaskClient
from lxml.html import HtmlElement

from xinwen.index.analysis import fold, in_dictionary, word_analyzer
from xinwen.index.builder import ReindexOptions, reindex
from xinwen.index.records import Record
from xinwen.index.report import ReindexReport
from xinwen.index.sources import read_sources
from xinwen.search import Searcher, SearchRequest, SortOrder

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = SHARED_CORPUS / "sample.jsonl"


def build_index(root: Path, *sources: Path, **options: object) -> Path:
    """Run a real full reindex of ``sources`` into ``root``; returns the root."""
    opts = ReindexOptions(sources=list(sources), root=root, progress=False)
    for key, value in options.items():
        setattr(opts, key, value)
    reindex(opts)
    return root


def analyze(text: str, *, mode: str = "query", userwords: tuple = ()) -> list[str]:
    """Word tokens of ``text`` as the word fields see them."""
    return [t.text for t in word_analyzer(userwords)(text, mode=mode)]


def result_pages(searcher: Searcher, queries: Iterable[str]) -> list[dict]:
    """The first page (20 hits) of each query by relevance and by date, as the API returns
    them, without the time taken: for comparing two ways of answering."""
    out = []
    for q in queries:
        for sort in (SortOrder.RELEVANCE, SortOrder.DATE):
            data = searcher.search(SearchRequest(q=q, sort=sort, page_size=20)).to_dict()
            data.pop("took_ms")
            out.append(data)
    return out


def write_jsonl(path: Path, rows: Iterable[dict]) -> Path:
    """Write rows as JSON Lines."""
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return path


def article(n: int, **fields: object) -> dict:
    """A small synthetic article (our own text)."""
    row = {
        "id": f"t-{n}",
        "title": f"第{n}号测试新闻 光伏电站并网",
        "body": f"这是第{n}篇测试文章。某地新建光伏电站今日并网发电，装机{n}兆瓦。",
        "category": "项目",
        "published": f"2024-01-{n % 28 + 1:02d}",
        "source": "测试源",
        "url": f"https://example.invalid/{n}",
    }
    row.update(fields)
    return row


def balanced(report: ReindexReport) -> bool:
    """Whether every record read is accounted for (the promise of the closing summary)."""
    return report.read == report.indexed + report.unchanged + report.duplicates + report.skipped


def records(*sources: Path) -> list[Record]:
    """Every record the sources yield, the last of each id winning (as the index keeps them)."""
    by_id: dict[str, Record] = {}
    for item in read_sources(list(sources)):
        if isinstance(item, Record):
            by_id.pop(item.id, None)
            by_id[item.id] = item
    return list(by_id.values())


def containing(recs: Iterable[Record], needle: str, title_only: bool = False) -> set[str]:
    """Ids of records whose folded title (and body) contain ``needle`` — the brute-force truth."""
    key = fold(needle)
    return {r.id for r in recs if key in fold(r.title) or (not title_only and key in fold(r.body))}


def matching(recs: Iterable[Record], word: str, title_only: bool = False) -> set[str]:
    """Ids of records a one-word query should find, computed from the whole-text analysis.

    A word jieba knows is found where the analysis of the title or body has it (as a word or a
    sub-word); anything else (a single character, an unknown word) where its characters are.
    """
    key = fold(word)
    if len(key) == 1 or not in_dictionary(key):
        return containing(recs, word, title_only)
    found = set()
    for r in recs:
        texts = (r.title,) if title_only else (r.title, r.body)
        if any(key in _index_words(t) for t in texts):
            found.add(r.id)
    return found


@cache
def _index_words(text: str) -> frozenset[str]:
    return frozenset(analyze(text, mode="index"))


def kill_first_worker(proc: subprocess.Popen) -> str:
    """SIGKILL the first child (an indexing sub-writer) of a running reindex, as the OOM killer
    would, and return the reindex's stderr once it has ended."""
    try:
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        deadline = time.monotonic() + 60
        while not children.read_text().split():  # sub-writers start with the first batch
            assert proc.poll() is None and time.monotonic() < deadline, "no sub-writer started"
            time.sleep(0.02)
        os.kill(int(children.read_text().split()[0]), signal.SIGKILL)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return stderr


def page(client: FlaskClient, url: str, status: int = 200) -> HtmlElement:
    """GET ``url``, check the status and that it is HTML, and parse it (lxml, as a browser
    would build the tree; ``.cssselect`` finds elements in it)."""
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.data[:500])
    assert response.mimetype == "text/html"
    return lxml.html.fromstring(response.get_data(as_text=True))


def one(node: HtmlElement, selector: str) -> HtmlElement:
    """The first element under ``node`` (or ``node`` itself) matching a CSS selector."""
    found = node.cssselect(selector)
    assert found, f"nothing matches {selector!r}"
    return found[0]


def text_of(node: HtmlElement) -> str:
    """All text inside an element, white space collapsed (as a reader sees it)."""
    return " ".join(node.text_content().split())
