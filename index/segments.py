"""Writing a new segment: postings grouped by term as documents arrive, each list written whole.

Whoosh's ``SegmentWriter`` puts every posting, as a 5-tuple, into a ``PostingPool`` that sorts
all of them (spilling sorted runs to disk past a memory limit) and then feeds them one by one to
the codec's field writer, which buffers them again into blocks. For our analysis that is about
1.2 million postings per 3,000 news articles, and the per-posting Python work of pool, sort and
block buffering was most of a full reindex (see bench/README.md).

``GroupingPool`` replaces the pool: a posting goes straight into its term's compact buffer
(arrays of document numbers and weights, one byte string of values), so nothing is sorted but
the distinct terms. ``XinwenSegmentWriter`` installs it; the codec's field writer
(`index.codec`) writes each term's whole list at once, in the exact W3 format Whoosh reads.

Memory grows with the segment (about 30 bytes per posting and 550 per term), where Whoosh's
pool spilled sorted runs to disk: a writer is ``full()`` at its ``limitmb`` and the builder
then finishes the segment and starts another (for the bench corpus, 74k articles, two
segments per worker).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from whoosh.writing import SegmentWriter

from index.postingvalues import encode_positions, encoded_single


class TermBuffer:
    """One term's postings in the segment being written, in document order."""

    __slots__ = ("docnums", "ends", "ordered", "values", "weights")

    def __init__(self) -> None:
        self.docnums = array("I")
        self.weights = array("f")
        # The non-empty encoded values back to back; ends[i] is where value i stops.
        self.values = bytearray()
        self.ends = array("I")
        self.ordered = True

    def add(self, docnum: int, weight: float, value: bytes | None) -> None:
        """Append one posting (documents normally arrive in increasing order)."""
        docnums = self.docnums
        if docnums and docnum < docnums[-1]:
            self.ordered = False
        docnums.append(docnum)
        self.weights.append(weight)
        if value:
            self.values += value
            self.ends.append(len(self.values))

    def value_list(self) -> list[bytes]:
        """The encoded values, one per posting that has one."""
        values, start, out = bytes(self.values), 0, []
        for end in self.ends:
            out.append(values[start:end])
            start = end
        return out

    def extend(self, other: TermBuffer) -> None:
        """Append ``other``'s postings (in whatever document order: `sort` puts them right)."""
        base = len(self.values)
        self.docnums.extend(other.docnums)
        self.weights.extend(other.weights)
        self.values += other.values
        self.ends.extend(end + base for end in other.ends)
        self.ordered = False

    def sort(self) -> None:
        """Put postings that arrived out of document order (merged segments) in order."""
        if self.ordered:
            return
        values = self.value_list()
        has_values = len(values) == len(self.docnums)
        order = sorted(range(len(self.docnums)), key=self.docnums.__getitem__)
        docnums, weights = self.docnums, self.weights
        self.__init__()  # type: ignore[misc]
        for i in order:
            self.add(docnums[i], weights[i], values[i] if has_values else None)


class GroupedPostings:
    """What `GroupingPool.iter_postings` hands the field writer: terms in (field, term) order."""

    def __init__(
        self,
        fields: dict[str, dict[bytes, TermBuffer]],
        texts: dict[str, dict[str, TermBuffer]],
    ) -> None:
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
            for text, buffer in texts.items():
                btext = text.encode("utf-8")
                other = terms.get(btext)
                if other is not None:  # the same term from a merged segment
                    buffer.extend(other)
                terms[btext] = buffer
        for btext in sorted(terms):
            buffer = terms[btext]
            buffer.sort()
            yield btext, buffer

    def __iter__(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        """The postings as Whoosh's 5-tuples, for a field writer without the fast path."""
        for fieldname in self.fieldnames():
            for btext, buffer in self.terms(fieldname):
                values = iter(buffer.value_list()) if buffer.ends else None
                for docnum, weight in zip(buffer.docnums, buffer.weights, strict=True):
                    yield fieldname, btext, docnum, weight, next(values) if values else b""


class GroupingPool:
    """A drop-in for Whoosh's ``PostingPool`` that groups postings by term in memory."""

    def __init__(self) -> None:
        self.fieldnames: set[str] = set()
        self._fields: dict[str, dict[bytes, TermBuffer]] = {}
        # add_positions keys terms by text: the analysis's strings have their hash cached,
        # where encoding each posting's term to bytes made a new object to hash (once per
        # posting); they are encoded once per term when the segment is written.
        self._texts: dict[str, dict[str, TermBuffer]] = {}
        self.postings = 0
        self.terms = 0

    def estimated_bytes(self) -> int:
        """Roughly the memory the buffered postings take (measured: ~30 bytes per posting and
        ~550 per term on news articles, arrays' spare room and objects included)."""
        return 30 * self.postings + 550 * self.terms

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """Add one ``(fieldname, btext, docnum, weight, value)`` posting."""
        fieldname, btext, docnum, weight, value = item
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        buffer = terms.get(btext)
        if buffer is None:
            buffer = terms[btext] = TermBuffer()
            self.terms += 1
        self.postings += 1
        buffer.add(docnum, weight, value)

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
        length = 0
        for term, poslist in positions.items():
            buffer = terms.get(term)
            if buffer is None:
                buffer = terms[term] = TermBuffer()
                self.terms += 1
            n = len(poslist)
            length += n
            # TermBuffer.add, inlined: this runs once per posting.
            buffer.docnums.append(docnum)
            buffer.weights.append(n * boost)
            buffer.values += encoded_single(poslist[0]) if n == 1 else encode_positions(poslist)
            buffer.ends.append(len(buffer.values))
        self.postings += len(positions)
        return length


class XinwenSegmentWriter(SegmentWriter):
    """Whoosh's segment writer with postings grouped by term (`GroupingPool`).

    Documents of fields with a ``positions()`` fast path (``index.schema.ChineseText``) go
    straight from the analysis into the pool; everything else is written as Whoosh does.
    """

    def __init__(self, ix: object, limitmb: int = 128, **kwargs: object) -> None:
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
