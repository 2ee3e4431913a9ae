"""Rules for page reading found on round 44b (set 65 of the unseen layouts,
`tests/fixtures/blind-sites-65`), written as general forms a reader of Chinese news pages would
agree with. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, records_by_name, write_page
from xinwen.index.pagesources import _release_credited_last
from xinwen.index.textdumps import split_glued_size_bar

HEADLINE = "南岬風場第二期完成併網 年發電量可供八萬戶使用"


def _glued_page(headline: str, credit: str, n: int) -> str:
    # A trade paper's page copied as text: the date and the source on one line, with the
    # font-size buttons that sit at its right run onto it (字級：大中小).
    lines = [
        "會員登入|加入會員|電子報",
        "首頁 ｜ 能源 ｜ 產業",
        "南岬能源報",
        "目前位置：首頁 > 能源 > 新聞內容",
        headline,
        f"2024年3月{n}日 週五　來源：{credit}字級：大中小",
        f"{n}日，{PROSE}",
        f"截至{n}日，{MORE}",
        "友善列印轉寄好友分享到臉書",
        "南岬能源報 版權所有",
    ]
    return "\n".join(lines) + "\n"


def test_size_buttons_glued_to_a_meta_line_leave_its_source(tmp_path: Path) -> None:
    write_page(tmp_path / "能源" / "news_101.txt", _glued_page(HEADLINE, "台電公司新聞稿", 1))
    write_page(tmp_path / "能源" / "news_102.txt", _glued_page("離岸風電運維港擴建", "本報", 4))
    write_page(tmp_path / "能源" / "news_103.txt", _glued_page("儲能案場消防新規", "經濟部", 8))
    rec = records_by_name(tmp_path)["news_101.txt"]
    assert rec.title == HEADLINE
    assert rec.source == "台電公司新聞稿"
    assert "字級" not in rec.body


def test_size_buttons_are_cut_off_a_meta_line_only() -> None:
    assert split_glued_size_bar(["2024年3月1日　來源：某報字級：大中小"]) == [
        "2024年3月1日　來源：某報",
        "字級：大中小",
    ]
    # (a line with no date or field label before the buttons is left as it is)
    assert split_glued_size_bar(["分享字級：大中小"]) == ["分享字級：大中小"]


def _html_page(headline: str, credit: str, n: int) -> str:
    # The same meta line on an HTML page: the size buttons a span floated right inside it.
    return (
        '<html><head><meta charset="utf-8"><title>南岬能源報</title></head><body>'
        '<div class="top">會員登入 | 加入會員 | 電子報</div><div class="nav">首頁 能源 產業</div>'
        f"<table><tr><td><h1>{headline}</h1></td></tr>"
        f'<tr><td><div class="info">2024年3月{n}日 週五　來源：{credit}'
        '<span class="fs">字級：<a href="#">大</a><a href="#">中</a><a href="#">小</a></span>'
        "</div></td></tr></table>"
        f"<div class='content'><p>{n}日，{PROSE}</p><p>截至{n}日，{MORE}</p></div>"
        "<div class='foot'>南岬能源報 版權所有</div></body></html>"
    )


def test_size_buttons_inline_in_a_meta_line_leave_its_source(tmp_path: Path) -> None:
    write_page(tmp_path / "產業" / "news_201.htm", _html_page(HEADLINE, "電動車產業聯盟", 2))
    write_page(tmp_path / "產業" / "news_202.htm", _html_page("換電站擴點計畫", "本報", 5))
    write_page(tmp_path / "產業" / "news_203.htm", _html_page("充電樁補助延長", "交通部", 9))
    rec = records_by_name(tmp_path)["news_201.htm"]
    assert rec.title == HEADLINE
    assert rec.source == "電動車產業聯盟"
    assert "字級" not in rec.body


def _release_page(headline: str, close: str, n: int) -> str:
    # A weekly's story with a reporter's name and no 来源 field: its last line credits the
    # press release it was written from.
    return (
        '<html><head><meta charset="utf-8"><title>南岬能源週報</title>'
        '<meta property="og:site_name" content="南岬能源週報"></head><body>'
        '<div class="nav">首頁 能源 政策 社區</div>'
        f"<article><h1>{headline}</h1>"
        f"<div class='meta'><span>發佈時間：2024年2月{n}日 下午3:20</span>"
        "<span>記者 林雅文</span></div>"
        f"<div class='content'><p>{n}日，{PROSE}</p><p>截至{n}日，{MORE}</p><p>{close}</p></div>"
        "</article><div class='side'><h3>最新新聞</h3><p>社區太陽能合作社招募會員</p></div>"
        "<div class='foot'>南岬能源週報 版權所有</div></body></html>"
    )


def test_a_press_release_credited_under_the_text_is_the_source(tmp_path: Path) -> None:
    close = "資料來源：省能源廳新聞稿"
    write_page(tmp_path / "能源" / "a1.html", _release_page(HEADLINE, close, 5))
    write_page(tmp_path / "能源" / "a2.html", _release_page("熱泵補貼加碼", "（完）", 7))
    write_page(tmp_path / "能源" / "a3.html", _release_page("電網升級計畫", "（本報訊）", 9))
    records = records_by_name(tmp_path)
    assert records["a1.html"].source == "省能源廳新聞稿"
    assert records["a2.html"].source == "南岬能源週報"
    # (figures credited to an office, not a press release: no source of the story; nor a
    # release credited over the text)
    assert _release_credited_last(["標題", "第一段。", "資料來源：統計局"]) is None
    assert _release_credited_last(["資料來源：省能源廳新聞稿", "第一段。"]) is None
