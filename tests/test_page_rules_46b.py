"""Rules for page reading found on round 46b (blind set 69, general news sites), written as
general forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "岭东县城新增公共充电桩一百二十个"


def test_a_source_credited_under_the_text_with_a_longer_label_is_no_text(
    tmp_path: Path,
) -> None:
    # An evening paper's CMS prints the story's source at its foot, 稿件来源：X on a line of
    # its own: the byline's source field, as 来源：X there is, not a sentence of the text.
    third = "充电桩建成后，将由社区统一管理，居民可通过手机扫码充电，按实际用电量付费。"
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}_岭东晚报网</title></head><body>'
        "<div class='nav'><a href='/'>首页</a> <a href='/sh/'>社会</a></div>"
        f"<div class='article'><h1>{HEADLINE}</h1>"
        "<div class='info'>2024-05-10 09:30 阅读：</div><div class='content'>"
        f"<p>{PROSE}</p><p>{third}</p><p>{MORE}</p><p>稿件来源：岭东县消防救援大队</p></div>"
        "<p class='editor'>（编辑：周某）</p></div>"
        "<div class='footer'>版权所有：岭东晚报网</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "社会" / "5120.html", page))
    assert rec.title == HEADLINE
    assert MORE in rec.body
    assert "稿件来源" not in rec.body
    assert rec.source == "岭东县消防救援大队"


def test_a_finance_pages_quote_box_is_no_headline(tmp_path: Path) -> None:
    # A finance site's text copy: the headline, the byline, then the box of the stocks the
    # story names with their day's change (相关股票：X-1.85%) right over the text. Prices,
    # never the headline, though the article follows them.
    lines = [
        "岭东财经首页",
        "首页",
        "股市",
        "公司",
        "岭东财经 > 公司 > 正文",
        "硅片价格连跌三月 南岭硅业半年预亏",
        "2024-07-12 20:35  来源：岭东财经  记者 林某",
        "相关股票：南岭硅业-1.85%",
        PROSE,
        MORE,
        "责任编辑：周某",
    ]
    rec = read_one(write_page(tmp_path / "公司" / "t20240712_1001.txt", "\n".join(lines)))
    assert rec.title == "硅片价格连跌三月 南岭硅业半年预亏"
    assert MORE in rec.body


def test_a_one_word_notice_over_its_byline_is_the_headline(tmp_path: Path) -> None:
    # A paper's correction, saved as text: its headline is the one word 更正, alone right over
    # the dated byline. Too short for a headline's usual shape, but the page's headline still,
    # not the e-paper's name in the header.
    lines = [
        "岭东网首页",
        "|",
        "岭东日报数字报",
        "|",
        "手机版",
        "首页",
        "要闻",
        "社会",
        "您当前的位置：岭东网 > 要闻 > 正文",
        "更正",
        "2024-05-14 18:30　来源：岭东日报",
        "本网5月12日刊发的《全市新建充电桩两千余个》一文中，“两千余个”应为“一千余个”，"
        "特此更正，并向读者致歉。",
        "（责任编辑：周某）",
    ]
    rec = read_one(write_page(tmp_path / "要闻" / "0301.txt", "\n".join(lines)))
    assert rec.title == "更正"
    assert "特此更正" in rec.body
