"""The built wheel installs into a fresh environment and its ``geo`` command works from anywhere."""
from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)],
                   check=True, capture_output=True, text=True, timeout=600)
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_ships_the_curated_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "geo/_data/gazetteer/places.csv" in names
    assert "geo/_data/gazetteer/areas.csv" in names
    assert "geo/cli.py" in names and "geo/py.typed" in names
    assert not any(n.startswith("tests/") for n in names)


def test_wheel_installs_and_looks_up(wheel, tmp_path, cache_dir):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
                   check=True, capture_output=True, text=True, timeout=900)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "GEO_CACHE_DIR": str(cache_dir), "GEO_DATA_DIR": str(tmp_path / "data")}
    env.pop("PYTHONPATH", None)
    proc = subprocess.run([str(env_dir / "bin" / "geo"), "gazetteer", "lookup", "Idlib"], cwd=elsewhere,
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "35.93062\t36.63393" in proc.stdout
    info = subprocess.run([str(env_dir / "bin" / "geo"), "gazetteer", "info"], cwd=elsewhere, env=env,
                          capture_output=True, text=True, timeout=300)
    # the installed package reads its own copy of the curated data, not the checkout's
    assert str(env_dir) in info.stdout and str(REPO / "gazetteer") not in info.stdout
