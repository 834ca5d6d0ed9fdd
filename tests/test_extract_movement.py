"""geo.extract.movement through extract(): routes from one place to another."""
from __future__ import annotations

import pytest
import shapely

from _extract_helpers import claims, geom, place, routes_of, run, told_in


def test_route_from_x_to_y(gazetteer):
    ex = run("A joint Russian-Turkish patrol set off from Darbasiyah and ended in Amuda.", gazetteer)
    (r,) = claims(ex, "route")
    assert set(r.blocs) == {"russia", "turkey"}
    assert r.event_type is not None and r.event_type.value == "patrol"
    start, end = place(gazetteer, "Darbasiyah"), place(gazetteer, "Amuda")
    assert r.places == (start.id, end.id)
    line = geom(r)
    assert line.geom_type == "LineString"
    assert shapely.Point(line.coords[0]).distance(shapely.Point(start.lon, start.lat)) < 0.02
    assert shapely.Point(line.coords[-1]).distance(shapely.Point(end.lon, end.lat)) < 0.02

def test_route_needs_both_ends(gazetteer):
    assert claims(run("A Russian patrol set off from Darbasiyah at dawn.", gazetteer), "route") == []

def test_route_inherits_patrol_actors(gazetteer):
    ex = run("Russian military police conducted a patrol in Amuda. "
             "The patrol set off from Amuda and ended in Qamishli.", gazetteer)
    (r,) = claims(ex, "route")
    assert r.blocs == ("russia",)

def test_a_convoy_entering_is_a_buildup_not_a_capture(gazetteer):
    ex = run("A Turkish military convoy entered Syria through the Bab al-Hawa crossing and headed towards Atarib.",
             gazetteer)
    assert not claims(ex, "event", "capture")
    assert {c.place_names[0] for c in claims(ex, "event", "buildup")} >= {"Atarib"}
    (route,) = claims(ex, "route")
    assert route.place_names[-1] == "Atarib"

def test_patrol_between_two_places_is_a_route(gazetteer):
    ex = run("Russian and Turkish forces conducted a joint patrol on the M4 between Saraqib and Ariha.", gazetteer)
    (route,) = claims(ex, "route")
    assert route.place_names == ("Saraqib", "Ariha")
    assert set(route.blocs) == {"russia", "turkey"}

def test_a_movement_without_named_actors_is_still_a_route(gazetteer):
    (route,) = claims(run("The joint patrol started in Darbasiyah and ended in Amuda.", gazetteer), "route")
    assert route.place_names[-1].endswith("Amuda") or "mūdā" in route.place_names[-1]

@pytest.mark.parametrize("text", [
    "A fighter who was born in Kobani was heading to Jarabulus with his unit.",   # born there is not based there
    "In Nawa, hundreds of people marched on Friday to protest against the incursions.",
])
def test_where_someone_was_born_or_marched_is_no_start(gazetteer, text):
    assert claims(run(text, gazetteer), "route") == []


def test_a_road_from_x_to_y_is_not_a_route(gazetteer):
    assert not claims(run("The road from Saraqib to Ariha is in poor shape.", gazetteer), "route")

def test_left_x_for_y_is_a_route(gazetteer):
    ex = run("A convoy of buses carrying fighters left Douma for Jarabulus, escorted by Russian military police.",
             gazetteer)
    (r,) = claims(ex, "route")
    assert r.place_names == ("Douma", "Jarabulus")

@pytest.mark.parametrize("text,legs", [
    ("Every few days people come in buses from Raqqa, from Kobani, from Tabqa, to stand on the Tishreen Dam.",
     {("Raqqa", "Tishreen Dam"), ("Kobani", "Tishreen Dam"), ("Tabqa", "Tishreen Dam")}),
    ("Government reinforcements moved from Hama and Aleppo to Saraqib.", {("Hama", "Saraqib"), ("Aleppo", "Saraqib")}),
    ("Buses left Douma and Harasta for Jarablus.", {("Douma", "Jarabulus"), ("Harasta", "Jarabulus")}),
    # places passed are no starts
    ("The patrol started from Susan and drove through Jibnah and Bayadiyah before ending in Zor Maghar.",
     {("Susan", "Zawr Mughar")}),
])
def test_a_move_from_a_list_of_places_starts_from_each(gazetteer, text, legs):
    assert {c.place_names for c in claims(run(text, gazetteer), "route")} == legs


def test_columns_closing_on_a_town_from_two_directions_come_from_the_first_named(gazetteer):
    ex = run("SDF columns had closed on al-Shaddadi from two directions: from al-Hol, near the Iraqi border, and down "
             "the river from the area around al-Arishah.", gazetteer)
    assert ("al-Hol", "al-Shaddadi") in {c.place_names for c in claims(ex, "route")}


def test_an_arabic_press_spelling_of_a_town_is_the_town(gazetteer):
    ex = run("A convoy carrying the families of the fighters left Margada on Thursday night, heading south along the "
             "road to el-Busaira.", gazetteer)
    assert [c.place_names for c in claims(ex, "route")] == [("Markadah", "al-Busayrah")]


def test_a_move_in_another_clause_dated_by_this_one_is_not_its_end(gazetteer):
    ex = run("A Turkish military column crossed into Syria through the Bab al-Hawa crossing on Thursday, a day after "
             "government forces pushed into Saraqib. The convoy drove south through Sarmada and was later seen "
             "deploying around Taftanaz.", gazetteer)
    assert [c.place_names for c in claims(ex, "route")] == [("Bab al-Hawa crossing", "Taftanaz")]


def test_a_patrol_due_to_end_at_a_place_ends_there(gazetteer):
    ex = run("The joint Russian-Turkish patrol set off from the outskirts of Saraqib and had been due to end at "
             "Mhambel, some 31 kilometres to the west-southwest.", gazetteer)
    assert [c.place_names for c in claims(ex, "route")] == [("Saraqib", "Mhambal")]


def test_a_capital_as_a_route_end_is_a_place(gazetteer):
    ex = run("Government forces sent reinforcements from Damascus to the city of Sweida on Thursday.", gazetteer)
    (r,) = claims(ex, "route")
    assert r.place_names[0] == "Damascus"

def test_the_from_nearest_its_to_makes_the_route(gazetteer):
    ex = run("A coalition convoy entered from the al-Tanf crossing on Sunday and headed from al-Malikiyah to "
             "Rmelan.", gazetteer)
    (r,) = claims(ex, "route")
    assert r.place_names == ("al-Malikiyah", "Rmelan")

@pytest.mark.parametrize("text,ends", [
    ("The Turkish convoy crossed the border near Atmeh and drove toward Atarib.", ("Atmeh", "Atarib")),
    ("A Turkish convoy entered through the Bab al-Hawa crossing and headed towards the Turkish observation post "
     "in the village of Kafr Nabl.", ("Bab al-Hawa crossing", "Kafr Nabl")),
    ("Hezbollah fighters were transported from the border area near Qara to the town of Albu Kamal.",
     ("Qara", "Albu Kamal")),
])
def test_routes_with_noun_phrases_around_their_ends(gazetteer, text, ends):
    (r,) = claims(run(text, gazetteer), "route")
    assert r.place_names == ends

