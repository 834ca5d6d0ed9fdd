"""The actor registry (``gazetteer/actors.yaml``) and actor mentions in text.

Aliases are matched on folded words (so *Hayat Tahrir al-Sham* and *Hay'at
Tahrir ash-Sham* meet), longest first; aliases written in capitals in the
registry (acronyms: SDF, HTS, IS) only match the same capitals in the text.
Adjective forms ("Russian", "Turkish") name the actor when they modify a noun.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from geo.errors import RegistryError
from geo.extract.interviews import interviewee_mentions
from geo.gazetteer.fold import fold, tokens
from geo.gazetteer.sources import data_dir
from geo.model import Actor

__all__ = ["Bloc", "Era", "Registry", "ActorMention", "load_registry", "find_actors", "in_their_time",
           "user_registry_path"]

_MAX_WORDS = 7
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Bloc:
    """A side of a theatre, with its display name and map colour."""

    id: str
    name: str
    colour: str


@dataclass(frozen=True, slots=True)
class Era:
    """From ``start`` (ISO date) on, the actors ``actors`` belong to ``bloc`` (and to the blocs ``also``)."""

    start: str
    actors: frozenset[str]
    bloc: str
    also: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of text that names an actor."""

    start: int
    end: int
    actor: Actor
    adjective: bool = False


@dataclass(frozen=True)
class Registry:
    """Actors and blocs by theatre, with the folded alias index."""

    actors: dict[str, Actor]
    blocs: dict[str, Bloc]
    aliases: dict[str, tuple[Actor, bool]]   # folded alias -> (actor, case-sensitive)
    adjectives: dict[str, Actor]
    prefixes: frozenset[str]
    path: Path
    alliances: tuple[frozenset[str], ...] = ()
    armies: tuple[tuple[re.Pattern[str], Actor], ...] = ()   # "the army" of a report naming the country
    country_armies: dict[str, Actor] = field(default_factory=dict)   # ISO code -> "the army" of a report set there
    eras: tuple[Era, ...] = ()
    acronyms: frozenset[str] = frozenset()   # acronym aliases as written ("ISIS"), for the title case "Isis"
    capitalised: frozenset[str] = frozenset()   # folded aliases that are also plain phrases ("southern front")
    # folded aliases led by an acronym ("US army": not "told us army officers")
    acronym_led: frozenset[str] = frozenset()
    phrases: tuple[tuple[re.Pattern[str], Actor], ...] = ()   # descriptions that name an actor (``phrases``)
    the_army: dict[str, str] = field(default_factory=dict)   # actor id -> "refers" | "ambiguous" (``the_army``)

    @cached_property
    def starts(self) -> frozenset[str]:
        """The words an alias can start with."""
        return frozenset(k.split(" ", 1)[0] for k in self.aliases)

    def on(self, actor: Actor, day: str | None) -> Actor:
        """The actor as it stood on ``day`` (ISO, possibly ``YYYY-MM``): its bloc after the last era begun."""
        bloc, also = actor.bloc, actor.also
        for era in self.eras:
            if day is not None and day >= era.start and actor.id in era.actors:
                bloc, also = era.bloc, tuple(b for b in era.also if b != era.bloc)
        return actor if (bloc, also) == (actor.bloc, actor.also) else replace(actor, bloc=bloc, also=also)

    def allied(self, a: str, b: str) -> bool:
        """Whether two blocs are on the same side (``alliances`` in the registry)."""
        return a == b or any(a in group and b in group for group in self.alliances)

    def bloc(self, bloc_id: str) -> Bloc:
        """The bloc with this id (raises :class:`RegistryError` listing the known ones)."""
        if bloc_id not in self.blocs:
            raise RegistryError(f"bloc {bloc_id!r} is unknown; known blocs: {', '.join(self.blocs)}")
        return self.blocs[bloc_id]


def _blocs(data: dict, path: Path) -> dict[str, Bloc]:
    out: dict[str, Bloc] = {}
    for theatre in (data.get("theatres") or {}).values():
        for b in theatre.get("blocs", []):
            out.setdefault(b["id"], Bloc(b["id"], b.get("name", b["id"]), b.get("colour", "#777777")))
    if not out:
        raise RegistryError(f"{path}: no blocs defined under 'theatres'; see the file header")
    return out


