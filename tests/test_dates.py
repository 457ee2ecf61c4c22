"""Date mentions in all six languages, resolved against a fixed base date (a Tuesday)."""

from __future__ import annotations

import itertools
import time
from datetime import date, datetime

import pytest

from cybertrack.annotate.dates import DateMention, Reference, earliest, find_dates, later_than

BASE = date(2022, 7, 19)


def found(text: str, language: str, base: date | None = BASE) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, language, base)]


def test_base_is_a_tuesday() -> None:
    assert BASE.strftime("%A") == "Tuesday"


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "The breach happened on 26 May 2021.", [("26 May 2021", "2021-05-26")]),
    ("en", "It was disclosed on May 26, 2021, by the vendor.", [("May 26, 2021", "2021-05-26")]),
    ("en", "Logs dated 26/05/2021 and 2021-05-26T08:00:00Z leaked.",
     [("26/05/2021", "2021-05-26"), ("2021-05-26", "2021-05-26")]),
    ("en", "A US filing dated 05/26/2021 mentions it.", [("05/26/2021", "2021-05-26")]),
    ("en", "In March 2021 the group resurfaced.", [("March 2021", "2021-03")]),
    ("en", "Attacks rose in 2019 and have doubled since 2020.", [("2019", "2019"), ("2020", "2020")]),
    ("en", "The campaign started in the spring of 2019.", [("the spring of 2019", "2019")]),
    ("en", "It was first seen in early March 2021 and again in mid-2020.",
     [("early March 2021", "2021-03"), ("mid-2020", "2020")]),
    ("en", "The patch shipped in December 2021.", [("December 2021", "2021-12")]),
    ("en", "Systems were restored on the 4th of May 2021.", [("4th of May 2021", "2021-05-04")]),
    ("en", "Notices went out on Jan. 5, 2021 and in Sept 2021.",
     [("Jan. 5, 2021", "2021-01-05"), ("Sept 2021", "2021-09")]),
    ("fr", "L'attaque a eu lieu le 26 mai 2021.", [("26 mai 2021", "2021-05-26")]),
    ("fr", "Le groupe est réapparu en mars 2021.", [("mars 2021", "2021-03")]),
    ("fr", "La campagne a commencé au printemps 2019.", [("au printemps 2019", "2019")]),
    ("fr", "Actif depuis 2019, le groupe a frappé début mars 2021 puis mi-2020.",
     [("2019", "2019"), ("début mars 2021", "2021-03"), ("mi-2020", "2020")]),
    ("fr", "Les serveurs ont été rétablis le 1er mai 2021.", [("1er mai 2021", "2021-05-01")]),
    ("nl", "De aanval vond plaats op 26 mei 2021.", [("26 mei 2021", "2021-05-26")]),
    ("nl", "Begin maart 2021 dook de groep weer op, actief sinds 2019.",
     [("Begin maart 2021", "2021-03"), ("2019", "2019")]),
    ("nl", "Het begon in het voorjaar van 2019.", [("het voorjaar van 2019", "2019")]),
    ("de", "Der Angriff erfolgte am 26. Mai 2021.", [("26. Mai 2021", "2021-05-26")]),
    ("de", "Im März 2021 tauchte die Gruppe wieder auf.", [("März 2021", "2021-03")]),
    ("de", "Seit 2019 aktiv, Mitte 2020 und im Jahr 2018 besonders.",
     [("2019", "2019"), ("Mitte 2020", "2020"), ("2018", "2018")]),
    ("de", "Die Daten vom 04.05.2021 wurden veröffentlicht.", [("04.05.2021", "2021-05-04")]),
    ("it", "L'attacco è avvenuto il 26 maggio 2021.", [("26 maggio 2021", "2021-05-26")]),
    ("it", "Nel giugno 2021 il gruppo è tornato, poi marzo 2021.",
     [("giugno 2021", "2021-06"), ("marzo 2021", "2021-03")]),
    ("it", "Colpito all'inizio di marzo 2021.", [("all'inizio di marzo 2021", "2021-03")]),
    ("it", "Attivo nel 2019 e nell'estate del 2020.", [("2019", "2019"), ("nell'estate del 2020", "2020")]),
    ("es", "El ataque ocurrió el 26 de mayo de 2021.", [("26 de mayo de 2021", "2021-05-26")]),
    ("es", "El grupo reapareció en marzo de 2021.", [("marzo de 2021", "2021-03")]),
    ("es", "Activo desde 2019, con un pico a mediados de 2020.", [("2019", "2019"), ("a mediados de 2020", "2020")]),
    ("es", "Empezó en la primavera de 2019.", [("la primavera de 2019", "2019")]),
])
def test_absolute_dates(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, language) == expected
    assert found(text, language, base=None) == expected
    assert all(not m.relative for m in find_dates(text, language, BASE))


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "On Tuesday, May 4, the hospital was hit.", [("Tuesday, May 4", "2022-05-04")]),
    ("en", "It was patched on May 26.", [("May 26", "2022-05-26")]),
    ("en", "Data from 4 December leaked; more is due on 4 September.",
     [("4 December", "2021-12-04"), ("4 September", "2022-09-04")]),
    ("en", "The outage began in December.", [("December", "2021-12")]),
    ("en", "It resurfaced in May and has been quiet since March.", [("May", "2022-05"), ("March", "2022-03")]),
    ("fr", "Le site a été piraté le 4 mai.", [("4 mai", "2022-05-04")]),
    ("fr", "Des dégâts constatés mardi 4 mai.", [("mardi 4 mai", "2022-05-04")]),
    ("fr", "Le groupe est actif depuis mars.", [("mars", "2022-03")]),
    ("nl", "De aanval begon in maart.", [("maart", "2022-03")]),
    ("nl", "Op 4 mei lag alles stil.", [("4 mei", "2022-05-04")]),
    ("de", "Am 4. Mai fielen die Server aus.", [("4. Mai", "2022-05-04")]),
    ("de", "Anfang März begann die Kampagne.", [("Anfang März", "2022-03")]),
    ("it", "Il 4 maggio i sistemi sono andati in tilt.", [("4 maggio", "2022-05-04")]),
    ("it", "A dicembre il comune è stato colpito.", [("dicembre", "2021-12")]),
    ("es", "El 4 de mayo se detectó el ataque.", [("4 de mayo", "2022-05-04")]),
    ("es", "El pasado 4 de mayo se detectó el ataque.", [("El pasado 4 de mayo", "2022-05-04")]),
])
def test_yearless_dates_need_a_base(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, language) == expected
    assert all(m.relative for m in find_dates(text, language, BASE))
    assert found(text, language, base=None) == []


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Last year the firm was hit; this year it paid.", [("Last year", "2021"), ("this year", "2022")]),
    ("en", "It started in December last year.", [("December last year", "2021-12")]),
    ("en", "It started in December of last year.", [("December of last year", "2021-12")]),
    ("en", "It started last December.", [("last December", "2021-12")]),
    ("en", "It was found last month.", [("last month", "2022-06")]),
    ("fr", "L'année dernière, puis l'an dernier, et cette année.",
     [("L'année dernière", "2021"), ("l'an dernier", "2021"), ("cette année", "2022")]),
    ("fr", "Attaqué en décembre dernier.", [("décembre dernier", "2021-12")]),
    ("fr", "Attaqué en décembre de l’année dernière.", [("décembre de l’année dernière", "2021-12")]),
    ("fr", "Découvert le mois dernier.", [("le mois dernier", "2022-06")]),
    ("nl", "Vorig jaar werd het bedrijf getroffen, dit jaar opnieuw.", [("Vorig jaar", "2021"), ("dit jaar", "2022")]),
    ("nl", "Het begon in december vorig jaar.", [("december vorig jaar", "2021-12")]),
    ("nl", "Ontdekt vorige maand.", [("vorige maand", "2022-06")]),
    ("de", "Letztes Jahr und im vergangenen Jahr.", [("Letztes Jahr", "2021"), ("im vergangenen Jahr", "2021")]),
    ("de", "Es begann im Dezember letzten Jahres.", [("Dezember letzten Jahres", "2021-12")]),
    ("de", "Entdeckt wurde es letzten Monat.", [("letzten Monat", "2022-06")]),
    ("it", "L'anno scorso e lo scorso anno.", [("L'anno scorso", "2021"), ("lo scorso anno", "2021")]),
    ("it", "Colpito a dicembre dell'anno scorso.", [("dicembre dell'anno scorso", "2021-12")]),
    ("it", "Colpito nel dicembre scorso.", [("dicembre scorso", "2021-12")]),
    ("it", "Scoperto il mese scorso.", [("il mese scorso", "2022-06")]),
    ("es", "El año pasado y este año.", [("El año pasado", "2021"), ("este año", "2022")]),
    ("es", "Empezó en diciembre del año pasado.", [("diciembre del año pasado", "2021-12")]),
    ("es", "Se descubrió el mes pasado.", [("el mes pasado", "2022-06")]),
])
def test_relative_years_and_months(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, language) == expected
    assert found(text, language, base=None) == []


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "The attack started on Monday.", [("Monday", "2022-07-18")]),
    ("en", "It happened on Tuesday.", [("Tuesday", "2022-07-19")]),
    ("en", "It happened last Tuesday.", [("last Tuesday", "2022-07-12")]),
    ("en", "It happened last Monday.", [("last Monday", "2022-07-18")]),
    ("en", "It happened yesterday.", [("yesterday", "2022-07-18")]),
    ("fr", "L'attaque a commencé lundi.", [("lundi", "2022-07-18")]),
    ("fr", "Mardi dernier, le site est tombé.", [("Mardi dernier", "2022-07-12")]),
    ("fr", "Le site est tombé hier, puis avant-hier.", [("hier", "2022-07-18"), ("avant-hier", "2022-07-17")]),
    ("nl", "De aanval begon maandag.", [("maandag", "2022-07-18")]),
    ("nl", "Vorige dinsdag en gisteren.", [("Vorige dinsdag", "2022-07-12"), ("gisteren", "2022-07-18")]),
    ("de", "Der Angriff begann am Montag.", [("Montag", "2022-07-18")]),
    ("de", "Letzten Dienstag und gestern.", [("Letzten Dienstag", "2022-07-12"), ("gestern", "2022-07-18")]),
    ("it", "L'attacco è iniziato lunedì.", [("lunedì", "2022-07-18")]),
    ("it", "Martedì scorso e ieri.", [("Martedì scorso", "2022-07-12"), ("ieri", "2022-07-18")]),
    ("it", "Sabato scorso.", [("Sabato scorso", "2022-07-16")]),
    ("es", "El ataque empezó el lunes.", [("lunes", "2022-07-18")]),
    ("es", "El martes pasado y ayer.", [("martes pasado", "2022-07-12"), ("ayer", "2022-07-18")]),
    ("es", "Se detectó el miércoles.", [("miércoles", "2022-07-13")]),
])
def test_weekdays_and_yesterday(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, language) == expected
    assert found(text, language, base=None) == []


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Two days ago and 3 days ago.", [("Two days ago", "2022-07-17"), ("3 days ago", "2022-07-16")]),
    ("en", "Two weeks ago, three months ago, two years ago.",
     [("Two weeks ago", "2022-07-05"), ("three months ago", "2022-04"), ("two years ago", "2020")]),
    ("en", "A year ago the firm was breached.", [("A year ago", "2021")]),
    ("fr", "Il y a deux jours, il y a trois mois, il y a deux ans.",
     [("Il y a deux jours", "2022-07-17"), ("il y a trois mois", "2022-04"), ("il y a deux ans", "2020")]),
    ("nl", "Twee dagen geleden en drie maanden geleden.",
     [("Twee dagen geleden", "2022-07-17"), ("drie maanden geleden", "2022-04")]),
    ("de", "Vor zwei Tagen, vor einem Jahr, vor zehn Monaten.",
     [("Vor zwei Tagen", "2022-07-17"), ("vor einem Jahr", "2021"), ("vor zehn Monaten", "2021-09")]),
    ("it", "Due giorni fa e un anno fa.", [("Due giorni fa", "2022-07-17"), ("un anno fa", "2021")]),
    ("es", "Hace dos días y hace tres años.", [("Hace dos días", "2022-07-17"), ("hace tres años", "2019")]),
])
def test_ago(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, language) == expected
    assert found(text, language, base=None) == []


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Die Firma arbeitet mit Partnern, die am Mo und Di erreichbar sind."),
    ("en", "You may want to update; admins may also march on."),
    ("en", "The Mars rover was not hacked."),
    ("fr", "Le rover Mars n'a pas été piraté."),
    ("en", "Incidents rose over the past two years and over the last year."),
    ("en", "Patch Tuesday brings fixes; the next update ships next Monday."),
    ("fr", "La mise à jour arrive lundi prochain."),
    ("en", "CVE-2021-44228 affects version 2.14.1 on host 10.12.2020.1."),
    ("de", "August Müller leitet die Abteilung."),
    ("en", "Windows 2019 servers and 2021 victims."),
])
def test_negatives(language: str, text: str) -> None:
    assert find_dates(text, language, BASE) == []


