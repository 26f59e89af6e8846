"""Names of one entity across languages and forms: search, the side panel's rows and counts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sahelreader.config import load_config
from sahelreader.entities.equivalents import Equivalences, equivalence_key
from sahelreader.entities.summary import group_entities
from sahelreader.library import Library
from sahelreader.models import Entity, EntityType

from .conftest import draft


def entity(text: str, kind: EntityType, start: int = 0) -> Entity:
    return Entity(text=text, type=kind, start=start, end=start + len(text))


# -- the keys and the tables ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("The U.N.", "UN"),
        ("l'ONU", "onu"),
        ("l’ONU", "ONU"),
        ("Guinée-Bissau", "guinee bissau"),
        ("Niger’s", "Niger"),
        ("Côte d’Ivoire", "cote d'ivoire"),
    ],
)
def test_names_are_compared_without_case_accents_articles_or_punctuation(
    one: str, other: str
) -> None:
    assert equivalence_key(one) == equivalence_key(other)


@pytest.mark.parametrize(
    ("kind", "one", "other"),
    [
        ("organisation", "ECOWAS", "la CEDEAO"),
        ("organisation", "the UN", "l'ONU"),
        ("organisation", "Nations unies", "United Nations"),
        ("place", "Burkina", "Burkina Faso"),
        ("place", "Ivory Coast", "Côte d'Ivoire"),
        ("place", "Tchad", "Chad"),
        ("place", "RDC", "Democratic Republic of the Congo"),
        ("place", "Royaume-Uni", "Britain"),
        ("person", "Poutine", "Vladimir Putin"),
    ],
)
def test_the_bundled_tables_make_one_entity_of_two_names(
    kind: EntityType, one: str, other: str
) -> None:
    same = Equivalences()
    assert same.key(kind, one) == same.key(kind, other)
    assert other in same.names(kind, one) or equivalence_key(other) in {
        equivalence_key(name) for name in same.names(kind, one)
    }


def test_names_of_different_places_stay_apart() -> None:
    same = Equivalences()
    assert same.key("place", "Niger") != same.key("place", "Nigeria")
    assert same.key("place", "Guinea") != same.key("place", "Guinea-Bissau")
    # A name is grouped only under its own type: "Chad" the person is not the country.
    assert same.names("person", "Tchad") == ()


def test_a_user_group_joins_the_bundled_group_it_shares_a_name_with() -> None:
    same = Equivalences({"Economic Community": ["ECOWAS", "the regional bloc"]})
    names = same.names("organisation", "CEDEAO")
    assert names[0] == "Economic Community"  # the user's name is the one shown
    assert {"regional bloc", "cedeao", "ecowas"} <= {equivalence_key(n) for n in names}
    assert same.key("organisation", "the regional bloc") == same.key("organisation", "CEDEAO")


def test_the_fingerprint_changes_with_the_users_groups() -> None:
    assert Equivalences().fingerprint == Equivalences({}).fingerprint
    assert Equivalences().fingerprint != Equivalences({"Sahel": ["Sahil"]}).fingerprint


# -- the side panel's rows ----------------------------------------------------------------------


def test_two_names_of_one_place_are_one_row_with_both_mentions() -> None:
    groups = group_entities(
        [entity("Burkina", "place"), entity("Burkina Faso", "place", 20), entity("Mali", "place")]
    )
    rows = {(g.name, g.count) for g in groups}
    assert ("Burkina Faso", 2) in rows and ("Mali", 1) in rows and len(groups) == 2


def test_a_french_article_shows_the_name_it_writes() -> None:
    [row] = group_entities(
        [entity("CEDEAO", "organisation"), entity("CEDEAO", "organisation", 30)]
        + [entity("Communauté économique des États de l'Afrique de l'Ouest", "organisation", 60)]
    )
    assert (row.name, row.count) == ("CEDEAO", 3)


def test_the_canonical_name_is_shown_when_the_article_writes_it() -> None:
    [row] = group_entities(
        [entity("UN", "organisation"), entity("UN", "organisation", 9)]
        + [entity("United Nations", "organisation", 30)]
    )
    assert (row.name, row.count) == ("United Nations", 3)


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Pascal Affi Nguessan", "Affi Nguessan"),
        ("Mahamat Saleh Annadif", "Saleh Annadif"),
        ("Jean-Claude Brou Kouassi", "Brou Kouassi"),
    ],
)
def test_a_later_two_word_mention_of_a_person_joins_the_full_name(full: str, short: str) -> None:
    [row] = group_entities([entity(full, "person"), entity(short, "person", 40)])
    assert (row.name, row.count) == (full, 2)


def test_a_short_name_shared_by_two_people_stays_apart() -> None:
    groups = group_entities(
        [
            entity("Ibrahim Traoré", "person"),
            entity("Aminata Dicko Traoré", "person", 30),
            entity("Traoré", "person", 60),
        ]
    )
    assert len(groups) == 3


def test_the_users_equivalence_makes_one_row() -> None:
    same = Equivalences({"Liptako-Gourma": ["Three Borders", "zone des trois frontières"]})
    entities = [entity("Three Borders", "place"), entity("Liptako-Gourma", "place", 30)]
    assert len(group_entities(entities)) == 2
    [row] = group_entities(entities, same)
    assert (row.name, row.count) == ("Liptako-Gourma", 2)


# -- search ----------------------------------------------------------------------------------------


@pytest.fixture
def two_languages(library: Library) -> Library:
    library.add_drafts(
        [
            draft(
                "West African leaders gather",
                "Heads of state of ECOWAS gathered in Accra on Thursday. Burkina stayed away, "
                "and the UN envoy asked N'Djamena to send observers.",
                language="en",
            ),
            draft(
                "La CEDEAO réunie à Abuja",
                "Les chefs d'État de la CEDEAO se sont réunis à Abuja. Le Burkina Faso et le "
                "Tchad n'ont pas envoyé de délégation, a indiqué l'ONU.",
                language="fr",
            ),
            draft(
                "Cocoa prices climb",
                "Farmers in Ivory Coast and Ghana sold their crop early this season.",
                language="en",
            ),
        ]
    )
    library.ensure_index()
    return library


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("organisation:cedeao", {"West African leaders gather", "La CEDEAO réunie à Abuja"}),
        ("organisation:ecowas", {"West African leaders gather", "La CEDEAO réunie à Abuja"}),
        (
            'organisation:"nations unies"',
            {"West African leaders gather", "La CEDEAO réunie à Abuja"},
        ),
        ('place:"burkina faso"', {"West African leaders gather", "La CEDEAO réunie à Abuja"}),
        ("place:chad", {"La CEDEAO réunie à Abuja"}),
        ("place:tchad", {"La CEDEAO réunie à Abuja"}),
        ('place:"côte d\'ivoire"', {"Cocoa prices climb"}),
        ('entity:"ivory coast"', {"Cocoa prices climb"}),
    ],
)
def test_an_entity_is_found_by_any_of_its_names(
    two_languages: Library, query: str, expected: set[str]
) -> None:
    assert {hit.title for hit in two_languages.search(query).hits} == expected


def test_the_side_panel_counts_articles_under_every_name(two_languages: Library) -> None:
    [french] = [h for h in two_languages.search("language:fr").hits]
    groups = two_languages.entity_groups(two_languages.get(french.id))
    [bloc] = [g for g in groups if g.type == "organisation" and g.name == "CEDEAO"]
    assert two_languages.count_entity_articles(bloc) == 2
    [burkina] = [g for g in groups if g.type == "place" and "Burkina" in g.name]
    assert two_languages.count_entity_articles(burkina) == 2


# -- config.toml ---------------------------------------------------------------------------------


def test_config_reads_equivalences_and_reports_what_it_cannot_use(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[equivalences]\n"Liptako-Gourma" = ["Three Borders", "trois frontières"]\n'
        '"Sahel" = "Sahil"\n"Bad" = 3\n',
        "utf-8",
    )
    config = load_config(path)
    assert config.equivalences == {
        "Liptako-Gourma": ("Three Borders", "trois frontières"),
        "Sahel": ("Sahil",),
    }
    assert any("[equivalences] 'Bad'" in problem for problem in config.problems)


def _open(home: Path) -> Library:
    os.environ["SAHELREADER_HOME"] = str(home)  # restored by conftest's monkeypatch
    return Library.open(seed=False)


def test_a_users_equivalence_works_end_to_end(tmp_path: Path) -> None:
    home = tmp_path / "home"
    library = _open(home)
    try:
        library.add_drafts(
            [
                draft(
                    "Attack near the border",
                    "Gunmen attacked a convoy in the Three Borders area on Sunday.",
                    language="en",
                ),
                draft(
                    "Liptako-Gourma : une autorité relancée",
                    "Les ministres ont relancé l'autorité du Liptako-Gourma à Niamey.",
                    language="fr",
                ),
            ]
        )
        library.ensure_index()
        assert len(library.search('place:"liptako-gourma"').hits) == 1
    finally:
        library.close()
    (home / "config.toml").write_text(
        '[entities]\n"Three Borders" = "place"\n"Liptako-Gourma" = "place"\n\n'
        '[equivalences]\n"Liptako-Gourma" = ["Three Borders", "zone des trois frontières"]\n',
        "utf-8",
    )
    library = _open(home)
    try:
        assert not library.config.problems
        library.ensure_index()  # the new names reach the articles already indexed
        found = {hit.title for hit in library.search('place:"liptako-gourma"').hits}
        assert found == {"Attack near the border", "Liptako-Gourma : une autorité relancée"}
        assert len(library.search('place:"three borders"').hits) == 2
        [english] = library.search('title:"attack near the border"').hits
        [row] = [g for g in library.entity_groups(library.get(english.id)) if g.type == "place"]
        assert row.name == "Three Borders"  # as this article writes it
        assert library.count_entity_articles(row) == 2
    finally:
        library.close()


def test_a_place_searched_by_another_name_is_marked_in_the_body(two_languages: Library) -> None:
    results = two_languages.search("place:tchad")
    [hit] = results.hits
    article = two_languages.get(hit.id)
    marked = [article.body[s:e] for s, e in two_languages.body_matches(article, results.terms)]
    assert marked == ["Tchad"]
    results = two_languages.search("place:chad")
    marked = [article.body[s:e] for s, e in two_languages.body_matches(article, results.terms)]
    assert marked == ["Tchad"]


def test_a_dotted_abbreviation_is_found_and_counted_with_its_entity(library: Library) -> None:
    library.add_drafts(
        [
            draft("Envoy lands", "A U.N. envoy landed in Bamako on Monday.", language="en"),
            draft("Vote à New York", "L'ONU a voté la résolution mardi.", language="fr"),
        ]
    )
    library.ensure_index()
    assert len(library.search("organisation:un").hits) == 2
    [envoy] = library.search('title:"envoy lands"').hits
    [row] = [g for g in library.entity_groups(library.get(envoy.id)) if g.type == "organisation"]
    assert row.name == "U.N."
    assert library.count_entity_articles(row) == 2
    assert len(library.search(row.query).hits) == 2
