"""The word that introduces a passive's agent ("by", "par", "von", "door", "da", "por"), with the article that may
follow it, as patterns. The victims read it (the name after it is who hit, not whom), and so do the attackers and the
claims (who a claim blames); it lives apart from all three so that each can read it without the others."""

from __future__ import annotations

import re

from cybertrack.lang import pack, words
from cybertrack.tables import language_table

AGENTS = "|".join(map(re.escape, sorted(words("grammar", "agent_words"), key=len, reverse=True)))
ARTICLE_WORDS = "|".join(map(re.escape, sorted(words("grammar", "articles"), key=len, reverse=True)))
AGENT_BEFORE = re.compile(rf"\b(?:{AGENTS})\s+(?:(?:{ARTICLE_WORDS})\s+|l['’])?$", re.IGNORECASE)  # "... by the"


@language_table
def agent_before(language: str) -> re.Pattern[str]:
    """One language's agent word, and at most an article, right before a name ("by", "by the", "door de"): where a
    word of another language would be a name's own ("Ursula von der ..." in English), only the text's language's."""
    grammar = pack(language, "grammar")
    agents = "|".join(map(re.escape, grammar["agent_words"]))
    articles = "|".join(map(re.escape, grammar["articles"]))
    return re.compile(rf"(?:^|\W)(?:{agents})\s+(?:(?:{articles})\s+)?$", re.IGNORECASE)
