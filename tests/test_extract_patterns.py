"""geo.extract.patterns: alternations of the pattern file's fragments."""
from __future__ import annotations

import re

from geo.extract.patterns import alternation


def test_longest_fragment_wins_on_word_boundaries():
    rx = re.compile(alternation(["held", "held by"]))
    assert rx.search("Tal Tamr, held by the SDF").group() == "held by"
    assert rx.search("withheld") is None


def test_an_empty_list_matches_nothing():
    rx = re.compile(alternation([]))
    assert rx.search("") is None and rx.search("anything at all") is None
