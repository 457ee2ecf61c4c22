"""Where a comma and a conjunction open a second clause: "…, but Moscow denied any involvement", "…, y el gobierno
declaró el estado de emergencia".

What follows such a comma tells something new. It is not an apposition describing the name before the comma ("the
Ministry of Defence, but Moscow" gives the ministry no Russian seat), and its verb of speech does not report the
clause before it (the government that declared an emergency did not say who attacked). The conjunctions are the
grammar packs' ``conjunctions`` and ``contrast_conjunctions``.
"""

from __future__ import annotations

import re

from cybertrack.lang import LANGUAGES, alternation, pack
from cybertrack.tables import language_table


@language_table
def _coordinating_comma(language: str) -> re.Pattern[str]:
    grammar = pack(language if language in LANGUAGES else "en", "grammar")
    conjunctions = alternation([*grammar["conjunctions"], *grammar["contrast_conjunctions"]])
    return re.compile(rf"\s*[,;]\s*(?:{conjunctions})\b", re.IGNORECASE)


def opens_a_coordinated_clause(language: str, text: str, at: int) -> bool:
    """Whether ``text`` goes on at ``at`` with a comma (or a semicolon) and a conjunction."""
    return bool(_coordinating_comma(language).match(text, at))
