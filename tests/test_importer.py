"""``geo gazetteer import``: GeoNames dumps, CSV and GeoJSON into the user layer."""
from __future__ import annotations

import json

import pytest

from geo.errors import ImportFormatError
from geo.gazetteer import Gazetteer
from geo.gazetteer.importer import FORMATS, import_file
from geo.model import PlaceType


def _gn_row(gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc, admin1, pop):
    cols = [str(gid), name, ascii_name, alternates, str(lat), str(lon), fclass, fcode, cc, "", admin1,
            "", "", "", str(pop), "", "350", "Asia/Damascus", "2024-01-15"]
    assert len(cols) == 19
    return "\t".join(cols)


GEONAMES_ROWS = [
    _gn_row(99000001, "Qaryat Testiyya", "Qaryat Testiyya", "Qaryet Testiye,Testiyya,قرية تستية",
            35.7123, 36.5432, "P", "PPL", "SY", "07", 1200),
    _gn_row(99000002, "Tall al-Mithal", "Tall al-Mithal", "Tell Mithal,Tal Mithal",
            36.1011, 37.0102, "P", "PPL", "SY", "01", 15400),
    _gn_row(99000003, "Jabal Namudhaj", "Jabal Namudhaj", "Namudhaj Mountain",
            35.6001, 36.4002, "T", "MT", "SY", "07", 0),
]


@pytest.fixture()
def user_db(tmp_path):
    return tmp_path / "user" / "user-gazetteer.sqlite"


@pytest.fixture()
def geonames_file(tmp_path):
    path = tmp_path / "SY-test.txt"
    path.write_text("\n".join(GEONAMES_ROWS) + "\n", encoding="utf-8")
    return path


def _gaz(gazetteer, user_db):
    return Gazetteer(base=gazetteer.layers["main"], overlay=gazetteer.layers["overlay"], user_path=user_db)


def test_geonames_dump_import(gazetteer, geonames_file, user_db):
    assert import_file(geonames_file, db=user_db) == 3
    gaz = _gaz(gazetteer, user_db)
    assert "user" in gaz.layers
    for name in ("Qaryat Testiyya", "Qaryet Testiye", "قرية تستية"):
        best = gaz.lookup(name, fuzzy=False)[0]
        assert best.place.id == "gn:99000001"
        assert best.place.source == "user: GeoNames dump SY-test.txt"
        assert (best.place.lat, best.place.lon) == (35.7123, 36.5432)
        assert best.place.country == "SY" and best.place.admin1 == "SY.07"


@pytest.mark.parametrize(("name", "pid", "ptype"), [
    ("Tell Mithal", "gn:99000002", PlaceType.TOWN),
    ("Tal al-Mithal", "gn:99000002", PlaceType.TOWN),
    ("Namudhaj Mountain", "gn:99000003", PlaceType.MOUNTAIN),
    ("Jebel Namudhaj", "gn:99000003", PlaceType.MOUNTAIN),
])
def test_geonames_types_and_spellings(gazetteer, geonames_file, user_db, name, pid, ptype):
    import_file(geonames_file, db=user_db)
    best = _gaz(gazetteer, user_db).lookup(name, fuzzy=False)[0].place
    assert (best.id, best.type) == (pid, ptype)


def test_user_places_are_absent_without_the_user_layer(gazetteer):
    assert gazetteer.lookup("Qaryat Testiyya", fuzzy=False) == []
    assert "user" not in gazetteer.layers


def test_reimport_replaces_not_duplicates(gazetteer, geonames_file, user_db):
    import_file(geonames_file, db=user_db)
    import_file(geonames_file, db=user_db)
    found = _gaz(gazetteer, user_db).lookup("Qaryat Testiyya", fuzzy=False, limit=10)
    assert [c.place.id for c in found].count("gn:99000001") == 1


def test_user_keys_reach_the_matcher(gazetteer, geonames_file, user_db):
    import_file(geonames_file, db=user_db)
    from geo.gazetteer.fold import fold

    assert fold("Qaryat Testiyya") in _gaz(gazetteer, user_db).keys()[0]


