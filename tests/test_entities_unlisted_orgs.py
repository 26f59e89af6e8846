"""Organisations no list holds, found whole and typed as organisations on any English text
(issue 14, "Entities on any news, not just the names we listed"): clubs and bands named by a
plural after "the", names opened by a word that usually starts sentences ("All", "First",
"One", "Old") when an organisation word ends them, newspapers' head words, "X News", "X
United", a plural's possessive inside a body's name, a name before "spokesperson" or
"shareholders", an organisation word alone after "the" for the text's body; and the
well-known companies, regulators, movements and African clubs now listed. Sentences and
invented names written for these tests."""

from __future__ import annotations

import pytest

from sahelreader.entities import Recogniser

from .entity_helpers import DEFAULT, RULES, found


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a capitalised plural after "the": a club, a band or a movement
        ("He played two seasons for the Harwick Colts before retiring.", "Harwick Colts"),
        ("The match between the Dunmore Falcons and the Tessel Rams was close.", "Tessel Rams"),
        ("She first toured with the Velvet Lanterns in 1998.", "Velvet Lanterns"),
        # an opener that is usually a stop word, when an organisation word ends the name
        ("She studied at All Hallows College in the north.", "All Hallows College"),
        ("The loan came from First Kessel Bank last spring.", "First Kessel Bank"),
        ("A donation from One Harvest Foundation paid for the wells.", "One Harvest Foundation"),
        ("He was a member of the Tamberly First Party for years.", "Tamberly First Party"),
        # newspapers
        ("The Brenford Sentinel reported the fire on Monday.", "Brenford Sentinel"),
        ("According to the Kessel Valley Inquirer, the mayor resigned.", "Kessel Valley Inquirer"),
        ("The Harlow Evening News said the plant would close.", "Harlow Evening News"),
        # clubs named "X United"
        ("He scored twice for Tamberly United on Saturday.", "Tamberly United"),
    ],
)
def test_unlisted_organisation(recogniser: Recogniser, text: str, name: str) -> None:
    assert (name, "organisation") in found(recogniser, text)


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # an award, a leak or a sporting event named by a plural is no organisation
        ("She won two Kessel Awards last year.", "Kessel Awards"),
        ("The film swept the Tamber Awards on Sunday.", "Tamber Awards"),
        ("Reporters studied the Harwick Papers for months.", "Harwick Papers"),
        ("He ran at the Dunmore Games in July.", "Dunmore Games"),
        # openers without an organisation word stay out of the name
        ("All Kessel residents were told to leave.", "All Kessel"),
        ("First Tamber said it would stay.", "First Tamber"),
    ],
)
def test_not_an_organisation(recogniser: Recogniser, text: str, absent: str) -> None:
    assert all(t != absent for t, _ in found(recogniser, text))


def test_news_inside_a_name_needs_a_name_before_it() -> None:
    # "News" starts headlines: after a stop word it is no part of a name
    names = {t for t, _ in found(RULES, "Breaking News: floods reach Tamberly.")}
    assert "Breaking News" not in names


