"""From raw name matches to resolved places: context filters, then ranking with focus.

Filters drop matches that are not places where something happens: names
inside an actor's name (*Manbij* Military Council), people (*Mustafa
Bakour*, and *Bakour* later on), processes (*Astana* talks, a round of
*Astana*), capitals that stand for their governments (*Moscow* had not
responded), and dates (*March* 2020).

Resolution runs twice: first with the article's countries (dateline and
country names) as focus, then with the points of the confidently resolved
places, so that one ambiguous or unknown name never drops the others.
A far-away place (over 1,000 km from the article's centre) is kept only
after a locative word ("in Sochi").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from geo.distance import distance_km
from geo.extract.actors import ActorMention
from geo.extract.mentions import ADJECTIVE_ENDINGS, FACILITY, RawMention
from geo.extract.patterns import Patterns
from geo.extract.relative import relative_before
from geo.gazetteer import Focus, Gazetteer
from geo.gazetteer.fold import NAME_PARTS, fold, fold_word
from geo.gazetteer.sources import capital_names
from geo.model import Candidate, Place, PlaceType

__all__ = ["Resolved", "person_spans", "drop_non_places", "resolve_mentions", "told_offsets", "far_filter",
           "longer_names", "taken_place"]

_RUN = re.compile(r"[A-Z][\w’'‘-]*(?:\s+(?:(?:al|el|bin|ibn|bint|abu)[-\s])?[A-Z][\w’'‘-]*)*")
_NUMBER_NEAR = re.compile(r"^\s*\d|\d\s*$")
_FAR_KM = 1000.0
_KUNYA = frozenset({"abu", "umm"})   # "Abu Rasin" is also how towns are named: no surname to remember


@dataclass(frozen=True, slots=True)
class Resolved:
    """A place mention with its chosen place and the candidates considered."""

    start: int
    end: int
    surface: str
    key: str
    tier: str
    place: Place | None
    candidates: tuple[Candidate, ...] = ()


def person_spans(text: str, patterns: Patterns) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of personal names: runs of two or more capitalised words that start with a
    given name or follow a title, and (second list) later mentions of their surnames."""
    spans: list[tuple[int, int]] = []
    later: list[tuple[int, int]] = []
    surnames: dict[str, int] = {}   # surname -> where its full name ends
    for m in _RUN.finditer(text):
        start, words = _person_part(text, m, patterns)
        if len(words) < 2 and _described_as_person(text, m, patterns):
            start, words = m.start(), m.group().split()
        if len(words) < 2:
            continue
        spans.append((start, m.end()))
        if words[0].casefold() not in _KUNYA:
            for w in words[1:]:
                if len(w) > 3 and w[0].isupper():
                    surnames.setdefault(w, m.end())
    for name, first in surnames.items():   # "Bakour said", after "Mustafa Bakour"; a byline at the end hides nothing
        later += [m.span() for m in re.finditer(rf"\b{re.escape(name)}\b", text) if m.start() >= first]
    return spans, later


@lru_cache(maxsize=64)
def _rx(pattern: str, before: str = "", after: str = "") -> re.Pattern[str]:
    """A pattern of ``patterns.yaml`` with a context added before and after, compiled once."""
    return re.compile(before + pattern + after, re.I)


def _person_part(text: str, m: re.Match[str], patterns: Patterns) -> tuple[int, list[str]]:
    """The part of a capitalised run that names a person: from a given name, or from the word
    after a title ("Turkish Defence Minister Hulusi Akar" → "Hulusi Akar"); ``[]`` if none."""
    before = text[max(0, m.start() - 30):m.start()]
    if _rx(patterns.person_before.pattern, "", r"[\s,]*$").search(before):
        return m.start(), m.group().split()
    offset = 0
    for word in m.group().split(" "):
        if word.casefold().strip("’'") in patterns.given_names:
            return m.start() + offset, m.group()[offset:].split()
        if _rx(patterns.person_before.pattern).fullmatch(word):
            rest = m.group()[offset + len(word):]
            return m.start() + offset + len(word) + (len(rest) - len(rest.lstrip())), rest.split()
        offset += len(word) + 1
    return m.start(), []


_ROLE_OPENS = re.compile(r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,4}?")


