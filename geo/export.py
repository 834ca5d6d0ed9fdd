"""Exports: GeoJSON (RFC 7946), GeoPackage (one layer per kind) and CSV, one schema.

The schema is documented in ``docs/schema.md``. Every feature has flat
properties (``kind``, ``name``, ``source``, ``date``, ``evidence``,
``modality``, ``geo_precision``, ``id`` and the kind's own columns) so GIS
tools read them as plain attribute columns. All files are written
atomically: a temporary file in the target folder, then a rename.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import shapely

from geo.errors import OutputError
from geo.extract.pipeline import Extraction, PlaceRecord
from geo.model import Claim, ClaimKind

__all__ = ["features", "feature_collection", "write", "write_geojson", "write_gpkg", "write_csv",
           "KINDS", "FORMATS"]

KINDS = ("place", "control", "event", "route", "exchange", "zone")
FORMATS = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".csv": "csv"}
_PRECISION = 6


def _geometry(wkb: bytes) -> dict:
    """GeoJSON geometry of ``wkb``, rounded to ``_PRECISION`` decimals, exterior rings counter-clockwise.

    A line whose two ends are one point (a swap of two areas located at the same place) keeps its two
    positions: rounding that enforces validity would leave an empty line, which RFC 7946 does not allow.
    """
    raw = shapely.from_wkb(wkb)
    geom = shapely.set_precision(raw, 10 ** -_PRECISION)
    if geom.is_empty and not raw.is_empty:
        geom = shapely.set_precision(raw, 10 ** -_PRECISION, mode="pointwise")
    return shapely.geometry.mapping(shapely.orient_polygons(geom))


def _common(kind: str, name: str, source: str, date: str | None, evidence: str, modality: str,
            precision: int, fid: str) -> dict[str, Any]:
    return {"kind": kind, "name": name, "source": source, "date": date, "evidence": evidence,
            "modality": modality, "geo_precision": precision, "id": fid}


def _place_feature(ex: Extraction, rec: PlaceRecord) -> dict:
    text = ex.article.text
    first = rec.spans[0]
    evidence = _sentence_around(text, first)
    pid = rec.place.id if rec.place else ""
    props = _common("place", rec.name, ex.article.source, ex.article.date, evidence, "reported",
                    rec.geo_precision, _fid(ex.article.source, "place", pid or rec.name))
    props.update(place_id=pid, place_type=rec.place.type.value if rec.place else "unknown",
                 mentions=len(rec.spans), surface="|".join(rec.surfaces),
                 place_source=rec.place.source if rec.place else "pattern in text")
    return {"type": "Feature", "geometry": _geometry(rec.geometry), "properties": props}


def _sentence_around(text: str, span: tuple[int, int]) -> str:
    start = max(text.rfind(". ", 0, span[0]) + 2, text.rfind("\n", 0, span[0]) + 1, 0)
    ends = [i for i in (text.find(". ", span[1]), text.find("\n", span[1])) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip()


def _fid(source: str, kind: str, key: str) -> str:
    import hashlib

    return hashlib.sha1(f"{source}|{kind}|{key}".encode()).hexdigest()[:16]


def _claim_feature(c: Claim) -> dict:
    name = " → ".join(c.place_names) if c.kind in (ClaimKind.ROUTE, ClaimKind.EXCHANGE) else (c.place_names[0] if c.place_names else "")
    props = _common(c.kind.value, name, c.source, c.date, c.evidence, c.modality.value, c.geo_precision,
                    c.details.get("id", ""))
    props.update(attribution=c.attribution, evidence_start=c.span[0], evidence_end=c.span[1])
    props.update(_KIND_PROPS[c.kind](c))
    return {"type": "Feature", "geometry": _geometry(c.geometry), "properties": props}


def _control_props(c: Claim) -> dict:
    cue = c.details.get("cue")
    grounds = "presence" if cue in ("presence", "base") else "captured" if cue == "captured" else "stated"
    return {"actor": ", ".join(c.actors), "bloc": c.blocs[0] if c.blocs else "", "blocs": ",".join(c.blocs),
            "place_id": c.places[0], "grounds": grounds}


def _event_props(c: Claim) -> dict:
    return {"event_type": c.event_type.value if c.event_type else "", "actors": ", ".join(c.actors),
            "blocs": ",".join(c.blocs), "target_blocs": ",".join(c.details.get("target_blocs", ())),
            "place_id": c.places[0]}


def _route_props(c: Claim) -> dict:
    return {"from_place": c.place_names[0], "to_place": c.place_names[-1], "actors": ", ".join(c.actors),
            "blocs": ",".join(c.blocs), "event_type": c.event_type.value if c.event_type else "movement"}


def _exchange_props(c: Claim) -> dict:
    d = c.details
    return {"place_a": c.place_names[0], "place_b": c.place_names[1],
            "a_from": ",".join(d.get("a_from", ())), "a_to": ",".join(d.get("a_to", ())),
            "b_from": ",".join(d.get("b_from", ())), "b_to": ",".join(d.get("b_to", ())),
            "status": d.get("status", "proposed"), "actors": ", ".join(c.actors), "blocs": ",".join(c.blocs)}


_KIND_PROPS = {ClaimKind.CONTROL: _control_props, ClaimKind.EVENT: _event_props,
               ClaimKind.ROUTE: _route_props, ClaimKind.EXCHANGE: _exchange_props}


def features(extractions: Iterable[Extraction], zones: Iterable[dict] = ()) -> list[dict]:
    """GeoJSON features for the places and claims of the extractions, then the zones."""
    out: list[dict] = []
    for ex in extractions:
        out += [_place_feature(ex, rec) for rec in ex.places]
        out += [_claim_feature(c) for c in ex.claims]
    return out + list(zones)


def feature_collection(feats: list[dict]) -> dict:
    """An RFC 7946 FeatureCollection (no ``crs`` member; WGS84 lon/lat)."""
    return {"type": "FeatureCollection", "features": feats}


def _atomic(path: Path, write_tmp) -> Path:
    path = Path(path)
    if not path.parent.exists():
        raise OutputError(f"cannot write {path}: the folder {path.parent} does not exist; create it or "
                          "choose another output path")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f".part{path.suffix}", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}; choose a folder you can write to") from exc
    try:
        write_tmp(Path(tmp))
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files; give them the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_geojson(path: Path, feats: list[dict]) -> Path:
    """Write a GeoJSON FeatureCollection atomically."""
    def _write(tmp: Path) -> None:
        tmp.write_text(json.dumps(feature_collection(feats), ensure_ascii=False), encoding="utf-8")

    return _atomic(path, _write)


def _frame(feats: list[dict]):
    import geopandas as gpd

    return gpd.GeoDataFrame.from_features(feats, crs="EPSG:4326")


def write_gpkg(path: Path, feats: list[dict]) -> Path:
    """Write a GeoPackage with one layer per kind (via geopandas and pyogrio), atomically."""
    def _write(tmp: Path) -> None:
        tmp.unlink(missing_ok=True)
        for kind in KINDS:
            subset = [f for f in feats if f["properties"]["kind"] == kind]
            if subset:
                _frame(subset).to_file(tmp, layer=kind, driver="GPKG", engine="pyogrio")

    return _atomic(path, _write)


def write_csv(path: Path, feats: list[dict]) -> Path:
    """Write a CSV with WKT geometry and lat/lon (of a representative point) columns."""
    import pandas as pd

    def _write(tmp: Path) -> None:
        rows = []
        for f in feats:
            geom = shapely.geometry.shape(f["geometry"])
            point = geom if geom.geom_type == "Point" else geom.representative_point()
            rows.append({**f["properties"], "lat": round(point.y, 6), "lon": round(point.x, 6),
                         "wkt": geom.wkt})
        pd.DataFrame(rows).to_csv(tmp, index=False)

    return _atomic(path, _write)


def write(path: Path, feats: list[dict]) -> Path:
    """Write ``feats`` in the format the suffix names (.geojson/.json, .gpkg, .csv)."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise OutputError(f"cannot tell the output format of {path}; use a name ending in "
                          f"{', '.join(FORMATS)}")
    return {"geojson": write_geojson, "gpkg": write_gpkg, "csv": write_csv}[fmt](Path(path), feats)