@pytest.mark.parametrize("text,route", [
    ("A Russian column drove from the Kuweires airbase, about 18 kilometres to the south, into Tadef.",
     (("Kuweires airbase", "Tadif"), ("russia",))),
    ("IS fighters attacked the Conoco gas field. A convoy of US trucks drove south from al-Shadadi towards the gas "
     "field.", (("al-Shaddadi", "Conoco gas field"), ("us-coalition",))),
    ("Turkey's Defence Ministry said the convoy was on its way from Maarat al-Numan to Morek when it was hit.",
     (("Maarat al-Numan", "Morek"), ("turkey",))),
    ("The joint Russian-Turkish patrol started near Darbasiyah and moved westwards along the border, ending on the "
     "outskirts of Ras al-Ain.", (("Darbasiyah", "Ras al-Ain"), ("russia", "turkey"))),
    ("Hezbollah fighters arrived in Nubl, some 14 kilometres southwest of Tal Rifaat, after moving from Dayr Hafir.",
     (("Deir Hafer", "Nubl"), ("iran",))),
    ("A Turkish convoy arrived at the observation post in Morek, after it had driven south along the M5 from "
     "Maarat al-Numan.", (("Maarat al-Numan", "Morek"), ("turkey",))),
    ("Talks failed in Ankara, and the regime's forces entered Ain Issa on Monday, coming from the city of al-Tabqa.",
     (("Tabqa", "Ain Issa"), ("syrian-government",))),
    ("A convoy of buses carrying fighters from the town of Harasta arrived on Friday night in Qalaat al-Madiq.",
     (("Harasta", "Qalaat al-Madiq"), ())),
    ("HTS entered Afrin city at dawn after fighters of the Third Legion pulled out eastward toward Azaz.",
     (("Afrin", "Azaz"), ("opposition",))),
    ("HTS took over Darat Izza in Aleppo's western countryside, and Zenki fighters withdrew north towards Afrin.",
     (("Darat Izza", "Afrin"), ("opposition",))),
    ("Government soldiers stationed at Ithriyah were seen driving south-west towards Salamiyah on Wednesday.",
     (("Ithriya", "Salamiyah"), ("syrian-government",))),
])
def test_routes_told_in_other_words(gazetteer, text, route):
    assert route in routes_of(run(text, gazetteer))

def test_the_mover_is_the_party_of_the_clause_not_the_one_it_confronts(gazetteer):
    ex = run("The army deployed to confront the Turkish aggression. Syrian army units moved from their positions in "
             "Maskana and reached the entrance of al-Tabqa.", gazetteer)
    assert [b for _, b in routes_of(ex)] == [("syrian-government",)]

def test_a_second_column_is_whoever_moved_last(gazetteer):
    ex = run("Syrian army units moved from Maskana to al-Tabqa. A second column set out from Deir Hafer and headed to "
             "the Tabqa airbase.", gazetteer)
    assert [b for _, b in routes_of(ex)] == [("syrian-government",), ("syrian-government",)]

def test_civilians_leaving_for_a_town_is_a_route(gazetteer):
    ex = run("The Asayish searched tents in al-Hol camp. A day earlier, 41 Syrian families had left the camp for Raqqa.",
             gazetteer)
    assert [names for names, _ in routes_of(ex)] == [("al-Hol camp", "Raqqa")]

def test_a_move_told_over_two_sentences(gazetteer):
    ex = run("The last buses carrying opposition fighters left al-Rastan on Wednesday. Thousands have left since May. "
             "Most of the convoys drove north and were then taken west to Qalaat al-Madiq.", gazetteer)
    assert ("al-Rastan", "Qalaat al-Madiq") in [names for names, _ in routes_of(ex)]

def test_a_start_told_long_before_is_forgotten(gazetteer):
    ex = run("The last buses left al-Rastan on Wednesday. Aid arrived. Talks went on. Prices rose. Most of the convoys "
             "were then taken west to Qalaat al-Madiq.", gazetteer)
    assert routes_of(ex) == []


@pytest.mark.parametrize("text,route", [
    ("A Russian military police convoy arrived in Ain Issa from Tal Tamr, 34 km southeast of Ras al-Ain.",
     (("Tal Tamr", "Ain Issa"), ("russia",))),
    ("Hundreds of families have fled Ain Issa since the escalation towards the city of Raqqa.",
     (("Ain Issa", "Raqqa"), ())),
    ("Residents boarded 75 buses in al-Foua, northeast of Idlib. The convoy was heading for government-held "
     "Aleppo.", (("al-Fu'ah", "Aleppo"), ())),
])
def test_routes_told_end_first_by_flight_or_by_boarding(gazetteer, text, route):
    assert route in routes_of(run(text, gazetteer))


def test_arriving_without_a_start_is_no_route(gazetteer):
    assert routes_of(run("A Russian convoy arrived in Ain Issa on Monday.", gazetteer)) == []


def test_a_patrol_that_ends_near_a_place(gazetteer):
    ex = run("A Russian-Turkish patrol set off from the outskirts of Qahtaniyah, 28 km east of Qamishli, passed "
             "al-Jawadiyah and ended near al-Malikiyah.", gazetteer)
    assert (("al-Qahtaniyah", "al-Malikiyah"), ("russia", "turkey")) in routes_of(ex)


def test_the_extent_of_a_held_area_is_no_route(gazetteer):
    ex = run("The west bank of the Euphrates, from al-Mayadin down to Albu Kamal, has been held since 2017 by "
             "government forces.", gazetteer)
    assert routes_of(ex) == []


@pytest.mark.parametrize("text,route", [
    ("Several hundred HTS fighters in the part of the Yarmouk camp they hold are expected to leave for Idlib.",
     (("Yarmouk Camp", "Idlib"), ("hts",))),
    ("In Daraa al-Balad, sixteen buses carrying fighters who refused the settlement left last Sunday for Idlib "
     "province.", (("Daraa al-Balad", "Idlib Governorate"), ("opposition",))),
    ("Syrian army units advanced southwest of Tasil. Fresh reinforcements moved on Wednesday from Sheikh Miskin "
     "to Tasil.", (("Sheikh Miskin", "Tasil"), ("syrian-government",))),
])
def test_leaving_from_where_one_is_and_reinforcements_of_the_force_before(gazetteer, text, route):
    assert route in routes_of(run(text, gazetteer))


def test_families_are_not_the_force_named_before(gazetteer):
    ex = run("Syrian army units advanced southwest of Tasil. Families moved on Wednesday from Sheikh Miskin to Tasil.",
             gazetteer)
    assert routes_of(ex) == [(("Sheikh Miskin", "Tasil"), ())]


@pytest.mark.parametrize("text,route", [
    ("Syrian army units were brought up from Latakia, the provincial capital, along the road through Qastal Maaf "
     "for the final push on Rabia.", (("Latakia", "Rabia"), ("syrian-government",))),
    ("Some 2,200 people from Madaya and Zabadani waited in 60 buses at a crossing south of Aleppo. They were "
     "finally let through towards Idlib province on Saturday night.", (("Madaya", "Idlib Governorate"), ())),
])
def test_a_push_on_a_place_is_where_a_move_ends_and_a_place_passed_is_not_its_start(gazetteer, text, route):
    assert route in routes_of(run(text, gazetteer))


