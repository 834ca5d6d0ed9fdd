"""Extraction of one article: a pure function of (article, gazetteer, registry, patterns).

:func:`extract` returns an :class:`Extraction` holding plain picklable values
(places, claims, and the mentions considered), so the same code runs
serially, in a process pool or on a cluster; aggregation across articles is a
separate step.
"""
from __future__ import annotations

import hashlib
import operator
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import shapely
import shapely.ops

from geo.extract.actors import Registry, find_actors, in_their_time, load_registry
from geo.extract.captured import held_by_captors
from geo.extract.claims import Draft, Memory, SentenceContext, read_sentence
from geo.extract.dates import date_in
from geo.extract.interviews import answer_spans
from geo.extract.locations import ROAD_WORD, Loc, area_of, around_a_point, build_locs, representative
from geo.extract.mentions import RawMention, find_pattern_mentions, find_place_mentions
from geo.extract.patterns import Patterns, load_patterns
from geo.extract.resolve import (Resolved, drop_non_places, far_filter, longer_names, resolve_mentions, struck_capital,
                                taken_place)
from geo.extract.routes import route_line
from geo.extract.sentence import names_source, unique_actors
from geo.extract.text import Sentence, sentences
from geo.gazetteer import Gazetteer, default_gazetteer
from geo.gazetteer.fold import tokens
from geo.model import LINEAR_TYPES, Article, Claim, ClaimKind, Modality, Place, PlaceType

__all__ = ["PlaceRecord", "Extraction", "extract"]


