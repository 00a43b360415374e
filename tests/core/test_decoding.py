"""Decoding HTML bytes: byte-order marks, declared and meta charsets, detection, bad input."""

# ruff: noqa: RUF001, RUF003  (text in many scripts holds letters that look like Latin ones)

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.core.decoding import decode_html, normalise_charset
from reader_app.core.errors import DecodeError

ENCODED_PAGES = [
    ("uk-windows-1251.html", "cp1251", "Весняна повінь"),
    ("fr-windows-1252.html", "windows-1252", "Les marchés de Noël d'Alsace"),
    ("ja-shift_jis.html", "shift_jis", "京都の紅葉、今年は例年より"),
    ("zh-gb18030.html", "gb2312", "成都大熊猫基地迎来三只新生幼崽"),
    ("en-utf-16le-bom.html", "utf-16", "notes from the lock keeper"),
]


def _page(data_dir: Path, name: str) -> tuple[bytes, str]:
    folder = data_dir / "encodings"
    expected = (folder / name).with_suffix(".txt").read_text(encoding="utf-8")
    return (folder / name).read_bytes(), expected


@pytest.mark.parametrize(("name", "label", "phrase"), ENCODED_PAGES)
def test_pages_decode_without_a_declared_charset(
    data_dir: Path, name: str, label: str, phrase: str
) -> None:
    data, expected = _page(data_dir, name)
    text = decode_html(data)
    assert phrase in text
    assert text == expected


@pytest.mark.parametrize(("name", "label", "phrase"), ENCODED_PAGES)
def test_pages_decode_with_their_declared_charset(
    data_dir: Path, name: str, label: str, phrase: str
) -> None:
    data, expected = _page(data_dir, name)
    assert decode_html(data, label) == expected


# A <meta> inside UTF-16 bytes is not ASCII-readable: there the byte-order mark decides.
@pytest.mark.parametrize(("name", "label", "phrase"), ENCODED_PAGES[:-1])
def test_pages_decode_with_the_charset_in_a_meta_tag(
    data_dir: Path, name: str, label: str, phrase: str
) -> None:
    _, expected = _page(data_dir, name)
    marked = expected.replace("<head>", f'<head>\n  <meta charset="{label}">', 1)
    assert decode_html(marked.encode(codecs.lookup(label).name)) == marked


SHORT_PAGES = [
    ("cp1251", "<p>Привіт! Як справи?</p>"),
    ("cp1251", "<p>Москва — столица России, крупнейший город страны.</p>"),
    ("cp1252", "<p>Café</p>"),
    ("cp1252", "<p>Das Wetter in München ist heute schön, aber kühl.</p>"),
    ("cp1252", "<p>El niño comió una manzana en la mañana.</p>"),
    ("cp1252", "<p>Ça va très bien, merci.</p>"),
    ("cp1252", "<h2>Über uns</h2>"),
    ("cp1252", "<p>Gerhard Schröder sagte: »Das geht nicht.«</p>"),
    ("cp932", "<p>東京都は本日、新しい計画を発表しました。</p>"),
    ("gb18030", "<p>你好，世界</p>"),
    ("gb18030", "<p>北京今天天气晴朗，气温二十五度。</p>"),
    ("cp949", "<p>안녕하세요, 오늘 서울의 날씨는 맑습니다.</p>"),
    ("big5", "<p>台北今天天氣晴朗，氣溫二十五度。</p>"),
    ("euc_jp", "<p>東京都は本日、新しい計画を発表しました。</p>"),
    ("cp1253", "<p>Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.</p>"),
    ("cp1256", "<p>القاهرة هي عاصمة مصر وأكبر مدنها.</p>"),
    ("iso8859_2", "<p>Zażółć gęślą jaźń. Kierowca tramwaju w Łodzi.</p>"),
    ("cp1250", "<p>Příliš žluťoučký kůň úpěl ďábelské ódy.</p>"),
]


@pytest.mark.parametrize(("encoding", "html"), SHORT_PAGES)
def test_short_pages_are_detected(encoding: str, html: str) -> None:
    assert decode_html(html.encode(encoding)) == html


def test_http_equiv_meta_is_read() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-u">'
        "<title>Київ</title></head><body><p>Доброго ранку, Києве!</p></body></html>"
    )
    assert decode_html(html.encode("koi8_u")) == html


def test_xml_declaration_is_read() -> None:
    xhtml = (
        '<?xml version="1.0" encoding="iso-8859-2"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Zażółć gęślą jaźń, '
        "powiedział kierowca tramwaju w Łodzi.</p></body></html>"
    )
    assert decode_html(xhtml.encode("iso8859_2")) == xhtml


