"""Page furniture of multilingual news pages: bylines, credits, captions, date stamps, lists of other stories,
widgets, and what a page glues inside or after the story, in en, fr, nl, de, it, es.

Every page and sentence here was written for these tests (fictional places, people, papers and companies); none
is taken from a real page.
"""

from __future__ import annotations

import pytest

from cybertrack.clean import clean
from cybertrack.clean.boilerplate import boilerplate_reason
from cybertrack.clean.cues import LANGUAGES, table
from tests.conftest import RESOURCES

# --------------------------------------------------------------------------------------------
# The cue tables are data, and every kind speaks every language
# --------------------------------------------------------------------------------------------


def test_every_cue_kind_has_cues_in_every_language():
    data = table()
    for strength in ("exact", "lead", "anywhere"):
        for kind, by_language in data[strength].items():
            assert set(by_language) == set(LANGUAGES), (strength, kind)
            assert all(by_language[language] for language in LANGUAGES), (strength, kind)
    for structured in ("byline", "credit", "photo", "dateline", "date_label", "read_more", "related_where", "bio"):
        assert set(data[structured]) == set(LANGUAGES), structured


# --------------------------------------------------------------------------------------------
# Furniture lines, by kind and language
# --------------------------------------------------------------------------------------------

FURNITURE: dict[str, dict[str, list[str]]] = {
    "en": {
        "tags": ["Tags: ransomware, water utilities, Brenmoor", "Filed under: Cybercrime"],
        "cookies": ["We and our partners use cookies to personalise content."],
        "link list": ["Home / Security / Critical infrastructure"],
        "byline": ["By Jane Holloway", "Written by Tom Brandt and Lucy Marr", "By Jane Holloway | March 3, 2024",
                   "Alice Penrose is the Europe Editor for Brenmoor Courier."],
        "credit": ["(Reporting by Jane Holloway; Editing by Tom Brandt)", "(Jane Holloway)", "(END) Brenmoor Newswires",
                   "BRC/jh/tb", "— AFP"],
        "caption": ["(AP Photo/Jane Holloway)", "Photo: Tom Brandt", "Image Source: Brenmoor Courier",
                    "Server racks in a data centre from Shutterstock.com",
                    "(FILES) A composite of photos made on May 2, 2022 shows the two ministers at a summit."],
        "dateline": ["Monday, February 23, 2026", "Brenmoor | July 14, 2022 7:12:31 AM GMT",
                     "Published on March 3, 2024 at 10:15", "September 12, 2018 11:42 ET (15:42 GMT)"],
        "teaser": ["Video: Police raid the offices of a fake bank", "[Water utility in the north hit by phishing wave]",
                   "Hospital warns patients about fake invoices >>",
                   "March 2, 2024 Police arrest three suspects behind a wave of fake parcel messages more...",
                   "- Port authority restores its booking system - March 1, 2024"],
        "related": ["More news from the Brenmoor region", "Related articles", "You may also like", "Most read"],
        "widget": ["Share  Print this page  Comments", "Copy to clipboardCopied", "Learn more"],
        "contact": ["Contact the author: jane.holloway@brenmoor-courier.example", "+44 20 7946 0958"],
        "meta": ["brenmoor-courier.example | 512 words", "4 min read"],
        "licence": ["Photo licence: CC BY-SA 4.0"],
        "link_prompt": ["Watch the full press conference at the following link."],
        "source": ["Read the full article on the Brenmoor Courier website"],
        "comments": ["Flag this comment", "Report abuse"],
        "service_offer": ["Worried about ransomware? Contact us for a security review."],
    },
    "fr": {
        "tags": ["Mots-clés : rançongiciel, hôpitaux, Lutrèche"],
        "cookies": ["Nous et nos partenaires utilisons des cookies pour mesurer l'audience."],
        "byline": ["Par Jeanne Morel", "Publié par Jeanne Morel le 12 mars 2024 à 10h30",
                   "Claire Duval est journaliste au Quotidien de Brenmoor."],
        "credit": ["(Reportage de Jeanne Morel, édité par Paul Garnier)", "(version française Paul Garnier)",
                   "(ats/jmo)"],
        "caption": ["(Crédits : Jeanne Morel)", "Photo : Paul Garnier",
                    "Capture d'écran d'un faux site  Jeanne Morel/afp"],
        "dateline": ["Publié le 12 mars 2024 à 10h30", "Mis à jour le 3 avril 2023"],
        "teaser": ["Dans la même catégorie Un hôpital du sud visé par un rançongiciel",
                   "Vidéo : la police démantèle un réseau de faux sites"],
        "related": ["Les dernières actualités de Lutrèche", "Sur le même sujet", "Les plus lus",
                    "Dans la même catégorie"],
        "widget": ["CommentairesImprimer", "Chargement en cours"],
        "contact": ["Courriel : redaction@gazette-brenmoor.example"],
        "meta": ["gazette-brenmoor.example | | 284 mots", "Temps de lecture : 3 min"],
        "licence": ["Licence : CC BY 4.0"],
        "link_prompt": ["Retrouvez la conférence de presse au lien suivant."],
        "source": ["Lire l'article complet sur le site de La Gazette de Brenmoor"],
        "comments": ["Signaler un abus"],
        "service_offer": ["Contactez-nous pour un audit de votre réseau."],
    },
    "nl": {
        "tags": ["Trefwoorden: ransomware, gemeenten, Lutrecht"],
        "cookies": ["Deze website maakt gebruik van cookies.", "Wij en onze partners gebruiken cookies."],
        "byline": ["Door Jan de Wilde", "Geschreven door Sanne Bakker en Pieter van Dam"],
        "credit": ["(Verslaggeving door Sanne Bakker, bewerking Pieter van Dam)"],
        "caption": ["Foto: Sanne Bakker", "Beeld: Pieter van Dam"],
        "dateline": ["Gepubliceerd op 21 januari 2026", "Bijgewerkt op 3 mei 2024 om 14:05"],
        "teaser": ["- Gemeente waarschuwt voor valse belastingbrieven - 22 januari 2026",
                   "Verder lezen bij de bron- Waterschap herstelt systemen na aanval"],
        "related": ["Lees ook op Brenmoorsecourant.be", "Meer recente berichten", "Meest gelezen",
                    "Gerelateerde artikelen"],
        "widget": ["ReactiesAfdrukken", "Bezig met laden"],
        "contact": ["E-mail: redactie@dagblad-lindervelde.example"],
        "meta": ["Leestijd: 3 minuten"],
        "licence": ["Licentie: CC BY 4.0"],
        "link_prompt": ["Lees het volledige rapport hier"],
        "source": ["Lees het volledige artikel op de website van het Dagblad"],
        "comments": ["Meld misbruik"],
        "service_offer": ["Wilt u uw netwerk laten controleren? Neem gerust contact met ons op."],
    },
    "de": {
        "tags": ["Schlagworte: Cyberangriff, Stadtwerke, Falkenau"],
        "cookies": ["Diese Seite nutzt Cookies, um Ihnen das beste Erlebnis zu bieten."],
        "byline": ["Von Anja Merten", "Von Anja Merten und Jonas Falk", "Autorin: Anja Merten"],
        "credit": ["(Berichterstattung von Anja Merten, redigiert von Jonas Falk)", "(dpa/jfa)"],
        "caption": ["Foto: Anja Merten", "Logo der Stadtwerke Falkenau  Jonas Falk/dpa"],
        "dateline": ["Aktualisiert am 3. März 2023, 10:15 Uhr", "10.11.2023"],
        "teaser": ["Lesen Sie auch: Neustart nach dem Angriff? Wie die Stadtwerke ihre Kunden informieren >>"],
        "related": ["Weitere Nachrichten aus dem Landkreis Falkenau", "Zum selben Thema", "Meistgelesen",
                    "Das könnte Sie auch interessieren"],
        "widget": ["Diesen Artikel teilenKommentare", "Link kopierenKopiert", "Wird geladen"],
        "contact": ["Kontakt zum Autor: redaktion@falkenauer-tagblatt.example"],
        "meta": ["Lesezeit: 4 Minuten"],
        "licence": ["Lizenz: CC BY-SA 4.0"],
        "link_prompt": ["Den vollständigen Bericht finden Sie hier"],
        "source": ["Dieser Artikel erschien zuerst im Falkenauer Tagblatt"],
        "comments": ["Kommentar melden"],
        "service_offer": ["Haben Sie Fragen zur IT-Sicherheit? Dann wenden Sie sich jederzeit an uns.",
                          "Vereinbaren Sie noch heute einen unverbindlichen Beratungstermin."],
    },
    "it": {
        "tags": ["Argomenti: ransomware, ospedali, Veldmark"],
        "cookies": ["Noi e terze parti selezionate utilizziamo cookie per finalità tecniche."],
        "byline": ["di Giulia Ferraro", "A cura di Marco Bellini", "Pubblicato da Giulia Ferraro"],
        "credit": ["(Servizio a cura di Giulia Ferraro, modifica di Marco Bellini)", "(Ansa)"],
        "caption": ["Foto: Marco Bellini", "Immagine: Giulia Ferraro"],
        "dateline": ["Aggiornato il 5 giugno 2024 alle 18:40", "Pubblicato il 12 marzo 2024"],
        "teaser": ["LEGGI ANCHE >>> Truffa via SMS, colpiti i clienti di una banca del nord",
                   "[Attacco al porto di Castelmare: ecco cosa sappiamo]"],
        "related": ["Articoli correlati", "I più letti", "Ultime notizie"],
        "widget": ["CondividiCommenti", "Caricamento in corso"],
        "contact": ["Contatti: redazione@corriere-castelmare.example"],
        "meta": ["Tempo di lettura: 3 minuti"],
        "licence": ["Licenza: CC BY 4.0"],
        "link_prompt": ["Leggi il rapporto completo qui"],
        "source": ["Leggi l'articolo completo su Il Corriere di Castelmare"],
        "comments": ["Segnala abuso"],
        "service_offer": ["Per un audit della vostra rete siamo a vostra disposizione."],
    },
    "es": {
        "tags": ["Etiquetas: ciberataque, hospitales, Korvan"],
        "cookies": ["Este sitio web utiliza cookies propias y de terceros."],
        "byline": ["Por Lucía Ortega", "Por Lucía Ortega y Andrés Quiroga"],
        "credit": ["(Información de Lucía Ortega; edición de Andrés Quiroga)", "(Lucía Ortega Quiroga)", "(EFE)."],
        "caption": ["Pixabay - Imagen de lucia ortega", "Foto: Andrés Quiroga"],
        "dateline": ["Valdeluna 19-12-2014 18:43", "Actualizado el 4 de mayo de 2024 a las 09:30"],
        "teaser": ["Te podría interesar: Detenido un joven por vender datos de clientes de una aseguradora",
                   "Vea también: La policía desmantela una red de tiendas falsas"],
        "related": ["Otras noticias de interés", "Noticias relacionadas", "Lo más leído"],
        "widget": ["ComentariosImprimir", "Cargando contenido"],
        "contact": ["Contacto: redaccion@heraldo-valdeluna.example"],
        "meta": ["Tiempo de lectura: 3 minutos"],
        "licence": ["Licencia: CC BY 4.0"],
        "link_prompt": ["Vea la rueda de prensa completa en este enlace."],
        "source": ["Lee el artículo completo en El Heraldo de Valdeluna"],
        "comments": ["Denunciar comentario"],
        "service_offer": ["Para una auditoría de su red, póngase en contacto con nosotros."],
    },
}

