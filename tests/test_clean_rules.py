"""Cleaning rules on invented sentences and articles in en, fr, nl, de, it, es.

Every sentence here was written for these tests (fictional places, people and companies);
none is taken from a real page.
"""

from __future__ import annotations

import itertools

import pytest

from cybertrack.annotate.language import LanguageIdentifier
from cybertrack.clean import clean
from cybertrack.clean.boilerplate import boilerplate_reason
from cybertrack.clean.duplicates import repeated_sentences
from cybertrack.model import CleanText
from tests.conftest import RESOURCES

LANGS = ("en", "fr", "nl", "de", "it", "es")

# --------------------------------------------------------------------------------------------
# boilerplate_reason: page furniture, by kind and language
# --------------------------------------------------------------------------------------------

FURNITURE: dict[str, dict[str, list[str]]] = {
    "en": {
        "teaser": ["Read also: Water utility in the north hit by phishing wave",
                   "Also read: Police arrest teenager over school network outage"],
        "comments": ["Leave a comment", "3 Comments"],
        "subscription": ["Subscribe to our newsletter for the latest security news.",
                         "Sign up for our daily briefing newsletter"],
        "sharing": ["Share this article", "Follow us on Facebook and LinkedIn"],
        "copyright": ["© 2024 Brenmoor Courier. All rights reserved."],
        "cookies": ["We use cookies to improve your experience.", "This website uses cookies."],
        "navigation": ["Back to top"],
    },
    "fr": {
        "teaser": ["À lire aussi : Un hôpital du sud visé par un rançongiciel",
                   "Lire aussi : La police démantèle un réseau de faux sites bancaires"],
        "comments": ["Laisser un commentaire", "12 commentaires"],
        "subscription": ["Abonnez-vous à notre newsletter", "Article réservé à nos abonnés"],
        "sharing": ["Partager cet article", "Suivez-nous sur Facebook et LinkedIn"],
        "copyright": ["© 2024 La Gazette de Brenmoor. Tous droits réservés."],
        "cookies": ["Nous utilisons des cookies pour améliorer votre expérience.",
                    "Ce site utilise des cookies."],
        "navigation": ["Retour en haut de la page"],
    },
    "nl": {
        "teaser": ["Lees ook: Ziekenhuis in het oosten waarschuwt patiënten voor nepmails",
                   "Lees meer: Politie rolt netwerk van valse webwinkels op"],
        "comments": ["Laat een reactie achter", "2 reacties"],
        "subscription": ["Schrijf je in voor onze nieuwsbrief", "Abonneer je op onze nieuwsbrief"],
        "sharing": ["Deel dit artikel", "Volg ons op Facebook en LinkedIn"],
        "copyright": ["© 2024 Dagblad Lindervelde. Alle rechten voorbehouden."],
        "cookies": ["Wij gebruiken cookies om uw ervaring te verbeteren.", "Deze website gebruikt cookies."],
        "navigation": ["Terug naar boven"],
    },
    "de": {
        "teaser": ["Lesen Sie auch: Krankenhaus im Norden kämpft mit Folgen einer Phishing-Welle",
                   "Mehr zum Thema: Polizei zerschlägt Netzwerk falscher Onlineshops"],
        "comments": ["Schreiben Sie einen Kommentar", "5 Kommentare"],
        "subscription": ["Newsletter abonnieren", "Melden Sie sich für unseren Newsletter an."],
        "sharing": ["Teilen Sie diesen Artikel", "Folgen Sie uns auf Facebook und LinkedIn"],
        "copyright": ["© 2024 Falkenauer Tagblatt. Alle Rechte vorbehalten."],
        "cookies": ["Wir verwenden Cookies, um unsere Website für Sie zu verbessern.",
                    "Diese Website verwendet Cookies."],
        "navigation": ["Nach oben", "Zurück nach oben"],
    },
    "it": {
        "teaser": ["Leggi anche: Truffa via SMS, colpiti i clienti di una banca del nord",
                   "Potrebbe interessarti: La polizia smantella una rete di falsi negozi online"],
        "comments": ["Lascia un commento", "3 commenti"],
        "subscription": ["Iscriviti alla nostra newsletter"],
        "sharing": ["Condividi su Facebook", "Seguici su Facebook e LinkedIn"],
        "copyright": ["© 2024 Il Corriere di Castelmare. Tutti i diritti riservati."],
        "cookies": ["Utilizziamo i cookie per migliorare la tua esperienza.", "Questo sito utilizza i cookie."],
        "navigation": ["Torna su"],
    },
    "es": {
        "teaser": ["Lee también: Detenido un joven por vender datos de clientes de una aseguradora",
                   "Te puede interesar: La policía desmantela una red de tiendas falsas"],
        "comments": ["Deja un comentario", "4 comentarios"],
        "subscription": ["Suscríbete a nuestro boletín", "Suscríbete a nuestra newsletter"],
        "sharing": ["Compartir en Facebook", "Síguenos en Facebook y LinkedIn"],
        "copyright": ["© 2024 El Heraldo de Valdeluna. Todos los derechos reservados."],
        "cookies": ["Utilizamos cookies para mejorar su experiencia.", "Este sitio web utiliza cookies."],
        "navigation": ["Volver arriba"],
    },
}

