"""The ``Searcher``: opened once on an index root, reopened when a reindex switches the index."""

from __future__ import annotations

import datetime as dt
import logging
import math
import os
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from whoosh.searching import Searcher as WhooshSearcher

from xinwen.index.analysis import configure_jieba, word_analyzer
from xinwen.index.store import IndexStore, StoreError, read_meta
from xinwen.search import readcache, spelling
from xinwen.search.backend import IndexUnavailableError
from xinwen.search.dedupe import Groups
from xinwen.search.engine import (
    LEAD_BONUS_ONE,
    RERANK_DEPTH,
    VERBATIM_FIRST,
    Engine,
    Plan,
    highlight_words,
    marked_words,
    one_string,
    rerank_factor,
    typed_string,
)
from xinwen.search.facets import FacetIndex, any_of, docnums_of, facet_values, recent_ranges
from xinwen.search.folding import fold
from xinwen.search.highlight import mark_html, paragraphs_html, snippet_html
from xinwen.search.models import (
    MAX_EXPORT_ROWS,
    MAX_QUERY_CHARS,
    Article,
    ArticleRef,
    DidYouMean,
    Export,
    ExportRow,
    Facet,
    Hit,
    SearchRequest,
    SearchResult,
    SortOrder,
)
from xinwen.search.querylang import ParsedQuery, Text, parse, parse_query
from xinwen.search.synonyms import Synonyms

log = logging.getLogger(__name__)

FALLBACK_NOTICE = "没有同时包含所有词的结果，以下是包含其中任意词的结果。"
PINYIN_NOTICE = "没有找到“{typed}”，以下是按拼音找到的“{words}”的结果。"
TRUNCATED_NOTICE = f"查询过长，只搜索了前 {MAX_QUERY_CHARS} 个字符。"
UNGROUPED_NOTICE = (
    "括号不表示分组，已忽略：空格表示“并且”，OR 只连接它两边的词语"
    "（字段后的括号可用，如 title:(光伏 OR 风电)）。"
)
SYNONYMS_NOTICE = "同时搜索了：{}"
UNCHECKED_NOTICE = "短语“{}”太常见，只找到了词语切分与它相同的文章，可能有遗漏。"
COLLAPSE_SLACK = 10  # extra candidates ranked so that collapsing usually fills a page at once
GROUP_LISTED = 50  # members of an article's group listed on its page
SIMILAR_LISTED = 10  # near-duplicates of a hit named (with title, source, date) on the page
# Terms carried over, by their reading, from one generation's caches to the next (`_warm`).
WARM_TERMS = 400
SORT_BELOW = 4_000  # date order: sort a result set this small, else walk the dates newest first
RELATED_TERMS = 12
_HAN_ONLY = re.compile("[\u4e00-\u9fff]+")  # Chinese characters (the common block) alone
SUGGEST_HEADLINES = 100  # newest headlines holding a typed prefix read for its completions
SUGGEST_MIN_WEIGHT = 3  # a word suggested by the index alone: weighted document count at least
FEW_RESULTS = 10  # fewer results than this: look for a variant that finds clearly more
MAX_VARIANTS = 4  # variants counted per query (each costs a match, no ranking)
# A query typed as one string of words jieba knows (一代一路: 一代 + 一路) is checked for how
# many of its results hold it as typed when it has at most this many results (the check reads
# the words' positions; a typo's results are few).
AS_TYPED_CHECK_LIMIT = 2_000
# Postings the any-word fallback scores at most, plus its rarest term's (a fraction of a second;
# bench/results/long-inputs.md).
FALLBACK_POSTINGS = 250_000
RELATED_TEXT_CHARS = 30_000  # of a body (longer than any bench article), read for related words