def _described_as_person(text: str, m: re.Match[str], patterns: Patterns) -> bool:
    """A run of two or three capitalised words that the text describes as a person: "Jihan Ali, a
    member of the committee", "Farhad Sheikhmous said"."""
    if not 2 <= len(m.group().split()) <= 3:
        return False
    after = text[m.end():m.end() + 60]
    role = _ROLE_OPENS.match(after)
    if role and _rx(patterns.person_roles.pattern).match(after, role.end()):
        return True
    words = m.group().split()
    placelike = "-" in m.group() or fold_word(words[0]) in NAME_PARTS   # "Ras al-Ain said" is no person
    placelike = placelike or _after_locative(text, m.start())   # "a source in Albu Kamal said"
    return not placelike and bool(_rx(patterns.person_after.pattern, r"\s+").match(after))


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def drop_non_places(text: str, raw: list[RawMention], actors: list[ActorMention],
                    patterns: Patterns, country: str = "") -> list[RawMention]:
    """Remove matches inside actor names or personal names, and process, date and
    government-metonym uses (``country``: the report's, whose capital is no foreign venue)."""
    home = fold(capital_names().get(country, "")) if country else ""
    actor_spans = [(a.start, a.end) for a in actors if not a.adjective]
    people, surnames = person_spans(text, patterns)
    orgs = [m.span() for m in patterns.organisations.finditer(text)]
    outlets = {m.span() for m in patterns.outlets.finditer(text)}   # "told Rudaw": an outlet named alone
    keep = []
    for m in raw:
        span = (m.start, m.end)
        if ((_overlaps(span, people) and (span not in people or m.tier == "skeleton")) or _overlaps(span, surnames)) \
                and not _typed_place(text, m, people):
            continue
        bare = m.end - 2 if text[m.end - 2:m.end] in ("'s", "’s") else m.end   # "SANA's reporter"
        if any(_within(text, m.start, bare, a, b) and (a, b) != span for a, b in orgs) or (m.start, bare) in outlets:
            continue
        if any(a < m.end and m.start < b and not _names_around(text, m, (a, b)) for a, b in actor_spans) \
                and not (span in actor_spans and (_after_locative(text, m.start) or taken_place(text, m.start)
                                                  or struck_capital(text, m.start, bare))
                         and bare == m.end and not text[m.start:m.end].isupper()):
            continue   # "in Turkey" is a place; "in the SNA's operations room", "in the SDF" are not
        if _process(text, m, patterns) or _government(text, m, patterns) or _owner_of_actor(text, m, actor_spans) \
                or _capital_as_party(text, m.start, bare, home):
            continue
        if _NUMBER_NEAR.search(text[max(0, m.start - 3):m.start]) and m.tier != "exact":
            continue
        keep.append(m)
    return keep


def _within(text: str, start: int, end: int, a: int, b: int) -> bool:
    """A name inside an organisation's name, or one whose article only precedes it ("al-Quds al-Arabi said")."""
    return (a <= start or (a - start <= 3 and text[start:a].casefold() in ("al-", "el-", "al "))) and end <= b


def _names_around(text: str, m: RawMention, actor: tuple[int, int]) -> bool:
    """ "the Damascus-Aleppo highway", "Damascus International Airport": a gazetteer name that joins an actor's name
    to another one, or says what kind of place it is, is the place."""
    return m.tier == "exact" and m.start <= actor[0] and actor[1] <= m.end and (m.start, m.end) != actor \
        and ("-" in text[actor[0] - 1:actor[1] + 1].replace("–", "-") or _PLACE_TYPE_WORD.match(text, actor[1], m.end))


_PLACE_TYPE_WORD = re.compile(r"\s+(?:(?:military|international)\s+)?(?:air\s*base|airbase|airport|camp|crossing|dam|village|town|field|"
                              r"bridge|roundabout|prison)\b", re.I)


def _typed_place(text: str, m: RawMention, people: list[tuple[int, int]]) -> bool:
    """ "the Abu al-Duhur airbase", "the airbase of Abu al-Duhur": a name that reads like a person's, with what
    kind of place it is."""
    return any(m.start <= a and b < m.end and _PLACE_TYPE_WORD.match(text, b, m.end) for a, b in people) \
        or _FACILITY_FIRST.match(text, m.start, m.end) is not None


_FACILITY_FIRST = re.compile(rf"(?:the\s+)?{FACILITY}\s+of\s", re.I)   # a mention that _facility_of widened


