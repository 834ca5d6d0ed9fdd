"""What every sentence rule reads: the sentence with its places, parties and cues, the drafts it
writes, what earlier sentences left (:class:`Memory`), and the helpers the rules share (modality,
attribution, clauses, lists of places and parties)."""
from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from geo.extract.actors import ActorMention
from geo.extract.dates import MONTH, WEEKDAY
from geo.extract.locations import Loc
from geo.extract.patterns import Patterns
from geo.extract.text import Sentence
from geo.model import Actor, EventType, Modality, PlaceType

__all__ = [
    "Draft", "Memory", "SentenceContext", "BACKED_BY", "BACKER_WORDS", "BACKERS", "CLAUSE_BREAK", "COMING_OF",
    "INCLUDING", "INTO", "PASSIVE_BEFORE", "STATIONED_AT", "WOULD_HAND", "handed_places", "later_verb_phrase",
    "actor_groups", "actors_listed_after", "both_told_before",
    "attributed_spans", "attribution_of", "clause_start", "control_actor_spans", "inside_any",
    "is_speaker", "locs_after", "names_place", "names_source", "previous_subject", "subject_group", "subject_of",
    "unique_actors", "whole_country"
]


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
    departure: "tuple[Loc, int] | None" = None   # where a move with no end started, and in which sentence
    arrival: "tuple[Loc, int] | None" = None   # where the last move told ended, and in which sentence
    start: "tuple[Loc, int] | None" = None   # where the last move told started, and in which sentence
    occupier: list[Actor] = field(default_factory=list)   # the party last called "the occupation"
    unclaimed: "Draft | None" = None   # the last attack told with no party, which a later sentence may claim
    # the last attack or strike told, whether its sentence named its party, and whether it was kept: a later
    # sentence may blame someone for it
    blamable: "tuple[Draft, bool, bool] | None" = None
    holders: dict[str, list[Actor]] = field(default_factory=dict)   # place id -> who the report said holds it
    # the parties the last sentence that named any was about, and how many sentences have passed since
    subject: tuple[list[Actor], int] = ([], 0)
    allied: Callable[[str, str], bool] = operator.eq   # whether two blocs are one side (the registry's ``allied``)


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
    cues: dict = field(default_factory=dict)   # worked out once: modality cues, party groups
    answered: bool = False   # said in an interview's answer: the interviewee's claim

    def rel(self, pos: int) -> int:
        return pos - self.sentence.start

    def modality(self, at: int | None = None, verb_phrase: bool = False) -> Modality:
        """possible > claimed > reported, by the cues found in the sentence.

        With ``at`` (an offset in the sentence), a noun cue ("the proposal") only
        counts in the clause that holds ``at``, and a verb or modal cue ("may", "does
        not rule out", "expects") only before the end of that clause: "X is held by Y,
        and Z said it would not withdraw" states the control. "said" and "according
        to" count for the whole sentence. Cues are searched once per sentence. With ``verb_phrase``, a second verb
        phrase ("A seized B and has announced it will push on") ends the clause too.
        """
        self._find_cues()
        cues = self.cues["possible"]
        if cues and (at is None or self.cues["all_possible"]
                     or cues[0] < _clause_end(self.sentence.text, at, verb_phrase)):
            return Modality.POSSIBLE
        local = self.patterns.modality.get("possible_local")
        if local is not None and self._possible_in_clause(local, at):
            return Modality.POSSIBLE
        if at is not None and _predicated_possible(self.sentence.text, at):
            return Modality.POSSIBLE
        return self.stated_modality()

    def stated_modality(self) -> Modality:
        """``claimed`` when the sentence is attributed (or an interview's answer), else ``reported``: the modality of
        what the sentence takes as given, such as "the SDF-held town" in "Turkey may attack the SDF-held town"."""
        self._find_cues()
        return Modality.CLAIMED if self.cues["claimed"] or self.answered else Modality.REPORTED

    def _possible_in_clause(self, local: re.Pattern[str], at: int | None) -> bool:
        """Whether ``local`` (the cues of ``possible_local``) is found in the clause that holds ``at`` (the whole
        sentence when ``at`` is None); the sentence's clauses are worked out, and each searched, once."""
        text = self.sentence.text
        if at is None:
            span = (0, len(text))
        else:
            if "clause_bounds" not in self.cues:
                self.cues["clause_bounds"] = _clause_bounds(text)
            span = _clause_span(text, at, self.cues["clause_bounds"])
        found = self.cues.setdefault("possible_local", {})
        if span not in found:
            found[span] = local.search(text[span[0]:span[1]]) is not None
        return found[span]

    def _find_cues(self) -> None:
        """Search the sentence's modality cues, once."""
        if "possible" in self.cues:
            return
        mod = self.patterns.modality
        self.cues["possible"] = [m.start() for m in mod["possible"].finditer(self.sentence.text)]
        self.cues["claimed"] = bool(mod["claimed"].search(self.sentence.text)) or _quoted_on(self)
        self.cues["all_possible"] = bool(_ALL_POSSIBLE.search(self.sentence.text))


