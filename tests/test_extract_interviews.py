"""geo.extract.interviews: first-person words in an interview's answers are the interviewee's party."""
from __future__ import annotations

import pytest

from _extract_helpers import claims, holders, run
from geo.extract.actors import find_actors, load_registry


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def _first_person_blocs(text, reg):
    return [(text[a.start:a.end], a.actor.bloc) for a in find_actors(text, reg)
            if text[a.start:a.end].casefold() in ("we", "our", "ours", "us")]


_QA = ("Q: Where is the front now?\n\nA: We hold Tal Tamr, and our fighters are in Abu Rasin.\n\n"
       "Q: Will you stay?\n\nA: Yes. Turkey shells us every day.\n")


@pytest.mark.parametrize("intro, bloc", [
    ("We spoke with Hozan Kobani, who commands SDF units in Hasakah.", "sdf"),
    ("Interview with an SDF commander on drones, tribes and the Americans.", "sdf"),
    ("We spoke with Abu Khaled, a field commander in Jaysh al-Nasr, one of the factions of the National Front for "
     "Liberation, about the battle.", "opposition"),
    ("A week after the SDF took Tal Tamr, one of the group's field commanders, who uses the name Abu Hamza, spoke "
     "to us by telephone.", "sdf"),
    ("We spoke to Lt. Col. Yaser Hamdo, who commands a sector of the National Front for Liberation (NFL) around "
     "al-Atarib.", "opposition"),
])
def test_we_and_our_in_the_answers_are_the_interviewees_party(reg, intro, bloc):
    found = _first_person_blocs(intro + "\n\n" + _QA, reg)
    assert [w for w, _ in found] == ["We", "our", "us"] and {b for _, b in found} == {bloc}


def test_you_and_your_in_the_questions_are_the_interviewees_party(reg):
    text = "We spoke with Hozan Kobani, who commands SDF units in Hasakah.\n\n" + _QA + \
        "\nQ: Where did your forces go?\n\nA: North. You can see that they moved.\n"
    found = [(text[a.start:a.end], a.actor.bloc) for a in find_actors(text, reg)
             if text[a.start:a.end].casefold() in ("you", "your")]
    assert found == [("you", "sdf"), ("your", "sdf")]   # an answer's "you" is the interviewer, nobody's party


def test_they_after_a_question_to_you_is_not_you(gazetteer):
    text = ("We spoke with Abu Khaled, a field commander in Jaysh al-Nasr, one of the factions of the National Front "
            "for Liberation.\n\nQ: Where is the front now?\n\nA: Near Saraqib.\n\n"
            "Q: What do you expect?\n\nA: They will try to push west from Saraqib to Sarmin.\n")
    assert {bloc for r in claims(run(text, gazetteer), "route") for bloc in r.blocs} == set()


def test_unlabelled_questions_on_lines_of_their_own_make_an_interview(reg):
    text = ("Interview\n\nWe spoke with Abu Khaled, a field commander in Jaysh al-Nasr, one of the factions of the "
            "National Front for Liberation.\n\nWhere is the front?\n\nNear Saraqib. We hold the hills.\n\n"
            "Who shells you?\n\nThe army, every day. It hit our school.\n\nWill you stay?\n\nYes, we stay.\n\n"
            "The army did not respond to a request from us.\n")
    found = _first_person_blocs(text, reg)
    assert [w for w, _ in found] == ["We", "our", "we"] and {b for _, b in found} == {"opposition"}


def test_an_explainers_questions_are_no_interview(gazetteer):
    text = ("Explainer: who holds Manbij?\n\nHere are the key questions.\n\nWho controls Manbij?\n\n"
            "The town is held by the SDF.\n\nWho holds Jarabulus?\n\nTurkish-backed factions.\n\n"
            "What next?\n\nNobody knows.\n")
    assert {(c.place_names[0], c.modality.value) for c in claims(run(text, gazetteer), "control")} == \
        {("Manbij", "reported")}


