"""The postings evaluator (search/evaluate.py) finds what Whoosh's searcher finds, with the same
scores and order, on an index of several segments with deleted documents."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from sahelreader.library import Library
from sahelreader.search import evaluate as ev
from sahelreader.search.query import split_filters, without_absent_terms

from .conftest import draft, utc

EN = (
    "the army of a soldiers and forces in to security attack village land convoy drought "
    "niamey bamako sanctions election junta minister talks border refugees"
).split()
FR = (
    "l'armée de la terre les forces du le sécurité attaque village des armées convoi "
    "sécheresse niamey bamako sanctions élection junte ministre frontière réfugiés"
).split()


def _text(rng: random.Random, words: list[str], sentences: int) -> str:
    return " ".join(
        " ".join(rng.choice(words) for _ in range(rng.randint(6, 16))).capitalize() + "."
        for _ in range(sentences)
    )


@pytest.fixture(scope="module")
def segmented_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """English and French articles added in three batches (three segments), some removed.
    Built once for the module: the tests only read it."""
    library = Library.open(tmp_path_factory.mktemp("segmented") / "home", seed=False)
    rng = random.Random(11)
    for batch in range(3):
        drafts = []
        for i in range(60):
            french = (i + batch) % 3 == 0
            words = FR if french else EN
            drafts.append(
                draft(
                    f"Dispatch {batch}-{i} " + _text(rng, words, 1),
                    _text(rng, words, rng.randint(1, 6)),
                    published=utc(2024, 1, 1) + timedelta(days=5 * i + batch),
                    language="fr" if french else "en",
                )
            )
        library.add_drafts(drafts)
        library.sync_index()
    removed = library.list_ids()[::9]
    library.remove(removed, force=True)
    library.sync_index()
    yield library
    library.close()


QUERIES = [
    "army",
    "attack village",
    "niamey OR bamako",
    "sanctions NOT election",
    "convoy ANDMAYBE drought",
    '"the army"',
    '"les forces"',
    '"de la"',
    '"the army" village',
    "title:niamey",
    "title:dispatch border",
    "secur*",
    "vilage~",
    "(attack OR convoy) (niamey OR bamako)",
    "armées frontière",
    "junte OR junta",
    '"security attack" OR "attaque village"',
]


def _both(library: Library, text: str) -> tuple[dict[int, float], dict[int, float], list[int]]:
    searcher = library.index.searcher()
    rest, _ = split_filters(library.index.parse(text).query)
    query = without_absent_terms(library.index.resolve(rest, searcher), searcher.reader())
    whoosh = {hit.docnum: float(hit.score) for hit in searcher.search(query, limit=None)}
    # Whoosh's own full ranking: its pruned top ten can miss better hits (see the test below).
    top = sorted(whoosh, key=lambda doc: (-whoosh[doc], doc))[:10]
    return whoosh, ev.evaluate(query, searcher), top


def test_the_fixture_has_segments_and_deletions(segmented_library: Library) -> None:
    reader = segmented_library.index.searcher().reader()
    assert not reader.is_atomic()
    assert any(leaf.has_deletions() for leaf, _ in reader.leaf_readers())
    assert ev.supported(segmented_library.index.searcher())


@pytest.mark.parametrize("text", QUERIES)
def test_same_documents_scores_and_order_as_whoosh(segmented_library: Library, text: str) -> None:
    whoosh, mine, top = _both(segmented_library, text)
    assert whoosh, f"{text!r} should match something in the fixture"
    assert set(mine) == set(whoosh)
    if "NOT" not in text:  # Whoosh adds a constant for the NOT side; the order is the same
        for doc, score in whoosh.items():
            assert mine[doc] == pytest.approx(score, rel=1e-9)
    _same_ranking(mine, whoosh, top, text)


def _same_ranking(
    mine: dict[int, float], whoosh: dict[int, float], top: list[int], text: str
) -> None:
    """The best ten are Whoosh's best ten, up to the order of equal scores (sums of the same
    terms added in another order may differ in the last bits)."""
    ranked = ev.best(mine, len(top))
    assert [round(whoosh[d], 9) for d, _ in ranked] == [round(whoosh[d], 9) for d in top], text


def test_random_boolean_queries_agree_with_whoosh(segmented_library: Library) -> None:
    rng = random.Random(5)
    stop = {"the", "of", "a", "and", "in", "to", "de", "la", "les", "du", "le", "des"}
    words = [w for w in EN + FR if "'" not in w and w not in stop]
    for _ in range(40):
        parts = []
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.25:
                part = f'"{rng.choice(words)} {rng.choice(words)}"'
            else:
                part = rng.choice(words)
            parts.append(part)
        joiner = rng.choice([" ", " OR ", " AND "])
        text = joiner.join(parts)
        whoosh, mine, top = _both(segmented_library, text)
        assert set(mine) == set(whoosh), text
        for doc, score in whoosh.items():
            assert mine[doc] == pytest.approx(score, rel=1e-9), text
        _same_ranking(mine, whoosh, top, text)


def test_search_counts_every_match_exactly(segmented_library: Library) -> None:
    everything = segmented_library.search("army OR armée", limit=None, snippets=False)
    first = segmented_library.search("army OR armée", limit=5, snippets=False)
    assert len(first.hits) == 5
    assert first.total == everything.total == len(everything.hits)
    assert first.more
    assert [h.id for h in first.hits] == [h.id for h in everything.hits[:5]]


def test_the_first_page_is_the_top_of_the_whole_ranking(segmented_library: Library) -> None:
    # Whoosh's collector pruned blocks by their best possible score and returned a first page
    # that missed better hits than the ones it kept (8.7 kept, 9.2 missed, on `attack village`).
    for text in ("attack village", "(attack OR convoy) (niamey OR bamako)", "army"):
        everything = segmented_library.search(text, limit=None, snippets=False).hits
        page = segmented_library.search(text, limit=10, snippets=False).hits
        assert [round(h.score, 9) for h in page] == [round(h.score, 9) for h in everything[:10]]


def test_a_removed_article_is_never_found(segmented_library: Library) -> None:
    hits = segmented_library.search("army OR armée OR niamey", limit=None, snippets=False)
    present = set(segmented_library.list_ids())
    assert {hit.id for hit in hits.hits} <= present


def test_filters_still_apply(segmented_library: Library) -> None:
    hits = segmented_library.search("army published:2024-01", limit=None, snippets=False)
    assert hits.hits
    for hit in hits.hits:
        assert hit.published is not None and hit.published.strftime("%Y-%m") == "2024-01"


def test_shapes_it_leaves_to_whoosh_still_search(segmented_library: Library) -> None:
    # A NOT on its own under OR is not evaluated here: Whoosh's searcher answers it.
    searcher = segmented_library.index.searcher()
    query = segmented_library.index.parse("army OR NOT niamey").query
    with pytest.raises(ev.Unsupported):
        ev.evaluate(segmented_library.index.resolve(query, searcher), searcher)
    assert segmented_library.search("army OR NOT niamey", limit=None).hits


def test_a_phrase_beside_words_reads_positions_only_where_the_words_are(
    segmented_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`"the army" village`: the words' documents are found first, and the phrase's positions
    are decoded only among them (`source:"sahel monitor" niamey` read every article's source
    positions)."""
    decoded: list[object] = []
    real = ev._decode_positions

    def counting(value: bytes) -> object:
        decoded.append(value)
        return real(value)

    monkeypatch.setattr(ev, "_decode_positions", counting)
    _both(segmented_library, '"the army"')
    alone = len(decoded)
    decoded.clear()
    # A number from the titles ("Dispatch 1-42 …") is in a handful of articles.
    for number in range(59, 2, -1):
        decoded.clear()
        whoosh, mine, _ = _both(segmented_library, f'"the army" {number}')
        if whoosh:
            break
    assert whoosh and set(mine) == set(whoosh)
    assert 0 < len(decoded) < alone / 4


