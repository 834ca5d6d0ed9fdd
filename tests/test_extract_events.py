"""geo.extract.events through extract(): event words, their places and their parties."""
from __future__ import annotations

import pytest
import shapely

from _extract_helpers import claims, events_of, geom, holders, place, run, told_in


@pytest.mark.parametrize("text,etype,blocs,name", [
    ("Russian jets bombed Maarat al-Numan on Sunday.", "strike", {"russia"}, "Maarat al-Numan"),
    ("Turkey sent reinforcements to Atarib.", "buildup", {"turkey"}, "Atarib"),
    ("Turkey sent two more battalions to Atarib.", "buildup", {"turkey"}, "Atarib"),
    ("Turkey sent 300 soldiers to Atarib.", "buildup", {"turkey"}, "Atarib"),
    ("The SDF said it had taken over Mayadin.", "capture", {"sdf"}, "al-Mayadin"),
    ("Mayadin was taken over by the SDF on Friday.", "capture", {"sdf"}, "al-Mayadin"),
    ("HTS fighters clashed with government forces in Kafr Nabl.", "clash", {"hts", "syrian-government"}, "Kafr Nabl"),
    ("HTS fighters attacked a checkpoint in Kafr Nabl.", "attack", {"hts"}, "Kafr Nabl"),
    ("Government forces captured Saraqib.", "capture", {"syrian-government"}, "Saraqib"),
    ("The SDF handed over Tabqa to government forces.", "handover", {"sdf"}, "Tabqa"),
    ("Russia and Turkey signed an agreement on Idlib.", "agreement", {"russia", "turkey"}, "Idlib"),
    ("Russian and Turkish forces conducted a joint patrol in Darbasiyah.", "patrol", {"russia", "turkey"}, None),
    ("Turkey launched a military operation in Tal Abyad.", "military_action", {"turkey"}, "Tal Abyad"),
    ("Government forces retook Saraqib on Monday.", "capture", {"syrian-government"}, "Saraqib"),
    ("HTS and the National Front for Liberation retook Kafr Nabl.", "capture", {"hts", "opposition"}, "Kafr Nabl"),
    ("The SDF took back Dhiban in early September.", "capture", {"sdf"}, "Dhiban"),
    ("Mazraat Beit Jinn is hit every day with barrel bombs and rockets.", "strike", {"syrian-government"},
     "Mazraat Beit Jinn"),   # the party after "hit with"
    ('By Saturday evening HTS announced the "liberation" of Maarat al-Numan.', "capture", {"hts"},
     "Maarat al-Numan"),
    ("Euphrates Shield factions shelled positions of the Manbij Military Council in al-Arima.", "strike",
     {"opposition", "sdf"}, "Arima"),   # a military council is a party, not a venue
    ("HTS launched drones at the Hmeimim airbase.", "strike", {"hts"}, None),
    ("Hezbollah established three new positions in Atarib.", "buildup", {"iran"}, "Atarib"),
    ("The SDF announced a general mobilisation in Manbij.", "buildup", {"sdf"}, "Manbij"),
])
def test_event_types(gazetteer, text, etype, blocs, name):
    ex = run(text, gazetteer)
    found = events_of(ex, etype)
    assert len(found) == 1, ex.claims
    (c,) = found
    assert set(c.blocs) == blocs
    if name:
        assert c.place_names == (name,)
    assert c.places[0]
    assert c.details["trigger"] in text

def test_event_at_each_listed_place(gazetteer):
    ex = run("Government forces shelled Kafr Nabl, Maarat al-Numan and Hass.", gazetteer)
    assert sorted(c.place_names[0] for c in events_of(ex, "strike")) == ["Hass", "Kafr Nabl", "Maarat al-Numan"]

def test_event_without_actor_is_not_claimed(gazetteer):
    assert events_of(run("A strike hit Kafr Nabl.", gazetteer), "strike") == []

def test_patrol_inherits_actors(gazetteer):
    ex = run("Russian military police conducted a patrol in Amuda. The patrol later returned to Qamishli.",
             gazetteer)
    patrols = events_of(ex, "patrol")
    assert len(patrols) == 2
    assert all(c.blocs == ("russia",) for c in patrols)

def test_the_town_refers_back_to_the_last_town(gazetteer):
    ex = run("Turkish drones struck Tal Tamr. Government forces later shelled the town.", gazetteer)
    by_bloc = {c.blocs: c for c in events_of(ex, "strike")}
    assert set(by_bloc) == {("turkey",), ("syrian-government",)}
    assert by_bloc[("syrian-government",)].places == by_bloc[("turkey",)].places

def test_locator_phrase_describes_the_place_only(gazetteer):
    # "Tarnabah, east of Saraqib," only says where Tarnabah is: no event at Saraqib
    ex = run("Government forces shelled Tarnabah, east of Saraqib, on Monday.", gazetteer)
    assert [c.place_names for c in events_of(ex, "strike")] == [("Tarnabah",)]

def test_inheritance_is_per_event_type(gazetteer):
    ex = run("Russian military police conducted a patrol in Amuda. Shelling hit Qamishli.", gazetteer)
    assert events_of(ex, "strike") == []

def test_clash_between_two_actors(gazetteer):
    ex = run("Clashes erupted between the SDF and Turkish-backed factions in Ain Issa.", gazetteer)
    (c,) = events_of(ex, "clash")
    assert set(c.blocs) == {"sdf", "opposition"}

def test_joint_russian_turkish_patrol_event(gazetteer):
    ex = run("A joint Russian-Turkish patrol set off from Darbasiyah and ended in Amuda.", gazetteer)
    patrols = events_of(ex, "patrol")
    assert patrols and all(set(c.blocs) == {"russia", "turkey"} for c in patrols)

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

def test_containing_province_is_not_a_second_event_place(gazetteer):
    ex = run("US forces carried out a raid near Shaddadi in Hasakah province.", gazetteer)
    assert [c.place_names for c in claims(ex, "event", "strike")] == [("near Shaddadi",)]

def test_where_a_strike_comes_from_is_not_where_it_lands(gazetteer):
    ex = run("Turkish-backed factions shelled Arima from their positions in al-Bab.", gazetteer)
    assert {c.place_names[0] for c in claims(ex, "event", "strike")} == {"Arima"}

def test_each_coordinated_action_keeps_its_own_actor(gazetteer):
    ex = run("After the Russian-Turkish summit, we can talk about Russian military action on Kafr Nabl "
             "or Turkish military action in Azaz.", gazetteer)
    found = {c.place_names[0]: c.blocs for c in claims(ex, "event", "military_action")}
    assert found == {"Kafr Nabl": ("russia",), "Azaz": ("turkey",)}

def test_two_words_for_one_event_make_one_claim(gazetteer):
    ex = run("Russian warplanes carried out air strikes and bombed Ariha.", gazetteer)
    assert len([c for c in claims(ex, "event", "strike") if c.place_names == ("Ariha",)]) == 1

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
    assert events_of(run(text, gazetteer), "agreement") == []

def test_since_the_agreement_is_a_reference(gazetteer):
    ex = run("Government forces seized Kafr Nabl in the first advance since the Sochi agreement.", gazetteer)
    assert events_of(ex, "agreement") == []

def test_claim_ids_are_unique_and_unknown_places_keep_their_own(gazetteer):
    ex = run("Turkish artillery shelled the villages of Tal Jihan and Dardara near Tal Tamr. "
             "Turkish artillery shelled the villages of Tal Jihan and Dardara near Tal Tamr again.", gazetteer)
    ids = [c.details["id"] for c in ex.claims]
    assert len(ids) == len(set(ids))
    assert {c.place_names[0] for c in claims(ex, "event", "strike")} == {"Tal Jihan", "Dardara"}

def test_near_places_a_far_homonym_village_by_its_anchor(gazetteer):
    ex = run("Turkish artillery shelled Dardara near Tal Tamr.", gazetteer)
    (c,) = events_of(ex, "strike")
    tal_tamr = place(gazetteer, "Tal Tamr")
    point = geom(c).representative_point()
    assert point.distance(shapely.Point(tal_tamr.lon, tal_tamr.lat)) < 0.25

def test_a_town_near_a_city_keeps_its_own_place(gazetteer):
    (c,) = events_of(run("Turkish drones struck a car in Tal Tamr near Hasakah.", gazetteer), "strike")
    assert c.place_names == ("Tal Tamr",) and c.geo_precision == 1

def test_firing_position_is_not_where_the_shells_land(gazetteer):
    ex = run("Heavy shelling by government forces, positioned in the town of Kafr Nabl, hit the villages of "
             "Jabal al-Zawiya.", gazetteer)
    (c,) = events_of(ex, "strike")
    assert c.blocs == ("syrian-government",) and "Kafr Nabl" not in c.place_names

def test_a_while_clause_has_its_own_agent(gazetteer):
    ex = run("The SDF repelled the attack, while Turkish artillery deployed near Tal Abyad shelled Ain Issa.", gazetteer)
    (c,) = events_of(ex, "strike")
    assert c.blocs == ("turkey",) and c.place_names == ("Ain Issa",)

def test_clashes_between_after_a_time_phrase(gazetteer):
    ex = run("Clashes erupted on Sunday night between the SDF and Turkish-backed factions near Ain Issa.", gazetteer)
    (c,) = events_of(ex, "clash")
    assert set(c.blocs) == {"sdf", "opposition"}

def test_the_city_is_the_place_just_named(gazetteer):
    ex = run("RAQQA, Syria – Calm returned to Raqqa on Monday. In Ras al-Ain, factions clashed with the "
             "Turkish-backed police over a checkpoint near the city's grain silos.", gazetteer)
    (c,) = events_of(ex, "clash")
    assert c.places == (place(gazetteer, "Ras al-Ain").id,)

@pytest.mark.parametrize("text,etype", [
    ("HTS fighters fired several rockets at regime positions in Kafr Nabl.", "strike"),
    ("Gunmen of the Hamza Division opened fire on civilians in Jindires.", "attack"),
    ("Damascus may resort to a military solution in Jabal al-Zawiya, Russian officials said.", "military_action"),
])
def test_more_event_phrasings(gazetteer, text, etype):
    assert len(events_of(run(text, gazetteer), etype)) == 1

def test_a_siege_is_a_military_action_unless_it_ended(gazetteer):
    ex = run("Government forces tightened their siege on the town of Tafas on Saturday.", gazetteer)
    assert [c.blocs for c in events_of(ex, "military_action")] == [("syrian-government",)]
    ex = run("Government forces entered Daraa after a Russian-brokered settlement that ended a two-month siege.",
             gazetteer)
    assert events_of(ex, "military_action") == []

@pytest.mark.parametrize("text", [
    "The SDF said it would not withdraw from Manbij. No clashes were reported in Tal Tamr.",
    "Russia is not going to hand over Manbij and Tal Rifaat together.",
    "Washington does not intend to withdraw from Hasakah.",
])
def test_a_negated_event_is_not_an_event(gazetteer, text):
    assert [c for c in run(text, gazetteer).claims if c.kind.value == "event"] == []


def test_the_liberation_of_people_is_no_capture(gazetteer):
    assert events_of(run("Protesters in Idlib demanded the liberation of prisoners held by HTS.", gazetteer),
                     "capture") == []


def test_bringing_something_other_than_forces_is_no_build_up(gazetteer):
    assert events_of(run("The war brought hunger and fear to the people of al-Tabni.", gazetteer), "buildup") == []

@pytest.mark.parametrize("text", [
    "Rebels captured Morek, bringing them closer to Hama.",
    "Rebels captured Morek on Monday, a military source said, cutting the road that links Hama with Kafr Zita.",
])
def test_what_a_capture_does_to_other_places_is_not_where_it_happened(gazetteer, text):
    assert [c.place_names for c in events_of(run(text, gazetteer), "capture")] == [("Morek",)]


def test_a_village_known_by_one_word_of_its_name_is_not_a_namesake(gazetteer):
    ex = run("Turkish artillery shelled the village of Zor Hamdan, west of Jarabulus.", gazetteer)
    (c,) = events_of(ex, "strike")
    assert c.place_names == ("Zor Hamdan",) and c.geo_precision == 2

def test_unknown_villages_in_a_list_lie_with_the_known_one(gazetteer):
    ex = run("Turkish drone strikes hit the villages of Zor Hamdan and Boban, 10 km west of Kobani, which are "
             "held by the Kobani Military Council.", gazetteer)
    assert {n for n, _ in holders(ex)} == {"Zor Hamdan", "Buban"}
    assert {c.place_names[0] for c in events_of(ex, "strike")} == {"Zor Hamdan", "Buban"}

