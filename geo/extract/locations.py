"""Locations in a sentence: resolved places, their relative phrases and back-references.

A :class:`Loc` is what a claim can be located at: a place ("Manbij"), a
relative phrase around one ("west of the city of Aleppo"), a corridor
("between Ariha and Jisr al-Shughur") or a back-reference ("the town" for the
last town named). A relative phrase set off by commas right after a place
("Tarnabah, east of Idlib,") only describes that place: it becomes a
*locator* and, when the place itself is unknown to the gazetteer, locates it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property

import shapely
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from geo.distance import distance_km
from geo.extract.relative import between, footprint_km, locate, place_area, relative_after, relative_before
from geo.extract.resolve import SPEAKERS_IN, Resolved
from geo.gazetteer.fold import fold
from geo.gazetteer.sources import capital_names
from geo.geometry import buffer_km, orient
from geo.model import LINEAR_TYPES, Place, PlaceType

__all__ = ["Loc", "ROAD_WORD", "build_locs", "chain", "plain", "representative", "area_of", "around_a_point",
           "narrower", "same_place"]

# "the area east of X" is a new area, no back-reference
_COREF = re.compile(r"(?:\bthe\s+(?!(?:area|region)\s+(?:north|south|east|west)\w*\s+of\b)"
                    r"(?:(?:gas|oil|military|air|border|main)\s+|(?!(?:nearby|neighbou?ring|next|other|adjacent|"
                    r"surrounding|first|second|third|last|new|old|nearest|closest|only|capital)\s"
                    r"|[\w-]+-(?:held|controlled)\s)"
                    r"[a-z][a-z-]+\s+(?=(?:town|city|village|provincial\s+capital)\b))?"
                    r"|(?<=-held\s)(?=provincial\s+capital\b)|(?<=-controlled\s)(?=provincial\s+capital\b))"   # "the
                    #   government-held provincial capital": the held adjective stays outside
                    r"(provincial\s+capital|town|city|village|neighbou?rhood|area|region|"
                    r"highway|road|river|field|airport|air\s*base|base|academy|dam|camp|crossing|"
                    r"mountain(?!\s+(?:roads?|villages?|towns?|passes?|tracks?)\b))\b"
                    r"(?!\s+of\b)(?!\s+(?:cent(?:re|er)|limits|outskirts|edges?|entrances?)\s+of\b)",
                    re.I)   # "the mountain roads" are no back-reference; "the city centre of Manbij" is Manbij's
_COREF_TYPES = {
    "town": (PlaceType.TOWN, PlaceType.CITY, PlaceType.VILLAGE),
    "city": (PlaceType.CITY, PlaceType.TOWN),
    "provincial capital": (PlaceType.CITY,),
    "village": (PlaceType.VILLAGE, PlaceType.TOWN),
    "neighbourhood": (PlaceType.NEIGHBOURHOOD,),
    "neighborhood": (PlaceType.NEIGHBOURHOOD,),
    "district": (PlaceType.NEIGHBOURHOOD, PlaceType.TOWN, PlaceType.VILLAGE, PlaceType.CAMP),
    "camp": (PlaceType.CAMP, PlaceType.NEIGHBOURHOOD),
    "area": (PlaceType.AREA, PlaceType.REGION, PlaceType.MOUNTAIN, PlaceType.PLAIN),
    "region": (PlaceType.AREA, PlaceType.REGION, PlaceType.MOUNTAIN, PlaceType.PLAIN),
    "highway": (PlaceType.ROAD,),
    "road": (PlaceType.ROAD,),
    "river": (PlaceType.RIVER,),
    "field": (PlaceType.FIELD,),
    "airport": (PlaceType.AIRPORT, PlaceType.BASE),
    "airbase": (PlaceType.BASE, PlaceType.AIRPORT),
    "air base": (PlaceType.BASE, PlaceType.AIRPORT),
    "base": (PlaceType.BASE, PlaceType.AIRPORT, PlaceType.FIELD),
    "dam": (PlaceType.DAM,),
    "crossing": (PlaceType.CROSSING, PlaceType.TOWN, PlaceType.CITY, PlaceType.VILLAGE),   # "the Yarubiyah crossing"
    "mountain": (PlaceType.MOUNTAIN, PlaceType.REGION),
    "academy": (PlaceType.BASE, PlaceType.LANDMARK),   # "the academy": the Homs Military Academy named before
}
# Words a place of these types must be called by to be "the mountain" (not the Afrin region)
_NAMED_BY = frozenset({"place", "near", "outskirts"})   # the kinds of Loc that name the place a back-reference means
_CAPITAL_NAMED_BY = _NAMED_BY | {"offset", "direction"}   # "towns north of Homs ... the provincial capital": Homs
_COREF_NAMED = {"mountain": re.compile(r"\b(?:jabal|jebel|mount|mountains?|mt)\b", re.I),
                "crossing": re.compile(r"\s*\bcrossing\b", re.I),
                "academy": re.compile(r"\b(?:academy|college|kulliya)\b", re.I)}
# a place of the word's own type needs no such name, except for these words ("the academy" is no airbase)
_NAMED_ALWAYS = frozenset({"academy"})
_AREA_NEAR = 40   # characters: "the area" right after a place is that place's area (not one moved to)
_TOWARDS = re.compile(r"\b(?:to|towards?|into|from)\s+$", re.I)
# "X to the city", "X and the town": another place than X
_JOINED_TO = re.compile(r"\s+(?:to|towards?|toward|into|and|or)\s+"
                        r"|(?:\s*,[^,;.]{1,60},)?\s+(?:to|towards?|toward|into)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                        r"(?:overlooking|outside|near|around|of)\s+", re.I)   # "from A, 20 km away, to the hills
#                                                                          overlooking the town": not A
_COREF_NEAR = 300   # characters: "In Ras al-Ain, ... near the city's silos" is Ras al-Ain, not an earlier city
_RELATIVE_KINDS = frozenset({"direction", "offset", "countryside", "near", "outskirts"})
LOCATOR_KM = 80.0   # a place said to be "north of X" lies within this distance of X
NEAR_KM = 20.0      # ... and one "near X" within this distance of X's edge
ROAD_NEAR_KM = 40.0   # the part of a road (or of a side of it) that an article speaks of
REGION_KM = 200.0   # ... and one "in the countryside of X" (Syrian usage: X's governorate) within this
_IN_PLACE = re.compile(r"^\s*(?:highway|road|motorway|river)?\s*(?:in|near)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class Loc:
    """Where something is said to be, with its evidence span."""

    start: int
    end: int
    label: str
    place: Place | None
    geometry: BaseGeometry | None
    precision: int
    locator: bool = False
    mention: Resolved | None = None
    kind: str = "place"
    parts: tuple["Loc", ...] = ()

    @cached_property
    def located(self) -> bool:
        """Whether the Loc has a geometry."""
        return self.geometry is not None and not self.geometry.is_empty


def _plain_loc(r: Resolved) -> Loc:
    if r.place is None:
        return Loc(r.start, r.end, r.surface, None, None, 2, mention=r)
    geom = r.place.geometry
    precision = 1 if r.place.type not in (PlaceType.COUNTRY, PlaceType.ADMIN1, PlaceType.REGION,
                                          PlaceType.AREA, PlaceType.ROAD, PlaceType.RIVER, PlaceType.MOUNTAIN,
                                          PlaceType.PLAIN) else 3
    return Loc(r.start, r.end, r.place.name, r.place, geom, precision, mention=r)


def _relative_loc(text: str, r: Resolved, base: Loc) -> Loc:
    if r.place is None:
        return base
    before = relative_before(text, r.start)
    if before:
        kind, start, direction, dist = before
        geom, precision = locate(kind, r.place, direction, dist)
        return Loc(start, r.end, text[start:r.end], r.place, geom, precision, mention=r, kind=kind)
    after = relative_after(text, r.end)
    if after:
        geom, precision = locate(after[0], r.place, after[2])
        return Loc(r.start, after[1], text[r.start:after[1]], r.place, geom, precision, mention=r, kind=after[0])
    return base


def build_locs(text: str, resolved: list[Resolved]) -> list[Loc]:
    """Locations of the whole article, in text order, with locators and corridors marked."""
    locs = [_relative_loc(text, r, _plain_loc(r)) for r in resolved]
    locs = _corridors(text, locs)
    locs = _river_banks(text, _near_named_places(_clip_roads(text, locs)))
    locs = _same_name(_in_city(text, _mark_locators(text, locs)))
    refs = _corefs(text, locs)
    # "al-Tabqa military airport, about 9 km south-southeast of the city": a back-reference can place what precedes it
    merged = _mark_locators(text, sorted(locs + refs, key=lambda loc: loc.start), only={id(r) for r in refs})
    merged = _placed_town(text, merged)
    return _near_named_places(merged, only=_BANK)


_ON_RIVER = re.compile(r"\b(?:on|along|alongside|by|beside)\s+(?:the\s+)?(?:banks?\s+of\s+(?:the\s+)?)?$", re.I)


def _river_banks(text: str, locs: list[Loc]) -> list[Loc]:
    """ "Tal Tamr and its villages on the Khabur River are held by the SDF": a river named only to say where
    other places lie locates them; it is not itself held or struck. A side of it ("east of the Euphrates")
    or a stretch ("the Khabur near Tal Tamr") is a place of its own."""
    return [replace(loc, locator=True) if loc.place is not None and loc.place.type == PlaceType.RIVER
            and loc.kind == "place" and loc.label == loc.mention.surface
            and _ON_RIVER.search(text, max(0, loc.start - 30), loc.start) else loc for loc in locs]


_QUARTER_AFTER = re.compile(r"\s+(?:neighbou?rhood|district|quarter)\b", re.I)
# a square or street named after a place is in the town told of, not that place ("al-Karama Square" in Sweida)
_SQUARE_AFTER = re.compile(r"\s+(?-i:Square|Street|Roundabout|Circle)\b")
_QUARTER_BEFORE = re.compile(r"\b(?:neighbou?rhood|district|quarter)\s+of\s+(?:the\s+)?$", re.I)
_TOWN_QUARTERS = frozenset(fold(n) for n in ("Old City", "Old Town", "Old Quarter", "City Centre", "City Center",
                                               "Downtown", "Old Souk", "Old Market"))
# "the Tayy neighbourhood in southern Qamishli", "the al-Qusour district, in the east of Deir ez-Zor": the city told
# after
_IN_TOWN = re.compile(r"\s+(?:neighbou?rhood|district|quarter)\s*,?\s+(?:in|of)\s+(?:the\s+)?"
                      r"(?:(?:north|south|east|west|centre|center)\s+of\s+(?:the\s+)?|"
                      r"(?:(?:north|south)-?(?:east|west)?ern|eastern|western|central|old)\s+)?", re.I)
# "al-Waer, the last opposition-held district of the city of Homs": a quarter told by apposition
_APPOSED_IN = re.compile(r"(?:\s+on\s+[A-Z][a-z]+day)?,\s+(?:the|a)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:neighbou?rhood|district|quarter|suburb)\s+(?:of|in)\s+(?:the\s+)?"
                         r"(?:(?:city|town)\s+of\s+)?")
_CITY_NEAR = 250   # characters: "inside Qamishlo since April, when fighting broke out in the al-Tay neighbourhood"


def _in_city(text: str, locs: list[Loc]) -> list[Loc]:
    """An unknown neighbourhood ("the southern al-Tay neighbourhood") or a square named after a place ("al-Karama
    Square") lies in the city or town named just before it in the same paragraph (a square with none is left
    unplaced), or in the one its apposition names ("al-Waer, the last district of Homs held by X"); "the Old
    City" in the last city or town named (the dateline's, at the latest)."""
    out = list(locs)
    for i, loc in enumerate(locs):
        generic = loc.kind == "place" and fold(loc.label) in _TOWN_QUARTERS   # "the Old City": of the city named before
        square = loc.kind == "place" and _SQUARE_AFTER.match(text, loc.end) is not None   # "al-Karama Square"
        if not generic and not square and (loc.place is not None or loc.located or loc.kind != "place" or not (
                _QUARTER_AFTER.match(text, loc.end) or _APPOSED_IN.match(text, loc.end)
                or _QUARTER_BEFORE.search(text, max(0, loc.start - 30), loc.start))):
            continue
        towns = [x for x in out[:i] if x.place is not None and x.located and x.kind == "place" and not x.locator
                 and x.place.type in (PlaceType.CITY, PlaceType.TOWN)
                 and (generic or (loc.start - x.end <= _CITY_NEAR and "\n" not in text[x.end:loc.start]))]
        towns += [x for x in out[i + 1:i + 2] if x.place is not None and x.located and not generic
                  and x.place.type in (PlaceType.CITY, PlaceType.TOWN)
                  and (_IN_TOWN.fullmatch(text, loc.end, x.start) or _APPOSED_IN.fullmatch(text, loc.end, x.start))]
        mention = replace(loc.mention, place=None) if square and loc.mention is not None else loc.mention
        if towns:
            out[i] = replace(loc, place=None, geometry=towns[-1].place.geometry, precision=2, mention=mention)
        elif square:
            out[i] = replace(loc, place=None, geometry=None, precision=2, mention=mention)
    return out


