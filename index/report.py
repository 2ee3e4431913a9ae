"""The account a reindex gives of every input record."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from xinwen.index.records import Skip
from xinwen.index.sources.fields import MAX_BODY_CHARS

EXAMPLES_PER_REASON = 3
# Files not read in full that the summary names one by one (all are in ``incomplete_files``).
INCOMPLETE_SHOWN = 10


@dataclass
class ReindexReport:
    """Counts of one reindex run: ``read == indexed + unchanged + duplicates + skipped``."""

    mode: str = "full"
    read: int = 0
    indexed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: int = 0
    deleted: int = 0
    documents: int = 0
    characters: int = 0
    uncategorised: int = 0  # records without a category (the facet value 未分类)
    unread_dates: int = 0  # records whose date field could not be read (kept undated)
    unread_date_examples: list[str] = field(default_factory=list)
    cut_bodies: int = 0  # records whose body was cut to MAX_BODY_CHARS
    cut_body_examples: list[str] = field(default_factory=list)
    seconds: float = 0.0
    generation: str = ""
    skip_reasons: Counter[str] = field(default_factory=Counter)
    skip_examples: dict[str, list[str]] = field(default_factory=dict)
    duplicate_examples: list[str] = field(default_factory=list)
    # Sources that could not be read in full (path -> why): an incremental run keeps the
    # documents they held, by not pruning (`prune_withheld`: ``--prune`` was asked for).
    incomplete_files: dict[str, str] = field(default_factory=dict)
    prune_withheld: bool = False

    def add_skip(self, skip: Skip) -> None:
        """Count a skipped record under its reason, keeping the first few places as examples."""
        if skip.incomplete:
            self.incomplete_files.setdefault(
                skip.origin.path, skip.reason + (f" ({skip.detail})" if skip.detail else "")
            )
        self.skipped += 1
        self.skip_reasons[skip.reason] += 1
        examples = self.skip_examples.setdefault(skip.reason, [])
        if len(examples) < EXAMPLES_PER_REASON:
            examples.append(str(skip.origin) + (f" ({skip.detail})" if skip.detail else ""))

    def note_unread_date(self, origin: object, given: str) -> None:
        """Count a record kept undated because its date field could not be read."""
        self.unread_dates += 1
        if len(self.unread_date_examples) < EXAMPLES_PER_REASON:
            self.unread_date_examples.append(f"{origin} ({given!r})")

    def note_cut_body(self, origin: object, length: int) -> None:
        """Count a record whose body was cut to the limit."""
        self.cut_bodies += 1
        if len(self.cut_body_examples) < EXAMPLES_PER_REASON:
            self.cut_body_examples.append(f"{origin} ({length:,} characters)")

    def skip_counts(self) -> str:
        """The skips by reason, most frequent first: ``12 × no article text, 1 × empty file``."""
        return ", ".join(f"{n:,} × {reason}" for reason, n in self.skip_reasons.most_common())

    def nothing_indexed(self, sources: list, unchanged: str) -> str:
        """Why a run indexed nothing, ending with what stayed as it was (``unchanged``)."""
        named = ", ".join(map(str, sources))
        if not self.skipped:
            return f"nothing could be indexed from {named}: it holds no records; {unchanged}"
        why = f"{_records(self.skipped)} skipped: {self.skip_counts()}"
        return f"nothing could be indexed from {named} ({why}): {unchanged}"

    def summary(self) -> str:
        """The closing summary printed by ``xinwen reindex``."""
        rate = self.read / self.seconds if self.seconds else 0.0
        lines = [
            f"{self.mode} reindex: read {self.read:,} records = indexed {self.indexed:,}"
            f" + unchanged {self.unchanged:,} + duplicates {self.duplicates:,}"
            f" + skipped {self.skipped:,}",
        ]
        if self.deleted:
            lines.append(f"deleted {self.deleted:,} records no longer in the sources (--prune)")
        if self.prune_withheld:
            lines += self._withheld()
        lines.append(
            f"index now holds {self.documents:,} documents ({self.generation});"
            f" {self.seconds:.1f} s, {rate:,.0f} records/s"
        )
        if self.uncategorised:
            lines.append(f"  {_records(self.uncategorised)} without a category (shown as 未分类)")
        if self.unread_dates:
            lines.append(
                f"  {_records(self.unread_dates)} with a date that could not be used"
                " (no date, or years ahead), kept undated: " + "; ".join(self.unread_date_examples)
            )
        if self.cut_bodies:
            lines.append(
                f"  {_records(self.cut_bodies)} with a body over {MAX_BODY_CHARS:,} characters,"
                " cut there (the rest is not searchable): " + "; ".join(self.cut_body_examples)
            )
        for reason, count in self.skip_reasons.most_common():
            examples = "; ".join(self.skip_examples.get(reason, []))
            lines.append(f"  skipped {count:,} × {reason}: {examples}")
        if self.duplicates:
            lines.append(
                f"  {self.duplicates:,} records repeated an earlier id (the last one wins): "
                + "; ".join(self.duplicate_examples)
            )
        return "\n".join(lines)

    def _withheld(self) -> list[str]:
        files = list(self.incomplete_files.items())
        s = "s" if len(files) > 1 else ""
        lines = [
            f"--prune withheld, nothing deleted: {len(files):,} source file{s} could not be read"
            " in full; the index does not record which file each document came from, so all"
            f" are kept (fix or remove the file{s}, then run --prune again):"
        ]
        lines += [f"  kept: {path}: {why}" for path, why in files[:INCOMPLETE_SHOWN]]
        if len(files) > INCOMPLETE_SHOWN:
            lines.append(f"  … and {len(files) - INCOMPLETE_SHOWN:,} more")
        return lines

    def to_dict(self) -> dict:
        """A JSON-ready form (for ``--json`` and the generation's metadata)."""
        data = asdict(self)
        data["skip_reasons"] = dict(self.skip_reasons)
        return data


def _records(n: int) -> str:
    """``1 record``, ``2,400 records``."""
    return f"{n:,} record" + ("" if n == 1 else "s")
