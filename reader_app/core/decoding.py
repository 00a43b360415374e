"""Bytes → HTML text: byte-order mark, declared charset, ``<meta>`` charset, then detection."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

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

# C0 control bytes that never appear in text (tab, newline, form feed, carriage return and
# escape are allowed).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode an HTML document, as a browser would, into text.

    ``declared`` is the charset the transport named (HTTP header, MIME part). The order is:
    byte-order mark, ``declared``, ``<meta charset>``/http-equiv or the XML declaration, then
    detection. A declared charset the bytes do not decode in is ignored. Raises
    :class:`DecodeError` for empty input and for binary data.
    """
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
        encoding = _usable(normalise_charset(label), data)
        if encoding:
            try:
                return data.decode(encoding)
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
    if odd_nul > 0.5 and even_nul < 0.02 and sample[0:1] == b"<" and _decodes(sample, "utf-16-le"):
        return "utf-16-le"
    if even_nul > 0.5 and odd_nul < 0.02 and sample[1:2] == b"<" and _decodes(sample, "utf-16-be"):
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
    """Decode with the encoding charset-normalizer finds most likely, UTF-8 first."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # The text between the tags tells the language; markup is ASCII and only dilutes it.
    text = _TAG.sub(b" ", data)
    best = charset_normalizer.from_bytes(text).best() if text.strip() else None
    encoding = normalise_charset(best.encoding) if best is not None else None
    return data.decode(encoding or "cp1252", errors="replace")


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
def _is_single_byte(encoding: str) -> bool:
    """True for encodings that map every byte to one character (windows-125x, ISO 8859-x…)."""
    try:
        return len(bytes(range(128, 256)).decode(encoding, errors="replace")) == 128
    except LookupError:
        return False
