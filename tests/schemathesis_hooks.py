"""Schemathesis hooks for tests/test_api_schemathesis.py (loaded through SCHEMATHESIS_HOOKS).

Three rules tie search parameters together, which an OpenAPI document can only say in words
(its 400 responses and the parameters' descriptions do): ``from`` not later than ``to``,
``undated`` not with either and ``within`` not with any of them (the API and the exports),
and ``page`` × ``size`` at most MAX_RESULT_DEPTH (the API; the exports ignore it). A request
that breaks one is valid for each parameter alone, so schemathesis would send it as a valid
one and expect a 2xx. Those are left out of the positive cases here;
tests/test_api_search.py checks their 400s. So is a ``q`` with no searchable word in it (only
punctuation or operators, such as ``-``): a string as far as the document's schema can say, a
400 as its description says.
"""

from __future__ import annotations

import datetime as dt

import schemathesis
from schemathesis import GenerationMode

from xinwen.search.models import MAX_RESULT_DEPTH
from xinwen.search.querylang import parse
from xinwen.webui.params import DEFAULT_PAGE_SIZE, clean_text


def refused_by_a_described_rule(path: str, query: dict) -> bool:
    """Whether ``query`` to ``path`` has a q without a searchable word, from > to, undated
    with a date, within with a date or undated, or page × size over the depth served."""
    q = clean_text(str(query.get("q", "")))
    if q and parse(q).empty:
        return True
    dated = query.get("from") or query.get("to")
    undated = str(query.get("undated", "")).strip().lower() in {"1", "true"}
    if (dated and undated) or (query.get("within") and (dated or undated)):
        return True
    try:
        start, end = query.get("from"), query.get("to")
        if start and end and dt.date.fromisoformat(str(start)) > dt.date.fromisoformat(str(end)):
            return True
        if path != "/api/search":
            return False
        page, size = int(query.get("page", 1)), int(query.get("size", DEFAULT_PAGE_SIZE))
    except (TypeError, ValueError):
        return False  # a value invalid on its own: not a joint rule's business
    return page * size > MAX_RESULT_DEPTH


@schemathesis.hook
def filter_case(context: schemathesis.HookContext, case: schemathesis.Case) -> bool:
    meta = case.meta
    positive = meta is None or meta.generation.mode == GenerationMode.POSITIVE
    search = case.operation.path.startswith(("/api/search", "/search."))
    return not (
        positive and search and refused_by_a_described_rule(case.operation.path, case.query or {})
    )