@dataclass(frozen=True)
class PlaceRecord:
    """A distinct place of an article, with every span that named it."""

    place: Place | None
    name: str
    spans: tuple[tuple[int, int], ...]
    surfaces: tuple[str, ...]
    geometry: bytes
    geo_precision: int
    candidates: tuple[dict, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """What one article yields."""

    article: Article
    places: tuple[PlaceRecord, ...]
    claims: tuple[Claim, ...]
    unresolved: tuple[str, ...] = field(default=())


def _dateline_country(article: Article, gaz: Gazetteer) -> str:
    parts = [p.strip() for p in article.dateline.split(",") if p.strip()]
    for part in reversed(parts):
        found = gaz.lookup(part, limit=1, fuzzy=False)
        if found and found[0].place.country:
            return found[0].place.country
    return ""


def _places_country(text: str, raw: list[RawMention], gaz: Gazetteer, registry: Registry) -> str:
    """The country most of the first names a report gives are in, when it never names a theatre's country
    ("HOMS, SANA – ... the army's 11th Division": the Syrian army); "" when it names one."""
    if not registry.country_armies or any(word.search(text) for word, _ in registry.armies):
        return ""
    countries = Counter(found[0].place.country for r in raw[:_FIRST_NAMES] if r.tier == "exact"
                        and (found := gaz.lookup(text[r.start:r.end], limit=1, fuzzy=False)))
    return countries.most_common(1)[0][0] if countries else ""


_FIRST_NAMES = 12


def _resolved(article: Article, gaz: Gazetteer, registry: Registry, patterns: Patterns, dateline: tuple[int, int],
              sents: list[Sentence]):
    text = article.text
    toks = tokens(text)
    keys, skels, prefixes = gaz.keys()
    raw = find_place_mentions(text, keys, skels, prefixes, patterns.stopwords, toks, patterns.name_enders)
    raw += find_pattern_mentions(text, raw, patterns.stopwords)
    country = _dateline_country(article, gaz)
    home = country or _places_country(text, raw, gaz, registry)
    actors = find_actors(text, registry, toks, home)
    if registry.eras:
        dated = _sentence_dates(text, sents, article.date)
        actors = in_their_time(actors, registry, dated)
    placed = {(r.start, r.end) for r in raw}   # "the Barzeh district of northern Damascus": the city, not the government
    actors = [a for a in actors if (a.start, a.end) not in placed or not (
        _WHERE_BEFORE.search(text, max(0, a.start - 30), a.start)
        or _BORDER_WITH.search(text, max(0, a.start - 30), a.start)
        or _ROAD_END.match(text, a.end) or (_ROAD_START.search(text, max(0, a.start - 30), a.start)
                                            and ROAD_WORD.match(text, a.end))
        or _starts_route(text, a.start, a.end)
        or ((taken_place(text, a.start) or struck_capital(text, a.start, a.end))
            and not text[a.start:a.end].isupper()))]   # not "seized SDF checkpoints"
    raw = _with_peaks(text, drop_non_places(text, raw, actors, patterns, home), raw, gaz)
    actors = [a for a in actors if not any(r.start <= a.start and a.end <= r.end and (r.start, r.end) != (a.start, a.end)
                                           and r.tier == "exact" for r in raw)]   # "the Damascus-Aleppo highway"
    if article.outlet:   # "DARAA (SANA) – ... SANA's reporter said": the outlet is no place
        outlet = [m.span() for m in re.finditer(rf"\b{re.escape(article.outlet)}\b", text)]
        raw = [r for r in raw if not any(s <= r.start < e for s, e in outlet)]
    raw = [r for r in raw if not _in_heading(text, r.start, dateline)]
    raw.sort(key=lambda m: m.start)
    resolved = far_filter(text, resolve_mentions(text, raw, gaz, country, dateline),
                          frozenset({country} - {""}))
    return longer_names(text, resolved, actors, patterns.stopwords), actors


def _sentence_dates(text: str, sents: list[Sentence], published: str | None) -> list[tuple[int, int, str | None]]:
    """Each sentence's date: its own, else the last one its paragraph named ("In the first days of December,
    ... . Officials later said soldiers had moved": December), else the report's."""
    out: list[tuple[int, int, str | None]] = []
    told: str | None = None
    for i, x in enumerate(sents):
        if i and "\n" in text[sents[i - 1].end:x.start]:
            told = None   # a new paragraph
        told = date_in(x.text, published) or told
        out.append((x.start, x.end, told or published))
    return out


_WHERE_BEFORE = re.compile(r"\b(?:in|at|of|near|from|into|outside|around|across|inside)\s+(?:the\s+)?"
                           r"(?:(?:north|south|east|west)(?:ern)?|central|rural|greater|downtown)\s+$", re.I)


_SUMMIT = re.compile(r"\s+(?:summit|peak|heights?|slopes?)\b", re.I)


def _with_peaks(text: str, kept: list, raw: list, gaz: Gazetteer) -> list:
    """ "troops on the Hermon summit": a mountain's summit is a place (the "Sochi summit" is a meeting)."""
    back = [r for r in raw if r not in kept and _SUMMIT.match(text, r.end)
            and (found := gaz.lookup(text[r.start:r.end], limit=1, fuzzy=False))
            and found[0].place.type == PlaceType.MOUNTAIN]
    return sorted(kept + back, key=lambda r: r.start) if back else kept


# "the Damascus-Baghdad highway", "the Homs-Damascus road": a capital that names an end of a road is a place
_ROAD_END = re.compile(r"\s?[-–—]\s?(?:(?:al|el|as|ash|ar|ad|at|az|an)-)?[A-Z][\w'’]*"
                       r"(?:[\s-]+(?:al-|el-)?[A-Z][\w'’]*){0,2}(?i:" + ROAD_WORD.pattern + ")")
_ROAD_START = re.compile(r"[A-Z][\w'’]*\s?[-–—]\s?$")


# "close to the border with Turkey and Iraq": the countries a border runs with are places
_BORDER_WITH = re.compile(r"\b(?:borders?|frontiers?|(?:ceasefire|cease-fire|armistice|demarcation|separation)\s+lines?)\s+"
                          r"(?:with|of)\s+(?:[A-Z][\w-]+\s+and\s+)?$", re.I)


def _in_heading(text: str, pos: int, dateline: tuple[int, int]) -> bool:
    """A name in a shouted sub-heading ("THE DEAL") is a word, not a place (a dateline is)."""
    if dateline[0] <= pos < dateline[1]:
        return False
    start, end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)]
    return len(line) < 60 and line.isupper() and not line.rstrip().endswith(("–", "—", "-"))


