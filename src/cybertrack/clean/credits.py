"""Who wrote the page and who took its pictures: bylines, wire credits and photo credits.

These lines name people and agencies, never events, so they are recognised by shape: a cue of the kind
("By", "Par", "Von", "(Reporting by", "Photo:", "(AP Photo/") followed by nothing but names; a parenthesised
list of names or agency codes ("(Jane Doe)", "(ats/nxp)"); a short line that names a photo library or ends in
"Name/agency". Names are capitalised words that are not function words of a supported language (stopwords-iso),
so "By The Numbers" stays a heading while "By Jane Doe" goes.
"""

from __future__ import annotations

import re

import stopwordsiso

from cybertrack.clean.cues import LANGUAGES, cue, names
from cybertrack.clean.datelines import is_dateline
from cybertrack.tables import table

BYLINE_MAX_WORDS = 10
BIO_MAX_WORDS = 25
CREDIT_MAX_WORDS = 30
PHOTO_MAX_WORDS = 15
NAMES_MAX_WORDS = 6

# Lower-case words a list of names may hold: particles and "and" in each language.
_CONNECTORS = {"and", "und", "et", "e", "y", "en", "&", "van", "von", "der", "den", "de", "di", "da", "del", "della",
               "du", "des", "la", "le", "dos", "ten", "ter", "zu", "'t"}
