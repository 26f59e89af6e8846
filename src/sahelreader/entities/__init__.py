"""Named-entity recognition for news text (English and French), with no model to download.

A curated gazetteer shipped in ``data/`` plus rules (titles, organisation and place words,
first names, acronyms, context, later short mentions), and a small statistical tagger whose
weights ship in ``data/model.bin`` (see ``model.py``) and which types the names the rules only
guessed (``arbiter.py``; ``combine.py`` is the older way, its spans merged in). Usage::

    from sahelreader.entities import recognise, canonical
    for entity in recognise(text):
        print(entity.type, entity.text, canonical(entity.text))
"""

from __future__ import annotations

from collections.abc import Mapping

from sahelreader.entities.recogniser import Recogniser
from sahelreader.entities.rules import canonical
from sahelreader.models import Entity

__all__ = ["Recogniser", "canonical", "recognise"]

_DEFAULT: Recogniser | None = None


def recognise(
    text: str, language: str | None = None, extra: Mapping[str, str] | None = None
) -> list[Entity]:
    """Entities in ``text``, sorted by start and non-overlapping; ``text[e.start:e.end] == e.text``.

    ``language`` is "en", "fr" or None (guessed). ``extra`` maps user-configured names to a
    type ("person", "place" or "organisation"); with it a fresh :class:`Recogniser` is used
    (build one yourself and reuse it when the same extras apply to many texts).
    """
    global _DEFAULT
    if extra:
        return Recogniser(extra).recognise(text, language)
    if _DEFAULT is None:
        _DEFAULT = Recogniser()
    return _DEFAULT.recognise(text, language)
