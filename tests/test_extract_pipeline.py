"""geo.extract.pipeline.extract: pure, deterministic, picklable; one bad name does not drop others."""
from __future__ import annotations

import pickle

import pytest
import shapely
from _extract_helpers import claims, place_names, run

from geo.extract.pipeline import Extraction, extract
from geo.ingest import article_from_text

TEXT = ("Turkish drones struck Kobani and Ain Issa on Monday.\n"
        "Rebels seized Saraqib, according to local sources. "
        "A joint Russian-Turkish patrol set off from Darbasiyah and ended in Amuda.")


def _ex(gazetteer, text=TEXT, source="t.txt"):
    return extract(article_from_text(text, source), gazetteer=gazetteer)


def test_deterministic_claim_ids(gazetteer):
    a, b = _ex(gazetteer), _ex(gazetteer)
    ids_a = [c.details["id"] for c in a.claims]
    assert ids_a and ids_a == [c.details["id"] for c in b.claims]
    assert len(set(ids_a)) == len(ids_a)
    assert a.claims == b.claims
    assert [p.name for p in a.places] == [p.name for p in b.places]


def test_claim_ids_depend_on_source(gazetteer):
    a, b = _ex(gazetteer), _ex(gazetteer, source="other.txt")
    assert {c.details["id"] for c in a.claims}.isdisjoint({c.details["id"] for c in b.claims})


def test_input_not_mutated(gazetteer):
    article = article_from_text(TEXT, "t.txt")
    before = (article.text, article.title, article.dateline)
    extract(article, gazetteer=gazetteer)
    assert (article.text, article.title, article.dateline) == before


def test_results_are_picklable(gazetteer):
    ex = _ex(gazetteer)
    back = pickle.loads(pickle.dumps(ex))
    assert isinstance(back, Extraction)
    assert back.claims == ex.claims
    assert [c.details["id"] for c in back.claims] == [c.details["id"] for c in ex.claims]
    assert [p.spans for p in back.places] == [p.spans for p in ex.places]


def test_geometries_are_valid_wkb(gazetteer):
    ex = _ex(gazetteer)
    for c in ex.claims:
        g = shapely.from_wkb(c.geometry)
        assert not g.is_empty and g.is_valid
        minx, miny, maxx, maxy = g.bounds
        assert 35 < minx and maxx < 43 and 32 < miny and maxy < 38   # Syria, lon/lat order
    for p in ex.places:
        assert not shapely.from_wkb(p.geometry).is_empty


def test_place_record_spans_match_surfaces(gazetteer):
    ex = _ex(gazetteer)
    for p in ex.places:
        for s, e in p.spans:
            assert TEXT[s:e] in p.surfaces


def test_repeated_place_is_one_record(gazetteer):
    ex = _ex(gazetteer, "Turkish drones struck Kobani. Later Russian jets struck Kobani again.")
    (rec,) = [p for p in ex.places if p.place and p.place.id == "sy-kobani"]
    assert len(rec.spans) == 2


def test_unknown_name_does_not_drop_the_others(gazetteer):
    ex = _ex(gazetteer, "Government forces shelled the village of Zzyzxqor, Kafr Nabl and Ariha.")
    ids = {p.place.id for p in ex.places if p.place}
    assert {"sy-kafr-nabl", "sy-ariha"} <= ids
    struck = {c.place_names[0] for c in ex.claims if c.event_type and c.event_type.value == "strike"}
    assert {"Kafr Nabl", "Ariha"} <= struck


def test_unresolved_lists_unknown_names(gazetteer):
    ex = _ex(gazetteer, "Government forces shelled the village of Zzyzxqor near Ariha.")
    assert "Zzyzxqor" in ex.unresolved


def test_article_without_places_gives_nothing(gazetteer):
    ex = _ex(gazetteer, "The committee met again and nothing was decided.")
    assert ex.places == () and ex.claims == ()


def test_the_bureau_a_report_was_filed_from_is_no_place_of_the_story(gazetteer):
    ex = run("Shelling\n\nBEIRUT (Reuters) - Syrian government forces shelled Saraqib on Monday.", gazetteer)
    assert {p.name for p in ex.places} == {"Saraqib"}


