"""Property tests on the importers (issue 13): whatever bytes a file holds, reading it gives
clean drafts or one IngestError, never another exception; the same for the pieces the feed and
web readers share (parse_feed, read_opml, html_to_text, parse_date, extract_article).

Inputs are random bytes and, more usefully, near-valid documents put together from the pieces
that break parsers: nesting, entities, CDATA, DOCTYPEs, lone surrogates, controls, odd keys.
"""

from __future__ import annotations

import gzip
import json
import math
import tempfile
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sahelreader.ingest import (
    SUPPORTED_SUFFIXES,
    IngestError,
    extract_article,
    html_to_text,
    looks_like_feed,
    parse_date,
    parse_feed,
    read_file,
    read_opml,
)
from sahelreader.ingest.limits import KB, Limits, OverCap
from sahelreader.ingest.records import draft_from_record
from sahelreader.models import ArticleDraft

PROPERTIES = settings(
    deadline=None,
    max_examples=200,
    database=None,  # nothing written into the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Small caps, so that the caps' paths are taken too.
CAPS = Limits(
    article_file_bytes=64 * KB,
    json_file_bytes=64 * KB,
    json_values=2_000,
    jsonl_file_bytes=64 * KB,
    feed_file_bytes=64 * KB,
    feed_elements=500,
    html_elements=500,
    record_bytes=4 * KB,
    field_bytes=2 * KB,
    skipped_in_a_row=50,
)
SUFFIXES = sorted(SUPPORTED_SUFFIXES)

# --- the pieces documents are made of ----------------------------------------------------------

NASTY_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "\r\n",
        "\x00",
        "\x1b[31m",
        "\x1b]0;title\x07",
        "\x9d52;c;abc\x9c",
        "\u202e",
        "\u2066",
        "\u200b",
        "\ufeff",
        "\ud800",
        "\udfff",
        "\U0001f600",
        "e\u0301",
        "&amp;",
        "&amp;amp;",
        "&#xD800;",
        "&#0;",
        "&#x110000;",
        "&lol;",
        "<",
        ">",
        "]]>",
        "Niamey",
        "Le marché a rouvert lundi.",
        "https://example.org/a",
        "/relative/link",
        "javascript:alert(1)",
        "2024-03-26T10:00:00+01:00",
        "0001-01-01T00:00:00+05:00",
        "9999-12-31T23:59:59-05:00",
        "Tue, 26 Mar 2024 10:00:00 GMT",
        "1711447200",
        "99999999999999999999",
    ]
)
TEXT = st.one_of(NASTY_TEXT, st.text(max_size=40), st.lists(NASTY_TEXT, max_size=6).map("".join))
KEYS = st.sampled_from(
    [
        "title",
        "headline",
        "body",
        "text",
        "content",
        "description",
        "summary",
        "url",
        "link",
        "guid",
        "id",
        "source",
        "site",
        "site_url",
        "author",
        "authors",
        "published",
        "date",
        "date_gmt",
        "language",
        "articles",
        "items",
        "feed",
        "rendered",
        "name",
        "href",
    ]
)
NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
)
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, TEXT)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(KEYS, TEXT), children, max_size=5),
    ),
    max_leaves=25,
)
RECORDS = st.dictionaries(KEYS, JSON_VALUES, min_size=1, max_size=6)


def _json_text(value: Any) -> str:
    """JSON as exporters write it, lone surrogates as \\u escapes, NaN as NaN."""
    return json.dumps(value, ensure_ascii=True, allow_nan=True)


JSON_LINE = st.one_of(
    RECORDS.map(_json_text),
    JSON_VALUES.map(_json_text),
    TEXT,
    st.integers(1, 3000).map(lambda depth: "[" * depth + "]" * depth),
    st.integers(1, 3000).map(lambda depth: '{"a":' * depth),
    st.integers(1, 6000).map(lambda size: json.dumps({"title": "t", "body": "x" * size})),
)
JSON_LINES = st.lists(JSON_LINE, max_size=12).map("\n".join)
JSON_DOCUMENTS = st.one_of(
    JSON_VALUES.map(_json_text),
    st.lists(RECORDS, max_size=8).map(_json_text),
    st.dictionaries(KEYS, st.lists(RECORDS, max_size=4), max_size=3).map(_json_text),
    st.lists(JSON_LINE, max_size=6).map(lambda lines: "[" + ",".join(lines) + "]"),
)

MARKUP_PIECES = st.sampled_from(
    [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml version="1.0" encoding="utf-16"?>',
        "<!DOCTYPE rss>",
        '<!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>',
        "<!DOCTYPE html>",
        "<!DOCTYPE [][][]",
        "<!--",
        "-->",
        '<rss version="2.0">',
        "</rss>",
        "<channel>",
        "</channel>",
        "<item>",
        "</item>",
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "</feed>",
        "<entry>",
        "</entry>",
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '<opml version="2.0">',
        "<body>",
        "</body>",
        '<outline text="A" xmlUrl="https://example.org/feed">',
        "<outline>",
        "</outline>",
        "<title>",
        "</title>",
        "<link>",
        "</link>",
        "<description>",
        "</description>",
        '<content type="html">',
        "</content>",
        "<pubDate>",
        "</pubDate>",
        "<guid>",
        "</guid>",
        "<![CDATA[",
        "]]>",
        "<html>",
        '<html lang="fr">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta property="article:published_time" content="2024-03-26T10:00:00Z">',
        "<meta ",
        "<article>",
        "</article>",
        "<p>",
        "</p>",
        "<br>",
        "<pre>",
        "<a href='https://example.org/'>",
        "</a>",
        "<b>",
        "</b>",
        "<script>",
        "</script>",
        "<ul><li>",
        "</li></ul>",
        "<table><tr><td>",
        "</td></tr></table>",
        "&lt;p&gt;",
        "&lol2;",
        "<div>" * 300,
        "</div>" * 300,
        "<b>x</b> " * 600,
        "read more",
    ]
)
MARKUP = st.lists(st.one_of(MARKUP_PIECES, TEXT), max_size=40).map("".join)


