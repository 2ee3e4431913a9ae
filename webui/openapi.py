"""The OpenAPI 3.1 description of the JSON API, built here so limits come from the code."""

from __future__ import annotations

from functools import cache

from xinwen.search.models import (
    MAX_EXPORT_ROWS,
    MAX_PAGE_SIZE,
    MAX_QUERY_CHARS,
    MAX_RESULT_DEPTH,
    SortOrder,
)
from xinwen.webui.health import RETRY_AFTER
from xinwen.webui.params import (
    DEFAULT_PAGE_SIZE,
    DEFAULT_SUGGEST,
    FEED_ENTRIES,
    MAX_SUGGEST,
    MAX_WITHIN_DAYS,
)

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _obj(properties: dict, required: list[str] | None = None) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": required if required is not None else list(properties),
        "additionalProperties": False,
    }


ERROR_CODES = {
    "invalid_parameter": "400: a parameter is invalid, empty or contradicts another.",
    "not_found": "404: no such article or path.",
    "method_not_allowed": "405: only GET is answered.",
    "uri_too_long": "414: the query string is too long.",
    "internal_error": "500: a bug; the server's log has it.",
    "index_unavailable": "503: no usable index; the server's log says why.",
    "http_error": "any other HTTP error.",
}

SCHEMAS = {
    "ErrorDetail": _obj(
        {
            "code": {
                "type": "string",
                "enum": list(ERROR_CODES),
                "description": "Stable and machine-readable: "
                + " ".join(f"`{k}` ({v})" for k, v in ERROR_CODES.items()),
            },
            "param": {
                **NULLABLE_STRING,
                "description": "The offending query parameter, if one is to blame.",
            },
            "message": {"type": "string", "description": "For people (Chinese)."},
        }
    ),
    "Error": _obj({"error": _ref("ErrorDetail")}),
    "FacetValue": _obj(
        {
            "value": {"type": "string"},
            "count": {"type": "integer", "minimum": 0},
            "selected": {"type": "boolean"},
        }
    ),
    "Hit": _obj(
        {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "title_html": {
                "type": "string",
                "description": "Escaped HTML; its only tags are <mark>.",
            },
            "snippet_html": {
                "type": "string",
                "description": "Escaped HTML; its only tags are <mark>.",
            },
            "url": {**NULLABLE_STRING, "description": "The original article."},
            "published": NULLABLE_DATE,
            "category": NULLABLE_STRING,
            "source": NULLABLE_STRING,
            "score": {"type": "number"},
            "similar": {
                "type": "integer",
                "minimum": 0,
                "description": "Near-duplicates collapsed into this hit (the other articles "
                "of its group in this result).",
            },
            "similar_ids": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Their ids, in rank order (`similar` of them).",
            },
        }
    ),
    "SearchResult": _obj(
        {
            "query": {"type": "string"},
            "total": {
                "type": "integer",
                "minimum": 0,
                "description": "Articles matching, near-duplicates included.",
            },
            "groups": {
                "type": "integer",
                "minimum": 0,
                "description": "Hits the whole result makes once near-duplicates are folded "
                "together (one per group); pages are pages of groups.",
            },
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            "took_ms": {"type": "number", "minimum": 0},
            "notice": {
                **NULLABLE_STRING,
                "description": "Set when the query was relaxed (any word), cut, searched "
                "as the Chinese words of the pinyin typed, or when synonyms of its words were "
                "searched too (同时搜索了：…).",
            },
            "did_you_mean": {
                "oneOf": [
                    {"type": "null"},
                    _obj(
                        {
                            "query": {"type": "string"},
                            "total": {"type": "integer", "minimum": 1},
                        }
                    ),
                ],
                "description": "A close variant of a query with few results that finds "
                "clearly more (a homophone typo: 光服 → 光伏; pinyin: guangfu → 光伏), with "
                "its total under the same filters; null otherwise.",
            },
            "hits": {"type": "array", "items": _ref("Hit")},
            "facets": {
                **_obj(
                    {
                        "category": {"type": "array", "items": _ref("FacetValue")},
                        "source": {"type": "array", "items": _ref("FacetValue")},
                        "published": {
                            "type": "array",
                            "items": _ref("FacetValue"),
                            "description": "Years (2024), or months (2024-03) when from and to "
                            "lie in one year.",
                        },
                        "recent": {
                            "type": "array",
                            "items": _ref("FacetValue"),
                            "description": 'Quick time ranges: all dates (value ""), then the '
                            "past day, week, month (30 days) and year (365 days), each valued by "
                            "its first day (use within=1d, 7d, 30d or 365d for a range that rolls "
                            'forward, or the value as from); last, value "undated": the articles '
                            "without a date (use undated=1).",
                        },
                    }
                ),
                "description": "The top 20 values of each facet (category and source by "
                "count); every value of category or source, with its count, is at "
                "/facets/category.json or /facets/source.json with the same parameters.",
            },
            "facet_totals": {
                "type": "object",
                "additionalProperties": {"type": "integer", "minimum": 0},
                "description": "How many values each facet has under the search (more than "
                "`facets` lists when it is cut at the top 20).",
            },
        }
    ),
    "Suggestions": _obj(
        {"query": {"type": "string"}, "suggestions": {"type": "array", "items": {"type": "string"}}}
    ),
    "Related": _obj(
        {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "published": NULLABLE_DATE,
            "category": NULLABLE_STRING,
            "source": NULLABLE_STRING,
        }
    ),
    "Article": _obj(
        {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "body": {"type": "string"},
            "url": NULLABLE_STRING,
            "published": NULLABLE_DATE,
            "category": NULLABLE_STRING,
            "source": NULLABLE_STRING,
            "title_html": {"type": "string"},
            "body_html": {
                "type": "string",
                "description": "Escaped <p> paragraphs with the query's words in <mark>.",
            },
            "related": {"type": "array", "items": _ref("Related")},
            "group": {
                "type": "array",
                "items": _ref("GroupMember"),
                "description": "The other articles of its near-duplicate group, newest first "
                "(at most 50).",
            },
            "group_size": {
                "type": "integer",
                "minimum": 1,
                "description": "Articles in its group, itself included.",
            },
        }
    ),
    "GroupMember": _obj(
        {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "published": NULLABLE_DATE,
            "source": NULLABLE_STRING,
        }
    ),
    "Health": _obj(
        {
            "ok": {"type": "boolean"},
            "documents": {"type": "integer", "minimum": 0},
            "generation": {**NULLABLE_STRING, "description": "The served index generation."},
            "schema_version": {"type": ["integer", "null"]},
            "error": {
                "oneOf": [{"type": "null"}, _ref("ErrorDetail")],
                "description": "null when ok; else code `index_unavailable`.",
            },
        }
    ),
}

