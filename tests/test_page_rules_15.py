"""Rules for page reading found on the fifteenth round (set 16 of the unseen layouts,
`tests/fixtures/blind-sites-16`, opened this round: old ASP/PHP-era CMSs with table layouts),
written as the general forms behind its misses. Each is checked on our own small pages, read
the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page


def _page(body: str, title: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>'
    )


def _asp_page(crumb_root: str, source: str) -> str:
    # An old ASP article system: a <title> of the headline alone, no logo text, the site's
    # name only as the root of the breadcrumb's trail.
    body = (
        "<table><tr><td><img src='/Images/top.jpg'></td></tr>"
        "<tr><td><a href='/'>网站首页</a> | <a href='/Article/'>文章中心</a></td></tr>"
        f"<tr><td>您现在的位置： <a href='/'>{crumb_root}</a> &gt;&gt; "
        "<a href='/Article/'>文章中心</a> &gt;&gt; 正文</td></tr></table>"
        "<table><tr><td><b>南溪储能电站二期开工建设</b></td></tr>"
        f"<tr><td>作者：王一 文章来源：{source} 更新时间：2024/5/6</td></tr>"
        f"<tr><td><p>{PROSE}</p><p>{MORE}</p></td></tr></table>"
    )
    return _page(body, "南溪储能电站二期开工建设")


def test_the_breadcrumbs_root_names_the_site_of_a_page_naming_it_nowhere_else(
    tmp_path: Path,
) -> None:
    # 文章来源：本站原创 is the site's own work; the site is named only as the trail's root.
    rec = read_one(write_page(tmp_path / "a.html", _asp_page("南溪能源在线", "本站原创")))
    assert rec.source == "南溪能源在线"


def test_a_breadcrumb_starting_at_home_names_no_site(tmp_path: Path) -> None:
    rec = read_one(write_page(tmp_path / "a.html", _asp_page("首页", "本站原创")))
    assert rec.source is None


def test_a_stated_source_wins_over_the_breadcrumbs_root(tmp_path: Path) -> None:
    rec = read_one(write_page(tmp_path / "a.html", _asp_page("南溪能源在线", "南溪日报")))
    assert rec.source == "南溪日报"
