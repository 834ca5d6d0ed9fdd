"""Zones from claims: buffers, contested overlaps, Voronoi cells, corridors, exchange legs."""
from __future__ import annotations

from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape

from geo.extract.pipeline import Extraction
from geo.model import Article, Claim, ClaimKind, Modality
from geo.zones import zone_features

ART = Article(text="t", source="test")
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_59884e9cdb735a31.txt"


@pytest.fixture(scope="module")
def seed_extraction():
    from geo.extract.pipeline import extract
    from geo.ingest import iter_articles

    (article,) = list(iter_articles([str(SEED)]))
    return extract(article)


def _control(bloc: str, lon: float, lat: float, place: str = "", modality: str = "reported",
             span: tuple[int, int] | None = None) -> Claim:
    span = span or (round(lon * 1000), round(lon * 1000) + 1)   # one sentence per claim unless given
    return Claim(kind=ClaimKind.CONTROL, source="test", evidence=f"{bloc} holds {place or lon}", span=span,
                 modality=Modality(modality), actors=(bloc,), blocs=(bloc,), places=(place,),
                 place_names=(place or f"p{lon}",), geometry=shapely.to_wkb(shapely.Point(lon, lat)),
                 details={"id": f"{bloc}{lon}{lat}"})


def _ex(*claims: Claim) -> list[Extraction]:
    return [Extraction(ART, (), tuple(claims))]


def _zones(feats, method=None):
    return [f for f in feats if method is None or f["properties"]["method"] == method]


def test_buffer_by_place_type_and_properties():
    feats = zone_features(_ex(_control("opposition", 37.95, 36.53, "sy-manbij")))
    (z,) = feats
    p = z["properties"]
    assert p["kind"] == "zone" and p["bloc"] == "opposition" and p["method"] == "buffer"
    assert p["basis"] and p["modality"] == "reported" and len(p["id"]) == 16
    geom = shape(z["geometry"])
    assert geom.is_valid and geom.geom_type == "Polygon"
    height_km = (geom.bounds[3] - geom.bounds[1]) * 111
    assert 12 < height_km < 20          # a city: 8 km radius
    assert shapely.is_ccw(geom.exterior)


def test_unknown_place_falls_back_to_default_radius():
    (z,) = zone_features(_ex(_control("turkey", 37.0, 36.0)))
    height_km = (shape(z["geometry"]).bounds[3] - shape(z["geometry"]).bounds[1]) * 111
    assert 4 < height_km < 8


def test_overlap_becomes_contested_and_is_subtracted():
    feats = zone_features(_ex(_control("opposition", 37.0, 36.0), _control("syrian-government", 37.03, 36.0)))
    by_bloc = {f["properties"]["bloc"]: shape(f["geometry"]) for f in feats}
    assert set(by_bloc) == {"opposition", "syrian-government", "contested"}
    assert by_bloc["contested"].area > 0
    assert by_bloc["opposition"].intersection(by_bloc["contested"]).area < 0.05 * by_bloc["contested"].area
    assert by_bloc["syrian-government"].intersection(by_bloc["contested"]).area < 0.05 * by_bloc["contested"].area


def test_allied_blocs_do_not_contest():
    feats = zone_features(_ex(_control("turkey", 37.0, 36.0), _control("opposition", 37.03, 36.0)))
    assert {f["properties"]["bloc"] for f in feats} == {"turkey", "opposition"}


def test_joint_control_from_one_sentence_is_not_contested():
    joint = (10, 90)
    feats = zone_features(_ex(_control("sdf", 37.0, 36.0, span=joint),
                              _control("syrian-government", 37.03, 36.0, span=joint)))
    assert "contested" not in {f["properties"]["bloc"] for f in feats}


def test_ids_are_stable():
    claims = (_control("opposition", 37.0, 36.0), _control("turkey", 37.5, 36.2))
    assert [f["properties"]["id"] for f in zone_features(_ex(*claims))] == \
        [f["properties"]["id"] for f in zone_features(_ex(*claims))]


def test_voronoi_cells_dissolved_per_bloc_and_clipped():
    claims = (_control("opposition", 36.6, 35.9), _control("opposition", 36.7, 35.8),
              _control("syrian-government", 37.2, 35.9))
    feats = zone_features(_ex(*claims), method="voronoi")
    assert {f["properties"]["bloc"] for f in feats} == {"opposition", "syrian-government"}
    for f in feats:
        g = shape(f["geometry"])
        assert g.is_valid and f["properties"]["method"] == "voronoi"
        assert (g.bounds[2] - g.bounds[0]) * 90 < 2 * 25 * 2 + 5   # at most 25 km from each point


def test_route_corridor_and_exchange_legs():
    route = Claim(kind=ClaimKind.ROUTE, source="test", evidence="patrols", span=(0, 1), modality=Modality.REPORTED,
                  blocs=("russia", "turkey"), places=("sy-tarnabah", "sy-ain-al-hoor"),
                  place_names=("Tarnabah", "Ain al-Hoor"),
                  geometry=shapely.to_wkb(shapely.LineString([(36.75, 35.85), (36.3, 35.8)])))
    swap = Claim(kind=ClaimKind.EXCHANGE, source="test", evidence="swap", span=(0, 1), modality=Modality.POSSIBLE,
                 places=("sy-jabal-al-zawiya", "sy-manbij"), place_names=("Jabal al-Zawiya", "Manbij"),
                 geometry=shapely.to_wkb(shapely.LineString([(36.5, 35.7), (37.95, 36.53)])),
                 details={"a_to": ("syrian-government", "russia"), "b_to": ("turkey",)})
    feats = zone_features(_ex(route, swap), corridor_km=6)
    (corr,) = _zones(feats, "corridor")
    width_km = (shape(corr["geometry"]).bounds[3] - shape(corr["geometry"]).bounds[1]) * 111
    assert 11 < width_km < 20
    legs = _zones(feats, "exchange-leg")
    assert [leg["properties"]["bloc"] for leg in legs] == ["syrian-government,russia", "turkey"]
    assert all(leg["properties"]["modality"] == "possible" for leg in legs)
    assert shape(legs[1]["geometry"]).contains(shapely.Point(37.95, 36.53))


def test_seed_zones(seed_extraction):
    feats = zone_features([seed_extraction])
    methods = {f["properties"]["method"] for f in feats}
    assert {"buffer", "corridor", "exchange-leg"} <= methods
    for f in feats:
        assert shape(f["geometry"]).is_valid


def test_an_overlay_geos_cannot_settle_is_done_again_on_a_metre_grid():
    from geo.zones import _overlay

    calls = []

    def op(a, b, grid_size=None):
        calls.append(grid_size)
        if grid_size is None:
            raise shapely.errors.GEOSException("Unable to determine overlay result geometry dimension")
        return shapely.intersection(a, b, grid_size=grid_size)

    a, b = shapely.box(0, 0, 10, 10), shapely.box(5, 5, 15, 15)
    assert _overlay(op, a, b).area == 25 and calls == [None, 1.0]
    assert _overlay(shapely.intersection, a, b).area == 25
