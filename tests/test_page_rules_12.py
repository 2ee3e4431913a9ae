"""Rules for page reading found on the twelfth round (set 12 of the unseen layouts,
`tests/fixtures/blind-sites-12`, opened this round: text saves of news pages — reader and app
copies, a traditional-character site, reader-mode exports, a crawler's dump), written as the
general forms those pages state or imply their source, date and headline in. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

HEAD = "南溪新建公共充电桩两千余个"


def _hk_page(byline: str, lead: str = "") -> str:
    """A traditional-character site's page saved as text: its name, menu, crumb, headline."""
    return (
        "南溪能源匯報 Nanxi Energy\n主頁 | 本地 | 國際 | 評論\n\n主頁 > 本地\n\n"
        f"南溪新建公共充電樁兩千餘個\n\n{byline}\n\n{lead}{PROSE}\n\n{MORE}\n\n"
        "© 2024 南溪能源匯報 版權所有 不得轉載\n"
    )


def test_a_papers_own_report_mark_in_traditional_characters_names_the_site(
    tmp_path: Path,
) -> None:
    # 來源：本報訊, the paper's own report, names no one but the site, as 来源：本站 does.
    rec = read_one(write_page(tmp_path / "a.txt", _hk_page("2024-05-16 10:00 來源：本報訊")))
    assert rec.source == "南溪能源匯報"


def test_a_source_element_saying_the_papers_own_report_names_the_site(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>南溪新建充電樁_本地_南溪能源匯報</title></head>'
        "<body><h1>南溪新建充電樁</h1><div class='meta'><span class='time'>2024-05-16 10:00"
        "</span> <span class='source'>來源：本報訊</span></div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    assert read_one(write_page(tmp_path / "a.html", page)).source == "南溪能源匯報"


@pytest.mark.parametrize(
    ("lead", "agency"), [("【共同社】", "共同社"), ("【新華社北京5月16日電】", "新華社")]
)
def test_a_news_agencys_mark_opening_the_text_names_the_agency(
    tmp_path: Path, lead: str, agency: str
) -> None:
    rec = read_one(write_page(tmp_path / "a.txt", _hk_page("2024年5月16日 星期四", lead)))
    assert (rec.source, rec.published) == (agency, dt.date(2024, 5, 16))


def test_the_papers_own_mark_opening_the_text_names_the_site(tmp_path: Path) -> None:
    # (the agency rule's guard: 【本報訊】 is the paper's own mark, no agency's)
    rec = read_one(write_page(tmp_path / "a.txt", _hk_page("2024年5月16日 星期四", "【本報訊】")))
    assert rec.source == "南溪能源匯報"


def test_a_reprint_notice_names_the_site_that_compiled_the_page(tmp_path: Path) -> None:
    # An app's copy that starts at the headline and names its site only in the notice under
    # the text (its name is not shaped like a site's: no 网, 报, 资讯).
    page = (
        f"{HEAD}\n\n2024-06-05 15:07\n\n{PROSE}\n\n{MORE}\n\n—— END ——\n\n"
        "声明：本文为南溪前沿整理，转载请注明出处。\n点赞 收藏 分享\n"
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert (rec.source, rec.published) == ("南溪前沿", dt.date(2024, 6, 5))


def test_a_headline_ending_like_a_sites_name_is_not_the_site(tmp_path: Path) -> None:
    # (储能电站并网 ends in 网, as a site's name does: the headline is no one's name)
    head = "南溪首个钠离子电池储能电站并网"
    page = f"{head}\n\n阅读 1.2k\n\n{PROSE}\n\n{MORE}\n\n—— END ——\n\n点赞 收藏 分享\n"
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.title == head
    assert rec.source is None


def test_a_long_source_beside_the_date_in_a_reader_modes_byline(tmp_path: Path) -> None:
    page = (
        f"{HEAD}\nnanxi.example.org\n\n来源：南溪环境能源交易所  |  2024年5月27日\n\n"
        f"{PROSE}\n\n{MORE}\n"
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert (rec.source, rec.published) == ("南溪环境能源交易所", dt.date(2024, 5, 27))


def test_one_saved_web_page_names_the_site_its_text_pages_credit(tmp_path: Path) -> None:
    # A folder of reader-mode exports with one saved web page: the web page's <title> names
    # the site, one export credits its own text to it, another credits no one.
    html = (
        '<html><head><meta charset="utf-8"><title>南溪碳市场扩围_政策_南溪碳观察</title></head>'
        "<body><h1>南溪碳市场扩围</h1><div>2024-06-26 21:37</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    write_page(tmp_path / "a.html", html)
    export = "{0}\nnanxi.example.org\n\n{1}\n\n{2}\n\n{3}\n\n阅读原文：http://nanxi.example.org/a\n"
    credit = "来源：南溪碳观察  |  2024年5月30日"
    write_page(tmp_path / "b.txt", export.format(HEAD, credit, PROSE, MORE))
    other = "南溪碳排放在线监测试点覆盖数十家电厂，试点单位直接测算排放量。"
    write_page(tmp_path / "c.txt", export.format("南溪碳足迹标准建设提速", "", other, PROSE))
    assert records_by_name(tmp_path)["c.txt"].source == "南溪碳观察"


def test_a_question_headline_above_its_byline(tmp_path: Path) -> None:
    # A commentary's headline, X，Y？, as long as a sentence, right above its date line.
    head = "东北亚天然气价格回落，南溪的买家应否增加长约？"
    rec = read_one(
        write_page(
            tmp_path / "a.txt",
            _hk_page("2024年6月12日 星期三").replace("南溪新建公共充電樁兩千餘個", head),
        )
    )
    assert rec.title == head
    assert rec.body == f"{PROSE}\n{MORE}"