FURNITURE_CASES = [
    pytest.param(sentence, id=f"{lang}-{kind}-{n}")
    for lang, kinds in FURNITURE.items()
    for kind, sentences in kinds.items()
    for n, sentence in enumerate(sentences)
]


def test_furniture_table_covers_every_language_and_kind():
    kinds = {"teaser", "comments", "subscription", "sharing", "copyright", "cookies", "navigation"}
    assert set(FURNITURE) == set(LANGS)
    for lang in LANGS:
        assert set(FURNITURE[lang]) == kinds, lang


@pytest.mark.parametrize("sentence", FURNITURE_CASES)
def test_furniture_has_a_reason(sentence):
    assert boilerplate_reason(sentence) is not None


# Story sentences that share words with furniture cues; they must be kept.
TRICKY_STORY: dict[str, list[str]] = {
    "en": [
        "Comments by the minister on Tuesday suggested that the government already knew who was behind the intrusion.",
        "Shares of the company fell by eleven percent after the breach was disclosed.",
        "The attackers hijacked the Facebook and Twitter accounts of the ministry.",
        "“Our Facebook and Twitter accounts were hijacked overnight,” the ministry said.",
        "Must read: investigators say the same group had already been inside the network of the national railway "
        "company for at least eighteen months before anyone noticed.",
        "Recommended security updates had not been installed on the server, the auditors said.",
    ],
    "fr": [
        "Les commentaires du ministre, mardi, laissent penser que le gouvernement connaissait déjà les auteurs de "
        "l'intrusion.",
        "Les actions de l'entreprise ont chuté de onze pour cent après la révélation de la fuite.",
        "Les pirates ont détourné les comptes Facebook et Twitter du ministère.",
        "« Nos comptes Facebook et Twitter ont été piratés dans la nuit », a déclaré le ministère.",
    ],
    "nl": [
        "Reacties van de minister op dinsdag wezen erop dat de regering al wist wie achter de inbraak zat.",
        "De aandelen van het bedrijf daalden met elf procent nadat het lek bekend werd.",
        "De aanvallers kaapten de Facebook- en Twitteraccounts van het ministerie.",
        "„Onze Facebook- en Twitteraccounts zijn vannacht gekaapt”, aldus het ministerie.",
    ],
    "de": [
        "Kommentare des Ministers am Dienstag legten nahe, dass die Regierung die Täter bereits kannte.",
        "Die Aktien des Unternehmens fielen nach Bekanntwerden des Angriffs um elf Prozent.",
        "Die Angreifer kaperten die Facebook- und Twitter-Konten des Ministeriums.",
        "„Unsere Facebook- und Twitter-Konten wurden über Nacht gekapert“, sagte das Ministerium.",
    ],
    "it": [
        "I commenti del ministro di martedì suggeriscono che il governo sapeva già chi c'era dietro l'intrusione.",
        "Le azioni della società sono scese dell'undici per cento dopo la scoperta della violazione.",
        "Gli aggressori hanno dirottato gli account Facebook e Twitter del ministero.",
        "«I nostri account Facebook e Twitter sono stati violati durante la notte», ha dichiarato il ministero.",
    ],
    "es": [
        "Los comentarios del ministro el martes sugieren que el gobierno ya sabía quién estaba detrás de la intrusión.",
        "Las acciones de la empresa cayeron un once por ciento tras conocerse la brecha.",
        "Los atacantes secuestraron las cuentas de Facebook y Twitter del ministerio.",
        "«Nuestras cuentas de Facebook y Twitter fueron secuestradas durante la noche», afirmó el ministerio.",
    ],
}

TRICKY_CASES = [
    pytest.param(sentence, id=f"{lang}-{n}")
    for lang, sentences in TRICKY_STORY.items()
    for n, sentence in enumerate(sentences)
]


