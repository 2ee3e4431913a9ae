"""News pages from any site, text and HTML: indexed and checked through ``xinwen search --json``.

The corpus is written by `pagesites` (six invented site layouts; E and F were held out while
the rules were designed); its table of expected values drives the tests.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.pagesites import Expected, write_corpus
from xinwen.cli import main
from xinwen.index.cleaning import clean_title
from xinwen.index.records import Record
from xinwen.index.sources import read_sources
from xinwen.index.template import SiteTemplate, label_of

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "energy-news-page.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Expected]]:
    root = tmp_path_factory.mktemp("pages") / "corpus"
    root.mkdir()
    expected = write_corpus(root)
    # Records of another kind in a category folder: the same category rule applies.
    (root / "www.jia-energy.example" / "政策" / "extra.jsonl").write_text(
        json.dumps(
            {"id": "j-1", "title": "记录自带栏目", "body": "芮岙村试点。", "category": "市场"}
        )
        + "\n"
        + json.dumps({"id": "j-2", "title": "记录没有栏目", "body": "芮岙乡试点。"})
        + "\n",
        "utf-8",
    )
    return root, expected


@pytest.fixture(scope="module")
def index_root(
    corpus: tuple[Path, list[Expected]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("pages-index")
    code = main(["reindex", str(corpus[0]), "--index", str(root), "-q", "--json"])
    assert code == 0
    meta = json.loads((root / "current" / "xinwen.json").read_text("utf-8"))
    return root, meta["report"]


def articles(expected: list[Expected]) -> list[Expected]:
    return [e for e in expected if e.skip is None]


def search(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> dict:
    code, out, err = run(capsys, "search", *argv, "--index", str(root), "--json", "--size", "50")
    assert code == 0, err
    return json.loads(out)


# The corpus is written once at import for the parametrised ids (cheap: 90 small files).
def _table() -> list[Expected]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return write_corpus(Path(folder))


TABLE = _table()
ARTICLES = articles(TABLE)


def test_the_fixtures_cover_six_layouts_and_sixty_pages() -> None:
    layouts = {e.layout for e in ARTICLES}
    assert layouts == set("ABCDEFGH")
    assert len(ARTICLES) >= 60
    assert any(e.path.endswith(".txt") for e in ARTICLES)
    assert {Path(e.path).suffix for e in ARTICLES} >= {".txt", ".html", ".htm", ".shtml", ".gz"}


def test_every_file_is_accounted_for(index_root: tuple[Path, dict]) -> None:
    _, report = index_root
    skips = {e.skip: 0 for e in TABLE if e.skip}
    for e in TABLE:
        if e.skip:
            skips[e.skip] += 1
    assert report["skip_reasons"] == skips
    assert report["indexed"] == len(ARTICLES) + 2  # and the two JSON Lines records
    assert report["read"] == report["indexed"] + report["skipped"]


@pytest.mark.parametrize("want", ARTICLES, ids=lambda e: f"{e.layout}:{e.path}")
def test_page_comes_out_right(
    want: Expected, index_root: tuple[Path, dict], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = index_root
    result = search(capsys, root, f'"{want.phrase}"')
    # The phrase is in this page's body only: chrome of other pages (sidebars, 上一篇…) that
    # names this page's headline does not bring them in.
    assert [hit["id"] for hit in result["hits"]] == [want.path]
    [hit] = result["hits"]
    got = {k: hit[k] for k in ("published", "category", "source")}
    got["title"] = hit["title"]
    assert got == {
        "title": want.title,
        "published": want.published,
        "category": want.category,
        "source": want.source,
    }


CHROME = sorted({c for e in ARTICLES for c in e.chrome})


@pytest.mark.parametrize("chrome", CHROME)
def test_site_chrome_is_not_searchable(
    chrome: str, index_root: tuple[Path, dict], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = index_root
    assert search(capsys, root, f'"{chrome}"')["total"] == 0


def test_a_gbk_character_of_a_gb2312_declared_page_is_read(
    index_root: tuple[Path, dict], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = index_root
    result = search(capsys, root, '"陈喆"')  # 喆 is GBK, not GB2312: decoded as GB18030
    assert result["total"] == 6 and all(h["id"].endswith(".shtml") for h in result["hits"])


def test_uncategorised_and_unknown_sources_are_facet_values_that_filter(
    index_root: tuple[Path, dict], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = index_root
    everything = search(capsys, root)
    categories = {v["value"]: v["count"] for v in everything["facets"]["category"]}
    none = sorted(e.path for e in ARTICLES if e.category is None)
    assert categories["未分类"] == len(none) == 2
    picked = search(capsys, root, "--category", "未分类")
    assert sorted(h["id"] for h in picked["hits"]) == none
    # The JSON Lines record without a category took its folder's; the other kept its own.
    records = search(capsys, root, "芮岙")
    assert {h["id"]: h["category"] for h in records["hits"]} == {"j-1": "市场", "j-2": "政策"}
    sources = {v["value"]: v["count"] for v in everything["facets"]["source"]}
    assert sources["未知来源"] == 2  # the two JSON Lines records
    unknown = search(capsys, root, "--source", "未知来源")
    assert sorted(h["id"] for h in unknown["hits"]) == ["j-1", "j-2"]


def test_nothing_indexed_names_the_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "list.html").write_text(
        "<ul><li><a href='/1'>光伏项目开工</a> 2023-01-02</li>"
        "<li><a href='/2'>风电项目并网</a> 2023-01-03</li></ul>",
        "utf-8",
    )
    (folder / "nav.htm").write_text("<div>首页 | 新闻 | 政策 | 项目</div>", "utf-8")
    code, _, err = run(capsys, "reindex", str(folder), "--index", str(tmp_path / "ix"), "-q")
    assert code == 1
    assert "3 records skipped: 2 × no article text, 1 × empty file" in err


def test_nothing_indexed_from_an_export_of_no_articles_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.json"
    export.write_text('{"code": 0, "data": {"total": 0, "list": []}}', "utf-8")
    code, _, err = run(capsys, "reindex", str(export), "--index", str(tmp_path / "ix"), "-q")
    assert code == 1
    assert f"nothing could be indexed from {export}: it holds no records;" in err
    assert "0 records skipped" not in err


def test_inspect_shows_what_a_page_becomes_and_why(
    corpus: tuple[Path, list[Expected]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = corpus
    text_page = root / "www.jia-energy.example" / "政策" / "0003.txt"
    html_page = root / "bing-energy.example" / "政策" / "0026.shtml"
    code, out, _ = run(capsys, "inspect", str(text_page), str(html_page), "--json")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert {"id", "title", "published", "category", "source", "url", "body"} <= set(first)
    want = next(e for e in TABLE if e.path.endswith("政策/0003.txt"))
    assert (first["title"], first["published"], first["date_from"]) == (
        want.title,
        want.published,
        "byline",
    )
    # Given alone, a file has no folder below its source root: the breadcrumb names it.
    assert (first["category"], first["category_from"]) == ("政策", "breadcrumb")
    rules = {d["rule"] for d in first["dropped"]}
    assert {"breadcrumb", "editor", "previous/next"} <= rules
    assert any(d["line"].startswith("上一篇") for d in first["dropped"])
    assert second["date_from"] == "meta JSON-LD datePublished"
    # The text form, for people.
    code, out, _ = run(capsys, "inspect", str(root / "www.jia-energy.example"))
    assert code == 0
    assert f"  published  {want.published}  [byline]" in out
    assert "  category   政策  [folder]" in out
    assert "skipped    no article text" in out  # the list page


def test_inspect_says_what_a_date_field_held_when_it_is_no_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An Excel date serial (45356) is no date: the record stays undated, and inspect says why.
    table = tmp_path / "export.csv"
    table.write_text("标题,正文,发布时间\n光伏并网,光伏电站并网发电。,45356\n", "utf-8")
    code, out, _ = run(capsys, "inspect", str(table))
    assert code == 0 and "  published  -  [none: '45356' is no date]" in out
    code, out, _ = run(capsys, "inspect", str(table), "--json")
    record = json.loads(out)
    assert (record["published"], record["date_from"], record["unread_date"]) == (
        None,
        "none",
        "45356",
    )


def test_category_from_overrides(
    corpus: tuple[Path, list[Expected]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = corpus
    site = root / "www.jia-energy.example"

    def categories(how: str) -> set[str | None]:
        code, out, _ = run(capsys, "inspect", str(site), "--json", "--category-from", how)
        assert code == 0
        rows = [json.loads(line) for line in out.splitlines()]
        return {r["category"] for r in rows if r["skip"] is None and r["id"] != "j-2"}

    assert categories("none") == {None, "市场"}  # j-1's own field is data: kept
    assert categories("folder") == {"政策", "项目", "技术", "市场"}
    assert categories("page") == {"政策", "项目", "技术", "市场"}  # the breadcrumbs agree
    [j2] = [
        json.loads(x)
        for x in run(capsys, "inspect", str(site), "--json", "--category-from", "page")[
            1
        ].splitlines()
        if '"j-2"' in x
    ]
    assert j2["category"] is None  # a JSON Lines record has no breadcrumb


def test_a_source_roots_own_folder_is_never_a_category(tmp_path: Path) -> None:
    folder = tmp_path / "mycorpus"
    folder.mkdir()
    (folder / "1.txt").write_text("标题一行\n正文第一段，内容在此。", "utf-8")
    [record] = read_sources([folder])
    assert isinstance(record, Record) and record.category is None


def test_the_seed_page_reads_exactly_as_before() -> None:
    if not SEED.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SEED} is missing")
        pytest.skip(f"{SEED} is absent: the first user's page is only on the project machine")
    [page] = read_sources([SEED])
    assert isinstance(page, Record)
    # Digests of the values the page gave before pages from any site were read (its text is
    # the user's and stays out of the repository).
    digest = hashlib.sha256(page.body.encode("utf-8")).hexdigest()
    assert digest == "365f99d64a8c9d85c84bf1aaed30c6ba3b5ab6a73dca6cfffe583eaba115bf8f"
    title = hashlib.sha256(page.title.encode("utf-8")).hexdigest()
    assert title == hashlib.sha256(SEED.read_text("utf-8").splitlines()[3].encode()).hexdigest()
    assert (page.published.isoformat() if page.published else None) == "2020-01-09"
    assert (page.category, page.id, page.url) == (None, "energy-news-page.txt", None)
    assert page.source is not None and page.source.endswith("网")


# ---- the template ---------------------------------------------------------------------------

_LINE = st.text(alphabet="甲乙丙丁上一篇：编辑|»政策项目 ", min_size=1, max_size=12).map(str.strip)
_PAGES = st.lists(st.lists(_LINE.filter(bool), min_size=1, max_size=15), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(_PAGES)
def test_template_never_drops_a_line_found_on_one_page_only(pages: list[list[str]]) -> None:
    template = SiteTemplate.learn(pages)
    on_pages: dict[str, int] = {}
    labels: dict[str, int] = {}
    for page in pages:
        for line in set(page):
            on_pages[line] = on_pages.get(line, 0) + 1
        for label in {label_of(line) for line in page} - {None}:
            labels[label] = labels.get(label, 0) + 1  # type: ignore[index]
    for line, count in on_pages.items():
        label = label_of(line)
        if count == 1 and (label is None or labels[label] == 1):
            assert template.rule(line) is None, line


def test_template_learns_chrome_and_varying_tails() -> None:
    pages = [
        ["甲能源网", f"标题{n}", f"正文{n}，内容。", f"上一篇：标题{n - 1}", "版权所有 甲能源网"]
        for n in range(8)
    ]
    template = SiteTemplate.learn(pages)
    assert template.rule("甲能源网") == "template: on 8 pages"
    assert template.rule("上一篇：任何标题") == "template: '上一篇…' on 8 pages"
    assert template.rule("标题3") is None and template.rule("正文3，内容。") is None


@pytest.mark.corpus
def test_real_articles_in_every_layout_come_out_whole(tmp_path: Path, sample_path: Path) -> None:
    """Real news text (the shared sample) rendered as HTML and text pages of every layout."""
    from tests.pagesites import LAYOUTS, Article

    rows = [json.loads(line) for line in sample_path.read_text("utf-8").splitlines() if line]
    rows = [r for r in rows if r.get("title") and r.get("body") and r.get("published")][:120]
    articles = [
        Article(
            n=n,
            category=("政策", "项目", "技术")[n % 3],
            topic="",
            place="",
            body_place="",
            title=" ".join(r["title"].split()),
            paragraphs=[p for p in r["body"].split("\n") if p.strip()],
            date=tuple(int(x) for x in r["published"].split("-")),  # type: ignore[arg-type]
            time="09:30",
            source=None,
            author="王某",
            editor="李某",
        )
        for n, r in enumerate(rows)
    ]
    for i, article in enumerate(articles):
        layout = LAYOUTS[i % len(LAYOUTS)]
        others = [articles[(i + k) % len(articles)] for k in range(1, 6)]
        folder = tmp_path / layout.folder / article.category
        folder.mkdir(parents=True, exist_ok=True)
        html = i % 12 >= 6
        render = layout.html if html else layout.text
        suffix = layout.html_suffix if html else ".txt"
        data = render(article, others).encode(layout.html_encoding if html else "utf-8")
        (folder / f"{i:04d}{suffix}").write_bytes(data)
    got = {
        int(Path(item.id).name.split(".")[0]): item
        for item in read_sources([tmp_path])
        if isinstance(item, Record)
    }
    wrong = [
        (i, a.title, got[i].title if i in got else None)
        for i, a in enumerate(articles)
        if i not in got
        or got[i].title != clean_title(a.title)
        or got[i].published is None
        or got[i].published.timetuple()[:3] != a.date
        or got[i].category != a.category
    ]
    assert wrong == [], "\n".join(map(str, wrong))


def test_the_first_sites_pages_in_category_folders_take_the_folder(tmp_path: Path) -> None:
    demo = ROOT / "data" / "demo" / "pages"
    for name, category in (("page-01.txt", "政策"), ("page-02.txt", "项目")):
        folder = tmp_path / "mycorpus" / category
        folder.mkdir(parents=True)
        (folder / name).write_bytes((demo / name).read_bytes())
    pages = {r.id: r for r in read_sources([tmp_path / "mycorpus"]) if isinstance(r, Record)}
    assert {i: r.category for i, r in pages.items()} == {
        "政策/page-01.txt": "政策",
        "项目/page-02.txt": "项目",
    }
    [alone] = read_sources([demo / "page-01.txt"])
    assert isinstance(alone, Record)
    assert alone.title == pages["政策/page-01.txt"].title  # the same page, wherever it is
    assert alone.body == pages["政策/page-01.txt"].body


def test_a_source_that_names_no_one_gives_way_to_the_sites_name(tmp_path: Path) -> None:
    page = tmp_path / "1.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>某县风电项目开工_壬能源在线</title></head>"
        "<body><div class='nav'>首页 | 行业资讯 | 政策法规</div><h2>某县风电项目开工</h2>"
        "<div class='info'>时间:2023-05-12 09:30 来源:本站 作者:admin</div>"
        "<div class='content'><p>某县风电项目今天开工，总装机容量十万千瓦，预计明年建成投产。</p>"
        "</div></body></html>",
        "utf-8",
    )
    [record] = read_sources([page])
    assert isinstance(record, Record)
    assert (record.title, record.source) == ("某县风电项目开工", "壬能源在线")
    assert record.published is not None and record.published.isoformat() == "2023-05-12"


def test_a_saved_text_pages_link_line_gives_its_url_and_date(tmp_path: Path) -> None:
    page = tmp_path / "saved.txt"
    page.write_text(
        "某能源网\n首页 | 新闻 | 政策\n某市储能电站投运\n"
        "某市储能电站今日正式投运，总规模二十万千瓦时，可满足调峰需要。\n"
        "原文链接：https://www.x.example/a/t20230512_1.html\n版权所有 某能源网\n",
        "utf-8",
    )
    [record] = read_sources([page])
    assert isinstance(record, Record)
    assert record.url == "https://www.x.example/a/t20230512_1.html"
    assert record.published is not None and record.published.isoformat() == "2023-05-12"
    assert record.body == "某市储能电站今日正式投运，总规模二十万千瓦时，可满足调峰需要。"


@pytest.mark.parametrize(
    ("name", "is_category"),
    [
        ("政策", True),
        ("行业动态", True),
        ("sports", True),
        ("mycorpus", True),  # a plain word: a category when it is below the source root
        ("pages", False),
        ("www.jia-energy.example", False),
        ("甲能源网", False),
        ("2023", False),
        ("2023-11", False),
        ("site_a", False),
        ("crawl-2023-11", False),
        ("新闻", False),
    ],
)
def test_which_folders_name_a_category(name: str, is_category: bool) -> None:
    from xinwen.index.sources.categories import names_category

    assert names_category(name) is is_category


def test_a_byline_under_the_article_and_a_date_line_are_read(tmp_path: Path) -> None:
    site = tmp_path / "corpus" / "ziwu.example" / "政策"
    site.mkdir(parents=True)
    tails = {
        "1.txt": ("（2019/7/15 9:05:00 来源：某省发展改革委）", "2019-07-15", "某省发展改革委"),
        "2.txt": ("（2020/2/8 9:05:00）", "2020-02-08", "子午能源"),
        "3.txt": ("本页面内容更新于去年。", None, "子午能源"),  # a sentence: no date
    }
    for n, (name, (tail, _, _)) in enumerate(tails.items()):
        site.joinpath(name).write_text(
            f"子午能源\n首页 » 资讯 » 政策\n【专题】\n某地第{n}个储能示范项目签约\n"
            f"记者获悉，某地第{n}个储能示范项目日前签约，总投资约十亿元，将于年内开工。\n"
            f"{tail}\n子午能源 © 2024\n",
            "utf-8",
        )
    got = {Path(r.id).name: r for r in read_sources([tmp_path / "corpus"]) if isinstance(r, Record)}
    for name, (tail, published, source) in tails.items():
        record = got[name]
        assert (record.published.isoformat() if record.published else None) == published
        assert record.source == source
        assert (tail in record.body) is (published is None)  # a byline is not article text
        assert "【专题】" not in record.body and "©" not in record.body
