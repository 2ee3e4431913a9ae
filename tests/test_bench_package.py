"""``bench/`` is a package run as ``python -m bench.<name>``: every benchmark answers ``--help``
that way, every module imports in a process of its own, none reaches into ``sys.path``, the
modules import each other without a cycle, and ``bench/README.md`` says what the code does
(its table of targets generated from ``bench.targets``, its commands and options real).

Fast: no corpus, no index; the ``--help`` runs are the slow part (a Python start-up each).
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import cache

import pytest

from tests.helpers import ROOT

BENCH = ROOT / "bench"
README = BENCH / "README.md"
NEEDS = {"peer_tantivy": "tantivy"}  # module → the optional package (the bench extra) it needs


def _modules() -> list[str]:
    return sorted(p.stem for p in BENCH.glob("*.py") if p.stem != "__init__")


def _has_main(name: str) -> bool:
    tree = ast.parse((BENCH / f"{name}.py").read_text(encoding="utf-8"))
    return any(isinstance(n, ast.FunctionDef) and n.name == "main" for n in tree.body)


def _skip_without_extra(name: str) -> None:
    extra = NEEDS.get(name)
    if extra and importlib.util.find_spec(extra) is None:
        pytest.skip(f"{extra} (the bench extra) is not installed")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    # From the repository root, as bench/README.md says to run them; no PYTHONPATH help.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@cache
def _help(name: str) -> subprocess.CompletedProcess[str]:
    return _run("-m", f"bench.{name}", "--help")


@pytest.fixture(scope="module", autouse=True)
def _helps_in_parallel() -> None:
    """Start every ``--help`` two at a time (each is a Python start-up), before the tests."""
    runnable = [m for m in _modules() if _has_main(m) and not NEEDS.get(m)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(_help, runnable))


@pytest.mark.parametrize("name", [m for m in _modules() if _has_main(m)])
def test_every_benchmark_answers_help_as_a_module(name: str) -> None:
    _skip_without_extra(name)
    done = _help(name)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith(f"usage: python -m bench.{name}"), done.stdout[:200]


@pytest.mark.parametrize("name", [m for m in _modules() if not _has_main(m)])
def test_every_other_bench_module_imports_in_a_new_process(name: str) -> None:
    _skip_without_extra(name)
    done = _run("-c", f"import bench.{name}")
    assert done.returncode == 0, done.stderr[-2000:]


def test_no_bench_module_changes_the_module_path() -> None:
    offenders = [
        p.name
        for p in BENCH.glob("*.py")
        if re.search(r"sys\.path\.(insert|append)", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def _imports(name: str) -> set[str]:
    """The bench modules ``bench.<name>`` imports, at the top or inside a function."""
    tree = ast.parse((BENCH / f"{name}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "bench":
                found |= {a.name for a in node.names}
            elif node.module.startswith("bench."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("bench.")}
    return found & set(_modules())


def test_bench_modules_import_each_other_without_a_cycle() -> None:
    graph = {name: _imports(name) for name in _modules()}
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            pytest.fail("import cycle: " + " → ".join([*path[path.index(name) :], name]))
        if name not in done:
            for other in sorted(graph[name]):
                visit(other, [*path, name])
            done.add(name)

    for name in graph:
        visit(name, [])


def test_the_readme_table_of_targets_is_generated_from_the_code() -> None:
    from bench.targets import readme_with_table

    text = README.read_text(encoding="utf-8")
    assert readme_with_table(text) == text, "run: python -m bench.targets --write"


def test_the_readme_documents_every_benchmark_as_a_module_with_real_options() -> None:
    text = README.read_text(encoding="utf-8")
    assert "python bench/" not in text, "benchmarks run as python -m bench.<name>"
    documented = set(re.findall(r"python -m bench\.(\w+)", text))
    with_main = {m for m in _modules() if _has_main(m)}
    assert with_main - documented == set(), "undocumented benchmarks"
    assert documented - with_main == set(), "documented, but no such benchmark"
    for line in text.splitlines():
        for name, rest in re.findall(r"python -m bench\.(\w+)([^`#\n&|;]*)", line):
            if NEEDS.get(name):
                continue
            usage = _help(name).stdout
            for option in re.findall(r"(?<![\w-])--[a-z][\w-]*", rest):
                assert option in usage, f"{option} of bench.{name} (README: {line.strip()!r})"


def test_no_document_runs_a_benchmark_as_a_script() -> None:
    places = [ROOT / "README.md", ROOT / "Makefile", *ROOT.glob("docs/*.md"), *ROOT.glob(".ci/*")]
    offenders = [
        f"{p.relative_to(ROOT)}: {line.strip()}"
        for p in places
        for line in p.read_text(encoding="utf-8").splitlines()
        if re.search(r"python3? bench/", line)
    ]
    assert offenders == [], "run benchmarks as python -m bench.<name>"


def test_the_targets_docs_benchmarks_measures_against_are_the_declared_ones() -> None:
    from bench.targets import TARGETS

    text = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    section = text.split("## Targets", 1)[1].split("\n## ", 1)[0]
    rows = [r for r in section.splitlines() if r.startswith("| ") and not r.startswith("| ---")]
    cells = [row.split("|")[2] for row in rows[1:]]  # after the header
    figure = r"(?:≤|well under) [\d.,]+ ?(?:ms|s|MB|%|×)?"
    stated = {f.strip() for cell in cells for f in re.findall(figure, cell)}
    assert stated == {t.target for t in TARGETS}


def test_rewriting_the_cluster_report_keeps_earlier_runs_and_notes() -> None:
    """A run at one size rewrites its own section; the other sizes' sections (their figures
    saved in another work folder) and the notes written by hand stay."""
    from bench.cluster import keep_earlier

    old = (
        "# Title\n\nold intro\n\n## 73,876 articles (full)\n\nfull table\n\n"
        "## 300,000 articles (scale300000)\n\nold 300k table\n\n"
        "## Notes (written by hand)\n\n- a note\n"
    )
    new = "# Title\n\nnew intro\n\n## 300,000 articles (scale300000)\n\nnew 300k table\n"
    merged = keep_earlier(new, old)
    assert merged.index("full table") < merged.index("new 300k table") < merged.index("a note")
    assert "old 300k table" not in merged and "old intro" not in merged
    assert "new intro" in merged
