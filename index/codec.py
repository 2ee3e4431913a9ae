"""Whoosh's W3 codec, with postings written a whole term at a time.

Whoosh's W3 field writer takes postings one by one (``start_term``, ``add`` per posting,
``finish_term``), looks up the document's field length once per *posting* through several
layers of column readers, and buffers everything again into blocks of up to 128 postings.
Given a `index.segments.GroupedPostings` (what our segment writer's pool hands it), the field
writer here writes each term's list in one go: field lengths are read into a table once per
field, and each block is built from array slices. What is written is the W3 format, read by
W3's reader; with ``small_block=0, pickle_protocol=2`` byte for byte what W3's own writer
produces for the same postings (tests/test_segments.py). By default small blocks are left
uncompressed and block data is pickled with a protocol that stores byte strings as they are.
Any other input (segment merges through Whoosh's pool) takes W3's own path. The private parts of
W3's writer used here are listed in `index.whoosh_contract`.

This class is pickled into every segment's metadata: keep it at this module path.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable
from hashlib import md5
from itertools import chain
from operator import sub
from pickle import dumps
from struct import Struct
from typing import NamedTuple

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.fields import Schema
from whoosh.filedb.filetables import OrderedHashWriter, md5_hash
from whoosh.system import pack_int, pack_ushort
from whoosh.util.numeric import length_to_byte

from xinwen.index.segments import GroupedPostings, TermBuffer
from xinwen.index.whoosh_contract import W3Codec, W3FieldWriter, W3TermInfo

# Pickled blocks shorter than this are not worth compressing (see XinwenCodec).
SMALL_BLOCK = 96
# The pickle protocol of block data (see XinwenCodec).
PICKLE_PROTOCOL = 3


class _BlockSettings(NamedTuple):
    """The codec's block settings, read once per segment rather than once per term."""

    blocklimit: int
    compression: int
    small_block: int
    protocol: int


def _mini_weights(weights: array) -> float | tuple[float, ...] | None:
    # W3's encoding: None when every weight is 1.0, one number when all are equal.
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else first
    return tuple(weights)


def _block_values(values: list[bytes | None], fixed: int | None) -> object:
    # W3's minified values: a tuple, nothing for a format without values, or fixed-size ones
    # back to back.
    if fixed is None or fixed < 0:
        return tuple(values)
    if fixed == 0:
        return None
    return b"".join(values)  # type: ignore[arg-type]


class _FieldWriter(W3FieldWriter):
    def add_postings(self, schema: Schema, lengths: object, items: Iterable) -> None:
        if not isinstance(items, GroupedPostings):
            super().add_postings(schema, lengths, items)
            return
        codec = self._codec
        settings = _BlockSettings(
            codec._blocklimit,  # type: ignore[attr-defined]
            codec._compression,  # type: ignore[attr-defined]
            getattr(codec, "small_block", 0),  # a codec unpickled from an older segment
            getattr(codec, "pickle_protocol", 2),
        )
        for fieldname in items.fieldnames():
            fieldobj = schema[fieldname]
            self.start_field(fieldname, fieldobj)
            # Each document's field length as W3 stores it in block and term infos (one byte,
            # `length_to_byte`); 0 for a document without the field. The encoding keeps order,
            # so the minimum of encoded lengths is the encoded minimum.
            table: list[int] | None = None
            if lengths and fieldobj.scorable:
                dfl = lengths.doc_field_length  # type: ignore[attr-defined]
                doccount = lengths.doc_count_all()  # type: ignore[attr-defined]
                table = [length_to_byte(dfl(d, fieldname, 0) or 0) for d in range(doccount)]
            fixed = fieldobj.format.fixed_value_size()
            prefix = pack_ushort(self._fieldid)
            postfile = self._postfile
            offset = postfile.tell()
            entries, chunk, size = [], [], 0
            for btext, buffer in items.terms(fieldname):
                block, stats = self._term_block(buffer, table, fixed, settings)
                chunk.append(block)
                size += len(block)
                entries.append((prefix + btext, stats + _EXTENT.pack(offset, len(block))))
                offset += len(block)
                if size >= _WRITE_CHUNK:
                    postfile.write(b"".join(chunk))
                    chunk, size = [], 0
            postfile.write(b"".join(chunk))
            _add_terms(self._tindex, entries)
            self.finish_field()

    def _term_block(
        self,
        buffer: TermBuffer,
        table: list[int] | None,
        fixed: int | None,
        settings: _BlockSettings,
    ) -> tuple[bytes, bytes]:
        """One term's postings as W3 writes them (header, then blocks), and the statistics
        part of its term info (`W3TermInfo.to_bytes` without the extent)."""
        blocklimit, compression, small_block, protocol = settings
        docnums, weights, values = buffer.docnums, buffer.weights, buffer.values
        count = len(docnums)
        # The term's statistics, gathered block by block as W3TermInfo.add_block does;
        # lengths are the encoded bytes of `table`.
        total_weight, max_weight, min_length, max_length = 0.0, 0.0, 0, 0
        parts = [WHOOSH3_HEADER_MAGIC]
        for first in range(0, count, blocklimit):
            last = first + blocklimit
            if count == 1:  # half of all terms: no slices, no sums
                ids, total = docnums, weights[0]
                block_max_weight = max(0.0, total)  # W3's maximum starts at 0
                mini: float | tuple[float, ...] | None = None if total == 1.0 else total
                block_min_length = block_max_length = table[ids[0]] if table else 0
                vs = _block_values(values, fixed)
                deltas: tuple[int, ...] = (ids[0],)
            else:
                whole = count <= blocklimit  # one block: no copies
                ids = docnums if whole else docnums[first:last]
                block_weights = weights if whole else weights[first:last]
                block_max_weight = max(0.0, max(block_weights))
                total = sum(block_weights)
                mini = _mini_weights(block_weights)
                known = [n for n in map(table.__getitem__, ids) if n] if table else None
                block_min_length = min(known) if known else 0
                block_max_length = max(known) if known else 0
                vs = _block_values(values if whole else values[first:last], fixed)
                deltas = tuple(map(sub, ids, chain((0,), ids)))
            total_weight += total
            max_weight = max(max_weight, block_max_weight)
            if block_min_length and (not min_length or block_min_length < min_length):
                min_length = block_min_length
            max_length = max(max_length, block_max_length)
            data = dumps((deltas, mini, vs), protocol)
            comp = 0
            if compression and len(data) >= small_block:
                packed = zlib.compress(data, compression)
                if not small_block or len(packed) < len(data):
                    data, comp = packed, compression
            info = dumps(
                (len(ids), ids[-1], block_max_weight, comp, block_min_length, block_max_length),
                2,
            )
            size = len(info) + len(data)
            parts += (pack_int(-size if last >= count else size), info, data)
        stats = _TERM_STATS.pack(
            False, total_weight, count, min_length, max_length, max_weight, docnums[0], docnums[-1]
        )
        return b"".join(parts), stats


