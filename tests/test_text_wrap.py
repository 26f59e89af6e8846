"""Word wrap by terminal cells (text/wrap.py), which the reader pane wraps articles with."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from sahelreader.text.wrap import break_offsets


def pieces(text: str, width: int) -> list[str]:
    cuts = [0, *break_offsets(text, width), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def test_a_line_that_fits_is_not_broken() -> None:
    assert break_offsets("", 10) == []
    assert break_offsets("Niamey", 6) == []
    assert break_offsets("Niamey and Agadez", 40) == []


def test_words_move_whole_to_the_next_line_with_their_spaces() -> None:
    text = "The junta in Niamey said on Tuesday"
    assert pieces(text, 12) == ["The junta in ", "Niamey said ", "on Tuesday"]
    assert break_offsets(text, 12) == [13, 25]
    assert pieces(text, 11) == ["The junta ", "in Niamey ", "said on ", "Tuesday"]


def test_trailing_spaces_do_not_count_against_the_width() -> None:
    # "Ménaka " is 7 cells with its space, but the word itself fits in 6.
    assert pieces("Ménaka  Gao", 6) == ["Ménaka  ", "Gao"]


def test_a_word_longer_than_the_line_is_cut() -> None:
    assert pieces("a Ouagadougou b", 5) == ["a ", "Ouaga", "dougo", "u b"]
    assert pieces("Ouagadougou", 4) == ["Ouag", "adou", "gou"]


def test_wide_characters_take_two_cells() -> None:
    text = "漢字漢字 漢字"
    for piece in pieces(text, 4):
        assert cell_len(piece.rstrip()) <= 4
    # The space after a cut word stays on its last piece: no line of spaces alone.
    assert pieces(text, 4) == ["漢字", "漢字 ", "漢字"]
    assert pieces("a 😀😀", 3) == ["a ", "😀", "😀"]


def test_combining_accents_take_no_cell() -> None:
    decomposed = "Me\u0301naka Gao"  # é as e + combining acute: 6 cells, 7 code points
    assert pieces(decomposed, 6) == ["Me\u0301naka ", "Gao"]


@pytest.mark.parametrize("width", [1, 2, 3, 7, 20, 84])
def test_every_piece_fits_and_nothing_is_lost(width: int) -> None:
    text = (
        "Le président de la transition, Abdourahamane Tiani, a reçu à Niamey une délégation "
        "russe conduite par Yunus-bek Yevkurov — vice-ministre de la Défense."
    )
    found = pieces(text, width)
    assert "".join(found) == text
    assert all(found)
    for piece in found:
        assert cell_len(piece.rstrip()) <= width


def test_a_width_below_one_is_refused() -> None:
    with pytest.raises(ValueError):
        break_offsets("x", 0)
