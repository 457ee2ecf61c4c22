#!/usr/bin/env python3
"""Run every evaluation set through cybertrack and the shared scorers, and print one table (``make eval``).

Each set is ingested into a fresh database, exported as JSON, and scored by the scorer in ``../shared/eval``. The
multilingual sets are also scored per language: the gold and the export are cut down to that language's articles
(incidents keep only those articles; claims those cited from them or also found in them, ``reported_in``, save the
gold claims it cites from another language), so a fix that helps English and hurts German shows. Fitting sets
(``*-train``) are only scored when asked for with ``--sets``. For the sets in the seeds' format, the grouping of
reports into incidents is also measured pair by pair (`pairwise`): of the document pairs the gold puts in one
incident, how many share an exported incident, and the reverse, for all pairs and for pairs across languages, with
B-cubed figures besides.

    python scripts/evaluate.py                      # seeds, multilingual-dev, casie-dev
    python scripts/evaluate.py --sets multilingual-train --json eval-report.json
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import itertools
import json
import re
import subprocess
import sys
import tempfile
import types
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS, EVAL = SHARED / "corpus", SHARED / "eval"
PROBES = Path(__file__).resolve().parents[1] / "eval"  # sets of our own writing


@dataclass(frozen=True)
class EvalSet:
    name: str
    source: Path
    gold: Path
    scorer: str  # "seeds" (score_seeds.py, any gold in its format) or "casie"
    per_language: bool = False


SETS = {
    "seeds": EvalSet("seeds", CORPUS / "seeds", EVAL / "seeds_gold.json", "seeds"),
    "multilingual-dev": EvalSet("multilingual-dev", CORPUS / "multilingual-dev" / "articles.jsonl",
                                EVAL / "multilingual_dev_gold.json", "seeds", per_language=True),
    "casie-dev": EvalSet("casie-dev", CORPUS / "casie-dev" / "articles.jsonl", EVAL / "casie_dev_gold.jsonl", "casie"),
    "multilingual-train": EvalSet("multilingual-train", CORPUS / "multilingual-train" / "articles.jsonl",
                                  EVAL / "multilingual_train_gold.json", "seeds", per_language=True),
    "casie-train": EvalSet("casie-train", CORPUS / "casie-train" / "articles.jsonl", EVAL / "casie_train_gold.jsonl",
                           "casie"),
    # our own invented pages (eval/probe3/README.md): a regression set since its first run
    "probe3": EvalSet("probe3", PROBES / "probe3" / "articles.jsonl", PROBES / "probe3" / "gold.json", "seeds",
                      per_language=True),
    "probe5": EvalSet("probe5", PROBES / "probe5" / "articles.jsonl", PROBES / "probe5" / "gold.json", "seeds",
                      per_language=True),
}
DEFAULT_SETS = ("seeds", "multilingual-dev", "casie-dev")

_SEEDS_LINE = re.compile(r"^(\w+)\s+([01]\.\d+)\s*$")
_CASIE_LINE = re.compile(r"^(\w+)\s+P ([\d.]+)\s+R ([\d.]+)\s+F1 ([\d.]+)")
_TOTAL = re.compile(r"score: ([\d.]+)")


@dataclass
class Score:
    """One scorer run: the final score and each component's figure (F1 for CASIE's components)."""

    total: float
    components: dict[str, float] = field(default_factory=dict)
    pairs: dict[str, float] = field(default_factory=dict)  # same-incident figures over document pairs (`pairwise`)


def run(command: list[str]) -> str:
    """The command's output. It may exit 1 (a scorer below its minimum, an ingest with items it could not read); the
    items an ingest could not read are repeated on stderr, since each lowers the set's figures unseen. A command that
    crashed exits 1 too, with a traceback: that stops the evaluation, or its table would show a broken build's
    zeros as figures."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1) or "Traceback (most recent call last)" in done.stderr:
        sys.exit(f"failed: {' '.join(command)}\n{done.stdout}{done.stderr}")
    for line in (done.stdout + done.stderr).splitlines():
        if line.strip().startswith("failed:"):
            print(f"warning: an item was not ingested: {line.strip()}", file=sys.stderr)
    return done.stdout


