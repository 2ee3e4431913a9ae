"""Built-in rules for the furniture of Chinese news pages.

These rules apply to every page, alone or in a folder: breadcrumbs (``首页 >``, ``当前位置：``),
``上一篇/下一篇``, editors (``责任编辑/编辑/审核/校对``), share bars, QR-code prompts, copyright and
ICP lines, related-article headings, print/close links, view counters, font-size switches and
navigation bars; a sentence of the text that such a word merely opens
(扫一扫X上的二维码即可缴费，…。) is no furniture. Written by hand: no maintained library
describes Chinese news-site furniture (trafilatura's boilerplate heuristics work on HTML
structure, not on the words of a line).

`line_rule` names the rule a line matches; the pipeline around it: `index.linetext` (a line
simplified and its shape, shared by every rule), `index.bylines` (the line that states a
page's date and source), `index.sitenames` (the names a site prints for itself).
"""

from __future__ import annotations

import itertools
import re

from xinwen.index.linetext import (
    CJK,
    MAX_FURNITURE_CHARS,
    SENTENCE,
    looks_like_site_name,
    simplified,
    unspaced_labels,
)

# A government document's issuing organ's mark (东川省能源局文件, X人民政府办公厅文件).
_ISSUER_MARK = (
    r"^(?P<issuer>[\u3400-\u9fff]{2,24}?(?:局|厅|委|委员会|政府|办公厅|办公室|部|署|院|公司|集团"
    r"|中心|会|处|所|站))\s*文件$"
)
_ISSUER = re.compile(_ISSUER_MARK)


def document_issuer(line: str) -> str | None:
    """The organ a government document's head names (``X局文件`` → X局), or None."""
    return match["issuer"] if (match := _ISSUER.match(line)) else None


# A bare web address (nxny.example.org, https://www.x.com/): an address, never a name or text.
WEB_ADDRESS = r"(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,12}/?"
# A breadcrumb's label: 当前位置, 您的位置, 您现在的位置, 您当前的位置, 所在位置, 位置.
CRUMB_LABEL = r"^(?:(?:您|你)(?:当前|现在|所在)?的?|当前的?|现在的|所在的?)?位置"
# A file's extension in a label's list of downloads (附件：1.X.doc 2.Y.XLS).
_LISTED_FILE_EXT = r"(?:xlsx?|XLSX?|docx?|DOCX?|pdf|PDF|zip|ZIP|rar|RAR|7z|wps|et|pptx?|ofd)"
# The text itself as a reprint's note names it (本文, 此文系, 文章经).
_THIS_TEXT = r"(?:(?:本文|此文|该文|文章)(?:系|经)?)"
# The words of a reprint's credit before the paper's name in quotes (转载自《X》, 原载于《X》).
_REPRINTED = (
    r"(?:转载自|转载于|转自|转引自|摘编自|摘自|选自|原载于?|原刊于|原刊发于|刊载于|刊发于)"
    r"\s*《[^《》]{2,20}》"
)
# The links of a portal's top bar (see "top bar"): the account's, the site's other versions,
# the submission and feed links.
_TOP_LINK = (
    r"(?:(?:会员)?(?:登录|登陆|注册|免费注册|退出)|手机版|移动版|(?:在线)?投稿|RSS|(?:标签|TAG)云"
    r"|网站地图|设为首页|加入收藏|English|繁体|繁體|简体|邮件订阅|订阅|会员中心|帮助中心?)"
)

