"""Which candidate names did the attack hit? A role model learned from labelled sentences.

The words around a name give it its role ("an attack on X", "X was hacked", "X said",
"hacked by X", "the X app"), but no single cue decides: the same name is a victim in one
sentence and a reporter in the next. A logistic regression weighs the cues together. Its
features carry across languages because each one is read from the per-language lexicons
(the language packs: `roles.toml`, `attack.toml`, `claims.toml`) or from the
sentence's shape: the role cues around the candidate, where it stands relative to the
attack word, how common its head word is, what kind of candidate it is, and what the
sentence says besides. `scripts/train_role_model.py` fits it on casie-train's Victim
arguments and gold victims and on multilingual-train's gold victims only, never on a set
the project is measured on; `data/role_model.json` holds the weights, the thresholds chosen
by cross-validation on those training sets, and the sha256 of what they were fitted on.

The model decides together with the hand-written cue rules: a candidate a rule casts is a
victim when the model keeps it (it vetoes the people, reporters and products the cues
alone would take), and any other candidate only when the model alone is sure of it. The
second door can be shut (``alone`` above 1): each victim taken opens an incident, and the
per-article figures the thresholds are chosen by do not see the incidents it splits.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from importlib import resources

import numpy as np

from cybertrack.extract.claims.wording import ACCORDING_CUE, AS_REPORTED, named_as_the_source
from cybertrack.extract.coordination import opens_a_coordinated_clause
from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.gaps import words_between
from cybertrack.extract.names import OPENING_PUNCTUATION
from cybertrack.extract.reporting import logistic
from cybertrack.extract.victims import (
    APPOSITION_OPENING,
    ELISION,
    REPORTING_VERB,
    Candidate,
    after_victim_cue,
    attack_subject,
    before_victim_cue,
    candidates,
    known_place,
    possessor_of_systems,
    titles_a_person,
)
from cybertrack.knowledge.common_words import word_frequency
from cybertrack.knowledge.matcher import Match
from cybertrack.lang import alternation, pack, words
from cybertrack.tables import language_table, table

_NEAR_WORDS = 3  # a cue this close to a name speaks about it
_APPOSED_WORDS = 1  # "the Storting": an article before a name is still the name alone
_SENTENCE_BREAK = re.compile(r"[.;!?]\s")
_NEAR_CHARS = 25
_PUNCTUATION = re.compile(r"[.;:!?,()]")
_LEAD_SENTENCES = 3
_MAX_ZIPF = 8.0
_DESCRIBING_WORDS = 3  # "and the logistics firm Calder Freight": an article and a descriptor between two names
_NOT_ENUMERATION = re.compile(r"[.;:!?()\[\]]")
_AUXILIARY_WORDS = 1  # "and the government has said": the words between a subject and its verb of speech
# the words of place that tie a name to the item before it ("l'Autorité portuaire de Castelmare")
_OF_PLACE = re.compile(rf"\s+(?:{alternation(words('places', 'of'))})(?:\s+|(?<=['’]))", re.IGNORECASE)
# "and", "as well as", "ainsi que": what joins two items, never who reports after them
_JOINING = re.compile(rf"(?:{alternation(words('places', 'and'))})(?!\w)", re.IGNORECASE)
_LEAD_IN_CHARS = 24  # enough for a preposition and an article before an enumeration's first item
_MEDIA = "media"  # the packs' sector group of news outlets


def _near_before(facts: SentenceFacts, kind: str, start: int) -> bool:
    """A cue of ``kind`` ends a few words before ``start``, with no punctuation between."""
    found = facts.cues.get(kind, [])
    nearest = bisect.bisect_right(found, start, key=lambda cue: cue.end)
    if not nearest:
        return False
    end = found[nearest - 1].end
    return words_between(facts.text, end, start, _NEAR_WORDS) <= _NEAR_WORDS \
        and not _PUNCTUATION.search(facts.text, end, start)


def _near_after(facts: SentenceFacts, kind: str, end: int) -> bool:
    """A cue of ``kind`` starts a few words after ``end``, with no punctuation between."""
    found = facts.cues.get(kind, [])
    following = bisect.bisect_left(found, end, key=lambda cue: cue.start)
    if following == len(found):
        return False
    start = found[following].start
    return words_between(facts.text, end, start, _NEAR_WORDS) <= _NEAR_WORDS \
        and not _PUNCTUATION.search(facts.text, end, start)


def _inside(found: list[Match], candidate: Candidate) -> bool:
    return any(candidate.start <= m.start and m.end <= candidate.end for m in found)


def _nearest_trigger(facts: SentenceFacts, candidate: Candidate) -> tuple[int, int] | None:
    """The attack word nearest the candidate (outside it): its span."""
    triggers = [m for m in facts.cues.get("attack", []) if not (candidate.start <= m.start < candidate.end)]
    if not triggers:
        return None
    nearest = min(triggers, key=lambda m: min(abs(m.start - candidate.end), abs(candidate.start - m.end)))
    return nearest.start, nearest.end


def _describes_the_other(facts: SentenceFacts, other: Candidate, candidate: Candidate) -> bool:
    """ "Il Politecnico Korvan, l'istituto di ricerca di Norvale, in Veldmark, è stato colpito": the candidate
    stands inside the apposition that describes the name before it, which the same cue casts; it says where or what
    that name is. A name that is the whole apposition ("the parliament, the Storting, was hit") is that name again."""
    gap = facts.text[other.end:candidate.start]
    if not gap.lstrip().startswith(",") or _SENTENCE_BREAK.search(gap):
        return False
    return words_between(facts.text, other.end + gap.rfind(",") + 1, candidate.start, _APPOSED_WORDS) > _APPOSED_WORDS


class Context:
    """What the features of one sentence's candidates share: the sentence, its first candidate, and which candidates
    the cue rules cast."""

    def __init__(self, facts: SentenceFacts, found: list[Candidate]) -> None:
        self.facts = facts
        self.found = found
        self.first = min(found, key=lambda c: c.start, default=None)

    @functools.cached_property
    def rules(self) -> dict[int, tuple[bool, bool, bool, bool]]:
        """Which cue rules (``RULES``) cast each candidate by itself, by ``id``: "an attack on X", "X was hacked",
        "X's servers", the subject of an attack sentence. Read once per sentence, by the features and the cast."""
        facts = self.facts
        rules = {id(c): (after_victim_cue(facts, c), before_victim_cue(facts, c), possessor_of_systems(facts, c),
                         attack_subject(facts, c, self.first)) for c in self.found}
        before = sorted((c for c in self.found if rules[id(c)][1]), key=lambda c: c.start)
        for c in before:
            if any(_describes_the_other(facts, other, c) for other in before if other.end <= c.start):
                after, _, owns, subject = rules[id(c)]
                rules[id(c)] = (after, False, owns, subject)
        return rules

    @functools.cached_property
    def producer_named(self) -> bool:
        """A security firm or CERT stands in the sentence other than as the source it cites (`named_as_the_source`):
        read once for all its candidates (``sentence:producer``)."""
        facts = self.facts
        return any(not named_as_the_source(facts, p.start, p.end) for p in facts.producers)

    @functools.cached_property
    def cast_alone(self) -> dict[int, bool]:
        """Whether any cue rule casts each candidate by itself, by ``id``."""
        return {key: any(fired) for key, fired in self.rules.items()}

    @functools.cached_property
    def cast(self) -> dict[int, bool]:
        """``cast_alone``, and every item of an enumeration one of whose items a rule casts, by ``id``."""
        cast = dict(self.cast_alone)
        for run in enumerations(self.facts, self.found):
            if any(cast[id(c)] for c in run):
                cast.update((id(c), True) for c in run)
        return cast


def _cue_features(context: Context, c: Candidate) -> list[float]:
    """The role words around the candidate, from each language's lexicon."""
    facts = context.facts
    following = facts.text[c.end:c.end + 40]
    speech = facts.cues.get("speech", [])
    return [
        *map(float, context.rules[id(c)]),
        float(_near_before(facts, "attacker_before", c.start)),
        float(_near_after(facts, "attacker_after", c.end)),
        float(any(0 <= m.start - c.end <= _NEAR_CHARS for m in speech)),
        float(bool(REPORTING_VERB.match(following))),
        float(_near_before(facts, "claimant_noun", c.start) or _near_after(facts, "claimant_noun", c.end)),
        float(_near_before(facts, "product_nouns", c.start) or _near_after(facts, "product_nouns", c.end)),
        float(_inside(facts.cues.get("people_of", []), c)),
        float(context.cast[id(c)] and not context.cast_alone[id(c)]),
    ]


