"""geo.extract.resolve: context filters (actors, persons, processes, metonyms, far places) and focus."""
from __future__ import annotations

import pytest
import shapely

from _extract_helpers import countries, place_ids, place_names, run
from geo.extract.patterns import load_patterns
from geo.extract.resolve import person_spans


def _flat(spans):
    """person_spans' spans, whether one list or (names, later surname mentions)."""
    if spans and isinstance(spans[0], list | tuple) and spans[0] and isinstance(spans[0][0], list | tuple):
        return [x for part in spans for x in part]
    if isinstance(spans, tuple) and all(isinstance(p, list) for p in spans):
        return [x for part in spans for x in part]
    return list(spans)


def _names(gaz, text):
    return {n.casefold() for n in place_names(run(text, gaz))}


def test_name_inside_actor_name_is_dropped(gazetteer):
    ex = run("The Manbij Military Council said it repelled an attack.", gazetteer)
    assert "sy-manbij" not in place_ids(ex)


def test_same_name_outside_actor_name_is_kept(gazetteer):
    ex = run("The Manbij Military Council said Turkish drones struck Manbij.", gazetteer)
    assert "sy-manbij" in place_ids(ex)
    (rec,) = [p for p in ex.places if p.place and p.place.id == "sy-manbij"]
    assert rec.spans == ((ex.article.text.rindex("Manbij"), ex.article.text.rindex("Manbij") + 6),)


def test_person_and_later_surname_are_not_places(gazetteer):
    text = ("SDF spokesperson Mustafa Bakour denied the report. "
            "Bakour said the front near Manbij was calm.")
    ex = run(text, gazetteer)
    assert place_ids(ex) == {"sy-manbij"}
    spans = _flat(person_spans(text, load_patterns()))
    assert (text.index("Mustafa Bakour"), text.index("Mustafa Bakour") + len("Mustafa Bakour")) in spans
    assert (text.rindex("Bakour"), text.rindex("Bakour") + 6) in spans


@pytest.mark.parametrize("text", [
    "The Astana talks resumed on Tuesday.",
    "A new round of Astana opened in the spring.",
    "The Astana factions met on Friday.",
    "The Astana process stalled.",
    "Turkey accused the government of violating the Astana agreement.",
    "The Astana summit ended without a statement.",
])
def test_process_names_are_not_places(gazetteer, text):
    assert "astana" not in _names(gazetteer, text)
    assert "KZ" not in countries(run(text, gazetteer))


@pytest.mark.parametrize("text", [
    "Moscow had not responded to the request.",
    "Damascus and Moscow described the deal as final.",
    "Ankara warned of a new operation.",
    "Damascus rejected the proposal.",
])
def test_capitals_as_governments_are_not_places(gazetteer, text):
    ex = run(text, gazetteer)
    assert not ({"moscow", "damascus", "ankara"} & _names(gazetteer, text)), ex.places


def test_summit_in_sochi_keeps_the_place(gazetteer):
    ex = run("Leaders met at a summit in Sochi.", gazetteer)
    assert "sochi" in _names(gazetteer, ex.article.text)
    assert "RU" in countries(ex)


def test_agreement_in_moscow_keeps_the_place(gazetteer):
    text = "They reached an agreement in Moscow on Idlib."
    assert "moscow" in _names(gazetteer, text)


def test_agreement_in_moscow_keeps_the_local_place(gazetteer):
    assert "idlib" in _names(gazetteer, "They reached an agreement in Moscow on Idlib.")


def test_far_name_without_locative_is_dropped(gazetteer):
    ex = run("Turkish drones struck Kobani and Qamishli while Paris hosted a conference.", gazetteer)
    assert place_ids(ex) == {"sy-kobani", "sy-qamishli"}
    assert countries(ex) == {"SY"}


def test_tafas_resolves_in_syria(gazetteer):
    ex = run("Government forces shelled Tafas on Monday.", gazetteer)
    (rec,) = [p for p in ex.places if p.place]
    assert rec.place.country == "SY"
    assert 32.0 < rec.place.lat < 33.5 and 35.5 < rec.place.lon < 36.7  # Daraa countryside


