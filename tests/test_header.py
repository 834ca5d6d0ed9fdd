"""geo.header: the dateline's place, the outlet and the publication date of a report's head."""
from __future__ import annotations

import pytest

from geo.header import Header, normalise_date, read_header
from geo.ingest import article_from_text


@pytest.mark.parametrize(("line", "expected"), [
    ("Syria TV – Latakia, Saturday, 8 March 2025", Header("Latakia", "Syria TV", "2025-03-08")),
    ("Enab Baladi – Afrin countryside, Wednesday, 15 February 2023",
     Header("Afrin countryside", "Enab Baladi", "2023-02-15")),
    ("Idlib, SANA – 3 March 2020", Header("Idlib", "SANA", "2020-03-03")),
    ("QAMISHLO – 23 November 2022 – ANHA", Header("QAMISHLO", "ANHA", "2022-11-23")),
    ("ERBIL, Kurdistan Region – 2 December 2022 – Rudaw", Header("ERBIL, Kurdistan Region", "Rudaw", "2022-12-02")),
    ("Idlib province, June 14, 2022 (SOHR)", Header("Idlib province", "SOHR", "2022-06-14")),
    ("ANKARA, July 28, 2022", Header("ANKARA", "", "2022-07-28")),
    ("SOHR – December 8, 2024", Header("", "SOHR", "2024-12-08")),
    ("The New Arab – Daraa, Wednesday, 27 January 2021", Header("Daraa", "The New Arab", "2021-01-27")),
    ("Enab Baladi – Suwayda", Header("Suwayda", "Enab Baladi", None)),
    ("Middle East Eye | 14 April 2025", Header("", "Middle East Eye", "2025-04-14")),
    ("Deir ez-Zor 24 | 5 September 2023", Header("", "Deir ez-Zor 24", "2023-09-05")),
    ("Al-Monitor, November 29, 2025", Header("", "Al-Monitor", "2025-11-29")),   # "Mon..." is no weekday here
    ("The National - July 21, 2018", Header("", "The National", "2018-07-21")),
    ("December 12, 2020", Header("", "", "2020-12-12")),
    ("Monday, June 7, 2022", Header("", "", "2022-06-07")),
])
def test_a_head_line_of_its_own(line, expected):
    assert read_header(f"Title\n\n{line}\n\nThe town was calm on Monday.", "Title") == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("BEIRUT, Dec. 11, 2024 (AP) - The SDF handed the city over.", Header("BEIRUT", "AP", "2024-12-11")),
    ("MOSCOW, November 19, 2019. /TASS/. Units of the Russian military police patrolled.",
     Header("MOSCOW", "TASS", "2019-11-19")),
    ("BEIRUT/ANKARA, Feb 20, 2018 (Reuters) - Forces entered Afrin.", Header("BEIRUT/ANKARA", "Reuters", "2018-02-20")),
    ("BEIRUT, Oct 5 (Reuters) - Jets struck.", Header("BEIRUT", "Reuters", None)),   # no year: no date
    ("IDLIB, Syria (North Press) – Russian jets struck.", Header("IDLIB, Syria", "North Press", None)),
    ("SOHR – The Internal Security Forces raided the camp.", Header("", "SOHR", None)),
    # the outlet after a comma
    ("HOMS, SANA – The General Command issued a statement.", Header("HOMS", "SANA", None)),
    ("DARAA, Syria – Buses left the town.", Header("DARAA, Syria", "", None)),   # a country is no outlet
    # the date after the separator, or among the words in parentheses
    ("DOUMA, Syria – February 12, 2025 – Two months after the fall, the Ghouta is calm.",
     Header("DOUMA, Syria", "", "2025-02-12")),
    ("HAREM, Syria – 22 March 2025. Three months after the fall, the strip is calm.",
     Header("HAREM, Syria", "", "2025-03-22")),
    ("DAMASCUS, Syria (analysis, May 12, 2025) – Five months after the fall, the south is calm.",
     Header("DAMASCUS, Syria", "", "2025-05-12")),
    ("Latakia province, March 7, 2025 – Clashes continued for a second day.", Header("", "", "2025-03-07")),
])
def test_a_dateline_opening_the_first_paragraph(paragraph, expected):
    assert read_header(f"Title\n{paragraph}", "Title") == expected


@pytest.mark.parametrize("paragraph", [
    "On 5 March 2020 jets struck Idlib.",          # a date in a sentence is not the report's
    "Reinforcements from Latakia and Homs",        # a sub-heading
    "Local committees in exchange for weapons",
    "Russian warplanes struck Ariha on March 3, 2020, killing two.",
    "The army, which had held Ariha until March 3, 2020, pulled out.",   # past a verb: a date of the story
])
def test_no_head_in_body_text(paragraph):
    assert read_header(f"Title\n\n{paragraph}\n\nMore text.", "Title") == Header()


def test_the_head_dates_a_report_that_gives_no_date():
    text = "Title\n\nSyria TV – Latakia, Saturday, 8 March 2025\n\nConvoys arrived in Jableh."
    assert article_from_text(text, "a.txt").date == "2025-03-08"
    assert article_from_text(text, "a.txt", default_date="2020-01-01").date == "2025-03-08"
    assert article_from_text(text, "a.txt", date="2025-03-09").date == "2025-03-09"   # the record's own date wins


def test_the_default_date_serves_an_undated_head():
    text = "Title\nIDLIB, Syria (North Press) – Jets struck."
    assert article_from_text(text, "a.txt", default_date="2021-10-05").date == "2021-10-05"
    assert article_from_text(text, "a.txt").date is None


@pytest.mark.parametrize(("given", "iso"), [
    ("Dec. 11, 2024", "2024-12-11"), ("Saturday, 8 March 2025", "2025-03-08"), ("March 2025", None), ("", None),
])
def test_normalise_date(given, iso):
    assert normalise_date(given) == iso


@pytest.mark.parametrize("head,date", [
    ("Translated from Arabic. Originally published by a Syrian local news site, April 14, 2025.", "2025-04-14"),
    ("[Translated from Arabic. First published on 22 December 2020 by an opposition news website.]", "2020-12-22"),
    ("Translated from the Arabic original, published by a Syrian news website on 14 December 2024.", "2024-12-14"),
    ("Published 20 January 2019", "2019-01-20"),
])
def test_a_note_of_when_the_original_was_published_dates_the_report(head, date):
    assert read_header(f"Title\n\n{head}\n\nTartus – Special correspondent\n\nA convoy left.", "Title") \
        == Header(date=date)


@pytest.mark.parametrize("head", [
    "The report says the deal was published on 3 May 2019 in full.",   # a sentence of the report, not a note
    "Translated from Arabic. Originally published by a Syrian local news site.",   # no date
])
def test_a_date_published_in_a_sentence_or_no_date_dates_nothing(head):
    assert read_header(f"Title\n\n{head}\n\nA convoy left.", "Title").date is None
