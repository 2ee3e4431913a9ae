"""Rules for page reading found on the fifty-first round (sets 70 and 74 of the unseen layouts,
`tests/fixtures/blind-sites-70` and `-74`, opened this round), written as general forms. Each is
checked on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page
from xinwen.index.furniture import line_rule

HEADLINE = "溪口光伏电站二期工程全容量并网"


def _blog_page(headline: str, meta: str, n: int) -> str:
    # A blog theme's text copy: the site's header and menu, the crumb, the headline, then the
    # post's meta (the reading time and the desk), no date on the page.
    lines = [
        "光伏产业观察 · 每周更新",
        "溪口光伏观察",
        "首页",
        "项目",
        "技术",
        "首页 » 项目",
        headline,
        meta,
        f"{n}月{n + 1}日，{PROSE}",
        MORE,
        "« 上一页",
    ]
    return "\n".join(lines) + "\n"


def test_a_reading_time_with_its_desk_is_no_headline(tmp_path: Path) -> None:
    # 3 分钟·编辑部 under the headline is the post's meta (how long it reads, who wrote it):
    # short, unpunctuated and right above the text, it looks like a headline, yet none reads so.
    write_page(tmp_path / "项目" / "xikou.txt", _blog_page(HEADLINE, "3 分钟·编辑部", 5))
    write_page(
        tmp_path / "项目" / "beigang.txt", _blog_page("北岗储能电站开工建设", "5 分钟·王明", 6)
    )
    assert records_by_name(tmp_path)["xikou.txt"].title == HEADLINE
    assert line_rule("约5分钟阅读 | 王明") == "reading time"
    assert line_rule("3 分钟看懂新型储能") is None


def _portal_page(headline: str, top: str, subtitle: str, n: int) -> str:
    # A trade portal's text copy: its top bar of account links glued together once their
    # markup is gone, its name and menu, the crumb, the headline over an interview's subtitle.
    lines = [
        "欢迎访问溪口能源网！今天是2024年6月18日",
        top,
        "溪口地区能源行业门户",
        "发电·电网·储能 行业资讯",
        "搜 索",
        "首页",
        "政策",
        "项目",
        "技术",
        "市场",
        "人物",
        "储能 变电站 配电网 数字电网",
        "当前位置：首页 > 技术 > 正文",
        headline,
        subtitle,
        "字号：大中小",
        f"2024-0{n}-1{n} 09:30 来源：溪口能源报 作者：记者 周岚",
        f"储能被称为电网的“充电宝”。{n}月{n + 2}日，{PROSE}",
        "记者：储能接入对配电网有什么影响？",
        f"周岚：{MORE}",
        "记者：现场是怎么应对的？",
        f"周岚：{PROSE}",
        "上一篇：配电网检修计划发布",
    ]
    return "\n".join(lines) + "\n"


def test_a_top_bar_of_glued_account_links_is_furniture() -> None:
    # 登录注册手机版在线投稿RSS: a portal's links for an account, its mobile site, a submission
    # and its feed, glued once the markup is gone, nothing else: site furniture, no headline.
    assert line_rule("登录注册手机版在线投稿RSS标签云") == "top bar"
    assert line_rule("会员登录免费注册网站地图") == "top bar"
    # (a sentence naming such words is text: 读者可登录官网在线投稿)
    assert line_rule("读者可登录官网在线投稿") is None
    assert line_rule("注册") is None


def test_a_headline_over_its_dash_subtitle_and_tool_bar(tmp_path: Path) -> None:
    # An interview's headline, its subtitle set off by a dash (——访X), the tool bar (字号：大中小)
    # and then the byline: the byline three lines down still marks the headline, on a page read
    # on its own (its site's template not learnt yet), over the portal's name in its header.
    title = "储能接入后，配电网如何守好“关口”"
    page = _portal_page(title, "登录注册手机版在线投稿RSS标签云", "——访溪口供电局运检专家", 5)
    write_page(tmp_path / "技术" / "6101.txt", page)
    assert records_by_name(tmp_path)["6101.txt"].title == title


def test_a_header_s_english_name_under_the_chinese_one_is_left_out(tmp_path: Path) -> None:
    # A public body's header: its Chinese name in the <h1>, its English name in capitals in a
    # <small> under it. Read as one text the two run together (X局XIKOU ENERGY …): the site
    # goes by its Chinese name.
    page = (
        '<html><head><meta charset="utf-8"><title>溪口市储能项目集中开工</title></head><body>'
        '<div class="head"><h1 class="logo"><a href="/">溪口市能源局'
        "<small>XIKOU MUNICIPAL ENERGY ADMINISTRATION</small></a></h1></div>"
        '<div class="nav"><a href="/">网站首页</a><a href="/zc/">政策</a></div>'
        '<div class="article"><h2>溪口市储能项目集中开工</h2>'
        "<p>发布时间：2024-06-05 09:00</p>"
        f"<p>6月5日，{PROSE}</p><p>{MORE}</p></div>"
        "<div class='foot'>地址：溪口市人民路1号 邮编：000000</div></body></html>"
    )
    write_page(tmp_path / "项目" / "1201.html", page)
    assert read_one(tmp_path / "项目" / "1201.html").source == "溪口市能源局"


def test_a_q_and_a_s_first_question_is_no_headline(tmp_path: Path) -> None:
    # An explainer set as questions and answers: headline, its subtitle (——答用户问), the
    # byline, then 问：X？ / 答：Y. The first question, short and right under the byline, is
    # the text's first line: the headline is above, unlabelled.
    title = "居民峰谷分时电价政策解读"
    lines = [
        "溪口供电服务热线：95598（示例）",
        "溪口供电",
        "首页",
        "新闻资讯",
        "客户服务",
        "您现在的位置：首页 > 新闻资讯 > 政策",
        title,
        "——答用户问",
        "发布时间：2024/6/3 10:20:05 信息来源：本站 浏览量：312",
        "问：什么是峰谷分时电价？",
        f"答：{PROSE}",
        "问：哪些用户可以申请？",
        f"答：{MORE}",
        "上一篇：关于调整营业厅服务时间的公告",
    ]
    write_page(tmp_path / "政策" / "3301.txt", "\n".join(lines) + "\n")
    assert records_by_name(tmp_path)["3301.txt"].title == title
