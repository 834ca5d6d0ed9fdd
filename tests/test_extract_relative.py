"""geo.extract.relative: relative phrases become geometries on the right side of their anchor."""
from __future__ import annotations

import pytest
import shapely

from _extract_helpers import claims, geom, km, place, run
from geo.extract.relative import between, locate, relative_after, relative_before


def _one(ex, event_type):
    found = claims(ex, "event", event_type)
    assert found, ex.claims
    return found


def test_relative_before_parses_direction_and_offset():
    text = "troops west of the city of Aleppo"
    kind, start, direction, dist = relative_before(text, text.index("Aleppo"))
    assert (kind, text[start:start + 4], direction, dist) == ("direction", "west", "west", 0.0)
    text = "a mine 15 km east of Kobani"
    assert relative_before(text, text.index("Kobani"))[::2] == ("offset", "east")
    assert relative_before(text, text.index("Kobani"))[3] == 15.0
    assert relative_before("troops entered Aleppo", len("troops entered ")) is None
    text = "the village of Ihsim, about 11 km (7 miles) south-southwest of the town of Ariha"
    assert relative_before(text, text.index("Ariha"))[::2] == ("offset", "south-southwest")   # AP's miles aside


@pytest.mark.parametrize("text, name, word", [
    ("winds that soothe countryside of Idlib", "Idlib", "countryside"),
    ("a loathe western bank of the Euphrates", "Euphrates", "western"),
    ("about A15 km east of Kobani", "Kobani", "east"),
])
def test_relative_phrase_starts_at_a_word(text, name, word):
    """A phrase never starts inside a word: "soothe" holds no "the", "A15" no distance."""
    assert relative_before(text, text.index(name))[1] == text.index(word)


def test_relative_after_countryside():
    text = "Jets hit the Idlib countryside."
    assert relative_after(text, text.index(" countryside"))[0] == "countryside"
    assert relative_after("Jets hit Idlib city.", len("Jets hit Idlib")) is None


@pytest.mark.parametrize("text, name, expected", [
    ("Jets hit Idlib's southern countryside.", "Idlib", ("countryside", "southern")),
    ("Shells fell on Aleppo’s western outskirts.", "Aleppo", ("outskirts", "western")),
    ("Israel struck Syria's southwest overnight.", "Syria", ("part", "southwest")),
    ("Cells roam Deir ez-Zor's eastern desert.", "Deir ez-Zor", ("part", "eastern")),
    ("Syria's northern neighbour Turkey objected.", "Syria", None),   # a neighbour is no part of Syria
    ("Syria's north-eastern border was closed.", "Syria", None),
    ("Syrian Kurds met in Qamishli's town hall.", "Qamishli", None),
    ("Syria south of the M4", "Syria", None),   # a direction of another place, not a part of Syria
])
def test_relative_after_possessive(text, name, expected):
    found = relative_after(text, text.index(name) + len(name))
    assert (found and (found[0], found[2])) == (expected or None)


def test_possessive_countryside_lies_on_its_side(gazetteer):
    idlib = place(gazetteer, "Idlib")
    ex = run("Russian jets struck villages in Idlib's southern countryside.", gazetteer)
    (c,) = _one(ex, "strike")
    assert c.place_names == ("Idlib's southern countryside",)
    assert geom(c).centroid.y < idlib.lat and c.geo_precision == 3


def test_west_of_aleppo_lies_west(gazetteer):
    aleppo = place(gazetteer, "Aleppo")
    ex = run("Turkish drones struck villages west of Aleppo.", gazetteer)
    (c,) = _one(ex, "strike")
    g = geom(c)
    assert g.centroid.x < aleppo.lon
    assert not g.contains(shapely.Point(aleppo.lon, aleppo.lat))
    assert c.geo_precision in (2, 3)
    assert "west of Aleppo" in c.place_names[0]