def test_crossing_a_river_from_a_to_b_is_a_route(gazetteer):
    ex = run("Iranian-backed militias crossed the Euphrates from al-Mayadin to the village of Dhiban.", gazetteer)
    assert routes_of(ex) == [(("al-Mayadin", "Dhiban"), ("iran",))]


@pytest.mark.parametrize("text, route", [
    ("A convoy of SDF fighters left Arima on Monday night heading east, crossed the Euphrates and reached Kobani.",
     (("Arima", "Kobani"), ("sdf",))),
    ("A convoy of Qasad fighters left el-'Urayma heading east, crossed the Euphrates and reached Kobani.",
     (("Arima", "Kobani"), ("sdf",))),
    ("The SDF convoy crossed the Euphrates and reached Kobani.", (("Euphrates", "Kobani"), ("sdf",))),   # no start told
])
def test_a_river_crossed_on_the_way_is_no_start(gazetteer, text, route):
    assert routes_of(run(text, gazetteer)) == [route]


@pytest.mark.parametrize("text, route", [
    ("Columns of army trucks pulled out of Aleppo along the desert road through Khanasir towards Salamiyah.",
     ("Aleppo", "Salamiyah")),
    ("A convoy of government forces arrived in Tal Tamr on Thursday coming from Hasakah.", ("Hasakah", "Tal Tamr")),
    ("A column of government forces arrived in Tal Tamr overnight from Hasakah.", ("Hasakah", "Tal Tamr")),
    ("Turkish-backed factions in their stronghold of Azaz sent reinforcements towards Tal Rifaat.", ("Azaz", "Tal Rifaat")),
    ("Rebel fighters left Aleppo aboard buses. The convoys travelled to Khan al-Asal, west of the city. Many then "
     "continued by bus towards Idlib.", ("Khan al-Asal", "Idlib")),
    ("The fighters later left Arbin and Kafr Batna for Idlib under a similar arrangement.", ("Irbin", "Idlib")),
    ("A convoy of dozens of vehicles coming from Idlib entered Latakia city at dawn.", ("Idlib", "Latakia")),
    ("Units of the Republican Guard drove into the village of Ain al-Fijeh from Qudsaya.", ("Qudsaya", "Ain al-Fijeh")),
    ("Buses carrying Jaysh al-Islam fighters drove from Douma to Jarablus. Some of the convoys were directed instead "
     "to al-Bab.", ("Douma", "al-Bab")),
])
def test_routes_told_by_leaving_coming_entering_sending_and_going_on(gazetteer, text, route):
    assert route in [names for names, _blocs in routes_of(run(text, gazetteer))]


def test_going_on_needs_a_move_just_before(gazetteer):
    ex = run("A convoy moved from Hasakah to Tal Tamr. The talks dragged on for weeks. Journalists were briefed. "
             "Fighting then continued towards Idlib.", gazetteer)
    assert [names for names, _ in routes_of(ex)] == [("Hasakah", "Tal Tamr")]


def test_another_end_needs_a_move_told_just_before(gazetteer):
    ex = run("Buses drove from Douma to Jarablus. The talks resumed. Officials met. Other officials travelled to Sochi.",
             gazetteer)
    assert [names for names, _ in routes_of(ex)] == [("Douma", "Jarabulus")]


@pytest.mark.parametrize("text, route, blocs", [
    ("Turkish special forces crossed from Karkamis into Syria and pushed into Jarablus.", ("Karkamis", "Jarabulus"), None),
    ("SOHR activists saw long columns of tanks leaving Homs on the highway towards Tartus.", ("Homs", "Tartus"), None),
    ("Local factions advanced northwards from Daraa towards Damascus before dawn.", ("Daraa", "Damascus"), None),
    ("Men suspected of belonging to IS were separated on the edge of al-Baghouz and taken by the SDF straight to "
     "detention facilities in al-Hasakah city.", ("al-Baghuz", "Hasakah"), ("sdf",)),
])
def test_routes_past_countries_capitals_and_carriers(gazetteer, text, route, blocs):
    found = dict(routes_of(run(text, gazetteer)))
    assert route in found and (blocs is None or found[route] == blocs)


def test_the_bank_opposite_a_town_is_the_stretch_facing_it(gazetteer):
    ex = run("Militias crossed the Euphrates near al-Mayadin. SDF columns set out from al-Shaddadi and were advancing "
             "toward the eastern bank opposite Deir ez-Zor.", gazetteer)
    (route,) = [c for c in claims(ex, "route") if c.place_names[0] == "al-Shaddadi"]
    end = shapely.from_wkb(route.geometry).coords[-1]
    deir = place(gazetteer, "Deir ez-Zor")
    assert abs(end[0] - deir.lon) < 0.25 and abs(end[1] - deir.lat) < 0.25


@pytest.mark.parametrize("text, ends", [
    ("A convoy of Iranian-backed fighters crossed from al-Qaim into Albu Kamal and drove up the highway to al-Mayadin.",
     ("Albu Kamal", "al-Mayadin")),
    ("Turkish troops moved from Azaz to Marea, and Russian forces held Tal Rifaat.", ("Marea",)),
    ("Reinforcements went from Hasakah to Tal Tamr and then continued to Ras al-Ain.", ("Ras al-Ain",)),
    ("HTS columns set off from Darat Izza and crossed into the Afrin region, reaching Jinderes on Wednesday.",
     ("Jindires",)),
])
def test_a_move_with_onward_legs_ends_where_the_last_leg_does(gazetteer, text, ends):
    (route,) = claims(run(text, gazetteer), "route")
    assert route.place_names[-1] == ends[-1], route.place_names


def test_arrived_in_a_from_the_base_in_b(gazetteer):
    text = ("ISIS attacked the prison in Hasakah. A convoy of coalition vehicles arrived in the city on Saturday from the "
            "coalition base in al-Shaddadi, about 50 kilometers to the south.")
    assert routes_of(run(text, gazetteer)) == [(("al-Shaddadi", "Hasakah"), ("us-coalition",))]


def test_fighters_bused_from_a_to_b_is_a_move(gazetteer):
    text = "Under that deal, several thousand fighters and civilians were bused from al-Ruhaybah and Jayrud to Jarablus."
    assert [r[0] for r in routes_of(run(text, gazetteer))] == [("al-Ruhaybah", "Jarabulus"), ("Jayrud", "Jarabulus")]


@pytest.mark.parametrize("text, route", [
    ("The first buses left the towns of Rastan and Talbiseh on Monday, ending one of the oldest opposition pockets in "
     "central Syria.", []),
    ("Buses carrying rebel fighters left Rastan on Monday. The buses are heading north through government-held "
     "territory in Hama province to Qalaat al-Madiq.", [("al-Rastan", "Qalaat al-Madiq")]),
    ("A Turkish convoy moved from Kilis into Syria on Monday.", [("Kilis", "Syria")]),   # a town of another country
])
def test_no_move_into_the_country_a_town_lies_in_and_through_keeps_the_start(gazetteer, text, route):
    assert [r[0] for r in routes_of(run(text, gazetteer))] == route


