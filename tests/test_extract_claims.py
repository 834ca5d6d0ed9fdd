"""geo.extract.claims through extract(): control, events, modality, routes, exchanges, evidence."""
from __future__ import annotations

import pytest
import shapely

from _extract_helpers import claims, geom, place, run


def _control(ex):
    return {(c.place_names[0], c.blocs[0]) for c in claims(ex, "control")}


def _events(ex, etype):
    return claims(ex, "event", etype)


# -- control -----------------------------------------------------------------------

@pytest.mark.parametrize("text,name,bloc", [
    ("Fighting broke out near Tal Tamr, which is held by the SDF.", "Tal Tamr", "sdf"),
    ("Russian jets struck areas under Turkish control in Afrin.", "Afrin", "turkey"),
    ("The Turkish-held town of Ras al-Ain came under fire.", "Ras al-Ain", "turkey"),
    ("Rebels seized Saraqib on Tuesday.", "Saraqib", "opposition"),
    ("Jisr al-Shughur has been under HTS control since 2019.", "Jisr al-Shughur", "hts"),
    ("SDF-controlled Tal Tamr was calm.", "Tal Tamr", "sdf"),
    ("Government forces captured Kafr Nabl.", "Kafr Nabl", "syrian-government"),
    ("Government forces shelled opposition-held Kafr Nabl on Monday.", "Kafr Nabl", "opposition"),
    ("HTS-dominated Idlib has seen protests.", "Idlib", "hts"),
    ("Saraqib fell to government forces in February 2020.", "Saraqib", "syrian-government"),
    ("Regime forces regained control of Khan Sheikhoun in August 2019.", "Khan Sheikhoun", "syrian-government"),
    ("The town of Jisr al-Shughur is controlled by HTS.", "Jisr al-Shughur", "hts"),
    ("Tal Abyad remains in the hands of Turkish-backed factions.", "Tal Abyad", "opposition"),
    ("Afrin has been under Turkish control since 2018.", "Afrin", "turkey"),
])
def test_control_claim(gazetteer, text, name, bloc):
    ex = run(text, gazetteer)
    assert (name, bloc) in _control(ex), ex.claims
    assert len(claims(ex, "control")) == 1


def test_control_of_two_places_by_two_blocs(gazetteer):
    ex = run("Kobani and Sarrin have been controlled by the SDF together with government forces.", gazetteer)
    assert _control(ex) == {("Kobani", "sdf"), ("Kobani", "syrian-government"),
                            ("Sarrin", "sdf"), ("Sarrin", "syrian-government")}


def test_control_x_and_the_nearby_y(gazetteer):
    ex = run("Kobani and the nearby Sarrin have been controlled by the SDF together with government forces.",
             gazetteer)
    places = {n for n, _ in _control(ex)}
    blocs = {b for _, b in _control(ex)}
    assert blocs == {"sdf", "syrian-government"}
    assert any("Sarrin" in n for n in places) and "Kobani" in places


@pytest.mark.parametrize("text", [
    "Turkey wants to control the border.",
    "Government forces shelled Kafr Nabl on Monday.",
    "Residents of Manbij held a wedding on Friday.",
    "The weather in Qamishli was cold.",
])
def test_no_control_claim(gazetteer, text):
    assert claims(run(text, gazetteer), "control") == []


def test_agent_is_not_controller(gazetteer):
    ex = run("Russian jets struck areas under Turkish control in Afrin.", gazetteer)
    (strike,) = _events(ex, "strike")
    assert strike.blocs == ("russia",)
    assert strike.place_names == ("Afrin",)
    (ctl,) = claims(ex, "control")
    assert ctl.blocs == ("turkey",)


# -- events --------------------------------------------------------------------------

@pytest.mark.parametrize("text,etype,blocs,name", [
    ("Russian jets bombed Maarat al-Numan on Sunday.", "strike", {"russia"}, "Maarat al-Numan"),
    ("Turkey sent reinforcements to Atarib.", "buildup", {"turkey"}, "Atarib"),
    ("HTS fighters clashed with government forces in Kafr Nabl.", "clash", {"hts", "syrian-government"}, "Kafr Nabl"),
    ("HTS fighters attacked a checkpoint in Kafr Nabl.", "attack", {"hts"}, "Kafr Nabl"),
    ("Government forces captured Saraqib.", "capture", {"syrian-government"}, "Saraqib"),
    ("The SDF handed over Tabqa to government forces.", "handover", {"sdf"}, "Tabqa"),
    ("Russia and Turkey signed an agreement on Idlib.", "agreement", {"russia", "turkey"}, "Idlib"),
    ("Russian and Turkish forces conducted a joint patrol in Darbasiyah.", "patrol", {"russia", "turkey"}, None),
    ("Turkey launched a military operation in Tal Abyad.", "military_action", {"turkey"}, "Tal Abyad"),
    ("Government forces retook Saraqib on Monday.", "capture", {"syrian-government"}, "Saraqib"),
    ("HTS and the National Front for Liberation retook Kafr Nabl.", "capture", {"hts", "opposition"}, "Kafr Nabl"),
    ("HTS launched drones at the Hmeimim airbase.", "strike", {"hts"}, None),
    ("Hezbollah established three new positions in Atarib.", "buildup", {"iran"}, "Atarib"),
    ("The SDF announced a general mobilisation in Manbij.", "buildup", {"sdf"}, "Manbij"),
])
def test_event_types(gazetteer, text, etype, blocs, name):
    ex = run(text, gazetteer)
    found = _events(ex, etype)
    assert len(found) == 1, ex.claims
    (c,) = found
    assert set(c.blocs) == blocs
    if name:
        assert c.place_names == (name,)
    assert c.places[0]
    assert c.details["trigger"] in text


def test_event_at_each_listed_place(gazetteer):
    ex = run("Government forces shelled Kafr Nabl, Maarat al-Numan and Hass.", gazetteer)
    assert sorted(c.place_names[0] for c in _events(ex, "strike")) == ["Hass", "Kafr Nabl", "Maarat al-Numan"]


def test_no_event_without_trigger(gazetteer):
    ex = run("The weather in Qamishli was cold and Turkish officials stayed home.", gazetteer)
    assert ex.claims == ()


def test_no_event_without_place(gazetteer):
    assert run("Russian jets struck targets overnight.", gazetteer).claims == ()


def test_event_without_actor_is_not_claimed(gazetteer):
    assert _events(run("A strike hit Kafr Nabl.", gazetteer), "strike") == []


def test_patrol_inherits_actors(gazetteer):
    ex = run("Russian military police conducted a patrol in Amuda. The patrol later returned to Qamishli.",
             gazetteer)
    patrols = _events(ex, "patrol")
    assert len(patrols) == 2
    assert all(c.blocs == ("russia",) for c in patrols)