def _index(actors: list[dict], blocs: dict[str, Bloc], path: Path) -> Registry:
    by_id: dict[str, Actor] = {}
    aliases: dict[str, tuple[Actor, bool]] = {}
    adjectives: dict[str, Actor] = {}
    acronyms: set[str] = set()
    capitalised: set[str] = set()
    acronym_led: set[str] = set()
    phrases: list[tuple[re.Pattern[str], Actor]] = []
    the_army: dict[str, str] = {}
    for entry in actors:
        if entry.get("bloc") not in blocs:
            raise RegistryError(f"{path}: actor {entry.get('id')!r} has bloc {entry.get('bloc')!r}; "
                                f"use one of {', '.join(blocs)}")
        actor = Actor(entry["id"], entry.get("name", entry["id"]), entry["bloc"], entry.get("kind", "force"))
        by_id[actor.id] = actor
        for alias in [actor.name, *entry.get("aliases", [])]:
            key = fold(str(alias))
            if key and key not in aliases:
                aliases[key] = (actor, _is_acronym(str(alias)))
            if _is_acronym(str(alias)):
                acronyms.add(str(alias).upper())
            elif " " in str(alias) and _is_acronym(str(alias).split(" ", 1)[0]):
                acronym_led.add(key)
        capitalised.update(fold(str(alias)) for alias in entry.get("only_capitalised", []))
        phrases += [(_phrase(str(rx), actor, path), actor) for rx in entry.get("phrases", [])]
        if "the_army" in entry:
            the_army[actor.id] = _the_army(entry, path)
        for adj in entry.get("adjectives", []):
            adjectives.setdefault(fold(str(adj)), actor)
    prefixes = {" ".join(k.split(" ")[:n]) for k in aliases for n in range(1, len(k.split(" ")))}
    return Registry(by_id, blocs, aliases, adjectives, frozenset(prefixes), path, acronyms=frozenset(acronyms),
                    capitalised=frozenset(capitalised), acronym_led=frozenset(acronym_led), phrases=tuple(phrases),
                    the_army=the_army)


def _phrase(pattern: str, actor: Actor, path: Path) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.I)
    except re.error as exc:
        raise RegistryError(f"{path}: actor {actor.id!r} has a phrase that is no regular expression ({exc}): "
                            f"{pattern!r}; fix or remove it") from exc


_THE_ARMY = ("refers", "ambiguous")


def _the_army(entry: dict, path: Path) -> str:
    value = entry["the_army"]
    if value not in _THE_ARMY:
        raise RegistryError(f"{path}: actor {entry.get('id')!r} has the_army {value!r}; "
                            f"use one of {', '.join(_THE_ARMY)}")
    return value


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return 1 < len(letters) <= 6 and all(c.isupper() for c in letters)


def _read(path: Path) -> dict:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"{path}: cannot read the actor registry ({exc}); fix the YAML or remove "
                            "the file") from exc


def user_registry_path() -> Path:
    """Where a user's own actors live: ``actors.yaml`` in the user data folder (``GEO_DATA_DIR``).

    It has the layout of ``gazetteer/actors.yaml``; its actors (and any extra blocs or
    alliances) are added to the embedded registry, and its aliases win over embedded ones.
    """
    from geo.gazetteer.store import user_db_path

    return user_db_path().parent / "actors.yaml"


def _merge(base: dict, extra: dict) -> dict:
    theatres = {k: dict(v) for k, v in (base.get("theatres") or {}).items()}
    for name, theatre in (extra.get("theatres") or {}).items():
        mine = theatres.setdefault(name, {})
        mine["blocs"] = list(mine.get("blocs", [])) + list(theatre.get("blocs", []))
        mine["alliances"] = list(mine.get("alliances", [])) + list(theatre.get("alliances", []))
    return {"theatres": theatres, "actors": list(extra.get("actors") or []) + list(base.get("actors") or [])}


