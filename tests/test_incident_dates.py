"""An incident's dates from the sentences of its frame, in en fr de it es nl, and across its reports.

Every sentence is invented (the Veldmark Water Authority, the Lutrecht city council, ...).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from cybertrack.extract.frames import extract_frames
from cybertrack.extract.incident_dates import background_markers
from cybertrack.knowledge.base import knowledge_base
from cybertrack.model import Evidence, Frame, Victim
from cybertrack.resolve import resolve
from tests.conftest import RESOURCES, Cli

PUBLISHED = "2021-05-20"  # a Thursday


@pytest.fixture(scope="module", autouse=True)
def _warm_knowledge_base() -> None:
    knowledge_base()


def only_frame(text: str, language: str, published: str | None = PUBLISHED) -> Frame:
    [frame] = extract_frames("doc", text, language, published, RESOURCES)
    return frame


ON_MONDAY = {
    "en": "Hackers hit the Veldmark Water Authority with ransomware on Monday.",
    "fr": "La Banque de Lutrecht a été victime d'une cyberattaque lundi.",
    "de": "Die Stadtwerke Lutrecht wurden am Montag Opfer eines Ransomware-Angriffs.",
    "it": "Il Comune di Lutrecht è stato colpito da un ransomware lunedì.",
    "es": "El Ayuntamiento de Lutrecht sufrió un ataque de ransomware el lunes.",
    "nl": "Het Waterschap Veldmark werd maandag getroffen door een ransomware-aanval.",
}


@pytest.mark.parametrize("language", list(ON_MONDAY))
def test_a_weekday_against_a_publication_month_dates_the_month(language: str) -> None:
    """Many sources give the publication date to the month only ("2021-05"): "on Monday" is then in May 2021."""
    frame = only_frame(ON_MONDAY[language], language, "2021-05")
    assert (frame.first_seen, frame.first_seen_estimated) == ("2021-05", False)


FIRST_STEP = {
    "en": "The Veldmark Water Authority was the target of an espionage campaign, the agency said on Wednesday. The "
          "attackers sent booby-trapped emails to its engineers in February.",
    "fr": "La Banque de Lutrecht a fait l'objet d'une campagne d'espionnage, a révélé mercredi l'agence. Les "
          "assaillants se seraient introduits dans son réseau dès février, grâce à des courriels piégés.",
    "es": "El Ayuntamiento de Lutrecht fue objeto de una campaña de ciberespionaje, según confirmó el miércoles la "
          "agencia. Los atacantes enviaron en febrero correos electrónicos fraudulentos a varios concejales.",
    "it": "Il Comune di Lutrecht è stato oggetto di una campagna di spionaggio, ha reso noto mercoledì l'agenzia. Gli "
          "aggressori hanno inviato a febbraio email malevole ad alcuni consiglieri.",
    "de": "Die Stadtwerke Lutrecht waren Ziel einer Spionagekampagne, teilte die Behörde am Mittwoch mit. Die "
          "Angreifer verschickten im Februar manipulierte E-Mails an mehrere Ingenieure.",
    "nl": "Het Waterschap Veldmark was het doelwit van een spionagecampagne, meldde de dienst woensdag. De aanvallers "
          "stuurden in februari besmette e-mails naar enkele ingenieurs.",
}


@pytest.mark.parametrize("language", list(FIRST_STEP))
def test_the_attackers_first_step_dates_the_incident(language: str) -> None:
    """ "The attackers sent booby-trapped emails in February", "se seraient introduits dès février": the sentence
    telling how the attack began dates it, not the day it was disclosed."""
    assert only_frame(FIRST_STEP[language], language).first_seen == "2021-02"


FOUND_EARLIER = {
    "en": "The Veldmark Water Authority said on Wednesday that hackers stole customer records in a breach it "
          "discovered on 3 May.",
    "fr": "La Banque de Lutrecht a annoncé mercredi un vol de données clients, découvert le 3 mai.",
    "de": "Die Stadtwerke Lutrecht meldeten am Mittwoch einen Datendiebstahl. Der Angriff wurde am 3. Mai entdeckt.",
    "it": "Il Comune di Lutrecht ha annunciato mercoledì un furto di dati, scoperto il 3 maggio.",
    "es": "El Ayuntamiento de Lutrecht anunció el miércoles un robo de datos, descubierto el 3 de mayo.",
    "nl": "Het Waterschap Veldmark meldde woensdag een datadiefstal. De aanval werd op 3 mei ontdekt.",
}


FOUND_IN_THE_PASSIVE = {  # what was found, in the plural or by a plain "found"
    "en": "The Veldmark Water Authority said on Wednesday that hackers stole customer records. The intrusion was "
          "found on 3 May.",
    "fr": "La Banque de Lutrecht a annoncé mercredi un vol de données clients. Les intrusions ont été repérées le 3 "
          "mai.",
    "it": "Il Comune di Lutrecht ha annunciato mercoledì un furto di dati. Le intrusioni sono state scoperte il 3 "
          "maggio.",
    "es": "El Ayuntamiento de Lutrecht anunció el miércoles un robo de datos. Los ataques fueron descubiertos el 3 de "
          "mayo.",
}


@pytest.mark.parametrize(("language", "text"), [*FOUND_EARLIER.items(), *FOUND_IN_THE_PASSIVE.items()])
def test_an_attack_began_no_later_than_it_was_discovered(language: str, text: str) -> None:
    """A report that dates only when the breach was found and when it was told: it began by the day it was found,
    not on the day it was told, nor in the publication month."""
    frame = only_frame(text, language)
    assert (frame.first_seen, frame.discovered, frame.first_seen_estimated) == ("2021-05-03", "2021-05-03", False)


LAST_WEEK = {
    "en": "Hackers hit the Veldmark Water Authority with ransomware last week.",
    "fr": "La Banque de Lutrecht a été victime d'une cyberattaque la semaine dernière.",
    "de": "Die Stadtwerke Lutrecht wurden letzte Woche Opfer eines Ransomware-Angriffs.",
    "it": "Il Comune di Lutrecht è stato colpito da un ransomware la settimana scorsa.",
    "es": "El Ayuntamiento de Lutrecht sufrió un ataque de ransomware la semana pasada.",
    "nl": "Het Waterschap Veldmark werd vorige week getroffen door een ransomware-aanval.",
}


@pytest.mark.parametrize("language", list(LAST_WEEK))
def test_last_week_dates_the_incident(language: str) -> None:
    frame = only_frame(LAST_WEEK[language], language, "2021-06-02")
    assert (frame.first_seen, frame.first_seen_estimated) == ("2021-05", False)  # the week of 24 to 30 May


BESIDE_AN_OLDER_EVENT = {
    "en": "Hackers stole customer records from Veldmark Bank on Monday, the biggest breach in the country since 2013.",
    "fr": "La Banque de Lutrecht a été victime d'une cyberattaque lundi, comme en 2017 la Poste de Veldmark.",
    "de": "Die Stadtwerke Lutrecht wurden am Montag Opfer eines Ransomware-Angriffs, wie schon im Mai 2017 die "
          "Sparkasse Veldmark.",
    "it": "Il Comune di Lutrecht è stato colpito da un ransomware lunedì, come già nel 2017 la Banca di Veldmark.",
    "es": "El Ayuntamiento de Lutrecht sufrió un ataque de ransomware el lunes, al igual que el Banco de Veldmark "
          "en 2017.",
    "nl": "Het Waterschap Veldmark werd maandag getroffen door een ransomware-aanval, net als in 2017 de Bank van "
          "Lutrecht.",
}


ACTOR_HISTORY = {
    "en": "Hackers of the Korvan gang, which emerged in September 2019 and has hit dozens of hospitals, attacked the "
          "Veldmark Water Authority on Monday.",
    "fr": "Actif depuis 2019 et auteur de dizaines d'attaques, le groupe Korvan a attaqué la Banque de Lutrecht "
          "lundi.",
    "nl": "Het Waterschap Veldmark werd maandag getroffen door een ransomware-aanval van de groep Korvan. De groep "
          "zit sinds 2019 achter honderden vergelijkbare aanvallen.",
}


# the story told after its date, where the verb comes last ("ist seit 2019 aktiv": ``actor_history_after``)
ACTOR_HISTORY_AFTER = {
    "de": "Die Ransomware-Gruppe Korvan hat am Montag die Stadtwerke Lutrecht angegriffen. Korvan ist seit 2019 aktiv "
          "und hat Dutzende Krankenhäuser angegriffen.",
    "nl": "De ransomwaregroep Korvan heeft maandag het Waterschap Veldmark aangevallen. Korvan is sinds 2019 actief en "
          "heeft tientallen ziekenhuizen aangevallen.",
}


@pytest.mark.parametrize(("language", "text"), [*BESIDE_AN_OLDER_EVENT.items(), *ACTOR_HISTORY.items(),
                                                *ACTOR_HISTORY_AFTER.items()])
def test_a_date_beside_an_older_event_or_of_the_attackers_own_story_never_dates_the_incident(language: str,
                                                                                              text: str) -> None:
    """ "like the Poste in 2017" sets the date beside another attack; "Korvan, which emerged in September 2019",
    "Actif depuis 2019" date when the attackers appeared (``background.toml``: ``actor_history``), not when they
    attacked."""
    assert only_frame(text, language).first_seen == "2021-05-17"


HIT_ONCE_BEFORE = {
    "en": "Hackers defaced the website of the Veldmark Water Authority on Monday. In 2019 the authority had already "
          "been hit by ransomware that the Korvan gang claimed.",
    "fr": "Des pirates ont défiguré lundi le site de la Banque de Lutrecht. En 2019, la banque avait déjà été victime "
          "d'un rançongiciel attribué au groupe Korvan.",
    "de": "Hacker haben am Montag die Webseite der Stadtwerke Lutrecht verunstaltet. Bereits im Sommer 2019 hatte die "
          "Ransomware-Gruppe Korvan die Server des Unternehmens verschlüsselt.",
    "it": "Lunedì il sito del Comune di Lutrecht è stato defacciato da un gruppo di hacktivisti. Nel 2019 lo stesso "
          "comune era stato colpito da un ransomware del gruppo Korvan.",
    "es": "Unos piratas desfiguraron el lunes la web del Ayuntamiento de Lutrecht. El ayuntamiento ya había sufrido "
          "en 2019 un ataque de ransomware reivindicado por el grupo Korvan.",
    "nl": "Hackers hebben maandag de website van het Waterschap Veldmark beklad. In 2019 werd het waterschap al eens "
          "getroffen door ransomware van de groep Korvan.",
}


@pytest.mark.parametrize("language", list(HIT_ONCE_BEFORE))
def test_the_victim_hit_once_before_lends_the_incident_nothing(language: str) -> None:
    """ "had already been hit", "avait déjà été victime", "Bereits im Sommer 2019 hatte", "lo stesso comune era stato
    colpito", "ya había sufrido", "al eens getroffen": the earlier attack gives the reported one neither its date, nor
    its type, nor its attackers."""
    frame = only_frame(HIT_ONCE_BEFORE[language], language)
    assert (frame.first_seen, frame.types, frame.actors) == ("2021-05-17", ["defacement"], [])


BETWEEN_TWO_MONTHS = {
    "en": "Between February and April, fraudsters sent phishing emails to customers of Brindle Bank.",
    "fr": "Entre février et avril, des pirates ont envoyé des courriels d'hameçonnage aux clients de la Banque de "
          "Lutrecht.",
    "de": "Zwischen Februar und April verschickten Betrüger Phishing-Mails an Kunden der Brindle Bank.",
    "it": "Tra febbraio e aprile alcuni truffatori hanno inviato SMS di phishing ai clienti della Banca Korvan.",
    "es": "Entre febrero y abril, unos estafadores enviaron correos de phishing a clientes del Banco Norvale.",
    "nl": "Tussen februari en april stuurden oplichters phishingmails naar klanten van de Brindle Bank.",
}


@pytest.mark.parametrize("language", list(BETWEEN_TWO_MONTHS))
def test_an_attack_between_two_months_began_in_the_first(language: str) -> None:
    assert only_frame(BETWEEN_TWO_MONTHS[language], language).first_seen == "2021-02"


def test_a_sentence_about_another_older_breach_is_not_this_incidents_date() -> None:
    text = ("Hackers stole customer records from Veldmark Bank on Monday. "
            "In 2003 the bank had suffered a similar breach.")
    frames = extract_frames("doc", text, "en", PUBLISHED, RESOURCES)
    bank = next(f for f in frames if any(v.name == "Veldmark Bank" for v in f.victims))
    assert bank.first_seen == "2021-05-17"


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_sentence_about_the_actor_alone_dates_no_attack(language: str) -> None:
    text = {"en": "Hackers attacked the Veldmark Water Authority on Monday. "
                  "The group APT28 has been active since 2004.",
            "de": "Die Stadtwerke Lutrecht wurden am Montag Opfer eines Ransomware-Angriffs. "
                  "Die Gruppe APT28 ist seit 2004 aktiv."}[language]
    frame = only_frame(text, language)
    assert frame.first_seen == "2021-05-17"
    assert "APT28" in frame.actors  # the sentence is still the frame's: only its date is not the attack's


@pytest.mark.parametrize(("language", "text"), [
    ("nl", "Het waterschap Veldmark werd getroffen door een ransomware-aanval. Onderzoekers schatten dat "
           "ransomware-hackers in 2020 ruim 9 miljard euro ontvingen."),
    ("en", "Ransomware crippled the Veldmark Water Authority. Analysts estimate that in 2020 "
           "ransomware hackers were paid more than 9 billion euros."),
])
def test_a_statistic_about_the_attackers_dates_no_attack(language: str, text: str) -> None:
    """ "in 2020 ransomware hackers were paid ...": the attack word names the attackers of a statistic, and reports
    no attack to date: the report, which tells the attack in its lead, is dated by its publication month."""
    frame = only_frame(text, language)
    assert (frame.first_seen, frame.first_seen_estimated) == ("2021-05", True)


COUNTED_OR_DONE_BEFORE = {
    "en": "Hackers knocked the Veldmark Water Authority's websites offline on Monday. The agency handled 144 "
          "incidents in 2020. The same group had already attacked the sites of two ministries in 2019.",
    "fr": "Des pirates ont paralysé lundi les sites de la Banque de Lutrecht. En 2020, l'agence a traité 144 "
          "incidents. En 2019, le même groupe avait déjà attaqué les sites de deux ministères.",
    "de": "Hacker haben am Montag die Websites der Stadtwerke Lutrecht lahmgelegt. Seit 2019 verzeichnet die Behörde "
          "solche Angriffe fast monatlich. Bereits im Juni 2019 hatte dieselbe Gruppe die Websites zweier Ministerien "
          "angegriffen.",
    "it": "Lunedì gli hacker hanno paralizzato i siti del Comune di Lutrecht. Nel 2020 l'agenzia ha gestito 144 "
          "incidenti. Nel 2019 lo stesso gruppo aveva già attaccato i siti di due ministeri.",
    "es": "Unos piratas paralizaron el lunes las webs del Ayuntamiento de Lutrecht. En 2020 la agencia gestionó 144 "
          "incidentes. En 2019 el mismo grupo ya había atacado las webs de dos ministerios.",
    "nl": "Hackers legden maandag de websites van het Waterschap Veldmark plat. Het agentschap behandelde in 2020 "
          "144 incidenten. In 2019 had dezelfde groep al de websites van twee ministeries aangevallen.",
}


@pytest.mark.parametrize("language", list(COUNTED_OR_DONE_BEFORE))
def test_a_count_of_attacks_or_the_group_s_earlier_attack_never_dates_the_incident(language: str) -> None:
    """A count of incidents in a year, attacks "such" as this one, and the same group's attack of an earlier year,
    told in the pluperfect: none of them is this incident, which Monday dates."""
    frames = extract_frames("doc", COUNTED_OR_DONE_BEFORE[language], language, PUBLISHED, RESOURCES)
    assert [frame.first_seen for frame in frames] == ["2021-05-17"]


HIT_IN_AN_EARLIER_YEAR = {
    "en": "Hackers knocked the Veldmark Water Authority's websites offline on Monday. In 2019 a similar attack had hit "
          "the neighbouring town of Brindle.",
    "fr": "Des pirates ont paralysé lundi les sites de la Banque de Lutrecht. En 2019, une attaque similaire avait "
          "touché la commune voisine de Brindle.",
    "de": "Hacker haben am Montag die Websites der Stadtwerke Lutrecht lahmgelegt. Im Jahr 2019 hatte ein ähnlicher "
          "Angriff die Nachbargemeinde Brindle getroffen.",
    "it": "Lunedì gli hacker hanno paralizzato i siti del Comune di Lutrecht. Nel 2019 un attacco simile aveva "
          "colpito il vicino comune di Brindle.",
    "es": "Unos piratas paralizaron el lunes las webs del Ayuntamiento de Lutrecht. En 2019 un ataque similar había "
          "afectado al vecino municipio de Brindle.",
    "nl": "Hackers legden maandag de websites van het Waterschap Veldmark plat. In oktober 2019 waren de websites van "
          "de gemeente Brindle al het doelwit. De gemeente kreeg in 2018 ook al te maken met een datalek.",
}


@pytest.mark.parametrize("language", list(HIT_IN_AN_EARLIER_YEAR))
def test_an_attack_of_an_earlier_year_told_in_the_pluperfect_is_no_incident_and_dates_none(language: str) -> None:
    """An attack told in the pluperfect and dated to an earlier year, "already" or not ("In 2019 a similar attack
    had hit Brindle"): the incident is Monday's, on its one victim."""
    frames = extract_frames("doc", HIT_IN_AN_EARLIER_YEAR[language], language, PUBLISHED, RESOURCES)
    assert [frame.first_seen for frame in frames] == ["2021-05-17"]
    assert not any("Brindle" in victim.name for frame in frames for victim in frame.victims)


THREAT = {
    "en": "Hackers hit the Veldmark Water Authority with ransomware and threaten to publish the stolen files on "
          "28 May.",
    "fr": "La Banque de Lutrecht a été victime d'une cyberattaque ; les pirates menacent de publier les données le "
          "28 mai.",
    "de": "Die Stadtwerke Lutrecht wurden Opfer eines Ransomware-Angriffs, die Täter drohen die Daten am 28. Mai zu "
          "veröffentlichen.",
    "it": "Il Comune di Lutrecht è stato colpito da un ransomware e gli hacker minacciano di pubblicare i dati il "
          "28 maggio.",
    "es": "El Ayuntamiento de Lutrecht sufrió un ataque de ransomware y los hackers amenazan con publicar los datos el "
          "28 de mayo.",
    "nl": "Het Waterschap Veldmark werd getroffen door een ransomware-aanval en de hackers dreigen de gegevens op "
          "28 mei te publiceren.",
}


@pytest.mark.parametrize("language", list(THREAT))
def test_a_date_after_publication_is_a_deadline_and_the_lead_gives_the_publication_month(language: str) -> None:
    """An article of 20 May reports an attack without a date of its own: it happened on or before 20 May, not on the
    28 May deadline; reported in the lead, the way news reports what just happened, May is the estimate."""
    frame = only_frame(THREAT[language], language)
    assert (frame.first_seen, frame.first_seen_estimated) == ("2021-05", True)


def test_an_attack_reported_only_further_down_gets_no_estimate() -> None:
    text = ("Water prices rose again this spring. The authority blamed energy costs. Customers complained loudly. "
            "Hackers hit the Veldmark Water Authority with ransomware.")
    frame = only_frame(text, "en")
    assert (frame.first_seen, frame.first_seen_estimated) == (None, False)


def test_without_a_publication_date_there_is_no_estimate() -> None:
    frame = only_frame(THREAT["en"], "en", published=None)
    assert frame.first_seen_estimated is False
    assert frame.first_seen != "2021-05"


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The Veldmark city council said on Tuesday that hackers had hit its servers with ransomware on Sunday."),
    ("fr", "La mairie de Lutrecht a indiqué mardi que des pirates avaient attaqué ses serveurs dimanche."),
    # the statement has one date, the one nearest its verb: Sunday is the attack's, though "said" stands nearer
    ("en", "The ransomware attack on the Veldmark city council lasted from Sunday, police said on Tuesday."),
])
def test_the_day_it_was_said_is_when_it_was_disclosed(language: str, text: str) -> None:
    [frame] = extract_frames("doc", text, language, PUBLISHED, RESOURCES)
    assert (frame.first_seen, frame.disclosed) == ("2021-05-16", "2021-05-18")


