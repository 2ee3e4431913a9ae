"""Rules for page reading found on the thirtieth round (set 35 of the unseen layouts, real-size
portal pages, `tests/fixtures/blind-sites-35`, opened this round), written as general forms.
Each is checked on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "岭东风电场三期工程首批机组并网"


@pytest.mark.parametrize(
    "top_bar",
    [
        "您好，欢迎来到岭东能源商城！ 请登录 免费注册 | 我的订单 | 商家中心 | 手机版"
        " | 客服热线：400-100-2030",
        "您好，欢迎访问岭东能源交易中心！ [登录] [注册] | 会员中心 | 微信小程序"
        " | 服务热线：400-200-3040",
    ],
)
def test_a_long_top_bar_greeting_is_no_headline(tmp_path: Path, top_bar: str) -> None:
    # A big shop's top bar saved as text runs past a line of furniture's length: its greeting,
    # short links apart by spaces and bars, its hotline. It is chrome, not the headline.
    text = "\n".join(
        [
            top_bar,
            "供应 求购 企业 资讯",
            "",
            "首页",
            "资讯",
            "行情",
            "",
            "首页 > 资讯 > 项目 > 正文",
            "",
            HEADLINE,
            "发布时间：2024-06-12 09:00　来源：岭东日报",
            "",
            PROSE,
            MORE,
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "article-1.txt", text))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 6, 12)
    assert "欢迎" not in rec.body and "热线" not in rec.body


def test_a_greeting_that_opens_prose_stays_text(tmp_path: Path) -> None:
    # A sentence that greets the reader is prose: the long-line rule keeps it.
    greeting = (
        "欢迎来到岭东！这里的风电场已经连续三年满发，当地牧民告诉记者，他们对项目收益很满意。"
    )
    text = "\n".join([HEADLINE, "2024-06-12", "", greeting, PROSE])
    rec = read_one(write_page(tmp_path / "项目" / "a.txt", text))
    assert greeting in rec.body


@pytest.mark.parametrize("label", ["供稿", "供稿单位"])
def test_a_source_span_labelled_contributed_by_names_the_source(tmp_path: Path, label: str) -> None:
    # A CMS's meta line whose source-classed span carries 供稿：X (who contributed it) names X,
    # without its label, as 来源：X does.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<div class='detail'><h1>{HEADLINE}</h1>"
        "<div class='detail-info'><span class='date'>发布日期：2024-06-12</span>"
        f"<span class='source'>{label}：岭东发电公司</span>"
        "<span class='views'>浏览次数：</span></div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "7731.html", page))
    assert rec.title == HEADLINE
    assert rec.source == "岭东发电公司"


@pytest.mark.parametrize("sidebar_first", [True, False])
def test_a_headline_ending_in_issued_is_no_date_label(tmp_path: Path, sidebar_first: bool) -> None:
    # A sidebar's linked headline that ends in 发布 (排名发布 2024-10-28) is a title and its
    # date, not a byline's 发布 label: an undated article under it stays undated.
    sidebar = [
        "集团要闻",
        "岭东风电场运行指标排名发布 2024-10-28",
        "岭东光伏电站纳入省重点项目名单 2024-08-06",
    ]
    article = [HEADLINE, "来源：岭东日报", "", PROSE, MORE]
    lines = [*sidebar, "", *article] if sidebar_first else [*article, "", *sidebar]
    text = "\n".join(["岭东能源集团", "首页 | 新闻中心 | 项目 | 技术", "", *lines])
    rec = read_one(write_page(tmp_path / "项目" / "item.txt", text))
    assert rec.title == HEADLINE
    assert rec.published is None
    assert rec.source == "岭东日报"


def test_an_organ_that_issues_still_dates_its_line(tmp_path: Path) -> None:
    # An organisation's name and 发布 before the date (岭东能源局发布 2024-06-12) still dates it.
    text = "\n".join([HEADLINE, "岭东能源局发布 2024-06-12", "", PROSE, MORE])
    rec = read_one(write_page(tmp_path / "政策" / "item.txt", text))
    assert rec.published == dt.date(2024, 6, 12)
