"""Rules for page reading found on the seventh round (set 6 of the unseen layouts,
`tests/fixtures/blind-sites-6`, opened this round: ordinary sites on other common Chinese CMS
templates — a blog's header, a Discuz! portal, an e-paper, an ASP.NET site), written as the
general forms those templates print things in. Each is checked on our own small pages, read the
way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one
from xinwen.index.bylines import parse_byline
from xinwen.index.sources.categories import folder_category


def test_a_blogs_name_in_an_h1_linking_home_is_no_headline(tmp_path: Path) -> None:
    # Z-Blog's and many WordPress themes' headers: the blog's name in an <h1>, a link to the
    # home page, on every page; the headline is an <h2>, and the <title> holds both.
    for home in ("https://blog.example.com/", "/", "./", "index.html"):
        page = (
            '<html><head><meta charset="utf-8"><title>湖口光伏电站并网发电 - 南溪随笔</title>'
            f'</head><body><div id="top"><h1><a href="{home}">南溪随笔</a></h1></div>'
            '<div class="post"><h4 class="post-date">2023年03月05日</h4>'
            "<h2>湖口光伏电站并网发电</h2>"
            f"<div class='post-body'><p>{PROSE}</p><p>{MORE}</p></div></div></body></html>"
        )
        path = tmp_path / "post" / "12.html"
        path.parent.mkdir(exist_ok=True)
        path.write_text(page, "utf-8")
        rec = read_one(path)
        assert rec.title == "湖口光伏电站并网发电", home
        assert rec.source == "南溪随笔", home
    # an <h1> headline that links to its own page, or to nowhere, stays the headline
    page = page.replace(
        f'<a href="{home}">南溪随笔</a>', '<a href="/post/12.html">湖口光伏电站并网发电</a>'
    ).replace("<h2>湖口光伏电站并网发电</h2>", "")
    path.write_text(page, "utf-8")
    assert read_one(path).title == "湖口光伏电站并网发电"
    path.write_text(page.replace('href="/post/12.html"', 'name="top"'), "utf-8")
    assert read_one(path).title == "湖口光伏电站并网发电"


def test_the_softwares_credit_in_the_title_is_not_the_sites_name(tmp_path: Path) -> None:
    # Discuz!'s portal: 标题 - 栏目 - 站名 - Powered by Discuz!; and a headline that ends like a
    # site's name (…并网) is still the headline the <h1> shows.
    for headline in ("湖口光伏电站并网发电仪式举行", "湖口渔光互补光伏电站全容量并网"):
        page = (
            f'<html><head><meta charset="utf-8"><title>{headline} - 资讯 - 南溪能源圈 - '
            "Powered by Discuz!</title></head><body>"
            f"<div id='pt'><a href='./'>南溪能源圈</a> › 资讯 › 查看内容</div>"
            f"<h1 class='ph'>{headline} </h1>"
            "<p class='xg1'>2023-10-2 09:43 | 发布者: admin | 查看: 357 | 评论: 0</p>"
            f"<div class='d'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
        )
        path = tmp_path / "article-1529-1.html"
        path.write_text(page, "utf-8")
        rec = read_one(path)
        assert rec.title == headline
        assert rec.source == "南溪能源圈", headline


def test_a_founder_e_papers_enpproperty_date(tmp_path: Path) -> None:
    # Founder's (方正) e-paper pages carry the article's properties in a comment at the top;
    # the page itself prints no date by the headline.
    def page(date: str) -> str:
        return (
            '<html><head><meta charset="utf-8">'
            f"<!--enpproperty <articleid>5509</articleid><date>{date}</date><author></author>"
            "<title>湖口光伏电站并网发电</title><nodename>要闻</nodename>/enpproperty-->"
            "<title>南溪日报数字报-湖口光伏电站并网发电</title></head><body>"
            "<table><tr><td class='daohang'><a href='#'>首页</a> | <a href='#'>往期回顾</a>"
            "</td></tr></table><h1>湖口光伏电站并网发电</h1>"
            f"<div id='ozoom'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
        )

    path = tmp_path / "content_5509.htm"
    path.write_text(page("2023-08-03"), "utf-8")
    assert str(read_one(path).published) == "2023-08-03"
    # an empty date field leaves the page undated
    path.write_text(page(""), "utf-8")
    assert read_one(path).published is None


def test_a_column_ending_like_a_name_in_a_breadcrumb(tmp_path: Path) -> None:
    # 动易 (PowerEasy): 您现在的位置： 站名 >> 文章中心 >> 行业新闻 >> 正文; the page's folder
    # (行业新闻 beside one other) does not name the category, the breadcrumb does.
    for column, other in (("行业新闻", "政策法规"), ("公司资讯", "技术交流")):
        page = (
            '<html><head><meta charset="utf-8"><title>湖口光伏电站并网发电_'
            f"{column}_南溪电力网</title></head><body>"
            "<table><tr><td>您现在的位置：&nbsp;<a href='/'>南溪电力网</a>&nbsp;&gt;&gt;&nbsp;"
            f"<a href='/Article/'>文章中心</a>&nbsp;&gt;&gt;&nbsp;<a href='#'>{column}</a>"
            "&nbsp;&gt;&gt;&nbsp;正文</td></tr></table><h1>湖口光伏电站并网发电</h1>"
            f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
        )
        (tmp_path / other).mkdir(exist_ok=True)
        path = tmp_path / column / "3120.html"
        path.parent.mkdir(exist_ok=True)
        path.write_text(page, "utf-8")
        assert read_one(path).category == column


def test_an_empty_source_field_before_the_next_label(tmp_path: Path) -> None:
    # An ASP.NET page's meta line with its source label left empty: 来源：  阅读次数：130
    page = (
        '<html><head><meta charset="utf-8"><title>湖口光伏电站并网发电-南溪电力网</title></head>'
        "<body><h1>湖口光伏电站并网发电</h1><div class='detailinfo'>发布时间：<span>2023/10/25"
        " 10:06:00</span>&nbsp;&nbsp;来源：<span></span>&nbsp;&nbsp;阅读次数：<span>130</span>"
        f"</div><div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    path = tmp_path / "NewsDetail_40237.htm"
    path.write_text(page, "utf-8")
    rec = read_one(path)
    assert rec.source == "南溪电力网"
    assert str(rec.published) == "2023-10-25"
    for label in ("作者：张三", "编辑：李四", "点击数：12"):
        byline = parse_byline(f"发布时间：2023-10-25 来源： {label}")
        assert byline is not None and byline.source is None, label
    # (a source given stays: 来源：南溪日报 作者：张三)
    assert parse_byline("发布时间：2023-10-25 来源：南溪日报 作者：张三").source == "南溪日报"  # type: ignore[union-attr]


def test_a_language_level_in_a_path_is_no_category(tmp_path: Path) -> None:
    # A multilingual Hugo site: zh/<section>/2023-08/note-61.html; 数据 (a data column) beside
    # two other sections is a section, though a container's name alone.
    site = tmp_path / "site"
    for section in ("周评", "随笔", "数据"):
        (site / "zh" / section / "2023-08").mkdir(parents=True)
    for section in ("周评", "数据"):
        note = site / "zh" / section / "2023-08" / "note-61.html"
        assert folder_category(str(note), str(site)) == section
    (site / "en" / "2023-08").mkdir(parents=True)
    assert folder_category(str(site / "en" / "2023-08" / "note-1.html"), str(site)) is None
    # 数据 beside one section only is still a crawl's container
    crawl = tmp_path / "crawl"
    (crawl / "数据").mkdir(parents=True)
    (crawl / "政策").mkdir()
    assert folder_category(str(crawl / "数据" / "1.html"), str(crawl)) is None
