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
