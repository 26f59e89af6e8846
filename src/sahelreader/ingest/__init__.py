"""Read local files into article drafts: text, Markdown, web pages, RSS and Atom feeds, JSON
and JSON Lines.

The public API::

    files, problems = discover([Path("~/news")])   # what to read, and what can't be
    for path in files:
        try:
            stream = read_file(path)                # IngestError: the file gives nothing
            for draft in stream:                    # ArticleDraft
                ...
        except IngestError as error:
            print(f"{path}: {error}")               # a one-line reason, any cap named
        else:
            if stream.skipped:                      # records left out of a JSON file
                print(f"{path}: {stream.skip_summary()}")

and the pieces the feed and web readers reuse: :func:`parse_feed` for fetched feeds (with
:func:`looks_like_feed` and :func:`feed_links` to find them), :func:`read_opml` and
:func:`write_opml` for subscription lists, :func:`html_to_text` for feed descriptions,
:func:`extract_article` for web pages, :func:`parse_date` and :func:`decode_bytes`.

Every text field of a draft is clean: NFC, ``\\n`` newlines, no terminal control sequences,
no lone surrogates. Every read is bounded by the caps in :mod:`sahelreader.ingest.limits`
(``read_file(path, limits)``, a :class:`Limits`; ``Limits.from_config(config.limits)`` applies
config.toml's ``[limits]``): a file, record or field over one is refused with a line naming
the cap. Nothing here imports textual.
"""

from __future__ import annotations

from sahelreader.ingest.dates import parse_date
from sahelreader.ingest.discover import SUPPORTED_SUFFIXES, SUPPORTED_TYPES_TEXT, discover
from sahelreader.ingest.encoding import decode_as_is, decode_bytes
from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.feed import NotAFeed, ParsedFeed, feed_links, looks_like_feed, parse_feed
from sahelreader.ingest.limits import Limits
from sahelreader.ingest.markup import html_to_text
from sahelreader.ingest.opml import OpmlFeed, read_opml, read_opml_file, write_opml
from sahelreader.ingest.reader import read_file
from sahelreader.ingest.stream import ArticleStream
from sahelreader.ingest.webpage import extract_article

__all__ = [
    "SUPPORTED_SUFFIXES",
    "SUPPORTED_TYPES_TEXT",
    "ArticleStream",
    "IngestError",
    "Limits",
    "NotAFeed",
    "OpmlFeed",
    "ParsedFeed",
    "decode_as_is",
    "decode_bytes",
    "discover",
    "extract_article",
    "feed_links",
    "html_to_text",
    "looks_like_feed",
    "parse_date",
    "parse_feed",
    "read_file",
    "read_opml",
    "read_opml_file",
    "write_opml",
]