# "a government ground offensive towards A, supported by Russian air power, is likely in the coming weeks"
_POSSIBLE_PREDICATE = re.compile(r"\b(?:is|are|seems?|appears?|looks?|remains?)\s+(?:\w+\s+)?"
                                 r"(?:likely|possible|expected|imminent|probable)\b", re.I)
_ANOTHER_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|began|begun|started|did|does|do|said|says|say|"
                           r"which|who|where|that)\b"
                           r"|,\s+(?:and|but|while|as)\s|;", re.I)


def _predicated_possible(text: str, at: int) -> bool:
    """The thing at ``at`` is the subject of "... is likely" / "... is expected" later in the sentence, with no
    verb of its own between (not "The offensive on A began on Monday, and a push on B is likely")."""
    m = _POSSIBLE_PREDICATE.search(text, at)
    return m is not None and not _ANOTHER_VERB.search(text, at, m.start())


_OPENS_QUOTE = re.compile(r"\s*[\"“]")
_SAID_AFTER_QUOTE = re.compile(r"[^\"”]{0,400}?[,.!?]?[\"”]\s*,?\s*(?:[\w’'-]+\s+){0,6}?"
                               r"(?:said|says|added|told|stressed|explained|insisted|warned)\b")


def _quoted_on(ctx: "SentenceContext") -> bool:
    """ "\"In 2018 Moscow let Turkey take Afrin ... . Today Ankara has handed the city to HTS,\" he said.": a
    quotation opened here and closed in a later sentence is that speaker's claim too."""
    s = ctx.sentence
    if not _OPENS_QUOTE.match(s.text) or s.text.count('"') + s.text.count("“") + s.text.count("”") != 1:
        return False
    return _SAID_AFTER_QUOTE.match(ctx.text, s.end) is not None


# "a Turkish offensive, a handover of Manbij or a new arrangement all remain possible": the whole list
_ALL_POSSIBLE = re.compile(r"\b(?:all|both)\s+(?:remain|are|seem|look|appear)\s+(?:\w+\s+)?(?:possible|likely|plausible|"
                           r"on\s+the\s+table)\b", re.I)


_BOTH = re.compile(r"\s*(?:Both|The\s+two)(?:\s+(?:towns|villages|cities|places|areas|localities))?\s+"
                   r"(?:(?:were|have|had|are)\b)", re.I)


def both_told_before(ctx: SentenceContext) -> list[Loc]:
    """ "... the capture of Kurnaz and, a day later, of Qalaat al-Madiq. Both were taken by government forces":
    the two places the sentence before named (its last two distinct named places)."""
    prev = ctx.memory.previous if ctx.memory is not None else None
    if prev is None or not _BOTH.match(ctx.sentence.text):
        return []
    named: list[Loc] = []
    for loc in reversed(prev.locs):
        if loc.precision == 1 and loc.kind == "place" and loc.located and not loc.locator and not whole_country(loc) \
                and not any(loc.place is n.place for n in named):
            named.insert(0, loc)
    return named[-2:] if len(named) >= 2 else []


def previous_subject(memory: Memory | None, named: bool = False) -> list[Actor]:
    """The parties the sentence before was about (its subject group, not its speakers); ``named``: as
    :func:`subject_of`."""
    prev = memory.previous if memory is not None else None
    return [] if prev is None else subject_of(prev, named)


def subject_of(ctx: SentenceContext, named: bool = False) -> list[Actor]:
    """The parties a sentence is about: its subject group, not its speakers; ``named``: only a subject named
    otherwise than "we" or "you" (whom a later "they" never means)."""
    usable = [a for a in ctx.actors if not is_speaker(ctx, a) and not a.adjective
              and not (named and _PERSONAL.fullmatch(ctx.text, a.start, a.end))]
    return unique_actors([a.actor for a in subject_group(ctx, usable)])


