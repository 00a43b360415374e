"""Bytes → HTML text: byte-order mark, declared charset, ``<meta>`` charset, then detection."""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata
from functools import lru_cache
from typing import Any

import charset_normalizer

from .errors import DecodeError

#: How far into the document ``<meta charset>`` and the XML declaration are looked for.
META_SCAN_BYTES = 4096

#: How much of the document the binary check and the UTF-16 check look at.
_SNIFF_BYTES = 65536

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels browsers treat as another, wider encoding (the WHATWG Encoding Standard's mapping):
# pages labelled Latin-1 or ASCII are really written in windows-1252, and so on.
_ALIASES: dict[str, str] = {
    "ascii": "cp1252",
    "us_ascii": "cp1252",
    "ansi_x3.4_1968": "cp1252",
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "iso8859_9": "cp1254",
    "iso8859_11": "cp874",
    "tis_620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x_gbk": "gb18030",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "x_sjis": "cp932",
    "ms_kanji": "cp932",
    "windows_31j": "cp932",
    "euc_kr": "cp949",
    "ks_c_5601_1987": "cp949",
    "big5": "big5hkscs",
    "x_user_defined": "cp1252",
}

# Codecs Python knows that no web page may use: transforms of text rather than charsets, and
# UTF-7 (refused by browsers because it hides markup).
_REFUSED = frozenset(
    {"utf_7", "unicode_escape", "raw_unicode_escape", "idna", "punycode", "undefined", "mbcs"}
)

_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([-\w.:]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml\b[^>]*?encoding\s*=\s*[\"']([-\w.:]+)", re.IGNORECASE)
_TAG = re.compile(rb"<[^>]*>")
_EDGE = re.compile(r"^\W+|\W+$")

#: How much of a document detection looks at.
_DETECT_BYTES = 256 * 1024

#: Legacy encodings in use on the web, most common first; detection chooses among these and
#: breaks ties in this order.
WEB_ENCODINGS = (
    "cp1252",
    "cp1251",
    "cp932",
    "gb18030",
    "cp949",
    "euc_jp",
    "cp1250",
    "big5hkscs",
    "iso8859_2",
    "cp1256",
    "cp1254",
    "cp874",
    "cp1253",
    "cp1255",
    "koi8_r",
    "cp1257",
    "koi8_u",
)
_PRIOR = {encoding: rank for rank, encoding in enumerate(WEB_ENCODINGS)}

# C0 control bytes that never appear in text (tab, newline, form feed, carriage return and
# escape are allowed).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode an HTML document, as a browser would, into text, and repair text its server
    encoded in UTF-8 twice (:func:`repair_double_utf8`).

    ``declared`` is the charset the transport named (HTTP header, MIME part). The order is:
    byte-order mark, ``declared``, ``<meta charset>``/http-equiv or the XML declaration, then
    detection. A declared charset the bytes do not decode in is ignored. Raises
    :class:`DecodeError` for empty input and for binary data.
    """
    return repair_double_utf8(_decode(data, declared))


#: A character that starts a UTF-8 sequence read as Latin-1, then a C1 control character:
#: never text, the mark of UTF-8 encoded twice ("\u00e2\u0080\u0099" for "\u2019").
_TWICE = re.compile(r"[\u00c2-\u00f4][\u0080-\u009f]")
_C1 = tuple(map(chr, range(0x80, 0xA0)))
_SEQUENCE = re.compile(
    r"[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}"
    r"|[\u00f0-\u00f4][\u0080-\u00bf]{3}"
)


def _once(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def repair_double_utf8(text: str) -> str:
    """``text`` with the UTF-8 sequences read as Latin-1 decoded once more, where it holds
    the mark of text encoded twice ("Ared\u00e2\u0080\u0099s" → "Ared\u2019s"); other text
    is returned as it is."""
    if not any(c in text for c in _C1) or not _TWICE.search(text):  # substring scans: fast
        return text
    return _SEQUENCE.sub(_once, text)


def _decode(data: bytes, declared: str | None) -> str:
    if not data:
        raise DecodeError("The page is empty.")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if _looks_binary(data):
        raise DecodeError("This file holds binary data, not a web page.")
    for label in (declared, _meta_charset(data)):
        charset = _usable(normalise_charset(label), data)
        if charset:
            try:
                return data.decode(charset)
            except (UnicodeDecodeError, LookupError):
                continue
    return _detect(data)


def normalise_charset(label: str | None) -> str | None:
    """The Python codec name for a charset label, widened as browsers do; None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").strip()
    if not name or len(name) > 40:
        return None
    try:
        canonical = codecs.lookup(name).name.replace("-", "_")
    except (LookupError, ValueError):
        return None
    if canonical in _REFUSED or not _is_text_codec(canonical):
        return None
    return _ALIASES.get(canonical, canonical)


def _usable(encoding: str | None, data: bytes) -> str | None:
    """``encoding`` unless the bytes contradict it.

    A UTF-16/32 label on bytes without NULs cannot be right: the bytes are read as UTF-8, as
    browsers do. A single-byte label on bytes that are valid UTF-8 with non-ASCII characters is
    a server default left unchanged: such bytes are almost never meaningful in a legacy charset.
    """
    if encoding is None:
        return None
    if encoding.startswith(("utf_16", "utf_32")):
        return "utf-8"
    if not _is_ascii_compatible(encoding):
        return None  # EBCDIC and the like: no browser reads pages in them
    if encoding != "utf_8" and _is_single_byte(encoding) and _is_utf8_text(data):
        return "utf-8"
    return encoding


def _meta_charset(data: bytes) -> str | None:
    head = data[:META_SCAN_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", errors="replace") if match else None


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes look like UTF-16 text without a byte-order mark."""
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / max(1, len(odd))
    # Markup in UTF-16 is mostly ASCII: one byte of each pair is NUL, the other almost never.
    if odd_nul > 0.5 and even_nul < 0.02 and _decodes(sample, "utf-16-le"):
        return "utf-16-le"
    if even_nul > 0.5 and odd_nul < 0.02 and _decodes(sample, "utf-16-be"):
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    """True for data no text document holds: NUL bytes early on, or many control bytes."""
    sample = data[:_SNIFF_BYTES]
    if 0 in sample[:1024]:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > 0.05 * len(sample)


def _detect(data: bytes) -> str:
    """Decode with the most likely web encoding, UTF-8 first, windows-1252 as the last resort."""
    utf8 = data.decode("utf-8", errors="replace")
    if _mostly_valid(utf8):
        return utf8
    # The text between the tags tells the language; markup is ASCII and only dilutes it.
    text = _TAG.sub(b" ", data[:_DETECT_BYTES])
    results = charset_normalizer.from_bytes(text, cp_isolation=list(WEB_ENCODINGS))
    candidates = {normalise_charset(match.encoding): match for match in results}
    candidates.pop(None, None)
    if not candidates:
        return data.decode("cp1252", errors="replace")

    def rank(item: tuple[str | None, Any]) -> tuple[float, float, int]:
        encoding, match = item
        assert encoding is not None
        sample = text.decode(encoding, errors="replace")
        mess = round(match.chaos, 2) + _implausibility(sample)
        return (mess, -round(match.coherence, 2), _PRIOR.get(encoding, len(_PRIOR)))

    encoding = min(candidates.items(), key=rank)[0]
    assert encoding is not None
    return data.decode(encoding, errors="replace")


def _mostly_valid(text: str) -> bool:
    """True when UTF-8 decoding gave at least as many good non-ASCII characters as broken ones.

    UTF-8 pages with a few broken bytes are common (a truncated excerpt, a pasted legacy
    quote); legacy-encoded bytes almost never form valid multi-byte UTF-8 sequences, so a
    page with as many of those as broken bytes is UTF-8.
    """
    broken = text.count("\ufffd")
    if not broken:
        return True
    good = sum(1 for ch in text if ch > "\x7f") - broken
    return good >= broken


def _implausibility(text: str) -> float:
    """How unlike real writing the words holding non-ASCII characters are, per such word.

    Text decoded in the wrong charset has words that mix scripts ("Ã©tat", "僅ber"), hold
    symbols between letters ("gê¶l±"), flip from lower to upper case inside a word ("ДгЙз"),
    or are Latin words made only of accented letters ("Ďđčâłň").
    """
    words = [_EDGE.sub("", word) for word in text.split() if not word.isascii()]
    words = [word for word in words if word]
    if not words:
        return 0.0
    penalty = 0
    for word in words:
        letters = [ch for ch in word if ch.isalpha()]
        scripts = {_script(ch) for ch in letters}
        penalty += 2 * (len(scripts) > 1)
        penalty += any(_is_stray_symbol(ch) for ch in word)
        penalty += any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
        penalty += scripts == {"LATIN"} and len(letters) >= 4 and not any(map(str.isascii, word))
    return penalty / len(words)


def _is_stray_symbol(ch: str) -> bool:
    """A symbol that real words do not hold between their letters (``¶``, ``±``, ``؟``)."""
    if ch.isalnum() or ch.isascii() or unicodedata.category(ch) == "Mn":
        return False
    # General punctuation (quotes, dashes, ellipsis) and CJK and full-width punctuation are
    # at home in words.
    return not (
        "\u2000" <= ch <= "\u206f" or "\u3000" <= ch <= "\u30ff" or "\uff00" <= ch <= "\uffef"
    )


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "UNKNOWN").split()[0]
    # Japanese mixes kanji and kana within a word; Korean may mix in Hanja.
    return "CJK" if name in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL") else name


def _is_utf8_text(data: bytes) -> bool:
    if data.isascii():
        return False
    return _decodes(data, "utf-8")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        # A cut at the end of a sample may split a character.
        codecs.getincrementaldecoder(encoding)().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


@lru_cache(maxsize=64)
def _is_text_codec(name: str) -> bool:
    return bool(getattr(codecs.lookup(name), "_is_text_encoding", True))


@lru_cache(maxsize=64)
def _is_ascii_compatible(encoding: str) -> bool:
    sample = b"<html><meta charset=x>"
    try:
        return sample.decode(encoding) == sample.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


@lru_cache(maxsize=64)
def _is_single_byte(encoding: str) -> bool:
    """True for encodings that map every byte to one character (windows-125x, ISO 8859-x…)."""
    try:
        return len(bytes(range(128, 256)).decode(encoding, errors="replace")) == 128
    except LookupError:
        return False
