"""The README's generated tables: the settings (from their declarations) and the commands (from
the ``xinwen`` parsers), each between a pair of markers.

``python -m xinwen.docs`` rewrites them in README.md; ``python -m xinwen.docs --check`` exits 1
when they differ from what it would write (``tests/test_docs.py`` runs the same check). This
module lives in the ``xinwen`` package because it reads all three layers' declarations.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from xinwen.cli import build_parser
from xinwen.index import settings as index_settings
from xinwen.index.settings import Setting
from xinwen.webui import settings as web_settings

README = Path(__file__).resolve().parent.parent / "README.md"
COMMAND = "python -m xinwen.docs"


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a `|` would end the cell."""
    return text.replace("|", "\\|")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The ``xinwen`` subcommands' parsers, by name, in the order they were added."""
    for action in parser._actions:  # argparse keeps subparsers only as an action
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {s for a in parser._actions for s in a.option_strings}


def _commands_for(
    setting: Setting, commands: dict[str, argparse.ArgumentParser], web: bool
) -> list[str]:
    """The commands that take ``--NAME``: a web setting's is ``serve``'s; an index setting's
    every other command's, and ``serve``'s too when no web setting has the name."""
    flag = f"--{setting.name}"
    web_names = {s.name for s in web_settings.SETTINGS}
    found = []
    for name, parser in commands.items():
        if flag not in _options(parser):
            continue
        if web == (name == "serve") or (name == "serve" and setting.name not in web_names):
            found.append(name)
    return found


def settings_table() -> str:
    """Every declared setting: its option, environment variable, default, commands, meaning."""
    commands = _subcommands(build_parser())
    rows = [
        "| setting | environment | default | commands | meaning |",
        "| --- | --- | --- | --- | --- |",
    ]
    declared = [(s, False) for s in index_settings.SETTINGS]
    declared += [(s, True) for s in web_settings.SETTINGS]
    for setting, web in declared:
        used = _commands_for(setting, commands, web)
        if not used:
            raise ValueError(f"no xinwen command takes --{setting.name}")
        rows.append(
            f"| `--{setting.name}` | `{setting.env}` | `{_cell(setting.default)}` "
            f"| {', '.join(used)} | {_cell(setting.help)} |"
        )
    # The API key has no option: it is read wherever the backend is chosen.
    key, used = index_settings.TYPESENSE_KEY, _commands_for(index_settings.BACKEND, commands, False)
    rows.append(f"| — | `{key.env}` | — | {', '.join(used)} | {_cell(key.help)} |")
    return "\n".join(rows)


def _synopsis(name: str, parser: argparse.ArgumentParser) -> str:
    """``xinwen NAME`` and its arguments as its usage line would give them, flags in brackets."""
    parts = [f"xinwen {name}"]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if not action.option_strings:
            metavar = action.metavar or action.dest.upper()
            if action.nargs == "+":
                parts.append(f"{metavar}...")
            elif action.nargs == "?":
                parts.append(f"[{metavar}]")
            else:
                parts.append(metavar)
            continue
        flag = max(action.option_strings, key=len)
        if action.nargs == 0:
            parts.append(f"[{flag}]")
            continue
        if action.choices:
            value = "|".join(str(c) for c in action.choices)
        else:
            value = str(action.metavar or action.dest.upper())
        repeat = "..." if isinstance(action, argparse._AppendAction) else ""
        parts.append(f"[{flag} {value}]{repeat}")
    return " ".join(parts)


def commands_table() -> str:
    """Every ``xinwen`` command with its arguments and what it does."""
    rows = ["| command | what it does |", "| --- | --- |"]
    for name, parser in _subcommands(build_parser()).items():
        what = " ".join((parser.description or "").split())
        rows.append(f"| `{_cell(_synopsis(name, parser))}` | {_cell(what)} |")
    return "\n".join(rows)


def tables() -> dict[str, str]:
    """The generated blocks of the README, by marker name."""
    return {"commands": commands_table(), "settings": settings_table()}


def _marked(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- {name}:start -->\n)(.*?)(<!-- {name}:end -->)", re.DOTALL | re.MULTILINE
    )


def rewrite(text: str, blocks: dict[str, str]) -> str:
    """``text`` with each marked block replaced; a ValueError naming a missing marker pair."""
    for name, body in blocks.items():
        pattern = _marked(name)
        if not pattern.search(text):
            raise ValueError(f"no <!-- {name}:start --> … <!-- {name}:end --> pair")
        text = pattern.sub(lambda m, b=body: m.group(1) + b + "\n" + m.group(3), text, count=1)
    return text


def differing(text: str, blocks: dict[str, str]) -> Iterable[str]:
    """The names of the blocks that ``text`` does not hold as generated."""
    return [name for name in blocks if rewrite(text, {name: blocks[name]}) != text]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=COMMAND, description="Rewrite the README's generated tables."
    )
    parser.add_argument("readme", nargs="?", type=Path, default=README, help="default: README.md")
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a table is out of date"
    )
    args = parser.parse_args(argv)
    text = args.readme.read_text("utf-8")
    blocks = tables()
    try:
        stale = differing(text, blocks)
    except ValueError as exc:
        print(f"{COMMAND}: {args.readme}: {exc}", file=sys.stderr)
        return 1
    if args.check:
        for name in stale:
            print(f"{args.readme}: the {name} table is out of date: run {COMMAND}", file=sys.stderr)
        return 1 if stale else 0
    if stale:
        args.readme.write_text(rewrite(text, blocks), "utf-8")
        print(f"{args.readme}: rewrote {', '.join(stale)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