_PERSONAL = re.compile(r"we|our|ours|us|you|your|yours", re.I)


def unique_actors(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


# "Darayya has been fully transferred to the control of government troops", "A and B were handed over to X",
# "Jayroud, 8 km further north, was handed over to X", "Nawa itself was handed over": a place right before the verb
_PASSIVE_HANDED = re.compile(r"(?:\s*,[^,;.]{1,70},)?\s+(?:itself\s+|themselves\s+)?(?:(?:has|have|had)\s+)?"
                             r"(?:(?:also|then|later|finally|officially|formally|now)\s+)?"
                             r"(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:handed(?:\s+over|\s+back)?|transferred|"
                             r"returned|surrendered|delivered|ceded)\s+(?:back\s+)?to\s+(?:the\s+)?"
                             r"(?:(?:full\s+|complete\s+)?control\s+of\s+(?:the\s+)?)?", re.I)


def handed_places(ctx: SentenceContext) -> list[tuple[Loc, re.Match[str]]]:
    """Each place a passive handover gives ("A was handed over to X"), with the match whose end is where the
    takers are named; none for people handed over ("fighters were transferred to B")."""
    return [(loc, m) for loc in ctx.locs if not loc.locator
            and (m := _PASSIVE_HANDED.match(ctx.text, loc.end, ctx.sentence.end)) is not None]


_CLAUSE = re.compile(r",\s|;\s|\s(?:after|while|although|whereas|but|when|before|as)\s", re.I)
_LISTED_NEXT = re.compile(r"(?:the\s+)?")
_PREPOSITION = re.compile(r"\b(?:of|from|with|by|against|to|on|for|in|at|between|among)\s+(?:the\s+)?$", re.I)


# "is massing fighters near A and is preparing to attack B": a second verb phrase is a clause of its own here
_AND_VERB = re.compile(r"\sand\s(?=(?:is|are|was|were|has|have|had)\s)", re.I)


def later_verb_phrase(text: str, start: int, end: int) -> bool:
    """Whether a second verb phrase ("... and was expected to ...") starts between two offsets of a sentence."""
    return _AND_VERB.search(text, start, end) is not None


def _clause_end(text: str, at: int, verb_phrase: bool = False) -> int:
    """Where the clause holding ``at`` ends; an aside between commas ("Kobani, the Kurdish-majority town 59 km
    north of the dam, may be targeted") does not end it, a second verb phrase does with ``verb_phrase``."""
    skip = -1
    ends = [*_CLAUSE.finditer(text), *_AND_VERB.finditer(text)] if verb_phrase else _CLAUSE.finditer(text)
    for m in sorted(ends, key=lambda m: m.start()):
        if m.start() < max(at, skip):
            continue
        aside = _ASIDE.match(text, m.start()) or _NAME_IN_LIST.match(text, m.start())
        if aside is None:
            return m.start()
        skip = aside.end()
    return len(text)


# "an operation against Kobani, Manbij and Tal Rifaat could begin": a comma inside a list of names
_NAME_IN_LIST = re.compile(r",\s+(?:(?:al|el|ad|ar|as|ash|at|az)-)?[A-Z][\w'’-]*"
                           r"(?:\s+(?:(?:al|el)-)?[A-Z][\w'’-]*){0,3}(?=\s*,|\s+and\s)")


_ASIDE = re.compile(r",\s+(?:the|an?|about|some|\d[\d.,]*)\s+[^,;:()\"“”]{1,80}?,\s+"
                    r"(?=(?:may|might|could|would|will|can|is|are|was|were|has|have|had)\b)", re.I)


def _clause_bounds(text: str) -> list[int]:
    """Where the clauses of a sentence start, with its start and end, in order."""
    return [0] + sorted(m.end() for rx in (_CLAUSE, _AND_VERB) for m in rx.finditer(text)) + [len(text)]


def _clause_span(text: str, at: int, bounds: list[int]) -> tuple[int, int]:
    """The span of the clause of ``bounds`` that holds ``at`` (the whole text when none does)."""
    for start, end in zip(bounds, bounds[1:]):
        if start <= at < end:
            return start, end
    return 0, len(text)


def clause_start(ctx: SentenceContext, pos: int) -> int:
    """Where the clause holding ``pos`` starts ("..., after the factions attempted to advance")."""
    if "clause_starts" not in ctx.cues:   # worked out once per sentence; not at a comma between parties listed
        heads = {a.end for a in ctx.actors   # ("Russia, Turkey and Iran signed": one clause; not "clean A of
                 if not _PREPOSITION.search(ctx.text, max(0, a.start - 12), a.start)}   # Kurdish fighters, the army")
        starts, base = {a.start for a in ctx.actors}, ctx.sentence.start
        ctx.cues["clause_starts"] = [base + m.end() for m in _CLAUSE.finditer(ctx.sentence.text)
                                     if not (m.group().startswith(",") and base + m.start() in heads
                                             and _LISTED_NEXT.match(ctx.text, base + m.end()).end() in starts)]
    return max((start for start in ctx.cues["clause_starts"] if start <= pos), default=ctx.sentence.start)


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
_COORDINATION = re.compile(r"(?:\s+(?:forces|troops|fighters|units|militias|soldiers))?"
                           r"\s*\)?\s*(?:,|,?\s*and(?:\s+by)?|\(|,?\s*(?:together|along)\s+with|,?\s*as\s+well\s+as|"
                           r"with|,?\s*alongside)"   # "held by the regime and by the Iranian-backed groups"
                           r"\s*(?:the\s+|their\s+|its\s+)?"
                           r"(?:(?:fighters|members|units|troops|forces|militants|militiamen|gunmen)\s+(?:of|from)\s+(?:the\s+)?)?",
                           re.I)   # "between regime forces and fighters of HTS"


_CLAUSE_VERB = re.compile(r"\s+(?:(?:forces|troops|fighters|units|army|militias)\s+)?(?:\w+ly\s+)?(?:\w+ed|withdrew|took|began|fought|came|went|left|held|kept|are|were|is|"
                          r"was|had|have|has|will|would|could|may|might|said|says)\b")


# the Turkish-backed "National Army", the SDF-affiliated Manbij Military Council
BACKER_WORDS = r"(?:backed|supported|sponsored|affiliated|aligned|allied|linked)"
_BACKED = re.compile(rf"-{BACKER_WORDS},?\s+[\"“]?", re.I)
_AFFILIATED = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:affiliated\s+with|loyal\s+to|linked\s+to|close\s+to)\s+(?:the\s+)?", re.I)