@pytest.mark.parametrize("sentence", TRICKY_CASES)
def test_story_sentence_is_not_furniture(sentence):
    assert boilerplate_reason(sentence) is None


def test_must_read_cue_before_a_short_headline_is_still_a_teaser():
    # The counterpart of the long "Must read: …" story sentence above.
    assert boilerplate_reason("Must read: Hackers leak tax records of three ministries") == "teaser"


# --------------------------------------------------------------------------------------------
# repeated_sentences
# --------------------------------------------------------------------------------------------

# lang -> (sentence, the same with spacing edits, the same with one changed function word,
#          an unrelated sentence)
REPEATS: dict[str, tuple[str, str, str, str]] = {
    "en": (
        "Investigators said the intruders had been inside the network of the tax office for two years.",
        "Investigators said the intruders had been  inside the network of the tax office for two years .",
        "Investigators said the intruders had been inside a network of the tax office for two years.",
        "The office has since replaced its mail server and reset every password.",
    ),
    "fr": (
        "Les enquêteurs affirment que les pirates étaient présents dans le réseau du fisc depuis deux ans.",
        "Les enquêteurs affirment que les pirates étaient présents  dans le réseau du fisc depuis deux ans .",
        "Les enquêteurs affirment que les pirates étaient présents dans ce réseau du fisc depuis deux ans.",
        "L'administration a depuis remplacé son serveur de messagerie et réinitialisé tous les mots de passe.",
    ),
    "nl": (
        "Onderzoekers zeggen dat de indringers al twee jaar in het netwerk van de belastingdienst zaten.",
        "Onderzoekers zeggen dat de indringers al twee jaar in het netwerk  van de belastingdienst zaten .",
        "Onderzoekers zeggen dat de indringers al twee jaar in een netwerk van de belastingdienst zaten.",
        "De dienst heeft inmiddels zijn mailserver vervangen en alle wachtwoorden gewijzigd.",
    ),
    "de": (
        "Die Ermittler sagen, die Eindringlinge seien seit zwei Jahren im Netzwerk der Steuerbehörde gewesen.",
        "Die Ermittler sagen, die Eindringlinge seien seit zwei Jahren  im Netzwerk der Steuerbehörde gewesen .",
        "Die Ermittler sagen, die Eindringlinge seien seit zwei Jahren im Netzwerk einer Steuerbehörde gewesen.",
        "Die Behörde hat inzwischen ihren Mailserver ersetzt und alle Passwörter zurückgesetzt.",
    ),
    "it": (
        "Gli investigatori affermano che gli intrusi erano nella rete dell'agenzia delle entrate da due anni.",
        "Gli investigatori affermano che gli intrusi erano nella rete  dell'agenzia delle entrate da due anni .",
        "Gli investigatori affermano che gli intrusi erano nella rete dell'agenzia delle entrate per due anni.",
        "L'agenzia ha poi sostituito il server di posta e reimpostato tutte le password.",
    ),
    "es": (
        "Los investigadores afirman que los intrusos llevaban dos años dentro de la red de la agencia tributaria.",
        "Los investigadores afirman que los intrusos llevaban dos años  dentro de la red de la agencia tributaria .",
        "Los investigadores afirman que los intrusos llevaban dos años dentro de una red de la agencia tributaria.",
        "La agencia ha sustituido desde entonces su servidor de correo y cambiado todas las contraseñas.",
    ),
}

# lang -> two sentences on one template that name different targets
TEMPLATES: dict[str, tuple[str, str]] = {
    "en": ("We detected malicious activity targeting the state.",
           "We detected malicious activity targeting the national railway company."),
    "fr": ("Nous avons détecté une activité malveillante visant l'État.",
           "Nous avons détecté une activité malveillante visant la compagnie nationale des chemins de fer."),
    "nl": ("Wij hebben kwaadaardige activiteiten gedetecteerd gericht tegen de staat.",
           "Wij hebben kwaadaardige activiteiten gedetecteerd gericht tegen de nationale spoorwegmaatschappij."),
    "de": ("Wir haben bösartige Aktivitäten gegen den Staat festgestellt.",
           "Wir haben bösartige Aktivitäten gegen die nationale Eisenbahngesellschaft festgestellt."),
    "it": ("Abbiamo rilevato attività malevole dirette contro lo Stato.",
           "Abbiamo rilevato attività malevole dirette contro la compagnia ferroviaria nazionale."),
    "es": ("Hemos detectado actividad maliciosa dirigida contra el Estado.",
           "Hemos detectado actividad maliciosa dirigida contra la compañía nacional de ferrocarriles."),
}

