"""CSV and TSV files with a header row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from xinwen.index.records import Origin, Record, Skip
from xinwen.index.sources.fields import FieldMap, build_record
from xinwen.index.sources.files import read_text

# csv refuses fields over 128 KiB by default; an article body can be far longer (and is cut
# to MAX_BODY_CHARS later). The limit is process-wide, so it is only ever raised.
_FIELD_SIZE_LIMIT = 2**31 - 1


def read_table(path: str, fields: FieldMap, *, delimiter: str) -> Iterator[Record | Skip]:
    """Records from a delimited file whose first non-blank row names the columns.

    A record's line is the physical line its row starts on. A row with the wrong number of
    fields, or broken quoting, is skipped and reading goes on with the next row.
    """
    text = read_text(path)
    if isinstance(text, Skip):
        yield text
        return
    if csv.field_size_limit() < _FIELD_SIZE_LIMIT:
        csv.field_size_limit(_FIELD_SIZE_LIMIT)

    # newline="" hands \r\n, \r and \n line ends to csv, which also allows them inside quotes.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    last_line = 0
    while True:
        start = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            last_line = reader.line_num
            yield Skip("malformed row", Origin(path, start), str(exc))
            continue
        last_line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            found = fields.resolve(header)
            if "title" not in found and "body" not in found:
                yield Skip(
                    "no title or body column",
                    Origin(path, start),
                    "columns: " + ", ".join(header),
                    incomplete=True,
                )
                return
            continue
        if len(row) > len(header) and not any(cell.strip() for cell in row[len(header) :]):
            row = row[: len(header)]  # a trailing delimiter, as some exporters write
        if len(row) != len(header):
            yield Skip(
                "wrong number of fields",
                Origin(path, start),
                f"expected {len(header)}, got {len(row)}",
            )
            continue
        yield build_record(fields.extract(dict(zip(header, row, strict=True))), Origin(path, start))
