"""Built-in rules for the furniture of Chinese news pages, and the reading of bylines.

These rules apply to every page, alone or in a folder: breadcrumbs (``首页 >``, ``当前位置：``),
``上一篇/下一篇``, editors (``责任编辑/编辑/审核/校对``), share bars, QR-code prompts, copyright and
ICP lines, related-article headings, print/close links, view counters, font-size switches and
navigation bars. Written by hand: no maintained library describes Chinese news-site furniture
(trafilatura's boilerplate heuristics work on HTML structure, not on the words of a line).

A *byline* is the short line that states when and where an article comes from
(``发布时间：2023-05-12 09:30  来源：XX能源报``, a bare ``2022/11/03``, ``2023年5月12日 09:30``).
Only bylines give a page's date: a date inside the article's own sentences never does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import opencc

from xinwen.index.cleaning import EN_MONTHS, fold_width, parse_date, western_dates

_T2S = opencc.OpenCC("t2s")


def simplified(line: str) -> str:
    """The line in simplified characters and half-width forms, for matching the rules."""
    return _T2S.convert(fold_width(line)) if not line.isascii() else line


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
            r"^[（(【\[]?\s*(?:责任编辑|责编|编辑|本文作者|文章作者|录入|文章录入|信息录入|审核|校对|终审|初审|复审|审校|监制|值班编辑"
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
            r"|^(?:年卡|月卡|季卡|包年|包月|单篇)\s*[¥￥]\s*\d+(?:\.\d+)?.{0,20}$",
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

# Furniture lines are shorter than this, or not prose.
MAX_FURNITURE_CHARS = 60

# A site's reposting disclaimer is a paragraph of prose, yet chrome however long it is: a line
# that starts as one (特别声明：…转载…, 凡本网注明“来源：…”的所有作品…) or states its formula.
_DISCLAIMER = re.compile(
    r"^[【\[「『]?(?:特别|免责|郑重|版权|法律|平台)?声明\s*[】\]」』]?\s*[:：]"
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
_SENTENCE = re.compile(r"[。！？；，,!?;]")
_CJK = re.compile(r"[\u3400-\u9fff]")

# ---- bylines -------------------------------------------------------------------------

_DATE = (
    r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
    r"|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
    # (a Chinese edition of a foreign site: Sep 14, 2023, 14 September 2023)
    r"|(?:" + EN_MONTHS + r")[a-z]*\.?\s*\d{1,2},?\s*\d{4}"
    r"|\d{1,2}\s*(?:" + EN_MONTHS + r")[a-z]*\.?,?\s*\d{4})"
    # the time, also in 12-hour form (下午 3:15, as Taiwan and Hong Kong sites print it)
    r"(?:\s*(?:上午|下午|早上|晚上|凌晨|中午)?\s*(?P<time>\d{1,2}[:：]\d{2}(?:[:：]\d{2})?))?"
)
# (a bare 发布 glued to the words before it labels the date only after an organisation's name,
# 国家能源局发布 2024-05-06; a sidebar's headline ending in it, 排名发布 2024-10-28, is a link's
# title and its date, not a byline)
_DATE_LABEL = (
    r"(?:发布时间|发布日期|发表时间|发表日期|发稿时间|更新时间|时间|日期|发布于|发表于"
    r"|(?<![\u3400-\u9fff])发布|(?<=[局委部厅院会办司社报网台署所站心团府])发布)"
)
# (a bilingual label, its other language's words before the colon: 發佈日期 Data de publicação：,
# 發佈日期 Date：, as Macau and Hong Kong sites print it)
_LABEL_TRANSLATED = r"(?:\s*[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'/-]{1,30}?\s*[:：]|\s*[:：]?)"
_LABELLED_DATE = re.compile(_DATE_LABEL + _LABEL_TRANSLATED + r"\s*" + _DATE)
# Labels of dates that are not the publication's: a document's signing (成文日期), an update.
_OTHER_DATE = re.compile(
    # (最后修改, 最後更新: a content system's last edit, Plone's 最後修改 2024-04-23)
    r"(?:成文|更新|修改|修订|撰写|印发|生效|实施|施行|截止|有效)(?:时间|日期)|更新于|修改于|updated"
    r"|最后(?:修改|更新|编辑)"
    r"|modified",
    re.IGNORECASE,
)
# A label of the original's date (原公告发布日期, 原发布时间): a correction's note of another
# document's date.
_ORIGINAL = re.compile(r"原(?:公告|文|稿|通知|文件|报道)?$")
# The label of an event's date before 时间/日期 (会议时间, 报名时间, 开标时间, 截止日期): a
# notice's own text, not the page's date.
_EVENT = re.compile(
    r"(?:会议|报名|活动|举办|举行|开标|投标|截止|培训|考试|开幕|展会|展览|比赛|申报|受理|公示|征求意见"
    r"|反馈|办理|报送|提交|停电|施工|演练|讲座|路演|直播|交易|竞价|开放|放假|评审|面试|笔试|开课"
    r"|签到|入场|营业|起止|开始|结束)$"
)
# A date field left empty (发布时间：  信息来源：X): the page states no date.
EMPTY_DATE_FIELD = re.compile(
    r"(?:^|\s)(?:发布时间|发布日期|发表时间|发表日期|更新时间|日期|时间)\s*[:：]\s*"
    r"(?=$|[^\s\d:：]{2,6}\s*[:：])"
)
_BARE_DATE = re.compile(
    r"^[\[【(（]?\s*" + _DATE + r"\s*(?:星期[一二三四五六日天]|周[一二三四五六日天])?"
)
# ``来源：X``, and ``来源 | X`` as WeChat-style articles print a repost's origin.
_SOURCE = re.compile(
    # (信息来源, 稿件来源, 文章来源, 原文来源 … end in 来源; a quoted paper: 摘自：《X报》)
    # (图片来源, 数据来源: a picture's or a chart's credit, not the article's source)
    r"(?<!图片)(?<!圖片)(?<!数据)(?<!數據)(?<!资料)(?<!資料)(?<!题图)(?<!封面)(?<!视频)(?<!配图)"
    r"(?<![图圖表])"
    # (a reprint request, 如若转载，请注明出处：https://…, asks others to credit this page: it
    # names no source of its own)
    r"(?<!注明)(?<!註明)"
    r"(?:来源于|來源於|来源|來源|稿源|出处|出處|出自|转自|轉自|转载自|轉載自|转载于|轉載於|转引自|轉引自|摘自"
    r"|选自|選自|原载|原載|(?<![\u3400-\u9fff])(?:本文|文章)?(?:来自|來自)(?=\s*[:：]))"
    # (a bilingual label, the other language's word before the colon: 來源 Source：X, 來源
    # Fonte：X, as Hong Kong's and Macau's sites print it)
    r"(?:\s+[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'/-]{1,20}?(?=\s*[:：]))?"
    r"(?:\s*[:：]\s*|\s*[|｜丨]\s*(?=[^\s|｜丨]))"
    r"(?P<source>[^\s:：|｜　()（）【】\[\]，,；;。]{1,30}?)"
    # (a note after a comma ends it too: （本文来源：X，有删节）)
    # (作者 inside 工作者 is a name's word, not the next field's label: 来源：X新闻工作者协会)
    r"(?=$|[\s:：|｜　()（）【】\[\]，,；;。]|(?<!工)作者|编辑|责任编辑|责编|记者|通讯员|摄影|审核"
    # (发布 as the next field's label, 发布时间/发布者/发布于; a government's account named
    # X发布, 来源：上海发布, is the source whole)
    r"|发布(?:时间|日期|者|人|于|单位|部门|\s*[:：])"
    r"|时间|日期|浏览|阅读|点击"
    # (the meta line's other fields, printed without a space between: 来源：X评论：0 字号：…)
    r"|(?:评论|字号|字体|关键词|关键字|标签|人气|热度|访问(?:量|次数)?|分享到?|(?:所属)?栏目"
    r"|(?:信息|文章)?分类|类别|录入|撰稿|撰文|供稿|文字|更新(?:时间|日期)?|打印|收藏|发文机关"
    r"|索引号)\s*[:：]"
    # (a view count glued after the value, as a text copy of a WordPress theme's meta line
    # prints it: 来源：X电厂201 次浏览 — the count is not the source's)
    r"|\d[\d,]*\s*[次人]?(?:阅读|浏览|点击|查看|访问))"
)
_BYLINE_FIELDS = re.compile(
    r"(?:来源|來源|稿源|出处|转自|转载自|转载于|转引自|摘自|选自|原载|来自|作者|记者|發布|发布时间"
    r"|发布日期|日期|时间|浏览|阅读"
    # (a Discuz! portal's: 2025-3-18 09:12 发布者: X 查看: 1,204 评论: 3)
    # (a bilingual label's other word before the colon too: 來源 Source：X)
    r"|点击|编辑|通讯员|字号|发布者|查看)(?:\s+[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'/-]{1,20}?)?\s*[:：]"
    r"|(?:来源|來源)\s*[|｜丨]"
    # a reporter's credit with the dateline's city (記者林某／台北報導)
    r"|记者\s*\S{1,6}\s*[/／]\s*\S{1,6}报[导道]"
    # a blog theme's counters and the column it was posted in, unlabelled (2024-09-12 · 发布在项目
    # 阅读 986 评论 0), also bracketed (a DUX-style theme's 阅读(412) 评论(0))
    r"|(?:阅读|浏览|点击|评论|查看)\s*(?:\d[\d,]*|[(（\[]\s*\d[\d,]*\s*[)）\]])(?:\s|$)|^[·•|｜\s]*发布(?:在|于)\s*\S{1,10}(?:\s|$)"
    # (the count before its counter, a WordPress theme's: 2024年6月5日 政策 2160次阅读 0条评论)
    r"|(?:^|\s)\d[\d,]*\s*(?:次(?:阅读|浏览|点击|查看)|条评论)(?=\s|$)"
)
# Sources that name no one (来源：本站, 未知, 网络): the site's own name is taken instead.
NOT_A_SOURCE = frozenset(
    {
        "本站",
        "本网",
        "本站原创",
        "原创",
        "网络",
        "互联网",
        "网络转载",
        "未知",
        "佚名",
        "admin",
        "不详",
        # (what a CMS's editor leaves in the field: compiled, reposted, the site's own edit)
        "本网原创",
        "本站编辑",
        "本网编辑",
        "本站整理",
        "本网整理",
        "网络整理",
        "网络综合",
        "综合",
        "综合整理",
        "转载",
        "暂无",
        "未知来源",
        "本网讯",
        "本站讯",
        # (a paper's own report, 本报讯: the paper, which is the site)
        "本报讯",
        "本报",
        "本刊讯",
        "投稿",
        "网友投稿",
        "用户投稿",
        "无",
        # (a template's empty value)
        "null",
        "none",
        "-",
        "--",
        "—",
    }
)


# The organisation that runs the site by its kind alone (来源：本中心, 本院, 本公司, 本会原创):
# the site's own, as 本站 is.
_THIS_ORGAN = re.compile(
    r"^本(?:中心|院|所|会|协会|学会|局|委|厅|办|公司|集团|单位|部门?|处|馆|校|刊|台|园区)"
    r"(?:原创|编辑|整理|讯)?$"
)


def names_no_one(source: str) -> bool:
    """Whether a source field's value names no one but the site (本站, 未知, a traditional
    page's 本報訊, the site's organisation by its kind, 本中心), compared simplified."""
    text = simplified(source.lower())
    return text in NOT_A_SOURCE or bool(_THIS_ORGAN.match(text))


_LABEL_AFTER = re.compile(r"\s*[:：]")
_SOURCE_TAIL = re.compile(r"[)）】\]。，,]+$")
# An organisation's name and 发布 (来源：国家能源局发布): the organisation; a government's
# account named for its place, 上海发布, keeps it. (中心, 公司, 集团, 政府 end in 心司团府.)
_ISSUED_BY = re.compile(r"(?<=[局委部厅院会办司社报网台署所站心团府])发布$")
_ACCOUNT_KIND = re.compile(r"^(?:微信)?(?:公众号|公众平台)\s*(?=[“「『\"《])")
_QUOTES = ("《》", "〈〉", "“”", "「」", "『』", '""', "<>", "＜＞")


def _unquoted(name: str) -> str:
    """A name without the marks that enclose it whole (摘自：《X报》 → X报), nor the kind of
    account before them (微信公众号“X” → X)."""
    name = _ACCOUNT_KIND.sub("", name)
    for pair in _QUOTES:
        if len(name) > 2 and name[0] == pair[0] and name[-1] == pair[1]:
            inner = name[1:-1]
            return inner if pair[0] not in inner and pair[1] not in inner else name
    return name


def _credited_publication(match: re.Match[str], raw: str) -> str | None:
    """来源：《X》: a paper or journal credited as the source, as the page prints it, its title
    marks kept (so every writer of our blind sets expected it); 摘自：《X报》, where a text was
    taken from, is the paper's name alone (see `_unquoted`)."""
    label = match.string[match.start() : match.start("source")]
    whole = raw.startswith("《") and raw.endswith("》") and raw.count("《") == 1
    return raw if whole and re.search("来源|來源|稿源", label) else None