# lang -> one template naming two ministries that differ in a single word
ONE_NAME_TEMPLATES: dict[str, tuple[str, str]] = {
    "en": ("The attackers also targeted the Ministry of Defence, the agency said.",
           "The attackers also targeted the Ministry of Finance, the agency said."),
    "fr": ("Les pirates ont également visé le ministère de la Défense, selon l'agence.",
           "Les pirates ont également visé le ministère de la Justice, selon l'agence."),
    "nl": ("De aanvallers richtten zich ook op het ministerie van Defensie, aldus het agentschap.",
           "De aanvallers richtten zich ook op het ministerie van Financiën, aldus het agentschap."),
    "de": ("Die Angreifer hatten es nach Angaben der Behörde auch auf das Verteidigungsministerium abgesehen.",
           "Die Angreifer hatten es nach Angaben der Behörde auch auf das Finanzministerium abgesehen."),
    "it": ("Gli aggressori hanno preso di mira anche il ministero della Difesa, secondo l'agenzia.",
           "Gli aggressori hanno preso di mira anche il ministero della Giustizia, secondo l'agenzia."),
    "es": ("Los atacantes también atacaron el Ministerio de Defensa, según la agencia.",
           "Los atacantes también atacaron el Ministerio de Justicia, según la agencia."),
}

# lang -> two sentences that differ only in a number
NUMBERS: dict[str, tuple[str, str]] = {
    "en": ("The ransomware encrypted 40 servers at the port authority on Monday.",
           "The ransomware encrypted 400 servers at the port authority on Monday."),
    "fr": ("Le rançongiciel a chiffré 40 serveurs de l'autorité portuaire lundi.",
           "Le rançongiciel a chiffré 400 serveurs de l'autorité portuaire lundi."),
    "nl": ("De ransomware versleutelde maandag 40 servers van het havenbedrijf.",
           "De ransomware versleutelde maandag 400 servers van het havenbedrijf."),
    "de": ("Die Erpressersoftware verschlüsselte am Montag 40 Server der Hafenbehörde.",
           "Die Erpressersoftware verschlüsselte am Montag 400 Server der Hafenbehörde."),
    "it": ("Il ransomware ha cifrato lunedì 40 server dell'autorità portuale.",
           "Il ransomware ha cifrato lunedì 400 server dell'autorità portuale."),
    "es": ("El ransomware cifró el lunes 40 servidores de la autoridad portuaria.",
           "El ransomware cifró el lunes 400 servidores de la autoridad portuaria."),
}


@pytest.mark.parametrize("lang", LANGS)
def test_exact_repeat_is_dropped(lang):
    sentence, _, _, other = REPEATS[lang]
    assert repeated_sentences([sentence, other, sentence]) == {2: 0}


@pytest.mark.parametrize("lang", LANGS)
def test_repeat_with_spacing_edits_is_dropped(lang):
    sentence, spaced, _, other = REPEATS[lang]
    assert repeated_sentences([sentence, other, spaced]) == {2: 0}


@pytest.mark.parametrize("lang", LANGS)
def test_repeat_with_one_changed_function_word_is_dropped(lang):
    sentence, _, edited, other = REPEATS[lang]
    assert edited != sentence
    assert repeated_sentences([sentence, other, edited]) == {2: 0}


@pytest.mark.parametrize("lang", LANGS)
def test_template_sentences_naming_different_targets_are_kept(lang):
    first, second = TEMPLATES[lang]
    assert repeated_sentences([first, second]) == {}
    assert repeated_sentences([second, first]) == {}


@pytest.mark.parametrize("lang", LANGS)
def test_template_sentences_differing_in_one_name_are_kept(lang):
    first, second = ONE_NAME_TEMPLATES[lang]
    assert repeated_sentences([first, second]) == {}


@pytest.mark.parametrize("lang", LANGS)
def test_sentences_differing_in_a_number_are_kept(lang):
    first, second = NUMBERS[lang]
    assert repeated_sentences([first, second]) == {}
    assert repeated_sentences([second, first]) == {}


# --------------------------------------------------------------------------------------------
# clean(): whole invented articles
# --------------------------------------------------------------------------------------------

