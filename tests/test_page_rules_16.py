"""Rules for page reading found on the sixteenth round (set 17 of the unseen layouts,
`tests/fixtures/blind-sites-17`, opened this round), written as the general forms behind its
misses. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page


def _page(info: str) -> str:
    body = (
        "<h2>南溪储能电站二期开工建设</h2>"
        f"<div class='newsinfo'>{info}</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
    )
    return (
        '<html><head><meta charset="utf-8"><title>南溪储能电站二期开工建设</title></head>'
        f"<body>{body}</body></html>"
    )


def test_a_department_after_its_companys_name_is_part_of_the_source(tmp_path: Path) -> None:
    # 来源：X公司 党群工作部, the fields set apart by a wide space: one source, not two fields.
    info = "发布时间：2024/5/6 9:30:12 　来源：南溪能源 党群工作部　 点击：12次"
    rec = read_one(write_page(tmp_path / "a.html", _page(info)))
    assert rec.source == "南溪能源 党群工作部"


def test_a_name_after_the_source_that_is_no_department_stays_out(tmp_path: Path) -> None:
    info = "发布时间：2024/5/6 9:30:12 　来源：南溪日报 王一　 点击：12次"
    rec = read_one(write_page(tmp_path / "a.html", _page(info)))
    assert rec.source == "南溪日报"


def _sidebar_page(info: str) -> str:
    # A sidebar of the latest articles, each with its date, ends right above the headline.
    items = "".join(
        f"<li><a href='/news/{n}.html'>{t}</a><b>{d}</b></li>"
        for n, (t, d) in enumerate(
            [
                ("电力现货市场连续结算试运行", "2025-01-20"),
                ("虚拟电厂试点名单公布", "2025-03-05"),
                ("绿证交易规模持续扩大", "2025-04-08"),
                ("新能源汽车下乡活动启动", "2025-01-09"),
            ]
        )
    )
    body = (
        "<div class='side'><h3>最新文章</h3><ul>" + items + "</ul></div>"
        "<div id='article'><h1>主轴承润滑小贴士</h1>"
        f"<div class='info'>{info}</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></div>"
    )
    return (
        '<html><head><meta charset="utf-8"><title>主轴承润滑小贴士</title></head>'
        f"<body>{body}</body></html>"
    )


def test_a_list_of_dated_links_above_the_headline_dates_nothing(tmp_path: Path) -> None:
    rec = read_one(write_page(tmp_path / "a.html", _sidebar_page("阅读：96")))
    assert rec.published is None


def test_the_bylines_date_under_the_headline_still_dates_it(tmp_path: Path) -> None:
    rec = read_one(write_page(tmp_path / "a.html", _sidebar_page("2024-05-06 阅读：96")))
    assert str(rec.published) == "2024-05-06"


def _portal_page(summary: str) -> str:
    # A Discuz! portal's article: its byline of 发布者/查看/评论, then a summary box.
    body = (
        "<h1>南溪储能电站二期开工建设</h1>"
        "<p class='xg1'>2024-5-6 09:12 发布者: nxadmin 查看: 1,204 评论: 3</p>"
        f"<div class='s'><strong>摘要</strong>: {summary}</div>"
        f"<div id='article_content'><p>{PROSE}</p><p>{MORE}</p></div>"
    )
    return (
        '<html><head><meta charset="utf-8"><title>南溪储能电站二期开工建设</title></head>'
        f"<body>{body}</body></html>"
    )


def test_a_portals_byline_of_poster_and_views_is_no_text(tmp_path: Path) -> None:
    rec = read_one(write_page(tmp_path / "a.html", _portal_page("南溪储能电站二期工程。")))
    assert "发布者" not in rec.body and "查看" not in rec.body
    assert str(rec.published) == "2024-05-06"


def test_a_labelled_summary_cut_from_the_texts_start_is_no_text(tmp_path: Path) -> None:
    rec = read_one(write_page(tmp_path / "a.html", _portal_page(PROSE[:30] + "…")))
    assert "摘要" not in rec.body
    assert rec.body.startswith(PROSE[:30])


def test_a_fields_label_kept_in_its_tooltip_keeps_its_value_out_of_the_text(
    tmp_path: Path,
) -> None:
    # (the label shown as an icon, spelled out only in the tooltip)
    info = (
        "<dl><dd><i class='icon-time'></i> 2024-05-06 14:20:00</dd>"
        "<dd data-original-title='作者：王一鸣'><i class='icon-user'></i> 王一鸣</dd></dl>"
    )
    rec = read_one(write_page(tmp_path / "a.html", _page(info)))
    assert "王一鸣" not in rec.body
    assert rec.body.startswith(PROSE[:10])


def test_a_bar_of_likes_and_favourites_under_the_text_is_no_text(tmp_path: Path) -> None:
    info = "发布时间：2024-05-06"
    page = _page(info).replace("</div></body>", "</div><div class='act'>赞 35 收藏</div></body>")
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert "收藏" not in rec.body


def test_a_blog_themes_filed_under_line_is_no_text(tmp_path: Path) -> None:
    # (a Hexo theme's post meta: 分类于 技术, no colon)
    page = _page("发布时间：2024-05-06").replace(
        "<div class='content'>", "<div class='meta'>分类于 储能</div><div class='content'>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert "分类于" not in rec.body