def test_ambiguous_name_resolves_near_other_places(gazetteer):
    # "Karama" alone ranks a place in Chile first; next to Tabqa and Raqqa it is the Syrian one
    assert gazetteer.lookup("Karama", limit=1)[0].place.country != "SY"
    ex = run("SDF fighters clashed with IS cells in Karama, east of Raqqa, and in Tabqa.", gazetteer)
    karama = [p for p in ex.places if "Karama" in p.surfaces]
    assert karama and karama[0].place is not None and karama[0].place.country == "SY"


def test_one_unknown_name_does_not_drop_the_others(gazetteer):
    ex = run("Government forces shelled Zzyzxqor, Kafr Nabl and Hass.", gazetteer)
    assert {"sy-kafr-nabl", "sy-hass"} <= place_ids(ex)


def test_date_month_is_not_a_place(gazetteer):
    ex = run("In March 2020 a ceasefire was signed in Idlib.", gazetteer)
    assert [p.surfaces for p in ex.places] == [("Idlib",)]


def test_far_capitals_do_not_drop_the_local_place(gazetteer):
    ex = run("Turkish forces shelled Tal Tamr. Officials in Berlin and Paris condemned the shelling.",
             gazetteer)
    assert "sy-tal-tamr" in place_ids(ex)


def test_unknown_village_gets_no_far_skeleton_match(gazetteer):
    ex = run("Government forces shelled the village of Qurqaniya Sharqi near Ariha.", gazetteer)
    assert countries(ex) <= {"SY"}


def test_locator_overrides_a_far_homonym(gazetteer):
    from _extract_helpers import km

    ex = run("Turkish artillery shelled the village of Saida, north of Raqqa.", gazetteer)
    assert "LB" not in countries(ex)
    (saida,) = [p for p in ex.places if "Saida" in p.surfaces]
    point = shapely.from_wkb(saida.geometry)
    assert km((point.y, point.x), (35.95, 39.01)) < 40


def test_organisation_names_hide_their_place_words(gazetteer):
    ex = run("Government forces shelled Tafas, according to the Horan Free League.", gazetteer)
    assert countries(ex) == {"SY"}
    assert not any("Horan" in s for p in ex.places for s in p.surfaces)


def test_title_inside_a_capitalised_run_marks_the_person(gazetteer):
    ex = run("Turkish Defence Minister Hulusi Akar visited troops in Azaz.", gazetteer)
    assert countries(ex) == {"SY"}


def test_ministry_of_is_an_organisation(gazetteer):
    ex = run("Turkish jets struck Sinjar, according to the Ministry of Peshmerga.", gazetteer)
    assert countries(ex) == {"IQ"}


def test_curated_spelling_beats_a_border_twin_in_a_focus_country(gazetteer):
    ex = run("ANKARA (Reuters) – Turkey cut the water from the Alouk station near Ras al-Ain.", gazetteer)
    assert "sy-ras-al-ain" in place_ids(ex)


def test_acronyms_are_not_foreign_airport_codes(gazetteer):
    ex = run("A Turkish drone struck members of the Syrian Democratic Forces (SDF) near Qamishli.", gazetteer)
    assert countries(ex) == {"SY"}


def test_village_of_x_is_not_a_far_city(gazetteer):
    ex = run("Clashes erupted near Ain Issa after the factions advanced towards the village of Sayda.", gazetteer)
    assert "LB" not in countries(ex)


def test_known_word_inside_an_unknown_tal_name(gazetteer):
    from _extract_helpers import km

    ex = run("Russian forces withdrew from their base in Tal Samin, north of Raqqa.", gazetteer)
    (rec,) = [p for p in ex.places if "Tal Samin" in p.surfaces]   # the whole name, known or not
    point = shapely.from_wkb(rec.geometry)
    assert km((point.y, point.x), (35.95, 39.01)) < 40


def test_bulk_village_far_from_the_story_is_not_taken(gazetteer):
    # "Zor" is also a village of the bulk list near Deir ez-Zor, 250 km from Kobani
    ex = run("Turkish drones struck the villages of Zor Maghar and Buban, west of Kobani.", gazetteer)
    assert all(abs(shapely.from_wkb(p.geometry).centroid.x - 38.3) < 1.0 for p in ex.places if p.place)