def _fallback_terms(
    engine: Engine, terms: list[tuple[str, str, float]]
) -> list[tuple[str, str, float]]:
    """The terms that rank the any-word fallback: the rarest, until ``FALLBACK_POSTINGS``.

    The fallback's documents are the union of the query's units (most of the index for a long
    query of common words), and scoring every term over them reads every posting of every
    word: millions for a query of 128 common characters. Rare words say most about a document
    (BM25 weighs them most), and the share of the query's units a document has still orders
    the best of them.
    """
    kept: set[tuple[str, str, float]] = set()
    budget = FALLBACK_POSTINGS
    for term in sorted(set(terms), key=lambda t: (engine.df(t[0], t[1]), t)):
        df = engine.df(term[0], term[1])
        if kept and df > budget:
            break
        kept.add(term)
        budget -= df
    return [t for t in dict.fromkeys(terms) if t in kept]


def _count_planes(units: list[int], among: int) -> list[int]:
    """How many of ``units`` each document of ``among`` is in, as bit planes: plane ``k`` holds
    the documents whose count has bit ``k`` set.

    Counters added as bitsets (a ripple-carry add, a few big-integer operations per unit), so
    the documents are listed once per plane (at most 8 for 256 units), not once per unit: a
    query of 128 common characters has most of the index in most of its units.
    """
    planes: list[int] = []
    for unit in units:
        carry = unit & among
        k = 0
        while carry:
            if k == len(planes):
                planes.append(0)
            planes[k], carry = planes[k] ^ carry, planes[k] & carry
            k += 1
    return planes


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
    groups: Groups
    path: Path
    built_at: dt.datetime | None = None  # from the generation's metadata
    _ids: object = None  # the ``id`` column reader, opened when first needed
    vocabulary: spelling.Vocabulary | None = None  # loaded when a query first needs it

    def doc_id(self, docnum: int) -> str:
        """A document's id from its column (no stored fields read)."""
        if self._ids is None:
            self._ids = self.searcher.reader().column_reader("id")
        return self._ids[docnum]

    def close(self) -> None:
        self.searcher.close()


@dataclass
class _Selection:
    """What a query matches: its plan, the documents before and after the request's filters
    (``fallback``: any word rather than all), and the filters' own bitsets."""

    plan: Plan
    matched: int
    final: int
    fallback: bool
    by_cat: int
    by_src: int
    by_date: int


def _snippet(fields: dict, words: tuple[str, ...], whole: str | None) -> str:
    """An exported row's marked snippet, marked as its result would be."""
    title, body = fields.get("title", ""), fields.get("body", "")
    return snippet_html(body, marked_words(words, whole, title, body))


def _date(value: object) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else None


def _built_at(meta: dict) -> dt.datetime | None:
    """The generation's ``built_at`` (UTC, ISO 8601), if it has a readable one."""
    try:
        return dt.datetime.fromisoformat(meta["built_at"]).astimezone(dt.UTC)
    except (KeyError, TypeError, ValueError):
        return None


def _ref(fields: dict) -> ArticleRef:
    return ArticleRef(
        fields["id"], fields.get("title", ""), _date(fields.get("published")), fields.get("source")
    )


class _Ranking:
    """Relevance order of a result: the re-ranked head, then the rest by BM25F score."""

    def __init__(
        self,
        engine: Engine,
        final: int,
        scores: list[float],
        head: list[tuple[int, float]],
        order: list[int],
    ) -> None:
        self.engine, self.final, self.scores, self.order = engine, final, scores, order
        self.head = head
        self._head_rank = {d: i for i, (d, _) in enumerate(head)}
        self._head_score = dict(head)

    def top(self, k: int) -> list[int]:
        """The ``k`` best documents, best first."""
        docs = [d for d, _ in self.head]
        if k > len(docs):
            rest = self.engine.top(self.final, self.scores, k)
            docs += [d for d in rest if d not in self._head_rank]
        return docs[:k]

    def key(self, d: int) -> tuple:
        """Where a document of the result stands (sorts like ``top``)."""
        rank = self._head_rank.get(d)
        if rank is not None:
            return (0, rank, 0)
        return (1, -self.scores[d], self.order[d])

    def score(self, d: int) -> float:
        return self._head_score.get(d, self.scores[d])


