"""Sentence-level claims: control, events, routes and exchanges.

Each sentence is read with three kinds of annotation already in place: the
locations (:mod:`geo.extract.locations`), the actor mentions
(:mod:`geo.extract.actors`) and the pattern cues (``gazetteer/patterns.yaml``).
The rules here only combine them by position:

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
from dataclasses import dataclass, field
from functools import lru_cache

from geo.extract.actors import ActorMention
from geo.extract.locations import Loc, chain, plain
from geo.extract.patterns import Patterns
from geo.extract.text import Sentence
from geo.model import Actor, EventType, Modality, Place, PlaceType

__all__ = ["Draft", "SentenceContext", "read_sentence", "Memory"]


@dataclass
class Draft:
    """A claim before export: kind, where, who, and the evidence."""

    kind: str
    sentence: Sentence
    locs: list[Loc]
    actors: list[Actor]
    modality: Modality
    event_type: EventType | None = None
    attribution: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class Memory:
    """What earlier sentences established: the actors of the last event of each type, the last
    speaker, and the sentence before (an exchange's first leg may stand there)."""

    last_actors: dict[EventType, list[Actor]] = field(default_factory=dict)
    last_speaker: str = ""
    previous: "SentenceContext | None" = None
    pending: list["Draft"] = field(default_factory=list)   # exchanges whose receivers a later sentence may tell
    last_movers: list[Actor] = field(default_factory=list)   # who made the last move told
    departure: "Loc | None" = None   # where a sentence just before said a move started, with no end
    departure_age: int = 0


@dataclass
class SentenceContext:
    """One sentence with its annotations."""

    text: str
    sentence: Sentence
    locs: list[Loc]
    actors: list[ActorMention]
    patterns: Patterns
    memory: Memory | None = None
    attribution: str | None = None
    cues: dict = field(default_factory=dict)   # "possible": where its cues start; "claimed": whether any

    def rel(self, pos: int) -> int:
        return pos - self.sentence.start

    def modality(self, at: int | None = None) -> Modality:
        """possible > claimed > reported, by the cues found in the sentence.

        With ``at`` (an offset in the sentence), a noun cue ("the proposal") only
        counts in the clause that holds ``at``, and a verb or modal cue ("may", "does
        not rule out", "expects") only before the end of that clause: "X is held by Y,
        and Z said it would not withdraw" states the control. "said" and "according
        to" count for the whole sentence. Cues are searched once per sentence.
        """
        if not self.cues:
            mod = self.patterns.modality
            self.cues["possible"] = [m.start() for m in mod["possible"].finditer(self.sentence.text)]
            self.cues["claimed"] = bool(mod["claimed"].search(self.sentence.text))
        if self.cues["possible"] and (at is None or self.cues["possible"][0] < _clause_end(self.sentence.text, at)):
            return Modality.POSSIBLE
        local = self.patterns.modality.get("possible_local")
        if local is not None and local.search(_clause_at(self.sentence.text, at)):
            return Modality.POSSIBLE
        return Modality.CLAIMED if self.cues["claimed"] else Modality.REPORTED


def _uniq(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


_CLAUSE = re.compile(r",\s|;\s|\s(?:after|while|although|whereas|but|when|before|as)\s", re.I)


def _clause_end(text: str, at: int) -> int:
    return next((m.start() for m in _CLAUSE.finditer(text) if m.start() >= at), len(text))


def _clause_at(text: str, at: int | None) -> str:
    if at is None:
        return text
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text)]
    for start, end in zip(bounds, bounds[1:]):
        if start <= at < end:
            return text[start:end]
    return text


def _clause_start(ctx: SentenceContext, pos: int) -> int:
    """Where the clause holding ``pos`` starts ("..., after the factions attempted to advance")."""
    starts = [ctx.sentence.start + m.end() for m in _CLAUSE.finditer(ctx.sentence.text)
              if ctx.sentence.start + m.end() <= pos]
    return max(starts, default=ctx.sentence.start)


_SPEECH = (r"said|says|told|stressed|announced|claimed|revealed|believed|believes|indicated|added|"
           r"pointed\s+out|noted|confirmed|warned|expressed")
_ACCORDING = re.compile(r"according to\s+((?:the\s+)?[^,.;“\"]{3,60})", re.I)
_SPEAKER = re.compile(r"((?:[A-Z][\w’'-]+\s*){1,4}|(?:the|a)\s+[\w\s]{3,40}?)(?:,[^,.;]{2,80},)?\s+(?:" + _SPEECH + r")\b")
_PRONOUN = frozenset({"he", "she", "they", "it"})


def attribution_of(ctx: SentenceContext) -> str:
    """Who the sentence attributes its statement to (a name before "said", or after
    "according to"); "He said" stands for the last speaker named before."""
    if ctx.attribution is None:
        s = ctx.sentence.text
        m = _ACCORDING.search(s) or _SPEAKER.search(s)
        found = m.group(1).strip() if m else ""
        if found.casefold() in _PRONOUN:
            found = ctx.memory.last_speaker if ctx.memory else ""
        elif found and ctx.memory is not None:
            ctx.memory.last_speaker = found
        ctx.attribution = found
    return ctx.attribution


# -- actors ---------------------------------------------------------------------

# What may stand between coordinated actors: "X and Y", "X, Y", "X (Y)", "X together with Y", "X with Y";
# not ", with Y deployed" (a clause of its own) nor ", while Y".
_COORDINATION = re.compile(r"\s*\)?\s*(?:,|,?\s*and|\(|,?\s*(?:together|along)\s+with|,?\s*as\s+well\s+as|with)"
                           r"\s*(?:the\s+)?", re.I)


def _actor_list_after(ctx: SentenceContext, pos: int, max_gap: int = 24) -> list[ActorMention]:
    """The coordinated actors starting right after ``pos`` ("by X and Y", "of the X and Y")."""
    out: list[ActorMention] = []
    cursor = pos
    for a in ctx.actors:
        if a.end <= cursor or a.start < cursor - 4:
            continue
        gap = ctx.text[cursor:a.start] if a.start >= cursor else ""
        if len(gap) > (max_gap if not out else 24) or re.search(r"[.;:]", gap):
            break
        if out and not _COORDINATION.fullmatch(gap):
            break
        if out and re.fullmatch(r"\s*,\s*(?:the\s+)?", gap) and not re.match(r"\s*(?:,|and\b|\))", ctx.text[a.end:a.end + 6]):
            break   # "to the Russians, Turkey would leave": a new clause, not a list
        out.append(a)
        cursor = a.end
    return out


def _control_actor_spans(ctx: SentenceContext) -> list[tuple[int, int]]:
    """Actor mentions used to say who controls a place (not who acts)."""
    spans = []
    for m in re.finditer(r"\bunder\s+(?:the\s+)?", ctx.sentence.text, re.I):
        for a in _actor_list_after(ctx, ctx.sentence.start + m.end()):
            if re.match(r"\s*(?:['’]s\s+)?control", ctx.text[a.end:a.end + 15], re.I):
                spans.append((a.start, a.end))
    for m in ctx.patterns.control["place_then_actor"].finditer(ctx.sentence.text):
        spans += [(a.start, a.end) for a in _actor_list_after(ctx, ctx.sentence.start + m.end())]
    for a in ctx.actors:
        if re.match(ctx.patterns.control["actor_then_place"].pattern, ctx.text[a.end:a.end + 14], re.I):
            spans.append((a.start, a.end))
    return spans


def _speaker(ctx: SentenceContext, a: ActorMention) -> bool:
    return bool(re.match(r"\s*(?:\w+\s+){0,2}?(?:said|told|announced|stressed|claimed|warned|urged|called)\b",
                         ctx.text[a.end:a.end + 40]))


def _subject(ctx: SentenceContext, usable: list[ActorMention]) -> list[ActorMention]:
    """The sentence's first actor and those coordinated with it ("Russia and Turkey")."""
    if not usable:
        return []
    first = usable[0]
    return [first] + [a for a in _actor_list_after(ctx, first.end) if a in usable]


# -- events -----------------------------------------------------------------------

@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    type: EventType


def _triggers(ctx: SentenceContext) -> list[_Trigger]:
    found: list[_Trigger] = []
    for etype, rx in ctx.patterns.events.items():
        for m in rx.finditer(ctx.sentence.text):
            s, e = ctx.sentence.start + m.start(), ctx.sentence.start + m.end()
            if ctx.patterns.event_stop_after.match(ctx.text[e:e + 15].lstrip()):
                continue
            found.append(_Trigger(s, e, etype))
    found = [t for t in found if not _object_noun(ctx, t)]
    found = [t for t in found if not _movement_not_capture(ctx, t, found)]
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[_Trigger] = []
    for t in found:
        if out and t.start < out[-1].end:
            continue
        if out and out[-1].type == t.type and _SAME_EVENT.fullmatch(ctx.text[out[-1].end:t.start]):
            continue
        out.append(t)
    return out


