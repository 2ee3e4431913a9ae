"""What the read side derives from a whole generation, saved beside it for the next process.

Opening a generation needs, for every document, its category, source and date (the facet
bitsets and date order), its field lengths (BM25's length normalisation) and its place in the
input (ties in ranking). Reading them through Whoosh's column readers, a document at a time,
was most of a cold start (bench/results/code-notes.md, "Read cache"). They depend
only on the generation, so the first process to open it writes them to ``xinwen-read.cache``
in the generation's folder, and every later process loads that file in milliseconds.

The cache never changes what a search returns and never breaks an index:

- it is only used when its key matches the generation as opened: the generation's folder
  name and metadata, Whoosh's TOC generation and every segment's id, size and deletions, the
  format version and the Python that wrote it; anything else (a stale file, such as the copy
  an incremental reindex hard-links into its new generation) is rebuilt;
- a checksum covers the contents: a truncated or damaged file is rebuilt;
- it is written to a temporary file and renamed into place, so a reader sees a whole file or
  none, and the file another generation shares by a hard link is never written through;
- a folder that cannot be written (read-only media, a full disk) just means no cache.
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import struct
import sys
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.reading import IndexReader

from xinwen.index import whoosh_io
from xinwen.index.columns import column_values
from xinwen.index.schema import published_dates
from xinwen.index.store import read_meta
from xinwen.search import spelling
from xinwen.search.facets import FacetIndex

log = logging.getLogger(__name__)

CACHE_FILE = "xinwen-read.cache"
# 2: the cluster column; 3: documents without a category or source are in the facet tables
# (未分类, 未知来源).
FORMAT = 3
_MAGIC = b"XWRC"
_HEADER = struct.Struct(">4sIQI")  # magic, format, payload length, CRC-32 of the payload
LENGTH_FIELDS = ("title", "body", "title_c", "body_c")


@dataclass
class GenerationData:
    """Per-generation structures of the read side."""

    facets: FacetIndex
    lengths: dict[str, array]  # field → each document's length ("i"; Whoosh's, 0 when none)
    field_lengths: dict[str, int]  # field → total length over the generation
    order: list[int]  # each document's place in the sources (the ``seq`` column)
    cluster: array  # each document's near-duplicate cluster ("q"; the ``cluster`` column)
    from_cache: bool = False


def generation_key(path: Path, meta: dict, reader: IndexReader) -> dict:
    """What identifies the generation's contents as opened (see the module docstring)."""
    segments = []
    for leaf, _offset in reader.leaf_readers():
        segment = leaf.segment()
        segments.append([segment.segment_id(), leaf.doc_count_all(), segment.deleted_count()])
    return {
        "format": FORMAT,
        "python": list(sys.version_info[:2]),
        "marshal": marshal.version,
        "generation": path.name,
        "built_at": str(meta.get("built_at")),
        "schema_version": meta.get("schema_version"),
        "toc": reader.generation(),
        "segments": segments,
        "doc_count_all": reader.doc_count_all(),
        "doc_count": reader.doc_count(),
    }


def build(reader: IndexReader) -> GenerationData:
    """Compute the structures from the index (what a missing or stale cache costs)."""
    size = reader.doc_count_all()
    cats = column_values(reader, "category")
    srcs = column_values(reader, "source")
    pubs = published_dates(reader)
    facets = FacetIndex.build(
        size, ((d, cats[d] or None, srcs[d] or None, pubs[d]) for d in reader.all_doc_ids())
    )
    length = reader.doc_field_length
    # A document without the field (a title-only record) may report None, not 0.
    lengths = {f: array("i", [length(d, f) or 0 for d in range(size)]) for f in LENGTH_FIELDS}
    field_lengths = {f: reader.field_length(f) for f in LENGTH_FIELDS}
    order = [int(v or 0) for v in column_values(reader, "seq")]
    cluster = array("q", [int(v or 0) for v in column_values(reader, "cluster")])
    return GenerationData(facets, lengths, field_lengths, order, cluster)


