"""A small HTML tree with CSS selectors, on the standard library's ``html.parser``, for
checking pages the way a browser would see them (no dependency heavier than pytest)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from flask.testing import FlaskClient

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


@dataclass(eq=False)
class Node:
    """An element: tag, attributes, children (nodes and text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list, repr=False)
    parent: Node | None = field(default=None, repr=False)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        """All text inside, whitespace collapsed."""
        parts = [c if isinstance(c, str) else c.text for c in self.children]
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def inner_html(self) -> str:
        """Children serialized again (text re-escaped), for checking what survived."""
        from html import escape

        out = []
        for child in self.children:
            if isinstance(child, str):
                out.append(escape(child, quote=False))
            else:
                out.append(f"<{child.tag}>{child.inner_html()}</{child.tag}>")
        return "".join(out)

    def iter(self) -> Iterator[Node]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def select(self, selector: str) -> list[Node]:
        """Elements matching a CSS selector: compound parts (tag, #id, .class, [attr],
        [attr=value], [attr^=value]) joined by descendant spaces or ``>``; ``,`` for either."""
        found: list[Node] = []
        for alternative in selector.split(","):
            for node in self.iter():
                if _matches(node, _parse(alternative.strip())) and node not in found:
                    found.append(node)
        return found

    def select_one(self, selector: str) -> Node:
        found = self.select(selector)
        assert found, f"nothing matches {selector!r}"
        return found[0]

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)


_COMPOUND = re.compile(
    r"(?P<tag>[a-zA-Z][\w-]*|\*)|#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)"
    r"|\[(?P<attr>[\w-]+)(?:(?P<op>[\^*$]?=)\"?(?P<val>[^\"\]]*)\"?)?\]"
)


def _parse(selector: str) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """[(combinator, [(kind, name, value)])] from left to right."""
    steps: list[tuple[str, list[tuple[str, str, str]]]] = []
    combinator = " "
    for token in re.findall(r"(?:\[[^\]]*\]|[^\s>])+|>", selector):
        if token == ">":
            combinator = ">"
            continue
        tests: list[tuple[str, str, str]] = []
        pos = 0
        while pos < len(token):
            m = _COMPOUND.match(token, pos)
            assert m and m.end() > pos, f"unsupported selector {selector!r}"
            if m["tag"] and m["tag"] != "*":
                tests.append(("tag", m["tag"].lower(), ""))
            elif m["id"]:
                tests.append(("attr", "id", "=" + m["id"]))
            elif m["cls"]:
                tests.append(("class", m["cls"], ""))
            elif m["attr"]:
                tests.append(("attr", m["attr"], (m["op"] or "") + (m["val"] or "")))
            pos = m.end()
        steps.append((combinator, tests))
        combinator = " "
    return steps


def _simple(node: Node, tests: list[tuple[str, str, str]]) -> bool:
    for kind, name, value in tests:
        if kind == "tag" and node.tag != name:
            return False
        if kind == "class" and name not in node.classes:
            return False
        if kind == "attr":
            if name not in node.attrs:
                return False
            actual = node.attrs[name]
            for op in ("^=", "*=", "$=", "="):
                if value.startswith(op):
                    want = value[len(op) :]
                    ok = {
                        "^=": actual.startswith(want),
                        "*=": want in actual,
                        "$=": actual.endswith(want),
                        "=": actual == want,
                    }[op]
                    if not ok:
                        return False
                    break
    return True


def _matches(node: Node, steps: list) -> bool:
    combinator, tests = steps[-1]
    if not _simple(node, tests):
        return False
    if len(steps) == 1:
        return True
    rest = steps[:-1]
    ancestor = node.parent
    if combinator == ">":
        return ancestor is not None and _matches(ancestor, rest)
    while ancestor is not None:
        if _matches(ancestor, rest):
            return True
        ancestor = ancestor.parent
    return False


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.current = self.root
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v if v is not None else "" for k, v in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.current = self.current.parent or self.root

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(text: str) -> Node:
    """The document's root node (``#document``); ``.doctype`` on the builder is dropped."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def page(client: FlaskClient, url: str, status: int = 200) -> Node:
    """GET ``url``, check the status and that it is HTML, and parse it."""
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.data[:500])
    assert response.mimetype == "text/html"
    return parse_html(response.get_data(as_text=True))
