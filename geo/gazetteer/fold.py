"""Name folding: one key on which the usual spelling variants of a place meet.

Transliterated Arabic place names come in many spellings: *Jisr al-Shughur*,
*Jisr ash-Shoghour*, *Jisr ash Shughūr*. :func:`fold` maps each to the same
key (``"jisr shughur"``) so that one dictionary lookup finds them all.

The rules, applied per word of Latin script:

* Unicode NFKD, diacritics dropped, case folded; apostrophes, ayn and hamza
  marks (``' ‘ ’ ʿ ʾ ` ´``) removed; hyphens and punctuation split words.
* Arabic articles (``al el ul ad ar as ash at az an adh ath``) dropped.
* Generic words unified: Tal/Tall/Tell → ``tal``; Ain/Ayn/Ein → ``ain``;
  Jabal/Jebel/Jabel/Mount/Mountain → ``jabal`` (moved first, so *Zawiya
  Mountain* meets *Jabal al-Zawiya*); Kafr/Kfar/Kfr → ``kafr``;
  Deir/Dayr/Dair → ``dair``.
* Vowels: ``ee`` → ``i``, ``e`` → ``a``, ``o`` → ``u`` (so ou/oo → u and
  ei/ey/ay → ai); final ``ah``/``eh`` → ``a``; doubled letters collapsed.

Arabic script: tatweel and harakat dropped; alef forms (أ إ آ ٱ) → ا, ta
marbuta ة → ه, alef maqsura ى → ي, and the article ال dropped from the front
of a word.

Examples
--------
>>> fold("Jisr ash-Shoghour") == fold("Jisr al-Shughur")
True
>>> fold("Zawiya Mountain") == fold("Jabal al-Zawiya")
True
>>> fold("إدلب") == fold("ادلب")
True
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_word", "tokens", "skeleton", "plain_letters", "ARTICLES", "NAME_PARTS", "FOLD_VERSION"]

FOLD_VERSION = 6
"""Bumped whenever a rule changes, so compiled indexes (whose keys are folded names) rebuild."""

ARTICLES = frozenset({
    "al", "el", "ul", "il", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath",
    "ed", "er", "es", "esh", "et", "ez", "en",
})
"""Arabic definite-article forms dropped from Latin-script names (after folding)."""

_SYNONYMS = {
    "tall": "tal", "tell": "tal", "tel": "tal",
    "ayn": "ain", "ein": "ain", "ayin": "ain", "aine": "ain",
    "jabal": "jabal", "jebel": "jabal", "jabel": "jabal", "jebal": "jabal", "jbal": "jabal",
    "mount": "jabal", "mountain": "jabal", "mountains": "jabal", "mt": "jabal",
    "kafr": "kafr", "kfar": "kafr", "kfr": "kafr", "kefr": "kafr", "kafar": "kafr",
    "deir": "dair", "dayr": "dair", "dair": "dair", "der": "dair",
}
NAME_PARTS = frozenset({"tal", "ain", "kafr", "dair", "ras", "khan", "wadi", "jisr", "jabal", "abu", "umm", "bir",
                        "tall", "mazraat", "qalat", "sahl", "marj", "birkat", "zur", "qasr", "khirbat"})
"""Folded generic words that open Arabic place names (Tal, Ain, Deir, Kafr ...): not a name alone."""
_MOVE_FIRST = frozenset({"jabal"})
_MARKS = str.maketrans("", "", "'‘’ʿʾ`´ʻʼ\u02bf\u02be")
_ARABIC_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ـ": None,
    "ؤ": "و", "ئ": "ي",
})
# Combining marks (decomposed Latin diacritics, Arabic harakat) continue a word.
_MARK_CHARS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_LETTER = rf"[^\W_](?:[^\W_]|[{_MARK_CHARS}])*"
_WORD = re.compile(rf"{_LETTER}(?:['‘’ʿʾ`´]{_LETTER})*", re.UNICODE)
# Latin letters that NFKD does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                               "ħ": "h", "Ħ": "H"})
_POSSESSIVE = frozenset({"'s", "’s"})
_DOUBLE = re.compile(r"(.)\1+")


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


def _strip_marks(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_latin(word: str) -> str:
    word = _SYNONYMS.get(word, word)
    if word in _SYNONYMS.values():
        return word
    word = word.replace("ee", "i").replace("e", "a").replace("o", "u")
    word = word.replace("ay", "ai").replace("aw", "u")
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 3 and word.endswith("ah"):
        word = word[:-1]
    return word


def _fold_arabic(word: str) -> str:
    word = word.translate(_ARABIC_MAP)
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    return word


@lru_cache(maxsize=1 << 20)
def fold_word(word: str) -> str:
    """Fold one word; return ``""`` for a word that folding drops (an article).

    Parameters
    ----------
    word : str
        One word, as it appears in text (any case, with or without marks).

    Returns
    -------
    str
        The folded word.

    Examples
    --------
    >>> fold_word("Shughūr"), fold_word("al"), fold_word("Tell")
    ('shughur', '', 'tal')
    """
    word = _strip_marks(word).translate(_MARKS).casefold()
    if not word:
        return ""
    if _is_arabic(word):
        return _fold_arabic(word)
    if word in ARTICLES:
        return ""
    return _fold_latin(word)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Split ``text`` into folded words with their character spans.

    Dropped words (articles) are left out; spans index the original text.

    Examples
    --------
    >>> [t[0] for t in tokens("Ras al-Ain")]
    ['ras', 'ain']
    """
    out = []
    for m in _WORD.finditer(text):
        raw = m.group()
        if raw[-2:] in _POSSESSIVE and (len(raw) > 5 or raw[:-2].isupper() or (raw[0].isupper() and len(raw) > 4)):
            # "Turkey's", "the SDF's", "al-Bab's" (not "Ra's al-Ain": "Ra's" is "Ras")
            raw = raw[:-2]
        folded = fold_word(raw)
        if folded:
            out.append((folded, m.start(), m.end()))
    return out


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Fold a whole name into its lookup key (folded words joined by one space).

    Parameters
    ----------
    name : str
        A place name in Latin or Arabic script.

    Returns
    -------
    str
        The key; ``""`` when nothing is left (e.g. only punctuation).

    Examples
    --------
    >>> fold("Ma'arrat al-Nu'man") == fold("Maarat al-Numan")
    True
    >>> fold("Tell Rifaat")
    'tal rifat'
    """
    words = [t[0] for t in tokens(name)]
    if len(words) > 1 and words[-1] in _MOVE_FIRST:
        words = [words[-1], *words[:-1]]
    return " ".join(words)


@lru_cache(maxsize=1 << 16)
def plain_letters(name: str) -> str:
    """Case-folded letters and digits of a name, without marks or punctuation.

    Two spellings with the same plain letters are "spelled the same" for
    ranking, e.g. ``"Ras al-Ayn"`` and ``"Ras Al Ayn"``.

    Examples
    --------
    >>> plain_letters("Ras al-Ayn") == plain_letters("ras Al Ayn") == "rasalayn"
    True
    """
    return "".join(c for c in _strip_marks(name).casefold() if c.isalnum())


_VOWELS = re.compile(r"(?<=.)[aeiouwy]+")


@lru_cache(maxsize=1 << 16)
def skeleton(key: str) -> str:
    """Reduce a folded key to its consonant skeleton (a looser second-tier key).

    Each word keeps its first letter and drops later vowels and the
    semi-vowels ``w``/``y``, so *Tronba*, *Turnbah* and *Tarnabah* all give
    ``"trnb"``; ghayn's ``gh`` is ``g`` and dhal's ``dh`` is ``th``. Arabic-script keys are returned
    unchanged. Callers should only trust skeletons of four or more letters.

    Examples
    --------
    >>> skeleton(fold("Tronba")) == skeleton(fold("Tarnabah"))
    True
    >>> skeleton(fold("Saraqeb")) == skeleton(fold("Saraqib"))
    True
    >>> skeleton(fold("Gharanij")) == skeleton(fold("Granij"))   # ghayn written "g" (Turkish, French maps)
    True
    >>> skeleton(fold("Lathiqiyah")) == skeleton(fold("Ladhiqiyah"))   # dhal written "th" as often as "dh"
    True
    """
    if not key or _is_arabic(key):
        return key
    return " ".join(_DOUBLE.sub(r"\1", _VOWELS.sub("", w.replace("gh", "g").replace("dh", "th")))
                    for w in key.split(" "))