def _same_name(locs: list[Loc]) -> list[Loc]:
    """An unknown name placed once ("the al-Tayy neighbourhood, in the south of Qamishli") is placed
    there wherever the article names it again."""
    placed: dict[str, Loc] = {}
    for loc in locs:
        if loc.place is None and loc.located and loc.kind == "place" and loc.mention is not None:
            placed.setdefault(fold(loc.mention.surface), loc)
    if not placed:
        return locs
    return [replace(loc, geometry=placed[key].geometry, precision=placed[key].precision)
            if loc.place is None and not loc.located and loc.mention is not None
            and (key := fold(loc.mention.surface)) in placed else loc for loc in locs]


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+\w+\s+of\s+)?$", re.I)
_AND_THE_OF = re.compile(r"\s+and\s+(?:the\s+\w+\s+of\s+)?", re.I)


def _corridors(text: str, locs: list[Loc]) -> list[Loc]:
    out: list[Loc] = []
    skip = set()
    for i, loc in enumerate(locs):
        if i in skip:
            continue
        nxt = locs[i + 1] if i + 1 < len(locs) else None
        if (nxt and loc.place and nxt.place and _BETWEEN.search(text[max(0, loc.start - 30):loc.start])
                and _AND_THE_OF.fullmatch(text[loc.end:nxt.start])):
            geom, precision = between(loc.place, nxt.place)
            start = text.rfind("between", 0, loc.start)
            out.append(Loc(start, nxt.end, text[start:nxt.end], None, geom, precision, mention=loc.mention,
                           kind="between", parts=(loc, nxt)))
            skip.add(i + 1)
            continue
        road = _ROAD_BY_ENDS.match(text, loc.end) if nxt and loc.place and nxt.place else None
        word = ROAD_WORD.match(text, nxt.end) if road and road.end() == nxt.start else None
        if word:   # "the Ithriyah-Khanasir road": the road from one to the other
            end = word.end()
            geom, precision = between(loc.place, nxt.place)
            out.append(Loc(loc.start, end, text[loc.start:end], None, geom, precision, mention=loc.mention,
                           kind="between", parts=(loc, nxt)))
            skip.add(i + 1)
            continue
        out.append(loc)
    return out


