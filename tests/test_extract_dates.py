"""Dates in sentences, resolved against the publication date."""
from __future__ import annotations

import pytest

from geo.extract.dates import date_in, parse_iso


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("Jets struck Ariha on October 1, killing two.", "2021-10-05", "2021-10-01"),
    ("Jets struck Ariha on 1 October.", "2021-10-05", "2021-10-01"),
    ("The strike on December 30 hit Idlib.", "2022-01-03", "2021-12-30"),      # before publication: last year
    ("On September 29, 2021, the leaders met.", None, "2021-09-29"),
    ("In March 2020, Russia and Turkey agreed.", None, "2020-03"),
    ("In March, Russia and Turkey agreed.", "2021-10-05", "2021-03"),
    ("In November, the talks resumed.", "2021-10-05", "2020-11"),
    ("Shelling resumed on Tuesday.", "2021-10-07", "2021-10-05"),              # 2021-10-07 is a Thursday
    ("Shelling resumed on Thursday.", "2021-10-07", "2021-10-07"),
    ("Shelling resumed on Tuesday.", None, None),
    ("Government forces shelled Tafas.", "2021-10-07", None),
    ("The council may meet soon.", "2021-10-07", None),                          # "may" is not a month
    ("It happened on February 30.", "2021-10-07", None),                         # no such day
])
def test_date_in(sentence, published, expected):
    assert date_in(sentence, published) == expected


def test_parse_iso():
    assert parse_iso("2021-10-05").year == 2021
    assert parse_iso("not a date") is None and parse_iso(None) is None


def test_claims_carry_the_date_of_their_sentence(gazetteer):
    from geo.extract.pipeline import extract
    from geo.ingest import article_from_text

    text = "Russian jets struck Ariha on October 1.\n\nTurkish drones struck Kobani on Tuesday."
    ex = extract(article_from_text(text, "t.txt", date="2021-10-07"), gazetteer=gazetteer)
    dates = {c.place_names[0]: c.date for c in ex.claims if c.kind.value == "event"}
    assert dates == {"Ariha": "2021-10-01", "Kobani": "2021-10-05"}


@pytest.mark.parametrize("sentence, expected", [
    ("In the first days of December, as the regime collapsed, the valley changed hands.", "2024-12"),
    ("By the end of March the town had fallen.", "2025-03"),
    ("On Dec. 6, advisers began to pull out.", "2024-12-06"),
    ("The truce held until Sept. 12, 2019.", "2019-09-12"),
    ("Decimal points and Decembrist ideas are no dates.", None),
])
def test_month_phrases_and_wire_abbreviations(sentence, expected):
    assert date_in(sentence, "2025-03-12") == expected
