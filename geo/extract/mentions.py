"""Place mentions: gazetteer names found in text, and names the gazetteer lacks.

Gazetteer names are found by walking the article's folded words and
extending each start while the words so far are a key or the prefix of one
(so the longest name wins: *Ras al-Ain* over *Ras*). A Latin-script match
must start with a capital letter. Consonant skeletons catch spellings the
folding misses (*Tronba* for *Tarnabah*) for curated and theatre places.

Names the gazetteer lacks are caught by patterns such as "the village of X",
"the town of X" and "X village"; they get no candidates here and are located
later from the relative phrase or the area they are said to be in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.dates import MONTH_ABBREV
from geo.extract.text import NUMBER_WORD
from geo.gazetteer.fold import ARTICLES, NAME_PARTS, fold, skeleton, tokens

__all__ = ["RawMention", "find_place_mentions", "find_pattern_mentions", "joined", "ADJECTIVE_ENDINGS", "FACILITY"]

_MAX_WORDS = 6
_BREAKS = frozenset(".,;:!?()[]\"“”\n/|")
_TYPE_WORD = r"(?:village|town|city|area|region|neighbou?rhood|district|camp|hamlet|base|airbase)"
_NOT_NAME = re.compile(r"-(?:backed|led|held|brokered|controlled|run|based|allied)$", re.I)
_UNKNOWN_NAME = re.compile(
    rf"\b(?:the\s+)?{_TYPE_WORD}s?\s+of\s+((?:(?:al|el|ad|ar|as|ash|at|az|an)[-\s])?[A-Z][\w’'-]+(?:\s+(?:(?:al|el|ad|ar|as|ash|at|az|an)[-\s])?[A-Z][\w’'-]+){{0,2}})"
    rf"|\b((?:(?:al|el|ad|ar|as|ash|at|az|an)[-\s])?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+{_TYPE_WORD}\b")


_PARTICLES = frozenset({"abu", "umm", "bin", "ibn", "tal", "tall", "tell", "ain", "ayn", "jabal", "jebel", "kafr",
                        "deir", "ras", "khan", "wadi", "jisr"})   # name parts, never a name alone
_ART = r"(?:(?:al|el|ad|ar|as|ash|at|az|an)[-\s])?"
_AFTER_PREPOSITION = re.compile(
    rf"\b(?:from|to|towards|toward|into|near|in|at|reached|reaching|entered|captured|seized)\s+(?:the\s+)?"
    rf"({_ART}[A-Z][\w’'-]+(?:\s+{_ART}[A-Z][\w’'-]+){{0,2}})")


_LIES = re.compile(rf"\b({_ART}[A-Z][\w’'-]+(?:\s+{_ART}[A-Z][\w’'-]+){{0,2}})\s+(?:lies|lay|is\s+located|is\s+situated|sits)"
                   rf"\s+(?:(?:about|some|around|roughly|nearly|just|only)\s+)?(?:\d|{NUMBER_WORD}\b)")   # "Marayan lies
# about nine km SSW of Ariha"
# "al-Habit, some 10 km west of X"
_OFFSET_AFTER = re.compile(rf"\b({_ART}[A-Z][\w’'-]+(?:\s+{_ART}[A-Z][\w’'-]+){{0,2}}),\s+"
                           rf"(?:(?:about|some|around|roughly|nearly|just|only|located)\s+)?"
                           rf"(?:\d+(?:\.\d+)?|{NUMBER_WORD})[\s-]*(?:km|kilomet(?:er|re)s?|miles?)\s+"
                           rf"(?:\([^()]{{1,20}}\)\s+)?(?:to\s+the\s+)?(?:north|south|east|west)")
# "al-Waer, the last opposition-held district of Homs", "Hay al-Wa'er, the last neighbourhood of Hims"
_APPOSED = re.compile(rf"\b({_ART}[A-Z][\w’'-]+(?:\s+{_ART}[A-Z][\w’'-]+){{0,2}})(?:\s+on\s+[A-Z][a-z]+day)?,\s+"
                      r"(?:the|a)\s+(?:[\w-]+\s+){0,3}?(?:village|town|hamlet|neighbou?rhood|district|quarter|suburb)"
                      r"\s+(?:of|in|on|near)\s")
_PLACE_LIST = re.compile(r"\b(?:villages|towns|hamlets|neighbou?rhoods|districts)\s+of\s+(?:the\s+)?")
_LIST_NAME = re.compile(rf"{_ART}[A-Z][\w’'-]+(?:\s+{_ART}[A-Z][\w’'-]+){{0,2}}")
_LIST_GAP = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _list_names(text: str, pos: int) -> list[tuple[int, int]]:
    """The names of "the villages of A, B and C"."""
    out = []
    while (m := _LIST_NAME.match(text, pos)) is not None:
        out.append(m.span())
        gap = _LIST_GAP.match(text, m.end())
        if gap is None:
            break
        pos = gap.end()
    return out


@dataclass(frozen=True, slots=True)
class RawMention:
    """A span whose folded words are a gazetteer key (or, with ``key=""``, an unknown name)."""

    start: int
    end: int
    key: str
    tier: str   # "exact", "skeleton" or "pattern"


def joined(text: str, end: int, start: int) -> bool:
    """True when nothing but spaces, hyphens or a dropped article separates two words."""
    gap = text[end:start]
    return len(gap) <= 6 and not any(c in _BREAKS for c in gap)


_DATE_ABBREV = re.compile(rf"{MONTH_ABBREV}?\s*\d")   # "on Aug. 11", "Nov 27": a date, not Augusta
_DISTANCE = re.compile(r"[\d.,]+\s*(?:km|kilomet(?:er|re)s?|miles?|mi|metres?|meters?|m)", re.I)


def _capitalised(text: str, start: int) -> bool:
    c = text[start]
    return c.isupper() or c.isdigit() or "\u0600" <= c <= "\u06ff"


def _ordered(words: list[str]) -> str:
    if len(words) > 1 and words[-1] == "jabal":
        words = [words[-1], *words[:-1]]
    return " ".join(words)


def find_place_mentions(text: str, keys: frozenset[str], skels: frozenset[str], prefixes: frozenset[str],
                        stopwords: frozenset[str] = frozenset(),
                        toks: list[tuple[str, int, int]] | None = None,
                        enders: frozenset[str] = frozenset()) -> list[RawMention]:
    """Longest gazetteer names in ``text``, left to right, without overlaps; a lowercase word of
    ``enders`` standing apart ("from Daraa to Busra") ends a name."""
    toks = tokens(text) if toks is None else toks
    out: list[RawMention] = []
    i = 0
    while i < len(toks):
        if not _capitalised(text, toks[i][1]):
            i += 1
            continue
        hit = None if _after_name_part(text, toks, i) else _longest_at(text, toks, i, keys, skels, prefixes, stopwords, enders)
        if hit and (_DISTANCE.fullmatch(text, hit.start, hit.end) or _DATE_ABBREV.match(text, hit.start)
                    or _first_part_only(text, toks, i, hit)):
            hit = None   # "11 km (7 miles) south of": a distance, though some place is called "7 Miles"; "on Aug. 11"
        if hit:
            hit = _with_final_ayn(text, _facility_of(text, _with_article(text, hit), keys))
            out.append(hit)
            i = next(k for k in range(i, len(toks) + 1) if k == len(toks) or toks[k][1] >= hit.end)
        else:
            i += 1
    return out


# "the military airport of Deir ez-Zor", "the airbase of Kuweires": the facility, when the gazetteer knows it
FACILITY = r"(?:military\s+)?(?:airport|air\s*base|airfield)"   # the kind of place "the X of <town>" names
_FACILITY_OF = re.compile(rf"(?<![\w-])(?:the\s+)?({FACILITY})\s+of\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.I)
# "the naval facility in Tartus": the port's base, when the gazetteer has it
_NAVAL_OF = re.compile(r"(?<![\w-])(naval\s+(?:base|facility))\s+(?:of|in|at)\s+(?:the\s+)?(?:port\s+of\s+)?$", re.I)
_FACILITY_WORDS = ("{kind}", "military airport", "airport", "airbase", "air base", "military airbase")


def _facility_of(text: str, m: RawMention, keys: frozenset[str]) -> RawMention:
    """ "the military airport of Deir ez-Zor" is the place "Deir ez-Zor military airport", "the naval facility in
    Tartus" the place "Tartus naval facility", when the gazetteer has it (not the city)."""
    found = _FACILITY_OF.search(text, max(0, m.start - 40), m.start) \
        or _NAVAL_OF.search(text, max(0, m.start - 40), m.start)
    if found is None or m.tier != "exact":
        return m
    name = text[m.start:m.end]
    for word in _FACILITY_WORDS:
        key = fold(f"{name} {word.format(kind=found.group(1))}")
        if key in keys:
            return RawMention(found.start(), m.end, key, "exact")
    return m


