"""``geo gazetteer import``: add a GeoNames dump, a CSV or a GeoJSON of places to the user layer.

The user layer is a separate SQLite file (see
:func:`geo.gazetteer.store.user_db_path`); its entries keep their source
(the file and the row's own note), rank like any other entry and never
replace embedded places silently.
"""
from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from geo.errors import GeoError, ImportFormatError
from geo.gazetteer.sources import Record, settlement_type, wanted_name
from geo.gazetteer.store import create_schema, insert_records, user_db_path
from geo.model import Place, PlaceType

__all__ = ["import_file", "read_geonames_dump", "read_places_csv", "read_places_geojson", "FORMATS"]

FORMATS = ("geonames", "csv", "geojson")
_GEONAMES_COLUMNS = 19
_FEATURE_TYPES = {
    "ADM1": PlaceType.ADMIN1, "ADM2": PlaceType.ADMIN2, "PCLI": PlaceType.COUNTRY,
    "MT": PlaceType.MOUNTAIN, "MTS": PlaceType.MOUNTAIN, "HLL": PlaceType.MOUNTAIN,
    "HLLS": PlaceType.MOUNTAIN, "PLN": PlaceType.PLAIN, "RGN": PlaceType.REGION, "AREA": PlaceType.REGION,
    "AIRB": PlaceType.BASE, "AIRF": PlaceType.BASE, "MILB": PlaceType.BASE, "AIRP": PlaceType.AIRPORT,
    "DAM": PlaceType.DAM, "OILF": PlaceType.FIELD, "GASF": PlaceType.FIELD, "PPLX": PlaceType.NEIGHBOURHOOD,
    "CMP": PlaceType.CAMP, "CMPRF": PlaceType.CAMP, "PSTB": PlaceType.CROSSING, "RD": PlaceType.ROAD,
}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "place"


def _geonames_type(fclass: str, fcode: str, population: int) -> PlaceType:
    if fcode in ("PPLC", "PPLA") and population >= 10_000:
        return PlaceType.CITY
    if fcode in _FEATURE_TYPES:
        return _FEATURE_TYPES[fcode]
    if fclass == "P":
        return settlement_type(population)
    return PlaceType.LANDMARK


def read_geonames_dump(path: Path) -> Iterator[Record]:
    """Yield the entries of a GeoNames dump (``SY.txt``, ``allCountries.txt``: 19 tab-separated columns)."""
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != _GEONAMES_COLUMNS:
                raise ImportFormatError(
                    f"{path}, line {line_no}: a GeoNames dump line has {_GEONAMES_COLUMNS} tab-separated "
                    f"columns, this one has {len(cols)}; use the files of download.geonames.org/export/dump "
                    "unchanged, or import a CSV with name,lat,lon columns instead")
            yield _geonames_record(path, line_no, cols)


def _geonames_record(path: Path, line_no: int, cols: list[str]) -> Record:
    gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc = cols[:9]
    try:
        pop = int(cols[14] or 0)
        place = Place(id=f"gn:{gid}", name=name, type=_geonames_type(fclass, fcode, pop), lat=float(lat),
                      lon=float(lon), admin1=f"{cc}.{cols[10]}", country=cc, population=pop,
                      source=f"user: GeoNames dump {path.name}")
    except (ValueError, GeoError) as exc:
        raise ImportFormatError(f"{path}, line {line_no}: {exc}") from exc
    names = [name, ascii_name, *(a for a in alternates.split(",") if wanted_name(a))]
    return place, names


def _aliases(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [a.strip() for a in str(value or "").split("|") if a.strip()]


def _user_place(path: Path, where: str, props: dict, lat: float, lon: float, wkb: bytes | None) -> Record:
    name = str(props.get("name") or "").strip()
    if not name:
        raise ImportFormatError(f"{path}, {where}: the 'name' is empty; every place needs a name")
    try:
        place = Place(
            id=f"user:{props.get('id') or _slug(name)}", name=name, type=props.get("type") or "village",
            lat=lat, lon=lon, admin1=str(props.get("admin1") or ""), country=str(props.get("country") or ""),
            population=int(props.get("population") or 0),
            source=f"user: {path.name}" + (f": {props['source']}" if props.get("source") else ""), wkb=wkb)
    except (ValueError, GeoError) as exc:
        raise ImportFormatError(f"{path}, {where}: {exc}") from exc
    return place, [name, *_aliases(props.get("aliases"))]


def read_places_csv(path: Path) -> Iterator[Record]:
    """Yield the rows of a CSV with ``name,lat,lon`` and optional ``id,type,aliases,admin1,country,source``."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"name", "lat", "lon"} - set(reader.fieldnames or [])
        if missing:
            raise ImportFormatError(f"{path}: the CSV lacks the column(s) {', '.join(sorted(missing))}; "
                                    "the header needs at least name,lat,lon")
        for line, row in enumerate(reader, start=2):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (TypeError, ValueError):
                raise ImportFormatError(f"{path}, line {line}: lat/lon {row.get('lat')!r}, {row.get('lon')!r} "
                                        "are not numbers (decimal degrees, e.g. 35.93,36.63)") from None
            yield _user_place(path, f"line {line}", row, lat, lon, None)


def read_places_geojson(path: Path) -> Iterator[Record]:
    """Yield the features of a GeoJSON FeatureCollection (a ``name`` property each)."""
    import shapely

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        features = data["features"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ImportFormatError(f"{path}: not a GeoJSON FeatureCollection ({exc})") from None
    for i, feat in enumerate(features):
        try:
            geom = shapely.geometry.shape(feat["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.ShapelyError) as exc:
            raise ImportFormatError(f"{path}, feature {i}: bad geometry ({exc})") from None
        point = geom if geom.geom_type == "Point" else geom.representative_point()
        wkb = None if geom.geom_type == "Point" else shapely.to_wkb(geom)
        yield _user_place(path, f"feature {i}", feat.get("properties") or {}, point.y, point.x, wkb)


def _guess_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        return "geojson"
    if suffix == ".csv":
        return "csv"
    if suffix == ".txt" or suffix == ".tsv":
        return "geonames"
    raise ImportFormatError(f"{path}: cannot tell the format from the suffix {suffix!r}; "
                            f"pass --format with one of: {', '.join(FORMATS)}")


def import_file(path: Path, fmt: str | None = None, db: Path | None = None) -> int:
    """Add the places of ``path`` to the user layer; return how many were added.

    Parameters
    ----------
    path : Path
        A GeoNames dump (``.txt``), a CSV or a GeoJSON file.
    fmt : {"geonames", "csv", "geojson"}, optional
        The format; guessed from the suffix when omitted.
    db : Path, optional
        The user layer file (default :func:`user_db_path`).

    Raises
    ------
    ImportFormatError
        When the file is not in the format; nothing is written then.
    """
    path = Path(path)
    if not path.is_file():
        raise ImportFormatError(f"{path}: no such file; give the path of a GeoNames dump, CSV or GeoJSON")
    fmt = fmt or _guess_format(path)
    readers = {"geonames": read_geonames_dump, "csv": read_places_csv, "geojson": read_places_geojson}
    if fmt not in readers:
        raise ImportFormatError(f"format {fmt!r} is not supported; choose one of: {', '.join(FORMATS)}")
    records = list(readers[fmt](path))
    db = db or user_db_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(db)
    try:
        with con:
            create_schema(con)
            return insert_records(con, records, "user")
    finally:
        con.close()