def test_declared_charset_wins_over_meta() -> None:
    html = '<meta charset="utf-8"><p>Привіт, світе! Сьогодні гарна погода.</p>'
    assert decode_html(html.encode("cp1251"), "windows-1251") == html


@pytest.mark.parametrize(
    "bom_encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32", "utf-32-be"]
)
def test_byte_order_mark_wins_over_declared_charset(bom_encoding: str) -> None:
    html = "<html><body><p>Grüße aus München — 東京</p></body></html>"
    data = html.encode(bom_encoding)
    if bom_encoding in ("utf-16-be", "utf-32-be"):
        data = "\ufeff".encode(bom_encoding) + data
    assert decode_html(data, "iso-8859-1") == html


def test_utf16_without_bom_is_recognised() -> None:
    html = "<html><body><p>Plain words in a little-endian page.</p></body></html>"
    assert decode_html(html.encode("utf-16-le")) == html
    assert decode_html(html.encode("utf-16-be")) == html


def test_wrong_declared_charset_falls_through_to_detection(data_dir: Path) -> None:
    data, expected = _page(data_dir, "ja-shift_jis.html")
    # Shift_JIS bytes are not valid UTF-8: the label is wrong and is ignored.
    assert decode_html(data, "utf-8") == expected


def test_latin1_label_on_utf8_bytes_reads_utf8() -> None:
    html = "<p>Café crème, naïve façade — «déjà vu».</p>"
    assert decode_html(html.encode("utf-8"), "ISO-8859-1") == html


def test_latin1_label_means_windows_1252() -> None:
    html = "<p>“Quoted” — and priced at €5…</p>"
    assert decode_html(html.encode("cp1252"), "iso-8859-1") == html


def test_unknown_and_unsafe_labels_are_ignored() -> None:
    html = "<p>Plain ASCII page +ADw-script+AD4- text.</p>"
    assert decode_html(html.encode(), "utf-7") == html
    assert decode_html(html.encode(), "no-such-charset") == html
    assert decode_html(html.encode(), "base64") == html
    assert decode_html(html.encode(), "cp037") == html  # EBCDIC


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("ISO-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("latin1", "cp1252"),
        ("GB2312", "gb18030"),
        ("gbk", "gb18030"),
        ("Shift_JIS", "cp932"),
        ('"windows-1251"', "cp1251"),
        ("UTF8", "utf_8"),
        ("utf-7", None),
        ("rot13", None),
        ("", None),
        (None, None),
    ],
)
def test_charset_labels_are_normalised(label: str | None, codec: str | None) -> None:
    assert normalise_charset(label) == codec


def test_empty_input_is_an_error() -> None:
    with pytest.raises(DecodeError, match="empty"):
        decode_html(b"")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00\x01",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        bytes(range(256)) * 4,
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00",
    ],
)
def test_binary_data_is_an_error(data: bytes) -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_html(data)


def test_invalid_utf8_still_decodes() -> None:
    data = b"<html><body><p>Broken \xff\xfe\xc3 bytes in an otherwise ASCII page.</p></body></html>"
    text = decode_html(data, "utf-8")
    assert "otherwise ASCII page" in text


@pytest.mark.parametrize("declared", [None, "utf-8"])
def test_utf8_page_with_a_few_broken_bytes_stays_utf8(data_dir: Path, declared: str | None) -> None:
    _, expected = _page(data_dir, "uk-windows-1251.html")
    broken = "пов".encode() + b"\xff" + "нь".encode()  # one byte of "і" replaced
    data = expected.encode("utf-8").replace("повінь".encode(), broken)
    text = decode_html(data, declared)
    assert text == expected.replace("повінь", "пов\ufffdнь")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4096), st.one_of(st.none(), st.text(max_size=20)))
def test_arbitrary_bytes_decode_or_raise_decode_error(data: bytes, declared: str | None) -> None:
    try:
        result = decode_html(data, declared)
    except DecodeError as err:
        assert str(err)
    else:
        assert isinstance(result, str)


def test_text_encoded_in_utf8_twice_is_repaired_and_other_text_is_left_alone() -> None:
    meant = "<p>Ared’s kiosks charge phones in Nairobi’s markets — 72 % of them — café</p>"
    twice = meant.encode("utf-8").decode("latin-1").encode("utf-8")
    assert decode_html(twice) == meant
    # Without the mark of double encoding (a C1 control character), "Ã©" stays as written.
    assert decode_html("<p>Le Ã© du mot</p>".encode()) == "<p>Le Ã© du mot</p>"