@lru_cache(maxsize=4)
def load_registry(path: Path | None = None, user_path: Path | None = None) -> Registry:
    """Load the actor registry (cached): the embedded file plus the user's own, if any.

    Raises
    ------
    RegistryError
        When a file cannot be read or an actor names an unknown bloc.
    """
    path = path or data_dir() / "actors.yaml"
    data = _read(path)
    user = user_path or (user_registry_path() if path == data_dir() / "actors.yaml" else None)
    if user is not None and user.exists():
        data = _merge(data, _read(user))
    registry = _index(data.get("actors") or [], _blocs(data, path), path)
    groups = tuple(frozenset(g) for t in (data.get("theatres") or {}).values() for g in t.get("alliances", []))
    unknown = sorted({b for g in groups for b in g} - set(registry.blocs))
    if unknown:
        raise RegistryError(f"{path}: alliances name unknown blocs {', '.join(unknown)}; "
                            f"known blocs: {', '.join(registry.blocs)}")
    armies = _armies(data, registry, path)
    return replace(registry, alliances=groups, armies=tuple((word, actor) for word, actor, _ in armies),
                   country_armies={code: actor for _, actor, code in armies if code}, eras=_eras(data, registry, path))


def _eras(data: dict, registry: Registry, path: Path) -> tuple[Era, ...]:
    out = []
    for name, theatre in (data.get("theatres") or {}).items():
        for era in theatre.get("eras") or []:
            start, actors, bloc = str(era.get("from", "")), era.get("actors") or [], era.get("bloc")
            also = tuple(era.get("also") or ())
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", start):
                raise RegistryError(f"{path}: an era of theatre {name!r} starts {start!r}; give 'from' as YYYY-MM-DD")
            unknown = [a for a in actors if a not in registry.actors]
            if unknown or bloc not in registry.blocs or any(b not in registry.blocs for b in also):
                raise RegistryError(f"{path}: the era of theatre {name!r} from {start} names unknown actors "
                                    f"{unknown} or bloc {bloc!r} (also {list(also)}); use actor ids and bloc ids of "
                                    "the file")
            out.append(Era(start, frozenset(actors), bloc, also))
    return tuple(sorted(out, key=lambda e: e.start))


def in_their_time(mentions: list[ActorMention], registry: Registry, spans: list[tuple[int, int, str | None]]
                  ) -> list[ActorMention]:
    """The mentions with each actor's bloc on the date of its sentence (``spans``: start, end, ISO date).

    After Assad's fall "government forces" are the transitional government's (see ``eras`` in
    ``gazetteer/actors.yaml``); a sentence without a date of its own takes the report's.
    """
    if not registry.eras:
        return mentions
    out = []
    for m in mentions:
        day = next((d for s, e, d in spans if s <= m.start < e), None)
        actor = registry.on(m.actor, day)
        out.append(m if actor is m.actor else replace(m, actor=actor))
    return out


def _armies(data: dict, registry: Registry, path: Path) -> list[tuple[re.Pattern[str], Actor, str]]:
    out = []
    for name, theatre in (data.get("theatres") or {}).items():
        army = theatre.get("army")
        if not army:
            continue
        if army.get("actor") not in registry.actors or not army.get("country_word"):
            raise RegistryError(f"{path}: theatre {name!r} names army {army.get('actor')!r}, which is not an actor id "
                                "(or has no country_word); use the id of an actor in the file")
        out.append((re.compile(rf"\b{re.escape(army['country_word'])}"), registry.actors[army["actor"]],
                    str(army.get("country") or "")))
    return out


def find_actors(text: str, registry: Registry, toks: list[tuple[str, int, int]] | None = None,
                country: str = "") -> list[ActorMention]:
    """All actor mentions in ``text``, longest match first, without overlaps.

    "the army" is the army of the theatre whose country the text names, else of ``country`` (the ISO code
    of where the report is set: a SANA statement from Homs need not write "Syria").

    Examples
    --------
    >>> reg = load_registry()                                         # doctest: +SKIP
    >>> [m.actor.bloc for m in find_actors("Russian warplanes struck", reg)]  # doctest: +SKIP
    ['russia']
    """
    toks = tokens(text) if toks is None else toks
    out: list[ActorMention] = []
    i = 0
    while i < len(toks):
        hit = _longest(text, toks, i, registry) if toks[i][0] in registry.starts else None
        if hit:
            out.append(hit[0])
            i = hit[1]
            continue
        adj = registry.adjectives.get(toks[i][0])
        if adj and text[toks[i][1]].isupper():
            out.append(ActorMention(toks[i][1], toks[i][2], adj, adjective=True))
        elif text[toks[i][1]].isupper() and (shared := _shared_noun(text, toks, i, registry)) is not None:
            out.append(shared)
        i += 1
    out = _described(text, out, registry)
    army = next((actor for word, actor in registry.armies if word.search(text)), None) \
        or registry.country_armies.get(country)
    out = [a for a in out if not _ANOTHER_COALITION.match(text, a.start, a.end + 30)
           and not _VEHICLES.match(text, a.end)]
    out = _acronyms(text, _owned(text, out, registry))
    out = interviewee_mentions(text, _first_person(text, out))
    return _back_references(text, _allies(text, out, registry), registry, army)


