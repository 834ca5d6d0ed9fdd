"""Exchanges: "A ... in exchange for B", "swap: A for B", conditional swaps, places shared out between
two parties and deals told as two moves, with who gives and who gets each side where stated."""
from __future__ import annotations

import re

from geo.extract.actors import ActorMention
from geo.extract.locations import Loc, chain, same_place
from geo.extract.sentence import (
    CLAUSE_BREAK,
    COMING_OF,
    INTO,
    WOULD_HAND,
    Draft,
    Memory,
    SentenceContext,
    actor_groups,
    actors_listed_after,
    attribution_of,
    clause_start,
    is_speaker,
    locs_after,
    unique_actors,
    whole_country,
)
from geo.model import Actor, EventType, Modality, Place, PlaceType

__all__ = ["read_exchange", "leg_receivers"]


def read_exchange(ctx: SentenceContext, memory: Memory | None = None) -> list[Draft]:
    """An exchange draft: "A ... in exchange for B", or "swap: A for B"."""
    pats = ctx.patterns.exchange
    s = ctx.sentence
    cues = list(pats["cue"].finditer(s.text))
    # "bartered A to X in exchange for B": the "in exchange for" tells the legs
    m = next((c for c in cues if not _TRADE_WORD.match(c.group())), cues[0]) if cues else None
    if not m:
        return _conditional_swap(ctx) or _allocation(ctx) or _for_label(ctx, memory) or _two_legs(ctx) \
            or _two_withdrawals(ctx)
    drafts = _read_cue(ctx, memory, m)
    trade = next((c for c in cues if _TRADE_WORD.match(c.group())), None)
    if drafts and all(_one_place(d) for d in drafts) and trade is not None and trade is not m:
        drafts = _read_cue(ctx, memory, trade)   # "swapping A for B: the US would leave, and in return ... B"
    return [d for d in drafts if not _one_place(d)]


def _one_place(draft: Draft) -> bool:
    """A "swap" of a place for itself is a misreading."""
    a, b = (loc.place for loc in draft.locs)
    return a is not None and b is not None and a.id == b.id


_COLON = re.compile(r"\s*:")
_OTHER_CLAUSE = re.compile(r"[;:]|\b(?:while|but|whereas)\b")


def _read_cue(ctx: SentenceContext, memory: Memory | None, m: re.Match[str]) -> list[Draft]:
    """The exchange the cue ``m`` tells."""
    s = ctx.sentence
    cue_start, cue_end = s.start + m.start(), s.start + m.end()
    if _SALE_WORD.match(m.group()):
        return _pending(_sale(ctx, cue_start, cue_end), memory)
    if _COLON.match(ctx.text[cue_end:cue_end + 3]) or _TRADE_WORD.match(m.group()):
        return _pending(_by_trader(ctx, cue_start, _swap_headline(ctx, cue_end, memory)) or _two_legs(ctx), memory)
    if not ctx.text[s.start:cue_start].strip() and m.group().casefold().endswith("for"):
        fronted = _fronted_price(ctx, cue_end)
        if fronted:   # "In return for X handing back B to Y, Z is to pull out of A and leave it to W"
            return _pending(fronted, memory)
    leg_a = _given_up(ctx, s.start, cue_start)
    after = [loc for loc in ctx.locs if loc.start >= cue_end and loc.end <= s.end and loc.located and not loc.locator]
    after = [loc for loc in after if not whole_country(loc)] or after
    if not after:   # "... in exchange." closes the sentence; "in return for information" is not a place swap
        return [] if m.group().casefold().endswith(("for", "of")) else _trailing_exchange(ctx, cue_start)
    after = [loc for loc in after if not _WAR_IN.search(ctx.text, max(cue_end, loc.start - 100), loc.start)]
    if not after:   # "in return for Turkey calling off an operation in northern Syria": no place given in return
        return []
    written, leg_b = after[0], _example(ctx, after[0])   # who takes B is told before B as written
    told_before = ""
    if leg_a is not None:
        a_from, a_to = _giver_receiver(ctx, leg_a, cue_start)
        if not a_to and _KEPT.search(ctx.text, max(s.start, leg_a.start - 30), leg_a.start):
            a_from, a_to = [], a_from   # "X would be allowed to keep A in return for B": A stays X's
    elif memory is not None and memory.previous is not None and not ctx.text[s.start:cue_start].strip():
        prev = memory.previous   # "... withdraw from A. In return, Russia would let the SNA enter B."
        leg_a = _given_up(prev, prev.sentence.start, prev.sentence.end)
        if leg_a is None:
            return []
        a_from, a_to = _giver_receiver(prev, leg_a, prev.sentence.end)
        told_before = prev.sentence.text
    else:
        return []
    b_side = [x for x in actors_listed_after(ctx, cue_end + _skip_words(ctx.text[cue_end:written.start]), max_gap=30)
              if x.end <= written.start]
    lets = next((m for x in b_side if (m := _LETS.match(ctx.text, x.end, written.start))), None)
    takers = [x for x in actors_listed_after(ctx, lets.end(), max_gap=2) if x.end <= written.start] if lets else []
    if b_side and _STAYS_OUT.fullmatch(ctx.text, b_side[-1].end, written.start):
        # "Russia would not object to an Iranian role at A, and in return Iran would stay out of B": B is left to the
        # other side, and A is what the one that keeps out gets
        b_from = unique_actors([a.actor for a in b_side])
        others = [a.actor for a in ctx.actors if ctx.sentence.start <= a.start < cue_start and not a.adjective
                  and not is_speaker(ctx, a) and a.actor.bloc not in {x.bloc for x in b_from}]
        b_to = unique_actors(others[:1])
        a_to = a_to or b_from
        a_from = [a for a in a_from if a.bloc not in {x.bloc for x in b_from}] or unique_actors(others[:1])
    elif b_side and _WOULD_KEEP.fullmatch(ctx.text, b_side[-1].end, written.start):
        b_from, b_to = [], unique_actors([a.actor for a in b_side])   # "in return the SDF would keep B": B stays theirs
        if not {a.id for a in a_from} - {a.id for a in a_to}:
            a_from = b_to   # ... and A is what they give
    elif b_side and _HAND_FOR.match(ctx.text, cue_end, b_side[0].start) \
            and _HAND_IN.fullmatch(ctx.text, b_side[-1].end, written.start):
        b_from, b_to = [], unique_actors([a.actor for a in b_side])   # "for a free hand for the government in B"
    elif b_side and (_TAKING.fullmatch(ctx.text[b_side[-1].end:written.start])
                   or _MOVING_INTO.fullmatch(ctx.text, b_side[-1].end, written.start) or (   # "for the SNA entering Tal Rifaat"
            _COMING.match(ctx.text, cue_end, b_side[0].start) and INTO.fullmatch(ctx.text, b_side[-1].end, written.start))):
        b_from, b_to = [], unique_actors([a.actor for a in b_side])   # "for the return of Damascus to Manbij"
    elif takers and _TAKING.match(ctx.text, takers[-1].end, written.start) and \
            not _OTHER_CLAUSE.search(ctx.text[takers[-1].end:written.start]):
        # "Russia would let the SNA enter B", "Ankara letting government forces into the areas ..., such as B"
        givers = [x for x in b_side if x.end <= lets.start()]
        b_from, b_to = [a.actor for a in givers], unique_actors([a.actor for a in takers])
    else:
        b_from = [a.actor for a in b_side]
        b_to = _receivers_after(ctx, leg_b.end, s.end) or _left_with(ctx, leg_b, cue_end) \
            or leg_receivers(ctx, leg_b.place) or a_from
        if b_from and {a.id for a in b_to} <= {a.id for a in b_from}:
            b_to = a_from   # "in return for Ankara's silence over B": no party gives a place to itself
        b_to = unique_actors(b_to + [x for x in _patron_after(ctx, leg_b.end, s.end)
                                     if x.id not in {a.id for a in b_from}])   # "... under Turkish supervision"
    a_to = a_to or leg_receivers(ctx, leg_a.place) or (leg_receivers(memory.previous, leg_a.place)
                                                      if told_before and memory is not None and memory.previous else [])
    if not a_to and a_from and b_from and not {a.id for a in a_from} & {a.id for a in b_from}:
        a_to = b_from   # a swap between two parties: each receives what the other gives
    return _pending([_exchange(ctx, leg_a, leg_b, a_from, a_to, b_from, b_to, told_before)], memory)


_TRADE_WORD = re.compile(r"swap|trad|barter|sell|sold", re.I)
_STAYS_OUT = re.compile(r"\s+(?:(?:would|will|could|is\s+to|are\s+to|was\s+to|were\s+to)\s+)?"
                        r"(?:agree\s+to\s+|promise\s+to\s+)?(?:stay|keep|remain)\s+"
                        r"(?:out\s+of|away\s+from|clear\s+of)\s+(?:the\s+)?", re.I)
