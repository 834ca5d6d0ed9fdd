"""Areas derived from claims: control zones per bloc, contested overlaps, corridors, exchange legs.

All metric work (buffers, Voronoi cells, overlaps) happens in the local UTM
zone (``GeoSeries.estimate_utm_crs``); results come back in WGS84 (lon, lat)
as RFC 7946 GeoJSON features with flat properties (``kind="zone"``), the same
schema as :func:`geo.export.features` (see ``docs/schema.md``).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import shapely
from shapely.geometry.base import BaseGeometry

from geo.extract.pipeline import Extraction
from geo.model import Claim, ClaimKind, PlaceType

__all__ = ["zone_features", "footprint_km", "METHODS", "CONTESTED", "PLACE_KM"]

METHODS = ("buffer", "voronoi")
CONTESTED = "contested"
#: Radius (km) of the area a point-located place stands for, by place type.
PLACE_KM = {PlaceType.CITY: 8.0, PlaceType.TOWN: 3.0, PlaceType.VILLAGE: 1.5,
            PlaceType.NEIGHBOURHOOD: 1.0, PlaceType.BASE: 1.5, PlaceType.AIRPORT: 2.0,
            PlaceType.CAMP: 1.0, PlaceType.CROSSING: 1.0, PlaceType.DAM: 1.0,
            PlaceType.STATION: 1.0, PlaceType.FIELD: 1.5, PlaceType.LANDMARK: 0.5,
            PlaceType.ROAD: 1.5}
_DEFAULT_KM = 3.0
_VORONOI_MAX_KM = 25.0
_SIMPLIFY_M = 60.0
_MIN_AREA_M2 = 10_000.0
_WEAKNESS = {"reported": 0, "claimed": 1, "possible": 2}


@dataclass(frozen=True)
class _Part:
    """One claim's area in metric coordinates, with what the zone needs to say about it."""

    geom: BaseGeometry
    claim: Claim
    name: str


def zone_features(extractions: Iterable[Extraction], method: str = "buffer",
                  corridor_km: float = 6.0, max_km: float = _VORONOI_MAX_KM) -> list[dict]:
    """Zones of control, contested overlaps, corridors and exchange legs as GeoJSON features.

    Parameters
    ----------
    extractions : iterable of Extraction
        Articles' extractions (their control, route and exchange claims are used).
    method : {"buffer", "voronoi"}
        ``buffer``: each control claim's place footprint (city 8 km, town 3 km,
        village 1.5 km; polygons as they are). ``voronoi``: Voronoi cells of the
        control points, clipped to the country and to ``max_km`` from the point.
    corridor_km : float
        Half-width of a road corridor (6 km each side of the M4 in the March 2020
        Moscow agreement).
    max_km : float
        Largest distance of a Voronoi cell from its point.

    Returns
    -------
    list of dict
        GeoJSON Feature dicts, ``kind="zone"``, ``method`` one of ``buffer``,
        ``voronoi``, ``corridor``, ``exchange-leg``; ``bloc`` is a bloc id,
        ``contested``, or comma-joined bloc ids (corridors, exchange legs).
    """
    if method not in METHODS:
        from geo.errors import ChoiceError

        raise ChoiceError("zone method", method, list(METHODS))
    claims = [c for ex in extractions for c in ex.claims]
    if not claims:
        return []
    crs = _utm_crs(claims)
    out = _control_zones(claims, method, crs, max_km)
    out += _corridors(claims, crs, corridor_km)
    out += _exchange_legs(claims, crs)
    return out


# -- projection ---------------------------------------------------------------

def _utm_crs(claims: list[Claim]):
    """The UTM zone covering the claims (pyproj's CRS database, as geopandas'
    ``estimate_utm_crs`` does), so ``geo export`` need not import geopandas."""
    from pyproj import CRS
    from pyproj.aoi import AreaOfInterest
    from pyproj.database import query_utm_crs_info

    points = [shapely.from_wkb(c.geometry).representative_point() for c in claims if c.geometry]
    minx, miny, maxx, maxy = shapely.MultiPoint(points or [shapely.Point(38.0, 35.0)]).bounds
    infos = query_utm_crs_info(datum_name="WGS 84", area_of_interest=AreaOfInterest(minx, miny, maxx, maxy))
    return CRS.from_epsg(infos[0].code)


@lru_cache(maxsize=16)
def _transformer(src, dst):
    from pyproj import Transformer

    return Transformer.from_crs(src, dst, always_xy=True)


def _transform(geom: BaseGeometry, src, dst) -> BaseGeometry:
    import numpy as np

    t = _transformer(src, dst)
    return shapely.transform(geom, lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))


def _to_metric(geom: BaseGeometry, crs) -> BaseGeometry:
    return _transform(geom, "EPSG:4326", crs)


def _to_wgs84(geom: BaseGeometry, crs) -> BaseGeometry:
    return _transform(geom, crs, "EPSG:4326")


