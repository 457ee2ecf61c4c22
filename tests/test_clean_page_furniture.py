"""More page furniture in six languages: support and e-mail calls, marketing calls to action, dated photo captions,
"Featured" and front-page section headers, "read the full article on" lines, page date markers glued to the text, and
blocks of short lines around furniture. Every line and page here is invented; the story's sentences must stay."""

from __future__ import annotations

import pytest

from cybertrack.clean import clean
from cybertrack.clean.boilerplate import boilerplate_reason
from tests.conftest import RESOURCES

FURNITURE: dict[str, dict[str, list[str]]] = {
    "en": {
        "byline": ["By the newsroom", "Editorial team"],
        "dateline": ["Updated 3 hours ago"],
        "cookies": ["_ga 2 years Google Analytics sets this cookie to count visitors.",
                    "cookielawinfo-checkbox-analytics 11 months"],
        "subscription": ["Get the latest cyber news delivered to your inbox."],
        "comments": ["Flag as inappropriate"],
        "contact": ["Contact our technical support", "Send us an email at help@brenmoor.example",
                    "For any questions, contact the newsroom team"],
        "promotion": ["Get more insights with the", "Request a demo", "Start your free trial today",
                      "Download our free 2024 threat report"],
        "caption": ["This combination of photos made on March 3, 2021 shows the logos of two port operators.",
                    "A picture taken on May 2, 2022 shows a padlock on a laptop screen."],
        "related": ["Featured Stories", "Featured", "Editor's picks"],
        "source": ["Read the full article on Brenmoor Courier"],
    },
    "fr": {
        "byline": ["Publié par la rédaction le 3 mars 2024", "La rédaction"],
        "dateline": ["Mis à jour il y a 3 heures"],
        "cookies": ["Ce cookie est utilisé pour mesurer l'audience du site."],
        "subscription": ["Recevez notre newsletter"],
        "comments": ["Signaler comme inapproprié"],
        "contact": ["Contactez notre support technique", "Écrivez-nous à redaction@brenmoor.example"],
        "promotion": ["Demandez une démo", "Téléchargez notre livre blanc sur les rançongiciels"],
        "caption": ["Cette photo prise le 3 mars 2021 montre le logo de l'opérateur portuaire.",
                    "Source photo : Mairie de Brenmoor"],
        "related": ["À la une", "Articles en vedette"],
        "source": ["Lisez l'article complet sur Le Courrier de Brenmoor"],
    },
    "nl": {
        "byline": ["Door de redactie", "Redactie"],
        "dateline": ["Bijgewerkt 3 uur geleden"],
        "cookies": ["_gid 1 dag Deze cookie wordt gebruikt om bezoekers te tellen."],
        "subscription": ["Ontvang onze gratis nieuwsbrief"],
        "comments": ["Markeer als ongepast"],
        "contact": ["Neem contact op met onze technische ondersteuning", "Stuur een e-mail naar tips@brenmoor.example"],
        "promotion": ["Vraag een demo aan", "Download het gratis rapport over ransomware"],
        "caption": ["Deze foto genomen op 3 maart 2021 toont het logo van het havenbedrijf.",
                    "Fotobron: Waterschap Lindervelde"],
        "related": ["Uitgelicht", "Uitgelichte artikelen"],
        "source": ["Lees het volledige artikel op De Brenmoorse Courant"],
    },
    "de": {
        "byline": ["Von der Redaktion", "Online-Redaktion"],
        "dateline": ["Aktualisiert vor 3 Stunden"],
        "cookies": ["Dieses Cookie wird verwendet, um Besuche zu zählen."],
        "subscription": ["Erhalten Sie unseren kostenlosen Newsletter"],
        "comments": ["Als unangemessen melden"],
        "contact": ["Kontaktieren Sie unseren technischen Support",
                    "Senden Sie uns eine Nachricht an hilfe@falkenau.example"],
        "promotion": ["Jetzt Demo anfordern", "Jetzt kostenlos testen"],
        "caption": ["Dieses Foto vom 3. März 2021 zeigt das Logo des Hafenbetreibers.",
                    "Bildquelle: Stadtwerke Falkenau"],
        "related": ["Im Fokus", "Empfehlungen der Redaktion"],
        "source": ["Lesen Sie den vollständigen Artikel auf Falkenauer Zeitung"],
    },
    "it": {
        "byline": ["A cura della redazione", "Redazione"],
        "dateline": ["Aggiornato 3 ore fa"],
        "cookies": ["Questo cookie viene utilizzato per contare le visite."],
        "subscription": ["Ricevi la nostra newsletter"],
        "comments": ["Segnala come inappropriato"],
        "contact": ["Contatta il nostro supporto tecnico", "Scrivici una e-mail a redazione@castelmare.example"],
        "promotion": ["Richiedi una demo", "Scarica la guida gratuita sul ransomware"],
        "caption": ["Questa foto scattata il 3 marzo 2021 mostra il logo dell'operatore portuale.",
                    "Fonte foto: Autorità portuale di Castelmare"],
        "related": ["In evidenza", "In primo piano"],
        "source": ["Leggi l'articolo completo su Il Corriere di Castelmare"],
    },
    "es": {
        "byline": ["Por la Redacción", "Redacción"],
        "dateline": ["Actualizado hace 3 horas"],
        "cookies": ["Esta cookie se utiliza para contar las visitas."],
        "subscription": ["Recibe nuestro boletín"],
        "comments": ["Marcar como inapropiado"],
        "sharing": ["Compártelo en WhatsApp"],
        "contact": ["Contacte con nuestro soporte técnico", "Escríbanos un correo a redaccion@valdeluna.example"],
        "promotion": ["Solicita una demo", "Descarga el informe gratuito sobre ransomware"],
        "caption": ["Esta foto tomada el 3 de marzo de 2021 muestra el logotipo del operador portuario."],
        "related": ["Destacados", "Noticias destacadas"],
        "source": ["Lee el artículo completo en El Diario de Valdeluna"],
    },
}

