"""geo.extract.locations: back-references such as "the town"."""
from __future__ import annotations

import pytest
import shapely
from _extract_helpers import claims, events_of, km, place, place_names, routes_of, run, told_in


def test_the_town_is_not_one_named_in_a_closed_aside(gazetteer):
    ex = run("Syrian army seizes Busra al-Harir. Troops of the Tiger Forces, who led the offensive from the army's "
             "stronghold of Izra, entered the town at dawn.", gazetteer)
    assert {c.place_names[0] for c in events_of(ex, "capture")} == {"Busra al-Harir"}


def test_the_town_is_the_last_town_named_when_no_aside_closed(gazetteer):
    ex = run("Syrian army seizes Busra al-Harir. Troops who came from Izra entered the town at dawn.", gazetteer)
    entered = [c for c in events_of(ex, "capture") if c.evidence.startswith("Troops")]
    assert [c.place_names for c in entered] == [("Izra",)]


def test_a_title_before_a_name_is_no_back_reference(gazetteer):
    ex = run("Rebels entered Salamiyah on Friday, a day after they shelled the provincial capital Hama.", gazetteer)
    assert [c.place_names for c in events_of(ex, "strike")] == [("Hama",)]


def test_the_stretch_of_a_road_between_two_towns_is_clipped_to_them(gazetteer):
    ex = run("Russian and Turkish forces carried out a joint patrol on the M4 between Saraqib and Ariha.", gazetteer)
    (event,) = claims(ex, "event", "patrol")
    line = shapely.from_wkb(event.geometry)
    lon_min, _, lon_max, _ = line.bounds
    assert 36.45 < lon_min and lon_max < 36.9   # Ariha (36.61) to Saraqib (36.80) and 5 km on, not the whole M4


def test_the_city_is_not_a_venue_abroad(gazetteer):
    ex = run("Rebels hold half of Aleppo. Officials discussed a truce in Geneva. Government reinforcements "
             "were arriving south of the city on Thursday.", gazetteer)
    (arrival,) = told_in(ex, "event", "Government", "buildup")
    assert arrival.places == ("sy-aleppo",)


def test_the_city_after_a_list_of_towns_is_the_city_named_before(gazetteer):
    ex = run("The SDF handed Deir ez-Zor city to the new authorities in return for keeping the towns on the eastern "
             "bank, from al-Susah up to Hajin. The city has been held by Damascus-appointed forces since.", gazetteer)
    held = told_in(ex, "control", "The city")
    assert [c.places for c in held] == [("sy-deir-ez-zor",)]


def test_the_city_named_as_a_city_stays_the_last_one(gazetteer):
    ex = run("Jets struck Idlib. The army entered the city of Saraqib after battles with HTS fighters who had "
             "infiltrated the city.", gazetteer)
    assert {c.place_names[0] for c in events_of(ex, "clash")} == {"Saraqib"}


def test_a_clause_that_goes_on_after_an_aside_keeps_its_town(gazetteer):
    ex = run("Turkish drones struck Qamishli. The SNA, which seized Tal Abyad and entered Ras al-Ain on October 20, "
             "after the SDF withdrew from the town, now holds the strip.", gazetteer)
    assert [c.place_names for c in events_of(ex, "handover")] == [("Ras al-Ain",)]


def test_a_back_reference_can_place_what_it_follows(gazetteer):
    ex = run("The Syrian army entered al-Tabqa city on Monday. A column headed to al-Tabqa military airport, about 9 km "
             "south-southeast of the city, which the army entered after the SDF handed it over.", gazetteer)
    assert {c.place_names for c in events_of(ex, "capture")} == {("Tabqa",), ("Tabqa airbase",)}
    assert all("9 km" not in n for c in ex.claims for n in c.place_names)



@pytest.mark.parametrize("text,kind,names", [
    ("Turkish troops entered the Afrin region and Jabal al-Zawiya. HTS then moved reinforcements from Jisr al-Shughur "
     "to the mountain.", "route", [("Jisr al-Shughur", "Jabal al-Zawiya")]),   # the last mountain named
    ("Government forces shelled Jabal al-Akrad. Rebels still hold Kinsabba and the mountain roads.", "control",
     [("Kinsabba",)]),   # "the mountain roads" are no back-reference
    ("Russian jets struck Jabal Bishri. Washington would vacate al-Tanf and hand the area to the Syrian army, while in "
     "return the militias would pull out of Albu Kamal.", "exchange", [("al-Tanf", "Albu Kamal")]),   # the place just named
    ("The army moved armoured units from Mafraq to the border area near Ramtha.", "route", [("Mafraq", "Ramtha")]),
    ("Turkish jets struck the Afrin region. Ankara traded away the area east of the railway line in return for a free "
     "hand in Tal Rifaat.", "exchange", []),   # "the area east of" a line is a new area, not the Afrin region
])
def test_back_references_to_a_mountain_and_an_area(gazetteer, text, kind, names):
    assert [c.place_names for c in claims(run(text, gazetteer), kind)] == names


