"""Company legal forms ("AG", "GmbH", "S.p.A.", "Ltd", "NV"), from cleanco's list of the terms by country.

A name that ends in one names a registered company: a firm that was hit, or one that reports, never a gang of
attackers, whatever "group" stands before it ("German logistics group Halvorn Logistik AG"). cleanco keeps the
list per country and type of company; the terms are read as written at the end of a name, where a capital or a
period tells them from the common words some of them are ("as", "et", "da").
"""

from __future__ import annotations

from cleanco.termdata import terms_by_type

from cybertrack.tables import table


@table
def legal_forms() -> tuple[frozenset[str], frozenset[str]]:
    """Every legal form cleanco lists, casefolded, and those it writes with periods without them ("s.p.a." as
    "spa")."""
    terms = frozenset(" ".join(term.casefold().split()) for found in terms_by_type.values() for term in found)
    return terms, frozenset(term.replace(".", "") for term in terms if "." in term) - terms


def ends_in_legal_form(name: str) -> bool:
    """The name's last word (or two: "Pty Ltd") is a legal form, written with a capital or a period ("Halvorn
    Logistik AG", "Lutrex S.p.A.", "Lutrex Ltd"); a lower-case word at the end is none ("Korvan et"). A form cleanco
    writes with periods counts without them only in capitals or inner capitals ("Lutrex SpA", "Kettleby BV"): in
    title case it is a word of a name ("Jan Vos", not "v.o.s.")."""
    words = name.split()
    listed, unpunctuated = legal_forms()
    for length in (2, 1):
        if len(words) <= length:
            continue
        tail = words[-length:]
        written, last = " ".join(tail).casefold(), tail[-1]
        if written in listed and (last[:1].isupper() or "." in last):
            return True
        if written in unpunctuated and last[:1].isupper() and last != last.capitalize():
            return True
    return False