_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")
_STOP_MARK = re.compile(r"[.;:]")
_COMMA_GAP = re.compile(r"\s*,\s*(?:the\s+)?")
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|\))")
# "fell to the group after government forces pulled out": the party after "after" is another clause's
_SUBORDINATE = re.compile(r"\b(?:after|before|when|while|since|until|because|following)\b", re.I)


# what opens the next clause: "A remains under X control, and B in the hands of Y"; "held by factions, and Turkey ..."
NEXT_CLAUSE = re.compile(r"[;:]|,\s*(?:and|but|while|whereas|although)\b", re.I)


def actors_listed_after(ctx: SentenceContext, pos: int, max_gap: int = 24, affiliated: bool = False) -> list[ActorMention]:
    """The coordinated actors starting right after ``pos`` ("by X and Y", "of the X and Y"); with
    ``affiliated``, also past "units affiliated with" ("held by units affiliated with the SDF")."""
    out: list[ActorMention] = []
    cursor, after_backer = pos, False
    for i, a in enumerate(ctx.actors):
        if a.end <= cursor or a.start < cursor - 4:
            continue
        gap = ctx.text[cursor:a.start] if a.start >= cursor else ""
        if (len(gap) > (max_gap if not out else 24) and not (affiliated and not out and _AFFILIATED.fullmatch(gap))) \
                or _STOP_MARK.search(_INITIALS.sub("", gap)) or _SUBORDINATE.search(gap) \
                or (not out and NEXT_CLAUSE.search(gap)):   # "held by factions, and Turkey shells B": not Turkey
            break   # "by Kurdish-led units affiliated with the SDF": the SDF's
        backed = _BACKED.match(ctx.text, a.end)   # "the Turkish-backed", "the U.S.-backed, Kurdish-led"
        if backed and i + 1 < len(ctx.actors) and ctx.actors[i + 1].start == backed.end():
            cursor, after_backer = backed.end(), True   # "the Turkish-backed National Front": the Front, backed by Turkey
            continue
        if after_backer:
            out.append(a)
            cursor, after_backer = a.end, False
            continue
        if out and not _COORDINATION.fullmatch(gap):
            break
        if out and _COMMA_GAP.fullmatch(gap) and not _LIST_GOES_ON.match(ctx.text[a.end:a.end + 6]):
            break   # "to the Russians, Turkey would leave": a new clause, not a list
        if out and "," in gap and _CLAUSE_VERB.match(ctx.text, a.end):
            break   # "fell to the factions, and the regime's forces withdrew": the next clause's subject
        out.append(a)
        cursor = a.end
    return out


