"""Rules for page reading found on round 46a (set 65, traditional-character and cross-strait
pages, `tests/fixtures/blind-sites-65`), written as general forms. Each is checked on our own
small pages, read the way ``xinwen reindex`` does (`read_one`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import read_one, write_page

HEADLINE = "南港儲能案場啟用 可供三萬戶尖峰用電"
FIRST = "南港區的電池儲能案場昨日正式啟用，總容量六十兆瓦時，是北部最大的表後儲能設施。"
SECOND = "業者表示，案場將參與台電的輔助服務市場，在傍晚用電尖峰時段放電。"


def _page(first_line: str) -> str:
    lines = [
        "北岸能源網",
        "首頁 能源 產業 國際",
        "首頁 / 產業",
        HEADLINE,
        "發佈時間：2024/03/05 09:40　記者 林若水",
        first_line,
        SECOND,
        "關於我們 聯絡我們 隱私權政策",
        "© 2024 北岸能源網 版權所有",
    ]
    return "\n".join(lines) + "\n"


def test_a_reporters_bracketed_dateline_opening_the_text_is_its_byline(tmp_path: Path) -> None:
    # A Taiwan paper opens the text with the reporter and the city in brackets (【記者 X／台北
    # 報導】): a byline a reader skips; the paragraph's news starts after it.
    path = write_page(tmp_path / "a.txt", _page(f"【記者 林若水／台北報導】{FIRST}"))
    record = read_one(path)
    assert record.body.startswith(FIRST[:12])
    assert "記者 林若水" not in record.body
    assert SECOND[:12] in record.body


def test_a_bracketed_lead_without_the_reporters_city_stays(tmp_path: Path) -> None:
    # A bracketed label that is no reporter's dateline (【獨家】) stays the text's own words.
    path = write_page(tmp_path / "b.txt", _page(f"【獨家】{FIRST}"))
    record = read_one(path)
    assert "【獨家】" in record.body