def test_offset_point_15km_east_of_kobani(gazetteer):
    kobani = place(gazetteer, "Kobani")
    ex = run("A Turkish drone struck a car 15 km east of Kobani.", gazetteer)
    (c,) = _one(ex, "strike")
    g = geom(c).centroid   # the offset point (claims of precision 2 carry a small area around it)
    assert geom(c).area < 0.01
    assert 13.0 < km((kobani.lat, kobani.lon), (g.y, g.x)) < 17.0
    assert g.x > kobani.lon and abs(g.y - kobani.lat) < 0.05
    assert c.geo_precision == 2


def test_offset_in_kilometres_and_miles(gazetteer):
    kobani = place(gazetteer, "Kobani")
    g, precision = locate("offset", kobani, "south", 10.0)
    assert precision == 2 and g.y < kobani.lat
    assert 9.0 < km((kobani.lat, kobani.lon), (g.y, g.x)) < 11.0


def test_northern_countryside_of_idlib_is_north(gazetteer):
    idlib = place(gazetteer, "Idlib")
    ex = run("Russian jets struck the northern countryside of Idlib.", gazetteer)
    (c,) = _one(ex, "strike")
    g = geom(c)
    assert g.centroid.y > idlib.lat
    assert not g.contains(shapely.Point(idlib.lon, idlib.lat))
    assert c.geo_precision == 3


def test_outskirts_is_a_ring_around_the_town(gazetteer):
    ariha = place(gazetteer, "Ariha")
    ex = run("Government forces shelled the outskirts of Ariha.", gazetteer)
    (c,) = _one(ex, "strike")
    g = geom(c)
    centre = shapely.Point(ariha.lon, ariha.lat)
    assert g.geom_type in ("Polygon", "MultiPolygon")
    assert not g.contains(centre)           # a ring: the town itself is left out
    assert g.convex_hull.contains(centre)   # ... but it surrounds it
    assert g.distance(centre) < 0.1
    assert c.geo_precision == 2



@pytest.mark.parametrize("text", ["Government forces shelled the southern neighbourhoods of al-Bab.",
                                  "Government forces shelled southern al-Bab."])
def test_a_part_of_a_town_lies_in_the_town(gazetteer, text):
    al_bab = place(gazetteer, "al-Bab")
    (c,) = _one(run(text, gazetteer), "strike")
    g = geom(c)
    assert g.centroid.y < al_bab.lat                                      # its south
    assert km((g.centroid.y, g.centroid.x), (al_bab.lat, al_bab.lon)) < 4   # inside the town, not its countryside
    assert g.distance(shapely.Point(al_bab.lon, al_bab.lat)) < 0.01

def test_near_is_a_buffer_containing_the_place(gazetteer):
    saraqib = place(gazetteer, "Saraqib")
    ex = run("Turkish drones struck near Saraqib.", gazetteer)
    (c,) = [c for c in _one(ex, "strike") if "Saraqib" in c.place_names[0]]
    g = geom(c)
    assert g.contains(shapely.Point(saraqib.lon, saraqib.lat))
    b = g.bounds
    assert km((b[1], b[0]), (b[3], b[2])) < 60   # near, not the whole province
    assert c.geo_precision == 2


def test_between_contains_the_midpoint(gazetteer):
    a, b = place(gazetteer, "Ariha"), place(gazetteer, "Jisr al-Shughur")
    ex = run("HTS fighters clashed with government forces between Ariha and Jisr al-Shughur.",
             gazetteer)
    located = [c for c in claims(ex, "event", "clash") if c.place_names and c.place_names[0].startswith("between")]
    assert located, ex.claims
    g = geom(located[0])
    mid = shapely.Point((a.lon + b.lon) / 2, (a.lat + b.lat) / 2)
    assert g.contains(mid)
    assert located[0].geo_precision == 2
    corridor, precision = between(a, b)
    assert corridor.contains(mid) and precision == 2


