"""geo.extract.mentions: gazetteer names and unknown-name patterns."""
from __future__ import annotations

import pytest

from _extract_helpers import place_names, run
from geo.extract.mentions import find_pattern_mentions, find_place_mentions
from geo.extract.patterns import load_patterns


@pytest.fixture(scope="module")
def find(gazetteer):
    keys, skels, prefixes = gazetteer.keys()
    pats = load_patterns()

    def _find(text):
        return [(text[m.start:m.end], m.tier) for m in find_place_mentions(text, keys, skels, prefixes, pats.stopwords,
                                                                         enders=pats.name_enders)]
    return _find


def _surfaces(found):
    return [s for s, _ in found]


def test_longest_match_wins(find):
    found = _surfaces(find("Turkish drones hit Ras al-Ain at night."))
    assert "Ras al-Ain" in found
    assert "Ras" not in found


def test_multiword_name_is_one_mention(find):
    found = _surfaces(find("Clashes erupted in Jisr al-Shughur."))
    assert found.count("Jisr al-Shughur") == 1
    assert not any(s in ("Jisr", "Shughur") for s in found)


@pytest.mark.parametrize("text,surface", [
    ("Rebels hold Mare' and Azaz.", "Mare'"),
    ("Rebels hold Mare’, Azaz and Tal Rifaat.", "Mare’"),
])
def test_a_final_apostrophe_writes_the_ayn(find, text, surface):
    found = _surfaces(find(text))
    assert surface in found and "Azaz" in found


def test_a_closing_quotation_mark_is_no_part_of_the_name(find):
    assert "'Azaz" not in _surfaces(find("The 'Azaz' front was quiet.")) and "Azaz'" not in _surfaces(
        find("The 'Azaz' front was quiet."))


def test_latin_script_requires_capital(find):
    assert _surfaces(find("Fighting in ras al-ain and kobani.")) == []
    assert "Kobani" in _surfaces(find("Fighting in Kobani."))


def test_arabic_script_matched(find):
    found = _surfaces(find("قصفت طائرات حربية مدينة منبج أمس"))
    assert "منبج" in found


@pytest.mark.parametrize("text", ["In March 2020 there was calm.", "On Monday the roads were quiet.",
                                   "The Army said nothing.", "Forces moved at night."])
def test_stopwords_not_matched_alone(find, text):
    assert find(text) == []


def test_skeleton_spelling_finds_tarnabah(find, gazetteer):
    assert _surfaces(find("Turkish drones struck Tronba yesterday.")) == ["Tronba"]
    # a spelling that no folding catches: found by its consonant skeleton
    assert ("Tirnbeh", "skeleton") in find("Turkish drones struck Tirnbeh yesterday.")
    for spelling in ("Tronba", "Tirnbeh"):
        ex = run(f"Turkish drones struck {spelling} east of Saraqib.", gazetteer)
        assert "sy-tarnabah" in {p.place.id for p in ex.places if p.place}


def test_a_longer_skeleton_match_beats_a_shorter_exact_one(find, gazetteer):
    found = find("Troops seized two hills overlooking Maghar al-Mir on Sunday.")
    assert ("Maghar al-Mir", "skeleton") in found and ("Maghar", "exact") not in found
    ex = run("Troops seized two hills overlooking Maghar al-Mir, east of Beit Jinn.", gazetteer)
    assert "sy-w-mughr-al-mir" in {p.place.id for p in ex.places if p.place}


def test_a_person_named_like_a_place_by_its_skeleton_is_no_place(gazetteer):
    ex = run("Report\n\nAnalysts do not rule out a new government offensive on Jabal al-Zawiya.\n\n"
             "Reporting by Bara' Saeed", gazetteer)
    assert place_names(ex) == {"Jabal al-Zawiya"}


def test_spans_point_into_text(find, gazetteer):
    keys, skels, prefixes = gazetteer.keys()
    text = "Shelling hit Maarat al-Numan, Kafr Nabl and Ariha."
    for m in find_place_mentions(text, keys, skels, prefixes, load_patterns().stopwords):
        assert 0 <= m.start < m.end <= len(text)
    assert _surfaces(find(text)) == ["Maarat al-Numan", "Kafr Nabl", "Ariha"]


