"""Train the model that tells a technology's name from a party's (see cybertrack/extract/name_kinds.py).

Usage:
    python scripts/train_name_kinds.py [--out FILE]

CASIE annotates every argument of its events with the kind of thing it names. The names among them (spans with a
capital letter, without a leading determiner) are the examples: software, devices, systems and malware are
technologies; organisations, people and places are parties; a website is neither (a breached site stands for its
owner). multilingual-train's gold victims, in six languages, are parties too. The model reads the name alone, as its
multilingual embedding. The 5-fold cross-validation (an article's names, or an incident's, stay in one fold) is
repeated on 5 splits: the regularisation is the strongest within one standard error of the best mean log-loss, the
threshold the lowest whose technology verdicts are right at least PRECISION of the time, averaged over the splits (a
verdict drops a victim, so it must rarely be wrong). No measuring set (casie-dev, multilingual-dev, the seeds) is
read. The same data and the same shipped model give the same file: a refit keeps the shipped model's regularisation
until it falls more than two standard errors behind the best (`reporting.Incumbent`).
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from train_report_classifier import THRESHOLDS, file_record, log_loss

from cybertrack.embeddings import SentenceEncoder
from cybertrack.extract.reporting import Incumbent, fit, one_standard_error, out_of_fold

SHARED = Path(__file__).resolve().parents[2] / "shared"
CASIE = SHARED / "corpus" / "casie-train" / "annotations.jsonl"
MULTILINGUAL = SHARED / "eval" / "multilingual_train_gold.json"
OUT = Path(__file__).resolve().parent.parent / "src" / "cybertrack" / "extract" / "data" / "name_kinds.json"
TECHNOLOGY = frozenset({"Software", "Device", "System", "Malware"})
PARTY = frozenset({"Organization", "Person", "GPE"})
PRECISION = 0.95
FOLDS, REPEATS = 5, 5
L2_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her|our|this|these|those)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Example:
    """A name, whether it names a technology, and its group (the article or incident it comes from)."""

    name: str
    technology: bool
    group: str
    source: str


def _as_name(span: str) -> str | None:
    """The span as a name: without a leading determiner, and only if a capital letter is left in it."""
    name = " ".join(_DETERMINER.sub("", span.strip()).split())
    return name if any(ch.isupper() for ch in name) else None


def casie_examples(annotations: Path) -> list[Example]:
    found: dict[tuple[str, str], bool] = {}
    for article in map(json.loads, annotations.read_text("utf-8").splitlines()):
        for event in article["events"]:
            for argument in event["arguments"]:
                kind = argument["type"]
                if kind in TECHNOLOGY or kind in PARTY:
                    name = _as_name(argument["text"])
                    if name:
                        found[(article["id"], name)] = kind in TECHNOLOGY
    return [Example(name, technology, group, "casie-train") for (group, name), technology in sorted(found.items())]


def multilingual_examples(gold: Path) -> list[Example]:
    found = {}
    for incident in json.loads(gold.read_text("utf-8"))["incidents"]:
        for victim in incident["victims"]:
            for surface in victim["names"]:
                if name := _as_name(surface):
                    found[(incident["key"], name)] = False
    return [Example(name, False, group, "multilingual-train") for (group, name) in sorted(found)]


def figures(probability: np.ndarray, y: np.ndarray, threshold: float) -> dict[str, float]:
    said = probability >= threshold
    right = int(np.sum(said & (y == 1)))
    return {"precision": round(right / max(1, int(said.sum())), 3), "recall": round(right / max(1, int(y.sum())), 3),
            "parties_dropped": int(np.sum(said & (y == 0)))}


def train(examples: list[Example], sources: list[Path], incumbent: Incumbent) -> dict:
    encoder = SentenceEncoder()
    names = sorted({e.name for e in examples})
    vectors = dict(zip(names, encoder.embed(names), strict=True))
    x = np.stack([vectors[e.name] for e in examples]).astype(np.float64)
    y = np.asarray([float(e.technology) for e in examples])
    groups = [f"{e.source}:{e.group}" for e in examples]
    probabilities = {l2: [out_of_fold(x, y, l2, groups, FOLDS, seed) for seed in range(REPEATS)] for l2 in L2_GRID}
    losses = {l2: [log_loss(p, y) for p in found] for l2, found in probabilities.items()}
    l2 = one_standard_error(losses, incumbent.l2)
    precision = {t: np.mean([figures(p, y, t)["precision"] for p in probabilities[l2]]) for t in THRESHOLDS}
    threshold = min(t for t in THRESHOLDS if precision[t] >= PRECISION)
    weights, bias = fit(x, y, l2)
    first = probabilities[l2][0]
    by_source = {source: figures(first[mine], y[mine], threshold)
                 for source in sorted({e.source for e in examples})
                 if (mine := np.asarray([e.source == source for e in examples])).any()}
    return {
        "about": "Logistic regression over the USE-multilingual embedding of a name: does it name a technology "
                 "(software, a device, a system, malware) rather than a party (an organisation, a person, "
                 "a place)? Fitted by scripts/train_name_kinds.py",
        "fitted_on": [file_record(path) for path in sources],
        "examples": {"technology": int(y.sum()), "party": int(len(y) - y.sum())},
        "cross_validation": {
            "folds": FOLDS, "repeats": REPEATS, "l2": l2,
            "log_loss_by_l2": {str(k): round(float(np.mean(v)), 4) for k, v in losses.items()},
            "at_threshold": figures(first, y, threshold), "by_source": by_source,
            "note": "out-of-fold figures of the first split (an article's or an incident's names stay in one fold)",
        },
        "threshold": threshold,
        "threshold_chosen_by": f"the lowest whose technology verdicts, out of fold and averaged over {REPEATS} "
                               f"splits, are right at least {PRECISION:.0%} of the time; no measuring set "
                               "(casie-dev, multilingual-dev, seeds) was read",
        "bias": round(float(bias), 6), "weights": [round(float(w), 6) for w in weights],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    args = parser.parse_args()
    model = train(casie_examples(CASIE) + multilingual_examples(MULTILINGUAL), [CASIE, MULTILINGUAL],
                  Incumbent.shipped(OUT))
    print(json.dumps({key: value for key, value in model.items() if key not in ("weights", "bias")}, indent=1))
    args.out.write_text(json.dumps(model) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
