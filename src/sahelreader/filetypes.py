"""The file types `add` reads, by kind: the one list the importer accepts and the CLI's help
and messages name, so that they cannot drift apart. Nothing here imports anything."""

from __future__ import annotations

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")  # one article a file
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")  # RSS, Atom, RDF: their entries
RECORD_SUFFIXES = (".json", ".jsonl", ".ndjson")  # an article, a list, one a line
COMPRESSED_SUFFIX = ".gz"  # every type is read gzipped too: ".jsonl.gz", ".html.gz"
TABLE_SUFFIXES = (".csv", ".tsv")  # a header row naming the columns

# Every suffix read, in the order people look for them (messages list them so).
SUPPORTED_IN_ORDER = (
    *ARTICLE_SUFFIXES,
    *FEED_SUFFIXES,
    *RECORD_SUFFIXES,
    *TABLE_SUFFIXES,
)


def types_for_help() -> str:
    """The types as a sentence's words, for `add --help`."""
    return (
        f"{' '.join(ARTICLE_SUFFIXES)}, records {' '.join(RECORD_SUFFIXES)}, tables "
        f"{' '.join(TABLE_SUFFIXES)}, and feed files {' '.join(FEED_SUFFIXES)} (their entries, "
        "once); each of them "
        f"gzipped too ({ARTICLE_SUFFIXES[3]}{COMPRESSED_SUFFIX}, "
        f"{RECORD_SUFFIXES[1]}{COMPRESSED_SUFFIX}…)"
    )
