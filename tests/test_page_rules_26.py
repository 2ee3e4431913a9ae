"""Rules for page reading found on the twenty-sixth round (sets 28 and 29 of the unseen
layouts, `tests/fixtures/blind-sites-28` and `-29`, opened this round), written as general
forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

GROUP = "南溪煤电集团"


def _portal_page(header: str, footer: str) -> str:
    """A group's intranet portal page that states no source: its logo (an image) names the
    group, its footer the group's registered name."""
    return (
        '<html><head><meta charset="utf-8"><title>集团召开安全生产工作会议</title></head><body>'
        f'<div class="top"><img src="/logo.png" alt="{GROUP}"><span>{header}</span></div>'
        "<h1>集团召开安全生产工作会议</h1><div class='info'>发布时间：2024-03-06 17:22</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        f"<div class='foot'>{footer}</div></body></html>"
    )


@pytest.mark.parametrize(
    ("header", "footer"),
    [
        # an intranet's notice beside the copyright: what kind of site, no name
        ("进入办公系统", f"{GROUP}有限责任公司 版权所有 内部网站 注意保密"),
        # a motto of like words in the header: no name
        ("安全 · 高效 · 绿色 · 智慧", f"{GROUP}有限责任公司 版权所有"),
        # a sponsor named as the group's own office: the group is the site's
        ("进入办公系统", f"{GROUP}有限责任公司 版权所有 主办：集团党委宣传部"),
    ],
    ids=["intranet-notice", "motto", "own-office-sponsor"],
)
def test_an_intranet_portal_is_the_group_its_logo_names(
    tmp_path: Path, header: str, footer: str
) -> None:
    rec = read_one(write_page(tmp_path / "DocDsp.jsp@id=18234.html", _portal_page(header, footer)))
    assert rec.source == GROUP


def test_a_sponsor_named_in_full_is_still_the_sites(tmp_path: Path) -> None:
    # (the rule above is for an office named relative to the holder: a sponsor named in
    # full stays the site's owner, as before)
    footer = "主办：南溪市能源局 版权所有：南溪市信息中心"
    rec = read_one(write_page(tmp_path / "a.html", _portal_page("进入办公系统", footer)))
    assert rec.source == "南溪市能源局"


DOCUMENTS = (
    "南溪市能源局关于印发《南溪市氢能产业发展实施方案》的通知",
    "南溪市能源局关于做好迎峰度夏电力保供工作的通知",
    "南溪市能源局关于开展煤电机组灵活性改造的通知",
    "南溪市能源局关于公布新型储能示范项目名单的通知",
)


def _document(headline: str, signed: bool) -> str:
    """A bureau's notice whose <h1> starts with the bureau's name, beside a list of the
    bureau's latest documents (this one among them); `signed`: the bureau's name and the date
    under its text."""
    signature = "<p>南溪市能源局</p><p>2026年4月15日</p>" if signed else ""
    latest = "".join(f"<li><a href='#'>{d}</a></li>" for d in DOCUMENTS)
    return (
        f'<html><head><meta charset="utf-8"><title>{headline}_政策文件_南溪市能源局</title>'
        f"</head><body><div class='nav'>首页 政策文件 政策解读</div><h1>{headline}</h1>"
        "<div class='info'>发布时间：2026-04-15 信息来源：南溪市能源局</div>"
        "<div class='content'><p>各区县能源主管部门，有关企业：</p>"
        f"<p>现将{headline[6:]}的有关事项告知你们，请结合实际认真贯彻落实。</p>"
        f"<p>{MORE}</p>{signature}</div>"
        f"<div class='latest'><h3>最新文件</h3><ul>{latest}</ul></div>"
        "<div class='foot'>主办单位：南溪市能源局</div></body></html>"
    )


def test_a_documents_signature_is_not_its_headline(tmp_path: Path) -> None:
    # The headline's line is one the site's every page shows (in its list of latest
    # documents); the signature, the bureau's name alone, starts it but is not the headline
    # cut short: the page's headline and text are read.
    for i, headline in enumerate(DOCUMENTS):
        write_page(tmp_path / f"t2026041{i}_1092{i}.html", _document(headline, signed=i == 0))
    records = records_by_name(tmp_path)
    assert sorted(r.title for r in records.values()) == sorted(DOCUMENTS)
    assert all("请结合实际认真贯彻落实" in r.body for r in records.values())


