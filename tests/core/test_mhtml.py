"""MHTML archives: the HTML part, its address and charset, and the embedded parts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.core.decoding import decode_html
from reader_app.core.errors import LoadError, ReaderError
from reader_app.core.mhtml import parse_mhtml
from reader_app.core.model import RawPage

PAGE_URL = "https://www.example-news.org/science/2024/03/12/tidal-power-pembrokeshire"
IMAGE_URL = "https://www.example-news.org/images/2024/tidal-turbine.png"
CSS_ID = "cid:css-7a1c2e90-4b1d-4f0e-9f57-2d5b8a1e44c3@mhtml.blink"


def test_chromium_archive_gives_the_html_part(data_dir: Path) -> None:
    page = parse_mhtml((data_dir / "mhtml" / "tidal-power.mhtml").read_bytes())
    assert page.url == PAGE_URL
    assert page.content_type == "text/html"
    assert page.charset is None  # Chromium leaves it to the page's <meta>
    html = decode_html(page.data, page.charset)
    assert html.startswith("<!DOCTYPE html>")
    assert "“Storms were the big unknown,” said Dr Rhiannon Price" in html
    assert "sea at 6 °C is brutal" in html
    assert "=3D" not in html and "=\r\n" not in html


def test_chromium_archive_keeps_images_by_location(data_dir: Path) -> None:
    page = parse_mhtml((data_dir / "mhtml" / "tidal-power.mhtml").read_bytes())
    png = (data_dir / "mhtml" / "tidal-turbine.png").read_bytes()
    assert page.resources[IMAGE_URL] == png
    assert page.resources[CSS_ID].startswith(b'@charset "utf-8";')
    assert set(page.resources) == {IMAGE_URL, CSS_ID}


def test_base64_html_part_keeps_its_charset_and_content_ids(data_dir: Path) -> None:
    archive = data_dir / "mhtml" / "library-windows-1251.mht"
    page = parse_mhtml(archive.read_bytes())
    assert page.url == "http://library.example/news/reopened.html"
    assert page.charset == "windows-1251"
    expected = archive.with_suffix(".txt").read_text(encoding="utf-8")
    assert decode_html(page.data, page.charset) == expected
    png = (data_dir / "mhtml" / "tidal-turbine.png").read_bytes()
    assert page.resources["cid:photo-1@library.example"] == png


def test_single_part_html_message() -> None:
    data = (
        b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Location: https://example.org/a\r\n\r\n<p>Hello there</p>\r\n"
    )
    page = parse_mhtml(data)
    assert page.data.strip() == b"<p>Hello there</p>"
    assert page.url == "https://example.org/a"
    assert page.charset == "utf-8"


def test_archive_without_html_is_an_error() -> None:
    data = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: image/png\r\nContent-Location: x.png\r\n\r\nPNG\r\n--b--\r\n"
    )
    with pytest.raises(LoadError, match="no web page"):
        parse_mhtml(data)


@pytest.mark.parametrize("data", [b"", b"  \r\n"])
def test_empty_archive_is_an_error(data: bytes) -> None:
    with pytest.raises(LoadError, match="empty"):
        parse_mhtml(data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_give_a_page_or_a_reader_error(data: bytes) -> None:
    try:
        page = parse_mhtml(data)
    except ReaderError as err:
        assert str(err)
    else:
        assert isinstance(page, RawPage) and page.data


MIME_HEADERS = st.sampled_from(
    [
        b'Content-Type: multipart/related; boundary="b"\r\n',
        b'Content-Type: text/html; charset="utf-8"\r\n',
        b"Content-Transfer-Encoding: base64\r\n",
        b"Content-Transfer-Encoding: quoted-printable\r\n",
        b"Content-Location: https://example.org/\r\n",
        b"Content-ID: <a@b>\r\n",
        b"\r\n",
        b"--b\r\n",
        b"--b--\r\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(MIME_HEADERS, st.binary(max_size=64)), max_size=30))
def test_mime_shaped_garbage_gives_a_page_or_a_reader_error(pieces: list[bytes]) -> None:
    try:
        page = parse_mhtml(b"".join(pieces))
    except ReaderError as err:
        assert str(err)
    else:
        assert isinstance(page, RawPage) and page.data.strip()
