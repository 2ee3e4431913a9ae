"""One top-level package: the project's folders index/, search/ and webui/ are ``xinwen.index``,
``xinwen.search`` and ``xinwen.webui`` wherever xinwen runs, and a user's own ``search.py`` (or
``index.py``, ``webui.py``) in the current folder neither shadows them nor is shadowed."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.helpers import ROOT
from tests.saved_index import FIXTURE

EVERY_MODULE = """
import importlib, pkgutil, sys
names = ["xinwen.cli"]
for top in ("xinwen.index", "xinwen.search", "xinwen.webui"):
    package = importlib.import_module(top)
    names += [m.name for m in pkgutil.walk_packages(package.__path__, top + ".")]
for name in names:
    importlib.import_module(name)
assert len(names) > 60, names  # every module of the three folders was found
print(sorted({m for m in sys.modules if m.split(".")[0] in ("index", "search", "webui")}))
"""


def _python(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_every_module_imports_under_xinwen_and_none_under_the_old_names(tmp_path: Path) -> None:
    # Run away from the repository, where the folders would be importable by their own names.
    run = _python("-c", EVERY_MODULE, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]", f"modules imported by their old names: {run.stdout}"


def test_a_users_search_py_does_not_shadow_xinwen(tmp_path: Path) -> None:
    for name in ("search", "index", "webui"):
        (tmp_path / f"{name}.py").write_text(f'raise SystemExit("the user\'s {name}.py ran")\n')
    root = shutil.copytree(FIXTURE, tmp_path / "saved-index", symlinks=True)
    run = _python("-m", "xinwen", "search", "特高压", "--index", str(root), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "直流工程投运" in run.stdout and "user's" not in run.stderr


def test_the_wheel_installs_only_the_xinwen_package(tmp_path: Path) -> None:
    """``pip install .`` adds ``xinwen`` (and its console script), nothing else at the top."""
    tree = tmp_path / "src"
    tree.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("index", "search", "webui", "xinwen"):
        shutil.copytree(ROOT / name, tree / name, ignore=ignore)
    run = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-q", "-w", str(tmp_path / "dist"), str(tree)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (wheel,) = (tmp_path / "dist").glob("xinwen-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"xinwen", wheel.name.split("-py")[0] + ".dist-info"}, tops
    # The data folders ship: templates, static files, dictionaries.
    for data in (
        "xinwen/webui/templates/search.html",
        "xinwen/webui/static/style.css",
        "xinwen/index/dicts/energy.txt",
        "xinwen/search/dicts/synonyms.txt",
    ):
        assert data in names
    entry = zipfile.ZipFile(wheel).read(wheel.name.split("-py")[0] + ".dist-info/entry_points.txt")
    assert b"xinwen = xinwen.cli:main" in entry


def test_no_test_module_imports_from_conftest() -> None:
    """Each test file runs alone (``pytest tests/test_x.py``): what tests share is imported from
    modules (``tests.helpers`` …), never from ``conftest.py``, which pytest alone loads."""
    offenders = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            if any(n.split(".")[-1] == "conftest" for n in names):
                offenders.append(path.name)
    assert offenders == []
