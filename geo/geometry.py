"""Metric geometry helpers: local projections, buffers, offsets and sectors.

Every function takes and returns shapely geometries in WGS84 (lon, lat) and
does its metric work in a local azimuthal equidistant projection (pyproj)
centred on the geometry, so distances in kilometres are right anywhere.
"""
from __future__ import annotations

import math
from functools import lru_cache

import shapely
from shapely.geometry.base import BaseGeometry

from geo.distance import distance_km

__all__ = ["to_local", "buffer_km", "offset_point", "sector", "distance_km", "orient"]


class _Way:
    """One direction of a projection pipeline, with the ``transform(x, y)`` of a pyproj Transformer."""

    __slots__ = ("_pipeline", "_direction")

    def __init__(self, pipeline, direction) -> None:
        self._pipeline, self._direction = pipeline, direction

    def transform(self, x, y):
        return self._pipeline.transform(x, y, direction=self._direction)


@lru_cache(maxsize=1024)
def _transformers(lon0: float, lat0: float) -> tuple[_Way, _Way]:
    """WGS84 (lon, lat) to and from an azimuthal equidistant projection in metres centred on
    (lon0, lat0). Built as a PROJ pipeline: a tenth of a millisecond, where a CRS-to-CRS
    Transformer takes about 15 ms to set up."""
    from pyproj import Transformer
    from pyproj.enums import TransformDirection

    pipeline = Transformer.from_pipeline(
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        f"+step +proj=aeqd +lat_0={lat0} +lon_0={lon0} +ellps=WGS84")
    return _Way(pipeline, TransformDirection.FORWARD), _Way(pipeline, TransformDirection.INVERSE)


def _centre(geom: BaseGeometry) -> tuple[float, float]:
    c = geom.centroid if not geom.is_empty else shapely.Point(0, 0)
    return round(c.x, 1), round(c.y, 1)


def to_local(geom: BaseGeometry, centre: tuple[float, float] | None = None):
    """Project ``geom`` to a local metric CRS; return it with the inverse function.

    Returns
    -------
    (BaseGeometry, callable)
        The projected geometry and a function mapping a metric geometry back to WGS84.
    """
    fwd, inv = _transformers(*(centre or _centre(geom)))
    projected = shapely.transform(geom, lambda xy: _apply(fwd, xy))
    return projected, lambda g: shapely.transform(g, lambda xy: _apply(inv, xy))


def _apply(transformer, xy):
    import numpy as np

    x, y = transformer.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


def orient(geom: BaseGeometry) -> BaseGeometry:
    """Counter-clockwise exterior rings, clockwise holes (RFC 7946)."""
    return shapely.orient_polygons(geom)


@lru_cache(maxsize=4096)
def buffer_km(geom: BaseGeometry, km: float, resolution: int = 8) -> BaseGeometry:
    """Buffer ``geom`` by ``km`` kilometres (cached: geometries are immutable).

    Examples
    --------
    >>> area = buffer_km(shapely.Point(36.63, 35.93), 5)
    >>> round(area.bounds[3] - 35.93, 3)
    0.045
    """
    local, back = to_local(geom)
    return orient(back(local.buffer(km * 1000, resolution)))


def offset_point(lon: float, lat: float, bearing_deg: float, km: float) -> tuple[float, float]:
    """The point ``km`` kilometres from (lon, lat) on an initial bearing (degrees from north)."""
    from pyproj import Geod

    lon2, lat2, _ = Geod(ellps="WGS84").fwd(lon, lat, bearing_deg, km * 1000.0)
    return lon2, lat2


def sector(lon: float, lat: float, bearing_deg: float, inner_km: float, outer_km: float,
           half_width_deg: float = 45.0, steps: int = 12) -> BaseGeometry:
    """An annular sector around (lon, lat) facing ``bearing_deg`` (e.g. "west of X").

    Examples
    --------
    >>> s = sector(37.16, 36.20, 270, 5, 30)
    >>> s.centroid.x < 37.16
    True
    """
    fwd, inv = _transformers(round(lon, 1), round(lat, 1))
    cx, cy = fwd.transform(lon, lat)
    angles = [bearing_deg - half_width_deg + i * 2 * half_width_deg / steps for i in range(steps + 1)]
    outer = [_polar(cx, cy, a, outer_km) for a in angles]
    inner = [_polar(cx, cy, a, inner_km) for a in reversed(angles)]
    local = shapely.Polygon(outer + inner)
    return orient(shapely.transform(local, lambda xy: _apply(inv, xy)))


def _polar(cx: float, cy: float, bearing: float, km: float) -> tuple[float, float]:
    rad = math.radians(bearing)
    return cx + math.sin(rad) * km * 1000, cy + math.cos(rad) * km * 1000


