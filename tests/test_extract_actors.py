"""geo.extract.actors: aliases, adjectives, acronyms, units."""
from __future__ import annotations

import pytest

from _extract_helpers import run
from geo.extract.actors import find_actors, load_registry


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def _found(text, reg):
    return [(text[m.start:m.end], m.actor.bloc) for m in find_actors(text, reg)]


def _blocs(text, reg):
    return [b for _, b in _found(text, reg)]


@pytest.mark.parametrize("text,bloc", [
    ("Russian warplanes struck the town.", "russia"),
    ("Turkish-backed factions advanced.", "opposition"),
    ("Iranian-backed militias arrived.", "iran"),
    ("Hayat Tahrir al-Sham fighters attacked.", "hts"),
    ("Hay'at Tahrir ash-Sham fighters attacked.", "hts"),
    ("The Hay'at still controls several positions in the town.", "hts"),
    ("An army offensive on Jisr al-Shughur began in Syria.", "syrian-government"),
    ("Army shelling hit the town, Syrian activists said.", "syrian-government"),
    ("Jaish el-Tawhid fighters held the bridge.", "opposition"),
    ("The Homs Liberation Movement refused the offer.", "opposition"),
    ("The Republican Guard deployed.", "syrian-government"),
    ("The Fourth Division deployed.", "syrian-government"),
    ("The Fifth Corps deployed.", "syrian-government"),
    ("The Baqir Brigade deployed.", "iran"),
    ("The YPG withdrew.", "sdf"),
    ("The Manbij Military Council said.", "sdf"),
    ("HTS withdrew.", "hts"),
    ("The SDF withdrew.", "sdf"),
    ("Government forces advanced.", "syrian-government"),
    ("Jordanian jets struck a depot near Salkhad.", "jordan"),
    ("Lebanese Army units entered Hawsh al-Sayyed Ali.", "lebanon"),
    ("Lebanese Hezbollah fighters withdrew.", "iran"),
    ("Columns of the Ministries of Defence and Interior advanced.", "syrian-government"),
    ("The towns remain under the control of the caretaker authorities.", "hts"),
    ("Fighters of Jund al-Aqsa stormed the town.", "hts"),
    ("Ansar al-Tawhid claimed the attack.", "hts"),
    ("Jaish al-Nasr shelled the village.", "opposition"),
    ("The Syria Revolutionaries Front withdrew.", "opposition"),
    ("Harakat Hazzm received anti-tank missiles.", "opposition"),
    ("Jaysh al-Mujahideen fighters advanced.", "opposition"),
    ("Ajnad al-Sham fighters advanced.", "opposition"),
    ("The Desert Hawks took the hill.", "syrian-government"),
    ("The Qalamoun Shield Forces deployed.", "syrian-government"),
    ("The Sanadid Forces joined the offensive.", "sdf"),
    ("Jaysh Suriya al-Hurra fighters drove north from al-Tanf.", "opposition"),
])
def test_one_actor(reg, text, bloc):
    assert _blocs(text, reg) == [bloc]


def test_turkish_backed_is_not_turkey(reg):
    assert "turkey" not in _blocs("Turkish-backed factions shelled the village.", reg)


def test_adjective_needs_capital(reg):
    found = find_actors("Russian drones and a russian drone.", reg)
    assert [m.actor.bloc for m in found] == ["russia"]
    assert find_actors("The Russian patrol left.", reg)[0].adjective


def test_longest_alias_wins(reg):
    (m,) = find_actors("Russian military police arrived.", reg)
    assert m.actor.id == "russian-military-police"
    assert (m.start, m.end) == (0, len("Russian military police"))


def test_acronym_is_case_sensitive(reg):
    assert _blocs("IS fighters attacked a checkpoint.", reg) == ["isis"]
    assert _blocs("It is what it is.", reg) == []
    assert _blocs("The situation is calm; Is it over?", reg) == []
    assert _blocs("The sdf and hts are lowercase here.", reg) == []


