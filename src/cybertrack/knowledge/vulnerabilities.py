"""Find the vulnerabilities a sentence names, as CVE ids.

News rarely gives a CVE id; it says "the Log4Shell flaw" or "la faille Citrix Bleed". The names
live in a data file (`data/named_vulnerabilities.json`) rather than in code so that every entry can
be reviewed on its own and carries a public reference (NVD page) that backs its CVE ids.

Three kinds of mention are found:

* CVE ids, by pattern, in the spellings the press uses ("cve-2021-44228", "CVE 2021-44228",
  en dashes and non-breaking hyphens), normalised to "CVE-2021-44228";
* aliases, names that on their own designate one vulnerability ("ProxyLogon", "Zerologon");
* cues, which designate a vulnerability only when the same sentence also speaks of a vulnerability
  ("la faille Log4j", "die Log4j-Lücke"). A product name alone says nothing ("we use Log4j for
  logging"), so cues are kept for products where news of a flaw overwhelmingly means one
  vulnerability. Vulnerability names that are also ordinary words ("Meltdown", "Spectre",
  "Downfall") are cues for the same reason: "the spectre of a market meltdown" is not about CPUs.

Aliases and cues match regardless of case, except those written in capitals in the data ("POODLE",
"FREAK", "DROWN"), which are ordinary words in lower case and so must be written in capitals.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

from cybertrack.knowledge.matcher import Match, PhraseMatcher
from cybertrack.lang import LANGUAGES, pack
from cybertrack.tables import table


@dataclass(frozen=True)
class NamedVulnerability:
    """A vulnerability known by a name, with the CVE ids it stands for."""

    name: str
    aliases: tuple[str, ...]
    product_cues: tuple[str, ...]
    cves: tuple[str, ...]
    product: str
    reference: str


@dataclass(frozen=True)
class VulnerabilityMention:
    """Where a text mentions a vulnerability; `name` is None for a bare CVE id."""

    start: int
    end: int
    text: str
    cves: tuple[str, ...]
    name: str | None


_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
CVE_PATTERN = re.compile(rf"\bCVE(?:[{_DASHES}]|\s)?(\d{{4}})[{_DASHES}](\d{{4,7}})\b", re.IGNORECASE)

_ALIAS = "alias"
_CUE = "cue"


@functools.cache
def named_vulnerabilities() -> tuple[NamedVulnerability, ...]:
    """Every named vulnerability in the data file, in file order."""
    text = (resources.files("cybertrack.knowledge") / "data" / "named_vulnerabilities.json").read_text("utf-8")
    return tuple(
        NamedVulnerability(
            name=entry["name"],
            aliases=tuple(entry["aliases"]),
            product_cues=tuple(entry["product_cues"]),
            cves=tuple(entry["cves"]),
            product=entry["product"],
            reference=entry["reference"],
        )
        for entry in json.loads(text)
    )


@table
def _name_matcher() -> PhraseMatcher:
    matcher = PhraseMatcher()
    for vulnerability in named_vulnerabilities():
        for kind, phrases in ((_ALIAS, vulnerability.aliases), (_CUE, vulnerability.product_cues)):
            for phrase in phrases:
                matcher.add(phrase, (kind, vulnerability), case_sensitive=phrase.isupper())
    return matcher


@table
def _vulnerability_word_matcher() -> PhraseMatcher:
    matcher = PhraseMatcher()
    for language in LANGUAGES:  # words saying that a sentence is about a vulnerability, from the language packs
        for word in pack(language, "vulnerabilities")["words"]:
            matcher.add(word, True)
    return matcher


def _cve_mentions(text: str) -> list[VulnerabilityMention]:
    return [
        VulnerabilityMention(m.start(), m.end(), m.group(0), (f"CVE-{m.group(1)}-{m.group(2)}",), None)
        for m in CVE_PATTERN.finditer(text)
    ]


def _name_mentions(match: Match, cues_allowed: bool) -> list[VulnerabilityMention]:
    return [
        VulnerabilityMention(match.start, match.end, match.text, vulnerability.cves, vulnerability.name)
        for kind, vulnerability in match.values
        if kind == _ALIAS or cues_allowed
    ]


def speaks_of_vulnerability(text: str) -> bool:
    """Whether the text uses a word for a vulnerability, in any supported language."""
    return bool(_vulnerability_word_matcher().find(text))


def find_vulnerabilities(text: str) -> list[VulnerabilityMention]:
    """Every vulnerability mentioned in one sentence, by start offset.

    Product cues count only when the sentence also uses a vulnerability word, so pass sentences,
    not whole articles.
    """
    cues_allowed = speaks_of_vulnerability(text)
    mentions = _cve_mentions(text)
    for match in _name_matcher().find(text):
        mentions.extend(_name_mentions(match, cues_allowed))
    unique = {(m.start, m.end, m.name): m for m in mentions}
    return sorted(unique.values(), key=lambda m: (m.start, m.end, m.name or ""))
