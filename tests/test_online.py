"""Online geocoding through a fake geopy geocoder: no network in tests."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from geopy.exc import GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable

from geo.errors import OnlineError
from geo.gazetteer.online import USER_AGENT, OnlineGeocoder
from geo.model import Candidate, PlaceType


class FakeGeocoder:
    """Has geopy's ``geocode(query, exactly_one=False, limit=N)``; records its calls."""

    def __init__(self, results=None, error=None):
        self.results = results or []
        self.error = error
        self.calls: list[tuple[str, dict]] = []

    def geocode(self, query, **kwargs):
        self.calls.append((query, kwargs))
        if self.error:
            raise self.error
        return self.results


def _loc(address, lat, lon, osm_id):
    return SimpleNamespace(address=address, latitude=lat, longitude=lon, raw={"osm_id": osm_id})


RESULTS = [
    _loc("Tarnabah, Saraqib Subdistrict, Idlib, Syria", 35.859, 36.768, 1111),
    _loc("Tarnaba, Somewhere Else", 10.0, 20.0, 2222),
]


@pytest.fixture()
def cache_path(tmp_path):
    return tmp_path / "cache" / "nominatim.json"


def test_results_become_candidates(cache_path):
    geo = OnlineGeocoder(FakeGeocoder(RESULTS), cache_path=cache_path, min_delay_seconds=0)
    found = geo.lookup("Tarnabah")
    assert all(isinstance(c, Candidate) for c in found)
    first = found[0]
    assert first.place.id == "osm:1111"
    assert first.place.name == "Tarnabah"
    assert (first.place.lat, first.place.lon) == (35.859, 36.768)
    assert first.place.type is PlaceType.LANDMARK
    assert first.place.source.startswith("online: Nominatim/OpenStreetMap (ODbL)")
    assert "Idlib, Syria" in first.place.source
    assert first.tier == "online" and first.matched == "Tarnabah"
    assert found[0].score > found[1].score


def test_fake_gets_the_query_and_limit(cache_path):
    fake = FakeGeocoder(RESULTS)
    OnlineGeocoder(fake, cache_path=cache_path, min_delay_seconds=0).lookup("Tarnabah", limit=3)
    assert fake.calls == [("Tarnabah", {"exactly_one": False, "limit": 3})]


def test_cache_is_written_and_used(cache_path):
    fake = FakeGeocoder(RESULTS)
    geo = OnlineGeocoder(fake, cache_path=cache_path, min_delay_seconds=0)
    geo.lookup("Tarnabah")
    assert cache_path.exists()
    cached = json.loads(cache_path.read_text(encoding="utf-8"))
    assert cached["Tarnabah"][0]["lat"] == 35.859
    assert not list(cache_path.parent.glob("*.part"))
    again = geo.lookup("Tarnabah")
    assert len(fake.calls) == 1
    assert again[0].place == geo.lookup("Tarnabah")[0].place


def test_cache_survives_a_new_instance(cache_path):
    OnlineGeocoder(FakeGeocoder(RESULTS), cache_path=cache_path, min_delay_seconds=0).lookup("Tarnabah")
    fresh = FakeGeocoder([])
    found = OnlineGeocoder(fresh, cache_path=cache_path, min_delay_seconds=0).lookup("Tarnabah")
    assert fresh.calls == []
    assert found[0].place.id == "osm:1111"


def test_empty_result_is_cached_too(cache_path):
    fake = FakeGeocoder(None)
    geo = OnlineGeocoder(fake, cache_path=cache_path, min_delay_seconds=0)
    assert geo.lookup("Nowhere at all") == []
    assert geo.lookup("Nowhere at all") == []
    assert len(fake.calls) == 1


def test_limit_cuts_cached_results(cache_path):
    geo = OnlineGeocoder(FakeGeocoder(RESULTS), cache_path=cache_path, min_delay_seconds=0)
    assert len(geo.lookup("Tarnabah", limit=1)) == 1


def test_corrupt_cache_is_ignored(cache_path):
    cache_path.parent.mkdir(parents=True)
    cache_path.write_text("{not json", encoding="utf-8")
    fake = FakeGeocoder(RESULTS)
    assert OnlineGeocoder(fake, cache_path=cache_path, min_delay_seconds=0).lookup("Tarnabah")
    assert len(fake.calls) == 1


@pytest.mark.parametrize("error", [GeocoderServiceError("HTTP 503"), GeocoderTimedOut("timed out"),
                                   GeocoderUnavailable("no route to host")])
def test_geopy_error_becomes_online_error(cache_path, error, monkeypatch):
    import geopy.extra.rate_limiter as rl

    waits: list[float] = []
    monkeypatch.setattr(rl, "sleep", waits.append)  # the retry pause, without waiting
    fake = FakeGeocoder(error=error)
    geo = OnlineGeocoder(fake, cache_path=cache_path, min_delay_seconds=0)
    with pytest.raises(OnlineError, match=r"online lookup of 'Tarnabah' failed: .*drop --online") as info:
        geo.lookup("Tarnabah")
    assert info.value.__cause__ is error
    assert len(fake.calls) == 2 and waits  # one retry after a pause
    assert not cache_path.exists()  # a failure is not cached


def test_online_error_is_a_connection_error():
    assert issubclass(OnlineError, ConnectionError)


def test_user_agent_names_the_project():
    assert USER_AGENT.startswith("geo-conflict-mapper/")