# Rules for a single line: (name, pattern searched in the line). The first match names the
# rule shown by `xinwen inspect`.
_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        # (当前位置, 您的位置, 您现在的位置, 您当前的位置, 您所在的位置, 所在位置 …)
        ("breadcrumb", CRUMB_LABEL + r"\s*[:：]"),
        ("breadcrumb", r"首页\s*[>＞»›/→]|[>＞»›→]\s*(?:正文|详情|内容)$"),
        # (the label spaced out to line up with the others: 栏　目：X)
        ("navigation", r"^(?:导\s{0,3}航|栏\s{0,3}目|频\s{0,3}道)\s*[:：]"),
        # (a header's scrolling notices: their label, then two or more other items' titles apart,
        # 通知公告：关于X的通知　　Y结果通报 — links to other pages, not a headline)
        (
            "navigation",
            r"^(?:通知公告|最新公告|网站公告|公告|通知|滚动新闻|最新消息|最新动态|快讯)\s*[:：]"
            r"\s*[^\s:：]{6,}(?:\s+[^\s:：]{6,})+$",
        ),
        # A printed page's number (— 1 —), as pdftotext gives it (not a subtitle).
        ("page number", r"^[-—–]\s*\d{1,3}\s*[-—–]$"),
        # A subtitle under the headline (——副标题): shown apart, as the headline is.
        ("subtitle", r"^(?![-—–\s]*(?:end|完)[-—–\s]*$)(?:——|—|--)\s*[^\s—–-]"),
        # A draft's mark under a document's title (（征求意见稿）): shown apart, as a subtitle is.
        ("subtitle", r"^[（(]\s*(?:征求意见稿|送审稿|讨论稿|修订稿|代拟稿|草案|草稿)\s*[）)]$"),
        # A government document's head (GB/T 9704): the issuing organ's mark (X文件) and the
        # document's number (X发〔2023〕12号) above its title.
        ("document header", _ISSUER_MARK),
        (
            "document number",
            r"^[\u3400-\u9fff]{1,12}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,5}\s*号$",
        ),
        # Its 版记's distribution lines (抄送：X), under the text.
        ("document distribution", r"^(?:抄送|主送|抄报|分送|发送)\s*[:：]"),
        # (an arrow may lead it: ← 上一条：X)
        (
            "previous/next",
            r"^(?:[←«‹<]\s*)?[【\[]?(?:上一篇|下一篇|上一条|下一条|上篇|下篇)[】\]]?\s*[:：]?",
        ),
        # (a documentation site's or a blog's links to the pages before and after, as arrows
        # show them on one line: ← 上一页的标题  下一页的标题 →)
        ("previous/next", r"^←\s*[^←→。！？；，,:：]{1,30}?\s+[^←→。！？；，,:：]{1,30}?\s*→$"),
        # (a blog's, between guillemets, set apart by a bar: « 上一篇的标题 | 下一篇的标题 »)
        (
            "previous/next",
            r"^[«‹]\s*[^«»‹›。！？；|｜]{1,40}?\s*[|｜]\s*[^«»‹›。！？；|｜]{1,40}?\s*[»›]$",
        ),
        # (a blog's, one a line, led by a guillemet: « 上一篇的标题, or both on one line, « X  Y »;
        # Chinese prose never uses guillemets, so the titles may hold any punctuation)
        ("previous/next", r"^[«‹]\s*[^«»‹›]{1,60}(?:\s[^«»‹›]{1,60}?\s*[»›])?$"),
        # (both titles run together between the guillemets, as a browser copies two links side by
        # side with nothing between them: « 上一篇的标题下一篇的标题 »)
        ("previous/next", r"^[«‹]\s*[^«»‹›]{2,120}?\s*[»›]$"),
        # (one of them alone on its line, ← X or X →: dropped, but, as a line of the text could
        # point so too, not the footer's start)
        ("page turning", r"^←\s*[^←→。！？；，,:：]{1,30}$|^[^←→。！？；，,:：]{1,20}?\s*→$"),
        # (the next page's title closed by a guillemet, 下一篇的标题 »: dropped, but, as a link
        # in the text could end so too (点击查看公示 »), not the footer's start)
        ("page turning", r"^[^«»‹›]{1,60}?\s*[»›]$"),
        (
            "editor",
            # (a newspaper page's editors, 本版编辑：X, 本版责编：X, 版面编辑：X)
            r"^[（(【\[]?\s*(?:(?:本版|本期|版面)(?:责任编辑|责编|编辑|校对|审读|美编)|责任编辑|责编|编辑|本文作者|文章作者|录入|文章录入|信息录入|审核|校对|终审|初审|复审|审校|监制|值班编辑"
            r"|文字编辑|美术编辑|图片编辑"
            # (a feature's credits: 策划：X 统筹：Y 摄影：Z, 文字：X 摄影：Y)
            r"|策划|统筹|出品|摄影|摄像|剪辑|美编|排版|制图|配图|(?:文字|撰稿)(?=\s*[:：]\s*\S+\s+"
            r"(?:摄影|摄像|编辑|制图)))\s*(?:[:：]|[丨|｜]\s*(?=[^\s|｜丨]))",
        ),
        # A credit alone under the text: the department that supplied it (供稿：党群工作部), or
        # the journal issue it was printed in (本文刊登于《X》2019年第12期).
        (
            "editor",
            r"^[（(]?\s*供稿(?:单位|部门)?\s*[:：]\s*[^\s:：，。]{2,20}\s*[）)]?$"
            r"|^[（(]?\s*本文(?:原)?(?:刊登|刊载|刊发|发表|原载)(?:于|在)\s*《[^《》]{2,20}》[^，。,]{0,16}[）)]?$",
        ),
        # A correspondent's credit alone on its line (通讯员：X, 通讯员：X Y): who wrote it, as a
        # 供稿 line says who supplied it; not a line of the text.
        (
            "editor",
            r"^[（(【\[]?\s*(?:特约)?通讯员\s*[:：]\s*[\u3400-\u9fff·]{2,6}"
            r"(?:[\s、，,]+[\u3400-\u9fff·]{2,6}){0,3}\s*[）)】\]]?$",
        ),
        # A line of credits that ends with the editor's (（供稿单位：X 摄影：Y 审核：Z）).
        (
            "editor",
            r"^[（(【\[]?(?:[^\s:：，。]{1,6}\s*[:：]\s*[^:：，。]{1,20}\s+){1,4}"
            r"(?:审核|责任编辑|责编|编辑|校对|终审|审校|审稿)\s*[:：]\s*[^\s:：，。]{1,10}\s*[）)】\]]?$",
        ),
        # (the same with slashes, as a college's news closes: （文/X 图/Y 审核/Z）)
        (
            "editor",
            r"^[（(【\[]?(?:[^\s/／:：，。]{1,6}\s*[/／]\s*[^\s/／:：，。]{1,20}\s+){1,4}"
            r"(?:审核|责任编辑|责编|编辑|校对|终审|审校|审稿)\s*[/／]\s*[^\s/／:：，。]{1,10}\s*[）)】\]]?$",
        ),
        # (and mixed, slashes for the writer's and the photographer's, a colon for the
        # editor's: 文/X 图/Y 编辑：Z; or a credit for words and pictures alone, 图文：X 部 Y)
        (
            "editor",
            r"^[（(【\[]?(?:[^\s/／:：，。]{1,6}\s*[/／:：]\s*[^\s/／:：，。]{1,20}\s+){1,4}"
            r"(?:审核|责任编辑|责编|编辑|校对|终审|审校|审稿)\s*[/／:：]\s*[^\s/／:：，。]{1,10}\s*[）)】\]]?$"
            r"|^[（(]?\s*(?:图文|文图|文/图|文、图)\s*[:：/／]\s*[^\s:：，。]{2,12}(?:\s+[^\s:：，。]{2,6})?"
            r"\s*[）)]?$",
        ),
        (
            "share",
            r"^(?:分享到|分享至|分享\s*[:：]|share\s*[:：]|一键分享|分享给(?:朋友|好友)$)"
            r"|(?:微信|微博)\s+(?:微博|QQ空间|微信)",
        ),
        # (the page's other buttons before the share label, printed in one run, bilingual on
        # Hong Kong's and Macau's sites: 列印 Print 電郵 Email 分享至：…, 打印 回上页 分享到：…)
        (
            "share",
            r"^(?:(?:列印|打印|列印本页|打印本页|电邮|电子邮件|电子邮箱|转寄|转寄好友|回上页|返回|收藏"
            r"|print|e-?mail|back)\s*)+(?:分享到|分享至|分享|share)\s*(?:[:：]|$|[A-Za-z]|微信|微博|QQ)",
        ),
        ("QR code", r"扫一扫|扫码|扫描二维码|关注.{0,12}公众号|长按(?:识别|扫码|二维码)"),
        (
            "share",
            # (also after the button's icon, 👍 点赞 58, and counted in brackets, 点赞(58))
            r"点个?在看|^(?:[^\w\s]\s*)?(?:点赞|打赏|赞赏|收藏|分享)(?:\s*(?:\d+|[(（]\s*\d+\s*[)）]))?$"
            # (a site builder's share buttons, one a line: Facebook / LinkedIn / 复制链接 / 微博,
            # under 分享这篇文章)
            r"|^(?:复制链接|复制本文链接|Facebook|LinkedIn|Twitter|WhatsApp|微博|QQ空间)$"
            r"|^分享(?:这篇|本篇|此篇|此|本)(?:文章|内容)$|^分享(?:让|给|到)更多(?:人|朋友|好友)|^(?:\+\s*)?(?:关注|加关注)$|喜欢(?:这篇|本篇|本)文章|转发(?:给|到)朋友",
        ),
        # (a like button and its count, 赞 510, as a content platform's action bar prints it
        # under the text, 赞 alone for 点赞: a count, never a line of the article)
        ("share", r"^(?:[^\w\s]\s*)?赞\s*(?:\d[\d,.]*\s*[万wk]?|[(（]\s*\d+\s*[)）])$"),
        # (an action bar's buttons and their counts run together on one line, as a copy of
        # the page gives them: 点赞 1,204收藏转发下载举报; two buttons or more, nothing else)
        (
            "share",
            r"^(?:(?:点赞|赞|收藏|转发|分享|下载|举报|评论|打赏|在看|喜欢|不喜欢)\s*"
            r"(?:\d[\d,.]*\s*[万wk]?\s*)?[·|｜]?\s*){2,}$",
        ),
        ("end mark", r"^[-—–=_\s]*[（(【\[]?\s*(?:the\s+)?(?:end|完)\s*[）)】\]]?[-—–=_\s]*$"),
        # A document platform's share bar (来自 X · 营销部 的分享 在企业微信中打开 登录) and its
        # button to open the document in the platform's app (使用飞书打开).
        (
            "share",
            r"^来自\s*\S{2,20}\s*[·・]\s*\S{1,12}\s*的分享|^来自\s*\S{2,20}\s*的分享\s+(?:在|使用)\S"
            r"|^(?:使用|在)\s*(?:飞书|企业微信|钉钉|腾讯文档|语雀|金山文档|WPS)\s*中?\s*打开",
        ),
        # A shared document's information line (创建者：营销部 周敏 最近修改：1月10日 16:06
        # 128人查看过).
        (
            "document info",
            r"^(?:创建者|创建人|所有者|文档所有者)\s*[:：]\s*\S.{0,30}?(?:最近|最后)(?:修改|编辑|更新)"
            r"|^(?:创建者|创建人|所有者)\s*[:：].{0,40}\d+\s*人(?:查看|浏览|阅读)过$",
        ),
        # A press release's contact card under it (媒体联系人 / 部门 / 邮箱 / 电话).
        (
            "press contacts",
            r"^(?:媒体联系人?|媒体联络人?|新闻联系人|媒体垂询|媒体查询|media contacts?)\s*[:：]?$",
        ),
        # A government disclosure's fields over the text, its index number first (索引号：X
        # 发布机构：Y; the label's characters may be spaced out, 索 引 号：): no headline nor text,
        # and a number each page has its own, so no template takes it out.
        ("disclosure fields", r"^索[\s\u3000]*引[\s\u3000]*号\s*[:：]"),
        # A forum post's author with the badge marking the thread's starter (X 楼主).
        ("author badge", r"^\S{1,20}\s+楼主$"),
        # A line of arrows or symbols only (▼, ↓↓↓, ★★★) between a post's parts.
        ("decoration", r"^[▼▲↓↑▽△◆◇●○■□★☆※→←\s]+$"),
        # The label of a page copied as fields (标题：X / 来源：Y / 正文：), alone on its line.
        ("field label", r"^(?:正文|内容|全文|文章内容|正文内容)\s*[:：]$"),
        # A rule drawn in characters (━━━━, ────, * * *): a text browser's <hr>. (------ and
        # ====== are a post's signature line, which ends it: see "signature".)
        ("decoration", r"^(?:[—–_~*·•━─═┄┅┈┉╌╍]\s*){3,}$"),
        # (a table's or a box's border drawn by a text browser: ┌────┬────┐, +------+)
        ("decoration", r"^(?=.*[\u2500-\u257f+])[\u2500-\u257f+|=\-\s]{3,}$"),
        # A reader mode's or a blog's reading time (3-4 分钟, 阅读时间：约 5 分钟, 5 min read).
        (
            "reading time",
            r"^(?:预计|大约|约)?\s*(?:(?:阅读|读完)(?:本文|全文)?(?:时间|时长|用时)?(?:约|大约)?需?要?)?\s*[:：]?"
            r"\s*(?:约|大约)?\s*\d{1,3}(?:\s*[-–~～]\s*\d{1,3})?\s*分钟(?:阅读|读完)?$"
            r"|^(?:本文|全文)共?约?\s*\d[\d,]*\s*字[，,\s]*(?:预计)?阅读(?:时间|约|大约)?需?要?\s*[:：]?"
            r"\s*约?\s*\d{1,3}\s*分钟$"
            r"|^\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*(?:minutes?|min)(?:\s+read)?$",
        ),
        # (a blog theme's post meta under the headline: the reading time first, then its author
        # or desk, set apart by a dot or a bar, 3 分钟·编辑部, 约5分钟阅读 | 王明: no headline)
        (
            "reading time",
            r"^(?:约|大约)?\s*\d{1,3}\s*分钟(?:阅读|读完)?\s*[·•|｜/]\s*[^\s\d。，,！？；]{1,12}$",
        ),
        # A site's bare address on a line of its own (a reader mode's copy shows the host under
        # the headline): the page's address, not its text.
        ("link", f"^{WEB_ADDRESS}$"),
        # A repost's note of its original headline (原标题：…), above or below the text.
        ("original title", r"^[（(【\[]?\s*原(?:标题|题)\s*[:：]"),
        # An image's credit (图片来源：X, 图/X, 摄/X) under the picture.
        (
            "image credit",
            r"^[（(【\[]?\s*(?:(?:图片|题图|封面|配图|封面图|题图图片)来源|图源|图片|题图|图|摄)\s*[:：/／丨|｜]"
            r"\s*[^\s。，,！？；]{1,20}\s*[）)】\]]?$",
        ),
        # A time without a year (08-03 16:40, 5月12日 10:00, 3小时前, 昨天 21:47): a byline
        # that dates nothing.
        (
            "time",
            r"^(?:\d{1,2}[-/.]\d{1,2}|\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$"
            r"|^(?:刚刚|\d+\s*(?:秒|分钟|小时|天)前|(?:今天|昨天|前天)(?:\s*\d{1,2}:\d{2})?)$"
            # (with the poster's name before it, 储能老张 3 天前; with the place a platform
            # shows, 03-21 22:05 发布于上海 汽车领域创作者)
            r"|^[^\s\d]{2,12}\s+(?:刚刚|\d+\s*(?:秒|分钟|小时|天)前)$"
            r"|^(?:\d{1,2}[-/.]\d{1,2}|\d{1,2}月\d{1,2}日)\s*\d{1,2}:\d{2}\s*发布于\s*\S{1,8}"
            r"(?:\s+\S{1,12})?$"
            # (an account's line on a platform: 南溪观察 发布时间:05-12 10:22 广东)
            r"|^[^\s:：]{0,16}\s*(?:发布时间|发表时间|发布于|发表于)\s*[:：]?\s*"
            r"(?:\d{1,2}[-/.]\d{1,2}|\d{1,2}月\d{1,2}日)\s*\d{1,2}:\d{2}(?:\s+\S{1,8}){0,2}$",
        ),
        # A platform's IP location under a post (IP 属地北京), alone or after the time it was
        # edited (编辑于 2024-03-04 18:20・IP 属地江苏; an edit's time is no publication's), and
        # a portal's place of posting left alone where its time is not shown (发布于北京).
        (
            "time",
            r"^(?:编辑于\s*\d.{4,20}?\s*[・·|｜]?\s*)?IP\s*(?:属地|归属地)\s*[:：]?\s*[\u3400-\u9fff]{2,8}$"
            r"|^(?:发布于|发表于)\s*[\u3400-\u9fff]{2,3}$",
        ),
        # A news app's prompts, copied with its article: 打开APP看更多, 举报/投诉, 展开全文.
        (
            "app prompt",
            r"^(?:打开|下载|安装|前往)\s*(?:app|客户端)|(?:app|客户端)内(?:打开|阅读|查看)"
            r"|^(?:展开全文|查看全文|阅读全文)$|^返回\S{1,6}[，,]\s*查看更多$"
            r"|^(?:举报|投诉)(?:\s*[/|｜]\s*(?:投诉|举报|反馈))?$"
            # (打开X新闻，查看更多; a 公众号 page's own chrome saved with it: 阅读原文, 写留言,
            # 喜欢此内容的人还喜欢, 继续滑动看下一个, 预览时标签不可点, 点击上方蓝字关注)
            r"|^打开\S{1,10}[，,]\s*(?:查看|阅读|看)更多"
            r"|^(?:点击|轻触)?(?:阅读|查看)原文$|^写留言$|^喜欢此内容的人还喜欢$|^预览时标签不可点$"
            r"|^(?:继续|向上)滑动看下一个$|^(?:点击)?上方\S{0,12}关注",
        ),
        # A paywall's prompt where a preview stops (剩余60%内容为会员专享，开通会员后阅读全文;
        # 立即开通 已是会员？登录): the site's offer, not the article's text.
        (
            "paywall",
            r"^(?=.{0,60}$)(?:[^，,。]{0,24}[，,]\s*)?(?:开通|成为|升级|购买|订阅)\s*(?:会员|VIP)"
            # (开通会员 阅读全文 on its button; 开通会员阅读全部数据表格)
            r"\s*(?:(?:后|即可|才能|才可)\s*)?(?:继续)?(?:阅读|查看|解锁)\s*"
            r"(?:全文|完整内容|剩余内容|全部内容|全部[\u3400-\u9fff]{1,6})"
            r"[。!！]?(?:\s*立即(?:开通|订阅|购买))?(?:\s*已是会员[?？]\s*(?:请)?登录)?$"
            r"|^立即(?:开通|订阅)(?:会员)?\s*已是会员[?？]\s*(?:请)?登录$"
            # (a journal's: 以下内容为付费内容，订阅本刊电子版或登录后阅读全文; its buttons,
            # 立即订阅 登录)
            r"|^(?=.{0,60}$)(?:[^，,。]{0,24}[，,]\s*)?(?:订阅|登录|购买)[^，,。！？]{0,12}后"
            r"(?:继续)?(?:阅读|查看)(?:全文|完整内容|剩余内容)[。!！]?$|^立即(?:订阅|购买)\s+登录$"
            # (what is left is for members: 剩余78%内容仅限会员阅读, 剩余内容及附件《X》仅限会员
            # 查看)
            r"|^(?=.{0,60}$)剩余(?:\d{1,3}\s*[%％])?[^，,。！？]{0,30}?(?:仅限|仅供|仅对)?会员"
            r"(?:专享|阅读|查看|可见|可读)[。!！]?$"
            # (and its price: 立即开通 ¥198/年, 年卡¥298 · 单篇¥6)
            r"|^立即(?:开通|订阅|购买)(?:会员|VIP)?\s*[¥￥]\s*\d+(?:\.\d+)?\s*元?(?:\s*/\s*[年月季])?$"
            r"|^(?:年卡|月卡|季卡|包年|包月|单篇)\s*[¥￥]\s*\d+(?:\.\d+)?.{0,20}$"
            # (a members' wall in place of the text: 本文为会员专享内容，请登录后阅读全文。,
            # 该内容仅限会员查看，请先登录。, its buttons 立即登录 免费注册, and the offer
            # 开通VIP会员，畅享全站深度报告。: the site's, however sentence-like, never the text)
            r"|^(?=.{0,60}$)(?:本文|该文|此文|本篇|该内容|本内容|以下内容|全文)[^，,。]{0,6}?"
            r"(?:为|系|属于?|仅限|仅供|仅对)\s*(?:会员|VIP|付费|订阅用户)(?:用户)?(?:专享|专属|可见|阅读|查看)?"
            r"(?:内容|文章)?\s*[，,。]\s*请?先?(?:登录|登入|开通|订阅|购买|成为)[^。！？]{0,16}[。!！]?$"
            r"|^(?=.{0,40}$)(?:立即|马上)?(?:开通|成为|升级为?|购买)\s*(?:VIP|年度|超级)?\s*(?:会员|VIP)"
            r"\s*[，,]\s*(?:畅享|尊享|享受|解锁|免费阅读|无限阅读)[^。！？]{0,20}[。!！]?$"
            r"|^(?:立即|马上)?(?:登录|登入)\s*[|｜/]?\s*(?:免费|立即)?注册$",
        ),
        # A bar of reader actions only (分享 收藏 邀请, 点赞186 在看57, 赞 35 收藏) under a post
        # or article.
        (
            "share",
            # (with counts in brackets, 阅读(123) 评论(0) 转载(0) 喜欢 打印: a blog's bar)
            # (确认收到 评论 转发: a work-chat app's notice, shared to the web)
            r"^(?:分享|收藏|邀请|举报|转发|点赞|赞|在看|评论|打印|阅读|转载|喜欢|投币|确认收到)\s*"
            r"(?:\d+|[(（]\s*\d*\s*[)）])?"
            # (or run together, as a saved text has them: 点赞(12)收藏举报)
            r"(?:\s*(?:分享|收藏|邀请|举报|转发|点赞|赞|在看|评论|打印|阅读|转载|喜欢|投币|确认收到)\s*"
            r"(?:\d+|[(（]\s*\d*\s*[)）])?)+$",
        ),
        # A forum post's signature hangs under a rule of ASCII dashes; the replies follow it.
        ("signature", r"^[-=_]{10,}$"),
        # DedeCMS's divider under the text (------分隔线------), before its previous/next.
        ("signature", r"^[-=_—]{3,}\s*分[隔割]线\s*[-=_—]{3,}$"),
        # A reply's floor label once the thread's opening post has been read (沙发, 板凳, 地板,
        # 2楼, 5#): the readers' replies follow, as comments follow an article; the thread's
        # text is its opening post (楼主). (Before the article begins it is only dropped.)
        ("reply floor", r"^(?:沙发|板凳|地板|\d{1,4}\s*(?:#|楼))$"),
        # A forum post's floor label (楼主 is the thread's opening post; 沙发, 板凳, 5# replies).
        ("forum floor", r"^(?:楼主|沙发|板凳|地板|\d{1,4}\s*(?:#|楼))$"),
        ("edit note", r"^本帖最后由\s*\S.{0,30}?于\s*\d.{4,20}编辑$"),
        (
            "tags",
            r"^(?:(?:本文|文章|tag\s*)?(?:标签|关键词|关键字)|tags?|topics?"
            # (PHPCMS's 相关热词搜索：X, 热词：X)
            r"|相关(?:热词搜索|热词|搜索)?|热词)\s*[:：]",
        ),
        # A journal's keywords in brackets, 【关键词】储能；运维, under its 【摘要】 and above the
        # text: not the end of the article, as a tags line under the text is.
        ("keywords", r"^[【\[]\s*(?:关键词|关键字|主题词)\s*[】\]]"),
        # A tags box's heading alone on its line (标签, Tags), the tags on the lines below.
        ("tags", r"^(?:本文|文章)?标签$|^tags?$"),
        # A line of hashtags only (#电网 #项目, or closed as a microblog's are, #电网# #项目#), a
        # post's topics under its text.
        ("tags", r"^#[^\s#\d][^\s#]{0,19}#?(?:\s*#[^\s#\d][^\s#]{0,19}#?)+$"),
        # (one alone too, a word, #技术, written without the space of a Markdown heading; not a
        # news agency's headline mark, #（关注夏收）（3）…)
        ("tags", r"^#[\u3400-\u9fffA-Za-z][\u3400-\u9fffA-Za-z0-9]{0,9}$"),
        # A post's meta field of the category it was filed in (分类: 时评, 所属分类：X), a
        # line of its own in a blog's meta list.
        ("category field", r"^(?:所属|文章|信息)?(?:分类|类别)\s*[:：]\s*[^。！？；]{0,30}$"),
        # (a blog theme's, without a colon: 分类于 技术, Hexo's "Posted in")
        ("category field", r"^(?:分类于|归档于|发表于分类)\s*[^\s。！？；，,]{1,12}$"),
        # The column or collection a post was filed in (来自专栏 X, 收录于合集 #X).
        (
            "column link",
            r"^(?:来自|收录于)\s*(?:专栏|话题|合集|专辑|圈子)(?:\s*[:：]?\s*\S.{0,30})?$",
        ),
        # A video's player (您的浏览器不支持视频播放, 时长：00:35), a live bar, a user's bar.
        (
            "player",
            # (时长 01:48, a news item's audio or video length, with or without its colon)
            r"您的浏览器不支持|^(?:视频|音频)?时长\s*[:：]?\s*\d{1,2}:\d{2}(?::\d{2})?$|进入直播间"
            r"|^正在直播\s*[:：]|^欢迎(?:您|你)[，,].{0,60}(?:退出|注销)"
            # (a radio station's player over the text: 🎧 收听本条新闻, 点击收听)
            r"|^\W{0,2}\s*(?:点击|在线)?收听(?:本条|本篇|本文|这条)(?:新闻|报道|音频)?$|^\W{0,2}\s*点击收听$"
            # (a player's placeholder saved before it loaded: 视频加载中，请稍候...)
            r"|^(?:视频|播放器|内容)?(?:正在)?加载中\s*[，,]?\s*(?:请稍候|请稍等)?\s*(?:\.{1,6}|…+|。)?$",
        ),
        # A documentation site's page chrome (VuePress, VitePress, Docusaurus): the link to edit
        # the page where its source is kept, and when the page's source last changed.
        (
            "edit link",
            r"^(?:在\s*(?:GitHub|Gitee|GitLab)\s*上)?编辑(?:此页|本页|此页面|这个页面)"
            r"(?:\s*[(（]opens new window[)）])?$",
        ),
        # A report's "how to cite it" heading: the reference that follows is the site's.
        (
            "citation",
            r"^(?:引用本文|本文引用格式|引用格式|如何引用本文"
            r"|cite this(?: page| article)?)\s*[:：]?$",
        ),
        ("last updated", r"^上次更新\s*[:：]\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+[\d:]{4,8})?$"),
        # A header's greeting naming the site (您好，欢迎访问X公司！, 欢迎光临X网站), alone or
        # with the top bar's links.
        (
            "welcome line",
            r"^(?:您好|你好)?[，,！!\s]*欢迎(?:您|你)?(?:访问|光临|来到|莅临|进入)[^，,。；！!？?\s]{2,30}[！!。]?"
            # (and the day's date after it: 今天是2024年6月3日 星期一)
            r"(?:\s*今天是\s*[:：]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
            r"(?:\s*(?:星期|周)[一二三四五六日天])?$)?"
            # (and the top bar's links beside it: 中文版 | English | 网站地图, or set apart by
            # spaces only: 集团邮箱 OA办公 无障碍浏览)
            r"(?:\s+\S{1,8}(?:\s*[|｜]\s*\S{1,8})+|(?:\s+[^\s，。；！？,.;!?]{1,8}){1,6}"
            # (or a shop's top bar: 请登录 免费注册 | 我的采购 | 手机版 | 客服热线：400-800-0000,
            # its links set apart by spaces and bars, a hotline last)
            r"|(?:(?:\s*[|｜]\s*|\s+)(?:[^\s|｜，。；！？,.;!?]{1,8}"
            r"|(?:客服|服务|咨询|联系)?(?:热线|电话)[:：]?\s*[\d-]{7,15})){2,12})?$",
        ),
        # A portal's top bar of account and site links, glued once its links lose their markup
        # (登录注册手机版在线投稿RSS, 会员登录 | 免费注册 | 网站地图): three or more of these
        # words and nothing else is no headline, however short the line.
        (
            "top bar",
            rf"^{_TOP_LINK}(?:\s*[|｜/·]?\s*{_TOP_LINK}){{2,}}$",
        ),
        # The account's own links alone on their line (登录/注册, 请登录 | 免费注册, 会员登入): a
        # platform's header once its markup is lost; no headline and no sentence is only that.
        # (A bare 登录 or 注册 may be a how-to's step heading: text.)
        (
            "account links",
            r"^(?:(?:请|会员|用户)(?:登录|登陆|登入)|(?:登录|登陆|登入)\s*[|｜/·]?\s*(?:免费)?注册"
            r"|(?:免费)?注册\s*[|｜/·]?\s*(?:登录|登陆|登入))$"
            r"|^(?:请|会员|用户)(?:登录|登陆|登入)\s*[|｜/·]?\s*(?:免费)?注册$",
        ),
        # A search box's placeholder, saved as the page's text with the header (请输入关键字,
        # 输入关键词搜索, 请输入搜索内容…): the box's prompt, never a headline.
        (
            "search box",
            r"^(?:请)?(?:输入|键入)(?:您要(?:搜索|查找|查询)的)?(?:关键字|关键词|搜索内容|搜索词|检索词"
            r"|查询内容)(?:进行)?(?:搜索|查询|检索)?\s*[.…。]*$",
        ),
        # A document's PDF link (查看PDF原文, 下载PDF).
        ("PDF link", r"^(?:查看|下载|打开|阅读)\s*PDF\s*(?:原文|全文|文件|版)?$"),
        # A foreign site's English chrome on its Chinese edition (ASCII lines only).
        (
            "English chrome",
            r"^(?=[\x00-\x7f]*$).*\b(?:newsletter|subscribe|sign (?:up|in)|log ?in)\b.*$",
        ),
        (
            "related articles",
            r"^(?:most read|most popular|related (?:articles|stories)|read more|recommended"
            r"|more from\b[\x00-\x7f]*)$",
        ),
        # A newspaper's e-paper: its page labels (第01版：要闻, 第A3版), page turning, PDF links.
        (
            "e-paper navigation",
            r"^第\s*[A-Za-z]?\d{1,3}\s*版\s*(?:[:：]|$)|PDF\s*版?\s*下载|^(?:上一版|下一版|返回目录)"
            r"(?:\s+(?:上一版|下一版|返回目录))*$|^版面导航$",
        ),
        ("attachments", r"^(?:附件|相关附件|附件下载)\s*[:：]\s*(?:无)?$"),
        # (and one naming a file to download, 附件：X名单.xls: the link, not a document's list
        # of its attachments, 附件：1.X名单, which names no file)
        (
            "attachments",
            r"^(?:附件|相关附件|附件下载)\s*\d{0,2}\s*[:：]\s*[^\s:：]{1,60}"
            r"\.(?:xlsx?|XLSX?|docx?|DOCX?|pdf|PDF|zip|ZIP|rar|RAR|7z|wps|et|pptx?|ofd)$",
        ),
        # (the same with the link's word after the file's name, 附件1：X方案.doc下载, as a CMS
        # prints its download link)
        (
            "attachments",
            r"^(?:附件|相关附件|附件下载)\s*\d{0,2}\s*[:：]\s*[^\s:：]{1,60}"
            r"\.(?:xlsx?|docx?|pdf|zip|rar|7z|wps|et|pptx?|ofd)\s*[(（\[【]?\s*(?:点击)?下载"
            r"\s*[)）\]】]?$",
        ),
        # (or several such files on the label's line, 附件：1.X合同.doc 2.Y登记表.xls: each item
        # ends in a file's extension, so the line lists downloads, not the text's own words)
        (
            "attachments",
            rf"^(?:附件|相关附件|附件下载)\s*[:：]\s*(?:[^\s:：]{{1,60}}\.{_LISTED_FILE_EXT}\s+){{1,9}}"
            rf"[^\s:：]{{1,60}}\.{_LISTED_FILE_EXT}$",
        ),
        # (or a file's name alone on its line, 自查表（2024暑期）.docx: the link to download an
        # attachment under the text, unlabelled; never a sentence of the text)
        (
            "attachments",
            r"^[^\s。，,:：；;！？]{2,60}\.(?:xlsx?|XLSX?|docx?|DOCX?|pdf|PDF|zip|ZIP|rar|RAR|7z|wps"
            r"|pptx?|ofd)$",
        ),
        # (or a row of such links, each with its size as a CMS prints it, X议程.pdf (356 KB)
        # X回执.docx (48 KB): the files to download, not a sentence of the text)
        (
            "attachments",
            r"^(?:[^\s。，,:：；;！？()（）]{2,60}\.(?:xlsx?|docx?|pdf|zip|rar|7z|wps|pptx?|ofd)"
            r"\s*[(（]\s*\d+(?:\.\d+)?\s*[KMG]i?B\s*[)）]\s*)+$",
        ),
        (
            "copyright",
            r"版权所有|版權所有|保留所有权利|保留一切权利|copyright|©|all rights reserved"
            r"|未经(?:允许|许可|授权|同意)"
            r".{0,8}(?:转载|复制|使用|镜像)|转载请注明|本(?:网|站|网站)(?:所刊|所载|声明)",
        ),
        ("ICP number", r"icp\s*[备证]|公网安备|增值电信业务|网站(?:标识|识别)码"),
        # Who built or runs the site (技术支持：X), in its footer.
        ("site credits", r"^(?:技术支持|网站建设|网站维护|运行维护|建设维护|设计制作)\s*[:：]"),
        # (a government site's: 主办单位：X 承办单位：Y; one field alone may be an event's)
        (
            "site credits",
            r"^(?:主办|主管)(?:单位)?\s*[:：].{1,40}(?:承办|协办|技术支持|运行维护)(?:单位)?\s*[:：]"
            r"|^投稿(?:邮箱|信箱)\s*[:：]",
        ),
        (
            "related articles",
            # (in brackets too: 【相关阅读】)
            r"^[【\[]?\s*(?:(?:相关|推荐|热门|热点|精彩|最新|今日|编辑|图片|延伸|点击|阅读|一周|24小时|即时)"
            r"(?:推荐|推介|阅读|点阅|文章|新闻|资讯|报道|链接|专题|排行|热点|更新|稿件|信息|内容|文件|解读"
            # (a forum's other threads under the thread: 推荐主题, 相关主题, 最新帖子)
            r"|视频|主题|帖子)|猜你喜欢|排行榜|热读|(?:本版)?标题导航"
            r"|往期(?:回顾|推荐|精选)|更多(?:新闻|资讯|文章|精彩|电报|快讯|要闻|动态|报道|>+)?|为你推荐|为您推荐|大家都在看"
            r"|看了又看|你可能(?:还)?(?:喜欢|感兴趣)"
            # (a column's other items: 本栏目其他文章, 本版其他文章, 同栏目文章)
            r"|(?:本栏目|本版|本频道|同栏目|该栏目)(?:其他|其它|相关|更多)?(?:文章|新闻|信息|稿件|内容))"
            r"\s*[】\]]?\s*(?:[:：>»].*)?$",
        ),
        # Today's date in a site's header (今天是：2023年12月6日 星期三): the day it was saved.
        ("calendar", r"^(?:今天是|今天|今日|现在是)\s*[:：]?\s*\d{4}\s*年"),
        # (written with slashes or hyphens, 今天是：2024/6/20: the same calendar)
        (
            "calendar",
            r"^(?:今天是|今天|今日|现在是)\s*[:：]?\s*\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d",
        ),
        (
            "print/close",
            r"打印本页|打印此文|[【\[]\s*(?:打印|关闭|关闭窗口)\s*[】\]]|关闭窗口|^打印\s*[|｜]"
            # (【打印文章】, and a government page's eye-care colours, 视力保护色)
            r"|[【\[]\s*打印(?:本文|文章|此文|本页)\s*[】\]]|视力保护色|保护视力色"
            # (a page's actions to print it or mail it on, as Plone's 文件動作 box holds them:
            # 列印  寄送本頁, 转寄给朋友)
            r"|^(?:(?:列印|打印|分享|收藏)\s*[|｜/]?\s*)?(?:寄送|转寄|发送|推荐)\s*(?:本页|此页|本文|给朋友|给好友)"
            r"(?:\s*[|｜/]?\s*(?:列印|打印|分享|收藏))?$|^文件动作$",
        ),
        (
            "view count",
            # (点阅次数, 點閱次數, 瀏覽人次 as Taiwan's government sites label it)
            r"^(?:阅读|浏览|点击|访问|点阅)(?:量|次数|数|人次)?\s*[:：]?\s*\d[\d.,]*\s*[万wk]?\s*次?$"
            r"|^(?:人气|播放|播放量)\s*[:：]?\s*\d[\d.,]*\s*[万wk]?\s*次?$"
            # (a count the page's script had not filled in when it was saved: 阅读 --, 浏览量：…)
            r"|^(?:阅读|浏览|点击|访问|点阅|人气)(?:量|次数|数)?\s*[:：]?\s*(?:[-—–]{1,4}|…+|\.{3}|加载中)$"
            # (or nothing at all after its label, 浏览：, the count a script's link or image)
            r"|^(?:阅读|浏览|点击|访问|点阅|人气)(?:量|次数|数)?\s*[:：]$"
            # (a flash's reads, 阅 1.4W: 阅 alone, as a brief's meta line prints it)
            r"|^阅\s*[:：]?\s*\d[\d.,]*\s*[万wk]?$"
            # (a page's visitor counter: 您是第 12 位访问者)
            r"|^您是(?:本站)?第\s*\d+\s*位访(?:问者|客)$"
            # (已有 87 次阅读; a paper's name and its reads, 能源报 阅读 39506; a Q&A site's
            # votes and answers, 2341 人赞同了该文章, 查看全部 136 个回答)
            r"|^已有\s*\d[\d,]*\s*(?:次|人)(?:阅读|浏览|访问|查看|围观)$"
            # (an account's name and its reads, 能源观察员 阅读数：2.3万, as a long post's)
            r"|^[^\s\d]{2,12}\s+(?:阅读|浏览)(?:量|次数|数)?\s*[:：]?\s*\d[\d.,]*\s*[万wk]?$"
            r"|^\d[\d.,]*\s*[万wk]?\s*(?:人|次)?(?:赞同|点赞|喜欢|收藏)了?(?:该|这篇|此)?(?:文章|回答|内容)$"
            r"|^(?:查看|显示)全部\s*\d[\d,]*\s*(?:个|条)(?:回答|评论|回复)$"
            # (本文已被浏览 123 次, 阅读(123), 顶(0) 踩(0))
            r"|^本文已被(?:浏览|阅读|访问)\s*\d[\d,]*\s*次$"
            # (a blog's meta line without a date, its counts among short fields: laozhou 置顶
            # 980 浏览 3 评论 分类：项目)
            r"|^(?:[^\s。，！？]{1,16}\s+){0,3}\d[\d,]*\s*(?:浏览|阅读|评论)\s+\d[\d,]*\s*(?:浏览|阅读|评论)"
            r"(?:\s+[^\s。，！？]{1,12}){0,3}$"
            # (a blog post's counts under it, one a line: 52 次查看, 0 则留言, 0 次赞; a blog
            # engine's bare 733 浏览, 6 评论)
            r"|^\d[\d,.]*\s*[万wk]?\s*(?:次查看|次浏览|次阅读|则留言|条留言|则评论|次赞|个赞"
            r"|浏览|阅读|评论)$"
            # (a document's likes, as a knowledge base prints them under the text: 👍 0 人点赞)
            r"|^\S?\s*\d[\d,]*\s*人(?:点赞|赞过|喜欢)$"
            r"|^(?:阅读|浏览|点击|顶|踩|赞)\s*[(（]\s*\d[\d,]*\s*[)）](?:\s+(?:顶|踩|赞)\s*[(（]\d*[)）])*$",
        ),
        # (a meta line copied as text with its fields run together, the poster, the column and
        # the reads in thousands: 小编技术阅读 1.2k; the count's k, w or 万 marks it as a count,
        # not a year or a number a headline ends with)
        (
            "view count",
            r"^[^\s\d，。,.:：！？!?]{2,14}(?:阅读|浏览)(?:量|次数|数)?\s*[:：]?\s*\d[\d.,]*\s*[万wk]$",
        ),
        (
            "font size",
            r"(?:字号|字体)\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小"
            # (any order, 字级 as Taiwan's sites print it, A+ A A-)
            r"|(?:字号|字体|字级)\s*[:：]?\s*(?:[【\[]?\s*(?:大|中|小|A\+|A-|A|T\+|T-)\s*[】\]]?\s*){3}"
            # (two glyphs, large and small, shown as letters: 字号：T|T, 字体：A A)
            r"|^(?:字号|字体|字级)\s*[:：]\s*[A-Za-z][+-]?\s*[|｜/]?\s*[A-Za-z][+-]?$"
            r"|^[【\[(（]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\])）]?$"
            # (its button's label alone, as a copy of the page keeps it: 字号, 小字号, A+ A-)
            r"|^(?:[大中小]?字号|字体大小|调整字号|[【\[]?\s*[大中小]字\s*[】\]]?)$|^A\s*[+＋]\s*A\s*[-－]$",
        ),
        (
            "comments",
            r"^(?:我要评论|发表评论|网友评论|参与评论|查看评论|评论\s*[(（]?\d*[)）]?$|\d+\s*条评论$"
            # (a forum thread's count of replies under its first post, NodeBB's 1 条回复
            # 最后回复 <time>: the replies follow)
            r"|\d+\s*条回复(?:\s|$)"
            r"|已有\s*\d+\s*条评论|收藏本文|已有\s*\d+\s*人"
            r"(?:评论|参与))|需要登录后才(?:可以|能)(?:评论|回帖|发表|回复)|顶一下|踩一下|收藏本页|加入收藏|点个赞吧[!！。]?$|[【\[]\s*(?:收藏|纠错|评论)\s*[】\]]|我要纠错",
        ),
        (
            "link",
            r"^(?:本文链接|原文链接|文章链接|本文网址|原文地址|本文地址|文章地址|本页地址|本文永久链接"
            r"|网址|链接|url)\s*[:：]\s*\S",
        ),
        ("copyright", r"^(?:免责)?声明\s*[:：]"),
        # An in-house paper's notice in its header: 内部资料 免费交流, 请勿外传.
        (
            "internal notice",
            r"(?:请勿|严禁|不得)外传|内部资料\s*[,，·]?\s*(?:免费交流|注意保存|请勿|严禁)",
        ),
        (
            "footer links",
            r"(?:关于我们|联系我们|网站地图|广告服务|免责声明|隐私政策|招聘信息).*"
            r"(?:关于我们|联系我们|网站地图|广告服务|免责声明|隐私政策|招聘信息)"
            # (the footer's links to other sites: 友情链接：X  Y  Z)
            r"|^[【\[]?\s*(?:友情链接|友情连接)\s*[】\]]?\s*(?:[:：].*)?$",
        ),
        ("pagination", r"上一页.*下一页|^(?:首页|尾页)\s*\d"),
        ("back links", r"^[【\[]?\s*(?:返回首页|返回顶部|返回列表|返回)\s*[】\]]?$"),
        # (a mobile page's fold with its arrow, 展开全文 ∨; a share page's 打开X APP，阅读全文 >)
        (
            "app prompt",
            r"^(?:点击)?(?:展开|查看|阅读)全文\s*[∨∧>›»↓▼⌄﹀]+$"
            r"|^打开\S{1,12}(?:app|客户端)\s*[，,]\s*(?:阅读|查看|看)(?:全文|更多)",
        ),
        # A documentation site's page tools under the text (VitePress, Docusaurus): 在 Git 上编辑
        # 此页, Edit this page on GitHub, 最后更新于: 2024/9/10 16:48.
        (
            "page tools",
            r"^(?:在\s*(?:git|github|gitlab|gitee)\s*上)?编辑此页(?:面)?$"
            r"|^edit this page(?:\s+on\s+(?:git|github|gitlab|gitee))?$"
            r"|^(?:最后更新于|最后更新时间|上次更新|last updated(?: on)?)"
            r"\s*[:：]?\s*\d{4}\s*[-/.年]",
        ),
        # A top bar's greeting run into its bracketed links, no space between (您好，欢迎来到X！
        # [请登录] [免费注册]).
        (
            "welcome links",
            r"^(?:您好|你好)?[，,！!\s]*欢迎(?:您|你)?(?:访问|光临|来到|莅临|进入)[^，,。；！!？?\s]{2,30}"
            r"[！!。]?\s*(?:[\[【][^\]】\s]{1,8}[\]】]\s*)+(?:[|｜].*)?$",
        ),
        # An exchange's or an office's other notices under a notice (相关公告, 最新通知, 其他通告).
        (
            "related articles",
            r"^[【\[]?\s*(?:相关|最新|其他|其它|更多)(?:公告|通知|通告|公示)\s*[】\]]?\s*(?:[:：>»].*)?$",
        ),
        # A CMS's box under the text asking the reader's mood (您看完此新闻的心情是：开心 感动
        # 无聊 愤怒, 读完这篇文章后，您心情如何？): the votes follow.
        (
            "mood vote",
            r"^(?:您|你)?(?:看|读|阅读)完(?:此|这|本)(?:篇)?(?:新闻|文章|信息|文)?(?:后)?\s*[，,]?\s*"
            r"(?:您|你)?(?:的)?心情(?:是|如何|怎么样)?\s*[:：?？]?$"
            r"|^(?:看|读)完(?:此|这|本)篇?(?:新闻|文章)(?:后)?有何感(?:想|觉|受)\s*[?？]?$",
        ),
        # A footer's credit to the software or theme (Powered by Grav + Quark, Proudly powered by
        # WordPress, 由 X 强力驱动), and its sponsor run into the address (X党委宣传部主办
        # 地址：…): no text.
        (
            "site credits",
            r"^(?:proudly\s+)?powered\s+by\s+[^\s。][^。]{0,40}$|^由\s*\S{1,30}\s*(?:强力)?驱动$"
            r"|^\S{2,30}(?:主办|承办)\s+(?:地址|邮编|电话|联系电话|邮箱)\s*[:：]",
        ),
        # A picture's caption with its photographer's credit after a space (X施工现场　张三 摄,
        # 图为X　记者 李四 摄, X现场　图/王五): under the picture, not the text's; the text never
        # ends a sentence with a name and 摄.
        (
            "photo caption",
            r"^[^。！？!?]{4,60}?[。]?[\s\u3000]+[（(]?\s*(?:(?:本报|本刊|本网|特约)?(?:记者|通讯员)\s*)?"
            r"[\u4e00-\u9fff]{2,4}(?:\s*[、\s]\s*[\u4e00-\u9fff]{2,4}){0,2}\s*摄\s*[）)]?$"
            r"|^[^。！？!?]{4,60}?[。]?[\s\u3000]+[（(]?\s*(?:图|摄|摄影|图片)\s*[/／:：]\s*"
            r"[\u4e00-\u9fff]{2,4}\s*[）)]?$",
        ),
        # A note that the text is reprinted from a paper (（本文转载自《X报》，有删改）, 本文由《X》
        # 授权转载, （转载自《X日报》2024年5月12日第2版）): the reprint's credit, not its text.
        (
            "reprint note",
            rf"^[（(【\[]\s*{_THIS_TEXT}?{_REPRINTED}[^《》]{{0,30}}[）)】\]]$"
            rf"|^{_THIS_TEXT}{_REPRINTED}[^《》]{{0,36}}$"
            r"|^(?:转载自|转自|转引自)\s*《[^《》]{2,20}》[^《》]{0,36}$"
            r"|^[（(【\[]?\s*(?:本文|此文|该文|文章)(?:由|经)\s*《[^《》]{2,20}》\s*(?:授权|同意)"
            r"(?:转载|发布|刊发|刊登|使用)[^《》]{0,20}[）)】\]]?$",
        ),
        # The text's own note of where it was first printed, under it (本文刊于《X》2024年第2期，
        # 略有删节; 本文原发表于《X报》): a credit, as a reprint's is; 本文 names this text, so
        # no sentence of the article (该研究发表于《X》) is taken for one.
        (
            "reprint note",
            r"^[（(【\[]?\s*(?:本文|此文)(?:原|曾|首)?(?:刊于|刊登于|刊载在|刊登在|发表于|发表在|载于)"
            r"\s*《[^《》]{2,20}》[^《》]{0,36}$",
        ),
        # A picture's caption whose credit closes it in brackets (X航拍（Y供图）, X车间（作者摄）,
        # X大厅（图/某报 张三）): the credit marks the line as under a picture; the text's
        # sentences end with 。, not with a bracketed photo credit. (A caption labelled like a
        # field, 项目场址现状：X（Y 摄）, stays: set 58's writer counts it as the text's.)
        (
            "photo caption",
            r"^[^。！？!?（）():：]{4,60}[（(]\s*(?:(?:图|摄影?|图片)\s*[/／:：]\s*[^（）()。]{2,20}"
            r"|[^（）()。]{1,16}(?:供图|摄))\s*[）)]$",
        ),
        # A platform's card naming the account an article was shared from (以下文章来源于X, with
        # its author: ，作者 Y) or its tail (本文来自微信公众号“X”): the source, not the text.
        (
            "account card",
            r"^以下文章来源于\s*\S{1,30}(?:\s*[，,]\s*作者\s*\S{1,12})?$"
            r"|^[（(]?\s*本文(?:来自|转载自|转自)(?:微信)?公众号\s*[:：]?\s*[“「『\"][^”」』\"]{1,30}"
            r"[”」』\"][^。]{0,12}[）)]?$",
        ),
    )
)