# "Jaish al-Fatah, the coalition led by the former Nusra Front": a coalition the text describes, not the US-led one
_ANOTHER_COALITION = re.compile(r"[Tt]he\s+coalition\s+(?:led|formed|made\s+up|founded|set\s+up)\s+by\s+"
                                r"(?!the\s+(?:US|U\.S\.|United\s+States|Americans)\b"
                                r"|(?:the\s+)?(?:US|U\.S\.|Washington)\b)")
# "boarded green government buses": the buses' owner does not ride in them
_VEHICLES = re.compile(r"[\s-]+(?:buses|bus|coaches)\b", re.I)
_OURS = re.compile(r"\b[Oo]ur\s+(?:own\s+)?(?:forces|fighters|troops|units|men|soldiers|positions)\b|\b[Oo]urs\b")
_SAYS = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:said|says|told|added|stressed|stated|insisted|declared)\b")
_SAID_BY = re.compile(r"\b(?:said|says|told|added|stressed|stated|insisted|declared)\s+(?:[\w-]+\s+){0,4}?$")


_WE = re.compile(r"\b(?:[Ww]e|us)\b(?!\s*['’])")


def _inside_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a quotation opened earlier in its paragraph."""
    para = text[text.rfind("\n", 0, pos) + 1:pos]
    return para.count("“") > para.count("”") or (para.count("“") == 0 and para.count('"') % 2 == 1)


_LINE_BREAK = re.compile(r"[.!?][\s”\"]*\n|\n")


def _first_person(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """ "'Deir Hafer is still held by our forces,' a senior SDF commander said": "our forces" are the
    speaker's, and so are "we" and "us" inside the quotation."""
    extra = []
    quoted_we = [m for m in _WE.finditer(text) if _inside_quote(text, m.start())]
    for m in sorted([*_OURS.finditer(text), *quoted_we], key=lambda m: m.start()):
        if any(a.start <= m.start() < a.end for a in found):
            continue
        after = [a for a in found if m.end() <= a.start < m.end() + 250 and not a.adjective
                 and not _LINE_BREAK.search(text[m.end():a.start])
                 and (_SAYS.match(text, a.end) or _SAID_BY.search(text, max(0, a.start - 40), a.start))]
        before = [a for a in found if m.start() - 250 < a.end <= m.start() and not a.adjective
                  and "\n" not in text[a.end:m.start()] and _SAYS.match(text, a.end)]
        if m.group() in ("we", "We", "us"):   # "The Russians told us": a speaker inside the quotation is not "we"
            after = [a for a in after if not _inside_quote(text, a.start)]
            before = [a for a in before if not _inside_quote(text, a.start)]
        speaker = after[0] if after else (before[-1] if before else None)
        if speaker is not None:
            extra.append(ActorMention(m.start(), m.end(), speaker.actor))
    return sorted(found + extra, key=lambda a: a.start) if extra else found


_DEFINED = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,5})\s*\)")   # "Government of Syria (GoS)"