def test_a_move_never_ends_where_it_began(gazetteer):
    text = ("A Russian military police convoy arrived in Tafas from Daraa city in the morning, and army units entered "
            "the centre of the town.")
    assert [r[0] for r in routes_of(run(text, gazetteer))] == [("Daraa", "Tafas")]


def test_army_reinforcements_are_the_army_of_the_report(gazetteer):
    text = ("Syrian army units entered Tafas. Army reinforcements, including tanks, moved from the city of Izra to the "
            "outskirts of Tafas.")
    ((_, end), blocs), = routes_of(run(text, gazetteer))
    assert (end, blocs) == ("Tafas", ("syrian-government",))


@pytest.mark.parametrize("text,ends", [
    ("Iranian-backed militias moved from Deir ez-Zor down the valley road and crossed into Iraq at al-Qaim.",
     ("Deir ez-Zor", "Al Qā’im")),
    ("A US convoy entered Syria from northern Iraq near al-Yarubiyah and headed to al-Shaddadi.",
     ("al-Yarubiyah", "al-Shaddadi")),
    ("A US-escorted convoy of tankers left the al-Omar field for northern Iraq through the crossing near al-Yarubiyah.",
     ("al-Omar oil field", "al-Yarubiyah")),
    ("Iranian-backed militias moved from Deir ez-Zor into Iraq.", ("Deir ez-Zor", "Iraq")),   # no crossing named
    ("The first buses carrying SDF fighters left Aleppo's Sheikh Maqsoud neighbourhood for Tabqa.",
     ("Sheikh Maqsoud", "Tabqa")),   # the part a city owns
])
def test_a_move_across_a_border_ends_where_it_crosses(gazetteer, text, ends):
    (r,) = claims(run(text, gazetteer), "route")
    assert r.place_names == ends


def test_a_party_that_only_names_the_source_does_not_move(gazetteer):
    ex = run("A Syrian opposition outlet reported that a convoy of trucks crossed from al-Qaim into Albu Kamal.", gazetteer)
    (r,) = claims(ex, "route")
    assert "opposition" not in r.blocs


def test_a_party_in_a_clause_about_the_destination_does_not_move(gazetteer):
    ex = run("Rebel fighters left the Old City on Wednesday. The evacuated fighters travelled on from al-Dar al-Kabira "
             "to al-Rastan, a rebel-held town which regime aircraft have repeatedly bombed.", gazetteer)
    assert routes_of(ex) == [(("Al-Dar al-Kabirah", "al-Rastan"), ("opposition",))]


def test_arrival_told_before_a_journey_along_a_road(gazetteer):
    ex = run("A column of government troops reached Ain Issa after travelling along the M4 from Arima, a town west "
             "of Manbij.", gazetteer)
    assert routes_of(ex) == [(("Arima", "Ain Issa"), ("syrian-government",))]


def test_groups_pulled_off_a_front_and_moved_elsewhere(gazetteer):
    ex = run("Iranian-backed militias pulled groups off the front near Saraqib and moved them to al-Hadir.", gazetteer)
    assert routes_of(ex) == [(("Saraqib", "al-Hadher"), ("iran",))]
    assert [c.place_names for c in claims(ex, "event", "buildup")] == [("al-Hadher",)]


def test_the_convoy_is_the_patrol_told_before(gazetteer):
    ex = run("A joint Russian-Turkish patrol on the M4 ended in confusion on Tuesday. The convoy had driven west "
             "from Saraqib, where the M4 meets the Damascus-Aleppo highway (M5), as far as Mhambal.", gazetteer)
    assert routes_of(ex) == [(("Saraqib", "Mhambal"), ("russia", "turkey"))]


def test_a_country_a_border_runs_with_is_no_mover(gazetteer):
    ex = run("Russian military police patrolled alone. Eight armoured vehicles set off from Qamishli and drove east to "
             "al-Malikiyah, close to the border with Turkey and Iraq.", gazetteer)
    assert routes_of(ex) == [(("Qamishli", "al-Malikiyah"), ("russia",))]


@pytest.mark.parametrize("place_id, on_edge", [("sy-area-jabal-al-zawiya", True), ("sy-saraqib", False)])
def test_a_route_into_a_region_ends_at_the_edge_facing_its_start(gazetteer, place_id, on_edge):
    from geo.extract.locations import Loc
    from geo.extract.pipeline import _edge_facing

    region = gazetteer.get(place_id)
    crossing = gazetteer.get("sy-bab-al-hawa").geometry
    loc = Loc(0, 5, region.name, region, region.geometry, 3 if on_edge else 1)
    own = region.geometry.representative_point()
    end = _edge_facing(loc, own, crossing)
    assert (end != own) is on_edge
    if on_edge:   # on the region, on its side facing the crossing to the north
        assert region.geometry.distance(end) < 1e-9 and end.y > own.y


@pytest.mark.parametrize("area, at_town", [("the countryside of al-Malikiyah", True),
                                            ("the eastern countryside of al-Malikiyah", False)])
def test_a_route_into_a_towns_countryside_ends_at_the_town_unless_a_side_is_named(gazetteer, area, at_town):
    ex = run(f"Russian forces ran a patrol from Qamishli towards {area}.", gazetteer)
    (route,) = claims(ex, "route")
    town = place(gazetteer, "al-Malikiyah")
    assert (geom(route).coords[-1] == pytest.approx((town.lon, town.lat))) is at_town


@pytest.mark.parametrize("text, movers", [
    ("Russian jets bombed a convoy of Turkish troops who were heading from Atarib to Saraqib.", ("turkey",)),
    ("US vehicles blocked a Russian convoy that had left Qamishli for al-Malikiyah.", ("russia",)),
    ("Russian and Turkish troops who were heading from Atarib to Saraqib came under fire.", ("russia", "turkey")),
])
def test_who_moves_in_a_relative_clause_is_the_party_it_is_said_of(gazetteer, text, movers):
    (route,) = claims(run(text, gazetteer), "route")
    assert route.blocs == movers


@pytest.mark.parametrize("second, movers", [
    ("The SDF said it had sent reinforcements from Tabqa to Maskanah.", ("sdf",)),   # the speaker tells its own move
    ("The SDF said Turkish troops had moved from Tabqa to Maskanah.", ("turkey",)),
])
def test_a_speaker_that_says_it_moved_is_the_mover(gazetteer, second, movers):
    ex = run("Turkish-backed factions moved from Azaz to Marea. " + second, gazetteer)
    assert [r for r in routes_of(ex) if r[0] == ("Tabqa", "Maskanah")] == [(("Tabqa", "Maskanah"), movers)]


def test_a_start_named_as_a_spot_in_a_part_of_a_town(gazetteer):
    ex = run("A convoy of Syrian troops set off from the government-held security square in the centre of Qamishli "
             "and drove to Amuda.", gazetteer)
    assert routes_of(ex) == [(("Qamishli", "Amuda"), ("syrian-government",))]


def test_a_route_between_towns_keeps_their_points(gazetteer):
    ex = run("A Turkish convoy drove from Atarib to Saraqib.", gazetteer)
    (route,) = claims(ex, "route")
    saraqib = place(gazetteer, "Saraqib")
    assert geom(route).coords[-1] == pytest.approx((saraqib.lon, saraqib.lat))


