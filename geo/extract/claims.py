"""Sentence-level claims: control, events, routes and exchanges.

Each sentence is read with three kinds of annotation already in place: the
locations (:mod:`geo.extract.locations`), the actor mentions
(:mod:`geo.extract.actors`) and the pattern cues (``gazetteer/patterns.yaml``).
The rules only combine them by position; each family has its module
(:mod:`~geo.extract.control`, :mod:`~geo.extract.events`,
:mod:`~geo.extract.movement`, :mod:`~geo.extract.exchanges`, sharing
:mod:`~geo.extract.sentence`), and :func:`read_sentence` runs them in turn:

* **control** — "X, which is held by A", "areas held by A, X and Y",
  "under A control in X", "A-held X", "A seized/holds/entered X";
* **events** — each event word takes the locations that follow it (or, with
  none, those of its sentence) and the actors before it, after "by"/"of", or
  the sentence's subject; with none it inherits the actors of the last event of
  the same type (e.g. "the patrols");
* **routes** — "from X ... to/ended in Y";
* **exchanges** — "A ... in exchange for B", "swap: A for B", with who gives
  and who gets each side where stated.

Modality: ``possible`` when a speculation, proposal or expectation cue is in
the sentence, else ``claimed`` when it is attributed ("said", "according
to"), else ``reported``.
"""
from __future__ import annotations

import re

from geo.extract.control import captures_held, note_occupier, passive_captures, read_control
from geo.extract.events import read_events
from geo.extract.exchanges import leg_receivers, read_exchange
from geo.extract.movement import FORCES, read_route
from geo.extract.locations import same_place
from geo.model import EventType, Modality
from geo.extract.sentence import (
    Draft,
    Memory,
    SentenceContext,
    attribution_of,
    both_told_before,
    subject_of,
    unique_actors,
)

__all__ = ["Draft", "SentenceContext", "read_sentence", "Memory"]


def read_sentence(ctx: SentenceContext, memory: Memory) -> list[Draft]:
    """All drafts of one sentence."""
    attribution_of(ctx)   # every sentence names its speaker, for a later "He said", claim or not
    note_occupier(ctx, memory)
    if _is_heading(ctx):   # "Islamic State. On 16 January an IED struck an SDF vehicle": the section's party
        heading = unique_actors([a.actor for a in ctx.actors])
        memory.last_actors = {etype: heading for etype in EventType}
    events = read_events(ctx, memory)
    _complete_pending(ctx, memory)
    drafts = events
    if ctx.locs:   # control, moves and swaps all need a place of the sentence
        routes = read_route(ctx, memory)
        controls = read_control(ctx) + passive_captures(ctx, events)
        drafts = controls + captures_held(ctx, events, controls) + events + _arrivals(routes, events) + routes + \
            read_exchange(ctx, memory)
    elif both_told_before(ctx):   # "Both were taken by government forces": the places of the sentence before
        drafts = read_control(ctx) + events
    _note_holders(drafts, memory)
    memory.previous = ctx
    named = subject_of(ctx, named=True)
    memory.subject = (named, 0) if named else (memory.subject[0], memory.subject[1] + 1)
    return drafts


_HEADING_REST = re.compile(r"[\s.:–—-]*(?:the\s+)?", re.I)
_HEADING_JOIN = re.compile(r"\s*(?:,|and|&)\s*")   # "Turkey and the SNA."


def _is_heading(ctx: SentenceContext) -> bool:
    """A sentence that is only a party's name ("Islamic State.", "Turkish forces:"), as the lead-in of a security
    update's section is."""
    if not ctx.actors or any(a.adjective for a in ctx.actors):
        return False
    cursor = ctx.sentence.start
    for a in sorted(ctx.actors, key=lambda a: a.start):
        if not _HEADING_REST.fullmatch(ctx.text, cursor, a.start) and not _HEADING_JOIN.fullmatch(ctx.text, cursor,
                                                                                                  a.start):
            return False
        cursor = a.end
    return bool(_HEADING_REST.fullmatch(ctx.text, cursor, ctx.sentence.end)) and not any(
        rx.search(ctx.sentence.text) for rx in ctx.patterns.events.values())   # not "Russian air strikes"


_NOT_ARRIVALS = frozenset({EventType.HANDOVER, EventType.AGREEMENT, EventType.BUILDUP, EventType.PATROL})
# a force that moves: the route words of FORCES and these (not buses of evacuees, people who fled, a trade)
_MORE_FORCES = re.compile(r"\b(?:soldiers|militiamen|militias|forces|pick-?ups?|brigades?|battalions?)\b", re.I)
_NO_FORCE = re.compile(r"\b(?:bus|buses|bussed|evacu\w*|fled|flee\w*|displaced|families|civilians|refugees|"
                       r"trade|swap|deal|withdr\w*|retreat\w*|pulled|escorted|fell\s+back|falling\s+back|aid|"
                       r"humanitarian|relief)\b", re.I)


def _arrivals(routes: list[Draft], events: list[Draft]) -> list[Draft]:
    """ "Militiamen were moved from Damascus to al-Sanamayn": a force that moves to a place builds up there,
    unless the sentence tells another event there ("moved from A into B and took it", "fired rockets from A towards
    B", "continue its operations toward B") or the move is an evacuation, a withdrawal, a deal or a patrol. A force
    moved to B "to take part in the attack" builds up at B all the same."""
    text = routes[0].sentence.text if routes else ""   # every route of a sentence is told by that sentence
    if not (FORCES.search(text) or _MORE_FORCES.search(text)) or _NO_FORCE.search(text) \
            or any(e.event_type in _NOT_ARRIVALS for e in events):
        return []
    out = []
    for r in routes:
        dest = r.locs[-1]
        if r.actors and r.event_type is None and not any(same_place(dest, loc) for e in events
                                                          if e.event_type != EventType.ATTACK for loc in e.locs):
            out.append(Draft("event", r.sentence, [dest], r.actors, r.modality, EventType.BUILDUP, r.attribution))
    return out


def _note_holders(drafts: list[Draft], memory: Memory) -> None:
    """Remember who the report says holds each place, for fire later said to come from it."""
    for draft in drafts:
        if draft.kind == "control" and draft.modality != Modality.POSSIBLE and draft.actors:
            for loc in draft.locs:
                if loc.place is not None:
                    memory.holders[loc.place.id] = draft.actors


def _complete_pending(ctx: SentenceContext, memory: Memory) -> None:
    """ "... a deal trading A for B. Under it, government forces would enter A, while Turkey would take
    B.": the sentence after a swap may tell who receives each place."""
    for draft in memory.pending:
        for leg, key in zip(draft.locs, ("a_to", "b_to")):
            if not draft.extra[key]:
                draft.extra[key] = leg_receivers(ctx, leg.place)
        for leg, key, other in zip(draft.locs, ("a_from", "b_from"), ("b_to", "a_to")):
            if not draft.extra[key] and draft.extra[other]:
                draft.extra[key] = draft.extra[other]   # two parties: each gives what the other receives
        draft.actors = unique_actors(draft.extra["a_from"] + draft.extra["a_to"] + draft.extra["b_from"] + draft.extra["b_to"])
    memory.pending = []