_UNDER = re.compile(r"\bunder\s+(?:the\s+)?", re.I)
_CONTROL_AFTER = re.compile(r"\s*(?:['’]s\s+)?control", re.I)
_AREA_HEAD = re.compile(r"\b(?:areas?|territor(?:y|ies)|regions?|parts|positions|zones?|towns|villages|pockets?)\s+"
                        r"(?:that\s+are\s+|which\s+are\s+)?$", re.I)


def control_actor_spans(ctx: SentenceContext) -> list[tuple[int, int]]:
    """Actor mentions used to say who controls a place (not who acts)."""
    spans = []
    actor_then_place = ctx.patterns.control["actor_then_place"]
    for m in _UNDER.finditer(ctx.sentence.text):
        for a in actors_listed_after(ctx, ctx.sentence.start + m.end()):
            if _CONTROL_AFTER.match(ctx.text[a.end:a.end + 15]):
                spans.append((a.start, a.end))
    for m in ctx.patterns.control["place_then_actor"].finditer(ctx.sentence.text):
        cue = ctx.sentence.start + m.start()
        if any(loc.end <= cue for loc in ctx.locs) or _AREA_HEAD.search(ctx.text, max(0, cue - 30), cue):
            spans += [(a.start, a.end) for a in actors_listed_after(ctx, ctx.sentence.start + m.end())]
        # (not "the week was dominated by the Turkish drone campaign": no place, no area is held)
    for a in ctx.actors:
        if actor_then_place.match(ctx.text[a.end:a.end + 14]) \
                or _OWN_AREAS.match(ctx.text, a.end):   # "crossing the regime's areas via Homs": whose land, not who
            spans.append((a.start, a.end))            # moves
    return spans


_OWN_AREAS = re.compile(r"(?:['’]s)?\s+(?:areas?|territor(?:y|ies)|lands?|zones?)\b(?!\s+(?:forces|troops|units))",
                        re.I)


_SPEAKS = re.compile(r"\s*(?:\w+\s+){0,2}?(?:said|told|announced|stressed|claimed|warned|urged|called)\b")


def is_speaker(ctx: SentenceContext, a: ActorMention) -> bool:
    return bool(_SPEAKS.match(ctx.text[a.end:a.end + 40]))


def names_source(text: str, a: ActorMention) -> bool:
    """A party word that only says whose a source is ("a Syrian opposition outlet reported", "pro-government
    media", "Kurdish activists"): the source speaks, the party does not act."""
    return bool(_SOURCE_NOUN.match(text, a.end, min(len(text), a.end + 30)))


def names_place(text: str, a: ActorMention) -> bool:
    """A party word that only says whose a place is ("the Turkish border", "a government crossing",
    "through government territory"): the party does not move there."""
    return bool(_PLACE_NOUN.match(text, a.end, min(len(text), a.end + 20)))


_PLACE_NOUN = re.compile(r"\s+(?:border|borders|frontier|crossings?|territory|territories|soil|side|lines)\b", re.I)
_SOURCE_NOUN = re.compile(r"\s*(?:[\w-]+\s+)?(?:media|outlets?|websites?|newspapers?|news\s+agency|TV|television|"
                          r"channels?|activists?|monitors?|observatory|journalists?|reporters?)\b")


def subject_group(ctx: SentenceContext, usable: list[ActorMention]) -> list[ActorMention]:
    """The sentence's first actor and those coordinated with it ("Russia and Turkey")."""
    if not usable:
        return []
    first = usable[0]
    if _BACKED.match(ctx.text, first.end):   # "The U.S.-backed SDF ... say they control": the SDF
        return [a for a in actors_listed_after(ctx, first.start) if a in usable]
    return [first] + [a for a in actors_listed_after(ctx, first.end) if a in usable]


