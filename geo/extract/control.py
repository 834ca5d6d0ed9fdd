"""Control: "X, which is held by A", "areas held by A, X and Y", "under A control in X", "A-held X",
"A seized/holds/entered X", handovers that happened, and presence (forces stationed at X, bases and
posts in X) marked as such."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from geo.extract.actors import ActorMention
from geo.extract.dates import MONTH
from geo.extract.locations import Loc, chain, narrower, plain
from geo.extract.sentence import (
    BACKED_BY,
    BACKER_WORDS,
    BACKERS,
    CLAUSE_BREAK,
    INCLUDING,
    INTO,
    NEXT_CLAUSE,
    PASSIVE_BEFORE,
    SUBJECT_ASIDE,
    WOULD_HAND,
    Draft,
    Memory,
    SentenceContext,
    actor_groups,
    actors_listed_after,
    attribution_of,
    both_told_before,
    handed_places,
    clause_start,
    is_speaker,
    locs_after,
    previous_subject,
    subject_group,
    unique_actors,
    whole_country,
)
from geo.model import LINEAR_TYPES, Actor, EventType, Modality, PlaceType

__all__ = ["read_control", "passive_captures", "captures_held", "note_occupier"]


_RELATIVE_ASIDE = re.compile(r"\s*,?\s*(?:where|which|that)\b[^,;.]*", re.I)


def _loc_before(ctx: SentenceContext, pos: int) -> Loc | None:
    """The place a phrase at ``pos`` is about: the last one before it, or the head of an aside that
    only says where that head is ("al-Mansoura, 18 km east on the road to Raqqa, which remains ...")."""
    cands = [loc for loc in ctx.locs if loc.end <= pos and loc.start >= ctx.sentence.start
             and not loc.locator and loc.located]
    if len(cands) > 1:
        aside = _ASIDE.fullmatch(ctx.text, cands[-2].end, pos)
        if aside and aside.start("inner") <= cands[-1].start:
            return cands[-2]
        if _DESCRIBED.fullmatch(ctx.text, cands[-2].end, cands[-1].start) and \
                _RELATIVE_ASIDE.fullmatch(ctx.text[cands[-1].end:pos]):
            return cands[-2]   # "al-Qaim, a border town on the Euphrates where X hold sway": al-Qaim
    return cands[-1] if cands else None


_CITY_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:city|town|village|capital)\b", re.I)


def _names_the_subject(ctx: SentenceContext, aside: int, end: int) -> bool:
    """Whether a comma phrase opens with a narrower place than the wide one before it: the subject, not an aside."""
    head = _loc_before(ctx, aside + 1)
    inner = [loc for loc in ctx.locs if aside <= loc.start and loc.end <= end and not loc.locator and loc.located]
    return head is not None and bool(inner) and not ctx.text[aside:inner[0].start].strip(", ") \
        and narrower(inner[0], head)


# ", a border town on the": the place before is described by where it lies
_DESCRIBED = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|crossing|base|hub|outpost|district|"
                        r"neighbou?rhood|suburb|point)\s+(?:on|near|by|along|in|at|overlooking)\s+(?:the\s+)?", re.I)


# ", 18 kilometers to the east on the road to <place>, which": an aside that places the head before it
_ASIDE = re.compile(r"\)?(?:\s+(?:air\s*base|airbase|base|airport|town|village|city|camp|crossing|field|dam))?"   # "T4 (Tiyas) airbase, ..."
                    r",\s+(?P<inner>[^,;.]*?\b(?:km|kilomet(?:er|re)s?|miles|north|south|east|west|road|near|outside|"
                    r"border|bank|shore)\b[^,;.]*),\s+(?:which|that|where)\b[^,;.]*", re.I)






# "Turkey may attack SDF-held Manbij", "they will continue into opposition-held Idlib": who holds a place named
# with an adjective is taken as given, whatever the sentence says may happen to it
_AS_GIVEN = frozenset({"-held", "-controlled", "-run", "-dominated", "-administered", "party town"})


def _control(ctx: SentenceContext, locs: list[Loc], actors: list[ActorMention], cue: str) -> Draft | None:
    if not actors:
        return None
    return _control_by(ctx, locs, [a.actor for a in actors], cue, max(a.start for a in actors))


def _control_by(ctx: SentenceContext, locs: list[Loc], actors: list[Actor], cue: str, at: int) -> Draft | None:
    """A control draft of parties told at ``at`` (or in the sentence before)."""
    locs = [plain(loc) for loc in locs if not whole_country(loc)]   # a report never maps who holds all of a country
    if not locs or not actors:
        return None
    told_at = ctx.rel(max(max(loc.start for loc in locs), at))   # "SNA seized A and has said it will push on": A held
    modality = ctx.stated_modality() if cue in _AS_GIVEN else ctx.modality(told_at, verb_phrase=True)
    return Draft("control", ctx.sentence, locs, unique_actors(actors), modality,
                 attribution=attribution_of(ctx), extra={"cue": cue})


_BOTH_OF_WHICH = re.compile(r",\s+(?:both|each)\s+of\s+(?:which|them)\s+(?:(?:is|are|was|were|has|have|had|been|"
                            r"remain|remained|remains|still|now|also)\s+)*$", re.I)


def _both_of_which(ctx: SentenceContext, at: int) -> list[Loc]:
    """The two places "both of which" at ``at`` means ("A lies 29 km from B and 30 km north of C, both of which
    were still in the hands of X": B and C, though they only said where A lies)."""
    both = _BOTH_OF_WHICH.search(ctx.text, max(ctx.sentence.start, at - 50), at)
    if both is None:
        return []
    pair = [loc for loc in ctx.locs if ctx.sentence.start <= loc.start and loc.end <= both.start() and loc.located
            and loc.place is not None and not whole_country(loc)][-2:]
    return [plain(loc, _SAID_WHERE) for loc in pair] if len(pair) == 2 else []


_SAID_WHERE = ("offset", "direction", "near", "outskirts")   # "29 km east of B": B itself
_NEVER = re.compile(r"\b(?:never|not|n['’]t)\s+(?:(?:yet|ever|once|been)\s+)?$", re.I)
# "held by factions that have joined the ministry, chiefly the Hamza Division": the parties named after the noun
_GENERIC_NAMED = re.compile(r"\s*(?:various\s+|several\s+|local\s+|armed\s+|allied\s+)*"
                            r"(?:factions|groups|militias|forces|fighters|brigades|units)\b(?:[^,.;]{0,80},\s*"
                            r"(?:chiefly|mainly|principally|primarily|notably|mostly|predominantly|among\s+them|"
                            r"led\s+by)\s+"
                            # "held by units that have been folded into the Defence Ministry"
                            r"|\s+(?:that|which|who)\s+(?:have\s+|had\s+|has\s+)?(?:been\s+|now\s+)*"
                            r"(?:folded|integrated|merged|absorbed|incorporated)\s+into\s+(?:the\s+)?)", re.I)


# A relative clause about a noun that names no place, between a place and "held by": the clause's head is held
_OTHER_HEAD = re.compile(r"\b(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?"
                         r"(?!(?:towns?|villages?|city|cities|areas?|bases?|airbase|airport|districts?|"
                         r"neighbou?rhoods?|regions?|territor(?:y|ies)|pockets?|enclaves?|hills?|"
                         r"positions?|posts?|points?|crossings?|roads?|highway|countryside|province|camps?|fields?|"
                         r"borders?|frontiers?|banks?|rivers?|valleys?|coast|desert|plains?|mountains?|lines?|fronts?|"
                         r"sides?|edges?|outskirts|strips?|belts?|zones?|sectors?|quarters?|suburbs?|sites?|dams?)\b)"
                         r"[a-z]+\s+(?:that|which)\s+", re.I)


_MOVED_AREAS = re.compile(r"\b(?:leave|leaving|left|flee|fleeing|fled|enter|entering|entered|reach|reaching|reached|"
                          r"into|from|towards?)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:areas?|territor(?:y|ies)|regions?)\s+"
                          r"(?:that\s+are\s+|which\s+are\s+)?$", re.I)


_AREAS_HEAD = re.compile(r"\b(?:areas?|positions|territor(?:y|ies)|parts|regions?)\s+"
                         r"(?:that\s+are\s+|which\s+are\s+)?$", re.I)
_IN_GAP = re.compile(r"\s+in\s+")
_WHERE_WORD = re.compile(r"\bwhere\b", re.I)
_COMMA_WHICH = re.compile(r"\s*,\s*which\b")
_WHICH_ARE = re.compile(r"\s*,\s*which\s+(?:are|were|have|remain)\b")   # plural: about the places before, not the town
_AREA_BEFORE = re.compile(r"\b(?:areas?|countryside|villages?|towns?|positions?|hills?|front|lines?|land|territory|"
                          r"plains?|desert|regions?|parts?|fields?|farmland|outskirts|suburbs|neighbou?rhoods?|"
                          r"districts?)\s+(?:(?:just|some|about|[\d.,]+\s*(?:km|kilomet(?:re|er)s?))\s+)*$", re.I)


def read_control(ctx: SentenceContext) -> list[Draft]:
    """Control drafts of one sentence."""
    out: list[Draft | None] = []
    s = ctx.sentence
    pats = ctx.patterns.control
    for m in pats["place_then_actor"].finditer(s.text):
        start, end = s.start + m.start(), s.start + m.end()
        actors = actors_listed_after(ctx, end, affiliated=True)
        named = None if actors else _GENERIC_NAMED.match(ctx.text, end, s.end)
        actors = actors_listed_after(ctx, named.end()) if named else actors
        if m.group().casefold() == "taken by" and actors and _TAKEN_TO.match(ctx.text, actors[-1].end):
            continue   # "were taken by the SDF to Hasakah": people carried off, not a place seized
        if _HAD_BEEN.search(ctx.text, max(s.start, start - 25), start) or \
                _until(ctx, actors[-1].end if actors else end):
            continue   # "which had been held since 2016 by the YPG": what held before
        if _NEVER.search(ctx.text, max(s.start, start - 20), start):
            continue   # "the city has never fallen to the opposition"
        if both := _both_of_which(ctx, start):   # "near A and B, both of which are held by X"
            out.append(_control(ctx, both, actors, m.group()))
            continue
        head = ctx.text[max(s.start, start - 40):start]
        if _AREAS_HEAD.search(head):
            after = locs_after(ctx, actors[-1].end if actors else end, max_gap=12)
            if after and _IN_GAP.fullmatch(ctx.text[actors[-1].end:after[0].start]) and \
                    any((a.start, a.end) == (after[0].start, after[0].end) for a in ctx.actors):
                after = []   # "territory administered by the government in Damascus": where the government sits
            if after:
                out.append(_control(ctx, after, actors, m.group()))
                continue
            if _MOVED_AREAS.search(head) and not _WHERE_WORD.search(head):   # ("near A, where they
                # will enter areas held by X": A's)
                continue   # "civilians wishing to leave the areas controlled by the militants": areas it does not name
        last = _loc_before(ctx, start)
        if _OTHER_HEAD.search(ctx.text, last.end if last else s.start, start):
            continue   # "ending a siege that began in 2013 and was taken over by IS": the siege was, not a place
        aside = SUBJECT_ASIDE.search(ctx.text, s.start, start)   # "X, which lies on Y, has been controlled by"
        if aside and _names_the_subject(ctx, aside.start(), start):
            aside = None   # "In the corner of Latakia province, the hilltop village, held by X": the village is held
        anchor = (_loc_before(ctx, aside.start() + 1) if aside else None) or _loc_before(ctx, start)
        if _AND_HAS_BEEN.search(ctx.text, max(s.start, start - 30), start):
            anchor = _subject_loc(ctx) or anchor   # "A lies 46 km from B, on the road to C, and has been held by X"
        held = chain(ctx.text, ctx.locs, anchor) if anchor else both_told_before(ctx)   # "Both were taken by X"
        if anchor is not None and _COMMA_WHICH.match(ctx.text[anchor.end:anchor.end + 12]) \
                and (any(0 <= anchor.start - x.end <= 2 for x in ctx.locs)
                     or (anchor.kind in ("direction", "offset") and not _WHICH_ARE.match(ctx.text, anchor.end)
                         and not _AREA_BEFORE.search(ctx.text, max(s.start, anchor.start - 30), anchor.start))) \
                and anchor.place is not None \
                and anchor.place.type in _TOWNS:   # "Murak on the M5 south of X, which", "massing north of X, which is
            #                                        held by" (not "the areas south of the M4", "villages south of X")
            held = [plain(x, ("direction", "near", "outskirts")) if x is anchor else x for x in held]   # "south of
            # Maarat al-Numan, which fell to": the town is what fell
        if anchor is not None and anchor.kind == "part" and _CITY_APPOSITION.match(ctx.text, anchor.end):
            held = [plain(x, ("part",)) if x is anchor else x for x in held]   # "the western neighbourhoods of
            #                                  Qamishli, the largest city controlled by X": the city is X's
        host = _loc_before(ctx, anchor.start) if anchor else None
        if host is not None and host.precision == 1 and host.kind == "place" and \
                _ON_THE.fullmatch(ctx.text, host.end, anchor.start):
            held = [host] + held   # "al-Mayadin, on the western bank held by X": the town is X's too
        held += [loc for loc in _extent_places(ctx, aside) + _aside_inclusions(ctx, aside) if loc not in held]
        held += [loc for loc in _range_start(ctx, anchor, start) if loc not in held]
        held += _as_is(ctx, actors[-1].end if actors else end)
        last_held = _LAST_OF.search(ctx.text, max(s.start, start - 40), start)   # "took A, the last town held by X"
        out.append(_control(ctx, held, actors, f"last {m.group()}" if last_held else m.group()))
    for m in _UNDER_IN.finditer(s.text):   # "under SDF control", "in IS hands", "returned to government control"
        if _HAD_BEEN.search(s.text, max(0, m.start() - 20), m.start()):
            continue   # "Manbij, which had been under YPG occupation since 2016": held before, not now
        actors = actors_listed_after(ctx, s.start + m.end())
        kind = m.group(1).casefold()
        noun = _UNDER if kind == "under" else "hands" if kind == "in" else "control|hands"   # "under SDF guard"
        held_as = re.match(rf"\s*(?:['’]s\s+)?({noun})\b", ctx.text[actors[-1].end:actors[-1].end + 25], re.I) \
            if actors else None
        occupier = noun == _UNDER and bool(actors) and ctx.text[actors[-1].start:actors[-1].end].casefold().endswith(
            "occupation")   # "under Turkish occupation": one mention of the occupier
        at = s.start + m.start()
        bare = noun == _UNDER and bool(actors) \
            and _BACKER_LEAD.fullmatch(ctx.text, s.start + m.end(), actors[0].start) \
            and not held_as and not occupier and _REMAINS.search(ctx.text, max(s.start, at - 30), at) is not None \
            and _CLAUSE_ENDS.match(ctx.text, _FORCE_TAIL.match(ctx.text, actors[-1].end).end()) is not None
        #   "A remains under the Eighth Brigade, ...", "A is under the Turkish army and the National Army factions."
        if not held_as and not occupier and not bare:
            continue
        phrase_end = actors[-1].end + (held_as.end(1) if held_as else 0)
        if _until(ctx, phrase_end):
            continue   # "were under opposition control until 2018"
        also = _AS_DOES.match(ctx.text, phrase_end)   # "A remains under regime control, as does B": A and B
        locs = locs_after(ctx, phrase_end, max_gap=25) if noun == _UNDER and not also else []   # "in IS hands"
        if locs and (_VERB_BETWEEN.search(ctx.text, phrase_end, locs[0].start)
                     or NEXT_CLAUSE.search(ctx.text, phrase_end, locs[0].start)):
            locs = []   # "sent to the areas under Turkish protection, was taken from A": not A; "A remains under
            #             government control to this day, and B in the hands of X": B is the next clause's
        if not locs:   # "near A and B, both of which remain under X control"
            locs = _both_of_which(ctx, at)
        if not locs:   # ends its clause
            last, subject = _loc_before(ctx, s.start + m.start()), _subject_loc(ctx)
            if last is None and (occupier or (held_as and held_as.group(1).casefold() != "control")):
                continue   # "sent to the areas under Turkish protection": no place named before
            # "Sweida city itself and the airbase have remained under government control": the subject's whole list
            anchor = last if last and subject and subject in chain(ctx.text, ctx.locs, last) else subject or last
            if last and _IS_UNDER.fullmatch(ctx.text, last.end, s.start + m.start()) and subject and \
                    _VERB_BETWEEN.search(ctx.text, subject.end, last.start):
                anchor = last   # "A was quiet, and Kobani is under SDF control": Kobani is the clause's subject
            if subject and _AND_HAS_BEEN.search(ctx.text, max(s.start, s.start + m.start() - 30), s.start + m.start()):
                anchor = subject   # "A lies on the road to B, and has been under X control since 2016"
            if last and _RELATIVE_TO.fullmatch(ctx.text, last.end, s.start + m.start()):
                anchor = last   # "in the shadow of al-Qabu, an Alawite village that stayed in government hands"
            locs = [_which_town(ctx, x) if x is anchor else x
                    for x in chain(ctx.text, ctx.locs, anchor)] if anchor else []
            locs += [x for x in _range_start(ctx, anchor, s.start + m.start()) if x not in locs]
            locs += locs_after(ctx, also.end(), max_gap=2) if also else []
        out.append(_control(ctx, locs, actors, "under control"))
    out += _held_adjective(ctx)
    out += _entry_of(ctx)
    out += _party_town(ctx)
    out += _owned_stronghold(ctx)
    out += _actor_verb_place(ctx)
    out += _bases(ctx)
    out += _flying_from(ctx)
    out += _presence(ctx)
    out += _handed_to(ctx)
    out += _let_take(ctx)
    out += _occupied(ctx)
    out += _in_their_hands(ctx)
    out += _listed_holders(ctx)
    return _taken_from(ctx, [d for d in out if d is not None])


# A control list of a security update: "- Jarablus: former SNA factions with Turkish forces at the base; ..."
_BULLET = re.compile(r"[-•*–]\s+")
_PLACES_JOIN = re.compile(r"(?:\s*(?:,|and|&|/|\(|\)|the|its|city|town|village|camp|area|countryside|surroundings|"
                          r"approaches|outskirts|western|eastern|northern|southern|central)\s*)*", re.I)
_LINE_CLAUSE_END = re.compile(r"[;.]")
_LISTED_BEFORE = re.compile(r"\s*(?:(?:the|former|local|some|mainly|mostly)\s+)*", re.I)
# a verb makes the line an incident ("- Qamishli: a Turkish drone struck a car"), not a list of who is there
_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|did|does|do|will|would|can|could|may|might|said|says|set|put|"
                   r"sent|shot|hit|struck|took|fell|came|went|made|ran|began|broke|drove|left|lost|met|saw|told|won|"
                   r"withdrew|brought|built|fought|(?!(?:backed|based|affiliated|administered|armed|appointed|allied|"
                   r"aligned|linked|supported|led|trained|funded|reported|unconfirmed)\b)\w+ed)\b", re.I)


