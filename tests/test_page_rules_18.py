"""Rules for page reading found on the eighteenth round (set 20 of the unseen layouts, pages as
saving tools leave them, `tests/fixtures/blind-sites-20`, opened this round), written as the
general forms behind its misses. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import base64
import plistlib
import quopri
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.records import Record, Skip
from xinwen.index.sources import read_sources

TITLE = "南溪储能电站二期开工建设"


TITLES = ("南溪储能电站二期开工建设", "北港海上风电项目首批风机吊装", "西岭光伏电站顺利并网")


def _page(title: str = TITLE, n: int = 0) -> str:
    # (pages of one site differ in their text: lines repeated on every page are its chrome)
    return (
        f'<html><head><meta charset="utf-8"><title>{title}_南溪能源网</title></head><body>'
        f"<h1>{title}</h1><div class='info'>发布时间：2024-05-0{n + 1} 来源：南溪日报</div>"
        f"<div class='content'><p>{title}。{PROSE}</p><p>{MORE[n:]}</p></div>"
        "<iframe src='a_files/comment.htm'></iframe></body></html>"
    )


# The comment box a saved page's iframe held: the article's title and a few comments, which
# read alone look like an article of their own.
COMMENT_BOX = (
    '<html><head><meta charset="utf-8"><title>评论</title></head><body>'
    f"<h3>{TITLE}</h3><div class='comments'><p>网友甲：{PROSE}</p><p>网友乙：{MORE}</p></div>"
    "</body></html>"
)


def _read(root: Path) -> tuple[dict[str, Record], list[Skip]]:
    items = list(read_sources([root]))
    records = {
        Path(i.origin.path).relative_to(root).as_posix(): i for i in items if isinstance(i, Record)
    }
    return records, [i for i in items if isinstance(i, Skip)]


def test_a_saved_pages_resource_folder_is_not_read_as_pages(tmp_path: Path) -> None:
    # Chrome's and Firefox's "Save page, complete": a.html and a_files/ beside it; IE's and a
    # German browser's names for the folder alike.
    saved = (("a.html", "a_files"), ("b.htm", "b.files"), ("c.html", "c-Dateien"))
    for n, (page, folder) in enumerate(saved):
        write_page(tmp_path / "政策" / page, _page(TITLES[n], n))
        write_page(tmp_path / "政策" / folder / "comment.htm", COMMENT_BOX)
        (tmp_path / "政策" / folder / "style.css").write_text("p { margin: 0 }", "utf-8")
    records, skips = _read(tmp_path)
    assert sorted(records) == ["政策/a.html", "政策/b.htm", "政策/c.html"]
    assert [(Path(s.origin.path).name, s.reason) for s in skips] == [
        ("a_files", "a saved page's resources"),
        ("b.files", "a saved page's resources"),
        ("c-Dateien", "a saved page's resources"),
    ]
    assert "2 files saved with a.html" in skips[0].detail


def test_a_folder_named_files_without_its_page_is_read(tmp_path: Path) -> None:
    write_page(tmp_path / "old_files" / "a.html", _page())
    records, _ = _read(tmp_path)
    assert list(records) == ["old_files/a.html"]


def test_httrack_files_are_not_articles(tmp_path: Path) -> None:
    write_page(tmp_path / "www.nx.example.cn" / "zhengce" / "1204.html", _page())
    (tmp_path / "hts-cache").mkdir()
    (tmp_path / "hts-cache" / "new.txt").write_text(
        "statuscode\tstatus\tsize\tremotesize\tflags\tdate\turl\tlocalfile\n"
        "200\tadded\t1234\t1234\t---\t2025-10-11\thttp://www.nx.example.cn/\tindex.html\n",
        "utf-8",
    )
    (tmp_path / "hts-log.txt").write_text(
        "HTTrack3.49-2 launched on Sat, 11 Oct 2025 03:01:58 at http://www.nx.example.cn/\n"
        "(httrack http://www.nx.example.cn/ -O /mirror)\n"
        "Information, Warnings and Errors reported for this mirror:\n"
        "03:02:10\tInfo: \tMirror complete in 12 seconds : 58 links scanned, 57 files written\n",
        "utf-8",
    )
    write_page(
        tmp_path / "index.html",
        "<html><body><p>Index of locally available sites:</p>"
        "<a href='www.nx.example.cn/index.html'>南溪能源网</a>"
        "<p>Mirror and index made by HTTrack Website Copier</p></body></html>",
    )
    (tmp_path / "backblue.gif").write_bytes(b"GIF89a\x01\x00\x01\x00")
    records, skips = _read(tmp_path)
    assert list(records) == ["www.nx.example.cn/zhengce/1204.html"]
    assert sorted((Path(s.origin.path).name, s.reason) for s in skips) == [
        ("backblue.gif", "a mirroring tool's own files"),
        ("hts-cache", "a mirroring tool's own files"),
        ("hts-log.txt", "a mirroring tool's own files"),
        ("index.html", "a mirroring tool's own files"),
    ]


def test_a_sites_robots_txt_is_not_an_article(tmp_path: Path) -> None:
    write_page(tmp_path / "www.nx.example.cn" / "policy" / "show.html", _page())
    (tmp_path / "www.nx.example.cn" / "robots.txt").write_text(
        "User-agent: *\nDisallow: /admin/\nDisallow: /search.php\n", "utf-8"
    )
    records, skips = _read(tmp_path)
    assert list(records) == ["www.nx.example.cn/policy/show.html"]
    assert [s.reason for s in skips] == ["a mirroring tool's own files"]


def test_a_parameter_folder_in_a_mirrors_path_is_no_category(tmp_path: Path) -> None:
    # DotNetNuke writes its parameters into the path (ArticleID/1204/, TabId/57/); a mirror
    # keeps them as folders under the site's own column folder.
    for n, path in enumerate(
        (
            "www.nx.example.cn/zhengce/ArticleID/1204/Default.html",
            "www.nx.example.cn/xiangmu/TabId/57/Default/1230.html",
            "www.nx.example.cn/jishu/newsid/88/index.html",
        )
    ):
        write_page(tmp_path / path, _page(TITLES[n], n))
    records, _ = _read(tmp_path)
    assert {path.split("/")[1]: r.category for path, r in records.items()} == {
        "zhengce": "zhengce",
        "xiangmu": "xiangmu",
        "jishu": "jishu",
    }


def _undated(title: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title} – 南溪能源观察</title></head><body>'
        f"<article><h1>{title}</h1><p class='byline'>作者：编辑部</p>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></article></body></html>"
    )


def test_a_saving_tools_time_stamp_in_the_file_name_is_no_publication_date(
    tmp_path: Path,
) -> None:
    # SingleFile names a page "title (saved date time).html": when it was saved, not published.
    saved = write_page(
        tmp_path / "工商业储能项目备案要点 – 南溪能源观察 (2025-11-15 21_15_35).html",
        _undated("工商业储能项目备案要点"),
    )
    assert read_one(saved).published is None
    # (a date in a file name without the time of day is still the page's where no page of its
    # site states a date, as here, read alone; from round 31 not where its site's pages do)
    dated = write_page(tmp_path / "b" / "2025-11-15 工商业储能项目备案要点.html", _undated("储能"))
    assert str(read_one(dated).published) == "2025-11-15"


def _reader_view(subtitle_line: str) -> str:
    # Firefox's reader view: its title is the <title>'s headline, subtitle and all; the page's
    # subtitle survives as a line of the text.
    title = "电解槽怎么选？——兼谈大规模制氢项目的设备配置"
    return (
        f'<html><head><meta charset="utf-8"><title>{title} - 南溪能源观察</title></head><body>'
        f"<div class='reader-header'><h1 class='reader-title'>{title}</h1>"
        "<div class='credits reader-credits'>郑雨</div></div>"
        "<div class='moz-reader-content'><p>发布时间：2025-07-28　来源：南溪日报</p>"
        f"{subtitle_line}<p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )


def test_a_headline_joined_with_the_subtitle_it_shows_apart_is_the_headline(
    tmp_path: Path,
) -> None:
    page = _reader_view("<p><strong>——兼谈大规模制氢项目的设备配置</strong></p>")
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.title == "电解槽怎么选？"
    assert "兼谈" not in rec.body
    # (a headline with a ——subtitle the page does not show apart is the whole line, as before)
    rec = read_one(write_page(tmp_path / "b" / "a.html", _reader_view("")))
    assert rec.title == "电解槽怎么选？——兼谈大规模制氢项目的设备配置"


def _app_page(title: str, n: int) -> str:
    # A news app's page: no 来源, a 24小时热榜 list under the text on every page, the site named
    # in its copyright line.
    hot = "".join(
        f"<li><a href='/a/{k}'>{t}</a></li>"
        for k, t in enumerate(
            ("国家电网年度投资再创新高", "煤炭中长期合同履约情况通报", "天然气消费量同比增长")
        )
    )
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        "<header><nav><a href='/'>推荐</a> <a href='/zc'>政策</a></nav></header>"
        f"<article><h1>{title}</h1><div class='content'><p>{title}。{PROSE}</p><p>{MORE[n:]}</p>"
        "</div><p class='note'>声明：本文仅代表作者观点，南溪头条转载此文出于传递更多信息之目的。"
        "如有侵权请联系删除。</p></article>"
        f"<aside><h3>24小时热榜</h3><ul>{hot}</ul></aside>"
        "<footer>© 2025 南溪头条 版权所有</footer></body></html>"
    )


def test_a_headline_ending_in_a_notices_name_is_no_sites_name(tmp_path: Path) -> None:
    # (…情况通报 ends in 报 like a paper's name, 南溪日报, but names a notice: the hot list's
    # headline, on every page, is not the site's header)
    titles = ("南溪储能电站二期开工建设", "北港海上风电首批风机吊装", "西岭光伏电站开始发电")
    for n, title in enumerate(titles):
        write_page(tmp_path / f"{n}.html", _app_page(title, n))
    records, _ = _read(tmp_path)
    assert {r.source for r in records.values()} == {"南溪头条"}


def _mhtml(page: str, frame: str) -> bytes:
    # As Chrome's "Webpage, Single File" writes it: the page, quoted-printable, then its
    # resources (an iframe's page among them).
    def part(kind: str, cid: str, body: bytes, encoding: str = "quoted-printable") -> bytes:
        return (
            (
                f"------MultipartBoundary--x1----\r\nContent-Type: {kind}\r\n"
                f"Content-ID: <{cid}@mhtml.blink>\r\nContent-Transfer-Encoding: {encoding}\r\n"
                f"Content-Location: https://www.nx.example.cn/{cid}\r\n\r\n"
            ).encode("ascii")
            + body
            + b"\r\n"
        )

    head = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://www.nx.example.cn/frame-1\r\n"
        "Subject: =?utf-8?Q?=E5=8D=97?=\r\nDate: Sat, 15 Nov 2025 21:15:35 +0800\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        '\tboundary="----MultipartBoundary--x1----"\r\n\r\n\r\n'
    ).encode("ascii")
    return (
        head
        + part("text/html", "frame-1", quopri.encodestring(page.encode("utf-8")))
        + part("image/png", "logo.png", base64.encodebytes(b"\x89PNG\r\n"), "base64")
        + part("text/html", "frame-2", quopri.encodestring(frame.encode("utf-8")))
        + b"------MultipartBoundary--x1------\r\n"
    )


def test_a_page_saved_as_a_single_file_is_read(tmp_path: Path) -> None:
    # Chrome's and Edge's .mhtml (IE's .mht), Safari's .webarchive: one file holding the page
    # and its resources, read as the page.
    write_page(tmp_path / "政策" / "a.html", _page(TITLES[0], 0))
    (tmp_path / "政策" / "b.mhtml").write_bytes(_mhtml(_page(TITLES[1], 1), COMMENT_BOX))
    main = {
        "WebResourceData": _page(TITLES[2], 2).encode("gb18030").replace(b"utf-8", b"gbk"),
        "WebResourceMIMEType": "text/html",
        "WebResourceTextEncodingName": "GBK",
        "WebResourceURL": "https://www.nx.example.cn/c.html",
    }
    archive = plistlib.dumps({"WebMainResource": main}, fmt=plistlib.FMT_BINARY)
    (tmp_path / "政策" / "c.webarchive").write_bytes(archive)
    records, skips = _read(tmp_path)
    assert not skips
    assert {name: (r.title, r.category) for name, r in records.items()} == {
        "政策/a.html": (TITLES[0], "政策"),
        "政策/b.mhtml": (TITLES[1], "政策"),
        "政策/c.webarchive": (TITLES[2], "政策"),
    }
    assert PROSE in records["政策/b.mhtml"].body
    assert "网友甲" not in records["政策/b.mhtml"].body  # (the iframe's page is not read)
    assert str(records["政策/c.webarchive"].published) == "2024-05-03"


def test_pages_a_mirror_saved_under_a_scripts_name_are_read(tmp_path: Path) -> None:
    # wget --mirror without --adjust-extension keeps the URL's name: show.php?id=2031 (or
    # show.php@id=2031 with Windows-safe names), Default.aspx.
    site = tmp_path / "www.nx.example.cn"
    names = ("policy/show.php?id=2031", "tech/show.php@id=7", "news/Default.aspx", "a.html?p=2")
    titles = (*TITLES, "东岭抽水蓄能电站开工")
    for n, name in enumerate(names):
        write_page(site / name, _page(titles[n], n))
    (site / "inc").mkdir()
    (site / "inc" / "config.php").write_text("<?php\n$db = 'news';\n", "utf-8")
    records, skips = _read(tmp_path)
    assert {name: r.title for name, r in records.items()} == {
        "www.nx.example.cn/policy/show.php?id=2031": TITLES[0],
        "www.nx.example.cn/tech/show.php@id=7": TITLES[1],
        "www.nx.example.cn/news/Default.aspx": TITLES[2],
        "www.nx.example.cn/a.html?p=2": titles[3],
    }
    # (a script's source is no page: skipped as before, and the rest of the run is complete)
    assert [(Path(s.origin.path).name, s.reason, s.incomplete) for s in skips] == [
        ("config.php", "unsupported file type", False)
    ]


def test_a_resource_folder_matches_its_page_in_any_case(tmp_path: Path) -> None:
    # (Windows names files in any case: Article_12.HTM saved with article_12_files/)
    write_page(tmp_path / "Article_12.HTM", _page())
    write_page(tmp_path / "article_12_files" / "comment.htm", COMMENT_BOX)
    records, skips = _read(tmp_path)
    assert list(records) == ["Article_12.HTM"]
    assert [s.reason for s in skips] == ["a saved page's resources"]


def test_a_saved_pages_address_is_the_one_its_saving_tool_noted(tmp_path: Path) -> None:
    # A browser's mark of the web, SingleFile's note, an archive's own record of the address:
    # the page's URL when its markup names none (a canonical link still comes first).
    marked = "<!-- saved from url=(0041)https://www.nx.example.cn/news/1204.html -->\n"
    single = "<!--\n Page saved with SingleFile \n url: https://www.nx.example.cn/p/305/ \n-->"
    write_page(tmp_path / "a.html", marked + _page(TITLES[0], 0))
    write_page(tmp_path / "b.html", single + _page(TITLES[1], 1))
    (tmp_path / "c.mhtml").write_bytes(_mhtml(_page(TITLES[2], 2), COMMENT_BOX))
    records, _ = _read(tmp_path)
    assert {name: r.url for name, r in records.items()} == {
        "a.html": "https://www.nx.example.cn/news/1204.html",
        "b.html": "https://www.nx.example.cn/p/305/",
        "c.mhtml": "https://www.nx.example.cn/frame-1",
    }


def test_wgets_copy_of_a_page_as_fetched_is_not_read_again(tmp_path: Path) -> None:
    # wget -k -K: X.html rewritten for local links, X.html.orig as fetched, the same article.
    write_page(tmp_path / "policy" / "2031.html", _page())
    write_page(tmp_path / "policy" / "2031.html.orig", _page())
    records, skips = _read(tmp_path)
    assert list(records) == ["policy/2031.html"]
    assert [(s.reason, s.detail) for s in skips] == [
        ("a mirroring tool's own files", "wget's copy of 2031.html as fetched")
    ]


def test_an_html_page_named_as_an_archive_is_read_as_the_page(tmp_path: Path) -> None:
    # (some tools name a page .mht that is no MIME archive: its bytes are the page)
    rec = read_one(write_page(tmp_path / "a.mht", _page()))
    assert rec.title == TITLE


def test_a_mirrors_images_styles_and_scripts_are_named_so_in_the_summary(tmp_path: Path) -> None:
    # (a wget mirror's css/site.css and images/logo.png: a site's resources, no unknown type;
    # a file of another kind is still an unsupported one)
    write_page(tmp_path / "policy" / "2031.html", _page())
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("body { margin: 0 }", "utf-8")
    (tmp_path / "logo.PNG").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    _, skips = _read(tmp_path)
    assert [(Path(s.origin.path).name, s.reason) for s in skips] == [
        ("site.css", "a site's images, styles or scripts"),
        ("logo.PNG", "a site's images, styles or scripts"),
        ("notes.pdf", "unsupported file type"),
    ]


def test_a_crawlers_note_gives_the_address_and_a_templates_comment_does_not(
    tmp_path: Path,
) -> None:
    crawled = "<!-- crawled by lab-crawler/0.9 url=https://www.nx.example.cn/a/77 status=200 -->"
    credit = "<!-- Theme by Example Studio, url: https://studio.example.com -->"
    write_page(tmp_path / "a.html", crawled + _page(TITLES[0], 0))
    write_page(tmp_path / "b.html", credit + _page(TITLES[1], 1))
    records, _ = _read(tmp_path)
    assert {name: r.url for name, r in records.items()} == {
        "a.html": "https://www.nx.example.cn/a/77",
        "b.html": None,
    }
