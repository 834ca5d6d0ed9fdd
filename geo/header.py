"""The head of a report: the dateline's place, the outlet and the publication date.

Reports open in many ways, and all of them are read here::

    IDLIB, Syria (North Press) – Russian jets struck ...        place, outlet
    BEIRUT, Dec. 11, 2024 (AP) - The U.S.-backed ...            place, date, outlet
    MOSCOW, November 19, 2019. /TASS/. Units of ...             place, date, outlet
    Enab Baladi – Afrin countryside, Wednesday, 15 February 2023   (a line of its own)
    QAMISHLO – 23 November 2022 – ANHA
    Idlib province, June 14, 2022 (SOHR)

A date in the head is the report's own publication date; only a full date (day, month and
year) counts. Dates are normalised with ``dateutil`` (which trafilatura brings).
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from datetime import date as _Date
from datetime import datetime

__all__ = ["Header", "read_header", "parse_dateline", "normalise_date"]


@dataclass(frozen=True, slots=True)
class Header:
    """What the head of a report says about it."""

    place: str = ""
    outlet: str = ""
    date: str | None = None   # YYYY-MM-DD


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+)?"
_DAY_FIRST = rf"\d{{1,2}}[ \t]+{_MONTH},?[ \t]+\d{{4}}"            # 8 March 2025
_MONTH_FIRST = rf"{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+\d{{4}})?"   # Dec. 11, 2024 / Oct 5
_FULL_DATE = re.compile(rf"(?<![\w-]){_WEEKDAY}(?:{_DAY_FIRST}|{_MONTH_FIRST}|\d{{4}}-\d{{2}}-\d{{2}})\b")
_WORD = r"[^\W\d_][\w'’.\-]*"
_DATELINE = re.compile(
    rf"""\s*
    (?P<place>(?P<head>{_WORD}(?:(?:[ \t]+|/){_WORD}){{0,3}})     # IDLIB / DEIR EZ-ZOR / BEIRUT/ANKARA
              (?:,[ \t]*{_WORD}(?:[ \t]+{_WORD}){{0,3}}){{0,2}})  # , Syria
    (?:,[ \t]*(?P<date>{_WEEKDAY}(?:{_DAY_FIRST}|{_MONTH_FIRST}))\.?)?   # , Oct. 5, 2021
    [ \t]*(?:\((?P<outlet>[^()\n]{{1,40}})\)|/(?P<slashed>[^/\n]{{1,30}})/\.?)?   # (North Press) or /TASS/.
    (?:[ \t]*(?:--|[–—―:])|[ \t]+-|-(?=[ \t])|(?<=/)|(?<=/\.))[ \t]*\S   # – ...
    """,
    re.VERBOSE,
)
_NOT_PLACES = frozenset({
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "VIDEO", "PHOTO", "PHOTOS", "LIVE",
    "ANALYSIS", "OPINION", "EDITORIAL", "URGENT", "FLASH", "ALERT", "NOTE", "CORRECTION",
    "FACTBOX", "EXPLAINER", "INTERVIEW", "REPORT", "NEWS", "SOURCE", "SOURCES", "BY",
})
# A part of a head line: capitalised words ("Rural Damascus", "Deir ez-Zor"), a few lower-case area words.
_HEAD_WORD = r"(?:[A-Z][\w'’.\-]*|(?:al|el|ad|ar|as|ash|at|az|an|ez|ed)-[\w'’.\-]+|province|countryside|governorate|region|city|of)"
_HEAD_PART = re.compile(rf"{_HEAD_WORD}(?:[ \t]+{_HEAD_WORD}){{0,3}}(?:,[ \t]*{_HEAD_WORD}(?:[ \t]+{_HEAD_WORD}){{0,3}}){{0,2}}")
_SEPARATOR = re.compile(r"[ \t]*(?:--|[–—―|]|(?<=\s)-(?=\s))[ \t]*")


def read_header(text: str, title: str = "") -> Header:
    """The place, outlet and date of a report's head (the first paragraphs after the title).

    Examples
    --------
    >>> read_header("Title\\n\\nSyria TV – Latakia, Saturday, 8 March 2025\\n\\nConvoys arrived.", "Title")
    Header(place='Latakia', outlet='Syria TV', date='2025-03-08')
    >>> read_header("Title\\nBEIRUT, Dec. 11, 2024 (AP) - The SDF handed ...", "Title")
    Header(place='BEIRUT', outlet='AP', date='2024-12-11')
    """
    paragraphs = _head_paragraphs(text, title)
    for paragraph in paragraphs:
        found = _head_line(paragraph) or _dateline(paragraph)
        if found is not None:
            return found if found.date else replace(found, date=_head_date(paragraph))
    return Header(date=next((day for paragraph in paragraphs[:2] if (day := _head_date(paragraph))), None)
                  or next((day for paragraph in paragraphs if (day := _published(paragraph))), None))


# a translation's or a page's note of when the original came out: "Originally published by a Syrian news site,
# April 14, 2025.", "[Translated from Arabic. First published on 22 December 2020 by ...]"
_PUBLISHED = re.compile(rf"[\[(]?(?:Translated|Originally|Original|First|Published|Posted|Updated)\b[^\n]{{0,60}}?"
                        rf"\b(?:[Pp]ublished|[Pp]osted)\b[^\n.;]{{0,80}}?(?P<date>{_FULL_DATE.pattern})")


def _published(paragraph: str) -> str | None:
    """The full date a short note in a report's head says the report was published on, or ``None``."""
    match = _PUBLISHED.match(paragraph[:300])
    return normalise_date(match["date"]) if match else None


