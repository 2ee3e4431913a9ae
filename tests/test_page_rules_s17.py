"""Page reading defects found by a tester's crawl of invented news sites (a sentence that a
chrome word opens, a link box inside the text, a footer's update time, a modified time), each
fixed as a general form and checked on our own small pages, read the way ``xinwen reindex``
does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page
from xinwen.index.furniture import line_rule
from xinwen.index.records import Skip
from xinwen.index.sources import read_sources

HEADLINE = "东岭供电公司推出线上办电新服务"


def _article(middle: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}_东岭电力网</title></head><body>'
        f"<h1>{HEADLINE}</h1><div class='info'>发布时间：2024-04-12 来源：东岭电力网</div>"
        f"<div class='content'><p>{PROSE}</p>{middle}<p>{MORE}</p></div>"
        "<div class='foot'>东岭电力网 版权所有</div></body></html>"
    )


# Sentences of the text that a word of chrome opens (or holds): each runs on from the word
# into its clause, through a comma, to a full stop.
_OPENED_BY_CHROME_WORDS = (
    "扫一扫充电桩上的二维码即可开始充电，费用按实际电量结算。",
    "分享到社区群里的停电通知已经更新，抢修工作预计今晚完成。",
    "版权所有方与施工单位已签订补充协议，整个工期延长两个月。",
    "上一篇通报中列出的三个问题，目前已经全部整改到位。",
    "打印本页的按钮位于申请表下方，居民可自行打印受理回执。",
    "居民在营业厅扫码即可办理过户，平均用时不到十分钟。",
)


@pytest.mark.parametrize("sentence", _OPENED_BY_CHROME_WORDS)
def test_a_sentence_a_chrome_word_opens_is_text_and_ends_nothing(
    tmp_path: Path, sentence: str
) -> None:
    # (it was taken for a QR prompt, a share bar, a copyright line, a previous/next link or a
    # print button, and, as a footer's first line, ended the text: MORE was lost with it)
    record = read_one(write_page(tmp_path / "服务" / "1.html", _article(f"<p>{sentence}</p>")))
    assert sentence in record.body
    assert MORE in record.body
    assert line_rule(sentence) is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("扫一扫，关注我们的公众号，获取更多供电资讯。", "QR code"),
        ("扫码下载掌上电力，随时随地查询电费账单。", "QR code"),
        ("分享到：微信 微博 QQ空间", "share"),
        ("版权所有：东岭电力网 未经许可不得转载", "copyright"),
        ("上一篇：东岭供电公司召开安全生产会议", "previous/next"),
        ("【打印本页】 【关闭窗口】", "print/close"),
    ],
)
def test_the_chrome_those_words_open_is_still_chrome(line: str, rule: str) -> None:
    assert line_rule(line) == rule


# A box of related links set between the text's paragraphs, as portals insert them.
_INLINE_BOXES = {
    "labelled link": (
        '<p><strong>相关阅读：</strong><a href="/n/71.html">东岭新建换电站投运</a></p>'
    ),
    "heading then link": '<p>延伸阅读</p><p><a href="/n/72.html">农村电网改造的新进展</a></p>',
    "list": (
        "<div class='rel'><p>相关新闻：</p><ul><li><a href='/n/73.html'>山区线路完成迁改</a></li>"
        "<li><a href='/n/74.html'>东岭供电开展迎峰度夏演练</a></li></ul></div>"
    ),
}
_AFTER_BOX = "据介绍，线上办电平台还将接入不动产登记信息，办理过户时无需再提交房产证明。"


@pytest.mark.parametrize("box", list(_INLINE_BOXES))
def test_a_related_box_inside_the_text_goes_and_the_text_after_it_stays(
    tmp_path: Path, box: str
) -> None:
    # (the box's heading was taken for a related list closing the article: every paragraph
    # after it was dropped as footer)
    middle = _INLINE_BOXES[box] + f"<p>{_AFTER_BOX}</p>"
    record = read_one(write_page(tmp_path / "项目" / "1.html", _article(middle)))
    assert _AFTER_BOX in record.body and MORE in record.body
    assert "东岭新建换电站投运" not in record.body
    assert "农村电网改造的新进展" not in record.body
    assert "山区线路完成迁改" not in record.body


def test_a_related_list_under_the_text_still_ends_it(tmp_path: Path) -> None:
    # (its links are followed by the site's footer, no paragraph of the text)
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}_东岭电力网</title></head><body>'
        f"<h1>{HEADLINE}</h1><div class='info'>发布时间：2024-04-12 来源：东岭电力网</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='rel'><p>相关新闻：</p><ul><li><a href='/n/73.html'>山区线路完成迁改</a></li>"
        "<li><a href='/n/74.html'>东岭供电开展迎峰度夏演练</a></li></ul></div>"
        "<div class='foot'><p>主办：东岭电力网 联系电话：0000-1234567</p></div></body></html>"
    )
    record = read_one(write_page(tmp_path / "项目" / "2.html", page))
    assert MORE in record.body
    assert "山区线路完成迁改" not in record.body and "联系电话" not in record.body


def _undated_page(n: int, footer: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>东岭电力往事第{n}篇</title></head><body>'
        f"<h1>东岭电力往事第{n}篇</h1><div class='content'><p>{n}月{n + 2}日，{PROSE}</p>"
        f"<p>第{n}批改造完成后，{MORE}</p></div>"
        f"<div class='foot'>{footer}</div></body></html>"
    )


@pytest.mark.parametrize("update", ["更新时间：2024-12-30", "最后更新：2024-12-30"])
def test_a_site_footers_update_time_dates_no_page(tmp_path: Path, update: str) -> None:
    # (the same footer under the text of every page of the site: it dated every undated page
    # as its byline; the pages state no date of their own and stay undated)
    for n in (1, 2, 3):
        write_page(tmp_path / "往事" / f"{n}.html", _undated_page(n, f"东岭电力往事 {update}"))
    records = records_by_name(tmp_path)
    assert [records[f"{n}.html"].published for n in (1, 2, 3)] == [None, None, None]


@pytest.mark.parametrize("footer", ["网站更新日期：2024年12月30日", "本页更新于 2024/12/30"])
def test_an_update_time_naming_the_site_dates_no_page(tmp_path: Path, footer: str) -> None:
    # (a page alone: its footer's update time names the site or the page as a whole)
    assert read_one(write_page(tmp_path / "1.html", _undated_page(1, footer))).published is None


def test_a_pages_own_update_time_under_its_text_still_dates_it(tmp_path: Path) -> None:
    # (a CMS's toolbar under each article, its only date, varying from page to page)
    for n in (1, 2, 3):
        bar = f"点击次数：{n * 10} 更新时间：2024-05-0{n} 10:16 【打印此页】【关闭】"
        write_page(tmp_path / "往事" / f"{n}.html", _undated_page(n, bar))
    records = records_by_name(tmp_path)
    assert [str(records[f"{n}.html"].published) for n in (1, 2, 3)] == [
        "2024-05-01",
        "2024-05-02",
        "2024-05-03",
    ]


def test_an_update_time_by_the_headline_still_dates_the_page(tmp_path: Path) -> None:
    # (a portal's byline whose only date is labelled 更新时间: the page's date)
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<h1>{HEADLINE}</h1><div class='info'>更新时间：2024-04-12 来源：东岭电力网</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    assert str(read_one(write_page(tmp_path / "a.html", page)).published) == "2024-04-12"


_MODIFIED_MARKS = {
    "article:modified_time": (
        '<meta property="article:modified_time" content="2025-11-01T10:00:00+08:00">'
    ),
    "og:updated_time": '<meta property="og:updated_time" content="2025-11-02T09:00:00+08:00">',
    "http-equiv": '<meta http-equiv="last-modified" content="2025-11-21">',
    "itemprop": '<meta itemprop="dateModified" content="2025-11-22">',
}


@pytest.mark.parametrize("mark", list(_MODIFIED_MARKS))
def test_a_modified_time_alone_dates_no_page(tmp_path: Path, mark: str) -> None:
    # (htmldate took the page's last change for its publication, as JSON-LD's dateModified
    # is not taken: the page states no publication date and stays undated)
    page = (
        f'<html><head><meta charset="utf-8">{_MODIFIED_MARKS[mark]}<title>{HEADLINE}</title>'
        f"</head><body><h1>{HEADLINE}</h1><div class='content'><p>{PROSE}</p><p>{MORE}</p>"
        "</div></body></html>"
    )
    assert read_one(write_page(tmp_path / "a.html", page)).published is None


def test_a_published_time_beside_a_modified_one_still_dates_the_page(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8">'
        '<meta property="article:published_time" content="2024-03-08T08:00:00+08:00">'
        '<meta property="article:modified_time" content="2025-11-01T10:00:00+08:00">'
        f"<title>{HEADLINE}</title></head><body><h1>{HEADLINE}</h1>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    assert str(read_one(write_page(tmp_path / "a.html", page)).published) == "2024-03-08"


def test_a_members_login_wall_is_no_article(tmp_path: Path) -> None:
    # (a dated page whose only "text" is the wall: it was indexed, the prompt as its text)
    page = (
        '<html><head><meta charset="utf-8"><title>东岭储能市场年度报告_东岭电力网</title></head>'
        "<body><h1>东岭储能市场年度报告</h1><div class='info'>发布时间：2025-12-01</div>"
        "<div class='content'><p>本文为会员专享内容，请登录后阅读全文。</p>"
        "<p><a href='/login'>立即登录</a> <a href='/reg'>免费注册</a></p>"
        "<p>开通VIP会员，畅享全站行业报告。</p></div></body></html>"
    )
    [skip] = read_sources([write_page(tmp_path / "报告" / "vip_7.html", page)])
    assert isinstance(skip, Skip) and skip.reason == "no article text"
    assert "login wall" in skip.detail


def test_a_sentence_about_members_is_text(tmp_path: Path) -> None:
    sentence = "开通会员的企业用户，可以享受峰谷分时的优惠电价。"
    record = read_one(write_page(tmp_path / "a.html", _article(f"<p>{sentence}</p>")))
    assert sentence in record.body and MORE in record.body


@pytest.mark.parametrize("credit", ["本版编辑：陈立", "本版责编：陈立", "版面编辑：陈立"])
def test_an_epaper_pages_editor_is_no_text(tmp_path: Path, credit: str) -> None:
    # (a paper's page editor under the article, on an e-paper page alone: it was kept as the
    # text's last line, 责任编辑 being the only editor's label known)
    page = (
        '<html><head><meta charset="utf-8"><title>东岭日报 第02版：要闻</title></head><body>'
        "<div>第02版：要闻</div><h1>县域电网改造全面完成</h1>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p><p>{credit}</p></div></body></html>"
    )
    record = read_one(write_page(tmp_path / "content_2.htm", page))
    assert MORE in record.body and "陈立" not in record.body


def test_a_notices_special_statement_is_text(tmp_path: Path) -> None:
    # (特别声明： opens reposting disclaimers, but this one states the notice's own terms: it
    # was dropped as one and, as a footer's first line, ended the text)
    sentence = "特别声明：以上减免仅限居民用户，工商业用户按原标准执行。"
    record = read_one(write_page(tmp_path / "a.html", _article(f"<p>{sentence}</p>")))
    assert sentence in record.body and MORE in record.body
    assert line_rule("特别声明：本文转载自其他媒体，不代表本站观点。") == "copyright"
    assert line_rule("特别声明：") == "copyright"
