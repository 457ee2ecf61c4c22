"""The knowledge base: every name cybertrack recognises, behind one compiled matcher.

It is built once per process from the MISP galaxies (actors, malware, techniques), the
country tables and the named-vulnerability file, and answers two questions: what names
occur in this text (`find`), and what does this name mean (`lookup`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from cybertrack.knowledge.actors import Actor, alias_key, load_actors
from cybertrack.knowledge.agencies import load_agencies
from cybertrack.knowledge.cache import load_or_build
from cybertrack.knowledge.common_words import COMMON_WORD_ZIPF, rejection_reason, stop_list, word_frequency
from cybertrack.knowledge.countries import country_forms
from cybertrack.knowledge.galaxies import load_galaxy
from cybertrack.knowledge.matcher import Match, PhraseMatcher
from cybertrack.knowledge.places import PlaceStems, build_gazetteer
from cybertrack.knowledge.software import Software, as_news_writes_it, load_software, without_inner_capitals
from cybertrack.knowledge.techniques import (
    Technique,
    load_platforms,
    load_technical_acronyms,
    load_techniques,
    names_of_techniques,
)
from cybertrack.knowledge.vulnerabilities import named_vulnerabilities

_APT_NUMBER = re.compile(r"^APT\s?-?(\d+)$", re.IGNORECASE)
_LETTERS_DIGITS = re.compile(r"^([A-Za-z]+)[\s-]?(\d+)$")


def _description_key(text: str) -> str:
    """ "The Police Security Service's" -> "police security service": its words in lower case, without the English
    article and possessive that news puts around an agency's description."""
    return " ".join(w for w in re.findall(r"[^\W\d_]+", text.casefold()) if w not in ("the", "s"))


@dataclass(frozen=True)
class Entry:
    """What a matched name means: its kind, its canonical key and, for countries, the form."""

    kind: str  # "actor", "malware", "tool", "technique", "country", "producer" (a security vendor or CERT),
    # or "ambiguous" (an alias two actors share: recognised so that nothing shorter inside it matches, never resolved)
    key: str  # actor or software name, technique id, ISO 3166 alpha-2 code
    form: str = ""  # for countries: "name", "adjective" or "capital"


def _vulnerable_products() -> frozenset[str]:
    """The products of the named-vulnerability file and their cue names, case-folded, without a parenthesised detail
    ("Microsoft Exchange Server (Outlook Web Access)" is "microsoft exchange server"), and a server product by its
    name alone too: "Microsoft Exchange" servers."""
    names = {name for v in named_vulnerabilities() for name in (v.product, *v.product_cues)}
    products = {" ".join(re.sub(r"\([^)]*\)", " ", name).casefold().split()) for name in names}
    return frozenset(products | {product.removesuffix(" server") for product in products})


def _vulnerability_names() -> frozenset[str]:
    """The names the named-vulnerability file gives its flaws, case-folded: "attacks on ProxyLogon" aim at a flaw on
    someone's servers, never at an organisation called so."""
    return frozenset(name.casefold() for v in named_vulnerabilities() for name in (v.name, *v.aliases))


