"""The grouped segment writer writes what Whoosh's own writer writes, byte for byte."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh.query import Phrase
from whoosh.writing import SegmentWriter

from tests.helpers import DEMO, build_index, records, write_jsonl
from xinwen.index import builder
from xinwen.index.builder import to_document
from xinwen.index.codec import XinwenCodec
from xinwen.index.postingvalues import (
    PackedPositions,
    decode_positions,
    encode_positions,
)
from xinwen.index.records import Record
from xinwen.index.schema import build_schema
from xinwen.index.segments import GroupingPool, XinwenSegmentWriter
from xinwen.index.store import IndexStore


@pytest.fixture(scope="module")
def corpus() -> list[Record]:
    """The demo corpus three times over (new ids): common terms span several 128-posting blocks."""
    demo = records(DEMO)
    return [
        dataclasses.replace(record, id=f"{record.id}-{copy}")
        for copy in range(3)
        for record in demo
    ]


def _build(
    path: Path, writer_class: type[SegmentWriter], docs: list[Record], *, w3_bytes: bool = True
) -> Path:
    """An index of ``docs``; ``w3_bytes``: our codec set to write exactly W3's bytes."""
    path.mkdir()
    ix = whoosh_index.create_in(str(path), build_schema())
    codec = XinwenCodec(small_block=0, pickle_protocol=2) if w3_bytes else XinwenCodec()
    writer = writer_class(ix, codec=codec, compound=False)
    for seq, record in enumerate(docs):
        writer.add_document(**to_document(record, seq, seq))
    writer.commit()
    return path


def _segment_files(path: Path) -> dict[str, str]:
    """Digest of each segment file, keyed by its name without the random segment id."""
    return {
        item.name.split(".", 1)[1]: hashlib.sha256(item.read_bytes()).hexdigest()
        for item in path.iterdir()
        if item.name.startswith("MAIN_") and "." in item.name
    }


def _postings(path: Path) -> dict[tuple[str, bytes], list[tuple[str, float, bytes]]]:
    """Every term's postings, documents named by id (merging renumbers them)."""
    ix = whoosh_index.open_dir(str(path))
    with ix.reader() as reader:
        ids = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}
        out = {}
        for fieldname, btext in reader.all_terms():
            matcher = reader.postings(fieldname, btext)
            items = []
            while matcher.is_active():
                items.append((ids[matcher.id()], matcher.weight(), matcher.value()))
                matcher.next()
            out[fieldname, btext] = sorted(items)
    return out


def test_grouped_writer_writes_whoosh_bytes(tmp_path: Path, corpus: list[Record]) -> None:
    ours = _build(tmp_path / "ours", XinwenSegmentWriter, corpus)
    whoosh = _build(tmp_path / "whoosh", SegmentWriter, corpus)
    files = _segment_files(ours)
    assert {"pst", "trm", "_stored.col", "id.col"} <= files.keys()
    assert files == _segment_files(whoosh)
    # Several blocks per common term, so block boundaries are covered by the comparison.
    postings = _postings(ours)
    assert max(len(items) for items in postings.values()) > 2 * 128


def test_default_blocks_read_back_the_same_and_take_less_room(
    tmp_path: Path, corpus: list[Record]
) -> None:
    """Small blocks uncompressed, byte strings pickled as they are: same postings, less disk."""
    ours = _build(tmp_path / "ours", XinwenSegmentWriter, corpus, w3_bytes=False)
    whoosh = _build(tmp_path / "whoosh", SegmentWriter, corpus)
    assert _postings(ours) == _postings(whoosh)
    assert _file_size(ours, ".pst") < _file_size(whoosh, ".pst")


def _file_size(path: Path, suffix: str) -> int:
    return sum(item.stat().st_size for item in path.iterdir() if item.name.endswith(suffix))