def test_an_unknown_neighbourhood_lies_in_the_city_named_before_it(gazetteer):
    ex = run("Tension remained high inside Qamishli, where fighting broke out between the Asayish and the NDF in the "
             "southern al-Tayy neighbourhood. The clashes ended when the NDF pulled out of al-Tayy.", gazetteer)
    qamishli = events_of(ex, "clash")[0]
    (handover,) = events_of(ex, "handover")
    assert qamishli.place_names == ("al-Tayy",) and handover.place_names == ("al-Tayy",)
    assert handover.geo_precision == 2


def test_a_neighbourhood_with_no_city_before_it_stays_unplaced(gazetteer):
    ex = run("Fighting broke out between the Asayish and the NDF in the southern al-Tayy neighbourhood.", gazetteer)
    assert events_of(ex, "clash") == []


def test_the_old_city_is_the_old_city_of_the_town_named_before(gazetteer):
    ex = run("HOMS, Syria (AP) – Rebels accepted the deal on Monday.\n\nThe first convoy set out from the Old City bound "
             "for Talbiseh.", gazetteer)
    ((names, _),) = [(c.place_names, c.blocs) for c in claims(ex, "route")]
    line = shapely.from_wkb(claims(ex, "route")[0].geometry)
    assert names[0] == "Old City" and abs(line.coords[0][1] - 34.73) < 0.1 and abs(line.coords[0][0] - 36.72) < 0.1


@pytest.mark.parametrize("text,legs", [
    ("Turkey wants Ain Issa, the SDF-held town on the M4 highway about 50 kilometres north-northwest of Raqqa, in "
     "exchange for Jisr al-Shughur.", ("Ain Issa", "Jisr al-Shughur")),   # the distance goes on from the road
    ("Tal Rifaat could be handed to the factions, while Saraqib, the town at the junction of the M4 and M5 highways, "
     "would go to the government.", ("Tal Rifaat", "Saraqib")),   # both roads of the junction
])
def test_places_in_a_description_say_where_the_place_before_is(gazetteer, text, legs):
    """A place named to say where another is (a locator) is no place of the claim."""
    assert [c.place_names for c in claims(run(text, gazetteer), "exchange")] == [legs]


def test_a_distance_with_less_than_only_says_where_the_village_is(gazetteer):
    ex = run("Government artillery shelled Kafr Lata, a village less than three kilometres southeast of Ariha, and "
             "the nearby village of Marayan.", gazetteer)
    assert {c.place_names[0] for c in events_of(ex, "strike")} == {"Kafr Latah", "Marayan"}


@pytest.mark.parametrize("text,held", [
    ("Rebels in al-Houla, a cluster of villages west of al-Rastan which is still held by the insurgents, are due to "
     "leave.", "Houla"),
    ("Russian and Syrian jets pounded Kafr Zita and al-Lataminah, the last big rebel-held towns in northern Hama.",
     "Kafr Zita"),
])
def test_a_side_of_another_place_describing_a_place_is_no_place_of_the_claim(gazetteer, text, held):
    ex = run(text, gazetteer)
    assert held in {c.place_names[0] for c in ex.claims}
    assert not [c for c in ex.claims if c.place_names[0].startswith(("west of", "northern"))]


@pytest.mark.parametrize("text,target", [
    ("Rebels hold the village of Kabani. Russian jets struck the hilltop village on Monday.", "Kabani"),
    ("Rebels hold the village of Kabani. Russian jets struck the nearby village on Monday.", None),   # another one
])
def test_the_village_with_a_word_before_it_is_the_village_named_before(gazetteer, text, target):
    struck = {c.place_names[0] for c in claims(run(text, gazetteer), "event", "strike")}
    assert (target in struck) if target else not struck


def test_a_place_said_to_lie_far_from_another_stays_itself_within_a_compass_points_slack(gazetteer):
    ex = run("Moscow proposed that the militias hand Albu Kamal to the Fifth Corps, and in return take over positions "
             "around Palmyra, some 200 kilometres to the west-southwest of al-Mayadin.", gazetteer)
    (x,) = claims(ex, "exchange")
    end = shapely.from_wkb(x.geometry).coords[-1]
    palmyra = place(gazetteer, "Palmyra")
    assert km((end[1], end[0]), (palmyra.lat, palmyra.lon)) < 1.0


def test_the_crossing_is_a_town_named_with_the_word_crossing(gazetteer):
    ex = run("Talks turned to the Yarubiyah crossing with Iraq. Syrian army units deployed at the crossing on Monday.",
             gazetteer)
    assert {c.place_names[0] for c in events_of(ex, "buildup")} == {"al-Yarubiyah"}


