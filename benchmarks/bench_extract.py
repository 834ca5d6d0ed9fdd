"""Extraction speed: articles per second on one core after start-up, and a cold ``geo export``.

The corpus repeats ``seeds/`` and the evaluation articles (../shared/eval/articles,
when present) until it holds N articles. geotext (city names only, regex) runs
on the same corpus for comparison when it is installed (``pip install -e ".[bench]"``), and so
does one bare pass of the pattern lists of ``gazetteer/patterns.yaml``: the speed no rule
engine on Python's ``re`` can beat, since it only finds the trigger words.

Run: ``python benchmarks/bench_extract.py [N]``
"""
from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def corpus(n: int) -> list:
    from geo.ingest import Article, iter_articles

    inputs = [str(REPO / "seeds")]
    shared = REPO.parent / "shared" / "eval" / "articles"
    if shared.is_dir():
        inputs.append(str(shared))
    base = [a for a in iter_articles(inputs) if isinstance(a, Article)]
    return [base[i % len(base)] for i in range(n)]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def bench_geo(arts: list) -> tuple[float, float]:
    from geo.extract.pipeline import extract

    t0 = time.perf_counter()
    extract(arts[0])
    startup = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a in arts:
        extract(a)
    return startup, len(arts) / (time.perf_counter() - t0)


def bench_geotext(arts: list) -> float | None:
    try:
        from geotext import GeoText
    except ImportError:
        return None
    GeoText(arts[0].text)
    t0 = time.perf_counter()
    for a in arts:
        GeoText(a.text)
    return len(arts) / (time.perf_counter() - t0)


def bench_pattern_scan(arts: list) -> tuple[int, float]:
    """Articles/s for one pass of every pattern list of ``gazetteer/patterns.yaml`` over each article.

    This is a floor for any rule engine built on Python's ``re``: it finds each trigger word once and
    reads nothing around it.
    """
    import dataclasses
    import re

    from geo.extract.patterns import load_patterns

    patterns = load_patterns()
    rxs = []
    for field in dataclasses.fields(patterns):
        value = getattr(patterns, field.name)
        values = value.values() if isinstance(value, dict) else [value]
        rxs += [v for v in values if isinstance(v, re.Pattern)]
    t0 = time.perf_counter()
    for a in arts:
        for rx in rxs:
            for _ in rx.finditer(a.text):
                pass
    return len(rxs), len(arts) / (time.perf_counter() - t0)


def cold_export() -> float:
    seed = next((REPO / "seeds").glob("*.txt"))
    geo = Path(sys.executable).with_name("geo")
    t0 = time.perf_counter()
    subprocess.run([str(geo), "export", str(seed), "-o", "/tmp/geo-bench-seed.geojson"], check=True,
                   capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    arts = corpus(n)
    words = sum(len(a.text.split()) for a in arts) / len(arts)
    startup, rate = bench_geo(arts)
    gt = bench_geotext(arts)
    n_rx, scan = bench_pattern_scan(arts)
    print(f"machine: {machine()}")
    print(f"corpus: {n} articles, {words:.0f} words on average")
    print(f"geo extract, first article (loads gazetteer keys, registry): {startup:.2f} s")
    print(f"geo extract, after start-up, one core: {rate:,.0f} articles/s (target >= 1,000)")
    print(f"one pass of the {n_rx} pattern lists of patterns.yaml (Python re), same corpus: {scan:,.0f} articles/s")
    print(f"geotext, same corpus: {gt:,.0f} articles/s" if gt else "geotext: not installed")
    print(f"cold 'geo export seeds/<seed>.txt': {cold_export():.2f} s wall (target <= 2 s)")


if __name__ == "__main__":
    main()
