"""One name per outlet (on import, for existing libraries, in `source:` searches), relative
links in records, and organisations known by English and French names."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sahelreader.ingest import read_file
from sahelreader.library import Library
from sahelreader.store.schema import MIGRATIONS

from .conftest import draft, utc

# -- the table -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "url", "expected"),
    [
        ("BBC News", "", "BBC"),
        ("bbc.co.uk", "", "BBC"),
        ("www.bbc.com", "", "BBC"),
        ("BBC", "", "BBC"),
        ("bbc news", "", "BBC"),
        ("BBC News - Africa", "", "BBC"),  # a feed title
        ("http://feeds.bbci.co.uk/news/rss.xml", "", "BBC"),
        ("theguardian.com", "", "The Guardian"),
        ("The Guardian", "", "The Guardian"),
        ("Guardian", "", "The Guardian"),
        ("World news | The Guardian", "", "The Guardian"),
        ("", "https://amp.theguardian.com/world/2024/x", "The Guardian"),
        ("", "https://m.bbc.co.uk/news/world-1", "BBC"),
        ("", "https://www.bbc.com/afrique/region-1", "BBC Afrique"),
        ("bbc.com", "https://www.bbc.com/afrique/region-1", "BBC Afrique"),
        ("edition.cnn.com", "", "CNN"),
        ("Le Monde Afrique", "", "Le Monde"),
        ("lemonde.fr", "", "Le Monde"),
        # Unknown outlets: names are kept, domains and urls give the registered domain.
        ("Harmattan Herald", "https://harmattan.example/story", "Harmattan Herald"),
        ("", "https://amp.news.dune-courier.example.org/a", "example.org"),
        ("", "https://www.dune-courier.co.uk/a", "dune-courier.co.uk"),
        ("m.dune-courier.com", "", "dune-courier.com"),
        ("", "", ""),
    ],
)
def test_outlet_names_become_one(given: str, url: str, expected: str) -> None:
    from sahelreader.sources.outlets import outlet_table

    assert outlet_table().canonical(given, url) == expected


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("Harmattan Herald.org", ""),  # a site name written with its domain's ending
        ("Harmattan Herald.co.uk", ""),
        ("Harmattan Héraut.ne", ""),  # an alias, accents and all
        ("Harmattan Herald.org - Toute l'actualité", ""),  # a page title's part
        ("Harmattan Herald - Site officiel", ""),
        ("The Dusty Morning Edition", "https://www.harmattan-herald.example/2024/05/a"),
    ],
)
def test_a_site_name_or_the_site_gives_the_outlet(given: str, url: str) -> None:
    from sahelreader.sources.outlets import outlet_table

    table = outlet_table({"Harmattan Herald": ["Harmattan Héraut", "harmattan-herald.example"]})
    assert table.canonical(given, url) == "Harmattan Herald"
    # ... but a name not known anywhere, on a site not known, is kept
    assert table.canonical("Dune Courier.org", "https://dune.example/a") == "Dune Courier.org"


@pytest.mark.parametrize("given", ["Le Monde.fr", "Libération.fr"])
def test_bundled_outlets_written_with_their_domain_ending(given: str) -> None:
    from sahelreader.sources.outlets import outlet_table

    assert outlet_table().canonical(given) == given.removesuffix(".fr")


def test_rfi_by_name_and_by_domain_is_one_outlet() -> None:
    from sahelreader.sources.outlets import outlet_table

    table = outlet_table()
    assert (
        table.canonical("RFI")
        == table.canonical("rfi.fr")
        == table.canonical("", "https://www.rfi.fr/fr/afrique/x")
    )


def test_registered_domains() -> None:
    from sahelreader.sources.outlets import registered_domain

    assert registered_domain("news.bbc.co.uk") == "bbc.co.uk"
    assert registered_domain("www.example.org") == "example.org"
    assert registered_domain("a.b.gouv.ne") == "b.gouv.ne"
    assert registered_domain("127.0.0.1") == "127.0.0.1"


def test_users_outlets_extend_the_table() -> None:
    from sahelreader.sources.outlets import outlet_table

    table = outlet_table({"Sahel Watch": ["sahelwatch.example", "SW"], "BBC": ["Beeb"]})
    assert table.canonical("SW") == "Sahel Watch"
    assert table.canonical("sahelwatch.example") == "Sahel Watch"
    assert table.canonical("", "https://m.sahelwatch.example/2024/a") == "Sahel Watch"
    assert table.canonical("Beeb") == "BBC"
    assert table.canonical("bbc.co.uk") == "BBC"  # the bundled names still count


def test_search_text_holds_aliases_and_domain_words() -> None:
    from sahelreader.sources.outlets import outlet_table

    forms = outlet_table().search_text("The Guardian").split("\n.\n")
    assert {"The Guardian", "Guardian", "theguardian.com", "theguardian"} <= set(forms)
    assert outlet_table().search_text("dune-courier.com").split("\n.\n") == [
        "dune-courier.com",
        "dune-courier",
    ]


def test_the_bundled_tables_name_each_outlet_and_organisation_once() -> None:
    from sahelreader.sources.organisation_names import other_names
    from sahelreader.sources.outlets import name_key, outlet_table

    table = outlet_table()
    owners: dict[str, str] = {}
    for outlet in table.outlets:
        for name in (outlet.name, *outlet.aliases):
            assert owners.setdefault(name_key(name), outlet.name) == outlet.name, name
    domains: dict[str, str] = {}
    for outlet in table.outlets:
        for domain in outlet.domains:
            assert domains.setdefault(domain, outlet.name) == outlet.name, domain
    data = Path(__file__).resolve().parents[1] / "src/sahelreader/sources/data"
    seen: dict[str, str] = {}
    for line in (data / "organisation_names.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, rest = line.partition("\t")
        for name in [canonical, *rest.split("|")]:
            assert seen.setdefault(name_key(name), canonical) == canonical, name
    assert "CEDEAO" in other_names("ecowas") and "ECOWAS" in other_names("Cedeao")


# -- on import and in search ---------------------------------------------------------------------


def _sources(library: Library) -> set[str]:
    return {row.source for row in library.rows(library.list_ids())}


def test_import_stores_the_canonical_outlet_and_keeps_the_name_given(library: Library) -> None:
    library.add_drafts(
        [
            draft("Storm over Dosso", "A storm hit Dosso.", source="BBC News"),
            draft("Flood in Tillabéri", "Floods in Tillabéri.", source="bbc.co.uk"),
            draft("Drought in Diffa", "Drought in Diffa.", source="www.bbc.com"),
            draft(
                "Market fire in Maradi",
                "A fire broke out.",
                source="",
                url="https://m.bbc.co.uk/news/world-africa-1",
            ),
        ]
    )
    assert _sources(library) == {"BBC"}
    raw = library.store.connection.execute("SELECT source_raw FROM articles ORDER BY seq")
    assert [r[0] for r in raw] == ["BBC News", "bbc.co.uk", "www.bbc.com", ""]
    # The list narrowed to an outlet by any of its names shows all of its articles.
    assert len(library.list_ids(source="bbc.co.uk")) == 4
    assert len(library.from_source(library.list_ids(), "BBC News")) == 4


@pytest.fixture
def guardian_library(library: Library) -> Library:
    library.add_drafts(
        [
            draft("Rains return to Kano", "The rains returned to Kano.", source="The Guardian"),
            draft("Kano traders", "Traders in Kano welcomed the rains.", source="theguardian.com"),
            draft(
                "Kano farmers",
                "Farmers near Kano planted early.",
                source="",
                url="https://www.theguardian.com/world/2024/kano-farmers",
            ),
            draft("Kano weather", "Kano had rain.", source="Harmattan Herald"),
        ]
    )
    library.ensure_index()
    return library


@pytest.mark.parametrize(
    "query",
    ["source:guardian", 'source:"the guardian"', "source:theguardian", "source:theguardian.com"],
)
def test_source_search_matches_the_outlet_by_any_of_its_names(
    guardian_library: Library, query: str
) -> None:
    titles = {hit.title for hit in guardian_library.search(query).hits}
    assert titles == {"Rains return to Kano", "Kano traders", "Kano farmers"}


def test_source_search_still_finds_unknown_outlets(guardian_library: Library) -> None:
    assert [h.title for h in guardian_library.search("source:harmattan").hits] == ["Kano weather"]


def test_outlets_from_config_toml(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text('[outlets]\n"Sahel Watch" = ["sahelwatch.example", "SW"]\n')
    with Library.open(home, seed=False) as library:
        library.add_drafts(
            [
                draft("Convoy in Ayorou", "A convoy reached Ayorou.", source="SW"),
                draft("", "Herders in Ayorou.", source="", url="https://sahelwatch.example/a"),
            ]
        )
        library.ensure_index()
        assert _sources(library) == {"Sahel Watch"}
        assert len(library.search("source:sw").hits) == 2
        assert len(library.search('source:"sahel watch"').hits) == 2


def test_a_change_of_config_renames_articles_already_imported(home: Path) -> None:
    with Library.open(home, seed=False) as library:
        library.add_drafts([draft("Convoy in Ayorou", "A convoy reached Ayorou.", source="SW")])
        library.ensure_index()
        assert _sources(library) == {"SW"}
    (home / "config.toml").write_text('[outlets]\n"Sahel Watch" = ["SW"]\n')
    with Library.open(home, seed=False) as library:
        library.ensure_index()
        assert _sources(library) == {"Sahel Watch"}
        assert len(library.search('source:"sahel watch"').hits) == 1


def test_removing_an_outlet_from_config_takes_its_aliases_out_of_the_index(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text('[outlets]\n"Sahel Watch" = ["SW"]\n')
    with Library.open(home, seed=False) as library:
        library.add_drafts([draft("Convoy in Ayorou", "A convoy reached Ayorou.", source="SW")])
        library.add_drafts([draft("Herders", "Herders in Ayorou.", source="Sahel Watch")])
        library.ensure_index()
        assert len(library.search("source:sw").hits) == 2
    (home / "config.toml").write_text("")
    with Library.open(home, seed=False) as library:
        library.ensure_index()
        assert _sources(library) == {"SW", "Sahel Watch"}
        assert [h.title for h in library.search("source:sw").hits] == ["Convoy in Ayorou"]


def test_an_existing_library_is_normalised_when_opened(tmp_path: Path) -> None:
    home = tmp_path / "old-home"
    home.mkdir()
    with sqlite3.connect(home / "library.db") as conn:  # a library written before outlet names
        for script in MIGRATIONS[:4]:
            conn.executescript(script)
        conn.execute("PRAGMA user_version = 4")
        rows = [
            ("aaaa1111", "Salt in Bilma", "The salt of Bilma.", "bbc.co.uk", ""),
            ("bbbb2222", "Dates in Bilma", "The dates of Bilma.", "BBC News", ""),
            ("cccc3333", "Wells in Bilma", "Wells of Bilma.", "", "https://www.bbc.com/news/w"),
            ("dddd4444", "Camels in Bilma", "Camels of Bilma.", "Harmattan Herald", ""),
        ]
        for article_id, title, body, source, url in rows:
            conn.execute(
                "INSERT INTO articles(id, title, body, source, url, added, content_hash)"
                " VALUES (?, ?, ?, ?, ?, '2024-01-01T00:00:00+00:00', ?)",
                (article_id, title, body, source, url, article_id),
            )
    with Library.open(home, seed=False) as library:
        library.ensure_index()
        by_id = {row.id: row.source for row in library.rows(library.list_ids())}
        assert by_id == {
            "aaaa1111": "BBC",
            "bbbb2222": "BBC",
            "cccc3333": "BBC",
            "dddd4444": "Harmattan Herald",
        }
        assert len(library.search("source:bbc").hits) == 3
        assert [h.id for h in library.search("source:harmattan").hits] == ["dddd4444"]
    with Library.open(home, seed=False) as library:  # nothing left to do the second time
        assert library.normalise_sources() == 0
        assert not library.store.pending_index()


# -- relative links ------------------------------------------------------------------------------


def test_relative_links_in_records_are_resolved_against_the_site(tmp_path: Path) -> None:
    records = [
        {"title": "One", "text": "a", "url": "/news/world-1", "site": "https://sahel.example"},
        {"title": "Two", "text": "b", "url": "2024/05/two.html", "domain": "dune.example"},
        {"title": "Three", "text": "c", "link": "/africa/3", "source": "https://x.example/rss"},
        {"title": "Four", "text": "d", "url": "/news/world-4", "source": "BBC News"},
        {"title": "Five", "text": "e", "url": "/news/world-5"},  # nothing to resolve against
        {"title": "Six", "text": "f", "url": "javascript:void(0)", "site": "sahel.example"},
    ]
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records), "utf-8")
    assert [d.url for d in read_file(path)] == [
        "https://sahel.example/news/world-1",
        "https://dune.example/2024/05/two.html",
        "https://x.example/africa/3",
        "https://www.bbc.co.uk/news/world-4",
        "",
        "",
    ]


def test_relative_links_in_a_feed_resolve_against_its_home_page(tmp_path: Path) -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Dune Courier",
        "home_page_url": "https://dune-courier.example/",
        "items": [{"id": "1", "title": "Sand", "content_text": "Sand.", "url": "/sand"}],
    }
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed), "utf-8")
    [item] = list(read_file(path))
    assert item.url == "https://dune-courier.example/sand"


# -- organisations by either name ------------------------------------------------------------------


@pytest.fixture
def bilingual_library(library: Library) -> Library:
    library.add_drafts(
        [
            draft(
                "Leaders meet in Abuja",
                "Leaders of ECOWAS met in Abuja on Sunday to discuss the crisis in the region.",
                published=utc(2024, 2, 1),
                language="en",
            ),
            draft(
                "Sommet à Abuja",
                "Les dirigeants de la CEDEAO se sont réunis à Abuja dimanche pour discuter.",
                published=utc(2024, 2, 2),
                language="fr",
            ),
            draft(
                "Suspension confirmée",
                "L'Union africaine a suspendu le pays, et l'OMS a envoyé des médecins.",
                published=utc(2024, 2, 3),
                language="fr",
            ),
            draft(
                "Calls for calm",
                "The UN called for calm after the vote.",
                published=utc(2024, 2, 4),
                language="en",
            ),
        ]
    )
    library.ensure_index()
    return library


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("organisation:cedeao", {"Leaders meet in Abuja", "Sommet à Abuja"}),
        ("organisation:ecowas", {"Leaders meet in Abuja", "Sommet à Abuja"}),
        ('organisation:"african union"', {"Suspension confirmée"}),
        ("organisation:who", {"Suspension confirmée"}),
        ("organisation:onu", {"Calls for calm"}),
        ('entity:"nations unies"', {"Calls for calm"}),
    ],
)
def test_an_organisation_is_found_by_its_other_language_name(
    bilingual_library: Library, query: str, expected: set[str]
) -> None:
    assert {hit.title for hit in bilingual_library.search(query).hits} == expected


def test_an_organisation_searched_by_another_name_is_marked_in_the_body(library) -> None:  # type: ignore[no-untyped-def]
    from .conftest import draft

    library.add_drafts(
        [draft("Bloc meets", "Leaders of ECOWAS met in Abuja to discuss the transition in Niger.")]
    )
    library.ensure_index()
    results = library.search("organisation:cedeao")
    [hit] = results.hits
    article = library.get(hit.id)
    marked = [article.body[s:e] for s, e in library.body_matches(article, results.terms)]
    assert "ECOWAS" in marked
