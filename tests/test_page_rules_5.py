"""Rules for page reading found on the fifth round (set 4 of the unseen layouts,
`tests/fixtures/blind-sites-4`, opened this round), written as the general forms Chinese sites
print these things in: a site's name as its markup gives it with additions (its English name,
its columns section), a post's column link, and government documents converted to text (the
issuing organ's header, the document number, a title wrapped over two lines, the 版记's
distribution lines and 印发 date, page numbers). Each is checked on our own small pages, read
the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one


def html_page(head: str, *, before: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>充电桩乡镇全覆盖 | 滨江</title>{head}</head>'
        f"<body><h1>充电桩乡镇全覆盖</h1><div class='info'>2023-05-04 10:30</div>{before}"
        f"<div class='article'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )


def test_a_site_name_without_its_english_name_or_columns_section(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    for site in ("滨江时报 Binjiang Times", "滨江专栏"):
        path.write_text(html_page(f'<meta property="og:site_name" content="{site}">'), "utf-8")
        assert read_one(path).source == site.split()[0].removesuffix("专栏"), site
    # an English name alone stays whole
    path.write_text(html_page('<meta property="og:site_name" content="Binjiang Times">'), "utf-8")
    assert read_one(path).source == "Binjiang Times"


def test_a_posts_column_link_is_chrome(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(html_page("", before="<div>来自专栏 充电观察</div>"), "utf-8")
    record = read_one(path)
    assert "来自专栏" not in record.body
    assert PROSE in record.body