# Between two words for one event: "air strikes and shelling", "shelling, rocket fire", "the attack, an ambush".
_SAME_EVENT = re.compile(r"[\s,/()-]*(?:(?:and|or|as\s+well\s+as|with|of|and\s+then)\s+)?(?:(?:an?|the|heavy|intense|"
                         r"renewed|further)\s+)?[\s,]*", re.I)
_OBJECT_BEFORE = re.compile(r"\b(?:on|at|against|targeting|targeted|hit|struck|attacked)\s+(?:a|an|the|two|several)?\s*(?:\w+\s+)?$",
                            re.I)


def _object_noun(ctx: SentenceContext, t: _Trigger) -> bool:
    """A build-up noun that is the target of another act ("airstrikes on a convoy")."""
    return t.type == EventType.BUILDUP and bool(_OBJECT_BEFORE.search(ctx.text[max(0, t.start - 30):t.start]))


_ORIGIN_IS_NOT_PLACE = frozenset({EventType.STRIKE, EventType.BUILDUP, EventType.ATTACK, EventType.CLASH})
_ORIGIN = re.compile(r"\b(?:from\s+(?:the\s+|their\s+|its\s+)?(?:(?:positions?|bases?|posts?)\s+)?(?:(?:in|at|near)\s+)?"
                     r"|(?:left|leaving|departed|departing)\s+)(?:the\s+)?(?:(?:al|el|ad|ar|as|ash|at|az|an)[-\s])?$", re.I)


_FIRING_POSITION = re.compile(r"\b(?:positioned|stationed|based|deployed|entrenched)\s+(?:in|at|near|on)\s+(?:the\s+)?"
                              r"(?:(?:vicinity|outskirts|town|village|city|area)\s+of\s+(?:the\s+)?)?"
                              r"(?:(?:al|el|ad|ar|as|ash|at|az|an)[-\s])?$", re.I)
_VENUE = re.compile(r"\b(?:said|told|announced|stated|reported|added)\s+(?:\w+\s+)?(?:in|from)\s+$", re.I)


def _whole_country(loc: Loc) -> bool:
    return loc.place is not None and loc.place.type == PlaceType.COUNTRY and loc.kind == "place"


def _movement_not_capture(ctx: SentenceContext, t: "_Trigger", found: list["_Trigger"]) -> bool:
    """ "a convoy entered Syria": a build-up moving, not a capture."""
    return t.type == EventType.CAPTURE and any(
        o.type == EventType.BUILDUP and 0 <= t.start - o.end <= 90
        and not re.search(r"[.;]|\b(?:while|but|after|before)\b", ctx.text[o.end:t.start]) for o in found)


def _event_locs(ctx: SentenceContext, trig: _Trigger, triggers: list[_Trigger],
                attributed: list[tuple[int, int]]) -> list[Loc]:
    usable = [loc for loc in ctx.locs if not loc.locator and loc.located
              and not _inside(loc.start, loc.end, attributed)]
    if trig.type in _ORIGIN_IS_NOT_PLACE:   # "reinforcements arrived from Damascus", "shelled X from al-Bab"
        usable = [loc for loc in usable if not _ORIGIN.search(ctx.text[max(0, loc.start - 40):loc.start])]
    if trig.type == EventType.STRIKE:       # "artillery positioned in X shelled Y": X fires, Y is hit
        usable = [loc for loc in usable if not _FIRING_POSITION.search(ctx.text[max(0, loc.start - 45):loc.start])]
    usable = [loc for loc in usable if not _VENUE.search(ctx.text[max(0, loc.start - 30):loc.start])]
    if any(not _whole_country(loc) for loc in usable):   # "entered Syria through X": X, not Syria
        usable = [loc for loc in usable if not _whole_country(loc)]
    if trig.type in (EventType.CAPTURE, EventType.HANDOVER, EventType.STRIKE) and \
            re.match(r"\s+(?:it|them)\b", ctx.text[trig.end:trig.end + 6]):   # "after government forces regained it"
        named = [loc for loc in usable if loc.end <= trig.start and loc.precision == 1 and loc.kind == "place"]
        return named[-1:] if named else []
    later = [t for t in triggers if t.start > trig.start]
    nxt = later[0].start if later else ctx.sentence.end
    if later and later[0].start - trig.end <= 20:   # "repelled an attack near X": both words are about X
        nxt = later[1].start if len(later) > 1 else ctx.sentence.end
    after = [loc for loc in usable if trig.end <= loc.start < nxt]
    if after:
        return _drop_containers(ctx.text, after)
    before = [loc for loc in usable if loc.end <= trig.start]
    prev = max((t.end for t in triggers if t.end <= trig.start), default=ctx.sentence.start)
    own = [loc for loc in before if loc.start >= prev]
    return [loc for loc in chain(ctx.text, ctx.locs, own[-1]) if loc in own] if own else []   # "X and Y"


def _drop_containers(text: str, locs: list[Loc]) -> list[Loc]:
    """ "near Shaddadi in Hasakah province": the province only says where Shaddadi is."""
    out = [locs[0]]
    for prev, loc in zip(locs, locs[1:]):
        if not (prev.precision < loc.precision and re.fullmatch(r"\s+(?:in|of)\s+(?:the\s+)?", text[prev.end:loc.start])):
            out.append(loc)
    return out


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


_ATTRIBUTION = re.compile(
    r"\b(?:sources?|activists|residents|officials?|spokes(?:person|man|woman)|commander|correspondents?)\b"
    r"[^.;“\"]*?\b(?:said|says|told|stressed|reported|confirmed|revealed|announced|added)\b", re.I)
_AFFILIATION = re.compile(
    r"\s*(?:(?:by|of|from|with|against)\s+"
    r"|(?:(?:broke\s+out|erupted|raged|took\s+place)\s+(?:(?:on|in|at|late|early|overnight|last|this)\s+"
    r"(?:[\w-]+\s+){0,3}?)?)?between\s+"
    r"|(?:[\w-]+\s+){0,3}?(?:by|affiliated\s+with|belonging\s+to|loyal\s+to|backed\s+by|"
    r"(?:negotiated|brokered|mediated|reached|signed|struck|agreed)\s+with)\s+)",
    re.I)


_CLASH_WITH = re.compile(r"\s*(?:[\w-]+\s+){0,4}?(?:with|against)\s+(?:an?\s+|the\s+)?", re.I)


def _attributed_spans(ctx: SentenceContext) -> list[tuple[int, int]]:
    """Spans that say who reports (sources of X in Y said): not where or who acts."""
    return [(ctx.sentence.start + m.start(), ctx.sentence.start + m.end())
            for m in _ATTRIBUTION.finditer(ctx.sentence.text)]


def _adjacent_group(ctx: SentenceContext, before: list[ActorMention], pos: int) -> list[ActorMention]:
    """Actors right before ``pos`` and those chained to them ("Russian-Turkish patrol",
    "Russian and Turkish forces")."""
    group: list[ActorMention] = []
    cursor = pos
    for a in reversed(before):
        gap = ctx.text[a.end:cursor]
        if len(gap) > 2 and not (group and re.fullmatch(r"\s*(?:-|/|and|,)\s*(?:the\s+)?", gap, re.I)):
            break
        group.insert(0, a)
        cursor = a.start
    return group


def _event_actors(ctx: SentenceContext, trig: _Trigger, triggers: list[_Trigger],
                  excluded: list[tuple[int, int]], attributed: list[tuple[int, int]]) -> list[Actor]:
    if trig.type == EventType.CAPTURE:   # "X was recaptured by Y": Y holds X and took it
        excluded = []
    usable = [a for a in ctx.actors if (a.start, a.end) not in excluded and not _inside(a.start, a.end, attributed)]
    prev = max((t.end for t in triggers if t.end <= trig.start), default=ctx.sentence.start)
    prev = max(prev, _clause_start(ctx, trig.start))
    before = [a for a in usable if prev <= a.start and a.end <= trig.start]
    overlapping = [a for a in usable if a.start < trig.start < a.end]   # "Russian military" + "military action"
    adjacent = overlapping or _adjacent_group(ctx, before, trig.start)
    m = _AFFILIATION.match(ctx.text[trig.end:trig.end + 60])
    if trig.type == EventType.CLASH and (not m or not _actor_list_after(ctx, trig.end + m.end())):
        m = _CLASH_WITH.match(ctx.text[trig.end:trig.end + 60]) or m   # "clashed for hours with a patrol"
    if m and trig.type != EventType.CLASH and re.match(r"\s*against\b", m.group(), re.I):
        m = None   # "an offensive against IS": IS is the target; only a clash has it as a side
    after = [a for a in _actor_list_after(ctx, trig.end + m.end())] if m else []
    after = [a for a in after if a in usable]
    if trig.type == EventType.CLASH and after and not adjacent:   # "X fought clashes against Y": both sides
        adjacent = [a for a in before if not _speaker(ctx, a)]
    found = adjacent + after
    if re.search(r"\b(?:its|their)\s+(?:(?:fighters|forces|troops|units|members|militants)\s+)?(?:\w+\s+)?$",
                 ctx.text[max(ctx.sentence.start, trig.start - 40):trig.start], re.I):   # "kept up their offensive"
        found = _subject(ctx, usable)[:1] + found
    if not found:
        found = [a for a in before if not _speaker(ctx, a)] or before
    if not found:   # "while Turkish artillery deployed near X shelled Y": the clause's own actor
        clause = _clause_start(ctx, trig.start)
        own = [a for a in usable if clause <= a.start and a.end <= trig.start and not _speaker(ctx, a)]
        found = _adjacent_group(ctx, own, own[-1].end) if own else []
    if not found:
        found = [a for a in _subject(ctx, usable) if a.start < trig.start]
    if not found and trig.type == EventType.AGREEMENT:   # "a truce ..., under which the patrol pulled back"
        found = [a for a in usable if not _speaker(ctx, a) and not a.adjective]
    return _uniq([a.actor for a in found])


