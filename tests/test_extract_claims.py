"""geo.extract.claims and geo.extract.sentence through extract(): modality, attribution, evidence."""
from __future__ import annotations

import pytest

from _extract_helpers import claims, events_of, run


def test_no_event_without_trigger(gazetteer):
    ex = run("The weather in Qamishli was cold and Turkish officials stayed home.", gazetteer)
    assert ex.claims == ()

def test_no_event_without_place(gazetteer):
    assert run("Russian jets struck targets overnight.", gazetteer).claims == ()

@pytest.mark.parametrize("text,etype,modality", [
    ("Russian jets struck Tafas.", "strike", "reported"),
    ("The SDF said Turkish drones struck Kobani.", "strike", "claimed"),
    ("Turkish drones struck Kobani, according to local sources.", "strike", "claimed"),
    ("Activists say Turkish drones struck Kobani.", "strike", "claimed"),
    ("Turkish drones struck Kobani, residents say.", "strike", "claimed"),
    ("Needless to say, Turkish drones struck Kobani.", "strike", "reported"),
    ("The website quoted local sources as saying Turkish drones struck Kobani.", "strike", "claimed"),
    ("Turkish drones struck Kobani, the agency reported, quoting a police officer.", "strike", "claimed"),
    ("Turkish forces may launch an offensive on Tal Rifaat.", "military_action", "possible"),
    ("Turkey does not rule out an operation in Manbij.", "military_action", "possible"),
    ("A limited government push towards Darat Izza cannot be ruled out.", "military_action", "possible"),
    ("An army offensive on Jisr al-Shughur is not ruled out.", "military_action", "possible"),
    ("Turkey expects to deploy troops in Tal Abyad.", "buildup", "possible"),
    ("Russia proposed a ceasefire in Idlib.", "agreement", "possible"),
    ("Russian officers press the factions of Talbiseh to accept a settlement.", "agreement", "possible"),
    ("Moscow pressed the SDF to hand over Ain Issa to the army.", "handover", "possible"),
    ("The factions of Talbiseh accepted a settlement under Russian pressure.", "agreement", "reported"),
    ("Government forces seized Kafr Nabl in May.", "capture", "reported"),
    ("Government forces may seize Kafr Nabl.", "capture", "possible"),
    ("The Fourth Division threatened to storm Tafas.", "military_action", "possible"),
    ("Erdogan threatened that Turkish forces would besiege Afrin.", "military_action", "possible"),
    ("Government forces are expected to turn next to Jobar.", "military_action", "possible"),
    ("The loss of Busra al-Sham raised fears that the factions will turn next to Izraa.", "military_action",
     "possible"),
    ("IS cells could try to infiltrate Palmyra from the east.", "military_action", "possible"),
    ("Sources said an attack by the factions on Tafas is being discussed.", "military_action", "possible"),
    ("Sources said an attack by the factions on Tafas is under consideration.", "military_action", "possible"),
    ("Government forces attacked Tafas, as the report discussed.", "attack", "reported"),
    ("Turkish officials said an operation against Kobani, the Kurdish town on the border, may be launched.",
     "military_action", "possible"),   # an aside between commas does not end the clause
])
def test_modality(gazetteer, text, etype, modality):
    (c,) = events_of(run(text, gazetteer), etype)
    assert c.modality.value == modality

def test_attribution_names_the_speaker(gazetteer):
    (c,) = events_of(run("The SDF said Turkish drones struck Kobani.", gazetteer), "strike")
    assert c.blocs == ("turkey",)          # the speaker is not the agent
    assert "SDF" in c.attribution

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

def test_dateline_place_is_not_where_things_happen(gazetteer):
    ex = run("Clashes in the south\n\nHAMA, Syria – Russia has offered Turkey a new deal on Tuesday.", gazetteer)
    assert not [c for c in ex.claims if "Hama" in " ".join(c.place_names)]
    assert any("HAMA" in p.surfaces for p in ex.places)

def test_its_fighters_make_the_speaker_an_agent(gazetteer):
    ex = run("The SDF said its fighters clashed with ISIS cells near Shaddadi.", gazetteer)
    assert any({"sdf", "isis"} <= set(c.blocs) for c in claims(ex, "event", "clash"))

def test_he_said_is_attributed_to_the_last_named_speaker(gazetteer):
    ex = run("Mustafa Bakour, a commander, said Russian jets struck Ariha.\n\n"
             "He added that Turkish forces may shell Tal Rifaat.", gazetteer)
    (strike,) = [c for c in claims(ex, "event") if c.place_names == ("Tal Rifaat",)]
    assert "Bakour" in strike.attribution

def test_he_said_after_a_sentence_without_claims(gazetteer):
    ex = run("Bakour said the region is used to escalation. He believed that Russia may launch military action "
             "on Zawiya Mountain.", gazetteer)
    (c,) = events_of(ex, "military_action")
    assert c.attribution == "Bakour"

def test_a_town_in_the_countryside_of_a_far_city_keeps_its_place(gazetteer):
    ex = run("Fighters arrived in Jarabulus, in the northern countryside of Aleppo.", gazetteer)
    assert ("Jarabulus", 1) in {(p.name, p.geo_precision) for p in ex.places}

