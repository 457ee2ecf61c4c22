"""The "reports an attack" gate: fitted on the training set only, reproducibly, and holding in every language."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from cybertrack.extract.reporting import (
    Incumbent,
    fit,
    lead,
    logistic,
    one_standard_error,
    out_of_fold,
    plateau_middle,
    sampling_error,
)
from tests.conftest import RESOURCES, SHARED, require_shared
from tests.fitted_models import MEASURING_SETS, assert_close, retrained

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "cybertrack" / "extract" / "data" / "report_classifier.json"


def shipped() -> dict:
    return json.loads(WEIGHTS.read_text("utf-8"))


def test_gate_was_fitted_on_the_training_articles_it_names() -> None:
    require_shared()
    (fitted_on,) = shipped()["fitted_on"]
    assert fitted_on["articles"]["file"] == "corpus/casie-train/articles.jsonl"
    assert fitted_on["gold"]["file"] == "eval/casie_train_gold.jsonl"
    for record in (fitted_on["articles"], fitted_on["gold"]):
        assert not any(name in record["file"] for name in MEASURING_SETS)
        assert hashlib.sha256((SHARED / record["file"]).read_bytes()).hexdigest() == record["sha256"]
    assert fitted_on["labelled_articles"] == len((SHARED / "eval" / "casie_train_gold.jsonl").read_text().splitlines())


def test_threshold_is_the_cross_validated_choice() -> None:
    model = shipped()
    assert model["threshold"] == model["cross_validation"]["threshold"]
    assert model["cross_validation"]["folds"] == 5
    assert "cross-validated" in model["threshold_chosen_by"]


def test_training_again_gives_the_shipped_weights(tmp_path: Path) -> None:
    """Same data, same seed: the same classifier, so the shipped file is what the script makes from casie-train."""
    require_shared()
    fresh, model = retrained("train_report_classifier.py", tmp_path / "report_classifier.json"), shipped()
    assert fresh["fitted_on"] == model["fitted_on"]
    for key in ("cross_validation", "threshold", "checked_on"):  # another BLAS may move the 4th decimal
        assert_close(fresh[key], model[key], key)
    np.testing.assert_allclose(fresh["weights"], model["weights"], atol=1e-4)
    assert fresh["bias"] == pytest.approx(model["bias"], abs=1e-4)


def invented_data(rows: int = 60) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(rows, 5))
    return x, (x[:, 0] + 0.5 * rng.normal(size=rows) > 0).astype(float)


def test_fit_reaches_the_regularised_optimum() -> None:
    """Solved to convergence, so the L2 strength alone decides how far the weights shrink."""
    x, y = invented_data()
    norms = []
    for l2 in (0.1, 10.0):
        weights, bias = fit(x, y, l2)
        p = logistic(x, weights, bias)
        assert np.abs(x.T @ (p - y) + l2 * weights).max() < 1e-6 and abs(np.sum(p - y)) < 1e-6
        norms.append(np.linalg.norm(weights))
    assert norms[1] < norms[0]


def test_cross_validation_holds_out_whole_groups() -> None:
    """Reports of one incident are predicted by a model that saw none of them (five groups, five folds)."""
    x, y = invented_data()
    groups = [name for name in "abcde" for _ in range(12)]
    probability = out_of_fold(x, y, 1.0, groups)
    for name in "abcde":
        held = np.asarray(groups) == name
        np.testing.assert_allclose(probability[held], logistic(x[held], *fit(x[~held], y[~held], 1.0)))


# invented leads: an attack that happened, and advice about attacks that might
ATTACKS_AND_ADVICE = {
    "en": ("Hackers broke into the network of Northfield Hospital on Monday and stole the records of 40,000 patients, "
           "the hospital said.",
           "Microsoft urges administrators to install a patch for a flaw in its mail server that attackers could "
           "exploit to run code remotely."),
    "fr": ("Des pirates ont paralysé lundi le réseau informatique de la mairie de Valbourg et exigent une rançon, "
           "a indiqué la municipalité.",
           "Les experts conseillent aux entreprises de mettre à jour leurs logiciels pour se protéger contre les "
           "rançongiciels."),
    "de": ("Hacker haben am Montag das Netzwerk der Stadtwerke Lindau lahmgelegt und Kundendaten erbeutet, teilte das "
           "Unternehmen mit.",
           "Sicherheitsexperten raten Unternehmen, ihre Software regelmäßig zu aktualisieren, um sich vor "
           "Erpressungstrojanern zu schützen."),
    "it": ("Un attacco hacker ha bloccato lunedì i sistemi informatici dell'ospedale di Valmora, rubando i dati di "
           "migliaia di pazienti.",
           "Gli esperti consigliano alle aziende di aggiornare regolarmente i software per proteggersi dai "
           "ransomware."),
    "es": ("Unos piratas informáticos atacaron el lunes la red del ayuntamiento de Villanueva y robaron datos de miles "
           "de vecinos, informó el consistorio.",
           "Los expertos recomiendan a las empresas actualizar sus programas con regularidad para protegerse del "
           "ransomware."),
    "nl": ("Hackers hebben maandag het netwerk van de gemeente Veendorp platgelegd en gegevens van duizenden inwoners "
           "gestolen, meldt de gemeente.",
           "Experts raden bedrijven aan hun software regelmatig bij te werken om zich te beschermen tegen ransomware."),
}


@pytest.mark.parametrize("language", sorted(ATTACKS_AND_ADVICE))
def test_gate_tells_an_attack_from_advice_in_every_language(language: str) -> None:
    attack, advice = ATTACKS_AND_ADVICE[language]
    assert reports_attack(attack)
    assert not reports_attack(advice)


def reports_attack(text: str) -> bool:
    """What the pipeline's gate says of an article without a title."""
    return RESOURCES.report_classifier.reports_attack(RESOURCES.encoder.embed([lead(None, text)])[0])


