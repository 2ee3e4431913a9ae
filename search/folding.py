"""The read side's folding: ``index.folding.fold`` (``index.analysis.fold``, computed faster)."""

from index.folding import fold

__all__ = ["fold"]