def test_without_base_relative_phrases_are_ignored_but_absolute_dates_kept() -> None:
    text = "Last year, on Monday and two days ago, and again on 26 May 2021."
    assert found(text, "en", base=None) == [("26 May 2021", "2021-05-26")]


def test_mentions_are_sorted_non_overlapping_and_index_the_text() -> None:
    text = "In December last year, then on Tuesday, May 4, and yesterday."
    mentions = find_dates(text, "en", BASE)
    assert [m.text for m in mentions] == ["December last year", "Tuesday, May 4", "yesterday"]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_datetime_base_and_unknown_language() -> None:
    mentions = find_dates("It started last year.", "pt", datetime(2022, 7, 19, 10, 30))
    assert mentions == [DateMention(11, 20, "last year", "2021", True)]


def test_fast_enough() -> None:
    sentences = [
        "The ransomware gang struck the hospital on 26 May 2021, officials said on Monday.",
        "Der Angriff wurde im vergangenen Jahr mit Hilfe der Polizei entdeckt, die Ermittlungen laufen.",
        "L'entreprise a été victime d'une cyberattaque il y a deux jours, selon un communiqué.",
        "Nessun dato è stato sottratto, ha dichiarato l'azienda in una nota diffusa ieri.",
    ] * 500
    find_dates("warm-up", "en")
    for language in ("de", "fr", "it"):
        find_dates("warm-up", language)
    languages = ("en", "de", "fr", "it") * 500
    started = time.perf_counter()
    for sentence, language in zip(sentences, languages, strict=True):
        find_dates(sentence, language, BASE)
    assert time.perf_counter() - started < 1.0  # at least 2,000 sentences per second


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "It happened last week, and again this week.", [("last week", "2022-07"), ("this week", "2022-07")]),
    ("fr", "C'est arrivé la semaine dernière, puis cette semaine.",
     [("la semaine dernière", "2022-07"), ("cette semaine", "2022-07")]),
    ("de", "Es geschah letzte Woche und vergangene Woche.",
     [("letzte Woche", "2022-07"), ("vergangene Woche", "2022-07")]),
    ("it", "È successo la settimana scorsa e questa settimana.",
     [("la settimana scorsa", "2022-07"), ("questa settimana", "2022-07")]),
    ("es", "Ocurrió la semana pasada y esta semana.", [("la semana pasada", "2022-07"), ("esta semana", "2022-07")]),
    ("nl", "Het gebeurde vorige week en deze week.", [("vorige week", "2022-07"), ("deze week", "2022-07")]),
])
def test_weeks_give_the_month_of_their_middle_day(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    """CLDR's relative week phrases; a week is no day, so it is given as a month."""
    assert found(text, language) == expected
    assert found(text, language, base=None) == []


def test_last_week_at_the_turn_of_a_month_is_the_month_of_its_thursday() -> None:
    assert found("It happened last week.", "en", date(2022, 8, 2)) == [("last week", "2022-07")]
    assert found("It happened last week.", "en", date(2022, 8, 8)) == [("last week", "2022-08")]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Hackers struck on Monday; the police were told yesterday, two days ago or last week."),
    ("fr", "Les pirates ont frappé lundi ; la police a été prévenue hier, il y a deux jours ou la semaine dernière."),
    ("de", "Die Hacker schlugen am Montag zu; die Polizei erfuhr es gestern, vor zwei Tagen oder letzte Woche."),
    ("it", "Gli hacker hanno colpito lunedì; la polizia lo ha saputo ieri, due giorni fa o la settimana scorsa."),
    ("es", "Los piratas atacaron el lunes; la policía lo supo ayer, hace dos días o la semana pasada."),
    ("nl", "De hackers sloegen maandag toe; de politie hoorde het gisteren, twee dagen geleden of vorige week."),
])
def test_days_counted_from_a_month_are_that_month(language: str, text: str) -> None:
    """A publication date known to the month ("2021-05") gives "Monday" or "yesterday" to the month only."""
    mentions = find_dates(text, language, Reference.parse("2021-05"))
    assert len(mentions) == 4
    assert {m.value for m in mentions} == {"2021-05"}


