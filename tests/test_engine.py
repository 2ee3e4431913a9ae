"""The query engine's shortcuts give the same answers as its long ways."""

from __future__ import annotations

from pathlib import Path

from xinwen.index.store import IndexStore
from xinwen.search.engine import Engine
from xinwen.search.facets import mask_of
from xinwen.search.postings import read_term, read_values
from xinwen.search.readcache import build


def read_postings(
    reader: object, fieldname: str, text: str, want_values: bool = False
) -> tuple[list[int], list[float], list[bytes]]:
    """All (docnum, weight[, value]) postings of a term as lists."""
    term = read_term(reader, fieldname, text, want_values)  # type: ignore[arg-type]
    values = [term.value(j) for j in range(len(term.ids))] if want_values else []
    return list(term.ids), list(term.weights), values


def _engine(root: Path) -> tuple[Engine, object]:
    _gen, ix = IndexStore(root).open_current()
    reader = ix.reader()
    live = mask_of(reader.all_doc_ids(), reader.doc_count_all())
    return Engine(reader, reader.doc_count_all(), live, build(reader)), ix


def test_scoring_a_few_documents_equals_scoring_all(demo_index: Path) -> None:
    engine, ix = _engine(demo_index)
    terms = [("body", "电力", 1.0), ("title", "电力", 3.0), ("body_c", "电", 0.35)]
    ids = read_postings(engine.reader, "body", "电力")[0]
    assert len(ids) > 32  # common enough for the look-up path
    full = engine.scores(terms)
    for pick in (ids[:1], ids[3:5]):
        few = engine.scores(terms, among=mask_of(pick, engine.size))
        assert all(few[d] == full[d] > 0 for d in pick)
    ix.close()


def test_reading_values_dense_or_sparse_gives_the_same_positions(demo_index: Path) -> None:
    engine, ix = _engine(demo_index)
    ids, _w, values = read_postings(engine.reader, "body_c", "电", want_values=True)
    expected = dict(zip(ids, values, strict=True))
    for wanted in (ids[:2], ids, ids[::3]):  # sparse (skipping) and dense (whole lists)
        got = dict(read_values(engine.reader, "body_c", "电", wanted))
        assert got == {d: expected[d] for d in wanted}
    ix.close()
