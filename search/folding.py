"""The read side's folding: ``index.folding.fold`` (``index.analysis.fold``, computed faster)."""

from xinwen.index.folding import fold

__all__ = ["fold"]
