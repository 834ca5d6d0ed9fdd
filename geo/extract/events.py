"""Events: each event word takes the places that follow it (or, with none, those of its clause)
and the parties before it, after "by"/"of", or the sentence's subject; with none it inherits the
parties of the last event of the same type ("the patrols")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.actors import ActorMention
from geo.extract.locations import Loc, chain
from geo.extract.sentence import (
    BACKED_BY,
    CARRYING,
    BACKERS,
    CLAUSE_BREAK,
    PASSIVE_BEFORE,
    STATIONED_AT,
    SUBJECT_ASIDE,
    Draft,
    Memory,
    SentenceContext,
    actor_groups,
    actors_listed_after,
    attributed_spans,
    attribution_of,
    both_told_before,
    clause_start,
    control_actor_spans,
    handed_places,
    inside_any,
    is_speaker,
    later_verb_phrase,
    previous_subject,
    subject_group,
    unique_actors,
    whole_country,
)
from geo.model import Actor, EventType, Modality

__all__ = ["read_events"]


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    type: EventType
    if_possible: bool = False   # a word that makes an event only when spoken of as possible ("could reach A")


def _triggers(ctx: SentenceContext) -> list[_Trigger]:
    found: list[_Trigger] = []
    for if_possible, lists in ((False, ctx.patterns.events), (True, ctx.patterns.events_if_possible)):
        for etype, rx in lists.items():
            for m in rx.finditer(ctx.sentence.text):
                s, e = ctx.sentence.start + m.start(), ctx.sentence.start + m.end()
                if ctx.patterns.event_stop_after.match(ctx.text[e:e + 15].lstrip()):
                    continue
                found.append(_Trigger(s, e, etype, if_possible))
    found = [t for t in found if not _object_noun(ctx, t) and not _people_taken(ctx, t)
             and not _in_a_name(ctx, t) and not _carried_force(ctx, t)]
    found = [_Trigger(t.start, t.end, EventType.BUILDUP) if _entered_under_deal(ctx, t)
             else _Trigger(t.start, t.end, EventType.STRIKE) if _guns_fired(ctx, t) else t for t in found]
    found = [t for t in found if not _movement_not_capture(ctx, t, found)]
    found.sort(key=lambda t: (t.start, t.if_possible, -(t.end - t.start)))   # an event word before a word of one
    out: list[_Trigger] = []
    for t in found:
        if out and t.start < out[-1].end:
            continue
        if out and out[-1].type == t.type and _SAME_EVENT.fullmatch(ctx.text[out[-1].end:t.start]):
            continue
        out.append(t)
    return out


# Between two words for one event: "air strikes and shelling", "shelling, rocket fire", "the attack, an ambush".
_AREAS_THAT = re.compile(r"\b(?:areas?|positions?|parts?|regions?|territor(?:y|ies))\s+(?:that|which)\s+"
                         r"(?:[\w-]+\s+){1,4}$", re.I)
_SAME_EVENT = re.compile(r"[\s,/()-]*(?:(?:and|or|as\s+well\s+as|with|of|and\s+then)\s+)?(?:(?:an?|the|heavy|intense|"
                         r"renewed|further)\s+)?[\s,]*", re.I)
_OBJECT_BEFORE = re.compile(r"\b(?:on|at|against|into|targeting|targeted|hit|struck|attacked|stormed|overran|overrun|"
                            r"raided|ambushed|shelled|bombed|captured|seized|destroyed)\s+"
                            r"(?:a|an|the|two|several)?\s*(?:\w+\s+)?$",
                            re.I)


_TAKEN = re.compile(r"(?:re)?taken", re.I)
_TAKEN_AWAY = re.compile(r"\s+by\s+(?:bus(?:es)?\b|coach|truck|road\b|car\b"
                         r"|(?:[\w’'-]+\s+){1,4}?(?:to|towards|into)\b)", re.I)


def _people_taken(ctx: SentenceContext, t: _Trigger) -> bool:
    """ "were taken by bus to Aleppo", "taken by the SDF to Hasakah": people carried off, not a place taken
    (which a place or "Both" says before the verb: "Both were taken by government forces")."""
    if t.type != EventType.CAPTURE or not _TAKEN.fullmatch(ctx.text, t.start, t.end) \
            or not ctx.text.startswith(" by ", t.end):
        return False   # "had retaken al-Tamanah": a place taken
    clause = clause_start(ctx, t.start)
    place_before = any((clause <= loc.start or _ASIDE_THEN_PASSIVE.fullmatch(ctx.text, loc.end, t.start))
                       and loc.end <= t.start and not loc.locator for loc in ctx.locs)
    return bool(_TAKEN_AWAY.match(ctx.text, t.end)) or not (place_before or both_told_before(ctx))


# "Suluk, 19 km southeast of Tal Abyad, was taken by": the place is the subject past the aside
_ASIDE_THEN_PASSIVE = re.compile(r",\s+[^,;.()]{1,80},\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+", re.I)


def _in_a_name(ctx: SentenceContext, t: _Trigger) -> bool:
    """ "fighters of the Military Operations Command": a word of a party's capitalised name, not an operation
    (unlike the lower-case "air strikes" of "Russian air strikes")."""
    return t.start > ctx.sentence.start and ctx.text[t.start].isupper() \
        and any(a.start <= t.start and t.end <= a.end for a in ctx.actors)


_OPENED_FIRE = re.compile(r"open(?:ed|s)?\s+fire", re.I)
_GUNS = re.compile(r"\b(?:artillery|batter(?:y|ies)|howitzers?|tanks?|guns|gunners|mortars?|rocket\s+launchers)\b",
                   re.I)


def _guns_fired(ctx: SentenceContext, t: _Trigger) -> bool:
    """ "Turkish artillery batteries on the hills opened fire on Y positions": shelling, not a ground attack."""
    return t.type == EventType.ATTACK and _OPENED_FIRE.fullmatch(ctx.text, t.start, t.end) is not None \
        and _GUNS.search(ctx.text, clause_start(ctx, t.start), t.start) is not None


def _carried_force(ctx: SentenceContext, t: _Trigger) -> bool:
    """ "a convoy carrying fighters of Liwa al-Baqir and the National Defence Forces left Aleppo": the force a
    convoy carries did not withdraw; the convoy set out."""
    if t.type != EventType.HANDOVER:
        return False
    actor = next((a for a in ctx.actors if a.start <= t.start < a.end), None)
    if actor is None:
        return False
    group = next((g for g in actor_groups(ctx) if actor in g), [actor])
    carrying = _CARRYING_BACKED.search(ctx.text, max(ctx.sentence.start, group[0].start - 80), group[0].start)
    return carrying is not None and not _BUSES.search(ctx.text, max(ctx.sentence.start, carrying.start() - 30),
                                                      carrying.start())   # "buses carrying SDF fighters left A": an
    #                                                                        evacuation hands A over


_BUSES = re.compile(r"\b(?:bus(?:es)?|coach(?:es)?)\s+$", re.I)
_CARRYING_BACKED = re.compile(CARRYING.pattern.removesuffix("$") + r"(?:[\w.-]+-(?:backed|led|linked|affiliated)\s+)?$",
                              re.I)   # "carrying fighters of the Iranian-backed Liwa al-Baqir"


def _object_noun(ctx: SentenceContext, t: _Trigger) -> bool:
    """A build-up noun that is the target of another act ("airstrikes on a convoy")."""
    return t.type == EventType.BUILDUP and bool(_OBJECT_BEFORE.search(ctx.text[max(0, t.start - 30):t.start]))


_ORIGIN_IS_NOT_PLACE = frozenset({EventType.STRIKE, EventType.BUILDUP, EventType.ATTACK, EventType.CLASH,
                                  EventType.MILITARY_ACTION})   # "an operation that would start from Azaz"
_ORIGIN = re.compile(r"\b(?:from\s+(?:the\s+|their\s+|its\s+)?(?:[\w’'-]+['’]s\s+)?"
                     r"(?:(?:(?!(?:to|towards?|into|toward)\b)[\w-]+\s+){0,2}?"
                     r"(?:positions?|bases?|posts?|strongholds?|direction|areas?|cent(?:re|er)|heart|outskirts|"
                     r"edges?)\s+)?"
                     r"(?:(?:in|at|near|around|of)\s+)?"
                     r"|(?:left|leaving|departed|departing)\s+)(?:the\s+)?(?:(?:al|el|ad|ar|as|ash|at|az|an)[-\s])?$", re.I)


_FIRING_POSITION = re.compile(r"\b(?:positioned|stationed|based|deployed|entrenched)\s+(?:in|at|near|on)\s+(?:the\s+)?"
                              r"(?:(?:vicinity|outskirts|town|village|city|area)\s+of\s+(?:the\s+)?)?"
                              r"(?:(?:al|el|ad|ar|as|ash|at|az|an)[-\s])?$", re.I)
_VENUE = re.compile(r"\b(?:said|told|announced|stated|reported|added)\s+(?:\w+\s+)?(?:in|from)\s+$"
                    r"|\b(?:analysts|diplomats|observers|experts|journalists|officials)\s+(?:based\s+)?in\s+$"
                    # "an emergency session of the U.N. Security Council in New York": where a body meets
                    r"|\b(?:session|meeting|summit|talks|conference|(?<!military\s)council|court|assembly)\s+"
                    r"(?:[\w.]+\s+){0,4}?in\s+$",
                    re.I)   # "Analysts in Gaziantep expect an offensive": where they sit



_UNDER_DEAL = re.compile(r"\bunder\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:deal|agreement|settlement|accord|arrangement)\b", re.I)


def _entered_under_deal(ctx: SentenceContext, t: "_Trigger") -> bool:
    """ "Russian military police entered Douma under the surrender deal": a deployment, not a capture."""
    return t.type == EventType.CAPTURE and ctx.text[t.start:t.end].casefold().startswith("enter") and (
        _UNDER_DEAL.search(ctx.text, t.end, min(ctx.sentence.end, t.end + 60)) is not None
        or _POLICE_BEFORE.search(ctx.text, max(ctx.sentence.start, t.start - 50), t.start) is not None)


_POLICE_BEFORE = re.compile(r"\bmilitary\s+police\b[^.;,]{0,30}$", re.I)   # "Russian military police entered Saraqib": a deployment


_ANOTHER_CLAUSE = re.compile(r"[.;]|\b(?:while|but|after|before)\b")


def _movement_not_capture(ctx: SentenceContext, t: "_Trigger", found: list["_Trigger"]) -> bool:
    """ "a convoy entered Syria": a build-up moving, not a capture."""
    return t.type == EventType.CAPTURE and any(
        o.type == EventType.BUILDUP and 0 <= t.start - o.end <= 90
        and not _ANOTHER_CLAUSE.search(ctx.text[o.end:t.start]) for o in found)


_LIST_GAP = re.compile(r"\s*(?:,|and|or|,\s*and)\s+(?:the\s+)?")
_IT_AFTER = re.compile(r"\s+(?:it|them)\b")
_FELL_TO = re.compile(r"f[ae]ll(?:s|en)?\s+(?:in)?to\b", re.I)


_WHILE_CLAUSE = re.compile(r",\s+(?:while|whereas)\s", re.I)


def _event_locs(ctx: SentenceContext, trig: _Trigger, triggers: list[_Trigger],
                attributed: list[tuple[int, int]]) -> list[Loc]:
    usable = [loc for loc in ctx.locs if not loc.locator and loc.located
              and not inside_any(loc.start, loc.end, attributed)]
    if trig.type in _ORIGIN_IS_NOT_PLACE:   # "reinforcements arrived from Damascus", "shelled X from al-Bab and Y"
        kept, origins, origin_end = [], [], -1
        for loc in usable:
            if _ORIGIN.search(ctx.text[max(0, loc.start - 40):loc.start]) or (
                    origin_end >= 0 and _LIST_GAP.fullmatch(ctx.text[origin_end:loc.start])):
                origin_end = loc.end
                origins.append(loc)
            else:
                kept.append(loc)
        fired = trig.type in _FIRED_FROM and not _DEFINITE.search(ctx.text[max(0, trig.start - 5):trig.start])
        usable = kept or (origins if fired else [])   # "27 shelling attacks from the Jabal al-Zawiya area": with no
        # target named, where the fire comes from ("the shells were fired from X" tells of shelling told before)
    if trig.type == EventType.STRIKE:       # "artillery positioned in X shelled Y": X fires, Y is hit
        usable = [loc for loc in usable if not _FIRING_POSITION.search(ctx.text[max(0, loc.start - 45):loc.start])]
    usable = [loc for loc in usable if not _VENUE.search(ctx.text[max(0, loc.start - 30):loc.start])]
    if any(not whole_country(loc) for loc in usable):   # "entered Syria through X": X, not Syria
        usable = [loc for loc in usable if not whole_country(loc)]
    if trig.type in (EventType.CAPTURE, EventType.HANDOVER, EventType.STRIKE) and \
            _IT_AFTER.match(ctx.text[trig.end:trig.end + 6]):   # "after government forces regained it"
        named = [loc for loc in usable if loc.end <= trig.start and loc.precision == 1 and loc.kind == "place"]
        return named[-1:] if named else _named_before(ctx)
    hung = _clause_object(ctx, usable, trig)
    if hung:   # "Kafr Nubl, which they captured in February, also shelled Iblin": the capture is Kafr Nubl's
        return hung
    if trig.type in _PLACE_SUBJECT and PASSIVE_BEFORE.search(ctx.text, max(ctx.sentence.start, trig.start - 20), trig.start):
        prev = max((t.end for t in triggers if t.end <= trig.start), default=ctx.sentence.start)
        subject = [loc for loc in usable if prev <= loc.start and loc.end <= trig.start]
        headed = [loc for loc in subject if _ASIDE_THEN_PASSIVE.fullmatch(ctx.text, loc.end, trig.start)]
        subject = [loc for loc in subject if loc.end <= headed[0].end] if headed else subject   # "A, 27 km from B,
        #                                                                                         was taken": A
        if subject:   # "Khan Shaykhun and al-Tamanah were liberated last August, while ...": the subject
            return [loc for loc in chain(ctx.text, ctx.locs, subject[-1]) if loc in subject]
    later = [t for t in triggers if t.start > trig.start]
    nxt = later[0].start if later else ctx.sentence.end
    if later and later[0].start - trig.end <= 20 and not any(trig.end <= loc.start < later[0].start for loc in usable):
        # "repelled an attack near X": both words are about X (not "captured Ain Issa, shelled Tal Tamr")
        nxt = later[1].start if len(later) > 1 else ctx.sentence.end
    rel = _RELATIVE_CLAUSE.search(ctx.text, trig.end, nxt)
    nxt = rel.start() if rel else nxt   # "towards Jisr al-Shughur, which sits on the road linking Latakia with Aleppo"
    contrast = _WHILE_CLAUSE.search(ctx.text, trig.end, nxt)
    if contrast and any(trig.end <= loc.start < contrast.start() for loc in usable):
        nxt = contrast.start()   # "took over A and B, while the northern bank, including C, remains with X": not C
    after = [loc for loc in usable if trig.end <= loc.start < nxt]
    if _WITHDRAWAL.fullmatch(ctx.text, trig.start, trig.end):   # "withdrew from A to B": A ("pulled out towards B":
        left = _split_destinations(ctx.text, after)[1]             # B, for want of where they left; "retakes A as IS
        based = [loc for loc in usable if loc.end <= trig.start and loc.start >= clause_start(ctx, trig.start)
                 and STATIONED_AT.search(ctx.text, max(ctx.sentence.start, loc.start - 40), loc.start)]
        passed = [loc for loc in after if _THROUGH.search(ctx.text, max(trig.end, loc.start - 25), loc.start)]
        passed += [loc for loc in after for p in passed if loc.start > p.end   # "through the B crossing, about 26 km
                   and _PASSED_ASIDE.fullmatch(ctx.text, p.end, loc.start)]     # north of A"
        left = [loc for loc in left if loc not in passed]
        after = left or based[-1:] or ([] if _FELL_BACK.match(ctx.text, trig.start)   # fighters fall
                                       else [loc for loc in after if loc not in passed] or after)
        #                  back on B": A; "troops based in A pulled out towards B": A)
    if after and not _FELL_TO.match(ctx.text[trig.start:trig.end + 6]):
        # "X fell to Y during the campaign on Z": X fell (troops that "fell back from A" left A)
        return _drop_containers(ctx.text, after)
    before = [loc for loc in usable if loc.end <= trig.start]
    aside = SUBJECT_ASIDE.search(ctx.text, ctx.sentence.start, trig.start)
    if aside and any(loc.end <= aside.start() for loc in before):   # "the village, which overlooks the highway, fell to"
        before = [loc for loc in before if loc.end <= aside.start()]
    prev = max((t.end for t in triggers if t.end <= trig.start), default=ctx.sentence.start)
    own = [loc for loc in before if loc.start >= prev]
    return [loc for loc in chain(ctx.text, ctx.locs, own[-1]) if loc in own] if own else []   # "X and Y"


_HIT_WITH = re.compile(r"(?:\s+(?:again|daily|repeatedly|regularly|every\s+day|each\s+day|overnight|on\s+\w+day|"
                       r"this\s+week|last\s+night))*\s+(?:with|by)\s+(?:the\s+)?", re.I)
_THROUGH = re.compile(r"\b(?:through|via|across|by\s+way\s+of)\s+(?:the\s+)?$", re.I)   # a way passed, not left
# A withdrawal happens where the force leaves, not where it goes ("withdrew from Morek to Hama": Morek)
_FELL_BACK = re.compile(r"f[ae]ll(?:s|en|ing)?\s+back", re.I)   # to a line of their own, which they hold
_WITHDRAWAL = re.compile(r"withdr\w*|pull\w*\s+(?:back|out)|retreat\w*|abandon\w*|"
                         r"(?:[\w\s]+\s)?(?:left|vacated|quit|leaving)|" + _FELL_BACK.pattern, re.I)
_DESTINATION = re.compile(r"\b(?:to|towards?|into|for|in\s+the\s+direction\s+of|(?<=back\s)on)\s+(?:the\s+)?"
                          r"(?:(?:outskirts|edges?|city|town|village|area|countryside)\s+of\s+(?:the\s+)?)?"
                          r"(?:(?:al|el|ad|ar|as|ash|at|az|an)[-\s])?$", re.I)


_DESTINATION_ASIDE = re.compile(r"\s*,\s*(?:(?:less|more)\s+than\s+|about\s+|some\s+|around\s+|nearly\s+|roughly\s+)?")


_PASSED_ASIDE = re.compile(r"(?:\s+(?:crossing|border\s+crossing|road|highway|bridge|pass|checkpoint))?"
                           + _DESTINATION_ASIDE.pattern, re.I)


def _split_destinations(text: str, locs: list[Loc]) -> tuple[list[Loc], list[Loc]]:
    """(where a withdrawal goes, the other places): "withdrawn to Tell Halaf, less than four kilometres south-west
    of the town": both places tell where it went."""
    gone: list[Loc] = []
    for loc in locs:
        if _DESTINATION.search(text, max(0, loc.start - 40), loc.start) or (
                gone and _DESTINATION_ASIDE.fullmatch(text, gone[-1].end, loc.start)):
            gone.append(loc)
    return gone, [loc for loc in locs if loc not in gone]