_REFERENCE = re.compile(r"\b(?:violat\w*|breach\w*|under(?!\s+an?\s)|in\s+line\s+with|in\s+accordance\s+with|terms\s+of|"
                        r"according\s+to|since|following|despite|previous|existing|earlier|prior|former|"
                        r"commitment\s+to|abide\s+by|adhere\s+to)\s+(?:the\s+|this\s+|that\s+|a\s+)?"
                        r"(?:[\w-]+\s+){0,3}$", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no|n['’]t)\s+(?:\w+\s+)?$", re.I)
_ENDED = re.compile(r"\b(?:ended|ending|ends|lifted|lifting|lifts)\s+(?:a|an|the|its|their)?\s*(?:[\w-]+\s+){0,2}$", re.I)
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+$", re.I)


def read_events(ctx: SentenceContext, memory: Memory) -> list[Draft]:
    """Event drafts of one sentence."""
    triggers = _triggers(ctx)
    excluded = _control_actor_spans(ctx)
    attributed = _attributed_spans(ctx)
    swap = bool(ctx.patterns.exchange["cue"].search(ctx.sentence.text))
    drafts: list[Draft] = []
    shared: list[Loc] = []
    own = [_event_locs(ctx, trig, triggers, attributed) for trig in triggers]
    for i, trig in enumerate(triggers):
        locs = own[i] or _told_next(ctx, triggers, own, i)
        if not locs and _DEFINITE.search(ctx.text[max(0, trig.start - 5):trig.start]):
            continue  # "condemned the shelling": a reference to an event told before
        if _NEGATED.search(ctx.text, max(ctx.sentence.start, trig.start - 16), trig.start):
            continue  # "said it would not withdraw", "no clashes": nothing happened
        if trig.type == EventType.AGREEMENT and _REFERENCE.search(ctx.text[max(0, trig.start - 40):trig.start]):
            continue  # "violated the Sochi agreement": an existing agreement ("under a deal" is a new one)
        if trig.type == EventType.MILITARY_ACTION and _ENDED.search(ctx.text[max(0, trig.start - 40):trig.start]):
            continue  # "a settlement that ended a two-month siege": what ended is told by the settlement
        locs = locs or shared
        actors = _event_actors(ctx, trig, triggers, excluded, attributed) or _pronoun_subject(ctx, trig, memory) \
            or memory.last_actors.get(trig.type, [])
        if actors:
            memory.last_actors[trig.type] = actors
        if not locs or not actors or (swap and trig.type == EventType.HANDOVER):
            continue
        shared = locs
        modality = ctx.modality(ctx.rel(trig.start))
        drafts.append(Draft("event", ctx.sentence, locs, actors, modality, trig.type, attribution_of(ctx),
                            {"trigger": ctx.text[trig.start:trig.end], "trigger_span": (trig.start, trig.end)}))
    return drafts


_NEXT_GAP = 50   # characters: "clashed for several hours with a patrol in X", not "an escalation ... coincided with
#                 build-ups west of Aleppo"
_THEY = re.compile(r"\b(?:they|it)\s+(?:(?:had|have|has|also|then|later|later\s+on)\s+)*$", re.I)


def _pronoun_subject(ctx: SentenceContext, trig: _Trigger, memory: Memory) -> list[Actor]:
    """ "Earlier this month they captured al-Sukhnah": "they" is the party the sentence before was about."""
    prev = memory.previous
    if prev is None or not _THEY.search(ctx.text[_clause_start(ctx, trig.start):trig.start]):
        return []
    usable = [a for a in prev.actors if not _speaker(prev, a) and not a.adjective]
    return _uniq([a.actor for a in _subject(prev, usable)])


def _told_next(ctx: SentenceContext, triggers: list[_Trigger], own: list[list[Loc]], i: int) -> list[Loc]:
    """ "gunmen clashed for hours with a Military Security patrol in Kafr Shams": an event word with no
    place of its own is where the next one of its clause is."""
    if i + 1 >= len(triggers) or not own[i + 1] or triggers[i + 1].start - triggers[i].end > _NEXT_GAP \
            or _BREAK.search(ctx.text, triggers[i].end, triggers[i + 1].start):
        return []
    return own[i + 1]


# -- control ------------------------------------------------------------------------

def _loc_before(ctx: SentenceContext, pos: int) -> Loc | None:
    """The place a phrase at ``pos`` is about: the last one before it, or the head of an aside that
    only says where that head is ("al-Mansoura, 18 km east on the road to Raqqa, which remains ...")."""
    cands = [loc for loc in ctx.locs if loc.end <= pos and loc.start >= ctx.sentence.start
             and not loc.locator and loc.located]
    if len(cands) > 1:
        aside = _ASIDE.fullmatch(ctx.text, cands[-2].end, pos)
        if aside and aside.start("inner") <= cands[-1].start:
            return cands[-2]
    return cands[-1] if cands else None


# ", 18 kilometers to the east on the road to <place>, which": an aside that places the head before it
_ASIDE = re.compile(r",\s+(?P<inner>[^,;.]*?\b(?:km|kilomet(?:er|re)s?|miles|north|south|east|west|road|near|outside|"
                    r"border|bank|shore)\b[^,;.]*),\s+(?:which|that|where)\b[^,;.]*", re.I)


_LIST_LINK = re.compile(r"\s*(?:,|and|,\s*and)\s+(?:the\s+(?:nearby\s+|neighbouring\s+|neighboring\s+|adjacent\s+)?"
                        r"(?:(?:towns?|villages?|city|cities)\s+of\s+)?)?", re.I)


def _locs_after(ctx: SentenceContext, pos: int, max_gap: int = 40) -> list[Loc]:
    cands = [loc for loc in ctx.locs if loc.start >= pos and loc.end <= ctx.sentence.end
             and not loc.locator and loc.located]
    if not cands or cands[0].start - pos > max_gap:
        return []
    first = cands[0]
    group = [first]
    for loc in cands[1:]:
        if loc.start == group[-1].start or _LIST_LINK.fullmatch(ctx.text[group[-1].end:loc.start]):
            group.append(loc)
        else:
            break
    return group


def _control(ctx: SentenceContext, locs: list[Loc], actors: list[ActorMention], cue: str) -> Draft | None:
    if not locs or not actors:
        return None
    locs = [plain(loc) for loc in locs]
    modality = ctx.modality(ctx.rel(max(max(loc.start for loc in locs), max(a.start for a in actors))))
    return Draft("control", ctx.sentence, locs, _uniq([a.actor for a in actors]), modality,
                 attribution=attribution_of(ctx), extra={"cue": cue})


def read_control(ctx: SentenceContext) -> list[Draft]:
    """Control drafts of one sentence."""
    out: list[Draft | None] = []
    s = ctx.sentence
    pats = ctx.patterns.control
    for m in pats["place_then_actor"].finditer(s.text):
        start, end = s.start + m.start(), s.start + m.end()
        actors = _actor_list_after(ctx, end)
        head = ctx.text[max(s.start, start - 40):start]
        if re.search(r"\b(?:areas?|positions|territor(?:y|ies)|parts|regions?)\s+(?:that\s+are\s+|which\s+are\s+)?$", head, re.I):
            after = _locs_after(ctx, actors[-1].end if actors else end, max_gap=12)
            if after:
                out.append(_control(ctx, after, actors, m.group()))
                continue
        anchor = _main_clause_subject(ctx, start) or _loc_before(ctx, start)
        out.append(_control(ctx, chain(ctx.text, ctx.locs, anchor) if anchor else [], actors, m.group()))
    for m in re.finditer(r"\b(under|in)\s+(?:the\s+)?", s.text, re.I):   # "under SDF control", "in IS hands"
        actors = _actor_list_after(ctx, s.start + m.end())
        noun = "control" if m.group(1).casefold() == "under" else "hands"
        if not actors or not re.match(rf"\s*(?:['’]s\s+)?{noun}\b", ctx.text[actors[-1].end:actors[-1].end + 15], re.I):
            continue
        phrase_end = actors[-1].end + ctx.text[actors[-1].end:].find(noun) + len(noun)
        locs = _locs_after(ctx, phrase_end, max_gap=25) if noun == "control" else []   # "in IS hands" ends its clause
        if not locs:
            anchor = _subject_loc(ctx) or _loc_before(ctx, s.start + m.start())
            locs = chain(ctx.text, ctx.locs, anchor) if anchor else []
        out.append(_control(ctx, locs, actors, "under control"))
    out += _held_adjective(ctx)
    out += _actor_verb_place(ctx)
    out += _bases(ctx)
    out += _presence(ctx)
    out += _handed_to(ctx)
    return [d for d in out if d is not None]


_HANDED = re.compile(r"\b(?:hand(?:ed|s|ing)?\s+over|handover\s+of|transferr(?:ed|ing)|cede[sd]?|ceding|"
                     r"surrender(?:ed|ing)?)\s+(?:control\s+of\s+)?(?:the\s+)?", re.I)
_OVER_TO = re.compile(r"\s+(?:over\s+)?to\s+(?:the\s+)?", re.I)
_HAND = re.compile(r"\bhand(?:ed|s|ing)?\s+(?:the\s+)?", re.I)
_HAND_OVER_TO = re.compile(r"\s+over\s+to\s+(?:the\s+)?", re.I)


def _handed_to(ctx: SentenceContext) -> list[Draft | None]:
    """ "The SDF handed over Arima and Tal Rifaat to government forces": the receivers hold them now
    (nothing when the sentence only proposes it)."""
    out: list[Draft | None] = []
    if ctx.modality() == Modality.POSSIBLE:
        return out   # a handover proposed or expected gives nobody anything yet
    found = [(locs, _OVER_TO.match(ctx.text, locs[-1].end, ctx.sentence.end))
             for m in _HANDED.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end)
             if (locs := _locs_after(ctx, m.end(), max_gap=45))]
    found += [(locs, _HAND_OVER_TO.match(ctx.text, locs[-1].end, ctx.sentence.end))   # "handing Ain Issa over to X"
              for m in _HAND.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end)
              if (locs := _locs_after(ctx, m.end(), max_gap=2))]
    for locs, to in found:
        takers = _actor_list_after(ctx, to.end(), max_gap=2) if to else []
        out.append(_control(ctx, locs, takers, "handed over"))
    return out


