"""Runs txt2stix's pattern (regex) and lookup extractors, and nothing else, inside the peer venv.

`bench/peer_txt2stix.py` starts this with `.venv-peer/bin/python`, because txt2stix's dependencies (llama-index,
openai, a newer setuptools, ...) must not touch cybertrack's `.venv`. It imports only txt2stix and the standard
library, reads one JSON object a line (`id`, `text`) on stdin and writes one JSON report on stdout: load time, time
spent extracting, and every article's extractions as `[extractor, value, mentions]`.

The extraction is the one `txt2stix.txt2stix.run_extractors` does (lookups, then patterns, on the text wrapped in
newlines, extraction boundaries respected), called through `txt2stix.lookups.extract_all` and
`txt2stix.pattern.extract_all` directly, so the AI stack (llama-index, LLM clients) is never even imported.
No network is used: the public-suffix list comes from tldextract's bundled snapshot (it would otherwise try to
download it), and sockets are blocked; any attempt is counted in the report, so "offline" is checked, not assumed.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import resource
import socket
import sys
import time
from pathlib import Path
from typing import Any

# Lookups shipped only as examples of a user's own list (one or two made-up or sample entries each): using them would
# count, say, every "REvil" as the package's malware lookup. txt2stix's CLI never selects them unless asked.
PLACEHOLDER_LOOKUPS = (
    "lookup_attack_pattern", "lookup_campaign", "lookup_course_of_action", "lookup_identity",
    "lookup_infrastructure", "lookup_intrusion_set", "lookup_malware", "lookup_threat_actor", "lookup_tool",
)
# The same file as lookup_country_alpha2_country_only; the two differ only in the STIX objects built afterwards.
DUPLICATE_LOOKUPS = ("lookup_country_alpha2",)
DEFAULT_SELECTION = "pattern_*,lookup_*"
PROGRESS_EVERY = 25
WARM_UP_TEXT = "Attackers used CVE-2021-44228 and T1566 against example.org (203.0.113.7) in the US."

network_attempts: list[str] = []


def block_network() -> None:
    """Make every connection or name lookup fail, and remember who tried: the comparison must run offline."""

    def refuse(*args: Any, **_kwargs: Any) -> Any:
        network_attempts.append(repr(args[1:] if args and isinstance(args[0], socket.socket) else args)[:200])
        raise OSError("network blocked by txt2stix_worker")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]


def offline_tldextract() -> None:
    """tldextract fetches the public-suffix list on first use; point it at the snapshot it ships instead."""
    import tldextract
    import tldextract.tldextract as implementation

    implementation.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def select_extractors(selection: str) -> tuple[list[Any], list[Any], dict[str, str]]:
    """The lookup and pattern extractors a txt2stix-style glob list names, loaded, and those left out with why."""
    from txt2stix import get_all_extractors, lookups, pattern

    every = get_all_extractors()
    wanted = {name for glob in selection.split(",") if glob.strip() for name in fnmatch.filter(every, glob.strip())}
    left_out: dict[str, str] = {}
    chosen_lookups, chosen_patterns = [], []
    for name in sorted(every):
        extractor = every[name]
        if extractor.type == "ai":
            left_out[name] = "AI extractor (needs an LLM provider)"
        elif name not in wanted:
            left_out[name] = "not selected"
        elif name in PLACEHOLDER_LOOKUPS and not selection_names(selection, name):
            left_out[name] = "placeholder lookup: the file ships a sample entry for the user to replace"
        elif name in DUPLICATE_LOOKUPS and not selection_names(selection, name):
            left_out[name] = "same terms as lookup_country_alpha2_country_only"
        elif extractor.type == "lookup":
            lookups.load_lookup(extractor)
            chosen_lookups.append(extractor)
        else:
            pattern.load_extractor(extractor)
            chosen_patterns.append(extractor)
    return chosen_lookups, chosen_patterns, left_out


def selection_names(selection: str, name: str) -> bool:
    """Whether the selection names this extractor outright (not through a glob), which overrides the defaults."""
    return name in {glob.strip() for glob in selection.split(",")}


def extract(lookup_extractors: list[Any], pattern_extractors: list[Any], text: str) -> tuple[list, float, float]:
    """One article through txt2stix's lookups and patterns, as `run_extractors` does; the time each took."""
    from txt2stix import lookups, pattern

    wrapped = "\n" + text + "\n"
    started = time.perf_counter()
    found = lookups.extract_all(lookup_extractors, wrapped) if lookup_extractors else []
    middle = time.perf_counter()
    found += pattern.extract_all(pattern_extractors, wrapped) if pattern_extractors else []
    ended = time.perf_counter()
    rows = [[e["type"], str(e["value"]), len(e["start_index"])] for e in found]
    return rows, middle - started, ended - middle


def run(selection: str, lines: list[str]) -> dict[str, Any]:
    """Load (timed apart, with a warm-up on a made-up sentence), then extract from every article."""
    load_started, load_cpu = time.perf_counter(), time.process_time()
    offline_tldextract()
    lookup_extractors, pattern_extractors, left_out = select_extractors(selection)
    extract([], pattern_extractors, WARM_UP_TEXT)  # lazy state (suffix list, phone metadata); lookups have none
    load_seconds, load_cpu = time.perf_counter() - load_started, time.process_time() - load_cpu
    articles, lookup_seconds, pattern_seconds = [], 0.0, 0.0
    started, cpu = time.perf_counter(), time.process_time()
    for line in lines:
        article = json.loads(line)
        rows, in_lookups, in_patterns = extract(lookup_extractors, pattern_extractors, article["text"])
        lookup_seconds, pattern_seconds = lookup_seconds + in_lookups, pattern_seconds + in_patterns
        articles.append({"id": article["id"], "extractions": rows})
        if len(articles) % PROGRESS_EVERY == 0:
            print(f"txt2stix: {len(articles)}/{len(lines)} articles", file=sys.stderr, flush=True)
    return {
        "version": package_version(),
        "load_seconds": load_seconds, "load_cpu_seconds": load_cpu,
        "seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu,
        "lookup_seconds": lookup_seconds, "pattern_seconds": pattern_seconds,
        "peak_rss_mb": peak_rss_mb(),
        "lookup_extractors": {e.slug: len(e.terms) for e in lookup_extractors},
        "pattern_extractors": [e.slug for e in pattern_extractors],
        "left_out": left_out, "network_attempts": network_attempts, "articles": articles,
    }


def peak_rss_mb() -> float:
    """This process's own peak: Linux carries `ru_maxrss` over from the parent through fork and exec, so the
    parent's size would show instead; the memory map's high-water mark (`VmHWM`) starts afresh at exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def package_version() -> str:
    from importlib.metadata import version

    return version("txt2stix")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extractions", default=DEFAULT_SELECTION,
                        help="comma-separated extractor names or globs, as txt2stix's --use_extractions "
                             f"(default {DEFAULT_SELECTION!r}; AI extractors are never run)")
    args = parser.parse_args()
    block_network()
    lines = [line for line in sys.stdin.read().splitlines() if line.strip()]
    json.dump(run(args.extractions, lines), sys.stdout)


if __name__ == "__main__":
    main()