_OBJECT_CLAUSE = re.compile(
    r",?\s+(?:which|whom)\s+(?:"
    r"(?:they|it|he|she|we|(?:the|its|their|an?)\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+|[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2})\s+"
    r"(?:and\s+(?:(?:the|its|their|allied|other)\s+)?(?:[\w’'-]+\s+){0,2}[\w’'-]+\s+)?"   # "which the army and allied factions seized"
    r"(?:(?:had|has|have|later|then|also|already|subsequently|briefly)\s+)*"   # "which they had captured"
    r"|(?:was|were|(?:had|has|have)\s+been)\s+(?:(?:later|then|also|already|subsequently|briefly)\s+)?)")   # "which was shelled"


def _clause_object(ctx: SentenceContext, usable: list[Loc], trig: _Trigger) -> list[Loc]:
    """The place a relative clause hangs on, when the event word is that clause's verb: "Tal Abyad, which
    the SNA seized", "Kafr Nubl, which they captured", "the town, which was shelled"."""
    named = [loc for loc in usable if loc.end <= trig.start]
    if not named or not _OBJECT_CLAUSE.fullmatch(ctx.text, named[-1].end, trig.start):
        return []
    if named[-1].kind != "place" and len(named) > 1 and named[-2].kind == "place" and \
            _APPOSITION.fullmatch(ctx.text, named[-2].end, named[-1].start):
        return [named[-2]]   # "Qarah, a town sitting 64 km south of Homs, which was entered by": Qarah
    return [named[-1]]