def extract(article: Article, gazetteer: Gazetteer | None = None, registry: Registry | None = None,
            patterns: Patterns | None = None) -> Extraction:
    """Find the places and claims of one article.

    Parameters
    ----------
    article : Article
        The report.
    gazetteer, registry, patterns : optional
        Defaults: the embedded gazetteer, ``gazetteer/actors.yaml`` and
        ``gazetteer/patterns.yaml``.

    Returns
    -------
    Extraction
        Places (one record per distinct place) and claims, each claim with its
        evidence sentence and span.
    """
    gaz = gazetteer or default_gazetteer()
    registry = registry or load_registry()
    patterns = patterns or load_patterns()
    dateline = _dateline_span(article)
    sents = sentences(article.text)
    resolved, actors = _resolved(article, gaz, registry, patterns, dateline, sents)
    locs = build_locs(article.text, resolved)
    drafts = _drafts(article, sents, locs, actors, patterns, dateline, registry.allied)
    claims: dict[str, Claim] = {}
    for d in _dedupe(drafts):
        for c in _to_claims(article, d, gaz):
            claims.setdefault(c.details["id"], c)   # one claim said by two words: the first stands
    return Extraction(article, _place_records(_story_places(locs, dateline)), tuple(claims.values()),
                      tuple(r.surface for r in resolved if r.place is None))


def _drafts(article: Article, sents: list[Sentence], locs: list[Loc], actors, patterns: Patterns,
            dateline: tuple[int, int], allied: Callable[[str, str], bool] = operator.eq) -> list[Draft]:
    memory = Memory(allied=allied)
    out: list[Draft] = []
    actor_spans = {(a.start, a.end) for a in actors if not a.adjective}
    actors = [a for a in actors if not names_source(article.text, a)]   # "a Syrian opposition outlet reported"
    answers = answer_spans(article.text)
    locs_in, actors_in = _spans_within(locs), _spans_within(actors)
    for sent in sents:
        ctx = SentenceContext(
            article.text, sent,
            [loc for loc in locs_in(sent.start, sent.end)
             if not _names_actor(article.text, loc, actor_spans) and not _in(loc, dateline)],
            actors_in(sent.start, sent.end), patterns, memory,
            answered=any(start <= sent.start < end for start, end in answers))
        out += read_sentence(ctx, memory)
    return held_by_captors(_movers_by_origin(out))


def _spans_within(items: list) -> Callable[[int, int], list]:
    """A function giving the items (with ``start`` and ``end``) that lie within ``start:end``, in their order.

    Examples
    --------
    >>> within = _spans_within([Sentence(0, 0, 5, "a b c"), Sentence(1, 6, 9, "d e")])
    >>> [x.index for x in within(0, 5)], [x.index for x in within(5, 9)]
    ([0], [1])
    """
    starts = [x.start for x in items]
    if any(a > b for a, b in zip(starts, starts[1:])):
        return lambda start, end: [x for x in items if start <= x.start and x.end <= end]
    return lambda start, end: [x for x in items[bisect_left(starts, start):bisect_right(starts, end)] if x.end <= end]


_CARRIED = re.compile(r"\b(?:bus(?:es)?|coaches|convoys?|columns?|evacuat\w*|fighters|militants|gunmen|rebels|"
                      r"reinforcements|tanks|armou?red\s+vehicles)\b", re.I)


def _movers_by_origin(drafts: list[Draft]) -> list[Draft]:
    """ "Rebels have held Qaboun since 2012. ... The convoy left Qaboun for Idlib": a convoy or column that no
    one is said to move belongs to the one side the report has said holds where it set off from."""
    held: dict[str, list[tuple[int, list]]] = {}
    for d in drafts:
        if d.kind == "control" and d.modality != Modality.POSSIBLE and d.locs and d.locs[0].place is not None:
            held.setdefault(d.locs[0].place.id, []).append((d.sentence.index, d.actors))
    for d in drafts:
        origin = d.locs[0].place if d.kind == "route" and d.locs else None
        if origin is None or d.actors or not _CARRIED.search(d.sentence.text):
            continue
        before = unique_actors([a for index, actors in held.get(origin.id, []) if index <= d.sentence.index
                                for a in actors])
        if len({a.bloc for a in before}) == 1:
            d.actors = before
    return drafts


