"""How common a word is: wordfreq's own figure above the floor any decision reads, from a table kept in the cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from cybertrack.knowledge import cache, common_words
from cybertrack.knowledge.common_words import COMMON_WORD_ZIPF, FLOOR_ZIPF, word_frequency
from cybertrack.lang import LANGUAGES

# one-token words of every supported language, names the news uses, words wordfreq splits into several tokens
# (hyphens, apostrophes, dots, spaces), digits (their own frequency model) and words below the floor
WORDS = [
    "agent", "equation", "the", "Ministry", "MINISTERIO", "gemeente", "Rathaus", "ayuntamiento", "hôpital", "straße",
    "Lazarus", "Hafnium", "Turla", "Korvan", "Lutrecht", "Veldmark", "e-mail", "Korvan-Bank", "can't",
    "l'hôpital", "dell'ospedale", "New York", "mother-in-law", "U.S.", "a.m.", "covid-19", "3M", "2024", "C++",
    "Stadtwerke", "Sicherheitsupdate", "x", "",
]


@pytest.mark.parametrize("word", WORDS)
def test_the_figure_is_wordfreqs_own_above_the_floor(word: str) -> None:
    exact = max(zipf_frequency(word.lower(), language) for language in LANGUAGES)
    assert word_frequency(word) == (exact if exact >= FLOOR_ZIPF else 0.0)


def test_every_decision_reads_above_the_floor() -> None:
    """A sentence's first word is common from half a point below COMMON_WORD_ZIPF (victims.plausible_name)."""
    assert FLOOR_ZIPF <= COMMON_WORD_ZIPF - 0.5


def test_the_table_is_built_once_and_then_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CYBERTRACK_CACHE_DIR", str(tmp_path))
    built = common_words._build_common_tokens()
    assert set(built) == set(LANGUAGES)
    assert built["en"]["the"] < built["en"]["equation"]  # ranks in centibels: the commoner, the lower
    assert cache.load_or_build(common_words._build_common_tokens, "common-words") == built
    assert [p.name for p in tmp_path.iterdir()] == [f"common-words-{cache.build_key()}.pickle"]
    assert cache.load_or_build(lambda: pytest.fail("the table was not read"), "common-words") == built
