"""The switch to a new generation: on disk before it is served, and a failure after it says
that the new index is served.

``os.fsync`` and ``os.replace`` are wrapped with recorders that call the real functions (the
operating system is not ours to replace): the order of the calls is what a power cut would
cut into.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import article, build_index, write_jsonl
from xinwen.cli import main
from xinwen.index.builder import ReindexError, ReindexOptions, reindex
from xinwen.index.store import IndexStore
from xinwen.search import Searcher, SearchRequest, readcache

Inode = tuple[int, int]


def inode(path: str | os.PathLike[str]) -> Inode:
    st = os.stat(path)
    return st.st_dev, st.st_ino


class Recorder:
    """Records each fsync (by inode) and each replace (by destination), in order; ``fail``
    may raise in place of an fsync."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.events: list[tuple[str, object]] = []
        self.fail: Callable[[Inode], None] = lambda _ino: None
        real_fsync, real_replace = os.fsync, os.replace

        def fsync(fd: int) -> None:
            st = os.fstat(fd)
            ino = (st.st_dev, st.st_ino)
            self.fail(ino)
            real_fsync(fd)
            self.events.append(("fsync", ino))

        def replace(src: object, dst: object, **kw: object) -> None:
            real_replace(src, dst, **kw)
            self.events.append(("replace", Path(dst)))  # type: ignore[arg-type]

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)

    def switched(self, root: Path) -> bool:
        return ("replace", root / "current") in self.events

    def split(self, root: Path) -> tuple[set[Inode], set[Inode]]:
        """Inodes synced before ``current`` was replaced, and after."""
        at = self.events.index(("replace", root / "current"))
        synced = [(i, ino) for i, (kind, ino) in enumerate(self.events) if kind == "fsync"]
        return {ino for i, ino in synced if i < at}, {ino for i, ino in synced if i > at}  # type: ignore[misc]


def changed(n: int) -> dict:
    return article(n, body=f"第{n}篇更正稿。风电项目开工建设。")


@pytest.mark.parametrize("mode", ["full", "incremental"])
def test_every_file_and_folder_of_the_new_generation_is_synced_before_the_switch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    root = tmp_path / "ix"
    if mode == "incremental":  # the clone holds hard links to the served files, and new ones
        build_index(root, write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(150)]))
    rows = [article(n) for n in range(100)] + [changed(n) for n in range(100, 260)]
    src = write_jsonl(tmp_path / "b.jsonl", rows)
    recorder = Recorder(monkeypatch)
    options = ReindexOptions(
        [src], root, incremental=mode == "incremental", workers=2, progress=False
    )
    options.prepare = readcache.prepare  # the read cache is written into the generation too
    report = reindex(options)
    assert report.documents == 260

    gen = IndexStore(root).current().path
    written = [Path(folder) / name for folder, _, files in os.walk(gen) for name in files]
    assert any(p.name.endswith(".seg") for p in written)
    assert any(p.name.endswith(".toc") for p in written)
    assert (gen / "xinwen.json") in written and (gen / readcache.CACHE_FILE) in written
    before, after = recorder.split(root)
    assert {p.name for p in written if inode(p) not in before} == set()
    assert inode(gen) in before  # the generation folder's entries
    assert inode(gen.parent) in before  # the rename of the partial folder
    assert inode(root) in after  # the link itself


def test_a_failure_after_the_switch_says_the_new_index_is_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", [article(1)]))
    old = IndexStore(root).current().name
    recorder = Recorder(monkeypatch)

    def eio_at_root(ino: Inode) -> None:
        if ino == inode(root) and recorder.switched(root):
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(root))

    recorder.fail = eio_at_root
    src = write_jsonl(tmp_path / "b.jsonl", [article(n) for n in range(7)])
    with pytest.raises(ReindexError) as failed:
        reindex(ReindexOptions([src], root, progress=False))
    new = IndexStore(root).current().name
    assert new != old
    message = str(failed.value)
    assert f"the new index {new} is served" in message and "Input/output error" in message
    assert "unchanged" not in message
    assert Searcher(root).search(SearchRequest()).total == 7


def test_an_interrupt_says_which_index_is_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", [article(1)]))
    old = IndexStore(root).current().name
    recorder = Recorder(monkeypatch)
    src = write_jsonl(tmp_path / "b.jsonl", [article(n) for n in range(7)])

    def before_switch(ino: Inode) -> None:  # Ctrl-C while the new generation is synced
        if ino == inode(root / "generations"):
            raise KeyboardInterrupt

    recorder.fail = before_switch
    assert main(["reindex", str(src), "--index", str(root), "-q"]) == 130
    assert capsys.readouterr().err.strip() == "xinwen: interrupted; the served index is unchanged"
    assert IndexStore(root).current().name == old
    assert Searcher(root).search(SearchRequest()).total == 1

    def after_switch(ino: Inode) -> None:  # Ctrl-C while the switched link is synced
        if ino == inode(root) and recorder.switched(root):
            raise KeyboardInterrupt

    recorder.fail = after_switch
    assert main(["reindex", str(src), "--index", str(root), "-q"]) == 130
    served = IndexStore(root).current().name
    assert served != old
    assert (
        capsys.readouterr().err.strip() == f"xinwen: interrupted; the new index {served} is served"
    )
    assert Searcher(root).search(SearchRequest()).total == 7
