"""Rules for page reading found on round 42b (set 62 of the unseen layouts,
`tests/fixtures/blind-sites-62`, opened this round), written as general forms. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "岭南县首座光储充一体化电站投运"


def _picture_page(caption: str) -> str:
    # A county paper's article: a photograph alone in its paragraph, its caption right under it.
    return (
        '<html><head><meta charset="utf-8"><title>岭南县首座光储充一体化电站投运_岭南新闻网</title>'
        f"</head><body><h1>{HEADLINE}</h1>"
        "<div class='meta'>2024-07-12 09:20 来源：岭南日报 作者：记者 林晓</div>"
        f"<div class='article'><p>{PROSE}</p><p><img src='/pic/2024/0712/a.jpg' alt=''/></p>"
        f"<p class='note'>{caption}</p><p>{MORE}</p>"
        f"<p>{PROSE[:-1]}，{MORE}</p></div></body></html>"
    )


def test_a_caption_that_ends_its_sentence_before_the_credit_is_no_text(tmp_path: Path) -> None:
    # (the caption closes its one sentence with 。 and then credits the picture: the full stop
    # does not make it a sentence of the text)
    for caption in (
        "图为电站车棚顶的光伏板。通讯员 周明远 摄",
        "储能舱吊装现场。图/岭南电力建设公司",
        "充电站夜景。林晓 摄",
    ):
        rec = read_one(write_page(tmp_path / "a.html", _picture_page(caption)))
        assert caption not in rec.body, caption
        assert rec.body.startswith(PROSE) and rec.body.endswith(MORE)


def test_two_sentences_under_a_picture_stay_text(tmp_path: Path) -> None:
    # (a short paragraph of two sentences, no credit, stays the text's)
    line = "电站已经投运。周边居民可就近充电。"
    rec = read_one(write_page(tmp_path / "a.html", _picture_page(line)))
    assert line in rec.body


def test_a_source_label_run_into_its_journals_name_is_the_source(tmp_path: Path) -> None:
    # A think tank's site: the labels sit in their own spans, their values right after them
    # with no colon or space (作者研究员 X, 来源《X》…); a chart's caption in the text credits
    # its data (（来源：X）). The article's source is the journal the byline names.
    page = (
        '<html><head><meta charset="utf-8"><title>充电设施布局的三点建议_岭南发展研究中心</title>'
        "</head><body><h1>充电设施布局的三点建议</h1><div class='meta'>"
        "<span><span class='label'>发布日期</span>2023年4月18日</span> "
        "<span><span class='label'>作者</span>研究员 石青</span> "
        "<span><span class='label'>来源</span>《岭南发展评论》2023年第4期</span></div>"
        f"<div class='body'><p>{PROSE}</p><figure><img src='/f/1.png' alt=''/>"
        "<figcaption>图2　各区充电桩数量（来源：中心测算）</figcaption></figure>"
        f"<p>{MORE}</p><p>{PROSE[:-1]}，{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.source == "《岭南发展评论》2023年第4期"


def test_a_source_label_before_a_sentence_stays_no_field(tmp_path: Path) -> None:
    # (来源 run into 《…》 and then a clause is a sentence's words, not a field)
    from xinwen.index.bylines import parse_byline

    byline = parse_byline("2023年4月18日 来源《岭南日报》报道称，充电桩已覆盖全县")
    assert byline is None or byline.source is None


def test_a_row_of_attachments_with_their_sizes_is_no_text(tmp_path: Path) -> None:
    # (a notice's files to download under its text, each link followed by its size)
    page = (
        '<html><head><meta charset="utf-8"><title>关于开展充电设施调查的通知_岭南能源网</title>'
        "</head><body><h1>关于开展充电设施调查的通知</h1>"
        "<div class='info'>发布时间：2024-07-02</div><div class='text'>"
        f"<p>{PROSE}</p><p>{MORE}</p></div><div class='files'><div>附件</div>"
        "<span><a href='/f/charging-survey-2024.pdf'>charging-survey-2024.pdf</a> (1.2 MB)</span>"
        "<span><a href='/f/2.docx'>回执表.docx</a> (36 KB)</span></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert "charging-survey-2024.pdf" not in rec.body
    assert "回执表.docx" not in rec.body
    assert rec.body.startswith(PROSE)
