"""Wording-tolerant similarity of skills and occupations."""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ..search import fold

# --------------------------------------------------------------------------------------------
# Wording-tolerant similarity of skills and occupations.
# --------------------------------------------------------------------------------------------
_STOPWORDS = frozenset({"og", "i", "med", "til", "af", "for", "paa", "en", "et", "the", "and"})
# Heads of Danish job-title compounds that say little on their own: "rengøringsassistent" and
# "pædagogisk assistent" share "assistent", not a trade.
_GENERIC_HEADS = frozenset({"assistent", "medarbejder", "medhjaelper", "hjaelper", "arbejder",
                            "arbejdsmand", "mand", "elev", "leder", "operatoer", "foerer"})


@lru_cache(maxsize=65536)
def _words(term: str) -> tuple[str, ...]:
    folded = "".join(ch if ch.isalnum() else " " for ch in fold(term))
    return tuple(w for w in folded.split() if w not in _STOPWORDS)


@lru_cache(maxsize=65536)
def _trigrams(word: str) -> frozenset[str]:
    padded = f"  {word} "
    return frozenset(padded[i:i + 3] for i in range(len(padded) - 2))


@lru_cache(maxsize=262144)
def word_similarity(a: str, b: str) -> float:
    """How alike two folded words are, 0 to 1. Danish builds compounds, so a shared start
    ("lager" in "lagermedarbejder") or end ("chauffør" in "budchauffør") counts much, unless
    the end is a generic head ("assistent"); a shared stem ("pædagog-isk",
    "pædagog-medhjælper") less; spelling closeness (trigrams) least."""
    if a == b:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 3 and long_.startswith(short):
        return 0.9
    if len(short) >= 4 and long_.endswith(short):
        return 0.3 if short in _GENERIC_HEADS else 0.8
    best = 0.0
    common = 0
    for x, y in zip(short, long_):
        if x != y:
            break
        common += 1
    if common >= 5:
        best = 0.4 + 0.4 * common / len(long_)
    ta, tb = _trigrams(a), _trigrams(b)
    dice = 2 * len(ta & tb) / (len(ta) + len(tb))
    return max(best, 0.8 * dice if dice >= 0.4 else 0.0)


def _cover(words: tuple[str, ...], others: tuple[str, ...]) -> float:
    return sum(max(word_similarity(x, y) for y in others) for x in words) / len(words)


@lru_cache(maxsize=262144)
def term_similarity(a: str, b: str) -> float:
    """Two skills or occupations (one or more words each): how well the words of the shorter
    term are covered by the longer (weight 0.7) and the other way round (0.3), so "lager" fits
    "lagermedarbejder" well and "pædagogmedhjælper" fits "pædagogisk assistent" only half."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    if len(wa) > len(wb):
        wa, wb = wb, wa
    return 0.7 * _cover(wa, wb) + 0.3 * _cover(wb, wa)


def _best(term: str, others: Sequence[str]) -> tuple[float, str]:
    best, which = 0.0, ""
    for other in others:
        s = term_similarity(term, other)
        if s > best:
            best, which = s, other
    return best, which
