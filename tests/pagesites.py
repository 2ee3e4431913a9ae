# ruff: noqa: E501  (the HTML templates keep their lines as a page would have them)
"""Writes a corpus of saved news pages from six invented sites, text and HTML, with the values
each page must come out with (`Expected`). All text is our own; the sites, places, people and
figures are made up.

Layouts A–D were used to design the page rules; E and F were written afterwards and held out
(their results were recorded before any rule was changed for them), G and H later still, a
second held-out round (bench/results/pages.md).

Run ``python tests/pagesites.py DIR`` to write the corpus to DIR and print the table.
"""

from __future__ import annotations

import codecs
import gzip
import json
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

CATEGORIES = ("政策", "项目", "技术")
TOPICS = ("光伏", "风电", "储能", "氢能", "抽水蓄能", "特高压", "充电桩", "地热")
# Headline places (A1 + A2) and body-only places (B1 + B2): invented, rare characters, so that
# a phrase search for one finds exactly one page.
A1, A2 = "岚柘湄汀萝棠澄霁楠芷", "川溪湾岭港原洲坪屿滩"
B1, B2 = "鹭枫榆蓼槐杉苇菱荻蘅", "桥塘坝渡垭湖峰冈泉陂"
PEOPLE = ("王某", "李某", "张某", "赵某", "钱某", "孙某", "周某", "吴某", "郑某")
SOURCES = ("中国能源报", "某省发展改革委", "电力规划研究院", "新能源产业联盟", "某市融媒体中心")


@dataclass
class Expected:
    """What one page must become (None: must be absent)."""

    path: str  # relative to the corpus root
    layout: str
    title: str | None
    published: str | None
    category: str | None
    source: str | None
    phrase: str  # occurs in this page's body only
    skip: str | None = None  # a page that must be skipped, with this reason
    chrome: list[str] = field(default_factory=list)


@dataclass
class Article:
    n: int
    category: str
    topic: str
    place: str
    body_place: str
    title: str
    paragraphs: list[str]
    date: tuple[int, int, int] | None
    time: str
    source: str | None
    author: str
    editor: str


