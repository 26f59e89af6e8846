"""Bounded work on any input (issue 13): hostile files are refused in one line naming the cap,
in bounded time and memory, while the rest of the batch imports.

Most tests lower the caps (``small_caps``) so that small files stand in for huge ones; memory
is measured with tracemalloc, which counts every buffer a reader holds. The one slow test reads
the real sizes, each file in its own process, and checks the peak RSS.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import textwrap
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, TypeVar, cast

import pytest

from sahelreader.config import load_config
from sahelreader.ingest import IngestError, parse_feed, read_file, read_opml, read_opml_file
from sahelreader.ingest import limits as limits_module
from sahelreader.ingest import markup as markup_module
from sahelreader.ingest import titles as titles_module
from sahelreader.ingest import webpage as webpage_module
from sahelreader.ingest.feed import looks_like_feed
from sahelreader.ingest.fields import clean_author
from sahelreader.ingest.json_formats import iter_jsonl
from sahelreader.ingest.limits import KB, MB, Limits
from sahelreader.ingest.markup import html_to_text
from sahelreader.ingest.records import draft_from_record
from sahelreader.ingest.stream import SkipLog
from sahelreader.ingest.text_formats import read_markdown
from sahelreader.models import ArticleDraft
from sahelreader.text.sentences import split_sentences

from ..cli_helpers import cli

T = TypeVar("T")

SMALL = Limits(
    article_file_bytes=256 * KB,
    json_file_bytes=256 * KB,
    json_values=20_000,
    jsonl_file_bytes=16 * MB,
    feed_file_bytes=256 * KB,
    feed_elements=5_000,
    html_elements=2_000,
    record_bytes=64 * KB,
    field_bytes=16 * KB,
    skipped_in_a_row=1_000,
)
RECORD_CAP = "larger than 64 KB (the per-record cap)"
FIELD_CAP = "larger than 16 KB (the per-field cap)"
GOOD_TEXT = "Niamey market reopens\n\nTraders returned to the central market of Niamey on Monday.\n"


@pytest.fixture
def small_caps(monkeypatch: pytest.MonkeyPatch) -> Limits:
    monkeypatch.setattr(limits_module, "DEFAULT", SMALL)
    return SMALL


def record(title: str, body: str = "Traders returned to the market on Monday.") -> str:
    return json.dumps({"title": title, "body": body}) + "\n"


def big_record_line(size: int) -> bytes:
    return b'{"title": "big", "body": "' + b"word " * (size // 5) + b'"}\n'


def read(path: Path) -> tuple[list[ArticleDraft], dict[str, int]]:
    stream = read_file(path)
    drafts = list(stream)
    return drafts, stream.skip_reasons


def refusal(path: Path) -> str:
    with pytest.raises(IngestError) as caught:
        list(read_file(path))
    return str(caught.value)


def peak_memory(work: Callable[[], T]) -> tuple[T, int]:
    """What `work` returns and the most memory Python held while it ran, in bytes."""
    tracemalloc.start()
    try:
        result = work()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


def refusal_and_peak(path: Path) -> tuple[str, int]:
    def attempt() -> str:
        try:
            list(read_file(path))
        except IngestError as error:
            return str(error)
        return ""

    return peak_memory(attempt)


# --- 1. a JSON Lines record with a huge body --------------------------------------------------


def test_a_jsonl_record_over_the_record_cap_is_skipped_and_never_held_whole(
    tmp_path: Path, small_caps: Limits
) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as file:
        file.write(record("Before").encode())
        file.write(big_record_line(4 * MB))
        file.write(record("After").encode())
    (drafts, skipped), peak = peak_memory(lambda: read(path))
    assert [draft.title for draft in drafts] == ["Before", "After"]
    assert skipped == {RECORD_CAP: 1}
    assert peak < 1 * MB  # the 4 MB line was read past in pieces


def test_a_jsonl_file_of_one_oversized_record_is_refused_in_one_line(
    tmp_path: Path, small_caps: Limits
) -> None:
    path = tmp_path / "huge.jsonl"
    path.write_bytes(big_record_line(1 * MB))
    assert refusal(path) == f"line 1: {RECORD_CAP}"


def test_the_skip_summary_names_the_cap_and_the_line(tmp_path: Path, small_caps: Limits) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(record("One").encode() + big_record_line(100 * KB) + b"{oops\n")
    stream = read_file(path)
    assert [draft.title for draft in stream] == ["One"]
    summary = stream.skip_summary()
    assert summary.startswith("2 skipped: ")
    assert f"1 {RECORD_CAP}, first at line 2" in summary
    assert "1 not valid JSON, first at line 3" in summary


def test_a_field_over_the_field_cap_skips_its_record(tmp_path: Path, small_caps: Limits) -> None:
    long_body = "Un paragraphe. " * 2000  # 30 KB: under the record cap, over the field cap
    jsonl = tmp_path / "long.jsonl"
    jsonl.write_text(record("Short") + record("Long", long_body))
    drafts, skipped = read(jsonl)
    assert [draft.title for draft in drafts] == ["Short"]
    assert skipped == {FIELD_CAP: 1}
    document = tmp_path / "long.json"
    document.write_text(json.dumps([{"title": "Short", "body": "x"}, {"body": long_body}]))
    drafts, skipped = read(document)
    assert [draft.title for draft in drafts] == ["Short"]
    assert skipped == {FIELD_CAP: 1}


def test_a_raw_field_over_the_record_cap_in_a_json_document_is_skipped(
    tmp_path: Path, small_caps: Limits
) -> None:
    # Not even turned into text: the HTML of a 100 KB body is refused as it is.
    document = tmp_path / "big.json"
    huge = "<p>" + "mot " * 25_000 + "</p>"
    document.write_text(json.dumps({"articles": [{"title": "Ok", "body": "x"}, {"body": huge}]}))
    drafts, skipped = read(document)
    assert [draft.title for draft in drafts] == ["Ok"]
    assert skipped == {RECORD_CAP: 1}


# --- 2. deeply nested JSON --------------------------------------------------------------------


def test_deeply_nested_json_lines_are_skipped_lines(tmp_path: Path) -> None:
    deep_field = json.dumps({"title": "Deep field", "body": "x"})[:-1]
    deep_field += ', "summary": ' + "[" * 900 + '"deep text"' + "]" * 900 + "}"
    path = tmp_path / "nested.jsonl"
    path.write_text(
        record("Before")
        + "[" * 100_000
        + "]" * 100_000
        + "\n"
        + '{"title": ' * 50_000
        + "\n"
        + deep_field
        + "\n"
        + record("After")
    )
    drafts, skipped = read(path)
    assert [draft.title for draft in drafts] == ["Before", "Deep field", "After"]
    assert skipped == {"not valid JSON": 2}


def test_a_jsonl_file_of_only_nested_lines_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "nested.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n")
    assert refusal(path) == "not valid JSON at line 1: nested too deeply"


def test_nested_jsonl_does_not_stop_the_cli_batch(home: Path, tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(record("Before") + "[" * 100_000 + "\n" + record("After"))
    (tmp_path / "b.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n")
    (tmp_path / "c.txt").write_text(GOOD_TEXT)
    result = cli(home, "add", str(tmp_path))
    assert "unexpected error" not in result.stderr
    assert "3 added" in result.stdout, result.stdout + result.stderr
    assert "b.jsonl: not valid JSON at line 1: nested too deeply" in result.stderr
    assert result.returncode == 1


# --- 3. lone surrogates -----------------------------------------------------------------------


SURROGATE_RECORD = (
    '{"title": "Niamey \\ud800 market", "body": "Traders \\udfff returned \\ud83d.",'
    ' "author": "A \\udc80", "source": "S\\ud800", "url": "https://example.org/\\ud800",'
    ' "language": "fr\\ud800"}'
)


def assert_no_surrogates(draft: ArticleDraft) -> None:
    for value in vars(draft).values():
        if isinstance(value, str):
            value.encode("utf-8")  # strict: a lone surrogate raises here


def test_lone_surrogates_in_json_and_jsonl_are_replaced(tmp_path: Path) -> None:
    for name, text in {
        "one.json": SURROGATE_RECORD,
        "one.jsonl": SURROGATE_RECORD + "\n",
        "list.json": f"[{SURROGATE_RECORD}, {SURROGATE_RECORD}]",
    }.items():
        path = tmp_path / name
        path.write_text(text)
        drafts, _ = read(path)
        assert drafts, name
        for draft in drafts:
            assert_no_surrogates(draft)
            assert draft.title == "Niamey \ufffd market"
            assert draft.body == "Traders \ufffd returned \ufffd."


def test_an_undecodable_file_name_gives_a_clean_origin(tmp_path: Path) -> None:
    path = Path(os.fsdecode(bytes(tmp_path) + b"/march\xe9.txt"))
    try:
        path.write_text(GOOD_TEXT)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take undecodable names")
    [draft] = read_file(path)
    assert_no_surrogates(draft)


def test_lone_surrogates_do_not_stop_the_cli_batch(home: Path, tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(SURROGATE_RECORD)
    other = SURROGATE_RECORD.replace("Niamey", "Zinder").replace("org/", "org/zinder-")
    (tmp_path / "two.jsonl").write_text(other + "\n")
    result = cli(home, "add", str(tmp_path))
    assert "unexpected error" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "2 added" in result.stdout


# --- 4. long single lines, gzip --------------------------------------------------------------


def test_a_text_file_over_the_article_file_cap_is_refused(
    tmp_path: Path, small_caps: Limits
) -> None:
    path = tmp_path / "one-line.txt"
    path.write_bytes(b"word " * (300 * KB // 5))
    assert refusal(path) == "larger than 256 KB (the article file cap)"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".xhtml.html"])
def test_a_single_line_over_the_field_cap_is_refused(
    tmp_path: Path, small_caps: Limits, suffix: str
) -> None:
    path = tmp_path / f"one-line{suffix}"
    declaration = '<?xml version="1.0" encoding="utf-8"?>' if suffix == ".xhtml.html" else ""
    path.write_text(declaration + "Word. " * (100 * KB // 6))
    assert refusal(path) == f"its text is {FIELD_CAP}"


def test_the_title_of_a_long_single_line_is_found_in_bounded_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1.9 MB of one-word sentences on one line: under the caps, and the title search looks at
    # its start only (it used to split the whole line into sentences: 33 s for 30 MB).
    seen: list[int] = []

    def counting(text: str) -> list[tuple[int, int]]:
        seen.append(len(text))
        return split_sentences(text)

    monkeypatch.setattr(titles_module, "split_sentences", counting)
    path = tmp_path / "dots.txt"
    path.write_text("Word. " * 330_000)
    [draft] = read_file(path)
    assert draft.title == "Word"
    assert max(seen) <= 10_000


def test_a_gzip_of_one_long_line_is_refused_in_bounded_memory(
    tmp_path: Path, small_caps: Limits
) -> None:
    path = tmp_path / "one-line.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as file:
        for _ in range(8):
            file.write(b"x" * MB)
    message, peak = refusal_and_peak(path)
    assert message == f"line 1: {RECORD_CAP}"
    assert peak < 2 * MB


def test_a_gzip_decompressing_past_the_jsonl_cap_stops_there(
    tmp_path: Path, small_caps: Limits
) -> None:
    path = tmp_path / "long.jsonl.gz"
    line = record("Sahel news", "Les commerçants sont revenus. " * 3)
    path.write_bytes(gzip.compress(line.encode() * (2 * MB // len(line))))
    stream = read_file(path, limits=replace(SMALL, jsonl_file_bytes=MB))
    drafts: list[ArticleDraft] = []
    with pytest.raises(IngestError) as caught:
        for draft in stream:
            drafts.append(draft)
    assert str(caught.value).startswith(
        "decompresses to more than 1 MB (the JSON Lines file cap): stopped at line "
    )
    assert 0 < len(drafts) * len(line) <= 1 * MB


class _CountingGzip(gzip.GzipFile):
    """Counts the decompressed bytes handed out: what the reader consumed."""

    consumed = 0

    def readline(self, size: int | None = -1) -> bytes:
        line = super().readline(size)
        self.consumed += len(line)
        return line

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.consumed += len(data)
        return data


def test_one_endless_line_is_read_no_further_than_the_file_cap(tmp_path: Path) -> None:
    # 64 MB of one line in 64 KB of gzip: the line is read past only to the 1 MB file cap.
    # (What was decompressed is measured, not where the compressed file was read to: Python
    # 3.13's gzip reads ahead the whole 64 KB file while decompressing no more.)
    path = _gzip(tmp_path / "endless.jsonl.gz", b"x" * MB, 64, 9)
    with path.open("rb") as raw:
        counting = _CountingGzip(fileobj=raw)
        stream = cast(IO[bytes], counting)
        with pytest.raises(IngestError) as caught:
            limits = replace(SMALL, jsonl_file_bytes=MB)
            list(iter_jsonl(stream, "endless", SkipLog(), limits, compressed=True))
    assert str(caught.value) == (
        "decompresses to more than 1 MB (the JSON Lines file cap): stopped at line 1"
    )
    assert counting.consumed <= 2 * MB


def test_a_gzip_bomb_of_newlines_stops_early(tmp_path: Path) -> None:
    # 128 MB of newlines in 128 KB of gzip: stopped by the lines-in-a-row cap at 100,000
    # lines (the slow test below has 4 GB).
    path = tmp_path / "bomb.jsonl.gz"
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    chunk = b"\n" * MB
    with path.open("wb") as file:
        for _ in range(128):
            file.write(compressor.compress(chunk))
        file.write(compressor.flush())
    started = time.monotonic()
    message = refusal(path)
    assert message.startswith("100,000 lines in a row without an article")
    assert time.monotonic() - started < 30  # not a speed target: catches a pathological read


def test_a_plain_jsonl_over_its_file_cap_is_refused_before_reading(
    tmp_path: Path, small_caps: Limits
) -> None:
    path = tmp_path / "big.jsonl"
    line = record("Sahel news").encode()
    path.write_bytes(line * (MB // len(line) + 1))
    with pytest.raises(IngestError, match=r"^larger than 1 MB \(the JSON Lines file cap\)$"):
        read_file(path, limits=replace(SMALL, jsonl_file_bytes=MB))


def test_a_utf16_jsonl_line_over_the_record_cap_is_read_past(
    tmp_path: Path, small_caps: Limits
) -> None:
    path = tmp_path / "wide.jsonl"
    text = record("One") + big_record_line(300 * KB).decode() + record("Two")
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    (drafts, skipped), peak = peak_memory(lambda: read(path))
    assert [draft.title for draft in drafts] == ["One", "Two"]
    assert skipped == {RECORD_CAP: 1}
    assert peak < 1 * MB


# --- millions of empty records ---------------------------------------------------------------


def test_millions_of_empty_jsonl_records_stop_at_the_run_cap(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"{}\n" * 1_000_000)
    started = time.monotonic()
    message = refusal(path)
    assert message == (
        "100,000 lines in a row without an article (the cap on records skipped in a row): "
        "stopped at line 100,000"
    )
    assert time.monotonic() - started < 30  # not a speed target: catches a pathological read


def test_a_short_run_of_empty_records_is_only_skipped(tmp_path: Path, small_caps: Limits) -> None:
    path = tmp_path / "gaps.jsonl"
    path.write_text(record("One") + "{}\n" * 900 + "\n" * 99 + record("Two") + "{}\n" * 999)
    drafts, skipped = read(path)
    assert [draft.title for draft in drafts] == ["One", "Two"]
    assert skipped == {"no title or text": 1899}


def test_a_json_document_of_millions_of_empty_records_is_refused_before_parsing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(b"[" + b"{}," * 1_500_000 + b"{}]")
    message, peak = refusal_and_peak(path)
    assert message == "more than 2,000,000 JSON values (the per-document cap)"
    assert peak < 40 * MB  # the file and its text; parsed, it would be 100 MB of dicts


def test_a_json_file_over_its_cap_is_refused(tmp_path: Path, small_caps: Limits) -> None:
    data = json.dumps([{"title": "x", "body": "y" * 1000}] * 300).encode()
    (tmp_path / "big.json").write_bytes(data)
    (tmp_path / "big.json.gz").write_bytes(gzip.compress(data))
    for name in ("big.json", "big.json.gz"):
        assert refusal(tmp_path / name) == "larger than 256 KB (the JSON file cap)"


# --- entity bombs, feeds, pages --------------------------------------------------------------

LAUGHS = textwrap.dedent(
    """\
    <!DOCTYPE lolz [
     <!ENTITY lol "lol">
     <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
     <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
     <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
     <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
     <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
     <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
     <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
     <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
     <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
    ]>
    """
)
BOMBS = {
    "laughs.rss": '<?xml version="1.0"?>\n' + LAUGHS + '<rss version="2.0"><channel><title>'
    "&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item>"
    "</channel></rss>",
    "laughs.xml": '<?xml version="1.0"?>\n' + LAUGHS + '<feed xmlns="http://www.w3.org/2005/Atom">'
    "<title>&lol9;</title><entry><title>&lol9;</title><content>&lol9;</content></entry></feed>",
    "laughs.html": LAUGHS + "<html><head><title>&lol9;</title></head><body><article><p>&lol9;"
    "</p></article></body></html>",
    "amp.html": "<html><body><article><p>" + "&amp;amp;" * 50_000 + "lt;script&amp;gt;"
    "</p></article></body></html>",
    "amp.rss": '<rss version="2.0"><channel><title>t</title><item><title>x</title><description>'
    + "&amp;amp;" * 50_000
    + "lt;script&amp;gt;</description></item></channel></rss>",
    "amp.jsonl": json.dumps({"title": "x", "body": "&amp;amp;" * 50_000 + "lt;script&amp;gt;"})
    + "\n",
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_entity_bombs_are_never_expanded(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(BOMBS[name])
    started = time.monotonic()
    try:
        drafts, _ = read(path)
    except IngestError:
        drafts = []
    assert time.monotonic() - started < 60  # not a speed target: catches a pathological read
    for draft in drafts:
        assert len(draft.title) + len(draft.body) < 600_000
        assert "lollollol" not in draft.body + draft.title
        assert "<script" not in draft.body


@pytest.mark.parametrize("description", ["&lt;html&gt;", "&lt;html&gt;&lt;body&gt;x"])
def test_a_feed_entry_of_a_lone_html_tag_is_read(tmp_path: Path, description: str) -> None:
    # lxml fails an assertion on a fragment "<html>" (no <body>): found by the property tests.
    path = tmp_path / "html.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>t</title><item><title>One</title><description>'
        + description
        + "</description></item></channel></rss>"
    )
    [draft] = read_file(path)
    assert draft.title == "One"
    assert parse_feed(path.read_bytes()).entries[0].title == "One"


def test_a_feed_of_too_many_elements_is_refused_before_parsing(
    tmp_path: Path, small_caps: Limits
) -> None:
    path = tmp_path / "items.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>t</title>'
        + "<item></item>" * 6_000
        + "<item><description><![CDATA["
        + "<p>" * 10_000  # markup inside CDATA is text, not elements
        + "]]></description></item></channel></rss>"
    )
    assert refusal(path) == "more than 5,000 XML elements (the feed cap)"


def test_markup_in_cdata_does_not_count_as_feed_elements(
    tmp_path: Path, small_caps: Limits
) -> None:
    path = tmp_path / "cdata.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>t</title><item><title>One</title><description>'
        "<![CDATA[" + "<b>a</b> " * 1_000 + "]]></description></item></channel></rss>"
    )
    [draft] = read_file(path)
    assert draft.title == "One"


def test_a_feed_entry_over_the_record_cap_is_skipped(tmp_path: Path, small_caps: Limits) -> None:
    path = tmp_path / "entries.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>t</title>'
        "<item><title>One</title><description>Short.</description></item>"
        "<item><title>Huge</title><description>" + "mot " * 20_000 + "</description></item>"
        "<item><title>Long</title><description>" + "mot " * 5_000 + "</description></item>"
        "</channel></rss>"
    )
    drafts, skipped = read(path)
    assert [draft.title for draft in drafts] == ["One"]
    assert skipped == {RECORD_CAP: 1, FIELD_CAP: 1}


def test_an_opml_list_of_too_many_elements_is_refused_before_parsing(
    tmp_path: Path, small_caps: Limits
) -> None:
    outlines = b'<outline text="x" xmlUrl="https://example.org/feed"/>' * 6_000
    data = b'<opml version="2.0"><body>' + outlines + b"</body></opml>"
    with pytest.raises(IngestError, match=r"^more than 5,000 XML elements \(the feed cap\)$"):
        read_opml(data)
    big = tmp_path / "big.opml"
    big.write_bytes(data + b" " * (256 * KB))
    with pytest.raises(IngestError, match=r"^larger than 256 KB \(the feed file cap\)$"):
        read_opml_file(big)
    empty = tmp_path / "empty.opml"
    empty.write_bytes(b"")
    with pytest.raises(IngestError, match="the file is empty"):
        read_opml_file(empty)
    small = tmp_path / "small.opml"
    small.write_bytes(b'<opml version="2.0"><body>' + outlines[:53] + b"</body></opml>")
    assert [feed.url for feed in read_opml_file(small)] == ["https://example.org/feed"]


def test_a_page_of_too_many_elements_is_refused(tmp_path: Path, small_caps: Limits) -> None:
    path = tmp_path / "tags.html"
    path.write_text("<html><body><article>" + "<p>a</p>" * 2_500 + "</article></body></html>")
    assert refusal(path) == "more than 2,000 HTML elements (the web page cap)"


def test_a_paragraph_of_thousands_of_inline_elements_is_read_in_bounded_time(
    tmp_path: Path,
) -> None:
    # trafilatura's time grows with the square of a paragraph's inline children: 8,000 links
    # in one <p> took 12 s, 16,000 bold words 24 s.
    path = tmp_path / "links.html"
    path.write_text(
        "<html><head><title>Links</title></head><body><article><p>"
        + '<a href="https://example.org/">lien</a> ' * 8_000
        + "</p><p>"
        + "<b>gras</b> " * 8_000
        + "</p></article></body></html>"
    )
    started = time.monotonic()
    [draft] = read_file(path)
    assert time.monotonic() - started < 30  # not a speed target: catches a pathological read
    assert "lien lien" in draft.body and "gras gras" in draft.body


# --- patterns whose time grew faster than their text ------------------------------------------

EM = "\u2003"  # a space to the patterns here, not to the line tidier


def _run_of_spaces_in_a_heading() -> object:
    return read_markdown("# a" + EM * 1_000_000 + "b\n\ntext", "o")


def _truncation_mark_after_spaces() -> object:
    return draft_from_record({"body": "x" + EM * 500_000 + "y [+12 chars]"}, origin="o")


SLOW_PATTERNS: dict[str, Callable[[], object]] = {
    "an author of many @": lambda: clean_author("a@" * 500_000),
    "spaces before a read-more link": lambda: html_to_text(
        "<pre>read more" + EM * 1_000_000 + "x</pre>"
    ),
    "unclosed tags, markup fallback": lambda: markup_module._strip_tags("<a" * 500_000),
    "unclosed scripts, markup fallback": lambda: markup_module._strip_tags("<script>" * 125_000),
    "spaces in a Markdown heading": _run_of_spaces_in_a_heading,
    "a front-matter title of many _": lambda: read_markdown(
        "---\ntitle: " + "_a " * 200_000 + "\n---\n\nbody", "o"
    ),
    "spaces before a NewsAPI truncation mark": _truncation_mark_after_spaces,
    "unclosed meta tags": lambda: webpage_module._declared_published("<meta " * 150_000),
    "a DOCTYPE of [][][] without its >": lambda: looks_like_feed(b"<!DOCTYPE " + b"[]" * 4000),
}


@pytest.mark.parametrize("name", sorted(SLOW_PATTERNS))
def test_patterns_take_time_in_proportion_to_their_text(name: str) -> None:
    # Each took minutes to days on these inputs (time growing with the square, the cube or
    # exponentially with their size).
    started = time.monotonic()
    SLOW_PATTERNS[name]()
    assert time.monotonic() - started < 2


def test_a_run_of_spaces_inside_a_line_is_tidied_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "spaces.txt"
    path.write_text("Title\n\n" + " " * 20_000 + "x\n")
    started = time.monotonic()
    list(read_file(path))
    assert time.monotonic() - started < 0.5


def test_c1_controls_in_a_record_are_removed_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "c1.jsonl"
    path.write_text(json.dumps({"title": "C1", "body": "\u009da" * 10_000}) + "\n")
    started = time.monotonic()
    list(read_file(path))
    assert time.monotonic() - started < 0.5


# --- caps from config.toml -------------------------------------------------------------------


def test_caps_come_from_config_toml(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        "[limits]\nrecord_mb = 8\nfield_mb = 0.5\nhtml_elements = 50000\n"
        "bogus = 1\njson_values = 1.5\nfeed_file_mb = -1\n"
    )
    config = load_config(path)
    assert config.limits == {"record_mb": 8.0, "field_mb": 0.5, "html_elements": 50000.0}
    assert len(config.problems) == 3
    limits = Limits.from_config(config.limits)
    assert limits.record_bytes == 8 * MB
    assert limits.field_bytes == MB // 2
    assert limits.html_elements == 50_000
    assert limits.json_file_bytes == Limits().json_file_bytes
    assert Limits.from_config({}) == Limits()


def test_read_file_takes_its_caps(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(record("One").encode() + big_record_line(100 * KB))
    stream = read_file(path, limits=Limits(record_bytes=64 * KB))
    assert [draft.title for draft in stream] == ["One"]
    assert stream.skip_reasons == {RECORD_CAP: 1}


# --- a batch of bad files around a good one ---------------------------------------------------


def _write_bad_files(folder: Path) -> list[str]:
    """Each file here is refused under SMALL; returns their names."""
    bad: dict[str, bytes] = {
        "huge-record.jsonl": big_record_line(1 * MB),
        "nested.jsonl": b"[" * 100_000 + b"]" * 100_000 + b"\n",
        "one-line.txt": b"word " * (300 * KB // 5),
        "one-line-field.md": b"Word. " * (100 * KB // 6),
        "one-line.jsonl.gz": gzip.compress(b"x" * (4 * MB), 1),
        "empty-records.jsonl": b"{}\n" * 5_000,
        "empty-records.json": b"[" + b"{}," * 30_000 + b"{}]",
        "too-big.json": json.dumps([{"title": "x", "body": "y" * 1000}] * 300).encode(),
        "items.rss": b'<rss version="2.0"><channel><title>t</title>'
        + b"<item></item>" * 6_000
        + b"</channel></rss>",
        "tags.html": b"<html><body>" + b"<p>a</p>" * 2_500 + b"</body></html>",
        "laughs.html": BOMBS["laughs.html"].encode(),
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    return sorted(bad)


def test_one_batch_of_bad_files_around_a_good_one(
    home: Path, tmp_path: Path, small_caps: Limits
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    bad = _write_bad_files(folder)
    (folder / "good.txt").write_text(GOOD_TEXT)
    (folder / "surrogates.jsonl").write_text(SURROGATE_RECORD + "\n")
    result = cli(home, "add", str(folder))
    assert "unexpected error" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert "2 added" in result.stdout, result.stdout + result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    for name in bad:
        assert sum(f"/{name}: " in line for line in failed) == 1, (name, failed)
    assert len(failed) == len(bad), failed
    assert f"{len(bad)} failed" in result.stdout


# --- real sizes: peak RSS --------------------------------------------------------------------

_MEASURE = """
import resource, sys, time
from pathlib import Path
from sahelreader.ingest import IngestError, parse_feed, read_file, read_opml, read_opml_file


