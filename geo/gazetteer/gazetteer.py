"""The :class:`Gazetteer`: ranked lookups over the compiled index and the user layer."""
from __future__ import annotations

import marshal
from bisect import bisect_left
import sqlite3
import threading
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path

from geo.errors import GazetteerError, UnknownPlaceError
from geo.gazetteer.fold import fold, plain_letters, skeleton
from geo.distance import distance_km
from geo.gazetteer.rank import Focus, base_score, finish_score, type_hints
from geo.gazetteer.store import PLACE_COLUMNS, ensure_indexes, keys_path, row_to_place, user_db_path
from geo.model import Candidate, Place

__all__ = ["Gazetteer", "default_gazetteer"]

_FUZZY_CUTOFF = 88.0
_SUGGEST_CUTOFF = 70.0
_COLUMNS = ", ".join(f"p.{c.strip()}" for c in PLACE_COLUMNS.split(","))


class SortedKeys(AbstractSet[str]):
    """The union of sorted key tuples (one per layer), as a read-only set.

    Membership starts as a binary search, so a short run (one article, one
    lookup) never pays for hashing the ~650,000 keys of the base layer; after
    ``switch_after`` lookups it builds a hash set (:attr:`hashed`) and answers
    from it.
    """

    def __init__(self, parts: list[tuple[str, ...]], switch_after: int = 5_000) -> None:
        self._parts = [p for p in parts if p]
        self._left = switch_after
        self.hashed: frozenset[str] | None = None

    def __contains__(self, key: object) -> bool:
        if self.hashed is not None:
            return key in self.hashed
        self._left -= 1
        if self._left < 0:
            return key in self.hash()
        for part in self._parts:
            i = bisect_left(part, key)
            if i < len(part) and part[i] == key:
                return True
        return False

    def hash(self) -> frozenset[str]:
        """Build (once) and return the hash set of all keys."""
        if self.hashed is None:
            self.hashed = frozenset().union(*self._parts)
        return self.hashed

    def __iter__(self):
        return iter(self.hashed if self.hashed is not None else frozenset().union(*self._parts))

    def __len__(self) -> int:
        return len(self.hashed if self.hashed is not None else frozenset().union(*self._parts))