MAX_BYLINE_CHARS = 90


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline line states."""

    date: dt.date | None
    source: str | None
    labelled_date: bool  # the date follows 发布时间/日期/… (else the line starts with it)
    # the label names another date than the publication's (成文日期, 更新时间): the page's date
    # only when no byline gives the publication's
    other_date: bool = False

    @property
    def strong(self) -> bool:
        """A labelled date, or a date with a source: a byline wherever it stands on the page
        (some sites print it under the article: ``（2019/7/15 9:05 来源：XX）``)."""
        return self.date is not None and (self.labelled_date or self.source is not None)


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


def line_rule(line: str) -> str | None:
    """The name of the built-in rule that makes `line` page furniture, or None.

    A long line of prose is article text whatever words it holds (furniture is short).
    """
    if _SNAPSHOT_BANNER.search(line):
        return "snapshot banner"
    if _is_notice_ticker(line):
        return "notice ticker"
    if len(line) > MAX_FURNITURE_CHARS and _SENTENCE.search(line):
        # (a big shop's top bar runs long: its greeting, its links and its hotline, all short
        # words apart, no sentence among them)
        if _WELCOME.search(simplified(line)):
            return "welcome line"
        return "copyright" if is_disclaimer(line) else None
    line = simplified(line)
    for name, pattern in _LINE_RULES:
        if pattern.search(line):
            told = name == "QR code" and _SCANNING_TOLD.search(line)
            if told and not pattern.search(line.replace("扫码", "")):
                continue
            return name
    rule = (
        _toolbar_rule(line)
        or _press_contact_rule(line)
        or _translator_rule(line)
        or _paywall_request_rule(line)
    )
    if rule:
        return rule
    if is_navigation(line):
        return "navigation"
    if is_disclaimer(line):
        return "copyright"
    return None


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
    if _SENTENCE.search(line) or len(line) > 80 or not _CJK.search(line):
        return False
    # (a spaced-out label is one word: 作　者： 本刊记者 X is a byline's field, no bar of links)
    line = unspaced_labels(line)
    return bool(_NAV_SEPARATED.match(line) or _NAV_SPACED.match(line))


# A two-character label spaced out to line up with longer ones (来  源：, 作　者：, 日　期：), as
# government and university sites print their bylines.
_SPACED_LABEL = re.compile(
    r"(?<![\u3400-\u9fff])([来來作日时時出编編摄攝])[\s\u3000]+([源者期间間处處辑輯影])(?=\s*[:：])"
)


_SPACED_HINT = re.compile(r"\s[源者期间間处處辑輯影]\s*[:：]")  # (cheap: most lines have none)


# A bilingual site's label, its English after the Chinese (来源 / Source：, 发布时间 / Date：).
_ENGLISH_IN_LABEL = re.compile(r"(?<=[\u3400-\u9fff])\s*/\s*[A-Za-z][A-Za-z .]{0,20}?\s*(?=[:：])")


def unspaced_labels(line: str) -> str:
    """`line` with its spaced-out two-character labels closed up (来  源： → 来源：) and a
    bilingual label's English left out (来源 / Source： → 来源：)."""
    if "/" in line:
        line = _ENGLISH_IN_LABEL.sub("", line)
    return _SPACED_LABEL.sub(r"\1\2", line) if _SPACED_HINT.search(line) else line