def _listed_holders(ctx: SentenceContext) -> list[Draft | None]:
    """ "- Tishreen Dam: Defence Ministry units and technical staff.": a line of a control list names the places
    before its colon and the parties there after it, with no verb."""
    s = ctx.sentence
    bullet = _BULLET.match(ctx.text, s.start, s.end)
    colon = ctx.text.find(":", bullet.end(), s.end) if bullet else -1
    if colon < 0:
        return []
    head = [loc for loc in ctx.locs if bullet.end() <= loc.start and loc.end <= colon]
    bounds = [bullet.end()] + [x for loc in head for x in (loc.start, loc.end)] + [colon]
    joins = range(0, len(bounds), 2)
    if not head or not all(_PLACES_JOIN.fullmatch(ctx.text, bounds[i], bounds[i + 1]) for i in joins):
        return []
    stop = _LINE_CLAUSE_END.search(ctx.text, colon, s.end)
    end = stop.start() if stop else s.end
    actors = [a for a in ctx.actors if colon < a.start and a.end <= end]
    if not actors or not _LISTED_BEFORE.fullmatch(ctx.text, colon + 1, actors[0].start) or \
            _VERB.search(ctx.text, colon, end):
        return []
    return [_control(ctx, [loc for loc in head if loc.located], actors, "listed")]


_IN_THEIR = re.compile(r"\b(?:in|under)\s+(?:their|its)\s+(?:own\s+)?(?:hands|control)\b", re.I)
_IS_STILL = re.compile(r"\s*,?\s*(?:which\s+)?(?:(?:is|are|was|were|remains?|remained|stays?|stayed|still|now|also|"
                       r"firmly|largely|(?:has|have)\s+been)\s+)*", re.I)


def _in_their_hands(ctx: SentenceContext) -> list[Draft | None]:
    """ "The rebels are now concentrated in Yabroud, with Maaloula still in their hands": the sentence's subject
    holds the place told right before."""
    out: list[Draft | None] = []
    for m in _IN_THEIR.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        last = _loc_before(ctx, m.start())
        if last is None or not _IS_STILL.fullmatch(ctx.text, last.end, m.start()) or _until(ctx, m.end()):
            continue
        owners = subject_group(ctx, [a for a in ctx.actors if a.end <= last.start and not a.adjective
                                     and not is_speaker(ctx, a)])
        if owners:
            out.append(_control(ctx, chain(ctx.text, ctx.locs, last), owners, "in their hands"))
        elif not any(a.end <= m.start() for a in ctx.actors if not a.adjective):   # "And HTS? Khan Shaykhun is
            out.append(_control_by(ctx, chain(ctx.text, ctx.locs, last), previous_subject(ctx.memory),   # under its
                                   "in their hands", m.start()))   # control": the party the sentence before told
    return out


_UNDER = r"control|guard|protection|administration|rule|occupation"   # "under X ..."
_UNDER_IN = re.compile(r"\b(under|in|(?:returned|reverted|came\s+back|went\s+back|passed\s+back)\s+to)\s+"
                       r"(?:the\s+)?", re.I)
# "A remains under the Eighth Brigade": a party right after "under", after a verb of being, ends its clause
_REMAINS = re.compile(r"\b(?:is|are|remains?|remained|stays?|stayed|(?:has|have)\s+been)"
                      r"(?:\s+(?:still|now|also|firmly|largely|entirely|fully))?\s+$", re.I)
# nothing, or a backer, before the party: "A remains under the SDF-affiliated Manbij Military Council"
_BACKER_LEAD = re.compile(rf"(?:[\w.'’-]+-{BACKER_WORDS}\s+)?")
# "the National Army factions", "the Eighth Brigade of Ahmad al-Awda"
_FORCE_TAIL = re.compile(r"(?:\s+(?:factions|forces|fighters|units|troops|militias))?"
                         r"(?:\s+(?:of|led\s+by)\s+(?-i:[A-Z])[\w'’-]*"
                         r"(?:\s+(?:al-|el-)?(?-i:[A-Z])[\w'’-]*){0,3})?", re.I)
_CLAUSE_ENDS = re.compile(r"\s*(?:[,.;:]|\band\b|\bwhile\b|$)", re.I)
_IS_UNDER = re.compile(r"\s+(?:is|are|was|were|remains?|remained|stays?|stayed|(?:has|have)\s+been)"
                       r"(?:\s+(?:still|now|also))?\s+", re.I)
# a second predicate of the sentence's subject: "A lies ..., and has been [held by X | under X control]"
_AND_HAS_BEEN = re.compile(r",\s+and\s+(?:(?:has|have)\s+(?:long\s+|since\s+\w+\s+)?been"
                           r"|(?:is|are|remains?)(?:\s+still)?)\s+$", re.I)
_HAD_BEEN = re.compile(r"\bhad\s+(?:long\s+|previously\s+)?been\s+(?:\w+\s+)?$", re.I)
_VERB_BETWEEN = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would)\b", re.I)
_RELATIVE_TO = re.compile(r"(?:\s*,\s*(?:an?|the)\s+[^,.;()]{1,60}?)?\s*,?\s+(?:that|which)\s+(?:[\w-]+\s+){0,3}", re.I)
_WHICH_TOWN = re.compile(r"\s*,\s*which\s+(?:is|was|has|had|remains|remained|lies|sits|fell|still)\b", re.I)
_AREAS_BEFORE = re.compile(r"\b(?:areas|villages|towns|positions|parts|regions|countryside|territor(?:y|ies)|lands|"
                           r"farms|hills|fronts?|lines)\s+(?:\w+\s+)?$", re.I)


def _which_town(ctx: SentenceContext, anchor: Loc) -> Loc:
    """ "Fighting continued south-east of Sinjar, which remains in HTS hands": the town a singular relative
    clause follows is what it is about (not "the areas south of X, which ...")."""
    if anchor.kind in ("direction", "near", "outskirts") and anchor.place is not None and anchor.place.type in _TOWNS \
            and _WHICH_TOWN.match(ctx.text, anchor.end) \
            and not _AREAS_BEFORE.search(ctx.text, max(ctx.sentence.start, anchor.start - 30), anchor.start):
        return plain(anchor, ("direction", "near", "outskirts"))
    return anchor


_OCCUPATION = re.compile(r"\boccup(?:ation|ying)\b", re.I)
_OCCUPIED = re.compile(r"\boccupied\s+(?:the\s+)?(?:(?:city|town|village|region|areas?)\s+of\s+)?$", re.I)


def note_occupier(ctx: SentenceContext, memory: Memory) -> None:
    """Remember the party the report calls "the occupation" ("the Turkish occupation army")."""
    for a in ctx.actors:
        if not a.adjective and _OCCUPATION.search(ctx.text, a.start, a.end + 12):
            memory.occupier = [a.actor]


def _occupied(ctx: SentenceContext) -> list[Draft | None]:
    """ "shelled from occupied Serê Kaniyê": in a report that calls a party "the occupation", the places
    it calls occupied are held by that party."""
    occupier = ctx.memory.occupier if ctx.memory is not None else []
    out: list[Draft | None] = []
    for loc in ctx.locs:
        m = _OCCUPIED.search(ctx.text, max(ctx.sentence.start, loc.start - 30), loc.start)
        if not occupier or not loc.located or loc.locator or not m:
            continue
        if any(0 <= m.start() - a.end <= 1 for a in ctx.actors) or _OCCUPIED_VERB.search(ctx.text, ctx.sentence.start, m.start()):
            continue   # "Israel occupied the Golan in 1967": a verb with its own subject
        out.append(_control_by(ctx, [loc], occupier, "occupied", loc.start))
    return out


_OCCUPIED_VERB = re.compile(r"\b(?:has|have|had|was|were|is|are|they|it|which|that|who)\s+$", re.I)


_TAKING = re.compile(r"took|taken|captur|seiz|enter|recaptur|retook|overr[au]n|storm|liberat|regain", re.I)
_STANDING = frozenset({"party town", "stronghold", "stronghold of", "-held", "-controlled"})
_LAST_OF = re.compile(r"\b(?:the|its|their)\s+last\s+(?:[\w-]+\s+){0,2}?$", re.I)


def _taken_from(ctx: SentenceContext, drafts: list[Draft]) -> list[Draft]:
    """ "took the town of Rajo, the YPG stronghold in the north", "took Maskanah, the last town held by IS": who
    held a place the sentence says was taken is who lost it."""
    taken = {(loc.start, loc.end): {a.bloc for a in d.actors} for d in drafts if _TAKING.match(d.extra["cue"])
             for loc in d.locs}
    return [d for d in drafts if not (d.extra["cue"] in _STANDING or d.extra["cue"].startswith("last ")) or not any(
        (loc.start, loc.end) in taken and not taken[(loc.start, loc.end)] & {a.bloc for a in d.actors}
        for loc in d.locs)]


_ENTRY_OF = re.compile(r"\b(?:entry|entrance|deployment|redeployment)\s+of\s+", re.I)   # not "the return of": a plan
_AND_INTO = re.compile(r"\s*,?\s+and\s+(?:in)?to\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?", re.I)


