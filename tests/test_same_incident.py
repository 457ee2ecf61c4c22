"""The same-incident model and resolution with it: invented reports of one invented incident in three languages, and
a later attack on the same victim that must stay apart."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cybertrack.model import Evidence, Frame, Incident, Victim
from cybertrack.resolve import resolve
from cybertrack.same_incident import FEATURES, model, name_similarity, name_words
from tests.conftest import SHARED, require_shared

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "cybertrack" / "data" / "same_incident.json"
MEASURING_SETS = ("multilingual-dev", "multilingual_dev", "casie-dev", "casie_dev", "seeds")

# One invented incident: ransomware at the water authority of the invented town of Vestfjord, reported in three
# languages under three names (none gives the same victim key), and a second attack on it two and a half years later.
REPORTS = {
    "en.txt": ("en", "Vestfjord Water Authority", "NO/org:vestfjord water authority", "NO", "2031-03-14",
               "A ransomware attack shut down the billing and pumping control systems of the Vestfjord Water "
               "Authority on Sunday, and the criminals demand 40 bitcoin."),
    "fr.txt": ("fr", "l'autorité de l'eau de Vestfjord", "?/org:autorite de l'eau de vestfjord", None, "2031-03-15",
               "Un rançongiciel a paralysé dimanche les systèmes de facturation et de pilotage des pompes de "
               "l'autorité de l'eau de Vestfjord, et les criminels exigent 40 bitcoins."),
    "de.txt": ("de", "Wasserbehörde Vestfjord", "NO/org:wasserbehorde vestfjord", "NO", "2031-03-16",
               "Eine Ransomware-Attacke hat am Sonntag die Abrechnungs- und Pumpensteuerung der Wasserbehörde "
               "Vestfjord lahmgelegt; die Kriminellen fordern 40 Bitcoin."),
}
LATER = ("later.txt", "en", "Vestfjord Water Authority", "NO/org:vestfjord water authority", "NO", "2033-09-20",
         "A ransomware attack shut down the billing systems of the Vestfjord Water Authority again on Friday, and "
         "the criminals demand 60 bitcoin.")


def report(document: str, language: str, name: str, key: str, country: str | None, published: str,
           sentence: str) -> Frame:
    """A frame as the extractor makes it from an article with no date of its own: the publication bounds it."""
    return Frame(document=document, language=language, victims=[Victim(name, key, country, "utilities")],
                 types=["ransomware"], first_seen=published[:7], first_seen_estimated=True, disclosed=published,
                 evidence=[Evidence(document, 0, len(sentence), sentence)])


def membership(incidents: list[Incident]) -> set[frozenset[str]]:
    return {frozenset(incident.documents) for incident in incidents}


def test_reports_of_one_incident_in_three_languages_are_one_incident() -> None:
    frames = [report(document, *fields) for document, fields in REPORTS.items()]
    assert membership(resolve(frames)) == {frozenset(REPORTS)}


def test_the_same_victim_hit_again_years_later_is_another_incident() -> None:
    frames = [report(document, *fields) for document, fields in REPORTS.items()]
    incidents = resolve([*frames, report(*LATER)])
    assert membership(incidents) == {frozenset(REPORTS), frozenset({"later.txt"})}


def test_grouping_does_not_depend_on_the_order_of_the_reports() -> None:
    frames = [report(document, *fields) for document, fields in REPORTS.items()] + [report(*LATER)]
    expected = membership(resolve(frames))
    assert membership(resolve(frames[::-1])) == expected
    assert membership(resolve(frames[1:] + frames[:1])) == expected


@pytest.mark.parametrize(("name", "other", "alike"), [
    ("Rheinwerk GmbH", "le groupe Rheinwerk", True),
    ("Vestfjord Water Authority", "Wasserbehörde Vestfjord", True),
    ("Ministry of Finance", "Rheinwerk GmbH", False),
])
def test_victim_names_compared_across_languages(name: str, other: str, alike: bool) -> None:
    assert (name_similarity([name], [other]) > 0.3) == alike


def test_rare_words_of_a_name_are_search_keys_and_common_words_are_not() -> None:
    assert name_words("Rheinwerk GmbH") == {"rheinwerk"}
    assert name_words("ministère des Finances") == frozenset()


def test_weights_were_fitted_on_the_training_sets_they_name() -> None:
    require_shared()
    shipped = json.loads(WEIGHTS.read_text("utf-8"))
    assert shipped["features"] == list(FEATURES) and len(shipped["weights"]) == len(FEATURES)
    assert shipped["threshold"] == shipped["cross_validation"]["threshold"] == model().threshold
    for fitted in shipped["fitted_on"]:
        for record in (r for r in (fitted["articles"], fitted["gold"]) if isinstance(r, dict)):
            assert not any(name in record["file"] for name in MEASURING_SETS)
            assert hashlib.sha256((SHARED / record["file"]).read_bytes()).hexdigest() == record["sha256"]


def test_training_again_gives_the_shipped_weights(tmp_path: Path) -> None:
    """Same data, same folds: the same model, so the shipped file is what the script makes from the training sets."""
    require_shared()
    out = tmp_path / "same_incident.json"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_same_incident.py"), "--out", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    fresh, shipped = json.loads(out.read_text("utf-8")), json.loads(WEIGHTS.read_text("utf-8"))
    assert fresh["fitted_on"] == shipped["fitted_on"] and fresh["pairs"] == shipped["pairs"]
    assert fresh["threshold"] == shipped["threshold"]
    np.testing.assert_allclose(fresh["weights"], shipped["weights"], atol=1e-4)
    assert fresh["bias"] == pytest.approx(shipped["bias"], abs=1e-4)


def test_frames_carry_their_article_language() -> None:
    """Resolution weighs how alike two reports read by whether their languages differ, so the extractor records it."""
    from cybertrack.extract.frames import extract_frames

    text = ("Des pirates ont paralysé les serveurs de l'autorité de l'eau de Vestfjord avec un rançongiciel. "
            "Les criminels exigent 40 bitcoins.")
    frames = extract_frames("fr.txt", text, "fr", "2031-03-15")
    assert frames and all(f.language == "fr" for f in frames)