_ROAD_BY_ENDS = re.compile(r"\s?[-–—]\s?")
ROAD_WORD = re.compile(r"\s+(?:highway|road|motorway|railway|supply\s+line)s?\b", re.I)   # after a name: a road


_ROAD_GAP = re.compile(r"\s+(?:(?:highway|road|river)\s+)?")


def _clip_roads(text: str, locs: list[Loc]) -> list[Loc]:
    """"south of the M4 highway in Idlib", "the Khabur near Tal Tamr": keep the part of the road or
    river band near the place named."""
    out = list(locs)
    for i, loc in enumerate(locs[:-1]):
        nxt = locs[i + 1]
        if loc.place is None or loc.place.type not in LINEAR_TYPES or loc.geometry is None:
            continue
        if nxt.kind == "between" and nxt.geometry is not None and _ROAD_GAP.fullmatch(text[loc.end:nxt.start]):
            clipped = loc.geometry.intersection(nxt.geometry)   # "the stretch of the M4 between Ariha and Jisr al-Shughur"
            if not clipped.is_empty:
                out[i] = replace(loc, geometry=clipped, end=nxt.end, label=text[loc.start:nxt.end])
                out[i + 1] = replace(nxt, locator=True)
            continue
        if nxt.place is None:
            continue
        gap = text[loc.end:nxt.start]
        said_near = nxt.kind == "near" and not gap.strip()
        if _IN_PLACE.match(gap) or said_near:
            near = buffer_km(nxt.place.geometry, NEAR_KM if said_near or "near" in gap else ROAD_NEAR_KM)
            clipped = loc.geometry.intersection(near)
            if not clipped.is_empty:
                out[i] = replace(loc, geometry=clipped, end=nxt.end, label=text[loc.start:nxt.end])
                out[i + 1] = replace(nxt, locator=True)
    return out


# "X, north of Y", "X, in the countryside of Y", "the X neighbourhood, in the south of the city of Y"
_KIND_OF_PLACE = re.compile(r",\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:towns?|villages?|cit(?:y|ies)|hamlets?|district|"
                            r"area)\s+")