def _entry_of(ctx: SentenceContext) -> list[Draft | None]:
    """ "the entry of the regime forces and the Russian military police into the city of Tafas, ... and into the
    town of al-Muzayrib": who entered holds."""
    out: list[Draft | None] = []
    for m in _ENTRY_OF.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        who = actors_listed_after(ctx, m.end(), max_gap=2)
        into = INTO.match(ctx.text, who[-1].end, ctx.sentence.end) if who else None
        locs = locs_after(ctx, into.end(), max_gap=20) if into else []
        while locs:
            out.append(_control(ctx, locs, who, "entered"))
            more = _AND_INTO.search(ctx.text, locs[-1].end, min(ctx.sentence.end, locs[-1].end + 90))
            locs = locs_after(ctx, more.end(), max_gap=0) if more else []
    return out


_STRONGHOLD = re.compile(r"\s+(?:last\s+|main\s+|largest\s+|key\s+)?(?:stronghold|bastion|heartland|enclave|pocket)\b",
                         re.I)


_THEIR_STRONGHOLD = re.compile(r"\b(?:its|their)\s+(?:\w+\s+)?(?:stronghold|bastion|heartland)\s+(?:of\s+)?(?:the\s+)?",
                               re.I)


_WHOSE_STRONGHOLDS = re.compile(r",\s+whose\s+(?:\w+\s+)?(?:strongholds?|bastions?|heartlands?)\s+(?:are|is|were|was|include|remain)\s+"
                                r"(?:the\s+(?:towns?|cities)\s+of\s+)?", re.I)


_AFTER_COMMA = re.compile(r"\w\s*,\s*$")
_MAYBE_POSSESSIVE = re.compile(r"(?:['’]s)?\s+")
_ENDS_POSSESSIVE = re.compile(r"['’]s\s*$")


def _owned_stronghold(ctx: SentenceContext) -> list[Draft | None]:
    """ "launched from the opposition's Idlib stronghold", "factions in their stronghold of Azaz": the party
    holds the place."""
    out: list[Draft | None] = []
    for m in _THEIR_STRONGHOLD.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        usable = [a for a in ctx.actors if a.end <= m.start() and not is_speaker(ctx, a)]
        clause = [a for a in usable if a.start >= clause_start(ctx, m.start())]
        locs = locs_after(ctx, m.end(), max_gap=0)
        if not locs and _AFTER_COMMA.search(ctx.text[max(ctx.sentence.start, m.start() - 4):m.start()]):
            before = _loc_before(ctx, m.start())   # "set out from al-Shaddadi, their stronghold ..."
            locs = [before] if before is not None and before.end >= m.start() - 3 else []
        out.append(_control(ctx, locs, subject_group(ctx, clause or usable), "stronghold"))
    for m in _WHOSE_STRONGHOLDS.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        locs = locs_after(ctx, m.end(), max_gap=0)
        owners = [a for a in ctx.actors if clause_start(ctx, m.start()) <= a.start and a.end <= m.start()
                  and not is_speaker(ctx, a)]
        out.append(_control(ctx, locs, owners, "stronghold"))
    out += _are_strongholds(ctx)
    for a in ctx.actors:
        owned = _MAYBE_POSSESSIVE.match(ctx.text[a.end:a.end + 4])   # the actor's span may hold its "'s"
        if owned is None or not _ENDS_POSSESSIVE.search(ctx.text[a.start:a.end + owned.end()]):
            continue
        locs = locs_after(ctx, a.end + owned.end(), max_gap=0)
        if locs and _STRONGHOLD.match(ctx.text, locs[-1].end, ctx.sentence.end):
            out.append(_control(ctx, locs, [a], "stronghold"))
    return out


_STRONGHOLD_NOUN = re.compile(r"\s*(?:strongholds?|bastions?|heartlands?|outposts?|enclaves?)\b", re.I)
_IS_THE = re.compile(r"\b(?:is|are|remains?|remained|was|were|has\s+been|have\s+been)\s+(?:(?:still|now|also)\s+)?"
                     r"(?:the\s+|a\s+|an\s+)?"
                     r"(?:(?:main|last|key|largest|biggest|major|remaining|principal|two|three)\s+)*$", re.I)


def _are_strongholds(ctx: SentenceContext) -> list[Draft | None]:
    """ "Talbiseh and Rastan, which straddles the highway, remain the main rebel strongholds": the places of the
    subject are the party's."""
    out: list[Draft | None] = []
    for a in ctx.actors:
        cop = _IS_THE.search(ctx.text, max(ctx.sentence.start, a.start - 40), a.start)
        if cop is None or not _STRONGHOLD_NOUN.match(ctx.text, a.end, ctx.sentence.end):
            continue
        out.append(_control(ctx, _subject_places(ctx, cop.start()), [a], "stronghold"))
    return out


def _subject_places(ctx: SentenceContext, verb: int) -> list[Loc]:
    """The places of the subject before the verb at ``verb`` (past an aside that follows them)."""
    aside = SUBJECT_ASIDE.search(ctx.text, ctx.sentence.start, verb)
    anchor = (_loc_before(ctx, aside.start() + 1) if aside else None) or _loc_before(ctx, verb)
    return chain(ctx.text, ctx.locs, anchor) if anchor else []


_HANDED = re.compile(r"\b(?:hand(?:ed|s|ing)?\s+over|handover\s+of|transferr(?:ed|ing)|cede[sd]?|ceding|"
                     r"surrender(?:ed|ing)?)\s+(?:control\s+of\s+)?(?:the\s+)?", re.I)
# "A to X", "A, some 22 km west of B, to X"
# "A and the farms around it to X", "A together with its heavy weapons to X"
_OVER_TO = re.compile(r"(?:\s*,[^,.;]{1,60},)?"
                      r"(?:\s+(?:and|together\s+with|along\s+with)\s+(?:the|its|their)\s+[^,.;]{1,40}?)?"
                      r"\s+(?:over\s+)?to\s+(?:the\s+)?", re.I)
_HAND = re.compile(r"\bhand(?:ed|s|ing)?\s+(?:the\s+|its\s+|their\s+)?", re.I)
# "handing Ain Issa over to X", "hands Manbij to X", "handed its al-Mayadin headquarters to X"
_HAND_OVER_TO = re.compile(r"(?:\s+(?:headquarters|positions|posts|checkpoints|bases))?"
                           r"\s+(?:over\s+|back\s+)?to\s+(?:the\s+)?", re.I)


def _handed_to(ctx: SentenceContext) -> list[Draft | None]:
    """ "The SDF handed over Arima and Tal Rifaat to government forces": the receivers hold them now
    (nothing when the sentence only proposes it)."""
    out: list[Draft | None] = []
    if ctx.modality() == Modality.POSSIBLE:
        return _giver_holds(ctx)   # a handover proposed or expected gives nobody anything yet
    found = [(locs, _OVER_TO.match(ctx.text, locs[-1].end, ctx.sentence.end))
             for m in _HANDED.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end)
             if (locs := _included(ctx, m.end()) or locs_after(ctx, m.end(), max_gap=45))]
    found += [(locs, _HAND_OVER_TO.match(ctx.text, locs[-1].end, ctx.sentence.end))   # "handing Ain Issa over to X"
              for m in _HAND.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end)
              if (locs := locs_after(ctx, m.end(), max_gap=2))]
    found += [([loc], left) for loc in ctx.locs if not loc.locator
              and (left := _LEAVING_IT_TO.match(ctx.text, loc.end, ctx.sentence.end))]   # "A, leaving it to X"
    found += [(chain(ctx.text, ctx.locs, loc), m) for loc, m in handed_places(ctx)]   # "A was handed over to X"
    for locs, to in found:
        takers = actors_listed_after(ctx, to.end(), max_gap=2) if to else []
        out.append(_control(ctx, locs, takers, "handed over"))
    return out


_LEAVING_IT_TO = re.compile(r"\s*,\s*(?:and\s+)?(?:leaving|left|handing|handed)\s+(?:it|them)\s+"
                            r"(?:over\s+)?to\s+(?:the\s+)?",
                            re.I)


_LET = re.compile(r"\blet(?:s|ting)?\s+(?:the\s+)?", re.I)
_TAKE = re.compile(r"(?:['’]s)?\s+(?:[\w’'-]+\s+){0,3}?(?:take|enter|capture|seize|have)\s+(?:the\s+)?", re.I)


def _let_take(ctx: SentenceContext) -> list[Draft | None]:
    """ "a swap that let Turkey's Operation Euphrates Shield take Jarabulus and al-Bab": the party let in holds
    the places (not when it is only proposed)."""
    if ctx.modality() == Modality.POSSIBLE:
        return []
    out: list[Draft | None] = []
    for m in _LET.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        takers = actors_listed_after(ctx, m.end(), max_gap=0)
        take = _TAKE.match(ctx.text, takers[-1].end, ctx.sentence.end) if takers else None
        if take:
            out.append(_control(ctx, locs_after(ctx, take.end(), max_gap=0), takers, "let take"))
    return out


# "the withdrawal was part of an understanding under which X would hand over A": told after the fact, A is no longer X's
_PART_OF_DEAL = re.compile(r"\b(?:was|were)\s+part\s+of\s+(?:an?|the)\s+(?:[\w-]+\s+)?"
                           r"(?:understanding|agreement|deal|arrangement)\b",
                           re.I)


def _giver_holds(ctx: SentenceContext) -> list[Draft | None]:
    """ "the YPG would hand Tal Rifaat and the Menagh airbase to the factions", "US forces would leave the al-Tanf
    garrison": a party that may hand a place over or leave it holds it now."""
    out: list[Draft | None] = []
    if _PART_OF_DEAL.search(ctx.sentence.text):
        return out
    for group in actor_groups(ctx):
        m = WOULD_HAND.match(ctx.text, group[-1].end, ctx.sentence.end)
        locs = (_included(ctx, m.end()) or locs_after(ctx, m.end(), max_gap=2)) if m else []
        if locs:
            out.append(_control(ctx, locs, group, "would hand"))
    return out


_BE = (r"\s+(?:(?:are|is|were|was|remain|remains|remained|have\s+been|has\s+been|had\s+been|had|have|has|still|now|also|"
       r"already)\s+)*")
_AT = (r"\s+(?P<at>(?:in|at|inside|around|near|in\s+the\s+vicinity\s+of|"   # "on the eastern outskirts of A"
       r"(?:on|at)\s+the\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
       r"(?:outskirts|edges?|fringes?)\s+of"
       r"(?!\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:countryside|province|governorate)\b))"
       r"\s+(?:the\s+)?)"
       r"(?!(?:a|an)\s+(?:house|building|farm|home|cave|school|mosque|basement|hideout|apartment)\b)")   # "a cell holed
#                                                                                   up in a house in Jasim": no hold


_SET_UP = re.compile(r"\b(?:set\s+up|sets\s+up|established|establishes|built|builds|opened|erected|has|have|had|keeps?|hold|holds|"
                     r"kept|maintains?|maintained|runs?|ran|operates?|operated|hosts?|hosted)\s+(?:[\w-]+\s+){0,4}?$", re.I)
_LEFT = re.compile(r"\b(?:withdr\w*|pull\w*\s+out|pulled\s+back|evacuat\w*|abandon\w*|left|leav\w*|retreat\w*|fled|"
                   r"driven\s+out|expelled|ousted)\s+(?:\w+\s+){0,3}?(?:from|of)\s+(?:\w+\s+)?$", re.I)
# posts someone took over are no longer their owner's (after "stormed an SDF checkpoint" or "left the Turkish base"
# they still are)
_TAKEN_OVER = re.compile(r"\b(?:t(?:ook|aken|aking|akes?)\s+over|seized|captured|moved\s+into)\s+"
                         r"(?:[\w’'-]+\s+){0,3}?$", re.I)
_OTHER_DOER = re.compile(r"[,;]|\b(?:after|when|as|once|before|while|since|until|but|who|which|that|to)\b", re.I)
# the place's own asides between a force's post and its move: "stationed at A, the junction of B and C, drove off"
_NP_ASIDE = re.compile(r",\s*(?:(?:the|a|an|some|about|around|nearly|roughly|just|\d)[^,;]{0,80}?)?,")
_PULLED_OUT = re.compile(r"\b(?:pulled\s+(?:back|out)|withdrew|retreated|left|evacuated|fled)\b", re.I)
# a force said to be somewhere that then moves off ("soldiers stationed at A were seen driving towards B")
_MOVED_AWAY = re.compile(_PULLED_OUT.pattern + r"|\b(?:drove|driving|headed|heading)\b", re.I)
_GIVEN = re.compile(r"\b(?:hand(?:ed|s|ing)?(?:\s+over)?|transferr\w*|cede[sd]?|ceding|surrender\w*|vacat\w*|"
                    r"abandon\w*|evacuat\w*|dismantl\w*|removed)\s+(?:[\w-]+\s+){0,3}?$", re.I)


_WHEN = (r"(?:\s+(?:(?:late|early)\s+)?on\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
         rf"(?:\s+(?:morning|evening|night))?|{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH}),?)?")   # "deployed on Thursday in"