def _position_features(context: Context, c: Candidate) -> list[float]:
    """Where the candidate stands: before or after the attack word and how far, first in the sentence, in the lead."""
    facts = context.facts
    trigger = _nearest_trigger(facts, c)
    if trigger is None:
        before = after = 0.0
        distance = 1.0
    else:
        before, after = float(c.end <= trigger[0]), float(c.start >= trigger[1])
        gap = (c.end, trigger[0]) if before else (trigger[1], c.start)
        distance = min(1.0, math.log1p(words_between(facts.text, *gap, 30)) / math.log1p(30))
    return [before, after, distance, float(trigger is None), float(context.first is c),
            c.start / max(1, len(facts.text)), float(facts.index < _LEAD_SENTENCES)]


def _head_features(context: Context, c: Candidate) -> list[float]:
    """How the name is written: how common its head word is, an acronym, its length, whether it opens the sentence."""
    text = context.facts.text[c.start:c.end]
    words = text.split()
    head = words[-1] if words else ""
    opens = not context.facts.text[:c.start].strip(OPENING_PUNCTUATION)
    return [word_frequency(head) / _MAX_ZIPF, float(text.isupper() and len(text) > 1), min(len(words), 5) / 5,
            float(opens), float(any(ch.isdigit() for ch in text))]


