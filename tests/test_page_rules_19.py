"""Rules for page reading found on the nineteenth round (set 21 of the unseen layouts,
`tests/fixtures/blind-sites-21`, opened this round), written as the general forms behind its
misses. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, records_by_name, write_page

_HEADLINES = ("南溪储能电站二期开工建设", "北沙风电场完成首次全面定检", "西岭光伏电站并网发电")


def _paper_page(n: int, headline: str) -> str:
    # An in-house paper's page in a table layout: the left column (sections, this month's
    # calendar, a list of links) comes before the article in the page's text.
    calendar = "".join(f"<td><a href='/{d}.html'>{d}</a></td>" for d in range(1, 32))
    links = "".join(f"<li><a href='/c_{k}.html'>南溪要闻第{k}条消息</a></li>" for k in range(8))
    return (
        f"<html><head><meta charset='utf-8'><title>南溪能源报-{headline}</title></head><body>"
        "<table><tr><td>南溪能源报</td></tr><tr><td>首页 | 今日报纸 | 往期回顾</td></tr></table>"
        "<table><tr><td class='left'>"
        "<div>版面导航</div><div>第01版：要闻</div><div>第02版：基层</div>"
        f"<div>往期回顾</div><table><tr>{calendar}</tr></table>"
        f"<div>集团要闻</div><ul>{links}</ul></td>"
        f"<td class='right'><div class='title'>{headline}</div>"
        f"<div class='info'>南溪能源报 2025年01月{10 + n}日 &nbsp; 第01版：要闻 &nbsp; "
        "作者：王某</div>"
        f"<div class='body'><p>{PROSE}{n}</p><p>{MORE}</p></div></td></tr></table>"
        "<div>主办：南溪能源集团 准印证号：（2025）第0123号</div></body></html>"
    )


def test_a_side_columns_calendar_does_not_hide_the_headline(tmp_path: Path) -> None:
    # (31 lines of day numbers before the article: the headline and its unlabelled byline,
    # 报名 date 版次 作者, come after the first 40 lines of the page's text)
    for n, headline in enumerate(_HEADLINES):
        write_page(tmp_path / "site" / f"{n}.html", _paper_page(n, headline))
    records = records_by_name(tmp_path / "site")
    for n in range(len(_HEADLINES)):
        rec = records[f"{n}.html"]
        assert rec.published is not None and rec.published.isoformat() == f"2025-01-{10 + n}"
        assert rec.body.startswith(PROSE)
        assert "南溪要闻" not in rec.body


def _article(meta: str, *, title: str = "南溪储能电站二期开工建设") -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>{title}_南溪融媒</title></head><body>"
        f"<h1>{title}</h1><div class='meta'>{meta}</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )


def test_a_governments_account_named_x_fabu_is_the_source_whole(tmp_path: Path) -> None:
    # (a county's own account, 来源：X发布, as 上海发布 is Shanghai's; 发布 as the next field's
    # label, 来源：X发布时间：…, and after an organisation's name, X局发布, is no part of it)
    metas = {
        "<span>2025-05-06 08:10</span><span>来源：南溪发布</span>": "南溪发布",
        "<span>来源：南溪日报发布时间：2025-05-06</span>": "南溪日报",
        "<span>2025-05-06</span><span>来源：南溪县能源局发布</span>": "南溪县能源局",
    }
    for n, (meta, source) in enumerate(metas.items()):
        write_page(tmp_path / str(n) / "a.html", _article(meta))
        assert records_by_name(tmp_path / str(n))["a.html"].source == source


def test_an_accounts_name_and_its_reads_is_no_headline(tmp_path: Path) -> None:
    # (a long post saved as text: the headline, then the account and its reads, no date)
    headline = "关于充电桩，回答网友的三个问题"
    page = "\n".join(
        [
            "南溪微博",
            "首页 热门 视频",
            "",
            headline,
            "南溪观察员老王  阅读数：1.2万",
            "",
            PROSE,
            MORE,
        ]
    )
    write_page(tmp_path / "site" / "a.txt", page)
    rec = records_by_name(tmp_path / "site")["a.txt"]
    assert rec.title == headline
    assert "阅读数" not in rec.body


def _text_page(before: str = "", after: str = "") -> str:
    # A page saved as text: the header, the headline and byline, the text, the footer.
    return "\n".join(
        [
            "南溪广播网",
            "首页 | 时政 | 经济 | 民生",
            "南溪储能电站二期开工建设",
            "发布时间：2024-05-06 来源：南溪经济广播",
            *([before] if before else []),
            PROSE,
            MORE,
            *([after] if after else []),
            "Copyright © 2024 南溪广播网 版权所有",
        ]
    )


def test_a_news_items_audio_player_is_no_text(tmp_path: Path) -> None:
    # (a radio station's page saved as text: the player's heading and its length, no colon)
    for n, player in enumerate(("🎧 收听本条新闻\n时长 01:48", "点击收听\n音频时长：1:02:03")):
        write_page(tmp_path / str(n) / "a.txt", _text_page(before=player))
        rec = records_by_name(tmp_path / str(n))["a.txt"]
        assert rec.body.startswith(PROSE), rec.body


def test_a_reprint_note_under_the_text_is_no_text(tmp_path: Path) -> None:
    # (a 会刊's note under each article: where it was printed, and whom to ask to reprint it)
    note = "本文刊载于《南溪会刊》2025年第4期（总第40期），如需转载请联系协会秘书处。"
    write_page(tmp_path / "site" / "a.txt", _text_page(after=note))
    rec = records_by_name(tmp_path / "site")["a.txt"]
    assert "刊载" not in rec.body
    assert rec.body.endswith(MORE)


def test_a_journals_abstract_outside_the_text_is_kept(tmp_path: Path) -> None:
    # (a 会刊's article: 【摘要】 and 【关键词】 boxes between the byline and the element of the
    # text, which trafilatura takes alone; the abstract, in the author's own words, is searched
    # for; the keywords stay out)
    abstract = "结合南溪储能电站三年的运行实践，总结电池簇常见故障和巡检要点，供同类电站参考。"
    issues = "".join(f"<li><a href='/n/{k}.html'>南溪会刊第{k}期目录</a></li>" for k in range(6))
    text = (
        f"<h4>一、概况</h4><p>{PROSE}</p><p>{PROSE[:-1]}，{MORE}</p>"
        f"<h4>二、经验</h4><p>{MORE[:-1]}，{PROSE}</p><p>{MORE}</p>"
    )
    page = (
        "<html><head><meta charset='utf-8'><title>储能电站运维经验谈_南溪会刊</title></head><body>"
        f"<div class='side'><h3>往期会刊</h3><ul>{issues}</ul></div><div class='article'>"
        "<div class='issue'>《南溪会刊》2025年第2期 · 栏目：技术交流</div>"
        "<h1>储能电站运维经验谈</h1><div class='author'>文/王某</div>"
        "<div class='meta'><span>发布日期：2025-04-22</span><span>来源：南溪会刊</span></div>"
        f"<div class='abstract'><b>【摘要】</b>{abstract}</div>"
        "<div class='kw'><b>【关键词】</b>储能；电池簇；运维</div>"
        f"<div class='content'>{text}</div></div></body></html>"
    )
    write_page(tmp_path / "site" / "a.html", page)
    rec = records_by_name(tmp_path / "site")["a.html"]
    assert abstract in rec.body
    assert "关键词" not in rec.body
    assert rec.body.index(abstract) < rec.body.index(PROSE)


def test_a_journals_keywords_above_the_text_are_no_text(tmp_path: Path) -> None:
    # (the same article saved as text: the keywords are a list of tags, the abstract is text,
    # and the keywords under it do not end the article)
    abstract = (
        "【摘要】结合南溪储能电站三年的运行实践，总结电池簇常见故障和巡检要点，供同类电站参考。"
    )
    lines = _text_page(before=f"{abstract}\n【关键词】储能；电池簇；运维").splitlines()
    write_page(tmp_path / "site" / "a.txt", "\n".join(lines))
    rec = records_by_name(tmp_path / "site")["a.txt"]
    assert "关键词" not in rec.body
    assert rec.body.startswith(abstract)
    assert rec.body.endswith(MORE)


def test_numbered_section_headings_between_paragraphs_are_text(tmp_path: Path) -> None:
    # (trafilatura leaves the <h4> headings of some pages' text out of its main text: 一、X
    # between two paragraphs is the text's own)
    lead = "南溪储能电站位于丘陵山地，装机容量五十兆瓦，共安装组串式逆变器约四百台。"
    text = (
        f"<p>{lead}</p><h4>一、常见故障</h4><p>{PROSE}</p>"
        f"<h4>二、运维经验，供参考</h4><p>{MORE}</p>"
    )
    page = (
        "<html><head><meta charset='utf-8'><title>储能电站运维经验谈_南溪会刊</title></head><body>"
        "<h1>储能电站运维经验谈</h1>"
        "<div class='meta'><span>发布日期：2025-04-22</span><span>来源：南溪会刊</span></div>"
        f"<div class='txt'>{text}</div></body></html>"
    )
    write_page(tmp_path / "site" / "a.html", page)
    rec = records_by_name(tmp_path / "site")["a.html"]
    assert rec.body.splitlines() == [lead, "一、常见故障", PROSE, "二、运维经验，供参考", MORE]


def test_a_lead_labelled_daoyu_outside_the_text_is_kept(tmp_path: Path) -> None:
    # (a long post's 导语：X above its text, which trafilatura leaves out: the author's words)
    lead = "导语：年初写点东西，纯属个人看法，欢迎大家一起讨论充电桩的问题。"
    page = (
        "<html><head><meta charset='utf-8'><title>充电桩的三个判断</title></head><body>"
        "<h1>充电桩的三个判断</h1><div class='info'>南溪观察员 发布于 2025-01-05 10:00</div>"
        f"<div class='lead'>{lead}</div>"
        f"<div class='txt'><p>{PROSE}</p><p>{PROSE[:-1]}，{MORE}</p><p>{MORE}</p></div>"
        "</body></html>"
    )
    write_page(tmp_path / "site" / "a.html", page)
    rec = records_by_name(tmp_path / "site")["a.html"]
    assert rec.body.startswith(lead + "\n" + PROSE)


def test_a_short_heading_between_paragraphs_is_text(tmp_path: Path) -> None:
    # (an unnumbered <h2> heading or a picture's caption in the text, left out by trafilatura)
    lead = "南溪储能电站位于丘陵山地，装机容量五十兆瓦，共安装组串式逆变器约四百台。"
    text = f"<p>{lead}</p><h2>几点看法</h2><p>{PROSE}</p><p class='pic'>电站全景</p><p>{MORE}</p>"
    page = (
        "<html><head><meta charset='utf-8'><title>储能电站运维经验谈</title></head><body>"
        "<h1>储能电站运维经验谈</h1><div class='meta'>发布日期：2025-04-22 来源：南溪会刊</div>"
        f"<div class='txt'>{text}</div></body></html>"
    )
    write_page(tmp_path / "site" / "a.html", page)
    rec = records_by_name(tmp_path / "site")["a.html"]
    assert rec.body.splitlines() == [lead, "几点看法", PROSE, "电站全景", MORE]


def test_a_month_calendar_is_no_part_of_a_page_read_alone(tmp_path: Path) -> None:
    # (the same paper's page, alone in its folder: no template to learn the calendar from)
    write_page(tmp_path / "site" / "a.html", _paper_page(0, _HEADLINES[0]))
    rec = records_by_name(tmp_path / "site")["a.html"]
    assert rec.published is not None and rec.published.isoformat() == "2025-01-10"
    assert rec.body.startswith(PROSE)


def test_a_headline_with_a_comma_does_not_make_the_line_above_it_one(tmp_path: Path) -> None:
    # (a post saved as text, alone: the line above the headline, 注册 | 登录, is not the
    # headline because the headline under it, X，Y, reads like a sentence)
    headline = "关于充电桩，回答网友的三个问题"
    top = ["南溪微博", "首页 热门 视频 游戏", "注册 | 登录", ""]
    page = "\n".join([*top, headline, "南溪观察员老王 阅读数：1.2万", "", PROSE, MORE])
    write_page(tmp_path / "site" / "a.txt", page)
    assert records_by_name(tmp_path / "site")["a.txt"].title == headline


def test_an_in_house_papers_notice_is_no_text(tmp_path: Path) -> None:
    # (an in-house paper saved as text, alone: its header's notice, a sentence, is neither the
    # text's start, which would end the search for the headline, nor text)
    notice = "※ 本网站为集团内网资源，内容仅供集团员工学习交流，请勿外传"
    headline = "南溪储能电站二期开工建设"
    lines = ["南溪能源报", "南溪能源集团主办 · 内部资料 免费交流", notice, "本版标题"]
    lines += ["· 北沙风电场完成首次全面定检", "· 西岭光伏电站并网发电", headline]
    lines += ["南溪能源报 2025年06月06日 第02版：基层动态 稿件来源：储能公司", PROSE, MORE]
    write_page(tmp_path / "site" / "a.txt", "\n".join(lines))
    rec = records_by_name(tmp_path / "site")["a.txt"]
    assert rec.title == headline
    assert rec.body.startswith(PROSE)


def test_a_link_between_paragraphs_stays_out(tmp_path: Path) -> None:
    # (a link to another article among the text's paragraphs, which trafilatura leaves out,
    # is not a heading of the text)
    lead = "南溪储能电站位于丘陵山地，装机容量五十兆瓦，共安装组串式逆变器约四百台。"
    link = "<div class='rel'><a href='/n/2.html'>北沙风电场完成定检</a></div>"
    page = (
        "<html><head><meta charset='utf-8'><title>储能电站运维经验谈</title></head><body>"
        "<h1>储能电站运维经验谈</h1><div class='meta'>发布日期：2025-04-22 来源：南溪会刊</div>"
        f"<div class='txt'><p>{lead}</p>{link}<p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    write_page(tmp_path / "site" / "a.html", page)
    rec = records_by_name(tmp_path / "site")["a.html"]
    assert "北沙风电场" not in rec.body


def test_a_text_pages_header_brand_is_the_site_over_its_company(tmp_path: Path) -> None:
    # (a post saved as text, alone: its first line names the platform, named again in the
    # footer's links; the copyright line names the company that runs it)
    headline = "充电桩进小区难在哪里"
    lines = [
        "南溪圈",
        "首页 热门 视频 游戏",
        "",
        headline,
        "南溪观察员老王 发布于 2025-04-12 19:16",
    ]
    lines += ["", PROSE, MORE, "帮助中心 关于南溪圈", "Copyright © 2009-2025 南溪某某科技有限公司"]
    write_page(tmp_path / "site" / "a.txt", "\n".join(lines))
    assert records_by_name(tmp_path / "site")["a.txt"].source == "南溪圈"
