"""Rules for page reading found on the second round of unseen layouts (set 1 of
`tests/fixtures/blind-sites`, both halves): platform articles, traditional-character pages,
forum and blog pages saved as text. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one
from xinwen.index.bylines import parse_byline
from xinwen.index.furniture import line_rule
from xinwen.index.linetext import looks_like_site_name
from xinwen.index.records import Record
from xinwen.index.sitenames import site_name_in
from xinwen.index.sources import read_sources
from xinwen.index.sources.categories import folder_category


def platform_page(account_meta: str, repost_line: str = "") -> str:
    return (
        '<html><head><meta charset="utf-8"><title>充电桩乡镇全覆盖</title>'
        '<meta property="og:site_name" content="微信公众平台">'
        f"{account_meta}</head><body>"
        '<h1 class="rich_media_title">充电桩乡镇全覆盖</h1>'
        '<div id="meta_content"><span>小周</span><span id="profileBt"><a id="js_name">'
        "滨江电动车</a></span><em>2024-03-05 08:00</em></div>"
        f'<div id="js_content"><p>{repost_line}</p><p>{PROSE}</p><p>{MORE}</p></div>'
        "</body></html>"
    )


def test_an_article_on_a_publishing_platform_is_the_accounts(tmp_path: Path) -> None:
    # og:site_name names the platform (微信公众平台); the source is the account that posted it,
    # from its meta or, without one, its profile element.
    page = tmp_path / "a.html"
    page.write_text(platform_page('<meta name="twitter:creator" content="滨江电动车">'), "utf-8")
    assert read_one(page).source == "滨江电动车"
    page.write_text(platform_page(""), "utf-8")
    assert read_one(page).source == "滨江电动车"


def test_a_repost_line_with_a_bar_names_the_source(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(platform_page("", "来源 | 滨江日报"), "utf-8")
    record = read_one(page)
    assert record.source == "滨江日报"
    assert "滨江日报" not in record.body


def test_a_platform_byline_of_short_fields_dates_the_page() -> None:
    # 原创 tag, author or desk, account, date, 发表于 + region: short fields set apart by spaces.
    byline = parse_byline("原创 滨江电动车编辑部 滨江电动车 2024年04月02日 12:10 发表于上海")
    assert byline is not None and byline.date is not None
    assert byline.date.isoformat() == "2024-04-02"


def test_a_generic_or_site_like_folder_beside_categories_is_a_category(tmp_path: Path) -> None:
    # 资讯 and 行业资讯 alone read as a container or a site's name; beside a site's other
    # sections they are a section too.
    for name in ("原创", "转载", "资讯", "行业资讯"):
        (tmp_path / "site" / name).mkdir(parents=True)
        (tmp_path / "site" / name / "a.txt").write_text(f"充电桩乡镇全覆盖\n{PROSE}\n", "utf-8")
    root = str(tmp_path / "site")
    assert folder_category(str(tmp_path / "site" / "资讯" / "a.txt"), root) == "资讯"
    assert folder_category(str(tmp_path / "site" / "行业资讯" / "a.txt"), root) == "行业资讯"
    records = {Path(r.id).parent.name: r for r in read_sources([tmp_path / "site"])}
    assert records["资讯"].category == "资讯"
    # Alone, 资讯 is still no category.
    (tmp_path / "lone" / "资讯").mkdir(parents=True)
    (tmp_path / "lone" / "资讯" / "a.txt").write_text(f"充电桩乡镇全覆盖\n{PROSE}\n", "utf-8")
    assert (
        folder_category(str(tmp_path / "lone" / "资讯" / "a.txt"), str(tmp_path / "lone")) is None
    )


FORUM_TOP = "滨江车友会 » 论坛 › 充电设施 › {crumb}\n返回列表 发新帖\n查看: 321|回复: 2\n"


def test_a_forum_subject_is_the_headline_its_breadcrumb_ends_with(tmp_path: Path) -> None:
    # The saved page title (标题 - 版块 - 站名 - Powered by …) and the board tag ([版块] 标题)
    # are not the headline; the breadcrumb ends with the subject, cut short.
    subject = "小区地下车库装充电桩的全过程记录"
    page = tmp_path / "a.txt"
    page.write_text(
        f"{subject} - 充电设施 - 滨江车友会 - Powered by Discuz!\n\n"
        + FORUM_TOP.format(crumb=subject[:8] + "...")
        + f"\n[充电设施] {subject}\n楼主\n 发表于 2023-4-5 10:05 | 只看该作者\n{PROSE}\n{MORE}\n",
        "utf-8",
    )
    record = read_one(page)
    assert record.title == subject
    assert record.body == f"{PROSE}\n{MORE}"


def test_a_forum_posts_signature_edit_note_and_replies_are_not_its_text(tmp_path: Path) -> None:
    subject = "小区地下车库装充电桩的全过程记录"
    page = tmp_path / "a.txt"
    page.write_text(
        FORUM_TOP.format(crumb=subject)
        + f"\n{subject}\n楼主\n 发表于 2023-4-5 10:05 | 只看该作者\n"
        "本帖最后由 车友小王 于 2023-4-6 08:40 编辑\n"
        f"{PROSE}\n{MORE}\n----------------------------\n专注新能源车十年 欢迎交流\n"
        "回复\n车友小李\n沙发\n 发表于 2023-4-5 11:20 | 只看该作者\n楼主辛苦了，请问电费怎么算？\n",
        "utf-8",
    )
    record = read_one(page)
    assert record.body == f"{PROSE}\n{MORE}"


def test_a_blogs_action_bar_ends_the_entry_and_its_lists_go_with_it(tmp_path: Path) -> None:
    title = "家用充电桩选型心得"
    page = tmp_path / "a.txt"
    page.write_text(
        f"滨江车友会 » 论坛 › 日志 › {title}\n\n{title}\n车友小王  2024-3-14 21:30\n"
        f"{PROSE}\n{MORE}\n分享 收藏 邀请\n举报\n作者的其他日志\n· 充电桩电费怎么算\n"
        "您需要登录后才可以评论 登录 | 立即注册\n",
        "utf-8",
    )
    record = read_one(page)
    assert record.title == title
    assert record.body == f"{PROSE}\n{MORE}"


def test_a_breadcrumbs_sections_do_not_name_the_site() -> None:
    # 行业资讯 ends like a site's name, but after the breadcrumb's first item it is a section.
    assert site_name_in("滨江车友会网 » 论坛 › 行业资讯 › 充电桩全覆盖") == "滨江车友会网"
    assert site_name_in("车友会 » 论坛 › 行业资讯 › 充电桩全覆盖") is None


TW_PROSE = "電價費率審議會預計本月底召開，台電擬提出電價調整方案，住宅用電以累進費率方式調整。"
TW_MORE = "工商團體則呼籲分階段調漲，並給予中小企業緩衝期，以免衝擊產業競爭力。"


def tw_page(title: str, byline: str, n: int = 0) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        "<div>主頁 | 簡體 | 會員登入</div><div>天文觀測站 21°C 多雲　空氣質素指數 3 低</div>"
        "<h1>" + title + "</h1>"
        f"<div>{byline}</div><div>分享至 Facebook LINE 複製連結</div>"
        f"<article><p>{n}{TW_PROSE}</p><p>{n}{TW_MORE}</p></article>"
        "<aside><h3>即時新聞</h3><ul><li>09:12 油價下週調降</li><li>08:47 新指引推出</li></ul>"
        "<h3>編輯推介</h3><ul><li>地熱試驗井完成鑽探</li></ul></aside>"
        "<footer><p>服務 電子報 下載App</p><p>© 2024 海能新聞 版權所有</p></footer></body></html>"
    )


def test_a_traditional_character_sites_byline_chrome_and_name(tmp_path: Path) -> None:
    # 下午 3:15 (a 12-hour time) and 記者X／台北報導 make a byline, so the share bar under it
    # no longer ends an article that has not begun; 即時新聞/編輯推介 are related lists; the
    # site's name is the copyright line's, not a weather widget's or a 電子報 link's.
    site = tmp_path / "site"
    site.mkdir()
    for n, title in enumerate(
        ["台電擬調整電價 工業用電恐漲一成", "離岸風場研究完成", "電動車充電網絡擴展"]
    ):
        byline = f"2024/01/0{n + 3} 下午 3:15  記者林某某／台北報導"
        (site / f"{n}.html").write_text(tw_page(title, byline, n), "utf-8")
    records = {Path(r.id).name: r for r in read_sources([site]) if isinstance(r, Record)}
    record = records["0.html"]
    assert record.title == "台電擬調整電價 工業用電恐漲一成"
    assert record.published is not None and record.published.isoformat() == "2024-01-03"
    assert record.body == f"0{TW_PROSE}\n0{TW_MORE}"
    assert record.source == "海能新聞"


def test_the_traditional_character_pieces_one_by_one() -> None:
    assert line_rule("即時新聞") == "related articles"
    assert line_rule("編輯推介") == "related articles"
    assert not looks_like_site_name("電子報")
    byline = parse_byline("2024/01/03 下午 3:15  記者林某某／台北報導")
    assert byline is not None and byline.date is not None


def test_a_share_bar_between_a_subtitle_and_the_text_does_not_end_the_article(
    tmp_path: Path,
) -> None:
    page = tmp_path / "a.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>充電網絡擴展計劃公布</title></head><body>'
        "<div>首頁 &gt; 能源</div><h1>充電網絡擴展計劃公布</h1><h2>首批新增充電樁兩千個</h2>"
        "<div>2024/01/03 下午 3:15 記者林某某／台北報導</div>"
        f"<div>分享至 Facebook LINE 複製連結</div><p>{TW_PROSE}</p><p>{TW_MORE}</p>"
        "<div>分享至 Facebook LINE 複製連結</div><p>延伸閱讀</p><p>地熱試驗井完成鑽探</p>"
        "</body></html>",
        "utf-8",
    )
    record = read_one(page)
    assert TW_PROSE in record.body and TW_MORE in record.body
    assert "地熱試驗井" not in record.body
