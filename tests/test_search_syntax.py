"""The search language's edges: date comparisons, fields given nothing or unknown, `-word`
and `+word`, languages by name, whole entity names, reversed ranges (a new user's review)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sahelreader.library import Library
from sahelreader.search.query import QueryError

from .conftest import draft


def _at(day: str, hour: int = 12) -> datetime:
    year, month, date = (int(part) for part in day.split("-"))
    return datetime(year, month, date, hour, tzinfo=timezone.utc)


# One article a day around a month's end, each titled by its day.
DAYS = ("2023-12-31", "2024-04-30", "2024-05-01", "2024-05-02", "2024-05-31", "2024-06-01")


@pytest.fixture
def dated(library: Library) -> Library:
    library.add_drafts(
        [
            draft(f"Herders report {day}", f"Herders crossed on {day}.", published=_at(day))
            for day in DAYS
        ]
        + [draft("Late herders 2024-05-02", "Herders again.", published=_at("2024-05-02", 23))]
    )
    library.ensure_index()
    return library


def _days(library: Library, query: str) -> set[str]:
    return {hit.title.split()[-1] for hit in library.search(query, limit=None).hits}


@pytest.mark.parametrize("words", ["", "herders "])  # a filter alone (the store), with words
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("published:>2024-05-01", {"2024-05-02", "2024-05-31", "2024-06-01"}),
        ("published:>=2024-05-01", {"2024-05-01", "2024-05-02", "2024-05-31", "2024-06-01"}),
        ("published:<2024-05-01", {"2023-12-31", "2024-04-30"}),
        ("published:<=2024-05-01", {"2023-12-31", "2024-04-30", "2024-05-01"}),
        ("published:>2024-06-01", set()),  # nothing after the newest day
        ("published:>2024-05", {"2024-06-01"}),  # after the whole month
        ("published:<2024-05", {"2023-12-31", "2024-04-30"}),
        ("published:>=2024-05", {"2024-05-01", "2024-05-02", "2024-05-31", "2024-06-01"}),
        (
            "published:<=2024-05",
            {"2023-12-31", "2024-04-30", "2024-05-01", "2024-05-02", "2024-05-31"},
        ),
        ("published:>2023", {"2024-04-30", "2024-05-01", "2024-05-02", "2024-05-31", "2024-06-01"}),
        ("published:<2024", {"2023-12-31"}),
        ("published:[2024-04-30 TO 2024-05-02]", {"2024-04-30", "2024-05-01", "2024-05-02"}),
        (
            "published:[2024-05 TO 2024-06]",
            {"2024-05-01", "2024-05-02", "2024-05-31", "2024-06-01"},
        ),
        ("published:2024-05", {"2024-05-01", "2024-05-02", "2024-05-31"}),
        ("published:2024-05-02", {"2024-05-02"}),
    ],
)
def test_greater_and_less_than_exclude_the_period_named(
    dated: Library, words: str, query: str, expected: set[str]
) -> None:
    assert _days(dated, words + query) == expected


def test_a_comparison_counts_what_it_lists(dated: Library) -> None:
    parsed = dated.parse_query("herders published:>2024-05-01")
    assert dated.index.count_matching(parsed) == 4  # 05-02 twice, 05-31, 06-01


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ("published:>", r"published:> needs a date \(e\.g\. published:>2024-06\)", 0),
        ("published:<", r"published:< needs a date \(e\.g\. published:<2024-06\)", 0),
        ("published:", r"published: needs a date \(e\.g\. published:2024-06\)", 0),
        ("herders published:>=", r"published:>= needs a date", 8),
        ("(herders OR published:<=)", r"published:<= needs a date", 12),
        ("title:>", r"title:> needs a word after it \(e\.g\. title:niamey\)", 0),
    ],
)
def test_a_comparison_without_a_date_says_so(
    dated: Library, query: str, message: str, position: int
) -> None:
    # It searched the word "published" (and found "publisher").
    with pytest.raises(QueryError, match=message) as caught:
        dated.search(query)
    assert caught.value.position == position


@pytest.fixture
def mixed(library: Library) -> Library:
    library.add_drafts(
        [
            draft(
                "Herders meet at dawn",
                "The herders met at 10:30 near the well. Mali: the junta spoke, said "
                "https://herders.example/report.",
                language="en",
            ),
            draft(
                "Les éleveurs se réunissent",
                "Les éleveurs se sont réunis à l'aube près du puits.",
                language="fr",
            ),
        ]
    )
    library.ensure_index()
    return library


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("foo:bar", r"^unknown field foo: .*Fields: title, body, note, source, author, language, "),
        ("plac:niamey", r"^unknown field plac: did you mean place:\? In quotes, .* Fields: "),
        ("herders orgnisation:ecowas", r"unknown field orgnisation: did you mean organisation:\?"),
        ("organization:ecowas", r"did you mean organisation:\?"),
        ("lang:fr", r"did you mean language:\?"),
        ("sources:rfi", r"did you mean source:\?"),
    ],
)
def test_an_unknown_field_is_named_with_the_fields_and_the_closest(
    mixed: Library, query: str, message: str
) -> None:
    # They were searched as the words "foo bar": "No results", and a typo looked like
    # "no article names it".
    with pytest.raises(QueryError, match=message) as caught:
        mixed.search(query)
    assert caught.value.position == query.index(":") - len(query.split(":")[0].split()[-1])
    assert "entity" in str(caught.value)


def test_an_unknown_field_that_is_far_from_every_field_gets_no_guess(mixed: Library) -> None:
    with pytest.raises(QueryError) as caught:
        mixed.search("zzyzx:bar")
    assert "did you mean" not in str(caught.value)
    assert 'In quotes, "zzyzx:bar" is searched as words' in str(caught.value)


@pytest.mark.parametrize(
    "query",
    [
        "10:30",  # a time
        "herders 10:30",
        "Mali: the junta",  # a label
        "https://herders.example/report",  # a url
        "herders.example/report",
        '"Mali:the junta"',  # in quotes: words
        "Title:herders",  # a field in capitals is the field
        "BODY:herders",
    ],
)
def test_text_with_a_colon_that_is_no_field_is_still_searched(mixed: Library, query: str) -> None:
    assert [hit.title for hit in mixed.search(query).hits] == ["Herders meet at dawn"], query


@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("language:en", "en"),
        ("language:EN", "en"),
        ("language:en-GB", "en"),
        ("language:english", "en"),
        ("language:English", "en"),
        ("language:anglais", "en"),
        ("language:fr", "fr"),
        ("language:FR", "fr"),
        ("language:french", "fr"),
        ("language:français", "fr"),
        ("language:Français", "fr"),
        ("language:francais", "fr"),
        ('language:"français"', "fr"),
        ("LANGUAGE:french", "fr"),
    ],
)
def test_a_language_by_code_in_any_case_or_by_name(
    mixed: Library, query: str, language: str
) -> None:
    for words in ("", "herders OR eleveurs "):
        hits = mixed.search(words + query).hits
        assert [mixed.get(hit.id).language for hit in hits] == [language], words + query


def test_a_language_no_one_knows_is_an_error(mixed: Library) -> None:
    with pytest.raises(QueryError, match=r"'klingon' is not a language .*language:french"):
        mixed.search("language:klingon")


@pytest.fixture
def sport(library: Library) -> Library:
    library.add_drafts(
        [
            draft("Mali wins the football final", "The Mali side won the football final."),
            draft("Mali grain harvest rises", "Farmers in Mali brought in more grain."),
            draft("Gorom-Gorom market reopens", "Traders in Gorom-Gorom said al-Qaida left."),
            draft("Football in Niamey", "A football match drew crowds in Niamey."),
        ]
    )
    library.ensure_index()
    return library


def _titles(library: Library, query: str) -> set[str]:
    return {hit.title for hit in library.search(query, limit=None).hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mali -football", {"Mali grain harvest rises"}),
        ("mali NOT football", {"Mali grain harvest rises"}),
        ('mali -"football final"', {"Mali grain harvest rises"}),
        ("mali -(football OR harvest)", set()),
        ("(mali -grain)", {"Mali wins the football final"}),
        ("mali +football", {"Mali wins the football final"}),
        ("+mali +football", {"Mali wins the football final"}),
        ("mali - grain", {"Mali grain harvest rises"}),  # a lone minus is no operator
        ("mali -", {"Mali wins the football final", "Mali grain harvest rises"}),
        ("al-qaida", {"Gorom-Gorom market reopens"}),  # hyphens inside words are no NOT
        ("gorom-gorom", {"Gorom-Gorom market reopens"}),
        ("traders -al-qaida", set()),
    ],
)
def test_a_leading_minus_excludes_and_a_plus_requires(
    sport: Library, query: str, expected: set[str]
) -> None:
    # `mali -football` found the football articles: the minus was dropped.
    assert _titles(sport, query) == expected


def test_a_minus_alone_excludes_from_everything(sport: Library) -> None:
    assert _titles(sport, "-football") == _titles(sport, "NOT football")
    assert "Mali grain harvest rises" in _titles(sport, "-football")


@pytest.fixture
def outlets(library: Library) -> Library:
    library.add_drafts(
        [
            draft(
                "Sequía en el Sahel",
                "La sequía golpea con fuerza a los pastores del Sahel.",
                source="Diario Ejemplar",
                url="https://www.diarioejemplar.es/internacional/sequia.html",
                language="es",
            ),
            draft("Herders move south", "Herders moved south with their cattle."),
        ]
    )
    library.ensure_index()
    return library


@pytest.mark.parametrize(
    "query",
    [
        "source:diarioejemplar.es",  # its articles' domain, which the outlet table lacks
        "source:diarioejemplar",
        'source:"diario ejemplar"',
        "source:ejemplar",
        "sequia source:diarioejemplar.es",
    ],
)
def test_an_outlet_unknown_to_the_table_is_found_by_its_urls_domain(
    outlets: Library, query: str
) -> None:
    assert _titles(outlets, query) == {"Sequía en el Sahel"}


def test_a_domain_searched_as_a_field_gets_no_broken_did_you_mean(outlets: Library) -> None:
    # "con" is a word of the library: the "com" of a domain was proposed as "con".
    results = outlets.search("source:nowhere.com")
    assert results.total == 0 and results.suggestion is None
    unfielded = outlets.search("nowhere.com")
    assert unfielded.total == 0
    assert unfielded.suggestion is None or ".con" not in unfielded.suggestion
    # A misspelt plain word beside it is still corrected, a sentence's full stop kept.
    assert outlets.search("herdrs.").suggestion == "herders."


@pytest.fixture
def noted(library: Library) -> tuple[Library, str]:
    bodies = [
        "The salt caravan left Agadez at dawn.",
        "Traders say the caravan route is safer this year, though fuel costs more and "
        "drivers wait longer at each checkpoint along the road north of the town.",
        "A caravan of trucks reached the border.",
    ]
    library.add_drafts(
        [draft(f"Road report {i}", bodies[i % 3] + f" Report {i}.") for i in range(12)]
        + [draft("Fuel prices climb", "Fuel prices climbed again in the capital.")]
    )
    library.ensure_index()
    [noted_id] = [i for i in library.list_ids() if library.get(i).title == "Fuel prices climb"]
    library.save_note(noted_id, "# My note\n\nAsk about the caravan drivers: to follow up.")
    library.sync_index()
    return library, noted_id


def test_a_word_of_a_note_ranks_the_noted_article_with_the_body_matches(
    noted: tuple[Library, str],
) -> None:
    library, noted_id = noted
    hits = library.search("caravan", limit=None).hits
    assert len(hits) == 13
    # It came last (score ~0.02 against ~1): the note's length was weighed against an
    # average over every article, nearly all of which have no note.
    assert hits[0].id == noted_id
    assert library.search("follow up caravan").hits[0].id == noted_id


def test_note_field_still_finds_only_notes(noted: tuple[Library, str]) -> None:
    library, noted_id = noted
    assert [hit.id for hit in library.search("note:caravan").hits] == [noted_id]
    assert [hit.id for hit in library.search('note:"caravan drivers"').hits] == [noted_id]


def test_note_scores_are_whooshs_own(noted: tuple[Library, str]) -> None:
    from sahelreader.search import evaluate as ev
    from sahelreader.search.query import split_filters, without_absent_terms

    library, _ = noted
    searcher = library.index.searcher()
    assert ev.supported(searcher)
    for text in ("caravan", "note:caravan", '"caravan drivers"'):
        rest, _ = split_filters(library.index.parse(text).query)
        query = without_absent_terms(library.index.resolve(rest, searcher), searcher.reader())
        whoosh = {hit.docnum: float(hit.score) for hit in searcher.search(query, limit=None)}
        mine = ev.evaluate(query, searcher)
        assert set(mine) == set(whoosh), text
        for doc, score in whoosh.items():
            assert mine[doc] == pytest.approx(score, rel=1e-9), text


@pytest.fixture
def agencies(library: Library) -> Library:
    library.add_drafts(
        [
            draft(
                "Aid convoy reaches Gao",
                "Les Nations unies ont envoyé un convoi à Gao, a indiqué un porte-parole.",
                language="fr",
            ),
            draft(
                "Vaccination campaign in Mopti",
                "Le Fonds des Nations unies pour l'enfance soutient la campagne à Mopti.",
                language="fr",
            ),
            draft(
                "Council vote on the mission",
                "The UN Security Council voted on the mission. The UN said talks go on.",
                language="en",
            ),
        ]
    )
    library.ensure_index()
    return library


def test_a_quoted_entity_name_finds_that_entity_by_any_of_its_names(agencies: Library) -> None:
    # "Nations unies" is the UN (ONU, United Nations) whole: not the agency whose longer name
    # holds the words. It found the agency too, so that `organisation:onu` and
    # `organisation:"nations unies"` gave different sets.
    un = {"Aid convoy reaches Gao", "Council vote on the mission"}
    for query in (
        'organisation:"nations unies"',
        'organisation:"Nations Unies"',
        'organisation:"united nations"',
        'organisation:"ONU"',
        'organisation:"l\'ONU"',
        'organisation:"the U.N."',
        'entity:"nations unies"',
    ):
        assert _titles(agencies, query) == un, query
    assert _titles(agencies, 'organisation:"nations unies" mopti') == set()


def test_an_unquoted_word_still_matches_a_word_inside_a_name(agencies: Library) -> None:
    found = _titles(agencies, "organisation:nations")
    assert "Vaccination campaign in Mopti" in found and "Aid convoy reaches Gao" in found


def test_a_quoted_name_is_marked_in_the_body(agencies: Library) -> None:
    [hit] = [h for h in agencies.search('organisation:"united nations"').hits if "Gao" in h.title]
    assert "Nations unies" in [hit.snippet[start:end] for start, end in hit.matches]


def test_an_entitys_count_is_its_quoted_searchs(agencies: Library) -> None:
    from sahelreader.entities.summary import EntityGroup

    group = EntityGroup("Nations unies", "organisation", 1, "Nations unies")
    assert agencies.count_entity_articles(group) == agencies.search(group.query).total == 2


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        ("published:[2024-06 TO 2024-01]", r"published:\[2024-01 TO 2024-06\]"),
        ("published:[2025 to 2024]", r"published:\[2024 TO 2025\]"),
        ("herders published:[2024-05-02 TO 2024-05-01]", r"published:\[2024-05-01 TO 2024-05-02\]"),
    ],
)
def test_a_reversed_range_says_so(dated: Library, query: str, hint: str) -> None:
    # It listed nothing and said nothing ("No results.").
    with pytest.raises(QueryError, match=r"^the range is reversed: .*\(try " + hint):
        dated.search(query)


def test_a_range_within_one_period_is_not_reversed(dated: Library) -> None:
    assert _days(dated, "published:[2024-05 TO 2024]") == {
        "2024-05-01",
        "2024-05-02",
        "2024-05-31",
        "2024-06-01",
    }


@pytest.mark.parametrize(
    "query",
    [
        "source:www.sahelcourier.example",
        "source:news.sahelcourier.example",
        "source:https://www.sahelcourier.example/afrique/article-1",
        "source:sahelcourier.example",
    ],
)
def test_an_outlet_by_its_site_as_a_browser_shows_it(library: Library, query: str) -> None:
    library.add_drafts(
        [
            draft(
                "Dosso market reopens",
                "The weekly market in Dosso reopened on Monday.",
                source="",
                url="https://www.sahelcourier.example/afrique/dosso-market",
            ),
            draft("Zinder rain", "Rain fell in Zinder.", source="Other Wire"),
        ]
    )
    library.ensure_index()
    assert [hit.title for hit in library.search(query).hits] == ["Dosso market reopens"]


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("published:<>2025", "published:<> is no comparison"),
        ("published:>>2025-03", "published:>> is no comparison"),
        ("niger published:=<2024", "published:=< is no comparison"),
        ("title:title:mali", "title:title: names two fields"),
    ],
)
def test_a_doubled_comparison_or_field_is_an_error(library: Library, query: str, said: str) -> None:
    library.ensure_index()
    with pytest.raises(QueryError, match=said):
        library.search(query)


@pytest.mark.parametrize(
    "query", ["published:>=2025", "published:<=2025-05", '"title:title:mali"', "10:30:45"]
)
def test_single_comparisons_and_quoted_text_are_no_doubles(library: Library, query: str) -> None:
    library.ensure_index()
    library.search(query)  # no error


@pytest.mark.parametrize("query", ["?", "*", "??", "*?", "niger ?", "(*) OR mali", "uranium -*"])
def test_a_term_of_wildcards_alone_is_an_error_not_every_article(
    mixed: Library, query: str
) -> None:
    # `?` matched every one-letter word and `*` every article: thousands of hits, no comment.
    with pytest.raises(QueryError, match="alone matches any word") as caught:
        mixed.search(query)
    assert caught.value.position == min(query.find("*") % 99, query.find("?") % 99)


@pytest.mark.parametrize("query", ["niger*", "m?li", "title:*", "author:*"])
def test_a_wildcard_with_letters_or_a_field_still_searches(mixed: Library, query: str) -> None:
    mixed.search(query)  # no QueryError


def test_an_unknown_fields_message_puts_the_guess_and_the_quoting_tip_before_the_list(
    mixed: Library,
) -> None:
    with pytest.raises(QueryError) as caught:
        mixed.search("sahel titel:drought")
    message = str(caught.value)
    assert (
        message.index("did you mean title:?")
        < message.index("In quotes")
        < message.index("Fields:")
    )
