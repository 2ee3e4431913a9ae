"""The ``Searcher``: opened once on an index root, reopened when a reindex switches the index."""

from __future__ import annotations

import datetime as dt
import logging
import math
import os
import threading
import time
from collections import Counter
from dataclasses import dataclass

from whoosh.searching import Searcher as WhooshSearcher

from index.analysis import configure_jieba, word_analyzer
from index.store import IndexStore, StoreError
from search import readcache
from search.dedupe import collapse, near_duplicates, shingles
from search.engine import RERANK_DEPTH, Engine, Plan, rerank_bonus
from search.facets import FacetIndex, any_of, docnums_of, facet_values
from search.folding import fold
from search.highlight import mark_html, paragraphs_html, snippet_html
from search.models import (
    MAX_QUERY_CHARS,
    Article,
    Facet,
    Hit,
    QueryError,
    SearchRequest,
    SearchResult,
    SortOrder,
)
from search.querylang import parse
from search.synonyms import Synonyms, shipped

log = logging.getLogger(__name__)

FALLBACK_NOTICE = "没有同时包含所有词的结果，以下是包含其中任意词的结果。"
TRUNCATED_NOTICE = f"查询过长，只搜索了前 {MAX_QUERY_CHARS} 个字符。"
SYNONYMS_NOTICE = "同时搜索了：{}"
COLLAPSE_SLACK = 10  # extra candidates fetched so that collapsing still fills a page
# Terms carried over, by their reading, from one generation's caches to the next (`_warm`).
WARM_TERMS = 400
SORT_BELOW = 4_000  # date order: sort a result set this small, else walk the dates newest first
RELATED_TERMS = 12