_SPACED_SOURCE = re.compile(
    r"(?:^|(?<=\s))(?:信息|稿件|文章|新闻)?(?:来源|來源)\s+(?=[^\s:：|｜丨][^。，,；;！？!?]{0,29}$)"
    # (not a bilingual label's other word, 來源 Source：X: its colon follows that word)
    r"(?![A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'/-]{0,20}[:：])"
)


# A theme's 来源 label run into its value with no colon nor space where the value is a paper's
# or journal's name in book marks (来源《X评论》2022年第10期, 作者X 来源《X日报》): the 《
# opens the value as a colon would; a reader sees the field.
_BOOKED_SOURCE = re.compile(
    r"(?:^|(?<=\s))(?:信息|稿件|文章|新闻)?(?:来源|來源)(?=《[^《》\s]{2,20}》[^\s。，,；;！？!?]{0,16}$)"
)


def _booked_source(line: str) -> str:
    """`line` with a colon after a 来源 label that runs into its 《paper》 value."""
    return _BOOKED_SOURCE.sub("来源：", line, count=1)


def data_source_byline(line: str) -> Byline | None:
    """A line of 资料来源：X alone read as a byline's source field (the caller has seen the
    page's dated byline beside it: 發布日期 on the line above, the counter below)."""
    if not _DATA_SOURCE.match(folded := fold_width(line.strip())):
        return None
    return parse_byline(_DATA_SOURCE.sub("", folded, count=1))


# A date followed by 起施行/起实施/起执行/起生效 (自2022年9月1日起施行): the day a standard or a
# rule takes effect, as a subtitle or a deck states it, never the day the page was posted.
_EFFECTIVE = re.compile(r"\s*(?:起|开始)?\s*(?:正式)?(?:施行|实施|执行|生效)")


def _takes_effect(text: str, end: int) -> bool:
    """The date that ends at `end` in `text` is followed by its taking effect (`_EFFECTIVE`)."""
    return bool(_EFFECTIVE.match(text, end))


