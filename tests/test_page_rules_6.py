"""Rules for page reading found on the sixth round (set 5 of the unseen layouts,
`tests/fixtures/blind-sites-5`, opened this round: ordinary sites on common Chinese CMS
templates), written as the general forms those templates print things in: a meta line's fields
run together (``来源：X评论：0``), a source that names no one (``本站原创``) in a marked element,
an e-paper's ``<title>`` with its edition date, a channel's pages kept in date folders, a
portal's reposting statement under its own name. Each is checked on our own small pages, read
the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one
from xinwen.index.bylines import parse_byline
from xinwen.index.furniture import line_rule, split_title
from xinwen.index.sources import read_sources
from xinwen.index.sources.categories import folder_category

TITLE = "充电桩乡镇全覆盖_资讯_滨江能源网"


def html_page(*, title: str = TITLE, h1: str = "", info: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><div class='nav'>首页 | 资讯 | 政策 | 关于我们</div>"
        f"<h1>{h1 or '充电桩乡镇全覆盖'}</h1>{info}"
        f"<div class='article'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )


def test_a_source_run_together_with_the_next_field(tmp_path: Path) -> None:
    # PHPCMS prints the meta line in the <h1>, under the headline, as spans without spaces:
    # 来源：X评论：0点击：
    spans = (
        "充电桩乡镇全覆盖<br /><span><span>发布时间：2023-04-06 10:30</span>"
        "<span>来源：{}</span><span>评论：0</span><span>点击：</span></span>"
    )
    path = tmp_path / "a.html"
    path.write_text(html_page(h1=spans.format("滨江日报")), "utf-8")
    assert read_one(path).source == "滨江日报"
    # 来源：本站 run together with 评论：: the site's own, its name is taken
    path.write_text(html_page(h1=spans.format("本站")), "utf-8")
    assert read_one(path).source == "滨江能源网"
    # the other fields CMS meta lines print after the source, run together
    for label in ("录入", "访问次数", "所属栏目", "信息分类", "更新时间", "索引号", "供稿"):
        byline = parse_byline(f"发布时间：2023-04-06来源：滨江日报{label}：12")
        assert byline is not None and byline.source == "滨江日报", label
    # a note after a comma is not the source's: （本文来源：滨江日报，有删节）
    byline = parse_byline("（本文来源：滨江日报，有删节）")
    assert byline is not None and byline.source == "滨江日报"
    # (a source whose name ends in 评论, with a space after it, stays whole)
    assert parse_byline("来源：滨江评论 作者：张三").source == "滨江评论"  # type: ignore[union-attr]


def test_a_marked_source_that_names_no_one_is_the_sites(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    for stated in ("本站原创", "未知", "网络"):
        info = (
            "<div class='info'><span class='time'>2023-09-12 16:00</span>"
            f"<span class='source'>来源：{stated}</span><span>作者：编辑部</span></div>"
        )
        path.write_text(html_page(info=info), "utf-8")
        assert read_one(path).source == "滨江能源网", stated


def test_a_byline_with_a_source_that_names_no_one_is_not_text(tmp_path: Path) -> None:
    # an undated page: its byline states only 来源：未知 and the author
    path = tmp_path / "a.html"
    path.write_text(
        html_page(info="<div><span>来源：未知</span> <span>作者：编辑部</span></div>"), "utf-8"
    )
    record = read_one(path)
    assert "来源：未知" not in record.body
    assert record.published is None
    assert PROSE in record.body


def test_an_e_papers_title_with_its_edition_date(tmp_path: Path) -> None:
    assert split_title("滨江能源报-2023年05月08日-充电桩乡镇全覆盖") == [
        "滨江能源报",
        "充电桩乡镇全覆盖",
    ]
    path = tmp_path / "a.html"
    path.write_text(
        html_page(title="滨江能源报-2023年05月08日-充电桩乡镇全覆盖", info="<div>2023-05-08</div>"),
        "utf-8",
    )
    record = read_one(path)
    assert record.source == "滨江能源报"
    assert record.title == "充电桩乡镇全覆盖"
    # a short headline (简讯) as well: the date is neither the headline nor the name
    path.write_text(
        html_page(title="滨江能源报-2023年05月08日-简讯", h1="简讯", info="<div>2023-05-08</div>"),
        "utf-8",
    )
    record = read_one(path)
    assert (record.title, record.source) == ("简讯", "滨江能源报")
    # (a number range in a headline is not split)
    assert split_title("2023-2024年充电桩建设规划") == ["2023-2024年充电桩建设规划"]


def test_news_beside_one_other_section_is_a_section(tmp_path: Path) -> None:
    # an EmpireCMS site: news/2023-04-20/1234.html beside jishu/1297.html
    site = tmp_path / "site"
    (site / "news" / "2023-04-20").mkdir(parents=True)
    (site / "jishu").mkdir()
    assert folder_category(str(site / "news" / "2023-04-20" / "1.html"), str(site)) == "news"
    assert folder_category(str(site / "news" / "1.html"), str(site)) == "news"
    # a crawl's container beside a section is none
    (site / "pages" / "2023-04-20").mkdir(parents=True)
    assert folder_category(str(site / "pages" / "2023-04-20" / "1.html"), str(site)) is None
    # alone, news is a crawl's container (as before)
    (tmp_path / "crawl" / "news").mkdir(parents=True)
    assert (
        folder_category(str(tmp_path / "crawl" / "news" / "1.html"), str(tmp_path / "crawl"))
        is None
    )


def test_a_portals_reposting_statement_under_its_name_is_chrome(tmp_path: Path) -> None:
    statement = (
        "滨江能源网声明：此资讯系转载自合作媒体或互联网其它网站，滨江能源网登载此文出于传递更多"
        "信息之目的，并不意味着赞同其观点或证实其描述，文章内容仅供参考。"
    )
    site = tmp_path / "site"
    site.mkdir()
    for n in range(3):
        # (a short item, each page's own text, in the main text with the statement)
        page = html_page(title=f"第{n}条快讯_资讯_滨江能源网", h1=f"第{n}条快讯")
        page = page.replace(PROSE, f"{PROSE}（第{n}批）").replace(f"<p>{MORE}</p>", "")
        page = page.replace("</p></div>", f"</p><p>{statement}</p></div>")
        (site / f"{n}.html").write_text(page, "utf-8")
    records = list(read_sources([site]))
    assert len(records) == 3
    for record in records:
        assert "声明" not in record.body, record.body  # type: ignore[union-attr]
        assert PROSE in record.body  # type: ignore[union-attr]


def test_what_an_editor_leaves_in_the_source_field_is_the_sites(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    for stated in ("综合整理", "网络综合", "本站整理", "转载", "暂无"):
        info = f"<div>发布时间：2023-09-12 16:00 来源：{stated} 作者：编辑部</div>"
        path.write_text(html_page(info=info), "utf-8")
        assert read_one(path).source == "滨江能源网", stated


def test_a_title_with_a_numeric_date_between_its_parts() -> None:
    assert split_title("充电桩乡镇全覆盖-2023-05-08-滨江能源报") == [
        "充电桩乡镇全覆盖",
        "滨江能源报",
    ]


def test_a_single_letter_folder_is_no_section(tmp_path: Path) -> None:
    # DedeCMS's default a/ level: a/1.html has no category, a/hangye/1.html is hangye's
    site = tmp_path / "site"
    (site / "a" / "hangye").mkdir(parents=True)
    assert folder_category(str(site / "a" / "1.html"), str(site)) is None
    assert folder_category(str(site / "a" / "hangye" / "1.html"), str(site)) == "hangye"


def test_a_cms_path_level_is_no_section(tmp_path: Path) -> None:
    # 博达's info/1012/3456.htm, 大汉's art/2023/5/12/art_1_2.html, a blog's post/12.html
    site = tmp_path / "site"
    for parts in (("info", "1012"), ("art", "2023", "5", "12"), ("post",), ("content",)):
        folder = site.joinpath(*parts)
        folder.mkdir(parents=True)
        assert folder_category(str(folder / "1.html"), str(site)) is None, parts


def test_the_chrome_common_cms_templates_print_under_the_text(tmp_path: Path) -> None:
    # each on one page alone (no template to learn it from), inside the article's own div
    chrome = (
        "TAG标签：充电桩",
        "本文关键词：充电桩",
        "阅读次数：123",
        "您是第 12 位访问者",
        "打赏",
        "【返回顶部】",
        "附件下载：",
        "投稿邮箱：news@example.com",
        "主办单位：滨江市能源局 承办单位：滨江市信息中心",
        "网站标识码：3301000012",
        "如果您发现本网站上有侵犯您的知识产权的作品，请与我们取得联系，我们会及时修改或删除。",
        "本站部分文章来自网络，仅供参考。",
    )
    path = tmp_path / "a.html"
    for line in chrome:
        page = html_page(info="<div>发布时间：2023-05-04 来源：滨江日报</div>")
        path.write_text(page.replace("</p></div>", f"</p><p>{line}</p></div>"), "utf-8")
        record = read_one(path)
        assert line not in record.body, line
        assert PROSE in record.body and MORE in record.body
    # (an event's organiser alone, and a sentence about infringement, are text)
    assert line_rule("主办单位：滨江市能源局") is None
    assert line_rule("市民如发现侵犯知识产权行为，可拨打热线举报，有关部门将依法查处。") is None


def test_breadcrumbs_as_common_cms_templates_print_them(tmp_path: Path) -> None:
    path = tmp_path / "a.html"  # (no folder: the breadcrumb names the category)
    for crumb in (
        "首页 / 工作动态 / 详情",
        "首页→新闻中心→工作动态",
        "当前位置：网站首页 > 工作动态 > 查看内容",
        "您当前的位置 : 首页 > 工作动态 > 文章详情",
        "您所在的位置：首页 > 工作动态",
    ):
        page = html_page(info="<div>发布时间：2023-05-04</div>")
        path.write_text(page.replace("<h1>", f"<div class='crumb'>{crumb}</div><h1>"), "utf-8")
        record = read_one(path)
        assert record.category == "工作动态", crumb
        assert "首页" not in record.body


def test_a_source_field_left_at_a_placeholder_is_the_sites(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    for stated in ("null", "None", "-", "未知来源", "本网讯", "网友投稿"):
        info = f"<div>发布时间：2023-05-04 来源：{stated}</div>"
        path.write_text(html_page(info=info), "utf-8")
        record = read_one(path)
        assert record.source == "滨江能源网", stated
        assert "来源" not in record.body
    # an address as the source: its host, not the scheme's name
    byline = parse_byline("发布时间：2023-05-04 来源：http://www.binjiang.example.com/news/")
    assert byline is not None and byline.source == "www.binjiang.example.com"


def test_a_sites_slogan_in_the_title_is_not_its_name(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    for title in ("滨江能源网 - 专业能源资讯", "充电桩乡镇全覆盖_滨江能源网_领先的能源门户"):
        path.write_text(html_page(title=title), "utf-8")
        record = read_one(path)
        assert (record.title, record.source) == ("充电桩乡镇全覆盖", "滨江能源网"), title


def test_an_undated_page_stays_undated_beside_other_articles_dates(tmp_path: Path) -> None:
    # a CMS's plain <div>s under the text, each with a date that is not the article's
    chrome = (
        "<div class='footer'>Copyright © 2023 滨江能源网 更新时间：2023-06-01</div>",
        "<div class='prenext'><p>上一篇：<a href='/1.html'>滨江召开会议</a> 2023-04-01</p>"
        "<p>下一篇：<a href='/2.html'>储能项目开工</a> 2023-03-28</p></div>",
        "<div class='box'><h3>本栏目其他文章</h3><p><a href='/1.html'>滨江召开会议</a>"
        "（2023-04-01）</p><p><a href='/2.html'>储能项目开工</a>（2023-03-28）</p></div>",
        "<div class='cal'>今天是：2023年12月6日 星期三</div>",
    )
    for n, extra in enumerate(chrome):
        site = tmp_path / f"site{n}"
        site.mkdir()
        for k in range(3):
            page = html_page(
                title=f"第{k}条快讯_资讯_滨江能源网",
                h1=f"第{k}条快讯",
                info=f"<div>发布时间：2023-05-0{k}</div>" if k else "",  # (page 0: undated)
            )
            page = page.replace(PROSE, f"{PROSE}（第{k}批）")
            (site / f"{k}.html").write_text(page.replace("</body>", f"{extra}</body>"), "utf-8")
        records = {Path(r.origin.path).name: r for r in read_sources([site])}  # type: ignore[union-attr]
        assert records["0.html"].published is None, extra  # type: ignore[union-attr]
        assert str(records["1.html"].published) == "2023-05-01"  # type: ignore[union-attr]


def test_a_title_of_the_column_and_the_site_leaves_the_headline_to_the_page(
    tmp_path: Path,
) -> None:
    # a CMS <title> of the column and the site, the headline in an <h2>
    path = tmp_path / "a.html"
    page = html_page(title="通知公告 - 滨江能源网", info="<div>发布时间：2023-05-04</div>")
    page = page.replace("<h1>充电桩乡镇全覆盖</h1>", "<h2>充电桩乡镇全覆盖</h2>")
    page = page.replace("<h2>", "<div class='crumb'>当前位置：首页 > 通知公告 > 正文</div><h2>")
    path.write_text(page, "utf-8")
    record = read_one(path)
    assert record.title == "充电桩乡镇全覆盖"
    assert record.category == "通知公告"