def test_a_date_said_before_the_attack_began_is_no_disclosure() -> None:
    """ "Volgens het NCSC werden vorig jaar tientallen bedrijven getroffen": a statistic of last year, told by a
    source, gave this Sunday's attack a disclosure a year before it began, which kept its reports in other languages
    apart. A disclosure never comes before the attack."""
    [frame] = extract_frames("doc", "De rederij Kettleby Shipping is zondag getroffen door een ransomware-aanval. De "
                             "groep Akira eist losgeld, zo blijkt uit een bericht op haar lekwebsite. Volgens het NCSC "
                             "werden vorig jaar tientallen Nederlandse bedrijven getroffen door ransomware.", "nl",
                             PUBLISHED, RESOURCES)
    assert (frame.first_seen, frame.disclosed) == ("2021-05-16", PUBLISHED)


VICTIM = Victim("Veldmark Water Authority", "org:veldmark water authority", None, "utilities")
SENTENCE = "Hackers hit the Veldmark Water Authority with ransomware."


def report(document: str, **dates) -> Frame:
    return Frame(document=document, victims=[VICTIM], types=["ransomware"],
                 evidence=[Evidence(document, 0, len(SENTENCE), SENTENCE)], **dates)


def test_an_incident_takes_the_date_its_reports_give_over_a_publication_month() -> None:
    dated = report("a", first_seen="2021-04-28", disclosed="2021-05-03")
    estimated = report("b", first_seen="2021-05", first_seen_estimated=True, disclosed="2021-05-20")
    [incident] = resolve([dated, estimated])
    assert (incident.first_seen, incident.first_seen_estimated) == ("2021-04-28", False)