class IndexUnavailableError(Exception):
    """No usable index: missing, empty, from another schema version or damaged."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class _Snapshot:
    """One open generation with its per-generation caches."""

    target: str
    generation: str
    schema_version: int | None
    searcher: WhooshSearcher
    facets: FacetIndex
    engine: Engine
    doc_count: int

    def close(self) -> None:
        self.searcher.close()


def _date(value: object) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else None


class Searcher:
    """Typed search over one index root; thread-safe; Whoosh objects stay inside."""

    def __init__(self, root: str | os.PathLike[str], synonyms: Synonyms | None = None) -> None:
        """``synonyms``: the query words' synonyms to search too (default: the shipped ones;
        an empty ``Synonyms()``: none)."""
        self.store = IndexStore(root)
        self.synonyms = shipped() if synonyms is None else synonyms
        self._snapshot: _Snapshot | None = None
        self._lock = threading.RLock()
        self._warmer: threading.Thread | None = None  # the last generation's warm-up

    # -- opening -------------------------------------------------------------------------------

    def _link_target(self) -> str:
        try:
            return os.readlink(self.store.current_link)
        except OSError:
            return ""

    def _current(self) -> _Snapshot:
        """The open snapshot, reopened first if ``current`` now points elsewhere."""
        target = self._link_target()
        snap = self._snapshot
        if snap is not None and snap.target == target:
            return snap
        try:
            gen, ix, reader = self.store.open_reader()
        except StoreError as exc:
            raise IndexUnavailableError(str(exc)) from exc
        configure_jieba(self.store.jieba_dir)
        searcher = WhooshSearcher(reader, fromindex=ix)
        if reader.doc_count() == 0:
            searcher.close()
            raise IndexUnavailableError(
                f"the index in {self.store.root} is empty: run `xinwen reindex SOURCE...`"
            )
        data = readcache.load(gen.path, gen.meta, reader)
        facets = data.facets
        new = _Snapshot(
            target=target,
            generation=gen.name,
            schema_version=gen.meta.get("schema_version"),
            searcher=searcher,
            facets=facets,
            engine=Engine(reader, facets.size, facets.live, data),
            doc_count=reader.doc_count(),
        )
        self._snapshot = new
        if snap is not None:
            hot = snap.engine.hot_terms(WARM_TERMS)
            snap.close()
            if hot:
                self._warmer = threading.Thread(
                    target=self._warm, args=(new, hot), name="xinwen-warm", daemon=True
                )
                self._warmer.start()
        return new

    def _warm(self, snap: _Snapshot, terms: list[tuple[str, str, bool]]) -> None:
        """Read into the new generation's caches the terms its predecessor had used last.

        After a reindex switches the index, every query would otherwise read its posting
        lists from disk again (common characters with positions take tens of milliseconds
        each), and under steady traffic those cold queries queue behind each other for
        seconds. This runs in the background between queries (it takes the searcher's lock
        one term at a time, so a query waits for one term at most) and stops when the
        generation is replaced or closed.
        """
        for fieldname, text, positions in terms:
            with self._lock:
                if self._snapshot is not snap:
                    return
                try:
                    snap.engine.postings(fieldname, text, positions)
                except Exception as exc:  # a warm-up only: the queries read what they need
                    log.info("warming %s stopped: %s", snap.generation, exc)
                    return

    def health(self) -> dict:
        """Whether an index is loaded, with its document count and generation."""
        with self._lock:
            try:
                snap = self._current()
            except IndexUnavailableError as exc:
                return {
                    "ok": False,
                    "documents": 0,
                    "generation": None,
                    "schema_version": None,
                    "error": exc.message,
                }
            return {
                "ok": True,
                "documents": snap.doc_count,
                "generation": snap.generation,
                "schema_version": snap.schema_version,
                "error": None,
            }

    def close(self) -> None:
        """Release the open index."""
        with self._lock:
            if self._snapshot is not None:
                self._snapshot.close()
                self._snapshot = None

    # -- search --------------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        """Run one search: exact total, a page of collapsed hits, multi-select facet counts."""
        started = time.perf_counter()
        parsed = parse(request.q)
        if request.q.strip() and parsed.empty:
            raise QueryError("查询中没有可以搜索的字词", "q")
        notices = [TRUNCATED_NOTICE] if parsed.truncated else []
        with self._lock:
            snap = self._current()
            fi = snap.facets
            plan = snap.engine.plan(parsed, fi.categories, fi.sources, self.synonyms)
            if plan.expanded:
                notices.append(SYNONYMS_NOTICE.format("、".join(plan.expanded)))
            matched = snap.engine.matches(plan)
            by_cat = any_of(fi.categories, request.categories) if request.categories else -1
            by_src = any_of(fi.sources, request.sources) if request.sources else -1
            by_date = fi.date_range(request.date_from, request.date_to)
            final = matched & by_cat & by_src & by_date
            fallback = False
            if not final and len(plan.required) > 1:
                relaxed = snap.engine.matches(plan, any_unit=True)
                if relaxed & by_cat & by_src & by_date:
                    matched = relaxed
                    final = matched & by_cat & by_src & by_date
                    notices.append(FALLBACK_NOTICE)
                    fallback = True
            facets = self._facets(request, fi, matched, by_cat, by_src, by_date)
            hits = self._page(request, snap, plan, final, fallback)
        return SearchResult(
            request=request,
            total=final.bit_count(),
            hits=tuple(hits),
            facets=facets,
            took_ms=(time.perf_counter() - started) * 1000,
            notice=" ".join(notices) or None,
            words=tuple(plan.words),
        )

    def _facets(
        self,
        request: SearchRequest,
        fi: FacetIndex,
        matched: int,
        by_cat: int,
        by_src: int,
        by_date: int,
    ) -> dict[str, Facet]:
        limit = request.facet_limit
        facets = {
            "category": facet_values(
                "category", fi.categories, matched & by_src & by_date, request.categories, limit
            ),
            "source": facet_values(
                "source", fi.sources, matched & by_cat & by_date, request.sources, limit
            ),
        }
        base = matched & by_cat & by_src
        start, end = request.date_from, request.date_to
        if start and end and start.year == end.year:
            year = start.year
            months = {k: v for k, v in fi.months.items() if k[0] == year}
            chosen = []
            whole_month = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
            if whole_month and start.month == end.month:
                chosen = [f"{year}-{start.month:02d}"]
            facets["published"] = facet_values(
                "published", months, base, chosen, None, lambda k: f"{k[0]}-{k[1]:02d}", "value"
            )
        else:
            chosen = []
            if (
                start
                and end
                and start == dt.date(start.year, 1, 1)
                and end == dt.date(start.year, 12, 31)
            ):
                chosen = [str(start.year)]
            facets["published"] = facet_values(
                "published", fi.years, base, chosen, None, str, "value"
            )
        return facets

    def _page(
        self, request: SearchRequest, snap: _Snapshot, plan: Plan, final: int, fallback: bool
    ) -> list[Hit]:
        if not final:
            return []
        need = request.page * request.page_size + COLLAPSE_SLACK
        searcher = snap.searcher
        if request.sort is SortOrder.DATE or not plan.terms:
            ranked = [(d, 0.0) for d in self._newest(snap, final, need)]
            stored = [searcher.stored_fields(d) for d, _ in ranked]
        else:
            ranked, stored = self._ranked(snap, plan, final, need, fallback, request.recency)
        groups = collapse([shingles(f.get("title", ""), f.get("body", "")) for f in stored])
        first = (request.page - 1) * request.page_size
        page = groups[first : first + request.page_size]
        words = tuple(plan.words)
        return [
            self._hit(stored[g[0]], ranked[g[0]][1], words, [stored[i]["id"] for i in g[1:]])
            for g in page
        ]

    def _ranked(
        self,
        snap: _Snapshot,
        plan: Plan,
        final: int,
        need: int,
        fallback: bool,
        recency: float = 0.0,
    ) -> tuple[list[tuple[int, float]], list[dict]]:
        """The best ``need`` documents by BM25F, the first ``RERANK_DEPTH`` re-ranked by text.

        In the any-word fallback a document's score is scaled by the share of the query's
        units it has, so documents with more of the words come first.
        """
        engine, searcher = snap.engine, snap.searcher
        scores = engine.scores(plan.terms, among=final)
        if fallback:
            units = plan.required
            for d in engine.top(final, scores, max(need, RERANK_DEPTH) * 4):
                scores[d] *= sum(unit >> d & 1 for unit in units) / len(units)
        docs = engine.top(final, scores, max(need, RERANK_DEPTH))
        newest = snap.facets.newest
        # The text is read for the re-ranked head only when it can change a score: a bonus
        # needs two words or more, the recency preference a date.
        rerank = len(plan.plain_words) >= 2 or bool(recency and newest)
        stored = {d: searcher.stored_fields(d) for d in docs[:RERANK_DEPTH]} if rerank else {}
        head = []
        for d in docs[:RERANK_DEPTH]:
            score = scores[d]
            if rerank:
                f = stored[d]
                score *= 1 + rerank_bonus(plan.plain_words, f.get("title", ""), f.get("body", ""))
                published = _date(f.get("published"))
                if recency and published and newest:
                    # Age from the newest article in the index, so an old archive is not all
                    # "old".
                    score *= 1 + recency * 0.5 ** ((newest - published).days / 365)
            head.append((d, score))
        # Equal scores in input order, as ``Engine.top`` orders them: the same in every build.
        order = engine.input_order()
        head.sort(key=lambda ds: (-ds[1], order[ds[0]]))
        ranked = (head + [(d, scores[d]) for d in docs[RERANK_DEPTH:]])[:need]
        for d, _ in ranked:
            if d not in stored:
                stored[d] = searcher.stored_fields(d)
        return ranked, [stored[d] for d, _ in ranked]

    def _newest(self, snap: _Snapshot, final: int, need: int) -> list[int]:
        """Up to ``need`` documents of ``final``, newest first, undated last."""
        fi = snap.facets
        if final.bit_count() <= SORT_BELOW:  # sorting them is cheaper than walking the dates
            docs = docnums_of(final)
            docs.sort(key=lambda d: (-fi.age_rank[d], d))
            return docs[:need]
        members = final.to_bytes((fi.size + 8) // 8, "little")
        out: list[int] = []
        for d in reversed(fi.dated_docs):
            if members[d >> 3] >> (d & 7) & 1:
                out.append(d)
                if len(out) >= need:
                    return out
        undated = [d for d in docnums_of(final) if fi.age_rank[d] < 0]
        return out + undated[: need - len(out)]

    def _hit(self, fields: dict, score: float, words: tuple[str, ...], similar: list[str]) -> Hit:
        title, body = fields.get("title", ""), fields.get("body", "")
        return Hit(
            id=fields["id"],
            title=title,
            title_html=mark_html(title, words),
            snippet_html=snippet_html(body, words),
            url=fields.get("url"),
            published=_date(fields.get("published")),
            category=fields.get("category"),
            source=fields.get("source"),
            score=float(score),
            similar=len(similar),
            similar_ids=tuple(similar),
        )

    # -- articles ------------------------------------------------------------------------------

    def article(self, id: str, q: str = "") -> Article | None:
        """The whole article with ``q``'s words marked, and related articles."""
        with self._lock:
            snap = self._current()
            plan = snap.engine.plan(parse(q), {}, {}, self.synonyms) if q else None
            words = tuple(plan.words) if plan else ()
            docnum = snap.searcher.document_number(id=id)
            if docnum is None:
                return None
            fields = snap.searcher.stored_fields(docnum)
            related = self._related(snap, docnum, fields, 5)
        title, body = fields.get("title", ""), fields.get("body", "")
        return Article(
            id=fields["id"],
            title=title,
            body=body,
            url=fields.get("url"),
            published=_date(fields.get("published")),
            category=fields.get("category"),
            source=fields.get("source"),
            title_html=mark_html(title, words),
            body_html=paragraphs_html(body, words),
            related=tuple(related),
        )

    def related(self, id: str, k: int = 5) -> list[Hit]:
        """More articles like this one (near-duplicates of it left out)."""
        with self._lock:
            snap = self._current()
            docnum = snap.searcher.document_number(id=id)
            if docnum is None:
                return []
            return self._related(snap, docnum, snap.searcher.stored_fields(docnum), k)

    def _related(self, snap: _Snapshot, docnum: int, fields: dict, k: int) -> list[Hit]:
        searcher, engine = snap.searcher, snap.engine
        title, body = fields.get("title", ""), fields.get("body", "")
        analyzer = word_analyzer()
        tf = Counter(t.text for t in analyzer(title + "\n" + body, mode="query"))
        for t in analyzer(title, mode="query"):
            tf[t.text] += 2  # title words describe the article best
        n = snap.doc_count
        weighted = []
        for word, count in tf.items():
            if len(word) < 2:
                continue
            df = searcher.doc_frequency("body", word) + 1
            weighted.append((count * math.log(n / df), word))
        weighted.sort(reverse=True)
        terms = []
        for wt, w in weighted[:RELATED_TERMS]:
            if wt > 0:
                terms += [("body", w, wt), ("title", w, 2 * wt)]
        if not terms:
            return []
        scores = engine.scores(terms)
        candidates = snap.facets.live & ~(1 << docnum)
        matched = 0
        for f, w, _ in terms:
            matched |= engine.postings(f, w).mask
        own = shingles(title, body)
        hits: list[Hit] = []
        seen: list[frozenset[str]] = [own]
        for d in engine.top(candidates & matched, scores, k * 3):
            other = searcher.stored_fields(d)
            sig = shingles(other.get("title", ""), other.get("body", ""))
            if any(near_duplicates(sig, s, 0.6) for s in seen):
                continue
            seen.append(sig)
            hits.append(self._hit(other, scores[d], (), []))
            if len(hits) >= k:
                break
        return hits

    # -- suggestions ---------------------------------------------------------------------------

    def suggest(self, prefix: str, k: int = 8) -> list[str]:
        """Completions for a search box: corpus words starting with ``prefix``, commonest first."""
        key = fold(prefix.strip())[:32]
        if not key:
            return []
        with self._lock:
            snap = self._current()
            reader = snap.searcher.reader()
            found: Counter[str] = Counter()
            for fieldname, weight in (("title", 3), ("body", 1)):
                for i, term in enumerate(reader.expand_prefix(fieldname, key)):
                    if i >= 2000:
                        break
                    word = term.decode("utf-8") if isinstance(term, bytes) else term
                    if word != key and len(word) > 1:
                        found[word] += weight * reader.doc_frequency(fieldname, word)
        return [w for w, _ in found.most_common(k)]
