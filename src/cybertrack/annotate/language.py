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
# lingua's low-accuracy mode (trigrams only) is as good as the full one on texts this long and loads at once; the
# full models (2 s to load) are kept for the short texts that need them, such as a feed item's one-line summary.
LONG_TEXT_CHARS = 200


def _builder() -> LanguageDetectorBuilder:
    return LanguageDetectorBuilder.from_iso_codes_639_1(
        *[IsoCode639_1.from_str(code.upper()) for code in dict.fromkeys(SUPPORTED + ALSO_RECOGNISED)])


class LanguageIdentifier:
    """Two detectors, each built the first time a text needs it. lingua reads a language's models the first time a
    detector meets a text that may be in it; with ``preloaded`` every model is read when the detector is built (what a
    process pool wants before it forks its workers, see `Resources.load`)."""

    def __init__(self, preloaded: bool = False) -> None:
        self.preloaded = preloaded

    def _detector(self, builder: LanguageDetectorBuilder):
        return (builder.with_preloaded_language_models() if self.preloaded else builder).build()

    @cached_property
    def _long_text_detector(self):
        return self._detector(_builder().with_low_accuracy_mode())

    @cached_property
    def _short_text_detector(self):
        return self._detector(_builder())

    def load(self) -> None:
        """Both detectors, now."""
        self.__dict__.pop("_long_text_detector", None)
        self.__dict__.pop("_short_text_detector", None)
        self.preloaded = True
        _ = self._long_text_detector, self._short_text_detector

    def identify(self, text: str) -> str:
        """ISO 639-1 code of the text's language, or ``und``."""
        sample = text[:SAMPLE_CHARS]
        if sum(c.isalpha() for c in sample) < 3:
            return "und"
        detector = self._long_text_detector if len(sample) >= LONG_TEXT_CHARS else self._short_text_detector
        values = detector.compute_language_confidence_values(sample)
        if not values or values[0].value < MIN_CONFIDENCE:
            return "und"
        language: Language = values[0].language
        return language.iso_code_639_1.name.lower()
