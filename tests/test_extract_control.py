"""geo.extract.control through extract(): who holds a place - stated, handed over, present."""
from __future__ import annotations

import pytest
import shapely

from _extract_helpers import claims, events_of, held_all, holders, run


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
    ("Government of Syria (GoS) forces took control of Khan Shaykhun on 21 August.", "Khan Sheikhoun",
     "syrian-government"),
    ("Government forces and affiliated groups took over Kafr Nabudah on 8 May.", "Kafr Nabudah", "syrian-government"),
    ("Sources reported that the Syrian National Army captured Tal Rifaat.", "Tal Rifaat", "opposition"),
    ("The SDF said it had taken over Mayadin.", "al-Mayadin", "sdf"),
    ("Mayadin was taken over by the SDF on Friday.", "al-Mayadin", "sdf"),
    ("Al-Mayadin has also passed to the new authorities.", "al-Mayadin", "hts"),
    ("Hajin remains under the control of the U.S.-backed, Kurdish-led Syrian Democratic Forces.", "Hajin", "sdf"),
    ('"Deir Hafer is still held by our forces," a senior SDF commander said.', "Deir Hafer", "sdf"),
    ('"Deir Hafer is still ours," a senior SDF commander said.', "Deir Hafer", "sdf"),
    ("08:05 Opposition fighters take full control of Saraqib after overnight fighting.", "Saraqib", "opposition"),
    ("The SNA claims to have captured the Kuweires airbase.", "Kuweires airbase", "opposition"),
    ("13:30 Opposition fighters enter Khan Shaykhun.", "Khan Sheikhoun", "opposition"),
    ("Fighting reached al-Qaryatayn, which Islamic State took last August.", "al-Qaryatayn", "isis"),
    ("Syrian army units restore security and stability to Saraqib", "Saraqib", "syrian-government"),   # a headline
    ("The Kurdish-held town of Tal Tamr came under Turkish shelling.", "Tal Tamr", "sdf"),
    ("Darbasiyah, which is Kurdish-controlled, was quiet.", "Darbasiyah", "sdf"),
    ("Army units have taken over police stations and former rebel positions in al-Haffah.", "al-Haffah",
     "syrian-government"),
    ("The army is still holding Khanasir.", "Khanasir", "syrian-government"),
    ("Tal Rifaat, still held by Kurdish units, was shelled.", "Tal Rifaat", "sdf"),
    ("In Syria, Maskanah was taken by the army from the Islamic State in 2017.", "Maskanah", "syrian-government"),
    ("The army has reinforced its points in al-Safira.", "al-Safira", "syrian-government"),
])
def test_control_claim(gazetteer, text, name, bloc):
    ex = run(text, gazetteer)
    assert (name, bloc) in holders(ex), ex.claims
    assert len(claims(ex, "control")) == 1

@pytest.mark.parametrize("text", ["Rebels still hold Tal Rifaat, Mare' and Azaz, but the corridor is narrow.",
                                  "Rebels still hold Tal Rifaat, Mare’ and Azaz."])
def test_control_of_a_list_after_a_name_ending_in_an_apostrophe(gazetteer, text):
    assert {("Azaz", "opposition"), ("Marea", "opposition")} <= holders(run(text, gazetteer))


def test_control_of_places_past_an_aside_that_both_share(gazetteer):
    ex = run("Al-Mansurah and al-Karamah, both on the road from al-Tabqa, were taken by the SDF on 4 June.", gazetteer)
    assert holders(ex) == {("al-Mansoura", "sdf"), ("al-Karamah", "sdf")}


def test_control_of_two_places_by_two_blocs(gazetteer):
    ex = run("Kobani and Sarrin have been controlled by the SDF together with government forces.", gazetteer)
    assert holders(ex) == {("Kobani", "sdf"), ("Kobani", "syrian-government"),
                            ("Sarrin", "sdf"), ("Sarrin", "syrian-government")}

def test_control_x_and_the_nearby_y(gazetteer):
    ex = run("Kobani and the nearby Sarrin have been controlled by the SDF together with government forces.",
             gazetteer)
    places = {n for n, _ in holders(ex)}
    blocs = {b for _, b in holders(ex)}
    assert blocs == {"sdf", "syrian-government"}
    assert any("Sarrin" in n for n in places) and "Kobani" in places

@pytest.mark.parametrize("text", [
    "Turkey wants to control the border.",
    "Government forces shelled Kafr Nabl on Monday.",
    "Residents of Manbij held a wedding on Friday.",
    "The weather in Qamishli was cold.",
    "The Kurdish-majority town of Amuda was calm.",
    "Kurdish towns such as Amuda held elections.",
    "Army units shelled police stations and former rebel positions in al-Haffah.",
    "The SDF held talks in Raqqa with tribal leaders.",
    "Turkey and Russia have held several rounds of talks on Idlib.",
    "The SDF is holding a rally in Qamishli.",
    "The minister took back his words about Qamishli.",
    "Manbij was quiet, and the SDF said nothing, along with the town of Kobani.",
    "The army lost points in al-Safira.",
    "A Turkish armoured column entered through the Bab al-Salama crossing on Monday.",
    "Government troops based in Salamiyah had already pulled out towards Homs.",
    # the place's asides between the post and the move
    "Syrian army units stationed at Thaala military airport, 13 km west of the city, left the airport at dawn.",
    "Syrian soldiers stationed at Ithriyah, the junction of the Salamiyah and Raqqa roads, were seen driving off.",
])
def test_no_control_claim(gazetteer, text):
    assert claims(run(text, gazetteer), "control") == []


def test_agent_is_not_controller(gazetteer):
    ex = run("Russian jets struck areas under Turkish control in Afrin.", gazetteer)
    (strike,) = events_of(ex, "strike")
    assert strike.blocs == ("russia",)
    assert strike.place_names == ("Afrin",)
    (ctl,) = claims(ex, "control")
    assert ctl.blocs == ("turkey",)

def test_relative_clause_does_not_steal_the_controlled_place(gazetteer):
    ex = run("Tal Tamr, which lies on the M4 highway, has been controlled by the SDF since 2015.", gazetteer)
    assert {c.place_names[0] for c in claims(ex, "control")} == {"Tal Tamr"}

