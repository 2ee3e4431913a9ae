"""tantivy (PyPI ``tantivy``) over the jieba-segmented corpus: build, top hits, full page.

- ``title`` and ``body``: the segmented text, stored, with a registered ``jieba_ws`` analyzer
  (tantivy's whitespace tokenizer + lower-casing), positions indexed (phrase queries);
- ``id``, ``category``, ``source``: whole strings (``raw``); ``category`` a fast field for
  the facet counts; ``published``: a date field (indexed, fast: ranges and date order);
  ``year``: an integer fast field for the year counts.
- Ranking: tantivy's BM25 of each word in the title (boosted ×2, xinwen's title weight when
  the peers were wired) or the body; filters are constant-score clauses, so they never change
  the order.
- A full page: top hits with the exact count (``search(count=True)``), highlighted title and
  body snippet from ``SnippetGenerator``, category and year counts from one terms
  aggregation.

The query is translated by ``bench.peer_query`` (AND, then OR when AND finds nothing).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable
from pathlib import Path

import tantivy
from tantivy import FieldType, Occur, Order, Query

from bench.peer_query import (
    NO_FILTERS,
    Clause,
    Filters,
    PeerHit,
    PeerPage,
    PeerQuery,
    parse_query,
    with_fallback,
)
from bench.segmented import desegment

TITLE_BOOST = 2.0
ANALYZER = "jieba_ws"
WRITER_HEAP = 256_000_000
TITLE_CHARS = 1000  # the whole title, marked
SNIPPET_CHARS = 150  # SnippetGenerator's default length
AGGREGATIONS = {
    "category": {"terms": {"field": "category", "size": 1000}},
    "year": {"terms": {"field": "year", "size": 1000}},
}


def tantivy_schema() -> tantivy.Schema:
    """The schema described in the module docstring."""
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", stored=True, tokenizer_name=ANALYZER)
    sb.add_text_field("body", stored=True, tokenizer_name=ANALYZER)
    sb.add_text_field("category", stored=True, fast=True, tokenizer_name="raw")
    sb.add_text_field("source", stored=False, tokenizer_name="raw")
    sb.add_date_field("published", stored=True, indexed=True, fast=True)
    sb.add_integer_field("year", indexed=False, fast=True)
    return sb.build()


def _register(index: tantivy.Index) -> None:
    analyzer = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace())
        .filter(tantivy.Filter.lowercase())
        .build()
    )
    index.register_tokenizer(ANALYZER, analyzer)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def build_tantivy(records: Iterable[dict], folder: Path, threads: int = 1) -> int:
    """Index the segmented ``records`` into a new tantivy index in ``folder``; the count."""
    folder.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(tantivy_schema(), path=str(folder))
    _register(index)
    writer = index.writer(heap_size=WRITER_HEAP, num_threads=threads)
    count = 0
    for record in records:
        fields: dict = {"id": record["id"], "title": record["title"], "body": record["body"]}
        for key in ("category", "source"):
            if record.get(key):
                fields[key] = record[key]
        if record.get("published"):
            day = dt.date.fromisoformat(record["published"])
            fields["published"] = _midnight(day)
            fields["year"] = day.year
        writer.add_document(tantivy.Document(**fields))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    return count


class TantivySearch:
    """Searches over one tantivy index written by ``build_tantivy``."""

    def __init__(self, folder: Path) -> None:
        self.index = tantivy.Index.open(str(folder))
        _register(self.index)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def count(self) -> int:
        """Documents in the index."""
        return self.searcher.num_docs

    def _either(self, field_query: Callable[[str], Query]) -> Query:
        """The title (boosted) or the body match."""
        return Query.boolean_query(
            [
                (Occur.Should, Query.boost_query(field_query("title"), TITLE_BOOST)),
                (Occur.Should, field_query("body")),
            ]
        )

    def _clause(self, clause: Clause) -> Query:
        words = [w.lower() for w in clause.words]
        if clause.phrase:
            return self._either(lambda f: Query.phrase_query(self.schema, f, words))
        parts = [self._either(lambda f, w=w: Query.term_query(self.schema, f, w)) for w in words]
        if len(parts) == 1:
            return parts[0]
        return Query.boolean_query([(Occur.Must, p) for p in parts])

    def text_query(self, query: PeerQuery) -> Query:
        """The tantivy query of the words alone (no filters): used for snippets too."""
        clauses = []
        for group in query.groups:
            parts = [self._clause(c) for c in group]
            one = (
                parts[0]
                if len(parts) == 1
                else Query.boolean_query([(Occur.Should, p) for p in parts])
            )
            clauses.append((Occur.Must, one))
        clauses += [(Occur.MustNot, self._clause(c)) for c in query.excluded]
        return Query.boolean_query(clauses)

    def _filtered(self, query: PeerQuery, filters: Filters) -> Query:
        """``query`` with the filters as constant-score clauses (all documents if neither)."""
        clauses = [] if query.empty else [(Occur.Must, self.text_query(query))]
        for field, values in (("category", filters.categories), ("source", filters.sources)):
            if values:
                clauses.append((Occur.Must, Query.term_set_query(self.schema, field, list(values))))
        if filters.date_from or filters.date_to:
            lower = _midnight(filters.date_from) if filters.date_from else None
            upper = _midnight(filters.date_to) if filters.date_to else None
            dates = Query.range_query(self.schema, "published", FieldType.Date, lower, upper)
            clauses.append((Occur.Must, dates))
        if query.empty and len(clauses) == 0:
            return Query.all_query()
        if not query.empty:
            # Filters score nothing: the order is the words' BM25 alone.
            clauses = clauses[:1] + [(o, Query.const_score_query(q, 0.0)) for o, q in clauses[1:]]
        return Query.boolean_query(clauses)

    def _search(
        self, query: PeerQuery, filters: Filters, k: int, count: bool
    ) -> tuple[Query, tantivy.SearchResult]:
        """The filtered query and its top ``k`` (newest first when browsing or asked)."""
        q = self._filtered(query, filters)
        if filters.by_date or query.empty:
            order = {"order_by_field": "published", "order": Order.Desc}
            return q, self.searcher.search(q, k, count=count, **order)
        return q, self.searcher.search(q, k, count=count)

    def hits(self, text: str, filters: Filters = NO_FILTERS, k: int = 10) -> list[PeerHit]:
        """The top ``k`` hits of a typed query: ids and titles only."""
        query = parse_query(text)
        if query.empty and text.strip():  # nothing searchable in it: nothing found
            return []
        (_, result), _ = with_fallback(
            query, lambda q: self._search(q, filters, k, False), lambda r: bool(r[1].hits)
        )
        out = []
        for _score, address in result.hits:
            doc = self.searcher.doc(address)
            out.append(PeerHit(doc.get_first("id"), desegment(doc.get_first("title") or "")))
        return out

    def page(self, text: str, filters: Filters = NO_FILTERS, k: int = 10) -> PeerPage:
        """A full page: top ``k`` with highlighted title and snippet, facets, exact total."""
        query = parse_query(text)
        if query.empty and text.strip():
            return PeerPage(0, [])

        def run(pq: PeerQuery) -> tuple[PeerQuery, Query, tantivy.SearchResult]:
            return pq, *self._search(pq, filters, k, True)

        (answered, filtered, result), fallback = with_fallback(
            query, run, lambda r: bool(r[2].hits)
        )
        if not result.hits:
            return PeerPage(0, [], fallback=fallback)
        aggs = self.searcher.aggregate(filtered, AGGREGATIONS)
        categories = {b["key"]: b["doc_count"] for b in aggs["category"]["buckets"]}
        years = {int(b["key"]): b["doc_count"] for b in aggs["year"]["buckets"]}
        marks = None
        if not answered.empty:
            words = self.text_query(answered)
            title_gen = tantivy.SnippetGenerator.create(self.searcher, words, self.schema, "title")
            title_gen.set_max_num_chars(TITLE_CHARS)
            body_gen = tantivy.SnippetGenerator.create(self.searcher, words, self.schema, "body")
            marks = (title_gen, body_gen)
        hits = []
        for _score, address in result.hits:
            doc = self.searcher.doc(address)
            title, body = doc.get_first("title") or "", doc.get_first("body") or ""
            title_html = body_html = ""
            if marks:
                title_html = marks[0].snippet_from_doc(doc).to_html()
                body_html = marks[1].snippet_from_doc(doc).to_html()
            published = doc.get_first("published")
            hits.append(
                PeerHit(
                    doc.get_first("id"),
                    desegment(title_html or html.escape(title, quote=False)),
                    desegment(body_html or html.escape(body[:SNIPPET_CHARS], quote=False)),
                    published.date().isoformat() if published else None,
                    doc.get_first("category"),
                )
            )
        return PeerPage(result.count or 0, hits, categories, years, fallback)
