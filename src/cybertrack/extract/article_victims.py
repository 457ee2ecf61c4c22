"""Which of the names an article mentions did the attack hit, read from all its sentences at once?

The sentence-level role model (`roles.py`) reads one sentence at a time, and a victim is
often named where no cue speaks of it ("Nobody is safe from hackers: ask Ferrari"), while
the sentence with the cue names it by a pronoun or a common noun. What an article does
with a name across all its sentences tells more: the victim is usually the name it comes
back to, early, in the sentences that report the attack, and somewhere a role cue speaks
of it; a researcher or a vendor is named as often, but beside speech verbs. So each
distinct name (its language-neutral key) is judged on the role features of all its
mentions together: for each feature, its largest and its mean value over the mentions,
and how often and how early the article names it beside the other names. A logistic
regression over those, fitted by `scripts/train_article_victims.py` on casie-train and
multilingual-train only, decides; `data/article_victims.json` holds its weights, the
threshold chosen by cross-validation on those sets, and the sha256 of what they were
fitted on. The features carry across languages because the mention features do (they
are read from each language's pack), and the counts need no language at all.

The pipeline asks this model only when no sentence casts a named victim, a department or a
state's one parliament or government (see `frames._victims`): where the cues do, they
decide, and the model is the fallback that keeps an attack article from having no victim
at all. That is how its threshold was chosen too (`scripts/train_article_victims.py`
cross-validates that very decision).
"""

from __future__ import annotations

import json
import math
from importlib import resources

import numpy as np

from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.reporting import ThresholdedModel
from cybertrack.extract.roles import feature_names, features
from cybertrack.extract.victims import Candidate
from cybertrack.tables import table

_MENTIONS_SCALE = math.log1p(10)
ARTICLE_FEATURES = ("mentions", "share_of_mentions", "most_mentioned", "names_in_article")


def entity_feature_names() -> list[str]:
    mention = feature_names()
    return [f"max:{name}" for name in mention] + [f"mean:{name}" for name in mention] + list(ARTICLE_FEATURES)


def entity_features(rows: np.ndarray, keys: list[str]) -> tuple[list[str], np.ndarray]:
    """One row per distinct key of one article, from the mention features ``rows`` (one row per mention, in the
    order of ``keys``): the distinct keys in order of first mention, and their features."""
    distinct = list(dict.fromkeys(keys))
    if not distinct:
        return [], np.zeros((0, len(entity_feature_names())))
    positions = {key: [i for i, k in enumerate(keys) if k == key] for key in distinct}
    counts = np.asarray([len(positions[key]) for key in distinct], dtype=np.float64)
    most = counts.max()
    table = []
    for key, count in zip(distinct, counts, strict=True):
        mine = rows[positions[key]]
        table.append(np.concatenate([
            mine.max(axis=0), mine.mean(axis=0),
            [math.log1p(count) / _MENTIONS_SCALE, count / counts.sum(), float(count == most),
             math.log1p(len(distinct)) / _MENTIONS_SCALE],
        ]))
    return distinct, np.asarray(table, dtype=np.float64)


def is_named(key: str) -> bool:
    """A name ("org:ferrari"), not a sector noun ("?/government:parliament"): a sector noun is too loose a phrase to
    stand for a victim on the article's say alone, without a cue beside it."""
    return key.startswith("org:")


@table
def _model() -> ThresholdedModel:
    data = json.loads((resources.files("cybertrack.extract") / "data" / "article_victims.json").read_text("utf-8"))
    if data["features"] != entity_feature_names():
        raise ValueError("data/article_victims.json was fitted on other features: run "
                         "scripts/train_article_victims.py")
    return ThresholdedModel.from_data(data)


def article_victims(sentences: list[SentenceFacts], mentions: dict[int, list[Candidate]]) -> dict[int, list[Candidate]]:
    """The victims each sentence names, by sentence index, from ``mentions``: the candidates of the sentences near a
    reported attack, by index. Every mention of a name (see `is_named`) the model judges a victim of the article."""
    if not mentions:
        return {}
    by_index = {s.index: s for s in sentences}
    rows = np.vstack([features(by_index[index], found) for index, found in mentions.items()])
    keys = [c.victim.key for found in mentions.values() for c in found]
    model = _model()
    distinct, table = entity_features(rows, keys)
    victims = {key for key, p in zip(distinct, model.probabilities(table), strict=True)
               if p >= model.threshold and is_named(key)}
    return {index: kept for index, found in mentions.items()
            if (kept := [c for c in found if c.victim.key in victims])}
