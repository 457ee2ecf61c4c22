"""Recognising page furniture: "Read also" teasers, comment prompts, share and follow buttons, subscription
walls, navigation, copyright and cookie lines, bylines and credits, date stamps, in en fr nl de it es.

The cues are data (``lang/<code>/furniture.toml``, per kind and language) and come in three strengths, because the
same words can be furniture or story:

* ``exact``: the sentence is nothing but the cue ("Comments", "Back to top").
* ``lead``: the cue opens a short sentence and what follows is a headline
  ("Read also Norwegian Parliament hacked").
* ``anywhere``: the cue anywhere in a short sentence is enough ("All rights reserved").

Other furniture is recognised by its shape, in every language at once: bylines and credits (``credits``), date
stamps (``datelines``), bars of widget labels ("Share  |  Print  |  Comment"), bracketed headlines and headlines
that end in a "more..." link.
"""

from __future__ import annotations

import re

from cybertrack.clean.credits import is_author_bio, is_byline, is_photo_credit, is_wire_credit
from cybertrack.clean.cues import cue, exact, fold, kinds, kinds_apart
from cybertrack.clean.datelines import is_dated_item, is_dateline

LEAD_MAX_WORDS = 35
ANYWHERE_MAX_WORDS = 25
# Some cues carry no headline after them, so their sentences must be shorter still.
MAX_WORDS = {"source": 12, "contact": 20, "meta": 10, "licence": 15, "link_prompt": 15, "promotion": 15, "caption": 45,
             "byline": 12, "service_offer": 20}
TEASER_HEADLINE_MAX_WORDS = 12
RELATED_FROM_MAX_WORDS = 4
WIDGET_LABEL_MAX_WORDS = 8
HEADLINE_MAX_WORDS = 25
TITLE_WORD_MIN_LETTERS = 4
TITLE_CASE_MIN_WORDS = 4
# No furniture recognised by its shape is longer than this (a wire credit is the longest).
SHAPE_MAX_WORDS = 30

_EXACT = kinds("exact", r"^(?:{})$")
_LEAD = kinds("lead", r"^(?:{})")
_ANYWHERE = kinds_apart("anywhere", r"{}")
_READ_MORE = cue("read_more", r"\b(?:{})\s*(?:\.\.\.|…|>+|»|→)$")
# a header of other stories that says where they come from: "More news from the region", "Lees ook op Site.be"
_RELATED_FROM = cue("related_where",
                    rf"^(?:{exact('related')})\s+(?:{{}})(?:\s+\S+){{{{1,{RELATED_FROM_MAX_WORDS}}}}}$")

SOCIAL_NETWORKS = re.compile(
    r"\b(facebook|twitter|linkedin|instagram|telegram|whatsapp|youtube|tiktok|reddit|mastodon|bluesky|"
    r"threads|google news|rss)\b")
# Naming two networks is not enough ("our Facebook and Twitter accounts were hijacked" is news):
# the sentence must also call the reader to follow or join.
SELF_PROMOTION = re.compile(
    r"\b(join|follow|suivez|rejoignez|retrouvez|volg|folgen|seguici|seguiteci|unisciti|siguenos|unete)\b|"
    r"\b(us|nous|ons|uns|ci|nos) (on|sur|op|auf|su|en)\b|"
    r"\b(our|notre|nos|onze|unsere[mnrs]?|nostr[aeio]|nuestr[ao]s?) (community|communaute|gemeenschap|channels?|"
    r"pages?|chaine|kanaal|kanal|canale|canal|pagina|seite)\b")
# Labels set apart by wide spaces or bars, or glued together ("Share this articleComments").
_LABEL_BREAK = re.compile(r"\s{2,}|\s*\|\s*|(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ][a-zà-ÿ])")
# A line that is nothing but a phone number (nine digits or more: not a date) or an e-mail address.
_CONTACT_ONLY = re.compile(r"^(?:\+?\(?(?:\d[\s()./-]?){8,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$")
_ARROWS = re.compile(r"(?:>>+|→)\s*$")
_TERMINAL = (".", "!", "?", "…")
_LETTERS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# a wire photo's tag before its caption: "(FILES) A composite of photos made on ...", "(COMBO) Pictures taken on ..."
_PHOTO_TAG = re.compile(r"^[(\[][a-z]{2,10}[)\]]\s+")


