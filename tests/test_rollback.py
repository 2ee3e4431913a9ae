"""``xinwen rollback``: a reindex that made things worse is undone in one command, a server
follows at once, and a second roll-back returns to where it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import article, build_index, write_jsonl
from xinwen.cli import main
from xinwen.index.store import IndexStore
from xinwen.search import Searcher, SearchRequest
from xinwen.search.synonyms import Synonyms


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def total(searcher: Searcher) -> int:
    return searcher.search(SearchRequest(q="光伏")).total


def test_roll_back_and_forth(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [article(n) for n in range(1, 9)])
    bad = write_jsonl(tmp_path / "bad.jsonl", [article(n) for n in range(1, 3)])
    root = build_index(tmp_path / "ix", good)
    searcher = Searcher(root, Synonyms())
    assert total(searcher) == 8
    first = IndexStore(root).current().name
    build_index(root, bad)  # a full reindex of the wrong folder: 6 articles gone
    assert total(searcher) == 2
    second = IndexStore(root).current().name

    code, out, err = run(capsys, "rollback", "--index", str(root))
    assert (code, err) == (0, "")
    assert f"now serving {first}" in out and f"kept {second}" in out
    assert total(searcher) == 8  # a running searcher follows the switch

    code, out, _ = run(capsys, "rollback", "--index", str(root))
    assert code == 0 and f"now serving {second}" in out
    assert total(searcher) == 2
    run(capsys, "rollback", "--index", str(root))
    assert total(searcher) == 8

    # The next reindex starts from the generation served, and drops the one left.
    more = write_jsonl(tmp_path / "more.jsonl", [article(n) for n in range(9, 11)])
    build_index(root, more, incremental=True)
    assert total(searcher) == 10
    generations = {p.name for p in (root / "generations").iterdir()}
    assert second not in generations and first in generations
    assert IndexStore(root).previous().name == first


def test_nothing_to_roll_back_to(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_jsonl(tmp_path / "news.jsonl", [article(n) for n in range(1, 4)])
    root = build_index(tmp_path / "ix", src)
    code, out, err = run(capsys, "rollback", "--index", str(root))
    assert code == 1 and out == ""
    assert "no earlier generation is kept" in err
    assert total(Searcher(root, Synonyms())) == 3  # still served
    code, _, err = run(capsys, "rollback", "--index", str(tmp_path / "none"))
    assert code == 1 and "no index in" in err
    assert not (tmp_path / "none").exists()


def test_no_roll_back_while_a_reindex_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "news.jsonl", [article(n) for n in range(1, 4)])
    root = build_index(tmp_path / "ix", src)
    build_index(root, src)
    served = IndexStore(root).current().name
    with IndexStore(root).writer_lock():
        code, _, err = run(capsys, "rollback", "--index", str(root))
    assert code == 1 and "already running" in err
    assert IndexStore(root).current().name == served