class Gazetteer:
    """Place-name lookups over the embedded index plus the user's imported places.

    Parameters
    ----------
    path : Path, optional
        Compiled index; built from the embedded sources on first use when omitted.
    user_path : Path, optional
        SQLite file of user-imported places (see :func:`geo.gazetteer.store.user_db_path`).

    Examples
    --------
    >>> gaz = Gazetteer()                                    # doctest: +SKIP
    >>> gaz.lookup("Tell Rifaat")[0].place.name              # doctest: +SKIP
    'Tal Rifaat'
    """

    def __init__(self, base: Path | None = None, overlay: Path | None = None,
                 user_path: Path | None = None) -> None:
        if base is None or overlay is None:
            built = ensure_indexes()
            base, overlay = base or built[0], overlay or built[1]
        self.layers: dict[str, Path] = {"main": Path(base), "overlay": Path(overlay)}
        user = Path(user_path) if user_path else user_db_path()
        if user.exists():
            self.layers["user"] = user
        self._local = threading.local()
        self._keys: tuple[AbstractSet[str], ...] | None = None
        self._key_list: list[str] | None = None
        self._entry_cache = None
        self._lookup_cache = None
        self._merged_cache = None

    # -- connection -------------------------------------------------------
    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.layers['main']}?mode=ro", uri=True, check_same_thread=False)
            for name, path in self.layers.items():
                if name != "main":
                    con.execute(f"ATTACH DATABASE ? AS {name}", (f"file:{path}?mode=ro",))
            self._local.con = con
        return con

    def _query(self, column: str, value: str) -> list[tuple]:
        sql = " UNION ALL ".join(
            f"SELECT {_COLUMNS}, n.name, n.is_primary FROM {db}.names n "
            f"JOIN {db}.places p ON p.id = n.place_id WHERE n.{column} = ?" for db in self.layers)
        return self._con.execute(sql, (value,) * len(self.layers)).fetchall()

    def _entries(self, column: str, value: str) -> tuple[tuple[Place, str, bool, str], ...]:
        """``(place, matched name, is primary, layer)`` per name row, cached per key."""
        if self._entry_cache is None:
            self._entry_cache = lru_cache(maxsize=1 << 15)(self._load_entries)
        return self._entry_cache(column, value)

    def _load_entries(self, column: str, value: str) -> tuple[tuple[Place, str, bool, str], ...]:
        places: dict[str, Place] = {}
        out = []
        for row in self._query(column, value):
            place = places.get(row[0]) or places.setdefault(row[0], row_to_place(row[:11]))
            out.append((place, row[11], bool(row[12]), row[10]))
        return tuple(out)

    # -- keys for the matcher ----------------------------------------------
    def keys(self) -> tuple[AbstractSet[str], AbstractSet[str], AbstractSet[str]]:
        """The matcher's key sets over all layers.

        Returns
        -------
        (keys, skeletons, prefixes)
            Every folded key; the trusted skeleton keys (curated and theatre
            places); every proper word-prefix of a multi-word key or skeleton.
        """
        if self._keys is None:
            layers = [self._layer_keys(name, path) for name, path in self.layers.items()]
            self._keys = tuple(SortedKeys([layer[i] for layer in layers]) for i in range(3))
        if isinstance(self._keys[0], SortedKeys) and any(k.hashed is not None for k in self._keys):
            self._keys = tuple(k.hash() for k in self._keys)   # one is busy: all three are worth hashing
        return self._keys

    def _layer_keys(self, name: str, path: Path) -> tuple[tuple[str, ...], ...]:
        if name != "user":
            return marshal.loads(keys_path(path).read_bytes())
        from geo.gazetteer.store import key_prefixes

        rows = self._con.execute("SELECT key, skel FROM user.names").fetchall()
        keys = tuple(sorted({r[0] for r in rows}))
        skels = tuple(sorted({r[1] for r in rows if len(r[1].replace(" ", "")) >= 4}))
        return keys, skels, tuple(sorted(key_prefixes(keys + skels)))

    # -- lookups --------------------------------------------------------------
    def places_of_type(self, place_type: str) -> list[Place]:
        """Every entry of one type over all layers (e.g. ``"road"``)."""
        rows: list[tuple] = []
        for db in self.layers:
            rows += self._con.execute(f"SELECT {PLACE_COLUMNS} FROM {db}.places WHERE type = ?",
                                      (place_type,)).fetchall()
        return [row_to_place(r) for r in rows]

    def get(self, place_id: str) -> Place:
        """The place with this id.

        Raises
        ------
        GazetteerError
            When no place has that id.
        """
        for db in self.layers:
            row = self._con.execute(f"SELECT {PLACE_COLUMNS} FROM {db}.places WHERE id = ?",
                                    (place_id,)).fetchone()
            if row:
                return row_to_place(row)
        raise GazetteerError(f"no place has id {place_id!r}; ids look like 'gn:170063' or 'sy-tarnabah'")

    def _merged(self, column: str, key: str, tier: str, similarity: float,
                plain: str) -> tuple[tuple[Place, str, str, float], ...]:
        """``(place, matched name, layer, focus-free score)`` per place of a key (cached)."""
        if self._merged_cache is None:
            self._merged_cache = lru_cache(maxsize=1 << 15)(self._merge_entries)
        return self._merged_cache(column, key, tier, similarity, plain)

    def _merge_entries(self, column: str, key: str, tier: str, similarity: float,
                       plain: str) -> tuple[tuple[Place, str, str, float], ...]:
        # One entry per place: primary if any of its names with this key is its
        # preferred name, same letters if any of them is spelled as asked.
        merged: dict[str, list] = {}
        for place, matched, primary, layer in self._entries(column, key):
            same = bool(plain) and plain_name(matched) == plain
            entry = merged.get(place.id)
            if entry is None:
                merged[place.id] = [place, matched, primary, layer, same]
                continue
            if same and not entry[4]:
                entry[1], entry[4] = matched, True
            elif primary and not entry[2] and not entry[4]:
                entry[1] = matched
            entry[2] = entry[2] or primary
        return tuple((place, matched, layer, base_score(place, tier=tier, primary=primary, similarity=similarity,
                                                        same_letters=same))
                     for place, matched, primary, layer, same in merged.values())

    def candidates(self, key: str, *, focus: Focus | None = None, tier: str = "exact",
                   hints=frozenset(), similarity: float = 1.0, query: str = "") -> list[Candidate]:
        """Ranked candidates for a folded key (one tier, no fallbacks).

        ``query`` is the name as asked; a candidate whose matched name is the
        same letters (ignoring case and marks) ranks a little higher.
        """
        merged = self._merged("key" if tier != "skeleton" else "skel", key, tier, similarity, plain_name(query))
        out = [Candidate(place, finish_score(pre, place, layer=layer, focus=focus, hints=hints), matched, tier)
               for place, matched, layer, pre in merged]
        return sorted(out, key=lambda c: -c.score)

    def lookup(self, name: str, *, focus: Focus | None = None, limit: int = 5,
               fuzzy: bool = True) -> list[Candidate]:
        """Ranked candidates for a name in any common spelling.

        Tries the folded key, then the key without a type word ("… governorate",
        "… airbase"), then the consonant skeleton, then (when ``fuzzy``) a
        bounded fuzzy match.

        Parameters
        ----------
        name : str
            A place name, Latin or Arabic script.
        focus : Focus, optional
            Countries and points that make nearby candidates rank higher.
        limit : int
            How many candidates to return at most.
        fuzzy : bool
            Whether to fall back to fuzzy matching.

        Returns
        -------
        list of Candidate
            Best first; empty when nothing matched.
        """
        if self._lookup_cache is None:
            self._lookup_cache = lru_cache(maxsize=1 << 15)(self._lookup)
        try:
            return list(self._lookup_cache(name, focus, limit, fuzzy))
        except TypeError:  # an unhashable focus: rank without the cache
            return list(self._lookup(name, focus, limit, fuzzy))

    def _lookup(self, name: str, focus: Focus | None, limit: int, fuzzy: bool) -> tuple[Candidate, ...]:
        key = fold(name)
        if not key:
            return ()
        found = self._exact_and_hinted(key, focus, name)
        if not found and len(skeleton(key).replace(" ", "")) >= 4:
            found = self.candidates(skeleton(key), focus=focus, tier="skeleton", query=name)
        if not found and fuzzy:
            found = self._fuzzy(key, focus)
        return tuple(merge_same_places(sorted(found, key=lambda c: -c.score), limit=limit))

    def _exact_and_hinted(self, key: str, focus: Focus | None, name: str) -> list[Candidate]:
        base, hints = type_hints(key)
        found = self.candidates(key, focus=focus, hints=hints, query=name)
        if hints and base:
            found += self.candidates(base, focus=focus, hints=hints, query=name)
        return _dedupe(found)

    def _fuzzy(self, key: str, focus: Focus | None) -> list[Candidate]:
        out: list[Candidate] = []
        for match, sim in self.similar_keys(key, cutoff=_FUZZY_CUTOFF, limit=3):
            out += self.candidates(match, focus=focus, tier="fuzzy", similarity=sim / 100.0)
        return _dedupe(out)

    def similar_keys(self, key: str, *, cutoff: float = _SUGGEST_CUTOFF, limit: int = 5) -> list[tuple[str, float]]:
        """Known keys most similar to ``key`` (rapidfuzz ratio ≥ ``cutoff``)."""
        from rapidfuzz import fuzz, process

        if self._key_list is None:
            self._key_list = sorted(self.keys()[0])
        hits = process.extract(key, self._key_list, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        return [(h[0], float(h[1])) for h in hits]

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Display names of the places whose keys are closest to ``name``."""
        out = []
        for match, _ in self.similar_keys(fold(name), limit=limit):
            rows = self._query("key", match)
            out += [r[11] for r in rows[:1]]
        return list(dict.fromkeys(out))

    def resolve(self, name: str, *, focus: Focus | None = None) -> Place:
        """The best place for ``name``.

        Raises
        ------
        UnknownPlaceError
            When nothing matches; carries the closest suggestions.
        """
        found = self.lookup(name, focus=focus, limit=1)
        if not found:
            raise UnknownPlaceError(name, self.suggest(name))
        return found[0].place


def plain_name(name: str) -> str:
    """Case-folded letters of a name without marks or punctuation (for same-spelling checks)."""
    return plain_letters(name)


def merge_same_places(ranked: list[Candidate], km: float = 4.0, limit: int | None = None) -> list[Candidate]:
    """Drop a candidate that lies within ``km`` of a better one of the same point type.

    GeoNames and the curated overlay often hold the same town twice; the
    better-ranked entry keeps its rank and stands for both, with the
    hand-checked row's place when one of the two is hand-checked. Shapes
    (areas, roads, countries) are never merged with points.
    """
    kept: list[Candidate] = []
    for cand in ranked:
        twin = None if cand.place.wkb is not None else next(
            (i for i, k in enumerate(kept) if k.place.wkb is None and _near(k.place, cand.place, km)), None)
        if twin is None:
            kept.append(cand)
        elif _checked(cand.place) and not _checked(kept[twin].place):
            kept[twin] = Candidate(cand.place, kept[twin].score, cand.matched, kept[twin].tier)
    return kept if limit is None else kept[:limit]


def _checked(place: Place) -> bool:
    return place.source.startswith("overlay:")


def _near(a: Place, b: Place, km: float) -> bool:
    if abs(a.lat - b.lat) > 0.1 or abs(a.lon - b.lon) > 0.1:
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= km


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    best: dict[str, Candidate] = {}
    for c in cands:
        if c.place.id not in best or best[c.place.id].score < c.score:
            best[c.place.id] = c
    return list(best.values())


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer over the embedded data and the user layer."""
    return Gazetteer()
