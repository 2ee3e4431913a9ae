"""One article per text file: a scraped page, or THUCNews style (title line, then body)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from index.pages import Boilerplate, extract_page
from index.records import Origin, Record, Skip
from index.sources.fields import build_record
from index.sources.files import read_text

_LINE_BREAKS = re.compile(r"\r\n?")


def read_text_article(
    path: str, *, article_id: str, category: str | None, boilerplate: Boilerplate
) -> Iterator[Record | Skip]:
    """The article in a text file, or nothing for an empty file.

    A file that matches the boilerplate patterns is a scraped page (`extract_page`): its
    category is unknown (a navigation bar is not a category). Otherwise the first non-empty
    line is the title, the rest the body, and `category` (the parent folder's name) applies.
    """
    origin = Origin(path, 1)
    text = read_text(path)
    if isinstance(text, Skip):
        yield text
        return
    text = _LINE_BREAKS.sub("\n", text).strip()
    if not text:
        return
    page = extract_page(text, boilerplate)
    if page is not None:
        values: dict[str, object] = {
            "id": article_id,
            "title": page.title,
            "body": page.body,
            "published": page.published,
            "source": page.source,
        }
    else:
        title, _, body = text.partition("\n")
        values = {"id": article_id, "title": title, "body": body, "category": category}
    yield build_record(values, origin)
