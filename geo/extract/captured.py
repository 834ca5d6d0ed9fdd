"""Control told by a capture: a place a report says was taken, and says nothing else about who holds, is the taker's.

"Rebels seized Kafr Nabudah on Tuesday" tells an analyst who holds Kafr Nabudah now, although no sentence says
"held by". The pass runs over the drafts of a whole article, after the sentence rules: it adds a control draft (cue
``captured``) for each place of a capture event that is told (not only possible), when

- no control draft of the article names the place (what the report says of its holder stands), and
- every capture of the place in the article names the same parties, and none of them hands it over or leaves it
  ("taken by X ... retaken by Y" says nothing settled), and
- the capture is told with a word of taking ("seized", "took", "fell to"), not of a move that may only pass through
  ("entered", "advanced") nor by a noun ("the capture of A"), nor as an aim ("set out to restore security to A") or
  a taking before the story ("had seized"), and
- its takers are named in its sentence or are the "they" of it (not a party remembered from an earlier sentence).
"""
from __future__ import annotations

import re

from geo.extract.locations import Loc
from geo.extract.sentence import Draft
from geo.model import Actor, EventType, Modality, PlaceType

__all__ = ["held_by_captors"]

# places a capture can take (or a part of, "the outskirts of A"): points on the map, not regions, roads or rivers
_TAKEN_TYPES = frozenset({PlaceType.CITY, PlaceType.TOWN, PlaceType.VILLAGE, PlaceType.NEIGHBOURHOOD, PlaceType.BASE,
                          PlaceType.AIRPORT, PlaceType.CROSSING, PlaceType.FIELD, PlaceType.DAM, PlaceType.STATION,
                          PlaceType.LANDMARK, PlaceType.CAMP})
# relative phrases that only say where the place taken lies ("Mheen, in the desert southeast of Homs")
_ONLY_WHERE = frozenset({"direction", "offset", "between", "countryside"})
# the words of a taking ("seized", "took over", "fell to", "liberated"), not of a move that may only pass ("entered",
# "advanced", "swept into")
_TAKING = re.compile(r"captur|seiz|\btook\b|\btaken?\b|\btakes\b|taking|takeover|retak|retook|liberat|regain|"
                     r"\bf[ae]ll(?:en)?\s+(?:in)?to\b|overr[au]n|wrest|control|restor|clear", re.I)
# a capture told by a noun ("prevented the capture of A", "a takeover of A") does not say it happened
_NOUN = re.compile(r"(?:re)?capture|seizure|take-?over|liberation[\"”]?(?:\s+of)?", re.I)
# "set out to restore security to A", "tried to take A": an aim; "the towns the regime had seized": held before
_TO_OR_HAD_BEFORE = re.compile(r"\b(?:to|had(?:\s+\w+)?)\s+$", re.I)
_IN = re.compile(r"\b(?:in|inside|within)\s+(?:the\s+)?$", re.I)
_TOWARDS = re.compile(r"\b(?:to|towards?|toward|into|as\s+far\s+as)\s+(?:the\s+)?$", re.I)


def _told_taking(d: Draft) -> bool:
    """Whether a capture draft tells a taking: a verb of taking, not a noun, an aim (an infinitive) or a taking
    before the story's time ("had seized")."""
    trigger = d.extra.get("trigger", "")
    start = d.extra.get("trigger_span", (d.sentence.start, 0))[0]
    return bool(_TAKING.search(trigger)) and not _NOUN.fullmatch(trigger) \
        and _TO_OR_HAD_BEFORE.search(d.sentence.text, 0, max(0, start - d.sentence.start)) is None


def _said_only_where(d: Draft, loc: Loc) -> bool:
    """Whether a place of the capture is not the place taken: where a move went ("swept from A, the city they
    captured, to B": B), a place told with "in", which may only say where the place taken lies ("A, across the
    provincial line in Idlib, which X seized": Idlib), or a place past a semicolon from the capture's words
    ("captured A and B; C stayed calm": C)."""
    before = d.sentence.text[:max(0, loc.start - d.sentence.start)]
    start, end = d.extra.get("trigger_span", (loc.start, loc.start))
    gap = (end, loc.start) if loc.start >= end else (loc.end, start)
    return _IN.search(before) is not None or _TOWARDS.search(before) is not None \
        or ";" in d.sentence.text[max(0, gap[0] - d.sentence.start):max(0, gap[1] - d.sentence.start)]


def _takers(d: Draft) -> list[Actor]:
    """The parties of a capture draft that took the place (not the ones it was taken from)."""
    lost = set(d.extra.get("target_blocs", ()))
    return [a for a in d.actors if a.bloc not in lost]


def held_by_captors(drafts: list[Draft]) -> list[Draft]:
    """The drafts, with a control draft for each place taken in a told capture that nothing else says is held.

    Parameters
    ----------
    drafts : list of Draft
        The drafts of one article, in the order of its sentences.

    Returns
    -------
    list of Draft
        ``drafts`` followed by the control drafts the captures tell.

    Examples
    --------
    >>> held_by_captors([])
    []
    """
    held = {loc.place.id for d in drafts if d.kind == "control" for loc in d.locs if loc.place is not None}
    takers: dict[str, set[frozenset[str]]] = {}
    left: dict[str, set[str]] = {}
    for d in drafts:
        if d.kind != "event" or d.event_type not in (EventType.CAPTURE, EventType.HANDOVER):
            continue
        for loc in d.locs:
            if loc.place is None:
                continue
            if d.event_type == EventType.CAPTURE:
                takers.setdefault(loc.place.id, set()).add(frozenset(a.bloc for a in _takers(d)))
            else:
                left.setdefault(loc.place.id, set()).update(a.bloc for a in d.actors)
    out = list(drafts)
    for d in drafts:
        if d.kind != "event" or d.event_type != EventType.CAPTURE or d.modality == Modality.POSSIBLE \
                or not d.extra.get("actors_told") or not _told_taking(d):
            continue
        taken_by = _takers(d)
        blocs = {a.bloc for a in taken_by}
        locs = [loc for loc in d.locs if loc.place is not None and loc.place.type in _TAKEN_TYPES
                and loc.kind not in _ONLY_WHERE and not _said_only_where(d, loc)
                and loc.place.id not in held and len(takers[loc.place.id]) == 1
                and not blocs & left.get(loc.place.id, set())]
        if locs and taken_by:
            out.append(Draft("control", d.sentence, locs, taken_by, d.modality, attribution=d.attribution,
                             extra={"cue": "captured"}))
            held.update(loc.place.id for loc in locs)
    return out