_DESCRIPTION_GOES_ON = re.compile(r"\s*,?\s+(?:and\s+)?"
                                  r"(?:(?:about|some|around|roughly|nearly|approximately|just|only)\s+)?")
_APPOSITION = re.compile(r"(?:\s+(?:neighbou?rhood|village|town|district|area|camp|suburb|(?:military\s+)?airport|"
                         r"air\s*base|base|airfield|crossing|dam))?,\s*"
                         r"(?:(?:about|some|around|roughly|nearly|approximately|just|only)\s+)?"
                         # "al-Resafa, deep in the desert of X"
                         r"(?:(?:deep\s+|far\s+|high\s+)?(?:in|inside)\s+(?:the\s+)?"
                         r"(?:(?:desert|heart|depths|middle|wilds)\s+of\s+(?:the\s+)?)?)?"
                         r"(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:towns?|city|villages?|district|area|suburb|"
                         r"neighbou?rhood|stronghold|bastion|enclave|pocket|hub|crossroads)\s+"
                         r"(?:(?:in|of|near|on|at\s+the\s+(?:junction|intersection|crossroads)\s+of)\s+(?:the\s+)?|"
                         r"(?:about|some|around|roughly|nearly|approximately|just|only|less\s+than|more\s+than|"
                         r"under|almost|barely)\s+|"
                         r"(?=\d)))?"   # "Saraqeb, a town in Syria's Idlib province", "Tal Rifaat, the town about 31 km north of"
                         r"|\s+(?:lies|lay|is\s+located|is\s+situated|sits)\s+(?:in\s+(?:the\s+)?)?"
                         r"(?:(?:about|some|around|roughly|nearly|approximately|just|only)\s+)?", re.I)   # "Marayan lies 9 km ..."


def _near_named_places(locs: list[Loc], only: re.Pattern[str] | None = None) -> list[Loc]:
    """ "south of the M4" in a report on Idlib villages, "the eastern bank": the side of the road or river
    near the places the report names, not the whole of it across the country (when no place clips it
    already); ``only`` limits it to the bands whose label it matches."""
    bands = [i for i, loc in enumerate(locs) if loc.place is not None and loc.place.type in LINEAR_TYPES
             and loc.kind in _RELATIVE_KINDS and loc.located
             and (only.fullmatch(loc.label) if only else loc.label.endswith(loc.mention.surface))]
    points = [loc.place.geometry for loc in locs if bands and loc.located and loc.place is not None   # "near X" too
              and loc.place.type not in (*LINEAR_TYPES, PlaceType.COUNTRY) and loc.place.geometry.geom_type == "Point"]
    out = list(locs)
    for i in bands if points else ():
        near = [p for p in points if _km_to(p, locs[i].geometry) <= ROAD_NEAR_KM]
        clipped = locs[i].geometry.intersection(buffer_km(shapely.MultiPoint(near), ROAD_NEAR_KM)) if near else None
        if clipped is not None and clipped.geom_type in ("Polygon", "MultiPolygon") and not clipped.is_empty:
            out[i] = replace(locs[i], geometry=orient(clipped))
    return out


def _km_to(point: shapely.Point, area: BaseGeometry) -> float:
    if area.contains(point):
        return 0.0
    near = nearest_points(point, area)[1]
    return distance_km(point.y, point.x, near.y, near.x)


_ABOUT_GAP = re.compile(r"\s+(?:(?:about|some|around|roughly|nearly|approximately|just|only)\s+)?")


def _placed_town(text: str, locs: list[Loc]) -> list[Loc]:
    """ "Tal Rifaat, the town 31 km north of Aleppo": the distance only says where the town is."""
    out = list(locs)
    for i in range(1, len(out)):
        prev, loc = out[i - 1], out[i]
        if prev.locator and loc.kind in _RELATIVE_KINDS and _COREF.fullmatch(text, prev.start, prev.end) and \
                _ABOUT_GAP.fullmatch(text[prev.end:loc.start]):
            out[i] = replace(loc, locator=True)
    return out


_IN_NEAR_GAP = re.compile(r"\s+(?:in|near)\s+")
_SPACE_GAP = re.compile(r"\s+")
_TOWN_IN_GAP = re.compile(r"\s+(?:city\s+|town\s+|village\s+)?in\s+")
_POSSESSIVE_GAP = re.compile(r"['’]s\s+")
_AND_GAP = re.compile(r"\s+and\s+(?:the\s+)?")


def _mark_locators(text: str, locs: list[Loc], only: set[int] | None = None) -> list[Loc]:
    out = list(locs)
    for i in range(1, len(locs)):
        prev, loc = out[i - 1], locs[i]
        if only is not None and id(loc) not in only:
            continue
        if loc.precision == 1 and loc.place and loc.label == loc.place.name and loc.start == loc.mention.start:
            continue
        gap = text[prev.end:loc.start]
        if narrower(loc, prev):   # "In the corner of Latakia province, the hilltop village, held by X": no village says
            continue              # where a province is
        container = not prev.located and prev.place is None and (
            _IN_NEAR_GAP.fullmatch(gap) or (_SPACE_GAP.fullmatch(gap) and loc.kind in _RELATIVE_KINDS))
        described = prev.place is not None and prev.kind == "place" and (
            (loc.kind == "near" and _SPACE_GAP.fullmatch(gap) is not None)   # "the village of X near Y"
            or (loc.kind == "countryside" and _TOWN_IN_GAP.fullmatch(gap) is not None))   # "X in the countryside of Y"
        if prev.locator and _POSSESSIVE_GAP.fullmatch(text[prev.end - 2:loc.start] if gap.strip() == "" else gap):
            # "Syria's Idlib province" places what Syria placed
            out[i] = replace(loc, locator=True)
            continue
        if prev.locator and _AND_GAP.fullmatch(gap) and _road_like(prev) and _road_like(loc):
            out[i] = replace(loc, locator=True)   # "a town at the junction of the M4 and M5 highways"
            continue
        if prev.locator and loc.kind == "offset" and _DESCRIPTION_GOES_ON.fullmatch(gap):
            out[i] = replace(loc, locator=True)   # "X, the town on the M4 highway about 50 km north of Y": says
            continue                              # where X is, as the road did
        described = described or (prev.place is not None and loc.kind in _RELATIVE_KINDS
                                  and _KIND_OF_PLACE.fullmatch(gap) is not None)   # "X, a cluster of villages
        #                                                                            west of Y"
        if (_APPOSITION.fullmatch(gap) or container or described) and not prev.locator:
            out[i] = replace(loc, locator=True)
            if loc.geometry is None:
                continue
            if not prev.located:
                out[i - 1] = replace(prev, geometry=loc.geometry.representative_point(), precision=2)
                out = _share_with_coordinated(text, out, i - 1)
            elif prev.place is not None and loc.place is not None and loc.kind in _RELATIVE_KINDS \
                    and loc.place.wkb is None and _far(prev.place, loc.place, _locator_km(loc, prev.place)):
                out[i - 1] = _relocate(prev, loc)
                out = _share_with_coordinated(text, out, i - 1)
            else:   # "the villages of X and Y, 10 km west of Z": unknown X lies with Y
                out = _share_with_coordinated(text, out, i - 1)
    return out


