"""What a Typesense collection of xinwen holds: its fields, and one record as a document.

xinwen's own analysis runs here, before anything is sent (``index.analysis``: folding,
traditional → simplified, jieba words with their dictionary sub-words, Latin tokens with their
parts, the character field). Typesense never segments Chinese itself; it sees:

* ``terms`` / ``title_terms``: the set of every word-field term (words, sub-words, parts) and
  every character-field token of title and body (of the title): a query word that is a term
  is matched by an exact ``filter_by`` on them, as the embedded index matches its terms.
* ``title_c`` / ``body_c``: the character tokens, space-joined, in order: quoted phrases and
  words jieba does not know are Typesense phrase searches over them (adjacent characters), as
  the embedded index checks character positions.
* facet and sort fields: ``category``, ``source``, ``year``, ``month``, ``published`` (the
  date's ordinal day), ``date_key`` (newest first, then the later record, undated last in
  input order: the embedded index's date order), ``seq`` (the record's place in the input),
  ``cluster`` (the near-duplicate cluster of ``index.clusters``, for ``group_by``).
* stored only (not in the schema, so not indexed): ``title``, ``body``, ``url``, ``hash``.

The Typesense document id is a digest of xinwen's id (``xid``): ids may be URLs, which do not
fit in the document paths of Typesense's API.
"""

from __future__ import annotations

import hashlib

from xinwen.index.analysis import CharTokenizer, term_positions, word_analyzer
from xinwen.index.records import UNCATEGORISED, UNKNOWN_SOURCE, Record

DATE_KEY_SPAN = 10**8  # date_key = ordinal day × this + seq: room for 10⁸ records

FIELDS = [
    {"name": "xid", "type": "string"},
    {"name": "title_c", "type": "string"},
    {"name": "body_c", "type": "string"},
    {"name": "terms", "type": "string[]"},
    # Faceted for suggestions (a facet query lists title words by how many titles have them).
    {"name": "title_terms", "type": "string[]", "facet": True},
    {"name": "category", "type": "string", "facet": True, "optional": True},
    {"name": "source", "type": "string", "facet": True, "optional": True},
    {"name": "year", "type": "string", "facet": True, "optional": True},
    {"name": "month", "type": "string", "facet": True, "optional": True},
    {"name": "published", "type": "int32", "optional": True},
    {"name": "date_key", "type": "int64"},
    {"name": "seq", "type": "int32"},
    # The near-duplicate cluster (``index.clusters``): results are grouped by it.
    {"name": "cluster", "type": "int32", "facet": True},
]


# The symbols xinwen's tokens keep (``index.analysis._RUNS``: ±800, 65.4%, 14040-14044, c++,
# 1,000). Typesense drops symbols from tokens and filter values unless told to keep them, and
# ±800 would then match 800. It takes ASCII symbols only: ± is sent as +- (`token`).
SYMBOLS = [".", "-", "_", "/", "+", ":", "'", ",", "%", "#"]
# A token standing where punctuation parts two characters in ``title_c`` and ``body_c``, so that a
# phrase does not match across it (``index.analysis.PHRASE_BREAKS``), as on the embedded index.
GAP = "xinwengap"


def token(text: str) -> str:
    """A token of ours as Typesense is sent it (the same on the document and query side)."""
    return text.replace("±", "+-") if "±" in text else text


def collection_schema(name: str) -> dict:
    """The collection definition (default sorting field: none; we always say how to sort)."""
    return {"name": name, "fields": FIELDS, "symbols_to_index": SYMBOLS}


def doc_id(xid: str) -> str:
    """The Typesense document id of xinwen id ``xid``."""
    return hashlib.blake2b(xid.encode("utf-8"), digest_size=16).hexdigest()


class DocumentBuilder:
    """Turns records into Typesense documents with the embedded index's analysis."""

    def __init__(self) -> None:
        self.words = word_analyzer()
        self.chars = CharTokenizer()

    def _terms(self, text: str) -> set[str]:
        terms = {token(t) for t in term_positions(self.words, text) or ()}
        terms.update(self.char_tokens(text))
        return terms

    def char_tokens(self, text: str, gaps: bool = False) -> list[str]:
        """The character-field tokens of ``text``, in order; with ``gaps``, `GAP` where
        punctuation stands between two (a position of its own, as on the embedded index)."""
        out: list[str] = []
        last = None
        for t in self.chars(text, positions=True):
            if gaps and last is not None and t.pos > last + 1:
                out.append(GAP)
            out.append(token(t.text))
            last = t.pos
        return out

    def document(self, record: Record, seq: int, cluster: int) -> dict:
        """The document of one record (``seq``: its place in the input; ``cluster``: its
        near-duplicate cluster)."""
        title_terms = self._terms(record.title)
        doc: dict = {
            "id": doc_id(record.id),
            "xid": record.id,
            "title": record.title,
            "body": record.body,
            "title_c": " ".join(self.char_tokens(record.title, gaps=True)),
            "body_c": " ".join(self.char_tokens(record.body, gaps=True)),
            "terms": sorted(title_terms | self._terms(record.body)),
            "title_terms": sorted(title_terms),
            "seq": seq,
            "cluster": cluster,
            "hash": record.content_hash,
        }
        # Absent ones as the facets show them (and filter by them), as on the embedded index.
        doc["category"] = record.category or UNCATEGORISED
        doc["source"] = record.source or UNKNOWN_SOURCE
        if record.url:
            doc["url"] = record.url
        if record.published:
            day = record.published.toordinal()
            doc["published"] = day
            doc["year"] = str(record.published.year)
            doc["month"] = f"{record.published.year}-{record.published.month:02d}"
            doc["date_key"] = day * DATE_KEY_SPAN + seq
        else:
            doc["date_key"] = -(seq + 1)
        return doc
