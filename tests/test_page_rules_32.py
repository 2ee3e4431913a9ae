"""Rules for page reading found on the thirty-second round (sets 39, 40 and 42 of the unseen
layouts, `tests/fixtures/blind-sites-39`, `-40` and `-42`, opened this round), written as
general forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.cleaning import parse_date

HEADLINE = "岭东风电场三期工程首批机组并网"


def _blog_page(meta: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE} | 岭东新能源</title></head><body>'
        "<div id='main-content'><article class='post'>"
        f"<h1 class='entry-title'>{HEADLINE}</h1><p class='post-meta'>{meta}</p>"
        f"<div class='entry-content'><p>{PROSE}</p><p>{MORE}</p></div></article>"
        "<div class='sidebar'><h4>近期文章</h4><ul><li>岭西光伏电站开工</li></ul></div>"
        "</div></body></html>"
    )


@pytest.mark.parametrize(
    ("meta", "date"),
    [
        ("由 site_editor | 6月 12, 2024 | 项目 | 3 条评论", dt.date(2024, 6, 12)),
        ("由 lingdong_news | 十一月 5, 2023 | 项目", dt.date(2023, 11, 5)),
        ("11月 30, 2023 | 项目 | 0 条评论", dt.date(2023, 11, 30)),
    ],
)
def test_a_month_day_year_date_in_a_blog_meta_line_dates_the_page(
    tmp_path: Path, meta: str, date: dt.date
) -> None:
    # A WordPress theme in a Chinese locale prints its English date format with Chinese month
    # names (月 d, Y), and its meta line names the poster's login: the page's date all the same,
    # and the line is no text.
    rec = read_one(write_page(tmp_path / "项目" / "lingdong-sanqi.html", _blog_page(meta)))
    assert rec.title == HEADLINE
    assert rec.published == date
    assert "条评论" not in rec.body and "由 " not in rec.body


def test_a_month_day_year_date_is_read_as_a_field_value() -> None:
    assert parse_date("6月 12, 2024") == dt.date(2024, 6, 12)
    # (a year that runs on, 2024年, is no such date)
    assert parse_date("截至6月 12,2024年") is None


def test_an_undated_blog_meta_line_is_no_text(tmp_path: Path) -> None:
    # The same meta line when the post shows no date: the poster, the column, the comments'
    # count. It is the byline's place, not the article's text; the page stays undated.
    page = _blog_page("由 site_editor | 项目 | 0 条评论")
    rec = read_one(write_page(tmp_path / "项目" / "lingdong-sanqi.html", page))
    assert rec.title == HEADLINE
    assert rec.published is None
    assert "条评论" not in rec.body and "site_editor" not in rec.body
    assert PROSE in rec.body