# A site's reposting disclaimer is a paragraph of prose, yet chrome however long it is: a line
# that starts as one (特别声明：…转载…, 凡本网注明“来源：…”的所有作品…) or states its formula.
_DISCLAIMER = re.compile(
    # (a statement's label, then what such statements are about: a notice's 特别声明：以上优惠仅
    # 限居民用户，… is its text, no disclaimer)
    r"^[【\[「『]?(?:特别|免责|郑重|版权|法律|平台)?声明\s*[】\]」』]?\s*[:：](?=\s*$|.*(?:转载|转自|版权"
    r"|侵权|侵犯|观点|立场|来源|出处|作者|作品|本网|本站|本刊|本平台|赞同|仅供参考|责任|授权|知识产权"
    r"|真实性|准确性|内容|文章|信息|原创))"
    # (a site's own statement, 储能网声明：, 本站声明：; the repost formula 传递更多信息之目的,
    # 并不意味着赞同其观点)
    r"|^\S{0,12}?(?:网|站|在线|平台|本刊|本报)(?:特别|免责|郑重|版权)?声明\s*[:：]"
    r"|传递更多信息之目的|(?:不|并不)(?:意味着|代表)(?:本(?:网|站|平台))?赞同其观点"
    r"|^凡本(?:网|站|刊)(?:注明|所载|所刊|刊载)"
    # (a blog theme's box: 本站文章除注明转载/出处外，均为本站原创或翻译，转载请标明出处)
    r"|^本(?:网|站|刊)(?:文章|内容)?除(?:特别)?注明|转载(?:前|时)?请(?:务必)?(?:标明|注明)(?:出处|来源)"
    # (如果您发现本网站上有侵犯您的知识产权的作品, 本站部分文章来自网络)
    r"|发现本(?:网站|站|网).{0,12}侵(?:犯|权)|本(?:站|网)部分(?:文章|内容)(?:来自|来源于)网络"
    # (a platform's statement under its accounts' articles: 该文观点仅代表作者本人, 仅代表该作者
    # 或机构观点, 本平台仅提供信息存储空间服务)
    r"|仅代表(?:该)?作者(?:本人|或机构)?的?观点|仅提供信息(?:存储空间|发布平台)"
    # (a document platform's under a shared document: 该文档内容由用户创建，X仅提供技术服务)
    r"|(?:文档|页面)?内容由用户(?:创建|上传|发布)[，,\s]*\S{0,8}仅提供技术(?:服务|支持)"
    # (a paper's or a 会刊's note: 本文刊载于《X》第N期，如需转载请联系秘书处)
    r"|(?:如需|如要|若需|如欲)转载[，,\s]*请(?:先)?(?:联系|与|来函|征得)"
    r"|禁止转载|谢绝转载|严禁转载|版权归原作者所有|(?:如|若)有侵权[，,\s]*请?(?:联系|告知|通知)|不代表本(?:网|站|平台)(?:观点|立场)"
    # (a listed company's forward-looking statements notice under each release: 本新闻稿包含
    # 前瞻性陈述…, 不承担更新任何前瞻性陈述的义务, and its heading; a text about such statements
    # states no formula)
    r"|^(?:关于)?前瞻性(?:陈述|声明|表述)$"
    # (an opinion column's note under the text: 本文仅代表作者个人观点，不构成投资建议)
    r"|仅代表作者个人的?(?:观点|意见|看法)"
    r"|(?:包含|含有|包括)[^。，,]{0,6}前瞻性(?:陈述|声明|表述)|不承担[^。]{0,12}前瞻性(?:陈述|声明|表述)"
)
MAX_DISCLAIMER_CHARS = 300

