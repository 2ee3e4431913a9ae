"""Rules for page reading found on round 22 (set 24 of the unseen layouts,
`tests/fixtures/blind-sites-24`, opened this round: association, maker and group sites on
Chinese CMSs, a think tank, a nuclear plant, notices shared from a work-chat app), written as the
general forms those sites print things in. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page


def test_a_share_page_credits_its_publisher_not_the_platform(tmp_path: Path) -> None:
    # A notice shared from a work-chat app: the app's logo tops the page and its footer, but the
    # share bar names who published it there; without a 来源 the page is the publisher's.
    page = (
        '<html><head><meta charset="utf-8"><title>关于检修计划停电的通知</title></head><body>'
        "<div class='topbar'><img class='logo' src='l.png' alt='云信'>"
        "<span>该内容由“东岭县水务公司”通过云信发布</span><a href='#'>打开云信</a></div>"
        "<h1>关于检修计划停电的通知</h1>"
        "<div class='meta'><span>发布人：办公室 周敏</span><span>2024-06-05 16:22</span></div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='footer'><p>云信 · 连接每个团队</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "notice.html", page))
    assert rec.source == "东岭县水务公司"


def _company_page(n: int) -> str:
    return (
        '<html><head><meta charset="utf-8">'
        f"<title>东岭风电有限公司: 二期工程第{n}批机组并网</title></head>"
        "<body><header><a class='brand' href='/'>"
        "<img class='brand-logo' src='/logo.svg' alt='东岭风电有限公司'></a>"
        "<ul class='nav'><li><a href='/about/'>公司概况</a></li><li><a href='/news/'>新闻中心</a>"
        "</li><li><a href='/safety/'>安全环保</a></li><li><a href='/jobs/'>人才招聘</a></li></ul>"
        f"</header><main><h1>二期工程第{n}批机组并网</h1><p class='meta'>2024/05/{10 + n}</p>"
        f"<div class='text'><p>第{n}批：{PROSE}</p><p>{MORE}</p></div></main>"
        "<footer><dl><dt>公司概况</dt><dd><a href='/about/'>公司简介</a></dd><dd>"
        "<a href='/org/'>组织机构</a></dd></dl><dl><dt>新闻中心</dt><dd><a href='/news/'>"
        "公司新闻</a></dd></dl>"
        "<p>© 2024 东岭风电有限公司 版权所有 | 网站声明</p></footer></body></html>"
    )


def test_a_menu_under_an_image_logo_is_no_sites_name(tmp_path: Path) -> None:
    # A company site whose logo is an image (its alt text the company's name) over a menu
    # whose first item, 公司概况, heads a column of the footer's sitemap again: the page is the
    # company's, which the logo and the copyright line name.
    for n in range(3):
        write_page(tmp_path / "news" / f"{n}.html", _company_page(n))
    records = records_by_name(tmp_path)
    assert len(records) == 3
    assert {rec.source for rec in records.values()} == {"东岭风电有限公司"}


def test_a_menu_under_an_image_logo_is_no_sites_name_on_a_page_alone(tmp_path: Path) -> None:
    rec = read_one(write_page(tmp_path / "one.html", _company_page(1)))
    assert rec.source == "东岭风电有限公司"


def test_a_shared_notices_publisher_line_and_buttons_are_not_text(tmp_path: Path) -> None:
    # An undated notice shared from a work-chat app: the publisher's line (its organisation,
    # then 发布人：) has no time beside it, and the app's buttons (确认收到 评论 转发) sit under
    # the text.
    page = (
        '<html><head><meta charset="utf-8"><title>临时停水通知</title></head><body>'
        "<h1>临时停水通知</h1>"
        "<div class='meta'><span>东岭县水务公司</span> <span>发布人：调度中心 罗佳</span></div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='actions'><button>确认收到</button> <button>评论</button> "
        "<button>转发</button></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "notice.html", page))
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_saved_title_ending_with_the_name_the_page_prints_alone(tmp_path: Path) -> None:
    # Reader views saved as text: the tab's title (标题 | 机构), the institute's name alone
    # under it, the date and author; the headline is not printed again.
    heads = [
        "电价周报：省内现货市场日前均价连续三周回落",
        "储能观察：独立储能容量租赁价格在年中企稳",
    ]
    for n, head in enumerate(heads):
        write_page(
            tmp_path / f"{n}.txt",
            f"{head} | 东岭研究院\n\n东岭研究院\n2024年4月2{n}日 · 作者：许衡\n\n"
            f"第{n}期：{PROSE}\n\n{MORE}\n",
        )
    titles = sorted(rec.title for rec in records_by_name(tmp_path).values())
    assert titles == sorted(heads)


def test_a_greeting_with_the_top_bars_links_set_apart_by_spaces(tmp_path: Path) -> None:
    # A header's greeting and its links (集团邮箱 OA办公 无障碍浏览) on one line of a saved copy.
    text = (
        "您好，欢迎访问东岭能源集团有限公司网站 集团邮箱 OA办公 无障碍浏览\n"
        "首页 走进集团 新闻中心 党的建设 安全环保\n当前位置：首页 / 新闻中心 / 政策\n"
        "集团召开2024年度安全生产总结会\n"
        f"发布日期：2024年12月18日 信息来源：安全监察部\n\n{PROSE}\n\n{MORE}\n"
    )
    rec = read_one(write_page(tmp_path / "3519.txt", text))
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_saved_title_with_keywords_after_the_sites_name(tmp_path: Path) -> None:
    # A copy whose tab title ends with the site's name and then its keywords (标题-站名-关键词
    # |关键词), as a Chinese CMS writes it: the site is the part the copyright line's owner
    # starts with, not the last keyword.
    text = (
        "东岭储能柜首单发往越南胡志明市-东岭电气-储能变流器|储能电池柜|工商业储能系统\n\n"
        "首 页  关于东岭  产品中心  新闻资讯  联系我们\n当前位置：首页 >> 新闻资讯 >> 公司新闻\n\n"
        "东岭储能柜首单发往越南胡志明市\n发布时间：2024-06-18  点击：88\n\n"
        f"{PROSE}\n\n{MORE}\n\n"
        "Copyright © 2024 东岭电气科技有限公司 版权所有\n"
    )
    rec = read_one(write_page(tmp_path / "336.txt", text))
    assert rec.source == "东岭电气"