# A word-final apostrophe that writes the ayn ("Mare'", "Daraa'"), not a closing quotation mark ("the 'Azaz' front")
_FINAL_AYN = re.compile(r"['’ʿ](?![\w’'-])")


def _with_final_ayn(text: str, m: RawMention) -> RawMention:
    """The mention with the apostrophe that ends its name ("Mare'"), so "Mare' and Azaz" reads as a list."""
    if _FINAL_AYN.match(text, m.end) and text[m.start - 1:m.start] not in ("'", "‘", "’") \
            and text[m.end - 1].isalpha():
        return RawMention(m.start, m.end + 1, m.key, m.tier)
    return m


# Any article form joined by a hyphen ("ash-Shughur"), or "al"/"el" before a space ("Al Bab"; not "at Tanf").
_ATTACHED_ARTICLE = re.compile(rf"(?<![\w’'-])(?i:(?:{'|'.join(sorted(ARTICLES))})-|(?:al|el) )$")


def _with_article(text: str, m: RawMention) -> RawMention:
    """The mention with its Arabic article ("al-Bab", "Al Bab"): the name starts there, so
    "west of al-Bab" and "Kafr Zita and al-Lataminah" read like any other name."""
    found = _ATTACHED_ARTICLE.search(text, max(0, m.start - 5), m.start)
    return RawMention(found.start(), m.end, m.key, m.tier) if found else m




