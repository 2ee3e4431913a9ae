"""Rules for page reading found on round 43b (set 64 of the unseen layouts,
`tests/fixtures/blind-sites-64`, opened this round), written as general forms. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from index.furniture import line_rule
from tests.pagetext import MORE, PROSE, records_by_name, write_page
from xinwen.index.headlines import _DATE_GLUED_ENTRY, _disclosure_field

HEADLINE = "岭北110千伏变电站主变扩建工程投运"


_NOTICES = [
    "【通知】岭北县2024年民生实事项目征集已启动，欢迎建言。　　【温馨提示】雨季来临，"
    "请注意防范地质灾害。",
    "【公告】岭北县政务服务中心五一期间暂停对外办公。　　【提醒】节日期间请注意用电安全。",
    "【公示】岭北县2024年第一批拟录用公务员名单已发布。　【提示】高温天气，请注意防暑降温。",
]


def _ticker_page(headline: str, date: str, n: int) -> str:
    # A county portal's page copied as text: a scrolling notice bar in the header (two
    # bracketed notices on one line, each ending in a full stop), a sidebar of popular
    # articles under its heading, then the breadcrumb, the headline, its byline and the text.
    lines = [
        "欢迎访问岭北县人民政府网站  无障碍浏览 | 设为首页",
        "首页|政务公开|岭北要闻|部门动态|办事服务",
        _NOTICES[n % 3],
        "政务公开目录",
        "· 政策文件",
        "· 部门动态",
        "热点文章",
        "· 岭北县召开全县安全生产工作会议",
        "· 岭北县2024年一季度经济运行情况",
        "· 关于做好夏季用电高峰保供工作的通知",
        "图片新闻",
        "岭北县召开安全生产工作会议",
        "便民服务",
        "供电服务热线：95598",
        "县长热线：0854-12345",
        "您现在的位置：岭北县人民政府 >> 部门动态 >> 正文",
        headline,
        f"作者：县发改局　　文章来源：岭北县供电公司　　更新时间：{date}",
        f"{n}月{n + 1}日，{PROSE}",
        f"截至{n}日，{MORE}",
        "【打印】【关闭】",
        "相关文章",
        "· 岭北县召开全县安全生产工作会议　2024-3-2",
        "主办：岭北县人民政府办公室　网站标识码：1234567890",
    ]
    return "\n".join(lines) + "\n"


def test_a_header_notice_bar_does_not_start_the_article(tmp_path: Path) -> None:
    # The notice bar's full stops made it read as the text's start, so the sidebar's heading
    # (热点文章) ended the article before its headline: the bar is the site's header.
    # (the bar's notices change from day to day: pages saved on different days hold different
    # ones, and the site's template cannot tell the bar)
    titles = [HEADLINE, "岭北县农村电网巩固提升工程开工", "岭北光伏电站首批组件完成安装"]
    for k, headline in enumerate(titles):
        write_page(
            tmp_path / "部门动态" / f"ShowArticle_{300 + k}.txt",
            _ticker_page(headline, f"2024-5-{10 + k}", 3 + k),
        )
    rec = records_by_name(tmp_path)["ShowArticle_300.txt"]
    assert rec.title == HEADLINE
    assert PROSE[:20] in rec.body
    assert "征集" not in rec.body and "公告" not in rec.title


def test_a_notice_bar_is_the_sites_line_and_a_single_label_is_not() -> None:
    # (on a real site the bar broke the reading only where the site's template, learned from
    # its other pages, left the bar alone and ended the text at the sidebar's heading: the
    # rule itself, then, on the line)
    assert line_rule(_NOTICES[0]) == "notice ticker"
    assert line_rule(_NOTICES[2]) == "notice ticker"
    # one bracketed notice is the text's own line; a brief's 【headline】 is no notice
    assert line_rule("【公告】岭北县政务服务中心五一期间暂停对外办公，恢复时间另行通知。") is None
    assert line_rule("【岭北快讯】全县新建充电桩两千余个。【岭北快讯】老旧小区改造启动。") is None


RULES_TITLE = "岭北市电动汽车充电设施安全管理办法"


def _disclosure_page(headline: str, n: int) -> str:
    # A city bureau's disclosure page copied as text: its sidebar of newest items, each date
    # run into its headline, then the metadata table a field a line, the headline, the text.
    # (the city's documents are issued by its bureau or by the city's offices: the field's
    # value varies from page to page, and the site's template keeps it)
    lines = [
        "岭北市能源局",
        "网站首页",
        "政务公开",
        "当前位置：首页 > 政务公开 > 政策文件 > 正文",
        "最新发布",
        "06-05市能源局召开迎峰度夏保供工作会",
        "05-28关于公布2024年第一批充电设施运营企业名单的通知",
        "05-20岭北市2024年电力需求侧管理工作方案",
        f"索引号：11350100/2024-0012{n}",
        "主题分类：能源",
        f"发文机关：{('岭北市能源局', '岭北市人民政府办公室', '岭北市发展和改革委员会')[n]}",
        f"成文日期：2024-05-1{n}",
        f"文号：岭能规〔2024〕{n}号",
        "有效性：有效",
        headline,
        "【字体：大 中 小】",
        f"第一条　为加强本市第{n + 1}类设施安全管理，防范化解安全风险，结合本市实际，制定本办法。",
        f"第二条　项目单位应当每季度开展{n + 2}次安全隐患排查，并于每年1月底前报送运行报告。",
        f"第三条　本办法自印发之日起施行，有效期{n + 3}年。",
        "【打印】【关闭】",
        "主办：岭北市能源局　网站标识码：3501000012",
    ]
    return "\n".join(lines) + "\n"


def test_a_disclosure_tables_field_and_a_sidebars_dated_entry_are_no_headline(
    tmp_path: Path,
) -> None:
    # With no byline by the headline, the headline is the headline-shaped line above the text:
    # not the table's 发文机关：X (a field, labelled), nor the sidebar's 05-28关于…的通知 (an
    # entry of a list, its date glued on, repeated on the site's pages).
    titles = [RULES_TITLE, "岭北市新型储能电站管理暂行规定", "岭北市加油站布局规划（2024—2030年）"]
    for k, headline in enumerate(titles):
        write_page(tmp_path / "政策文件" / f"post_{5100 + k}.txt", _disclosure_page(headline, k))
    rec = records_by_name(tmp_path)["post_5100.txt"]
    assert rec.title == RULES_TITLE


def test_the_two_headline_exclusions_on_their_lines() -> None:
    # (on a real site they decided the headline where no byline stood by it and the table's
    # field and the sidebar's entry outscored it; the page above reads right either way, so
    # the rules themselves, on the lines)
    assert _disclosure_field("发文机关：岭北市能源局")
    assert _disclosure_field("索 引 号：11350100/2024-00120")
    assert not _disclosure_field("岭北市能源局关于印发充电设施安全管理办法的通知")
    assert _DATE_GLUED_ENTRY.match("05-28关于公布2024年第一批充电设施运营企业名单的通知")
    assert not _DATE_GLUED_ENTRY.match("12-15岁青少年近视防控进校园")  # (no month-day)
    assert not _DATE_GLUED_ENTRY.match("2024年岭北市充电设施建设工作方案")
