"""xinwen's read side: query language, ranking, facets, highlighting, typed results.

Whoosh objects never leave this package: callers pass a ``SearchRequest`` and get dataclasses.
"""

from search.models import (
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
from search.service import IndexUnavailableError, Searcher

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
    "SearchRequest",
    "SearchResult",
    "Searcher",
    "SortOrder",
]
