"""The private parts of Whoosh that xinwen relies on are there, as `index.whoosh_contract` lists
them: a Whoosh upgrade fails here naming what changed, not deep inside a reindex or a search."""

from __future__ import annotations

import importlib
import inspect
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.analysis import StandardAnalyzer, StopFilter
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.structfile import BufferFile
from whoosh.multiproc import MpWriter, SubWriterTask

from xinwen.index import whoosh_contract
from xinwen.index.codec import XinwenCodec
from xinwen.index.segments import GroupingPool
from xinwen.index.store import IndexStore
from xinwen.index.whoosh_contract import CONTRACT, Private, WhooshVersionError, check_version

ROOT = Path(__file__).resolve().parent.parent


def _owner(entry: Private) -> type:
    module, name = entry.owner.rsplit(".", 1)
    return getattr(importlib.import_module(module), name)


def _problem(entry: Private, live: dict[str, object]) -> str | None:
    """What changed about ``entry`` in the installed Whoosh, or None."""
    cls = _owner(entry)
    if entry.instance:
        obj = live[entry.owner]
        return None if hasattr(obj, entry.name) else f"{entry.label} is gone"
    member = inspect.getattr_static(cls, entry.name, None)
    if member is None:
        return f"{entry.label} is gone"
    found = str(inspect.signature(getattr(cls, entry.name)))
    if found != entry.signature:
        return f"{entry.label} changed: expected {entry.signature}, found {found}"
    return None


@pytest.fixture(scope="module")
def live(demo_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """A live object of each Whoosh class whose per-object attributes the contract names."""
    _gen, ix = IndexStore(demo_index).open_current()
    reader = ix.reader()
    leaf = reader.leaf_readers()[0][0]
    fieldname, btext = next(k for k in leaf.all_terms() if leaf.doc_frequency(*k) > 1)
    matcher = leaf._terms.matcher(fieldname, btext, leaf.schema[fieldname].format)

    # Two indexes: each writer removes its index's temporary folder when cancelled.
    schema = Schema(id=ID(stored=True), body=TEXT(phrase=True))
    wix = whoosh_index.create_in(str(tmp_path_factory.mktemp("contract-index")), schema)
    mpix = whoosh_index.create_in(str(tmp_path_factory.mktemp("contract-mp-index")), schema)
    segwriter = wix.writer(codec=XinwenCodec())
    mpwriter = MpWriter(mpix, procs=1, multisegment=True)
    task = SubWriterTask(
        wix.storage, wix.indexname, multiprocessing.Queue(), multiprocessing.Queue(), {}, True
    )
    objects = {
        "whoosh.codec.whoosh3.W3LeafMatcher": matcher,
        "whoosh.reading.SegmentReader": leaf,
        "whoosh.codec.whoosh3.W3Codec": XinwenCodec(),
        "whoosh.codec.whoosh3.W3FieldWriter": segwriter.fieldwriter,
        "whoosh.codec.whoosh3.W3TermInfo": W3TermInfo(),
        "whoosh.filedb.filetables.OrderedHashWriter": segwriter.fieldwriter._tindex,
        "whoosh.writing.SegmentWriter": segwriter,
        "whoosh.multiproc.MpWriter": mpwriter,
        "whoosh.multiproc.SubWriterTask": task,
        "whoosh.filedb.structfile.BufferFile": BufferFile(b"x"),
        "whoosh.writing.PostingPool": segwriter.pool,
        "whoosh.analysis.analyzers.CompositeAnalyzer": StandardAnalyzer(),
        "whoosh.analysis.filters.StopFilter": StopFilter(),
    }
    for owner, obj in objects.items():
        assert isinstance(obj, _owner(Private(owner, "", None, True, "", ""))), owner
    yield objects
    mpwriter.cancel()
    segwriter.cancel()
    wix.close()
    mpix.close()
    reader.close()
    ix.close()


@pytest.mark.parametrize("entry", CONTRACT, ids=lambda e: e.label)
def test_each_private_part_is_there_as_listed(entry: Private, live: dict[str, object]) -> None:
    assert _problem(entry, live) is None, _problem(entry, live)


def test_our_pool_has_every_part_of_whooshs_pool_that_is_called() -> None:
    pool = GroupingPool()
    for entry in CONTRACT:
        if entry.owner == "whoosh.writing.PostingPool":
            assert hasattr(pool, entry.name), f"GroupingPool lacks {entry.name}"


def test_a_missing_or_changed_part_is_named() -> None:
    matcher = "whoosh.codec.whoosh3.W3LeafMatcher"
    gone = Private(matcher, "_read_everything", "(self)", False, "", "")
    assert _problem(gone, {}) == "W3LeafMatcher._read_everything is gone"
    changed = Private(matcher, "_read_data", "(self, block)", False, "", "")
    assert _problem(changed, {}) == (
        "W3LeafMatcher._read_data changed: expected (self, block), found (self)"
    )


def test_every_listed_part_is_in_the_docstring_table() -> None:
    doc = whoosh_contract.__doc__ or ""
    for entry in CONTRACT:
        assert entry.label.split(".")[0] in doc and entry.name in doc, entry.label


def test_another_whoosh_version_is_refused_by_name() -> None:
    check_version((2, 7, 5))
    with pytest.raises(WhooshVersionError, match=r"needs whoosh-reloaded 2\.7\.5, found 3\.0\.0"):
        check_version((3, 0, 0))


def test_importing_xinwen_with_another_whoosh_fails_naming_both_versions() -> None:
    code = (
        "import whoosh\nwhoosh.__version__ = (3, 0, 0)\n"
        "try:\n    import index.analysis\nexcept ImportError as exc:\n    print(exc)"
    )
    assert _python(code).startswith("xinwen needs whoosh-reloaded 2.7.5, found 3.0.0")


def _python(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


_WHERE_INIT = """
from whoosh.filedb.structfile import BufferFile
from whoosh.multiproc import MpWriter, SubWriterTask
def where():
    return BufferFile.__init__.__code__.co_filename.rsplit("/", 1)[1]
"""


def test_importing_xinwen_leaves_whoosh_as_it_is() -> None:
    code = _WHERE_INIT + "import index, index.builder, search, search.engine, webui\nprint(where())"
    assert _python(code) == "structfile.py"


def test_opening_an_index_reads_compound_segments_in_place(demo_index: Path) -> None:
    code = _WHERE_INIT + (
        "from index.store import IndexStore\n"
        "from index.whoosh_io import ViewFile\n"
        f"_gen, ix, reader = IndexStore({str(demo_index)!r}).open_reader()\n"
        "files = [leaf._terms._postfile for leaf, _ in reader.leaf_readers()]\n"
        "print(where(), {(type(f).__name__, type(f.file).__name__) for f in files})"
    )
    # Compound segment files are BufferFiles over a memory map, read in place.
    assert _python(code) == "whoosh_io.py {('BufferFile', 'ViewFile')}"
