"""Rules for page reading found on the fourth round (set 3 of the unseen layouts,
`tests/fixtures/blind-sites-3`, opened this round), written as the general forms Chinese sites
print these things in: other calendars, more source labels, label and value cells, column tags,
broadcasters' and foreign editions' names, a site's name learned from its other pages, a news
app's copy-pasted layout, region folders. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one
from xinwen.index.cleaning import parse_date
from xinwen.index.furniture import parse_byline


def html_page(
    byline: str, *, title: str = "充电桩乡镇全覆盖_滨江网", h1: str = "充电桩乡镇全覆盖"
) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<div class='logo'>滨江网</div><h1>{h1}</h1><div class='info'>{byline}</div>"
        f"<div class='article'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='foot'>版权所有 滨江网</div></body></html>"
    )


def test_roc_era_and_chinese_numeral_dates_date_the_page(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    for byline, want in (
        ("民國112年5月4日 記者林某／台北報導", "2023-05-04"),
        ("民國112年6月12日 下午 3:20 來源：某某日報", "2023-06-12"),
        ("發布日期：112-11-01", "2023-11-01"),
        ("发布时间：二〇二三年五月十二日", "2023-05-12"),
    ):
        path.write_text(html_page(byline), "utf-8")
        record = read_one(path)
        assert record.published is not None, byline
        assert record.published.isoformat() == want, byline
    # A year of the era in the text is no date of the page; fields take the forms too.
    assert parse_byline("民國119年（2030年）前完成") is None
    assert parse_date("民國112年5月4日") == dt.date(2023, 5, 4)
    assert parse_date("二〇二三年十二月三十一日") == dt.date(2023, 12, 31)


def info_table(rows: str) -> str:
    return (
        '<html><head><meta charset="utf-8"><title>变电站主变扩建工程投运</title></head><body>'
        "<div class='sys'>某公司信息门户</div><table class='news'>"
        "<tr><td><b>变电站主变扩建工程投运</b></td></tr>"
        f"<tr><td><table class='info' border='1'>{rows}</table></td></tr>"
        f"<tr><td><p>{PROSE}</p><p>{MORE}</p></td></tr></table></body></html>"
    )


def test_a_byline_set_out_as_label_and_value_cells_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    rows = (
        "<tr><td>发布部门：</td><td>建设部</td><td>发布人：</td><td>周海</td></tr>"
        "<tr><td>发布时间：</td><td>2023-05-22 17:05</td><td>点击数：</td><td>642</td></tr>"
        "<tr><td>信息来源：</td><td>滨江日报</td><td>密级：</td><td>内部公开</td></tr>"
    )
    path.write_text(info_table(rows), "utf-8")
    record = read_one(path)
    assert record.source == "滨江日报"
    assert record.published is not None and record.published.isoformat() == "2023-05-22"
    # The cells' values are fields, not the article's text.
    assert "周海" not in record.body and "642" not in record.body
    # An empty 信息来源 cell names no one (not the next cell's label).
    path.write_text(info_table(rows.replace("<td>滨江日报</td>", "<td></td>")), "utf-8")
    assert read_one(path).source != "密级"