def parse_byline(line: str) -> Byline | None:
    """The date and source a byline states; None for a line that is not a byline."""
    if "。" in line and (note := _CREDIT_NOTE.match(line)):
        line = note["credit"]  # (来源：X。转载时有删节: X, and a note on how it was reprinted)
    if len(line) > MAX_BYLINE_CHARS or "。" in line:
        return None
    line = unspaced_labels(line)
    # (a theme's label set apart by a space only, no colon, the value after it, alone or after
    # the other fields: 来源 新华社, 2024-05-06  来源 新华社)
    line = _SPACED_SOURCE.sub("来源：", line, count=1)
    line = _booked_source(line)
    text = western_dates(simplified(line))
    date = None
    labelled = False
    other = False
    labelled_dates = [
        m
        for m in _LABELLED_DATE.finditer(text)
        if not _ORIGINAL.search(before := text[: m.start()]) and not _EVENT.search(before)
    ]
    if not labelled_dates and _LABELLED_DATE.search(text):
        # (原公告发布日期：X: the date of another document, the one it corrects; 会议时间：X,
        # 报名时间：X: an event's date, the article's own text)
        return None
    if labelled_dates:
        # (of 成文日期：… 发布日期：… the publication's; else the first)
        other_dates = [
            _OTHER_DATE.search(text[max(0, m.start() - 4) : m.start() + 4]) for m in labelled_dates
        ]
        match = next(
            (m for m, o in zip(labelled_dates, other_dates, strict=True) if not o),
            labelled_dates[0],
        )
        other = all(other_dates)
        date, labelled = parse_date(_squeeze(match["date"])), True
        if other and (bare := _BARE_DATE.match(text)) and bare.end() <= labelled_dates[0].start():
            # (2024-04-25 16:27 修改时间：2024-04-27: the unlabelled date leading the line is
            # the publication's, the labelled one a later edit's)
            date, labelled, other = parse_date(_squeeze(bare["date"])), False, False
    elif match := _BARE_DATE.match(text):
        rest = text[match.end() :].strip()
        # A bare date is a byline when nothing but byline fields or a short name follows it
        # (a bilingual site's name or section, 公司动态 Company News, is short without its
        # English).
        short = len(rest) <= 16 or (
            len(_LATIN_WORDS.sub("", rest).strip()) <= 16 and not _SENTENCE.search(rest)
        )
        # (or a blog theme's reading time and word count: 2022年5月9日 · 3 分钟 · 1342 字 · X)
        meta = _META_FIELDS.search(rest) or _reading_meta(rest)
        if not rest or _BYLINE_FIELDS.search(rest) or short or meta:
            date = parse_date(_squeeze(match["date"]))
    elif (match := _ANY_DATE.search(text)) and _short_segments(text, match):
        # "站名 / 作者 / 2021年08月09日 星期一 / 栏目": a date among short fields; not the first
        # day of a span (an exhibition's banner: 距开幕还有 -- 天 · 2026.9.16-18 · X会展中心)
        if _DAY_SPAN.match(text, match.end()):
            return None
        date = parse_date(_squeeze(match["date"]))
        other = bool(_OTHER_DATE.search(text[: match.start()][-12:]))  # (Updated Sep 14, 2023)
    if date is not None and not labelled and match and _takes_effect(text, match.end()):
        # (2022年9月1日起实施: when a rule takes effect, another date than the page's, as a
        # labelled 实施日期 is: the page's only where no byline gives the publication's)
        other = True
    if date is not None and not labelled and _ISSUED.search(text):
        # A document's 版记: ``X办公室 2023年3月15日印发``, the date it was issued.
        labelled = True
    source = None
    unnamed = False
    folded = fold_width(line)
    if date is not None and not other:
        # (资料来源 beside the page's date, as Taiwan's government sites label the
        # article's source, 發布日期：113-03-28 資料來源：X科: the page's source, not a chart's)
        folded = _DATA_SOURCE.sub("", folded)
    if match := _SOURCE.search(folded):
        match = _source_after_repost(folded, match)
        raw = _SOURCE_TAIL.sub("", _ISSUED_BY.sub("", match["source"]))
        source = _credited_publication(match, raw) or _unquoted(raw) or None
        if source is not None and _GLUED_DATE.search(source):
            source = _GLUED_DATE.sub("", source) or None
        if source is not None and _DOTTED_DATE.search(source):
            source = _DOTTED_DATE.sub("", source) or None
        if source is not None and (registered := _registered_tail(folded, match.end())):
            source += registered  # (来源：南屿（海州）科技有限公司: the registered name whole)
        if source is not None and (unit := _SOURCE_UNIT.match(folded, match.end())):
            # (来源：X公司 党群工作部: the company and, after one space, its department)
            source = f"{source} {unit['unit']}"
        if source is not None and not names_no_one(source):
            # (来源：X编辑部: an office's name, not X and then the editor's field, 编辑：Y)
            source += "编辑部" if _EDITORIAL_OFFICE.match(folded, match.end()) else ""
        if source in ("http", "https") and (host := _URL_HOST.match(folded, match.end())):
            source = host[1]  # (来源：http://www.x.com/: the address's host, as 来源：www.x.com)
        elif source is not None and _LABEL_AFTER.match(folded, match.end()):
            # (来源：  阅读次数：130, an ASP.NET page's empty source field: the "source" is the
            # next field's label; the field names no one)
            source, unnamed = None, True
        # (compared simplified: a traditional page's 本報訊 names no one either)
        if source is not None and names_no_one(source):
            # 来源：本站 names no one: the site's name is taken instead; the line is a byline
            # all the same (来源：未知 作者：X on an undated page)
            source, unnamed = None, True
    if date is None and source is None and not unnamed:
        return None
    if date is None and not _BYLINE_FIELDS.search(text):
        return None
    return Byline(date, source, labelled, other)


_ANY_DATE = re.compile(_DATE)
# 资料 before 来源: a credit of data or material, the article's source only in a byline.
_DATA_SOURCE = re.compile(r"[资資]料(?=[来來]源\s*[:：])")
# A blog theme's fields after a bare date (2024-04-22  分类：项目  阅读(1,286)  评论(0)): its
# column, labelled, and its counters with the count in brackets.
_META_FIELDS = re.compile(
    r"(?:^|\s)(?:分类|栏目|所属栏目|所属分类)\s*[:：]|(?:阅读|浏览|点击|评论|查看)\s*[(（]\s*\d[\d,]*\s*[)）]"
)
# A blog theme's post meta after its date: the reading time and the word count, set apart
# by · | / or spaces (2022年5月9日 · 3 分钟 · 1342 字 · 王明; 2023-04-02 | 约5分钟读完 | 2,100字).
_READING_FIELD = re.compile(
    r"(?:^|(?<=[\s·•|｜/]))(?:约|大约)?\s*(?:\d{1,3}\s*分钟(?:阅读|读完)?|\d[\d,]{0,6}\s*字)"
    r"(?=$|[\s·•|｜/])"
)


def _reading_meta(rest: str) -> bool:
    """The fields after a bare date are a post's meta: a reading time or a word count among
    short fields, no sentence (a Hugo or Hexo theme's line under the headline; the author's
    name may follow, unlabelled)."""
    if not _READING_FIELD.search(rest) or _SENTENCE.search(_THOUSANDS.sub("", rest)):
        return False
    fields = [f for f in _SEGMENT_SPLIT.split(rest) if f]
    return all(len(f) <= 16 for f in fields)


# A reposting label (本文转自：X, 转载自：X, 转引自：X): the account the page copied from.
_REPOST_LABEL = re.compile(r"(?:转自|轉自|转载自|轉載自|转载于|轉載於|转引自|轉引自)\s*[:：|｜丨]")
_SOURCE_LABEL = re.compile(r"(?:来源|來源)\s*[:：|｜丨]")


def _source_after_repost(folded: str, match: re.Match[str]) -> re.Match[str]:
    """`match`, or the 来源 field after it when `match` is a reposting label's: a line that
    reads 本文转自：X　来源：Y names Y, the field labelled 来源, as the article's source (X is
    the account that passed it on, as a 编辑 line names who handled it)."""
    if not _REPOST_LABEL.match(folded, match.start()):
        return match
    later = _SOURCE.search(folded, match.end())
    if later is not None and _SOURCE_LABEL.match(folded, later.start()):
        return later
    return match


# The rest of a span of days after its first date (2026.9.16-18, 2026年9月16日至18日): an
# event's dates, not a page's.
_DAY_SPAN = re.compile(r"\s*(?:[-–—~～]|至)\s*\d{1,2}\s*[日号]?(?![\d:：./-])")
# A source line closed by a full stop and a note on the reprint (来源：X。转载时有删节，图片略。):
# the note says what was cut or changed, so the line is a credit, not the text's first sentence.
_CREDIT_NOTE = re.compile(
    r"^\s*(?P<credit>(?:来源|來源|转自|轉自|转载自|轉載自|摘自|选自|選自|原载|原載)\s*[:：]\s*"
    r"[^。\s:：]{2,30})。(?=[^。]{0,30}(?:删|刪|略|改动|改動|转载|轉載|整理|编辑|編輯|标题|標題))"
    r".{0,40}$"
)
# A department after its organisation's name in a source field, set apart by one space
# (来源：X公司 党群工作部　点击：…): part of the source, not the next field.
_SOURCE_UNIT = re.compile(
    r" (?P<unit>[\u4e00-\u9fff]{1,8}(?:部|处|室|科|中心|办公室|委员会))(?=$|\s|[|｜，,；;。])"
)
_URL_HOST = re.compile(r"://([A-Za-z0-9.-]+)")
# The rest of a company's registered name after its mark (南屿（海州）科技有限公司): the place
# its registration adds in brackets, then its trade words and its legal form. A bracket after a
# source's name is otherwise a note (来源：新华社（记者 X）); a company's name goes on past it.
_REGISTERED_TAIL = re.compile(
    r"[(（][\u4e00-\u9fff]{2,6}[)）][\u4e00-\u9fff]{0,12}?"
    r"(?:(?:股份)?有限(?:责任)?公司|(?:股份|集团)公司|集团)"
    r"(?=$|[\s|｜，,；;。]|[\u4e00-\u9fff]{1,4}\s*[:：])"
)