def export_of(chosen: EvalSet, workdir: Path, workers: int, runs: int = 1, order: str = "listed") -> Path:
    """Ingest the set into a new database, in ``runs`` ingests one after the other (each resolved incrementally
    against the incidents of those before, as a feed's articles are), and write its JSON export."""
    db, out = workdir / f"{chosen.name}.db", workdir / f"{chosen.name}.json"
    cybertrack = [sys.executable, "-m", "cybertrack.cli"]
    for sources in split_into_runs(chosen, workdir, runs, order):
        run([*cybertrack, "ingest", *sources, "--db", str(db), "-q", "--workers", str(workers)])
    run([*cybertrack, "export", "--db", str(db), "--output", str(out)])
    return out


def split_into_runs(chosen: EvalSet, workdir: Path, runs: int, order: str = "listed") -> list[list[str]]:
    """The set's articles in ``runs`` parts of about equal size: files of a folder, or lines of a JSONL file
    (written to ``workdir``), in the ``order`` the set lists them ("listed", which for the JSONL sets is their ids'
    order, the one a single run resolves in), in reverse ("reversed"), or by publication date ("published": as
    a feed brings them; undated ones last)."""
    if runs <= 1:
        return [[str(chosen.source)]]
    if chosen.source.is_dir():
        items = [str(path) for path in sorted(chosen.source.iterdir()) if path.is_file()]
        items = items[::-1] if order == "reversed" else items
        parts = (items[len(items) * n // runs:len(items) * (n + 1) // runs] for n in range(runs))
        return [part for part in parts if part]
    lines = [line for line in chosen.source.read_text(encoding="utf-8").splitlines() if line.strip()]
    if order == "reversed":
        lines.reverse()
    elif order == "published":
        def published(line: str) -> tuple[str, str]:
            article = json.loads(line)
            return article.get("published") or "9999", article.get("id", "")

        lines.sort(key=published)
    parts = []
    for n in range(runs):
        chunk = lines[len(lines) * n // runs:len(lines) * (n + 1) // runs]
        if chunk:
            path = workdir / f"{chosen.name}-run{n + 1}.jsonl"
            path.write_text("\n".join(chunk) + "\n", encoding="utf-8")
            parts.append([str(path)])
    return parts


def score(chosen: EvalSet, export: Path, gold: Path) -> Score:
    script = EVAL / ("score_seeds.py" if chosen.scorer == "seeds" else "score_casie.py")
    args = [str(export), "--gold", str(gold)] if chosen.scorer == "seeds" else [str(export), str(gold)]
    output = run([sys.executable, str(script), *args])
    total = _TOTAL.search(output)
    result = Score(float(total[1]) if total else 0.0)
    for line in output.splitlines():
        if found := _CASIE_LINE.match(line):
            result.components[found[1]] = float(found[4])
        elif found := _SEEDS_LINE.match(line):
            result.components[found[1]] = float(found[2])
    return result


def languages(gold: dict) -> list[str]:
    return sorted({document["language"] for document in gold["documents"].values()})


def gold_for_language(gold: dict, language: str) -> dict:
    """The gold cut down to one language's articles."""
    names = {name for name, document in gold["documents"].items() if document["language"] == language}
    incidents = []
    for incident in gold["incidents"]:
        documents = [d for d in incident["documents"] if d in names]
        if documents:
            incidents.append({**incident, "documents": documents,
                              "optional_documents": [d for d in incident.get("optional_documents", []) if d in names],
                              "claims": [c for c in incident["claims"] if c.get("document") in names]})
    return {**gold, "documents": {n: gold["documents"][n] for n in names}, "incidents": incidents,
            "must_not_be_incidents": [{**n, "documents": [d for d in n["documents"] if d in names]}
                                      for n in gold["must_not_be_incidents"] if set(n["documents"]) & names]}


def export_for_language(export: dict, gold: dict, part: dict) -> dict:
    """The export cut down to the articles of ``part``, the ``gold`` cut down to one language (`gold_for_language`):
    documents are keyed as the scorer keys them, by the id's last path segment.

    A claim stays when it is cited from one of them or also found in one (``reported_in``), and is judged where the
    gold cites it: the gold cites each claim from one report, so a claim found in a German report that the gold
    cites from a French one is scored in French, not as a false claim in German. A claim the gold has nowhere
    stays wherever it was found."""
    names = set(part["documents"])

    def kept(document_id: str) -> bool:
        return Path(str(document_id)).name in names

    def hits(claim: dict, gold_part: dict) -> bool:
        return any(_scorer().claim_hit(claim, wanted, incident) for incident in gold_part["incidents"]
                   for wanted in incident["claims"])

    def judged_here(claim: dict) -> bool:
        found_here = any(map(kept, [claim.get("document", ""), *claim.get("reported_in", [])]))
        return found_here and (hits(claim, part) or not hits(claim, gold))

    incidents = []
    for incident in export["incidents"]:
        documents = [d for d in incident["documents"] if kept(d)]
        if documents:
            incidents.append({**incident, "documents": documents,
                              "claims": [c for c in incident.get("claims", []) if judged_here(c)]})
    return {"documents": [d for d in export["documents"] if kept(d["id"])], "incidents": incidents}


@functools.cache
def _scorer() -> types.ModuleType:
    """The shared seeds scorer as a module, for its claim matching (``claim_hit``)."""
    spec = importlib.util.spec_from_file_location("score_seeds", EVAL / "score_seeds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _together(groups: list[list[str]]) -> dict[str, set[str]]:
    """Per document, the documents it shares a group with (itself included)."""
    found: dict[str, set[str]] = {}
    for group in groups:
        for document in group:
            found.setdefault(document, set()).update(group)
    return found


def pairwise(export: dict, gold: dict) -> dict[str, float]:
    """Same-incident figures over document pairs: a pair is together in the gold when some gold incident lists both
    among its documents, and in the export when some exported incident lists both. A pair in which one document is
    optional for an incident the other reports counts in neither direction. Precision, recall and F1 over all pairs
    and over pairs whose gold languages differ ("cross_"), then B-cubed precision and recall (per document, the share
    of its predicted partners that are right and of its gold partners that were found, averaged)."""
    documents = sorted(gold["documents"])
    language = {name: gold["documents"][name]["language"] for name in documents}
    truth = _together([incident["documents"] for incident in gold["incidents"]])
    loose = _together([[*incident["documents"], *incident.get("optional_documents", [])]
                       for incident in gold["incidents"]])
    made = _together([[Path(str(d)).name for d in incident["documents"]] for incident in export["incidents"]])
    counts = {"": [0, 0, 0], "cross_": [0, 0, 0]}  # true pairs, gold pairs, predicted pairs
    for a, b in itertools.combinations(documents, 2):
        is_gold, is_made = b in truth.get(a, ()), b in made.get(a, ())
        if not is_gold and b in loose.get(a, ()):
            continue  # an optional document with its incident's reports
        for prefix in ("", "cross_") if language[a] != language[b] else ("",):
            counts[prefix][0] += is_gold and is_made
            counts[prefix][1] += is_gold
            counts[prefix][2] += is_made
    figures: dict[str, float] = {}
    for prefix, (true, in_gold, in_export) in counts.items():
        precision, recall = true / in_export if in_export else 1.0, true / in_gold if in_gold else 1.0
        figures |= {f"{prefix}pairs_gold": in_gold, f"{prefix}pairs_made": in_export,
                    f"{prefix}precision": precision, f"{prefix}recall": recall,
                    f"{prefix}f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0}
    b_precision, b_recall = [], []
    for a in documents:
        ignored = loose.get(a, {a}) - truth.get(a, {a})
        mine, right = made.get(a, {a}) | {a}, (truth.get(a, {a}) | {a})
        mine -= ignored
        b_precision.append(len(mine & right) / len(mine))
        b_recall.append(len(mine & right) / len(right))
    figures |= {"bcubed_precision": sum(b_precision) / len(documents), "bcubed_recall": sum(b_recall) / len(documents)}
    return figures


def pairwise_table(name: str, figures: dict[str, float]) -> str:
    columns = ("precision", "recall", "f1")
    lines = [f"| same-incident pairs, {name} | " + " | ".join(columns) + " | gold pairs | made pairs |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for label, prefix in (("all pairs", ""), ("across languages", "cross_")):
        cells = [f"{figures[prefix + c]:.3f}" for c in columns] + [str(figures[f"{prefix}pairs_{c}"])
                                                                   for c in ("gold", "made")]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append(f"| B-cubed | {figures['bcubed_precision']:.3f} | {figures['bcubed_recall']:.3f} | | | |")
    return "\n".join(lines)


def evaluate(chosen: EvalSet, workdir: Path, workers: int, runs: int = 1, order: str = "listed") \
        -> dict[str, Score]:
    """The set's score, and for multilingual sets one per language too."""
    export = export_of(chosen, workdir, workers, runs, order)
    scores = {"all": score(chosen, export, chosen.gold)}
    if chosen.scorer == "seeds":
        scores["all"].pairs = pairwise(json.loads(export.read_text(encoding="utf-8")),
                                       json.loads(chosen.gold.read_text(encoding="utf-8")))
    if chosen.per_language:
        gold = json.loads(chosen.gold.read_text(encoding="utf-8"))
        data = json.loads(export.read_text(encoding="utf-8"))
        for language in languages(gold):
            part = gold_for_language(gold, language)
            gold_file, export_file = workdir / f"{chosen.name}-{language}-gold.json", workdir / f"{chosen.name}-" \
                f"{language}.json"
            gold_file.write_text(json.dumps(part, ensure_ascii=False), encoding="utf-8")
            export_file.write_text(json.dumps(export_for_language(data, gold, part), ensure_ascii=False),
                                   encoding="utf-8")
            scores[language] = score(chosen, export_file, gold_file)
    return scores


def table(name: str, scores: dict[str, Score]) -> str:
    """A Markdown table: components as rows, 'all' and each language as columns."""
    columns = list(scores)
    components = list(dict.fromkeys(c for s in scores.values() for c in s.components))
    lines = [f"### {name}", "", "| component | " + " | ".join(columns) + " |",
             "| --- | " + " | ".join("---:" for _ in columns) + " |"]
    for component in components:
        cells = [f"{scores[c].components[component]:.3f}" if component in scores[c].components else "" for c in columns]
        lines.append(f"| {component} | " + " | ".join(cells) + " |")
    lines.append("| **score** | " + " | ".join(f"**{scores[c].total:.3f}**" for c in columns) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(DEFAULT_SETS), help=f"comma-separated, of: {', '.join(SETS)}")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1, help="ingest each set in this many runs one after the other, "
                        "each resolved against the incidents before it (incremental resolution); default one run")
    parser.add_argument("--order", choices=("listed", "reversed", "published"), default="listed",
                        help="the order the articles go into the runs (see split_into_runs)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", type=Path, help="keep each set's database and export in this folder, to read the "
                        "errors (e.g. score_seeds.py EXPORT --gold GOLD --verbose)")
    args = parser.parse_args()
    unknown = [s for s in args.sets.split(",") if s not in SETS]
    if unknown:
        parser.error(f"unknown set(s): {', '.join(unknown)}")
    if not SHARED.is_dir():
        parser.error(f"the evaluation sets are expected in {SHARED}")
    report = {}
    with tempfile.TemporaryDirectory(prefix="cybertrack-eval-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for name in args.sets.split(","):
            for stale in workdir.glob(f"{name}.db*"):
                stale.unlink()
            report[name] = evaluate(SETS[name], workdir, args.workers, args.runs, args.order)
            print(table(name, report[name]) + "\n", flush=True)
            if report[name]["all"].pairs:
                print(pairwise_table(name, report[name]["all"].pairs) + "\n", flush=True)
    if args.json:
        args.json.write_text(json.dumps({n: {c: vars(s) for c, s in r.items()} for n, r in report.items()}, indent=2),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
