"""Every private part of Whoosh that xinwen relies on, in one place, and the version it fits.

xinwen reads and writes Whoosh's W3 format faster than Whoosh's public API allows by reaching
into classes of whoosh-reloaded 2.7.5 (pinned in pyproject.toml). Importing this module checks
that version and fails with `WhooshVersionError` otherwise; every module below imports it (the
Whoosh classes whose private parts they use come from here). ``CONTRACT`` names each private
attribute and method, with the signature relied on; tests/test_whoosh_contract.py checks each
one against the installed Whoosh and names the one that changed. To upgrade Whoosh: bump
``EXPECTED_VERSION``, run that test, and fix or drop each use it reports.

=================================  ====================  =====================================
Whoosh (2.7.5) private part        used by               why
=================================  ====================  =====================================
W3LeafMatcher._read_data()         search/postings.py    decode a whole posting block at once
W3LeafMatcher._data                search/postings.py    the decoded block: (id deltas, …)
W3LeafMatcher._read_weights()      search/postings.py    a block's weights in one call
W3LeafMatcher._weights             search/postings.py    tuple, or array("f") if all equal
W3LeafMatcher._read_values()       search/postings.py    a block's positions in one call
W3LeafMatcher._values              search/postings.py    the block's encoded values
W3LeafMatcher._next_block()        search/postings.py    go to the next block without decoding
W3LeafMatcher._maxid               search/postings.py    skip a block by its header alone
SegmentReader._terms               search/postings.py    the W3 terms reader, for its matcher
W3TermsReader.matcher(...)         search/postings.py    the leaf matcher itself, not wrapped
W3Codec._blocklimit                index/codec.py        block size, read once per segment
W3Codec._compression               index/codec.py        zlib level, read once per segment
W3Codec.field_writer(...)          index/codec.py        overridden: our field writer
W3FieldWriter.__init__(...)        index/codec.py        constructed by field_writer
W3FieldWriter.add_postings(...)    index/codec.py        overridden: a term's list written whole
W3FieldWriter.start_field(...),    index/codec.py        called around each field's terms
  .finish_field()
W3FieldWriter._codec               index/codec.py        the codec's block settings
W3FieldWriter._fieldid             index/codec.py        the key prefix of a field's terms
W3FieldWriter._postfile            index/codec.py        where whole posting lists are written
W3FieldWriter._tindex              index/codec.py        the terms table, filled in one write
W3TermInfo._struct                 index/codec.py        a term info's statistics, packed
OrderedHashWriter.dbfile/index/    index/codec.py        `_add_terms` does `add` for many keys
  buckets/hashfn/lastkey                                   with one write
SegmentWriter.add_document(...)    index/segments.py     forked: postings go to GroupingPool
SegmentWriter._check_state()       index/segments.py     as Whoosh's add_document does
SegmentWriter._check_fields(...)   index/segments.py     as Whoosh's add_document does
SegmentWriter.perdocwriter         index/segments.py     stored fields, lengths, columns
SegmentWriter.pool                 index/segments.py     replaced by GroupingPool
SegmentWriter.docnum, ._added      index/segments.py     as Whoosh's add_document does
W3PerDocWriter.cancel_doc()        index/segments.py     a document whose analysis failed
PostingPool.add(item),             index/segments.py     what SegmentWriter and MpWriter call
  .iter_postings(), .save(),                               on a pool: GroupingPool has each
  .cleanup(), .fieldnames
SegmentWriter._finalize_segment()  index/parallel.py     a sub-writer finishes many segments
SubWriterTask._process_file(...)   index/parallel.py     reads ``self.writer``, which we set
SubWriterTask.jobqueue/            index/parallel.py     our run() loop replaces Whoosh's
  resultqueue/kwargs/storage/
  indexname
MpWriter._new_task()               index/parallel.py     overridden: our sub-writer task
MpWriter._commit_toc(segments)     index/parallel.py     overridden: fails on a dead worker
MpWriter._finish()                 index/parallel.py     release the lock on a failed commit
MpWriter._enqueue()                index/parallel.py     overridden: every sub-writer started
                                                           before the first batch is queued
MpWriter.jobqueue/resultqueue/     index/parallel.py     the queues and tasks of our workers
  subargs/multisegment/tasks/procs
FileIndex._segments()              index/builder.py      count segments (merge decisions)
CompositeAnalyzer.items,           index/analysis.py     recognise our analyzer to run its
  StopFilter.renumber/min/max/                             plan without Whoosh's filter chain
  stops
BufferFile.__init__(buf, name,     index/whoosh_io.py    wrapped: read a compound file's
  onclose)                                               memory map in place, no copy
BufferFile._buf, .file             index/whoosh_io.py    the buffer and the file over it
=================================  ====================  =====================================
"""

from __future__ import annotations

from dataclasses import dataclass

import whoosh
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3LeafMatcher, W3TermInfo
from whoosh.filedb.structfile import BufferFile
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import SegmentWriter

