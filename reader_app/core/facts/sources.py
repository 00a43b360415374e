"""Which parts of an article are sources of facts, and the text the recognisers read.

Facts come from the title and the body's blocks, not from reference lists and
bibliographies, citation labels ("[DOI] [PubMed]", "[12]"), bylines, picture credits or
page furniture, nor from numbers that only identify (DOIs, ISBNs, screen resolutions).
``source_blocks`` gives each source block's offsets with that text blanked out by spaces,
so that offsets stay those of ``Article.text`` and nothing is read across a block boundary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import BLOCK_SEPARATOR, POST_STAMP_LEVEL, Article

# Headings that open a reference section: every block after them, to the next heading of
# the same or a higher level, is no source.
_REFERENCE_HEADING = re.compile(
    r"^\s*(?:\d+\.?\s*)?(?:references?|bibliography|works cited|citations|sources|notes|"
    r"footnotes|endnotes|further reading|literature cited|external links|see also|"
    r"literatur|références|referencias)\s*:?\s*$",
    re.IGNORECASE,
)
# A list item or paragraph shaped as a citation: authors, a year in brackets, a journal.
_CITATION = re.compile(
    r"\bdoi\b|\bet al\b|\bpp?\.\s*\d|\(\d{4}[a-z]?\)[.,]|\bvol\.\s*\d|\bPMID\b|\bISSN\b"
    r"|\[(?:DOI|PubMed|PMC free article|Google Scholar|CrossRef|Ref list)\]"
    # a journal's year, volume, issue and pages ("2011 May 25;94(1):49-57"), and authors
    # named by their initials ("Colditz GA, Willett WC"), as Vancouver-style lists write them
    r"|\b(?:1[89]|20)\d\d(?: (?-i:[A-Z][a-z]{2})(?: \d{1,2})?)?;\s?\d+(?:\(\d+\))?:\s?\d+"
    r"|(?-i:\b[A-Z][a-z]+ [A-Z]{1,3}, [A-Z][a-z]+ [A-Z]{1,3}\b)",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|words by|written by|reporting by|edited by|photographs? by)\s+\S", re.IGNORECASE
)
_AGENCIES = r"(?:Getty Images?|AFP|AP|Reuters|PA|EPA|Shutterstock|Alamy)"
_NAME_WORD = r"(?-i:[A-Z][\w'\u2019-]*)"
_CREDIT = re.compile(
    # "Photograph: X/Getty", "Credit: J. Scott Applewhite/AP", "Credit...X/The New York Times"
    r"(?:\b(?:photograph|photo|picture|image|illustration|credit|source)s?\s*(?::|\.\.\.|\u2026)"
    r"\s*[^\n]{0,80}?(?=$|(?<!\b[A-Z])\.\s|\)))"
    rf"|\((?:[A-Z][\w.&' -]{{0,40}}/)?(?-i:{_AGENCIES})\b[^)]{{0,40}}\)"  # "(AP)", not "(page"
    # a name and an agency ending a line: "Efrem Lukatsky/AP", "Mary Altaffer / AP Photo"
    rf"|\b(?:(?-i:[A-Z]\.)|{_NAME_WORD}) (?:(?:(?-i:[A-Z]\.)|{_NAME_WORD}) ){{0,2}}?"
    rf"{_NAME_WORD} ?/ ?{_AGENCIES}\b[^\n/]{{0,30}}$"
    r"|©[^\n]{0,80}"
    # a caption's "Courtesy Sean Kelly Gallery.", "Courtesy of Hilton"; not the prose's "a
    # machine, courtesy of Mark Zyngier,"
    r"|\b(?-i:Courtesy)(?: of)?\s+(?-i:[A-Z])[^\n]{0,80}?(?=$|(?<!\b[A-Z])\.(?:\s|$)|\))",
    re.IGNORECASE | re.MULTILINE,
)
# A caption's credit after a slash or a bar that ends it ("... research kitchen / Kent
# Dayton", "Harbour at dawn | Ana Ruiz"), or a caption that is all credit: a name and whom
# the picture was taken for ("Marki Williams/NYT Wirecutter", "Wei-An Jin for Quanta Magazine").
_CAPTION_CREDIT = re.compile(
    r"\s[/|]\s*(?:[A-Z][\w.'\u2019-]*\s?){1,4}$"
    r"|^(?:[A-Z][\w.'\u2019-]*\s){1,3}[A-Z][\w.'\u2019-]*(?:\s?/\s?|\sfor\s)"
    r"(?:[A-Z][\w.'\u2019&-]*\s?){1,4}$"
)
_FURNITURE = re.compile(
    r"^(?:advertisement|read more|related|most read|share this|sign up|subscribe|"
    r"updated|published|last updated|copyright)\b",
    re.IGNORECASE,
)
# Transcripts' stage directions: words in capitals, three or more before anything else
# ("(SOUNDBITE OF ROBIN THICKE AND LIL WAYNE SONG, "SHOOTER")", "(BEGIN VIDEO CLIP)"; not
# "(NMBS / SNCB)" or "(32 GB)"), and the label of a speaker nobody named ("UNIDENTIFIED
# GROUP #1:"): what they name is no fact of the article.
_STAGE = re.compile(
    r"\((?:[A-Z][A-Z'\u2019.]+ ){2,}[A-Z][^a-z()\n]{0,150}\)"
    r"|^(?:UNIDENTIFIED|UNKNOWN)\b[^a-z:\n]{0,40}:",
    re.MULTILINE,
)
# Strings whose digits identify rather than count.
_IDENTIFIERS = re.compile(
    r"\b10\.\d{4,9}/\S+"  # DOI
    r"|\bdoi:\s*\S+"
    r"|\bISBN(?:-1[03])?:?\s*[\d Xx-]{10,17}"
    r"|\b\d{3,5}\s?[x\u00d7]\s?\d{3,5}\b"  # screen resolution
    r"|\[(?:\d+(?:[,\u2013-]\s*\d+)*|DOI|PubMed|PMC free article|Google Scholar|CrossRef)\]"
    r"|\b(?:arXiv|PMID|PMCID|ISSN):?\s*\S+",
    re.IGNORECASE,
)
# Cheap tests first: the patterns above run only on text that holds one of these.
_IDENTIFIER_HINTS = ("10.", "doi", "isbn", "arxiv", "pmid", "pmcid", "issn", "[")
_RESOLUTION_HINT = re.compile(r"\d ?[x\u00d7] ?\d")
_CITATION_HINTS = ("doi", "et al", "p.", "vol.", "pmid", "issn", "[", ";")
_YEAR_HINT = re.compile(r"\(\d{4}[a-z]?\)[.,]")
_NOT_NEWLINE = re.compile(r"[^\n]")
_SHORT_LINE = 12  # words: bylines, headings and furniture are short
_CLOSED = re.compile(r"[.!?:;][\"\u201d\u2019)\]]*\s*$")


@dataclass(frozen=True)
class SourceBlock:
    """A source of facts: its offsets in the article text, its kind, and its text with
    what is no source blanked out (same length as ``text[start:end]``)."""

    start: int
    end: int
    kind: str
    text: str


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group()), text)


def clean(text: str) -> str:
    """``text`` with credits, stage directions, citation labels and identifiers blanked
    out."""
    # every credit has one of these marks or words
    if any(mark in text for mark in ":(/\u00a9\u2026") or "..." in text or "Courtesy" in text:
        text = _blank(text, _CREDIT)
        text = _blank(text, _STAGE)
    lower = text.lower()
    if any(hint in lower for hint in _IDENTIFIER_HINTS) or (
        ("x" in text or "\u00d7" in text) and _RESOLUTION_HINT.search(text)
    ):
        text = _blank(text, _IDENTIFIERS)
    return text


def _citations(text: str) -> int:
    """How many citation marks ``text`` holds (looked for only where one may be)."""
    lower = text.lower()
    if not any(hint in lower for hint in _CITATION_HINTS) and not _YEAR_HINT.search(text):
        return 0
    return len(_CITATION.findall(text))


def _short(text: str) -> bool:
    """Whether ``text`` has at most ``_SHORT_LINE`` words (counted no further)."""
    return len(text.split(None, _SHORT_LINE)) <= _SHORT_LINE


def _is_source(kind: str, text: str) -> bool:
    if kind == "title":
        return True
    short = _short(text)
    if short and (_BYLINE.match(text) or _FURNITURE.match(text)):
        return False
    if kind in ("list", "paragraph") and _citations(text) >= 2:
        return False
    return kind != "code"


def _post_time_line(level: int, text: str) -> bool:
    """``core.post_stamps.is_post_heading``, loaded only for a heading at a post's level."""
    if level != POST_STAMP_LEVEL:
        return False
    from ..post_stamps import is_post_heading

    return is_post_heading(level, text)