# Rules after which the rest of a page is footer (once the article has begun).
FOOTER_RULES = frozenset(
    {
        "end mark",
        "app prompt",
        "tags",
        "previous/next",
        "share",
        "signature",
        "QR code",
        "copyright",
        "ICP number",
        "related articles",
        "footer links",
        "print/close",
        # (a comment section's heading, 评论 9, 1 条评论, 网友评论: the readers' text follows)
        "comments",
        "document distribution",
        "citation",
        "press contacts",
        # (a documentation site's 编辑此页, 最后更新于: its previous/next pages follow)
        "page tools",
        # (a box asking the reader's mood, its votes after it)
        "mood vote",
        # (a forum reply's floor label, 沙发, 2楼: the replies follow the opening post)
        "reply floor",
    }
)

# A navigation bar: three or more short items separated by |, ｜, ·, / or runs of spaces.
_NAV_SEPARATED = re.compile(r"^[^|｜·/\s]{1,8}(?:\s*[|｜·/]\s*[^|｜·/\s]{1,8}){2,}$")
_NAV_SPACED = re.compile(r"^\S{1,6}(?:[ \u3000]+\S{1,6}){3,}$")
# A date field left empty (发布时间：  信息来源：X): the page states no date.
EMPTY_DATE_FIELD = re.compile(
    r"(?:^|\s)(?:发布时间|发布日期|发表时间|发表日期|更新时间|日期|时间)\s*[:：]\s*"
    r"(?=$|[^\s\d:：]{2,6}\s*[:：])"
)