@pytest.mark.parametrize("text,name,bloc", [
    ("Russian forces are stationed at the Qamishli airport.", "Qamishli airport", "russia"),
    ("Regime forces stationed in the village of Kansafra shelled Kafr Nabl.", "Kansafra", "syrian-government"),
    ("Turkish drones attacked SDF positions near Tal Tamr.", "Tal Tamr", "sdf"),
    ("The coalition moved equipment from its base in al-Shaddadi.", "al-Shaddadi", "us-coalition"),
    ("The Turkish observation post in Morek came under fire.", "Morek", "turkey"),
    # an aside between the force and its verb
    ("Units of the Ministry of Defence, most of them drawn from the command that took the capital in December, are "
     "deployed in Douma.", "Douma", "syrian-government"),
    ("Turkish troops, according to local sources, are stationed in Afrin.", "Afrin", "turkey"),
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


def test_setting_out_to_restore_security_is_no_control(gazetteer):
    assert claims(run("Syrian army units set out to restore security to Saraqib.", gazetteer), "control") == []

def test_backers_set_off_by_commas_do_not_hide_who_seized(gazetteer):
    ex = run("Government forces, backed by Russian jets, seized Kafr Nabl and the nearby town of Saraqib.", gazetteer)
    assert holders(ex) == {("Kafr Nabl", "syrian-government"), ("Saraqib", "syrian-government")}

def test_a_comma_with_clause_is_not_a_second_controller(gazetteer):
    ex = run("Tal Tamr and its villages on the Khabur River are held by the SDF, with government forces "
             "deployed on the front lines.", gazetteer)
    assert holders(ex) == {("Tal Tamr", "sdf")}

def test_outside_x_control_is_not_x_control(gazetteer):
    ex = run("The only pocket left outside government control is the city of Douma.", gazetteer)
    assert ("Douma", "syrian-government") not in holders(ex)

@pytest.mark.parametrize("text,name,bloc", [
    ("Drones were launched at the Russian Hmeimim airbase.", "Hmeimim airbase", "russia"),
    ("Iranian militias shelled the US base at al-Tanf.", "al-Tanf", "us-coalition"),
    ("Helicopters took off from the al-Omar oil field, the largest coalition base in Syria.",
     "al-Omar oil field", "us-coalition"),
])
def test_a_base_is_held_by_its_owner(gazetteer, text, name, bloc):
    assert (name, bloc) in holders(run(text, gazetteer))

def test_a_base_in_a_town_is_a_presence_there(gazetteer):
    ex = run("A convoy headed from al-Malikiyah to the coalition base in Rmelan.", gazetteer)
    assert holders(ex) == {("Rmelan", "us-coalition")}

def test_control_of_it_is_the_place_named_before(gazetteer):
    ex = run("HTS retook Kafr Nabudah, before government forces regained control of it in June.", gazetteer)
    assert ("Kafr Nabudah", "syrian-government") in holders(ex)
    assert {c.blocs for c in events_of(ex, "capture")} == {("hts",), ("syrian-government",)}

def test_positions_left_behind_are_not_held(gazetteer):
    ex = run("Iranian-backed militias withdrew from their positions around Saraqib on Monday.", gazetteer)
    assert claims(ex, "control") == []

def test_a_passive_recapture_is_control_and_a_capture(gazetteer):
    ex = run("Aleppo was recaptured by government forces in December 2016.", gazetteer)
    assert holders(ex) == {("Aleppo", "syrian-government")}
    assert [c.blocs for c in events_of(ex, "capture")] == [("syrian-government",)]

def test_the_village_is_not_an_american_town(gazetteer):
    ex = run("Regime forces shelled the village of Kabana. The village has been in the hands of HTS since 2016.",
             gazetteer)
    assert ("Kabani", "hts") in holders(ex)

@pytest.mark.parametrize("text,expected", [
    ("The SDF handed over Arima and Tal Rifaat to the Syrian government forces on Monday.",
     {("Arima", "syrian-government"), ("Tal Rifaat", "syrian-government")}),
    ("The SDF, which controls most of Tal Tamr, rejected the offer.", {("Tal Tamr", "sdf")}),
    ("Fighters of Hayat Tahrir al-Sham (HTS) seized the town of Afrin on Wednesday.", {("Afrin", "hts")}),
    ("Turkish forces set up a new observation point in the village of Atarib.", {("Atarib", "turkey")}),
    ("The US-led coalition keeps a handful of border posts around the town of al-Yarubiyah.",
     {("al-Yarubiyah", "us-coalition")}),
    ("The regime holds al-Hamra itself and al-Saan, and now Uqayribat.",
     {("Al Ḩamrā’", "syrian-government"), ("al-Sa'an", "syrian-government"), ("Uqayribat", "syrian-government")}),
    # a stretch held from A to B holds both ends
    ("The army is holding the whole road from Ithriyah to al-Safira.",
     {("Ithriya", "syrian-government"), ("al-Safira", "syrian-government")}),
    ("The SDF controls the east bank from al-Busayrah down to al-Baghuz.",
     {("al-Busayrah", "sdf"), ("al-Baghuz", "sdf")}),
])
def test_more_control_phrasings(gazetteer, text, expected):
    assert holders(run(text, gazetteer)) == expected

def test_a_proposed_handover_gives_nobody_control(gazetteer):
    ex = run("Ankara proposed that the factions hand over Saraqib to the government.", gazetteer)
    assert holders(ex) == set()

def test_a_comma_before_a_new_clause_ends_the_actor_list(gazetteer):
    ex = run("After the SDF handed Ain Issa over to the Russians, Turkey shelled Tal Tamr.", gazetteer)
    assert ("Ain Issa", "turkey") not in holders(ex) and ("Ain Issa", "russia") in holders(ex)

def test_soldiers_are_the_force_named_just_before(gazetteer):
    ex = run("Syrian government forces arrived in Manbij on Monday. Around 200 soldiers entered the village of "
             "Muhsinli.", gazetteer)
    assert ("Muhsinli", "syrian-government") in holders(ex)

@pytest.mark.parametrize("text,expected", [
    ("Iranian-backed militias shelled Mayadin and Albu Kamal on Monday. Both towns have been held by "
     "the militias since 2017.", {("al-Mayadin", "iran"), ("Albu Kamal", "iran")}),
    ("Government forces shelled the villages of Kafr Nabl and Kansafra. The two villages are held by HTS.",
     {("Kafr Nabl", "hts"), ("Kansafra", "hts")}),
    # a place two parties have shared
    ("The SNA eyes Tal Rifaat, the town about 31 kilometers north of Aleppo that the Kurdish-led YPG have shared "
     "with Syrian government forces since 2016.", {("Tal Rifaat", "sdf"), ("Tal Rifaat", "syrian-government")}),
    ("Tal Rifaat, which the YPG shared with government forces, was shelled.",
     {("Tal Rifaat", "sdf"), ("Tal Rifaat", "syrian-government")}),
])
def test_holders_of_two_places_or_two_parties(gazetteer, text, expected):
    assert holders(run(text, gazetteer)) == expected

def test_the_two_towns_need_two_towns_named_before(gazetteer):
    assert holders(run("Russian jets struck Saraqib. The two towns are held by HTS.", gazetteer)) == set()

def test_a_noun_between_the_actor_and_deployed(gazetteer):
    ex = run("Activists said HTS security personnel were still deployed in Afrin on Saturday.", gazetteer)
    assert holders(ex) == {("Afrin", "hts")}

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
    assert holders(ex) == {("Muhsinli", "syrian-government")}

@pytest.mark.parametrize("text,held", [
    ("The SDF announced that they had taken full control of Tabqa and the adjacent Tabqa dam.",
     {("Tabqa", "sdf"), ("Tabqa Dam", "sdf")}),
    ("Government forces took over Maarat al-Numan on Tuesday.", {("Maarat al-Numan", "syrian-government")}),
    ("Their next objective is al-Mansoura, 18 kilometers to the east on the road to Raqqa, which remains in IS hands.",
     {("al-Mansoura", "isis")}),
    ("Troops pushed toward Maskanah, the last IS-held town in Aleppo province.", {("Maskanah", "isis")}),
    ("Idlib, which remains in HTS hands, was shelled.", {("Idlib", "hts")}),
    ("The Autonomous Administration imposed a full curfew on Hasakah for seven days.", {("Hasakah", "sdf")}),
    ("Government forces declared a 24-hour curfew in Hama.", {("Hama", "syrian-government")}),
])
def test_more_ways_to_say_who_holds_a_place(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held

@pytest.mark.parametrize("text", [
    "Idlib and Aleppo, which lie north of Hama, were quiet.",                 # no party: nothing held
    "Residents in government hands were questioned in Hama.",                # not "in X hands" of a place
    "A curfew was imposed in Hama after the clashes.",                        # nobody named
])
def test_no_holder_no_control(gazetteer, text):
    assert holders(run(text, gazetteer)) == set()

@pytest.mark.parametrize("text", [
    "Insurgents fired rockets at the government-held, mostly Christian towns of Mhardeh and as-Suqaylabiyah.",
    "Insurgents fired rockets at the government-held towns of Mhardeh and as-Suqaylabiyah.",
])
def test_held_towns_with_words_between(gazetteer, text):
    ex = run(text, gazetteer)
    assert holders(ex) == {("Muhradah", "syrian-government"), ("Suqaylabiyah", "syrian-government")}
    assert {c.blocs for c in events_of(ex, "strike")} == {("opposition",)}

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
    ("Azaz, like Marea, is run by Turkish-backed factions.", {("Azaz", "opposition"), ("Marea", "opposition")}),
    ("Ariha, like Idlib city, is under the control of HTS.", {("Ariha", "hts"), ("Idlib", "hts")}),
])
def test_holders_told_in_relative_clauses_and_asides(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held

def test_where_a_party_once_was_is_not_held_by_it(gazetteer):
    ex = run("Civilians returned to Arima, where Russian troops were attacked last year.", gazetteer)
    assert holders(ex) == set()

def test_taken_by_is_control(gazetteer):
    assert holders(run("Hajin was taken by the SDF in December.", gazetteer)) == {("Hajin", "sdf")}


@pytest.mark.parametrize("text,held", [
    ("Tafas has been run since January by the General Security.", {("Tafas", "hts")}),
    ("Tal Tamr, held for years by the SDF, was shelled on Monday.", {("Tal Tamr", "sdf")}),
    ("Jarablus is controlled in part by the Hamza Division.", {("Jarabulus", "opposition")}),
])
def test_held_since_or_for_a_time_by(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


def test_held_talks_is_no_control(gazetteer):
    assert holders(run("Talks held in Astana by Russia and Turkey ended in Sochi.", gazetteer)) == set()


def test_the_occupations_bases_in_a_town(gazetteer):
    ex = run("The Turkish occupation army shelled the villages on Wednesday. According to the council's media centre, "
             "the shells were fired from the occupation's bases in al-Ghandoura.", gazetteer)
    assert holders(ex) == {("al-Ghandoura", "turkey")}
    assert not [c for c in events_of(ex, "strike") if c.place_names == ("al-Ghandoura",)]   # fired from, not hit


@pytest.mark.parametrize("text,held", [
    ("The Turkish observation post established last month near Morek did not react.", {("Morek", "turkey")}),
    ("A Russian base set up in 2019 at Qamishli airport was expanded.", {("Qamishli airport", "russia")}),
])
def test_a_post_established_somewhere_is_presence_there(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


def test_a_partys_front_line_at_a_place(gazetteer):
    ex = run("Souran faces the opposition front line at al-Lataminah and Kafr Zita.", gazetteer)
    assert holders(ex) == {("al-Lataminah", "opposition"), ("Kafr Zita", "opposition")}


def test_a_front_line_of_nobody_is_held_by_nobody(gazetteer):
    assert holders(run("Turkish troops advanced towards the front line near Tal Tamr.", gazetteer)) == set()


def test_forces_dug_in_where_a_village_is(gazetteer):
    ex = run("Residents of Khasham, the village where government troops have been dug in since late 2017, fled.",
             gazetteer)
    assert holders(ex) == {("Khusham", "syrian-government")}


@pytest.mark.parametrize("text,held", [
    ("The factions moved south along the M5 highway, capturing Saraqib and Khan Shaykhun.",
     {("Saraqib", "opposition"), ("Khan Sheikhoun", "opposition")}),
    ("Units of the Syrian Arab Army on Thursday liberated the town of Tasil.", {("Tasil", "syrian-government")}),
    ("The factions took control of the town of Souran, about 18 kilometres north of Hama, along with Halfaya.",
     {("Suran (Hama)", "opposition"), ("Halfaya", "opposition")}),
    ("The SDF holds Tal Tamr, 40 km north of Hasakah, and Ain Issa.", {("Tal Tamr", "sdf"), ("Ain Issa", "sdf")}),
])
def test_captures_told_by_a_participle_a_time_or_a_list_with_an_aside(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text,held", [
    ("The SNA said it had captured Tal Rifaat, which had been held since 2016 by the YPG.",
     {("Tal Rifaat", "opposition")}),
    ("The factions captured Saraqib and Khan Shaykhun, towns that the regime had seized in 2020.",
     {("Saraqib", "opposition"), ("Khan Sheikhoun", "opposition")}),
    ("Talbiseh was under opposition control until 2018.", set()),
    ("Tafas was held by the factions until July.", set()),
])
def test_a_hold_that_has_ended_is_not_control(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


def test_the_next_clause_subject_is_not_a_receiver(gazetteer):
    ex = run("Aleppo fell to the factions, and the regime's forces withdrew from its airport.", gazetteer)
    assert holders(ex) == {("Aleppo", "opposition")}


def test_nobody_holds_a_whole_country(gazetteer):
    ex = run("The army raised the flag over the border crossing with Jordan, now under the control of the army.",
             gazetteer)
    assert not any(c.place_names == ("Jordan",) for c in claims(ex, "control"))


@pytest.mark.parametrize("text,held", [
    ("Positions of the Deir ez-Zor Military Council, affiliated with the SDF, in the town of Dhiban were shelled.",
     {("Dhiban", "sdf")}),
    ("The coalition, which keeps its largest base in Syria at the al-Omar field, sent a convoy.",
     {("al-Omar oil field", "us-coalition")}),
    ("A coalition convoy drove to the Conoco field, where it also maintains a base.",
     {("Conoco gas field", "us-coalition")}),
    ("The government took over Deir Ezzor city, al-Mayadin and Albu Kamal in December.",
     {("Deir ez-Zor", "syrian-government"), ("al-Mayadin", "syrian-government"),
      ("Albu Kamal", "syrian-government")}),
])
def test_presence_told_through_asides_pronouns_and_city_lists(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


def test_positions_of_a_party_it_left_are_not_held(gazetteer):
    ex = run("The SDF withdrew from the positions of the Manbij Military Council in the village of Arima.", gazetteer)
    assert holders(ex) == set()


@pytest.mark.parametrize("text,held", [
    ("Regime forces completed their control of the northern countryside of Hama, after the factions withdrew "
     "overnight from the towns of Morek and Kafr Zita.",
     {("the northern countryside of Hama", "syrian-government"), ("Morek", "syrian-government"),
      ("Kafr Zita", "syrian-government")}),
    ("Government forces took control of the area after the factions withdrew from Morek.",
     {("Morek", "syrian-government")}),
    ("The SDF took control of Raqqa after IS withdrew from Tabqa.", {("Raqqa", "sdf")}),
    ("Government forces took control of the area, while the factions withdrew from Morek.", set()),
])
def test_the_party_that_took_control_holds_what_the_others_left(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text,held", [
    ("Islamic State group jihadists have seized the town of Mheen in the desert southeast of Homs.",
     {("Mahin", "isis")}),
    ("The Islamic State group attacked Homs. By Sunday night the town of Mheen had fallen to the group.",
     {("Mahin", "isis")}),
    ("Syria: the village of Sadad is held by the army and a local militia.", {("Sadad", "syrian-government")}),
    ("IS fighters swept from Palmyra, the ancient city they captured in May, to al-Qaryatayn.",
     {("Palmyra", "isis")}),
])
def test_holders_named_by_the_group_the_army_or_they(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text", [
    "Turkish forces shelled Manbij, which they hold responsible for the attack.",
    "Turkish army units entered Syria. The army said that Sadad is held by the army.",
])
def test_they_hold_responsible_is_no_hold_and_the_army_is_the_one_named(gazetteer, text):
    assert all(bloc != "syrian-government" and place != "Manbij" for place, bloc in holders(run(text, gazetteer)))


@pytest.mark.parametrize("text,held", [
    ("The SDF controls most of al-Hasakah province including Qamishli, Amuda and the oil town of Rmelan.",
     {("Hasakah Governorate", "sdf"), ("Qamishli", "sdf"), ("Amuda", "sdf"), ("Rmelan", "sdf")}),
    ("The factions, which are now nominally part of the Defence Ministry, still run Ras al-Ain and Tal Abyad.",
     {("Ras al-Ain", "opposition"), ("Tal Abyad", "opposition")}),
    ("Talks stalled. An SDF negotiator said the Turkish-backed factions should leave Ras al-Ain, which they have held "
     "since October 2019.", {("Ras al-Ain", "opposition")}),
    ("HTS moved fighters from Jisr al-Shughur, the town on the M4 that it controls with its allies, to the mountain.",
     {("Jisr al-Shughur", "hts")}),
    ("Iranian-backed militias retain a firm grip on Albu Kamal.", {("Albu Kamal", "iran")}),
    ("The SDF keeps a tight grip on Hasakah, while Iran lost its grip on Albu Kamal.", {("Hasakah", "sdf")}),
    ("Jaish Khalid ibn al-Walid, which holds a pocket in the far southwest of the province, seized Tasil on Thursday.",
     {("Tasil", "isis")}),
    ("The SDF has ruled the city of Raqqa since 2017.", {("Raqqa", "sdf")}),
    ("Under the rules of the deal, Russian officers met in Idlib.", set()),
])
def test_lists_with_including_asides_before_the_verb_and_they_of_a_relative(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text,held", [
    ("Syrian government forces backed by Russian air strikes captured the town of Rabia on Sunday.",
     {("Rabia", "syrian-government")}),
    ("Russian jets struck al-Harak, one of the largest rebel-held towns in the eastern countryside.",
     {("al-Hirak", "opposition")}),
    ("Busra al-Sham has been held since 2015 by the Youth of Sunna Forces.", {("Busra al-Sham", "opposition")}),
    ("Daraa city has been divided between government troops and rebels since 2013.",
     {("Daraa", "syrian-government"), ("Daraa", "opposition")}),
])
def test_backers_one_of_the_held_towns_and_divided_cities(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text,held", [
    ("Buses carried evacuees from the besieged pro-government villages of al-Fuah and Kafraya.",
     {("al-Fu'ah", "syrian-government"), ("Kafriya", "syrian-government")}),
    ("The talks covered Madaya and Zabadani, the last opposition towns in the mountains.",
     {("Madaya", "opposition"), ("Zabadani", "opposition")}),
    ("Shells fell on the rebel town of Kafr Nabl.", {("Kafr Nabl", "opposition")}),
    ("Shells fell on the former rebel town of Kafr Nabl.", set()),
    ("Refugees crossed into the Turkish border town of Kilis.", set()),
])
def test_a_sides_town_is_its_own(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text,held", [
    ("The post lies about 8 km south-southeast of Khan Shaykhun, which the government forces captured in 2019.",
     {("Khan Sheikhoun", "syrian-government")}),
    ("The posts around Maarat al-Numan, which also lies in government-held territory, were evacuated.",
     {("Maarat al-Numan", "syrian-government")}),
    ("Fighting reached Saraqib, which the factions seized last week.", {("Saraqib", "opposition")}),
])
def test_a_relative_clause_about_a_landmark_or_lying_in_held_territory(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


def test_the_spot_near_a_landmark_is_not_what_the_clause_is_about(gazetteer):
    ex = run("The post lies about 8 km south-southeast of Khan Shaykhun, which the government forces captured in 2019.",
             gazetteer)
    (c,) = claims(ex, "control")
    assert c.geo_precision == 1


def test_a_relative_clause_after_an_aside_is_about_the_place_before_it(gazetteer):
    ex = run("In return Tal Rifaat, north of Aleppo, which Kurdish fighters hold alongside the SDF, would be handed over.",
             gazetteer)
    assert ("Aleppo", "sdf") not in holders(ex)


def test_their_positions_are_those_of_their_own_clause(gazetteer):
    ex = run("The Turkish vehicles returned to Turkey, while the Russian vehicles went back to their positions "
             "near the city of Kobani.", gazetteer)
    assert ("Kobani", "russia") in holders(ex) and ("Kobani", "turkey") not in holders(ex)


@pytest.mark.parametrize("text, held", [
    ("Nubl and al-Zahraa are now in the hands of the revolutionaries, a commander said.",
     {("Nubl", "opposition"), ("al-Zahraa (Aleppo)", "opposition")}),
    ("In the west, the rebels had earlier captured Khan al-Asal, about 12 km west-southwest of Aleppo, and the town "
     "of Zarbah.", {("Khan al-Asal", "opposition"), ("al-Zarbah", "opposition")}),
    ("The rebels captured Khan al-Asal. On Friday they took Saraqib, where the M5 meets the M4.",
     {("Khan al-Asal", "opposition"), ("Saraqib", "opposition")}),
    ("The offensive was launched from the opposition's Idlib stronghold.", {("Idlib", "opposition")}),
    ("Turkish-backed factions in their stronghold of Azaz sent reinforcements.", {("Azaz", "opposition")}),
    ("The Kurdish neighbourhood of Sheikh Maqsoud in Aleppo remained under SDF control.", {("Sheikh Maqsoud", "sdf")}),
    ("The deal covers Madaya and Zabadani, two rebel-held towns besieged by government forces.",
     {("Madaya", "opposition"), ("Zabadani", "opposition")}),
    ("Buses went on to Idlib, the provincial capital controlled by the Army of Conquest alliance.", {("Idlib", "hts")}),
    ("The factions captured Bulbul in January, then took the town of Rajo, the YPG stronghold in the north, in March.",
     {("Bulbul", "opposition"), ("Rajo", "opposition")}),
    ("Turkish forces and the Syrian factions participating in \"Operation Olive Branch\" entered the city of Afrin.",
     {("Afrin", "turkey"), ("Afrin", "opposition")}),
])
def test_control_told_by_pronouns_possessives_and_later_verbs(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text", [
    "The meeting of the factions took place in Idlib.",
    "The rebels met on Monday. They took part in talks in Idlib.",
])
def test_took_part_or_place_is_no_capture(gazetteer, text):
    assert claims(run(text, gazetteer), "control") == []


