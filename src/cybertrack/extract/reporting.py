"""Does this article report an attack that happened, or is it about risks, patches and advice?

News about vulnerabilities, surveys and how-to pieces use the same words as attack
reports ("attackers could exploit", "ransomware demands rose"), so the words alone
over-report. A logistic regression over the multilingual sentence embedding of the
article's lead (headline and opening sentences) makes the call. It is fitted by
`scripts/train_report_classifier.py` on the CASIE training articles only (casie-train,
labelled by whether their gold lists an attack type), never on the sets the project is
measured on. The regularisation and the threshold are chosen by 5-fold cross-validation
on those articles; `data/report_classifier.json` records what it was fitted on (file
names and sha256), the cross-validated figures and how the threshold was chosen. The
embedding is multilingual, so the English training carries over to the other languages;
the training script checks that on the multilingual training articles, which it does not
fit on.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import numpy as np

from cybertrack.annotate.sentences import sentence_spans

LEAD_SENTENCES = 3
LEAD_CHARS = 3000  # far more than the words the embedding reads; spares splitting a whole long article


def lead(title: str | None, text: str) -> str:
    """The headline and the opening sentences: where news says what happened."""
    opening = " ".join(text[s:e] for s, e in sentence_spans(text, 0, min(len(text), LEAD_CHARS))[:LEAD_SENTENCES])
    return f"{title}. {opening}" if title and not text.startswith(title) else opening


@dataclass(frozen=True)
class ThresholdedModel:
    """A fitted logistic regression and the probability from which it says yes: the shape the learned decisions
    ship in (``data/*.json``: weights, bias, threshold)."""

    weights: np.ndarray
    bias: float
    threshold: float

    @classmethod
    def from_data(cls, data: dict) -> ThresholdedModel:
        return cls(np.asarray(data["weights"], dtype=np.float64), float(data["bias"]), float(data["threshold"]))

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        return logistic(rows, self.weights, self.bias)


@dataclass(frozen=True)
class ReportClassifier(ThresholdedModel):
    """The fitted gate: weights over the embedding of an article's lead, and the threshold chosen for them."""

    @classmethod
    def load(cls) -> ReportClassifier:
        """The weights `scripts/train_report_classifier.py` wrote into the package."""
        data = json.loads((files("cybertrack.extract") / "data" / "report_classifier.json").read_text("utf-8"))
        return cls(np.asarray(data["weights"], dtype=np.float32), float(data["bias"]), float(data["threshold"]))

    def probability(self, lead_vector: np.ndarray) -> float:
        """The probability that the article whose lead is embedded as ``lead_vector`` reports an attack."""
        return float(logistic(lead_vector[None, :], self.weights, self.bias)[0])

    def reports_attack(self, lead_vector: np.ndarray) -> bool:
        return self.probability(lead_vector) >= self.threshold


def logistic(vectors: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    """The probability that each embedded lead reports an attack."""
    return 1.0 / (1.0 + np.exp(-(vectors @ weights + bias)))


# How far (in standard errors of the best, over the repeated splits) a shipped choice may fall behind the best before a
# refit gives it up: one standard error picks among equals, two say the data moved away from it.
KEEP_WITHIN_ERRORS = 2.0


@dataclass(frozen=True)
class Incumbent:
    """The regularisation and the threshold the shipped model was fitted with, which a refit keeps until they fall
    more than ``KEEP_WITHIN_ERRORS`` standard errors behind the best (`one_standard_error`, `plateau_middle`). The
    cross-validated curves are flat and jagged at the top, and which of two equals came out flipped with any small
    change to the features: a new word in a language pack moved the article-victim threshold from 0.19 (F1 0.4509)
    to 0.15 (0.4531, one standard error 0.0020), and with it every figure downstream, by more than the change being
    measured. Kept while about as good, the choice moves only when the training data move it; the same data and the
    same shipped model give the same file."""

    l2: float | None = None
    threshold: float | None = None

    @classmethod
    def shipped(cls, path: Path) -> Incumbent:
        """What the model file at ``path`` chose (nothing when there is none yet)."""
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        threshold = data.get("threshold", data.get("thresholds", {}).get("with_rule"))
        return cls(data.get("cross_validation", {}).get("l2"), threshold)


def _still_good(mean: dict[float, float], best: float, error: float, incumbent: float | None,
                lower_is_better: bool) -> float | None:
    """The incumbent's key in ``mean``, if it lies within ``KEEP_WITHIN_ERRORS`` standard errors of the best."""
    kept = next((key for key in mean if incumbent is not None and np.isclose(key, incumbent)), None)
    if kept is None:
        return None
    behind = mean[kept] - mean[best] if lower_is_better else mean[best] - mean[kept]
    return kept if behind <= KEEP_WITHIN_ERRORS * error else None


def one_standard_error(losses: dict[float, list[float]], incumbent: float | None = None) -> float:
    """The strongest regularisation whose mean cross-validated log-loss lies within one standard error (over the
    repeated splits) of the best, unless the shipped ``incumbent`` is still about as good (`Incumbent`). Strengths a
    hair apart in fit give probabilities on different scales, and with them different thresholds; of those that fit
    as well, the simpler model is the steadier choice."""
    mean = {l2: float(np.mean(values)) for l2, values in losses.items()}
    error = {l2: float(np.std(values) / np.sqrt(len(values))) for l2, values in losses.items()}
    best = min(mean, key=mean.__getitem__)
    kept = _still_good(mean, best, error[best], incumbent, lower_is_better=True)
    return kept if kept is not None else max(l2 for l2 in mean if mean[l2] <= mean[best] + error[best])


def plateau_middle(scores: dict[float, list[float]], incumbent: float | None = None, counted: int = 0) -> float:
    """The middle of the thresholds whose score, averaged over the repeated splits, lies within one standard error of
    the best (the highest threshold on a tie), unless the shipped ``incumbent`` is still about as good
    (`Incumbent`). A cross-validated F1 curve is a plateau whose top moves with any small change to the training
    data; its middle stays where it is, unless the plateau's edge moves. The error is the larger of the splits' and
    the sampling error of an F1 counted over ``counted`` gold items (`sampling_error`)."""
    thresholds = sorted(scores)
    mean = {threshold: float(np.mean(scores[threshold])) for threshold in thresholds}
    best = max(thresholds, key=lambda threshold: (mean[threshold], threshold))
    error = max(float(np.std(scores[best]) / np.sqrt(len(scores[best]))), sampling_error(mean[best], counted))
    kept = _still_good(mean, best, error, incumbent, lower_is_better=False)
    if kept is not None:
        return kept
    plateau = [threshold for threshold in thresholds if mean[threshold] >= mean[best] - error]
    return plateau[len(plateau) // 2]


def sampling_error(f1: float, counted: int) -> float:
    """About how much an F1 counted over ``counted`` gold items moves from one sample of articles to the next: a
    proportion's standard error, sqrt(f (1 - f) / n); nothing when nothing is counted. The repeated splits tell only
    how much the split moves the figure, far less: within that noise the context-victim cut flipped between 0.27 and
    0.33 (F1 0.438 and 0.435, split error 0.0016, sampling error 0.015) with any new word in a pack, and moved the
    figures downstream by more than the change being measured."""
    return math.sqrt(f1 * (1.0 - f1) / counted) if counted else 0.0


def fit(x: np.ndarray, y: np.ndarray, l2: float, tolerance: float = 1e-9) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (a few hundred articles: no library needed).

    Solved to convergence from zero, so ``l2`` alone sets how much it is regularised and the same data gives the
    same weights. The bias is not shrunk.
    """
    design = np.hstack([x, np.ones((len(y), 1))])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    theta = np.zeros(design.shape[1])
    for _ in range(100):  # Newton steps: it converges in about ten
        p = logistic(design, theta, 0.0)
        gradient = design.T @ (p - y) + penalty * theta
        if np.abs(gradient).max() < tolerance * len(y):
            break
        hessian = (design.T * (p * (1 - p))) @ design + np.diag(penalty)
        theta -= np.linalg.solve(hessian, gradient)
    return theta[:-1], float(theta[-1])


def out_of_fold(x: np.ndarray, y: np.ndarray, l2: float, groups: list[str], folds: int = 5,
                seed: int = 0) -> np.ndarray:
    """Each article's probability from a model that saw neither it nor any article of its group (the other reports
    of the same incident, in other languages): honest figures on the training set."""
    keys = np.random.default_rng(seed).permutation(sorted(set(groups)))
    probability = np.zeros(len(y))
    for part in np.array_split(keys, folds):
        held = np.isin(groups, part)
        probability[held] = logistic(x[held], *fit(x[~held], y[~held], l2))
    return probability
