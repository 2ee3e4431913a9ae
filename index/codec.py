"""Whoosh's W3 codec with one hot spot of its segment writer removed.

While writing postings, W3 looks up the document's field length once per *posting* (for the
block statistics), through several layers of column readers: about an eighth of a full
reindex's CPU time in a profile of the bench corpus. Here the field writer remembers each
document's length within the field being written, so the lookup runs once per document.

This class is pickled into every segment's metadata: keep it at this module path.
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter
from whoosh.fields import Schema


class _RememberedLengths:
    """A lengths reader that remembers the lengths of the field being written."""

    def __init__(self, lengths: object) -> None:
        self._lookup = lengths.doc_field_length  # type: ignore[attr-defined]
        self._field: str | None = None
        self._table: dict[int, int] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        if fieldname != self._field:
            self._field, self._table = fieldname, {}
        length = self._table.get(docnum)
        if length is None:
            length = self._table[docnum] = self._lookup(docnum, fieldname, default) or default
        return length


class _FieldWriter(W3FieldWriter):
    def add_postings(self, schema: Schema, lengths: object, items: Iterable) -> None:
        remembered = _RememberedLengths(lengths) if lengths else lengths
        super().add_postings(schema, remembered, items)


class XinwenCodec(W3Codec):
    """W3, with field lengths looked up once per document and field while writing."""

    def field_writer(self, storage: object, segment: object) -> W3FieldWriter:
        return _FieldWriter(self, storage, segment)
