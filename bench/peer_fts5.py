"""SQLite FTS5 (stdlib ``sqlite3``) over the jieba-segmented corpus: build, top hits, full page.

- ``docs``: an FTS5 table (title, body) of the segmented text with the ``unicode61`` tokenizer,
  which splits at the spaces and punctuation and lower-cases. The text is stored (``snippet()``
  needs it).
- ``meta``: id, category, source, published (ISO date) and year, sharing ``docs``' rowid,
  indexed by published date, by category and date, by source and date (browsing newest
  first reads an index) and by category and year (the facet counts of a browse).
- Ranking: ``bm25(docs, 2.0, 1.0)`` (the title weighted 2, xinwen's title weight when the peers
  were wired), set as the table's ``rank``, so ``ORDER BY rank`` is answered by FTS5 itself.
- A full page: the top rows, then ``highlight()`` of the title and ``snippet()`` of the body of
  those rows only, then one ``GROUP BY category, year`` over all matches, which gives the
  category counts, the year counts and the exact total at once.

The query is translated by ``bench.peer_query`` (AND, then OR when AND finds nothing).
"""

from __future__ import annotations

import html
import sqlite3
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

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

TITLE_WEIGHT = 2.0
BATCH = 1000
SNIPPET_TOKENS = 32
_OPEN, _CLOSE = "\ue000", "\ue001"  # marks that survive html.escape, made <mark> afterwards

_SCHEMA = """
CREATE TABLE meta(
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    category TEXT,
    source TEXT,
    published TEXT,
    year INTEGER
);
CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61');
"""