# Each article: a headline, story paragraphs (lists of sentences), one near-repeat of a story
# sentence, furniture lines, and two unrelated, truncated teaser stories glued onto the end.
ARTICLES: dict[str, dict] = {
    "en": {
        "title": "Lorvanian hospitals cancel surgeries after ransomware attack",
        "story": [
            ["Three hospitals in the Lorvanian city of Brenmoor postponed all planned surgeries on Wednesday after "
             "ransomware encrypted their patient records.",
             "The regional health authority said emergency wards remained open."],
            ["The attack was claimed by a group calling itself NightCrane, which published a sample of stolen files "
             "on its leak site.",
             "Police said they were examining the files."],
            ["According to the national computer emergency team, the intruders entered through a remote desktop "
             "server that had been left exposed to the internet.",
             "They spent eleven days inside the network before launching the encryption."],
            ["Health Minister Petra Oldan said the government would not pay a ransom.",
             "\"We will restore every system from clean backups, even if it takes weeks,\" she told parliament."],
            ["Staff were told to use paper forms until at least Monday, and patients were asked to bring printed "
             "copies of their prescriptions."],
        ],
        "repeat": "Health Minister Petra Oldan said the government would not pay any ransom.",
        "teaser": "Read also: Water utility in the north hit by phishing wave",
        "share": "Share this article on Facebook",
        "footer": ["Subscribe to our newsletter for the latest security news.", "Leave a comment"],
        "last": ["Back to top", "© 2024 Brenmoor Courier. All rights reserved."],
        "tail": [
            "SPORT: Brenmoor United signed a new goalkeeper from the second division on Friday, and the coach said "
            "the young player would start in the cup match against",
            "A new bakery in the old harbour has become so popular that customers queue for more than an hour "
            "every Saturday morning to buy its famous rye…",
        ],
    },
    "fr": {
        "title": "Cyberattaque contre la mairie de Brenmoor : les services en ligne à l'arrêt",
        "story": [
            ["Les services en ligne de la mairie de Brenmoor sont inaccessibles depuis lundi matin à la suite d'une "
             "cyberattaque.",
             "Les habitants ne peuvent plus demander de documents d'état civil ni payer la cantine scolaire."],
            ["Selon le maire, Jean-Luc Ferrand, les pirates ont chiffré une trentaine de serveurs et exigent une "
             "rançon en cryptomonnaie.",
             "La commune a porté plainte et prévenu l'agence nationale de cybersécurité."],
            ["Un groupe criminel a revendiqué l'attaque mercredi sur son site de fuite.",
             "Il menace de publier les données personnelles des agents municipaux si la rançon n'est pas versée "
             "avant la fin du mois."],
            ["« Nous ne paierons pas », a déclaré le maire lors d'une conférence de presse.",
             "Les équipes techniques espèrent rétablir les principaux services d'ici deux semaines."],
            ["En 2022 déjà, une attaque similaire avait paralysé pendant dix jours le réseau informatique du "
             "département voisin."],
        ],
        "repeat": "« Nous ne paierons pas », a déclaré le maire lors de la conférence de presse.",
        "teaser": "À lire aussi : Un hôpital du sud visé par un rançongiciel",
        "share": "Partager cet article",
        "footer": ["Abonnez-vous à notre newsletter", "Laisser un commentaire"],
        "last": ["Retour en haut de la page", "© 2024 La Gazette de Brenmoor. Tous droits réservés."],
        "tail": [
            "CULTURE : Le festival de jazz de la vieille ville accueillera cet été plus de quarante concerts "
            "gratuits, dont une soirée consacrée aux jeunes talents de la",
            "Météo : après une semaine de pluie, le soleil devrait enfin revenir ce week-end sur l'ensemble de la "
            "région, avec des températures…",
        ],
    },
    "nl": {
        "title": "Waterschap Lindervelde legt systemen stil na hackaanval",
        "story": [
            ["Het waterschap Lindervelde heeft dinsdag al zijn computersystemen uitgeschakeld na een aanval met "
             "ransomware.",
             "De gemalen en de dijkbewaking werken volgens een woordvoerder gewoon door."],
            ["Medewerkers kregen maandagavond een bericht op hun scherm waarin losgeld werd geëist.",
             "De criminelen zouden via een gestolen wachtwoord van een leverancier zijn binnengekomen."],
            ["Het nationale cybersecuritycentrum onderzoekt de aanval samen met de politie.",
             "Er zijn nog geen aanwijzingen dat persoonsgegevens van inwoners zijn gestolen."],
            ["De dijkgraaf zei dat het waterschap in geen geval losgeld zal betalen.",
             "Het herstel kan volgens hem enkele weken duren."],
            ["Vorig jaar werd een ander waterschap in het zuiden van het land op vergelijkbare wijze aangevallen."],
        ],
        "repeat": "De dijkgraaf zegt dat het waterschap in geen geval losgeld zal betalen.",
        "teaser": "Lees ook: Ziekenhuis in het oosten waarschuwt patiënten voor nepmails",
        "share": "Deel dit artikel",
        "footer": ["Schrijf je in voor onze nieuwsbrief", "Laat een reactie achter"],
        "last": ["Terug naar boven", "© 2024 Dagblad Lindervelde. Alle rechten voorbehouden."],
        "tail": [
            "SPORT: De plaatselijke hockeyclub heeft zondag voor het eerst in twintig jaar het landskampioenschap "
            "gewonnen na een spannende finale tegen de",
            "Een nieuwe fietsbrug over de rivier moet volgend jaar klaar zijn, maar omwonenden maken zich zorgen "
            "over het geluid van…",
        ],
    },
    "de": {
        "title": "Hackerangriff legt Stadtwerke Falkenau lahm",
        "story": [
            ["Die Stadtwerke Falkenau sind seit Sonntag Ziel eines Cyberangriffs.",
             "Kunden können ihre Zählerstände derzeit nicht online melden, die Strom- und Wasserversorgung ist nach "
             "Angaben des Unternehmens aber nicht betroffen."],
            ["Unbekannte hatten am 3. März eine Schadsoftware in das Netzwerk eingeschleust und zahlreiche Server "
             "verschlüsselt.",
             "Das Landeskriminalamt hat die Ermittlungen übernommen."],
            ["Eine Gruppe namens BlackCobra bekannte sich im Darknet zu dem Angriff.",
             "Sie droht, Kundendaten zu veröffentlichen, falls kein Lösegeld gezahlt wird."],
            ["Geschäftsführerin Anja Merten sagte, man werde nicht auf die Forderungen eingehen.",
             "Die Wiederherstellung der Systeme werde mehrere Wochen dauern."],
            ["Bereits im vergangenen Jahr waren mehrere kommunale Versorger in der Region Opfer ähnlicher Angriffe "
             "geworden."],
        ],
        "repeat": "Geschäftsführerin Anja Merten sagte, man werde nicht auf diese Forderungen eingehen.",
        "teaser": "Lesen Sie auch: Krankenhaus im Norden kämpft mit Folgen einer Phishing-Welle",
        "share": "Teilen Sie diesen Artikel",
        "footer": ["Newsletter abonnieren", "Schreiben Sie einen Kommentar"],
        "last": ["Nach oben", "© 2024 Falkenauer Tagblatt. Alle Rechte vorbehalten."],
        "tail": [
            "SPORT: Der FC Falkenau hat am Samstag sein Heimspiel gegen den Tabellenführer überraschend gewonnen "
            "und steht damit erstmals seit Jahren wieder auf einem",
            "Das Sommerfest im Stadtpark findet in diesem Jahr an drei Tagen statt, wie das Kulturamt mitteilte, "
            "und bietet neben Musik auch…",
        ],
    },
    "it": {
        "title": "Attacco informatico al porto di Castelmare, rallentate le operazioni",
        "story": [
            ["Il sistema informatico dell'autorità portuale di Castelmare è stato colpito nella notte tra lunedì e "
             "martedì da un attacco ransomware.",
             "Le operazioni di carico e scarico sono proseguite, ma con forti ritardi."],
            ["Secondo l'agenzia nazionale per la cybersicurezza, gli aggressori sono entrati attraverso una casella "
             "di posta compromessa di un fornitore.",
             "Sono stati cifrati circa cinquanta server."],
            ["Il gruppo criminale che ha rivendicato l'attacco chiede un riscatto di due milioni di euro.",
             "La procura ha aperto un'indagine."],
            ["Il presidente dell'autorità portuale ha escluso qualsiasi pagamento.",
             "I tecnici contano di ripristinare i servizi principali entro la fine della settimana."],
            ["Non è il primo episodio: nel 2023 un attacco simile aveva bloccato per giorni il sito del comune."],
        ],
        "repeat": "Il presidente dell'autorità portuale ha escluso ogni pagamento.",
        "teaser": "Leggi anche: Truffa via SMS, colpiti i clienti di una banca del nord",
        "share": "Condividi su Facebook",
        "footer": ["Iscriviti alla nostra newsletter", "Lascia un commento"],
        "last": ["Torna su", "© 2024 Il Corriere di Castelmare. Tutti i diritti riservati."],
        "tail": [
            "SPORT: La squadra di pallavolo della città ha conquistato domenica la promozione in serie A dopo una "
            "partita combattuta fino all'ultimo",
            "Il mercato del pesce del centro storico resterà chiuso per lavori fino a settembre, ha annunciato "
            "l'amministrazione comunale, e i commercianti…",
        ],
    },
    "es": {
        "title": "Un ciberataque paraliza la web de la Universidad de Valdeluna",
        "story": [
            ["La Universidad de Valdeluna sufrió el martes un ciberataque que dejó fuera de servicio su campus "
             "virtual y el correo electrónico de estudiantes y profesores.",
             "Los exámenes previstos para esta semana se han aplazado."],
            ["Según la universidad, los atacantes lograron acceder a la red mediante las credenciales robadas de un "
             "investigador.",
             "Después cifraron varios servidores con un programa de secuestro de datos."],
            ["La policía investiga el ataque junto al centro nacional de respuesta a incidentes.",
             "Por ahora no hay pruebas de que se hayan filtrado datos personales."],
            ["El rector, Andrés Quiroga, aseguró que la universidad no pagará ningún rescate.",
             "Espera recuperar los servicios básicos antes del lunes."],
            ["En 2021 otra universidad del país sufrió un ataque parecido que obligó a suspender las clases durante "
             "una semana."],
        ],
        "repeat": "El rector, Andrés Quiroga, aseguró que su universidad no pagará ningún rescate.",
        "teaser": "Lee también: Detenido un joven por vender datos de clientes de una aseguradora",
        "share": "Compartir en Facebook",
        "footer": ["Suscríbete a nuestro boletín", "Deja un comentario"],
        "last": ["Volver arriba", "© 2024 El Heraldo de Valdeluna. Todos los derechos reservados."],
        "tail": [
            "DEPORTES: El club de baloncesto de la ciudad fichó el viernes a un base argentino que llega con la "
            "intención de ayudar al equipo a",
            "La feria del libro volverá este año a la plaza mayor con más de cien casetas y un programa dedicado a "
            "los autores…",
        ],
    },
}


