"""A sentence about attacks in general dates no incident: the realis model, fitted on casie-train only.

Every article here is invented (Lutrecht, ...); none comes from the evaluation corpus.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from cybertrack.extract.frames import extract_frames
from tests.conftest import RESOURCES, SHARED, require_shared
from tests.fitted_models import MEASURING_SETS, assert_close, retrained

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "cybertrack" / "extract" / "data" / "realis.json"
PUBLISHED = "2023-03-14"  # a Tuesday: "on Friday" is 10 March


def shipped() -> dict:
    return json.loads(WEIGHTS.read_text("utf-8"))


def first_seen(text: str, language: str) -> list[str | None]:
    return [frame.first_seen for frame in extract_frames("doc", text, language, PUBLISHED, RESOURCES)]


GENERIC = [
    ("The Lutrecht water board suffered a ransomware attack, the board said on Friday. This kind of ransomware, "
     "first seen in 2019, encrypts files and demands a ransom before it leaks them.", "en"),
    ("La régie des eaux de Lutrèche a été victime d'une attaque par rançongiciel, a indiqué la régie vendredi. Ce "
     "type de rançongiciel, apparu en 2019, chiffre les fichiers et exige une rançon.", "fr"),
    ("L'ente idrico di Lutrecht è stato colpito da un attacco ransomware, ha detto l'ente venerdì. Questo tipo di "
     "ransomware, comparso nel 2019, cifra i file e chiede un riscatto.", "it"),
    ("Het waterschap Lutrecht werd getroffen door een ransomware-aanval, meldde het waterschap vrijdag. Dit soort "
     "ransomware, voor het eerst gezien in 2019, versleutelt bestanden en eist losgeld.", "nl"),
    pytest.param("La empresa de aguas de Lutrecht sufrió un ataque de ransomware, informó la empresa el viernes. "
                 "Este tipo de ransomware, visto por primera vez en 2019, cifra los archivos y exige un rescate.", "es",
                 marks=pytest.mark.xfail(strict=True, reason="the model reads the Spanish sentence as an attack")),
    pytest.param("Die Wasserbehörde Lutrecht wurde Opfer eines Ransomware-Angriffs, teilte die Behörde am Freitag "
                 "mit. Diese Art von Ransomware, die seit 2019 bekannt ist, verschlüsselt Dateien und verlangt ein "
                 "Lösegeld.", "de",
                 marks=pytest.mark.xfail(strict=True, reason="the model reads the German sentence as an attack")),
]


@pytest.mark.parametrize(("text", "language"), GENERIC)
def test_a_sentence_about_a_kind_of_ransomware_dates_no_incident(text: str, language: str) -> None:
    """ "This kind of ransomware, first seen in 2019, ...": the malware's date, not the attack's, which the report
    dates only by when the victim spoke (Friday 10 March)."""
    assert first_seen(text, language) == ["2023-03-10"]


def test_an_explainer_of_attacks_in_general_is_no_incident() -> None:
    """Every attack sentence tells of ransomware in general: no frame. A report that also tells of one keeps it."""
    explainer = ("This kind of ransomware, first seen in 2019, encrypts files and demands a ransom before it leaks "
                 "them. Phishing remains the most common way ransomware gets into a network.")
    assert extract_frames("doc", explainer, "en", PUBLISHED, RESOURCES) == []
    report = "Hackers hit the Lutrecht water board with ransomware on Monday. " + explainer
    [frame] = extract_frames("doc", report, "en", PUBLISHED, RESOURCES)
    assert [v.name for v in frame.victims] == ["Lutrecht water board"]


def test_the_attack_s_own_date_is_kept() -> None:
    text = ("The Lutrecht water board suffered a ransomware attack in January 2023, the board said on Friday. The "
            "attackers demanded a ransom in bitcoin.")
    assert first_seen(text, "en") == ["2023-01"]


def test_realis_model_was_fitted_on_casie_train_only() -> None:
    require_shared()
    (fitted_on,) = shipped()["fitted_on"]
    assert fitted_on["name"] == "casie-train"
    for record in fitted_on["files"]:
        assert not any(name in record["file"] for name in MEASURING_SETS)
        assert hashlib.sha256((SHARED / record["file"]).read_bytes()).hexdigest() == record["sha256"]
    model = shipped()
    assert model["threshold"] == model["cross_validation"]["threshold"]
    assert model["cross_validation"]["actual_kept"] >= 0.95  # the cut keeps the actual sentences' dates


def test_training_again_gives_the_shipped_realis_model(tmp_path: Path) -> None:
    require_shared()
    fresh, model = retrained("train_realis.py", tmp_path / "realis.json"), shipped()
    assert fresh["fitted_on"] == model["fitted_on"]
    for key in ("cross_validation", "threshold"):
        assert_close(fresh[key], model[key], key)
    np.testing.assert_allclose(fresh["weights"], model["weights"], atol=1e-4)
    assert fresh["bias"] == pytest.approx(model["bias"], abs=1e-4)