def _kind_features(context: Context, c: Candidate) -> list[float]:
    """What kind of candidate: a sector group ("hospitals"), a government department, a name with a country in it, a
    person named with a title ("Foreign Minister Mira Tallis": the packs' ``person_nouns``), a news outlet ("the
    news agency PA", "Nachrichtenagentur PA": more often the source of a report than its victim), an organisation
    told only by its country ("a Canadian firm")."""
    facts = context.facts
    sectors = [m for m in facts.cues.get("sector", []) if c.start <= m.start and m.end <= c.end]
    return [float(c.generic), float("/ministry:" in c.victim.key), float(c.victim.country is not None),
            float(_inside(facts.cues.get("place_heads", []), c)), float(bool(sectors)),
            float(titles_a_person(facts, c)),
            float(any(_MEDIA in m.values for m in sectors)), float(c.victim.of_last_resort)]


def _sentence_features(context: Context, c: Candidate) -> list[float]:
    """What the sentence says besides: an attack (or only a possible one), a named actor, an attribution, speech, a
    security firm or CERT other than as the source it cites ("researchers at Kestrel found", not "according to
    Kestrel": the firm's research is often the story, and the names in it are its examples), how many candidates."""
    facts = context.facts
    return [float(facts.is_attack), float(facts.has("hypothetical")), float(bool(facts.actors)),
            float(facts.has("attribution") or facts.has("denial")), float(facts.has("speech")),
            float(context.producer_named), math.log1p(len(context.found)) / math.log1p(10)]


# the hand-written rules, features of the "cues" group: what the model decides with (see the module's docstring)
RULES = ("victim_cue_before", "victim_cue_after", "owns_attacked_systems", "attack_subject")