def test_spans_point_into_text(reg):
    text = "Russian jets, Turkish drones and the SDF."
    for m in find_actors(text, reg):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end].strip() == text[m.start:m.end]


def test_coordinated_adjectives(reg):
    assert _blocs("Russian and Turkish forces patrolled.", reg) == ["russia", "turkey"]


def test_no_actor_in_plain_sentence(reg):
    assert find_actors("The weather was cold and the roads were empty.", reg) == []


@pytest.mark.parametrize("text", ["Syrian farmers harvested wheat.", "Kurdish music played."])
def test_syrian_and_kurdish_are_not_adjectives(reg, text):
    assert find_actors(text, reg) == []


@pytest.mark.parametrize(("a", "b", "allied"), [
    ("syrian-government", "russia", True), ("russia", "iran", True), ("turkey", "opposition", True),
    ("turkey", "sdf", False), ("hts", "opposition", False), ("sdf", "sdf", True),
])
def test_alliances(a, b, allied):
    from geo.extract.actors import load_registry

    assert load_registry().allied(a, b) is allied


def test_alliance_with_unknown_bloc_is_an_error(tmp_path):
    from geo.errors import RegistryError
    from geo.extract.actors import load_registry

    bad = tmp_path / "actors.yaml"
    bad.write_text("theatres:\n  x:\n    blocs:\n      - {id: a, name: A}\n    alliances:\n      - [a, zz]\n"
                   "actors: []\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="unknown blocs zz"):
        load_registry(bad)


def test_a_theatre_army_must_be_an_actor(tmp_path):
    from geo.errors import RegistryError
    from geo.extract.actors import load_registry

    bad = tmp_path / "actors.yaml"
    bad.write_text("theatres:\n  x:\n    blocs:\n      - {id: a, name: A}\n    army: {actor: nobody, country_word: X}\n"
                   "actors: []\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="'nobody'"):
        load_registry(bad)


def test_the_army_of_a_theatre_comes_from_the_registry(reg):
    text = "Fighting went on in Syria. The army shelled the town."
    assert _blocs(text, reg) == ["syrian-government"]
    assert _blocs("Fighting went on. The army shelled the town.", reg) == []


@pytest.mark.parametrize("country,blocs", [("SY", ["syrian-government"]), ("", []), ("LB", [])])
def test_the_army_of_the_country_a_report_is_set_in(reg, country, blocs):
    found = find_actors("Fighting went on. The army shelled the town.", reg, country=country)
    assert [m.actor.bloc for m in found] == blocs


def test_army_trucks_are_the_armys(reg):
    assert _blocs("Columns of army trucks left the city of Syria's centre.", reg) == ["syrian-government"]


def test_the_national_defence_force_in_the_singular(reg):
    assert _blocs("National Defence Force militiamen moved up.", reg) == ["syrian-government"]


@pytest.mark.parametrize("text,blocs", [
    ("A spokesman told us army officers had agreed to leave.", []),   # "us", not "US"
    ("He told us forces would leave by Friday.", []),
    ("US army units arrived at the base.", ["us-coalition"]),
    ("IS fighters attacked the post.", ["isis"]),
    ("Commanders in the SNA's Third Legion said so.", ["opposition"]),   # the possessive keeps the capitals
])
def test_an_alias_led_by_an_acronym_needs_the_capitals(reg, text, blocs):
    assert _blocs(text, reg) == blocs


@pytest.mark.parametrize("text", [
    "Some 40 young men who had refused the settlement boarded the buses.",
    "The gunmen who refused to settle their statuses left at dawn.",
    "Those who reject the deal will be taken north.",
    "Those who refuse a settlement would be put on buses.",
    "Men who rejected any reconciliation stayed in the town.",
])
def test_a_description_names_the_party(reg, text):
    assert _blocs(text, reg) == ["opposition"]


def test_a_phrase_must_be_a_regular_expression(tmp_path):
    from geo.errors import RegistryError

    bad = tmp_path / "actors.yaml"
    bad.write_text("theatres:\n  x:\n    blocs:\n      - {id: a, name: A}\n"
                   "actors:\n  - {id: b, name: B, bloc: a, phrases: ['men who (refused']}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="no regular expression"):
        load_registry(bad)


def test_user_actors_extend_the_registry(tmp_path):
    from geo.extract.actors import find_actors, load_registry

    user = tmp_path / "actors.yaml"
    user.write_text("actors:\n  - id: tiger-cubs\n    name: Tiger Cubs\n    bloc: syrian-government\n"
                    "    aliases: [Cubs Brigade]\n    source: test\n", encoding="utf-8")
    reg = load_registry(user_path=user)
    assert [m.actor.bloc for m in find_actors("The Cubs Brigade shelled Ariha.", reg)] == ["syrian-government"]
    assert "russia" in {a.bloc for a in reg.actors.values()}   # the embedded actors are still there


def test_user_actor_with_unknown_bloc_names_the_fix(tmp_path):
    from geo.errors import RegistryError
    from geo.extract.actors import load_registry

    user = tmp_path / "actors.yaml"
    user.write_text("actors:\n  - {id: x, name: X, bloc: martians, aliases: [X force]}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="martians"):
        load_registry(user_path=user)


@pytest.mark.parametrize("the_army, blocs", [
    ("refers", ["russia", "russia"]),        # a state's army: "the army" after it is it
    ("ambiguous", ["russia"]),               # a group called an army: "the army" near it is unresolved
    (None, ["russia", "syrian-government"]),  # saying nothing: "the army" stays the theatre's own
])
def test_what_the_army_means_comes_from_the_registry(tmp_path, the_army, blocs):
    from geo.extract.actors import find_actors, load_registry

    user = tmp_path / "actors.yaml"
    user.write_text("actors:\n  - id: north-army\n    name: Northern Army\n    bloc: russia\n"
                    "    aliases: [Northern Army]\n    source: test\n"
                    + (f"    the_army: {the_army}\n" if the_army else ""), encoding="utf-8")
    reg = load_registry(user_path=user)
    text = "In Syria, the Northern Army shelled Ariha. The army then entered the town."
    assert [m.actor.bloc for m in find_actors(text, reg)] == blocs


def test_an_unknown_the_army_value_names_the_choices(tmp_path):
    from geo.errors import RegistryError
    from geo.extract.actors import load_registry

    user = tmp_path / "actors.yaml"
    user.write_text("actors:\n  - {id: x, name: X, bloc: russia, aliases: [X force], the_army: yes}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="refers, ambiguous"):
        load_registry(user_path=user)


def test_the_militias_refers_to_the_militias_named_before(gazetteer):
    ex = run("Iranian-backed militias massed west of Deir ez-Zor. The militias then shelled Hajin.", gazetteer)
    strikes = [c for c in ex.claims if c.kind.value == "event" and c.event_type.value == "strike"]
    assert [c.blocs for c in strikes] == [("iran",)]


def test_the_militias_without_an_earlier_militia_is_no_actor(gazetteer):
    ex = run("The militias then shelled Hajin.", gazetteer)
    assert not [c for c in ex.claims if c.kind.value == "event"]


@pytest.mark.parametrize("text,bloc", [
    ("The Manbij Military Council denied it. Manbij has been run by the Military Council since 2016.", "sdf"),
    ("The Manbij Military Council denied it. Manbij has been run by the council since 2016.", "sdf"),
    ("The Syrian National Army denied it. Afrin is held by the National Army.", "opposition"),
])
def test_a_group_named_again_by_its_last_words_is_that_group(gazetteer, text, bloc):
    ex = run(text, gazetteer)
    assert [(c.place_names, c.blocs) for c in ex.claims if c.kind.value == "control"] == [(("Manbij",) if
                                                                                           "Manbij has" in text else ("Afrin",), (bloc,))]


@pytest.mark.parametrize("text", [
    "Manbij has been run by the council since 2016.",                        # no council named before
    "The Syrian National Army denied it. Afrin is held by the army.",        # "the army": which one?
    "The Manbij Military Council denied it. Manbij is held by the Council of Elders.",
])
def test_a_short_name_needs_the_full_name_before(gazetteer, text):
    ex = run(text, gazetteer)
    assert [c.blocs for c in ex.claims if c.kind.value == "control"] == []


def test_a_reference_can_refer_to_a_reference(gazetteer):
    ex = run("Syrian government forces deployed near Manbij on Saturday. According to residents, around 200 "
             "soldiers entered Muhsinli, which faces positions of the Turkish-backed Syrian National Army. "
             "The council handed Muhsinli over to the newcomers.", gazetteer)
    held = {(c.place_names, c.blocs) for c in ex.claims if c.kind.value == "control"}
    assert (("Muhsinli",), ("syrian-government",)) in held
    assert not [c for c in ex.claims if c.kind.value == "control" and "opposition" in c.blocs]


@pytest.mark.parametrize("text,blocs", [
    ("Syrian and Russian warplanes struck Kafr Nabl.", ["syrian-government", "russia"]),
    ("Syrian, Russian jets struck Kafr Nabl.", ["syrian-government", "russia"]),
    ("Syrian and Russian officials met.", ["russia"]),      # no registry force "Syrian officials"
    ("Syrian and Kurdish farmers met.", []),
])
def test_an_adjective_shares_the_noun_of_the_next_one(reg, text, blocs):
    assert [m.actor.bloc for m in find_actors(text, reg)] == blocs


@pytest.mark.parametrize("text,bloc", [
    ("The Syrian Arab Army entered Tabqa. Army units then deployed in al-Mansoura.", "syrian-government"),
    ("The Syrian Arab Army entered Tabqa. The army then deployed in al-Mansoura.", "syrian-government"),
    ("The Turkish occupation army shelled Arima. The occupation then shelled al-Mansoura.", "turkey"),
    ("The mercenaries shelled al-Mansoura.", "opposition"),
])
def test_the_army_the_occupation_and_the_mercenaries(gazetteer, text, bloc):
    events = [c for c in run(text, gazetteer).claims if c.kind.value == "event" and "Mansoura" in c.place_names[0]]
    assert events and all(c.blocs == (bloc,) for c in events)


def test_the_army_is_not_a_faction_called_an_army(gazetteer):
    ex = run("The Syrian National Army entered Tabqa. The army then deployed in al-Mansoura.", gazetteer)
    assert not [c for c in ex.claims if "Mansoura" in c.place_names[0]]


@pytest.mark.parametrize("text,found", [
    ("Turkey's Defence Ministry said so.", [("Turkey's", "turkey"), ("Defence Ministry", "turkey")]),
    ("The Defence Ministry said its units entered the town.", [("Defence Ministry", "syrian-government")]),
    ("The Russian Defence Ministry said so. The Defence Ministry added more.",
     [("Russian Defence Ministry", "russia"), ("Defence Ministry", "russia")]),
    ("Turkey's Russian partners agreed.", [("Turkey's", "turkey"), ("Russian", "russia")]),   # an adjective stays
])
def test_whose_a_general_name_is(reg, text, found):
    assert _found(text, reg) == found


@pytest.mark.parametrize("text,bloc", [
    ("the SDF's positions", "sdf"),
    ("HTS’s fighters", "hts"),
    ("Israeli drones struck", "israel"),
    ("the IDF moved in", "israel"),
])
def test_acronyms_with_a_possessive_and_israel(reg, text, bloc):
    assert _blocs(text, reg) == [bloc]



def test_a_unit_named_revolutionaries_keeps_its_own_bloc():
    registry = load_registry()
    text = "SDF fighters, backed by the Raqqa Revolutionaries Brigade, repelled the revolutionaries near Ain Issa."
    found = [(text[m.start:m.end], m.actor.bloc) for m in find_actors(text, registry)]
    assert ("Raqqa Revolutionaries Brigade", "sdf") in found and ("revolutionaries", "opposition") in found


# --------------------------------------------------------------------------- eras: blocs that change with the date

def _dated(text, gaz, day):
    from geo.extract.pipeline import extract
    from geo.ingest import article_from_text

    ex = extract(article_from_text(f"Report\n\n{text}", "t.txt", date=day), gazetteer=gaz)
    return {(c.place_names[0], b) for c in ex.claims if c.kind.value == "event" for b in c.blocs}


@pytest.mark.parametrize(("day", "bloc"), [
    ("2021-03-08", "syrian-government"), ("2024-12-07", "syrian-government"), ("2025-03-08", "hts"),
])
def test_the_state_after_the_fall_is_the_transitional_government(reg, day, bloc):
    actor = reg.actors["syrian-army"]
    assert reg.on(actor, day).bloc == bloc
    assert reg.on(actor, None).bloc == "syrian-government"   # undated: as filed
    assert reg.on(reg.actors["assad-regime"], day).bloc == "syrian-government"   # the regime's names never move


def test_claims_take_the_bloc_of_their_sentence_date(gazetteer):
    text = "Government forces shelled Jableh on Friday. Regime forces shelled Baniyas on Friday."
    assert _dated(text, gazetteer, "2025-03-08") == {("Jableh", "hts"), ("Jableh", "syrian-government"),
                                                     ("Baniyas", "syrian-government")}
    assert _dated(text, gazetteer, "2021-03-08") == {("Jableh", "syrian-government"),
                                                     ("Baniyas", "syrian-government")}
    before = "On 5 December 2024, government forces shelled Hama. On 20 January 2025, government forces shelled Homs."
    assert _dated(before, gazetteer, "2025-02-01") == {("Hama", "syrian-government"), ("Homs", "hts"),
                                                       ("Homs", "syrian-government")}


@pytest.mark.parametrize(("day", "also"), [("2024-11-30", ()), ("2025-01-10", ("syrian-government",))])
def test_the_new_state_s_forces_are_also_the_state_s(reg, day, also):
    for actor_id in ("syrian-army", "general-security", "military-operations-command"):
        assert (reg.on(reg.actors[actor_id], day).bloc, reg.on(reg.actors[actor_id], day).also) == ("hts", also) \
            or day < "2024-12-08" and actor_id == "syrian-army"


def test_the_new_state_s_claims_list_both_blocs_its_zones_take_the_first(gazetteer):
    from geo.export import features
    from geo.extract.pipeline import extract
    from geo.ingest import article_from_text

    ex = extract(article_from_text("Report\n\nGovernment forces seized Maskanah and shelled Deir Hafer.", "t.txt",
                                   date="2025-02-01"), gazetteer=gazetteer)
    assert {c.blocs for c in ex.claims if c.kind.value in ("control", "event")} == {("hts", "syrian-government")}
    (control,) = [f["properties"] for f in features([ex]) if f["properties"]["kind"] == "control"]
    assert (control["bloc"], control["blocs"]) == ("hts", "hts,syrian-government")


def test_an_era_must_name_known_actors_and_a_date(tmp_path):
    from geo.errors import RegistryError

    head = "theatres:\n  x:\n    blocs:\n      - {id: a, name: A}\n      - {id: b, name: B}\n    eras:\n"
    actors = "actors:\n  - {id: s, name: S, bloc: a}\n"
    for era, message in (("      - {from: 2024-12-08, actors: [nobody], bloc: b}\n", "'nobody'"),
                         ("      - {from: 2024-12-08, actors: [s], bloc: zz}\n", "'zz'"),
                         ("      - {from: December 2024, actors: [s], bloc: b}\n", "YYYY-MM-DD"),
                         ("      - {from: 2024-12-08, actors: [s], bloc: b, also: [yy]}\n", "'yy'")):
        bad = tmp_path / "actors.yaml"
        bad.write_text(head + era + actors, encoding="utf-8")
        with pytest.raises(RegistryError, match=message):
            load_registry(bad)



def test_an_acronym_the_report_defines_names_the_actor(reg):
    text = "Government of Syria (GoS) troops advanced. GoS forces entered Morek. The GOSPEL was read."
    assert _found(text, reg) == [("Government of Syria", "syrian-government"), ("GoS", "syrian-government")]
    assert _found("GoS forces entered Morek.", reg) == []   # undefined: no actor


def test_the_army_is_not_a_faction_named_army(reg):
    text = "In Syria, Jaish al-Fatah (Army of Conquest) took Idlib. The army pulled out of Jisr al-Shughur."
    assert _found(text, reg)[-1] == ("The army", "syrian-government")


@pytest.mark.parametrize(("text", "ref"), [
    ("Islamic State fighters attacked Palmyra. Its fighters advanced across the desert.", ("Its fighters", "isis")),
    ("Rebel fighters left the Old City. The evacuated fighters travelled north.", ("The evacuated fighters", "opposition")),
])
def test_a_force_told_again_with_a_possessive_or_an_adjective(reg, text, ref):
    assert ref in _found(text, reg)


def test_an_acronym_in_title_case_but_not_a_name_that_folds_like_one(reg):
    text = "Isis had launched its offensive. Anas Ahmed, a resident, said Isil fighters fled."
    assert _found(text, reg) == [("Isis", "isis"), ("Isil", "isis")]


@pytest.mark.parametrize("text, found", [
    ("the U.S. base near the border", [("U.S.", "united-states")]),
    ("the U.S. forces in Syria", [("U.S. forces", "us-forces")]),
    ("the U.S.-led coalition struck", [("U.S.-led coalition", "us-coalition")]),
    ("Gen. S. Smith said.", []),   # an initial is no abbreviation of a party
    ("Kataib Hezbollah and other Tehran-aligned groups", [("Kataib Hezbollah", "kataib-hezbollah"),
                                                          ("Tehran-aligned groups", "iran-backed-militias")]),
])
def test_dotted_abbreviations_and_proxy_names(text, found):
    assert [(text[a.start:a.end], a.actor.id) for a in find_actors(text, load_registry())] == found


@pytest.mark.parametrize("text,blocs", [
    ("Fighters of the Southern Front shelled the checkpoint.", ["opposition"]),
    ("Reinforcements reached the town's southern front.", []),
    ("The Military Operations forces entered the city on Friday.", ["hts"]),
    ("The army continued its military operations in the countryside.", []),
])
def test_an_alias_that_is_also_a_plain_phrase_names_the_group_only_capitalised(reg, text, blocs):
    assert _blocs(text, reg) == blocs


_FILLER = " Residents described long queues for bread and fuel in the markets of the province that week." * 4


@pytest.mark.parametrize("text,bloc", [
    ("The Turkish army withdrew from Morek in Syria." + _FILLER + " Saraqib fell to the army on February 8.",
     "syrian-government"),   # named paragraphs before: "the army" is the theatre's own
    ("The Turkish army withdrew from Morek in Syria. The army then moved north.", "turkey"),   # named just before
    ("Jaish Khalid ibn al-Walid attacked Syrian villages. The reporter said army units advanced on Tasil.",
     "syrian-government"),   # a faction named "army" is never "the army"
])
def test_the_army_refers_back_only_a_short_way(reg, text, bloc):
    army = [b for s, b in _found(text, reg) if s.casefold() in ("the army", "army")]
    assert army and set(army) == {bloc}


@pytest.mark.parametrize("text,said,bloc", [
    ("Shelling hit Syria's south. The air force carried out sorties on Dael.", "the air force", "syrian-government"),
    ("The Russian air force struck Idlib in Syria. The air force also hit Dael.", "the air force", "russia"),
    ("Shelling hit Syria's south. An army unit targeted vehicles near Dael.", "an army", "syrian-government"),
])
def test_the_air_force_and_an_army_unit_are_a_states_like_the_army(reg, text, said, bloc):
    assert [b for s, b in _found(text, reg) if s.casefold() == said] == [bloc]


def test_the_occupation_army_is_one_mention_of_the_occupier_named_before(reg):
    text = ("The Turkish occupation army shelled Afrin. Rajo, which the occupation army and its mercenaries seized, "
            "fell.")
    assert ("the occupation army", "turkey") in _found(text, reg)


@pytest.mark.parametrize("text, found", [
    ('"The Russians asked us to hand over the line," the SDF official said.', [("us", "sdf")]),
    ('"We withdrew to spare our people," a Zenki commander said.', [("We", "opposition")]),
    ('"The Russians told us to leave," said Abu Muhammad, a media activist.', []),   # no party outside the quote
    ("Turkish drones struck Kobani. We learned of it later, the SDF said.", []),   # not inside a quotation
])
def test_we_and_us_inside_a_quotation_are_the_speakers(reg, text, found):
    assert [(s, b) for s, b in _found(text, reg) if s in ("we", "We", "us")] == found


@pytest.mark.parametrize("text, bloc", [
    ("Islamic State fighters withdrew from Maadan. Later the militants sent a car bomb.", "isis"),
    ("Islamic State fighters withdrew. Syrian army units then fought the militants near Maadan.", "isis"),
])
def test_the_militants_are_the_armed_group_named_last_never_a_state(reg, text, bloc):
    assert [b for s, b in _found(text, reg) if s == "the militants"] == [bloc]


@pytest.mark.parametrize("text, found", [
    ("Shelling hit Syria's north, held in rebel hands.\nTroops first entered Deir al-Sharqi at dawn.",
     [("Troops", "syrian-government")]),   # a sentence's first word, after an adverb
    ("Shelling hit Syria's north.\nTurkish troops then entered Deir al-Sharqi.", []),   # named: no bare troops
    ("Rebels attacked in Syria's north.\nTroops pulled back towards Idlib city.",
     [("Troops", "syrian-government")]),   # soldiers who pull back
    ("Rebels attacked in Syria's north.\nTroops stationed at Taftanaz came under fire, a Turkish official said.",
     []),   # where troops are stationed says not whose they are (Turkey keeps posts there)
])
def test_bare_troops_opening_a_sentence_are_the_countrys_army(reg, text, found):
    assert [(s, b) for s, b in _found(text, reg) if s == "Troops"] == found


def test_the_ministry_is_the_ministry_named_before(reg):
    text = "The Turkish Defence Ministry sent troops. The SDF would hand Maskanah to the ministry."
    assert [b for s, b in _found(text, reg) if s == "the ministry"] == ["turkey"]


@pytest.mark.parametrize("text,blocs", [
    ("Jaish al-Fatah, the coalition led by the former Nusra Front, massed fighters.", {"hts"}),
    ("The coalition led by the United States struck Raqqa.", {"us-coalition"}),
])
def test_a_coalition_led_by_another_group_is_not_the_us_led_one(text, blocs):
    found = {m.actor.bloc for m in find_actors(text, load_registry()) if not m.adjective}
    assert "us-coalition" not in found - blocs and blocs <= found


def test_a_faction_named_after_jerusalem_is_an_actor_not_a_place(gazetteer):
    ex = run("Islamic State fighters overran the Yarmouk camp and defeated Aknaf Bait al-Maqdis, a faction close to "
             "Hamas.", gazetteer)
    assert not [p for p in ex.places if p.place is not None and p.place.country != "SY"]


def test_the_militias_are_not_a_party_that_struck_militia_posts(gazetteer):
    ex = run("Iranian-backed militias left Albu Kamal. Air strikes believed to have been carried out by Israel hit militia "
             "positions in al-Mayadin. Residents said the militias had evacuated houses in al-Mayadin.", gazetteer)
    evacuated = [c for c in ex.claims if c.kind.value == "event" and c.evidence.startswith("Residents")]
    assert evacuated and all(c.blocs == ("iran",) for c in evacuated)


@pytest.mark.parametrize("text, bloc", [
    ("The Islamic State organisation attacked Azaz. The factions pulled back. Four days later the organisation "
     "recaptured al-Rai.", "isis"),   # the group named with the word, though the factions came after
    ("ISIS fighters attacked Azaz. Four days later the group recaptured al-Rai.", "isis"),
    ("Hezbollah's television said government troops and the group's fighters entered Zabadani.", "iran"),
    ("Turkish-backed factions drove ISIS out of al-Bab, the largest town the group held.", "isis"),
])
def test_the_group_is_the_armed_group_named_last(reg, text, bloc):
    at = max(text.rfind("the group"), text.rfind("the organisation"))
    (ref,) = [a for a in find_actors(text, reg) if a.start == at]
    assert ref.actor.bloc == bloc


def test_the_group_names_no_state(reg):
    text = "Syrian government forces shelled Ariha. The group said it would respond."
    assert [a for a in find_actors(text, reg) if a.start == text.index("The group")] == []


def test_the_group_is_no_state_named_with_the_word(reg):
    text = "A loyalist group shelled Idlib. ISIS attacked Palmyra. The group said it would go on."
    (ref,) = [a for a in find_actors(text, reg) if a.start == text.index("The group")]
    assert ref.actor.bloc == "isis"


@pytest.mark.parametrize("text", ["AOG mortar fire struck Madinat al-Baath.",
                                  "Armed opposition groups shelled Khan Arnabah.",
                                  "Shelling from NSAG-held areas hit the city.",
                                  "Non-state armed groups withdrew from Morek."])
def test_the_aid_workers_name_for_the_armed_opposition(reg, text):
    assert _blocs(text, reg)[:1] == ["opposition"]


@pytest.mark.parametrize("text", ["Afghan fighters stormed the village.", "Iraqi and Afghan militiamen arrived."])
def test_afghan_fighters_in_syria_are_the_fatemiyoun(reg, text):
    assert "iran" in _blocs(text, reg)


def test_fighters_of_a_named_party_are_that_partys_not_the_last_force_named(gazetteer):
    from _extract_helpers import routes_of

    ex = run("Regime forces entered Jayrud. The first convoy set out from al-Ruhaybah towards Jarabulus, carrying "
             "hundreds of fighters of the factions and their families.", gazetteer)
    assert [blocs for _, blocs in routes_of(ex)] == [("opposition",)]


@pytest.mark.parametrize("text", [
    "The Turkish Defence Ministry sent troops. The next night ministry artillery shelled the villages.",
    "The Turkish Defence Ministry sent troops. A ministry convoy reached the border.",
])
def test_a_bare_ministry_before_its_forces_refers_back(reg, text):
    assert [b for s, b in _found(text, reg) if s.casefold().endswith("ministry") and "Defence" not in s] == ["turkey"]


def test_a_bare_ministry_that_names_no_forces_is_no_party(reg):
    found = _found("The Turkish Defence Ministry sent troops. Ministry officials met the council.", reg)
    assert [s for s, _ in found if s.startswith("Ministry")] == []


def test_the_army_is_not_the_party_it_took_a_place_from(reg):
    text = "In Syria, Maskanah was taken by the army from ISIS in 2017."
    assert _blocs(text, reg) == ["syrian-government", "isis"]
    assert _blocs("In Syria, hundreds of fighters from the SDF and ISIS moved in.", reg) == ["sdf", "isis"]


def test_the_new_syrian_army_in_lower_case_is_the_states(reg):
    assert _blocs("In Syria, units of the new Syrian army moved in.", reg) == ["syrian-government"]
    assert _blocs("In Syria, the New Syrian Army holds al-Tanf.", reg) == ["opposition"]


def test_the_new_syrian_administration_is_the_transitional_authorities(reg):
    assert _blocs("In Syria, the area is under the authority of the new Syrian administration.", reg) == ["hts"]
    assert "hts" not in _blocs("In Syria, the new administration in Washington is reviewing the deployment.", reg)