@pytest.mark.parametrize("text,route", [
    ("Units of the army continued to move from Hama to Latakia on Sunday.", ("Hama", "Latakia")),
    ("A second group of fighters is expected to move from Azaz to Jarabulus next week.", ("Azaz", "Jarabulus")),
    ("Convoys of troops were sent from Daraa to Busra al-Sham overnight.", ("Daraa", "Busra al-Sham")),
])
def test_moving_without_a_named_party_is_a_route(gazetteer, text, route):
    assert route in [r.place_names for r in claims(run(text, gazetteer), "route")]


@pytest.mark.parametrize("text", [
    "Fighters left Manbij on Monday. The factions later threatened to move on Kobani.",
    "Fighters left Manbij on Monday. The army could also move against positions near Kobani.",
])
def test_moving_on_or_against_a_place_is_an_attack_not_a_route(gazetteer, text):
    assert not claims(run(text, gazetteer), "route")


@pytest.mark.parametrize("text,routes", [
    ("The YPG withdrew its fighters from Afrin towards Tal Rifaat, and thousands of civilians moved with them from "
     "Afrin to Nubl.", {("Afrin", "Tal Rifaat"), ("Afrin", "Nubl")}),
    ("A convoy coming from Idlib entered Latakia at dawn, while another convoy travelled from Hama toward Jableh.",
     {("Idlib", "Latakia"), ("Hama", "Jableh")}),
])
def test_two_moves_in_one_sentence_are_two_routes(gazetteer, text, routes):
    assert {r.place_names for r in claims(run(text, gazetteer), "route")} == routes


def test_a_move_told_from_two_starts_is_one_route(gazetteer):
    ex = run("The convoy entered from Turkey through the Kafr Lusin crossing and headed from Sarmada to Taftanaz.",
             gazetteer)
    assert [r.place_names[-1] for r in claims(ex, "route")] == ["Taftanaz"]


def test_an_aside_after_an_arrival_is_no_start(gazetteer):
    ex = run("Turkish troops arrived in Azaz, a day after strikes from Tal Rifaat hit the town.", gazetteer)
    assert not claims(ex, "route")


@pytest.mark.parametrize("text,routes", [
    ("Civilians and SDF fighters were moved from Tal Rifaat to Tabqa and on to Raqqa in convoys.",
     {("Tal Rifaat", "Tabqa"), ("Tabqa", "Raqqa")}),
    ("The first convoy of buses moved from Daraa al-Balad to the Qalaat al-Madiq crossing in the countryside of Hama, "
     "and from there they were taken to Idlib.", {("Daraa al-Balad", "Qalaat al-Madiq"), ("Qalaat al-Madiq", "Idlib")}),
    ("Buses moved from Daraa to Nawa, and Russian officers then went to Jasim.", {("Daraa", "Nawa")}),
])
def test_each_further_stop_of_a_move_is_a_leg(gazetteer, text, routes):
    assert {r.place_names for r in claims(run(text, gazetteer), "route")} == routes


@pytest.mark.parametrize("text,route", [
    ("The Hamza Division sent reinforcements from Azaz to al-Bab's southern front on Saturday.", ("Azaz", "al-Bab")),
    ("The army brought tanks from Damascus and its countryside to the outskirts of Daraa.", ("Damascus", "Daraa")),
])
def test_route_ends_written_with_a_possessive_or_a_noun_phrase(gazetteer, text, route):
    assert route in [r.place_names for r in claims(run(text, gazetteer), "route")]


@pytest.mark.parametrize("text, route", [
    ("The Fifth Corps transferred two companies to Palmyra from the T4 airbase overnight.", ("T4 airbase", "Palmyra")),
    ("Armoured vehicles were moved to the coalition base at the al-Omar oil field from al-Shaddadi.",
     ("al-Shaddadi", "al-Omar oil field")),
    ("Trucks of Iranian-backed fighters arrived on the outskirts of Maadan coming from al-Mayadin.",
     ("al-Mayadin", "Maadan")),
    ("The injured were taken from Jasim to the hospital in Daraa city.", ("Jasim", "Daraa")),
    ("The column drove from Hama up the highway, through the town of Khan Shaykhun, and entered Maarat al-Numan.",
     ("Hama", "Maarat al-Numan")),
    ("Dozens of families were forced out of Rajo and arrived this week in the camps near Azaz.", ("Rajo", "Azaz")),
    ("Families fled Tal Abyad for Raqqa. Most of those who reached Raqqa pushed on to Tabqa.", ("Raqqa", "Tabqa")),
    ("Families fled Tal Abyad for Raqqa. Others with relatives in Hasakah continued from Raqqa to the city.",
     ("Raqqa", "Hasakah")),
    ("Ariha was still held by the factions. A convoy is expected to leave the town for Idlib on Monday.",
     ("Ariha", "Idlib")),
    ("A convoy of the Fatemiyoun Brigade reached al-Mayadin on Friday after crossing from Albu Kamal.",
     ("Albu Kamal", "al-Mayadin")),
    ("Syrian army reinforcements reached Tal Rifaat after driving up from Aleppo over the weekend.",
     ("Aleppo", "Tal Rifaat")),
])
def test_routes_told_end_first_by_transfer_and_arrival_and_onward_from_where_they_stopped(gazetteer, text, route):
    assert route in [names for names, _ in routes_of(run(text, gazetteer))]


@pytest.mark.parametrize("text", [
    "Tribal fighters leave for Hajin as regime forces enter Ain al-Fijeh.",               # where they go, not from
    "Convoys leave Rastan as Damascus turns its eyes to northern Hama.",                  # another clause's "to"
    '"They offered to leave Morek in exchange for the withdrawal from Kafr Nabl," he said.',   # a swap, not a move
    "Buses left Douma, the source said, referring to the town of Harasta.",               # "referring to": no end
    "The militias said they would stay until the SDF leaves the villages of Deir ez-Zor.",
    "Buses left Daraa on Monday. By evening clashes had spread to Shahba, where displaced families live.",
])
def test_no_route_to_where_another_clause_or_a_swap_points(gazetteer, text):
    assert [names for names, _ in routes_of(run(text, gazetteer))] == []


@pytest.mark.parametrize("text, route, blocs", [
    ("Sixteen buses carrying 420 terrorists who refused the settlement left Daraa al-Balad for Idlib province.",
     ("Daraa al-Balad", "Idlib Governorate"), ("opposition",)),
    ("A convoy of 20 vehicles carrying Russian military police and regime troops moved from Nubl to Tal Rifaat.",
     ("Nubl", "Tal Rifaat"), ("russia", "syrian-government")),
    ("Dozens of fighters who rejected the deal were bussed from Daraa al-Balad to al-Bab, escorted by Russian "
     "military police.", ("Daraa al-Balad", "al-Bab"), ("opposition",)),
    ("SDF fighters began leaving Aleppo. A convoy of 20 buses, escorted by vehicles of the interior ministry's General "
     "Security, drove from Sheikh Maqsoud to Tabqa.", ("Sheikh Maqsoud", "Tabqa"), ("sdf",)),
    ("Buses carrying rebel fighters left Douma for Idlib. A second convoy, escorted by Russian military police, drove "
     "from Harasta to Jarablus.", ("Harasta", "Jarabulus"), ("opposition",)),   # the escort's convoy: who moved last
    ("Buses carrying rebel fighters left Douma for Idlib. A second convoy left Harasta and took the road to Jarablus "
     "on the Turkish border.", ("Harasta", "Jarabulus"), ("opposition",)),   # the border says where, not who
    ("Buses carrying rebel fighters left Douma for Idlib. By Monday 3,000 fighters had left Harasta in convoys bound "
     "for Jarablus, according to the Russian reconciliation centre and activists who spoke to reporters.",
     ("Harasta", "Jarabulus"), ("opposition",)),   # the source is no mover
])
def test_the_passengers_move_not_their_escort(gazetteer, text, route, blocs):
    assert (route, blocs) in routes_of(run(text, gazetteer))


