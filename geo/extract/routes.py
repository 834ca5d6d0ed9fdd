"""Route geometry: a movement from A to B follows a known road when one joins them."""
from __future__ import annotations

from functools import lru_cache

import shapely
import shapely.ops
from shapely.geometry.base import BaseGeometry

from geo.gazetteer import Gazetteer

__all__ = ["route_line", "MAX_OFF_ROAD_KM"]

MAX_OFF_ROAD_KM = 12.0


@lru_cache(maxsize=8)
def _roads(gaz: Gazetteer) -> tuple[BaseGeometry, ...]:
    return tuple(p.geometry for p in gaz.places_of_type("road"))


def route_line(a: shapely.Point, b: shapely.Point, gaz: Gazetteer) -> shapely.LineString:
    """The line from ``a`` to ``b``: along a road passing within 12 km of both, else straight.

    The line always starts at ``a`` and ends at ``b``.
    """
    from geo.geometry import to_local

    best = None
    for road in _roads(gaz):
        local, back = to_local(shapely.GeometryCollection([road, a, b]))
        line, pa, pb = local.geoms
        if line.distance(pa) > MAX_OFF_ROAD_KM * 1000 or line.distance(pb) > MAX_OFF_ROAD_KM * 1000:
            continue
        da, db = line.project(pa), line.project(pb)
        part = shapely.ops.substring(line, min(da, db), max(da, db))
        coords = list(part.coords) if part.geom_type == "LineString" else []
        if da > db:
            coords.reverse()
        path = shapely.LineString([pa.coords[0], *coords, pb.coords[0]])
        if best is None or path.length < best[0]:
            best = (path.length, back(path))
    return best[1] if best else shapely.LineString([a, b])