def test_a_late_report_joins_an_incident_it_only_bounds() -> None:
    """A December report without a date of its own says the attack happened by December: May is no contradiction."""
    dated = report("a", first_seen="2017-05-12", disclosed="2017-05-13")
    late = report("b", first_seen="2017-12", first_seen_estimated=True, disclosed="2017-12-19")
    [incident] = resolve([dated, late])
    assert incident.first_seen == "2017-05-12"


def test_an_incident_of_estimates_keeps_the_earliest_and_says_so() -> None:
    first = report("a", first_seen="2021-05", first_seen_estimated=True, disclosed="2021-05-20")
    second = report("b", first_seen="2021-06", first_seen_estimated=True, disclosed="2021-06-02")
    [incident] = resolve([first, second])
    assert (incident.first_seen, incident.first_seen_estimated) == ("2021-05", True)


def test_an_attack_that_began_after_a_report_was_published_is_another_incident() -> None:
    old = report("a", disclosed="2019-10-01")
    new = report("b", first_seen="2023-04-14", disclosed="2023-05-02")
    incidents = resolve([old, new])
    assert sorted(i.documents for i in incidents) == [["a"], ["b"]]


def test_reports_weeks_apart_are_one_incident_but_years_apart_are_two() -> None:
    attack = report("a", first_seen="2014-11-24", disclosed="2014-12-01")
    claim = report("b", first_seen="2014-12-19", disclosed="2014-12-19")
    [incident] = resolve([attack, claim])
    assert incident.first_seen == "2014-11-24"
    later = report("c", first_seen="2016-03", disclosed="2016-03-02")
    assert len(resolve([attack, later])) == 2


UNDATED = {  # a pasted report: no publication date, and its day without a year
    "en": "The Veldmark Water Authority said the attack took place on 14 April.",
    "fr": "Le 14 avril dernier, le service des eaux de Veldmark a été piraté.",
    "de": "Der Angriff auf die Wasserbehörde Veldmark ereignete sich am 14. April.",
    "nl": "De aanval op het waterschap Veldmark vond plaats op 14 april.",
}


@pytest.mark.parametrize("language", list(UNDATED))
def test_a_day_without_a_year_takes_its_year_from_the_incident(language: str) -> None:
    """The undated report cannot read "14 April" itself; the incident's first publication (May 2021) says which April
    it was, and the day it gives is the attack's, not an estimate."""
    published = report("a", first_seen="2021-05", first_seen_estimated=True, disclosed="2021-05-20")
    text = UNDATED[language]
    undated = Frame(document="b", victims=[VICTIM], types=["ransomware"], language=language,
                    evidence=[Evidence("b", 0, len(text), text)])
    [incident] = resolve([published, undated])
    assert (incident.first_seen, incident.first_seen_estimated) == ("2021-04-14", False)
    [alone] = resolve([undated])
    assert alone.first_seen is None  # nothing says which year


def test_a_day_without_a_year_far_from_the_incident_s_dates_is_another_attack_s() -> None:
    """The other reports date the attack to May 2021; "14 September" can only be the September before, eight months
    off: another attack's day (a report joined by mistake, or the background), not this one's."""
    dated = report("a", first_seen="2021-05-10", disclosed="2021-05-20")
    text = "The Veldmark Water Authority said the attack took place on 14 September."
    undated = Frame(document="b", victims=[VICTIM], types=["ransomware"], language="en",
                    evidence=[Evidence("b", 0, len(text), text)])
    [incident] = resolve([dated, undated])
    assert incident.first_seen == "2021-05-10"