__all__ = [
    "CONTRACT",
    "EXPECTED_VERSION",
    "BufferFile",
    "MpWriter",
    "SegmentWriter",
    "SubWriterTask",
    "W3Codec",
    "W3FieldWriter",
    "W3LeafMatcher",
    "W3TermInfo",
    "WhooshVersionError",
    "check_version",
]

EXPECTED_VERSION = (2, 7, 5)


class WhooshVersionError(ImportError):
    """The installed Whoosh is not the version whose private parts xinwen relies on."""


def check_version(found: tuple[int, ...] | None = None) -> None:
    """Raise `WhooshVersionError` unless Whoosh is ``EXPECTED_VERSION`` (default: installed)."""
    found = tuple(whoosh.__version__) if found is None else tuple(found)
    if found[:3] != EXPECTED_VERSION:
        expected = ".".join(map(str, EXPECTED_VERSION))
        raise WhooshVersionError(
            f"xinwen needs whoosh-reloaded {expected}, found {'.'.join(map(str, found))}: "
            f"it relies on private parts of Whoosh {expected} (listed in "
            f"index/whoosh_contract.py); install whoosh-reloaded=={expected}"
        )


check_version()


@dataclass(frozen=True, slots=True)
class Private:
    """One private part of a Whoosh class that xinwen relies on.

    ``signature``: the method's ``inspect.signature`` as text, or None for an attribute.
    ``instance``: an attribute set on each object (in ``__init__`` or by a call named in
    ``why``), so it is checked on a live object rather than on the class.
    """

    owner: str  # module.Class
    name: str
    signature: str | None
    instance: bool
    users: str
    why: str

    @property
    def label(self) -> str:
        """``Class.name``, as an error message names it."""
        return f"{self.owner.rsplit('.', 1)[1]}.{self.name}"


_W3 = "whoosh.codec.whoosh3"
_MATCHER, _FIELDS, _CODEC = f"{_W3}.W3LeafMatcher", f"{_W3}.W3FieldWriter", f"{_W3}.W3Codec"
_SEGW, _MP, _TASK = (
    "whoosh.writing.SegmentWriter",
    "whoosh.multiproc.MpWriter",
    "whoosh.multiproc.SubWriterTask",
)
_POOL = "whoosh.writing.PostingPool"
_STOP = "whoosh.analysis.filters.StopFilter"
_HASH = "whoosh.filedb.filetables.OrderedHashWriter"
_BUF = "whoosh.filedb.structfile.BufferFile"
_POSTINGS, _CODEC_PY, _SEGMENTS, _PARALLEL = (
    "search/postings.py",
    "index/codec.py",
    "index/segments.py",
    "index/parallel.py",
)


def _method(owner: str, name: str, signature: str, users: str, why: str) -> Private:
    return Private(owner, name, signature, False, users, why)


def _attr(owner: str, name: str, users: str, why: str) -> Private:
    return Private(owner, name, None, True, users, why)


