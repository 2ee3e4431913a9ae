"""Rules for page reading found on round 45a (set 69 of the unseen layouts,
`tests/fixtures/blind-sites-69`, opened this round), written as general forms. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_one`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.bodytext import keep_main_text
from xinwen.index.bylines import photo_credit_line
from xinwen.index.pagerecords import Dropped

HEADLINE = "秋日江畔芦花飞"
CAPTIONS = (
    "10月3日，游客在江畔步道上拍摄芦花。本台记者 程远 摄",
    "10月3日，白鹭掠过芦苇荡。本台发（方晴 摄）",
    "10月3日，孩子们在江滩放风筝。通讯员 何川 摄",
)


def _gallery(captions: tuple[str, ...]) -> str:
    pictures = "".join(
        f"<p style='text-align:center'><img src='/p/{i}.jpg' alt=''></p>"
        f"<p class='photo-caption' style='text-align:center'>{caption}</p>"
        for i, caption in enumerate(captions)
    )
    return (
        f"<html><head><meta charset='utf-8'><title>{HEADLINE}_图片_某某网</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/a'>要闻</a> <a href='/b'>图片</a></div>"
        "<div class='crumb'>某某网 > 图片 > 正文</div>"
        f"<div class='article'><h1>{HEADLINE}</h1>"
        "<div class='info'>2024-10-04 08:30 来源：某某网</div>"
        f"<div class='content'><p>{PROSE}</p>{pictures}<p>{MORE}</p></div>"
        "<div class='editor'>责任编辑：孟然</div></div>"
        "<div class='foot'>关于我们 | 联系我们 | 版权所有 某某网</div></body></html>"
    )


def test_a_gallerys_captions_are_its_text(tmp_path: Path) -> None:
    # A gallery (three or more pictures, each with a caption crediting its photographer, 摄)
    # tells its story in its captions: they are the page's text, kept between its paragraphs.
    rec = read_one(write_page(tmp_path / "图片" / "a.html", _gallery(CAPTIONS)))
    assert rec.body.startswith(PROSE) and rec.body.endswith(MORE)
    for caption in CAPTIONS:
        assert caption in rec.body


def test_a_lone_pictures_caption_is_still_left_out(tmp_path: Path) -> None:
    # (one picture's caption in a story is the picture's label, as before)
    rec = read_one(write_page(tmp_path / "图片" / "a.html", _gallery(CAPTIONS[:1])))
    assert CAPTIONS[0] not in rec.body
    assert rec.body.startswith(PROSE) and rec.body.endswith(MORE)


def test_a_photo_credit_line() -> None:
    for caption in CAPTIONS:
        assert photo_credit_line(caption)
    assert photo_credit_line("赛车高速通过3号弯。倪某 摄")
    assert not photo_credit_line(PROSE)
    assert not photo_credit_line("他说，这次比赛的照片都是自己拍摄")


def test_captions_left_out_of_the_main_text_between_its_paragraphs_are_kept() -> None:
    # (trafilatura leaves a gallery's captions out as short lines; between two paragraphs it
    # kept, a run of lines that each credit a photographer is the gallery's text)
    body = [PROSE, *CAPTIONS[:2], MORE, "相关新闻", "10月3日，游客在江畔。本台记者 程远 摄"]
    dropped: list[Dropped] = []
    kept = keep_main_text(body, PROSE + MORE, dropped)
    assert kept == [PROSE, *CAPTIONS[:2], MORE]


def test_one_caption_left_out_of_the_main_text_stays_out() -> None:
    # (one picture's caption between two paragraphs is the picture's label, not a gallery's)
    body = [PROSE, CAPTIONS[0], MORE]
    kept = keep_main_text(body, PROSE + MORE, [])
    assert kept == [PROSE, MORE]
