"""Rules for page reading found on round 43c (set 65 of the unseen layouts,
`tests/fixtures/blind-sites-65`, opened this round), written as general forms: Taiwan's and
Hong Kong's words for the same furniture the rules already know in the mainland's. Each is
checked on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, records_by_name, write_page
from xinwen.index.furniture import line_rule

HEADLINE = "青川縣屋頂光電補助第三梯次開放申請 受理至八月底"


def _text_page(headline: str, n: int) -> str:
    # A county office's page copied as text: its tool bar under the headline (two sizes, 友善
    # 列印 and the share buttons), and the links back under the text with the page's reads.
    lines = [
        "跳到主要內容",
        "回首頁 | 網站導覽 | English",
        "青川縣政府能源科",
        "最新消息",
        "公告",
        "現在位置：首頁 > 最新消息 > 公告",
        headline,
        "字級：大 中 友善列印 Facebook Line",
        f"發布日期：113年6月{n}日",
        f"{n}日，{PROSE}",
        f"截至{n}日，{MORE}",
        f"回上一頁 回列表 點閱次數：{300 + n}",
        "隱私權保護政策｜資訊安全政策",
        "青川縣政府能源科 版權所有",
    ]
    return "\n".join(lines) + "\n"


def test_taiwan_tool_bar_and_back_links_are_furniture(tmp_path: Path) -> None:
    write_page(tmp_path / "公告" / "sn_101.txt", _text_page(HEADLINE, 3))
    write_page(tmp_path / "公告" / "sn_102.txt", _text_page("青川縣節電設備汰換補助說明會", 5))
    write_page(tmp_path / "公告" / "sn_103.txt", _text_page("青川縣公有建築物設置儲能設備", 9))
    rec = records_by_name(tmp_path)["sn_101.txt"]
    assert rec.title == HEADLINE
    assert "回列表" not in rec.body and "字級" not in rec.body
    assert rec.body.rstrip().endswith(MORE.rstrip())


def test_tool_bar_words_alone_do_not_make_a_line_furniture() -> None:
    # (a headline that happens to hold a size word is no tool bar; 回 needs its target)
    assert line_rule("字級：大 中 友善列印 Facebook Line") == "font size"
    assert line_rule("回上一頁 回列表") == "back links"
    assert line_rule("大中小企業節電補助 受理開始") is None
    assert line_rule("回列表前請先存檔") is None


def _html_notice(headline: str, office: str, n: int) -> str:
    # A notice with no date printed: only 資料來源：<office> between the headline and the text.
    return (
        '<html><head><meta charset="utf-8"><title>最新消息 - 青川縣政府能源科</title></head>'
        '<body><div class="top"><a href="/">回首頁</a><a href="/map">網站導覽</a></div>'
        '<div class="logo">青川縣政府能源科</div>'
        '<div class="left"><h2>最新消息</h2><ul><li><a href="/a">公告</a></li>'
        '<li><a href="/b">新聞稿</a></li></ul></div>'
        '<div class="content"><div class="path">現在位置：<a href="/">首頁</a> &gt; '
        '<a href="/a">公告</a></div>'
        f"<h3>{headline}</h3>"
        f'<ul class="info"><li>資料來源：{office}</li></ul>'
        f'<div class="essay"><p>{n}日，{PROSE}</p><p>截至{n}日，{MORE}</p></div>'
        f'<div class="back"><a href="#">回上一頁</a><a href="/a">回列表</a>點閱次數：{n}</div>'
        '</div><div class="footer">青川縣政府能源科 版權所有</div></body></html>'
    )


def test_data_source_over_the_text_is_the_source(tmp_path: Path) -> None:
    write_page(tmp_path / "公告" / "sn_201.htm", _html_notice(HEADLINE, "本科秘書室", 12))
    write_page(
        tmp_path / "公告" / "sn_202.htm", _html_notice("青川縣充電樁設置說明", "綜合規劃股", 40)
    )
    write_page(
        tmp_path / "公告" / "sn_203.htm", _html_notice("青川縣節電競賽得獎名單", "本科秘書室", 77)
    )
    rec = records_by_name(tmp_path)["sn_201.htm"]
    assert rec.title == HEADLINE
    assert rec.source == "本科秘書室"