_POSSESSIVE = re.compile(r"['’]s\s+(?:own\s+)?")


def _owner_of_actor(text: str, m: RawMention, actor_spans: list[tuple[int, int]]) -> bool:
    """ "Lebanon's Hezbollah", "Turkey's army": the country names whose force it is, not a place."""
    end = m.end - 2 if text[m.end - 2:m.end] in ("'s", "’s") else m.end   # a word's span keeps its "'s"
    after = _POSSESSIVE.match(text[end:end + 8])
    return bool(after) and any(a == end + after.end() for a, _ in actor_spans)


def _process(text: str, m: RawMention, patterns: Patterns) -> bool:
    after = text[m.end:m.end + 20]
    before = text[max(0, m.start - 25):m.start]
    return bool(_rx(patterns.process_after.pattern, r"\s+").match(after)
                or _rx(patterns.process_before.pattern, "", r"\s+$").search(before))


_COORDINATED_AUX = re.compile(r"(?:\s+and\s+[A-Z][\w-]+)?\s+(?:(?:had|has|have)\s+(?:not\s+)?(?:yet\s+)?)?")
_PEOPLE_OF = re.compile(r"\b(?:residents|people|inhabitants|mayor|notables|elders|council|families)\s+of\s+$", re.I)


def _government(text: str, m: RawMention, patterns: Patterns) -> bool:
    """A name used as its government: "<X> said", "<X> and <Y> described", "<X> had not"."""
    after = text[m.end:m.end + 60]
    coord = _COORDINATED_AUX.match(after)
    rest = after[coord.end():] if coord else after
    of_place = _PEOPLE_OF.search(text[max(0, m.start - 30):m.start])   # "Residents of Tal Abyad said"
    return bool(patterns.capital_verbs.match(rest)) and not _after_locative(text, m.start) and not of_place


# "talking to Beirut", "pressure from Washington", "relations between Damascus and Beirut": a capital dealt with
_DEALT_WITH = re.compile(r"\b(?i:talk(?:s|ed|ing)?|spoke|speak(?:s|ing)?|negotiat\w+|relations|ties|contacts?|"
                         r"coordinat\w+|dialogue|channels?|messages?|pressure|appeals?|requests?|envoys?|mediation)\s+"
                         r"(?:[\w-]+\s+){0,4}?(?i:to|from|with|by|between)\s+(?:[A-Z][\w’'-]+\s*(?:,|and|,\s*and)\s+)?$")
# "a Beirut newspaper", "the same Damascus daily": where an outlet is based
_OUTLET_NOUN = re.compile(r"\s+(?:news(?:paper)?|daily|weekly|paper|website|channel|television|TV|radio|outlet|magazine)\b",
                          re.I)
# "two diplomats in Beirut say", "a security official in Damascus said": where speakers sit
SPEAKERS_IN = re.compile(r"\b(?:officials?|sources?|spokes(?:man|woman|person)|activists?|correspondents?|reporters?|"
                         r"journalists?|diplomats?|analysts?|people|observers?|experts?|researchers?|envoys?)\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:in|from)\s+(?:the\s+)?$", re.I)
_SAY = re.compile(r"\s+(?:say|says|said|told|believe|believed|expect|expected|warn|warned)\b")


def _capital_as_party(text: str, start: int, end: int, home: str) -> bool:
    """A capital that is a government dealt with ("talking to Beirut"), an outlet's base ("a Beirut newspaper") or,
    abroad, where speakers sit ("diplomats in Amman say"): no place of the report."""
    name = fold(text[start:end])
    if name not in _capitals():
        return False
    before = text[max(0, start - 60):start]
    return _OUTLET_NOUN.match(text, end) is not None or _DEALT_WITH.search(before) is not None \
        or (name != home and SPEAKERS_IN.search(before) is not None and _SAY.match(text, end) is not None)


_LOCATIVE = re.compile(r"\b(?i:in|at|to|from|near|into|towards|inside|outside|"
                       r"(?:(?:north|south)(?:[\s-]?(?:east|west))?|east|west)\s+of|"   # "southwest of Damascus"
                       r"(?:outskirts|countryside|suburbs|environs|vicinity|edge)\s+of)\s+(?:the\s+)?"
                       r"(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*\s*(?:,|and|,\s*and)\s+)?$")


