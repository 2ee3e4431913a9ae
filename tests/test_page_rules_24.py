"""Rules for page reading found on the twenty-fourth round (set 26 of the unseen layouts,
`tests/fixtures/blind-sites-26`, opened this round: common site families in new templates),
written as the general forms those pages state their source, date and text in. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page


def _blog_page(notice: str) -> str:
    """A blog theme's post: the site's name in its meta tags, a reprint notice after the text."""
    return (
        '<html><head><meta charset="utf-8"><title>南溪新建公共充电桩两千余个 - 南溪能源观察</title>'
        '<meta property="og:site_name" content="南溪能源观察" /></head><body>'
        '<div class="logo"><a href="https://nxny.example.org/">南溪能源观察</a></div>'
        "<h1 class='entry-title'>南溪新建公共充电桩两千余个</h1>"
        "<div class='entry-info'><span>小林</span> <time>2024-05-16 10:00</time></div>"
        f"<div class='entry-content'><p>{PROSE}</p><p>{MORE}</p></div>"
        f"<div class='entry-copyright'><p>{notice}</p></div></body></html>"
    )


def test_a_reprint_request_naming_the_pages_address_is_no_source(tmp_path: Path) -> None:
    # 请注明出处：<its own address> asks others to credit this page; the site wrote it.
    notice = "原创文章，作者：小林，如若转载，请注明出处：https://nxny.example.org/2041.html"
    rec = read_one(write_page(tmp_path / "a.html", _blog_page(notice)))
    assert rec.source == "南溪能源观察"


def _association_page(header: str) -> str:
    """An old CMS's table page: a header line over a banner, 来源：本站, a copyright line."""
    return (
        '<html><head><meta charset="utf-8"><title>南溪新建公共充电桩两千余个</title></head><body>'
        f"<table><tr><td>{header}</td></tr>"
        "<tr><td><img src='/images/banner.jpg' alt='' /></td></tr></table>"
        "<div class='nav'><a href='/'>首 页</a> | <a href='/a/'>协会动态</a> | "
        "<a href='/b/'>政策法规</a></div>"
        "<h1>南溪新建公共充电桩两千余个</h1>"
        "<div>发布时间：2024-5-16 10:05:44&nbsp;&nbsp;来源：本站&nbsp;&nbsp;作者：秘书处</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div>版权所有：南溪充电设施协会 Copyright &copy; 2008-2024</div></body></html>"
    )


def test_a_headers_date_line_is_not_the_sites_name(tmp_path: Path) -> None:
    # 今天是：<a date a script writes> | 会员登录: a labelled field, no site's name; the
    # copyright line names the site.
    header = (
        "今天是：<script>document.write(new Date().toLocaleDateString())</script>"
        "<a href='/login'>会员登录</a> | <a href='/reg'>会员注册</a> | <a href='/'>设为首页</a>"
    )
    rec = read_one(write_page(tmp_path / "a.html", _association_page(header)))
    assert rec.source == "南溪充电设施协会"


def test_a_paywalls_prompt_under_a_preview_is_not_the_text(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>南溪新建公共充电桩两千余个_南溪能源内参</title>'
        "</head><body><h1>南溪新建公共充电桩两千余个</h1>"
        "<div class='meta'>2024-05-16 10:15 来源：本站原创</div>"
        f"<div class='article'><p>{PROSE}</p><p>{MORE}</p>"
        "<div class='paywall'><p>剩余70%内容为会员专享，开通会员后阅读全文</p>"
        "<a href='/vip.html'>立即开通</a> <a href='/login.html'>已是会员？登录</a></div></div>"
        "<div class='footer'>© 2024 南溪能源内参</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert PROSE in rec.body and MORE in rec.body
    assert "会员" not in rec.body and "阅读全文" not in rec.body


def test_a_read_count_with_a_thousands_comma_leaves_the_bylines_date(tmp_path: Path) -> None:
    # 阅读 2,041: a count's separator, not a sentence's comma; the line is still a byline.
    page = (
        "南溪新建公共充电桩两千余个 - 南溪能源观察\n\n首页\n政策\n技术\n\n首页 > 技术 > 正文\n\n"
        "南溪新建公共充电桩两千余个\n\n"
        "小林 • 2024年5月16日 09:15 • 技术 • 来源：南溪日报 • 阅读 2,041\n\n"
        f"{PROSE}\n\n{MORE}\n\n未经允许不得转载：南溪能源观察 » 南溪新建公共充电桩两千余个\n"
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert (rec.published, rec.source) == (dt.date(2024, 5, 16), "南溪日报")