_KEEP_VERB = r"(?:keep|keeps|keeping|retain|retains|retaining|(?:hold|holds|holding)\s+on\s+to)"
_WOULD_KEEP = re.compile(r"\s+(?:would|will|could|can|may|(?:is|are|was|were)\s+to)?\s*(?:be\s+(?:allowed|able)\s+to\s+)?"
                         + _KEEP_VERB + r"\s+(?:the\s+)?(?:(?:city|town|village|area)\s+of\s+)?", re.I)
_KEPT = re.compile(r"\b" + _KEEP_VERB + r"\s+(?:the\s+)?$", re.I)
# "in return for a free hand for the government and its Russian backers in B": those given the free hand get B
_HAND_FOR = re.compile(r"\s+(?:an?\s+)?(?:free\s+(?:hand|rein)|green\s+light|carte\s+blanche)\s+(?:for|to)\s+"
                       r"(?:the\s+)?", re.I)
_HAND_IN = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?(?:\s+to\s+(?:move|act|advance|operate)(?:\s+(?:on|against))?"
                      r"|\s+(?:in|over|on))\s+(?:the\s+)?", re.I)
_SALE_WORD = re.compile(r"sell|sold", re.I)
_TO_BUYER = re.compile(r"\s+to\s+(?:the\s+)?", re.I)
_FOR_PRICE = re.compile(r"\s+for\s+(?:the\s+)?(?:(?:town|city|area|airbase|air\s+base|base)\s+of\s+)?", re.I)


# "accused Moscow of trading A for B", "Ankara effectively traded away A": the party right before the trade word
# "the SDF leadership"
_TRADER_GAP = re.compile(r"(?:['’]s)?(?:\s+(?:leadership|leaders|command|officials|government))?"
                         r"\s+(?:(?:has|had|have|would|will|could|may|might|must|of|having|been|"
                         r"effectively|reportedly|allegedly|simply|quietly|in\s+effect)\s+)*$", re.I)


def _by_trader(ctx: SentenceContext, cue_start: int, drafts: list[Draft]) -> list[Draft]:
    """A trade told with its trader ("Moscow traded A for B"): the trader gives A and gets B, where the
    sentence names no other giver of A or receiver of B."""
    before = [g for g in actor_groups(ctx) if g[-1].end <= cue_start and ctx.sentence.start <= g[0].start]
    if not drafts or not before or not _TRADER_GAP.fullmatch(ctx.text, before[-1][-1].end, cue_start):
        return drafts
    trader = unique_actors([a.actor for a in before[-1]])
    for d in drafts:
        for key in ("a_from", "b_to"):
            if not d.extra[key]:
                d.extra[key] = trader
        d.actors = unique_actors(d.actors + trader)
    return drafts


def _sale(ctx: SentenceContext, cue_start: int, cue_end: int) -> list[Draft]:
    """ "Russia sold Afrin to Erdogan for Abu al-Duhur": the seller gives A to the buyer and gets B."""
    s = ctx.sentence
    locs = [loc for loc in ctx.locs if loc.start >= cue_end and loc.end <= s.end and loc.located and not loc.locator]
    if len(locs) < 2:
        return []
    a = locs[0]
    to = _TO_BUYER.match(ctx.text, a.end, s.end)
    buyers = actors_listed_after(ctx, to.end(), max_gap=2) if to else []
    price = _FOR_PRICE.match(ctx.text, buyers[-1].end if buyers else a.end, s.end)
    b = next((loc for loc in locs[1:] if price and loc.start <= price.end() < loc.end), None)   # "for the airbase
    #                                                                                   of X", named as a whole
    if b is None:   # "sold wheat from Hasakah to Damascus for cash": no place in return
        return []
    sellers = _last_group(ctx, [x for x in ctx.actors if s.start <= x.start and x.end <= cue_start])
    seller = unique_actors([x.actor for x in sellers])
    buyer = unique_actors([x.actor for x in buyers])
    return [_exchange(ctx, a, b, seller, buyer, buyer, seller)]   # _exchange maps a vague leg at its example


def _pending(drafts: list[Draft], memory: Memory | None) -> list[Draft]:
    if memory is not None:
        memory.pending = [d for d in drafts if not (d.extra["a_to"] and d.extra["b_to"])]
    return drafts


_LETS = re.compile(r"\s+(?:would\s+|will\s+|could\s+)?(?:let(?:s|ting)?|allow(?:s|ing)?|permit(?:s|ting)?)\s+(?:the\s+)?",
                   re.I)
# Before a place: its holder gives it up ("withdraw from A", "hand over A", "pulling back from A").
_GIVING_UP = re.compile(r"\b(?:withdr\w*|pull\w*\s+(?:[\w-]+\s+){1,5}?(?:out|back)|pull\w*(?:\s+(?:back|out))?|evacuat\w*|(?:leav\w*|left)(?!\s+(?:for|to|towards)\b)|retreat\w*|"
                        r"hand\w*(?:\s+over)?|"
                        r"cede\w*|surrender\w*|give\s+up|gave\s+up|given\s+up|giving\s+up)\s+"
                        r"(?:\w+\s+){0,3}?(?:(?:from|of)\s+)?(?:the\s+)?"
                        r"(?:(?:city|town|village|area)\s+of\s+)?$", re.I)
# Between a party and a place: the party takes the place ("government forces to take over A").
_TAKING = re.compile(r"\)?(?:['’]s)?,?\s+(?:(?:fighters|factions|forces|troops|units|militias|police|allies)\s+)?"
                     r"(?:would\s+|will\s+|could\s+|can\s+|to\s+)?"
                     r"(?:(?:be|being)\s+(?:allowed|permitted|able|free)\s+to\s+)?"   # "would be allowed to take"
                     r"(?:take\s+over|taking\s+over|take\s+control\s+of|taking\s+control\s+of|"
                     r"takeover\s+of|capture\s+of|seizure\s+of|entry\s+into|"
                     r"control\s+(?:over|of)|"   # "the regime's control over"
                     r"enter|entering|enters|seize|seizing|receive|receiving|move\s+into|moving\s+into|(?:back\s+)?into|"
                     r"get|gets|got|getting|take|takes|taking|obtain|obtains|gain|gains|"   # "Moscow could obtain B"
                     r"return\s+to|re-?entry\s+(?:in)?to|deployment\s+(?:in|to)|"
                     r"(?:moved|move|moves|moving|advanced|advance|advances|advancing)\s+on)\s+"   # "if X moved on B"
                     r"(?:the\s+(?:city|town|village|area)\s+of\s+)?(?:(?:the\s+)?(?:part|parts|rest|remainder|section)\s+of\s+)?"
                     r"(?:the\s+)?(?:[\w-]+-held\s+)?(?:areas?\s+(?:of\s+)?)?",
                     re.I)


_SUCH_AS = re.compile(r",?\s+(?:such\s+as|including|notably|like)\s+(?:the\s+(?:city|town|village|area)s?\s+of\s+)?", re.I)


def _example(ctx: SentenceContext, leg: Loc) -> Loc:
    """A vague leg made definite by its example: "the areas south of the M4, such as the town of
    Ihsim" is mapped at Ihsim; so is "the part of Idlib province south of the M4, including Jabal al-Zawiya"."""
    if leg.precision == 1:
        return leg
    end = leg.end
    part = next((x for x in ctx.locs if 0 <= x.start - end <= 1 and x.located and x.kind != "place"), None)
    if part is not None:   # "the part of Idlib province south of the M4 highway, including Jabal al-Zawiya"
        end = part.end
    m = _SUCH_AS.match(ctx.text, end, ctx.sentence.end)
    nxt = [loc for loc in ctx.locs if m and loc.start == m.end() and loc.located and not loc.locator]
    if not nxt:   # "the area south of the M4, Jabal al-Zawiya included"
        nxt = [loc for loc in ctx.locs if loc.located and 0 < loc.start - end <= 6
               and _LISTED.fullmatch(ctx.text, end, loc.start) and _INCLUDED.match(ctx.text, loc.end)]
    if not nxt and leg.precision == 3:   # "east of the Euphrates, in the strip between Tal Abyad and Ras al-Ain"
        nxt = [loc for loc in ctx.locs if loc.located and loc.precision < 3 and loc.start > end
               and _NARROWED_TO.fullmatch(ctx.text, end, loc.start)]
    return nxt[0] if nxt else leg


_LISTED = re.compile(r",\s+(?:the\s+)?")
_NARROWED_TO = re.compile(r",\s+(?:in|around|near)\s+(?:the\s+)?(?:(?:strip|area|region|zone|pocket|stretch|belt|"
                          r"triangle|sector)\s+(?:of\s+|around\s+)?)?", re.I)
_INCLUDED = re.compile(r"\s+included\b", re.I)


_SEAT = re.compile(r"\b(?:authorities|government|regime|administration|leadership)\s+in\s+$", re.I)


