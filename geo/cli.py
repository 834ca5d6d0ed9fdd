"""The ``geo`` command: thin wrappers over the library.

Exit codes: 0 success, 1 some input failed or nothing matched, 2 bad usage.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from geo.errors import GeoError

__all__ = ["main", "build_parser"]


def _near(text: str) -> tuple[float, float, float]:
    parts = text.split(",")
    try:
        nums = [float(p) for p in parts]
    except ValueError:
        nums = []
    if len(nums) not in (2, 3):
        raise argparse.ArgumentTypeError(f"--near {text!r}: expected LAT,LON or LAT,LON,KM, e.g. 35.93,36.63,50")
    lat, lon = nums[0], nums[1]
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise argparse.ArgumentTypeError(f"--near {text!r}: latitude must be in [-90, 90], longitude in [-180, 180]")
    return lat, lon, nums[2] if len(nums) == 3 else 100.0


def _add_gazetteer(sub: argparse._SubParsersAction) -> None:
    gaz = sub.add_parser("gazetteer", help="look up and manage place names")
    gsub = gaz.add_subparsers(dest="gazetteer_command", required=True)
    look = gsub.add_parser("lookup", help="ranked candidates for a place name")
    look.add_argument("name", help="place name in any common spelling, Latin or Arabic script")
    look.add_argument("--near", type=_near, metavar="LAT,LON[,KM]", help="prefer places near this point")
    look.add_argument("--country", metavar="CC", help="prefer places in this ISO country code (e.g. SY)")
    look.add_argument("--limit", type=int, default=5, help="how many candidates (default 5)")
    look.add_argument("--json", action="store_true", help="print JSON")
    look.add_argument("--online", action="store_true", help="also ask Nominatim (network; rate-limited, cached)")
    look.set_defaults(func=_cmd_lookup)
    imp = gsub.add_parser("import", help="add a GeoNames dump, CSV or GeoJSON to your local gazetteer")
    imp.add_argument("file")
    imp.add_argument("--format", choices=["geonames", "csv", "geojson"], help="default: from the suffix")
    imp.set_defaults(func=_cmd_import)
    info = gsub.add_parser("info", help="where the gazetteer files are and what they hold")
    info.set_defaults(func=_cmd_info)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``geo`` command."""
    parser = argparse.ArgumentParser(prog="geo", description="Map conflict reports: places, control, events, "
                                     "routes and proposed exchanges.")
    parser.add_argument("--version", action="version", version=f"geo {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_gazetteer(sub)
    for register in _EXTRA_COMMANDS:
        register(sub)
    return parser


def _version() -> str:
    from geo import __version__

    return __version__


def _cmd_lookup(args: argparse.Namespace) -> int:
    from geo.gazetteer import Focus, default_gazetteer

    focus = None
    if args.near or args.country:
        points = ((args.near[0], args.near[1]),) if args.near else ()
        focus = Focus(countries=frozenset({args.country.upper()}) if args.country else frozenset(),
                      points=points, radius_km=args.near[2] if args.near else 150.0)
    gaz = default_gazetteer()
    found = gaz.lookup(args.name, focus=focus, limit=max(args.limit, 1))
    if args.online:
        from geo.gazetteer.online import OnlineGeocoder

        found += OnlineGeocoder().lookup(args.name, limit=args.limit)
    if not found:
        return _no_match(args, gaz.suggest(args.name))
    rows = [c.as_dict() for c in found]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        _print_table(rows)
    return 0


def _no_match(args: argparse.Namespace, suggestions: list[str]) -> int:
    if args.json:
        print(json.dumps({"name": args.name, "match": None, "suggestions": suggestions}, ensure_ascii=False))
    else:
        hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
        print(f"no match for {args.name!r}{hint}")
    return 1


def _print_table(rows: list[dict]) -> None:
    cols = ["id", "name", "type", "lat", "lon", "admin1", "country", "source", "score"]
    print("\t".join(cols))
    for r in rows:
        print("\t".join(f"{r[c]:.5f}" if c in ("lat", "lon") else str(r[c]) for c in cols))


def _cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from geo.gazetteer.importer import import_file
    from geo.gazetteer.store import user_db_path

    count = import_file(Path(args.file), args.format)
    print(f"imported {count} places from {args.file} into {user_db_path()}")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from geo.gazetteer import default_gazetteer
    from geo.gazetteer.sources import data_dir

    gaz = default_gazetteer()
    print(f"curated data: {data_dir()}")
    for name, path in gaz.layers.items():
        print(f"{name} layer: {path}")
    return 0


def _register_commands(sub: argparse._SubParsersAction) -> None:
    from geo.commands import register

    register(sub)


_EXTRA_COMMANDS: list = [_register_commands]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``geo`` command; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except GeoError as exc:
        print(f"geo: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("geo: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:   # the reader went away ("geo ... | head"): stop quietly, like other tools
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
