"""geo.extract.patterns: alternations of the pattern file's fragments."""
from __future__ import annotations

import re

import pytest

from geo.errors import RegistryError
from geo.extract.patterns import _rx, alternation


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


@pytest.mark.parametrize("fragment", ["left(?! it to)", "remains(?= ours)", "held by"])
def test_a_fragment_ending_at_a_word_boundary_is_taken(fragment):
    assert _rx([fragment]).pattern
