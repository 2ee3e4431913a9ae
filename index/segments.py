"""Writing a new segment: postings grouped by term as documents arrive, each list written whole.

Whoosh's ``SegmentWriter`` puts every posting, as a 5-tuple, into a ``PostingPool`` that sorts
all of them (spilling sorted runs to disk past a memory limit) and then feeds them one by one to
the codec's field writer, which buffers them again into blocks. For our analysis that is about
1.2 million postings per 3,000 news articles, and the per-posting Python work of pool, sort and
block buffering was most of a full reindex (see bench/README.md).

``GroupingPool`` replaces the pool: a posting goes straight into its term's list (three items
appended: document number, frequency, packed positions), so nothing is sorted but the distinct
terms. ``XinwenSegmentWriter`` installs it; the codec's field writer (`index.codec`) writes
each term's whole list at once, in the W3 format Whoosh reads.

Memory grows with the segment (``estimated_bytes``), where Whoosh's pool spilled sorted runs
to disk: a writer is ``full()`` at its ``limitmb`` and the builder then finishes the segment and
starts another.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from itertools import islice
from operator import gt

from xinwen.index import whoosh_io
from xinwen.index.postingvalues import encode_positions
from xinwen.index.whoosh_contract import SegmentWriter


class TermBuffer:
    """One term's postings in the segment being written, in document order, as the codec
    writes them: document numbers, weights and encoded values (None for fields without)."""

    __slots__ = ("docnums", "values", "weights")

    def __init__(self, flat: list) -> None:
        # The pool keeps each term's postings as one flat list, (docnum, weight, value) after
        # (docnum, weight, value): appending three items to a list is the cheapest record
        # Python has for a step that runs once per posting.
        self.docnums = array("I", flat[0::3])
        self.weights = array("f", flat[1::3])
        self.values: list[bytes | None] = flat[2::3]
        docnums = self.docnums
        if any(map(gt, docnums, islice(docnums, 1, None))):  # merged segments
            order = sorted(range(len(docnums)), key=docnums.__getitem__)
            self.docnums = array("I", map(docnums.__getitem__, order))
            self.weights = array("f", map(self.weights.__getitem__, order))
            self.values = list(map(self.values.__getitem__, order))


class GroupedPostings:
    """What `GroupingPool.iter_postings` hands the field writer: terms in (field, term) order."""

    def __init__(self, fields: dict[str, dict[bytes, list]], texts: dict[str, dict[str, list]]):
        self._fields = fields
        self._texts = texts

    def fieldnames(self) -> list[str]:
        """The fields with postings, sorted."""
        return sorted(self._fields.keys() | self._texts.keys())

    def terms(self, fieldname: str) -> Iterator[tuple[bytes, TermBuffer]]:
        """The field's terms in byte order, each with its postings in document order."""
        terms = self._fields.get(fieldname, {})
        texts = self._texts.get(fieldname)
        if texts:
            terms = dict(terms)
            for text, flat in texts.items():
                btext = text.encode("utf-8")
                other = terms.get(btext)
                # The same term from a merged segment: TermBuffer puts the order right.
                terms[btext] = flat if other is None else flat + other
        for btext in sorted(terms):
            yield btext, TermBuffer(terms[btext])

    def __iter__(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        """The postings as Whoosh's 5-tuples, for a field writer without the fast path."""
        for fieldname in self.fieldnames():
            for btext, buffer in self.terms(fieldname):
                for docnum, weight, value in zip(
                    buffer.docnums, buffer.weights, buffer.values, strict=True
                ):
                    yield fieldname, btext, docnum, weight, value or b""


class GroupingPool:
    """A drop-in for Whoosh's ``PostingPool`` that groups postings by term in memory."""

    def __init__(self) -> None:
        self.fieldnames: set[str] = set()
        # Each term's postings as one flat list (see TermBuffer).
        self._fields: dict[str, dict[bytes, list]] = {}
        # add_positions keys terms by text: the analysis's strings have their hash cached,
        # where encoding each posting's term to bytes made a new object to hash (once per
        # posting); they are encoded once per term when the segment is written.
        self._texts: dict[str, dict[str, list]] = {}
        self.postings = 0
        self.terms = 0

    def estimated_bytes(self) -> int:
        """Roughly the memory the buffered postings take: bytes per posting and per term as
        measured with tracemalloc, rounded up (bench/results/code-notes.md, "Segment writer
        memory")."""
        return 40 * self.postings + 150 * self.terms

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """Add one ``(fieldname, btext, docnum, weight, value)`` posting."""
        fieldname, btext, docnum, weight, value = item
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        flat = terms.get(btext)
        if flat is None:
            flat = terms[btext] = []
            self.terms += 1
        self.postings += 1
        flat += (docnum, weight, value)

    def iter_postings(self) -> GroupedPostings:
        """Every posting, grouped by field and term."""
        return GroupedPostings(self._fields, self._texts)

    def save(self) -> None:
        """Nothing to spill: postings stay in memory until the segment is written."""

    def cleanup(self) -> None:
        """Release the postings."""
        self._fields, self._texts = {}, {}

    def add_positions(
        self, fieldname: str, docnum: int, positions: dict[str, list[int]], boost: float
    ) -> int:
        """Add one document's postings in a positional field; returns the field's length."""
        terms = self._texts.get(fieldname)
        if terms is None:
            terms = self._texts[fieldname] = {}
            self.fieldnames.add(fieldname)
        new = 0
        for term, poslist in positions.items():
            flat = terms.get(term)
            if flat is None:
                flat = terms[term] = []
                new += 1
            n = len(poslist)
            # Frequencies are small ints (shared objects); a boost makes them floats.
            flat += (
                docnum,
                n if boost == 1.0 else n * boost,
                encode_positions(poslist),
            )
        self.terms += new
        self.postings += len(positions)
        return sum(map(len, positions.values()))


class XinwenSegmentWriter(SegmentWriter):
    """Whoosh's segment writer with postings grouped by term (`GroupingPool`).

    ``add_document`` is a fork of Whoosh 2.7.5's, using its private parts listed in
    `index.whoosh_contract`.

    Documents of fields with a ``positions()`` fast path (``index.schema.ChineseText``) go
    straight from the analysis into the pool; everything else is written as Whoosh does.
    """

    def __init__(self, ix: object, limitmb: int = 128, **kwargs: object) -> None:
        whoosh_io.install()  # merges read compound segments (a sub-writer of any start method)
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = GroupingPool()
        self._limit = limitmb * 1024 * 1024
        self._fast_fields = {
            name for name, field in self.schema.items() if hasattr(field, "positions")
        }

    def full(self) -> bool:
        """Whether the buffered postings reached ``limitmb``: time to finish this segment.

        Whoosh's pool spills sorted runs to disk instead; here the caller starts a new segment,
        which bounds a build's memory whatever the corpus size.
        """
        return self.pool.estimated_bytes() >= self._limit

    def add_document(self, **fields: object) -> None:
        """Add one document: its postings, stored values, lengths and column values."""
        if any(name.startswith("_") for name in fields):  # boosts or custom stored values
            super().add_document(**fields)
            return
        self._check_state()
        schema, perdoc, pool, docnum = self.schema, self.perdocwriter, self.pool, self.docnum
        names = sorted(fields)
        self._check_fields(schema, names)
        perdoc.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if field.indexed:
                    positions = field.positions(value) if name in self._fast_fields else None
                    if positions is not None:
                        length = pool.add_positions(
                            name, docnum, positions, field.format.field_boost
                        )
                    else:
                        for btext, freq, weight, vbytes in field.index(value):
                            if field.scorable:
                                length += freq
                            pool.add((name, btext, docnum, weight, vbytes))
                if field.separate_spelling() or field.vector:
                    raise NotImplementedError(f"{name}: spelling and vector fields")
                perdoc.add_field(name, field, value if field.stored else None, length)
                if field.column_type:
                    perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1
