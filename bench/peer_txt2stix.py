"""cybertrack next to txt2stix: throughput and what each extracts, on the same articles in the same run.

txt2stix (PyPI) is the nearest peer that turns threat-report text into STIX. Only its pattern (regex) and lookup
extractors run here, never its AI ones, and without network. It lives in its own venv (`.venv-peer`, made by
`make peer`) because its dependencies would change ours; `bench/txt2stix_worker.py` runs it there as a subprocess.

One run:
1. cybertrack: the same `Pipeline` `cybertrack bench` drives, in this process, one article after another; loading
   (the pipeline and a warm-up on a made-up article, so every model is in memory) is timed apart from the articles.
2. txt2stix: the worker loads its extractors (timed apart), then extracts from the same texts.
3. Both sides' findings are sorted into the same kinds and counted: distinct values per article, summed, and the
   articles with at least one. txt2stix's ATT&CK lookups do not say whether a name is a technique, a group or a piece
   of software, so this script looks each one up in the MITRE galaxies of `pymispgalaxies` (ATT&CK ids go by prefix).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from cybertrack.bench import load_articles, text_items
from cybertrack.ingest.errors import IngestError
from cybertrack.knowledge.galaxies import load_galaxy
from cybertrack.model import Document, SourceItem
from cybertrack.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
WORKER = Path(__file__).resolve().parent / "txt2stix_worker.py"
DEFAULT_CORPUS = Path("../shared/corpus/casie-dev/articles.jsonl")
DEFAULT_PEER_PYTHON = ROOT / ".venv-peer" / "bin" / "python"

KINDS = {
    "incidents": "incidents (frames)",
    "victims": "victims",
    "claims": "attribution claims",
    "actors": "threat actors / intrusion sets",
    "malware": "malware / tools",
    "techniques": "ATT&CK techniques",
    "cves": "CVEs",
    "countries": "countries",
    "sectors": "sectors",
    "ips": "IP addresses",
    "domains": "domains / host names",
    "urls": "URLs",
    "hashes": "file hashes",
    "emails": "e-mail addresses",
    "observables": "other observables",
    "attack_other": "other ATT&CK objects",
    "frameworks": "CAPEC, CWE, D3FEND, ATLAS, DISARM, F3",
}
CYBERTRACK_KINDS = ("incidents", "victims", "claims", "actors", "malware", "techniques", "cves", "countries", "sectors")
ATTACK_KINDS = ("actors", "malware", "techniques", "attack_other")
PATTERN_KINDS = (("pattern_cve", "cves"), ("pattern_ipv", "ips"), ("pattern_domain", "domains"),
                 ("pattern_host_name_url", "urls"), ("pattern_host_name_file", "urls"),
                 ("pattern_host_name_path", "urls"), ("pattern_host_name", "domains"), ("pattern_url", "urls"),
                 ("pattern_file_hash", "hashes"), ("pattern_email", "emails"))
ISO_CODE = re.compile(r"^[A-Z]{2}$")
GALAXY_ID_SUFFIX = re.compile(r"\s+-\s+[A-Z]{1,2}\d{4}(?:\.\d{3})?$")
# A made-up report that reaches every stage (an attack frame, the classifier, the embedding model) before timing.
WARM_UP = ("Hackers broke into the networks of the Ministry of Defence last week, the ministry said on Monday. "
           "Microsoft attributed the cyberattack to APT28, which sent phishing emails and exploited CVE-2017-0144.")

Facts = dict[str, set[str]]


@dataclass
class SideRun:
    """One tool's run: its timings and, per article, the values it found of each kind."""

    name: str
    version: str
    load_seconds: float
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    facts: dict[str, Facts]
    kinds: tuple[str, ...]
    failed: list[str] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return len(self.facts) / self.seconds if self.seconds else 0.0


# --- cybertrack -------------------------------------------------------------------------------------------------


