"""A page saved by a browser as ``NAME.html`` + ``NAME_files/`` shows its pictures from there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader_app.core import RawPage, extract_page, read_article
from reader_app.core.errors import LoadError
from reader_app.core.images import find_image, read_image


def saved_recipe(data_dir: Path, tmp_path: Path) -> Path:
    """A copy of the saved recipe page and its folder (so the test owns its files)."""
    shutil.copy(data_dir / "saved" / "lemon-drizzle-cake.html", tmp_path)
    shutil.copytree(data_dir / "saved" / "lemon-drizzle-cake_files",
                    tmp_path / "lemon-drizzle-cake_files")
    return tmp_path / "lemon-drizzle-cake.html"


def test_saved_recipe_images_come_from_its_files_folder(data_dir: Path, tmp_path: Path) -> None:
    page = saved_recipe(data_dir, tmp_path)
    files = tmp_path / "lemon-drizzle-cake_files"
    article = read_article(page)
    images = [b for b in article.blocks if b.kind == "image"]
    assert [(b.text, b.alt) for b in images] == [
        ("The finished loaf, still warm, with its sugar crust.",
         "A whole lemon drizzle loaf on a cooling rack"),
        ("Level the batter and push it into the corners of the tin.",
         "Batter levelled in a lined loaf tin"),
        ("Cut thick slices once the drizzle has set.", "A slice of lemon drizzle cake on a plate"),
        ("Unwaxed lemons give the best zest.", "Three unwaxed lemons and a zester"),
    ]
    # the picture the browser kept (src), not the lazy loader's web address (data-src)
    assert images[0].src == (files / "cake-whole.png").as_uri()
    assert images[2].src == (files / "cake-slice.png").as_uri()
    # an address left on the web is read from the file of that name in the folder
    assert images[1].src is not None and images[1].src.startswith("https://")
    sources = [find_image(b.src or "", article, remote_allowed=False) for b in images]
    assert [s.kind if s else None for s in sources] == ["file", "file", "file", "file"]
    for source, name in zip(sources[:3], ("cake-whole", "loaf-tin", "cake-slice"), strict=True):
        assert source is not None
        assert read_image(source) == (files / f"{name}.png").read_bytes()
    assert sources[3] is not None
    with pytest.raises(LoadError, match=r"lemons\.jpg"):
        read_image(sources[3])  # missing from the folder: the reader is told its alt text


def test_web_images_of_a_saved_page_without_a_saved_file_are_not_read(
    data_dir: Path, tmp_path: Path
) -> None:
    page = saved_recipe(data_dir, tmp_path)
    (tmp_path / "lemon-drizzle-cake_files" / "loaf-tin.png").unlink()
    article = read_article(page)
    tin = next(b for b in article.blocks if b.kind == "image" and "tin" in b.text)
    assert find_image(tin.src or "", article, remote_allowed=True) is None


def test_the_same_page_from_the_web_takes_the_lazy_loaders_address(data_dir: Path) -> None:
    html = (data_dir / "saved" / "lemon-drizzle-cake.html").read_bytes()
    url = "https://www.bakeathome.example/recipes/lemon-drizzle-cake/"
    article = extract_page(RawPage(html, url=url, origin="web"))
    first = next(b for b in article.blocks if b.kind == "image")
    assert first.src == "https://www.bakeathome.example/wp-content/uploads/2024/03/cake-whole.jpg"