_BE = r"\s+(?:(?:are|is|were|was|remain|remains|remained|have\s+been|has\s+been|had\s+been|still|now|also|already)\s+)*"
_AT = r"\s+(?P<at>(?:in|at|inside|around|near|on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of)\s+(?:the\s+)?)"


_SET_UP = re.compile(r"\b(?:set\s+up|sets\s+up|established|establishes|built|builds|opened|erected|has|have|had|keeps?|"
                     r"kept|maintains?|maintained|runs?|ran|operates?|operated|hosts?|hosted)\s+(?:[\w-]+\s+){0,4}?$", re.I)
_LEFT = re.compile(r"\b(?:withdr\w*|pull\w*\s+out|pulled\s+back|evacuat\w*|abandon\w*|left|leav\w*|retreat\w*|fled|"
                   r"driven\s+out|expelled|ousted)\s+(?:\w+\s+){0,3}?(?:from|of)\s+(?:\w+\s+)?$", re.I)
_GIVEN = re.compile(r"\b(?:hand(?:ed|s|ing)?\s+over|transferr\w*|cede[sd]?|ceding|surrender\w*|vacat\w*|"
                    r"abandon\w*|evacuat\w*|dismantl\w*|removed)\s+(?:[\w-]+\s+){0,3}?$", re.I)