def run_cybertrack(articles: list[dict]) -> SideRun:
    """Every article through one `Pipeline`, in this process, as `cybertrack bench --workers 1` does (no store)."""
    source = source_state()  # now, as a colleague may commit or edit src/ while txt2stix runs
    load_started = time.perf_counter()
    pipeline = warm_pipeline()
    load_seconds = time.perf_counter() - load_started
    facts: dict[str, Facts] = {}
    failed: list[str] = []
    started, cpu = time.perf_counter(), time.process_time()
    for item in text_items(articles):
        try:
            facts[item.source_id] = cybertrack_facts(pipeline.process(item))
        except IngestError:
            facts[item.source_id] = {}
            failed.append(item.source_id)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return SideRun("cybertrack", package_version("cybertrack"), load_seconds, seconds, cpu,
                   resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, facts, CYBERTRACK_KINDS, failed,
                   {"stage_seconds": dict(pipeline.seconds), "source": source})


def warm_pipeline() -> Pipeline:
    """A pipeline with every model loaded: by its own `load` (or `warm_up`, as older versions call it) where it has
    one, else by a made-up article through it."""
    pipeline = Pipeline()
    load = getattr(pipeline, "load", None) or getattr(pipeline, "warm_up", None)
    if callable(load):
        load()
    else:
        pipeline.process(SourceItem("warm-up", "text", text=WARM_UP, published="2024-03-04"))
        pipeline.seconds.clear()
    return pipeline


def cybertrack_facts(doc: Document) -> Facts:
    """What one document holds, by kind: its incident frames' contents, and every CVE it names."""
    facts: Facts = {kind: set() for kind in CYBERTRACK_KINDS}
    facts["cves"] = {cve.upper() for cve in doc.vulnerabilities}
    for n, frame in enumerate(doc.frames):
        facts["incidents"].add(str(n))
        facts["victims"] |= {v.key for v in frame.victims}
        facts["sectors"] |= {v.sector for v in frame.victims if v.sector}
        facts["countries"] |= {v.country for v in frame.victims if v.country}
        facts["actors"] |= set(frame.actors)
        facts["malware"] |= set(frame.malware)
        facts["techniques"] |= set(frame.techniques)
        facts["cves"] |= {cve.upper() for cve in frame.vulnerabilities}
        for claim in frame.claims:
            facts["claims"].add(f"{claim.claimant}|{claim.stance}|{','.join(claim.attributed_to)}")
            facts["countries"] |= {a for a in (*claim.attributed_to, claim.speaks_for) if a and ISO_CODE.match(a)}
            facts["actors"] |= {a for a in claim.attributed_to if not ISO_CODE.match(a)}
    return facts


# --- txt2stix ---------------------------------------------------------------------------------------------------


def run_txt2stix(articles: list[dict], peer_python: Path, extractions: str) -> SideRun:
    """The worker in the peer venv, fed the same texts on stdin; its report sorted into our kinds."""
    lines = "".join(json.dumps({"id": a["id"], "text": a["text"]}) + "\n" for a in articles)
    command = [str(peer_python), str(WORKER), "--extractions", extractions]
    done = subprocess.run(command, input=lines, stdout=subprocess.PIPE, text=True, check=False)  # stderr: progress
    if done.returncode != 0:
        sys.exit(f"the txt2stix worker failed (exit {done.returncode}); its errors are above")
    report = json.loads(done.stdout)
    facts = {a["id"]: txt2stix_facts(a["extractions"]) for a in report["articles"]}
    chosen = list(report["lookup_extractors"]) + report["pattern_extractors"]
    kinds = tuple(k for k in KINDS if any(k in extractor_kinds(slug) for slug in chosen))
    detail = {key: report[key] for key in ("lookup_seconds", "pattern_seconds", "lookup_extractors",
                                           "pattern_extractors", "left_out", "network_attempts")}
    return SideRun("txt2stix", report["version"], report["load_seconds"], report["seconds"], report["cpu_seconds"],
                   report["peak_rss_mb"], facts, kinds, [], detail)


