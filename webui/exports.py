"""The search as files to take away, by URL ending as Datasette does: ``/search.csv`` and
``/search.jsonl`` (every matching article, up to ``MAX_EXPORT_ROWS``) and ``/search.atom``
(the newest matches as an Atom 1.0 feed, for a feed reader to follow a query).

Each takes the search page's parameters; ``page`` and ``size`` mean nothing here and are
ignored. Whether an export was cut is said in response headers (``X-Total-Count``,
``X-Export-Rows``, ``X-Export-Truncated``), so the files themselves stay plain data. The feed
is written by feedgen, the maintained Atom/RSS writer.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from urllib.parse import quote

from flask import Blueprint, Response, current_app, request, stream_with_context, url_for
from flask.typing import ResponseReturnValue
from markupsafe import Markup

from xinwen.search import Export, ExportRow, QueryError, SortOrder
from xinwen.webui.context import article_link, safe_link
from xinwen.webui.params import FEED_ENTRIES, ParamError, SearchParams
from xinwen.webui.views import searcher

bp = Blueprint("exports", __name__)

COLUMNS = ("id", "title", "published", "category", "source", "url", "score")
# The CSV's free-text columns: a cell that starts like a formula is written with a leading
# ``'`` (OWASP's advice against CSV injection), so Excel shows it instead of running it.
# ``published`` (an ISO date) and ``score`` (a number) are ours and stay as they are.
CSV_TEXT_COLUMNS = frozenset({"id", "title", "category", "source", "url"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FILE_UNSAFE = re.compile(r'[\x00-\x1f\\/:*?"<>|]+')


def _export(params: SearchParams, limit: int | None = None, snippets: bool = False) -> Export:
    limit = current_app.config["EXPORT_ROWS"] if limit is None else limit
    try:
        return searcher().export(params.to_request(), limit, snippets)
    except QueryError as exc:
        raise ParamError(exc.param, exc.message) from None


def _params() -> SearchParams:
    # Strict like the API: the page links here with its canonical parameters, never an empty
    # one, so ``to=`` comes only from a client that sent something that is not a date.
    # ``page`` and ``size`` mean nothing here (every match is exported) and are not in the
    # OpenAPI document: left out before checking, not refused (``size=0`` was a 400).
    args = request.args.copy()
    for name in ("page", "size"):
        args.poplist(name)
    return SearchParams.parse(args, blank_is_absent=False)


def _row(row: ExportRow) -> dict:
    return {
        "id": row.id,
        "title": row.title,
        "published": row.published.isoformat() if row.published else None,
        "category": row.category,
        "source": row.source,
        "url": row.url,
        "score": round(row.score, 4),
    }


def csv_cell(value: str) -> str:
    """``value`` as a spreadsheet shows it, never as a formula it would run."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_row(row: ExportRow) -> list[object]:
    values = _row(row)
    return [
        "" if values[c] is None else csv_cell(values[c]) if c in CSV_TEXT_COLUMNS else values[c]
        for c in COLUMNS
    ]


def _download(
    params: SearchParams, export: Export, ending: str, content_type: str, body: Iterator[str]
) -> Response:
    name = _FILE_UNSAFE.sub("_", params.q)[:60].strip() or "全部"
    # The whole header as given: as a ``mimetype`` Werkzeug appends its own charset to text/*.
    response = Response(stream_with_context(body), content_type=content_type)
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"xinwen.{ending}\"; filename*=UTF-8''"
        f"{quote(f'xinwen-{name}.{ending}')}"
    )
    response.headers["X-Total-Count"] = str(export.total)
    response.headers["X-Export-Rows"] = str(len(export.rows))
    response.headers["X-Export-Truncated"] = "true" if export.truncated else "false"
    return response


@bp.get("/search.csv")
def search_csv() -> ResponseReturnValue:
    """Every matching article as CSV (UTF-8 with a BOM, so Excel shows the Chinese)."""
    params = _params()
    export = _export(params)

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        yield "\ufeff" + buffer.getvalue()
        for row in export.rows:
            buffer.seek(0)
            buffer.truncate()
            writer.writerow(_csv_row(row))
            yield buffer.getvalue()

    return _download(params, export, "csv", "text/csv; charset=utf-8", lines())


@bp.get("/search.jsonl")
def search_jsonl() -> ResponseReturnValue:
    """Every matching article as JSON Lines, one object a line."""
    params = _params()
    export = _export(params)

    def lines() -> Iterator[str]:
        for row in export.rows:
            yield json.dumps(_row(row), ensure_ascii=False) + "\n"

    return _download(params, export, "jsonl", "application/x-ndjson; charset=utf-8", lines())


def _when(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


# The feed's and its entries' ids: tag URIs (RFC 4151), the same whichever host name the feed
# was fetched by (its links use that name, as the reader's page does).
TAG = "tag:xinwen,2026:"
_TAG_SAFE = "/:=&,;@!$'()*+-._~"


@bp.get("/search.atom")
def search_atom() -> ResponseReturnValue:
    """The newest matches as an Atom 1.0 feed; an undated article is in it too, updated when
    the index generation was built (it says nothing of its own date)."""
    from feedgen.feed import FeedGenerator  # loaded only by the feed's requests

    params = dataclasses.replace(_params(), sort=SortOrder.DATE)
    export = _export(params, limit=FEED_ENTRIES, snippets=True)
    rows = export.rows
    # A backend that does not know when its index was built: now (never 1970).
    built = export.built_at or dt.datetime.now(dt.UTC).replace(microsecond=0)
    # Both links carry the canonical, percent-encoded query string (request.url would give
    # the IRI form, ``?q=光伏``, and whatever else the client added).
    canonical = params.replace(sort=None).query_string()
    query = f"?{canonical}" if params.q or params.has_filters else ""
    page = url_for("views.search", _external=True) + query
    feed_url = url_for("exports.search_atom", _external=True) + query
    feed = FeedGenerator()
    feed.id(f"{TAG}search{query}")
    feed.title(f"“{params.q}”的新闻 · xinwen" if params.q else "最新文章 · xinwen")
    feed.subtitle("xinwen 新闻搜索：按发布时间排列的最新结果")
    feed.link(href=page, rel="alternate", type="text/html")
    feed.link(href=feed_url, rel="self", type="application/atom+xml")
    feed.language("zh-CN")
    feed.generator("xinwen")
    updated = [_when(r.published) if r.published else built for r in rows]
    feed.updated(max(updated, default=built))
    for row, when in reversed(list(zip(rows, updated, strict=True))):  # feedgen puts each first
        entry = feed.add_entry()
        ours = article_link(row.id, external=True)
        entry.id(f"{TAG}article/{quote(row.id, safe=_TAG_SAFE)}")
        entry.title(row.title or row.id)
        entry.link(href=safe_link(row.url) or ours, rel="alternate")
        entry.updated(when)
        if row.published:
            entry.published(when)
        if row.category:
            entry.category(term=row.category)
        if row.source:
            entry.author(name=row.source)
        summary = Markup(row.snippet_html).striptags()
        if summary:
            entry.summary(summary)
    body = feed.atom_str(pretty=True)
    return Response(body, mimetype="application/atom+xml; charset=utf-8")
