"""Sentences and clause boundaries with character spans into the article text."""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "sentences"]

_BREAK = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z\u0600-\u06ff0-9])|\n\s*\n|\n(?=\S)")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt|St|No|U\.S|U\.N|e\.g|i\.e|vs|approx)\.$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text and where it starts in the article."""

    index: int
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences (and lines), keeping spans.

    Examples
    --------
    >>> [s.text for s in sentences("Idlib was hit. Afrin too.")]
    ['Idlib was hit.', 'Afrin too.']
    """
    out: list[Sentence] = []
    start = 0
    for m in _BREAK.finditer(text):
        if _ABBREV.search(text[start:m.start()]):
            continue
        _add(out, text, start, m.start())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Sentence(len(out), s, s + len(stripped), stripped))
