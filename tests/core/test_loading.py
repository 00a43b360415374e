"""Loading saved pages: paths, file:// URLs, MHTML archives, limits and refused sources."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader_app.core.decoding import decode_html
from reader_app.core.errors import (
    DecodeError,
    LoadCancelledError,
    LoadError,
    UnsupportedSourceError,
)
from reader_app.core.loading import LoadOptions, load

PAGE = (
    b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello, reader.</p></body></html>"
)


def test_html_file_by_path(tmp_path: Path) -> None:
    file = tmp_path / "article.html"
    file.write_bytes(PAGE)
    for source in (file, str(file)):
        page = load(source)
        assert page.data == PAGE
        assert page.url == file.as_uri()
        assert page.base_dir == str(tmp_path)
        assert page.content_type == "text/html"
        assert page.charset is None


def test_file_url_as_desktop_launchers_pass_it(tmp_path: Path) -> None:
    file = tmp_path / "Ранкові новини & more.htm"
    file.write_bytes(PAGE)
    url = file.as_uri()
    assert "%20" in url and "%D0" in url
    page = load(url)
    assert page.data == PAGE
    assert page.base_dir == str(tmp_path)
    assert load("file://localhost" + url[len("file://") :]).data == PAGE


def test_xhtml_file(tmp_path: Path) -> None:
    file = tmp_path / "page.xhtml"
    file.write_bytes(b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>')
    assert load(file).content_type == "application/xhtml+xml"


def test_saved_complete_page_points_to_its_files_folder(data_dir: Path) -> None:
    page = load(data_dir / "saved" / "tidal-power.html")
    assert page.base_dir is not None
    html = decode_html(page.data, page.charset)
    assert 'src="./tidal-power_files/tidal-turbine.png"' in html
    image = Path(page.base_dir) / "tidal-power_files" / "tidal-turbine.png"
    assert image.read_bytes().startswith(b"\x89PNG")


def test_mhtml_file_takes_the_address_of_its_html_part(data_dir: Path) -> None:
    archive = data_dir / "mhtml" / "tidal-power.mhtml"
    page = load(archive)
    assert page.url == "https://www.example-news.org/science/2024/03/12/tidal-power-pembrokeshire"
    assert page.base_dir == str(archive.parent)
    assert b"Rhiannon Price" in page.data
    png = page.resources["https://www.example-news.org/images/2024/tidal-turbine.png"]
    assert png == (data_dir / "mhtml" / "tidal-turbine.png").read_bytes()


def test_mht_file(data_dir: Path) -> None:
    page = load(data_dir / "mhtml" / "library-windows-1251.mht")
    assert page.charset == "windows-1251"
    assert "Житомирі" in decode_html(page.data, page.charset)


def test_file_without_extension_is_sniffed(tmp_path: Path, data_dir: Path) -> None:
    html = tmp_path / "download"
    html.write_bytes(b"\n  <!-- saved -->\n" + PAGE)
    assert load(html).data.endswith(PAGE)
    archive = tmp_path / "archive"
    archive.write_bytes((data_dir / "mhtml" / "tidal-power.mhtml").read_bytes())
    assert b"Rhiannon Price" in load(archive).data


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", b"%PDF-1.7\n"), ("notes", b"Just some notes.\n"), ("photo.png", b"\x89PNG")],
)
def test_other_files_are_refused_naming_the_accepted_types(
    tmp_path: Path, name: str, content: bytes
) -> None:
    file = tmp_path / name
    file.write_bytes(content)
    with pytest.raises(UnsupportedSourceError, match=r"\.html, \.htm, \.xhtml, \.mhtml or \.mht"):
        load(file)


def test_large_file_of_another_type_is_refused_for_its_type(tmp_path: Path) -> None:
    file = tmp_path / "scan.pdf"
    file.write_bytes(b"%PDF-1.7\n")
    os.truncate(file, 50 * 1024 * 1024)
    with pytest.raises(UnsupportedSourceError, match=r"cannot read \.pdf files"):
        load(file)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"There is no file .*missing\.html"):
        load(tmp_path / "missing.html")


def test_web_address_without_scheme_gets_a_hint() -> None:
    with pytest.raises(LoadError, match="start a web address with https://"):
        load("www.example.org/news/today")


def test_file_url_of_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="There is no file"):
        load((tmp_path / "gone away.html").as_uri())


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "site.html"
    folder.mkdir()
    with pytest.raises(LoadError, match=r"site\.html is a folder"):
        load(folder)


@pytest.mark.parametrize("content", [b"", b"   \n\t \n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    file = tmp_path / "empty.html"
    file.write_bytes(content)
    with pytest.raises(LoadError, match=r"empty|blank"):
        load(file)


def test_binary_file_named_html(tmp_path: Path) -> None:
    file = tmp_path / "image.html"
    file.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4096))
    page = load(file)
    with pytest.raises(DecodeError, match="binary data, not a web page"):
        decode_html(page.data, page.charset)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    file = tmp_path / "huge.html"
    with file.open("wb") as handle:
        handle.write(b"<html>")
    os.truncate(file, 100 * 1024 * 1024)  # sparse: nothing is written to disk
    with pytest.raises(LoadError, match=r"huge\.html is too large: 100 MB \(the limit is 20 MB\)"):
        load(file)


def test_size_cap_comes_from_the_options(tmp_path: Path) -> None:
    file = tmp_path / "page.html"
    file.write_bytes(PAGE)
    with pytest.raises(LoadError, match="too large"):
        load(file, LoadOptions(max_bytes=len(PAGE) - 1))
    assert load(file, LoadOptions(max_bytes=len(PAGE))).data == PAGE


@pytest.mark.parametrize(
    ("source", "scheme"),
    [
        ("javascript:alert(document.cookie)", "javascript"),
        ("data:text/html,<p>hi</p>", "data"),
        ("ftp://ftp.example.org/pub/page.html", "ftp"),
        ("mailto:editor@example.org", "mailto"),
        ("about:blank", "about"),
    ],
)
def test_unsupported_schemes(source: str, scheme: str) -> None:
    with pytest.raises(UnsupportedSourceError, match=f"not {scheme}: addresses"):
        load(source)


def test_file_url_on_another_host() -> None:
    with pytest.raises(UnsupportedSourceError, match="on this computer only"):
        load("file://fileserver/share/page.html")


def test_blank_source() -> None:
    with pytest.raises(UnsupportedSourceError, match="No file or web address"):
        load("  ")


def test_file_progress_and_cancellation(tmp_path: Path) -> None:
    file = tmp_path / "long.html"
    body = PAGE[:-14] + b"<p>x</p>" * 400_000 + b"</body></html>"
    file.write_bytes(body)
    calls: list[tuple[int, int | None]] = []
    page = load(file, progress=lambda done, total: calls.append((done, total)))
    assert page.data == body
    assert len(calls) >= 3
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert calls[-1] == (len(body), len(body))

    seen: list[int] = []
    with pytest.raises(LoadCancelledError, match="cancelled"):
        load(file, progress=lambda done, total: seen.append(done), cancelled=lambda: bool(seen))
    assert len(seen) == 1


def test_cancelled_before_starting(tmp_path: Path) -> None:
    file = tmp_path / "page.html"
    file.write_bytes(PAGE)
    with pytest.raises(LoadCancelledError):
        load(file, cancelled=lambda: True)
