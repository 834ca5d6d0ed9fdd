"""Candidate ranking: feature class, importance, name quality and focus.

A candidate's score adds up

* the match tier (exact folded key, consonant skeleton, fuzzy),
* a weight per place type (a city outranks a governorate of the same name
  unless the query says "governorate"; see :data:`TYPE_WEIGHT`),
* importance: ``log10(population)``,
* +0.3 when the preferred name matched rather than an alternate name, and
  +0.8 when the matched name has the very letters asked for,
* the layer: curated theatre entries and user entries get a small bonus,
* focus: the place lies in a focus country, or near a focus point (the
  article's other places), decaying with distance.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from geo.distance import nearest_km
from geo.gazetteer.fold import fold

from geo.model import Place, PlaceType

__all__ = ["Focus", "TYPE_WEIGHT", "TIER_WEIGHT", "score", "base_score", "finish_score", "type_hints"]

TYPE_WEIGHT: dict[PlaceType, float] = {
    PlaceType.COUNTRY: 3.0, PlaceType.ADMIN1: 1.0, PlaceType.ADMIN2: 0.8, PlaceType.CITY: 1.4,
    PlaceType.TOWN: 1.0, PlaceType.VILLAGE: 0.6, PlaceType.NEIGHBOURHOOD: 0.4,
    PlaceType.REGION: 1.2, PlaceType.MOUNTAIN: 1.2, PlaceType.PLAIN: 1.0, PlaceType.AREA: 1.2,
    PlaceType.ROAD: 1.2, PlaceType.RIVER: 1.2, PlaceType.BASE: 0.9, PlaceType.AIRPORT: 0.9, PlaceType.CROSSING: 0.9,
    PlaceType.FIELD: 0.8, PlaceType.DAM: 0.8, PlaceType.STATION: 0.6, PlaceType.LANDMARK: 0.6,
    PlaceType.CAMP: 0.7,
}
TIER_WEIGHT = {"exact": 3.0, "skeleton": 2.0, "fuzzy": 1.0}
LAYER_BONUS = {"base": 0.0, "overlay": 0.6, "bulk": 0.2, "user": 0.3}
_HINT_BONUS = 3.0
_SHAPED_REGIONS = frozenset({PlaceType.REGION, PlaceType.MOUNTAIN, PlaceType.PLAIN, PlaceType.AREA})

_TYPE_WORDS: dict[str, frozenset[PlaceType]] = {
    "governorate": frozenset({PlaceType.ADMIN1}), "province": frozenset({PlaceType.ADMIN1}),
    "muhafazah": frozenset({PlaceType.ADMIN1}), "city": frozenset({PlaceType.CITY, PlaceType.TOWN}),
    "town": frozenset({PlaceType.TOWN, PlaceType.CITY, PlaceType.VILLAGE}),
    "village": frozenset({PlaceType.VILLAGE, PlaceType.TOWN}),
    "airbase": frozenset({PlaceType.BASE, PlaceType.AIRPORT}),
    "air base": frozenset({PlaceType.BASE, PlaceType.AIRPORT}),
    "military airport": frozenset({PlaceType.BASE, PlaceType.AIRPORT}),
    "airport": frozenset({PlaceType.AIRPORT, PlaceType.BASE}), "base": frozenset({PlaceType.BASE}),
    "crossing": frozenset({PlaceType.CROSSING}), "border crossing": frozenset({PlaceType.CROSSING}),
    "area": frozenset({PlaceType.AREA, PlaceType.REGION, PlaceType.MOUNTAIN, PlaceType.PLAIN}),
    "region": frozenset({PlaceType.AREA, PlaceType.REGION, PlaceType.MOUNTAIN, PlaceType.PLAIN}),
    "plain": frozenset({PlaceType.PLAIN}), "camp": frozenset({PlaceType.CAMP}),
    "dam": frozenset({PlaceType.DAM}), "field": frozenset({PlaceType.FIELD}),
    "oil field": frozenset({PlaceType.FIELD}), "gas field": frozenset({PlaceType.FIELD}),
    "neighbourhood": frozenset({PlaceType.NEIGHBOURHOOD}),
    "neighborhood": frozenset({PlaceType.NEIGHBOURHOOD}),
    "station": frozenset({PlaceType.STATION}), "highway": frozenset({PlaceType.ROAD}),
    "road": frozenset({PlaceType.ROAD}), "river": frozenset({PlaceType.RIVER}),
}


@dataclass(frozen=True, slots=True)
class Focus:
    """Where the caller expects the place to be.

    Parameters
    ----------
    countries : frozenset of str
        ISO alpha-2 codes.
    points : tuple of (lat, lon)
        Reference points, e.g. the article's other places.
    radius_km : float
        Distance at which the point bonus has decayed to about a third.
    """

    countries: frozenset[str] = field(default_factory=frozenset)
    points: tuple[tuple[float, float], ...] = ()
    radius_km: float = 150.0

    def __post_init__(self) -> None:
        # Accept any iterables (``countries={"SY"}``, a list of points) but stay hashable.
        object.__setattr__(self, "countries", frozenset(self.countries))
        object.__setattr__(self, "points", tuple((float(lat), float(lon)) for lat, lon in self.points))


_LEADING = frozenset(fold(w) for w in ("city", "town", "village"))


@lru_cache(maxsize=1)
def _folded_type_words() -> tuple[tuple[str, frozenset[PlaceType]], ...]:
    return tuple(sorted(((fold(w), t) for w, t in _TYPE_WORDS.items()), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=1 << 16)
def type_hints(key: str) -> tuple[str, frozenset[PlaceType]]:
    """Split a trailing type word (or a leading "city"/"town"/"village") off a folded key.

    Returns
    -------
    (str, frozenset of PlaceType)
        The remaining key and the place types the word asks for.

    Examples
    --------
    >>> type_hints("latakia guvarnurata")[0]
    'latakia'
    """
    for word, types in _folded_type_words():
        if key.endswith(" " + word):
            return key[: -len(word) - 1], types
        if key.startswith(word + " ") and word in _LEADING:
            return key[len(word) + 1:], types
    return key, frozenset()


def _focus_bonus(place: Place, focus: Focus | None) -> float:
    if focus is None:
        return 0.0
    bonus = 0.8 if place.country and place.country in focus.countries else 0.0
    if focus.points:
        d = nearest_km(place.lat, place.lon, focus.points)
        bonus += 3.0 * math.exp(-d / max(focus.radius_km, 1.0))
    return bonus


def score(place: Place, *, tier: str, primary: bool, layer: str, focus: Focus | None = None,
          hints: frozenset[PlaceType] = frozenset(), similarity: float = 1.0,
          same_letters: bool = False) -> float:
    """Score one candidate; higher is better."""
    pre = base_score(place, tier=tier, primary=primary, similarity=similarity, same_letters=same_letters)
    return finish_score(pre, place, layer=layer, focus=focus, hints=hints)


def base_score(place: Place, *, tier: str, primary: bool, similarity: float = 1.0,
               same_letters: bool = False) -> float:
    """The part of :func:`score` that depends on the name match and the place alone (cacheable)."""
    s = TIER_WEIGHT[tier] * similarity + TYPE_WEIGHT.get(place.type, 0.5)
    s += 0.8 if same_letters else 0.0
    s += math.log10(place.population + 1) / 7.0 + (0.3 if primary else 0.0)
    return s


def finish_score(pre: float, place: Place, *, layer: str, focus: Focus | None = None,
                 hints: frozenset[PlaceType] = frozenset()) -> float:
    """:func:`score` from its cached :func:`base_score`: layer, focus, shape and type hints."""
    s = pre + (LAYER_BONUS.get(layer, 0.0) + _focus_bonus(place, focus))
    if place.wkb is not None and place.type in _SHAPED_REGIONS:
        s += 0.1
    if hints and place.type in hints:
        s += _HINT_BONUS
    return s
