"""Articles and facts made up for library tests: small, with known words and facts."""

from __future__ import annotations

from reader_app.core.facts.model import Fact, FactKind, Facts
from reader_app.core.model import Article, Block


def make_article(title: str, paragraphs: list[str], url: str | None = None,
                 site: str | None = "Example News", date: str | None = "2024-08-12") -> Article:
    """An article of plain paragraphs."""
    return Article(title=title, blocks=tuple(Block("paragraph", p) for p in paragraphs),
                   byline="A. Writer", site=site, date=date, url=url)


def facts_for(article: Article, people: tuple[str, ...] = (), places: tuple[str, ...] = (),
              organisations: tuple[str, ...] = (), numbers: tuple[str, ...] = ()) -> Facts:
    """Facts naming each label, with its mentions found in the article's text."""
    text = article.text

    def fact(kind: FactKind, label: str) -> Fact:
        start = text.find(label)
        assert start >= 0, f"{label!r} is not in the article"
        return Fact(kind=kind, label=label, mentions=((start, start + len(label)),),
                    context=text[max(0, start - 30):start + len(label) + 30])

    return Facts(numbers=tuple(fact("number", x) for x in numbers),
                 people=tuple(fact("person", x) for x in people),
                 places=tuple(fact("place", x) for x in places),
                 organisations=tuple(fact("organisation", x) for x in organisations))


KURSK = make_article(
    "Ukraine presses its incursion into Kursk",
    ["Ukrainian troops advanced further into the Kursk region on Monday, officials said.",
     "Foreign minister Andrii Sybiha said the operation would end when Russia agreed to a "
     "just peace. The Energy Ministry reported 65 drones overnight."],
    url="https://news.example.com/world/kursk?utm_source=feed&id=7#comments")
KURSK_FACTS = facts_for(KURSK, people=("Andrii Sybiha",), places=("Kursk",),
                        organisations=("Energy Ministry",), numbers=("65 drones",))
TIDES = make_article(
    "Tidal turbines power a Scottish island",
    ["A tidal stream array off Orkney now supplies power to 2,000 homes.",
     "Engineers said the turbines withstood winter storms without damage."],
    url="https://energy.example.org/tides", site="Energy Weekly", date="2023-01-05")
TIDES_FACTS = facts_for(TIDES, places=("Orkney",), numbers=("2,000 homes",))
ENERGY = make_article(
    "Grid repairs after drone strikes",
    ["The Energy Ministry said repairs to the grid would take weeks after drones hit "
     "substations. Andrii Sybiha asked allies for air defence."],
    url=None, site=None, date=None)
ENERGY_FACTS = facts_for(ENERGY, people=("Andrii Sybiha",), organisations=("Energy Ministry",))
