"""Rules for page reading found in round 38a, on set 55 (opened that round), written as general
forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page
from xinwen.index.bodytext import keep_main_text


def test_attachment_links_with_their_download_word_or_alone_are_not_text(tmp_path: Path) -> None:
    # A notice's attachments as a CMS lists them: 附件1：X.doc下载 (the link's word after the
    # file's name), or under 附件下载： each file's name alone on its line.
    text = "\n".join(
        [
            "青川县能源协会 首页 协会动态 通知公告",
            "关于举办青川县光伏运维技能培训的通知",
            "时间:2024-03-12 09:30 来源:协会培训部",
            PROSE,
            MORE,
            "附件1：青川县光伏运维技能培训日程安排.doc下载",
            "附件2：培训报名回执.xls 下载",
            "附件下载：",
            "《光伏电站运维规程》培训讲义.pdf",
            "Copyright © 2024 青川县能源协会",
        ]
    )
    rec = read_one(write_page(tmp_path / "通知公告" / "1.txt", text))
    assert MORE in rec.body
    assert "培训日程安排" not in rec.body
    assert "报名回执" not in rec.body
    assert "培训讲义" not in rec.body


def _epaper_page(intro: str, headline: str, subtitle: str) -> str:
    return (
        '<html><head><meta charset="utf-8"><title>简讯--青川能源报</title></head><body>'
        "<table><tr><td>青川能源报 2024年03月12日 星期二</td></tr>"
        "<tr><td>第02版：要闻 上一版 下一版</td></tr></table>"
        f"<table><tr><td class='intro'>{intro}</td></tr>"
        f"<tr><td class='big'>{headline}</td></tr>"
        f"<tr><td class='intro'>{subtitle}</td></tr>"
        f"<tr><td><p>{PROSE}</p><p>{MORE}</p></td></tr></table>"
        "<p>青川能源报社版权所有</p>"
        "<!--enpproperty <articleid>3021</articleid><date>2024-03-12</date><author></author>"
        f"<title>{headline}</title><subtitle>{subtitle}</subtitle>"
        f"<introtitle>{intro}</introtitle>/enpproperty--></body></html>"
    )


def test_an_epapers_headline_is_the_one_its_properties_name(tmp_path: Path) -> None:
    # A Founder e-paper's article: its 引题, headline and subtitle set a line each, its <title>
    # a column's word (简讯); the comment with the article's properties names the headline.
    html = _epaper_page(
        "全县能源工作会议提出", "今年新增光伏装机二十万千瓦", "加快建设清洁能源示范县"
    )
    rec = read_one(write_page(tmp_path / "要闻" / "2024-03" / "12" / "content_3021.htm", html))
    assert rec.title == "今年新增光伏装机二十万千瓦"


def test_a_department_that_keeps_the_site_is_not_its_source(tmp_path: Path) -> None:
    # A page with no 来源; its footer says which of the organisation's departments keeps the
    # site (本网站由X中心信息技术部维护): the site is the organisation's.
    html = (
        '<html><head><meta charset="utf-8"><title>关于春节期间休市安排的公告-青川能源交易中心'
        "</title></head><body><div class='logo'><img src='/logo.png' alt='青川能源交易中心'>"
        "</div><nav>首页 交易公告 市场动态</nav>"
        "<h1>关于春节期间休市安排的公告</h1>"
        "<div class='info'>发布时间：2024-02-05 浏览次数：88</div>"
        f"<div class='text'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<footer><p>青川能源交易中心有限公司 版权所有</p>"
        "<p>本网站由青川能源交易中心信息技术部维护</p></footer></body></html>"
    )
    rec = read_one(write_page(tmp_path / "交易公告" / "art_1.html", html))
    assert rec.source == "青川能源交易中心"


def test_a_list_under_a_numbered_section_heading_is_the_texts(tmp_path: Path) -> None:
    # A university notice's rules: a numbered heading (二、申报条件) in bold, its conditions in
    # an <ol> (each closed by ；or 。), the next heading after it; the main-text reader left
    # the list out.
    items = [
        "热爱祖国，遵守学校各项规章制度；",
        "近两学年专业课程平均成绩在八十分以上；",
        "至少参与一项校级以上科研或竞赛项目。",
    ]
    html = (
        '<html><head><meta charset="utf-8"><title>学院2024年优秀学生奖学金评定办法-青川大学'
        "</title></head><body><nav>首页 学院新闻 通知公告</nav><form name='f'>"
        "<h1>学院2024年优秀学生奖学金评定办法</h1>"
        "<div class='info'><span>发布时间：2024-09-02</span><span>来源：学生工作办</span></div>"
        "<div id='content'><div class='news'>"
        "<p>为做好本年度奖学金评定工作，根据学校有关规定，结合学院实际，制定本办法。</p>"
        "<p><strong>一、评定名额</strong></p><p>学院本年度共有评定名额三十个，按各专业人数比例分配。</p>"
        "<p><strong>二、申报条件</strong></p>"
        f"<ol>{''.join(f'<li>{t}</li>' for t in items)}</ol>"
        "<p><strong>三、工作安排</strong></p>"
        "<p>九月二十日前学生提交申请材料，学院审核后公示五个工作日。</p>"
        "<p>本办法由学院学生工作领导小组负责解释。</p></div></div></form>"
        "<div class='pn'><p>上一条：关于开学典礼的通知</p><p>下一条：没有了</p></div>"
        "<footer>版权所有：青川大学能源学院</footer></body></html>"
    )
    rec = read_one(write_page(tmp_path / "通知公告" / "1027" / "4801.htm", html))
    for item in items:
        assert item in rec.body
    # (this page's list the main-text reader keeps; where it does not, on a longer page, the
    # heading before it and the heading after it keep it in)
    body = [
        "为做好本年度奖学金评定工作，制定本办法。",
        "二、申报条件",
        *items,
        "三、工作安排",
        MORE,
    ]
    main = "".join(line for line in body if line not in items)
    assert keep_main_text(body, main, []) == body


def test_a_search_boxs_prompt_is_not_the_headline(tmp_path: Path) -> None:
    # A government site's page saved as text: the search box's prompt (请输入关键字) under the
    # top bar, a menu, a breadcrumb and a sidebar's headlines, then the headline with a
    # subtitle line under it and the 发布日期 line.
    text = "\n".join(
        [
            "设为首页加入收藏无障碍浏览",
            "今天是：2024年3月12日",
            "请输入关键字",
            "首页",
            "机构概况",
            "政策文件",
            "当前位置：首页 > 政策文件 > 正文",
            "最新动态",
            "省能源局召开全省迎峰度夏保供电调度会",
            "全省农村光伏扶贫电站运维工作推进会召开",
            "青川省新型储能装机突破百万千瓦",
            "——今年新增装机四十万千瓦，居全国前列",
            "发布日期：2024-03-10　　信息来源：省电力公司　　浏览次数：321",
            PROSE,
            MORE,
            "[打印本页] [关闭窗口]",
        ]
    )
    rec = read_one(write_page(tmp_path / "技术" / "art_1_2.txt", text))
    assert rec.title == "青川省新型储能装机突破百万千瓦"
    assert MORE in rec.body


def test_the_time_a_cms_made_the_page_is_not_its_date(tmp_path: Path) -> None:
    # An undated page of a government CMS: its Maketime meta says when the CMS wrote the file
    # out; the page prints no date of its own.
    html = (
        '<html><head><meta charset="utf-8"><meta name="Maketime" content="2024-03-12 16:21:07">'
        "<title>省能源局召开氢能技术座谈会_青川省能源局</title></head><body>"
        "<nav>首页 政策文件 科技装备</nav><div class='crumb'>当前位置：首页 > 科技装备 > 正文</div>"
        "<table><tr><td class='title'>省能源局召开氢能技术座谈会</td></tr>"
        "<tr><td>信息来源：科技装备处　浏览次数：</td></tr>"
        f"<tr><td id='zoom'><p>{PROSE}</p><p>{MORE}</p></td></tr></table>"
        "<footer>主办单位：青川省能源局</footer></body></html>"
    )
    rec = read_one(write_page(tmp_path / "技术" / "art_1250_1.html", html))
    assert rec.published is None


def test_a_special_issue_folder_inside_a_section_is_not_a_category(tmp_path: Path) -> None:
    # An e-paper saved by its pages' sections, one page of a special issue (特刊) in the
    # section's folder: the section is the category.
    text = "\n".join(
        ["青川能源报", "从小水电到大电网：青川电力四十年", "本报记者 李川", PROSE, MORE]
    )
    write_page(tmp_path / "观察" / "特刊" / "content_1.txt", text)
    write_page(tmp_path / "要闻" / "content_2.txt", text.replace("四十年", "新篇章"))
    rec = records_by_name(tmp_path)["content_1.txt"]
    assert rec.category == "观察"
