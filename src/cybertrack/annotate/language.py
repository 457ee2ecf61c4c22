"""Language identification with lingua, restricted to languages we expect.

A restricted detector is far more accurate on short texts than an
all-languages one and needs a fraction of its memory. Languages outside the
supported six are still named when they are common in news; anything else,
and any text the detector is unsure of, is ``und``.
"""

from __future__ import annotations

from functools import cached_property

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from cybertrack.lang import LANGUAGES as SUPPORTED

ALSO_RECOGNISED = ("pt", "pl", "ru", "zh", "ja", "ar")
MIN_CONFIDENCE = 0.5
SAMPLE_CHARS = 1000  # a paragraph is plenty for 12 candidate languages; the cost grows with the sample
SAMPLE_PARTS = 3
# lingua's low-accuracy mode (trigrams only) is as good as the full one on texts this long and loads at once; the
# full models (2 s to load) are kept for the short texts that need them, such as a feed item's one-line summary.
LONG_TEXT_CHARS = 200


def _builder() -> LanguageDetectorBuilder:
    return LanguageDetectorBuilder.from_iso_codes_639_1(
        *[IsoCode639_1.from_str(code.upper()) for code in dict.fromkeys(SUPPORTED + ALSO_RECOGNISED)])


class LanguageIdentifier:
    """Two detectors, each built the first time a text needs it. The one for texts of ``LONG_TEXT_CHARS`` or more,
    which nearly every article is, reads trigram models only (30 MB for the twelve languages), all of them when it is
    built. The one for shorter texts (a feed item's one-line summary) reads every n-gram model (about 250 MB); lingua
    reads them as texts need them, so a run that meets no short text never loads them."""

    @cached_property
    def _long_text_detector(self):
        return _builder().with_low_accuracy_mode().with_preloaded_language_models().build()

    @cached_property
    def _short_text_detector(self):
        return _builder().build()

    def load(self) -> None:
        """The detector for articles, now (see `Resources.load`)."""
        _ = self._long_text_detector

    def identify(self, text: str) -> str:
        """ISO 639-1 code of the text's language, or ``und``."""
        sample = _sample(text)
        if sum(c.isalpha() for c in sample) < 3:
            return "und"
        detector = self._long_text_detector if len(sample) >= LONG_TEXT_CHARS else self._short_text_detector
        values = detector.compute_language_confidence_values(sample)
        if not values or values[0].value < MIN_CONFIDENCE:
            return "und"
        language: Language = values[0].language
        return language.iso_code_639_1.name.lower()


def _sample(text: str) -> str:
    """What the detector reads: the text when it is short, else equal parts from its start, middle and end. A page's
    opening may be a caption or a teaser in another language (an English photo credit over a French article); the
    body around it is the article's."""
    if len(text) <= SAMPLE_CHARS:
        return text
    part = SAMPLE_CHARS // SAMPLE_PARTS
    starts = [round(i * (len(text) - part) / (SAMPLE_PARTS - 1)) for i in range(SAMPLE_PARTS)]
    return " ".join(text[start:start + part] for start in starts)
