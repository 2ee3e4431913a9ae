"""Rules for page reading found on the fortieth round (set 60 of the unseen layouts,
`tests/fixtures/blind-sites-60`, opened this round) and on round 41 (41a: set 59, opened then;
41b: set 54), written as general forms. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

HEADLINE = "岭东储气库二期注气工程全面投运"


def test_a_bilingual_card_of_fields_beside_the_text_gives_date_and_source(tmp_path: Path) -> None:
    # A copy of a page whose date and source stand only in an information card beside the
    # text, after the previous/next links: each label bilingual (来源 Source：), its value on the
    # next line.
    text = "\n".join(
        [
            "岭东燃气储运股份有限公司",
            "首页 > 新闻中心 > 工程 > 正文",
            HEADLINE,
            f"6月10日，{PROSE}",
            MORE,
            "上一篇 Prev：岭东门站完成年度检修",
            "下一篇 Next：公司召开安全生产月动员会",
            "文章信息 Article Info",
            "发布时间 Release Date：",
            "2024.06.12",
            "来源 Source：",
            "储运工程部",
            "浏览 Views：",
            "512",
            "相关新闻 Related",
            "岭东门站完成年度检修2024.05.30",
            "Copyright © 岭东燃气储运股份有限公司",
        ]
    )
    rec = read_one(write_page(tmp_path / "工程" / "301.txt", text + "\n"))
    assert rec.published is not None and rec.published == dt.date(2024, 6, 12)
    assert rec.source == "储运工程部"


def test_a_bilingual_label_on_an_html_page_is_read_as_its_chinese_label(tmp_path: Path) -> None:
    # A bilingual theme's fields, each label's English after the Chinese with a space and no
    # slash (来源 Source：), its value in a block of its own: the field's value is X, not
    # "Source：X".
    html = (
        '<html><head><meta charset="utf-8"><title>岭东燃气</title></head><body>'
        "<header><a href='/'>岭东燃气储运股份有限公司</a></header>"
        f"<article><h1>{HEADLINE}</h1>"
        "<div class='meta'><div><div>发布时间 Release Date：</div><div>2024.06.12</div></div>"
        "<div><div>来源 Source：</div><div>储运工程部</div></div></div>"
        f"<p>6月10日，{PROSE}</p><p>{MORE}</p></article>"
        "<footer>Copyright © 岭东燃气储运股份有限公司</footer></body></html>"
    )
    rec = read_one(write_page(tmp_path / "工程" / "302.html", html))
    assert rec.source == "储运工程部"
    assert rec.published is not None and rec.published == dt.date(2024, 6, 12)


def _decked_page(headline: str, deck: str, date: str, n: int) -> str:
    # A site's pages: a deck under the headline, then the byline the template prints on every
    # page (发布时间：, 来源：), then a share bar, then the text.
    return (
        '<html><head><meta charset="utf-8"><title>岭东燃气</title></head><body>'
        "<header><a href='/'>岭东燃气储运股份有限公司</a><nav><a>首页</a><a>新闻中心</a></nav>"
        f"</header><article><h1>{headline}</h1>"
        + (f"<div class='deck'>{deck}</div>" if deck else "")
        + f"<div class='meta'><div>发布时间：{date}</div><div>来源：储运工程部</div>"
        "<div>分享：微信 微博 打印</div></div>"
        f"<p>{n}月{n + 3}日，{PROSE}</p><p>{MORE}</p><p>第{n}期工程共完成管线敷设十二公里。</p>"
        "</article><div class='pager'>上一篇：岭东门站完成年度检修</div>"
        "<footer>Copyright © 岭东燃气储运股份有限公司</footer></body></html>"
    )


def test_a_share_bar_under_the_templates_byline_does_not_end_a_decked_article(
    tmp_path: Path,
) -> None:
    # The byline lines repeat on every page, so the template claims them; a deck above them is
    # not the text's start, and the share bar under them does not end the article.
    write_page(
        tmp_path / "工程" / "401.html",
        _decked_page(HEADLINE, "日注气能力提高四成，保障冬季高峰用气", "2024-06-12", 5),
    )
    write_page(
        tmp_path / "工程" / "402.html",
        _decked_page("岭东门站完成年度检修", "", "2024-06-05", 4),
    )
    write_page(
        tmp_path / "工程" / "403.html",
        _decked_page("公司召开安全生产月动员会", "", "2024-06-01", 3),
    )
    rec = records_by_name(tmp_path)["401.html"]
    assert rec.title == HEADLINE
    assert "第5期工程共完成管线敷设十二公里" in rec.body


# Round 41a (set 59, opened that round).

RANKED = [
    "岭东县新型储能电站集中开工",
    "岭东县完善居民阶梯电价",
    "岭东县首条氢能公交线路开通",
    "岭东县农网改造工程完工",
]


def _ranked_site_page(headline: str, deck: str, date: str) -> str:
    ranked = "".join(f"<li><a href='#'>{h}</a></li>" for h in RANKED)
    deck_html = f"<p class='sub'>{deck}</p>" if deck else ""
    return (
        f'<html><head><meta charset="utf-8"><title>{headline}_岭东能源</title></head><body>'
        "<div class='logo'>岭东能源</div><nav>首页 要闻 政策 项目</nav>"
        f"<div class='main'><h1>{headline}</h1>{deck_html}"
        f"<div class='info'>{date} 10:00　来源：岭东能源</div>"
        f"<div class='content'><p>{date[5:7]}月{date[8:]}日，{PROSE}</p>"
        f"<p>{date}，{MORE}</p></div></div>"
        f"<div class='side'><h3>要闻排行</h3><ol>{ranked}</ol></div>"
        "<footer>关于我们 | 联系我们 | 版权所有 © 2024 岭东能源</footer></body></html>"
    )


def test_a_decked_headline_also_listed_in_the_sites_most_read_is_the_pages_headline(
    tmp_path: Path,
) -> None:
    # Every page lists the most-read headlines, the page's own among them. Where a deck stands
    # between the headline and its byline, the list's entry was as good a match for the
    # <h1> as the headline itself, and, shown later, was taken: the article was lost.
    for n, headline in enumerate(RANKED):
        deck = "居民用电最高档电价不变，中间档适当放宽" if n == 1 else ""
        page = _ranked_site_page(headline, deck, f"2024-05-{n + 10:02d}")
        write_page(tmp_path / "要闻" / f"{n + 1}.html", page)
    rec = records_by_name(tmp_path)["2.html"]
    assert rec.title == RANKED[1]
    assert f"05月11日，{PROSE}" in rec.body and f"2024-05-11，{MORE}" in rec.body
    assert rec.published == dt.date(2024, 5, 11)


def test_an_explainer_box_inside_the_text_does_not_end_the_article(tmp_path: Path) -> None:
    # A 延伸阅读 box set in the text explains a term in a paragraph of prose; the article goes
    # on after it. A box of related articles lists headlines instead, and ends the article.
    html = (
        '<html><head><meta charset="utf-8"><title>岭东县完善居民阶梯电价_岭东能源</title></head>'
        "<body><div class='logo'>岭东能源</div><nav>首页 要闻 政策 项目</nav>"
        "<h1>岭东县完善居民阶梯电价</h1><div class='info'>2024-05-11　来源：岭东能源</div>"
        f"<div class='content'><p>{PROSE}</p>"
        "<div class='box'><h4>延伸阅读</h4><p>什么是阶梯电价？阶梯电价是把居民用电量分为若干档，"
        "用电越多、电价越高的一种电价制度，目的是引导居民节约用电。</p></div>"
        f"<p>{MORE}</p></div>"
        "<footer>关于我们 | 联系我们 | 版权所有 © 2024 岭东能源</footer></body></html>"
    )
    rec = read_one(write_page(tmp_path / "政策" / "7.html", html))
    assert MORE in rec.body


def test_a_long_headline_with_a_comma_over_its_subtitle_is_the_headline(tmp_path: Path) -> None:
    # A text copy: the breadcrumb, a long headline of two clauses (X，Y, no full stop), its
    # subtitle, the byline. The headline's comma made it look like the text's first sentence.
    headline = "岭东储能助力产业园区削峰填谷，首年为园区企业节省电费逾两百万元"
    text = "\n".join(
        [
            "岭东新能源",
            "首页 关于我们 新闻中心 联系我们",
            "您的位置：首页 > 新闻中心 > 项目",
            headline,
            "岭东产业园区用户侧储能电站运行一周年",
            "2024-04-02 15:30 来源：岭东新能源 阅读 320",
            PROSE,
            MORE,
            "版权所有 © 2024 岭东新能源",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "12.txt", text + "\n"))
    assert rec.title == headline
    assert rec.published == dt.date(2024, 4, 2)


def test_a_related_link_set_between_paragraphs_does_not_end_the_article(tmp_path: Path) -> None:
    # 延伸阅读：X, one linked headline set between two paragraphs: the text goes on after it.
    html = (
        '<html><head><meta charset="utf-8"><title>岭东县完善居民阶梯电价_岭东能源</title></head>'
        "<body><div class='logo'>岭东能源</div><nav>首页 要闻 政策 项目</nav>"
        "<h1>岭东县完善居民阶梯电价</h1><div class='info'>2024-05-11　来源：岭东能源</div>"
        f"<div class='content'><p>{PROSE}</p>"
        "<p><b>延伸阅读：</b><a href='/a/1.html'>岭东县农网改造工程完工</a></p>"
        f"<p>会议要求，{MORE}今年以来全市新建充电桩两千余个。</p></div>"
        "<footer>关于我们 | 联系我们 | 版权所有 © 2024 岭东能源</footer></body></html>"
    )
    rec = read_one(write_page(tmp_path / "政策" / "8.html", html))
    assert f"会议要求，{MORE}" in rec.body
    assert "农网改造" not in rec.body


def test_an_opinion_columns_note_under_the_text_is_not_the_text(tmp_path: Path) -> None:
    # 本文仅代表作者个人观点: the column's standing note, not the author's last paragraph.
    text = "\n".join(
        [
            "岭东观察 首页 政策 市场 技术",
            HEADLINE,
            "2024-05-12　作者：周明远",
            PROSE,
            MORE,
            "本文仅代表作者个人观点，不构成投资建议。",
            "Copyright © 2024 岭东观察",
        ]
    )
    rec = read_one(write_page(tmp_path / "观点" / "21.txt", text + "\n"))
    assert MORE in rec.body
    assert "个人观点" not in rec.body


def test_an_events_span_of_days_beside_an_undated_page_does_not_date_it(tmp_path: Path) -> None:
    # An exhibition's box beside the text: 时间：2024年6月20日—22日 is when the fair runs.
    html = (
        '<html><head><meta charset="utf-8"><title>第三届岭东储能展展位售罄_岭东会展</title></head>'
        "<body><div class='logo'>岭东会展</div><nav>首页 展会介绍 展会动态 联系我们</nav>"
        "<h1>第三届岭东储能展展位售罄</h1><p>作者：组委会　点击：312</p>"
        f"<div class='text'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='share'>分享到：微信 微博</div>"
        "<div class='side'><h3>展会信息</h3><p>第三届岭东储能展<br>时间：2024年6月20日—22日<br>"
        "地点：岭东国际会展中心</p></div>"
        "<footer>关于我们 | 联系我们 | 版权所有 © 2024 岭东会展</footer></body></html>"
    )
    rec = read_one(write_page(tmp_path / "展会动态" / "31.html", html))
    assert rec.published is None


# Round 41b (set 54): a headline over its unmarked subtitle in a copy from the browser.
NEWEST_41B = [
    ("岭东能源完成五千户屋顶光伏并网", "2024-06-12"),
    ("岭东能源储能产品通过安全认证", "2024-06-05"),
    ("岭东能源入选省级绿色工厂名单", "2024-05-28"),
]


def _copied_page(headline: str, subtitle: str, date: str, n: int, crumb: list[str]) -> str:
    sidebar = [x for h, d in NEWEST_41B for x in (h, d)]
    lines = [
        "岭东能源 首页 关于我们 新闻资讯 联系我们",
        *crumb,
        headline,
        *([subtitle] if subtitle else []),
        f"发布时间：{date}浏览量：{300 + n}",
        f"{n}月{n + 2}日，{PROSE}",
        f"截至{n}日，{MORE}",
        "上一篇：岭东能源召开年度工作会议",
        "最新资讯",
        *sidebar,
        "Copyright © 2024 岭东能源 版权所有",
    ]
    return "\n".join(lines) + "\n"


def test_the_newest_headline_over_its_subtitle_is_not_taken_for_the_sites_chrome(
    tmp_path: Path,
) -> None:
    # The site lists its newest articles on every page, so the newest article's headline
    # stands on every page; on its own page it is shown once more, over an unmarked subtitle
    # and the byline. It is the headline, and the subtitle is no part of the text.
    crumb = ["您当前的位置：首页 > 新闻资讯 > 项目"]
    subtitle = "累计装机约一百二十兆瓦，覆盖六个县区"
    for n, (headline, date) in enumerate(NEWEST_41B):
        page = _copied_page(headline, subtitle if n == 0 else "", date, n + 4, crumb)
        write_page(tmp_path / "项目" / f"{n + 1}.txt", page)
    rec = records_by_name(tmp_path)["1.txt"]
    assert rec.title == NEWEST_41B[0][0]
    assert subtitle not in rec.body
    assert PROSE in rec.body


def test_a_breadcrumb_copied_one_link_a_line_still_tops_headline_and_subtitle(
    tmp_path: Path,
) -> None:
    # A copy from the browser puts each of the breadcrumb's links on a line of its own
    # (当前位置：网站首页 / 新闻资讯 / 政策): under it the headline, its subtitle, the byline.
    crumb = ["当前位置：网站首页", "新闻资讯", "政策"]
    pages = [
        ("岭东能源发布《分布式光伏项目管理办法》", "明确项目备案与并网全流程要求"),
        ("岭东能源开展迎峰度夏安全检查", ""),
        ("岭东能源召开科技创新大会", ""),
    ]
    for n, (headline, subtitle) in enumerate(pages):
        page = _copied_page(headline, subtitle, f"2024-04-{n + 10}", n + 4, crumb)
        write_page(tmp_path / "政策" / f"{n + 1}.txt", page)
    rec = records_by_name(tmp_path)["1.txt"]
    assert rec.title == pages[0][0]
    assert pages[0][1] not in rec.body
    assert rec.published == dt.date(2024, 4, 10)


def test_a_summary_box_whose_label_is_a_chip_of_its_own_is_not_the_text(tmp_path: Path) -> None:
    # An app-like page's summary box: its label 摘要 in a chip, the summary beside it; a copy
    # gives the two a line each, above the text. The box is the editor's, not the article's.
    summary = "新规明确分布式光伏备案流程，户用项目并网时限压缩至十个工作日。"
    text = "\n".join(
        [
            "岭东能源 首页 新闻动态 关于我们",
            "分布式光伏备案新规有哪些变化",
            "2024.06.11 来源：岭东能源研究院 阅读 1826",
            "摘要",
            summary,
            f"6月10日，{PROSE}",
            f"新规施行后，{MORE}",
            f"业内人士认为，{PROSE}",
            "Copyright © 2024 岭东能源",
        ]
    )
    rec = read_one(write_page(tmp_path / "政策" / "detail_12.txt", text + "\n"))
    assert rec.title == "分布式光伏备案新规有哪些变化"
    assert summary not in rec.body
    assert not rec.body.startswith("摘要")
    assert f"6月10日，{PROSE}" in rec.body
