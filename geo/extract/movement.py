"""Routes: "from X ... to/ended in Y", "left X for Y", patrols between two places, and a move whose
start a sentence just before told."""
from __future__ import annotations

import re

from geo.extract.actors import ActorMention
from geo.extract.locations import Loc, plain, same_place
from geo.extract.sentence import (
    CARRYING,
    STATIONED_AT,
    Draft,
    Memory,
    SentenceContext,
    actor_groups,
    actors_listed_after,
    attributed_spans,
    attribution_of,
    clause_start,
    control_actor_spans,
    inside_any,
    is_speaker,
    locs_after,
    names_place,
    previous_subject,
    unique_actors,
    whole_country,
)
from geo.model import Actor, EventType

__all__ = ["read_route", "FORCES"]


_PASSING = re.compile(r"through|via|crossed", re.I)
_PATROL = re.compile(r"patrol", re.I)


def read_route(ctx: SentenceContext, memory: Memory) -> list[Draft]:
    """A route draft when the sentence says "from X ... to Y"."""
    pats = ctx.patterns
    s = ctx.sentence
    legs: list[tuple[Loc, Loc]] = []
    moving = bool(_MOVEMENT.search(s.text))
    departure = memory.departure[0] if memory.departure and s.index - memory.departure[1] <= 3 else None
    own_move = False   # a move the sentence tells from a start of its own, even one it does not name
    arrived = _arrived_from(ctx)   # "arrived in A on Tuesday coming from B, to take part in ...": ends at A
    for m in pats.route_from.finditer(s.text):
        if _LEAVING.fullmatch(m.group()) and _FOR_NEXT.match(s.text, m.end()):
            continue   # "fighters leave for Idlib": where they go, not where they leave
        origin = locs_after(ctx, s.start + m.end(), max_gap=30) or _after_noun(ctx, s.start + m.end())
        if origin and _GOING_TO.search(ctx.text, s.start + m.end(), origin[0].start):
            # "through Turkish territory to Azaz": Azaz is where the move ends, not a start; "were seen leaving on
            own_move = own_move or _LEAVING.fullmatch(m.group()) is not None   # the road to B": from a start of its own
            continue
        if origin and _CAME_BEFORE.search(s.text, max(0, m.start() - 60), m.start()) \
                and any(start.place is origin[0].place for start, _ in arrived):
            legs += [leg for leg in arrived if leg[0].place is origin[0].place and leg not in legs]
            continue
        if not origin or (not moving and _EXTENT.search(ctx.text, max(s.start, s.start + m.start() - 40),
                                                        s.start + m.start())):
            continue   # "the west bank, from al-Mayadin down to Albu Kamal, is held by": an extent, not a move
        moving = moving or _LEAVING.fullmatch(m.group()) is not None   # "left A for B" is a move, whoever left
        here = origin[-1].end
        rest = s.text[ctx.rel(here):]
        left = memory.departure[0] if memory.departure and memory.departure[1] == s.index else departure
        if left is not None and _PASSING.fullmatch(m.group()) \
                and left.place is not origin[0].place:   # "Buses left Rastan. They are heading north through
            origin = [left]   # Hama province to B", "It crossed the front line near A", "Trucks left A, passed
            #                   through B and reached C": from Rastan, from A
        to = pats.route_to_after_leaving if _LEAVING.fullmatch(m.group()) else pats.route_to   # "fled A for B"
        cut = _OTHER_CLAUSE.search(rest)   # "Last convoys leave al-Rastan as Damascus turns its eyes to northern Hama"
        ends = [d for t in to.finditer(rest, 0, cut.start() if cut else len(rest))
                if (d := _route_end(ctx, here + t.end()))
                and not same_place(d[0], origin[0])]   # "from Daraa city ... to the town": not back to where it began
        dest = next((d for d in ends if not whole_country(d[0])), ends[0] if ends else None)   # "into Syria and pushed into Jarablus"
        if dest and _into_own_country(origin[0], dest[0]):
            dest = None   # "left Rastan ..., ending one of the oldest pockets in central Syria": no move into Syria
        dest = _onward(ctx, dest, ends)
        if dest:
            passing = _PASSING.fullmatch(m.group()) is not None   # places passed, not starts
            if (m.group().lower() == "crossed" or passing) and any(same_place(end, dest[0]) for _, end in legs):
                continue   # "left A on Monday night, crossed the Euphrates and reached B": from A, not the river;
                #            "left A, passed through B and reached C": from A, not B
            legs += [(start, dest[0]) for start in (origin[:1] if passing else _listed_starts(ctx, origin))]
            legs += _thence(ctx, dest, ends)
        elif moving and not (memory.departure and memory.departure[1] == s.index):
            memory.departure = (origin[0], s.index)   # "Buses left al-Rastan. ... were taken to X."
            _route_actors(ctx, memory, origin[0].start, until=origin[0].end)   # ... by whoever left
    if not legs:
        legs = arrived or _left_for(ctx) or _sent_from(ctx) or _reinforced_from(ctx)
    else:   # "A drove to B, while the detachment at C withdrew to D": a second move, told with its own start
        legs += [leg for leg in _left_for(ctx, own_clause=True)
                 if not any(same_place(leg[1], dest) for _, dest in legs)]
    if pushed := _pushed_on(ctx):   # "units that had entered A, after X withdrew from C, pushed on and reached B"
        legs = [leg for leg in legs if not same_place(leg[1], pushed[0][1])] + pushed
    if not legs and (back := _withdrew_towards(ctx)) is not None:
        origin, dest, verb = back   # moved by the clause that withdrew, not by the one that entered
        memory.arrival, memory.start, memory.departure = (dest, s.index), (origin, s.index), None
        return [_route(ctx, origin, dest, _route_actors(ctx, memory, verb))]
    if not legs:   # "Some of the convoys were directed instead to C", "Many then continued towards C"
        legs = _again(ctx, memory.start, 2, _INSTEAD, _MOVEMENT) or _again(ctx, memory.arrival, 1, _WENT_ON)
        if legs:
            return [_route(ctx, legs[0][0], legs[0][1], memory.last_movers)]   # moved by who moved last
    arriving = _ARRIVED.search(s.text) is not None   # "Columns left A ... . They reached the outskirts of B"
    if not legs and departure is not None and (moving or arriving) and not own_move \
            and not _left_elsewhere(memory, departure, s.index):
        dest = _first_end(ctx)
        if dest and dest[0].place is not departure.place and not _into_own_country(departure, dest[0]) \
                and (_MOVEMENT.search(s.text, 0, ctx.rel(dest[0].start))
                     or _LEAVING.search(s.text, 0, ctx.rel(dest[0].start))
                     or _ARRIVED.search(s.text, 0, ctx.rel(dest[0].start))):
            legs.append((departure, dest[0]))   # the move is told before where it ends ("clashes spread to X, where
            #                                     families live" is no move to X)
            memory.departure, moving = None, True
    drafts = []
    for origin, dest in _distinct_legs(ctx, [leg for leg in legs if not same_place(*leg)]):
        actors = _route_actors(ctx, memory, origin.start, told=min(origin.start, dest.start),
                               until=max(origin.end, dest.end))
        origin, dest = _possessed(ctx, _narrowed(ctx, origin)), _possessed(ctx, _narrowed(ctx, dest))
        if actors or moving:
            memory.arrival = (dest, s.index)
            memory.start = memory.start if drafts else (origin, s.index)
            drafts.append(_route(ctx, origin, dest, actors))
    if drafts:
        return drafts
    corridor = next((loc for loc in ctx.locs if loc.kind == "between" and len(loc.parts) == 2), None)
    if corridor is not None and _PATROL.search(s.text):
        actors = _route_actors(ctx, memory)   # "a joint patrol on the M4 between A and B"
        if actors:
            return [_route(ctx, corridor.parts[0], corridor.parts[1], actors)]
    return []