def _dateline_span(article: Article) -> tuple[int, int]:
    """Where the dateline ("IDLIB, Syria (North Press) –") stands: it says where the report was
    filed, not where things happened."""
    if not article.dateline:
        return (0, 0)
    start = article.text.find(article.dateline, 0, 2000)
    return (start, start + len(article.dateline)) if start >= 0 else (0, 0)


def _in(loc: Loc, span: tuple[int, int]) -> bool:
    return span[0] <= loc.start and loc.end <= span[1] and span[1] > span[0]


_VENUE = re.compile(r"\b(?:in|at|inside|near|into|outside|towards?|toward|via|through|"
                    r"(?:cent(?:re|er)|heart|streets|outskirts|edges?)\s+of)\s+(?:the\s+)?$")
_ROUTE_FROM = re.compile(r"\bfrom\s+(?:the\s+(?:cent(?:re|er)|heart|outskirts)\s+of\s+)?$")
_LEFT = re.compile(r"\b(?:left|leaving|leaves|leave)\s+$")
_LEFT_FOR = re.compile(r"\s+(?:for|to|towards?|toward)\s+(?:the\s+)?(?:al-|[A-Z])")
_ROUTE_ON = re.compile(r"\s+(?:and\s+its\s+(?:countryside|suburbs|environs)\s+)?"
                       r"(?:(?:down|up|on|north\w*|south\w*|east\w*|west\w*)\s+)?(?:to|towards|into|through|via)\s+"
                       r"(?:the\s+)?"
                       r"(?:(?:northern|southern|eastern|western|outskirts|edges?|countryside|vicinity|positions?|fronts?|"
                       r"city|town|village|province|areas?|suburbs)\s+(?:of\s+(?:the\s+)?)?)*(?:al-|[A-Z])")
#   "from Damascus and its countryside to the outskirts of Daraa"


def _names_actor(text: str, loc: Loc, actor_spans: set[tuple[int, int]]) -> bool:
    """A place name that stands for a party ("hand it to Turkey") is not where things happen,
    unless a locative word comes before it ("in Moscow")."""
    if (loc.start, loc.end) not in actor_spans:
        return False
    if _starts_route(text, loc.start, loc.end):
        return False
    return not _VENUE.search(text[max(0, loc.start - 12):loc.start])