BAD_REQUEST = _json(
    _ref("Error"),
    "A parameter is invalid or empty, `q` has no searchable word, or two parameters "
    f"contradict each other (`from` later than `to`; `page` × `size` beyond "
    f"{MAX_RESULT_DEPTH:,}): error.param names it.",
)
RETRY_HEADER = {
    "Retry-After": {
        "description": f"Seconds to wait before asking again ({RETRY_AFTER}).",
        "schema": {"type": "string"},
    }
}
UNAVAILABLE = {
    **_json(_ref("Error"), "No usable index (error.code `index_unavailable`)."),
    "headers": RETRY_HEADER,
}
URI_TOO_LONG = _json(_ref("Error"), "The query string is over the server's limit.")
# Every path answers GET and HEAD only: any other method (OPTIONS included: no CORS) is a 405.
# An OpenAPI document can only say so under each operation's responses.
METHOD_NOT_ALLOWED = {
    **_json(
        _ref("Error"),
        "Any method but GET or HEAD (POST, PUT, DELETE, OPTIONS, …): error.code "
        "`method_not_allowed`.",
    ),
    "headers": {
        "Allow": {
            "description": "The methods answered: GET and HEAD.",
            "schema": {"type": "string"},
        }
    },
}


def _query(name: str, schema: dict, description: str, **extra: object) -> dict:
    return {"name": name, "in": "query", "schema": schema, "description": description, **extra}


def _repeatable(name: str, description: str) -> dict:
    # Each value has something besides whitespace in it: an empty one is a 400.
    return _query(
        name,
        {"type": "array", "items": {"type": "string", "pattern": "\\S"}},
        description + " An empty value (`" + name + "=`) is a 400: leave it out instead.",
        style="form",
        explode=True,
    )


