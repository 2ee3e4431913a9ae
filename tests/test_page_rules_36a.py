"""Rules for page reading found on round 36a (sets 49 and 51, `tests/fixtures/blind-sites-49`
and `-51`, opened this round), written as general forms. Each is checked on our own small
pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

HEADLINE = "岭东风电场三期工程首批机组并网"


def test_an_indented_paragraph_is_not_joined_to_a_byline_of_the_same_width(
    tmp_path: Path,
) -> None:
    # An old table site copied as text: its menu, byline and footer happen to run to the same
    # width, as a text browser's wrapped lines would; the one paragraph opens with the
    # ideographic indent, so it starts a paragraph and is not the byline's wrapped rest.
    text = (
        "首 页 | 学会概况 | 学会动态 | 行业资讯 | 通知公告 | 会员风采 | 联系我们\n"
        "您现在的位置：首页 >> 通知公告 >> 正文\n"
        "关于报送2024年度工作总结的通知\n"
        "发布时间：2024-5-6  文章来源：岭东新闻工作者学会  作者：办公室  浏览：31\n"
        "\u3000\u3000请各理事单位于5月31日前将年度工作总结报送学会办公室。\n"
        "[打印本页] [关闭窗口]\n"
        "版权所有：岭东新闻工作者学会  地址：岭东市东风路88号  电话：0851-2222\n"
    )
    rec = read_one(write_page(tmp_path / "通知公告" / "show_12.txt", text))
    assert rec.published == dt.date(2024, 5, 6)
    assert rec.body.startswith("请各理事单位")


def test_a_source_named_for_its_workers_is_not_cut_at_author(tmp_path: Path) -> None:
    # 来源：X新闻工作者学会: 作者 there is inside 工作者, a word of the name, not the next field.
    page = (
        f"<html><head><meta charset='utf-8'><title>{HEADLINE}</title></head><body>"
        f"<h1>{HEADLINE}</h1>"
        "<p class='info'>发布时间：2024-5-6 来源：岭西电力新闻工作者学会 作者：秘书处</p>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "动态" / "show_13.html", page))
    assert rec.source == "岭西电力新闻工作者学会"


def test_a_copied_card_of_labels_and_values_gives_the_source(tmp_path: Path) -> None:
    # A page whose fields stand as a card (label above value), copied as text: 来源 alone on a
    # line and its value on the next are one field, as an HTML page's card is read.
    text = (
        "岭东储能\n首页\n新闻\n研究\n联系我们\n"
        f"{HEADLINE}\n"
        "发布日期\n2024年5月6日\n分类\n新闻\n来源\n岭东储能研究院\n"
        f"{PROSE}\n{MORE}\n"
        "岭东储能科技有限公司 · 邮箱 hi@lingdong.example.com\n"
    )
    rec = read_one(write_page(tmp_path / "新闻" / "bingwang.txt", text))
    assert rec.published == dt.date(2024, 5, 6)
    assert rec.source == "岭东储能研究院"
    assert rec.body.startswith("记者从有关部门获悉")


def _company_page(headline: str, n: int, title_site: str, source: str) -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>{headline}_{title_site}</title></head><body>"
        "<div class='top'>岭北矿业集团有限责任公司</div>"
        f"<div class='pos'>您现在的位置：首页 > 新闻中心 > 集团要闻</div><h1>{headline}</h1>"
        f"<div class='info'>发布时间：2024-06-{n:02d} 来源：{source} 点击数：</div>"
        f"<div class='content'><p>{n}日，{PROSE}</p><p>{MORE}</p></div>"
        "<div class='foot'>版权所有：岭北矿业集团有限责任公司</div></body></html>"
    )


def test_a_companys_short_name_in_a_pages_title_names_its_site(tmp_path: Path) -> None:
    # Most <title>s end with the registered name, one with the short name the company goes by
    # (…_岭北矿业集团): a page whose 来源 names no one is the short name's.
    folder = tmp_path / "集团要闻"
    write_page(folder / "81.html", _company_page(HEADLINE, 3, "岭北矿业集团", "安全监察部"))
    heads = ("岭北矿业召开安全生产月动员会", "岭北矿业洗选中心完成技术改造")
    for n, headline in enumerate(heads, 4):
        write_page(
            folder / f"8{n}.html",
            _company_page(headline, n, "岭北矿业集团有限责任公司", "营销公司"),
        )
    write_page(
        folder / "88.html",
        _company_page("岭北矿业举办青年技能比武", 8, "岭北矿业集团有限责任公司", "本站"),
    )
    records = records_by_name(tmp_path)
    assert records["84.html"].source == "营销公司"
    assert records["88.html"].source == "岭北矿业集团"


def test_a_cell_heading_its_related_articles_dates_no_page(tmp_path: Path) -> None:
    # An undated page of a table layout: the related articles sit in one cell after their
    # heading (相关文章：<br>· <a>X</a> (2024-05-22)): other articles' dates, not this page's.
    page = (
        "<html><head><meta charset='utf-8'><title>岭东供电公司</title></head><body><table>"
        "<tr><td>当前位置：<a href='/'>首页</a> &gt;&gt; <a href='/js/'>技术</a> &gt;&gt; 正文"
        "</td></tr>"
        f"<tr><td class='title14'>{HEADLINE}</td></tr>"
        "<tr><td>字体：<a href='#'>大</a> <a href='#'>中</a> <a href='#'>小</a></td></tr>"
        f"<tr><td class='artibody'><p>{PROSE}</p><p>{MORE}</p></td></tr>"
        "<tr><td>相关文章：<br>· <a href='/a.do?id=7'>岭东电网迎峰度夏工程投运</a> (2024-05-22)<br>"
        "· <a href='/a.do?id=2'>公司发布优化营商环境举措</a> (2024-04-15)</td></tr>"
        "</table></body></html>"
    )
    rec = read_one(write_page(tmp_path / "技术" / "20240426005.html", page))
    assert rec.title == HEADLINE
    assert rec.published is None


def _portal_text(headline: str, byline: str) -> str:
    return (
        "今天是：2024/6/20\n"
        "OA办公 | 企业邮箱 | 加入收藏 | 设为首页\n"
        "通知公告：关于做好汛期安全工作的通知\u3000\u3000集团公司第二季度考核结果通报\n"
        "新闻中心\n集团要闻\n基层动态\n"
        "您现在的位置：首页 > 新闻中心 > 基层动态 > 正文\n"
        f"{headline}\n{byline}\n"
        f"{PROSE}\n{MORE}\n"
        "据介绍，该工程总投资约三亿元，建成后每年可节约标准煤一万余吨，减少排放二氧化碳两万余吨。\n"
        "通讯员：孙丽\n"
        "[打印本页]  [关闭窗口]\n"
        "版权所有：岭北矿业集团有限责任公司\n"
    )


def test_a_headers_calendar_with_slashes_dates_no_page(tmp_path: Path) -> None:
    # 今天是：2024/6/20: the day the page was saved, whatever its form, not the article's.
    # (the calendar just above the logo and the headline, where a byline's date would stand)
    text = (
        "今天是：2024/6/20 星期四\n首页 | 集团概况 | 新闻中心 | 联系我们\n"
        f"{HEADLINE}\n点击数：  【大 中 小】\n{PROSE}\n{MORE}\n"
        "版权所有：岭北矿业集团有限责任公司\n"
    )
    rec = read_one(write_page(tmp_path / "基层动态" / "8701.txt", text))
    assert rec.title == HEADLINE
    assert rec.published is None


def test_a_scrolling_notice_bar_is_no_headline(tmp_path: Path) -> None:
    # 通知公告：X　　Y: a header's bar of other pages' titles under its label, not the headline.
    # (an undated page: no dated byline marks the headline)
    text = _portal_text(HEADLINE, "点击数：  【大 中 小】")
    rec = read_one(write_page(tmp_path / "基层动态" / "8702.txt", text))
    assert rec.title == HEADLINE


def test_a_correspondents_credit_under_the_text_is_not_text(tmp_path: Path) -> None:
    text = _portal_text(HEADLINE, "点击数：  【大 中 小】")
    rec = read_one(write_page(tmp_path / "基层动态" / "8703.txt", text))
    assert "孙丽" not in rec.body
    assert rec.body.endswith("两万余吨。")
