"""Render the application icon's PNG sizes from its SVG source with QtSvg.

Run after editing the SVG: ``python packaging/render_icons.py``. The PNGs land beside the SVG
in the hicolor layout (``resources/icons/hicolor/<n>x<n>/apps/``) and are committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader_app import APP_ID  # noqa: E402 (needs the repository on sys.path first)

HICOLOR = ROOT / "resources" / "icons" / "hicolor"


def render(svg: Path, size: int, out: Path) -> None:
    """Draw ``svg`` into a transparent square ``size``-pixel PNG at ``out``."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"render_icons: cannot write {out}")


def main() -> int:
    """Render every size and print where each PNG went."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    svg = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    for size in SIZES:
        out = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        render(svg, size, out)
        print(out.relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