def test_csv_import(gazetteer, tmp_path, user_db):
    path = tmp_path / "my places.csv"
    path.write_text(
        "name,lat,lon,type,aliases,country,source\n"
        "Mazraat Tajriba,35.61,36.41,village,Mazraat Tajribah|مزرعة تجربة,SY,field notes 2024\n"
        "Nuqtat Fahs,36.02,37.33,crossing,,SY,\n", encoding="utf-8")
    assert import_file(path, db=user_db) == 2
    gaz = _gaz(gazetteer, user_db)
    best = gaz.lookup("Mazraat Tajribah", fuzzy=False)[0].place
    assert best.id == "user:mazraat-tajriba"
    assert best.source == "user: my places.csv: field notes 2024"
    assert best.type is PlaceType.VILLAGE
    crossing = gaz.lookup("Nuqtat Fahs crossing", fuzzy=False)[0].place
    assert crossing.type is PlaceType.CROSSING and crossing.source == "user: my places.csv"


def test_geojson_import(gazetteer, tmp_path, user_db):
    data = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Hayy Tajribi", "type": "neighbourhood", "id": "hayy-t",
                                           "aliases": ["Hay Tajribi"]},
         "geometry": {"type": "Point", "coordinates": [36.21, 35.91]}},
        {"type": "Feature", "properties": {"name": "Sahl Namudhaji", "type": "plain"},
         "geometry": {"type": "Polygon", "coordinates": [[[36.0, 35.0], [36.2, 35.0], [36.2, 35.2],
                                                          [36.0, 35.2], [36.0, 35.0]]]}},
    ]}
    path = tmp_path / "areas.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert import_file(path, db=user_db) == 2
    gaz = _gaz(gazetteer, user_db)
    hayy = gaz.lookup("Hay Tajribi", fuzzy=False)[0].place
    assert hayy.id == "user:hayy-t" and (hayy.lat, hayy.lon) == (35.91, 36.21) and hayy.wkb is None
    sahl = gaz.lookup("Sahl Namudhaji", fuzzy=False)[0].place
    assert sahl.type is PlaceType.PLAIN and sahl.wkb is not None
    assert sahl.geometry.contains(sahl.geometry.representative_point())
    assert 35.0 < sahl.lat < 35.2 and 36.0 < sahl.lon < 36.2


def test_explicit_format_overrides_suffix(gazetteer, tmp_path, user_db):
    path = tmp_path / "dump.data"
    path.write_text(GEONAMES_ROWS[0] + "\n", encoding="utf-8")
    assert import_file(path, fmt="geonames", db=user_db) == 1


# -- bad files -----------------------------------------------------------------

def test_geonames_wrong_column_count(tmp_path, user_db):
    path = tmp_path / "short.txt"
    path.write_text(GEONAMES_ROWS[0] + "\n" + "\t".join(["1", "X", "X", "", "35", "36"]) + "\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"short\.txt, line 2: a GeoNames dump line has 19 tab-separated "
                                                r"columns, this one has 6"):
        import_file(path, db=user_db)
    assert not user_db.exists()  # nothing written


