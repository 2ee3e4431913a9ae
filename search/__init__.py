"""xinwen's read side: query language, ranking, facets, highlighting, typed results.

Whoosh objects never leave this package: callers pass a ``SearchRequest`` and get dataclasses.
"""

from xinwen.search.backend import IndexUnavailableError, SearchBackend, open_backend
from xinwen.search.models import (
    Article,
    ArticleRef,
    DidYouMean,
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
from xinwen.search.service import Searcher

__all__ = [
    "Article",
    "ArticleRef",
    "DidYouMean",
    "Export",
    "ExportRow",
    "Facet",
    "FacetValue",
    "Hit",
    "IndexUnavailableError",
    "QueryError",
    "SearchBackend",
    "SearchRequest",
    "SearchResult",
    "Searcher",
    "SortOrder",
    "open_backend",
]
