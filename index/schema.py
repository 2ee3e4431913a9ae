"""The index's definition: its fields, and the version recorded with every index built."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, Schema
from whoosh.reading import IndexReader

from xinwen.index.analysis import JiebaTokenizer, char_analyzer, term_positions, word_analyzer
from xinwen.index.columns import column_values
from xinwen.index.postingvalues import PackedPositions, encode_positions


class ChineseText(TEXT):
    """A TEXT field whose indexing takes the analysis fast path (``term_positions``).

    Same terms, positions and weights as Whoosh's generic path, which stays the fallback.
    Positions are stored packed (`index.postingvalues.PackedPositions`).
    """

    def __init__(self, *, analyzer: object, stored: bool = False, field_boost: float = 1.0):
        super().__init__(analyzer=analyzer, stored=stored, phrase=True, field_boost=field_boost)
        self.format = PackedPositions(field_boost=field_boost)

    def positions(self, value: object) -> dict[str, list[int]] | None:
        """Each index-mode term of ``value`` with its positions; None off the fast path."""
        return term_positions(self.analyzer, value) if isinstance(value, str) else None

    def index(self, value: object, **kwargs: object) -> Iterator[tuple[bytes, int, float, bytes]]:
        if kwargs.get("mode", "index") == "index":
            positions = self.positions(value)
            if positions is not None:
                boost = self.format.field_boost
                for term, poslist in positions.items():
                    n = len(poslist)
                    yield term.encode("utf-8"), n, n * boost, encode_positions(poslist)
                return
        yield from super().index(value, **kwargs)


class ColumnDatetime(DATETIME):
    """A date kept as a stored value and a column only: searches read dates from the column
    (facets, ranges, order), so the eight tiered range terms Whoosh indexes per value would be
    written for nothing."""

    indexed = False


class ColumnNumber(NUMERIC):
    """A number kept as a column only (see `ColumnDatetime`): sixteen terms per value saved."""

    indexed = False


# Bump whenever a field or the analysis changes what is written: an index built with another
# version is refused with a message that says to run ``xinwen reindex``.
# 4: the cluster column; 5: classes under `xinwen.`; 6: punctuation gaps; 7: parts of glued codes
SCHEMA_VERSION = 7

WORD_FIELDS = ("title", "body")
CHAR_FIELDS = {"title": "title_c", "body": "body_c"}


def build_schema(userwords: tuple[tuple[str, int | None, str | None], ...] = ()) -> Schema:
    """The schema every xinwen index has; ``userwords`` extend jieba's dictionary for this index.

    The user's words travel inside the pickled analyzer, so the query side of this index
    segments with exactly the dictionary its documents were indexed with.
    """
    words = word_analyzer(userwords)
    chars = char_analyzer()
    return Schema(
        id=ID(unique=True, stored=True, sortable=True),
        title=ChineseText(analyzer=words, stored=True),
        body=ChineseText(analyzer=words, stored=True),
        title_c=ChineseText(analyzer=chars),
        body_c=ChineseText(analyzer=chars),
        category=ID(stored=True, sortable=True),
        source=ID(stored=True, sortable=True),
        published=ColumnDatetime(stored=True, sortable=True),
        url=STORED(),
        hash=ID(stored=True, sortable=True),
        # The record's place in the input: the last of several records with one id wins.
        seq=ColumnNumber(bits=64, stored=False, sortable=True),
        # The document's near-duplicate cluster (`index.clusters`): the search side shows the
        # best-ranked member of each cluster in a result.
        cluster=ColumnNumber(bits=32, signed=False, stored=False, sortable=True),
    )


def load_index_words(schema: Schema) -> None:
    """Add the words an index was built with (its user dictionary, kept in the pickled
    analyzer) to jieba's process-wide dictionary: its queries must be cut as its documents
    were, in a process that never built it too."""
    items = getattr(schema["body"].analyzer, "items", None)
    if items and isinstance(items[0], JiebaTokenizer):
        items[0].load_words()


def published_dates(reader: IndexReader) -> list[dt.date | None]:
    """Each document's publication date by document number (None when undated).

    A document without a date holds the column's default, which Whoosh's own conversion turns
    into an out-of-range datetime; read the raw values and convert them one by one instead.
    """
    field = reader.schema["published"]
    raw = column_values(reader, "published", translate=False)
    dates: list[dt.date | None] = []
    for value in raw:
        try:
            dates.append(field.from_column_value(value).date())
        except (OverflowError, ValueError):
            dates.append(None)
    return dates
