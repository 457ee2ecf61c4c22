"""The word that introduces a passive's agent ("by", "par", "von", "door", "da", "por"), with the article that may
follow it, as patterns. The victims read it (the name after it is who hit, not whom) and so do the claims (who a
claim blames); it lives apart from both so that each can read it without the other."""

from __future__ import annotations

import re

from cybertrack.lang import words

AGENTS = "|".join(map(re.escape, sorted(words("grammar", "agent_words"), key=len, reverse=True)))
ARTICLE_WORDS = "|".join(map(re.escape, sorted(words("grammar", "articles"), key=len, reverse=True)))
AGENT_BEFORE = re.compile(rf"\b(?:{AGENTS})\s+(?:(?:{ARTICLE_WORDS})\s+|l['’])?$", re.IGNORECASE)  # "... by the"