@pytest.mark.parametrize("text, route", [
    ("The coalition reinforced its base at the al-Omar oil field, 16 km north of Dhiban, with a convoy of 25 trucks "
     "that came from its base in al-Shaddadi.", ("al-Shaddadi", "al-Omar oil field")),
    ("The SDF reinforced Tal Tamr with fighters brought from Hasakah.", ("Hasakah", "Tal Tamr")),
    ("Turkey reinforced its posts near Atarib with troops sent from Idlib.", ("Idlib", "Atarib")),
])
def test_a_place_reinforced_from_another_is_the_end_of_a_route(gazetteer, text, route):
    assert [names for names, _ in routes_of(run(text, gazetteer))] == [route]


def test_reinforcing_with_no_origin_is_no_route(gazetteer):
    assert routes_of(run("Turkey reinforced its posts near Atarib with tanks.", gazetteer)) == []


def test_an_arrival_coming_from_a_place_on_a_named_afternoon(gazetteer):
    ex = run("A Russian military convoy arrived in Ain Issa on Sunday afternoon coming from Qamishli, after travelling "
             "along the M4 highway through Tal Tamr.", gazetteer)
    assert [(r.place_names, r.blocs) for r in claims(ex, "route")] == [(("Qamishli", "Ain Issa"), ("russia",))]


@pytest.mark.parametrize("text,legs", [
    ("Russian officers flew from Hmeimim to Qamishli on Monday and then travelled by road to Hasakah.",
     [("Hmeimim airbase", "Qamishli"), ("Qamishli", "Hasakah")]),
    ("Russian troops crossed from Qamishli into Amuda and drove up the highway to Hasakah.",   # one drive
     [("Qamishli", "Hasakah")]),
])
def test_a_move_and_then_another_is_two_legs(gazetteer, text, legs):
    assert [r.place_names for r in claims(run(text, gazetteer), "route")] == legs


def test_a_goods_convoy_is_moved_by_its_escort_not_by_the_last_movers(gazetteer):
    ex = run("Syria. IS fighters fled from Palmyra to al-Sukhnah. A convoy of 40 trucks loaded with food left Homs on "
             "Friday for Deir ez-Zor, escorted by army units, through Palmyra, which the army recaptured from IS.",
             gazetteer)
    got = {r.place_names: r.blocs for r in claims(ex, "route")}
    assert got[("Homs", "Deir ez-Zor")] == ("syrian-government",)


@pytest.mark.parametrize("text", [
    "Ambulances carried dozens of wounded from Talbiseh to field hospitals in al-Rastan.",
    "Civilians were evacuated from Douma to Jarablus.",
])
def test_people_carried_or_evacuated_from_a_to_b_is_a_route(gazetteer, text):
    assert len(claims(run(text, gazetteer), "route")) == 1


@pytest.mark.parametrize("text,legs", [
    ("Their departure was linked to the evacuation of wounded residents from al-Fuah, a village north-east of Idlib "
     "city. Those evacuees were taken by bus to Aleppo.", [("al-Fu'ah", "Aleppo")]),   # goes on where they are taken
    ("Buses from Harasta carried 4,500 people to Qalaat al-Madiq. A second agreement led to the evacuation of Arbin "
     "and neighbouring towns.", [("Harasta", "Qalaat al-Madiq")]),   # the place evacuated is no end
])
def test_an_evacuation_starts_where_people_are_taken_from(gazetteer, text, legs):
    assert [r.place_names for r in claims(run(text, gazetteer), "route")] == legs


def test_a_move_from_a_river_bank_starts_at_the_town_named_on_it(gazetteer):
    ex = run("Rockets were fired by Iranian-backed militias from the western bank of the Euphrates, near al-Mayadin, "
             "towards the al-Omar oil field.", gazetteer)
    assert [r.place_names[0] for r in claims(ex, "route")] == ["al-Mayadin"]


@pytest.mark.parametrize("text, blocs", [
    # the side the report says holds the start
    ("Rebels have held Qaboun since 2012. The talks ended on Friday. The convoy left Qaboun for Idlib on Sunday.",
     ("opposition",)),
    # the owner of the buses does not ride in them
    ("Rebels have held Qaboun since 2012. Fighters boarded green government buses. The convoy left Qaboun for Idlib.",
     ("opposition",)),
    # no holder told before the move, or no convoy: nobody
    ("The convoy left Qaboun for Idlib on Sunday. Rebels had held Qaboun since 2012.", ()),
    ("Rebels have held Qaboun since 2012. Families fled Qaboun for Idlib on Sunday.", ()),
])
def test_a_convoy_nobody_moves_is_the_side_holding_its_start(gazetteer, text, blocs):
    (route,) = claims(run(text, gazetteer), "route")
    assert route.blocs == blocs


@pytest.mark.parametrize("text, route", [
    ("Syrian army units entered Deir Hafer on Saturday and reached Tabqa on Sunday.", ("Deir Hafer", "Tabqa")),
    ("Syrian army units that had entered Deir Hafer, after the SDF withdrew from the area west of the Euphrates, "
     "pushed on along the road and reached Tabqa on Sunday.", ("Deir Hafer", "Tabqa")),
])
def test_a_force_that_went_on_from_a_place_it_took(gazetteer, text, route):
    assert routes_of(run(text, gazetteer)) == [(route, ("syrian-government",))]


@pytest.mark.parametrize("text, expected", [
    # a place after "through ... to" is where the move ends, never a start of its own
    ("Opposition groups moved 300 fighters from Idlib Province through Turkish territory to Azaz via Bab al-Salameh.",
     [(("Idlib Governorate", "Azaz"), ("opposition",))]),
    # a second move in a "while" clause, from where its own clause says the movers were
    ("Russian vehicles from the posts around Kobani drove east to Qamishli, while the Russian detachment at the T4 "
     "air base withdrew to Hmeimim by road.",
     [(("Kobani", "Qamishli"), ("russia",)), (("T4 airbase", "Hmeimim airbase"), ("russia",))]),
    # "leaving on the road to B" from where the movers were said to be
    ("SDF units were still inside Raqqa city, but long columns of their vehicles were seen leaving eastward on the "
     "road to al-Hasakah.", [(("Raqqa", "Hasakah"), ("sdf",))]),
    # a party in a warning told after the move does not make it
    ("Fresh reinforcements arrived in Palmyra from Homs on Friday, warning that Daesh could attempt an attack.",
     [(("Homs", "Palmyra"), ())]),
])
def test_where_a_move_starts_and_who_makes_it(gazetteer, text, expected):
    assert routes_of(run(text, gazetteer)) == expected