_APPOSITION = re.compile(r",\s+(?:an?|the)\s+[^,;.()]{1,100}", re.I)


_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|where|whose)\s+"
                              r"(?:sits|lies|is\s+located|is\s+situated|links|connects|overlooks)\b"
                              # "captured A, cutting a road that links B with C": what the capture does to B and C
                              r"|,\s+(?:(?:a|an|the)\s+[\w\s-]{1,40}?\s+said,\s+)?(?:thereby\s+)?(?:cutting|severing|"
                              r"linking|connecting|overlooking|isolating|encircling|tightening|threatening|bringing|"
                              r"putting|opening)\b", re.I)
_FIRED_FROM = frozenset({EventType.STRIKE, EventType.ATTACK})
_PLACE_SUBJECT = frozenset({EventType.CAPTURE, EventType.STRIKE, EventType.ATTACK})   # "X was captured / shelled"


def _named_before(ctx: SentenceContext) -> list[Loc]:
    """ "Saraqib changed hands three times. The regime captured it on 6 February; ...": "it" is the place
    the sentence before ended on."""
    prev = ctx.memory.previous if ctx.memory is not None else None
    named = [loc for loc in prev.locs if loc.precision == 1 and loc.kind == "place" and loc.located
             and not loc.locator and not whole_country(loc)] if prev is not None else []
    return named[-1:]


_IN_OF = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")


def _drop_containers(text: str, locs: list[Loc]) -> list[Loc]:
    """ "near Shaddadi in Hasakah province": the province only says where Shaddadi is."""
    out = [locs[0]]
    for prev, loc in zip(locs, locs[1:]):
        if not (prev.precision < loc.precision and _IN_OF.fullmatch(text[prev.end:loc.start])):
            out.append(loc)
    return out




_AFFILIATION = re.compile(
    r"\s*(?:(?:by|of|from|with|against)\s+"
    r"|(?:(?:broke\s+out|erupted|raged|took\s+place)\s+(?:(?:on|in|at|late|early|overnight|last|this)\s+"
    r"(?:[\w-]+\s+){0,3}?)?)?between\s+"
    r"|(?:[\w-]+\s+){0,3}?(?:by|affiliated\s+with|belonging\s+to|loyal\s+to|backed\s+by|"
    r"(?:negotiated|brokered|mediated|reached|signed|struck|agreed)\s+with)\s+)",
    re.I)


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?", re.I)
_CLASH_WITH = re.compile(r"\s*(?:[\w-]+\s+){0,4}?(?:with|against)\s+(?:an?\s+|the\s+)?", re.I)




