"""The side panel of related sources: cited sources, related coverage, links."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from sahelreader.json_output import related_json
from sahelreader.library import Library
from sahelreader.related.coverage import Coverage, Related
from sahelreader.related.coverage import related as related_of
from sahelreader.related.duplicates import Shingles, near_duplicate
from sahelreader.related.inputs import Document, RelatedInputs

from .conftest import draft, utc


def related(lib: Library, article_id: str, limit: int = 10) -> Related:
    """The side panel's contents, as the CLI and the TUI ask for them."""
    return lib.related(article_id, limit)


WIRE = (
    "Gunmen attacked an army post near the town of Tillaberi in western Niger on Tuesday, "
    "killing seventeen soldiers, the defence ministry said in a statement read on state "
    "television. The ministry said the assailants arrived on dozens of motorcycles before dawn "
    "and that reinforcements from Niamey had been sent to the area. Colonel Amadou Abdramane, "
    "the junta spokesperson, said a search operation was under way and that several attackers "
    "had been killed. No group has claimed the attack, which came a week after a convoy was "
    "ambushed on the road between Tillaberi and Ouallam. The region borders Mali and Burkina "
    "Faso, where fighters linked to Islamic State and al Qaeda are active."
)

STORY = [
    draft(
        "Seventeen soldiers killed in attack on army post near Tillaberi",
        WIRE,
        source="Sahel Wire",
        url="https://sahelwire.example/tillaberi-attack",
        published=utc(2024, 5, 14),
    ),
    draft(
        "Niger: 17 soldiers die as gunmen on motorbikes storm Tillaberi base",
        # The same wire copy, lightly cut, in a second outlet.
        WIRE.replace(" on Tuesday", "").rsplit(" The region borders", 1)[0],
        source="Daily Dispatch",
        published=utc(2024, 5, 14),
    ),
    draft(
        "Deadly dawn raid on Tillaberi garrison leaves seventeen troops dead",
        "Seventeen Nigerien soldiers died when assailants on motorcycles overran an army post "
        "close to Tillaberi before dawn on Tuesday. Amadou Abdramane, speaking for the junta, "
        "told reporters that a search operation was combing the area and that attackers had "
        "died too. The defence ministry said reinforcements left Niamey within hours and that "
        "no group had claimed the attack on the post.",
        source="Niamey Herald",
        published=utc(2024, 5, 15),
    ),
    draft(
        "Tillaberi attack: army says hunt for gunmen continues",
        "The army said on Wednesday that the search for the gunmen who killed seventeen "
        "soldiers near Tillaberi was continuing. Abdramane said the assailants fled towards "
        "the border with Mali on motorcycles. Families of the soldiers gathered in Niamey.",
        source="Radio Sahel",
        published=utc(2024, 5, 15),
    ),
]

FILLER = (
    [
        draft(
            f"Recipe of the week number {n}: millet couscous with {dish}",
            f"Soak the millet overnight, steam it twice and serve it with {dish}. This recipe "
            "feeds four people and keeps well in a cool place for two days. Add a pinch of salt "
            "and some butter before serving; children like it with a little sugar and milk.",
            source="Kitchen Weekly",
            published=utc(2023, 1, n),
        )
        for n, dish in enumerate(["peanut sauce", "baobab leaves", "okra stew", "dried fish"], 1)
    ]
    + [
        draft(
            f"{topic.capitalize()} report {n}",
            f"A new report on {topic} in {town} was published on Monday by researchers who "
            f"studied {thing} over several years. They found that {thing} changed a lot and "
            f"recommend more investment in {topic} across {town} and the surrounding districts.",
            source="Sahel Review",
            published=utc(2022, 1 + n % 12, 1 + n % 27),
        )
        for n, (topic, town, thing) in enumerate(
            (t, w, x)
            for t in ("schools", "rainfall", "markets", "clinics", "roads", "mobile banking")
            for w in ("Zinder", "Maradi", "Dosso", "Agadez", "Diffa", "Tahoua")
            for x in ("attendance", "prices")
        )
    ]
    + [
        draft(
            "Football: Niamey club wins the cup final",
            "The Niamey club won the national cup final on Sunday after a penalty shoot-out in "
            "front of a large crowd at the stadium. The coach praised his goalkeeper.",
            source="Sport Sahel",
            published=utc(2024, 2, 4),
        ),
    ]
)


