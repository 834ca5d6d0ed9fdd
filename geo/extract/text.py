"""Sentences and clause boundaries with character spans into the article text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.dates import MONTH_ABBREV

__all__ = ["Sentence", "sentences", "NUMBER_WORDS", "NUMBER_WORD"]

_BREAK = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z\u0600-\u06ff0-9])|\n\s*\n|\n(?=\S)")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt|St|No|U\.S|U\.N|e\.g|i\.e|vs|approx)\.$")
_MONTH_ABBREV = re.compile(rf"\b{MONTH_ABBREV}$")   # "On Dec. 6, ..."


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
        if _ABBREV.search(text[start:m.start()]) or (
                _MONTH_ABBREV.search(text[start:m.start()]) and text[m.end():m.end() + 1].isdigit()):
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


# Numbers written as words in distances ("nine kilometers south of X")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
NUMBER_WORD = "(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