def test_plural_after_a_capitalised_the_inside_a_sentence_is_a_title() -> None:
    # "author of The Brutish Clocks": a book's title (MISC), not a band
    text = "She is the author of The Brutish Clocks, a history of the trade."
    for recogniser in (RULES, DEFAULT):
        assert all(t != "Brutish Clocks" for t, _ in found(recogniser, text))


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
def test_plural_title_in_quotes_is_no_organisation(recogniser: Recogniser) -> None:
    text = 'Critics called "The Kessel Lanterns" the best film of the year.'
    assert all(t != "Kessel Lanterns" for t, _ in found(recogniser, text))


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
def test_plural_after_the_types_other_mentions(recogniser: Recogniser) -> None:
    # a mention without "the" follows the one after "the" (not a two-word person guess)
    text = (
        "She toured with the Tessa Sparrows in 1994. Critics compared Tessa Sparrows to "
        "the bands of the sixties."
    )
    assert found(recogniser, text) >= {("Tessa Sparrows", "organisation")}
    assert ("Tessa Sparrows", "person") not in found(recogniser, text)


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
def test_organisation_word_alone_after_the_names_the_body_named_before(
    recogniser: Recogniser,
) -> None:
    text = (
        "The Tessaly League of Rights was founded in 1952. Critics said the League spread "
        "conspiracy theories, and the League denied it."
    )
    names = found(recogniser, text)
    assert ("Tessaly League of Rights", "organisation") in names
    assert ("League", "organisation") in names


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize(
    "text",
    [
        # no body with that word before: a common noun capitalised
        "Voters in Tessaly elected a new Council. The League plans were dropped.",
        # a number or "of" after it: a longer name, not the short one
        "The Kessel Radio Network grew. He starred in the Radio 4 drama last year.",
    ],
)
def test_organisation_word_alone_without_its_body(recogniser: Recogniser, text: str) -> None:
    names = {t for t, _ in found(recogniser, text)}
    assert "League" not in names
    assert "Radio" not in names


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize(
    "name", ["Spotify", "Vodafone", "Safaricom", "Maersk", "BlackRock", "Universal Music"]
)
def test_well_known_companies_are_listed(recogniser: Recogniser, name: str) -> None:
    # named without a descriptor before a verb, they were guessed people
    text = f"Shares rose after {name} said on Tuesday that talks would continue."
    assert (name, "organisation") in found(recogniser, text)


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("An Ofkessel spokesperson said the price cap would rise.", "Ofkessel"),
        ("Tamberlo shareholders voted against the deal.", "Tamberlo"),
        ("Former Kesselcorp boss Ann Lee was charged on Friday.", "Kesselcorp"),
        # and the body's later mentions follow
        ("A Zindra spokesman denied it. Zindra said it would appeal.", "Zindra"),
    ],
)
def test_name_before_a_spokesperson_is_an_organisation(
    recogniser: Recogniser, text: str, name: str
) -> None:
    names = found(recogniser, text)
    assert (name, "organisation") in names
    assert (name, "person") not in names


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Putin spokesman Dmitry Peskov said talks were over.", "Putin"),
        ("Zelensky spokesman describes the scene in Kyiv", "Zelensky"),
    ],
)
def test_a_persons_spokesman_is_no_organisation(
    recogniser: Recogniser, text: str, name: str
) -> None:
    assert (name, "organisation") not in found(recogniser, text)


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
def test_headline_common_word_before_boss_is_no_organisation(recogniser: Recogniser) -> None:
    names = {t for t, _ in found(recogniser, "Hospital boss apologises for delays")}
    assert "Hospital" not in names


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize(
    "name", ["Just Stop Oil", "Extinction Rebellion", "Ofcom", "Transport for London"]
)
def test_well_known_bodies_and_movements_are_listed(recogniser: Recogniser, name: str) -> None:
    text = f"On Tuesday, {name} announced new rules for the summer."
    assert (name, "organisation") in found(recogniser, text)


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Kaizer Chiefs and Orlando Pirates drew 1-1 on Saturday.",
            ["Kaizer Chiefs", "Orlando Pirates"],
        ),
        (
            "He left Mamelodi Sundowns for TP Mazembe last year.",
            ["Mamelodi Sundowns", "TP Mazembe"],
        ),
        ("The Super Eagles beat the Black Stars in the final.", ["Super Eagles", "Black Stars"]),
    ],
)
def test_african_clubs_and_teams_are_listed(
    recogniser: Recogniser, text: str, names: list[str]
) -> None:
    found_names = found(recogniser, text)
    for name in names:
        assert (name, "organisation") in found_names


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
def test_new_england_is_one_place_and_opens_a_clubs_name(recogniser: Recogniser) -> None:
    names = found(recogniser, "He grew up in New England and played for the New England Harriers.")
    assert ("New England", "place") in names
    assert ("New England Harriers", "organisation") in names


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Kessel is ill, say the Professional Tamberers' Association.",
            "Professional Tamberers' Association",
        ),
        ("The Kessel Farmers’ Federation said prices fell.", "Kessel Farmers’ Federation"),
    ],
)
def test_plural_possessive_inside_a_bodys_name(
    recogniser: Recogniser, text: str, name: str
) -> None:
    assert (name, "organisation") in found(recogniser, text)


@pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])
def test_plural_after_the_is_no_organisation_when_a_person_ends_the_run(
    recogniser: Recogniser,
) -> None:
    text = "He spoke to the Kessel Research Paul T. Hollis about it."
    assert all(t != "Kessel Research Paul T. Hollis" for t, _ in found(recogniser, text))


def test_a_persons_plural_possessive_does_not_join_a_body() -> None:
    names = {t for t, _ in found(RULES, "Fans say Britney Kessels' Project Rose is a code.")}
    assert "Britney Kessels' Project Rose" not in names