def test_two_questions_are_no_interview(reg):
    text = ("Report\n\nWe spoke with Abu Khaled, a field commander in Jaysh al-Nasr.\n\nWhere is the front?\n\n"
            "Near Saraqib. We hold the hills.\n\nWill the talks hold?\n\nNobody knows what we will see.\n")
    assert _first_person_blocs(text, reg) == []


def test_named_labels_work_like_q_and_a(reg):
    text = ("North Press spoke to Abu Ali, a commander in the SDF.\n\nNorth Press: What is the situation?\n\n"
            "Abu Ali: The town is under our control.\n\nNorth Press: And Maskanah?\n\nAbu Ali: We hold it too.\n")
    assert _first_person_blocs(text, reg) == [("our", "sdf"), ("We", "sdf")]


@pytest.mark.parametrize("text", [
    # questions but nobody presented: no party to give "we"
    "An interview.\n\n" + _QA,
    # the party named after the role is in another sentence
    "We spoke with a commander in the field. Turkey denied it.\n\n" + _QA,
    # labelled lines without questions: a list, not an interview
    "Sources: the SDF said so.\nNote: we hold Tal Tamr.\nUpdate: we moved.\nLater: we stayed.\n",
])
def test_no_interviewee_no_first_person_party(reg, text):
    assert _first_person_blocs(text, reg) == []


def test_a_place_the_interviewee_says_is_ours_is_its_partys(gazetteer):
    text = ("We spoke with Hozan Kobani, who commands SDF units in Hasakah.\n\nQ: Where is the front?\n\n"
            "A: The town of Tal Tamr is still ours.\n\nQ: And Turkey?\n\nA: It shells us.\n")
    assert ("Tal Tamr", "sdf") in holders(run(text, gazetteer))


def test_an_answer_ending_on_a_question_mark_does_not_make_its_label_an_asker(reg):
    text = ("We spoke with Hozan Kobani, who commands SDF units in Hasakah.\n\nQ: Where is the front now?\n\n"
            "A: We hold Tal Tamr. Who else would?\n\nQ: Will you stay?\n\nA: Yes, our fighters stay.\n\n"
            "Q: And the Russians?\n\nA: They talk to us.\n")
    assert [w for w, b in _first_person_blocs(text, reg) if b == "sdf"] == ["We", "our", "us"]


def test_a_place_the_interviewee_says_is_with_us_is_its_partys(gazetteer):
    text = ("We spoke with Hozan Kobani, who commands SDF units in Raqqa.\n\nQ: Who holds the river bank?\n\n"
            "A: Everything from Raqqa city down to al-Karamah is with us.\n\nQ: Will you stay?\n\nA: Yes.\n")
    assert ("al-Karamah", "sdf") in holders(run(text, gazetteer))


def test_what_an_answer_states_is_the_interviewees_claim(gazetteer):
    ex = run("Syrian report\n\nThe Syrian army holds Khan Arnabah. We spoke with Abu Omar, "
             "a commander in the Free Syrian Army.\n\nQ: What do you see?\n\nA: The Syrian army holds Jasim now.\n\n"
             "Q: Will you stay?\n\nA: Yes, we will.\n", gazetteer)
    assert {(c.place_names[0], c.modality.value) for c in ex.claims if c.kind.value == "control"} == \
        {("Khan Arnabah", "reported"), ("Jasim", "claimed")}


def test_a_report_without_answers_states_what_it_says(gazetteer):
    ex = run("Syrian report\n\nThe Syrian army holds Jasim now.", gazetteer)
    assert [c.modality.value for c in ex.claims if c.kind.value == "control"] == ["reported"]


def test_a_title_labelled_interview_is_no_turn_of_it(reg):
    text = ("Interview: a Houla commander on the truce\n\nHOULA, Syria – We spoke with Abu Khaled, the military "
            "commander of the Houla sector in the opposition's joint operations room.\n\n" + _QA)
    found = _first_person_blocs(text, reg)
    assert [w for w, _ in found][-3:] == ["We", "our", "us"] and {b for _, b in found[-3:]} == {"opposition"}
