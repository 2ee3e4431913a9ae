"""Near-duplicate clusters, computed while indexing: the same story reposted with small edits.

Two articles are near-duplicates when the Jaccard similarity of their character 4-gram sets
(over the folded title and the first ``PREFIX_CHARS`` characters of the body, spaces removed)
reaches ``THRESHOLD`` (the definition the search side applied to each result before), unless
their headlines name different works or numbers, or their bodies mostly other figures
(``told_apart``: one template, two stories). Every document gets a cluster id (the ``cluster``
column); the search side shows the best-ranked member of each cluster present in a result and
folds the others into it.

Clusters are formed in input order, each around a **seed** (the first document that started
it): a document joins the cluster whose seed it is most similar to, if that similarity, computed
exactly over the two 4-gram sets, reaches ``THRESHOLD``; otherwise it starts a cluster of its
own. Finding the seeds worth that exact check is MinHash LSH: each document's MinHash signature
(``NUM_PERM`` values of datasketch's ``affine32`` permutation family, computed here in numpy for
a batch of documents at once — the same values as ``datasketch.MinHash.update_batch``, which a
test checks, at a fraction of its per-document cost) is cut into ``BANDS`` bands of ``ROWS``
rows; seeds sharing a band with the document are the candidates. With 21 bands of 3 rows, a
pair at similarity 0.6 shares a band with probability 0.994 (0.7: 0.99996). Candidates are
filtered by the similarity their signatures estimate (``PREFILTER``) and at most ``MAX_VERIFY``
of them are checked exactly, so a run of near-identical templated articles stays cheap.

The band table is kept as one sorted numpy array (16 bytes per band and seed) with a small
dict for seeds added since the last merge: a Python dict per band would take about ten times the
memory. The seeds (cluster id, document id, signature) are saved beside the index
(``CLUSTERS_FILE``), so an incremental run assigns new documents to existing clusters. When a
seed's document is deleted (pruned, rewritten, superseded by a later record with the same id),
its cluster gets a new seed after the run: the live member that came first in the input, read
back from the index; a cluster left without members is dropped.

Written by hand around datasketch's hash family because its ``MinHashLSH`` keeps a Python set
per band and key (hundreds of bytes per document and band) and hashes one document at a time.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from whoosh.reading import IndexReader

from xinwen.index.folding import fold
from xinwen.index.records import Record

log = logging.getLogger(__name__)

SHINGLE = 4
THRESHOLD = 0.6
PREFIX_CHARS = 1500  # long enough to see a story, short enough to stay cheap
TITLE_CHARS = 500  # a longer "title" is a broken record: cut, so a batch's arrays stay small
NUM_PERM = 64
SEED = 1
BANDS = 21
ROWS = 3
PREFILTER = 0.4  # estimated similarity below which a candidate is not checked (6 σ at 0.6)
MAX_VERIFY = 8  # most candidates checked exactly per document
BATCH = 64  # documents hashed together
CLUSTERS_FILE = "xinwen-clusters.npz"
FORMAT = 1

_U64 = np.uint64


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's ``affine32`` permutations (a, b), as columns. Imported here, not at the
    top: datasketch loads scipy, slow to import (bench/results/code-notes.md, "Late imports"),
    which only a reindex needs."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32").permutations
    return a.astype(np.uint32)[:, None], b.astype(np.uint32)[:, None]


def _fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer (a bijection that spreads every input bit)."""
    h = h ^ (h >> _U64(33))
    h = h * _U64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> _U64(33))
    h = h * _U64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> _U64(33))


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def shingle_hash(keys: np.ndarray) -> np.ndarray:
    """The 32-bit hash of each 4-gram key (the ``hashfunc`` the MinHash is defined with)."""
    return (_fmix64(keys) >> _U64(32)).astype(np.uint32)


def shingle_text(title: str, body: str) -> str:
    """What the 4-grams are taken from, before folding."""
    return (title[:TITLE_CHARS] + "\n" + body[:PREFIX_CHARS]).replace(" ", "")


def fold_all(texts: Sequence[str]) -> list[str]:
    """``fold`` of each text, folded as one string (``fold`` keeps lengths: cut it again)."""
    folded = fold("\n".join(texts))
    out, at = [], 0
    for text in texts:
        out.append(folded[at : at + len(text)])
        at += len(text) + 1
    return out


