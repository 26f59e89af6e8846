"""The fast analysis used to find matches in a text gives exactly Whoosh's analyzers' terms."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sahelreader.search.analysis import (
    folded_tokens,
    folding_analyzer,
    word_analyzer,
    word_term,
)

SAMPLES = [
    "Les forces armées maliennes (FAMa) ont repris Kidal, selon l'état-major.",
    "The U.N. envoy met Niger's junta in Niamey on 3 March 2024; ECOWAS's talks stalled.",
    "Ménaka, MÉNAKA et menaka: l'Œuvre d'Assimi Goïta à Ouagadougou — 12 soldats tués.",
    "Running runners ran; armies' generalisation of nationalities.",
    "Straße ÇA ÿ œuvre naïve café 2.5 km x_y a.b.c",
]


def _check(text: str) -> None:
    expected = [(t.startchar, t.endchar, t.text) for t in folding_analyzer()(text, chars=True)]
    assert list(folded_tokens(text)) == expected
    for language in ("en", "fr", "other"):
        analysed = [t.text for t in word_analyzer(language)(text)]
        mine = [word_term(language, term) for _, _, term in folded_tokens(text)]
        assert [term for term in mine if term is not None] == analysed


def test_samples_agree() -> None:
    for text in SAMPLES:
        _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80))
def test_any_text_agrees(text: str) -> None:
    _check(text)


def test_the_word_fields_get_the_analyzers_terms() -> None:
    from sahelreader.search.analysis import analysed_words

    for text in SAMPLES:
        for language in ("en", "fr", "other", ""):
            expected = " ".join(t.text for t in word_analyzer(language)(text))
            assert analysed_words(text, language) == expected
