"""Articles and facts shared by the facts panel and highlight tests."""

from __future__ import annotations

import re
from pathlib import Path

from reader_app.core import (
    Article,
    Block,
    ExtractionError,
    extract_article,
    find_facts,
    read_article,
)
from reader_app.core.facts.model import Fact, FactKind, Facts, sentence_at

DATA = Path(__file__).resolve().parent.parent / "data"

#: A page with every kind of block the renderer sets: headings, lists, a quote, a table, images.
ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Drones over Kharkiv</title></head>
<body><article>
<h1>Drones over Kharkiv</h1>
<p>Russia launched 40 drones at Kharkiv overnight, the Ukrainian air force said on Tuesday,
and five people were injured in the city's north. The mayor, Ihor Terekhov, said 12 buildings
were damaged.</p>
<p>In Brussels, NATO ministers met to discuss $120bn of military aid for Ukraine. Volodymyr
Zelensky thanked the alliance and said Kyiv needed 25 more air-defence systems before winter.</p>
<h2>What was hit in Kharkiv</h2>
<ul>
<li>A school in the Saltivka district, where 300 pupils study.</li>
<li>Two power substations run by Ukrenergo, cutting power to 80,000 homes.</li>
<li>A warehouse of Nova Poshta, the delivery company.</li>
</ul>
<blockquote><p>“We will rebuild every house in Kharkiv,” Ihor Terekhov told reporters.</p>
</blockquote>
<h2>Damage by city</h2>
<table>
<tr><th>City</th><th>Drones</th><th>Injured</th></tr>
<tr><td>Kharkiv</td><td>40 drones</td><td>5 people</td></tr>
<tr><td>Odesa</td><td>18 drones</td><td>2 people</td></tr>
</table>
<figure><img src="https://example.org/kharkiv.png" alt="Smoke over Kharkiv">
<figcaption>Smoke over Kharkiv after the attack on Tuesday.</figcaption></figure>
<p>Volodymyr Zelensky later spoke with the Pentagon and with officials in Warsaw. Mr Zelensky
said Ukraine had shot down 32 of the 40 drones, and Odesa reported 18 more at dawn.</p>
<p>NATO said it would send the first $2.5bn of the $120bn package by March 2025.</p>
</article></body></html>
"""


def built_article() -> Article:
    """The article of :data:`ARTICLE_HTML`."""
    return extract_article(ARTICLE_HTML, "https://example.org/kharkiv")


def golden_articles() -> list[tuple[str, Article]]:
    """The saved golden pages that hold an article, and the annotated news texts, as articles.

    Pages kept to show a page *without* an article (a login wall) are left out; a news text's
    first line is its title and each blank-line-separated part a paragraph.
    """
    out: list[tuple[str, Article]] = []
    for path in sorted((DATA / "pages").glob("*.htm*")):
        try:
            out.append((path.name, read_article(path)))
        except ExtractionError:
            continue
    for path in sorted((DATA / "news").glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
        paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
        blocks = tuple(Block("paragraph", " ".join(p.split())) for p in paragraphs)
        out.append((path.name, Article(title=title.strip(), blocks=blocks)))
    return out


def located(text: str, kind: FactKind, label: str, *forms: str, counts: str | None = None) -> Fact:
    """A fact whose mentions are every whole-word occurrence of ``forms`` in ``text``."""
    spans = sorted(
        (m.start(), m.end())
        for form in forms
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text)
    )
    assert spans, f"none of {forms} in the text"
    return Fact(kind, label, tuple(spans), sentence_at(text, spans[0][0]), counts=counts)


def hand_facts(text: str) -> Facts:
    """Facts of :data:`ARTICLE_HTML` located by hand, one or more per kind and block kind."""
    return Facts(
        numbers=(
            located(text, "number", "$120bn", "$120bn", counts="military aid"),
            located(text, "number", "40 drones", "40", counts="drones"),
            located(text, "number", "80,000 homes", "80,000", counts="homes"),
            located(text, "number", "18 drones", "18", counts="drones"),
        ),
        people=(
            located(text, "person", "Volodymyr Zelensky", "Volodymyr Zelensky", "Mr Zelensky"),
            located(text, "person", "Ihor Terekhov", "Ihor Terekhov"),
        ),
        places=(
            located(text, "place", "Kharkiv", "Kharkiv"),
            located(text, "place", "Odesa", "Odesa"),
            located(text, "place", "Brussels", "Brussels"),
        ),
        organisations=(
            located(text, "organisation", "NATO", "NATO"),
            located(text, "organisation", "Ukrenergo", "Ukrenergo"),
            located(text, "organisation", "Pentagon", "Pentagon"),
        ),
    )


def merged(*groups: Facts) -> Facts:
    """All facts of ``groups`` together."""
    return Facts(
        numbers=sum((g.numbers for g in groups), ()),
        people=sum((g.people for g in groups), ()),
        places=sum((g.places for g in groups), ()),
        organisations=sum((g.organisations for g in groups), ()),
    )


def engine_facts(article: Article) -> Facts:
    """The engine's facts of ``article``."""
    return find_facts(article.text)


def long_article(repeat: int = 12) -> Article:
    """:data:`ARTICLE_HTML`'s article with its body repeated, long enough to scroll far."""
    article = built_article()
    return Article(
        title=article.title,
        blocks=article.blocks * repeat,
        url=article.url,
        language=article.language,
    )
