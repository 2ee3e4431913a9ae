"""Rules for page reading found on round 48a (set 72 of the unseen layouts,
`tests/fixtures/blind-sites-72`, opened this round), written as general forms. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.bylines import parse_byline

HEADLINE = "岭东风电场三期工程首批机组并网发电"
NAV = (
    "<div class='nav'><a href='/'>首页</a> <a href='/xw/'>新闻中心</a>"
    " <a href='/gk/'>概况</a></div>"
)
FOOT = "<div class='foot'>版权所有 岭东风能开发有限公司 联系电话：0000-1234567</div>"


def _html(title: str, head: str, meta: str, text: str, extra: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>{NAV}'
        f"<div class='main'>{head}<div class='info'>{meta}</div>{extra}"
        f"<div class='content'>{text}</div></div>{FOOT}</body></html>"
    )


BODY = f"<p>{PROSE}</p><p>{MORE}</p><p>{PROSE}今年还将新建换电站十座。</p>"


def test_a_date_an_inline_script_writes_is_the_bylines_date(tmp_path: Path) -> None:
    # A hand-made site's byline whose date a script writes from a literal (the browser shows
    # 发布时间：2023年04月12日); today's date in the top bar is computed, no literal.
    meta = (
        '<span>发布时间：<script>document.write(fmtDate("2023-04-12 09:15:00"));</script>'
        "</span><span>作者：林一</span>"
    )
    today = "document.write(new Date().toLocaleDateString());"
    top = f"<div class='top'>今天是：<script>{today}</script></div>"
    page = _html(f"{HEADLINE}-岭东风能", top + f"<h1>{HEADLINE}</h1>", meta, BODY)
    rec = read_one(write_page(tmp_path / "xw" / "show_88.html", page))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2023, 4, 12)


def test_a_title_of_breadcrumb_arrows_gives_its_headline(tmp_path: Path) -> None:
    # An ASP portal's <title> prints the path: 站名 >> 栏目 >> 标题; the headline is in a table
    # cell, no <h1>.
    meta = "作者：协会秘书处　　文章来源：本会　　更新时间：2021-3-9"
    page = (
        '<html><head><meta charset="utf-8">'
        f"<title>岭东省风能协会 &gt;&gt; 协会动态 &gt;&gt; {HEADLINE}</title></head><body>{NAV}"
        f"<table><tr><td class='ArticleTitle'>{HEADLINE}</td></tr><tr><td>{meta}</td></tr>"
        f"<tr><td>{BODY}</td></tr></table>{FOOT}</body></html>"
    )
    rec = read_one(write_page(tmp_path / "xhdt" / "ShowArticle_77.html", page))
    assert rec.title == HEADLINE


def test_a_date_a_rule_takes_effect_from_is_not_the_pages() -> None:
    # A standard's subtitle under its headline: the day it takes effect, another date than
    # the page's (the byline's 更新时间 wins over it).
    byline = parse_byline("T/LD 007—2021　2021年10月1日起实施")
    assert byline is not None and byline.other_date
    plain = parse_byline("2021年10月1日 来源：本会")
    assert plain is not None and not plain.other_date


def test_the_effective_date_under_a_headline_loses_to_the_bylines(tmp_path: Path) -> None:
    sub = "<div class='sub'>T/LD 007—2021　2021年10月1日起实施</div>"
    meta = "作者：标委会　　文章来源：协会标准部　　更新时间：2021-8-3"
    page = _html(f"{HEADLINE}_标准_岭东风能", f"<h1>{HEADLINE}</h1>{sub}", meta, BODY)
    rec = read_one(write_page(tmp_path / "bz" / "a_5.html", page))
    assert rec.published == dt.date(2021, 8, 3)


def test_a_numbered_question_under_the_byline_is_not_the_headline(tmp_path: Path) -> None:
    # A text dump of an explainer (政策解读): its headline over the byline, then its parts,
    # each a numbered question over its answer.
    lines = [
        "岭东县发展和改革局",
        "首页 政务公开 政策法规 通知公告",
        "当前位置：首页 > 政策法规 > 正文",
        "",
        "        《岭东县充电设施建设管理办法》解读",
        "",
        "来源：县发改局能源股　　浏览次数：",
        "",
        "一、为什么要制定《办法》？",
        "",
        PROSE,
        "",
        "二、适用范围是什么？",
        "",
        MORE,
        "",
        "【打印本页】 【关闭窗口】",
        "主办单位：岭东县发展和改革局",
    ]
    rec = read_one(write_page(tmp_path / "zcfg" / "t20210305_1.txt", "\n".join(lines) + "\n"))
    assert rec.title == "《岭东县充电设施建设管理办法》解读"
    assert "为什么要制定《办法》" in rec.body


def test_a_summary_box_framing_one_paragraph_is_a_deck(tmp_path: Path) -> None:
    # A content system's summary field under the headline: a box holding one short <p>, the
    # editor's deck, not the text's first paragraph.
    deck = "从开工到全容量并网历时八个月，比计划提前三十天"
    head = f"<h1>{HEADLINE}</h1>"
    meta = "<span>发布于 2024-05-06</span> <span>来源：工程管理部</span>"
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE} | 岭东风能</title></head><body>'
        f"{NAV}<article>{head}<div class='meta'>{meta}</div>"
        f"<div class='field-summary'><p>{deck}</p></div>"
        f"<div class='node-content'><div class='body'>{BODY}</div></div></article>{FOOT}"
        "</body></html>"
    )
    rec = read_one(write_page(tmp_path / "xiangmu" / "pv-grid.html", page))
    assert rec.title == HEADLINE
    assert deck not in rec.body
    assert PROSE in rec.body
