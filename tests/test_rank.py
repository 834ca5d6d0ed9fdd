"""Ranking: type words in the query, score ordering, focus."""
from __future__ import annotations

import dataclasses

import pytest

from geo.gazetteer.fold import fold
from geo.gazetteer.rank import TIER_WEIGHT, TYPE_WEIGHT, Focus, score, type_hints
from geo.model import Place, PlaceType

T = PlaceType


@pytest.mark.parametrize(("query", "base", "wanted"), [
    ("Latakia governorate", "latakia", T.ADMIN1),
    ("Idlib province", "idlib", T.ADMIN1),
    ("Menagh airbase", fold("Menagh"), T.BASE),
    ("Menagh air base", fold("Menagh"), T.BASE),
    ("Kuweires military airport", fold("Kuweires"), T.AIRPORT),
    ("Bab al-Hawa border crossing", fold("Bab al-Hawa"), T.CROSSING),
    ("Bab al-Hawa crossing", fold("Bab al-Hawa"), T.CROSSING),
    ("Omar oil field", fold("Omar"), T.FIELD),
    ("Tishrin Dam", fold("Tishrin"), T.DAM),
    ("al-Hol camp", fold("Hol"), T.CAMP),
    ("Ghab plain", "ghab", T.PLAIN),
    ("M4 highway", "m4", T.ROAD),
    ("Sheikh Maqsoud neighbourhood", fold("Sheikh Maqsoud"), T.NEIGHBOURHOOD),
    ("Sheikh Maqsoud neighborhood", fold("Sheikh Maqsoud"), T.NEIGHBOURHOOD),
    ("Euphrates Shield area", fold("Euphrates Shield"), T.AREA),
    ("Tarnabah village", "tarnaba", T.VILLAGE),
    ("village Tarnabah", "tarnaba", T.VILLAGE),
    ("City Idlib", "idlib", T.CITY),
    ("Azaz town", "azaz", T.TOWN),
])
def test_type_hints_split_the_type_word(query, base, wanted):
    rest, types = type_hints(fold(query))
    assert rest == base
    assert wanted in types


@pytest.mark.parametrize("query", ["Idlib", "Tal Rifaat", "Jabal al-Zawiya", "Campbell", "Damascus",
                                   "Baseline", "Citygate"])
def test_no_type_word_no_hint(query):
    assert type_hints(fold(query)) == (fold(query), frozenset())


def test_type_word_alone_is_not_split():
    # "governorate" on its own has no name before it
    rest, types = type_hints(fold("governorate"))
    assert rest == fold("governorate") and types == frozenset()


def test_airbase_hint_excludes_towns():
    _, types = type_hints(fold("Menagh airbase"))
    assert T.TOWN not in types and T.VILLAGE not in types


def _place(pid="p", ptype=T.CITY, lat=35.53, lon=35.79, country="SY", population=0, **kw):
    return Place(id=pid, name=pid, type=ptype, lat=lat, lon=lon, country=country, population=population, **kw)


CITY = _place("city", T.CITY, population=380_000)
GOVERNORATE = _place("gov", T.ADMIN1, lat=35.58, lon=35.99)


def _s(place, **kw):
    kw.setdefault("tier", "exact")
    kw.setdefault("primary", True)
    kw.setdefault("layer", "base")
    return score(place, **kw)


def test_city_beats_admin1_without_hint():
    assert _s(CITY) > _s(GOVERNORATE)


def test_admin1_wins_with_governorate_hint():
    _, hints = type_hints(fold("Latakia governorate"))
    assert _s(GOVERNORATE, hints=hints) > _s(CITY, hints=hints)


def test_hint_adds_to_matching_type_only():
    hints = frozenset({T.ADMIN1})
    assert _s(GOVERNORATE, hints=hints) > _s(GOVERNORATE)
    assert _s(CITY, hints=hints) == _s(CITY)


@pytest.mark.parametrize(("better", "worse"), [("exact", "skeleton"), ("skeleton", "fuzzy"), ("exact", "fuzzy")])
def test_tier_order(better, worse):
    assert TIER_WEIGHT[better] > TIER_WEIGHT[worse]
    assert _s(CITY, tier=better) > _s(CITY, tier=worse)


@pytest.mark.parametrize(("big", "small"), [(T.COUNTRY, T.CITY), (T.CITY, T.TOWN), (T.TOWN, T.VILLAGE),
                                            (T.VILLAGE, T.NEIGHBOURHOOD), (T.CITY, T.ADMIN1)])
