"""The ``extract``, ``export`` and ``map`` commands: read inputs, extract, write.

Bad inputs are reported on stderr (path, reason, fix) and skipped; the
others are processed. Exit code 1 when any input failed, 0 otherwise.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

__all__ = ["register", "run_extractions", "collect", "cmd_map"]


def _inputs(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="article files (.txt .md .html .json .jsonl), folders, or - for stdin")
    sub.add_argument("--date", help="publication date (YYYY-MM-DD) for inputs that do not carry one")
    sub.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024,
                     help="refuse a single input larger than this (default 5 MiB)")
    sub.add_argument("--workers", type=_positive, default=1,
                     help="extract in this many processes (default 1; worth it for hundreds of reports)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    """Add the commands to the ``geo`` parser."""
    ext = sub.add_parser("extract", help="print the places and claims found in the inputs")
    _inputs(ext)
    ext.add_argument("--json", action="store_true", help="JSON records with spans and candidates")
    ext.set_defaults(func=cmd_extract)
    exp = sub.add_parser("export", help="write GeoJSON, GeoPackage or CSV")
    _inputs(exp)
    exp.add_argument("-o", "--output", required=True, help="OUT.geojson, OUT.gpkg or OUT.csv")
    exp.add_argument("--zones", choices=["buffer", "voronoi", "none"], default="buffer",
                     help="how control claims become zones (default: buffer)")
    exp.set_defaults(func=cmd_export)
    mp = sub.add_parser("map", help="write an interactive HTML map")
    _inputs(mp)
    mp.add_argument("-o", "--output", required=True, help="OUT.html")
    mp.add_argument("--offline", action="store_true", help="inline every script and stylesheet")
    mp.add_argument("--zones", choices=["buffer", "voronoi", "none"], default="buffer",
                    help="how control claims become zones (default: buffer)")
    mp.add_argument("--title", default="", help="heading shown on the map")
    mp.set_defaults(func=cmd_map)


def run_extractions(args: argparse.Namespace, failures: list) -> Iterator:
    """Extract every readable input; report and collect the failures."""
    from geo.extract.pipeline import extract
    from geo.ingest import InputFailure, iter_articles

    def readable() -> Iterator:
        for item in iter_articles(args.inputs, date=args.date, max_bytes=args.max_bytes):
            if isinstance(item, InputFailure):
                failures.append(item)
                print(f"geo: skipped {item}", file=sys.stderr)
                continue
            yield item

    workers = getattr(args, "workers", 1)
    if workers <= 1:
        yield from (extract(a) for a in readable())
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:   # extract() is pure: results come back in order
        yield from pool.map(extract, readable(), chunksize=8)


def cmd_extract(args: argparse.Namespace) -> int:
    """``geo extract``: print what was found."""
    failures: list = []
    for ex in run_extractions(args, failures):
        if args.json:
            print(json.dumps(_debug_record(ex), ensure_ascii=False))
        else:
            _print_summary(ex)
    return 1 if failures else 0


def _print_summary(ex) -> None:
    print(f"# {ex.article.source}: {len(ex.places)} places, {len(ex.claims)} claims")
    for c in ex.claims:
        what = c.event_type.value if c.event_type else c.kind.value
        print(f"{c.kind.value}\t{what}\t{','.join(c.blocs)}\t{' -> '.join(c.place_names)}\t{c.modality.value}")


def _debug_record(ex) -> dict:
    from geo.export import features

    feats = features([ex])
    claims = [c for c in ex.claims]
    for f, c in zip(feats[len(ex.places):], claims):
        f["detail"] = {"span": list(c.span), "places": list(c.places),
                       "details": {k: (list(v) if isinstance(v, tuple) else v) for k, v in c.details.items()}}
    for f, rec in zip(feats, ex.places):
        f["detail"] = {"spans": [list(s) for s in rec.spans], "candidates": list(rec.candidates)}
    return {"source": ex.article.source, "title": ex.article.title, "date": ex.article.date,
            "unresolved": list(ex.unresolved), "features": feats}


def collect(args: argparse.Namespace, failures: list) -> tuple[list[dict], list[dict], list[str]]:
    """Features of every readable input, then zones over all of them.

    Each article is turned into features as soon as it is extracted and only its
    claims are kept for the zones, so memory grows with the output, not with the
    texts read (a folder of 10,000 reports streams through).

    Returns
    -------
    (features, zones, titles)
    """
    from dataclasses import replace

    from geo.export import features

    feats: list[dict] = []
    light = []
    titles: list[str] = []
    for ex in run_extractions(args, failures):
        feats += features([ex])
        titles.append(ex.article.title)
        light.append(replace(ex, article=replace(ex.article, text=""), places=()))
    return feats, _zones(light, args.zones), titles


def cmd_export(args: argparse.Namespace) -> int:
    """``geo export``: write the features of all inputs to one file."""
    from geo.export import write

    failures: list = []
    feats, zones, titles = collect(args, failures)
    out = write(Path(args.output), feats + zones)
    print(f"wrote {len(feats) + len(zones)} features from {len(titles)} articles to {out}", file=sys.stderr)
    return 1 if failures else 0


def cmd_map(args: argparse.Namespace) -> int:
    """``geo map``: render the features of all inputs as one HTML map."""
    from geo.render import render_map

    failures: list = []
    feats, zones, titles = collect(args, failures)
    title = args.title or (titles[0] if len(titles) == 1 else "")
    out = render_map(feats + zones, Path(args.output), offline=args.offline, title=title)
    print(f"wrote a map of {len(feats) + len(zones)} features from {len(titles)} articles to {out}",
          file=sys.stderr)
    return 1 if failures else 0


def _zones(extractions: list, method: str) -> list[dict]:
    if method == "none":
        return []
    from geo.zones import zone_features

    return zone_features(extractions, method=method)
