"""Hostile files: devices, FIFOs, links, deep nesting, huge and badly encoded input. The core and
the command line answer each with one clear line (or the right text), quickly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_data import PAGE, nested_mhtml

from reader_app.core import Article, ReaderError, extract_page, read_article
from reader_app.core.decoding import decode_html
from reader_app.core.errors import LoadError, UnsupportedSourceError
from reader_app.core.images import ImageSource, find_image, read_image
from reader_app.core.loading import decode_text, load
from reader_app.core.model import RawPage


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``reader-app`` as a real process, failing the test if it runs over 30 s."""
    return subprocess.run([sys.executable, "-m", "reader_app", *args], input=stdin,
                          capture_output=True, timeout=30, check=False,
                          text=stdin is None)


def assert_one_line_failure(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = str(result.stderr).strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader-app: ")
    for word in words:
        assert word in lines[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.html"
    os.mkfifo(path)
    return path


def test_nested_mhtml_is_refused_in_one_line(tmp_path: Path) -> None:
    archive = tmp_path / "deep.mhtml"
    archive.write_bytes(nested_mhtml(1000))
    with pytest.raises(LoadError, match="nests its parts too deeply"):
        load(archive)
    assert_one_line_failure(cli("extract", str(archive)), "too deeply")
    shallow = tmp_path / "shallow.mhtml"
    shallow.write_bytes(nested_mhtml(3))
    assert read_article(shallow).title == "Tide tables"


def test_a_fifo_is_not_read(fifo: Path) -> None:
    with pytest.raises(LoadError, match="not a regular file"):
        load(fifo)
    assert_one_line_failure(cli("facts", str(fifo)), "not a regular file")
    assert_one_line_failure(cli("extract", str(fifo)), "not a regular file")


def test_devices_are_not_read() -> None:
    assert_one_line_failure(cli("facts", "/dev/zero"), "not a regular file")
    assert_one_line_failure(cli("extract", "/dev/zero"), "not a regular file")


def test_a_huge_text_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper
    assert_one_line_failure(cli("facts", str(huge)), "too large", "50 MB")


def test_facts_of_binary_or_legacy_text(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    assert_one_line_failure(cli("facts", str(binary)), "binary data")
    legacy = tmp_path / "note.txt"
    legacy.write_bytes("The café in Zürich opened in 1998 and served 300 guests.".encode("cp1252"))
    result = cli("facts", str(legacy), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "Zürich" in result.stdout or "300" in result.stdout
    result = cli("facts", "-", stdin=bytes(range(256)) * 40)
    assert result.returncode == 2
    assert b"binary data" in result.stderr  # type: ignore[operator]


def test_a_link_named_html_to_another_kind_of_file_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/bin/false\n")
    link = tmp_path / "story.html"
    link.symlink_to(secret)
    with pytest.raises(UnsupportedSourceError):
        load(link)
    assert_one_line_failure(cli("extract", str(link)), "cannot read")
    page = tmp_path / "page.htm"
    page.write_text(PAGE)
    (tmp_path / "alias.html").symlink_to(page)
    assert read_article(tmp_path / "alias.html").title == "Tide tables"


def test_deeply_nested_html_ends_in_an_article_or_one_message() -> None:
    html = "<html><body>" + "<div>" * 60000 + "<p>Deep text.</p>" + "</div>" * 60000
    raw = RawPage(data=(html + "</body></html>").encode(), origin="file")
    try:
        article = extract_page(raw)
    except ReaderError as err:
        assert "\n" not in str(err)
    else:
        assert isinstance(article, Article)


def test_utf16_without_a_byte_order_mark_is_read() -> None:
    html = "  \n" + PAGE.replace("Tide tables", "Gezeiten über Kiel")
    assert decode_html(html.encode("utf-16-le")) == html
    assert decode_html(html.encode("utf-16-be")) == html
    text = "Gezeiten über Kiel: die Fähre fährt ab Juni öfter."
    assert load_text_bytes(text.encode("utf-16-le")) == text


def load_text_bytes(data: bytes) -> str:
    return decode_text(data, "note.txt")


def test_a_few_broken_bytes_keep_a_utf8_page_utf8() -> None:
    text = "<p>L'été à Genève: café, crème brûlée et fondue.</p>"
    data = text.encode() + b"<p>\xff\xfe\xfa</p>"
    decoded = decode_html(data)
    assert "été à Genève" in decoded
    assert "Ã" not in decoded


def test_a_ftp_address_is_refused_in_good_english() -> None:
    with pytest.raises(UnsupportedSourceError) as raised:
        load("ftp://files.example.org/a.html")
    assert str(raised.value) == (
        "Reader opens files and http or https web addresses, not ftp: addresses.")


# Images from files -------------------------------------------------------------------------


def file_article(folder: Path, origin: str = "file") -> Article:
    return Article(title="t", blocks=(), url=(folder / "page.html").as_uri(),
                   origin=origin)  # type: ignore[arg-type]


@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "link to /dev/zero", "too large"])
def test_file_images_must_be_small_regular_files(tmp_path: Path, fifo: Path,
                                                 target: str) -> None:
    path = {"/dev/zero": Path("/dev/zero"), "fifo": fifo}.get(target, tmp_path / "x.png")
    if target == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    elif target == "too large":
        with path.open("wb") as file:
            file.truncate(9 * 1024 * 1024)
    source = find_image(path.as_uri(), file_article(tmp_path), True)
    assert source == ImageSource(path.as_uri(), "file")
    with pytest.raises(LoadError):
        read_image(source)


def test_file_images_only_for_pages_from_disk(tmp_path: Path) -> None:
    image = tmp_path / "x.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert read_image(find_image(image.as_uri(), file_article(tmp_path), False)) \
        == image.read_bytes()
    for origin in ("web", "archive", "text"):
        assert find_image(image.as_uri(), file_article(tmp_path, origin), True) is None


def test_embedded_and_inline_images_are_bounded() -> None:
    article = Article(title="t", blocks=(), url="http://x.example/a", origin="archive",
                      resources={"http://x.example/i.png": b"png-bytes"})
    assert read_image(find_image("http://x.example/i.png", article, False)) == b"png-bytes"
    inline = find_image("data:image/png;base64,aGVsbG8=", article, False)
    assert read_image(inline) == b"hello"
    huge = "data:image/png;base64," + "A" * (20 * 1024 * 1024)
    with pytest.raises(LoadError, match="limit"):
        read_image(find_image(huge, article, False))