def _first_part_only(text: str, toks: list[tuple[str, int, int]], i: int, hit: RawMention) -> bool:
    """ "Tel Koçer" where only a place called "Tel" is known: the known word opens an unknown name."""
    return toks[i][2] == hit.end and toks[i][0] in NAME_PARTS and i + 1 < len(toks) \
        and _capitalised(text, toks[i + 1][1]) and joined(text, toks[i][2], toks[i + 1][1])


def _after_name_part(text: str, toks: list[tuple[str, int, int]], i: int) -> bool:
    """ "Tal Samin" where only "Samin" is known: the known word is part of an unknown name."""
    return i > 0 and toks[i - 1][0] in NAME_PARTS and _capitalised(text, toks[i - 1][1]) \
        and joined(text, toks[i - 1][2], toks[i][1])


def _longest_at(text, toks, i, keys, skels, prefixes, stopwords, enders=frozenset()) -> RawMention | None:
    best = None
    words: list[str] = []
    for j in range(i, min(i + _MAX_WORDS, len(toks))):
        if j > i and (not joined(text, toks[j - 1][2], toks[j][1]) or _ender(text, toks[j - 1][2], toks[j], enders)):
            break
        words.append(toks[j][0])
        key = _ordered(words)
        if key in keys and not (j == i and ((_weak_single(text[toks[i][1]:toks[i][2]], key, stopwords)
                                             and not _article_named(text, toks[i][1], key))
                                            or _adjective(text, toks, i, enders))) \
                and not _generic_phrase(text[toks[i][1]:toks[j][2]], stopwords):
            best = RawMention(toks[i][1], toks[j][2], key, "exact")
        elif (best is None or best.tier == "exact") and j - i < 3 and _capitalised(text, toks[j][1]) and \
                not (j == i and (_weak_single(text[toks[i][1]:toks[i][2]], key, stopwords)
                                 or _sentence_initial(text, toks[i][1])
                                 or text[toks[i][1]:toks[i][2]].casefold().endswith(ADJECTIVE_ENDINGS)
                                 or (key.endswith("i") and key[:-1] in keys))):   # "Israeli", "Pakistani"
            skel = skeleton(key)
            if len(skel.replace(" ", "")) >= 4 and skel in skels:
                best = RawMention(toks[i][1], toks[j][2], skel, "skeleton")
        if key not in prefixes and skeleton(key) not in prefixes:
            break
    return best