def test_the_crossing_is_not_a_town_named_without_the_word(gazetteer):
    ex = run("Talks turned to Yarubiyah. Syrian army units deployed at the crossing on Monday.", gazetteer)
    assert "al-Yarubiyah" not in {c.place_names[0] for c in events_of(ex, "buildup")}


@pytest.mark.parametrize("text, ends", [
    ("IS fighters attacked an army checkpoint on the Homs-Palmyra road on Monday.", ("Homs", "Palmyra")),
    ("Rebels shelled the Ithriyah–Khanasir road.", ("Ithriya", "Khanasir")),
    ("An ISIS cell attacked a checkpoint on the Damascus-Baghdad highway.", ("Damascus", "Baghdad")),
])
def test_a_road_named_by_its_ends_is_the_way_between_them_not_either_town(gazetteer, text, ends):
    (event,) = [c for c in claims(run(text, gazetteer), "event") if c.event_type.value in ("attack", "strike")]
    area = shapely.from_wkb(event.geometry)
    assert area.geom_type == "Polygon"
    assert all(area.contains(shapely.Point(place(gazetteer, name).lon, place(gazetteer, name).lat)) for name in ends)


def test_a_road_named_by_its_ends_is_held_as_a_road(gazetteer):
    ex = run("The Syrian army seized the Aleppo-Gaziantep road.", gazetteer)
    assert [c.place_names for c in claims(ex, "control")] == [("Aleppo-Gaziantep road",)]


def test_a_joint_patrol_on_a_road_named_by_its_ends_runs_between_them(gazetteer):
    ex = run("Russian and Turkish forces ran a joint patrol on the Ain Issa-Tal Tamr road on Friday.", gazetteer)
    assert routes_of(ex) == [(("Ain Issa", "Tal Tamr"), ("russia", "turkey"))]


def test_a_distance_after_an_airport_only_says_where_it_is(gazetteer):
    ex = run("Sweida was calm. Government troops have massed at the Thaala military airport, 13 km west of the city, "
             "the sources said.", gazetteer)
    assert [c.place_names for c in events_of(ex, "buildup")] == [("Tha'lah",)]


def test_a_square_named_after_a_place_is_in_the_town_told_of(gazetteer):
    ex = run("In Sweida city, residents gathered in al-Karama Square. Members of the factions deployed at the "
             "entrances of the city.", gazetteer)
    assert [c.place_names[0] for c in claims(ex, "control")] == ["Suwayda"]
    assert "al-Karamah" not in place_names(ex)


def test_a_square_with_no_town_told_is_left_unplaced(gazetteer):
    assert "Al Karama" not in place_names(run("Protesters gathered in al-Karama Square on Friday.", gazetteer))


_TOPIC = ("Rebels leave Rastan under a deal\n\nBuses left Rastan on Monday. Rastan had been besieged for years. "
          "Troops shelled Rastan from positions near the government-held town of Talbiseh, 5 km to the south. ")


def test_the_town_is_the_reports_town_not_one_named_once_as_a_landmark(gazetteer):
    ex = run(_TOPIC + "The army threatened to storm the town.", gazetteer)
    (threat,) = told_in(ex, "event", "The army threatened", "military_action")
    assert threat.place_names == ("al-Rastan",)


@pytest.mark.parametrize("text", [
    # no title names a town of the report
    "Buses left Rastan on Monday. Rastan had been besieged for years. Troops shelled Rastan from positions near "
    "the government-held town of Talbiseh, 5 km to the south. The army threatened to storm the town.",
    # the landmark town is named twice: it is a town of the story too
    _TOPIC + "Talbiseh was quiet. The army threatened to storm the town.",
    # a town reached, not a landmark
    "Rebels leave Rastan under a deal\n\nBuses left Rastan on Monday. Rastan had been besieged for years. "
    "Troops moved from Rastan to Talbiseh. The army threatened to storm the town.",
])
def test_the_town_stays_the_last_town_named_otherwise(gazetteer, text):
    ex = run(text, gazetteer)
    (threat,) = told_in(ex, "event", "The army threatened", "military_action")
    assert threat.place_names == ("Talbiseh",)


def test_the_town_is_not_where_an_earlier_speaker_sits(gazetteer):
    ex = run("A bomb went off in Sayyida Zaynab. The claim could not be verified, a security official in Damascus said. "
             "The town has been held throughout the war by government forces.", gazetteer)
    assert [c.place_names for c in told_in(ex, "control", "The town")] == [("Sayyida Zaynab",)]


def test_the_town_is_where_the_speaker_of_its_own_sentence_sits(gazetteer):
    ex = run("Jets hit Deir ez-Zor. Activists in al-Mayadin said government jets struck the town again.", gazetteer)
    assert [c.place_names for c in told_in(ex, "event", "Activists", "strike")] == [("al-Mayadin",)]


