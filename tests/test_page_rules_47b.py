"""Rules for page reading found on round 47b (set 67 of the unseen layouts,
`tests/fixtures/blind-sites-67`, traditional characters and cross-strait sites, opened this
round), written as general forms. Each is checked on our own small pages.
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.furniture import line_rule

HEADLINE = "青川港區岸電設施明年全面啟用"


def test_a_press_contact_line_under_a_release_is_no_text(tmp_path: Path) -> None:
    # (a release's contact on one line under its text: the label, the office, the person and
    # the phone; Taiwan's 新聞聯絡人 and Hong Kong's 傳媒查詢)
    for contact in (
        "新聞聯絡人：港務司 科長 陳怡君　(02) 2345-6789",
        "傳媒查詢：企業傳訊部 何嘉欣　電話 (852) 2345 6789",
        "媒体联系人：办公室 王敏 010-12345678",
    ):
        page = (
            '<html><head><meta charset="utf-8"><title>青川港區岸電設施明年全面啟用-青川港務局'
            f"</title></head><body><h1>{HEADLINE}</h1><div class='meta'>發布日期：2024-05-06</div>"
            f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
            f"<p class='contact'>{contact}</p></body></html>"
        )
        rec = read_one(write_page(tmp_path / "a.html", page))
        assert rec.title == HEADLINE, contact
        assert "聯絡人" not in rec.body and "查詢" not in rec.body, contact
        assert "联系人" not in rec.body, contact
        assert rec.body.startswith(PROSE) and rec.body.endswith(MORE), contact


def test_a_sentence_about_press_contacts_stays_text() -> None:
    assert line_rule("新聞聯絡人：港務司 科長 陳怡君　(02) 2345-6789") == "press contacts"
    # (a sentence after the label is the text's own)
    assert line_rule("媒体查询：近期多家媒体询问岸电收费标准，港务局已作出说明。") is None


def test_a_government_sites_global_information_net_is_its_office(tmp_path: Path) -> None:
    # (Taiwan's government sites are named X全球資訊網 in their <title> and og:site_name: the
    # site of the office X, which is the source where no line credits another)
    page = (
        '<html><head><meta charset="utf-8"><meta property="og:site_name" '
        'content="港務轉型署全球資訊網"><title>港務轉型署全球資訊網</title></head><body>'
        f"<h1>{HEADLINE}</h1><div class='meta'>發布日期：2024-05-06</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<p>Copyright © 港務轉型署 版權所有</p></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.title == HEADLINE
    assert rec.source == "港務轉型署"


def test_a_translators_credit_alone_on_its_line_is_no_text(tmp_path: Path) -> None:
    page = "\n".join(
        [HEADLINE, "2024-05-06 10:20", PROSE, MORE, "（譯者／林佩君）", "延伸閱讀", ""]
    )
    rec = read_one(write_page(tmp_path / "a.txt", page))
    assert "林佩君" not in rec.body
    assert rec.body.endswith(MORE)
    assert line_rule("翻译：林佩君") == "editor"
    assert line_rule("编译：林佩君 王敏") == "editor"
    # (a sentence naming a translator stays text)
    assert line_rule("译者：林佩君表示，这本书花了她三年时间。") is None


def test_a_paywall_prompt_asking_after_it_offers_is_no_text() -> None:
    assert line_rule("繼續閱讀全文，請成為訂閱用戶") == "paywall"
    assert line_rule("阅读全文请先登录") == "paywall"
    assert line_rule("查看完整内容，请订阅本刊") == "paywall"
    # (a sentence of the text about reading stays text)
    assert line_rule("阅读全文后，请成为我们的志愿者，一起参与社区节能行动并分享经验。") is None