@lru_cache(maxsize=8)
def _presence_rx(verbs: str, nouns: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (re.compile(r"(?:\s+(?!(?:are|is|were|was|have|has|had)\b)(?-i:[a-z][\w-]*)){0,2}?" + _BE + f"(?:{verbs})" + _WHEN + _AT,
                       re.I),
            re.compile(r"(?:\b(?P<pronoun>its|their)\s+(?:[\w-]+\s+)?)?" + f"(?:{nouns})" + _ESTABLISHED + _AT, re.I))


# "the Turkish observation post established last month near Morek"
_ESTABLISHED = r"(?:\s+(?:established|set\s+up|built|erected|located|set)(?:\s+(?!in\b|at\b|near\b)[\w-]+){0,3}?)?"


_WHERE = re.compile(r"\bwhere\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=8)
def _where_rx(verbs: str, nouns: str) -> re.Pattern[str]:
    """After the party of a "where" clause: stationed there, or keeping a base or posts there."""
    keeps = (r"(?:maintains?|maintained|keeps?|kept|has|have|had|runs?|operates?|set\s+up|established|built)\s+"
             r"(?:(?:a|an|its|their|the|several|two|three|many)\s+)?(?:[\w-]+\s+){0,2}?")
    return re.compile(_BE + f"(?:(?:{verbs})\\b|{keeps}(?:{nouns})\\b)", re.I)


@lru_cache(maxsize=8)
def _verb_only_rx(verbs: str) -> re.Pattern[str]:
    return re.compile(_BE + f"(?:{verbs})" + r"\b(?:\s+(?:alongside|together\s+with)\s+(?:the\s+)?)?", re.I)


_FRONTED = re.compile(r"\b(?:In|At|Inside)\s+(?:the\s+)?$")


_COMMA_GAP = re.compile(r"\s*,\s*(?:the\s+)?")


def _fronted_place(ctx: SentenceContext, pos: int) -> Loc | None:
    """The place a sentence opens with ("In Kobani, government troops ..."), right before ``pos``."""
    loc = _loc_before(ctx, pos)
    if loc is None or not _COMMA_GAP.fullmatch(ctx.text[loc.end:pos]):
        return None
    return loc if _FRONTED.search(ctx.text, max(ctx.sentence.start, loc.start - 12), loc.start) else None


_BEEN = re.compile(r"\bbeen\b", re.I)
_FROM_BEFORE = re.compile(r"\b(?:from|in|at|to|of|near|around|on)\s+$", re.I)
_HAD_BEEN_ANYWHERE = re.compile(r"\bhad\s+been\b", re.I)
_OWNER_GAP = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}|\s*")


def _presence(ctx: SentenceContext) -> list[Draft | None]:
    """Forces stationed, deployed or with positions, bases or posts at a place hold that point:
    "Russian forces are stationed at Qamishli airport", "SDF positions in al-Dahla", "its base in
    al-Shaddadi". The claim's cue says it is presence, so a map can tell it from a stated control."""
    verbs, nouns = ctx.patterns.control.get("presence_verbs"), ctx.patterns.control.get("presence_nouns")
    if verbs is None or nouns is None:
        return []
    verb_rx, noun_rx = _presence_rx(verbs.pattern, nouns.pattern)
    out: list[Draft | None] = []
    for group in actor_groups(ctx):
        m = verb_rx.match(ctx.text, group[-1].end, ctx.sentence.end)
        aside = _FORCE_ASIDE.match(ctx.text, group[-1].end, ctx.sentence.end) if m is None else None
        if aside:   # "units of the Ministry of Defence, most of them drawn from the HTS-led command, are deployed in A"
            m = verb_rx.match(ctx.text, aside.end(), ctx.sentence.end)
        gone = _MOVED_AWAY.search(ctx.text, m.end(), ctx.sentence.end) if m else None
        if gone and (_HAD_BEEN_ANYWHERE.search(m.group()) or not _OTHER_DOER.search(_NP_ASIDE.sub(
                " ", " ".join(ctx.text[a:b] for a, b in _uncovered(ctx, m.end(), gone.start()))))):
            continue   # "units that had been based at the airbase pulled back east", "troops based in the city had
            #            already pulled out towards Homs": no longer there ("deployed in A after the buses left": there)
        if m:
            locs = locs_after(ctx, m.start("at"), max_gap=40)
            if not _held_until(ctx, locs):   # "kept posts in the town and at Izra until December 2024"
                out.append(_control(ctx, locs, group, "presence"))
            continue
        fronted = _fronted_place(ctx, group[0].start)
        m = _verb_only_rx(verbs.pattern).match(ctx.text, group[-1].end, ctx.sentence.end) if fronted else None
        if m:   # "In Kobani, government troops have been deployed alongside the SDF"
            out.append(_control(ctx, [fronted], group + actors_listed_after(ctx, m.end(), max_gap=2), "presence"))
        elif _WHERE.search(ctx.text, max(ctx.sentence.start, group[0].start - 12), group[0].start) and (
                _where_rx(verbs.pattern, nouns.pattern).match(ctx.text, group[-1].end, ctx.sentence.end)):
            anchor = _loc_before(ctx, group[0].start)   # "al-Shaddadi, where the coalition keeps a base"
            out.append(_control(ctx, [anchor] if anchor else [], group, "presence"))
    for m in noun_rx.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        if _LEFT.search(ctx.text, max(ctx.sentence.start, m.start() - 40), m.start()) or \
                _GIVEN.search(ctx.text, max(ctx.sentence.start, m.start() - 40), m.start()) or \
                _TAKEN_OVER.search(ctx.text, max(ctx.sentence.start, m.start() - 40), m.start()):
            continue   # "withdrew from their positions around Saraqib", "handed over its posts in X", "took over
            #            the army positions in X": no longer there
        if m.group("pronoun"):   # "X returned home, while the Russian vehicles went back to their positions"
            before = [a for a in ctx.actors if a.end <= m.start()]
            own_clause = [a for a in before if a.start >= clause_start(ctx, m.start())]
            owners = subject_group(ctx, own_clause or before)
            if owners and not _FROM_BEFORE.search(ctx.text, max(owners[-1].end, m.start() - 30), m.start()) \
                    and _acted_on_between(ctx, max(owners[-1].end, m.start() - 30), m.start()):
                owners = []   # "we hit their positions on the edge of A" (not "shelled A from their positions")
        else:
            owners = [a for a in ctx.actors if a.end <= m.start()
                      and _OWNER_GAP.fullmatch(ctx.text[a.end:m.start()])
                      and not _acted_on_between(ctx, a.end, m.start())   # not "rebels shelled army positions"
                      and not _FORMER.search(ctx.text, max(0, a.start - 12), a.start)][-1:]   # "former army posts"
        if not owners:   # "Turkish forces set up a new observation point in X", "the coalition keeps posts in X"
            verb = _SET_UP.search(ctx.text, max(ctx.sentence.start, m.start() - 50), m.start())
            if verb and (_BEEN.search(verb.group()) or _acted_on_between(ctx, verb.start(), m.start())):
                verb = None   # "had been stationed at a post", "had hit army positions": no post of their own
            groups = [g for g in actor_groups(ctx) if verb and g[-1].end <= verb.start()
                      and len(ctx.text[g[-1].end:verb.start()].split()) <= 2]
            owners = groups[-1] if groups else []
        named = [loc for loc in ctx.locs if m.start() <= loc.start < m.end() and _base_place(loc)]   # "their naval
        #                                                  facility in Tartus": the base the gazetteer names so
        locs = locs_after(ctx, named[0].start, max_gap=0) if named else \
            _past_country(ctx, locs_after(ctx, m.start("at"), max_gap=40))
        if owners and not _held_until(ctx, locs):   # "kept posts in A until December, when they left"
            out.append(_control(ctx, locs, owners, "presence"))
    return out + _positions_of(ctx, nouns.pattern) + _where_it(ctx, verbs.pattern, nouns.pattern) + _houses(ctx)


_FORCE_ASIDE = re.compile(r",\s+(?!(?:and|or|but|while|whereas|as|after|before|when)\b)[^,;.:()\"“”]{3,120}?,(?=\s)", re.I)
_ACTS_ON = (EventType.STRIKE, EventType.ATTACK, EventType.CAPTURE)
_FORMER = re.compile(r"\b(?:former|ex-|abandoned|old|previous)\s*$", re.I)


def _acted_on_between(ctx: SentenceContext, start: int, end: int) -> bool:
    """Whether a strike, attack or capture word of ``patterns.yaml`` stands between two offsets: "rebels shelled
    army positions", "fired from rebel-held areas hit Jaramana": whoever acts on the place does not hold it."""
    return any(ctx.patterns.events[kind].search(ctx.text, start, end) for kind in _ACTS_ON)


def _uncovered(ctx: SentenceContext, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``start:end`` that no locator Loc covers ("near the village of Khasham")."""
    parts, cursor = [], start
    for loc in ctx.locs:
        if loc.locator and start <= loc.start and loc.end <= end:
            parts.append((cursor, loc.start))
            cursor = loc.end
    return parts + [(cursor, end)]


_HOUSES = re.compile(r",?\s+which\s+(?:also\s+|still\s+|now\s+)?(?:houses|hosts|housed|hosted|is\s+home\s+to)\s+"
                     r"(?:the\s+|a\s+|an\s+)?", re.I)


_SPACES_COMMAS = re.compile(r"[\s,]*")


def _houses(ctx: SentenceContext) -> list[Draft | None]:
    """ "the Conoco gas field near the village of Khasham, east of Deir ez-Zor city, which also houses US
    troops": the party is present at the head place, past the asides that only say where it is."""
    out: list[Draft | None] = []
    for m in _HOUSES.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        owners = actors_listed_after(ctx, m.end(), max_gap=2)
        head = _loc_before(ctx, m.start())
        while head is not None and head.kind != "place":
            before = _loc_before(ctx, head.start)
            gap = "".join(ctx.text[a:b] for a, b in _uncovered(ctx, before.end, head.start)) if before else ""
            if before is None or not _SPACES_COMMAS.fullmatch(gap):
                break
            head = before
        out.append(_control(ctx, [head] if head else [], owners, "presence"))
    return out


_IN_COUNTRY_AT = re.compile(r"\s+(?:at|in|near)\s+(?:the\s+)?", re.I)


def _past_country(ctx: SentenceContext, locs: list[Loc]) -> list[Loc]:
    """ "its largest base in Syria at the al-Omar field": the place after the country."""
    if locs and all(whole_country(loc) for loc in locs):
        at = _IN_COUNTRY_AT.match(ctx.text, locs[-1].end, ctx.sentence.end)
        return locs_after(ctx, at.end(), max_gap=2) if at else []
    return locs


# "Positions of the Deir ez-Zor Military Council, affiliated with the SDF, in the town of Dhiban"
_OF_ASIDE = re.compile(r"(?:\s*\([^()]{1,40}\))?(?:\s*,[^,.;]{1,80},)?(?:\s*\([^()]{1,40}\))?" + _AT, re.I)


# "of Jabhat al-Nusra terrorists", "of the Syrian army's 47th Brigade"
_ITS_FIGHTERS = re.compile(r"\s+(?:terrorists|fighters|militants|militiamen|gunmen|forces|troops|units|members)\b"
                           r"|(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:brigade|division|regiment|battalion|corps|units?|forces|troops)\b", re.I)


@lru_cache(maxsize=8)
def _positions_rx(nouns: str) -> re.Pattern[str]:
    """Positions "of" or "belonging to" a party."""
    return re.compile(rf"\b(?:{nouns})(?:\s+and\s+(?:fortifications|{nouns}))?\s+(?:belonging\s+to|of)\s+"
                      r"(?:the\s+)?", re.I)


def _positions_of(ctx: SentenceContext, nouns: str) -> list[Draft | None]:
    out: list[Draft | None] = []
    for m in _positions_rx(nouns).finditer(ctx.sentence.text):   # "positions and fortifications of X"
        start = ctx.sentence.start + m.start()
        if _LEFT.search(ctx.text, max(ctx.sentence.start, start - 40), start) or \
                _GIVEN.search(ctx.text, max(ctx.sentence.start, start - 40), start):
            continue   # "withdrew from the positions of X in Y"
        owners = actors_listed_after(ctx, ctx.sentence.start + m.end(), max_gap=2)
        fighters = _ITS_FIGHTERS.match(ctx.text, owners[-1].end) if owners else None
        end = (fighters.end() if fighters else owners[-1].end) if owners else 0
        at = _OF_ASIDE.match(ctx.text, end, ctx.sentence.end) if owners else None
        if at:
            out.append(_control(ctx, locs_after(ctx, at.start("at"), max_gap=40), owners, "presence"))
    return out


_WHERE_IT = re.compile(r"\bwhere\s+(?:it|they)\b", re.I)


def _where_it(ctx: SentenceContext, verbs: str, nouns: str) -> list[Draft | None]:
    """ "... to the Conoco field, where it also maintains a base": "it" is the sentence's subject."""
    out: list[Draft | None] = []
    for m in _WHERE_IT.finditer(ctx.sentence.text):
        start, end = ctx.sentence.start + m.start(), ctx.sentence.start + m.end()
        if not _where_rx(verbs, nouns).match(ctx.text, end, ctx.sentence.end):
            continue
        owners = subject_group(ctx, [a for a in ctx.actors if a.end <= start and not a.adjective
                                     and not is_speaker(ctx, a)])
        anchor = _loc_before(ctx, start)
        out.append(_control(ctx, [anchor] if anchor else [], owners, "presence"))
    return out


_BASE_TYPES = frozenset({PlaceType.BASE, PlaceType.AIRPORT, PlaceType.FIELD})


_AT_IN_OF = re.compile(r"\s+(?:at|in|of)\s+(?:the\s+)?")
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}", re.I)


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
        at = _AT_IN_OF.match(ctx.text[noun_end:noun_end + 12])
        after = locs_after(ctx, noun_end + at.end(), max_gap=2) if at else []
        if after and _base_place(after[0]):                     # "the Russian base at Hmeimim"
            out.append(_control(ctx, after[:1], [a], "base"))
        before = _loc_before(ctx, a.start)                      # "X, the largest coalition base"
        if before is not None and _base_place(before) and _APPOSITION.fullmatch(ctx.text[before.end:a.start]):
            out.append(_control(ctx, [before], [a], "base"))
    return out


# "Russian warplanes operating from the Hmeimim airbase", "coalition jets flying out of Incirlik"
_FLYING_FROM = re.compile(r"(?:\s+(?:warplanes|jets|aircraft|planes|helicopters|drones|bombers))?\s*,?\s+"
                          r"(?:(?:which|that)\s+(?:operate|operated|fly|flew|took\s+off)|operating|flying|taking\s+off)"
                          r"\s+(?:from|out\s+of)\s+(?:the\s+)?", re.I)


def _flying_from(ctx: SentenceContext) -> list[Draft | None]:
    """A base a party's aircraft fly from is the party's: "Russian warplanes operating from the Hmeimim airbase"."""
    out: list[Draft | None] = []
    for a in ctx.actors:
        m = _FLYING_FROM.match(ctx.text, a.end, ctx.sentence.end)
        base = locs_after(ctx, m.end(), max_gap=2)[:1] if m else []
        if base and _base_place(base[0]):
            out.append(_control(ctx, base, [a], "base"))
    return out


def _base_place(loc: Loc) -> bool:
    return loc.place is not None and loc.place.type in _BASE_TYPES and loc.kind == "place"


# "A remains under SDF control, as do the B crossing and ...", "..., along with a handful of villages on C"
_AS_DOES = re.compile(r"\)?\s*,?\s*(?:as\s+(?:does|do|did|is|are|was|were)|along\s+with|together\s+with)\s+"
                      r"(?:the\s+(?:(?:city|town|village)\s+of\s+)?|(?:an?\s+)?(?:handful|number|few|couple)\s+of\s+"
                      r"(?:\w+\s+){0,2}?(?:towns|villages|areas)\s+(?:on|in|near|along)\s+)?", re.I)


def _as_is(ctx: SentenceContext, pos: int) -> list[Loc]:
    """ "A and B are still held by X, as is Idlib city itself", "A remains in the hands of X, along with the
    village of B": the place after "as is" or "along with" too."""
    m = _AS_DOES.match(ctx.text, pos, ctx.sentence.end)
    return locs_after(ctx, m.end(), max_gap=2) if m else []


def _extent_places(ctx: SentenceContext, m: re.Match[str] | None) -> list[Loc]:
    """ "The west bank, from al-Mayadin down to Albu Kamal, is held by X": X holds both ends too; so with
    "Azaz, like Marea, is run by X"."""
    if not m or not m.group("extent"):
        return []
    return [loc for loc in ctx.locs if m.start("extent") <= loc.start and loc.end <= m.end("extent") and loc.located
            and not loc.locator and loc.precision == 1]


_INCLUDES = re.compile(r",\s+(?:which|that)\s+(?:includes?|included|comprises?|contains?|covers?|takes\s+in|"
                       r"stretches|extends|runs)\b", re.I)


def _aside_inclusions(ctx: SentenceContext, m: re.Match[str] | None) -> list[Loc]:
    """ "The southern pocket, which includes Arbin and Zamalka and stretches into Jobar, is controlled by X": the
    places the aside says the held area takes in."""
    if not m or not _INCLUDES.match(ctx.text, m.start()):
        return []
    return [loc for loc in ctx.locs if m.start() <= loc.start and loc.end <= m.end() and loc.located
            and not loc.locator and loc.precision == 1]


_RANGE_TO = re.compile(r"\s+(?:(?:all\s+the\s+way|right)\s+)?(?:(?:down|up|east|west|north|south)\w*\s+)?"
                       r"to\s+(?:the\s+)?(?:(?:town|city|village|border)\s+(?:of\s+|at\s+)?)?", re.I)
_RANGE_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.I)
_ROAD_FROM = re.compile(r"\b(?:road|highway|motorway|route|roads)\s+from\s+(?:the\s+)?"
                        r"(?:(?:town|city|village)\s+of\s+)?$", re.I)