# "the Iranian-backed units would withdraw northward into the Lajat": the movers get B
_MOVING_INTO = re.compile(r"(?:-backed)?\s+(?:[\w-]+\s+){0,2}?(?:would\s+|will\s+|could\s+|to\s+)?(?:withdraw|pull\s+back|move|redeploy|"
                          r"retreat|fall\s+back)\w*\s+(?:\w+\s+)?(?:into|to|towards)\s+(?:the\s+)?", re.I)


_MAIN_CLAUSE = re.compile(r",\s+(?=(?:the\s+)?[A-Z])")


def _fronted_price(ctx: SentenceContext, cue_end: int) -> list[Draft]:
    """A swap whose price comes first: "In return for X handing back B to Y, Z is to pull out of A and leave
    it to W": B is the first leg's counterpart, A the leg of the main clause."""
    s = ctx.sentence
    main = _MAIN_CLAUSE.search(ctx.text, cue_end, s.end)
    if main is None:
        return []
    leg_b = next((loc for loc in ctx.locs if cue_end <= loc.start and loc.end <= main.start() and loc.located
                  and not loc.locator), None)
    leg_a = _given_up(ctx, main.end(), s.end)
    if leg_b is None or leg_a is None or leg_a.place is leg_b.place:
        return []
    b_from = [a.actor for a in actors_listed_after(ctx, cue_end, max_gap=6) if a.end <= leg_b.start]
    b_to = _receivers_after(ctx, leg_b.end, main.start())
    a_from = [a.actor for a in actors_listed_after(ctx, main.end(), max_gap=6) if a.end <= leg_a.start]
    a_to = _receivers_after(ctx, leg_a.end, s.end) or _left_to(ctx, leg_a.end, s.end)
    return [_exchange(ctx, leg_a, leg_b, unique_actors(a_from), a_to, unique_actors(b_from), b_to)]


_LEAVE_THEM_TO = re.compile(r"\b(?:leave|leaving|hand|handing)\s+(?:them|it|the\s+\w+)\s+(?:back\s+|over\s+)?to\s+(?:the\s+)?", re.I)


def _left_to(ctx: SentenceContext, start: int, end: int) -> list[Actor]:
    """ "... out of the positions near A and leave them to the Levant Front": who gets A."""
    m = _LEAVE_THEM_TO.search(ctx.text, start, end)
    return unique_actors([a.actor for a in actors_listed_after(ctx, m.end(), max_gap=2)]) if m else []


# "in exchange for Russia leaving the Taftanaz airbase and the area around Binnish to Turkish forces"
_LEAVING_IT_TO = re.compile(r"\b(?:leav(?:e|es|ing)|hand(?:s|ing)?(?:\s+over)?)\s+(?P<what>[^.;:]{0,100}?)\s+to\s+"
                            r"(?:the\s+)?", re.I)
_THE_PLACE = re.compile(r"(?:it|them|the\s+(?:town|city|village|area|pocket)s?)(?:\s+(?:over|back))?", re.I)


def _left_with(ctx: SentenceContext, leg: Loc, cue_end: int) -> list[Actor]:
    """Who a place is left to after the cue: "... in return for X leaving B (and C) to Y", "... withdrawing from
    around B and leaving the town to Y": Y."""
    for m in _LEAVING_IT_TO.finditer(ctx.text, cue_end, ctx.sentence.end):
        if (m.start() < leg.start and leg.end <= m.end()) \
                or (0 <= m.start() - leg.end <= 40 and _THE_PLACE.fullmatch(m.group("what"))):
            return unique_actors([a.actor for a in actors_listed_after(ctx, m.end(), max_gap=2)])
    return []


def _given_up(ctx: SentenceContext, start: int, cue_start: int) -> Loc | None:
    """The first leg of an exchange: the place given up before the cue ("withdraw from A to the north of
    the M4, in exchange for ..."), else the last place before the cue; never a whole country when a
    place is named ("the Nassib crossing with Jordan")."""
    cands = [loc for loc in ctx.locs if start <= loc.start and loc.end <= cue_start and not loc.locator and loc.located]
    cands = [loc for loc in cands if not whole_country(loc)] or cands
    cands = [loc for loc in cands if not _DESTINATION.search(ctx.text, max(start, loc.start - 40), loc.start)] or cands
    cands = [loc for loc in cands if not _SEAT.search(ctx.text, max(start, loc.start - 40), loc.start)]   # "to the
    # new authorities in Damascus": where the receiver sits, not what is given
    cands = [loc for i, loc in enumerate(cands)   # "take A and its airbase, in the countryside of Idlib, in return for"
             if not (i and _LOCATING.search(ctx.text, max(cands[i - 1].end, loc.start - 60), loc.start))]
    cands = [loc for i, loc in enumerate(cands)   # "A and the M4 west of it towards Latakia": where the road leads
             if not (i and _road(cands[i - 1]) and _ROAD_TOWARDS.search(ctx.text, cands[i - 1].end, loc.start))]
    given = [loc for loc in cands if _GIVING_UP.search(ctx.text, max(start, loc.start - 50), loc.start)] or \
        [loc for loc in cands if _TAKEN_OVER.search(ctx.text, max(start, loc.start - 30), loc.start)]
    if given:   # "hand Deir Hafer and Maskanah to X": the first place of the list handed over ("X would take over A
        #         and the stretch of the M4 west of it to the B boundary": A)
        return _on_the_road(ctx, next((loc for loc in chain(ctx.text, ctx.locs, given[-1]) if loc in cands), given[-1]),
                            cue_start)
    if len(cands) > 1 and _road(cands[-1]) and not CLAUSE_BREAK.search(ctx.text, cands[-2].end, cands[-1].start):
        return cands[-2]   # "take over Ain Issa and the section of the M4 that passes through it": the town
    return _on_the_road(ctx, cands[-1], cue_start) if cands else None


# "calling off an operation in northern Syria" is no place given ("consent to the operation in Afrin" is one)
_WAR_IN = re.compile(r"\b(?:call(?:s|ed|ing)?\s+off|halt\w*|stop\w*|end(?:s|ed|ing)?|abandon\w*|suspend\w*|drop\w*|postpon\w*)"
                     r"\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:operations?|offensives?|attacks?|assaults?|strikes?|"
                     r"bombing|shelling|incursions?|campaigns?)\s+(?:\w+\s+){0,2}?(?:in|on|against|into)\s+(?:the\s+)?$", re.I)
_LOCATING = re.compile(r",\s*(?:(?:in|near|on|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+(?:the\s+)?)?|"
                       r"along\s+(?:the\s+)?(?:[\w-]+\s+)?(?:road|highway)\s+(?:that\s+|which\s+)?"
                       r"(?:leads|leading|runs|running)\s+(?:to|towards)\s+(?:the\s+)?)$",
                       re.I)   # "the villages south of A, along the road that leads to B"


_ROAD_TOWARDS = re.compile(r"\b(?:towards?|toward|as\s+far\s+as|up\s+to)\s+(?:the\s+)?$", re.I)
_TAKEN_OVER = re.compile(r"\b(?:take|takes|took|taking)\s+over\s+(?:the\s+)?(?:(?:town|village|city|area)\s+of\s+)?$",
                         re.I)


def _road(loc: Loc) -> bool:
    return loc.place is not None and loc.place.type == PlaceType.ROAD


def _on_the_road(ctx: SentenceContext, leg: Loc, cue_start: int) -> Loc:
    """ "the villages along the M4 near Ain Issa": the spot named on the road, not the whole road."""
    if not _road(leg):
        return leg
    nearer = [loc for loc in ctx.locs if 0 <= loc.start - leg.end <= 2 and loc.end <= cue_start and loc.located]
    return nearer[0] if nearer else leg


# "evacuated to Aleppo", "bused towards Idlib": where people go is no leg of a swap
_DESTINATION = re.compile(r"\b(?:evacuat\w*|transferr\w*|moved|bus(?:s)?ed|taken|sent|relocated|displaced|head\w*)\s+"
                          r"(?:\w+\s+){0,2}?(?:to|towards|into)\s+(?:the\s+)?(?:(?:city|town|province)\s+of\s+)?$"
                          r"|\b(?:leave|leaves|leaving|left|depart\w*|go|going)\s+(?:for|to|towards)\s+(?:the\s+)?$", re.I)   # "leave for Idlib"


_ASIDE = re.compile(r"\s*,\s*(?:(?:along|on|near|in|north|south|east|west)\b|(?:about|some|around)?\s*[\d.,]+\s*(?:km|kilomet(?:er|re)s?)\b)"
                    r"[^,.;]{1,50},")   # "B, along the M4,", "B, about 120 kilometers south of C,"
