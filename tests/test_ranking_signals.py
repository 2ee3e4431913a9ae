"""Ranking signals read off an article's text: its separate stories (roundups), a typed
string that stands verbatim, and a query typed as one string that jieba cuts unsurely. Each
test ranks a few articles of our own text on a real index."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import article, build_index, write_jsonl
from xinwen.search import Searcher, SearchRequest
from xinwen.search.stories import stories

# Articles that match no query here: they give the index a few documents more, as a corpus has.
_OTHERS = [
    article(10 + i, title=f"简讯{i}", body=f"今天天气晴朗，气温{i}度。市民出行顺利。")
    for i in range(8)
]
ROUNDUP_START = "央视网消息（新闻联播）：\n"


def _ranked(tmp_path: Path, rows: list[dict], q: str) -> list[str]:
    src = write_jsonl(tmp_path / "a.jsonl", [*rows, *_OTHERS])
    searcher = Searcher(build_index(tmp_path / "ix", src))
    return [hit.id for hit in searcher.search(SearchRequest(q=q)).hits]


def test_a_roundup_is_cut_at_its_item_headlines() -> None:
    body = (
        ROUNDUP_START + "多地企业扩大产能\n今年以来，多地企业扩大产能。\n"
        "沿海港口吞吐量增长\n前三季度，沿海港口吞吐量稳步增长。\n此外，集装箱数量增加。"
    )
    assert stories(body) == [
        ROUNDUP_START.rstrip("\n"),
        "多地企业扩大产能\n今年以来，多地企业扩大产能。",
        "沿海港口吞吐量增长\n前三季度，沿海港口吞吐量稳步增长。\n此外，集装箱数量增加。",
    ]


def test_an_article_of_plain_paragraphs_is_one_story() -> None:
    one_heading = "园区新闻\n园区里的企业今年新建了两条生产线。\n订单已经排到明年。"
    sentences = "他说：\n“今年的订单比去年多。”\n企业还要再建一座厂房，明年投产。"
    for body in (one_heading, sentences, "一段话，没有换行。"):
        assert stories(body) == [body]


def test_a_roundup_with_the_words_in_different_stories_ranks_below_the_article_about_them(
    tmp_path: Path,
) -> None:
    # The roundup has 光伏 in one item and 出口 in another: it scores higher on the words
    # alone (a shorter text), but only the article is about solar exports.
    roundup = (
        ROUNDUP_START + "多地企业扩大产能\n"
        "今年以来，多地光伏企业扩大产能，新建多条生产线，组件产量稳步增长。\n"
        "沿海港口吞吐量增长\n前三季度，沿海港口吞吐量稳步增长，出口集装箱数量明显增加。"
    )
    about = (
        "园区里的光伏企业今年新建了两条生产线，产品质量稳步提升，订单已经排到明年，工人们加班"
        "加点生产，车间里一片繁忙景象。企业负责人说，今年的订单比去年多了三成，新产品很受欢迎，"
        "研发团队也在不断扩大，明年还要再建一座新厂房。今年，这家企业的产品还出口到了多个国家。"
    )
    rows = [
        article(1, title="国内联播快讯", body=roundup),
        article(2, title="园区见闻", body=about),
    ]
    assert _ranked(tmp_path, rows, "光伏 出口") == ["t-2", "t-1"]


def test_a_roundup_item_whose_headline_holds_the_words_counts_as_a_lead(tmp_path: Path) -> None:
    # The item about hydrogen buses is the roundup's second: its headline is its lead, as an
    # article's title and first lines are. The other article has the words only further on.
    roundup = (
        ROUNDUP_START + "秋粮收购进展顺利\n"
        "各地秋粮收购工作有序推进，粮食企业提前准备仓容，开设收购网点，方便农民就近售粮，"
        "收购价格保持稳定，农民种粮收益有保障，今年秋粮丰收已成定局。粮食部门还加强了市场"
        "监测，及时发布价格信息，引导农民错峰售粮，避免集中上市造成压价。\n"
        "首批氢能大巴开进城市公交\n今天，首批氢能大巴在市区公交线路投入运营。"
    )
    passing = (
        "市里新开通的公交线路方便了市民出行，沿线居民说，过去进城要换乘两次，现在一趟车就能"
        "到。线路上运行的车辆大多是新能源车，其中有几辆氢能车。"
    )
    rows = [
        article(1, title="国内联播快讯", body=roundup),
        article(2, title="城市交通见闻", body=passing),
    ]
    assert _ranked(tmp_path, rows, "氢能 公交") == ["t-1", "t-2"]


def test_the_typed_string_verbatim_ranks_above_its_words_apart(tmp_path: Path) -> None:
    # 春天的故事 is cut into 春天 + 故事 (的 is a stop word): the song's title stands verbatim
    # in one article; the other has both words, more often, in other senses. (Fewer than a
    # page's worth hold it as typed: the words apart still follow.)
    rows = [
        article(
            1, title="文艺晚会", body="晚会上，合唱团演唱了歌曲《春天的故事》，台下观众跟着一起唱。"
        ),
        article(
            2,
            title="乡村见闻",
            body="春天来了，村里的老人在田边给孩子们讲故事，讲村子这些年的变化。"
            "春天的田野上，故事一个接一个。",
        ),
    ]
    assert _ranked(tmp_path, rows, "春天的故事") == ["t-1", "t-2"]


def test_a_query_typed_as_one_string_ranks_it_verbatim_above_its_pieces_apart(
    tmp_path: Path,
) -> None:
    # jieba cuts 社区服务大平台 into 社区服务 + 大 + 平台 (a one-character piece: its cut is
    # unsure). One long article names the platform once, late; short articles repeat its
    # pieces in other senses and score far higher on the words alone, more than the phrase
    # bonus makes up: the one that has the string as typed is what the reader meant.
    named = (
        "街道今年把养老、托育、就业和文化活动的办理窗口集中到一处，居民办事不用再跑几个地方。"
        "工作人员说，过去一件事要跑三趟，现在一趟就能办完，群众满意度明显提高。"
        "街道还组织志愿者上门，帮助行动不便的老人办理各项手续，很受欢迎。"
        "下一步，街道还将把这些窗口的事项搬到网上，建成社区服务大平台，让居民在家就能办事。"
    )
    apart = [
        article(
            2 + i,
            title=f"平台建设{i}",
            body=f"平台上线后，社区服务有了新变化。这座城市的变化很大。平台运行平稳，"
            f"社区服务人员说，平台让工作更方便。第{i}期社区服务培训班也已开班。",
        )
        for i in range(4)
    ]
    rows = [article(1, title="街道便民", body=named), *apart]
    assert _ranked(tmp_path, rows, "社区服务大平台")[0] == "t-1"


def test_a_string_jieba_cuts_into_dictionary_words_is_not_put_first_verbatim(
    tmp_path: Path,
) -> None:
    # 农村电网改造 is cut into 农村 + 电网 + 改造, words jieba knows: an article about rural grid
    # upgrades in other words (农村电网 … 改造升级) is about the topic, and ranks above one that
    # names the string once in a list of tasks.
    about = (
        "今年，县里的农村电网完成新一轮改造升级，新建和改造线路三百多公里，农村电网的供电能力"
        "明显提高。村民说，改造以后电压稳了，家里的电器也敢用了，农村电网的故障也少了很多。"
    )
    listed = (
        "会议部署了下半年的重点工作：推进城市道路建设，做好学校和医院项目，加快农村电网改造，"
        "抓好防汛和安全生产，保障群众生活。会议还研究了其他事项，要求各部门抓好落实，"
        "按时完成全年目标任务，确保经济平稳运行。"
    )
    rows = [article(1, title="电压稳了", body=about), article(2, title="政府常务会议", body=listed)]
    assert _ranked(tmp_path, rows, "农村电网改造") == ["t-1", "t-2"]


def test_an_unknown_word_whose_characters_are_everywhere_is_found_beside_the_other_words(
    tmp_path: Path, monkeypatch
) -> None:
    # 国补 is not a word jieba knows, and in the one article that has 国补家电 jieba cuts
    # 类国补 + 家电: the article holds 国补 only as characters side by side. Both characters
    # stand in more articles than a query may check position by position (the limit is
    # lowered here so that a few articles of our own exceed it), but only one of them also
    # holds 家电: that one is checked and found, and ranked first.
    from xinwen.search import engine

    monkeypatch.setattr(engine, "CHAR_CHECK_LIMIT", 3)
    target = article(
        1, title="网上零售增长", body="数字产品、15类国补家电和数码产品的销售分别增长。"
    )
    common = [
        article(
            2 + i,
            title=f"补贴发放{i}",
            body=f"国家补贴第{i}批资金已经发放到位，各地做好补助工作，国内市场运行平稳。",
        )
        for i in range(6)
    ]
    appliances = article(9, title="家电下乡", body="家电下乡活动在多个县举行，家电销售增长。")
    assert _ranked(tmp_path, [target, *common, appliances], "国补家电")[0] == "t-1"