def _adjacent_group(ctx: SentenceContext, before: list[ActorMention], pos: int) -> list[ActorMention]:
    """Actors right before ``pos`` and those chained to them ("Russian-Turkish patrol",
    "Russian and Turkish forces")."""
    group: list[ActorMention] = []
    cursor = pos
    for a in reversed(before):
        gap = ctx.text[a.end:cursor]
        linked = _GROUP_GAP.fullmatch(gap) if group else _MODIFIERS.fullmatch(gap)   # "X and Y", "X ground <event>"
        if len(gap) > 2 and not linked:
            break
        group.insert(0, a)
        cursor = a.start
    return group


# between a party and its event noun: "an army ground offensive", "a Turkish air and ground operation"
_MODIFIERS = re.compile(r"\s+(?:(?:ground|air|land|new|major|large-scale|full-scale|wide|wider|final|renewed|joint|"
                        r"and)\s+){1,3}", re.I)
_AGAINST = re.compile(r"\s*against\b", re.I)
_FROM = re.compile(r"\s*from\b", re.I)
_FROM_THEN_BY = re.compile(r"\s*from\s+[^.;,]{1,100}?(?<!backed)(?<!supported)(?<!led)(?<!armed)\s+by\s+", re.I)
_TAKING = re.compile(r"(?:re)?(?:captur|seiz|took|tak|wrest|liberat|regain|won|snatch)", re.I)
_OF = re.compile(r"\s*of\b", re.I)
_ENDS_TO_OF = re.compile(r"\b(?:to|of)$")
_ITS_OWN = re.compile(r"\b(?:its|their)\s+(?:(?:fighters|forces|troops|units|members|militants)\s+)?(?:\w+\s+)?$", re.I)


def _event_actors(ctx: SentenceContext, trig: _Trigger, triggers: list[_Trigger],
                  excluded: list[tuple[int, int]], attributed: list[tuple[int, int]]) -> list[Actor]:
    if trig.type == EventType.CAPTURE:   # "X was recaptured by Y": Y holds X and took it
        excluded = []
    elif by := _PASSIVE_BY.match(ctx.text, trig.end):   # "X was stormed by Y": Y stormed it; the party of "X, under
        agents = {(a.start, a.end) for a in actors_listed_after(ctx, by.end(), max_gap=6)}   # rebel control, was hit
        excluded = [span for span in excluded if span not in agents]   # by jets" stays left out
    usable = [a for a in ctx.actors if (a.start, a.end) not in excluded and not inside_any(a.start, a.end, attributed)]
    prev = max((t.end for t in triggers if t.end <= trig.start), default=ctx.sentence.start)
    clause = clause_start(ctx, trig.start)
    aside = next((b for b in BACKERS.finditer(ctx.text, max(ctx.sentence.start, clause - 160), clause)
                  if not ctx.text[b.end():clause].strip()), None)
    if aside:   # "the factions, backed by Turkish artillery, recaptured it": the clause starts before the aside
        clause = clause_start(ctx, aside.start())
    prev = max(prev, clause)
    before = [a for a in usable if prev <= a.start and a.end <= trig.start
              and not (aside and aside.start() <= a.start < aside.end())]
    backed = next((i for i, a in enumerate(before) if trig.type != EventType.STRIKE   # "supported by coalition air
                   and BACKED_BY.search(ctx.text, max(ctx.sentence.start, a.start - 25), a.start)), None)   # strikes"
    backers: list[Actor] = []
    if backed is not None:   # "government forces backed by Russian jets captured A": the forces, with their backer
        end = backed
        while end + 1 < len(before) and _GROUP_GAP.fullmatch(ctx.text, before[end].end, before[end + 1].start):
            end += 1
        backers = [a.actor for a in before[backed:end + 1]]
        before = before[:backed] + before[end + 1:]
        if not before and trig.type == EventType.CAPTURE and (told := previous_subject(ctx.memory)):
            return unique_actors(told + backers)   # "Troops backed by Russian jets swept into A": the force told before
    handed = next((t for t in reversed(triggers) if t.end <= trig.start), None)
    if handed is not None and handed.type == EventType.HANDOVER and handed.end == prev \
            and _AND_THEN.search(ctx.text, prev, trig.start):   # "X hands A to Y and pulls back": X pulls back, not Y
        receivers = [a for a in usable if prev <= a.start < trig.start
                     and _TO_BEFORE.search(ctx.text, max(prev, a.start - 12), a.start)]
        usable = [a for a in usable if a not in receivers]
        before = [a for a in before if a not in receivers]
    overlapping = [a for a in usable if a.start < trig.start < a.end   # "Russian military" + "military action"
                   or (a.start, a.end) == (trig.start, trig.end)]   # "barrel bombs" name their force
    if overlapping:   # "Russian and Syrian air strikes": the parties coordinated with it too
        group = next((g for g in actor_groups(ctx) if overlapping[0] in g), overlapping)
        overlapping = [a for a in group if a in usable and a.end <= overlapping[0].end]
    adjacent = overlapping or _adjacent_group(ctx, before, trig.start)
    m = _AFFILIATION.match(ctx.text[trig.end:trig.end + 60])
    if trig.type == EventType.CLASH and (not m or not actors_listed_after(ctx, trig.end + m.end())):
        m = _CLASH_WITH.match(ctx.text[trig.end:trig.end + 60]) or m   # "clashed for hours with a patrol"
    if m and trig.type != EventType.CLASH and _AGAINST.match(m.group()):
        m = None   # "an offensive against IS": IS is the target; only a clash has it as a side
    if m and trig.type in _TARGET_TYPES and _OF.match(m.group()):
        m = None   # "the shelling of Turkish positions": the target
    if m and trig.type == EventType.CAPTURE and _FROM.match(m.group()) and _TAKING.match(ctx.text, trig.start):
        #   "captured from IS (by the SDF)": IS lost it (not "entered from the Turkish side": where they came from)
        m = _FROM_THEN_BY.match(ctx.text[trig.end:ctx.sentence.end])   # the taker after "by", if any
    after = [a for a in actors_listed_after(ctx, trig.end + m.end())] if m else []
    if not after and trig.type == EventType.CAPTURE and _ENDS_TO_OF.search(ctx.text[trig.start:trig.end]):
        after = actors_listed_after(ctx, trig.end, max_gap=6)   # "fell to X, Y and Z", "into the hands of X"
    after = [a for a in after if a in usable
             and not (trig.type in _TARGET_TYPES and _AT_TARGET.search(ctx.text, trig.end, a.start))]   # "fired
    #                 missiles from western Iran at IS positions": IS is hit
    if trig.type == EventType.CLASH and after and not adjacent:   # "X fought clashes against Y": both sides
        adjacent = [a for a in before if not is_speaker(ctx, a)]
    found = adjacent + after
    if _ITS_OWN.search(ctx.text[max(ctx.sentence.start, trig.start - 40):trig.start]):   # "kept up their offensive"
        subject = subject_group(ctx, usable)[:1]
        own = [a for a in before if not is_speaker(ctx, a)]   # "officials warned that Turkey could widen its strikes"
        if subject and is_speaker(ctx, subject[0]) and own:
            subject = _adjacent_group(ctx, own, own[-1].end)
        found = subject + found
    if not found and trig.type == EventType.BUILDUP:   # "a column of 30 pick-ups carrying Liwa al-Baqir men"
        carried = next((a for a in usable if trig.end < a.start <= trig.end + 80
                        and CARRYING.search(ctx.text, max(trig.end, a.start - 50), a.start)), None)
        found = [a for a in actors_listed_after(ctx, carried.start, max_gap=0) if a in usable] if carried else []
    if not found and trig.type in _TARGET_TYPES:   # "mortar rounds fired from the regime-run side landed on A"
        found = [a for a in ctx.actors if ctx.sentence.start <= a.start < ctx.sentence.end
                 and ((_ORIGIN.search(ctx.text, max(ctx.sentence.start, a.start - 12), a.start)
                       and (_HELD_SIDE.match(ctx.text, a.end) or _OWN_POSTS.match(ctx.text, a.end)))
                      or _FROM_HELD_BY.search(ctx.text, max(ctx.sentence.start, a.start - 50), a.start))][:1]
    if not found and trig.type == EventType.STRIKE and (hit := _HIT_WITH.match(ctx.text, trig.end, ctx.sentence.end)):
        found = [a for a in actors_listed_after(ctx, hit.end(), max_gap=2) if a in usable]   # "X is hit every day
        #                                                                                     with barrel bombs"
    if not found and trig.type == EventType.HANDOVER:   # "Darayya was handed over to government troops": the takers
        given = next((m for loc, m in handed_places(ctx) if trig.start - 90 <= loc.end <= trig.start), None)
        found = actors_listed_after(ctx, given.end(), max_gap=2) if given and given.start() < trig.start else []
    if not found:
        found = [a for a in before if not is_speaker(ctx, a)] or before
    if not found:   # "while Turkish artillery deployed near X shelled Y": the clause's own actor
        clause = clause_start(ctx, trig.start)
        own = [a for a in usable if clause <= a.start and a.end <= trig.start and not is_speaker(ctx, a)]
        found = _adjacent_group(ctx, own, own[-1].end) if own else []
    if not found:   # the sentence's subject, unless it is what was hit ("Four Syrian soldiers were killed when ...")
        found = [a for a in subject_group(ctx, usable) if a.start < trig.start
                 and not (trig.type in _TARGET_TYPES and _VICTIM.match(ctx.text, a.end, ctx.sentence.end))]
    if not found and trig.type == EventType.AGREEMENT:   # "a truce ..., under which the patrol pulled back"
        found = [a for a in usable if not is_speaker(ctx, a) and not a.adjective]
    if not found and trig.type == EventType.CLASH:   # "Clashes broke out at dawn on the Kabani axis between A and B",
        between = _BETWEEN.search(ctx.text, trig.end, ctx.sentence.end)   # "fighting on the X axis, where A ... B"
        found = actors_listed_after(ctx, between.end()) if between else []
        told_before = _DEFINITE.search(ctx.text, max(0, trig.start - 5), trig.start)   # "The fighting stopped with ..."
        contrast = _CONTRAST.search(ctx.text, trig.end, ctx.sentence.end)   # "..., while Israel struck Y"
        limit = contrast.start() if contrast else ctx.sentence.end
        found = [a for a in found if a in usable] or ([] if told_before else [
            a for a in usable if trig.end < a.start < limit and not is_speaker(ctx, a) and not a.adjective])
    return unique_actors([a.actor for a in found] + (backers if found else []))