# "... B to X", "B over to X", "B, which would be returned to X"
_HELD_BY = r"(?:under\s+(?:the\s+)?(?:control|administration|management|rule)\s+of|in\s+(?:the\s+)?hands\s+of)"
_RECEIVER = re.compile(r"(?:\s+(?:farms|fields|orchards|villages|hills|areas?|countryside|outskirts|pocket|plain|"
                       r"valley|belt|strip|corridor|zone|enclave|sector))?"   # "leave the Beit Jinn farms to X"
                       r"\s*(?:,\s*(?:which|that)\s+(?:\w+\s+){0,3}?"
                       r"(?:handed|returned|given|transferred|ceded|delivered)\s+"
                       r"|\s+(?:being|be|is|was|were|are)\s+(?:handed|returned|given|transferred|ceded|delivered)\s+)?"   # "B being handed to X"
                       r"(?:over\s+|back\s+)?(?:to|for)\s+"
                       r"|\s*,?\s*(?:and\s+(?:[\w-]+\s+){0,4}?)?(?:returning|reverting|passing|going)\s+"
                       r"(?:back\s+)?to\s+"   # "B, and the area around it returning to the Syrian state"
                       # "B front and handing them over to the army"
                       r"|(?:\s+[\w-]+)?\s+and\s+hand(?:ing|s|ed)?\s+(?:them|it)\s+(?:over\s+|back\s+)?to\s+"
                       # "B remaining under the control of X", "B, which stays with X", "leaving B in the hands of X"
                       r"|\s*,?\s*(?:which\s+)?(?:(?:would|will|is\s+to|are\s+to)\s+)?"
                       rf"(?:(?:to\s+)?(?:remain|stay)(?:s|ing)?\s+(?:(?:\w+\s+)?{_HELD_BY}|with)|{_HELD_BY})\s+",
                       re.I)


_AND_BEFORE = re.compile(r"\s*(?:(?:,\s*)?and\s|[–/-]\s*)")   # "B and C", "the B–C belt"


def _receivers_after(ctx: SentenceContext, start: int, end: int) -> list[Actor]:
    """ "... B to the government", "B and C, along the M5, to the regime": who receives the second leg,
    when the sentence says so."""
    listed = [loc for loc in locs_after(ctx, start, max_gap=12) if loc.end <= end]
    if listed and _AND_BEFORE.match(ctx.text[start:listed[0].start]):
        start = listed[-1].end
    aside = _ASIDE.match(ctx.text, start, end)
    start = aside.end() if aside else start
    m = _RECEIVER.match(ctx.text, start, end) or _TO_LATER.match(ctx.text, start, end)
    found = [a for a in actors_listed_after(ctx, m.end(), max_gap=6) if a.end <= end] if m else []
    return unique_actors([a.actor for a in found]) if found else _takers_after(ctx, start, end)


# "B and on the M4 west of the town to units of the Ministry of Defence": who receives B, past a phrase of where
_TO_LATER = re.compile(r"[^.;,]{1,60}?\s(?:over\s+)?to\s+(?:the\s+)?(?:(?:units|forces|troops)\s+of\s+(?:the\s+)?)?")


_UNDER = re.compile(r"\bunder\s+(?:the\s+)?$", re.I)
_PATRONAGE = re.compile(r"\s+(?:military\s+)?(?:protection|supervision|guarantee|control|administration|patronage|"
                        r"auspices)\b", re.I)


def _patron_after(ctx: SentenceContext, start: int, end: int) -> list[Actor]:
    """ "... and the town would be handed to local fighters under Turkish supervision", "B remains under Turkish
    protection": the party B is left under, in the clause after it."""
    stop = CLAUSE_BREAK.search(ctx.text, start, end)
    return [a.actor for a in ctx.actors if start <= a.start and a.end <= (stop.start() if stop else end)
            and _UNDER.search(ctx.text, max(start, a.start - 12), a.start) and _PATRONAGE.match(ctx.text, a.end)][:1]


_NEXT_CLAUSE = re.compile(r"\s*(?:provinces?|governorates?|areas?|regions?|countryside)?\s*,?\s+"
                          r"(?:and|while)\s+(?:the\s+)?", re.I)
_TAKE_OVER = re.compile(r"\s+(?:(?:forces|troops|units|fighters)\s+)?"
                        r"(?:would|will|could|are\s+to|is\s+to)\s+(?:then\s+)?"
                        r"(?:take\s+over|take\s+control\s+of|move\s+in(?:to)?|replace|deploy\s+in)\b", re.I)


def _takers_after(ctx: SentenceContext, start: int, end: int) -> list[Actor]:
    """ "... would pull out of B, and Syrian troops and Russian military police would take over their positions":
    the parties of the clause right after the leg that take it over."""
    m = _NEXT_CLAUSE.match(ctx.text, start, end)
    takers = [a for a in actors_listed_after(ctx, m.end(), max_gap=2) if a.end <= end] if m else []
    if takers and _TAKE_OVER.match(ctx.text, takers[-1].end, end):
        return unique_actors([a.actor for a in takers])
    return []


def _trailing_exchange(ctx: SentenceContext, cue_start: int) -> list[Draft]:
    """ "X handed A to Y, in a deal that gave X B in exchange.": both legs stand before the cue."""
    before = [loc for loc in ctx.locs if ctx.sentence.start <= loc.start and loc.end <= cue_start
              and loc.located and not loc.locator]
    if len(before) < 2:
        return []
    leg_a = before[0]   # "... it may ask for Saraqib and the rest of the M5 in return": the first place of the list
    listed = [loc for loc in chain(ctx.text, ctx.locs, before[-1]) if loc in before and loc is not leg_a]
    leg_b = listed[0] if listed else before[-1]
    a_from, a_to = _giver_receiver(ctx, leg_a, leg_b.start)
    return [_exchange(ctx, leg_a, leg_b, a_from, a_to, a_to, a_from)]


_WITHDRAWAL_OF = re.compile(r"\s*(?:the\s+)?(?:withdrawal|handover|hand-over|pullout|departure|exit)\s+of\s+", re.I)


def _skip_words(gap: str) -> int:
    m = _WITHDRAWAL_OF.match(gap) or \
        _COMING.match(gap)
    return m.end() if m else 0


_COMING = re.compile(r"\s*(?:the\s+)?" + COMING_OF.pattern + r"(?:the\s+)?", re.I)   # "for the return of X to B"


# "gave Ankara a free hand in Afrin": the place the receiver was given
_FREE_HAND = re.compile(r"\s+(?:a\s+)?(?:free\s+hand|green\s+light|(?:full\s+)?control)\s+(?:in|over|of|for)\s+(?:the\s+)?",
                        re.I)
# "to the SDF", "to a force of the Defence Ministry"
_TO_FORCE = re.compile(r"\b(?:to|for)\s+(?:the\s+|a\s+|an\s+)?(?:new\s+|newly\s+formed\s+|interim\s+)?"   # "to the new
                       r"(?:(?:force|forces|units?|troops|contingent|detachment)\s+of\s+(?:the\s+)?)?", re.I)   # ministry"


def _giver_receiver(ctx: SentenceContext, leg_a: Loc, cue_start: int) -> tuple[list[Actor], list[Actor]]:
    s = ctx.sentence
    before = [a for a in ctx.actors if s.start <= a.start and a.end <= leg_a.start]
    # "Turkey asked Russia to hand the SDF-held town of A ...": who holds A is named, who gives it is Russia
    before = [a for a in before if not _HELD_MARK.match(ctx.text, a.end)] or before
    pair = _offer_pair(ctx, before)
    if pair and (ctx.text[pair[1][-1].end:leg_a.start].strip() == "" or _FREE_HAND.fullmatch(ctx.text, pair[1][-1].end,
                                                                                              leg_a.start)):
        return unique_actors([a.actor for a in pair[0]]), unique_actors([a.actor for a in pair[1]])
    givers = _last_group(ctx, before)
    if givers and (_CEDE_TO.search(ctx.text, max(s.start, givers[0].start - 30), givers[0].start)
                   or (_HAND_X.search(ctx.text, max(s.start, givers[0].start - 30), givers[0].start)
                       and _ARTICLE_ONLY.fullmatch(ctx.text, givers[-1].end, leg_a.start))):
        takers = givers   # "Ankara could cede to the government the villages south of A": the government takes A
        givers = _last_group(ctx, [a for a in before if a.end <= takers[0].start])
        return unique_actors([a.actor for a in givers]), unique_actors([a.actor for a in takers])
    if givers and ((":" in ctx.text[givers[-1].end:leg_a.start]
                    and not _THEY_AFTER_COLON.search(ctx.text, givers[-1].end, leg_a.start))
                   or _WAS_HANDED.match(ctx.text, leg_a.end, cue_start)):
        givers = []   # "the Russians sent them an offer: A would be handed to the army": who offers, not who gives
        #               ("a proposal to the Iranian-backed units: they would vacate A": the units give A)
    if givers and _DEPLOYMENT_OF.search(ctx.text, max(s.start, givers[0].start - 30), givers[0].start) \
            and _INSIDE.fullmatch(ctx.text, givers[-1].end, leg_a.start):   # "accept the deployment of X inside A"
        takers = givers
        givers = _last_group(ctx, [a for a in before if a.end <= takers[0].start])
        return unique_actors([a.actor for a in givers]), unique_actors([a.actor for a in takers])
    taken = next((loc for loc in ctx.locs if givers and loc.start >= givers[-1].end), leg_a)
    if leg_a.start - taken.end > 60 or CLAUSE_BREAK.search(ctx.text, taken.end, leg_a.start):
        taken = leg_a   # "take over the area south of the M4, Jabal al-Zawiya included": A is named in what is taken
    if givers and _TAKING.fullmatch(ctx.text[givers[-1].end:taken.start]):   # "allow government forces to take over A"
        takers = givers
        givers = _last_group(ctx, [a for a in before if a.end <= takers[0].start])
        return unique_actors([a.actor for a in givers]), unique_actors([a.actor for a in takers])
    receivers: list[ActorMention] = []
    for m in _TO_FORCE.finditer(ctx.text[leg_a.end:cue_start]):
        receivers = [a for a in actors_listed_after(ctx, leg_a.end + m.end(), max_gap=2) if a.end <= cue_start]
        if receivers:
            break
    kept_by = _KEPT_BY.search(ctx.text, leg_a.end, cue_start)
    if not receivers and kept_by:   # "A, which would then be patrolled by joint Russian-Turkish patrols"
        receivers = [a for a in actors_listed_after(ctx, kept_by.end(), max_gap=8) if a.end <= cue_start]
    return unique_actors([a.actor for a in givers]), unique_actors([a.actor for a in receivers])