@pytest.mark.parametrize("text", [
    "Turkey sent armored vehicles and troops to Atarib on Friday.",
    "The factions had moved heavy weapons to the outskirts of Jarabulus.",
])
def test_reinforcements_by_other_words(gazetteer, text):
    assert len(events_of(run(text, gazetteer), "buildup")) == 1

def test_in_the_countryside_of_y_places_the_list_before_it(gazetteer):
    ex = run("Turkish forces bombed the villages of Tal Jihan and Umm al-Kaif in the countryside of Tal Tamr.",
             gazetteer)
    assert {c.place_names[0] for c in events_of(ex, "strike")} == {"Tal Jihan", "Umm al-Kayf"}

def test_soldiers_are_the_subject_force_not_the_partner_named_last(gazetteer):
    ex = run("Units of the Syrian government forces deployed near Manbij under an arrangement with the Manbij "
             "Military Council. Around 200 soldiers entered the village of Muhsinli.", gazetteer)
    assert [c.blocs for c in events_of(ex, "capture")] == [("syrian-government",)]

def test_an_offensive_against_a_group_has_it_as_the_target_not_the_agent(gazetteer):
    ex = run("Government forces kept up their offensive against Islamic State militants in Yarmouk camp.", gazetteer)
    (c,) = events_of(ex, "military_action")
    assert c.blocs == ("syrian-government", "isis") and c.details["target_blocs"] == ("isis",)


@pytest.mark.parametrize("text,etype,blocs,targets", [
    ("Turkish drones struck SDF positions near Tal Tamr.", "strike", ("turkey", "sdf"), ("sdf",)),
    ("Government artillery shelled opposition fighters in Kabani.", "strike",
     ("syrian-government", "opposition"), ("opposition",)),
    ("Mortar fire hit Turkish troops at the Taftanaz airbase.", "strike", ("turkey",), ("turkey",)),
    ("The shelling of Turkish positions near Saraqib went on all night.", "strike", ("turkey",), ("turkey",)),
    ("Gunmen ambushed a patrol near Tafas, killing two members of the General Security.", "attack",
     ("hts",), ("hts",)),
])
def test_the_party_an_attack_is_aimed_at_is_its_target(gazetteer, text, etype, blocs, targets):
    (c,) = events_of(run(text, gazetteer), etype)
    assert c.blocs == blocs and c.details["target_blocs"] == targets


@pytest.mark.parametrize("text,etype,blocs", [
    ("Shelling by Turkish forces hit Tal Tamr.", "strike", ("turkey",)),           # "by": the agent
    ("Russian jets struck Idlib, and SDF fighters later entered Raqqa.", "strike", ("russia",)),   # another clause
    ("Israeli drones struck the area west of Nawa.", "strike", ("israel",)),
])
def test_no_target_where_none_is_named(gazetteer, text, etype, blocs):
    c = events_of(run(text, gazetteer), etype)[0]
    assert c.blocs == blocs and c.details["target_blocs"] == ()

def test_clashes_against_a_group_have_it_as_a_side(gazetteer):
    ex = run("Turkish-backed factions fought clashes against the SDF near Ain Issa.", gazetteer)
    assert [set(c.blocs) for c in events_of(ex, "clash")] == [{"opposition", "sdf"}]

@pytest.mark.parametrize("text,blocs", [
    ("Buses left al-Rastan and Talbiseh on Monday under a surrender agreement negotiated with Russian officers.",
     {"russia"}),
    ("Fighters left Talbiseh under a deal brokered by Russia.", {"russia"}),
])
def test_a_deal_under_which_people_leave_is_an_agreement(gazetteer, text, blocs):
    found = events_of(run(text, gazetteer), "agreement")
    assert found and all(set(c.blocs) == blocs for c in found)

def test_under_the_named_agreement_is_no_new_agreement(gazetteer):
    assert events_of(run("Turkish troops patrolled the M4 near Ariha under the Sochi agreement.", gazetteer),
                   "agreement") == []

def test_an_event_told_after_two_places_is_at_both(gazetteer):
    ex = run("Buses left the towns of al-Rastan and Talbiseh on Monday under a surrender agreement negotiated "
             "with Russian officers.", gazetteer)
    assert {c.place_names[0] for c in events_of(ex, "agreement")} == {"al-Rastan", "Talbiseh"}

@pytest.mark.parametrize("text", [
    "Under the deal, HTS is to pull its fighters out of Afrin.",
    "HTS pulled the last of its militants out of Afrin on Sunday.",
])
def test_pulling_fighters_out_is_a_withdrawal(gazetteer, text):
    assert [c.blocs for c in events_of(run(text, gazetteer), "handover")] == [("hts",)]

def test_the_two_districts_are_the_two_named_before(gazetteer):
    ex = run("Government forces besieged Yarmouk camp and the adjacent district of al-Hajar al-Aswad. Syrian and "
             "Russian warplanes carried out dozens of air strikes on the two districts on Monday.", gazetteer)
    hit = {(c.place_names[0], frozenset(c.blocs)) for c in events_of(ex, "strike")}
    assert hit == {("Yarmouk Camp", frozenset({"syrian-government", "russia"})),
                   ("al-Hajar al-Aswad", frozenset({"syrian-government", "russia"}))}

def test_a_clash_with_a_patrol_is_where_the_patrol_is(gazetteer):
    ex = run("Local gunmen clashed for several hours with a Military Security patrol in Kafr Shams.", gazetteer)
    assert [(c.place_names[0], c.blocs) for c in events_of(ex, "clash")] == [("Kafr Shams", ("syrian-government",))]

def test_an_event_word_after_a_clause_break_does_not_lend_its_place(gazetteer):
    ex = run("Government forces clashed with rebels; a Turkish patrol later toured Kafr Shams.", gazetteer)
    assert events_of(ex, "clash") == []

def test_a_truce_takes_the_parties_of_its_sentence(gazetteer):
    ex = run("Government forces clashed with gunmen in Kafr Shams. The fighting ended at dawn with a truce brokered "
             "by the town's notables, under which the patrol pulled back.", gazetteer)
    assert [c.blocs for c in events_of(ex, "agreement")] == [("syrian-government",)]

@pytest.mark.parametrize("text,where", [
    ("Police deployed in Saraqeb after government forces regained it from the rebels.", "Saraqib"),
    ("Regime forces regained full control of the town of Albu Kamal on Sunday.", "Albu Kamal"),
])
def test_regained_is_a_capture(gazetteer, text, where):
    assert [c.place_names[0] for c in events_of(run(text, gazetteer), "capture")] == [where]

def test_a_town_in_a_province_is_placed_by_it_not_an_event_there(gazetteer):
    ex = run("Russian military police deployed on Monday in Saraqeb, a town in Syria's Idlib province.", gazetteer)
    assert [c.place_names[0] for c in events_of(ex, "buildup")] == ["Saraqib"]

@pytest.mark.parametrize("text,etype,where,bloc", [
    ("Hajin was taken by the SDF in December.", "capture", "Hajin", "sdf"),
    ("SDF artillery was still pounding the last pocket around al-Sousa.", "strike", "around al-Sousa", "sdf"),
    ("Turkish troops took up positions on the southern edge of al-Bab.", "buildup", "the southern edge of al-Bab",
     "turkey"),
])
def test_more_event_words(gazetteer, text, etype, where, bloc):
    assert [(c.place_names[0], c.blocs) for c in events_of(run(text, gazetteer), etype)] == [(where, (bloc,))]

def test_they_is_the_party_the_sentence_before_was_about(gazetteer):
    ex = run("Syrian government forces, backed by Russian air power, have been advancing towards Deir ez-Zor. Earlier "
             "this month they captured al-Sukhnah, the last Islamic State stronghold in Homs province.", gazetteer)
    assert [(c.place_names[0], c.blocs) for c in events_of(ex, "capture")] == [("al-Sukhnah", ("syrian-government",))]

def test_they_with_no_party_before_is_nobody(gazetteer):
    ex = run("Residents fled the town. Earlier this month they captured al-Sukhnah.", gazetteer)
    assert events_of(ex, "capture") == []

def test_the_same_event_told_twice_with_fewer_actors_is_one(gazetteer):
    ex = run("Northwest Syria is witnessing intense bombardment by Syrian government forces and Russian warplanes "
             "that intensified their bombardment on October 1.", gazetteer)
    assert [set(c.blocs) for c in events_of(ex, "strike")] == [{"syrian-government", "russia"}]

def test_an_event_word_far_from_the_next_does_not_borrow_its_place(gazetteer):
    ex = run("The military escalation of the government and Russian forces in the de-escalation zones coincided with "
             "military build-ups of the government forces on several points west of the city of Aleppo.", gazetteer)
    assert events_of(ex, "military_action") == []


def test_an_offset_after_a_comma_places_the_town_before_it(gazetteer):
    ex = run("ISIS gunmen attacked a checkpoint of the SDF in the town of Hajin, some 95 km southeast of Deir ez-Zor.",
             gazetteer)
    assert [c.place_names[0] for c in events_of(ex, "attack")] == ["Hajin"]


def test_state_media_wording_of_a_turkish_shelling(gazetteer):
    ex = run("The forces of the Turkish regime continued their aggression on Ras al-Ain city in the northwestern "
             "countryside of Hasaka, targeting houses with artillery shells.", gazetteer)
    assert [(c.place_names[0], c.blocs) for c in events_of(ex, "strike")] == [("Ras al-Ain", ("turkey",))]


@pytest.mark.parametrize("text,etype,place,blocs", [
    ("Coalition helicopters flew over Dhiban during the day.", "patrol", "Dhiban", ("us-coalition",)),
    ("Russian reconnaissance flights were seen over Ariha.", "patrol", "Ariha", ("russia",)),
    ("Hundreds of government soldiers boarded 75 buses in al-Foua.", "handover", "al-Fu'ah", ("syrian-government",)),
])
def test_overflights_are_patrols_and_boarding_buses_is_an_evacuation(gazetteer, text, etype, place, blocs):
    assert (place, blocs) in {(c.place_names[0], c.blocs) for c in events_of(run(text, gazetteer), etype)}


def test_unnamed_reinforcements_are_the_force_of_the_sentence_before(gazetteer):
    ex = run("SDF units raided three villages south of Qamishli. Reinforcements were sent from Qamishli to Tal Hamis.",
             gazetteer)
    assert [(c.place_names[0], c.blocs) for c in events_of(ex, "buildup")] == [("Tal Hamis", ("sdf",))]


def test_unnamed_families_moving_are_no_build_up(gazetteer):
    ex = run("SDF units raided three villages south of Qamishli. Families were sent from Qamishli to Tal Hamis.",
             gazetteer)
    assert events_of(ex, "buildup") == []


def test_where_an_operation_starts_from_is_not_where_it_is(gazetteer):
    ex = run("Turkish officials have not ruled out an operation that would start from Azaz and Marea and push south "
             "towards Tal Rifaat.", gazetteer)
    assert {c.place_names[0] for c in events_of(ex, "military_action")} == {"Tal Rifaat"}


@pytest.mark.parametrize("text", [
    "Hours before the patrol, Turkish forces positioned on the western bank of the Euphrates shelled Sarrin.",
    "After the clashes, Turkish forces stationed in al-Bab shelled Arima.",
])
def test_an_event_that_only_dates_another_is_no_event(gazetteer, text):
    ex = run(text, gazetteer)
    assert not events_of(ex, "patrol") and not events_of(ex, "clash")
    assert events_of(ex, "strike")


def test_an_event_named_with_before_and_its_own_place_is_kept(gazetteer):
    ex = run("Before the Turkish shelling of Arima, Russian forces left the town.", gazetteer)
    assert events_of(ex, "strike")


def test_entering_under_a_deal_is_a_deployment(gazetteer):
    ex = run("Russian military police entered Douma on Thursday under the surrender deal agreed with Jaysh al-Islam.",
             gazetteer)
    assert events_of(ex, "buildup") and not events_of(ex, "capture")


def test_fighters_bussed_out_of_a_town_is_a_handover(gazetteer):
    ex = run("Jaysh al-Islam fighters were bussed out of Douma on Sunday.", gazetteer)
    assert [c.place_names for c in events_of(ex, "handover")] == [("Douma",)]


def test_a_source_is_no_party_to_a_strike_told_before(gazetteer):
    ex = run("The United States launched missile strikes on Syria. A research centre in the Barzeh district of "
             "northern Damascus was among the sites hit, a Syrian military source said.", gazetteer)
    assert [(c.place_names, c.blocs) for c in events_of(ex, "strike") if "Barzeh" in c.place_names] == \
        [(("Barzeh",), ("us-coalition",))]


def test_a_source_tells_of_its_own_build_ups(gazetteer):
    ex = run("SDF convoys moved to Tabqa. A Syrian military source said reinforcements were being sent to Hama.",
             gazetteer)
    assert [c.blocs for c in events_of(ex, "buildup") if c.place_names == ("Hama",)] == [("syrian-government",)]


