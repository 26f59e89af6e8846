"""The text toolkit: one accent fold, one language guess, one sentence splitter with one list of
abbreviations, and the known names, used by every part of the app that needs them.

Example sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from sahelreader.entities import Recogniser, canonical
from sahelreader.ingest.titles import title_from_text
from sahelreader.search.analysis import folding_analyzer
from sahelreader.search.watch import find_names
from sahelreader.sources.citations.document import languages
from sahelreader.sources.outlets import name_key
from sahelreader.text.fold import fold, fold_same_length, strip_accents
from sahelreader.text.language import detect_language
from sahelreader.text.names import known_names, never_person_names, not_names
from sahelreader.text.sentences import ABBREVIATIONS, NUMBER_ABBREVIATIONS, split_sentences
from sahelreader.text.wordlists import sections

# --------------------------------------------------------------------------- folding

WORDS = ["Ménaka", "TILLABÉRI", "Goïta", "Ségou", "Djaména", "Straße", "Bøe", "Côte", "Œuvre"]


@pytest.mark.parametrize("word", WORDS)
def test_fold_meets_the_index_terms(word: str) -> None:
    assert [token.text for token in folding_analyzer()(word)] == [fold(word)]


def test_fold_examples() -> None:
    assert fold("Ménaka") == "menaka"
    assert fold("TILLABÉRI") == "tillaberi"
    assert fold("Goïta") == "goita"


def test_fold_is_the_accent_table_on_every_character() -> None:
    """fold only looks up runs of non-ASCII characters; that must equal translating every
    character, for every code point and for mixed text."""
    from whoosh.support.charset import accent_map

    table: dict[int, str] = dict(accent_map)  # type: ignore[assignment]  # int keys at run time

    def reference(text: str) -> str:
        return text.lower().translate(table)

    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    assert [fold(c) for c in every] == [reference(c) for c in every]
    mixed = "Goïta à Ménaka, İstanbul, ﬁnance, Straße, K (kelvin) et l'ÉTAT ǅ Ǳ ὈΔΥΣΣΕΎΣ"
    assert fold(mixed) == reference(mixed)


def test_strip_accents_keeps_the_case() -> None:
    assert strip_accents("Goïta à Ménaka") == "Goita a Menaka"
    assert strip_accents("ÉTATS-UNIS") == "ETATS-UNIS"
    assert strip_accents("Niger") == "Niger"


@pytest.mark.parametrize("word", [*WORDS, "Ничего", "東京", "ok"])
def test_fold_same_length_keeps_offsets_and_agrees_with_fold(word: str) -> None:
    folded = fold_same_length(word)
    assert len(folded) == len(word)
    if len(fold(word)) == len(word):
        assert folded == fold(word)


def test_the_name_keys_are_built_on_fold() -> None:
    assert name_key("Al-Jazeera") == name_key("al jazeera") == "al jazeera"
    assert name_key("Télé Sahel") == fold("tele sahel")
    assert canonical("Assimi  Goïta’s") == "assimi goita"
    assert find_names("Le colonel GOÏTA a parlé.", ["Goita"]) == [(11, 16)]


# --------------------------------------------------------------------------- language


def test_long_texts() -> None:
    french = (
        "Le gouvernement de transition a annoncé mardi la fermeture des frontières avec le "
        "Bénin, selon un communiqué lu à la télévision nationale. Les autorités ont précisé que "
        "cette mesure serait levée après la visite de la délégation de la CEDEAO."
    )
    english = (
        "The transitional government announced on Tuesday that the border with Benin would "
        "close, according to a statement read on state television. The authorities said it "
        "was a temporary measure and that talks with the delegation would resume."
    )
    assert detect_language(french) == "fr"
    assert detect_language(english) == "en"


def test_unclear_text_gives_the_default() -> None:
    assert detect_language("") == ""
    assert detect_language("Niamey, 12 mars 2024") == ""
    assert detect_language("12 / 03 / 2024", default="en") == "en"
    # as many English as French votes: no clear winner
    assert detect_language("le Niger and Mali", among=("en", "fr")) == ""


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("La junte au Niger", "fr"),
        ("Une attaque à Ménaka", "fr"),
        ("L'armée nigérienne", "fr"),  # an elision is a French vote
        ("Junta leaders meet with the mayor", "en"),
        ("Floods in the north of Mali", "en"),
    ],
)
def test_titles_are_decided_on_few_words(title: str, language: str) -> None:
    assert detect_language(title) == language


@pytest.mark.parametrize(
    "italian",
    [
        # Italian elides too (l', dell', all', un'): those are not French votes.
        "Il governo italiano: 'Sosterremo l'Ucraina nella ricostruzione'. L'accordo con "
        "l'Unione europea sarà firmato domani",
        "Roma, l'allarme della protezione civile per l'ondata di caldo. Un'estate da record",
        "L'inviato dell'Onu all'assemblea: 'La crisi nel Sahel non è finita'",
    ],
)
def test_italian_elisions_are_not_french(italian: str) -> None:
    assert detect_language(italian) == "it"
    # The recogniser knows English and French only: Italian text stays French-like there.
    assert detect_language(italian, among=("en", "fr")) in ("fr", "")


def test_french_elisions_still_vote_french() -> None:
    assert detect_language("L'armée malienne et l'ONU s'accordent sur l'aide d'urgence") == "fr"
    assert detect_language("Qu'a dit l'envoyé de la CEDEAO à Niamey ?") == "fr"


def test_among_limits_the_candidates() -> None:
    spanish = "La presidenta de la comisión para el desarrollo del Sahel"
    assert detect_language(spanish) == "es"
    assert detect_language(spanish, among=("en", "fr")) in ("fr", "")
    assert detect_language("Tiani rencontre Goïta", among=("en", "fr"), default="en") == "en"


def test_the_recogniser_and_the_extractor_use_the_guess() -> None:
    # "a" after a name is a French verb of saying ("Zarbo a déclaré"), so only French text
    # makes the name a person on that evidence
    text = "Hier, Zarbo a quitté la ville"
    assert [(e.text, e.type) for e in Recogniser().recognise(text)] == [("Zarbo", "person")]
    assert Recogniser().recognise(text, "en") == []
    assert languages("Les autorités ont indiqué que la route était fermée.", None) == (
        False,
        True,
    )
    assert languages("Niamey", None) == (True, True)  # unclear: both pattern sets run
    assert languages("Niamey", "fr-FR") == (False, True)


# --------------------------------------------------------------------------- sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_one_abbreviation_list() -> None:
    assert {"col", "gen", "mme", "mm", "pr", "jan"} <= ABBREVIATIONS
    assert "no" in NUMBER_ABBREVIATIONS and "no" not in ABBREVIATIONS
    assert "etc" not in ABBREVIATIONS  # "etc." usually ends its sentence


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Le Pr. Diallo et MM. Touré et Maïga ont parlé. La séance est levée."
    assert sentences(text) == [
        "Le Pr. Diallo et MM. Touré et Maïga ont parlé.",
        "La séance est levée.",
    ]
    assert sentences("He lives at No. 5 Rue de Gao. He said no. Then he left.") == [
        "He lives at No. 5 Rue de Gao.",
        "He said no.",
        "Then he left.",
    ]
    assert sentences("La crue a atteint 152 m. Il faut évacuer.") == [
        "La crue a atteint 152 m.",
        "Il faut évacuer.",
    ]


def test_titles_use_the_same_splitter() -> None:
    assert title_from_text("Le Pr. Diallo a quitté Bamako. Il reviendra.") == (
        "Le Pr. Diallo a quitté Bamako"
    )
    assert title_from_text("Les prix ont baissé de 10 $. Zoé Roth a vendu.") == (
        "Les prix ont baissé de 10 $"
    )


# --------------------------------------------------------------------------- names and lists


def test_known_names() -> None:
    kinds = {known.name: known.kind for known in known_names()}
    assert kinds["Niger"] == "place"
    assert kinds["ECOWAS"] == "organisation"
    assert kinds["Argentine"] == "place"  # one type: the French name of the country
    assert {"Niger", "Burkina Faso", "Monday", "Meta"} <= set(never_person_names())
    assert "Jordan" not in never_person_names()  # a place that is also a person's name
    assert {"The", "However", "Selon"} <= set(not_names())


def test_sections_need_a_header(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    import sahelreader.text.wordlists as wordlists

    monkeypatch.setattr(wordlists, "data_text", lambda package, name: "word\n[list]\nother\n")
    with pytest.raises(ValueError, match="before any"):
        sections("sahelreader.text", "any.txt")
    monkeypatch.setattr(wordlists, "data_text", lambda package, name: "# c\n[a]\nx\n\n[b]\ny z\n")
    assert sections("sahelreader.text", "any.txt") == {"a": ["x"], "b": ["y z"]}


def test_bidi_overrides_and_isolates_are_stripped_from_any_text_but_marks_stay() -> None:
    # U+202E (right-to-left override) makes "txt.exe" display as "exe.txt": a spoofing trick.
    from sahelreader.text.clean import clean_text, one_line

    hostile = "Report \u202eexe.txt\u202c from \u2067Gao\u2069 \u200fمالي\u200e"
    assert clean_text(hostile) == "Report exe.txt from Gao \u200fمالي\u200e"
    assert one_line("Title\u202d with\u2066 isolates\u2069") == "Title with isolates"


def test_a_text_file_with_a_bidi_override_in_its_title_imports_without_it(tmp_path) -> None:
    from sahelreader.ingest import read_file

    path = tmp_path / "story.txt"
    path.write_text("Convoy \u202ereaches\u202c Menaka\n\nThe convoy reached Menaka on Monday.")
    [draft] = list(read_file(path))
    assert draft.title == "Convoy reaches Menaka"
