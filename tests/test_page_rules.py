"""Rules for page furniture, headlines and site names found on layouts the rules had not seen
(the tune half of `tests/fixtures/blind-sites`), each checked on our own small pages.

Each test writes an invented page (or a small site of them) and reads it the way ``xinwen
reindex`` does (`read_sources`), so the whole of the page reading is exercised.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one
from xinwen.index.bylines import is_author_line
from xinwen.index.furniture import line_rule, split_title
from xinwen.index.records import Record
from xinwen.index.sitenames import newspaper_name
from xinwen.index.sources import read_sources

DISCLAIMER = (
    "特别声明：本网转载其他网站内容，出于传递更多信息而非盈利之目的，同时并不代表赞成其观点"
    "或证实其描述，内容仅供参考。版权归原作者所有，若有侵权，请联系我们删除。"
)


def read_all(root: Path) -> dict[str, Record]:
    return {Path(r.id).name: r for r in read_sources([root]) if isinstance(r, Record)}


def test_an_e_paper_page_alone_gives_its_headline_date_paper_and_article(tmp_path: Path) -> None:
    # A newspaper's e-paper saved as text: page labels, page turning, a kicker over the
    # headline and a subtitle under it, the author line, the page's other headlines.
    page = tmp_path / "a.txt"
    page.write_text(
        "滨江晚报数字报\n首页 | 往期回顾 | 版面导航 | 全文检索\n2024年3月5日 星期二\n"
        "第A03版：城市　PDF版下载\n上一版　下一版\n版面导航\n第A01版：要闻\n第A02版：要闻\n"
        "第A03版：城市\n老城区燃气管网改造启动\n两万户居民用上安全气\n——年底前完成全部改造\n"
        f"本报记者 周某某\n{PROSE}\n{MORE}\n（编辑：吴某）\n本版标题导航\n"
        "· 滨江新建两座公园\n· 地铁五号线开通运营\n版权所有 滨江晚报社\n",
        "utf-8",
    )
    record = read_one(page)
    assert record.title == "两万户居民用上安全气"
    assert record.published is not None and record.published.isoformat() == "2024-03-05"
    assert record.source == "滨江晚报"  # the paper, not its e-paper platform or publisher
    assert record.body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("第A03版：城市　PDF版下载", "e-paper navigation"),
        ("第05版：经济", "e-paper navigation"),
        ("上一版 下一版", "e-paper navigation"),
        ("本版标题导航", "related articles"),
        ("相关稿件", "related articles"),
        ("相关信息", "related articles"),
        ("第5版的报道引起了关注", None),
    ],
)
def test_e_paper_and_related_list_headings_are_furniture(line: str, rule: str | None) -> None:
    assert line_rule(line) == rule


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("作者：本报记者 李某", True),
        ("本报记者 赵某 通讯员 马某", True),
        ("本报评论员", True),
        ("文/王某", True),
        ("（记者 张某）", True),
        ("记者日前从有关部门获悉，全市新建充电桩两千余个。", False),
        ("作者简介", False),
    ],
)
def test_author_lines(line: str, author: bool) -> None:
    assert is_author_line(line) is author


def test_a_headline_with_only_a_source_line_under_it_beats_the_sites_header(
    tmp_path: Path,
) -> None:
    # The dated line belongs to the page's header; the headline has a 来源 line under it.
    page = tmp_path / "a.txt"
    page.write_text(
        "滨海能源观察\n首页 | 新闻 | 评论\n2024年3月5日 星期二\n上一版 下一版\n版面导航\n"
        f"某市新建三座充电站\n来源：新华社\n{PROSE}\n",
        "utf-8",
    )
    record = read_one(page)
    assert (record.title, record.source) == ("某市新建三座充电站", "新华社")
    assert record.body == PROSE


def test_a_repeated_footer_line_ends_the_article_and_the_list_after_it(tmp_path: Path) -> None:
    # 【打印】【关闭】 is on every page: the template knows it, and it still ends the article, so
    # the page's list of other headlines after it (different on each page) is left out.
    site = tmp_path / "site"
    site.mkdir()
    for n in range(4):
        (site / f"{n}.txt").write_text(
            f"某某日报数字报\n首页 | 往期回顾\n某市第{n}座充电站建成\n作者：本报记者 甲某\n"
            f"第{n}座：{PROSE}\n【放大】【缩小】 【打印】 【关闭】\n"
            f"· 其他新闻标题{n}之一\n· 其他新闻标题{n}之二\n版权所有 某某日报社\n",
            "utf-8",
        )
    for n, record in enumerate(sorted(read_all(site).values(), key=lambda r: r.id)):
        assert record.body == f"第{n}座：{PROSE}"
        assert record.title == f"某市第{n}座充电站建成"


def test_a_date_with_a_bilingual_section_name_is_a_byline(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(
        f"首页 / 新闻中心 / 公司动态\n某某集团入选储能供应商名单\n"
        f"2024.04.18 公司动态 Company News\n{PROSE}\n",
        "utf-8",
    )
    record = read_one(page)
    assert record.published is not None and record.published.isoformat() == "2024-04-18"
    assert record.body == PROSE


def test_a_related_list_heading_ends_the_article(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(
        f"首页 > 新闻 > 要闻\n某市新建三座充电站\n发布时间：2024-03-05\n{PROSE}\n相关稿件\n"
        "某县光伏项目并网\n某区储能电站投运\n",
        "utf-8",
    )
    assert read_one(page).body == PROSE


def test_a_related_lists_dates_are_not_the_articles(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(
        f"首页 > 新闻 > 要闻\n某市新建三座充电站\n{PROSE}\n相关稿件\n"
        "某县光伏项目并网 2023-11-10\n某区储能电站投运 2023-11-11\n",
        "utf-8",
    )
    record = read_one(page)
    assert (record.published, record.body) == (None, PROSE)


def test_a_reposting_disclaimer_is_chrome_however_long(tmp_path: Path) -> None:
    disclaimers = (
        DISCLAIMER,
        "凡本网注明“来源：某某能源网”的所有作品，均为本网合法拥有版权或有权使用的作品，"
        "欢迎转载，请注明出处。",
    )
    for n, disclaimer in enumerate(disclaimers):
        page = tmp_path / f"{n}.txt"
        page.write_text(
            f"首页 > 新闻\n某市新建三座充电站\n发布时间：2024-03-05\n{PROSE}\n{disclaimer}\n",
            "utf-8",
        )
        assert read_one(page).body == PROSE
    # A long sentence that speaks of copyright is still article text.
    court = (
        "法院审理认为，被告在其网站转载原告享有著作权的文章，如有侵权应当承担责任，"
        "经查被告未取得授权，遂判令其赔偿经济损失十万元并在网站首页刊登声明。"
    )
    assert line_rule(court) is None


def test_dates_in_a_related_list_do_not_date_an_undated_page(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>政策问答：充电桩报装_某某政务网</title></head>"
        "<body><h1>政策问答：充电桩报装</h1>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='related'><h3>相关稿件</h3><ul>"
        "<li><a href='/a/1.htm'>某县光伏项目并网</a><span>2023-11-10</span></li>"
        "<li><a href='/a/2.htm'>某区储能电站投运</a><span>2023-11-11</span></li>"
        "</ul></div></body></html>",
        "utf-8",
    )
    record = read_one(page)
    assert record.published is None
    assert "某县光伏项目并网" not in record.body


def test_fields_in_touching_inline_elements_are_read_apart(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>某市新建三座充电站</title></head><body>"
        "<h1>某市新建三座充电站</h1><div class='meta'><time datetime='2024-03-05'>2024-03-05</time>"
        "<span>来源：某某日报</span><span>媒体报道 Media Coverage</span></div>"
        "<div class='content'><p><span>国家</span><span>电网</span>某市供电公司表示，"
        "今年以来全市新建充电桩两千余个，基本实现乡镇全覆盖。</p></div></body></html>",
        "utf-8",
    )
    record = read_one(page)
    assert record.source == "某某日报"
    # Inside a sentence the touching elements are one text: no space is put between them.
    assert record.body.startswith("国家电网某市供电公司表示")


def test_a_title_naming_the_site_in_chinese_and_english_gives_the_chinese_name(
    tmp_path: Path,
) -> None:
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>某某集团发布HY-Pro储能柜 - 新闻中心 - "
        "某某集团 Moumou Group</title></head><body><h1>某某集团发布HY-Pro储能柜</h1>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>",
        "utf-8",
    )
    assert read_one(page).source == "某某集团"


def test_a_related_list_heading_is_not_the_sites_name(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for n in range(3):
        (site / f"{n}.txt").write_text(
            f"某某集团\n首页 | 关于我们 | 新闻中心\n某某集团第{n}座充电站建成\n"
            f"发布时间：2024-03-0{n + 1}\n第{n}座：{PROSE}\n相关新闻\n其他新闻标题{n}\n",
            "utf-8",
        )
    assert {r.source for r in read_all(site).values()} == {"某某集团"}


def test_a_paragraph_every_release_carries_stays_in_the_release(tmp_path: Path) -> None:
    about = (
        "某某集团成立于2009年，总部位于上海，是一家提供光伏与储能系统解决方案的企业，"
        "产品销往全球四十多个国家和地区。"
    )
    site = tmp_path / "site"
    site.mkdir()
    for n in range(4):
        (site / f"{n}.html").write_text(
            "<html><head><meta charset='utf-8'>"
            f"<title>某某集团第{n}号新闻稿_某某集团</title></head><body>"
            "<div class='nav'><a href='/'>首页</a> | <a href='/news/'>新闻中心</a></div>"
            f"<article><h1>某某集团第{n}号新闻稿</h1><time datetime='2024-03-0{n + 1}'></time>"
            f"<p>第{n}号：{PROSE}</p><p>{MORE}</p><h3>关于某某集团</h3><p>{about}</p>"
            f"<p>{DISCLAIMER}</p></article>"
            "<footer>版权所有 某某集团</footer></body></html>",
            "utf-8",
        )
    for record in read_all(site).values():
        assert about in record.body
        assert "特别声明" not in record.body  # repeated too, but a built-in rule's chrome


def test_a_saved_page_title_on_a_text_page_names_the_site(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(
        f"某市新建三座充电站-滨江晚报数字报\n首页 | 往期回顾\n2024年3月5日 星期二\n"
        f"某市新建三座充电站\n作者：本报记者 周某\n{PROSE}\n",
        "utf-8",
    )
    record = read_one(page)
    assert (record.title, record.source) == ("某市新建三座充电站", "滨江晚报")


@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("滨江晚报数字报刊平台", "滨江晚报"),
        ("滨江晚报社", "滨江晚报"),
        ("滨江晚报电子版", "滨江晚报"),
        ("滨江能源网", "滨江能源网"),
        ("新华社", "新华社"),
    ],
)
def test_newspaper_names(name: str, paper: str) -> None:
    assert newspaper_name(name) == paper


def test_a_hyphen_inside_a_latin_word_does_not_split_a_title() -> None:
    assert split_title("某某发布HY-Home Pro储能柜 - 新闻中心 - 某某集团") == [
        "某某发布HY-Home Pro储能柜",
        "新闻中心",
        "某某集团",
    ]
    assert split_title("某某发布储能柜-某某能源网") == ["某某发布储能柜", "某某能源网"]