@pytest.mark.parametrize("text,name", [
    ("Government forces shelled the village of Zarqawiyat Foo near Ariha.", "Zarqawiyat Foo"),
    ("Drones hit the town of Qubbat Zulm on Monday.", "Qubbat Zulm"),
    ("Clashes broke out in Khirbet Zulmiya village.", "Khirbet Zulmiya"),
])
def test_unknown_name_pattern(text, name):
    found = [text[m.start:m.end] for m in find_pattern_mentions(text, [], load_patterns().stopwords)]
    assert name in found


def test_pattern_skips_names_already_known(find, gazetteer):
    keys, skels, prefixes = gazetteer.keys()
    text = "Jets struck the town of Saraqib."
    known = find_place_mentions(text, keys, skels, prefixes, load_patterns().stopwords)
    assert find_pattern_mentions(text, known, load_patterns().stopwords) == []


def test_pattern_needs_capitalised_name():
    text = "They shelled the village of their enemies."
    assert find_pattern_mentions(text, [], load_patterns().stopwords) == []


def test_pattern_ignores_compound_adjective():
    # "The Turkish-held town of Ras al-Ain": "The Turkish-held" is not a town name
    text = "The Turkish-held town of Ras al-Ain came under fire."
    found = [text[m.start:m.end] for m in find_pattern_mentions(text, [], load_patterns().stopwords)]
    assert "The Turkish-held" not in found and "Turkish-held" not in found


def test_capitalised_common_noun_is_not_a_place(gazetteer):
    ex = run("Drones struck near Saraqib.", gazetteer)
    assert {p.place.country for p in ex.places if p.place} == {"SY"}


def test_arabic_city_word_is_not_a_place(gazetteer):
    ex = run("قصفت طائرات روسية مدينة منبج", gazetteer)
    assert {p.place.id for p in ex.places if p.place} == {"sy-manbij"}


@pytest.mark.parametrize("text,surface", [
    ("Turkish drones struck positions west of al-Bab.", "al-Bab"),
    ("Clashes erupted in Al Bab on Monday.", "Al Bab"),
    ("The towns of Kafr Zita and al-Lataminah were shelled.", "al-Lataminah"),
    ("US forces withdrew from the base at Tanf.", "Tanf"),
])
def test_a_name_starts_at_its_attached_article(find, text, surface):
    assert surface in _surfaces(find(text))


@pytest.mark.parametrize("text", ["the mostly Christian towns of the valley", "along the Lebanese border"])
def test_a_demonym_before_a_noun_is_no_place(gazetteer, text):
    from _extract_helpers import run

    assert run(text, gazetteer).places == ()


def test_a_name_said_to_lie_some_km_from_a_place_is_a_place_wherever_named():
    text = ("Forces shelled Ihsim and Zarqawiyat with rockets. Zarqawiyat lies about nine kilometers south of Ariha. "
            "A convoy reached Zarqawiyat on Thursday.")
    found = [(m.start, text[m.start:m.end]) for m in find_pattern_mentions(text, [], load_patterns().stopwords)]
    assert [name for _, name in found].count("Zarqawiyat") == 3


@pytest.mark.parametrize("text, names", [
    ("The army took al-Habit, some 10 km west of Khan Shaykhun, on Sunday.", ["al-Habit"]),
    ("Rebels held Zarqawiyat, about nine kilometers (6 miles) south of Ariha.", ["Zarqawiyat"]),
    ("In May, 10 km south of Idlib, jets struck a market.", []),   # a month is no name
    ("Mustafa, 40, was killed.", []),   # an age is no distance
])
def test_a_name_set_some_km_from_a_place_is_a_place(text, names):
    found = find_pattern_mentions(text, [], load_patterns().stopwords)
    assert [text[m.start:m.end] for m in found] == names


def test_a_name_that_lies_nowhere_measured_is_no_place():
    text = "Mustafa lies to everyone about the front."
    assert find_pattern_mentions(text, [], load_patterns().stopwords) == []


@pytest.mark.parametrize("text,name", [
    ("Troops were sent from Daraa to Busra al-Sham.", "Daraa"),
    ("Fighters were flown from Rostov-on-Don to Latakia.", "Rostov-on-Don"),   # a hyphen-joined "on" is no ender
    ("Tanks were seen near Qasr ibn Wardan and Hama.", "Qasr ibn Wardan"),
])
def test_a_lowercase_function_word_ends_a_name(gazetteer, text, name):
    keys, skels, prefixes = gazetteer.keys()
    pats = load_patterns()
    found = [text[m.start:m.end] for m in find_place_mentions(text, keys, skels, prefixes, pats.stopwords,
                                                                enders=pats.name_enders)]
    assert name in found


