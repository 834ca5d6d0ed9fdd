"""Online geocoding with geopy's Nominatim — only when the user asks (``--online``).

Requests go through geopy's :class:`~geopy.extra.rate_limiter.RateLimiter`
(one per second, as Nominatim's usage policy asks), carry a user agent and
are cached on disk, so a name is asked for once. Tests pass a fake geocoder.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from geo.errors import OnlineError
from geo.gazetteer.store import cache_dir
from geo.model import Candidate, Place, PlaceType

__all__ = ["OnlineGeocoder", "USER_AGENT"]

USER_AGENT = "geo-conflict-mapper/0.1 (+https://pypi.org/project/geo-conflict-mapper)"


class OnlineGeocoder:
    """Nominatim lookups with a rate limit and an on-disk cache.

    Parameters
    ----------
    geocoder : object, optional
        Anything with geopy's ``geocode(query, exactly_one=False, limit=N)``;
        a :class:`geopy.geocoders.Nominatim` is made when omitted.
    cache_path : Path, optional
        JSON cache file (default ``<cache>/nominatim.json``).
    min_delay_seconds : float
        Pause between two requests.
    """

    def __init__(self, geocoder: Any = None, cache_path: Path | None = None,
                 min_delay_seconds: float = 1.0) -> None:
        from geopy.extra.rate_limiter import RateLimiter

        if geocoder is None:
            from geopy.geocoders import Nominatim

            geocoder = Nominatim(user_agent=USER_AGENT, timeout=10)
        self._geocode = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=1, swallow_exceptions=False)
        self.cache_path = cache_path or cache_dir() / "nominatim.json"
        self._cache: dict[str, list[dict]] = self._load()

    def _load(self) -> dict[str, list[dict]]:
        try:
            return json.loads(self.cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _save(self) -> None:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.cache_path.with_name(self.cache_path.name + f".{os.getpid()}.part")
        tmp.write_text(json.dumps(self._cache, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.cache_path)

    def lookup(self, name: str, limit: int = 5) -> list[Candidate]:
        """Candidates for ``name`` from Nominatim (or the cache).

        Raises
        ------
        OnlineError
            When the service cannot be reached or refuses.
        """
        if name not in self._cache:
            self._cache[name] = self._ask(name, limit)
            self._save()
        return [_candidate(r, name, i) for i, r in enumerate(self._cache[name][:limit])]

    def _ask(self, name: str, limit: int) -> list[dict]:
        from geopy.exc import GeopyError

        try:
            found = self._geocode(name, exactly_one=False, limit=limit) or []
        except GeopyError as exc:
            raise OnlineError(f"online lookup of {name!r} failed: {exc}; check the connection or "
                              "drop --online to use the embedded gazetteer only") from exc
        return [{"name": loc.address, "lat": loc.latitude, "lon": loc.longitude,
                 "osm": (getattr(loc, "raw", None) or {}).get("osm_id", i)} for i, loc in enumerate(found)]


def _candidate(row: dict, query: str, rank: int) -> Candidate:
    place = Place(id=f"osm:{row['osm']}", name=str(row["name"]).split(",")[0], type=PlaceType.LANDMARK,
                  lat=float(row["lat"]), lon=float(row["lon"]),
                  source=f"online: Nominatim/OpenStreetMap (ODbL): {row['name']}")
    return Candidate(place, 1.0 - rank * 0.1, query, "online")