def _starts_route(text: str, start: int, end: int) -> bool:
    """ "sent reinforcements from Damascus to Sweida", "a convoy left Damascus for Shahba": a capital that starts
    a route is a place, not its government."""
    return bool((_ROUTE_FROM.search(text, max(0, start - 30), start) and _ROUTE_ON.match(text, end))
                or (_LEFT.search(text, max(0, start - 10), start) and _LEFT_FOR.match(text, end)))


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One draft per (kind, type, places, actors) in a sentence; exchanges with the same
    two legs are one (the one with most detail is kept)."""
    out: list[Draft] = []
    seen: dict[tuple, Draft] = {}
    for d in drafts:
        key = (d.kind, d.event_type, d.sentence.index, tuple((x.start, x.end) for x in d.locs))
        if d.kind == "event" and key in seen and _one_event(seen[key], d):   # one claim, all its actors
            first = seen[key]
            first.actors = first.actors + [a for a in d.actors if a not in first.actors]
            continue
        if key in seen and {a.id for a in d.actors} <= {a.id for a in seen[key].actors}:
            continue   # the same claim again, with fewer actors ("bombardment ... intensified their bombardment")
        seen[key] = d
        twin, order = next(((o, f) for o in out if o.kind == "exchange" == d.kind
                            and (f := _twin_order(o, d)) is not None), (None, None))
        if twin is None:
            out.append(d)
            continue
        keep, other = (d, twin) if len(d.actors) > len(twin.actors) else (twin, d)
        out[out.index(twin)] = _with_legs_of(keep, other, order == "reversed")
    return out


_LEG_KEYS = ("a_from", "a_to", "b_from", "b_to")
_FLIPPED = dict(zip(_LEG_KEYS, ("b_from", "b_to", "a_from", "a_to")))


def _with_legs_of(keep: Draft, other: Draft, flipped: bool) -> Draft:
    """The exchange ``keep``, with who gives and who gets each leg taken from its twin ``other`` where
    ``keep`` does not tell it ("Afrin for Ghouta?" after "Russia let Turkey take Afrin in return for ...")."""
    source = _FLIPPED if flipped else {key: key for key in _LEG_KEYS}
    filled = [key for key in _LEG_KEYS if not keep.extra[key] and other.extra[source[key]]]
    for key in filled:
        keep.extra[key] = list(other.extra[source[key]])
    if filled:
        keep.actors = unique_actors(keep.actors + [a for key in filled for a in keep.extra[key]])
    return keep


def _one_event(a: Draft, b: Draft) -> bool:
    """Two event words close together ("air strikes and shelling") name one event; far apart in the
    sentence ("HTS retook X ..., before government forces regained control of it"), two."""
    sa, sb = a.extra.get("trigger_span"), b.extra.get("trigger_span")
    if a.extra.get("blamed") != b.extra.get("blamed"):
        return False   # "Russian jets bombed X. Ankara blamed HTS.": the report's account and the blame
    return not (sa and sb) or abs(sb[0] - sa[1]) <= 30


def _twin_order(a: Draft, b: Draft) -> str | None:
    """How two exchanges of the same two places name them: ``"same"`` order, ``"reversed"`` ("A for B",
    "B for A"), or ``None`` when they trade other places."""
    if None in [representative(x) for x in a.locs + b.locs]:
        return None
    if _same_leg(a.locs[0], b.locs[0], 0.2) and _same_leg(a.locs[1], b.locs[1], 0.3):
        return "same"
    return "reversed" if _same_leg(a.locs[0], b.locs[1], 0.2) and _same_leg(a.locs[1], b.locs[0], 0.2) else None


def _same_leg(x: Loc, y: Loc, degrees: float) -> bool:
    """Two legs name one place: the same town, or areas whose points lie within ``degrees`` (two towns 15 km
    apart, Morek and Halfaya, are two places)."""
    if x.place is not None and y.place is not None and x.precision == y.precision == 1:
        return x.place.id == y.place.id
    return representative(x).distance(representative(y)) < degrees


def _claim_id(article: Article, kind: str, span: tuple[int, int], extra: str) -> str:
    digest = hashlib.sha1(f"{article.source}|{kind}|{span}|{extra}".encode()).hexdigest()
    return digest[:16]


def _blocs(actors) -> tuple[str, ...]:
    """The blocs of a claim's actors, with those an actor keeps in its era (the transitional state's forces:
    ``hts``, then ``syrian-government``)."""
    return tuple(dict.fromkeys(b for a in actors for b in (a.bloc, *a.also)))


def _base(article: Article, d: Draft, locs: list[Loc], geometry, actors, precision: int) -> dict:
    return dict(
        source=article.source, evidence=d.sentence.text, span=(d.sentence.start, d.sentence.end),
        modality=d.modality, actors=tuple(a.name for a in actors), blocs=_blocs(actors),
        places=tuple(loc.place.id if loc.place else "" for loc in locs),
        place_names=tuple(loc.label for loc in locs), geometry=shapely.to_wkb(geometry),
        geo_precision=precision, date=date_in(d.sentence.text, article.date) or article.date,
        event_type=d.event_type, attribution=d.attribution,
    )


def _to_claims(article: Article, d: Draft, gaz: Gazetteer) -> list[Claim]:
    """The claims of a draft; a place no rule could locate (an unknown village named nowhere near a known
    one) is left out of them, as it is of the places."""
    if d.kind == "control":
        return [_one(article, d, ClaimKind.CONTROL, [loc], _geom(loc), [actor], loc.precision)
                for loc in d.locs if loc.located for actor in _by_bloc(d.actors)]
    if d.kind == "event":
        return [_one(article, d, ClaimKind.EVENT, [loc], _geom(loc), d.actors, loc.precision)
                for loc in d.locs if loc.located]
    a, b = representative(d.locs[0]), representative(d.locs[1])
    if a is None or b is None:
        return []
    if d.kind == "route":   # a move into or out of a region starts or ends at its edge facing the other end
        a, b = _edge_facing(d.locs[0], a, b), _edge_facing(d.locs[1], b, a)
        line = route_line(a, b, gaz)
        return [_one(article, d, ClaimKind.ROUTE, d.locs, line, d.actors, max(x.precision for x in d.locs))]
    line = shapely.LineString([a, b])
    return [_one(article, d, ClaimKind.EXCHANGE, d.locs, line, d.actors, max(x.precision for x in d.locs))]


def _edge_facing(loc: Loc, own: shapely.Point, other: shapely.Point) -> shapely.Point:
    """Where a route meets a region ("toward its posts in Jabal al-Zawiya"): the region's point nearest the
    route's other end; a town, a road, a region the other end lies in and the countryside all around a town
    keep their own point."""
    geom = loc.geometry
    if loc.precision < 3 or geom is None or around_a_point(loc) or geom.geom_type not in ("Polygon", "MultiPolygon") \
            or (loc.place is not None and loc.place.type in LINEAR_TYPES) or geom.contains(other):
        return own
    return shapely.ops.nearest_points(geom, other)[0]


def _by_bloc(actors):
    seen: dict[str, object] = {}
    for a in actors:
        seen.setdefault(a.bloc, a)
    return list(seen.values())


def _geom(loc: Loc):
    if loc.precision == 1:
        return representative(loc)
    return area_of(loc)


def _one(article: Article, d: Draft, kind: ClaimKind, locs: list[Loc], geometry, actors, precision: int) -> Claim:
    fields = _base(article, d, locs, geometry, actors, precision)
    details = {k: v for k, v in d.extra.items()}
    for key in ("a_from", "a_to", "b_from", "b_to"):
        if key in details:
            details[key] = _blocs(details[key])
    details["location_spans"] = tuple((loc.start, loc.end) for loc in locs)
    unknown = "".join(f"|{loc.label}" for loc in locs if loc.place is None)   # places the gazetteer lacks
    details["id"] = _claim_id(article, kind.value, fields["span"],
                              "|".join(fields["places"]) + "|" + ",".join(fields["blocs"]) +
                              "|" + (d.event_type.value if d.event_type else "") + unknown)
    return Claim(kind=kind, details=details, **fields)


def _story_places(locs: list[Loc], dateline: tuple[int, int]) -> list[Loc]:
    """Leave out the bureau a report was filed from ("BEIRUT (Reuters) -" on a report about Syria): a
    dateline place the story never names again, in a country none of the story's places are in."""
    body = [loc for loc in locs if not _in(loc, dateline) and loc.place is not None]
    countries = {loc.place.country for loc in body}
    named = {loc.place.id for loc in body}
    return [loc for loc in locs if not (_in(loc, dateline) and loc.place is not None and body
                                        and loc.place.id not in named and loc.place.country not in countries)]