def test_grouping_pool_orders_postings_that_arrive_out_of_order() -> None:
    pool = GroupingPool()
    for docnum, value in [(5, b"e"), (2, b"b"), (9, b"i"), (1, b"a")]:
        pool.add(("body", b"x", docnum, float(docnum), value))
    pool.add(("body", b"a", 3, 1.0, b"c"))
    grouped = pool.iter_postings()
    assert list(grouped) == [
        ("body", b"a", 3, 1.0, b"c"),
        ("body", b"x", 1, 1.0, b"a"),
        ("body", b"x", 2, 2.0, b"b"),
        ("body", b"x", 5, 5.0, b"e"),
        ("body", b"x", 9, 9.0, b"i"),
    ]


def test_merging_segments_through_the_grouped_writer(tmp_path: Path, corpus: list[Record]) -> None:
    half = len(corpus) // 2
    source = _build(tmp_path / "source", XinwenSegmentWriter, corpus[:half])
    ix = whoosh_index.open_dir(str(source))
    writer = XinwenSegmentWriter(ix, codec=XinwenCodec(), compound=False)
    for seq, record in enumerate(corpus[half:], start=half):
        writer.add_document(**to_document(record, seq, seq))
    writer.commit(optimize=True)  # the old segment's postings go through the pool's add()
    merged = _postings(source)
    expected = _postings(_build(tmp_path / "whole", SegmentWriter, corpus))
    assert merged == expected


@given(st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=300, unique=True))
def test_packed_positions_read_back_as_whoosh_reads_a_posting(positions: list[int]) -> None:
    positions.sort()
    fmt = PackedPositions(field_boost=2.0)
    encoded = encode_positions(positions)
    assert len(encoded) == 4 * len(positions)
    assert fmt.encode(positions) == encoded
    assert fmt.decode_positions(encoded) == positions
    assert list(decode_positions(encoded)) == positions
    assert fmt.decode_frequency(encoded) == len(positions)
    assert fmt.decode_weight(encoded) == 2.0 * len(positions)
    assert encode_positions(positions[:1]) == positions[0].to_bytes(4, "little")


@pytest.mark.parametrize("position", [0, 1, 255, 256, 8191, 8192, 65536, 2**32 - 1])
def test_single_positions_looked_up_encode_as_packed(position: int) -> None:
    assert encode_positions([position]) == position.to_bytes(4, "little")


def _has_run(tokens: list[str], run: list[str]) -> bool:
    return any(tokens[i : i + len(run)] == run for i in range(len(tokens) - len(run) + 1))


def test_whoosh_phrase_queries_read_packed_positions(tmp_path: Path, corpus: list[Record]) -> None:
    """Whoosh's own matchers decode positions through the field's format: a phrase finds exactly
    the documents whose characters hold it in a row."""
    docs = corpus[:12]
    path = _build(tmp_path / "index", XinwenSegmentWriter, docs, w3_bytes=False)
    ix = whoosh_index.open_dir(str(path))
    analyzer = ix.schema["body_c"].analyzer
    tokens = {r.id: [t.text for t in analyzer(r.body)] for r in docs}
    first = tokens[docs[0].id]
    with ix.searcher() as searcher:
        for run in (first[:2], first[5:9], first[8:4:-1], first[-3:]):
            found = {
                searcher.stored_fields(d)["id"]
                for d in searcher.docs_for_query(Phrase("body_c", run))
            }
            assert found == {id_ for id_, toks in tokens.items() if _has_run(toks, run)}
            assert found or run == first[8:4:-1]
    ix.close()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_full_writer_starts_a_new_segment_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: list[Record], workers: int
) -> None:
    source = write_jsonl(
        tmp_path / "corpus.jsonl",
        ({"id": r.id, "title": r.title, "body": r.body, "category": r.category} for r in corpus),
    )
    whole = IndexStore(build_index(tmp_path / "whole", source, workers=workers)).current_path()
    monkeypatch.setattr(builder, "BUILD_LIMIT_MB", 1)  # a segment per ~100 demo articles
    split = IndexStore(build_index(tmp_path / "split", source, workers=workers)).current_path()
    whole_ix, split_ix = whoosh_index.open_dir(str(whole)), whoosh_index.open_dir(str(split))
    assert len(split_ix._segments()) > len(whole_ix._segments())
    assert split_ix.doc_count() == whole_ix.doc_count() == len(corpus)
    assert _postings(split) == _postings(whole)