_RANGE_STEP = re.compile(r"\s+(?:through|via|past)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?", re.I)


def _range_start(ctx: SentenceContext, anchor: Loc | None, held_at: int) -> list[Loc]:
    """ "the western bank from al-Asharah down to Albu Kamal is held by X": the range's start is X's too (not
    "troops moved from A to B, which is held by X": the range must be what the sentence says is held)."""
    if anchor is None or "," in ctx.text[anchor.end:held_at]:
        return []
    start = _loc_before(ctx, anchor.start)
    if start is None or start.precision != 1 or not _RANGE_TO.fullmatch(ctx.text, start.end, anchor.start):
        return []
    passed: list[Loc] = []   # "from al-Mayadin through al-Asharah down to Albu Kamal"
    while start.precision == 1 and (before := _loc_before(ctx, start.start)) is not None \
            and _RANGE_STEP.fullmatch(ctx.text, before.end, start.start):
        passed.append(start)
        start = before
    if start.precision != 1 or \
            not _RANGE_FROM.search(ctx.text, max(ctx.sentence.start, start.start - 30), start.start) or \
            _ROAD_FROM.search(ctx.text, max(ctx.sentence.start, start.start - 40), start.start):
        return []   # "the road from Hama to Aleppo is under government control": the road, not the towns
    return [start, *passed[::-1]]


def _subject_loc(ctx: SentenceContext) -> Loc | None:
    """The Loc that opens the sentence (its subject: "The town lies ... and has been under X control")."""
    first = next((loc for loc in ctx.locs if loc.located and not loc.locator), None)
    if first and first.kind != "place" and ctx.text.startswith(",", first.end):
        return None   # "South-southwest of A, the town of B ... remains": a fronted phrase says where, not what
    if first and len(ctx.text[ctx.sentence.start:first.start].split()) <= 1:
        return first
    return None


@lru_cache(maxsize=8)
def _held_rx(words: str) -> re.Pattern[str]:
    """``actor_then_place`` (patterns.yaml: "-held", "-controlled" ...) right after a party, then the place."""
    return re.compile(f"({words})" + r"(?:\s*,)?\s+", re.I)


_PARTY_TOWN = re.compile(r"\s+(?:[\w-]+\s+)?(?:towns?|villages?|city|cities|enclaves?|districts?|neighbou?rhoods?|"
                         r"strongholds?|bastions?)\b(?P<of>\s+of\s+(?:the\s+)?)?", re.I)


def _places_in_clause(ctx: SentenceContext, start: int) -> list[Loc]:
    """The places named from ``start`` to the end of its clause, not those that only say where others lie."""
    stop = CLAUSE_BREAK.search(ctx.text, start, ctx.sentence.end)
    return [loc for loc in ctx.locs if start <= loc.start and loc.end <= (stop.start() if stop else ctx.sentence.end)
            and loc.kind == "place" and not loc.locator]


_PARTY_AREA_RUNS = re.compile(r"\s+(?:[\w-]+\s+)?(?:pocket|enclave|area|strip|belt|corridor|territory|salient)\b"
                              r"[^,.;]{0,40}?,?\s+(?:which|that)\s+(?:runs|ran|stretches|stretched|extends|extended)\s+"
                              r"(?:(?:north|south|east|west)\w*\s+)?from\s+(?:the\s+)?", re.I)
_PARTY_APPOSED = re.compile(r",\s+(?:(?:one|some|two|several)\s+of\s+)?(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:pro-)?$", re.I)


_ONE_WORD = re.compile(r"(?:the\s+)?[\w-]+", re.I)
_FORMERLY = re.compile(r"\b(?:former|once|ex)[\s-]+(?:pro-)?$", re.I)


def _party_town(ctx: SentenceContext) -> list[Draft | None]:
    """ "the rebel town of Kafr Nabl", "the besieged pro-government villages of al-Fuah and Kafraya",
    "Madaya and Zabadani, the last opposition towns in the mountains", "the opposition pocket, which runs from A to
    B": a party's town is its own."""
    out: list[Draft | None] = []
    for a in ctx.actors:
        runs = _PARTY_AREA_RUNS.match(ctx.text, a.end, ctx.sentence.end)
        m = None if runs else _PARTY_TOWN.match(ctx.text, a.end, ctx.sentence.end)
        if a.adjective or not (m or runs) or not _ONE_WORD.fullmatch(ctx.text[a.start:a.end]) \
                or (a.actor.kind == "government" and ctx.text[a.start:a.end].istitle()):
            continue   # one word that names a side ("rebel", "opposition", "regime"), not "the Turkish border town"
            #            nor a capital ("the Damascus district of Jobar")
        if _FORMERLY.search(ctx.text[max(0, a.start - 12):a.start]):
            continue   # "the former rebel town of X"
        if runs:   # "the last opposition pocket near Damascus, which runs from A north through B to C"
            out.append(_control(ctx, _places_in_clause(ctx, runs.end()), [a], "party town"))
            continue
        if m.group("of"):
            locs = locs_after(ctx, m.end(), max_gap=2)
        else:
            head = _PARTY_APPOSED.search(ctx.text, max(ctx.sentence.start, a.start - 40), a.start)
            named = [loc for loc in ctx.locs if head and loc.end == head.start() and loc.located and not loc.locator]
            locs = [loc for loc in chain(ctx.text, ctx.locs, named[-1]) if loc.end <= head.start()] if named else []
        out.append(_control(ctx, locs, [a], "party town"))
    return out


_WHICH_BEFORE = re.compile(r",\s*(?:which|that)\s+(?:\w+\s+)?$", re.I)
_LOCATOR_AFTER_COMMA = re.compile(r"\w\s*,\s*(?:(?:about|some|around|just)\s+)?$")
_IN_ASIDE = re.compile(r",\s*(?:[\w-]+\s+){0,6}?(?:in|inside|within)\s+(?:the\s+)?$", re.I)


def _antecedent(ctx: SentenceContext, pos: int) -> Loc | None:
    """The place a relative clause at ``pos`` is about, even one named as a landmark ("8 km south of
    Khan Shaykhun, which the government forces captured in 2019")."""
    m = _WHICH_BEFORE.search(ctx.text[max(ctx.sentence.start, pos - 30):pos])
    if m is None:
        return None
    comma = max(ctx.sentence.start, pos - 30) + m.start()
    loc = next((loc for loc in reversed(ctx.locs) if loc.end == comma and loc.located and loc.place is not None), None)
    if loc is not None and loc.kind != "place" and \
            _LOCATOR_AFTER_COMMA.search(ctx.text[max(0, loc.start - 12):loc.start]):
        return None   # "Tal Rifaat, north of Aleppo, which ...": an aside about the place before
    aside = _IN_ASIDE.search(ctx.text, max(ctx.sentence.start, loc.start - 60), loc.start) if loc is not None else None
    host = _loc_before(ctx, aside.start() + 1) if aside else None
    if host is not None and host.end == aside.start() and host.place is not None:
        loc = host   # "the outskirts of Jisr al-Shughur, across the provincial line in Idlib, which X seized": the town
    if loc is not None and loc.kind != "place":   # the landmark itself, not the spot 8 km from it
        loc = replace(loc, label=loc.place.name, geometry=loc.place.geometry, precision=1, kind="place", locator=False)
    return loc


_LIES_IN = re.compile(r"\b(?:lies|lie|lying|located|situated|is|are|remains?)\s+(?:\w+\s+)?(?:inside|within|in|deep\s+in)\s+"
                      r"(?:the\s+)?$", re.I)
_TERRITORY = re.compile(r"\s*(?:territory|territories|areas?|zone|side|part|countryside|bank|pocket|enclave)\b", re.I)


# "A and B are SDF-held.", "A, B and C: SDF-administered." (a list in a security update)
_IS_HELD = re.compile(r"(?:\b(?:is|are|was|were|remains?|remained|stays?|stayed|has\s+been|have\s+been)\s+"
                      r"(?:(?:still|now|also|largely|mostly|entirely|fully|firmly)\s+)?|:\s*)(?:the\s+)?$", re.I)
_PREDICATE_END = re.compile(r"(?:\s+(?:territory|land|ground|soil))?\s*(?:[.;,)]|$)")
_APPOSED_HELD = re.compile(r",\s*(?:(?:also|still|now|itself|long|largely|then|both)\s+)?$", re.I)   # "A, also X-held,"
_APPOSITION_END = re.compile(r"\s*[,;)]")


_ONE_OF = re.compile(r"\bone\s+of\b", re.I)


def _held_adjective(ctx: SentenceContext) -> list[Draft | None]:
    out = []
    held = _held_rx(ctx.patterns.control["actor_then_place"].pattern)
    word = ctx.patterns.control["actor_then_place"]
    for a in ctx.actors:
        m = held.match(ctx.text[a.end:a.end + 18])
        w = word.match(ctx.text[a.end:a.end + 18])   # "A is SDF-held.": the copula is looked for only then
        said = _IS_HELD.search(ctx.text, max(ctx.sentence.start, a.start - 40), a.start) if w else None
        apposed = _APPOSED_HELD.search(ctx.text, max(ctx.sentence.start, a.start - 20), a.start) if w else None
        if said and _PREDICATE_END.match(ctx.text, a.end + w.end(), ctx.sentence.end):
            out.append(_control(ctx, _subject_places(ctx, said.start()), [a], w.group()))
        elif apposed and _APPOSITION_END.match(ctx.text, a.end + w.end(), ctx.sentence.end) and \
                (named := _loc_before(ctx, apposed.start() + 1)) is not None and named.end == apposed.start():
            out.append(_control(ctx, [named], [a], w.group()))   # "Kinsabba, also rebel-held, was shaken"
        elif m:
            at = a.start + 4 if ctx.text[a.start:a.start + 4].casefold() == "the " else a.start   # "the regime"
            head = _APPOSED.search(ctx.text, max(ctx.sentence.start, a.start - 100), at) or \
                _bare_apposition(ctx, at, a.end + m.end())
            named = [loc for loc in ctx.locs if head and loc.end == head.start() and loc.located]
            named = [loc for loc in chain(ctx.text, ctx.locs, named[-1]) if loc.end <= head.start()] if named else []
            if len(named) == 1 and _PLURAL_PLACES.match(ctx.text, a.end + m.end()) and \
                    not _ONE_OF.search(head.group()):
                named = []   # "one side of the Euphrates, the militia-held towns on the other": not an apposition
            if not named and _TERRITORY.match(ctx.text, a.end + m.end()) and \
                    _LIES_IN.search(ctx.text, max(ctx.sentence.start, a.start - 40), a.start):
                anchor = _antecedent(ctx, ctx.text.rfind(",", ctx.sentence.start, a.start) + 1) \
                    or _loc_before(ctx, a.start)   # "Maarat al-Numan, which also lies in government-held territory"
                named = [anchor] if anchor else []
            locs = named or ([] if _GENERIC_AREAS.match(ctx.text, a.end + m.end())
                             else locs_after(ctx, a.end + m.end(), max_gap=40))   # "Maskanah, the last IS-held town"
            if not named and locs and (_acted_on_between(ctx, a.end + m.end(), locs[0].start)
                                       or _VERB_BETWEEN.search(ctx.text, a.end + m.end(), locs[0].start)):
                locs = []   # "mortar bombs fired from rebel-held areas hit Jaramana": not Jaramana
            if not locs and _SIDE.match(ctx.text, a.end + m.end()) and \
                    _ON_THE_SIDE.search(ctx.text, max(ctx.sentence.start, a.start - 12), a.start):
                host = _loc_before(ctx, a.start)   # "al-Sabkhah, six kilometres from A on the regime-controlled
                if host is not None and _DISTANCE_FROM.search(ctx.text, max(0, host.start - 30), host.start):
                    host = _loc_before(ctx, host.start)   # bank": al-Sabkhah, not A
                locs = [host] if host is not None and host.precision == 1 else []
            inside = _IN_THE.search(ctx.text, max(ctx.sentence.start, a.start - 20), a.start)
            host = _loc_before(ctx, inside.start() + 1) if inside and not named and locs else None
            if host is not None and host.end == inside.start() and host.precision == 1 and host not in locs:
                locs = [host, *locs]   # "Izra, in the government-held Daraa countryside": Izra too
            out.append(_control(ctx, locs, [a], m.group(1)))
    return out