def test_south_of_the_m4_is_south_of_the_road(gazetteer):
    ex = run("Russian jets struck villages south of the M4 highway.", gazetteer)
    (c,) = _one(ex, "strike")
    road = [p for p in gazetteer.places_of_type("road") if p.name.upper().startswith("M4")]
    assert road
    line = road[0].geometry
    g = geom(c)
    assert c.geo_precision == 3
    assert g.centroid.y < line.centroid.y
    # the band hugs the road: the road touches it and most of it lies south of the line
    assert g.distance(line) < 0.05


def test_northwest_syria_is_inside_syria_northwest(gazetteer):
    syria = place(gazetteer, "Syria")
    ex = run("Russian jets struck targets in northwest Syria.", gazetteer)
    (c,) = _one(ex, "strike")
    g = geom(c)
    assert c.geo_precision == 3
    assert g.centroid.x < syria.lon and g.centroid.y > syria.lat
    assert syria.geometry.buffer(0.01).contains(g)


def test_plain_place_has_precision_1(gazetteer):
    ex = run("Turkish drones struck Kobani.", gazetteer)
    (c,) = _one(ex, "strike")
    assert c.geo_precision == 1 and geom(c).geom_type == "Point"


ZAWIYA_MOUNTAIN = shapely.Point(36.60, 35.71)   # south of the M4 between Ariha and Jisr al-Shughur
IDLIB_CITY = shapely.Point(36.6339, 35.9306)    # north of it


@pytest.mark.parametrize("side,inside,outside", [("south", ZAWIYA_MOUNTAIN, IDLIB_CITY),
                                                 ("north", IDLIB_CITY, ZAWIYA_MOUNTAIN)])
def test_each_stretch_of_a_bent_road_has_its_own_side(gazetteer, side, inside, outside):
    m4 = gazetteer.get("sy-road-m4")
    band, precision = locate("direction", m4, side)
    assert band.contains(inside) and not band.contains(outside) and precision == 3


def test_the_side_of_a_road_is_cut_to_where_the_report_is(gazetteer):
    ex = run("Turkish forces have kept several posts in the area south of the M4 since 2020. Russian jets "
             "struck Ariha and Mhambal.", gazetteer)
    (c,) = [c for c in claims(ex, "control") if "M4" in c.place_names[0]]
    ariha = place(gazetteer, "Ariha")
    centre = geom(c).centroid
    assert km((centre.y, centre.x), (ariha.lat, ariha.lon)) < 60
    assert geom(c).bounds[2] - geom(c).bounds[0] < 1.5   # not the whole road from Latakia to Qamishli


def test_the_side_of_a_road_alone_stays_whole(gazetteer):
    ex = run("Russian jets struck villages south of the M4 highway.", gazetteer)
    (c,) = claims(ex, "event", "strike")
    assert geom(c).bounds[2] - geom(c).bounds[0] > 3


def test_a_road_named_by_its_code_alone(gazetteer):
    ex = run("Government forces entered areas south of the M4 in Idlib on Monday.", gazetteer)
    assert any("M4" in c.place_names[0] for c in claims(ex, "event", "capture"))


def test_an_unknown_neighbourhood_placed_by_its_apposition(gazetteer):
    ex = run("The Asayish took over the al-Tayy neighbourhood, in the south of the city of Qamishli, on Sunday. "
             "The NDF had its headquarters in al-Tayy.", gazetteer)
    tayy = [p for p in ex.places if p.name == "al-Tayy"]
    assert tayy and tayy[0].place is None and tayy[0].geo_precision == 2
    assert len(tayy[0].spans) == 2   # the second mention is placed with the first
    qamishli = place(gazetteer, "Qamishli")
    point = shapely.from_wkb(tayy[0].geometry).centroid
    assert km((point.y, point.x), (qamishli.lat, qamishli.lon)) < 30


@pytest.mark.parametrize("phrase, side", [("east of the Euphrates", 1), ("the western bank of the Euphrates", -1),
                                          ("the west bank of the Euphrates River", -1)])
