"""Mistakes found on the second Sahel DEV batch (bench/dev/sahel2.json), each tested on
sentences written for these tests: the names are invented or generic, so only the rule types
them. The lists and rules alone, plus the default recogniser where the tagger could differ."""

from __future__ import annotations

import pytest

from .entity_helpers import DEFAULT, RULES, found

# --- a title word ending a sentence does not take the full stop as its abbreviation dot ------


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("Le juge a rendu la garde à la chanteuse. En juin, Mme Kessaro est rentrée.", "fr", "En"),
        (
            "Le club a limogé son entraîneur. Selon la presse, Mme Kessaro l'a appris.",
            "fr",
            "Selon",
        ),
        ("The band thanked the singer. After that, Ms Kessaro flew home.", "en", "After"),
    ],
)
def test_a_title_word_at_a_sentence_end_does_not_make_the_next_word_a_name(
    text: str, language: str, word: str
) -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, text, language)
        assert not any(name == word for name, _ in names), names
        assert ("Kessaro", "person") in names


def test_an_abbreviated_title_still_takes_its_dot() -> None:
    assert ("Amadou Kessaro", "person") in found(
        RULES, "Le Dr. Amadou Kessaro a soigné 40 blessés.", "fr"
    )
    assert ("Kessaro", "person") in found(RULES, "Une lettre de Mme. Kessaro est arrivée.", "fr")


# --- sites: a stadium, an airport, a hospital, a prison, a palace -----------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("L'avion s'est posé à l'aéroport Amadou Kessaro jeudi soir.", "aéroport Amadou Kessaro"),
        ("Le match se jouera au stade Issa Tamboura samedi.", "stade Issa Tamboura"),
        (
            "Les blessés sont soignés à l'hôpital Gabriel Kessaro depuis lundi.",
            "hôpital Gabriel Kessaro",
        ),
    ],
)
def test_a_site_named_after_someone_is_a_place_with_its_head_noun(text: str, name: str) -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, text, "fr")
        assert (name, "place") in names, names
        assert not any(kind == "person" for _, kind in names), names


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Il a passé deux ans dans la prison de Kessoum avant son procès.", "Kessoum"),
        ("Les assaillants se sont repliés vers la forêt de Tamboura.", "Tamboura"),
        ("Le marché de Dagouma a été incendié dans la nuit.", "Dagouma"),
        ("Les vols vers l'aéroport de Kessoum sont suspendus.", "Kessoum"),
    ],
)
def test_the_town_a_prison_forest_or_market_is_named_after_is_a_place(text: str, town: str) -> None:
    assert (town, "place") in found(RULES, text, "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Les consultations se tiendront au Palais du Peuple de mardi à vendredi.",
        "Le ministre a été reçu au Palais de la Nation, mardi.",
    ],
)
def test_a_capitalised_palace_name_is_one_place(text: str) -> None:
    name = "Palais du Peuple" if "Peuple" in text else "Palais de la Nation"
    names = found(RULES, text, "fr")
    assert (name, "place") in names, names
    assert ("Palais", "place") not in names


# --- French organisation names written in lower case ------------------------------------------


def test_a_lower_case_name_its_acronym_defines_is_an_organisation_there_and_later() -> None:
    text = (
        "Le réseau sahélien des éleveurs nomades (RESEN) dénonce les saisies de bétail. "
        "Selon le président du réseau sahélien des éleveurs nomades, 300 bêtes ont été prises."
    )
    for recogniser in (RULES, DEFAULT):
        spans = [(e.text, e.type) for e in recogniser.recognise(text, "fr")]
        assert spans.count(("réseau sahélien des éleveurs nomades", "organisation")) == 2, spans
        assert ("RESEN", "organisation") in spans


@pytest.mark.parametrize(
    "text",
    [
        "La coordination des comités de veille (CCV) appelle au calme à Tamba.",
        "Le comité national de suivi des accords (CNSA) s'est réuni lundi.",
    ],
)
def test_other_organisation_nouns_defined_by_an_acronym(text: str) -> None:
    name = text[text.index(" ") + 1 : text.index(" (")]
    assert (name, "organisation") in found(RULES, text, "fr")


def test_an_acronym_that_does_not_abbreviate_the_words_makes_no_name() -> None:
    text = "Le comité de crise (AFP) s'est réuni lundi à Tamba."
    assert not any(
        kind == "organisation" and "comité" in name for name, kind in found(RULES, text, "fr")
    )


def test_a_listed_organisation_written_in_lower_case() -> None:
    text = "Selon l'organisation mondiale de la santé, l'épidémie recule au Niger."
    assert ("organisation mondiale de la santé", "organisation") in found(RULES, text, "fr")
    # two words are not enough: too many lower-case pairs are common phrases
    assert not any(
        "union" in name for name, _ in found(RULES, "Une union africaine des éleveurs.", "fr")
    )


# --- a compound first name makes a person, whatever the tagger reads ------------------------