def test_the_export_says_which_first_seen_is_an_estimate(tmp_path: Path) -> None:
    """Two sources give their publication dates to the month; one article dates its attack, the other does not."""
    rows = [{"id": "dated", "published": "2021-05", "text": ON_MONDAY["de"]},
            {"id": "undated", "published": "2021-06",
             "text": "La Banque de Lutrecht a été victime d'une cyberattaque."}]
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    cli = Cli(tmp_path / "dates.db")
    assert cli("ingest", str(source), "-q").exit_code == 0
    by_document = {Path(i["documents"][0]).name: i for i in cli.export()["incidents"]}
    assert (by_document["dated"]["first_seen"], by_document["dated"]["first_seen_estimated"]) == ("2021-05", False)
    assert (by_document["undated"]["first_seen"], by_document["undated"]["first_seen_estimated"]) == ("2021-06", True)


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Die Attacke auf die Stadtwerke Lutrecht begann im April."),
    ("nl", "De cyberinbraak bij het Waterschap Veldmark was in april."),
])
def test_the_plain_words_for_an_attack_date_it(language: str, text: str) -> None:
    """ "Attacke" and "cyberinbraak" are everyday words for an attack: their sentence dates the incident."""
    frame = only_frame(text, language)
    assert (frame.first_seen, frame.first_seen_estimated) == ("2021-04", False)


AN_EARLIER_ATTACK_TOLD_AFTER_A_MARKER = {
    "en": "Hackers hit the Veldmark Water Authority with ransomware on Monday. It is not the first time the authority "
          "has been hit. In 2019 the authority was hit by a ransomware attack.",
    "fr": "La Banque de Lutrecht a été victime d'une cyberattaque lundi. Ce n'est pas la première fois que la banque "
          "est visée. En 2019, la banque avait été victime d'une cyberattaque.",
    "de": "Die Stadtwerke Lutrecht wurden am Montag Opfer eines Ransomware-Angriffs. Es ist nicht das erste Mal, dass "
          "die Stadtwerke angegriffen werden. Im Jahr 2019 wurden die Stadtwerke Opfer eines Ransomware-Angriffs.",
    "it": "Il Comune di Lutrecht è stato colpito da un ransomware lunedì. Non è la prima volta che il Comune viene "
          "colpito dagli hacker. Nel 2019 un attacco ransomware aveva bloccato i suoi server.",
    "es": "El Ayuntamiento de Lutrecht sufrió un ataque de ransomware el lunes. No es la primera vez que el "
          "Ayuntamiento sufre un ciberataque. En 2019 un ataque de ransomware cifró sus servidores.",
    "nl": "Het Waterschap Veldmark werd maandag getroffen door een ransomware-aanval. Het is niet de eerste keer dat "
          "het waterschap wordt getroffen door hackers. In 2019 versleutelde een ransomware-aanval zijn servers.",
}


@pytest.mark.parametrize("language", list(AN_EARLIER_ATTACK_TOLD_AFTER_A_MARKER))
def test_an_earlier_attack_announced_by_a_marker_never_dates_the_incident(language: str) -> None:
    """ "Not the first time" says the next sentence tells of another, earlier attack: its 2019 is not this one's."""
    frame = only_frame(AN_EARLIER_ATTACK_TOLD_AFTER_A_MARKER[language], language)
    assert frame.first_seen == "2021-05-17"


# The sentence after an undated marker, dated well before the article: the gang that claims there claimed that attack
A_CLAIM_OF_THE_EARLIER_ATTACK = {
    "en": "Hackers hit the Veldmark Water Authority with ransomware on Monday. It is not the first time the authority "
          "has been hit. In March 2019, the LockBit gang claimed a ransomware attack on the authority.",
    "fr": "La Banque de Lutrecht a été victime d'une cyberattaque lundi. Ce n'est pas la première fois que la banque "
          "est visée. En mars 2019, le groupe LockBit avait revendiqué une attaque contre la banque.",
    "de": "Die Stadtwerke Lutrecht wurden am Montag Opfer eines Ransomware-Angriffs. Es ist nicht das erste Mal, dass "
          "die Stadtwerke angegriffen werden. Im März 2019 bekannte sich die Gruppe LockBit zu einem Angriff auf die "
          "Stadtwerke.",
    "it": "Il Comune di Lutrecht è stato colpito da un ransomware lunedì. Non è la prima volta che il Comune viene "
          "colpito dagli hacker. Nel marzo 2019 il gruppo LockBit aveva rivendicato un attacco contro il Comune.",
    "es": "El Ayuntamiento de Lutrecht sufrió un ataque de ransomware el lunes. No es la primera vez que el "
          "Ayuntamiento sufre un ciberataque. En marzo de 2019, un ataque reivindicado por el grupo LockBit dejó sin "
          "servicios al Ayuntamiento.",
    "nl": "Het Waterschap Veldmark werd maandag getroffen door een ransomware-aanval. Het is niet de eerste keer dat "
          "het waterschap wordt getroffen door hackers. In maart 2019 eiste de groep LockBit een aanval op het "
          "waterschap op.",
}


@pytest.mark.parametrize("language", list(A_CLAIM_OF_THE_EARLIER_ATTACK))
def test_a_claim_of_the_earlier_attack_a_marker_announces_is_not_this_ones(language: str) -> None:
    frame = only_frame(A_CLAIM_OF_THE_EARLIER_ATTACK[language], language)
    assert "LockBit" not in frame.actors
    assert not [claim for claim in frame.claims if "LockBit" in claim.attributed_to]


def test_a_claim_after_a_marker_dated_in_the_news_own_days_stays() -> None:
    """Dated in the article's own weeks, the sentence after the marker may tell the reported attack."""
    text = ("Hackers hit the Veldmark Water Authority with ransomware on Monday. It is not the first time the "
            "authority has been hit. On Tuesday, the LockBit gang claimed the attack on the authority.")
    assert "LockBit" in only_frame(text, "en").actors


def test_hit_before_in_the_present_perfect_tells_an_earlier_attack() -> None:
    text = ("Hackers hit the Veldmark Water Authority with ransomware on Monday. The authority has been targeted "
            "before: the Korvan gang encrypted its servers in June 2020.")
    frame = only_frame(text, "en")
    assert (frame.first_seen, frame.actors) == ("2021-05-17", [])


ON_THAT_OCCASION = {
    "en": "Hackers hit the Veldmark Water Authority with ransomware on Monday. The authority had been attacked "
          "before: on that occasion, in March 2019, hackers stole its customer files.",
    "es": "El Ayuntamiento de Lutrecht sufrió un ataque de ransomware el lunes. En aquella ocasión, en marzo de 2019, "
          "otro ataque de ransomware paralizó sus servidores.",
    "it": "Il Comune di Lutrecht è stato colpito da un ransomware lunedì. In quell'occasione, nel marzo 2019, un "
          "attacco ransomware aveva bloccato i suoi server.",
}


KNOWN_FOR_AN_EARLIER_ATTACK = {
    "en": "Hackers hit the Veldmark Water Authority with ransomware on Monday. The Korvan gang is known for a "
          "ransomware attack in March 2019 that paralysed hundreds of companies.",
    "nl": "Hackers legden maandag het Waterschap Veldmark plat met ransomware. De Korvan-bende is ‘bekend’ van "
          "een ransomware-aanval in maart 2019 die honderden bedrijven platlegde.",
    "de": "Die Stadtwerke Lutrecht wurden am Montag Opfer eines Ransomware-Angriffs. Die Korvan-Bande ist bekannt für "
          "einen Ransomware-Angriff im März 2019, der Hunderte Firmen lahmlegte.",
}


# "famous for": the same marker with the other adjective every language has for it (French had "célèbre")
FAMOUS_FOR_AN_EARLIER_ATTACK = {
    "en": "Hackers hit the Veldmark Water Authority with ransomware on Monday. The Korvan gang became famous for a "
          "ransomware attack in March 2019 that paralysed hundreds of companies.",
    "de": "Die Stadtwerke Lutrecht wurden am Montag Opfer eines Ransomware-Angriffs. Die Korvan-Bande wurde berühmt "
          "für einen Ransomware-Angriff im März 2019, der Hunderte Firmen lahmlegte.",
    "nl": "Hackers legden maandag het Waterschap Veldmark plat met ransomware. De Korvan-bende werd beroemd om "
          "een ransomware-aanval in maart 2019 die honderden bedrijven platlegde.",
    "it": "Il Comune di Lutrecht è stato colpito da un ransomware lunedì. La gang Korvan era diventata \"celebre\" per "
          "un attacco ransomware nel marzo 2019 che aveva bloccato centinaia di aziende.",
    "es": "El Ayuntamiento de Lutrecht sufrió un ataque de ransomware el lunes. La banda Korvan se hizo célebre por "
          "un ataque de ransomware en marzo de 2019 que paralizó cientos de empresas.",
}