_PASSIVE_BY = re.compile(r"\s+by\b", re.I)
_VICTIM = re.compile(r"(?:\s+(?:soldiers|troops|fighters|members|personnel|militiamen|officers|men))?"
                     r"\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?"
                     r"(?:killed|wounded|injured|hurt|kidnapped|abducted|executed)\b", re.I)
_HELD_SIDE = re.compile(r"-(?:held|run|controlled)\s+(?:side|bank|areas?|positions|territory|villages?|countryside|"
                        r"part|sector)\b", re.I)
# "rocket fire on A from regime positions near B": the fire came from the party whose posts it left
_OWN_POSTS = re.compile(r"['’]?\s+(?:positions?|posts?|outposts?|bases?|batteries|artillery|guns|lines)\b", re.I)
# "rockets fired from areas controlled by HTS struck A": the party that holds where the fire came from
_FROM_HELD_BY = re.compile(r"\b(?:fired|launched|came|coming)\s+from\s+(?:the\s+)?(?:areas?|positions?|territory|parts|"
                           r"zones?|villages?|side)\s+(?:controlled|held|run)\s+by\s+(?:the\s+)?$", re.I)
_UNKNOWN_SUBJECT = re.compile(r"\b[Tt]he\s+[A-Z][a-z]+s\s+(?:(?:have|had|has|then|later|finally)\s+)*$")
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$", re.I)
_AND_THEN = re.compile(r"\band\s+(?:then\s+|later\s+)?$", re.I)
_DETERMINER = r"(?:(?:an?|the|two|three|several|some|\d+)\s+)?"
_TARGETED = (re.compile(rf"\s*{_DETERMINER}", re.I),   # "struck SDF positions"
             re.compile(rf"\s*(?:[\w-]+\s+){{0,3}}?(?:on|against|at|into|targeting|targeted|hitting|hit|of)\s+"
                        rf"{_DETERMINER}",
                        re.I),
             # "killing two members of the General Security"
             re.compile(r"\s*(?:[\w,-]+\s+){0,6}?(?:killing|killed|wounding|wounded|injuring|injured|detaining|"
                        r"detained|capturing|captured)\s+(?:[\w-]+\s+){0,4}?(?=[A-Z])"))
_TARGET_TYPES = frozenset({EventType.STRIKE, EventType.ATTACK, EventType.MILITARY_ACTION})


def _event_targets(ctx: SentenceContext, trig: _Trigger, triggers: list[_Trigger], excluded: list[tuple[int, int]],
                   attributed: list[tuple[int, int]], agents: list[Actor]) -> list[Actor]:
    """The parties an attack is aimed at: "struck SDF positions", "mortar fire on Turkish troops",
    "an offensive against IS", "killing two members of the General Security"."""
    if trig.type not in _TARGET_TYPES:
        return []
    limit = min([t.start for t in triggers if t.start >= trig.end and not _object_of(ctx, trig, t)]
                + [ctx.sentence.end])
    for rx in _TARGETED:
        m = rx.match(ctx.text, trig.end, limit)
        if m is None or CLAUSE_BREAK.search(ctx.text, trig.end, m.end()):
            continue
        found = [a for a in actors_listed_after(ctx, m.end(), max_gap=2) if a.end <= limit
                 and (a.start, a.end) not in excluded and not inside_any(a.start, a.end, attributed)
                 and not is_speaker(ctx, a)]
        if found:
            return [a for a in unique_actors([a.actor for a in found]) if a not in agents]
    victims = [a for a in ctx.actors if ctx.sentence.start <= a.start < trig.start   # "Four Syrian soldiers were
               and _VICTIM.match(ctx.text, a.end, ctx.sentence.end)]                 # killed when gunmen stormed"
    return [a for a in unique_actors([a.actor for a in victims]) if a not in agents]


_ARTICLE_GAP = re.compile(r"\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+)?", re.I)


def _object_of(ctx: SentenceContext, trig: _Trigger, other: _Trigger) -> bool:
    """ "ambushed a patrol": the second event word is what the first was done to."""
    return other.type in (EventType.PATROL, EventType.BUILDUP) and \
        _ARTICLE_GAP.fullmatch(ctx.text[trig.end:other.start]) is not None