def test_it_is_the_place_the_sentence_before_ended_on(gazetteer):
    ex = run("Saraqib changed hands three times in a month. The regime captured it on 6 February; the opposition "
             "factions, backed by Turkish artillery, recaptured it on 27 February.", gazetteer)
    assert {(c.place_names, c.blocs) for c in events_of(ex, "capture")} == \
        {(("Saraqib",), ("syrian-government",)), (("Saraqib",), ("opposition",))}


def test_it_with_no_place_before_is_no_event(gazetteer):
    ex = run("The talks resumed in the evening. Government forces captured it on 6 February.", gazetteer)
    assert events_of(ex, "capture") == []


@pytest.mark.parametrize("text, etype", [
    ("The SDF opened a corridor to evacuate its fighters from Tal Rifaat.", "handover"),
    ("The SDF began evacuating its fighters from Tal Rifaat on Monday.", "handover"),
])
def test_evacuating_a_place_is_a_handover(gazetteer, text, etype):
    assert [c.place_names for c in events_of(run(text, gazetteer), etype)] == [("Tal Rifaat",)]


@pytest.mark.parametrize("text", [
    "The Kremlin stressed the necessity of evacuating Idlib of terrorists.",
    "Turkey said the SDF must withdraw from Tal Rifaat.",
    "Russia said the factions need to withdraw from Tal Rifaat.",
])
def test_a_demand_is_possible_not_claimed(gazetteer, text):
    (event,) = events_of(run(text, gazetteer), "handover")
    assert event.modality.value == "possible"


@pytest.mark.parametrize("text, etype, place_name", [
    ("A landmine planted by ISIS exploded under a military vehicle near al-Furqlus.", "attack",
     "al-Furqlus"),
    ("The Afghan Fatemiyoun Brigade brought at least 30 vehicles with fighters to the T4 airbase.", "buildup",
     "T4 airbase"),
    ("Iranian-backed militias have brought at least 15 new technicals and two tanks into al-Tabni.", "buildup", "al-Tibni"),
    ("Hezbollah brought 300 men to al-Qusayr.", "buildup", "al-Qusayr"),
    ("Another column of the Iranian-backed militias moved from al-Mayadin to Palmyra last week.", "buildup", "Palmyra"),
    ("A Turkish convoy reinforces positions at Jisr al-Shughur.", "buildup", "Jisr al-Shughur"),
    ("Fighters of the Jaish al-Islam group left al-Dumayr, handing the town over to the army.", "handover", "al-Dumayr"),
    ("Turkish forces dismantle and leave the observation post in Morek.", "handover", "Morek"),
    ("Jihadists and rebels overrun al-Eis hill south of Aleppo.", "capture", "al-Eis"),
])
def test_event_words_and_their_place(gazetteer, text, etype, place_name):
    assert any(n.endswith(place_name) for c in events_of(run(text, gazetteer), etype) for n in c.place_names)


@pytest.mark.parametrize("text, etype", [
    ("IS militants left Tabqa after dismantling explosives on the dam.", "handover"),   # no post dismantled
    ("The columnist in Damascus wrote about Homs.", "buildup"),
])
def test_event_words_need_their_object(gazetteer, text, etype):
    assert not [c for c in events_of(run(text, gazetteer), etype) if c.details.get("trigger", "").startswith(("dism", "col"))]


def test_a_push_on_towards_a_town_is_a_military_action_there_not_on_the_towns_of_its_road(gazetteer):
    text = ("A military source said the Syrian army was expected to press on towards Kinsabba and then to Jisr al-Shughur, "
            "which sits on the road linking Latakia with Aleppo.")
    places = {n for c in events_of(run(text, gazetteer), "military_action") for n in c.place_names}
    assert places == {"Kinsabba", "Jisr al-Shughur"}


def test_pushing_for_an_operation_is_no_push_on_a_place(gazetteer):
    ex = run("He expects Turkey to push for a new operation against Tal Rifaat.", gazetteer)
    assert all(c.details["trigger"] != "push for" for c in events_of(ex, "military_action"))


def test_military_police_entering_a_town_deploy_there(gazetteer):
    ex = run("Units of the Russian military police entered Saraqib in the evening to secure the highway.", gazetteer)
    assert [c.place_names for c in events_of(ex, "buildup")] == [("Saraqib",)] and not events_of(ex, "capture")


def test_terrorist_organizations_are_the_terrorists_named_before(gazetteer):
    text = ("Army units fought the terrorists of Jabhat al-Nusra near Saraqib. Terrorist organizations deployed in "
            "Jabal al-Zawiya fired rocket shells on Kafr Nabl.")
    assert {b for c in events_of(run(text, gazetteer), "strike") for b in c.blocs} == {"hts"}


@pytest.mark.parametrize("text, etype, place_name", [
    ("A Russian military police unit was redeployed to Ain Issa on Monday.", "buildup", "Ain Issa"),
    ("Syrian government forces restored control over Jableh on Saturday.", "capture", "Jableh"),
])
def test_redeployments_and_restored_control(gazetteer, text, etype, place_name):
    assert [c.place_names for c in events_of(run(text, gazetteer), etype)] == [(place_name,)]


@pytest.mark.parametrize("text, places", [
    ("HTS fighters carried out 27 shelling attacks from the Jabal al-Zawiya area on Sunday.", {"Jabal al-Zawiya"}),
    ("HTS fighters shelled Kafr Nabl from Jabal al-Zawiya on Sunday.", {"Kafr Nabl"}),   # the target, not the origin
    ("Turkish reinforcements arrived from Kilis on Sunday.", set()),                    # a build-up's origin is no place
])
def test_fire_with_no_target_named_is_placed_where_it_comes_from(gazetteer, text, places):
    ex = run(text, gazetteer)
    assert {n for t in ("strike", "buildup") for c in events_of(ex, t) for n in c.place_names} == places


def test_an_attack_claimed_in_the_next_sentence_is_the_claimants(gazetteer):
    ex = run("On Monday a suicide bomber blew himself up at a restaurant in Manbij. ISIS claimed the attack.", gazetteer)
    (attack,) = events_of(ex, "attack")
    assert (attack.place_names, attack.blocs, attack.modality.value) == (("Manbij",), ("isis",), "claimed")
    assert attack.evidence.startswith("On Monday")
    assert events_of(run("On Monday a suicide bomber blew himself up in Manbij. Officials condemned it.", gazetteer),
                     "attack") == []


def test_troops_no_one_names_are_the_force_named_last_before(gazetteer):
    ex = run("US troops patrol Manbij. The Syrian army announced that it had entered Manbij. In reality, troops "
             "deployed in villages around Arima.", gazetteer)
    arima = told_in(ex, "event", "In reality", "buildup")
    assert [c.blocs for c in arima] == [("syrian-government",)]


def test_a_list_that_all_remains_possible(gazetteer):
    ex = run("A Turkish offensive, a handover of Manbij to Damascus or a new arrangement all remain possible.", gazetteer)
    assert {c.modality.value for c in claims(ex, "event")} == {"possible"}


@pytest.mark.parametrize("text, etype, blocs, place_name", [
    ("Levant Front fighters pulled back from Afrin on Monday.", "handover", ("opposition",), "Afrin"),
    ("IS fighters retreated from Palmyra overnight.", "handover", ("isis",), "Palmyra"),
    ("The SDF is withdrawing its fighters from Tal Rifaat.", "handover", ("sdf",), "Tal Rifaat"),
    ("Iranian-backed militias left Maadan on December 6.", "handover", ("iran",), "Maadan"),
    ("Russian forces concentrated at Hmeimim airbase.", "buildup", ("russia",), "Hmeimim airbase"),
    ("A source said units of the Republican Guard had been moved to the front line near Harasta.", "buildup",
     ("syrian-government",), "near Harasta"),
])
def test_pulling_back_and_concentrating(gazetteer, text, etype, blocs, place_name):
    assert [(c.blocs, c.place_names) for c in events_of(run(text, gazetteer), etype)] == [(blocs, (place_name,))]


def test_concentration_needs_a_place_word_after_it(gazetteer):
    assert events_of(run("Russian forces concentrated their fire on Saraqib.", gazetteer), "buildup") == []


@pytest.mark.parametrize("text, etype, place_name", [
    ("Government forces stationed in Kafr Nabl, which they captured in February, also shelled Iblin.", "capture",
     "Kafr Nabl"),
    ("Tal Abyad, which the SNA seized in 2019, lies on the border.", "capture", "Tal Abyad"),
    ("Saraqib, which was shelled by government forces on Monday, lies on the M5.", "strike", "Saraqib"),
    ("Ain Issa, which Turkish-backed factions had attacked twice, lies on the M4.", "attack", "Ain Issa"),
    ("Moscow was accused of trading Afrin, which the Turkish army and allied factions seized a week ago, for "
     "silence over Eastern Ghouta.", "capture", "Afrin"),
])
def test_an_event_told_in_a_relative_clause_is_at_the_place_it_hangs_on(gazetteer, text, etype, place_name):
    assert [c.place_names for c in events_of(run(text, gazetteer), etype)] == [(place_name,)]


def test_a_relative_clause_whose_subject_is_the_place_keeps_the_object(gazetteer):
    ex = run("Turkish-backed factions from Tal Abyad, which later captured Ain Issa, shelled Tal Tamr.", gazetteer)
    assert [c.place_names for c in events_of(ex, "capture")] == [("Ain Issa",)]


@pytest.mark.parametrize("text, blocs", [
    ("Clashes with heavy weapons broke out at dawn on the Kabani axis between regime forces and HTS.",
     {"syrian-government", "hts"}),
    ("Violent fighting has been raging since dawn near Kafr Nabudah, where regime forces are trying to recapture "
     "the town from HTS.", {"syrian-government", "hts"}),
    ("The fighting near Kafr Nabudah was the worst in months for regime forces and HTS.", set()),   # told before
    ("Clashes broke out on the Kabani axis between regime forces and fighters of Hayat Tahrir al-Sham.",
     {"syrian-government", "hts"}),
])
def test_a_clash_takes_its_sides_from_later_in_the_sentence(gazetteer, text, blocs):
    assert {b for c in events_of(run(text, gazetteer), "clash") for b in c.blocs} == blocs


@pytest.mark.parametrize("text, places", [
    ('Erdogan said his army would "clear" Tal Rifaat and Manbij of the YPG.', {("Tal Rifaat",), ("Manbij",)}),
    ("Turkey vowed to cleanse the border towns of Tal Abyad and Ras al-Ain of terrorists.",
     {("Tal Abyad",), ("Ras al-Ain",)}),
    ("Turkish engineers cleared the road to Saraqib of mines.", set()),   # no place right after the verb
])
def test_clearing_a_place_of_a_party_is_a_military_action(gazetteer, text, places):
    assert {c.place_names for c in events_of(run(text, gazetteer), "military_action")} == places


def test_a_convoy_with_no_party_is_the_one_the_sentence_before_sent(gazetteer):
    ex = run("Turkey has meanwhile poured more troops into Idlib. A convoy of about 150 vehicles crossed the border on "
             "Sunday and headed to Taftanaz.", gazetteer)
    assert {(c.place_names, c.blocs) for c in events_of(ex, "buildup")} == {(("Idlib",), ("turkey",)),
                                                                          (("Taftanaz",), ("turkey",))}


def test_a_convoy_after_a_sentence_with_no_party_has_none(gazetteer):
    assert events_of(run("The roads were quiet. A convoy of trucks headed to Taftanaz.", gazetteer), "buildup") == []


@pytest.mark.parametrize("text, places", [
    ("Ankara said its forces retaliated by striking regime positions around Saraqib.", [("around Saraqib",)]),
    ("An advance would bring government forces within striking distance of Tabqa.", []),
])
def test_striking_is_a_strike_but_striking_distance_is_not(gazetteer, text, places):
    assert [c.place_names for c in events_of(run(text, gazetteer), "strike")] == places


def test_buses_sent_to_pick_up_residents_are_no_build_up(gazetteer):
    ex = run("Gunmen burned buses that had been sent to pick up residents of Kafriya.", gazetteer)
    assert events_of(ex, "buildup") == []


@pytest.mark.parametrize("text, blocs, places", [
    ("Saraqib fell to government forces, Iranian-backed militias and Hezbollah on Thursday.",
     ("syrian-government", "iran"), [("Saraqib",)]),
    ("Qalaat al-Madiq itself fell to the regime's militias in May 2019, during the campaign on the countryside of Hama.",
     ("syrian-government",), [("Qalaat al-Madiq",)]),
    ("Tal Abyad, which lies on the border opposite the Turkish town of Akcakale, fell to the Turkish army.",
     ("turkey",), [("Tal Abyad",)]),
    ("Tal Abyad fell to the Turkish army, and Suluk, 19 kilometres to the southeast, was taken a day later. The "
     "wounded were taken to hospital.", ("turkey",), [("Tal Abyad",), ("Suluk",)]),
])
def test_what_fell_to_whom(gazetteer, text, blocs, places):
    caps = events_of(run(text, gazetteer), "capture")
    assert [c.place_names for c in caps] == places and all(c.blocs == blocs for c in caps)