# "X, which lies on Y, has been controlled by", "X, from Y to Z, is held by", "X, about 28 km from Y, was captured
# by": the aside right before the cue; the cue's subject is X, not Y
SUBJECT_ASIDE = re.compile(r",\s+(?:both\s+|all\s+(?:(?:two|three|four|five|of\s+them)\s+)?|each\s+)?"
                           r"(?:(?:which|that|where)\b[^,]*|"
                           r"(?P<extent>from\s[^,]+?\s(?:down\s+|up\s+)?(?:to|as\s+far\s+as)\s"
                           r"[^,]+|(?:just\s+)?like\s[^,]+)|(?:(?:about|some|around|nearly|roughly|just)\s+)?[\d.,]+\s*(?:km|kilomet(?:er|re)s?|miles?)\b"
                           r"[^,]*|(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|village|city|district|neighbou?rhood|suburb|hub|"
                           r"crossroads|camp|crossing|gateway)\b[^,]*"
                           r"|(?:just\s+|right\s+|directly\s+)?"
                           r"(?:on|near|opposite|across\s+from|facing|along|beside)\s[^,]*"
                           r"),\s+(?:(?:(?:has|have|had)\s+been|is|are|was|were|remains?|remained|"
                           r"stays?|stayed)\s+(?:\w+\s+)?)?$", re.I)   # "X, a town on Y with ..., remains under", "..., fell to",
#   "X, on the border with Y, remains in the hands of", "X, opposite Y, is held by", "A and B, both on Y, were taken by"
#   "X, like Y, is run by" (the extent and the like hold as X does)


# Before a place: a force is said to be posted there ("troops based in A", "units stationed around A", "soldiers
# stationed at the town of A")
STATIONED_AT = re.compile(r"\b(?:based|stationed|deployed|garrisoned|positioned|posted)\s+"
                          r"(?:(?:in|at|inside|around|near|outside|on\s+the\s+outskirts\s+of)\s+)?(?:the\s+)?"
                          r"(?:(?:city|town|village|base|airbase|airport)\s+of\s+)?$", re.I)
CLAUSE_BREAK = re.compile(r"[;:]|\b(?:while|but|whereas|although)\b", re.I)
# ", backed by Russian jets," after a party: who stands behind it, not who acts
# "government forces backed by Russian jets": the party right after it backs the one before
BACKED_BY = re.compile(r"\b(?:backed|supported|aided|assisted|covered|accompanied)\s+by\s+(?:the\s+)?$", re.I)
# After a party: it may hand a place over or leave it ("the YPG would hand Tal Rifaat to", "SDF commanders offered
# to pull out of Tal Rifaat", "The rebels, he said, would hand Yabroud to the army")
WOULD_HAND = re.compile(r"(?:\s+(?:commanders|officials|leaders|forces|fighters|troops|units))?"
                        r"(?:\s*,\s*(?:he|she|they|it|officials?|sources?)\s+(?:said|says|added)\s*,)?"
                        r"\s+(?:would|will|could|might|should|(?:is|are)\s+(?:to|ready\s+to|willing\s+to)|"
                        r"(?:offered|proposed)\s+to)\s+(?:hand(?:\s+over)?|give(?:\s+up)?|cede|return|surrender|"
                        r"pull\s+out\s+of|withdraw\s+from|leave|vacate|evacuate)\s+(?:over\s+|back\s+)?(?:the\s+)?",
                        re.I)
# state media: "Army units, in cooperation with ... and with air cover from the Russian aerospace forces, restored"
# "X, backed by Y,", "Government of Syria (GoS) forces, supported by Y,": who stands behind the party
BACKERS = re.compile(r"(?:\s*\([A-Za-z]{2,8}\)|\))?(?:\s+(?:units|forces|troops|fighters|apparatus|services?))?,\s*"
                     r"(?:(?:backed|supported|aided|assisted|accompanied|joined|led|covered)\s+by|"
                     r"with\s+the\s+support\s+of|"
                     # "the General Security apparatus, built largely on HTS structures, controls A"
                     r"(?:built|drawn|formed|recruited)\s+(?:largely\s+|mostly\s+|mainly\s+|partly\s+|"
                     r"chiefly\s+)?(?:on|from|of|around|out\s+of)|"
                     r"in\s+(?:cooperation|coordination|conjunction)\s+with|"
                     r"with\s+(?:\w+\s+)?(?:air\s+)?(?:cover|support|backing)\s+(?:from|of))"
                     r"[^,.;]{3,130},", re.I)
# "... were liberated", "had been captured": a verb in the passive right before
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been|is\s+being|are\s+being)\s+(?:\w+\s+)?$",
                            re.I)
# "the return of Damascus to Manbij", "the entry of the regime forces into Tafas": a party arriving somewhere
COMING_OF = re.compile(r"\b(?:return|re-?entry|entry|entrance|deployment|redeployment|arrival)\s+of\s+", re.I)
INTO = re.compile(r"\s+(?:(?:forces|troops|units|army)\s+)?(?:into|to|in)\s+(?:the\s+)?", re.I)


