"""Near-duplicate collapsing at query time, over the clusters computed while indexing.

Every document carries its near-duplicate cluster (``index.clusters``, the ``cluster``
column, loaded with the read cache). A result shows one hit per cluster, the cluster's
best-ranked member present in the result; its other members present are folded into it.
Collapsing is a pass over document numbers in rank order keeping the first of each cluster:
no stored field is read. Most documents are alone in their cluster; only the documents of
clusters with more than one member (``multi``) are looked at closely.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from xinwen.search.facets import docnums_of, mask_of


class Groups:
    """One generation's clusters, as the read side uses them."""

    def __init__(self, cluster: Sequence[int], size: int) -> None:
        self._cluster = list(cluster)
        # Deleted documents are counted too: a cluster marked "multi" that has one live member
        # only is counted right all the same (see `count`).
        sizes = Counter(self._cluster)
        members: dict[int, list[int]] = {}
        for d, c in enumerate(self._cluster):
            if sizes[c] > 1:
                members.setdefault(c, []).append(d)
        self._members = members
        self._multi = [sizes[c] > 1 for c in self._cluster]
        self.multi = mask_of((d for docs in members.values() for d in docs), size)

    def cluster(self, docnum: int) -> int:
        """The cluster of a document."""
        return self._cluster[docnum]

    def members(self, docnum: int) -> list[int]:
        """Every document of ``docnum``'s cluster (deleted ones included), ascending."""
        if not self._multi[docnum]:
            return [docnum]
        return self._members[self._cluster[docnum]]

    def count(self, final: int) -> int:
        """How many groups the documents of the bitset ``final`` make: one per cluster.

        Documents alone in their cluster are a group each; only the documents of shared
        clusters are listed, and their distinct clusters counted.
        """
        total = final.bit_count()
        shared = final & self.multi
        if not shared:
            return total
        cluster = self._cluster
        docs = docnums_of(shared)
        return total - len(docs) + len({cluster[d] for d in docs})

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