def _clean(geom: BaseGeometry, crs) -> BaseGeometry:
    """Valid, slightly simplified, RFC 7946 oriented, WGS84, 6 decimals."""
    geom = shapely.make_valid(geom.simplify(_SIMPLIFY_M, preserve_topology=True))
    geom = _polygonal(geom)
    geom = shapely.set_precision(shapely.make_valid(_to_wgs84(geom, crs)), 1e-6)
    return shapely.orient_polygons(shapely.make_valid(geom))


# metric coordinates: a metre grid is far below what a claim's point or buffer can tell
_GRID_M = 1.0


def _overlay(op, a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """``op(a, b)`` (a shapely overlay); where GEOS cannot settle the result's topology in full precision
    ("Unable to determine overlay result geometry dimension"), again on a one-metre grid."""
    try:
        return op(a, b)
    except shapely.errors.GEOSException:
        return op(a, b, grid_size=_GRID_M)


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    if geom.geom_type == "GeometryCollection":
        parts = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        return shapely.union_all(parts) if parts else shapely.Polygon()
    return geom


# -- footprints ---------------------------------------------------------------

def footprint_km(place_id: str) -> float:
    """Radius in km that a point place of this gazetteer id stands for (by its type)."""
    place = _place(place_id)
    return PLACE_KM.get(place.type, _DEFAULT_KM) if place else _DEFAULT_KM


@lru_cache(maxsize=4096)
def _place(place_id: str):
    from geo.errors import GeoError
    from geo.gazetteer import default_gazetteer

    if not place_id:
        return None
    try:
        return default_gazetteer().get(place_id)
    except GeoError:
        return None


def _area(geom: BaseGeometry, place_id: str, crs) -> BaseGeometry:
    """Metric area of a claim geometry: polygons as is, points and lines buffered."""
    metric = _to_metric(geom, crs)
    if metric.geom_type in ("Polygon", "MultiPolygon"):
        return shapely.make_valid(metric)
    return metric.buffer(footprint_km(place_id) * 1000, 16)


# -- control zones ------------------------------------------------------------

def _control_parts(claims: list[Claim], method: str, crs, max_km: float) -> dict[tuple, list[_Part]]:
    control = [c for c in claims if c.kind == ClaimKind.CONTROL and c.geometry and c.blocs]
    areas = (_voronoi_areas(control, crs, max_km) if method == "voronoi"
             else [_area(shapely.from_wkb(c.geometry), c.places[0] if c.places else "", crs) for c in control])
    groups: dict[tuple, list[_Part]] = {}
    for c, geom in zip(control, areas):
        if not geom.is_empty:
            key = (c.blocs[0], c.modality.value)
            groups.setdefault(key, []).append(_Part(geom, c, c.place_names[0] if c.place_names else ""))
    return groups


def _control_zones(claims: list[Claim], method: str, crs, max_km: float) -> list[dict]:
    groups = _control_parts(claims, method, crs, max_km)
    unions = {key: shapely.union_all([p.geom for p in parts]) for key, parts in groups.items()}
    contested = _contested(groups, unions, method, crs)
    taken = shapely.union_all([z[0] for z in contested]) if contested else shapely.Polygon()
    out = []
    for key, parts in groups.items():
        geom = unions[key].difference(taken) if not taken.is_empty else unions[key]
        if geom.area >= _MIN_AREA_M2:
            out.append(_zone(geom, key[0], parts, method, crs))
    return out + [_zone(g, CONTESTED, parts, method, crs) for g, parts in contested]


def _same_side(a: str, b: str) -> bool:
    from geo.extract.actors import load_registry

    return load_registry().allied(a, b)


def _joint(a: list[_Part], b: list[_Part]) -> bool:
    """Both blocs' claims come from the same sentences ("held by X together with Y"): shared, not contested."""
    return {p.claim.span for p in a} == {p.claim.span for p in b}


def _contested(groups: dict, unions: dict, method: str, crs) -> list[tuple[BaseGeometry, list[_Part]]]:
    """Overlaps of different blocs' zones, each pair once, none counted twice."""
    keys = sorted(groups)
    found: list[tuple[BaseGeometry, list[_Part]]] = []
    done = shapely.Polygon()
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if _same_side(a[0], b[0]) or _joint(groups[a], groups[b]):
                continue
            overlap = _polygonal(_overlay(shapely.intersection, unions[a], unions[b]))
            overlap = _polygonal(_overlay(shapely.difference, overlap, done))
            if overlap.area < _MIN_AREA_M2:
                continue
            parts = [p for p in groups[a] + groups[b] if p.geom.intersects(overlap)]
            found.append((overlap, parts))
            done = done.union(overlap)
    return found


def _voronoi_areas(control: list[Claim], crs, max_km: float) -> list[BaseGeometry]:
    points = [_to_metric(shapely.from_wkb(c.geometry).representative_point(), crs) for c in control]
    if not points:
        return []
    mask = _country_mask(control, crs)
    cells = _cells(points, max_km)
    out = []
    for pt in points:
        cell = next((c for c in cells if c.covers(pt)), pt.buffer(max_km * 1000))
        cell = cell.intersection(pt.buffer(max_km * 1000, 16))
        out.append(cell.intersection(mask) if mask is not None else cell)
    return out


def _cells(points: list[BaseGeometry], max_km: float) -> list[BaseGeometry]:
    unique = shapely.MultiPoint(list({(p.x, p.y): p for p in points}.values()))
    extent = unique.envelope.buffer(max_km * 2000)
    if len(unique.geoms) < 2:
        return [extent]
    return list(shapely.voronoi_polygons(unique, extend_to=extent).geoms)


def _country_mask(control: list[Claim], crs) -> BaseGeometry | None:
    """Outline of Syria when the control points lie in it, else ``None`` (no clipping)."""
    syria = _syria()
    if syria is None:
        return None
    points = [shapely.from_wkb(c.geometry).representative_point() for c in control]
    if not any(syria.buffer(0.05).covers(p) for p in points):
        return None
    return _to_metric(syria, crs)


@lru_cache(maxsize=1)
def _syria() -> BaseGeometry | None:
    from geo.gazetteer import default_gazetteer

    found = default_gazetteer().lookup("Syria", fuzzy=False)
    polys = [c.place.geometry for c in found if c.place.type == PlaceType.COUNTRY]
    return shapely.make_valid(polys[0]) if polys else None


# -- corridors and exchange legs ----------------------------------------------

def _corridors(claims: list[Claim], crs, corridor_km: float) -> list[dict]:
    """Routes, and claims made on a road, buffered by ``corridor_km`` each side."""
    out: list[dict] = []
    lines: list[tuple[BaseGeometry, Claim]] = []
    for c in claims:
        if c.kind == ClaimKind.ROUTE and c.geometry:
            lines.append((_to_metric(shapely.from_wkb(c.geometry), crs), c))
    for c in claims:
        road = _road_line(c, crs)
        if road is not None and not any(line.intersects(road.buffer(500)) for line, _ in lines):
            lines.append((road, c))
    for line, c in lines:
        name = " → ".join(c.place_names)
        area = line.buffer(corridor_km * 1000, 16, cap_style="flat" if c.kind == ClaimKind.ROUTE else "round")
        out.append(_zone(area, ",".join(c.blocs), [_Part(area, c, name)], "corridor", crs,
                         name=f"corridor {corridor_km:g} km each side of {name}"))
    return out


def _road_line(c: Claim, crs) -> BaseGeometry | None:
    if c.kind == ClaimKind.ROUTE or not c.places:
        return None
    place = _place(c.places[0])
    if place is None or place.type != PlaceType.ROAD or place.wkb is None:
        return None
    geom = place.geometry
    return _to_metric(geom, crs) if geom.geom_type in ("LineString", "MultiLineString") else None


def _exchange_legs(claims: list[Claim], crs) -> list[dict]:
    out = []
    for c in claims:
        if c.kind != ClaimKind.EXCHANGE or not c.geometry or len(c.place_names) < 2:
            continue
        ends = list(shapely.from_wkb(c.geometry).coords)
        for i, side in enumerate("ab"):
            area = _leg_area(c, i, ends[0 if i == 0 else -1], crs)
            receivers = ",".join(c.details.get(f"{side}_to", ()))
            name = f"{c.place_names[i]} → {receivers.replace(',', ', ') or 'unknown'}"
            out.append(_zone(area, receivers, [_Part(area, c, c.place_names[i])], "exchange-leg", crs,
                             name=name))
    return out


def _leg_area(c: Claim, i: int, end: tuple, crs) -> BaseGeometry:
    place = _place(c.places[i]) if i < len(c.places) else None
    geom = place.geometry if place is not None else shapely.Point(end)
    return _area(geom, place.id if place else "", crs)


# -- the feature --------------------------------------------------------------

def _zone(geom: BaseGeometry, bloc: str, parts: list[_Part], method: str, crs, name: str = "") -> dict:
    claims = [p.claim for p in parts]
    modality = max((c.modality.value for c in claims), key=lambda m: _WEAKNESS.get(m, 0))
    basis = list(dict.fromkeys(p.name for p in parts if p.name))
    dates = sorted(c.date for c in claims if c.date)
    ids = sorted(c.details.get("id", "") for c in claims)
    props = {
        "kind": "zone", "name": name or _zone_name(bloc, basis), "source": " | ".join(dict.fromkeys(c.source for c in claims)),
        "date": dates[-1] if dates else None, "evidence": " … ".join(dict.fromkeys(c.evidence for c in claims)),
        "modality": modality, "geo_precision": max(c.geo_precision for c in claims),
        "id": hashlib.sha1(f"zone|{method}|{bloc}|{modality}|{'|'.join(ids)}".encode()).hexdigest()[:16],
        "bloc": bloc, "basis": ", ".join(basis), "method": method,
        "actors": ", ".join(dict.fromkeys(a for c in claims for a in c.actors)),
        "attribution": "; ".join(dict.fromkeys(c.attribution for c in claims if c.attribution)),
        "claims": len(claims),
    }
    return {"type": "Feature", "geometry": shapely.geometry.mapping(_clean(geom, crs)), "properties": props}


def _zone_name(bloc: str, basis: list[str]) -> str:
    where = ", ".join(basis[:3]) + (" …" if len(basis) > 3 else "")
    return f"{bloc} zone: {where}" if where else f"{bloc} zone"