# "fighters who had just taken Damascus", "HTS, which took over Damascus", "the fall of Damascus": the capital taken
# is the city, not its government
_TAKEN_PLACE = re.compile(r"\b(?:captured|seized|took|taken|retook|retaken|entered|stormed|besieged|encircled|"
                          r"(?:took|taken|taking|takes|take)\s+over|"
                          r"overran|overrun|liberated|(?:fall|capture|recapture|seizure|siege|encirclement|liberation)"
                          r"\s+of)\s+$", re.I)

# "Israeli jets struck Damascus", "mortar fire on Damascus": what fire hits is a place, not the government
_STRUCK = re.compile(r"\b(?:struck|hit|shelled|bombed|bombarded|pounded|(?:air\s*)?strikes?\s+on|(?:shelling|bombing|"
                     r"bombardment)\s+of|(?:fire|rockets?|missiles?|shells?)\s+(?:on|at))\s+$", re.I)


def struck_capital(text: str, start: int, end: int) -> bool:
    """True when the name at ``start:end`` is a capital that fire hits ("jets struck Damascus", "rockets at
    Ankara"): the city, not its government (as in "Damascus struck a deal").

    Examples
    --------
    >>> struck_capital("Israeli jets struck Damascus", 20, 28), struck_capital("Damascus struck a deal", 0, 8)
    (True, False)
    """
    return fold(text[start:end]) in _capitals() and _STRUCK.search(text, max(0, start - 30), start) is not None


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(fold(name) for name in capital_names().values())

def taken_place(text: str, start: int) -> bool:
    """True when the name at ``start`` is what a capture takes ("had just taken Damascus", "the fall of Kabul").

    Examples
    --------
    >>> taken_place("HTS had just taken Damascus", 19), taken_place("Damascus said", 0)
    (True, False)
    """
    return _TAKEN_PLACE.search(text, max(0, start - 30), start) is not None


_NOT_LOCATIVE = re.compile(r"\b(?:according|close|due|thanks)\s+to\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s+)*$", re.I)


def _after_locative(text: str, start: int) -> bool:
    """True after "in", "at", "to", "from", "near"... (also "in Berlin and" before the second name),
    but not after "according to"."""
    before = text[max(0, start - 40):start]
    return bool(_LOCATIVE.search(before)) and not _NOT_LOCATIVE.search(before)


def _countries(ranked: list[Resolved]) -> frozenset[str]:
    """The countries the article names most often (as country names, not towns)."""
    counts: dict[str, int] = {}
    for r in ranked:
        if r.tier == "exact" and r.place is not None and r.place.type == PlaceType.COUNTRY:
            counts[r.place.country] = counts.get(r.place.country, 0) + 1
    return frozenset(c for c, n in counts.items() if n == max(counts.values())) if counts else frozenset()


def resolve_mentions(text: str, raw: list[RawMention], gaz: Gazetteer,
                     dateline_country: str = "", dateline: tuple[int, int] = (0, 0)) -> list[Resolved]:
    """Resolve each mention with the article's countries and confident places as focus.

    A first, focus-free ranking finds the countries named and the names with a
    clear winner; the second ranks every name again with those as focus.
    """
    first = _rank_all(text, raw, gaz, None)
    countries = _countries(first) | ({dateline_country} if dateline_country else frozenset())
    centre = _centre([r for r in first if _confident(r)], frozenset(countries))
    told: dict[tuple[float, float], str] = {}   # each confident place's point, with the name that told it first
    for r in first:
        if r.place and r.place.type != PlaceType.COUNTRY and _confident(r) \
                and _near_any(r.place, ((centre.lat, centre.lon),) if centre else (), 600.0):
            told.setdefault((round(r.place.lat, 2), round(r.place.lon, 2)), r.key)
    known = tuple(told)
    filed_at = {r.key for r in first if dateline[0] <= r.start < dateline[1]}   # "ERBIL, Kurdistan Region –": where
    #                                                                             the report was filed, near or far

    def focus(key: str) -> Focus:   # a name is no focus for itself: the far Sinjar does not pull "Sinjar" to it
        return Focus(countries=frozenset(countries), radius_km=150.0,
                     points=tuple(pt for pt in known if told[pt] != key or key in filed_at)[:8])
    ranked = _rank_all(text, raw, gaz, focus)
    told_in = {(r.place.country, r.key) for r in first if r.place and _confident(r)}

    def home(r: Resolved) -> frozenset[str]:   # the countries named, or told by another clear place
        return frozenset(countries) | {country for country, key in told_in if key != r.key}
    # a round-up's last region is judged too
    return told_offsets(text, [_plausible(text, r, known, dateline, home(r)) for r in ranked])