def _codes(text: str) -> np.ndarray:
    # Characters as 16-bit codes (exact for the Basic Multilingual Plane), so that four of them
    # pack into one 64-bit key without collisions; a text shorter than a 4-gram is one key.
    c = np.frombuffer(text.ljust(SHINGLE, "\0").encode("utf-32-le"), dtype="<u4")
    return ((c ^ (c >> 16)) & 0xFFFF).astype(np.uint64)


def _keys(c: np.ndarray) -> np.ndarray:
    return (c[:-3] << _U64(48)) | (c[1:-2] << _U64(32)) | (c[2:-1] << _U64(16)) | c[3:]


def shingle_set(folded: str) -> np.ndarray:
    """The folded text's distinct 4-grams as sorted 64-bit keys."""
    return np.unique(_keys(_codes(folded)))


# The same template telling another story: a headline naming another work (《…》单行本出版, one
# for each book), another year or count (将发表二〇二〇年新年贺词, 连续53天无本土新增病例, one for
# each day). A repost keeps its headline's names and numbers; these stories share all but them.
_WORK = re.compile(r"《([^》]+)》")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|[〇零一二三四五六七八九十百千万亿两]{2,}")
_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?")


# A daily report of one template (国家卫生健康委通报最新疫情, every day) tells its story in its
# figures, under the same headline: reposts share most of theirs, the next day's report few.
FIGURES_MIN = 4  # figures each body needs before they are compared
FIGURES_SHARED = 0.5  # the share of the two bodies' figures in common below which they differ


def told_apart(a: str, b: str) -> bool:
    """Whether two folded ``shingle_text``s tell different stories in one template: their
    headlines name different works or numbers, or their bodies give mostly other figures."""
    head_a, _, body_a = a.partition("\n")
    head_b, _, body_b = b.partition("\n")
    for pattern in (_WORK, _NUMBER):
        found_a, found_b = set(pattern.findall(head_a)), set(pattern.findall(head_b))
        if found_a and found_b and found_a != found_b:
            return True
    figures_a, figures_b = set(_FIGURE.findall(body_a)), set(_FIGURE.findall(body_b))
    if len(figures_a) < FIGURES_MIN or len(figures_b) < FIGURES_MIN:
        return False
    return len(figures_a & figures_b) < FIGURES_SHARED * len(figures_a | figures_b)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two ``shingle_set`` results."""
    if not a.size or not b.size:
        return 0.0
    shared = np.intersect1d(a, b, assume_unique=True).size
    return shared / (a.size + b.size - shared)


def signatures(folded: Sequence[str]) -> np.ndarray:
    """MinHash signatures (``len(folded)`` × ``NUM_PERM``, uint32) of folded texts, in one go."""
    if not folded:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    padded = [t.ljust(SHINGLE, "\0") for t in folded]
    c = np.frombuffer("".join(padded).encode("utf-32-le"), dtype="<u4")
    keys = _keys(((c ^ (c >> 16)) & 0xFFFF).astype(np.uint64))
    lengths = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded))
    # Drop the 4-grams that straddle two texts: the last SHINGLE - 1 starts of each text.
    ends = np.cumsum(lengths)
    straddle = (ends[:-1, None] - np.arange(1, SHINGLE, dtype=np.int64)[None, :]).ravel()
    keys = np.delete(keys, straddle)
    starts = ends - lengths - (SHINGLE - 1) * np.arange(len(padded))
    # datasketch's affine32 scheme: fmix32 of the hash, then a·h + b (mod 2³²) per permutation.
    a, b = _permutations()
    permuted = a * _fmix32(shingle_hash(keys))[None, :] + b
    return np.minimum.reduceat(permuted, starts, axis=1).T.copy()


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """Each signature's ``BANDS`` band hashes (rows × bands, uint64), band number mixed in."""
    n = len(sigs)
    rows = sigs[:, : BANDS * ROWS].reshape(n, BANDS, ROWS).astype(np.uint64)
    band = np.arange(BANDS, dtype=np.uint64)[None, :] << _U64(32)
    h = _fmix64(rows[:, :, 0] | (rows[:, :, 1] << _U64(32)))
    return _fmix64(h ^ rows[:, :, 2] ^ band)