# a full date in a paragraph's head, set off as datelines set it off: "DOUMA, Syria – February 12, 2025 – ...",
# "DAMASCUS, Syria (analysis, May 12, 2025) – ...", "HAREM, Syria – 22 March 2025. Three months ..."
_HEAD_DATE = re.compile(rf"^[^.!?\n]{{0,100}}?(?:[–—―(]|--|,|\s-)[ \t]*(?:[^()–—.!?\n]{{0,60}}?,[ \t]*)?"
                        rf"(?P<date>{_FULL_DATE.pattern})[ \t]*(?:[)–—―.,(]|--|\s-\s)")


def _head_date(paragraph: str) -> str | None:
    """The full date a paragraph's head sets off (see ``_HEAD_DATE``), or ``None``."""
    match = _HEAD_DATE.match(paragraph)
    return normalise_date(match["date"]) if match else None


def parse_dateline(text: str) -> tuple[str, str]:
    """Split a dateline off the start of a paragraph: ``(place, outlet)``.

    Accepts ``PLACE, Country (Outlet) – ...`` with ``–``, ``—``, ``-``, ``--`` or
    ``:`` as separator, an optional ``, Oct. 5`` date and an optional outlet.
    The first part of the place must be in capitals (``IDLIB``), unless an
    outlet in parentheses follows (``Idlib, Syria (North Press) –``). A line of
    its own may give place, outlet and date in any order (see :func:`read_header`).

    Parameters
    ----------
    text : str
        A paragraph (only its start is looked at).

    Returns
    -------
    tuple of str
        The place part and the outlet, ``("", "")`` when there is no dateline.

    Examples
    --------
    >>> parse_dateline("IDLIB, Syria (North Press) – Russian jets struck ...")
    ('IDLIB, Syria', 'North Press')
    >>> parse_dateline("HASAKAH, Syria – Turkish drones ...")
    ('HASAKAH, Syria', '')
    >>> parse_dateline("ALEPPO (Reuters) - Syrian forces ...")
    ('ALEPPO', 'Reuters')
    >>> parse_dateline("BEIRUT/ANKARA (Reuters) - Russian police deployed ...")
    ('BEIRUT/ANKARA', 'Reuters')
    >>> parse_dateline("London, Beirut – Asharq Al-Awsat")
    ('London, Beirut', 'Asharq Al-Awsat')
    >>> parse_dateline("Enab Baladi – Suwayda")
    ('Suwayda', 'Enab Baladi')
    >>> parse_dateline("Syrian forces shelled the town on Monday.")
    ('', '')
    """
    found = _head_line(text) or _dateline(text) or Header()
    return found.place, found.outlet


def _head_paragraphs(text: str, title: str) -> list[str]:
    paragraphs = []
    for line in io.StringIO(text):
        if line.strip():
            paragraphs.append(line.strip())
        if len(paragraphs) == 4:
            break
    if len(paragraphs) > 1 and paragraphs[0].lstrip("#").strip() == title:
        paragraphs = paragraphs[1:]
    return paragraphs[:3]


def _dateline(paragraph: str) -> Header | None:
    """ "IDLIB, Syria (North Press) – ..." at the start of the first body paragraph."""
    match = _DATELINE.match(paragraph)
    if match is None:
        return None
    outlet = (match["outlet"] or match["slashed"] or "").strip()
    if not _is_dateline_place(match["head"], outlet):
        return None
    day = normalise_date(match["date"]) if match["date"] else None
    rest, dated = _without_date(outlet)
    if dated:   # "(analysis, May 12, 2025)": the date, and a genre word that names no outlet
        day = day or dated
        outlet = rest.strip(" ,;") if any(ch.isupper() for ch in rest) else ""
    if not outlet and _known_outlet(match["place"]):   # "SOHR – The Internal Security Forces ..."
        return Header("", match["place"].strip(), day)
    place, _, last = match["place"].rpartition(",")
    if not outlet and place and _known_outlet(last):   # "HOMS, SANA – The General Command ..."
        return Header(place.strip(), last.strip(), day)
    return Header(match["place"].strip(), outlet, day)