def test_a_word_is_looked_up_once_in_each_segment(
    segmented_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rare word cost a dozen lookups per segment in Whoosh's terms files (does the segment
    hold it, its frequency, its postings), the most of its time with many segments."""
    from whoosh.codec.whoosh3 import W3TermsReader

    looked_up: list[str] = []
    for name in ("__contains__", "term_info", "doc_frequency", "frequency"):
        real = getattr(W3TermsReader, name)

        def counting(self: Any, *args: Any, _real: Any = real, _name: str = name) -> Any:
            looked_up.append(_name)
            return _real(self, *args)

        monkeypatch.setattr(W3TermsReader, name, counting)
    searcher = segmented_library.index.searcher()
    query = segmented_library.index.resolve(
        split_filters(segmented_library.index.parse("sanctions").query)[0], searcher
    )
    terms = set(query.iter_all_terms())
    segments = len(list(searcher.reader().leaf_readers()))
    ev._TERMS.clear()  # scores remembered by the tests before would need no lookup at all
    looked_up.clear()
    ev.evaluate(query, searcher)
    assert 0 < len(looked_up) <= len(terms) * segments


def test_a_word_is_counted_in_the_documents_a_search_finds_deleted_ones_left_out(
    segmented_library: Library,
) -> None:
    # Whoosh's doc_frequency counts removed (and replaced) documents until their segment is
    # merged away; the live count is what a search for the word finds.
    from whoosh.query import Term

    searcher = segmented_library.index.searcher()
    reader = searcher.reader()
    assert reader.doc_count() < reader.doc_count_all()  # some documents are deleted
    inflated = 0
    for field in ("body", "title"):
        for word in sorted({w for w in EN + FR if " " not in w}):
            found = len(set(searcher.docs_for_query(Term(field, word))))
            assert ev.live_doc_frequency(reader, field, word) == found, (field, word)
            inflated += reader.doc_frequency(field, word) > found
    assert inflated  # the words removed documents held are counted apart
    assert ev.live_doc_frequency(reader, "body", "absentword") == 0
    assert ev.live_doc_frequency(reader, "nofield", "the") == 0


def test_an_empty_index_counts_nothing(library: Library) -> None:
    """An index with no documents has a reader with no term table (Whoosh's EmptyReader): the
    live count is 0 there, and a search on an empty library still proposes nothing."""
    library.ensure_index()
    reader = library.index.searcher().reader()
    assert ev.live_doc_frequency(reader, "body", "niamey") == 0
    assert library.search("niamy").total == 0