@pytest.mark.parametrize("text", [
    "Shelling\n\nIDLIB, Syria (North Press) - Government forces shelled Saraqib on Monday.",   # same country
    "Talks\n\nBEIRUT (Reuters) - Officials met in Beirut on Monday to discuss Saraqib.",      # named again
])
def test_a_dateline_place_of_the_story_stays(gazetteer, text):
    ex = run(text, gazetteer)
    assert len({p.name for p in ex.places} & {"Idlib", "Beirut"}) == 1


@pytest.mark.parametrize("text", [
    "Army enters Tasil\n\nDARAA (SANA) - The army entered Tasil, SANA's reporter said.",   # the dateline's outlet
    "The army entered Tasil, SANA's reporter said, according to Sputnik.",                 # known outlets
])
def test_a_news_outlet_is_no_place(gazetteer, text):
    assert {p.name for p in run(text, gazetteer).places} <= {"Tasil", "Daraa"}


def test_a_shouted_sub_heading_names_no_place(gazetteer):
    text = "Raqqa falls\n\nSDF fighters captured Raqqa on Tuesday.\n\nTHE DEAL\n\nThe militants left the city by bus."
    ex = extract(article_from_text(text, "t.txt"), gazetteer=gazetteer)
    assert {p.name for p in ex.places} == {"Raqqa"}


def test_an_unlocated_unknown_town_in_a_held_list_gives_no_claim_and_no_crash(gazetteer):
    from geo.export import features

    text = ("The towns of Qurzulat, al-Busayrah and Dhiban, all held by the SDF, have seen attacks.\n")
    ex = run(text, gazetteer)
    held = {n for c in claims(ex, "control") for n in c.place_names}
    assert held == {"al-Busayrah", "Dhiban"}
    assert all(c.geometry is not None for c in ex.claims)
    assert all(f["geometry"] for f in features([ex]))


def test_a_sentence_takes_the_date_its_paragraph_named(gazetteer):
    text = ("Three months on\n\nIn the first days of December, the valley changed hands. Officials later said that "
            "Syrian soldiers had moved from Albu Kamal into al-Qaim.\n\nSyrian soldiers now guard Albu Kamal.")
    ex = extract(article_from_text(text, "r.txt", default_date="2025-03-12"), gazetteer)
    blocs = {c.evidence[:8]: c.blocs for c in ex.claims if c.kind.value == "route"}
    assert blocs == {"Official": ("syrian-government",)}   # December 2024: the old army, not the new one


def test_the_eighth_brigade_after_assads_fall(gazetteer):
    text = "Clashes in Busra al-Sham\n\nMiddle East Eye | 14 April 2025\n\nThe Eighth Brigade captured Busra al-Sham."
    ex = extract(article_from_text(text, "r.txt"), gazetteer)
    assert {c.blocs for c in ex.claims if c.kind.value == "control"} == {("opposition",)}


@pytest.mark.parametrize("text,blocs", [
    # the dateline's place sets the report in Syria; SANA after the comma is the outlet, not Sanaa
    ("Statement\n\nHOMS, SANA – Reinforcements from the army's 11th Division moved from Homs to al-Qabu.",
     ("syrian-government",)),
    # no dateline: most of the places named are Syrian
    ("Army units moved from Homs to al-Qabu on Tuesday, after fighting in Taldou and Kafr Laha.",
     ("syrian-government",)),
])
def test_the_army_of_a_report_that_never_names_its_country(gazetteer, text, blocs):
    (route,) = claims(run(text, gazetteer), "route")
    assert route.blocs == blocs


def test_the_army_of_a_report_set_elsewhere_is_not_syrias(gazetteer):
    ex = run("Army units moved from Tripoli to Beirut on Tuesday, after fighting in Sidon.", gazetteer)
    assert all("syrian-government" not in c.blocs for c in ex.claims)


@pytest.mark.parametrize("text, names", [
    ("Clashes broke out on the road between Ariha and Jisr al-Shughur.", {"Ariha", "Jisr al-Shughur"}),
    ("IS fighters attacked a checkpoint on the Homs-Palmyra road.", {"Homs", "Palmyra"}),
])
def test_the_ends_of_a_corridor_or_a_road_are_places_named(gazetteer, text, names):
    assert names <= place_names(run(text, gazetteer))
