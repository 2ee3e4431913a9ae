"""Reading compound segments in place gives exactly what Whoosh's copying reader gave."""

from __future__ import annotations

import io
import pickle

from hypothesis import given
from hypothesis import strategies as st

from xinwen.index.whoosh_io import ViewFile


@given(st.binary(max_size=2000), st.lists(st.integers(-5, 300), max_size=20))
def test_view_file_reads_like_bytes_io(data: bytes, sizes: list[int]) -> None:
    ours, theirs = ViewFile(memoryview(data)), io.BytesIO(data)
    for size in sizes:
        assert ours.read(size) == theirs.read(size)
        assert ours.readline() == theirs.readline()
        assert ours.tell() == theirs.tell()
    ours.seek(3)
    theirs.seek(3)
    assert ours.read() == theirs.read()


def test_pickles_load_from_a_view() -> None:
    payload = [{"t": "光伏", "n": list(range(50))}, "第二个\\n对象"]
    stream = b"".join(pickle.dumps(p, 2) for p in payload)
    view = ViewFile(memoryview(stream))
    assert [pickle.load(view), pickle.load(view)] == payload
