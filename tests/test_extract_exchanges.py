"""geo.extract.exchanges through extract(): proposed, agreed and done swaps of places."""
from __future__ import annotations

import pytest

from _extract_helpers import claims, geom, run, sides


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

def test_a_leg_handed_over_after_a_clause_about_it_keeps_its_receiver(gazetteer):
    ex = run("Ankara's factions would receive Manbij, and in return the SNA would withdraw from the stretch of the M4 "
             "highway it reached during Peace Spring north of Ain Issa, handing it to government forces.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.details["b_to"] == ("syrian-government",)


def test_a_hill_named_with_tal_is_the_village_of_its_name(gazetteer):
    ex = run("Turkish troops would leave the post at Tal al-Ees and the hill would be handed to the Syrian army; in "
             "exchange, the army would stop short of al-Atareb.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names[0] == "al-Eis" and x.details["a_to"] == ("syrian-government",)


def test_second_leg_receiver_is_read_when_stated(gazetteer):
    ex = run("The SNA would hand Tal Abyad to government forces in return for the SDF handing "
             "Ain Issa to the regime, a source said.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.details["a_to"] == ("syrian-government",)
    assert x.details["b_from"] == ("sdf",)
    assert x.details["b_to"] == ("syrian-government",)

@pytest.mark.parametrize("held", ["SDF-held", "Kurdish-held", "YPG-controlled"])
def test_who_holds_the_first_place_is_not_who_gives_it(gazetteer, held):
    ex = run(f"Russia may hand the {held} town of Tal Rifaat to Turkey in exchange for Saraqib.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.details["a_from"] == ("russia",)
    assert x.details["b_to"] == ("russia",)

def test_hand_a_party_a_place_makes_the_party_its_receiver(gazetteer):
    ex = run("The rebels would hand the army Kafr Zita, and in return the army would pull out of Morek.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.details["a_from"] == ("opposition",) and x.details["a_to"] == ("syrian-government",)
    assert x.details["b_to"] == ("opposition",)


@pytest.mark.parametrize("text,b_to", [
    ("The rebels would hand Kabani to Russian military police, and in return the army would pull out of Kinsabba "
     "and the town would be handed to local fighters under Turkish supervision.", ("turkey",)),
    ("Russian military police, followed by regime forces, would take over Badama, while Moscow would in return "
     "accept that Jisr al-Shughur remains under Turkish protection.", ("turkey",)),
])
def test_the_party_a_place_is_left_under_receives_it(gazetteer, text, b_to):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert set(b_to) <= set(x.details["b_to"])


def test_who_takes_over_the_first_place_with_whom_it_follows(gazetteer):
    ex = run("Russian military police, followed by regime forces, would take over Badama, while Moscow would in return "
             "accept that Jisr al-Shughur remains under Turkish protection.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names[0] == "Bdama" and set(x.details["a_to"]) == {"russia", "syrian-government"}


def test_offer_makes_the_first_party_the_giver(gazetteer):
    ex = run("Moscow offers Ankara Tal Rifaat in return for Saraqib.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.details["a_from"] == ("russia",) and x.details["a_to"] == ("turkey",)

def test_exchange_with_both_legs_before_a_trailing_cue(gazetteer):
    ex = run("The SDF handed over Arima to government forces in a deal that gave the SDF the Tishreen Dam "
             "in exchange.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Arima", "Tishreen Dam")
    assert x.details["a_from"] == ("sdf",) and x.details["a_to"] == ("syrian-government",)
    assert x.details["b_to"] == ("sdf",) and x.details["status"] == "done"

def test_swap_a_for_b_in_running_text(gazetteer):
    ex = run("Russia and Turkey agreed to swap Tal Rifaat for Saraqib, sources said.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Tal Rifaat", "Saraqib")

@pytest.mark.parametrize("text,b_to", [
    ("Ankara offered to pull the factions out of Suluk, which would be handed over to government forces, in "
     "exchange for the SDF handing Ain Issa over to the Russians.", ("russia",)),
    ("Turkish troops would withdraw from Morek and hand it over to government forces, in return for the "
     "government forces' withdrawal from Kafr Nabudah, which would be returned to the opposition factions.",
     ("opposition",)),
    ("Ankara floated a deal under which government forces would take over Ain Issa in return for Manbij being "
     "handed to the SNA.", ("opposition",)),
])
def test_who_receives_the_second_leg(gazetteer, text, b_to):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.details["b_to"] == b_to and x.details["a_to"] == ("syrian-government",)

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
    ("Sources suggest that Tal Rifaat, north of Aleppo, could be handed to the Turkish-backed factions, while "   # two
     "Saraqib would go to the government.", ("Tal Rifaat", "Saraqib"),   # places shared out: a swap without a swap word
     (("syrian-government",), ("opposition",), ("opposition",), ("syrian-government",))),
])
def test_exchange_sides_from_giving_up_and_taking_verbs(gazetteer, text, legs, sides):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names == legs
    assert tuple(x.details[k] for k in ("a_from", "a_to", "b_from", "b_to")) == sides

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

def test_an_exchange_done_over_two_sentences_is_done(gazetteer):
    ex = run("Under the agreement, the NDF withdrew from Tal Hamis and handed its positions to the Asayish. In "
             "return, the Asayish handed two checkpoints near Hasakah back to government forces.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Tal Hamis", "near Hasakah") and x.details["status"] == "done"
    assert x.modality.value == "reported" and sides(x) == (("sdf",), ("syrian-government",))

def test_a_conditional_swap(gazetteer):
    ex = run("Damascus would get the town of al-Atarib, in the western countryside of Aleppo, if Ankara got Tal "
             "Rifaat and Menagh.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Atarib", "Tal Rifaat")
    assert sides(x) == (("syrian-government",), ("turkey",)) and x.modality.value == "possible"

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
    assert sides(x) == (("syrian-government",), ("opposition",))

@pytest.mark.parametrize("text", [
    "Thousands of families left Douma for Jarabulus in 2018.",            # a route, not a swap
    "Residents of Saraqib for years relied on Idlib for bread.",
])
def test_a_for_b_that_is_not_a_swap(gazetteer, text):
    assert claims(run(text, gazetteer), "exchange") == []

@pytest.mark.parametrize("text,names,to", [
    ("Moscow would accept a Turkish takeover of Ain Issa in return for Ankara letting government forces into the "
     "areas south of the M4 in Idlib, such as the town of Ihsim.", ("Ain Issa", "Ihsim"),
     (("turkey",), ("syrian-government",))),
    ("Turkey would hand Tal Rifaat to the factions. In exchange, Moscow could obtain the part of Idlib province south "
     "of the M4 highway, including Jabal al-Zawiya.", ("Tal Rifaat", "Jabal al-Zawiya"), (("opposition",), ("russia",))),
])
def test_a_leg_told_by_its_example(gazetteer, text, names, to):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names == names and sides(x) == to

def test_a_proposal_told_by_a_source_is_possible(gazetteer):
    ex = run("A commander said Turkey offered Russia Tal Rifaat in exchange for Saraqib.", gazetteer)
    assert [x.modality.value for x in claims(ex, "exchange")] == ["possible"]

def test_a_deal_trading_a_for_b_takes_its_sides_from_the_next_sentence(gazetteer):
    ex = run("Reports spoke of a possible deal trading Jisr al-Shughur and the M4 west of it for Kobani. Under "
             "the scenario, government forces would enter Jisr al-Shughur, while Turkey would take Kobani.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Jisr al-Shughur", "Kobani") and x.modality.value == "possible"
    assert sides(x) == (("syrian-government",), ("turkey",))
    assert set(x.blocs) == {"syrian-government", "turkey"}

def test_a_swap_whose_sides_are_never_told_keeps_them_empty(gazetteer):
    ex = run("Reports spoke of a possible deal trading Jisr al-Shughur for Kobani. Russian jets struck Ariha.",
             gazetteer)
    (x,) = claims(ex, "exchange")
    assert sides(x) == ((), ())

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
    assert sides(x) == (("syrian-government",), ("sdf",))

def test_in_return_before_the_verb(gazetteer):
    ex = run("Russia proposed that the factions withdraw from the Alouk water station, which would then be placed "
             "under the protection of Russian military police, while Turkey would in return receive villages on "
             "the northern outskirts of Tal Tamr.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names[0] == "Alouk water station" and "Tal Tamr" in x.place_names[1]
    assert sides(x) == (("russia",), ("turkey",))

def test_bartering_a_against_b(gazetteer):
    ex = run("An analyst described it as Moscow bartering the Conoco field against Khasham.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Conoco gas field", "Khusham") and x.modality.value == "possible"

def test_a_swap_told_as_two_moves(gazetteer):
    ex = run("Officers discussed a swap that would see the factions pull out of al-Lataminah and the regime move "
             "in, while Turkish troops enter Tal Rifaat.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("al-Lataminah", "Tal Rifaat")
    assert sides(x) == (("syrian-government",), ("turkey",))

def test_giving_one_party_a_while_another_gets_b(gazetteer):
    ex = run("The scenario would mean giving the factions Arima while the Damascus government gets Manbij itself.",
             gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Arima", "Manbij") and sides(x) == (("opposition",), ("syrian-government",))

def test_two_moves_without_a_deal_word_are_no_swap(gazetteer):
    ex = run("The factions pulled out of al-Lataminah and the regime moved in, while Turkish troops entered Tal "
             "Rifaat.", gazetteer)
    assert claims(ex, "exchange") == []

@pytest.mark.parametrize("text", [
    "Damascus proposed that the SDF hand Deir Hafer and Maskanah to government forces, in return for the factions "
    "pulling back from Manbij.",   # a list handed over gives its first place
    "In Syria, rebel fighters in Deir Hafer would hand the town over to the army and be allowed to leave for Idlib "
    "province, in return for the factions pulling back from Manbij.",   # where the givers leave for is no leg
])
def test_the_first_leg_and_its_receiver(gazetteer, text):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names[0] == "Deir Hafer" and x.details["a_to"] == ("syrian-government",)


def test_a_deal_in_which_each_party_gives_up_a_place(gazetteer):
    ex = run("Moscow revived a trade that would see US troops pull out of al-Tanf while the Iranian-backed militias "
             "leave Albu Kamal, with both places handed to regular Syrian army units.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("al-Tanf", "Albu Kamal")
    assert (x.details["a_from"], x.details["b_from"]) == (("us-coalition",), ("iran",))
    assert sides(x) == (("syrian-government",), ("syrian-government",))


def test_two_withdrawals_without_a_deal_word_are_no_swap(gazetteer):
    ex = run("US troops pulled out of al-Tanf while the Iranian-backed militias left Albu Kamal.", gazetteer)
    assert claims(ex, "exchange") == []


def test_the_second_sentence_of_a_swap_tells_who_takes_each_place(gazetteer):
    ex = run("Officials discussed a swap of Ain Issa for al-Atarib. Under such a deal, Turkish-backed factions would "
             "enter Ain Issa while government forces and Russian police would take al-Atarib.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert sides(x) == (("opposition",), ("syrian-government", "russia"))


@pytest.mark.parametrize("text,a_to,b_to", [
    ("The draft would see the SDF hand the Tishreen Dam to a force of the Defence Ministry and receive, in return, "
     "the village of Abu Qalqal.", ("syrian-government",), ("sdf",)),
    ("Russia gave Ankara a free hand in Afrin in return for the government's capture of the Abu al-Duhur airbase.",
     ("turkey",), ("syrian-government",)),
])
def test_receivers_named_through_a_force_or_a_free_hand(gazetteer, text, a_to, b_to):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert sides(x) == (a_to, b_to)


def test_taking_a_and_in_return_withdrawing_from_b(gazetteer):
    ex = run("Turkey would take over Ain Issa and the section of the M4 that passes through it, and in return it "
             "would withdraw its posts from the areas around Saraqib, in eastern Idlib, leaving them to the Syrian "
             "government and Russia.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names[0] == "Ain Issa" and sides(x) == (("turkey",), ("syrian-government", "russia"))


def test_a_receiver_after_a_list_and_an_aside(gazetteer):
    ex = run("The factions would be allowed to enter Tal Rifaat in exchange for handing over the cities of Maarat "
             "al-Numan and Saraqib, along the M5, to the regime.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert sides(x) == (("opposition",), ("syrian-government",))


@pytest.mark.parametrize("text,names,a_to,b_to", [
    ("Russian officers offered a deal under which the factions would surrender the Lajat to the Syrian army, while Busra "
     "al-Sham would stay with its own fighters under the protection of Russian military police.",
     ("Lajat", "Busra al-Sham"), ("syrian-government",), ("russia",)),
    ("Officials accuse Moscow of having bartered away Tal Abyad, handing it to Ankara, in return for the Syrian "
     "army's return to Kobani.", ("Tal Abyad", "Kobani"), ("turkey",), ("syrian-government",)),
    ("The factions would pull out of the villages along the M4 near Ain Issa, which would be handed to the Syrian "
     "army, and in return Tal Rifaat, north of Aleppo, would be handed to the National Army.",
     ("M4 near Ain Issa", "Tal Rifaat"), ("syrian-government",), ("opposition",)),
    ("The SDF offered to hand Rmelan to the Syrian Petroleum Company, but only if the factions leave Ras al-Ain.",
     ("Rmelan", "Ras al-Ain"), ("syrian-government",), ("sdf",)),
    ("In April the Russians sent them an offer: Qalaat al-Madiq would be handed to the Syrian army, and in exchange "
     "al-Ziyarah would stay with the factions.", ("Qalaat al-Madiq", "al-Ziyarah"), ("syrian-government",),
     ("opposition",)),
])
def test_swaps_told_with_conditions_protection_and_returns(gazetteer, text, names, a_to, b_to):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names == names and sides(x) == (a_to, b_to)


def test_a_place_given_up_goes_to_its_besiegers(gazetteer):
    ex = run("Government forces give up Madaya, which has been encircled by the factions. In return, Kafr Nabl "
             "would be handed to the regime.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert sides(x) == (("opposition",), ("syrian-government",))


def test_a_deal_told_in_the_past_is_done_and_keeps_its_attribution(gazetteer):
    ex = run("Officials accuse Moscow of having bartered away Tal Abyad, handing it to Ankara, in return for the "
             "Syrian army's return to Kobani.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.details["status"] == "done" and x.modality.value == "claimed"


def test_a_town_and_the_rest_of_a_bank_is_a_leg_at_the_town(gazetteer):
    ex = run("Militias crossed the Euphrates at al-Mayadin. Under the understanding, Albu Kamal and the rest of the "
             "western bank would go to the regime, and Hajin and the villages east of the river to the SDF.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Albu Kamal", "Hajin")


@pytest.mark.parametrize("text, names, a_to, b_to, status", [
    ("Ilham Ahmed accused Moscow of having \"traded Ras al-Ain to Ankara in exchange for the return of Damascus to "
     "Manbij,\" a claim Russian officials deny.", ("Ras al-Ain", "Manbij"), ("turkey",), ("syrian-government",), "done"),
    ("In 2018, they claimed, Turkey let the government take Abu al-Duhur and its airbase, in the southeastern "
     "countryside of Idlib, in return for Russian consent to an operation in Afrin.", ("Abu al-Duhur", "Afrin"),
     ("syrian-government",), None, "done"),
    ("In 2018 Moscow let Turkey and its factions take Afrin, and in return the factions left Eastern Ghouta to the "
     "regime.", ("Afrin", "Eastern Ghouta"), ("turkey", "opposition"), ("syrian-government",), "done"),
    ("Kurdish officials have accused Moscow of trading Afrin, which Turkey seized, for silence over Eastern Ghouta.",
     ("Afrin", "Eastern Ghouta"), (), None, "done"),
    ("Ankara would accept the return of government institutions to the town of Ariha, on the M4, if Manbij was "
     "handed over to the Syrian National Army.", ("Ariha", "Manbij"), ("syrian-government",), ("opposition",),
     "proposed"),
])
def test_swaps_told_as_accusations_past_deals_and_conditions(gazetteer, text, names, a_to, b_to, status):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names == names and x.details["status"] == status
    got_a, got_b = sides(x)
    assert got_a == a_to and (b_to is None or got_b == b_to)


def test_a_past_trade_is_done(gazetteer):
    ex = run("Activists claimed that Turkey had traded Khan Sheikhoun to the Syrian army in return for a Turkish "
             "takeover of Tal Rifaat.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Khan Sheikhoun", "Tal Rifaat") and x.details["status"] == "done"
    assert x.modality.value == "claimed"


def test_allowing_forces_and_their_allies_into_a_town(gazetteer):
    ex = run("Turkey would accept a government advance into Maarat al-Numan, in exchange for Russia allowing Turkish "
             "forces and their Syrian National Army allies into Tal Rifaat.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Maarat al-Numan", "Tal Rifaat") and set(sides(x)[1]) == {"turkey", "opposition"}


def test_a_party_can_have_a_if_another_hands_b_over_to_a_third(gazetteer):
    (x,) = claims(run("\"The regime can have Manbij if the SDF hand Tal Rifaat over to the National Army,\" he said.",
                      gazetteer), "exchange")
    assert x.place_names == ("Manbij", "Tal Rifaat")
    assert (x.details["a_to"], x.details["b_from"], x.details["b_to"]) == (
        ("syrian-government",), ("sdf",), ("opposition",))
    assert (x.modality.value, x.details["status"]) == ("possible", "proposed")


@pytest.mark.parametrize("text, status, modality", [
    ("\"Ankara handed the Morek hill to the regime in return for a Russian promise about Jabal al-Zawiya,\" he said.",
     "done", "claimed"),
    ("Under the plan, Tal Rifaat would be handed to Turkey in return for Jabal al-Zawiya.", "proposed", "possible"),
    ("Sources said it was part of an understanding reached under Russian sponsorship: the SDF hands Manbij to the "
     "army and in return it keeps Tabqa.", "agreed", "claimed"),
    ("\"The Russians want the factions out of Jabal al-Zawiya, handed over to the regime, and in return they would "
     "let Turkey take Tal Rifaat.\"", "proposed", "possible"),
])
def test_handed_is_done_unless_wished_or_to_be(gazetteer, text, status, modality):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert (x.details["status"], x.modality.value) == (status, modality)


def test_the_second_leg_returns_to_the_party_named_after_a_distance_aside(gazetteer):
    text = ("Officers floated an idea: the Iranian-backed militias would hand Albu Kamal to the Fifth Corps, in return "
            "for the US-led coalition leaving al-Tanf, about 120 kilometers south-southeast of Palmyra, and the area "
            "around it returning to the Syrian state.")
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.details["b_to"] == ("syrian-government",)


@pytest.mark.parametrize("text", [
    "Moscow has proposed that the SDF withdraw from Tal Rifaat and hand it to Syrian government forces, in "
    "return for Turkey calling off a threatened ground operation in northern Syria.",
    "Russia proposed that the SDF hand Tal Rifaat over to Damascus in return for a halt of the Turkish attacks on "
    "northern Syria.",
    "The SDF would hand Tal Rifaat to the army in return for Turkey stopping its strikes on Kobani.",
])
def test_calling_off_or_halting_attacks_somewhere_is_no_place_given_in_return(gazetteer, text):
    assert claims(run(text, gazetteer), "exchange") == []


def test_the_seat_of_the_receiver_is_not_the_place_given(gazetteer):
    text = ("One scenario would see the SDF hand over its positions around Deir ez-Zor city to the new authorities in "
            "Damascus, in exchange for guarantees that Turkey will not move on Kobani.")
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names[0].endswith("Deir ez-Zor") and x.place_names[1] == "Kobani"


def test_while_in_exchange_the_movers_into_b_receive_it(gazetteer):
    text = ("One scenario would see the Eighth Brigade take over the border strip around Nasib, while in exchange the "
            "Iranian-backed units would withdraw northward into the Lajat.")
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names[1] == "Lajat" and x.details["b_to"] == ("iran",)


def test_a_party_that_could_obtain_the_second_leg_receives_it(gazetteer):
    text = ("Under one scenario, Turkey would be allowed to take Tal Rifaat from the SDF. In exchange, Moscow could "
            "obtain Jabal al-Zawiya, which would be handed to the Syrian government.")
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.details["a_to"] == ("turkey",) and "russia" in x.details["b_to"]


def test_a_swap_whose_price_comes_first(gazetteer):
    text = ("In return for the Levant Front handing back the headquarters it had seized in al-Bab to the Hamza "
            "Division, the Hamza Division is to pull its fighters out of the positions near Akhtarin and leave them to "
            "the Levant Front.")
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names[1] == "al-Bab" and x.place_names[0].endswith("Akhtarin")
    assert x.details["a_to"] == ("opposition",) and x.details["b_to"] == ("opposition",)


def test_the_receiver_of_a_strip_is_who_would_then_patrol_it(gazetteer):
    text = ("Under the proposal, HTS would withdraw from Sarmin, which would then be patrolled by Russian forces. "
            "In return, regime forces would pull back from Kafr Nabl, leaving the town to the factions.")
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.details["a_to"] == ("russia",)


def test_a_swap_told_as_done_is_reported(gazetteer):
    ex = run("Nusra militants held Zabadani and Madaya until April. The militants gave up the two towns in exchange "
             "for the evacuation of the residents of al-Fuah and Kafraya.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert (x.details["status"], x.modality.value) == ("done", "reported")


@pytest.mark.parametrize("text,a_from,a_to,b_to,status", [
    ("Activists accuse the Russian occupation of having bartered Afrin to Ankara in exchange for Eastern Ghouta.",
     ("russia",), ("turkey",), ("russia",), "done"),
    ("Ankara might accept the deployment of the Syrian government forces inside Manbij in exchange for handing over "
     "Tal Rifaat to Turkey.", ("turkey",), ("syrian-government",), ("turkey",), "proposed"),
])
def test_legs_of_a_barter_and_of_a_deployment(gazetteer, text, a_from, a_to, b_to, status):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert (x.details["a_from"], x.details["a_to"], x.details["b_to"], x.details["status"]) == (a_from, a_to, b_to, status)


@pytest.mark.parametrize("before,status", [
    ("The arrangement, which was reached on Saturday in Azaz, ends the fighting.", "agreed"),
    ("Turkish officers floated the idea on Saturday in Azaz.", "proposed"),
])
def test_terms_that_go_on_from_an_agreement_told_before(gazetteer, before, status):
    ex = run(before + " In return for the Levant Front handing back its headquarters in al-Bab to the Hamza Division, "
             "the Hamza Division is to pull its fighters out of Akhtarin.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.details["status"] == status


def test_a_formula_of_two_moves_with_a_stated_giver(gazetteer):
    ex = run("Russian officers floated a formula under which Turkey and the SNA would take over Tal Rifaat, while the "
             "SDF would hand Manbij to government forces.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Tal Rifaat", "Manbij")
    assert sides(x) == (("turkey", "opposition"), ("syrian-government",))
    assert (x.details["a_from"], x.details["b_from"]) == ((), ("sdf",))   # who holds Tal Rifaat is not told


def test_two_moves_without_a_deal_word_are_no_exchange(gazetteer):
    ex = run("Turkey and the SNA took over Tal Rifaat, while the SDF handed Manbij to government forces.", gazetteer)
    assert claims(ex, "exchange") == []


def test_a_receiver_told_after_a_long_aside_and_a_ceasefire_line_partner(gazetteer):
    ex = run("Under the Russian idea, Iranian-backed militias would pull back from the ceasefire line with Israel in "
             "Quneitra, leaving the area to the Syrian army, and in return the United States would give up its "
             "garrison at al-Tanf, on the Damascus-Baghdad highway near the Iraqi and Jordanian borders, and hand it "
             "to Damascus.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert sides(x) == (("syrian-government",), ("syrian-government",))
    assert "israel" not in x.blocs


def test_keeping_a_summit_in_return(gazetteer):
    ex = run("Under the latest proposal, Israel would hand back the positions around Quneitra to Syrian government "
             "forces, in return for keeping its troops on the Hermon summit.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names[1] == "Mount Hermon"
    assert sides(x) == (("syrian-government",), ("israel",))


def test_pulling_troops_out_of_a_listed_place_gives_the_first_place_up(gazetteer):
    ex = run("Turkey would pull its troops and allied factions out of Jisr al-Shughur and the strip of the Idlib "
             "countryside south of the M4 highway. In return, Moscow would let the SNA enter Tal Rifaat.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Jisr al-Shughur", "Tal Rifaat")
    assert sides(x)[1] == ("opposition",)


@pytest.mark.parametrize("tail, b_to", [
    ("allowing regime and Russian forces in.", ("syrian-government", "russia")),
    ("letting government troops move in.", ("syrian-government",)),
    ("and allow Russian military police to deploy there.", ("russia",)),
    ("allowing the displaced to return.", ()),
])
def test_who_is_let_into_a_place_given_up(gazetteer, tail, b_to):
    ex = run("Under the idea, the Menagh airbase would be handed over to the National Army, and in return the factions "
             f"would withdraw from Ariha, 13 kilometers south of Idlib, {tail}", gazetteer)
    (x,) = claims(ex, "exchange")
    assert sides(x) == (("opposition",), b_to)


def test_a_quotation_closed_in_a_later_sentence_is_its_speakers_claim(gazetteer):
    ex = run('"In 2018 Moscow let Turkey take Afrin, and in return the factions left Eastern Ghouta to the regime. '
             'Today Ankara has handed the city to HTS," he said.', gazetteer)
    assert [x.modality.value for x in claims(ex, "exchange")] == ["claimed"]


def test_a_swap_told_then_explained_after_a_colon_keeps_its_two_places(gazetteer):
    ex = run("Moscow had floated swapping al-Tanf for Albu Kamal: the US would leave its base, and in return the "
             "militias that hold the crossing at Albu Kamal would hand their positions there to Russian military police.",
             gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("al-Tanf", "Albu Kamal") and x.details["b_to"] == ("russia",)


def test_the_party_that_takes_over_after_the_second_leg_receives_it(gazetteer):
    ex = run("The Americans would hand al-Tanf to the Syrian army. In exchange, Hezbollah and allied militias would "
             "pull out of Quneitra province, and Syrian troops and Russian military police would take over their "
             "positions.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("al-Tanf", "Quneitra Governorate") and set(x.details["b_to"]) == {"syrian-government", "russia"}


@pytest.mark.parametrize("text, status, modality", [
    ("In his account, Ankara stopped backing the rebels in Tal Rifaat, leaving it to the regime, in exchange for "
     "a free hand in Afrin.", "done", "claimed"),
    ("Ankara would stop backing the rebels in Tal Rifaat, leaving it to the regime, in exchange for a free hand "
     "in Afrin.", "proposed", "possible"),
])
def test_leaving_a_place_to_another_in_a_past_account_is_a_done_claimed_swap(gazetteer, text, status, modality):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names == ("Tal Rifaat", "Afrin") and (x.details["status"], x.modality.value) == (status, modality)


def test_leaving_both_places_to_a_party_names_both_receivers(gazetteer):
    ex = run("A diplomat said Russia had floated a trade-off under which US forces would leave the al-Tanf garrison while "
             "Iranian-backed militias would withdraw from Albu Kamal, leaving both to the Syrian army, an idea first "
             "aired in 2018.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert (x.details["a_to"], x.details["b_to"]) == (("syrian-government",), ("syrian-government",))


def test_the_area_handed_over_is_the_base_just_named_near_a_town(gazetteer):
    ex = run("Tal Rifaat for Jabal al-Zawiya? Russian troops would pull out of Tal Rifaat and the nearby Menagh air base, "
             "handing the area to the SNA, in exchange for the withdrawal of the factions from Jabal al-Zawiya.", gazetteer)
    assert ("Menagh airbase", "Jabal al-Zawiya") in [c.place_names for c in claims(ex, "exchange")]


@pytest.mark.parametrize("text, legs, sides, status, modality", [
    ('"Russia sold Afrin to Erdogan for Abu al-Duhur," a Kurdish official told reporters.', ("Afrin", "Abu al-Duhur"),
     (("russia",), ("turkey",), ("turkey",), ("russia",)), "done", "claimed"),
    ("Kurdish officials accuse Moscow of selling Afrin to Turkey for the airbase of Abu al-Duhur.",
     ("Afrin", "Abu al-Duhur airbase"), (("russia",), ("turkey",), ("turkey",), ("russia",)), "done", "claimed"),
    ("Russia would sell Tal Rifaat to Turkey for Saraqib.", ("Tal Rifaat", "Saraqib"),
     (("russia",), ("turkey",), ("turkey",), ("russia",)), "proposed", "possible"),
])
def test_selling_a_place_to_a_party_for_another(gazetteer, text, legs, sides, status, modality):
    (x,) = claims(run(text, gazetteer), "exchange")
    d = x.details
    assert (x.place_names, (d["a_from"], d["a_to"], d["b_from"], d["b_to"])) == (legs, sides)
    assert (d["status"], x.modality.value) == (status, modality)


@pytest.mark.parametrize("text", [
    "The SDF sold oil from Hasakah to Damascus for cash.",   # no place in return
    "Traders sell fuel in Azaz for dollars smuggled from Afrin.",   # the second place is no price
])
def test_selling_goods_is_no_swap(gazetteer, text):
    assert claims(run(text, gazetteer), "exchange") == []


def test_a_vague_leg_is_mapped_at_the_place_it_includes(gazetteer):
    ex = run("Ankara would let government forces take over the area south of the M4, Jabal al-Zawiya included, and in "
             "exchange Tal Rifaat would be handed to Turkey.", gazetteer)
    assert [c.place_names for c in claims(ex, "exchange")] == [("Jabal al-Zawiya", "Tal Rifaat")]


def test_a_price_told_as_a_list_before_a_closing_in_return_is_its_first_place(gazetteer):
    ex = run('"If Moscow lets Tal Rifaat go to the factions, it may ask for Saraqib and the rest of the M5 highway in '
             'return," a researcher said.', gazetteer)
    assert [c.place_names for c in claims(ex, "exchange")] == [("Tal Rifaat", "Saraqib")]


@pytest.mark.parametrize("text,legs,sides,modality", [
    ("Kurdish officials accused Moscow of trading Afrin for Eastern Ghouta.", ("Afrin", "Eastern Ghouta"),
     (("russia",), (), (), ("russia",)), "claimed"),
    ("Turkey may have traded Eastern Ghouta for Afrin.", ("Eastern Ghouta", "Afrin"),
     (("turkey",), (), (), ("turkey",)), "possible"),
    ("Opposition figures accuse Ankara of having traded Eastern Ghouta for Afrin: Turkey would get Afrin, while Russia "
     "would be free to take Eastern Ghouta.", ("Eastern Ghouta", "Afrin"),
     (("turkey",), ("russia",), ("russia",), ("turkey",)), "claimed"),
    ("Activists accused the SDF leadership of trading Tabqa for Kobani.", ("Tabqa", "Kobani"),
     (("sdf",), (), (), ("sdf",)), "claimed"),
])
def test_a_trader_gives_the_first_place_and_gets_the_second(gazetteer, text, legs, sides, modality):
    (x,) = claims(run(text, gazetteer), "exchange")
    d = x.details
    assert (x.place_names, (d["a_from"], d["a_to"], d["b_from"], d["b_to"])) == (legs, sides)
    assert x.modality.value == modality


@pytest.mark.parametrize("price,b_from,b_to", [
    ("a free hand for the government and its Russian backers in Eastern Ghouta", (),
     ("syrian-government", "russia")),
    ("Ankara's silence over Eastern Ghouta", ("turkey",), ("russia",)),   # nobody gives a place to itself
])
def test_who_gets_a_price_told_as_a_free_hand_or_a_silence(gazetteer, price, b_from, b_to):
    (x,) = claims(run(f"Russia let Turkey take Afrin in return for {price}.", gazetteer), "exchange")
    assert (x.details["a_to"], x.details["b_from"], x.details["b_to"]) == (("turkey",), b_from, b_to)


def test_the_same_swap_told_twice_is_one_with_the_sides_either_tells(gazetteer):
    ex = run('"Ghouta for Afrin" Kurdish officials say Russia let Turkey take Afrin in return for a free hand for the '
             'government in Eastern Ghouta.', gazetteer)
    (x,) = claims(ex, "exchange")
    assert {x.details["a_to"], x.details["b_to"]} == {("turkey",), ("syrian-government",)}


@pytest.mark.parametrize("text", [
    "Government forces could take Saraqib, while the SDF would advance on Raqqa.",   # two advances, no handover
    "Tal Rifaat could be handed to the factions, while the army would shell Saraqib.",   # one handover
])
def test_two_moves_without_a_share_out_are_no_swap(gazetteer, text):
    assert claims(run(text, gazetteer), "exchange") == []


def test_a_party_let_back_into_the_first_place_receives_it(gazetteer):
    ex = run("Under their proposal, the tribal fighters would leave Thiban and allow the SDF back into it, and in return "
             "the SDF would pull its units out of al-Busayrah.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.details["a_to"] == ("sdf",)


def test_a_vague_leg_narrowed_after_a_comma_is_mapped_where_it_is_narrowed(gazetteer):
    ex = run("Commanders accused Ankara of having given up Latamneh, Kafr Zita and Morek to the Russians in return for "
             "Moscow's silence over the zone Turkey is setting up east of the Euphrates, in the strip between Tal Abyad "
             "and Ras al-Ain.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names[0] == "al-Lataminah" and x.place_names[1].startswith("between")
    assert (x.details["a_to"], x.details["b_to"]) == (("russia",), ("turkey",))


def test_a_party_and_its_factions_let_take_a_place_receive_it_and_a_charge_is_a_claim(gazetteer):
    ex = run("Kurdish officials have long charged that Russia let Turkey and its factions take Afrin in return for the "
             "factions' silence over Eastern Ghouta.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert (x.details["a_from"], x.details["a_to"]) == (("russia",), ("turkey", "opposition"))
    assert x.modality.value == "claimed"


@pytest.mark.parametrize("text,legs,sides", [
    # the condition's party keeps the other place
    ("The rebels, he said, would hand Yabroud to the Syrian army if the fighters were allowed to keep Rankous.",
     ("Yabroud", "Rankous"), (("opposition",), ("syrian-government",), (), ("opposition",))),
    # the condition's party gives the other place up to the first giver
    ("The government would cede Khasham and the villages it holds near the city to the SDF if the SDF withdrew "
     "from Hajin.", ("Khusham", "Hajin"), (("syrian-government",), ("sdf",), ("sdf",), ("syrian-government",))),
])
def test_a_handover_offered_on_a_condition_about_another_place(gazetteer, text, legs, sides):
    (x,) = claims(run(text, gazetteer), "exchange")
    d = x.details
    assert (x.place_names, (d["a_from"], d["a_to"], d["b_from"], d["b_to"])) == (legs, sides)
    assert (x.modality.value, d["status"]) == ("possible", "proposed")
    assert claims(run("The rebels would hand Yabroud to the Syrian army if the talks succeed.", gazetteer),
                  "exchange") == []


def test_a_place_kept_in_return_stays_with_its_holder(gazetteer):
    (x,) = claims(run("Jaish al-Islam would be allowed to keep Douma in return for abandoning its positions in Qaboun "
                      "and handing them over to the Syrian army.", gazetteer), "exchange")
    assert sides(x) == (("opposition",), ("syrian-government",))


def test_bare_ahrar_is_ahrar_al_sham(gazetteer):
    (x,) = claims(run("Ahrar rejected an HTS offer to return the town of Salqin to Ahrar in exchange for the Bab al-Hawa "
                      "crossing.", gazetteer), "exchange")
    assert sides(x) == (("opposition",), ("hts",))


@pytest.mark.parametrize("text,legs,sides", [
    # one party gives a place up while another takes a second one
    ("Ankara answered with a different formula: the factions would withdraw from Halfaya, while Turkish troops would "
     "enter Morek.", ("Halfaya", "Morek"), (("opposition",), (), (), ("turkey",))),
    # an offer to leave one place if the other side surrenders a second to the offerer
    ("SDF commanders offered to pull out of Tal Rifaat and return the town to the opposition if the groups in Marea "
     "surrendered the town's eastern front to the SDF.", ("Tal Rifaat", "Marea"),
     (("sdf",), ("opposition",), (), ("sdf",))),
])
def test_a_swap_told_as_a_withdrawal_and_an_entry(gazetteer, text, legs, sides):
    (x,) = claims(run(text, gazetteer), "exchange")
    d = x.details
    assert (x.place_names, (d["a_from"], d["a_to"], d["b_from"], d["b_to"])) == (legs, sides)


def test_two_swaps_of_nearby_towns_stay_two(gazetteer):
    ex = run("Russia proposed a deal under which the factions would hand Morek to the Russian military police in return "
             "for Souran. Ankara answered with a different formula: the factions would withdraw from Halfaya, while "
             "Turkish troops would enter Morek.", gazetteer)
    assert {x.place_names for x in claims(ex, "exchange")} == {("Morek", "Suran (Hama)"), ("Halfaya", "Morek")}


@pytest.mark.parametrize("text, a_from", [
    ("In April the Russians sent them an offer: Qalaat al-Madiq would be handed to the Syrian army, and in exchange "
     "al-Ziyarah would stay with the factions.", ()),   # who makes the offer does not give the place
    ("Ankara would let government and Russian forces take over the area south of the M4, Jabal al-Zawiya included, "
     "and in exchange Tal Rifaat would be handed to Turkey.", ("turkey",)),   # A named within what is taken
])
def test_who_gives_the_first_leg(gazetteer, text, a_from):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.details["a_from"] == a_from


def test_ceding_to_a_party_the_villages_south_of_a_town(gazetteer):
    ex = run("Ankara could cede to the government the villages south of al-Bab, along the road that leads to "
             "al-Khafsah, in return for Abu Qalqal being handed to its factions.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names[0] == "south of al-Bab"   # not the town the road leads to
    assert (x.details["a_from"], x.details["a_to"]) == (("turkey",), ("syrian-government",))


def test_in_exchange_for_a_party_taking_a_place(gazetteer):
    ex = run('"Afrin is being left to the Turkish army in exchange for the regime and Russia taking Eastern Ghouta," '
             "he said.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert sides(x) == (("turkey",), ("syrian-government", "russia"))
    assert (x.details["status"], x.modality.value) == ("done", "claimed")   # "is being left": a trade told as done


def test_a_deal_told_before_whose_terms_go_on_under_it(gazetteer):
    ex = run("An officer claimed that the move followed an arrangement reached between Russian and Iranian officers. "
             "Under it, he said, the Iranian-backed groups take al-Zarbah, while the Syrian army receives Banan.",
             gazetteer)
    (x,) = claims(ex, "exchange")
    assert sides(x) == (("iran",), ("syrian-government",))
    assert (x.details["status"], x.modality.value) == ("agreed", "claimed")


def test_a_quid_pro_quo_after_the_leg_told_before(gazetteer):
    ex = run("Damascus has asked that the SDF hand Tabqa to the Syrian government. As a quid pro quo, the government "
             "would pull its personnel out of the security square in central Qamishli – the offices it never "
             "relinquished – leaving the neighbourhood entirely to the Asayish.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Tabqa", "Qamishli") and sides(x) == (("syrian-government",), ("sdf",))


def test_who_would_be_let_move_on_the_place_receives_it(gazetteer):
    ex = run("The Russians asked that Badama be handed to the Syrian government. In return, they said, they would "
             "not stand in the way if Turkey moved on Amuda.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names[1] == "Amuda" and sides(x)[1] == ("turkey",)


@pytest.mark.parametrize("text, receivers", [
    ("Russian officers offered a formula under which the Syrian army would take over Nawa, while the towns of Jasim "
     "and Inkhil would be left with local ex-rebels.", (("syrian-government",), ("opposition",))),
    ("The idea is simple: the SDF lets the Syrian army back into al-Busayrah, and in return Damascus pulls its units "
     "out of Hatla and Khusham and leaves the two villages to the SDF.", (("syrian-government",), ("sdf",))),
])
def test_who_a_place_is_left_with_or_to_after_a_list(gazetteer, text, receivers):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert sides(x) == receivers


def test_a_rumoured_swap_is_claimed(gazetteer):
    ex = run("A rumour circulated that Ankara had agreed to let Syrian government forces into Ihsim, in return for "
             "Moscow handing Tal Rifaat over to Turkey.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.modality.value == "claimed"


def test_a_place_told_with_the_villages_around_a_landmark_is_the_leg(gazetteer):
    ex = run("Turkish officials floated a proposal in talks with Moscow. Under the idea, government forces would "
             "withdraw from Qalaat al-Madiq and hand it back to the Turkish-backed factions, while the factions would "
             "vacate az-Ziyarah and the villages west of the Orontes, which would pass to Russian military police.",
             gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Qalaat al-Madiq", "al-Ziyarah")


def test_a_party_that_would_in_return_pull_back_gives_the_second_leg(gazetteer):
    ex = run("Two opposition figures described a Russian suggestion under which the factions would withdraw from "
             "al-Ziyarah, leaving it to the Syrian army, while the regime would in return pull back from Kafr Nubl "
             "and let the town revert to the opposition.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("al-Ziyarah", "Kafr Nabl") and sides(x) == (("syrian-government",), ("opposition",))


def test_in_return_for_handing_over_posts_is_no_second_leg(gazetteer):
    ex = run("The Southern Operations Room struck a deal with army officers in Daraa under which they were allowed to "
             "leave towards Damascus in return for handing over their posts intact.", gazetteer)
    assert not claims(ex, "exchange")


def test_in_return_a_party_would_pull_back_from_b(gazetteer):
    ex = run("Notables proposed that the rebels hand Mleiha over to government forces, and that in return the "
             "government forces would pull back from Deir al-Asafir and leave it to the rebels.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.modality.value == "possible"
    assert [b for b in sides(x)[1]] == ["opposition"]


@pytest.mark.parametrize("text", [
    "Kanaker would be handed to government forces, and in return government forces would stop their attacks on "
    "Mazraat Beit Jinn and leave the Beit Jinn farms to the rebels.",   # the farms of a place
    "Delegations discussed a Turkish proposal under which Ankara would accept the regime's control over Huraytan "
    "and Anadan, in return for the regime forces withdrawing from the city of Saraqib and handing it back to the "
    "factions.",   # a party's control over A
    "Turkish negotiators offered to accept regime control of Saraqib in exchange for the Russians leaving the "
    "Taftanaz airbase and the area around Binnish to the rebels.",   # B left to a party, with more after it
    "Rebels offered to hand Saraqib to government forces, in return for government forces withdrawing from around "
    "Binnish and leaving the town to the rebels.",   # "the town" after B
])
def test_who_receives_each_leg(gazetteer, text):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert sides(x) == (("syrian-government",), ("opposition",))


def test_a_trade_claimed_to_be_reached_is_agreed(gazetteer):
    ex = run("Rebel commanders have claimed that Ankara and Moscow reached a quiet trade: Turkey got Tal Rifaat "
             "in return for Saraqib.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert (x.details["status"], x.modality.value) == ("agreed", "claimed")


@pytest.mark.parametrize("text, b_to", [
    ("The Faylaq would hand Jobar over to the regime forces, in return for Arbin and Zamalka remaining under the "
     "control of the factions.", ("opposition",)),
    ("The SDF would hand Manbij to the army in return for Kobani staying with the SDF.", ("sdf",)),
    ("The deal provided for the group to hand Deir Hafer to the army in return for Damascus leaving Tabqa in the "
     "hands of the SDF.", ("sdf",)),
    ("The bargain leaves Tabqa to the SDF in return for the regime being allowed to take al-Resafa.",
     ("syrian-government",)),
    # "they" after a colon is the party the proposal went to, who gives A and takes B
    ("Regime officers relayed a proposal to the Iranian-backed units: they would vacate Thaala airbase and hand it to "
     "Russian military police, and in return take over depots in Izra.", ("iran",)),
])
def test_who_keeps_or_takes_the_second_leg(gazetteer, text, b_to):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.details["b_to"] == b_to


@pytest.mark.parametrize("text, status, modality", [
    ("A committee member said the agreement stipulates that the factions hand Jayrud over to the army, in return for "
     "al-Ruhaybah remaining with its young men.", "agreed", "claimed"),
    ("An official claims the Americans and the Russians have quietly traded positions: the Americans are leaving "
     "Tal Baydar to the Russians, and in return Moscow keeps away from Rmelan.", "done", "claimed"),
])
def test_a_deal_that_stipulates_or_a_trade_already_made_is_no_proposal(gazetteer, text, status, modality):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert (x.details["status"], x.modality.value) == (status, modality)


@pytest.mark.parametrize("text", [
    "Russia suggested that Tabqa would pass to the army, and in return the SDF would keep Raqqa.",
    "Under the plan Tabqa would go to the army and in return the SDF would be allowed to keep Raqqa.",
])
def test_a_party_that_keeps_the_second_place_receives_it(gazetteer, text):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names == ("Tabqa", "Raqqa")
    assert (x.details["b_from"], x.details["b_to"]) == ((), ("sdf",))


@pytest.mark.parametrize("text, a_to", [
    ("Iranian-backed forces would pull out of al-Kiswah, to be replaced by army units, in exchange for the "
     "withdrawal of US troops from al-Tanf.", ("syrian-government",)),
    ("Iranian-backed forces would pull out of al-Kiswah, which would then be held by Russian military police, in "
     "exchange for the withdrawal of US troops from al-Tanf.", ("russia",)),
])
def test_who_replaces_the_givers_of_the_first_place_receives_it(gazetteer, text, a_to):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names == ("al-Kiswah", "al-Tanf")
    assert x.details["a_to"] == a_to


@pytest.mark.parametrize("text", [
    "Under the proposal, the regime army would enter Jisr al-Shughur, while Harim would remain under Turkish protection.",
    "Under the proposal, the army would take Jisr al-Shughur, while Turkey would keep Harim.",
])
def test_terms_that_share_two_places_out_between_two_parties(gazetteer, text):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.place_names == ("Jisr al-Shughur", "Harem")
    assert (x.details["a_to"], x.details["b_to"]) == (("syrian-government",), ("turkey",))


def test_keeping_a_party_away_from_a_place_gives_it_no_place(gazetteer):
    ex = run("Washington would press Ankara to keep Turkish-backed forces away from Kobani in exchange for the SDF "
             "giving up Manbij.", gazetteer)
    assert all("turkey" not in x.details["a_to"] for x in claims(ex, "exchange"))


def test_where_a_road_leads_is_no_leg_and_a_party_keeping_a_place_receives_it(gazetteer):
    ex = run("Ankara had agreed that Jisr al-Shughur and the M4 west of it towards Latakia would return to the state, in "
             "exchange for the factions keeping Jabal al-Zawiya.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.place_names == ("Jisr al-Shughur", "Jabal al-Zawiya")
    assert (x.details["b_from"], x.details["b_to"]) == ((), ("opposition",))


def test_a_belt_of_two_places_handed_on_in_a_relative_clause_names_its_receiver(gazetteer):
    ex = run("Moscow could let the SNA and Turkish forces move into Tal Rifaat in exchange for the withdrawal of HTS "
             "from the Anadan–Hraytan belt, which would then be handed to the Syrian army and Russian police.",
             gazetteer)
    (x,) = claims(ex, "exchange")
    assert set(x.details["b_to"]) == {"syrian-government", "russia"}


def test_a_receiver_told_past_a_phrase_of_where(gazetteer):
    ex = run("The proposal stipulates the handing of Ras al-Ain to the General Security, in exchange for the SDF "
             "handing over its positions in Tal Tamr and on the M4 west of the town to units of the Ministry of "
             "Defence.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert x.details["b_to"] == ("syrian-government",)


def test_a_receiver_named_as_the_new_ministry(gazetteer):
    ex = run("One idea is a trade: Russia would give up Tartus to the new Defence Ministry and in return keep Hmeimim.",
             gazetteer)
    (x,) = claims(ex, "exchange")
    assert "syrian-government" in x.details["a_to"]


@pytest.mark.parametrize("text,modality,status", [
    ("Quoting sources, the paper said the fighters had withdrawn under an understanding reached through Turkish "
     "intelligence: the factions would leave Kessab to the army, and in return the army would freeze its advance on "
     "Rabia.", "claimed", "agreed"),
    ("Diplomats said Russia proposed a deal: the factions would leave Kessab to the army, and in return the army "
     "would freeze its advance on Rabia.", "possible", "proposed"),
])
def test_the_terms_of_an_understanding_told_as_reached_are_agreed(gazetteer, text, modality, status):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert (x.modality.value, x.details["status"]) == (modality, status)


@pytest.mark.parametrize("text,b_to", [
    ("Moscow would press Damascus to hand Tadef over to the SNA in exchange for Ankara accepting that the Syrian "
     "army, rather than the SDF, takes over Manbij.", ("syrian-government",)),
    ("Damascus would hand Tadef over to the SNA in exchange for Ankara accepting that the Syrian army, not the SDF, "
     "takes over Manbij.", ("syrian-government",)),
    ("Damascus would hand Tadef over to the SNA in exchange for Ankara accepting that the SDF takes over Manbij.",
     ("sdf",)),
])
def test_a_party_set_aside_with_rather_than_takes_no_leg(gazetteer, text, b_to):
    (x,) = claims(run(text, gazetteer), "exchange")
    assert x.details["b_to"] == b_to


def test_a_party_that_stays_out_of_b_in_return_leaves_b_to_the_other(gazetteer):
    ex = run("Two diplomats describe a trade-off: Russia would not object to an Iranian role at the Latakia terminal, "
             "and in return Iran would stay out of Tartus.", gazetteer)
    (x,) = claims(ex, "exchange")
    assert (x.details["a_to"], x.details["b_to"]) == (("iran",), ("russia",))