_WIDE_TYPES = frozenset({PlaceType.COUNTRY, PlaceType.ADMIN1, PlaceType.ADMIN2, PlaceType.REGION, PlaceType.AREA,
                         PlaceType.PLAIN, PlaceType.MOUNTAIN})


def narrower(loc: Loc, prev: Loc) -> bool:
    """A plain place narrower than the wide place before it (which it cannot locate)."""
    return loc.kind == "place" and loc.place is not None and prev.place is not None \
        and prev.place.type in _WIDE_TYPES and loc.place.type not in _WIDE_TYPES and loc.place.type not in LINEAR_TYPES


def _road_like(loc: Loc) -> bool:
    return loc.place is not None and loc.place.type == PlaceType.ROAD


_LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s+")


def _share_with_coordinated(text: str, locs: list[Loc], i: int) -> list[Loc]:
    """ "the villages of W, X and Y near Z": W and X, unknown too, are placed where Y is (known names
    in the list keep their own place)."""
    j = i
    while j > 0 and _LIST_GAP.fullmatch(text[locs[j - 1].end:locs[j].start]):
        j -= 1
        prev = locs[j]
        if prev.place is None and not prev.located:
            locs[j] = replace(prev, geometry=locs[i].geometry, precision=max(locs[i].precision, 2))
    return locs


def _locator_km(locator: Loc, place: Place) -> float:
    """How far ``place`` may lie from the place of its locator: a village "near X" (or on its outskirts)
    within a short drive of X; anything "north of X", or a hand-checked town, within a region; a place "200 km
    west of X" as far as the text says, with a compass point's slack."""
    checked = place.source.startswith("overlay:")
    if locator.kind in ("near", "outskirts") and place.type in (PlaceType.VILLAGE, PlaceType.NEIGHBOURHOOD) \
            and not checked:
        return NEAR_KM + footprint_km(locator.place)
    base = REGION_KM if checked or locator.kind == "countryside" else LOCATOR_KM   # "Jarabulus, in the northern
    #                                                                                countryside of Aleppo"
    if locator.kind == "offset" and locator.place is not None and locator.geometry is not None \
            and locator.geometry.geom_type == "Point":
        said = distance_km(locator.place.lat, locator.place.lon, locator.geometry.y, locator.geometry.x)
        return max(base, said * 1.3 + 10.0)
    return base


def _far(a: Place, b: Place, km: float = LOCATOR_KM) -> bool:
    return distance_km(a.lat, a.lon, b.lat, b.lon) > km


def _relocate(prev: Loc, locator: Loc) -> Loc:
    """The locator says where ``prev`` is ("Saida, north of Raqqa"): take the candidate near it,
    or, when none is, place ``prev`` by the locator as an unnamed place of precision 2."""
    near = [c.place for c in (prev.mention.candidates if prev.mention else ())
            if not _far(c.place, locator.place, _locator_km(locator, c.place))]
    if near:
        return replace(prev, place=near[0], label=near[0].name, geometry=near[0].geometry)
    point = locator.geometry.representative_point()
    mention = replace(prev.mention, place=None) if prev.mention else None
    return replace(prev, place=None, label=prev.mention.surface if prev.mention else prev.label,
                   geometry=point, precision=2, mention=mention)


_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which)\b[^,.;!?]*$", re.I)


_STOP_MARK = re.compile(r"[.;!?]")


def _in_aside(text: str, loc: Loc, ref: int) -> bool:
    """ "Troops, who led the offensive from the stronghold of Izra, entered the town": Izra is named in an
    aside that closed before the reference, so "the town" is not it."""
    opened = _RELATIVE_ASIDE.search(text, max(0, loc.start - 100), loc.start)
    if opened is None:
        return False
    rest = text[loc.end:ref]
    if "," not in rest or _STOP_MARK.search(rest):
        return False
    # "the SNA, which seized Tal Abyad and entered Serêkaniyê, after the SDF withdrew from the town": a clause
    # that opens with "after" still belongs to the aside
    return _GOES_ON.match(rest[rest.rfind(",") + 1:]) is None


_FULL_STOP = re.compile(r"[.!?]")


def _speaker_seat(text: str, loc: Loc, ref: int) -> bool:
    """ "... a security official in Damascus said. The town has been held by ...": a place that only said where a
    speaker of an earlier sentence sits ("Activists in al-Mayadin said the town was hit" is al-Mayadin)."""
    return bool(SPEAKERS_IN.search(text, max(0, loc.start - 40), loc.start)) \
        and bool(_FULL_STOP.search(text[loc.end:ref]))


