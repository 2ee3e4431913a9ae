"""Rules for page reading found on round 43a (set 63 of self-media pages,
`tests/fixtures/blind-sites-63`, opened this round), written as general forms. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "岭东县首座共享储能电站投运"


def _page(lines: list[str]) -> str:
    body = "".join(f"<p>{line}</p>" for line in lines)
    return (
        '<html><head><meta charset="utf-8"><title>' + HEADLINE + "_岭东能源</title></head><body>"
        "<nav>首页 | 要闻 | 项目</nav>"
        f"<h1>{HEADLINE}</h1><div class='info'>2024-06-05 09:30 来源：岭东能源</div>"
        f"<div class='article'>{body}</div>"
        "<footer>关于我们 | 联系我们 | Copyright © 2024 岭东能源</footer></body></html>"
    )


@pytest.mark.parametrize(
    "caption",
    [
        "岭东共享储能电站航拍（岭东能源集团供图）",
        "电站储能舱内部（作者摄）",
        "6月5日，电站集控中心（图/岭东日报 周明远）",
    ],
)
def test_a_caption_closed_by_a_bracketed_photo_credit_is_not_text(
    tmp_path: Path, caption: str
) -> None:
    # A picture's caption whose credit is bracketed at its end (供图, 摄, 图/X): under the
    # picture, not a sentence of the article.
    path = write_page(tmp_path / "xw" / "1001.html", _page([PROSE, caption, MORE]))
    rec = read_one(path)
    assert PROSE in rec.body and MORE in rec.body
    assert caption not in rec.body


def test_a_sentence_with_a_bracket_is_kept(tmp_path: Path) -> None:
    # A sentence of the text that ends with 。 keeps its bracket, photographs or not.
    line = "项目现场由专人摄像记录（全程留档），施工单位每日供图备查。"
    path = write_page(tmp_path / "xw" / "1002.html", _page([PROSE, line, MORE]))
    assert line in read_one(path).body


def test_a_public_accounts_tail_is_not_text(tmp_path: Path) -> None:
    # A mirror of a 公众号 article ends with the account it came from (本文来自微信公众号“X”):
    # the credit, not the article.
    tail = "本文来自微信公众号“岭东储能观察”"
    path = write_page(tmp_path / "xw" / "1003.html", _page([PROSE, MORE, tail]))
    rec = read_one(path)
    assert MORE in rec.body
    assert tail not in rec.body


def _thread(title_tag: str, tag: str) -> str:
    return (
        '<html><head><meta charset="utf-8">'
        f"<title>{title_tag}{HEADLINE} - 行业新闻 - 岭东储能论坛</title></head><body>"
        "<div class='nav'>岭东储能论坛 › 论坛 › 行业新闻</div>"
        f"<h1><a href='forum.php?typeid=3'>{tag}</a> <span>{HEADLINE}</span></h1>"
        "<div class='post'><div>发表于 2024-6-5 09:31:05 | 只看该作者</div>"
        f"<p>{PROSE}</p><p>{MORE}</p><p>来源：岭东日报</p></div>"
        "<footer>Powered by Discuz! X3.4 © 2024 岭东储能论坛</footer></body></html>"
    )


def test_a_bracketed_tag_the_title_lacks_is_no_part_of_the_headline(tmp_path: Path) -> None:
    # A forum's thread type ([转载], [经验]) before the subject: the page's <title> names the
    # headline without it.
    rec = read_one(write_page(tmp_path / "hy" / "thread-1-1-1.html", _thread("", "[转载]")))
    assert rec.title == HEADLINE


def test_a_bracketed_tag_the_title_repeats_stays(tmp_path: Path) -> None:
    # (where the <title> prints the tag too, it is part of the headline as the site gives it)
    page = _thread("[原创]", "[原创]")
    rec = read_one(write_page(tmp_path / "hy" / "thread-2-1-1.html", page))
    assert rec.title == f"[原创] {HEADLINE}" or rec.title == f"[原创]{HEADLINE}"


def test_a_shared_accounts_card_with_its_author_is_not_text(tmp_path: Path) -> None:
    # A 公众号 article shared from another account opens with the platform's card naming it
    # and its author (以下文章来源于X ，作者 Y): the card, not the article.
    card = "以下文章来源于岭东储能观察 ，作者 周明远"
    path = write_page(tmp_path / "xw" / "1004.html", _page([card, PROSE, MORE]))
    rec = read_one(path)
    assert PROSE in rec.body
    assert "以下文章来源于" not in rec.body
