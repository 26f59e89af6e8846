"""Cited sources (agencies, outlets, officials, organisations, documents) and links in article text;
outlet names (`outlets`) and organisations' other names (`organisation_names`).

Pure core module: no I/O beyond reading the bundled data files, no UI imports. The citation
extractor compiles its patterns when first used, so importing `sources.outlets` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sahelreader.sources.links import extract_links
from sahelreader.text.sentences import split_sentences

if TYPE_CHECKING:
    from sahelreader.sources.citations import CitedSource, extract_citations

__all__ = ["CitedSource", "extract_citations", "extract_links", "split_sentences"]


def __getattr__(name: str) -> Any:
    if name in ("CitedSource", "extract_citations"):
        from sahelreader.sources import citations

        return getattr(citations, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
