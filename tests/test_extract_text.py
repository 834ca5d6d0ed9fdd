"""geo.extract.text.sentences: spans, abbreviations, line breaks."""
from __future__ import annotations

import pytest

from geo.extract.text import sentences


def _check_spans(text):
    out = sentences(text)
    for s in out:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.text
    assert [s.index for s in out] == list(range(len(out)))
    return out


def test_two_sentences_spans_point_into_text():
    text = "Jets hit Idlib at dawn. Residents fled north."
    out = _check_spans(text)
    assert [s.text for s in out] == ["Jets hit Idlib at dawn.", "Residents fled north."]


@pytest.mark.parametrize("text", [
    "Gen. Ahmed visited the front near Afrin on Monday.",
    "The U.S. envoy met officials in Hasakah.",
    "Lt. Col. Rami arrived in Qamishli.",
    "The U.N. convoy reached Atarib.",
])
def test_abbreviations_do_not_split(text):
    out = _check_spans(text)
    assert len(out) == 1
    assert out[0].text == text


def test_abbreviation_then_real_break():
    text = "Troops of the U.S. withdrew. Turkish forces advanced."
    out = _check_spans(text)
    assert [s.text for s in out] == ["Troops of the U.S. withdrew.", "Turkish forces advanced."]


def test_newline_splits_even_without_full_stop():
    text = "Clashes in Manbij\nShelling near Kobani"
    out = _check_spans(text)
    assert [s.text for s in out] == ["Clashes in Manbij", "Shelling near Kobani"]


def test_blank_line_splits_and_leading_space_is_trimmed():
    text = "  Headline about Raqqa  \n\n   Body text about Tabqa."
    out = _check_spans(text)
    assert [s.text for s in out] == ["Headline about Raqqa", "Body text about Tabqa."]


def test_lowercase_after_full_stop_does_not_split():
    # the break needs a capital (or digit / Arabic letter) after the space
    out = _check_spans("It rained on the 3 p.m. convoy near Saraqib.")
    assert len(out) == 1


def test_question_and_exclamation_split():
    out = _check_spans("Will they attack? Nobody knows! The town waits.")
    assert len(out) == 3


def test_arabic_after_full_stop_splits():
    out = _check_spans("Jets hit Idlib. قصفت الطائرات منبج")
    assert len(out) == 2


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n"])
def test_blank_gives_no_sentences(text):
    assert sentences(text) == []


def test_no_sentence_end_is_one_sentence():
    text = "shelling continued all night across the countryside of the province"
    out = _check_spans(text)
    assert len(out) == 1 and out[0].start == 0 and out[0].end == len(text)


def test_a_month_abbreviation_before_a_day_ends_no_sentence():
    assert [s.text for s in sentences("On Dec. 6, the militias left. They went home in Dec. Then it ended.")] == \
        ["On Dec. 6, the militias left.", "They went home in Dec.", "Then it ended."]
