"""Company legal forms, from cleanco's maintained list: a name ending in one names a registered company."""

from __future__ import annotations

import pytest

from cybertrack.knowledge.legal_forms import ends_in_legal_form


@pytest.mark.parametrize("name", ["Halvorn Logistik AG", "Lutrex S.p.A.", "Lutrex SpA", "Kettleby BV",
                                  "Kettleby Pty Ltd", "Norvale Ltd", "Brindle SAS", "Veldmark GmbH"])
def test_a_name_ending_in_a_legal_form_names_a_company(name: str) -> None:
    assert ends_in_legal_form(name)


@pytest.mark.parametrize("name", ["Jan Vos", "Korvan et", "Lazarus Group", "Piet Kramer", "AG", "Brindle Sas"])
def test_a_surname_a_lower_case_word_or_a_form_alone_is_none(name: str) -> None:
    """ "Vos" is a surname though "v.o.s." is a Czech form: a form written without its periods counts only in
    capitals; a form alone names nobody."""
    assert not ends_in_legal_form(name)