@dataclass(slots=True)
class _Seed:
    cluster: int
    id: str
    text: str | None  # folded; None: read back from the index when needed
    alive: bool = True


class _BandTable:
    """Band hash → seed slots: a sorted array, plus a dict for the slots added since."""

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.uint64)
        self.slots = np.zeros(0, dtype=np.int64)
        self.recent: dict[int, int] = {}  # band hash → slot (the first, on a collision)
        self.shared: dict[int, list[int]] = {}  # band hash → the other slots of a collision
        self._recent_keys: list[np.ndarray] = []
        self._recent_slots: list[int] = []

    def add(self, slot: int, keys: np.ndarray) -> None:
        recent = self.recent
        for key in keys.tolist():
            if recent.setdefault(key, slot) != slot:
                self.shared.setdefault(key, []).append(slot)
        self._recent_keys.append(keys)
        self._recent_slots.append(slot)
        if len(recent) > max(65_536, len(self.keys) // 8):
            self.merge()

    def add_many(self, slots: np.ndarray, keys: np.ndarray) -> None:
        """Add many seeds' keys at once (``keys``: one row per slot)."""
        self._merge_arrays(np.repeat(slots, keys.shape[1]), keys.ravel())

    def merge(self) -> None:
        """Move the recent keys into the sorted array."""
        if not self._recent_keys:
            return
        keys = np.concatenate(self._recent_keys)
        slots = np.repeat(np.array(self._recent_slots, dtype=np.int64), BANDS)
        self.recent, self.shared = {}, {}
        self._recent_keys, self._recent_slots = [], []
        self._merge_arrays(slots, keys)

    def _merge_arrays(self, slots: np.ndarray, keys: np.ndarray) -> None:
        order = np.argsort(keys)
        keys, slots = keys[order], slots[order]
        if not len(self.keys):
            self.keys, self.slots = keys, slots
            return
        # Both runs sorted: merge them in linear time instead of sorting everything again.
        at = np.searchsorted(self.keys, keys, "right") + np.arange(len(keys))
        old = np.ones(len(self.keys) + len(keys), dtype=bool)
        old[at] = False
        merged_keys = np.empty(len(old), dtype=np.uint64)
        merged_slots = np.empty(len(old), dtype=np.int64)
        merged_keys[at], merged_slots[at] = keys, slots
        merged_keys[old], merged_slots[old] = self.keys, self.slots
        self.keys, self.slots = merged_keys, merged_slots

    def lookup(self, keys: np.ndarray) -> dict[int, int]:
        """Seed slots sharing a band with ``keys``, each with how many bands it shares."""
        found: dict[int, int] = {}
        if len(self.keys):
            lo = np.searchsorted(self.keys, keys, "left")
            hi = np.searchsorted(self.keys, keys, "right")
            hit = hi > lo
            if hit.any():
                for a, b in zip(lo[hit].tolist(), hi[hit].tolist(), strict=True):
                    for slot in self.slots[a:b].tolist():
                        found[slot] = found.get(slot, 0) + 1
        recent = self.recent
        if recent:
            shared = self.shared
            for key in keys.tolist():
                slot = recent.get(key)
                if slot is not None:
                    found[slot] = found.get(slot, 0) + 1
                    for other in shared.get(key, ()):
                        found[other] = found.get(other, 0) + 1
        return found


class Clusters:
    """The clusters of one index being built or updated (see the module docstring)."""

    def __init__(self, loader: Callable[[str], tuple[str, str] | None] | None = None) -> None:
        # ``loader``: a seed's (title, body) by document id, for seeds of an earlier run.
        self._loader = loader
        self._seeds: list[_Seed] = []
        self._sigs = np.zeros((1024, NUM_PERM), dtype=np.uint32)
        self._table = _BandTable()
        self._by_cluster: dict[int, int] = {}  # cluster → its seed's slot
        self._run: dict[str, int] = {}  # document id → cluster, for documents of this run
        self.orphans: set[int] = set()  # clusters whose seed's document was deleted
        self.next_cluster = 0
        self.joined = 0  # documents of this run that joined a cluster (for the report)
        self.checked = 0  # exact similarity checks made

    # -- assigning -----------------------------------------------------------------------------

    def assign_all(self, records: Iterable[Record]) -> Iterator[tuple[Record, int]]:
        """Each record with its cluster id, in input order (hashed ``BATCH`` at a time)."""
        batch: list[Record] = []
        for record in records:
            batch.append(record)
            if len(batch) >= BATCH:
                yield from self._assign_batch(batch)
                batch = []
        if batch:
            yield from self._assign_batch(batch)

    def assign(self, record: Record) -> int:
        """The cluster of one record (an incremental run's new or changed record)."""
        return next(self._assign_batch([record]))[1]

    def _assign_batch(self, batch: list[Record]) -> Iterator[tuple[Record, int]]:
        texts = fold_all([shingle_text(r.title, r.body) for r in batch])
        sigs = signatures(texts)
        bands = band_keys(sigs)
        for i, record in enumerate(batch):
            prior = self._run.get(record.id)
            if prior is not None:  # the same id again: the last record wins
                self.removed(record.id, prior)
            cluster = self._place(record.id, texts[i], sigs[i], bands[i])
            self._run[record.id] = cluster
            yield record, cluster

    def _place(self, id_: str, text: str, sig: np.ndarray, bands: np.ndarray) -> int:
        found = self._table.lookup(bands)
        if found:
            slots = np.fromiter(found, dtype=np.int64, count=len(found))
            estimate = (self._sigs[slots] == sig).mean(axis=1)
            order = np.argsort(-estimate, kind="stable")
            own = None
            best, best_sim = None, 0.0
            for j in order[:MAX_VERIFY].tolist():
                if estimate[j] < PREFILTER:
                    break
                seed = self._seeds[int(slots[j])]
                if not seed.alive:
                    continue
                other = self._text(seed)
                if other is None:
                    continue
                if own is None:
                    own = shingle_set(text)
                self.checked += 1
                sim = jaccard(own, shingle_set(other))
                if sim >= THRESHOLD and sim > best_sim and not told_apart(text, other):
                    best, best_sim = seed, sim
            if best is not None:
                self.joined += 1
                return best.cluster
        cluster = self.next_cluster
        self.next_cluster += 1
        self._add_seed(cluster, id_, text, sig, bands)
        return cluster

    def _text(self, seed: _Seed) -> str | None:
        if seed.text is None and self._loader is not None:
            fields = self._loader(seed.id)
            if fields is not None:
                seed.text = fold(shingle_text(*fields))
        return seed.text

    def _add_seed(
        self, cluster: int, id_: str, text: str | None, sig: np.ndarray, bands: np.ndarray
    ) -> None:
        slot = len(self._seeds)
        if slot >= len(self._sigs):
            self._sigs = np.concatenate([self._sigs, np.zeros_like(self._sigs)])
        self._sigs[slot] = sig
        self._seeds.append(_Seed(cluster, id_, text))
        self._table.add(slot, bands)
        old = self._by_cluster.get(cluster)
        if old is not None:
            self._seeds[old].alive = False
        self._by_cluster[cluster] = slot

    # -- deleting ------------------------------------------------------------------------------

    def removed(self, id_: str, cluster: int) -> None:
        """A document of ``cluster`` is deleted: if it is the seed, the cluster needs a new one
        (`reseed`, after the run). Until then the seed still stands for its cluster."""
        slot = self._by_cluster.get(cluster)
        if slot is not None and self._seeds[slot].id == id_:
            seed = self._seeds[slot]
            self._text(seed)  # read it now: the next reader will not see the document
            self.orphans.add(cluster)

    def reseed(self, reader: IndexReader, clusters: set[int] | None = None) -> int:
        """Give each orphaned cluster (or each of ``clusters``) a new seed from ``reader``
        (the index after the run): its live member that came first in the input, or drop the
        cluster when none is left. Returns how many clusters got a new seed."""
        wanted = self.orphans if clusters is None else clusters
        if not wanted:
            return 0
        first: dict[int, tuple[int, int]] = {}  # cluster → (seq, docnum) of its first member
        for leaf, offset in reader.leaf_readers():
            cl = list(leaf.column_reader("cluster"))
            seq = list(leaf.column_reader("seq"))
            live = leaf.all_doc_ids() if leaf.has_deletions() else range(len(cl))
            for d in live:
                c = cl[d]
                if c in wanted:
                    key = (seq[d], offset + d)
                    if c not in first or key < first[c]:
                        first[c] = key
        for cluster in wanted:
            slot = self._by_cluster.pop(cluster, None)
            if slot is not None:
                self._seeds[slot].alive = False
        reseeded = 0
        ordered = sorted(first.items())
        for start in range(0, len(ordered), BATCH):
            chunk = ordered[start : start + BATCH]
            fields = [reader.stored_fields(docnum) for _, (_, docnum) in chunk]
            texts = fold_all([shingle_text(f.get("title", ""), f.get("body", "")) for f in fields])
            sigs = signatures(texts)
            bands = band_keys(sigs)
            for i, (cluster, _) in enumerate(chunk):
                self._add_seed(cluster, fields[i]["id"], texts[i], sigs[i], bands[i])
                reseeded += 1
        self.orphans -= wanted
        return reseeded

    def seeds(self) -> dict[int, str]:
        """Each cluster's seed document id."""
        return {c: self._seeds[slot].id for c, slot in self._by_cluster.items()}

    # -- saving --------------------------------------------------------------------------------

    def save(self, folder: Path) -> None:
        """Write the live seeds to ``folder/CLUSTERS_FILE`` (a new file renamed into place:
        the file an incremental run's clone shares with the served generation by a hard link
        is never written through)."""
        slots = sorted(self._by_cluster.values())
        meta = {
            "format": FORMAT,
            "num_perm": NUM_PERM,
            "seed": SEED,
            "bands": BANDS,
            "rows": ROWS,
            "next_cluster": self.next_cluster,
            "ids": [self._seeds[s].id for s in slots],
        }
        target = folder / CLUSTERS_FILE
        tmp = folder / f".{CLUSTERS_FILE}.{os.getpid()}.tmp"
        try:
            with open(tmp, "wb") as fh:
                np.savez(
                    fh,
                    meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
                    clusters=np.array([self._seeds[s].cluster for s in slots], dtype=np.int64),
                    signatures=self._sigs[slots] if slots else np.zeros((0, NUM_PERM), np.uint32),
                )
            os.replace(tmp, target)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)

    @classmethod
    def load(
        cls, folder: Path, loader: Callable[[str], tuple[str, str] | None] | None = None
    ) -> Clusters | None:
        """The clusters saved with a generation; None when the file is missing or unusable."""
        try:
            with np.load(folder / CLUSTERS_FILE) as data:
                meta = json.loads(data["meta"].tobytes().decode("utf-8"))
                clusters = data["clusters"]
                sigs = data["signatures"]
        except (OSError, ValueError, KeyError) as exc:
            log.warning("the clusters of %s cannot be read (%s)", folder.name, exc)
            return None
        params = (meta.get("format"), meta.get("num_perm"), meta.get("seed"))
        if params != (FORMAT, NUM_PERM, SEED) or (meta.get("bands"), meta.get("rows")) != (
            BANDS,
            ROWS,
        ):
            log.warning("the clusters of %s were saved with other settings", folder.name)
            return None
        out = cls(loader)
        n = len(clusters)
        out._sigs = np.zeros((max(1024, 2 * n), NUM_PERM), dtype=np.uint32)
        out._sigs[:n] = sigs
        out._seeds = [
            _Seed(int(c), id_, None) for c, id_ in zip(clusters.tolist(), meta["ids"], strict=True)
        ]
        out._by_cluster = {seed.cluster: slot for slot, seed in enumerate(out._seeds)}
        out._table.add_many(np.arange(n, dtype=np.int64), band_keys(sigs))
        out.next_cluster = int(meta["next_cluster"])
        return out

    @classmethod
    def rebuild(
        cls, reader: IndexReader, loader: Callable[[str], tuple[str, str] | None] | None = None
    ) -> Clusters:
        """The seeds of an index whose clusters file is lost, from its ``cluster`` column."""
        out = cls(loader)
        ids: set[int] = set()
        for leaf, _offset in reader.leaf_readers():
            ids.update(leaf.column_reader("cluster"))
        out.next_cluster = max(ids, default=-1) + 1
        out.reseed(reader, ids)
        return out
