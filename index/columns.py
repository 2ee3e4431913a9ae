"""Reading a column for every document of an index, across its segments.

Whoosh writes a segment's column file only when one of its documents has a value for the
field, and ``MultiReader.column_reader`` leaves such a segment out instead of giving its
documents the default: every later document's value then shifts onto the wrong document (or
past the end). An incremental run that adds only undated, uncategorised or source-less records
writes exactly such a segment. Each segment's own reader gives its default when it has no file,
so the values are read a segment at a time.
"""

from __future__ import annotations

from whoosh.reading import IndexReader


def column_values(reader: IndexReader, fieldname: str, *, translate: bool = True) -> list:
    """Every document's value of ``fieldname``'s column by document number (deleted ones too)."""
    values: list = []
    for leaf, _offset in reader.leaf_readers():
        values.extend(leaf.column_reader(fieldname, translate=translate))
    return values
