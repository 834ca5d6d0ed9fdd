"""Small frozen value types that flow through the program.

``Article`` → ``Mention`` → ``Place`` → ``Claim`` → zones and exports. Each
validates itself on construction; coordinates are (lon, lat) everywhere
except where a field says ``lat``/``lon`` explicitly.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from geo.errors import ChoiceError, GeoError

if TYPE_CHECKING:  # pragma: no cover
    from shapely.geometry.base import BaseGeometry
else:
    BaseGeometry = object

__all__ = [
    "PlaceType",
    "Place",
    "Candidate",
    "Article",
    "Mention",
    "Modality",
    "ClaimKind",
    "EventType",
    "Actor",
    "Claim",
    "parse_choice",
]


def parse_choice(enum: type[Enum], value: object, what: str) -> Any:
    """Return ``enum(value)`` or raise :class:`ChoiceError` listing the allowed values.

    Examples
    --------
    >>> parse_choice(Modality, "possible", "modality")
    <Modality.POSSIBLE: 'possible'>
    """
    if isinstance(value, enum):
        return value
    try:
        return enum(value)
    except ValueError:
        raise ChoiceError(what, value, [m.value for m in enum]) from None


class PlaceType(str, Enum):
    """What kind of place a gazetteer entry is; decides its default footprint."""

    COUNTRY = "country"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"
    NEIGHBOURHOOD = "neighbourhood"
    REGION = "region"
    MOUNTAIN = "mountain"
    PLAIN = "plain"
    AREA = "area"
    ROAD = "road"
    RIVER = "river"
    BASE = "base"
    AIRPORT = "airport"
    CROSSING = "crossing"
    FIELD = "field"
    DAM = "dam"
    STATION = "station"
    LANDMARK = "landmark"
    CAMP = "camp"


#: Places drawn as lines: "south of the M4" and "east of the Euphrates" are one side of them.
LINEAR_TYPES = frozenset({PlaceType.ROAD, PlaceType.RIVER})


@lru_cache(maxsize=1 << 14)
def _from_wkb(wkb: bytes) -> BaseGeometry:
    import shapely

    return shapely.from_wkb(wkb)


@lru_cache(maxsize=1 << 14)
def _point(lon: float, lat: float) -> BaseGeometry:
    import shapely

    return shapely.Point(lon, lat)


def _check_lat_lon(lat: float, lon: float, what: str) -> None:
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise GeoError(f"{what}: coordinates must be finite numbers, got lat={lat!r} lon={lon!r}")
    if not -90.0 <= lat <= 90.0:
        raise GeoError(f"{what}: latitude {lat!r} is outside [-90, 90]; are lat and lon swapped?")
    if not -180.0 <= lon <= 180.0:
        raise GeoError(f"{what}: longitude {lon!r} is outside [-180, 180]")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    Parameters
    ----------
    id : str
        Stable identifier, prefixed by its source (``gn:170063``, ``sy-tarnabah``,
        ``ne:SY``, ``user:…``).
    name : str
        Preferred name.
    type : PlaceType
        Feature type.
    lat, lon : float
        Representative point (WGS84).
    admin1 : str
        First-level division name ("" when unknown).
    country : str
        ISO 3166-1 alpha-2 code ("" when unknown).
    population : int
        Population, 0 when unknown.
    source : str
        Where the entry comes from (dataset and note).
    wkb : bytes or None
        Shape (polygon or line) as WKB, when the entry has one.
    """

    id: str
    name: str
    type: PlaceType
    lat: float
    lon: float
    admin1: str = ""
    country: str = ""
    population: int = 0
    source: str = ""
    wkb: bytes | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        _check_lat_lon(self.lat, self.lon, f"place {self.id!r}")
        if not isinstance(self.type, PlaceType):
            object.__setattr__(self, "type", parse_choice(PlaceType, self.type, "place type"))

    @property
    def geometry(self) -> BaseGeometry:
        """The shape if there is one, else the point, as a shapely geometry."""
        if self.wkb is not None:
            return _from_wkb(self.wkb)
        return _point(self.lon, self.lat)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place proposed for a name, with its ranking score and why."""

    place: Place
    score: float
    matched: str
    tier: str = "exact"

    def as_dict(self) -> dict[str, Any]:
        """Flat record for printing and JSON."""
        p = self.place
        return {
            "id": p.id, "name": p.name, "type": p.type.value, "lat": p.lat, "lon": p.lon,
            "admin1": p.admin1, "country": p.country, "source": p.source,
            "score": round(self.score, 3), "matched": self.matched, "tier": self.tier,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """One input report."""

    text: str
    source: str
    title: str = ""
    date: str | None = None
    url: str = ""
    outlet: str = ""
    dateline: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article that names a place (or a place the gazetteer lacks)."""

    start: int
    end: int
    surface: str
    key: str
    candidates: tuple[Candidate, ...] = ()
    pattern: str = "gazetteer"

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise GeoError(f"mention span ({self.start}, {self.end}) is not a valid span")


class Modality(str, Enum):
    """How firmly the report states a claim."""

    REPORTED = "reported"
    CLAIMED = "claimed"
    POSSIBLE = "possible"


class ClaimKind(str, Enum):
    """What a claim says."""

    CONTROL = "control"
    EVENT = "event"
    ROUTE = "route"
    EXCHANGE = "exchange"


class EventType(str, Enum):
    """Closed set of event types."""

    STRIKE = "strike"
    BUILDUP = "buildup"
    CLASH = "clash"
    ATTACK = "attack"
    CAPTURE = "capture"
    HANDOVER = "handover"
    AGREEMENT = "agreement"
    PATROL = "patrol"
    MILITARY_ACTION = "military_action"


@dataclass(frozen=True, slots=True)
class Actor:
    """A force or party from the actor registry. ``also`` holds blocs it belongs to besides ``bloc`` in its era
    (the state's forces after Assad's fall: HTS-led, and still the state's)."""

    id: str
    name: str
    bloc: str
    kind: str = "force"
    also: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """One located, attributed statement of a report.

    ``places`` holds place ids in role order: for a route (from, to), for an
    exchange (A, B). ``geometry`` is WKB (lon/lat) of what the claim covers.
    """

    kind: ClaimKind
    source: str
    evidence: str
    span: tuple[int, int]
    modality: Modality
    actors: tuple[str, ...] = ()
    blocs: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    place_names: tuple[str, ...] = ()
    geometry: bytes | None = field(default=None, repr=False)
    geo_precision: int = 1
    date: str | None = None
    event_type: EventType | None = None
    attribution: str = ""
    details: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", parse_choice(ClaimKind, self.kind, "claim kind"))
        object.__setattr__(self, "modality", parse_choice(Modality, self.modality, "modality"))
        if self.event_type is not None:
            object.__setattr__(self, "event_type", parse_choice(EventType, self.event_type, "event type"))
        if self.geo_precision not in (1, 2, 3):
            raise ChoiceError("geo_precision", self.geo_precision, ["1", "2", "3"])