@pytest.mark.parametrize("text, etype, places", [
    ('In Syria, a military source said the army "is expected to move on Albu Kamal within days".', "military_action",
     [("Albu Kamal",)]),
    ("In Syria, an SNA convoy moved on Wednesday from Azaz to al-Bab.", "military_action", []),   # a day, not a target
    ("Russian warplanes flew 40 sorties, destroying IS depots in Hajin.", "strike", [("Hajin",)]),
    ("The Fifth Corps transferred a battalion to Palmyra from the T4 airbase.", "buildup", [("Palmyra",)]),
    ("A batch of US equipment was transferred to the Conoco gas field from al-Shaddadi.", "buildup",
     [("Conoco gas field",)]),
    ("Fighters who reject the deal will be transferred with their weapons to Idlib by the Syrian army.", "buildup", []),
    ("Sources said regime forces are expected to push north along the highway towards Saraqib.", "military_action",
     [("Saraqib",)]),
    ("Regime forces pushed westward from Tadef to Qabasin.", "military_action", [("Qabasin",)]),
    ("The Syrian army could also move east of Khan Shaykhun towards the town of al-Tamanah.", "military_action",
     [("al-Tamanah",)]),
    ("Syrian army retakes Kafr Nabudah in a push north of Hama", "military_action", []),   # a push north of a place
    ("The convoy moved north towards Tal Tamr.", "military_action", []),   # a convoy on its way
    ("Khattab had fallen to HTS on March 22.", "capture", [("Khattab",)]),
    ("HTS fighters responded by firing rockets at Mhardeh.", "strike", [("Muhradah",)]),
    ("The SDF raided an ISIS cell near al-Busayrah.", "attack", [("near al-Busayrah",)]),
    ("The raiding force of the Israeli army drove down from Mount Hermon.", "attack", []),   # who raided, not a raid
])
def test_event_words_for_moves_sorties_transfers_falls_fire_and_raids(gazetteer, text, etype, places):
    assert [c.place_names for c in events_of(run(text, gazetteer), etype)] == places


@pytest.mark.parametrize("text, etype, blocs", [
    ("Officials of the Autonomous Administration warned that Turkey could widen its strikes to Kobani.", "strike",
     ("turkey",)),   # "its": the party before it, not the speaker
    ("The SDF kept up its shelling of Jarablus.", "strike", ("sdf",)),
    ("Regime troops and allied Iranian-backed fighters seized Kafr Nabudah.", "capture", ("syrian-government", "iran")),
    ("Fighting raged in Saraqib, while Israel struck Damascus.", "clash", None),   # the other clause's party
    ("Government forces backed by Russian jets and Hezbollah captured Morek.", "capture",
     ("syrian-government", "russia", "iran")),   # the forces first, then who backed them
    ("SDF fighters, supported by US-led coalition air strikes, advanced on Saturday near Hajin.", "strike",
     ("us-coalition",)),   # the backer's own strikes
])
def test_whose_event_when_a_speaker_or_another_clause_names_a_party(gazetteer, text, etype, blocs):
    assert [c.blocs for c in events_of(run(text, gazetteer), etype)] == ([blocs] if blocs else [])


@pytest.mark.parametrize("text, places, blocs", [
    ("The YPG hands Manbij to the Manbij Military Council.", [("Manbij",)], ("sdf",)),
    ("The Levant Front handed two headquarters in al-Bab back to the Hamza Division.", [("al-Bab",)], ("opposition",)),
    ("Hundreds of IS men surrendered to the SDF in Baghouz.", [("al-Baghuz",)], ("isis",)),
    ("The SDF handed a letter to the Russian envoy in Damascus.", [], None),                  # a letter, not a place
    ("Kurdish-led SDF hands Deir ez-Zor to Syria's new rulers and pulls back across the Euphrates.",
     [("Deir ez-Zor",), ("Euphrates",)], ("sdf",)),                                          # the giver pulls back
])
def test_handing_a_place_to_a_party_and_surrendering_are_handovers(gazetteer, text, places, blocs):
    found = events_of(run(text, gazetteer), "handover")
    assert [c.place_names for c in found] == places and all(c.blocs == blocs for c in found)


@pytest.mark.parametrize("text, places", [
    ("Under an understanding brokered by the Russians, the Turkish-backed factions stopped at the edge of Tadef.",
     [("the edge of Tadef",)]),
    ("A second agreement with Faylaq al-Rahman led to the evacuation of Arbin.", [("Irbin",)]),   # what it led to
    ("Turkish officials denied any such deal over al-Bab.", []),                                   # a reference
    ("The Syrian army deployed in Tabqa as part of the agreement with the SDF.", []),
])
def test_understandings_and_deals_placed_where_they_lead(gazetteer, text, places):
    assert [c.place_names for c in events_of(run(text, gazetteer), "agreement")] == places


def test_rejecting_a_settlement_is_no_new_agreement(gazetteer):
    ex = run("Fighters who rejected the settlement were bussed from Daraa al-Balad to al-Bab.", gazetteer)
    assert events_of(ex, "agreement") == []
    assert {c.blocs for c in events_of(ex, "handover")} == {("opposition",)}


@pytest.mark.parametrize("text,place,bloc", [
    ("Syria. By Thursday government troops had raised the flag over Saraqib's town hall.", "Saraqib",
     "syrian-government"),
    ("Kurdish fighters of the YPG hoisted their yellow flag over the hill that dominates Kobani.", "Kobani", "sdf"),
    ("The army's Fourth Division fought its way through the farmland north of Aleppo.", "north of Aleppo",
     "syrian-government"),
])
def test_a_flag_raised_or_a_way_fought_is_a_capture(gazetteer, text, place, bloc):
    assert {(c.place_names[0], c.blocs[0]) for c in events_of(run(text, gazetteer), "capture")} == {(place, bloc)}


@pytest.mark.parametrize("text,place,bloc", [
    ("Syrian army clears Khan al-Asal after a week of fighting.", "Khan al-Asal", "syrian-government"),
    ("Units of our heroic army completed on Thursday the cleansing of the Baba Amr neighbourhood of the terrorist "
     "groups.", "Baba Amr", "syrian-government"),   # state media
])
def test_an_army_clearing_a_place_captures_it(gazetteer, text, place, bloc):
    assert (place, bloc) in {(c.place_names[0], c.blocs[0]) for c in events_of(run(text, gazetteer), "capture")}


@pytest.mark.parametrize("text", [
    "Engineers cleared mines in Khan al-Asal.",
    "Turkey launched an operation near Afrin, saying it wants to clear the YPG from its border.",
    "Tal Rifaat would be cleared of the YPG and handed over to the SNA.",   # who is cleared out takes nothing
])
def test_clearing_mines_or_a_party_is_no_capture_by_it(gazetteer, text):
    assert not [c for c in events_of(run(text, gazetteer), "capture") if c.blocs in (("sdf",), ())]


@pytest.mark.parametrize("text,place,bloc", [
    ("Government troops fell back south from Safira towards Khanasir.", "al-Safira", "syrian-government"),
    ("Syrian army retakes Mayadeen as IS fighters fall back on Albu Kamal.", "al-Mayadin", "isis"),   # not where
    #                                                                           they fall back to
])
def test_falling_back_hands_over_where_the_force_left(gazetteer, text, place, bloc):
    assert {(c.place_names[0], c.blocs[0]) for c in events_of(run(text, gazetteer), "handover")} == {(place, bloc)}


def test_troops_pulling_out_hand_over(gazetteer):
    ex = run("Syria. Residents say the troops are pulling out of Daraa towards Damascus.", gazetteer)
    assert ("Daraa", "syrian-government") in {(c.place_names[0], c.blocs[0]) for c in events_of(ex, "handover")}


def test_people_taken_by_bus_are_no_capture(gazetteer):
    ex = run("ISIS seized Jarablus. Cheered by crowds, the families were taken by bus to Suruc.", gazetteer)
    assert {c.place_names[0] for c in events_of(ex, "capture")} == {"Jarabulus"}


@pytest.mark.parametrize("text", [
    "Syria. State television showed soldiers raising the flag in Rabia after Russian jets struck the town.",
    "Syria. Russian jets pounded Kabani. On July 7 troops seized Kinsabba.",
])
def test_bare_soldiers_or_troops_in_a_report_on_a_country_are_its_army(gazetteer, text):
    assert {c.blocs for c in events_of(run(text, gazetteer), "capture")} == {("syrian-government",)}


def test_bare_troops_stationed_somewhere_are_the_countrys_army(gazetteer):
    ex = run("Syria. Rebels entered Salamiyah. Troops based in the city had already pulled out towards Homs.",
             gazetteer)
    assert {c.blocs for c in events_of(ex, "handover")} == {("syrian-government",)}


@pytest.mark.parametrize("text,etype,want", [
    ("Analysts in Gaziantep expect HTS to launch an offensive on Afrin. Officials in Damascus expect government forces "
     "to launch an offensive.", "military_action", {("Afrin", ("hts",))}),   # where analysts sit is no place of it
    ("ISIS fighters captured Jarablus. Through December the Kurds retook the town street by street.", "capture",
     {("Jarabulus", ("isis",))}),   # a subject the registry does not know is not the last taker
    ("US jets struck army positions near Deir ez-Zor. Russia called an emergency session of the U.N. Security "
     "Council in New York over the strikes.", "strike",
     {("near Deir ez-Zor", ("us-coalition",))}),   # where a body meets
])
def test_no_place_from_a_venue_and_no_party_from_an_unknown_subject(gazetteer, text, etype, want):
    assert {(c.place_names[0], c.blocs) for c in events_of(run(text, gazetteer), etype)} == want


@pytest.mark.parametrize("text, blocs, by", [
    # the blame told in the attack's own sentence
    ("On Monday three soldiers were killed near Atarib in an air strike that Ankara blamed on Russian jets.",
     {"russia"}, "Ankara"),
    ("A base in Manbij was hit with rockets, in attacks US officials attributed to Iranian-backed militias.",
     {"iran"}, "US officials"),
    # in the next sentence: the party guessed for the attack gives way to the one blamed
    ("An explosive device detonated near the market in Manbij. Turkish officials blamed the SDF.", {"sdf"},
     "Turkish officials"),
    ("Unidentified aircraft struck a position in Atarib. Sources close to HTS blamed Russia.", {"russia"},
     "Sources close to HTS"),
])
def test_an_attack_blamed_on_a_party_is_its_as_claimed(gazetteer, text, blocs, by):
    found = [c for t in ("strike", "attack") for c in events_of(run(text, gazetteer), t)]
    assert found and {b for c in found for b in c.blocs} == blocs, found
    assert {(c.modality.value, c.attribution) for c in found} == {("claimed", by)}


def test_a_blame_adds_a_claim_and_keeps_the_party_a_report_names(gazetteer):
    ex = run("Russian jets bombed Saraqib on Sunday. Turkish officials blamed HTS.", gazetteer)
    assert {(c.blocs, c.modality.value) for c in events_of(ex, "strike")} == {
        (("russia",), "reported"), (("hts",), "claimed")}


def test_a_blame_is_for_the_attack_it_follows(gazetteer):
    ex = run("Turkey has carried out strikes on Tal Abyad since a bombing in Manbij, which it blamed on the SDF. "
             "The strikes also hit Atarib.", gazetteer)
    by_place = {c.place_names: (c.blocs, c.modality.value) for c in events_of(ex, "strike")}
    assert by_place[("Manbij",)] == (("sdf",), "claimed")
    assert by_place[("Tal Abyad",)][0] == ("turkey",) and by_place[("Atarib",)][0] == ("turkey",)
    ex = run("Russian jets struck Saraqib, while Ankara blamed HTS for the fighting.", gazetteer)
    assert [c.blocs for c in events_of(ex, "strike")] == [("russia",)]


def test_a_blame_two_sentences_on_still_finds_its_attack(gazetteer):
    ex = run("A car bomb exploded near the market in Manbij. No group claimed responsibility. Turkish officials "
             "blamed the SDF.", gazetteer)
    assert [(c.blocs, c.modality.value) for c in events_of(ex, "attack")] == [(("sdf",), "claimed")]


def test_a_claim_of_responsibility_and_a_blame_both_stand(gazetteer):
    ex = run("A car bomb exploded near the market in Manbij. ISIS claimed the attack. The regime blamed Turkey.",
             gazetteer)
    assert {(c.blocs, c.modality.value) for c in events_of(ex, "attack")} == {
        (("isis",), "claimed"), (("turkey",), "claimed")}


