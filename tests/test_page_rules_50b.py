"""Rules for page reading found on round 50b (set 75 of the unseen layouts,
`tests/fixtures/blind-sites-75`, opened this round), written as general forms. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import read_one, write_page

HEADLINE = "溪南離岸風場第二期併網測試完成"
PROSE = (
    "溪南離岸風場第二期工程日前完成併網測試，十二部風機全數通過電力品質檢驗，"
    "預計下月起正式商轉，每年可供應約十五萬戶家庭用電。"
)
MORE = "研究組指出，後續仍須觀察冬季東北季風期間的出力變化，並評估海纜維護的時程與成本。"


def _meta_page(source_field: str) -> str:
    # A Drupal-style page: the meta line's fields in their own spans, glued without spaces
    # in the text, the source in a span whose class names it, labelled 資料來源.
    return (
        '<html><head><meta charset="utf-8"><meta property="og:site_name" content="溪南能源研究社">'
        f"<title>{HEADLINE} | 溪南能源研究社</title></head><body>"
        '<div class="header"><a href="/">溪南能源研究社</a></div>'
        f'<main><h1 class="page-title">{HEADLINE}</h1>'
        '<div class="node-meta"><span class="date">發布日期：2024-05-14</span>'
        "<span>作者：林某某</span>"
        f'<span class="field-source">{source_field}</span>'
        '<span class="counter">點閱數：1,286</span></div>'
        f'<div class="body"><p>{PROSE}</p><p>{MORE}</p></div></main>'
        "<footer><p>版權所有 © 溪南能源研究社</p></footer></body></html>"
    )


def test_a_data_source_label_in_a_source_element_is_not_the_name(tmp_path: Path) -> None:
    # 資料來源：本站 in a source-classed span: the label is no part of the value, and 本站
    # names no one, so the site's own name is the source (not "資料來源：本站").
    rec = read_one(write_page(tmp_path / "政策" / "node-421.html", _meta_page("資料來源：本站")))
    assert rec.title == HEADLINE
    assert rec.source == "溪南能源研究社"


def test_a_counter_glued_after_the_source_ends_it(tmp_path: Path) -> None:
    # A text copy of the same meta line, the fields run together: 來源：X組點閱數：1,286 —
    # the counter (點閱數, traditional, as the line is matched) is the next field, not the
    # source's tail.
    text = "\n".join(
        [
            "溪南能源研究社",
            "首頁 > 政策評析 > 內容頁",
            HEADLINE,
            "發布日期：2024-05-14作者：林某某資料來源：能源規劃組點閱數：1,286",
            PROSE,
            MORE,
            "版權所有 © 溪南能源研究社",
        ]
    )
    rec = read_one(write_page(tmp_path / "政策" / "node-422.txt", text + "\n"))
    assert rec.title == HEADLINE
    assert rec.source == "能源規劃組"


def test_an_ambiguous_byline_date_is_read_in_the_order_of_the_pages_other_dates(
    tmp_path: Path,
) -> None:
    # A Macau-style page: the byline's 03/07/2024 could be either order, but the page's
    # sidebar prints 25/04/2024 and 18/06/2024, plainly day-first: the byline's is 3 July.
    text = "\n".join(
        [
            "溪南能源事務局",
            "現在位置：首頁 > 新聞稿 > 內容",
            "最新通告",
            "溪南加油站安全檢查結果公佈 18/06/2024",
            "節能標籤計劃新增兩類電器 25/04/2024",
            HEADLINE,
            "發佈日期 Data de publicação：03/07/2024　瀏覽次數：120",
            PROSE,
            MORE,
            "版權所有 © 溪南能源事務局",
        ]
    )
    rec = read_one(write_page(tmp_path / "新聞稿" / "press_0703.txt", text + "\n"))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 7, 3)


def test_print_and_email_buttons_before_the_share_label_are_a_share_bar(tmp_path: Path) -> None:
    # A Taiwan government page: under the text, 列印 回上頁 分享至：… in one run, then the
    # section's other notices. The bar ends the article; those notices are not its text.
    text = "\n".join(
        [
            "溪南縣政府",
            "現在位置：首頁 > 能源專區 > 最新消息",
            HEADLINE,
            "發布日期：113-05-08 點閱數：321",
            PROSE,
            MORE,
            "列印回上頁分享至：FacebookLINE",
            "溪南縣節電競賽得獎名單出爐",
            "公有屋頂光電標租案說明會",
            "版權所有 © 溪南縣政府",
        ]
    )
    rec = read_one(write_page(tmp_path / "最新消息" / "News_Content_1.txt", text + "\n"))
    assert rec.title == HEADLINE
    assert MORE in rec.body
    assert "溪南縣節電競賽得獎名單出爐" not in rec.body


def test_a_share_bar_under_the_headline_and_its_deck_does_not_end_the_text(
    tmp_path: Path,
) -> None:
    # A Hong Kong newsroom: the headline, a deck, the print/email/share bar, then the text.
    # The bar at the top is the article's toolbar: the paragraphs under it are the text.
    last = "公司預計明年上半年完成主要設備招標，其後展開海上施工，投產後每年可減少大量碳排放。"
    text = "\n".join(
        [
            "溪南電力 Xinan Power",
            "主頁/新聞中心/項目消息",
            "21/11/2023",
            HEADLINE,
            "第二期將採用十二台風機並設海上變電站，經海底電纜接駁至南區電網",
            "列印 Print電郵 Email分享至：FacebookLinkedInWhatsApp",
            PROSE,
            MORE,
            last,
            "— 完 —",
            "版權所有 © 溪南電力有限公司",
        ]
    )
    rec = read_one(write_page(tmp_path / "項目" / "pj-20231121.txt", text + "\n"))
    assert rec.title == HEADLINE
    assert PROSE in rec.body
    assert last in rec.body


def test_a_data_source_field_one_field_below_the_date_is_the_source(tmp_path: Path) -> None:
    # A Taiwan county's page, its fields one a line: 發布日期, then 發布單位 (the office that
    # posted it, not a source), then 資料來源：X — the page's source, as 來源：X would be.
    text = "\n".join(
        [
            "溪南縣政府",
            "現在位置：首頁 > 能源專區 > 補助公告",
            HEADLINE,
            "發布日期：113-03-01",
            "發布單位：建設處能源科",
            "資料來源：溪南鄉公所",
            "點閱數：4208",
            PROSE,
            MORE,
            "版權所有 © 溪南縣政府",
        ]
    )
    rec = read_one(write_page(tmp_path / "補助" / "News_Content_2.txt", text + "\n"))
    assert rec.title == HEADLINE
    assert rec.source == "溪南鄉公所"