_GOES_ON = re.compile(r"\s*(?:after|before|when|once|until|as\s+soon\s+as|following|shortly\s+after)\b", re.I)


_CALLED_SMALL = re.compile(r"\b(?:villages?|towns?|hamlets?)\b[^.;]{0,45}$", re.I)   # "the towns ..., from A up to B"


_SPACE_OF = re.compile(r"\s+(?:of\s+)?")
_CLAUSE_MARK = re.compile(r"[.;:!?]")


def _corefs(text: str, locs: list[Loc]) -> list[Loc]:
    """Back-references: "the town" stands for the last town named before it."""
    out = []
    home = Counter(loc.place.country for loc in locs if loc.place and loc.place.country).most_common(1)
    starts = {loc.start for loc in locs}
    for m in _COREF.finditer(text):
        if any(loc.start <= m.start() < loc.end for loc in locs):
            continue
        name = _SPACE_OF.match(text[m.end():m.end() + 6])
        if name and m.end() + name.end() in starts:
            continue   # "the provincial capital Hama", "the town of Morek": a title before the name, no back-reference
        word = _SPACE_GAP.sub(" ", m.group(1).lower())
        types, named = _COREF_TYPES[word], _COREF_NAMED.get(word)
        itself = _ITSELF.match(text, m.end()) is not None   # "from A, west of Manbij, into the city itself": Manbij
        prior = [loc for loc in locs if loc.end <= m.start() and loc.place and loc.place.type in types
                 and (not loc.locator or itself)
                 and loc.kind in (_CAPITAL_NAMED_BY if word == "provincial capital" or itself else _NAMED_BY)
                 and (named is None or (loc.place.type == types[0] and word not in _NAMED_ALWAYS)
                      or named.search(loc.place.name)
                      or named.search(loc.label) or named.match(text, loc.end, loc.end + 10))]
        prior = [loc for loc in prior if itself or not _in_aside(text, loc, m.start())] or prior
        prior = [loc for loc in prior if not _speaker_seat(text, loc, m.start())] or prior
        prior = [loc for loc in prior if not _JOINED_TO.fullmatch(text, loc.end, m.start())]   # "from Nubl to the city"
        if m.group().casefold() == "the area" and not _TOWARDS.search(text, max(0, m.start() - 12), m.start()):
            # "vacate al-Tanf and hand the area to the army": the place just named, whatever its type
            just = [loc for loc in locs if 0 <= m.start() - loc.end <= _AREA_NEAR and loc.place and not loc.locator
                    and loc.kind in ("place", "near") and not _CLAUSE_MARK.search(text[loc.end:m.start()])]
            prior = prior + just[-1:] if just and (not prior or prior[-1].end < just[-1].end) else prior
        # "officials met in Geneva ... reinforcements south of the city": a venue abroad is not the story's city
        prior = [loc for loc in prior if not home or loc.place.country == home[0][0]] or prior
        exact = [loc for loc in prior if loc.place.type == types[0]]
        if prior:   # the last one named, if close by; else the last of the very type ("the town": a town)
            target = prior[-1] if m.start() - prior[-1].end < _COREF_NEAR else (exact or prior)[-1]
            target = _topic_over_landmark(text, prior, target)
            if types[0] == PlaceType.CITY and exact and target.place.type != PlaceType.CITY \
                    and m.start() - exact[-1].end < 2 * _COREF_NEAR \
                    and _CALLED_SMALL.search(text, max(0, target.start - 60), target.start):
                target = exact[-1]   # "Deir ez-Zor city ... the villages of al-Susah and Hajin ... The city": Deir ez-Zor
            base = Loc(m.start(), m.end(), target.place.name, target.place, target.place.geometry,
                       target.precision, mention=target.mention)
            rel = relative_before(text, m.start())
            if rel:
                geom, precision = locate(rel[0], target.place, rel[2], rel[3])
                base = replace(base, start=rel[1], geometry=geom, precision=precision, kind=rel[0],
                               label=text[rel[1]:m.end()])
            out.append(base)
    return out + _plural_corefs(text, locs) + _bank_corefs(text, locs) + _described_corefs(text, locs, out) \
        + _capital_corefs(text, locs, home[0][0] if home else "")


_ITSELF = re.compile(r"\s+itself\b")


# "from positions near the government-held town of ": a place named to say where something else is
_LANDMARK = re.compile(r"\b(?:near|from|towards?|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:town|village|city)\s+of\s+$",
                       re.I)


def _topic_over_landmark(text: str, prior: list[Loc], target: Loc) -> Loc:
    """ "troops shelled al-Tall from positions near the government-held town of Saydnaya ... threatened to storm
    the town": a town named once, as a landmark, is not the one the report is about (named in its title and
    again and again)."""
    title_end = text.find("\n")
    ids = [loc.place.id for loc in prior]
    if ids.count(target.place.id) > 1 or not _LANDMARK.search(text, max(0, target.start - 60), target.start):
        return target
    topic = next((loc.place.id for loc in prior if loc.start < title_end and ids.count(loc.place.id) >= 3
                  and loc.place.type in (target.place.type, PlaceType.TOWN, PlaceType.CITY)), None)
    return next((loc for loc in reversed(prior) if loc.place.id == topic), target)


# "towards the capital", "fire on the capital": not "the capital Damascus", "the capital of Hama province", "the
# capital's airport" (a place of its own), "the southern belt of the capital" (a part that names no place)
_CAPITAL = re.compile(r"\b(?:to|towards?|into|on|in|at|around|reached|entered)\s+the\s+(?:national\s+)?capital\b"
                      r"(?!['’]s\b)(?!\s+(?:of|city)\b)(?!,?\s+(?:al-)?[A-Z])")