_HELD_MARK = re.compile(r"-(?:held|controlled|run|dominated)\b", re.I)
_THEY_AFTER_COLON = re.compile(r":\s*(?:they|it)\s+(?:would|will|could|should|must|are\s+to|is\s+to)\b", re.I)
_CEDE_TO_WORDS = r"(?:cede|cedes|ceded|ceding|hand|hands|handed|handing|give|gives|gave)\s+(?:over\s+)?to\s+"
_CEDE_TO = re.compile(r"\b" + _CEDE_TO_WORDS + r"(?:the\s+)?$", re.I)   # "cede to X" before the place
# "We would hand the army A": the party right after the verb receives the place right after it
_HAND_X = re.compile(r"\b(?:hand|hands|handed|handing|give|gives|gave|giving|grant|grants|granted|granting)\s+"
                     r"(?:the\s+)?$", re.I)
_ARTICLE_ONLY = re.compile(r"\s+(?:the\s+)?(?:(?:town|village|city|area|district)\s+of\s+)?", re.I)
_DEPLOYMENT_OF = re.compile(r"\b(?:deployment|entry|return|redeployment)\s+of\s+(?:the\s+)?$", re.I)
_INSIDE = re.compile(r"\s+(?:inside|in|into|to)\s+(?:the\s+(?:city|town|area)\s+of\s+)?", re.I)
_KEPT_BY = re.compile(r",\s+(?:which\s+(?:would|will|is\s+to|are\s+to)\s+(?:then\s+)?be\s+(?:patrolled|held|run|controlled|"
                      r"administered|taken\s+over|secured|manned|policed)|(?:to\s+be\s+|and\s+be\s+)?replaced)\s+by\s+"
                      r"(?:the\s+)?", re.I)   # "A, to be replaced by army units, in exchange for B"


_OFFER = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:offered|offers|offer|proposed|proposes|gave|gives|"
                    r"promised|promises|floated|floats)\s+(?:to\s+)?$", re.I)


def _offer_pair(ctx: SentenceContext, mentions: list[ActorMention]) -> tuple[list, list] | None:
    """ "Moscow offers Ankara <A>": the first party gives, the second receives."""
    groups = [g for g in actor_groups(ctx) if g[0] in mentions]
    for first, second in zip(groups, groups[1:]):
        if _OFFER.match(ctx.text[first[-1].end:second[0].start]):
            return first, second
    return None


def _last_group(ctx: SentenceContext, mentions: list[ActorMention]) -> list[ActorMention]:
    groups = [g for g in actor_groups(ctx) if g[0] in mentions]
    groups = [g for g in groups if not is_speaker(ctx, g[-1])] or groups
    return groups[-1] if groups else []


_GETS = re.compile(r"\s+(?:would\s+|will\s+|could\s+|can\s+|should\s+|to\s+)?(?:in\s+(?:return|exchange)\s+)?"
                   r"(?:get|gets|receive|receives|take|takes|gain|gains|(?<=can\s)have|(?<=could\s)have)\s+"
                   r"(?:back\s+)?(?:control\s+of\s+)?", re.I)
_GOT = re.compile(r"\s+(?:got|gets|received|receives|took|takes|gained|gains|were\s+given|was\s+given)\s+"
                  r"(?:back\s+)?(?:control\s+of\s+)?", re.I)


_WOULD_CAN = re.compile(r"\b(?:would|could|can)\b")
_IF_CLAUSE = re.compile(r",?\s+if\s+")


def _conditional_swap(ctx: SentenceContext) -> list[Draft]:
    """ "Damascus would get al-Atarib if Ankara got Tal Rifaat": each party receives one place, from
    the other."""
    for group in actor_groups(ctx):
        gets = _GETS.match(ctx.text, group[-1].end, ctx.sentence.end)
        if not gets or not _WOULD_CAN.search(gets.group()):
            continue
        leg_a = next((loc for loc in ctx.locs if loc.start >= gets.end() and loc.located and not loc.locator), None)
        cond = leg_a and _IF_CLAUSE.search(ctx.text[leg_a.end:ctx.sentence.end])
        if not cond:
            continue
        others = actors_listed_after(ctx, leg_a.end + cond.end(), max_gap=4)   # "if the SDF"
        got = others and _GOT.match(ctx.text, others[-1].end, ctx.sentence.end)
        leg_b = got and next((loc for loc in ctx.locs if loc.start >= got.end() and loc.located and not loc.locator), None)
        if leg_b and leg_b.start - got.end() <= 30:
            a_to, b_to = unique_actors([a.actor for a in group]), unique_actors([a.actor for a in others])
            return [_swap(ctx, leg_a, leg_b, a_to, b_to)]
        hands = others and _HANDS.match(ctx.text, others[-1].end, ctx.sentence.end)
        leg_b = locs_after(ctx, hands.end(), max_gap=2) if hands else []
        over = leg_b and _OVER_TO.match(ctx.text, leg_b[-1].end, ctx.sentence.end)
        if over:   # "The regime can have Manbij if the SDF hand Tal Rifaat over to the National Army"
            givers = unique_actors([a.actor for a in others])
            takers = unique_actors([a.actor for a in actors_listed_after(ctx, over.end(), max_gap=2)])
            draft = _exchange(ctx, leg_a, leg_b[0], [], unique_actors([a.actor for a in group]), givers, takers)
            draft.extra["status"], draft.modality = "proposed", Modality.POSSIBLE
            return [draft]
    return _if_handed(ctx)


_HANDS = re.compile(r"\s+(?:hand|hands|handed|give|gives|gave|cede|cedes|ceded|return|returns|returned)\s+(?:back\s+)?", re.I)
_OVER_TO = re.compile(r"\s+(?:(?:over|back)\s+)?to\s+(?:the\s+)?", re.I)
_IF = re.compile(r",?\s+(?:but\s+)?if\s+(?:the\s+)?", re.I)
_WAS_HANDED = re.compile(r"\s+(?:was|were|is|are|would\s+be|could\s+be)\s+(?:handed|given|transferred|returned|ceded)\s+"
                         r"(?:over\s+|back\s+)?to\s+(?:the\s+)?", re.I)


_WOULD = re.compile(r"\b(?:would|could)\b")


def _if_handed(ctx: SentenceContext) -> list[Draft]:
    """ "Ankara would accept the return of government institutions to Ariha if Manbij was handed over to the
    SNA": a proposal whose price is told as a condition."""
    for m in _IF.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        head = ctx.text[ctx.sentence.start:m.start()]
        leg_b = locs_after(ctx, m.end(), max_gap=2)
        handed = _WAS_HANDED.match(ctx.text, leg_b[-1].end, ctx.sentence.end) if leg_b else None
        leg_a = _given_up(ctx, ctx.sentence.start, m.start()) if handed and _WOULD.search(head) else None
        if leg_a is None or leg_a.place is leg_b[0].place:
            continue
        b_to = unique_actors([a.actor for a in actors_listed_after(ctx, handed.end(), max_gap=2)])
        coming = [a.actor for a in ctx.actors if ctx.sentence.start <= a.start and a.end <= leg_a.start
                  and _COMING.search(ctx.text, max(ctx.sentence.start, a.start - 20), a.start)]
        a_to = unique_actors(coming) or leg_receivers(ctx, leg_a.place)
        draft = _exchange(ctx, leg_a, leg_b[0], b_to, a_to, a_to, b_to)
        draft.extra["status"], draft.modality = "proposed", Modality.POSSIBLE   # "if B was handed over": not done
        return [draft]
    return _hand_if(ctx)


