"""An unnamed office holder is listed only with the body they speak for ("a spokesman for the
ministry", "le porte-parole de l'armée", "Ghana's finance minister"); a bare role noun with no
body and no name ("officials said", "a déclaré le commandant") names nobody, as an anonymous
source does, and is not listed (review 13 defect 3). Sentences written for these tests."""

from __future__ import annotations

import pytest

from sahelreader.sources import extract_citations


def names(text: str, language: str) -> list[str]:
    return [c.name for c in extract_citations(text, language)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The road to Gao reopened on Friday, a regional administrator said.", "en"),
        ("Administrators said the curfew would be lifted next week.", "en"),
        ("Earlier on Tuesday, commanders said the camp had been cleared.", "en"),
        ("The convoy left at dawn, according to a senior commander.", "en"),
        ("« Le pont est coupé », a expliqué le commandant.", "fr"),
        ("Plusieurs préfets ont affirmé que les écoles resteraient fermées.", "fr"),
        ("Les marchés rouvriront lundi, selon un responsable.", "fr"),
    ],
)
def test_a_bare_role_names_nobody(text: str, language: str) -> None:
    assert names(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("A spokesman for the ministry said the border would stay closed.", "en", "ministry"),
        ("Le porte-parole de l'armée a affirmé que la ville était sous contrôle.", "fr", "armée"),
        ("Ghana's finance minister said the budget would be revised.", "en", "Ghana's"),
        (
            "Un haut responsable du ministère de la défense a indiqué que le dialogue reprendrait.",
            "fr",
            "ministère de la défense",
        ),
    ],
)
def test_a_role_with_its_body_is_listed(text: str, language: str, expected: str) -> None:
    found = names(text, language)
    assert len(found) == 1 and expected in found[0], found


def test_the_bare_role_later_counts_for_the_role_with_its_body() -> None:
    text = (
        "Le porte-parole du ministère de la santé a confirmé trois décès. "
        "« La situation reste préoccupante », a ajouté le porte-parole."
    )
    cited = extract_citations(text, "fr")
    assert [(c.name, c.count) for c in cited] == [("porte-parole du ministère de la santé", 2)] or (
        len(cited) == 1 and cited[0].count == 2
    ), [(c.name, c.count) for c in cited]


@pytest.mark.parametrize(
    "text",
    [
        "Quand Mahamadou Issoufou a déclaré que la crise était finie, personne n'a applaudi.",
        "Puisque Aminata Traoré a affirmé que le projet échouerait, le débat a repris.",
        "Ensuite Oumar Sangaré a indiqué que les travaux commenceraient en mai.",
    ],
)
def test_a_french_conjunction_opening_the_sentence_is_not_in_the_name(text: str) -> None:
    found = names(text, "fr")
    assert found and all(n.split()[0] not in ("Quand", "Puisque", "Ensuite") for n in found), found


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("A police spokeswoman said two suspects were held.", "en", "police spokeswoman"),
        ("The Ghanaian president said the talks had failed.", "en", "Ghanaian president"),
    ],
)
def test_a_role_named_with_its_body_before_it_is_listed(
    text: str, language: str, expected: str
) -> None:
    found = names(text, language)
    assert len(found) == 1 and expected in found[0], found
