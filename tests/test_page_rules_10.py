"""Rules for page reading found on the tenth round (set 11 of the unseen layouts,
`tests/fixtures/blind-sites-11`, opened this round, and pages saved as text: a browser's
"save as text", a copy and paste, ``lynx -dump``, a reader mode's copy), written as the general
forms those pages print things in. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one
from xinwen.index.records import Record
from xinwen.index.sources import read_sources


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def _records(root: Path) -> dict[str, Record]:
    return {Path(r.origin.path).name: r for r in read_sources([root]) if isinstance(r, Record)}


@pytest.mark.parametrize("count", ["阅读 --", "浏览量：--", "阅读 …", "阅读量：加载中"])
def test_a_count_the_script_had_not_filled_in_is_no_headline(tmp_path: Path, count: str) -> None:
    # An app's page saved as text before its script filled in the reads: the count's line
    # under the headline is neither the headline nor the text.
    page = (
        f"南溪圈\n首页\n政策\n项目\n登录\n项目\n南溪首座重卡换电站投入运营\n{count}\n"
        f"{PROSE}\n{MORE}\n点赞\n收藏\n分享\n© 2019-2024 南溪圈\n"
    )
    rec = read_one(_write(tmp_path / "article-1.txt", page))
    assert rec.title == "南溪首座重卡换电站投入运营"
    assert rec.body == f"{PROSE}\n{MORE}"


def _company_page(n: int, credit: str) -> str:
    return (
        '<html><head><meta charset="utf-8">'
        f"<title>南溪核电第{n}号通讯-新闻中心-南溪核电有限公司</title></head><body>"
        '<header><a href="/"><img src="/logo.svg" alt="南溪核电有限公司"></a>'
        '<nav><a href="/">首页</a><a href="/news/">新闻中心</a></nav></header>'
        f"<main><h2>南溪核电第{n}号通讯</h2><div class='meta'>发布日期：2024-07-0{n}"
        f"{credit}</div><div class='body'><p>第{n}期：{PROSE}</p><p>{MORE}</p></div></main>"
        "<footer><p>版权所有 © 南溪核电有限公司</p></footer></body></html>"
    )


def test_a_companys_page_without_a_credit_is_by_the_short_name_its_pages_credit(
    tmp_path: Path,
) -> None:
    # A company's site (南溪核电有限公司 in every <title>) credits its own news 来源：南溪核电;
    # the page that gives no credit is the company's all the same, under the same name.
    for n, credit in enumerate(["　来源：南溪核电", "　来源：能源观察周刊", ""], start=1):
        _write(tmp_path / "lanxi" / f"news_{n}.shtml", _company_page(n, credit))
    sources = {name: r.source for name, r in _records(tmp_path).items()}
    assert sources == {
        "news_1.shtml": "南溪核电",
        "news_2.shtml": "能源观察周刊",
        "news_3.shtml": "南溪核电",
    }


def test_a_companys_site_that_credits_no_short_name_keeps_its_full_name(tmp_path: Path) -> None:
    for n in (1, 2):
        _write(tmp_path / "lanxi" / f"news_{n}.shtml", _company_page(n, ""))
    assert {r.source for r in _records(tmp_path).values()} == {"南溪核电有限公司"}
