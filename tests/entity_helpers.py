"""The recognisers the entity rule tests compare, built once: the lists and rules alone, and
the default (with the tagger as type arbiter), where the tagger could differ."""

from __future__ import annotations

from sahelreader.entities import Recogniser

RULES = Recogniser(statistical=False)
DEFAULT = Recogniser()


def found(recogniser: Recogniser, text: str, language: str = "en") -> set[tuple[str, str]]:
    """The (text, type) pairs `recogniser` finds in `text`."""
    return {(e.text, e.type) for e in recogniser.recognise(text, language)}
