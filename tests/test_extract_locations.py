"""geo.extract.locations: back-references such as "the town"."""
from __future__ import annotations

from _extract_helpers import events_of, run


def test_the_town_is_not_one_named_in_a_closed_aside(gazetteer):
    ex = run("Syrian army seizes Busra al-Harir. Troops of the Tiger Forces, who led the offensive from the army's "
             "stronghold of Izra, entered the town at dawn.", gazetteer)
    assert {c.place_names[0] for c in events_of(ex, "capture")} == {"Busra al-Harir"}


def test_the_town_is_the_last_town_named_when_no_aside_closed(gazetteer):
    ex = run("Syrian army seizes Busra al-Harir. Troops who came from Izra entered the town at dawn.", gazetteer)
    entered = [c for c in events_of(ex, "capture") if c.evidence.startswith("Troops")]
    assert [c.place_names for c in entered] == [("Izra",)]
