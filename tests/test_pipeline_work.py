"""The pipeline does no work whose result it throws away, and loads a model only when a stage first needs it.

The articles are invented (the Veldmark Water Authority, the Stadtwerke Lutrecht).
"""

from __future__ import annotations

import pytest

from cybertrack.annotate import dates
from cybertrack.extract import frames as frames_module
from cybertrack.extract.frames import extract_frames
from cybertrack.extract.names import TAGGED_LANGUAGES, tagger
from cybertrack.knowledge.countries import place_names
from cybertrack.lang import LANGUAGES
from cybertrack.model import SourceItem
from cybertrack.pipeline import Pipeline
from cybertrack.resources import Resources
from tests.conftest import RESOURCES

TEXT = ("Hackers hit the Veldmark Water Authority with ransomware on Monday and encrypted its billing servers. "
        "The authority refused to pay the ransom and restored the servers from backups, officials said.")
ARTICLE = SourceItem("doc", "text", text=TEXT, title="Ransomware hits the Veldmark Water Authority",
                     published="2021-05-20")


def test_the_frames_of_a_dropped_article_are_not_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    typed = []
    real = frames_module.type_frames
    monkeypatch.setattr(frames_module, "type_frames",
                        lambda found, encoder: typed.append(found) or real(found, encoder))
    dropped = Pipeline(RESOURCES, lambda title, text: False, article_budget=None).process(ARTICLE)
    assert dropped.frames == () and typed == []  # the type model's embedding would have been wasted
    kept = Pipeline(RESOURCES, lambda title, text: True, article_budget=None).process(ARTICLE)
    assert len(typed) == 1
    alone = extract_frames("doc", TEXT, "en", "2021-05-20", RESOURCES)
    assert [f.types for f in kept.frames] == [f.types for f in alone]
    assert kept.frames[0].types == ["ransomware"]


def test_one_article_loads_only_what_it_needs() -> None:
    """A run of one English article reads none of the models kept for German or for short texts."""
    tagger.cache_clear()  # as in a fresh process (other tests may have loaded it)
    resources = Resources()
    longer = SourceItem("doc", "text", title=ARTICLE.title, published=ARTICLE.published,
                        text=TEXT + " The water supply itself was never at risk, the authority added on Tuesday.")
    document = Pipeline(resources, article_budget=None).process(longer)
    assert document.language == "en" and document.frames
    assert resources.loaded() == {"knowledge", "cues", "languages", "encoder", "report_classifier"}
    assert tagger.cache_info().currsize == 0
    assert "_short_text_detector" not in resources.languages.__dict__  # the article is long enough for the other


def test_loading_before_forking_reads_no_article() -> None:
    """Worker processes fork from a loaded pipeline: every model is in memory, and no article was made up to get
    there (the stage timings are still zero)."""
    for table in (tagger, dates._compiled, place_names):
        table.cache_clear()  # as in a fresh process
    pipeline = Pipeline(Resources())
    assert pipeline.load() > 0
    assert dates._compiled.cache_info().currsize == len(LANGUAGES)  # every language's date rules (datelines)
    assert place_names.cache_info().currsize == 1  # a table of the victims' extractor
    assert pipeline.resources.loaded() == {"knowledge", "cues", "languages", "encoder", "report_classifier"}
    assert "_long_text_detector" in pipeline.resources.languages.__dict__
    assert "_short_text_detector" not in pipeline.resources.languages.__dict__  # 250 MB for texts few runs meet
    assert tagger.cache_info().currsize == len(TAGGED_LANGUAGES)
    assert not pipeline.seconds
    assert pipeline.load() == 0.0  # once