def test_capitalised_in_is_a_locative(gazetteer):
    ex = run("Turkish drones struck Qamishli. In Brussels, officials called for talks.", gazetteer)
    assert "BE" in countries(ex)


def test_a_town_far_from_the_other_places_is_kept(gazetteer):
    ex = run("Turkish drones struck Qamishli, while Hezbollah sent fighters to the Qusayr area.", gazetteer)
    assert any(p.place and p.place.name.endswith("ayr") and p.place.country == "SY" for p in ex.places)


def test_a_namesake_is_no_focus_for_itself(gazetteer):
    # the Iraqi Sinjar ranks first alone; told with Abu al-Duhur and Saraqib, "Sinjar" is the Idlib village
    assert gazetteer.lookup("Sinjar", limit=1)[0].place.country == "IQ"
    ex = run("The offensive reached the town of Sinjar this week. Troops entered Sinjar, 18 km from the Abu al-Duhur "
             "airbase, and shelled Saraqib.", gazetteer)
    sinjar = [p for p in ex.places if "Sinjar" in p.surfaces]
    assert sinjar and sinjar[0].place is not None and sinjar[0].place.country == "SY"


def test_a_far_bureau_keeps_its_own_name(gazetteer):
    # "ERBIL" in the dateline is Erbil, where the report was filed, not Irbin near Damascus
    ex = run("Handover\n\nERBIL, Kurdistan Region (Kurdistan24) – The SDF began handing over positions in Manbij "
             "and Tabqa on Saturday.", gazetteer)
    assert not {"Irbin", "Arbin"} & place_names(ex)


def test_a_dateline_in_capitals_is_a_place_not_an_acronym(gazetteer):
    ex = run("Shelling in Talbiseh\nHOMS, Syria (North Press) – Government forces shelled Talbiseh.", gazetteer)
    assert "homs" in {n.casefold() for n in place_names(ex)}


@pytest.mark.parametrize("text,word", [
    ("Sources told Enab Baladi that Turkish drones struck Kobani.", "eneb"),
    ("The Deir Ezzor 24 network said clashes erupted in Hajin.", "deir ez-zor"),
    ("The London-based al-Quds al-Arabi said the crossing was a race for Conoco.", "jerusalem"),   # article before
    ("Al-Quds Al-Arabi reported that the SDF entered Manbij.", "jerusalem"),
    ("A statement carried by the Hawar agency said the council met in Manbij.", "hawar"),
])
def test_news_outlets_are_not_places(gazetteer, text, word):
    assert not any(word in n.casefold() for n in place_names(run(text, gazetteer)))


def test_a_far_small_town_after_in_is_not_a_venue(gazetteer):
    ex = run("Government forces shelled positions in Marietta, near Hasakah. Talks were held in Sochi.", gazetteer)
    assert countries(ex) <= {"SY", "RU"} and "RU" in countries(ex)


def test_demonyms_are_not_their_countries(gazetteer):
    ex = run("Fighters of the Palestinian Liwa al-Quds and the Jordanian army deployed in Aleppo.", gazetteer)
    assert place_names(ex) == {"Aleppo"}


def test_a_byline_surname_does_not_hide_the_place_named_before(gazetteer):
    ex = run("Turkish drones struck Kobani on Monday.\nReporting by Fuad Kobani", gazetteer)
    assert "Kobani" in place_names(ex)


def test_a_demonym_does_not_lengthen_a_name(gazetteer):
    from _extract_helpers import run

    ex = run("IS militants were holed up in the Yarmouk Palestinian camp in southern Damascus.", gazetteer)
    assert "sy-yarmouk" in {p.place.id for p in ex.places if p.place}
    assert "Yarmouk Palestinian" not in ex.unresolved


@pytest.mark.parametrize("text", [
    "\"This is a model,\" said Jihan Ali, a member of the dialogue committee, on Saturday.",   # a person
    "Farhad Sheikhmous said the talks were over.",
    "\"We will not leave,\" an SDF commander told Rudaw on Friday.",   # an outlet named alone
    "\"Nobody will call it an exchange,\" a Turkish official told Al-Monitor.",
])
def test_a_person_or_an_outlet_named_alone_is_no_place(gazetteer, text):
    assert run(text, gazetteer).places == ()


