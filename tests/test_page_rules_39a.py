"""Rules for page reading found on round 39a (set 57, `tests/fixtures/blind-sites-57`, opened
this round), written as general forms. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

HEADLINE = "岭南县首座液流电池储能站并网"
SUBTITLE = "储能时长四小时，可满足县城晚高峰用电需求——县域新型储能迈出第一步"


def _text_page(*middle: str, head: tuple[str, ...] = ()) -> str:
    lines = [
        "岭南能源网",
        "首页",
        "政策",
        "项目",
        "技术",
        "首页 / 项目 / 正文",
        *head,
        HEADLINE,
        *middle,
        "上一篇",
        "岭南县出台分布式光伏接入细则",
        "关于我们 | 联系我们 | Copyright © 2024 岭南能源网",
    ]
    return "\n".join(lines) + "\n"


def test_a_date_after_the_source_and_a_middle_dot_is_not_the_sources(tmp_path: Path) -> None:
    # A card-style byline copied as text runs its fields together with middle dots: the
    # source, the date, the counter. The source is the name before the first dot.
    page = _text_page("来源：岭南县能源局·2024年6月17日·阅读 892", PROSE, MORE)
    rec = read_one(write_page(tmp_path / "项目" / "chuneng.txt", page))
    assert rec.source == "岭南县能源局"
    assert rec.published == dt.date(2024, 6, 17)


def test_a_column_chip_over_a_headline_and_its_subtitle(tmp_path: Path) -> None:
    # Breadcrumb, the column's chip, the headline, its (longer) subtitle, the byline: the
    # headline is the line over the subtitle, as without the chip.
    page = _text_page(SUBTITLE, "来源：岭南县能源局 2024年6月17日", PROSE, MORE, head=("储能",))
    rec = read_one(write_page(tmp_path / "项目" / "chuneng.txt", page))
    assert rec.title == HEADLINE


def _column_titled_page(headline: str, n: int) -> str:
    # A blog CMS whose <title> on some pages holds only the column and the site's name.
    title = "工程动态 - 岭南能源网" if n == 1 else f"{headline} - 工程动态 - 岭南能源网"
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        "<div id='top'>岭南能源网</div>"
        "<ul id='nav'><li><a href='/'>首页</a></li><li><a href='/c/1'>政策</a></li>"
        "<li><a href='/c/2'>工程动态</a></li><li><a href='/c/3'>技术</a></li></ul>"
        "<div class='crumb'>您的位置：<a href='/'>首页</a> → "
        "<a href='/c/2'>工程动态</a> → 正文</div>"
        f"<h2 class='post-title'>{headline}</h2>"
        f"<h6 class='post-info'>来源：岭南县能源局　作者：通讯员 周敏　浏览：{n * 37}</h6>"
        f"<div class='post-body'><p>{n}月{n + 3}日，{PROSE}</p><p>{headline}，{MORE}</p></div>"
        "<div class='foot'>Copyright 2024 岭南能源网 版权所有</div></body></html>"
    )


def test_a_title_of_the_column_alone_names_no_headline(tmp_path: Path) -> None:
    # The <title> says 工程动态 - 岭南能源网, and the menu and the breadcrumb show it too: the
    # column, not the headline, which is the heading over the byline.
    heads = [HEADLINE, "岭南县出台分布式光伏接入细则", "岭南县农村电网改造提速"]
    for n, headline in enumerate(heads, start=1):
        write_page(tmp_path / "工程动态" / f"{n}.html", _column_titled_page(headline, n))
    rec = records_by_name(tmp_path)["1.html"]
    assert rec.title == HEADLINE


def test_a_photo_caption_with_its_photographers_credit_is_not_text(tmp_path: Path) -> None:
    captions = [
        "岭南县液流电池储能站全景\u3000张立 摄",
        "储能站电池舱安装现场\u3000图/王明",
        "图为工作人员巡检电池舱\u3000本报记者 李成 摄",
    ]
    page = _text_page("来源：岭南县能源局 2024年6月17日", PROSE, *captions, MORE)
    rec = read_one(write_page(tmp_path / "项目" / "chuneng.txt", page))
    assert PROSE in rec.body and MORE in rec.body
    for caption in captions:
        assert caption.split("\u3000")[0] not in rec.body


def test_a_reprint_note_is_not_text(tmp_path: Path) -> None:
    notes = [
        "（本文转载自《岭南能源报》，有删改）",
        "本文转载自《储能技术周刊》，如涉及版权问题请与我们联系。",
        "（转载自《岭南日报》2024年6月16日第3版）",
        "（本文由《岭南电力报》授权转载）",
    ]
    for n, note in enumerate(notes):
        page = _text_page("来源：岭南县能源局 2024年6月17日", PROSE, MORE, note)
        rec = read_one(write_page(tmp_path / str(n) / "项目" / "chuneng.txt", page))
        assert MORE in rec.body
        assert note not in rec.body


def test_the_reporters_credit_closing_the_text_is_not_text(tmp_path: Path) -> None:
    # A paper's layout: the reporter's credit in brackets after the text's last paragraph,
    # well below the byline.
    text = [PROSE, f"据介绍，{PROSE}", f"此外，{PROSE}", f"另据了解，{PROSE}", MORE]
    page = _text_page("来源：岭南县能源局 2024年6月17日", *text, "（本刊记者 周敏）")
    rec = read_one(write_page(tmp_path / "项目" / "chuneng.txt", page))
    assert MORE in rec.body
    assert "周敏" not in rec.body