FEATURE_GROUPS: dict[str, tuple[Callable[[Context, Candidate], list[float]], tuple[str, ...]]] = {
    "cues": (_cue_features, ("victim_cue_before", "victim_cue_after", "owns_attacked_systems", "attack_subject",
                             "attacker_cue_before", "attacker_cue_after", "speech_after", "reporting_verb_after",
                             "claimant_noun_near", "product_noun_near", "people_of",
                             "listed_with_cast")),
    "position": (_position_features, ("before_trigger", "after_trigger", "trigger_distance", "no_trigger",
                                      "first_candidate", "relative_start", "lead_sentence")),
    "head": (_head_features, ("head_zipf", "acronym", "words", "opens_sentence", "digits")),
    "kind": (_kind_features, ("generic", "department", "country_in_name", "place_head", "sector_noun",
                              "person_title", "news_outlet", "organisation_noun")),
    "sentence": (_sentence_features, ("attack_sentence", "hypothetical", "named_actor", "attribution", "speech",
                                      "producer", "candidates")),
}


def feature_names(groups: tuple[str, ...] = tuple(FEATURE_GROUPS)) -> list[str]:
    return [f"{group}:{name}" for group in groups for name in FEATURE_GROUPS[group][1]]


def features(facts: SentenceFacts, found: list[Candidate], groups: tuple[str, ...] = tuple(FEATURE_GROUPS),
             judged: list[Candidate] | None = None) -> np.ndarray:
    """One row of features per candidate judged (by default every candidate of the sentence, in the order of
    ``found``); the features of one candidate read the others in ``found``."""
    context = Context(facts, found)
    judged = found if judged is None else judged
    rows = [[value for group in groups for value in FEATURE_GROUPS[group][0](context, c)] for c in judged]
    return np.asarray(rows, dtype=np.float64).reshape(len(judged), len(feature_names(groups)))


@dataclass(frozen=True)
class RoleModel:
    groups: tuple[str, ...]
    weights: np.ndarray
    bias: float
    with_rule: float  # a candidate a cue rule casts is kept from this probability up
    alone: float  # any candidate is taken from this probability up


@table
def _model() -> RoleModel:
    data = json.loads((resources.files("cybertrack.extract") / "data" / "role_model.json").read_text("utf-8"))
    groups = tuple(data["groups"])
    if data["features"] != feature_names(groups):
        raise ValueError("data/role_model.json was fitted on other features: run scripts/train_role_model.py")
    thresholds = data["thresholds"]
    return RoleModel(groups, np.asarray(data["weights"]), float(data["bias"]), float(thresholds["with_rule"]),
                     float(thresholds["alone"]))


def victim_probabilities(facts: SentenceFacts, found: list[Candidate],
                         judged: list[Candidate] | None = None) -> np.ndarray:
    """The probability that each judged candidate (by default each of ``found``) is a victim."""
    judged = found if judged is None else judged
    if not judged:
        return np.zeros(0)
    model = _model()
    return logistic(features(facts, found, model.groups, judged), model.weights, model.bias)


def cast_by_rules(facts: SentenceFacts, found: list[Candidate]) -> list[bool]:
    """Whether a cue rule casts each candidate as a victim ("an attack on X", "X was hacked", "X's servers", the
    subject of an attack sentence), or the candidate stands in one enumeration with one a rule casts ("attacks on X,
    Y and the logistics firm Z")."""
    cast = Context(facts, found).cast
    return [cast[id(c)] for c in found]


class _Link(Enum):
    """What stands between two neighbouring names."""

    NONE = "none"  # anything else: a verb, a full stop, another name
    COMMA = "comma"  # "X, Y"
    CONJUNCTION = "conjunction"  # "X and Y", "X, and the logistics firm Y", "X et la ville de Y"
    DESCRIBED = "described"  # "X, grid operator Y": a comma and lower-case words, a list item or an apposition


def enumerations(facts: SentenceFacts, found: list[Candidate]) -> list[list[Candidate]]:
    """The runs of candidates that name the items of one enumeration, in the order of the text. A comma with
    describing words ("X, grid operator Y and park operator Z") joins two names only in a run a conjunction closes;
    alone it is an apposition ("Jan Peeters, a Veldmark MP"), which says who the name is, not who else was hit."""
    ordered = sorted(found, key=lambda c: c.start)
    runs: list[list[Candidate]] = []
    run: list[Candidate] = []
    links: list[_Link] = []
    lead: str | None = None  # the preposition before the run's first item
    last: Candidate | None = None  # where the run's last item ends: its own name, or the place it is of
    for candidate in ordered:
        link = _link(facts, last, candidate, lead) if run and last else _Link.NONE
        if link is _Link.NONE and run and last is run[-1] and _place_of_the_item(facts, run[-1], candidate):
            last = candidate  # "l'Autorité portuaire de Castelmare": the item goes on to its place
            continue
        if link is _Link.NONE:
            runs += _closed(run, links)
            run, links, lead = [candidate], [], _lead_in(facts, candidate)
        else:
            run.append(candidate)
            links.append(link)
        last = candidate
    return [r for r in runs + _closed(run, links) if len(r) > 1]