def attributed_spans(ctx: SentenceContext) -> list[tuple[int, int]]:
    """Spans that say who reports (sources of X in Y said): not where or who acts; "a Syrian military source
    said" counts from "Syrian". Worked out once per sentence."""
    if "attributed" not in ctx.cues:
        text, base = ctx.sentence.text, ctx.sentence.start
        spans = []
        for m in _ATTRIBUTION.finditer(text):
            own = _SOURCE_WORDS.search(text, max(0, m.start() - 40), m.start())
            spans.append((base + (own.start() if own else m.start()), base + m.end()))
        ctx.cues["attributed"] = spans
    return ctx.cues["attributed"]


_SOURCE_WORDS = re.compile(r"(?:\b(?:[A-Z][\w-]*|(?i:military|security|local|government|opposition|rebel|medical|diplomatic|"
                           r"field))\s+){1,2}$")   # "a Syrian military source said"
_ATTRIBUTION = re.compile(
    r"\b(?:sources?|activists|residents|officials?|spokes(?:person|man|woman)|commander|correspondents?)\b"
    r"[^.;“\"]*?\b(?:said|says|told|stressed|reported|confirmed|revealed|announced|added)\b"
    r"|\baccording\s+to\s+[^,.;“\"]{2,60}(?=,)"   # "According to the council's media centre, ..."
    r"|\baccording\s+to\s+[^,.;“\"]{2,100}(?=[.”\"]?\s*$)",   # "..., according to X and activists who spoke to Y."
    re.I)


def inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def locs_after(ctx: SentenceContext, pos: int, max_gap: int = 40, locators: bool = False) -> list[Loc]:
    """The places listed from ``pos`` on ("A, B and C"), with those named as included in the last ("most of
    X province, including A"); ``locators``: also places named only to say where another is."""
    cands = [loc for loc in ctx.locs if loc.start >= pos and loc.end <= ctx.sentence.end
             and (locators or not loc.locator) and loc.located]
    if not cands or cands[0].start - pos > max_gap:
        return []
    first = cands[0]
    group = [first]
    for loc in cands[1:]:
        if loc.start == group[-1].start or _LIST_LINK.fullmatch(_without_aside(ctx, group[-1].end, loc.start)):
            group.append(loc)
        else:
            break
    inc = INCLUDING.match(ctx.text, group[-1].end, ctx.sentence.end)
    around = _AROUND.match(ctx.text, group[-1].end, ctx.sentence.end) if group[-1].precision == 3 else None
    if inc or around:   # "most of al-Hasakah province, including Qamishli, Amuda and Rmelan"; "a pocket of the
        #                 eastern Aleppo countryside around Deir Hafer and Maskanah"
        group += [loc for loc in locs_after(ctx, (inc or around).end(), max_gap=2, locators=around is not None)
                  if loc not in group]
    return group


# "buses carrying 420 fighters who refused the settlement", "a column carrying Liwa al-Baqir men": before the party
CARRYING = re.compile(r"\b(?:carrying|carried|transporting|ferrying)\s+"
                      r"(?:(?:about|around|some|nearly|more\s+than|at\s+least|"
                      r"hundreds\s+of|dozens\s+of|thousands\s+of|[\d,]+)\s+)*(?:the\s+)?(?:last\s+)?"
                      r"(?:(?:fighters|members|soldiers|troops|men|units|militiamen)\s+of\s+(?:the\s+)?)?$", re.I)
# ", including", "such as" before the places a list names
INCLUDING = re.compile(r"\s*,?\s*(?:including|such\s+as|notably|among\s+them|"
                       r"(?:that|which)\s+(?:includes?|included|contains?|comprises?|encompass(?:es)?))\s+(?:the\s+)?"
                       r"(?:(?:cit(?:y|ies)|towns?|villages?)\s+of\s+)?", re.I)
_AROUND = re.compile(r"\s*,?\s*(?=(?:around|centred\s+on|centered\s+on)\s)", re.I)   # "around A" is a place of its own
# "captured A in May and B": a date inside a list of places
_WHEN = (rf"(?:\s+(?:in|on)\s+(?:early\s+|late\s+|mid-)?"
         rf"(?:(?:{MONTH}|{WEEKDAY})(?:\s+\d{{1,2}})?|\d{{1,2}}\s+(?:{MONTH}))"
         rf"|\s+since\s+(?:(?:{MONTH})\s+)?\d{{4}})?")   # "has held A since 2014, as well as B"
