"""The text of a block as a browser shows it: the page source's line breaks inside
sentences are spaces, its ``<br>`` and nested blocks are line breaks."""

from __future__ import annotations

import re

#: Stands for a line break (``<lb/>``, ``<br>``) while a block's text is collected.
BREAK = "\x1e"
#: Stands for the line a nested block's text stands on while a block's text is collected.
LINE = "\x1f"
#: Two or more line breaks with only whitespace between them: a paragraph break.
PARAGRAPH_BREAK = re.compile(r"\x1e[\s\x1e]*\x1e")

#: A line break of the page's source before a word in lowercase: the sentence goes on.
_SOFT_BREAK = re.compile(r"\n[ \t\r\n]*(?=[a-z\u00df-\u00f6\u00f8-\u00ff])")
#: One after a word that ends no sentence ("a public beta of\nDebusine"): it goes on too
#: (not after "by": "Last updated March 3, 2025 by\nErik Demaine." stays a credit line).
_BREAK_AFTER_LINKING_WORD = re.compile(
    r"\b(a|an|the|of|to|in|on|at|for|from|with|and|or|my|our|your|his|her|their|its|this"
    r"|that|as|into|onto|about|than|via|per|is|are|was|were|be|been|read|use|using|called"
    r"|named|including|between|under|within|through|across|without)[ \t\r]*\n[ \t\r\n]*"
)

#: A line of the source that is a mark alone ("Tim Stevens\n|\n72" under a story's card):
#: it stands on the line before it.
_MARK_LINE = re.compile(
    r"[ \t]*\n[ \t]*([|\u2013\u2014\u00b7\u2022/+\u00d7*:;,.()\[\]-]{1,3})[ \t]*(?=\n|$)"
)


def lines(collected: str) -> str:
    """Collected text with its lines: the source's line breaks inside sentences made
    spaces, as a browser shows them ("building blocks inspired\nby constructs", "a beta
    of\nDebusine"; one after a sentence's or a piece's end before a capital or a number
    stays, where it may part a page's pieces: "$130\nAdd to cart"; a mark alone on its line
    joins the line before it), and :data:`BREAK` and :data:`LINE` made line breaks."""
    if "\n" in collected:
        collected = _BREAK_AFTER_LINKING_WORD.sub(r"\1 ", _SOFT_BREAK.sub(" ", collected))
        collected = _MARK_LINE.sub(r" \1", collected)
    return collected.replace(BREAK, "\n").replace(LINE, "\n")
