"""Rules for page reading found on round 39b (set 58 of the unseen layouts,
`tests/fixtures/blind-sites-58`, opened this round), written as general forms. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, records_by_name, write_page
from xinwen.index.bylines import parse_byline

HEADLINE = "南溪县公共充电设施运行情况调查"


def _post(meta: str, *, contents: bool = False, credit: str = "") -> str:
    # A static blog theme's post saved as text: site name, menu, breadcrumb, the headline, its
    # meta line (date · reading time · word count · author), optionally a 目录 block whose
    # entries are the text's section headings, the text, a source credit and the footer.
    toc = ["目录", "一、基本情况", "二、存在问题"] if contents else []
    lines = [
        "南溪能源研究所",
        "首页",
        "研究",
        "动态",
        "首页 » 研究",
        HEADLINE,
        meta,
        *toc,
        PROSE,
        "一、基本情况",
        f"截至3月，{PROSE}",
        "二、存在问题",
        MORE,
        *([credit] if credit else []),
        "« 上一页",
        "南溪县储能电站年度运行报告",
        "下一页 »",
        "© 2024 南溪能源研究所 · 南ICP备24001234号-1",
    ]
    return "\n".join(lines) + "\n"


def test_a_date_before_a_reading_time_and_a_word_count_dates_the_post(tmp_path: Path) -> None:
    # (2024年3月8日 · 4 分钟 · 1860 字 · 王明: a theme's meta line, the author's name unlabelled)
    assert parse_byline("2024年3月8日 · 4 分钟 · 1860 字 · 王明") is not None
    assert parse_byline("2024-03-08 | 约5分钟读完 | 2,100字") is not None
    # (a sentence with a count of characters in it is no meta line)
    assert parse_byline("2024年3月8日 全县共收到意见建议，合计1860 字") is None
    write_page(tmp_path / "研究" / "a.txt", _post("2024年3月8日 · 4 分钟 · 1860 字 · 王明"))
    rec = records_by_name(tmp_path)["a.txt"]
    assert rec.published == dt.date(2024, 3, 8)
    assert rec.title == HEADLINE
    assert "1860" not in rec.body


def test_a_table_of_contents_above_the_text_is_no_text(tmp_path: Path) -> None:
    # (a 目录 block whose entries come back further down as the text's section headings)
    meta = "2024年3月8日 · 4 分钟 · 1860 字 · 王明 · 来源：南溪日报"
    write_page(tmp_path / "研究" / "a.txt", _post(meta, contents=True))
    rec = records_by_name(tmp_path)["a.txt"]
    assert rec.title == HEADLINE
    assert "目录" not in rec.body
    assert rec.body.startswith(PROSE)
    assert rec.body.count("一、基本情况") == 1 and rec.body.count("二、存在问题") == 1


def test_a_contents_label_over_lines_not_shown_again_stays(tmp_path: Path) -> None:
    # (目录 over lines that never come back is no table of contents of this text: kept)
    page = _post("2024年3月8日 · 来源：南溪日报").replace(
        f"{PROSE}\n一、基本情况", f"{PROSE}\n目录\n甲类项目清单\n乙类项目清单\n一、基本情况", 1
    )
    write_page(tmp_path / "研究" / "a.txt", page)
    rec = records_by_name(tmp_path)["a.txt"]
    assert "甲类项目清单" in rec.body


def test_a_reposts_source_field_names_the_source(tmp_path: Path) -> None:
    # (本文转自：X　来源：Y: X passed the article on, Y is its labelled source)
    line = "本文转自：南溪发布　来源：南溪日报　作者：王明　|　编辑：李华"
    assert parse_byline(line).source == "南溪日报"
    assert parse_byline("转自：南溪发布　作者：王明").source == "南溪发布"
    write_page(tmp_path / "研究" / "a.txt", _post("2024年3月8日", credit=line))
    rec = records_by_name(tmp_path)["a.txt"]
    assert rec.source == "南溪日报"