@pytest.mark.parametrize("text, route", [
    ("Jets struck targets in Damascus. Government forces withdrew from al-Kiswah and pulled back towards the capital.",
     ("al-Kiswah", "Damascus")),
    ("Drones hit Kyiv overnight. Russian forces pulled back from Bucha towards the capital's north, then to Belarus.",
     None),   # "the capital's north" is a part, not the capital
])
def test_the_capital_is_the_capital_named_before(gazetteer, text, route):
    found = [c.place_names for c in claims(run(text, gazetteer), "route")]
    assert (route in found) if route else not any("Kyiv" in r for r in found)


def test_fire_on_the_capital_is_on_the_capital(gazetteer):
    ex = run("Jets struck targets in Damascus. Rebels answered with mortar fire on the capital.", gazetteer)
    assert [c.place_names for c in told_in(ex, "event", "Rebels answered", "strike")] == [("Damascus",)]


@pytest.mark.parametrize("text", [
    "Government forces withdrew from al-Kiswah and pulled back towards the capital.",   # no capital named before
    "Jets struck Hama. Government forces withdrew from al-Kiswah and pulled back towards the capital.",
])
def test_the_capital_needs_the_capital_named(gazetteer, text):
    assert not any(c.places[-1] == "sy-damascus" for c in claims(run(text, gazetteer), "route"))


def test_a_part_of_the_capital_is_no_back_reference(gazetteer):
    ex = run("Fighting hit Damascus. Government forces shelled Babbila, in the southern belt of the capital.", gazetteer)
    assert [c.place_names for c in told_in(ex, "event", "Government forces", "strike")] == [("Babīlā",)]


def test_the_city_itself_is_the_city_a_place_was_told_to_be_near(gazetteer):
    ex = run("ALEPPO, Syria – A Russian column moved on Tuesday from the village of al-Urayma, west of Manbij, into "
             "the city itself.", gazetteer)
    assert [(r.place_names[0], r.place_names[-1]) for r in claims(ex, "route")] == [("Arima", "Manbij")]


def test_the_city_without_itself_is_not_a_city_only_told_to_be_near(gazetteer):
    ex = run("ALEPPO, Syria – Shells fell on the village of al-Urayma, west of Manbij. The city was calm.", gazetteer)
    assert "Manbij" not in {c.place_names[0] for c in claims(ex, "event")}


@pytest.mark.parametrize("text", [
    "QAMISHLI, Syria – The SDF would hand al-Yarubiyah to the government, and Damascus would withdraw the NDF from "
    "the Tayy neighbourhood in southern Qamishli.",
    "HASAKAH, Syria – The SDF holds al-Yarubiyah, and the NDF shelled the Tayy district of Qamishli.",
])
def test_an_unknown_neighbourhood_lies_in_the_city_told_after_it(gazetteer, text):
    (tayy,) = [p for p in run(text, gazetteer).places if p.name == "Tayy"]
    point = shapely.from_wkb(tayy.geometry)
    assert km((point.y, point.x), (37.052, 41.231)) < 5


@pytest.mark.parametrize("text,name", [
    ("HAMA, Syria – Buses carrying rebel fighters left al-Waer on Saturday, the last opposition-held district of the "
     "city of Homs, heading for Jarablus.", "al-Waer"),
    ("HAMA, Syria – Fighters from Hay al-Wa'er, the last neighbourhood of Homs outside regime control, left for "
     "Idlib.", "al-Wa'er"),
])
def test_an_unknown_quarter_lies_in_the_city_its_apposition_names(gazetteer, text, name):
    ex = run(text, gazetteer)
    (quarter,) = [p for p in ex.places if p.name == name]
    point = shapely.from_wkb(quarter.geometry)
    assert km((point.y, point.x), (34.724, 36.726)) < 5   # Homs
    assert [r.place_names[0] for r in claims(ex, "route")] == [name]



@pytest.mark.parametrize("name", ["the Homs military academy", "al-Kulliya al-Harbiya"])
def test_the_academy_is_the_homs_military_academy_named_before(gazetteer, name):
    ex = run(f"HOMS, Syria – Artillery stationed at {name} shelled Teir Maalah. Iranian militias brought "
             "reinforcements to the academy on Sunday.", gazetteer)
    (buildup,) = events_of(ex, "buildup")
    assert buildup.place_names == ("Homs Military Academy&Artillery Base",)


def test_the_academy_is_no_airbase_named_before(gazetteer):
    ex = run("LATAKIA, Syria – Russian jets took off from the Hmeimim airbase. Iranian militias brought reinforcements "
             "to the academy on Sunday.", gazetteer)
    assert all("Hmeimim" not in name for c in events_of(ex, "buildup")
               for name in c.place_names)
