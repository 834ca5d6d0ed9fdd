"""Relative locations: "west of Aleppo", "the eastern countryside of Idlib",
"15 km east of Kobani", "the outskirts of Ariha", "near X", "between A and B",
"south of the M4", "northwest Syria".

Each phrase becomes a geometry (an offset point, or a sector, ring, band or
buffer polygon, computed in a local metric projection) with a precision code
like ACLED's ``geo_precision``: 1 exact place, 2 near or part of a place,
3 region.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import shapely
from shapely.geometry.base import BaseGeometry

from geo.extract.text import NUMBER_WORD, NUMBER_WORDS
from geo.geometry import buffer_km, offset_point, orient, sector, to_local
from geo.model import LINEAR_TYPES, Place, PlaceType

__all__ = ["Relative", "BEARINGS", "footprint_km", "place_area", "relative_before", "relative_after",
           "between", "locate"]

BEARINGS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
    "west": 270, "northwest": 315,
    "northnortheast": 22.5, "eastnortheast": 67.5, "eastsoutheast": 112.5, "southsoutheast": 157.5,
    "southsouthwest": 202.5, "westsouthwest": 247.5, "westnorthwest": 292.5, "northnorthwest": 337.5,
}
_DIR = (r"((?:north|south|east|west)-?(?:north|south)-?(?:east|west)"   # "west-southwest"
        r"|north|south|east|west|north-?east|north-?west|south-?east|south-?west)")
_DIR_ADJ = r"(northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)"
_OF_TYPE = r"(?:the\s+(?:city|town|village|governorate|province|region|area|countryside)\s+of\s+)?(?:the\s+)?"
_BEFORE = [
    # "15 km east of", "nine kilometers south-southwest of", "20 kilometers (13 miles) southwest of"
    ("offset", re.compile(rf"\b(\d+(?:\.\d+)?|{NUMBER_WORD})[\s-]*(?:km|kilomet(?:er|re)s?|mi(?:les?)?)"
                          rf"(?:\s*\([^()]{{1,20}}\))?\s+(?:to\s+the\s+)?{_DIR}\s+of\s+{_OF_TYPE}$", re.I)),
    ("countryside", re.compile(rf"\b(?:the\s+)?(?:{_DIR_ADJ}\s+)?(?:countryside|rural\s+areas|hinterland|suburbs|"
                               rf"environs)\s+of\s+{_OF_TYPE}$", re.I)),
    ("outskirts", re.compile(rf"\b(?:the\s+)?(?:{_DIR_ADJ}\s+)?(?:outskirts|edges?|entrances?|vicinity|approaches)\s+"
                             rf"of\s+{_OF_TYPE}$", re.I)),
    # "in the south-east of the city", "the northern districts of Aleppo": a part of the place, not beyond it
    ("part", re.compile(rf"(?<!\bto\s)\bthe\s+(?:far\s+)?{_DIR}\s+of\s+{_OF_TYPE}$", re.I)),
    ("part", re.compile(rf"\bthe\s+{_DIR_ADJ}\s+(?:part|parts|half|districts|neighbou?rhoods|quarters|sector)\s+of\s+"
                        rf"{_OF_TYPE}$", re.I)),
    ("direction", re.compile(rf"\b(?:to\s+the\s+)?{_DIR}\s+of\s+{_OF_TYPE}$", re.I)),
    # "the eastern bank of the Euphrates"
    ("direction", re.compile(rf"\b(?:the\s+)?(?:{_DIR_ADJ}|{_DIR})\s+banks?\s+of\s+(?:the\s+)?$", re.I)),
    ("near", re.compile(rf"\b(?:near|nearby|close\s+to|around|outside|in\s+the\s+vicinity\s+of)\s+{_OF_TYPE}$", re.I)),
    ("part", re.compile(rf"\b{_DIR_ADJ}\s+$", re.I)),
    ("part", re.compile(rf"\b{_DIR}\s+$", re.I)),
]
_COMPASS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
            "north-east", "north-west", "south-east", "south-west")
# The last word of every phrase above, before the place's name (and "the", "city of")
_LAST_WORDS = frozenset({"of", "near", "nearby", "to", "around", "outside", *_COMPASS,
                         *(d + "ern" for d in _COMPASS)})
_AFTER = [
    # "Idlib countryside", "Idlib's southern countryside", "Aleppo's western outskirts"
    ("countryside", re.compile(rf"^(?:['’]s)?\s+(?:{_DIR_ADJ}\s+)?(?:countryside|rural\s+areas|suburbs|hinterland)\b",
                               re.I)),
    ("outskirts", re.compile(rf"^(?:['’]s)?\s+(?:{_DIR_ADJ}\s+)?(?:outskirts|edges?)\b", re.I)),
    # "Syria's northwest", "Deir ez-Zor's eastern desert", but not "Syria's northern neighbour Turkey"
    ("part", re.compile(rf"^(?:['’]s)?\s+(?:far\s+|extreme\s+)?"
                        rf"(?:{_DIR}\b(?!-)|{_DIR_ADJ}\s+(?:desert|regions?|parts?|areas|reaches|flank)\b)", re.I)),
]
_FOOTPRINT_KM = {
    PlaceType.CITY: 8.0, PlaceType.TOWN: 3.0, PlaceType.VILLAGE: 1.5, PlaceType.NEIGHBOURHOOD: 1.0,
    PlaceType.BASE: 2.0, PlaceType.AIRPORT: 2.0, PlaceType.CROSSING: 1.0, PlaceType.FIELD: 3.0,
    PlaceType.DAM: 1.5, PlaceType.STATION: 0.5, PlaceType.LANDMARK: 0.5, PlaceType.CAMP: 1.5,
    PlaceType.ADMIN1: 35.0, PlaceType.ADMIN2: 15.0, PlaceType.MOUNTAIN: 12.0, PlaceType.REGION: 15.0,
    PlaceType.PLAIN: 15.0, PlaceType.AREA: 15.0,
}


_PART_SHARE = 0.6   # "the southern neighbourhoods of al-Bab" lie in the built-up town, short of its footprint's edge


@dataclass(frozen=True, slots=True)
class Relative:
    """A relative-location phrase resolved to a geometry.

    ``start``/``end`` span the whole phrase including the anchor place name.
    """

    kind: str
    start: int
    end: int
    geometry: BaseGeometry
    precision: int
    label: str


def footprint_km(place: Place) -> float:
    """Rough radius of a place of this type (km), for buffers and rings."""
    return _FOOTPRINT_KM.get(place.type, 2.0)


@lru_cache(maxsize=8192)
def place_area(place: Place) -> BaseGeometry:
    """The place's own polygon when it has one, else a buffer by its footprint (cached)."""
    geom = place.geometry
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    if geom.geom_type in ("LineString", "MultiLineString"):
        return buffer_km(geom, 3.0)
    return buffer_km(geom, footprint_km(place))