def _registered_tail(line: str, end: int) -> str | None:
    """What completes the source's name at `end` of `line` where the name is a company's
    registered one that a bracketed place interrupts (来源：中能科技（海州）有限公司)."""
    match = _REGISTERED_TAIL.match(line, end)
    return match[0] if match else None


# An editorial office's word after a source's name (来源：组委会编辑部): the name goes on.
_EDITORIAL_OFFICE = re.compile(r"编辑部(?=$|[\s|｜，,；;。)）】\]])")
# The date printed right after a source's name, no space between (来源：X报2024年03月27日 14:15,
# as an app's share page runs its meta line together): the date's, not the name's.
_GLUED_DATE = re.compile(
    r"(?<=[\u3400-\u9fff])(?:19|20)\d\d\s*(?:年\s*\d{1,2}\s*月|[-/.]\s*\d{1,2}\s*[-/.]\s*\d).*$"
)
# The date after a source's name and a middle dot, the byline's fields run together as a copy
# of a card-style meta line keeps them (来源：X·2024年5月27日·阅读 3,412): the date's and the
# counter's, not the name's (a name's own dot, 约翰·史密斯, is followed by no year).
_DOTTED_DATE = re.compile(
    r"\s*[·•・]\s*(?:19|20)\d\d\s*(?:年\s*\d{1,2}\s*月|[-/.]\s*\d{1,2}\s*[-/.]\s*\d).*$"
)
_ISSUED = re.compile(r"\d\s*[日号]\s*印发$")
_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z&'.-]*")
# Fields are set apart by / | · or by spaces (``原创 编辑部 公众号名 2024年04月02日 发表于上海``).
_SEGMENT_SPLIT = re.compile(r"\s*[/|｜·•]\s*|\s+")
_WEEKDAY = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日天]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _short_segments(text: str, match: re.Match[str]) -> bool:
    """The line is a date among short fields separated by / | · or wide spaces."""
    rest = text[: match.start()] + " / " + text[match.end() :]
    # (a count's thousands separator, 阅读 2,041, is no sentence's comma)
    rest = _THOUSANDS.sub("", rest)
    if _SENTENCE.search(rest) or len(text) > 60:  # (the date's own comma: Sep 14, 2023)
        return False
    rest = _WEEKDAY.sub("", rest)
    parts = [p for p in _SEGMENT_SPLIT.split(rest) if p.strip()]
    # (a labelled field holds a longer value: 来源：上海环境能源交易所 | 2024年5月27日)
    return len(parts) >= 1 and all(
        len(p) <= 10
        or (len(p) <= 24 and _BYLINE_FIELDS.match(p.strip()))
        or _LOGIN_NAME.match(p.strip())
        or _NAME_AND_AFFILIATION.match(p.strip())
        for p in parts
    )


# An author with the body they write for in brackets (周明远（X研究院）): a byline's field, as
# long as a labelled one.
_NAME_AND_AFFILIATION = re.compile(r"^[^\s（()）]{1,10}[（(][^（()）]{2,20}[）)]$")


# A poster's login name in a blog theme's byline (由 site_admin | 4月 18, 2024 | 政策): one
# Latin word, longer than a Chinese field but no text.
_LOGIN_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{2,19}$")


def _squeeze(date_text: str) -> str:
    return re.sub(r"\s+", "", date_text)


# An author line under a headline: 作者：X, 文/X, 本报记者 X 通讯员 Y, 本报评论员. No date and no
# source, so not a `Byline`, but it marks the headline above it as a byline does.
_AUTHOR = re.compile(
    # (By X: a foreign site's Chinese edition credits its author in English)
    # (an organisation's name may lead a publisher's field: 南溪县水务局 发布人：办公室 周敏)
    r"^(?:By\s+\S|[^\s:：，。]{2,20}\s+(?:发布人|发布者|发布部门)\s*[:：]"
    r"|[（(【\[■●▲]?\s*(?:(?:作者|撰文|文|图文|文图|口述|整理"
    # (who published it: a portal's or a university's 发布人/发布部门, 供稿单位)
    r"|发布人|发布者|发稿人|发布部门|发布单位|发稿单位|供稿|供稿单位|报送单位|投稿人)\s*[:：/|｜丨]"
    r"|(?:本报|本刊|本台|本网|特约|见习)?(?:记者|通讯员|评论员|特约评论员|撰稿人))"
    # (a blog theme's: the author's name and the counters, no date: 联盟秘书处  阅读(655)  评论(0))
    r"|[^\s:：，。()（）]{2,12}(?:\s+(?:阅读|浏览|点击|评论|查看)\s*"
    r"(?:\d[\d,]*|[(（]\s*\d[\d,]*\s*[)）])){1,3}\s*$)"
)
MAX_AUTHOR_CHARS = 30


def is_author_line(line: str) -> bool:
    """A short line naming the article's author(s) (see `_AUTHOR`), not a sentence."""
    if len(line) > MAX_AUTHOR_CHARS:
        return False
    if _AUTHOR_WITH_ROLE.match(line):
        return True  # (the author's role after a comma: 作者：X，首席电气工程师)
    if _POSTED_BY.match(line):
        return True
    if _SPACED_AUTHOR.match(line):
        return True
    if _OUTLET_REPORTER.match(line):
        return True
    if _SENTENCE.search(line.rstrip("）)】]")):
        return False
    # (its label may be spaced out to line up with the other fields': 作　者：X)
    return bool(_AUTHOR.match(unspaced_labels(simplified(line))))


# A blog theme's meta line without its date (由 site_admin | 政策 | 0 条评论): 由, a space and the
# poster's name, then short fields apart by bars (the column, a count of comments); 由 glued to
# the next words opens a headline or a sentence (由点到面｜X).
_POSTED_BY = re.compile(r"^由\s+[^\s|｜]{1,20}(?:\s*[|｜]\s*[^|｜，。]{1,12}){1,3}$")


# A theme's author field set apart by a space, no colon (WordPress Flatsome's 作者 X, as a copy of
# its page keeps it under the headline): the label and one to three names, nothing else.
_SPACED_AUTHOR = re.compile(
    r"^(?:作者|撰文)\s+[^\s:：，,。！？；、]{2,16}(?:\s+[^\s:：，,。！？；、]{2,16}){0,2}$"
)


# A media outlet's reporter credit, its name glued before 记者 and the reporter's name set apart by
# a space (X融媒记者 唐某, X日报记者 李某 王某): a byline under the headline, never a headline; the
# space keeps a headline that goes on after 记者 (记者走基层) out.
_OUTLET_REPORTER = re.compile(
    r"^[^\s:：，,。！？；、]{2,12}(?:记者|通讯员)\s+[\u4e00-\u9fff·]{2,4}"
    r"(?:\s+(?:(?:记者|通讯员)\s*)?[\u4e00-\u9fff·]{2,4}){0,3}$"
)