_ARRIVED = re.compile(r"\b(?:reached|arrived\s+(?:in|at|on))\b", re.I)
_LATER_CLAUSE = re.compile(r";|,\s*(?:warning|saying|adding|stressing|noting|claiming|fearing|after|while|when|"
                           r"before|since|as)\b", re.I)   # "..., after the leadership called on local factions not to"
_GOING_TO = re.compile(r"\b(?:to|towards?|toward|into)\b", re.I)
_TOOK = re.compile(r"\b(?:entered|captured|took|seized|retook|recaptured|overran|stormed)\s+(?:the\s+)?", re.I)
_PUSHED_ON = re.compile(r"\b(?:(?:pushed|pressed|moved|advanced|drove)\s+on\b[^.;]{0,80}?\band\s+(?:then\s+)?"
                        r"|\band\s+(?:then\s+|later\s+|on\s+\w+day\s+)?)"
                        r"(?:reached|arrived\s+(?:in|at))\s+(?:the\s+)?", re.I)


def _pushed_on(ctx: SentenceContext) -> list[tuple[Loc, Loc]]:
    """ "Army units that had entered Deir Hafer ... pushed on along the Aleppo-Raqqa road and reached Tabqa",
    "troops entered A on Saturday and reached B on Sunday": a force that went on from a place it took."""
    m = _PUSHED_ON.search(ctx.text, ctx.sentence.start, ctx.sentence.end)
    took = list(_TOOK.finditer(ctx.text, ctx.sentence.start, m.start())) if m else []
    origin = locs_after(ctx, took[-1].end(), max_gap=2) if took else []
    dest = locs_after(ctx, m.end(), max_gap=2) if origin else []
    if dest and not same_place(origin[0], dest[0]):
        return [(origin[0], dest[0])]
    return []


def _left_elsewhere(memory: Memory, departure: Loc, index: int) -> bool:
    """ "... until the SDF leaves the Arab areas of Deir ez-Zor": a sentence that tells a departure of its own
    does not go on from one told before."""
    return memory.departure is not None and memory.departure[1] == index \
        and memory.departure[0].place is not departure.place


def _distinct_legs(ctx: SentenceContext, legs: list[tuple[Loc, Loc]]) -> list[tuple[Loc, Loc]]:
    """One leg per place reached: "entered from A ... and headed from B to C" is one move, from the "from"
    nearest its "to" and not from a place passed; "withdrew from A towards B, and civilians moved from A to C"
    is two."""
    best: dict[int, tuple[Loc, Loc]] = {}
    for leg in sorted(legs, key=lambda leg: (_passed(ctx, leg[0]) and any(not _passed(ctx, o) and d is leg[1]
                                                                           for o, d in legs),
                                             leg[1].start - leg[0].end)):
        best.setdefault(id(leg[1]), leg)
    kept = list(best.values())
    for leg in legs:   # "people come from Raqqa, from Kobani, from Tabqa to the dam": a move from each
        if leg not in kept and not _passed(ctx, leg[0]) and \
                any(d is leg[1] and _coordinated_starts(ctx, leg[0], o) for o, d in kept):
            kept.append(leg)
    return sorted(kept, key=lambda leg: leg[0].start)


_LIST_AND = re.compile(r"\s*(?:,|and|,\s*and|or)\s+(?:the\s+(?:town|city|village)\s+of\s+)?", re.I)


