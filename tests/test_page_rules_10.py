"""Rules for page reading found on the tenth round (set 11 of the unseen layouts,
`tests/fixtures/blind-sites-11`, opened this round, and pages saved as text: a browser's
"save as text", a copy and paste, ``lynx -dump``, a reader mode's copy), written as the general
forms those pages print things in. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page
from xinwen.index.records import Record
from xinwen.index.sources import read_sources


@pytest.mark.parametrize("count", ["阅读 --", "浏览量：--", "阅读 …", "阅读量：加载中"])
def test_a_count_the_script_had_not_filled_in_is_no_headline(tmp_path: Path, count: str) -> None:
    # An app's page saved as text before its script filled in the reads: the count's line
    # under the headline is neither the headline nor the text.
    page = (
        f"南溪圈\n首页\n政策\n项目\n登录\n项目\n南溪首座重卡换电站投入运营\n{count}\n"
        f"{PROSE}\n{MORE}\n点赞\n收藏\n分享\n© 2019-2024 南溪圈\n"
    )
    rec = read_one(write_page(tmp_path / "article-1.txt", page))
    assert rec.title == "南溪首座重卡换电站投入运营"
    assert rec.body == f"{PROSE}\n{MORE}"


def _company_page(n: int, credit: str) -> str:
    return (
        '<html><head><meta charset="utf-8">'
        f"<title>南溪核电第{n}号通讯-新闻中心-南溪核电有限公司</title></head><body>"
        '<header><a href="/"><img src="/logo.svg" alt="南溪核电有限公司"></a>'
        '<nav><a href="/">首页</a><a href="/news/">新闻中心</a></nav></header>'
        f"<main><h2>南溪核电第{n}号通讯</h2><div class='meta'>发布日期：2024-07-0{n}"
        f"{credit}</div><div class='body'><p>第{n}期：{PROSE}</p><p>{MORE}</p></div></main>"
        "<footer><p>版权所有 © 南溪核电有限公司</p></footer></body></html>"
    )


def test_a_companys_page_without_a_credit_is_by_the_short_name_its_pages_credit(
    tmp_path: Path,
) -> None:
    # A company's site (南溪核电有限公司 in every <title>) credits its own news 来源：南溪核电;
    # the page that gives no credit is the company's all the same, under the same name.
    for n, credit in enumerate(["　来源：南溪核电", "　来源：能源观察周刊", ""], start=1):
        write_page(tmp_path / "lanxi" / f"news_{n}.shtml", _company_page(n, credit))
    sources = {name: r.source for name, r in records_by_name(tmp_path).items()}
    assert sources == {
        "news_1.shtml": "南溪核电",
        "news_2.shtml": "能源观察周刊",
        "news_3.shtml": "南溪核电",
    }


def test_a_companys_site_that_credits_no_short_name_keeps_its_full_name(tmp_path: Path) -> None:
    for n in (1, 2):
        write_page(tmp_path / "lanxi" / f"news_{n}.shtml", _company_page(n, ""))
    assert {r.source for r in records_by_name(tmp_path).values()} == {"南溪核电有限公司"}


LYNX_PAGE = (
    "   [1]南溪能源网\n\n     * [2]首页\n     * [3]新闻\n     * [4]政策\n\n"
    "   [5]首页 > [6]新闻中心 > 正文\n\n                 南溪新建公共充电桩两千余个\n\n"
    f"   2024-03-05 09:30 来源：南溪日报\n\n   {PROSE}\n\n   {MORE}\n\n"
    "   [7]上一篇：南溪储能电站开工\n   [8]下一篇：光伏扶贫项目验收\n\n"
)
LYNX_LIST = "References\n\n" + "".join(
    f"  {n}. http://nanxi.example/{n}.html\n" for n in range(1, 9)
)


@pytest.mark.parametrize("tail", [LYNX_LIST, ""], ids=["with its link list", "-nolist"])
def test_a_text_browsers_link_marks_and_list_are_not_the_page(tmp_path: Path, tail: str) -> None:
    # ``lynx -dump``: every link numbered where it stands ([7]上一篇：…), the addresses listed
    # under References at the end. The marks hid 上一篇 and the section from the rules.
    rec = read_one(write_page(tmp_path / "news" / "a.txt", LYNX_PAGE + tail))
    assert rec.title == "南溪新建公共充电桩两千余个"
    assert rec.body == f"{PROSE}\n{MORE}"
    assert rec.category == "新闻中心"
    assert rec.source == "南溪日报"


def test_a_link_list_alone_at_the_end_is_not_the_text(tmp_path: Path) -> None:
    page = (
        f"南溪新建公共充电桩两千余个\n\n2024-03-05 来源：南溪日报\n\n{PROSE}\n{MORE}\n\n{LYNX_LIST}"
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.body == f"{PROSE}\n{MORE}"


def test_footnote_marks_of_a_plain_page_stay(tmp_path: Path) -> None:
    # (marks that do not count up from 1 at the top are the text's own)
    text = f"{PROSE}[2]"
    page = f"南溪新建公共充电桩两千余个\n2024-03-05 来源：南溪日报\n{text}\n{MORE}\n[1] 注释一\n"
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert text in rec.body


@pytest.mark.parametrize("rule", ["━━━━━━━━━━━━", "────────", "* * *", "________"])
def test_a_rule_drawn_in_characters_is_not_text(tmp_path: Path, rule: str) -> None:
    page = (
        f"南溪能源网\n{rule}\n南溪新建公共充电桩两千余个\n发布时间：2024-03-05 来源：南溪日报\n"
        f"{PROSE}\n{rule}\n{MORE}\n{rule}\n[打印] [关闭]\n"
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize(
    ("host", "author", "time"),
    [
        ("nanxi-energy.example", "王明", "3-4 分钟"),
        ("www.nanxi-energy.example", "", "阅读时间：约 3 分钟"),
        ("https://nanxi.example/", "王明", "5 min read"),
    ],
)
def test_a_reader_modes_copy_its_address_author_and_reading_time(
    tmp_path: Path, host: str, author: str, time: str
) -> None:
    # Firefox's reader view copied whole: headline, the site's address, the author, the
    # reading time, then the text.
    lines = ["南溪新建公共充电桩两千余个", host, author, time, PROSE, MORE]
    rec = read_one(write_page(tmp_path / "a.txt", "\n".join(line for line in lines if line)))
    assert rec.title == "南溪新建公共充电桩两千余个"
    assert rec.body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize("credit", ["（南溪日报 2024年3月5日）", "(南溪日报 2024-03-05)"])
def test_a_bracketed_credit_under_a_copied_text_names_the_paper(
    tmp_path: Path, credit: str
) -> None:
    page = f"南溪新建公共充电桩两千余个\n{PROSE}\n{MORE}\n{credit}\n"
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert (rec.source, str(rec.published), rec.body) == (
        "南溪日报",
        "2024-03-05",
        f"{PROSE}\n{MORE}",
    )


@pytest.mark.parametrize(
    "meta",
    [
        "原创 王明 南溪能源 2024年03月05日 09:30 南溪",
        "原创 南溪能源 2024-03-05 09:30 发表于南溪",
        "王明 南溪能源 2024-03-05 09:30 发表于南溪",
    ],
)
def test_a_copied_official_account_articles_line_names_the_account(
    tmp_path: Path, meta: str
) -> None:
    # A 公众号 article copied whole: 原创, the author, the account, the date, where from.
    page = f"南溪新建公共充电桩两千余个\n{meta}\n{PROSE}\n{MORE}\n预览时标签不可点\n阅读原文\n"
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert (rec.source, str(rec.published)) == ("南溪能源", "2024-03-05")
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_page_copied_as_fields_has_its_title_fields_headline(tmp_path: Path) -> None:
    fields = "标题：南溪新建公共充电桩两千余个\n日期：2024-03-05\n来源：南溪日报\n正文：\n"
    page = f"{fields}{PROSE}\n{MORE}\n"
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.title == "南溪新建公共充电桩两千余个"
    assert rec.body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize(
    "byline", ["2024-03-05 10:00", "来源：南溪日报 2024-03-05"], ids=["date", "source"]
)
def test_a_long_headline_with_a_comma_by_its_byline(tmp_path: Path, byline: str) -> None:
    # A copy that starts at the headline, whose headline (X，Y) is as long as a sentence but
    # ends with no full stop, and has its byline under it.
    head = "南溪市新建公共充电桩两千余个，基本实现乡镇全覆盖"
    rec = read_one(write_page(tmp_path / "a.txt", f"{head}\n{byline}\n{PROSE}\n{MORE}\n"))
    assert rec.title == head
    assert rec.body == f"{PROSE}\n{MORE}"


def test_list_bullets_of_a_page_saved_as_text_do_not_hide_its_furniture(tmp_path: Path) -> None:
    # A browser's "save as text": the menu and the previous/next links as a bulleted list.
    page = (
        "南溪能源网\n\n  * 首页\n  * 新闻中心\n  * 政策法规\n\n南溪新建公共充电桩两千余个\n\n"
        f"2024-03-05 09:30 来源：南溪日报\n\n{PROSE}\n\n{MORE}\n\n"
        "  * 上一篇：南溪储能电站开工\n  * 下一篇：光伏扶贫项目验收\n\n  · 网站地图\n"
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_markdown_copys_heading_and_quote_marks(tmp_path: Path) -> None:
    page = f"# 南溪新建公共充电桩两千余个\n\n> 来源：南溪日报 | 2024-03-05\n\n{PROSE}\n\n{MORE}\n"
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert (rec.title, rec.source, rec.body) == (
        "南溪新建公共充电桩两千余个",
        "南溪日报",
        f"{PROSE}\n{MORE}",
    )


SAVED = (
    "南溪能源网\n首页 | 新闻 | 政策\n南溪新建公共充电桩两千余个\n2024-03-05 来源：南溪日报\n"
    f"{PROSE}\n{MORE}\n"
)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_page_saved_as_utf16_without_its_mark(tmp_path: Path, codec: str) -> None:
    # ("一" is U+4E00: a NUL on the other side of its pair too)
    path = tmp_path / "a.txt"
    path.write_bytes(SAVED.replace("两千", "一千").encode(codec))
    rec = read_one(path)
    assert (rec.title, rec.source) == ("南溪新建公共充电桩一千余个", "南溪日报")


def test_a_binary_file_is_still_no_page(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(bytes(range(256)) * 8)
    [skip] = read_sources([path])
    assert not isinstance(skip, Record)
    assert skip.reason == "binary file"


def test_a_text_browsers_box_borders_and_image_placeholders_are_not_text(tmp_path: Path) -> None:
    # ``links -dump`` draws tables' borders; lynx shows an image without alt text by its file.
    page = (
        "+--------------+\n| 南溪能源网 |\n+--------------+\n[1]首页 [2]新闻 [3]政策\n"
        f"南溪新建公共充电桩两千余个\n时间：2024-03-05 来源：南溪日报\n{PROSE}\n"
        f"[4][chart-01.png]\n{MORE}\n┌──────┬──────┐\n│ 上一篇 │ 下一篇 │\n└──────┴──────┘\n"
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize("sep", [" - ", "_", " | "])
def test_a_copy_headed_by_the_tabs_title(tmp_path: Path, sep: str) -> None:
    # A copy whose first line is the page's title as the browser shows it (标题 - X网), the
    # headline not shown again: the title's headline part, the site's name the source.
    page = f"南溪新建公共充电桩两千余个{sep}南溪能源网\n{PROSE}\n{MORE}\n"
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert (rec.title, rec.source) == ("南溪新建公共充电桩两千余个", "南溪能源网")
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_copy_headed_by_the_sites_name_and_its_menu(tmp_path: Path) -> None:
    menu = "新能源汽车\n充电基础设施\n政策法规解读\n"
    page = f"南溪能源网\n{menu}南溪新建公共充电桩两千余个\n{PROSE}\n{MORE}\n"
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert (rec.title, rec.source) == ("南溪新建公共充电桩两千余个", "南溪能源网")
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_plain_articles_title_ending_like_a_papers_name_stays_its_title(tmp_path: Path) -> None:
    # (THUCNews style: the first line is the title, 光伏企业发布年报, the rest the text)
    rec = read_one(write_page(tmp_path / "a.txt", f"光伏企业发布年报\n{PROSE}\n{MORE}\n"))
    assert rec.title == "光伏企业发布年报"


LONG = (
    "记者从南溪市能源局获悉，今年以来全市新建公共充电桩两千余个，基本实现乡镇全覆盖。"
    "其中，城区新建快充站四十六座，高速公路服务区新建充电桩一百二十个，农村地区新建慢充桩八百余个。"
)
DISCLAIMER = (
    "声明：本文转载自南溪日报，转载目的在于传递更多信息，并不代表本网赞同其观点和对其真实性负责。"
)


def _wrapped(text: str, chars: int = 36, indent: str = "   ") -> str:
    return "\n".join(indent + text[i : i + chars] for i in range(0, len(text), chars))


def test_paragraphs_wrapped_at_a_fixed_width_are_joined_again(tmp_path: Path) -> None:
    # ``lynx -dump`` and a browser's "save as text" wrap paragraphs (乡 / 镇 cut in two), a
    # disclaimer too: its second line was read as text.
    page = (
        "   [1]南溪能源网 [2]首页 [3]新闻 [4]政策\n\n            南溪新建公共充电桩两千余个\n\n"
        f"   2024-03-05 09:30 来源：南溪日报\n\n{_wrapped(LONG)}\n\n{_wrapped(MORE)}\n\n"
        f"{_wrapped(DISCLAIMER)}\n"
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.body == f"{LONG}\n{MORE}"


def test_an_unwrapped_pages_paragraphs_of_one_length_stay_apart(tmp_path: Path) -> None:
    lines = [f"第{n}段：{PROSE}" for n in range(1, 5)]
    page = "南溪新建公共充电桩两千余个\n2024-03-05 来源：南溪日报\n" + "\n".join(lines) + "\n"
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.body == "\n".join(lines)


def test_a_plain_article_wrapped_at_a_fixed_width_is_joined_again(tmp_path: Path) -> None:
    text = LONG + PROSE
    page = f"南溪新建公共充电桩两千余个\n{_wrapped(text, indent='')}\n{_wrapped(MORE, indent='')}\n"
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.body == f"{text}\n{MORE}"


@pytest.mark.parametrize("button", ["字号", "小字号", "A+ A-"])
def test_a_font_buttons_label_and_a_share_prompt_copied_with_the_page(
    tmp_path: Path, button: str
) -> None:
    page = (
        "南溪网>>能源>>正文\n南溪新建公共充电桩两千余个\n2024年03月05日10:20 | 来源：南溪日报\n"
        f"{button}\n{PROSE}\n{MORE}\n(责编：王明、李华)\n分享让更多人看到\n"
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize(
    ("line", "source"), [("南溪日报 3小时前", "南溪日报"), ("储能老张 3 天前", None)]
)
def test_a_papers_name_beside_an_apps_relative_time(
    tmp_path: Path, line: str, source: str | None
) -> None:
    # An app's page copied: the paper's name and how long ago (no date: the page stays
    # undated); a poster's name beside it is no source.
    rec = read_one(
        write_page(tmp_path / "a.txt", f"南溪新建公共充电桩两千余个\n{line}\n{PROSE}\n{MORE}\n")
    )
    assert (rec.source, rec.published, rec.body) == (source, None, f"{PROSE}\n{MORE}")


def test_an_authors_card_above_its_follow_button_is_not_text(tmp_path: Path) -> None:
    # A Q&A site's column copied: the headline, the author's name and badge, its 关注 button.
    page = (
        "南溪新建公共充电桩两千余个\n王明\n新能源行业从业者\n关注\n126 人赞同了该文章\n"
        f"{PROSE}\n{MORE}\n发布于 2024-03-05 09:30・IP 属地南溪\n"
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert (rec.title, rec.body) == ("南溪新建公共充电桩两千余个", f"{PROSE}\n{MORE}")


def test_a_headline_right_above_a_follow_button_stays_the_headline(tmp_path: Path) -> None:
    page = f"南溪网\n南溪新建公共充电桩两千余个\n关注\n2024-03-05 来源：南溪日报\n{PROSE}\n{MORE}\n"
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert (rec.title, rec.body) == ("南溪新建公共充电桩两千余个", f"{PROSE}\n{MORE}")