def txt2stix_facts(rows: list[list]) -> Facts:
    facts: Facts = {}
    for slug, value, _mentions in rows:
        kind, key = txt2stix_kind(slug, value)
        facts.setdefault(kind, set()).add(key)
    return facts


def extractor_kinds(slug: str) -> tuple[str, ...]:
    """The kinds an extractor can yield (an ATT&CK lookup yields any ATT&CK object)."""
    if slug.startswith("lookup_mitre_attack_"):
        return ATTACK_KINDS
    return (txt2stix_kind(slug, "")[0],)


def txt2stix_kind(slug: str, value: str) -> tuple[str, str]:
    """A txt2stix extraction as (kind, value as compared): CVEs upper-cased, techniques as ATT&CK ids."""
    if slug.startswith("lookup_mitre_attack_"):
        return attack_kind(slug, value)
    if slug.startswith("lookup_country"):
        return "countries", value.upper()
    if slug == "lookup_sector_alias":
        return "sectors", value.lower()
    if slug.startswith("lookup_"):
        return PLACEHOLDER_KINDS.get(slug, "frameworks"), value
    kind = next((k for prefix, k in PATTERN_KINDS if slug.startswith(prefix)), "observables")
    return kind, value.upper() if kind == "cves" else value


PLACEHOLDER_KINDS = {"lookup_threat_actor": "actors", "lookup_intrusion_set": "actors", "lookup_malware": "malware",
                     "lookup_tool": "malware", "lookup_attack_pattern": "techniques",
                     "lookup_campaign": "attack_other", "lookup_course_of_action": "attack_other",
                     "lookup_identity": "observables", "lookup_infrastructure": "observables"}
ATTACK_ID = re.compile(r"[A-Z]{1,3}\d{4}(?:\.\d{3})?")
ATTACK_ID_KINDS = (("TA", "attack_other"), ("T", "techniques"), ("G", "actors"), ("S", "malware"))


def attack_kind(slug: str, value: str) -> tuple[str, str]:
    """An ATT&CK id by its prefix; a name or alias by the MITRE galaxy entry that lists it, preferring the entry
    spelt the same ("at" the tool, "At" the technique) and of the lookup's matrix (enterprise "Phishing" is T1566,
    mobile "Phishing" T1660); a name no galaxy lists is 'other'."""
    if ATTACK_ID.fullmatch(value):
        kind = next((kind for prefix, kind in ATTACK_ID_KINDS if re.match(prefix + r"\d", value)), "attack_other")
        return kind, value
    matrix = slug.removeprefix("lookup_mitre_attack_").split("_")[0]
    entries = attack_names().get(value.lower())
    if not entries:
        return "attack_other", value
    entry = min(entries, key=lambda e: (e.name != value, e.matrix not in ("", matrix), KINDS_ORDER.index(e.kind)))
    return entry.kind, entry.id if entry.kind == "techniques" else value


@dataclass(frozen=True)
class AttackEntry:
    name: str
    kind: str
    id: str
    matrix: str  # "enterprise", "mobile", "ics" for techniques; "" for groups, software and the rest


KINDS_ORDER = ("techniques", "actors", "malware", "attack_other")
GALAXY_KINDS = (("mitre-attack-pattern", "techniques"), ("mitre-intrusion-set", "actors"), ("mitre-malware", "malware"),
                ("mitre-tool", "malware"), ("mitre-course-of-action", "attack_other"),
                ("mitre-data-source", "attack_other"))


@cache
def attack_names() -> dict[str, list[AttackEntry]]:
    """Lower-cased ATT&CK name or synonym -> the galaxy entries that carry it (the galaxies cybertrack reads)."""
    names: dict[str, list[AttackEntry]] = {}
    for galaxy, kind in GALAXY_KINDS:
        for cluster in load_galaxy(galaxy):
            external = str(cluster.meta.get("external_id") or "")
            if kind == "techniques" and not external.startswith("T"):
                continue
            matrix = technique_matrix(cluster.meta) if kind == "techniques" else ""
            for name in dict.fromkeys((GALAXY_ID_SUFFIX.sub("", cluster.value).strip(), *cluster.synonyms)):
                names.setdefault(name.lower(), []).append(AttackEntry(name, kind, external, matrix))
    return names