def _bearing(word: str) -> float:
    return float(BEARINGS[word.lower().replace("-", "").replace("ern", "")])


def _region_part(place: Place, bearing: float) -> BaseGeometry:
    """The part of a shaped place (country, area) that faces a bearing from its centre."""
    area = place_area(place)
    centre = area.representative_point() if place.type != PlaceType.COUNTRY else shapely.Point(place.lon, place.lat)
    wedge = sector(centre.x, centre.y, bearing, 0.0, 3000.0, half_width_deg=67.5)
    part = area.intersection(wedge)
    return orient(part) if not part.is_empty else area


def _shaped(place: Place) -> bool:
    return place.wkb is not None or place.type in (PlaceType.ADMIN1, PlaceType.COUNTRY, PlaceType.REGION,
                                                   PlaceType.AREA, PlaceType.MOUNTAIN, PlaceType.PLAIN)


@lru_cache(maxsize=8192)
def locate(kind: str, place: Place, direction: str = "", distance_km: float = 0.0) -> tuple[BaseGeometry, int]:
    """Geometry and precision for one kind of relative phrase around ``place`` (cached:
    the same phrase about the same place recurs across reports)."""
    r = footprint_km(place)
    if place.type in LINEAR_TYPES:
        return _road_band(place, direction), 3
    if kind == "offset":
        return shapely.Point(offset_point(place.lon, place.lat, _bearing(direction), distance_km)), 2
    if kind == "countryside":
        if direction:
            return sector(place.lon, place.lat, _bearing(direction), r, r + 25.0, 60.0), 3
        return _ring(place, r, r + 25.0), 3
    if kind == "outskirts":
        return _ring(place, max(r - 1.0, 0.0), r + 4.0), 2
    if kind == "near":
        return buffer_km(place.geometry if not _shaped(place) else place_area(place), r + 6.0), 2
    if kind in ("direction", "part") and _shaped(place):
        return _region_part(place, _bearing(direction)), 3
    if kind == "part":   # "the south-east of the city": its side of the place itself
        return sector(place.lon, place.lat, _bearing(direction), 0.0, _PART_SHARE * r), 2
    if kind == "direction":   # "the slopes south of a village" lie closer than "the towns south of a city"
        return sector(place.lon, place.lat, _bearing(direction), r, r + min(20.0, max(6.0, 4.0 * r))), 2
    return place_area(place), 2