def _place_records(locs: list[Loc]) -> tuple[PlaceRecord, ...]:
    """One record per place named, the ends of "between A and B" and "the A-B road" included."""
    groups: dict[str, list[Loc]] = {}
    for loc in (part for x in locs for part in (x.parts or (x,))):
        r = loc.mention
        if r is None or (r.place is None and not loc.located):
            continue
        key = r.place.id if r.place else f"unknown:{r.surface.casefold()}"
        groups.setdefault(key, []).append(loc)
    records = []
    for key, group in groups.items():
        r0 = group[0].mention
        spans = tuple(dict.fromkeys((g.mention.start, g.mention.end) for g in group))
        surfaces = tuple(dict.fromkeys(g.mention.surface for g in group))
        if r0.place is not None:
            wkb, precision = _place_wkb(r0.place), 1
        else:
            wkb, precision = shapely.to_wkb(representative(group[0])), 2
        records.append(PlaceRecord(r0.place, r0.place.name if r0.place else r0.surface, spans, surfaces,
                                   wkb, precision,
                                   tuple(c.as_dict() for c in r0.candidates)))
    return tuple(records)


def _place_wkb(place: Place) -> bytes:
    """A place's shape as WKB: the stored bytes when it has a shape, its point otherwise."""
    return place.wkb if place.wkb is not None else _point_wkb(place.lon, place.lat)


@lru_cache(maxsize=1 << 14)
def _point_wkb(lon: float, lat: float) -> bytes:
    return shapely.to_wkb(shapely.Point(lon, lat))


def _unused(_: Resolved) -> None:  # pragma: no cover - keeps the import used for typing
    return None
