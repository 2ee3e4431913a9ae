"""Rules for page reading found on the eighth round (set 7 of the unseen layouts,
`tests/fixtures/blind-sites-7`, opened this round: ordinary sites on common Chinese CMS
templates — MetInfo, SiteServer, a 头条-style page), written as the general forms those
templates print things in. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one


@pytest.mark.parametrize(
    "hidden",
    [
        "<h1 hidden>南溪储能科技</h1>",
        '<h1 style="display:none">南溪储能科技</h1>',
        '<h1 class="sr-only">南溪储能科技</h1>',
        '<div aria-hidden="true"><h1>南溪储能科技</h1></div>',
    ],
)
def test_a_hidden_h1_is_the_sites_name_not_the_headline(tmp_path: Path, hidden: str) -> None:
    # MetInfo's header (and many themes'): the company's name in an <h1> the page hides, for
    # search engines; the headline is a second <h1>, and the <title> holds both.
    page = (
        '<html><head><meta charset="utf-8"><title>储能电站完成扩容改造-南溪储能科技</title>'
        f'</head><body><header>{hidden}<a href="../"><img src="logo.png" alt="南溪储能科技"></a>'
        "</header><section><h1>储能电站完成扩容改造</h1>"
        "<div class='info'><span>发布时间：2024-03-18 10:00:00</span><span>来源：本站</span></div>"
        f"</section><section class='met-editor'><p>{PROSE}</p><p>{MORE}</p></section></body></html>"
    )
    path = tmp_path / "news" / "218.html"
    path.parent.mkdir()
    path.write_text(page, "utf-8")
    rec = read_one(path)
    assert rec.title == "储能电站完成扩容改造"
    assert rec.source == "南溪储能科技"
    # shown, an <h1> that says what the logo's alt text says is the site's name all the same
    path.write_text(page.replace(hidden, "<h1>南溪储能科技</h1>"), "utf-8")
    rec = read_one(path)
    assert (rec.title, rec.source) == ("储能电站完成扩容改造", "南溪储能科技")
