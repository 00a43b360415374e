"""The About box: what Reader is, its version, and the credits for the data it ships."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from reader_app import APP_NAME, __version__

ABOUT_HTML = f"""
<h3>{APP_NAME} {__version__}</h3>
<p>A calm reader for web articles: the article's text without the site's clutter, and its
key facts &mdash; numbers, people, places and organisations &mdash; beside it.</p>
<p>Reader runs no page scripts and fetches nothing you did not ask for.</p>
<p><b>Credits</b><br>
Place names: <a href="https://www.geonames.org/">GeoNames</a>, licensed under
<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>.<br>
Given names and surnames: US Census Bureau name lists (public domain); given names of many
countries: Faker's person-name lists (MIT).<br>
People, places and organisations are found by a model learned from open corpora and shared
under <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>:
UniversalNER English EWT and PUD (CC BY-SA 4.0), GUM (CC BY 4.0, texts CC BY / CC BY-SA),
wikigold, the Broad Twitter Corpus, WNUT-17 and LitBank (CC BY 4.0), Re-DocRED and CrossNER
(MIT, Wikipedia text CC BY-SA); how often words are capitalised is counted over those corpora
and the development pages of WCXB (CC BY 4.0).<br>
Article extraction: trafilatura and readability-lxml; pages whose main text is the page
itself are recognised by a model learned from the development pages of WCXB, the Web Content
eXtraction Benchmark (CC BY 4.0). Interface: Qt for Python.</p>
"""


def show_about(parent: QWidget) -> None:
    """Show the About box over ``parent``."""
    QMessageBox.about(parent, f"About {APP_NAME}", ABOUT_HTML)
