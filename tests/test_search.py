"""Search syntax, language analysis, ranking, snippets and suggestions on a library we write."""

from __future__ import annotations

import pytest

from sahelreader.library import Library
from sahelreader.search.query import QueryError

from .conftest import CORPUS, draft, utc


def titles(library: Library, query: str, **kwargs: object) -> list[str]:
    return [hit.title for hit in library.search(query, **kwargs).hits]  # type: ignore[arg-type]


def test_languages_are_detected_on_import(corpus_library: Library) -> None:
    languages = {
        corpus_library.get(i).title: corpus_library.get(i).language
        for i in corpus_library.list_ids()
    }
    assert languages["Attaque meurtrière à Ménaka"] == "fr"
    assert languages["Junta leaders meet in Niamey"] == "en"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("niamey", {"Junta leaders meet in Niamey"}),
        ("niger AND uranium", {"Niger signs uranium deal"}),
        (
            "uranium OR ouagadougou",
            {"Niger signs uranium deal", "Sanctions lifted on Burkina Faso"},
        ),
        ("niger NOT uranium", {"Junta leaders meet in Niamey"}),
        ('"joint force"', {"Junta leaders meet in Niamey"}),
        ('"force joint"', set()),
        ("title:sanctions", {"Sanctions lifted on Burkina Faso"}),
        ("source:radio", {"Attaque meurtrière à Ménaka"}),
        ('source:"sahel wire"', {"Junta leaders meet in Niamey", "Niger signs uranium deal"}),
        ("author:ouedraogo", {"Sanctions lifted on Burkina Faso"}),
        ("urani*", {"Niger signs uranium deal"}),
        ("ouagadougu~", {"Sanctions lifted on Burkina Faso"}),
        ("published:2024-03", {"Junta leaders meet in Niamey"}),
        (
            "published:[2024-02 to 2024-03]",
            {"Junta leaders meet in Niamey", "Attaque meurtrière à Ménaka"},
        ),
        ("published:>2024-08", {"Niger signs uranium deal"}),
        ("language:fr", {"Attaque meurtrière à Ménaka"}),
    ],
)
def test_query_syntax(corpus_library: Library, query: str, expected: set[str]) -> None:
    assert set(titles(corpus_library, query, limit=None)) == expected


@pytest.mark.parametrize("query", ["menaka", "Ménaka", "MENAKA", "ménaka", "securitaires"])
def test_accents_fold_both_ways(corpus_library: Library, query: str) -> None:
    assert titles(corpus_library, query) == ["Attaque meurtrière à Ménaka"]


def test_french_is_stemmed_as_french(corpus_library: Library) -> None:
    # "militaire" (singular) finds "militaires"; "attaques" finds "attaque".
    assert titles(corpus_library, "militaire") == ["Attaque meurtrière à Ménaka"]
    assert titles(corpus_library, "attaques") == ["Attaque meurtrière à Ménaka"]
    assert titles(corpus_library, "title:attaques") == ["Attaque meurtrière à Ménaka"]


def test_english_is_stemmed_as_english(corpus_library: Library) -> None:
    assert titles(corpus_library, "soldier") == ["Junta leaders meet in Niamey"]
    assert titles(corpus_library, "signing") == ["Niger signs uranium deal"]


def test_a_title_match_outranks_a_passing_mention(library: Library) -> None:
    library.add_drafts(
        [
            draft("Weather report", "Rain is expected. " * 10 + "Uranium prices were flat."),
            draft("Uranium exports rise", "Exports grew in the third quarter. " * 5),
        ]
    )
    library.ensure_index()
    assert titles(library, "uranium")[0] == "Uranium exports rise"


def test_sort_by_date_puts_newest_first(corpus_library: Library) -> None:
    assert titles(corpus_library, "niger", sort="date") == [
        "Niger signs uranium deal",
        "Junta leaders meet in Niamey",
    ]


def test_snippet_matches_mark_the_terms(corpus_library: Library) -> None:
    [hit] = corpus_library.search("ouagadougou").hits
    assert hit.matches
    for start, end in hit.matches:
        assert hit.snippet[start:end].lower() == "ouagadougou"
    assert "\n" not in hit.snippet


def test_stemmed_matches_are_marked_in_their_own_form(corpus_library: Library) -> None:
    [hit] = corpus_library.search("militaire").hits
    assert [hit.snippet[s:e] for s, e in hit.matches] == ["militaires"]


def test_matched_in_names_the_fields(corpus_library: Library) -> None:
    [hit] = corpus_library.search("sanctions").hits
    assert set(hit.matched_in) >= {"title", "body"}
    [hit] = corpus_library.search("ouedraogo").hits
    assert hit.matched_in == ["author"]


def test_did_you_mean_when_nothing_matches(corpus_library: Library) -> None:
    results = corpus_library.search("ouagadogou")
    assert results.hits == [] and results.total == 0
    assert results.suggestion == "ouagadougou"
    assert corpus_library.search("niamey").suggestion is None


