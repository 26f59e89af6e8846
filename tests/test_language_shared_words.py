"""Language detection when most function words belong to several languages, and for scripts
that name their language.

Spanish, French, Italian and Portuguese share "de", "la", "un", "que", "a": a Spanish headline
and summary full of them gave French almost as many votes as Spanish, and the margin test left
the text without a language (a tenth of one Spanish outlet's items in a real library, which
then matched nothing in other languages). Words both leading languages write decide nothing
between them: the margin is read on the words only one of them writes.

Japanese, Korean and Chinese write no function word of the vote; their scripts tell them
apart (kana is Japanese, hangul Korean, Chinese characters alone Chinese).

Every sentence here is written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from sahelreader.text.language import detect_language

SHARED_WORDS_HEAVY = {
    "es sport": (
        "Un gran partido de Okafor deja a los Leones a un paso de la final de la liga\n\n"
        "El pívot de Dakar lleva a su equipo a un 3-1 contra Bamako con 28 puntos y 14 rebotes",
        "es",
    ),
    "es politics": (
        "El club abrirá un expediente a Ndiaye, pero no le aplicará de momento ninguna "
        'sanción\n\nEl presidente asegura que la jugadora "nada tiene que ver con la '
        'directiva". Su entrenador pide a la federación tomar medidas',
        "es",
    ),
    "es headline": ("La policía de Niamey detiene a un hombre por el robo de la caja", "es"),
    "it": (
        "La polizia di Genova ha fermato un uomo per la rapina a una banca del centro. "
        "Secondo gli inquirenti che seguono il caso, l'uomo era già noto alle forze "
        "dell'ordine",
        "it",
    ),
    "pt": (
        "A polícia de Luanda deteve um homem pelo roubo de um banco no centro da cidade. "
        "Segundo a investigação, o suspeito já era conhecido das autoridades",
        "pt",
    ),
    # Still French: it writes most of the shared words too, and its own.
    "fr": (
        "La police de Niamey a arrêté un homme pour le vol de la caisse d'une banque du "
        "centre. Selon les enquêteurs, il était déjà connu des services",
        "fr",
    ),
}


@pytest.mark.parametrize(
    ("text", "language"), SHARED_WORDS_HEAVY.values(), ids=SHARED_WORDS_HEAVY.keys()
)
def test_shared_function_words_do_not_hide_the_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_shared_words_alone_still_decide_nothing() -> None:
    # "de", "la", "un", "a": every one of them is another language's too.
    assert detect_language("Okafor de la Niamey a un Dakar") == ""
    assert detect_language("le Niger and Mali", among=("en", "fr")) == ""


SCRIPTS = {
    "japanese": ("ニジェールの首都で大規模な抗議デモ、数千人が参加", "ja"),
    "japanese with kanji first": ("首相、来月にも訪問へ 会談の日程を調整", "ja"),
    "korean": ("니제르 수도에서 대규모 시위가 열렸다", "ko"),
    "chinese": ("尼日尔首都举行大规模抗议活动，数千人参加", "zh"),
}


@pytest.mark.parametrize(("text", "language"), SCRIPTS.values(), ids=SCRIPTS.keys())
def test_a_script_that_names_its_language(text: str, language: str) -> None:
    assert detect_language(text) == language
    # Callers that handle only English and French get their default, as for any other language.
    assert detect_language(text, among=("en", "fr"), default="en") == "en"


def test_a_few_foreign_characters_do_not_make_english_japanese() -> None:
    text = "Tokyo court rules on the case of the 東京 fund manager accused of fraud in March"
    assert detect_language(text) == "en"


def test_a_library_stored_without_those_languages_finds_them_on_open(home: Path) -> None:
    spanish, _ = SHARED_WORDS_HEAVY["es politics"]
    title, body = spanish.split("\n\n")
    japanese, _ = SCRIPTS["japanese"]
    with Library.open(home, seed=False) as library:
        library.add_drafts(
            [
                ArticleDraft(title=title, body=body, source="Diario", language=""),
                ArticleDraft(title=japanese, body=japanese, source="Shimbun", language=""),
            ]
        )
        # As an older detection left them: no language.
        library.store.connection.execute("UPDATE articles SET language = ''")
        library.store.connection.commit()
        library.store.set_meta("language_detection", "an older detection")
    with Library.open(home, seed=False) as library:
        languages = {
            article.source: article.language for article in map(library.get, library.list_ids())
        }
    assert languages == {"Diario": "es", "Shimbun": "ja"}