_URL_LINE = re.compile(
    r"^(?:本文链接|原文链接|文章链接|本文网址|原文地址|网址|链接|url|source url)\s*[:：]\s*"
    r"(?P<url>https?://\S+)$",
    re.IGNORECASE,
)


def url_in(line: str) -> str | None:
    """The page's own address in a saved text page's link line (``原文链接：https://…``)."""
    match = _URL_LINE.match(line)
    return match["url"] if match else None


_WELCOME = dict(_LINE_RULES)["welcome line"]
# A sentence of the text that tells of people scanning a code (小区已试点…，居民扫码即可充电。):
# 扫码 after a subject, far into a sentence with a comma, is no prompt to the reader, which
# opens with it (扫码关注我们，获取更多资讯。).
_SCANNING_TOLD = re.compile(r"^[^扫]{10,}[，,][^扫。]{0,20}扫码[^。！？]*。$")


# The rules that name chrome by a word it opens with or holds (扫一扫, 分享到, 版权所有, 上一篇,
# 打印本页): the same words open sentences of the text (扫一扫电费单上的二维码即可缴费，…。), which
# `_runs_into_sentence` tells apart by their shape.
_CHROME_WORD_RULES = frozenset({"QR code", "share", "copyright", "previous/next", "print/close"})
# A sentence ends the line (。！？, a closing quote after it), and it has a clause before that.
_SENTENCE_END = re.compile(r"[。！？!?][”’\"']?$")
_CLAUSE_BREAK = re.compile(r"[，,；;]")
_MIN_SENTENCE_CJK = 15
# The words with which a prompt turns to the reader (扫码关注我们，获取更多资讯。, 扫一扫，分享给
# 好友。): a prompt, however sentence-like, is chrome.
_READER_PROMPT = re.compile(
    r"关注|订阅|我们|您|你|点击|长按|识别|下载|更多|全文|公众号|客户端|app|分享(?:至|给)|转发|转载",
    re.IGNORECASE,
)