def _select(text: str, parts: Iterable[tuple[int, int, str, int]]) -> list[SourceBlock]:
    """The source blocks among ``parts`` (start, end, kind, heading level): a reference
    heading leaves out every block up to the next heading of its level or higher, and a
    post's time line ("Brian · September 26, 2025, 1:38pm") only dates its post."""
    out = []
    skip_level: int | None = None
    for start, end, kind, level in parts:
        part = text[start:end]
        if kind == "heading":
            if skip_level is not None and level <= skip_level:
                skip_level = None
            if _REFERENCE_HEADING.match(part):
                skip_level = level
                continue
            if _post_time_line(level, part):
                continue
        if skip_level is None and _is_source(kind, part):
            found = clean(part)
            if kind == "image" and ("/" in found or "|" in found or " for " in found):
                found = _blank(found, _CAPTION_CREDIT)
            out.append(SourceBlock(start, end, kind, found))
    return out


def article_blocks(article: Article) -> list[SourceBlock]:
    """The source blocks of an article, in order."""
    return _select(
        article.text,
        (
            (start, end, "title" if block is None else block.kind, block.level if block else 0)
            for start, end, block in article.spans()
        ),
    )


def text_blocks(text: str) -> list[SourceBlock]:
    """The source blocks of a plain text laid out as ``Article.text`` is: the first block is
    the title, then blank-line separated blocks; a short single line without a closing
    full stop is taken for a heading."""
    parts: list[tuple[int, int, str, int]] = []
    position = 0
    for part in text.split(BLOCK_SEPARATOR):
        end = position + len(part)
        if part.strip():
            if not parts:
                kind = "title"
            elif "\n" not in part.strip() and _short(part) and (
                not _CLOSED.search(part)
            ):
                kind = "heading"
            else:
                kind = "paragraph"
            parts.append((position, end, kind, 2))
        position = end + len(BLOCK_SEPARATOR)
    return _select(text, parts)


def masked(text: str, blocks: list[SourceBlock]) -> str:
    """``text`` with everything outside the source blocks blanked out (lines kept)."""
    parts = []
    position = 0
    for block in blocks:
        parts.append(_NOT_NEWLINE.sub(" ", text[position : block.start]))
        parts.append(block.text)
        position = block.end
    parts.append(_NOT_NEWLINE.sub(" ", text[position:]))
    return "".join(parts)


__all__ = ["SourceBlock", "article_blocks", "clean", "masked", "text_blocks"]