CONTRACT: tuple[Private, ...] = (
    # search/postings.py: whole posting blocks decoded at once (see its docstring).
    _method(_MATCHER, "_read_data", "(self)", _POSTINGS, "decode a whole block"),
    _attr(_MATCHER, "_data", _POSTINGS, "the decoded block (after _read_data)"),
    _method(_MATCHER, "_read_weights", "(self)", _POSTINGS, "a block's weights"),
    _attr(_MATCHER, "_weights", _POSTINGS, "tuple, or array('f') if all equal"),
    _method(_MATCHER, "_read_values", "(self)", _POSTINGS, "a block's values"),
    _attr(_MATCHER, "_values", _POSTINGS, "the block's encoded values"),
    _method(_MATCHER, "_next_block", "(self)", _POSTINGS, "next block, undecoded"),
    _attr(_MATCHER, "_maxid", _POSTINGS, "skip a block by its header"),
    _attr("whoosh.reading.SegmentReader", "_terms", _POSTINGS, "the W3 terms reader"),
    _method(
        f"{_W3}.W3TermsReader",
        "matcher",
        "(self, fieldname, tbytes, format_, scorer=None)",
        _POSTINGS,
        "the leaf matcher, unwrapped",
    ),
    # index/codec.py: each term's postings written whole.
    _attr(_CODEC, "_blocklimit", _CODEC_PY, "block size"),
    _attr(_CODEC, "_compression", _CODEC_PY, "zlib level"),
    _method(_CODEC, "field_writer", "(self, storage, segment)", _CODEC_PY, "overridden"),
    _method(_FIELDS, "__init__", "(self, codec, storage, segment)", _CODEC_PY, "constructed"),
    _method(_FIELDS, "add_postings", "(self, schema, lengths, items)", _CODEC_PY, "overridden"),
    _method(_FIELDS, "start_field", "(self, fieldname, fieldobj)", _CODEC_PY, "per field"),
    _method(_FIELDS, "finish_field", "(self)", _CODEC_PY, "per field"),
    _attr(_FIELDS, "_codec", _CODEC_PY, "block settings"),
    _attr(_FIELDS, "_fieldid", _CODEC_PY, "key prefix (after start_field)"),
    _attr(_FIELDS, "_postfile", _CODEC_PY, "postings file"),
    _attr(_FIELDS, "_tindex", _CODEC_PY, "terms table"),
    _attr(f"{_W3}.W3TermInfo", "_struct", _CODEC_PY, "packed statistics (a class attribute)"),
    _attr(_HASH, "dbfile", _CODEC_PY, "_add_terms writes to it"),
    _attr(_HASH, "index", _CODEC_PY, "_add_terms: record positions"),
    _attr(_HASH, "buckets", _CODEC_PY, "_add_terms: hash buckets"),
    _attr(_HASH, "hashfn", _CODEC_PY, "_add_terms: md5_hash"),
    _attr(_HASH, "lastkey", _CODEC_PY, "_add_terms: key order"),
    # index/segments.py: SegmentWriter.add_document forked.
    _method(_SEGW, "add_document", "(self, **fields)", _SEGMENTS, "forked"),
    _method(_SEGW, "_check_state", "(self)", _SEGMENTS, "as add_document"),
    _method(_SEGW, "_check_fields", "(self, schema, fieldnames)", _SEGMENTS, "as add_document"),
    _attr(_SEGW, "perdocwriter", _SEGMENTS, "stored fields, lengths, columns"),
    _attr(_SEGW, "pool", _SEGMENTS, "replaced by GroupingPool"),
    _attr(_SEGW, "docnum", _SEGMENTS, "as add_document"),
    _attr(_SEGW, "_added", _SEGMENTS, "as add_document"),
    _method(f"{_W3}.W3PerDocWriter", "cancel_doc", "(self)", _SEGMENTS, "a document that failed"),
    # index/segments.py: GroupingPool stands in for Whoosh's pool.
    _method(_POOL, "add", "(self, item)", _SEGMENTS, "called per posting"),
    _method(_POOL, "iter_postings", "(self)", _SEGMENTS, "handed to the field writer"),
    _method(_POOL, "save", "(self)", _SEGMENTS, "called by sub-writers"),
    _method(_POOL, "cleanup", "(self)", _SEGMENTS, "called on close"),
    _attr(_POOL, "fieldnames", _SEGMENTS, "read by sub-writers"),
    # index/parallel.py: MpWriter made safe to kill.
    _method(_SEGW, "_finalize_segment", "(self)", _PARALLEL, "many segments per worker"),
    _method(_TASK, "_process_file", "(self, filename, doc_count)", _PARALLEL, "reads .writer"),
    _attr(_TASK, "jobqueue", _PARALLEL, "our run() loop"),
    _attr(_TASK, "resultqueue", _PARALLEL, "our run() loop"),
    _attr(_TASK, "kwargs", _PARALLEL, "our run() loop"),
    _attr(_TASK, "storage", _PARALLEL, "our run() loop"),
    _attr(_TASK, "indexname", _PARALLEL, "our run() loop"),
    _method(_MP, "_new_task", "(self)", _PARALLEL, "overridden"),
    _method(_MP, "_commit_toc", "(self, segments)", _PARALLEL, "overridden"),
    _method(_MP, "_finish", "(self)", _PARALLEL, "failed commit"),
    _attr(_MP, "jobqueue", _PARALLEL, "wrapped by _JobQueue"),
    _attr(_MP, "resultqueue", _PARALLEL, "handed to tasks"),
    _attr(_MP, "subargs", _PARALLEL, "handed to tasks"),
    _attr(_MP, "multisegment", _PARALLEL, "must be True"),
    _attr(_MP, "tasks", _PARALLEL, "terminated on cancel"),
    _attr(_MP, "procs", _PARALLEL, "how many sub-writers to start"),
    _method(_MP, "_enqueue", "(self)", _PARALLEL, "overridden: start every task first"),
    # index/builder.py
    _method("whoosh.index.FileIndex", "_segments", "(self)", "index/builder.py", "count"),
    # index/analysis.py: our analyzer recognised by its parts (`_word_plan`).
    _attr("whoosh.analysis.analyzers.CompositeAnalyzer", "items", "index/analysis.py", "parts"),
    _attr(_STOP, "renumber", "index/analysis.py", "no renumbering"),
    _attr(_STOP, "min", "index/analysis.py", "minimum word length"),
    _attr(_STOP, "max", "index/analysis.py", "no maximum"),
    _attr(_STOP, "stops", "index/analysis.py", "the stop words"),
    # index/whoosh_io.py: BufferFile reads its buffer in place.
    _method(
        _BUF, "__init__", "(self, buf, name=None, onclose=None)", "index/whoosh_io.py", "wrapped"
    ),
    _attr(_BUF, "_buf", "index/whoosh_io.py", "set again to the view"),
    _attr(_BUF, "file", "index/whoosh_io.py", "replaced by a ViewFile"),
)