_TO_TAKER = re.compile(r"[^.;:]{0,90}?\s(?:over\s+|back\s+)?to\s+(?:the\s+)?", re.I)
_GAVE = re.compile(r"\b(?:surrender\w*|hand\w*(?:\s+over)?|cede\w*|gave\s+up|give\s+up)\b", re.I)
_KEEPS = re.compile(r"\b(?:" + _KEEP_VERB + r"|stay\s+in|remain\s+in)\s+(?:the\s+)?", re.I)


def _hand_if(ctx: SentenceContext) -> list[Draft]:
    """ "The rebels would hand Yabroud to the army if the fighters were allowed to keep Rankous"; "the
    government would cede Khasham ... to the SDF if the SDF withdrew from Hajin": a handover offered on a
    condition about another place, which the condition's party keeps or gives up to the first giver."""
    for group in actor_groups(ctx):
        hand = WOULD_HAND.match(ctx.text, group[-1].end, ctx.sentence.end)
        leg_a = locs_after(ctx, hand.end(), max_gap=12) if hand else []
        cond = _IF.search(ctx.text, leg_a[0].end, ctx.sentence.end) if leg_a else None
        leg_b = [loc for loc in ctx.locs if cond and loc.start >= cond.end() and loc.end <= ctx.sentence.end
                 and loc.located and not loc.locator][:1]
        if not leg_b or leg_b[0].place is leg_a[0].place:
            continue
        to = _TO_TAKER.match(ctx.text, leg_a[0].end, cond.start())
        takers = unique_actors([a.actor for a in actors_listed_after(ctx, to.end(), max_gap=2)]) if to else []
        givers = unique_actors([a.actor for a in group])
        party = unique_actors([a.actor for a in actors_listed_after(ctx, cond.end(), max_gap=4)])
        if _KEEPS.search(ctx.text, cond.end(), leg_b[0].start):   # "if the fighters could keep B": theirs still
            b_from, b_to = [], party or givers
        elif gave := (_GIVING_UP.search(ctx.text, cond.end(), leg_b[0].start)   # "if the SDF withdrew from B"
                      or _GAVE.search(ctx.text, leg_b[0].end, min(leg_b[0].end + 40, ctx.sentence.end))):
            at = max(leg_b[0].end, gave.end())   # "if the groups in B surrendered its eastern front to X": X's
            to_b = _OVER_TO.match(ctx.text, at, ctx.sentence.end) or _TO_TAKER.match(ctx.text, at, ctx.sentence.end)
            named = actors_listed_after(ctx, to_b.end(), max_gap=2) if to_b else []
            b_from, b_to = party, unique_actors([a.actor for a in named]) or givers   # else the first giver's
        else:
            continue
        draft = _exchange(ctx, leg_a[0], leg_b[0], givers, takers, b_from, b_to)
        draft.extra["status"], draft.modality = "proposed", Modality.POSSIBLE
        return [draft]
    return []


def _two_legs(ctx: SentenceContext) -> list[Draft]:
    """ "A swap that would see the factions pull out of A and the regime move in, while Turkish troops
    enter B"; "giving the factions A while Damascus gets B": a deal told as two moves, each place with
    its own receiver."""
    shared_out = len(_SHARED_OUT.findall(ctx.sentence.text)) >= 2 and _WHILE.search(ctx.sentence.text)
    deal = ctx.patterns.exchange["deal_words"]
    if not (deal.search(ctx.sentence.text) or shared_out or deal.search(_agreement_before(ctx))):
        return []   # ("An arrangement was reached. Under it, X takes A, while Y receives B": the deal told before)
    legs: list[tuple[Loc, list[Actor]]] = []
    for loc in ctx.locs:
        if not (ctx.sentence.start <= loc.start < ctx.sentence.end) or loc.locator or not loc.located \
                or any(leg.place is not None and loc.place is not None and leg.place.id == loc.place.id for leg, _ in legs):
            continue
        takers = leg_receivers(ctx, loc.place)
        if takers and not (legs and {a.id for a in takers} == {a.id for a in legs[-1][1]}):
            legs.append((_named_with(ctx, loc), takers))
    if len(legs) == 1:
        return _left_and_entered(ctx, *legs[0])
    if len(legs) < 2:
        return []
    (a, a_to), (b, b_to) = legs[:2]
    draft = _swap(ctx, a, b, a_to, b_to)
    a_from, b_from = _givers(ctx, a), _givers(ctx, b)   # "while the SDF would hand Manbij to government forces"
    if a_from or b_from:   # a giver told who is not the other side's receiver: the other leg's giver is not known
        two_sides = {x.id for x in a_from or b_to} == {x.id for x in b_to} and {x.id for x in b_from or a_to} == {x.id for x in a_to}
        draft.extra["a_from"] = a_from or (b_to if two_sides else [])
        draft.extra["b_from"] = b_from or (a_to if two_sides else [])
    draft.actors = unique_actors(draft.extra["a_from"] + draft.extra["a_to"] + draft.extra["b_from"] + draft.extra["b_to"])
    return [draft]


_AND_AREAS = re.compile(r"\s+and\s+(?:the\s+)?(?:[\w-]+\s+)?(?:villages|towns|areas|farms|hills|countryside)\s+", re.I)


def _named_with(ctx: SentenceContext, loc: Loc) -> Loc:
    """The named place a spot around it is told with: "vacate az-Ziyarah and the villages west of the Orontes,
    which would pass to X": az-Ziyarah is the leg."""
    if loc.kind == "place":
        return loc
    named = next((p for p in ctx.locs if p.end < loc.start and p.kind == "place" and p.precision == 1 and p.located
                  and _AND_AREAS.fullmatch(ctx.text, p.end, loc.start)), None)
    return named or loc


def _left_and_entered(ctx: SentenceContext, entered: Loc, takers: list[Actor]) -> list[Draft]:
    """ "A formula under which the factions would withdraw from Halfaya, while Turkish troops would enter Morek":
    one party gives a place up and another takes a second one; who gets the first is not told."""
    for loc in ctx.locs:
        if not (ctx.sentence.start <= loc.start < ctx.sentence.end and loc.located and not loc.locator) \
                or same_place(loc, entered) \
                or not _WHILE.search(ctx.text, min(loc.end, entered.end), max(loc.start, entered.start)):
            continue
        givers = _givers(ctx, loc)
        if givers and not {a.id for a in givers} & {a.id for a in takers}:
            return [_exchange(ctx, loc, entered, givers, [], [], takers)]
    return []


# "A ... could be handed to X, while B ... would go to Y": two places shared out, each told as a handover to come
_SHARED_OUT = re.compile(r"\b(?:could|would|will|should|might|may)\s+(?:(?:then|also|eventually)\s+)?"
                         r"(?:be\s+(?:handed|given|transferred|returned|ceded)(?:\s+(?:over|back))?|go|pass|revert)"
                         r"\s+to\b",
                         re.I)
_WHILE = re.compile(r",\s+(?:while|whereas)\s", re.I)


def _givers(ctx: SentenceContext, loc: Loc) -> list[Actor]:
    """The party a clause says gives ``loc`` up ("the SDF would hand Manbij to ..."), if it says one."""
    cue = _GIVING_UP.search(ctx.text, max(ctx.sentence.start, loc.start - 60), loc.start)
    if cue is None or CLAUSE_BREAK.search(ctx.text, cue.end(), loc.start):
        return []
    clause = clause_start(ctx, cue.start())
    return unique_actors([a.actor for a in _last_group(ctx, [a for a in ctx.actors if clause <= a.start
                                                               and a.end <= cue.start() and not a.adjective])])


def _two_withdrawals(ctx: SentenceContext) -> list[Draft]:
    """ "A trade that would see US troops pull out of A while the militias leave B": a deal in which
    each of two parties gives up a place."""
    if not ctx.patterns.exchange["deal_words"].search(ctx.sentence.text):
        return []
    legs: list[tuple[Loc, list[Actor]]] = []
    for loc in ctx.locs:
        if not (ctx.sentence.start <= loc.start < ctx.sentence.end) or loc.locator or not loc.located:
            continue
        cue = _GIVING_UP.search(ctx.text, max(ctx.sentence.start, loc.start - 60), loc.start)
        if cue is None:
            continue
        cue_start = cue.start()
        givers = unique_actors([a.actor for a in _last_group(ctx, [a for a in ctx.actors if ctx.sentence.start <= a.start
                                                                   and a.end <= cue_start and not a.adjective])])
        if givers and not (legs and {a.id for a in givers} == {a.id for a in legs[-1][1]}):
            legs.append((loc, givers))
    if len(legs) < 2:
        return []
    (a, a_from), (b, b_from) = legs[:2]
    return [_exchange(ctx, a, b, a_from, [], b_from, [])]


