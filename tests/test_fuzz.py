"""Property test: extract() never raises on arbitrary text and all spans point into it."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.errors import InputError
from geo.extract.pipeline import extract
from geo.ingest import article_from_text

_ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
_MARKS = st.sampled_from(["\u200f", "\u202e", "\u200b", "\u200c", "\u200d", "\u200e", "\u202c"])
_WORDS = st.sampled_from([
    "Kobani", "Ras al-Ain", "west of", "15 km east of", "Aleppo", "Idlib", "the outskirts of", "between",
    "and", "Turkish", "Russian", "SDF", "HTS", "IS", "struck", "patrol", "held by", "under", "control",
    "in exchange for", "Swap:", "from", "to", "the village of", "Gen.", "U.S.", "said", "may", ",", ".",
    "\n", " ", "منبج", "مدينة", "Tronba", "the town", "countryside", "Mustafa Bakour", "Astana",
])
_PIECE = st.one_of(st.text(max_size=20), st.text(_ARABIC, max_size=15), _MARKS, _WORDS,
                   st.text(st.characters(codec="utf-8"), max_size=10))
_TEXTS = st.one_of(
    st.lists(_PIECE, max_size=40).map("".join),
    st.lists(_WORDS, min_size=1, max_size=60).map(" ".join),
    st.builds(lambda w, n: (w + " ") * n, _WORDS, st.integers(50, 400)),   # very long line, no full stop
)


def _check(text, gaz):
    ex = extract(article_from_text(text, "fuzz.txt"), gazetteer=gaz)
    n = len(text)
    for c in ex.claims:
        s, e = c.span
        assert 0 <= s <= e <= n
        assert text[s:e] == c.evidence
        for a, b in c.details.get("location_spans", ()):
            assert 0 <= a <= b <= n
    for p in ex.places:
        for a, b in p.spans:
            assert 0 <= a <= b <= n
    return ex


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(_TEXTS)
def test_extract_never_raises_and_spans_fit(gazetteer, text):
    if not text.strip():
        return
    _check(text, gazetteer)


@pytest.mark.parametrize("text", [
    "\u202eTurkish drones struck Kobani\u202c",
    "Turkish\u200b drones struck Ko\u200dbani\u200f.",
    "قصفت طائرات روسية مدينة منبج \u200f و Kobani",
    "Kobani " * 2000,
    "a" * 5000,
    "Swap:",
    "the village of",
    "between Ariha and",
    "15 km east of",
])
def test_edge_cases(gazetteer, text):
    _check(text, gazetteer)


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n", "\u3000"])
def test_blank_text_raises_input_error(text):
    with pytest.raises(InputError):
        article_from_text(text, "fuzz.txt")
