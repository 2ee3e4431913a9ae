"""The read side's faster paths give exactly the answers of the plain ones they replace."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

import xinwen.search.engine as engine_module
from tests.helpers import DEMO, article, build_index, result_pages, write_jsonl
from xinwen.index import analysis
from xinwen.index.clusters import (
    NUM_PERM,
    SEED,
    THRESHOLD,
    fold_all,
    jaccard,
    shingle_hash,
    shingle_set,
    shingle_text,
    signatures,
)
from xinwen.index.postingvalues import decode_positions
from xinwen.index.store import IndexStore
from xinwen.search import Searcher, readcache
from xinwen.search.engine import Engine, _begins_cached
from xinwen.search.facets import docnums_of, mask_of
from xinwen.search.folding import fold
from xinwen.search.postings import read_term, read_values

# Characters the folding table changes (full-width, upper case, compatibility forms),
# traditional characters OpenCC converts (also in phrases: 乾隆 stays, 乾燥 does not), and
# plain simplified text.
_FOLDABLE = "ＡＢＣａｂｃ１２３，。：（）ABCXYZ\u3000\u00a0ﬁ㈠①Ⅻ"
_TRADITIONAL = "綠色供應鏈國際聯播發展乾隆乾燥後來頭髮電腦網絡軟體臺灣"
_PLAIN = "特高压输电新冠肺炎疫情光伏储能 abc 2024 -_/.%"


def _demo_texts() -> list[str]:
    texts = []
    for path in sorted(DEMO.rglob("*")):
        if path.suffix in (".jsonl", ".json", ".txt", ".csv") and path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_FOLDABLE + _TRADITIONAL + _PLAIN), max_size=60))
def test_fold_equals_the_index_fold_on_mixed_text(text: str) -> None:
    assert fold(text) == analysis.fold(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_fold_equals_the_index_fold_on_any_text(text: str) -> None:
    assert fold(text) == analysis.fold(text)


def test_fold_equals_the_index_fold_on_the_demo_corpus() -> None:
    texts = _demo_texts()
    assert texts
    for text in texts:
        for line in text.splitlines():
            assert fold(line) == analysis.fold(line)


def _demo_articles() -> list[tuple[str, str]]:
    out = []
    for path in sorted(DEMO.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.append((str(rec.get("title", "")), str(rec.get("body", ""))))
    return out


def _four_grams(title: str, body: str) -> frozenset[str]:
    """The plain definition: the set of character 4-grams of the folded title and start of
    the body (a text shorter than a 4-gram is its own single shingle)."""
    text = fold((title + "\n" + body[:1500]).replace(" ", ""))
    if len(text) <= 4:
        return frozenset([text])
    return frozenset(text[i : i + 4] for i in range(len(text) - 3))


def test_exact_similarity_is_the_jaccard_similarity_of_the_4_gram_sets() -> None:
    articles = [*_demo_articles()[:40], ("短", ""), ("四个字符", ""), ("ab", "cd"), ("", "")]
    folded = fold_all([shingle_text(t, b) for t, b in articles])
    sets = [shingle_set(f) for f in folded]
    plain = [_four_grams(t, b) for t, b in articles]
    for i, j in combinations(range(len(articles)), 2):
        a, b = plain[i], plain[j]
        assert jaccard(sets[i], sets[j]) == pytest.approx(len(a & b) / len(a | b))
    assert all(len(s) == len(p) for s, p in zip(sets, plain, strict=True))
    # Sizes at the bound: 3 of 5 shared is exactly THRESHOLD.
    five, three = shingle_set("abcdefgh"), shingle_set("abcdef")
    assert jaccard(five, three) == 3 / 5 == THRESHOLD


def test_batch_signatures_are_datasketch_minhashes() -> None:
    """The numpy batch path computes what ``datasketch.MinHash.update_batch`` computes."""
    articles = [*_demo_articles()[:12], ("短", "")]
    folded = fold_all([shingle_text(t, b) for t, b in articles])
    batch = signatures(folded)
    for text, sig in zip(folded, batch, strict=True):
        reference = MinHash(
            num_perm=NUM_PERM,
            seed=SEED,
            scheme="affine32",
            hashfunc=lambda key: int(shingle_hash(np.array([key], dtype=np.uint64))[0]),
        )
        reference.update_batch(shingle_set(text).tolist())
        assert reference.hashvalues.tolist() == sig.tolist()


# -- postings, positions and the per-generation caches --------------------------------------------

QUERIES = [
    "",
    "光伏 储能",
    '"绿色供应链"',
    '"业余时间"',
    "绿色 供应链",
    "煤",
    "风电 -煤",
    "氢能 OR 核电",
    "title:储能",
    "农业",
    "供应",
    "特高压",
    '"特高压直流"',
    "綠色供應鏈",
    "５Ｇ",
    "氢能 鲸鱼迁徙",
    '"新能源" 基地',
    "能源 -新能源",
    "发展",
    "国际",
    '"国务院"',
    "新冠",
    "疫情 防控",
    "联播",
]


def _pages(searcher: Searcher) -> list[dict]:
    return result_pages(searcher, QUERIES)


def _whoosh_postings(reader: object, fieldname: str, text: str) -> list[tuple]:
    """The long way: Whoosh's own matcher, one posting at a time."""
    out = []
    for leaf, offset in reader.leaf_readers():  # type: ignore[attr-defined]
        btext = text.encode("utf-8")
        if (fieldname, btext) not in leaf:
            continue
        m = leaf.postings(fieldname, btext)
        while m.is_active():
            out.append((m.id() + offset, m.weight(), m.value()))
            m.next()
    return out