_REFERENCE = re.compile(r"\b(?:violat\w*|breach\w*|under(?!\s+an?\s)|in\s+line\s+with|in\s+accordance\s+with|terms\s+of|"
                        r"according\s+to|since|following|despite|previous|existing|earlier|prior|former|"
                        r"commitment\s+to|abide\s+by|adhere\s+to|through|such|any|guarantor\s+of|part\s+of|"
                        r"reject\w*|refus\w*)\s+(?:the\s+|this\s+|that\s+|a\s+|such\s+)?"
                        r"(?:[\w-]+\s+){0,3}$", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no|n['’]t)\s+(?:(?:going|about|willing|ready|prepared|planning|agreement|plan|intention|"
                      r"intend|intends|want|wants)\s+to\s+|\w+\s+)?$", re.I)   # "is not going to hand over"
_ENDED = re.compile(r"\b(?:ended|ending|ends|lifted|lifting|lifts)\s+(?:a|an|the|its|their)?\s*(?:[\w-]+\s+){0,2}$", re.I)
_GROUP_GAP = re.compile(r"(?:\s+(?:forces|troops|fighters|units|militias|militiamen|soldiers))?"   # "X units and Y fighters"
                        r"\s*(?:-|/|and|,)\s*(?:the\s+|its\s+|their\s+|allied\s+)?", re.I)   # "X and allied Y"
_CONTRAST = re.compile(r";|\s(?:while|whereas|although|but)\s", re.I)
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+$", re.I)
_WAS_OVER = re.compile(r"\s+(?:had\s+)?(?:ended|ends|stopped|subsided|was\s+over|began|started|broke\s+out)\b", re.I)
_TIME_OF = re.compile(r"\b(?:before|after|following|during|since|ahead\s+of|prior\s+to)\s+(?:the|this|that|its|their)\s+"
                      r"(?:[\w-]+\s+)?$", re.I)


def read_events(ctx: SentenceContext, memory: Memory) -> list[Draft]:
    """Event drafts of one sentence."""
    return _claimed_responsibility(ctx, memory) + _read_events(ctx, memory)


_CLAIMABLE = frozenset({EventType.ATTACK, EventType.STRIKE})
_RESPONSIBILITY = re.compile(r"\b(?:claimed|claims|has\s+claimed|have\s+claimed|took|takes|has\s+taken|have\s+taken)\s+"
                             r"(?:responsibility\s+for\s+)?(?:the|this|that|Monday's|Tuesday's|Wednesday's|Thursday's|"
                             r"Friday's|Saturday's|Sunday's)\s+(?:[\w-]+\s+){0,2}?(?:attack|bombing|blast|explosion|"
                             r"strike|assault|ambush|operation|raid|bombardment|shelling|incursion)s?\b", re.I)


def _claimed_responsibility(ctx: SentenceContext, memory: Memory) -> list[Draft]:
    """ "A suicide bomber blew himself up at a restaurant in Manbij. ISIS claimed the attack.": the attack,
    told with no party, is the claimant's, as claimed."""
    if memory.unclaimed is None or ctx.sentence.index - memory.unclaimed.sentence.index > 4:
        return []
    m = _RESPONSIBILITY.search(ctx.text, ctx.sentence.start, ctx.sentence.end)
    claimants = [a for a in ctx.actors if a.end <= m.start() and not a.adjective] if m else []
    if not claimants:
        return []
    draft, memory.unclaimed = memory.unclaimed, None
    group = subject_group(ctx, claimants)
    if draft.actors:   # already drawn with the parties it hit: the claimant joins them
        draft.actors = unique_actors([a.actor for a in group] + draft.actors)
        draft.modality, draft.attribution = Modality.CLAIMED, ctx.text[group[0].start:group[-1].end]
        return []
    return [Draft("event", draft.sentence, draft.locs, unique_actors([a.actor for a in group]), Modality.CLAIMED,
                  draft.event_type, ctx.text[group[0].start:group[-1].end], draft.extra)]


_BLAMABLE = frozenset({EventType.STRIKE, EventType.ATTACK})
# "blamed on X", "Ankara blamed the regime", "attacks the US military attributed to X"
_BLAME = re.compile(r"\b(?:blam(?:ed|es|ing)\s+(?:(?:it|them)\s+)?(?:on\s+)?"
                    r"|attribut(?:ed|es|ing)\s+(?:(?:it|them)\s+)?to\s+)(?:the\s+)?", re.I)
_BLAMER = re.compile(r"(?:^|[,;]|\b(?:that|which|whom)\b)\s*((?:(?!(?:that|which|whom)\b)[\w.’'-]+\s+){1,6})$", re.I)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})


def _blame(ctx: SentenceContext, start: int,
           triggers: list[_Trigger]) -> tuple[list[Actor], str, tuple[int, int]] | None:
    """The party blamed for an attack, who blames it, and where the blamer and the blame are told, in the
    sentence from ``start`` on (up to a contrast: "..., while Moscow blamed X" is another matter)."""
    contrast = _CONTRAST.search(ctx.text, start, ctx.sentence.end)
    m = _BLAME.search(ctx.text, start, contrast.start() if contrast else ctx.sentence.end)
    blamed = actors_listed_after(ctx, m.end(), max_gap=12) if m else []
    if not blamed:
        return None
    start = max([start] + [t.end for t in triggers if t.end <= m.start()])   # after the last event word
    who = _BLAMER.search(ctx.text[start:m.start()])
    blamer = who.group(1).strip() if who else ""
    said = (start + who.start(1) if who else m.start(), m.start())
    if blamer.casefold() in _PRONOUNS or not blamer:
        blamer = attribution_of(ctx) or (ctx.memory.last_speaker if ctx.memory else "")
    return unique_actors([a.actor for a in blamed]), blamer, said


def _blamed_before(ctx: SentenceContext, memory: Memory, triggers: list[_Trigger],
                   blame: tuple[list[Actor], str, tuple[int, int]] | None) -> list[Draft]:
    """ "An air strike on a Turkish battalion near Balyun kills 33 soldiers. Ankara blames Syrian government
    aircraft.": the attack told before is the blamed party's, as the blamer claims. An attack whose own
    sentence named no party takes the blamed one; one that named its party keeps it, and the claim is added.
    ``blame`` is what the sentence blames, read once by the caller."""
    told = memory.blamable
    if told is None or ctx.sentence.index - told[0].sentence.index > 2:
        memory.blamable = None
        return []
    if blame is None or any(t.type in _BLAMABLE and t.end <= blame[2][1] for t in triggers):
        return []   # "Rockets hit X, in attacks Ankara blamed on Y": the sentence's own attack
    draft, named, kept = told
    memory.blamable = None
    targets = [a for a in draft.actors if a.bloc in draft.extra.get("target_blocs", ())]
    claim = Draft("event", draft.sentence, draft.locs, unique_actors(blame[0] + targets), Modality.CLAIMED,
                  draft.event_type, blame[1], {**draft.extra, "blamed": True})
    if kept and not named:   # the party guessed for it from other sentences gives way to the one blamed
        draft.actors, draft.modality, draft.attribution = claim.actors, claim.modality, claim.attribution
        return []
    if memory.unclaimed is draft:
        memory.unclaimed = None
    return [claim]


