"""``xinwen reindex --backend typesense``: the sources into a Typesense collection.

A full reindex reads and cleans the records exactly as the embedded one does
(``index.builder.read_records``: same progress bar, same record account), analyses them here
(``search.typesense.documents``) and imports them in batches into a **new** collection named
``ALIAS-sSCHEMA-TIMESTAMP``. Only when every record is in it, and every node that answers holds
them all, is the alias pointed at it (one atomic request: readers switch from one complete
collection to the other), and the old collection dropped. A failed or killed run leaves the
alias on the old collection; its half-filled collection is an orphan that the next run removes
before it starts.

``--incremental`` upserts new and changed records (by content hash) into the collection the
alias names, and ``--prune`` deletes those no longer in the sources. Their near-duplicate
clusters are computed among themselves (the full build's cluster seeds are not kept), so a
repost added incrementally is not grouped with its original until the next full reindex.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from typesense import exceptions as ts_errors

from xinwen.index.analysis import configure_jieba, energy_words, ensure_words, warm_segmenter
from xinwen.index.builder import ReindexError, ReindexOptions, read_records
from xinwen.index.records import Record
from xinwen.index.report import ReindexReport
from xinwen.index.schema import SCHEMA_VERSION
from xinwen.index.store import IndexStore
from xinwen.search.typesense.client import UNREACHABLE, make_client, node_client
from xinwen.search.typesense.documents import DocumentBuilder, collection_schema, doc_id

log = logging.getLogger(__name__)

BATCH = 500  # documents per import request
PRUNE_BATCH = 200  # documents per delete request
DROP_GRACE = 2.0  # seconds between the alias switch (on every node) and dropping the old one
IMPORT_TIMEOUT = 120.0  # seconds for one batch (the leader analyses and replicates it)
REPLICA_WAIT = 60.0  # seconds to wait for every node to hold the new collection


@dataclass
class ClusterTarget:
    """Where a Typesense reindex writes."""

    nodes: list[str]
    api_key: str
    alias: str = "xinwen"


def new_collection_name(alias: str) -> str:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    return f"{alias}-s{SCHEMA_VERSION}-{stamp}"


def _unreachable(exc: BaseException, what: str) -> ReindexError:
    return ReindexError(
        f"the Typesense cluster did not answer ({what}): {exc}; the served collection is unchanged"
    )


def reindex_typesense(options: ReindexOptions, target: ClusterTarget) -> ReindexReport:
    """Index ``options.sources`` into a new collection and point the alias at it."""
    if options.userdict:
        raise ReindexError(
            "--userdict is not supported with --backend typesense yet: the searchers would "
            "segment queries without it"
        )
    # One run at a time from this index root: a second run would drop the first's collection
    # as a leftover while it is being filled (``_remove_orphans``). Runs from other machines
    # are not seen: start the reindex from one machine.
    store = IndexStore(options.root)
    with store.writer_lock():
        return _reindex_typesense(options, target, store)


def _reindex_typesense(
    options: ReindexOptions, target: ClusterTarget, store: IndexStore
) -> ReindexReport:
    report = ReindexReport(mode="incremental" if options.incremental else "full")
    started = time.monotonic()
    configure_jieba(store.jieba_dir)
    ensure_words(energy_words())
    warm_segmenter()
    client = make_client(target.nodes, target.api_key, timeout=IMPORT_TIMEOUT)
    try:
        current = _alias_target(client, target.alias)
        if options.incremental and current is not None:
            _update(client, target, current, options, report)
            report.generation = current
        else:
            if options.incremental:
                log.warning("no collection to update yet: building it in full")
                report.mode = "full"
            _remove_orphans(client, target.alias, current)
            report.generation = _build(client, target, current, options, report)
        report.documents = int(client.collections[report.generation].retrieve()["num_documents"])
    except UNREACHABLE as exc:
        raise _unreachable(exc, "reindex") from exc
    report.seconds = time.monotonic() - started
    return report


def _alias_target(client, alias: str) -> str | None:
    try:
        return client.aliases[alias].retrieve()["collection_name"]
    except ts_errors.ObjectNotFound:
        return None


def _remove_orphans(client, alias: str, current: str | None) -> None:
    """Drop collections of this alias left by runs that did not finish."""
    for info in client.collections.retrieve():
        name = info["name"]
        if name.startswith(f"{alias}-s") and name != current:
            log.warning("removing collection %s left by an interrupted reindex", name)
            # (ObjectNotFound: a follower listed one the leader had dropped already.)
            with contextlib.suppress(ts_errors.ObjectNotFound):
                client.collections[name].delete()


def _batches(docs: Iterable[dict], size: int = BATCH) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _import(client, name: str, batch: list[dict]) -> None:
    results = client.collections[name].documents.import_(batch, {"action": "upsert"})
    failed = [r for r in results if not r.get("success")]
    if failed:
        raise ReindexError(
            f"Typesense refused {len(failed)} of {len(batch)} documents "
            f"(first: {failed[0].get('error')}): the served collection is unchanged"
        )


def _documents(records: Iterable[Record], report: ReindexReport) -> Iterator[dict]:
    """Documents of a full build, with their near-duplicate clusters (``index.clusters``)."""
    from xinwen.index.clusters import Clusters  # numpy: loaded for a reindex only

    builder = DocumentBuilder()
    ids: set[str] = set()
    for seq, (record, cluster) in enumerate(Clusters().assign_all(records)):
        if record.id in ids:
            report.duplicates += 1
            if len(report.duplicate_examples) < 3:
                report.duplicate_examples.append(f"{record.id} at {record.origin}")
        else:
            ids.add(record.id)
            report.indexed += 1
        yield builder.document(record, seq, cluster)


def _build(
    client, target: ClusterTarget, current: str | None, options: ReindexOptions, report
) -> str:
    name = new_collection_name(target.alias)
    client.collections.create(collection_schema(name))
    try:
        records = read_records(options, report)
        for batch in _batches(_documents(records, report)):
            _import(client, name, batch)
        if report.indexed == 0:
            raise ReindexError(
                report.nothing_indexed(options.sources, "the served collection is unchanged")
            )
        # Every node that answers must hold every record (the leader applies the imports first
        # and the followers follow): a node read before it caught up would serve a part.
        wait_for_replicas(target, name, report.indexed)
        client.aliases.upsert(target.alias, {"collection_name": name})
        wait_for_alias(target, name)
    except BaseException:
        try:
            client.collections[name].delete()
        except Exception:  # the next run removes it as an orphan
            log.warning("could not drop the unfinished collection %s", name)
        raise
    if current is not None:
        # Searches sent to the old collection just before the switch are still running.
        time.sleep(DROP_GRACE)
        try:
            client.collections[current].delete()
        except Exception as exc:  # the next run removes it
            log.warning("could not drop the previous collection %s: %s", current, exc)
    return name


def wait_for_replicas(
    target: ClusterTarget, name: str, documents: int, new: bool = True
) -> list[str]:
    """Wait until every node that answers holds ``documents`` documents in ``name``; returns
    the nodes that did not answer (reported, not waited for)."""
    deadline = time.monotonic() + REPLICA_WAIT
    pending = list(target.nodes)
    down: list[str] = []
    while pending:
        still = []
        for url in pending:
            try:
                info = node_client(url, target.api_key, timeout=2).collections[name].retrieve()
            except ts_errors.ObjectNotFound:
                still.append(url)
                continue
            except UNREACHABLE:
                down.append(url)
                continue
            held = int(info.get("num_documents", 0))
            if held > documents and new:  # (an updated one may still be deleting)
                raise ReindexError(
                    f"the new collection holds {held:,} documents, not the {documents:,} "
                    "indexed: the served collection is unchanged"
                )
            if held != documents:
                still.append(url)
        pending = still
        if pending and time.monotonic() > deadline:
            raise ReindexError(
                f"nodes {', '.join(pending)} did not hold the {documents:,} documents of "
                f"{name} within {REPLICA_WAIT:.0f} s"
            )
        if pending:
            time.sleep(0.2)
    for url in down:
        log.warning("node %s did not answer during the reindex; it catches up when back", url)
    return down


def wait_for_alias(target: ClusterTarget, name: str) -> None:
    """Wait (bounded) until every node that answers has the alias on ``name``: the switch is
    one write on the leader, and the followers apply it a moment later. Before the old
    collection is dropped, no node may still send readers to it."""
    deadline = time.monotonic() + REPLICA_WAIT
    pending = list(target.nodes)
    while pending and time.monotonic() < deadline:
        still = []
        for url in pending:
            try:
                seen = node_client(url, target.api_key, timeout=2).aliases[target.alias].retrieve()
            except ts_errors.ObjectNotFound:
                still.append(url)
                continue
            except UNREACHABLE:
                continue  # reported by wait_for_replicas; it catches up when back
            if seen.get("collection_name") != name:
                still.append(url)
        pending = still
        if pending:
            time.sleep(0.1)
    if pending:
        log.warning("nodes %s had not switched to %s yet", ", ".join(pending), name)


def _existing(client, name: str) -> dict[str, str]:
    """xinwen id → content hash of every document of the collection."""
    out: dict[str, str] = {}
    exported = client.collections[name].documents.export({"include_fields": "xid,hash"})
    for line in exported.splitlines():
        if line.strip():
            doc = json.loads(line)
            out[doc["xid"]] = doc.get("hash", "")
    return out


def _update(
    client, target: ClusterTarget, name: str, options: ReindexOptions, report: ReindexReport
) -> None:
    """Upsert new and changed records; with ``prune``, delete those not in the sources."""
    existing = _existing(client, name)
    written: dict[str, bool] = {}  # id -> rewritten in this run
    # New and changed records are clustered among themselves, in clusters numbered after the
    # collection's (the seeds of the full build are not kept: they do not join its clusters).
    top = client.collections[name].documents.search(
        {"q": "*", "sort_by": "cluster:desc", "per_page": 1, "include_fields": "cluster"}
    )["hits"]
    offset = top[0]["document"]["cluster"] + 1 if top else 0

    def changed() -> Iterator[dict]:
        from xinwen.index.clusters import Clusters

        builder = DocumentBuilder()
        clusters = Clusters()
        for seq, record in enumerate(read_records(options, report)):
            prior = written.get(record.id)
            if prior is not None:
                report.duplicates += 1
                if prior:
                    report.indexed -= 1
                else:
                    report.unchanged -= 1
            if not prior and existing.get(record.id) == record.content_hash:
                written[record.id] = False
                report.unchanged += 1
                continue
            written[record.id] = True
            report.indexed += 1
            yield builder.document(record, seq, offset + clusters.assign(record))

    for batch in _batches(changed()):
        _import(client, name, batch)
    gone = [xid for xid in existing if xid not in written] if options.prune else []
    for start in range(0, len(gone), PRUNE_BATCH):
        ids = ",".join(doc_id(x) for x in gone[start : start + PRUNE_BATCH])
        client.collections[name].documents.delete({"filter_by": f"id:=[{ids}]"})
    report.deleted = len(gone)
    # Readers go to any node: return when every node that answers has the changes.
    added = sum(1 for xid in written if xid not in existing)
    wait_for_replicas(target, name, len(existing) + added - len(gone), new=False)