def test_a_text_pages_first_menu_item_is_no_brand(tmp_path: Path) -> None:
    # A page saved as text from a company's site: its menu one item a line, 首页 first, which
    # the breadcrumb names again; no 来源. The site is the company of the copyright line.
    text = "\n".join(
        [
            "首页",
            "关于我们",
            "新闻中心",
            "信息公开",
            "首页 新闻中心 工程建设 正文",
            "南溪核电1号机组完成第八次换料大修",
            "发布时间：2026-06-12 阅读：812",
            PROSE,
            MORE,
            "上一篇：南溪核电3号机组穹顶吊装成功",
            "南溪核电有限公司 版权所有 © 2026 地址：南溪市核电路1号",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "81.txt", text))
    assert rec.source == "南溪核电有限公司"


def test_a_sites_own_original_mark_names_the_site(tmp_path: Path) -> None:
    # 来源：南溪光伏原创 on 南溪光伏网's page: the site's mark on its own work, by the start of its
    # name; the site is the source.
    page = (
        '<html><head><meta charset="utf-8"><title>宁夏光伏治沙项目首批方阵并网 - 南溪光伏网</title>'
        '<meta property="og:site_name" content="南溪光伏网"></head><body>'
        "<h1>宁夏光伏治沙项目首批方阵并网</h1>"
        "<div class='meta'>2024-04-18 来源：南溪光伏原创</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "8640.html", page))
    assert rec.source == "南溪光伏网"


def test_an_exhibitions_dates_in_its_banner_do_not_date_a_page(tmp_path: Path) -> None:
    # An exhibition's site shows its countdown and its days (a span) above every page's
    # headline; a page that states no date of its own stays undated.
    page = (
        '<html><head><meta charset="utf-8"><title>一家管道检测企业的转型</title></head><body>'
        "<div class='countdown'>距开幕还有 -- 天 · 2026.9.16-18 · 南溪国际会展中心</div>"
        "<div class='crumb'>首页 / 新闻中心 / 展商动态</div><h1>一家管道检测企业的转型</h1>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "exh-3350.html", page))
    assert rec.published is None


def test_an_events_site_is_the_event_not_this_years_edition(tmp_path: Path) -> None:
    # An exhibition's page whose <title> names this year's edition (第十二届X) after the
    # headline, while its logo and its copyright line name the event, X: the site is X.
    page = (
        '<html><head><meta charset="utf-8"><title>观众预登记通道开启 - 第十二届南溪能源装备展'
        '</title></head><body><img src="/logo.png" alt="南溪能源装备展">'
        "<h1>观众预登记通道开启</h1><div class='date'>2026-07-15</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='foot'>Copyright © 2014-2026 南溪能源装备展 All Rights Reserved</div>"
        "</body></html>"
    )
    rec = read_one(write_page(tmp_path / "notice-2026-09.html", page))
    assert rec.source == "南溪能源装备展"


def test_a_text_page_reads_as_its_sites_pages_with_a_logo(tmp_path: Path) -> None:
    # Three saved web pages of a group's portal show its logo (南溪煤电集团) over the
    # registered name of the copyright line; a page of the same site saved as text shows no
    # logo, only the copyright line. It is the same site: the logo's name, as on the others.
    footer = f"{GROUP}有限责任公司 版权所有 内部网站 注意保密"
    for i in range(3):
        write_page(tmp_path / f"DocDsp.jsp@id=1823{i}.html", _portal_page("进入办公系统", footer))
    text = "\n".join(
        [
            "集团举办青年职工创新创效成果发布会",
            "门户首页 集团要闻 基层动态 通知公告",
            "当前位置：门户首页 > 集团要闻 > 正文",
            "集团举办青年职工创新创效成果发布会",
            "供稿单位：集团团委   发布时间：2024-06-26 10:02:13",
            "6月25日，集团举办第五届青年职工创新创效成果发布会，28个项目进入决赛。",
            "集团团委负责人表示，将对获奖项目给予推广经费支持。",
            "打印 关闭",
            footer,
        ]
    )
    write_page(tmp_path / "DocDsp.jsp@id=18421.txt", text)
    records = records_by_name(tmp_path)
    assert records["DocDsp.jsp@id=18421.txt"].source == GROUP
    assert {r.source for r in records.values()} == {GROUP}