def test_people_taken_by_an_aid_group_to_a_shelter_are_no_capture(gazetteer):
    ex = run("Government forces entered Saraqib on Monday. Families were taken by the Red Crescent to a temporary "
             "shelter in Atarib.", gazetteer)
    assert {c.place_names for c in events_of(ex, "capture")} == {("Saraqib",)}
    assert [c.blocs for c in events_of(run("Atarib was taken by HTS on Monday.", gazetteer), "capture")] == [("hts",)]


def test_a_headline_takes_is_a_capture(gazetteer):
    assert [c.blocs for c in events_of(run("HTS takes Atarib after heavy fighting", gazetteer), "capture")] == [("hts",)]
    assert events_of(run("HTS wants to take Atarib.", gazetteer), "capture") == []


def test_sent_columns_is_a_build_up_where_they_went(gazetteer):
    ex = run("The Republican Guard sent columns from Damascus to Tiyas airbase on Sunday.", gazetteer)
    assert [(c.place_names, c.blocs) for c in events_of(ex, "buildup")] == [(("T4 airbase",), ("syrian-government",))]


def test_a_noun_a_place_was_described_as_refers_back_to_it(gazetteer):
    ex = run("Troops secured the al-Lajat area, a rocky plateau north-east of Daraa. Russian jets had pounded the "
             "rocky plateau for days.", gazetteer)
    (strike,) = events_of(ex, "strike")
    assert strike.place_names == ("Lajat",) and strike.blocs == ("russia",)
    ex = run("Troops secured the al-Lajat area, a rocky plateau north-east of Daraa. Russian jets pounded the rocky "
             "plateau of Hauran.", gazetteer)
    assert [c.place_names for c in events_of(ex, "strike")] != [("Lajat",)]


def test_they_keep_outposts_is_the_party_told_before(gazetteer):
    ex = run("The Interior Ministry sent units to Atarib on Monday. Israeli forces have held the Hermon since 2024. "
             "They also keep a string of outposts near Quneitra.", gazetteer)
    assert [c.blocs for c in told_in(ex, "event", "They also", "buildup")] == [("israel",)]


@pytest.mark.parametrize("text, etype, modality", [
    ("Syrian army units will enter Qaboun once the last fighters have left.", "capture", "possible"),
    ("Russian military police are due to deploy in Jasim next week.", "buildup", "possible"),
    ("Syrian army units entered Qaboun on Monday.", "capture", "reported"),
])
def test_a_move_a_report_says_will_happen_is_possible(gazetteer, text, etype, modality):
    assert [c.modality.value for c in events_of(run(text, gazetteer), etype)] == [modality]


@pytest.mark.parametrize("text, etype", [
    ("Russian military police also set up a small post on the southern edge of Amuda.", "buildup"),
    ("Government troops took over the posts after the SDF handed them over near Amuda.", "handover"),
])
def test_build_up_and_handover_told_with_an_object_between(gazetteer, text, etype):
    assert events_of(run(text, gazetteer), etype)


@pytest.mark.parametrize("text, etype, absent", [
    ("Residents said gunmen exchanged fire with a Fourth Division checkpoint near Tafas.", "clash", None),
    ("SDF units fought house to house in Raqqa.", "clash", None),
    ("Islamic State sent a suicide car bomb into an army convoy near Maadan.", "attack", "buildup"),   # the convoy
])
def test_exchanges_of_fire_house_to_house_fighting_and_a_convoy_struck(gazetteer, text, etype, absent):
    ex = run(text, gazetteer)
    assert events_of(ex, etype) and not (absent and events_of(ex, absent))


@pytest.mark.parametrize("text, etype, place_name", [
    ("Soldiers of the Syrian army's Fourth Division crept towards Kinsabba; there was a firefight that lasted two "
     "hours.", "clash", "Kinsabba"),
    ("US-led coalition forces carried out a heliborne raid on a farm in Busayrah.", "attack", "Busayrah"),
    ("Fighters of the Syrian army's Fourth Division tried on Sunday to break into the town of Tafas.", "attack",
     "Tafas"),
    ("The Syrian Ministry of Defence has strengthened its positions around Sirghaya.", "buildup", "Sirghaya"),
    ("Al-Sukhnah was the launch point for a Syrian army sweep into the desert near Arak.", "military_action", "Arak"),
])
def test_event_words_of_fights_raids_and_sweeps(gazetteer, text, etype, place_name):
    assert any(place_name in c.place_names[0] for c in events_of(run(text, gazetteer), etype))


def test_a_sweep_told_by_its_verb_is_no_operation(gazetteer):
    ex = run("Syrian army convoys sweep into Morek.", gazetteer)
    assert events_of(ex, "military_action") == []


@pytest.mark.parametrize("text, etype, blocs", [
    ("At night a column of about thirty pick-up trucks carrying Liwa al-Baqir men drove into Hatla.", "buildup",
     ("iran",)),
    ("A convoy of 25 vehicles carrying fighters of the Afghan Fatemiyoun Brigade drove into al-Mayadin.", "buildup",
     ("iran",)),
    ("Turkish howitzers then hammered the outskirts of Tal Rifaat for several hours.", "strike", ("turkey",)),
    ("The Manbij Military Council said it had beaten back a group of fighters near al-Arimah.", "clash", ("sdf",)),
])
def test_who_a_column_carries_and_strikes_and_clashes_in_other_words(gazetteer, text, etype, blocs):
    assert [c.blocs for c in events_of(run(text, gazetteer), etype)][:1] == [blocs]


@pytest.mark.parametrize("text, blocs", [
    ("Shortly after midnight, mortar rounds fired from the regime-run side landed on farmland near al-Kasrah.",
     ("syrian-government",)),
    ("In Kilis, two rockets fired from IS-held territory struck a residential street.", ("isis",)),
])
def test_fire_from_a_partys_side_is_that_partys(gazetteer, text, blocs):
    assert [c.blocs for c in events_of(run(text, gazetteer), "strike")][:1] == [blocs]


@pytest.mark.parametrize("text, hit, origin, blocs", [
    ("Activists reported rocket fire on al-Ziyarah from regime positions near Shathah this week.", "Ziyarah",
     "Shathah", ("syrian-government",)),
    ("Mortar rounds landed on Azaz from SDF positions in Tal Rifaat.", "Azaz", "Tal Rifaat", ("sdf",)),
    ("Shells fell on Idlib from regime positions around Saraqib.", "Idlib", "Saraqib", ("syrian-government",)),
])
def test_fire_from_a_partys_positions_is_that_partys_and_not_where_it_landed(gazetteer, text, hit, origin, blocs):
    strikes = events_of(run(text, gazetteer), "strike")
    assert [(c.blocs, hit in c.place_names[0]) for c in strikes] == [(blocs, True)]
    assert not any(origin in c.place_names[0] for c in strikes)


def test_raids_no_one_is_named_for_are_by_the_planes_told_before(gazetteer):
    ex = run("Russian warplanes returned to the far north of Idlib this week. Local monitors counted eleven raids on "
             "the hills around Harim.", gazetteer)
    assert [c.blocs for c in events_of(ex, "strike")] == [("russia",)]


def test_raids_after_a_sentence_without_planes_take_no_party_from_it(gazetteer):
    ex = run("Russian officers met Turkish officers in Saraqib this week. Local monitors counted eleven raids on the "
             "hills around Harim.", gazetteer)
    assert ("russia",) not in [c.blocs for c in events_of(ex, "strike")]


@pytest.mark.parametrize("text, blocs", [
    ("Al-Qabu stayed in government hands. Residents said gunners in al-Qabu shelled Taldou in April.",
     ("syrian-government",)),
    ("Al-Mayadin is held by the Syrian army. Mortar rounds fired from al-Mayadin hit the outskirts of Dhiban.",
     ("syrian-government",)),
    # the holder of where it came from, before the side that tells of it or the last to strike
    ("Afrin is held by the YPG. Rockets fired from Afrin have struck Kilis several times since January, according "
     "to Turkish officials.", ("sdf",)),
])
def test_fire_no_party_is_named_for_is_by_the_holder_of_its_origin(gazetteer, text, blocs):
    assert [c.blocs for c in events_of(run(text, gazetteer), "strike")] == [blocs]


def test_fire_from_a_held_place_is_the_holders_not_the_last_strikers(gazetteer):
    ex = run("Jarablus is held by the Islamic State. Turkish troops shelled Manbij on Monday. Mortar bombs fired from "
             "Jarablus hit Karkamis several times.", gazetteer)
    assert [(c.place_names[0][:6], c.blocs) for c in events_of(ex, "strike")] == [("Manbij", ("turkey",)),
                                                                                  ("Karkam", ("isis",))]


def test_fire_from_the_direction_of_a_place_is_not_located_there(gazetteer):
    ex = run("Khusham is held by Iranian-backed militias. Mortar rounds fired from the direction of Khusham hit "
             "farmland near al-Busayrah.", gazetteer)
    assert [c.place_names[0] for c in events_of(ex, "strike")] == ["near al-Busayrah"]


def test_bringing_armour_to_places_is_a_build_up_at_each(gazetteer):
    ex = run("Since Friday the Syrian army has been bringing tanks and rocket launchers to Khan Arnabah and Madinat "
             "al-Baath.", gazetteer)
    assert {c.place_names[0] for c in events_of(ex, "buildup")} == {"Khan Arnabah", "Madinat al-Baath"}


def test_a_security_campaign_is_a_military_action(gazetteer):
    ex = run("The SDF said a wide security campaign would be launched around al-Jarniyah.", gazetteer)
    assert [(c.blocs, c.modality.value) for c in events_of(ex, "military_action")] == [(("sdf",), "possible")]


def test_a_post_that_is_stormed_is_no_build_up(gazetteer):
    ex = run("Islamic State gunmen stormed a military post near Jubb al-Jarrah.", gazetteer)
    assert not events_of(ex, "buildup") and [c.blocs for c in events_of(ex, "attack")] == [("isis",)]


def test_a_relative_clause_after_a_towns_apposition_is_about_the_town(gazetteer):
    ex = run("That ended in Qarah, a dusty town sitting some 64 kilometres due south of Homs, which was captured by "
             "Syrian troops on Tuesday.", gazetteer)
    qarah = place(gazetteer, "Qarah")
    assert [geom(c).distance(qarah.geometry) < 0.01 for c in events_of(ex, "capture")] == [True]


_RAID = ("HOMS, Syria – Four Syrian soldiers were killed when gunmen stormed a post on the eastern outskirts of Jubb "
         "al-Jarrah. The post was hit from two directions. The attackers withdrew after an hour. Roads were closed.")


def test_an_attack_told_by_its_victims_is_drawn_with_them(gazetteer):
    assert [(c.blocs, c.modality.value) for c in events_of(run(_RAID, gazetteer), "attack")] == \
        [(("syrian-government",), "reported")]


def test_a_claim_four_sentences_on_joins_the_victims_of_the_attack(gazetteer):
    ex = run(_RAID + " The Islamic State group claimed the raid.", gazetteer)
    assert [(set(c.blocs), c.modality.value) for c in events_of(ex, "attack")] == \
        [({"isis", "syrian-government"}, "claimed")]


def test_army_vehicles_are_the_armys(gazetteer):
    ex = run("HOMS, Syria – A column of army vehicles was sent from al-Mukharram al-Fawqani to Jubb al-Jarrah.",
             gazetteer)
    assert [c.blocs for c in claims(ex, "route")] == [("syrian-government",)]


def test_officials_tell_of_their_own_planned_operation(gazetteer):
    ex = run("The Syrian army pressed ahead with a security campaign in Homs on Monday. Turkish officials have said an "
             "operation against Kobani may be launched.", gazetteer)
    assert [c.blocs for c in events_of(ex, "military_action") if c.place_names[0] == "Kobani"] == [("turkey",)]


def test_both_places_of_the_sentence_before_were_taken(gazetteer):
    ex = run("The decisive change is the capture of Kurnaz and, a day later, of Qalaat al-Madiq. Both were taken by "
             "Syrian government forces after days of air strikes.", gazetteer)
    assert {(c.place_names[0], c.blocs) for c in events_of(ex, "capture")} == \
        {("Karnaz", ("syrian-government",)), ("Qalaat al-Madiq", ("syrian-government",))}
    assert {c.place_names[0] for c in claims(ex, "control")} == {"Karnaz", "Qalaat al-Madiq"}


