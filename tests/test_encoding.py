"""Encoding detection: what is decoded, and what is refused rather than turned into mojibake."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xinwen.index.encoding import Decoded, UndecodableError, decode_bytes
from xinwen.index.records import Record, Skip
from xinwen.index.sources import read_sources

NEWS = "新华社北京1月9日电 中国绿色供应链联盟年会在京召开，会议讨论了光伏产业的可持续发展。"
TRADITIONAL = "中華民國的新聞報導：今天台北市政府宣布新的交通政策，市民表示歡迎。"


def test_utf8_is_decoded_as_is() -> None:
    assert decode_bytes(NEWS.encode("utf-8")) == Decoded(NEWS, "utf-8")


def test_utf8_byte_order_mark_is_removed() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + NEWS.encode("utf-8"))
    assert decoded.text == NEWS  # no "\ufeff" glued to the first word


@pytest.mark.parametrize("codec", ["gbk", "gb2312", "gb18030"])
def test_gbk_family_is_detected(codec: str) -> None:
    decoded = decode_bytes(NEWS.encode(codec))
    assert decoded.text == NEWS
    assert decoded.encoding == "gb18030"  # the superset decodes all three


def test_gb18030_only_characters_survive() -> None:
    text = "吉祥的𠮷字不在GBK里，但在GB18030里。" + NEWS  # U+20BB7 needs a 4-byte sequence
    assert decode_bytes(text.encode("gb18030")).text == text


def test_big5_is_not_misread_as_gbk() -> None:
    # Big5 bytes are almost all valid GB18030, giving plausible-looking nonsense ("い地チ瓣");
    # the GB2312-repertoire check rejects that and the real encoding is found instead.
    data = TRADITIONAL.encode("big5")
    assert data.decode("gb18030") != TRADITIONAL  # the trap is real
    decoded = decode_bytes(data)
    assert decoded.text == TRADITIONAL
    assert decoded.encoding == "big5"


def test_utf16_with_byte_order_mark() -> None:
    assert decode_bytes(NEWS.encode("utf-16")).text == NEWS


def test_single_byte_legacy_encoding_is_refused() -> None:
    # cp1252 "café" could be cp1250 "caf\u0119" just as well: refusing beats guessing.
    with pytest.raises(UndecodableError) as caught:
        decode_bytes("Café au lait, naïve résumé".encode("cp1252"))
    assert caught.value.reason == "undecodable file"


def test_random_bytes_are_refused() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(UndecodableError) as caught:
        decode_bytes(data)
    assert caught.value.reason == "undecodable file"


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(UndecodableError) as caught:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert caught.value.reason == "binary file"


@given(st.text().filter(lambda t: "\x00" not in t and not t.startswith("\ufeff")))
def test_any_utf8_text_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")).text == text


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_are_refused(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except UndecodableError as exc:
        assert exc.reason in {"binary file", "undecodable file"}
    else:
        assert isinstance(decoded.text, str)


# ---- through read_sources: per file, with the file named in the Skip ------------------------


def _only(items: list[Record | Skip]) -> Record | Skip:
    assert len(items) == 1, items
    return items[0]


def test_gbk_text_file(tmp_path: Path) -> None:
    folder = tmp_path / "财经"
    folder.mkdir()
    (folder / "1.txt").write_bytes(f"光伏企业发布年报\n{NEWS}\n".encode("gbk"))
    record = _only(list(read_sources([tmp_path])))
    assert isinstance(record, Record)
    assert record.title == "光伏企业发布年报"
    assert record.body == NEWS
    assert record.category == "财经"


def test_gb18030_csv_and_utf8_bom_jsonl(tmp_path: Path) -> None:
    csv_file = tmp_path / "a.csv"
    csv_file.write_bytes("标题,正文\n储能政策出台,𠮷利储能项目启动。\n".encode("gb18030"))
    jsonl_file = tmp_path / "b.jsonl"
    jsonl_file.write_bytes(codecs.BOM_UTF8 + '{"title": "带BOM的文件", "body": "正文"}\n'.encode())
    records = list(read_sources([csv_file, jsonl_file]))
    assert [(r.title, r.body) for r in records if isinstance(r, Record)] == [
        ("储能政策出台", "𠮷利储能项目启动。"),
        ("带BOM的文件", "正文"),
    ]


def test_utf8_bom_does_not_hide_the_first_csv_column(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(codecs.BOM_UTF8 + "title,body\n表格导出,正文\n".encode())
    record = _only(list(read_sources([path])))
    assert isinstance(record, Record)
    assert record.title == "表格导出"  # the header is "title", not "\ufefftitle"


def test_gbk_lines_in_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "gbk.jsonl"
    path.write_bytes(
        '{"title": "国内新闻", "body": "正文一"}\n'.encode("gbk")
        + '{"title": "utf-8 行", "body": "正文二"}\n'.encode()
    )
    assert [r.title for r in read_sources([path]) if isinstance(r, Record)] == [
        "国内新闻",
        "utf-8 行",
    ]


def test_undecodable_file_is_skipped_by_name(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Überschrift\nDer Text enthält Umlaute: äöü.\n".encode("cp1252"))
    skip = _only(list(read_sources([path])))
    assert isinstance(skip, Skip)
    assert skip.reason == "undecodable file"
    assert skip.origin.path == str(path)
    assert str(path) in str(skip)


def test_undecodable_jsonl_line_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"title": "caf\xe9", "body": "x"}\n' + '{"title": "第二行", "body": "y"}\n'.encode()
    )
    first, second = read_sources([path])
    assert isinstance(first, Skip)
    assert (first.reason, first.origin.line) == ("undecodable line", 1)
    assert isinstance(second, Record)
    assert second.title == "第二行"


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    skip = _only(list(read_sources([path])))
    assert isinstance(skip, Skip)
    assert skip.reason == "binary file"
    assert skip.origin.path == str(path)


def test_binary_jsonl_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\x00\x01\x02\n" * 50)
    skip = _only(list(read_sources([path])))
    assert isinstance(skip, Skip)
    assert skip.reason == "binary file"
