"""Rules for page reading found on the twenty-fifth round (set 27 of the unseen layouts,
`tests/fixtures/blind-sites-27`, opened this round), written as general forms: here, which form
of a site's own name a page that states no source gets. Each is checked on our own small pages,
read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

SITE = "南溪能源观察"
HEADLINES = (
    "南溪电网迎峰度夏准备就绪",
    "南溪新建公共充电桩两千余个",
    "南溪风电场二期开工建设",
    "南溪储能电站并网发电",
)
ODD_HEADLINE = "南溪光伏扶贫项目验收"


def _page(headline: str, title_tail: str, site_meta: str | None, holder: str = SITE) -> str:
    """A news page that states no source: the site's name in its <title>, its og:site_name and
    its copyright line."""
    meta = f'<meta property="og:site_name" content="{site_meta}" />' if site_meta else ""
    return (
        f'<html><head><meta charset="utf-8"><title>{headline}{title_tail}</title>{meta}'
        f"</head><body><h1>{headline}</h1><div class='info'>2024-05-16 10:00</div>"
        f"<div class='content'><p>{headline}。{PROSE}</p><p>{MORE}</p></div>"
        f"<div class='footer'>Copyright © 2024 {holder} 版权所有</div></body></html>"
    )


@pytest.mark.parametrize(
    ("title_tail", "site_meta"),
    [
        (" - nxny.example.org", "nxny.example.org"),  # a domain
        (" | 让每一度电更清洁", None),  # a slogan
        (" - 能源号", "能源号"),  # the hosting platform's name
        ("", "搜狐号"),
    ],
    ids=["domain", "slogan", "platform", "platform-meta"],
)
def test_a_page_gets_the_name_its_sites_pages_agree_on(
    tmp_path: Path, title_tail: str, site_meta: str | None
) -> None:
    # Four pages of one site name it alike; the fifth page's markup names it otherwise. The
    # site's pages vote: the odd page is the site's all the same.
    for i, headline in enumerate(HEADLINES):
        write_page(tmp_path / "news" / f"{i}.html", _page(headline, f" - {SITE}", SITE))
    odd = _page(ODD_HEADLINE, title_tail, site_meta)
    write_page(tmp_path / "news" / "odd.html", odd)
    records = records_by_name(tmp_path)
    assert {r.source for r in records.values()} == {SITE}
    assert records["odd.html"].title == ODD_HEADLINE


def test_a_page_alone_keeps_the_name_its_markup_gives(tmp_path: Path) -> None:
    # With no other page to vote, the page's own markup names the site, as before.
    rec = read_one(write_page(tmp_path / "a.html", _page(ODD_HEADLINE, " - 能源号", "能源号")))
    assert rec.source == "能源号"


def test_a_folder_of_two_sites_keeps_each_sites_name(tmp_path: Path) -> None:
    # Three pages of one site and two of another agree on no one name: each keeps its own.
    for i, headline in enumerate(HEADLINES[:3]):
        write_page(tmp_path / f"{i}.html", _page(headline, f" - {SITE}", SITE))
    other = "北岭电力网"
    write_page(tmp_path / "x.html", _page(HEADLINES[3], f" - {other}", other, other))
    write_page(tmp_path / "y.html", _page(ODD_HEADLINE, f" - {other}", other, other))
    records = records_by_name(tmp_path)
    assert records["x.html"].source == records["y.html"].source == other
    assert records["0.html"].source == SITE


def test_a_small_sites_odd_page_that_prints_the_sites_name_gets_it(tmp_path: Path) -> None:
    # Three pages of four name the site alike (too few for nearly all); the fourth, whose markup
    # gives the hosting platform's name, prints the site's name in its copyright line: the
    # site's pages vote.
    for i, headline in enumerate(HEADLINES[:3]):
        write_page(tmp_path / f"{i}.html", _page(headline, f" - {SITE}", SITE))
    write_page(tmp_path / "odd.html", _page(ODD_HEADLINE, " - 能源号", "能源号"))
    assert records_by_name(tmp_path)["odd.html"].source == SITE


def test_a_page_that_only_quotes_the_leading_name_keeps_its_own(tmp_path: Path) -> None:
    # Three pages of one site, one of another that quotes the first in its text (not in its
    # header or footer): that page is its own site's.
    for i, headline in enumerate(HEADLINES[:3]):
        write_page(tmp_path / f"{i}.html", _page(headline, f" - {SITE}", SITE))
    other = "北岭电力网"
    quoting = _page(ODD_HEADLINE, f" - {other}", other, other).replace(
        "<p>" + MORE, f"<p>据{SITE}报道，" + MORE
    )
    write_page(tmp_path / "x.html", quoting)
    assert records_by_name(tmp_path)["x.html"].source == other


def test_a_page_without_a_name_in_its_markup_gets_the_one_its_site_leads_with(
    tmp_path: Path,
) -> None:
    # A small site whose pages do not all agree (one gives the platform's name) still leads with
    # one name; a page whose <title> is its headline alone, under the company's copyright line
    # that prints that name, is the site's by that name, not by its company's.
    for i, headline in enumerate(HEADLINES[:3]):
        write_page(tmp_path / f"{i}.html", _page(headline, f" - {SITE}", SITE))
    write_page(tmp_path / "odd.html", _page(HEADLINES[3], " - 能源号", "能源号"))
    plain = _page(ODD_HEADLINE, "", None, f"{SITE}传媒有限公司")
    write_page(tmp_path / "plain.html", plain)
    assert records_by_name(tmp_path)["plain.html"].source == SITE


@pytest.mark.parametrize("host", ["nxny.example.org", "www.nxny.org.cn", "NXNY.ORG"])
def test_a_host_name_in_the_markup_gives_way_to_the_name_the_page_prints(
    tmp_path: Path, host: str
) -> None:
    # A CMS that writes the site's address as its name (og:site_name, the <title>'s end): the
    # copyright line names the site.
    rec = read_one(write_page(tmp_path / "a.html", _page(ODD_HEADLINE, f" - {host}", host)))
    assert rec.source == SITE


def test_a_host_name_the_only_name_a_page_gives_stays_its_source(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>南溪光伏扶贫项目验收 - nxny.example.org</title>'
        '<meta property="og:site_name" content="nxny.example.org" /></head><body>'
        f"<h1>{ODD_HEADLINE}</h1><div class='info'>2024-05-16 10:00</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    assert read_one(write_page(tmp_path / "a.html", page)).source == "nxny.example.org"


@pytest.mark.parametrize(
    ("title_tail", "site_meta"),
    [
        ("_南溪能源观察_专业的能源资讯门户", None),
        (" - 南溪能源观察 - 让能源更清洁", None),
        ("", "南溪能源观察 - 专业能源资讯平台"),
    ],
    ids=["title-underscores", "title-dashes", "og-site-name"],
)
def test_the_title_part_the_copyright_line_names_over_a_slogan(
    tmp_path: Path, title_tail: str, site_meta: str | None
) -> None:
    # The <title> (or og:site_name) gives the site's name and its slogan; the copyright line
    # names the site by one of them: that one is the site's name.
    page = _page(ODD_HEADLINE, title_tail, site_meta)
    assert read_one(write_page(tmp_path / "a.html", page)).source == SITE


@pytest.mark.parametrize(
    ("title_tail", "site_meta"),
    [(" | NXNY", "NXNY"), ("", "NXNY"), (" - NXNY 南溪能源观察", None)],
    ids=["latin-everywhere", "latin-meta", "latin-beside"],
)
def test_a_latin_brand_gives_way_to_the_chinese_name_the_copyright_line_gives(
    tmp_path: Path, title_tail: str, site_meta: str | None
) -> None:
    page = _page(ODD_HEADLINE, title_tail, site_meta)
    assert read_one(write_page(tmp_path / "a.html", page)).source == SITE


def test_a_latin_brand_under_a_companys_copyright_line_stays(tmp_path: Path) -> None:
    # (the company that runs the site is not its name: the brand is)
    page = _page(ODD_HEADLINE, " | NXNY", "NXNY", "南溪能源科技有限公司")
    assert read_one(write_page(tmp_path / "a.html", page)).source == "NXNY"


def test_a_latin_brand_gives_way_under_a_copyright_line_with_its_icp_number(
    tmp_path: Path,
) -> None:
    page = _page(ODD_HEADLINE, " | NXNY", "NXNY", f"{SITE} 京ICP备12345678号")
    assert read_one(write_page(tmp_path / "a.html", page)).source == SITE


def _logo_page(alt: str) -> str:
    """A page whose <title> is its headline alone and whose logo's alt text names the site."""
    return (
        f'<html><head><meta charset="utf-8"><title>{ODD_HEADLINE}</title></head><body>'
        f"<div class='header'><a href='/'><img class='logo' src='/l.png' alt='{alt}'></a></div>"
        f"<h1>{ODD_HEADLINE}</h1><div class='info'>2024-05-16 10:00</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )


@pytest.mark.parametrize(
    "alt", [f"{SITE}LOGO", f"{SITE}标志", f"{SITE} - 让能源更清洁"], ids=["logo", "标志", "slogan"]
)
def test_a_logos_alt_text_names_the_site_without_its_image_word_or_slogan(
    tmp_path: Path, alt: str
) -> None:
    rec = read_one(write_page(tmp_path / "a.html", _logo_page(alt)))
    assert rec.source == SITE
