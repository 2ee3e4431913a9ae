"""Rules for page reading found on the sixteenth round (set 17 of the unseen layouts,
`tests/fixtures/blind-sites-17`, opened this round), written as the general forms behind its
misses. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page


def _page(info: str) -> str:
    body = (
        "<h2>南溪储能电站二期开工建设</h2>"
        f"<div class='newsinfo'>{info}</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
    )
    return (
        '<html><head><meta charset="utf-8"><title>南溪储能电站二期开工建设</title></head>'
        f"<body>{body}</body></html>"
    )


def test_a_department_after_its_companys_name_is_part_of_the_source(tmp_path: Path) -> None:
    # 来源：X公司 党群工作部, the fields set apart by a wide space: one source, not two fields.
    info = "发布时间：2024/5/6 9:30:12 　来源：南溪能源 党群工作部　 点击：12次"
    rec = read_one(write_page(tmp_path / "a.html", _page(info)))
    assert rec.source == "南溪能源 党群工作部"


def test_a_name_after_the_source_that_is_no_department_stays_out(tmp_path: Path) -> None:
    info = "发布时间：2024/5/6 9:30:12 　来源：南溪日报 王一　 点击：12次"
    rec = read_one(write_page(tmp_path / "a.html", _page(info)))
    assert rec.source == "南溪日报"