def _cue_reason(folded: str) -> str | None:
    """The kind of furniture the cue tables name for this folded sentence."""
    words = len(folded.split())
    bare = folded.rstrip(" .:!?…")
    for reason, pattern in _EXACT:
        if pattern.match(bare):
            return reason
    if _RELATED_FROM.match(bare):
        return "related"
    if words <= LEAD_MAX_WORDS:
        opening = _PHOTO_TAG.sub("", folded, count=1)
        for reason, pattern in _LEAD:
            match = pattern.match(opening)
            if match and words <= MAX_WORDS.get(reason, LEAD_MAX_WORDS) and \
                    not (reason == "teaser" and is_story_sentence(opening[match.end():])):
                return reason
    if words <= ANYWHERE_MAX_WORDS:
        for reason, patterns in _ANYWHERE:
            if words <= MAX_WORDS.get(reason, ANYWHERE_MAX_WORDS) and any(p.search(bare) for p in patterns):
                return reason
        if len(set(SOCIAL_NETWORKS.findall(folded))) >= 2 and SELF_PROMOTION.search(folded):
            return "sharing"
    return None


def boilerplate_reason(sentence: str) -> str | None:
    """Why this sentence is page furniture, or None when it may be part of the story."""
    folded = fold(sentence)
    if not folded:
        return "empty"
    reason = _cue_reason(folded)
    if reason == "licence" and is_photo_credit(sentence, folded):
        return "caption"  # "Foto: Eva Jansen / CC BY-SA 4.0": a photo's credit, with the photo's licence
    if reason:
        return reason
    if len(folded.split()) <= SHAPE_MAX_WORDS:
        reason = _shape_reason(sentence, folded)
        if reason:
            return reason
    return "link list" if _is_link_list(sentence) else None


def _shape_reason(sentence: str, folded: str) -> str | None:
    """The kind of furniture a short line is by its shape: who made the page, when, and what it links to."""
    if _CONTACT_ONLY.match(sentence.strip()):
        return "contact"
    if is_photo_credit(sentence, folded):
        return "caption"
    if is_wire_credit(sentence, folded):
        return "credit"
    if is_byline(sentence, folded) or is_author_bio(sentence, folded):
        return "byline"
    if is_dateline(sentence):
        return "dateline"
    if is_dated_item(sentence) or _is_teaser_link(sentence, folded):
        return "teaser"
    if _is_widget_bar(sentence):
        return "widget"
    return None


def is_story_sentence(rest: str) -> bool:
    """After "Must read:" a headline follows; a long sentence ending in a full stop is the story itself."""
    return rest.rstrip().endswith(".") and len(rest.split()) > TEASER_HEADLINE_MAX_WORDS


def _is_link_list(sentence: str) -> bool:
    """Navigation bars, breadcrumbs and bare URLs: 'Home | World | Tech', 'Startseite > Wirtschaft > Region',
    'Home / OT & ICS / Water', 'https://…'."""
    stripped = sentence.strip()
    if re.fullmatch(r"(https?://|www\.)\S+", stripped):
        return True
    parts = [p for p in re.split(r"\s*[|•·»›]\s*|\s+[>/]\s+", stripped) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


def _is_widget_bar(sentence: str) -> bool:
    """Button labels run together on one line: at least half of them furniture, none of them a sentence."""
    if sentence.rstrip().endswith(_TERMINAL):
        return False
    parts = [p for p in _LABEL_BREAK.split(sentence.strip()) if p and p.strip()]
    if len(parts) < 2 or any(len(p.split()) > WIDGET_LABEL_MAX_WORDS or p.rstrip().endswith(".") for p in parts):
        return False
    return 2 * sum(_cue_reason(fold(p)) is not None for p in parts) >= len(parts)


def _is_teaser_link(sentence: str, folded: str) -> bool:
    """A headline set off as a link: "[Headline of another story]", "Headline… more...", "Headline >>"."""
    stripped = sentence.strip()
    if len(stripped.split()) > HEADLINE_MAX_WORDS:
        return False
    if stripped.startswith("[") and stripped.endswith("]") and not stripped[1:-1].rstrip().endswith(_TERMINAL):
        return "[" not in stripped[1:-1] and "]" not in stripped[1:-1]
    return bool(_ARROWS.search(stripped) or _READ_MORE.search(folded))


def is_title_case_headline(line: str) -> bool:
    """A headline in title case: no final stop, and every word of ``TITLE_WORD_MIN_LETTERS`` letters or more
    capitalised, at least ``TITLE_CASE_MIN_WORDS`` of them. A sentence of the story, in any language, has verbs and
    adjectives in lower case ("Kein Lösegeld für Hacker", a German subheading, has three such words only)."""
    stripped = line.strip()
    if not stripped or stripped.endswith(_TERMINAL) or len(stripped.split()) > HEADLINE_MAX_WORDS:
        return False
    long_words = [w for w in _LETTERS.findall(stripped) if len(w) >= TITLE_WORD_MIN_LETTERS]
    return len(long_words) >= TITLE_CASE_MIN_WORDS and all(w[0].isupper() for w in long_words)


def opens_link_list(sentence: str, reason: str | None) -> bool:
    """A header such as "Related articles" or "Also read:" announces that the next short lines are headlines of
    other stories."""
    return reason == "related" or (reason in {"teaser", "sharing", "navigation"} and sentence.rstrip().endswith(":"))