def _ring(place: Place, inner: float, outer: float) -> BaseGeometry:
    outer_g = buffer_km(place.geometry, outer)
    if inner <= 0:
        return outer_g
    return orient(outer_g.difference(buffer_km(place.geometry, inner)))


@lru_cache(maxsize=64)
def _road_band(road: Place, direction: str, width_km: float = 20.0) -> BaseGeometry:
    """The side of a road facing ``direction``, or both sides.

    A road bends ("south of the M4" runs along its east-west stretch, not along the stretch that turns
    north-east), so each segment gives its own one-sided buffer on the side that faces the direction;
    segments that run along the direction face neither side and give nothing.
    """
    local, back = to_local(road.geometry)
    if not direction:
        return orient(back(local.buffer(width_km * 1000)))
    rad = math.radians(_bearing(direction))
    want = (math.sin(rad), math.cos(rad))
    parts = []
    for line in getattr(local, "geoms", [local]):
        xy = list(line.coords)
        for (x0, y0), (x1, y1) in zip(xy, xy[1:]):
            length = math.hypot(x1 - x0, y1 - y0)
            if length == 0:
                continue
            left = (-(y1 - y0) / length, (x1 - x0) / length)   # the normal on the segment's left
            facing = left[0] * want[0] + left[1] * want[1]
            if abs(facing) < 0.5:   # within 30 degrees of the direction: no side faces it
                continue
            segment = shapely.LineString([(x0, y0), (x1, y1)])
            parts.append(segment.buffer((1 if facing > 0 else -1) * width_km * 1000, single_sided=True))
    if not parts:
        return orient(back(local.buffer(width_km * 1000)))
    return orient(back(shapely.union_all(parts)))


def relative_before(text: str, start: int) -> tuple[str, int, str, float] | None:
    """A relative phrase ending right before a place name at ``start``.

    Returns (kind, phrase start, direction word, distance km) or None.

    Examples
    --------
    >>> relative_before("troops west of the city of Aleppo", 27)[:3]
    ('direction', 7, 'west')
    """
    window_start = max(0, start - 80)
    window = text[window_start:start]
    if not window[-1:].isspace() or _LAST_WORDS.isdisjoint(window.casefold().split()[-2:]):
        return None   # every phrase ends in "of", a "near" word or a direction, then spaces
    for kind, rx in _BEFORE:
        m = rx.search(window)
        if m:
            direction, dist = _groups(kind, m)
            return kind, window_start + m.start(), direction, dist
    return None


def _groups(kind: str, m: re.Match[str]) -> tuple[str, float]:
    if kind == "offset":
        number = m.group(1).casefold()
        return m.group(2), float(NUMBER_WORDS.get(number) or number)
    direction = next((g for g in m.groups() if g), "")
    return direction, 0.0


def relative_after(text: str, end: int) -> tuple[str, int, str] | None:
    """A phrase right after a place name; returns (kind, phrase end, direction word).

    Examples
    --------
    >>> relative_after("Jets hit Idlib's southern countryside.", 14)
    ('countryside', 37, 'southern')
    >>> relative_after("Israel struck Syria's southwest.", 19)
    ('part', 31, 'southwest')
    """
    tail = text[end:end + 40]
    possessive = tail[:2] in ("'s", "’s") or text[end - 2:end] in ("'s", "’s")
    if not (tail[:1].isspace() or possessive):
        return None
    for kind, rx in _AFTER:
        m = rx.search(tail)
        if m and (possessive or kind != "part"):
            return kind, end + m.end(), next((g for g in m.groups() if g), "")
    return None


def between(a: Place, b: Place) -> tuple[BaseGeometry, int]:
    """The corridor between two places: their joining line buffered by 5 km."""
    line = shapely.LineString([(a.lon, a.lat), (b.lon, b.lat)])
    return buffer_km(line, 5.0), 2