def _head_line(line: str) -> Header | None:
    """A line of its own that holds only place, outlet and date, in any order:
    "Enab Baladi – Afrin countryside, Wednesday, 15 February 2023", "Idlib, SANA – 3 March 2020"."""
    rest, day = _without_date(line.strip())
    rest = _PUBLISHED_WORD.sub("", rest)   # "Published 20 January 2019": a date, no place named "Published"
    outlet = ""
    paren = re.search(r"\(([^()]{1,40})\)|/([^/]{1,30})/", rest)
    if paren:
        outlet = (paren[1] or paren[2]).strip(" \t,;")   # "(Reuters, May 12, 2025)" less its date
        rest = rest[:paren.start()] + rest[paren.end():]
    parts = [p.strip(" \t,.:") for p in _SEPARATOR.split(rest)]
    parts = [p for p in parts if p]
    if not parts and not (outlet or day):
        return None   # a line that is only a date ("December 12, 2020") dates the report
    if len(parts) > 2 or not all(_HEAD_PART.fullmatch(p) or _known_outlet(p) for p in parts):   # "Deir ez-Zor 24 | 5 September"
        return None
    if len(parts) == 1 and not (day or outlet):
        return None   # one bare name on a line is a sub-heading, not a head
    place, outlet = _place_and_outlet(parts, outlet)
    if place and not outlet and not day and len(parts) < 2:
        return None
    return Header(place, outlet, day)


_PUBLISHED_WORD = re.compile(r"^\s*(?:(?:First|Last|Originally)\s+)?(?:Published|Posted|Updated)(?:\s+on)?\b", re.I)


def _place_and_outlet(parts: list[str], outlet: str) -> tuple[str, str]:
    places = []
    for part in parts:
        pieces = [p.strip() for p in part.split(",")]
        if not outlet and _known_outlet(part):
            outlet = part
        elif not outlet and len(pieces) > 1 and _known_outlet(pieces[-1]):   # "Idlib, SANA"
            outlet, places = pieces[-1], [*places, ", ".join(pieces[:-1])]
        else:
            places.append(part)
    if len(places) == 2 and not outlet:   # "London, Beirut – Asharq Al-Awsat": the outlet second
        places, outlet = places[:1], places[1]
    return (places[0] if places else ""), outlet


def _without_date(line: str) -> tuple[str, str | None]:
    match = _FULL_DATE.search(line)
    if match is None:
        return line, None
    day = normalise_date(match.group())
    if day is None:
        return line, None
    return f"{line[:match.start()]} {line[match.end():]}", day


def _known_outlet(name: str) -> bool:
    """Whether a name is a news outlet of ``patterns.yaml`` (``not_places.media_outlets``)."""
    from geo.extract.patterns import load_patterns

    return load_patterns().outlets.fullmatch(name.strip()) is not None


def _is_dateline_place(head: str, outlet: str | None) -> bool:
    if head.split()[0].rstrip(".:").upper() in _NOT_PLACES or sum(c.isalpha() for c in head) < 3:
        return False  # "BREAKING:", "UN:" are not places
    if head.isupper():
        return True
    return bool(outlet) and all(w[0].isupper() or re.match(r"[a-z]{1,3}-", w) for w in head.split())


# --------------------------------------------------------------------------- dates


_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def normalise_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for a date in a common form; None when unknown or ambiguous.

    >>> normalise_date("October 5, 2021"), normalise_date("2021-10-05T08:00:00Z")
    ('2021-10-05', '2021-10-05')
    >>> normalise_date("05/10/2021") is None  # day or month first? refuse to guess
    True
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, _Date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric:
        return _numeric_date(*(int(g) for g in numeric.groups()))
    return _parse_free_date(text)


def _numeric_date(a: int, b: int, year: int) -> str | None:
    """``DD/MM/YYYY`` or ``MM/DD/YYYY`` when only one reading is a valid date."""
    readings = set()
    for day, month in ((a, b), (b, a)):
        try:
            readings.add(_Date(year, month, day).isoformat())
        except ValueError:
            pass
    return readings.pop() if len(readings) == 1 else None


def _parse_free_date(text: str) -> str | None:
    """Dates like ``October 5, 2021`` or ``Tue, 05 Oct 2021``; None when incomplete."""
    try:
        from dateutil import parser
    except ImportError:  # pragma: no cover - dateutil comes with trafilatura (htmldate)
        return _parse_date_formats(text)
    try:
        one = parser.parse(text, default=datetime(1901, 1, 1))
        two = parser.parse(text, default=datetime(1902, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    return one.date().isoformat() if one.date() == two.date() else None


def _parse_date_formats(text: str) -> str | None:
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None