@lru_cache(maxsize=8)
def _presence_rx(verbs: str, nouns: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (re.compile(r"(?:\s+(?!(?:are|is|were|was|have|has|had)\b)(?-i:[a-z][\w-]*)){0,2}?" + _BE + f"(?:{verbs})" + _AT,
                       re.I),
            re.compile(r"(?:\b(?P<pronoun>its|their)\s+(?:[\w-]+\s+)?)?" + f"(?:{nouns})" + _AT, re.I))


_WHERE = re.compile(r"\bwhere\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=8)
def _where_rx(verbs: str, nouns: str) -> re.Pattern[str]:
    """After the party of a "where" clause: stationed there, or keeping a base or posts there."""
    keeps = (r"(?:maintains?|maintained|keeps?|kept|has|have|had|runs?|operates?|set\s+up|established|built)\s+"
             r"(?:(?:a|an|its|their|the|several|two|three|many)\s+)?(?:[\w-]+\s+){0,2}?")
    return re.compile(_BE + f"(?:(?:{verbs})\\b|{keeps}(?:{nouns})\\b)", re.I)


def _presence(ctx: SentenceContext) -> list[Draft | None]:
    """Forces stationed, deployed or with positions, bases or posts at a place hold that point:
    "Russian forces are stationed at Qamishli airport", "SDF positions in al-Dahla", "its base in
    al-Shaddadi". The claim's cue says it is presence, so a map can tell it from a stated control."""
    verbs, nouns = ctx.patterns.control.get("presence_verbs"), ctx.patterns.control.get("presence_nouns")
    if verbs is None or nouns is None:
        return []
    verb_rx, noun_rx = _presence_rx(verbs.pattern, nouns.pattern)
    out: list[Draft | None] = []
    for group in _actor_groups(ctx):
        m = verb_rx.match(ctx.text, group[-1].end, ctx.sentence.end)
        if m:
            out.append(_control(ctx, _locs_after(ctx, m.start("at"), max_gap=40), group, "presence"))
        elif _WHERE.search(ctx.text, max(ctx.sentence.start, group[0].start - 12), group[0].start) and (
                _where_rx(verbs.pattern, nouns.pattern).match(ctx.text, group[-1].end, ctx.sentence.end)):
            anchor = _loc_before(ctx, group[0].start)   # "al-Shaddadi, where the coalition keeps a base"
            out.append(_control(ctx, [anchor] if anchor else [], group, "presence"))
    for m in noun_rx.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        if _LEFT.search(ctx.text, max(ctx.sentence.start, m.start() - 40), m.start()) or \
                _GIVEN.search(ctx.text, max(ctx.sentence.start, m.start() - 40), m.start()):
            continue   # "withdrew from their positions around Saraqib", "handed over its posts in X": no longer there
        if m.group("pronoun"):
            owners = _subject(ctx, [a for a in ctx.actors if a.end <= m.start()])
        else:
            owners = [a for a in ctx.actors if a.end <= m.start()
                      and re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}|\s*", ctx.text[a.end:m.start()])][-1:]
        if not owners:   # "Turkish forces set up a new observation point in X", "the coalition keeps posts in X"
            verb = _SET_UP.search(ctx.text, max(ctx.sentence.start, m.start() - 50), m.start())
            groups = [g for g in _actor_groups(ctx) if verb and g[-1].end <= verb.start()
                      and len(ctx.text[g[-1].end:verb.start()].split()) <= 2]
            owners = groups[-1] if groups else []
        if owners:
            out.append(_control(ctx, _locs_after(ctx, m.start("at"), max_gap=40), owners, "presence"))
    return out


_BASE_TYPES = frozenset({PlaceType.BASE, PlaceType.AIRPORT, PlaceType.FIELD})


def _bases(ctx: SentenceContext) -> list[Draft | None]:
    """A base place (base, airport, field) is held by whoever it belongs to: "the Russian Hmeimim
    airbase", "the Russian base at Hmeimim", "al-Omar oil field, the largest coalition base in
    Syria". A base *in* a town ("the coalition base in Rmelan") is a presence there (:func:`_presence`)."""
    nouns = ctx.patterns.control.get("base_nouns")
    if nouns is None:
        return []
    out: list[Draft | None] = []
    for a in ctx.actors:
        own = next((loc for loc in ctx.locs if 0 <= loc.start - a.end <= 1 and _base_place(loc)), None)
        if own is not None:                                     # "the Russian Hmeimim airbase"
            out.append(_control(ctx, [own], [a], "base"))
            continue
        m = nouns.match(ctx.text, a.end + 1, a.end + 40) if ctx.text[a.end:a.end + 1] == " " else None
        named = nouns.search(ctx.text, a.start, a.end)          # the actor's own name ends in one: "coalition base"
        noun_end = m.end() if m else (a.end if named and named.end() == a.end else None)
        if noun_end is None:
            continue
        at = re.match(r"\s+(?:at|in|of)\s+(?:the\s+)?", ctx.text[noun_end:noun_end + 12])
        after = _locs_after(ctx, noun_end + at.end(), max_gap=2) if at else []
        if after and _base_place(after[0]):                     # "the Russian base at Hmeimim"
            out.append(_control(ctx, after[:1], [a], "base"))
        before = _loc_before(ctx, a.start)                      # "X, the largest coalition base"
        if before is not None and _base_place(before) and re.fullmatch(
                r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}", ctx.text[before.end:a.start], re.I):
            out.append(_control(ctx, [before], [a], "base"))
    return out


def _base_place(loc: Loc) -> bool:
    return loc.place is not None and loc.place.type in _BASE_TYPES and loc.kind == "place"


def _main_clause_subject(ctx: SentenceContext, cue: int) -> Loc | None:
    """ "X, which lies on Y, has been controlled by": the cue's subject is X, not Y."""
    head = ctx.text[ctx.sentence.start:cue]
    m = re.search(r",\s+(?:which|that|where)\b[^,]*,\s+(?:(?:has|have|had)\s+been|is|are|was|were)\s+(?:\w+\s+)?$",
                  head, re.I)
    if not m:
        return None
    return _loc_before(ctx, ctx.sentence.start + m.start() + 1)


def _subject_loc(ctx: SentenceContext) -> Loc | None:
    """The Loc that opens the sentence (its subject: "The town lies ... and has been under X control")."""
    first = next((loc for loc in ctx.locs if loc.located and not loc.locator), None)
    if first and len(ctx.text[ctx.sentence.start:first.start].split()) <= 1:
        return first
    return None


def _held_adjective(ctx: SentenceContext) -> list[Draft | None]:
    out = []
    for a in ctx.actors:
        m = re.match(r"(-held|-controlled|-run|-dominated|-administered)(?:\s*,)?\s+", ctx.text[a.end:a.end + 18], re.I)
        if m:
            head = _APPOSED.search(ctx.text, max(ctx.sentence.start, a.start - 40), a.start)
            named = [loc for loc in ctx.locs if head and loc.end == head.start() and loc.located]
            named = [loc for loc in chain(ctx.text, ctx.locs, named[-1]) if loc.end <= head.start()] if named else []
            locs = named or _locs_after(ctx, a.end + m.end(), max_gap=40)   # "Maskanah, the last IS-held town"
            out.append(_control(ctx, locs, [a], m.group(1)))
    return out


@lru_cache(maxsize=8)
def _hold_verb(verbs: str) -> re.Pattern[str]:
    """The verbs of ``actor_verb_place`` (patterns.yaml) after a party, with what may stand between."""
    return re.compile(r"^\s*\)?\s*(?:,?\s*(?:which|who|that)\s+)?(?:and\s+its\s+[\w\s-]{0,30}?\s+)?"
                      r"(?:(?:still|also|now|have|has|had|been|fully|completely)\s+)*(" + verbs + ")", re.I)


_APPOSED = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}$", re.I)
_OUTSIDE = re.compile(r"\b(?:outside|beyond|out\s+of|free\s+of|free\s+from|escaped|without)\s+(?:the\s+)?$", re.I)
_BACKERS = re.compile(r",\s*(?:(?:backed|supported|aided|assisted|accompanied|joined|led|covered)\s+by|with\s+the\s+support\s+of)"
                      r"[^,.;]{3,80},", re.I)
_PRONOUN_VERB = re.compile(r"\b(?:it|they)\s+(?=(?:had|has|have)\s)", re.I)


def _actor_verb_place(ctx: SentenceContext) -> list[Draft | None]:
    out = []
    hold_verb = _hold_verb(ctx.patterns.control["actor_verb_place"].pattern)
    for m in _PRONOUN_VERB.finditer(ctx.sentence.text):
        subject = _subject(ctx, list(ctx.actors))
        verb = hold_verb.match(ctx.text[ctx.sentence.start + m.end():ctx.sentence.start + m.end() + 60])
        if subject and verb and subject[-1].end <= ctx.sentence.start + m.start():
            locs = _locs_after(ctx, ctx.sentence.start + m.end() + verb.end(), max_gap=40)
            out.append(_control(ctx, locs, subject, verb.group(1)))
    for group in _actor_groups(ctx):
        last = group[-1]
        if _OUTSIDE.search(ctx.text, max(ctx.sentence.start, group[0].start - 16), group[0].start):
            continue   # "outside government control": the place is not the actor's
        aside = _BACKERS.match(ctx.text, last.end, ctx.sentence.end)   # "X, backed by Y, seized Z": X holds Z
        after = aside.end() if aside else last.end
        m = hold_verb.match(ctx.text[after:after + 60])
        if not m:
            continue
        verb_end = after + m.end()
        head = ctx.text[max(ctx.sentence.start, group[0].start - 12):group[0].start]
        if re.search(r"\b(?:which|that|where)\s+$", head, re.I):
            anchor = _loc_before(ctx, group[0].start)
            locs = chain(ctx.text, ctx.locs, anchor) if anchor else []
        elif re.match(r"\s*(?:it|them)\b", ctx.text[verb_end:verb_end + 6]):   # "... regained control of it"
            anchor = _loc_before(ctx, group[0].start)
            locs = chain(ctx.text, ctx.locs, anchor) if anchor else []
        else:
            locs = _locs_after(ctx, verb_end, max_gap=40)
        out.append(_control(ctx, locs, group, m.group(1)))
    return out


def _actor_groups(ctx: SentenceContext) -> list[list[ActorMention]]:
    groups: list[list[ActorMention]] = []
    for a in ctx.actors:
        if groups and re.fullmatch(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?", ctx.text[groups[-1][-1].end:a.start]):
            groups[-1].append(a)
        else:
            groups.append([a])
    return groups


# -- routes ---------------------------------------------------------------------------

def read_route(ctx: SentenceContext, memory: Memory) -> list[Draft]:
    """A route draft when the sentence says "from X ... to Y"."""
    pats = ctx.patterns
    s = ctx.sentence
    legs: list[tuple[Loc, Loc]] = []
    departure, memory.departure = memory.departure, None
    memory.departure_age += 1
    if memory.departure_age < 3:   # told at most two sentences before
        memory.departure = departure
    for m in pats.route_from.finditer(s.text):
        origin = _locs_after(ctx, s.start + m.end(), max_gap=30)
        if not origin:
            continue
        rest = s.text[ctx.rel(origin[-1].end):]
        to = pats.route_to_after_leaving if m.group().casefold() in ("left", "leaving", "leave") else pats.route_to
        dest = next((d for t in to.finditer(rest) if (d := _route_end(ctx, origin[-1].end + t.end()))), None)
        if dest:
            legs.append((origin[0], dest[0]))
        elif _MOVEMENT.search(s.text):
            memory.departure, memory.departure_age = origin[0], 0   # "Buses left al-Rastan. ... taken to X."
    if not legs and departure is not None and _MOVEMENT.search(s.text):
        dest = next((d for t in pats.route_to.finditer(s.text) if (d := _route_end(ctx, s.start + t.end()))), None)
        if dest and dest[0].place is not departure.place:
            legs.append((departure, dest[0]))
            memory.departure = None
    if legs:   # "entered from A ... and headed from B to C": the "from" nearest its "to"
        origin, dest = min(legs, key=lambda leg: leg[1].start - leg[0].end)
        actors = _route_actors(ctx, memory, origin.start)
        if actors or _MOVEMENT.search(s.text):
            return [_route(ctx, origin, dest, actors)]
    corridor = next((loc for loc in ctx.locs if loc.kind == "between" and len(loc.parts) == 2), None)
    if corridor is not None and re.search(r"patrol", s.text, re.I):
        actors = _route_actors(ctx, memory)   # "a joint patrol on the M4 between A and B"
        if actors:
            return [_route(ctx, corridor.parts[0], corridor.parts[1], actors)]
    return []


def _route_end(ctx: SentenceContext, pos: int) -> list[Loc]:
    """Where a movement ends: the place right after "to", or after a noun phrase naming a spot in it
    ("towards the Turkish observation post in the village of Ishtabraq")."""
    locs = _locs_after(ctx, pos, max_gap=60)
    if locs and re.search(r"[,;]|\b(?:and|while|where|after|before)\b", ctx.text[pos:locs[0].start], re.I):
        return []
    return locs


_MOVEMENT = re.compile(r"\b(?:patrol\w*|convoys?|columns?|moved|headed|drove|marched|advanced|withdrew|set\s+out|set\s+off|"
                       r"travel(?:l?ed)?|escorted|transported|reinforcements|buses|evacuees|families|displaced|fled)\b", re.I)


def _route(ctx: SentenceContext, origin: Loc, dest: Loc, actors: list[Actor]) -> Draft:
    s = ctx.sentence
    return Draft("route", s, [plain(origin), plain(dest)], actors, ctx.modality(),
                 EventType.PATROL if re.search(r"patrol", s.text, re.I) else None, attribution_of(ctx))


def _route_actors(ctx: SentenceContext, memory: Memory, origin: int | None = None) -> list[Actor]:
    """Who moves: the parties of the clause that tells the move, before its start ("army units ... moved
    from A"); else the sentence's parties; else, for "a second column", whoever moved last."""
    excluded = _control_actor_spans(ctx)
    speakers = [a for a in ctx.actors if _speaker(ctx, a) or _inside(a.start, a.end, _attributed_spans(ctx))]
    usable = [a for a in ctx.actors if (a.start, a.end) not in excluded and a not in speakers]
    clause = _clause_start(ctx, origin) if origin is not None else ctx.sentence.start
    movers = [a for a in usable if origin is not None and clause <= a.start and a.end <= origin]
    own = [a.actor for a in (movers or usable)]
    inherited = memory.last_actors.get(EventType.PATROL, []) if re.search(r"patrol", ctx.sentence.text, re.I) else []
    if not own and not inherited:   # "A second column set out from Deir Hafer"; "the ministry said the convoy ..."
        inherited = (memory.last_movers if _MOVEMENT.search(ctx.sentence.text) else []) or [a.actor for a in speakers]
    actors = _uniq(own + inherited)
    if actors:
        memory.last_movers = actors
    return actors


# -- exchanges -----------------------------------------------------------------------------

def read_exchange(ctx: SentenceContext, memory: Memory | None = None) -> list[Draft]:
    """An exchange draft: "A ... in exchange for B", or "swap: A for B"."""
    pats = ctx.patterns.exchange
    s = ctx.sentence
    m = pats["cue"].search(s.text)
    if not m:
        return _conditional_swap(ctx) or _allocation(ctx) or _for_label(ctx, memory) or _two_legs(ctx)
    cue_start, cue_end = s.start + m.start(), s.start + m.end()
    if re.match(r"\s*:", ctx.text[cue_end:cue_end + 3]) or re.match(r"swap|trad|barter", m.group(), re.I):
        return _pending(_swap_headline(ctx, cue_end, memory) or _two_legs(ctx), memory)
    leg_a = _given_up(ctx, s.start, cue_start)
    after = [loc for loc in ctx.locs if loc.start >= cue_end and loc.end <= s.end and loc.located and not loc.locator]
    after = [loc for loc in after if not _whole_country(loc)] or after
    if not after:   # "... in exchange." closes the sentence; "in return for information" is not a place swap
        return [] if m.group().casefold().endswith(("for", "of")) else _trailing_exchange(ctx, cue_start)
    leg_b = _example(ctx, after[0])
    told_before = ""
    if leg_a is not None:
        a_from, a_to = _giver_receiver(ctx, leg_a, cue_start)
    elif memory is not None and memory.previous is not None and not ctx.text[s.start:cue_start].strip():
        prev = memory.previous   # "... withdraw from A. In return, Russia would let the SNA enter B."
        leg_a = _given_up(prev, prev.sentence.start, prev.sentence.end)
        if leg_a is None:
            return []
        a_from, a_to = _giver_receiver(prev, leg_a, prev.sentence.end)
        told_before = prev.sentence.text
    else:
        return []
    b_side = [x for x in _actor_list_after(ctx, cue_end + _skip_words(ctx.text[cue_end:leg_b.start]), max_gap=30)
              if x.end <= leg_b.start]
    lets = next((m for x in b_side if (m := _LETS.match(ctx.text, x.end, leg_b.start))), None)
    takers = [x for x in _actor_list_after(ctx, lets.end(), max_gap=2) if x.end <= leg_b.start] if lets else []
    if b_side and _TAKING.fullmatch(ctx.text[b_side[-1].end:leg_b.start]):   # "for the SNA entering Tal Rifaat"
        b_from, b_to = [], _uniq([a.actor for a in b_side])
    elif takers and _TAKING.match(ctx.text, takers[-1].end, leg_b.start) and \
            not re.search(r"[;:]|\b(?:while|but|whereas)\b", ctx.text[takers[-1].end:leg_b.start]):
        # "Russia would let the SNA enter B", "Ankara letting government forces into the areas ..., such as B"
        givers = [x for x in b_side if x.end <= lets.start()]
        b_from, b_to = [a.actor for a in givers], _uniq([a.actor for a in takers])
    else:
        b_from = [a.actor for a in b_side]
        b_to = _receivers_after(ctx, leg_b.end, s.end) or _leg_receivers(ctx, leg_b.place) or a_from
    a_to = a_to or _leg_receivers(ctx, leg_a.place)
    if not a_to and a_from and b_from and not {a.id for a in a_from} & {a.id for a in b_from}:
        a_to = b_from   # a swap between two parties: each receives what the other gives
    return _pending([_exchange(ctx, leg_a, leg_b, a_from, a_to, b_from, b_to, told_before)], memory)


def _pending(drafts: list[Draft], memory: Memory | None) -> list[Draft]:
    if memory is not None:
        memory.pending = [d for d in drafts if not (d.extra["a_to"] and d.extra["b_to"])]
    return drafts


_LETS = re.compile(r"\s+(?:would\s+|will\s+|could\s+)?(?:let(?:s|ting)?|allow(?:s|ing)?|permit(?:s|ting)?)\s+(?:the\s+)?",
                   re.I)
# Before a place: its holder gives it up ("withdraw from A", "hand over A", "pulling back from A").
_GIVING_UP = re.compile(r"\b(?:withdr\w*|pull\w*(?:\s+(?:back|out))?|evacuat\w*|leav\w*|left|retreat\w*|hand\w*(?:\s+over)?|"
                        r"cede\w*|surrender\w*|give\s+up|gave\s+up)\s+(?:\w+\s+){0,3}?(?:(?:from|of)\s+)?(?:the\s+)?"
                        r"(?:(?:city|town|village|area)\s+of\s+)?$", re.I)
# Between a party and a place: the party takes the place ("government forces to take over A").
_TAKING = re.compile(r"\)?\s+(?:(?:fighters|factions|forces|troops|units|militias|police)\s+)?(?:would\s+|will\s+|to\s+)?(?:take\s+over|taking\s+over|take\s+control\s+of|taking\s+control\s+of|"
                     r"takeover\s+of|capture\s+of|seizure\s+of|entry\s+into|"
                     r"enter|entering|enters|seize|seizing|receive|receiving|move\s+into|moving\s+into|(?:back\s+)?into|"
                     r"get|gets|got|getting)\s+"
                     r"(?:the\s+(?:city|town|village|area)\s+of\s+)?(?:the\s+)?(?:[\w-]+-held\s+)?(?:areas?\s+(?:of\s+)?)?",
                     re.I)


_SUCH_AS = re.compile(r",?\s+(?:such\s+as|including|notably|like)\s+(?:the\s+(?:city|town|village|area)s?\s+of\s+)?", re.I)


def _example(ctx: SentenceContext, leg: Loc) -> Loc:
    """A vague leg made definite by its example: "the areas south of the M4, such as the town of
    Ihsim" is mapped at Ihsim."""
    if leg.precision == 1:
        return leg
    m = _SUCH_AS.match(ctx.text, leg.end, ctx.sentence.end)
    nxt = [loc for loc in ctx.locs if m and loc.start == m.end() and loc.located and not loc.locator]
    return nxt[0] if nxt else leg


def _given_up(ctx: SentenceContext, start: int, cue_start: int) -> Loc | None:
    """The first leg of an exchange: the place given up before the cue ("withdraw from A to the north of
    the M4, in exchange for ..."), else the last place before the cue; never a whole country when a
    place is named ("the Nassib crossing with Jordan")."""
    cands = [loc for loc in ctx.locs if start <= loc.start and loc.end <= cue_start and not loc.locator and loc.located]
    cands = [loc for loc in cands if not _whole_country(loc)] or cands
    cands = [loc for loc in cands if not _DESTINATION.search(ctx.text, max(start, loc.start - 40), loc.start)] or cands
    given = [loc for loc in cands if _GIVING_UP.search(ctx.text, max(start, loc.start - 50), loc.start)]
    if given:   # "hand Deir Hafer and Maskanah to X": the first place of the list handed over
        return next((loc for loc in chain(ctx.text, ctx.locs, given[-1]) if loc in cands), given[-1])
    return (cands or [None])[-1]


# "evacuated to Aleppo", "bused towards Idlib": where people go is no leg of a swap
_DESTINATION = re.compile(r"\b(?:evacuat\w*|transferr\w*|moved|bus(?:s)?ed|taken|sent|relocated|displaced|head\w*)\s+"
                          r"(?:\w+\s+){0,2}?(?:to|towards|into)\s+(?:the\s+)?(?:(?:city|town|province)\s+of\s+)?$", re.I)


# "... B to X", "B over to X", "B, which would be returned to X"
_RECEIVER = re.compile(r"\s*(?:,\s*(?:which|that)\s+(?:\w+\s+){0,3}?(?:handed|returned|given|transferred|ceded|delivered)\s+)?"
                       r"(?:over\s+|back\s+)?(?:to|for)\s+", re.I)


def _receivers_after(ctx: SentenceContext, start: int, end: int) -> list[Actor]:
    """ "... B to the government": who receives the second leg, when the sentence says so."""
    m = _RECEIVER.match(ctx.text[start:end])
    if not m:
        return []
    return _uniq([a.actor for a in _actor_list_after(ctx, start + m.end(), max_gap=6) if a.end <= end])


def _trailing_exchange(ctx: SentenceContext, cue_start: int) -> list[Draft]:
    """ "X handed A to Y, in a deal that gave X B in exchange.": both legs stand before the cue."""
    before = [loc for loc in ctx.locs if ctx.sentence.start <= loc.start and loc.end <= cue_start
              and loc.located and not loc.locator]
    if len(before) < 2:
        return []
    leg_a, leg_b = before[0], before[-1]
    a_from, a_to = _giver_receiver(ctx, leg_a, leg_b.start)
    return [_exchange(ctx, leg_a, leg_b, a_from, a_to, a_to, a_from)]


def _skip_words(gap: str) -> int:
    m = re.match(r"\s*(?:the\s+)?(?:withdrawal|handover|hand-over|pullout|departure|exit)\s+of\s+", gap, re.I)
    return m.end() if m else 0


def _giver_receiver(ctx: SentenceContext, leg_a: Loc, cue_start: int) -> tuple[list[Actor], list[Actor]]:
    s = ctx.sentence
    before = [a for a in ctx.actors if s.start <= a.start and a.end <= leg_a.start]
    pair = _offer_pair(ctx, before)
    if pair and ctx.text[pair[1][-1].end:leg_a.start].strip() == "":
        return _uniq([a.actor for a in pair[0]]), _uniq([a.actor for a in pair[1]])
    givers = _last_group(ctx, before)
    if givers and _TAKING.fullmatch(ctx.text[givers[-1].end:leg_a.start]):   # "allow government forces to take over A"
        takers = givers
        givers = _last_group(ctx, [a for a in before if a.end <= takers[0].start])
        return _uniq([a.actor for a in givers]), _uniq([a.actor for a in takers])
    receivers: list[ActorMention] = []
    for m in re.finditer(r"\b(?:to|for)\s+(?:the\s+)?", ctx.text[leg_a.end:cue_start]):
        receivers = [a for a in _actor_list_after(ctx, leg_a.end + m.end(), max_gap=2) if a.end <= cue_start]
        if receivers:
            break
    return _uniq([a.actor for a in givers]), _uniq([a.actor for a in receivers])


_OFFER = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:offered|offers|offer|proposed|proposes|gave|gives|"
                    r"promised|promises|floated|floats)\s+(?:to\s+)?$", re.I)


def _offer_pair(ctx: SentenceContext, mentions: list[ActorMention]) -> tuple[list, list] | None:
    """ "Moscow offers Ankara <A>": the first party gives, the second receives."""
    groups = [g for g in _actor_groups(ctx) if g[0] in mentions]
    for first, second in zip(groups, groups[1:]):
        if _OFFER.match(ctx.text[first[-1].end:second[0].start]):
            return first, second
    return None


def _last_group(ctx: SentenceContext, mentions: list[ActorMention]) -> list[ActorMention]:
    groups = [g for g in _actor_groups(ctx) if g[0] in mentions]
    groups = [g for g in groups if not _speaker(ctx, g[-1])] or groups
    return groups[-1] if groups else []


_GETS = re.compile(r"\s+(?:would\s+|will\s+|could\s+|should\s+|to\s+)?(?:in\s+(?:return|exchange)\s+)?"
                   r"(?:get|gets|receive|receives|take|takes|gain|gains)\s+"
                   r"(?:back\s+)?(?:control\s+of\s+)?", re.I)
_IF_GOT = re.compile(r"\s*,?\s*if\s+", re.I)
_GOT = re.compile(r"\s+(?:got|gets|received|receives|took|takes|gained|gains|were\s+given|was\s+given)\s+"
                  r"(?:back\s+)?(?:control\s+of\s+)?", re.I)


def _conditional_swap(ctx: SentenceContext) -> list[Draft]:
    """ "Damascus would get al-Atarib if Ankara got Tal Rifaat": each party receives one place, from
    the other."""
    for group in _actor_groups(ctx):
        gets = _GETS.match(ctx.text, group[-1].end, ctx.sentence.end)
        if not gets or "would" not in gets.group() and "could" not in gets.group():
            continue
        leg_a = next((loc for loc in ctx.locs if loc.start >= gets.end() and loc.located and not loc.locator), None)
        cond = leg_a and re.search(r",?\s+if\s+", ctx.text[leg_a.end:ctx.sentence.end])
        if not cond:
            continue
        others = _actor_list_after(ctx, leg_a.end + cond.end(), max_gap=2)
        got = others and _GOT.match(ctx.text, others[-1].end, ctx.sentence.end)
        leg_b = got and next((loc for loc in ctx.locs if loc.start >= got.end() and loc.located and not loc.locator), None)
        if leg_b and leg_b.start - got.end() <= 30:
            a_to, b_to = _uniq([a.actor for a in group]), _uniq([a.actor for a in others])
            return [_exchange(ctx, leg_a, leg_b, b_to, a_to, a_to, b_to)]
    return []


_DEAL_WORD = re.compile(r"\b(?:swap|trade|deal|exchange|bargain|barter|scenario|proposal|arrangement|understanding)s?\b",
                        re.I)


def _two_legs(ctx: SentenceContext) -> list[Draft]:
    """ "A swap that would see the factions pull out of A and the regime move in, while Turkish troops
    enter B"; "giving the factions A while Damascus gets B": a deal told as two moves, each place with
    its own receiver."""
    if not _DEAL_WORD.search(ctx.sentence.text):
        return []
    legs: list[tuple[Loc, list[Actor]]] = []
    for loc in ctx.locs:
        if not (ctx.sentence.start <= loc.start < ctx.sentence.end) or loc.locator or not loc.located \
                or any(leg.place is not None and loc.place is not None and leg.place.id == loc.place.id for leg, _ in legs):
            continue
        takers = _leg_receivers(ctx, loc.place)
        if takers and not (legs and {a.id for a in takers} == {a.id for a in legs[-1][1]}):
            legs.append((loc, takers))
    if len(legs) < 2:
        return []
    (a, a_to), (b, b_to) = legs[:2]
    return [_exchange(ctx, a, b, b_to, a_to, a_to, b_to)]


_GOES_TO = re.compile(r"\s+(?:would|will|should|could|is\s+to|are\s+to)\s+(?:go|pass|fall|revert)\s+to\s+(?:the\s+)?", re.I)
_AND_THEN = re.compile(r"(?:\s+and\s+(?:its|their)\s+allies)?\s*(?:,\s*|;\s*)?(?:and|while|whereas)?\s+", re.I)
_TO_PARTY = re.compile(r"[^.;]{0,40}?\bto\s+(?:the\s+)?", re.I)


def _allocation(ctx: SentenceContext) -> list[Draft]:
    """ "A would go to the regime and its allies, and B to the SDF": two places shared out between two
    parties."""
    for m in _GOES_TO.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        first = _actor_list_after(ctx, m.end(), max_gap=2)
        before = [loc for loc in ctx.locs if ctx.sentence.start <= loc.start and loc.end <= m.start() and loc.located
                  and not loc.locator and not _BREAK.search(ctx.text, loc.end, m.start())]
        joint = first and _AND_THEN.match(ctx.text, first[-1].end, ctx.sentence.end)
        leg_b = joint and next((loc for loc in ctx.locs if loc.start == joint.end() and loc.located), None)
        to = leg_b and _TO_PARTY.match(ctx.text, leg_b.end, ctx.sentence.end)
        second = _actor_list_after(ctx, to.end(), max_gap=2) if to else []
        if before and second:   # A: the first of the places coordinated right before "would go to"
            leg_a = next(loc for loc in chain(ctx.text, ctx.locs, before[-1]) if loc in before)
            a_to, b_to = _uniq([a.actor for a in first]), _uniq([a.actor for a in second])
            return [_exchange(ctx, leg_a, leg_b, [], a_to, [], b_to)]
    return []


# "Kabani for Rabia", a "Tal Rifaat for al-Atarib" swap: two places joined by "for", not after a move
# ("left Douma for Jarabulus" is a route).
_FOR = re.compile(r"[\"'“”‘’]?\s+for\s+(?:the\s+)?[\"'“”‘’]?", re.I)
_MOVED = re.compile(r"\b(?:left|leav\w*|depart\w*|head\w*|set\s+off|bound|bus\w*|fled|moved|travel\w*|evacuated)\b"
                    r"[^.;]{0,40}$", re.I)
_SWAP_WORD = re.compile(r"\b(?:swap|trade|exchange|bargain|deal|offer|proposal|idea|plan)s?\b", re.I)


def _for_label(ctx: SentenceContext, memory: Memory | None) -> list[Draft]:
    """ "Kabani for Rabia – this is what the Turks are asking for": a swap named by its two places.
    It must be quoted, open the sentence, or stand by a word like swap or deal; who receives each
    place is read from this sentence or the one before ("... leave it to government forces")."""
    locs = [loc for loc in ctx.locs if loc.located and not loc.locator]
    for a, b in zip(locs, locs[1:]):
        if not _FOR.fullmatch(ctx.text[a.end:b.start]) or _MOVED.search(ctx.text, ctx.sentence.start, a.start):
            continue
        quoted = re.search(r"[\"“‘']\s*$", ctx.text[ctx.sentence.start:a.start])
        opening = not re.search(r"\w", ctx.text[ctx.sentence.start:a.start].replace("the", ""))
        if not (quoted or opening or _SWAP_WORD.search(ctx.sentence.text)):
            continue
        earlier = [c for c in (ctx, memory.previous if memory else None) if c is not None]
        a_to = next((r for c in earlier if (r := _leg_receivers(c, a.place))), [])
        b_to = next((r for c in earlier if (r := _leg_receivers(c, b.place))), [])
        return [_exchange(ctx, a, b, b_to, a_to, a_to, b_to)]
    return []


_ALLOWED_INTO = re.compile(r"\s+(?:would\s+|will\s+|could\s+|should\s+)?(?:be\s+)?(?:allowed|permitted)\s+(?:to\s+)?"
                           r"(?:back\s+)?(?:into|enter|return\s+to|move\s+into)\s+", re.I)
_LEAVE_TO = re.compile(r"\s+(?:and\s+)?(?:leave|leaves|leaving|left|hand(?:s|ed|ing)?(?:\s+over)?|give|gives|giving|gave)\s+"
                       r"(?:it|them)\s+(?:over\s+|back\s+)?to\s+(?:the\s+)?", re.I)
_BREAK = re.compile(r"[;:]|\b(?:while|but|whereas|although)\b", re.I)
_MOVE_IN = re.compile(r"(?:\s+and\s+(?:[\w-]+\s+)?[\w-]+)?\s+and\s+(?:the\s+)?", re.I)
_MOVES_IN = re.compile(r"\s+(?:would\s+|will\s+|to\s+)?(?:move|moves|moved|moving|come|comes|step|steps)\s+in\b", re.I)
_GIVING = re.compile(r"\b(?:giving|give|gives|gave|handing|hand|hands|handed)\s+(?P<who>(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2})\s+"
                     r"(?:the\s+)?(?:(?:villages?|towns?|areas?|city|region)\s+(?:of|along|around|near|on)\s+(?:the\s+)?)?$",
                     re.I)
_PASSES_TO = re.compile(r"\b(?:would|will|could|should|are\s+to|is\s+to)\s+(?:then\s+)?(?:be\s+)?(?:pass|go|revert|fall|"
                        r"left|handed(?:\s+over)?|given|returned|placed\s+under\s+(?:the\s+)?(?:protection|control|authority)\s+of)"
                        r"\s+(?:over\s+|back\s+)?(?:to\s+)?(?:the\s+)?", re.I)


def _leg_receivers(ctx: SentenceContext, place: Place | None) -> list[Actor]:
    """Who a sentence says would receive ``place``: "leave it to X", "X would be allowed into it",
    "letting X into it", "X would get it", "X's takeover of it"."""
    if place is None:
        return []
    for loc in (loc for loc in ctx.locs if loc.place is not None and loc.place.id == place.id):
        after = _LEAVE_TO.match(ctx.text, loc.end, ctx.sentence.end)
        if after:
            return _uniq([a.actor for a in _actor_list_after(ctx, after.end(), max_gap=2)])
        moved_in = _MOVE_IN.match(ctx.text, loc.end, ctx.sentence.end)
        takers = _actor_list_after(ctx, moved_in.end(), max_gap=2) if moved_in else []
        if takers and _MOVES_IN.match(ctx.text, takers[-1].end, ctx.sentence.end):   # "pull out of A and the regime move in"
            return _uniq([a.actor for a in takers])
        giving = _GIVING.search(ctx.text, max(ctx.sentence.start, loc.start - 80), loc.start)
        if giving:   # "giving the mercenaries the villages along the Sajour"
            return _uniq([a.actor for a in ctx.actors if giving.start("who") <= a.start and a.end <= giving.end("who")])
        brk = _BREAK.search(ctx.text, loc.end, ctx.sentence.end)
        later = _PASSES_TO.search(ctx.text, loc.end, brk.start() if brk else ctx.sentence.end)
        takers = _actor_list_after(ctx, later.end(), max_gap=2) if later else []
        if takers:   # "A, which would then be placed under the protection of Russian military police"
            return _uniq([a.actor for a in takers])
        for group in reversed(_actor_groups(ctx)):
            if group[-1].end > loc.start or _BREAK.search(ctx.text, group[-1].end, loc.start):
                continue
            if (_ALLOWED_INTO.match(ctx.text, group[-1].end, loc.start) or _GETS.match(ctx.text, group[-1].end, loc.start)
                    or _TAKING.match(ctx.text, group[-1].end, loc.start)):
                return _uniq([a.actor for a in group])
    return []


def _swap_headline(ctx: SentenceContext, pos: int, memory: Memory | None = None) -> list[Draft]:
    """ "Swap: A for B", "a deal trading A and the road west of it for B": A is the first place after
    the cue, B the first after its "for"."""
    locs = [loc for loc in ctx.locs if loc.start >= pos and loc.end <= ctx.sentence.end and loc.located
            and not loc.locator]
    if len(locs) < 2:
        return []
    cut = re.search(r"\b(?:for|against)\b", ctx.text[locs[0].end:ctx.sentence.end])
    later = [loc for loc in locs[1:] if cut and loc.start >= locs[0].end + cut.end()]
    if not later:
        return []
    a, b = _example(ctx, locs[0]), _example(ctx, later[0])
    earlier = [c for c in (ctx, memory.previous if memory else None) if c is not None]
    a_to = next((r for c in earlier if (r := _leg_receivers(c, a.place))), [])
    b_to = next((r for c in earlier if (r := _leg_receivers(c, b.place))), [])
    return [_exchange(ctx, a, b, b_to, a_to, a_to, b_to)]


def _exchange(ctx: SentenceContext, a: Loc, b: Loc, a_from: list[Actor], a_to: list[Actor],
              b_from: list[Actor], b_to: list[Actor], told_before: str = "") -> Draft:
    """The exchange draft; ``told_before`` is the sentence that told the first leg, when another did."""
    s = ctx.sentence
    modality = ctx.modality()
    status = "proposed"
    if ctx.patterns.exchange["done"].search(s.text) or (
            told_before and modality != Modality.POSSIBLE and ctx.patterns.exchange["done"].search(told_before)):
        status = "done"
    elif ctx.patterns.exchange["agreed"].search(s.text + " " + told_before) and modality != Modality.POSSIBLE:
        status = "agreed"
    if status == "proposed":   # a proposal is a possibility, whoever tells of it (the attribution keeps who)
        modality = Modality.POSSIBLE
    actors = _uniq(a_from + a_to + b_from + b_to)
    return Draft("exchange", s, [a, b], actors, modality, EventType.HANDOVER, attribution_of(ctx),
                 {"a_from": a_from, "a_to": a_to, "b_from": b_from, "b_to": b_to, "status": status})


def read_sentence(ctx: SentenceContext, memory: Memory) -> list[Draft]:
    """All drafts of one sentence."""
    attribution_of(ctx)   # every sentence names its speaker, for a later "He said", claim or not
    events = read_events(ctx, memory)
    _complete_pending(ctx, memory)
    drafts = read_control(ctx) + events + read_route(ctx, memory) + read_exchange(ctx, memory)
    memory.previous = ctx
    return drafts


def _complete_pending(ctx: SentenceContext, memory: Memory) -> None:
    """ "... a deal trading A for B. Under it, government forces would enter A, while Turkey would take
    B.": the sentence after a swap may tell who receives each place."""
    for draft in memory.pending:
        for leg, key in zip(draft.locs, ("a_to", "b_to")):
            if not draft.extra[key]:
                draft.extra[key] = _leg_receivers(ctx, leg.place)
        for leg, key, other in zip(draft.locs, ("a_from", "b_from"), ("b_to", "a_to")):
            if not draft.extra[key] and draft.extra[other]:
                draft.extra[key] = draft.extra[other]   # two parties: each gives what the other receives
        draft.actors = _uniq(draft.extra["a_from"] + draft.extra["a_to"] + draft.extra["b_from"] + draft.extra["b_to"])
    memory.pending = []