@pytest.mark.parametrize(("text", "language"), [
    *((text, language) for language, text in ON_THAT_OCCASION.items()),
    *((text, language) for language, text in KNOWN_FOR_AN_EARLIER_ATTACK.items()),
    *((text, language) for language, text in FAMOUS_FOR_AN_EARLIER_ATTACK.items()),
])
def test_a_sentence_about_an_earlier_attack_never_dates_the_incident(text: str, language: str) -> None:
    """ "On that occasion", or what a gang is "known for": the sentence tells of an attack before this one."""
    assert only_frame(text, language).first_seen == "2021-05-17"


def test_a_marker_sentence_with_a_date_of_its_own_leaves_the_next_sentence_alone() -> None:
    """Only an undated marker sentence hands its story to the next one: here the next sentence is the new attack's."""
    text = ("It is not the first time the Veldmark Water Authority has been hit: in 2019 hackers encrypted its "
            "servers. Hackers hit the authority with ransomware again on Monday.")
    assert only_frame(text, "en").first_seen == "2021-05-17"


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Die Stadtwerke Lutrecht wurden am Montag Opfer eines Ransomware-Angriffs, bereits im Jahr 2019 waren "
           "Hacker in ihre Server eingedrungen."),
    ("it", "Il Comune di Lutrecht è stato colpito da un ransomware lunedì, già nel 2019 gli hacker avevano attaccato "
           "i suoi server."),
    ("nl", "Het Waterschap Veldmark werd maandag getroffen door een ransomware-aanval, eerder al in 2019 drongen "
           "hackers binnen."),
])
def test_already_in_an_earlier_year_is_another_attack(language: str, text: str) -> None:
    assert only_frame(text, language).first_seen == "2021-05-17"


@pytest.mark.parametrize("order", [1, -1])
def test_fresh_news_years_after_an_attack_on_the_same_victim_is_another_incident(order: int) -> None:
    """A 2023 report that tells an attack in its lead, with no date of its own, is not about the 2019 attack on the
    same victim, although "on or before May 2023" does not contradict September 2019."""
    old = report("a", first_seen="2019-09-24", disclosed="2019-10-01")
    fresh = report("b", first_seen="2023-05", first_seen_estimated=True, disclosed="2023-05")
    incidents = resolve([old, fresh][::order])
    assert sorted(i.documents for i in incidents) == [["a"], ["b"]]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "A ransomware attack by the Korvan gang, which has hit hospitals since 2014, shut down the Veldmark Water "
           "Authority on 12 January 2017."),
    ("de", "Ein Ransomware-Angriff der seit 2014 aktiven Korvan-Bande legte am 12. Januar 2017 die Stadtwerke Lutrecht "
           "lahm."),
])
def test_a_bare_older_year_beside_the_attack_s_day_does_not_date_it(language: str, text: str) -> None:
    [frame] = extract_frames("doc", text, language, "2017-01-20", RESOURCES)
    assert frame.first_seen == "2017-01-12"


def test_an_old_breach_disclosed_now_keeps_its_year() -> None:
    """The day it was said sets no floor: the breach is older than the news of it."""
    text = "A ransomware attack hit the Veldmark Water Authority in 2015, the authority said on 12 January 2017."
    [frame] = extract_frames("doc", text, "en", "2017-01-20", RESOURCES)
    assert frame.first_seen == "2015"


@pytest.mark.parametrize(("text", "language"), [
    ("Hackers encrypted the servers of Kettleby Bank on Monday, the bank said. Kettleby Bank was hit, and not the "
     "first time: in 2019 the Lazarus Group stole millions from it.", "en"),
    ("Hacker haben am Montag die Server der Kettleby Bank verschlüsselt. Es ist nicht das erste Mal, dass die "
     "Kettleby Bank angegriffen wurde: 2019 hatte die Lazarus Group dort Millionen erbeutet.", "de"),
])
def test_who_did_an_earlier_attack_is_not_the_actor_of_the_reported_one(text: str, language: str) -> None:
    """A sentence that tells of an earlier attack dates nothing, and its actor is that attack's: the report of
    Monday's encryption names no actor."""
    [frame] = extract_frames("doc", text, language, "2023-06-01", RESOURCES)
    assert [v.name for v in frame.victims] == ["Kettleby Bank"]
    assert frame.actors == []


@pytest.mark.parametrize(("language", "text", "victim"), [
    ("en", "Hackers wiped the servers of Kettleby Rail on Monday. Last month the centre named APT29 as the group "
           "behind a separate espionage campaign against the Norvale Finance Ministry.", "Kettleby Rail"),
    ("de", "Hacker haben am Montag die Server der Kettleby Bahn gelöscht. Im vergangenen Monat nannte das Zentrum "
           "APT29 als Gruppe hinter einer gesonderten Spionagekampagne gegen das Finanzministerium von Norvale.",
     "Kettleby Bahn"),
    ("fr", "Des pirates ont effacé lundi les serveurs de Kettleby Rail. Le mois dernier, le centre a désigné APT29 "
           "comme le groupe derrière une campagne d'espionnage distincte contre le ministère des Finances de "
           "Norvale.", "Kettleby Rail"),
    ("it", "Lunedì alcuni hacker hanno cancellato i server di Kettleby Rail. Il mese scorso il centro ha indicato "
           "APT29 come il gruppo dietro una distinta campagna di spionaggio contro il ministero delle Finanze di "
           "Norvale.", "Kettleby Rail"),
    ("es", "Unos piratas borraron el lunes los servidores de Kettleby Rail. El mes pasado, el centro señaló a APT29 "
           "como el grupo detrás de una campaña de espionaje distinta contra el Ministerio de Finanzas de Norvale.",
     "Kettleby Rail"),
    ("nl", "Hackers hebben maandag de servers van Kettleby Rail gewist. Vorige maand noemde het centrum APT29 als de "
           "groep achter een afzonderlijke spionagecampagne tegen het ministerie van Financiën van Norvale.",
     "Kettleby Rail"),
])
def test_a_separate_attack_the_article_sets_apart_is_no_incident_of_it(language: str, text: str, victim: str) -> None:
    """ "a separate espionage campaign against X": another attack, named beside the reported one, whose victim is
    none of this article's incidents (the packs' ``earlier_event``)."""
    assert [[v.name for v in f.victims] for f in extract_frames("doc", text, language, PUBLISHED, RESOURCES)] \
        == [[victim]]


@pytest.mark.parametrize(("language", "text", "victims"), [
    ("en", "Veldmark Bank was hit by ransomware on Monday. In a separate attack, hackers breached Lutrecht Hospital "
           "on Wednesday.", [["Veldmark Bank"], ["Lutrecht Hospital"]]),
    ("fr", "La Banque de Veldmark a été frappée lundi par un rançongiciel. Dans une attaque distincte, des pirates ont "
           "visé mercredi l'hôpital de Lutrèche.", [["Banque de Veldmark"], ["hôpital de Lutrèche"]]),
    ("it", "La Banca di Veldmark è stata colpita lunedì da un ransomware. In un attacco distinto, alcuni hacker hanno "
           "colpito mercoledì l'ospedale di Lutrecht.", [["Banca di Veldmark"], ["ospedale di Lutrecht"]]),
    ("es", "El Banco de Veldmark fue atacado el lunes con ransomware. En un ataque distinto, unos piratas atacaron el "
           "miércoles el hospital de Lutrecht.", [["Banco de Veldmark"], ["hospital de Lutrecht"]]),
])
def test_a_separate_attack_the_article_goes_on_to_report_is_its_second_incident(language: str, text: str,
                                                                               victims: list[list[str]]) -> None:
    """ "In a separate attack, ...": the idiom opens the report of a second incident, not a mention of another one."""
    assert [[v.name for v in f.victims] for f in extract_frames("doc", text, language, PUBLISHED, RESOURCES)] \
        == victims


THE_SAME_ACTORS_OTHER_DEED_LAST_YEAR = {
    "en": "Hackers wiped the servers of Kettleby Rail on Monday. A researcher said the same operators had also spied "
          "on two embassies in Norvale last year.",
    "de": "Hacker haben am Montag die Server der Kettleby Bahn gelöscht. Ein Forscher sagte, dieselben Täter hätten "
          "im vergangenen Jahr auch zwei Botschaften in Norvale ausspioniert.",
    "fr": "Des pirates ont effacé lundi les serveurs de Kettleby Rail. Selon un chercheur, les mêmes opérateurs "
          "avaient également espionné deux ambassades à Norvale l'an dernier.",
    "it": "Lunedì alcuni hacker hanno cancellato i server di Kettleby Rail. Secondo un ricercatore, gli stessi "
          "operatori avevano anche spiato due ambasciate a Norvale l'anno scorso.",
    "es": "Unos piratas borraron el lunes los servidores de Kettleby Rail. Según un investigador, los mismos "
          "operadores también habían espiado a dos embajadas en Norvale el año pasado.",
    "nl": "Hackers hebben maandag de servers van Kettleby Rail gewist. Volgens een onderzoeker hadden dezelfde "
          "daders vorig jaar ook twee ambassades in Norvale bespioneerd.",
}


