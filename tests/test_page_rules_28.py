"""Rules for page reading found on the twenty-eighth round (sets 31 and 33 of the unseen
layouts, `tests/fixtures/blind-sites-31` and `-33`, opened this round), written as general
forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "南岭储能电站二期工程全面开工"
OTHER = "南岭储能公司举办安全生产月启动仪式"


def test_a_pager_led_by_an_arrow_is_chrome(tmp_path: Path) -> None:
    # A static site's pager on one line, an arrow before 上一条 and after the next title:
    # ← 上一条：X 下一条：Y →. The titles it names are other pages', not the text.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE} | 南岭储能</title></head><body>'
        f"<article><h1>{HEADLINE}</h1><div class='meta'><time datetime='2024-05-06'>2024-05-06"
        f"</time></div><div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        f"<div class='pager'><a href='/p/'>← 上一条：{OTHER}</a>"
        "<a href='/n/'>下一条：南岭储能电站通过并网验收 →</a></div></article></body></html>"
    )
    rec = read_one(write_page(tmp_path / "news" / "2024-05-nanling.html", page))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 5, 6)
    assert PROSE in rec.body
    assert OTHER not in rec.body
    assert "上一条" not in rec.body


def test_a_paywalls_prompts_and_prices_are_chrome(tmp_path: Path) -> None:
    # A preview cut by a paywall: what is left is for members, a button to join and read it
    # all, the price. None of it is the article's text.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<h1>{HEADLINE}</h1><div class='meta'><time>2024.06.07 20:30</time></div>"
        f"<article><p>{PROSE}</p><p>{MORE}</p><div class='vip'>"
        "<p>剩余65%内容仅限会员阅读</p><a href='/vip'>开通会员 阅读全文</a>"
        "<p>年卡¥198 · 单篇¥5</p></div></article></body></html>"
    )
    rec = read_one(write_page(tmp_path / "tech" / "article-101.html", page))
    assert PROSE in rec.body
    for prompt in ("仅限会员", "开通会员", "年卡"):
        assert prompt not in rec.body


def test_a_paywalls_notice_over_a_saved_text_is_no_headline(tmp_path: Path) -> None:
    # The same page saved as text, the preview's notice (本文为会员专享内容预览，开通会员阅读
    # 全部数据表格) under the byline: the headline is the line over the byline.
    text = "\n".join(
        [
            "南岭能源网",
            "",
            "首页 / 项目 / 南岭储能电站二期工程全...",
            "",
            HEADLINE,
            "",
            "2024-04-02 15:10 来源：南岭能源网 作者：编辑部 3261",
            "",
            "本文为会员专享内容预览，开通会员阅读全部数据表格",
            "",
            PROSE,
            "",
            MORE,
            "",
            "剩余内容及附件《项目明细表.xlsx》仅限会员查看",
            "立即开通 ¥198/年",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "5580.txt", text))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 4, 2)
    assert PROSE in rec.body
    for prompt in ("会员", "立即开通"):
        assert prompt not in rec.body


def test_an_author_with_counters_marks_the_headline_of_a_saved_text(tmp_path: Path) -> None:
    # A blog theme's line under the headline names the author and counts readers and comments,
    # no date (联盟秘书处  阅读(655)  评论(0)): it is the byline, the line over it the headline.
    text = "\n".join(
        [
            "南岭新能源产业联盟",
            "首页  联盟概况  政策  项目  技术  会员单位  活动",
            "",
            "首页 » 技术 » 正文",
            "",
            HEADLINE,
            "",
            "联盟秘书处  阅读(655)  评论(0)",
            "",
            PROSE,
            "",
            MORE,
        ]
    )
    rec = read_one(write_page(tmp_path / "技术" / "jishu-chuneng.txt", text))
    assert rec.title == HEADLINE
    assert rec.published is None
    assert "阅读(655)" not in rec.body


def test_a_bare_date_before_an_edit_date_is_the_publications(tmp_path: Path) -> None:
    # The meta line leads with the date unlabelled and names a later edit's (2024-04-25 16:27
    # 修改时间：2024-04-27): the page was published on the first.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<h1>{HEADLINE}</h1><div class='article-meta'><span>2024-04-25 16:27</span>"
        "<span>修改时间：2024-04-27</span><span>来源：本站</span><span>作者：陈某</span></div>"
        f"<div class='article-content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "5642.html", page))
    assert rec.published == dt.date(2024, 4, 25)


def test_a_blog_themes_reprint_box_is_chrome(tmp_path: Path) -> None:
    # The box under every post: 本站文章除注明转载/出处外，均为本站原创或翻译，转载请标明出处.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<h1>{HEADLINE}</h1><div class='meta'>2024-06-11 作者：秘书处</div>"
        f"<div class='entry-content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='post-copyright'>本站文章除注明转载/出处外，均为本站原创或翻译，"
        "转载前请务必署名，转载请标明出处</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "技术" / "jishu-2.html", page))
    assert MORE in rec.body
    assert "本站文章" not in rec.body


def test_a_crumb_ending_in_the_headline_cut_short_names_its_section(tmp_path: Path) -> None:
    # 首页 > 项目 > 120MW/240MWh...: the headline cut short ends the crumb, a slash in it; the
    # section before it is the page's category (read alone, no folder to name it).
    headline = "120MW/240MWh！南岭共享储能项目开工"
    page = (
        f'<html><head><meta charset="utf-8"><title>{headline}_南岭储能网</title></head><body>'
        "<div class='position'>当前位置：<a href='/'>首页</a> &gt; <a href='/xm/'>项目</a> &gt; "
        f"120MW/240MWh...</div><h1>{headline}</h1><div class='info'>发布时间：2024-05-06 "
        f"来源：南岭储能网</div><div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "</body></html>"
    )
    rec = read_one(write_page(tmp_path / "show-1066.html", page))
    assert rec.title == headline
    assert rec.category == "项目"


def test_a_slash_crumb_ending_in_the_headline_marks_it(tmp_path: Path) -> None:
    # A saved text whose crumb sets its items apart by slashes (首页 / 技术 / 标题): the line it
    # ends with is the headline, not the institute's name over the menu, though the byline's
    # 来源 repeats that name.
    institute = "南岭能源研究院"
    text = "\n".join(
        [
            "跳到主要内容",
            institute,
            "NANLING ENERGY RESEARCH INSTITUTE",
            "",
            *["首页", "关于我们", "研究领域", "政策", "项目", "技术", "联系我们"],
            "",
            f"首页 / 技术 / {HEADLINE}",
            "",
            HEADLINE,
            "",
            "发布日期：2024年6月14日",
            "作者：研究室 赵某",
            f"来源：{institute}",
            "",
            PROSE,
            "",
            MORE,
            "",
            "分享：微信 微博 复制链接",
            f"上一篇：{OTHER}",
            f"© 2024 {institute} 版权所有",
            "湘ICP备18003344号-2",
        ]
    )
    rec = read_one(write_page(tmp_path / "技术" / "1052.txt", text))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 6, 14)
    assert rec.source == institute


def test_a_title_part_of_the_logo_and_a_section_names_the_site(tmp_path: Path) -> None:
    # <title>产品发运 | 南岭储能 新闻中心</title> over an <h1> worded otherwise: the logo's name,
    # with its section after a space, is the site's; the <title>'s other part is no name.
    page = (
        '<html><head><meta charset="utf-8"><title>项目开工 | 南岭储能 新闻中心</title></head>'
        "<body><header><a href='/' class='logo'><img src='/static/logo.svg' alt='南岭储能 NLES'>"
        f"</a></header><article><h1>{HEADLINE}</h1><div class='meta'>"
        "<time datetime='2024-03-26T10:00:00+08:00'>2024-03-26</time></div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></article></body></html>"
    )
    rec = read_one(write_page(tmp_path / "2024-03-delivery.html", page))
    assert rec.title == HEADLINE
    assert rec.source == "南岭储能"


def test_related_reading_in_brackets_and_friendly_links_are_chrome(tmp_path: Path) -> None:
    # A saved page's 【相关阅读】 list under the text and its footer's 友情链接：X Y Z line.
    text = "\n".join(
        [
            "南岭能源集团有限公司",
            "首页\t走进南岭\t新闻中心\t科技创新\t企业文化",
            "当前位置：首页 > 新闻中心 > 科技创新",
            "",
            HEADLINE,
            "",
            "发布时间：2024-04-15　来源：科技信息部　编辑：张某　【打印】【关闭】",
            "",
            PROSE,
            MORE,
            "",
            "【相关阅读】",
            f"· {OTHER}",
            "· 南岭储能电站通过并网验收",
            "",
            "友情链接：国家能源局  南岭省发展改革委",
        ]
    )
    rec = read_one(write_page(tmp_path / "科技创新" / "t20240415_58306.txt", text))
    assert rec.title == HEADLINE
    assert MORE in rec.body
    for chrome in ("相关阅读", OTHER, "友情链接", "国家能源局"):
        assert chrome not in rec.body


def test_friendly_links_under_a_text_are_chrome(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "南岭能源集团有限公司",
            "当前位置：首页 > 新闻中心 > 科技创新",
            "",
            HEADLINE,
            "",
            "发布时间：2024-04-15　来源：科技信息部　编辑：张某",
            "",
            PROSE,
            MORE,
            "",
            "友情链接：国家能源局  南岭省发展改革委",
        ]
    )
    rec = read_one(write_page(tmp_path / "科技创新" / "t20240415_58307.txt", text))
    assert MORE in rec.body
    assert "友情链接" not in rec.body


def _saved_text(*tail: str) -> str:
    return "\n".join(
        [
            "南岭能源网",
            "首页 > 技术 > 正文",
            "",
            HEADLINE,
            "",
            "2024-06-07 20:30 来源：南岭能源网",
            "",
            PROSE,
            "",
            MORE,
            "",
            *tail,
        ]
    )


def test_a_lone_hashtag_under_a_text_is_chrome(tmp_path: Path) -> None:
    # A saved text's one tag under the text (#技术), without a Markdown heading's space.
    text = _saved_text("#技术")
    rec = read_one(write_page(tmp_path / "技术" / "article-30602.txt", text))
    assert MORE in rec.body
    assert "#技术" not in rec.body


def test_a_run_together_action_bar_is_chrome(tmp_path: Path) -> None:
    # Its bar of reader actions, run together as the text save has it: 点赞(12)收藏举报.
    text = _saved_text("点赞(12)收藏举报")
    rec = read_one(write_page(tmp_path / "技术" / "article-30603.txt", text))
    assert MORE in rec.body
    assert "点赞" not in rec.body


def test_a_view_count_alone_above_the_text_is_chrome(tmp_path: Path) -> None:
    # A forum-style CMS prints the views by an eye icon under the headline, the number alone.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}-南岭油气</title></head><body>'
        f"<h1>{HEADLINE}</h1><div class='small'><span><i class='icon-eye'></i> 3265</span></div>"
        f"<div class='message'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "read-3401.html", page))
    assert rec.body.startswith(PROSE)
    assert "3265" not in rec.body
