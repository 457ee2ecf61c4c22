"""German proper nouns come from HanTa's tagger; ours remembers each word's analysis, and must tag exactly as HanTa.

The sentences are invented. A word's analysis depends on the word alone, so remembering it may change nothing but
the time a German article takes (most of it, before).
"""

from __future__ import annotations

import pytest
from HanTa import HanoverTagger

from cybertrack.extract.names import _TAG_TOKEN, _TAGGER_MODELS, _proper_starts, tagger

MODEL = _TAGGER_MODELS["de"]
SENTENCES = [
    "Hacker haben die Stadtverwaltung Veldmarkhausen am Montag mit Erpressersoftware angegriffen.",
    "Die Server der Veldmarkhausener Stadtwerke waren tagelang verschlüsselt, teilte die Polizei mit.",
    "Laut Landeskriminalamt steckt die Gruppe Grauwolkenbande hinter dem Angriff auf Veldmarkhausen.",
    "Im Frühjahr legten Cyberkriminelle die IT-Systeme der Deutschen Bahn und des Roten Kreuzes lahm.",
]


@pytest.fixture(scope="module")
def plain_tagger() -> HanoverTagger.HanoverTagger:
    return HanoverTagger.HanoverTagger(MODEL)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tags_are_hantas_own(sentence: str, plain_tagger: HanoverTagger.HanoverTagger) -> None:
    tokens = [t.group() for t in _TAG_TOKEN.finditer(sentence)]
    expected = [tag for _, _, tag in plain_tagger.tag_sent(tokens, taglevel=1)]
    assert tagger("de").tag_sent(tokens, taglevel=0) == expected
    assert tagger("de").tag_sent(tokens, taglevel=0) == expected  # the second time from what it remembered
    for word in tokens:
        assert tagger("de").tag_word(word) == plain_tagger.tag_word(word)


def test_a_word_outside_the_lexicon_is_analysed_once() -> None:
    german = tagger("de")
    _proper_starts.cache_clear()
    _proper_starts("Die Grauwolkenbande griff Veldmarkhausen an.", "de")
    before = german._analyses.cache_info()
    _proper_starts("Veldmarkhausen meldete den Angriff der Grauwolkenbande.", "de")
    after = german._analyses.cache_info()
    assert after.hits > before.hits  # "grauwolkenbande" and "veldmarkhausen" were not analysed again
