"""``xinwen reindex | search | serve | stats | words``: each subcommand wraps one core function."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import html
import ipaddress
import json
import logging
import os
import re
import socket
import sys
import textwrap
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from xinwen.index import settings
from xinwen.index.builder import ReindexError, ReindexInterrupted, ReindexOptions, reindex
from xinwen.index.inspect import inspect_paths
from xinwen.index.newwords import (
    DEFAULT_MAX_CHARS,
    DEFAULT_MIN_COUNT,
    DEFAULT_TOP,
    dictionary_lines,
    propose_words,
)
from xinwen.index.priority import lower_priority
from xinwen.index.sources import FieldMap
from xinwen.index.sources.categories import CATEGORY_FROM
from xinwen.index.stats import index_stats
from xinwen.index.store import Generation, IndexStore, StoreError
from xinwen.search import (
    IndexUnavailableError,
    QueryError,
    SearchRequest,
    SortOrder,
    open_backend,
    readcache,
)
from xinwen.search.synonyms import load_synonyms

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command line that cannot mean what it says: one ``xinwen: error:`` line, exit 2."""


def _package_version() -> str:
    try:
        return version("xinwen")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def _workers(given: str | None, setting: settings.Setting, auto: bool) -> str:
    """``--workers`` (else the setting's variable): a whole number ≥ 1 (or ``auto`` where
    ``auto``); the settings would take 0 or -3 as 1 without a word."""
    raw = setting.value(given) if given is None else given
    text = raw.strip()
    if (auto and text.lower() == "auto") or (text.isdigit() and int(text) >= 1):
        return text.lower()
    named = "--workers" if given is not None else f"${setting.env}"
    expected = "a whole number ≥ 1" + (" or 'auto'" if auto else "")
    raise UsageError(f"{named} must be {expected}, not {raw!r}")


