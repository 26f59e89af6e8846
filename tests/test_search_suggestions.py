""" "Did you mean": the suggested word as the articles write it, accents included."""

from __future__ import annotations

from sahelreader.library import Library

from .conftest import draft


def test_a_suggestion_keeps_the_accents_the_articles_write(library: Library) -> None:
    library.add_drafts(
        [
            draft("Goïta reçoit les chefs", "Le colonel Assimi Goïta a reçu les chefs à Koulouba."),
            draft("Sécurité à Ménaka", "La sécurité reste fragile à Ménaka, selon les habitants."),
        ]
    )
    library.ensure_index()
    assert library.search("goitta").suggestion == "goïta"
    assert library.search("securte menaka").suggestion == "sécurité menaka"
    assert library.search("koulouba").suggestion is None  # found: nothing to suggest


def test_a_word_written_without_accents_is_suggested_so(library: Library) -> None:
    library.add_drafts([draft("Bamako market", "Traders in Bamako said prices rose again.")])
    library.ensure_index()
    assert library.search("tradres").suggestion == "traders"


def test_a_misspelt_name_after_an_entity_field_gets_the_fields_nearest_name(
    library: Library,
) -> None:
    library.add_drafts(
        [
            draft("Curfew in Niamey", "The governor of Niamey announced a curfew on Sunday."),
            draft("Goïta in Bamako", "Colonel Assimi Goïta spoke in Bamako on Monday."),
        ]
    )
    library.ensure_index()
    assert library.search("place:niamy").suggestion == "place:niamey"
    assert library.search("person:goitta").suggestion == "person:goïta"
    assert library.search("place:niamey").suggestion is None  # found
    assert library.search("place:zzqqxx").suggestion is None  # nothing near


def test_a_short_word_is_only_suggested_one_edit_away(library: Library) -> None:
    """Two edits from a four-letter acronym reach common words: "aqmi" is no "army"."""
    library.add_drafts(
        [
            draft("Army convoy", "The Kenya Army said a convoy reached Garissa."),
            draft("Dorsa market", "Traders at the Dorsa market met the army."),
        ]
    )
    library.ensure_index()
    assert library.search("organisation:aqmi").suggestion is None
    assert library.search("aqmi").suggestion is None
    assert library.search("doraa").suggestion == "dorsa"  # one edit still proposed


def test_a_quoted_name_gets_the_nearest_whole_name_of_its_type(library: Library) -> None:
    library.add_drafts(
        [
            draft(
                "Herders leave Bobo-Dioulasso",
                "Herders left Bobo-Dioulasso for Goma and the Gourma plains this week.",
            ),
        ]
    )
    library.ensure_index()
    assert library.search('place:"Bobo-Dioulaso"').suggestion == 'place:"bobo dioulasso"'
    # Not a word of the name replaced by another name's word ("Bobo-goma").
    assert library.search('place:"Bobo-Gomma"').suggestion in (None, 'place:"bobo dioulasso"')
    assert library.search('place:"Bobo-Dioulasso"').suggestion is None  # found


def test_a_name_the_recogniser_knows_is_proposed_before_a_commoner_word_as_near(
    library: Library,
) -> None:
    """Among words as near, a word of a name the bundled lists know (a Sahel town, a leader)
    is proposed before one in more articles (review 14: "niamy" proposed "niamh", an Irish
    first name, in a library with more articles naming a Niamh than naming Niamey)."""
    library.add_drafts(
        [draft("Curfew in Niamey", "The governor of Niamey announced a curfew on Sunday.")]
        + [
            draft(f"Choir concert {n}", f"Soprano Niamh Kelly sang at concert {n} in Cork.")
            for n in range(4)
        ]
        + [draft("Bazoum's party meets", "Supporters of Mohamed Bazoum met in Zinder.")]
        + [draft(f"Club night {n}", f"DJ Bazoo played the late set, night {n}.") for n in range(4)]
    )
    library.ensure_index()
    assert library.search("niamy").suggestion == "niamey"
    assert library.search("bazom").suggestion == "bazoum"
    assert library.search("niamh").suggestion is None  # found: nothing to suggest


def test_after_an_entity_field_a_known_name_is_proposed_before_a_commoner_one(
    library: Library,
) -> None:
    """`person:tiany` proposed `person:tiny` (a rapper's name, in more articles) before the
    general Tiani; `place:agadz` Agadez, not a commoner place one edit away."""
    library.add_drafts(
        [draft("Tiani in Agadez", "General Abdourahamane Tiani visited Agadez on Monday.")]
        + [
            draft(f"Gig {n}", f"Rapper Tiny Tempah played in Agadaz, a bar, night {n}.")
            for n in range(4)
        ]
    )
    library.ensure_index()
    assert library.search("person:tiany").suggestion == "person:tiani"
    assert library.search("place:agadz").suggestion == "place:agadez"