_SEPARATORS = {"|", "-", "–", "—", "·", "•"}
_TOKEN = re.compile(r"[^\s,;/|·•]+")
_BYLINE = cue("byline", r"^(?:{})(?=\s)")
_BIO = cue("bio", r"(?:^|\s)(?:{})")
_CREDIT = cue("credit", r"^\(\s*(?:{})\b")
_CREDIT_OPENING = cue("credit", r"^(?:{})\s")
_PHOTO = cue("photo", r"^\(?\s*(?:{})")
_AGENCY = names("agencies")
_WIRE_END = re.compile(r"^\(\s*(?:end|fin|ende|fine|einde)\s*\)", re.IGNORECASE)
_AGENCY_CODES = re.compile(rf"^\(\s*(?:[a-z]{{2,5}}(?:\s*/\s*[a-z]{{2,5}})+|{_AGENCY})\s*\)\.?$", re.IGNORECASE)
_SLASH_CODES = re.compile(r"^[A-Za-z]{2,5}(?:/[A-Za-z]{2,5}){2,5}$")
# "dpa", "Avec AFP", "Mit dpa/Reuters": a line that credits the agencies the story came from, and nothing else
_AGENCIES_ALONE = cue("wire_with", rf"^(?:(?:{{}})\s+)?(?:{_AGENCY})(?:\s*[/,]\s*(?:{_AGENCY}))*\.?$")
_DASH_AGENCY = re.compile(rf"^[—–-]\s*(?:{_AGENCY})\.?$", re.IGNORECASE)
_LIBRARY = re.compile(rf"\b(?:{names('photo_libraries')})\b", re.IGNORECASE)
_SLASH_AGENCY = re.compile(rf"\w/\s?(?:{_AGENCY})\W{{0,3}}$", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?]['\"”»)]*$")


@table
def _function_words() -> frozenset[str]:
    return frozenset(stopwordsiso.stopwords(list(LANGUAGES)))


def only_names(text: str, least: int = 1) -> bool:
    """Whether ``text`` is a list of names: capitalised words and particles, with at least ``least`` words that are
    not function words ("The", "An")."""
    tokens = _TOKEN.findall(text.strip(" ()[]"))
    if not tokens or len(tokens) > NAMES_MAX_WORDS * 2:
        return False
    named = 0
    for token in tokens:
        word = token.strip(".'’\"")
        if not word:
            continue
        if word.lower() in _CONNECTORS and not word[0].isupper():
            continue
        if not word[0].isupper() or any(c.isdigit() for c in word):
            return False
        named += word.lower() not in _function_words()
    return named >= least


def is_byline(sentence: str, folded: str) -> bool:
    """"By Jane Doe", "Par Jean Dupont", "di Giuseppe Rossi", "Autor: Max Muster", "Publié par Jean Dupont le 12
    mars 2024 à 10h30". ``folded`` is the sentence as ``cues.fold`` gives it."""
    stripped = sentence.strip()
    if len(stripped.split()) > BYLINE_MAX_WORDS or _TERMINAL.search(stripped):
        return False
    match = _BYLINE.match(folded)
    if not match:
        return False
    words = stripped.split()[len(match.group(0).split()):]
    # The names run up to the first separator, digit or lower-case word; a date stamp may follow them.
    end = next((i for i, w in enumerate(words) if w in _SEPARATORS or _ends_names(w)), len(words))
    names, date = " ".join(words[:end]), " ".join(words[end:]).strip(" |-–—·•,")
    return end >= 2 and only_names(names) and (not date or is_dateline(date))


def _ends_names(word: str) -> bool:
    return (word[0].islower() and word not in _CONNECTORS) or any(c.isdigit() for c in word)


def is_author_bio(sentence: str, folded: str) -> bool:
    """"Jane Doe is the UK Editor for Example News.", "est journaliste au Quotidien": names, then a newsroom role."""
    stripped = sentence.strip()
    if len(stripped.split()) > BIO_MAX_WORDS:
        return False
    match = _BIO.search(folded)
    if not match:
        return False
    before = folded[:match.start()].strip()
    return not before or only_names(stripped[:len(before)], least=1)


def is_wire_credit(sentence: str, folded: str) -> bool:
    """A credit a wire story ends with: "(Reporting by …; Editing by …)", "(ats/nxp)", "(Jane Doe)", "(END)",
    "DJG/sha/err", "— AFP", "Avec AFP", "dpa"."""
    stripped = sentence.strip()
    if len(stripped.split()) > CREDIT_MAX_WORDS:
        return False
    if _AGENCY_CODES.match(stripped) or _SLASH_CODES.match(stripped) or _DASH_AGENCY.match(stripped) \
            or _AGENCIES_ALONE.match(folded):
        return True
    if _WIRE_END.match(stripped):
        return True
    if not stripped.startswith("("):
        return _credit_line(stripped, folded)
    if _CREDIT.match(folded):
        return True
    return stripped.rstrip(".").endswith(")") and only_names(stripped.rstrip("."), least=2)


def _credit_line(sentence: str, folded: str) -> bool:
    """The same credit on a line of its own, without its parentheses: "Additional reporting by Sam Hale; Editing by
    Jo Brown", "Met medewerking van Jan Peeters". Each part is a cue and names, and nothing ends it like a sentence."""
    if _TERMINAL.search(sentence) or not _CREDIT_OPENING.match(folded) or is_byline(sentence, folded) \
            or sentence.count(";") != folded.count(";"):
        return False  # "A cura di Marco Bellini" opens a byline as well: the byline it is
    return all((cued := _CREDIT_OPENING.match(low.strip() + " "))
               and only_names(" ".join(part.split()[len(cued.group().split()):]))
               for part, low in zip(sentence.split(";"), folded.split(";"), strict=True))


def is_photo_credit(sentence: str, folded: str) -> bool:
    """"Photo: Jane Doe", "(AP Photo/Jane Doe)", "Pixabay - Imagen de …", "… from Shutterstock.com",
    "Logo of the company  Jane Doe/dpa"."""
    stripped = sentence.strip().lstrip("|").strip()
    if len(stripped.split()) > PHOTO_MAX_WORDS or _TERMINAL.search(stripped):
        return False  # a credit names, it does not tell: "Bilder von der Kamera zeigen die Täter." is story
    return bool(_PHOTO.match(folded) or _LIBRARY.search(stripped) or _SLASH_AGENCY.search(stripped))
