"""Shared fixtures.

* ``GEO_CACHE_DIR`` points at a persistent folder (the platform user cache,
  unless the caller set it), so the compiled gazetteer index is built once per
  machine, not once per test run.
* ``GEO_DATA_DIR`` points at a fresh temporary folder, so places a test
  imports never leak into the user's real gazetteer (nor into other tests).
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD_DIR = SHARED / "eval" / "gold"


def _persistent_cache() -> str:
    """The folder the ``geo`` command uses by default, so tests and the command share one build."""
    import platformdirs

    return platformdirs.user_cache_dir("geo-conflict-mapper")


os.environ.setdefault("GEO_CACHE_DIR", _persistent_cache())
_DATA_TMP = tempfile.mkdtemp(prefix="geo-test-data-")
os.environ["GEO_DATA_DIR"] = _DATA_TMP


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001 - pytest hook signature
    import shutil

    shutil.rmtree(_DATA_TMP, ignore_errors=True)


@pytest.fixture(scope="session")
def cache_dir() -> Path:
    """The folder of the compiled gazetteer index used by the whole test run."""
    return Path(os.environ["GEO_CACHE_DIR"])


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory):
    """A :class:`Gazetteer` over the real embedded data and an empty user layer."""
    from geo.gazetteer import Gazetteer

    return Gazetteer(user_path=tmp_path_factory.mktemp("no-user") / "user-gazetteer.sqlite")


@pytest.fixture()
def user_data_dir(tmp_path, monkeypatch):
    """A private ``GEO_DATA_DIR`` for one test; resets the process-wide gazetteer around it."""
    from geo.gazetteer import default_gazetteer

    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path))
    default_gazetteer.cache_clear()
    yield tmp_path
    default_gazetteer.cache_clear()


def gold_places() -> list[tuple[str, str, float, float, float]]:
    """``(file, name, lat, lon, tol_km)`` of every non-optional gold place (empty without ../shared)."""
    out = []
    for path in sorted(GOLD_DIR.glob("*.json")) if GOLD_DIR.is_dir() else []:
        for p in json.loads(path.read_text(encoding="utf-8")).get("places", []):
            if not p.get("optional"):
                out.append((path.stem, p["name"], float(p["lat"]), float(p["lon"]), float(p["tol_km"])))
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    from geopy.distance import great_circle

    return great_circle((lat1, lon1), (lat2, lon2)).km
