"""Turn transcribed map marks of Wikipedia's civil-war map module into ``gazetteer/villages.csv`` rows.

Input: TSV files, one mark per line, with the fields
``chunk_offset, lat, long, mark, label, link_target`` as written in the module
(``Module:Syrian Civil War detailed map``; see ``gazetteer/SOURCES.md``).

The rules are those documented in ``SOURCES.md`` for ``villages.csv``:

* only marks inside Syria (Natural Earth 10m outline) are kept;
* generic labels that are not place names ("Hill 5", "Army base"), coordinates
  without decimals and image marks other than dams (insets, city dots) are left out;
* ``X (Y)`` and ``X/Y`` labels give the name ``X`` and aliases ``Y``; a link
  target that names another place (not a battle) is an alias too;
* the type follows the mark symbol and the label;
* a mark is left out when a ``places.csv`` row with the same folded name lies
  within 5 km (or the same consonant skeleton within 2 km), when its name is
  that of a curated town or city elsewhere (reports mean the town), or when a
  kept row of the same name lies within 2 km.

Run: ``python tools/map_marks.py PART.tsv [PART.tsv ...] [--write]`` (without
``--write`` it only prints what it would add and why marks were left out).
"""
from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from geo.distance import distance_km  # noqa: E402
from geo.gazetteer.fold import fold, skeleton  # noqa: E402

FIELDS = ["id", "name", "type", "lat", "lon", "admin1", "country", "aliases", "source"]
SOURCE = 'Wikipedia Module:Syrian Civil War detailed map (pin "{label}"), via GitHub MASangys/wikipedia.zh'
GENERIC = re.compile(
    r"^(?:communication\s+tower|free\s+zone|army\s+base|military\s+checkpoint|checkpoint|ypg\s+base|artillery\s+base"
    r"|border\s+post\s*\d*|point\s*\d+|hill\s*\d+|height\s*\d+|tower|base|outpost|factory\s+complex.*"
    r"|\d+(?:st|nd|rd|th)?\s+battalion.*|battalion\s*\d+|unknown|n/?a|\?+)$", re.I)
GENERIC_WORDS = frozenset("""military army syrian checkpoint checkpoints air defense defence base bases artillery cement plant
train railway station mountain mountains ridge hill hills tower communication free zone border post point ypg sdf fsa
storage depot silos grain factory complex battalion brigade regiment airstrip airbase crossroads junction roundabout
bridge dam power electrical substation oil gas field fields well wells water pumping school hospital the of a and
old new abandoned""".split())
NOT_PLACE_LINK = re.compile(r"offensive|battle|siege|campaign|operation|clashes|massacre|#", re.I)
BASE_WORDS = re.compile(r"\b(?:base|brigade|regiment|division|garrison|barracks|naval)\b", re.I)
LANDMARK_WORDS = re.compile(r"\b(?:checkpoint|mountain|mount|silos?|castle|citadel|prison|mine|quarry|tower|hill|"
                            r"factory|plant|hospital|school|college|academy|bridge|roundabout|mosque|church|"
                            r"company|farms?|poultry|warehouses?|storage|depot|radar|tel\s*\d)\b", re.I)


def in_syria():
    """A point-in-Syria test on the Natural Earth 10m outline shipped with a dependency."""
    import pyogrio
    import shapely

    from geo.gazetteer.sources import natural_earth_path

    df = pyogrio.read_dataframe(f"/vsizip/{natural_earth_path()}", where="ISO_A2_EH = 'SY'")
    syria = df.geometry.iloc[0]
    shapely.prepare(syria)
    return lambda lat, lon: syria.contains(shapely.Point(lon, lat))


