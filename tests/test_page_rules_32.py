"""Rules for page reading found on the thirty-second round (sets 39, 40 and 42 of the unseen
layouts, `tests/fixtures/blind-sites-39`, `-40` and `-42`, opened this round), written as
general forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.cleaning import parse_date

HEADLINE = "岭东风电场三期工程首批机组并网"


def _blog_page(meta: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE} | 岭东新能源</title></head><body>'
        "<div id='main-content'><article class='post'>"
        f"<h1 class='entry-title'>{HEADLINE}</h1><p class='post-meta'>{meta}</p>"
        f"<div class='entry-content'><p>{PROSE}</p><p>{MORE}</p></div></article>"
        "<div class='sidebar'><h4>近期文章</h4><ul><li>岭西光伏电站开工</li></ul></div>"
        "</div></body></html>"
    )


@pytest.mark.parametrize(
    ("meta", "date"),
    [
        ("由 site_editor | 6月 12, 2024 | 项目 | 3 条评论", dt.date(2024, 6, 12)),
        ("由 lingdong_news | 十一月 5, 2023 | 项目", dt.date(2023, 11, 5)),
        ("11月 30, 2023 | 项目 | 0 条评论", dt.date(2023, 11, 30)),
    ],
)
def test_a_month_day_year_date_in_a_blog_meta_line_dates_the_page(
    tmp_path: Path, meta: str, date: dt.date
) -> None:
    # A WordPress theme in a Chinese locale prints its English date format with Chinese month
    # names (月 d, Y), and its meta line names the poster's login: the page's date all the same,
    # and the line is no text.
    rec = read_one(write_page(tmp_path / "项目" / "lingdong-sanqi.html", _blog_page(meta)))
    assert rec.title == HEADLINE
    assert rec.published == date
    assert "条评论" not in rec.body and "由 " not in rec.body


def test_a_month_day_year_date_is_read_as_a_field_value() -> None:
    assert parse_date("6月 12, 2024") == dt.date(2024, 6, 12)
    # (a year that runs on, 2024年, is no such date)
    assert parse_date("截至6月 12,2024年") is None


def test_an_undated_blog_meta_line_is_no_text(tmp_path: Path) -> None:
    # The same meta line when the post shows no date: the poster, the column, the comments'
    # count. It is the byline's place, not the article's text; the page stays undated.
    page = _blog_page("由 site_editor | 项目 | 0 条评论")
    rec = read_one(write_page(tmp_path / "项目" / "lingdong-sanqi.html", page))
    assert rec.title == HEADLINE
    assert rec.published is None
    assert "条评论" not in rec.body and "site_editor" not in rec.body
    assert PROSE in rec.body


@pytest.mark.parametrize("button", ["阅读原文", "查看原文", "原文链接"])
def test_a_link_to_the_original_marked_as_source_names_no_one(tmp_path: Path, button: str) -> None:
    # A 公众号 article saved from WeChat: the account's name over the text, and under it a
    # link to the original whose id says "source". The button's words name no one; the
    # account is the source.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<div id='img-content'><h1 class='rich_media_title' id='activity-name'>{HEADLINE}</h1>"
        "<div id='meta_content'><span class='rich_media_meta_nickname' id='profileBt'>"
        "<a id='js_name'>岭东风能</a></span>"
        "<em id='publish_time'>2024-06-12 18:30</em></div>"
        f"<div id='js_content'><p>{PROSE}</p><p>{MORE}</p></div>"
        f"<div class='rich_media_tool'><a id='js_view_source' href='#'>{button}</a>"
        "<div>阅读 <span>2316</span></div><div>在看</div></div></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "7_3Xk2Qw.html", page))
    assert rec.title == HEADLINE
    assert rec.source == "岭东风能"


@pytest.mark.parametrize("edition", ["手机版", "移动版", "触屏版", "WAP版"])
def test_a_mobile_sites_title_names_the_site_without_its_edition(
    tmp_path: Path, edition: str
) -> None:
    # A mobile site's pages (m.) end their <title> with the site's name and its edition:
    # the site is the one named, when the page credits no one (来源：本站).
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}_项目_岭东能源{edition}</title>'
        "</head><body><div class='top'>打开APP 立即打开</div>"
        "<div class='crumb'>当前位置：首页 &gt; 项目</div>"
        f"<div class='article'><h1>{HEADLINE}</h1>"
        "<div class='info'>2024-06-12 16:05 来源：本站 <span>次阅读</span></div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></div>"
        "<div class='foot'>手机版 | 电脑版 | 关于我们</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "8902.html", page))
    assert rec.title == HEADLINE
    assert rec.source == "岭东能源"


@pytest.mark.parametrize(
    ("meta", "source"),
    [
        ("来源：岭东日报2024年06月12日 10:30阅读 3.6万", "岭东日报"),
        ("来源：岭东能源报2024-06-12 10:30 阅读 1.2万", "岭东能源报"),
    ],
)
def test_a_source_run_into_its_date_ends_at_the_date(
    tmp_path: Path, meta: str, source: str
) -> None:
    # An app's share page saved as text runs its meta line together: the source's name, then
    # the date with no space between. The name ends where the date begins.
    text = "\n".join(["岭东电力APP", "打开APP", HEADLINE, meta, PROSE, MORE, "相关推荐"])
    rec = read_one(write_page(tmp_path / "项目" / "share_60355.txt", text))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 6, 12)
    assert rec.source == source


BANNER = (
    "这是 http://www.lingdong.example.com/xw/5521.html 的网页快照，是网页在 2024-07-02 20:11:09"
    " 的存档。当前页面可能已经更改。查看当前页面。"
)
BANNER_NOTE = (
    "提示：快照仅供参考，由页面缓存服务生成，与原网站无关。以下是缓存页面，高亮的关键词：风电"
)


def test_a_snapshots_cache_banner_saved_as_text_is_no_headline(tmp_path: Path) -> None:
    # A cached snapshot saved as text opens with the cache's banner, a long line with a
    # sentence's marks: the cache's words, not the page's headline nor its text.
    text = "\n".join(
        [
            BANNER,
            BANNER_NOTE,
            "岭东能源网",
            "首页 新闻 公告 观点",
            "您现在的位置：首页 > 新闻 > 正文",
            HEADLINE,
            "发布时间：2024-06-12 09:15   来源：本站   浏览：--",
            PROSE,
            MORE,
        ]
    )
    rec = read_one(write_page(tmp_path / "新闻" / "kz_5521.txt", text))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 6, 12)
    assert "快照" not in rec.body and PROSE in rec.body


def test_a_snapshots_cache_time_does_not_date_an_undated_page(tmp_path: Path) -> None:
    # The banner over a snapshot saved as HTML states when the cache kept the page; a page
    # that states no date of its own stays undated.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}-岭东能源网</title></head><body>'
        f"<div id='kz_banner'><div>{BANNER}</div><div>{BANNER_NOTE}</div></div>"
        "<div class='top'>岭东能源网</div><div class='main'>"
        f"<h1 class='art_tit'>{HEADLINE}</h1><div class='art_info'>来源：本站 字号：大 中 小</div>"
        f"<div class='art_con'><p>{PROSE}</p><p>{MORE}</p></div></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "公告" / "kz_5521.html", page))
    assert rec.title == HEADLINE
    assert rec.published is None
    assert "快照" not in rec.body


@pytest.mark.parametrize(
    "meta",
    [
        "2024-06-12  分类：项目  阅读(1,286)  评论(0)",
        "2024-06-12  所属栏目：风电项目动态  浏览（3,120）",
    ],
)
def test_a_bare_date_before_a_column_and_bracketed_counters_dates_the_page(
    tmp_path: Path, meta: str
) -> None:
    # A blog theme's meta line saved as text: the date, the column labelled, counters with
    # the count in brackets. It is a byline, longer than a short name after the date.
    text = "\n".join(
        [
            "岭东能源",
            "首页",
            "项目",
            "当前位置：岭东能源 > 项目 > 正文",
            HEADLINE,
            meta,
            PROSE,
            MORE,
            "相关阅读",
            "岭西光伏电站开工  2024-06-20",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "1501.txt", text))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 6, 12)
    assert "阅读" not in rec.body.split(MORE)[0]


def test_a_table_layouts_related_rows_do_not_date_an_undated_page(tmp_path: Path) -> None:
    # An old table layout: the article's rows, then a row heading the related articles and
    # rows of other articles with their dates. A page that states no date stays undated.
    related = "".join(
        f"<tr><td>·<a href='/article/{n}.html'>岭西光伏电站第{n}期开工</a></td>"
        f"<td class='gray'>2024-07-{n:02d}</td></tr>"
        for n in (11, 19, 23)
    )
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}-岭东电气</title></head><body>'
        "<table><tr><td class='location'>您的位置：首页 &gt;&gt; 新闻中心 &gt;&gt; 正文</td></tr>"
        f"<tr><td class='title'><h1>{HEADLINE}</h1></td></tr>"
        "<tr><td class='info'>来源：岭东电力报&nbsp;&nbsp;作者：管理员&nbsp;&nbsp;人气：</td></tr>"
        f"<tr><td class='content'>{PROSE}<br />{MORE}</td></tr>"
        "<tr><td class='reltitle'>相关文章</td></tr>"
        f"<tr><td><table>{related}</table></td></tr></table></body></html>"
    )
    rec = read_one(write_page(tmp_path / "新闻" / "1302.html", page))
    assert rec.title == HEADLINE
    assert rec.published is None
    assert rec.source == "岭东电力报"


@pytest.mark.parametrize(
    "tools",
    [
        ["在 Git 上编辑此页", "最后更新于: 2024/9/10 16:48"],
        ["Edit this page on GitHub", "Last updated: 2024-09-10"],
    ],
)
def test_a_documentation_sites_page_tools_end_the_text(tmp_path: Path, tools: list[str]) -> None:
    # A documentation site (VitePress, Docusaurus) saved as text: under the article, its
    # edit link and its last update, then the previous and next pages' titles. All of it is
    # the site's, not the text.
    text = "\n".join(
        [
            "岭东能源示范区",
            "页面导航",
            HEADLINE,
            "发布日期：2024-06-12 ｜ 来源：岭东日报",
            PROSE,
            MORE,
            *tools,
            "上一页",
            "岭西光伏电站开工仪式举行",
            "下一页",
            "岭南储能电站完成整站验收",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "sanqi-bingwang.txt", text))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 6, 12)
    assert rec.body.endswith(MORE)


@pytest.mark.parametrize("prompt", ["展开全文 ∨", "打开岭东电力APP，阅读全文 >"])
def test_a_fold_or_app_prompt_with_an_arrow_is_no_text(tmp_path: Path, prompt: str) -> None:
    # A mobile page's fold (展开全文 with its arrow) and a share page's prompt to read the
    # rest in the app, saved as text: buttons, not the article's last line.
    text = "\n".join([HEADLINE, "2024-06-12 08:30 来源：岭东日报", PROSE, MORE, prompt])
    rec = read_one(write_page(tmp_path / "项目" / "share_60355.txt", text))
    assert rec.title == HEADLINE
    assert rec.body.endswith(MORE)


@pytest.mark.parametrize(
    "top_bar",
    [
        "您好，欢迎来到岭东能源资讯网！[请登录] [免费注册]",
        "欢迎访问岭东能源资讯网！【登录】【注册】 | 手机版",
    ],
)
def test_a_greeting_run_into_bracketed_links_is_no_headline(tmp_path: Path, top_bar: str) -> None:
    # A portal's top bar saved as text: its greeting, then its links in brackets with no
    # space between. It is chrome, not the headline of a page read alone.
    text = "\n".join(
        [
            top_bar,
            "会员中心 | 招商 | 帮助 | 手机站",
            "搜 索",
            "客服热线0000-5550-6677",
            "首页 资讯 行情 供求信息 企业黄页 展会 专题 招聘",
            "今日电价：岭东工商业：0.65元/千瓦时 岭东居民：0.52元/千瓦时",
            "",
            "当前位置：首页 > 资讯 > 项目 > 正文",
            "",
            HEADLINE,
            "发布日期：2024-06-12 08:40:00  来源：岭东日报  浏览：1062 次",
            "",
            PROSE,
            MORE,
            "上一篇：岭西光伏电站开工",
            "相关阅读",
            "岭南储能电站完成整站验收",
            "友情链接",
            "关于本站 | 广告服务 | 联系我们 | 免责声明",
            "岭东能源网 版权所有 © 2012-2024 岭ICP备12005550号-3",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "show-30401.txt", text))
    assert rec.title == HEADLINE
    assert "欢迎" not in rec.body


@pytest.mark.parametrize("heading", ["相关公告", "最新通知", "【其他通告】"])
def test_a_notices_list_of_other_notices_ends_the_text(tmp_path: Path, heading: str) -> None:
    # An exchange's notice saved as text: under it, a box of its other notices with their
    # dates, then the contact box. None of it is the notice's text.
    text = "\n".join(
        [
            "岭东能源交易中心",
            "首页 > 交易公告 > 正文",
            "关于交易系统停机维护的通知",
            "发布时间：2024-08-05 来源：岭东能源交易中心",
            PROSE,
            heading,
            "关于开展2024年9月绿色电力交易的公告",
            "2024-03-21",
            "联系我们",
            "客服热线：400-000-0000",
        ]
    )
    rec = read_one(write_page(tmp_path / "交易公告" / "tingji-weihu.txt", text))
    assert rec.title == "关于交易系统停机维护的通知"
    assert rec.body == PROSE
