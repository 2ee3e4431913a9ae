"""Rules for page reading found on the twenty-first round (set 23 of the unseen layouts,
`tests/fixtures/blind-sites-23`, opened this round), written as the general forms behind its
misses. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "南溪储能电站二期开工建设"


def _page(meta: str, *, title: str = "", header: str = "", footer: str = "", lead: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title or HEADLINE}</title></head>'
        f"<body>{header}<h1>{HEADLINE}</h1><div class='info'>{meta}</div>"
        f"<div class='content'>{lead}<p>{PROSE}</p><p>{MORE}</p></div>{footer}</body></html>"
    )


def test_a_source_named_like_an_account_that_publishes_is_kept_whole(tmp_path: Path) -> None:
    # (X发布 is how a government's accounts are named: 发布 ends the name here, it is not
    # the label of the meta line's next field, 发布时间)
    meta = "发布时间：2024/5/6 10:22:31 | 来源：南溪发布 | 浏览次数：215"
    rec = read_one(write_page(tmp_path / "a.html", _page(meta)))
    assert rec.source == "南溪发布"


def test_a_source_followed_by_the_next_fields_label_still_ends_there(tmp_path: Path) -> None:
    meta = "来源：南溪日报发布时间：2024-05-06"
    rec = read_one(write_page(tmp_path / "a.html", _page(meta)))
    assert rec.source == "南溪日报"


def test_a_source_naming_the_sites_organisation_by_its_kind_is_the_sites(tmp_path: Path) -> None:
    # (信息来源：本中心 on an exchange's site, 本院 on an institute's: the site's own news)
    meta = "发布时间：2024-05-06 信息来源：本中心"
    title = f"{HEADLINE}_南溪煤炭交易中心"
    rec = read_one(write_page(tmp_path / "a.html", _page(meta, title=title)))
    assert rec.source == "南溪煤炭交易中心"


def test_an_official_sites_name_is_its_owners(tmp_path: Path) -> None:
    # (<title>标题 | 新闻中心 | 南溪汽车官网</title>: the official site is 南溪汽车's, and its
    # news is by 南溪汽车)
    title = f"{HEADLINE} | 新闻中心 | 南溪汽车官网"
    rec = read_one(write_page(tmp_path / "a.html", _page("发布时间：2024-05-06", title=title)))
    assert rec.source == "南溪汽车"