CASES = [pytest.param(sentence, kind, id=f"{lang}-{kind}-{n}")
         for lang, kinds in FURNITURE.items() for kind, sentences in kinds.items()
         for n, sentence in enumerate(sentences)]


@pytest.mark.parametrize(("sentence", "kind"), CASES)
def test_furniture_line_is_recognised_as_its_kind(sentence: str, kind: str) -> None:
    assert boilerplate_reason(sentence) == kind


@pytest.mark.parametrize(("sentence", "kind"), [
    # a cookie table's rows, with the cells a table's text keeps apart by tabs or bars, and its header row
    ("JSESSIONID | session | Keeps a visitor's session while they browse", "cookies"),
    ("__kv_id\t30 minutes\tTells automated visits from people.", "cookies"),
    ("Cookie\tDuration\tDescription", "cookies"),
    ("Cookie | Durée | Description", "cookies"),
    ("PHPSESSID | Sitzung | Speichert die Sitzung", "cookies"),
    # how often a newsletter comes
    ("We send it 2-3 times a year.", "subscription"),
    ("Deze sturen we 6x per jaar.", "subscription"),
    ("Wir versenden ihn 2 mal im Monat.", "subscription"),
    ("La enviamos 4 veces al año.", "subscription"),
    # a dated combination of pictures, in the languages beside English
    ("Cette combinaison de photos créée le 2 mai 2022 montre les logos des deux opérateurs.", "caption"),
    ("Questa combinazione di immagini creata il 2 maggio 2022 mostra i due porti.", "caption"),
    ("Esta combinación de imágenes creada el 2 de mayo de 2022 muestra los dos puertos.", "caption"),
    ("Deze combinatie van foto's gemaakt op 2 mei 2022 toont beide havens.", "caption"),
    ("Diese Kombination von Bildern, erstellt am 2. Mai 2022, zeigt beide Häfen.", "caption"),
    # the agencies a story ends crediting, and a wire credit on a line of its own, without parentheses
    ("Avec AFP", "credit"), ("dpa", "credit"), ("Mit dpa", "credit"), ("Con ANSA", "credit"),
    ("Met ANP", "credit"), ("With Reuters.", "credit"), ("Con EFE", "credit"),
    ("Additional reporting by Sam Hale; Editing by Jo Brown", "credit"),
    ("Met medewerking van Jan Peeters", "credit"),
    # a widget's label with its count, a comment link, a reading time, a breadcrumb
    ("Share 12", "sharing"), ("Tweet 4", "sharing"), ("Teilen 7", "sharing"), ("Partager 3", "sharing"),
    ("Commenti: 2", "comments"), ("Comments: 14", "comments"), ("Réagir", "comments"), ("Kommentieren", "comments"),
    ("Lectura: 3 min", "meta"), ("Lecture : 4 min", "meta"),
    ("Startseite > Wirtschaft > Unternehmen", "link list"), ("Home › News › Cyber", "link list"),
    # a footer's rights and registration, without "all rights reserved"
    ("Lutrecht Matin – Tous droits de reproduction réservés", "copyright"), ("Riproduzione riservata ©", "copyright"),
    ("Norvale Oggi – testata registrata presso il Tribunale di Norvale", "copyright"),
    ("Nachdruck nur mit Genehmigung", "copyright"), ("Queda prohibida su reproducción total o parcial", "copyright"),
    ("Lutrecht Daily ©", "copyright"),
])
def test_tables_newsletters_and_dated_combinations_are_furniture(sentence: str, kind: str) -> None:
    assert boilerplate_reason(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "A photo taken by an employee showed the ransom note on every screen.",
    "Photos taken on Monday show the port's cranes at a standstill.",  # no caption cue opens it: the story tells
    "The company asked customers to contact its support team by phone.",
    "Customers were told to send an email to the bank's fraud team.",
    "Featured prominently in the leak were the names of 40,000 patients.",
    "By staff accounts, the attack began on Monday morning.",
    "The cookie the attackers stole gave them access to the mailbox.",
    "Updated software was installed on all servers three days ago.",
    "Die Polizei bat Betroffene, sich an die Kriminalpolizei zu wenden.",
    "Les pirates ont demandé une rançon de deux millions d'euros.",
    "Der Hersteller bietet seit Montag eine kostenlose Testversion seines Scanners an.",
    "La foto di un dipendente è stata pubblicata sul sito dei criminali.",
    "We send our engineers 3 times a week to the plant, the company said.",
    "Die Polizei hat am 2. Mai 2022 zwei Verdächtige festgenommen.",
    "Hackers spent 2 years inside the network before anyone noticed.",
    "Reporting by the police showed that the attack began in May.",
    "Research by Lutrex Labs found the flaw in the portal",
    "AFP reported the attack first.",
    "If the counter reads > 5 > 3, the server stops, the vendor said.",
    "Share prices fell 12 percent after the breach.",
    "The studio said the leak violated its copyright.",
])
def test_story_sentences_that_share_words_with_the_new_cues_stay(sentence: str) -> None:
    assert boilerplate_reason(sentence) is None


