"""Cited sources (agencies, outlets, officials, organisations, documents) and links in article text.

Pure core module: no I/O beyond reading the bundled data files, no UI imports.
"""

from __future__ import annotations

from .citations import CitedSource, extract_citations
from .links import extract_links
from .sentences import split_sentences

__all__ = ["CitedSource", "extract_citations", "extract_links", "split_sentences"]
