"""What the facts panel says: an entry's text, its context line, the panel's messages, and
the "Key facts" section that copying and exporting add."""

from __future__ import annotations

from reader_app.core.facts.model import Fact, Facts

from ..reading.fact_kinds import KIND_TITLES, KINDS, facts_of

NO_FACTS = "No facts found in this article"
PENDING = "Finding facts…"
IDLE = "The numbers, people, places and organisations of the article you open appear here."


def entry_text(fact: Fact) -> str:
    """What the panel shows for ``fact``: numbers say what they count ("$120bn — military aid")."""
    counts = (fact.counts or "").strip()
    if fact.kind != "number" or not counts or counts.casefold() in fact.label.casefold():
        return fact.label
    return f"{fact.label} — {counts}"


def context_line(fact: Fact) -> str:
    """The short line shown under an entry: its context sentence, spaces normalised."""
    return " ".join(fact.context.split())


def facts_markdown(facts: Facts) -> str:
    """A "Key facts" Markdown section listing every fact by kind (empty string if none)."""
    if not facts:
        return ""
    lines = ["## Key facts", ""]
    for kind in KINDS:
        group = facts_of(facts, kind)
        if not group:
            continue
        lines += [f"### {KIND_TITLES[kind]}", ""]
        lines += [f"- {entry_text(f)}{_times(f)}" for f in group]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _times(fact: Fact) -> str:
    count = len(fact.mentions)
    return f" ({count} mentions)" if count > 1 else ""

