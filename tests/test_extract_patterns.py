"""geo.extract.patterns: alternations of the pattern file's fragments."""
from __future__ import annotations

import re

import pytest

from geo.errors import RegistryError
from geo.extract.patterns import _rx, alternation, first_letters


def test_longest_fragment_wins_on_word_boundaries():
    rx = re.compile(alternation(["held", "held by"]))
    assert rx.search("Tal Tamr, held by the SDF").group() == "held by"
    assert rx.search("withheld") is None


def test_an_empty_list_matches_nothing():
    rx = re.compile(alternation([]))
    assert rx.search("") is None and rx.search("anything at all") is None


@pytest.mark.parametrize("fragment", ["left (?!it to)", "held by ", r"restored\s+", r"held by\s(?=the)"])
def test_a_fragment_ending_on_a_space_is_refused_with_the_fix(fragment):
    with pytest.raises(RegistryError, match="ends on a space"):
        _rx([fragment])


@pytest.mark.parametrize("fragment", ["(?<=(?:their|its) )target", "held (by", "*seized"])
def test_a_fragment_that_is_no_regular_expression_is_named_with_the_fix(fragment):
    with pytest.raises(RegistryError, match=re.escape(repr(fragment)) + " is not a valid regular expression"):
        _rx(["captured", fragment])


@pytest.mark.parametrize("fragment", ["left(?! it to)", "remains(?= ours)", "held by"])
def test_a_fragment_ending_at_a_word_boundary_is_taken(fragment):
    assert _rx([fragment]).pattern


@pytest.mark.parametrize("pattern, letters", [
    ("(?:held|seized)", "HShs"),
    ("(?:(?:has |had )?ruled|took)", "HRThrt"),        # an optional word: its letters and the next word's
    ("(?:(?<!to )enter|\\bstorm)", "ESes"),             # lookarounds consume nothing
    ("(?:[Tt]ook|pull(?:ed)? out)", "PTpt"),
    ("(?:\\w+ held)", None),                            # any letter
    ("(?:(?:the )?)", None),                            # may match nothing
    ("(?:held|.)", None),
])
def test_first_letters_of_a_pattern(pattern, letters):
    assert first_letters(pattern) == letters


def test_the_first_letter_lookahead_changes_no_match():
    words = ["held", "(?:has |have )?ruled", "(?<!to )enter(?= al-)", "pull(?:ed)? out", "took over"]
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w-])", re.I)
    ahead = re.compile(alternation(words), re.I)
    assert "(?=[" in ahead.pattern
    text = ("Rebels held Tafas, which HTS had ruled; the army went to enter al-Bab and would enter al-Rai. "
            "They pulled out, took over Ariha, Ruled? RULED. Upheld, unheld, pull out, withheld.")
    assert [m.span() for m in ahead.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_splitting_a_long_list_by_first_letter_changes_no_match():
    words = ["held", "(?:has |have )?ruled", "(?<!to )enter(?= al-)", "pull(?:ed)? out", "took over", "seized",
             "shelled", "(?:re)?took", "hold", "holds", "overran", "stormed", "(?:[Tt]ook|pull(?:ed)?) back"]
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w-])", re.I)
    split = re.compile(alternation(words), re.I)
    assert "(?=[hH])" in split.pattern
    text = ("Rebels held Tafas, which HTS had ruled; the army went to enter al-Bab and would enter al-Rai. "
            "They pulled out, took over Ariha, Ruled? RULED. Upheld, unheld, pull out, withheld. Retook, "
            "retaken, holds and hold; stormed, overran Saraqib, shelled, seized, took back, Pulled back.")
    assert [m.span() for m in split.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("section", ["events", "events_if_possible"])
def test_an_unknown_event_type_in_a_pattern_file_is_named_with_the_choices(tmp_path, section):
    import yaml

    from geo.extract.patterns import load_patterns
    from geo.gazetteer.sources import data_dir

    data = yaml.safe_load((data_dir() / "patterns.yaml").read_text(encoding="utf-8"))
    data[section] = {**data.get(section, {}), "bombing": ["bombed"]}
    path = tmp_path / "patterns.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RegistryError, match=r"patterns\.yaml: event type 'bombing' is unknown; use one of strike"):
        load_patterns(path)


def test_words_of_a_possible_event_are_kept_apart_from_the_event_words():
    from geo.extract.patterns import load_patterns
    from geo.model import EventType

    patterns = load_patterns()
    assert patterns.events_if_possible[EventType.MILITARY_ACTION].search("the army could reach Saraqib")
    assert not patterns.events[EventType.MILITARY_ACTION].search("the army could reach Saraqib")