def _listen_host(host: str, named: str = "--host") -> str:
    """``host`` if it is an IP address or a name that resolves to an address of this machine
    (gunicorn would print its own lines for 5 s, then exit 1)."""
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        ip = ipaddress.ip_address(bare)
    except ValueError:
        ip = None
        # 999.1.1.1 is no address, and no name either: not worth a DNS lookup.
        if not bare or re.fullmatch(r"[0-9.]+", bare):
            raise UsageError(f"{named} {host!r} is not an IP address or a host name") from None
    try:
        infos = socket.getaddrinfo(bare, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise UsageError(f"{named} {host!r} is not an IP address or a name that resolves") from None
    family, kind, proto, _, address = infos[0]
    try:
        with socket.socket(family, kind, proto) as probe:
            probe.bind((address[0], 0, *address[2:]))
    except OSError as exc:
        if exc.errno == errno.EADDRNOTAVAIL:
            what = "address" if ip is not None else f"name's address ({address[0]})"
            mine = "is not one of this machine's"
            raise UsageError(f"{named} {host!r}: this {what} {mine}") from None
    return host


def _add_setting_option(
    parser: argparse.ArgumentParser, setting: settings.Setting, metavar: str, suffix: str = ""
) -> None:
    """``--NAME`` for a declared setting: its help and default said once, in index/settings."""
    parser.add_argument(
        f"--{setting.name}",
        metavar=metavar,
        default=None,
        help=f"{setting.help} Default: ${setting.env}, else {setting.default}{suffix}.",
    )


def _add_index_option(parser: argparse.ArgumentParser) -> None:
    _add_setting_option(parser, settings.INDEX, "DIR", "/")


def _add_backend_options(parser: argparse.ArgumentParser) -> None:
    """``--backend``, ``--nodes`` and ``--collection`` (the API key comes from the environment
    only, never the command line)."""
    _add_setting_option(parser, settings.BACKEND, "NAME")
    _add_setting_option(parser, settings.NODES, "URLS")
    _add_setting_option(parser, settings.COLLECTION, "NAME")


def _add_synonyms_option(parser: argparse.ArgumentParser) -> None:
    _add_setting_option(parser, settings.SYNONYMS, "none|built-in|FILE")


def _backend(args: argparse.Namespace):
    """The searcher ``--backend`` (or ``$XINWEN_BACKEND``) names, over ``--index`` (or
    ``$XINWEN_INDEX``, else the default root)."""
    synonyms = load_synonyms(settings.synonyms(getattr(args, "synonyms", None)))
    return open_backend(
        settings.index_root(args.index), args.backend, args.nodes, args.collection, synonyms
    )


def _field_pair(text: str) -> tuple[str, str]:
    ours, _, theirs = text.partition("=")
    if not ours or not theirs:
        raise argparse.ArgumentTypeError(f"expected FIELD=NAME (e.g. body=content), not {text!r}")
    return ours.strip(), theirs.strip()


def cmd_reindex(args: argparse.Namespace) -> int:
    """Build or update the index from SOURCE files and folders."""
    if args.prune and not args.incremental:
        raise UsageError(
            "--prune only works with --incremental (a full reindex drops what is not in SOURCE)"
        )
    workers = settings.workers(_workers(args.workers, settings.WORKERS, auto=True))
    nice = settings.nice(args.nice)
    options = ReindexOptions(
        sources=[Path(p) for p in args.sources],
        root=settings.index_root(args.index),
        incremental=args.incremental,
        prune=args.prune,
        workers=workers,
        # The whole reindex runs at the lower priority, this reading process too (its start,
        # loading jieba, competed with a server's queries); the workers inherit it.
        nice=0,
        strict=args.strict,
        field_map=dict(args.field or []),
        userdict=Path(args.userdict) if args.userdict else None,
        boilerplate=Path(args.boilerplate) if args.boilerplate else None,
        category_from=args.category_from,
        progress=not args.quiet,
        prepare=readcache.prepare,
    )
    missing = [str(p) for p in options.sources if not p.exists()]
    if missing:
        print(f"xinwen: error: no such source: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    _check_boilerplate(args.boilerplate)
    lower_priority(nice)
    if settings.backend(args.backend) == "typesense":
        from xinwen.search.typesense.indexer import ClusterTarget, reindex_typesense

        target = ClusterTarget(
            settings.typesense_nodes(args.nodes),
            settings.typesense_key(),
            settings.collection(args.collection),
        )
        report = reindex_typesense(options, target)
    else:
        report = reindex(options)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.summary())
    return EXIT_OK


def _check_boilerplate(path: str | None) -> None:
    """A mistyped ``--boilerplate FILE`` is a usage error, as a missing source is, said the same
    way by ``reindex`` and ``inspect`` before either reads a page (inspect printed a traceback).
    A file that is there but cannot be read or parsed is `load_boilerplate`'s one-line error."""
    if path is not None and not Path(path).exists():
        raise UsageError(f"no such patterns file (--boilerplate): {path}")


def cmd_inspect(args: argparse.Namespace) -> int:
    """Show what each file would become, without indexing: title, date, category, source, body,
    and the lines dropped as site chrome, each with where it came from."""
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"xinwen: error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    _check_boilerplate(args.boilerplate)
    fields = FieldMap(dict(args.field or []) or None)
    items = inspect_paths(
        args.paths,
        field_map=fields,
        boilerplate=args.boilerplate,
        category_from=args.category_from,
    )
    shown = 0
    for item in items:
        if args.json:
            print(json.dumps(item.to_dict(), ensure_ascii=False))
        else:
            print(("\n" if shown else "") + item.text())
        shown += 1
    if not shown:  # as `reindex` of the same paths says, not an empty output and exit 0
        named = ", ".join(args.paths)
        print(
            f"xinwen: error: found no files to read in {named}"
            " (nothing xinwen reads, or only empty files)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if problem := fields.unmatched_problem():
        print(f"xinwen: warning: {problem}", file=sys.stderr)
    return EXIT_OK


def cmd_rollback(args: argparse.Namespace) -> int:
    """Serve the generation the last reindex replaced again (run it twice to return)."""
    store = IndexStore(settings.index_root(args.index))
    left, back = store.roll_back()

    def built(gen: Generation) -> str:
        return f"built {gen.meta['built_at']}" if gen.meta.get("built_at") else "unreadable"

    print(f"now serving {back.name} ({built(back)})")
    print(f"kept {left.name} ({built(left)}): `xinwen rollback` again serves it again")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    """Show what the served index holds."""
    if settings.backend(args.backend) == "typesense":
        health = _backend(args).health()
        if args.json:
            print(json.dumps(health, ensure_ascii=False, indent=2))
        elif health["ok"]:
            print(f"collection {health['generation']}: {health['documents']:,} documents")
        else:
            print(f"xinwen: error: {health['error']}", file=sys.stderr)
        return EXIT_OK if health["ok"] else EXIT_FAILED
    stats = index_stats(settings.index_root(args.index))
    if args.json:
        print(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(stats.text())
    return EXIT_OK


def _date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {text!r}") from None


_BOLD = re.compile(r"<mark>(.*?)</mark>")


def _terminal(html_text: str, tty: bool) -> str:
    """Snippet HTML for a terminal: marks in bold (or [brackets] when not a terminal)."""
    marked = _BOLD.sub(r"\033[1;31m\1\033[0m" if tty else r"[\1]", html_text)
    return html.unescape(marked)


# The API's parameter names, as ``xinwen search`` spells them: its errors name the options.
SEARCH_FLAGS = {
    "page": "--page",
    "size": "--size",
    "recency": "--recent",
    "from": "--from",
    "to": "--to",
    "undated": "--undated",
}


def _query_error(exc: QueryError) -> str:
    """A search request's error in the command's words: "--recent must be between 0 and 10",
    where the API says "recency"."""
    flag = SEARCH_FLAGS.get(exc.param)
    if flag is None:
        return f"{exc.param}: {exc.english}"
    words = [SEARCH_FLAGS.get(w, w) for w in exc.english.split(" ")]
    message = " ".join(words)
    return message if flag in words else f"{flag}: {message}"


def cmd_search(args: argparse.Namespace) -> int:
    """Search the index and print a page of results."""
    for flag, values in (("--category", args.category), ("--source", args.source)):
        # An empty one would match nothing, without a word (the API answers it 400).
        if any(not value.strip() for value in values or ()):
            what = flag.removeprefix("--")
            raise UsageError(f"{flag} must not be empty: give a {what}, or leave {flag} out")
    request = SearchRequest(
        q=args.query,
        categories=tuple(args.category or ()),
        sources=tuple(args.source or ()),
        date_from=args.date_from,
        date_to=args.date_to,
        undated=args.undated,
        sort=SortOrder(args.sort),
        page=args.page,
        page_size=args.size,
        recency=args.recent,
    )
    result = _backend(args).search(request)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    tty = sys.stdout.isatty()
    # Articles, and the groups they make once near-duplicates are folded (pages are of groups).
    print(f"{result.total:,} 篇，{result.groups:,} 组（{result.took_ms:.0f} 毫秒）", end="  ")
    print(f"第 {request.page}/{result.pages} 页")
    if result.notice:
        print(result.notice)
    if result.total and not result.hits and request.page > result.pages:  # as the web page says
        print(f"第 {request.page} 页没有结果：结果只有 {result.pages} 页。")
    if result.did_you_mean:
        dym = result.did_you_mean
        print(f"您是不是要找：{dym.query}（{dym.total:,} 条）")
    for n, hit in enumerate(result.hits, (request.page - 1) * request.page_size + 1):
        meta = " · ".join(
            x for x in (str(hit.published or ""), hit.category or "", hit.source or "") if x
        )
        similar = f"  (+{hit.similar} 篇相似)" if hit.similar else ""
        print(f"\n{n}. {_terminal(hit.title_html, tty)}{similar}\n   {meta}  [{hit.id}]")
        # A snippet of several paragraphs keeps the hit's indentation on every line.
        print(textwrap.indent(_terminal(hit.snippet_html, tty), "   "))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the web UI and JSON API."""
    from xinwen.webui import settings as web  # the web layer loads only for this command
    from xinwen.webui.server import PortInUseError, serve

    workers = web.web_workers(_workers(args.workers, web.WEB_WORKERS, auto=False))
    host = _listen_host(web.host(args.host), "--host" if args.host else f"${web.HOST.env}")
    if settings.backend(args.backend) == "typesense":  # wrong settings: an error now
        settings.typesense_nodes(args.nodes)
        settings.typesense_key()
        settings.collection(args.collection)
    # The web app reads the backend settings where it is built (in gunicorn's master).
    for setting, value in (
        (settings.BACKEND, args.backend),
        (settings.NODES, args.nodes),
        (settings.COLLECTION, args.collection),
    ):
        if value:
            os.environ[setting.env] = value
    synonyms = settings.synonyms(args.synonyms)
    load_synonyms(synonyms)  # a file that cannot be read stops here, with one line
    try:
        serve(
            settings.index_root(args.index),
            host=host,
            port=web.port(args.port),
            workers=workers,
            dev=args.dev,
            synonyms=synonyms,
        )
    except PortInUseError as exc:
        print(f"xinwen: error: {exc.strerror}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_words(args: argparse.Namespace) -> int:
    """Propose new words for jieba from the index's own text (a --userdict file)."""
    report = propose_words(
        settings.index_root(args.index),
        min_count=args.min_count,
        top=args.top,
        max_chars=args.max_chars,
    )
    sys.stdout.write(dictionary_lines(report.words))
    sample = (
        f"an even sample of {report.documents_read:,} of {report.documents:,} documents"
        if report.sampled
        else f"all {report.documents:,} documents"
    )
    print(
        f"xinwen: {len(report.words)} words from {sample} "
        f"({report.characters:,} Chinese characters)",
        file=sys.stderr,
    )
    return EXIT_OK


def _add_page_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--boilerplate", metavar="FILE", help="extra regexes of a site's page chrome"
    )
    parser.add_argument(
        "--category-from",
        choices=CATEGORY_FROM,
        default="auto",
        help="where records without a category field take one: auto (the nearest category "
        "folder below the source, else the page's breadcrumb), folder, page, or none",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``xinwen`` command."""
    parser = argparse.ArgumentParser(
        prog="xinwen", description="Full-text search for Chinese news archives."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_package_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("reindex", help=cmd_reindex.__doc__, description=cmd_reindex.__doc__)
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="files and folders to index")
    _add_index_option(p)
    _add_backend_options(p)
    p.add_argument(
        "--incremental",
        action="store_true",
        help="add new and rewrite changed records (by content hash); leave the rest",
    )
    p.add_argument(
        "--prune", action="store_true", help="with --incremental: delete records not in SOURCE"
    )
    p.add_argument("--workers", metavar="N", default=None, help=settings.WORKERS.help)
    p.add_argument("--nice", metavar="N", default=None, help=settings.NICE.help)
    p.add_argument("--strict", action="store_true", help="stop at the first malformed record")
    p.add_argument(
        "--field",
        action="append",
        type=_field_pair,
        metavar="FIELD=NAME",
        help="read our FIELD (id, title, body, category, source, published, url) from NAME"
        " (a.b: b inside the object a)",
    )
    p.add_argument("--userdict", metavar="FILE", help="extra jieba dictionary (word [freq] [tag])")
    _add_page_options(p)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.set_defaults(func=cmd_reindex)

    p = sub.add_parser("inspect", help=cmd_inspect.__doc__, description=cmd_inspect.__doc__)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files and folders to look at")
    p.add_argument(
        "--field",
        action="append",
        type=_field_pair,
        metavar="FIELD=NAME",
        help="read our FIELD (id, title, body, category, source, published, url) from NAME"
        " (a.b: b inside the object a)",
    )
    _add_page_options(p)
    p.add_argument("--json", action="store_true", help="one JSON object per record")
    p.set_defaults(func=cmd_inspect)

    p = sub.add_parser("search", help=cmd_search.__doc__, description=cmd_search.__doc__)
    p.add_argument(
        "query",
        nargs="?",
        default="",
        help='words, "phrases", -exclusions (or NOT), OR; one that starts with - is the query'
        " too (-新冠), or put it after --",
    )
    _add_index_option(p)
    _add_backend_options(p)
    p.add_argument("--category", action="append", metavar="C", help="only this category")
    p.add_argument("--source", action="append", metavar="S", help="only this source")
    p.add_argument("--from", dest="date_from", type=_date_arg, metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date_arg, metavar="DATE", help="YYYY-MM-DD")
    p.add_argument(
        "--undated", action="store_true", help="only articles without a date (not with --from/--to)"
    )
    p.add_argument(
        "--sort",
        choices=[s.value for s in SortOrder],
        default="relevance",
        help="relevance, date (newest first) or oldest; undated articles last in both date orders",
    )
    p.add_argument("--page", type=int, default=1, metavar="N")
    p.add_argument("--size", type=int, default=10, metavar="N", help="results per page (≤ 100)")
    p.add_argument(
        "--recent",
        type=float,
        default=0.0,
        metavar="W",
        help="prefer newer articles, from 0 to 10 (0 = off; 1 doubles a brand-new article's score)",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print the API's JSON document (an error is still one plain line on stderr, with"
        " nothing on stdout)",
    )
    _add_synonyms_option(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("serve", help=cmd_serve.__doc__, description=cmd_serve.__doc__)
    _add_index_option(p)
    _add_backend_options(p)
    # Help texts and defaults come from webui.settings (declared once), without importing
    # Flask for every other subcommand.
    p.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", default=None, metavar="N", help="TCP port (default 8000)")
    p.add_argument("--workers", default=None, metavar="N", help="gunicorn workers (default 2)")
    p.add_argument("--dev", action="store_true", help="Flask's development server with reloader")
    _add_synonyms_option(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("rollback", help=cmd_rollback.__doc__, description=cmd_rollback.__doc__)
    _add_index_option(p)
    p.set_defaults(func=cmd_rollback)

    p = sub.add_parser("stats", help=cmd_stats.__doc__, description=cmd_stats.__doc__)
    _add_index_option(p)
    _add_backend_options(p)
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("words", help=cmd_words.__doc__, description=cmd_words.__doc__)
    _add_index_option(p)
    p.add_argument(
        "--min-count",
        type=int,
        default=DEFAULT_MIN_COUNT,
        metavar="N",
        help=f"propose only strings used at least N times (default {DEFAULT_MIN_COUNT})",
    )
    p.add_argument(
        "--top",
        type=int,
        default=DEFAULT_TOP,
        metavar="K",
        help=f"how many words to propose, best first (default {DEFAULT_TOP})",
    )
    p.add_argument(
        "--max-chars",
        type=int,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help="read an even sample of documents when their text is longer than N characters"
        f" (default {DEFAULT_MAX_CHARS:,})",
    )
    p.set_defaults(func=cmd_words)
    return parser


def _subcommand(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._actions:  # argparse keeps subparsers only as an action
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[name]
    raise KeyError(name)


def _dash_query_last(argv: list[str], search: argparse.ArgumentParser) -> list[str]:
    """``search``'s arguments with a query that starts with ``-`` (``-新冠``, an exclusion)
    moved after ``--``, where argparse reads it as the query, not as an unknown option: a
    token that starts with ``-`` and is none of the command's options (nor an abbreviation of
    one, nor the value of the option before it) is the query."""
    at = next((n for n, token in enumerate(argv) if not token.startswith("-")), None)
    if at is None or argv[at] != "search":
        return argv
    options = search._option_string_actions
    rest, kept, queries = argv[at + 1 :], [], []
    wants_value = False
    for n, token in enumerate(rest):
        if token == "--":
            return [*argv[: at + 1], *kept, "--", *queries, *rest[n + 1 :]]
        if wants_value or not token.startswith("-") or token == "-":
            kept.append(token)
            wants_value = False
            continue
        name, eq, _ = token.partition("=")
        matches = [
            o for o in options if o == name or (name.startswith("--") and o.startswith(name))
        ]
        if not matches:
            queries.append(token)
            continue
        kept.append(token)
        # The value that follows an option may itself start with "-" (--recent -1).
        wants_value = not eq and len(matches) == 1 and options[matches[0]].nargs != 0
    return [*argv[: at + 1], *kept, *(["--", *queries] if queries else [])]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    given = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(_dash_query_last(given, _subcommand(parser, "search")))
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="xinwen: %(levelname)s: %(message)s",
    )
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except UsageError as exc:
        print(f"xinwen: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except QueryError as exc:
        print(f"xinwen: error: {_query_error(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except IndexUnavailableError as exc:
        print(f"xinwen: error: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    except (ReindexError, StoreError, ValueError) as exc:
        print(f"xinwen: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except ReindexInterrupted as exc:
        print(f"xinwen: interrupted; {exc}", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("xinwen: interrupted; the served index is unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`xinwen stats | head`): stop quietly, like other Unix tools.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
