"""Rules for page reading found on the thirty-third round (sets 41 and 43 of the unseen
layouts, `tests/fixtures/blind-sites-41` and `-43`, opened this round), written as general
forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.bylines import parse_byline
from xinwen.index.cleaning import parse_date

HEADLINE = "岭东风电场三期工程首批机组并网"


def _prose(n: int) -> str:
    """Our own sentences, different on each page (lines on every page are the template's)."""
    return f"记者从有关部门获悉，今年以来全市新建充电桩{n}千余个，第{n}批项目基本实现乡镇全覆盖。"


def _html(headline: str, byline: str, n: int = 1, head: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{headline}_岭东能源网</title>{head}</head>'
        f"<body><div class='nav'><a href='/'>首页</a> <a href='/xm/'>项目</a></div>"
        f"<h1>{headline}</h1><div class='info'>{byline}</div>"
        f"<div class='content'><p>{_prose(n)}</p><p>{MORE}第{n}期。</p></div></body></html>"
    )


@pytest.mark.parametrize(
    "meta",
    ["2024年6月12日 项目动态 2160次阅读 0条评论", "2024-06-12 政策解读动态 1,205次浏览 3条评论"],
)
def test_a_dated_line_with_counts_before_their_counters_is_a_byline(
    tmp_path: Path, meta: str
) -> None:
    # A blog theme's meta line under the headline of a page saved as text: the date, the
    # column, the reads and the comments, each count before its word. The page's date; the
    # headline above it, not the meta line, is the title.
    text = f"首页\n项目\n岭东能源网\n{HEADLINE}\n{meta}\n{PROSE}\n{MORE}\n"
    rec = read_one(write_page(tmp_path / "项目" / "2103.txt", text))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 6, 12)
    assert "评论" not in rec.body


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("發佈日期：16/05/2024", dt.date(2024, 5, 16)),
        ("发布日期：31.01.2024 10:30", dt.date(2024, 1, 31)),
        ("16-05-2024 來源：嶺東電力", dt.date(2024, 5, 16)),
        ("Posted 05/16/2024 | 岭东电力", dt.date(2024, 5, 16)),
    ],
)
def test_a_day_first_date_is_read_where_its_order_is_plain(line: str, date: dt.date) -> None:
    # Hong Kong and Macau sites print day, month, year; one of the two numbers past 12 says
    # which is which.
    byline = parse_byline(line)
    assert byline is not None and byline.date == date


def test_a_day_first_date_that_could_be_either_is_not_read() -> None:
    # 05/04/2024 is 5 April or May 4: an undated page stays undated rather than guessed.
    assert parse_date("05/04/2024") is None
    byline = parse_byline("發佈日期：05/04/2024")
    assert byline is None or byline.date is None
    assert parse_date("16/05/2024") == dt.date(2024, 5, 16)


@pytest.mark.parametrize(
    "line",
    [
        "發佈日期 Data de publicação：２０２４／０５／１６  來源：嶺東電力",
        "發佈日期 Date: 2024-05-16",
        "发布时间 Published：16/05/2024",
    ],
)
def test_a_bilingual_date_label_dates_the_page(tmp_path: Path, line: str) -> None:
    # Macau's and Hong Kong's sites label their fields in two languages, the other's words
    # before the colon (full-width digits too): the label is the date's all the same.
    byline = parse_byline(line)
    assert byline is not None and byline.date == dt.date(2024, 5, 16)
    assert byline.labelled_date
    rec = read_one(write_page(tmp_path / "項目" / "news-1.html", _html(HEADLINE, line)))
    assert rec.published == dt.date(2024, 5, 16)


_TW_HEADER = "跳到主要內容區\n嶺東縣政府能源處\n首頁 | 網站導覽 | English\n首頁 > 最新消息 > 項目\n"
_TW_TEXT = "本處即日起受理社區太陽光電示範計畫申請，鼓勵社區結合屋頂太陽光電與儲能設備。\n"
_TW_MORE = "每案補助上限為新臺幣二百萬元，且不超過總經費百分之四十。\n"


def test_a_taiwan_pages_read_counter_is_no_headline_nor_text(tmp_path: Path) -> None:
    # 點閱次數 (点阅次数) is Taiwan's government sites' counter of reads: under an undated
    # headline it is neither the headline nor the text.
    text = f"{_TW_HEADER}\n岭东社区储能示范计划征件\n點閱次數：349\n\n{_TW_TEXT}{_TW_MORE}"
    rec = read_one(write_page(tmp_path / "項目" / "News_Content_1.txt", text))
    assert rec.title == "岭东社区储能示范计划征件"
    assert "點閱" not in rec.body and "349" not in rec.body


@pytest.mark.parametrize(
    "meta",
    [
        "發布日期：113年4月15日\n資料來源：新聞及國際關係科\n點閱次數：440",
        "發布日期： 113-04-15 資料來源： 新聞及國際關係科 點閱次數： 440",
        "113年4月15日　資料來源：新聞及國際關係科　瀏覽人次：1,204",
    ],
)
def test_a_data_source_field_in_a_dated_byline_is_the_pages_source(
    tmp_path: Path, meta: str
) -> None:
    # Taiwan's government sites label the article's source 資料來源 (资料来源) beside the
    # page's date: the office named is the source, not the site's own name.
    text = f"{_TW_HEADER}\n嶺東社區儲能示範計畫徵件\n{meta}\n\n{_TW_TEXT}{_TW_MORE}"
    rec = read_one(write_page(tmp_path / "項目" / "News_Content_1.txt", text))
    assert rec.source == "新聞及國際關係科"
    assert rec.published == dt.date(2024, 4, 15)
    assert "點閱" not in rec.body and "瀏覽" not in rec.body


