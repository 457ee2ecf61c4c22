"""The pipeline does no work whose result it throws away, and loads what it needs before the first article.

The articles are invented (the Veldmark Water Authority, the Stadtwerke Lutrecht).
"""

from __future__ import annotations

import pytest

from cybertrack import pipeline as pipeline_module
from cybertrack.annotate import dates
from cybertrack.extract.frames import extract_frames
from cybertrack.extract.names import _proper_starts, _reading, _tagger
from cybertrack.extract.victims import english_adjective
from cybertrack.knowledge.base import knowledge_base
from cybertrack.lang import LANGUAGES
from cybertrack.model import SourceItem
from cybertrack.pipeline import Pipeline

TEXT = ("Hackers hit the Veldmark Water Authority with ransomware on Monday and encrypted its billing servers. "
        "The authority refused to pay the ransom and restored the servers from backups, officials said.")
ARTICLE = SourceItem("doc", "text", text=TEXT, title="Ransomware hits the Veldmark Water Authority",
                     published="2021-05-20")


def test_the_frames_of_a_dropped_article_are_not_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    typed = []
    real = pipeline_module.type_frames
    monkeypatch.setattr(pipeline_module, "type_frames", lambda found: typed.append(found) or real(found))
    dropped = Pipeline(attack_gate=lambda title, text: False, article_budget=None).process(ARTICLE)
    assert dropped.frames == () and typed == []  # the type model's embedding would have been wasted
    kept = Pipeline(attack_gate=lambda title, text: True, article_budget=None).process(ARTICLE)
    assert len(typed) == 1
    assert [f.types for f in kept.frames] == [f.types for f in extract_frames("doc", TEXT, "en", "2021-05-20")]
    assert kept.frames[0].types == ["ransomware"]


def test_warm_up_loads_what_the_first_articles_would_load() -> None:
    """Worker processes fork from a warmed pipeline: what it left unloaded, each worker loaded again."""
    for cache in (_tagger, _proper_starts, _reading, english_adjective, dates._compiled):
        cache.cache_clear()  # as in a fresh process (other tests may have filled them)
    knowledge_base().__dict__.pop("_families_by_key", None)
    Pipeline().warm_up()
    assert _tagger.cache_info().currsize == 1  # the German tagger's model
    assert english_adjective.cache_info().currsize >= 1  # the country forms it reads
    assert dates._compiled.cache_info().currsize == len(LANGUAGES)  # every language's date rules (datelines)
    assert "_families_by_key" in knowledge_base().__dict__  # the ransomware gangs
