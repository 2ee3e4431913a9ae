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

import pytest

from tests.pagetext import MORE, PROSE, read_one
from xinwen.index.bylines import parse_byline
from xinwen.index.cleaning import parse_date
from xinwen.index.furniture import line_rule
from xinwen.index.records import Record
from xinwen.index.sources import read_sources
from xinwen.index.sources.categories import folder_category


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
        ("發布日期：112年05月04日", "2023-05-04"),
        # a foreign site's Chinese edition
        ("By 张三 | Sep 14, 2023", "2023-09-14"),
        ("By 张三 | 14 September 2023", "2023-09-14"),
    ):
        path.write_text(html_page(byline), "utf-8")
        record = read_one(path)
        assert record.published is not None, byline
        assert record.published.isoformat() == want, byline
    # A year of the era in the text is no date of the page; fields take the forms too.
    assert parse_byline("民國119年（2030年）前完成") is None
    assert parse_date("民國112年5月4日") == dt.date(2023, 5, 4)
    assert parse_date("二〇二三年十二月三十一日") == dt.date(2023, 12, 31)
    assert parse_date("Sept 14, 2023") == dt.date(2023, 9, 14)
    # an update's date is the page's only when nothing else dates it
    path.write_text(html_page("Updated Dec 6, 2023</div><div>By 张三 | Sep 14, 2023"), "utf-8")
    assert str(read_one(path).published) == "2023-09-14"


def info_table(rows: str) -> str:
    return (
        '<html><head><meta charset="utf-8"><title>变电站主变扩建工程投运</title></head><body>'
        "<div class='sys'>某公司信息门户</div><table class='news'>"
        "<tr><td><b>变电站主变扩建工程投运</b></td></tr>"
        f"<tr><td><table class='info' border='1'>{rows}</table></td></tr>"
        f"<tr><td><p>{PROSE}</p><p>{MORE}</p></td></tr></table></body></html>"
    )


def test_a_byline_set_out_as_label_and_value_cells_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    rows = (
        "<tr><td>发布部门：</td><td>建设部</td><td>发布人：</td><td>周海</td></tr>"
        "<tr><td>发布时间：</td><td>2023-05-22 17:05</td><td>点击数：</td><td>642</td></tr>"
        "<tr><td>信息来源：</td><td>滨江日报</td><td>密级：</td><td>内部公开</td></tr>"
    )
    path.write_text(info_table(rows), "utf-8")
    record = read_one(path)
    assert record.source == "滨江日报"
    assert record.published is not None and record.published.isoformat() == "2023-05-22"
    # The cells' values are fields, not the article's text.
    assert "周海" not in record.body and "642" not in record.body
    # An empty 信息来源 cell names no one (not the next cell's label).
    path.write_text(info_table(rows.replace("<td>滨江日报</td>", "<td></td>")), "utf-8")
    assert read_one(path).source != "密级"