def test_every_name_of_a_list_of_villages_is_a_place(gazetteer):
    ex = run("Government forces entered the villages of Muhsinli, Baghdin and Dadat near Manbij.", gazetteer)
    assert {"Baghdin", "Dadat"} <= {p.name for p in ex.places}

@pytest.mark.parametrize("text", ["Members of Lebanon's Hezbollah recaptured it.", "Turkey's army shelled it."])
def test_the_country_whose_force_it_is_is_no_place(gazetteer, text):
    assert run(text, gazetteer).places == ()

@pytest.mark.parametrize("text,modality", [
    ("Russian forces are stationed at Qamishli airport, and Moscow said it would not withdraw them.", "claimed"),
    ("Russian forces are stationed at Qamishli airport.", "reported"),
    ("A source said Russian forces could be stationed at Qamishli airport.", "possible"),
    ("Moscow does not rule out that Russian forces may be stationed at Qamishli airport.", "possible"),
    ("Russian forces are stationed at Qamishli airport, the main airport of the region, and may stay.", "reported"),
])
def test_a_modal_counts_up_to_the_end_of_the_claims_clause(gazetteer, text, modality):
    (c,) = claims(run(text, gazetteer), "control")
    assert c.modality.value == modality


def test_who_a_report_is_according_to_is_not_a_party_to_it(gazetteer):
    ex = run("According to the Manbij Military Council, Turkish drones struck Arima.", gazetteer)
    assert [c.blocs for c in claims(ex, "event")] == [("turkey",)]


def test_claiming_that_marks_a_claim(gazetteer):
    ex = run("The group went further, claiming that Turkish forces had entered Atarib.", gazetteer)
    assert {c.modality.value for c in ex.claims if c.kind.value != "place"} == {"claimed"}


@pytest.mark.parametrize("text, etype, modality", [
    ("The Syrian army is preparing to move on the opposition-held neighbourhoods of Daraa city.", "military_action",
     "possible"),
    ("Turkish troops are massing near Tal Abyad and are preparing to attack Ain Issa.", "buildup", "reported"),
])
def test_preparing_to_makes_only_its_own_clause_possible(gazetteer, text, etype, modality):
    assert [c.modality.value for c in events_of(run(text, gazetteer), etype)][:1] == [modality]


@pytest.mark.parametrize("text, place", [
    ("Aid partners assess that a government ground offensive towards Maarat al-Numan, supported by Russian air "
     "power, is likely in the coming weeks.", "Maarat al-Numan"),
    ("Rebel commanders vowed to press on towards Qardaha itself.", "Qardaha"),
])
def test_an_offensive_said_likely_or_vowed_is_possible(gazetteer, text, place):
    assert [c.modality.value for c in events_of(run(text, gazetteer), "military_action")
            if c.place_names[0] == place] == ["possible"]


def test_a_likely_push_leaves_the_offensive_that_began_told(gazetteer):
    ex = run("Government forces began an offensive on Kafr Nubl on Monday, and a push on Saraqib is likely.", gazetteer)
    assert {c.place_names[0]: c.modality.value for c in events_of(ex, "military_action")} == \
        {"Kafr Nabl": "reported", "Saraqib": "possible"}


def test_a_likely_target_in_a_relative_clause_leaves_the_holder_told(gazetteer):
    ex = run("Jinderes is still held by the YPG, as is the town of Maabatli, which analysts say is likely to be "
             "the next target of the advance.", gazetteer)
    assert "possible" not in {c.modality.value for c in claims(ex, "control")}


def test_a_force_moved_to_a_place_builds_up_there(gazetteer):
    ex = run("Several hundred Iranian-backed militiamen were moved from Damascus to al-Sanamayn.", gazetteer)
    assert [(c.place_names, c.blocs) for c in events_of(ex, "buildup")] == [(("al-Sanamayn",), ("iran",))]


@pytest.mark.parametrize("text", [
    "Buses carrying rebel fighters left Douma for Jarabulus on Friday.",   # an evacuation
    "ISIS fighters fled from al-Sukhnah towards al-Mayadin.",   # a flight
    "Government troops moved from Hama to Morek and shelled the town.",   # an event there already
])
def test_evacuations_flights_and_told_events_are_no_buildup(gazetteer, text):
    assert events_of(run(text, gazetteer), "buildup") == []


@pytest.mark.parametrize("text, etype, modality", [
    ("The Syrian army will continue its operations against the terrorists in the Daraa countryside.", "military_action",
     "possible"),
    ("Government forces will try to push north into the Ghab plain.", "military_action", "possible"),
    ("The Syrian army was preparing an operation to retake Tafas.", "military_action", "possible"),
    ('The Islamic State is preparing a "wide offensive" on al-Yarubiyah.', "military_action", "possible"),
    ("The Syrian army carried out a redeployment to prepare a counter-attack near Tafas.", "buildup", "reported"),
    ("Rebels moved units to Kabani, in case government forces try to storm the hills of Kabani.", "military_action",
     "possible"),
])
def test_a_plan_or_a_preparation_is_possible(gazetteer, text, etype, modality):
    """Not "will not push", not a bare "to prepare a counter-attack" after a deed."""
    assert [c.modality.value for c in events_of(run(text, gazetteer), etype)][:1] == [modality]


