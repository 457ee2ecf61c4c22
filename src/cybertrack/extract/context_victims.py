"""Victims no cue names: read from the words around each name, where nothing else found one.

The cue rules find the victim of "an attack on X" or "X was hacked"; the role model only vetoes what they cast. An
article whose victim sits in no cue ("Cadbury factories in Australia were among those the ransomware devastated",
"la compañía Telefónica" in a list of what an attack paralysed) then has no victim at all, and its incident none.
This model reads each candidate's hand features (`roles.features`) and the multilingual embedding of the name with the
few words on either side of it (`context_window`): "paralysing X", "X said it paid", "researchers at X" carry their
role in any language. It is fitted on every candidate of casie-train and multilingual-train
(`scripts/train_context_victims.py`): cross-validated, the embedding lifts the area under the ROC curve of the role
decision from 0.71 to 0.83. Taking its victims everywhere lifted the training sets' per-article victim F1, but each
victim taken opens a frame, and the multilingual sets' incidents fell apart; so it speaks only where neither a rule,
the article-level model, nor a state named as hit gave the article a victim. Its threshold is chosen for that case:
the middle of the plateau of the training articles' victim F1 when it adds its victims to those of articles the role
model gives none, averaged over five splits.
"""

from __future__ import annotations

import json
from importlib import resources

import numpy as np

from cybertrack.embeddings import Embedder
from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.reporting import ThresholdedModel
from cybertrack.extract.roles import feature_names, features
from cybertrack.extract.victims import Candidate
from cybertrack.tables import table

CONTEXT_CHARS = 20  # on either side of a name: enough for its verb or preposition, too few for the whole sentence


def context_window(facts: SentenceFacts, candidate: Candidate) -> str:
    """The name with the characters on either side of it ("wer attack on Kettleby Bank forced the ")."""
    return facts.text[max(0, candidate.start - CONTEXT_CHARS):candidate.end + CONTEXT_CHARS]


def written_as_name(facts: SentenceFacts, candidate: Candidate) -> bool:
    """Written with a capital letter: a name or an acronym. A lower-case phrase the chunker took for one ("importante
    oleodotto", "services de santé") is too loose to stand for a victim on the words around it alone: keyed by its
    words, it would open a frame of its own and keep the report from the incident its other reports tell."""
    return any(ch.isupper() for ch in facts.text[candidate.start:candidate.end])


@table
def _model() -> tuple[tuple[str, ...], ThresholdedModel]:
    """The role features' groups the model reads, and the model (their weights, then the embedding's)."""
    data = json.loads((resources.files("cybertrack.extract") / "data" / "context_victims.json").read_text("utf-8"))
    groups = tuple(data["groups"])
    if data["features"] != feature_names(groups) or data["context_chars"] != CONTEXT_CHARS:
        raise ValueError("data/context_victims.json was fitted on other features: run "
                         "scripts/train_context_victims.py")
    return groups, ThresholdedModel.from_data({**data, "weights": data["weights"] + data["context_weights"]})


def context_victims(sentences: list[SentenceFacts], mentions: dict[int, list[Candidate]], encoder: Embedder) \
        -> dict[int, list[Candidate]]:
    """The names (`written_as_name`) of the attack sentences the model is sure of, by sentence index. ``mentions``
    (a sentence's index -> its candidates) are the article's own: without another attack's victims
    (`frames.own_attack_mentions`: "After the attack on X, ..."). One embedding batch per article."""
    groups, model = _model()
    asked = [(sentence, judged) for sentence in sentences if sentence.is_attack
             and (judged := [c for c in mentions.get(sentence.index, []) if written_as_name(sentence, c)])]
    if not asked:
        return {}
    hand = np.vstack([features(sentence, mentions[sentence.index], groups, judged) for sentence, judged in asked])
    windows = encoder.embed([context_window(sentence, c) for sentence, judged in asked for c in judged])
    probability = model.probabilities(np.hstack([hand, windows.astype(np.float64)]))
    found, offset = {}, 0
    for sentence, judged in asked:
        mine, offset = probability[offset:offset + len(judged)], offset + len(judged)
        if kept := [c for c, p in zip(judged, mine, strict=True) if p >= model.threshold]:
            found[sentence.index] = kept
    return found