def _runs_into_sentence(line: str, match: re.Match[str]) -> bool:
    """Does a chrome word open (or stand in) a sentence of the text rather than label a line?

    Chrome is short furniture: the word stands alone or before a colon, a space or a list
    (分享到：微信 微博, 版权所有 © X, 上一篇：标题). In a sentence of the text the word runs on
    into the clause (扫一扫电费通知单上的二维码…, 版权所有人如对…, 上一篇报道中…) and the line goes
    on through a comma to a full stop; a prompt to the reader is shaped so too, and keeps its
    rule by the words it addresses the reader with.
    """
    after = line[match.end() : match.end() + 1]
    return (
        bool(after and CJK.match(after))
        and bool(_SENTENCE_END.search(line))
        and bool(_CLAUSE_BREAK.search(line))
        and len(CJK.findall(line)) >= _MIN_SENTENCE_CJK
        and not _READER_PROMPT.search(line)
    )


def line_rule(line: str) -> str | None:
    """The name of the built-in rule that makes `line` page furniture, or None.

    A long line of prose is article text whatever words it holds (furniture is short), and so is
    a shorter sentence that a chrome word merely opens (`_runs_into_sentence`).
    """
    if _SNAPSHOT_BANNER.search(line):
        return "snapshot banner"
    if _is_notice_ticker(line):
        return "notice ticker"
    if len(line) > MAX_FURNITURE_CHARS and SENTENCE.search(line):
        # (a big shop's top bar runs long: its greeting, its links and its hotline, all short
        # words apart, no sentence among them)
        if _WELCOME.search(simplified(line)):
            return "welcome line"
        return "copyright" if is_disclaimer(line) else None
    line = simplified(line)
    if _TEXT_FOLD.match(line):
        return "text fold"
    for name, pattern in _LINE_RULES:
        if match := pattern.search(line):
            told = name == "QR code" and _SCANNING_TOLD.search(line)
            if told and not pattern.search(line.replace("扫码", "")):
                continue
            if name in _CHROME_WORD_RULES and _runs_into_sentence(line, match):
                continue
            return name
    rule = (
        _toolbar_rule(line)
        or _press_contact_rule(line)
        or _translator_rule(line)
        or _paywall_request_rule(line)
        or _ad_space_rule(line)
    )
    if rule:
        return rule
    if is_navigation(line) and not _figures_row(line):
        return "navigation"
    if is_disclaimer(line):
        return "copyright"
    return None


