"""Institutions cited by a common noun: a head noun alone ("the army", "la junte", "le régime",
"the government", "the ministry", "les autorités") does not name an organisation and is not
listed; the same noun with words that say which body it is ("the Malian army", "Niger's army",
"the defence ministry", "the government of Chad", "l'armée malienne", "le ministère de la
Défense") is, and a later bare mention counts for it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from sahelreader.sources import extract_citations


def organisations(text: str, language: str | None = None) -> dict[str, int]:
    return {c.name: c.count for c in extract_citations(text, language) if c.kind == "organisation"}


@pytest.mark.parametrize(
    "text",
    [
        "La junte a dénoncé l'accord de défense.",
        "Le régime a annoncé l'expulsion de l'ambassadeur.",
        "Selon la junte, l'accord est caduc.",
        "D'après le régime, il n'y a pas eu de victimes.",
        "Le gouvernement a annoncé la fermeture des écoles.",
        "L'armée a indiqué que le camp avait été repris.",
        "Selon les autorités, le bilan est lourd.",
        "Les autorités de transition ont annoncé la dissolution des partis.",
        "La junte militaire a indiqué que les élections étaient reportées.",
    ],
)
def test_french_common_nouns_alone_are_not_organisations(text: str) -> None:
    assert organisations(text, "fr") == {}


@pytest.mark.parametrize(
    "text",
    [
        "The government said it would act within a week.",
        "The army said twelve militants were killed.",
        "The ministry said the vaccine stock was sufficient.",
        "Authorities said the curfew would be lifted.",
        "The ruling junta said elections were delayed.",
        "The ceasefire holds, according to local authorities.",
        "The regime said the protests were illegal.",
        "Its army said the convoy was attacked.",
        "The army in Gao said the market was calm.",
    ],
)
def test_english_common_nouns_alone_are_not_organisations(text: str) -> None:
    assert organisations(text, "en") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Malian army said the base was retaken.", "Malian army"),
        ("Nigerien authorities said the road was closed.", "Nigerien authorities"),
        ("Niger's army said the convoy was attacked.", "Niger's army"),
        ("The government of Chad said talks would resume.", "government of Chad"),
        ("The Ministry of Defence said two drones were shot down.", "Ministry of Defence"),
        ("The interior ministry said two officers were hurt.", "interior ministry"),
        ("The US embassy said it would close on Friday.", "US embassy"),
        ("The border is shut, according to the Burkinabe army.", "Burkinabe army"),
    ],
)
def test_english_named_bodies(text: str, expected: str) -> None:
    assert expected in organisations(text, "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'armée malienne a indiqué que le camp était repris.", "armée malienne"),
        ("Selon les autorités nigériennes, la route est fermée.", "autorités nigériennes"),
        ("La junte burkinabè a annoncé la suspension de RFI.", "junte burkinabè"),
        ("Le ministère de la Défense a annoncé deux morts.", "ministère de la Défense"),
        ("Le ministère de l'intérieur a annoncé un couvre-feu.", "ministère de l'intérieur"),
        ("Selon le gouvernement du Niger, la route est rouverte.", "gouvernement du Niger"),
        (
            "Le gouvernement de la région de Tahoua a annoncé la fermeture des écoles.",
            "gouvernement de la région de Tahoua",
        ),
    ],
)
def test_french_named_bodies(text: str, expected: str) -> None:
    assert expected in organisations(text, "fr")


def test_a_bare_mention_counts_for_the_named_body_before_it() -> None:
    text = (
        "The Malian army said the base was retaken on Monday. "
        "The army later said two soldiers had died."
    )
    assert organisations(text) == {"Malian army": 2}
    text = "L'armée nigérienne a annoncé l'opération. Selon l'armée, dix assaillants sont morts."
    assert organisations(text, "fr") == {"armée nigérienne": 2}


def test_a_bare_mention_before_the_named_body_counts_for_it() -> None:
    text = "La junte a dénoncé l'accord. La junte malienne a indiqué qu'elle partirait."
    assert organisations(text, "fr") == {"junte malienne": 2}


def test_a_bare_mention_goes_to_the_nearest_named_body_before_it() -> None:
    text = (
        "The Malian army said the town was calm. The French army said its troops had left. "
        "The army said later that patrols continued."
    )
    assert organisations(text) == {"Malian army": 1, "French army": 2}