def test_a_guessed_reference_counts_no_days_but_dates_months_and_years() -> None:
    guessed = Reference(date(2022, 2, 10), guessed=True)
    text = ("Hackers struck on Monday, last week, three days ago, yesterday; "
            "it began last year, in March, on 4 February.")
    assert [(m.text, m.value) for m in find_dates(text, "en", guessed)] == [
        ("last year", "2021"), ("March", "2022-03"), ("4 February", "2022-02-04")]


@pytest.mark.parametrize(("value", "expected"), [
    ("2021-05-20", Reference(date(2021, 5, 20))),
    ("2021-05-20T10:30:00Z", Reference(date(2021, 5, 20))),
    ("2021-05", Reference(date(2021, 5, 15), 7)),
    ("2021", Reference(date(2021, 7, 1), 4)),
    ("2021-13", None),
    ("Tue, 11 May 2021", None),
    ("", None),
    (None, None),
])
def test_reference_from_a_publication_date(value: str | None, expected: Reference | None) -> None:
    assert Reference.parse(value) == expected
    if expected:
        assert expected.iso == value[:expected.precision]  # type: ignore[index]


@pytest.mark.parametrize(("values", "expected"), [
    ([], None),
    (["2021-05-07", "2021-05"], "2021-05-07"),
    (["2019", "2019-04", "2019-06-02"], "2019-04"),
    (["2018", "2019-04"], "2018"),
    (["2021-05-07", "2021-04-30"], "2021-04-30"),
])
def test_earliest_is_refined_by_the_finer_dates_it_contains(values: list[str], expected: str | None) -> None:
    assert earliest(values) == expected


@pytest.mark.parametrize(("value", "bound", "later"), [
    ("2021-06", "2021-05-20", True),
    ("2021-05-28", "2021-05-20", True),
    ("2021-05-28", "2021-05", False),
    ("2021", "2021-05-20", False),
    ("2020-12", "2021", False),
])
def test_later_than_compares_at_the_precision_both_have(value: str, bound: str, later: bool) -> None:
    assert later_than(value, bound) is later