# A table's row copied as text (tab-separated, or spaced when the tabs were folded): a label
# and then figures (桑园一号井  2500  320  1.1). A bar of links is words, never a row of
# measures; a pager's bare page numbers (2 3 4 5) count up by one and stay furniture.
_FIGURE = re.compile(r"^[-+−]?\d[\d,.]*(?:%|‰)?$")
_MIN_FIGURES = 2


def _figures_row(line: str) -> bool:
    label, *cells = line.split()
    if _FIGURE.match(label) or len(cells) < _MIN_FIGURES:
        return False
    if not all(_FIGURE.match(cell) for cell in cells):
        return False
    counts = [int(cell) for cell in cells if cell.isdigit()]
    pager = len(counts) == len(cells) and all(b == a + 1 for a, b in itertools.pairwise(counts))
    return not pager


# A banner slot's placeholder, copied with the page where no advert was booked: 广告位招租
# 联系QQ：X, 此处招租, 广告合作热线：X. No article line opens that way.
_AD_SPACE = re.compile(
    r"^[【\[]?\s*(?:广告位?\s*(?:招租|出租|招商|火热招商中|虚位以待|预留)|此处(?:招租|广告位?招租)"
    r"|(?:广告|广告位)(?:合作|投放|业务)\s*(?:联系|热线|电话|QQ|微信)?\s*[:：]?\s*(?:\d|QQ|$))"
)


def _ad_space_rule(line: str) -> str | None:
    return "advert" if _AD_SPACE.search(line) else None


# A phone page's fold in the middle of its text (展开全文 ▼, 展开剩余80%): the button that
# unfolds the rest of the article where it stands. A copy made after tapping it carries the
# rest right under it, so it is chrome but ends nothing (阅读全文 >, a link away to the whole
# text, still does); a copy made before carries the page's footer, which its own rules end.
_TEXT_FOLD = re.compile(r"^(?:点击)?展开(?:全文|剩余\s*\d{1,2}\s*%)\s*[∨∧>›»↓▼⌄﹀]*$")


# A page's tool bar under its headline as Taiwan's and Hong Kong's sites word it
# (字級：大 中 友善列印 Facebook Line): the size buttons, print (列印 is Taiwan's 打印) and the
# share buttons, nothing else on the line. Two sizes only, so the font-size rule's three do not
# match it; a label or a print word must be there, so a line of bare names is not taken.
_TOOL_WORD = (
    r"(?:(?:字级|字号|字体)(?:大小)?\s*[:：]?|大|中|小|A\s*[+＋]|A\s*[-－]|A|(?:友善|友好)?列印"
    r"|打印|分享(?:到|至)?\s*[:：]?|转寄|寄给朋友|收藏|Facebook|FB|Line|Twitter|Plurk|微博|微信"
    r"|E-?mail|电子邮件|RSS)"
)
_TOOLBAR = re.compile(
    rf"^(?=.*(?:字级|字号|字体|列印|打印))[【\[]?{_TOOL_WORD}(?:\s*[|｜/]?\s*{_TOOL_WORD}){{2,}}[】\]]?$",
    re.IGNORECASE,
)
# The links back under a text as Taiwan's sites word them (回上一頁 回列表, 回首頁, 回上頁: 返回
# in the mainland's), with the page's reads after them (點閱次數：902): the back-links rule
# knows 返回 only.
_BACK_WORD = r"(?:[【\[]?\s*(?:回|返回)(?:上一?页|列表|首页|顶端|顶部|前页)\s*[】\]]?)"
_BACK_LINKS = re.compile(
    rf"^{_BACK_WORD}(?:\s*[|｜/]?\s*{_BACK_WORD})*"
    r"(?:\s*[|｜/]?\s*(?:点阅|浏览|点击|阅读)(?:次数|人次|数)?\s*[:：]?\s*\d[\d,]*\s*次?)?$"
)


