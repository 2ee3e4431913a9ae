"""Map a raw record's field names to `Record` fields, coerce types and build the record."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence

from xinwen.index.cleaning import BEIJING, clean_text, clean_title, content_id, parse_date
from xinwen.index.folding import fold
from xinwen.index.records import Origin, Record, Skip

FIELDS = ("id", "title", "body", "category", "source", "published", "url")

# A CMS keeps a post at the top of its lists by dating it far ahead (2099-01-01, or 2038-01-19,
# the last 32-bit second): a date more than a year after the day of the reindex is no day the
# article was published, and dated it would head every sort by date.
FUTURE_SLACK = dt.timedelta(days=366)

# Accepted spellings of each field, in priority order (the field's own name first). Names are
# compared after `normalize_key`, so "Pub-Date", "pub_date" and "PUBDATE" are all one name.
DEFAULT_ALIASES: Mapping[str, tuple[str, ...]] = {
    "id": ("id", "_id", "guid", "编号", "docid"),
    "title": ("title", "标题", "headline", "name", "题目", "新闻标题", "文章标题"),
    "body": (
        "body",
        "content",
        "text",
        "正文",
        "内容",
        "article",
        "fulltext",
        "全文",
        "正文内容",
        "文章内容",
        "新闻内容",
        "content_text",  # JSON Feed's
        "content_html",
    ),
    "published": (
        "published",
        "time",
        "date",
        "pub_date",
        "publish_time",
        "发布时间",
        "日期",
        "datetime",
        "publish_date",
        "published_at",
        "发布日期",
        "发表时间",
        "发表日期",
        "发布于",
        "时间",
        "出版日期",
        "date_published",  # JSON Feed's
    ),
    "category": ("category", "tag", "channel", "栏目", "分类", "section", "类别", "频道", "版块"),
    "source": (
        "source",
        "来源",
        "publisher",
        "site",
        "media",
        "媒体",
        "来源媒体",
        "稿源",
        "出处",
        "信息来源",
    ),
    "url": ("url", "link", "链接", "href", "网址", "原文链接", "原文地址", "链接地址"),
}

# A body longer than this (in characters, after cleaning) is cut here: a 10 MB "article" is
# almost always a dump of several; keeping the start keeps it findable without bloating the
# index. Titles are cut likewise.
MAX_BODY_CHARS = 1_000_000
MAX_TITLE_CHARS = 1_000
# A title made from the body's first sentence is cut to this many characters and an ellipsis.
DERIVED_TITLE_CHARS = 64

_SEPARATORS = re.compile(r"[\s_\-]+")
_SENTENCE_END = re.compile(r"[。！？!?]")
_KEY_CACHE_SIZE = 1024


def normalize_key(name: str) -> str:
    """The form in which field names are compared: folded as the index folds text (標題 is
    标题, ＴＩＴＬＥ is title), case-folded, without spaces, _ or -."""
    return _SEPARATORS.sub("", fold(name).casefold())


def parse_field_map(specs: Iterable[str]) -> dict[str, str]:
    """Parse CLI ``--field body=content`` options into a field map; ValueError if malformed."""
    field_map: dict[str, str] = {}
    for spec in specs:
        field, sep, key = spec.partition("=")
        if not sep or not field.strip() or not key.strip():
            raise ValueError(f"--field {spec!r}: expected FIELD=NAME, e.g. body=content")
        field_map[field.strip()] = key.strip()
    FieldMap(field_map)  # validates the field names
    return field_map


class FieldMap:
    """Finds each `Record` field among a raw record's keys (defaults plus overrides).

    An override may be a dotted path into nested objects (``source=meta.source``; a key that
    itself holds a dot is matched first). The map remembers which overrides found no field
    in any record it extracted (`unmatched`): a misspelt ``--field body=bodyy`` would
    otherwise index every article without its text and say nothing.
    """

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        overrides = dict(overrides or {})
        unknown = sorted(set(overrides) - set(FIELDS))
        if unknown:
            raise ValueError(
                f"unknown field {', '.join(map(repr, unknown))} in field map; "
                f"fields are: {', '.join(FIELDS)}"
            )
        claimed = {normalize_key(key) for key in overrides.values()}
        # An override wins: its key is the only one for its field and is taken from the others.
        self._candidates: dict[str, tuple[str, ...]] = {
            field: (normalize_key(overrides[field]),)
            if field in overrides
            else tuple(
                key for key in map(normalize_key, DEFAULT_ALIASES[field]) if key not in claimed
            )
            for field in FIELDS
        }
        self._cache: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}
        self._paths = {
            field: [normalize_key(part) for part in key.split(".")]
            for field, key in overrides.items()
            if "." in key.strip(".")
        }
        self.overrides = overrides
        self.extracted = 0  # raw records extracted
        self.first_keys: list[str] = []  # the first one's keys, to name in an error
        self._unmatched = set(overrides)

    def unmatched(self) -> dict[str, str]:
        """The overrides (field → key) that no extracted record had."""
        return {field: self.overrides[field] for field in FIELDS if field in self._unmatched}

    def unmatched_problem(self) -> str | None:
        """What to tell about overrides no record had, naming the fields a record did have;
        None when every override was found (or no record was extracted: pages only)."""
        unmatched = self.unmatched()
        if not self.extracted or not unmatched:
            return None
        named = ", ".join(f"--field {field}={key}" for field, key in unmatched.items())
        had = ", ".join(self.first_keys[:12]) + (" …" if len(self.first_keys) > 12 else "")
        return f"{named}: no record has such a field (the first record's fields: {had})"

    def resolve(self, keys: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """For each field, the raw keys that may hold it, best first (only fields present)."""
        key_tuple = tuple(keys)
        resolved = self._cache.get(key_tuple)
        if resolved is None:
            by_norm: dict[str, str] = {}
            for key in key_tuple:
                by_norm.setdefault(normalize_key(key), key)  # the first spelling wins
            resolved = {}
            for field, candidates in self._candidates.items():
                present = tuple(by_norm[c] for c in candidates if c in by_norm)
                if present:
                    resolved[field] = present
            if len(self._cache) >= _KEY_CACHE_SIZE:  # records with ever-new keys: stay small
                self._cache.clear()
            self._cache[key_tuple] = resolved
        return resolved

    def extract(self, raw: Mapping[str, object]) -> dict[str, object]:
        """The raw record's values by field name: the first non-empty candidate, else the first.

        A field whose keys are all empty is still present (so "empty" can be told from
        "missing" in a Skip).
        """
        values: dict[str, object] = {}
        for field, keys in self.resolve(list(raw)).items():
            values[field] = raw[keys[0]]
            for key in keys:
                value = raw[key]
                if value is not None and not (isinstance(value, str) and not value.strip()):
                    values[field] = value
                    break
        for field, path in self._paths.items():
            if field not in values and (found := _walk(raw, path)) is not _MISSING:
                values[field] = found
        self.extracted += 1
        if not self.first_keys:
            self.first_keys = list(map(str, raw))
        if self._unmatched:
            self._unmatched -= values.keys()
        return values


_MISSING = object()


def _walk(raw: Mapping[str, object], path: list[str]) -> object:
    """The value at ``path`` (normalised keys) in nested objects, or ``_MISSING``."""
    value: object = raw
    for part in path:
        if not isinstance(value, Mapping):
            return _MISSING
        value = next((v for k, v in value.items() if normalize_key(str(k)) == part), _MISSING)
        if value is _MISSING:
            return _MISSING
    return value


class _WrongType(ValueError):
    pass


def _text(value: object, field: str, joiner: str) -> str:
    """A text field's raw string: numbers become text, lists of strings are joined."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise _WrongType(f"{field} is a boolean, not text")
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise _WrongType(f"{field} is {value}, not text")
        return str(value)
    if isinstance(value, list):
        if all(isinstance(item, str) for item in value):
            return joiner.join(value)
        raise _WrongType(f"{field} is a list with non-text items")
    if isinstance(value, dict):
        if isinstance(value.get("rendered"), str):  # WordPress's REST API: {"rendered": …}
            return value["rendered"]
        raise _WrongType(
            f"{field} is an object, not text (to read the text inside it:"
            f" --field {field}=NAME.INNER)"
        )
    raise _WrongType(f"{field} is a {type(value).__name__}, not text")


