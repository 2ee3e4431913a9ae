"""Rules for page reading found on round 36b (sets 50 and 52 of the unseen layouts,
`tests/fixtures/blind-sites-50` and `-52`, opened this round), written as general forms.
Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, records_by_name, write_page

HEADLINE = "岭东风电场三期工程首批机组并网"


def _dated_address_page(address: str, headline: str, byline: str, n: int) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{headline}_岭东新能源网</title>'
        f'<link rel="canonical" href="https://www.lingdong.example.com/{address}">'
        "</head><body><div class='nav'>首页 | 新闻中心 | 政策法规 | 联系我们</div>"
        f"<div class='article'><h1>{headline}</h1>{byline}"
        f"<div class='content'><p>{n}日，{PROSE}</p><p>{MORE}</p></div></div>"
        "<div class='foot'>版权所有 岭东新能源网</div></body></html>"
    )


@pytest.mark.parametrize(
    "address",
    [
        "xwzx/20240516/{n}.html",
        "xwzx/202405/t20240516_{n}.html",
        "news/2024-05-16/{n}.html",
    ],
)
def test_an_address_named_by_its_date_does_not_date_a_page_of_a_site_that_states_dates(
    tmp_path: Path, address: str
) -> None:
    # A site whose pages print their dates in a byline, and one page whose byline is left
    # out. Its address is named by a date (/20240516/, t20240516_1.html): the CMS's, not one
    # the page states, as a permalink's folders are not (round 31): the page stays undated.
    for n, headline in ((9, "岭西光伏电站首批组件完成安装"), (12, "岭东风电场开展安全生产月活动")):
        byline = f"<div class='info'>发布时间：2024-05-{n:02d}  来源：岭东新能源网</div>"
        page = _dated_address_page(address.format(n=n + 900), headline, byline, n)
        write_page(tmp_path / "项目" / f"{n + 900}.html", page)
    page = _dated_address_page(address.format(n=977), HEADLINE, "", 16)
    write_page(tmp_path / "项目" / "977.html", page)
    records = records_by_name(tmp_path)
    assert records["909.html"].published == dt.date(2024, 5, 9)
    assert records["977.html"].title == HEADLINE
    assert records["977.html"].published is None


def test_a_meta_line_run_together_with_its_reads_is_no_headline(tmp_path: Path) -> None:
    # A page copied as text whose meta line under the headline lost its spaces: the poster,
    # the column and the reads in thousands (岭东小编项目阅读 2.4k). It is no headline; the
    # line above it is.
    text = "\n".join(
        [
            "首页",
            "新闻",
            "项目",
            "首页 / 项目 / 正文",
            HEADLINE,
            "岭东小编项目阅读 2.4k",
            PROSE,
            MORE,
        ]
    )
    write_page(tmp_path / "项目" / "2024-05-06-sanqi.txt", text + "\n")
    rec = records_by_name(tmp_path)["2024-05-06-sanqi.txt"]
    assert rec.title == HEADLINE
    assert "阅读" not in rec.body


def test_a_market_tickers_date_does_not_date_the_article(tmp_path: Path) -> None:
    # An exchange's page copied as text: a ticker over it, quotes and their changes run
    # together with the data's date (数据日期：X). It is the quotes' date, the day the page
    # was saved; the article, whose byline states no date, stays undated.
    text = "\n".join(
        [
            "岭东电力现货日前均价：356.20元/兆瓦时 +2.15%成交电量：18,240兆瓦时数据日期："
            "2024-06-03更多行情 >>",
            "首页",
            "新闻资讯",
            "当前位置：首页 > 新闻资讯 > 市场研究 > 详情",
            HEADLINE,
            "来源：市场研究部阅读量：209",
            PROSE,
            MORE,
            "版权所有 岭东电力交易中心",
        ]
    )
    write_page(tmp_path / "技术" / "detail_5871.txt", text + "\n")
    rec = records_by_name(tmp_path)["detail_5871.txt"]
    assert rec.title == HEADLINE
    assert rec.published is None