@pytest.mark.parametrize("text, taken", [
    ("The town of Kafr Nabl was taken by Syrian government forces in February.", ["Kafr Nabl"]),
    ("Those evacuees from Kafr Nabl were taken by bus to government-held Aleppo.", []),
    ("Men were separated from their families on the edge of al-Baghouz and taken by the SDF to Hasakah.", []),
])
def test_a_place_is_taken_by_a_party_people_are_taken_somewhere(gazetteer, text, taken):
    assert [c.place_names[0] for c in events_of(run(text, gazetteer), "capture")] == taken


@pytest.mark.parametrize("text, place, blocs", [
    ("Syrian regime commanders speak openly of Yabroud as the next objective.", "Yabroud", ("syrian-government",)),
    ("Maabatli is likely the Turkish army's next target.", "Maabatli", ("turkey",)),
    ("Do you expect a Turkish offensive? If the talks collapse, the first target will be Maabatli.", "Maabatli",
     ("turkey",)),
    ("Turkish troops are massing near Afrin. Their target is Maabatli.", "Maabatli", ("turkey",)),
    ("Turkish troops are massing near Afrin. Their target is Maabatli, and when they move, the YPG will be the "
     "excuse.", "Maabatli", ("turkey",)),   # not the party named later in the sentence
    ("Islamic State fighters withdrew from Dabiq. Rebel commanders said al-Bab was their next target.", "al-Bab",
     ("opposition",)),   # theirs: the party of the sentence's own subject
])
def test_a_named_next_target_is_a_possible_military_action(gazetteer, text, place, blocs):
    assert [(c.place_names[0], c.blocs, c.modality.value) for c in events_of(run(text, gazetteer), "military_action")] \
        == [(place, blocs, "possible")]


def test_a_target_struck_is_no_objective(gazetteer):
    ex = run("Russian jets struck the main target, a depot in Ariha.", gazetteer)
    assert events_of(ex, "military_action") == [] and [c.modality.value for c in events_of(ex, "strike")] == \
        ["reported"]


def test_a_next_target_without_a_place_is_no_event(gazetteer):
    assert not events_of(run("The Turkish army's next target is not yet known.", gazetteer), "military_action")


@pytest.mark.parametrize("text", [
    'State television says the Syrian army has "restored security and stability" to Qarah.',
    "SANA said army units of the Syrian army restored security and stability on Monday to Qarah.",
])
def test_security_restored_to_a_place_is_its_capture(gazetteer, text):
    assert [c.blocs for c in events_of(run(text, gazetteer), "capture")] == [("syrian-government",)]


@pytest.mark.parametrize("text", [
    "Kurnaz was hit by Russian and Syrian air strikes.",
    "Days of Russian and Syrian air strikes hit Kurnaz.",
])
def test_strikes_named_by_two_coordinated_countries_are_both_of_theirs(gazetteer, text):
    assert [set(c.blocs) for c in events_of(run(text, gazetteer), "strike")] == [{"russia", "syrian-government"}]


def test_a_modal_after_a_list_of_places_makes_the_event_possible(gazetteer):
    ex = run('Erdogan said a Turkish ground operation against Kobani, Manbij and Tal Rifaat could begin "at any '
             'moment".', gazetteer)
    assert {c.modality.value for c in events_of(ex, "military_action")} == {"possible"}


def test_a_modal_in_the_next_clause_leaves_the_list_reported(gazetteer):
    ex = run("The Syrian army shelled Kobani, Manbij and Tal Rifaat, and Turkey could respond.", gazetteer)
    assert {c.modality.value for c in events_of(ex, "strike")} == {"reported"}


def test_a_word_of_a_partys_capitalised_name_is_no_event(gazetteer):
    ex = run("Fighters of the Military Operations Command entered Hama on Thursday.", gazetteer)
    assert events_of(ex, "military_action") == []
    ex = run("The Russian Centre for Reconciliation registered violations in Latakia.", gazetteer)
    assert events_of(ex, "agreement") == []


def test_the_lower_case_strikes_of_an_actor_name_stay_an_event(gazetteer):
    ex = run("Russian air strikes hit Ariha on Monday.", gazetteer)
    assert [c.place_names[0] for c in events_of(ex, "strike")] == ["Ariha"]


@pytest.mark.parametrize("text, place", [
    ("The humanitarian corridors near Saraqib, set up by the Russian military, remain open.", "near Saraqib"),
    ("The Syrian army opened a corridor near Tadef for civilians.", "near Tadef"),
    ("The rebels in Darayya agreed to lay down their arms and leave the town.", "Daraya"),
])
def test_corridors_and_agreeing_to_leave_are_agreements(gazetteer, text, place):
    assert place in [c.place_names[0] for c in events_of(run(text, gazetteer), "agreement")]


def test_a_corridor_of_land_is_no_agreement(gazetteer):
    assert events_of(run("The SDF holds a corridor of land between Tal Tamr and Hasakah.", gazetteer),
                     "agreement") == []


@pytest.mark.parametrize("text", [
    "Helicopters dropped barrel bombs on Saraqib.",
    "Barrel bombs hit Saraqib on Monday, the Observatory said.",
])
def test_barrel_bombs_name_the_syrian_air_force(gazetteer, text):
    assert [c.blocs for c in events_of(run(text, gazetteer), "strike")] == [("syrian-government",)]


def test_air_strikes_a_party_names_stay_that_partys(gazetteer):
    assert [c.blocs for c in events_of(run("Russian air strikes hit Ariha on Monday.", gazetteer), "strike")] == \
        [("russia",)]


@pytest.mark.parametrize("text, places", [
    ("Government forces withdrew from Morek to Hama.", ["Morek"]),
    ("Rebel fighters retreated from Kafr Zita towards the town of Khan Shaykhun.", ["Kafr Zita"]),
    ("Government forces withdrew towards Hama.", ["Hama"]),   # where they left is not told: where they went
    ("Government troops based in Salamiyah pulled out towards Homs late on Thursday.", ["Salamiyah"]),
    ("Hezbollah units stationed around Qatana are pulling back to Lebanon through the Jdeidat Yabous crossing, about "
     "26 km north-northwest of the town.", ["around Qatana"]),   # not the way they take
])
def test_a_withdrawal_happens_where_the_force_leaves(gazetteer, text, places):
    assert [c.place_names[0] for c in events_of(run(text, gazetteer), "handover")] == places


def test_a_handover_to_a_party_still_names_the_place(gazetteer):
    ex = run("The SDF handed over Tabqa to government forces.", gazetteer)
    assert [c.place_names[0] for c in events_of(ex, "handover")] == ["Tabqa"]


@pytest.mark.parametrize("text, blocs, place_name", [
    ("Kurdish-led forces moved into Deir Hafer after government troops pulled out.", ("sdf",), "Deir Hafer"),
    ("Israeli forces moved into the town of Quneitra.", ("israel",), "Quneitra"),
])
def test_moving_into_a_named_place_is_a_build_up(gazetteer, text, blocs, place_name):
    assert [(c.blocs, c.place_names[0]) for c in events_of(run(text, gazetteer), "buildup")] == [(blocs, place_name)]


def test_families_moving_into_a_town_are_no_build_up(gazetteer):
    assert events_of(run("Thousands of displaced families moved into Deir Hafer.", gazetteer), "buildup") == []


@pytest.mark.parametrize("text", [
    'Clashes broke out in Sharran between factions of the Turkish-backed "National Army".',
    "Clashes broke out in Sharran between factions of the Turkish-backed National Army.",
])
def test_a_quoted_name_after_its_backer_is_the_party(gazetteer, text):
    assert [c.blocs for c in events_of(run(text, gazetteer), "clash")] == [("opposition",)]


@pytest.mark.parametrize("text, etype, blocs, name", [
    ("The factions fired several locally made rockets at the regime positions in Bloudan.", "strike",
     {"opposition"}, "Bloudan"),
    ("Regime helicopters are dropping barrels on al-Lataminah.", "strike", {"syrian-government"}, "al-Lataminah"),
    ("The US moved HIMARS rocket launchers from Jordan to al-Tanf.", "buildup", {"us-coalition"}, "al-Tanf"),
])
def test_fire_barrels_and_launchers(gazetteer, text, etype, blocs, name):
    (c,) = events_of(run(text, gazetteer), etype)
    assert blocs <= set(c.blocs) and c.place_names[0] == name


# Each case: a sentence, an event type, and every (place, blocs, modality) of that type it tells.
_TOLD = [
    pytest.param("Government forces captured Kafr Zita on Monday. A military source said the next target was Morek.",
                 "military_action", [("Morek", ("syrian-government",), "possible")], id="next-target"),
    pytest.param("A military source said the next target was Morek.", "military_action", [], id="next-target-no-party"),
    pytest.param("Once the SDF pushes toward Raqqa, aid agencies expect more displacement.", "military_action",
                 [("Raqqa", ("sdf",), "reported")], id="pushes-toward"),
    pytest.param("Government forces pushed towards Saraqib after taking Kafr Zita.", "capture",
                 [("Kafr Zita", ("syrian-government",), "reported")], id="taking"),
    pytest.param("Russia is taking Turkey's concerns into account in Idlib.", "capture", [], id="taking-a-possessive"),
    pytest.param("Ghasm was stormed by the Syrian army last Wednesday.", "attack",
                 [("Ghaşam", ("syrian-government",), "reported")], id="stormed-by"),
    pytest.param("Kafr Nabl was shelled by government forces.", "strike",
                 [("Kafr Nabl", ("syrian-government",), "reported")], id="shelled-by"),
    pytest.param("The week was dominated by the Turkish drone strikes, which damaged facilities around Qamishli.",
                 "strike", [("around Qamishli", ("turkey",), "reported")], id="dominated-by-no-place"),
]


@pytest.mark.parametrize("text, etype, told", _TOLD)
def test_what_a_sentence_tells_of_an_event(gazetteer, text, etype, told):
    assert [(c.place_names[0], c.blocs, c.modality.value) for c in events_of(run(text, gazetteer), etype)] == told


def test_a_holder_named_before_a_passive_strike_did_not_strike(gazetteer):
    ex = run("Nabk remains under rebel control, although it was repeatedly hit by warplanes on Thursday.", gazetteer)
    assert all("opposition" not in c.blocs for c in events_of(ex, "strike"))


@pytest.mark.parametrize("text, found", [
    ("Turkish troops gathered near Azaz on Monday.", [("turkey",)]),
    ("Russian units had gathered overnight around Kuweires.", [("russia",)]),
    ("Turkish troops shelled Tal Rifaat. Crowds gathered in Azaz to protest.", []),
    ("Russian jets struck Idlib. Residents gathered in Saraqib on Friday.", []),
])
def test_forces_that_gather_somewhere_build_up_there_and_crowds_do_not(gazetteer, text, found):
    assert [c.blocs for c in events_of(run(text, gazetteer), "buildup")] == found


@pytest.mark.parametrize("text, where, blocs", [
    ("The Syrian army abandons Thaala airport.", ["Thala"], ("syrian-government",)),
    ("SDF fighters left Manbij for Kobani.", ["Manbij"], ("sdf",)),
    ("Turkish troops quit the Morek post on Monday.", ["Morek"], ("turkey",)),
])
def test_forces_that_abandon_leave_or_quit_a_place_hand_it_over(gazetteer, text, where, blocs):
    handed = events_of(run(text, gazetteer), "handover")
    assert ([c.place_names[0] for c in handed], {c.blocs for c in handed}) == (where, {blocs})


@pytest.mark.parametrize("text", [
    "Israel built nine posts down to the area around the abandoned city of Quneitra.",
    "A Syrian army convoy left Hasakah for Qamishli.",
    "Russian officers left Damascus for talks in Ankara.",
])
def test_an_abandoned_town_a_convoy_leaving_or_officers_travelling_hand_nothing_over(gazetteer, text):
    assert events_of(run(text, gazetteer), "handover") == []


def test_reinforcements_from_the_centre_of_a_city_build_up_where_they_went(gazetteer):
    ex = run("Regime forces brought reinforcements from the centre of Damascus to Jobar.", gazetteer)
    assert [c.place_names for c in events_of(ex, "buildup")] == [("Jobar",)]


@pytest.mark.parametrize("text", [
    "Thousands of civilians have fled Rastan since the offensive began last month.",
    "Russian aircraft circled over Ariha for hours before the shelling began.",
    "Militia units moved from Sheikh Miskin to Izra in the days after the fighting ended.",
])
def test_a_fight_that_only_dates_another_is_no_event(gazetteer, text):
    ex = run(text, gazetteer)
    assert events_of(ex, "military_action") + events_of(ex, "strike") + events_of(ex, "clash") == []


@pytest.mark.parametrize("text, place_name, blocs", [
    ("Two rockets fired by Daesh from Syria landed in an empty field in Kilis.", "Kilis", ("isis",)),
    ("A rocket fired by rebels from the Lajat landed on the outskirts of Shahba.", "Shahba", ("opposition",)),
])
def test_rockets_fired_by_a_party_are_its_strike_where_they_land(gazetteer, text, place_name, blocs):
    (strike,) = events_of(run(text, gazetteer), "strike")
    assert place_name in strike.place_names[0] and strike.blocs == blocs


