"""``TypesenseSearcher``: the search contract (``search.backend.SearchBackend``) over a
Typesense cluster, answering as the embedded ``search.service.Searcher`` does.

The same query language means the same thing (``search.typesense.query``): the same documents
match, so totals and facet counts agree, and so do result pages sorted by date. Highlights and
snippets are xinwen's own, computed from the stored text (``search.highlight``), so they look
the same. Facet counts are multi-select: each facet group is counted by a search of its own,
with the other groups' filters but not its own, all in one ``multi_search`` request.

Where the two backends differ, by design or for now:

* **Relevance order.** Typesense ranks by its text-match score over the query's characters
  (token frequency, proximity, field order), then by input order; the embedded index by BM25F
  over words with a phrase/proximity re-rank. The same documents match; their order within a
  relevance-sorted page differs. ``score`` values are Typesense's and not comparable.
  ``recency`` is not applied.
* **Near-duplicates** are grouped by the index-time cluster id (``index.clusters``, computed
  by the Typesense reindex too) with Typesense's ``group_by``: pages of groups, ``groups``
  counted, each hit with the members of its group in the result (up to ``GROUP_LIMIT``). An
  incremental run clusters its new records among themselves only (see
  ``search.typesense.indexer``).
* **The any-word fallback** (nothing has every word) is sorted by date.
* **Phrases with stop words.** The embedded index drops stop words from a phrase's words (so
  "于进一步" also matches 进一步 where 于 stands elsewhere); Typesense matches the characters
  exactly as typed.
* **Did you mean** (``search.spelling``) is not offered yet (``did_you_mean`` is None).
* **Related articles**: the article's most distinctive words (tf × idf, document frequencies
  from Typesense), candidates that have any of them (the newest ``RELATED_CANDIDATES``), scored
  by the weights of the words each has; not BM25 over every match: a similar list, not the
  same one. **Suggestions** are title words by how many titles have them.
* A phrase that needs a search of its own (a second phrase, one in an OR or excluded: see
  ``search.typesense.query``) and matches more than ``MAX_PHRASE_IDS`` articles is refused with
  a clear ``QueryError``.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

from typesense import exceptions as ts_errors

from xinwen.index.analysis import configure_jieba, word_analyzer
from xinwen.index.records import UNCATEGORISED, UNKNOWN_SOURCE
from xinwen.index.schema import SCHEMA_VERSION
from xinwen.search.backend import IndexUnavailableError
from xinwen.search.engine import VERBATIM_ONLY_MIN, as_typed, marked_words, typed_string
from xinwen.search.facets import RECENT_RANGES, facet_from_counts, undated_value
from xinwen.search.folding import fold
from xinwen.search.highlight import mark_html, paragraphs_html, snippet_html
from xinwen.search.models import (
    MAX_EXPORT_ROWS,
    Article,
    ArticleRef,
    Export,
    ExportRow,
    Facet,
    FacetValue,
    Hit,
    QueryError,
    SearchRequest,
    SearchResult,
    SortOrder,
)
from xinwen.search.querylang import ParsedQuery, parse, parse_query
from xinwen.search.service import FALLBACK_NOTICE, GROUP_LISTED, SIMILAR_LISTED, query_notices
from xinwen.search.typesense.client import UNREACHABLE, make_client
from xinwen.search.typesense.query import Translation, any_filter, quote, translate

# The articles without a date: their date_key is negative (`DocumentBuilder.document`).
UNDATED_FILTER = "date_key:<0"

log = logging.getLogger(__name__)

ALIAS_TTL = 1.0  # seconds a searcher keeps the collection the alias named (then asks again)
MAX_PHRASE_IDS = 1000  # articles a phrase found by its own search may have (then filtered by id)
_PLACEHOLDER = re.compile(r"\{([PN])(\d+)\}")
NOTHING = "seq:<0"  # a filter no document passes
EVERYTHING = "seq:>=0"  # and one every document passes
MAX_FACET_VALUES = 1000  # every value of a facet is counted, then the request's limit applies
RELATED_TERMS = 12
RELATED_CANDIDATES = 250  # Typesense's largest page
UNREACHABLE_MESSAGE = "搜索集群暂时无法访问，请稍后再试。"
STORED = "xid,title,body,url,category,source,published,cluster"
GROUP_LIMIT = 99  # Typesense's largest: members of a group listed with its hit


T = TypeVar("T")


class _Gone(Exception):
    """The collection a call was pinned to is gone (dropped after an alias switch)."""


def _date(day: object) -> dt.date | None:
    return dt.date.fromordinal(day) if isinstance(day, int) and day > 0 else None


def _category(doc: dict) -> str | None:
    value = doc.get("category")
    return None if value == UNCATEGORISED else value


def _source(doc: dict) -> str | None:
    value = doc.get("source")
    return None if value == UNKNOWN_SOURCE else value


def _ref(doc: dict) -> ArticleRef:
    return ArticleRef(doc["xid"], doc.get("title", ""), _date(doc.get("published")), _source(doc))


def today_minus(days: int) -> dt.date:
    return dt.date.today() - dt.timedelta(days=days)


# Typesense adds no matches of its own: no typos, prefixes, dropped, split or joined tokens.
EXACT = {
    "num_typos": 0,
    "typo_tokens_threshold": 0,
    "drop_tokens_threshold": 0,
    "prefix": "false",
    "split_join_tokens": "off",
}


def _and(clauses: list[str]) -> str:
    return " && ".join(c for c in clauses if c)


def generation_schema(name: str) -> int | None:
    """The schema version in a collection name (``xinwen-s3-20261206T…``), if any."""
    for part in name.split("-"):
        if part.startswith("s") and part[1:].isdigit():
            return int(part[1:])
    return None


def generation_time(name: str) -> dt.datetime | None:
    """When a collection was built, from the UTC stamp in its name (``…-20261206T…``)."""
    try:
        return dt.datetime.strptime(name.rsplit("-", 1)[-1], "%Y%m%dT%H%M%S%f").replace(
            tzinfo=dt.UTC
        )
    except ValueError:
        return None


class TypesenseSearcher:
    """Typed search over the collection an alias names on a Typesense cluster; thread-safe."""

    def __init__(
        self,
        nodes: list[str],
        api_key: str,
        collection: str = "xinwen",
        jieba_dir: Any = None,
    ) -> None:
        self.nodes = list(nodes)
        self.alias = collection
        self.client = make_client(self.nodes, api_key)
        # The collection the alias named when last asked, and when (`_pinned`).
        self._target: tuple[str, float] | None = None
        self._lock = threading.Lock()
        self._local = threading.local()
        configure_jieba(jieba_dir)

    # -- calls ---------------------------------------------------------------------------------

    def _call(self, fn, *args: Any) -> Any:
        """Run one client call; the cluster's absence as ``IndexUnavailableError``."""
        try:
            return fn(*args)
        except ts_errors.ObjectNotFound as exc:
            raise IndexUnavailableError(
                f"the cluster has no collection {self.alias!r}: run "
                f"`xinwen reindex --backend typesense SOURCE...`"
            ) from exc
        except UNREACHABLE as exc:
            log.warning("typesense unreachable: %s", exc)
            raise IndexUnavailableError(UNREACHABLE_MESSAGE) from exc

    def _multi(self, searches: list[dict]) -> list[dict]:
        """Run searches in one ``multi_search`` request, on the collection this call is
        pinned to (`_pinned`). A node answers it with 200 even when a search in it failed there
        (a node not ready yet): those are retried on the next node, as the client retries a
        request that failed as a whole."""
        body = {"searches": searches}
        collection = getattr(self._local, "collection", None) or self.alias
        for _attempt in range(len(self.nodes)):
            answer = self._call(self.client.multi_search.perform, body, {"collection": collection})
            results = answer["results"]
            codes = [r.get("code", 500) for r in results if "error" in r]
            if not codes:
                return results
            if 404 in codes:
                if collection != self.alias:
                    raise _Gone(collection)
                raise IndexUnavailableError(
                    f"the cluster has no collection {self.alias!r}: run "
                    f"`xinwen reindex --backend typesense SOURCE...`"
                )
            if all(code < 500 for code in codes):
                error = next(r["error"] for r in results if "error" in r)
                raise RuntimeError(f"typesense refused a search: {error}")
        raise IndexUnavailableError(UNREACHABLE_MESSAGE)

    def _collection(self, refresh: bool = False) -> str:
        """The collection the alias names (asked again after ``ALIAS_TTL`` seconds)."""
        now = time.monotonic()
        with self._lock:
            known = self._target
        if known is not None and not refresh and now - known[1] < ALIAS_TTL:
            return known[0]
        name = self._call(self.client.aliases[self.alias].retrieve)["collection_name"]
        with self._lock:
            self._target = (name, now)
        return name

    def _pinned(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn`` with every search of it on one collection, the alias's now.

        The searches of one answer (the page, each facet group, phrases found by id) must
        all see the same collection: with the alias resolved per search, a reindex switching
        it in between would give a total of one collection and facet counts of the other. A
        collection dropped under us (after a switch) is resolved again, once.
        """
        for attempt in (0, 1):
            self._local.collection = self._collection(refresh=attempt > 0)
            try:
                return fn(*args)
            except _Gone:
                continue
            finally:
                self._local.collection = None
        raise IndexUnavailableError(UNREACHABLE_MESSAGE)

    # -- health --------------------------------------------------------------------------------

    def health(self) -> dict:
        """Whether the alias names a non-empty collection the cluster serves."""
        try:
            alias = self._call(self.client.aliases[self.alias].retrieve)
            name = alias["collection_name"]
            info = self._call(self.client.collections[name].retrieve)
        except IndexUnavailableError as exc:
            return {
                "ok": False,
                "documents": 0,
                "generation": None,
                "schema_version": None,
                "error": exc.message,
            }
        documents = int(info.get("num_documents", 0))
        return {
            "ok": documents > 0,
            "documents": documents,
            "generation": name,
            "schema_version": generation_schema(name),
            "error": None if documents else f"the collection {name} is empty",
        }

    def generation(self) -> str:
        """The collection the alias names (as searches see it: asked again after
        ``ALIAS_TTL`` seconds)."""
        return self._collection()

    def warm(self) -> None:
        """Nothing to load: the cluster holds the index, and the query analyzer's tables are
        loaded before a server's workers fork (``webui.server.load_app``)."""

    def close(self) -> None:
        """Nothing is held open between requests."""

    # -- search --------------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        """One page of hits, the exact total and multi-select facet counts."""
        return self._pinned(self._search, request)

    def _as_typed(self, parsed: ParsedQuery) -> ParsedQuery:
        """``parsed``, or its one string as the phrase typed when a page's worth of articles
        hold it verbatim (``search.engine.as_typed``: 大数据 is not 大 anywhere beside 数据);
        decided, as on the embedded index, before the request's filters."""
        typed = as_typed(parsed)
        if typed is None:
            return parsed
        tr = translate(typed)
        params = {"q": tr.q, "query_by": tr.query_by, "per_page": 0, **EXACT}
        filters = self._resolve(tr, tr.filters)  # (a phrase not in ``q`` is a filter of ids)
        if filters:
            params["filter_by"] = _and(filters)
        found = self._multi([params])[0]["found"]
        return typed if found >= VERBATIM_ONLY_MIN else parsed

    def _search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        typed = parse_query(request.q)
        whole = typed_string(typed)  # (marked alone where it stands)
        parsed = self._as_typed(typed)
        notices = query_notices(parsed)
        tr = translate(parsed)
        base = self._resolve(tr, tr.filters)
        by_cat = any_filter("category", request.categories) if request.categories else ""
        by_src = any_filter("source", request.sources) if request.sources else ""
        by_date = self._date_filter(request)
        results = self._multi(self._searches(request, tr, base, by_cat, by_src, by_date))
        main = results[0]
        if results[1]["found"] == 0:
            relaxed = tr.any_unit_filter()
            if relaxed:
                # Every unit's filter ORed, with the exclusions and category:/source: kept.
                kept = [f for f in tr.filters if f not in tr.required]
                try:
                    filters = self._resolve(tr, [relaxed, *kept])
                except QueryError:  # a phrase too common to list: no fallback
                    filters = []
                any_tr = Translation(q="*", query_by=tr.query_by, words=tr.words)
                retry = (
                    self._multi(self._searches(request, any_tr, filters, by_cat, by_src, by_date))
                    if filters
                    else [main]
                )
                if retry[0]["found"]:
                    results, main = retry, retry[0]
                    notices.append(FALLBACK_NOTICE)
        words = tuple(tr.words)
        hits = [self._group_hit(g["hits"], words, whole) for g in main.get("grouped_hits", [])]
        facets = self._facets(request, results[2:])
        return SearchResult(
            request=request,
            total=int(results[1]["found"]),
            groups=int(main["found"]),
            hits=tuple(hits),
            facets=facets,
            took_ms=(time.perf_counter() - started) * 1000,
            notice=" ".join(notices) or None,
            words=words,
            any_word=FALLBACK_NOTICE in notices,
        )

    def _resolve(self, tr: Translation, filters: list[str]) -> list[str]:
        """``filters`` with their phrase placeholders (``{P3}``, ``{N3}``) written in as ids of
        the articles that have the phrase, found by a search of each phrase."""
        ids: dict[int, list[str]] = {}
        out = []
        for f in filters:
            for kind, number in set(_PLACEHOLDER.findall(f)):
                n = int(number)
                if n not in ids:
                    ids[n] = self._phrase_ids(*tr.phrases[n])
                found = ids[n]
                if kind == "P":
                    value = f"xid:=[{','.join(map(quote, found))}]" if found else NOTHING
                else:
                    value = f"xid:!=[{','.join(map(quote, found))}]" if found else EVERYTHING
                f = f.replace("{" + kind + number + "}", value)
            out.append(f)
        return out

    def _phrase_ids(self, phrase: str, query_by: str) -> list[str]:
        """The ids of the articles with ``phrase`` (at most ``MAX_PHRASE_IDS``)."""
        found: list[str] = []
        for page in range(1, MAX_PHRASE_IDS // 250 + 2):
            result = self._multi(
                [
                    {
                        "q": phrase,
                        "query_by": query_by,
                        "num_typos": 0,
                        "typo_tokens_threshold": 0,
                        "drop_tokens_threshold": 0,
                        "prefix": "false",
                        "per_page": 250,
                        "page": page,
                        "include_fields": "xid",
                    }
                ]
            )[0]
            if int(result["found"]) > MAX_PHRASE_IDS:
                raise QueryError(
                    f"集群后端中，第二个短语、OR 或排除中的短语最多对应 {MAX_PHRASE_IDS:,} 篇"
                    "文章，请换一个更具体的说法",
                    "q",
                    f"with the cluster backend, a second phrase, OR or exclusion may match at"
                    f" most {MAX_PHRASE_IDS:,} articles: say it more specifically",
                )
            found += [h["document"]["xid"] for h in result["hits"]]
            if page * 250 >= int(result["found"]):
                break
        return list(dict.fromkeys(found))

    def export(
        self, request: SearchRequest, limit: int = MAX_EXPORT_ROWS, snippets: bool = False
    ) -> Export:
        """Every article the request matches (nothing collapsed), in the request's order, up
        to ``limit``; ``snippets``: with each one's marked snippet."""
        return self._pinned(self._export, request, limit, snippets)

    def _export(self, request: SearchRequest, limit: int, snippets: bool) -> Export:
        typed = parse_query(request.q)
        whole = typed_string(typed)
        parsed = self._as_typed(typed)
        tr = translate(parsed)
        by_cat = any_filter("category", request.categories) if request.categories else ""
        by_src = any_filter("source", request.sources) if request.sources else ""
        by_date = self._date_filter(request)
        base = self._resolve(tr, tr.filters)
        main = self._searches(request, tr, base, by_cat, by_src, by_date)[0]
        for key in ("group_by", "group_limit"):
            main.pop(key, None)
        rows: list[ExportRow] = []
        total, page, words = 0, 1, tuple(tr.words)
        while True:
            per_page = max(0, min(250, limit - len(rows)))
            result = self._multi([{**main, "page": page, "per_page": per_page}])[0]
            total = int(result["found"])
            for h in result["hits"]:
                d = h["document"]
                rows.append(
                    ExportRow(
                        id=d["xid"],
                        title=d.get("title", ""),
                        published=_date(d.get("published")),
                        category=_category(d),
                        source=_source(d),
                        url=d.get("url"),
                        score=float(h.get("text_match", 0)),
                        snippet_html=snippet_html(
                            d.get("body", ""),
                            marked_words(words, whole, d.get("title", ""), d.get("body", "")),
                        )
                        if snippets
                        else "",
                    )
                )
            if not result["hits"] or len(rows) >= min(limit, total) or per_page == 0:
                return Export(total, tuple(rows), generation_time(self._local.collection or ""))
            page += 1

    @staticmethod
    def _date_filter(request: SearchRequest) -> str:
        if request.undated:
            return UNDATED_FILTER
        start, end = request.date_from, request.date_to
        clauses = []
        if start:
            clauses.append(f"published:>={start.toordinal()}")
        if end:
            clauses.append(f"published:<={end.toordinal()}")
        return _and(clauses)

    def _searches(
        self,
        request: SearchRequest,
        tr: Translation,
        base: list[str],
        by_cat: str,
        by_src: str,
        by_date: str,
    ) -> list[dict]:
        """The page's search, then one per facet group (its own filter left out)."""
        common = {
            "q": tr.q,
            "query_by": tr.query_by,
            # A match in the title counts more, as on the embedded index.
            "query_by_weights": "2,1" if "," in tr.query_by else "1",
            **EXACT,
        }
        if request.sort is SortOrder.OLDEST:
            # The dated (date_key ≥ 0) first, oldest first; the undated after them.
            sort = "_eval(date_key:>=0):desc,date_key:asc"
        elif request.sort is SortOrder.DATE or not tr.ranked:
            sort = "date_key:desc"
        else:
            sort = "_text_match:desc,seq:asc"
        main = {
            **common,
            "filter_by": _and([*base, by_cat, by_src, by_date]),
            "sort_by": sort,
            "page": request.page,
            "per_page": request.page_size,
            "include_fields": STORED,
            "highlight_fields": "none",
            # One hit per near-duplicate cluster, its best member first (pages of groups).
            "group_by": "cluster",
            "group_limit": GROUP_LIMIT,
        }
        facet = {**common, "per_page": 0, "max_facet_values": MAX_FACET_VALUES}
        searches = [
            main,
            {**common, "filter_by": main["filter_by"], "per_page": 0},  # articles, ungrouped
            {**facet, "filter_by": _and([*base, by_src, by_date]), "facet_by": "category"},
            {**facet, "filter_by": _and([*base, by_cat, by_date]), "facet_by": "source"},
        ]
        year = self._published_year(request)
        if year is not None:
            searches.append(
                {
                    **facet,
                    "filter_by": _and([*base, by_cat, by_src, f"year:={year}"]),
                    "facet_by": "month",
                }
            )
        else:
            searches.append(
                {**facet, "filter_by": _and([*base, by_cat, by_src]), "facet_by": "year"}
            )
        # The quick time ranges: everything, then each range from its first day on.
        today = dt.date.today()
        for first in [None, *(today - dt.timedelta(days=d) for d, _ in RECENT_RANGES)]:
            since = f"published:>={first.toordinal()}" if first else ""
            searches.append(
                {**common, "per_page": 0, "filter_by": _and([*base, by_cat, by_src, since])}
            )
        searches.append(
            {**common, "per_page": 0, "filter_by": _and([*base, by_cat, by_src, UNDATED_FILTER])}
        )
        for s in searches:
            if not s["filter_by"]:
                del s["filter_by"]
        return searches

    @staticmethod
    def _published_year(request: SearchRequest) -> int | None:
        """The year whose months the histogram shows (a range within one year), else None."""
        start, end = request.date_from, request.date_to
        if start and end and start.year == end.year:
            return start.year
        return None

    def _facets(self, request: SearchRequest, results: list[dict]) -> dict[str, Facet]:
        def counts(result: dict) -> dict[str, int]:
            out: dict[str, int] = {}
            for fc in result.get("facet_counts", []):
                for c in fc["counts"]:
                    out[str(c["value"])] = int(c["count"])
            return out

        limit = request.facet_limit
        facets = {
            "category": facet_from_counts(
                "category", counts(results[0]), request.categories, limit
            ),
            "source": facet_from_counts("source", counts(results[1]), request.sources, limit),
        }
        start, end = request.date_from, request.date_to
        chosen: list[str] = []
        if self._published_year(request) is not None:
            assert start and end
            whole_month = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
            if whole_month and start.month == end.month:
                chosen = [f"{start.year}-{start.month:02d}"]
        elif (
            start
            and end
            and start == dt.date(start.year, 1, 1)
            and end == dt.date(start.year, 12, 31)
        ):
            chosen = [str(start.year)]
        facets["published"] = facet_from_counts(
            "published", counts(results[2]), chosen, None, "value"
        )
        ranges = [(None, "全部"), *((today_minus(d), label) for d, label in RECENT_RANGES)]
        values = tuple(
            FacetValue(
                first.isoformat() if first else "",
                int(r["found"]),
                (start is None and end is None and not request.undated)
                if first is None
                else (start == first and end is None),
                label,
            )
            for (first, label), r in zip(ranges, results[3:-1], strict=True)
        )
        values += (undated_value(int(results[-1]["found"]), request.undated),)
        facets["recent"] = Facet("recent", values, len(values))
        return facets

    def _group_hit(
        self, members: list[dict], words: tuple[str, ...], whole: str | None = None
    ) -> Hit:
        """A group's best member as the hit, the others folded into it."""
        others = [m["document"] for m in members[1:]]
        best = members[0]["document"]
        return self._hit(
            best,
            members[0].get("text_match", 0),
            marked_words(words, whole, best.get("title", ""), best.get("body", "")),
            [d["xid"] for d in others],
            [_ref(d) for d in others[:SIMILAR_LISTED]],
        )

    def _hit(
        self,
        doc: dict,
        score: float,
        words: tuple[str, ...],
        similar: list[str] | None = None,
        refs: list[ArticleRef] | None = None,
    ) -> Hit:
        title, body = doc.get("title", ""), doc.get("body", "")
        return Hit(
            id=doc["xid"],
            title=title,
            title_html=mark_html(title, words),
            snippet_html=snippet_html(body, words),
            url=doc.get("url"),
            published=_date(doc.get("published")),
            category=_category(doc),
            source=_source(doc),
            score=float(score),
            similar=len(similar or ()),
            similar_ids=tuple(similar or ()),
            similar_refs=tuple(refs or ()),
        )

    # -- articles ------------------------------------------------------------------------------

    def _document(self, id: str) -> dict | None:
        found = self._multi(
            [
                {
                    "q": "*",
                    "filter_by": any_filter("xid", [id]),
                    "per_page": 1,
                    "include_fields": STORED,
                }
            ]
        )[0]
        hits = found["hits"]
        return hits[0]["document"] if hits else None

    def article(self, id: str, q: str = "") -> Article | None:
        """The whole article with ``q``'s words marked, and related articles."""
        return self._pinned(self._article, id, q)

    def _article(self, id: str, q: str) -> Article | None:
        parsed = parse(q)
        words = tuple(translate(parsed).words) if q else ()
        doc = self._document(id)
        if doc is None:
            return None
        title, body = doc.get("title", ""), doc.get("body", "")
        words = marked_words(words, typed_string(parsed), title, body)
        # The other articles of its near-duplicate group, newest first.
        members = self._multi(
            [
                {
                    "q": "*",
                    "filter_by": f"cluster:={int(doc['cluster'])} && xid:!=[{quote(doc['xid'])}]",
                    "sort_by": "date_key:desc",
                    "per_page": GROUP_LISTED,
                    "include_fields": "xid,title,published,source",
                }
            ]
        )[0]
        group = [_ref(h["document"]) for h in members["hits"]]
        group_size = int(members["found"]) + 1
        return Article(
            id=doc["xid"],
            title=title,
            body=body,
            url=doc.get("url"),
            published=_date(doc.get("published")),
            category=_category(doc),
            source=_source(doc),
            title_html=mark_html(title, words),
            body_html=paragraphs_html(body, words),
            related=tuple(self._related(doc, 5)),
            group=tuple(group),
            group_size=group_size,
        )

    def related(self, id: str, k: int = 5) -> list[Hit]:
        """More articles like this one (near-duplicates of it left out)."""

        def related() -> list[Hit]:
            doc = self._document(id)
            return [] if doc is None else self._related(doc, k)

        return self._pinned(related)

    def _related(self, doc: dict, k: int) -> list[Hit]:
        title, body = doc.get("title", ""), doc.get("body", "")
        analyzer = word_analyzer()
        tf = Counter(t.text for t in analyzer(title + "\n" + body, mode="query"))
        for t in analyzer(title, mode="query"):
            tf[t.text] += 2  # title words describe the article best
        words = [w for w, _ in tf.most_common(40) if len(w) >= 2]
        if not words:
            return []
        counted = self._multi(
            [{"q": "*", "filter_by": any_filter("terms", [w]), "per_page": 0} for w in words]
        )
        n = max(1, max(int(r.get("out_of", 0)) for r in counted))
        weighted = sorted(
            (
                (tf[w] * math.log(n / (int(r["found"]) + 1)), w)
                for w, r in zip(words, counted, strict=True)
            ),
            reverse=True,
        )
        weights = {w: wt for wt, w in weighted[:RELATED_TERMS] if wt > 0}
        if not weights:
            return []
        # Candidates: the articles with any of the words (up to RELATED_CANDIDATES, newest
        # first), scored here by the weights of the words each has; the best are then read.
        found = self._multi(
            [
                {
                    "q": "*",
                    "filter_by": f"{any_filter('terms', list(weights))}"
                    f" && xid:!=[{quote(doc['xid'])}]",
                    "sort_by": "date_key:desc",
                    "per_page": RELATED_CANDIDATES,
                    "include_fields": "xid,terms",
                }
            ]
        )[0]
        scored = []
        for h in found["hits"]:
            have = set(h["document"].get("terms", ()))
            scored.append(
                (-sum(wt for w, wt in weights.items() if w in have), h["document"]["xid"])
            )
        best = [xid for _, xid in sorted(scored)[: 8 * k]]
        if not best:
            return []
        read = self._multi(
            [
                {
                    "q": "*",
                    "filter_by": any_filter("xid", best),
                    "per_page": len(best),
                    "include_fields": STORED,
                }
            ]
        )[0]
        by_id = {h["document"]["xid"]: h["document"] for h in read["hits"]}
        ranked = [(by_id[x], -score) for score, x in sorted(scored)[: 8 * k] if x in by_id]
        # One article per near-duplicate group, none of the article's own group (listed apart).
        seen = {doc.get("cluster")}
        hits: list[Hit] = []
        for other, score in ranked:
            if other.get("cluster") in seen:
                continue
            seen.add(other.get("cluster"))
            hits.append(self._hit(other, score, ()))
            if len(hits) >= k:
                break
        return hits

    # -- suggestions ---------------------------------------------------------------------------

    def suggest(self, prefix: str, k: int = 8) -> list[str]:
        """Title words starting with ``prefix``, by how many titles have them."""
        key = fold(prefix.strip())[:32]
        if not key:
            return []
        return self._pinned(self._suggest, key, k)

    def _suggest(self, key: str, k: int) -> list[str]:
        result = self._multi(
            [
                {
                    "q": "*",
                    "per_page": 0,
                    "facet_by": "title_terms",
                    "facet_query": f"title_terms:{key}",
                    "max_facet_values": 4 * k,
                }
            ]
        )[0]
        words = []
        for fc in result.get("facet_counts", []):
            for c in fc["counts"]:
                word = str(c["value"])
                if word != key and len(word) > 1 and word.startswith(key):
                    words.append((-int(c["count"]), word))
        return [w for _, w in sorted(words)[:k]]


__all__ = ["SCHEMA_VERSION", "TypesenseSearcher"]
