"""Rules for page reading found on the eighth round (set 7 of the unseen layouts,
`tests/fixtures/blind-sites-7`, opened this round: ordinary sites on common Chinese CMS
templates — MetInfo, SiteServer, a 头条-style page), written as the general forms those
templates print things in. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one
from xinwen.index.bylines import parse_byline
from xinwen.index.records import Record
from xinwen.index.sources import read_sources
from xinwen.index.sources.categories import folder_category


@pytest.mark.parametrize(
    "hidden",
    [
        "<h1 hidden>南溪储能科技</h1>",
        '<h1 style="display:none">南溪储能科技</h1>',
        '<h1 class="sr-only">南溪储能科技</h1>',
        '<div aria-hidden="true"><h1>南溪储能科技</h1></div>',
    ],
)
def test_a_hidden_h1_is_the_sites_name_not_the_headline(tmp_path: Path, hidden: str) -> None:
    # MetInfo's header (and many themes'): the company's name in an <h1> the page hides, for
    # search engines; the headline is a second <h1>, and the <title> holds both.
    page = (
        '<html><head><meta charset="utf-8"><title>储能电站完成扩容改造-南溪储能科技</title>'
        f'</head><body><header>{hidden}<a href="../"><img src="logo.png" alt="南溪储能科技"></a>'
        "</header><section><h1>储能电站完成扩容改造</h1>"
        "<div class='info'><span>发布时间：2024-03-18 10:00:00</span><span>来源：本站</span></div>"
        f"</section><section class='met-editor'><p>{PROSE}</p><p>{MORE}</p></section></body></html>"
    )
    path = tmp_path / "news" / "218.html"
    path.parent.mkdir()
    path.write_text(page, "utf-8")
    rec = read_one(path)
    assert rec.title == "储能电站完成扩容改造"
    assert rec.source == "南溪储能科技"
    # shown, an <h1> that says what the logo's alt text says is the site's name all the same
    path.write_text(page.replace(hidden, "<h1>南溪储能科技</h1>"), "utf-8")
    rec = read_one(path)
    assert (rec.title, rec.source) == ("储能电站完成扩容改造", "南溪储能科技")


def test_a_departments_page_on_its_governments_portal_is_the_departments(tmp_path: Path) -> None:
    # A county's portal CMS writes the county's name in every page's <meta name="SiteName">,
    # its departments' pages too; the department's page names the department in its <title>
    # and as its footer's 主办单位, and states no 来源 (or 来源：本站).
    def page(byline: str, footer: str) -> str:
        return (
            '<html><head><meta charset="utf-8"><title>县发改局调研农网改造 - 南溪县发展和改革局'
            '</title><meta name="SiteName" content="南溪县人民政府"></head><body>'
            "<div class='location'>当前位置：<a href='/'>首页</a> &gt;&gt; 工作动态</div>"
            "<div class='art_title'>县发改局调研农网改造</div>"
            f"<div class='art_info'>{byline}发布时间：2024-04-17 【字号：大 中 小】</div>"
            f"<div id='zoom'><p>{PROSE}</p><p>{MORE}</p></div>"
            f"<div class='footer'><p>{footer} 地址：南溪县人民路12号</p>"
            "<p>网站标识码：1305340001 冀ICP备05012345号</p></div></body></html>"
        )

    path = tmp_path / "gzdt" / "content_3040.html"
    path.parent.mkdir()
    for byline in ("", "来源：本站 "):
        path.write_text(page(byline, "主办单位：南溪县发展和改革局"), "utf-8")
        assert read_one(path).source == "南溪县发展和改革局", byline
    # a 来源 naming someone is the source all the same
    path.write_text(page("来源：县能源股 ", "主办单位：南溪县发展和改革局"), "utf-8")
    assert read_one(path).source == "县能源股"
    # a footer that does not name the <title>'s organ leaves the meta's name
    path.write_text(page("", "主办单位：南溪县人民政府办公室"), "utf-8")
    assert read_one(path).source == "南溪县人民政府"


def test_a_text_logo_names_the_site_and_a_short_headline_shaped_like_a_name_stays(
    tmp_path: Path,
) -> None:
    # A 头条-style header: the site's name as a text link home whose class says logo; a weekly
    # column's short headline (油价周报, shaped like a paper's name) in the <h1>, and the
    # <title> ``headline - site``.
    page = (
        '<html><head><meta charset="utf-8"><title>油价周报 - 南溪号</title></head><body>'
        '<div class="header"><a href="https://www.nanxi.example.com/" class="logo">南溪号</a>'
        '<a href="/">首页</a> <a href="/ch/youqi/">油气</a> <a href="/ch/dianwang/">电网</a></div>'
        "<div class='article-content'><h1>油价周报</h1><div class='article-meta'>"
        "<span>2024-09-14 15:18</span> · <span class='name'>南溪号·油气观察</span></div>"
        f"<article><p>{PROSE}</p><p>{MORE}</p></article></div>"
        "<div class='footer'><p>©2024 南溪号 www.nanxi.example.com</p></div></body></html>"
    )
    path = tmp_path / "youqi" / "7413350021.html"
    path.parent.mkdir()
    path.write_text(page, "utf-8")
    rec = read_one(path)
    assert (rec.title, rec.source) == ("油价周报", "南溪号")
    # the site's name from og:site_name instead of the logo: the headline stays all the same
    path.write_text(
        page.replace(' class="logo"', "").replace(
            "</title>", '</title><meta property="og:site_name" content="南溪号">'
        ),
        "utf-8",
    )
    rec = read_one(path)
    assert (rec.title, rec.source) == ("油价周报", "南溪号")


def test_a_posts_category_field_and_its_comments_are_not_its_text(tmp_path: Path) -> None:
    # Typecho's default theme: the post's meta list (作者, date, 分类: X) a line each, and the
    # comments under the post after a heading (1 条评论); a 头条-style page's 评论 9.
    for heading in ("1 条评论", "评论 9", "网友评论"):
        page = (
            '<html><head><meta charset="utf-8"><title>随手记：今天的省间现货 - 南溪札记</title>'
            '</head><body><article class="post"><h1 class="post-title">随手记：今天的省间现货</h1>'
            '<ul class="post-meta"><li>作者: 老周</li><li><time datetime="2024-09-03">'
            "2024年9月3日</time></li><li>分类: 时评</li></ul>"
            f"<div class='post-content'><p>{PROSE}</p><p>{MORE}</p></div>"
            f"<div class='detail-comment'><h2>{heading}</h2><ul><li><span class='user'>用户80231"
            "</span><p>说得有道理，关注了。</p></li></ul></div></article></body></html>"
        )
        path = tmp_path / "shiping" / "short-note.html"
        path.parent.mkdir(exist_ok=True)
        path.write_text(page, "utf-8")
        rec = read_one(path)
        assert rec.body == f"{PROSE}\n{MORE}", heading


def test_the_authors_card_repeating_the_bylines_name_is_not_text(tmp_path: Path) -> None:
    # A 头条-style page: the account's name in the byline (date · 南溪号·油气观察) and again on
    # its card under the text, with a 关注 button.
    page = (
        '<html><head><meta charset="utf-8"><title>国内接收站新增接收能力 - 南溪号</title></head>'
        "<body><div class='article-content'><h1>国内接收站新增接收能力</h1>"
        "<div class='article-meta'><span>2024-04-15 10:13</span><span>·</span>"
        "<span class='name'><a href='/c/user/1/'>南溪号·油气观察</a></span></div>"
        f"<article><p>{PROSE}</p><p>{MORE}</p></article>"
        "<div class='author-card'><a>南溪号·油气观察</a><button>关注</button></div>"
        "<div><button>关注</button></div></div>"
        "</body></html>"
    )
    path = tmp_path / "youqi" / "7398720413.html"
    path.parent.mkdir()
    path.write_text(page, "utf-8")
    assert read_one(path).body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize(
    "line",
    [
        "已有 87 次阅读",
        "南溪日报 阅读 39506",
        "2341 人赞同了该文章",
        "77 人赞同了该回答",
        "查看全部 136 个回答",
        "储能老张 3 天前",
        "03-21 22:05 发布于上海 汽车领域创作者",
        "南溪观察 发布时间:05-12 10:22 广东",
        "举报/反馈",
        "本文已被浏览 123 次",
        "阅读(123)",
        "顶(0) 踩(0)",
        "已有0条评论",
        "收藏本文",
        "文章录入：admin",
        "【打印文章】",
        "本文地址：https://www.nanxi.example.com/a/1.html",
    ],
)
def test_counters_and_a_posters_yearless_time_are_not_text(tmp_path: Path, line: str) -> None:
    # A forum's blog (已有 N 次阅读), a mobile paper's reads beside its name, a Q&A site's votes
    # and its other answers, a poster's time without a year (3 天前, with the place a platform
    # shows): chrome around the text, in a single page the template cannot learn.
    page = (
        '<html><head><meta charset="utf-8"><title>储能电站完成扩容改造 - 南溪社区</title></head>'
        "<body><h1>储能电站完成扩容改造</h1><div class='meta'>2024-03-18</div>"
        f"<div class='content'><p>{line}</p><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    path = tmp_path / "post-1175.html"
    path.write_text(page, "utf-8")
    assert read_one(path).body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize("cut", ["...", "…", "……"])
def test_a_summary_cut_off_from_the_texts_start_is_not_text(tmp_path: Path, cut: str) -> None:
    # DedeCMS templates (and others) print the description in an intro box above the text, cut
    # off with an ellipsis; the text says it again in full.
    page = (
        '<html><head><meta charset="utf-8"><title>充电桩建设提速 - 南溪储能网</title></head>'
        "<body><h1>充电桩建设提速</h1><div class='info'>时间：2023-07-19 来源：南溪储能网</div>"
        f"<div class='intro'>{PROSE[:20]}{cut}</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    path = tmp_path / "hangye" / "2336.html"
    path.parent.mkdir()
    path.write_text(page, "utf-8")
    assert read_one(path).body == f"{PROSE}\n{MORE}"
    # a line of the text that ends in an ellipsis is kept (it is no summary of what follows)
    path.write_text(page.replace(f"{PROSE[:20]}{cut}", f"{MORE[:20]}{cut}"), "utf-8")
    assert read_one(path).body.startswith(f"{MORE[:20]}{cut}")


def test_a_posts_tag_links_are_not_text(tmp_path: Path) -> None:
    # Hugo's PaperMod theme (and WordPress's post-tags): the tags under the post, links to
    # the tags' pages only, without a 标签 label.
    page = (
        '<html><head><meta charset="utf-8"><title>西川分散式风电项目开工 | 南溪能源观察</title>'
        '</head><body><nav><a href="/zh/">南溪能源观察</a> <a href="/zh/tags/">标签</a></nav>'
        "<article><h1>西川分散式风电项目开工</h1><div class='post-meta'><time>2023-02-15</time>"
        f"</div><div class='post-content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<footer><ul class='post-tags'><li><a href='/zh/tags/风电/'>风电</a></li>"
        "<li><a href='/zh/tags/海上风电/'>海上风电</a></li></ul></footer></article></body></html>"
    )
    path = tmp_path / "zh" / "note-66.html"
    path.parent.mkdir()
    path.write_text(page, "utf-8")
    assert read_one(path).body == f"{PROSE}\n{MORE}"
    # a paragraph of the text that links a tag's page among its words stays text
    linked = f"<p>{PROSE[:10]}<a href='/zh/tags/风电/'>风电</a>{PROSE[10:]}</p>"
    path.write_text(page.replace(f"<p>{PROSE}</p>", linked), "utf-8")
    assert "风电" in read_one(path).body.split("\n")[0]


def test_a_line_naming_the_pages_section_is_not_text(tmp_path: Path) -> None:
    # A company newsroom's meta line: the section's name (and its English name) above the
    # text, the folder's name too.
    page = (
        '<html><head><meta charset="utf-8"><title>员工志愿者走进牧区开展光伏科普 - 南溪新能源'
        "</title></head><body><h1>员工志愿者走进牧区开展光伏科普</h1>"
        "<div class='news-meta'><span class='news-cat'>公司动态 Company News</span></div>"
        f"<div class='news-body'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    path = tmp_path / "公司动态" / "volunteer.htm"
    path.parent.mkdir()
    path.write_text(page, "utf-8")
    [rec] = read_sources([tmp_path])  # (the folder read as a source: its category folder)
    assert isinstance(rec, Record)
    assert (rec.category, rec.body) == ("公司动态", f"{PROSE}\n{MORE}")


@pytest.mark.parametrize(
    "tail",
    [
        # a blog's copyright box under the post (Hexo's NexT theme)
        "<ul><li>本文作者： 南溪</li><li>本文链接：https://nanxi.example.com/2023/05/12/cdz/</li></ul>",
        # DedeCMS's divider before its previous/next links
        "<div class='boxoff'><strong>------分隔线----------------------------</strong></div>"
        "<div><a href='/a/1.html'>储能电站投运</a></div>",
        # a portal's link back to itself at the end of a reposted article
        "<p>返回搜狐，查看更多</p>",
        # PHPCMS's hot words under the text
        "<p><strong>相关热词搜索：</strong><a href='/tag/cdz'>充电桩</a></p>",
    ],
)
def test_what_templates_print_under_the_text_is_not_text(tmp_path: Path, tail: str) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>充电桩建设提速_南溪能源网</title></head>'
        "<body><h1>充电桩建设提速</h1><div class='info'>时间:2023-05-12 10:22</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p>{tail}</div></body></html>"
    )
    path = tmp_path / "12.html"
    path.write_text(page, "utf-8")
    assert read_one(path).body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize("name", ["南溪县人民政府", "南溪市能源局", "南溪能源网"])
def test_a_title_of_the_sites_name_alone_is_no_headline(tmp_path: Path, name: str) -> None:
    # Many government sites' pages have the site's name alone as their <title>; the headline
    # is a table cell above the byline.
    page = (
        f'<html><head><meta charset="utf-8"><title>{name}</title></head><body>'
        "<div class='dqwz'>您所在的位置：<a href='/'>首页</a> &gt; "
        "<a href='/zwgk/'>政务公开</a></div>"
        "<table><tr><td class='biaoti'>县政府召开充电设施建设推进会</td></tr>"
        "<tr><td class='fbsj'>发布时间：2023-05-12 来源：县发改局</td></tr>"
        f"<tr><td class='zw'><p>{PROSE}</p><p>{MORE}</p></td></tr></table>"
        "<div class='bottom'>主办：南溪县人民政府办公室</div></body></html>"
    )
    path = tmp_path / "t20230512_1.html"
    path.write_text(page, "utf-8")
    assert read_one(path).title == "县政府召开充电设施建设推进会"


@pytest.mark.parametrize(
    "statement",
    [
        "「特别声明：以上作品内容为南溪网旗下自媒体平台用户上传并发布，本平台仅提供信息存储空间服务。」",
        "本文为南溪号作者或机构在南溪新闻上传并发布，仅代表该作者或机构观点，不代表南溪新闻的观点或"
        "立场，南溪新闻仅提供信息发布平台。",
        "平台声明：该文观点仅代表作者本人，南溪号系信息发布平台，南溪仅提供信息存储空间服务。",
    ],
)
def test_a_platforms_statement_under_its_accounts_article(tmp_path: Path, statement: str) -> None:
    # Portals' account platforms print a statement under every account's article; the source
    # element there may say 来自 X instead of 来源：X.
    page = (
        '<html><head><meta charset="utf-8"><title>充电桩建设提速_南溪网</title></head><body>'
        "<h1>充电桩建设提速</h1><div class='index_info'><span>2023年05月12日 10:22:33</span>"
        "<span class='index_source'>来自<a href='#'>南溪日报</a></span></div>"
        f"<div class='main_content'><p>{PROSE}</p><p>{MORE}</p></div>"
        f"<div class='copyright'>{statement}</div></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(page, "utf-8")
    rec = read_one(path)
    assert (rec.source, rec.body) == ("南溪日报", f"{PROSE}\n{MORE}")


@pytest.mark.parametrize(
    ("banner", "page_title", "site"),
    [
        # a company site's banner with its section's name in an <h1>
        (
            "<h1>新闻中心</h1><p>NEWS CENTER</p>",
            "充电桩建设提速-新闻中心-南溪新能源科技有限公司",
            "南溪新能源科技有限公司",
        ),
        ("<h1>公司新闻</h1>", "充电桩建设提速_公司新闻_南溪新能源", "南溪新能源"),
        # a theme's site title in a plain <h1> (no link home)
        ("<h1 class='site-title'>南溪新能源</h1>", "充电桩建设提速 - 南溪新能源", "南溪新能源"),
    ],
)
def test_a_banners_h1_is_no_headline(
    tmp_path: Path, banner: str, page_title: str, site: str
) -> None:
    page = (
        f'<html><head><meta charset="utf-8"><title>{page_title}</title></head><body>'
        f"<div class='banner'>{banner}</div>"
        "<div class='content'><h2 class='title'>充电桩建设提速</h2>"
        "<div class='info'>发布时间：2023-05-12 浏览：100</div>"
        f"<div class='text'><p>{PROSE}</p><p>{MORE}</p></div></div></body></html>"
    )
    path = tmp_path / "news" / "12.html"
    path.parent.mkdir()
    path.write_text(page, "utf-8")
    rec = read_one(path)
    assert (rec.title, rec.source) == ("充电桩建设提速", site)


def test_a_sites_name_before_the_headline_in_the_title_stays_the_site(tmp_path: Path) -> None:
    # ``站名 - 标题``: the short <h1> headline is the <title>'s second part, and the site's name
    # shows in the header and the footer; no banner here.
    page = (
        '<html><head><meta charset="utf-8"><title>南溪光伏储能科技 - 组件价格企稳</title></head>'
        "<body><div class='top'><span class='name'>南溪光伏储能科技</span></div>"
        "<h1>组件价格企稳</h1><div class='info'>2023-05-12</div>"
        f"<div class='text'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='foot'><p>南溪光伏储能科技</p></div></body></html>"
    )
    path = tmp_path / "12.html"
    path.write_text(page, "utf-8")
    rec = read_one(path)
    assert (rec.title, rec.source) == ("组件价格企稳", "南溪光伏储能科技")


def test_a_kind_of_news_in_the_title_is_a_section_not_the_site(tmp_path: Path) -> None:
    # ``标题_公司新闻_站名``: 公司新闻 ends like a site's name (…新闻) but is any site's column.
    page = (
        '<html><head><meta charset="utf-8"><title>充电桩建设提速_公司新闻_南溪新能源</title>'
        "</head><body><div class='tit'>充电桩建设提速</div><div class='info'>2023-05-12</div>"
        f"<div class='text'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    path = tmp_path / "12.html"
    path.write_text(page, "utf-8")
    assert read_one(path).source == "南溪新能源"


@pytest.mark.parametrize(
    "line",
    [
        "2023-05-12 来源于：南溪日报",
        "2023-05-12 来源：<南溪日报>",
        "2023-05-12 来源：＜南溪日报＞",
        "2023-05-12 来源：微信公众号“南溪日报”",
        "2023-05-12 来源：公众号「南溪日报」",
    ],
)
def test_more_ways_to_print_a_source(line: str) -> None:
    # 来源于：X, a name in angle brackets as some CMSs' templates print it, and a WeChat
    # account's name in quotes after the kind of account
    byline = parse_byline(line)
    assert byline is not None and byline.source == "南溪日报"
    # a picture's or a chart's credit stays no source
    credit = parse_byline("2023-05-12 数据来源于：南溪统计局")
    assert credit is None or credit.source is None


def test_a_sites_mobile_or_traditional_edition_level_is_no_category(tmp_path: Path) -> None:
    # A portal's mobile edition (wap/, mobile/) and traditional-character edition (big5/) are
    # levels of its paths, as a language's zh/ is.
    for level in ("wap", "mobile", "big5"):
        assert folder_category(str(tmp_path / level / "12.html"), str(tmp_path)) is None
        page = tmp_path / level / "news" / "12.html"
        assert folder_category(str(page), str(tmp_path)) is None
        assert folder_category(str(tmp_path / level / "gsxw" / "12.html"), str(tmp_path)) == "gsxw"


def test_an_events_date_in_a_notice_is_its_text_not_its_date(tmp_path: Path) -> None:
    # A notice that states no date of its own: its meeting's and registration's dates
    # (会议时间：X, 报名时间：X) are the notice's text, and date nothing.
    page = (
        '<html><head><meta charset="utf-8"><title>关于召开储能产业交流会的通知-南溪储能协会</title>'
        "</head><body><h1>关于召开储能产业交流会的通知</h1><div class='info'>来源：协会秘书处</div>"
        f"<div class='con'><p>各会员单位：</p><p>{PROSE}</p><p>一、会议时间：2024年6月20日</p>"
        "<p>二、会议地点：南溪国际会议中心</p><p>三、报名时间：2024年6月1日至6月10日</p>"
        f"<p>{MORE}</p></div></body></html>"
    )
    path = tmp_path / "gonggao" / "510.html"
    path.parent.mkdir()
    path.write_text(page, "utf-8")
    rec = read_one(path)
    assert rec.published is None
    assert "会议时间：2024年6月20日" in rec.body and "报名时间：2024年6月1日" in rec.body
    # the notice's own 发布时间 dates it, and its event's date stays its text
    path.write_text(
        page.replace("来源：协会秘书处", "发布时间：2024-05-20 来源：协会秘书处"), "utf-8"
    )
    rec = read_one(path)
    assert str(rec.published) == "2024-05-20" and "会议时间：2024年6月20日" in rec.body


def test_a_blogs_label_headings_action_bar_and_no_repost_note(tmp_path: Path) -> None:
    # A portal blog: 标签： and 分类： as headings with their links after them, a bar of actions
    # with counts in brackets, and a video site's article's 禁止转载 note.
    page = (
        '<html><head><meta charset="utf-8"><title>充电桩建设提速_南溪老周_南溪博客</title></head>'
        "<body><h2 class='titName'>充电桩建设提速</h2><span class='time'>(2023-05-12 10:22:33)"
        "</span><table><tr><td class='blog_tag'><h3>标签：</h3><a href='#'>充电桩</a></td>"
        "<td class='blog_class'><h3>分类：</h3><a href='#'>能源观察</a></td></tr></table>"
        f"<div class='articalContent'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='articalInfo'>阅读(123) 评论(0) 收藏(0) 转载(0) 喜欢 打印 举报</div>"
        "<div>本文为我原创 · 禁止转载</div></body></html>"
    )
    path = tmp_path / "blog_1.html"
    path.write_text(page, "utf-8")
    assert read_one(path).body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize(
    ("page_title", "site"),
    [
        # a company's site: its name, shaped like an organisation's, ends the <title>
        ("充电桩建设提速 - 新闻 - 南溪新能源有限公司", "南溪新能源有限公司"),
        ("充电桩建设提速 - 南溪县发展和改革局", "南溪县发展和改革局"),
        # a site's name in brackets before or after the headline
        ("【南溪能源网】充电桩建设提速", "南溪能源网"),
        ("充电桩建设提速【南溪能源网】", "南溪能源网"),
    ],
)
def test_the_sites_name_in_a_title_without_an_h1(
    tmp_path: Path, page_title: str, site: str
) -> None:
    # The headline in a <div>, no og:site_name: the <title> names the site.
    page = (
        f'<html><head><meta charset="utf-8"><title>{page_title}</title></head><body>'
        "<div class='news_title'>充电桩建设提速</div><div class='news_info'>发布时间：2023-05-12"
        f"</div><div class='news_con'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    path = tmp_path / "12.html"
    path.write_text(page, "utf-8")
    rec = read_one(path)
    assert (rec.title, rec.source) == ("充电桩建设提速", site)
    # a headline that ends like an organisation's name stays the headline
    if "有限公司" in page_title:
        headline = "华能集团成立新能源公司"
        path.write_text(page.replace("充电桩建设提速", headline), "utf-8")
        rec = read_one(path)
        assert (rec.title, rec.source) == (headline, site)


def test_a_document_signed_by_the_organ_its_title_names_is_not_lost(tmp_path: Path) -> None:
    # A government site whose <title> is its name alone, with a disclosure table (名　　称：X)
    # and a document signed by the same organ at its end: the signature is no headline (the
    # page was skipped as having no text), nor is the table's title field.
    organ = "南溪市发展和改革委员会"
    page = (
        f'<html><head><meta charset="utf-8"><title>{organ}</title></head><body>'
        "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/tzgg/'>通知公告</a></div>"
        f"<table><tr><td>发布机构：</td><td>{organ}</td><td>发文日期：</td><td>2023-05-12</td></tr>"
        "<tr><td>名　　称：</td><td colspan='3'>关于做好充电基础设施建设工作的通知</td></tr>"
        "</table>"
        "<div class='title'>关于做好充电基础设施建设工作的通知</div>"
        f"<div id='zoom'><p>各县（市、区）发展改革局：</p><p>{PROSE}</p><p>{MORE}</p>"
        f"<p>{organ}</p><p>2023年5月12日</p></div></body></html>"
    )
    path = tmp_path / "t20230512_1.html"
    path.write_text(page, "utf-8")
    rec = read_one(path)
    assert rec.title == "关于做好充电基础设施建设工作的通知"
    assert PROSE in rec.body and MORE in rec.body


def test_a_brief_without_a_full_stop_is_an_article(tmp_path: Path) -> None:
    # A one-line brief (东岭海域首批机组并网, no full stop) under its <h1> and a dated byline was
    # skipped as "no article text"; a list page's linked or dated lines stay no article.
    page = (
        '<html><head><meta charset="utf-8"><title>今日快讯-南溪能源网</title></head><body>'
        "<h1>今日快讯</h1><div class='info'>2023-05-12 来源：南溪能源网</div>"
        "<div class='con'><p>东岭海域一座50万千瓦海上风电场首批机组并网</p></div></body></html>"
    )
    path = tmp_path / "kx.html"
    path.write_text(page, "utf-8")
    assert read_one(path).body == "东岭海域一座50万千瓦海上风电场首批机组并网"
    for listed in (
        "<a href='/a.html'>东岭海域一座50万千瓦海上风电场首批机组并网</a>",
        "东岭海域一座50万千瓦海上风电场首批机组并网 2023-05-12",
    ):
        path.write_text(page.replace("东岭海域一座50万千瓦海上风电场首批机组并网", listed), "utf-8")
        assert not [r for r in read_sources([path]) if isinstance(r, Record)], listed


def test_a_page_hidden_whole_until_its_scripts_run_keeps_its_headline(tmp_path: Path) -> None:
    # (the hidden-<h1> rule reads the <h1> and its parent only)
    page = (
        '<html><head><meta charset="utf-8"><title>充电桩建设提速-南溪能源网</title></head><body>'
        "<div id='app' style='display:none'><div class='main'><div class='article'>"
        "<h1>充电桩建设提速</h1><div class='info'>2023-05-12</div>"
        f"<div class='con'><p>{PROSE}</p><p>{MORE}</p></div></div></div></div></body></html>"
    )
    path = tmp_path / "12.html"
    path.write_text(page, "utf-8")
    rec = read_one(path)
    assert (rec.title, rec.source) == ("充电桩建设提速", "南溪能源网")


@pytest.mark.parametrize(
    "tail",
    [
        "<p>打开南溪新闻，查看更多</p>",
        "<p>- THE END -</p><p>阅读原文</p>",
        "<p>▼</p><p>喜欢此内容的人还喜欢</p>",
        "<p>写留言</p><p>继续滑动看下一个</p><p>预览时标签不可点</p>",
    ],
)
def test_a_wechat_pages_own_chrome_saved_with_it(tmp_path: Path, tail: str) -> None:
    # A 公众号 article saved whole: the platform's lines under the text, and an app's prompt.
    page = (
        '<html><head><meta charset="utf-8"><title>充电桩建设提速</title></head><body>'
        "<h1 class='rich_media_title'>充电桩建设提速</h1><div class='meta'>2023年05月12日</div>"
        f"<div id='js_content'><p>{PROSE}</p><p>{MORE}</p>{tail}</div></body></html>"
    )
    path = tmp_path / "s.html"
    path.write_text(page, "utf-8")
    assert read_one(path).body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize("credit", ["编辑丨张三", "排版 | 李四", "图丨赵六", "审核丨钱七"])
def test_credits_set_apart_by_a_vertical_bar(tmp_path: Path, credit: str) -> None:
    # 公众号 articles set their credits apart with 丨 or | instead of a colon.
    page = (
        '<html><head><meta charset="utf-8"><title>充电桩建设提速</title></head><body>'
        "<h1>充电桩建设提速</h1><div class='meta'>2023年05月12日</div>"
        f"<div id='js_content'><p>{PROSE}</p><p>{MORE}</p><p>{credit}</p></div></body></html>"
    )
    path = tmp_path / "s.html"
    path.write_text(page, "utf-8")
    assert read_one(path).body == f"{PROSE}\n{MORE}"


def test_an_h1_of_the_headline_and_its_subtitle_after_a_line_break(tmp_path: Path) -> None:
    # The headline element holds the headline and, after a <br>, its ——subtitle; the <title>
    # holds the headline alone: the headline is the element's, subtitle and all.
    head, sub = "工商业储能峰谷套利空间收窄？", "——多地调整分时电价后的收益测算与项目开发策略观察"
    page = (
        f'<html><head><meta charset="utf-8"><title>{head}-南溪储能网</title></head><body>'
        f"<h1>{head}<br>{sub}</h1><div class='info'>2023-05-12 来源：南溪日报</div>"
        f"<div class='con'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    path = tmp_path / "12.html"
    path.write_text(page, "utf-8")
    rec = read_one(path)
    assert (rec.title, rec.body) == (head + sub, f"{PROSE}\n{MORE}")
    # a byline inside the <h1> (PHPCMS) is no subtitle
    path.write_text(
        page.replace(f"<br>{sub}", "<br><span>发布时间：2023-05-12 来源：南溪日报</span>")
    )
    assert read_one(path).title == head
