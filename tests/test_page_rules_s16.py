"""Saved pages that are no article (found by a tester's crawl of invented sites): a server's
error page and a redirect are skipped with their own reason; an article that only looks like
one of them is kept. Our own pages, read the way ``xinwen reindex`` does (`read_sources`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.records import Skip
from xinwen.index.sources import read_sources

_ERROR_PAGES = {
    "cms": (
        '<html><head><meta charset="utf-8"><title>404 页面不存在_东湖区发展改革委</title></head>'
        "<body><div class='logo'>东湖区发展改革委</div>"
        "<h1>抱歉，您访问的页面不存在或已被删除！</h1><p>可能原因：网址有误，或信息已过期。</p>"
        "<p>5秒后自动返回<a href='/'>首页</a></p></body></html>"
    ),
    "server": (
        "<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1>"
        "</center><hr><center>nginx</center></body></html>"
    ),
}


@pytest.mark.parametrize("kind", list(_ERROR_PAGES))
def test_a_saved_error_page_is_skipped_as_one(tmp_path: Path, kind: str) -> None:
    # (its file name holds a date: it was dated 2023-09-30 and indexed as an article)
    page = write_page(tmp_path / "政策" / "t20230930_1006.html", _ERROR_PAGES[kind])
    [skip] = read_sources([page])
    assert isinstance(skip, Skip) and skip.reason == "error page"


def test_an_article_whose_title_only_looks_like_an_error_stays(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>G404国道扩建工程通过验收</title></head>'
        "<body><h1>G404国道扩建工程通过验收</h1><p>发布时间：2024-05-06</p>"
        f"<p>{PROSE}</p></body></html>"
    )
    assert read_one(write_page(tmp_path / "a.html", page)).title == "G404国道扩建工程通过验收"


_REDIRECTS = {
    "meta": (
        '<html><head><meta http-equiv="refresh" content="0;url=http://www.example.cn/gzdt/">'
        "<title></title></head><body></body></html>"
    ),
    "script": (
        "<html><head><script>window.location.href = 'http://www.example.cn/gzdt/';</script>"
        "</head><body><p>页面跳转中……</p></body></html>"
    ),
}


@pytest.mark.parametrize("kind", list(_REDIRECTS))
def test_a_redirect_page_says_where_it_sends_the_reader(tmp_path: Path, kind: str) -> None:
    [skip] = read_sources([write_page(tmp_path / "index.html", _REDIRECTS[kind])])
    assert isinstance(skip, Skip) and skip.reason == "redirect page"
    assert skip.detail == "sends the reader to http://www.example.cn/gzdt/"


def test_an_article_with_a_mobile_redirect_script_is_read(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>充电桩建设提速</title><script>'
        "if (/Mobile/.test(navigator.userAgent)) { window.location.href = '/m/12.html'; }"
        "</script></head><body><h1>充电桩建设提速</h1><p>发布时间：2024-05-06</p>"
        f"<p>{PROSE}</p><p>{MORE}</p></body></html>"
    )
    assert read_one(write_page(tmp_path / "12.html", page)).title == "充电桩建设提速"


def test_a_wechat_article_saved_without_scripts_is_dated_by_its_send_time(
    tmp_path: Path,
) -> None:
    # The date element is filled by a script from `var ct` (epoch seconds): saved raw, it
    # is empty. 1712021400 is 2024-04-02 09:30 in Beijing.
    page = (
        '<html><head><meta charset="utf-8"><title>虚拟电厂怎样参与电力市场</title></head><body>'
        "<div class='rich_media_inner'><h1 class='rich_media_title' id='activity-name'>"
        "虚拟电厂怎样参与电力市场</h1><div class='rich_media_meta_list'>"
        "<span class='rich_media_meta rich_media_meta_nickname'>能源观察室</span>"
        "<em id='publish_time' class='rich_media_meta rich_media_meta_text'></em></div>"
        f"<div class='rich_media_content' id='js_content'><p>{PROSE}</p><p>{MORE}</p></div>"
        '</div><script>var nickname = "能源观察室"; var ct = "1712021400";</script>'
        "</body></html>"
    )
    rec = read_one(write_page(tmp_path / "s.html", page))
    assert rec.published is not None and rec.published.isoformat() == "2024-04-02"


def test_a_short_item_on_a_500_kv_line_is_no_server_error(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>500千伏北岭输变电工程投运</title></head>'
        "<body><h1>500千伏北岭输变电工程投运</h1><p>发布时间：2024-05-06</p>"
        "<p>工程投运后将提升区域供电能力。</p></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.title == "500千伏北岭输变电工程投运"


_TEXTS = [
    "今年以来全市新建充电桩两千余个，基本实现乡镇全覆盖。有关部门将继续推进老旧小区改造。",
    "北岭变电站主变扩建工程完成带电调试，新增容量可满足开发区三年内的用电增长。",
    "风电场二期工程三十台机组全部并网，年发电量预计可达四亿千瓦时，节约标准煤十二万吨。",
    "配电网自动化改造覆盖城区全部线路，故障隔离时间由小时级缩短到分钟级。",
]


def _mirror(root: Path) -> Path:
    # Two sites as wget --mirror keeps them: one states its pages' dates, the other's pages
    # state none and are dated only by the folders of their addresses.
    for n in (1, 2):
        write_page(
            root / "www.lvneng-news.cn" / "post" / f"{n}.html",
            f'<html><head><meta charset="utf-8"><title>绿能快讯第{n}期</title></head><body>'
            f"<h1>绿能快讯第{n}期</h1><time datetime='2023-05-1{n}'>2023年5月1{n}日</time>"
            f"<p>{_TEXTS[n - 1]}</p></body></html>",
        )
    for day, n in (("12", 1), ("15", 7)):
        write_page(
            root / "www.beiling-power.com.cn" / "tech" / "2003" / "09" / day / f"{n}.htm",
            f'<html><head><meta charset="utf-8"><title>变电站改造第{n}号通报</title></head>'
            f"<body><h1>变电站改造第{n}号通报</h1>"
            f"<p>{_TEXTS[2 if n == 1 else 3]}</p></body></html>",
        )
    return root


def test_a_mirrored_sites_pages_have_their_addresses_and_its_own_dating(
    tmp_path: Path,
) -> None:
    crawl = _mirror(tmp_path / "crawl")
    records = {r.title: r for r in read_sources([crawl]) if not isinstance(r, Skip)}
    page = records["变电站改造第7号通报"]
    assert page.url == "http://www.beiling-power.com.cn/tech/2003/09/15/7.htm"
    # (the other site's pages state their dates; this one's do not: its addresses date them)
    assert page.published is not None and page.published.isoformat() == "2003-09-15"
    assert records["绿能快讯第2期"].published.isoformat() == "2023-05-12"
    # One site's folder given alone is the same site.
    [alone, _] = read_sources([crawl / "www.beiling-power.com.cn"])
    assert not isinstance(alone, Skip)
    assert alone.url == "http://www.beiling-power.com.cn/tech/2003/09/12/1.htm"


@pytest.mark.parametrize(
    ("shown", "want"),
    [("<em id='publish_time'>2024-03-19 17:45</em>", "2024-03-19"), ("", None)],
    ids=["printed date wins", "no date element: undated"],
)
def test_wechat_ct_only_fills_an_empty_date_element(
    tmp_path: Path, shown: str, want: str | None
) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>氢气管道如何改造</title></head><body>'
        "<h1 class='rich_media_title'>氢气管道如何改造</h1>"
        f"<div class='rich_media_meta_list'>{shown}</div>"
        f"<div class='rich_media_content' id='js_content'><p>{PROSE}</p><p>{MORE}</p></div>"
        '<script>var ct="1712021400";</script></body></html>'
    )
    rec = read_one(write_page(tmp_path / "s.html", page))
    assert (rec.published.isoformat() if rec.published else None) == want


def _wechat(shown: str, ct: int, n: int) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>储能观察第{n}期</title></head><body>'
        f"<h1 class='rich_media_title'>储能观察第{n}期</h1><div class='rich_media_meta_list'>"
        f"<em id='publish_time'>{shown}</em></div><div class='rich_media_content' "
        f"id='js_content'><p>{_TEXTS[n]}</p></div><script>var ct=\"{ct}\";</script></body></html>"
    )


@pytest.mark.parametrize("template", [False, True], ids=["own times", "the template's ct"])
def test_a_sites_wechat_ct_dates_its_pages_only_when_it_is_theirs(
    tmp_path: Path, template: bool
) -> None:
    # 1712021400: 2024-04-02 (Beijing); 1712280600: 2024-04-05; 1712539800: 2024-04-08.
    times = [1712021400] * 3 if template else [1712021400, 1712280600, 1712539800]
    for n, (shown, ct) in enumerate(zip(["", "2024-04-05 09:30", ""], times, strict=True)):
        write_page(tmp_path / "wx" / f"{n}.html", _wechat(shown, ct, n))
    records = {Path(r.origin.path).name: r for r in read_sources([tmp_path / "wx"])}
    dates = [records[f"{n}.html"].published for n in range(3)]
    assert [d.isoformat() if d else None for d in dates] == (
        [None, "2024-04-05", None] if template else ["2024-04-02", "2024-04-05", "2024-04-08"]
    )


def test_a_sites_english_edition_page_is_an_article(tmp_path: Path) -> None:
    # Its sentences have no Chinese characters: it was "no article text", a list page.
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Storage auction draws record bids - Northern Grid News</title>"
        '<meta property="article:published_time" content="2024-08-02T09:00:00+08:00"></head>'
        "<body><nav><a href='/'>Home</a> <a href='/market'>Market</a></nav><article>"
        "<h1>Storage auction draws record bids</h1><p>By Lin Qiao | Aug 2, 2024</p>"
        "<p>The provincial storage auction drew bids for three times the capacity on offer, "
        "the grid company said on Friday.</p><p>Prices fell by a fifth from last year's "
        "round, as battery costs kept falling and more developers entered the market.</p>"
        "</article><footer>© 2024 Northern Grid News</footer></body></html>"
    )
    rec = read_one(write_page(tmp_path / "en" / "a1.html", page))
    assert rec.title == "Storage auction draws record bids"
    assert rec.published is not None and rec.published.isoformat() == "2024-08-02"
    assert "three times the capacity" in rec.body


@pytest.mark.parametrize("heading", ["div", "h1"])
def test_an_english_page_named_only_by_its_json_ld_is_an_article(
    tmp_path: Path, heading: str
) -> None:
    # Its <title> is the site's name, its headline a <div> (or an <h1> in English, which no
    # Chinese headline rule reads): it was "no article text". JSON-LD names the headline and
    # the author, whose name alone under the headline is no text; the list after the text
    # (its Chinese heading dropped as "related articles") is not the article's either.
    ld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": '
        '"Offshore wind tender closes early", "datePublished": "2024-09-14T10:00:00+08:00", '
        '"author": {"@type": "Person", "name": "Mei Sun"}}'
    )
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>东滨能源观察</title>'
        f'<script type="application/ld+json">{ld}</script></head><body>'
        "<div class='top'>东滨能源观察</div><div class='nav'><a href='/'>Home</a> "
        "<a href='/wind'>风电</a></div>"
        f"<{heading} class='t'>Offshore wind tender closes early</{heading}>"
        "<div class='who'>Mei Sun</div>"
        "<div class='txt'><div>The coastal province closed its offshore wind tender two weeks "
        "early after developers bid for all six sites on offer.</div><div>Officials said the "
        "winning bids would be published after a review of the turbine suppliers named in "
        "them.</div></div><div class='rel'><div>相关阅读</div><div><a href='/b'>东滨港口岸电"
        "改造完成</a> 2023-11-02</div></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "en" / "w7.html", page))
    assert rec.title == "Offshore wind tender closes early"
    assert rec.published is not None and rec.published.isoformat() == "2024-09-14"
    assert rec.body.startswith("The coastal province closed") and "Mei Sun" not in rec.body
    assert "turbine suppliers" in rec.body and "岸电" not in rec.body


def test_a_print_versions_headline_is_not_its_print_page_title(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>打印页面</title></head>'
        '<body onload="window.print()"><div><h3>东湖区地热供暖项目管理办法</h3>'
        "<p>发布日期：2023-08-20　　来源：东湖区能源局</p>"
        f"<p>{_TEXTS[1]}</p><p>{_TEXTS[2]}</p>"
        "<p><a href='javascript:window.print()'>【打印】</a> "
        "<a href='javascript:window.close()'>【关闭窗口】</a></p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "print_1004.html", page))
    assert (rec.title, rec.source) == ("东湖区地热供暖项目管理办法", "东湖区能源局")
