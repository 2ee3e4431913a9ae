"""Rules for page reading found on round 23 (set 25 of the unseen layouts,
`tests/fixtures/blind-sites-25`, opened this round: a power company on a Java CMS, a foreign
maker's Chinese site, a solar forum, an open-source project's blog, a site builder's blog, a
bidding portal, a personal blog, an association), written as the general forms those sites print
things in. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page

_REPLY = "同问，我们村的屋顶也想装，不知道备案要跑几个部门。"
_REPLY_2 = "楼上可以先问问供电所，他们会给一张清单。"


def _post(n: int, user: str, text: str) -> str:
    return (
        f"<div class='post' id='post_{n}'><div class='postauthor'>"
        f"<a class='username' href='/u/{n}'>{user}</a></div>"
        f"<div class='postmessage'>{text}</div></div>"
    )


def test_a_forum_threads_replies_are_not_its_article(tmp_path: Path) -> None:
    # A thread page: its first post is the article, the posts after it (each with its
    # author, in the same list) are readers' replies, whatever forum software prints them.
    page = (
        '<html><head><meta charset="utf-8"><title>屋顶光伏并网手续汇总 - 东岭光伏社区</title>'
        "</head><body><div class='nav'><a href='/'>首页</a> › <a href='/f/2'>经验交流</a></div>"
        "<h1>屋顶光伏并网手续汇总</h1><div id='postlist'>"
        + _post(1, "东岭老张", f"<p>发表于 2024-05-06 09:12</p><p>{PROSE}</p><p>{MORE}</p>")
        + _post(2, "小李光伏", f"<p>{_REPLY}</p>")
        + _post(3, "电工阿强", f"<p>{_REPLY_2}</p>")
        + "</div><div class='footer'>© 2024 东岭光伏社区</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "thread.html", page))
    assert rec.title == "屋顶光伏并网手续汇总"
    assert PROSE[:20] in rec.body and MORE[:20] in rec.body
    assert _REPLY[:10] not in rec.body and _REPLY_2[:10] not in rec.body


_THREAD_TEXT = f"""东岭光伏社区
首页  版块  最新  热门
首页 > 版块 > 经验交流 > 并网

屋顶光伏并网手续汇总

并网

东岭老张
2024年5月6日 09:12
{PROSE}

{MORE}

2 条回复  最后回复 2024年5月6日 11:40
回复

小李光伏
2024年5月6日 10:05
{_REPLY}

电工阿强
2024年5月6日 11:40
{_REPLY_2}