@pytest.fixture
def newsroom(home: Path) -> Iterator[Library]:
    lib = Library.open(home, seed=False)
    report = lib.add_drafts(STORY + FILLER)
    assert not report.failed and len(report.added) == len(STORY) + len(FILLER)
    lib.ensure_index()
    yield lib
    lib.close()


def _ids_by_source(lib: Library) -> dict[str, str]:
    return {row.source: row.id for row in lib.rows(lib.list_ids())}


def test_same_story_from_other_outlets_is_related(newsroom: Library) -> None:
    ids = _ids_by_source(newsroom)
    found = related(newsroom, ids["Sahel Wire"])
    sources = [c.source for c in found.coverage]
    assert set(sources) == {"Daily Dispatch", "Niamey Herald", "Radio Sahel"}
    assert all(isinstance(c, Coverage) for c in found.coverage)
    scores = [c.score for c in found.coverage]
    assert scores == sorted(scores, reverse=True)
    herald = next(c for c in found.coverage if c.source == "Niamey Herald")
    assert "Tillaberi" in herald.shared_entities
    assert any("Abdramane" in name for name in herald.shared_entities)


def test_related_reads_only_its_inputs(newsroom: Library) -> None:
    """`related` needs no Library: an article, a searcher, documents and entity lookups."""
    ids = _ids_by_source(newsroom)
    articles = {i: newsroom.get(i) for i in newsroom.list_ids()}
    entities = {i: newsroom.entities(article) for i, article in articles.items()}
    asked: list[str] = []

    def documents(wanted: Sequence[str]) -> list[Document]:
        asked.extend(wanted)
        return [
            Document(a.id, a.title, a.body, a.source, a.language, a.published)
            for a in (articles[i] for i in wanted)
        ]

    inputs = RelatedInputs(
        article=articles[ids["Sahel Wire"]],
        searcher=newsroom.index.searcher,
        documents=documents,
        entities_of=lambda item: entities[item.id],
        recognise=newsroom.recogniser.recognise,
    )
    found = related_of(inputs)
    assert found == newsroom.related(ids["Sahel Wire"])
    assert {c.id for c in found.coverage} <= set(asked)
    assert ids["Sahel Wire"] not in asked  # the article itself is never a candidate

    without_index = related_of(replace(inputs, searcher=lambda: None))
    assert without_index.coverage == []
    assert without_index.cited == found.cited and without_index.links == found.links


def test_candidates_without_cached_entities_are_recognised_again(newsroom: Library) -> None:
    ids = _ids_by_source(newsroom)
    before = related(newsroom, ids["Sahel Wire"])
    herald = ids["Niamey Herald"]
    with newsroom.store.transaction() as conn:
        conn.execute("DELETE FROM article_entities WHERE article_id = ?", (herald,))
    assert newsroom.store.cached_entities(herald, newsroom.entity_version) is None
    assert related(newsroom, ids["Sahel Wire"]) == before
    assert newsroom.store.cached_entities(herald, newsroom.entity_version)  # cached again


def test_wire_copy_is_marked_near_duplicate(newsroom: Library) -> None:
    ids = _ids_by_source(newsroom)
    found = related(newsroom, ids["Sahel Wire"])
    marks = {c.source: c.near_duplicate for c in found.coverage}
    assert marks["Daily Dispatch"] is True
    assert marks["Niamey Herald"] is False
    assert marks["Radio Sahel"] is False


def test_unrelated_articles_are_not_shown(newsroom: Library) -> None:
    ids = _ids_by_source(newsroom)
    found = related(newsroom, ids["Sahel Wire"])
    assert not {"Kitchen Weekly", "Sport Sahel"} & {c.source for c in found.coverage}
    football = related(newsroom, ids["Sport Sahel"])
    assert football.coverage == []  # shares "Niamey" with the story, nothing more


