"""Shared helpers for the extractor tests (tests/test_extract_*.py, tests/test_fuzz.py).

pytest only loads ``conftest.py`` automatically, so the extraction tests import
this module directly (``tests/`` is on ``sys.path`` in pytest's default import mode).
"""
from __future__ import annotations

import shapely
from geopy.distance import great_circle

from geo.extract.pipeline import Extraction, extract
from geo.ingest import article_from_text

_CACHE: dict[tuple[int, str], Extraction] = {}


def run(text: str, gaz) -> Extraction:
    """``extract`` of a one-off article built from ``text`` (cached per gazetteer and text)."""
    key = (id(gaz), text)
    if key not in _CACHE:
        _CACHE[key] = extract(article_from_text(text, "t.txt"), gazetteer=gaz)
    return _CACHE[key]


def claims(ex: Extraction, kind: str, event_type: str | None = None) -> list:
    """Claims of a kind (and event type)."""
    return [c for c in ex.claims if c.kind.value == kind
            and (event_type is None or (c.event_type is not None and c.event_type.value == event_type))]


def place_ids(ex: Extraction) -> set[str]:
    return {p.place.id for p in ex.places if p.place is not None}


def place_names(ex: Extraction) -> set[str]:
    return {p.name for p in ex.places}


def countries(ex: Extraction) -> set[str]:
    return {p.place.country for p in ex.places if p.place is not None}


def geom(claim):
    return shapely.from_wkb(claim.geometry)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance of two (lat, lon) pairs in km."""
    return great_circle(a, b).km


def place(gaz, name: str):
    """The top gazetteer place for a name."""
    return gaz.lookup(name, limit=1)[0].place

def holders(ex) -> set:
    """(first place, first bloc) of each control claim."""
    return {(c.place_names[0], c.blocs[0]) for c in claims(ex, "control")}

def held_all(ex) -> set:
    """(place, bloc) of every place and bloc of every control claim."""
    return {(n, b) for c in claims(ex, "control") for n in c.place_names for b in c.blocs}


def events_of(ex, etype: str) -> list:
    """Event claims of one type."""
    return claims(ex, "event", etype)


def told_in(ex, kind: str, opening: str, event_type: str | None = None) -> list:
    """Claims of a kind (and event type) whose evidence sentence opens with ``opening``."""
    return [c for c in claims(ex, kind, event_type) if c.evidence.startswith(opening)]

def sides(x) -> tuple:
    """Who receives each leg of an exchange claim."""
    return x.details["a_to"], x.details["b_to"]

def routes_of(ex) -> list:
    """(place names, blocs) of each route claim."""
    return [(c.place_names, c.blocs) for c in claims(ex, "route")]
