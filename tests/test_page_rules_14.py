"""Rules for page reading found on the fourteenth round (set 15 of the unseen layouts,
`tests/fixtures/blind-sites-15`, opened this round: energy companies' and a think tank's sites
on table-layout, VuePress and company CMSs), written as the general forms behind its misses.
Each is checked on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.records import Record
from xinwen.index.sources import read_sources


def _page(body: str, title: str = "南溪储能新闻", head_extra: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title>{head_extra}</head>'
        f"<body>{body}</body></html>"
    )


def test_a_related_heading_in_a_left_column_before_the_article_does_not_end_the_page(
    tmp_path: Path,
) -> None:
    # The patterns file's end: line (相关文章 alone on a line) is a footer's heading only once
    # the article's text has begun: a table layout prints its left column, headed 相关文章,
    # before the article.
    left = "".join(f"<tr><td>·{t}</td></tr>" for t in ("储能电站并网运行", "光伏组件价格回落"))
    body = (
        "<table><tr><td class='left'><table><tr><td>相关文章</td></tr>"
        f"{left}</table></td><td class='main'>"
        "<h1>南溪储能电站二期开工建设</h1><p>时间:2024-05-06 14:20 来源:南溪能源</p>"
        f"<p>{PROSE}</p><p>{MORE}</p></td></tr></table>"
        "<div>相关文章</div><div>·风电项目核准</div>"
    )
    rec = read_one(write_page(tmp_path / "a.htm", _page(body)))
    assert rec.title == "南溪储能电站二期开工建设"
    assert PROSE in rec.body and MORE in rec.body
    assert "风电项目核准" not in rec.body  # (after the text, 相关文章 still ends the page)


def test_a_headings_permalink_mark_is_no_part_of_the_headline(tmp_path: Path) -> None:
    # VuePress, Docusaurus and Sphinx put a link to the heading itself, shown as #, in it.
    body = (
        '<main><h1 id="x"><a href="#x" class="header-anchor">#</a> 煤电灵活性改造的经济性测算</h1>'
        f"<p>2024-05-13</p><p>{PROSE}</p><p>{MORE}</p></main>"
    )
    rec = read_one(write_page(tmp_path / "a.html", _page(body, "煤电灵活性改造的经济性测算")))
    assert rec.title == "煤电灵活性改造的经济性测算"


def test_a_welcome_line_over_a_saved_page_is_not_its_headline(tmp_path: Path) -> None:
    # A page saved as text starts with its top bar's greeting (您好，欢迎访问X！ and links).
    text = "\n".join(
        [
            "您好，欢迎访问南溪储能科技有限公司！ 中文版 | English | 网站地图",
            "网站首页 | 关于我们 | 新闻动态 | 联系我们",
            "南溪储能电站二期开工建设",
            "发布时间：2024-05-06 来源：南溪能源",
            PROSE,
            MORE,
        ]
    )
    rec = read_one(write_page(tmp_path / "a.txt", text))
    assert rec.title == "南溪储能电站二期开工建设"


def test_a_company_named_in_the_title_under_its_short_named_logo_is_the_logos_site(
    tmp_path: Path,
) -> None:
    # A page stating no 来源: its <title> ends with the company's full name, its logo shows
    # the short name the site goes by (and its other pages' 来源 state).
    body = (
        '<div class="logo"><a href="/"><img src="/images/logo.gif" alt="南溪储能"></a></div>'
        "<h1>南溪储能电站二期开工建设</h1><p>发布时间：2024-05-06 作者：综合部</p>"
        f"<p>{PROSE}</p><p>{MORE}</p>"
    )
    title = "南溪储能电站二期开工建设-公司新闻-南溪储能股份有限公司"
    rec = read_one(write_page(tmp_path / "a.htm", _page(body, title)))
    assert rec.source == "南溪储能"


def test_a_documentation_sites_page_saved_as_text_is_read_as_a_page(tmp_path: Path) -> None:
    # A VuePress page saved as text: its menu lines alone (首页, 政策) make no page, but its
    # edit link and its last-updated line are a documentation site's chrome.
    text = "\n".join(
        [
            "南溪研究院",
            "首页",
            "报告",
            "储能电站安全评估报告",
            "2024-05-13 南溪研究院",
            PROSE,
            MORE,
            "在 GitHub 上编辑此页 (opens new window)",
            "上次更新: 2024-06-02 10:14:37",
        ]
    )
    rec = read_one(write_page(tmp_path / "a.txt", text))
    assert rec.title == "储能电站安全评估报告"
    assert "上次更新" not in rec.body and "编辑此页" not in rec.body


def test_a_latin_folder_inside_a_chinese_category_folder_is_that_category(
    tmp_path: Path,
) -> None:
    # 报告/reports/a.html: the site's URL path (reports/) saved under the archive's category.
    body = (
        "<h1>储能电站安全评估报告</h1><p>发布时间：2024-05-13 来源：南溪研究院</p>"
        f"<p>{PROSE}</p><p>{MORE}</p>"
    )
    page = write_page(tmp_path / "site" / "报告" / "reports" / "a.html", _page(body))
    rec = read_one(page.parent.parent.parent)
    assert rec.category == "报告"


def test_a_text_page_of_a_company_site_is_the_logos_site_too(tmp_path: Path) -> None:
    # A page saved as text, stating no usable 来源 (网络), is the site's the HTML pages name:
    # by the logo's short name, not the company's in their <title>.
    site = tmp_path / "site"
    for name, head in (("a.htm", "南溪储能电站二期开工建设"), ("b.htm", "南溪储能获评绿色工厂")):
        body = (
            '<div class="logo"><a href="/"><img src="/images/logo.gif" alt="南溪储能"></a></div>'
            f"<h1>{head}</h1><p>发布时间：2024-05-06 来源：南溪储能</p>"
            f"<p>{head}。{PROSE}</p><p>{head}。{MORE}</p>"
        )
        write_page(site / name, _page(body, f"{head}-公司新闻-南溪储能股份有限公司"))
    text = "\n".join(
        [
            "网站首页 | 关于我们 | 新闻动态 | 联系我们",
            "硅料价格连续六周下跌",
            "来源:网络 作者:综合部 浏览:212次",
            f"硅料价格连续六周下跌。{PROSE}",
            f"硅料价格连续六周下跌。{MORE}",
            "Copyright 2010-2024 南溪储能股份有限公司 All Rights Reserved",
        ]
    )
    write_page(site / "c.txt", text)
    records = {Path(r.origin.path).name: r for r in read_sources([site]) if isinstance(r, Record)}
    assert records["c.txt"].source == "南溪储能"