@pytest.mark.parametrize("text, names", [
    ("Ihsim lies about 11 km (7 miles) south of Ariha.", ["Ihsim", "Ariha"]),   # a distance, though GeoNames has "7 Miles"
    ("Four children were killed in Ihsim.", ["Ihsim"]),                        # a number word opening a sentence
    ("Israeli troops entered Beit Jinn on Nov. 28.", ["Beit Jinn"]),             # a date, not a place called "Nov"
    ("Jets struck Hish on Aug. 11.", ["Hish"]),                                  # not Augusta; no demonym before "on"
    ("The offensive began from Idlib on Nov 27.", ["Idlib"]),                    # not Nov in Tajikistan
    ("Jets hit Binnish and Sarmin.", ["Binnish", "Sarmin"]),
    ("Militias reinforced the lines around Hish over the past week.", ["Hish"]),   # "-ish" then a preposition
    ("Jets hit Binnish during the night and Hish overnight.", ["Binnish", "Hish"]),
    ("Forces in Kafr Nabl and Hish pounded Ihsim.", ["Kafr Nabl", "Hish", "Ihsim"]),   # a verb after the name
    ("Palestinian armed factions entered Yarmouk.", ["Yarmouk"]),   # a demonym before "armed"
    ("Turkish forces shelled the Kurdish towns.", []),                          # demonyms before a noun
])
def test_distances_and_number_words_are_no_places(find, text, names):
    assert [name for name, _tier in find(text)] == names


@pytest.mark.parametrize("name", ["Homs-Hama highway", "Damascus-Homs highway", "Aleppo-Hama highway"])
def test_a_stretch_of_the_m5_named_by_its_towns_is_the_m5(gazetteer, name):
    ex = run(f"Buses drove north along the {name} on Monday.", gazetteer)
    assert {p.name for p in ex.places} == {"M5 highway"}


@pytest.mark.parametrize("text, name, found", [
    ("Rebel-held al-Tall, north of the capital, may be next.", "al-Tall", True),   # an English word with the article
    ("In al-Tall, rebels rest.", "al-Tall", True),
    ("The tall buildings of Aleppo were hit.", "tall", False),
    ("Between the villages of Sheikh Aqil and Qubtan al-Jabal.", "al-Jabal", False),   # part of a longer name
    ("A third axis pushed west from the Tel Koçer area.", "Tel", False),   # "Tel" opens a name the gazetteer lacks
])
def test_a_name_part_alone_and_an_english_word_with_the_article(gazetteer, text, name, found):
    keys, skels, prefixes = gazetteer.keys()
    patterns = load_patterns()
    mentions = find_place_mentions(text, keys, skels, prefixes, patterns.stopwords, None, patterns.name_enders)
    assert (name in [text[m.start:m.end] for m in mentions]) is found


@pytest.mark.parametrize("text, name", [
    ("Clashes raged in the vicinity of the military airport of Deir ez-Zor.", "Deir ez-Zor airport"),
    ("Russian vehicles drove east to the airport of Qamishli.", "Qamishli airport"),
])
def test_the_airport_of_a_town_is_the_airport_the_gazetteer_knows(gazetteer, text, name):
    assert name in place_names(run(text, gazetteer))


def test_a_town_without_a_known_airport_stays_the_town(gazetteer):
    assert "Hama" in place_names(run("Rebels shelled the city of Hama.", gazetteer))


def test_ghayn_written_g_meets_gh(gazetteer):
    assert "Granij" in place_names(run("The jihadists shelled Gharanij, 36 km southeast of al-Mayadin.", gazetteer))


def test_a_rocket_type_is_no_place(gazetteer):
    assert place_names(run("The factions fired Grad rockets at Latakia on Sunday evening.", gazetteer)) == {"Latakia"}


def test_dhal_written_th_finds_the_place(gazetteer):
    assert place_names(run("The factions fired rockets at al-Lathiqiyah.", gazetteer)) == {"Latakia"}


@pytest.mark.parametrize("text", ["The corridor is exposed to Israeli and US surveillance.",
                                  "Pakistani and Bahraini officials have not commented."])
def test_a_demonym_in_i_is_no_mention_of_its_country(find, text):
    assert _surfaces(find(text)) == []


def test_israel_itself_is_still_a_mention(find):
    assert "Israel" in _surfaces(find("The corridor is watched by Israel."))
