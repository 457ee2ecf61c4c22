"""A name the learned model takes for a technology's is no victim ("Oracle WebLogic servers at Kettleby Bank"), and
the model takes the names of parties, in every language, for parties. The product names here are in none of the
training sets."""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from cybertrack.extract.frames import extract_frames
from cybertrack.extract.name_kinds import technologies
from tests.conftest import RESOURCES, SHARED, require_shared
from tests.fitted_models import MEASURING_SETS, assert_close, retrained


def shipped() -> dict:
    return json.loads((resources.files("cybertrack.extract") / "data" / "name_kinds.json").read_text("utf-8"))


def test_a_product_a_victim_cue_names_is_no_victim() -> None:
    text = "Attackers compromised Oracle WebLogic servers at Kettleby Bank and stole customer records."
    frames = extract_frames("doc", text, "en", "2024-03-01", RESOURCES)
    assert [victim.name for frame in frames for victim in frame.victims] == ["Kettleby Bank"]


@pytest.mark.parametrize(("text", "victims"), [
    ("The ransomware hit hundreds of PCs at Kettleby Bank and encrypted its files.", ["Kettleby Bank"]),
    ("The attack targeted PLCs used at the Veldmark Water Authority's treatment plants.",
     ["Veldmark Water Authority"]),
    ("The ransomware infected tens of thousands of PCs in dozens of countries.", []),
])
def test_what_attck_names_by_an_acronym_is_no_victim(text: str, victims: list[str]) -> None:
    """ "PCs", "PLCs": ATT&CK's technique and ICS asset names call them so (`techniques.load_technical_acronyms`);
    an attack runs on them, and hits whoever owns them."""
    frames = extract_frames("doc", text, "en", "2024-03-01", RESOURCES)
    assert [victim.name for frame in frames for victim in frame.victims] == victims


def test_a_platform_named_with_its_version_is_no_victim() -> None:
    """ "Office 365": a name stops at a number, and the platform is known with its version."""
    text = "Crooks gained access to Office 365 mailboxes at Kettleby Bank with stolen passwords."
    frames = extract_frames("doc", text, "en", "2024-03-01", RESOURCES)
    assert [victim.name for frame in frames for victim in frame.victims] == ["Kettleby Bank"]


def test_products_it_never_saw_are_technologies() -> None:
    names = ["Oracle WebLogic", "Citrix NetScaler", "VMware vCenter"]
    assert technologies(names, RESOURCES.encoder) == set(names)


def test_parties_in_every_language_are_not() -> None:
    names = ["Kettleby Bank", "Stadtwerke Korvan", "Gemeente Norvale", "Hôpital de Brindle",
             "Ayuntamiento de Veldmark", "Comune di Lutrecht", "Veldmark Water Authority"]
    assert technologies(names, RESOURCES.encoder) == set()


def test_the_name_model_was_fitted_on_the_training_sets_it_names() -> None:
    require_shared()
    model = shipped()
    assert [record["file"] for record in model["fitted_on"]] == [
        "corpus/casie-train/annotations.jsonl", "eval/multilingual_train_gold.json"]
    for record in model["fitted_on"]:
        assert not any(name in record["file"] for name in MEASURING_SETS)
        assert hashlib.sha256((SHARED / record["file"]).read_bytes()).hexdigest() == record["sha256"]
    assert model["cross_validation"]["at_threshold"]["precision"] >= 0.95


def test_training_again_gives_the_shipped_name_model(tmp_path: Path) -> None:
    require_shared()
    fresh, model = retrained("train_name_kinds.py", tmp_path / "name_kinds.json"), shipped()
    assert fresh["fitted_on"] == model["fitted_on"]
    for key in ("examples", "cross_validation", "threshold"):
        assert_close(fresh[key], model[key], key)
    np.testing.assert_allclose(fresh["weights"], model["weights"], atol=1e-3)
