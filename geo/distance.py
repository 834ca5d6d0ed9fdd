"""Geodesic distances (pyproj's ``Geod`` on the WGS84 ellipsoid)."""
from __future__ import annotations

from functools import lru_cache

__all__ = ["distance_km"]


@lru_cache(maxsize=1)
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance between two points in kilometres.

    Examples
    --------
    >>> round(distance_km(35.9306, 36.6339, 36.2012, 37.1612))
    56
    """
    return _geod().inv(lon1, lat1, lon2, lat2)[2] / 1000.0
