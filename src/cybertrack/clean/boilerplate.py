"""Recognising page furniture: "Read also" teasers, comment prompts, share and follow
buttons, subscription walls, navigation and copyright lines, in en fr nl de it es.

Cues come in three strengths, because the same words can be furniture or story:

* ``EXACT``: the sentence is nothing but the cue ("Comments", "Back to top").
* ``LEAD``: the cue opens a short sentence and what follows is a headline
  ("Read also Norwegian Parliament hacked").
* ``ANYWHERE``: the cue anywhere in a short sentence is enough ("All rights reserved").
"""

from __future__ import annotations

import re
import unicodedata

LEAD_MAX_WORDS = 35
# Credits and captions carry no headline after the cue, so they must be shorter still.
SHORT_LEADS = {"source": 12, "caption": 15}
TEASER_HEADLINE_MAX_WORDS = 12
ANYWHERE_MAX_WORDS = 25

# Each entry is a regular expression over a lower-cased, accent-stripped sentence.
EXACT = {
    "navigation": [
        r"back to top( button)?", r"retour en haut( de (la )?page)?", r"terug naar boven", r"(zuruck )?nach oben",
        r"torna (su|in alto)", r"volver (arriba|al inicio)", r"skip to (main )?content", r"menu", r"home",
        r"previous( article| post)?", r"next( article| post)?", r"article (precedent|suivant)",
        r"(vorheriger|nachster) artikel", r"(vorig|volgend) artikel", r"articolo (precedente|successivo)",
        r"articulo (anterior|siguiente)", r"print( this( article)?)?", r"imprimer", r"drucken", r"stampa",
        r"imprimir", r"email( this)?", r"source link", r"advertisement", r"publicite", r"advertentie",
        r"anzeige", r"pubblicita", r"publicidad", r"tags?", r"related( articles| posts| stories| news)?",
        r"more( news| stories)?",
    ],
    "comments": [
        r"(\d+ )?(comments?|commentaires?|reacties?|kommentare?|commenti|comentarios?)( \(\d+\))?",
        r"(no|add|post|view) comments?", r"reply", r"repondre", r"antworten", r"rispondi",
        r"responder",
    ],
    "sharing": [
        r"share( this( article| story| post)?)?", r"partager( cet article)?", r"delen", r"teilen",
        r"condividi", r"compartir", r"tweet", r"like", r"(also )?read( more)?:?", r"also read:?",
        r"lire aussi:?", r"a lire aussi:?", r"lees ook:?", r"lesen sie auch:?", r"leggi anche:?",
        r"lee tambien:?", r"see also:?",
    ],
}

LEAD = {
    "teaser": [
        r"(also read|read also|read more|see also|"
        r"(related|recommended)( for you| reading| articles?| posts?| stories| coverage)? ?:|"
        r"more on this( topic| story)?|you (may|might) also (like|be interested in)|don'?t miss|must read)\b",
        r"((a )?lire (aussi|egalement|plus)|voir aussi|sur le meme sujet|lisez aussi|a decouvrir)\b",
        r"(lees (ook|meer)|zie ook|meer over dit onderwerp|gerelateerd)\b",
        r"(lesen sie (auch|mehr)|auch interessant|mehr zum thema|siehe auch|weiterlesen|"
        r"das konnte sie auch interessieren)\b",
        r"(leggi (anche|di piu)|vedi anche|potrebbe interessarti|articoli correlati|approfondisci)\b",
        r"(lee tambien|leer mas|lea tambien|te puede interesar|ver tambien|noticias relacionadas|"
        r"articulos relacionados)\b",
    ],
    "comments": [
        r"(leave|post|add|write) a (comment|reply)\b", r"(laisser|laissez|ajouter) un commentaire\b",
        r"laat een (reactie|bericht) achter\b", r"(schreibe|schreiben sie) einen kommentar\b",
        r"lascia un commento\b", r"(deja|dejar|escribe) un comentario\b",
    ],
    "subscription": [
        r"(subscribe|sign up|register|join)( now| today)? (to|for)\b", r"subscribe\b",
        r"(this )?article (is )?(reserved|available) (for|to) (our )?(subscribers|members)\b",
        r"(abonnez-vous|s'abonner|inscrivez-vous)\b", r"article reserve a nos abonnes\b",
        r"(abonneer|schrijf je in|meld je aan)\b", r"(jetzt )?(abonnieren|registrieren)\b",
        r"melden sie sich (jetzt )?(kostenlos )?fur unseren newsletter an\b",
        r"(iscriviti|abbonati)\b", r"(suscribete|suscribirse|registrate)\b",
        r"(get|receive) (our|the) (daily |weekly )?newsletter\b", r"newsletter\b",
    ],
    "sharing": [
        r"(share|click to share) (this|on)\b", r"follow us\b", r"(partagez|partager) (cet|sur)\b",
        r"suivez-nous\b", r"(deel dit|volg ons)\b", r"(teilen sie|folgen sie uns)\b",
        r"(condividi|seguici)\b", r"(comparte|compartir en|siguenos)\b",
    ],
    "feedback": [
        r"(did you (like|enjoy)|liked|enjoyed) (this|the) (article|story|post)\b",
        r"(vous avez aime|avez-vous aime) cet article\b", r"vond je dit (artikel|bericht)\b",
        r"(hat ihnen|gefallt ihnen) (dieser|der) (artikel|beitrag)\b", r"ti e piaciuto (questo|l') ?articolo\b",
        r"te (ha gustado|gusto) (este|el) articulo\b",
    ],
    "source": [r"(source|sources|bron|quelle|fonte|fuente) ?:"],
    "caption": [r"(photo|image|picture|foto|bild|credit|credits)( credit)? ?:"],
}