def _place_of_the_item(facts: SentenceFacts, item: Candidate, name: Candidate) -> bool:
    """The name right after a sector noun, tied to it by a word of place ("l'Autorité portuaire de Castelmare", "the
    port authority of Castelmare"), says where that item is; an enumeration goes on after it to its next item."""
    return item.generic and item.end <= name.start and not name.generic \
        and bool(_OF_PLACE.fullmatch(facts.text[item.end:name.start]))


def _closed(run: list[Candidate], links: list[_Link]) -> list[list[Candidate]]:
    """A finished run, cut at its described commas unless a conjunction closes it."""
    if _Link.CONJUNCTION in links or _Link.DESCRIBED not in links:
        return [run] if run else []
    pieces, piece = [], run[:1]
    for candidate, link in zip(run[1:], links, strict=True):
        if link is _Link.DESCRIBED:
            pieces.append(piece)
            piece = []
        piece.append(candidate)
    return [*pieces, piece]


def _link(facts: SentenceFacts, first: Candidate, second: Candidate, lead: str | None) -> _Link:
    """Between two names: a comma alone, or a conjunction (of any supported language, as every lexicon is read)
    or a comma with at most ``_DESCRIBING_WORDS`` lower-case words ("and the logistics firm", "et la ville de",
    ", netbeheerder"). The run's ``lead`` preposition said again, with its article, opens the next item and is no
    describing word: "les sites de la ville de X, de l'aéroport de Y et de la société d'autoroutes Z"."""
    if first.end > second.start:
        return _Link.NONE
    gap = _without_aside(facts, first.end, second.start)
    if _NOT_ENUMERATION.search(gap) or _opens_on_who_reports(gap) or _speaks_in_a_new_clause(facts, first, second):
        return _Link.NONE
    conjunctions = words("grammar", "conjunctions")
    tokens = _without_lead(gap.replace(",", " , ").split(), lead, facts.language, conjunctions)
    others = [t for t in tokens if t != "," and t.lower() not in conjunctions]
    if len(others) > _DESCRIBING_WORDS or not all(t[:1].islower() for t in others):
        return _Link.NONE
    if any(t.lower() in conjunctions for t in tokens):
        return _Link.CONJUNCTION
    if tokens == [","]:
        return _Link.COMMA
    return _Link.DESCRIBED if tokens[:1] == [","] and tokens.count(",") == 1 else _Link.NONE


def _speaks_in_a_new_clause(facts: SentenceFacts, first: Candidate, second: Candidate) -> bool:
    """ "attacked the systems of the ministry, and the government declared an emergency": after a comma and a
    conjunction, a name right before a verb of speech is the subject of a new clause, not another item hit."""
    return opens_a_coordinated_clause(facts.language, facts.text, first.end) and any(
        cue.start >= second.end and not _PUNCTUATION.search(facts.text, second.end, cue.start)
        and words_between(facts.text, second.end, cue.start, _AUXILIARY_WORDS) <= _AUXILIARY_WORDS
        for kind in ("speech", "attribution", "denial") for cue in facts.cues.get(kind, []))


def _opens_on_who_reports(gap: str) -> bool:
    """ "X und Y, wie das BACS mitteilte", "X and Y, according to the NCSC": after the comma the clause names who
    reports, not another item."""
    after = gap.lstrip(" ,")
    words_after = after.split()
    return gap.lstrip().startswith(",") and bool(words_after) and not _JOINING.match(after) and (
        words_after[0].casefold() in AS_REPORTED or bool(ACCORDING_CUE.match(after)))


