"""``--incremental --prune`` deletes what the sources no longer hold, never what it could not
read: a source file not read in full (truncated, undecodable, unreadable, in an unreadable
folder) keeps every document, and the closing summary names it and says why.

The runs are real ``python -m xinwen reindex`` processes. Permissions are real too: as root
(which reads anything) the run goes through ``setpriv`` without the capabilities that let
root ignore file modes, so a ``chmod 000`` file is as unreadable to it as to any user.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import ROOT, article, build_index
from xinwen.index.progress import estimate_records
from xinwen.index.records import Record
from xinwen.index.sources import read_sources
from xinwen.index.store import FAULT_ENV, IndexStore

ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
ENV.pop(FAULT_ENV, None)
# Root ignores file modes through these capabilities; without them chmod 000 holds for it too.
NO_DAC_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def jsonl(rows: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def make_corpus(src: Path) -> None:
    """Four sources: a gzip file, a JSON Lines file, a folder of text articles, and a file
    that the tests delete (what ``--prune`` is for)."""
    (src / "c").mkdir(parents=True)
    (src / "a.jsonl.gz").write_bytes(gzip.compress(jsonl([article(n) for n in range(60)])))
    (src / "b.jsonl").write_bytes(jsonl([article(n) for n in range(100, 105)]))
    for n in (1, 2, 3):
        text = f"第{n}篇文本稿 风电项目开工\n某地风电项目今日开工建设，装机{n}百兆瓦。\n"
        (src / "c" / f"{n}.txt").write_text(text, encoding="utf-8")
    (src / "gone.jsonl").write_bytes(jsonl([article(n) for n in (200, 201)]))


def ids(root: Path) -> set[str]:
    _gen, ix = IndexStore(root).open_current()
    with ix.searcher() as searcher:
        found = {searcher.stored_fields(d)["id"] for d in searcher.reader().all_doc_ids()}
    ix.close()
    return found


def truncate_gzip(src: Path) -> str:
    path = src / "a.jsonl.gz"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return "truncated gzip"


def undecodable_text(src: Path) -> str:
    # A UTF-8 byte-order mark, then GBK bytes: no encoding reads the whole file.
    (src / "c" / "2.txt").write_bytes(b"\xef\xbb\xbf" + "标题\n正文".encode("gbk"))
    return "undecodable file"


def unreadable_file(src: Path) -> str:
    (src / "b.jsonl").chmod(0)
    return "unreadable file (Permission denied)"


def unreadable_folder(src: Path) -> str:
    (src / "c").chmod(0)
    return "unreadable folder (Permission denied)"


DAMAGE: dict[str, tuple[Callable[[Path], str], str]] = {
    "truncated gzip": (truncate_gzip, "a.jsonl.gz"),
    "undecodable file": (undecodable_text, "c/2.txt"),
    "unreadable file": (unreadable_file, "b.jsonl"),
    "unreadable folder": (unreadable_folder, "c"),
}


def incremental_prune(src: Path, root: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "xinwen", "reindex", str(src), "--index", str(root)]
    command += ["--incremental", "--prune", "-q"]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            why = "setpriv (util-linux) is needed to make a file unreadable to root"
            if os.environ.get("CI") == "true":
                pytest.fail(why)
            pytest.skip(why)
        command = NO_DAC_OVERRIDE + command
    return subprocess.run(
        command, env=ENV, cwd=ROOT, capture_output=True, text=True, timeout=180, check=False
    )


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_source_that_could_not_be_read_keeps_its_documents(tmp_path: Path, damage: str) -> None:
    src, root = tmp_path / "src", tmp_path / "ix"
    make_corpus(src)
    build_index(root, src)
    before = ids(root)
    assert len(before) == 60 + 5 + 3 + 2

    (src / "gone.jsonl").unlink()  # really gone: a prune would delete its two documents
    spoil, name = DAMAGE[damage]
    why = spoil(src)
    try:
        run = incremental_prune(src, root)
    finally:
        for path in (src / "b.jsonl", src / "c"):
            path.chmod(0o755)
    assert run.returncode == 0, run.stderr
    assert ids(root) == before  # nothing deleted: not the damaged file's, not gone.jsonl's
    summary = run.stdout
    assert "--prune withheld, nothing deleted: 1 source file could not be read in full" in summary
    assert f"  kept: {src / name}: {why}" in summary, summary
    assert "deleted" not in summary.replace("nothing deleted", "")
    assert "--prune withheld" in run.stderr  # a warning too, for logs that keep only stderr

    # Repaired, the next run prunes what is really gone, and only that.
    shutil.rmtree(src)
    make_corpus(src)
    (src / "gone.jsonl").unlink()
    again = incremental_prune(src, root)
    assert again.returncode == 0, again.stderr
    assert "deleted 2 records no longer in the sources (--prune)" in again.stdout
    assert ids(root) == before - {"t-200", "t-201"}


def test_an_index_inside_its_corpus_is_never_read_and_prune_works(tmp_path: Path) -> None:
    """``cd corpus && xinwen reindex .`` (the default index, ``var/``, inside the corpus) read
    the index's own files as sources: its partial generation's files as skips, and later its
    ``xinwen.json`` files as JSON that could not be read in full, which withheld every prune."""
    corpus = tmp_path / "corpus"
    for n in (1, 2, 3):
        page = corpus / "项目" / f"{n}.txt"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f"滨江第{n}座储能电站投运\n2025-0{n}-10\n滨江第{n}座电网侧储能电站日前投运，规模{n}0万千瓦。\n",
            encoding="utf-8",
        )
    env = {k: v for k, v in ENV.items() if k != "XINWEN_INDEX"}

    def reindex(*extra: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "xinwen", "reindex", ".", "--workers", "1", *extra],
            cwd=corpus,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout + done.stderr

    out = reindex()
    assert "indexed 3 + unchanged 0 + duplicates 0 + skipped 0" in out, out
    (corpus / "项目" / "3.txt").unlink()
    out = reindex("--incremental", "--prune")
    assert "withheld" not in out, out
    assert ids(corpus / "var") == {"项目/1.txt", "项目/2.txt"}
    # (named by another --index earlier, an index in the corpus is left out all the same)
    build_index(corpus / "old-index", corpus)
    out = reindex("--incremental", "--prune")
    assert "withheld" not in out and "unchanged 2 + duplicates 0 + skipped 0" in out, out
    assert ids(corpus / "var") == {"项目/1.txt", "项目/2.txt"}
    assert estimate_records([corpus]) == 2  # (the progress bar's count leaves them out too)
    # (the corpus its own index root, --index corpus: its pages alone are read)
    build_index(corpus, corpus)
    items = list(read_sources([corpus]))
    assert sorted(item.id for item in items if isinstance(item, Record)) == [
        "项目/1.txt",
        "项目/2.txt",
    ]
    assert [item for item in items if not isinstance(item, Record)] == []
    assert estimate_records([corpus]) == 2