_AUTHOR_WITH_ROLE = re.compile(
    r"^(?:作者|文)\s*[:：]\s*[^\s，,。:：]{2,12}[，,]\s*[^\s，,。！？；:：]{2,12}$"
)


def byline_site_name(line: str) -> str | None:
    """A short name after a bare date in a byline (``2023年5月12日 09:30  丙能源资讯``)."""
    text = western_dates(fold_width(line))
    if not (match := _BARE_DATE.match(text)):
        return None
    rest = re.sub(r"星期.|周[一二三四五六日天]", "", text[match.end() :]).strip()
    if rest and not _BYLINE_FIELDS.search(rest) and looks_like_site_name(rest):
        return rest
    return None


_DATE_IN_LINE = re.compile(_DATE)
_WECHAT_PLACE = re.compile(r"^\s*(?:\d{1,2}:\d{2}\s*)?发表于\s*[\u3400-\u9fff]{2,8}$")
_ACCOUNT_BEFORE = re.compile(r"(?:^|\s)(?P<account>[^\s:：，。\d]{2,20})\s+$")
_ORIGINAL_MARK = re.compile(
    r"^原创\s+(?:[^\s:：，。]{1,12}\s+)?(?P<account>[^\s:：，。\d]{2,20})\s+$"
)
_FIELD_SPLIT = re.compile(r"\s*[|｜丨/／·•]\s*|\s+")


def byline_name(line: str) -> str | None:
    """A publication's name as an unlabelled field of a short byline beside its date
    (``2023-05-12 10:00 | 滨江日报 | 作者：张三``, ``滨江日报 2023-05-12``): the one field shaped
    like a site's or paper's name, the others a date, a time or labelled fields."""
    text = western_dates(fold_width(line))
    if len(text) > 60 or not (match := _DATE_IN_LINE.search(text)):
        return None
    # (a credit in brackets under a copied text, （南溪日报 2024年3月5日）: the name inside)
    rest = (text[: match.start()] + " " + text[match.end() :]).strip()
    if rest[:1] and rest[0] in "(（[【" and text.endswith((")", "）", "]", "】")):
        rest = rest[1:-1]
    rest = re.sub(r"星期.|周[一二三四五六日天]", " ", rest)
    fields = [f for f in _FIELD_SPLIT.split(rest) if f]
    wechat = _WECHAT_PLACE.search(text[match.end() :]) is not None
    if (before := _ORIGINAL_MARK.match(text[: match.start()])) is not None or (
        wechat and (before := _ACCOUNT_BEFORE.search(text[: match.start()])) is not None
    ):
        # A 公众号 article's line (原创 作者 公众号名 2024年03月05日 09:30 北京, or without 原创 and
        # ending 发表于北京): the name next to the date is the account's, whatever its shape.
        return before["account"]
    names = [f for f in fields if looks_like_site_name(f) and not re.search(r"[:：]", f)]
    return names[0] if len(names) == 1 else None


# ---- site names -----------------------------------------------------------------------

# (…融媒体中心: a county's media centre, the publisher of its news site)
_SITE_SUFFIX = re.compile(
    r"(?:网|網|网站|在线|在線|资讯|資訊|新闻|新聞|报|報|日报|频道|门户|传媒|时报|周刊"
    r"|融媒体中心|融媒體中心|融媒中心|传媒中心|傳媒中心"
    # (a broadcaster: 江城广播电视台, XX人民广播电台, XX广电)
    r"|电视台|電視台|广播电台|廣播電台|电台|電台|广电|廣電)$"
)
# A foreign site's Chinese edition: a Latin name and 中文版/中文网 (Grid Weekly 中文版, FT中文网).
_FOREIGN_EDITION = re.compile(r"^[A-Za-z][A-Za-z0-9 .&'-]{0,30}?\s?(?:中文版|中文网|中文網)$")
_NAME_SPLIT = re.compile(r"\s*(?:[|｜_—–\-·•»]|\s{2,}|\s+(?=www\.|https?:))\s*")


# An organisation's name: a government's, a bureau's, a company's (南溪县人民政府, X市能源局).
_ORGAN = re.compile(
    r"^[\u3400-\u9fff]{2,14}(?:人民政府|政府|局|委员会|委|厅|办公室|公司|集团|中心|协会|学会|大学|学院)$"
)


def looks_like_organ(text: str) -> bool:
    """A short CJK name ending like an organisation's (…人民政府, …局, …有限公司)."""
    return bool(_ORGAN.match(text))


def looks_like_site_name(text: str) -> bool:
    """A short CJK name ending like a site's (…网, …在线, …资讯, …报)."""
    if _FOREIGN_EDITION.match(text):
        return True
    match = _SITE_SUFFIX.search(text)
    if not (3 <= len(text) <= 16 and match is not None and match.start() >= 2):
        return False
    name = simplified(text)
    if _DOCUMENT_KIND.search(name):
        return False
    if _CALL_TO_ACTION.match(name):
        return False
    return name not in _GENERIC_NAMES and not _SLOGAN.match(text) and not _SECTION.match(name)


# A box's call to the reader (订阅X周报, 关注X公众号, 下载X客户端): it names the site's
# newsletter or app, after a verb; no name starts so.
_CALL_TO_ACTION = re.compile(r"^(?:订阅|关注|下载|加入|扫码|登录|注册|收听|收看|购买)")


# Words ending in 报 that name a kind of document or notice, not a paper: a headline ending so
# (履约情况通报, 统计公报, 项目申报) is no site's name.
_DOCUMENT_KIND = re.compile(r"(?:通报|公报|申报|举报|汇报|预报|喜报|捷报|海报|警报|年报|季报)$")


# A site's slogan beside its name in the <title> (滨江能源网 - 专业能源资讯, 领先的行业门户): it
# ends like a name but starts as praise.
_SLOGAN = re.compile(
    r"(?:专业|领先|权威|最大|首选|一站式|打造|致力|您身边|你身边|(?:全国|中国|全球|国内|行业)"
    r"(?:领先|最大|首家|第一|权威|专业))"
)


# Words that end like a site's name but name a kind of publication, no one's (a footer's
# 電子報 link, a 即时新闻 list).
# A site's section named for its kind of news (公司新闻, 行业资讯, 图片新闻, 国内新闻): it ends
# like a site's name but is a column of any site, as company sites' banners and <title>s show.
_SECTION = re.compile(
    r"^(?:公司|企业|集团|行业|产业|最新|热点|热门|重要|图片|视频|国内|国际|本地|地方|综合|时政|社会"
    r"|财经|科技|政策|党建|工作|基层|媒体|要闻|头条|学校|校园|院系|部门|通知|信息|新闻|展会|市场"
    r"|技术|产品|项目|会员|协会|学会)(?:新闻|资讯|频道|报道|快讯|要闻)$"
)
# (and an intranet's notice in its footer, 内部网站 注意保密: what kind of site it is, no name)
_GENERIC_NAMES = frozenset(
    [
        *("电子报", "数字报", "手机报", "电子版", "即时新闻", "最新新闻", "热门新闻", "相关新闻"),
        *("内部网站", "内部网", "内网网站", "内部网络", "内部资讯", "内部新闻"),
    ]
)


