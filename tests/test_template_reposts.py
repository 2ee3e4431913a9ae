"""A story a site publishes twice (a repost, a wire story used on two pages) keeps its text on
both pages: its paragraphs repeat, but only on the pages that tell it, in a run of prose, so
the site's learned template (`index.template`) does not take them for chrome. A user's folder
of saved pages found it. Our own invented site, read the way ``xinwen reindex`` does.
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import records_by_name, write_page
from xinwen.index.template import SiteTemplate

# The story, told on two pages of the site.
_STORY = [
    "本报讯（通讯员 林晓雨）云溪县新修的环湖步道今天全线贯通，全长十二公里。",
    "上午九点，第一批市民从北岸驿站出发，沿着湖边的木栈道一路走到南岸花海。",
    "步道沿线设置了八个休息点，每个休息点都配有饮水机和应急药箱。",
    "县文旅局表示，今后还将在步道两侧增设夜间照明，方便市民晚上散步。",
]
# Other stories, one on each of the other pages.
_OTHERS = [
    ("云溪县举办秋季农产品展销会", "展销会为期三天，吸引了周边六个乡镇的农户参加。"),
    ("云溪中学新建体育馆投入使用", "体育馆可容纳八百名观众，配有篮球场和羽毛球场。"),
    ("云溪县开展冬季消防检查", "检查组走访了全县的商场和学校，督促整改隐患十余处。"),
]
_HEADER = "云溪晚报网\n首页 | 县内 | 乡镇 | 专题\n"
_FOOTER = (
    "分享到：朋友圈 微博\n本网站所载内容，凡未注明来源的，均为云溪晚报原创，转载请注明出处。\n"
)


def _page(title: str, day: int, paragraphs: list[str]) -> str:
    text = "\n".join(paragraphs)
    return f"{_HEADER}{title}\n发布时间：2024-10-{day:02d} 来源：云溪晚报\n{text}\n{_FOOTER}"


def _site(root: Path, others: int = 3) -> None:
    write_page(root / "1.txt", _page("云溪环湖步道全线贯通", 3, _STORY))
    for n, (title, line) in enumerate(_OTHERS[:others], start=2):
        write_page(root / f"{n}.txt", _page(title, 3 + n, [line, f"{title}，群众反响良好。"]))
    write_page(root / "9.txt", _page("（转载）云溪环湖步道全线贯通", 12, _STORY))


def test_a_story_on_two_pages_of_a_site_keeps_its_paragraphs_on_both(tmp_path: Path) -> None:
    _site(tmp_path / "site")
    records = records_by_name(tmp_path / "site")
    for name in ("1.txt", "9.txt"):
        body = records[name].body
        assert all(paragraph in body for paragraph in _STORY), (name, body)
        # (the site's chrome, on every page, is still dropped)
        assert "首页" not in body and "分享到" not in body and "本网站所载内容" not in body
    assert records["2.txt"].body.startswith(_OTHERS[0][1])


def test_a_small_sites_footer_sentence_on_every_page_is_still_chrome(tmp_path: Path) -> None:
    # Three pages, two of them the same story: the footer's sentence is on all three.
    _site(tmp_path / "site", others=1)
    records = records_by_name(tmp_path / "site")
    assert len(records) == 3
    for record in records.values():
        assert "本网站所载内容" not in record.body, record.body
    assert all(paragraph in records["9.txt"].body for paragraph in _STORY)


def test_the_template_tells_a_reposts_run_of_prose_from_chrome() -> None:
    story = ["甲乙丙丁戊己庚辛壬癸，子丑寅卯辰巳。", "午未申酉戌亥，甲乙丙丁戊己庚辛。"]
    pages = [["某某网", f"标题{n}", f"正文{n}，内容。", "版权所有 某某网"] for n in range(4)]
    pages[0][2:3] = pages[3][2:3] = story
    template = SiteTemplate.learn(pages)
    # A run of prose that two of the four pages print in order: a repost's.
    assert template.rule(story[0]) is None and template.rule(story[1]) is None
    # Short lines on every page, and the same prose on every page, stay chrome.
    assert template.rule("某某网") == "template: on 4 pages"
    every = SiteTemplate.learn([[*page, *story] for page in pages])
    assert every.rule(story[0]) == "template: on 4 pages"
    # A lone prose line on two pages is no run: it stays chrome as before.
    lone = SiteTemplate.learn([["某某网", f"标题{n}", story[0]] for n in range(2)] + pages[1:3])
    assert lone.rule(story[0]) == "template: on 2 pages"