_COMMA_BEFORE = re.compile(r",\s+$")
# "crossings between the regime-held areas and the countryside, at A": areas the sentence does not name (not "the
# regime-held areas of Hama", "rebel-held areas including A")
_GENERIC_AREAS = re.compile(r"\s*(?:areas|territory|territories|regions|zones|parts)\b(?!\s*,?\s*(?:of|in|inside|around|"
                            r"near|on|at|across|along|beyond|such\s+as|including|like|from|between|north|south|east|"
                            r"west)\b)", re.I)


def _bare_apposition(ctx: SentenceContext, at: int, after: int) -> re.Match[str] | None:
    """ "Darat Izza and al-Atarib, HTS-held towns in the western countryside": a list of places, then a plural
    apposition with no article."""
    comma = _COMMA_BEFORE.search(ctx.text, max(0, at - 4), at)
    if comma is None or not _PLURAL_PLACES.match(ctx.text, after):
        return None
    before = [loc for loc in ctx.locs if loc.end == comma.start() and loc.located]
    return comma if before and len(chain(ctx.text, ctx.locs, before[-1])) > 1 else None


_IN_THE = re.compile(r",\s*(?:in|inside|within)\s+(?:the\s+)?$", re.I)
_ON_THE_SIDE = re.compile(r"\b(?:on|in)\s+(?:the\s+)?$", re.I)
_SIDE = re.compile(r"\s*(?:bank|side|shore)\b", re.I)
_DISTANCE_FROM = re.compile(r"\b(?:km|kilometres?|kilometers?|miles?|metres?|meters?)\s+(?:\w+\s+)?(?:from|of)\s+$",
                            re.I)


_WHICH_ASIDE = re.compile(r"(?:(?:\s+(?:units|forces|troops|fighters|soldiers|formations))?,\s*"
                          r"(?:which|who|(?:commanded|headed|founded|formed|run|created|trained)\s+by"
                          r"|(?:advancing|moving|pushing|coming|attacking)\s+(?:from|through|along|up|down))"   # "army
                          r"\s+[^,.;]{3,80},"   # units, advancing from Yabroud through al-Sarkha, entered Maaloula"
                          r"|,\s*(?:an?|the)\s+[^,.;()]{3,160},"   # "fighters of X, an alliance of ..., were in"
                          # "X and Y formations, most of them built on the former HTS, control Z"
                          r"|(?:\s+(?:units|forces|troops|fighters|soldiers|formations|factions))?,\s*"
                          r"(?:most|many|some|all|several|both)\s+of\s+(?:them|which|whom)\s+[^,.;]{3,120},"
                          # "Local factions, now coordinating under a joint command, hold A"
                          r"|,\s*(?:(?:now|still|long|once|since)\s+)?(?-i:[a-z]+ing)\s+[^,.;]{3,80},)"
                          r"(?=\s+(?:still\s+|now\s+|also\s+)*(?-i:[a-z]))", re.I)   # "X, commanded by Y, controls Z"
_PARTICIPLE = re.compile(r"(?:,\s*(?:(?:then|later|before|after|eventually)\s+)?|\s+(?:after|before)\s+)"
                         r"(capturing|seizing|recapturing|retaking|overrunning|liberating|"
                         r"taking\s+(?:full\s+)?control\s+of|taking\s+over|"
                         # "pushed east, taking A" (not "taking Turkey's concerns")
                         r"taking(?=\s+(?!(?-i:[A-Z])[\w-]*['’]s\b)(?:al-|el-|(?-i:[A-Z])|"
                         r"the\s+(?:\w+\s+)?(?:towns?|city|villages?|base|airport)\s+of\b))|"
                         r"breaking\s+(?:through\s+)?(?:the\s+|a\s+)?(?:\w+\s+)?siege\s+(?:of|on|around))\s+"
                         r"(?=the\s|al-|el-|(?-i:[A-Z]))", re.I)   # "secured A after breaking the siege of B"


_THEN_VERB = re.compile(r"(?:,\s*(?:and\s+)?(?:then|later|subsequently)|,?\s+and\s+(?:then\s+|later\s+|on\s+\w+\s+|in\s+\w+\s+)?)"
                        r"\s*(took\s+over|took\s+control\s+of|took(?=\s+(?:the\s+(?:\w+\s+)?(?:towns?|city|villages?|areas?|base|"
                        r"airport)\s+of\s|(?-i:[A-Z])|al-|el-))|captured|seized|entered|recaptured|retook|overran|stormed)\s+",
                        re.I)   # "..., then took Rajo", "had recaptured A and entered B", "..., and on Saturday captured"


def _then_captured(ctx: SentenceContext) -> list[Draft | None]:
    """ "The factions had captured Bulbul ..., then took the town of Rajo", "recaptured A and entered B": the
    sentence's subject took it too."""
    out: list[Draft | None] = []
    for m in _THEN_VERB.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        out.append(_control(ctx, locs_after(ctx, m.end(), max_gap=40), _doer(ctx, m.start()), m.group(1)))
    return out


def _participle_capture(ctx: SentenceContext) -> list[Draft | None]:
    """ "The factions moved south along the M5, capturing Saraqib and Khan Shaykhun": the subject
    of the clause holds what it captured."""
    out: list[Draft | None] = []
    for m in _PARTICIPLE.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        clause = clause_start(ctx, m.start())
        usable = [a for a in ctx.actors if clause <= a.start and a.end <= m.start() and not a.adjective
                  and not is_speaker(ctx, a)]
        taken = locs_after(ctx, m.end(), max_gap=40)
        if not usable and _THEY.match(ctx.text, clause):   # "They seized A on 8 February, before taking B"
            out.append(_control_by(ctx, taken, previous_subject(ctx.memory), m.group(1), m.start()))
            continue
        if not usable and _AFTER_BEFORE.search(m.group()):   # "Fighters led by HTS pushed to A on Thursday, after
            #                                                      seizing B": the sentence's subject
            usable = [a for a in ctx.actors if ctx.sentence.start <= a.start and a.end <= m.start()
                      and not a.adjective and not is_speaker(ctx, a)]
        out.append(_control(ctx, taken, subject_group(ctx, usable), m.group(1)))
    return out


_THEY = re.compile(r"\s*(?:They|It)\s")
_AFTER_BEFORE = re.compile(r"\b(?:after|before)\b")


_WITHDREW_FROM = re.compile(r"\b(?:withdr[ae]w|withdrawn|withdrawing|pulled\s+out|retreated|pulled\s+back)\s+"
                           r"(?:[\w-]+\s+){0,2}?from\s+(?:the\s+)?(?:(?:towns?|villages?|cities|city)\s+of\s+)?", re.I)


_AFTER_WORD = re.compile(r"\b(?:after|as|when|once|following)\b", re.I)


def _taken_as_others_left(ctx: SentenceContext, hold_verb: re.Pattern[str]) -> list[Draft | None]:
    """ "Regime forces completed their control of the pocket after the factions withdrew from Morek, Kafr
    Zita and al-Lataminah": the party that took control holds what the others left."""
    out: list[Draft | None] = []
    takers = [(g, m) for g in actor_groups(ctx) if (m := hold_verb.match(ctx.text[g[-1].end:g[-1].end + 80]))]
    if not takers:
        return out
    group, verb = takers[0]
    taken = locs_after(ctx, group[-1].end + verb.end(), max_gap=40)
    if any(loc.precision == 1 and loc.kind == "place" for loc in taken):
        return out   # "took Raqqa after IS withdrew from Tabqa": what was taken is named, and it is not Tabqa
    takers = [group]
    for m in _WITHDREW_FROM.finditer(ctx.text, takers[0][-1].end, ctx.sentence.end):
        between = ctx.text[takers[0][-1].end:m.start()]
        if CLAUSE_BREAK.search(between) or not _AFTER_WORD.search(between):
            continue   # "..., while Turkish forces withdrew from Manbij": another story
        leavers = {a.actor.bloc for a in ctx.actors if a.end <= m.start()
                   and not CLAUSE_BREAK.search(ctx.text, a.end, m.start())} - {a.actor.bloc for a in takers[0]}
        if leavers:
            out.append(_control(ctx, locs_after(ctx, m.end(), max_gap=2), takers[0], "took control"))
    return out


_ON_THE = re.compile(r"\s*,\s*(?:on|in|along|at)\s+(?:the\s+)?", re.I)
_TOWN_ON = re.compile(r"\s*,\s*(?:the|a)\s+(?:[\w-]+\s+)?(?:town|city|village)\s+(?:on|along|near)\s+(?:the\s+)?", re.I)


def _town_on_road(ctx: SentenceContext, anchor: Loc | None) -> Loc | None:
    """ "Jisr al-Shughur, the town on the M4 that it controls": the town, not the road it lies on."""
    if anchor is None or anchor.place is None or anchor.place.type not in LINEAR_TYPES:
        return anchor
    host = _loc_before(ctx, anchor.start)
    return host if host is not None and _TOWN_ON.fullmatch(ctx.text, host.end, anchor.start) else anchor


_DROVE_OUT = re.compile(r"\b(?:drove|driving|driven|pushed|pushing|expelled|expelling|ousted|ousting|forced|forcing|kicked|kicking)"
                        r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){1,3}?out\s+of\s+(?:the\s+)?(?:(?:ancient\s+|northern\s+|"
                        r"southern\s+|eastern\s+|western\s+)?(?:city|town|village|area)\s+of\s+)?", re.I)


def _drove_out(ctx: SentenceContext) -> list[Draft | None]:
    """ "Syrian troops ... recaptured al-Qaryatayn, a week after driving the jihadists out of Palmyra": who drove
    others out of a place holds it."""
    out: list[Draft | None] = []
    for m in _DROVE_OUT.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        clause = clause_start(ctx, m.start())   # "since Turkey's Operation Olive Branch drove the YPG out of Afrin"
        own = [g for g in actor_groups(ctx) if g[-1].end <= m.start() and g[0].start >= clause
               and not any(is_speaker(ctx, a) for a in g)]
        out.append(_control(ctx, locs_after(ctx, m.end(), max_gap=0), own[-1] if own else _doer(ctx, m.start()),
                            "drove out"))
    return out


def _doer(ctx: SentenceContext, pos: int) -> list[ActorMention]:
    """The sentence's subject before ``pos``, without its backers ("troops, backed by Russian jets, ... and
    captured X")."""
    usable = [a for a in ctx.actors if a.end <= pos and not a.adjective and not is_speaker(ctx, a)]
    return [a for a in subject_group(ctx, usable)
            if not BACKED_BY.search(ctx.text, max(ctx.sentence.start, a.start - 25), a.start)]


_TAKEN_TO = re.compile(r"\s+(?:[\w-]+\s+)?(?:to|towards|into)\b", re.I)
_HELD_BEFORE = re.compile(r"\bhad\s+(?:(?:long|previously|already|still)\s+)?(?:held|controlled|run|ruled|governed|"
                          r"administered|dominated)\b", re.I)
_PAST_HOLD = re.compile(r"\b(?:held|controlled|ran|ruled|governed|administered|dominated)\b", re.I)
_UNTIL = re.compile(r"\s*(?:[\w-]+\s+){0,2}?until\s+(?!now\b|today\b|further\b)", re.I)


def _held_until(ctx: SentenceContext, locs: list[Loc]) -> bool:
    """ "held A and B until December", "kept posts in A until 2024": what was held, or where, and is no longer."""
    return bool(locs) and _until(ctx, locs[-1].end)


def _until(ctx: SentenceContext, pos: int) -> bool:
    """ "held by the SDF until 2019": a hold that has ended."""
    return _UNTIL.match(ctx.text, pos, ctx.sentence.end) is not None


# "the SAA's 90th Brigade continues to hold", "Turkey's Fourth Division": one of the party's units
_ORDINAL = r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh)"
_ITS_UNIT = (rf"(?:(?:['’]s\s+(?:{_ORDINAL}\s+)?(?:[\w-]+\s+)?|\s*{_ORDINAL}\s+(?:[\w-]+\s+)?)"
             r"(?:brigade|division|regiment|battalion|corps|legion|garrison)\s+)?")


_FORCE_NOUN = (r"(?:group|fighters|jihadists|militants|militiamen|troops|forces|soldiers|units|members|gunmen|"
               r"rebels|factions|militias|insurgents|allies|partners|proxies|organi[sz]ation|coalition|alliance|"
               r"air\s+power|air\s+support|warplanes|jets|aircraft|artillery|apparatus|services?|agenc(?:y|ies))")