def test_a_place_before_said_with_a_name_part_stays_a_place(gazetteer):
    from _extract_helpers import run

    ex = run("Residents of Tal Abyad said the town was quiet.", gazetteer)
    assert "sy-tal-abyad" in {p.place.id for p in ex.places if p.place}


@pytest.mark.parametrize("text,place", [
    ("Government forces captured the Abu al-Duhur airbase in January.", "sy-abu-al-duhur-airbase"),
    ("Families fled to the Abu al-Duhur airbase.", "sy-abu-al-duhur-airbase"),
])
def test_a_person_like_name_followed_by_its_kind_of_place_is_a_place(gazetteer, text, place):
    assert place in place_ids(run(text, gazetteer))


def test_a_kunya_alone_stays_a_person(gazetteer):
    ex = run("Abu Mohammed al-Jolani visited Idlib on Friday.", gazetteer)
    assert place_ids(ex) == {"sy-idlib"}


def test_an_acronym_with_a_possessive_after_in_is_no_place(gazetteer):
    ex = run("Factions of the Syrian National Army (SNA) attacked Marea. A commander in the SNA's operations room "
             "told Reuters.", gazetteer)
    assert place_names(ex) == {"Marea"}


def test_a_neighbourhood_of_the_story_is_no_far_city(gazetteer):
    ex = run("Gunmen attacked the city of Baniyas, particularly in al-Qusour neighbourhood, on Friday.", gazetteer)
    assert "Luxor" not in place_names(ex)


def test_a_place_before_said_after_in_stays_a_place_and_names_no_surname(gazetteer):
    ex = run("A convoy crossed into Albu Kamal, a source in Albu Kamal said. The western bank down to Albu Kamal is "
             "held by the army.", gazetteer)
    spans = [s for p in ex.places if p.place is not None and p.place.id == "sy-albu-kamal" for s in p.spans]
    assert len(spans) == 3


def test_al_jazira_is_the_syrian_region_in_a_syrian_report(gazetteer):
    ex = run("US forces brought out oil tankers from the al-Jazira region towards Iraq through al-Yarubiyah.", gazetteer)
    assert "sy-area-jazira" in place_ids(ex)


def test_a_far_namesake_of_a_local_road_is_not_placed(gazetteer):
    ex = run("Government forces shelled Aleppo. Lorries entered the city along the Castello road.", gazetteer)
    assert countries(ex) == {"SY"}


@pytest.mark.parametrize("text, road", [
    ("Troops moved along the Damascus-Aleppo highway on Monday.", "sy-road-m5"),
    ("The convoy took the Aleppo–Damascus highway south.", "sy-road-m5"),
])
def test_a_road_named_after_a_capital_is_a_place_not_its_government(gazetteer, text, road):
    ex = run(text, gazetteer)
    assert road in place_ids(ex)
    assert not [c for c in ex.claims if "syrian-government" in c.blocs]


def test_a_capital_alone_still_names_its_government(gazetteer):
    ex = run("Damascus said Turkish forces shelled Tal Rifaat.", gazetteer)
    assert "sy-damascus" not in place_ids(ex)


@pytest.mark.parametrize("text", [
    "Government forces shelled villages southwest of Damascus on Thursday.",
    "Rebels held farms on the outskirts of Damascus.",
])
def test_a_capital_a_direction_or_an_area_is_told_of_is_a_place(gazetteer, text):
    assert "sy-damascus" in place_ids(run(text, gazetteer))


def test_a_mountain_summit_is_a_place(gazetteer):
    assert "sy-mount-hermon" in place_ids(run("Israeli troops stayed on the Hermon summit.", gazetteer))


@pytest.mark.parametrize("text", ["Leaders met at the Sochi summit.", "The Astana summit ended on Monday."])
def test_a_summit_meeting_is_no_place(gazetteer, text):
    assert place_ids(run(text, gazetteer)) == set()