def _encode(key: dict, data: GenerationData) -> bytes:
    fi = data.facets
    payload = {
        "key": key,
        "size": fi.size,
        "live": fi.live,
        "categories": fi.categories,
        "sources": fi.sources,
        "years": fi.years,
        "months": fi.months,
        "dated_days": array("i", fi.dated_days).tobytes(),
        "dated_docs": array("i", fi.dated_docs).tobytes(),
        "age_rank": array("i", fi.age_rank).tobytes(),
        "lengths": {f: v.tobytes() for f, v in data.lengths.items()},
        "field_lengths": data.field_lengths,
        "order": array("q", data.order).tobytes(),
        "cluster": data.cluster.tobytes(),
    }
    body = marshal.dumps(payload)
    return _HEADER.pack(_MAGIC, FORMAT, len(body), zlib.crc32(body)) + body


def _ints(raw: bytes, typecode: str = "i") -> list[int]:
    values = array(typecode)
    values.frombytes(raw)
    return values.tolist()


def _decode(blob: bytes, key: dict) -> GenerationData | None:
    """The cached structures, or None when the file is not a whole cache of this generation."""
    if len(blob) < _HEADER.size:
        return None
    magic, fmt, length, crc = _HEADER.unpack_from(blob)
    body = blob[_HEADER.size :]
    if magic != _MAGIC or fmt != FORMAT or length != len(body) or zlib.crc32(body) != crc:
        return None
    payload = marshal.loads(body)
    if not isinstance(payload, dict) or payload.get("key") != key:
        return None
    facets = FacetIndex(
        size=payload["size"],
        live=payload["live"],
        categories=payload["categories"],
        sources=payload["sources"],
        years=payload["years"],
        months=payload["months"],
        dated_days=_ints(payload["dated_days"]),
        dated_docs=_ints(payload["dated_docs"]),
        age_rank=_ints(payload["age_rank"]),
    )
    lengths = {}
    for f, raw in payload["lengths"].items():
        lengths[f] = array("i")
        lengths[f].frombytes(raw)
    cluster = array("q")
    cluster.frombytes(payload["cluster"])
    return GenerationData(
        facets,
        lengths,
        payload["field_lengths"],
        _ints(payload["order"], "q"),
        cluster,
        from_cache=True,
    )


def load(path: Path, meta: dict, reader: IndexReader, write: bool = True) -> GenerationData:
    """The generation's structures: from its cache file when that is whole and current,
    otherwise computed from the index and (with ``write``) saved for the next process."""
    key = generation_key(path, meta, reader)
    target = path / CACHE_FILE
    try:
        blob = target.read_bytes()
    except OSError:
        blob = b""
    if blob:
        try:
            found = _decode(blob, key)
        except (ValueError, EOFError, TypeError, KeyError) as exc:  # a damaged file
            log.warning("ignoring a damaged read cache %s (%s)", target, exc)
            found = None
        if found is not None:
            return found
    data = build(reader)
    if write:
        save(target, key, data)
    return data


def prepare(path: Path) -> None:
    """Write what the read side keeps beside the generation in ``path``: the read cache and
    the pinyin table of "did you mean" (``search.spelling``). A reindex calls this before it
    switches ``current`` to the generation: servers that then open it load the files instead
    of each computing them while queries wait."""
    whoosh_io.install()
    ix = whoosh_index.open_dir(str(path))
    try:
        with ix.reader() as reader:
            meta = read_meta(path)
            load(path, meta, reader)
            spelling.load(path, generation_key(path, meta, reader), reader)
    finally:
        ix.close()


def save(target: Path, key: dict, data: GenerationData) -> bool:
    """Write the cache file atomically (a new file renamed over any old one); False when the
    folder cannot take it, which only costs the next process the time to rebuild."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{id(data):x}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(_encode(key, data))
        os.replace(tmp, target)
        return True
    except OSError as exc:
        log.info("read cache not written to %s (%s)", target, exc)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return False
