"""Dates in report text ("on October 1", "in March 2020", "on Tuesday") resolved against the
publication date.

A date without a year takes the publication year (the year before when that would put it
after publication); a weekday is the last such day on or before publication. Without a
publication date only dates that carry their year resolve. Results are ISO 8601 strings,
of reduced precision when the text is ("2020-03" for "in March 2020").
"""
from __future__ import annotations

from functools import lru_cache

import re
from datetime import date, timedelta

__all__ = ["date_in", "parse_iso", "MONTH", "MONTH_ABBREV", "WEEKDAY"]

_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
                                       start=1)}
_WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH = rf"(?:{_MONTH_NAMES})"
# the wire services' abbreviations ("Dec. 6", "Sept. 12")
MONTH_ABBREV = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_MONTH = rf"({_MONTH_NAMES}|{MONTH_ABBREV})"
_DAY_MONTH = re.compile(rf"\b(?:(?i:on)\s+)?(?:(\d{{1,2}})\s+{_MONTH}|{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(\d{{4}}))?\b")
_MONTH_YEAR = re.compile(rf"\b(?i:in|by|since|until|during)\s+(?:early\s+|late\s+|mid-|(?i:the\s+)?(?:(?:first|last|final|closing|"
                         rf"opening)\s+(?:days?|weeks?)|beginning|start|end|middle)\s+of\s+)?{_MONTH}(?:\s+(\d{{4}}))?\b")   # "in the first days of December"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY = re.compile(rf"\b(?i:on)\s+({WEEKDAY})\b")


def parse_iso(text: str | None) -> date | None:
    """``date`` of an ISO ``YYYY-MM-DD`` string, or None."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _with_year(month: int, day: int, year: int | None, published: date | None) -> str | None:
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            if date(year, month, day) > published:
                year -= 1
        except ValueError:
            return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def date_in(sentence: str, published: str | None) -> str | None:
    """The first date the sentence names, resolved against ``published`` (ISO), or None.

    Examples
    --------
    >>> date_in("Jets struck Ariha on October 1, killing two.", "2021-10-05")
    '2021-10-01'
    >>> date_in("In March 2020, Russia and Turkey agreed.", None)
    '2020-03'
    >>> date_in("Shelling resumed on Tuesday.", "2021-10-07")
    '2021-10-05'
    """
    pub = parse_iso(published)
    m = _DAY_MONTH.search(sentence)
    if m:
        day = int(m.group(1) or m.group(4))
        month = _MONTHS[(m.group(2) or m.group(3)).lower()[:3]]
        return _with_year(month, day, int(m.group(5)) if m.group(5) else None, pub)
    m = _MONTH_YEAR.search(sentence)
    if m and (m.group(2) or pub):
        month = _MONTHS[m.group(1).lower()[:3]]
        year = int(m.group(2)) if m.group(2) else (pub.year if month <= pub.month else pub.year - 1)
        return f"{year:04d}-{month:02d}"
    m = _WEEKDAY.search(sentence)
    if m and pub:
        back = (pub.weekday() - _WEEKDAYS[m.group(1).lower()]) % 7
        return (pub - timedelta(days=back)).isoformat()
    return None
