"""A French organisation's lower-case body goes on over an adjective placed before its noun
("des petites et moyennes entreprises", "des hautes études", "des jeunes agriculteurs"): the
noun after "petites", "grands", "jeunes"... is the body's noun, not an adjective the body must
end before (user trial: a federation of small and medium firms was cut before its last word).
The name still ends where the sentence goes on ("… entreprises a dénoncé"), and "et les
syndicats" after a body is no part of it. Sentences and invented names written for these
tests."""

from __future__ import annotations

import pytest

from sahelreader.entities import Recogniser

from .entity_helpers import DEFAULT, RULES, found


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "La Fédération nationale des petites et moyennes industries a salué la décision.",
            "Fédération nationale des petites et moyennes industries",
        ),
        (
            "Selon la Chambre sénégalaise des petites et moyennes entreprises, la taxe est lourde.",
            "Chambre sénégalaise des petites et moyennes entreprises",
        ),
        (
            "La Confédération générale des artisans et petits commerçants soutient le projet.",
            "Confédération générale des artisans et petits commerçants",
        ),
        (
            "Le Syndicat national des grands établissements scolaires appelle à la grève.",
            "Syndicat national des grands établissements scolaires",
        ),
        (
            "Les délégués de l'Union des petits exploitants ont voté contre.",
            "Union des petits exploitants",
        ),
        (
            "Il a rencontré la Coordination des jeunes agriculteurs mardi à Kaolack.",
            "Coordination des jeunes agriculteurs",
        ),
        (
            "L'Institut des hautes études de défense publie un rapport.",
            "Institut des hautes études de défense",
        ),
        (
            "L'Union des anciens combattants de Tillabéri proteste.",
            "Union des anciens combattants de Tillabéri",
        ),
        # a lower-case head: a ministry's portfolio
        (
            "Le ministère des Petites et moyennes industries a publié un décret.",
            "ministère des Petites et moyennes industries",
        ),
    ],
)
def test_body_over_an_adjective_before_its_noun(
    recogniser: Recogniser, text: str, name: str
) -> None:
    assert (name, "organisation") in found(recogniser, text, "fr")


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the name ends at its noun, the verb after it is the sentence's
        (
            "La Fédération ivoirienne des petites et moyennes entreprises a dénoncé la réforme.",
            "Fédération ivoirienne des petites et moyennes entreprises",
        ),
        # a plural verb with a noun's ending ("-ment") after a plural adjective's body
        (
            "Les membres de l'Association des jeunes estiment que la réforme tarde.",
            "Association des jeunes",
        ),
        # a day after the body dates the sentence
        (
            "Il a rencontré l'Union des jeunes samedi à Thiès.",
            "Union des jeunes",
        ),
        # "et les syndicats" is another subject, not more of the body
        (
            "L'Association des maires et les syndicats ont protesté.",
            "Association des maires",
        ),
        (
            "La Fédération des petits commerçants et les transporteurs ont protesté.",
            "Fédération des petits commerçants",
        ),
        # names already whole stay so
        (
            "L'Association malienne des producteurs de coton et de riz a tenu son congrès.",
            "Association malienne des producteurs de coton et de riz",
        ),
        (
            "Le Syndicat autonome des travailleurs des mines et carrières a lancé une grève.",
            "Syndicat autonome des travailleurs des mines et carrières",
        ),
    ],
)
def test_body_ends_where_the_sentence_goes_on(recogniser: Recogniser, text: str, name: str) -> None:
    names = found(recogniser, text, "fr")
    assert (name, "organisation") in names
    assert all(t == name or name not in t for t, _ in names)


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The National Association of Small and Medium Enterprises said it was worried.",
            "National Association of Small and Medium Enterprises",
        ),
        (
            "He spoke for the Federation of Small and Medium-sized Industries on Monday.",
            "Federation of Small and Medium-sized Industries",
        ),
    ],
)
def test_english_small_and_medium(recogniser: Recogniser, text: str, name: str) -> None:
    assert (name, "organisation") in found(recogniser, text)
