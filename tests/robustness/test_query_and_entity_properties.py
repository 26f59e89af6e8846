"""Property tests: whatever a user types, the query parser answers or says QueryError; whatever
an article holds, the recogniser returns spans inside the text. Nothing else ever comes out."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sahelreader.entities import Recogniser
from sahelreader.library import Library, QueryError
from tests.conftest import draft

# Query syntax pieces mixed with arbitrary text, so that the parser's corners are reached.
_PIECES = st.sampled_from(
    [
        "AND",
        "OR",
        "NOT",
        "(",
        ")",
        '"',
        "*",
        "?",
        "~",
        "~2",
        ":",
        "[",
        "]",
        " to ",
        "{",
        "}",
        "title:",
        "person:",
        "published:",
        "published:[2024-01 to",
        "2024-13",
        "source:",
        "niger",
        "Ménaka",
        "d'Assimi",
        "\u202e",
        "\x00",
        "\ud800",
        "^2",
        "-",
        "+",
        "\\",
    ]
)
_QUERIES = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=8).map(" ".join)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    home: Path = tmp_path_factory.mktemp("props")
    opened = Library.open(home, seed=False)
    opened.add_drafts(
        [
            draft("Convoy reaches Ménaka", "A convoy reached Ménaka on Monday, officials said."),
            draft("Sécheresse à Tillabéri", "La sécheresse touche les éleveurs de Tillabéri."),
        ]
    )
    opened.ensure_index()
    return opened


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_QUERIES)
def test_any_query_is_answered_or_refused_with_a_query_error(library: Library, text: str) -> None:
    try:
        results = library.search(text, limit=5)
    except QueryError as error:
        assert str(error)
    else:
        assert results.total >= 0
        for hit in results.hits:
            assert all(0 <= start <= end <= len(hit.snippet) for start, end in hit.matches)


_RECOGNISER = Recogniser()


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet=st.one_of(st.characters(), st.sampled_from(list("ÉéèçàÎ'’- .,\nNMTAB"))),
        max_size=300,
    ),
    language=st.sampled_from(["en", "fr", None, "xx"]),
)
def test_the_recogniser_returns_spans_inside_any_text(text: str, language: str | None) -> None:
    for entity in _RECOGNISER.recognise(text, language):
        assert 0 <= entity.start < entity.end <= len(text)
        assert entity.text == text[entity.start : entity.end]
        assert entity.type in ("person", "place", "organisation")