@pytest.mark.parametrize(("page", "story", "furniture"), [
    (" date 2023-05 Brenmoor council said a ransomware attack had shut down its payment systems.\n\n"
     "The council's chief executive said no ransom would be paid.",
     ["Brenmoor council said a ransomware attack had shut down its payment systems."], ["date 2023-05"]),
    ("Datum 2024-03-12 Die Stadtwerke Falkenau sind seit Sonntag Ziel eines Cyberangriffs.\n\n"
     "Das Landeskriminalamt hat die Ermittlungen übernommen.",
     ["Die Stadtwerke Falkenau sind seit Sonntag Ziel eines Cyberangriffs."], ["Datum 2024-03-12"]),
])
def test_a_date_marker_glued_before_the_text_is_cut(page: str, story: list[str], furniture: list[str]) -> None:
    text = clean(page, None, RESOURCES.encoder).text
    assert all(s in text for s in story) and not any(f in text for f in furniture)
    assert text.startswith(story[0])


PAGES = {
    "en": ("Port of Brenmoor hit by ransomware\n\n"
           "The Port of Brenmoor said on Monday that a ransomware attack had halted its booking system for two days. "
           "Ships were handled by hand.\n\n"
           "The port's director said no ransom would be paid and that the police were investigating the attack.\n\n"
           "Get more insights with the\n\nBrenmoor Threat\n\nIntelligence Cloud.\n\nLearn more.\n\n"
           "No previous article\n\nJane Holloway\n",
           ["Brenmoor Threat", "Intelligence Cloud", "Jane Holloway", "Get more insights"]),
    "de": ("Hafen Falkenau von Ransomware getroffen\n\n"
           "Der Hafen Falkenau hat am Montag mitgeteilt, dass ein Ransomware-Angriff sein Buchungssystem für zwei Tage "
           "lahmgelegt hat. Die Schiffe wurden von Hand abgefertigt.\n\n"
           "Der Direktor sagte, es werde kein Lösegeld gezahlt, die Polizei ermittle.\n\n"
           "Jetzt Demo anfordern\n\nFalkenau Secure\n\nPlattform\n\nMehr erfahren\n\nAnja Merten\n",
           ["Falkenau Secure", "Plattform", "Anja Merten", "Jetzt Demo anfordern"]),
    "fr": ("Le port de Brenmoor visé par un rançongiciel\n\n"
           "Le port de Brenmoor a annoncé lundi qu'une attaque par rançongiciel avait paralysé son système de "
           "réservation pendant deux jours. Les navires ont été traités à la main.\n\n"
           "Le directeur a assuré qu'aucune rançon ne serait versée.\n\n"
           "À la une\n\nLa mairie rouvre ses guichets\n\nUn nouveau pont pour la ville\n\nPartager\n\nJeanne Morel\n",
           ["La mairie rouvre", "Un nouveau pont", "Jeanne Morel", "À la une"]),
}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_block_of_short_lines_around_furniture_goes_and_the_story_stays(lang: str) -> None:
    page, furniture = PAGES[lang]
    text = clean(page, page.splitlines()[0], RESOURCES.encoder).text
    story = [p for p in page.split("\n\n")[:3]]
    assert all(paragraph.strip() in text for paragraph in story)
    assert [f for f in furniture if f in text] == []