def _without_aside(facts: SentenceFacts, start: int, end: int) -> str:
    """The gap between two items without what the text says of the first item alone before the next: a parenthesis
    ("X (which said it was unharmed), Y and Z"), its count, after a preposition ("X with 4,000 records, Y with 2,100
    and Z"), or its place ("the Kettleby Trust in Norway, Brindle and Halvorn": a country or a place the gazetteer
    knows, after a preposition)."""
    gap = facts.text[start:end]
    aside = re.match(r"\s*\([^()]*\)", gap) or _count_after_item(facts.language).match(gap) \
        or _place_after_item(facts, start, gap)
    return gap[aside.end():] if aside else gap


def _place_after_item(facts: SentenceFacts, start: int, gap: str) -> re.Match[str] | None:
    after = _place_after_item_pattern(facts.language).match(gap)
    if after is None or not all(word[:1].isupper() for word in after.group("place").split()):
        return None
    place_start, place_end = start + after.start("place"), start + after.end("place")
    named = any(c.start == place_start and c.end == place_end for c in facts.countries) \
        or known_place(after.group("place"))
    return after if named else None


@language_table
def _place_after_item_pattern(language: str) -> re.Pattern[str]:
    """A preposition, perhaps an article, and up to three words (the caller wants them capitalised) before the comma
    or conjunction to the next item."""
    grammar = pack(language, "grammar")
    prepositions, conjunctions = alternation(grammar["prepositions"]), alternation(grammar["conjunctions"])
    articles = alternation(grammar["articles"])
    place = r"(?P<place>[^\W\d_][\w.-]*(?:\s[^\W\d_][\w.-]*){0,2})"
    return re.compile(rf"\s+(?:{prepositions})\s+(?:(?:{articles})\s+)?{place}(?=\s*,|\s+(?:{conjunctions})\b)")


@language_table
def _count_after_item(language: str) -> re.Pattern[str]:
    """A preposition, a number and perhaps the noun it counts, before the comma or conjunction to the next item."""
    grammar = pack(language, "grammar")
    prepositions, conjunctions = alternation(grammar["prepositions"]), alternation(grammar["conjunctions"])
    number = r"\d(?:[\d.,]|\s(?=\d{3}\b))*"  # "40,739", "4.000", "4 000"
    return re.compile(rf"\s+(?:{prepositions})\s+{number}(?:\s+(?!(?:{conjunctions})\b)[^\W\d_]+)?"
                      rf"(?=\s*,|\s+(?:{conjunctions})\b)", re.IGNORECASE)


def _lead_in(facts: SentenceFacts, first: Candidate) -> str | None:
    """The preposition that puts an enumeration's first item in its place, read back over an article and undone
    from its fused form: "the websites OF the city of X", "les sites DE la ville de X", "i siti DEL comune", "i
    portali DELL'aeroporto" (di)."""
    grammar = pack(facts.language, "grammar")
    before = facts.text[max(0, first.start - _LEAD_IN_CHARS):first.start].split()
    if before and _is_article(before[-1], grammar) and before[-1].casefold() not in grammar["contractions"]:
        before.pop()  # "dell'" is a preposition fused with its article: it stays
    if not before:
        return None
    word = before[-1].casefold()
    word = grammar["contractions"].get(word, word)
    return word if word in _prepositions(facts.language) else None


def _without_lead(tokens: list[str], lead: str | None, language: str, conjunctions: frozenset[str]) -> list[str]:
    """The gap's tokens without the lead preposition said again and the article that may follow it."""
    if lead is None:
        return tokens
    grammar = pack(language, "grammar")
    at = next((n for n, t in enumerate(tokens) if t != "," and t.casefold() not in conjunctions), None)
    if at is None or grammar["contractions"].get(tokens[at].casefold(), tokens[at].casefold()) != lead:
        return tokens
    end = at + 1 + (at + 1 < len(tokens) and _is_article(tokens[at + 1], grammar))
    return tokens[:at] + tokens[end:]