_NAME_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][\w’']*)\s+$")
_FUNCTION_WORDS = frozenset({"in", "at", "from", "near", "to", "of", "and", "the", "on", "into", "outside", "around",
                             "inside", "towards", "toward", "for", "by", "with", "while", "as", "but", "both"})


def _article_named(text: str, start: int, key: str) -> bool:
    """ "al-Tall": an English word ("tall") with the Arabic article joined to it is a name."""
    if len(key) <= 2 or text[max(0, start - 3):start].casefold() not in ("al-", "el-"):
        return False
    before = _NAME_BEFORE.search(text, max(0, start - 30), start - 3)   # not "Qubtan al-Jabal"
    return before is None or before.group(1).casefold() in _FUNCTION_WORDS


def _ender(text: str, prev_end: int, tok: tuple[str, int, int], enders: frozenset[str]) -> bool:
    """ "Daraa to": a lowercase function word apart from the name before it is no part of it."""
    return text[tok[1]].islower() and " " in text[prev_end:tok[1]] and text[tok[1]:tok[2]].casefold() in enders


# Demonyms look like their country's consonants ("Palestinian", "Jordanian"): never a skeleton match alone.
ADJECTIVE_ENDINGS = ("ian", "ish", "ese")


def _adjective(text: str, toks: list[tuple[str, int, int]], i: int, enders: frozenset[str] = frozenset()) -> bool:
    """ "Christian towns", "Lebanese border": a demonym before a common noun, not a town of that name
    ("Hish on Monday", "Hish and Kafr Nabl": a function word follows a name; "Hish pounded": a verb)."""
    if not (text[toks[i][1]:toks[i][2]].casefold().endswith(ADJECTIVE_ENDINGS) and i + 1 < len(toks)
            and text[toks[i + 1][1]].islower() and joined(text, toks[i][2], toks[i + 1][1])):
        return False
    word = text[toks[i + 1][1]:toks[i + 1][2]].casefold()
    return word not in enders and (not word.endswith("ed") or word in _PARTICIPLE_ADJECTIVES)


# "Palestinian armed factions", "British-backed": a demonym before these still qualifies a noun
_PARTICIPLE_ADJECTIVES = frozenset({"armed", "backed", "led", "based", "owned", "controlled", "held", "funded",
                                    "trained", "allied", "affiliated", "aligned", "sponsored", "organised",
                                    "organized", "displaced", "registered"})


def _generic_phrase(surface: str, stopwords: frozenset[str]) -> bool:
    """ "The village", "the city": an English noun phrase, not the US town called "The Village"."""
    words = surface.casefold().split()
    return len(words) > 1 and words[0] == "the" and all(w in stopwords for w in words[1:])


def _sentence_initial(text: str, start: int) -> bool:
    """True for a word that opens a sentence or line (its capital says nothing)."""
    before = text[max(0, start - 3):start].rstrip(" \t\"“‘(")
    return not before or before[-1] in ".!?\n:"


def _weak_single(surface: str, key: str, stopwords: frozenset[str]) -> bool:
    """A single word too short or too common to be a name alone; a road code ("M4") is a name."""
    return (len(key) <= 2 and not _ROAD_CODE.fullmatch(surface)) or surface.casefold() in stopwords


_ROAD_CODE = re.compile(r"[A-Z]\d{1,3}")


def find_pattern_mentions(text: str, known: list[RawMention],
                          stopwords: frozenset[str] = frozenset()) -> list[RawMention]:
    """Names in "the village of X" / "X village" patterns that no known mention covers.

    A candidate name made of stopwords ("The town") or of a compound adjective
    ("Russian-brokered") is not a name.
    """
    covered = [(m.start, m.end) for m in known]
    spans = [m.span(1 if m.group(1) else 2) for m in _UNKNOWN_NAME.finditer(text)]
    spans += [m.span(1) for m in _AFTER_PREPOSITION.finditer(text)]
    spans += [m.span(1) for m in _LIES.finditer(text)]
    spans += [m.span(1) for m in _OFFSET_AFTER.finditer(text)]
    spans += [m.span(1) for m in _APPOSED.finditer(text)]
    spans += [span for m in _PLACE_LIST.finditer(text) for span in _list_names(text, m.end())]
    out = []
    for s, e in sorted(set(spans)):
        words = text[s:e].split()
        folded = [w.casefold().strip("’'") for w in words]
        if any(a < e and s < b for a, b in covered) or _NOT_NAME.search(words[-1]) or _DATE_ABBREV.match(text, s) or \
                any(w in stopwords and not (w in _PARTICLES and len(words) > 1) for w in folded):
            continue
        covered.append((s, e))
        out.append(RawMention(s, e, "", "pattern"))
    return out + _other_mentions(text, out, covered)


def _other_mentions(text: str, found: list[RawMention], covered: list[tuple[int, int]]) -> list[RawMention]:
    """A name a pattern showed to be a place ("Marayan lies nine km south of Ariha") is a place wherever the
    article names it ("shelled Ihsim and Marayan")."""
    out: list[RawMention] = []
    for name in dict.fromkeys(text[m.start:m.end] for m in found):
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text):
            if not any(a < m.end() and m.start() < b for a, b in covered):
                covered.append(m.span())
                out.append(RawMention(m.start(), m.end(), "", "pattern"))
    return out