@pytest.mark.parametrize("language", list(THE_SAME_ACTORS_OTHER_DEED_LAST_YEAR))
def test_the_same_actors_other_deed_last_year_is_no_incident_of_the_article(language: str) -> None:
    """ "had also spied on two embassies last year": the pluperfect, "also" and an earlier year tell of another deed
    of the same actors, which the article recalls but does not report; the embassies are no victims of its attack."""
    frame = only_frame(THE_SAME_ACTORS_OTHER_DEED_LAST_YEAR[language], language)
    assert [v.name for v in frame.victims] == ["Kettleby Bahn" if language == "de" else "Kettleby Rail"]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Hackers wiped the servers of Kettleby Rail on Monday. The hackers had also stolen customer data."),
    ("de", "Hacker haben am Montag die Server der Kettleby Bahn gelöscht. Die Täter hatten auch Kundendaten "
           "gestohlen."),
])
def test_the_same_attack_told_further_in_the_pluperfect_is_not_another(language: str, text: str) -> None:
    """Without an earlier year, "had also" adds to the reported attack: the sentence is no background and its theft
    still types the incident."""
    frame = only_frame(text, language)
    assert [v.name for v in frame.victims] == [{"en": "Kettleby Rail", "de": "Kettleby Bahn"}[language]]
    assert "data-breach" in frame.types


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Serious cyberattacks rose by 65% last year. A quarter of the attacks on manufacturers hit Korvan "
           "firms, the annual report of the Lutrex association found."),
    ("it", "Lo scorso anno i gravi attacchi informatici sono aumentati di un terzo. Un quarto degli attacchi al "
           "settore manifatturiero ha colpito aziende di Korvan, secondo il rapporto annuale dell'associazione "
           "Lutrex."),
    ("fr", "Les cyberattaques graves ont augmenté de 65 % l'an dernier. Un quart des attaques contre "
           "l'industrie a visé des entreprises de Korvan, selon le rapport annuel de l'association Lutrex."),
    ("de", "Schwere Cyberangriffe sind im vergangenen Jahr um 65 Prozent gestiegen. Ein Viertel der Angriffe "
           "auf die Industrie traf Unternehmen in Korvan, so der Jahresbericht des Verbands Lutrex."),
    ("es", "Los ciberataques graves aumentaron un 65 % el año pasado. Un tercio de los ataques contra la "
           "industria afectó a empresas de Korvan, según el informe anual de la asociación Lutrex."),
    ("nl", "Ernstige cyberaanvallen zijn vorig jaar met 65 procent gestegen. Een kwart van de aanvallen op de "
           "industrie trof bedrijven in Korvan, aldus het jaarverslag van de vereniging Lutrex."),
])
def test_a_sentence_that_counts_attacks_reports_none(language: str, text: str) -> None:
    """A threat report's figures ("a quarter of the attacks ... hit Korvan firms") count attacks; none of them is an
    incident of the article."""
    assert extract_frames("doc", text, language, PUBLISHED, RESOURCES) == []


@pytest.mark.parametrize(("language", "text"), [
    ("en", "One in three small firms in Korvan suffered a cyberattack last year, says Lutrex Insurance\n31% of "
           "the small and medium-sized companies in Korvan were hit by at least one cyber incident in the last "
           "twelve months, the insurer's survey found."),
    ("es", "Una de cada tres pymes de Korvan sufrió un ciberataque el último año, según Seguros Lutrex\nEl 31% de "
           "las pequeñas y medianas empresas de Korvan sufrió al menos un incidente de ciberseguridad en los "
           "últimos doce meses, según la encuesta de la aseguradora."),
    ("fr", "Une entreprise sur trois à Korvan a subi une cyberattaque l'an dernier, selon Lutrex Assurances\n31 % "
           "des PME de Korvan ont été touchées par au moins un incident de cybersécurité au cours des douze derniers "
           "mois, selon l'enquête de l'assureur."),
    ("de", "Jedes dritte Unternehmen in Korvan wurde im vergangenen Jahr angegriffen, so die Lutrex Versicherung\n"
           "31 Prozent der befragten Mittelständler in Korvan waren in den letzten zwölf Monaten von mindestens "
           "einem Cyberangriff betroffen, ergab die Umfrage des Versicherers."),
    ("it", "Un'azienda su tre a Korvan ha subito un attacco informatico, secondo Lutrex Assicurazioni\nIl 31% delle "
           "piccole e medie imprese di Korvan ha subito almeno un attacco informatico negli ultimi dodici mesi, "
           "secondo il sondaggio dell'assicuratore."),
    ("nl", "Eén op de drie bedrijven in Korvan werd vorig jaar getroffen door een cyberaanval, aldus Lutrex "
           "Verzekeringen\n31 procent van de ondervraagde mkb-bedrijven in Korvan werd de afgelopen twaalf maanden "
           "getroffen door minstens één cyberaanval, blijkt uit de enquête van de verzekeraar."),
])
def test_a_survey_share_of_the_organisations_hit_reports_none(language: str, text: str) -> None:
    """ "One in three small firms suffered an attack", "31% of SMEs were hit": a survey counts the organisations an
    attack hit, and none of those attacks is an incident of the article."""
    assert extract_frames("doc", text, language, PUBLISHED, RESOURCES) == []


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Ransomware attacks on Korvan companies rise 27% in the first half\nAkira and Qilin top the ranking of "
           "the groups that hit Korvan companies, the half-year report of Lutrex Labs found."),
    ("de", "Ransomware-Angriffe auf Korvaner Unternehmen steigen um 27 Prozent\nAkira und Qilin führen die "
           "Rangliste der Gruppen an, die Unternehmen in Korvan angegriffen haben, so der Bericht von Lutrex Labs."),
    ("fr", "Les attaques par rançongiciel contre les entreprises de Korvan bondissent de 27 %\nAkira et Qilin sont "
           "en tête du classement des groupes qui ont visé des entreprises de Korvan, selon Lutrex Labs."),
    ("it", "Gli attacchi ransomware contro le aziende di Korvan crescono del 27%\nAkira e Qilin guidano la "
           "classifica dei gruppi che hanno colpito aziende di Korvan, secondo il rapporto di Lutrex Labs."),
    ("es", "Los ataques de ransomware contra empresas de Korvan crecen un 27 %\nAkira y Qilin encabezan el ranking "
           "de grupos que atacaron a empresas de Korvan, según el informe de Lutrex Labs."),
    ("nl", "Ransomware-aanvallen op bedrijven in Korvan stijgen met 27 procent\nAkira en Qilin voeren de ranglijst "
           "aan van groepen die bedrijven in Korvan aanvielen, aldus het rapport van Lutrex Labs."),
])
def test_a_headline_of_rising_attacks_and_a_ranking_report_none(language: str, text: str) -> None:
    """ "attacks rise 27%", as headlines write it in the present, and a ranking of the groups that attacked count
    attacks in general: a threat report, no incident."""
    assert extract_frames("doc", text, language, PUBLISHED, RESOURCES) == []


@pytest.mark.parametrize(("language", "text"), [
    ("it", "Il gruppo Lazarus ha sottratto 25 milioni di dollari alla piattaforma Ortaglia Crypto nel marzo 2021."),
    ("es", "El grupo Lazarus robó 15 millones de dólares a la plataforma Quintela Cripto en marzo de 2021."),
    ("nl", "De Lazarus-groep stal in maart 2021 35 miljoen dollar van het cryptoplatform Kerstede Coin."),
    ("de", "Die Lazarus-Gruppe stahl im März 2021 rund 30 Millionen Dollar von der Kryptobörse Fennick Coin."),
    ("fr", "Le groupe Lazarus a dérobé 20 millions de dollars à la plateforme Tavrelle Crypto en mars 2021."),
])
def test_a_theft_is_an_attack_that_its_date_dates(language: str, text: str) -> None:
    """A group that steals, told by the verb alone as the English pack's "stole" is ("ha sottratto", "robó", "stal",
    "stahl", "a dérobé"), makes the sentence an attack, so its date dates the incident."""
    assert only_frame(text, language).first_seen == "2021-03"


def test_who_got_into_what_in_spanish_dates_the_attack() -> None:
    """ "accedieron en noviembre de 2016 a los servidores": Spanish "got into", with the date between the verb and what
    was entered, is an attack, so its date dates the incident and its object is the victim."""
    frame = only_frame("Piratas informáticos del grupo FIN7 accedieron en noviembre de 2016 a los servidores del banco "
                       "Tarmeno, en Ecuador.", "es")
    assert frame.first_seen == "2016-11"
    assert [(v.name, v.country) for v in frame.victims] == [("banco Tarmeno", "EC")]