# Between a name and the distance told of it: "al-Mabujah, a farming village of about 3,000 people some",
# "Kessab lies at the foot of the mountain, about"
_TOLD_GAP = re.compile(r"(?:,|\s+(?:lies|lay|is|was|sits|sat|stands))(?:\s+[^.;:()\n]{0,100})?\s+")
_TOLD_SLACK = 0.35   # a reporter's "about 24 km" is as the crow flies, rounded


def _fits(a: Place, b: Place, told: float) -> bool:
    return abs(distance_km(a.lat, a.lon, b.lat, b.lon) - told) <= max(5.0, _TOLD_SLACK * told)


def told_offsets(text: str, resolved: list[Resolved]) -> list[Resolved]:
    """Choose between namesakes with the distance the text tells: "al-Mabujah, a farming village some
    24 kilometres east-northeast of Salamiyah" is the Mabujah 24 km from Salamiyah, not its namesake near
    al-Bab; "Aqarib, 7 km west of al-Mabujah" picks Aqarib's the same way. Every mention of a name follows.

    Examples
    --------
    >>> told_offsets("", [])
    []
    """
    chosen: dict[str, Place] = {}
    before: dict[int, tuple[str, int, str, float] | None] = {}   # the phrase before each name, read once
    for i, r in enumerate(resolved):
        for y in resolved[i + 1:i + 4]:
            if len(r.candidates) < 2 and len(y.candidates) < 2:
                continue   # nothing to choose between
            if y.start - r.end <= 160 and y.start not in before:
                before[y.start] = relative_before(text, y.start)
            rel = before[y.start] if y.start - r.end <= 160 else None
            if rel is None or rel[0] != "offset" or not _TOLD_GAP.fullmatch(text, r.end, rel[1]):
                continue
            a, b = chosen.get(r.key, r.place), chosen.get(y.key, y.place)
            if a is not None and b is not None and not _fits(a, b, rel[3]):
                pairs = [(ca.place, cb.place) for ca in (r.candidates or ()) for cb in (y.candidates or ())
                         if _fits(ca.place, cb.place, rel[3])]
                if pairs:
                    chosen[r.key], chosen[y.key] = pairs[0]
            break
    if not chosen:
        return resolved
    return [Resolved(r.start, r.end, r.surface, r.key, r.tier, chosen[r.key], r.candidates)
            if r.key in chosen and r.place is not None and r.place is not chosen[r.key] else r for r in resolved]


_SMALL_KM = 150.0   # a village or town named in a report lies near the report's other places
_SMALL = frozenset({PlaceType.VILLAGE, PlaceType.NEIGHBOURHOOD})
_TYPE_WORD_BEFORE = re.compile(r"\b(?:village|hamlet)s?\s+of\s+(?:the\s+)?(?:(?:al|el|ad|ar|as|ash|at|az|an)[-\s])?$", re.I)


def _near_any(place: Place, points: tuple[tuple[float, float], ...], km: float) -> bool:
    return not points or any(distance_km(place.lat, place.lon, lat, lon) <= km for lat, lon in points)


def _hand_curated(place: Place) -> bool:
    """A row of ``places.csv`` (checked by hand), not GeoNames nor the bulk village list."""
    return place.source.startswith("overlay:")