def test_units_leaving_a_town_hand_it_over_not_where_they_head(gazetteer):
    ex = run("Residents of Masyaf report that Syrian army units have been leaving the town since the morning, heading "
             "towards Wadi al-Uyun.", gazetteer)
    assert [c.place_names for c in events_of(ex, "handover")] == [("Masyaf",)]


@pytest.mark.parametrize("text, where", [
    ("The Third Legion moved two battalions from Azaz to positions near al-Ghandurah.", ["near al-Ghandurah"]),
    ("The NFL moved units from the area of Ariha to the Kabani axis.", ["Kabani"]),
])
def test_units_moved_build_up_where_they_went_not_where_they_left(gazetteer, text, where):
    assert [c.place_names[0] for c in events_of(run(text, gazetteer), "buildup")] == where


@pytest.mark.parametrize("text", [
    "Sources close to the regime spoke of an imminent operation to retake Uqayribat.",
    "Regime forces brought reinforcements to Kafr Nabl ahead of an impending offensive on Jabal al-Zawiya.",
])
def test_an_imminent_or_impending_operation_is_possible(gazetteer, text):
    ops = events_of(run(text, gazetteer), "military_action")
    assert ops and {c.modality.value for c in ops} == {"possible"}


def test_a_party_named_only_for_its_territory_does_not_move(gazetteer):
    ex = run("Opposition groups moved an estimated 300 fighters from Idlib through Turkish territory to Azaz.",
             gazetteer)
    assert {c.blocs for c in events_of(ex, "buildup")} == {("opposition",)}


@pytest.mark.parametrize("text,place", [
    ("Military analysts said the army could reach Saraqib within weeks.", "Saraqib"),
    ('The source said the army would now "continue towards Saraqib", a rebel-held town.', "Saraqib"),
    ("Asked whether Turkish troops might head for Tal Rifaat, the official said nothing is ruled out.", "Tal Rifaat"),
    ("HTS could return to Afrin within hours if it chose to.", "Afrin"),
    ("Turkish forces may try to cross into Kobani.", "Kobani"),
    ("The army sets its sights on Saraqib.", "Saraqib"),
    ("Analysts expect HTS to try to take Hama within days.", "Hama"),
    ("Turkish officials did not rule out pushing further south towards Tal Tamr.", "Tal Tamr"),
    ("A renewed government push from al-Mazraa toward Sweida city is possible.", "Suwayda"),
    ("Analysts say Damascus may now turn its full weight on Daraa al-Balad.", "Daraa al-Balad"),
    ("The army's ground offensive could target Harasta first.", "Harasta"),
])
def test_a_move_spoken_of_as_possible_is_a_possible_military_action(gazetteer, text, place):
    ops = events_of(run(text, gazetteer), "military_action")
    assert place in {c.place_names[0] for c in ops}
    assert {c.modality.value for c in ops} == {"possible"}


@pytest.mark.parametrize("text", [
    "The army reached Saraqib on Monday.",              # told as done: a move, not a plan
    "Turkish troops headed for Tal Rifaat on Sunday.",
    "Displaced families may return to Afrin in the spring.",   # no party
    "The army did not reach Saraqib.",
    "The army pushed into Harasta on Monday.",
])
def test_a_move_told_as_done_or_without_a_party_is_no_military_action(gazetteer, text):
    assert events_of(run(text, gazetteer), "military_action") == []


@pytest.mark.parametrize("text,etype,modality", [
    ("I think the regime will attack Saraqib.", "military_action", "possible"),
    ("If Kobani is attacked by Turkey, it will not be a short war.", "military_action", "possible"),
    ("The regime attacked Saraqib on Monday.", "attack", "reported"),
])
def test_a_threatened_attack_is_a_military_action(gazetteer, text, etype, modality):
    ex = run(text, gazetteer)
    assert [c.modality.value for c in events_of(ex, etype)] == [modality]
    assert not events_of(ex, "attack" if etype == "military_action" else "military_action")


@pytest.mark.parametrize("text,blocs", [
    ("Republican Guard units and Hezbollah fighters attacked Mleiha.", ("syrian-government", "iran")),
    ("Russian troops and Turkish soldiers patrolled Darbasiyah.", ("russia", "turkey")),
])
def test_parties_named_with_their_head_nouns_act_together(gazetteer, text, blocs):
    (event,) = [c for c in run(text, gazetteer).claims if c.kind == "event"]
    assert event.blocs == blocs


@pytest.mark.parametrize("text,place", [
    ("NDF fighters were rushed from Salamiyah in pick-up trucks as the fighting spread to Mabujah.", "Mabujah"),
    ("NDF fighters were flown from Qamishli to Tafas on Sunday.", "Tafas"),
    ("Two weeks ago about forty SDF vehicles came from al-Shaddadi to Hajin.", "Hajin"),
])
def test_forces_carried_somewhere_are_a_build_up(gazetteer, text, place):
    assert place in {c.place_names[0] for c in events_of(run(text, gazetteer), "buildup")}


def test_people_sent_somewhere_are_no_build_up(gazetteer):
    assert events_of(run("Residents were sent from Douma to the camps.", gazetteer), "buildup") == []


def test_coalition_air_strikes_are_the_coalitions(gazetteer):
    (strike,) = events_of(run("Coalition air strikes hit Raqqa on Monday.", gazetteer), "strike")
    assert strike.blocs == ("us-coalition",)


def test_rockets_fired_after_a_long_count_are_a_strike(gazetteer):
    (strike,) = events_of(run("Rebels fired at least six Grad rockets at al-Qardaha.", gazetteer), "strike")
    assert strike.blocs == ("opposition",)


def test_these_groups_are_the_party_told_before(gazetteer):
    ex = run("Iranian-backed militias hold al-Bukamal. Over the summer these groups have reinforced their positions "
             "in al-Mayadin.", gazetteer)
    assert [(c.place_names[0], c.blocs) for c in events_of(ex, "buildup")] == [("al-Mayadin", ("iran",))]


@pytest.mark.parametrize("text,place,blocs", [
    ("The SDF reinforced its posts near Hajin, sending at least six vehicles and a company of fighters.", "Hajin",
     ("sdf",)),
    ("The SDF sent at least six vehicles and a company of fighters to Hajin.", "Hajin", ("sdf",)),
    ("Washington answered by flying in about 100 Marines with artillery to the al-Tanf base.", "al-Tanf",
     ("us-coalition",)),
    ("SYRIA, 12 April 2025 – Syrian border guards were sent to Qusayr.", "al-Qusayr", ("hts", "syrian-government")),
])
def test_forces_sent_or_flown_in_are_a_build_up(gazetteer, text, place, blocs):
    found = [(c.place_names[0], c.blocs) for c in events_of(run(text, gazetteer), "buildup")]
    assert any(place in name and bl == blocs for name, bl in found), found


@pytest.mark.parametrize("text,etype,modality", [
    ("A government counter-attack toward Suran was expected within days.", "military_action", "possible"),
    ("Rebels repelled a government counter-attack on Suran.", "attack", "reported"),
])
def test_a_counter_attack_is_an_attack(gazetteer, text, etype, modality):
    assert "syrian-government" in {b for c in events_of(run(text, gazetteer), etype) for b in c.blocs
                                   if c.modality.value == modality}


@pytest.mark.parametrize("text", [
    "SALMA, Syria – The army shelled Salma. An army ground offensive on Salma is expected within weeks.",
    "A Turkish air and ground operation against Tal Rifaat is expected.",
])
def test_words_between_a_party_and_its_operation_keep_the_party(gazetteer, text):
    ops = events_of(run(text, gazetteer), "military_action")
    assert ops and {c.modality.value for c in ops} == {"possible"} and all(c.blocs for c in ops)


@pytest.mark.parametrize("text,bloc", [
    ("The town of Mhardeh, which remains in government hands, was hit by mortar rounds fired from the factions' "
     "positions.", "opposition"),
    ("Rockets fired from areas controlled by Hayat Tahrir al-Sham struck residential streets in al-Suqaylabiyah.",
     "hts"),
])
def test_fire_from_a_partys_positions_or_areas_is_the_partys(gazetteer, text, bloc):
    (strike,) = events_of(run(text, gazetteer), "strike")
    assert strike.blocs[0] == bloc


def test_three_parties_listed_with_commas_all_sign(gazetteer):
    (deal,) = events_of(run("Russia, Turkey and Iran signed an agreement on Idlib.", gazetteer), "agreement")
    assert set(deal.blocs) == {"russia", "turkey", "iran"}


def test_a_party_named_as_the_object_before_a_comma_is_no_subject(gazetteer):
    ex = run("Since Erdogan vowed to clean Tal Rifaat of Kurdish fighters, Iranian-backed militias have been "
             "strengthening their positions in Nubl.", gazetteer)
    assert [c.blocs for c in events_of(ex, "buildup")] == [("iran",)]


def test_the_entry_of_a_force_into_a_place_is_a_capture(gazetteer):
    ex = run("Since the fall of the Assad government and the entry of HTS-led forces into Damascus, much has changed.",
             gazetteer)
    assert [(c.place_names[0], c.blocs[0]) for c in events_of(ex, "capture")] == [("Damascus", "hts")]


def test_jaysh_khalid_is_the_islamic_states_affiliate(gazetteer):
    (attack,) = events_of(run("Jaysh Khalid fighters attacked an army checkpoint in Nawa.", gazetteer), "attack")
    assert attack.blocs[0] == "isis"


def test_a_move_told_as_done_keeps_its_own_event_word(gazetteer):
    ex = run("HTS fighters overran Kfar Dael and were pushing south towards Zarbah, the Observatory said.", gazetteer)
    assert ("al-Zarbah", "claimed") in {(c.place_names[0], c.modality.value) for c in events_of(ex, "military_action")}


def test_control_consolidated_over_places_is_their_capture(gazetteer):
    ex = run("HTS fighters consolidated their control on Monday over the city of Khan Shaykhun and the town of "
             "al-Tamanah.", gazetteer)
    assert {c.place_names[0] for c in events_of(ex, "capture")} == {"Khan Sheikhoun", "al-Tamanah"}


def test_areas_a_force_entered_named_by_no_place_are_no_capture_of_places_told_after(gazetteer):
    ex = run("Reinforcements of the Baqir Brigade arrived. The areas that these forces have entered are adjacent to "
             "the areas held by the Syrian opposition, west of Aleppo and east of Idlib.", gazetteer)
    assert events_of(ex, "capture") == []


@pytest.mark.parametrize("text,captures", [
    ("In Syria, Maskanah was taken by the army in 2017; al-Thawra was taken by the SDF in May.",
     {("Maskanah", "syrian-government"), ("Tabqa", "sdf")}),
    ("In Syria, Maskanah and Deir Hafer were taken by the army from ISIS in 2017.",
     {("Maskanah", "syrian-government"), ("Deir Hafer", "syrian-government")}),
    ("Suluk, 19 km southeast of Tal Abyad, was taken by the SNA the following day.", {("Suluk", "opposition")}),
    ("Al-Mansurah, 27 km west-southwest of Raqqa on the road from al-Tabqa, was taken by the SDF on 4 June.",
     {("al-Mansoura", "sdf")}),
])
def test_a_place_taken_is_the_passive_subject(gazetteer, text, captures):
    assert {(c.place_names[0], c.blocs[0]) for c in events_of(run(text, gazetteer), "capture")} == captures


@pytest.mark.parametrize("text,blocs", [
    ("Kobani has been under SDF control since it was recaptured from ISIS in 2015.", ["sdf"]),
    ("Manbij was captured from Islamic State by the SDF in August 2016.", ["sdf"]),
    ("Afrin was seized from the Kurdish-led People's Protection Units (YPG) in March 2018 by Turkey.", ["turkey"]),
    ("Manbij was captured from Islamic State in August 2016.", []),
])
def test_the_party_a_place_is_taken_from_did_not_take_it(gazetteer, text, blocs):
    found = [c.blocs for c in events_of(run(text, gazetteer), "capture")]
    assert all(list(b) == blocs for b in found) and (found or not blocs)


def test_a_patrol_entering_from_a_partys_side_is_that_partys(gazetteer):
    ex = run("A Turkish patrol crossed the border. The patrol entered from the Turkish side near Darbasiyah.", gazetteer)
    assert all("turkey" in c.blocs for c in events_of(ex, "capture"))


def test_a_convoy_hit_in_the_sentence_before_is_not_its_attackers(gazetteer):
    ex = run("ISIS cells ambushed a convoy of fuel tankers between al-Resafa and Ithriyah. The convoy had loaded crude "
             "oil in al-Tabqa and crossed at al-Resafa.", gazetteer)
    assert not [c for c in events_of(ex, "buildup") if "isis" in c.blocs]