def technique_matrix(meta: dict) -> str:
    chains = [str(chain) for chain in meta.get("kill_chain") or ()]
    if any(chain.startswith("mobile-attack") for chain in chains):
        return "mobile"
    if any(chain.startswith("ics-attack") for chain in chains):
        return "ics"
    return "enterprise"


# --- comparison -------------------------------------------------------------------------------------------------


def kind_counts(run: SideRun, kind: str, top: int) -> dict[str, Any] | None:
    """Distinct values per article summed, articles with one at least, and the values found in most articles."""
    if kind not in run.kinds:
        return None
    found = [facts.get(kind, set()) for facts in run.facts.values()]
    frequent = Counter(value for values in found for value in values).most_common(top)
    return {"total": sum(len(v) for v in found), "articles": sum(1 for v in found if v),
            "top": [[value, n] for value, n in frequent]}


def agreement(ours: SideRun, theirs: SideRun, kind: str) -> dict[str, Any]:
    """(article, value) pairs both found, and those only one of them found."""
    mine = {(doc, v) for doc, facts in ours.facts.items() for v in facts.get(kind, ())}
    other = {(doc, v) for doc, facts in theirs.facts.items() for v in facts.get(kind, ())}
    return {"both": len(mine & other), "only_cybertrack": sorted(mine - other),
            "only_txt2stix": sorted(other - mine)}


def summary(runs: list[SideRun], corpus: Path, top: int, load: dict[str, list[float]]) -> dict[str, Any]:
    ours, theirs = runs
    return {
        "corpus": str(corpus), "articles": len(ours.facts), "load_average": load,
        "cybertrack_source": ours.detail["source"],
        "ratio_cybertrack_over_txt2stix": ours.per_second / theirs.per_second if theirs.per_second else None,
        "runs": {run.name: {"version": run.version, "load_seconds": run.load_seconds, "seconds": run.seconds,
                            "articles_per_second": run.per_second, "cpu_seconds": run.cpu_seconds,
                            "peak_rss_mb": run.peak_rss_mb, "failed": run.failed, **run.detail,
                            "kinds": {k: kind_counts(run, k, top) for k in KINDS}} for run in runs},
        "agreement": {kind: agreement(ours, theirs, kind) for kind in ("cves", "techniques")},
    }


# --- output -----------------------------------------------------------------------------------------------------


def cell(counts: dict[str, Any] | None) -> str:
    return "—" if counts is None else f"{counts['total']:>6} in {counts['articles']:>4}"


def table(report: dict[str, Any], top: int) -> str:
    runs = report["runs"]
    ours, theirs = runs["cybertrack"], runs["txt2stix"]
    lines = [f"cybertrack {ours['version']} vs txt2stix {theirs['version']} (pattern + lookup extractors, no AI) "
             f"on {report['articles']} articles of {report['corpus']}",
             f"cybertrack source: {report['cybertrack_source']}", "",
             f"{'':<38}{'cybertrack':>16}{'txt2stix':>16}"]
    for label, key, form in (("load (s, apart)", "load_seconds", "{:.1f}"), ("extraction (s)", "seconds", "{:.1f}"),
                             ("articles/s", "articles_per_second", "{:.2f}"), ("CPU (s)", "cpu_seconds", "{:.1f}"),
                             ("peak RSS (MB)", "peak_rss_mb", "{:.0f}")):
        lines.append(f"{label:<38}{form.format(ours[key]):>16}{form.format(theirs[key]):>16}")
    ratio = report["ratio_cybertrack_over_txt2stix"]
    lines += [f"throughput ratio cybertrack / txt2stix: {ratio:.1f}x" if ratio else "throughput ratio: n/a", "",
              f"{'what each extracts (values in articles)':<38}{'cybertrack':>16}{'txt2stix':>16}"]
    lines += [f"{label:<38}{cell(ours['kinds'][k]):>16}{cell(theirs['kinds'][k]):>16}" for k, label in KINDS.items()]
    lines += ["", *agreement_lines(report["agreement"]), "", *top_lines(runs, top), *notes(report)]
    return "\n".join(lines)


