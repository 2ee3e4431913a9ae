"""Story groups: near-duplicate clusters computed while indexing, pages of groups at query time.

A generated corpus (our own text: random characters, so unrelated stories share no 4-grams)
holds 60 stories, each reposted 1–4 times with small edits; the copies are shuffled through
the input. Every page of every order must show each story exactly once.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.helpers import build_index, one, page, text_of, write_jsonl
from xinwen.index.clusters import Clusters
from xinwen.index.store import IndexStore
from xinwen.search import Searcher, SearchRequest, SortOrder
from xinwen.webui import create_app

STORIES = 60
CHARS = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def _edit(text: str, rng: random.Random, n: int = 4) -> str:
    chars = list(text)
    for _ in range(n):
        chars[rng.randrange(len(chars))] = rng.choice(CHARS)
    return "".join(chars)


def _copy(story: int, copy: int, title: str, body: str, rng: random.Random) -> dict:
    return {
        "id": f"s{story:03d}-{copy}",
        "title": _edit(title, rng, 1) if copy else title,
        # "zeta" a different number of times per story: the stories rank apart.
        "body": ("zeta " * (1 + story % 7)) + (_edit(body, rng) if copy else body),
        "category": "甲" if copy % 2 == 0 else "乙",
        "source": f"来源{copy}",
        "published": f"20{20 + (story + copy) % 4}-{1 + (story * 7 + copy) % 12:02d}-"
        f"{1 + (story * 3 + copy * 5) % 28:02d}",
    }


def generated_corpus(seed: int = 7) -> list[dict]:
    """60 stories with 1, 2, 3 or 4 copies each (150 articles), in shuffled order."""
    rng = random.Random(seed)
    rows = []
    for story in range(STORIES):
        title = "".join(rng.choices(CHARS, k=14))
        body = "".join(rng.choices(CHARS, k=300))
        rows += [_copy(story, c, title, body, rng) for c in range(1 + story % 4)]
    rng.shuffle(rows)
    return rows


def story_of(doc_id: str) -> str:
    return doc_id.split("-")[0]


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return generated_corpus()


@pytest.fixture(scope="module")
def groups_index(tmp_path_factory: pytest.TempPathFactory, corpus: list[dict]) -> Path:
    src = write_jsonl(tmp_path_factory.mktemp("groups-src") / "stories.jsonl", corpus)
    return build_index(tmp_path_factory.mktemp("groups-index"), src)


def _members(rows: list[dict], keep=lambda row: True) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in rows:
        if keep(row):
            out.setdefault(story_of(row["id"]), set()).add(row["id"])
    return out


def _all_pages(searcher: Searcher, **request: object) -> list:
    first = searcher.search(SearchRequest(page_size=7, **request))
    hits = []
    for n in range(1, first.pages + 1):
        result = searcher.search(SearchRequest(page=n, page_size=7, **request))
        assert (result.total, result.groups) == (first.total, first.groups)
        assert result.hits, f"page {n} of {first.pages} is empty"
        hits += result.hits
    beyond = searcher.search(SearchRequest(page=first.pages + 1, page_size=7, **request))
    assert beyond.hits == ()
    return [first, hits]


@pytest.mark.parametrize(
    ("request_args", "keep"),
    [
        ({"q": "zeta"}, lambda row: True),
        ({"q": "", "sort": SortOrder.DATE}, lambda row: True),
        ({"q": "zeta", "sort": SortOrder.DATE}, lambda row: True),
        ({"q": "zeta", "categories": ("乙",)}, lambda row: row["category"] == "乙"),
    ],
)
def test_pages_of_groups_show_every_group_once_in_rank_order(
    groups_index: Path, corpus: list[dict], request_args: dict, keep
) -> None:
    searcher = Searcher(groups_index)
    expected = _members(corpus, keep)
    first, hits = _all_pages(searcher, **request_args)
    assert first.total == sum(map(len, expected.values()))
    assert first.groups == len(expected) == len(hits)
    # Each group once, with exactly the members the result holds.
    assert sorted(story_of(h.id) for h in hits) == sorted(expected)
    for hit in hits:
        assert {hit.id, *hit.similar_ids} == expected[story_of(hit.id)]
        assert hit.similar == len(hit.similar_ids)
    # In rank order: by score, or by date with each group shown by its newest member.
    dates = {row["id"]: row["published"] for row in corpus}
    if request_args.get("sort") is SortOrder.DATE:
        shown = [dates[h.id] for h in hits]
        assert shown == sorted(shown, reverse=True)
        for hit in hits:
            assert all(dates[hit.id] >= dates[other] for other in hit.similar_ids)
    else:
        scores = [h.score for h in hits]
        assert scores == sorted(scores, reverse=True)
    # One page holding everything shows the same groups in the same order.
    whole = searcher.search(SearchRequest(page_size=100, **request_args))
    assert [h.id for h in whole.hits] == [h.id for h in hits]


def test_the_last_page_is_full_of_groups_not_empty(groups_index: Path) -> None:
    result = Searcher(groups_index).search(SearchRequest(q="zeta", page=9, page_size=7))
    # 60 groups of 150 articles: page 9 holds groups 57-60.
    assert (result.total, result.groups, result.pages) == (150, 60, 9)
    assert len(result.hits) == 4


def _reindex(root: Path, *sources: Path, **options: object) -> None:
    build_index(root, *sources, incremental=True, **options)


def _group_of(searcher: Searcher, doc_id: str) -> set[str]:
    for hit in searcher.search(SearchRequest(q="zeta", page_size=100)).hits:
        if doc_id in {hit.id, *hit.similar_ids}:
            return {hit.id, *hit.similar_ids}
    raise AssertionError(f"{doc_id} not found")


def _seeds_are_live(root: Path) -> None:
    gen = IndexStore(root).current()
    clusters = Clusters.load(gen.path)
    assert clusters is not None
    _gen, ix = IndexStore(root).open_current()
    with ix.searcher() as s:
        live = {s.stored_fields(d)["id"] for d in s.reader().all_doc_ids()}
    assert set(clusters.seeds().values()) <= live


def _indexed(tmp_path: Path, corpus: list[dict]) -> tuple[Path, Path]:
    """The corpus written to a source folder (``a.jsonl``) and fully indexed: (folder, root)."""
    src = tmp_path / "src"
    src.mkdir()
    write_jsonl(src / "a.jsonl", corpus)
    return src, build_index(tmp_path / "ix", src)


def test_an_incremental_run_puts_a_near_duplicate_into_its_group(
    tmp_path: Path, corpus: list[dict]
) -> None:
    src, root = _indexed(tmp_path, corpus)
    original = next(r for r in corpus if r["id"] == "s013-0")  # story 13 has 2 copies
    rng = random.Random(1)
    repost = {**original, "id": "late-repost", "body": _edit(original["body"], rng)}
    fresh = "zeta " + "".join(rng.choices(CHARS, k=300))
    unrelated = {**original, "id": "late-other", "body": fresh}
    unrelated["title"] = "".join(rng.choices(CHARS, k=14))
    write_jsonl(src / "b.jsonl", [repost, unrelated])
    _reindex(root, src)
    searcher = Searcher(root)
    assert _group_of(searcher, "late-repost") == {"s013-0", "s013-1", "late-repost"}
    assert _group_of(searcher, "late-other") == {"late-other"}
    result = searcher.search(SearchRequest(q="zeta"))
    assert (result.total, result.groups) == (152, 61)


def test_deleting_a_groups_first_article_keeps_the_rest_grouped(
    tmp_path: Path, corpus: list[dict]
) -> None:
    src, root = _indexed(tmp_path, corpus)
    # Story 15 has 4 copies; the one first in the input started (seeds) its cluster.
    story = [r for r in corpus if story_of(r["id"]) == "s015"]
    seed = story[0]
    assert seed["id"] in Clusters.load(IndexStore(root).current().path).seeds().values()
    write_jsonl(src / "a.jsonl", [r for r in corpus if r["id"] != seed["id"]])
    _reindex(root, src, prune=True)
    searcher = Searcher(root)
    rest = {r["id"] for r in story[1:]}
    assert _group_of(searcher, story[1]["id"]) == rest
    _seeds_are_live(root)
    # The group still takes new reposts of the story (through its new seed).
    repost = {**seed, "id": "late-repost", "body": _edit(seed["body"], random.Random(2))}
    write_jsonl(src / "b.jsonl", [repost])
    _reindex(root, src, prune=True)
    assert _group_of(Searcher(root), "late-repost") == rest | {"late-repost"}
    _seeds_are_live(root)


def test_a_lost_clusters_file_is_rebuilt_from_the_index(tmp_path: Path, corpus: list[dict]) -> None:
    src, root = _indexed(tmp_path, corpus)
    gen = IndexStore(root).current()
    (gen.path / "xinwen-clusters.npz").unlink()
    original = next(r for r in corpus if r["id"] == "s022-0")
    repost = {**original, "id": "late-repost", "body": _edit(original["body"], random.Random(3))}
    write_jsonl(src / "b.jsonl", [repost])
    _reindex(root, src)
    assert "late-repost" in _group_of(Searcher(root), "s022-0")


def test_api_reports_groups_and_similar_ids(groups_index: Path, corpus: list[dict]) -> None:
    client = create_app({"INDEX_ROOT": groups_index, "TESTING": True}).test_client()
    data = client.get("/api/search?q=zeta&size=7&page=9").get_json()
    assert (data["total"], data["groups"], data["page"]) == (150, 60, 9)
    assert len(data["hits"]) == 4
    members = _members(corpus)
    for hit in client.get("/api/search?q=zeta&size=100").get_json()["hits"]:
        assert hit["similar"] == len(hit["similar_ids"])
        assert {hit["id"], *hit["similar_ids"]} == members[story_of(hit["id"])]


def test_the_page_opens_a_group_and_the_article_lists_its_group(groups_index: Path) -> None:
    client = create_app({"INDEX_ROOT": groups_index, "TESTING": True}).test_client()
    doc = page(client, "/search?q=zeta&size=100")
    assert text_of(one(doc, "h1.summary")).startswith("找到 150 篇，60 组")
    hit = next(h for h in doc.cssselect("li.hit") if h.cssselect("details.similar"))
    summary = text_of(one(hit, "details.similar summary"))
    links = [a.get("href") for a in hit.cssselect("details.similar li a")]
    assert summary == f"{len(links)} 篇相似文章"
    article = page(client, links[0])
    group = [a.get("href").split("?")[0] for a in article.cssselect("section.group li a")]
    own = one(hit, "h2.hit-title a").get("href").split("?")[0]
    assert own in group and len(group) == len(links)
    data = client.get(own.replace("/article/", "/api/article/")).get_json()
    assert data["group_size"] == len(links) + 1
    assert json.dumps(data["group"])  # JSON all the way down


def test_one_template_telling_other_stories_is_not_one_group(tmp_path: Path) -> None:
    # A new book each time, a new year's address each year: the same words around another
    # name or number, which the headline carries. They were one group ("+ 24 similar"); a
    # repost, whose headline keeps the name, still joins its story.
    shared = (
        "单行本，已由人民出版社出版，即日起在全国新华书店发行。这篇重要文献深刻阐述了新时代"
        "的一系列重大理论和实践问题，对于统一思想、凝聚共识具有重要指导意义。各级党组织要"
        "认真组织学习，把学习成果转化为推动工作的实际行动，确保各项部署落到实处。"
    )
    books = ["在青年座谈会上的讲话", "在企业家座谈会上的讲话", "在教育大会上的讲话"]
    rows = [
        {"id": f"b{n}", "title": f"《{book}》单行本出版", "body": f"《{book}》{shared}"}
        for n, book in enumerate(books)
    ]
    rows.append(
        {"id": "b0-repost", "title": rows[0]["title"], "body": rows[0]["body"] + "来源：本报"}
    )
    rows += [
        {
            "id": f"y{year}",
            "title": f"国家主席将发表{year}年新年贺词",
            "body": f"{year}年新年前夕，国家主席将发表新年贺词。中央广播电视总台将于"
            "12月31日晚播出。中国国际电视台各外语频道将同步播出，各地新闻网站同时转载。",
        }
        for year in ("二〇二〇", "二〇二一", "二〇二二")
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    books_found = searcher.search(SearchRequest(q="单行本出版"))
    assert (books_found.total, books_found.groups) == (4, 3)
    assert {h.id: h.similar_ids for h in books_found.hits}["b0"] == ("b0-repost",)
    years = searcher.search(SearchRequest(q="新年贺词"))
    assert (years.total, years.groups) == (3, 3)


def test_daily_reports_of_one_template_are_not_one_group(tmp_path: Path) -> None:
    # The daily bulletin keeps its headline and its sentences and changes its figures: each
    # day's was folded under the next day's (and last year's), so newest first a day went
    # missing. A repost keeps the figures and still joins its day.
    def bulletin(day: int, cases: int) -> dict:
        return {
            "id": f"d{day}",
            "title": "卫生部门通报最新疫情",
            "body": f"12月{day}日0—24时，31个省（自治区、直辖市）报告新增确诊病例{cases}例，"
            f"其中境外输入病例{cases // 7}例，本土病例{cases - cases // 7}例。"
            f"当日新增治愈出院病例{cases * 2 + 3}例，解除医学观察的密切接触者{cases * 9 + 1}人，"
            "重症病例较前一日有所变化。各地继续做好疫情防控工作，加强重点人群健康监测。",
            "published": f"2022-12-{day:02d}",
        }

    rows = [bulletin(day, 1500 + day * 37) for day in range(14, 19)]
    rows.append({**rows[0], "id": "d14-repost", "body": rows[0]["body"] + "来源：本报"})
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    found = searcher.search(SearchRequest(q="最新疫情", sort=SortOrder.DATE))
    assert (found.total, found.groups) == (6, 5)
    assert [h.id for h in found.hits][:4] == ["d18", "d17", "d16", "d15"]
    assert {found.hits[-1].id, *found.hits[-1].similar_ids} == {"d14", "d14-repost"}