def test_a_village_in_a_round_ups_last_region_is_judged_by_all_its_places(gazetteer):
    ex = run("IDLIB: jets struck Harim, Salqin, Darkush, Armanaz, Kafr Takharim, Sarmada, Atmeh, Dana and Maarrat "
             "Misrin. HASAKAH: an Islamic State cell ambushed an SDF post near al-Arishah, south of al-Shaddadi.",
             gazetteer)
    assert "Al-'Arishah" in {p.name for p in ex.places}


def test_a_name_said_to_be_a_negotiator_is_a_person(gazetteer):
    ex = run("Buses left Talbiseh for Jarablus. \"We had no choice,\" said Fayez al-Ahmad, a negotiator from Talbiseh.",
             gazetteer)
    assert not any("Fayez" in s or "Feyaz" in p.name for p in ex.places for s in p.surfaces)


@pytest.mark.parametrize("text", [
    "The attack on al-Mabujah, a farming village some 24 kilometres east-northeast of Salamiyah, began at dawn.",
    "Al-Mabujah lies about 24 km east-northeast of Salamiyah.",
    "Mortar rounds hit Salamiyah, about 24 km west-southwest of al-Mabujah.",   # the anchor is the namesake
])
def test_the_distance_the_text_tells_chooses_between_namesakes(gazetteer, text):
    ex = run(text, gazetteer)
    assert "sy-w-mabujah" in place_ids(ex) and "sy-w-al-mabujah" not in place_ids(ex)


def test_without_a_distance_that_fits_the_first_choice_stays(gazetteer):
    told = place_ids(run("The attack on al-Mabujah, some 400 km east of Salamiyah, was repelled.", gazetteer))
    assert told == place_ids(run("The attack on al-Mabujah was repelled, and Salamiyah was calm.", gazetteer))
    assert "sy-w-al-mabujah" in place_ids(run("The attack on al-Mabujah was repelled.", gazetteer))   # alone


def test_every_mention_of_the_name_follows_the_told_distance(gazetteer):
    ex = run("Al-Mabujah, some 24 km east-northeast of Salamiyah, was attacked. Government forces retook al-Mabujah.",
             gazetteer)
    (c,) = [c for c in ex.claims if c.kind.value == "control"]
    assert c.places == ("sy-w-mabujah",)


@pytest.mark.parametrize("text", [
    "HTS fighters captured Damascus on Sunday.",
    "Fighters of HTS, who had just taken Damascus, reached Homs.",
    "The Military Operations Administration, which took over Damascus on Sunday, sent a convoy north.",
    "HTS had taken over Damascus by dawn.",
])
def test_a_capital_that_is_taken_is_the_city(gazetteer, text):
    ex = run(text, gazetteer)
    assert ("Damascus", "hts") in {(c.place_names[0], c.blocs[0]) for c in ex.claims if c.kind.value == "control"}


def test_a_capital_that_speaks_stays_its_government(gazetteer):
    assert "Damascus" not in place_names(run("Damascus said it had retaken Tadef.", gazetteer))


@pytest.mark.parametrize("text,word", [
    ("Shelling hit al-Qabu, an Alawite village west of Homs.", "Alawite"),
    ("Mhardeh, a Christian town west of Halfaya, was calm.", "Christian"),
    ("Nubl and al-Zahraa, the two Shiite towns north of Aleppo, were quiet.", "Shiite"),
])
def test_a_faith_or_people_before_town_is_no_unknown_place(gazetteer, text, word):
    from _extract_helpers import run

    assert word not in run(text, gazetteer).unresolved


@pytest.mark.parametrize("text", [
    "Israeli jets struck Damascus International Airport on Tuesday.",
    "The army still holds the Damascus international airport, officials said.",
])
def test_a_place_named_after_a_capital_with_its_kind_is_the_place(gazetteer, text):
    assert "sy-damascus-airport" in place_ids(run(text, gazetteer))


def test_the_capital_next_to_a_kind_word_it_does_not_name_is_still_the_government(gazetteer):
    assert "sy-damascus" not in place_ids(run("Damascus rejected the offer; the airport stayed closed.", gazetteer))