def agreement_lines(found: dict[str, Any]) -> list[str]:
    return [f"{KINDS[kind]} agreement, (article, value) pairs: both {a['both']}, only cybertrack "
            f"{len(a['only_cybertrack'])}, only txt2stix {len(a['only_txt2stix'])}" for kind, a in found.items()]


def top_lines(runs: dict[str, Any], top: int) -> list[str]:
    lines = [f"most frequent values (in how many articles), top {top}:"]
    for kind, label in KINDS.items():
        for name, run in runs.items():
            counts = run["kinds"][kind]
            if counts and counts["top"] and kind not in ("incidents", "claims"):
                shown = ", ".join(f"{value} ({n})" for value, n in counts["top"])
                lines.append(f"  {label:<37} {name:<10} {shown}")
    return lines


def notes(report: dict[str, Any]) -> list[str]:
    theirs = report["runs"]["txt2stix"]
    left_out = Counter(reason for reason in theirs["left_out"].values())
    load = report["load_average"]
    return ["", f"txt2stix: {len(theirs['lookup_extractors'])} lookup extractors "
                f"({sum(theirs['lookup_extractors'].values())} terms, {theirs['lookup_seconds']:.1f} s) and "
                f"{len(theirs['pattern_extractors'])} pattern extractors ({theirs['pattern_seconds']:.1f} s); "
                f"network attempts {len(theirs['network_attempts'])}",
            *(f"  left out: {n} — {reason}" for reason, n in left_out.items()),
            f"load average (1 min) before / after each side: {load}"]


# --- command line -----------------------------------------------------------------------------------------------


def source_state() -> str:
    """Which cybertrack was measured: the commit, and whether src/ had uncommitted changes (the pipeline is
    imported from the work tree, so a colleague's edits in progress are part of the measurement)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()

    changed = git("status", "--porcelain", "--", "src")
    return git("rev-parse", "--short", "HEAD") + (" + uncommitted changes in src/" if changed else "")


def package_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                        help=f"JSON Lines, one article a line with `id` and `text` (default {DEFAULT_CORPUS})")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the full report (with the values) here")
    parser.add_argument("--peer-python", type=Path, default=DEFAULT_PEER_PYTHON,
                        help="the python of the venv txt2stix is installed in (default .venv-peer/bin/python)")
    parser.add_argument("--extractions", default="pattern_*,lookup_*",
                        help="txt2stix extractors, names or globs as its --use_extractions takes; AI ones never run")
    parser.add_argument("--top", type=int, default=5, help="how many frequent values to show per kind")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if not args.peer_python.exists():
        sys.exit(f"{args.peer_python} not found: `make peer` creates the txt2stix venv")
    articles = load_articles(args.corpus)[: args.limit]
    load: dict[str, list[float]] = {}
    load["cybertrack"] = [os.getloadavg()[0]]
    ours = run_cybertrack(articles)
    load["cybertrack"].append(os.getloadavg()[0])
    print(f"cybertrack: {len(articles)} articles in {ours.seconds:.1f} s; now txt2stix", file=sys.stderr, flush=True)
    load["txt2stix"] = [os.getloadavg()[0]]
    theirs = run_txt2stix(articles, args.peer_python, args.extractions)
    load["txt2stix"].append(os.getloadavg()[0])
    report = summary([ours, theirs], args.corpus, args.top, load)
    print(table(report, args.top))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
