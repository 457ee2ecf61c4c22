"""What the pipeline's stages read that is costly to load, handed to them in one object.

A `Pipeline` is given a `Resources` and passes each stage what it needs: the language detectors to the language
stage, the sentence encoder to cleaning (teasers glued to a story), to the attack gate and to typing, the knowledge
base and the cue lexicons to extraction. Each is loaded the first time a stage asks for it, so a run of one English
article never loads the German tagger or the models lingua keeps for short texts. `load` loads everything at once:
a process pool calls it before it forks its workers, which then share one copy instead of each loading its own. The
smaller tables the stages build from packaged data (date rules, place names, lexicons) are registered in `tables`,
and `load` builds them too.

The knowledge base and the cue lexicons are the process's own (`knowledge_base`, `cues`): the resolver, the web
pages and the exports read the same ones, and a second copy would cost a hundred megabytes for nothing.
"""

from __future__ import annotations

import time
from functools import cached_property

from cybertrack.annotate.language import LanguageIdentifier
from cybertrack.embeddings import SentenceEncoder
from cybertrack.extract.cues import Cues, cues
from cybertrack.extract.names import TAGGED_LANGUAGES, tagger
from cybertrack.extract.reporting import ReportClassifier
from cybertrack.knowledge.base import KnowledgeBase, knowledge_base
from cybertrack.tables import build_tables


class Resources:
    """The models and data of one process's pipeline; each attribute loads on first use."""

    @cached_property
    def knowledge(self) -> KnowledgeBase:
        return knowledge_base()

    @cached_property
    def cues(self) -> Cues:
        return cues()

    @cached_property
    def languages(self) -> LanguageIdentifier:
        return LanguageIdentifier()

    @cached_property
    def encoder(self) -> SentenceEncoder:
        return SentenceEncoder()

    @cached_property
    def report_classifier(self) -> ReportClassifier:
        return ReportClassifier.load()

    def loaded(self) -> set[str]:
        """The names of the resources loaded so far."""
        return {name for name in ("knowledge", "cues", "languages", "encoder", "report_classifier")
                if name in self.__dict__}

    def load(self) -> float:
        """Load every resource now, the taggers of the languages that have one, and the tables the stages build from
        packaged data (`tables`); the seconds it took."""
        started = time.perf_counter()
        _ = self.knowledge, self.cues, self.encoder, self.report_classifier
        self.languages.load()
        for language in TAGGED_LANGUAGES:
            tagger(language)
        build_tables()
        return time.perf_counter() - started
