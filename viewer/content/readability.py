"""Flesch-Kincaid grade level of plain English, for the patient text of handouts.

grade = 0.39 * words per sentence + 11.8 * syllables per word - 15.59. Each
item of a list is its own sentence (a handout prints it as its own line).
Syllables are counted by vowel groups with the usual English corrections: a
heuristic, right to within a syllable on most words, which is what the
formula was built on too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s+|$)|;\s+|:\s+")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    word = word.lower().removesuffix("'s")
    if len(word) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(word))
    # A final silent e ("bone", "rest" has none), but not "-le" after a consonant ("ankle").
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    # Past tense -ed is silent unless after t or d ("walked" 1, "rested" 2).
    if word.endswith("ed") and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1
    # Vowel pairs said as two syllables.
    count += len(re.findall(r"ia|io(?!u)|ua|uo", word))
    return max(count, 1)


def sentences(texts: Iterable[str]) -> list[list[str]]:
    """The words of each sentence; every text is at least one sentence."""
    found: list[list[str]] = []
    for text in texts:
        for part in _SENTENCE_END.split(text):
            words = _WORD.findall(part)
            if words:
                found.append(words)
    return found


def grade(texts: Iterable[str]) -> float:
    """Flesch-Kincaid grade level of the texts together; 0.0 for no words."""
    parts = sentences(texts)
    words = [word for sentence in parts for word in sentence]
    if not words:
        return 0.0
    per_sentence = len(words) / len(parts)
    per_word = sum(syllables(word) for word in words) / len(words)
    return 0.39 * per_sentence + 11.8 * per_word - 15.59