def _acronyms(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """An acronym a report defines for an actor names it from there on: "Government of Syria (GoS) ...
    GoS forces took Khan Shaykhun"."""
    extra: list[ActorMention] = []
    for a in found:
        defined = _DEFINED.match(text, a.end)
        if a.adjective or defined is None or sum(c.isupper() for c in defined[1]) < 2:
            continue
        for m in re.finditer(rf"\b{re.escape(defined[1])}s?\b", text[defined.end():]):
            s, e = defined.end() + m.start(), defined.end() + m.end()
            if not any(b.start < e and s < b.end for b in found + extra):
                extra.append(ActorMention(s, e, a.actor))
    return sorted(found + extra, key=lambda a: a.start) if extra else found


_ALLIED = re.compile(r"(?:allied|affiliated)\b", re.I)
_AND_ITS = re.compile(r"\)?(?:\s*\([^()]{1,30}\))?\s+and\s+(?:its\s+|their\s+)?", re.I)   # "HTS) and allied"


def _allies(text: str, found: list[ActorMention], registry: Registry) -> list[ActorMention]:
    """ "HTS and allied factions" are HTS's side; "Turkey and its allied factions" stay the factions, whose
    bloc is Turkey's ally (``alliances`` in the registry)."""
    out = list(found)
    for i in range(1, len(out)):
        prev, a = out[i - 1], out[i]
        if _ALLIED.match(text, a.start) and _AND_ITS.fullmatch(text, prev.end, a.start) and not prev.adjective \
                and not registry.allied(prev.actor.bloc, a.actor.bloc):
            out[i] = ActorMention(a.start, a.end, prev.actor, a.adjective)
    return out


_POSSESSIVE_GAP = re.compile(r"(?:['’]s?)?\s+(?:new\s+)?")


def _owned(text: str, found: list[ActorMention], registry: Registry) -> list[ActorMention]:
    """Whose a general name is: "Turkey's Defence Ministry" is Turkey's; "the Defence Ministry" after
    "the Russian Defence Ministry" is Russia's (a name that an earlier one repeats after a nationality)."""
    out: list[ActorMention] = []
    words: list[list[str]] = []   # folded words of each mention in ``out``
    for a in found:
        own = fold(text[a.start:a.end]).split()
        prev = out[-1] if out else None
        gap = text[prev.end:a.start] if prev else ""
        if prev is not None and not prev.adjective and not a.adjective and prev.actor.bloc != a.actor.bloc \
                and _POSSESSIVE_GAP.fullmatch(gap) and (gap[:1] in "'’" or text[prev.start:prev.end].endswith(("'s", "’s"))):
            a = ActorMention(a.start, a.end, prev.actor, a.adjective)
        elif not a.adjective:
            longer = [b for b, w in zip(out, words) if not b.adjective and b.actor.bloc != a.actor.bloc
                      and w[1:] == own and w[0] in registry.adjectives]
            if longer:
                a = ActorMention(a.start, a.end, longer[-1].actor, a.adjective)
        out.append(a)
        words.append(own)
    return out


_HEAD_NOUN = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]round|[Aa]bout|[Ss]ome|[Dd]ozens\s+of|[Hh]undreds\s+of)\s+(?:\d[\d,]*\s+)?"
                        r"(?:(?:advancing|attacking|invading|retreating|withdrawing|remaining|same|evacuated|departing|besieged)\s+)?"   # "fell to the advancing troops"
                        r"(militias?|militiamen|troops|soldiers|fighters|gunmen|jihadists|mercenaries|police|newcomers|patrol|"
                        r"occupation|group|organi[sz]ation|movement(?!\s+of\b)|militants|terrorists|ministry|"
                        r"Ministry(?!\s+(?:of|for)\b))"
                        r"(?:(?<=occupation)\s+(?:army|forces))?\b"
                        r"|\b(?:[Tt]he\s+|[Aa]n?\s+)?([Aa]rmy|[Mm]inistry)(?=(?:['’]s)?\s+(?:(?:ground|air|new|major|"
                        r"large-scale|full-scale|final|renewed)\s+)?(?:units?|reinforcements|troops|convoys?|"
                        r"columns?|vehicles|tanks|trucks|lorries|buses|transporters|jeeps|bulldozers|patrols?|"
                        r"artillery|helicopters|offensive|operation|push|assault|advance|shelling|bombardment|"
                        r"counter-?(?:offensive|attack)|"
                        r"officers|personnel|hands|control)\b|-(?:held|controlled|run)\b)"
                        r"|\b[Tt]he\s+(army)\b(?!\s+of\b)"   # "in army hands", "under army control"
                        # state media: "units of our heroic army"
                        r"|\b[Oo]ur\s+(?:(?:heroic|valiant|brave|national)\s+)?(army)\b"
                        r"|\b[Tt]he\s+(air\s+force)\b(?!\s+of\b)"   # "The air force carried out sorties on A"
                        r"|\b(?:[Tt]he\s+)?([Tt]errorist)\s+(?:organi[sz]ations|groups)\b"   # "terrorist organizations
                        #                                                                deployed in X"
                        r"|(?<=\s)([Tt]roops|[Ss]oldiers)(?=\s+(?:had\s+|have\s+)?"
                        r"(?:first\s+|then\s+|later\s+|also\s+|finally\s+)?"
                        r"(?:seized|captured|took|entered|stormed|"
                        r"overran|swept|advanced|withdrew|retook|recaptured|moved|pushed|raised|raising|hoisted|"
                        r"hoisting|pulled|retreated|fell\s+back|deployed|shelled|fired|clashed|"
                        r"(?:based|stationed|posted|garrisoned)\s+(?:in|at|around|near|on)\s+[^.;]{1,120}?\s+"
                        r"(?:had\s+(?:already\s+)?|were\s+seen\s+)?(?:pulled|withdrew|retreated|driving|drove))\b)")