EARLIER_WARNING = {
    "en": "APT28 hacked the mailboxes of the Veldmark ministry on Monday. In 2019, the agency had already warned of a "
          "wave of APT28 phishing against European ministries.",
    "fr": "Le groupe APT28 a piraté lundi les messageries du ministère de Veldmark. En 2019, l'agence avait déjà "
          "signalé une vague d'hameçonnage d'APT28 contre des ministères européens.",
    "de": "APT28 hat am Montag die Postfächer des Ministeriums Veldmark gehackt. Bereits 2019 hatte das Amt vor einer "
          "Phishing-Welle von APT28 gegen europäische Ministerien gewarnt.",
    "nl": "APT28 heeft maandag de mailboxen van het ministerie van Veldmark gehackt. In 2019 had de dienst al "
          "gewaarschuwd voor een golf van phishing van APT28 tegen Europese ministeries.",
}


@pytest.mark.parametrize("language", list(EARLIER_WARNING))
def test_an_earlier_warning_in_the_pluperfect_tells_of_no_incident_of_the_article(language: str) -> None:
    """ "In 2019, the agency had already warned of ...": a report made before, told in the pluperfect after the year
    that opens the sentence, is background (``background.toml``: ``earlier_event``); what it reported neither opens
    a second incident nor dates this one."""
    frame = only_frame(EARLIER_WARNING[language], language)
    assert frame.first_seen == "2021-05-17"
    assert len(frame.victims) == 1



RECALLED_IN_PASSING = {
    "en": "Hackers breached the Veldmark Water Authority on Monday and stole customer records. The group was accused "
          "of hacking the Kettleby Bank in 2015.",
    "fr": "Des pirates ont piraté l'Office des eaux de Veldmark lundi et volé des données de clients. Le groupe était "
          "accusé d'avoir piraté la Banque Kettleby en 2015.",
    "de": "Hacker sind am Montag in die Systeme der Stadtwerke Veldmark eingedrungen und haben Kundendaten gestohlen. "
          "Die Gruppe soll 2015 die Kettleby Bank gehackt haben.",
    "it": "Lunedì alcuni hacker hanno violato i sistemi del Comune di Veldmark e rubato i dati dei cittadini. Il "
          "gruppo fu accusato di aver attaccato la Banca Kettleby nel 2015.",
    "es": "Unos piratas atacaron el lunes el Ayuntamiento de Veldmark y robaron datos de los vecinos. El grupo fue "
          "acusado de atacar el Banco Kettleby en 2015.",
    "nl": "Hackers hebben maandag het Waterschap Veldmark gehackt en klantgegevens gestolen. De groep werd in 2015 "
          "beschuldigd van een aanval op de Kettleby Bank.",
}


@pytest.mark.parametrize("language", list(RECALLED_IN_PASSING))
def test_an_attack_years_before_recalled_in_passing_is_no_incident(language: str) -> None:
    """A sentence that recalls an attack six years older than the article, with no word saying it is an earlier one
    ("The group was accused of hacking the Kettleby Bank in 2015"): the incident is Monday's, on its one victim."""
    frames = extract_frames("doc", RECALLED_IN_PASSING[language], language, PUBLISHED, RESOURCES)
    assert [frame.first_seen for frame in frames] == ["2021-05-17"]
    assert not any("Kettleby" in victim.name for frame in frames for victim in frame.victims)


def test_an_article_about_an_old_attack_keeps_it() -> None:
    """An article whose one story is old (charges brought today over a 2015 breach) reports that attack."""
    text = ("Prosecutors on Monday charged two men over the 2015 breach of the Kettleby Bank, in which hackers stole "
            "the records of 40,000 customers.")
    assert [[victim.name for victim in frame.victims] for frame in extract_frames("doc", text, "en", PUBLISHED,
                                                                                 RESOURCES)] == [["Kettleby Bank"]]


HEADLINE_THEN_BODY = {
    "en": "Estonia accuses Russian hackers of spying on its defence ministry\nTallinn blamed Moscow on Thursday after "
          "the discovery of an intrusion into the email system of the Estonian Ministry of Defence.",
    "fr": "L'Estonie accuse des pirates russes d'avoir espionné son ministère de la Défense\nTallinn a mis en cause "
          "Moscou jeudi, après la découverte d'une intrusion dans la messagerie du ministère estonien de la Défense.",
    "de": "Estland: Russische Hacker haben das Verteidigungsministerium ausspioniert\nTallinn beschuldigte Moskau am "
          "Donnerstag nach der Entdeckung eines Einbruchs in die Computersysteme des estnischen "
          "Verteidigungsministeriums.",
}


@pytest.mark.parametrize("language", list(HEADLINE_THEN_BODY))
def test_the_attack_a_headline_tells_is_the_one_its_body_introduces(language: str) -> None:
    """The headline tells the attack undated, and the body introduces it with a date ("an intrusion ... on
    Thursday"): one incident, not the headline's and the body's."""
    frames = extract_frames("doc", HEADLINE_THEN_BODY[language], language, PUBLISHED, RESOURCES)
    assert len(frames) == 1
    assert {victim.key for victim in frames[0].victims} == {"EE/ministry:defence"}



def test_one_victim_hit_by_two_actors_in_two_kinds_of_attack_is_two_incidents() -> None:
    """A ransomware attack by one gang and, months later, a DDoS by a hacktivist crew on the same utility: a report of
    the second is no report of the first, though their victim is one and the second's date is only estimated."""
    ransomware = replace(report("a", first_seen="2024-03-12", disclosed="2024-03-14"), actors=["Akira"])
    ddos = replace(report("b", first_seen="2025-01", first_seen_estimated=True, disclosed="2025-01-22"),
                   actors=["NoName057(16)"], types=["ddos"])
    assert len(resolve([ransomware, ddos])) == 2
    same_gang = replace(ddos, actors=["Akira"], types=["ransomware"], document="c")
    assert len(resolve([ransomware, same_gang])) == 1


def test_a_ddos_and_a_ransomware_attack_on_one_town_are_two_incidents_though_nobody_is_named() -> None:
    """A DDoS by a hacktivist crew and, eleven months later, a ransomware attack no one has claimed, on the same town:
    a flood and an encryption are two attacks, though the second report names no culprit and its date is only its
    publication month. Two reports of one ransomware attack still join."""
    ddos = replace(report("a", first_seen="2024-04-16", disclosed="2024-04-18"), actors=["NoName057(16)"],
                   types=["ddos"])
    ransomware = replace(report("b", first_seen="2025-03", first_seen_estimated=True, disclosed="2025-03-03"),
                         types=["ransomware", "data-breach"])
    assert len(resolve([ddos, ransomware])) == 2
    assert len(resolve([ransomware, ddos])) == 2
    assert len(resolve([ransomware, replace(ransomware, document="c", types=["ransomware"])])) == 1




