"""Snippets and match spans stay linear in the number of matches (issue 16, item 3)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from sahelreader.search.highlight import match_spans, snippet

T = TypeVar("T")


def _within(seconds: float, work: Callable[[], T]) -> T:
    """work() in a thread; fails if it is still running after `seconds` (quadratic: minutes)."""
    result: list[T] = []
    runner = threading.Thread(target=lambda: result.append(work()), daemon=True)
    runner.start()
    runner.join(seconds)
    assert not runner.is_alive(), f"still running after {seconds} s"
    return result[0]


def test_a_snippet_over_twenty_thousand_matches_is_bounded() -> None:
    text = "convoy " * 20_000
    spans = [(n * 7, n * 7 + 6) for n in range(20_000)]
    excerpt, marks = _within(10, lambda: snippet(text, spans))
    assert excerpt.startswith("convoy convoy") and marks and marks[0] == (0, 6)


def test_the_densest_run_of_matches_is_chosen() -> None:
    text = "convoy " + "x " * 400 + "convoy convoy convoy " + "y " * 400
    spans = [(0, 6)] + [(807 + n * 7, 813 + n * 7) for n in range(3)]
    excerpt, marks = snippet(text, spans)
    assert len(marks) == 3 and excerpt.startswith("…")


def test_match_spans_over_a_long_article_is_bounded() -> None:
    text = "Les convois de Tillabéri. " * 40_000  # about 1 MB
    found = _within(30, lambda: match_spans(text, "body", "fr", [("body", "convois")]))
    assert len(found) == 40_000
