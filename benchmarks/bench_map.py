"""Time the map render (10,000 synthetic features) and the GeoJSON/GeoPackage export (100,000).

Run: ``.venv/bin/python benchmarks/bench_map.py``. Targets: render ≤ 5 s and ≤ 15 MB;
GeoJSON ≤ 5 s; GeoPackage ≤ 10 s.
"""
from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from geo.export import write_geojson, write_gpkg
from geo.render import EVENT_SYMBOLS, render_map

BLOCS = ["syrian-government", "russia", "iran", "turkey", "opposition", "hts", "sdf", "contested"]
EVENTS = [e for e in EVENT_SYMBOLS if e]
MODALITIES = ["reported", "claimed", "possible"]


def synthetic(n: int, seed: int = 1) -> list[dict]:
    """``n`` random points, squares and events inside Syria's bounding box."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        lon, lat = rnd.uniform(36.0, 41.5), rnd.uniform(32.5, 37.0)
        kind = rnd.choice(["control", "event", "zone"])
        if kind == "zone":
            d = rnd.uniform(0.01, 0.08)
            geom = {"type": "Polygon", "coordinates": [[[lon, lat], [lon + d, lat], [lon + d, lat + d],
                                                        [lon, lat + d], [lon, lat]]]}
        else:
            geom = {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}
        props = {"kind": kind, "name": f"place {i}", "source": f"https://example.org/{i}", "date": None,
                 "evidence": f"Forces of bloc were reported near place {i} <b>today</b>.",
                 "modality": rnd.choice(MODALITIES), "geo_precision": 1, "id": f"{i:016x}",
                 "bloc": rnd.choice(BLOCS), "blocs": rnd.choice(BLOCS), "method": "buffer",
                 "event_type": rnd.choice(EVENTS) if kind == "event" else ""}
        out.append({"type": "Feature", "geometry": geom, "properties": props})
    return out


def _timed(label: str, fn, path: Path) -> None:
    t = time.perf_counter()
    fn()
    print(f"{label}: {time.perf_counter() - t:.2f} s, {path.stat().st_size / 1e6:.1f} MB")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small, big = synthetic(10_000), synthetic(100_000, seed=2)
        html = Path(tmp) / "bench.html"
        _timed("render 10,000 features (offline)", lambda: render_map(small, html, offline=True), html)
        gj, gp = Path(tmp) / "bench.geojson", Path(tmp) / "bench.gpkg"
        _timed("GeoJSON 100,000 features", lambda: write_geojson(gj, big), gj)
        _timed("GeoPackage 100,000 features", lambda: write_gpkg(gp, big), gp)


if __name__ == "__main__":
    main()
