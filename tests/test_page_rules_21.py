"""Rules for page reading found on the twenty-first round (set 23 of the unseen layouts,
`tests/fixtures/blind-sites-23`, opened this round), written as the general forms behind its
misses. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

HEADLINE = "南溪储能电站二期开工建设"


# Other articles' text, for the pages of one site.
TEXTS = {
    "a": (HEADLINE, PROSE, MORE),
    "b": (
        "南溪风电场完成年度检修",
        "南溪风电场近日完成全场四十台风机的年度检修，更换齿轮箱油两千余升。",
        "检修期间，运维人员还对升压站的主变压器进行了预防性试验。",
    ),
}


def _page(
    meta: str,
    *,
    title: str = "",
    header: str = "",
    footer: str = "",
    lead: str = "",
    n: str = "a",
) -> str:
    headline, prose, more = TEXTS[n]
    return (
        f'<html><head><meta charset="utf-8"><title>{title or headline}</title></head>'
        f"<body>{header}<h1>{headline}</h1><div class='info'>{meta}</div>"
        f"<div class='content'>{lead}<p>{prose}</p><p>{more}</p></div>{footer}</body></html>"
    )


def test_a_source_named_like_an_account_that_publishes_is_kept_whole(tmp_path: Path) -> None:
    # (X发布 is how a government's accounts are named: 发布 ends the name here, it is not
    # the label of the meta line's next field, 发布时间)
    meta = "发布时间：2024/5/6 10:22:31 | 来源：南溪发布 | 浏览次数：215"
    rec = read_one(write_page(tmp_path / "a.html", _page(meta)))
    assert rec.source == "南溪发布"


def test_a_source_followed_by_the_next_fields_label_still_ends_there(tmp_path: Path) -> None:
    meta = "来源：南溪日报发布时间：2024-05-06"
    rec = read_one(write_page(tmp_path / "a.html", _page(meta)))
    assert rec.source == "南溪日报"


def test_a_source_naming_the_sites_organisation_by_its_kind_is_the_sites(tmp_path: Path) -> None:
    # (信息来源：本中心 on an exchange's site, 本院 on an institute's: the site's own news)
    meta = "发布时间：2024-05-06 信息来源：本中心"
    title = f"{HEADLINE}_南溪煤炭交易中心"
    rec = read_one(write_page(tmp_path / "a.html", _page(meta, title=title)))
    assert rec.source == "南溪煤炭交易中心"


def test_an_official_sites_name_is_its_owners(tmp_path: Path) -> None:
    # (<title>标题 | 新闻中心 | 南溪汽车官网</title>: the official site is 南溪汽车's, and its
    # news is by 南溪汽车)
    title = f"{HEADLINE} | 新闻中心 | 南溪汽车官网"
    rec = read_one(write_page(tmp_path / "a.html", _page("发布时间：2024-05-06", title=title)))
    assert rec.source == "南溪汽车"


def test_a_source_line_with_a_note_on_the_reprint_names_the_source(tmp_path: Path) -> None:
    # (a blog's reprint opens with 来源：X。 and a note on what was cut: X wrote it)
    lead = "<blockquote><p>来源：南溪风能论坛。转载时有删节，图片略。</p></blockquote>"
    title = f"{HEADLINE} - 能源漫谈"
    page = _page("2024-05-06 浏览 12", title=title, lead=lead)
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.source == "南溪风能论坛"


def test_a_first_sentence_after_a_source_label_is_text(tmp_path: Path) -> None:
    line = "来源：新华社。记者从国家能源局获悉，今年以来全国风电新增装机同比增长两成。"
    page = _page("发布时间：2024-05-06", title=f"{HEADLINE} - 能源漫谈", lead=f"<p>{line}</p>")
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert "记者从国家能源局获悉" in rec.body


def _institute_page(source: str = "本站原创", n: str = "a") -> str:
    # A home-made company site: its greeting and its footer give the registered name, its
    # <title> the name without the legal form.
    header = "<div class='top'>欢迎访问南溪电力设计院有限公司官方网站！</div>"
    footer = "<div class='foot'>版权所有：南溪电力设计院有限公司 Copyright 2008-2025</div>"
    return _page(
        f"发布时间：2024-5-6 文章来源：{source}",
        title=f"{TEXTS[n][0]}_技术交流_南溪电力设计院",
        header=header,
        footer=footer,
        n=n,
    )


def test_a_companys_site_is_by_the_registered_name_it_greets_with(tmp_path: Path) -> None:
    rec = read_one(write_page(tmp_path / "a.html", _institute_page()))
    assert rec.source == "南溪电力设计院有限公司"


def test_the_short_name_a_sites_other_pages_credit_stays(tmp_path: Path) -> None:
    # (its other pages credit their news 来源：南溪电力设计院: the name it goes by)
    write_page(tmp_path / "site" / "a.html", _institute_page())
    write_page(tmp_path / "site" / "b.html", _institute_page("南溪电力设计院", "b"))
    records = records_by_name(tmp_path / "site")
    assert records["a.html"].source == "南溪电力设计院"


def test_a_start_ups_news_is_by_its_trade_name_not_its_mark(tmp_path: Path) -> None:
    # (a header's mark 南屿, the footer's registered 南屿（海州）科技有限公司, the trade name
    # 南屿科技 in the page's text: the name it goes by)
    header = "<header><a class='nav-home' href='/'>南屿 Nanyu</a></header>"
    cards = "<aside><h3>继续阅读</h3><a href='/n/1'>南屿科技完成B轮融资</a></aside>"
    footer = "<footer><p>© 2025 南屿（海州）科技有限公司</p></footer>"
    pages = [
        write_page(
            tmp_path / "site" / f"{n}.html",
            _page("2024年5月6日", header=header, footer=cards + footer, n=n),
        )
        for n in ("a", "b")
    ]
    records = records_by_name(pages[0].parent)
    assert records["a.html"].source == "南屿科技"


def test_a_registered_name_printed_only_in_the_footer_is_not_taken(tmp_path: Path) -> None:
    header = "<header><a class='nav-home' href='/'>南屿 Nanyu</a></header>"
    footer = "<footer><p>© 2025 南屿（海州）科技有限公司</p></footer>"
    pages = [
        write_page(
            tmp_path / "site" / f"{n}.html",
            _page("2024年5月6日", header=header, footer=footer, n=n),
        )
        for n in ("a", "b")
    ]
    records = records_by_name(pages[0].parent)
    assert records["a.html"].source != "南屿科技"


POSTS = {
    "a": (
        "绿电交易怎么算清楚账",
        "2025-11-02",
        "最近有朋友问，风电项目卖了绿证，还能不能再卖一次减排量？答案是不能。",
    ),
    "b": (
        "储能电站第二年的问题",
        "2025-08-16",
        "不少储能电站投运第一年数据还不错，到了第二年问题集中冒出来。",
    ),
    "c": (
        "去看了一次海上安装船",
        "2025-07-30",
        "海上风电安装船的甲板比一个足球场还大，吊臂高过一百米。",
    ),
    "d": (
        "容量电价之后煤电的账",
        "2025-03-09",
        "容量电价出台以后，煤电机组的收入结构变了，电量电价的比重在下降。",
    ),
}


def _blog_text(n: str, *, one_a_line: bool = True) -> str:
    # A blog saved as text: its name, its menu, the headline, the author's handle, the date,
    # the counts, the category (one a line as a browser copies some, on one line others),
    # the text, the latest posts.
    title, date, text = POSTS[n]
    reads, comments = 100 + 37 * len(text), len(text) // 7
    if one_a_line:
        head = ["首页", "分类", "归档", "关于", title, "laozhou", date, f"{reads} 浏览"]
        head += [f"{comments} 评论", "分类：政策"]
    else:
        head = [
            "首页 分类 归档 关于",
            title,
            f"laozhou {date} {reads} 浏览 {comments} 评论 分类：政策",
        ]
    latest = [t for t, _, _ in POSTS.values()]  # (its own among them)
    return "\n".join(
        ["能源漫谈", *head, text, "分享到 微信 微博", "最新文章", *latest, "Powered by Pipe"]
    )


def test_a_blog_posts_headline_its_other_posts_list_is_the_title(tmp_path: Path) -> None:
    # (the headline is also in the other posts' 最新文章 list, so a line of the site's
    # template; the author's bare handle stands between it and its date)
    for n in POSTS:
        write_page(tmp_path / "blog" / f"{n}.txt", _blog_text(n, one_a_line=n == "a"))
    records = records_by_name(tmp_path / "blog")
    assert records["a.txt"].title == POSTS["a"][0]
    assert str(records["a.txt"].published) == "2025-11-02"


def test_a_bare_count_of_reads_or_comments_is_no_text(tmp_path: Path) -> None:
    rec = read_one(write_page(tmp_path / "a.txt", _blog_text("a")))
    assert "浏览" not in rec.body
    assert "评论" not in rec.body


def _time_page(time: str, script: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<article><header><h1>{HEADLINE}</h1>{time}</header>"
        f"<p>{PROSE}</p><p>{MORE}</p></article>{script}</body></html>"
    )


def test_a_utc_time_is_dated_the_day_the_page_prints(tmp_path: Path) -> None:
    # (a headless CMS writes the UTC time; the page prints its readers' day, a day later)
    time = '<time datetime="2024-06-02T17:30:00.000Z">2024.06.03</time>'
    rec = read_one(write_page(tmp_path / "a.html", _time_page(time)))
    assert str(rec.published) == "2024-06-03"


def test_a_times_attribute_dates_the_page_when_it_shows_no_day(tmp_path: Path) -> None:
    time = '<time datetime="2024-06-02T09:30:00+08:00">3天前</time>'
    rec = read_one(write_page(tmp_path / "a.html", _time_page(time)))
    assert str(rec.published) == "2024-06-02"


def test_a_cms_entrys_creation_time_does_not_date_the_page(tmp_path: Path) -> None:
    # (a headless CMS's copy of the entry in the page: created, updated, never published)
    data = (
        '{"data": {"id": 7, "attributes": {"title": "品牌故事", '
        '"createdAt": "2024-01-02T08:00:00.000Z", "updatedAt": "2024-01-02T08:00:00.000Z"}}}'
    )
    script = f'<script type="application/json" id="cms-article">{data}</script>'
    rec = read_one(write_page(tmp_path / "a.html", _time_page("", script)))
    assert rec.published is None


def test_a_site_builders_render_time_does_not_date_the_page(tmp_path: Path) -> None:
    # (a site builder stamps every page with when the site was rendered and published)
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head>'
        '<body><div id="main" data-builder-ssr-released-at="2024-06-24T14:02:11.305Z">'
        f"<h1>{HEADLINE}</h1><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.published is None


def test_a_blogs_undated_meta_line_is_no_text(tmp_path: Path) -> None:
    # (a pinned post's meta line: author, 置顶, its counts, its category; no date)
    meta = "<div class='post__meta'>laozhou 置顶 980 浏览 3 评论 分类：项目</div>"
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<article><h1>{HEADLINE}</h1>{meta}<div class='content'><p>{PROSE}</p><p>{MORE}</p>"
        "</div></article></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert "980" not in rec.body
    assert PROSE in rec.body


def test_share_buttons_one_a_line_in_a_saved_text_are_no_text(tmp_path: Path) -> None:
    article = ["南屿 Nanyu", HEADLINE, "2025年7月9日", "阅读约 4 分钟", PROSE, "", MORE, ""]
    after = ["分享这篇文章", "微博", "复制链接", "继续阅读", "© 2025 南屿（海州）科技有限公司"]
    text = "\n".join([*article, *after])
    rec = read_one(write_page(tmp_path / "a.txt", text))
    assert MORE in rec.body
    assert "微博" not in rec.body
    assert "分享" not in rec.body
