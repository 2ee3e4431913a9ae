"""An index written by an earlier build opens and answers with the current code (the on-disk
format, pickled class paths included, is a promise to users: ``tests/saved_index.py``)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.saved_index import ARTICLES, FIXTURE
from xinwen.index.schema import SCHEMA_VERSION
from xinwen.search import Searcher, SearchRequest


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A copy (opening an index may write its caches; the repository stays as it is)."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "saved-index", symlinks=True))


def test_the_fixture_is_of_the_current_schema() -> None:
    meta = json.loads((FIXTURE / "current" / "xinwen.json").read_text(encoding="utf-8"))
    assert meta["schema_version"] == SCHEMA_VERSION, (
        "the schema version changed: write the fixture again (python -m tests.saved_index) "
        "and say in CHANGES.md that indexes must be rebuilt"
    )


def test_a_saved_index_answers_with_the_current_code(saved: Path) -> None:
    searcher = Searcher(saved)
    assert searcher.health()["documents"] == len(ARTICLES)
    result = searcher.search(SearchRequest(q="特高压"))
    assert (result.total, result.groups) == (2, 1)  # the near-duplicates stay one group
    assert result.hits[0].similar == 1
    assert "<mark>特高压</mark>" in result.hits[0].title_html
    # Folding (traditional stored, simplified typed), phrases and single characters.
    assert [h.id for h in searcher.search(SearchRequest(q='"绿色供应链"')).hits] == ["saved-3"]
    assert [h.id for h in searcher.search(SearchRequest(q="矽")).hits] == ["saved-3"]
    assert {v.value for v in result.facets["source"].values} == {"电力日报", "能源观察"}
    article = searcher.article("saved-3", "光伏")
    assert article is not None and "<mark>光伏</mark>" in article.body_html
    searcher.close()


OLDER = FIXTURE.with_name("saved-index-schema4")


def test_an_index_of_the_schema_before_the_namespace_asks_for_a_rebuild(tmp_path: Path) -> None:
    """Schema 4 pickled its analyzers as ``index.analysis.…``; since the ``xinwen.`` namespace
    those paths do not import. The user gets the schema message and a rebuild works, not an
    import error from inside the unpickler."""
    root = Path(shutil.copytree(OLDER, tmp_path / "old", symlinks=True))
    cli = [sys.executable, "-m", "xinwen"]
    run = subprocess.run(
        [*cli, "search", "特高压", "--index", str(root)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode != 0 and "Traceback" not in run.stderr, run.stderr
    assert "schema version 4" in run.stderr and "xinwen reindex" in run.stderr, run.stderr
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), "utf-8")
    run = subprocess.run(
        [*cli, "reindex", str(source), "--index", str(root), "--quiet"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    searcher = Searcher(root)
    assert searcher.search(SearchRequest(q="特高压")).total == 2
    searcher.close()