OWN_DATES = [
    # a blow to the attackers themselves ("LockBit was disrupted in February") is the gang's story
    ("en", "The LockBit gang hit the Veldmark Water Authority with ransomware on Monday. LockBit was disrupted in "
           "February by an international police operation.", "2021-05-17"),
    ("it", "Lunedì la gang LockBit ha colpito con un ransomware il Comune di Veldmark. LockBit, una gang con base in "
           "Russia secondo diversi ricercatori, era stata duramente colpita a febbraio da un'operazione di polizia.",
     "2021-05-17"),
    # an earlier encryption of the same victim, told in the pluperfect with its year
    ("en", "Hackers knocked the websites of the Veldmark Water Authority offline on Monday. In March 2020 the Korvan "
           "gang had encrypted the systems of the Veldmark Water Authority.", "2021-05-17"),
    ("de", "Hacker legten am Montag die Webseiten der Stadtwerke Veldmark lahm. Im März 2020 hatte die Bande Korvan "
           "die Systeme der Stadtwerke Veldmark verschlüsselt.", "2021-05-17"),
    # the day a flaw was abused
    ("en", "Hackers stole files from the Veldmark Water Authority. The authority said the attackers abused "
           "CVE-2021-31207 on 11 May.", "2021-05-11"),
    ("de", "Hacker stahlen Dateien der Stadtwerke Veldmark. Die Angreifer missbrauchten am 11. Mai die Schwachstelle "
           "CVE-2021-31207, teilten die Stadtwerke mit.", "2021-05-11"),
    # intruders who had access since a month
    ("en", "Hackers breached the Veldmark Water Authority. Investigators said on Thursday that the intruders had had "
           "access to its mail server since at least March 2021.", "2021-03"),
    ("de", "Hacker drangen in das Netz der Stadtwerke Veldmark ein. Die Ermittler sagten am Donnerstag, die Täter "
           "hatten Zugriff auf die Server der Stadtwerke seit März 2021.", "2021-03"),
    # the day the flaw was fixed, nearer its date than any word of the attack
    ("en", "Hackers broke into the Veldmark Water Authority in March 2021 through a flaw that had been patched in "
           "October 2020.", "2021-03"),
    ("nl", "Hackers drongen in maart 2021 binnen bij het Waterschap Veldmark via een lek in een firewall, waarvoor al "
           "sinds oktober 2020 een update beschikbaar was.", "2021-03"),
    ("fr", "Des pirates se sont introduits en mars 2021 dans le réseau de la mairie de Veldmark par une faille, pour "
           "laquelle une mise à jour était disponible depuis octobre 2020.", "2021-03"),
    # another attack the reported one recalls
    ("en", "Hackers broke into the Veldmark Water Authority on Monday. The attack revives memories of the Korvan "
           "breach, where hackers stole the files of a water board in May 2019.", "2021-05-17"),
    ("de", "Hacker legten am Montag die Stadtwerke Veldmark lahm. Bei vielen werden Erinnerungen an den Angriff wach, "
           "mit dem im Mai 2019 eine Schadsoftware die Reederei Korvan lahmlegte.", "2021-05-17"),
    ("it", "Lunedì un ransomware ha colpito il Comune di Veldmark. Il caso ricorda quello del porto di Korvan, "
           "paralizzato da un attacco nel maggio 2019.", "2021-05-17"),
    ("nl", "Hackers legden maandag het Waterschap Veldmark plat. De aanval doet denken aan de hack van de haven van "
           "Korvan in mei 2019.", "2021-05-17"),
    # intruders who got in, told in the pluperfect
    ("it", "Il Comune di Lutrecht ha annunciato mercoledì un furto di dati. I criminali si erano introdotti già a "
           "inizio marzo nei server del Comune di Lutrecht.", "2021-03"),
    ("es", "El Ayuntamiento de Lutrecht anunció el miércoles un robo de datos. Los delincuentes se habían introducido "
           "a principios de marzo en los servidores del Ayuntamiento de Lutrecht.", "2021-03"),
    # a relative clause that tells no attack describes whom it is about
    ("es", "El Ayuntamiento de Veldmark, que en marzo de 2020 abrió una nueva sede, sufrió el lunes un ciberataque.",
     "2021-05-17"),
    ("en", "The Veldmark Water Authority, which opened a new plant in March 2020, was hit by ransomware on Monday.",
     "2021-05-17"),
    ("en", "The Veldmark Water Authority said on Monday that staff were not told of the breach, which took place in "
           "March.", "2021-03"),
]


@pytest.mark.parametrize(("language", "text", "first_seen"), OWN_DATES)
def test_the_incident_is_dated_by_its_own_attack(language: str, text: str, first_seen: str) -> None:
    """Only the attack's own words date it: not a blow to its attackers, not an earlier attack on its victim; the day
    a flaw was abused does, and so does the month since which the intruders had access."""
    assert only_frame(text, language).first_seen == first_seen


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "In March 2020 the Korvan gang had encrypted the systems of the water authority."),
    ("de", "Im März 2020 hatte die Bande Korvan die Systeme der Stadtwerke verschlüsselt."),
    ("fr", "En mars 2020, le gang Korvan avait chiffré les serveurs de la mairie."),
    ("it", "Nel marzo 2020 la banda Korvan aveva cifrato i server del comune."),
    ("es", "En marzo de 2020 la banda Korvan había cifrado los servidores del ayuntamiento."),
])
def test_an_encryption_told_in_the_pluperfect_with_its_year_marks_an_earlier_attack(language: str,
                                                                                    sentence: str) -> None:
    assert background_markers(language, "earlier_event").search(sentence)



def test_a_bare_year_of_the_way_in_older_than_the_attack_s_day_never_dates_it() -> None:
    """ "got in through a flaw affiliates have used since 2023" beside "the intrusion took place on January 14": the
    bare year tells of the flaw's use, the day dates the attack, though the year stands by a word of its start."""
    frame = only_frame("Kettleby Water was hit by ransomware. The utility says the intrusion took place on January 14. "
                       "The attackers got in through a VPN flaw that ransomware affiliates have leaned on since 2023.",
                       "en", "2025-01-30")
    assert frame.first_seen == "2025-01-14"


NOT_NEW = {
    "en": "The group is considered one of the most dangerous in the world. It crippled power grids in 2015 and 2016.",
    "de": "Die Gruppe gilt als eine der gefährlichsten der Welt. Sie legte 2015 und 2016 Stromnetze lahm.",
    "fr": "Ce type d'espionnage n'est pas nouveau : l'affaire Korvan, découverte fin 2015, avait touché des centaines "
          "d'entreprises.",
    "it": "Il gruppo è considerato uno dei più pericolosi al mondo. Nel 2015 e nel 2016 ha spento reti elettriche.",
    "es": "El espionaje a través de proveedores no es nuevo: el caso Korvan, descubierto a finales de 2015, afectó a "
          "cientos de empresas.",
    "nl": "De groep geldt als een van de gevaarlijkste ter wereld. Ze legde in 2015 en 2016 stroomnetten plat.",
}


@pytest.mark.parametrize("language", list(NOT_NEW))
def test_what_is_not_new_and_the_attackers_standing_tell_of_other_attacks(language: str) -> None:
    """ "is nothing new", "n'est pas nouveau", "no es nuevo"; "is considered one of the most dangerous", "geldt als
    een van de gevaarlijkste": the sentence, and the one after it, recall other attacks, whose years never date the
    reported one."""
    assert only_frame(f"{ON_MONDAY[language]} {NOT_NEW[language]}", language).first_seen == "2021-05-17"


SAME_VICTIM_EARLIER = {
    "en": "In October 2019, the same authority was hit by the Korvan gang.",
    "de": "Im Oktober 2019 wurden dieselben Stadtwerke von der Bande Korvan angegriffen.",
    "fr": "En octobre 2019, la même banque avait été touchée par le gang Korvan.",
    "it": "Nell'ottobre 2019 lo stesso comune è stato colpito dalla gang Korvan.",
    "es": "En octubre de 2019, el mismo ayuntamiento fue atacado por la banda Korvan.",
    "nl": "In oktober 2019 werd hetzelfde waterschap getroffen door de bende Korvan.",
}


@pytest.mark.parametrize("language", list(SAME_VICTIM_EARLIER))
def test_the_same_victim_hit_in_an_earlier_year_lends_the_incident_nothing(language: str) -> None:
    """ "In October 2019, the same authority was hit by the Korvan gang": an earlier attack on the victim, told in the
    simple past, gives the reported one neither its date nor its attackers."""
    frame = only_frame(f"{ON_MONDAY[language]} {SAME_VICTIM_EARLIER[language]}", language)
    assert (frame.first_seen, frame.actors) == ("2021-05-17", [])


def test_a_sentence_beside_the_victim_s_stays_with_it_when_an_earlier_attack_is_set_aside() -> None:
    """The headline and the suspicion beside the victim's sentence gather with "the same hospital" of an earlier
    attack; that attack is set aside, and they stay with the reported one."""
    frame = only_frame("Hospital still reeling from second ransomware hit\nKettleby Hospital, a public hospital in "
                       "Lutrecht, is slowly restoring services after a ransomware attack. Local media report that "
                       "investigators suspect the RansomHub operation, though no group has claimed the attack and the "
                       "hospital has not confirmed a ransom demand. In October 2019, the same hospital was hit by the "
                       "Rhysida gang.", "en")
    assert frame.actors == ["RansomHub"]


HABIT = {
    "en": "Hackers knocked the website of the Veldmark Water Authority offline with a DDoS attack. The group has "
          "repeatedly hit public websites since 2019.",
    "nl": "Hackers legden de website van het Waterschap Veldmark plat met een DDoS-aanval. De groep valt sinds 2019 "
          "geregeld overheidssites aan.",
    "de": "Hacker legten die Website der Stadtwerke Veldmark mit einer DDoS-Attacke lahm. Die Gruppe greift seit 2019 "
          "immer wieder Behörden an.",
    "fr": "Des pirates ont paralysé le site de la Banque de Lutrecht par une attaque DDoS. Le groupe attaque "
          "régulièrement depuis 2019 des sites publics.",
}


@pytest.mark.parametrize("language", list(HABIT))
def test_the_attackers_habit_since_a_year_never_dates_the_incident(language: str) -> None:
    """ "has repeatedly hit public websites since 2019", "valt sinds 2019 geregeld ... aan": the year dates the
    attackers' habit, not the reported attack, which the publication month bounds."""
    assert only_frame(HABIT[language], language).first_seen == "2021-05"
