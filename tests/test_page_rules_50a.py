"""Rules for page reading found on round 50a (set 71, `tests/fixtures/blind-sites-71`, opened
this round), written as general forms. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

HEADLINE = "青岚储能电站完成首次满功率充放电试验"


def test_an_rdfa_date_dates_a_page_whose_printed_date_is_ambiguous(tmp_path: Path) -> None:
    # A Drupal 7 page: its 提交 line prints 04/09/2021 (month first, but nothing shows it),
    # and the span around it carries RDFa's machine-readable date: that is the page's date.
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{HEADLINE} | 青岚能源</title>
</head><body><div id="page"><h1 class="title">{HEADLINE}</h1>
<div class="meta submitted"><span property="dc:date dc:created"
 content="2021-04-09T10:12:00+08:00" datatype="xsd:dateTime">由 <span class="username">zhaoli</span>
 在 星期五, 04/09/2021 - 10:12 提交</span></div>
<div class="content"><p>{PROSE}</p><p>{MORE}</p></div></div></body></html>"""
    record = read_one(write_page(tmp_path / "node-88.html", html))
    assert record.title == HEADLINE
    assert record.published == dt.date(2021, 4, 9)


def test_a_label_naming_the_page_kind_is_not_the_headline(tmp_path: Path) -> None:
    # A text copy of a Joomla-style page: a box heading 详细信息 sits between the headline and
    # the author's field; it names the kind of page, not the article.
    def page(headline: str, n: int) -> str:
        lines = [
            "青岚能源",
            "首页",
            "新闻中心",
            "联系我们",
            "当前位置:  首页 新闻中心 动态",
            headline,
            "详细信息",
            "作者：综合管理部",
            f"发布时间：2022年{n}月1{n}日 星期一",
            f"点击数：{100 + n}",
            f"{n}月中旬，{PROSE}",
            MORE,
            "上一篇",
            "下一篇",
            "青岚能源有限公司 版权所有",
        ]
        return "\n".join(lines) + "\n"

    heads = [HEADLINE, "青岚能源两座光伏电站通过并网验收", "储能电池舱消防系统完成升级改造"]
    for n, headline in enumerate(heads, start=3):
        write_page(tmp_path / f"{n}.txt", page(headline, n))
    records = records_by_name(tmp_path)
    assert [records[f"{n}.txt"].title for n in (3, 4, 5)] == heads
