"""Our own article text and a one-page reader, shared by the page-rule tests."""

from __future__ import annotations

from pathlib import Path

from xinwen.index.records import Record
from xinwen.index.sources import read_sources

PROSE = "记者从有关部门获悉，今年以来全市新建充电桩两千余个，基本实现乡镇全覆盖。"
MORE = "下一步，有关部门将继续推进老旧小区充电设施改造，方便居民夜间充电。"


def read_one(path: Path) -> Record:
    """The one record a page file makes (fails naming the skip when it makes none)."""
    [record] = read_sources([path])
    assert isinstance(record, Record), record
    return record


def write_page(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Save a page's text at `path` (its folders made), in `encoding`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def records_by_name(root: Path) -> dict[str, Record]:
    """The records a folder of pages makes, by file name (skips left out)."""
    return {Path(r.origin.path).name: r for r in read_sources([root]) if isinstance(r, Record)}