def _encodings(text: str) -> st.SearchStrategy[bytes]:
    return st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252", "utf-16-le"]).map(
        lambda encoding: text.encode(
            encoding, errors="surrogatepass" if "utf" in encoding else "replace"
        )
    )


def _as_bytes(texts: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return texts.flatmap(_encodings)


CONTENT = st.one_of(
    st.binary(max_size=600),
    _as_bytes(TEXT),
    _as_bytes(JSON_LINES),
    _as_bytes(JSON_DOCUMENTS),
    _as_bytes(MARKUP),
)


# --- checks ------------------------------------------------------------------------------------


def assert_clean(draft: ArticleDraft) -> None:
    assert isinstance(draft, ArticleDraft)
    for name, value in vars(draft).items():
        if isinstance(value, str):
            value.encode("utf-8")  # no lone surrogate
            assert "\x00" not in value and "\x1b" not in value, (name, value)
            assert len(value.encode("utf-8")) <= CAPS.field_bytes, name
    assert draft.published is None or isinstance(draft.published, datetime)


def assert_one_clear_line(error: IngestError) -> None:
    message = str(error)
    assert message and "\n" not in message
    # An unexpected exception turned into a refusal is still a bug to fix.
    assert not message.startswith(("could not be read:", "nested too deeply to be read")), message


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _read(path: Path) -> None:
    try:
        stream = read_file(path, limits=CAPS)
        for draft in stream:
            assert_clean(draft)
    except IngestError as error:
        assert_one_clear_line(error)
        return
    assert not any(reason.startswith("could not") for reason in stream.skip_reasons)


# --- the properties -----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_read_file_gives_clean_drafts_or_one_ingest_error(folder: Path, suffix: str) -> None:
    # 100 a suffix: 1,500 files in all, the formats sharing their readers.
    @settings(PROPERTIES, max_examples=100)
    @given(data=CONTENT, compress=st.booleans())
    def check(data: bytes, compress: bool) -> None:
        if suffix.endswith(".gz") and compress:
            data = gzip.compress(data)
        path = folder / f"sample{suffix}"
        path.write_bytes(data)
        _read(path)

    check()


@PROPERTIES
@given(data=CONTENT, url=st.sampled_from(["", "https://example.org/feed", "not a url"]))
def test_parse_feed_gives_a_feed_or_one_ingest_error(data: bytes, url: str) -> None:
    try:
        feed = parse_feed(data, url, limits=CAPS)
    except IngestError as error:
        assert_one_clear_line(error)
        return
    for draft in feed.entries:
        assert_clean(draft)
    assert isinstance(looks_like_feed(data), bool)


@PROPERTIES
@given(data=CONTENT)
def test_read_opml_gives_feeds_or_one_ingest_error(data: bytes) -> None:
    try:
        feeds = read_opml(data)
    except IngestError as error:
        assert_one_clear_line(error)
        return
    for feed in feeds:
        feed.url.encode("utf-8")
        feed.title.encode("utf-8")
        assert feed.url.startswith(("http://", "https://"))


@PROPERTIES
@given(fragment=st.one_of(MARKUP, TEXT))
def test_html_to_text_always_gives_clean_text(fragment: str) -> None:
    text = html_to_text(fragment)
    assert isinstance(text, str)
    assert "\x00" not in text and "\x1b" not in text


@settings(PROPERTIES, max_examples=60)
@given(page=MARKUP)
def test_extract_article_gives_an_article_or_one_ingest_error(page: str) -> None:
    try:
        draft = extract_article(page, "https://example.org/page", limits=CAPS)
    except IngestError as error:
        assert_one_clear_line(error)
        return
    assert_clean(draft)


DATE_INPUTS = st.one_of(
    SCALARS,
    JSON_VALUES,
    st.datetimes(),
    st.datetimes(timezones=st.just(timezone.utc)),
    st.dates(),
    st.sampled_from([datetime.min.replace(tzinfo=timezone.utc), datetime.max, date.min]),
    st.floats(min_value=-1e20, max_value=1e20),
)


@PROPERTIES
@given(value=DATE_INPUTS)
def test_parse_date_gives_a_datetime_or_none(value: object) -> None:
    result = parse_date(value)
    assert result is None or (isinstance(result, datetime) and 1900 <= result.year <= 2200)


@PROPERTIES
@given(record=RECORDS, default_source=TEXT)
def test_draft_from_record_gives_a_clean_draft_none_or_over_cap(
    record: dict[str, Any], default_source: str
) -> None:
    try:
        draft = draft_from_record(record, origin="test", default_source=default_source, limits=CAPS)
    except OverCap as over:
        assert str(over).startswith("larger than ")
        return
    if draft is not None:
        assert_clean(draft)


def test_the_strategies_reach_the_hard_cases() -> None:
    # A guard on the inputs above: they must hold what they are meant to.
    assert math.isnan(json.loads(_json_text(float("nan"))))
    assert "\\ud800" in _json_text({"title": "\ud800"})
