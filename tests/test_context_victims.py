"""Victims no cue names, found by the words around them, and only where nothing else gave the article a victim."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np

from cybertrack.extract.frames import extract_frames
from tests.conftest import RESOURCES, require_shared
from tests.fitted_models import assert_close, assert_fitted_on_the_training_sets, retrained


def shipped() -> dict:
    return json.loads((resources.files("cybertrack.extract") / "data" / "context_victims.json").read_text("utf-8"))


def victims(text: str, language: str = "en") -> list[str]:
    return [v.name for frame in extract_frames("doc", text, language, "2024-03-01", RESOURCES) for v in frame.victims]


def test_a_victim_no_cue_names_is_found_by_the_words_around_it() -> None:
    assert "Lutrex Foods" in victims("Last week the ransomware devastated even Lutrex Foods factories in Brindlemoor.")


def test_a_reporter_is_not() -> None:
    assert victims("Researchers at Brindle Security said the ransomware spread quickly last week.") == []


def test_it_speaks_only_where_nothing_else_gave_the_article_a_victim() -> None:
    text = ("Hackers attacked Kettleby Bank on Monday. "
            "Last week the ransomware devastated even Lutrex Foods factories in Brindlemoor.")
    assert victims(text) == ["Kettleby Bank"]


def test_the_context_model_was_fitted_on_the_training_sets_it_names() -> None:
    require_shared()
    model = shipped()
    assert_fitted_on_the_training_sets(model)
    assert len(model["context_weights"]) == 512
    with_model = model["cross_validation"]["per_article_by_set"]
    assert all(row["with_context_victims"]["f1"] > row["role_model_alone"]["f1"] for row in with_model.values())


def test_training_again_gives_the_shipped_context_model(tmp_path: Path) -> None:
    require_shared()
    fresh, model = retrained("train_context_victims.py", tmp_path / "context_victims.json"), shipped()
    assert fresh["fitted_on"] == model["fitted_on"]
    for key in ("cross_validation", "threshold"):
        assert_close(fresh[key], model[key], key)
    np.testing.assert_allclose(fresh["weights"] + fresh["context_weights"],
                               model["weights"] + model["context_weights"], atol=1e-3)
