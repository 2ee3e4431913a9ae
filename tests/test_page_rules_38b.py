"""Rules for page reading found on round 38b (set 56 of the unseen layouts,
`tests/fixtures/blind-sites-56`, opened this round), written as general forms. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "岭东风电场三期工程首批机组并网"


def test_an_app_pages_source_is_its_state_articles_source_field(tmp_path: Path) -> None:
    # A page its scripts draw: an empty #app, the article only in window.__INITIAL_STATE__,
    # whose article object names its 来源 in a "source" field (the drawn page prints it in the
    # meta line). The footer's friend links are other bodies, not the source.
    state = {
        "site": {"name": "岭东能源在线", "links": [{"name": "岭东日报", "url": "/x"}]},
        "news": {
            "detail": {
                "title": HEADLINE,
                "source": "岭东县能源局",
                "author": "郑小川",
                "publishTime": "2024-06-05 10:00:00",
                "content": f"<p>{PROSE}</p><p>{MORE}</p>",
            }
        },
    }
    page = (
        '<html><head><meta charset="utf-8">'
        f"<title>{HEADLINE} - 岭东能源在线</title></head><body>"
        '<div id="app"></div>'
        f"<script>window.__INITIAL_STATE__={json.dumps(state, ensure_ascii=False)};</script>"
        "</body></html>"
    )
    rec = read_one(write_page(tmp_path / "新闻" / "detail_8801.html", page))
    assert rec.title == HEADLINE
    assert rec.source == "岭东县能源局"
    assert PROSE in rec.body and "岭东县能源局" not in rec.body


def _summary_page(box: str) -> str:
    # A forum portal's article: the meta line, a summary box, the text in its cell.
    return (
        '<html><head><meta charset="utf-8"><title>岭东县充电设施建设提速 - 岭东能源社区</title>'
        "</head><body><h1>岭东县充电设施建设提速</h1>"
        "<p>2024-6-5 10:02| 发布者: 小编| 查看: 310| 来源: 岭东日报</p>"
        f"<div class='box'>{box}</div>"
        f"<table><tr><td id='text'>{PROSE}<br/><br/>{MORE}<br/><br/>{PROSE[:-1]}，"
        f"{MORE}</td></tr></table></body></html>"
    )


def test_an_editors_summary_box_above_the_text_is_no_text(tmp_path: Path) -> None:
    # (摘要: X in its own words, one sentence: the page's description, not the text's start)
    summary = "全县充电桩两年翻番，乡镇覆盖率达到九成。"
    rec = read_one(write_page(tmp_path / "a.html", _summary_page(f"<b>摘要</b>: {summary}")))
    assert summary not in rec.body
    assert rec.body.startswith(PROSE)


def test_an_editors_summary_in_a_markdown_dump_is_no_text(tmp_path: Path) -> None:
    summary = "全县充电桩两年翻番，乡镇覆盖率达到九成。"
    lines = [
        "# 岭东县充电设施建设提速",
        "2024-6-5 10:02| 发布者: 小编| 查看: 310| 来源: 岭东日报",
        f"**摘要** : {summary}",
        PROSE,
        MORE,
        f"{PROSE[:-1]}，{MORE}",
        "[1]: https://bbs.example.com/forum.php",
    ]
    rec = read_one(write_page(tmp_path / "a.txt", "\n".join(lines) + "\n"))
    assert summary not in rec.body
    assert rec.body.startswith(PROSE)


def _picture_page(caption: str) -> str:
    return (
        '<html><head><meta charset="utf-8"><title>岭东县充电设施建设提速_岭东能源网</title>'
        "</head><body><h1>岭东县充电设施建设提速</h1>"
        "<div class='info'>发布时间：2024-06-05 来源：岭东日报</div><div class='text'>"
        f"<p>{PROSE}</p><p style='text-align:center'><img src='/u/1.jpg' alt=''/></p>"
        f"<p style='text-align:center'>{caption}</p><p>{MORE}</p>"
        f"<p>{PROSE[:-1]}，{MORE}</p></div></body></html>"
    )


def test_a_pictures_caption_under_it_is_no_text(tmp_path: Path) -> None:
    # (a short line under a picture alone in its block, no sentence: the picture's caption,
    # with its photographer's credit or without)
    for caption in (
        "工人在新建充电站调试设备（图/郑小川）",
        "新建充电站　郑小川 摄",
        "充电站布局示意图",
    ):
        rec = read_one(write_page(tmp_path / "a.html", _picture_page(caption)))
        assert caption not in rec.body, caption
        assert rec.body.startswith(PROSE) and rec.body.endswith(MORE)


def test_a_sentence_or_a_numbered_heading_under_a_picture_stays(tmp_path: Path) -> None:
    for line in ("一、建设情况", "工人正在调试设备。"):
        rec = read_one(write_page(tmp_path / "a.html", _picture_page(line)))
        assert line in rec.body, line


def test_an_attachments_file_name_under_a_notice_is_no_text(tmp_path: Path) -> None:
    # (a notice's attachment linked under its text by its file name alone, no 附件 label)
    name = "充电设施运维检查表（2024年）.docx"
    page = (
        '<html><head><meta charset="utf-8"><title>关于开展充电设施检查的通知_岭东能源网</title>'
        "</head><body><h1>关于开展充电设施检查的通知</h1>"
        "<div class='info'>发布时间：2024-06-05</div><div class='text'>"
        f"<p>各乡镇：</p><p>{PROSE}</p><p>{MORE}</p>"
        f"<p><img src='/i/doc.gif'/><a href='/u/f/1.docx'>{name}</a></p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert name not in rec.body
    assert rec.body.endswith(MORE)


def test_an_editors_credit_glued_to_the_last_paragraph_is_no_text(tmp_path: Path) -> None:
    # (a browser's copy joins the editor's credit to the text's last line)
    lines = [
        "岭东能源网",
        "首页 > 新闻 >",
        "岭东县充电设施建设提速",
        "时间:2024-06-05 10:02 来源:岭东日报 作者:郑小川 点击:308 次",
        PROSE,
        f"{MORE}(责任编辑：小周)",
        "上一篇：岭东县召开安全生产会议",
        "下一篇：没有了",
    ]
    rec = read_one(write_page(tmp_path / "新闻" / "a.txt", "\n".join(lines) + "\n"))
    assert "责任编辑" not in rec.body
    assert rec.body.endswith(MORE)


def test_a_papers_abstract_speaking_of_itself_stays(tmp_path: Path) -> None:
    # (摘要：本文…: the author's abstract of a paper, its own text)
    abstract = "本文结合岭东县充电设施运行情况，分析了故障原因，提出了改进措施。"
    rec = read_one(write_page(tmp_path / "a.html", _summary_page(f"摘要：{abstract}")))
    assert abstract in rec.body


def test_a_summary_line_the_lead_repeats_is_no_text(tmp_path: Path) -> None:
    # (a CMS's intro box filled from the lead: the first paragraph says it again after its
    # dateline, so the text loses none of its words without it)
    summary = "岭东县新建充电桩两千余个，基本实现乡镇全覆盖。"
    lines = [
        "岭东能源网",
        "当前位置: 主页 > 新闻 >",
        "岭东县充电设施建设提速",
        "时间:2024-06-05 10:02 来源:岭东日报 作者:郑小川 点击:308 次",
        summary,
        f"6月3日，{summary[:-1]}，{MORE}",
        PROSE,
        "上一篇：岭东县召开安全生产会议",
    ]
    rec = read_one(write_page(tmp_path / "新闻" / "a.txt", "\n".join(lines) + "\n"))
    assert rec.body.startswith("6月3日") and rec.body.count(summary[:-1]) == 1
