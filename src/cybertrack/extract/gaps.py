"""The few words between a cue and a name, counted without copying the sentence.

Role cues ("an attack on", "was hacked", "claimed responsibility") cast a name only when a
handful of words separate them. Slicing and splitting the whole gap for every pair of cue
and name made a long sentence cost the cube of its length; counting stops as soon as the
rule's limit is passed, so each pair costs only the words the rule allows.
"""

from __future__ import annotations

import re
from itertools import islice

_WORD = re.compile(r"\S+")


def words_between(text: str, start: int, end: int, limit: int) -> int:
    """``len(text[start:end].split())``, but counting no further than ``limit + 1``."""
    return sum(1 for _ in islice(_WORD.finditer(text, start, end), limit + 1))