def _raw(article: dict) -> str:
    """The page as a reader would copy it: paragraphs separated by blank lines, noise in between."""
    p = [" ".join(sentences) for sentences in article["story"]]
    blocks = [article["title"], p[0], p[1], article["teaser"], p[2], article["share"], p[3], article["repeat"],
              p[4], *article["footer"], *article["tail"], *article["last"]]
    return "\n\n".join(blocks) + "\n"


def _story_sentences(article: dict) -> list[str]:
    return [article["title"], *(s for sentences in article["story"] for s in sentences)]


def _noise_lines(article: dict) -> list[str]:
    return [article["teaser"], article["share"], *article["footer"], *article["last"]]


@pytest.fixture(scope="module")
def cleaned() -> dict[str, tuple[str, CleanText]]:
    """Clean each article once (the glued-tail check loads an embedding model)."""
    results = {}
    for lang, article in ARTICLES.items():
        raw = _raw(article)
        results[lang] = (raw, clean(raw, None, RESOURCES.encoder))
    return results


@pytest.mark.parametrize("lang", LANGS)
def test_clean_keeps_every_story_sentence(lang, cleaned):
    _, result = cleaned[lang]
    missing = [s for s in _story_sentences(ARTICLES[lang]) if s not in result.text]
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_clean_drops_furniture_lines(lang, cleaned):
    _, result = cleaned[lang]
    kept = [line for line in _noise_lines(ARTICLES[lang]) if line in result.text]
    assert kept == []