def test_did_you_mean_for_a_word_only_a_removed_article_held(library: Library) -> None:
    """A removed article's document stays in its segment, marked deleted, until a merge: its
    words must not count as the library's, or their misspellings get no "did you mean"."""
    library.add_drafts(
        [
            draft("Dorvane convoy", "A convoy reached Dorvane at dawn."),
            draft("Dorvanr typo", "The typo dorvanr appears in this one only."),
        ]
    )
    library.ensure_index()
    (typo,) = [hit.id for hit in library.search("dorvanr").hits]
    library.remove([typo], force=True)
    library.sync_index()
    results = library.search("dorvanr")
    assert results.total == 0
    assert results.suggestion == "dorvane"


@pytest.mark.parametrize("query", ["niamey ouagadogou", "ouagadogou niamey", "niamey AND qqzzx"])
def test_a_word_no_article_has_empties_an_and_rather_than_being_dropped(
    corpus_library: Library, query: str
) -> None:
    # Pruning the terms the index lacks (a speed-up) dropped the whole word from the AND:
    # "niamey ouagadogou" listed every Niamey article, with no "did you mean".
    assert corpus_library.search("niamey").total > 0
    results = corpus_library.search(query)
    assert results.hits == [] and results.total == 0
    if "ouagadogou" in query:
        assert results.suggestion is not None and "ouagadougou" in results.suggestion
    # An OR still drops the absent word.
    assert corpus_library.search("niamey OR qqzzx").total == corpus_library.search("niamey").total


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dorvan", "dorvane"),  # one letter left out of the town: not the common "dormant"
        ("dorvanr", "dorvane"),
        ("kelbaro", "kelbari"),  # the name the library has most, at the same distance
        ("zumo", "zumoa"),  # an acronym, not "zoo"
        ("dormnt", "dormant"),  # common words are still corrected
    ],
)
def test_did_you_mean_prefers_the_closest_word_then_the_librarys_most_used(
    library: Library, query: str, expected: str
) -> None:
    drafts = [
        draft(f"Market report {n}", f"The dormant market in the zoo district reopened, report {n}.")
        for n in range(12)
    ]
    drafts += [
        draft(f"Dorvane convoy {n}", f"A convoy reached Dorvane near Kelbari; ZUMOA observers {n}.")
        for n in range(3)
    ]
    drafts.append(draft("Kelbaru notes", "One mention of Kelbaru, a hamlet."))
    library.add_drafts(drafts)
    library.ensure_index()
    assert library.search(query).suggestion == expected


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ('"joint force', "never closed", 0),
        ("(niger OR mali", "never closed", 0),
        ("niger)", "unexpected", 5),
        ("niger AND", "needs something after", 6),
        ("OR mali", "needs something before", 0),
        ("published:2024-13", "not a date", 10),
        ("published:[tuesday-ish to 2024]", "not a date", 10),
        ("", "empty", None),
        ("title:", "needs a word after it", 0),
        ("niger person: mali", r"needs a word after it \(e\.g\. person:tiani\)", 6),
        ("(mali OR source:)", "needs a word after it", 9),
        # the example fits the field: an organisation, not a town
        ("organisation:", r"organisation:ecowas\)", 0),
    ],
)
def test_bad_queries_explain_themselves(
    corpus_library: Library, query: str, message: str, position: int | None
) -> None:
    with pytest.raises(QueryError, match=message) as caught:
        corpus_library.search(query)
    assert caught.value.position == position


@pytest.mark.parametrize(
    "query", ['"title: the army"', "title:niger", "niger: the junta", "published:2024"]
)
def test_a_colon_with_a_value_or_inside_a_phrase_is_no_error(
    corpus_library: Library, query: str
) -> None:
    corpus_library.search(query)  # raises nothing


def test_limit_and_total(library: Library) -> None:
    library.add_drafts([draft(f"Report {i}", f"Niamey report number {i}") for i in range(30)])
    library.ensure_index()
    results = library.search("niamey", limit=5)
    assert len(results.hits) == 5 and results.more
    everything = library.search("niamey", limit=None)
    assert everything.total == 30 and not everything.more
    by_date = library.search("niamey", limit=5, sort="date")
    assert len(by_date.hits) == 5 and by_date.more


def test_untrusted_text_is_searchable_but_not_special(library: Library) -> None:
    library.add_drafts([draft("[bold]Markup[/bold] title", "Body with [@click=app.quit]link[/]")])
    library.ensure_index()
    [hit] = library.search("markup").hits
    assert hit.title == "[bold]Markup[/bold] title"


def test_corpus_fixture_is_complete(corpus_library: Library) -> None:
    assert corpus_library.count() == len(CORPUS)
    assert corpus_library.get(corpus_library.list_ids()[0]).published == utc(2024, 9, 1)