def _listed_starts(ctx: SentenceContext, origin: list[Loc]) -> list[Loc]:
    """ "from Hama and Aleppo to Saraqib": each place of the list the move starts from."""
    starts = [origin[0]]
    for prev, loc in zip(origin, origin[1:]):
        if loc.precision != 1 or loc.locator or not _LIST_AND.fullmatch(ctx.text, prev.end, loc.start):
            break
        starts.append(loc)
    return starts


_FROM_AGAIN = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s+(?:also\s+)?(?:from\s+)?"
                         r"(?:the\s+(?:(?:town|city|village)\s+of\s+)?)?", re.I)   # "from A and from the B airbase"


def _coordinated_starts(ctx: SentenceContext, a: Loc, b: Loc) -> bool:
    """Whether two starts are told as a list of "from" phrases ("from A, from B and from C")."""
    first, second = (a, b) if a.start < b.start else (b, a)
    between = [loc for loc in ctx.locs if first.end <= loc.start and loc.end <= second.start]
    stops = [first, *between, second]
    return all(_FROM_AGAIN.fullmatch(ctx.text, x.end, y.start) for x, y in zip(stops, stops[1:]))


_CARRIED_BY = re.compile(r"\b(?:taken|transported|driven|bus(?:s)?ed|moved|evacuated|transferred|trucked)\s+"
                         r"(?:away\s+|out\s+)?by\s+(?:the\s+)?", re.I)
# "escorted by Russian military police", "escorted by vehicles of the interior ministry's General Security"
_ESCORTED_BY = re.compile(r"\b(?:(?:escorted|supervised|guarded)\s+by\s+(?:the\s+)?|\bunder\s+(?:the\s+)?"
                          r"(?:supervision|escort|protection)\s+of\s+(?:the\s+)?)"
                          r"(?:(?:vehicles|units|members|patrols|troops|forces)\s+of\s+(?:the\s+)?)?", re.I)
_LEAVING = re.compile(r"leaves?|left|leaving|departed|departing|fled|fleeing|set\s+off\s+from|started\s+from|"
                      r"out\s+of", re.I)
_OTHER_CLAUSE = re.compile(r";|,\s*(?:a|one|two|three|four|five|several|\d+)\s+(?:days?|weeks?|hours?|months?)\s+"
                           r"(?:after|before)\b"   # "crossed at A, a day after government forces pushed into B"
                           r"|\b(?<!far\s)(?<!such\s)(?:as|while|whereas|but)\s+"
                           r"(?!far\b|well\b|part\b|planned\b|agreed\b|expected\b|of\b)"
                           r"(?:\w+\s+){0,3}?(?:turns?|says?|said|is|are|was|were|has|have|had)\b", re.I)
_FOR_NEXT = re.compile(r"\s+(?:for|to|towards?|toward)\b", re.I)
_NOUN_OF = re.compile(r"\s*(?:the\s+|a\s+|an\s+|two\s+|three\s+|several\s+)?(?:[\w’'-]+\s+){0,4}?"
                      r"(?:(?:of|in|at|on)\s+|(?=(?:near|outside)\s))")   # "the defence factories near X": the near-place


def _after_noun(ctx: SentenceContext, pos: int) -> list[Loc]:
    """ "left the last opposition-held pocket of east Aleppo": the place after a noun phrase naming part of it."""
    for _ in range(2):   # "from the security square in the centre of Qamishli": a spot in a part of the place
        m = _NOUN_OF.match(ctx.text, pos, min(pos + 60, ctx.sentence.end))
        found = locs_after(ctx, m.end(), max_gap=4) if m else []   # "of the X", or "in the centre of X" as one place
        if found or m is None:
            return found
        pos = m.end()
    return []


def _passed(ctx: SentenceContext, loc: Loc) -> bool:
    """ "along the road through Qastal Maaf": a place on the way, not where the move began."""
    return _THROUGH.search(ctx.text, max(0, loc.start - 40), loc.start) is not None


_THROUGH = re.compile(r"\b(?:through|via)\s+(?:the\s+)?(?:(?:town|village|city|area|district)\s+of\s+(?:the\s+)?)?$",
                      re.I)


# "coming from", "after crossing from Albu Kamal", "after driving up from Aleppo"
_CAME = (r"(?:(?:it|they|the\s+\w+)\s+had\s+(?:driven|travell?ed|moved|come|set\s+(?:out|off))|coming|having\s+come|"
         r"travell?ing|driving|arriving|moving|crossing|setting\s+(?:out|off)|"
         r"having\s+(?:travell?ed|driven|moved|crossed|set\s+(?:out|off)))(?:\s+(?:up|down|back|over|in))?"
         r"(?:\s+(?:in\s+the\s+(?:morning|afternoon|evening|night)"
         r"|on\s+\w+day(?:\s+(?:morning|afternoon|evening|night))?))?")
#         "after setting out in the morning from Qamishli"
_FROM_AFTER = re.compile(r"(?:\s+(?:base|air\s*base|airport|field|camp|post|crossing|town|village|city))?"   # "the
                         #                                                     Conoco base coming from al-Shaddadi"
                         rf"(?:,?[^,.;()]{{1,80}}(?=,\s+(?:after\s+)?{_CAME}\b))?"   # an aside: ", 14 km SW of X,"
                         rf"\s*,?\s+(?:(?:on|late|early|last)\s+\w+\s+(?:(?:morning|afternoon|evening|night)\s+)?"
                         r"|in\s+the\s+(?:(?:early|late)\s+)?(?:morning|afternoon|evening|night)\s+"
                         r"|(?:overnight|yesterday|today|at\s+(?:dawn|dusk|night|midday|noon)|"   # "arrived in A
                         r"this\s+(?:morning|afternoon|evening))\s+)?"                           # overnight from B"
                         rf"(?:after\s+)?(?:{_CAME}\s+"
                         r"(?:(?:north|south|east|west)\w*\s+)?"
                         r"(?:(?:along|on|down|up|via|through)\s+(?:the\s+)?[\w-]+\s+(?:(?:road|highway)\s+)?)?)?"
                         r"(?:from\s+(?:two|three|four|several|both|all)\s+(?:directions|sides|axes|fronts)"
                         r"\s*[:,–—]?\s+)?"
                         r"from\s+(?:the\s+)?", re.I)   # "arrived in Tal Tamr on Thursday coming from Hasakah", "reached
