"""Rules for page reading found on round 49a (set 77 of pages saved as text,
`tests/fixtures/blind-sites-77`, opened this round), written as general forms. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "城西片区新建公共充电站投入使用"


def test_a_print_views_page_headers_and_footers_are_left_out(tmp_path: Path) -> None:
    # A browser's print view sent to a text printer: each printed page opens with the page's
    # <title> and 第 N 页，共 M 页, closes with the address and the time of printing, and a
    # form feed parts the pages, cutting a paragraph in two.
    pad = "\n" * 6
    text = (
        f"{HEADLINE}-城西资讯网                         第 1 页，共 2 页\n\n"
        "城西资讯网 www.chengxi.example.org\n\n"
        f"{HEADLINE}\n\n"
        "发布时间：2024-06-03  来源：城西区发改局\n\n"
        f"　　{PROSE}\n\n"
        "　　新站共设快充车位二十个，慢充车位四十个，可同时为六十辆电动汽车充电，"
        f"高峰时段还将{pad}"
        "https://www.chengxi.example.org/print.asp?id=518  2025/1/8 09:12\f"
        f"{HEADLINE}-城西资讯网                         第 2 页，共 2 页\n\n"
        "增派人员引导车辆有序停放。\n\n"
        f"　　{MORE}\n{pad}"
        "https://www.chengxi.example.org/print.asp?id=518  2025/1/8 09:12\n"
    )
    rec = read_one(write_page(tmp_path / "print.txt", text))
    assert rec.title == HEADLINE
    assert "第 1 页" not in rec.body and "第 2 页" not in rec.body
    assert "print.asp" not in rec.body
    # (the paragraph cut by the page break is one again)
    assert "高峰时段还将增派人员引导车辆有序停放。" in rec.body


def test_a_phone_pages_fold_in_the_text_ends_nothing(tmp_path: Path) -> None:
    # A phone page copied after tapping its fold (展开全文 ▼): the rest of the article follows
    # the button; the button is left out, the paragraphs under it kept.
    rest = "新站还配套建设了休息室和便利店，方便车主等候充电期间休息购物。"
    text = "\n".join(
        [
            "城西资讯手机版",
            "首页 要闻 民生 交通 视频",
            HEADLINE,
            "2024-06-03 09:30 来源：城西资讯",
            PROSE,
            "展开全文 ▼",
            rest,
            MORE,
            "打开APP阅读更多精彩内容",
            "相关推荐",
            "城东片区老旧小区改造启动",
        ]
    )
    rec = read_one(write_page(tmp_path / "fold.txt", text + "\n"))
    assert rec.title == HEADLINE
    assert rest in rec.body and MORE in rec.body
    assert "展开全文" not in rec.body
    assert "城东片区" not in rec.body


def test_a_tables_rows_of_figures_are_text_not_a_bar_of_links(tmp_path: Path) -> None:
    # A table copied as text, its cells tab-separated: a label and then figures. A bar of links
    # is words; a row of measures is the article's.
    text = "\n".join(
        [
            "城西资讯网",
            "首页 | 要闻 | 民生 | 交通",
            HEADLINE,
            "发布时间：2024-06-03  来源：城西区发改局",
            PROSE,
            "站点\t快充桩（个）\t慢充桩（个）\t利用率",
            "城西一号站\t20\t40\t62.5%",
            "城西二号站\t12\t30\t48.0%",
            MORE,
            "关于我们 | 联系我们 | 网站地图",
        ]
    )
    rec = read_one(write_page(tmp_path / "table.txt", text + "\n"))
    body = "".join(rec.body.split())
    assert "城西一号站204062.5%" in body
    assert "城西二号站123048.0%" in body


def test_a_wrapped_page_is_unwrapped_under_a_wider_top_bar(tmp_path: Path) -> None:
    # Text saved with its paragraphs wrapped at 72 columns (36 CJK characters), under a site's
    # top bar spaced out wider than that: the paragraphs' many lines still tell the margin, so
    # the paragraph is joined again and its first line is no headline.
    first = "城西区发改局3日介绍，区内首座大型公共充电站近日建成投入使用，可同时为"
    bar = "设为首页 | 加入收藏 | 手机版 | 微信公众号" + " " * 36 + "登录 注册"
    text = "\n".join(
        [
            bar,
            "",
            "城西资讯网",
            "",
            "首页 | 要闻 | 民生 | 交通",
            "",
            HEADLINE,
            "",
            "发布时间：2024-06-03  来源：城西区发改局",
            "",
            first,
            "六十辆电动汽车充电。充电站采用光储充一体化设计，屋顶光伏年发电约十",
            "五万千瓦时，储能系统可在用电低谷时段储电、高峰时段放电，降低运营成本",
            "和对电网的冲击。",
            "",
            "据介绍，今年全区还将新建公共充电桩三百个，重点覆盖老旧小区、商圈和交",
            "通枢纽，力争年底前实现主城区步行十五分钟内可达公共充电设施的目标。",
            "",
            "关于我们 | 联系我们 | 网站地图",
        ]
    )
    rec = read_one(write_page(tmp_path / "wrapped.txt", text + "\n"))
    assert rec.title == HEADLINE
    assert "可同时为六十辆电动汽车充电" in rec.body
    assert "重点覆盖老旧小区、商圈和交通枢纽" in rec.body


def test_an_ad_slots_placeholder_is_no_headline(tmp_path: Path) -> None:
    # A copy of the article area only, opening with an empty banner slot's placeholder, over
    # a headline shorter than it.
    short = "城西首座充电站投用"
    text = "\n".join(
        [
            "广告位招租 联系QQ：10002000",
            "",
            short,
            "作者：林岚 | 分类：民生 | 时间：2024-06-03 09:30 | 浏览：320",
            "",
            "导读：光储充一体化设计，屋顶光伏和储能系统一起降低运营成本。",
            "",
            PROSE,
            MORE,
            "",
            "版权声明：本文由城西资讯网发布，转载请注明出处。",
        ]
    )
    rec = read_one(write_page(tmp_path / "ad.txt", text + "\n"))
    assert rec.title == short
    assert "广告位" not in rec.body