def test_the_town_refers_back_to_the_last_town(gazetteer):
    ex = run("Turkish drones struck Tal Tamr. Government forces later shelled the town.", gazetteer)
    by_bloc = {c.blocs: c for c in _events(ex, "strike")}
    assert set(by_bloc) == {("turkey",), ("syrian-government",)}
    assert by_bloc[("syrian-government",)].places == by_bloc[("turkey",)].places


def test_locator_phrase_describes_the_place_only(gazetteer):
    # "Tarnabah, east of Saraqib," only says where Tarnabah is: no event at Saraqib
    ex = run("Government forces shelled Tarnabah, east of Saraqib, on Monday.", gazetteer)
    assert [c.place_names for c in _events(ex, "strike")] == [("Tarnabah",)]


def test_inheritance_is_per_event_type(gazetteer):
    ex = run("Russian military police conducted a patrol in Amuda. Shelling hit Qamishli.", gazetteer)
    assert _events(ex, "strike") == []


def test_clash_between_two_actors(gazetteer):
    ex = run("Clashes erupted between the SDF and Turkish-backed factions in Ain Issa.", gazetteer)
    (c,) = _events(ex, "clash")
    assert set(c.blocs) == {"sdf", "opposition"}


def test_joint_russian_turkish_patrol_event(gazetteer):
    ex = run("A joint Russian-Turkish patrol set off from Darbasiyah and ended in Amuda.", gazetteer)
    patrols = _events(ex, "patrol")
    assert patrols and all(set(c.blocs) == {"russia", "turkey"} for c in patrols)


# -- modality ------------------------------------------------------------------------

@pytest.mark.parametrize("text,etype,modality", [
    ("Russian jets struck Tafas.", "strike", "reported"),
    ("The SDF said Turkish drones struck Kobani.", "strike", "claimed"),
    ("Turkish drones struck Kobani, according to local sources.", "strike", "claimed"),
    ("Turkish forces may launch an offensive on Tal Rifaat.", "military_action", "possible"),
    ("Turkey does not rule out an operation in Manbij.", "military_action", "possible"),
    ("Turkey expects to deploy troops in Tal Abyad.", "buildup", "possible"),
    ("Russia proposed a ceasefire in Idlib.", "agreement", "possible"),
    ("Government forces seized Kafr Nabl in May.", "capture", "reported"),
    ("Government forces may seize Kafr Nabl.", "capture", "possible"),
    ("The Fourth Division threatened to storm Tafas.", "military_action", "possible"),
])
def test_modality(gazetteer, text, etype, modality):
    (c,) = _events(run(text, gazetteer), etype)
    assert c.modality.value == modality


def test_attribution_names_the_speaker(gazetteer):
    (c,) = _events(run("The SDF said Turkish drones struck Kobani.", gazetteer), "strike")
    assert c.blocs == ("turkey",)          # the speaker is not the agent
    assert "SDF" in c.attribution


# -- routes ----------------------------------------------------------------------------

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


# -- exchanges -------------------------------------------------------------------------

def test_swap_headline(gazetteer):
    ex = run("Swap: Tal Rifaat for Jisr al-Shughur", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Tal Rifaat", "Jisr al-Shughur")
    assert x.modality.value == "possible"
    assert geom(x).geom_type == "LineString"


def test_exchange_without_exchange_cue_is_none(gazetteer):
    assert claims(run("Russia handed over Tal Rifaat to Turkey.", gazetteer), "exchange") == []


@pytest.mark.parametrize("receiver", ["the Turkish army", "Turkey"])
def test_exchange_with_places_and_parties(gazetteer, receiver):
    ex = run(f"Russia may hand over Tal Rifaat to {receiver} in exchange for Saraqib.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Tal Rifaat", "Saraqib")
    assert x.details["a_from"] == ("russia",)
    assert x.details["a_to"] == ("turkey",)
    assert x.details["b_to"] == ("russia",)
    assert x.modality.value == "possible"


# -- evidence ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Turkish drones struck Kobani.\nIn another development, Rebels seized Saraqib. The SDF holds Tal Tamr.",
    "Gen. Ahmed said Russian jets bombed Ariha. The U.S. envoy visited Qamishli, which is held by the SDF.",
])
def test_evidence_spans_point_into_text(gazetteer, text):
    ex = run(text, gazetteer)
    assert ex.claims
    for c in ex.claims:
        s, e = c.span
        assert text[s:e] == c.evidence
        for a, b in c.details["location_spans"]:
            assert s <= a <= b <= e


# -- clause structure, datelines and second legs ----------------------------------------------

def test_relative_clause_does_not_steal_the_controlled_place(gazetteer):
    ex = run("Tal Tamr, which lies on the M4 highway, has been controlled by the SDF since 2015.", gazetteer)
    assert {c.place_names[0] for c in claims(ex, "control")} == {"Tal Tamr"}


def test_dateline_place_is_not_where_things_happen(gazetteer):
    ex = run("Clashes in the south\n\nHAMA, Syria – Russia has offered Turkey a new deal on Tuesday.", gazetteer)
    assert not [c for c in ex.claims if "Hama" in " ".join(c.place_names)]
    assert any("HAMA" in p.surfaces for p in ex.places)


def test_noun_proposal_does_not_make_a_reported_strike_possible(gazetteer):
    ex = run("The proposal came after Turkish artillery shelled the outskirts of Ain Issa.", gazetteer)
    (strike,) = claims(ex, "event", "strike")
    assert strike.modality.value == "reported"


def test_verb_cue_still_makes_the_clause_possible(gazetteer):
    ex = run("Turkey may shell the outskirts of Ain Issa, a commander said.", gazetteer)
    assert {c.modality.value for c in claims(ex, "event", "strike")} == {"possible"}


def test_reinforcements_from_a_city_are_not_located_there(gazetteer):
    ex = run("Government troops shelled Tafas, while reinforcements arrived from Damascus.", gazetteer)
    assert all("Damascus" not in c.place_names for c in claims(ex, "event", "buildup"))