@pytest.mark.parametrize("lang", LANGS)
def test_clean_drops_glued_truncated_teasers(lang, cleaned):
    _, result = cleaned[lang]
    for teaser in ARTICLES[lang]["tail"]:
        opening = " ".join(teaser.split()[:6])
        assert opening not in result.text
    glued = [r for r in result.removed if r.reason == "glued story"]
    assert len(glued) == len(ARTICLES[lang]["tail"])


@pytest.mark.parametrize("lang", LANGS)
def test_clean_drops_the_near_repeat_only(lang, cleaned):
    raw, result = cleaned[lang]
    article = ARTICLES[lang]
    assert article["repeat"] not in result.text
    repeated = [raw[r.raw_start:r.raw_end] for r in result.removed if r.reason == "repeated sentence"]
    assert repeated == [article["repeat"]]


@pytest.mark.parametrize("lang", LANGS)
def test_clean_text_is_the_story_in_order(lang, cleaned):
    _, result = cleaned[lang]
    paragraphs = [" ".join(sentences) for sentences in ARTICLES[lang]["story"]]
    assert result.text == "\n".join([ARTICLES[lang]["title"], *paragraphs])


# A closing story paragraph that opens with a CamelCase group name, as cyber news often does.
CAMELCASE_CLOSERS: dict[str, str] = {
    "en": "NightCrane first appeared last autumn and has since listed more than forty victims on its leak site, "
          "most of them small manufacturers and local councils.",
    "fr": "LockBit, le groupe soupçonné, a déjà revendiqué des attaques contre une dizaine de collectivités du pays "
          "depuis le début de l'année.",
    "nl": "BlackBasta, de groep die achter de aanval zou zitten, eiste eerder dit jaar ook losgeld van twee andere "
          "waterschappen.",
    "de": "BlackCobra ist seit dem vergangenen Herbst aktiv und hat nach eigenen Angaben bereits mehr als vierzig "
          "Unternehmen erpresst.",
    "it": "LockBit, il gruppo ritenuto responsabile, ha già colpito altri due porti del Mediterraneo negli ultimi "
          "mesi.",
    "es": "BlackCat, el grupo al que se atribuye el ataque, ya había atacado a otras dos universidades del país este "
          "año.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_clean_keeps_a_closing_paragraph_that_opens_with_a_camelcase_name(lang):
    article = {**ARTICLES[lang], "story": [*ARTICLES[lang]["story"][:-1], [CAMELCASE_CLOSERS[lang]]]}
    result = clean(_raw(article), None, RESOURCES.encoder)
    assert CAMELCASE_CLOSERS[lang] in result.text
    assert [r.reason for r in result.removed].count("glued story") == len(article["tail"])


@pytest.mark.parametrize("lang", LANGS)
def test_offset_spans_copy_raw_text_verbatim(lang, cleaned):
    raw, result = cleaned[lang]
    spans = result.offsets.spans
    assert spans
    for span in spans:
        assert result.text[span.clean_start:span.clean_start + span.length] == \
            raw[span.raw_start:span.raw_start + span.length]
    # Spans are in order, and only a single space or newline joins one to the next.
    for a, b in itertools.pairwise(spans):
        assert b.clean_start == a.clean_start + a.length + 1
        assert result.text[b.clean_start - 1] in " \n"
        assert b.raw_start >= a.raw_start + a.length
    assert spans[0].clean_start == 0
    assert spans[-1].clean_start + spans[-1].length == len(result.text)


@pytest.mark.parametrize("lang", LANGS)
def test_to_raw_points_at_the_same_character(lang, cleaned):
    raw, result = cleaned[lang]
    text, offsets = result.text, result.offsets
    positions = {0, 1, len(text) // 3, len(text) // 2, len(text) - 1}
    positions |= {span.clean_start for span in offsets.spans}
    positions |= {span.clean_start + span.length - 1 for span in offsets.spans}
    for i in sorted(positions):
        assert raw[offsets.to_raw(i)] == text[i], i
    # A word of the last story paragraph lands on the same word in the raw page.
    last = ARTICLES[lang]["story"][-1][-1]
    i = text.index(last)
    assert raw[offsets.to_raw(i):offsets.to_raw(i) + len(last)] == last


# --------------------------------------------------------------------------------------------
# LanguageIdentifier
# --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier()


@pytest.mark.parametrize("lang", LANGS)
def test_language_of_a_short_paragraph(lang, identifier):
    paragraph = " ".join(ARTICLES[lang]["story"][1])
    assert identifier.identify(paragraph) == lang


@pytest.mark.parametrize("text", ["2024-05-14 12:30 — 404 / 500 !!!", "", "   ", "1.2.3 … (42) [7] #9 %"])
def test_digits_and_punctuation_are_undetermined(text, identifier):
    assert identifier.identify(text) == "und"


def test_recognised_unsupported_language_is_named(identifier):
    portuguese = ("O ataque informático contra a câmara municipal deixou os serviços online indisponíveis durante "
                  "três dias, e os funcionários tiveram de voltar a usar formulários em papel.")
    assert identifier.identify(portuguese) == "pt"


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_a_long_caption_in_english_over_the_story_does_not_decide_the_language(lang, identifier):
    """A page may open with a photo caption or teaser in another language; the story around it decides."""
    caption = ("Pictured above: the mayor of Lutrecht speaking to reporters outside the city hall on a rainy "
               "Tuesday morning, next to the head of the water board, who answered questions about the outage "
               "that left thousands of homes without tap water for most of the weekend. ") * 4
    story = " ".join(" ".join(paragraph) for paragraph in ARTICLES[lang]["story"])
    assert len(caption) > 800
    assert identifier.identify(story[:200] + "\n" + caption + "\n" + story) == lang
