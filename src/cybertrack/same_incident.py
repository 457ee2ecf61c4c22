"""Are these two reports one incident? A learned probability for a report and an incident (one or more reports).

A shared victim key or CVE is strong evidence, but a victim is named differently in every language ("HSE", "Health
Service Executive", "irischer Gesundheitsdienst"), and the same victim is hit again years later. So the decision is a
logistic regression over a few features that carry across languages: how alike the reports read (the cosine of their
multilingual embeddings, and that again when they are in different languages, where the same story scores lower), the
same victim key, else how alike the victims' names are (character trigrams), a shared CVE or attack type, whether both
date the attack themselves, and how far apart in time they are. ``scripts/train_same_incident.py`` fits it on the
training sets only (multilingual-train's same-incident groups, casie-train's separate stories) and chooses the
threshold by cross-validation; ``data/same_incident.json`` holds the weights with the sha256 of what they were
fitted on.
"""

from __future__ import annotations

import functools
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import numpy as np

from cybertrack.extract.reporting import logistic
from cybertrack.knowledge.common_words import COMMON_WORD_ZIPF, SUPPORTED_LANGUAGES

# Chosen by the cross-validated ablation in the weights file: a shared actor, a rare shared word of the victims'
# names, an acronym and the victims' countries were measured too and left out. A shared actor made the held-out
# log-loss worse (one gang hits many victims: LockBit in Royal Mail's and FC Utrecht's reports), the others hardly
# ever fire on the training pairs (the extractor seldom knows a victim's country), so nothing could be learned of them.
FEATURES = ("cosine", "cosine_across_languages", "same_victim_key", "victim_names_alike", "shared_cve", "shared_type",
            "both_dated", "months_apart")
MONTHS_SCALE = math.log1p(24)  # months apart, on a log scale that reaches 1 at two years
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class PairEvidence:
    """What one report and one incident have in common, as measured before scoring."""

    cosine: float
    across_languages: bool
    same_victim_key: bool
    names: tuple[tuple[str, ...], tuple[str, ...]]  # the victims' names on each side
    shared_cve: bool
    shared_type: bool
    both_dated: bool
    months_apart: int | None  # between the closest dates (own or publication) of the two sides; None: unknown


def features(evidence: PairEvidence) -> np.ndarray:
    """The model's input, in the order of ``FEATURES``. How alike the victims' names are counts only when their keys
    differ: where both fired on the same pairs, the one was learned against the other. Whether the two reports share a
    language is no feature of its own, nor is a time unknown: CASIE's separate stories are all English and all dated,
    so either would learn which training set a pair came from."""
    apart = evidence.months_apart
    return np.array([
        evidence.cosine, evidence.cosine * evidence.across_languages, evidence.same_victim_key,
        0.0 if evidence.same_victim_key else name_similarity(*evidence.names), evidence.shared_cve,
        evidence.shared_type, evidence.both_dated, 0.0 if apart is None else min(1.0, math.log1p(apart) / MONTHS_SCALE),
    ], dtype=np.float64)


def name_similarity(names: Iterable[str], others: Iterable[str]) -> float:
    """How alike two victims' names are, accents and case aside: the best of their character-trigram overlap
    (Jaccard: "Rheinwerk AG" and "Rheinwerk-Konzern", "ministry" and "ministère" a little) and the share of the
    shorter name's rare words the longer one has ("Anhalt-Bitterfeld" in "Server des Landkreises Anhalt-Bitterfeld";
    common words such as "ministry" or "Belgian" say nothing of which victim it is)."""
    others = list(others)
    return max((_alike(name, other) for name in names for other in others), default=0.0)


def _alike(name: str, other: str) -> float:
    a, b = _trigrams(name), _trigrams(other)
    shorter, longer = sorted((name, other), key=lambda n: len(_words(n)))
    rare = name_words(shorter)
    contained = len(rare & set(_WORD.findall(longer.casefold()))) / len(rare) if rare else 0.0
    return max(len(a & b) / (len(a | b) or 1), contained)


@functools.lru_cache(maxsize=65536)
def _words(name: str) -> tuple[str, ...]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    return tuple(_WORD.findall(plain))


@functools.lru_cache(maxsize=65536)
def _trigrams(name: str) -> frozenset[str]:
    padded = f" {' '.join(_words(name))} "
    return frozenset(padded[i:i + 3] for i in range(len(padded) - 2))


def name_words(name: str) -> frozenset[str]:
    """The rare words of a victim's name (see `rare_word`): reports in every language may share them ("Rheinmetall"),
    so resolution looks for candidates under them."""
    return frozenset(word for word in _WORD.findall(name.casefold()) if rare_word(word))


@functools.lru_cache(maxsize=65536)
def rare_word(word: str) -> bool:
    """A word of a name that ordinary text in no supported language uses often ("rheinmetall", not "ministry")."""
    from wordfreq import zipf_frequency

    return len(word) >= 4 and not word.isdigit() and \
        all(zipf_frequency(word, language) < COMMON_WORD_ZIPF for language in SUPPORTED_LANGUAGES)


@dataclass(frozen=True)
class Model:
    weights: np.ndarray
    bias: float
    threshold: float


@functools.cache
def model() -> Model:
    data = json.loads((resources.files("cybertrack") / "data" / "same_incident.json").read_text("utf-8"))
    if list(data["features"]) != list(FEATURES):
        raise ValueError("data/same_incident.json was fitted on other features: run scripts/train_same_incident.py")
    return Model(np.asarray(data["weights"], dtype=np.float64), float(data["bias"]), float(data["threshold"]))


def probability(evidence: PairEvidence) -> float:
    fitted = model()
    return float(logistic(features(evidence), fitted.weights, fitted.bias))
