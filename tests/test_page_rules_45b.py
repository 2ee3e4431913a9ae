"""Rules for page reading found on round 45b, a sweep of the open blind sets' last misses,
written as general forms. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

HEADLINE = "岭东县城新增公共充电桩一百二十个"


def _html(body: str, head: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8">{head}<title>{HEADLINE}_岭东县新能源办</title>'
        f"</head><body><div class='nav'><a href='/'>首页</a> <a href='/xw/'>新闻动态</a></div>"
        f"<div class='article'><h1>{HEADLINE}</h1>{body}</div>"
        "<div class='footer'>版权所有：岭东县新能源办</div></body></html>"
    )


def test_a_label_listing_several_files_to_download_is_no_text(tmp_path: Path) -> None:
    # A document's page ends with the links to its attachments, two on one line after the
    # label (附件：1.X.doc 2.Y.xls): the files to download, not a sentence of the document.
    page = _html(
        "<p>发布时间：2024-05-10</p>"
        f"<p>{PROSE}</p><p>{MORE}</p>"
        "<p>附件：<a href='/up/1.doc'>1.充电桩建设申请表.doc</a>　"
        "<a href='/up/2.xls'>2.充电桩点位汇总表.xls</a></p>"
    )
    rec = read_one(write_page(tmp_path / "新闻动态" / "316.html", page))
    assert rec.title == HEADLINE
    assert "充电桩建设申请表" not in rec.body
    assert MORE in rec.body


def test_a_meta_stamping_when_the_page_was_generated_dates_nothing(tmp_path: Path) -> None:
    # A government CMS stamps its static pages in a meta (页面生成时间 2024-06-03 10:22:41):
    # when the file was written out, not when the article was published. The page prints no
    # date of its own: it has none.
    page = _html(
        f"<p>{PROSE}</p><p>{MORE}</p>",
        head='<meta name="others" content="页面生成时间 2024-06-03 10:22:41">',
    )
    rec = read_one(write_page(tmp_path / "新闻动态" / "post_1182801.shtml", page))
    assert rec.title == HEADLINE
    assert rec.published is None


def test_an_outlets_reporter_credit_is_no_headline(tmp_path: Path) -> None:
    # A county media centre's text pages: under the headline the dated byline, then the
    # reporter's credit, the outlet's name glued before 记者 and the name after a space
    # (岭东融媒记者 唐某): a byline, never the headline, though the text follows it.
    def page(headline: str, day: int) -> str:
        lines = [
            "岭东县融媒体中心",
            "首页",
            "县域要闻",
            "民生服务",
            "您当前的位置：首页 > 民生服务",
            headline,
            f"2024-08-{day:02d} 18:20:14　来源：岭东县融媒体中心　点击：2146",
            "岭东融媒记者 唐柳",
            f"{day}日，{PROSE}",
            f"截至{day}日，{MORE}",
            "编辑：田蕊",
            "上一篇：关于城区部分区域计划停电的公告",
        ]
        return "\n".join(lines) + "\n"

    write_page(tmp_path / "民生服务" / "content_1.txt", page(HEADLINE, 20))
    write_page(tmp_path / "民生服务" / "content_2.txt", page("岭东县城区新增停车泊位六百个", 22))
    write_page(tmp_path / "民生服务" / "content_3.txt", page("岭东蜜橘直播带货销售额破千万", 25))
    rec = records_by_name(tmp_path)["content_1.txt"]
    assert rec.title == HEADLINE
    assert "唐柳" not in rec.body


def test_a_lead_restating_the_headline_is_no_headline_and_the_office_over_it_no_text(
    tmp_path: Path,
) -> None:
    # A company's newsroom: the <h1>, the office that wrote the piece alone on its line
    # (品牌与公共关系部), then the lead, which opens with the headline's words and goes on
    # after a comma (X，面向…). The headline is the <h1>; the office is its author.
    lead = f"{HEADLINE}，其中快充桩六十八个，实现了全县十四个乡镇充电设施全覆盖。"
    page = _html(f"<p>品牌与公共关系部</p><p>{lead}</p><p>{PROSE}</p><p>{MORE}</p>")
    rec = read_one(write_page(tmp_path / "公司新闻" / "recruit.html", page))
    assert rec.title == HEADLINE
    assert rec.body.startswith(lead)
    assert "品牌与公共关系部" not in rec.body
