"""Rules for page reading found on the thirteenth round (set 14 of the unseen layouts,
`tests/fixtures/blind-sites-14`, opened this round: a college's site on a university's CMS
among stock news, posts and policy pages), written as the general forms behind its misses.
Each is checked on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

LOGO = "南溪大学材料科学与工程学院"
LAST = "据悉，本次活动共有来自全省三十余所高校的师生参加。"


def _college_page(section: str, head: str, byline: str, close: str = "") -> str:
    """A college's page: a link to its university's home page above its logo and menu, a side
    menu headed by the section the page is in, a copyright line naming the university."""
    menu = "".join(f"<li><a>{m}</a></li>" for m in ("首页", "学院概况", "学院新闻", "学术活动"))
    side = "".join(f"<li>{m}</li>" for m in ("学院新闻", "学术活动", "通知公告"))
    return (
        f'<html><head><meta charset="utf-8"><title>{head}</title></head><body>'
        '<div class="top"><a href="http://www.nanxi-u.example/">学校主页</a> | <a>English</a></div>'
        f'<div class="sitelogo"><a href="/"><img src="/logo.png" alt="{LOGO}"></a></div>'
        f"<ul class='menu'>{menu}</ul>"
        f"<div class='path'>当前位置：<a>首页</a> <a>{section}</a></div>"
        f"<h1>{head}</h1><p class='metas'>{byline}</p>"
        f"<div class='content'><p>{head}。{PROSE}</p><p>{head}。{MORE}</p><p>{LAST}</p>"
        f"{close}</div>"
        f"<div class='side'><h3>{section}</h3><ul>{side}</ul></div>"
        f"<div class='footer'>版权所有 © {LOGO} 地址：南溪市学府路1号</div></body></html>"
    )


def test_a_college_page_without_a_source_is_the_colleges_not_its_sections(
    tmp_path: Path,
) -> None:
    # The side menu's heading (学院新闻, over 学院新闻 / 学术活动 / 通知公告) is the section the
    # page is in, and 学校主页 above the logo links to the university: neither names the site.
    site = tmp_path / "college"
    write_page(
        site / "a.htm",
        _college_page("学院新闻", "学院召开储能材料研讨会", "发布时间：2024-05-12 来源：材料学院"),
    )
    write_page(
        site / "b.htm",
        _college_page(
            "学术活动", "固态电池界面研究取得新进展", "发布时间：2024-06-18 来源：储能实验室"
        ),
    )
    write_page(
        site / "c.htm",
        _college_page(
            "学院新闻", "我院学生在节能竞赛中获一等奖", "发布时间：2024-06-05 浏览次数：516"
        ),
    )
    records = records_by_name(site)
    assert records["c.htm"].source == LOGO
    assert records["a.htm"].source == "材料学院"


def test_a_credits_line_with_slashes_ending_with_the_reviewer_is_not_text(
    tmp_path: Path,
) -> None:
    # （文/X 图/Y 审核/Z）: who wrote, photographed and approved the news, as 审核：Z is.
    credits = "<p style='text-align:right'>（文/王丽 图/学生记者团 审核/院办）</p>"
    page = _college_page("学院新闻", "学院召开储能材料研讨会", "发布时间：2024-05-12", credits)
    rec = read_one(write_page(tmp_path / "a.htm", page))
    assert MORE in rec.body
    assert "审核" not in rec.body
    assert "王丽" not in rec.body