class _PlaceTagger:
    """A stand-in tagger that scores every guessed name a place."""

    def type_scores(self, *_: object) -> dict[str, int]:
        return {"place": 10, "person": 0, "organisation": 0}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Joint par la radio, Abdoul-Aziz Kessaro, chef de mission, rassure.",
            "Abdoul-Aziz Kessaro",
        ),
        ("Selon Mohamed-Lamine Tamboura, trois villages ont été vidés.", "Mohamed-Lamine Tamboura"),
    ],
)
def test_a_compound_first_name_makes_a_firm_person(text: str, name: str) -> None:
    from sahelreader.entities.gazetteer import load
    from sahelreader.entities.recogniser import _Document

    document = _Document(text, load(), "fr")
    entities = document.run(_PlaceTagger())  # type: ignore[arg-type]
    assert (name, "person") in {(e.text, e.type) for e in entities}


# --- a French headline is in sentence case, however many names it holds ----------------------


def test_a_name_dense_french_headline_is_read_as_prose() -> None:
    text = "Attaque meurtrière à Kessoum Dagouma au Niger\n\nLes habitants ont fui vers le sud."
    assert ("Kessoum Dagouma", "place") in found(RULES, text, "fr")


def test_an_english_title_case_headline_still_trusts_the_lists_only() -> None:
    text = "Mali Junta Frees Amadou Kessaro\n\nThe people fled south."
    assert found(RULES, text, "en") == {("Mali", "place")}


# --- the two Congos by their capitals --------------------------------------------------------


def test_the_congos_named_with_their_capitals_are_one_place_each() -> None:
    text = "Le Congo Brazzaville et le Congo-Kinshasa ont annulé leur saison, tout comme le Gabon."
    names = found(RULES, text, "fr")
    assert ("Congo Brazzaville", "place") in names
    assert ("Congo-Kinshasa", "place") in names
    assert ("Brazzaville", "place") not in names


# --- a French plural descriptor names two organisations ---------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Les clubs égyptiens Kessra et Al Doumya ont gagné à l'extérieur.", "Kessra", "Al Doumya"),
        ("Les partis Kessa et Tamboura boycottent le scrutin de dimanche.", "Kessa", "Tamboura"),
        ("Les sociétés minières Tamco et Sahelor ont signé l'accord.", "Tamco", "Sahelor"),
    ],
)
def test_names_after_a_french_plural_descriptor_are_organisations(
    text: str, first: str, second: str
) -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, text, "fr")
        assert (first, "organisation") in names, names
        assert (second, "organisation") in names, names


def test_a_singular_descriptor_does_not_reach_over_et() -> None:
    names = found(RULES, "Le groupe Tamco et Amadou Kessaro ont signé l'accord.", "fr")
    assert ("Tamco", "organisation") in names
    assert ("Amadou Kessaro", "person") in names


# --- a listed acronym written as a word, as the BBC writes them ------------------------------


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Ecowas leaders will meet in Abuja next week.", "Ecowas", "en"),
        ("Troops of Minusma have left the base near the river.", "Minusma", "en"),
        ("La Cemac et la Beac ont tenu leur sommet à Douala.", "Cemac", "fr"),
    ],
)
def test_a_listed_acronym_written_as_a_word_is_the_organisation(
    text: str, name: str, language: str
) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (name, "organisation") in found(recogniser, text, language)


def test_a_short_acronym_written_as_a_word_is_left_alone() -> None:
    # FACT is a listed Chadian rebel group; "Fact check" is not
    assert not found(RULES, "Fact check: the minister's figures were wrong.", "en")


def test_a_town_and_rangers_name_a_club() -> None:
    for text, club in [
        ("Il entraîne les Kano Rangers depuis la fin de la saison.", "Kano Rangers"),
        ("The striker joined Tamale Rangers on loan.", "Tamale Rangers"),
    ]:
        names = found(RULES, text, "fr" if "Il " in text else "en")
        assert (club, "organisation") in names, names


def test_a_plural_descriptor_before_one_name_does_not_retype_a_person() -> None:
    text = (
        'Le milliardaire Amadou Kessaro a disparu. Les actions des sociétés "Kessaro" ont '
        "baissé. Après la réunion, Kessaro a complètement disparu."
    )
    spans = [(e.text, e.type) for e in RULES.recognise(text, "fr")]
    assert ("Kessaro", "organisation") not in spans, spans


# --- a compound French organisation head ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Le Haut-commissariat aux réfugiés du Kessoum compte 3 000 familles.",
            "Haut-commissariat aux réfugiés du Kessoum",
        ),
        ("Le Haut-Conseil pour la paix a été dissous lundi.", "Haut-Conseil pour la paix"),
    ],
)
def test_a_compound_head_starts_a_french_organisation(text: str, name: str) -> None:
    assert (name, "organisation") in found(RULES, text, "fr")


def test_a_compound_region_name_stays_a_place() -> None:
    names = found(RULES, "Il a vécu dans la Haute-Kessoumie et le Haut-Tamba.", "fr")
    assert not any(kind == "organisation" for _, kind in names), names