@pytest.mark.parametrize("text, held", [
    ("Government troops, backed by Russian airstrikes, broke the siege on Deir ez-Zor in September, and on Saturday "
     "captured the town of Mayadeen.", {("al-Mayadin", "syrian-government"), ("Deir ez-Zor", "syrian-government")}),
    #  the garrison the siege had cut off is the government's
    ("General Security forces recaptured Jableh and entered the city of al-Qardaha.",
     {("Jableh", "hts"), ("Qardaha", "hts")}),
    ("Beit Jinn lies just outside the buffer zone, in territory administered by the new government in Damascus.",
     {("Beit Jinn", "hts")}),
    ("The convoys went to al-Bab, which Turkish forces and their rebel allies captured from Islamic State in 2017.",
     {("al-Bab", "turkey"), ("al-Bab", "opposition")}),
    ("The city of Albu Kamal and the towns along the western bank, from al-Mayadin to the border, are held by "
     "Iranian-backed militias.", {("Albu Kamal", "iran"), ("al-Mayadin", "iran")}),
    ("Turkish troops and the Syrian opposition fighters they back have captured a string of villages around the "
     "town, including Maabatli, some 13 kilometers (8 miles) west of Afrin, Rajo to the northwest and Bulbul.",
     {("Maabatli", "turkey"), ("Maabatli", "opposition"), ("Rajo", "turkey"), ("Rajo", "opposition"),
      ("Bulbul", "turkey"), ("Bulbul", "opposition")}),
    ("The Syrian army has taken several villages in the area, such as Kafr Nubl and Hish.",
     {("Kafr Nabl", "syrian-government"), ("Heish", "syrian-government")}),
    ("The Syrian army has taken Kafr Nubl.", {("Kafr Nabl", "syrian-government")}),
    ("The council said it had agreed to hand over a belt of villages on the edge of its territory, around Arima, "
     "some 22 kilometres west of Manbij, to government forces.", {("Arima", "syrian-government")}),
    ("Turkey already holds a strip of border territory running from Jarabulus to Azaz.",
     {("Jarabulus", "turkey"), ("Azaz", "turkey")}),
    ("Russian officers floated an idea: the YPG would hand Tal Rifaat and Menagh to the factions.",
     {("Tal Rifaat", "sdf"), ("Menagh airbase", "sdf")}),
    ("The withdrawal was part of an understanding under which the SDF would hand over Raqqa to the army.", set()),
    ("In his account, Ankara stopped backing the rebels in Saraqib, leaving it to the regime in December.",
     {("Saraqib", "syrian-government")}),
    ("The factions would leave Saraqib, leaving it to the army.", {("Saraqib", "opposition")}),   # proposed: still theirs
    ("Kurdish-led SDF hands Deir ez-Zor to Syria's new rulers.", {("Deir ez-Zor", "hts")}),
    ("Talbiseh and Rastan, which straddles the highway to Hama, remain the main rebel strongholds in the north.",
     {("Talbiseh", "opposition"), ("al-Rastan", "opposition")}),
    ("Syrian troops swept into Morek and Kafr Zita after the jihadists abandoned them.",
     {("Morek", "syrian-government"), ("Kafr Zita", "syrian-government")}),
    ("Regime forces had already retaken al-Tamanah earlier this month.", {("al-Tamanah", "syrian-government")}),
    ("An unwritten swap let Turkey's Operation Euphrates Shield take Jarabulus and al-Bab.",
     {("Jarabulus", "turkey"), ("al-Bab", "turkey")}),
    ("Russia may let Turkey take Tal Rifaat.", set()),                       # only proposed
    ("Under the idea, US forces would leave the al-Tanf garrison while Iranian-backed militias would withdraw from "
     "Albu Kamal.", {("al-Tanf", "us-coalition"), ("Albu Kamal", "iran")}),
])
def test_control_by_coordinated_verbs_lists_strips_and_handovers(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


def test_the_eastern_bank_is_that_side_of_the_river_named_before(gazetteer):
    ex = run("Militias crossed the Euphrates near al-Mayadin. The eastern bank has been under the control of the SDF "
             "since 2019.", gazetteer)
    (c,) = claims(ex, "control")
    mayadin = gazetteer.lookup("al-Mayadin", limit=1)[0].place
    g = shapely.from_wkb(c.geometry)
    assert c.blocs == ("sdf",) and g.geom_type in ("Polygon", "MultiPolygon")
    assert g.representative_point().x > mayadin.lon - 0.1 and g.distance(shapely.Point(mayadin.lon, mayadin.lat)) < 0.5


def test_the_ends_of_a_held_stretch_are_held_too(gazetteer):
    ex = run("The west bank of the Euphrates, from al-Mayadin down to Albu Kamal, has been held by Iranian-backed "
             "militias since 2017.", gazetteer)
    assert {("al-Mayadin", "iran"), ("Albu Kamal", "iran")} <= holders(ex)
    assert ("The west bank of the Euphrates", "iran") in holders(ex)


def test_took_the_road_through_a_town_is_no_capture(gazetteer):
    ex = run("Buses carrying SDF fighters drove out of Sheikh Maqsoud, escorted by the General Security, and took the "
             "road east through Deir Hafer to Tabqa.", gazetteer)
    assert not any(name == "Deir Hafer" for name, _ in holders(ex))


def test_people_taken_by_a_force_to_a_town_is_no_capture(gazetteer):
    ex = run("Men suspected of belonging to IS were separated on the edge of al-Baghouz and taken by the SDF to "
             "detention facilities in al-Hasakah city.", gazetteer)
    assert claims(ex, "control") == []


@pytest.mark.parametrize("text, held", [
    ("Syrian government forces backed by Russian air power took full control of Khan Sheikhoun on Friday.",
     {("Khan Sheikhoun", "syrian-government")}),
    ("The regime forces and the Russian military police had deployed in Daraa al-Balad on Thursday.",
     {("Daraa al-Balad", "syrian-government"), ("Daraa al-Balad", "russia")}),
    ("SOHR monitored the entry of the regime forces into the city of Tafas, about 13 kilometres north-northwest of "
     "Daraa, and into the town of al-Muzayrib.", {("Tafas", "syrian-government"), ("al-Muzayrib", "syrian-government")}),
])
def test_control_by_backed_forces_entries_and_deployments(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text, held", [
    ("Regime forces are now concentrated in the coastal governorates, where they still hold Tartus and Jableh.",
     {("Tartus", "syrian-government"), ("Jableh", "syrian-government")}),
    ("Hajin, about 28 kilometers up the river from al-Baghouz, was captured by the SDF in December.", {("Hajin", "sdf")}),
    ("SDF columns set out from al-Shaddadi, their stronghold 100 kilometers to the north.", {("al-Shaddadi", "sdf")}),
    ("Syrian troops recaptured al-Qaryatayn on Sunday, a week after driving the jihadists out of the ancient city of "
     "Palmyra.", {("al-Qaryatayn", "syrian-government"), ("Palmyra", "syrian-government")}),
    ("Russian troops have been deployed in Tal Rifaat since Turkey's operation drove the YPG out of Afrin.",
     {("Tal Rifaat", "russia"), ("Afrin", "turkey")}),
    ("Buses carrying Jaysh al-Islam fighters have driven out of Douma toward Jarablus.", set()),
    ("Armed men crossed the river from al-Mayadin, on the western bank held by Iranian-backed militias, to Dhiban.",
     {("al-Mayadin", "iran")}),
])
def test_control_after_adverbs_distance_asides_and_driving_out(gazetteer, text, held):
    found = holders(run(text, gazetteer))
    assert held <= found and all(name in {h for h, _ in held} | {"the western bank"} for name, _ in found)