#                                                   Ain Issa after travelling along the M4 from Arima", "arrived at the post in
#                                                   Morek, after it had driven south along the M5 from Maarat al-Numan",
#                                                   "entered Dael in the morning coming from its positions in B"


_CAME_BEFORE = re.compile(rf"\b{_CAME}\s+(?:[\w-]+\s+){{0,5}}?$", re.I)


def _arrived_from(ctx: SentenceContext) -> list[tuple[Loc, Loc]]:
    """ "A convoy arrived in Ain Issa from Tal Tamr": the end told before the start."""
    legs = []
    for m in ctx.patterns.route_arrival.finditer(ctx.sentence.text):
        dest = _route_end(ctx, ctx.sentence.start + m.end())
        if not dest:
            continue
        came = _FROM_AFTER.match(ctx.text, dest[-1].end)
        origin = (locs_after(ctx, came.end(), max_gap=2) or _after_noun(ctx, came.end())) if came else []
        if origin:   # "arrived in the city from the coalition base in al-Shaddadi"
            legs.append((origin[0], dest[0]))
    return legs


_LEFT_FOR = re.compile(r"\b(?:leave|leaves|left|leaving|depart|departed|departing|taken|transported|trucked|"
                       r"bus(?:s)?ed|"
                       r"withdrew|withdrawn|retreated|relocated|redeployed|pulled\s+back|pulled\s+out)\b"
                       r"(?:\s+[\w-]+){0,4}?\s+(?:for|to|towards)\s+(?:the\s+)?", re.I)
_IN_PLACE = re.compile(r"\b(?:in|inside|within|from|at|on)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?(?:of\s+(?:the\s+)?)?$",
                       re.I)


def _left_for(ctx: SentenceContext, own_clause: bool = False) -> list[tuple[Loc, Loc]]:
    """ "Fighters in the part of Yarmouk camp they hold are to leave for Idlib", "In Daraa al-Balad, buses
    ... left for Idlib", "separated on the edge of al-Baghouz and taken by the SDF to Hasakah": the start is
    where the leavers are said to be; with ``own_clause``, said in the clause of the move ("A drove to B, while
    the detachment at C withdrew to D": C)."""
    legs = []
    moves = [(m, _IN_PLACE) for m in _LEFT_FOR.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end)]
    moves += [(m, STATIONED_AT) for m in _DROVE_TO.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end)]
    for m, where in moves:
        dest = _route_end(ctx, m.end())
        clause = clause_start(ctx, m.start()) if own_clause else ctx.sentence.start
        before = [loc for loc in ctx.locs if clause <= loc.start and loc.end <= m.start()
                  and not loc.locator and loc.located
                  and where.search(ctx.text, max(ctx.sentence.start, loc.start - 40), loc.start)]
        if dest and before and before[0].place is not dest[0].place:
            legs.append((before[0], dest[0]))
    return legs


# "soldiers stationed at A were seen driving towards B": a move from where a force is said to be posted
_DROVE_TO = re.compile(r"\b(?:moved|drove|driving|headed|heading|travell?ed|travell?ing)\b(?:\s+[\w-]+){0,3}?\s+"
                       r"(?:to|towards?)\s+(?:the\s+)?", re.I)


_SENT = re.compile(r"\b(?:sent|sends|dispatched|dispatches|pushed|rushed|deployed)\s+(?:[\w-]+\s+){0,4}?"
                   r"(?:towards?|toward|to)\s+(?:the\s+)?", re.I)