FURNITURE_CASES = [
    pytest.param(sentence, kind, id=f"{lang}-{kind}-{n}")
    for lang, kinds in FURNITURE.items()
    for kind, sentences in kinds.items()
    for n, sentence in enumerate(sentences)
]


@pytest.mark.parametrize(("sentence", "kind"), FURNITURE_CASES)
def test_furniture_line_is_recognised_as_its_kind(sentence, kind):
    assert boilerplate_reason(sentence) == kind


# Story sentences and headings that share words or shapes with the furniture above; they must be kept.
STORY: dict[str, list[str]] = {
    "en": [
        "By Tuesday, the attackers had encrypted most of the council's servers.",
        "By The Numbers",
        "Photos of the ransom note were shared on social media by employees.",
        "Reuters could not independently verify the group's claim.",
        "The attack began on 12 March 2024 at 10:30, the agency said.",
        "(The company declined to comment on the ransom demand.)",
        "Click here to verify your account, the fake message told customers.",
        "She is a journalist at the paper and first reported the leak.",
        "The attackers demanded that victims write to a Proton Mail address.",
        "Related attacks were reported in three other countries.",
        "The ransomware encrypted 40 servers at the port authority on Monday.",
    ],
    "fr": [
        "Par ailleurs, la mairie de Brenmoor a porté plainte contre X.",
        "Publié sur un forum, le fichier contenait les noms de 40 000 patients.",
        "Les photos de la demande de rançon ont circulé sur les réseaux sociaux.",
        "Le 12 mars 2024 à 10h30, tous les serveurs de la mairie étaient à l'arrêt.",
        "Photo de famille des ministres avant le sommet sur la cybersécurité.",
    ],
    "nl": [
        "Door de aanval lagen alle systemen van het waterschap plat.",
        "Op 21 januari 2026 meldde het waterschap de inbraak bij de politie.",
        "Volgens de politie zijn de gegevens van 2.000 inwoners gestolen.",
    ],
    "de": [
        "Von Montag an waren alle Systeme der Stadtwerke offline.",
        "Bilder der Überwachungskamera zeigen zwei Männer im Serverraum.",
        "Am 3. März 2023 um 10:15 Uhr fielen die Server der Stadtwerke aus.",
        "Von Hackern",
        "Kommentare des Ministers legten nahe, dass die Täter bekannt waren.",
    ],
    "it": [
        "Di notte gli aggressori hanno cifrato i server dell'autorità portuale.",
        "Il ricercatore è il redattore di un blog sulla sicurezza informatica.",
        "Foto e documenti dei dipendenti sono stati pubblicati sul sito dei criminali.",
    ],
    "es": [
        "Por la tarde, el ayuntamiento restableció el servicio de correo.",
        "Por Lucía Ortega, portavoz de la universidad, no hubo pago alguno.",
        "El 4 de mayo de 2024 a las 09:30 la web volvió a funcionar.",
    ],
}

