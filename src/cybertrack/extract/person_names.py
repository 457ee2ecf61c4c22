"""A person an article names in full once and by surname after: every mention stands for the full name.

News names a suspect in full where it introduces him ("the man behind the scam, Janis Brindlers, 41, ...") and by a
courtesy title and surname afterwards ("prosecutors accused Mr Brindlers of ..."; "Herr Brindlers", "M. Brindlers").
The sentence that casts him as the attacker is often the later one, so the actor came out as "Mr Brindlers": a name
no catalogue, other article or analyst knows him by. The courtesy titles are each pack's ``grammar.honorifics``.
"""

from __future__ import annotations

from cybertrack.extract.facts import SentenceFacts
from cybertrack.lang import words
from cybertrack.tables import table

LONGEST_FULL_NAME = 4  # words: "Maria Elena Brindlers Ostrova"; a longer chunk is an organisation's name


@table
def honorifics() -> frozenset[str]:
    return frozenset(word.casefold() for word in words("grammar", "honorifics"))


def without_honorific(name: str) -> str:
    """ "Mr Brindlers" -> "Brindlers"; any other name as it is."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.casefold() in honorifics() else name


def full_names(actors: list[str], facts: list[SentenceFacts]) -> dict[str, str]:
    """For each of the ``actors`` named by a surname, the full name the article gives that person.

    - After a courtesy title (in the name or before it), the surname is a person's: the one full name among the
      article's names that ends with it ("Mr Brindlers" -> "Janis Brindlers"), or the bare surname when there are
      none or several ("Giulio and Francesca Brindlers").
    - A bare word may be any name ("Korvan" and "Operation Korvan"), so it stands for a longer name only when that
      one is among the ``actors`` too ("Brindlers" -> "Janis Brindlers", both cast as attackers)."""
    people: dict[str, set[str]] = {}
    titled: set[str] = set()  # surnames written after a title outside their chunk: "dhr. Brindlers", "il sig. Rossi"
    for sentence in facts:
        for chunk in sentence.names:
            parts = chunk.text[chunk.descriptor:].split()
            before = sentence.text[:chunk.start].split()[-1:]
            if len(parts) == 1 and before and before[0].casefold() in honorifics():
                titled.add(parts[0])
            if 1 < len(parts) <= LONGEST_FULL_NAME and parts[0].casefold() not in honorifics() \
                    and all(part[:1].isupper() for part in parts):
                people.setdefault(parts[-1], set()).add(" ".join(parts))
    found: dict[str, str] = {}
    for name in actors:
        surname = without_honorific(name)
        if " " in surname:
            continue
        if surname != name or name in titled:
            in_full = people.get(surname, set())
            found[name] = next(iter(in_full)) if len(in_full) == 1 else surname
        else:
            longer = {actor for actor in actors if actor != name and actor.split()[-1] == name}
            if len(longer) == 1:
                found[name] = next(iter(longer))
    return found