_GOES_TO = re.compile(r"\s+(?:would|will|should|could|is\s+to|are\s+to)\s+(?:go|pass|fall|revert)\s+to\s+(?:the\s+)?", re.I)
_AND_THEN = re.compile(r"(?:\s+and\s+(?:its|their)\s+allies)?\s*(?:,\s*|;\s*)?(?:and|while|whereas)?\s+", re.I)
_TO_PARTY = re.compile(r"[^.;]{0,40}?\bto\s+(?:the\s+)?", re.I)


def _allocation(ctx: SentenceContext) -> list[Draft]:
    """ "A would go to the regime and its allies, and B to the SDF": two places shared out between two
    parties."""
    for m in _GOES_TO.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        first = actors_listed_after(ctx, m.end(), max_gap=2)
        before = [loc for loc in ctx.locs if ctx.sentence.start <= loc.start and loc.end <= m.start() and loc.located
                  and not loc.locator and not CLAUSE_BREAK.search(ctx.text, loc.end, m.start())]
        joint = first and _AND_THEN.match(ctx.text, first[-1].end, ctx.sentence.end)
        leg_b = joint and next((loc for loc in ctx.locs if loc.start == joint.end() and loc.located), None)
        to = leg_b and _TO_PARTY.match(ctx.text, leg_b.end, ctx.sentence.end)
        second = actors_listed_after(ctx, to.end(), max_gap=2) if to else []
        if before and second:   # A: the first of the places coordinated right before "would go to"
            leg_a = next(loc for loc in chain(ctx.text, ctx.locs, before[-1]) if loc in before)
            a_to, b_to = unique_actors([a.actor for a in first]), unique_actors([a.actor for a in second])
            return [_exchange(ctx, leg_a, leg_b, [], a_to, [], b_to)]
    return []


# "Kabani for Rabia", a "Tal Rifaat for al-Atarib" swap: two places joined by "for", not after a move
# ("left Douma for Jarabulus" is a route).
_FOR = re.compile(r"[\"'“”‘’]?\s+for\s+(?:the\s+)?[\"'“”‘’]?", re.I)
_MOVED = re.compile(r"\b(?:left|leav\w*|depart\w*|head\w*|set\s+off|bound|bus\w*|fled|moved|travel\w*|evacuated)\b"
                    r"[^.;]{0,40}$", re.I)


_QUOTE_BEFORE = re.compile(r"[\"“‘']\s*$")
_WORD_CHAR = re.compile(r"\w")


def _for_label(ctx: SentenceContext, memory: Memory | None) -> list[Draft]:
    """ "Kabani for Rabia – this is what the Turks are asking for": a swap named by its two places.
    It must be quoted, open the sentence, or stand by a word like swap or deal; who receives each
    place is read from this sentence or the one before ("... leave it to government forces")."""
    locs = [loc for loc in ctx.locs if loc.located and not loc.locator]
    for a, b in zip(locs, locs[1:]):
        if not _FOR.fullmatch(ctx.text[a.end:b.start]) or _MOVED.search(ctx.text, ctx.sentence.start, a.start):
            continue
        quoted = _QUOTE_BEFORE.search(ctx.text[ctx.sentence.start:a.start])
        opening = not _WORD_CHAR.search(ctx.text[ctx.sentence.start:a.start].replace("the", ""))
        if not (quoted or opening or ctx.patterns.exchange["deal_words"].search(ctx.sentence.text)):
            continue
        return [_told_swap(ctx, a, b, memory)]
    return []


_ALLOWED_INTO = re.compile(r"\s+(?:would\s+|will\s+|could\s+|should\s+)?(?:be\s+)?(?:allowed|permitted)\s+(?:to\s+)?"
                           r"(?:back\s+)?(?:into|enter|return\s+to|move\s+into)\s+", re.I)
_LEAVE_TO = re.compile(r"(?:\s*,[^,.;]{1,90},|\s+[–—][^.;–—]{1,150}[–—]"
                       # "the stretch it reached north of X, handing it to Y"
                       r"|\s+(?:that\s+|which\s+)?(?:it|they|we)\s+(?!would\b|will\b)[^,.;]{1,90}(?=,))?"
                       r"\s*,?\s+(?:and\s+)?"
                       r"(?:(?:would|will|could|are\s+to|is\s+to)\s+)?"
                       r"(?:leave|leaves|leaving|left|hand(?:s|ed|ing)?(?:\s+over)?|give|gives|giving|gave)\s+"
                       r"(?:it|them|(?:their|its)\s+(?:positions|posts|bases|points)(?:\s+there)?"
                       r"|the\s+(?:neighbou?rhood|district|quarter|area|town|city|village|square|base|crossing)"
                       r"|the\s+(?:two|three|four|several)\s+(?:neighbou?rhoods|districts|areas|towns|villages))\s+"
                       r"(?:(?:entirely|completely|wholly|fully)\s+)?(?:over\s+|back\s+)?to\s+(?:the\s+)?",
                       re.I)   # "..., and leave it to X", "Albu Kamal, ..., would hand their positions there to X"
_LETTING_IN = re.compile(r"(?:\s*,[^,.;]{1,90})*\s*,?\s+(?:and\s+)?"
                         r"(?:allowing|letting|enabling|opening\s+the\s+way\s+for|(?<=and\s)(?:allow|let|enable))\s+"
                         r"(?:the\s+)?", re.I)
_IN_AFTER = re.compile(r"(?:\s+(?:forces|troops|units|fighters))?\s+(?:back\s+)?"
                       r"(?:(?:to\s+)?(?:move\s+|come\s+|go\s+)?in\b|into\b|to\s+enter\b|"
                       r"to\s+take\s+(?:it\s+)?over\b|to\s+(?:re)?deploy\b)", re.I)   # "allow X to deploy there"
_MOVE_IN = re.compile(r"(?:\s+and\s+(?:[\w-]+\s+)?[\w-]+)?\s+and\s+(?:the\s+)?", re.I)
_MOVES_IN = re.compile(r"\s+(?:would\s+|will\s+|to\s+)?(?:move|moves|moved|moving|come|comes|step|steps)\s+in\b", re.I)
# "giving X the villages of A", "cede to X the villages south of A": X receives A
_GIVING = re.compile(r"\b(?:(?:giving|give|gives|gave|handing|hand|hands|handed)\s+|"
                     + _CEDE_TO_WORDS + r")"
                     r"(?P<who>(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2})\s+"
                     r"(?:the\s+)?(?:(?:villages?|towns?|areas?|city|region)\s+"
                     r"(?:(?:of|along|around|near|on)\s+(?:the\s+)?)?)?$",
                     re.I)
_PASSES_TO = re.compile(r"\b(?:would|will|could|should|are\s+to|is\s+to)\s+(?:then\s+)?(?:be\s+)?(?:pass|go|revert|fall|"
                        r"left(?:\s+with)?|handed(?:\s+over)?|given|returned|"   # "B would be left with ex-rebels"
                        r"placed\s+under\s+(?:the\s+)?(?:protection|control|authority)\s+of|"
                        r"(?:stay|remain)\s+(?:with\s+(?:[\w-]+\s+){1,4}?)?under\s+(?:the\s+)?"
                        r"(?:protection|control|authority)\s+of|"
                        r"(?:stay|remain)\s+(?:in\s+the\s+hands\s+of|with)|"   # "B would stay with the factions"
                        r"(?:stay|remain)\s+under(?=\s+(?:[\w-]+\s+){1,2}(?:protection|control|supervision|"
                        r"administration|authority)\b))"   # "B would remain under Turkish protection"
                        r"\s+(?:over\s+|back\s+)?(?:to\s+)?(?:the\s+)?", re.I)


# "A and B, the last opposition towns ..., which have been encircled by X": the besiegers
_BESIEGED_BY = re.compile(r"(?:\s+and\s+[^,.;]{1,30}?)?(?:,[^,.;]{1,80})?,\s+which\s+(?:have|has|had)\s+been\s+"
                          r"(?:encircled|besieged|surrounded)\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?", re.I)


_ITS_FORCES = re.compile(r"(?:\s+(?:army|forces|troops|units|fighters|militias|soldiers))?", re.I)