def _read_events(ctx: SentenceContext, memory: Memory) -> list[Draft]:
    triggers = _triggers(ctx)
    excluded = control_actor_spans(ctx)
    attributed = attributed_spans(ctx)
    blaming = _BLAME.search(ctx.text, ctx.sentence.start, ctx.sentence.end) is not None
    blamed = _blame(ctx, ctx.sentence.start, triggers) if blaming else None
    if blamed:   # "in attacks US officials attributed to X": the US only tells it
        attributed = attributed + [blamed[2]]
    swap = bool(ctx.patterns.exchange["cue"].search(ctx.sentence.text))
    drafts: list[Draft] = _blamed_before(ctx, memory, triggers, blamed)
    shared: list[Loc] = []
    own = [_event_locs(ctx, trig, triggers, attributed) for trig in triggers]
    for i, trig in enumerate(triggers):
        locs = own[i] or _told_next(ctx, triggers, own, i) or both_told_before(ctx)   # "Both were taken by X"
        if not locs and trig.type == EventType.AGREEMENT:
            locs = _deal_places(own, i)
        if not locs and _DEFINITE.search(ctx.text[max(0, trig.start - 5):trig.start]):
            continue  # "condemned the shelling": a reference to an event told before
        if _TIME_OF.search(ctx.text, max(ctx.sentence.start, trig.start - 40), trig.start) and \
                (ctx.text.startswith(",", trig.end) or _WAS_OVER.match(ctx.text, trig.end)):
            continue  # "Hours before the patrol, X shelled Y", "in the days after the fighting ended": it only dates
        if _NEGATED.search(ctx.text, max(ctx.sentence.start, trig.start - 30), trig.start):
            continue  # "said it would not withdraw", "no clashes": nothing happened
        if trig.type == EventType.AGREEMENT and _REFERENCE.search(ctx.text[max(0, trig.start - 40):trig.start]):
            continue  # "violated the Sochi agreement": an existing agreement ("under a deal" is a new one)
        if trig.type == EventType.MILITARY_ACTION and _ENDED.search(ctx.text[max(0, trig.start - 40):trig.start]):
            continue  # "a settlement that ended a two-month siege": what ended is told by the settlement
        if trig.type == EventType.CAPTURE and _AREAS_THAT.search(ctx.text, max(ctx.sentence.start, trig.start - 60),
                                                                 trig.start):
            continue   # "The areas that these forces have entered are adjacent to A": areas no name is given for
        locs = locs or shared
        told = [_sources_party(ctx, attributed), memory.last_actors.get(trig.type, [])]
        if _UNKNOWN_SUBJECT.search(ctx.text, max(ctx.sentence.start, trig.start - 30), trig.start):
            told = [told[0], []]   # "the Kurds retook the town": a subject the registry lacks, not the last taker
        if trig.type not in (EventType.BUILDUP, EventType.MILITARY_ACTION):   # a side tells of its own build-ups
            told.reverse()   # and operations ("Turkish officials said an operation may be launched"), and of the
            #                  strikes it suffers
        named = _their_objective(ctx, trig, memory) or _event_actors(ctx, trig, triggers, excluded, attributed)
        pronoun = [] if named else _pronoun_subject(ctx, trig, memory)
        actors = named or pronoun \
            or _unnamed_force(ctx, trig, memory) or _holder_of_firing_place(ctx, trig, memory) or told[0] \
            or told[1] or _reinforcing(ctx, trig, memory) or _raids_of_planes_told_before(ctx, trig, memory) \
            or _next_objective(ctx, trig, memory)
        blame = _blame(ctx, trig.end, triggers) if blaming and trig.type in _BLAMABLE else None
        if blame and (not named or not any(t.type in _BLAMABLE and trig.end < t.start < blame[2][1]
                                           for t in triggers)):
            actors = named = blame[0]   # "an air strike that the Turkish military blamed on Syrian aircraft";
        else:   # "Turkey carried out strikes since a bombing in Ankara, which it blamed on X": the bombing
            blame = None
            if actors and not trig.if_possible:   # "X could push on to A": no offensive for "the offensive" to mean
                memory.last_actors[trig.type] = actors
        targets = _event_targets(ctx, trig, triggers, excluded, attributed, actors)
        extra = {"trigger": ctx.text[trig.start:trig.end], "trigger_span": (trig.start, trig.end),
                 "target_blocs": tuple(dict.fromkeys(a.bloc for a in targets)),
                 "actors_told": bool(named or pronoun)}   # named in the sentence, or its "they" (not from memory)
        if locs and not (actors or targets) and trig.type in _CLAIMABLE:
            memory.unclaimed = Draft("event", ctx.sentence, locs, [], Modality.CLAIMED, trig.type, "", extra)
            memory.blamable = (memory.unclaimed, False, False)
        if not locs or not (actors or targets) or (swap and trig.type == EventType.HANDOVER):
            continue
        modality = Modality.CLAIMED if blame else _event_modality(ctx, trig, locs)
        if trig.if_possible and modality != Modality.POSSIBLE:
            continue   # "the army reached Arak": told by the capture's own words, if any
        shared = locs
        drafts.append(Draft("event", ctx.sentence, locs, actors + targets, modality, _planned(trig.type, modality),
                            blame[1] if blame else attribution_of(ctx), extra))
        if not actors and trig.type in _CLAIMABLE:
            memory.unclaimed = drafts[-1]   # told by whom it hit only: a later claim names who did it
        if trig.type in _BLAMABLE:   # a party of its own sentence ("where ISIS fighters stopped the bus") stays
            stated = bool(named) or any(m.actor in actors and m.actor not in targets for m in ctx.actors)
            memory.blamable = None if blame else (drafts[-1], stated, True)
    return drafts


def _planned(etype: EventType, modality: Modality) -> EventType:
    """An attack only threatened, planned or expected is a military action, not an attack that happened
    ("the regime will attack A", "if Kobani is attacked")."""
    return EventType.MILITARY_ACTION if etype == EventType.ATTACK and modality == Modality.POSSIBLE else etype


def _event_modality(ctx: SentenceContext, trig: _Trigger, locs: list[Loc]) -> Modality:
    """The modality at the event's word, in its own verb phrase ("A seized B and has announced it will push on":
    the capture is told, the push may be), or at its place when a later verb phrase tells that ("the convoy set off
    from A and was expected to reach B": the build-up at B may be)."""
    at = ctx.rel(trig.start)
    later = ctx.rel(locs[0].start)
    if later > at and later_verb_phrase(ctx.sentence.text, at, later):
        at = later
    return ctx.modality(at, verb_phrase=True)


def _deal_places(own: list[list[Loc]], i: int) -> list[Loc]:
    """Where a deal that names no place applies: the places of what it led to later in the sentence ("a second
    agreement with Faylaq al-Rahman led to the evacuation of Arbin")."""
    return next((locs for locs in own[i + 1:] if locs), [])


_NEXT_GAP = 50   # characters: "clashed for several hours with a patrol in X", not "an escalation ... coincided with
#                 build-ups west of Aleppo"
_THEY = re.compile(r"\b(?:they|it)\s+"
                   r"(?:(?:had|have|has|also|still|then|later|later\s+on)\s+)*"
                   r"(?:(?:could|would|may|might|will|can|should|must|(?:are|is)\s+(?:going|expected|likely|"
                   r"preparing|planning))\s+(?:(?:try|attempt|seek|want|plan|decide|prepare)\s+)?(?:to\s+)?)?"
                   r"(?:(?:keep|keeps|kept|maintain|maintains|maintained|run|runs|operate|operates|set\s+up|built|"
                   r"established)\s+(?:[\w-]+\s+){0,4}?)?$", re.I)   # "They also keep a string of outposts",
#                                                                   "they could try to push"


def _sources_party(ctx: SentenceContext, attributed: list[tuple[int, int]]) -> list[Actor]:
    """ "A Syrian military source said reinforcements were being sent to Hama": a build-up with no party of its
    own is the source's side's (a side tells of its own reinforcements, and of the strikes it suffers); other
    events fall back on it when no earlier event of their type names a party."""
    return unique_actors([a.actor for a in ctx.actors if inside_any(a.start, a.end, attributed)])


_NEXT = re.compile(r"(?:next|first|main|primary|ultimate|targets?|objectives?)\b", re.I)
_THEIR = re.compile(r"\b(?:their|its)\s+$", re.I)


def _next_objective(ctx: SentenceContext, trig: _Trigger, memory: Memory) -> list[Actor]:
    """ "The army took Deir al-Asafir. A military source said the next target was al-Nashabiyah": the next
    objective no party is named for is that of the party whose capture the report told last."""
    if trig.type != EventType.MILITARY_ACTION or not _NEXT.match(ctx.text, trig.start):
        return []
    return memory.last_actors.get(EventType.CAPTURE, [])