def peak_mb():
    # VmHWM is this program's own peak: ru_maxrss would count the parent's too (Linux keeps
    # the high-water mark of the process image exec replaced).
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


started = time.monotonic()
try:
    stream = read_file(Path(sys.argv[1]))
    outcome = f"{sum(1 for _ in stream)} read, {stream.skipped} skipped"
except IngestError as error:
    outcome = f"refused: {error}"
print(f"{peak_mb()} {time.monotonic() - started:.1f} {outcome}")
"""


def _write(path: Path, pieces: Iterator[bytes]) -> Path:
    with path.open("wb") as file:
        for piece in pieces:
            file.write(piece)
    return path


def _gzip(path: Path, piece: bytes, times: int, level: int) -> Path:
    compressor = zlib.compressobj(level, zlib.DEFLATED, 31)
    with path.open("wb") as file:
        for _ in range(times):
            file.write(compressor.compress(piece))
        file.write(compressor.flush())
    return path


def _real_size_files(folder: Path) -> Iterator[tuple[Path, str]]:
    """Each file at the size that broke the importer, or just under a cap, with what the
    import must do with it: "refused: ..." or "N read"."""
    words = b"word " * (MB // 5)
    # A 400 MB body, under the file cap: read past in pieces (one of 15.8 GB crashed it).
    yield (
        _write(
            folder / "huge-record.jsonl",
            iter(
                [record("Before").encode(), b'{"title": "big", "body": "']
                + [words] * 400
                + [b'"}\n', record("After").encode()]
            ),
        ),
        "2 read, 1 skipped",
    )
    # 30 MB of one-word sentences on one line (47 s, 1.7 GB), and 19 MB, under the file cap.
    yield _write(folder / "one-line.txt", iter([b"Word. " * (5 * MB)])), "refused: larger than"
    yield _write(folder / "19mb.txt", iter([b"Word. " * (19 * MB // 6)])), "refused: its text"
    yield _write(folder / "under-caps.md", iter([b"Word. " * (19 * MB // 60)])), "1 read"
    # 2 GB of one non-JSON line in gzip (2.2 GB RSS), 4 GB of newlines.
    yield _gzip(folder / "one-line.jsonl.gz", b"x" * (16 * MB), 128, 1), "refused: decompress"
    yield _gzip(folder / "newlines.jsonl.gz", b"\n" * (16 * MB), 256, 9), "refused: 100,000"
    yield (
        _write(folder / "nested.jsonl", iter([b"[" * (4 * MB) + b"\n", record("After").encode()])),
        "1 read, 1 skipped",
    )
    yield _write(folder / "empty.jsonl", iter([b"{}\n" * MB] * 10)), "refused: 100,000"
    # 63 MB of {}: 21 million dicts, 1.5 GB parsed.
    yield _write(folder / "empty.json", iter([b"[", b"{}," * (21 * MB), b"{}]"])), "refused: more"
    # 60 MB of real articles in one .json document: read.
    article = json.dumps(
        {"title": "Sahel", "body": "Les commerçants sont revenus au marché lundi. " * 60}
    ).encode()
    count = 60 * MB // (len(article) + 1)
    yield (
        _write(folder / "articles.json", iter([b"[", b",".join([article] * count), b"]"])),
        f"{count} read",
    )
    items = b"<item><title>a</title></item>" * (2 * MB)  # 60 MB of tiny entries
    yield (
        _write(
            folder / "items.rss",
            iter([b'<rss version="2.0"><channel>', items, b"</channel></rss>"]),
        ),
        "refused: more than",
    )
    amp = b"<html><body><article><p>" + b"&amp;" * (3 * MB) + b"</p></article></body></html>"
    yield _write(folder / "amp.html", iter([amp])), "refused: its text"
    crowded = (
        b"<html><body><article><p>" + b"<b>gras</b> " * 29_000 + b"</p></article></body></html>"
    )
    yield _write(folder / "crowded.html", iter([crowded])), "1 read"


@pytest.mark.slow
def test_real_sizes_stay_under_600_mb_and_finish(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    report: list[str] = []
    for path, expected in _real_size_files(tmp_path):
        result = subprocess.run(
            [sys.executable, "-c", _MEASURE, str(path)],
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
        )
        path.unlink()
        assert result.returncode == 0, result.stderr[-2000:]
        rss, seconds, outcome = result.stdout.strip().split(" ", 2)
        report.append(f"{path.name}: {rss} MB, {seconds} s, {outcome}")
        assert outcome.startswith(expected), report
        assert int(rss) < 600, report
        assert float(seconds) < 60, report
    print("\n".join(report))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    assert own < 600  # the files were written a piece at a time


def test_config_limits_apply_to_library_add(tmp_path: Path) -> None:
    from sahelreader.library import Library

    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text("[limits]\nrecord_mb = 0.01\n")  # 10 KB per record
    records = tmp_path / "two.jsonl"
    records.write_text(
        json.dumps({"title": "Short", "body": "Millet prices in Maradi."})
        + "\n"
        + json.dumps({"title": "Long", "body": "x " * 20_000})
        + "\n"
    )
    with Library.open(home, seed=False) as library:
        report = library.add([records])
        assert len(report.added) == 1 and report.skipped_records == 1
