"""The baseline most jieba + Whoosh projects ship, to compare xinwen's relevance against.

``jieba.analyse.ChineseAnalyzer`` (jieba's search-mode tokens, lower-case, English stop words,
Porter stemming) on ``title`` and ``body``, the title stored, and a default
``MultifieldParser(["title", "body"], schema)``: every word of the query required (AND), BM25F.
No folding of traditional or full-width characters, no character fields, no phrase handling
beyond Whoosh's own syntax.

    python -m bench.baseline "特高压 输电"      # search the cached baseline index in bench/.work
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from jieba.analyse import ChineseAnalyzer
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import MultifieldParser

from bench.harness import DEFAULT_WORKDIR, arguments, cpu_count

TOP_K = 10
WRITER_LIMIT_MB = 256


def baseline_schema() -> Schema:
    """The usual schema: id, title (stored) and body, both with jieba's ChineseAnalyzer."""
    analyzer = ChineseAnalyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(stored=True, analyzer=analyzer),
        body=TEXT(analyzer=analyzer),
    )


def build_baseline(records: Iterable[dict], dir: Path, procs: int | None = None) -> int:
    """Index ``records`` (dicts with id, title, body) into a new Whoosh index in ``dir``.

    Uses one writer process per CPU by default (the index is merged into one segment, so the
    result is the same as with a single writer, only sooner). Returns the document count.
    """
    dir.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(dir), baseline_schema())
    procs = cpu_count() if procs is None else procs
    if procs > 1:
        writer = ix.writer(procs=procs, limitmb=WRITER_LIMIT_MB)
    else:
        writer = ix.writer(limitmb=WRITER_LIMIT_MB)
    try:
        for record in records:
            writer.add_document(
                id=str(record["id"]),
                title=record.get("title") or "",
                body=record.get("body") or "",
            )
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    count = ix.doc_count()
    ix.close()
    return count


def baseline_search(dir: Path) -> Callable[[str], list[str]]:
    """A function that runs one query over the baseline index in ``dir``: the top 10 ids.

    The searcher stays open for the life of the returned function. A query the parser cannot
    make sense of returns no ids.
    """
    ix = whoosh_index.open_dir(str(dir))
    searcher = ix.searcher()
    parser = MultifieldParser(["title", "body"], ix.schema)

    def search(query: str) -> list[str]:
        try:
            parsed = parser.parse(query)
        except Exception:  # the baseline's users get an error page; we count a miss
            return []
        return [hit["id"] for hit in searcher.search(parsed, limit=TOP_K)]

    return search


def main(argv: list[str] | None = None) -> int:
    """Search an existing baseline index from the command line."""
    parser = arguments("search the baseline index")
    parser.add_argument("query")
    parser.add_argument(
        "--index",
        type=Path,
        default=DEFAULT_WORKDIR / "baseline-full",
        help="baseline index folder (default: %(default)s, built by bench.compare)",
    )
    args = parser.parse_args(argv)
    if not whoosh_index.exists_in(str(args.index)):
        sys.exit(f"no baseline index in {args.index}: run python -m bench.compare first")
    for rank, id_ in enumerate(baseline_search(args.index)(args.query), 1):
        print(rank, id_)
    return 0


if __name__ == "__main__":
    sys.exit(main())