class KnowledgeBase:
    def __init__(self) -> None:
        self.actors, self.ambiguous_aliases = load_actors()
        self.agencies = load_agencies()
        self.software = load_software()
        self.techniques = load_techniques()
        self.rejected: dict[str, str] = {}
        self.matcher = PhraseMatcher()
        self.agency_matcher = PhraseMatcher()  # apart: an agency's name must not hide a country or actor inside it
        self._add_actors()
        self._add_software()
        self._add_techniques()
        self._add_countries()
        self._add_producers()
        self._add_agencies()
        gazetteer = build_gazetteer()
        self.places = gazetteer.countries  # city or region -> its country: read around victims, never matched
        # a place's other names, case-folded -> its own ("latium" -> "lazio"): one victim's place in every language
        self.place_own_names = gazetteer.own_names
        self.place_stems = PlaceStems.of(self.places)  # what adjectives made from places are read against
        # what software, methods and flaws are called, case-folded: ATT&CK's platforms and technique names, the
        # products whose flaws the named-vulnerability file lists ("Microsoft Exchange Server", "MOVEit Transfer")
        # and those flaws' own names ("ProxyLogon", "EternalBlue"), and the acronyms ATT&CK names things by ("API")
        self.technology = frozenset(p.casefold() for p in load_platforms() | load_technical_acronyms()) \
            | frozenset(t.name.casefold() for t in self.techniques.values()) | _vulnerable_products() \
            | _vulnerability_names()

    # -- building ---------------------------------------------------------------------------------------------
    def _acceptable(self, name: str) -> bool:
        reason = rejection_reason(name)
        if reason:
            self.rejected[name] = reason
        return reason is None

    def _add_actors(self) -> None:
        own_names = {alias_key(actor.name): actor.name for actor in self.actors.values()}
        for actor in self.actors.values():
            for alias in actor.aliases:
                key = alias_key(alias)
                if key in self.ambiguous_aliases:  # matched, so that no shorter name inside it is, but never resolved
                    self.matcher.add(alias, Entry("ambiguous", key), case_sensitive=False)
                    continue
                if own_names.get(key, actor.name) != actor.name:
                    continue  # another actor's own name
                if not self._acceptable(alias):
                    continue
                for surface in actor_spellings(alias):
                    self.matcher.add(surface, Entry("actor", actor.name), case_sensitive=True)

    def _add_software(self) -> None:
        for family in self.software.values():
            for alias in family.aliases:
                if len(alias) < 4 and not any(c.isdigit() for c in alias):
                    continue
                if not self._acceptable(alias) or alias_key(alias) in self._actor_keys:
                    continue
                if family.galaxies == {"ransomware"} and _ordinary_words(alias):
                    continue  # not this family's name to match; another catalogue may still list it
                for surface in {alias, alias.upper(), as_news_writes_it(alias), without_inner_capitals(alias)} - {None}:
                    self.matcher.add(surface, Entry(family.kind, family.name), case_sensitive=True)

    @functools.cached_property
    def _actor_keys(self) -> set[str]:
        return {alias_key(alias) for actor in self.actors.values() for alias in actor.aliases}

    def _add_techniques(self) -> None:
        for technique in names_of_techniques(self.techniques).values():
            self.matcher.add(technique.name, Entry("technique", technique.id))

    def _add_countries(self) -> None:
        for form in country_forms():
            self.matcher.add(form.text, Entry("country", form.code, form.kind), case_sensitive=form.case_sensitive)

    def _add_producers(self) -> None:
        """Security vendors and CERTs that publish intelligence: they report and attribute attacks."""
        for cluster in load_galaxy("producer"):
            for name in {cluster.value, *cluster.synonyms}:
                if len(name) >= 3 and rejection_reason(name) is None:
                    self.matcher.add(name, Entry("producer", cluster.value), case_sensitive=True)

    def _add_agencies(self) -> None:
        for agency in self.agencies.values():
            for alias in agency.aliases:
                # an acronym is matched upper-case only, so "GRU" is not the Italian word "gru"
                if (alias.isupper() and alias.lower() not in stop_list()) or self._acceptable(alias):
                    self.agency_matcher.add(alias, Entry("agency", agency.name), case_sensitive=True)

    # -- querying ---------------------------------------------------------------------------------------------
    def find(self, text: str) -> list[Match]:
        return self.matcher.find(text)

    def find_agencies(self, text: str) -> list[Match]:
        """State agencies named in a text: found apart from the other names, and actors only where cast as such."""
        return self.agency_matcher.find(text)

    def actor(self, name: str) -> Actor | None:
        """The actor a frame names: a catalogued threat actor, a state agency, or a malware family acting as its
        gang, such as a ransomware operation (its names are the family's; an actor of the same name wins)."""
        known = self.actors.get(name) or self.agencies.get(name)
        if known:
            return known
        family = self.software.get(name)
        if family is None or family.kind != "malware":
            return None
        return self.gang(family.name)

    def agency_named(self, text: str) -> str | None:
        """The state agency ``text`` is the name of, whole: an alias ("PST"), or one of its descriptions beside its
        country ("the Norwegian Police Security Service", "Norway's Police Security Service"); None for anything
        else, and for a description two agencies of one country share."""
        found = self.find_agencies(text)
        if len(found) == 1 and found[0].text == text.strip():
            return str(found[0].values[0].key)
        countries = [m for m in self.find(text) if any(isinstance(v, Entry) and v.kind == "country" for v in m.values)]
        codes = {str(v.key) for m in countries for v in m.values if isinstance(v, Entry) and v.kind == "country"}
        if len(codes) != 1:
            return None
        rest = text
        for match in sorted(countries, key=lambda m: -m.start):
            rest = rest[:match.start] + " " + rest[match.end:]
        return self._described_agencies.get((codes.pop(), _description_key(rest)))

    @functools.cached_property
    def _described_agencies(self) -> dict[tuple[str | None, str], str]:
        """Each agency by its country and one of its descriptions; a description two agencies of one country share
        names neither."""
        keyed = [((agency.country, _description_key(description)), agency.name)
                 for agency in self.agencies.values() for description in agency.described_as]
        seen = Counter(key for key, _ in keyed)
        return {key: name for key, name in keyed if seen[key] == 1}

    def gang(self, family: str) -> Actor | None:
        """The gang behind a malware family, named as the galaxies name its operation: the families that share a
        spelling of its name ("BlackBasta" in Malpedia, "Black Basta" in the ransomware galaxy) are one gang, named
        after the ransomware galaxy's entry when there is one. A strain sold at a fixed ransom ("SamSam operators",
        "the hackers behind WannaCry") names no gang: whoever runs it goes unnamed."""
        keys = {alias_key(a) for a in self.software[family].aliases} | {alias_key(family)}
        kin = [f for key in keys for f in self._families_by_key.get(key, ())]
        kin = list({f.name: f for f in [self.software[family], *kin]}.values())
        if any(f.fixed_ransom for f in kin):
            return None
        name = next((f.name for f in kin if "ransomware" in f.galaxies), family)
        return Actor(name=name, aliases={a for f in kin for a in f.aliases} | {f.name for f in kin},
                     galaxies={g for f in kin for g in f.galaxies})

    @functools.cached_property
    def _families_by_key(self) -> dict[str, list[Software]]:
        found: dict[str, list[Software]] = {}
        for family in self.software.values():
            if family.kind == "malware":
                for key in {alias_key(a) for a in family.aliases} | {alias_key(family.name)}:
                    found.setdefault(key, []).append(family)
        return found

    def lookup(self, name: str) -> list[Actor | Software | Technique | dict]:
        """Everything a name can mean, for people asking the knowledge base directly."""
        found: list[Actor | Software | Technique | dict] = []
        key = alias_key(name)
        found += [a for a in self.actors.values() if key in {alias_key(x) for x in a.aliases}]
        found += [s for s in self.software.values() if key in {alias_key(x) for x in s.aliases}]
        technique = self.techniques.get(name.upper())
        found += [technique] if technique else []
        found += [{"country": e.key, "form": e.form} for e in self.matcher.lookup(name)
                  if isinstance(e, Entry) and e.kind == "country"]
        found += [{"vulnerability": v.name, "cves": list(v.cves), "reference": v.reference}
                  for v in named_vulnerabilities()
                  if key in {alias_key(x) for x in (v.name, *v.aliases)} or name.upper() in v.cves]
        return found

    def stats(self) -> dict[str, int]:
        kinds = Counter(e.kind for e in self.matcher.values() if isinstance(e, Entry))
        return {
            "actors": len(self.actors),
            "actors with a country": sum(1 for a in self.actors.values() if a.country),
            "actor aliases": sum(len(a.aliases) for a in self.actors.values()),
            "ambiguous aliases (never matched)": len(self.ambiguous_aliases),
            "malware and tools": len(self.software),
            "techniques": len(self.techniques),
            "named vulnerabilities": len(named_vulnerabilities()),
            "countries": len({f.code for f in country_forms()}),
            "country forms": len(country_forms()),
            "places (cities and regions)": len(self.places),
            "names rejected as common words or stop-listed": len(self.rejected),
            **{f"matcher phrases: {kind}": count for kind, count in sorted(kinds.items())},
        }