© 2024 东岭光伏社区
"""


def test_a_forum_thread_copied_as_text(tmp_path: Path) -> None:
    # A thread saved as text: the headline over the topic's board (the breadcrumb's last item)
    # and its author's name over the post's time; the count of replies under the first post
    # ends the article, the replies follow.
    rec = read_one(write_page(tmp_path / "thread.txt", _THREAD_TEXT))
    assert rec.title == "屋顶光伏并网手续汇总"
    assert str(rec.published) == "2024-05-06"
    assert PROSE[:20] in rec.body and MORE[:20] in rec.body
    assert _REPLY[:10] not in rec.body and _REPLY_2[:10] not in rec.body
    assert "东岭老张" not in rec.body


def test_a_latin_site_name_gives_way_to_the_chinese_one_its_title_gives(tmp_path: Path) -> None:
    # A foreign maker's Chinese pages: og:site_name and the logo in Latin only, the <title>'s
    # last part the name with its Chinese form beside it, which its Chinese readers know it by.
    page = (
        '<html><head><meta charset="utf-8">'
        "<title>\n  东岭二期风场完成吊装 | 新闻稿 | Westwind 西风能源\n</title>"
        "<meta property='og:site_name' content='Westwind'></head><body>"
        "<div class='header'><img class='logo' src='/logo.svg' alt='Westwind'></div>"
        "<h1>东岭二期风场完成吊装</h1><div class='sfnewsAuthorAndDate'>2025/3/12</div>"
        f"<div class='sfnewsContent'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='footer'>© 2025 Westwind A/S. 保留所有权利。</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "release.html", page))
    assert rec.source == "西风能源"


def test_a_bracketed_material_credit_under_the_text_is_its_source(tmp_path: Path) -> None:
    # A small firm's blog post retelling a policy: its last line, in brackets, credits where
    # the whole text's material came from; the page states no 来源.
    page = (
        '<html><head><meta charset="utf-8"><title>户用光伏新规要点</title></head><body>'
        "<div class='logo'>东塘光伏</div><h1>户用光伏新规要点</h1>"
        "<div class='s-blog-date'>2025年4月8日</div>"
        f"<div class='s-text'><p>{PROSE}</p></div><div class='s-text'><p>{MORE}</p></div>"
        "<div class='s-text'><p><em>（资料来源：市能源局网站）</em></p></div>"
        "<div class='footer'>© 2025 东塘光伏</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "post.html", page))
    assert rec.source == "市能源局网站"
    assert "资料来源" not in rec.body


def test_a_blog_copied_as_text_ends_at_its_share_line(tmp_path: Path) -> None:
    # A site builder's blog post saved as text: 分享此文章 alone on its line ends the text, and
    # the link back to the blog's list is chrome.
    text = (
        f"东塘光伏\n首页  关于我们  博客  联系我们\n\n东塘光伏2024年度回顾\n2025年1月6日\n\n"
        f"{PROSE}\n\n{MORE}\n\n分享此文章\n\n返回博客列表\n\n订阅\n获取我们的最新消息\n电子邮件\n"
    )
    rec = read_one(write_page(tmp_path / "post.txt", text))
    assert rec.body.splitlines() == [PROSE, MORE]


def test_a_box_of_latest_notices_dates_no_undated_page(tmp_path: Path) -> None:
    # A bidding portal's undated how-to page over a table of the latest notices, each row with
    # its date: those are other pages' dates; the page stays undated.
    rows = "".join(
        f"<tr><td>· <a href='/zb/{n}.html'>东岭第{n}批设备采购公告</a></td>"
        f"<td>2025-06-{10 + n}</td></tr>"
        for n in range(4)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>投标文件上传操作说明</title></head><body>'
        "<table><tr><td class='detail_title'><h1>投标文件上传操作说明</h1></td></tr>"
        f"<tr><td class='detail_con'><p>{PROSE}</p><p>{MORE}</p></td></tr></table>"
        "<table class='latest'><tr><td class='latest_title'>最新公告</td>"
        f"<td><a href='/zb/'>更多&gt;&gt;</a></td></tr>{rows}</table>"
        "<table class='footer'><tr><td>主办单位：东岭能源集团</td></tr></table></body></html>"
    )
    rec = read_one(write_page(tmp_path / "guide.html", page))
    assert rec.published is None


def test_a_notices_name_field_is_no_headline(tmp_path: Path) -> None:
    # A bidding portal's result notice saved as text: the headline over its byline, then the
    # notice's fields, 项目名称：X first — a field of the text, not its headline.
    text = (
        "东岭招标采购网\n首页 | 招标公告 | 中标公告 | 联系我们\n\n"
        "当前位置：首页 >> 中标公告 >> 正文\n\n"
        "东岭二期储能设备采购中标结果公告\n发布时间：2025-07-03 16:05    信息来源：未知\n\n"
        "项目名称：东岭二期储能电站磷酸铁锂电池舱采购（招标编号：DLZB-2025-0101）\n\n"
        "中标人：东岭储能装备有限公司，中标金额：1,280.00万元，供货内容：电池舱4套。\n\n"
        "公示期：2025年7月4日至7月6日。\n\n【打印】 【关闭】\n"
    )
    rec = read_one(write_page(tmp_path / "result.txt", text))
    assert rec.title == "东岭二期储能设备采购中标结果公告"
    assert rec.body.startswith("项目名称：东岭二期储能电站")


def test_a_latin_copyright_holder_leaves_the_links_after_it_unnamed(tmp_path: Path) -> None:
    # A foreign maker's Chinese page saved as text, its holder in Latin letters on the
    # copyright line, the footer's links after it (Cookie 设置): a link's word is no site name.
    text = (
        "Westwind\n中国 | 简体中文\n产品与服务  解决方案  投资者  新闻与洞察  联系我们\n\n"
        "新闻与洞察 / 新闻稿\n\n东岭二期风场完成吊装\n2025/10/21\n\n"
        f"{PROSE}\n\n{MORE}\n\n"
        "© 2025 Westwind A/S. 保留所有权利。 | Cookie 设置 | 隐私声明 | 法律声明\n"
    )
    rec = read_one(write_page(tmp_path / "release.txt", text))
    assert rec.source is None


def test_a_short_headline_under_a_two_part_breadcrumb_is_no_account_line(tmp_path: Path) -> None:
    # A short headline right above its date, under a breadcrumb of two sections (X / Y): the
    # headline, not an app's account line under a longer headline.
    text = (
        "东岭能源\n产品与服务  解决方案  投资者  新闻与洞察  联系我们\n\n"
        "新闻与洞察 / 新闻稿\n\n东岭二期风场完成吊装\n2025/10/21\n\n"
        f"{PROSE}\n\n{MORE}\n\n© 2025 东岭能源 保留所有权利。\n"
    )
    rec = read_one(write_page(tmp_path / "release.txt", text))
    assert rec.title == "东岭二期风场完成吊装"


def test_a_forum_posts_avatar_badge_and_other_topics_are_chrome(tmp_path: Path) -> None:
    # A thread with no replies: its author's avatar drawn as the name's first character, the
    # starter's badge beside the name (X 楼主), and the forum's other topics under the post.
    page = (
        '<html><head><meta charset="utf-8"><title>并网柜要不要单独装防逆流 | 东岭光伏社区</title>'
        "</head><body><h1>并网柜要不要单独装防逆流</h1><ul class='posts'><li class='topic-post'>"
        "<div class='avatar-wrapper'><a href='/user/x'><span class='avatar'>鲁</span></a></div>"
        "<div class='post-header'><a itemprop='author' href='/user/x'>鲁南EPC</a> "
        "<span class='badge'>楼主</span></div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></li></ul>"
        "<div class='suggested-topics'><h3>推荐主题</h3><ul><li><a href='/t/1'>"
        "光伏板清洗机器人到底值不值得买</a></li><li><a href='/t/2'>户用光伏安装合同避坑指南</a>"
        "</li></ul></div><div class='footer'>powered by NodeBB</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "thread.html", page))
    assert rec.body.splitlines() == [PROSE, MORE]


def test_a_blogs_guillemet_links_to_its_neighbours_are_chrome(tmp_path: Path) -> None:
    # A personal blog's links to the posts before and after, on one line between guillemets.
    page = (
        '<html><head><meta charset="utf-8"><title>抽蓄电站开工 - 东岭能源笔记</title></head><body>'
        "<div id='contentleft'><h2>抽蓄电站开工</h2>"
        "<p class='date'>作者：东岭 发布于：2025-3-28 21:14</p>"
        f"<p>{PROSE}</p><div class='nextlog'>&laquo; <a href='/post-1.html'>光伏组件价格新低</a>"
        " | <a href='/post-3.html'>虚拟电厂还没跑通</a>&raquo;</div></div>"
        "<div id='footer'>Powered by emlog</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "post.html", page))
    assert rec.body == PROSE


def test_a_press_releases_contact_card_is_not_its_text(tmp_path: Path) -> None:
    # A maker's press release with its media contact card in the column beside it: a heading,
    # a department, an address and a number, then a subscribe box; none is the release's text.
    page = (
        '<html><head><meta charset="utf-8"><title>东岭叶片工厂扩建完成 | 新闻稿 | 东岭风能</title>'
        "</head><body><h1>东岭叶片工厂扩建完成</h1><div class='date'>2025/6/18</div>"
        f"<div class='sfnewsContent'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='contactcard'><h3>媒体联系人</h3><p>东岭风能传播部<br/>"
        "<a href='mailto:press@dongling.example.com'>press@dongling.example.com</a><br/>"
        "+86 21 6000 0000</p></div><div class='subscribe'><h3>订阅新闻</h3>"
        "<p>输入您的电子邮箱以接收我们的新闻稿。</p></div>"
        "<div class='footer'>© 2025 东岭风能 保留所有权利。</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "release.html", page))
    assert rec.body.splitlines() == [PROSE, MORE]


def test_an_authors_role_under_the_name_is_not_the_text(tmp_path: Path) -> None:
    # A documentation site's blog post: the author's card (schema.org's Person) gives the
    # name and, under it, the author's role; neither is the post's text.
    page = (
        '<html><head><meta charset="utf-8"><title>东岭EMS入选开源之夏 | 东岭EMS</title></head>'
        "<body><main><article itemprop='blogPost' itemscope itemtype='https://schema.org/BlogPosting'>"
        "<header><h1 itemprop='headline'>东岭EMS入选开源之夏</h1><div class='container'>"
        "<time datetime='2025-07-08T00:00:00.000Z' itemprop='datePublished'>2025年7月8日</time>"
        " · 阅读需 1 分钟</div><div class='row'><div class='col authorCol'>"
        "<div class='avatar'><a href='/u/lz' class='avatar__photo-link'>"
        "<img class='avatar__photo' src='/a.png' alt='周小舟' itemprop='image'></a>"
        "<div class='avatar__intro' itemprop='author' itemscope itemtype='https://schema.org/Person'>"
        "<div class='avatar__name'><span itemprop='name'>周小舟</span></div>"
        "<small class='avatar__subtitle' itemprop='description'>核心维护者</small></div></div>"
        "</div></div></header><div class='markdown' itemprop='articleBody'>"
        f"<p>{PROSE}</p></div></article></main></body></html>"
    )
    rec = read_one(write_page(tmp_path / "post.html", page))
    assert rec.body == PROSE


def test_a_copyright_lines_holder_around_latin_words(tmp_path: Path) -> None:
    # The forum software's name before the mark is no holder (powered by X | 站名 © 2025), and a
    # Latin full stop after the holder is not its name's (© 2025 X社区. Built with Y).
    lines = (
        "powered by NodeBB | 东岭光伏社区 © 2025 | 浙ICP备00000000号-1",
        "Copyright © 2025 东岭EMS社区. Built with Docusaurus.",
    )
    for n, footer in enumerate(lines):
        text = (
            f"东岭二期风场完成吊装的几点体会\n2025年7月2日 15:30\n\n{PROSE}\n\n{MORE}\n\n{footer}\n"
        )
        rec = read_one(write_page(tmp_path / f"{n}" / "post.txt", text))
        assert rec.source == ("东岭光伏社区", "东岭EMS社区")[n]


def test_an_author_line_with_the_authors_role_is_a_byline(tmp_path: Path) -> None:
    # An insight piece's author line, the role after a comma (作者：X，首席电气工程师): a byline,
    # not the text's first paragraph.
    page = (
        '<html><head><meta charset="utf-8"><title>构网型变流器的作用 | 行业洞察 | 东岭风能</title>'
        "</head><body><h1>构网型变流器的作用</h1><div class='sfnewsAuthorAndDate'>"
        "<span class='sfnewsAuthor'>作者：周小舟，首席电气工程师</span></div>"
        f"<div class='sfnewsContent'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "insight.html", page))
    assert rec.body.splitlines() == [PROSE, MORE]
