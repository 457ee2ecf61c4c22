"""Repeated and near-repeated sentences within one article.

Pages repeat their lead as a subtitle, or carry the same sentence twice with
small edits. A repeat is dropped only when it adds no information: two
sentences built on one template but naming different things ("… targeted
the state." / "… targeted Belgian Defence.") are both kept.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

MIN_WORDS = 6
MIN_RATIO = 0.88
MAX_NOVEL_WORDS = 1
_WORD = re.compile(r"\w+")


def _squash(text: str) -> str:
    return "".join(_WORD.findall(text.lower()))


def _novel_words(sentence: str, other_squashed: str) -> list[str]:
    """Content words of ``sentence`` that the other sentence does not contain, even glued to a neighbour."""
    return [w for w in _WORD.findall(sentence.lower()) if (len(w) >= 4 or w.isdigit()) and w not in other_squashed]


def _renamed(sentence: str, other_squashed: str) -> bool:
    """Whether the sentence names something (a capitalised word past the first) that the other lacks."""
    return any(w[0].isupper() and len(w) >= 4 and w.lower() not in other_squashed for w in _WORD.findall(sentence)[1:])


def is_near_repeat(sentence: str, earlier: str) -> bool:
    a, b = _squash(sentence), _squash(earlier)
    if a == b:
        return True
    if len(sentence.split()) < MIN_WORDS or min(len(a), len(b)) < 0.7 * max(len(a), len(b)):
        return False
    if SequenceMatcher(None, a, b, autojunk=False).ratio() < MIN_RATIO:
        return False
    novel_here, novel_there = _novel_words(sentence, b), _novel_words(earlier, a)
    if any(w.isdigit() for w in novel_here + novel_there):
        return False
    if _renamed(sentence, b) and _renamed(earlier, a):
        return False  # one name swapped for another: "the Ministry of Defence" / "the Ministry of Finance"
    return max(len(novel_here), len(novel_there)) <= MAX_NOVEL_WORDS


def repeated_sentences(sentences: list[str]) -> dict[int, int]:
    """Index of each repeated sentence -> index of the earlier sentence it repeats.

    Candidates are found through shared rare words, so the cost stays near
    linear in the number of sentences rather than comparing every pair.
    """
    repeats: dict[int, int] = {}
    exact: dict[str, int] = {}
    by_word: dict[str, list[int]] = {}
    for i, sentence in enumerate(sentences):
        key = _squash(sentence)
        if not key:
            continue
        if key in exact:
            repeats[i] = exact[key]
            continue
        words = {w for w in _WORD.findall(sentence.lower()) if len(w) >= 5}
        candidates: dict[int, int] = {}
        for w in words:
            for j in by_word.get(w, ()):
                candidates[j] = candidates.get(j, 0) + 1
        for j, shared in sorted(candidates.items(), key=lambda kv: -kv[1])[:5]:
            if shared >= 0.5 * len(words) and is_near_repeat(sentence, sentences[j]):
                repeats[i] = j
                break
        else:
            exact[key] = i
            for w in words:
                by_word.setdefault(w, []).append(i)
    return repeats
