"""Interviews: in the answers of a question-and-answer report, "we", "our" and "ours" are the party of the
person interviewed, named in the introduction ("Abu Khaled, a field commander in Jaysh al-Nasr, ...").

A report is read as an interview when it has labelled lines ("Q:", "A:", "North Press:", "Abu Ali:") and
the lines of one label ask questions; the lines of the other labels are the answers. Without labels, at
least three one-line paragraphs that ask a question are the questions, and the paragraph after each its answer,
when the introduction says who was interviewed (not an explainer's questions). In the questions,
"you" and "your" are the same party ("Where did your forces go?").
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geo.extract.actors import ActorMention

__all__ = ["interviewee_mentions", "answer_spans"]

_LABEL = re.compile(r"^[ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})[ \t]*:[ \t]+(?=\S)", re.M)
_ROLE = re.compile(r"\b(?:commander|commanders|spokes(?:man|woman|person)|official|leader|member|head|chief|officer|"
                   r"fighter)\s+(?:in|of|with|for|at)\b|\b(?:who\s+)?(?:commands|leads)\b", re.I)
_ROLE_AFTER = re.compile(r"\s+(?:field\s+|senior\s+|local\s+)?(?:commander|spokes(?:man|woman|person)|official|leader|"
                         r"officer)\b", re.I)   # "an SDF commander"
# Between the role and its party: "a field commander in Jaysh al-Nasr, one of the factions of the Turkish-backed NFL"
_ROLE_GAP = re.compile(r"\s*(?:(?:an?|the)\s+(?:[\w-]+\s+)?(?:sector|unit|battalion|section|wing|branch|front|"
                       r"part|division|detachment)\s+(?:of|in|within)\s+)?"   # "who commands a sector of the NFL"
                       r"(?:the\s+)?(?:(?:(?:[A-Z]|al-|el-)[\w'’-]*\s*){1,5},\s+"
                       r"(?:one\s+of(?:\s+the\s+\w+\s+of)?|part\s+of|"
                       r"a\s+member\s+of|an?\s+\w+\s+(?:of|in|within)|affiliated\s+(?:with|to))\s+)?(?:the\s+)?"
                       r"(?:[\w-]+-backed\s+)?")
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|[Uu]s)\b(?!\s*['’])")
_SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours)\b(?!\s*['’])")

_Spans = tuple[tuple[int, int], ...]


@lru_cache(maxsize=4)   # asked twice per report: for the interviewee's "we" and for the answers' modality
def _answers(text: str) -> tuple[int, _Spans, _Spans]:
    """Where the first labelled line starts, the spans of the answer lines and those of the question lines
    (none when the text is no interview)."""
    lines = [(m.group(1), m.start(), text.find("\n", m.end())) for m in _LABEL.finditer(text)]
    lines = [(label, start, len(text) if end < 0 else end) for label, start, end in lines]
    labels = Counter(label for label, _, _ in lines)
    lines = [line for line in lines if labels[line[0]] > 1]   # a title "Interview: ..." labels no turn
    asked: dict[str, int] = defaultdict(int)
    said: dict[str, int] = defaultdict(int)
    for label, start, end in lines:
        asked[label] += text[start:end].rstrip().endswith("?")
        said[label] += 1
    most = max((n / said[label] for label, n in asked.items()), default=0.0)
    askers = {label for label, n in asked.items() if n and n / said[label] == most}   # an answer may end on a "?"
    if not askers or len(lines) < 4 or len(asked) < 2:
        return _unlabelled(text)
    return lines[0][1], tuple((start, end) for label, start, end in lines if label not in askers), \
        tuple((start, end) for label, start, end in lines if label in askers)


_LINE = re.compile(r"[^\n]+")
_MIN_QUESTIONS = 3


def _unlabelled(text: str) -> tuple[int, _Spans, _Spans]:
    """An interview whose questions stand alone, unlabelled, as one-line paragraphs ending on "?": the
    paragraph after each question is its answer (what follows the last answer may be the reporter's again)."""
    paragraphs = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]   # one line each
    asked = [k for k, (start, end) in enumerate(paragraphs[1:], 1)
             if text[start:end].rstrip().endswith("?") and end - start <= 200 and k + 1 < len(paragraphs)
             and not text[slice(*paragraphs[k + 1])].rstrip().endswith("?")]
    intro = text[:paragraphs[asked[0]][0]] if asked else ""
    if len(asked) < _MIN_QUESTIONS or not (_INTERVIEWED.search(intro) and _ROLE.search(intro)):
        return 0, (), ()   # an explainer's questions ("Who controls Manbij today?") are the reporter's own
    return paragraphs[asked[0]][0], tuple(paragraphs[k + 1] for k in asked), tuple(paragraphs[k] for k in asked)


# the introduction of an interview says someone was asked: "We spoke by phone with ...", "told North Press"
_INTERVIEWED = re.compile(r"\b(?:spoke|spoken|speaks|talked|interview(?:ed)?|asked|sat\s+down|told\s+us)\b", re.I)


def answer_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of an interview's answer lines ([] when the text is no interview): what is said there is
    the interviewee's claim."""
    return _answers(text)[1]


def _interviewee(text: str, intro_end: int, found: list[ActorMention]) -> ActorMention | None:
    """The party of the person the introduction presents: "an SDF commander", or the first party named after
    "a commander in", "who commands", "a spokesman for" in the same sentence."""
    named = [a for a in found if a.end <= intro_end and not a.adjective]
    before = next((a for a in named if _ROLE_AFTER.match(text, a.end)), None)
    if before is not None:
        return before
    for role in _ROLE.finditer(text, 0, intro_end):
        party = next((a for a in named if a.start >= role.end()), None)
        if party is not None and _ROLE_GAP.fullmatch(text, role.end(), party.start):
            return party
    own = _GROUPS_ROLE.search(text, 0, intro_end)   # "the US-backed New Syrian Army ... one of the group's field
    return next((a for a in reversed(named) if a.end <= own.start()), None) if own else None   # commanders"


_GROUPS_ROLE = re.compile(r"\b(?:the\s+)?(?:group|faction|movement|organi[sz]ation|force|alliance|brigade)['’]s\s+"
                          r"(?:field\s+|senior\s+|local\s+|military\s+)?(?:commanders?|spokes(?:man|woman|person)|"
                          r"officials?|leaders?|officers?)\b", re.I)


def interviewee_mentions(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """``found`` with the first-person words of an interview's answers and the second-person words of its
    questions as mentions of the interviewee's party."""
    from geo.extract.actors import ActorMention

    intro_end, answers, questions = _answers(text)
    if not answers:
        return found
    who = _interviewee(text, intro_end, found)
    if who is None:
        return found
    words = [m for start, end in answers for m in _FIRST_PERSON.finditer(text, start, end)]
    words += [m for start, end in questions for m in _SECOND_PERSON.finditer(text, start, end)]
    extra = [ActorMention(m.start(), m.end(), who.actor) for m in words
             if not any(a.start <= m.start() < a.end for a in found)]
    return sorted(found + extra, key=lambda a: a.start) if extra else found