# (the last: "On July 7 troops seized the factories", "soldiers raising the flag", "troops pulled back", "Soldiers
# stationed at Ithriyah ... were seen driving south-west"; not "troops stationed at A came under fire": whose they are
# where Turkey keeps posts)
_NAMED_BEFORE = re.compile(r"(?:\)|\b[A-Z][\w’'-]*|\b(?:allied|friendly|enemy|foreign)|-\w+)\s+$")
_ARMY_NEAR = 300   # characters: "the Turkish army ... the army" refers back only this far; further on, "the army"
#                    is the theatre's own (a report on Idlib that named the Turkish army paragraphs before)
# "the militants", "the jihadists": the armed group named last (never a state's forces: "army units fought the
# militants")
_ARMED_GROUP_NOUNS = frozenset({"militant", "jihadist"})
# "the group", "the organisation": the non-state armed group named last (Hezbollah as much as IS)
_GROUP_NOUNS = frozenset({"group", "organisation", "organization", "movement"})   # "Ahrar ... the movement's columns"
_STATE_KINDS = frozenset({"government", "police", "air-force"})
_ARMED_GROUP_BLOCS = frozenset({"isis", "hts", "opposition"})
_ARMIES = frozenset({"army", "air force"})   # "the army", "the air force": a state's, told before or the theatre's
_FORCE_NOUNS = frozenset({"troop", "soldier", "fighter", "newcomer", "patrol"})   # named by any force: "government forces ... 200 soldiers"


_OF_PARTY = re.compile(r"\s+(?:of|from)\s+((?i:the)\s+)?")


@lru_cache(maxsize=64)
def _noun_after_rx(noun: str) -> re.Pattern[str]:
    """The head noun a word or two after a party's name ("IS group jihadists")."""
    return re.compile(rf"\s+(?:(?!(?:[\w-]+ed|hit|hits|struck|strikes|says|targets)\s)[\w-]+\s+)?{noun}", re.I)


@lru_cache(maxsize=64)
def _noun_of_rx(noun: str) -> re.Pattern[str]:
    """The head noun just before a party's name ("the terrorists of")."""
    return re.compile(rf"\b{noun}s?\s+of\s+(?:the\s+)?$", re.I)


_SENTENCE_END = re.compile(r"[.!?\n]")