_SPONSOR = re.compile(r"(?:主办单位|主办|网站主办)\s*[:：]\s*(?P<name>[^\s:：|｜,，]{2,20})")
_RIGHTS = re.compile(
    r"copyright|版权所有|版權所有|©|\(c\)|all rights reserved|保留所有权利"
    r"|\d{4}\s*[-–—~]\s*\d{4}|\d{4}",
    re.IGNORECASE,
)


_COPYRIGHT_MARK = re.compile(
    r"copyright|版权所有|版權所有|©|all rights reserved|保留所有权利", re.I
)


# A site's statement that its content is its own (本网站所有内容属X所有, 本站内容版权归X所有).
_OWNED_BY = re.compile(
    r"^(?:本网站?|本站)(?:所有|全部)?(?:内容|信息|文章|稿件|作品)(?:的?版权)?均?(?:属于?|归)"
    r"(?P<name>[^\s,，。:：]{2,20}?)(?:所有|独家所有|拥有)"
)


# A site's statement of who keeps it (本知识库由 X 维护, 本站由X主办, 本网站由X运营): its owner,
# whatever platform hosts it.
_KEPT_BY = re.compile(
    r"本(?:知识库|网站?|站|博客|专栏|空间|文库|平台|栏目|专题)由\s*(?P<name>[^\s,，。:：]{2,20}?)\s*"
    r"(?:负责)?(?:维护|主办|运营|创办|管理|建设|承办|编辑)"
)


# A platform's share bar naming who published the page on it (该内容由“X”通过钉钉发布): the
# publisher owns the page, not the platform whose logo tops it.
_SHARED_BY = re.compile(
    r"(?:该|此|本)?(?:内容|公告|通知|文章|页面|消息)由\s*[“\"「]?(?P<name>[^\s,，。:：“”\"「」]{2,20}?)"
    r"[”\"」]?\s*(?:通过|经|在|使用)\s*\S{2,8}?(?:发布|分享|发送)"
)


# A document platform's share bar naming the organisation that shared the page, with its
# department after a dot (来自 X · 营销部 的分享).
_SHARED_FROM = re.compile(
    r"(?:^|\s)来自\s*[“\"「]?(?P<name>[^\s,，。:：·・“”\"「」]{2,20}?)[”\"」]?\s*(?:[·・]\s*[^\s·・]{1,12}\s*)?的分享"
)


# Shared-document and wiki platforms (飞书, 企业微信's 微文档, 钉钉, 腾讯文档, 语雀 …): their
# name in a page's <title>, logo or header is the host's, never that of the document's owner.
_DOCUMENT_PLATFORMS_WORDS = (
    "飞书 飞书云文档 飞书文档 飞书知识库 飞书wiki lark feishu 企业微信 企业微信文档 微文档"
    " 腾讯文档 钉钉 钉钉文档 钉钉知识库 语雀 石墨文档 金山文档 wps云文档 wps wps文档"
)
_DOCUMENT_PLATFORMS = frozenset(_DOCUMENT_PLATFORMS_WORDS.split())


def document_platform(name: str | None) -> bool:
    """Whether `name` is a shared-document platform's (飞书云文档, ``企业微信 · 文档``)."""
    if not name:
        return False
    bare = re.sub(r"[\s·・|｜-]+", "", name)
    return bare.lower() in _DOCUMENT_PLATFORMS


# A shared document's button to open it in its platform's app (使用飞书打开, 在企业微信中打开).
_OPEN_IN_APP = re.compile(
    r"(?:使用|在|用)\s*(?:飞书|企业微信|钉钉|腾讯文档|语雀|金山文档|WPS)\s*中?\s*打开"
)
# A wiki's space named for its organisation (北坨风电知识库, X的知识库, X知识空间).
_WIKI_SPACE = re.compile(
    r"^(?P<name>[\u3400-\u9fff]{2,12}?)的?(?:知识库|知识空间|团队空间|文档库)$"
)


def shared_document(lines: list[str]) -> bool:
    """Whether a page is a document shared from a document platform: its header names the
    platform (``企业微信 · 文档``) or offers to open it in the platform's app."""
    return any(_OPEN_IN_APP.search(line) or document_platform(line) for line in lines[:8])


def wiki_space_owner(line: str) -> str | None:
    """The organisation a wiki's space is named for (北坨风电知识库 → 北坨风电)."""
    match = _WIKI_SPACE.match(line.strip())
    return match["name"] if match else None


def kept_by(line: str) -> str | None:
    """The owner a site's statement of who keeps it names (本知识库由 X 维护 → X), or the
    publisher a platform's share bar names (该内容由“X”通过钉钉发布, 来自 X · 部门 的分享 → X)."""
    match = _KEPT_BY.search(line) or _SHARED_BY.search(line)
    if match is None and len(line) <= MAX_FURNITURE_CHARS and not _SENTENCE.search(line):
        # (a share bar is a short line of the platform's chrome, not a sentence of the text
        # that says whose talk it reports: 以下内容来自专家的分享，…)
        match = _SHARED_FROM.search(line)
    return match["name"] if match else None


# An office named as a part of the organisation the line names otherwise (集团党委宣传部,
# 公司办公室).
_RELATIVE_OFFICE = re.compile(r"^(?:集团|公司|本单位|本院|本局|我司|我院|我局)\S")


def owner_name(line: str) -> str | None:
    """The site named by a copyright or sponsor line (``© 2024 己能观察 保留所有权利``, ``本网站
    所有内容属X所有``); a journal's publisher named for it (``《X》杂志社``) names the journal X,
    whose site it is."""
    name = _owner_name(line)
    if name and (journal := _JOURNAL_PUBLISHER.fullmatch(name)):
        return journal["journal"]
    return name


_JOURNAL_PUBLISHER = re.compile(r"《(?P<journal>[^《》]{2,12})》\s*(?:杂志社|编辑部|期刊社|杂志)")


def _owner_name(line: str) -> str | None:
    line = _ICP_NUMBER.sub(" ", line)  # (京ICP备2024000045号-1: its tail, 45号-1, names no one)
    if match := _OWNED_BY.search(line):
        return match["name"]
    # (a sponsor named relative to the holder, 主办：集团党委宣传部 after 晋源煤电集团有限责任公司
    # 版权所有, is its office: the holder is the site's)
    if (match := _SPONSOR.search(line)) and not _RELATIVE_OFFICE.match(match["name"]):
        return match["name"]
    if not _COPYRIGHT_MARK.search(line):
        return None
    # (a holder named in Latin letters after the mark: © 2025 Westwind A/S. | Cookie 设置;
    # before it, powered by NodeBB | X论坛 © 2025, it is the software's)
    mark = _COPYRIGHT_MARK.search(line)
    words = [(w, False) for w in _RIGHTS.sub(" ", line[: mark.start()]).split()]
    words += [(w, True) for w in _RIGHTS.sub(" ", line[mark.start() :]).split()]
    latin = False
    for word, after_mark in words:
        word = word.lstrip(":：")  # 版权所有：X
        if 2 <= len(word) <= 16 and _CJK.search(word) and not re.search(r"icp|[:：]", word, re.I):
            # (and the full stop after it, Latin style: © 2025 X社区. Built with Y)
            return word.strip("·|｜-—").removesuffix(".")
        if latin and word in ("|", "｜"):
            return None  # (the holder's name ended: the links after it name no one)
        latin = latin or (after_mark and bool(_LATIN_NAME.match(word)))
    return None