def _scalar(value: object, field: str) -> str | None:
    """A one-word field (id, url, category, source) as a stripped string, None if empty."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 3.0 from a spreadsheet export is the id "3"
    if isinstance(value, list) and field in ("category", "source"):
        # An export's tags (["项目", "安全"]): the first is the article's category.
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
        if value is None:
            return None
    if isinstance(value, list | dict):
        raise _WrongType(f"{field} is a {'list' if isinstance(value, list) else 'object'}")
    return _text(value, field, "").strip() or None


def _label(value: str | None) -> str | None:
    """A cleaned one-line label (category, source), None if nothing is left."""
    return clean_title(value) or None if value else None


def derive_title(body: str) -> str:
    """A title from the body's first line: its first sentence, cut to DERIVED_TITLE_CHARS."""
    line = body.partition("\n")[0]
    if (match := _SENTENCE_END.search(line)) and match.start() > 0:
        line = line[: match.start()]
    if len(line) > DERIVED_TITLE_CHARS:
        line = line[:DERIVED_TITLE_CHARS].rstrip() + "…"
    return line


def build_record(
    values: Mapping[str, object], origin: Origin, *, raw_keys: Sequence[str] = ()
) -> Record | Skip:
    """Clean field values (keyed by `FIELDS` names) into a Record, or a Skip saying why not.

    A missing title is made from the body (`derive_title`); a missing body is fine (a
    title-only record, body ""). Without both: Skip "empty record". The id is the given id,
    else the url, else `content_id` of the cleaned title and body.
    """
    try:
        raw_title = _text(values.get("title"), "title", " ")
        raw_body = _text(values.get("body"), "body", "\n")
        category = _scalar(values.get("category"), "category")
        source = _scalar(values.get("source"), "source")
        url = _scalar(values.get("url"), "url")
        given_id = _scalar(values.get("id"), "id")
    except _WrongType as exc:
        return Skip("wrong type", origin, str(exc))

    # Cut before cleaning too, so that a huge field costs no more than the limit to clean;
    # the margin leaves room for markup that cleaning removes.
    cleaned = clean_text(raw_body[: 2 * MAX_BODY_CHARS])
    cut = len(cleaned) > MAX_BODY_CHARS or len(raw_body) > 2 * MAX_BODY_CHARS
    body = cleaned[:MAX_BODY_CHARS].rstrip()
    title = clean_title(raw_title[: 2 * MAX_TITLE_CHARS])[:MAX_TITLE_CHARS].rstrip()
    if not title and not body:
        if "title" in values or "body" in values:
            detail = "title and body are empty"
        elif raw_keys:
            detail = "no title or body field among: " + ", ".join(map(str, raw_keys))
        else:
            detail = "no title or body"
        return Skip("empty record", origin, detail)
    derived = not title
    if derived:
        title = derive_title(body)
    given_date = values.get("published")
    published = parse_date(given_date)
    if published is not None and published > dt.datetime.now(BEIJING).date() + FUTURE_SLACK:
        published = None
    stated = given_date is not None and str(given_date).strip() != ""

    return Record(
        id=given_id or url or content_id(title, body),
        title=title,
        body=body,
        category=_label(category),
        source=_label(source),
        published=published,
        url=url,
        origin=origin,
        unread_date=str(given_date).strip()[:40] if stated and published is None else None,
        cut_from=len(raw_body) if cut else None,
        title_from_body=derived,
    )
