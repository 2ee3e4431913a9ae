"""The per-generation read cache: same answers with it or without, rebuilt whenever not current."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import xinwen.search.readcache as readcache
from tests.helpers import DEMO, article, build_index, result_pages, write_jsonl
from xinwen.index.builder import ReindexOptions, reindex
from xinwen.index.store import IndexStore
from xinwen.search import Searcher, SearchRequest

QUERIES = ["", "光伏 储能", '"绿色供应链"', "煤", "风电 -煤", "氢能 OR 核电", "特高压", "发展"]


def _results(root: Path) -> list[dict]:
    searcher = Searcher(root)
    out = result_pages(searcher, QUERIES)
    filtered = SearchRequest(q="能源", categories=("政策",), date_from=None, page_size=50)
    data = searcher.search(filtered).to_dict()
    data.pop("took_ms")
    out.append(data)
    searcher.close()
    return out


def _load(root: Path, write: bool = True) -> readcache.GenerationData:
    gen, ix, reader = IndexStore(root).open_reader()
    try:
        return readcache.load(gen.path, gen.meta, reader, write=write)
    finally:
        reader.close()
        ix.close()


def _cache_file(root: Path) -> Path:
    return IndexStore(root).current().path / readcache.CACHE_FILE


@pytest.fixture
def demo_root(tmp_path: Path) -> Path:
    return build_index(tmp_path / "demo", DEMO)


def test_the_cache_holds_exactly_what_the_index_gives(demo_root: Path) -> None:
    assert not _cache_file(demo_root).exists()
    built = _load(demo_root)
    assert not built.from_cache and _cache_file(demo_root).is_file()
    cached = _load(demo_root)
    assert cached.from_cache
    assert cached.facets == built.facets
    assert cached.lengths == built.lengths and cached.field_lengths == built.field_lengths
    assert cached.order == built.order


def test_results_are_the_same_with_and_without_the_cache(demo_root: Path) -> None:
    cache = _cache_file(demo_root)
    without = _results(demo_root)  # builds the structures and writes the cache
    assert cache.is_file()
    with_cache = _results(demo_root)
    assert with_cache == without
    cache.unlink()
    assert _results(demo_root) == without


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # truncated
        lambda blob: blob[:40] + bytes(b ^ 0x5A for b in blob[40:80]) + blob[80:],  # garbled
        lambda blob: b"",  # emptied
        lambda blob: b"not a cache at all",
    ],
)
def test_a_damaged_cache_is_rebuilt(demo_root: Path, damage) -> None:
    expected = _results(demo_root)
    cache = _cache_file(demo_root)
    good = cache.read_bytes()
    cache.write_bytes(damage(good))
    assert not _load(demo_root, write=False).from_cache
    assert _results(demo_root) == expected
    assert cache.read_bytes() == good  # rewritten whole


def test_a_cache_from_another_generation_is_rebuilt(tmp_path: Path, demo_root: Path) -> None:
    src = write_jsonl(
        tmp_path / "other.jsonl",
        [article(i, title=f"光伏电站{i}", body="储能项目并网。" * i) for i in range(1, 6)],
    )
    other = build_index(tmp_path / "other", src)
    expected = _results(other)
    _load(demo_root)
    # The demo generation's cache, copied in as if it were the other one's.
    shutil.copy(_cache_file(demo_root), _cache_file(other))
    assert not _load(other, write=False).from_cache
    assert _results(other) == expected
    assert _load(other).from_cache  # rewritten for this generation


def test_an_incremental_reindex_never_writes_through_the_served_cache(tmp_path: Path) -> None:
    records = [
        article(i, title=f"电网新闻{i}", body=f"特高压工程第{i}段投运。") for i in range(1, 8)
    ]
    src = write_jsonl(tmp_path / "a.jsonl", records)
    root = build_index(tmp_path / "ix", src)
    first = _results(root)
    old_gen = IndexStore(root).current().path
    old_cache = (old_gen / readcache.CACHE_FILE).read_bytes()
    changed = [*records[:3], article(4, title="电网新闻四", body="风电项目并网。"), *records[4:]]
    write_jsonl(src, [*changed, article(9, title="储能", body="储能电站开工。")])
    reindex(ReindexOptions([src], root, incremental=True, progress=False))
    new_gen = IndexStore(root).current().path
    assert new_gen != old_gen
    # The clone hard-linked the old cache into the new generation: it is stale there.
    assert not _load(root, write=False).from_cache
    after = _results(root)
    assert after != first and _load(root).from_cache
    # The generation it replaced is kept for readers still on it, its cache as it was.
    assert old_gen.is_dir()
    assert (old_gen / readcache.CACHE_FILE).read_bytes() == old_cache
    fresh = tmp_path / "fresh"
    shutil.copytree(root, fresh, symlinks=True)
    for gen in (fresh / "generations").iterdir():
        (gen / readcache.CACHE_FILE).unlink(missing_ok=True)
    assert _results(fresh) == after


def test_a_folder_that_cannot_be_written_only_means_no_cache(
    demo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _results(demo_root)
    _cache_file(demo_root).unlink()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(readcache.os, "replace", refuse)
    assert _results(demo_root) == expected
    gen = IndexStore(demo_root).current().path
    assert not (gen / readcache.CACHE_FILE).exists()
    assert not [p for p in os.listdir(gen) if p.endswith(".tmp")]  # nothing left behind
