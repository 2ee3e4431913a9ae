"""The posting values of the text fields: each posting's positions, packed.

Whoosh's ``Positions`` format stores a posting's positions as a 4-byte count followed by a
pickle of the position deltas. Writing that costs a Python loop or a ``pickle.dumps`` per
posting (1.2 million postings per 3,000 news articles, a twentieth of a full reindex) and
reading it a ``pickle.loads`` per posting (phrase checks read thousands a query).

`PackedPositions` stores the positions themselves as unsigned 32-bit little-endian integers,
4 bytes each, with no count (it is the length over 4): ``array`` converts both ways in C. Most
postings hold one to three positions, where this is shorter than the pickle (4 bytes for one
position against 13). The format object is pickled into every index's schema: keep the class
at this module path.

`encode_positions` looks up the commonest value, one position below 8,192; those values are
shared objects, which block pickles write once and refer back to (same values when read).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence

from whoosh.formats import Positions

_SWAP = sys.byteorder == "big"  # stored little-endian on every machine
if array("I").itemsize != 4:  # pragma: no cover - every platform CPython supports today
    raise ImportError("index.postingvalues needs a 4-byte unsigned int array type")


def encode_positions(positions: Sequence[int]) -> bytes:
    """The packed value of a posting's positions (ascending, each below 2**32)."""
    if len(positions) == 1 and positions[0] < _SINGLE_LIMIT:
        return _SINGLES[positions[0]]  # the commonest value: one early position
    return _pack(positions)


def _pack(positions: Sequence[int]) -> bytes:
    packed = array("I", positions)
    if _SWAP:  # pragma: no cover - little-endian machines only here
        packed.byteswap()
    return packed.tobytes()


_SINGLE_LIMIT = 8192
_SINGLES = [_pack((p,)) for p in range(_SINGLE_LIMIT)]


def decode_positions(value: bytes) -> array:
    """The positions of a packed value, as an array of ints."""
    positions = array("I")
    positions.frombytes(value)
    if _SWAP:  # pragma: no cover
        positions.byteswap()
    return positions


class PackedPositions(Positions):
    """Whoosh's ``Positions`` (frequency, weight, positions) with packed values (see above)."""

    def encode(self, poslist: Sequence[int]) -> bytes:
        return encode_positions(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return decode_positions(valuestring).tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) >> 2

    def decode_weight(self, valuestring: bytes) -> float:
        return (len(valuestring) >> 2) * self.field_boost