def site_pages(folder: Path, pages: list[tuple[str, str]], header: str, footer: str) -> list[Path]:
    """A site's pages in `folder`: (<title>, headline) each, the same header and footer."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, (title, headline) in enumerate(pages):
        path = folder / f"{n}.html"
        path.write_text(
            f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f"{header}<h1>{headline}</h1><div class='info'>2023-05-0{n + 1} 10:00</div>"
            f"<div class='article'><p>第{n}批。{PROSE}</p><p>{MORE}</p></div>"
            f"{footer}</body></html>",
            "utf-8",
        )
        paths.append(path)
    return paths


def read_folder(folder: Path) -> dict[str, Record]:
    return {Path(r.origin.path).name: r for r in read_sources([folder]) if isinstance(r, Record)}


def test_a_broadcasters_name_and_not_its_live_bar_is_the_source(tmp_path: Path) -> None:
    header = (
        "<div class='nav'><a>首页</a></div>"
        "<div class='live'>正在直播：滨江新闻综合频道 进入直播间</div>"
    )
    footer = "<div class='foot'>滨江广播电视台 版权所有</div>"
    pages = [(f"快讯：滨江第{n}座充电站建成", f"快讯：滨江第{n}座充电站建成") for n in range(3)]
    site_pages(tmp_path / "tv", pages, header, footer)
    records = read_folder(tmp_path / "tv")
    assert {r.source for r in records.values()} == {"滨江广播电视台"}


def test_a_foreign_sites_chinese_edition_is_named_by_its_header(tmp_path: Path) -> None:
    header = (
        "<div class='top'>English | 中文 Sign in</div><div class='brand'>Grid Weekly 中文版</div>"
    )
    pages = [(f"欧洲第{n}座储能电站投运", f"欧洲第{n}座储能电站投运") for n in range(3)]
    site_pages(tmp_path / "em", pages, header, "<div>© 2024 Grid Weekly Media Ltd.</div>")
    records = read_folder(tmp_path / "em")
    assert {r.source for r in records.values()} == {"Grid Weekly 中文版"}


def test_an_organisations_portal_is_published_by_the_organisation(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(
        html_page("2023-05-22", title="充电桩乡镇全覆盖 - 滨江电力公司信息门户"), "utf-8"
    )
    assert read_one(path).source == "滨江电力公司"


def test_a_sites_name_from_its_other_pages_titles(tmp_path: Path) -> None:
    # Some of a site's pages name it in their <title>, others give the headline alone; the menu
    # has a section ending like a site's name (综合新闻), which is not the site.
    menu = "<ul class='menu'><li>首页</li><li>学校要闻</li><li>综合新闻</li><li>学院风采</li></ul>"
    footer = "<div class='foot'>版权所有：滨江大学党委宣传部</div>"
    pages = [(f"第{n}届储能大赛举行-滨江大学新闻网", f"第{n}届储能大赛举行") for n in range(2)]
    pages.append(("学院师生赴核电基地实习", "学院师生赴核电基地实习"))
    site_pages(tmp_path / "univ", pages, menu, footer)
    records = read_folder(tmp_path / "univ")
    assert records["2.html"].source == "滨江大学新闻网"
    # Pages of several sites, each named once, lend no name to a page that names none.
    (tmp_path / "univ" / "1.html").write_text(
        (tmp_path / "univ" / "1.html").read_text("utf-8").replace("滨江大学新闻网", "西岭日报网"),
        "utf-8",
    )
    assert read_folder(tmp_path / "univ")["2.html"].source not in ("滨江大学新闻网", "综合新闻")


def test_a_column_tag_before_the_headline_is_not_part_of_it(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    menu = "<ul class='menu'><li>首页</li><li>学校要闻</li><li>媒体滨江</li><li>学术动态</li></ul>"
    for tag, menu_html, want in (
        ("【简讯】", "", "充电桩乡镇全覆盖"),
        ("【滨江早新闻】", "", "充电桩乡镇全覆盖"),
        ("[图片新闻]", "", "充电桩乡镇全覆盖"),
        # a flash marker is the publisher's own headline
        ("【快讯】", "", "【快讯】充电桩乡镇全覆盖"),
        # a tag naming the section the page's menu lists
        ("【媒体滨江】", menu, "充电桩乡镇全覆盖"),
        # a series' name is the headline's own
        ("【大国工匠】", menu, "【大国工匠】充电桩乡镇全覆盖"),
    ):
        headline = f"{tag}充电桩乡镇全覆盖"
        page = html_page("2023-05-22", title=headline, h1=headline)
        path.write_text(
            page.replace("<div class='logo'>", f"{menu_html}<div class='logo'>"), "utf-8"
        )
        assert read_one(path).title == want, tag


def app_page(n: int, account: str, byline: str, subtitle: str = "") -> str:
    return (
        f"滨江新建第{n}批充电桩 乡镇实现全覆盖\n{subtitle}{account}\n{byline}\n\n"
        f"第{n}批。{PROSE}\n\n{MORE}\n\n举报/投诉\n\n打开APP看更多\n\n相关推荐\n"
        "老旧小区充电设施改造启动\n评论 128\n\n滨江快报 - 懂城市的新闻客户端\n"
    )


def test_a_news_apps_copied_article_keeps_its_headline_and_drops_the_apps_lines(
    tmp_path: Path,
) -> None:
    site = tmp_path / "app"
    site.mkdir()
    pages = {
        "0.txt": app_page(0, "能源观察周刊", "2024-02-18 08:15 来源：能源观察周刊"),
        "1.txt": app_page(1, "滨江评论员 周平", "3小时前 来源：滨江评论", "——来自一线的调查\n"),
        "2.txt": app_page(2, "滨江快讯", "2024-02-26 06:30"),
    }
    for name, text in pages.items():
        (site / name).write_text(text, "utf-8")
    records = read_folder(site)
    for n, name in enumerate(pages):
        record = records[name]
        assert record.title == f"滨江新建第{n}批充电桩 乡镇实现全覆盖", name
        assert PROSE in record.body and "举报" not in record.body and "APP" not in record.body
    assert [records[n].source for n in pages] == ["能源观察周刊", "滨江评论", "滨江快报"]
    assert "滨江评论员" not in records["1.txt"].body
    # One page alone: the headline, and the app's prompts are not its text.
    record = read_one(site / "2.txt")
    assert record.title == "滨江新建第2批充电桩 乡镇实现全覆盖"
    assert "举报" not in record.body and "APP" not in record.body


def test_a_province_folder_inside_a_category_is_a_region_of_it(tmp_path: Path) -> None:
    root = tmp_path / "site"
    for folder in ("地方/湖南", "地方/广西壮族自治区", "要闻", "评论", "湖南"):
        (root / folder).mkdir(parents=True)
    assert folder_category(str(root / "地方" / "湖南" / "a.txt"), str(root)) == "地方"
    assert folder_category(str(root / "地方" / "广西壮族自治区" / "a.txt"), str(root)) == "地方"
    # a province's folder right under the source is a category (a regional site's sections)
    assert folder_category(str(root / "湖南" / "a.txt"), str(root)) == "湖南"


def test_a_hyphenated_latin_section_beside_categories_is_a_category(tmp_path: Path) -> None:
    root = tmp_path / "site"
    for folder in ("oil-gas", "power", "carbon"):
        (root / folder).mkdir(parents=True)
    assert folder_category(str(root / "oil-gas" / "a.html"), str(root)) == "oil-gas"
    # alone it is a crawl's label
    (tmp_path / "crawl" / "new-site").mkdir(parents=True)
    path = tmp_path / "crawl" / "new-site" / "a.html"
    assert folder_category(str(path), str(tmp_path / "crawl")) is None


def test_the_publication_date_wins_over_a_signing_or_update_date(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    for byline in (
        "<p>成文日期：2023年10月18日 发布日期：2023年10月25日</p>",
        "<p>更新时间：2023-10-18</p><p>发布时间：2023-10-25</p>",
        "<p>发布时间：2023-10-25 更新时间：2023-10-26</p>",
    ):
        path.write_text(html_page(byline), "utf-8")
        record = read_one(path)
        assert record.published is not None and record.published.isoformat() == "2023-10-25"
    # alone, an update's date is the page's
    path.write_text(html_page("<p>更新时间：2023-10-26</p>"), "utf-8")
    assert str(read_one(path).published) == "2023-10-26"


def test_the_common_labels_of_a_source_name_it(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    for byline, want in (
        ("稿件来源：滨江日报 作者：张三", "滨江日报"),
        ("2023-05-12 原文来源：滨江日报", "滨江日报"),
        ("出處：滨江日報", "滨江日報"),
        ("2023-05-12 轉載自：滨江日報", "滨江日報"),
        ("摘自：《滨江日报》", "滨江日报"),
        ("2023-05-12 来源：滨江日报 摄影：李四", "滨江日报"),
        ("2023-05-12 来自：滨江日报", "滨江日报"),
    ):
        path.write_text(html_page(byline), "utf-8")
        assert read_one(path).source == want, byline


def test_a_government_cms_meta_names_the_site_and_dates_the_page(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    page = html_page("<span>字号：大 中 小</span>", title="充电桩乡镇全覆盖")
    metas = '<meta name="SiteName" content="滨江市人民政府"><meta name="firstpublishedtime" '
    metas += 'content="2023-05-12 10:00:00">'
    path.write_text(page.replace("</head>", metas + "</head>").replace("滨江网", "滨江"), "utf-8")
    record = read_one(path)
    assert record.source == "滨江市人民政府"
    assert str(record.published) == "2023-05-12"


def test_spaced_out_labels_and_a_features_credits(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    page = html_page("发布时间：2023-05-12　　来　　源：滨江日报　　作　者：张三")
    credits = "<p>策划：李四 统筹：王五 摄影：赵六</p><p>（文字：张三 摄影：李四）</p>"
    path.write_text(page.replace("</div><div class='foot'>", f"{credits}</div><div class='foot'>"))
    record = read_one(path)
    assert record.source == "滨江日报"
    assert str(record.published) == "2023-05-12"
    assert "统筹" not in record.body and "摄影" not in record.body and PROSE in record.body


def test_a_json_ld_publisher_names_the_site_and_its_date_dates_the_page(tmp_path: Path) -> None:
    # An AMP-like page: the visible date has no year, no og:site_name, no 来源.
    path = tmp_path / "a.html"
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        '"NewsArticle", "headline": "充电桩乡镇全覆盖", '
        '"datePublished": "2023-08-03T16:40:00+08:00", '
        '"publisher": {"@type": "Organization", "name": "滨江快报"}}</script>'
    )
    page = html_page("08-03 16:40", title="充电桩乡镇全覆盖").replace("滨江网", "")
    path.write_text(page.replace("</head>", ld + "</head>"), "utf-8")
    record = read_one(path)
    assert record.source == "滨江快报"
    assert str(record.published) == "2023-08-03"
    # the yearless time shown is the byline's, not the article's text
    assert "16:40" not in record.body


def test_a_pictures_or_charts_credit_is_not_the_source_and_repost_notes_are_chrome(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.html"
    extra = (
        "<p>原标题：全市充电桩两千余个</p><p>图片来源：某图库</p>"
        f"<p>{PROSE}</p><p>数据来源：滨江市统计局</p><p>（完）</p><p>大家都在看</p>"
        "<p>老旧小区充电设施改造启动</p><p>阅读量：1.2万</p>"
    )
    page = html_page("2023-05-12 10:00").replace(f"<p>{PROSE}</p>", extra)
    path.write_text(page, "utf-8")
    record = read_one(path)
    assert record.source == "滨江网"  # the site's: the page states no 来源
    for chrome in ("原标题", "图片来源", "大家都在看", "老旧小区", "阅读量", "（完）"):
        assert chrome not in record.body, chrome
    assert PROSE in record.body and "数据来源：滨江市统计局" in record.body


def test_a_title_cut_short_gives_way_to_the_whole_headline(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    whole = "滨江新建充电桩两千余个 乡镇实现全覆盖"
    for title in ("滨江新建充电桩两千余个 乡镇实现...", "滨江新建充电桩两千余个 乡镇实现…_滨江网"):
        path.write_text(html_page("2023-05-12", title=title, h1=whole), "utf-8")
        assert read_one(path).title == whole, title


def test_the_publishers_name_alone_and_an_english_credit_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    page = html_page("滨江网</div><div>By Staff Writer").replace(
        f"<p>{MORE}</p>", f"<p>{MORE}</p><p>分享给朋友</p>"
    )
    path.write_text(page, "utf-8")
    record = read_one(path)
    assert record.source == "滨江网"
    assert record.body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize(
    "line",
    [
        "字級：小 中 大 分享到Facebook 分享到LINE",
        "字体：A+ A A-",
        "熱門點閱",
        "时长：00:35",
        "您的浏览器不支持视频播放，请升级浏览器",
        "正在直播：滨江新闻综合频道 进入直播间",
        "欢迎您，张工 | 待办事项(3) | 安全退出",
        "查看PDF原文",
        "Share: Twitter LinkedIn 微信 Email",
        "Topics: Energy Transition",
        "Get the Grid Weekly newsletter",
        "More from Grid Weekly",
        "Most read",
    ],
)
def test_more_built_in_furniture(line: str) -> None:
    assert line_rule(line) is not None


def test_a_share_bar_under_the_byline_after_a_standfirst_does_not_end_the_article(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.html"
    standfirst = "<p>分析人士认为，扩容将提升充电效率，但老旧小区仍是短板</p>"
    page = html_page("By 张三 | 2024-01-09</div><div>分享到：微信 微博 QQ空间")
    path.write_text(page.replace("<div class='info'>", f"{standfirst}<div class='info'>"), "utf-8")
    record = read_one(path)
    assert PROSE in record.body and MORE in record.body


def test_a_logos_alt_text_names_the_site_when_nothing_else_does(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    page = html_page("2023-05-12", title="充电桩乡镇全覆盖").replace(
        "<div class='logo'>滨江网</div>",
        '<div class="top"><img src="/img/logo.png" alt="滨江供电公司"></div>',
    )
    path.write_text(page.replace("版权所有 滨江网", "技术支持：信息中心"), "utf-8")
    record = read_one(path)
    assert record.source == "滨江供电公司"
    assert "技术支持" not in record.body
