"""Text cleaning, dates and ids."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xinwen.index.cleaning import (
    KEPT_FULL_WIDTH,
    _clean_common,
    clean_text,
    clean_title,
    content_id,
    find_date_in_text,
    fold_width,
    parse_date,
)

D = dt.date

# ---- width folding (selective NFKC) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("２０１２年６月４日", "2012年6月4日"),
        ("附加财富账户年金保险Ｂ款", "附加财富账户年金保险B款"),
        ("ＰＭ２．５浓度", "PM2.5浓度"),
        ("第Ⅲ阶段", "第III阶段"),
        ("气温２５℃", "气温25℃"),
        ("\uf900", "\u8c48"),  # a CJK compatibility ideograph becomes the unified one
    ],
)
def test_full_width_and_compatibility_forms_are_folded(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_chinese_punctuation_is_kept() -> None:
    text = "记者问：“这是真的吗？”他说（笑）：是的！然后……；句号。顿号、《书名》【括号】"
    assert clean_text(text) == text
    # ... also in the slow path, when the same text has something to fold
    assert clean_text("２０２０年，" + text) == "2020年，" + text


def test_kept_set_is_exactly_what_nfkc_would_change() -> None:
    # Guards the list: every kept character really is one NFKC changes.
    assert all(unicodedata.normalize("NFKC", ch) != ch for ch in KEPT_FULL_WIDTH)


def test_ideographic_space_becomes_one_space() -> None:
    assert clean_text("本报讯　　记者") == "本报讯 记者"


def test_fold_width_fast_path_returns_the_same_object() -> None:
    text = "国家能源局发布数据，今年光伏新增装机30GW。"
    assert fold_width(text) is text


# ---- HTML ---------------------------------------------------------------------------------


def test_paragraph_and_break_tags_become_line_breaks() -> None:
    html = "<div class='a'><p>第一段</p><P>第二段<br>第二行<BR/>第三行</P></div>"
    assert clean_text(html) == "第一段\n第二段\n第二行\n第三行"


def test_inline_tags_go_and_their_text_stays() -> None:
    html = "<p>据<a href='/x'>新华社</a>报道，<b>光伏</b>装机</p>"
    assert clean_text(html) == "据新华社报道，光伏装机"


def test_scripts_styles_and_comments_go_entirely_from_html() -> None:
    html = "<div><script>var a = 1;</script><style>p {}</style><!-- 广告 -->正文</div>"
    assert clean_text(html) == "正文"


def test_prose_mentioning_a_tag_is_not_stripped() -> None:
    text = "他解释了<script>标签的作用，以及<b>和<i>的区别。"
    assert clean_text(text) == text


def test_entities_are_decoded() -> None:
    assert clean_text("总投资&nbsp;10亿元&amp;配套&#20648;&#x80fd;") == "总投资 10亿元&配套储能"
    assert clean_text("a &lt;b&gt; c") == "a <b> c"


def test_escaped_markup_inside_html_survives_as_text() -> None:
    assert clean_text("<p>写作 &lt;p&gt; 标签</p>") == "写作 <p> 标签"


def test_bare_ampersand_words_in_urls_are_not_entities() -> None:
    text = "见 http://example.com/?id=1&copy=2&para=3"
    assert clean_text(text) == text


# ---- whitespace and control characters ------------------------------------------------------


def test_whitespace_is_normalised() -> None:
    raw = "  第一段 \t 有  空格  \r\n\r\n\n   第二段\r第三段\u2028第四段  "
    assert clean_text(raw) == "第一段 有 空格\n第二段\n第三段\n第四段"


def test_control_characters_are_dropped() -> None:
    assert clean_text("光\x00伏\x07装\u200b机\ufeff容量\x1b") == "光伏装机容量"
    # A soft hyphen (as a CMS's hyphenation leaves it) hid the word it cut from a search.
    assert clean_text("新型储\u00ad能电站") == "新型储能电站"
    # So did a zero-width joiner inside a word; between emoji it makes one picture and stays.
    assert clean_text("新型储\u200d能电站 A\u200dB") == "新型储能电站 AB"
    assert clean_text("家庭 👨\u200d👩\u200d👧") == "家庭 👨\u200d👩\u200d👧"


def test_title_is_one_line() -> None:
    assert clean_title("  光伏\n装机 \t 创新高  ") == "光伏 装机 创新高"


NO_MARKUP = st.text().filter(lambda t: not {"&", "<"} & set(unicodedata.normalize("NFKC", t)))


@given(NO_MARKUP)
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    title = clean_title(text)
    assert clean_title(title) == title


@given(st.text())
def test_cleaned_text_has_no_stray_whitespace_or_controls(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned == cleaned.strip()
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f]|\n\n|  | \n|\n ", cleaned)


@given(st.text(st.characters(codec="utf-8")) | st.from_regex(r"[ \t\n\r\u3000\u2028a中]*"))
def test_whitespace_is_normalised_as_the_regular_expressions_define_it(text: str) -> None:
    """Runs of whitespace within a line (as ``\\s`` matches it) become one space, lines are
    stripped, blank lines dropped: the definition the faster code must equal."""
    common = _clean_common(text)
    body = re.sub(r"[^\S\n]+", " ", re.sub(r"\s*\n\s*", "\n", common)).strip()
    assert clean_text(text) == body
    assert clean_title(text) == re.sub(r"\s+", " ", common).strip()


# ---- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-01-09", D(2020, 1, 9)),
        ("2020/1/9", D(2020, 1, 9)),
        ("2020.1.9", D(2020, 1, 9)),
        ("2020年1月9日", D(2020, 1, 9)),
        ("２０２０年１月９日", D(2020, 1, 9)),
        ("20200109", D(2020, 1, 9)),
        (20200109, D(2020, 1, 9)),
        ("2020-01-09 08:30", D(2020, 1, 9)),
        ("2020-01-09T08:00:00+08:00", D(2020, 1, 9)),
        # a moment in UTC is dated in Beijing time, as epoch seconds are: an export in UTC puts
        # an article of 02:00 on 10 January (Beijing) at 18:00Z on the 9th
        ("2020-01-09T18:00:00Z", D(2020, 1, 10)),
        ("2020-01-09 18:00:00.250+00:00", D(2020, 1, 10)),
        ("2020-01-09T15:59:59Z", D(2020, 1, 9)),
        # a time in the publisher's own zone: the date written there (its page says the 9th)
        ("2020-01-09T23:30:00-05:00", D(2020, 1, 9)),
        ("2020-01-09T00:30:00+0800", D(2020, 1, 9)),
        ("Thu, 09 Jan 2020 08:00:00 +0800", D(2020, 1, 9)),
        ("Thu, 09 Jan 2020 20:00:00 GMT", D(2020, 1, 10)),
        (dt.datetime(2020, 1, 9, 18, 0, tzinfo=dt.UTC), D(2020, 1, 10)),
        # 2020-01-08 16:00 UTC is already the 9th in Beijing
        (1578499200, D(2020, 1, 9)),
        ("1578499200", D(2020, 1, 9)),
        (1578499200.5, D(2020, 1, 9)),
        (1578499200000, D(2020, 1, 9)),
        ("1578499200000", D(2020, 1, 9)),
        (dt.datetime(2020, 1, 9, 23, 59), D(2020, 1, 9)),
        (D(2020, 1, 9), D(2020, 1, 9)),
        ("  2020-01-09  ", D(2020, 1, 9)),
    ],
)
def test_date_forms(value: object, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2020-02-30",
        "0000-00-00",
        "2020-13-01",
        "garbage",
        "2020-01-09garbage",
        "",
        "   ",
        None,
        True,
        0,
        12345,
        "1234",
        -1578499200,
        float("nan"),
        float("inf"),
        pytest.param(10**5000, id="huge-int"),
        pytest.param("9" * 5000, id="huge-digit-string"),
        [2020, 1, 9],
        "1800-01-01",
    ],
)
def test_invalid_or_unknown_dates_are_none(value: object) -> None:
    assert parse_date(value) is None


@given(st.one_of(st.text(), st.integers(), st.floats(), st.from_regex(r"\d{4}[-/.年]\d+.*")))
def test_parse_date_never_raises(value: object) -> None:
    result = parse_date(value)
    assert result is None or isinstance(result, dt.date)


def test_unknown_date_is_never_today() -> None:
    assert parse_date("今天") is None
    assert find_date_in_text("今天上午，项目正式开工。") is None


def test_find_full_date_in_text() -> None:
    assert find_date_in_text("本报讯 2021年6月15日，试点名单公布。") == D(2021, 6, 15)
    assert find_date_in_text("发布时间：2021-06-15 10:00") == D(2021, 6, 15)
    assert find_date_in_text("发布于２０２１年６月１５日") == D(2021, 6, 15)


def test_first_valid_full_date_wins() -> None:
    text = "2021年2月30日有误，应为2021年3月1日，后续2021年4月1日。"
    assert find_date_in_text(text) == D(2021, 3, 1)


def test_month_day_needs_a_year_on_the_page() -> None:
    assert find_date_in_text("1月9日，年会在京召开。") is None
    text = "1月9日，年会在京召开。会议总结了2019年工作，部署了2020年计划，截至2020年初……"
    assert find_date_in_text(text) == D(2020, 1, 9)  # 2020 is the year mentioned most


def test_numbers_that_are_not_dates_are_ignored() -> None:
    assert find_date_in_text("电话 010-2020-01-09 转 3") is None
    assert find_date_in_text("版本 12020.1.9") is None


@given(st.text())
def test_find_date_in_text_never_raises(text: str) -> None:
    result = find_date_in_text(text)
    assert result is None or isinstance(result, dt.date)


# ---- ids ------------------------------------------------------------------------------------


def test_content_id_is_stable_and_separates_title_from_body() -> None:
    assert content_id("标题", "正文") == content_id("标题", "正文")
    assert re.fullmatch(r"h-[0-9a-f]{32}", content_id("标题", "正文"))
    assert content_id("ab", "c") != content_id("a", "bc")