def _plausible(text: str, r: Resolved, points: tuple[tuple[float, float], ...] = (),
               dateline: tuple[int, int] = (0, 0), countries: frozenset[str] = frozenset()) -> Resolved:
    """Unresolve a match the text contradicts: "the village of Sayda" is not the city of Sidon,
    "SDF" is not an airport code of Louisville, and a report on Raqqa's "Old City" is not about the town of that
    name in Jerusalem (a town over 300 km from all the report's other places, in a country neither named nor
    told by a clear place). The name stays as an unknown mention."""
    if r.place is None:
        return r
    own = {(round(c.place.lat, 2), round(c.place.lon, 2)) for c in r.candidates}
    points = tuple(p for p in points if p not in own)   # judge a name by the article's other places
    curated = _hand_curated(r.place)
    acronym = r.surface.isupper() and len(r.surface) <= 4 and not any(c.isdigit() for c in r.surface) \
        and not dateline[0] <= r.start < dateline[1]   # "HOMS, Syria (North Press) –": a dateline, in capitals
    if acronym and not curated and r.place.type != PlaceType.COUNTRY:
        return Resolved(r.start, r.end, r.surface, r.key, "pattern", None)
    if _TYPE_WORD_BEFORE.search(text[max(0, r.start - 30):r.start]) and r.place.type not in _SMALL \
            and points and not _near_any(r.place, points, 2 * _SMALL_KM):
        small = [c for c in r.candidates if c.place.type in _SMALL and _near_any(c.place, points, _SMALL_KM)]
        if small:
            return Resolved(r.start, r.end, r.surface, r.key, r.tier, small[0].place, r.candidates)
        return Resolved(r.start, r.end, r.surface, r.key, "pattern", None)
    if r.place.type == PlaceType.TOWN and not curated and r.place.country not in countries \
            and not dateline[0] <= r.start < dateline[1] and not _near_any(r.place, points, 2 * _SMALL_KM):
        # "the Old City" of Homs is not Jerusalem's
        near = [c for c in r.candidates[1:] if _near_any(c.place, points, _SMALL_KM)]
        return Resolved(r.start, r.end, r.surface, r.key, r.tier, near[0].place, r.candidates) if near \
            else Resolved(r.start, r.end, r.surface, r.key, "pattern", None)
    if r.place.type in _SMALL and not curated and not _near_any(r.place, points, _SMALL_KM):
        other = [c for c in r.candidates[1:] if c.place.type not in _SMALL or _hand_curated(c.place)
                 or _near_any(c.place, points, _SMALL_KM)]
        if other:
            return Resolved(r.start, r.end, r.surface, r.key, r.tier, other[0].place, r.candidates)
        return Resolved(r.start, r.end, r.surface, r.key, "pattern", None)
    return r


def _confident(r: Resolved) -> bool:
    if r.tier != "exact" or not r.candidates:
        return False
    return len(r.candidates) == 1 or r.candidates[0].score - r.candidates[1].score > 0.5


def _theatre() -> frozenset[str]:
    from geo.gazetteer.store import THEATRE_COUNTRIES

    return THEATRE_COUNTRIES


def _trusted_for_skeleton(place: Place) -> bool:
    from geo.gazetteer.store import THEATRE_COUNTRIES

    return not place.source.startswith("GeoNames") or place.country in THEATRE_COUNTRIES


def _rank_all(text: str, raw: list[RawMention], gaz: Gazetteer,
              focus: Callable[[str], Focus] | None) -> list[Resolved]:
    cache: dict[tuple[str, str], list[Candidate]] = {}
    out = []
    for m in raw:
        surface = text[m.start:m.end]
        if m.tier == "pattern":
            out.append(Resolved(m.start, m.end, surface, m.key, m.tier, None))
            continue
        if (m.key, m.tier) not in cache:
            from geo.gazetteer.gazetteer import merge_same_places

            found = gaz.candidates(m.key, focus=focus(m.key) if focus else None, tier=m.tier, query=surface)
            if m.tier == "skeleton":
                found = [c for c in found if _trusted_for_skeleton(c.place)]
            cache[(m.key, m.tier)] = merge_same_places(found)[:5]
        cands = cache[(m.key, m.tier)]
        out.append(Resolved(m.start, m.end, surface, m.key, m.tier, cands[0].place if cands else None,
                            tuple(cands)))
    return out


def _centre(resolved: list[Resolved], countries: frozenset[str]) -> Place | None:
    """The article's centre: the place with most other places within 500 km (ties: a place
    in the article's countries or the curated overlay, then the first named)."""
    local = list({r.place.id: r.place for r in resolved if r.place and r.place.type != PlaceType.COUNTRY}.values())
    if not local:
        return None

    near = [0] * len(local)   # the distance is symmetric: each pair is measured once
    for i, p in enumerate(local):
        for j in range(i + 1, len(local)):
            q = local[j]
            if abs(p.lat - q.lat) < 5 and abs(p.lon - q.lon) < 6 and distance_km(p.lat, p.lon, q.lat, q.lon) <= 500.0:
                near[i] += 1
                near[j] += 1
    theatre = _theatre()

    def weight(i: int) -> float:
        p = local[i]
        home = 0.5 if p.country in countries or p.source.startswith("overlay") else 0.0
        return near[i] + home + (0.25 if p.country in theatre else 0.0)

    return local[max(range(len(local)), key=weight)]