_AT_BASE = re.compile(r"\b(?:in|at)\s+(?:(?:their|its)\s+(?:\w+\s+)?(?:stronghold|base|bastion|positions?|headquarters)\s+"
                      r"(?:of|in|at)\s+)?(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.I)


def _sent_from(ctx: SentenceContext) -> list[tuple[Loc, Loc]]:
    """ "Turkish-backed factions in their stronghold of Azaz sent reinforcements towards the front with Tal
    Rifaat": the start is where the senders are said to be."""
    legs = []
    for m in _SENT.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        here = [loc for loc in ctx.locs if ctx.sentence.start <= loc.start and loc.end <= m.start() and loc.located
                and not loc.locator and _AT_BASE.search(ctx.text, max(ctx.sentence.start, loc.start - 45), loc.start)]
        dest = _route_end(ctx, m.end())
        if here and dest and here[0].place is not dest[0].place:
            legs.append((here[0], dest[0]))
    return legs


_REINFORCED = re.compile(r"\breinforc(?:ed|es|ing|e)\s+(?:its\s+|their\s+|the\s+)?(?:(?-i:[a-z])[\w-]*\s+)?"
                         r"(?:(?:bases?|positions?|garrisons?|posts?|troops|forces)\s+)?"
                         r"(?:(?:at|in|on)\s+)?(?:the\s+)?", re.I)
_BROUGHT_FROM = re.compile(r"\b(?:(?:that|which)\s+(?:had\s+)?(?:came|come)|coming|sent|dispatched|brought|drawn)"
                           r"\s+from\s+(?:the\s+)?", re.I)


def _reinforced_from(ctx: SentenceContext) -> list[tuple[Loc, Loc]]:
    """ "The coalition reinforced its base at the al-Omar field with a convoy that came from its base in
    al-Shaddadi": the place reinforced is the end, where the reinforcements came from the start."""
    legs = []
    for m in _REINFORCED.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        dest = _route_end(ctx, m.end())
        came = _BROUGHT_FROM.search(ctx.text, dest[-1].end, ctx.sentence.end) if dest else None
        origin = (locs_after(ctx, came.end(), max_gap=2) or _after_noun(ctx, came.end())) if came else []
        if origin and not same_place(origin[0], dest[0]):
            legs.append((origin[0], dest[0]))
    return legs


_WITHDREW_TOWARDS = re.compile(r"\b(?:withdrew|pulled\s+(?:out|back)|retreated|fell\s+back|fled)\s+"
                               r"(?:in\s+(?:disarray|panic|haste)\s+)?"   # "fled in disarray towards B"
                               r"(?:(?:north|south|east|west)\w*\s+)?(?:towards?|toward)\s+(?:the\s+)?", re.I)


def _withdrew_towards(ctx: SentenceContext) -> tuple[Loc, Loc, int] | None:
    """ "HTS entered Afrin city after the Third Legion pulled out eastward toward Azaz", "Ariha was taken as
    loyalist troops withdrew towards the Ghab": a withdrawal with no start told leaves the place named last
    before it."""
    for m in _WITHDREW_TOWARDS.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        dest = _route_end(ctx, m.end())
        before = [loc for loc in ctx.locs if ctx.sentence.start <= loc.start and loc.end <= m.start() and loc.located
                  and not loc.locator and loc.precision < 3 and not ctx.text[loc.start:loc.end].endswith(("'s", "’s"))]
        if dest and before and not same_place(before[-1], dest[0]):
            return before[-1], dest[0], m.start()
    return None


# "Buses drove from Douma to Jarablus. Some of the convoys were directed instead to al-Bab": the same start
_INSTEAD = re.compile(r"\b(?:instead|others?|some\s+of\s+the|the\s+rest\s+of|remaining|second|another)\b", re.I)
# "The convoys travelled to Khan al-Assal. Many then continued towards Idlib": from where the last move ended
_WENT_ON = re.compile(r"\b(?:continued|went\s+on|moved\s+on|pressed\s+on|pushed\s+on|proceeded|carried\s+on)\b", re.I)


def _again(ctx: SentenceContext, mark: tuple[Loc, int] | None, within: int,
           *cues: re.Pattern[str]) -> list[tuple[Loc, Loc]]:
    """A move whose start a move told up to ``within`` sentences before gave (``mark``: its start or end),
    in a sentence with every one of ``cues``."""
    if mark is None or ctx.sentence.index - mark[1] > within or not all(c.search(ctx.sentence.text) for c in cues):
        return []
    dest = _first_end(ctx, mark[0])   # "Many of those who reached Nubl pushed on to Tal Rifaat"
    return [(mark[0], dest[0])] if dest else []


def _first_end(ctx: SentenceContext, avoid: Loc | None = None) -> list[Loc] | None:
    """Where the sentence's first "to", "towards", "entered" ... leads (other than to ``avoid``; not to a place
    left: "led to the evacuation of Arbin")."""
    return next((d for t in ctx.patterns.route_to.finditer(ctx.sentence.text)
                 if (d := _route_end(ctx, ctx.sentence.start + t.end()))
                 and (avoid is None or d[0].place is not avoid.place)
                 and not _EMPTIED.search(ctx.text, max(ctx.sentence.start, d[0].start - 30), d[0].start)), None)


_LEG_VERBS = r"drove|moved|headed|went|travell?ed|flew|marched|made\s+(?:its|their)\s+way"   # a move of its own
_ON_VERBS = rf"(?:{_LEG_VERBS}|continued|pushed|proceeded|advanced)\b"   # ... or one going on
_ONWARD = re.compile(rf"[^.;]*?\band\s+(?:then\s+|later\s+)?{_ON_VERBS}[^.;]*"
                     r"|\s*,\s+(?:finally\s+|eventually\s+)?(?:reaching|arriving\s+(?:in|at))\s+(?:the\s+)?",
                     re.I)   # "crossed into the Afrin region, reaching Jinderes": it ends there
# "had flown from A to B on Monday and then travelled by road to C": a second leg, from B ("and then continued
# to C" goes on with one move)
_THEN_ON = re.compile(rf"[^.;]*?\band\s+(?:then|later)\s+(?:{_LEG_VERBS})\b[^.;]*", re.I)


def _onward(ctx: SentenceContext, dest: list[Loc] | None, ends: list[list[Loc]]) -> list[Loc] | None:
    """ "crossed from al-Qaim into Albu Kamal and drove up the highway to al-Mayadin": the move ends
    where its last leg does."""
    if not dest:
        return dest
    for later in ends[ends.index(dest) + 1:]:
        if not _ONWARD.fullmatch(ctx.text, dest[-1].end, later[0].start) \
                or _THEN_ON.fullmatch(ctx.text, dest[-1].end, later[0].start):
            break
        dest = later
    return dest


_THENCE = re.compile(r"(?:\s+(?:crossing|base|airbase|airport|camp|area|district|countryside|checkpoint))?"
                     r"(?:\s*,?\s+(?:in|on|near)\s+[^,;.]{1,60})?\s*,?\s+(?:and\s+)?(?:(?:then|later)\s+)?"
                     r"(?:on(?:wards?)?\s+to|from\s+there\s+(?:[\w-]+\s+){0,4}?(?:to|towards|into)|thence\s+to)\s+(?:the\s+)?"
                     r"(?:(?:city|town|village|province)\s+of\s+(?:the\s+)?)?", re.I)


def _thence(ctx: SentenceContext, dest: list[Loc], ends: list[list[Loc]]) -> list[tuple[Loc, Loc]]:
    """ "moved from Tal Rifaat to Tabqa and on to Raqqa", "to Qalaat al-Madiq, and from there they were taken
    to Idlib": each further stop is a leg from the one before."""
    legs = []
    for later in ends[ends.index(dest) + 1:]:
        if not (_THENCE.fullmatch(ctx.text, dest[-1].end, later[0].start)
                or _THEN_ON.fullmatch(ctx.text, dest[-1].end, later[0].start)):
            break
        legs.append((dest[0], later[0]))
        dest = later
    return legs


_AT_CROSSING = re.compile(r"\s*,?\s+(?:at|through|via|by\s+way\s+of)\s+(?:the\s+)?"
                          r"(?:(?!(?:to|towards?|into)\b)[\w-]+\s+){0,3}?"
                          r"(?:(?:crossing|border\s+post|gate)\s+(?:point\s+)?(?:(?:at|of|in)\s+(?:the\s+)?)?)?", re.I)


def _narrowed(ctx: SentenceContext, loc: Loc) -> Loc:
    """ "crossing into Iraq at al-Qaim", "entered Syria from northern Iraq near al-Yarubiyah": a move into
    or out of a country or region ends or starts where it crosses, when the sentence says where."""
    if loc.precision < 3 and not whole_country(loc):
        return loc
    spot = next((x for x in ctx.locs if x.start >= loc.end and x.end <= ctx.sentence.end and x.located), None)   # a
    # locator too: "from Iraq near al-Yarubiyah" says where in Iraq
    if spot is None or spot.precision >= 3 or whole_country(spot):
        return loc
    gap = ctx.text[loc.end:spot.start]
    if _AT_CROSSING.fullmatch(gap) or (spot.kind == "near" and not gap.strip(" ,")):
        return spot
    return loc


_OWNED_GAP = re.compile(r"\s+(?:the\s+)?")
_OWNER_GAP = re.compile(r"['’]s\s+(?:the\s+)?")


def _possessed(ctx: SentenceContext, loc: Loc) -> Loc:
    """ "left Aleppo's Sheikh Maqsoud": the part the city is said to own is where the move starts or ends."""
    part = _next_loc(ctx, loc)
    owner = ctx.text[loc.start:loc.end].endswith(("'s", "’s"))
    if part is not None and (_OWNED_GAP if owner else _OWNER_GAP).fullmatch(ctx.text[loc.end:part.start]):
        return part
    return loc


def _next_loc(ctx: SentenceContext, loc: Loc) -> Loc | None:
    """The first located place after ``loc`` in its sentence."""
    return next((x for x in ctx.locs if x.start >= loc.end and x.end <= ctx.sentence.end and x.located
                 and not x.locator), None)


def _into_own_country(origin: Loc, dest: Loc) -> bool:
    """A move from a town to the whole country it lies in is no move ("... pockets in central Syria")."""
    return whole_country(dest) and origin.place is not None and origin.place.country == dest.place.country


_NEW_CLAUSE = re.compile(r"[,;]|\b(?:and|while|where|after|before)\b", re.I)


def _route_end(ctx: SentenceContext, pos: int) -> list[Loc]:
    """Where a movement ends: the place right after "to", or after a noun phrase naming a spot in it
    ("towards the Turkish observation post in the village of Ishtabraq")."""
    locs = locs_after(ctx, pos, max_gap=60)
    if locs and _NEW_CLAUSE.search(ctx.text[pos:locs[0].start]):
        return []
    return locs


_EXTENT = re.compile(r"\b(?-i:bank|banks|strip|area|region|stretch|border|line|front|countryside|valley|coast|desert|"
                     r"belt|pocket|corridor)(?:\s+of\s+(?:the\s+)?[\w-]+)?\s*,?\s*(?:stretching\s+|extending\s+|"
                     r"running\s+)?$", re.I)   # lower case: "the front, from A to B" (not "the Nusra Front pulled out")
# a force that moves ("reinforcements", "a column"), narrow enough that a move told with it and no party is the
# previous subject's
FORCES = re.compile(r"\b(?:reinforcements|convoys?|columns?|troops|units|tanks|(?:armou?red|military)\s+vehicles|"
                    r"fighters)\b", re.I)
_MOVEMENT = re.compile(r"\b(?:patrol\w*|convoys?|columns?|moved|mov(?:e|es|ing)(?!\s+(?:on|against)\b)|head(?:ed|ing)|drove|redeploy\w*|relocated|marched|advanced|withdrew|set\s+out|set\s+off|"
                       r"let\s+through|allowed\s+to\s+(?:continue|pass|leave|proceed)|proceeded|brought\s+up|"
                       r"travel(?:l?ed)?|escorted|transported|bus(?:s)?ed|reinforcements|buses|evacuees|families|"
                       r"displaced|fled|crossed|carried(?!\s+out)|ferried|evacuated|evacuations?|"
                       r"transferred|taken\s+from|came\s+(?:down\s+|up\s+|back\s+)?from|"
                       r"continued\s+(?:on\s+)?(?:from|to|towards|into))\b", re.I)


def _route(ctx: SentenceContext, origin: Loc, dest: Loc, actors: list[Actor]) -> Draft:
    s = ctx.sentence   # "units moved from A to B, in case the regime attacks": the move is told, the attack may be
    modality = ctx.modality(ctx.rel(min(origin.start, dest.start)), verb_phrase=True)
    return Draft("route", s, [plain(origin), plain(dest)], actors, modality,
                 EventType.PATROL if _PATROL.search(s.text) else None, attribution_of(ctx))


_WHICH = re.compile(r",?\s+(?:which|whom)\b|,\s+where\b", re.I)   # "... to B, where X keeps its positions": not X
# "we see columns come up from A to B", "residents watched convoys leave A": who watches does not move
_WATCHES = re.compile(r"\s+(?:(?:have|has|had|could|can|would|also|then|all)\s+){0,2}"
                      r"(?:watch(?:ed|es)?|saw|see[ns]?|count(?:ed|s)?|monitor(?:ed|s)?|spott(?:ed)?|spots?|"
                      r"observ(?:ed|es?)|film(?:ed|s)?|notic(?:ed|es?)|track(?:ed|s)?)\b", re.I)
_SAID_IT = re.compile(r"\s+(?:has\s+|had\s+)?(?:said|says|announced|stated|claimed|reported)\s+"
                      r"(?:on\s+\w+\s+)?(?:that\s+)?"
                      r"(?:it|they)\b", re.I)
# a relative clause whose verb tells the move: its subject is the party named right before it
_WHO_MOVED = re.compile(r"[^,;:]{0,12}?\b(?:that|who|which)\s+(?:(?:were|was|are|is|had|have|has)\s+(?:been\s+)?)?"
                        r"(?:fleeing|fled|retreating|withdrawing|withdrew|moving|moved|heading|headed|coming|came|"
                        r"leaving|left|travelling|traveling|driving|drove)\b", re.I)
_EMPTIED = re.compile(r"\b(?:evacuation|emptying|departure|exodus)\s+(?:\w+\s+){0,3}?(?:of|from)\s+(?:the\s+)?$", re.I)
_APPOSITION_OPEN = re.compile(r",\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?")


def _holder_in_apposition(ctx: SentenceContext, start: int) -> list[Actor]:
    """The party an apposition says holds the place at ``start`` ("al-Mulayhah, the regime-held town")."""
    loc = next((loc for loc in ctx.locs if loc.start == start), None)
    m = _APPOSITION_OPEN.match(ctx.text, loc.end) if loc is not None else None
    held = ctx.patterns.control["actor_then_place"]   # "-held", "-controlled" ... (patterns.yaml)
    return [a.actor for a in ctx.actors if m is not None and loc.end + 2 <= a.start <= m.end()
            and held.match(ctx.text[a.end:a.end + 18])][:1]


_POST_OF = re.compile(r"\s+(?:(?:military|observation|army|main|forward)\s+)?(?:post|base|outpost|checkpoint|position)s?\b"
                      r"[^.;,]{0,40}$", re.I)


def _post_owner(ctx: SentenceContext, origin: int) -> list[Actor]:
    """ "A column of eight armoured vehicles left the Turkish observation post on the edge of Morek": the party
    whose post the move started from."""
    start = clause_start(ctx, origin)
    return [a.actor for a in ctx.actors if start <= a.start and a.end < origin
            and _POST_OF.fullmatch(ctx.text, a.end, origin)][-1:]


_NEW_CONVOY = re.compile(r"\b[Aa]n?\s+(?:[\w-]+\s+){0,3}?(?:convoy|column)\s+of\s+(?:[\w,]+\s+){0,3}?"
                         r"(?:trucks|lorries|tankers)\b")   # goods, moved by their escort (buses carry the last movers)
_THE_CONVOY = re.compile(r"\b(?:the|that|this)\s+(?:convoy|column|patrol|vehicles)\b", re.I)


_THEY = re.compile(r"\bthey\b", re.I)


def _they_moved(ctx: SentenceContext, origin: int | None) -> bool:
    """ "They travelled by bus from A to B": "they" before the start, in its clause, is who the sentence before
    was about (not "fled to B, where they live")."""
    return origin is not None and _THEY.search(ctx.text, clause_start(ctx, origin), origin) is not None


_CIVILIANS = re.compile(r"\b(?:families|civilians|residents|villagers|refugees|displaced(?:\s+people)?)\b", re.I)


_ARMED = re.compile(r"\b(?:fighters|gunmen|militants|terrorists|rebels|insurgents|militiamen|troops|soldiers|units|"
                    r"convoys?|columns?|tanks)\b", re.I)
_SAYING = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:said|say|says|told|described|reported)\b", re.I)


