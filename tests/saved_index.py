"""The committed index of the current schema (``tests/fixtures/saved-index``), and how to
write it again.

An index is an on-disk format: Whoosh pickles the schema, analyzers included, with their class
paths, and xinwen adds its own files beside it. ``tests/test_saved_index.py`` opens the
committed copy with the current code, so a change that would break indexes people already
have fails there. When the format changes on purpose:

1. bump ``index.schema.SCHEMA_VERSION`` (older indexes then get "rebuild the index" messages),
2. say so in CHANGES.md ("Indexes built before must be rebuilt"),
3. write the fixture again: ``python -m tests.saved_index`` (from the repository root).
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "saved-index"

# Our own text: three short articles, one with a near-duplicate, one traditional.
ARTICLES = [
    {
        "id": "saved-1",
        "title": "特高压直流工程投运",
        "body": "西北至华中±800千伏特高压直流输电工程今日投运，年送电量约400亿千瓦时。",
        "category": "项目",
        "source": "电力日报",
        "published": "2024-03-05",
    },
    {
        "id": "saved-2",
        "title": "特高压直流工程正式投运",
        "body": "西北至华中±800千伏特高压直流输电工程今日正式投运，年送电量约400亿千瓦时。",
        "category": "项目",
        "source": "能源观察",
        "published": "2024-03-06",
    },
    {
        "id": "saved-3",
        "title": "綠色供應鏈試點啟動",
        "body": "光伏組件企業加入綠色供應鏈試點，單晶矽片能耗下降。",
        "category": "政策",
        "source": "新能源周刊",
        "published": "2023-11-20",
    },
]


def write(target: Path = FIXTURE) -> Path:
    """Build the fixture index into ``target`` (replacing it) with the current code."""
    from xinwen.index.analysis import configure_jieba
    from xinwen.index.builder import ReindexOptions, reindex
    from xinwen.search import readcache

    work = target.parent / f".{target.name}.tmp"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    source = work / "articles.jsonl"
    source.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8"
    )
    configure_jieba(work / "jieba-cache")
    root = work / "index"
    reindex(
        ReindexOptions(
            sources=[source],
            root=root,
            workers=1,
            nice=0,
            progress=False,
            prepare=readcache.prepare,
        )
    )
    shutil.rmtree(root / "jieba", ignore_errors=True)  # a cache, rebuilt where it is missing
    (root / "reindex.lock").unlink(missing_ok=True)
    # The metadata names the source as it was found; keep no path of this machine in it.
    meta_path = next((root / "generations").glob("*/xinwen.json"))
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["sources"] = [source.name]
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    shutil.move(str(root), str(target))
    shutil.rmtree(work)
    return target


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(write())