def _venue(place: Place, countries: frozenset[str]) -> bool:
    """A far place a report can name as a venue ("talks in Sochi"): a city, or any place of a
    country the article names. A far small town after "in" ("deployed in Arima") is a local
    place the gazetteer lacks, not Arima in Trinidad."""
    return place.type == PlaceType.CITY or place.country in countries


# "in al-Qusour neighbourhood": a part of a town of the story, not a far city of that name
_LOCAL_KIND = re.compile(r"\s+(?:neighbou?rhood|district|quarter|suburb|village|camp|square|road|highway|street|corridor|crossing)\b", re.I)


def far_filter(text: str, resolved: list[Resolved], countries: frozenset[str] = frozenset()) -> list[Resolved]:
    """Unresolve far-away places (> 1,000 km from the article's centre) unless after a locative
    word: the name stays as an unknown mention, which a locator ("Saida, north of Raqqa") may
    still place, and otherwise maps nothing."""
    centre = _centre(resolved, countries)
    if centre is None:
        return resolved
    keep = []
    for r in resolved:
        if r.place and r.place.type != PlaceType.COUNTRY and \
                distance_km(centre.lat, centre.lon, r.place.lat, r.place.lon) > _FAR_KM and \
                not (_after_locative(text, r.start) and _venue(r.place, countries) and r.tier == "exact"
                     and not _LOCAL_KIND.match(text, r.end)):
            # not that far-away place; the name may still be a local place the text locates
            r = Resolved(r.start, r.end, r.surface, r.key, "pattern", None)
        keep.append(r)
    return keep


_SMALL_TYPES = frozenset({PlaceType.VILLAGE, PlaceType.NEIGHBOURHOOD, PlaceType.LANDMARK})
_NEXT_WORD = re.compile(r" ([A-Z][\w’'-]*[a-z][\w’'-]*)")
_PREV_WORD = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*[a-z][\w’'-]*) $")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?\n:“\"]\s*)$")


def longer_names(text: str, resolved: list[Resolved], actors: list[ActorMention],
                 stopwords: frozenset[str]) -> list[Resolved]:
    """A village matched on one word of a longer name ("Zor Maghar" taken as "Zor", "Arab Hassan" as
    "Hassan") is a place the gazetteer lacks: the whole name stays as an unknown mention, which a
    locator or its area may place, instead of a namesake elsewhere."""
    taken = [(a.start, a.end) for a in actors] + [(r.start, r.end) for r in resolved]
    out: list[Resolved] = []
    for r in resolved:
        if r.place is None or r.place.type not in _SMALL_TYPES or r.tier == "pattern":
            out.append(r)
            continue
        start, end = r.start, r.end
        nxt = _NEXT_WORD.match(text, end)
        if nxt and _name_word(nxt.group(1), stopwords) and not _overlaps(nxt.span(1), taken):
            end = nxt.end(1)
        prev = _PREV_WORD.search(text, max(0, start - 30), start)
        if prev and _name_word(prev.group(1), stopwords) and not _overlaps(prev.span(1), taken) \
                and not _OPENS_SENTENCE.search(text[max(0, prev.start(1) - 3):prev.start(1)]):
            start = prev.start(1)
        if (start, end) == (r.start, r.end):
            out.append(r)
        else:
            out.append(Resolved(start, end, text[start:end], "", "pattern", None))
    return out


def _name_word(word: str, stopwords: frozenset[str]) -> bool:
    """A word that can continue a name: not a stopword nor a demonym ("the Yarmouk Palestinian camp"), nor a
    compound adjective ("the Kurdish-majority Sheikh Maqsoud neighbourhood", "Turkish-held")."""
    w = word.casefold()
    head, _, tail = w.partition("-")
    compound = bool(tail) and (head.endswith(ADJECTIVE_ENDINGS) or tail in _ADJECTIVE_TAILS)
    return w not in stopwords and len(w) > 2 and not w.endswith(ADJECTIVE_ENDINGS) and not compound


_ADJECTIVE_TAILS = frozenset({"majority", "minority", "held", "controlled", "run", "led", "backed", "dominated",
                              "populated", "inhabited", "based", "owned", "speaking"})