@lru_cache(maxsize=8)
def _hold_verb(verbs: str) -> re.Pattern[str]:
    """The verbs of ``actor_verb_place`` (patterns.yaml) after a party, with what may stand between."""
    return re.compile(r"^\s*(?:\([A-Za-z]{2,8}\)\s*)?[)\"”]?\s*"
                      rf"(?:{_FORCE_NOUN}(?=,\s*(?:which|who|that)\s))?"   # "the SNA factions, which have held"
                      r"(?:\s+(?:further|farther)\s+(?:north|south|east|west)\w*)?"   # "Rebels further south, who"
                      r"(?:,?\s*(?:which|who|that|and)\s+)?(?:and\s+its\s+[\w\s-]{0,30}?\s+)?"
                      rf"{_ITS_UNIT}"
                      r"(?:(?:participating|taking\s+part|involved|engaged)\s+in\s+[^,.;]{3,40}?\s+(?=\w+ed\b))?"
                      rf"(?:{_FORCE_NOUN}\s+){{0,2}}"   # "Islamic State group jihadists have seized"
                      r"(?:and\s+(?:its\s+|their\s+)?(?:(?:allied|affiliated|associated|auxiliary|loyal)\s+[\w-]+"
                      r"|(?:[\w-]+\s+){1,2}?(?:militias|militiamen|fighters|groups|factions|tribesmen|gunmen))\s+)?"
                      #  "GoS forces and affiliated groups took over", "... and local Alawite militias hold"
                      r"(?:(?:of|from)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}"   # "the factions of
                      r"(?:\s+(?:province|governorate|countryside|city|region))?\s+)?"   # Sweida province hold A"
                      r"(?:(?:claims?\s+to\s+have|claimed\s+to\s+have|says\s+it\s+has|"   # "the SNA claims to have captured"
                      r"still|also|now|have|has|had|been|fully|completely|then|later|finally|eventually|earlier|already|"
                      r"quickly|swiftly|reportedly|recently|effectively|largely|mostly|partly|firmly|"
                      r"(?:continues|continued|continue)\s+to|"
                      r"yesterday|on\s+\w+day|(?:last|this)\s+(?:week|month))\s+)*"
                      r"(?:(?:['’]s\s+)?(?:(?:(?-i:[A-Z][a-z]+)|\d{4}|swift|rapid|quick|final|eventual|brief|recent|"
                      r"sudden|full|complete|surprise)\s+){0,3}?(?=(?:re)?(?:capture|seizure|takeover)\s+of\b))?"
                      r"[\"“]?(" + verbs + ")", re.I)   # army units "entered X; "X's March 2016 recapture of"


_TOWNS = frozenset({PlaceType.CITY, PlaceType.TOWN, PlaceType.VILLAGE})
_BARE_PRESENT = re.compile(r"seizes?|captures?|recaptures?|retakes?|enters?|takes?\s+over", re.I)
_APPOSED = re.compile(r"(?P<aside>,\s*(?:about|some|around|roughly|nearly|just)\s+[^,;.()]{1,50})?"
                      r"(?:,\s+|,?\s+as\s+)(?:(?:one|some|two|three|several)\s+of\s+)?"
                      r"(?:the|a|an|two|three|four|both|several)\s+(?:[\w-]+\s+){0,2}$", re.I)
# ("Madaya and Zabadani, two rebel-held towns"; "leaves Kanaker, about 10 km to the south, as one of the last rebel-held
# towns")
_PLURAL_PLACES = re.compile(r"(?:towns|villages|cities|areas|districts|neighbou?rhoods|localities|regions)\b", re.I)
# "outside government control", "under government control to this day, and B": no subject of a verb
_OUTSIDE = re.compile(r"\b(?:outside|beyond|out\s+of|free\s+of|free\s+from|escaped|without|under)\s+(?:the\s+)?$", re.I)
_UNDER_WHICH = re.compile(r"\b(?:under|in|by|through)\s+which\b|\bwhereby\b", re.I)


@lru_cache(maxsize=8)
def _pronoun_verb(verbs: str) -> re.Pattern[str]:
    """ "they had captured", "it seized", "they hold": a pronoun before a verb of ``actor_verb_place``
    (not "they hold X responsible")."""
    adverbs = r"(?:(?:still|also|now|already|then|later|largely|mostly|partly|effectively|firmly)\s+)*"
    return re.compile(r"\b(?:it|they)\s+(?=" + adverbs + r"(?:had|has|have)\s|"
                      + adverbs + r"(?:" + verbs + r")(?!\s+(?:\w+\s+)?"
                      r"(?:responsible|accountable|talks|meetings?)\b))", re.I)
_HANDED_TO = re.compile(r"\b(?:hands?|handed|handing|gives?|gave|giving|cedes?|ceded|leaves?|left)\b[^,;]*\bto\s+"
                        r"(?:the\s+)?$", re.I)   # "the SDF hands A to the army, and in return it keeps B"
_APPOSED_CLAUSE = re.compile(r"(?:,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,5}?(?:(?:which|that)\s+)?|,\s+which\s+)$", re.I)


_SUPPORT = re.compile(r"\s+(?:air\s+)?(?:cover|support|power|backing)\b", re.I)
_SINCE_THEN = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
# a second subject that names no party: "Government forces and security branches hold A", "the SDF and allied local
# councils have held A"
_AND_OTHERS = re.compile(r"\)?\s+and\s+(?:the\s+|its\s+|their\s+)?(?:(?:allied|local|affiliated|security|paramilitary|"
                         r"auxiliary|loyal|tribal)\s+)?(?:[a-z][\w-]*\s+)?"
                         r"(?:branches|services|agencies|militias|allies|auxiliaries|units|groups|police|"
                         r"councils)(?=\s)")
_THEY_BACK = re.compile(r"\s+(?:(?:fighters|forces|troops|factions|militias|groups|units)\s+)?(?:that\s+|whom\s+)?"
                        r"(?:they|it|he|she|we|[A-Z][\w-]+)\s+"   # "... they back", "... Ankara backs"
                        r"(?:back|backs|support|supports|arm|arms|fund|funds|train|trains|sponsor|sponsors)(?=\s)")
_OF_COMMANDER = re.compile(r"[\"”’]?\s+(?:of|under|commanded\s+by|led\s+by)\s+"
                           r"(?:(?:Brigadier|Major|Lieutenant|General|Colonel|Col\.|Gen\.|Maj\.|Brig\.|Lt\.|Commander|"
                           r"Sheikh|Emir)\s+)+"
                           r"(?:(?:(?-i:al|el|bin|ibn|abu)[-\s])?(?-i:[A-Z])[\w'’-]+(?:\s+|(?=,))){1,4}?"
                           r"(?=,|(?:has|have|had|took|seized|captured|entered|now|were|are)\b)", re.I)
_SOME_OF = (r"(?:(?:a|an)\s+(?:narrow\s+|thin\s+|small\s+|long\s+)?(?:belt|string|strip|stretch|series|number|handful|"
            r"chain|cluster|group|line)\s+of\s+"
            r"|several\s+|dozens\s+of\s+")
_WHOLE_OF = r"(?:(?:the\s+)?(?:whole|rest|bulk|most|all|much)\s+of\s+(?:the\s+)?)"   # "the whole of the X countryside"
_PLACE_NOUNS = (r"(?:towns|villages|areas|positions|hills|localities|settlements|districts|neighbou?rhoods|"
                r"points|farms|line|front|edge|area|region|countryside|plain|pocket|enclave|strip|belt|sector|valley|"
                r"mountains|ridge|heights)\b")   # "hold the mountain line overlooking the plain, including A, B and C"
# "a string of towns around the city, including A, B and C"; "a belt of villages on its western edge, around A"
_SOME_PLACES = re.compile(rf"\s*{_SOME_OF}|{_WHOLE_OF}?(?:[\w-]+\s+){{0,2}}?){_PLACE_NOUNS}[^.;:]{{0,80}}?"
                          rf"(?={INCLUDING.pattern})", re.I)
_GROUP_AROUND = re.compile(rf"\s*{_SOME_OF}){_PLACE_NOUNS}[^.;:,]{{0,60}}?,?\s+(?=(?:around|near|surrounding)\s)", re.I)
_RUNNING_FROM = re.compile(r"\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:strip|stretch|belt|swath|swathe|band|corridor|pocket|"
                          r"line)\s+of\s+(?:[\w-]+\s+){0,3}?(?:territory|land|villages|towns|border)\s*,?\s*"
                          r"(?:running|stretching|extending|reaching)\s+"
                          r"(?:(?:east|west|north|south)\w*\s+)?from\s+", re.I)


def _included(ctx: SentenceContext, pos: int) -> list[Loc]:
    """ "captured a string of towns around the city, including A, some 20 km southwest of X, B to the northwest
    and C": the places the list names (not those that only say where they lie); "hand over a belt of villages on
    the western edge of its territory, around A": A; "hold a strip of border territory running from A to B": both."""
    some = _SOME_PLACES.match(ctx.text, pos, ctx.sentence.end)
    m = INCLUDING.match(ctx.text, some.end(), ctx.sentence.end) if some \
        else _RUNNING_FROM.match(ctx.text, pos, ctx.sentence.end)
    if not m:
        around = _GROUP_AROUND.match(ctx.text, pos, ctx.sentence.end)
        return locs_after(ctx, around.end(), max_gap=0)[:1] if around else []
    stop = CLAUSE_BREAK.search(ctx.text, m.end(), ctx.sentence.end) \
        or _WHICH.search(ctx.text, m.end(), ctx.sentence.end)
    return [loc for loc in ctx.locs if m.end() <= loc.start and loc.end <= (stop.start() if stop else ctx.sentence.end)
            and loc.kind == "place" and not loc.locator and loc.located]


_WHICH = re.compile(r",\s*(?:which|where|whose|who)\b", re.I)   # "and C, which faces the government-held town of D"


# what was taken, then where: "police stations and former army positions in A", "the headquarters of the security
# branches, the police command and the governorate building in the city of A"
_TAKEN_THINGS_IN = re.compile(r"(?:(?!(?:while|whereas|but|which|who|where|after|before|when|as|and\s+then)\b)"
                              r"[\w’'-]+,?\s+){1,16}?(?:in|at|around|near|outside|inside|across)\s+(?:the\s+)?"
                              r"(?:(?:city|town|village)\s+of\s+)?", re.I)


# "held talks in A", "holds a rally in A": a gathering held there, not the place
_HELD_GATHERING = re.compile(r"\s*(?:(?:a|an|the|two|three|several|new|joint|further|its|their|his|her)\s+)?"
                             r"(?:[\w-]+\s+)?(?:talks|meetings?|elections?|rall(?:y|ies)|conferences?|negotiations|"
                             r"discussions|consultations|ceremon(?:y|ies)|celebrations?|funerals?|vigils?|protests?|"
                             r"demonstrations?|sessions?|rounds?|votes?|referendums?|exercises?|drills?|manoeuvres|"
                             r"maneuvers|prayers|sit-ins?|marches|parades?|workshops?|forums?|summits?|festivals?)\b",
                             re.I)


def _object_places(ctx: SentenceContext, pos: int) -> list[Loc]:
    """The places right after a verb, or after the things taken in them ("took over police stations and former
    army positions in A, B and C"); none after a gathering held ("held talks in A")."""
    if _HELD_GATHERING.match(ctx.text, pos):
        return []
    listed = _LISTED_AFTER_COLON.match(ctx.text, pos, ctx.sentence.end)
    if listed:   # "hold a belt of towns on Aleppo's northwestern edge: Anadan, ..., Hraytan ... and Kafr Hamra"
        return [loc for loc in ctx.locs if listed.end() <= loc.start < ctx.sentence.end and loc.kind == "place"
                and not loc.locator]
    found = locs_after(ctx, pos, max_gap=40)
    if found and _FACING.search(ctx.text, pos, found[0].start):
        return []   # "raised its flag over the crossing building facing Ceylanpinar": not the town across
    if not found:
        things = _TAKEN_THINGS_IN.match(ctx.text, pos + (ctx.text[pos:pos + 1] == " "))
        found = locs_after(ctx, things.end(), max_gap=0) if things else []
    if found and _FROM.search(ctx.text, pos, found[0].start) and (to := _UP_TO.match(ctx.text, found[-1].end)):
        found = found + locs_after(ctx, to.end(), max_gap=0)   # "holds the whole road from A to B": B too
    if found and (also := _AS_WELL_AS.match(ctx.text, found[-1].end, ctx.sentence.end)):
        found = found + locs_after(ctx, also.end(), max_gap=2)   # "has held A since 2017, as well as B and C"
    elif found and (colon := _THEN_COLON.match(ctx.text, found[-1].end, ctx.sentence.end)):
        found = found + [loc for loc in ctx.locs if colon.end() <= loc.start < ctx.sentence.end
                         and loc.kind == "place" and not loc.locator]   # "controls A and its countryside: B; C"
    return found


# "... since October 2017, as well as", "..., along with"
_AS_WELL_AS = re.compile(r"(?:\s+(?:city|town|village))?(?:\s+(?:since|from|in)\s+[^,;.:]{1,30}?)?,?\s+"
                         r"(?:as\s+well\s+as|along\s+with|together\s+with|and\s+also)\s+(?:the\s+)?", re.I)
# "... and all of its immediate countryside:" (a list told after the colon)
_THEN_COLON = re.compile(r"(?:\s+(?:city|town|village))?\s+and\s+(?:all\s+of\s+|most\s+of\s+|much\s+of\s+)?"
                         r"(?:the|its)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:countryside|surroundings|environs|outskirts|hinterland)\s*:", re.I)


_FROM = re.compile(r"\bfrom\s+(?:the\s+(?:town|village|city)\s+of\s+)?$", re.I)
_LISTED_AFTER_COLON = re.compile(r"\s+(?:a|the|an)\s+(?:\w+\s+)?(?:belt|string|line|chain|cluster|group|pocket|handful|"
                                 r"number|series|ring|arc)\s+of\s+(?:\w+\s+)?(?:towns|villages|localities|hills|"
                                 r"positions)\b[^:;.]{0,60}:", re.I)
_FACING = re.compile(r"\b(?:facing|faces|opposite)\b", re.I)
_UP_TO = re.compile(r"\s+(?:(?:all\s+the\s+way\s+|right\s+)?(?:up\s+|down\s+)?to|as\s+far\s+as)\s+(?:the\s+)?", re.I)


_IT_THEM = re.compile(r"\s*(?:it|them)\b")
_RELATIVE_HEAD = re.compile(r"\b(?:which|that|where)\s+(?:the\s+)?(?:[\w-]+-(?:led|backed|dominated)\s+)?$", re.I)
_HAD = re.compile(r"\bhad\b", re.I)