@pytest.mark.parametrize(("lat", "lon", "message"), [
    ("north", "36.5", r"line 1: .*north"),
    ("95.0", "36.5", r"line 1: .*latitude 95\.0 is outside \[-90, 90\]; are lat and lon swapped"),
    ("nan", "36.5", r"line 1: .*finite"),
])
def test_geonames_bad_coordinates(tmp_path, user_db, lat, lon, message):
    path = tmp_path / "bad.txt"
    path.write_text(_gn_row(1, "X", "X", "", lat, lon, "P", "PPL", "SY", "07", 0) + "\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=rf"bad\.txt, {message}"):
        import_file(path, db=user_db)


def test_geonames_bad_population(tmp_path, user_db):
    path = tmp_path / "pop.txt"
    path.write_text(_gn_row(1, "X", "X", "", 35.1, 36.1, "P", "PPL", "SY", "07", "many") + "\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"pop\.txt, line 1: .*'many'"):
        import_file(path, db=user_db)


def test_csv_missing_columns(tmp_path, user_db):
    path = tmp_path / "nolon.csv"
    path.write_text("name,lat\nAlpha,35.1\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"nolon\.csv: the CSV lacks the column\(s\) lon; "
                                                r"the header needs at least name,lat,lon"):
        import_file(path, db=user_db)


@pytest.mark.parametrize(("row", "line_no"), [
    ("Alpha,north,36.5", 2),
    ("Alpha,,36.5", 2),
])
def test_csv_non_numeric_lat(tmp_path, user_db, row, line_no):
    path = tmp_path / "badlat.csv"
    path.write_text(f"name,lat,lon\n{row}\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=rf"badlat\.csv, line {line_no}: lat/lon .* are not numbers"):
        import_file(path, db=user_db)


def test_csv_error_on_a_later_line(tmp_path, user_db):
    path = tmp_path / "later.csv"
    path.write_text("name,lat,lon\nAlpha,35.1,36.1\nBeta,35.2,36.2\nGamma,35.3,east\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"later\.csv, line 4: "):
        import_file(path, db=user_db)
    assert not user_db.exists()


def test_csv_swapped_coordinates(tmp_path, user_db):
    path = tmp_path / "swapped.csv"
    path.write_text("name,lat,lon\nAlpha,136.6,35.9\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"swapped\.csv, line 2: .*are lat and lon swapped"):
        import_file(path, db=user_db)


def test_csv_empty_name(tmp_path, user_db):
    path = tmp_path / "noname.csv"
    path.write_text("name,lat,lon\n ,35.1,36.1\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"noname\.csv, line 2: the 'name' is empty"):
        import_file(path, db=user_db)


def test_csv_bad_type_lists_allowed(tmp_path, user_db):
    path = tmp_path / "badtype.csv"
    path.write_text("name,lat,lon,type\nAlpha,35.1,36.1,hamlet\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"badtype\.csv, line 2: place type 'hamlet' is not allowed; "
                                                r"choose one of: .*village"):
        import_file(path, db=user_db)


@pytest.mark.parametrize("text", ["not json", '{"type": "Feature"}', "[1, 2]"])
def test_geojson_not_a_collection(tmp_path, user_db, text):
    path = tmp_path / "bad.geojson"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"bad\.geojson: not a GeoJSON FeatureCollection"):
        import_file(path, db=user_db)


def test_geojson_bad_geometry_names_the_feature(tmp_path, user_db):
    data = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "A"}, "geometry": {"type": "Point", "coordinates": [36, 35]}},
        {"type": "Feature", "properties": {"name": "B"}, "geometry": {"type": "Blob"}},
    ]}
    path = tmp_path / "geom.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"geom\.geojson, feature 1: bad geometry"):
        import_file(path, db=user_db)


@pytest.mark.parametrize("suffix", [".xlsx", ".kml", ""])
def test_unknown_suffix(tmp_path, user_db, suffix):
    path = tmp_path / f"places{suffix}"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=rf"places{suffix}: cannot tell the format from the suffix "
                                                rf"'{suffix}'; pass --format with one of: geonames, csv, geojson"):
        import_file(path, db=user_db)


def test_unknown_format(tmp_path, user_db):
    path = tmp_path / "p.csv"
    path.write_text("name,lat,lon\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"format 'kml' is not supported; choose one of: geonames"):
        import_file(path, fmt="kml", db=user_db)


def test_missing_file(tmp_path, user_db):
    with pytest.raises(ImportFormatError, match=r"nothere\.csv: no such file"):
        import_file(tmp_path / "nothere.csv", db=user_db)


def test_formats_constant():
    assert FORMATS == ("geonames", "csv", "geojson")


def test_import_error_is_a_value_error():
    assert issubclass(ImportFormatError, ValueError)