def test_a_capture_stays_told_when_a_later_verb_phrase_announces_more(gazetteer):
    ex = run("The Syrian National Army seized Tal Rifaat on December 2 and has announced that it will continue "
             "operations toward Manbij.", gazetteer)
    assert [c.modality.value for c in events_of(ex, "capture")] == ["claimed"]   # "announced" attributes it
    assert {c.modality.value for c in claims(ex, "control")} == {"claimed"}


def test_a_place_in_a_later_verb_phrase_takes_that_phrase_s_modality(gazetteer):
    ex = run("A convoy of government reinforcements set off from Hama and was expected to reach Morek.", gazetteer)
    assert {c.place_names[0]: c.modality.value for c in events_of(ex, "buildup")}.get("Morek") == "possible"


@pytest.mark.parametrize("text", [
    "Turkey may attack SDF-held Manbij.",
    "The buses will continue into opposition-held Idlib.",
    "The Syrian army would now turn to the rebel-held districts of Homs.",
])
def test_who_holds_a_place_named_with_an_adjective_is_taken_as_given(gazetteer, text):
    assert [c.modality.value for c in claims(run(text, gazetteer), "control")][:1] == ["reported"]


@pytest.mark.parametrize("text", [
    "Rebels moved units from Ariha to Kabani, in case the regime tries to storm the hills.",
    "Rebels moved units from Ariha to Kabani, and the regime may try to storm the hills.",
])
def test_a_move_is_told_even_when_the_next_clause_says_what_may_come(gazetteer, text):
    assert [c.modality.value for c in claims(run(text, gazetteer), "route")] == ["reported"]


def test_a_move_a_modal_governs_is_possible(gazetteer):
    ex = run("Convoys will leave Ariha for Kabani, and the regime has massed troops.", gazetteer)
    assert [c.modality.value for c in claims(ex, "route")] == ["possible"]


def test_will_not_is_no_plan(gazetteer):
    ex = run("HTS says it will not target Sheikh Maqsoud, which remains under SDF control.", gazetteer)
    assert {c.modality.value for c in claims(ex, "control")} == {"claimed"}


def test_renewed_threats_of_an_operation_are_possible(gazetteer):
    ex = run("Turkish officials renewed threats this week of a ground operation against Tal Rifaat and Manbij.",
             gazetteer)
    assert {c.modality.value for c in events_of(ex, "military_action")} == {"possible"}


@pytest.mark.parametrize("text, etype, modality", [
    ("Pro-government officers speak openly of a push towards Khan Shaykhun.", "military_action", "possible"),
    ("SDF-affiliated media also report that Kurdish-led forces moved into Deir Hafer.", "buildup", "claimed"),
    ("Israeli jets struck T4, after reports that Turkish teams had surveyed the base.", "strike", "reported"),
])
def test_talk_of_a_push_and_reports_that(gazetteer, text, etype, modality):
    assert [c.modality.value for c in events_of(run(text, gazetteer), etype)][:1] == [modality]


def test_a_force_moved_to_join_an_attack_builds_up_there(gazetteer):
    ex = run("Iranian-backed militias moved from Nubl towards Anadan to take part in the attack.", gazetteer)
    assert [(c.place_names[0], c.blocs) for c in events_of(ex, "buildup")] == [("Anadan", ("iran",))]


@pytest.mark.parametrize("text", [
    "Iranian militias fired three rockets from al-Mayadin towards Deir ez-Zor.",   # fire, not a move
    "Government troops moved from Hama into Kafr Nabudah and captured the town.",
    "Army units moved from Adra and will continue their operations toward Douma.",
])
def test_no_build_up_where_the_move_ends_in_another_event(gazetteer, text):
    ex = run(text, gazetteer)
    assert [c for c in events_of(ex, "buildup") if c.place_names[0] in ("Deir ez-Zor", "Kafr Nabudah", "Douma")] == []


def test_a_section_headed_by_a_party_names_who_did_what_it_tells(gazetteer):
    ex = run("Attacks on the coalition. A drone targeted the coalition position near Rmelan. The attack was claimed "
             "by the Islamic Resistance in Iraq.\n\nIslamic State. On 16 January an improvised explosive device "
             "struck an SDF vehicle on the road south of Tal Hamis.", gazetteer)
    assert [c.blocs[0] for c in events_of(ex, "attack") if "Tal Hamis" in c.place_names[0]] == ["isis"]


def test_a_heading_that_names_what_happened_is_no_section_party(gazetteer):
    ex = run("Syrian troops clashed with HTS fighters near Morek.\n\nRussian air strikes\n\nIntermittent clashes "
             "continued near Kabani until the following afternoon.", gazetteer)
    clashes = events_of(ex, "clash")
    assert clashes and not any("russia" in c.blocs for c in clashes)