def article(n: int, category: str, *, dated: bool = True, source: bool = True) -> Article:
    topic = TOPICS[n % len(TOPICS)]
    place = A1[n % 10] + A2[(n // 10) % 10]
    body_place = B1[n % 10] + B2[(n // 10) % 10] + "镇"
    if category == "政策":
        title = f"{place}印发{topic}产业高质量发展实施方案"
    elif category == "项目":
        title = f"{place}{20 + n % 70}万千瓦{topic}项目全面开工建设"
    else:
        title = f"{place}研发团队突破{topic}核心部件关键技术"
    mw = 100 + 7 * n
    paragraphs = [
        f"记者从{place}有关部门获悉，当地{topic}领域近期取得新的进展，"
        f"首批试点落在{body_place}，计划总投资约{mw // 10}亿元。",
        f"据介绍，{body_place}试点共规划建设规模{mw}兆瓦，建成后每年可减少二氧化碳排放"
        f"约{mw * 3}吨，带动上下游企业二十余家。",
        f"负责人{PEOPLE[n % 9]}表示，下一步将完善配套政策，"
        f"加快推动{topic}与电网协同发展，形成可复制、可推广的经验。",
    ]
    if not dated:  # a page without a date whose text names years: it must stay undated
        paragraphs.append(f"按照规划，到2035年{place}{topic}装机将比2030年再翻一番。")
    year = 2019 + n % 6
    date = (year, 1 + n % 12, 1 + (n * 7) % 28) if dated else None
    return Article(
        n=n,
        category=category,
        topic=topic,
        place=place,
        body_place=body_place,
        title=title,
        paragraphs=paragraphs,
        date=date,
        time=f"{8 + n % 10:02d}:{(n * 13) % 60:02d}",
        source=SOURCES[n % len(SOURCES)] if source else None,
        author=PEOPLE[(n + 3) % 9],
        editor=PEOPLE[(n + 5) % 9],
    )


def iso(a: Article) -> str | None:
    return "{:04d}-{:02d}-{:02d}".format(*a.date) if a.date else None


def cn(a: Article) -> str:
    y, m, d = a.date or (0, 0, 0)
    return f"{y}年{m}月{d}日"


# ---- layout A: breadcrumb, byline under the headline, editor, prev/next, share, footer ----


def a_text(a: Article, others: list[Article]) -> str:
    byline = f"发布时间：{iso(a)} {a.time}"
    if a.source:
        byline += f"  来源：{a.source}"
    byline += f"  作者：{a.author}"
    lines = [
        "甲能源网 — 汇聚能源力量",
        "首页 | 新闻 | 政策 | 项目 | 技术 | 专题 | 会展",
        f"当前位置：甲能源网 首页 > 新闻 > {a.category}",
        "",
        a.title,
        byline,
        "【字号 大 中 小】 打印本页",
        "",
        *("　　" + p for p in a.paragraphs),
        "",
        f"责任编辑：{a.editor}",
        f"上一篇：{others[0].title}",
        f"下一篇：{others[1].title}",
        "分享到：微信 微博 QQ空间",
        "相关阅读",
        *(o.title for o in others[2:5]),
        "关于我们 | 联系我们 | 网站地图 | 广告服务",
        "版权所有 © 2012-2024 甲能源网 京ICP备18012345号-1",
    ]
    return "\n".join(lines) + "\n"


def a_html(a: Article, others: list[Article]) -> str:
    source = f"<span>来源：{a.source}</span>" if a.source else ""
    related = "".join(f'<li><a href="/n/{o.n}.html">{o.title}</a></li>' for o in others[2:5])
    paras = "".join(f"<p>{p}</p>" for p in a.paragraphs)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>{a.title}_{a.category}_甲能源网</title>
<meta name="keywords" content="{a.topic},能源">
</head><body>
<div class="top"><div class="logo">甲能源网 — 汇聚能源力量</div>
<ul class="nav"><li>首页</li><li>新闻</li><li>政策</li><li>项目</li><li>技术</li><li>专题</li></ul></div>
<div class="crumb">当前位置：<a href="/">甲能源网 首页</a> &gt; <a href="/news/">新闻</a> &gt; {a.category}</div>
<div class="main"><h1>{a.title}</h1>
<div class="info"><span>发布时间：{iso(a)} {a.time}</span>{source}<span>作者：{a.author}</span></div>
<div class="tools">【字号 大 中 小】 打印本页</div>
<div class="content">{paras}</div>
<div class="editor">责任编辑：{a.editor}</div>
<div class="pn"><p>上一篇：<a href="/n/{others[0].n}.html">{others[0].title}</a></p>
<p>下一篇：<a href="/n/{others[1].n}.html">{others[1].title}</a></p></div>
<div class="share">分享到：微信 微博 QQ空间</div>
<div class="related"><h3>相关阅读</h3><ul>{related}</ul></div></div>
<div class="footer"><p>关于我们 | 联系我们 | 网站地图 | 广告服务</p>
<p>版权所有 © 2012-2024 甲能源网 京ICP备18012345号-1</p></div>
</body></html>
"""


A_CHROME = [
    "汇聚能源力量",
    "京ICP备18012345号",
    "分享到",
    "上一篇",
    "责任编辑",
    "广告服务",
    "打印本页",
]


# ---- layout B: sidebar of popular headlines first, bare date under the headline, CRLF ----

B_POPULAR: list[Article] = []


def b_text(a: Article, others: list[Article]) -> str:
    lines = [
        "乙电力在线",
        "要闻  政策  项目  技术  国际  数据",
        "热门文章",
        *(o.title for o in B_POPULAR),
        "",
        a.title,
        *([a.date and "{:04d}/{:02d}/{:02d}".format(*a.date)] if a.date else []),
        "",
        "乙电力在线讯 " + a.paragraphs[0],
        *a.paragraphs[1:],
        *([f"（来源：{a.source}）"] if a.source else []),
        "扫一扫 关注乙电力在线公众号",
        f"阅读 {1000 + a.n * 37}",
        "乙电力在线 版权所有 未经授权禁止转载",
    ]
    return "\r\n".join(line for line in lines if line is not None) + "\r\n"


def b_html(a: Article, others: list[Article]) -> str:
    popular = "".join(f"<li><a href='/p/{o.n}'>{o.title}</a></li>" for o in B_POPULAR)
    meta = (
        f'<meta property="article:published_time" content="{iso(a)}T{a.time}:00+08:00">'
        if a.date
        else ""
    )
    time = (
        f'<time datetime="{iso(a)}">{"{:04d}/{:02d}/{:02d}".format(*a.date)}</time>'
        if a.date
        else ""
    )
    source = f"<p>（来源：{a.source}）</p>" if a.source else ""
    paras = "".join(f"<p>{p}</p>" for p in a.paragraphs[1:])
    text = f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{a.title} - 乙电力在线</title>
<meta property="og:title" content="{a.title}">
<meta property="og:site_name" content="乙电力在线">
{meta}
</head>
<body>
<header><div class="brand">乙电力在线</div>
<nav>要闻 政策 项目 技术 国际 数据</nav></header>
<aside class="hot"><h2>热门文章</h2><ul>{popular}</ul></aside>
<article><h1 class="title">{a.title}</h1>{time}
<p>乙电力在线讯 {a.paragraphs[0]}</p>{paras}{source}</article>
<div class="qr">扫一扫 关注乙电力在线公众号</div>
<div class="views">阅读 {1000 + a.n * 37}</div>
<footer>乙电力在线 版权所有 未经授权禁止转载</footer>
</body>
</html>
"""
    return text.replace("\n", "\r\n")


B_CHROME = ["关注乙电力在线公众号", "未经授权禁止转载", "热门文章"]


# ---- layout C: byline (date, site) above the headline, editors, 猜你喜欢, GB2312 HTML ----


def c_text(a: Article, others: list[Article]) -> str:
    weekday = "一二三四五六日"[a.n % 7]
    byline = f"{cn(a)} {a.time} 星期{weekday}"
    byline += f"  来源：{a.source}" if a.source else "  丙能源资讯"
    lines = [
        "丙能源资讯 | 专注新能源产业",
        f"首页 > {a.category}",
        byline,
        a.title,
        *a.paragraphs,
        "【打印】【关闭】",
        f"编辑：{a.editor}  审核：{a.author}  校对：{PEOPLE[a.n % 9]}",
        "猜你喜欢",
        *(o.title for o in others[:3]),
        "Copyright © 2016-2024 丙能源资讯 All Rights Reserved 沪ICP备16023456号",
    ]
    return "\n".join(lines) + "\n"


def c_html(a: Article, others: list[Article]) -> str:
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "datePublished": f"{iso(a)}T{a.time}:00+08:00",
        },
        ensure_ascii=False,
    )
    source = f"来源：{a.source}" if a.source else "丙能源资讯"
    liked = "".join(f"<li>{o.title}</li>" for o in others[:3])
    paras_after = "".join(f"<p>{p}</p>" for p in a.paragraphs[1:])
    return f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>丙能源资讯-{a.title}</title>
<script type="application/ld+json">{ld}</script>
</head><body>
<div id="hd">丙能源资讯 | 专注新能源产业</div>
<div id="pos">首页 &gt; {a.category}</div>
<div id="art"><div class="src">{cn(a)} {a.time} {source}</div>
<h1>{a.title}</h1><div class="txt"><p>本网记者陈喆报道：{a.paragraphs[0]}</p>{paras_after}</div>
<div class="op">【打印】【关闭】</div>
<div class="ed">编辑：{a.editor}  审核：{a.author}</div></div>
<div id="like"><b>猜你喜欢</b><ul>{liked}</ul></div>
<div id="ft">Copyright © 2016-2024 丙能源资讯 All Rights Reserved 沪ICP备16023456号</div>
</body></html>
"""


C_CHROME = ["专注新能源产业", "沪ICP备16023456号", "猜你喜欢", "All Rights Reserved", "校对"]


# ---- layout D: page title line first, 日期/浏览 line, footer repeating the headline ----


def d_text(a: Article, others: list[Article]) -> str:
    lines = [
        f"{a.title}_{a.category}_丁新能源网",
        "丁新能源网 www.ding-xny.example",
        "导航：首页 | 资讯 | 项目 | 技术 | 政策 | 视频",
        "",
        a.title,
        f"日期：{iso(a)}　浏览：{300 + a.n}次" + (f"　来源：{a.source}" if a.source else ""),
        "",
        *a.paragraphs,
        "",
        f"未经允许不得转载：丁新能源网 » {a.title}",
        "排行榜",
        *(f"{i + 1}. {o.title}" for i, o in enumerate(others[:4])),
    ]
    return "\n".join(lines) + "\n"


def d_html(a: Article, others: list[Article]) -> str:
    ranking = "".join(f"<li>{o.title}</li>" for o in others[:4])
    paras = "".join(f"<p>{p}</p>" for p in a.paragraphs)
    source = f"　来源：{a.source}" if a.source else ""
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8">
<title>{a.title}_{a.category}_丁新能源网</title>
<link rel="canonical" href="https://www.ding-xny.example/{a.n}.html">
<meta property="og:url" content="https://www.ding-xny.example/{a.n}.html">
</head><body><div class="head">丁新能源网 www.ding-xny.example</div>
<div class="menu">导航：首页 | 资讯 | 项目 | 技术 | 政策 | 视频</div>
<div class="post"><h1>{a.title}</h1>
<div class="meta">日期：{iso(a)}　浏览：{300 + a.n}次{source}</div>
<div class="entry">{paras}</div>
<p class="copy">未经允许不得转载：丁新能源网 » {a.title}</p></div>
<div class="side"><h3>排行榜</h3><ol>{ranking}</ol></div></body></html>
"""


D_CHROME = ["未经允许不得转载", "排行榜", "浏览"]


# ---- layout E (held out): a government portal, 信息来源/发布日期 line, <meta name="PubDate"> ----


def e_text(a: Article, others: list[Article]) -> str:
    source = f"信息来源：{a.source}  " if a.source else ""
    lines = [
        "戊市发展和改革委员会",
        "网站首页  机构概况  政务公开  政策文件  办事服务  互动交流",
        f"您现在的位置：首页 >> 政务公开 >> {a.category}",
        a.title,
        f"{source}发布日期：{iso(a)}  浏览次数：",
        "【打印】 【关闭】",
        *("    " + p for p in a.paragraphs),
        "附件：无",
        "扫一扫在手机打开当前页",
        "主办单位：戊市发展和改革委员会  承办单位：戊市信息中心",
        "网站标识码：5101000042  蜀ICP备12345678号-2  川公网安备 51010402000123号",
    ]
    return "\n".join(lines) + "\n"


def e_html(a: Article, others: list[Article]) -> str:
    source = f'<meta name="ContentSource" content="{a.source}">' if a.source else ""
    shown = f"信息来源：{a.source}&nbsp;&nbsp;" if a.source else ""
    paras = "".join(f'<p style="text-indent:2em">{p}</p>' for p in a.paragraphs)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{a.title}-戊市发展和改革委员会</title>
<meta name="ArticleTitle" content="{a.title}">
<meta name="PubDate" content="{iso(a)} {a.time}">
{source}
</head><body>
<table class="top"><tr><td>戊市发展和改革委员会</td></tr>
<tr><td>网站首页 | 机构概况 | 政务公开 | 政策文件 | 办事服务 | 互动交流</td></tr></table>
<div class="location">您现在的位置：<a>首页</a> &gt;&gt; <a>政务公开</a> &gt;&gt; <a>{a.category}</a></div>
<div class="article"><div class="title">{a.title}</div>
<div class="property">{shown}发布日期：{iso(a)}&nbsp;&nbsp;浏览次数：<span id="count"></span></div>
<div class="tool">【打印】 【关闭】</div>
<div class="TRS_Editor">{paras}</div>
<div class="fj">附件：无</div></div>
<div class="qr">扫一扫在手机打开当前页</div>
<div class="bottom">主办单位：戊市发展和改革委员会&nbsp;&nbsp;承办单位：戊市信息中心<br>
网站标识码：5101000042&nbsp;&nbsp;蜀ICP备12345678号-2&nbsp;&nbsp;川公网安备 51010402000123号</div>
</body></html>
"""


E_CHROME = ["网站标识码", "承办单位", "扫一扫在手机打开当前页", "机构概况", "附件"]


# ---- layout F (held out): a blog, "站名 / 作者 / 日期 / 栏目" line, END mark, 往期回顾 ----


def f_text(a: Article, others: list[Article]) -> str:
    y, m, d = a.date or (0, 0, 0)
    lines = [
        "己能观察 · 新能源深度报道",
        "[ 首页 ] [ 快讯 ] [ 深度 ] [ 数据 ] [ 关于 ]",
        a.title,
        f"己能观察 / {a.author} / {y}年{m:02d}月{d:02d}日 星期{'一二三四五六日'[a.n % 7]}",
        *a.paragraphs,
        *([f"本文来源：{a.source}"] if a.source else []),
        f"标签：{a.topic} 新能源",
        "—— END ——",
        "往期回顾",
        *(f"· {o.title}" for o in others[:3]),
        "喜欢这篇文章？点个在看吧",
        "© 2024 己能观察 保留所有权利",
    ]
    return "\n".join(lines) + "\n"


def f_html(a: Article, others: list[Article]) -> str:
    y, m, d = a.date or (0, 0, 0)
    past = "".join(f"<li><a href='/p/{o.n}/'>{o.title}</a></li>" for o in others[:3])
    source = f"<p>本文来源：{a.source}</p>" if a.source else ""
    paras = "".join(f"<p>{p}</p>" for p in a.paragraphs)
    return f"""<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8">
<title>{a.title} | 己能观察</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{a.title}">
<meta property="og:site_name" content="己能观察">
</head><body class="single-post">
<header class="site-header"><p class="site-title">己能观察 · 新能源深度报道</p>
<nav>[ 首页 ] [ 快讯 ] [ 深度 ] [ 数据 ] [ 关于 ]</nav></header>
<main><h2 class="entry-title">{a.title}</h2>
<div class="post-meta">己能观察 / {a.author} / <span class="post-date">{y}年{m:02d}月{d:02d}日</span> / {a.category}</div>
<div class="entry-content">{paras}{source}</div>
<div class="tags">标签：{a.topic} 新能源</div>
<p class="end">—— END ——</p>
<section class="past"><h4>往期回顾</h4><ul>{past}</ul></section>
<p class="like">喜欢这篇文章？点个在看吧</p></main>
<footer>© 2024 己能观察 保留所有权利</footer></body></html>
"""


F_CHROME = ["新能源深度报道", "往期回顾", "点个在看吧", "保留所有权利", "END"]


# ---- layouts G and H (a second held-out round, written after E and F were fixed) ----------
# G: a subtitle line under the headline, 作者/来源/时间 byline, 导读, （完）, 推荐新闻 list.
# H: an old table layout, GBK, <br> paragraphs, 发布时间 in Chinese, 相关链接.


def g_text(a: Article, others: list[Article]) -> str:
    source = f"来源：{a.source}  " if a.source else ""
    lines = [
        "庚能新闻网",
        "网站首页 | 国内 | 国际 | 产业 | 评论",
        a.title,
        f"——{a.topic}产业观察之{a.n}",
        f"作者：{a.author}  {source}时间：{iso(a)}",
        f"【导读】本文介绍{a.place}的{a.topic}进展。",
        *a.paragraphs,
        "（完）",
        "推荐新闻",
        *(f"· {o.title}" for o in others[:3]),
        "网站简介 | 联系方式 | 法律声明",
        "庚能新闻网 版权所有 粤ICP备20201234号",
    ]
    return "\n".join(lines) + "\n"


def g_html(a: Article, others: list[Article]) -> str:
    source = f"<span>来源：{a.source}</span>" if a.source else ""
    paras = "".join(f"<p>{p}</p>" for p in a.paragraphs)
    recommended = "".join(f"<li>· {o.title}</li>" for o in others[:3])
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{a.title}--庚能新闻网</title>
<meta name="description" content="本文介绍{a.place}的{a.topic}进展"></head><body>
<div id="logo">庚能新闻网</div><div id="menu">网站首页 | 国内 | 国际 | 产业 | 评论</div>
<div id="article"><h1>{a.title}</h1><h2>——{a.topic}产业观察之{a.n}</h2>
<div class="byline"><span>作者：{a.author}</span>{source}<span>时间：{iso(a)}</span></div>
<div class="lead">【导读】本文介绍{a.place}的{a.topic}进展。</div>
<div class="body">{paras}<p>（完）</p></div></div>
<div id="rec"><h3>推荐新闻</h3><ul>{recommended}</ul></div>
<div id="foot"><p>网站简介 | 联系方式 | 法律声明</p><p>庚能新闻网 版权所有 粤ICP备20201234号</p></div>
</body></html>
"""


G_CHROME = ["推荐新闻", "法律声明", "粤ICP备20201234号", "产业观察之"]


def h_text(a: Article, others: list[Article]) -> str:
    source = f"　来源：{a.source}" if a.source else ""
    lines = [
        "辛电力信息港 服务电力行业二十年",
        "首页 新闻 政策 市场 技术",
        a.title,
        f"发布时间：{cn(a)}{source}　点击：{a.n * 3}",
        *("　　" + p for p in a.paragraphs),
        "[打印] [关闭]",
        "相关链接：",
        *(o.title for o in others[:3]),
        "辛电力信息港 版权所有 Copyright 2003-2024 京ICP备03012345号",
    ]
    return "\n".join(lines) + "\n"


def h_html(a: Article, others: list[Article]) -> str:
    source = f"&nbsp;&nbsp;来源：{a.source}" if a.source else ""
    paras = "<br>".join("　　" + p for p in a.paragraphs)
    links = "".join(f"<tr><td><a>{o.title}</a></td></tr>" for o in others[:3])
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>{a.title}</title></head>
<body><table width=960><tr><td><img src=logo.gif alt="辛电力信息港"></td><td>辛电力信息港 服务电力行业二十年</td></tr></table>
<table><tr><td><a>首页</a></td><td><a>新闻</a></td><td><a>政策</a></td><td><a>市场</a></td><td><a>技术</a></td></tr></table>
<table><tr><td class=title><font size=5><b>{a.title}</b></font></td></tr>
<tr><td align=center>发布时间：{cn(a)}{source}&nbsp;&nbsp;点击：{a.n * 3}</td></tr>
<tr><td class=content>{paras}</td></tr>
<tr><td align=right>[打印] [关闭]</td></tr></table>
<table><tr><td>相关链接：</td></tr>{links}</table>
<table><tr><td>辛电力信息港 版权所有 Copyright 2003-2024 京ICP备03012345号</td></tr></table></body></html>
"""


H_CHROME = ["服务电力行业二十年", "相关链接", "京ICP备03012345号", "点击"]


@dataclass
class Layout:
    key: str
    folder: str
    site: str
    text: Callable[[Article, list[Article]], str]
    html: Callable[[Article, list[Article]], str]
    chrome: list[str]
    html_encoding: str = "utf-8"  # C: declared GB2312, stored as GB18030 (喆 is not in GB2312)
    html_suffix: str = ".html"


LAYOUTS = [
    Layout("A", "www.jia-energy.example", "甲能源网", a_text, a_html, A_CHROME),
    Layout("B", "yidianli.example", "乙电力在线", b_text, b_html, B_CHROME, html_suffix=".htm"),
    Layout("C", "bing-energy.example", "丙能源资讯", c_text, c_html, C_CHROME, "gb18030", ".shtml"),
    Layout("D", "www.ding-xny.example", "丁新能源网", d_text, d_html, D_CHROME),
    Layout("E", "fgw.wu.gov.example", "戊市发展和改革委员会", e_text, e_html, E_CHROME),
    Layout("F", "jineng.blog.example", "己能观察", f_text, f_html, F_CHROME, html_suffix=".xhtml"),
    Layout("G", "gengneng.example", "庚能新闻网", g_text, g_html, G_CHROME),
    Layout("H", "xindl.example", "辛电力信息港", h_text, h_html, H_CHROME, "gbk", ".htm"),
]


def _expected_source(layout: Layout, a: Article) -> str:
    return a.source or layout.site


def write_corpus(root: Path) -> list[Expected]:
    """Write every layout's pages under `root`; the expected values of each page."""
    expected: list[Expected] = []
    n = 0
    site_articles: dict[str, list[Article]] = {}
    for layout in LAYOUTS:
        arts: list[Article] = []
        for c, category in enumerate(CATEGORIES):
            for k in range(4 if layout.key < "G" else 3):
                n += 1
                dated = not (layout.key == "B" and c == 2 and k in (0, 1))
                has_source = (n % 3) != 0
                arts.append(article(n, category, dated=dated, source=has_source))
        site_articles[layout.key] = arts
    B_POPULAR[:] = site_articles["B"][:5]
    for layout in LAYOUTS:
        arts = site_articles[layout.key]
        for i, a in enumerate(arts):
            others = [arts[(i + j) % len(arts)] for j in range(1, 6)]
            kind = "html" if i % 2 else "text"
            folder = root / layout.folder / a.category
            folder.mkdir(parents=True, exist_ok=True)
            if kind == "text":
                text = layout.text(a, others)
                name = f"{a.n:04d}.txt"
                data = text.encode("utf-8")
                if layout.key == "A" and i == 0:
                    data = codecs.BOM_UTF8 + data  # a UTF-8 BOM page
            else:
                text = layout.html(a, others)
                name = f"{a.n:04d}{layout.html_suffix}"
                data = text.encode(layout.html_encoding)
            (folder / name).write_bytes(data)
            expected.append(
                Expected(
                    path=f"{layout.folder}/{a.category}/{name}",
                    layout=layout.key,
                    title=a.title,
                    published=iso(a),
                    category=a.category,
                    source=_expected_source(layout, a),
                    phrase=a.body_place,
                    chrome=layout.chrome,
                )
            )
    expected += _special_pages(root, site_articles)
    return expected


def _special_pages(root: Path, site_articles: dict[str, list[Article]]) -> list[Expected]:
    out: list[Expected] = []
    a_layout, c_layout, d_layout = LAYOUTS[0], LAYOUTS[2], LAYOUTS[3]
    # A folder mixing two sites (no category folder): A's breadcrumb names the category, D's
    # pages have none.
    mixed = root / "crawl-2023-11"
    mixed.mkdir()
    extra = [article(91 + k, CATEGORIES[k % 3]) for k in range(4)]
    for k, a in enumerate(extra):
        layout = a_layout if k < 2 else d_layout
        others = [extra[(k + j) % 4] for j in range(1, 4)] + site_articles[layout.key][:2]
        name = (
            f"{layout.key.lower()}-{a.n}.txt" if k % 2 == 0 else f"{layout.key.lower()}-{a.n}.html"
        )
        text = layout.text(a, others) if k % 2 == 0 else layout.html(a, others)
        (mixed / name).write_text(text, "utf-8")
        out.append(
            Expected(
                path=f"crawl-2023-11/{name}",
                layout=layout.key,
                title=a.title,
                published=iso(a),
                category=a.category if layout.key == "A" else None,
                source=_expected_source(layout, a),
                phrase=a.body_place,
                chrome=layout.chrome,
            )
        )
    # A traditional-character page with full-width digits in its byline (layout C).
    a = article(95, "技术")
    others = site_articles["C"][:3]
    text = c_text(a, others)
    trad = str.maketrans(
        "资讯专注产业来源发团队关键术记门获悉当领进计划总约亿据绍规设减带动企业负责表将协网电经验"
        "编辑审核猜欢页实现",
        "資訊專注產業來源發團隊關鍵術記門獲悉當領進計劃總約億據紹規設減帶動企業負責表將協網電經驗"
        "編輯審核猜歡頁實現",
    )
    text = text.translate(trad)
    full = str.maketrans("0123456789", "０１２３４５６７８９")
    first, _, rest = text.partition("\n")
    second, _, rest = rest.partition("\n")
    third, _, rest = rest.partition("\n")
    text = "\n".join([first, second, third.translate(full), rest])
    folder = root / c_layout.folder / "技术"
    (folder / "0095.txt").write_text(text, "utf-8")
    title = a.title.translate(trad)
    out.append(
        Expected(
            path=f"{c_layout.folder}/技术/0095.txt",
            layout="C",
            title=title,
            published=iso(a),
            category="技术",
            source=(a.source or "丙能源资讯").translate(trad),
            phrase=a.body_place,
            chrome=c_layout.chrome,
        )
    )
    # Pages with nothing to index: a list page, a navigation-only page, an empty and a
    # binary file.
    arts = site_articles["A"]
    listing = "\n".join(
        [
            "甲能源网 — 汇聚能源力量",
            "首页 | 新闻 | 政策 | 项目 | 技术 | 专题 | 会展",
            "当前位置：首页 > 新闻 > 政策",
            *(f"{o.title} {iso(o)}" for o in arts),
            "上一页 1 2 3 下一页",
            "版权所有 © 2012-2024 甲能源网 京ICP备18012345号-1",
        ]
    )
    (root / a_layout.folder / "政策" / "index.txt").write_text(listing, "utf-8")
    items = "".join(
        f"<li><a href='/n/{o.n}.html'>{o.title}</a><span>{iso(o)}</span></li>" for o in arts
    )
    (root / a_layout.folder / "项目" / "list_2.html").write_text(
        f"<html><head><meta charset='utf-8'><title>项目_甲能源网</title></head><body>"
        f"<div class='nav'>首页 | 新闻 | 政策 | 项目</div><ul class='list'>{items}</ul>"
        f"<div class='footer'>版权所有 © 2012-2024 甲能源网</div></body></html>",
        "utf-8",
    )
    (root / d_layout.folder / "nav.html").write_text(
        "<html><body><div class='menu'>导航：首页 | 资讯 | 项目 | 技术 | 政策 | 视频</div>"
        "<div class='head'>丁新能源网 www.ding-xny.example</div></body></html>",
        "utf-8",
    )
    (root / d_layout.folder / "empty.txt").write_bytes(b"")
    (root / d_layout.folder / "logo.htm").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 4)
    gz = gzip.compress(d_html(article(96, "项目"), site_articles["D"][:4]).encode("utf-8"))
    (root / d_layout.folder / "项目" / "0096.html.gz").write_bytes(gz)
    a = article(96, "项目")
    out.append(
        Expected(
            path=f"{d_layout.folder}/项目/0096.html.gz",
            layout="D",
            title=a.title,
            published=iso(a),
            category="项目",
            source=_expected_source(d_layout, a),
            phrase=a.body_place,
            chrome=d_layout.chrome,
        )
    )
    for path, reason in (
        (f"{a_layout.folder}/政策/index.txt", "no article text"),
        (f"{a_layout.folder}/项目/list_2.html", "no article text"),
        (f"{d_layout.folder}/nav.html", "no article text"),
        (f"{d_layout.folder}/empty.txt", "empty file"),
        (f"{d_layout.folder}/logo.htm", "binary file"),
    ):
        out.append(Expected(path, "-", None, None, None, None, "", skip=reason))
    return out


def main(argv: list[str]) -> int:
    root = Path(argv[1])
    root.mkdir(parents=True, exist_ok=True)
    for row in write_corpus(root):
        print(json.dumps(asdict(row), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