def _capital_corefs(text: str, locs: list[Loc], home: str) -> list[Loc]:
    """ "pulled back along the highway towards the capital", "mortar fire on the capital": the capital of the report's
    country, when the report has named it before."""
    capital = fold(capital_names().get(home, "")) if home else ""
    out = []
    for m in _CAPITAL.finditer(text) if capital else ():
        named = [loc for loc in locs if loc.end <= m.start() and loc.place and loc.place.country == home
                 and loc.place.type == PlaceType.CITY and fold(loc.place.name) == capital]
        if not named or any(loc.start <= m.end() - 1 < loc.end for loc in locs):
            continue
        start = text.index("the", m.start())
        if relative_before(text, start) is None:   # "the town south-west of the capital" says where a place is
            place = named[-1].place
            out.append(Loc(start, m.end(), place.name, place, place.geometry, 1, mention=named[-1].mention))
    return out


# "the al-Safa area, a lava field of about 220 square kilometres": what the place is said to be
_DESCRIBED_AS = re.compile(r"(?:\s+(?:area|region|town|village|city|hills|district|plain|valley))?,\s+(?:a|an)\s+"
                           r"((?:[a-z][a-z-]+\s+)?[a-z][a-z-]{3,})"
                           r"(?=\s+(?:of|that|which|where|on|in|near|some|about|around|with|east|west|north|south)\b"
                           r"|\s*[,;.])")


def _described_corefs(text: str, locs: list[Loc], told: list[Loc]) -> list[Loc]:
    """ "the al-Safa area, a lava field of about 220 square kilometres ... warplanes pounded the lava field": a
    later "the <noun>" for a noun a place was described as (one the other back-references do not read)."""
    out: list[Loc] = []
    taken = [(loc.start, loc.end) for loc in locs + told]
    for loc in locs:
        m = _DESCRIBED_AS.match(text, loc.end) if loc.place is not None and not loc.locator else None
        if m is None or _COREF.fullmatch("the " + m.group(1)) or loc.kind != "place":
            continue
        for ref in re.finditer(rf"\bthe\s+{re.escape(m.group(1))}\b(?!\s+of\b)", text[m.end():]):
            start, end = m.end() + ref.start(), m.end() + ref.end()
            if not any(a < end and start < b for a, b in taken):
                out.append(Loc(start, end, loc.place.name, loc.place, loc.place.geometry, loc.precision,
                               mention=loc.mention))
    return out


_BANK = re.compile(r"\bthe\s+(east(?:ern)?|west(?:ern)?|north(?:ern)?|south(?:ern)?)\s+banks?\b(?!\s+of\b)", re.I)


def _bank_corefs(text: str, locs: list[Loc]) -> list[Loc]:
    """ "the eastern bank" after the Euphrates was named: that side of the river."""
    out = []
    for m in _BANK.finditer(text):
        river = [loc for loc in locs if loc.end <= m.start() and loc.place and loc.place.type == PlaceType.RIVER]
        if river and not any(loc.start <= m.start() < loc.end for loc in locs):
            geom, precision = locate("direction", river[-1].place, m.group(1).lower().replace("ern", ""))
            facing = _FACING.match(text, m.end())
            town = next((loc for loc in locs if facing and loc.start == facing.end() and loc.place is not None), None)
            if town is not None and not (near := geom.intersection(buffer_km(town.place.geometry, NEAR_KM))).is_empty:
                geom = orient(near)   # "the eastern bank opposite Deir ez-Zor": the stretch facing the town
            out.append(Loc(m.start(), m.end(), m.group(), river[-1].place, geom, precision, mention=river[-1].mention,
                           kind="direction"))
    return out


_FACING = re.compile(r"\s+(?:opposite|facing|across\s+from|near)\s+(?:the\s+(?:city|town|village)\s+of\s+)?", re.I)


_PLURAL = re.compile(r"\b(?:both|the\s+(two|three|four|five)|(those|these))\s+(towns|villages|cities|districts|"
                     r"neighbou?rhoods|camps)\b", re.I)
_PLURAL_TYPES = {"towns": "town", "villages": "village", "cities": "city", "districts": "district", "camps": "camp",
                 "neighbourhoods": "neighbourhood", "neighborhoods": "neighbourhood"}
_COUNT = {None: 2, "two": 2, "three": 3, "four": 4, "five": 5}


_NAMES_TOWN = frozenset({"place", "near", "outskirts", "offset", "countryside"})   # "65 km east of Palmyra" names
# Palmyra; "northern Hama" names a region


def _plural_corefs(text: str, locs: list[Loc]) -> list[Loc]:
    """ "Both towns", "the three villages": the last two (three) such places named before, one Loc
    each on the same span."""
    out = []
    for m in _PLURAL.finditer(text):
        if any(loc.start <= m.start() < loc.end for loc in locs):
            continue
        types = _COREF_TYPES[_PLURAL_TYPES[m.group(3).lower()]]
        n = _COUNT[m.group(1).lower() if m.group(1) else None]
        named = [loc for loc in locs if loc.end <= m.start() and loc.place and loc.place.type in types
                 and loc.kind in _NAMES_TOWN and m.start() - loc.end < 2 * _COREF_NEAR]
        prior = _last_distinct([loc for loc in named if not loc.locator])
        if m.group(2) and prior:   # "Mayadin and Albukamal ... Those towns": the last list named, however long
            listed = [loc for loc in chain(text, locs, prior[-1]) if loc in prior]
            prior, n = listed, max(len(listed), 2)
        if len(prior) < n:   # "Al-Sukhnah lies 65 km east of Palmyra. Both towns": the reference town too
            prior = _last_distinct([loc for loc in named if not loc.locator or loc.kind != "place"])
        if len(prior) >= n:
            out += [Loc(m.start(), m.end(), t.place.name, t.place, t.place.geometry, 1, mention=t.mention)
                    for t in prior[-n:]]
    return out


def _last_distinct(locs: list[Loc]) -> list[Loc]:
    """One Loc per place (its last mention), in text order."""
    return sorted({loc.place.id: loc for loc in locs}.values(), key=lambda loc: loc.start)