def test_article_itself_and_its_copy_from_same_source_are_excluded(home: Path) -> None:
    lib = Library.open(home, seed=False)
    try:
        copy = draft(
            STORY[0].title + " (updated)",
            STORY[0].body + " This story has been updated.",
            source="Sahel Wire",
            url="https://sahelwire.example/tillaberi-attack-updated",
            published=utc(2024, 5, 14),
        )
        lib.add_drafts([*STORY, copy, *FILLER])
        lib.ensure_index()
        ids = _ids_by_source(lib)  # the last Sahel Wire row wins: either copy
        found = related(lib, ids["Sahel Wire"])
        assert "Sahel Wire" not in {c.source for c in found.coverage}
        assert ids["Sahel Wire"] not in {c.id for c in found.coverage}
    finally:
        lib.close()


def test_coverage_by_outlet_groups_in_order_of_best_item() -> None:
    def item(i: str, source: str, score: float) -> Coverage:
        return Coverage(i, f"title {i}", source, None, score, (), False)

    r = Related(
        [],
        [item("a", "X", 0.9), item("b", "Y", 0.8), item("c", "X", 0.7), item("d", "Z", 0.5)],
        [],
    )
    groups = r.coverage_by_outlet()
    assert [name for name, _ in groups] == ["X", "Y", "Z"]
    assert [c.id for c in groups[0][1]] == ["a", "c"]


def test_limit(newsroom: Library) -> None:
    ids = _ids_by_source(newsroom)
    assert len(related(newsroom, ids["Sahel Wire"], limit=2).coverage) == 2
    assert related(newsroom, ids["Sahel Wire"], limit=0).coverage == []


def test_links_own_url_first_http_only(home: Path) -> None:
    lib = Library.open(home, seed=False)
    try:
        body = (
            "Read the statement at https://gov.example/statement. and the video "
            "(http://video.example/clip) or the mirror javascript:alert(1) "
            "ftp://files.example/x and again https://gov.example/statement"
        )
        lib.add_drafts(
            [
                draft("With links", body, url="https://outlet.example/story"),
                draft("Feed item", body + " once more", url="ftp://outlet.example/x"),
            ]
        )
        rows = {row.title: row.id for row in lib.rows(lib.list_ids())}
        links = related(lib, rows["With links"]).links
        assert links == [
            "https://outlet.example/story",
            "https://gov.example/statement",
            "http://video.example/clip",
        ]
        assert related(lib, rows["Feed item"]).links == [
            "https://gov.example/statement",
            "http://video.example/clip",
        ]
    finally:
        lib.close()


def test_json_shape(newsroom: Library) -> None:
    ids = _ids_by_source(newsroom)
    data = related_json(related(newsroom, ids["Sahel Wire"]))
    assert set(data) == {"cited", "coverage", "more_from_outlet", "links", "story"}
    assert data["links"] == ["https://sahelwire.example/tillaberi-attack"]
    assert data["coverage"]
    for item in data["coverage"]:
        assert set(item) == {
            "id",
            "title",
            "source",
            "published",
            "score",
            "shared_entities",
            "near_duplicate",
            "language",
        }
        assert isinstance(item["shared_entities"], list)
        assert isinstance(item["published"], str)
    for cited in data["cited"]:
        assert set(cited) == {"name", "kind", "count", "sentences"}
        assert isinstance(cited["sentences"], list)
    import json

    json.dumps(data)  # serialisable as is


def test_seed_article_cites_rtn_reuters_afp_and_spokesperson(seeded: Library) -> None:
    article_id = seeded.list_ids()[0]
    found = related(seeded, article_id)
    by_name = {c.name: c for c in found.cited}
    # RTN is reported under its full name.
    assert {"RTN (Radio Télévision du Niger)", "Reuters", "Agence France-Presse"} <= set(by_name)
    assert by_name["RTN (Radio Télévision du Niger)"].kind == "outlet"
    officials = [c for c in found.cited if c.kind == "official"]
    assert "Amadou Abdramane, junta spokesperson" in {c.name for c in officials}
    assert found.coverage == []  # alone in its library


def test_near_duplicate_shingles() -> None:
    a = Shingles(WIRE)
    assert near_duplicate(a, Shingles(WIRE.replace("seventeen", "17")))
    assert not near_duplicate(a, Shingles(STORY[2].body))
    assert not near_duplicate(Shingles("short"), Shingles("other"))


# -- evidence rules: round-ups, one shared word, short feed summaries -------------------------


