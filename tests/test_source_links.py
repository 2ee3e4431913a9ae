"""Symbolic links in a source folder: a link back to a folder above it (a loop), a second way to
a folder read already, and a link whose target is gone. Each is one skip with a reason that
names it; every other page is read once, by `read_sources`, `xinwen inspect` and `reindex`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT, build_index
from xinwen.index.records import Record, Skip
from xinwen.index.sources import read_sources
from xinwen.index.store import IndexStore
from xinwen.search import Searcher, SearchRequest


def _site(folder: Path, topics: tuple[str, str] = ("配储新政", "储能电站投运")) -> Path:
    for n, (section, topic) in enumerate(zip(("政策", "项目"), topics, strict=True)):
        page = folder / section / f"{n}.txt"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f"临澜市{topic}\n2025-10-0{n + 1}\n临澜市发布{topic}消息，第{n}期工程同步推进。\n",
            "utf-8",
        )
    return folder


def _read(folder: Path) -> tuple[list[str], list[Skip]]:
    items = list(read_sources([folder]))
    ids = sorted(item.id for item in items if isinstance(item, Record))
    return ids, [item for item in items if isinstance(item, Skip)]


def test_a_link_to_a_folder_above_is_one_skip_not_a_loop(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    (site / "政策" / "up").symlink_to("..")
    (site / "项目" / "top").symlink_to(tmp_path)  # (above the source folder itself)
    ids, skips = _read(site)
    assert ids == ["政策/0.txt", "项目/1.txt"]
    assert sorted(s.reason for s in skips) == ["symbolic link loop"] * 2
    assert "leads back to" in str(skips[0]) and not skips[0].incomplete


def test_a_second_link_to_a_folder_gives_its_pages_once_under_their_own_ids(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path / "site")
    (site / "00政策").symlink_to("政策")  # (before it in name order: still read at 政策)
    (site / "政策新").symlink_to("政策")
    ids, skips = _read(site)
    assert ids == ["政策/0.txt", "项目/1.txt"]
    assert [s.reason for s in skips] == ["folder read twice"] * 2
    assert {s.origin.path for s in skips} == {str(site / "00政策"), str(site / "政策新")}
    assert f"a symbolic link to {site / '政策'}, read there" in str(skips[0])


def test_a_linked_folder_outside_the_source_is_read(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    (site / "专题").symlink_to(_site(tmp_path / "elsewhere", ("绿电交易", "零碳园区验收")) / "项目")
    ids, skips = _read(site)
    assert ids == ["专题/1.txt", "政策/0.txt", "项目/1.txt"]
    assert skips == []


def test_a_link_loop_neither_crashes_inspect_nor_stops_a_reindex(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    (site / "政策" / "up").symlink_to("..")
    done = subprocess.run(
        [sys.executable, "-m", "xinwen", "inspect", str(site)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "symbolic link loop" in done.stdout
    root = build_index(tmp_path / "ix", site)
    assert IndexStore(root).current() is not None
    hits = Searcher(root).search(SearchRequest(page_size=10)).hits
    assert sorted(h.id for h in hits) == ["政策/0.txt", "项目/1.txt"]


def test_a_broken_link_is_named_as_one(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    (site / "政策" / "2.txt").symlink_to(tmp_path / "archive" / "2.txt")  # (the page moved)
    (site / "项目" / "self.txt").symlink_to("self.txt")  # (a link to itself)
    ids, skips = _read(site)
    assert ids == ["政策/0.txt", "项目/1.txt"]
    assert [s.reason for s in skips] == ["broken symbolic link"] * 2
    assert "self.txt, which leads round to it again" in str(skips[1])
    assert f"it leads to {tmp_path / 'archive' / '2.txt'}, which is missing" in str(skips[0])
    assert "named pipe" not in str(skips)
    # (named as a source itself: the same reason, and it withholds a prune as a missing one)
    [given] = list(read_sources([site / "政策" / "2.txt"]))
    assert isinstance(given, Skip) and given.reason == "broken symbolic link"
    assert given.incomplete