def clean_label(label: str) -> str:
    label = label.replace("`", "‘").replace("\u2011", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", label).strip()


_REGION_SUFFIX = r",\s*(?:Syria|Aleppo|Idlib|Hama|Homs|Latakia|Raqqa|Hasakah|Daraa|Quneitra|Damascus|Deir ez-Zor)$"


def split_label(label: str, target: str) -> tuple[str, list[str]]:
    """Name and aliases from "X (Y)", "X/Y" and the link target."""
    aliases: list[str] = []
    label = re.sub(_REGION_SUFFIX, "", label)
    m = re.fullmatch(r"(.+?)\s*\(([^)]+)\)", label)
    name = label
    if m:
        name = m.group(1).strip()
        inner = m.group(2).strip()
        if not re.fullmatch(r"[\d.,\s]+\s*m|\d+", inner):   # "(915m)" is a height, not a name
            aliases += [a.strip() for a in inner.split("/") if a.strip()]
    if "/" in name:
        first, *rest = [p.strip() for p in name.split("/") if p.strip()]
        name, aliases = first, rest + aliases
    target = re.sub(_REGION_SUFFIX, "", target.strip())
    if target and target != label and not NOT_PLACE_LINK.search(target):
        aliases += [t.strip() for t in re.sub(r"\([^)]*\)", "", target).split("/") if t.strip()]
    return name, [a for a in dict.fromkeys(aliases) if fold(a) and fold(a) != fold(name)]


def place_type(mark: str, label: str) -> str:
    m = mark.lower()
    if "dam" in m.split("_") or re.search(r"\bdam\b", label, re.I):
        return "dam"
    if "border" in m or "pass" in m or re.search(r"\bcrossing\b", label, re.I):
        return "crossing"
    if m.endswith("_air") or "heli" in m:
        return "base" if re.search(r"\b(?:air\s*base|airbase|base)\b", label, re.I) else "airport"
    if m.endswith("_oil") or m.endswith("_gas"):
        if re.search(r"\bstation\b", label, re.I):
            return "station"
        if re.search(r"\b(?:plant|storage|refinery|processing|facility)\b", label, re.I):
            return "landmark"
        return "field"
    if re.search(r"\bdistrict$", label, re.I):
        return "neighbourhood"
    if re.search(r"\bstation\b", label, re.I):
        return "station"
    if m.endswith(("_hill", "_industry", "_base", "_port")) or "port" in m.split("_"):
        return "base" if BASE_WORDS.search(label) else "landmark"
    if LANDMARK_WORDS.search(label):
        return "landmark"
    return "village"


def slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def names_of(row: dict) -> list[str]:
    return [row["name"], *(a for a in row.get("aliases", "").split("|") if a)]


class Index:
    """Folded names and skeletons of rows, with their points, for the distance rules."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
        self.by_skel: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)

    def add(self, names: list[str], lat: float, lon: float) -> None:
        for n in names:
            key = fold(n)
            self.by_key[key].append((lat, lon))
            if len(skeleton(key).replace(" ", "")) >= 4:
                self.by_skel[skeleton(key)].append((lat, lon))

    def near(self, names: list[str], lat: float, lon: float, key_km: float, skel_km: float) -> bool:
        for n in names:
            key = fold(n)
            if any(distance_km(lat, lon, a, b) <= key_km for a, b in self.by_key.get(key, ())):
                return True
            if skel_km and any(distance_km(lat, lon, a, b) <= skel_km for a, b in self.by_skel.get(skeleton(key), ())):
                return True
        return False


def convert(parts: list[Path], places: list[dict], villages: list[dict]) -> tuple[list[dict], collections.Counter]:
    inside = in_syria()
    curated, bulk = Index(), Index()
    towns = set()
    for r in places:
        curated.add(names_of(r), float(r["lat"]), float(r["lon"]))
        if r["type"] in ("city", "town"):
            towns.update(fold(n) for n in names_of(r))
    for r in villages:
        bulk.add(names_of(r), float(r["lat"]), float(r["lon"]))
    ids = {r["id"] for r in places + villages}
    out: list[dict] = []
    why: collections.Counter = collections.Counter()
    for path in parts:
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) != 6:
                why["malformed line"] += 1
                continue
            _, lat_s, lon_s, mark, label, target = fields
            label = clean_label(label)
            try:
                lat, lon = float(lat_s), float(lon_s)
            except ValueError:
                why["bad coordinate"] += 1
                continue
            if not label or GENERIC.match(label) or set(re.findall(r"[^\W\d_]+", label.casefold())) <= GENERIC_WORDS:
                why["generic label"] += 1
                continue
            if ".svg" in mark and not re.search(r"\bdam\b", label, re.I):
                why["inset or decoration"] += 1   # an inset map or a city dot, not a place mark
                continue
            if "." not in lat_s or "." not in lon_s:
                why["coarse coordinate"] += 1
                continue
            if not inside(lat, lon):
                why["outside Syria"] += 1
                continue
            name, aliases = split_label(label, clean_label(target))
            names = [name, *aliases]
            if not fold(name):
                why["no name"] += 1
                continue
            if curated.near(names, lat, lon, 5.0, 2.0):
                why["curated row nearby"] += 1
                continue
            if fold(name) in towns:
                why["homonym of a curated town"] += 1   # "Ras al-Ain" near Manbij: reports mean the town
                continue
            if bulk.near(names, lat, lon, 2.0, 0.0):
                why["repeat within 2 km"] += 1
                continue
            base = f"sy-w-{slug(name)}"
            row_id, n = base, 2
            while row_id in ids:
                row_id, n = f"{base}-{n}", n + 1
            ids.add(row_id)
            bulk.add(names, lat, lon)
            out.append(dict(id=row_id, name=name, type=place_type(mark, label), lat=lat_s, lon=lon_s, admin1="",
                            country="SY", aliases="|".join(aliases), source=SOURCE.format(label=label)))
    return out, why


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("parts", nargs="+", type=Path)
    ap.add_argument("--write", action="store_true", help="append the new rows to gazetteer/villages.csv")
    args = ap.parse_args()
    target = REPO / "gazetteer" / "villages.csv"
    rows, why = convert(args.parts, read_rows(REPO / "gazetteer" / "places.csv"), read_rows(target))
    print(f"{len(rows)} new rows; left out: {dict(why)}")
    print("types:", dict(collections.Counter(r["type"] for r in rows)))
    if args.write:
        with open(target, "a", encoding="utf-8", newline="") as fh:
            csv.DictWriter(fh, FIELDS, lineterminator="\n").writerows(rows)
    else:
        for r in rows[:20]:
            print(r["id"], r["name"], r["type"], r["lat"], r["lon"], r["aliases"])


if __name__ == "__main__":
    main()
