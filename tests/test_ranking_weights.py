"""The balance of BM25F's fields: how much a word in the title counts against the same word
said again and again in the body. Ranks two articles of our own text on a real index."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import article, build_index, write_jsonl
from xinwen.search import Searcher, SearchRequest

# Articles that match no query here: they give the index a few documents more, as a corpus has.
_OTHERS = [
    article(10 + i, title=f"简讯{i}", body=f"今天天气晴朗，气温{i}度。市民出行顺利。")
    for i in range(8)
]

# A long report of a motor show: hydrogen cars are one item of its title and one sentence of
# its text.
_SHOW_TITLE = "国际车展开幕 三百多款新车亮相 新能源车成为主角 氢能汽车受到观众关注"
_SHOW = (
    "车展今天在会展中心开幕，参展的整车企业有一百多家，展出的新车有三百多款，其中新能源车占了"
    "一半以上。氢能车也有展出。观众说，今年的车展人比往年多，不少人是带着孩子来的，排队试驾的"
    "人很多。车展将持续十天，主办方还安排了论坛和发布会。展馆外的停车场也坐满了车，"
    "地铁站增开了临时出口，志愿者在路口为观众指路。不少企业把新车的发布会放在了车展的"
    "第一天，媒体区里座无虚席。"
)
# An article about hydrogen buses from its first line to its last, whose title does not say so.
_BUSES = (
    "市里的公交车队今年换上了一批新车，跑在三条线路上。氢能公交车加一次氢，能跑四百公里，"
    "司机说车开起来很安静。车队还在站里建了加氢设施，氢能车辆每天晚上回站加注。市民说，"
    "坐氢能公交没有尾气味。明年，车队还要再添一批氢能车。"
)


def test_an_article_about_the_word_throughout_ranks_above_a_title_that_names_it_in_passing(
    tmp_path: Path,
) -> None:
    # With the title weighted 2 (the weight before the cross-validated search of the ranking's
    # constants), the motor show's one title mention outweighed four mentions in a text about
    # nothing else; at 1.34 the article about hydrogen buses comes first.
    rows = [
        article(1, title=_SHOW_TITLE, body=_SHOW),
        article(2, title="城市公交换新车", body=_BUSES),
        *_OTHERS,
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    hits = searcher.search(SearchRequest(q="氢能")).hits
    assert [hit.id for hit in hits] == ["t-2", "t-1"]
