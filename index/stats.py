"""What is in an index: the core of ``xinwen stats``."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from xinwen.index.columns import column_values
from xinwen.index.records import UNCATEGORISED, UNKNOWN_SOURCE
from xinwen.index.schema import SCHEMA_VERSION, published_dates
from xinwen.index.store import IndexStore


@dataclass(frozen=True, slots=True)
class IndexStats:
    """A summary of the served index."""

    root: str
    generation: str
    documents: int
    categories: list[tuple[str, int]]
    sources: list[tuple[str, int]]
    earliest: dt.date | None
    latest: dt.date | None
    undated: int
    size_bytes: int
    schema_version: int
    built_at: str

    def to_dict(self) -> dict:
        """JSON-ready form."""
        data = asdict(self)
        data["categories"] = [{"value": v, "count": c} for v, c in self.categories]
        data["sources"] = [{"value": v, "count": c} for v, c in self.sources]
        data["earliest"] = self.earliest.isoformat() if self.earliest else None
        data["latest"] = self.latest.isoformat() if self.latest else None
        return data

    def text(self) -> str:
        """Human-readable form."""
        span = (f"{self.earliest} … {self.latest}" if self.earliest else "no dated documents") + (
            f" ({self.undated:,} undated)" if self.undated else ""
        )
        lines = [
            f"index      {self.root} ({self.generation}, built {self.built_at})",
            f"documents  {self.documents:,}",
            f"dates      {span}",
            f"size       {self.size_bytes / 1e6:,.1f} MB on disk",
            f"schema     version {self.schema_version}",
            "categories " + _join(self.categories),
            "sources    " + _join(self.sources),
        ]
        return "\n".join(lines)


def _join(pairs: list[tuple[str, int]], limit: int = 20) -> str:
    shown = ", ".join(f"{v} {c:,}" for v, c in pairs[:limit])
    more = f", … {len(pairs) - limit} more" if len(pairs) > limit else ""
    return (shown + more) or "(none)"


def index_stats(root: str | Path) -> IndexStats:
    """Count the served index's documents by category, source and date."""
    store = IndexStore(root)
    gen, ix = store.open_current()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        docnums = list(reader.all_doc_ids())
        categories: Counter[str] = Counter()
        sources: Counter[str] = Counter()
        dates = []
        cat_col = column_values(reader, "category")
        src_col = column_values(reader, "source")
        pub_col = published_dates(reader)
        for d in docnums:
            # Counted as the facets show them: 未分类 / 未知来源 when absent.
            categories[cat_col[d] or UNCATEGORISED] += 1
            sources[src_col[d] or UNKNOWN_SOURCE] += 1
            if (pub := pub_col[d]) is not None:
                dates.append(pub)
    ix.close()
    return IndexStats(
        root=str(store.root),
        generation=gen.name,
        documents=len(docnums),
        categories=categories.most_common(),
        sources=sources.most_common(),
        earliest=min(dates) if dates else None,
        latest=max(dates) if dates else None,
        undated=len(docnums) - len(dates),
        size_bytes=store.size_on_disk(),
        schema_version=gen.meta.get("schema_version", SCHEMA_VERSION),
        built_at=gen.meta.get("built_at", "?"),
    )
