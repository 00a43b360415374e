"""The core must import and work with Qt unavailable."""

import subprocess
import sys
import textwrap


def test_core_runs_with_qt_blocked() -> None:
    script = textwrap.dedent(
        """
        import sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                    raise ImportError("Qt is blocked in this test")
                return None

        sys.meta_path.insert(0, BlockQt())
        import reader_app.core as core
        html = "<html><head><title>T</title></head><body><article><h1>T</h1>" + (
            "<p>Plain words of a simple article about the weather in Leeds today.</p>" * 8
        ) + "</article></body></html>"
        article = core.extract_article(html)
        assert "weather in Leeds" in article.text
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