def _actor_verb_place(ctx: SentenceContext) -> list[Draft | None]:
    out = []
    hold_verb = _hold_verb(ctx.patterns.control["actor_verb_place"].pattern)
    for m in _pronoun_verb(ctx.patterns.control["actor_verb_place"].pattern).finditer(ctx.sentence.text):
        start, end = ctx.sentence.start + m.start(), ctx.sentence.start + m.end()
        parties = [a for a in ctx.actors if a.end <= start and not is_speaker(ctx, a)]
        before = [a for a in ctx.actors if a.end <= start]
        told = max(ctx.text.rfind(":", ctx.sentence.start, start), ctx.text.rfind(";", ctx.sentence.start, start))
        before = [a for a in before if a.start > told] or before   # "... under American sponsorship: the SDF hands A
        #                                                             to X, and in return it keeps B": the SDF keeps B
        opener = max(_UNDER_WHICH.finditer(ctx.text, ctx.sentence.start, start), key=lambda o: o.start(),
                     default=None)
        subject = subject_group(ctx, [a for a in before if opener is None or a.start >= opener.end()]) \
            or subject_group(ctx, before)   # "the SDF announced that they had taken Tabqa"; "a proposal under which
        #                     the SDF would hand back the checkpoints it took over": the SDF, not the proposer
        subject = subject[:1 + next((i for i, (a, b) in enumerate(zip(subject, subject[1:]))
                                     if _HANDED_TO.search(ctx.text, a.end, b.start)), len(subject))]
        verb = hold_verb.match(ctx.text[end:end + 60])
        if verb and _BARE_PRESENT.fullmatch(verb.group(1)) and ctx.modality(ctx.rel(end)) == Modality.POSSIBLE:
            verb = None
        if not subject and verb and not parties:   # "The rebels captured A. On Friday they took B."
            out.append(_control_by(ctx, locs_after(ctx, end + verb.end(), max_gap=40), previous_subject(ctx.memory),
                                   verb.group(1), start))
        if subject and verb:
            if _APPOSED_CLAUSE.search(ctx.text, max(ctx.sentence.start, start - 40), start):
                anchor = _town_on_road(ctx, _loc_before(ctx, start))   # "Palmyra, the ancient city they captured in May"
                locs = [anchor] if anchor else []
                groups = [g for g in actor_groups(ctx) if g[-1].end <= (anchor.start if anchor else start)
                          and all(a in parties for a in g)]
                subject = groups[-1] if groups else subject   # "the factions leave A, which they have held": the factions
            else:
                locs = _included(ctx, end + verb.end()) or _object_places(ctx, end + verb.end())
            out.append(_control(ctx, locs, subject, verb.group(1)))
    out += _participle_capture(ctx)
    out += _then_captured(ctx)
    out += _drove_out(ctx)
    out += _taken_as_others_left(ctx, hold_verb)
    groups = actor_groups(ctx)
    for k, group in enumerate(groups):
        last = group[-1]
        if _OUTSIDE.search(ctx.text, max(ctx.sentence.start, group[0].start - 16), group[0].start):
            continue   # "outside government control": the place is not the actor's; "under": control is a noun
        backed = BACKED_BY.search(ctx.text, max(ctx.sentence.start, group[0].start - 25), group[0].start)
        told_before: list[Actor] = []
        if k and backed:
            group = groups[k - 1]   # "government forces backed by Russian air strikes captured Rabia": the forces hold it
        elif backed:   # "Troops backed by Russian air power swept into A": the force told before, not Russia
            told_before = previous_subject(ctx.memory)
            if not told_before:
                continue
        commander = _OF_COMMANDER.match(ctx.text, last.end, ctx.sentence.end)   # "the Tiger Forces of Brigadier
        tail = commander.end() if commander else last.end                        # General Suhail al-Hassan took A"
        tail = _unknown_partner(ctx, tail)   # "Faylaq al-Rahman and Jaish al-Fustat, an alliance ..., hold A"
        which = _WHICH_ASIDE.match(ctx.text, tail, ctx.sentence.end)
        own = hold_verb.match(ctx.text[tail:tail + 60])
        if own and which and not any(loc.end <= which.end() for loc in locs_after(ctx, tail + own.end(), max_gap=40)):
            own = None   # "X, which holds a pocket in the far southwest, seized Tasil": the aside holds no place
        main = hold_verb.match(ctx.text[which.end():which.end() + 60]) if own and which else None
        if main and not backed:   # "HTS, which took over Idlib in January, controls A and B": A and B too
            out.append(_control(ctx, _object_places(ctx, which.end() + main.end()), group, main.group(1)))
        aside = BACKERS.match(ctx.text, tail, ctx.sentence.end) or (None if own else which) \
            or _THEY_BACK.match(ctx.text, tail, ctx.sentence.end) \
            or _AND_OTHERS.match(ctx.text, tail, ctx.sentence.end)   # "the fighters they back have captured Z";
        #                                                              "X and security branches hold Z"
        # "X, backed by Y, seized Z", "the factions, which are now part of the ministry, still run Z": X holds Z
        after = aside.end() if aside else tail
        if backed and (support := _SUPPORT.match(ctx.text, after)):   # "X backed by Y and Russian air cover seized A"
            after = support.end()
        m = hold_verb.match(ctx.text[after:after + 60])
        if not m or (_BARE_PRESENT.fullmatch(m.group(1)) and ctx.modality(ctx.rel(after)) == Modality.POSSIBLE):
            continue   # "Russia would let the SNA enter Ayn Daqnah": a headline's present tense only when it is told
        if _NOUN_OF.fullmatch(m.group(1)) and _A_BEFORE.search(ctx.text, max(0, group[0].start - 4), group[0].start):
            continue   # "Moscow's acceptance of a Turkish takeover of Tal Rifaat": one that may come
        verb_end = after + m.end()
        head = ctx.text[max(ctx.sentence.start, group[0].start - 30):group[0].start]
        if _SINCE_THEN.search(head) and _IT_THEM.match(ctx.text[verb_end:verb_end + 6]) \
                and any(a.end <= group[0].start and not is_speaker(ctx, a) for a in ctx.actors):
            continue   # "A has been a stronghold of X since government forces and their allies seized it": the
        #                clause dates X's hold ("since Turkey took Ras al-Ain", "A has been calm since Damascus
        #                regained it" still tell who holds it)
        relative = _RELATIVE_HEAD.search(head) is not None \
            and not _SAID_THAT.search(ctx.text, max(ctx.sentence.start, group[0].start - 40), group[0].start)
        if relative and not head.rstrip().casefold().endswith(("where", "where the")) and _HAD.search(m.group()):
            continue   # "towns that the regime had seized in 2019": what held before
        where = relative and head.rstrip().casefold().endswith(("where", "where the"))
        objects = (_included(ctx, verb_end) or locs_after(ctx, verb_end, max_gap=20)) if where else []
        if objects:   # "southern Damascus, where ISIS still holds al-Hajar al-Aswad": what the clause says is held
            locs = objects
        elif relative:
            anchor = _antecedent(ctx, group[0].start) or _loc_before(ctx, group[0].start)
            locs = (chain(ctx.text, ctx.locs, anchor) if anchor in ctx.locs else [anchor]) if anchor else []
        elif _IT_THEM.match(ctx.text[verb_end:verb_end + 6]):   # "... regained control of it"
            anchor = _loc_before(ctx, group[0].start)
            locs = chain(ctx.text, ctx.locs, anchor) if anchor else []
        else:
            locs = _included(ctx, verb_end) or _object_places(ctx, verb_end)
            locs += _and_verb_more(ctx, locs, hold_verb)
        if _HELD_BEFORE.search(m.group()) or (_held_until(ctx, locs) and _PAST_HOLD.search(m.group())):
            continue   # "government forces had held the town since 2020", "which held the west bank until December"
        partners = _WITH.match(ctx.text, verb_end) if m.group(1).casefold().endswith(("shared", "share", "shares")) \
            else None
        group = group + (actors_listed_after(ctx, partners.end(), max_gap=2) if partners else [])   # "shared with X"
        out.append(_control_by(ctx, locs, told_before, m.group(1), group[0].start) if told_before
                   else _control(ctx, locs, group, m.group(1)))
    return out



# "X and Jaish al-Fustat": a partner the registry lacks, named and set off before the verb
_AND_NAME = re.compile(r"\s+and\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*"
                       r"(?:\s+(?:al-|el-|ash-|as-|ar-|ad-)?(?-i:[A-Z])[\w'’-]*){0,3}(?=,)")


def _unknown_partner(ctx: SentenceContext, pos: int) -> int:
    """Past "and <a name>" right after a party, when the name is neither a party nor a place the report knows and a
    comma sets off what follows it ("X and Jaish al-Fustat, an alliance that includes Y, hold A")."""
    m = _AND_NAME.match(ctx.text, pos, ctx.sentence.end)
    if m is None or any(pos < x.end and x.start < m.end() for x in [*ctx.actors, *ctx.locs]):
        return pos
    return m.end()

_AND_NEXT = re.compile(r"\s*,?\s*and\b")


def _and_verb_more(ctx: SentenceContext, locs: list[Loc], hold_verb: re.Pattern[str]) -> list[Loc]:
    """ "HTS, which dominates Idlib city and also holds Jisr al-Shughur and Darkush": the places of a second
    verb of the same party."""
    if not locs:
        return []
    verb = hold_verb.match(ctx.text[locs[-1].end:locs[-1].end + 60])
    if verb is None or not _AND_NEXT.match(ctx.text[locs[-1].end:locs[-1].end + 8]):
        return []
    more = locs_after(ctx, locs[-1].end + verb.end(), max_gap=12)
    return [loc for loc in more if loc not in locs]


_WITH = re.compile(r"\s*(?:it\s+|them\s+)?with\s+(?:the\s+)?", re.I)
_NOUN_OF = re.compile(r"(?:re)?(?:capture|seizure|takeover)\s+of", re.I)
_A_BEFORE = re.compile(r"\ban?\s+$", re.I)


# "sources reported that the SNA captured X": "that" opens what is said, not a relative clause
_SAID_THAT = re.compile(r"\b(?:said|says|reported|reports|announced|confirmed|added|stated|claimed|noted|explained|"
                        r"indicated|revealed|learned|documented|monitored|believe[sd]?|thinks?|thought|"
                        r"(?:told|tells|informed)\s+(?:[\w-]+\s+){1,3}?)\s*that\s+(?:the\s+)?$",
                        re.I)   # "told SANA that"
_BY_AGENT = re.compile(r"\s+(?:\w+\s+){0,3}?(?:by|from)\b", re.I)   # "seized by X"; "seized from the YPG": X's loss


# the verbs of a capture that is done (not "advanced on", "pushed towards", "attacked")
_TAKEN_VERB = re.compile(r"(?:re)?(?:captured|seized|took|taken|overran|overrun|gained|liberated|entered|stormed|"
                         r"swept\s+into|took\s+over|taken\s+over)", re.I)


def captures_held(ctx: SentenceContext, events: list[Draft], controls: list[Draft]) -> list[Draft]:
    """ "the rebels have seized Aleppo, Syria's second city, and Hama", "a day after the insurgents captured the
    provincial capital Hama": whoever is told to have taken a place holds it, where the sentence's control rules
    did not already say who does."""
    held = {loc.place.id for c in controls for loc in c.locs if loc.place is not None}
    backers = {a.actor.id for a in ctx.actors   # "troops backed by Russian air power swept into A": not Russia
               if BACKED_BY.search(ctx.text, max(ctx.sentence.start, a.start - 25), a.start)}
    out: list[Draft | None] = []
    for d in events:
        start, end = d.extra.get("trigger_span", (0, 0))
        if d.event_type != EventType.CAPTURE or d.modality == Modality.POSSIBLE or not d.actors \
                or not _TAKEN_VERB.fullmatch(ctx.text, start, end):
            continue
        taken = _taken_objects(ctx, end, d.locs)
        locs = [loc for loc in taken if loc.place is not None and loc.place.id not in held]
        takers = [x for x in d.actors if x.id not in backers]
        out.append(_control_by(ctx, locs, takers, "capture", start) if locs else None)
        held |= {loc.place.id for loc in locs}
    return [d for d in out if d is not None]


# between a capture verb and what it took: "the village of", "the provincial capital", "two hills overlooking"
_OBJECT_GAP = re.compile(r"(?:\s+(?!(?:to|from|towards?|into|in|on|at|near|after|before|with|during|since|"
                         r"until|by|and|but|while|through|via|across|past|along)\b)[\w’'-]+){0,6}?\s+|\s*", re.I)
# between two places taken: "A, Syria's second city, and B", "A and B"
_NEXT_TAKEN = re.compile(r"(?:,\s+[^,;.]{1,40}?)?\s*(?:,|and|,\s*and)\s+(?:the\s+(?:town|village|city)\s+of\s+)?",
                         re.I)


def _taken_objects(ctx: SentenceContext, end: int, locs: list[Loc]) -> list[Loc]:
    """The places of ``locs`` a capture verb ending at ``end`` took: its object and those listed with it."""
    spans = {loc.mention.start if loc.mention else loc.start for loc in locs}
    first = [loc for loc in _object_places(ctx, end) if (loc.mention.start if loc.mention else loc.start) in spans]
    if first and not _OBJECT_GAP.fullmatch(ctx.text, end, first[0].start):
        return []   # "the city they captured in May, to B", "the towns the regime had seized in 2019, A and B"
    for loc in sorted(locs, key=lambda x: x.start):
        if first and loc.start >= first[-1].end and _NEXT_TAKEN.fullmatch(ctx.text, first[-1].end, loc.start):
            first.append(loc)
    return first


def passive_captures(ctx: SentenceContext, events: list[Draft]) -> list[Draft]:
    """ "Khan Shaykhun and al-Tamanah were liberated last August": a capture told without its doer is held
    by whoever the capture is told of (the party of the last capture, or of the sentence before)."""
    out: list[Draft | None] = []
    for d in events:
        start, end = d.extra.get("trigger_span", (0, 0))
        passive = PASSIVE_BEFORE.search(ctx.text, max(ctx.sentence.start, start - 20), start)
        if d.event_type != EventType.CAPTURE or not passive or _BY_AGENT.match(ctx.text, end, ctx.sentence.end):
            continue
        before = [loc for loc in d.locs if loc.end <= start]
        out.append(_control_by(ctx, before or d.locs, d.actors, "passive capture", start))
    return [d for d in out if d is not None]
