"""Whole posting lists as Python sequences, read block by block from Whoosh's storage.

Whoosh's matchers hand out postings one call at a time (``id()``, ``weight()``, ``next()``):
fine for a few hundred, slow for the tens of thousands a common Chinese word has in a news
archive. The W3 codec stores postings in blocks of up to 128 (ids delta-coded, term
frequencies, encoded positions); reading a block's arrays at once and decoding the ids with
``itertools.accumulate`` is several times faster. This leans on the W3 leaf matcher's block
methods (``_read_ids`` …) of the pinned whoosh-reloaded 2.7.5; any other matcher (inlined
postings of rare terms) goes through the public one-at-a-time API.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import Matcher
from whoosh.reading import IndexReader, TermNotFound


def _leaf_postings(
    matcher: Matcher, offset: int, want_values: bool
) -> tuple[list[int], list[float], list[bytes]]:
    ids: list[int] = []
    weights: list[float] = []
    values: list[bytes] = []
    if isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            data = matcher._data
            if data is None:
                matcher._read_data()
                data = matcher._data
            decoded = accumulate(data[0])
            ids.extend(map(offset.__add__, decoded) if offset else decoded)
            matcher._read_weights()
            weights.extend(matcher._weights)
            if want_values:
                matcher._read_values()
                values.extend(matcher._values)
            matcher._next_block()
    else:
        while matcher.is_active():
            ids.append(matcher.id() + offset)
            weights.append(matcher.weight())
            if want_values:
                values.append(matcher.value())
            matcher.next()
    return ids, weights, values


def read_postings(
    reader: IndexReader, fieldname: str, text: str, want_values: bool = False
) -> tuple[list[int], list[float], list[bytes]]:
    """All (docnum, weight[, value]) postings of a term, docnums global, deleted ones included.

    Callers AND the result with the live-documents set, so deletions need no filtering here.
    """
    ids: list[int] = []
    weights: list[float] = []
    values: list[bytes] = []
    btext = text.encode("utf-8")
    fieldobj = reader.schema[fieldname]
    for leaf, offset in _leaves(reader):
        if (fieldname, btext) not in leaf:
            continue
        try:
            matcher = leaf._terms.matcher(fieldname, btext, fieldobj.format)
        except (AttributeError, TermNotFound):
            matcher = leaf.postings(fieldname, btext)
        i, w, v = _leaf_postings(matcher, offset, want_values)
        ids += i
        weights += w
        values += v
    return ids, weights, values


def _leaves(reader: IndexReader) -> Iterable[tuple[IndexReader, int]]:
    return reader.leaf_readers()


# read_values decodes whole posting lists when asked for more than 1/DENSE_FACTOR of a term's
# documents, and skips block by block otherwise.
DENSE_FACTOR = 8


def read_values(
    reader: IndexReader, fieldname: str, text: str, docnums: Sequence[int]
) -> Iterator[tuple[int, bytes]]:
    """(docnum, encoded value) of a term for the given ascending document numbers only.

    Uses the matchers' ``skip_to``, which passes over whole blocks by their maximum id without
    decoding them: cheap when ``docnums`` are few compared with the term's postings.
    """
    btext = text.encode("utf-8")
    if len(docnums) * DENSE_FACTOR > reader.doc_frequency(fieldname, btext):
        # Dense: decoding every block at once beats skipping posting by posting.
        ids, _weights, values = read_postings(reader, fieldname, text, want_values=True)
        lo = 0
        for d in docnums:
            j = bisect_left(ids, d, lo)
            if j < len(ids) and ids[j] == d:
                yield d, values[j]
                lo = j
        return
    leaves = list(_leaves(reader))
    bounds = [offset for _leaf, offset in leaves[1:]] + [reader.doc_count_all()]
    i = 0
    for (leaf, offset), end in zip(leaves, bounds, strict=True):
        if i >= len(docnums) or (fieldname, btext) not in leaf:
            while i < len(docnums) and docnums[i] < end:
                i += 1
            continue
        matcher = leaf.postings(fieldname, btext)
        while i < len(docnums) and docnums[i] < end:
            target = docnums[i] - offset
            i += 1
            if not matcher.is_active():
                continue
            if matcher.id() < target:
                matcher.skip_to(target)
                if not matcher.is_active():
                    continue
            if matcher.id() == target:
                yield target + offset, matcher.value()
