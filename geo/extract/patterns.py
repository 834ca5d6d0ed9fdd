"""The extraction patterns of ``gazetteer/patterns.yaml``, compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from geo.errors import RegistryError
from geo.gazetteer.sources import data_dir
from geo.model import EventType

__all__ = ["Patterns", "load_patterns", "alternation", "first_letters"]


def alternation(fragments: list[str]) -> str:
    """One regex alternation of the fragments, longest first, on word boundaries.

    When every fragment must start with one of a known set of letters, a lookahead for them comes first, so
    ``re`` skips the other words at once instead of trying each fragment there (the matches are the same).
    A long list is split by first letter (see :func:`by_first_letter`) when it can be.
    """
    frags = sorted({f for f in fragments if f}, key=len, reverse=True)
    if not frags:
        return r"(?!)"   # an empty list matches nothing
    body = "(?:" + "|".join(frags) + ")"
    first = first_letters(body)
    grouped = by_first_letter(frags) if len(frags) >= _GROUP_FROM else None
    return r"(?<![\w-])" + (f"(?=[{first}])" if first else "") + (grouped or body) + r"(?![\w-])"


_GROUP_FROM = 12   # fragments: below this, one lookahead per letter costs more than it saves


def by_first_letter(frags: list[str]) -> str | None:
    """The alternation of ``frags`` as one branch per first letter, each a lookahead for that letter (both cases)
    and then, in their order, the fragments that can start with it; ``None`` when a fragment may start with other
    than an ASCII letter or digit, may match nothing, or has a group of its own.

    At any place only the fragments that can start with its letter can match, and ``re`` tries those in the
    order of ``frags``, so the matches are those of ``(?:frag1|frag2|...)``, in any pattern that holds it.

    Examples
    --------
    >>> by_first_letter(["shelled", "held", "seized"])
    '(?:(?=[sS])(?:shelled|seized)|(?=[hH])(?:held))'
    """
    groups: dict[str, list[str]] = {}
    for frag in frags:
        chars = _first_chars(frag)
        if chars is None or not all(ch.isascii() and ch.isalnum() for ch in chars) \
                or re.compile(frag, re.IGNORECASE).groups:
            return None
        for key in sorted({ch.lower() for ch in chars}):
            groups.setdefault(key, []).append(frag)
    return "(?:" + "|".join(f"(?=[{key}{key.upper()}])(?:{'|'.join(group)})" if key != key.upper()
                            else f"(?={key})(?:{'|'.join(group)})" for key, group in groups.items()) + ")"


def first_letters(pattern: str) -> str | None:
    """A character class body (both cases) holding every character a match of ``pattern`` can start with, or
    ``None`` when that is not known (a pattern that may match nothing, or may start with any of a category)."""
    chars = _first_chars(pattern)
    if chars is None:
        return None
    return "".join(ch if ch.isascii() and ch.isalnum() else f"\\u{ord(ch):04x}" if ord(ch) < 0x10000
                   else re.escape(ch) for ch in sorted(chars))


def _first_chars(pattern: str) -> set[str] | None:
    """Every character (both cases) a match of ``pattern`` can start with, as :func:`first_letters` tells."""
    try:
        from re import _constants as c, _parser as parser   # the parser ``re`` itself uses

        found = _first_of_sequence(list(parser.parse(pattern, re.IGNORECASE)), c)
    except Exception:   # another Python's parser: no lookahead, same matches
        return None
    if found is None or found[1] or not found[0]:
        return None
    return {ch for x in found[0] for ch in (x, x.lower(), x.upper()) if len(ch) == 1}


def _first_of_sequence(items: list, c) -> tuple[set[str], bool] | None:
    """(the characters a sequence can start with, whether it can match nothing), or ``None`` when unknown."""
    chars: set[str] = set()
    for op, av in items:
        item = _first_of_item(op, av, c)
        if item is None:
            return None
        chars |= item[0]
        if not item[1]:
            return chars, False
    return chars, True


def _first_of_item(op, av, c) -> tuple[set[str], bool] | None:
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):   # \b, lookarounds: they consume nothing
        return set(), True
    if op == c.LITERAL:
        return {chr(av)}, False
    if op == c.IN:
        chars: set[str] = set()
        for member, value in av:
            if member == c.LITERAL:
                chars.add(chr(value))
            elif member == c.RANGE and value[1] - value[0] < 256:
                chars |= {chr(x) for x in range(value[0], value[1] + 1)}
            else:   # a category (\w, \s), a negation, a wide range
                return None
        return chars, False
    if op == c.SUBPATTERN:
        return _first_of_sequence(list(av[3]), c)
    if op == c.BRANCH:
        parts = [_first_of_sequence(list(branch), c) for branch in av[1]]
        if any(part is None for part in parts):
            return None
        return set().union(*(part[0] for part in parts)), any(part[1] for part in parts)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        inner = _first_of_sequence(list(av[2]), c)
        return None if inner is None else (inner[0], inner[1] or av[0] == 0)
    return None


# Lookarounds at a fragment's end; what comes before them is what the fragment consumes.
_TRAILING_LOOKS = re.compile(r"(?:\(\?<?[!=](?:[^()]|\([^()]*\))*\))+$")


def _rx(fragments: list[str]) -> re.Pattern[str]:
    for fragment in fragments:
        if re.search(r"(?:\s|\\s[+*]?)$", _TRAILING_LOOKS.sub("", fragment or "")):
            raise RegistryError(f"patterns.yaml: the pattern {fragment!r} ends on a space, so it can never match "
                                "(every pattern must end at a word boundary); end it before the space and put what "
                                "follows in a lookahead, e.g. \"left(?! it to)\"")
    try:
        return re.compile(alternation(fragments), re.IGNORECASE)
    except re.error as exc:
        bad, why = next(((f, e) for f in fragments if (e := _error_of(f)) is not None), ("?", exc))
        raise RegistryError(f"patterns.yaml: the pattern {bad!r} is not a valid regular expression ({why}); fix it "
                            "(a look-behind must have one width: write \"(?:(?<=their )|(?<=its ))\", not "
                            "\"(?<=(?:their|its) )\")") from None


def _error_of(fragment: str) -> re.error | None:
    """Why ``fragment`` does not compile, or None."""
    try:
        re.compile(fragment, re.IGNORECASE)
    except re.error as exc:
        return exc
    return None


@dataclass(frozen=True)
class Patterns:
    """Compiled patterns; see ``gazetteer/patterns.yaml`` for what each list means."""

    events: dict[EventType, re.Pattern[str]]
    events_if_possible: dict[EventType, re.Pattern[str]]
    event_stop_after: re.Pattern[str]
    control: dict[str, re.Pattern[str]]
    modality: dict[str, re.Pattern[str]]
    route_from: re.Pattern[str]
    route_to: re.Pattern[str]
    route_to_after_leaving: re.Pattern[str]
    route_arrival: re.Pattern[str]
    exchange: dict[str, re.Pattern[str]]
    process_after: re.Pattern[str]
    process_before: re.Pattern[str]
    capital_verbs: re.Pattern[str]
    person_before: re.Pattern[str]
    person_after: re.Pattern[str]
    person_roles: re.Pattern[str]
    organisations: re.Pattern[str]
    outlets: re.Pattern[str]
    given_names: frozenset[str]
    locatives: frozenset[str]
    name_enders: frozenset[str]
    stopwords: frozenset[str]


def _section(data: dict, key: str, path: Path) -> dict | list:
    if key not in data:
        raise RegistryError(f"{path}: the section {key!r} is missing; see the file's header for its layout")
    return data[key]


def _event_lists(section: dict, path: Path) -> dict[EventType, re.Pattern[str]]:
    known = {e.value: e for e in EventType}
    for name in section:
        if name not in known:
            raise RegistryError(f"{path}: event type {name!r} is unknown; use one of {', '.join(known)}")
    return {known[name]: _rx(frags) for name, frags in section.items()}


@lru_cache(maxsize=4)
def load_patterns(path: Path | None = None) -> Patterns:
    """Load and compile the pattern file (cached).

    Raises
    ------
    RegistryError
        When the file is missing a section or names an unknown event type.
    """
    path = path or data_dir() / "patterns.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"{path}: cannot read the pattern file ({exc})") from exc
    events = _event_lists(_section(data, "events", path), path)
    np = _section(data, "not_places", path)
    route = _section(data, "route", path)
    return Patterns(
        events=events,
        events_if_possible=_event_lists(data.get("events_if_possible", {}), path),
        event_stop_after=_rx(data.get("event_stop_after", [])),
        control={k: _rx(v) for k, v in _section(data, "control", path).items()},
        modality={k: _rx(v) for k, v in _section(data, "modality", path).items()},
        route_from=_rx(route["from"]), route_to=_rx(route["to"]),
        route_to_after_leaving=_rx(route.get("to_after_leaving", []) + route["to"]),
        route_arrival=_rx(route.get("arrival", [])),
        exchange={k: _rx(v) for k, v in _section(data, "exchange", path).items()},
        process_after=_rx(np["process_after"]), process_before=_rx(np["process_before"]),
        capital_verbs=_rx(np["capital_as_government_verbs"]),
        person_before=_rx(np["person_before"]), person_after=_rx(np["person_after"]),
        person_roles=_rx(np.get("person_roles", [])),
        organisations=re.compile(   # every alternative starts with a capital: the lookahead skips the rest fast
            r"(?=[A-Z])(?:(?:[A-Z][\w’'-]*\s+(?:(?:of|for|the|al|el)[-\s]+)?){1,5}(?:" + "|".join(np.get("organisation_words", [])) + r")\b"
            r"|\b(?:Ministry|Department|Office|Directorate|Council|Committee|League|Union) (?:of|for) (?:the )?"
            r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*"
            + "".join(rf"|\b{name}\b" for name in np.get("media_outlets", [])) + ")"),
        outlets=re.compile("|".join(np.get("media_outlets", [])) or r"(?!)"),
        given_names=frozenset(n.casefold() for n in np["given_names"]),
        locatives=frozenset(w.casefold() for w in data.get("locatives", [])),
        name_enders=frozenset(w.casefold() for w in data.get("name_enders", [])),
        stopwords=frozenset(str(data.get("stopwords", "")).casefold().split()),
    )