_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z0-9&-]{2,}$")
# A registration number in a copyright line: an ICP number, a public-security filing.
_ICP_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{0,2}ICP\s*[备證证]\s*[:：]?\s*\d[\d-]*\s*号(?:\s*-\s*\d+)?"
    r"|[\u4e00-\u9fff]{0,2}公网安备\s*[:：]?\s*\d+\s*号?",
    re.IGNORECASE,
)


_EPAPER_SUFFIX = re.compile(
    r"(?<=[报報])(?:社?(?:数字报刊平台|数字报刊|数字报纸|数字报|数字版|电子报刊|电子报|电子版|网络版)|社)$"
)


def newspaper_name(name: str) -> str:
    """A newspaper's name for its e-paper platform's or its publisher's (``XX时报数字报刊平台``,
    ``XX时报社`` → XX时报)."""
    paper = _EPAPER_SUFFIX.sub("", name)
    return paper if len(paper) >= 3 else name


# An organisation's portal or official site (江源电力公司信息门户, XX大学官网): the organisation.
_PORTAL = re.compile(
    r"^(?P<owner>.+?(?:公司|集团|集團|大学|大學|学院|學院|政府|银行|銀行|医院|醫院|中心|协会|協會|学会"
    r"|學會|局|厅|廳|委))"
    r"(?:信息门户|信息門戶|门户网站|門戶網站|门户网|門戶網|门户|門戶|官方网站|官方網站|官网|官網)"
    r"(?:\s*[（(](?:内网|內網|外网|外網)[）)])?$"
)


def portal_owner(name: str) -> str:
    """The organisation whose portal or official site a name is (``XX公司信息门户`` → XX公司)."""
    match = _PORTAL.match(name)
    return match["owner"] if match and len(match["owner"]) >= 3 else name


_CRUMBS = re.compile(r"\s*[>＞»›]\s*")


# A greeting before a site's name in its header (欢迎访问X, 您好，欢迎来到X, 欢迎光临X).
_GREETING = re.compile(r"^(?:您好[，,！!]?)?欢迎(?:您)?(?:访问|光临|来到|进入|浏览|登录)")


def site_name_in(line: str) -> str | None:
    """A site's name in a header or copyright line (``甲能源网 — 汇聚能源力量``), or None.

    Of a breadcrumb (``XX论坛 » 论坛 › 行业资讯 › 标题``) only the first item can name the site:
    the others are its sections."""
    crumbs = _CRUMBS.split(line)
    if len(crumbs) >= 3:
        line = crumbs[0]
    text = re.sub(
        r"copyright|版权所有|版權所有|©|\(c\)|all rights reserved|\d{4}\s*[-–—~]\s*\d{4}|\d{4}",
        " ",
        line,
        flags=re.IGNORECASE,
    )
    for part in _NAME_SPLIT.split(text):
        if _FOREIGN_EDITION.match(part.strip()):
            return part.strip()
        for word in part.split():
            word = word.lstrip(":：")  # (版权所有：X)
            # (a header's greeting, 欢迎访问X门户网站, 您好，欢迎来到X网: the site is X)
            word = _GREETING.sub("", word)
            # A labelled field (正在直播：X频道, a live-stream bar) names no site.
            if looks_like_site_name(word) and not re.search("[:：]", word):
                return word
    return None


# A menu's link home (首页, 网站首页, 返回首页, 学校主页: the school's home page, above a
# college's site), not a name; but a blog's 张三的主页 is its name.
_NAV_WORD = re.compile(r"^(?:返回|回到)?[^\s的]{0,4}(?:首页|主页)$")
# A top bar's or footer's link to the site's own pages and services, never its name.
_SITE_LINK = re.compile(
    r"^(?:联系我们|关于我们|网站地图|企业邮箱|员工邮箱|邮箱登录|设为首页|加入收藏|收藏本站"
    r"|OA登录|OA系统|会员登录|用户登录|登录|注册|无障碍浏览|无障碍|长者模式|繁体版?|简体版?)$",
    re.IGNORECASE,
)
# A word of a company's motto in its header, two characters like each of the others.
_MOTTO_WORD = re.compile(r"^[\u3400-\u9fff]{2}$")


def header_name(line: str) -> str | None:
    """The first field of a site's header line (``己能观察 · 新能源深度报道`` → 己能观察)."""
    parts = [p for p in _NAME_SPLIT.split(line) if p.strip()]
    if len(parts) >= 3 and all(_MOTTO_WORD.match(p.strip()) for p in parts):
        return None  # a motto of like words (安全 · 高效 · 绿色 · 智慧), no name
    first = _GREETING.sub("", parts[0].split()[0]) if parts else ""
    if _NAV_WORD.match(simplified(first)):
        return None  # a menu's first item (首页), not a name
    if _SITE_LINK.match(simplified(first)):
        return None  # a top bar's link (联系我们 | 企业邮箱), not a name
    if re.search(r"[:：]", first):
        # (a labelled field, 今天是：<a date a script wrote> before 会员登录: no name)
        return None
    if 2 <= len(first) <= 16 and _CJK.search(first) and not re.search(r"\d", first):
        return first
    return None


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
    if not 4 <= len(line) <= 90 or not _CJK.search(line):
        return False
    # (nor a line broken off at an opening bracket: 《关于X的请示》（X〔)
    if line[-1] in "。；：:，,、（(《〔【“" or line.count("。") > 0 or "首页" in simplified(line):
        return False
    return not is_navigation(line)


def is_prose(line: str) -> bool:
    """A line of article text: ten or more CJK characters and sentence punctuation."""
    return len(_CJK.findall(line)) >= 10 and bool(_SENTENCE.search(line))


# A picture's caption that ends with its photographer's credit (…觅食。新华社记者 张三 摄,
# …小麦。某社发（李四 摄）, …现场（通讯员 王五 摄）): a news photo's credit line, never a
# sentence of the text, which does not end in 摄.
_PHOTO_CREDIT = re.compile(
    r"^(?P<words>.{4,70}?)(?:[。.，,\s（(]|记者|通讯员|发)\s*[（(]?\s*"
    r"[\u4e00-\u9fff]{2,4}(?:\s*[、\s]\s*[\u4e00-\u9fff]{2,4}){0,3}\s*摄\s*[)）]?\s*[。.]?$"
)


def photo_credit_line(line: str) -> bool:
    """`line` is a short caption ending with its photographer's credit (X 摄)."""
    return len(line) <= 90 and bool(_PHOTO_CREDIT.match(line))
