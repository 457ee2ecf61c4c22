"""Which group a sentence speaks of when it does not name it: "the group" for the one group the article named before,
a group that says it did it itself, a spokesperson's group. Read by the claims (`claims.__init__`) with the groups
the article's earlier sentences named (`named_groups`)."""

from __future__ import annotations

import re

from cybertrack.extract.attackers import compared
from cybertrack.extract.claims.parts import Speaker, StanceCue, Target
from cybertrack.extract.claims.targets import capitalised_common_noun, named_crews
from cybertrack.extract.claims.wording import COMPLEMENTIZER, has_content_words, verb_second
from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.victims import name_key
from cybertrack.knowledge.base import knowledge_base
from cybertrack.knowledge.matcher import Match
from cybertrack.lang import alternation, pack
from cybertrack.model import ClaimantKind
from cybertrack.tables import language_table


def named_groups(facts: SentenceFacts) -> list[str]:
    """The groups the sentence names, whatever it says of them: catalogued actors (none named only for comparison),
    the gangs of the ransomware families it names, and crews named with a group noun. A later sentence's "the group"
    may stand for one of them (`anaphoric_group`)."""
    return list(dict.fromkeys(group.name for group in _group_mentions(facts)))


def _group_mentions(facts: SentenceFacts) -> list[Target]:
    """Where the sentence names a group (`named_groups`), in the order it names them."""
    kb = knowledge_base()
    found = [Target(m.start, m.end, str(e.key)) for m in facts.actors if not compared(facts, m) for e in m.values]
    for match in facts.software:
        families = [str(e.key) for e in match.values if getattr(e, "kind", None) == "malware"]
        gang = kb.gang(families[0]) if families else None
        if gang is not None and "ransomware" in gang.galaxies:
            found.append(Target(match.start, match.end, gang.name))
    found += named_crews(facts)
    return sorted((group for group in found if len(group.name) > 2), key=lambda group: group.start)


def speaking_group(facts: SentenceFacts, cue: StanceCue, targets: list[Target]) -> Target | None:
    """ "LockBit said on its leak site that it was behind the attack", "LockBit a affirmé être responsable de
    l'attaque": a group that speaks, before a cue whose subject is the culprit that the sentence leaves unnamed (a
    pronoun, an infinitive), says it did it itself. Not when the sentence blames anyone else ("LockBit said Clop was
    behind it")."""
    if not cue.names_the_culprit_first:
        return None
    said = [m for m in facts.cues.get("speech", []) if m.end <= cue.match.start]
    if not said:
        return None
    mentions = _group_mentions(facts)
    groups = [g for g in mentions if g.end <= said[-1].start][-1:]
    if not groups and verb_second(facts.language):  # "Vorige week liet de groep X weten dat ...": right after its verb
        groups = [g for g in mentions if said[-1].end <= g.start and g.end <= cue.match.start
                  and _only_group_words(facts, said[-1].end, g.start)][:1]
    if not groups or any(name_key(t.name) != name_key(groups[0].name) for t in targets if not t.state):
        return None
    return groups[0]


def anaphoric_group(facts: SentenceFacts, cue: Match, earlier: list[str]) -> Target | None:
    """ "The group claimed responsibility", "Die Gruppe bekannte sich", "le groupe a démenti": a group noun with a
    determiner that points back and no name of its own, as the subject or agent of the cue, stands for the group the
    article named before (``earlier``: `named_groups` of the sentences before). Only when the article named exactly
    one: with two, which one "the group" is, is a guess."""
    if len({name_key(name) for name in earlier}) != 1:
        return None
    determiners = _anaphoric_determiners(facts.language)
    text = facts.text
    for noun in _subject_first(facts.cues.get("group_noun", []), cue):
        if capitalised_common_noun(noun, facts.language) or _in_another_name(facts, noun):
            continue  # "Kestrel Security Group", "the Korvan group": a name's, not one named before
        between = text[noun.end:cue.start] if noun.end <= cue.start else text[cue.end:noun.start]
        if re.search(r"[.;:]", between) or not determiners.search(text[:noun.start]):
            continue
        return Target(noun.start, noun.end, earlier[0])
    return None


def group_spoken_for(facts: SentenceFacts, cue: Match, speaker: Speaker | None, targets: list[Target],
                     earlier: list[str]) -> Target | None:
    """The group a denial speaks for: "the gang denied" (`anaphoric_group`, with nobody else named as speaking), or a
    spokesperson's group, named in their title ("a LockBit spokesperson") or right after it ("Ein Sprecher der
    Gruppe", "un portavoce del gruppo", "een woordvoerder van de groep")."""
    if speaker is None:
        return anaphoric_group(facts, cue, earlier)
    if speaker.kind is not ClaimantKind.PERSON:
        return None
    named = [t for t in targets if not t.state and speaker.start <= t.start < speaker.end]
    if named:
        return named[0]
    group = anaphoric_group(facts, cue, earlier)
    if group is not None and speaker.end <= group.start and _only_function_words(facts.text[speaker.end:group.start]):
        return group
    return None


def _only_function_words(gap: str) -> bool:
    return not re.search(r"[,;:()]", gap) and not has_content_words(gap)


def _in_another_name(facts: SentenceFacts, noun: Match) -> bool:
    """The noun is part of a longer name ("Korvan group"), not a name by itself ("Gruppe", German capitals)."""
    return any(c.start < noun.end and noun.start < c.end and c.text.casefold() != noun.text.casefold()
               for c in facts.names)


def _subject_first(nouns: list[Match], cue: Match) -> list[Match]:
    """The group nouns that may be the cue's subject or agent: the nearest before it first, then those after it."""
    before = sorted((n for n in nouns if n.end <= cue.start), key=lambda n: -n.start)
    return before + [n for n in nouns if n.start >= cue.end]


@language_table
def _anaphoric_determiners(language: str) -> re.Pattern[str]:
    """A determiner that points back, right before a noun: at the end of the text before it."""
    return re.compile(rf"(?:^|\W)(?:{alternation(pack(language, 'grammar')['anaphoric_determiners'])})\s+$",
                      re.IGNORECASE)


def _only_group_words(facts: SentenceFacts, start: int, end: int) -> bool:
    """Nothing but function words and group nouns between ``start`` and ``end`` ("liet de groep X", "erklärte die
    Gruppe X"): no comma, no other word, and no word that opens what was said ("meldt dat de groep X achter de
    aanval zit": X is who it says did it, not who says it)."""
    gap = facts.text[start:end]
    for noun in facts.cues.get("group_noun", []):
        if start <= noun.start and noun.end <= end:
            gap = gap.replace(noun.text, " ")
    return _only_function_words(gap) and not COMPLEMENTIZER.search(gap)