@pytest.mark.parametrize("text, held", [
    ("The western bank is controlled by government forces and the militias backed by Iran, whose main strongholds "
     "are al-Mayadin and Albu Kamal.",
     {("al-Mayadin", "syrian-government"), ("al-Mayadin", "iran"), ("Albu Kamal", "syrian-government"),
      ("Albu Kamal", "iran")}),
    ("A drone was shot down over the Conoco gas field near the village of Khasham, east of Deir ez-Zor city, "
     "which also houses US troops.", {("Conoco gas field", "us-coalition")}),
    ("Tal Tamr itself, a town on the Khabur river with a large Assyrian community, remains under the control of "
     "the SDF.",
     {("Tal Tamr", "sdf")}),
    ("Syrian government forces deployed on Thursday in a string of villages north of Tal Tamr.",
     {("north of Tal Tamr", "syrian-government")}),
    ("Government troops entered Manbij on October 15, while the Manbij Military Council kept the administration of "
     "the city itself.", {("Manbij", "syrian-government"), ("Manbij", "sdf")}),
])
def test_control_by_strongholds_hosts_appositions_and_administration(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


@pytest.mark.parametrize("text", [
    "The SDF, whose stronghold was once Raqqa, said the road was open.",   # a party's past, not a place held now
    "Tal Tamr, a town on the Khabur river, was shelled on Monday.",        # an apposition with no holder
    "Residents fled the Conoco gas field, which also houses a gas plant.",  # houses no party
])
def test_no_control_without_a_party_that_holds(gazetteer, text):
    held = held_all(run(text, gazetteer))
    assert not any(name in ("Raqqa", "Tal Tamr", "Conoco gas field") for name, _ in held), held


@pytest.mark.parametrize("text, blocs", [
    ("Ras al-Ain has been under the control of the Turkish army and its allied factions since October.",
     {"turkey", "opposition"}),
    ("Jisr al-Shughur has been controlled by Hayat Tahrir al-Sham (HTS) and allied factions since 2015.", {"hts"}),
])
def test_allied_factions_are_the_side_of_whom_they_follow(gazetteer, text, blocs):
    assert {b for c in claims(run(text, gazetteer), "control") for b in c.blocs} == blocs


@pytest.mark.parametrize("text, held", [
    ("Al-Sukhnah lies about 65 kilometers east-northeast of Palmyra. Both towns have been under government control "
     "since 2017.", {("al-Sukhnah", "syrian-government"), ("Palmyra", "syrian-government")}),
    ("Al-Mayadin and Albu Kamal are the main strongholds of the Iranian-backed groups in eastern Syria.",
     {("al-Mayadin", "iran"), ("Albu Kamal", "iran")}),
    ("Fighters arrived at the T4 (Tiyas) airbase, 60 kilometers west of Palmyra, which is shared by the Syrian air "
     "force and Russian forces.", {("T4 airbase", "syrian-government"), ("T4 airbase", "russia")}),
    ("Russian officers said the militias should hand their positions in Albu Kamal to the Fifth Corps.", set()),
])
def test_control_of_both_towns_strongholds_of_and_shared_bases(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


def test_both_towns_are_not_a_region_named_before(gazetteer):
    text = ("Jets pounded Kafr Zita and al-Lataminah, the last rebel-held towns in northern Hama. "
            "The two towns are controlled by HTS.")
    held = {n for c in claims(run(text, gazetteer), "control") if c.blocs == ("hts",) for n in c.place_names}
    assert held == {"Kafr Zita", "al-Lataminah"}


@pytest.mark.parametrize("text, held", [
    ("Tal Rifaat has been held since 2016 by Kurdish-led units affiliated with the Syrian Democratic Forces (SDF), "
     "alongside Syrian government troops.", {("Tal Rifaat", "sdf"), ("Tal Rifaat", "syrian-government")}),
    ("Jisr al-Shughur is held by Hayat Tahrir al-Sham (HTS) and the Turkish-backed National Front for Liberation.",
     {("Jisr al-Shughur", "hts"), ("Jisr al-Shughur", "opposition")}),
    ("Jabal al-Zawiya and the city of Ariha, about 13 kilometers south of Idlib, are still held by the opposition "
     "factions, as is Idlib city itself.",
     {("Jabal al-Zawiya", "opposition"), ("Ariha", "opposition"), ("Idlib", "opposition")}),
    ("In Kobani, government troops have been deployed alongside the SDF under an agreement reached in 2019.",
     {("Kobani", "syrian-government"), ("Kobani", "sdf")}),
])
def test_control_by_affiliates_backed_parties_as_is_and_fronted_places(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


@pytest.mark.parametrize("text", [
    "In Manbij, the army said talks would go on.",                        # a fronted place with no presence verb
    "US jets struck sites used by groups affiliated with the Quds Force in Deir ez-Zor.",   # no holder
])
def test_no_control_from_a_fronted_place_or_an_affiliation_alone(gazetteer, text):
    assert claims(run(text, gazetteer), "control") == []


def test_both_towns_prefers_the_towns_named_over_a_reference_town(gazetteer):
    text = ("Fighters overran checkpoints in Dhiban, Hajin and al-Busayrah, 33 km southeast of Deir ez-Zor. "
            "The three towns are held by the SDF.")
    assert {n for n, _ in held_all(run(text, gazetteer))} == {"Dhiban", "Hajin", "al-Busayrah"}


@pytest.mark.parametrize("text, held", [
    ("Syrian army units liberated Saraqib on Monday. Khan Shaykhun and the neighbouring town of al-Tamanah, "
     "nine kilometres to its east-northeast, were liberated last August.",
     {("Saraqib", "syrian-government"), ("Khan Sheikhoun", "syrian-government"), ("al-Tamanah", "syrian-government")}),
    ("Units of the Syrian Arab Army restored security and stability on Monday to the city of Saraqib.",
     {("Saraqib", "syrian-government")}),
    ("Army units fought the terrorists of Jabhat al-Nusra. The terrorists positioned in the town of Sarmin attacked.",
     {("Sarmin", "hts")}),
])
def test_control_in_state_media_wording(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


@pytest.mark.parametrize("text", [
    "Government forces advanced. Afrin was seized from the YPG in March 2018.",   # whose loss, not who took it
    "Turkish forces advanced. Afrin was seized by the SNA in March 2018.",         # the agent is named
])
def test_a_passive_capture_takes_no_party_from_memory_when_the_text_names_one(gazetteer, text):
    held = held_all(run(text, gazetteer))
    assert ("Afrin", "syrian-government") not in held and ("Afrin", "turkey") not in held


@pytest.mark.parametrize("text, held", [
    ("The Eighth Brigade of the Fifth Corps, commanded by former rebel leader Ahmad al-Awda, controls Busra al-Sham.",
     {("Busra al-Sham", "syrian-government")}),
    ("Lebanese Hezbollah advisers hold positions around al-Muzayrib.", {("al-Muzayrib", "iran")}),
])
def test_control_past_a_commanded_by_aside_and_positions_held(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


@pytest.mark.parametrize("text, held", [
    ("The Turkish occupation army shelled Qamishlo on Wednesday. Mercenaries stationed in occupied Serê Kaniyê "
     "shelled the villages.", {("Ras al-Ain", "turkey"), ("Ras al-Ain", "opposition")}),
    ("Til Temir has been protected by the Til Temir Military Council and the QSD since October 2019.",
     {("Tal Tamr", "sdf")}),
])
def test_control_in_kurdish_outlet_wording(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


@pytest.mark.parametrize("text", [
    "Israel occupied the Golan in 1967.",                                    # a verb, and no party called the occupation
    "The Turkish occupation army shelled Qamishlo. Israel occupied the Golan in 1967.",   # a verb with its subject
])
def test_occupied_as_a_verb_is_no_control_by_the_occupation(gazetteer, text):
    assert ("Golan Heights", "turkey") not in held_all(run(text, gazetteer))


@pytest.mark.parametrize("text, held", [
    ("Ain Issa remains under the control of the Kurdish self-defence units.", {("Ain Issa", "sdf")}),
    ("Bab al-Hawa, which faces the Turkish town of Reyhanli 12 kilometres to the west-north-west, is run by a civilian "
     "administration close to Hayat Tahrir al-Sham (HTS).", {("Bab al-Hawa crossing", "hts")}),
])
def test_control_in_russian_and_arabic_outlet_wording(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


def test_a_place_falls_to_the_advancing_troops_named_before(gazetteer):
    ex = run("Government troops pushed north on Monday. On Tuesday Qalaat al-Madiq fell to the advancing troops.", gazetteer)
    assert ("Qalaat al-Madiq", "syrian-government") in holders(ex)


@pytest.mark.parametrize("text,expected", [
    # whoever is told to have taken a place holds it, where no control phrase said so
    ("Rebels entered Salamiyah on Friday, a day after the insurgents captured the provincial capital Hama.",
     {("Salamiyah", "opposition"), ("Hama", "opposition")}),
    ("The rebels have seized Aleppo, Syria's second city, and Hama.",
     {("Aleppo", "opposition"), ("Hama", "opposition")}),
    ("The rebels advanced on Hama.", set()),                               # an advance takes nothing yet
    ("The rebels may capture Hama within days.", set()),                   # a capture that may come
])
def test_a_place_taken_is_held_by_who_took_it(gazetteer, text, expected):
    assert holders(run(text, gazetteer)) == expected


def test_what_a_party_had_seized_is_not_held_now(gazetteer):
    ex = run("Residents returned to the towns that the regime had seized in 2019, Khan Shaykhun and Morek.", gazetteer)
    assert claims(ex, "control") == []


def test_a_place_in_a_held_area_is_held_too(gazetteer):
    ex = run("Izra, in the government-held Daraa countryside, has received thousands of displaced families.", gazetteer)
    assert ("Izra", "syrian-government") in held_all(ex)


def test_keeping_control_is_holding(gazetteer):
    ex = run("Damascus proposed that the SDF leave Deir Hafer in return for the SDF keeping security control over "
             "Kobani.", gazetteer)
    assert ("Kobani", "sdf") in holders(ex)


def test_our_forces_need_a_speaker(gazetteer):
    assert claims(run('"Deir Hafer is still held by our forces," the man said.', gazetteer), "control") == []


def test_a_party_after_after_is_not_the_one_a_place_fell_to(gazetteer):
    ex = run("On May 20 Palmyra fell to the jihadists after government forces pulled out of the city.", gazetteer)
    assert ("Palmyra", "syrian-government") not in holders(ex)


def test_a_headline_present_tense_only_when_it_is_told(gazetteer):
    ex = run("Russia would let the Syrian National Army enter the village of Ayn Daqnah.", gazetteer)
    assert claims(ex, "control") == []


@pytest.mark.parametrize("text,held", [
    ("Opposition fighters entered Morek on the M5 south of Maarat al-Numan, which fell to the opposition on Friday.",
     ("Maarat al-Numan", "opposition")),   # the town south of which Morek lies is what fell
    ("The opposition would leave the areas of Jabal al-Zawiya south of the M4 highway, which would then come under "
     "the control of the Syrian government.", ("south of the M4 highway", "syrian-government")),   # the areas
])
def test_which_after_south_of_a_place(gazetteer, text, held):
    assert held in holders(run(text, gazetteer))


def test_a_place_that_fell_after_an_aside(gazetteer):
    ex = run("Rebels captured the village of al-Eis. Monitors said the village, which sits southwest of Aleppo and "
             "overlooks the Damascus-Aleppo highway, fell to Ahrar al-Sham after an assault.", gazetteer)
    assert ("al-Eis", "opposition") in holders(ex)
    assert all(c.place_names == ("al-Eis",) for c in events_of(ex, "capture"))


@pytest.mark.parametrize("text, name, bloc", [
    ("Albu Kamal, the main crossing point for fighters moving between Iraq and Syria, is held by Syrian troops.",
     "Albu Kamal", "syrian-government"),
    ("Strikes hit al-Qaim, a border town on the Euphrates where Kataib Hezbollah and other Tehran-aligned groups hold sway.",
     "Al Qā’im", "iran"),
    ("The U.S.-backed Syrian Democratic Forces say they control Raqqa.", "Raqqa", "sdf"),
])
def test_holder_after_a_described_place_or_a_backer(gazetteer, text, name, bloc):
    assert holders(run(text, gazetteer)) == {(name, bloc)}


def test_a_town_described_by_its_distance_is_the_place_not_the_offset(gazetteer):
    ex = run("Turkish forces shelled Tal Rifaat, the town 31 kilometers north of Aleppo.", gazetteer)
    assert {c.place_names for c in events_of(ex, "strike")} == {("Tal Rifaat",)}


def test_a_list_after_including_names_only_the_places_it_lists(gazetteer):
    ex = run("The Syrian army captured dozens of villages, including Kafr Nubl, 30 km south of Idlib, and Hish; "
             "Saraqib stayed calm.", gazetteer)
    assert holders(ex) == {("Kafr Nabl", "syrian-government"), ("Heish", "syrian-government")}


@pytest.mark.parametrize("text, held", [
    ("Government forces captured Kafr Nabudah in May and Hish on Aug. 11.",
     {("Kafr Nabudah", "syrian-government"), ("Heish", "syrian-government")}),   # a date inside the list
    ("Menagh airbase, which the YPG took from rebels in 2016, lies north of Aleppo.", {("Menagh airbase", "sdf")}),
    ("Turkey took fighters from Afrin to Libya.", set()),   # people taken from a place: no capture
    ("Troops advanced from the loyalist town of Qamhana.", {("Qomhane", "syrian-government")}),
])
def test_places_taken_in_a_list_with_dates_in_a_relative_clause_or_called_loyalist(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text, held", [
    ("Regime forces took control of Kafr Nabudah. Troops backed by Russian air power swept into Morek.",
     {("Kafr Nabudah", "syrian-government"), ("Morek", "syrian-government")}),   # the troops told before, not Russia
    ("Troops backed by Russian air power swept into Morek.", set()),   # no force named: no holder, not the backer
    ("Government forces backed by Russian jets captured Morek.", {("Morek", "syrian-government")}),
    ("Syrian army units, in cooperation with the supporting forces and with air cover from the Russian aerospace "
     "forces, restored security and stability on Monday to the town of Tafas.", {("Tafas", "syrian-government")}),
    ("SDF units, backed by reinforcements from Hasakah, entered Dhiban.", {("Dhiban", "sdf")}),
])
def test_a_backer_is_not_the_holder(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


def test_a_village_after_a_fronted_phrase_on_its_province_is_what_is_held(gazetteer):
    ex = run("For months the village of Kabani has held out. Perched on a ridge in the north-eastern corner of Latakia "
             "province, the hilltop village, held by Hayat Tahrir al-Sham, has withstood a dozen assaults.", gazetteer)
    assert holders(ex) == {("Kabani", "hts")}


def test_a_city_described_after_a_part_of_it_is_the_one_held(gazetteer):
    ex = run("Another strike hit a transformer station in the western neighbourhoods of Qamishli, the largest city "
             "controlled by the SDF.", gazetteer)
    assert holders(ex) == {("Qamishli", "sdf")}


def test_those_towns_are_the_last_list_held_by_each_party_after_by(gazetteer):
    ex = run("US jets struck the militias in Mayadin and Albukamal. Those towns are held by the regime and by the "
             "Iranian-backed groups.", gazetteer)
    assert held_all(ex) >= {("al-Mayadin", "syrian-government"), ("al-Mayadin", "iran"),
                            ("Albu Kamal", "syrian-government"), ("Albu Kamal", "iran")}


def test_the_government_held_provincial_capital_is_the_city_named_before(gazetteer):
    ex = run("Russian jets hit the rebel-held towns of Talbiseh and al-Rastan north of Homs. Talbiseh lies about 13 "
             "kilometres north of the government-held provincial capital.", gazetteer)
    assert ("Homs", "syrian-government") in holders(ex)


@pytest.mark.parametrize("text, held", [
    # a headline's present tense
    ("SDF takes Tabqa as coalition jets pound IS positions", {("Tabqa", "sdf")}),
    # a strip of villages, then the list of them (up to a clause about the last one)
    ("IS still holds a narrow strip of villages along the river, including Hajin, al-Susah and al-Baghuz, which "
     "faces the government-held town of Albu Kamal.",
     {("Hajin", "isis"), ("al-Susah", "isis"), ("al-Baghuz", "isis"), ("Albu Kamal", "syrian-government")}),
    # a range said to be held: both ends
    ("The western bank from al-Mayadin down to Albu Kamal is held by government forces.",
     {("al-Mayadin", "syrian-government"), ("Albu Kamal", "syrian-government")}),
    ("Troops moved from al-Mayadin to Albu Kamal, which is held by government forces.",
     {("Albu Kamal", "syrian-government")}),
    # "as one of the last X-held towns", past an aside
    ("Its fall leaves Kafr Nabl, about ten kilometres to the south, as one of the last rebel-held towns in the area.",
     {("Kafr Nabl", "opposition")}),
    # what is handed over with the place
    ("The rebels hand over the camp, the town of Atarib and the farms around it to government forces.",
     {("Atarib", "syrian-government")}),
    # a quotation opening at the verb
    ('SANA said Syrian army units "entered Saraqib and began removing mines" on Monday.',
     {("Saraqib", "syrian-government")}),
    # a town followed by a relative clause about it, after a direction
    ("Fighting continued on Tuesday south-east of Saraqib, which remains in HTS hands.", {("Saraqib", "hts")}),
    # the subject's whole list: "X city itself and the airbase"
    ("Columns reached the Tiyas airbase, west of Palmyra. Palmyra city itself and the airbase have remained under "
     "government control.", {("Palmyra", "syrian-government"), ("T4 airbase", "syrian-government")}),
    # state media's "occupied by"; positions "and fortifications" of a party's "terrorists"
    ("The convoy is heading to the town of Jarablus, which is occupied by the Turkish army and its mercenaries.",
     {("Jarabulus", "turkey"), ("Jarabulus", "opposition")}),
    ("Syrian army units destroyed positions and fortifications of Jabhat al-Nusra terrorists on the outskirts of the "
     "towns of Talbiseh and al-Rastan.", {("Talbiseh", "hts"), ("al-Rastan", "hts")}),
    ("Israeli drones struck positions and convoys of Hezbollah in Qusayr.", set()),
    # "remains under X control, as does B"; a fronted "South-southwest of A," says where, not what
    ("Al-Qrayya, a Druze village some 11 kilometres east of Busra al-Sham, remains under regime control, as does "
     "Sweida.", {("al-Qrayya", "syrian-government"), ("Suwayda", "syrian-government")}),
    ("South-southwest of al-Qahtaniyah, the town of Tal Hamis remains under SDF control.", {("Tal Hamis", "sdf")}),
    # a participle aside after the force; "told SANA that" is reported speech, not a relative clause
    ("A military source told SANA that Syrian army units, advancing from Yabroud through al-Sarkha, entered Maaloula.",
     {("Ma‘lūlā", "syrian-government")}),
    ("Syrian army restores security and stability to Maaloula and al-Sarkha",
     {("Ma‘lūlā", "syrian-government"), ("al-Sarkha", "syrian-government")}),
    # the sector a plural relative clause is about
    ("Clashes hit the villages south-east of Saraqib, which remain under HTS control.", {("south-east of Saraqib", "hts")}),
    # a relative clause about a siege, not a place
    ("Troops broke through to Kuweires east of Aleppo, ending a siege that began in 2013 and was taken over by the "
     "Islamic State later that year.", set()),
    ("Troops reached Tabqa, a town that was taken over by the Islamic State in 2014.", {("Tabqa", "isis")}),
])
def test_control_told_in_more_forms(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


def test_a_place_named_again_in_brackets_ends_no_list(gazetteer):
    ex = run("Rajo and Bilbilê (Bulbul), which Turkish forces seized in recent weeks, are used as bases.", gazetteer)
    assert held_all(ex) == {("Rajo", "turkey"), ("Bulbul", "turkey")}


@pytest.mark.parametrize("text, held", [
    ("The corridors near Saraqib remain open for civilians wishing to leave the areas controlled by HTS.", set()),
    ("The buses set off towards the crossing near al-Bab, where the evacuees will enter areas held by Turkish-backed "
     "rebels.", {("al-Bab", "opposition")}),
])
def test_areas_a_move_leaves_or_enters_are_named_only_by_a_where(gazetteer, text, held):
    found = held_all(run(text, gazetteer))
    assert held <= found if held else found == set()


@pytest.mark.parametrize("text, held", [
    # passive captures and loyalty
    ("The villages of Kafr Zita and Morek were stormed by the Syrian army last week.",
     {("Kafr Zita", "syrian-government"), ("Morek", "syrian-government")}),
    ("Palmyra, which was liberated by the Syrian army in March, is empty.", {("Palmyra", "syrian-government")}),
    ("Suqaylabiyah, which has remained loyal to the Syrian government, sits on the edge of the Ghab plain.",
     {("Suqaylabiyah", "syrian-government")}),
    # a force "in full command of" places, and after a long aside
    ("By noon, the Syrian rebel factions were in full command of Nawa and of Jasim.",
     {("Nawa", "opposition"), ("Jasim", "opposition")}),
    ("Fighters of the Syrian Democratic Forces, an alliance that the United States has armed since 2015 and that "
     "answers to no one in Damascus, were in control of Tabqa by nightfall.", {("Tabqa", "sdf")}),
    # a flag raised over a place
    ("Footage showed Turkish soldiers raising their flag over Jinderes.", {("Jindires", "turkey")}),
    # returned to state control by the party before
    ("The Syrian army said it had secured Rabia, which the army returned to state control in January.",
     {("Rabia", "syrian-government")}),
])
def test_control_told_by_storming_loyalty_command_and_flags(gazetteer, text, held):
    assert held <= held_all(run(text, gazetteer))


def test_hands_in_a_relative_clause_belong_to_the_place_it_follows(gazetteer):
    ex = run("Taldou lies in the shadow of Syrian al-Qabu, an Alawite village that stayed in government hands.",
             gazetteer)
    assert held_all(ex) == {("Al-Qabu", "syrian-government")}


@pytest.mark.parametrize("text, held", [
    ("Al-Hol camp, east of Hasakah, remains under SDF guard.", {("al-Hol camp", "sdf")}),
    ("Troops were seen near Ain Issa, which remains under SDF administration.", {("Ain Issa", "sdf")}),
    ("Nawa is still held by the Syrian rebels, while Jasim, just seven kilometres to its north, and neighbouring "
     "Inkhil were stormed by the Syrian army.",
     {("Nawa", "opposition"), ("Jasim", "syrian-government"), ("Inkhil", "syrian-government")}),
    ("Across the river, the town of Hajin, a few kilometres from al-Bukamal on the regime-controlled bank, was "
     "quiet.", {("Hajin", "syrian-government")}),
])
def test_control_under_guard_after_asides_and_on_a_held_bank(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


def test_a_protected_area_moved_to_names_no_place_after_the_verb(gazetteer):
    ex = run("A group of Syrian rebels, who had asked to be sent to the areas under Turkish protection, was taken from "
             "Talbiseh to Jarablus.", gazetteer)
    assert ("Talbiseh", "turkey") not in held_all(ex)


@pytest.mark.parametrize("text, held", [
    ("AZAZ, Syria (AA) - The Syrian National Army on Monday took full control of the city centre of Manbij.",
     {("Manbij", "opposition")}),
    ("The Syrian army entered Khanasir on Monday. Khanasir had been under opposition control since 2013.",
     {("Khanasir", "syrian-government")}),
    ("Syrian Kurds fled Afrin, which remains under Turkish occupation.", {("Afrin", "turkey")}),
])
def test_a_city_centre_of_a_place_and_control_held_before(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


@pytest.mark.parametrize("text, held", [
    ("The Asayish staff the barriers of Tal Tamr.", {("Tal Tamr", "sdf")}),
    ("Fighters of the Syrian army's Fourth Division manned the barriers at Dmeir.",
     {("al-Dumayr", "syrian-government")}),
])
def test_who_mans_the_checkpoints_of_a_place_holds_it(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


@pytest.mark.parametrize("text, held", [
    ("Tell Brak and Tall Hamis are SDF-held.", {("Tell Brak", "sdf"), ("Tal Hamis", "sdf")}),
    ("- Tell Brak, Tall Hamis and al-Hawl: SDF-administered.",
     {("Tell Brak", "sdf"), ("Tal Hamis", "sdf"), ("al-Hol", "sdf")}),
    ("Tell Brak, which is government-held, was shelled at dawn.", {("Tell Brak", "syrian-government")}),
    ("Tell Brak, 33 km north-east of al-Hasakah, remains SDF-held territory.", {("Tell Brak", "sdf")}),
])
def test_a_held_word_as_the_predicate_of_a_list_of_places(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


def test_a_held_word_before_a_noun_is_not_a_predicate(gazetteer):
    ex = run("Tell Brak is close to the SDF-held border strip.", gazetteer)
    assert ("Tell Brak", "sdf") not in held_all(ex)


def test_a_party_outpost_is_held_by_it(gazetteer):
    ex = run("Across the valley, Shathah on the western slopes remains a government outpost overlooking the plain.",
             gazetteer)
    assert held_all(ex) == {("Shathah", "syrian-government")}


@pytest.mark.parametrize("text", [
    "Al-Jarniyah lies about 46 kilometres north-west of al-Tabqa, on the road linking al-Tabqa with the countryside of "
    "Kobani, and has been under the control of the Syrian Democratic Forces since 2016.",
    "Al-Jarniyah lies on the road linking al-Tabqa with Kobani, and has been under SDF control since 2016.",
    "Al-Jarniyah lies on the road linking al-Tabqa with Kobani, and is held by the SDF.",
])
def test_a_second_predicate_of_the_subject_is_about_the_subject(gazetteer, text):
    assert {name for name, _ in held_all(run(text, gazetteer))} == {"Al-Jarniyah"}


def test_a_new_subject_after_and_holds_its_own_place(gazetteer):
    ex = run("Al-Jarniyah was quiet on Monday, and Kobani is under SDF control.", gazetteer)
    assert held_all(ex) == {("Kobani", "sdf")}


@pytest.mark.parametrize("text, held", [
    ("Kafr Batna, the regime-held town, was quiet.", {("Kafr Batna", "syrian-government")}),
    ("Heavy fire hit Kafr Batna, one of the last rebel-held towns in the Ghouta.", {("Kafr Batna", "opposition")}),
    ("The fire between US forces and Iranian-backed militias stayed on one side of the Euphrates, the militia-held "
     "towns on the other.", set()),
])
def test_a_held_town_in_apposition_to_a_place(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


@pytest.mark.parametrize("text, held", [
    ("HAMA, Syria – Sabburah, the last sizeable army-held village before the open desert, is a staging ground.",
     {("Sabburah", "syrian-government")}),
    ("Syrian government troops also remain in Mukharram al-Fawqani, 22 km south of Salamiyah.",
     {("Mukharram al Fawqānī", "syrian-government")}),
    ("The fighting pitted Jaish al-Islam, which dominates Douma, against Faylaq al-Rahman.", {("Douma", "opposition")}),
    ("The Syrian regime has held al-Mulayhah since 2014, as well as Jaramana to its west and al-Ghizlaniyah.",
     {("Al Mulayḩah", "syrian-government"), ("Jaramana", "syrian-government"),
      ("Al Ghizlānīyah", "syrian-government")}),
])
def test_army_held_remaining_troops_domination_and_a_list_held_since(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


def test_civilians_who_remain_in_a_place_do_not_hold_it(gazetteer):
    assert not held_all(run("Thousands of civilians remain in Mukharram al-Fawqani.", gazetteer))


def test_security_restored_in_quotation_marks_to_a_place(gazetteer):
    ex = run('State television says the Syrian army has "restored security and stability" to Qarah.', gazetteer)
    assert {bloc for _, bloc in held_all(ex)} == {"syrian-government"}


@pytest.mark.parametrize("text, held", [
    ("ISIS continues to hold Manbij.", ("Manbij", "isis")),
    ("The SDF continued to control Tabqa through the winter.", ("Tabqa", "sdf")),
    ("Opposition fighters say they have also taken Tadef.", ("Tadif", "opposition")),
    ("The regime's March 2016 recapture of Palmyra created momentum.", ("Palmyra", "syrian-government")),
    ("Turkey's capture of Afrin displaced thousands.", ("Afrin", "turkey")),
])
def test_holding_on_taking_too_and_a_capture_told_as_a_noun(gazetteer, text, held):
    assert held in holders(run(text, gazetteer))


@pytest.mark.parametrize("text", [
    "Moscow accepted a Turkish takeover of Tal Rifaat.",   # one that may come
    "The SDF prevented the capture of Tabqa.",   # no possessive: not the SDF's capture
])
def test_a_capture_noun_without_its_taker_holds_nothing(gazetteer, text):
    assert claims(run(text, gazetteer), "control") == []


def test_what_remains_or_stays_with_a_party_is_its(gazetteer):
    ex = run("Under the plan, Hama would remain with the factions, while Homs stays with the government.", gazetteer)
    assert holders(ex) >= {("Hama", "opposition"), ("Homs", "syrian-government")}
    assert {c.modality.value for c in claims(ex, "control")} == {"possible"}


@pytest.mark.parametrize("text, held", [
    ("Darayya has been fully transferred to the control of Syrian government troops.",
     {("Daraya", "syrian-government")}),
    ("Jayroud, 8 km further to the north-northeast, was handed over to government forces on Sunday.",
     {("Jayrud", "syrian-government")}),
    ("Darayya and Moadamiyeh were handed over to government forces.",
     {("Daraya", "syrian-government"), ("Moadamiyeh", "syrian-government")}),
    ("Units advanced from Nawa to Tasil after Nawa itself was handed over to government forces last week.",
     {("Nawa", "syrian-government")}),
])
def test_a_place_handed_over_in_the_passive_is_its_takers(gazetteer, text, held):
    ex = run(text, gazetteer)
    assert held <= held_all(ex)
    assert {p for p, _ in held} <= {c.place_names[0] for c in events_of(ex, "handover")
                                    if "syrian-government" in c.blocs}


def test_people_handed_over_give_no_place(gazetteer):
    ex = run("Russian police deployed in Daraa al-Balad, while fighters who rejected the deal were transferred to "
             "the Turkish-held areas of northern Syria.", gazetteer)
    assert ("Daraa al-Balad", "turkey") not in held_all(ex)


def test_taking_full_control_on_a_day_of_a_town(gazetteer):
    ex = run("Islamic State fighters took full control on Thursday of Gharanij, a farming town.", gazetteer)
    assert holders(ex) == {("Granij", "isis")}


@pytest.mark.parametrize("text, held", [
    ("The SAA's 90th Brigade continues to hold Madinat al-Baath and Khan Arnabah.",
     {("Madinat al-Baath", "syrian-government"), ("Khan Arnabah", "syrian-government")}),
    ("Turkey's Fourth Division holds Jarablus.", {("Jarabulus", "turkey")}),
])
def test_one_of_a_partys_units_holds_for_it(gazetteer, text, held):
    assert held <= held_all(run(text, gazetteer))


@pytest.mark.parametrize("text", [
    "Al-Haffah is again in army hands, Syrian officials said.",
    "Al-Haffah remains under army control, Syrian officials said.",
])
def test_army_hands_and_army_control(gazetteer, text):
    assert holders(run(text, gazetteer)) == {("al-Haffah", "syrian-government")}


def test_army_positions_say_nothing_new_about_who_holds_a_town(gazetteer):
    ex = run("Rebels overran several army checkpoints around Tafas, Syrian officials said.", gazetteer)
    assert ("Tafas", "syrian-government") not in held_all(ex)


@pytest.mark.parametrize("text, held", [
    ("Government forces hold the mountain line overlooking the plain from the west, including Salinfah, "
     "8 km west-northwest of Farikah, and Jawbat Burghal.", {"Slinfah", "Jawbat Burghāl"}),
    ("The SDF controls the northern countryside, including Tal Tamr and Ain Issa.", {"Tal Tamr", "Ain Issa"}),
])
def test_the_places_an_area_held_includes_are_held(gazetteer, text, held):
    assert {c.place_names[0] for c in claims(run(text, gazetteer), "control")} >= held


@pytest.mark.parametrize("text, bloc", [
    ("Government forces and local Alawite militias hold Salinfah.", "syrian-government"),
    ("The SDF and allied Arab tribesmen seized Tal Tamr.", "sdf"),
])
def test_unnamed_partners_between_a_party_and_its_verb(gazetteer, text, bloc):
    assert {c.blocs for c in claims(run(text, gazetteer), "control")} == {(bloc,)}


@pytest.mark.parametrize("text, held", [
    ("The western bank from al-Mayadin through al-Asharah down to Albu Kamal is now under the control of the regime.",
     {"al-Mayadin", "al-Ashara", "Albu Kamal"}),
    ("The western bank from al-Asharah down to Albu Kamal is under government control.", {"al-Ashara", "Albu Kamal"}),
])
def test_a_stretch_from_a_through_b_to_c_is_held_all_along(gazetteer, text, held):
    assert {c.place_names[0] for c in claims(run(text, gazetteer), "control")} == held


def test_a_road_from_a_town_does_not_make_the_town_held(gazetteer):
    ex = run("The road from Hama to Aleppo is under government control.", gazetteer)
    assert "Hama" not in {c.place_names[0] for c in claims(ex, "control")}


@pytest.mark.parametrize("text", [
    "Rebels shelled army positions near Safira with mortars.",
    "Sleeper cells attacked a checkpoint in al-Jarniyah.",
    "Mortar bombs fired from rebel-held areas hit Jaramana, wounding four people.",
])
def test_whoever_hits_a_position_or_a_town_does_not_hold_it(gazetteer, text):
    assert claims(run(text, gazetteer), "control") == []


@pytest.mark.parametrize("text, bloc", [
    ("Rebels shelled SDF positions near Tal Tamr.", "sdf"),
    ("The rebel-held town of Kafr Nabl was shelled.", "opposition"),
])
def test_the_holder_named_at_the_position_still_holds_it(gazetteer, text, bloc):
    assert {c.blocs for c in claims(run(text, gazetteer), "control")} == {(bloc,)}


@pytest.mark.parametrize("text, held", [
    ("Government forces broke the siege of Kuweires airbase, east of Aleppo.", {"Kuweires airbase"}),
    ("Regime forces secure Rityan after breaking siege of Nubl and al-Zahraa.", {"Nubl", "al-Zahraa (Aleppo)"}),
    ("Government forces entered Morek after capturing Kafr Zita.", {"Morek", "Kafr Zita"}),
])
def test_a_party_that_breaks_a_siege_holds_the_place_relieved(gazetteer, text, held):
    assert {c.place_names[0] for c in claims(run(text, gazetteer), "control")} == held


@pytest.mark.parametrize("text", [
    "The government would lift the siege of Madaya.",   # the besieger lifts it: no hold
    "Government forces broke a siege of almost three years in September.",
])
def test_lifting_a_siege_or_a_siege_of_no_place_holds_nothing(gazetteer, text):
    assert claims(run(text, gazetteer), "control") == []


# Each case: a sentence and every (place, bloc) it makes held, nothing more.
_HELD = [
    # a clause after ", and" is the next clause's; "under X control" has no verb "control"
    pytest.param("Sarrin remains under government control today, and Jarablus in the hands of the Syrian National "
                 "Army.", {("Sarrin", "syrian-government"), ("Jarabulus", "opposition")}, id="next-clause"),
    pytest.param("Afrin is held by factions, and Turkey shells Tal Rifaat.", set(), id="next-clause-party"),
    # "the SNA factions, which have held A"; a name and its acronym as one party; a party's second verb
    pytest.param("Turkish troops and the SNA factions, which have held Tal Abyad since 2019, shelled Ain Issa.",
                 {("Tal Abyad", "turkey"), ("Tal Abyad", "opposition")}, id="which-have-held"),
    pytest.param("Shells came from Tal Rifaat, where the Syrian Democratic Forces (SDF) and government troops hold "
                 "positions.", {("Tal Rifaat", "sdf"), ("Tal Rifaat", "syrian-government")}, id="name-and-acronym"),
    pytest.param("The SDF, which runs Raqqa and also holds Tabqa and Ain Issa, denied the report.",
                 {("Raqqa", "sdf"), ("Tabqa", "sdf"), ("Ain Issa", "sdf")}, id="second-verb"),
    # lists: "as do", "along with", "in A and in B", "on 8 February", "before taking"
    pytest.param("Manbij remains under SDF control, as do the Tishrin Dam and the villages around it.",
                 {("Manbij", "sdf"), ("Tishreen Dam", "sdf")}, id="as-do"),
    pytest.param("Kobani has been under SDF control, along with Sarrin, since 2015.",
                 {("Kobani", "sdf"), ("Sarrin", "sdf")}, id="along-with"),
    pytest.param("The SDF keeps Sarrin and the road north to Kobani.", {("Sarrin", "sdf")}, id="keeps"),
    pytest.param("Jarablus and the villages north of the Sajur have been held by Turkish forces since 2016.",
                 {("Jarabulus", "turkey")}, id="and-the-villages-north-of"),
    pytest.param("Government forces had held the town of Urum al-Kubra since February 2020.", set(), id="had-held"),
    pytest.param("Iran and Russia, which held the west bank of Deir ez-Zor until December, are absent.", set(),
                 id="held-until"),
    pytest.param("The SDF holds Manbij until a deal is reached.", {("Manbij", "sdf")}, id="holds-until-a-deal"),
    pytest.param("The regime remains in control of Mhardeh, a Christian town 3 kilometers west-southwest of Halfaya, "
                 "and al-Suqaylabiyah further northwest.",
                 {("Muhradah", "syrian-government"), ("Suqaylabiyah", "syrian-government")}, id="list-past-an-aside"),
    pytest.param("Jarablus, al-Bab and the Sajur line north of the city are held by the Syrian National Army.",
                 {("Jarabulus", "opposition"), ("al-Bab", "opposition")}, id="list-with-a-line-placed-after-it"),
    pytest.param("Jets raided Darat Izza and al-Atarib, HTS-held towns in the western countryside.",
                 {("Darat Izza", "hts"), ("Atarib", "hts")}, id="apposition-without-article"),
    # a security update's control list: places, a colon, who is there
    pytest.param("Control and presence:\n- Jarablus: former SNA factions with Turkish forces at the base north of the "
                 "town; Turkish presence unchanged.", {("Jarabulus", "opposition"), ("Jarabulus", "turkey")},
                 id="listed-holders"),
    pytest.param("- Abu Qalqal and the western approaches: former SNA brigades (Hamza division).",
                 {("Abu Qalqal", "opposition")}, id="listed-places-and-approaches"),
    pytest.param("- Qamishli: a Turkish drone struck a car on the southern edge of the city.", set(),
                 id="listed-incident-is-no-holder"),
    pytest.param("- Health: the clinic run by the SDF in Qamishli is the only one open.", set(),
                 id="listed-topic-is-no-place"),
    pytest.param("- Quneitra: General Security set up new checkpoints in Khan Arnabah.",
                 {("Khan Arnabah", "hts")}, id="listed-incident-with-irregular-verb"),
    pytest.param("Dabiq remains in the hands of Daesh, along with the village of Sawran, about 6 km to its west.",
                 {("Dabiq", "isis"), ("Sawran", "isis")}, id="hands-of-along-with-village"),
    pytest.param("Tal Rifaat is controlled by the YPG, as is the town of Nubl.",
                 {("Tal Rifaat", "sdf"), ("Nubl", "sdf")}, id="held-by-as-is-town"),
    pytest.param("A: The regime took back Kafr Nabudah on 2 June, and the factions took back control of Kafr Zita.",
                 {("Kafr Nabudah", "syrian-government"), ("Kafr Zita", "opposition")}, id="took-back"),
    pytest.param("Izraa, the army's main garrison town in the province, is now in the hands of local fighters.",
                 {("Izra", "opposition")}, id="local-fighters"),
    pytest.param("Rebels fired rockets at government positions in Kafr Nabl and in Morek.",
                 {("Kafr Nabl", "syrian-government"), ("Morek", "syrian-government")}, id="in-a-and-in-b"),
    pytest.param("In March 2017 Syrian troops pushed east, taking al-Khafsah and Deir Hafer.",
                 {("al-Khafsah", "syrian-government"), ("Deir Hafer", "syrian-government")}, id="taking"),
    pytest.param("Government forces captured Anadan. They seized Deir Jamal on 8 February, before taking Kafr Naya.",
                 {("Anadan", "syrian-government"), ("Deir Jamal", "syrian-government"),
                  ("Kafr Naya", "syrian-government")}, id="they-before-taking"),
    # presence, partners, pronouns
    pytest.param("Hezbollah keeps several hundred fighters in al-Qusayr.", {("al-Qusayr", "iran")},
                 id="keeps-fighters"),
    pytest.param("Shells came from Tal Rifaat, which the SDF still shares with government troops.",
                 {("Tal Rifaat", "sdf"), ("Tal Rifaat", "syrian-government")}, id="shares-with"),
    pytest.param("In November 2015 Syrian troops broke the two-year siege of the Kuweires airbase.",
                 {("Kuweires airbase", "syrian-government")}, id="two-year-siege"),
    pytest.param("The SDF withdrew from Manbij, but Kobani remains in their hands.", {("Kobani", "sdf")},
                 id="in-their-hands"),
    pytest.param("The rebels are now concentrated in Yabroud, with Maaloula still in their hands.",
                 {("Yabroud", "opposition"), ("Ma‘lūlā", "opposition")}, id="concentrated"),
    pytest.param("Moscow floated a plan under which the SDF would hand back the posts it took over in Qamishli.",
                 {("Qamishli", "sdf")}, id="pronoun-under-which"),
    # where a place lies is an aside about it
    pytest.param("The town of Hajin, opposite al-Jalaa, is held by the Syrian Democratic Forces.", {("Hajin", "sdf")},
                 id="opposite"),
    pytest.param("Albu Kamal, on the border with the Iraqi town of al-Qaim, remains in the hands of the IRGC.",
                 {("Albu Kamal", "iran")}, id="on-the-border-with"),
    pytest.param("Khan al-Asal, on the southwestern edge of Aleppo, fell to government forces.",
                 {("Khan al-Asal", "syrian-government")}, id="on-the-edge-of"),
    # "retains", "held mainly by", "still with", a party with its acronym before its backers, generic holders
    pytest.param("ISIS retains al-Mayadin, as well as al-Busayrah.", {("al-Mayadin", "isis"), ("al-Busayrah", "isis")},
                 id="retains"),
    pytest.param("The pocket, which includes Morek and Kafr Zita, is held mainly by Jaysh al-Izza.",
                 {("Morek", "opposition"), ("Kafr Zita", "opposition")}, id="held-mainly-by"),
    pytest.param("Rebels shelled Suran. Morek is still with the factions.", {("Morek", "opposition")}, id="still-with"),
    pytest.param("Turkey sided with the factions in Afrin.", set(), id="sided-with"),
    pytest.param("Government of Syria (GoS) forces, supported by Russian air power, took control of Maarat al-Numan.",
                 {("Maarat al-Numan", "syrian-government")}, id="acronym-then-backers"),
    pytest.param("Afrin is still held by factions that joined the Defence Ministry, chiefly the Hamza Division.",
                 {("Afrin", "opposition")}, id="chiefly"),
    pytest.param("Deir Hafer has been under the control of various factions, among them Jabhat al-Nusra, since last "
                 "summer.", {("Deir Hafer", "hts")}, id="among-them"),
    pytest.param("Government forces and security branches hold Izraa and Khirbet Ghazaleh.",
                 {("Izra", "syrian-government"), ("Khirbet Ghazaleh", "syrian-government")}, id="and-other-forces"),
    pytest.param("The regime holds Daraa al-Mahatta, Khirbet Ghazaleh and Izraa.",
                 {("Daraa", "syrian-government"), ("Khirbet Ghazaleh", "syrian-government"),
                  ("Izra", "syrian-government")},
                 id="district-in-list"),
    pytest.param("Busra al-Sham remains under the Eighth Brigade, nominally part of the Fifth Corps.",
                 {("Busra al-Sham", "syrian-government")}, id="remains-under-party"),
    pytest.param("Harem and Salqin remain under the administration of the Salvation Government.",
                 {("Harem", "hts"), ("Salqin", "hts")}, id="under-the-administration-of"),
    pytest.param("Al-Mayadin has been a stronghold of the Iranian-backed militias since government forces and their "
                 "allies seized it from ISIS.", {("al-Mayadin", "iran")}, id="since-they-seized-it"),
    pytest.param("Russian units had been based at Qamishli airport since 2019.",
                 {("Qamishli airport", "russia")}, id="had-been-based-and-stayed"),
    pytest.param("A column left the Turkish base at Taftanaz and drove to Muhambal.",
                 {("Taftanaz", "turkey")}, id="leaving-a-base-keeps-it"),
    pytest.param("The factions took control of Aleppo, then of Maarat al-Numan and Khan Shaykhun.",
                 {("Aleppo", "opposition"), ("Maarat al-Numan", "opposition"), ("Khan Sheikhoun", "opposition")},
                 id="then-of"),
    pytest.param("The army took Morek, then shelled Kafr Zita.", {("Morek", "syrian-government")}, id="then-a-verb"),
    pytest.param("In February regime forces backed by Iranian militias and Russian air cover seized al-Eis.",
                 {("al-Eis", "syrian-government")}, id="backed-by-air-cover"),
    pytest.param("Rebel factions, most of them Islamist, hold Kafr Nabl.", {("Kafr Nabl", "opposition")},
                 id="most-of-them-aside"),
    pytest.param("General Security formations, most of them built on the former HTS, control Harem and Salqin.",
                 {("Harem", "hts"), ("Salqin", "hts")}, id="most-of-them-after-a-unit-noun"),
    pytest.param("The Free Army factions hold Abu al-Duhur town.", {("Abu al-Duhur", "opposition")}, id="free-army"),
    pytest.param("Jaysh Khalid bin al-Walid holds a pocket in the southwestern corner of Daraa Province that includes "
                 "Tasil and al-Shajarah.", {("Tasil", "isis"), ("Ash Shajarah", "isis")}, id="a-pocket-that-includes"),
    pytest.param("Hezbollah drew units from al-Qusayr, which it has garrisoned since June 2013.",
                 {("al-Qusayr", "iran")}, id="garrisoned"),
    pytest.param("Tal Kalakh had already returned to government control under a local settlement.",
                 {("Talkalakh", "syrian-government")}, id="returned-to-control"),
    pytest.param("The governor returned to Damascus on Monday, and Tal Kalakh returned to calm.", set(),
                 id="returned-to-a-capital"),
    pytest.param("Daraa province has seen near-daily bombings since Damascus regained it in 2018.",
                 {("Daraa Governorate", "syrian-government")}, id="since-the-only-party-took-it"),
    pytest.param("Tal Tamr has been a frontline town since Turkey and the factions took Ras al-Ain.",
                 {("Ras al-Ain", "turkey"), ("Ras al-Ain", "opposition")}, id="since-they-took-a-place"),
]


@pytest.mark.parametrize("text, held", _HELD)
def test_what_a_sentence_makes_held(gazetteer, text, held):
    assert held_all(run(text, gazetteer)) == held


@pytest.mark.parametrize("text, not_held", [
    ("The SDF holds Raqqa and shelled Tabqa on Monday.", ("Tabqa", "sdf")),   # a second verb that is no hold
    ("The army killed five SDF fighters in Raqqa.", ("Raqqa", "sdf")),   # fighters met there, no presence told
    ("The bridge has been under SDF control since the factions took over Manbij.", ("Manbij", "sdf")),
    ("Rebels shelled Kafr Nabl, which is not in their hands.", ("Kafr Nabl", "opposition")),
    ("Busra al-Sham remained under heavy fire from the Eighth Brigade.", ("Busra al-Sham", "syrian-government")),
    ("Tafas remained under siege by the army, and rebels were hit.", ("Tafas", "syrian-government")),
    ("Government forces and rebel fighters clashed in Izraa on Monday.", ("Izra", "syrian-government")),
    ("Its men also moved into the army's posts in al-Musayfirah.", ("al-Musayfirah", "syrian-government")),
    ("Government units that had been based at the Abu al-Duhur airbase pulled back east toward Khanasir.",
     ("Abu al-Duhur airbase", "syrian-government")),
])
def test_a_place_after_a_party_that_does_not_hold_it(gazetteer, text, not_held):
    assert not_held not in held_all(run(text, gazetteer))


@pytest.mark.parametrize("text, held", [
    # the last town a party held, taken in the same sentence, is the taker's
    ("Regime forces have taken full control of the town of Maskanah, the last major town held by the Islamic State "
     "in Aleppo province.", {("Maskanah", ("syrian-government",))}),
    ("Maskanah is the last major town held by the Islamic State in Aleppo province.", {("Maskanah", ("isis",))}),
    # the places a held area includes
    ("Regime forces now control the whole of the Aleppo countryside west of the lake, including Deir Hafer and "
     "al-Khafsah.", {("Deir Hafer", ("syrian-government",)), ("al-Khafsah", ("syrian-government",))}),
    ("The SDF holds most of the villages east of the river, including Hajin and al-Susah.",
     {("Hajin", ("sdf",)), ("al-Susah", ("sdf",))}),
    # a commander named after the force
    ("Regime forces led by the Tiger Forces of Brigadier General Suhail al-Hassan have taken full control of the town "
     "of Maskanah.", {("Maskanah", ("syrian-government",))}),
    # "deep in the desert of X" only says where the place is
    ("IS fighters headed for al-Resafa, deep in the desert of Raqqa province, which is still under IS control.",
     {("Resafa", ("isis",))}),
])
def test_who_holds_past_last_holders_inclusions_commanders_and_asides(gazetteer, text, held):
    assert {(c.place_names[0], c.blocs) for c in claims(run(text, gazetteer), "control")} == held


@pytest.mark.parametrize("text", [
    "The factions took control of the headquarters of the security branches, the police command and the governorate "
    "building in the city of Sweida.",
    "The factions took control on Saturday of the security headquarters in the city of Sweida.",
])
def test_what_was_taken_in_a_town_gives_the_town(gazetteer, text):
    assert [(c.place_names[0], c.blocs) for c in claims(run(text, gazetteer), "control")] == [
        ("Suwayda", ("opposition",))]


@pytest.mark.parametrize("text, held", [
    # a "where" clause with its own object: that object is held, not the place the clause hangs on
    ("The army moved to southern Damascus, where ISIS still holds al-Hajar al-Aswad.",
     {("al-Hajar al-Aswad", ("isis",))}),
    ("Jets hit Kabani, where HTS holds fortified positions overlooking the Ghab plain.", {("Kabani", ("hts",))}),
    # a party's pocket said to run from one place to another
    ("Russia wants an end to the last opposition pocket near Damascus, which runs from "
     "al-Dumayr north through al-Ruhaybah to Jayrud.",
     {("al-Dumayr", ("opposition",)), ("al-Ruhaybah", ("opposition",)), ("Jayrud", ("opposition",))}),
    ("The rebel enclave, which stretches from Kafr Zita to Morek, was shelled.",
     {("Kafr Zita", ("opposition",)), ("Morek", ("opposition",))}),
])
def test_where_clauses_and_pockets_that_run_between_places(gazetteer, text, held):
    assert {(c.place_names[0], c.blocs) for c in claims(run(text, gazetteer), "control")} == held


def test_a_building_facing_a_town_across_the_border_is_not_the_town(gazetteer):
    ex = run("By Wednesday the YPG had raised its flag over the crossing building facing Ceylanpinar.", gazetteer)
    assert claims(ex, "control") == []


@pytest.mark.parametrize("text, held", [
    ("Syrian troops also still guard the oil installations at Rmelan.", {("Rmelan", ("syrian-government",))}),
    ("SDF fighters guard the al-Hol camp near Hasakah.", {("al-Hol camp", ("sdf",))}),
    ("Kurdish groups said they had also taken over state buildings in Amuda.", {("Amuda", ("sdf",))}),
])
def test_guarding_a_place_holds_it_and_kurdish_groups_are_the_ypg(gazetteer, text, held):
    assert {(c.place_names[0], c.blocs) for c in claims(run(text, gazetteer), "control")} == held


@pytest.mark.parametrize("text, held", [
    ("The enclave, which includes Kafr Zita and Morek, is held by HTS.",
     {("Kafr Zita", ("hts",)), ("Morek", ("hts",))}),
    ("The Peace Spring region, which includes Tal Abyad and Ras al-Ain, is administered by local councils with "
     "Turkish support.", {("Tal Abyad", ("turkey",)), ("Ras al-Ain", ("turkey",))}),
])
def test_an_area_held_with_the_places_it_includes(gazetteer, text, held):
    assert held <= {(c.place_names[0], c.blocs) for c in claims(run(text, gazetteer), "control")}


def test_a_capital_named_before_a_district_is_no_party_town(gazetteer):
    ex = run("The pocket stretches into the Damascus district of Jobar, which was quiet.", gazetteer)
    assert ("Jobar", ("syrian-government",)) not in {(c.place_names[0], c.blocs) for c in claims(ex, "control")}


def test_a_former_partys_pocket_is_no_longer_its_own(gazetteer):
    ex = run("The former opposition pocket, which runs from al-Dumayr to Jayrud, was quiet on Friday.", gazetteer)
    assert not any(c.blocs == ("opposition",) for c in claims(ex, "control"))


@pytest.mark.parametrize("text", [
    "Russian military police deployed at two crossings between the regime-held areas and the northern countryside, "
    "at Tir Maala and at al-Dar al-Kabirah.",
    "The convoy drove north through government-held territory towards Jabal al-Zawiya.",
])
def test_a_party_held_area_the_sentence_does_not_name_holds_no_later_place(gazetteer, text):
    assert not {h for h in holders(run(text, gazetteer)) if h[1] == "syrian-government"}


@pytest.mark.parametrize("text, held", [
    ("Shells hit the regime-held areas of Hama.", {("Hama", "syrian-government")}),
    ("Residents crossed to government-held areas on the south bank near Maadan.", {("Maadan", "syrian-government")}),
])
def test_a_party_held_area_that_names_its_place_holds_it(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text, held", [
    ("HTS lost Talbiseh and moved to Idlib, which it largely controls.", {("Idlib", "hts")}),
    ("The rebels withdrew to Idlib, which they mostly hold.", {("Idlib", "opposition")}),
    ("The SDF largely controls Raqqa.", {("Raqqa", "sdf")}),
])
def test_a_hold_told_with_an_adverb_of_degree(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text, held", [
    ("Summary: the factions hold Aleppo; HTS fighters say they have taken Safira.", {("Aleppo", "opposition"),
                                                                                      ("al-Safira", "hts")}),
    ("It was an understanding reached under American sponsorship: the SDF hands Deir ez-Zor to the army, and in "
     "return it keeps Maadan.", {("Deir ez-Zor", "syrian-government"), ("Maadan", "sdf")}),
])
def test_they_after_a_colon_or_semicolon_is_that_clause_s_party(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


def test_it_after_a_handover_is_the_giver_not_the_receiver(gazetteer):
    ex = run("The SDF hands Deir ez-Zor to the army, and in return it keeps Maadan.", gazetteer)
    assert holders(ex) == {("Deir ez-Zor", "syrian-government"), ("Maadan", "sdf")}


@pytest.mark.parametrize("text, held", [
    ("Russian military police kept posts in Busra al-Sham and at Izra until December 2024, when they withdrew.", set()),
    ("Russian troops were stationed at Qamishli airport until 2025.", set()),
    ("Russian military police keep posts in Busra al-Sham.", {("Busra al-Sham", "russia")}),
    ("Russian troops are stationed at Qamishli airport until further notice.", {("Qamishli airport", "russia")}),
])
def test_a_presence_that_lasted_until_a_date_has_ended(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text, held", [
    ("Faylaq al-Rahman and Jaish al-Fustat, an alliance that includes the Nusra Front, hold Zamalka.",
     {("Zamalka", "opposition")}),
    ("Faylaq al-Rahman and Saqba, the town to its east, were shelled.", set()),   # a place, not a partner
])
def test_a_partner_the_registry_lacks_does_not_cut_a_party_from_its_verb(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


def _held_at(ex, start: str) -> set:
    return {b for n, b in held_all(ex) if n.startswith(start)}


def test_under_its_control_after_a_question_naming_the_party(gazetteer):
    ex = run("Q: And Hayat Tahrir al-Sham? Khan Shaykhun is under its control and it has not said a word.", gazetteer)
    assert _held_at(ex, "Khan") == {"hts"}


def test_under_its_control_with_the_party_in_the_sentence_is_that_party(gazetteer):
    ex = run("The SDF entered Raqqa. HTS moved south, and Khan Shaykhun is now under its control.", gazetteer)
    assert _held_at(ex, "Khan") == {"hts"}


@pytest.mark.parametrize("text,place,bloc", [
    ("He left the town for Kinsabba. Kinsabba, also rebel-held, was shaken by clashes overnight.", "Kinsabba",
     "opposition"),
    ("Government forces shelled Kinsabba, rebel-held, and Salma.", "Kinsabba", "opposition"),
])
def test_a_held_adjective_set_off_after_a_place_holds_it(gazetteer, text, place, bloc):
    assert _held_at(run(text, gazetteer), place) == {bloc}


def test_a_held_adjective_set_off_after_a_sentence_names_nothing(gazetteer):
    ex = run("Russian jets struck Kinsabba, and rebel-held areas nearby came under fire.", gazetteer)
    assert _held_at(ex, "Kinsabba") == set()


def test_what_a_force_seized_before_the_move_told_first_is_its(gazetteer):
    ex = run("Fighters led by HTS pushed to the edge of Qamhana, a government-held town, on Thursday, after seizing "
             "Suran and the highway village of Maardis.", gazetteer)
    assert _held_at(ex, "Suran") == {"hts"}
    assert _held_at(ex, "Q") == {"syrian-government"}


def test_a_consolidated_control_dated_between_its_words(gazetteer):
    ex = run("HTS fighters consolidated their control on Monday over the city of Khan Shaykhun.", gazetteer)
    assert _held_at(ex, "Khan") == {"hts"}


def test_a_party_that_took_a_place_in_an_aside_holds_what_its_main_verb_says(gazetteer):
    ex = run("HTS, which took over most of Idlib province in January, controls Khan Shaykhun and al-Tamanah.", gazetteer)
    assert _held_at(ex, "Khan") == {"hts"} and _held_at(ex, "al-Tamanah") == {"hts"}


def test_a_coalition_named_with_its_head_noun_holds_what_it_seized(gazetteer):
    assert _held_at(run("Strikes hit Saraqib, which the Jaish al-Fatah coalition seized in April.", gazetteer),
                    "Saraqib") == {"hts"}


@pytest.mark.parametrize("text", [
    "Russian warplanes operating from the Hmeimim airbase struck rebel positions in Salma.",
    "Russian jets, which took off from Hmeimim airbase, struck Salma.",
])
def test_a_base_a_partys_aircraft_fly_from_is_the_partys(gazetteer, text):
    assert "russia" in _held_at(run(text, gazetteer), "Hmeimim")


def test_a_town_aircraft_fly_from_is_no_base_held(gazetteer):
    assert _held_at(run("Russian warplanes operating from Latakia struck Salma.", gazetteer), "Latakia") == set()


def test_which_after_an_aside_in_a_province_is_about_the_town(gazetteer):
    ex = run("Strikes hit the outskirts of Saraqib, across the provincial line in Idlib, which Jaish al-Fatah seized "
             "from the army in April.", gazetteer)
    assert _held_at(ex, "Saraqib") == {"hts"} and _held_at(ex, "Idlib") == set()


@pytest.mark.parametrize("text,place,blocs", [
    ("SWEIDA, Syria, March 18, 2025 – Three months after the fall of Bashar al-Assad, the armed factions of Sweida "
     "province still hold the Thaala airbase.", "Tha", {"opposition"}),
    ("Local factions, now coordinating under a joint military command, hold Shahba and Salkhad.", "Salkhad",
     {"opposition"}),
])
def test_a_party_set_off_by_a_place_or_an_aside_still_holds(gazetteer, text, place, blocs):
    assert _held_at(run(text, gazetteer), place) == blocs


def test_a_convoy_that_entered_through_a_crossing_does_not_hold_it(gazetteer):
    ex = run("A convoy of the US-led coalition, consisting of about 40 trucks, entered through the Semalka crossing.",
             gazetteer)
    assert _held_at(ex, "Semalka") == set()


def test_a_belt_of_towns_held_is_the_list_after_its_colon(gazetteer):
    ex = run("The factions still hold a belt of towns on Aleppo's northwestern edge: Anadan, about 15 kilometres "
             "northwest of the city centre, Hraytan to its east, and Kafr Hamra a little further north.", gazetteer)
    assert _held_at(ex, "Anadan") == {"opposition"} and _held_at(ex, "Aleppo") == set()


def test_units_folded_into_a_party_hold_for_it(gazetteer):
    ex = run("The town of Tal Rifaat is held by units that have been folded into the Syrian army.", gazetteer)
    assert _held_at(ex, "Tal Rifaat") == {"syrian-government"}


def test_a_party_further_south_who_holds_a_place(gazetteer):
    ex = run("Rebels further south, who still hold Jubata al-Khashab, condemned the deal.", gazetteer)
    assert _held_at(ex, "Jubata") == {"opposition"}


@pytest.mark.parametrize("text,place,blocs", [
    ("Rebel fighters are holed up in the Beit Jinn pocket.", "Beit Jinn", {"opposition"}),
    ("Fighters clashed for hours with an ISIS cell holed up in a house in Jasim.", "Jasim", set()),
])
def test_a_party_holed_up_in_a_place_is_there_but_not_in_a_house(gazetteer, text, place, blocs):
    assert _held_at(run(text, gazetteer), place) == blocs


@pytest.mark.parametrize("text,places", [
    ("The government controls every town in the area: Salamiyah, al-Saan some 40 km to its north-east, Sabburah and "
     "al-Hamra.", {"Salamiyah", "al-Sa'an", "Sabburah", "Al Ḩamrā’"}),
    ("As-Suqaylibiyah is the hub of a government-held belt that includes Tall Salhab, 12 km to its south, and "
     "Muhradah further east.", {"Tell Salhab", "Muhradah"}),
    ("Government forces hold Salamiyah, about 30 km to the south-east, and Sabburah.", {"Salamiyah", "Sabburah"}),
])
def test_control_of_a_list_past_a_distance_to_its_side(gazetteer, text, places):
    assert {name for name, bloc in holders(run(text, gazetteer)) if bloc == "syrian-government"} == places


@pytest.mark.parametrize("text,places", [
    ("Since early December, the Syrian Democratic Forces (SDF) and allied local councils have held Deir Hafer.",
     {"Deir Hafer"}),
    ("The SDF have held a pocket of the eastern Aleppo countryside around Deir Hafer and Maskanah.",
     {"eastern Aleppo countryside", "Deir Hafer", "Maskanah"}),
])
def test_control_of_an_area_and_the_places_it_lies_around(gazetteer, text, places):
    assert {name for name, _ in holders(run(text, gazetteer))} >= places


def test_a_town_near_which_a_place_lies_is_not_held_with_it(gazetteer):
    ex = run("The SDF hold Tal Tamr, around 40 km north-west of Hasakah.", gazetteer)
    assert {name for name, _ in holders(ex)} == {"Tal Tamr"}


@pytest.mark.parametrize("text", [
    "HAMA, Syria – The city of Hama has never fallen to the opposition during the war.",
    "HAMA, Syria – Kafr Zita has not been held by the army since 2012.",
    "HAMA, Syria – Since the spring, Russian military police have run a regular patrol from Salamiyah to al-Saan.",
    "HAMA, Syria – Russia runs joint patrols near Saraqib.",
])
def test_no_control_told_by_a_negation_or_a_patrol_run(gazetteer, text):
    assert holders(run(text, gazetteer)) == set()


@pytest.mark.parametrize("text", [
    "ALEPPO, Syria – Al-Khafsah lies some 29 kilometres east-northeast of Deir Hafer and about 30 kilometres north of "
    "Maskanah, both of which were still in the hands of Islamic State on Wednesday.",
    "ALEPPO, Syria – Al-Khafsah lies near Deir Hafer and Maskanah, both of which remain under IS control.",
])
def test_both_of_which_are_the_two_places_named_last(gazetteer, text):
    assert holders(run(text, gazetteer)) == {("Deir Hafer", "isis"), ("Maskanah", "isis")}


@pytest.mark.parametrize("text,held", [
    ("The SNA is massing north of Tal Rifaat, which is held by the SDF.", {("Tal Rifaat", "sdf")}),
    ("The SNA would enter the farms south of Azaz, which are held by the SDF.", {("south of Azaz", "sdf")}),
])
def test_which_after_a_direction_from_a_town_is_about_the_town(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text", [
    "DAMASCUS, Syria – The General Security apparatus controls al-Tall, Saydnaya and Menin.",
    "DAMASCUS, Syria – The caretaker government and the General Security apparatus, built largely on Hayat Tahrir "
    "al-Sham structures, control al-Tall, Saydnaya and Menin.",
])
def test_a_security_apparatus_holds_what_it_controls(gazetteer, text):
    assert {name for name, _ in holders(run(text, gazetteer))} == {"al-Tall", "Saydnaya", "Manin"}


@pytest.mark.parametrize("text", [
    "TARTUS, Syria – Further west, the Russian naval facility at Tartus anchors the whole arrangement.",
    "TARTUS, Syria – Russia has meanwhile kept troops at its naval facility in Tartus.",
])
def test_a_partys_naval_facility_is_its_own(gazetteer, text):
    assert holders(run(text, gazetteer)) == {("Tartus naval base", "russia")}


@pytest.mark.parametrize("text,held", [
    ("HOMS, Syria – Al-Qusayr remains under the joint control of Hezbollah and government units.",
     {("al-Qusayr", "iran"), ("al-Qusayr", "syrian-government")}),
    ('IDLIB, Syria – "Saraqib is now under the full control of the army," a military source said.',
     {("Saraqib", "syrian-government")}),
    ("ALEPPO, Syria – Arima remains under the SDF-affiliated Manbij Military Council.", {("Arima", "sdf")}),
])
def test_a_qualified_control_and_an_affiliated_party_still_hold(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text,held", [
    ("HAMA, Syria – ISIS fighters attacked positions of the NDF on the eastern outskirts of Uqayribat.",
     {("Uqayribat", "syrian-government")}),
    ("HAMA, Syria – ISIS fighters attacked NDF positions on the southern edge of Uqayribat.",
     {("Uqayribat", "syrian-government")}),
    ("HAMA, Syria – Turkish drones struck positions of the Syrian army's 47th Brigade on the edge of Hama military "
     "airport.", {("Hama airbase", "syrian-government")}),
    ("ALEPPO, Syria – Government forces are deployed on the southern edge of al-Bab.",
     {("al-Bab", "syrian-government")}),
])
def test_posts_on_the_edge_of_a_place_are_held_by_their_owner(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


@pytest.mark.parametrize("text", [
    "IDLIB, Syria – State media said Turkish drones had hit army positions on the eastern outskirts of Saraqeb.",
    "IDLIB, Syria – HTS said its fighters had attacked an army position on the edge of Saraqib.",
    "HAMA, Syria – A: We hit their positions on the western edge of Kafr Zita.",
    "ALEPPO, Syria – Government artillery positioned on the edge of the Aleppo countryside shelled the hills.",
    "IDLIB, Syria – Russian military police who had been stationed at a post on the edge of Saraqib also left.",
])
def test_posts_someone_attacked_or_left_are_not_theirs(gazetteer, text):
    assert holders(run(text, gazetteer)) == set()


@pytest.mark.parametrize("text,held", [
    ("RAQQA, Syria – The SDF has controlled Raqqa city since October 2017, as well as al-Mansoura and al-Karamah.",
     {("Raqqa", "sdf"), ("al-Mansoura", "sdf"), ("al-Karamah", "sdf")}),
    ("RAQQA, Syria – IS controls Raqqa city and all of its immediate countryside: the towns of al-Karamah to the "
     "east and al-Mansoura to the west.", {("Raqqa", "isis"), ("al-Mansoura", "isis"), ("al-Karamah", "isis")}),
    ("ALEPPO, Syria – They arrived in al-Bab, which is under the Turkish army and the National Army factions.",
     {("al-Bab", "turkey"), ("al-Bab", "opposition")}),
])
def test_a_hold_goes_on_past_as_well_as_a_colon_list_and_a_force_noun(gazetteer, text, held):
    assert holders(run(text, gazetteer)) == held


def test_a_colon_after_a_place_alone_lists_nothing_held(gazetteer):
    ex = run("RAQQA, Syria – The SDF controls Raqqa. Its aims are plain: al-Karamah and al-Mansoura next.", gazetteer)
    assert holders(ex) == {("Raqqa", "sdf")}


def test_a_party_named_by_its_leader_still_holds_what_remains_under_it(gazetteer):
    ex = run("DARAA, Syria – Busra al-Sham remains under the Eighth Brigade of Ahmad al-Awda, as before.", gazetteer)
    assert {name for name, _ in holders(ex)} == {"Busra al-Sham"}


def test_a_compound_adjective_is_no_part_of_a_quarters_name(gazetteer):
    ex = run("ALEPPO, Syria – The Kurdish-majority Sheikh Maqsoud neighbourhood remains under the control of the "
             "SDF-affiliated Asayish.", gazetteer)
    assert holders(ex) == {("Sheikh Maqsoud", "sdf")}