def _back_references(text: str, found: list[ActorMention], registry: Registry,
                     registry_army: Actor | None = None) -> list[ActorMention]:
    """ "the militias" is the last actor named with that noun ("Iranian-backed militias ... the militias").

    "the army" refers back only to a force the registry marks ``the_army: refers`` (a state's army), and
    naming one marked ``ambiguous`` ("the Syrian National Army") leaves it unresolved; other groups named
    "army" ("Jaysh al-Izza", the "Army of Glory") say nothing about it."""
    extra: list[ActorMention] = []
    named_at = {a.start for a in found if not a.adjective}
    for m in _HEAD_NOUN.finditer(text):
        if any(a.start <= m.start() < a.end or a.start < m.end() <= a.end for a in found):
            continue
        noun = next(g for g in m.groups() if g).casefold().rstrip("s")
        if (of := _OF_PARTY.match(text, m.end())) and (of.start(1) in named_at or of.end() in named_at) \
                and not (noun == "army" and of.group().lstrip().startswith("from")):
            continue   # "hundreds of fighters of the factions": the party named after them, not one named before
            #            (but "taken by the army from ISIS": ISIS lost it)
        if m.group().casefold() in ("soldiers", "troops"):   # bare "soldiers" in a report on a country are
            if registry_army is not None and not _NAMED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                extra.append(ActorMention(m.start(), m.end(), registry_army))   # its army's (rebels are "fighters");
            continue                                                            # "(GoS) troops" are the acronym's
        pool = found + extra   # "200 soldiers ... the newcomers": a reference refers on
        named = [a for a in pool if a.end <= m.start() and not a.adjective
                 and (noun in text[a.start:a.end].casefold() or (noun in _FORCE_NOUNS and m.start() - a.end < 400)
                      # "IS group jihadists" (not "Israel hit militia")
                      or _noun_after_rx(noun).match(text[a.end:a.end + 30])
                      or _noun_of_rx(noun).search(text[max(0, a.start - 30):a.start]))   # "the
                 # terrorists of Jabhat al-Nusra ... the terrorists"
                 and not (noun == "army" and registry.the_army.get(a.actor.id) != "refers")
                 and not (noun in _ARMIES and registry_army is not None and m.start() - a.end > _ARMY_NEAR)]
        if not named and noun in _ARMED_GROUP_NOUNS:
            named = [a for a in pool if a.end <= m.start() and not a.adjective and m.start() - a.end < 400
                     and a.actor.bloc in _ARMED_GROUP_BLOCS]
        if noun in _GROUP_NOUNS:
            group = _group_meant(text, found, pool, m.start(), noun)
            if group is not None:
                extra.append(ActorMention(m.start(), m.end(), group))
            continue
        if not named and noun in _ARMIES and registry_army is not None \
                and not any(noun in text[a.start:a.end].casefold()
                            and (noun != "army" or a.actor.id in registry.the_army)
                            for a in pool if 0 <= m.start() - a.end <= _ARMY_NEAR):
            named = [ActorMention(m.start(), m.end(), registry_army)]   # "the army" in a report naming no other army
        subjects = [a for a in named if not any(b.end <= a.start and not _SENTENCE_END.search(text[b.end:a.start])
                                                for b in pool)]
        if named:   # the force named last, preferably as the subject of its sentence
            last = max(subjects or named, key=lambda a: a.end)
            extra.append(ActorMention(m.start(), m.end(), last.actor))
    return _short_names(text, sorted(found + extra, key=lambda a: a.start) if extra else found)


@lru_cache(maxsize=16)
def _noun_next_rx(noun: str) -> re.Pattern[str]:
    """The group noun right after a party's name ("the Islamic State organisation")."""
    return re.compile(rf"\s+{noun}\b", re.I)


def _group_meant(text: str, found: list[ActorMention], pool: list[ActorMention], at: int, noun: str) -> Actor | None:
    """ "the group", "the organisation": the last group named with that word ("the Islamic State organisation ...
    the organisation"), else the non-state armed group named last within 400 characters ("The US, which
    designates HTS a terrorist organisation, was alarmed by the group's incursion"; "drove ISIS out of al-Bab,
    the largest town the group held")."""
    called = [a for a in found if a.end <= at and a.actor.kind not in _STATE_KINDS
              and (text[a.start:a.end].casefold().endswith(" " + noun)
                   or _noun_next_rx(noun).match(text[a.end:a.end + 20]))]
    if called:
        return max(called, key=lambda a: a.end).actor
    armed = [a for a in pool if a.end <= at and not a.adjective and at - a.end < 400
             and (a.actor.bloc in _ARMED_GROUP_BLOCS or a.actor.kind == "militia")
             and a.actor.kind not in _STATE_KINDS]
    return max(armed, key=lambda a: a.end).actor if armed else None


# "the Military Council" after "the Manbij Military Council"; "the council" too. Army and forces need a
# second word ("the National Army"): "the army" alone is whichever army the reader has in mind.
_SHORT_NAME = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w-]+\s+){1,3}(?:Army|Forces|Guard)|(?:[A-Z][\w-]+\s+){0,3}"
                         r"(?:Council|Front|Brigade|Division|Legion|Corps|Regiment|Battalion|Movement|Committee)|"
                         r"council|front|brigade|division|legion|corps|regiment|battalion|movement|committee)(?![\w-])"
                         r"(?!\s+(?:of|for)\s+[A-Z])")   # not "the Council of Elders"