def test_a_short_heading_between_story_paragraphs_stays() -> None:
    page = ("Brenmoor council hit by ransomware\n\n"
            "Brenmoor council said on Monday that a ransomware attack had shut down its payment systems.\n\n"
            "What happened\n\nThe attackers entered the network through a stolen password, the police said.\n\n"
            "Share\n\nNobody was hurt.\n")
    text = clean(page, "Brenmoor council hit by ransomware", RESOURCES.encoder).text
    assert "What happened" in text and "Nobody was hurt." in text and "Brenmoor council hit by ransomware" in text


def test_headlines_of_other_stories_in_title_case_go_and_the_page_title_stays() -> None:
    """Related stories linked between the paragraphs by their headlines in title case; the story's own title and its
    German subheading (nouns capitalised, but not every long word) stay."""
    title = "Brenmoor Council Hit By Ransomware Gang"
    page = (f"{title}\n\n"
            "Brenmoor council said on Monday that a ransomware attack had shut down its payment systems.\n\n"
            "Korvan Hackers Targeted Veldmark Water Utilities: Report\n\n"
            "The attackers entered the network through a stolen password, the police said.\n\n"
            "Lutrecht Police Arrest Two Suspects In Brindle Bank Fraud\n\n"
            "Kein Lösegeld für Erpresser\n\n"
            "Nobody was hurt.\n")
    text = clean(page, title, RESOURCES.encoder).text
    assert title in text and "Kein Lösegeld für Erpresser" in text and "Nobody was hurt." in text
    assert "Korvan Hackers" not in text and "Lutrecht Police" not in text


@pytest.mark.parametrize(("page", "story", "furniture"), [
    ("Hackerangriff legt Stadtwerke Kettleby lahm\n"
     "Die Stadtwerke Kettleby sind Opfer eines Cyberangriffs geworden.\n"
     "Die Versorgung mit Strom, Gas und Wasser sei nicht betroffen, betonte ein Sprecher.\n"
     "Das Landeskriminalamt ermittelt.\n"
     "Mehr zum Thema\n"
     "Veldmark: Hacker erbeuten Daten von Bankkunden\n"
     "Die Polizei rät, Passwörter zu ändern.\n"
     "Landkreis Brindle stellt Verwaltung auf Papier um\n"
     "Die Ämter arbeiten seit Montag wieder.\n",
     ["Das Landeskriminalamt ermittelt."],
     ["Die Polizei rät", "Landkreis Brindle stellt", "Die Ämter arbeiten"]),
    ("Ransomware attack hits Korvan water authority\n"
     "The Korvan Valley Water Authority said on Monday that a ransomware attack had disrupted its billing systems.\n"
     "Officials said no customer data had been stolen.\n"
     "Related stories\n"
     "Veldmark police arrest two over bank phishing kits\n"
     "Officers seized laptops and phones in raids across the capital.\n"
     "Norvale ferry operator restores online booking\n"
     "Passengers can book tickets again after a week of outages.\n",
     ["Officials said no customer data had been stolen."],
     ["Officers seized laptops", "Norvale ferry operator", "Passengers can book"]),
])
def test_the_summaries_under_listed_headlines_go_with_them(page: str, story: list[str], furniture: list[str]) -> None:
    """A list of related stories often gives a sentence under each headline. The sentence ends with a full stop,
    but it does not close the list: it is far from the article's subject and another headline follows it."""
    text = clean(page, page.splitlines()[0], RESOURCES.encoder).text
    assert all(sentence in text for sentence in story)
    assert not any(line in text for line in furniture)


@pytest.mark.parametrize("quote", ["Chief executive Helen Ashdown said: “We will not pay.”",
                                   "„Wir zahlen kein Lösegeld.“"])
def test_a_quote_after_a_list_of_links_is_the_story_again(quote: str) -> None:
    """The story resumes after a list of related links with a quote whose full stop stands inside the quotation
    marks: a finished sentence, not another listed headline, whatever language marks the quote."""
    page = ("Ransomware attack hits Korvan water authority\n"
            "The Korvan Valley Water Authority said on Monday that a ransomware attack had disrupted its billing "
            "systems for three days.\n"
            "Officials said no customer data had been stolen.\n"
            "Related stories\n"
            "Veldmark police arrest two over bank phishing kits\n"
            f"{quote}\n"
            "The authority has informed the national cyber agency and brought in the firm Kettleby Forensics.\n")
    assert quote in clean(page, page.splitlines()[0], RESOURCES.encoder).text


