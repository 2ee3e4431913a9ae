"""Rules for page reading found on the seventeenth round (set 18 of the unseen layouts,
`tests/fixtures/blind-sites-18`, opened this round), written as the general forms behind its
misses. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page


def _page(between: str, *, title: str = "南溪储能电站二期开工建设", tag: str = "h1") -> str:
    body = (
        f"<{tag} class='title'>{title}</{tag}>"
        "<div class='info'>发布日期：2024-05-06 09:31　来源：南溪日报</div>"
        f"{between}<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
    )
    return (
        f'<html><head><meta charset="utf-8"><title>{title}_南溪能源网</title></head>'
        f"<body>{body}</body></html>"
    )


def test_a_labelled_summary_cut_without_an_ellipsis_is_no_text(tmp_path: Path) -> None:
    # (a trade portal's 核心提示 box: the description cut at a fixed length, no ellipsis)
    for label in ("核心提示：", "【内容摘要】", "文章简介："):
        box = f"<div class='introduce'>{label}{PROSE[:28]}</div>"
        rec = read_one(write_page(tmp_path / "a.html", _page(box)))
        assert rec.body.startswith(PROSE)
        assert rec.body.count(PROSE[:28]) == 1


def test_a_labelled_summary_of_the_whole_first_paragraph_is_no_text(tmp_path: Path) -> None:
    box = f"<div class='introduce'>核心提示：{PROSE}</div>"
    rec = read_one(write_page(tmp_path / "a.html", _page(box)))
    assert "核心提示" not in rec.body
    assert rec.body.count(PROSE) == 1


def test_a_labelled_summary_the_text_does_not_begin_with_stays(tmp_path: Path) -> None:
    # (an abstract in its own words is text a reader searches for)
    abstract = "南溪二期工程采用全钒液流技术，为省内首个此类项目。"
    box = f"<div class='introduce'>核心提示：{abstract}</div>"
    rec = read_one(write_page(tmp_path / "a.html", _page(box)))
    assert "全钒液流" in rec.body


def test_a_headline_beginning_with_a_place_and_a_dash_keeps_the_place(tmp_path: Path) -> None:
    # (the <title> 晋中—太谷…_站名 splits at the dash as at a separator; the page shows the
    # headline whole, in an <h2>)
    title = "南溪—北沙天然气联络线工程全线贯通"
    rec = read_one(write_page(tmp_path / "a.html", _page("", title=title, tag="h2")))
    assert rec.title == title


def _text_page(before: str = "", after: str = "") -> str:
    # A page saved as text: the header, the headline and byline, the text, the footer.
    return "\n".join(
        [
            "南溪能源网",
            "首页 | 政策 | 项目 | 技术",
            "南溪储能电站二期开工建设",
            "发布时间：2024-05-06 来源：南溪日报",
            *([before] if before else []),
            PROSE,
            MORE,
            *([after] if after else []),
            "Copyright © 2024 南溪能源网 版权所有",
        ]
    )


def test_a_view_count_label_left_empty_is_no_text(tmp_path: Path) -> None:
    # (浏览：[9], the count a link to a counter script, saved as text)
    rec = read_one(write_page(tmp_path / "a.txt", _text_page(before="浏览：")))
    assert "浏览" not in rec.body
    assert rec.body.startswith(PROSE)


def test_a_players_placeholder_is_no_text(tmp_path: Path) -> None:
    # (a news video's page saved before its player loaded)
    player = "<div class='video-player'><p>视频加载中，请稍候...</p></div>"
    rec = read_one(write_page(tmp_path / "a.html", _page(player)))
    assert "加载中" not in rec.body
    assert rec.body.startswith(PROSE)
    rec = read_one(write_page(tmp_path / "b.txt", _text_page(before="视频加载中，请稍候...")))
    assert (rec.title, rec.body.startswith(PROSE)) == ("南溪储能电站二期开工建设", True)


def test_a_line_of_hashtags_under_the_text_is_no_text(tmp_path: Path) -> None:
    for n, tags in enumerate(("#储能 #电站", "#储能# #电站#")):
        rec = read_one(write_page(tmp_path / f"{n}.txt", _text_page(after=tags)))
        assert "#" not in rec.body
        assert rec.body.endswith(MORE)


def test_links_to_the_pages_before_and_after_as_arrows_are_no_text(tmp_path: Path) -> None:
    # (a documentation site's page turning: ← 上一页 下一页 →)
    rec = read_one(write_page(tmp_path / "a.txt", _text_page(after="←项目研究 关于我们→")))
    assert "项目研究" not in rec.body
    assert rec.body.endswith(MORE)


def test_a_citation_under_a_report_is_no_text(tmp_path: Path) -> None:
    # (a research site's 引用本文 box: the reference is the site's, not the report's text)
    cite = "引用本文\n南溪研究院. 南溪储能电站二期开工建设. nanxi.example.org, 2024."
    rec = read_one(write_page(tmp_path / "a.txt", _text_page(after=cite)))
    assert "nanxi.example.org" not in rec.body
    assert rec.body.endswith(MORE)


def test_a_source_credit_above_the_text_is_no_text(tmp_path: Path) -> None:
    # (a repost on a Q&A platform: the author's card, then 来源：X as the text's first paragraph)
    body = (
        "<h1>南溪储能电站二期开工建设</h1>"
        "<div class='author'><a href='/people/1'>储能那些事</a><div>能源领域优秀答主</div>"
        "<button>+ 关注</button></div><div class='votes'>1,024 人赞同了该文章</div>"
        f"<div class='RichText'><p>来源：南溪日报公众号</p><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='time'>发布于 2024-05-06 10:00</div>"
    )
    page = (
        '<html><head><meta charset="utf-8"><title>南溪储能电站二期开工建设 - 知言</title>'
        f"</head><body>{body}</body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.source == "南溪日报公众号"
    assert rec.body.startswith(PROSE)


def test_a_tags_heading_alone_on_its_line_ends_the_text(tmp_path: Path) -> None:
    # (a Drupal site's tags box saved as text: 标签, then a tag a line)
    rec = read_one(write_page(tmp_path / "a.txt", _text_page(after="标签\n储能电站\n能源转型")))
    assert "能源转型" not in rec.body
    assert rec.body.endswith(MORE)


LAST = "全市计划年内再建成公共充电站四十座，进一步缓解节假日高速公路服务区充电排队问题。"


def _undated_text_page(after: str) -> str:
    # (the byline gives no date; the address does, n20240513_…; the text runs on a while)
    page = _text_page(after=f"{MORE}\n{PROSE}\n{LAST}\n{after}")
    return page.replace("发布时间：2024-05-06 来源：南溪日报", "字号：大 中 小")


def test_a_timestamp_under_the_text_is_its_dateline(tmp_path: Path) -> None:
    page = _undated_text_page("2024-05-13 15:16:54")
    rec = read_one(write_page(tmp_path / "n20240512_4401.txt", page))
    assert rec.body.endswith(LAST)
    assert str(rec.published) == "2024-05-13"


def test_a_documents_date_of_signing_stays_in_its_text(tmp_path: Path) -> None:
    page = _undated_text_page("南溪市能源局\n2024年5月13日")
    rec = read_one(write_page(tmp_path / "n20240513_4401.txt", page))
    assert rec.body.endswith("2024年5月13日")


def test_a_link_pointed_at_with_an_arrow_alone_does_not_end_the_text(tmp_path: Path) -> None:
    # (a line of the text may point so too: only the line goes, not what follows it)
    page = _text_page(after=f"下一页 →\n{LAST}")
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert "下一页" not in rec.body
    assert rec.body.endswith(LAST)