def actor_spellings(alias: str) -> set[str]:
    """The ways news writes an actor's name: as catalogued, upper-case, capitalised ("JUDGMENT PANDA" as "Judgment
    Panda", "BlackCat" as "Blackcat": `without_inner_capitals`), "APT 31" for "APT31",
    and the expanded "Advanced Persistent Threat 31"."""
    spellings = {alias, alias.upper()} | ({plain} if (plain := without_inner_capitals(alias)) else set())
    if alias.isupper() and not any(c.isdigit() for c in alias):
        spellings.add(alias.title())  # "JUDGMENT PANDA" is written "Judgment Panda" in running text
    parts = _LETTERS_DIGITS.match(alias)
    if parts:
        spellings |= {f"{parts[1]}{parts[2]}", f"{parts[1]} {parts[2]}", f"{parts[1]}-{parts[2]}"}
    apt = _APT_NUMBER.match(alias)
    if apt:
        spellings.add(f"Advanced Persistent Threat {apt[1]}")
    return spellings


def _ordinary_words(name: str) -> bool:
    """A name made only of everyday words ("Donald Trump", listed as a family by the ransomware galaxy alone). Families
    that the curated galaxies (Malpedia, ATT&CK) also list, such as "Black Basta", are not put to this test."""
    words = name.split()
    return len(words) > 1 and all(word_frequency(w) >= COMMON_WORD_ZIPF for w in words)


@functools.cache
def knowledge_base() -> KnowledgeBase:
    """The process's knowledge base: loaded from the on-disk cache, or built (and cached) when the code or data
    changed."""
    return load_or_build(KnowledgeBase)