_LIST_LINK = re.compile(r"(?:\s+(?:al|el|ad|as|ar|an|ash|at|az)-[A-Z][\w’'-]*)?"   # "Daraa al-Mahatta, B": a district
                        + _WHEN + r"(?:\s+(?:city|town|village|camp))?"
                        r"(?:\s+(?:itself|themselves))?"   # "A itself and B"
                        r"(?:,?\s+(?:(?:about|some|around|nearly|roughly|just)\s+)?[\d.,]+\s*"
                        r"(?:km|kilomet(?:re|er)s?|miles?)(?=\s+to\s))?"   # "B, 12 km to its south, and C"
                        r"(?:\s+(?:(?:just|further|farther)\s+)?to\s+(?:its|the|their)\s+"
                        r"(?:north|south|east|west)[\w-]*)?"   # "B to its west, C"
                        r"\s*(?:,|and|,\s*and|,?\s*(?:along|together)\s+with|,?\s*as\s+well\s+as|,\s*then)\s+"
                        r"(?:(?:now|also|even)\s+)?"   # "A and B, and now C"
                        r"(?:(?:of|in|at|inside)\s+)?"   # "command of Izra and of Sheikh Miskin", "in A and in B"
                        r"(?:the\s+(?:nearby\s+|neighbouring\s+|neighboring\s+|adjacent\s+)?"
                        r"(?:(?:[\w’'-]+\s+)?(?:towns?|villages?|city|cities)\s+of\s+)?"
                        r"|(?:nearby|neighbouring|neighboring|adjacent)\s+)?", re.I)   # "A and neighbouring B"
# ", about", ", a Christian town", ", a town on the road south,", or nothing before a locator right after the place
_ASIDE_OPEN = re.compile(r"\s*(?:,\s*(?:(?:a|an|the)\s+[^,;.()]{0,60}?(?:,\s*|\s+))?)?"
                         r"(?:(?:about|some|around|nearly|roughly|just|located|less\s+than|more\s+than)\s+)?", re.I)


def _without_aside(ctx: SentenceContext, start: int, end: int) -> str:
    """The words between two places, less an aside that only says where the first is
    ("Souran, about 18 km north of Hama, along with Halfaya")."""
    inner = [loc for loc in ctx.locs if loc.locator and start <= loc.start and loc.end <= end]
    if not inner:
        return ctx.text[start:end]
    if _ASIDE_OPEN.fullmatch(ctx.text, start, inner[0].start):
        return ctx.text[inner[-1].end:end]
    return ctx.text[start:end]


# "Kataib Hezbollah and other Tehran-aligned groups"; "Syrian Democratic Forces (SDF) and government troops"
_GROUP_LINK = re.compile(r"\s*\(|\)?(?:\s+(?:forces|troops|fighters|units|militias|soldiers))?"
                         r"\s*(?:,|and|,\s*and|,?\s*followed\s+by)\s+"   # "Russian military police, followed by
                         r"(?:the\s+|their\s+|its\s+)?(?:other\s+|allied\s+)?", re.I)   # regime forces, would ..."


_BARE_COMMA = re.compile(r"\s*,\s*(?:the\s+)?")
_OBJECT_OF = re.compile(r"\b(?:fall|death|ouster|overthrow|departure|collapse|flight|withdrawal|exit|defeat|end)"
                        r"\s+of\s+(?:the\s+)?$", re.I)


def actor_groups(ctx: SentenceContext) -> list[list[ActorMention]]:
    """The sentence's parties in coordinated groups ("Russia and Turkey"), worked out once per sentence."""
    if "groups" not in ctx.cues:
        groups: list[list[ActorMention]] = []
        for a in ctx.actors:
            if groups and _GROUP_LINK.fullmatch(ctx.text, groups[-1][-1].end, a.start) \
                    and not (_BARE_COMMA.fullmatch(ctx.text, groups[-1][-1].end, a.start)   # "after the fall of
                             and _OBJECT_OF.search(ctx.text, max(0, groups[-1][0].start - 30), groups[-1][0].start)):
                groups[-1].append(a)   # "the regime forces and X" (not "After the fall of Assad, the factions")
            else:
                groups.append([a])
        ctx.cues["groups"] = groups
    return ctx.cues["groups"]


def whole_country(loc: Loc) -> bool:
    return loc.place is not None and loc.place.type == PlaceType.COUNTRY and loc.kind == "place"