@cache
def openapi_document() -> dict:
    """The whole document (built once)."""
    search_params = [
        _query(
            "q",
            {"type": "string"},
            f'Query text (words, "phrases", -excluded or NOT excluded, a OR b; AND is the '
            f"default); cut between words at {MAX_QUERY_CHARS} characters. Empty: browse, newest "
            "first. Text with no searchable word in it (only punctuation, symbols, emoji or "
            "operators, such as `-` or `NOT`) is a 400.",
        ),
        _repeatable("category", "Keep these categories (any of them); repeat for several."),
        _repeatable("source", "Keep these sources (any of them); repeat for several."),
        _query(
            "from",
            {"type": "string", "format": "date"},
            "Published on or after (YYYY-MM-DD); not later than `to`.",
        ),
        _query("to", {"type": "string", "format": "date"}, "Published on or before (YYYY-MM-DD)."),
        _query(
            "undated",
            {"type": "string", "enum": ["1", "0", "true", "false"]},
            "1: only the articles without a date (the `recent` facet's `undated` value counts "
            "them); not with `from` or `to`.",
        ),
        _query(
            "within",
            {"type": "string", "pattern": "^[1-9][0-9]{0,4}d?$"},
            "The last N days (7d: the past week), counted from the day of each request, so a "
            f"saved link or feed rolls forward; 1 to {MAX_WITHIN_DAYS:,}; not with `from`, `to` "
            "or `undated`.",
        ),
        _query(
            "sort",
            {"type": "string", "enum": [s.value for s in SortOrder]},
            "Order: relevance, date (newest first) or oldest (oldest first); articles "
            "without a date come last in both date orders. Default relevance with a query, "
            "date without.",
        ),
        _query(
            "page",
            {"type": "integer", "minimum": 1, "maximum": MAX_RESULT_DEPTH, "default": 1},
            f"Page number; `page` × `size` at most {MAX_RESULT_DEPTH:,}.",
        ),
        _query(
            "size",
            {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_PAGE_SIZE,
                "default": DEFAULT_PAGE_SIZE,
            },
            "Hits per page.",
        ),
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "xinwen (新闻) search API",
            "version": "1",
            "description": "Full-text search over a Chinese news archive. Every error is "
            '`{"error": {"code", "param", "message"}}` with a 4xx, 500 or 503 status; `code` '
            "is stable, `message` is for people. A parameter given empty (`to=`) is refused "
            "like an invalid one; leave it out instead. Every path answers GET and HEAD only; "
            "any other method, OPTIONS included (no CORS), is a 405.",
        },
        "paths": {
            "/api/search": {
                "get": {
                    "operationId": "search",
                    "summary": "Search articles, with facet counts",
                    "parameters": search_params,
                    "responses": {
                        "200": _json(_ref("SearchResult"), "A page of results."),
                        "400": BAD_REQUEST,
                        "405": METHOD_NOT_ALLOWED,
                        "414": URI_TOO_LONG,
                        "503": UNAVAILABLE,
                    },
                }
            },
            "/api/suggest": {
                "get": {
                    "operationId": "suggest",
                    "summary": "Completions for the search box",
                    "parameters": [
                        _query("q", {"type": "string"}, "The prefix typed so far."),
                        _query(
                            "size",
                            {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": MAX_SUGGEST,
                                "default": DEFAULT_SUGGEST,
                            },
                            "How many suggestions.",
                        ),
                    ],
                    "responses": {
                        "200": _json(_ref("Suggestions"), "Words, commonest first."),
                        "400": BAD_REQUEST,
                        "405": METHOD_NOT_ALLOWED,
                        "414": URI_TOO_LONG,
                        "503": UNAVAILABLE,
                    },
                }
            },
            "/api/article/{id}": {
                "get": {
                    "operationId": "article",
                    "summary": "One whole article with related articles",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "description": (
                                "The article's id, percent-encoded; it may contain slashes and"
                                " any other character (a page's file name with a newline: %0A)."
                            ),
                        },
                        _query("q", {"type": "string"}, "Mark this query's words in body_html."),
                    ],
                    "responses": {
                        "200": _json(_ref("Article"), "The article."),
                        "404": _json(_ref("Error"), "No article with this id."),
                        "405": METHOD_NOT_ALLOWED,
                        "414": URI_TOO_LONG,
                        "503": UNAVAILABLE,
                    },
                }
            },
            **{
                f"/search.{ending}": {
                    "get": {
                        "operationId": f"export_{ending}",
                        "summary": summary,
                        "description": "The search page's parameters (page and size are "
                        "ignored). Headers: X-Total-Count (matching articles), X-Export-Rows, "
                        "X-Export-Truncated (true when cut at "
                        f"{MAX_EXPORT_ROWS:,} rows).",
                        "parameters": [
                            p for p in search_params if p["name"] not in ("page", "size")
                        ],
                        "responses": {
                            "200": {
                                "description": summary,
                                "content": {mimetype: {"schema": {"type": "string"}}},
                            },
                            "400": BAD_REQUEST,
                            "405": METHOD_NOT_ALLOWED,
                            "414": URI_TOO_LONG,
                            "503": UNAVAILABLE,
                        },
                    }
                }
                for ending, mimetype, summary in (
                    (
                        "csv",
                        "text/csv",
                        "Every matching article as CSV (UTF-8 with BOM; columns id, title, "
                        "published, category, source, url, score)",
                    ),
                    (
                        "jsonl",
                        "application/x-ndjson",
                        "Every matching article as JSON Lines (the CSV's columns as keys)",
                    ),
                    (
                        "atom",
                        "application/atom+xml",
                        f"The newest {FEED_ENTRIES} matches as an Atom 1.0 feed",
                    ),
                )
            },
            "/healthz": {
                "get": {
                    "operationId": "health",
                    "summary": "Whether an index is loaded",
                    "responses": {
                        "200": _json(_ref("Health"), "An index is loaded."),
                        "405": METHOD_NOT_ALLOWED,
                        "414": URI_TOO_LONG,
                        "503": {
                            **_json(_ref("Health"), "No usable index (the server's log says why)."),
                            "headers": RETRY_HEADER,
                        },
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document",
                    "responses": {
                        "200": {
                            "description": "OpenAPI 3.1 JSON.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        "405": METHOD_NOT_ALLOWED,
                        "414": URI_TOO_LONG,
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
