"""The index's word counts that related coverage reads, kept per index reader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh import classify

from sahelreader.library import Library
from sahelreader.related.term_stats import term_stats

from .conftest import draft, utc

TEXTS = [
    (
        "Flooding cuts the road between Dosso and Gaya",
        "Heavy rain flooded the national road between Dosso and Gaya on Monday, and lorries "
        "carrying onions to the border waited on the verge. The regional governor said crews "
        "would repair the culvert washed away near Birni N'Gaouré within the week.",
    ),
    (
        "Onion prices fall as lorries wait at the Gaya crossing",
        "Traders in Gaya said onion prices fell by a third after the flooding kept lorries from "
        "crossing into Benin. Some drivers have waited five days at the crossing.",
    ),
    (
        "Teachers in Zinder end their strike",
        "Teachers in Zinder returned to their classrooms after a two-week strike over unpaid "
        "allowances, the union said. The regional education office promised to pay in March.",
    ),
    (
        "Les camions bloqués à Gaya après les inondations",
        "Les pluies ont coupé la route nationale entre Dosso et Gaya. Les camionneurs attendent "
        "au bord de la route avec leurs cargaisons d'oignons destinées au Bénin.",
    ),
]


@pytest.fixture
def library(home: Path) -> Iterator[Library]:
    lib = Library.open(home, seed=False)
    lib.add_drafts(
        [
            draft(title, body, source=f"Outlet {n}", published=utc(2024, 8, 5 + n))
            for n, (title, body) in enumerate(TEXTS)
        ]
    )
    lib.ensure_index()
    yield lib
    lib.close()


def test_key_words_weigh_as_whoosh_expander_does(library: Library) -> None:
    searcher = library.index.searcher()
    reader = searcher.reader()
    text = f"{TEXTS[0][0]}\n{TEXTS[0][1]}"
    expander = classify.Expander(reader, "body")
    expander.add_text(text)
    expected = expander.expanded_terms(15, normalize=True)
    found = term_stats(searcher).key_words("body", text, 15)
    assert [word for word, _ in found] == [word for word, _ in expected]
    assert [weight for _, weight in found] == pytest.approx([w for _, w in expected])


def test_counts_are_the_readers_and_kept_while_it_lives(library: Library) -> None:
    searcher = library.index.searcher()
    reader = searcher.reader()
    stats = term_stats(searcher)
    assert term_stats(searcher) is stats
    for word in ("gaya", "lorries", "zinder", "absent"):
        assert stats.doc_frequency("body", word) == reader.doc_frequency("body", word)
        assert stats.frequency("body", word) == reader.frequency("body", word)
    assert stats.doc_frequency("body", "gaya") == 3  # three of the four name it
    french = stats.language_docs(searcher, "fr")
    assert len(french) == 1


def test_a_commit_brings_new_counts(library: Library) -> None:
    before = term_stats(library.index.searcher())
    assert before.doc_frequency("body", "harmattan") == 0
    library.add_drafts(
        [draft("Harmattan dust closes Niamey airport", "The harmattan wind closed the airport.")]
    )
    library.ensure_index()
    after = term_stats(library.index.searcher())
    assert after is not before
    assert after.doc_frequency("body", "harmattan") == 1


def test_published_dates_come_from_the_index(library: Library) -> None:
    from whoosh.util.times import datetime_to_long

    library.add_drafts([draft("Undated notice from Tahoua", "A notice without any date.")])
    library.ensure_index()
    searcher = library.index.searcher()
    stats = term_stats(searcher)
    dates = {}
    for docnum in range(searcher.reader().doc_count_all()):
        dates[searcher.stored_fields(docnum)["id"]] = stats.published(docnum)
    rows = {row.title: row.id for row in library.rows(library.list_ids())}
    first = rows[TEXTS[0][0]]
    assert dates[first] == datetime_to_long(utc(2024, 8, 5).replace(tzinfo=None))
    assert dates[rows["Undated notice from Tahoua"]] is None


def test_leaves_with_names_the_segments_holding_a_word(library: Library) -> None:
    # A second commit without a merge: the index has two segments.
    library.add_drafts(
        [
            draft(
                "Gaya traders wait for the harmattan to pass",
                "Onion traders at the Gaya crossing said the harmattan slowed the lorries.",
                source="Outlet 9",
                published=utc(2024, 8, 9),
            )
        ]
    )
    library.ensure_index()
    searcher = library.index.searcher()
    reader = searcher.reader()
    assert not reader.is_atomic()
    leaves = [leaf for leaf, _ in reader.leaf_readers()]
    stats = term_stats(searcher)
    for word in ("gaya", "harmattan", "zinder", "absent"):
        expected = tuple(n for n, leaf in enumerate(leaves) if ("body", word) in leaf)
        assert stats.leaves_with("body", word) == expected
    assert len(stats.leaves_with("body", "gaya")) == 2
    assert stats.leaves_with("body", "absent") == ()
