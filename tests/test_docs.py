"""The documents stay true: the README's generated tables match the declarations and parsers,
the README stays a short user's guide, and every relative link in it, in docs/ and in
bench/README.md resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import ROOT
from xinwen import docs

README = ROOT / "README.md"
DOCUMENTS = [README, ROOT / "bench" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
MAX_README_LINES = 250

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.DOTALL | re.MULTILINE)
_CODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|\bsrc=\"([^\"]+)\"")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$", re.MULTILINE)


def _prose(text: str) -> str:
    """The text without code blocks and code spans, whose brackets are not links."""
    return _CODE.sub("", _FENCE.sub("", text))


def _anchors(path: Path) -> set[str]:
    """The anchors GitHub gives a Markdown file's headings (a repeated one gets -1, -2 …)."""
    anchors: set[str] = set()
    seen: dict[str, int] = {}
    for heading in _HEADING.findall(_FENCE.sub("", path.read_text("utf-8"))):
        text = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", r"\1", heading).strip().lower()
        slug = re.sub(r"[^\w\- ]", "", text).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _relative_links(path: Path) -> list[str]:
    found = []
    for match in _LINK.finditer(_prose(path.read_text("utf-8"))):
        target = match.group(1) or match.group(2)
        if not re.match(r"^[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto: …
            found.append(target)
    return found


def test_readme_tables_match_the_declarations_and_parsers() -> None:
    text = README.read_text("utf-8")
    stale = docs.differing(text, docs.tables())
    assert not stale, (
        f"README.md: the {', '.join(stale)} table(s) differ from the settings' declarations and "
        "the xinwen parsers: run `make docs` (.venv/bin/python -m xinwen.docs), commit README.md"
    )


def test_the_generator_rewrites_a_stale_table_and_check_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    text = docs.rewrite(README.read_text("utf-8"), docs.tables())
    # A table as it drifts: a default changed by hand, a command's option missing.
    drifted = text.replace("| `XINWEN_WEB_WORKERS` | `2` |", "| `XINWEN_WEB_WORKERS` | `4` |")
    drifted = drifted.replace(" [--max-chars N]", "")
    assert drifted != text
    readme.write_text(drifted, "utf-8")

    assert docs.main([str(readme), "--check"]) == 1
    err = capsys.readouterr().err
    assert "commands table is out of date" in err and "settings table" in err
    assert "python -m xinwen.docs" in err
    assert readme.read_text("utf-8") == drifted  # --check changes nothing

    assert docs.main([str(readme)]) == 0
    assert readme.read_text("utf-8") == text
    assert docs.main([str(readme), "--check"]) == 0


def test_the_generator_refuses_a_readme_without_its_markers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# xinwen\n\n<!-- settings:start -->\n<!-- settings:end -->\n", "utf-8")
    assert docs.main([str(readme)]) == 1
    assert "<!-- commands:start -->" in capsys.readouterr().err
    assert "settings:start -->\n<!-- settings:end" in readme.read_text("utf-8")


def test_every_setting_and_command_is_in_the_tables() -> None:
    """What a user reads names every declared setting, its variable and default, and every
    option of every command."""
    settings_table, commands_table = docs.settings_table(), docs.commands_table()
    from xinwen.index import settings as index_settings
    from xinwen.webui import settings as web_settings

    for setting in (*index_settings.SETTINGS, *web_settings.SETTINGS):
        assert f"| `--{setting.name}` | `{setting.env}` | `{setting.default}` |" in settings_table
    assert index_settings.TYPESENSE_KEY.env in settings_table
    assert "| `--workers` | `XINWEN_WORKERS` | `auto` | reindex |" in settings_table
    assert "| `--workers` | `XINWEN_WEB_WORKERS` | `2` | serve |" in settings_table
    for name, parser in docs._subcommands(docs.build_parser()).items():
        row = next(r for r in commands_table.splitlines() if r.startswith(f"| `xinwen {name}"))
        for action in parser._actions:
            if action.option_strings and "--help" not in action.option_strings:
                assert max(action.option_strings, key=len) in row, (name, action.option_strings)


def test_the_readme_stays_short() -> None:
    lines = len(README.read_text("utf-8").splitlines())
    assert lines <= MAX_README_LINES, (
        f"README.md has {lines} lines (at most {MAX_README_LINES}): it is a user's guide; "
        "move how it works to docs/architecture.md and measurements to docs/benchmarks.md"
    )


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves(document: Path) -> None:
    broken = []
    for target in _relative_links(document):
        path, _, anchor = target.partition("#")
        file = (document.parent / path).resolve() if path else document
        if not file.exists():
            broken.append(f"{target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in _anchors(file):
            broken.append(f"{target}: no heading #{anchor} in {file.name}")
    assert not broken, f"{document.relative_to(ROOT)}: " + "; ".join(broken)


def test_the_link_check_sees_a_broken_link(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n## Two words\n\nSee [a](missing.md), [b](page.md#two-words), "
        '[c](#nowhere), <img src="gone.png">, `[d](in-code.md)` and [e](https://x.org/y).\n',
        "utf-8",
    )
    assert _relative_links(page) == ["missing.md", "page.md#two-words", "#nowhere", "gone.png"]
    assert "two-words" in _anchors(page) and "nowhere" not in _anchors(page)


def test_serve_help_says_the_declared_web_defaults() -> None:
    """``xinwen serve``'s options are written without importing the web layer (Flask) for every
    command; their help must still say the defaults ``webui/settings.py`` declares."""
    from xinwen.webui import settings as web_settings

    serve = docs._subcommands(docs.build_parser())["serve"]
    helps = {a.option_strings[-1]: a.help or "" for a in serve._actions if a.option_strings}
    for setting in web_settings.SETTINGS:
        assert f"default {setting.default}" in helps[f"--{setting.name}"], setting.name