def leg_receivers(ctx: SentenceContext, place: Place | None) -> list[Actor]:
    """Who a sentence says would receive ``place``: "leave it to X", "X would be allowed into it",
    "letting X into it", "X would get it", "X's takeover of it"."""
    if place is None:
        return []
    for loc in (loc for loc in ctx.locs if loc.place is not None and loc.place.id == place.id):
        listed = locs_after(ctx, loc.start, max_gap=0) or [loc]   # "A and B and leaves the two villages to X"
        after = _LEAVE_TO.match(ctx.text, loc.end, ctx.sentence.end) \
            or _LEAVE_TO.match(ctx.text, listed[-1].end, ctx.sentence.end)
        if after:
            return unique_actors([a.actor for a in actors_listed_after(ctx, after.end(), max_gap=2)])
        letting = _LETTING_IN.match(ctx.text, loc.end, ctx.sentence.end)
        takers = actors_listed_after(ctx, letting.end(), max_gap=2) if letting else []
        if takers and _IN_AFTER.match(ctx.text, takers[-1].end, ctx.sentence.end):
            return unique_actors([a.actor for a in takers])   # "withdraw from B, ..., allowing regime and Russian forces in"
        moved_in = _MOVE_IN.match(ctx.text, loc.end, ctx.sentence.end)
        takers = actors_listed_after(ctx, moved_in.end(), max_gap=2) if moved_in else []
        if takers and _MOVES_IN.match(ctx.text, takers[-1].end, ctx.sentence.end):   # "pull out of A and the regime move in"
            return unique_actors([a.actor for a in takers])
        handed = _GIVING_UP.search(ctx.text[max(ctx.sentence.start, loc.start - 50):loc.start])
        to = _RECEIVER.match(ctx.text, loc.end, ctx.sentence.end) if handed else None
        takers = actors_listed_after(ctx, to.end(), max_gap=6) if to else []
        if takers:   # "the factions would surrender the Lajat to the army"
            return unique_actors([a.actor for a in takers])
        giving = _GIVING.search(ctx.text, max(ctx.sentence.start, loc.start - 80), loc.start)
        given_to = [a.actor for a in ctx.actors if giving and giving.start("who") <= a.start and a.end <= giving.end("who")]
        if given_to:   # "giving the mercenaries the villages along the Sajour" (not "give up A")
            return unique_actors(given_to)
        brk = CLAUSE_BREAK.search(ctx.text, loc.end, ctx.sentence.end)
        later = _PASSES_TO.search(ctx.text, loc.end, brk.start() if brk else ctx.sentence.end)
        listed = {id(x) for x in locs_after(ctx, loc.start, max_gap=0)}
        if later and any(loc.end < x.start < later.start() and id(x) not in listed and x.place is not None
                         and x.place.id != place.id and not x.locator for x in ctx.locs):
            later = None   # "A ... in return for B, which is to pass to X": X takes B, not A
        takers = actors_listed_after(ctx, later.end(), max_gap=8) if later else []   # "left with local ex-rebels"
        if takers:   # "A, which would then be placed under the protection of Russian military police"
            return unique_actors([a.actor for a in takers])
        besieged = _BESIEGED_BY.match(ctx.text, loc.end, ctx.sentence.end)
        takers = actors_listed_after(ctx, besieged.end(), max_gap=2) if besieged else []
        if takers and handed:   # "the rebels give up Madaya, which has been encircled by government forces"
            return unique_actors([a.actor for a in takers])
        for group in reversed(actor_groups(ctx)):
            if group[-1].end > loc.start or CLAUSE_BREAK.search(ctx.text, group[-1].end, loc.start) \
                    or _RATHER_THAN.search(ctx.text, max(ctx.sentence.start, group[0].start - 20), group[0].start):
                continue   # "the Syrian army, rather than the SDF, takes over B": not the SDF
            end = group[-1].end + len(_ITS_FORCES.match(ctx.text, group[-1].end).group())   # "the regime army would"
            end = aside.end() if (aside := _NOT_THE_OTHER.match(ctx.text, end)) else end
            if (_ALLOWED_INTO.match(ctx.text, end, loc.start) or _GETS.match(ctx.text, end, loc.start)
                    or _TAKING.match(ctx.text, end, loc.start) or _WOULD_KEEP.fullmatch(ctx.text, end, loc.start)):
                return unique_actors([a.actor for a in group])
    return []


_FOR_AGAINST = re.compile(r"\b(?:for|against)\b")
_RATHER_THAN = re.compile(r"\b(?:rather\s+than|instead\s+of|and\s+not|but\s+not|not)\s+(?:the\s+|by\s+the\s+)?$", re.I)
_NOT_THE_OTHER = re.compile(r"\s*,\s*(?:rather\s+than|instead\s+of|and\s+not|not)\s+[^,;.]{1,60},", re.I)


def _swap_headline(ctx: SentenceContext, pos: int, memory: Memory | None = None) -> list[Draft]:
    """ "Swap: A for B", "a deal trading A and the road west of it for B": A is the first place after
    the cue, B the first after its "for"."""
    locs = [loc for loc in ctx.locs if loc.start >= pos and loc.end <= ctx.sentence.end and loc.located
            and not loc.locator]
    if len(locs) < 2:
        return []
    cut = _FOR_AGAINST.search(ctx.text[locs[0].end:ctx.sentence.end])
    later = [loc for loc in locs[1:] if cut and loc.start >= locs[0].end + cut.end()]
    if not later:
        return []
    return [_told_swap(ctx, _example(ctx, locs[0]), _example(ctx, later[0]), memory)]


def _told_swap(ctx: SentenceContext, a: Loc, b: Loc, memory: Memory | None) -> Draft:
    """A swap of A and B whose receivers this sentence or the one before tells ("... leave it to X")."""
    earlier = [c for c in (ctx, memory.previous if memory else None) if c is not None]
    a_to = next((r for c in earlier if (r := leg_receivers(c, a.place))), [])
    b_to = next((r for c in earlier if (r := leg_receivers(c, b.place))), [])
    return _swap(ctx, a, b, a_to, b_to)


def _swap(ctx: SentenceContext, a: Loc, b: Loc, a_to: list[Actor], b_to: list[Actor]) -> Draft:
    """A swap between two parties: each gives the place the other receives."""
    return _exchange(ctx, a, b, b_to, a_to, a_to, b_to)


# "..., with both places handed to regular army units": one receiver of both legs
_BOTH_TO = re.compile(r"\bboth\s+(?:places|towns|areas|cities|villages|sites)\s+(?:would\s+be\s+|being\s+|to\s+be\s+)?"
                      r"(?:handed|given|transferred|passed|returned)\s+(?:over\s+)?to\s+(?:the\s+)?"
                      r"|\b(?:leaving|handing|giving|leave|hand|give)\s+both(?:\s+(?:places|towns|areas|sites))?\s+"
                      r"(?:over\s+)?to\s+(?:the\s+)?",
                      re.I)   # "..., leaving both to the Syrian army"


def _agreement_before(ctx: SentenceContext) -> str:
    """The sentence before, when this one goes on with the terms of a deal it told ("In return for ...")."""
    prev = ctx.memory.previous if ctx.memory is not None else None
    if prev is None or not _TERMS_GO_ON.match(ctx.sentence.text):
        return ""
    return prev.sentence.text


_TERMS_GO_ON = re.compile(r"\s*(?:In\s+(?:return|exchange)|Under\s+(?:the|its|this)\s+(?:deal|agreement|arrangement|terms)|"
                          r"Under\s+it)\b")


def _exchange(ctx: SentenceContext, a: Loc, b: Loc, a_from: list[Actor], a_to: list[Actor],
              b_from: list[Actor], b_to: list[Actor], told_before: str = "") -> Draft:
    """The exchange draft; ``told_before`` is the sentence that told the first leg, when another did."""
    s = ctx.sentence
    modality = ctx.modality()
    status = "proposed"
    done = ctx.patterns.exchange["done"].search(s.text)
    cues = ctx.cues.get("possible") or []
    if done and modality == Modality.POSSIBLE and (not cues or cues[0] < done.start()):
        done = None   # "The Russians want A handed over to the regime": wished for, not done
    if done or (
            told_before and modality != Modality.POSSIBLE and ctx.patterns.exchange["done"].search(told_before)):
        status = "done"
        if done and modality == Modality.POSSIBLE and cues and ":" in s.text[done.end():cues[0]]:
            # "accuse Ankara of having traded A for B: Turkey would get B": the terms of a trade said done
            modality = Modality.CLAIMED if ctx.cues["claimed"] else Modality.REPORTED
    elif ctx.patterns.exchange["agreed"].search(s.text + " " + told_before + " " + _agreement_before(ctx)) \
            and modality != Modality.POSSIBLE:
        status = "agreed"   # "... the arrangement, which was reached on Saturday. In return for A, X is to leave B."
    elif (agreed := ctx.patterns.exchange["agreed"].search(s.text)) and cues and ":" in s.text[agreed.end():cues[0]]:
        status = "agreed"   # "withdrawn under an understanding reached through Turkish intelligence: the factions
        modality = Modality.CLAIMED if ctx.cues["claimed"] else Modality.REPORTED   # would leave A ...": its terms
    if status == "proposed":   # a proposal is a possibility, whoever tells of it (the attribution keeps who)
        modality = Modality.POSSIBLE
    if not a_to and not b_to and (both := _BOTH_TO.search(ctx.text, ctx.sentence.start, ctx.sentence.end)):
        a_to = b_to = unique_actors([x.actor for x in actors_listed_after(ctx, both.end(), max_gap=12)])
    actors = unique_actors(a_from + a_to + b_from + b_to)
    legs = {"a_from": a_from, "a_to": a_to, "b_from": b_from, "b_to": b_to, "status": status}
    return Draft("exchange", s, [_example(ctx, a), _example(ctx, b)], actors, modality, EventType.HANDOVER,
                 attribution_of(ctx), legs)