class _DateOrder:
    """Newest first, undated last; or ``oldest`` first: the dated in the reverse order, the
    undated still last, also reversed (the order Typesense's ``date_key`` gives both ways)."""

    def __init__(self, searcher: Searcher, snap: _Snapshot, final: int, oldest: bool) -> None:
        self.searcher, self.snap, self.final, self.oldest = searcher, snap, final, oldest

    def top(self, k: int) -> list[int]:
        return self.searcher._by_age(self.snap, self.final, k, self.oldest)

    def key(self, d: int) -> tuple:
        rank = self.snap.facets.age_rank[d]
        if self.oldest:
            return (0, rank, 0) if rank >= 0 else (1, 0, -d)
        return (0, -rank, d) if rank >= 0 else (1, 0, d)

    def score(self, d: int) -> float:
        return 0.0


def query_notices(parsed: ParsedQuery) -> list[str]:
    """What the results say about how the query was read before any search."""
    notices = [TRUNCATED_NOTICE] if parsed.truncated else []
    return notices + ([UNGROUPED_NOTICE] if parsed.ungrouped else [])


class Searcher:
    """Typed search over one index root; thread-safe; Whoosh objects stay inside.

    The embedded implementation of ``search.backend.SearchBackend``.
    """

    def __init__(self, root: str | os.PathLike[str], synonyms: Synonyms | None = None) -> None:
        """``synonyms``: the query words' synonyms to search too (default none: the shipped
        list, ``search.synonyms.shipped()``, changed no relevance figure, bench/results)."""
        self.store = IndexStore(root)
        self.synonyms = Synonyms() if synonyms is None else synonyms
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
            groups=Groups(data.cluster, facets.size),
            path=gen.path,
            built_at=_built_at(gen.meta),
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
        """Load the new generation's pinyin table (as ``warm`` does at a worker's start; a
        tenth of a second when the reindex wrote it), then read into its caches the terms
        its predecessor had used last.

        After a reindex switches the index, every query would otherwise read its posting
        lists from disk again (common characters with positions take tens of milliseconds
        each), and under steady traffic those cold queries queue behind each other for
        seconds. This runs in the background between queries (it takes the searcher's lock
        one term at a time, so a query waits for one term at most) and stops when the
        generation is replaced or closed.
        """
        with self._lock:
            if self._snapshot is not snap:
                return
            self._vocabulary(snap)
        for fieldname, text, positions in terms:
            with self._lock:
                if self._snapshot is not snap:
                    return
                try:
                    snap.engine.postings(fieldname, text, positions)
                except Exception as exc:  # a warm-up only: the queries read what they need
                    log.info("warming %s stopped: %s", snap.generation, exc)
                    return

    def warm(self) -> None:
        """Open the index and load what a first query would otherwise wait for: the
        character readings and the generation's pinyin table of "did you mean" (together
        about two seconds at 74,000 articles, paid by whichever query first had few results).
        A server calls this as each worker starts; an index that cannot be opened is left for
        ``health`` to report."""
        spelling.warm_readings()
        with self._lock:
            try:
                snap = self._current()
            except IndexUnavailableError:
                return
            self._vocabulary(snap)

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

    def generation(self) -> str:
        """The generation answering now (the one the next search opens)."""
        with self._lock:
            return self._current().generation

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
        parsed = parse_query(request.q)
        notices = query_notices(parsed)
        with self._lock:
            snap = self._current()
            fi = snap.facets
            found = self._select(snap, parsed, request)
            did_you_mean, chinese = None, None
            few = found.fallback or found.final.bit_count() < FEW_RESULTS
            # (or a typed word the index never has as a word, matched only by its characters
            # inside others: 习近瓶 finds 习近 in 习近平 and 瓶 anywhere, a hundred times over)
            few = few or any(self._no_word(snap, w) for w in found.plan.plain_words)
            few = few or found.plan.typed_missing
            # (or one string of words jieba knows that few results hold as typed: 一代一路 finds
            # 一代 and 一路 apart in 120 articles, and as typed in none)
            one = None if few else self._typed_as_one(parsed, found)
            if (few or one is not None) and request.q.strip():
                did_you_mean, chinese = self._did_you_mean(snap, parsed, request, found, one)
                if chinese is not None:  # pinyin that finds nothing as Latin: its words
                    found = self._select(snap, parse(chinese), request)
                    notices.append(PINYIN_NOTICE.format(typed=request.q.strip(), words=chinese))
            if found.fallback:
                notices.append(FALLBACK_NOTICE)
            plan, matched, final = found.plan, found.matched, found.final
            if plan.expanded:
                notices.append(SYNONYMS_NOTICE.format("、".join(plan.expanded)))
            notices += [UNCHECKED_NOTICE.format(p) for p in dict.fromkeys(plan.unchecked)]
            by_cat, by_src, by_date = found.by_cat, found.by_src, found.by_date
            facets = self._facets(request, fi, matched, by_cat, by_src, by_date)
            groups = snap.groups.count(final)
            hits = self._page(request, snap, plan, final, groups, found.fallback)
        return SearchResult(
            request=request,
            total=final.bit_count(),
            groups=groups,
            hits=tuple(hits),
            facets=facets,
            took_ms=(time.perf_counter() - started) * 1000,
            notice=" ".join(notices) or None,
            words=tuple(plan.words),
            did_you_mean=did_you_mean,
            any_word=found.fallback,
            searched_as=chinese,
        )

    def _select(
        self, snap: _Snapshot, parsed: ParsedQuery, request: SearchRequest, relax: bool = True
    ) -> _Selection:
        """The documents a parsed query matches under the request's filters; when none has
        every word, those with any (the fallback), unless not ``relax``."""
        fi, engine = snap.facets, snap.engine
        plan = engine.plan(parsed, fi.categories, fi.sources, self.synonyms)
        matched = engine.matches(plan)
        by_cat = any_of(fi.categories, request.categories) if request.categories else -1
        by_src = any_of(fi.sources, request.sources) if request.sources else -1
        by_date = fi.dates(request.date_from, request.date_to, request.undated)
        final = matched & by_cat & by_src & by_date
        fallback = False
        if relax and not final and len(plan.required) > 1:
            # The union of the unit sets the plan has already read: no more reads.
            relaxed = engine.matches(plan, any_unit=True)
            if relaxed & by_cat & by_src & by_date:
                matched = relaxed
                final = matched & by_cat & by_src & by_date
                fallback = True
                plan = replace(plan, terms=_fallback_terms(engine, plan.terms))
        return _Selection(plan, matched, final, fallback, by_cat, by_src, by_date)

    def _typed_as_one(self, parsed: ParsedQuery, found: _Selection) -> str | None:
        """The query's string when it is one string typed of words jieba knows (一代一路: 一代 +
        一路) with at most ``AS_TYPED_CHECK_LIMIT`` results; else None. (A string jieba cannot
        cut is matched as typed already: ``plan.whole``.)"""
        plan = found.plan
        one = parsed.required[0] if len(parsed.required) == 1 else None
        if not isinstance(one, Text) or one.field is not None or parsed.excluded:
            return None
        if len(plan.typed) != 1 or plan.whole is not None or found.fallback:
            return None
        return plan.typed[0] if found.final.bit_count() <= AS_TYPED_CHECK_LIMIT else None

    def _did_you_mean(
        self,
        snap: _Snapshot,
        parsed: ParsedQuery,
        request: SearchRequest,
        found: _Selection,
        as_typed: str | None = None,
    ) -> tuple[DidYouMean | None, str | None]:
        """A variant of a query with few results that finds clearly more, and, for pinyin
        that finds nothing as Latin text, the Chinese words to search instead.

        Only plain word queries are varied (no phrases, exclusions, OR or fields): what the
        reader typed there is deliberate. ``as_typed``: the query, one string of words jieba
        knows; with a variant to offer, it counts as few when fewer than ``FEW_RESULTS`` of its
        results hold it as typed, and a variant is counted as typed too (where jieba cut them
        so: their words' positions are read only when a variant exists, as a typo's has).
        """
        if parsed.excluded or parsed.narrowed:
            return None, None
        if not all(isinstance(p, Text) and p.field is None for p in parsed.required):
            return None, None
        # (what was typed, as typed: pieces apart or any word are no finding of it)
        missing = found.fallback or found.plan.typed_missing
        total = found.final.bit_count() if not missing else 0
        vocabulary = self._vocabulary(snap)
        letters = spelling.pinyin_letters(request.q.strip())
        candidates: list[str] = []
        known: dict[str, int] = {}

        def frequency(word: str) -> int:
            if word not in known:
                known[word] = max(snap.engine.df("body", word), snap.engine.df("title", word))
            return known[word]

        if letters is not None:
            words = spelling.pinyin_words(letters, vocabulary, frequency)
            if words:
                candidates.append(" ".join(words))
        else:
            # A word the index never has is varied by its characters (新冠疫描, one word to
            # jieba, holds 疫描 → 疫苗); ``starts``: the pieces that begin a typed word.
            typed, starts = [], []
            for word in found.plan.plain_words:
                pieces = list(word) if self._no_word(snap, word) else [word]
                typed += pieces
                starts += [True] + [False] * (len(pieces) - 1)
            # Spaced as the reader spaced the query: 新冠肺炎 for 新官肺炎, 光伏 储能 for 光服 储能.
            joiner = " " if any(ch.isspace() for ch in request.q.strip()) else ""
            for i, j, word in spelling.suggest_variants(typed, vocabulary, frequency):
                kept = [*zip(typed[:i], starts[:i], strict=True), (word, starts[i])]
                kept += zip(typed[j:], starts[j:], strict=True)
                candidates.append(
                    "".join((joiner if k and s else "") + t for k, (t, s) in enumerate(kept))
                )
        if as_typed is not None and candidates:
            total = snap.engine.verbatim(as_typed, found.final, by_chars=False).bit_count()
            if total >= FEW_RESULTS:
                return None, None
        best: DidYouMean | None = None
        for text in candidates[:MAX_VARIANTS]:
            # A variant typed as one string counts where it stands as typed: 乡村真心 (for
            # 乡村振心) has 乡村 and 真心 apart in eight articles and as typed in none.
            whole = as_typed is not None or one_string(text) is not None
            count = self._count(snap, text, found, as_typed=whole)
            if as_typed is not None and count < FEW_RESULTS:
                continue
            if count >= max(3 * total, total + 1) and (best is None or count > best.total):
                best = DidYouMean(query=text, total=count)
        if best is not None and letters is not None and total == 0:
            return None, best.query
        return best, None

    @staticmethod
    def _no_word(snap: _Snapshot, word: str) -> bool:
        """Whether ``word`` (two Chinese characters or more) is no word of the index."""
        if len(word) < 2 or not _HAN_ONLY.fullmatch(word):
            return False
        return not snap.engine.df("body", word) and not snap.engine.df("title", word)

    def _count(self, snap: _Snapshot, text: str, found: _Selection, as_typed: bool = False) -> int:
        """How many documents have every word of ``text`` under the same filters (``as_typed``:
        hold ``text`` as typed, where jieba cut it the same way)."""
        fi, engine = snap.facets, snap.engine
        plan = engine.plan(parse(text), fi.categories, fi.sources, self.synonyms)
        if plan.typed_missing:  # 光伏发点 is nowhere as typed: no better than 光伏发店
            return 0
        matched = engine.matches(plan) & found.by_cat & found.by_src & found.by_date
        if as_typed:
            return engine.verbatim(text, matched, by_chars=False).bit_count()
        return matched.bit_count()

    def _vocabulary(self, snap: _Snapshot) -> spelling.Vocabulary:
        """The generation's pinyin table, loaded (or built) the first time it is needed."""
        if snap.vocabulary is None:
            reader = snap.searcher.reader()
            key = readcache.generation_key(snap.path, read_meta(snap.path), reader)
            snap.vocabulary = spelling.load(snap.path, key, reader)
        return snap.vocabulary

    def export(
        self, request: SearchRequest, limit: int = MAX_EXPORT_ROWS, snippets: bool = False
    ) -> Export:
        """Every article the request matches (filters applied, nothing collapsed), in the
        request's order, up to ``limit``; ``snippets``: with each one's marked snippet."""
        parsed = parse_query(request.q)
        with self._lock:
            snap = self._current()
            # (every word, always: an export or a feed is read away from the page's notice)
            found = self._select(snap, parsed, request, relax=False)
            plan, final = found.plan, found.final
            if not final or limit < 1:
                return Export(final.bit_count(), (), snap.built_at)
            if request.sort.by_date or not plan.terms:
                rank: _Ranking | _DateOrder = self._by_date(snap, final, request.sort)
            else:
                rank = self._by_relevance(snap, plan, final, found.fallback, request.recency)
            docs = rank.top(limit)
            ranked = [(d, rank.score(d)) for d in docs]
            stored = [snap.searcher.stored_fields(d) for d in docs]
        words = tuple(plan.words)
        rows = tuple(
            ExportRow(
                id=f["id"],
                title=f.get("title", ""),
                published=_date(f.get("published")),
                category=f.get("category"),
                source=f.get("source"),
                url=f.get("url"),
                score=float(score),
                snippet_html=_snippet(f, words, plan.whole) if snippets else "",
            )
            for (_, score), f in zip(ranked, stored, strict=True)
        )
        return Export(final.bit_count(), rows, snap.built_at)

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
        facets["recent"] = recent_ranges(fi, base, dt.date.today(), start, end, request.undated)
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
        self,
        request: SearchRequest,
        snap: _Snapshot,
        plan: Plan,
        final: int,
        groups: int,
        fallback: bool,
    ) -> list[Hit]:
        """The page's groups: ranked documents collapsed by cluster, the page cut out of them.

        Documents are ranked as deep as the page needs: first its number of groups plus a
        little, then deeper while near-duplicates leave the page short (the number of groups
        is exact, so it is known when they will not). Stored fields are read for the page's
        hits only (and for the re-ranked head of a query of several words).
        """
        first = (request.page - 1) * request.page_size
        want = min(first + request.page_size, groups)
        if first >= want:
            return []
        total = final.bit_count()
        if request.sort.by_date or not plan.terms:
            rank = self._by_date(snap, final, request.sort)
        else:
            rank = self._by_relevance(snap, plan, final, fallback, request.recency)
        depth = want + COLLAPSE_SLACK
        while True:
            order = rank.top(depth)
            reps = snap.groups.collapse(order, want)
            if len(reps) >= want or depth >= total:
                break
            depth = min(total, depth * 2 + (want - len(reps)) * 2)
        searcher, words = snap.searcher, tuple(plan.words)
        hits = []
        for d in reps[first:]:
            others = [m for m in snap.groups.members(d) if m != d and final >> m & 1]
            others.sort(key=rank.key)
            similar = [snap.doc_id(m) for m in others]
            refs = [_ref(searcher.stored_fields(m)) for m in others[:SIMILAR_LISTED]]
            fields = searcher.stored_fields(d)
            hits.append(self._hit(fields, rank.score(d), words, similar, refs, plan.whole))
        return hits

    def _by_relevance(
        self, snap: _Snapshot, plan: Plan, final: int, fallback: bool, recency: float = 0.0
    ) -> _Ranking:
        """BM25F order, the first ``RERANK_DEPTH`` re-ranked by their text.

        In the any-word fallback a document's score is scaled by the share of the query's
        units it has, so documents with more of the words come first.
        """
        engine, searcher = snap.engine, snap.searcher
        scores = engine.scores(plan.terms, among=final)
        if plan.first & final:
            # The query typed as one string, verbatim: before its pieces apart (Plan.first).
            for d in docnums_of(plan.first & final):
                scores[d] *= VERBATIM_FIRST
        if fallback:
            units = plan.required
            # Only documents with a score can move: those with one of the scored terms.
            scored = 0
            for fieldname, text, _ in plan.terms:
                scored |= engine.mask(fieldname, text)
            have = dict.fromkeys(docnums_of(scored & final), 0)
            for k, plane in enumerate(_count_planes(units, scored & final)):
                for d in docnums_of(plane):
                    have[d] += 1 << k
            for d, n in have.items():
                scores[d] *= n / len(units)
        docs = engine.top(final, scores, RERANK_DEPTH)
        newest = snap.facets.newest
        # The text is read for the re-ranked head only when it can change a score: a bonus
        # needs a word (two for most of them), the recency preference a date.
        rerank = len(plan.plain_words) >= (1 if LEAD_BONUS_ONE else 2) or bool(recency and newest)
        head = []
        for d in docs:
            score = scores[d]
            if rerank:
                f = searcher.stored_fields(d)
                title, body = f.get("title", ""), f.get("body", "")
                score *= rerank_factor(plan.plain_words, title, body, plan.typed)
                published = _date(f.get("published"))
                if recency and published and newest:
                    # Age from the newest article in the index, so an old archive is not all
                    # "old".
                    score *= 1 + recency * 0.5 ** ((newest - published).days / 365)
            head.append((d, score))
        # Equal scores in input order, as ``Engine.top`` orders them: the same in every build.
        order = engine.input_order()
        head.sort(key=lambda ds: (-ds[1], order[ds[0]]))
        return _Ranking(engine, final, scores, head, order)

    def _by_date(self, snap: _Snapshot, final: int, sort: SortOrder) -> _DateOrder:
        """Oldest first for ``SortOrder.OLDEST``, else newest first (browsing too: with no
        words there is no relevance to order by)."""
        return _DateOrder(self, snap, final, oldest=sort is SortOrder.OLDEST)

    def _by_age(self, snap: _Snapshot, final: int, need: int, oldest: bool) -> list[int]:
        """Up to ``need`` documents of ``final`` in ``_DateOrder``: newest (or oldest)
        first, undated last."""
        fi = snap.facets
        if final.bit_count() <= SORT_BELOW:  # sorting them is cheaper than walking the dates
            order = _DateOrder(self, snap, final, oldest)
            return sorted(docnums_of(final), key=order.key)[:need]
        members = final.to_bytes((fi.size + 8) // 8, "little")
        out: list[int] = []
        for d in fi.dated_docs if oldest else reversed(fi.dated_docs):
            if members[d >> 3] >> (d & 7) & 1:
                out.append(d)
                if len(out) >= need:
                    return out
        undated = [d for d in docnums_of(final) if fi.age_rank[d] < 0]
        if oldest:
            undated.reverse()
        return out + undated[: need - len(out)]

    def _hit(
        self,
        fields: dict,
        score: float,
        words: tuple[str, ...],
        similar: list[str],
        refs: list[ArticleRef] | None = None,
        whole: str | None = None,
    ) -> Hit:
        title, body = fields.get("title", ""), fields.get("body", "")
        words = marked_words(words, whole, title, body)
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
            similar_refs=tuple(refs or ()),
        )

    # -- articles ------------------------------------------------------------------------------

    def article(self, id: str, q: str = "") -> Article | None:
        """The whole article with ``q``'s words marked, and related articles."""
        parsed = parse(q)
        words = tuple(highlight_words(parsed)) if q else ()  # marked, not searched
        with self._lock:
            snap = self._current()
            docnum = snap.searcher.document_number(id=id)
            if docnum is None:
                return None
            fields = snap.searcher.stored_fields(docnum)
            related = self._related(snap, docnum, fields, 5)
            group, group_size = self._group(snap, docnum)
        title, body = fields.get("title", ""), fields.get("body", "")
        words = marked_words(words, typed_string(parsed), title, body)
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
            group=tuple(group),
            group_size=group_size,
        )

    def _group(self, snap: _Snapshot, docnum: int) -> tuple[list[ArticleRef], int]:
        """The other articles of ``docnum``'s near-duplicate group, newest first (at most
        ``GROUP_LISTED``), and the group's size."""
        live, age = snap.facets.live, snap.facets.age_rank
        others = [m for m in snap.groups.members(docnum) if m != docnum and live >> m & 1]
        others.sort(key=lambda m: (-age[m], m))
        refs = [_ref(snap.searcher.stored_fields(m)) for m in others[:GROUP_LISTED]]
        return refs, len(others) + 1

    def related(self, id: str, k: int = 5) -> list[Hit]:
        """More articles like this one (one per near-duplicate group, its own group left out)."""
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
        # The words that describe an article are in its start: a 1,000,000-character body
        # would otherwise be segmented whole for every view of its page (seconds of jieba).
        text = title + "\n" + body[:RELATED_TEXT_CHARS]
        tf = Counter(t.text for t in analyzer(text, mode="query"))
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
        # One article per near-duplicate group, none of the article's own group (that is
        # listed apart).
        groups = snap.groups
        own = groups.cluster(docnum)
        ranked = (
            d for d in engine.top(candidates & matched, scores, k * 8) if groups.cluster(d) != own
        )
        return [
            self._hit(searcher.stored_fields(d), scores[d], (), [])
            for d in groups.collapse(ranked, k)
        ]

    # -- suggestions ---------------------------------------------------------------------------

    def suggest(self, prefix: str, k: int = 8) -> list[str]:
        """Completions for a search box: what the newest headlines holding ``prefix`` write
        after it, then corpus words starting with it; commonest first."""
        key = fold(prefix.strip())[:32]
        if not key:
            return []
        with self._lock:
            snap = self._current()
            headlines = self._headline_completions(snap, key)
            reader = snap.searcher.reader()
            found: Counter[str] = Counter()
            for fieldname, weight in (("title", 3), ("body", 1)):
                for i, term in enumerate(reader.expand_prefix(fieldname, key)):
                    if i >= 2000:
                        break
                    word = term.decode("utf-8") if isinstance(term, bytes) else term
                    if word != key and len(word) > 1:
                        found[word] += weight * reader.doc_frequency(fieldname, word)
        # (a word in a document or two is jieba's cut of a rare string, 新冠大 of 新冠大流行:
        # no completion of what people type)
        words = [w for w, n in found.most_common() if n >= SUGGEST_MIN_WEIGHT]
        ranked = [w for w, n in headlines.most_common() if n >= 2] + words
        return list(dict.fromkeys(w for w in ranked if w != key))[:k]

    def _headline_completions(self, snap: _Snapshot, key: str) -> Counter[str]:
        """How often the newest headlines holding ``key`` continue it into each completion:
        to the end of the word it stops inside (疫苗接 → 疫苗接种), or with the next word when
        it is one (新冠 → 新冠肺炎, 新冠疫苗: jieba's dictionary has no such words, so the
        index has no term to complete to)."""
        if len(key) < 2 or not _HAN_ONLY.search(key) or '"' in key:
            return Counter()  # (one character is in half the headlines: words do better)
        engine = snap.engine
        if engine.df("title", key):  # a word of the headlines: its own postings, no phrase check
            holding = engine.mask("title", key)
        else:  # (疫苗接: the headlines with those characters together)
            holding = engine.matches(engine.plan(parse(f'title:"{key}"'), {}, {}))
        docs = self._by_age(snap, holding, SUGGEST_HEADLINES, oldest=False)
        analyzer = word_analyzer()
        counts: Counter[str] = Counter()
        for d in docs:
            title = fold(snap.searcher.stored_fields(d).get("title", ""))
            at = title.find(key)
            if at < 0:
                continue
            end = at + len(key)
            tokens = [(t.startchar, t.endchar) for t in analyzer(title, mode="query", chars=True)]
            if not any(start == at for start, _ in tokens):
                continue  # (碳 inside 低碳: no word of the headline starts with it)
            for n, (start, stop) in enumerate(tokens):
                if start < end <= stop:
                    if stop > end:  # the word it stops inside
                        counts[title[at:stop]] += 1
                    elif n + 1 < len(tokens) and tokens[n + 1][0] == end:
                        nxt = title[tokens[n + 1][0] : tokens[n + 1][1]]
                        if len(nxt) >= 2 and _HAN_ONLY.fullmatch(nxt):
                            counts[title[at : tokens[n + 1][1]]] += 1
                    break
        return counts