@pytest.fixture(scope="module")
def many_blocks_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of 1,500 generated articles in two segments: "光伏" is in every one (a dozen
    128-posting blocks per segment), "电力" in three of four with 1 to 3 occurrences (blocks
    of unequal weights), positions included."""
    folder = tmp_path_factory.mktemp("many-blocks")
    rows = [
        article(n, body=f"第{n}篇。光伏电站并网发电。" + "电力供应稳定，" * (n % 4))
        for n in range(1500)
    ]
    source = write_jsonl(folder / "articles.jsonl", rows)
    return build_index(folder / "index", source, workers=2)


_DIFFERENTIAL = [
    ("demo_index", "body", "电力", 1),
    ("demo_index", "body_c", "电", 1),
    ("demo_index", "title", "光伏", 1),
    ("many_blocks_index", "body", "光伏", 1500),
    ("many_blocks_index", "body", "电力", 1125),
    ("many_blocks_index", "body_c", "电", 1500),
    ("many_blocks_index", "title", "光伏", 1500),
]


@pytest.mark.parametrize("index,fieldname,text,least", _DIFFERENTIAL)
def test_read_term_equals_whooshs_matcher(
    request: pytest.FixtureRequest, index: str, fieldname: str, text: str, least: int
) -> None:
    _gen, ix = IndexStore(request.getfixturevalue(index)).open_current()
    with ix.reader() as reader:
        expected = _whoosh_postings(reader, fieldname, text)
        assert len(expected) >= least
        term = read_term(reader, fieldname, text, with_values=True)
        got = [
            (d, w, term.value(j))
            for j, (d, w) in enumerate(zip(term.ids, term.weights, strict=True))
        ]
        assert got == expected
        bare = read_term(reader, fieldname, text)
        assert list(bare.ids) == list(term.ids) and bare.values is None
        # Positions of a few documents, skipping blocks by their headers, and of all.
        ids = [d for d, _w, _v in expected]
        for wanted in (ids[:1], ids[::97], ids[127::128], ids[-3:], ids):
            got = list(read_values(reader, fieldname, text, wanted))
            keep = set(wanted)
            assert got == [(d, v) for d, _w, v in expected if d in keep]
    ix.close()


def test_positions_from_the_cache_equal_positions_read_block_by_block(demo_index: Path) -> None:
    _gen, ix = IndexStore(demo_index).open_current()
    reader = ix.reader()
    size = reader.doc_count_all()
    engine = Engine(reader, size, mask_of(reader.all_doc_ids(), size), readcache.build(reader))
    for fieldname, text in (("body_c", "电"), ("body", "电力"), ("title_c", "能")):
        ids = list(read_term(reader, fieldname, text).ids)
        term = engine.postings(fieldname, text, positions=True).term
        assert list(term.ids) == ids and term.values is not None
        for docs in (ids[:1], ids[::3], ids, list(range(size))):
            sparse = list(read_values(reader, fieldname, text, docs))
            assert [d for d, _ in sparse] == [d for d in docs if d in set(ids)]
            assert [(d, term.value(ids.index(d))) for d, _ in sparse] == sparse
            for offset in (0, 1, 3):
                expected = {d: {p - offset for p in decode_positions(v)} for d, v in sparse}
                assert _begins_cached(term, docs, offset, None) == expected
                # Kept only where they meet the starts already found (and non-empty).
                starts = {d: {min(b), 10**6} for d, b in expected.items()}
                kept = {d: {min(b)} for d, b in expected.items()}
                assert _begins_cached(term, sorted(starts), offset, starts) == kept
                assert _begins_cached(term, docs, offset, {d: {-99} for d in docs}) == {}
    reader.close()
    ix.close()


def _with_settings(monkeypatch: pytest.MonkeyPatch, **settings: int) -> None:
    for name, value in settings.items():
        monkeypatch.setattr(engine_module, name, value)


NO_CACHES = {"CACHE_BYTES": 0, "CACHE_MASK_BYTES": 0, "DENSE_FACTOR": 0}


@pytest.mark.parametrize(
    "settings",
    [
        {},  # as shipped
        {"DENSE_FACTOR": 10**9},  # every position check reads and keeps whole lists
        {"CACHE_BYTES": 200_000, "CACHE_MASK_BYTES": 20_000},  # evicting all the time
    ],
)
def test_results_are_the_same_with_and_without_the_caches(
    demo_index: Path, monkeypatch: pytest.MonkeyPatch, settings: dict[str, int]
) -> None:
    # The reference: nothing cached, every list read again, positions block by block.
    with monkeypatch.context() as patched:
        _with_settings(patched, **NO_CACHES)
        reference = Searcher(demo_index)
        expected = _pages(reference)
        info = reference._current().engine.cache_info()
        assert info["terms"] <= 1 and info["masks"] <= 1
    _with_settings(monkeypatch, **settings)
    searcher = Searcher(demo_index)
    assert _pages(searcher) == expected
    assert _pages(searcher) == expected  # and again, from what it cached


@pytest.mark.corpus
def test_results_are_the_same_with_and_without_the_caches_on_real_news(
    sample_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        _with_settings(patched, **NO_CACHES)
        expected = _pages(Searcher(sample_index))
    searcher = Searcher(sample_index)
    assert _pages(searcher) == expected
    assert _pages(searcher) == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 3000), st.floats(0.0, 1.0), st.randoms(use_true_random=False))
def test_docnums_of_reads_back_any_bitset(size: int, density: float, rnd) -> None:
    docs = sorted(d for d in range(size) if rnd.random() < density)
    assert docnums_of(mask_of(docs, size)) == docs
    everything = list(range(size))
    assert docnums_of(mask_of(everything, size)) == everything


def test_cache_bounds_grow_with_the_corpus(
    demo_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Bounds sized for a corpus a tenth of the demo's: ten times larger here.
    documents = Searcher(demo_index)._current().engine.size
    _with_settings(monkeypatch, CACHE_SIZED_FOR=max(1, documents // 10))
    info = Searcher(demo_index)._current().engine.cache_info()
    scale = documents / max(1, documents // 10)
    assert info["bytes_bound"] == int(engine_module.CACHE_BYTES * scale)
    assert info["mask_bytes_bound"] == int(engine_module.CACHE_MASK_BYTES * scale)
    # Up to the size they are meant for, the bounds are as shipped.
    _with_settings(monkeypatch, CACHE_SIZED_FOR=documents)
    info = Searcher(demo_index)._current().engine.cache_info()
    assert info["bytes_bound"] == engine_module.CACHE_BYTES