@pytest.mark.parametrize("text, route", [
    ("Dozens of Fourth Division fighters arrived in Tal Tamr on Sunday coming from Hasakah, to join an operation "
     "in the countryside between Tal Tamr and Ras al-Ain.", ("Hasakah", "Tal Tamr")),
    ("A convoy of the Republican Guard entered Morek in the morning coming from its positions in Souran.",
     ("Suran (Hama)", "Morek")),
    ("Activists reported the arrival of reinforcements, among them tanks and rocket launchers, at Saraqib, coming "
     "from the government-held town of Khan Shaykhun.", ("Khan Sheikhoun", "Saraqib")),
    ("A group of Hezbollah fighters moved from the area of the old defence factories near al-Safira to Khan al-Asal.",
     ("al-Safira", "Khan al-Asal")),
    ("A Turkish column crossed the Bab al-Hawa crossing and moved to the area of Atarib.",
     ("Bab al-Hawa crossing", "Atarib")),
])
def test_arrivals_told_before_their_start_and_starts_named_by_a_spot(gazetteer, text, route):
    assert route in [names for names, _blocs in routes_of(run(text, gazetteer))]


def test_crossing_a_line_on_the_way_is_not_the_start(gazetteer):
    ex = run("The convoy left Sheikh Maqsoud at dawn. It crossed the front line near Deir Hafer and arrived in Tabqa.",
             gazetteer)
    assert [names for names, _ in routes_of(ex)] == [("Sheikh Maqsoud", "Tabqa")]


@pytest.mark.parametrize("text, route", [
    ("A Russian column drove into Amuda on Monday afternoon after setting out in the morning from Qamishli.",
     ("Qamishli", "Amuda")),
    ("Columns of Syrian army trucks drove north out of Nawa, crossed to the highway and continued past Jasim before "
     "stopping at al-Sanamayn.", ("Nawa", "al-Sanamayn")),
    ("Thousands of residents of Jinderes have fled in panic toward Afrin city.", ("Jindires", "Afrin")),
])
def test_moves_that_set_out_stop_or_flee(gazetteer, text, route):
    assert route in [names for names, _blocs in routes_of(run(text, gazetteer))]


def test_the_town_a_move_ends_near_is_not_the_start_named_just_before(gazetteer):
    ex = run("Syrian army tanks shelled the town of Busra al-Harir. Reinforcements were moved up from Izra, some 15 "
             "kilometres to the west, to the hills overlooking the town.", gazetteer)
    assert [r.place_names for r in told_in(ex, "route", "Reinforcements")] == [("Izra", "Busra al-Harir")]


@pytest.mark.parametrize("text, route", [
    ("A column of Iranian-backed militias drove up the western bank from al-Mayadin, crossed the bridge and ended its "
     "journey in Hatla.", ("al-Mayadin", "Hatlah")),
    ("Buses carrying Syrian rebels left Babbila in the morning and the convoy set off in the direction of Jarablus.",
     ("Babīlā", "Jarabulus")),
    ("The Syrian National Army started its push on Manbij from the al-Arima axis at dawn.", ("Arima", "Manbij")),
])
def test_moves_that_end_a_journey_head_in_a_direction_or_push_on(gazetteer, text, route):
    assert route in [names for names, _blocs in routes_of(run(text, gazetteer))]


def test_leaving_a_place_passing_another_and_arriving_at_a_third(gazetteer):
    ex = run("A column carrying Tiger Forces troops was seen leaving Hama in the morning, passing through Salamiyah "
             "and arriving at Sabburah by the evening.", gazetteer)
    assert routes_of(ex) == [(("Hama", "Sabburah"), ("syrian-government",))]


def test_arriving_at_a_named_base_coming_from_a_town(gazetteer):
    ex = run("A convoy of the International Coalition arrived at the Conoco base coming from al-Shaddadi.", gazetteer)
    assert routes_of(ex) == [(("al-Shaddadi", "Conoco gas field"), ("us-coalition",))]


def test_reinforcements_no_one_is_said_to_send_are_the_holders_of_their_start(gazetteer):
    ex = run("Dozens of families fled Kafr Batna towards Douma. Military reinforcements were sent from al-Mulayhah, "
             "the regime-held town that marks the enclave's corner, to Deir al-Asafir.", gazetteer)
    assert [blocs for _, blocs in routes_of(ex)][-1:] == [("syrian-government",)]


def test_they_who_move_are_the_force_the_sentence_before_was_about(gazetteer):
    ex = run("Hundreds of SDF fighters gathered in Hasakah on Monday. They travelled by bus from Amuda to Qamishli.",
             gazetteer)
    assert routes_of(ex) == [(("Amuda", "Qamishli"), ("sdf",))]


@pytest.mark.parametrize("text", [
    "Hundreds of families fled from Amuda to Qamishli.",
    "Residents said dozens of families had left Amuda for Qamishli.",
    "Thousands of residents of Amuda have fled toward Qamishli.",
])
def test_civilians_who_flee_are_moved_by_no_force(gazetteer, text):
    ex = run("SDF fighters drove from Hasakah to Tal Tamr on Sunday. " + text, gazetteer)
    assert [blocs for names, blocs in routes_of(ex) if names[0] == "Amuda"] == [()]


@pytest.mark.parametrize("text", [
    "Buses carrying fighters and their families left Amuda for Qamishli.",
    "Residents said a column of tanks had driven from Amuda to Qamishli.",
])
def test_fighters_with_families_or_a_column_residents_saw_are_moved_by_a_force(gazetteer, text):
    ex = run("SDF fighters drove from Hasakah to Tal Tamr on Sunday. " + text, gazetteer)
    assert [blocs for names, blocs in routes_of(ex) if names[0] == "Amuda"] == [("sdf",)]


def test_whatever_came_from_a_town_to_another_moved(gazetteer):
    ex = run("On Monday more came from Tabqa to Maskanah along the river road.", gazetteer)
    assert routes_of(ex) == [(("Tabqa", "Maskanah"), ())]


def test_reinforcements_rushed_to_a_town_from_another(gazetteer):
    ex = run("Jabhat al-Nusra rushed reinforcements to Kafr Shams from Jasim on Friday.", gazetteer)
    assert routes_of(ex) == [(("Jasim", "Kafr Shams"), ("hts",))]


def test_a_move_that_ends_by_entering_a_town(gazetteer):
    ex = run("SDF columns pushed south from Tal Hamis, clearing villages before entering al-Hawl.", gazetteer)
    assert [names for names, _ in routes_of(ex)] == [("Tal Hamis", "al-Hol")]
    ex = run("Lorries travelled from Azaz before entering the city along the Castello road.", gazetteer)
    assert routes_of(ex) == []


def test_the_parties_of_an_aside_on_the_start_are_not_the_movers(gazetteer):
    ex = run("Columns moved from Tal Hamis, which the YPG took from ISIS in 2015, and from the countryside south of "
             "Hasakah to al-Hawl.", gazetteer)
    assert [blocs for names, blocs in routes_of(ex) if names[-1] == "al-Hol"] == [()]