def test_is_roundup_titles() -> None:
    from sahelreader.related.coverage import is_roundup

    for title in (
        "The Papers: 'U-turn' on mandatory NHS staff jabs",
        "Russia Ukraine war: what we know on day 13",
        "Coronavirus live news: Germany backs limits on exports",
        "Niger coup: as it happened",
        "Morning briefing: the Tillaberi attack and more",
        "Última hora del conflicto, en directo",
        "🔴French court hands surgeon 20-year sentence",
    ):
        assert is_roundup(title), title
    for title in (
        "Seventeen soldiers killed in attack on army post near Tillaberi",
        "In pictures: Kyiv under attack as fighting rages on",
        "Olivier delivers his verdict",
    ):
        assert not is_roundup(title), title


ROUNDUP = draft(
    "The Papers: gunmen, fuel prices and a cup final",
    "The front pages lead on the attack near Tillaberi: gunmen on motorcycles killed seventeen "
    "soldiers at an army post, and the junta spokesperson Amadou Abdramane says a search "
    "operation is under way. Others lead on fuel prices and on the cup final.",
    source="Press Review",
    published=utc(2024, 5, 15),
)


def test_roundup_is_not_coverage_and_gets_no_list(home: Path) -> None:
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts([*STORY, ROUNDUP, *FILLER])
        lib.ensure_index()
        ids = _ids_by_source(lib)
        found = related(lib, ids["Sahel Wire"])
        sources = {c.source for c in found.coverage}
        assert "Press Review" not in sources  # shares the story's words, but not its title
        assert {"Daily Dispatch", "Niamey Herald", "Radio Sahel"} <= sources
        assert related(lib, ids["Press Review"]).coverage == []
    finally:
        lib.close()


def test_function_words_of_a_minority_language_are_not_evidence(home: Path) -> None:
    # In a library of mostly English, Spanish function words are rare, so they used to pass
    # for distinctive terms: two unrelated Spanish summaries of a day "matched".
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts(
            [
                draft(
                    "Las farmacias de España podrán vender los test de alergia",
                    "El Gobierno aprobó el decreto que permite a las farmacias de España vender "
                    "los test de alergia a partir de julio, según informó el ministerio.",
                    source="Diario Uno",
                    language="es",
                    published=utc(2024, 6, 3),
                ),
                draft(
                    "Los perros de asistencia podrán entrar en los hospitales de España",
                    "El Consejo de Ministros aprobó que los perros de asistencia accedan a todos "
                    "los hospitales de España a partir de julio, según informó el ministerio.",
                    source="Diario Dos",
                    language="es",
                    published=utc(2024, 6, 3),
                ),
                *FILLER,
            ]
        )
        lib.ensure_index()
        ids = _ids_by_source(lib)
        from sahelreader.related.coverage import _key_terms

        terms = {
            word
            for _, word, _ in _key_terms(lib.index.searcher(), lib.get(ids["Diario Uno"]), [], {})
        }
        assert "farmacias" in terms
        assert not terms & {"los", "las", "de", "el", "a", "que", "en"}
        assert related(lib, ids["Diario Uno"]).coverage == []
        assert related(lib, ids["Diario Dos"]).coverage == []
    finally:
        lib.close()


def test_one_shared_word_between_short_summaries_is_not_coverage(home: Path) -> None:
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts(
            [
                draft(
                    "Solar start-up Sunbeam prepares flotation",
                    "The Agadez solar firm has hired banks for a listing next year.",
                    source="Business Desk",
                    published=utc(2024, 6, 3),
                ),
                draft(
                    "Telecom operator probed over flotation flaws",
                    "Regulators in Dakar opened an inquiry into the operator's prospectus.",
                    source="Markets Today",
                    published=utc(2024, 6, 3),
                ),
                *FILLER,
            ]
        )
        lib.ensure_index()
        ids = _ids_by_source(lib)
        assert related(lib, ids["Business Desk"]).coverage == []
        assert related(lib, ids["Markets Today"]).coverage == []
    finally:
        lib.close()