def test_a_convoy_after_a_sentence_on_a_force_is_that_forces(gazetteer):
    ex = run("Turkey poured more troops into Idlib. A convoy of 150 vehicles headed to Taftanaz.", gazetteer)
    assert ("Taftanaz", "turkey") in {(c.place_names[0], c.blocs[0]) for c in events_of(ex, "buildup")}


def test_a_force_a_convoy_carries_did_not_withdraw(gazetteer):
    ex = run("ALEPPO, Syria – A convoy of about 40 vehicles carrying fighters of the Iranian-backed Liwa al-Baqir and "
             "the National Defence Forces left Aleppo on Friday and reached Deir Hafer late the same day.", gazetteer)
    assert events_of(ex, "handover") == []
    assert {c.place_names[0] for c in events_of(ex, "buildup")} == {"Deir Hafer"}


def test_buses_carrying_fighters_out_of_a_place_hand_it_over(gazetteer):
    ex = run("ALEPPO, Syria – The first buses carrying fighters of the Syrian Democratic Forces left Sheikh Maqsoud.",
             gazetteer)
    assert [c.place_names[0] for c in events_of(ex, "handover")] == ["Sheikh Maqsoud"]


@pytest.mark.parametrize("text,etype", [
    ("ALEPPO, Syria – Russia has flown additional attack helicopters and an air-defence system into the Jirah "
     "airbase.", "buildup"),
    ("ALEPPO, Syria – Russian attack helicopters struck Maskanah.", "strike"),
])
def test_attack_helicopters_are_aircraft_not_an_attack(gazetteer, text, etype):
    assert {c.event_type.value for c in claims(run(text, gazetteer), "event")} == {etype}


_QA_DERIK = ('"They will not pass": a commander on the Derik front\n\nQAMISHLI, Syria – We spoke to Baran Hesko, an SDF '
             "commander in the al-Malikiyah sector.\n\nQ: Ankara says it is striking PKK infrastructure near Derik.\n\n"
             "A: Let them show one fighter killed. There was a guard and two engineers.\n\nQ: Do you expect a ground "
             "operation?\n\nA: We do not rule it out. They could try to push toward al-Malikiyah from the Cizre side.")
_QA_GHAB = ('"Nothing is finished": a commander on the Ghab front\n\nIDLIB, Syria – We spoke to Abu Omar, a commander of '
            "the National Front for Liberation near Qalaat al-Madiq.\n\nQ: The army has taken Qalaat al-Madiq. What "
            "happened?\n\nA: The regime came with Russian aircraft. Turkey sent us ammunition after the offensive "
            "started.\n\nQ: What do you expect in the coming days?\n\nA: They will try to push north into the Ghab "
            "plain, towards al-Ziyarah.")


def test_they_after_we_is_the_other_side_named_last(gazetteer):
    (push,) = [c for c in events_of(run(_QA_DERIK, gazetteer), "military_action") if c.place_names == ("al-Malikiyah",)]
    assert push.blocs == ("turkey",)


def test_they_after_we_is_never_an_ally_of_ours(gazetteer):
    assert not [c for c in claims(run(_QA_GHAB, gazetteer), "event") if "turkey" in c.blocs]


@pytest.mark.parametrize("text,where", [
    ("DAMASCUS, Syria – The army could launch a new sweep of the desert between Jayrud and al-Qaryatayn.",
     "between Jayrud and al-Qaryatayn"),
    ("DOUMA, Syria – On 4 March, the army carried out a security sweep in Douma.", "Douma"),
])
def test_a_sweep_of_a_place_is_a_military_action(gazetteer, text, where):
    assert where in {c.place_names[0] for c in events_of(run(text, gazetteer), "military_action")}


def test_the_verb_sweep_alone_is_no_operation(gazetteer):
    ex = run("ALEPPO, Syria – Turkish-backed convoys sweep into Afrin every week.", gazetteer)
    assert events_of(ex, "military_action") == []


@pytest.mark.parametrize("text,where,bloc", [
    ("ALEPPO, Syria – Turkish artillery batteries on the hills above Darat Izza opened fire on YPG positions around "
     "the village of Burj Abdallah.", "around the village of Burj Abdallah", "turkey"),
    ("DAMASCUS, Syria – Government forces fired at least 14 surface-to-surface missiles at Qaboun.", "Qaboun",
     "syrian-government"),
    ("RAQQA, Syria – Civilians fled across IS lines. Separately, Iran's Revolutionary Guards said they had fired six "
     "medium-range missiles from western Iran at IS command centres in Deir ez-Zor.", "Deir ez-Zor", "iran"),
])
def test_guns_and_missiles_fired_are_strikes_of_who_fired(gazetteer, text, where, bloc):
    strikes = {(c.place_names[0], c.blocs[0]) for c in events_of(run(text, gazetteer), "strike")}
    assert (where, bloc) in strikes


def test_gunmen_opening_fire_is_still_an_attack(gazetteer):
    ex = run("ALEPPO, Syria – HTS gunmen opened fire on a checkpoint in Darat Izza.", gazetteer)
    assert [c.place_names[0] for c in events_of(ex, "attack")] == ["Darat Izza"]


@pytest.mark.parametrize("text,where,bloc", [
    ("ALEPPO, Syria – The SNA announced that several hundred fighters of the Hamza Division had reached Mare'.",
     "Marea", "opposition"),
    ("IDLIB, Syria – Reinforcements including Republican Guard units had reached Mhambel from the direction of "
     "Latakia overnight.", "Mhambal", "syrian-government"),
])
def test_forces_that_had_reached_a_place_build_up_there(gazetteer, text, where, bloc):
    assert (where, bloc) in {(c.place_names[0], c.blocs[0]) for c in events_of(run(text, gazetteer), "buildup")}


def test_reaching_an_agreement_is_no_build_up(gazetteer):
    ex = run("ALEPPO, Syria – Russia and Turkey had reached an agreement on Tal Rifaat.", gazetteer)
    assert events_of(ex, "buildup") == []


@pytest.mark.parametrize("text,where", [
    ("ALEPPO, Syria – The SNA factions took the Kuweires airbase in December.", "Kuweires airbase"),
    ("RAQQA, Syria – How the SDF took the Tabqa dam without a final battle.", "Tabqa Dam"),
])
def test_took_the_named_place_is_its_capture(gazetteer, text, where):
    assert where in {c.place_names[0] for c in events_of(run(text, gazetteer), "capture")}


def test_took_the_lead_is_no_capture(gazetteer):
    assert events_of(run("ALEPPO, Syria – The SDF took the lead in talks on Manbij.", gazetteer), "capture") == []


def test_air_defence_systems_moved_to_a_base_are_a_build_up(gazetteer):
    ex = run("IDLIB, Syria – Turkish positions include the former airbase at Taftanaz, where Ankara is reported to have "
             "moved additional air-defence systems in May.", gazetteer)
    assert ("Taftanaz", "turkey") in {(c.place_names[0], c.blocs[0]) for c in events_of(ex, "buildup")}


def test_battalions_that_came_down_from_a_to_b_moved(gazetteer):
    ex = run("HAMA, Syria – Two battalions came down from Jisr al-Shughur through the Ghab road to al-Suqaylabiyah.",
             gazetteer)
    assert [(r.place_names[0], r.place_names[-1]) for r in claims(ex, "route")] == [("Jisr al-Shughur",
                                                                                     "Suqaylabiyah")]


def test_the_iranians_are_irans_and_nobody_arriving_builds_nothing_up(gazetteer):
    ex = run("PALMYRA, Syria – A: The Iranians ran first; the militias left al-Sukhnah and T4 before anyone arrived.",
             gazetteer)
    assert {(c.place_names[0], c.blocs[0]) for c in events_of(ex, "handover")} == {("al-Sukhnah", "iran"),
                                                                                 ("T4 airbase", "iran")}
    assert events_of(ex, "buildup") == []


_QA_CELLS = ('"They will not pass": a commander on the Derik front\n\nQAMISHLI, Syria – We spoke to Baran Hesko, an SDF '
             "commander in the al-Malikiyah sector.\n\nQ: Where is the front?\n\nA: North of the town.\n\n"
             "Q: What about the Islamic State?\n\nA: The cells are in the south, around Tal Hamis. Last week they "
             "attacked a checkpoint near Tal Hamis and we lost one comrade.")


def test_they_after_a_sentence_naming_no_party_is_the_party_named_just_before(gazetteer):
    attacks = events_of(run(_QA_CELLS, gazetteer), "attack")
    assert [(c.place_names[0], c.blocs[0]) for c in attacks] == [("near Tal Hamis", "isis")]


@pytest.mark.parametrize("text,expected", [
    ("HAMA, Syria – Russian jets concentrated on Kafr Zita and Latamneh.",
     {("Kafr Zita", "strike"), ("al-Lataminah", "strike")}),
    ("HAMA, Syria – Government artillery focused its fire on Kafr Zita.", {("Kafr Zita", "strike")}),
    ("HAMA, Syria – The Tiger Forces were reported to be regrouping in al-Suqaylabiyah.",
     {("Suqaylabiyah", "buildup")}),
])
def test_aircraft_that_concentrate_on_a_place_strike_it_and_forces_that_regroup_build_up(gazetteer, text, expected):
    assert {(c.place_names[0], c.event_type.value) for c in claims(run(text, gazetteer), "event")} == expected


def test_troops_concentrated_at_a_place_do_not_strike_it(gazetteer):
    ex = run("HAMA, Syria – Government troops concentrated at Kafr Zita.", gazetteer)
    assert "strike" not in {c.event_type.value for c in claims(ex, "event")}


def test_a_nearby_place_they_took_is_captured(gazetteer):
    ex = run("HAMA, Syria – Jund al-Aqsa fighters entered Taybat al-Imam, a day after they took nearby Souran.",
             gazetteer)
    assert ("nearby Souran", "capture", ("hts",)) in {(c.place_names[0], c.event_type.value, c.blocs)
                                                      for c in claims(ex, "event")}


def test_a_capture_stops_at_a_while_clause_about_other_places(gazetteer):
    ex = run("RAQQA, Syria – Ministry of Defence forces have taken over the army's old positions in Maadan and Sabkha, "
             "while the northern bank, including Raqqa city and al-Karamah, remains with the SDF.", gazetteer)
    assert {c.place_names[0] for c in events_of(ex, "capture")} == {"Maadan", "Sabkha"}


def test_the_ministry_is_the_ministry_named_before(gazetteer):
    ex = run("RAQQA, Syria – The SDF would hand Tabqa to the Ministry of Defence. According to Enab Baladi, the "
             "Ministry has brought large reinforcements to Sabkha.", gazetteer)
    (buildup,) = events_of(ex, "buildup")
    assert buildup.blocs == ("syrian-government",)


def test_a_ministry_of_something_else_is_no_back_reference(gazetteer):
    ex = run("RAQQA, Syria – The Ministry of Defence sent troops to Maadan. The Ministry of Health said two civilians "
             "were wounded by shelling in Maadan.", gazetteer)
    assert all(c.blocs != ("syrian-government",) for c in events_of(ex, "strike"))


def test_forces_that_re_enter_a_town_capture_it(gazetteer):
    ex = run("PALMYRA, Syria – Government forces, backed by Russian aircraft, re-entered Palmyra on March 2.", gazetteer)
    assert ("Palmyra", "capture") in {(c.place_names[0], c.event_type.value) for c in claims(ex, "event")}
    assert ("Palmyra", "syrian-government") in holders(ex)


@pytest.mark.parametrize("text", [
    "ALEPPO, Syria – A more immediate risk is an SNA push on Manbij.",
    "ALEPPO, Syria – Residents spoke of fears of an SNA push on Manbij.",
    "ALEPPO, Syria – The danger is an SNA push on Manbij.",
])
def test_a_risk_or_fear_of_a_push_is_possible(gazetteer, text):
    assert {(c.event_type.value, c.modality.value) for c in claims(run(text, gazetteer), "event")} == \
        {("military_action", "possible")}


def test_a_push_told_as_done_is_no_risk(gazetteer):
    ex = run("ALEPPO, Syria – The SNA launched a push on Manbij on Monday.", gazetteer)
    assert "possible" not in {c.modality.value for c in claims(ex, "event")}


def test_bringing_backed_militias_to_a_place_is_a_buildup(gazetteer):
    ex = run("ALEPPO, Syria – The regime has brought Iranian-backed militias to the edge of Khan al-Asal.", gazetteer)
    assert ("the edge of Khan al-Asal", "buildup") in {(c.place_names[0], c.event_type.value)
                                                        for c in claims(ex, "event")}