STORY_CASES = [pytest.param(sentence, id=f"{lang}-{n}") for lang, sentences in STORY.items()
               for n, sentence in enumerate(sentences)]


@pytest.mark.parametrize("sentence", STORY_CASES)
def test_story_sentence_shaped_like_furniture_is_kept(sentence):
    assert boilerplate_reason(sentence) is None


# --------------------------------------------------------------------------------------------
# Whole pages: furniture goes, every sentence of the story stays
# --------------------------------------------------------------------------------------------

PAGES: dict[str, tuple[str, list[str], list[str]]] = {
    # lang -> (page, story sentences that must stay, furniture that must go)
    "en": (
        "Brenmoor council hit by ransomware\n\n"
        "By Jane Holloway\n\n"
        "Monday, March 4, 2024\n\n"
        "Staff at Brenmoor council were locked out of their computers on Sunday. (AP Photo/Tom Brandt)\n\n"
        "Brenmoor council said on Monday that a ransomware attack had shut down its payment systems. "
        "The council's chief executive said no ransom would be paid.\n\n"
        "Shares of Brenmoor Water (NASDAQ:BRW) fell by four percent after the attack was disclosed.\n\n"
        "Police said the attackers entered the network through a stolen password. (Reporting by Jane Holloway; "
        "Editing by Tom Brandt)\n\n"
        "Related articles\n\n"
        "Hospital in the north warns patients about fake invoices\n\n"
        "Port authority restores its booking system\n",
        ["Brenmoor council said on Monday that a ransomware attack had shut down its payment systems.",
         "The council's chief executive said no ransom would be paid.",
         "Shares of Brenmoor Water fell by four percent after the attack was disclosed.",
         "Police said the attackers entered the network through a stolen password."],
        ["By Jane Holloway", "Monday, March 4, 2024", "Staff at Brenmoor council were locked out",
         "AP Photo", "NASDAQ", "Reporting by", "Related articles", "Hospital in the north",
         "Port authority restores"],
    ),
    "fr": (
        "Cyberattaque contre la mairie de Brenmoor\n\n"
        "Par Jeanne Morel\n\n"
        "Publié le 12 mars 2024 à 10h30\n\n"
        "La mairie de Brenmoor a été victime d'une cyberattaque dans la nuit de dimanche à lundi. "
        "Les services en ligne sont inaccessibles.\n\n"
        "Le maire a annoncé qu'aucune rançon ne serait versée aux pirates. (ats/jmo)\n\n"
        "Sur le même sujet\n\n"
        "Un hôpital du sud visé par un rançongiciel\n\n"
        "La police démantèle un réseau de faux sites\n",
        ["La mairie de Brenmoor a été victime d'une cyberattaque dans la nuit de dimanche à lundi.",
         "Les services en ligne sont inaccessibles.",
         "Le maire a annoncé qu'aucune rançon ne serait versée aux pirates."],
        ["Par Jeanne Morel", "Publié le 12 mars", "(ats/jmo)", "Sur le même sujet", "Un hôpital du sud",
         "La police démantèle"],
    ),
    "nl": (
        "Waterschap Lindervelde getroffen door hackers\n\n"
        "Door Jan de Wilde\n\n"
        "Het waterschap Lindervelde heeft dinsdag al zijn systemen uitgeschakeld na een aanval met ransomware. "
        "De gemalen werken gewoon door.\n\n"
        "De dijkgraaf zei dat het waterschap geen losgeld zal betalen.\n\n"
        "Meer recente berichten\n\n"
        "- Gemeente waarschuwt voor valse belastingbrieven - 22 januari 2026\n\n"
        "- Ziekenhuis herstelt systemen na aanval - 21 januari 2026\n",
        ["Het waterschap Lindervelde heeft dinsdag al zijn systemen uitgeschakeld na een aanval met ransomware.",
         "De gemalen werken gewoon door.", "De dijkgraaf zei dat het waterschap geen losgeld zal betalen."],
        ["Door Jan de Wilde", "Meer recente berichten", "valse belastingbrieven", "Ziekenhuis herstelt"],
    ),
    "de": (
        "Hackerangriff legt Stadtwerke Falkenau lahm\n\n"
        "Von Anja Merten\n"
        "Diesen Artikel teilenKommentare\n\n"
        "Logo der Stadtwerke Falkenau  Jonas Falk/dpa\n\n"
        "Die Stadtwerke Falkenau sind seit Sonntag Ziel eines Cyberangriffs. "
        "Die Strom- und Wasserversorgung ist nicht betroffen.\n\n"
        "Lesen Sie auch: Neustart nach dem Angriff? Wie die Stadtwerke ihre Kunden informieren >>\n\n"
        "Das Landeskriminalamt hat die Ermittlungen übernommen.\n\n"
        "Zum selben Thema\n\n"
        "Krankenhaus im Norden kämpft mit Phishing-Welle\n\n"
        "Polizei zerschlägt Netzwerk falscher Onlineshops\n",
        ["Die Stadtwerke Falkenau sind seit Sonntag Ziel eines Cyberangriffs.",
         "Die Strom- und Wasserversorgung ist nicht betroffen.",
         "Das Landeskriminalamt hat die Ermittlungen übernommen."],
        ["Von Anja Merten", "Diesen Artikel teilen", "Jonas Falk/dpa", "Lesen Sie auch", "Wie die Stadtwerke ihre",
         "Zum selben Thema", "Krankenhaus im Norden", "Polizei zerschlägt"],
    ),
    "it": (
        "Attacco informatico al porto di Castelmare\n\n"
        "di Giulia Ferraro\n\n"
        "Il sistema informatico dell'autorità portuale di Castelmare è stato colpito da un attacco ransomware. "
        "Le operazioni sono proseguite con forti ritardi.\n\n"
        "[Attacco al porto di Castelmare: ecco cosa sappiamo]\n\n"
        "La procura ha aperto un'indagine. (Servizio a cura di Giulia Ferraro, modifica di Marco Bellini)\n",
        ["Il sistema informatico dell'autorità portuale di Castelmare è stato colpito da un attacco ransomware.",
         "Le operazioni sono proseguite con forti ritardi.", "La procura ha aperto un'indagine."],
        ["di Giulia Ferraro", "ecco cosa sappiamo", "Servizio a cura di"],
    ),
    "es": (
        "Un ciberataque paraliza la web de la Universidad de Valdeluna\n\n"
        "Cargando contenido\n\n"
        "La universidad informó inmediatamente a los alumnos sobre la posible filtración. | Fuente: Pexels - "
        "Lucía Ortega\n\n"
        "La Universidad de Valdeluna sufrió el martes un ciberataque que dejó fuera de servicio su campus virtual. "
        "Los exámenes se han aplazado.\n\n"
        "El rector aseguró que la universidad no pagará ningún rescate.\n\n"
        "Otras noticias de interés\n\n"
        "La feria del libro vuelve a la plaza mayor\n\n"
        "Redacción Valdeluna\n\n"
        "El club de baloncesto ficha a un base argentino\n",
        ["La Universidad de Valdeluna sufrió el martes un ciberataque que dejó fuera de servicio su campus virtual.",
         "Los exámenes se han aplazado.", "El rector aseguró que la universidad no pagará ningún rescate."],
        ["Cargando contenido", "Pexels", "informó inmediatamente a los alumnos", "Otras noticias de interés",
         "La feria del libro", "Redacción Valdeluna", "El club de baloncesto"],
    ),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_keeps_every_story_sentence(lang):
    page, story, _ = PAGES[lang]
    text = clean(page, None, RESOURCES.encoder).text
    assert [s for s in story if s not in text] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_loses_its_furniture(lang):
    page, _, furniture = PAGES[lang]
    text = clean(page, None, RESOURCES.encoder).text
    assert [f for f in furniture if f in text] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pieces_cut_from_a_sentence_map_back_to_the_page(lang):
    page, _, _ = PAGES[lang]
    result = clean(page, None, RESOURCES.encoder)
    for span in result.offsets.spans:
        assert result.text[span.clean_start:span.clean_start + span.length] == \
            page[span.raw_start:span.raw_start + span.length]
    for removal in result.removed:
        assert page[removal.raw_start:removal.raw_end].strip()


def test_ticker_is_cut_and_the_sentence_closes_without_a_gap():
    page = "Shares of Brenmoor Water (NASDAQ:BRW) fell after the attack.\n"
    assert clean(page, None, RESOURCES.encoder).text == "Shares of Brenmoor Water fell after the attack."
    page = "The ministry posted the warning on Facebook (NASDAQ:FB).\n"
    assert clean(page, None, RESOURCES.encoder).text == "The ministry posted the warning on Facebook."


def test_embedded_post_signature_is_cut_from_the_sentence_it_runs_into():
    page = ("The outage was confirmed by the city on Saturday.\n"
            "— Brenmoor City (@BrenmoorCity) April 9, 2019 On Tuesday, the police joined the investigation.\n")
    text = clean(page, None, RESOURCES.encoder).text
    assert "@BrenmoorCity" not in text
    assert "On Tuesday, the police joined the investigation." in text


TEASER_THEN_STORY: dict[str, tuple[str, str]] = {
    "en": ("Read also: Hospital in the north warns patients about fake invoices.",
           "The council said on Monday that the attackers had been inside its network for three weeks before they "
           "encrypted the servers."),
    "de": ("Lesen Sie auch: Krankenhaus im Norden kämpft mit Phishing-Welle.",
           "Die Stadtwerke teilten am Montag mit, dass die Angreifer bereits drei Wochen vor der Verschlüsselung im "
           "Netzwerk gewesen seien."),
    "es": ("Lee también: Detenido un joven por vender datos de clientes.",
           "La universidad explicó el lunes que los atacantes llevaban tres semanas dentro de su red antes de cifrar "
           "los servidores."),
}


@pytest.mark.parametrize("lang", sorted(TEASER_THEN_STORY))
def test_story_sentence_after_a_teaser_in_one_paragraph_is_kept(lang):
    teaser, story = TEASER_THEN_STORY[lang]
    text = clean(f"{teaser} {story}\n", None, RESOURCES.encoder).text
    assert story in text
    assert teaser not in text


def test_a_long_paragraph_that_ends_in_a_photo_credit_is_not_a_caption():
    story = ("The council said that the attackers had been inside the network for three weeks before they "
             "encrypted the servers. Investigators found that the intruders used a stolen password of a "
             "supplier. The council has since replaced every password and hired an outside firm to rebuild "
             "its systems, which it expects to take until the end of the year.")
    text = clean(f"{story} (Photo: Jane Holloway)\n", None, RESOURCES.encoder).text
    assert story in text


# --------------------------------------------------------------------------------------------
# The glued tail: a story's own last paragraph is often cut off, and that is no teaser
# --------------------------------------------------------------------------------------------

CUT_OFF_ENDINGS: dict[str, tuple[list[str], str]] = {
    "en": (["Brenmoor council said on Monday that a ransomware attack had shut down its payment systems.",
            "Police said the attackers entered the network through a stolen password of a supplier.",
            "The council has asked residents to pay their bills in person at the town hall this week."],
           "“We are working hard to restore the services, and we thank residents for their patience "
           "while our teams work around the clock to bring back the"),
    "fr": (["La mairie de Brenmoor a été victime d'une cyberattaque dans la nuit de dimanche à lundi.",
            "Les enquêteurs pensent que les pirates sont entrés grâce au mot de passe volé d'un prestataire.",
            "Les habitants sont invités à se rendre au guichet de la mairie pour leurs démarches."],
           "« Nous faisons tout notre possible pour rétablir les services et nous remercions les habitants pour "
           "leur patience pendant que nos équipes travaillent jour et nuit pour"),
    "nl": (["Het waterschap Lindervelde heeft dinsdag al zijn systemen uitgeschakeld na een aanval met ransomware.",
            "De criminelen zouden via een gestolen wachtwoord van een leverancier zijn binnengekomen.",
            "Inwoners kunnen deze week alleen aan de balie van het gemeentehuis terecht."],
           "„We doen alles om de systemen zo snel mogelijk te herstellen en we danken de inwoners voor hun geduld "
           "terwijl onze mensen dag en nacht werken aan de"),
    "de": (["Die Stadtwerke Falkenau sind seit Sonntag Ziel eines Cyberangriffs.",
            "Die Täter sollen über das gestohlene Passwort eines Dienstleisters eingedrungen sein.",
            "Kunden werden gebeten, ihre Anliegen in dieser Woche persönlich im Kundenzentrum zu klären."],
           "„Wir tun alles, um die Systeme so schnell wie möglich wiederherzustellen, und danken unseren Kunden "
           "für ihre Geduld, während unsere Teams rund um die Uhr daran arbeiten, die"),
    "it": (["Il sistema informatico dell'autorità portuale di Castelmare è stato colpito da un attacco ransomware.",
            "Gli aggressori sarebbero entrati con la password rubata di un fornitore.",
            "Gli utenti sono invitati a rivolgersi agli sportelli del porto per tutta la settimana."],
           "«Stiamo facendo tutto il possibile per ripristinare i servizi e ringraziamo i cittadini per la pazienza "
           "mentre i nostri tecnici lavorano giorno e notte per riportare i"),
    "es": (["La Universidad de Valdeluna sufrió el martes un ciberataque que dejó fuera de servicio su campus.",
            "Los atacantes habrían entrado con la contraseña robada de un investigador.",
            "Los alumnos deben acudir en persona a la secretaría durante esta semana."],
           "«Estamos haciendo todo lo posible para restablecer los servicios y agradecemos a los alumnos su "
           "paciencia mientras nuestros equipos trabajan día y noche para recuperar los"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cut_off_last_paragraph_of_the_story_is_kept(lang):
    story, cut_off = CUT_OFF_ENDINGS[lang]
    text = clean("\n\n".join([*story, cut_off]) + "\n", None, RESOURCES.encoder).text
    assert cut_off in text
