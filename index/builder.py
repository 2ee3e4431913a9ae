"""Building and updating the index: ``reindex`` is the core of ``xinwen reindex``.

A full rebuild writes a new generation and switches to it; an incremental run clones the served
generation (hard links), adds new records, rewrites changed ones (by content hash), optionally
prunes missing ones, and switches. Either way the served index is never written to, so a failed
or killed run leaves it serving (see ``index.store``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from whoosh import index as whoosh_index
from whoosh.codec.base import Segment
from whoosh.reading import IndexReader, SegmentReader
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter, SegmentWriter

from xinwen.index import settings, whoosh_io
from xinwen.index.analysis import (
    configure_jieba,
    energy_words,
    ensure_words,
    read_userdict,
    warm_segmenter,
)
from xinwen.index.codec import XinwenCodec
from xinwen.index.columns import column_values
from xinwen.index.parallel import ParallelWriter, WorkerError
from xinwen.index.priority import Priority
from xinwen.index.progress import Progress, estimate_records
from xinwen.index.records import Record, Skip
from xinwen.index.report import ReindexReport
from xinwen.index.schema import SCHEMA_VERSION, build_schema
from xinwen.index.segments import GroupingPool, XinwenSegmentWriter
from xinwen.index.sources import FieldMap, page_id_root, read_sources
from xinwen.index.store import Generation, IndexStore, fault_point

if TYPE_CHECKING:
    from xinwen.index.clusters import Clusters

log = logging.getLogger(__name__)

# Whoosh's per-writer buffer before it spills a sorted run to disk.
WRITER_LIMIT_MB = 256
# A full build's postings per segment writer (`XinwenSegmentWriter.full`): each worker starts a
# new segment past this, so a worker peaks at its own memory (jieba, Python) + this
# (bench/results/code-notes.md, "Build worker memory").
BUILD_LIMIT_MB = 400

# Incremental runs merge segments in tiers (`_merge_policy`): this many of similar size are
# merged at once, never more than MERGE_CAP_SHARE of the index (or MERGE_CAP_DOCS) in one run.
MERGE_FACTOR = 8
MERGE_CAP_SHARE = 0.02
MERGE_CAP_DOCS = 500
# Past this many segments an incremental run suggests a full reindex: queries slow down with
# the segments (bench/results/code-notes.md, "Whoosh merges"; bench/results/incremental.md).
SEGMENTS_WARNING = 12
# Changed records go to an incremental run's sub-writer in batches of this many.
UPDATE_BATCH = 25


class ReindexError(Exception):
    """A reindex that could not finish; the message says which index is served."""


class StrictModeError(ReindexError):
    """``--strict``: a malformed record stopped the run."""


class ReindexInterrupted(KeyboardInterrupt):
    """Interrupted after the switch: unlike any earlier interrupt, the new index is served."""


@dataclass
class ReindexOptions:
    """What ``xinwen reindex`` was asked to do."""

    sources: list[Path]
    root: Path
    incremental: bool = False
    prune: bool = False
    workers: int = 1
    # The worker processes' priority (`index.priority`; the CLI lowers its own, which they
    # inherit, and passes 0 here).
    nice: Priority = settings.NICE.default
    strict: bool = False
    field_map: dict[str, str] = field(default_factory=dict)
    userdict: Path | None = None
    boilerplate: Path | None = None
    # Where pages and text files take a category from (`index.sources.categories`).
    category_from: str = "auto"
    progress: bool = True
    # Called with the new generation's folder just before it is switched in (`IndexStore.publish`).
    prepare: Callable[[Path], None] | None = None


def _writer(ix: whoosh_index.Index) -> IndexWriter:
    """A single-process writer with our codec."""
    return ix.writer(limitmb=WRITER_LIMIT_MB, codec=XinwenCodec())


def to_document(record: Record, seq: int, cluster: int) -> dict:
    """The Whoosh fields of one record."""
    doc: dict = {
        "id": record.id,
        "title": record.title,
        "body": record.body,
        "title_c": record.title,
        "body_c": record.body,
        "hash": record.content_hash,
        "seq": seq,
        "cluster": cluster,
    }
    if record.category:
        doc["category"] = record.category
    if record.source:
        doc["source"] = record.source
    if record.published:
        doc["published"] = dt.datetime.combine(record.published, dt.time())
    if record.url:
        doc["url"] = record.url
    return doc


def reindex(options: ReindexOptions) -> ReindexReport:
    """Index ``options.sources`` into ``options.root`` and switch to the result atomically.

    A write error (a full disk, a failed indexing worker) raises `ReindexError` saying what
    failed; the served index is left as it was. Past the switch (`IndexStore.switched`) the
    new index is served, and a failure, or an interrupt (`ReindexInterrupted`), says so.
    """
    store = IndexStore(options.root)
    try:
        return _reindex(store, options)
    except (OSError, WorkerError) as exc:
        raise ReindexError(_write_failure(exc, options.root, store.switched)) from exc
    except KeyboardInterrupt:
        if store.switched is None:
            raise
        raise ReindexInterrupted(f"the new index {store.switched.name} is served") from None


def _userwords(path: Path) -> tuple:
    """The ``--userdict`` file's words; one that cannot be read stops the reindex in one line
    naming the file and the flag (a bare "'utf-8' codec can't decode byte 0xb1" named neither)."""
    try:
        return read_userdict(path)
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        raise ReindexError(
            f"--userdict {path} is not UTF-8 (byte 0x{exc.object[exc.start]:02x} on line {line}):"
            " a dictionary must be UTF-8 text; the served index is unchanged"
        ) from None
    except OSError as exc:
        raise ReindexError(
            f"--userdict {path}: {exc.strerror or exc}; the served index is unchanged"
        ) from None


def _write_failure(exc: OSError | WorkerError, root: Path, switched: Generation | None) -> str:
    what = str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        what = f"{exc.strerror}{where}"
    if switched is not None:  # failed after `current` was replaced: the new index is served
        return f"the new index {switched.name} is served, but the reindex then failed ({what})"
    hint = ""
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "No space left" in what:
        hint = f"; free some space on the disk of {root} and run it again"
    elif (isinstance(exc, OSError) and exc.errno == errno.EFBIG) or "File too large" in what:
        hint = "; a file of the index outgrew the file size limit (see `ulimit -f`)"
    return f"the reindex failed ({what}): the served index is unchanged{hint}"


def _reindex(store: IndexStore, options: ReindexOptions) -> ReindexReport:
    whoosh_io.install()
    report = ReindexReport(mode="incremental" if options.incremental else "full")
    started = time.monotonic()
    with store.writer_lock():
        for stale in store.remove_partials():
            log.warning("removed %s left by an interrupted reindex", stale.name)
        configure_jieba(store.jieba_dir)
        userwords = _userwords(options.userdict) if options.userdict else ()
        # Load the dictionaries before worker processes fork, so each inherits them.
        ensure_words(energy_words())
        ensure_words(userwords)
        warm_segmenter()
        incremental = options.incremental and store.current_path() is not None
        if options.incremental and not incremental:
            log.warning("no index to update yet: building it in full")
            report.mode = "full"
        if incremental:
            _check_page_ids(store.current().meta, options.sources)
        partial = store.clone_current() if incremental else store.new_partial()
        try:
            records = read_records(options, report)
            if incremental:
                ix = whoosh_index.open_dir(str(partial))
                clusters = _update(ix, records, report, prune=options.prune, nice=options.nice)
            else:
                from xinwen.index.clusters import Clusters  # numpy: loaded for a reindex only

                ix = whoosh_index.create_in(str(partial), build_schema(userwords))
                clusters = Clusters()
                _build(ix, records, report, options.workers, options.nice, clusters)
            if clusters is not None:
                with ix.reader() as reader:
                    clusters.reseed(reader)  # clusters whose seed was deleted
                clusters.save(partial)
            report.documents = ix.doc_count()
            ix.close()
            if not incremental and report.documents != report.indexed:
                # Every record read must be in the new index: never publish one that lost some.
                raise ReindexError(
                    f"the new index holds {report.documents:,} documents, not the "
                    f"{report.indexed:,} indexed: the served index is unchanged"
                )
            if report.indexed + report.unchanged == 0:
                raise ReindexError(
                    report.nothing_indexed(options.sources, "the served index is unchanged")
                )
            if incremental and report.indexed == 0 and report.deleted == 0:
                shutil.rmtree(partial, ignore_errors=True)
                report.generation = store.current().name
            else:
                report.seconds = time.monotonic() - started
                gen = store.publish(partial, _meta(options, report, userwords), options.prepare)
                report.generation = gen.name
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
    report.seconds = time.monotonic() - started
    return report


def read_records(options: ReindexOptions, report: ReindexReport) -> Iterator[Record]:
    """Records from the sources; skips are counted (or stop the run with ``--strict``).

    Shared by every backend's reindex: the same cleaning, progress bar and record account.
    """
    # Counting the records means reading the sources once more (bench/results/code-notes.md,
    # "Counting the records"): only for the progress display.
    total = estimate_records(options.sources) if options.progress else None
    progress = Progress(total, enabled=options.progress)
    # (by id: of several records with one id the last is indexed, and only its category counts)
    unfiled: set[str] = set()
    fields = FieldMap(options.field_map or None)
    try:
        for item in read_sources(
            options.sources,
            field_map=fields,
            boilerplate=options.boilerplate,
            category_from=options.category_from,
        ):
            report.read += 1
            progress.update()
            if report.read == 1:
                fault_point("reading")
            if isinstance(item, Skip):
                if options.strict:
                    raise StrictModeError(f"--strict: {item}")
                report.add_skip(item)
                continue
            report.characters += len(item.title) + len(item.body)
            if item.category is None:
                unfiled.add(item.id)
            else:
                unfiled.discard(item.id)
            report.uncategorised = len(unfiled)
            if item.unread_date is not None:
                report.note_unread_date(item.origin, item.unread_date)
            if item.cut_from is not None:
                report.note_cut_body(item.origin, item.cut_from)
            yield item
        if problem := fields.unmatched_problem():
            raise ReindexError(f"{problem}: the index is unchanged")
    finally:
        progress.close()


def _note_duplicate(report: ReindexReport, record: Record, first: object) -> None:
    # Both places are named: the person fixing the export needs the one that lost as well.
    report.duplicates += 1
    if len(report.duplicate_examples) < 3:
        report.duplicate_examples.append(f"{record.id} at {record.origin} (first at {first})")
    log.warning(
        "duplicate id %s at %s (first at %s): the last one wins", record.id, record.origin, first
    )


def _build(
    ix: whoosh_index.Index,
    records: Iterable[Record],
    report: ReindexReport,
    workers: int,
    nice: Priority,
    clusters: Clusters,
):
    """Write every record into an empty index; the last of several records with one id wins."""
    writer: IndexWriter
    if workers > 1:
        options = {"limitmb": BUILD_LIMIT_MB, "codec": XinwenCodec()}
        writer = ParallelWriter(
            ix,
            procs=workers,
            multisegment=True,
            subargs=dict(options),
            niceness=nice,
            **options,
        )
    else:
        writer = XinwenSegmentWriter(ix, limitmb=BUILD_LIMIT_MB, codec=XinwenCodec())
    seen: dict[str, object] = {}  # id -> where its first record was read
    repeated: set[str] = set()
    try:
        for seq, (record, cluster) in enumerate(clusters.assign_all(records)):
            if record.id in seen:
                repeated.add(record.id)
                _note_duplicate(report, record, seen[record.id])
            else:
                seen[record.id] = record.origin
                report.indexed += 1
            writer.add_document(**to_document(record, seq, cluster))
            if isinstance(writer, XinwenSegmentWriter) and writer.full():
                writer.commit(merge=False)  # this segment is done: bounded memory
                writer = XinwenSegmentWriter(ix, limitmb=BUILD_LIMIT_MB, codec=XinwenCodec())
        fault_point("writing")
        writer.commit()
    except BaseException:
        with contextlib.suppress(Exception):  # the first error is the one to report
            writer.cancel()
        raise
    if repeated:
        _drop_superseded(ix, repeated)


def _drop_superseded(ix: whoosh_index.Index, ids: set[str]) -> None:
    """Delete all but the latest (highest ``seq``) document of each repeated id."""
    with ix.searcher() as searcher:
        seqs = column_values(searcher.reader(), "seq")
        doomed = []
        for id_ in ids:
            docnums = list(searcher.document_numbers(id=id_))
            latest = max(docnums, key=lambda d: seqs[d])
            doomed += [d for d in docnums if d != latest]
    writer = _writer(ix)
    for docnum in doomed:
        writer.delete_document(docnum)
    writer.commit(merge=False)  # deletions only: never rewrite the segments just written


@dataclass
class _Indexed:
    """What an index holds before an incremental run, read from its columns."""

    hashes: dict[str, str | None]  # id -> content hash (None: the id has several documents)
    docnums: dict[str, list[int]]  # id -> its live documents
    clusters: dict[str, int]  # id -> its (last) document's near-duplicate cluster


def _indexed(reader: IndexReader) -> _Indexed:
    """Each live document's id and hash, segment by segment.

    Whole columns are read per segment: looking values up one document at a time through the
    multi-segment reader is several times slower (bench/results/code-notes.md, "Columns per
    segment").
    """
    hashes: dict[str, str | None] = {}
    docnums: dict[str, list[int]] = {}
    clusters: dict[str, int] = {}
    for leaf, offset in reader.leaf_readers():
        ids = list(leaf.column_reader("id"))
        digests = list(leaf.column_reader("hash"))
        cluster = list(leaf.column_reader("cluster"))
        live = leaf.all_doc_ids() if leaf.has_deletions() else range(len(ids))
        for docnum in live:
            id_ = ids[docnum]
            clusters[id_] = cluster[docnum]
            where = docnums.get(id_)
            if where is None:
                docnums[id_] = [offset + docnum]
                hashes[id_] = digests[docnum]
            else:  # never written by xinwen; rewriting the record leaves one document
                where.append(offset + docnum)
                hashes[id_] = None
    return _Indexed(hashes, docnums, clusters)


def _update(
    ix: whoosh_index.Index,
    records: Iterable[Record],
    report: ReindexReport,
    prune: bool,
    nice: Priority,
) -> Clusters | None:
    """Add new records, rewrite changed ones, optionally delete ones the sources no longer have.

    Streams: a changed or new record goes to the writer as soon as it is read (a sub-writer
    process analyses it while this one reads on), and its old documents are deleted by
    document number. A rewritten document's ``seq`` is its record's place in the sources, as
    in a full build (the read side breaks ranking ties by it), so of an id seen several times
    the last record wins (`_drop_superseded`). Committed with `_merge_policy`: big segments
    are never rewritten.

    New and changed records join the saved near-duplicate clusters (`index.clusters`); the
    returned clusters still need `Clusters.reseed` for seeds deleted in the run.
    """
    # The index as it was before the run: the clusters' seeds are read back from it (a seed
    # deleted in this run still stands for its cluster until the run ends).
    before = ix.searcher()
    try:
        return _update_with(ix, before, records, report, prune, nice)
    finally:
        before.close()


def _update_with(
    ix: whoosh_index.Index,
    before: Searcher,
    records: Iterable[Record],
    report: ReindexReport,
    prune: bool,
    nice: Priority,
) -> Clusters | None:
    from xinwen.index.clusters import Clusters

    indexed = _indexed(before.reader())

    def seed_text(id_: str) -> tuple[str, str] | None:
        docnum = before.document_number(id=id_)
        if docnum is None:
            return None
        fields = before.stored_fields(docnum)
        return fields.get("title", ""), fields.get("body", "")

    clusters = Clusters.load(Path(ix.storage.folder), seed_text)
    if clusters is None:
        log.warning("rebuilding the near-duplicate clusters' seeds from the index")
        clusters = Clusters.rebuild(before.reader(), seed_text)
    written: dict[str, bool] = {}  # id -> rewritten in this run (True) or unchanged (False)
    first_at: dict[str, object] = {}  # id -> where its first record in this run was read
    last_hash: dict[str, str] = {}  # id -> the content hash of its last record written
    repeated: set[str] = set()
    writer = _UpdateWriter(ix, nice)
    try:
        for seq, record in enumerate(records):
            id_ = record.id
            prior = written.get(id_)
            if prior is None:
                first_at[id_] = record.origin
            else:
                _note_duplicate(report, record, first_at[id_])
                if prior:
                    report.indexed -= 1
                    repeated.add(id_)
                else:
                    report.unchanged -= 1
            if not prior and indexed.hashes.get(id_) == record.content_hash:
                written[id_] = False
                report.unchanged += 1
                continue
            if not prior:  # the first rewrite of this id: its old documents go
                for docnum in indexed.docnums.get(id_, ()):
                    writer.delete_document(docnum)
                if id_ in indexed.clusters:
                    clusters.removed(id_, indexed.clusters[id_])
            writer.add_document(**to_document(record, seq, clusters.assign(record)))
            written[id_] = True
            last_hash[id_] = record.content_hash
            report.indexed += 1
        for id_ in repeated:
            # One id in two places, the last the one indexed: its first record was written
            # only to be replaced again, so nothing changed (every run wrote a generation).
            if indexed.hashes.get(id_) == last_hash[id_]:
                report.indexed -= 1
                report.unchanged += 1
        if prune and report.incomplete_files:
            # A file not read in full has ids never "seen": never take that for a deletion.
            report.prune_withheld, prune = True, False
            log.warning(
                "--prune withheld: %d source file(s) could not be read in full (see the summary)",
                len(report.incomplete_files),
            )
        gone = [id_ for id_ in indexed.docnums if id_ not in written] if prune else []
        for id_ in gone:
            for docnum in indexed.docnums[id_]:
                writer.delete_document(docnum)
            clusters.removed(id_, indexed.clusters[id_])
        report.deleted = len(gone)
        if report.indexed == 0 and not gone:
            writer.cancel()
            return None
        fault_point("writing")
        writer.commit(mergetype=_merge_policy)
    except BaseException:
        with contextlib.suppress(Exception):  # the first error is the one to report
            writer.cancel()
        raise
    if repeated:
        _drop_superseded(ix, repeated)
    segments = len(ix._segments())
    if segments > SEGMENTS_WARNING:
        log.warning(
            "the index has %d segments (incremental runs add one each and merge only small "
            "ones), which slows searches down: a full reindex writes it anew",
            segments,
        )
    return clusters


class _UpdateWriter(ParallelWriter):
    """The writer of an incremental run: one sub-writer process analyses the changed records
    and writes them as a new segment while this process reads and hashes the sources on.

    Deletions, and the merges of `_merge_policy`, happen in this process; merged documents
    go through the full build's grouping pool (as in ``XinwenSegmentWriter``) into a segment
    of their own.
    """

    def __init__(self, ix: whoosh_index.Index, nice: Priority) -> None:
        options = {"limitmb": WRITER_LIMIT_MB, "codec": XinwenCodec()}
        super().__init__(
            ix,
            procs=1,
            niceness=nice,
            batchsize=UPDATE_BATCH,
            multisegment=True,
            subargs=dict(options),
            **options,
        )
        self.pool = GroupingPool()


def _tier(docs: int) -> int:
    """A segment's size tier: ``floor(log(docs, MERGE_FACTOR))``."""
    tier = 0
    while docs >= MERGE_FACTOR:
        docs //= MERGE_FACTOR
        tier += 1
    return tier


def _merge_policy(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
    """Whoosh merge policy for incremental runs: drop emptied segments, merge only small ones.

    Whoosh's default (``MERGE_SMALL``) can fold the big segments of a full build into a merge,
    and a Whoosh merge costs about as much per document as indexing it anew (it reads the
    postings back one by one; bench/results/code-notes.md, "Whoosh merges"): minutes for a big
    segment. Here, once ``MERGE_FACTOR`` segments share a size tier (sizes within a factor of
    ``MERGE_FACTOR``), the smallest ``MERGE_FACTOR`` of them are merged into one new segment,
    provided they hold at most `_merge_cap` documents together; one merge per run. Segments
    that could only be merged past the cap are never merged again: a run's cost stays bounded,
    and once runs write more than cap / ``MERGE_FACTOR`` documents each, the segment count
    grows by one per run until a full reindex.
    """
    live = [s for s in segments if s.doc_count() > 0]
    cap = _merge_cap(sum(s.doc_count() for s in live))
    tiers: dict[int, list[Segment]] = {}
    for segment in sorted(live, key=lambda s: s.doc_count()):
        tiers.setdefault(_tier(segment.doc_count()), []).append(segment)
    for tier in sorted(tiers):
        group = tiers[tier][:MERGE_FACTOR]
        if len(group) == MERGE_FACTOR and sum(s.doc_count() for s in group) <= cap:
            for segment in group:
                reader = SegmentReader(writer.storage, writer.schema, segment)
                writer.add_reader(reader)
                reader.close()
            return [s for s in live if all(s is not g for g in group)]
    return live


def _merge_cap(documents: int) -> int:
    """The most documents one incremental run may merge: a small share of the index."""
    return max(MERGE_CAP_DOCS, int(documents * MERGE_CAP_SHARE))


def _check_page_ids(meta: dict, sources: Sequence[Path]) -> None:
    """Stop an incremental run whose page ids would not be the served index's: they are
    relative to the sources' common folder, which a folder of pages named beside the others
    (or no longer named) moves. Every page would come back as a new article under a new id, the
    old ones kept: the index twice over (or, with --prune, every article link changed)."""
    before = meta.get("page_id_root")
    now = page_id_root([str(p) for p in sources])
    if before and now and before != now:
        raise ReindexError(
            f"the page ids would change: they are relative to {before}, and these sources "
            f"make them relative to {now} (a folder of pages added or left out). Name the "
            f"same folders as before (a new one can go inside {before}), or run a full "
            "reindex, which gives every page its new id (links to articles change)"
        )


def _meta(options: ReindexOptions, report: ReindexReport, userwords: tuple) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "mode": report.mode,
        "sources": [str(p) for p in options.sources],
        # (page ids are relative to it: an incremental run checks it is the same)
        "page_id_root": page_id_root([str(p) for p in options.sources]),
        "userwords": len(userwords),
        "report": report.to_dict(),
    }