def _toolbar_rule(line: str) -> str | None:
    """The rule: "font size" for a tool bar of sizes, print and share; "back links" for 回列表."""
    if _TOOLBAR.search(line):
        return "font size"
    if _BACK_LINKS.search(line):
        return "back links"
    return None


# A press release's contact on one line under it, the label then the office, the
# person and the phone (新聞聯絡人：電力司 科長 X (02) 2771-0315; 傳媒查詢：企業傳訊部 X 電話
# …, Hong Kong's and Macao's word): whom reporters call, no text of the release. The label
# alone on its line is the "press contacts" pattern above; no sentence may follow the colon.
_PRESS_CONTACT_LINE = re.compile(
    r"^(?:媒体|传媒|新闻|采访)(?:联系人?|联络人?|联系窗口|联络窗口|查询|垂询)\s*[:：]\s*"
    r"[^。！？；!?;]{2,50}$"
)


def _press_contact_rule(line: str) -> str | None:
    """The rule: "press contacts" for a release's contact line (媒体查询：X 电话 …)."""
    return "press contacts" if _PRESS_CONTACT_LINE.search(line) else None


# A translator's credit alone on its line, bracketed or not (（譯者／X）, 翻译：X, 编译：
# X Y): who put it into Chinese, as a 通讯员 line says who wrote it; no line of the text.
_TRANSLATOR_LINE = re.compile(
    r"^[（(【\[]?\s*(?:译者|翻译|编译|译)\s*[:：/／]\s*[\u3400-\u9fff·]{2,6}"
    r"(?:[\s、，,]+[\u3400-\u9fff·]{2,6}){0,2}\s*[）)】\]]?$"
)


def _translator_rule(line: str) -> str | None:
    """The rule: "editor" for a translator's credit alone on its line (（译者／X）)."""
    return "editor" if _TRANSLATOR_LINE.search(line) else None


# A paywall's prompt worded the other way round, what is asked after what is offered
# (繼續閱讀全文，請成為訂閱用戶; 阅读全文请先登录): the paywall patterns above take the order
# 成为会员后阅读全文 only.
_PAYWALL_REQUEST = re.compile(
    r"^(?=.{0,40}$)(?:继续|繼續)?(?:阅读|查看)(?:全文|完整内容|剩余内容|全部内容)[，,\s]*请?先?"
    r"(?:成为|登录|登入|订阅|开通|注册)[^，,。！？]{0,10}[。!！]?$"
)


def _paywall_request_rule(line: str) -> str | None:
    """The rule: "paywall" for a prompt that asks after it offers (阅读全文，请成为订阅用户)."""
    return "paywall" if _PAYWALL_REQUEST.search(line) else None


# A site's scrolling notice bar in its header, copied as one line: two or more notices, each
# under a bracketed label of a notice (【公告】X。　【提醒】Y。). It ends in full stops, yet it
# is the site's, not the article's start (a brief's 【headline】 label is a headline, no notice
# word, and a line with one label may be the text's own).
_NOTICE_LABEL = r"[【\[](?:最新|重要|温馨)?(?:公告|通知|通告|提醒|提示|公示|预警|消息)[】\]]"
_NOTICE_TICKER = re.compile(rf"^\s*{_NOTICE_LABEL}[^【\[]+?(?:[。！；]|\s)\s*{_NOTICE_LABEL}\S")


def _is_notice_ticker(line: str) -> bool:
    """A header's notice bar: two bracketed notices on one line (`_NOTICE_TICKER`)."""
    return len(line) <= 300 and bool(_NOTICE_TICKER.search(line))


# A search engine's cache banner over a saved snapshot (这是 http://… 的网页快照，是网页在 … 的
# 存档; 快照仅供参考, 以下是缓存页面): the cache's words, however long, not the page's.
_SNAPSHOT_BANNER = re.compile(
    r"^这是\s*\S+\s*的(?:网页)?快照[，,]|快照仅供参考|以下是(?:缓存|快照)页面"
    r"|^(?:This is Google's cache of|This is a snapshot of)\s",
    re.IGNORECASE,
)


def is_disclaimer(line: str) -> bool:
    """A reposting or copyright disclaimer, however long (see `_DISCLAIMER`)."""
    if len(line) > MAX_DISCLAIMER_CHARS or not _DISCLAIMER_HINT.search(line):
        return False  # (a cheap test first: most lines of prose hold none of these characters)
    return bool(_DISCLAIMER.search(simplified(line)))


_DISCLAIMER_HINT = re.compile(
    r"声明|聲明|凡本|侵权|侵權|侵犯|不代表|版权|版權|赞同其|信息之目的|自网络|于网络|仅代表|仅提供"
    r"|转载|前瞻性"
)


def is_navigation(line: str) -> bool:
    """A bar of three or more short link-like items (``首页 | 新闻 | 政策``)."""
    if SENTENCE.search(line) or len(line) > 80 or not CJK.search(line):
        return False
    # (a spaced-out label is one word: 作　者： 本刊记者 X is a byline's field, no bar of links)
    line = unspaced_labels(line)
    return bool(_NAV_SEPARATED.match(line) or _NAV_SPACED.match(line))


# ---- headlines ------------------------------------------------------------------------

# Separators between a page title's headline, section and site name; a hyphen only where it
# joins neither digits (2023-2024) nor Latin letters (HY-Home, COVID-19), a double hyphen
# always (站名--110千伏…: no number range is written so), and "·" never (【新春走基层·…】 is
# part of a headline).
_TITLE_SEPARATORS = re.compile(
    r"\s*(?:_|\||｜|—{1,2}|–|::|--)\s*|\s+-\s+"
    r"|(?<=[^\dA-Za-z])-{1,2}(?=\D)|(?<=[A-Za-z])-{1,2}(?=[^\dA-Za-z])"
    # (before a full date: an e-paper's 报名-2023年05月08日-标题)
    r"|(?<=[\u3400-\u9fff])-(?=\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2})"
    r"|(?<=\d{4}-\d{2}-\d{2})-(?=\D)"
    # (a breadcrumb's arrows, as portal and CMS titles print the path: 站名 >> 栏目 >> 标题,
    # 站名 » 标题; a lone > only between spaces, never 2>1 in a headline)
    r"|\s*(?:>>|＞＞|»)\s*|\s+[>＞]\s+"
)
# A part of a title that is a date alone (an e-paper's edition date): neither headline nor name.
_TITLE_DATE = re.compile(
    r"^\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?\s*(?:星期[一二三四五六日天])?$"
)


def split_title(title: str) -> list[str]:
    """A page title's parts around site-name separators (``标题_政策_XX能源网``), without a
    date standing as a part of its own, nor the software's credit (Discuz!'s ``标题 - 栏目 -
    站名 - Powered by Discuz!``)."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) == 1 and (match := _BRACKETED_SITE.match(title)):
        # (a site's name in brackets before or after the headline: 【南溪能源网】标题)
        name = match["before"] or match["after"]
        if looks_like_site_name(name):
            rest = match["rest_after"] if match["before"] else match["rest_before"]
            parts = [name, rest] if match["before"] else [rest, name]
    return [p for p in parts if p and not _TITLE_DATE.match(p) and not _POWERED_BY.match(p)]


_BRACKETED_SITE = re.compile(
    r"^[【\[](?P<before>[^】\]]{3,16})[】\]]\s*(?P<rest_after>\S.*)$"
    r"|^(?P<rest_before>.*\S)\s*[【\[](?P<after>[^】\]]{3,16})[】\]]$"
)


_POWERED_BY = re.compile(r"^\s*(?:powered\s+by|power\s+by|技术支持\s*[:：]?)\s*\S", re.IGNORECASE)


def headline_shaped(line: str) -> bool:
    """Could this line be a headline: 4–90 characters of text, not a sentence or a label."""
    if not 4 <= len(line) <= 90 or not CJK.search(line):
        return False
    # (nor a line broken off at an opening bracket: 《关于X的请示》（X〔)
    if line[-1] in "。；：:，,、（(《〔【“" or line.count("。") > 0 or "首页" in simplified(line):
        return False
    return not is_navigation(line)


def is_prose(line: str) -> bool:
    """A line of article text: ten or more CJK characters and sentence punctuation."""
    return len(CJK.findall(line)) >= 10 and bool(SENTENCE.search(line))


# A sentence of a page in English (a site's English edition in the same crawl): a dozen words
# or more, ended by a full stop, question or exclamation mark (a menu or a title is neither).
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_LATIN_SENTENCE_END = re.compile(r"[a-z0-9)\]%][.!?][\"”’)]?(?:\s|$)")


def is_latin_prose(line: str) -> bool:
    """A line of article text in English (or another Latin-script language)."""
    return len(_LATIN_WORD.findall(line)) >= 12 and bool(_LATIN_SENTENCE_END.search(line))