# W3TermInfo.to_bytes of a term whose postings are not inlined: its statistics, then where its
# postings are in the postings file (offset, length).
_TERM_STATS = W3TermInfo._struct
_EXTENT = Struct("!qi")
# Posting blocks are gathered into writes of about this many bytes.
_WRITE_CHUNK = 1 << 20


def _add_terms(tindex: OrderedHashWriter, entries: list[tuple[bytes, bytes]]) -> None:
    """``tindex.add(key, value)`` for each entry (keys in order), with one write for them all.

    The same bytes and the same in-memory tables as Whoosh's ``OrderedHashWriter.add`` (whose
    four file calls, two ``tell``s and a hex round trip of the MD5 per term were a tenth of
    writing a segment); tests/test_segments.py compares the files byte for byte.
    """
    if not entries:
        return
    dbfile = tindex.dbfile
    pos = dbfile.tell()
    positions = tindex.index.append
    buckets = tindex.buckets
    hashfn = tindex.hashfn
    lastkey = tindex.lastkey
    chunks = []
    for key, value in entries:
        if key <= lastkey:
            raise ValueError(f"Keys must increase: {lastkey!r}..{key!r}")
        positions(pos)
        h = _md5_low32(key) if hashfn is md5_hash else hashfn(key)
        buckets[h & 255].append((h, pos))
        record = _LENGTHS.pack(len(key), len(value)) + key + value
        chunks.append(record)
        pos += len(record)
        lastkey = key
    dbfile.write(b"".join(chunks))
    tindex.lastkey = lastkey


_LENGTHS = Struct("!ii")  # filetables' record header: key and value lengths


def _md5_low32(key: bytes) -> int:
    # filetables.md5_hash: int(md5(key).hexdigest(), 16) & 0xFFFFFFFF, without the hex.
    return int.from_bytes(md5(key, usedforsecurity=False).digest()[12:], "big")


class XinwenCodec(W3Codec):
    """W3, with each term's postings written whole (see the module docstring).

    ``small_block``: blocks whose pickled data is shorter than this many bytes are written
    uncompressed, as are blocks that compression does not shrink (W3 compresses every block;
    most of ours hold a term that occurs in one or two documents, where zlib's header and
    checksum make the block longer and cost much of the write time: bench/results/code-notes.md,
    "Small blocks uncompressed"). W3's reader reads
    both kinds: each block records its compression. 0 compresses every block, as W3 does.

    ``pickle_protocol``: W3 pickles each block's data with protocol 2, where every byte string
    (a posting's positions) becomes a call to ``codecs.encode`` of a latin-1 text, about 50
    bytes more per posting, and as many calls again when the block is read. Protocol 3
    pickles byte strings as they are; W3's reader unpickles any protocol.
    ``XinwenCodec(small_block=0, pickle_protocol=2)`` writes exactly W3's bytes.
    """

    def __init__(
        self,
        *args: object,
        small_block: int = SMALL_BLOCK,
        pickle_protocol: int = PICKLE_PROTOCOL,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.small_block = small_block
        self.pickle_protocol = pickle_protocol

    def field_writer(self, storage: object, segment: object) -> W3FieldWriter:
        return _FieldWriter(self, storage, segment)
