"""The lead's rules of session 13: a deck (subtitle, standfirst) printed right under the headline
is the editor's, not the text — as the writers of 26 pages of 14 blind sets count it (set 16's
writer alone counted one as text); an article sandboxed in an ``<iframe srcdoc>`` is read; a
greeting bar with the day's date is chrome. Checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import html
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.furniture import line_rule

HEADLINE = "青川湾海上风电二期工程全容量并网"
DECK = "五十八台机组全部投产，年上网电量可满足六十万户家庭用电"


def test_a_deck_right_under_the_headline_is_no_text(tmp_path: Path) -> None:
    for tag in ("p class='subtitle'", "h2", "div class='standfirst'"):
        close = tag.split()[0]
        page = (
            '<html><head><meta charset="utf-8"><title>青川湾海上风电二期工程全容量并网_青川能源网'
            f"</title></head><body><div class='article'><h1>{HEADLINE}</h1><{tag}>{DECK}</{close}>"
            "<div class='meta'>2024-03-18 10:05 来源：青川日报</div>"
            f"<div class='content'><p>{PROSE}</p><p>{MORE}</p><p>{PROSE[:-1]}，{MORE}</p></div>"
            "</div></body></html>"
        )
        rec = read_one(write_page(tmp_path / "a.html", page))
        assert rec.title == HEADLINE, tag
        assert DECK not in rec.body, tag
        assert rec.body.startswith(PROSE) and rec.body.endswith(MORE), tag


def test_a_deck_under_the_headline_of_a_copied_page_is_no_text(tmp_path: Path) -> None:
    # (a browser's copy: breadcrumb, headline, deck, byline, then the text)
    page = "\n".join(
        (
            "青川能源网 首页 新闻 政策 项目 技术",
            "当前位置：首页 > 项目 > 正文",
            HEADLINE,
            DECK,
            "发布时间：2024-03-18 10:05 来源：青川日报",
            PROSE,
            MORE,
            "版权所有 © 青川能源网",
        )
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert rec.title == HEADLINE
    assert DECK not in rec.body
    assert rec.body.startswith(PROSE)


def test_a_first_paragraph_right_under_the_headline_stays_text(tmp_path: Path) -> None:
    # (the text's own first paragraph in the headline's block, above the rest: no deck)
    page = (
        '<html><head><meta charset="utf-8"><title>青川湾海上风电二期工程全容量并网_青川能源网'
        f"</title></head><body><div class='article'><h1>{HEADLINE}</h1>"
        "<div class='meta'>2024-03-18 10:05 来源：青川日报</div>"
        f"<p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.body.startswith(PROSE) and rec.body.endswith(MORE)


def _article(above: str, under_headline: str, text: str) -> str:
    return (
        '<html><head><meta charset="utf-8"><title>青川湾海上风电二期工程全容量并网_青川能源网'
        f"</title></head><body><div class='crumb'>当前位置：首页 &gt; 项目 &gt; 正文</div>"
        f"<article>{above}<h1>{HEADLINE}</h1>{under_headline}{text}"
        "<p class='editor'>【责任编辑：林晓】</p></article></body></html>"
    )


TEXT = f"<div class='content'><p>{PROSE}</p><p>{MORE}</p><p>{PROSE[:-1]}，{MORE}</p></div>"
META = "<div class='meta'>2024-03-18 10:05 来源：青川日报</div>"
EDITION = "<div class='edition'>《青川日报》2024年03月18日　第03版</div>"


def test_a_deck_under_the_meta_line_or_over_it_below_a_kicker_is_no_text(tmp_path: Path) -> None:
    # (a lead of one sentence under the meta line, the editor's line a paragraph of the
    # article's box; a newspaper's 引题 over the headline, its 副题 under it, then the meta
    # line and the edition's)
    for above, under in (
        ("", f"{META}<div class='lead'>{DECK}。</div>"),
        (
            "<h3 class='yinti'>装机规模全省第一</h3>",
            f"<h2 class='futi'>{DECK}</h2>{META}{EDITION}",
        ),
    ):
        rec = read_one(write_page(tmp_path / "a.html", _article(above, under, TEXT)))
        assert DECK not in rec.body, under
        assert rec.body.startswith(PROSE) and rec.body.endswith(MORE), under


def test_the_texts_own_short_paragraphs_under_the_headline_stay_text(tmp_path: Path) -> None:
    # (the text's paragraphs set beside the headline, a quote holding paragraphs after them:
    # the first, short, is the text's)
    first = "二期工程今天全容量并网。"
    quote = f"<blockquote><p>{PROSE}</p><p>{MORE}</p></blockquote>"
    under = f"{META}<p>{first}</p><p>{PROSE}</p><p>{MORE}</p>"
    rec = read_one(write_page(tmp_path / "a.html", _article("", under, quote)))
    assert rec.body.startswith(first)


def test_an_article_in_an_iframes_srcdoc_is_read(tmp_path: Path) -> None:
    # (a CMS that sandboxes the article's HTML in the frame's srcdoc, headline and byline outside)
    inner = f"<html><body><div class='text'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    page = (
        '<html><head><meta charset="utf-8"><title>青川湾海上风电二期工程全容量并网_青川电力联合会'
        f"</title></head><body><h1>{HEADLINE}</h1>"
        "<div class='meta'>发布时间：2024-03-18 来源：青川日报</div>"
        f"<iframe class='article-frame' srcdoc=\"{html.escape(inner)}\">"
        "</iframe><div class='footer'>版权所有 © 青川电力企业联合会</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.shtml", page))
    assert rec.title == HEADLINE
    assert rec.body.startswith(PROSE) and rec.body.endswith(MORE)


def test_a_greeting_bar_with_the_days_date_is_chrome() -> None:
    # (a top bar that greets the reader and gives the day the page was saved, as a browser's
    # copy keeps it: set 68's site took it for its text pages' headline)
    assert line_rule("您好，欢迎来到青川能源网！今天是2024年3月19日 星期二") == "welcome line"
    assert line_rule("欢迎访问青川能源网 今天是2024年3月19日") == "welcome line"
    # (a sentence of the text that says 欢迎 and names a day stays text)
    assert line_rule("欢迎来到青川湾，今天是2024年3月19日，风电场对公众开放。") is None
