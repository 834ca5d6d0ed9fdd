"""Great-circle distance, the one the whole project uses for "how far apart".

Ranking and plausibility checks need kilometres to within a fraction of a percent, and the
gazetteer lookup must start fast, so this is the haversine formula on the mean Earth radius
(what geopy's ``great_circle`` computes) rather than an ellipsoidal solution whose library
import would dominate ``geo gazetteer lookup``'s start-up. Geometry that must be exact
(offsets, buffers) uses pyproj in :mod:`geo.geometry`.
"""
from __future__ import annotations

import math

__all__ = ["distance_km", "nearest_km", "EARTH_RADIUS_KM"]

EARTH_RADIUS_KM = 6371.009


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points in kilometres.

    Examples
    --------
    >>> round(distance_km(35.9306, 36.6339, 36.2012, 37.1612))
    56
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def nearest_km(lat: float, lon: float, points: tuple[tuple[float, float], ...]) -> float:
    """The distance from a point to the nearest of ``points`` in kilometres: the least :func:`distance_km` to
    each of them, to the last bit (``inf`` when there are none).

    Examples
    --------
    >>> nearest_km(35.9306, 36.6339, ((36.2012, 37.1612), (35.9306, 36.6339))) == 0.0
    True
    """
    p1 = math.radians(lat)
    cos1 = math.cos(p1)
    best = math.inf
    for lat2, lon2 in points:
        p2 = math.radians(lat2)
        a = math.sin((p2 - p1) / 2) ** 2 + cos1 * math.cos(p2) * math.sin(math.radians(lon2 - lon) / 2) ** 2
        d = 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
        if d < best:
            best = d
    return best