def test_the_strongest_regularisation_that_fits_as_well_is_chosen() -> None:
    """Mean log-loss over repeated splits: 1.0 is best, 3.0 lies within its standard error, 10.0 does not."""
    losses = {0.1: [0.40, 0.42, 0.41], 1.0: [0.30, 0.34, 0.32], 3.0: [0.325, 0.325, 0.325], 10.0: [0.50, 0.52, 0.51]}
    assert one_standard_error(losses) == 3.0
    assert one_standard_error({1.0: [0.3, 0.3], 3.0: [0.31, 0.31]}) == 1.0  # no spread: only the best qualifies


def test_a_refit_keeps_the_shipped_regularisation_while_it_fits_about_as_well() -> None:
    losses = {0.1: [0.40, 0.42, 0.41], 1.0: [0.30, 0.34, 0.32], 3.0: [0.325, 0.325, 0.325], 10.0: [0.50, 0.52, 0.51]}
    assert one_standard_error(losses, incumbent=1.0) == 1.0  # the best itself: it stays
    assert one_standard_error(losses, incumbent=10.0) == 3.0  # far behind: the rule chooses again


def test_a_refit_keeps_the_shipped_threshold_until_it_falls_two_standard_errors_behind() -> None:
    """Two tops a hair apart (0.15 and 0.19): the middle of the plateau is 0.17. A shipped 0.19 stays, and so does
    a shipped 0.23 just off the plateau (0.006 behind the best, whose standard error is 0.0035); 0.21 and 0.25, more
    than two standard errors behind, give way to the middle."""
    scores = {0.13: [0.40, 0.40], 0.15: [0.445, 0.455], 0.17: [0.444, 0.452], 0.19: [0.446, 0.456],
              0.21: [0.44, 0.44], 0.23: [0.444, 0.446], 0.25: [0.41, 0.41]}
    assert plateau_middle(scores) == 0.17
    assert plateau_middle(scores, incumbent=0.19) == 0.19
    assert plateau_middle(scores, incumbent=0.23) == 0.23
    assert plateau_middle(scores, incumbent=0.21) == 0.17
    assert plateau_middle(scores, incumbent=0.25) == 0.17


def test_the_sampling_error_of_the_counted_gold_widens_the_plateau_and_keeps_the_incumbent() -> None:
    """The splits barely disagree (error 0.0005), so on their error alone a shipped 0.33, 0.004 behind the best, gives
    way. Counted over 1,000 gold victims, an F1 of 0.44 is known only to about 0.016: 0.33 stays, and the plateau
    reaches from 0.25 to 0.37."""
    scores = {0.21: [0.40, 0.40], 0.25: [0.428, 0.428], 0.29: [0.4395, 0.4385], 0.33: [0.4355, 0.4355],
              0.37: [0.425, 0.425], 0.41: [0.40, 0.40]}
    assert plateau_middle(scores, incumbent=0.33) == 0.29
    assert plateau_middle(scores, incumbent=0.33, counted=1000) == 0.33
    assert plateau_middle(scores, counted=1000) == 0.33  # the middle of 0.25, 0.29, 0.33, 0.37
    assert sampling_error(0.44, 1000) == pytest.approx(0.0157, abs=1e-4)
    assert sampling_error(0.44, 0) == 0.0


def test_the_incumbent_is_read_from_the_shipped_model_file(tmp_path: Path) -> None:
    assert Incumbent.shipped(tmp_path / "none.json") == Incumbent()
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"threshold": 0.19, "cross_validation": {"l2": 3.0}}), encoding="utf-8")
    assert Incumbent.shipped(single) == Incumbent(l2=3.0, threshold=0.19)
    pair = tmp_path / "pair.json"  # the role model keeps a threshold with a rule and one alone
    pair.write_text(json.dumps({"thresholds": {"with_rule": 0.22, "alone": 1.01}, "cross_validation": {"l2": 1.0}}),
                    encoding="utf-8")
    assert Incumbent.shipped(pair) == Incumbent(l2=1.0, threshold=0.22)