def same_place(a: Loc, b: Loc) -> bool:
    """Whether two Locs name one gazetteer place."""
    return a.place is not None and b.place is not None and a.place.id == b.place.id


def plain(loc: Loc, kinds: tuple[str, ...] = ("near", "outskirts")) -> Loc:
    """The place itself for a Loc that is only near it ("near X", "the outskirts of X"; with ``kinds``,
    also "south of X" when a relative clause is about X)."""
    if loc.kind in kinds and loc.place is not None:
        return replace(loc, label=loc.place.name, geometry=loc.place.geometry, precision=1, kind="place")
    return loc


# Between coordinated places; group 1 marks a container ("Sheikh Maqsoud in Aleppo", "the Barzeh district of Damascus")
_CHAIN_LINK = re.compile(r"(?:\s+(?:city|town|village))?(?:\s+itself)?"   # "Sweida city itself and the airbase"
                         r"(?:\s*,\s*(?:about|some|around|nearly|roughly|just)\s+[^,;.()]{1,60}(?=,))?"   # "A, just
                         r"\s*(?:,|and|,\s*and|(in|(?:district|neighbou?rhood|quarter|suburb)\s+of)|of)\s+"   # 7 km south,
                         r"(?:the\s+(?:(?:(?:nearby|adjacent|neighbou?ring)\s+)?(?:(?:towns?|villages?|city|cities)\s+(?:of|along|on)\s+"
                         # and neighbouring B", "and the villages north of the Sajur"
                         r"(?:the\s+)?)?|rest\s+of\s+(?:the\s+)?|(?:towns|villages)\s+)?"
                         r"|(?:nearby|adjacent|neighbou?ring)\s+)?", re.I)   # "A and the neighbouring town of B"


_NAMED_AREAS = frozenset({PlaceType.AREA, PlaceType.MOUNTAIN, PlaceType.PLAIN})


_ALIAS_LINK = re.compile(r"\s*\(\s*")
_FEATURE_WORD = re.compile(r"\s+(?:(?:front\s+)?line|front|river|valley|hills?|ridge)\s+", re.I)


def chain(text: str, locs: list[Loc], anchor: Loc) -> list[Loc]:
    """The Locs coordinated with ``anchor`` ("X and Y", "X, Y and Z", "X and the nearby Y",
    "X and Y in Z"), specific places first: a containing region is dropped when
    specific places are named."""
    group = [loc for loc in locs if (loc.start, loc.end) == (anchor.start, anchor.end)]   # "both towns": all of them
    j = locs.index(group[0])
    while j > 0 and _ALIAS_LINK.fullmatch(text, locs[j - 1].end, locs[j].start) and text.startswith(")", locs[j].end) \
            and same_place(locs[j - 1], locs[j]):
        j -= 1   # "Bilbilê (Bulbul)": one place under two names
    if j > 1 and locs[j].kind != "place" and _FEATURE_WORD.fullmatch(text, locs[j - 1].end, locs[j].start):
        j -= 1   # "A, B and the Sajur line north of the city": one item, a name placed by what follows it
        if locs[j].located:
            group.insert(0, locs[j])
    while j > 0 and (link := _CHAIN_LINK.fullmatch(text, locs[j - 1].end, locs[j].start)):
        if link.group(1) and locs[j - 1].precision == 1 and not locs[j - 1].locator:
            group = [loc for loc in group if loc is not locs[j]]   # "Sheikh Maqsoud in Aleppo": Aleppo only says where
        j -= 1
        if not locs[j].locator:
            group.insert(0, locs[j])
    specific = [loc for loc in group if loc.precision == 1 or loc.kind in ("near", "outskirts")
                or (loc.place is None and loc.kind == "place")   # a village the gazetteer lacks, placed nearby
                or (loc.kind == "place" and loc.place is not None and loc.place.type in _NAMED_AREAS)]   # "Jabal
    # al-Zawiya and the city of Ariha": a named area is one of the places, not their container
    return specific or group


def representative(loc: Loc) -> shapely.Point | None:
    """A point for the Loc (its own point, or a point inside its area)."""
    if not loc.located:
        return None
    if loc.geometry.geom_type == "Point":
        return loc.geometry
    if loc.kind in ("near", "outskirts") and loc.place is not None and loc.place.geometry.geom_type == "Point":
        return loc.place.geometry   # "positions around Palmyra": the town's own point stands for them
    if around_a_point(loc):
        return loc.place.geometry   # "the countryside of Derik": the town stands for it, not a point on the ring
    if loc.place is not None and loc.place.type in LINEAR_TYPES:
        return _along(loc.geometry)
    return loc.geometry.representative_point()


def around_a_point(loc: Loc) -> bool:
    """Whether the Loc is an area drawn all around a place's point ("the countryside of Derik"), not a
    sector on one side of it ("the western countryside of Derik")."""
    return (loc.kind == "countryside" and loc.place is not None and loc.place.geometry.geom_type == "Point"
            and loc.geometry.centroid.distance(loc.place.geometry) < 0.01)


def _along(band: BaseGeometry) -> shapely.Point:
    """A point that stands for a stretch of road or one side of it: its centroid when that lies
    inside, else a point inside its largest piece (the side of a bent road is a string of pieces)."""
    parts = getattr(band, "geoms", [band])
    for area in (band, max(parts, key=lambda g: g.area)):
        if area.contains(area.centroid):
            return area.centroid
    return max(parts, key=lambda g: g.area).representative_point()


def area_of(loc: Loc) -> BaseGeometry | None:
    """An area for the Loc: its polygon, or the place's footprint."""
    if not loc.located:
        return None
    if loc.geometry.geom_type in ("Polygon", "MultiPolygon"):
        return loc.geometry
    if loc.place is not None and loc.precision == 1:
        return place_area(loc.place)
    return buffer_km(loc.geometry, 2.0)
