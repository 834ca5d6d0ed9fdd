"""GeoJSON / GeoPackage / CSV exports read back with pyogrio: types, CRS, axis order, orientation."""
from __future__ import annotations

import json
from pathlib import Path

import pyogrio
import pytest
import shapely

from geo.errors import OutputError
from geo.export import write, write_csv, write_geojson, write_gpkg

BASE = {"source": "test", "date": "2020-10-01", "evidence": "Turkey holds Manbij.", "modality": "reported",
        "geo_precision": 1}
CW_SQUARE = [[[37.9, 36.5], [37.9, 36.6], [38.0, 36.6], [38.0, 36.5], [37.9, 36.5]]]   # clockwise on purpose


def _feats() -> list[dict]:
    from geo.export import _geometry

    zone_geom = _geometry(shapely.to_wkb(shapely.Polygon(CW_SQUARE[0])))
    return [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.95, 36.53]},
         "properties": {**BASE, "kind": "place", "name": "Manbij", "id": "p1", "place_id": "sy-manbij",
                        "place_type": "city"}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[36.75, 35.85], [36.3, 35.8]]},
         "properties": {**BASE, "kind": "route", "name": "Tarnabah → Ain al-Hoor", "id": "r1",
                        "from_place": "Tarnabah", "to_place": "Ain al-Hoor"}},
        {"type": "Feature", "geometry": zone_geom,
         "properties": {**BASE, "kind": "zone", "name": "turkey zone", "id": "z1", "bloc": "turkey",
                        "basis": "Manbij", "method": "buffer"}},
    ]


def test_geojson_roundtrip(tmp_path: Path):
    path = write_geojson(tmp_path / "out.geojson", _feats())
    df = pyogrio.read_dataframe(path)
    assert df.crs.to_epsg() == 4326
    assert list(df.geometry.geom_type) == ["Point", "LineString", "Polygon"]
    manbij = df.geometry.iloc[0]
    assert (round(manbij.x, 2), round(manbij.y, 2)) == (37.95, 36.53)        # lon first
    assert shapely.is_ccw(df.geometry.iloc[2].exterior)                      # RFC 7946
    assert {"kind", "name", "source", "date", "evidence", "modality", "geo_precision", "id"} <= set(df.columns)
    assert "crs" not in json.loads(path.read_text(encoding="utf-8"))


def test_gpkg_one_layer_per_kind(tmp_path: Path):
    path = write_gpkg(tmp_path / "out.gpkg", _feats())
    layers = {name: gtype for name, gtype in pyogrio.list_layers(path)}
    assert set(layers) == {"place", "route", "zone"}
    zone = pyogrio.read_dataframe(path, layer="zone")
    assert zone.crs.to_epsg() == 4326 and {"bloc", "basis", "method"} <= set(zone.columns)
    place = pyogrio.read_dataframe(path, layer="place")
    assert (round(place.geometry.iloc[0].x, 2), round(place.geometry.iloc[0].y, 2)) == (37.95, 36.53)


def test_csv_has_wkt_and_lat_lon(tmp_path: Path):
    import pandas as pd

    path = write_csv(tmp_path / "out.csv", _feats())
    df = pd.read_csv(path)
    assert {"wkt", "lat", "lon", "kind", "id"} <= set(df.columns)
    assert (df.lon.iloc[0], df.lat.iloc[0]) == (37.95, 36.53)
    assert shapely.from_wkt(df.wkt.iloc[0]).x == 37.95


def test_seed_export_reads_back(tmp_path: Path, seed_features):
    path = write(tmp_path / "seed.geojson", seed_features)
    df = pyogrio.read_dataframe(path)
    assert len(df) == len(seed_features) and df.crs.to_epsg() == 4326
    for geom in df.geometry:
        for poly in getattr(geom, "geoms", [geom]):
            if poly.geom_type == "Polygon":
                assert shapely.is_ccw(poly.exterior)
    manbij = df[(df.kind == "place") & (df.name == "Manbij")].geometry.iloc[0]
    assert abs(manbij.x - 37.95) < 0.1 and abs(manbij.y - 36.53) < 0.1


def test_atomic_write_leaves_no_part_files(tmp_path: Path):
    for name in ("a.geojson", "a.gpkg", "a.csv"):
        write(tmp_path / name, _feats())
    assert not list(tmp_path.glob("*.part*")) and not list(tmp_path.glob(".*.part*"))


def test_missing_folder_is_an_output_error(tmp_path: Path):
    with pytest.raises(OutputError, match="no-such-folder"):
        write(tmp_path / "no-such-folder" / "x.geojson", _feats())


def test_unknown_suffix_is_an_output_error(tmp_path: Path):
    with pytest.raises(OutputError, match=".geojson"):
        write(tmp_path / "x.shp", _feats())


@pytest.fixture(scope="module")
def seed_features():
    from geo.export import features
    from geo.extract.pipeline import extract
    from geo.ingest import iter_articles
    from geo.zones import zone_features

    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_59884e9cdb735a31.txt"
    exs = [extract(a) for a in iter_articles([str(seed)])]
    return features(exs, zone_features(exs))


def test_control_features_say_whether_control_is_stated_or_presence(gazetteer, tmp_path: Path):
    from geo.export import features
    from geo.extract.pipeline import extract
    from geo.model import Article

    ex = extract(Article(text="Russian forces are stationed at the Qamishli airport. Tal Tamr is held by the SDF.",
                         source="t.txt"), gazetteer)
    got = {(f["properties"]["name"], f["properties"]["grounds"]) for f in features([ex])
           if f["properties"]["kind"] == "control"}
    assert got == {("Qamishli airport", "presence"), ("Tal Tamr", "stated")}


def test_a_line_whose_ends_are_one_point_keeps_two_positions():
    from geo.export import _geometry

    point = shapely.Point(42.062061234, 36.81138)
    geom = _geometry(shapely.to_wkb(shapely.LineString([point, point])))
    assert geom["type"] == "LineString" and len(geom["coordinates"]) == 2
    assert tuple(geom["coordinates"][0]) == (42.062061, 36.81138)


def test_rounding_keeps_a_valid_polygon_valid():
    from geo.export import _geometry

    geom = shapely.geometry.shape(_geometry(shapely.to_wkb(shapely.Polygon(CW_SQUARE[0]))))
    assert geom.is_valid and shapely.is_ccw(geom.exterior)
