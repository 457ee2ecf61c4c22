"""Finding stories glued onto the end of an article: teasers of other news,
truncated blurbs, unrelated wire stories.

A page's own story comes first; what a CMS glues after it comes last. So the
search walks back from the end and stops at the first block that belongs to
the story. A block belongs to the glued tail when its meaning is far from the
article's lead (multilingual embeddings, so this works in every language) and
it looks like a teaser (cut off mid-sentence, ending in an ellipsis, opening
with a section label). Distance alone is no evidence: a story's closing quote
or background paragraph is often as far from its lead as another story is.

A story's own last paragraph is often cut off too (a page that truncates its
text, an excerpt), so being unfinished marks a teaser only when more text
follows it; the last block must show an ellipsis or a section label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cybertrack.embeddings import SentenceEncoder

OFF_TOPIC = 0.30
MIN_TEASER_WORDS = 12
LEAD_WORDS = 60
LEAD_PARAGRAPHS = 3

# A paragraph ending in a colon introduces what follows (a quote, a list): it is finished.
_TERMINAL = (*".!?:\"”»’')]", "。")
_ELLIPSIS = re.compile(r"(…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
# A section label glued to the teaser text ("Cyber NewsThe attack…") or set off in capitals ("SPORT: …").
_GLUED_LABEL = re.compile(r"^\W{0,2}[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}[a-z][A-Z][a-z]")
_CAPS_LABEL = re.compile(r"^\W{0,2}[A-Z][A-Z’'\- ]{3,40}\W{0,2}:")


@dataclass(frozen=True)
class Block:
    """A paragraph of the article as cleaning sees it: its kept text, and whether it is already furniture."""

    text: str
    furniture: bool


def looks_like_teaser(text: str, last: bool = False) -> bool:
    """Whether the block reads like a teaser; ``last`` when no text follows it on the page."""
    words = len(text.split())
    stripped = text.rstrip()
    cut_off = not last and not stripped.endswith(_TERMINAL) and words >= MIN_TEASER_WORDS
    # A label alone is weak evidence ("LockBit claimed…" opens like "Cyber NewsThe…"): only on an unfinished block.
    labelled = bool(_GLUED_LABEL.match(text) or _CAPS_LABEL.match(text)) and not stripped.endswith(_TERMINAL)
    return cut_off or bool(_ELLIPSIS.search(stripped)) or labelled


def is_heading(text: str) -> bool:
    return len(text.split()) <= 4 and not text.rstrip().endswith(_TERMINAL)


def lead_text(title: str | None, paragraphs: list[str]) -> str:
    """What an article is about: its title and its first paragraphs, ``LEAD_WORDS`` words at most."""
    lead = " ".join(filter(None, [title, *paragraphs[:LEAD_PARAGRAPHS]]))
    return " ".join(lead.split()[:LEAD_WORDS])


def glued_tail_start(blocks: list[Block], encoder: SentenceEncoder, title: str | None = None) -> int:
    """Index of the first block of the glued tail (``len(blocks)`` when there is none).

    Furniture and short headings inside the tail go with it; they never end it.
    """
    body = [i for i, b in enumerate(blocks) if not b.furniture and not is_heading(b.text)]
    if len(body) < 3:
        return len(blocks)
    teasers = {i for i in body[2:] if looks_like_teaser(blocks[i].text, last=i == body[-1])}
    if body[-1] not in teasers:
        return len(blocks)
    lead_vector = encoder.embed([lead_text(title, [blocks[i].text for i in body])])[0]

    def glued(i: int) -> bool:
        """Embedded one block at a time, walking back: the walk usually stops at the first block it meets."""
        return i in teasers and float(encoder.embed([blocks[i].text])[0] @ lead_vector) < OFF_TOPIC

    for n, i in enumerate(reversed(body[2:])):
        if not glued(i):
            return i + 1 if n else len(blocks)
    return body[2]