def test_short_summaries_on_one_story_are_related_by_their_titles(home: Path) -> None:
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts(
            [
                draft(
                    "Kandadji dam: floodgates opened as Niger river rises",
                    "Engineers at Kandadji released water overnight after heavy rain upstream.",
                    source="River Watch",
                    published=utc(2024, 8, 20),
                ),
                draft(
                    "Niger river rises: Kandadji dam floodgates opened",
                    "Villagers below the Kandadji dam were told to move livestock uphill.",
                    source="Evening Bulletin Sahel",
                    published=utc(2024, 8, 20),
                ),
                *FILLER,
            ]
        )
        lib.ensure_index()
        ids = _ids_by_source(lib)
        found = related(lib, ids["River Watch"])
        assert [c.source for c in found.coverage] == ["Evening Bulletin Sahel"]
    finally:
        lib.close()


# The same outlet's other pieces that day: a different event on the running topic (the same
# names, places and words) and a follow-up of the story itself.
SAME_OUTLET_TOPIC = draft(
    "Niger junta names new governor for Tillaberi region",
    "The junta named a new governor for the Tillaberi region on Tuesday, Colonel Amadou "
    "Abdramane said in a statement read on state television in Niamey. The region borders Mali "
    "and Burkina Faso, where fighters linked to Islamic State and al Qaeda are active, and the "
    "defence ministry has sent reinforcements to the area after attacks on army posts. The new "
    "governor, a former army officer, said security would be his first priority.",
    source="Sahel Wire",
    url="https://sahelwire.example/tillaberi-governor",
    published=utc(2024, 5, 14),
)
SAME_OUTLET_FOLLOW_UP = draft(
    "Tillaberi attack: seventeen soldiers killed at army post buried in Niamey",
    "The seventeen soldiers killed when gunmen attacked an army post near Tillaberi were buried "
    "in Niamey on Wednesday. Colonel Amadou Abdramane, the junta spokesperson, said the search "
    "for the assailants who arrived on motorcycles before dawn was continuing, and the defence "
    "ministry said no group had claimed the attack on the post.",
    source="Sahel Wire",
    url="https://sahelwire.example/tillaberi-funeral",
    published=utc(2024, 5, 15),
)


def test_same_outlet_needs_stronger_evidence_than_other_outlets(home: Path) -> None:
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts([*STORY, SAME_OUTLET_TOPIC, SAME_OUTLET_FOLLOW_UP, *FILLER])
        lib.ensure_index()
        by_title = {row.title: row.id for row in lib.rows(lib.list_ids())}
        found = related(lib, by_title[STORY[0].title])
        titles = {c.title for c in found.coverage}
        # Other outlets on the story: as before (the strong follow-up raises the cut a little).
        assert {STORY[1].title, STORY[3].title} <= titles
        # The outlet's own piece on another event of the topic: not the story.
        assert SAME_OUTLET_TOPIC.title not in titles
        # The outlet's own follow-up, sharing the story's title words: listed apart, under
        # "more from this outlet", never as other coverage (review 12, defect 3).
        assert SAME_OUTLET_FOLLOW_UP.title not in titles
        assert SAME_OUTLET_FOLLOW_UP.title in {c.title for c in found.more_from_outlet}
        assert all(c.source != STORY[0].source for c in found.coverage)
    finally:
        lib.close()


def test_coverage_is_the_same_whatever_the_index_segments(home: Path, tmp_path: Path) -> None:
    """The articles added in three commits (three segments) or indexed in one: the same
    items, order and scores (the word counts are summed over the segments)."""
    split = Library.open(home, seed=False)
    whole = Library.open(tmp_path / "whole", seed=False)
    try:
        for part in (STORY[:2], FILLER, STORY[2:]):
            split.add_drafts(part)
            split.ensure_index()
        whole.add_drafts(STORY[:2] + FILLER + STORY[2:])
        whole.rebuild_index()
        assert split.index.segment_count() >= 3
        assert whole.index.segment_count() == 1
        split_ids = {row.title: row.id for row in split.rows(split.list_ids())}
        whole_ids = {row.title: row.id for row in whole.rows(whole.list_ids())}
        for item in STORY:
            a = split.related(split_ids[item.title])
            b = whole.related(whole_ids[item.title])
            assert [(c.title, c.score, c.near_duplicate) for c in a.coverage] == [
                (c.title, c.score, c.near_duplicate) for c in b.coverage
            ]
            assert a.coverage
    finally:
        split.close()
        whole.close()