def test_type_weights_order(big, small):
    assert TYPE_WEIGHT[big] > TYPE_WEIGHT[small]
    assert _s(_place(ptype=big)) > _s(_place(ptype=small))


def test_every_place_type_has_a_weight():
    assert set(TYPE_WEIGHT) == set(PlaceType)


def test_population_primary_letters_and_layer_raise_the_score():
    town = _place(ptype=T.TOWN)
    assert _s(dataclasses.replace(town, population=50_000)) > _s(town)
    assert _s(town, primary=True) > _s(town, primary=False)
    assert _s(town, same_letters=True) > _s(town)
    assert _s(town, layer="overlay") > _s(town, layer="user") > _s(town, layer="base")


def test_fuzzy_similarity_scales_the_tier():
    assert _s(CITY, tier="fuzzy", similarity=0.95) > _s(CITY, tier="fuzzy", similarity=0.88)


# Avdiivka: a village in northern Ukraine and the town near Donetsk share the name.
NORTH = _place("north", T.VILLAGE, lat=51.48, lon=31.67, country="UA", population=800)
DONETSK_TOWN = _place("donetsk", T.VILLAGE, lat=48.14, lon=37.75, country="UA", population=800)


def test_focus_point_makes_the_far_candidate_lose():
    focus = Focus(points=((48.0159, 37.8028),))
    assert _s(DONETSK_TOWN, focus=focus) > _s(NORTH, focus=focus)
    # and it is the focus that decides: without it they tie
    assert _s(DONETSK_TOWN) == _s(NORTH)


def test_focus_point_beats_population():
    far_city = _place("far", T.CITY, lat=51.48, lon=31.67, country="UA", population=200_000)
    near_village = _place("near", T.VILLAGE, lat=48.14, lon=37.75, country="UA", population=300)
    focus = Focus(points=((48.0159, 37.8028),))
    assert _s(far_city) > _s(near_village)
    assert _s(near_village, focus=focus) > _s(far_city, focus=focus)


def test_focus_bonus_decays_with_distance():
    focus = Focus(points=((35.93, 36.63),), radius_km=50)
    near = _place(lat=35.95, lon=36.65)
    mid = _place(lat=36.2, lon=37.16)
    far = _place(lat=33.5, lon=36.3)
    assert _s(near, focus=focus) > _s(mid, focus=focus) > _s(far, focus=focus) > _s(far) - 1e-9


def test_nearest_focus_point_counts():
    focus = Focus(points=((0.0, 0.0), (35.93, 36.63)))
    assert _s(_place(lat=35.93, lon=36.63), focus=focus) > _s(_place(lat=10.0, lon=10.0), focus=focus)


def test_focus_country():
    focus = Focus(countries=frozenset({"SY"}))
    syrian = _place("sy", T.TOWN, country="SY")
    israeli = _place("il", T.TOWN, lat=32.1, lon=34.96, country="IL")
    assert _s(syrian) == _s(israeli)
    assert _s(syrian, focus=focus) > _s(israeli, focus=focus)


def test_empty_focus_adds_nothing():
    assert _s(CITY, focus=Focus()) == _s(CITY) == _s(CITY, focus=None)


def test_focus_defaults_and_is_frozen():
    f = Focus()
    assert f.countries == frozenset() and f.points == () and f.radius_km == 150.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.radius_km = 10  # type: ignore[misc]


def test_focus_is_hashable_and_comparable():
    a = Focus(countries=frozenset({"SY"}), points=((1.0, 2.0),))
    b = Focus(countries=frozenset({"SY"}), points=((1.0, 2.0),))
    assert a == b and hash(a) == hash(b)
    assert a != Focus(countries=frozenset({"TR"}))


def test_shaped_region_gets_a_small_bonus():
    plain = _place(ptype=T.REGION)
    shaped = dataclasses.replace(plain, wkb=b"\x01")
    assert _s(shaped) > _s(plain)


def test_focus_accepts_a_set_and_lists():
    f = Focus(countries={"SY"}, points=[[48, 37.8]])
    assert f.countries == frozenset({"SY"}) and f.points == ((48.0, 37.8),)
    assert hash(f) == hash(Focus(countries=frozenset({"SY"}), points=((48.0, 37.8),)))