@pytest.mark.parametrize("text, bloc", [
    ("Israeli jets struck Damascus on Tuesday.", "israel"),
    ("Rebels fired rockets at Damascus overnight.", "opposition"),
])
def test_a_capital_that_fire_hits_is_the_city(gazetteer, text, bloc):
    ex = run(text, gazetteer)
    assert [(c.place_names, c.blocs) for c in ex.claims if c.kind.value == "event"] == [(("Damascus",), (bloc,))]


@pytest.mark.parametrize("text", ["Damascus struck a deal with Moscow.", "Jets struck Daesh positions near Palmyra."])
def test_a_party_after_a_verb_of_fire_is_no_capital(gazetteer, text):
    assert "sy-damascus" not in place_ids(run(text, gazetteer))


@pytest.mark.parametrize("text,capital", [
    ("QUSAYR, Syria – Commanders say they are talking to Beirut every day about al-Qusayr.", "beirut"),
    ("QUSAYR, Syria – Moscow is under pressure from Washington to rein in Hezbollah at al-Qusayr.", "washington"),
    ("QUSAYR, Syria – A Lebanese source told a Beirut newspaper that the post near al-Qusayr was new.", "beirut"),
    ("QUSAYR, Syria – Two diplomats in Beirut say Russian officers floated a deal on al-Qusayr.", "beirut"),
    ("QUSAYR, Syria – Relations between Damascus and Beirut soured over al-Qusayr.", "beirut"),
])
def test_a_capital_dealt_with_or_where_speakers_sit_abroad_is_no_place(gazetteer, text, capital):
    names = _names(gazetteer, text)
    assert capital not in names and {"al-qusayr", "qusayr"} & names


@pytest.mark.parametrize("text,capital", [
    ("QUSAYR, Syria – A car bomb exploded in Beirut, killing four Hezbollah members.", "beirut"),
    ("QUSAYR, Syria – Hezbollah fighters withdrew from al-Qusayr to Beirut.", "beirut"),
    ("QUSAYR, Syria – Officials in Damascus said the army shelled al-Qusayr.", "damascus"),   # the report's capital
])
def test_a_capital_where_something_happens_stays_a_place(gazetteer, text, capital):
    assert capital in _names(gazetteer, text)


def test_a_place_word_in_an_outlets_name_is_no_place(gazetteer):
    ex = run("HOMS, Syria – Russian warplanes struck Talbiseh, according to activists quoted by the website "
             "el-Dorar el-Shamiya.", gazetteer)
    assert place_names(ex) == {"Homs", "Syria", "Talbiseh"}


def test_a_town_far_from_all_the_reports_places_is_not_taken(gazetteer):
    assert gazetteer.lookup("Old City", limit=1)[0].place.country == "PS"   # Jerusalem's, a GeoNames town
    ex = run("Coalition jets struck Raqqa and Tabqa, and IS still holds the Old City.", gazetteer)
    assert all(p.place is None or p.place.country == "SY" for p in ex.places)


def test_a_far_town_of_the_reports_own_country_is_kept(gazetteer):
    ex = run("Buses carrying rebels left Babbila, a suburb of Damascus, and set off in the direction of Jarablus.",
             gazetteer)
    assert {"Babīlā", "Jarabulus"} <= place_names(ex)


@pytest.mark.parametrize("name,place_id", [("Ataman", "sy-ataman"), ("Atman", "sy-ataman"), ("Athman", "sy-ataman"),
                                           ("Tafs", "sy-tafas")])
def test_daraa_villages_are_known_in_their_spellings(gazetteer, name, place_id):
    ex = run(f"Government forces stationed in {name} shelled the outskirts of Daraa.", gazetteer)
    assert place_id in place_ids(ex)


@pytest.mark.parametrize("text,name", [
    ("ALEPPO, Syria – Shells hit the Kurdish-majority Sheikh Maqsoud neighbourhood.", "Sheikh Maqsoud"),
    ("HOMS, Syria – Shells hit the Sunni-majority Baba Amr neighbourhood.", "Baba Amr"),
])
def test_a_compound_adjective_before_a_known_name_leaves_it_known(gazetteer, text, name):
    assert name in place_names(run(text, gazetteer))
