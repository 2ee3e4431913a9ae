"""The search contract the web layer and the CLI use, whichever engine answers it.

Two implementations: ``search.service.Searcher`` (embedded Whoosh, the default) and
``search.typesense.searcher.TypesenseSearcher`` (a Typesense cluster). Both take a
``SearchRequest`` and return the typed records of ``search.models``; neither lets its engine's
objects out. ``open_backend`` picks one from the settings (``--backend``, ``XINWEN_BACKEND``).
"""

from __future__ import annotations

import os
from typing import Protocol, runtime_checkable

from xinwen.search.models import MAX_EXPORT_ROWS, Article, Export, Hit, SearchRequest, SearchResult
from xinwen.search.synonyms import Synonyms


class IndexUnavailableError(Exception):
    """No usable index: missing, empty, from another schema version, damaged, or unreachable."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@runtime_checkable
class SearchBackend(Protocol):
    """What every backend answers (thread-safe; errors as ``QueryError`` or
    ``IndexUnavailableError``)."""

    def search(self, request: SearchRequest) -> SearchResult:
        """One page of hits with the exact total and multi-select facet counts."""
        ...

    def export(
        self, request: SearchRequest, limit: int = MAX_EXPORT_ROWS, snippets: bool = False
    ) -> Export:
        """Every article the request matches (nothing collapsed), in its order, up to
        ``limit``: with every word, never the search's any-word fallback (an export or a
        feed is read away from the notice that says so)."""
        ...

    def article(self, id: str, q: str = "") -> Article | None:
        """A whole article with ``q``'s words marked and related articles; None if unknown."""
        ...

    def related(self, id: str, k: int = 5) -> list[Hit]:
        """More articles like this one."""
        ...

    def suggest(self, prefix: str, k: int = 8) -> list[str]:
        """Completions for a search box."""
        ...

    def warm(self) -> None:
        """Load now, in this process, what a first query would otherwise wait for."""
        ...

    def health(self) -> dict:
        """``ok``, ``documents``, ``generation``, ``schema_version`` and ``error``."""
        ...

    def generation(self) -> str:
        """The name of the index generation answering now, cheaply (no search, no count): it
        changes whenever a reindex switches, so answers can be validated by it (HTTP
        ``ETag``). ``IndexUnavailableError`` when there is none."""
        ...

    def close(self) -> None:
        """Release what the backend holds open."""
        ...


def open_backend(
    root: str | os.PathLike[str],
    backend: str | None = None,
    nodes: str | None = None,
    collection: str | None = None,
    synonyms: Synonyms | None = None,
) -> SearchBackend:
    """The searcher the settings ask for: Whoosh over ``root`` (with ``synonyms``, when
    given), or the Typesense cluster (which does not expand synonyms yet)."""
    from xinwen.index import settings
    from xinwen.index.store import IndexStore

    name = settings.backend(backend)
    if name == "typesense":
        from xinwen.search.typesense.searcher import TypesenseSearcher

        return TypesenseSearcher(
            settings.typesense_nodes(nodes),
            settings.typesense_key(),
            settings.collection(collection),
            jieba_dir=IndexStore(root).jieba_dir,
        )
    from xinwen.search.service import Searcher

    return Searcher(root, synonyms)