def build_fts5(records: Iterable[dict], path: Path) -> int:
    """Write the segmented ``records`` into a new FTS5 database at ``path``; the row count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        con.executescript(_SCHEMA)
        count = 0
        metas: list[tuple] = []
        texts: list[tuple] = []
        for record in records:
            count += 1
            published = record.get("published") or None
            year = int(published[:4]) if published else None
            metas.append(
                (count, record["id"], record.get("category"), record.get("source"), published, year)
            )
            texts.append((count, record["title"], record["body"]))
            if len(texts) >= BATCH:
                _flush(con, metas, texts)
        _flush(con, metas, texts)
        con.executescript(
            f"""
            INSERT INTO docs(docs, rank) VALUES ('rank', 'bm25({TITLE_WEIGHT}, 1.0)');
            INSERT INTO docs(docs) VALUES ('optimize');
            CREATE INDEX meta_published ON meta(published);
            CREATE INDEX meta_category ON meta(category, published);
            CREATE INDEX meta_source ON meta(source, published);
            CREATE INDEX meta_facets ON meta(category, year);
            """
        )
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    return count


def _flush(con: sqlite3.Connection, metas: list[tuple], texts: list[tuple]) -> None:
    con.executemany("INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?)", metas)
    con.executemany("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", texts)
    metas.clear()
    texts.clear()


def _indexed(word: str) -> bool:
    """Whether ``unicode61`` keeps anything of ``word`` (letters and digits are its tokens)."""
    return any(ch.isalnum() for ch in word)


def _string(words: Iterable[str]) -> str:
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"'


def _clause(clause: Clause) -> str | None:
    kept = [w for w in clause.words if _indexed(w)]
    if not kept:
        return None
    if clause.phrase:
        return _string(kept)  # one FTS5 string of several tokens is a phrase
    parts = [_string([w]) for w in kept]
    return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"


def match_expression(query: PeerQuery) -> str | None:
    """The FTS5 ``MATCH`` text of ``query``; None when none of its words can match."""
    groups = []
    for group in query.groups:
        parts = [p for p in map(_clause, group) if p]
        if parts:
            groups.append(parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")")
    if not groups:
        return None
    expr = " AND ".join(groups)
    for clause in query.excluded:
        part = _clause(clause)
        if part:
            expr = f"({expr}) NOT {part}"
    return expr


def _conditions(filters: Filters) -> tuple[str, list]:
    """SQL conditions on ``meta m`` for ``filters`` (each prefixed with AND) and their values."""
    sql, params = [], []
    for column, values in (("category", filters.categories), ("source", filters.sources)):
        if values:
            sql.append(f"m.{column} IN ({', '.join('?' * len(values))})")
            params += list(values)
    if filters.date_from:
        sql.append("m.published >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        sql.append("m.published <= ?")
        params.append(filters.date_to.isoformat())
    return "".join(f" AND {s}" for s in sql), params


def _marked(text: str) -> str:
    """FTS5 output marked with the private marks → escaped HTML with ``<mark>``, unsegmented."""
    escaped = html.escape(desegment(text), quote=False)
    return escaped.replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")


class Fts5Search:
    """Searches over one FTS5 database written by ``build_fts5`` (read-only)."""

    def __init__(self, path: Path) -> None:
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def count(self) -> int:
        """Rows in the database."""
        return self.con.execute("SELECT count(*) FROM meta").fetchone()[0]

    def close(self) -> None:
        """Close the database."""
        self.con.close()

    def _top(self, expr: str, filters: Filters, k: int) -> list[tuple[int, str, str]]:
        """(rowid, id, segmented title) of the best ``k`` matches (or the newest)."""
        cond, params = _conditions(filters)
        order = "m.published DESC" if filters.by_date else "rank"
        try:
            return self.con.execute(
                "SELECT docs.rowid, m.id, docs.title FROM docs JOIN meta m ON m.rowid = docs.rowid"
                f" WHERE docs MATCH ?{cond} ORDER BY {order} LIMIT ?",
                [expr, *params, k],
            ).fetchall()
        except sqlite3.OperationalError:  # a MATCH FTS5 cannot parse: the user sees nothing
            return []

    def _browse(self, filters: Filters, k: int) -> list[tuple]:
        """(rowid, id, title, start of body, published, category) of the newest ``k``."""
        cond, params = _conditions(filters)
        rows = self.con.execute(
            "SELECT m.rowid, m.id, m.published, m.category FROM meta m"
            f" WHERE 1{cond} ORDER BY m.published DESC LIMIT ?",
            [*params, k],
        ).fetchall()
        if not rows:
            return []
        texts = {
            r[0]: r[1:]
            for r in self.con.execute(
                "SELECT rowid, title, substr(body, 1, 200) FROM docs"
                f" WHERE rowid IN ({', '.join('?' * len(rows))})",
                [r[0] for r in rows],
            )
        }
        return [(r[0], r[1], *texts[r[0]], r[2], r[3]) for r in rows]

    def hits(self, text: str, filters: Filters = NO_FILTERS, k: int = 10) -> list[PeerHit]:
        """The top ``k`` hits of a typed query: ids and titles only."""
        if not text.strip():
            return [PeerHit(r[1], desegment(r[2])) for r in self._browse(filters, k)]
        query = parse_query(text)

        def run(q: PeerQuery) -> list[tuple[int, str, str]]:
            expr = match_expression(q)
            return self._top(expr, filters, k) if expr else []

        rows, _ = with_fallback(query, run, bool)
        return [PeerHit(id_, desegment(title)) for _, id_, title in rows]

    def page(self, text: str, filters: Filters = NO_FILTERS, k: int = 10) -> PeerPage:
        """A full page: top ``k`` with highlighted title and snippet, facets, exact total."""
        cond, params = _conditions(filters)
        if not text.strip():
            hits = [
                PeerHit(r[1], desegment(r[2]), html.escape(desegment(r[3])), r[4], r[5])
                for r in self._browse(filters, k)
            ]
            groups = self.con.execute(
                f"SELECT m.category, m.year, count(*) FROM meta m WHERE 1{cond}"
                " GROUP BY m.category, m.year",
                params,
            ).fetchall()
            return _page(hits, groups, False)

        def run(q: PeerQuery) -> tuple[str | None, list[tuple[int, str, str]]]:
            expr = match_expression(q)
            return expr, self._top(expr, filters, k) if expr else []

        query = parse_query(text)
        (expr, top), fallback = with_fallback(query, run, lambda r: bool(r[1]))
        if not top or expr is None:
            return PeerPage(0, [], fallback=fallback)
        rowids = [r[0] for r in top]
        marked = self.con.execute(
            "SELECT docs.rowid, m.id, highlight(docs, 0, ?, ?),"
            f" snippet(docs, 1, ?, ?, '…', {SNIPPET_TOKENS}), m.published, m.category"
            " FROM docs JOIN meta m ON m.rowid = docs.rowid"
            f" WHERE docs MATCH ? AND docs.rowid IN ({', '.join('?' * len(rowids))})",
            [_OPEN, _CLOSE, _OPEN, _CLOSE, expr, *rowids],
        ).fetchall()
        by_rowid = {r[0]: r for r in marked}
        hits = [
            PeerHit(r[1], _marked(r[2]), _marked(r[3]), r[4], r[5])
            for r in (by_rowid[rowid] for rowid in rowids)
        ]
        groups = self.con.execute(
            "SELECT m.category, m.year, count(*) FROM docs JOIN meta m ON m.rowid = docs.rowid"
            f" WHERE docs MATCH ?{cond} GROUP BY m.category, m.year",
            [expr, *params],
        ).fetchall()
        return _page(hits, groups, fallback)


def _page(hits: list[PeerHit], groups: list[tuple], fallback: bool) -> PeerPage:
    """A ``PeerPage`` from its hits and the (category, year, count) rows of the matches."""
    categories: Counter[str] = Counter()
    years: Counter[int] = Counter()
    total = 0
    for category, year, n in groups:
        total += n
        if category is not None:
            categories[category] += n
        if year is not None:
            years[year] += n
    return PeerPage(total, hits, dict(categories.most_common()), dict(years), fallback)
