"""Rules for page reading found on the ninth round (sets 8, 9 and 10 of the unseen layouts,
`tests/fixtures/blind-sites-8` … `-10`, opened this round: energy trade portals, news
organisations' sites, small energy sites), written as the general forms those sites print
things in. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page


@pytest.mark.parametrize("line", ["字号：T|T", "字体：A A", "阅 1.4W", "阅 356", "分享"])
def test_a_font_switch_of_letters_and_a_flashs_reads_are_not_text(
    tmp_path: Path, line: str
) -> None:
    # A trade portal's meta line (字号：T|T, its two sizes drawn as letters), a market flash's
    # reads (阅 1.4W) and its 分享 button.
    page = (
        '<html><head><meta charset="utf-8"><title>储能电站完成扩容改造 - 南溪能源网</title></head>'
        "<body><h1>储能电站完成扩容改造</h1><div class='meta'>2024-03-18</div>"
        f"<div class='content'><p>{line}</p><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "5502.html", page))
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_font_switch_under_the_byline_is_no_headline(tmp_path: Path) -> None:
    # A saved text page whose byline the site's template knows (发布时间… on every page): the
    # headline above it, not the font switch below it.
    for n in range(3):
        write_page(
            tmp_path / "market" / f"55{n}.txt",
            "欢迎来到南溪光伏网！请登录 免费注册\n\n首页\n资讯\n价格\n项目\n\n"
            "您现在的位置：首页 » 价格行情 » 正文\n\n"
            f"南溪光伏网周评：组件价格第{n + 1}周持稳 市场观望\n\n"
            f"发布时间：2024-05-{10 + n} 17:40:12  来源：南溪光伏网  作者：价格中心\n"
            f"字号：T|T\n\n　　第{n + 1}批：{PROSE}\n\n　　{MORE}\n\n"
            "南溪光伏网 版权所有 Copyright © 2009-2024\n",
        )
    records = sorted(records_by_name(tmp_path).values(), key=lambda r: r.origin.path)
    assert len(records) == 3
    for n, rec in enumerate(records):
        assert rec.title == f"南溪光伏网周评：组件价格第{n + 1}周持稳 市场观望"
        assert rec.body == f"第{n + 1}批：{PROSE}"


def test_an_authors_account_line_on_several_pages_marks_the_headline(tmp_path: Path) -> None:
    # A platform's post saved as text: headline / the account's name / date / 来源. The account
    # wrote several of the site's pages, so the template knows its line: it is no headline.
    for n, head in enumerate(
        ["核电审批常态化 产业链迎来机遇", "海上风电迎来平价时代", "储能价格战何时休"]
    ):
        write_page(
            tmp_path / "guandian" / f"10{n}.txt",
            f"南溪圈\n推荐\n快讯\n观点\n登录/注册\n\n{head}\n\n核能小站\n"
            f"2024年6月{n + 5}日 09:20\n来源：南溪圈\n\n第{n + 1}篇：{PROSE}\n\n"
            "本文系南溪圈入驻作者原创，观点仅代表作者本人。\n",
        )
    # (its own text on each page: a line on every page is the template's)
    titles = {rec.title for rec in records_by_name(tmp_path).values()}
    assert titles == {"核电审批常态化 产业链迎来机遇", "海上风电迎来平价时代", "储能价格战何时休"}


def test_a_byline_by_the_headline_does_not_end_the_text(tmp_path: Path) -> None:
    # A subtitle under the headline, then the meta line with its QR prompt (扫一扫在手机打开,
    # which ends a text when it comes under it), then the text.
    page = (
        '<html><head><meta charset="utf-8"><title>储能电池项目签约落户 - 南溪产业平台</title>'
        "</head><body><div class='detail'><h1>储能电池项目签约落户</h1>"
        "<div class='subtit'>总投资120亿元，达产后年产值预计超过200亿元</div>"
        "<div class='info'>信息来源：南溪日报 发布时间：2024年07月15日 09:12 "
        "【字号：大 中 小】 扫一扫在手机打开</div>"
        f"<div class='con'><p>{PROSE}</p><p>{MORE}</p></div></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "t20240715_3355.html", page))
    assert PROSE in rec.body and MORE in rec.body
    assert rec.source == "南溪日报"


def test_a_flashs_headline_in_brackets_opening_its_text(tmp_path: Path) -> None:
    # A market flash (电报) saved as text: no headline line; the text opens with it in
    # brackets, 【X】某社8月30日电，…
    head = "南溪集团：二号机组今日并网发电"
    text = (
        "南溪社\n首页\n电报\n深度\n登录\n首页 > 电报 > 详情\n电报\n"
        "2024-08-30 11:05:52 星期五\n阅 1.4W\n"
        f"【{head}】南溪社8月30日电，{PROSE}\n相关：\n核电 +1.02%\n分享\n收藏\n"
        "风险提示：南溪社所有内容仅供参考，不构成投资建议。\n更多电报\n11:02\n两市成交额放大\n"
        "Copyright © 2025 南溪信息技术有限公司 版权所有\n"
    )
    rec = read_one(write_page(tmp_path / "电报" / "1501277.txt", text))
    assert rec.title == head
    assert rec.published is not None and rec.published.isoformat() == "2024-08-30"
    assert rec.body == f"【{head}】南溪社8月30日电，{PROSE}"


def test_more_flashes_under_a_flash_are_not_its_text(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>南溪发布虚拟电厂方案_南溪社</title></head>'
        "<body><div class='detail'><h1>南溪发布虚拟电厂方案</h1><div>2024-06-04 09:31:05</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='more'><div>更多电报</div><ul><li><span>09:58</span>北向资金午间净买入</li>"
        "<li><span>09:41</span>沪指高开，电力板块走强</li></ul></div></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "1470388.html", page))
    assert rec.body == f"{PROSE}\n{MORE}"


def _article(title: str, head: str = "", byline: str = "", footer: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>'
        f"{byline}<h1>储能电站完成扩容改造</h1><div class='info'>2024-05-20 10:20</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        f"<div class='footer'>{footer}</div></body></html>"
    )


def test_an_empty_labelled_meta_source_is_no_source(tmp_path: Path) -> None:
    # A CMS writes the label with nothing after it: <meta name="source" content="来源：">.
    page = _article("储能电站完成扩容改造--南溪视点网", '<meta name="source" content="来源：">')
    assert read_one(write_page(tmp_path / "c1.html", page)).source == "南溪视点网"


def test_a_statement_that_the_sites_content_is_its_own_names_the_site(tmp_path: Path) -> None:
    # No 来源, no site name in the markup; the footer says whose the site's content is, above
    # the line naming the newspaper's publisher (主办：X报社).
    page = _article(
        "储能电站完成扩容改造",
        footer="<p>主管：南溪能源集团 主办：南溪电力报社</p>"
        "<p>本网站所有内容属南溪电力新闻网所有，未经书面授权，不得转载。</p><p>京ICP备12004458号</p>",
    )
    assert read_one(write_page(tmp_path / "content_41562.htm", page)).source == "南溪电力新闻网"


def test_a_departments_logo_its_footer_owns_beats_the_portals_site_name(tmp_path: Path) -> None:
    # A county's portal CMS: <meta name="SiteName"> the county's, the <title> the headline
    # alone; the department's logo and its footer's 主办单位 name the department.
    def page(sponsor: str) -> str:
        return _article(
            "储能电站完成扩容改造",
            '<meta name="SiteName" content="南溪县人民政府">',
            '<div class="head"><img src="/images/logo.png" alt="南溪县发展和改革局"></div>',
            f"<p>主办单位：{sponsor}　承办单位：南溪县大数据中心</p><p>网站标识码：3311270012</p>",
        )

    path = tmp_path / "t20240422_88240.html"
    assert read_one(write_page(path, page("南溪县发展和改革局"))).source == "南溪县发展和改革局"
    # a footer that does not name the logo's organ leaves the meta's name
    assert read_one(write_page(path, page("南溪县人民政府办公室"))).source == "南溪县人民政府"
    # a news site whose logo shows the paper sponsoring it stays the site named in its markup
    news = _article(
        "储能电站完成扩容改造",
        '<meta property="og:site_name" content="南溪新闻网">',
        '<div class="head"><img src="/images/logo.png" alt="南溪日报社"></div>',
        "<p>主办单位：南溪日报社</p>",
    )
    assert read_one(write_page(path, news)).source == "南溪新闻网"


@pytest.mark.parametrize(
    "title", ["储能电站完成扩容改造_技术创新", "储能电站完成扩容改造 | 南溪洞察"]
)
def test_a_titles_section_that_the_menu_links_to_is_not_the_site(
    tmp_path: Path, title: str
) -> None:
    # The <title> ends with the page's section (a CMS's 标题_栏目, a consultancy's insights
    # column), which the site's menu links to; the site is the one its logo names.
    menu = (
        '<div class="header"><a href="/" class="logo"><img src="/img/logo.png" alt="南溪能源网">'
        '</a></div><ul class="nav"><li><a href="/">首页</a></li>'
        '<li><a href="/jscx/index.jhtml">技术创新</a></li><li><a href="/insights">南溪洞察</a></li>'
        "</ul>"
    )
    path = write_page(tmp_path / "1790.html", _article(title, byline=menu))
    assert read_one(path).source == "南溪能源网"
    # not linked from the menu, the <title>'s last part is the site's name as before
    path.write_text(_article(title, byline=menu.replace("<li><a", "<li><span")), "utf-8")
    assert read_one(path).source != "南溪能源网"
    # without a logo, the site is the one the page names elsewhere (its copyright line)
    bare = menu.replace('<img src="/img/logo.png" alt="南溪能源网">', "")
    footer = "<p>Copyright © 2024 南溪能源网 版权所有</p>"
    path.write_text(_article(title, byline=bare, footer=footer), "utf-8")
    assert read_one(path).source == "南溪能源网"


def test_the_titles_full_name_of_the_site_over_og_site_names_short_one(tmp_path: Path) -> None:
    head = '<meta property="og:site_name" content="南溪">'
    for title in (
        "储能电站完成扩容改造_南溪网",
        "从“看天”到“预测”：风电这十年——一位从业者的回顾_南溪网",
    ):
        path = write_page(tmp_path / "a" / "781203456_121124578.html", _article(title, head))
        assert read_one(path).source == "南溪网", title
    # another name in the <title> leaves og:site_name's
    path.write_text(_article("储能电站完成扩容改造_北岭新闻", head), "utf-8")
    assert read_one(path).source == "南溪"


def test_an_unsourced_page_of_a_networks_channel_site_is_the_networks(tmp_path: Path) -> None:
    # A trade portal's channel site (光伏 on guangfu.host): <title> and logo name the channel,
    # the breadcrumb puts it under the network, whose name the copyright line gives.
    def page(crumb: str, source: str = "") -> str:
        return _article(
            "储能电站完成扩容改造-南溪光伏网",
            byline='<div class="logo"><img src="/img/logo_guangfu.png" alt="南溪光伏网"></div>'
            f'<div class="crumb">{crumb}</div>{source}',
            footer="<p>Copyright © 2024 南溪电力网 版权所有 京ICP备10049731号-3</p>",
        )

    path = tmp_path / "guangfu" / "1375688.shtml"
    write_page(
        path, page("<a>南溪电力网</a> &gt; <a>南溪光伏网</a> &gt; <a>光伏要闻</a> &gt; 正文")
    )
    assert read_one(path).source == "南溪电力网"
    # a stated source stays; a breadcrumb not under the network leaves the channel's name
    crumb = "<a>南溪电力网</a> &gt; <a>南溪光伏网</a> &gt; 正文"
    path.write_text(page(crumb, "<div>来源：南溪光伏网</div>"), "utf-8")
    assert read_one(path).source == "南溪光伏网"
    path.write_text(page("<a>首页</a> &gt; <a>光伏要闻</a> &gt; 正文"), "utf-8")
    assert read_one(path).source == "南溪光伏网"


@pytest.mark.parametrize("credit", ["来源：储能前沿", "（来源：储能前沿）", "【来源：储能前沿】"])
def test_a_source_credit_under_the_text_is_not_text(tmp_path: Path, credit: str) -> None:
    # An article naming its source under the text (来源：X on a line of its own), far from the
    # headline's byline; saved as text, where no main-text extraction leaves it out.
    texts = [f"第{k}点，{MORE}" for k in range(1, 5)]
    page = (
        "南溪派\n首页 / 技术 / 正文\n\n储能电站扩容改造完成\n2024-03-18 08:55\n\n"
        + "\n\n".join([PROSE, *texts])
        + f"\n\n{credit}\n免责声明：本文仅代表作者观点，不构成投资建议。\n"
    )
    rec = read_one(write_page(tmp_path / "jishu" / "a1063.txt", page))
    assert rec.source == "储能前沿"
    assert rec.body == "\n".join([PROSE, *texts])


def test_a_byline_fields_bare_label_above_its_value(tmp_path: Path) -> None:
    # A site builder's card of fields (Webflow's): 作者 / X, 发布日期 / Y, without colons.
    page = (
        '<html><head><meta charset="utf-8"><title>储能电站完成扩容改造 | 南溪咨询</title></head>'
        "<body><h1>储能电站完成扩容改造</h1><div class='meta'>"
        "<div><div class='meta-label'>作者</div><div class='meta-value'>合伙人 陈嘉言</div></div>"
        "<div><div class='meta-label'>发布日期</div><div class='meta-value'>2024.03.26</div></div>"
        f"</div><div class='rich'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "tech-sodium-ion.html", page))
    assert rec.body == f"{PROSE}\n{MORE}"
    assert rec.published is not None and rec.published.isoformat() == "2024-03-26"


def test_a_block_classed_byline_holding_a_name_is_the_author(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>储能电站完成扩容改造</title></head><body>'
        "<h1>储能电站完成扩容改造</h1><div class='info'>2024-06-03</div><div class='con'>"
        f"<p class='byline'>高岚</p><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    assert read_one(write_page(tmp_path / "c.htm", page)).body == f"{PROSE}\n{MORE}"


@pytest.mark.parametrize("title", ["南溪社", "电报详情_南溪社", "新闻详情 - 南溪社", ""])
def test_a_flash_page_whose_title_names_no_headline(tmp_path: Path, title: str) -> None:
    # A flash's page (a single-page app's, often): its <title> the site's name, the kind of page
    # (电报详情) or nothing; the headline is in brackets at the text's start.
    head = "南溪集团：二号机组今日并网发电"
    page = (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        '<div class="header"><a href="/" class="logo"><img src="/logo.png" alt="南溪社"></a>'
        '<ul><li><a href="/">首页</a></li><li><a href="/telegraph">电报</a></li></ul></div>'
        '<div class="crumb"><a href="/">首页</a> &gt; <a href="/telegraph">电报</a> &gt; 详情</div>'
        "<div><span>电报</span><span>2024-08-30 11:05:52 星期五</span><span>阅 1.4W</span></div>"
        f"<div class='t-content'>【{head}】南溪社8月30日电，{PROSE}</div>"
        "<div>相关：<span>核电 +1.02%</span></div><div>分享 收藏 评论 纠错/举报</div>"
        "<div class='footer'>Copyright © 2025 南溪信息技术有限公司 版权所有</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "1501277.html", page))
    assert rec.title == head
    assert rec.body == f"【{head}】南溪社8月30日电，{PROSE}"
    # (the company that runs the site is not its name: the logo's is)
    assert rec.source == "南溪社"


def test_the_logos_name_over_the_company_running_the_site(tmp_path: Path) -> None:
    # A page naming its site nowhere but in its logo and in its copyright line, which names the
    # company running it: the site is the logo's name, as the site's other pages' <title>s say.
    def page(logo: str) -> str:
        return _article(
            "储能电站完成扩容改造",
            byline=f'<div><a class="logo" href="/"><img src="/l.png" alt="{logo}"></a></div>',
            footer="<p>Copyright © 2024 南溪核能有限公司 版权所有</p>",
        )

    path = write_page(tmp_path / "news" / "1187.shtml", page("南溪核能"))
    assert read_one(path).source == "南溪核能"
    # a logo of the company's own name, or a slogan, leaves the copyright line's
    path.write_text(page("南溪核能有限公司"), "utf-8")
    assert read_one(path).source == "南溪核能有限公司"
    path.write_text(page("南溪核能，清洁能源引领者"), "utf-8")
    assert read_one(path).source == "南溪核能有限公司"


@pytest.mark.parametrize(
    ("suffix", "site"),
    [
        ("_新闻频道_南溪网(nanxi.com)", "南溪网"),
        ("_南溪网（www.nanxi.cn）", "南溪网"),
        ("_手机南溪网", "南溪网"),
        ("_手机报", "手机报"),
    ],
)
def test_a_site_name_without_its_address_or_mobile_edition(
    tmp_path: Path, suffix: str, site: str
) -> None:
    # A portal's <title> gives its address in brackets after its name (央视网(cctv.com)), a
    # mobile edition its name as 手机X网: the site is X网 (a paper's 手机报 is a name).
    path = write_page(tmp_path / "a.html", _article(f"储能电站完成扩容改造{suffix}"))
    assert read_one(path).source == site
