"""Currencies, scales and units of measure that numbers in news text and on product pages carry."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..regex_cache import common_start

# Symbols and codes written before the amount, longest first where they share a start.
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "R$": "BRL",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₴": "UAH",
    "USD": "USD",
    "GBP": "GBP",
    "EUR": "EUR",
    "JPY": "JPY",
    "CHF": "CHF",
    "Rs": "INR",
}

# Currency names written after the amount ("1.2 billion yen", "40 million euros"). "Pounds"
# without a scale before them weigh ("weighs 3.1 pounds", read as lb by numbers._unit): over
# the truth texts of 1,497 web pages all 67 are weights, where news writes "£40".
CURRENCY_WORDS: dict[str, str] = {
    "us dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "euros": "EUR",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "roubles": "RUB",
    "rubles": "RUB",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "pesos": "MXN",
    "swiss francs": "CHF",
    "francs": "CHF",
    "rand": "ZAR",
    "shekels": "ILS",
    "naira": "NGN",
    "rupee": "INR",
    "rupiah": "IDR",
    "baht": "THB",
    "ringgit": "MYR",
    "zlotys": "PLN",
    "zloty": "PLN",
    "lira": "TRY",
    "kronor": "SEK",
    "krona": "SEK",
    "dirhams": "AED",
    "riyals": "SAR",
    "reais": "BRL",
    "cedis": "GHS",
    "birr": "ETB",
    "taka": "BDT",
    "forints": "HUF",
    "usd": "USD",
    "gbp": "GBP",
    "eur": "EUR",
}

# Fractions of a currency: the amount is divided by 100 and the currency follows context.
SUBUNITS: dict[str, str] = {"pence": "GBP", "p": "GBP", "cents": "USD", "cent": "USD"}

SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}

# Units of measure: surface form (lower case) -> normalised unit.
MEASURES: dict[str, str] = {
    "square kilometres": "sq km",
    "square kilometers": "sq km",
    "sq km": "sq km",
    "sq kms": "sq km",
    "km2": "sq km",
    "km²": "sq km",
    "square miles": "sq miles",
    "sq miles": "sq miles",
    "square metres": "sq m",
    "square meters": "sq m",
    "sq m": "sq m",
    "square feet": "sq ft",
    "sq ft": "sq ft",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "km": "km",
    "kms": "km",
    "miles": "miles",
    "mile": "miles",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "centimetres": "cm",
    "centimeters": "cm",
    "cm": "cm",
    "millimetres": "mm",
    "millimeters": "mm",
    "mm": "mm",
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "inches": "in",
    "inch": "in",
    "yards": "yd",
    "kilograms": "kg",
    "kilogrammes": "kg",
    "kg": "kg",
    "grams": "g",
    "grammes": "g",
    "tonnes": "t",
    "tons": "t",
    "tonne": "t",
    "ton": "t",
    "lbs": "lb",
    "lb": "lb",
    "ounces": "oz",
    "oz": "oz",
    "litres": "l",
    "liters": "l",
    "litre": "l",
    "liter": "l",
    "gallons": "gal",
    "barrels": "barrels",
    "hectares": "ha",
    "acres": "acres",
    "mph": "mph",
    "km/h": "km/h",
    "kph": "km/h",
    "knots": "knots",
    "terawatt hours": "TWh",
    "gigawatt hours": "GWh",
    "megawatt hours": "MWh",
    "kilowatt hours": "kWh",
    "watts": "W",
    "kilowatts": "kW",
    "megawatts": "MW",
    "gigawatts": "GW",
    "mw": "MW",
    "gw": "GW",
    "kw": "kW",
    "kwh": "kWh",
    "mwh": "MWh",
    "gwh": "GWh",
    "twh": "TWh",
    "ppm": "ppm",
    "mg": "mg",
    "ml": "ml",
    "calories": "kcal",
    "kcal": "kcal",
    "gb": "GB",
    "tb": "TB",
    "mb": "MB",
    "ghz": "GHz",
    "°c": "°C",
    "ºc": "°C",
    "degrees celsius": "°C",
    "degrees centigrade": "°C",
    "c": "°C",
    "°f": "°F",
    "degrees fahrenheit": "°F",
    "f": "°F",
    "degrees": "degrees",
    "°": "degrees",
    # what product pages measure ("Unfilled 1.32 lbs / 600 g", "120 V", "4310 mAh"); a
    # letter alone only as written there (see SINGLE_LETTER_UNITS)
    "in.": "in",
    "sq. ft.": "sq ft",
    "sq. ft": "sq ft",
    "square foot": "sq ft",
    "fl oz": "fl oz",
    "fl. oz.": "fl oz",
    "fl. oz": "fl oz",
    "milliliters": "ml",
    "millilitres": "ml",
    "milligrams": "mg",
    "gram": "g",
    "micrograms": "mcg",
    "mcg": "mcg",
    "gallon": "gal",
    "quarts": "qt",
    "quart": "qt",
    "pints": "pt",
    "watt": "W",
    "kilowatt": "kW",
    "watt hours": "Wh",
    "wh": "Wh",
    "mah": "mAh",
    "volts": "V",
    "volt": "V",
    "amps": "A",
    "ohms": "ohms",
    "hz": "Hz",
    "khz": "kHz",
    "mhz": "MHz",
    "kbps": "kbps",
    "mbps": "Mbps",
    "gbps": "Gbps",
    "fps": "fps",
    "mp": "MP",
    "megapixels": "MP",
    "ms": "ms",
    "milliseconds": "ms",
    "psi": "psi",
    "rpm": "rpm",
    "db": "dB",
    "lumens": "lm",
    "nits": "nits",
    "\u2033": "in",
    "g": "g",
    "l": "l",
    "v": "V",
    "w": "W",
}

#: Units written as one letter, in this case only ("600 g", "0.9 L", "120 V", "60 W"): "5G"
#: is a network, "Grade 5 A" no current.
SINGLE_LETTER_UNITS = ("g", "L", "V", "W")

# Durations: the unit is the plural form ("years", "weeks").
TIME_UNITS: dict[str, str] = {
    "seconds": "seconds",
    "second": "seconds",
    "secs": "seconds",
    "sec": "seconds",
    "minutes": "minutes",
    "minute": "minutes",
    "mins": "minutes",
    "min": "minutes",
    "hours": "hours",
    "hour": "hours",
    "hrs": "hours",  # not "hr": "15 HR firms" are human resources
    "days": "days",
    "day": "days",
    "weeks": "weeks",
    "week": "weeks",
    "months": "months",
    "month": "months",
    "years": "years",
    "year": "years",
    "decades": "decades",
    "decade": "decades",
    "centuries": "centuries",
    "century": "centuries",
}

PERCENT_WORDS: dict[str, str] = {
    "%": "%",
    "per cent": "%",
    "percent": "%",
    "pc": "%",
    "percentage points": "percentage points",
    "percentage point": "percentage points",
    "% points": "percentage points",
}

# What a rate is per ("4.2 km per day", "£9 an hour"), for a verbose regex.
RATE_BASES = (
    "day|week|month|year|hour|minute|second|head|person|capita|litre|liter|kilogram|kg"
    "|mile|km|night|game|match|season|barrel|tonne|share|megawatt[ ]hour|kilowatt[ ]hour|MWh|kWh"
)

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` (longest first, spaces matching any space), after a
    look at the next character: most failed matches end there rather than trying each word."""
    items = sorted(words, key=len, reverse=True)
    body = literal_tree(items)
    if not items or any(w[:1].isspace() for w in items):
        return body
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in items})) + f"])(?:{body})"


def literal_tree(words: Sequence[str]) -> str:
    """The alternation of the literal ``words`` in their order (spaces matching any space),
    written as a tree of their shared starts ("ab(?:out|ove)"): it matches what the plain
    alternation matches, but Python's engine, which tries an alternation's branches one by
    one, compares each start once. Words opening with letters that differ only in case are
    not merged (case may be ignored where the pattern is used), nor are words across an
    empty one (which matches before those after it are tried)."""
    return "|".join(_branches(list(words)))


def _branches(words: list[str]) -> list[str]:
    if "" in words:
        cut = words.index("")
        return [*_branches(words[:cut]), "", *_branches(words[cut + 1 :])]
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0].lower(), []).append(word)
    branches = []
    for group in groups.values():
        stem = common_start(group)
        if len(group) == 1 or not stem:
            branches += [_literal(word) for word in group]
        else:
            rest = literal_tree([word[len(stem) :] for word in group])
            branches.append(f"{_literal(stem)}(?:{rest})")
    return branches


def _literal(word: str) -> str:
    return re.escape(word).replace(r"\ ", r"[\s\u00a0\u202f]+")