def _civilians_moved(ctx: SentenceContext, origin: int | None) -> bool:
    """ "Hundreds of families fled from A to B": the movers the clause names before the start are civilians
    (not "buses carrying fighters and their families", nor "Residents said a column had driven from A")."""
    if origin is None:
        return False
    start = clause_start(ctx, origin)
    return any(not _SAYING.match(ctx.text, m.end()) for m in _CIVILIANS.finditer(ctx.text, start, origin)) \
        and not _ARMED.search(ctx.text, start, origin)


def _in_which_aside(ctx: SentenceContext, actor: ActorMention, origin: int | None) -> bool:
    """ "Columns pushed south from A, which the YPG took from ISIS in 2015, and from B": the aside's parties
    are not the movers."""
    for m in _WHICH.finditer(ctx.text, ctx.sentence.start, origin if origin is not None else ctx.sentence.end):
        close = ctx.text.find(",", m.end(), ctx.sentence.end)
        if m.end() <= actor.start and (close < 0 or actor.end <= close):
            return True
    return False


def _route_actors(ctx: SentenceContext, memory: Memory, origin: int | None = None, told: int | None = None,
                  until: int | None = None) -> list[Actor]:
    """Who moves: the parties of the clause that tells the move, before the end it tells first (``told``:
    "the regime's forces entered A ..., coming from B") or before its start ("army units ... moved from A");
    else the sentence's parties up to a clause after the move (``until``: "..., warning that Daesh could ...");
    else, for "a second column", whoever moved last."""
    excluded = control_actor_spans(ctx)
    attributed = attributed_spans(ctx)
    speakers = [a for a in ctx.actors if is_speaker(ctx, a) or inside_any(a.start, a.end, attributed)]
    usable = [a for a in ctx.actors if (a.start, a.end) not in excluded and a not in speakers
              and not names_place(ctx.text, a)   # "headed to Jarablus on the Turkish border": not Turkey's move
              and ctx.text[a.start:a.end] != "us"]   # "a column came up to B, facing us": an object does not move
    aside = _WHICH.search(ctx.text, origin, ctx.sentence.end) if origin is not None else None
    at_end = unique_actors([a.actor for a in usable if aside is not None and a.start >= aside.start()
                            and aside.group().lstrip(", ").casefold() == "where"])
    if aside is not None:   # "... to Rastan, rebel-held towns which regime aircraft have bombed": not the movers
        usable = [a for a in usable if a.start < aside.start()]
    usable = [a for a in usable if not _in_which_aside(ctx, a, origin) and not _WATCHES.match(ctx.text, a.end)]
    escorts = [a for m in _ESCORTED_BY.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end)
               for a in actors_listed_after(ctx, m.end(), max_gap=30)]
    escorts += [b for a in escorts if ctx.text[a.end - 2:a.end] in ("'s", "’s")   # "the interior ministry's General
                for b in ctx.actors if 0 < b.start - a.end <= 1]                  # Security"
    # "fighters ... were bussed to B, escorted by X": not X; "the convoy, escorted by X, drove to B": who moved last
    usable = [a for a in usable if a not in escorts] or (
        [] if memory.last_movers and not _NEW_CONVOY.search(ctx.sentence.text) else usable)
    # ("A convoy of trucks ..., escorted by army units": a new convoy, moved by its escort)
    first = next((a for a in usable if CARRYING.search(ctx.text, max(ctx.sentence.start, a.start - 50), a.start)),
                 None)
    passengers = [a for a in actors_listed_after(ctx, first.start, max_gap=0) if a in usable] if first else []
    if passengers:   # "buses carrying 420 fighters who refused the settlement left for Idlib": the passengers move
        memory.last_movers = unique_actors([a.actor for a in passengers])
        return memory.last_movers
    carried = _CARRIED_BY.search(ctx.text, ctx.sentence.start, ctx.sentence.end)
    carriers = actors_listed_after(ctx, carried.end(), max_gap=2) if carried else []
    if carriers:   # "IS suspects were taken by the SDF to Hasakah": who moves them
        memory.last_movers = unique_actors([a.actor for a in carriers])
        return memory.last_movers
    clause = clause_start(ctx, origin) if origin is not None else ctx.sentence.start
    movers = [a for a in usable if origin is not None and clause <= a.start and a.end <= origin]
    movers = movers or [a for a in speakers if origin is not None and clause <= a.start < origin
                        and _SAID_IT.match(ctx.text, a.end)]   # "The SDF said it had sent reinforcements from A to B"
    mover_of = _WHO_MOVED.match(ctx.text, movers[-1].end, origin) if movers else None
    if mover_of is not None:   # "X targeted vehicles of Nusra terrorists that were fleeing from A": Nusra moves
        movers = next(g for g in actor_groups(ctx) if movers[-1] in g)
    if told is not None and told < (origin or 0):
        first = clause_start(ctx, told)
        movers = [a for a in usable if first <= a.start and a.end <= told] or movers
    if until is not None:   # "reinforcements arrived in Palmyra from Homs, warning that Daesh could ...": not Daesh
        usable = [a for a in usable if a.start < until or not _LATER_CLAUSE.search(ctx.text, until, a.start)]
    they, since = memory.subject   # "they" means whom one of the last two sentences named
    they = they if not movers and since < 2 and _they_moved(ctx, origin) else []
    # "They send groups across from A towards B, and when we pursue them ...": who "they" were, not "we"
    own = they or [a.actor for a in (movers or usable)]
    if not own and _civilians_moved(ctx, origin):
        return []   # "Families fled from A to B": no force moved
    inherited = memory.last_actors.get(EventType.PATROL, []) if _PATROL.search(ctx.sentence.text) else []
    if not own and not inherited and _THE_CONVOY.search(ctx.sentence.text):   # "A joint patrol ... The convoy had driven
        inherited = memory.last_actors.get(EventType.PATROL) or memory.last_actors.get(EventType.BUILDUP) or []   # from A"
    if not own and not inherited and origin is not None:   # "sent from A, the regime-held town, to B"
        inherited = _holder_in_apposition(ctx, origin) or _post_owner(ctx, origin)
    if not own and not inherited and at_end:   # "... left A for B, where Turkish troops have set up a position":
        inherited = (previous_subject(memory) if FORCES.search(ctx.sentence.text) else []) or at_end   # them, unless
    #                                                                       the sentence before told who moves
    if not own and not inherited:   # "A second column set out from Deir Hafer"; "the ministry said the convoy ..."
        inherited = (memory.last_movers if _MOVEMENT.search(ctx.sentence.text) else []) or [a.actor for a in speakers]
    if not own and not inherited and (FORCES.search(ctx.sentence.text) or _they_moved(ctx, origin)):
        # "Army units advanced on X. Fresh reinforcements moved from A to B." ("What do you expect? They will push
        # from A to B": not "you")
        inherited = previous_subject(memory, named=_they_moved(ctx, origin))
    actors = unique_actors(own + inherited)
    if actors:
        memory.last_movers = actors
    return actors