def _their_objective(ctx: SentenceContext, trig: _Trigger, memory: Memory) -> list[Actor]:
    """ "They are bringing militias to A. Their target is B, and when they move, Daesh will be the excuse": the
    objective of whom the sentence before was about, not of a party named later in the sentence."""
    their = _THEIR.search(ctx.text, max(0, trig.start - 6), trig.start)
    if trig.type != EventType.MILITARY_ACTION or their is None \
            or not _OPENS.fullmatch(ctx.text, ctx.sentence.start, their.start()):
        return []   # "Rebel commanders said al-Bab was their next target", "Since launching their offensive, the
    return previous_subject(memory)   # rebels ...": the sentence says whose


_OPENS = re.compile(r"\s*(?:[A-Z][\w ]{0,20}:\s*)?[\"“]?")   # nothing before it in its sentence but a label or quote


_REINFORCEMENTS = re.compile(r"\b(?:reinforcements?|convoys?|columns?)\b", re.I)


def _reinforcing(ctx: SentenceContext, trig: _Trigger, memory: Memory) -> list[Actor]:
    """ "SDF units raided three villages. Reinforcements were sent from Qamishli to Tal Hamis.": unnamed
    reinforcements are the force the sentence before was about."""
    if trig.type != EventType.BUILDUP or not (noun := _REINFORCEMENTS.search(ctx.sentence.text)):
        return []
    prev = memory.previous
    if prev is not None and _hit_before(prev, noun.group().casefold().rstrip("s")):
        return []   # "ISIS cells ambushed a convoy near A. The convoy had loaded oil in B": not the attackers' convoy
    return previous_subject(memory)   # "Turkey poured more troops into Idlib. A convoy of 150 vehicles headed to X"


def _hit_before(prev: SentenceContext, noun: str) -> bool:
    """Whether the sentence before told of ``noun`` (a convoy, a column) as the target of an act."""
    base = prev.sentence.start
    return any(_OBJECT_BEFORE.search(prev.text, max(base, base + m.start() - 30), base + m.start())
               for m in re.finditer(rf"\b{noun}s?\b", prev.sentence.text, re.I))


_FORCE_SUBJECT = re.compile(r"(?:^|\b(?:In\s+reality|Meanwhile|Then|Later|Instead),?\s+)(?:the\s+)?"
                            r"(?:troops|forces|soldiers|units|fighters)\s+(?:\w+\s+){0,2}?$"
                            # "Iranian-backed militias hold A. Over the summer these groups have reinforced ..."
                            r"|\b(?:these|those)\s+(?:groups|forces|militias|units|fighters|factions|troops)\s+"
                            r"(?:(?:have|has|had|also|since)\s+)*$", re.I)


def _unnamed_force(ctx: SentenceContext, trig: _Trigger, memory: Memory) -> list[Actor]:
    """ "The Syrian army announced it had entered Manbij. In reality, troops deployed in villages around
    Arima.": troops no one names are the force the sentence before named last."""
    prev = memory.previous
    if prev is None or not _FORCE_SUBJECT.search(ctx.text[clause_start(ctx, trig.start):trig.start]):
        return []
    named = [a for a in prev.actors if not a.adjective]
    return [named[-1].actor] if named else []


_AIR_RAID = re.compile(r"raids?|air\s*strikes?|sorties|bomb", re.I)
_PLANES = re.compile(r"\b(?:warplanes|jets|aircraft|planes|air\s+force|helicopters|drones)\b", re.I)


def _raids_of_planes_told_before(ctx: SentenceContext, trig: _Trigger, memory: Memory) -> list[Actor]:
    """ "Russian warplanes returned to the far north of Idlib. Monitors counted eleven raids on Harim": raids
    no one is named for are by the planes the sentence before was about."""
    prev = memory.previous
    if trig.type != EventType.STRIKE or prev is None or not _AIR_RAID.match(ctx.text, trig.start, trig.end) \
            or not _PLANES.search(prev.sentence.text):
        return []
    return previous_subject(memory)


_FIRE_CAME_FROM = re.compile(r"\b(?:(?:fired|launched|came|coming)\s+from|from\s+(?:the\s+)?direction\s+of|"
                             r"(?:gunners|guns|artillery|batteries|mortar\s+crews)\s+"
                             r"(?:stationed\s+|positioned\s+|based\s+)?(?:in|at))\s+(?:the\s+)?"
                             r"(?:(?:positions?|orchards|outskirts|area|hills)\s+(?:in|near|of|around)\s+"
                             r"(?:the\s+)?)?$",
                             re.I)   # not any "from A": "young men from Dael have been arrested"


def _holder_of_firing_place(ctx: SentenceContext, trig: _Trigger, memory: Memory) -> list[Actor]:
    """ "Gunners in al-Qabu shelled Taldou", "mortar rounds fired from the direction of A": fire no party is
    named for is by the party the report said holds the place it came from."""
    if trig.type not in _TARGET_TYPES:
        return []
    for loc in ctx.locs:
        if ctx.sentence.start <= loc.start < ctx.sentence.end and loc.place is not None \
                and loc.place.id in memory.holders \
                and _FIRE_CAME_FROM.search(ctx.text, max(ctx.sentence.start, loc.start - 60), loc.start):
            return memory.holders[loc.place.id]
    return []


def _pronoun_subject(ctx: SentenceContext, trig: _Trigger, memory: Memory) -> list[Actor]:
    """ "Earlier this month they captured al-Sukhnah": "they" is the party the sentence before was about; "X said
    they had fired" is X; after a sentence about "we", the party named last that is not on our side ("We do not
    rule it out. They could try to push on A")."""
    start = clause_start(ctx, trig.start)
    they = _THEY.search(ctx.text[start:trig.start])
    if not they:
        return []
    said = _SAID_THEY.search(ctx.text, ctx.sentence.start, start + they.start())
    speakers = [a for a in ctx.actors if ctx.sentence.start <= a.start and a.end <= said.start()] if said else []
    if speakers:   # "Iran's Revolutionary Guards said they had fired missiles at X": the speakers
        return unique_actors([a.actor for a in _adjacent_group(ctx, speakers, speakers[-1].end)])
    told = previous_subject(memory)
    if not told:   # "What about IS? The cells are in the south. Last week they attacked A": the party named just before
        named, ago = memory.subject
        hostile = trig.type in (EventType.ATTACK, EventType.STRIKE, EventType.CLASH)
        return named if ago <= 1 and hostile and they.group().casefold().startswith("they") else []
    if not previous_subject(memory, named=True):   # "We do not rule it out. They could push on A":
        named, ago = memory.subject                         # not "we", nor a side of ours; the party named last
        others = [a for a in named if not any(memory.allied(a.bloc, w.bloc) for w in told)]
        return others if ago <= _THEY_REACH else []
    return told


_AT_TARGET = re.compile(r"\b(?:at|on|against|targeting)\s", re.I)
_SAID_THEY = re.compile(r"\b(?:said|says|claimed|claims|announced|announces|stated|insisted|added)\s+(?:that\s+)?$",
                        re.I)   # "X said they had ...": "they" is X
_THEY_REACH = 6   # sentences: how far back "they" after a sentence about "we" may reach for a party named


def _told_next(ctx: SentenceContext, triggers: list[_Trigger], own: list[list[Loc]], i: int) -> list[Loc]:
    """ "gunmen clashed for hours with a Military Security patrol in Kafr Shams": an event word with no
    place of its own is where the next one of its clause is."""
    if i + 1 >= len(triggers) or not own[i + 1] or triggers[i + 1].start - triggers[i].end > _NEXT_GAP \
            or CLAUSE_BREAK.search(ctx.text, triggers[i].end, triggers[i + 1].start):
        return []
    return own[i + 1]