ANYWHERE = {
    "copyright": [
        r"all rights reserved", r"tous droits reserves", r"alle rechten voorbehouden", r"alle rechte vorbehalten",
        r"tutti i diritti riservati", r"todos los derechos reservados", r"^(©|copyright)",
    ],
    "cookies": [
        r"we use cookies", r"(this|our) (site|website) uses cookies", r"nous utilisons des cookies",
        r"(wij gebruiken|deze site gebruikt) cookies", r"wir verwenden cookies", r"utilizziamo (i )?cookie",
        r"utilizamos cookies", r"accept (all )?cookies",
        r"\b(site|website|webseite|sito|sitio)( web| internet)? (uses|utilise|gebruikt|verwendet|nutzt|utilizza|usa|"
        r"utiliza) (des |i |los )?cookies?\b",
    ],
}

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


def _compile(table: dict[str, list[str]], template: str) -> list[tuple[str, re.Pattern[str]]]:
    return [(reason, re.compile(template.format("|".join(patterns)))) for reason, patterns in table.items()]


_EXACT = _compile(EXACT, r"^(?:{})$")
_LEAD = _compile(LEAD, r"^(?:{})")
_ANYWHERE = _compile(ANYWHERE, r"(?:{})")


def fold(text: str) -> str:
    """Lower case, no accents, straight quotes, single spaces: the form cues are written in."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"[\s\u00a0]+", " ", text).strip()
    return text.strip(" \"'“”«»-–—•·|>")


def boilerplate_reason(sentence: str) -> str | None:
    """Why this sentence is page furniture, or None when it may be part of the story."""
    folded = fold(sentence)
    if not folded:
        return "empty"
    words = len(folded.split())
    bare = folded.rstrip(" .:!?…")
    for reason, pattern in _EXACT:
        if pattern.match(bare):
            return reason
    if words <= LEAD_MAX_WORDS:
        for reason, pattern in _LEAD:
            match = pattern.match(folded)
            if match and words <= SHORT_LEADS.get(reason, LEAD_MAX_WORDS) and \
                    not (reason == "teaser" and _is_story_sentence(folded[match.end():])):
                return reason
    if words <= ANYWHERE_MAX_WORDS:
        for reason, pattern in _ANYWHERE:
            if pattern.search(folded):
                return reason
        if len(set(SOCIAL_NETWORKS.findall(folded))) >= 2 and SELF_PROMOTION.search(folded):
            return "sharing"
    if _is_link_list(sentence):
        return "link list"
    return None


def _is_story_sentence(rest: str) -> bool:
    """After "Must read:" a headline follows; a long sentence ending in a full stop is the story itself."""
    return rest.rstrip().endswith(".") and len(rest.split()) > TEASER_HEADLINE_MAX_WORDS


def _is_link_list(sentence: str) -> bool:
    """Navigation bars and bare URLs: 'Home | World | Tech', 'https://…'."""
    stripped = sentence.strip()
    if re.fullmatch(r"(https?://|www\.)\S+", stripped):
        return True
    parts = [p for p in re.split(r"\s*[|•·»]\s*", stripped) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


def opens_link_list(sentence: str, reason: str | None) -> bool:
    """A lead-in such as "Also read:" announces that the next short lines are headlines of other stories."""
    return reason in {"teaser", "sharing", "navigation"} and sentence.rstrip().endswith(":")
