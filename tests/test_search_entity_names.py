"""Entity searches as an analyst makes them: a person under a longer or shorter form of the
same name, and the articles about an entity ranked above those naming it in passing."""

from __future__ import annotations

import pytest

from sahelreader.library import Library
from sahelreader.search.analysis import person_short_key

from .conftest import draft


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Roch Marc Christian Kaboré", "roch kabore"),
        ("Paul-Henri Sandaogo Damiba", "paul henri damiba"),
        ("Mohamed Ould Cheikh El Ghazouani", "mohamed el ghazouani"),
        ("Ursula Gertrud von der Leyen", "ursula von der leyen"),
        ("Iyad Ag Ghaly", None),  # "Ag Ghaly" is the surname: nothing in the middle
        ("Mohammed bin Salman", None),
        ("Assimi Goïta", None),
        ("Goïta", None),
    ],
)
def test_a_persons_name_without_its_middle_names(name: str, short: str | None) -> None:
    assert person_short_key(name) == short


@pytest.fixture
def leaders(library: Library) -> Library:
    library.add_drafts(
        [
            draft(
                "Ouagadougou: a former president questioned",
                "Former president Salif Ibrahim Zongo Sawadogo was questioned in Ouagadougou "
                "on Monday, his lawyer said.",
            ),
            draft(
                "Lawyers for Salif Sawadogo appeal",
                "Lawyers for Salif Sawadogo lodged an appeal in Bobo-Dioulasso.",
            ),
            draft(
                "A minister named",
                "Salif Kaboré Ouédraogo was named minister of water by decree.",
            ),
        ]
    )
    library.ensure_index()
    return library


def _titles(library: Library, query: str) -> list[str]:
    return [hit.title for hit in library.search(query, limit=None).hits]


@pytest.mark.parametrize("query", ['person:"Salif Sawadogo"', 'entity:"Salif Sawadogo"'])
def test_a_short_name_finds_the_article_giving_the_middle_names(
    leaders: Library, query: str
) -> None:
    assert sorted(_titles(leaders, query)) == [
        "Lawyers for Salif Sawadogo appeal",
        "Ouagadougou: a former president questioned",
    ]


def test_the_full_name_finds_the_article_giving_the_short_one(leaders: Library) -> None:
    assert sorted(_titles(leaders, 'person:"Salif Ibrahim Zongo Sawadogo"')) == [
        "Lawyers for Salif Sawadogo appeal",
        "Ouagadougou: a former president questioned",
    ]


def test_another_person_sharing_the_given_name_is_not_found(leaders: Library) -> None:
    assert "A minister named" not in _titles(leaders, 'person:"Salif Sawadogo"')


@pytest.fixture
def lakes(library: Library) -> Library:
    passing = draft(
        "Harvest festival opens in Maradi",
        "The harvest festival opened in Maradi with dancers from Zinder. The organisers said "
        "Lake Chad fishermen had sent smoked fish.",
    )
    about = draft(
        "Lake Chad is shrinking again, fishermen say",
        "Fishermen on Lake Chad say the water has retreated further this year. Lake Chad "
        "once covered far more of the basin, and fishing villages on Lake Chad have moved "
        "south. Officials in Bol, Baga, Bosso, Ngouboua, N'Djamena, Maiduguri and Diffa "
        "met the Lake Chad Basin Commission.",
    )
    library.add_drafts([passing, about])
    library.ensure_index()
    return library


@pytest.mark.parametrize("query", ['place:"Lake Chad"', "place:lake place:chad"])
def test_an_entity_search_ranks_the_article_about_it_first(lakes: Library, query: str) -> None:
    assert _titles(lakes, query)[0] == "Lake Chad is shrinking again, fishermen say"


def test_a_leader_named_by_surname_alone_is_found_by_the_full_name(library: Library) -> None:
    library.add_drafts(
        [
            draft(
                "Niamey : l'ancien chef de l'État reste en détention",
                "L'ancien président Bazoum reste détenu dans sa résidence, selon ses avocats.",
                language="fr",
            ),
            draft(
                "Ouagadougou : retour d'exil",
                "Le lieutenant-colonel Damiba est rentré à Ouagadougou, affirment ses proches.",
                language="fr",
            ),
        ]
    )
    library.ensure_index()
    assert _titles(library, 'person:"Mohamed Bazoum"') == [
        "Niamey : l'ancien chef de l'État reste en détention"
    ]
    assert _titles(library, 'person:"Paul-Henri Sandaogo Damiba"') == [
        "Ouagadougou : retour d'exil"
    ]


def test_an_article_naming_many_places_still_ranks_first_for_the_one_it_is_about(
    library: Library,
) -> None:
    """A report about one country that names many others had a long entity field, and
    articles naming the country once among few names scored above it (length normalisation)."""
    towns = (
        "Agadez, Arlit, Dosso, Maradi, Tahoua, Tillabéri, Zinder, Diffa, Niamey, Bamako, "
        "Gao, Kidal, Ouagadougou, Dori, Djibo, Abuja, Kano, Sokoto, Cotonou, Lomé"
    )
    about = draft(
        "Niger: foreign instructors arrive in Niger",
        f"Instructors arrived in Niger on Monday. Niger's army will train them in {towns}. "
        "Niger says more will come, and Niger's neighbours are watching.",
    )
    passing = [
        draft(f"Market day {n}", f"Traders from Niger came to the Kano market, report {n}.")
        for n in range(4)
    ]
    library.add_drafts([*passing, about])
    library.ensure_index()
    assert _titles(library, 'place:"Niger"')[0] == about.title
    assert _titles(library, "place:niger")[0] == about.title
