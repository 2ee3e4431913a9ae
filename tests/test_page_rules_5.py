"""Rules for page reading found on the fifth round (set 4 of the unseen layouts,
`tests/fixtures/blind-sites-4`, opened this round), written as the general forms Chinese sites
print these things in: a site's name as its markup gives it with additions (its English name,
its columns section), a post's column link, and government documents converted to text (the
issuing organ's header, the document number, a title wrapped over two lines, the 版记's
distribution lines and 印发 date, page numbers). Each is checked on our own small pages, read
the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one
from xinwen.index.bylines import parse_byline
from xinwen.index.furniture import headline_shaped, line_rule
from xinwen.index.sources import read_sources
from xinwen.index.sources.categories import folder_category


def html_page(head: str, *, before: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>充电桩乡镇全覆盖 | 滨江</title>{head}</head>'
        f"<body><h1>充电桩乡镇全覆盖</h1><div class='info'>2023-05-04 10:30</div>{before}"
        f"<div class='article'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )


def test_a_site_name_without_its_english_name_or_columns_section(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    for site in ("滨江时报 Binjiang Times", "滨江专栏"):
        path.write_text(html_page(f'<meta property="og:site_name" content="{site}">'), "utf-8")
        assert read_one(path).source == site.split()[0].removesuffix("专栏"), site
    # an English name alone stays whole
    path.write_text(html_page('<meta property="og:site_name" content="Binjiang Times">'), "utf-8")
    assert read_one(path).source == "Binjiang Times"


def test_a_posts_column_link_is_chrome(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(html_page("", before="<div>来自专栏 充电观察</div>"), "utf-8")
    record = read_one(path)
    assert "来自专栏" not in record.body
    assert PROSE in record.body


def document(
    number: int, *, head: str = "滨江市能源局文件", title: tuple[str, str] | None = None
) -> str:
    """A government document as pdftotext gives it: head, number, a title over two lines,
    addressee, text wrapped short, signature and 成文日期, 版记 and page numbers."""
    first, second = title or ("滨江市能源局关于做好2024年充电设施", "建设工作的通知")
    prose, more = (f"{text}（第{number}批）" for text in (PROSE, MORE))  # (each page's own)
    return (
        f"\n                  {head}\n\n\n                      滨能发〔2024〕{number}号\n\n\n"
        f"        {first}\n            {second}\n\n"
        "各区县能源主管部门，有关企业：\n"
        f"　　{prose[:30]}\n{prose[30:]}\n　　{more}\n\n"
        "                        — 1 —\n\f"
        "                                            滨江市能源局\n"
        "                                            2024年1月10日\n"
        "　　（此件主动公开）\n\n\n"
        "抄送：省能源局，市发展改革委。\n"
        "滨江市能源局办公室                      2024年1月12日印发\n\n"
        "                        — 2 —\n\f"
    )


def test_a_government_document_converted_to_text(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(document(3), "utf-8")
    record = read_one(path)
    # the title wrapped over two lines, joined; the organ's head and the number are not it
    assert record.title == "滨江市能源局关于做好2024年充电设施建设工作的通知"
    # the date it was issued (印发), not the signing's (成文日期) nor one in the text
    assert str(record.published) == "2024-01-12"
    assert record.source == "滨江市能源局"  # the issuing organ its head names
    assert PROSE[:30] in record.body and MORE in record.body.replace("\n", "")
    for chrome in ("— 1 —", "抄送：", "印发", "滨能发〔2024〕3号"):
        assert chrome not in record.body, chrome


def test_a_document_title_over_a_wrapped_line_of_its_text(tmp_path: Path) -> None:
    # (the text's first line, wrapped short, is no headline: a document's title is)
    path = tmp_path / "doc.txt"
    text = document(5, title=("滨江市能源局关于城区充电站项目", "核准的批复"))
    text = text.replace("各区县能源主管部门，有关企业：", "滨江城区充电有限公司：").replace(
        PROSE[:30],
        "你公司《关于城区充电站项目核准的请示》及有关材料\n收悉。经研究，现就该项目核准事项批复如下，请认真执行。",
    )
    path.write_text(text, "utf-8")
    assert read_one(path).title == "滨江市能源局关于城区充电站项目核准的批复"
    # nor is a line broken off at an opening bracket (…的请示》（滨充〔)
    assert not headline_shaped("你公司《关于城区充电站项目核准的请示》（滨充〔")


def test_a_folder_of_one_organs_documents_is_the_organs(tmp_path: Path) -> None:
    for number in range(1, 5):
        (tmp_path / f"{number}.txt").write_text(document(number), "utf-8")
    # an office's document and a draft without a head: the organ the folder's heads name
    (tmp_path / "5.txt").write_text(document(5, head="滨江市能源局办公室文件"), "utf-8")
    draft = f"\n    滨江市充电设施建设实施方案\n      （征求意见稿）\n\n　　{PROSE}\n　　{MORE}\n"
    (tmp_path / "6.txt").write_text(draft, "utf-8")
    records = {Path(r.origin.path).name: r for r in read_sources([tmp_path])}
    assert {r.source for r in records.values()} == {"滨江市能源局"}
    # a draft's mark under its title is not the title
    assert records["6.txt"].title == "滨江市充电设施建设实施方案"


def test_a_generic_word_beside_one_section_is_a_section(tmp_path: Path) -> None:
    # a small site's two sections, 资讯 and 深度
    for name in ("资讯", "深度"):
        (tmp_path / "site" / name).mkdir(parents=True)
    root = str(tmp_path / "site")
    assert folder_category(str(tmp_path / "site" / "资讯" / "a.html"), root) == "资讯"
    # a name shaped like a site's beside one folder is still a site's
    for name in ("滨江网", "政策"):
        (tmp_path / "sites" / name).mkdir(parents=True)
    root = str(tmp_path / "sites")
    assert folder_category(str(tmp_path / "sites" / "滨江网" / "a.html"), root) is None


def test_a_title_of_the_sites_name_and_slogan_leaves_the_headline_to_the_h1(
    tmp_path: Path,
) -> None:
    # a single-page app's <title> is the same on every page: the site's name and slogan
    path = tmp_path / "a.html"
    path.write_text(
        html_page("").replace("充电桩乡镇全覆盖 | 滨江", "滨江能源 - 专业充电资讯平台"), "utf-8"
    )
    assert read_one(path).title == "充电桩乡镇全覆盖"


def test_a_single_page_apps_state_dates_the_page(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    for value, want in (
        ("1700812800000", "2023-11-24"),  # milliseconds since 1970 (a JavaScript time)
        ("1700812800", "2023-11-24"),
        ('"2023-11-22 07:40:00"', "2023-11-22"),
        ('""', "None"),  # an empty time: undated, whatever the recommended list's say
    ):
        state = (
            f'window.__INITIAL_STATE__={{"article": {{"title": "充电桩乡镇全覆盖", "publishTime":'
            f' {value}}}, "recommend": [{{"title": "别的文章", "publishTime": 1600000000000}}]}};'
        )
        page = html_page("").replace("2023-05-04 10:30", "5小时前")
        path.write_text(page.replace("</body>", f"<script>{state}</script></body>"), "utf-8")
        assert str(read_one(path).published) == want, value


def notice(number: int, project: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>第{number}号充电站招标公告_滨江交易网</title>'
        f"</head><body><div class='nav'>首页 | 交易信息 | 政府采购</div>"
        f"<h1>第{number}号充电站招标公告</h1><div class='info'>发布时间：2023-05-0{number}</div>"
        f"<div class='article'><p>项目编号：{project}</p><p>采购人：滨江市第{number}中学</p>"
        f"<p>{PROSE}（第{number}号）</p><p>{MORE}（第{number}号）</p></div>"
        "<div class='foot'>版权所有 滨江交易网</div></body></html>"
    )


def test_a_labelled_field_of_the_articles_own_is_text(tmp_path: Path) -> None:
    # 项目编号 and 采购人 on every notice with their own values (one project's number on three
    # notices: its tender, correction and award) are the notices' fields, not the site's chrome
    projects = ["BJ-2023-001", "BJ-2023-001", "BJ-2023-001", "BJ-2023-002", "BJ-2023-003"]
    for number, project in enumerate(projects, start=1):
        (tmp_path / f"{number}.html").write_text(notice(number, project), "utf-8")
    for record in read_sources([tmp_path]):
        number = Path(record.origin.path).stem
        assert f"项目编号：{projects[int(number) - 1]}" in record.body, number
        assert f"采购人：滨江市第{number}中学" in record.body, number
        assert "首页" not in record.body
    # a line of credits ending with the editor's is chrome, as 责任编辑：X is
    assert line_rule("（供稿单位：能源学院 摄影：学生记者团 胡某 审核：李某）") == "editor"


def test_a_correction_with_an_empty_date_field_is_undated(tmp_path: Path) -> None:
    # its 发布时间 is empty; the date it gives is the corrected notice's; its file name's date
    # is not what the page states
    path = tmp_path / "20230522_1.html"
    page = html_page("", before="<p>原公告发布日期：2023年5月16日</p>").replace(
        "2023-05-04 10:30", "发布时间：&nbsp;&nbsp;信息来源：滨江市采购中心&nbsp;&nbsp;浏览次数：12"
    )
    path.write_text(page, "utf-8")
    record = read_one(path)
    assert record.published is None
    assert record.source == "滨江市采购中心"
    assert parse_byline("原公告发布日期：2023年5月16日") is None
    assert str(parse_byline("发布日期：2023年5月22日").date) == "2023-05-22"  # type: ignore[union-attr]


def test_a_newsletters_issue_number_is_not_part_of_its_name(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    for suffix in ("滨江周报第128期", "滨江周报2023年第12期"):
        path.write_text(html_page("").replace("| 滨江", f"- {suffix}"), "utf-8")
        assert read_one(path).source == "滨江周报", suffix