def test_hits_with_snippets_are_read_a_page_at_a_time_and_none_is_lost(
    corpus_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sahelreader.library as library_module

    everything = corpus_library.search("niger OR mali OR burkina", limit=None)
    monkeypatch.setattr(library_module, "_HITS_READ_AT_ONCE", 2)
    paged = corpus_library.search("niger OR mali OR burkina", limit=None)
    assert len(everything.hits) >= 4  # pages of 2: two pages at least
    assert [(h.id, h.snippet) for h in paged.hits] == [(h.id, h.snippet) for h in everything.hits]


# -- names and joined words ------------------------------------------------------------------------

MIXED = [
    draft(
        "Les éleveurs ont du mal à nourrir leur bétail",
        "Avec la sécheresse, les éleveurs de la région ont du mal à trouver du fourrage. Le mal "
        "est profond, disent-ils, et les prix du foin ont doublé.",
        source="Radio Sahel",
        language="fr",
    ),
    draft(
        "Le Mali rouvre sa frontière avec l'Algérie",
        "Les autorités du Mali ont annoncé la réouverture du poste frontière. L'armée malienne "
        "escortera les convois vers le nord.",
        source="Radio Sahel",
        language="fr",
    ),
    draft(
        "Mali's transport union ends strike",
        "Drivers in Mali went back to work after a week-long strike over fuel prices.",
        source="Sahel Wire",
        language="en",
    ),
    draft(
        "Le franc CFA au cœur des débats à Dakar",
        "Des économistes réunis à Dakar ont débattu de l'avenir du franc CFA et de la monnaie "
        "commune ouest-africaine.",
        source="Éco Afrique",
        language="fr",
    ),
    draft(
        "La France réduit son aide au développement",
        "Le gouvernement français a annoncé une baisse de son aide publique au développement.",
        source="Éco Afrique",
        language="fr",
    ),
    draft(
        "Talks resume in Doha, Al Jazeera reports",
        "Negotiators met again on Sunday, according to the broadcaster.",
        source="Al Jazeera",
        language="en",
    ),
    draft(
        "Cell linked to al-Qaida dismantled near the border",
        "Security forces said the cell had ties to al-Qaida's regional branch.",
        source="Sahel Wire",
        language="en",
    ),
    draft(
        "Zine al-Abidine's memoir published",
        "The memoir of Zine al-Abidine covers his years in power and his exile.",
        source="Books Weekly",
        language="en",
    ),
    draft(
        "Int'l donors pledge aid",
        "International donors pledged aid for the lean season at a conference in Niamey.",
        source="Sahel Wire",
        language="en",
    ),
    draft(
        "Une armée de bénévoles à Saint-Louis",
        "À Saint-Louis, des bénévoles nettoient les berges du fleuve. Louis, un habitant de "
        "Saint-Germain, est venu aider.",
        source="Radio Sahel",
        language="fr",
    ),
]


@pytest.fixture
def mixed(library: Library) -> Library:
    assert not library.add_drafts(MIXED).failed
    library.ensure_index()
    return library


def test_a_place_name_is_not_stemmed_into_a_common_word(mixed: Library) -> None:
    mali = {"Le Mali rouvre sa frontière avec l'Algérie", "Mali's transport union ends strike"}
    assert set(titles(mixed, "Mali", limit=None)) == mali
    assert set(titles(mixed, "mal", limit=None)) == {
        "Les éleveurs ont du mal à nourrir leur bétail"
    }
    assert set(titles(mixed, "franc CFA", limit=None)) == {
        "Le franc CFA au cœur des débats à Dakar"
    }
    assert set(titles(mixed, "France", limit=None)) == {
        "La France réduit son aide au développement"
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("al-qaida", {"Cell linked to al-Qaida dismantled near the border"}),
        ("al-Qaida", {"Cell linked to al-Qaida dismantled near the border"}),
        ("title:al-qaida", {"Cell linked to al-Qaida dismantled near the border"}),
        ("Saint-Louis", {"Une armée de bénévoles à Saint-Louis"}),
        # A French elided article is the word after it: l'armée finds "une armée" too.
        (
            "l'armée",
            {"Une armée de bénévoles à Saint-Louis", "Le Mali rouvre sa frontière avec l'Algérie"},
        ),
        ("d'Algérie", {"Le Mali rouvre sa frontière avec l'Algérie"}),
    ],
)
def test_words_joined_by_a_hyphen_are_one_phrase(
    mixed: Library, query: str, expected: set[str]
) -> None:
    assert set(titles(mixed, query, limit=None)) == expected


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ('"junte mili', '"junte mili"'),
        ("(Mali OR", "(Mali OR)"),
        ('(Mali OR "junte', '(Mali OR "junte")'),
        ("[Burkina (Faso", "[Burkina (Faso)]"),
        ('"closed" (done)', '"closed" (done)'),
        ("unexpected)", "unexpected)"),  # another mistake: left for the parser to explain
        ('a "b" (c "d', 'a "b" (c "d")'),
    ],
)
def test_open_marks_are_closed_for_a_search_while_typing(typed: str, searched: str) -> None:
    from sahelreader.search.query import close_open_marks

    assert close_open_marks(typed) == searched