def test_a_data_source_credit_in_the_text_is_no_source(tmp_path: Path) -> None:
    # The same label under a chart in the text, far from the byline, credits the data only.
    text = (
        f"{_TW_HEADER}\n嶺東社區儲能示範計畫徵件\n發布日期：113年4月15日\n\n{_TW_TEXT}"
        f"資料來源：經濟部能源署\n{_TW_MORE}"
    )
    rec = read_one(write_page(tmp_path / "項目" / "News_Content_1.txt", text))
    assert rec.source != "經濟部能源署"


@pytest.mark.parametrize("actions", ["文件動作\n列印  寄送本頁", "轉寄給朋友 | 列印", "寄送本页"])
def test_a_pages_actions_to_print_or_mail_it_are_no_text(tmp_path: Path, actions: str) -> None:
    # A content system's box of the page's actions under the text (Plone's 文件動作: print,
    # send this page on): buttons, not the article's words.
    text = (
        f"首頁  關於  新聞  活動\n\n{HEADLINE}\n\n{PROSE}\n{MORE}\n\n{actions}\n\n© 2024 岭东大学\n"
    )
    rec = read_one(write_page(tmp_path / "新聞" / "award.txt", text))
    assert PROSE in rec.body
    assert "寄送" not in rec.body and "轉寄" not in rec.body and "文件動作" not in rec.body


def test_a_telephone_number_dates_no_page(tmp_path: Path) -> None:
    # An undated event's page with a contact line: 02-2000-0000 is a telephone number, not
    # February 2000.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<article class='blog-item'><h1>{HEADLINE}</h1>"
        f"<div class='blog-item-content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='blog-item-author-profile-wrapper'>聯絡窗口：倡議部 02-2000-0000</div>"
        "</article></body></html>"
    )
    rec = read_one(write_page(tmp_path / "活動" / "launch.html", page))
    assert rec.published is None


def test_a_columns_name_before_the_headlines_colon_is_no_headline(tmp_path: Path) -> None:
    # A column's headlines open with its name and a colon (会员风采：X), and the menu shows the
    # column's name alone: that menu item is not the headline cut short.
    headline = "会员风采：一家县城企业如何做成储能柜单项冠军"
    menu = "".join(f"<li><a href='/c/{n}'>{item}</a></li>" for n, item in enumerate(_MENU))
    page = (
        f'<html><head><meta charset="utf-8"><title>{headline}-技术交流-岭东能源协会</title></head>'
        f"<body><ul class='nav'>{menu}</ul><div class='cw-article'>"
        f"<h2 class='cw-article-title'>{headline}</h2>"
        f"<div class='cw-article-content'><p>{PROSE}</p><p>{MORE}</p></div></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "技术交流" / "content-1.html", page))
    assert rec.title == headline


_MENU = [
    "首页",
    "协会概况",
    "协会动态",
    "技术交流",
    "会员服务",
    "会员风采",
    *[f"栏目{n}" for n in range(40)],
]


@pytest.mark.parametrize("foot", ["更新日期：113-04-17", "本處民國112年起辦理社區儲能補助。"])
def test_a_bare_roc_date_dates_a_page_that_writes_roc_years(tmp_path: Path, foot: str) -> None:
    # A Taiwan site's byline may print the ROC date bare (113-04-15, the year 2024); the page
    # writes ROC years elsewhere (its foot's 更新日期, a 民國 year in the text), which says
    # whose year 113 is.
    text = (
        f"{_TW_HEADER}\n嶺東社區儲能示範計畫徵件\n113-04-15　點閱次數：440\n\n{_TW_TEXT}{_TW_MORE}"
        f"\n{foot}\n友善列印  回上一頁\n"
    )
    rec = read_one(write_page(tmp_path / "項目" / "News_Content_1.txt", text))
    assert rec.published == dt.date(2024, 4, 15)
    assert rec.title == "嶺東社區儲能示範計畫徵件"


def test_a_bare_three_digit_date_alone_dates_no_page(tmp_path: Path) -> None:
    # Without an ROC year anywhere on the page, 113-04-15 could be anything: undated.
    text = (
        f"{_TW_HEADER}\n嶺東社區儲能示範計畫徵件\n113-04-15　點閱次數：440\n\n{_TW_TEXT}{_TW_MORE}"
    )
    rec = read_one(write_page(tmp_path / "項目" / "News_Content_1.txt", text))
    assert rec.published is None


@pytest.mark.parametrize(
    "byline",
    ["發佈日期 Date：16/05/2024 | 來源 Source：嶺東電力", "來源 Fonte：嶺東電力"],
)
def test_a_bilingual_source_label_names_the_source(tmp_path: Path, byline: str) -> None:
    # The source's label in two languages (來源 Source：X, 來源 Fonte：X): the other language's
    # word is the label's, not the source.
    assert (parsed := parse_byline(byline)) is not None and parsed.source == "嶺東電力"
    rec = read_one(write_page(tmp_path / "新聞" / "news-1.html", _html(HEADLINE, byline)))
    assert rec.source == "嶺東電力"


@pytest.mark.parametrize("edited", ["最後修改 2024-04-23 10:15", "最后更新：2024-04-23"])
def test_a_last_edits_date_gives_way_to_the_publications(tmp_path: Path, edited: str) -> None:
    # A content system prints when the page was last edited (Plone's 最後修改) by the
    # headline, the publication's date under it: the page's date is the publication's.
    text = (
        f"首頁  關於  新聞  活動\n\n{HEADLINE}\n{edited}\n2024-04-19 來源：岭东大学\n\n"
        f"{PROSE}\n{MORE}\n"
    )
    rec = read_one(write_page(tmp_path / "新聞" / "award.txt", text))
    assert rec.published == dt.date(2024, 4, 19)