def test_a_side_of_a_river_is_a_band_on_that_side(gazetteer, phrase, side):
    ex = run(f"The SDF holds the villages {phrase} near Deir ez-Zor.", gazetteer)
    (c,) = claims(ex, "control")
    deir = place(gazetteer, "Deir ez-Zor")
    g = geom(c)
    assert c.geo_precision == 3 and g.geom_type in ("Polygon", "MultiPolygon")
    assert (g.centroid.x - deir.lon) * side > 0     # the Euphrates runs north-west to south-east at Deir ez-Zor
    assert km((g.centroid.y, g.centroid.x), (deir.lat, deir.lon)) < 40


def test_a_river_near_a_town_is_the_stretch_by_the_town(gazetteer):
    ex = run("Turkish artillery shelled villages along the Khabour near Tal Tamr.", gazetteer)
    (c,) = _one(ex, "strike")
    tal_tamr = place(gazetteer, "Tal Tamr")
    assert km((geom(c).centroid.y, geom(c).centroid.x), (tal_tamr.lat, tal_tamr.lon)) < 15


def test_sixteen_point_compass_offsets(gazetteer):
    text = "troops 12 km west-southwest of Aleppo"
    kind, _start, direction, dist = relative_before(text, text.index("Aleppo"))
    assert (kind, direction, dist) == ("offset", "west-southwest", 12.0)
    aleppo = place(gazetteer, "Aleppo")
    point, precision = locate("offset", aleppo, direction, dist)
    assert precision == 2 and point.x < aleppo.lon and point.y < aleppo.lat
    assert abs(point.x - aleppo.lon) > abs(point.y - aleppo.lat)   # more west than south


@pytest.mark.parametrize("text, dist", [
    ("Marayan lies about nine kilometers south-southwest of Ariha", 9.0),
    ("a village some twelve km east of Ariha", 12.0),
    ("a village 15 km east of Ariha", 15.0),
])
def test_an_offset_in_words_or_digits(text, dist):
    kind, _, _, km_ = relative_before(text, text.index("Ariha"))
    assert (kind, km_) == ("offset", dist)


@pytest.mark.parametrize("name,reach_km", [("Kabani", (4, 9)), ("Aleppo", (20, 30))])
def test_the_side_of_a_place_reaches_as_far_as_the_place_is_large(gazetteer, name, reach_km):
    """ "the slopes south of a village" lie close to it; "south of a city" reaches further."""
    p = place(gazetteer, name)
    g, precision = locate("direction", p, "south")
    b = g.bounds   # (min lon, min lat, max lon, max lat): the sector reaches south of the place
    reach = km((p.lat, p.lon), (b[1], p.lon))
    assert reach_km[0] <= reach <= reach_km[1] and precision == 2


@pytest.mark.parametrize("text,kind,inside", [
    ("strikes on the remaining districts in the south-east of Aleppo", "part", True),
    ("shelling of the northern districts of Aleppo", "part", True),
    ("troops massed to the north of Aleppo", "direction", False),
    ("troops massed north of Aleppo", "direction", False),
])
def test_the_side_of_a_city_is_inside_it_unless_beyond_it(gazetteer, text, kind, inside):
    """ "the south-east of the city" is its south-eastern part; "(to the) north of the city" lies beyond it."""
    start = text.index("Aleppo")
    found = relative_before(text, start)
    assert found is not None and found[0] == kind
    aleppo = place(gazetteer, "Aleppo")
    g, _ = locate(found[0], aleppo, found[2])
    rep = g.representative_point()
    assert (km((aleppo.lat, aleppo.lon), (rep.y, rep.x)) < 8.0) == inside


def test_the_approaches_of_a_town_are_its_outskirts():
    text = "Units were sent to the southern approaches of al-Qrayya."
    assert relative_before(text, text.index("al-Qrayya"))[::2] == ("outskirts", "southern")
