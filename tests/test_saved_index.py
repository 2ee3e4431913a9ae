"""An index written by an earlier build opens and answers with the current code (the on-disk
format, pickled class paths included, is a promise to users: ``tests/saved_index.py``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from index.schema import SCHEMA_VERSION
from search import Searcher, SearchRequest
from tests.saved_index import ARTICLES, FIXTURE


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
