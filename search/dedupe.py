"""Near-duplicate collapsing at query time, over the clusters computed while indexing.

Every document carries its near-duplicate cluster (``index.clusters``, the ``cluster``
column, loaded with the read cache). A result shows one hit per cluster, the cluster's
best-ranked member present in the result; its other members present are folded into it.
Collapsing is a pass over document numbers in rank order keeping the first of each cluster:
no stored field is read. Most documents are alone in their cluster; only the documents of
clusters with more than one member (``multi``) are looked at closely.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np


class Groups:
    """One generation's clusters, as the read side uses them."""

    def __init__(self, cluster: Sequence[int], size: int) -> None:
        self.size = size
        ids = np.asarray(cluster, dtype=np.int64)
        self._ids = ids
        # Deleted documents are counted too: a cluster marked "multi" that has one live member
        # only is counted right all the same (see `count`).
        _, inverse, counts = np.unique(ids, return_inverse=True, return_counts=True)
        self.multi = counts[inverse] > 1
        self._cluster = ids.tolist()
        self._multi = self.multi.tolist()
        docs = np.flatnonzero(self.multi)
        by_cluster: dict[int, list[int]] = {}
        for d, c in zip(docs.tolist(), ids[docs].tolist(), strict=True):
            by_cluster.setdefault(c, []).append(d)
        self._members = by_cluster

    def cluster(self, docnum: int) -> int:
        """The cluster of a document."""
        return self._cluster[docnum]

    def members(self, docnum: int) -> list[int]:
        """Every document of ``docnum``'s cluster (deleted ones included), ascending."""
        if not self._multi[docnum]:
            return [docnum]
        return self._members[self._cluster[docnum]]

    def count(self, final: int) -> int:
        """How many groups the documents of the bitset ``final`` make: one per cluster."""
        total = final.bit_count()
        if not total:
            return 0
        raw = np.frombuffer(final.to_bytes((self.size + 7) // 8 + 1, "little"), dtype=np.uint8)
        present = np.unpackbits(raw, bitorder="little", count=self.size).view(bool)
        shared = present & self.multi
        n = int(np.count_nonzero(shared))
        if not n:
            return total
        return total - n + int(np.unique(self._ids[shared]).size)

    def collapse(self, ranked: Iterable[int], want: int) -> list[int]:
        """The first document of each cluster in ``ranked``, up to ``want`` of them."""
        cluster, multi = self._cluster, self._multi
        seen: set[int] = set()
        out: list[int] = []
        for d in ranked:
            if multi[d]:
                c = cluster[d]
                if c in seen:
                    continue
                seen.add(c)
            out.append(d)
            if len(out) >= want:
                break
        return out
