"""geo.extract.captured through extract(): a place told taken, and held by no one else the report names, is the
taker's."""
from __future__ import annotations

import pytest

from _extract_helpers import claims, holders, run
from geo.export import features


def test_a_place_only_told_taken_is_held_by_its_taker(gazetteer):
    ex = run("HAMA, Syria – HTS-led factions consolidated their control on Monday over Khan Sheikhoun.", gazetteer)
    assert holders(ex) == {("Khan Sheikhoun", "hts")}
    (held,) = [f for f in features([ex]) if f["properties"]["kind"] == "control"]
    assert held["properties"]["grounds"] == "captured"


@pytest.mark.parametrize("text", [
    # taken by one side and then by the other: nothing settled
    "HAMA, Syria – HTS-led factions consolidated their control on Monday over Khan Sheikhoun. On Friday "
    "Russian-backed troops consolidated their control over Khan Sheikhoun.",
    # taken, then left by the taker
    "HAMA, Syria – HTS-led factions consolidated their control on Monday over Khan Sheikhoun. On Friday HTS fighters "
    "withdrew from Khan Sheikhoun.",
    # only possible
    "HAMA, Syria – HTS-led factions could consolidate their control over Khan Sheikhoun within days.",
])
def test_an_unsettled_or_possible_capture_holds_nothing(gazetteer, text):
    ex = run(text, gazetteer)
    assert not any(c.details.get("cue") == "captured" for c in claims(ex, "control"))


def test_a_move_that_only_passes_is_no_taking(gazetteer):
    ex = run("HASAKAH, Syria – A Turkish patrol entered from the border near Darbasiyah and drove east toward Amuda.",
             gazetteer)
    assert not any(c.details.get("cue") == "captured" for c in claims(ex, "control"))


def test_a_stated_holder_stands_over_a_capture(gazetteer):
    ex = run("HAMA, Syria – HTS-led factions consolidated their control on Monday over Khan Sheikhoun. Khan Sheikhoun "
             "is held by the Syrian army, state media said.", gazetteer)
    assert not any(c.details.get("cue") == "captured" for c in claims(ex, "control"))