def test_second_leg_receiver_is_read_when_stated(gazetteer):
    ex = run("The SNA would hand Tal Abyad to government forces in return for the SDF handing "
             "Ain Issa to the regime, a source said.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.details["a_to"] == ("syrian-government",)
    assert x.details["b_from"] == ("sdf",)
    assert x.details["b_to"] == ("syrian-government",)


def test_its_fighters_make_the_speaker_an_agent(gazetteer):
    ex = run("The SDF said its fighters clashed with ISIS cells near Shaddadi.", gazetteer)
    assert any({"sdf", "isis"} <= set(c.blocs) for c in claims(ex, "event", "clash"))


def test_containing_province_is_not_a_second_event_place(gazetteer):
    ex = run("US forces carried out a raid near Shaddadi in Hasakah province.", gazetteer)
    assert [c.place_names for c in claims(ex, "event", "strike")] == [("near Shaddadi",)]


def test_offer_makes_the_first_party_the_giver(gazetteer):
    ex = run("Moscow offers Ankara Tal Rifaat in return for Saraqib.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.details["a_from"] == ("russia",) and x.details["a_to"] == ("turkey",)


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


def test_where_a_strike_comes_from_is_not_where_it_lands(gazetteer):
    ex = run("Turkish-backed factions shelled Arima from their positions in al-Bab.", gazetteer)
    assert {c.place_names[0] for c in claims(ex, "event", "strike")} == {"Arima"}


def test_exchange_with_both_legs_before_a_trailing_cue(gazetteer):
    ex = run("The SDF handed over Arima to government forces in a deal that gave the SDF the Tishreen Dam "
             "in exchange.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Arima", "Tishreen Dam")
    assert x.details["a_from"] == ("sdf",) and x.details["a_to"] == ("syrian-government",)
    assert x.details["b_to"] == ("sdf",) and x.details["status"] == "done"


@pytest.mark.parametrize("text,name,bloc", [
    ("Russian forces are stationed at the Qamishli airport.", "Qamishli airport", "russia"),
    ("Regime forces stationed in the village of Kansafra shelled Kafr Nabl.", "Kansafra", "syrian-government"),
    ("Turkish drones attacked SDF positions near Tal Tamr.", "Tal Tamr", "sdf"),
    ("The coalition moved equipment from its base in al-Shaddadi.", "al-Shaddadi", "us-coalition"),
    ("The Turkish observation post in Morek came under fire.", "Morek", "turkey"),
])
def test_presence_is_control_with_its_cue(gazetteer, text, name, bloc):
    found = [c for c in claims(run(text, gazetteer), "control") if c.place_names == (name,)]
    assert [(c.blocs, c.details["cue"]) for c in found] == [((bloc,), "presence")]


@pytest.mark.parametrize("text", [
    "Airstrikes hit positions near Kansafra.",
    "Russia deployed reinforcements to Saraqib.",
])
def test_presence_needs_an_owner_and_a_place_it_is_at(gazetteer, text):
    assert claims(run(text, gazetteer), "control") == []


def test_each_coordinated_action_keeps_its_own_actor(gazetteer):
    ex = run("After the Russian-Turkish summit, we can talk about Russian military action on Kafr Nabl "
             "or Turkish military action in Azaz.", gazetteer)
    found = {c.place_names[0]: c.blocs for c in claims(ex, "event", "military_action")}
    assert found == {"Kafr Nabl": ("russia",), "Azaz": ("turkey",)}


def test_he_said_is_attributed_to_the_last_named_speaker(gazetteer):
    ex = run("Mustafa Bakour, a commander, said Russian jets struck Ariha.\n\n"
             "He added that Turkish forces may shell Tal Rifaat.", gazetteer)
    (strike,) = [c for c in claims(ex, "event") if c.place_names == ("Tal Rifaat",)]
    assert "Bakour" in strike.attribution


def test_two_words_for_one_event_make_one_claim(gazetteer):
    ex = run("Russian warplanes carried out air strikes and bombed Ariha.", gazetteer)
    assert len([c for c in claims(ex, "event", "strike") if c.place_names == ("Ariha",)]) == 1


def test_swap_a_for_b_in_running_text(gazetteer):
    ex = run("Russia and Turkey agreed to swap Tal Rifaat for Saraqib, sources said.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Tal Rifaat", "Saraqib")


def test_a_movement_without_named_actors_is_still_a_route(gazetteer):
    (route,) = claims(run("The joint patrol started in Darbasiyah and ended in Amuda.", gazetteer), "route")
    assert route.place_names[-1].endswith("Amuda") or "mūdā" in route.place_names[-1]


def test_a_road_from_x_to_y_is_not_a_route(gazetteer):
    assert not claims(run("The road from Saraqib to Ariha is in poor shape.", gazetteer), "route")


def test_where_a_statement_was_made_is_not_where_the_event_is(gazetteer):
    ex = run("The United States warned Turkey against launching a military operation in northeast Syria, "
             "a spokesperson said in Washington.", gazetteer)
    (op,) = claims(ex, "event", "military_action")
    assert op.place_names == ("northeast Syria",) and op.blocs == ("turkey",)


def test_coordinated_unknown_villages_share_their_locator(gazetteer):
    ex = run("Turkish artillery shelled the villages of Tal Jihan and Dardara near Tal Tamr.", gazetteer)
    assert {c.place_names[0] for c in claims(ex, "event", "strike")} == {"Tal Jihan", "Dardara"}


def test_a_demanded_withdrawal_is_not_reported_as_done(gazetteer):
    ex = run("The tribes demanded the withdrawal of Iranian-backed militias from Mayadin.", gazetteer)
    assert {c.modality.value for c in claims(ex, "event", "handover")} == {"possible"}


def test_two_event_words_in_a_row_share_the_place_after_them(gazetteer):
    ex = run("HTS fighters repelled an attack near Kabani on Friday.", gazetteer)
    (clash,) = claims(ex, "event", "clash")
    assert clash.place_names == ("near Kabani",)


@pytest.mark.parametrize("text", [
    "Turkish forces violated the Sochi agreement by shelling Ain Issa.",
    "Under the agreement, Russian military police deployed in Tafas.",
    "The factions accused Damascus of a breach of the ceasefire in Kafr Nabl.",
])
def test_an_agreement_referred_to_is_not_an_agreement_event(gazetteer, text):
    assert _events(run(text, gazetteer), "agreement") == []


def test_backers_set_off_by_commas_do_not_hide_who_seized(gazetteer):
    ex = run("Government forces, backed by Russian jets, seized Kafr Nabl and the nearby town of Saraqib.", gazetteer)
    assert _control(ex) == {("Kafr Nabl", "syrian-government"), ("Saraqib", "syrian-government")}


def test_since_the_agreement_is_a_reference(gazetteer):
    ex = run("Government forces seized Kafr Nabl in the first advance since the Sochi agreement.", gazetteer)
    assert _events(ex, "agreement") == []


def test_claim_ids_are_unique_and_unknown_places_keep_their_own(gazetteer):
    ex = run("Turkish artillery shelled the villages of Tal Jihan and Dardara near Tal Tamr. "
             "Turkish artillery shelled the villages of Tal Jihan and Dardara near Tal Tamr again.", gazetteer)
    ids = [c.details["id"] for c in ex.claims]
    assert len(ids) == len(set(ids))
    assert {c.place_names[0] for c in claims(ex, "event", "strike")} == {"Tal Jihan", "Dardara"}


def test_near_places_a_far_homonym_village_by_its_anchor(gazetteer):
    ex = run("Turkish artillery shelled Dardara near Tal Tamr.", gazetteer)
    (c,) = _events(ex, "strike")
    tal_tamr = place(gazetteer, "Tal Tamr")
    point = geom(c).representative_point()
    assert point.distance(shapely.Point(tal_tamr.lon, tal_tamr.lat)) < 0.25


def test_a_town_near_a_city_keeps_its_own_place(gazetteer):
    (c,) = _events(run("Turkish drones struck a car in Tal Tamr near Hasakah.", gazetteer), "strike")
    assert c.place_names == ("Tal Tamr",) and c.geo_precision == 1


def test_a_comma_with_clause_is_not_a_second_controller(gazetteer):
    ex = run("Tal Tamr and its villages on the Khabur River are held by the SDF, with government forces "
             "deployed on the front lines.", gazetteer)
    assert _control(ex) == {("Tal Tamr", "sdf")}


def test_outside_x_control_is_not_x_control(gazetteer):
    ex = run("The only pocket left outside government control is the city of Douma.", gazetteer)
    assert ("Douma", "syrian-government") not in _control(ex)


def test_firing_position_is_not_where_the_shells_land(gazetteer):
    ex = run("Heavy shelling by government forces, positioned in the town of Kafr Nabl, hit the villages of "
             "Jabal al-Zawiya.", gazetteer)
    (c,) = _events(ex, "strike")
    assert c.blocs == ("syrian-government",) and "Kafr Nabl" not in c.place_names


def test_a_while_clause_has_its_own_agent(gazetteer):
    ex = run("The SDF repelled the attack, while Turkish artillery deployed near Tal Abyad shelled Ain Issa.", gazetteer)
    (c,) = _events(ex, "strike")
    assert c.blocs == ("turkey",) and c.place_names == ("Ain Issa",)


def test_he_said_after_a_sentence_without_claims(gazetteer):
    ex = run("Bakour said the region is used to escalation. He believed that Russia may launch military action "
             "on Zawiya Mountain.", gazetteer)
    (c,) = _events(ex, "military_action")
    assert c.attribution == "Bakour"


@pytest.mark.parametrize("text,name,bloc", [
    ("Drones were launched at the Russian Hmeimim airbase.", "Hmeimim airbase", "russia"),
    ("Iranian militias shelled the US base at al-Tanf.", "al-Tanf", "us-coalition"),
    ("Helicopters took off from the al-Omar oil field, the largest coalition base in Syria.",
     "al-Omar oil field", "us-coalition"),
])
def test_a_base_is_held_by_its_owner(gazetteer, text, name, bloc):
    assert (name, bloc) in _control(run(text, gazetteer))


def test_a_base_in_a_town_is_a_presence_there(gazetteer):
    ex = run("A convoy headed from al-Malikiyah to the coalition base in Rmelan.", gazetteer)
    assert _control(ex) == {("Rmelan", "us-coalition")}


def test_left_x_for_y_is_a_route(gazetteer):
    ex = run("A convoy of buses carrying fighters left Douma for Jarabulus, escorted by Russian military police.",
             gazetteer)
    (r,) = claims(ex, "route")
    assert r.place_names == ("Douma", "Jarabulus")


@pytest.mark.parametrize("text,b_to", [
    ("Ankara offered to pull the factions out of Suluk, which would be handed over to government forces, in "
     "exchange for the SDF handing Ain Issa over to the Russians.", ("russia",)),
    ("Turkish troops would withdraw from Morek and hand it over to government forces, in return for the "
     "government forces' withdrawal from Kafr Nabudah, which would be returned to the opposition factions.",
     ("opposition",)),
])
def test_who_receives_the_second_leg(gazetteer, text, b_to):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.details["b_to"] == b_to and x.details["a_to"] == ("syrian-government",)


def test_a_town_in_the_countryside_of_a_far_city_keeps_its_place(gazetteer):
    ex = run("Fighters arrived in Jarabulus, in the northern countryside of Aleppo.", gazetteer)
    assert ("Jarabulus", 1) in {(p.name, p.geo_precision) for p in ex.places}


def test_clashes_between_after_a_time_phrase(gazetteer):
    ex = run("Clashes erupted on Sunday night between the SDF and Turkish-backed factions near Ain Issa.", gazetteer)
    (c,) = _events(ex, "clash")
    assert set(c.blocs) == {"sdf", "opposition"}


def test_control_of_it_is_the_place_named_before(gazetteer):
    ex = run("HTS retook Kafr Nabudah, before government forces regained control of it in June.", gazetteer)
    assert ("Kafr Nabudah", "syrian-government") in _control(ex)
    assert {c.blocs for c in _events(ex, "capture")} == {("hts",), ("syrian-government",)}


def test_the_city_is_the_place_just_named(gazetteer):
    ex = run("RAQQA, Syria – Calm returned to Raqqa on Monday. In Ras al-Ain, factions clashed with the "
             "Turkish-backed police over a checkpoint near the city's grain silos.", gazetteer)
    (c,) = _events(ex, "clash")
    assert c.places == (place(gazetteer, "Ras al-Ain").id,)


def test_a_capital_as_a_route_end_is_a_place(gazetteer):
    ex = run("Government forces sent reinforcements from Damascus to the city of Sweida on Thursday.", gazetteer)
    (r,) = claims(ex, "route")
    assert r.place_names[0] == "Damascus"


def test_the_from_nearest_its_to_makes_the_route(gazetteer):
    ex = run("A coalition convoy entered from the al-Tanf crossing on Sunday and headed from al-Malikiyah to "
             "Rmelan.", gazetteer)
    (r,) = claims(ex, "route")
    assert r.place_names == ("al-Malikiyah", "Rmelan")


def test_positions_left_behind_are_not_held(gazetteer):
    ex = run("Iranian-backed militias withdrew from their positions around Saraqib on Monday.", gazetteer)
    assert claims(ex, "control") == []


def test_a_passive_recapture_is_control_and_a_capture(gazetteer):
    ex = run("Aleppo was recaptured by government forces in December 2016.", gazetteer)
    assert _control(ex) == {("Aleppo", "syrian-government")}
    assert [c.blocs for c in _events(ex, "capture")] == [("syrian-government",)]


@pytest.mark.parametrize("text,etype", [
    ("HTS fighters fired several rockets at regime positions in Kafr Nabl.", "strike"),
    ("Gunmen of the Hamza Division opened fire on civilians in Jindires.", "attack"),
    ("Damascus may resort to a military solution in Jabal al-Zawiya, Russian officials said.", "military_action"),
])
def test_more_event_phrasings(gazetteer, text, etype):
    assert len(_events(run(text, gazetteer), etype)) == 1


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


def test_in_return_for_something_else_is_no_exchange(gazetteer):
    ex = run("ISIS fighters were moved from Qara to Albu Kamal, in return for information about missing soldiers.",
             gazetteer)
    assert claims(ex, "exchange") == []


@pytest.mark.parametrize("text,legs,sides", [
    ("Russian officers proposed that the factions withdraw from Jabal al-Zawiya to the north of the M4 highway, "
     "in exchange for the regime forces pulling back from Kafr Nabl.", ("Jabal al-Zawiya", "Kafr Nabl"),
     (("opposition",), ("syrian-government",), ("syrian-government",), ("opposition",))),
    ("Turkey would allow government forces to take over the city of Jisr al-Shughur, west of Idlib, in return for "
     "the SNA factions entering Tal Rifaat.", ("Jisr al-Shughur", "Tal Rifaat"),
     (("turkey",), ("syrian-government",), (), ("opposition",))),
])
def test_exchange_sides_from_giving_up_and_taking_verbs(gazetteer, text, legs, sides):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names == legs
    assert tuple(x.details[k] for k in ("a_from", "a_to", "b_from", "b_to")) == sides


def test_the_village_is_not_an_american_town(gazetteer):
    ex = run("Regime forces shelled the village of Kabana. The village has been in the hands of HTS since 2016.",
             gazetteer)
    assert ("Kabani", "hts") in _control(ex)


def test_a_siege_is_a_military_action_unless_it_ended(gazetteer):
    ex = run("Government forces tightened their siege on the town of Tafas on Saturday.", gazetteer)
    assert [c.blocs for c in _events(ex, "military_action")] == [("syrian-government",)]
    ex = run("Government forces entered Daraa after a Russian-brokered settlement that ended a two-month siege.",
             gazetteer)
    assert _events(ex, "military_action") == []


@pytest.mark.parametrize("text,expected", [
    ("The SDF handed over Arima and Tal Rifaat to the Syrian government forces on Monday.",
     {("Arima", "syrian-government"), ("Tal Rifaat", "syrian-government")}),
    ("The SDF, which controls most of Tal Tamr, rejected the offer.", {("Tal Tamr", "sdf")}),
    ("Fighters of Hayat Tahrir al-Sham (HTS) seized the town of Afrin on Wednesday.", {("Afrin", "hts")}),
    ("Turkish forces set up a new observation point in the village of Atarib.", {("Atarib", "turkey")}),
    ("The US-led coalition keeps a handful of border posts around the town of al-Yarubiyah.",
     {("al-Yarubiyah", "us-coalition")}),
])
def test_more_control_phrasings(gazetteer, text, expected):
    assert _control(run(text, gazetteer)) == expected


def test_a_proposed_handover_gives_nobody_control(gazetteer):
    ex = run("Ankara proposed that the factions hand over Saraqib to the government.", gazetteer)
    assert _control(ex) == set()


def test_a_negated_event_is_not_an_event(gazetteer):
    ex = run("The SDF said it would not withdraw from Manbij. No clashes were reported in Tal Tamr.", gazetteer)
    assert [c for c in ex.claims if c.kind.value == "event"] == []


def test_a_comma_before_a_new_clause_ends_the_actor_list(gazetteer):
    ex = run("After the SDF handed Ain Issa over to the Russians, Turkey shelled Tal Tamr.", gazetteer)
    assert ("Ain Issa", "turkey") not in _control(ex) and ("Ain Issa", "russia") in _control(ex)


def test_a_village_known_by_one_word_of_its_name_is_not_a_namesake(gazetteer):
    ex = run("Turkish artillery shelled the village of Zor Maghar, west of Jarabulus.", gazetteer)
    (c,) = _events(ex, "strike")
    assert c.place_names == ("Zor Maghar",) and c.geo_precision == 2


def test_unknown_villages_in_a_list_lie_with_the_known_one(gazetteer):
    ex = run("Turkish drone strikes hit the villages of Zor Maghar and Boban, 10 km west of Kobani, which are "
             "held by the Kobani Military Council.", gazetteer)
    assert {n for n, _ in _control(ex)} == {"Zor Maghar", "Buban"}
    assert {c.place_names[0] for c in _events(ex, "strike")} == {"Zor Maghar", "Buban"}


def test_every_name_of_a_list_of_villages_is_a_place(gazetteer):
    ex = run("Government forces entered the villages of Muhsinli, Baghdin and Dadat near Manbij.", gazetteer)
    assert {"Baghdin", "Dadat"} <= {p.name for p in ex.places}


@pytest.mark.parametrize("text", [
    "Turkey sent armored vehicles and troops to Atarib on Friday.",
    "The factions had moved heavy weapons to the outskirts of Jarabulus.",
])
def test_reinforcements_by_other_words(gazetteer, text):
    assert len(_events(run(text, gazetteer), "buildup")) == 1


def test_soldiers_are_the_force_named_just_before(gazetteer):
    ex = run("Syrian government forces arrived in Manbij on Monday. Around 200 soldiers entered the village of "
             "Muhsinli.", gazetteer)
    assert ("Muhsinli", "syrian-government") in _control(ex)


@pytest.mark.parametrize("text,expected", [
    ("Iranian-backed militias shelled Mayadin and Albu Kamal on Monday. Both towns have been held by "
     "the militias since 2017.", {("al-Mayadin", "iran"), ("Albu Kamal", "iran")}),
    ("Government forces shelled the villages of Kafr Nabl and Kansafra. The two villages are held by HTS.",
     {("Kafr Nabl", "hts"), ("Kansafra", "hts")}),
])
def test_both_towns_are_the_last_two_named(gazetteer, text, expected):
    assert _control(run(text, gazetteer)) == expected


def test_the_two_towns_need_two_towns_named_before(gazetteer):
    assert _control(run("Russian jets struck Saraqib. The two towns are held by HTS.", gazetteer)) == set()


def test_an_exchange_told_over_two_sentences(gazetteer):
    ex = run("Russian officers proposed that the SNA factions withdraw from Kafr Nabl and hand it over to government "
             "forces. In return, Russia would let the SNA enter the village of Tal Rifaat.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Kafr Nabl", "Tal Rifaat") and x.modality.value == "possible"
    assert (x.details["a_from"], x.details["a_to"], x.details["b_to"]) == (
        ("opposition",), ("syrian-government",), ("opposition",))


def test_in_return_opening_a_sentence_without_a_place_before_is_no_exchange(gazetteer):
    ex = run("Russian jets struck the area. In return, Turkey sent reinforcements to Atarib.", gazetteer)
    assert claims(ex, "exchange") == []


def test_in_the_countryside_of_y_places_the_list_before_it(gazetteer):
    ex = run("Turkish forces bombed the villages of Tal Jihan and Umm al-Kaif in the countryside of Tal Tamr.",
             gazetteer)
    assert {c.place_names[0] for c in _events(ex, "strike")} == {"Tal Jihan", "Umm al-Kayf"}


def test_a_noun_between_the_actor_and_deployed(gazetteer):
    ex = run("Activists said HTS security personnel were still deployed in Afrin on Saturday.", gazetteer)
    assert _control(ex) == {("Afrin", "hts")}


def test_soldiers_are_the_subject_force_not_the_partner_named_last(gazetteer):
    ex = run("Units of the Syrian government forces deployed near Manbij under an arrangement with the Manbij "
             "Military Council. Around 200 soldiers entered the village of Muhsinli.", gazetteer)
    assert [c.blocs for c in _events(ex, "capture")] == [("syrian-government",)]


@pytest.mark.parametrize("text", [
    "The Manbij Military Council handed over several of its posts in Muhsinli on Saturday.",
    "The SDF vacated its positions in Tal Tamr on Monday.",
    "Turkish forces dismantled their observation post in Morek last week.",
])
def test_posts_given_up_are_not_held(gazetteer, text):
    ex = run(text, gazetteer)
    assert [c for c in claims(ex, "control") if c.details.get("cue") == "presence"] == []


def test_posts_handed_over_go_to_the_receiver(gazetteer):
    ex = run("The Manbij Military Council handed over several of its posts in Muhsinli to government forces.",
             gazetteer)
    assert _control(ex) == {("Muhsinli", "syrian-government")}


def test_an_offensive_against_a_group_is_not_by_it(gazetteer):
    ex = run("Government forces kept up their offensive against Islamic State militants in Yarmouk camp.", gazetteer)
    assert [c.blocs for c in _events(ex, "military_action")] == [("syrian-government",)]


def test_clashes_against_a_group_have_it_as_a_side(gazetteer):
    ex = run("Turkish-backed factions fought clashes against the SDF near Ain Issa.", gazetteer)
    assert [set(c.blocs) for c in _events(ex, "clash")] == [{"opposition", "sdf"}]


@pytest.mark.parametrize("text,blocs", [
    ("Buses left al-Rastan and Talbiseh on Monday under a surrender agreement negotiated with Russian officers.",
     {"russia"}),
    ("Fighters left Talbiseh under a deal brokered by Russia.", {"russia"}),
])
def test_a_deal_under_which_people_leave_is_an_agreement(gazetteer, text, blocs):
    found = _events(run(text, gazetteer), "agreement")
    assert found and all(set(c.blocs) == blocs for c in found)


def test_under_the_named_agreement_is_no_new_agreement(gazetteer):
    assert _events(run("Turkish troops patrolled the M4 near Ariha under the Sochi agreement.", gazetteer),
                   "agreement") == []


def test_an_event_told_after_two_places_is_at_both(gazetteer):
    ex = run("Buses left the towns of al-Rastan and Talbiseh on Monday under a surrender agreement negotiated "
             "with Russian officers.", gazetteer)
    assert {c.place_names[0] for c in _events(ex, "agreement")} == {"al-Rastan", "Talbiseh"}


@pytest.mark.parametrize("text", [
    "Under the deal, HTS is to pull its fighters out of Afrin.",
    "HTS pulled the last of its militants out of Afrin on Sunday.",
])
def test_pulling_fighters_out_is_a_withdrawal(gazetteer, text):
    assert [c.blocs for c in _events(run(text, gazetteer), "handover")] == [("hts",)]


def test_the_two_districts_are_the_two_named_before(gazetteer):
    ex = run("Government forces besieged Yarmouk camp and the adjacent district of al-Hajar al-Aswad. Syrian and "
             "Russian warplanes carried out dozens of air strikes on the two districts on Monday.", gazetteer)
    hit = {(c.place_names[0], frozenset(c.blocs)) for c in _events(ex, "strike")}
    assert hit == {("Yarmouk Camp", frozenset({"syrian-government", "russia"})),
                   ("al-Hajar al-Aswad", frozenset({"syrian-government", "russia"}))}


def _sides(x):
    return x.details["a_to"], x.details["b_to"]


def test_an_exchange_done_over_two_sentences_is_done(gazetteer):
    ex = run("Under the agreement, the NDF withdrew from Tal Hamis and handed its positions to the Asayish. In "
             "return, the Asayish handed two checkpoints near Hasakah back to government forces.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Tal Hamis", "near Hasakah") and x.details["status"] == "done"
    assert x.modality.value == "reported" and _sides(x) == (("sdf",), ("syrian-government",))


def test_a_conditional_swap(gazetteer):
    ex = run("Damascus would get the town of al-Atarib, in the western countryside of Aleppo, if Ankara got Tal "
             "Rifaat and Menagh.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Atarib", "Tal Rifaat")
    assert _sides(x) == (("syrian-government",), ("turkey",)) and x.modality.value == "possible"


@pytest.mark.parametrize("text", [
    "Damascus would retaliate if Ankara got Tal Rifaat.",                     # one place: no swap
    "Government forces would get reinforcements if Turkey attacked Saraqib.",
])
def test_a_condition_alone_is_no_swap(gazetteer, text):
    assert claims(run(text, gazetteer), "exchange") == []


def test_a_swap_named_by_its_places_takes_its_sides_from_the_sentence_before(gazetteer):
    ex = run("Under the idea, the opposition would withdraw from Kabani and leave it to government forces, while "
             "Turkmen fighters would be allowed back into Rabia. \"Kabani for Rabia - this is what the Turks want,\" "
             "the commander said.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Kabani", "Rabia") and x.modality.value == "possible"
    assert _sides(x) == (("syrian-government",), ("opposition",))


@pytest.mark.parametrize("text", [
    "Thousands of families left Douma for Jarabulus in 2018.",            # a route, not a swap
    "Residents of Saraqib for years relied on Idlib for bread.",
])
def test_a_for_b_that_is_not_a_swap(gazetteer, text):
    assert claims(run(text, gazetteer), "exchange") == []


def test_letting_a_force_into_an_area_such_as_a_town(gazetteer):
    ex = run("Moscow would accept a Turkish takeover of Ain Issa in return for Ankara letting government forces "
             "into the areas south of the M4 in Idlib, such as the town of Ihsim.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Ain Issa", "Ihsim")
    assert _sides(x) == (("turkey",), ("syrian-government",))


def test_a_proposal_told_by_a_source_is_possible(gazetteer):
    ex = run("A commander said Turkey offered Russia Tal Rifaat in exchange for Saraqib.", gazetteer)
    assert [x.modality.value for x in claims(ex, "exchange")] == ["possible"]


def test_a_deal_trading_a_for_b_takes_its_sides_from_the_next_sentence(gazetteer):
    ex = run("Reports spoke of a possible deal trading Jisr al-Shughur and the M4 west of it for Kobani. Under "
             "the scenario, government forces would enter Jisr al-Shughur, while Turkey would take Kobani.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Jisr al-Shughur", "Kobani") and x.modality.value == "possible"
    assert _sides(x) == (("syrian-government",), ("turkey",))
    assert set(x.blocs) == {"syrian-government", "turkey"}


def test_a_swap_whose_sides_are_never_told_keeps_them_empty(gazetteer):
    ex = run("Reports spoke of a possible deal trading Jisr al-Shughur for Kobani. Russian jets struck Ariha.",
             gazetteer)
    (x,) = claims(ex, "exchange")
    assert _sides(x) == ((), ())


def test_people_evacuated_to_a_city_do_not_make_it_a_leg(gazetteer):
    ex = run("Civilians in Fuaa and Kafriya are evacuated to Aleppo in return for the departure of rebels from "
             "Madaya.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names[0] in ("al-Fuah", "Kafriya", "Fuaa") and x.place_names[1] == "Medaya"


def test_places_shared_out_between_two_parties(gazetteer):
    ex = run("Officers reached an understanding under which Albu Kamal and the rest of the western bank would go "
             "to the regime and its allies, and Hajin to the SDF.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Albu Kamal", "Hajin")
    assert _sides(x) == (("syrian-government",), ("sdf",))


def test_in_return_before_the_verb(gazetteer):
    ex = run("Russia proposed that the factions withdraw from the Alouk water station, which would then be placed "
             "under the protection of Russian military police, while Turkey would in return receive villages on "
             "the northern outskirts of Tal Tamr.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names[0] == "Alouk water station" and "Tal Tamr" in x.place_names[1]
    assert _sides(x) == (("russia",), ("turkey",))


@pytest.mark.parametrize("text,held", [
    ("The SDF announced that they had taken full control of Tabqa and the adjacent Tabqa dam.",
     {("Tabqa", "sdf"), ("Tabqa Dam", "sdf")}),
    ("Government forces took over Maarat al-Numan on Tuesday.", {("Maarat al-Numan", "syrian-government")}),
    ("Their next objective is al-Mansoura, 18 kilometers to the east on the road to Raqqa, which remains in IS hands.",
     {("al-Mansoura", "isis")}),
    ("Troops pushed toward Maskanah, the last IS-held town in Aleppo province.", {("Maskanah", "isis")}),
    ("Idlib, which remains in HTS hands, was shelled.", {("Idlib", "hts")}),
])
def test_more_ways_to_say_who_holds_a_place(gazetteer, text, held):
    assert _control(run(text, gazetteer)) == held


@pytest.mark.parametrize("text", [
    "Idlib and Aleppo, which lie north of Hama, were quiet.",                 # no party: nothing held
    "Residents in government hands were questioned in Hama.",                # not "in X hands" of a place
])
def test_no_holder_no_control(gazetteer, text):
    assert _control(run(text, gazetteer)) == set()


def test_a_clash_with_a_patrol_is_where_the_patrol_is(gazetteer):
    ex = run("Local gunmen clashed for several hours with a Military Security patrol in Kafr Shams.", gazetteer)
    assert [(c.place_names[0], c.blocs) for c in _events(ex, "clash")] == [("Kafr Shams", ("syrian-government",))]


def test_an_event_word_after_a_clause_break_does_not_lend_its_place(gazetteer):
    ex = run("Government forces clashed with rebels; a Turkish patrol later toured Kafr Shams.", gazetteer)
    assert _events(ex, "clash") == []


def test_a_truce_takes_the_parties_of_its_sentence(gazetteer):
    ex = run("Government forces clashed with gunmen in Kafr Shams. The fighting ended at dawn with a truce brokered "
             "by the town's notables, under which the patrol pulled back.", gazetteer)
    assert [c.blocs for c in _events(ex, "agreement")] == [("syrian-government",)]


@pytest.mark.parametrize("text", [
    "Insurgents fired rockets at the government-held, mostly Christian towns of Mhardeh and as-Suqaylabiyah.",
    "Insurgents fired rockets at the government-held towns of Mhardeh and as-Suqaylabiyah.",
])
def test_held_towns_with_words_between(gazetteer, text):
    ex = run(text, gazetteer)
    assert _control(ex) == {("Muhradah", "syrian-government"), ("Suqaylabiyah", "syrian-government")}
    assert {c.blocs for c in _events(ex, "strike")} == {("opposition",)}


@pytest.mark.parametrize("text,where", [
    ("Police deployed in Saraqeb after government forces regained it from the rebels.", "Saraqib"),
    ("Regime forces regained full control of the town of Albu Kamal on Sunday.", "Albu Kamal"),
])
def test_regained_is_a_capture(gazetteer, text, where):
    assert [c.place_names[0] for c in _events(run(text, gazetteer), "capture")] == [where]


def test_a_town_in_a_province_is_placed_by_it_not_an_event_there(gazetteer):
    ex = run("Russian military police deployed on Monday in Saraqeb, a town in Syria's Idlib province.", gazetteer)
    assert [c.place_names[0] for c in _events(ex, "buildup")] == ["Saraqib"]


@pytest.mark.parametrize("text", ["Members of Lebanon's Hezbollah recaptured it.", "Turkey's army shelled it."])
def test_the_country_whose_force_it_is_is_no_place(gazetteer, text):
    assert run(text, gazetteer).places == ()


def _routes(ex):
    return [(c.place_names, c.blocs) for c in claims(ex, "route")]


@pytest.mark.parametrize("text,route", [
    ("A Russian column drove from the Kuweires airbase, about 18 kilometres to the south, into Tadef.",
     (("Kuweires airbase", "Tadif"), ("russia",))),
    ("IS fighters attacked the Conoco gas field. A convoy of US trucks drove south from al-Shadadi towards the gas "
     "field.", (("al-Shaddadi", "Conoco gas field"), ("us-coalition",))),
    ("Turkey's Defence Ministry said the convoy was on its way from Maarat al-Numan to Morek when it was hit.",
     (("Maarat al-Numan", "Morek"), ("turkey",))),
])
def test_routes_told_in_other_words(gazetteer, text, route):
    assert route in _routes(run(text, gazetteer))


def test_the_mover_is_the_party_of_the_clause_not_the_one_it_confronts(gazetteer):
    ex = run("The army deployed to confront the Turkish aggression. Syrian army units moved from their positions in "
             "Maskana and reached the entrance of al-Tabqa.", gazetteer)
    assert [b for _, b in _routes(ex)] == [("syrian-government",)]


def test_a_second_column_is_whoever_moved_last(gazetteer):
    ex = run("Syrian army units moved from Maskana to al-Tabqa. A second column set out from Deir Hafer and headed to "
             "the Tabqa airbase.", gazetteer)
    assert [b for _, b in _routes(ex)] == [("syrian-government",), ("syrian-government",)]


def test_bartering_a_against_b(gazetteer):
    ex = run("An analyst described it as Moscow bartering the Conoco field against Khasham.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Conoco gas field", "Khusham") and x.modality.value == "possible"


def test_a_swap_told_as_two_moves(gazetteer):
    ex = run("Officers discussed a swap that would see the factions pull out of al-Lataminah and the regime move "
             "in, while Turkish troops enter Tal Rifaat.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("al-Lataminah", "Tal Rifaat")
    assert _sides(x) == (("syrian-government",), ("turkey",))


def test_giving_one_party_a_while_another_gets_b(gazetteer):
    ex = run("The scenario would mean giving the factions Arima while the Damascus government gets Manbij itself.",
             gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Arima", "Manbij") and _sides(x) == (("opposition",), ("syrian-government",))


def test_two_moves_without_a_deal_word_are_no_swap(gazetteer):
    ex = run("The factions pulled out of al-Lataminah and the regime moved in, while Turkish troops entered Tal "
             "Rifaat.", gazetteer)
    assert claims(ex, "exchange") == []


def test_handing_a_list_over_gives_its_first_place(gazetteer):
    ex = run("Damascus proposed that the SDF hand Deir Hafer and Maskanah to government forces, in return for the "
             "factions pulling back from Manbij.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names[0] == "Deir Hafer" and x.details["a_to"] == ("syrian-government",)


@pytest.mark.parametrize("text,held", [
    ("Coalition forces raided a house on the outskirts of al-Shaddadi, where the coalition maintains a military base.",
     {("al-Shaddadi", "us-coalition")}),
    ("A patrol set out from Arima, where Russian troops have been stationed since 2019.", {("Arima", "russia")}),
    ("The police of the Syrian Interim Government, which runs al-Bab and Qabasin, blamed IS.",
     {("al-Bab", "opposition"), ("Qabasin", "opposition")}),
    ("Convoys were taken to Qalaat al-Madiq, where they were received by the factions that hold the town.",
     {("Qalaat al-Madiq", "opposition")}),
    ("Units moved to Souran and Tayyibat al-Imam, the two regime-held towns north of Hama city.",
     {("Suran (Hama)", "syrian-government"), ("Taybat al-Imam", "syrian-government")}),
])
def test_holders_told_in_relative_clauses_and_asides(gazetteer, text, held):
    assert _control(run(text, gazetteer)) == held


def test_where_a_party_once_was_is_not_held_by_it(gazetteer):
    ex = run("Civilians returned to Arima, where Russian troops were attacked last year.", gazetteer)
    assert _control(ex) == set()


@pytest.mark.parametrize("text,etype,where,bloc", [
    ("Hajin was taken by the SDF in December.", "capture", "Hajin", "sdf"),
    ("SDF artillery was still pounding the last pocket around al-Sousa.", "strike", "around al-Sousa", "sdf"),
    ("Turkish troops took up positions on the southern edge of al-Bab.", "buildup", "the southern edge of al-Bab",
     "turkey"),
])
def test_more_event_words(gazetteer, text, etype, where, bloc):
    assert [(c.place_names[0], c.blocs) for c in _events(run(text, gazetteer), etype)] == [(where, (bloc,))]


def test_taken_by_is_control(gazetteer):
    assert _control(run("Hajin was taken by the SDF in December.", gazetteer)) == {("Hajin", "sdf")}


def test_they_is_the_party_the_sentence_before_was_about(gazetteer):
    ex = run("Syrian government forces, backed by Russian air power, have been advancing towards Deir ez-Zor. Earlier "
             "this month they captured al-Sukhnah, the last Islamic State stronghold in Homs province.", gazetteer)
    assert [(c.place_names[0], c.blocs) for c in _events(ex, "capture")] == [("al-Sukhnah", ("syrian-government",))]


def test_they_with_no_party_before_is_nobody(gazetteer):
    ex = run("Residents fled the town. Earlier this month they captured al-Sukhnah.", gazetteer)
    assert _events(ex, "capture") == []


@pytest.mark.parametrize("text,modality", [
    ("Russian forces are stationed at Qamishli airport, and Moscow said it would not withdraw them.", "claimed"),
    ("Russian forces are stationed at Qamishli airport.", "reported"),
    ("A source said Russian forces could be stationed at Qamishli airport.", "possible"),
    ("Moscow does not rule out that Russian forces may be stationed at Qamishli airport.", "possible"),
])
def test_a_modal_counts_up_to_the_end_of_the_claims_clause(gazetteer, text, modality):
    (c,) = claims(run(text, gazetteer), "control")
    assert c.modality.value == modality


def test_civilians_leaving_for_a_town_is_a_route(gazetteer):
    ex = run("The Asayish searched tents in al-Hol camp. A day earlier, 41 Syrian families had left the camp for Raqqa.",
             gazetteer)
    assert [names for names, _ in _routes(ex)] == [("al-Hol camp", "Raqqa")]


def test_a_move_told_over_two_sentences(gazetteer):
    ex = run("The last buses carrying opposition fighters left al-Rastan on Wednesday. Thousands have left since May. "
             "Most of the convoys drove north and were then taken west to Qalaat al-Madiq.", gazetteer)
    assert ("al-Rastan", "Qalaat al-Madiq") in [names for names, _ in _routes(ex)]


def test_a_start_told_long_before_is_forgotten(gazetteer):
    ex = run("The last buses left al-Rastan on Wednesday. Aid arrived. Talks went on. Prices rose. Most of the convoys "
             "were then taken west to Qalaat al-Madiq.", gazetteer)
    assert _routes(ex) == []


def test_the_same_event_told_twice_with_fewer_actors_is_one(gazetteer):
    ex = run("Northwest Syria is witnessing intense bombardment by Syrian government forces and Russian warplanes "
             "that intensified their bombardment on October 1.", gazetteer)
    assert [set(c.blocs) for c in _events(ex, "strike")] == [{"syrian-government", "russia"}]


def test_an_event_word_far_from_the_next_does_not_borrow_its_place(gazetteer):
    ex = run("The military escalation of the government and Russian forces in the de-escalation zones coincided with "
             "military build-ups of the government forces on several points west of the city of Aleppo.", gazetteer)
    assert _events(ex, "military_action") == []
