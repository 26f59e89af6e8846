"""The related package's faster forms match what they replace, exactly.

Each reference below is the earlier, slower form, kept here as the specification.
"""

from __future__ import annotations

import random
import re

from sahelreader.related.duplicates import Shingles
from sahelreader.related.features import _NUMBER, numbers_in

# The number pattern as it was: a look-behind tried at every position of the text.
REFERENCE_NUMBER = re.compile(
    r"(?<![\w.,])\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\w])|(?<![\w.,])\d+(?!\w|[.,]\d)"
)


def _texts() -> list[str]:
    rng = random.Random(15)
    alphabet = "0123456789,. \u00a0\u202fab_-é٣\n"
    generated = [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20_000)
    ]
    written = [
        "12 soldiers and 1,500 civilians left Tillabéri on 3 March 2024",
        "1\u00a0250 déplacés, 0,5 % de hausse, la route RN1 et l'article 12b",
        "v2.0 of the plan: 3.5 percent, 45,000 tonnes, 1.000.000 francs, 12,34",
        "٣٤ people; 7 days; 999 999 votes; a1 b22 33c ,44 .55 66, 77.",
    ]
    return written + generated


def test_number_pattern_finds_what_the_reference_did() -> None:
    for text in _texts():
        found = [(m.span(), m.group()) for m in _NUMBER.finditer(text)]
        expected = [(m.span(), m.group()) for m in REFERENCE_NUMBER.finditer(text)]
        assert found == expected, text


def test_numbers_in_reads_grouped_and_plain_numbers() -> None:
    assert numbers_in("12 soldiers, 1,500 civilians and 2 000 000 CFA on 3 March 2024") == [
        "12",
        "1500",
        "2000000",
        "3",
    ]
    assert numbers_in("page 12b, v2.0, 0,5 % and 1 dead") == []


def _reference_shingles(tokens: list[str], size: int) -> frozenset[int]:
    return frozenset(hash(tuple(tokens[i : i + size])) for i in range(len(tokens) - size + 1))


def test_shingles_are_the_hashes_of_each_run_of_words() -> None:
    rng = random.Random(7)
    words = ["convoy", "Niamey", "attack", "le", "la", "soldats", "Gao", "12", "aid"]
    for length in (0, 1, 2, 3, 4, 5, 6, 40, 300):
        body = " ".join(rng.choice(words) for _ in range(length))
        shingles = Shingles(body, "Convoy attacked near Gao")
        for size in (3, 5):
            assert shingles.of(size) == _reference_shingles(shingles.tokens, size)


def test_first_words_are_those_of_the_whole_text() -> None:
    from sahelreader.related.duplicates import WORD, first_words
    from sahelreader.text.fold import fold

    rng = random.Random(11)
    # Words of every length, accents, apostrophes, a final sigma right at a cut.
    pieces = ["Niamey", "l'armée", "ÉTAT", "ΟΔΟΣ", "ΟΔΟΣ'", "a", "12", "x" * 40, "-", "\n", "—"]
    for length in range(0, 400, 7):
        text = " ".join(rng.choice(pieces) for _ in range(length))
        for words in (1, 5, 25, 300):
            assert first_words(text, words) == WORD.findall(fold(text))[:words]
