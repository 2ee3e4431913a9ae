"""Whole posting lists in compact arrays, read block by block from Whoosh's storage.

Whoosh's matchers hand out postings one call at a time (``id()``, ``weight()``, ``next()``):
fine for a few hundred, slow for the tens of thousands a common Chinese word has in a news
archive. The W3 codec stores postings in blocks of up to 128 (ids delta-coded, term
frequencies, encoded positions), each block one zlib-compressed pickle: decoding one costs
about the same whether one posting or all of it is wanted (bench/results/code-notes.md, "Block
decoding").
``read_term`` decodes a term's blocks in turn into arrays (ids, weights and, on request, the
positions as one bytes object); ``read_values`` reads the positions of a few documents,
decoding only the blocks that hold them. This leans on the W3 leaf matcher's block methods
(``_read_data`` …) of the pinned whoosh-reloaded 2.7.5, listed in `index.whoosh_contract`; any
other matcher (inlined postings of rare terms) goes through the public one-at-a-time API.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, islice

from whoosh.matching import Matcher
from whoosh.reading import IndexReader, TermNotFound

from xinwen.index.whoosh_contract import W3LeafMatcher


@dataclass(slots=True)
class TermPostings:
    """One term's postings in compact arrays: about 12 bytes a posting (Python lists of ints
    and floats take about 70), plus its encoded values (positions) when they were asked for.

    ``values`` is every posting's encoded value, concatenated; posting ``j``'s value ends at
    ``ends[j]`` and starts where the one before it ends.
    """

    ids: array  # "i": global document numbers, ascending
    weights: array  # "d": term frequencies (Whoosh's weights)
    values: bytes | None = None
    ends: array | None = None  # "I"

    def value(self, j: int) -> bytes:
        """The encoded value of posting ``j`` (only when read with values)."""
        assert self.values is not None and self.ends is not None
        return self.values[self.ends[j - 1] if j else 0 : self.ends[j]]

    def nbytes(self) -> int:
        """Approximate memory held by the arrays and values."""
        size = self.ids.itemsize * len(self.ids) + self.weights.itemsize * len(self.weights)
        if self.values is not None and self.ends is not None:
            size += len(self.values) + self.ends.itemsize * len(self.ends)
        return size + 200


def _leaf_matcher(leaf: object, fieldname: str, btext: bytes, fieldobj: object) -> object | None:
    """The segment's W3 leaf matcher of a term (its block methods are read directly), or None."""
    if (fieldname, btext) not in leaf:  # type: ignore[operator]
        return None
    try:
        return leaf._terms.matcher(fieldname, btext, fieldobj.format)  # type: ignore[attr-defined]
    except (AttributeError, TermNotFound):
        return leaf.postings(fieldname, btext)  # type: ignore[attr-defined]


def _leaf_postings(
    matcher: Matcher, offset: int, out: TermPostings, parts: list[bytes] | None
) -> None:
    ids, weights, ends = out.ids, out.weights, out.ends
    if isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            data = matcher._data
            if data is None:
                matcher._read_data()
                data = matcher._data
            decoded = accumulate(data[0])
            ids.extend(map(offset.__add__, decoded) if offset else decoded)
            matcher._read_weights()
            block = matcher._weights  # a tuple, or an array("f") when all are equal
            weights.extend(block.tolist() if isinstance(block, array) else block)
            if parts is not None and ends is not None:
                matcher._read_values()
                _add_values(matcher._values, parts, ends)
            matcher._next_block()
    else:
        while matcher.is_active():
            ids.append(matcher.id() + offset)
            weights.append(matcher.weight())
            if parts is not None and ends is not None:
                _add_values([matcher.value()], parts, ends)
            matcher.next()


def _add_values(values: Sequence[bytes | None], parts: list[bytes], ends: array) -> None:
    block = [v or b"" for v in values]
    parts.append(b"".join(block))
    ends.extend(islice(accumulate(map(len, block), initial=ends[-1] if ends else 0), 1, None))


def read_term(
    reader: IndexReader, fieldname: str, text: str, with_values: bool = False
) -> TermPostings:
    """All postings of a term in compact arrays, docnums global, deleted documents included
    (callers AND with the live-documents set); ``with_values``: their encoded positions too.
    """
    out = TermPostings(array("i"), array("d"))
    parts: list[bytes] | None = None
    if with_values:
        parts, out.ends = [], array("I")
    btext = text.encode("utf-8")
    fieldobj = reader.schema[fieldname]
    for leaf, offset in _leaves(reader):
        matcher = _leaf_matcher(leaf, fieldname, btext, fieldobj)
        if matcher is not None:
            _leaf_postings(matcher, offset, out, parts)
    if parts is not None:
        out.values = b"".join(parts)
    return out


def _leaves(reader: IndexReader) -> Iterable[tuple[IndexReader, int]]:
    return reader.leaf_readers()


def _leaf_values(matcher: Matcher, targets: Sequence[int]) -> Iterator[tuple[int, bytes]]:
    """(id, value) of one segment's postings for the ascending segment-local ``targets``.

    A W3 block whose largest id is below the next target is passed over by its header alone;
    a block holding targets is decoded once (ids and values, as ``read_term`` reads
    them) and the targets are found in it by bisection. Whoosh's ``skip_to`` steps through a
    block posting by posting in Python instead, slow when the targets are many.
    """
    n = len(targets)
    i = 0
    if isinstance(matcher, W3LeafMatcher):
        while i < n and matcher.is_active():
            target = targets[i]
            if target > matcher._maxid:  # no target in this block: skip it undecoded
                matcher._next_block()
                continue
            data = matcher._data
            if data is None:
                matcher._read_data()
                data = matcher._data
            ids = list(accumulate(data[0]))
            matcher._read_values()
            values = matcher._values
            lo, last = 0, ids[-1]
            while i < n and targets[i] <= last:
                target = targets[i]
                j = bisect_left(ids, target, lo)
                if ids[j] == target:
                    yield target, values[j]
                lo = j
                i += 1
            matcher._next_block()
        return
    while i < n and matcher.is_active():  # inlined postings of a rare term: a few at most
        d = matcher.id()
        while i < n and targets[i] < d:
            i += 1
        if i < n and targets[i] == d:
            yield d, matcher.value()
            i += 1
        matcher.next()


def read_values(
    reader: IndexReader, fieldname: str, text: str, docnums: Sequence[int]
) -> Iterator[tuple[int, bytes]]:
    """(docnum, encoded value) of a term for the given ascending document numbers only.

    Decodes only the posting blocks that hold one of ``docnums`` (see ``_leaf_values``).
    """
    btext = text.encode("utf-8")
    fieldobj = reader.schema[fieldname]
    leaves = list(_leaves(reader))
    bounds = [offset for _leaf, offset in leaves[1:]] + [reader.doc_count_all()]
    i = 0
    for (leaf, offset), end in zip(leaves, bounds, strict=True):
        j = bisect_left(docnums, end, i)
        if j == i:
            continue
        targets = [d - offset for d in docnums[i:j]] if offset else docnums[i:j]
        i = j
        matcher = _leaf_matcher(leaf, fieldname, btext, fieldobj)
        if matcher is None:
            continue
        for d, value in _leaf_values(matcher, targets):
            yield d + offset, value
