"""Value types validate themselves."""
from __future__ import annotations

import dataclasses
import math

import pytest

from geo.errors import ChoiceError, GeoError
from geo.model import (Candidate, Claim, ClaimKind, EventType, Mention, Modality, Place, PlaceType,
                       parse_choice)


def _place(**kw):
    kw = {"id": "t", "name": "T", "type": "village", "lat": 35.9, "lon": 36.6, **kw}
    return Place(**kw)


@pytest.mark.parametrize("lat", [90.5, -91.0, 136.6, 1e9])
def test_latitude_out_of_range_suggests_swap(lat):
    with pytest.raises(GeoError, match=rf"place 't': latitude {lat!r} is outside \[-90, 90\]; are lat and lon swapped\?"):
        _place(lat=lat)


@pytest.mark.parametrize("lon", [180.1, -200.0])
def test_longitude_out_of_range(lon):
    with pytest.raises(GeoError, match=rf"longitude {lon!r} is outside \[-180, 180\]"):
        _place(lon=lon)


@pytest.mark.parametrize(("lat", "lon"), [(math.nan, 36.0), (35.0, math.inf), (-math.inf, 0.0)])
def test_non_finite_coordinates(lat, lon):
    with pytest.raises(GeoError, match="coordinates must be finite numbers"):
        _place(lat=lat, lon=lon)


@pytest.mark.parametrize(("lat", "lon"), [(90.0, 180.0), (-90.0, -180.0), (0.0, 0.0)])
def test_edges_are_valid(lat, lon):
    assert _place(lat=lat, lon=lon).lat == lat


@pytest.mark.parametrize("value", ["village", PlaceType.VILLAGE])
def test_place_type_from_string_or_enum(value):
    assert _place(type=value).type is PlaceType.VILLAGE


def test_bad_place_type_lists_allowed():
    with pytest.raises(ChoiceError, match=r"place type 'hamlet' is not allowed; choose one of: country, admin1, .*camp"):
        _place(type="hamlet")


def test_place_is_frozen_and_geometry_is_lon_lat():
    p = _place()
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.lat = 0.0  # type: ignore[misc]
    assert (p.geometry.x, p.geometry.y) == (36.6, 35.9)


def test_place_equality_ignores_wkb():
    assert _place(wkb=b"x") == _place()


@pytest.mark.parametrize(("enum", "value", "what", "listed"), [
    (Modality, "rumoured", "modality", "reported, claimed, possible"),
    (ClaimKind, "rumour", "claim kind", "control, event, route, exchange"),
    (EventType, "bombing", "event type", "strike, buildup, clash"),
    (PlaceType, 3, "place type", "country, admin1"),
])
def test_parse_choice_error_lists_allowed_values(enum, value, what, listed):
    with pytest.raises(ChoiceError, match=rf"{what} {value!r} is not allowed; choose one of: {listed}") as info:
        parse_choice(enum, value, what)
    assert info.value.value == value
    assert info.value.allowed == [m.value for m in enum]
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(("enum", "value", "expected"), [
    (Modality, "possible", Modality.POSSIBLE),
    (Modality, Modality.CLAIMED, Modality.CLAIMED),
    (EventType, "military_action", EventType.MILITARY_ACTION),
])
def test_parse_choice_accepts(enum, value, expected):
    assert parse_choice(enum, value, "x") is expected


def _claim(**kw):
    kw = {"kind": "control", "source": "a.txt", "evidence": "X holds Y", "span": (0, 9),
          "modality": "reported", **kw}
    return Claim(**kw)


def test_claim_coerces_strings():
    c = _claim(event_type="strike", kind="event")
    assert c.kind is ClaimKind.EVENT and c.modality is Modality.REPORTED and c.event_type is EventType.STRIKE


@pytest.mark.parametrize(("field", "value", "message"), [
    ("kind", "rumour", r"claim kind 'rumour' is not allowed; choose one of: control, event, route, exchange"),
    ("modality", "certain", r"modality 'certain' is not allowed; choose one of: reported, claimed, possible"),
    ("event_type", "bombing", r"event type 'bombing' is not allowed; choose one of: strike"),
    ("geo_precision", 4, r"geo_precision 4 is not allowed; choose one of: 1, 2, 3"),
    ("geo_precision", 0, r"geo_precision 0 is not allowed"),
])
def test_claim_validation(field, value, message):
    with pytest.raises(ChoiceError, match=message):
        _claim(**{field: value})


@pytest.mark.parametrize("precision", [1, 2, 3])
def test_claim_precisions(precision):
    assert _claim(geo_precision=precision).geo_precision == precision


def test_claim_details_do_not_affect_equality():
    assert _claim(details={"a": 1}) == _claim(details={"b": 2})


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 2)])
def test_mention_span_validation(start, end):
    with pytest.raises(GeoError, match=rf"mention span \({start}, {end}\) is not a valid span"):
        Mention(start=start, end=end, surface="x", key="x")


def test_candidate_as_dict_rounds_score():
    d = Candidate(_place(), 1.23456, "T").as_dict()
    assert d["score"] == 1.235 and d["type"] == "village" and d["tier"] == "exact"


def test_public_api_exports_the_entry_points():
    import geo

    for name in geo.__all__:
        assert getattr(geo, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        geo.nope  # noqa: B018