@pytest.mark.parametrize(("story", "caption"), [
    ("Other ports using the same software reported no problems.", "A crane at Norvale port. Photo: Norvale Port"),
    ("Le port a porté plainte auprès de la gendarmerie.", "Le siège du port. Photo : Port de Norvale"),
    ("Die Polizei ermittelt gegen unbekannt.", "Die Zentrale der Stadtwerke. Foto: Jonas Reiter"),
    # a credit with the photo's licence is the photo's credit all the same
    ("De politie onderzoekt de zaak.", "Het hoofdkantoor van de haven. Foto: Eva Jansen / CC BY-SA 4.0"),
])
def test_a_story_sentence_glued_before_a_caption_and_its_credit_stays(story: str, caption: str) -> None:
    """A page dumped as text runs the caption and its credit on after the story's sentence: the credit and the one
    sentence before it go, the story's sentence stays."""
    page = ("Norvale port hit by cyberattack\n"
            "The port of Norvale said its booking systems had been down since Monday after a cyberattack.\n"
            f"{story} {caption}\n"
            "Investigators are examining the servers.\n")
    text = clean(page, page.splitlines()[0], RESOURCES.encoder).text
    assert story in text
    assert caption.split(".")[0] not in text


@pytest.mark.parametrize("label", ["Cybersecurity", "Featured Politique", "Home > Digital > Sicherheit"])
def test_a_section_label_above_the_title_goes(label: str) -> None:
    """What a site prints above an article's title is its section or breadcrumb; the title and the story stay, and so
    does a short line below the title."""
    title = "Ransomware attack cripples Norvale water authority billing"
    page = (f"{label}\n{title}\n"
            "Hackers have crippled the billing systems of the Norvale water authority, the utility said on Tuesday.\n"
            "What happened\n"
            "The attackers entered the network through a stolen password.\n")
    text = clean(page, title, RESOURCES.encoder).text
    assert label not in text
    assert text.startswith(title) and "What happened" in text


@pytest.mark.parametrize(("page", "story", "furniture"), [
    ("Ransomware attack hits Korvan water authority\n"
     "The Korvan Valley Water Authority said on Monday that a ransomware attack had disrupted its billing systems.\n"
     "Officials said no customer data had been stolen.\n"
     "Brindle library to reopen after roof repairs\n"
     "Norvale ferry timetable changes from April\n"
     "Two crossings a day will be dropped.\n",
     ["Officials said no customer data had been stolen."],
     ["Brindle library", "Norvale ferry", "Two crossings"]),
    ("Cyberattaque contre le port de Norvale\n"
     "Le port de Norvale a été visé par une cyberattaque qui a paralysé ses terminaux pendant deux jours.\n"
     "Les conteneurs ont été déchargés à la main, selon la direction.\n"
     "Un lycée de Kettleby remporte le concours de robotique\n"
     "Rentrée : les frais d’inscription vont augmenter à Lutrecht\n",
     ["Les conteneurs ont été déchargés à la main, selon la direction."],
     ["Un lycée de Kettleby", "Rentrée"]),
])
def test_headlines_listed_at_the_end_of_the_page_go_without_a_lead_in(page: str, story: list[str],
                                                                       furniture: list[str]) -> None:
    """No "Related stories" opens the list: two short lines without a full stop after the story, far from its
    subject, with the one-line summary under one of them, are links to other stories."""
    text = clean(page, page.splitlines()[0], RESOURCES.encoder).text
    assert all(sentence in text for sentence in story)
    assert not any(line in text for line in furniture)


def test_a_list_of_steps_that_ends_the_story_stays() -> None:
    """A story may end with a list without full stops: advice about the attack, close to its subject."""
    steps = ["Change the password of your Korvan Water online account", "Watch for emails asking for bank details",
             "Report suspicious messages to the Korvan Water helpdesk"]
    page = ("Ransomware attack hits Korvan water authority\n"
            "The Korvan Valley Water Authority said on Monday that a ransomware attack had disrupted its billing "
            "systems and that customer passwords may have been stolen.\n"
            "The authority advises its customers to take three steps:\n" + "\n".join(steps) + "\n")
    text = clean(page, page.splitlines()[0], RESOURCES.encoder).text
    assert all(step in text for step in steps)
