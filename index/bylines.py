"""Bylines: the short line that states when and where an article comes from
(``发布时间：2023-05-12 09:30  来源：XX能源报``, a bare ``2022/11/03``, ``2023年5月12日 09:30``),
read into its date, its source and its author. Only bylines give a page's date: a date inside
the article's own sentences never does. Written by hand: no library reads Chinese bylines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from xinwen.index.cleaning import EN_MONTHS, fold_width, parse_date, western_dates
from xinwen.index.linetext import (
    SENTENCE,
    looks_like_site_name,
    names_no_one,
    simplified,
    unspaced_labels,
)

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
    r"|\d[\d,]*\s*[次人]?(?:阅读|浏览|点击|查看|访问)"
    # (a traditional page's counter as the next field, glued on: 來源：X組點閱數：1,286; the
    # line is matched folded, not simplified)
    r"|(?:點閱|点阅|瀏覽|閱讀|點擊|人氣)(?:數|数|次數|次数|人次)?\s*[:：])"
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
            len(_LATIN_WORDS.sub("", rest).strip()) <= 16 and not SENTENCE.search(rest)
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
    if not _READING_FIELD.search(rest) or SENTENCE.search(_THOUSANDS.sub("", rest)):
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
    if SENTENCE.search(rest) or len(text) > 60:  # (the date's own comma: Sep 14, 2023)
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
    if SENTENCE.search(line.rstrip("）)】]")):
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
