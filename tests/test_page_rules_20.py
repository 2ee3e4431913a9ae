"""Rules for page reading found on the twentieth round (set 22 of the unseen layouts,
`tests/fixtures/blind-sites-22`, opened this round), written as the general forms behind its
misses. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page


def _page(after: str = "", *, head: str = "", header: str = "", title: str = "") -> str:
    headline = "南溪储能电站二期开工建设"
    return (
        f'<html><head><meta charset="utf-8"><title>{title or headline}</title>{head}</head>'
        f"<body>{header}<h1>{headline}</h1>"
        "<div class='info'>发布日期：2024-05-06 09:31</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>{after}</body></html>"
    )


def test_a_forward_looking_statements_notice_is_no_text(tmp_path: Path) -> None:
    # (a listed company's release ends with its 关于 paragraph, which stays, and the notice
    # that its statements about the future may not come true, which is legal chrome)
    about = "南溪能源是一家综合性能源公司，业务遍及二十多个国家和地区，致力于提供清洁能源。"
    notice = (
        "本新闻稿包含前瞻性陈述，实际结果可能因市场、监管及其他因素与预期存在重大差异。"
        "南溪能源不承担更新任何前瞻性陈述的义务。"
    )
    after = (
        f"<div class='boilerplate'><h4>关于南溪能源</h4><p>{about}</p>"
        f"<h4>前瞻性陈述</h4><p>{notice}</p></div>"
    )
    rec = read_one(write_page(tmp_path / "a.html", _page(after)))
    assert MORE in rec.body
    assert "前瞻性陈述" not in rec.body


def test_a_text_about_forward_looking_statements_stays(tmp_path: Path) -> None:
    line = "证监会指出，上市公司披露的前瞻性陈述应当有合理依据，并充分提示风险。"
    rec = read_one(write_page(tmp_path / "a.html", _page(f"<p>{line}</p>")))
    assert line in rec.body


def _undated_page(script: str) -> str:
    headline = "南溪储能电站二期开工建设"
    return (
        f'<html><head><meta charset="utf-8"><title>{headline}</title>'
        f"<script>{script}</script></head><body><h1>{headline}</h1>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )


def test_a_scripts_modification_time_does_not_date_the_page(tmp_path: Path) -> None:
    # (a CMS's data layer says when the page was last changed, not when it was published)
    layer = 'window.dataLayer = [{"page": {"repo:modifyDate": "2024-05-12T08:11:02Z"}}];'
    rec = read_one(write_page(tmp_path / "a.html", _undated_page(layer)))
    assert rec.published is None


def test_a_bilingual_labels_source_is_read(tmp_path: Path) -> None:
    # (an export maker's site labels each field in both languages: 来源 / Source：X)
    headline = "南溪储能电站二期开工建设"
    page = (
        f'<html><head><meta charset="utf-8"><title>{headline}-南溪电气</title></head><body>'
        f"<h1>{headline}</h1><div class='news_info'><span>发布时间 / Date：2024-05-06</span>"
        "<span>来源 / Source：南溪储能行业协会</span><span>浏览 / Views：12</span></div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.source == "南溪储能行业协会"
    assert str(rec.published) == "2024-05-06"


def _portal_text(greeting: str, n: int, *, source: str = "本站") -> str:
    # A group's portal saved as text: its greeting bar, its menu, its column's side menu,
    # the breadcrumb through the column, the article, the footer.
    return "\n".join(
        [
            greeting,
            "首页 集团概况 新闻中心 党建工作 安全生产",
            "新闻中心",
            "集团要闻",
            "基层动态",
            "媒体聚焦",
            "当前位置：首页 > 新闻中心 > 集团要闻 > 正文",
            f"南溪储能电站第{n}期开工建设",
            f"发布时间：2024-05-0{n} 来源：{source} 浏览次数：--",
            f"第{n}期：{PROSE}",
            MORE,
            "上一篇：集团召开一季度经济活动分析会",
            "关于我们 | 联系我们 | 网站地图",
        ]
    )


def test_a_greeting_is_not_part_of_the_sites_name(tmp_path: Path) -> None:
    # (欢迎访问X门户网站: the site is X; a column the breadcrumb passes through, 新闻中心,
    # repeated on every page as the side menu's heading, is not the site either)
    top = "欢迎访问南溪能源集团门户网站 集团门户 | 协同办公 | 企业邮箱"
    for n in range(1, 5):
        write_page(tmp_path / "s" / f"{n}.txt", _portal_text(top, n))
    records = records_by_name(tmp_path / "s")
    assert {r.source for r in records.values()} == {"南溪能源集团"}


def test_a_greeting_bar_is_no_headline(tmp_path: Path) -> None:
    # (您好，欢迎来到X网！ 登录 | 注册 | 投稿: a news site's top bar, saved as text)
    page = "\n".join(
        [
            "您好，欢迎来到南溪储能网！ 登录 | 注册 | 投稿 | 广告服务",
            "搜索",
            "首页 政策 项目 技术 市场 企业",
            "当前位置：首页 > 项目 > 正文",
            "储能系统集成商一季度出货量排名发布",
            "发布时间：2024/4/24 9:12:50 来源：本站 作者：编辑部 浏览：次",
            PROSE,
            MORE,
            "Copyright © 2019-2024 南溪储能网 版权所有",
        ]
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.title == "储能系统集成商一季度出货量排名发布"
    assert "欢迎" not in rec.body


def test_the_group_a_knowledge_base_says_keeps_it_is_the_source(tmp_path: Path) -> None:
    # (a research group's public notes on a hosted knowledge base: the header's logo is the
    # platform's, the sidebar says whose the notes are)
    header = (
        "<div class='header'><a class='header_logo' href='/'>云页</a>"
        "<a href='/nanxi'>南溪研究组</a> / <a href='/nanxi/notes'>技术笔记</a></div>"
        "<div class='sidebar'><div class='tree'><a href='/nanxi/notes/a'>组内周会纪要</a></div>"
        "<div class='sidebar_footer'>本知识库由 南溪研究组 维护 · 共 46 篇文档</div></div>"
    )
    rec = read_one(write_page(tmp_path / "a.html", _page(header=header)))
    assert rec.source == "南溪研究组"
    after = "<div class='footer'>关于云页 · 使用协议 · 隐私政策</div>"
    page = _page(after, header=header, title="南溪储能电站二期开工建设 · 技术笔记")
    rec = read_one(write_page(tmp_path / "b.html", page))
    assert rec.source == "南溪研究组"


def test_a_prompt_to_like_the_text_and_its_likes_are_no_text(tmp_path: Path) -> None:
    # (a knowledge base's page saved as text: 若有收获，就点个赞吧 / 👍 0 人点赞 under the text)
    page = "\n".join(
        [
            "南溪能源网",
            "南溪储能电站二期开工建设",
            "发布时间：2024-05-06 来源：南溪日报",
            PROSE,
            MORE,
            "若有收获，就点个赞吧",
            "👍 0 人点赞",
        ]
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_latin_site_name_gives_way_to_the_chinese_its_logo_pairs_it_with(tmp_path: Path) -> None:
    # (a foreign company's Chinese pages: og:site_name in Latin letters, the logo's alt text
    # both names; the footer's copyright holder is the foreign company)
    head = '<meta property="og:site_name" content="Nanwan Power">'
    footer = "<div class='footer'>© 2024 Nanwan Power A/S 版权所有 · 隐私政策</div>"
    for n, alt in enumerate(("Nanwan Power 南湾电力", "南湾电力 Nanwan Power")):
        header = (
            f"<div class='header'><a href='/'><img class='logo' src='/l.png' alt='{alt}'></a></div>"
        )
        rec = read_one(write_page(tmp_path / f"{n}.html", _page(footer, head=head, header=header)))
        assert rec.source == "南湾电力"
    header = "<div class='header'><img class='logo' src='/l.png' alt='Nanwan Power'></div>"
    rec = read_one(write_page(tmp_path / "c.html", _page(footer, head=head, header=header)))
    assert rec.source == "Nanwan Power"


def test_a_china_editions_site_is_the_companys(tmp_path: Path) -> None:
    # (<title>标题 | 新闻 | 南湾能源中国</title>, the logo 南湾能源中国, the footer's holder
    # 南湾能源（中国）投资有限公司: the news is 南湾能源's, as its text calls it)
    headline = "南溪储能电站二期开工建设"
    footer = "<div class='footer'><p>© 南湾能源（中国）投资有限公司 2024 保留所有权利</p></div>"
    header = "<div class='header'><img class='logo' src='/logo-cn.svg' alt='南湾能源中国'></div>"
    page = _page(footer, header=header, title=f"{headline} | 新闻与媒体 | 南湾能源中国")
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.source == "南湾能源"
    # (a site whose holder is no China subsidiary keeps its name: 南湾中国 is the name itself)
    footer = "<div class='footer'><p>© 2024 南湾能源中国 版权所有</p></div>"
    page = _page(footer, header=header, title=f"{headline} | 新闻与媒体 | 南湾能源中国")
    rec = read_one(write_page(tmp_path / "b.html", page))
    assert rec.source == "南湾能源中国"


def test_a_blog_posts_headline_under_its_author_and_date(tmp_path: Path) -> None:
    # (a site builder's blog post saved as text: the author, the date, the reading time, then
    # the headline and the text)
    page = "\n".join(
        [
            "跳至主要内容",
            "南湾电力",
            "首页",
            "新闻动态",
            "联系我们",
            "南湾电力中国",
            "2024年5月20日",
            "2 分钟阅读",
            "南湾电力与东海港签署合作备忘录",
            PROSE,
            MORE,
            "© 2024 南湾电力 版权所有",
        ]
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.title == "南湾电力与东海港签署合作备忘录"
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_blog_posts_share_buttons_and_counts_are_no_text(tmp_path: Path) -> None:
    # (a site builder's post saved as text: its share buttons and its counts, one a line)
    page = "\n".join(
        [
            "南湾电力",
            "南溪储能电站二期开工建设",
            "2024年5月20日",
            PROSE,
            MORE,
            "Facebook",
            "LinkedIn",
            "复制链接",
            "52 次查看",
            "0 则留言",
            "0 次赞",
        ]
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_headline_listed_in_a_table_of_contents_above_it(tmp_path: Path) -> None:
    # (a knowledge base's page: the sidebar's table of contents lists the page itself, then
    # other documents; the headline and the text follow)
    headline = "南溪储能电站二期开工建设"
    header = (
        f"<div class='catalog'><div class='item active'>{headline}</div>"
        "<div class='item'><a href='/d/1'>"
        "南湾海上风电项目核准：规模同比增长41%，均价跌破1元</a></div>"
        "<div class='item'><a href='/d/2'>组内周会纪要</a></div></div>"
    )
    page = _page(header=header, title=f"{headline} · 项目追踪")
    # (an undated page: its meta line gives the author and the reads only)
    page = page.replace("发布日期：2024-05-06 09:31", "南溪研究组 · 阅读 157")
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.title == headline
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_blog_posts_category_links_under_it_are_no_text(tmp_path: Path) -> None:
    # (a site builder's post footer: the post's categories, links to their pages, then its
    # share buttons and counts)
    headline = "关于南溪储能电站暂停对外接待的公告"
    page = (
        f'<html><head><meta charset="utf-8"><title>{headline}</title></head><body>'
        "<main id='PAGES_CONTAINER'><article data-hook='post'>"
        "<div class='meta'><span data-hook='user-name'>南湾电力</span><div><span "
        "data-hook='time-ago'>2024年5月6日</span><span data-hook='time-to-read'>1 分钟阅读"
        "</span></div></div>"
        f"<div data-hook='post-header'><h1 data-hook='post-title'><span>{headline}</span></h1>"
        "</div><div class='post-content__body' data-hook='post-description'><div><div>"
        f"<p><span>{PROSE}</span></p><p><span>{MORE}</span></p></div></div></div>"
        "<div class='post-footer' data-hook='post-footer'><div class='categories'"
        " data-hook='post-categories-list'>"
        "<a href='https://www.x.example.com/zh/blog/categories/公告'>公告</a></div>"
        "<div class='share-buttons'><button>Facebook</button><button>复制链接</button></div>"
        "<div data-hook='post-stats'><span>67 次查看</span><span>0 则留言</span></div></div>"
        "</article></main></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_bilingual_sites_english_headline_is_no_text(tmp_path: Path) -> None:
    # (saved as text: the Chinese headline, its English under it, then the byline)
    page = "\n".join(
        [
            "南溪电气",
            "您的位置 / Location：首页 Home > 新闻中心 News > 项目",
            "南溪电气新厂区一期工程封顶",
            "Topping-out of Phase I of Nanxi Electric's New Plant",
            "发布时间 / Date：2024-04-22　浏览 / Views：",
            PROSE,
            "The plant will make storage converters from October.",
            MORE,
        ]
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.title == "南溪电气新厂区一期工程封顶"
    assert rec.body == f"{PROSE}\nThe plant will make storage converters from October.\n{MORE}"