def _is_article(token: str, grammar: dict) -> bool:
    """An article, or a word cut short before a vowel ("l'", "dell'"): what stands between a preposition and its
    noun."""
    lowered = token.casefold()
    return lowered in grammar["articles"] or lowered.endswith(ELISION)


@functools.cache
def _prepositions(language: str) -> frozenset[str]:
    """The words that can lead an enumeration's items, each in its bare form ("di", never "della")."""
    grammar = pack(language, "grammar")
    return frozenset(w.casefold() for kind in ("prepositions", "name_connectors") for w in grammar[kind]) | \
        frozenset(grammar["contractions"].values())


def victims_in(facts: SentenceFacts, everything: list[Candidate] | None = None) -> list[Candidate]:
    """Candidates the role model casts as victims, named ones first, each in the order of the text: one a cue rule
    casts and the model keeps (it vetoes people, reporters and products the cues alone would take), or one the model
    alone is sure of. A generic one that only describes a named victim ("Jan Peeters, a Belgian MP, ...") is left
    out; one contained in a longer generic one too. ``everything`` are the sentence's candidates, when the caller has
    them already."""
    everything = candidates(facts) if everything is None else everything
    model = _model()
    # with the model's own door shut (``alone`` above 1), only the candidates a rule casts need judging
    judged = [(c, rule) for c, rule in zip(everything, cast_by_rules(facts, everything), strict=True)
              if rule or model.alone <= 1]
    probabilities = victim_probabilities(facts, everything, [c for c, _ in judged])
    found = [c for (c, rule), p in zip(judged, probabilities, strict=True)
             if p >= model.alone or (rule and p >= model.with_rule)]
    found += _members_listed(facts, everything, found)
    named = sorted((c for c in found if not c.generic), key=lambda c: c.start)
    generic = [c for c in found if c.generic and not any(_describes(facts, n, c) for n in named)
               and not any(o is not c and o.start <= c.start and c.end <= o.end for o in found)]
    return named + generic


def _a_description(facts: SentenceFacts, generic: Candidate) -> bool:
    """The generic one opens with a lower-case word or a nationality ("un'azienda della difesa", "Polish defence
    contractor"), not with a name of its own: "die Norvale Bank, die Kettleby Versicherung" is a list."""
    return facts.text[generic.start].islower() \
        or any(c.start <= generic.start < c.end for c in facts.countries)


def _members_listed(facts: SentenceFacts, everything: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """ "the websites of the city of Brindeville, Montclarin airport and the motorway firm Norvalia", "several
    providers, including A, B and C": the named items of one enumeration are hit together, each as hit as the
    others; the model that reads each name's own neighbourhood, and so vetoes the items further from the cue, does not
    part one item from the rest. Whoever of them is a person is taken out later, with every victim's people."""
    members: list[Candidate] = []
    if not found:  # most sentences cast nobody: no list to read
        return members
    for run in enumerations(facts, everything):
        if any(c is f and not c.generic for c in run for f in found):
            members += [c for c in run if not c.generic and not any(c is f for f in found + members)]
    return members


def _describes(facts: SentenceFacts, named: Candidate, generic: Candidate) -> bool:
    """The generic one stands in apposition to the named one, after it ("Jan Peeters, a Belgian MP") or before it
    ("un'azienda della difesa polacca, la Korvan Systems"), or names its trade right before its organisation noun
    ("the Danish wind farm operator Veldmark Vind")."""
    if any(m.start >= generic.end and not facts.text[generic.end:m.start].strip()
           and not facts.text[m.end:named.start].strip() for m in facts.cues.get("organisation_noun", [])):
        return True
    if generic.end < named.start:  # its nationality may follow it ("un'azienda della difesa polacca, la")
        comma = facts.text.find(",", generic.end, named.start)
        return comma >= 0 and words_between(facts.text, generic.end, comma, 2) <= 2 and _a_description(facts, generic) \
            and bool(APPOSITION_OPENING.fullmatch(facts.text, comma, named.start))
    return named.end < generic.start and facts.text.startswith(",", named.end) \
        and words_between(facts.text, named.end, generic.start, 2) <= 2