@pytest.mark.parametrize("text,blocs", [
    # who watches a column does not move with it
    ("Rebel fighters watched columns of the Tiger Forces move from Suqaylabiyah to Karnaz.", {"syrian-government"}),
    ("Rebel fighters said they saw the Tiger Forces come up from Suqaylabiyah to Karnaz.", {"syrian-government"}),
    ("Rebel fighters moved from Kafr Nabudah to Karnaz on Monday.", {"opposition"}),   # the subject moves
])
def test_who_watches_a_move_is_not_the_mover(gazetteer, text, blocs):
    (route,) = claims(run(text, gazetteer), "route")
    assert set(route.blocs) == blocs


def test_they_are_whom_a_recent_sentence_named_not_a_party_named_after_the_move(gazetteer):
    text = ("Do the Iranian-backed militias cross the river? Every week. They send small groups across in boats "
            "from al-Mayadin towards Dhiban at night, and when the SDF pursue them, the militias shell the villages.")
    (route,) = claims(run(text, gazetteer), "route")
    assert set(route.blocs) == {"iran"}


def test_they_do_not_reach_back_past_two_sentences(gazetteer):
    text = ("The Iranian-backed militias were seen in al-Mayadin. The river was high. Nobody crossed. "
            "They send small groups across in boats from al-Mayadin towards Dhiban at night.")
    assert [set(r.blocs) for r in claims(run(text, gazetteer), "route")] in ([], [set()])


def test_us_in_an_interview_answer_is_not_the_mover(gazetteer):
    text = ("A rebel commander on the Karnaz front\n\nAbu Ahmad, a commander in the opposition factions, spoke to us."
            "\n\nQ: What do you hold?\n\nA: We hold the hills north of the village.\n\nQ: What did you see?\n\n"
            "A: Last Tuesday we watched a column of the Tiger Forces, pick-ups and two tanks, come up from "
            "Suqaylabiyah to Karnaz and take positions facing us.")
    (route,) = claims(run(text, gazetteer), "route")
    assert set(route.blocs) == {"syrian-government"}


@pytest.mark.parametrize("text,blocs", [
    # a party at the end, after ", where": the mover only when no one else is told
    ("A convoy of 75 vehicles left the Bab al-Hawa crossing for Binnish, where Turkish troops have set up a new "
     "position.", {"turkey"}),
    ("The Turkish army brought a new column in on Monday. Some 25 vehicles, including tanks, travelled from Azaz down "
     "to Akhtarin, where the SNA's Third Legion keeps its forward positions.", {"turkey"}),
])
def test_a_party_where_a_move_ends_moves_only_if_no_one_else_does(gazetteer, text, blocs):
    route = [r for r in claims(run(text, gazetteer), "route") if r.place_names[-1] in ("Binnish", "Akhtarin")]
    assert route and set(route[-1].blocs) == blocs


def test_the_movement_is_the_group_named_before(gazetteer):
    text = ("HTS reinforcements arrived in Idlib on Monday. An Ahrar al-Sham commander said the movement's columns "
            "left Bab al-Hawa on Friday and drove south to Ariha.")
    route = [r for r in claims(run(text, gazetteer), "route") if r.place_names[-1] == "Ariha"]
    assert route and set(route[0].blocs) == {"opposition"}


@pytest.mark.parametrize("text", [
    "Around 20 men who refused the settlement boarded two buses in al-Muzayrib and were taken north to al-Bab.",
    "The gunmen who refused to settle their status left Babbila for Jarablus under Russian escort.",
])
def test_those_who_refuse_a_settlement_are_the_opposition(gazetteer, text):
    (route,) = claims(run(text, gazetteer), "route")
    assert "opposition" in route.blocs


@pytest.mark.parametrize("text, route", [
    # a capital that starts a move is a place, not its government
    ("A Syrian army convoy left Damascus for Shahba.", (("Damascus", "Shahba (Suwayda)"), ("syrian-government",))),
    ("Regime forces brought reinforcements from the centre of Damascus to Jobar.",
     (("Damascus", "Jobar"), ("syrian-government",))),
    ("Iranian-backed militias moved in. Their convoys drove from Damascus down through Sweida to Salkhad.",
     (("Damascus", "Salkhad"), ("iran",))),
])
def test_a_capital_a_move_starts_from(gazetteer, text, route):
    assert routes_of(run(text, gazetteer)) == [route]


def test_a_move_from_a_partys_post_on_the_edge_of_a_town_is_the_partys(gazetteer):
    ex = run("A column of eight armoured vehicles left the Turkish observation post on the edge of Morek, drove north "
             "along the M5 highway past Khan Shaykhun and then turned east to al-Tamanah.", gazetteer)
    assert [(r.place_names[0], r.place_names[-1], r.blocs) for r in claims(ex, "route")] \
        == [("Morek", "al-Tamanah", ("turkey",))]


def test_a_move_from_a_post_of_no_named_party_has_no_party(gazetteer):
    ex = run("A column left the observation post on the edge of Morek and drove to al-Tamanah.", gazetteer)
    assert [r.blocs for r in claims(ex, "route")] == [()]


def test_a_party_of_a_clause_after_the_move_does_not_move(gazetteer):
    ex = run("Columns of tanks entered Sweida from al-Mazraa, after the Druze leadership called on local factions "
             "not to resist.", gazetteer)
    assert [r.blocs for r in claims(ex, "route")] == [()]


def test_each_start_of_a_list_of_from_phrases_is_a_leg(gazetteer):
    ex = run("Russian columns drove from the Homs countryside and from the Hama airbase down to Hmeimim.", gazetteer)
    assert len(claims(ex, "route")) == 2


def test_a_start_told_in_one_sentence_and_an_arrival_in_the_next_are_one_move(gazetteer):
    ex = run("SDF columns left Hasakah on the evening of June 27 and drove across the desert, with no water and no "
             "cover. They reached the outskirts of Deir ez-Zor before dawn.", gazetteer)
    assert [(r.place_names[0], r.place_names[-1]) for r in claims(ex, "route")] == [("Hasakah", "Deir ez-Zor")]


def test_an_arrival_with_no_start_told_before_is_no_move(gazetteer):
    ex = run("The talks dragged on for weeks. The army reached the outskirts of Deir ez-Zor before dawn.", gazetteer)
    assert claims(ex, "route") == []


@pytest.mark.parametrize("text,moves", [
    ("The Nusra Front pulled out of Kinsabba towards Kabani.", 1),   # a party's name, not "the front"
    ("The front, from Kinsabba down to Kabani, is held by the factions.", 0),   # an extent, not a move
])
def test_the_front_as_an_extent_is_lower_case(gazetteer, text, moves):
    assert len(claims(run(text, gazetteer), "route")) == moves


@pytest.mark.parametrize("text", [
    "Twelve trucks left Aleppo in the morning, passed through the checkpoints at the Kuweires junction and Deir Hafer, "
    "and reached Maskanah in the afternoon.",
    "Twelve trucks left Aleppo in the morning, passed through the checkpoints at Deir Hafer and reached Maskanah.",
    "The convoy drove from Aleppo via Deir Hafer to Maskanah.",
])
def test_places_passed_on_the_way_are_no_starts(gazetteer, text):
    ex = run(text, gazetteer)
    assert [(r.place_names[0], r.place_names[-1]) for r in claims(ex, "route")] == [("Aleppo", "Maskanah")]
