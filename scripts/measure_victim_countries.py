#!/usr/bin/env python3
"""How often the exported victims carry the right country, per language, against a gold in the multilingual format.

The shared scorer checks victims by name only; the held-out attribution set also scores the victim's ("receiver")
country. This measures it two ways, per language of the article and overall:

* victims: each exported victim of an incident that lists an article is matched by name (the shared scorer's
  ``names_match``) to a gold victim with a country, of a gold incident that lists the same article. Precision is the
  share of matched victims with a country whose country is right; recall the share of the (article, gold victim)
  pairs with a matching exported victim of the right country.
* countries: the set of victim countries the export gives an article (every victim of every incident listing it,
  named in the gold or not) against the gold's countries for it, as (article, country) pairs.

    python scripts/measure_victim_countries.py EXPORT.json --gold ../shared/eval/multilingual_train_gold.json [-v]

With ``--casie`` the gold is CASIE's (``casie_train_gold.jsonl``), whose annotators marked the places of each attack
but no victim countries: an article's gold countries are its places that name a country, or a city or region of the
gazetteer (``cybertrack.knowledge``), and only those articles count. A proxy, since an attack's place is mostly, not
always, where its victim is.

    python scripts/measure_victim_countries.py EXPORT.json --gold ../shared/eval/casie_train_gold.jsonl --casie
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_seeds.py"


def _scorer():  # the shared scorer's name matching, so that a victim here is a victim there
    spec = importlib.util.spec_from_file_location("score_seeds", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the shared scorer from {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Tally:
    gold_pairs: int = 0  # (article, gold victim with a country)
    found: int = 0  # of them, with an exported victim of that name
    right: int = 0  # of them, with an exported victim of that name and the right country
    matched: int = 0  # exported victims matched to a gold victim with a country
    matched_right: int = 0
    matched_wrong: int = 0  # a country, but another one
    country_gold: int = 0  # (article, country) pairs
    country_pred: int = 0
    country_hit: int = 0

    def rows(self) -> dict[str, str]:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "-"

        with_country = self.matched_right + self.matched_wrong
        return {
            "victims P": ratio(self.matched_right, with_country),
            "victims R": ratio(self.right, self.gold_pairs),
            "right/found": f"{self.right}/{self.found}",
            "no country": str(self.matched - with_country),
            "wrong": str(self.matched_wrong),
            "countries P": ratio(self.country_hit, self.country_pred),
            "countries R": ratio(self.country_hit, self.country_gold),
        }


def measure(export: dict, gold: dict, verbose: bool) -> dict[str, Tally]:
    scorer = _scorer()
    tallies: dict[str, Tally] = defaultdict(Tally)
    incidents = [i for i in export.get("incidents", []) if isinstance(i, dict)]
    for name, document in gold["documents"].items():
        language = document["language"]
        reported = [g for g in gold["incidents"] if name in g["documents"]]
        mentioned = [g for g in gold["incidents"] if name in g["documents"] + g.get("optional_documents", [])]
        gold_victims = [v for g in reported for v in g["victims"] if v.get("country")]
        known_victims = [v for g in mentioned for v in g["victims"] if v.get("country")]
        exported = [v for i in incidents if name in {scorer.doc_key(d) for d in i.get("documents", [])}
                    for v in i.get("victims", [])]
        for tally in (tallies[language], tallies["all"]):
            for victim in gold_victims:
                same = [v for v in exported if scorer.names_match(scorer.name_of(v), victim["names"])]
                tally.gold_pairs += 1
                tally.found += bool(same)
                tally.right += any(v.get("country") == victim["country"] for v in same)
            for victim in exported:
                gold_victim = next((g for g in known_victims if scorer.names_match(scorer.name_of(victim), g["names"])),
                                   None)
                if gold_victim is None:
                    continue
                tally.matched += 1
                if victim.get("country") == gold_victim["country"]:
                    tally.matched_right += 1
                elif victim.get("country"):
                    tally.matched_wrong += 1
            predicted = {v["country"] for v in exported if v.get("country")}
            wanted = {v["country"] for v in gold_victims}
            tally.country_pred += len(predicted)
            tally.country_gold += len(wanted)
            tally.country_hit += len(predicted & wanted)
        if verbose:
            _report(name, language, gold_victims, exported, scorer)
    return tallies


def measure_casie(export: dict, gold_lines: list[dict]) -> dict[str, Tally]:
    from cybertrack.knowledge.base import knowledge_base  # only this mode needs the project

    kb = knowledge_base()

    def country_of(place: str) -> str | None:  # the gazetteer first: "Indiana" is a state, not the Italian "indiana"
        found = [e.key for e in kb.matcher.lookup(place) if getattr(e, "kind", "") == "country"]
        return kb.places.get(place) or (found[0] if found else None)

    scorer = _scorer()
    tally = Tally()
    incidents = [i for i in export.get("incidents", []) if isinstance(i, dict)]
    for line in gold_lines:
        wanted = {code for place in line.get("places", []) if (code := country_of(place))}
        if not wanted:
            continue
        exported = [v for i in incidents if line["id"] in {scorer.doc_key(d) for d in i.get("documents", [])}
                    for v in i.get("victims", [])]
        predicted = {v["country"] for v in exported if v.get("country")}
        tally.country_gold += len(wanted)
        tally.country_pred += len(predicted)
        tally.country_hit += len(predicted & wanted)
    return {"all": tally}


def _report(name: str, language: str, gold_victims: list[dict], exported: list[dict], scorer) -> None:
    wanted = ", ".join(f"{v['names'][0]}={v['country']}" for v in gold_victims) or "-"
    got = ", ".join(f"{scorer.name_of(v)}={v.get('country') or '?'}" for v in exported) or "-"
    print(f"  {name} [{language}] gold: {wanted}\n      export: {got}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--verbose", "-v", action="store_true", help="print every article's gold and export victims")
    parser.add_argument("--casie", action="store_true", help="the gold is CASIE's JSON lines; compare its places")
    args = parser.parse_args()
    export = json.loads(args.export.read_text(encoding="utf-8"))
    if args.casie:
        lines = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        tallies = measure_casie(export, lines)
    else:
        tallies = measure(export, json.loads(args.gold.read_text(encoding="utf-8")), args.verbose)
    columns = [*sorted(k for k in tallies if k != "all"), "all"]
    rows = {column: tallies[column].rows() for column in columns}
    print("| measure | " + " | ".join(columns) + " |")
    print("| --- |" + " ---: |" * len(columns))
    for row in next(iter(rows.values())):
        print(f"| {row} | " + " | ".join(rows[c][row] for c in columns) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
