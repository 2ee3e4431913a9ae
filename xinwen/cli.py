"""``xinwen reindex | search | serve | stats``: each subcommand wraps one core function."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from index import settings
from index.builder import ReindexError, ReindexOptions, reindex
from index.stats import index_stats
from index.store import StoreError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _add_index_option(parser: argparse.ArgumentParser) -> None:
    s = settings.INDEX
    parser.add_argument(
        f"--{s.name}",
        metavar="DIR",
        default=None,
        help=f"{s.help} Default: ${s.env}, else {s.default}/.",
    )


def _field_pair(text: str) -> tuple[str, str]:
    ours, _, theirs = text.partition("=")
    if not ours or not theirs:
        raise argparse.ArgumentTypeError(f"expected FIELD=NAME (e.g. body=content), not {text!r}")
    return ours.strip(), theirs.strip()


def cmd_reindex(args: argparse.Namespace) -> int:
    """Build or update the index from SOURCE files and folders."""
    options = ReindexOptions(
        sources=[Path(p) for p in args.sources],
        root=settings.index_root(args.index),
        incremental=args.incremental,
        prune=args.prune,
        workers=settings.workers(args.workers),
        strict=args.strict,
        field_map=dict(args.field or []),
        userdict=Path(args.userdict) if args.userdict else None,
        boilerplate=Path(args.boilerplate) if args.boilerplate else None,
        progress=not args.quiet,
    )
    missing = [str(p) for p in options.sources if not p.exists()]
    if missing:
        print(f"xinwen: error: no such source: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    report = reindex(options)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.summary())
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    """Show what the served index holds."""
    stats = index_stats(settings.index_root(args.index))
    if args.json:
        print(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(stats.text())
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``xinwen`` command."""
    parser = argparse.ArgumentParser(
        prog="xinwen", description="Full-text search for Chinese news archives."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("reindex", help=cmd_reindex.__doc__, description=cmd_reindex.__doc__)
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="files and folders to index")
    _add_index_option(p)
    p.add_argument(
        "--incremental",
        action="store_true",
        help="add new and rewrite changed records (by content hash); leave the rest",
    )
    p.add_argument(
        "--prune", action="store_true", help="with --incremental: delete records not in SOURCE"
    )
    p.add_argument("--workers", metavar="N", default=None, help=settings.WORKERS.help)
    p.add_argument("--strict", action="store_true", help="stop at the first malformed record")
    p.add_argument(
        "--field",
        action="append",
        type=_field_pair,
        metavar="FIELD=NAME",
        help="read our FIELD (id, title, body, category, source, published, url) from NAME",
    )
    p.add_argument("--userdict", metavar="FILE", help="extra jieba dictionary (word [freq] [tag])")
    p.add_argument("--boilerplate", metavar="FILE", help="regexes of scraped-page boilerplate")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.set_defaults(func=cmd_reindex)

    p = sub.add_parser("stats", help=cmd_stats.__doc__, description=cmd_stats.__doc__)
    _add_index_option(p)
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=cmd_stats)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="xinwen: %(levelname)s: %(message)s",
    )
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except (ReindexError, StoreError, ValueError) as exc:
        print(f"xinwen: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("xinwen: interrupted; the served index is unchanged", file=sys.stderr)
        return 130
