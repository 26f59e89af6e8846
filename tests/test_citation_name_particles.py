"""A speaker whose name holds a lowercase particle ("de", "van", "von der") is a speaker: the
particle is part of the name, not a word that rules a person out (review 14).

Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from sahelreader.sources import extract_citations


def speakers(text: str, language: str = "en") -> list[str]:
    return [c.name.split(",")[0] for c in extract_citations(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Le ministre Hamed Koné de Sagara a déclaré que « la route sera rouverte ».",
            "fr",
            "Hamed Koné de Sagara",
        ),
        (
            "« Nous resterons », a affirmé Amina Traoré da Silva à la presse.",
            "fr",
            "Amina Traoré da Silva",
        ),
        ("Pieter van Dijk said the dyke had held through the night.", "en", "Pieter van Dijk"),
        (
            '"The talks will go on," Greta von der Wiese said on Monday.',
            "en",
            "Greta von der Wiese",
        ),
    ],
)
def test_a_name_with_a_particle_is_a_speaker(text: str, language: str, name: str) -> None:
    assert name in speakers(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "The Bank of Ghana said the rate would stay unchanged.",
        "La Banque de France a déclaré que les taux resteraient stables.",
    ],
)
def test_a_body_with_de_or_of_is_still_no_person(text: str) -> None:
    assert not [c for c in extract_citations(text) if c.kind == "official"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("L'économiste Awa Sissoko estime que la reprise sera lente.", "Awa Sissoko"),
        ("« Rien n'est joué », a déclaré l'avocate Mariam Cissé Dembélé.", "Mariam Cissé Dembélé"),
    ],
)
def test_a_noun_after_an_elided_article_is_no_part_of_the_name(text: str, name: str) -> None:
    assert speakers(text, "fr") == [name]


def test_a_capitalised_particle_word_still_opens_a_name() -> None:
    """A capitalised particle ("Ben", "Ould") may open a name: only a lowercase one must sit
    between the name's words."""
    assert "Ben Okafor" in speakers("Ben Okafor said the port would reopen on Friday.")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "« La croissance reviendra », explique Oumar Sangaré, professeur d'économie et "
            "chercheur associé à l'Institut des hautes études rurales et agricoles de Ségou.",
            "fr",
        ),
        (
            '"The harvest is lost," said Ama Boateng, a senior lecturer and researcher in the '
            "department of agricultural economics of the University of Northern Ghana.",
            "en",
        ),
    ],
)
def test_a_role_cut_short_says_so(text: str, language: str) -> None:
    """A long role is cut at a word, marked with "…", and never ends on "de"/"of the"."""
    [cited] = [c for c in extract_citations(text, language) if c.kind == "official"]
    name, role = cited.name.split(", ", 1)
    assert role.endswith("…")
    last = role[:-1].split()[-1].lower()
    assert last not in {"de", "des", "du", "à", "of", "the", "in", "and", "et"}
    assert role[:-1] in text