def _short_names(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """A group named again by the last words of its name refers to the last group so named."""
    extra = []
    for m in _SHORT_NAME.finditer(text):
        if any(a.start < m.end() and m.start() < a.end for a in found):
            continue
        words = fold(m.group(1)).split()
        named = [a for a in found if a.end <= m.start() and not a.adjective
                 and fold(text[a.start:a.end]).split()[-len(words):] == words
                 and len(fold(text[a.start:a.end]).split()) > len(words)]
        if named:
            extra.append(ActorMention(m.start(1), m.end(1), named[-1].actor))
    return sorted(found + extra, key=lambda a: a.start) if extra else found


_AND_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s+")


def _shared_noun(text: str, toks: list, i: int, reg: Registry) -> ActorMention | None:
    """ "Syrian and Russian warplanes": the first adjective takes the noun of the second, and names
    the force its registry alias does ("Syrian warplanes")."""
    k = i + 2 if i + 1 < len(toks) and toks[i + 1][0] == "and" else i + 1   # the other adjective
    if k + 1 >= len(toks) or not text[toks[i][1]].isupper() or toks[k][0] not in reg.adjectives \
            or not _AND_GAP.fullmatch(text[toks[i][2]:toks[k][1]]) \
            or not _joined(text, toks[k][2], toks[k + 1][1]):
        return None
    entry = reg.aliases.get(f"{toks[i][0]} {toks[k + 1][0]}")
    return ActorMention(toks[i][1], toks[i][2], entry[0]) if entry and not entry[1] else None


_POSSESSIVE_END = re.compile(r"['’]s$")   # "the SDF's positions": the capitals are the name's


def _longest(text: str, toks: list, i: int, reg: Registry) -> tuple[ActorMention, int] | None:
    best = None
    key = ""
    for j in range(i, min(i + _MAX_WORDS, len(toks))):
        if j > i and not _joined(text, toks[j - 1][2], toks[j][1]):
            break
        key = toks[j][0] if j == i else f"{key} {toks[j][0]}"
        entry = reg.aliases.get(key)
        if entry and (not entry[1] or _acronym_written(_POSSESSIVE_END.sub("", text[toks[i][1]:toks[j][2]]), reg)) \
                and (key not in reg.capitalised or all(text[t[1]].isupper() for t in toks[i:j + 1])) \
                and (key not in reg.acronym_led or _POSSESSIVE_END.sub("", text[toks[i][1]:toks[i][2]]).isupper()):
            best = (ActorMention(toks[i][1], _abbreviation_end(text, toks[j][2]), entry[0]), j + 1)
        if key not in reg.prefixes:
            break
    return best


def _described(text: str, found: list[ActorMention], registry: Registry) -> list[ActorMention]:
    """``found`` with the actors named by a description of ``phrases`` where no alias was matched."""
    extra = [ActorMention(m.start(), m.end(), actor) for rx, actor in registry.phrases for m in rx.finditer(text)
             if not any(a.start < m.end() and m.start() < a.end for a in found)]
    return sorted(found + extra, key=lambda a: a.start) if extra else found


def _acronym_written(word: str, reg: Registry) -> bool:
    """An acronym in capitals ("ISIS"), or of four letters or more in the title case some papers use ("Isis",
    not the name "Anas" for AANES)."""
    return word.isupper() or (len(word) >= 4 and word.istitle() and word.upper() in reg.acronyms)


def _abbreviation_end(text: str, end: int) -> int:
    """The end of a name, with the dot of a one-letter abbreviation it ends in ("U.S.")."""
    return end + 1 if text[end:end + 1] == "." and text[end - 1:end].isupper() and not text[end - 2:end - 1].isalnum() \
        else end


def _joined(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    if gap.startswith(".") and text[end - 1:end].isupper() and not text[end - 2:end - 1].isalnum():
        gap = gap[1:]   # "U.S. forces", "U.S.-led": the dot of a one-letter abbreviation
    return len(gap) <= 6 and not any(c in gap for c in ".,;:!?()[]\"“”\n")
