"""Every text type `add` reads is read gzipped too (`.html.gz`, `.md.gz`, a feed's `.xml.gz`…),
as `.json.gz` always was: decompressed under the same cap as the file's own."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from sahelreader.ingest import (
    SUPPORTED_SUFFIXES,
    SUPPORTED_TYPES_TEXT,
    IngestError,
    Limits,
    read_file,
)
from tests.cli_helpers import cli
from tests.web.feed_fixtures import article_page, rss, story

_PARAGRAPHS = [
    "The ferry across the river at Gaya resumed service on Thursday after the water fell.",
    "Traders who had waited a week on the bank loaded their carts before dawn, a driver said.",
    "The crossing authority said a second boat would join the route before the rains.",
]


def _gzipped(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data))
    return path


def test_a_gzipped_html_page_is_read_as_the_page_is(tmp_path: Path) -> None:
    page = article_page("Ferry resumes at Gaya", _PARAGRAPHS)
    plain = tmp_path / "ferry.html"
    plain.write_bytes(page)
    [expected] = list(read_file(plain))
    for name in ("ferry.html.gz", "FERRY.HTM.GZ"):
        [draft] = list(read_file(_gzipped(tmp_path / name, page)))
        assert draft.title == expected.title == "Ferry resumes at Gaya"
        assert draft.body == expected.body and "second boat" in draft.body


@pytest.mark.parametrize(
    ("name", "data", "count"),
    [
        ("note.txt.gz", b"Millet harvest in Dosso\n\nThe harvest in Dosso was early.", 1),
        ("note.md.gz", b"---\ntitle: Wells in Tahoua\n---\nNew wells opened in Tahoua.", 1),
        ("note.markdown.gz", b"# Grain in Maradi\n\nGrain prices fell in Maradi.", 1),
        ("desk.xml.gz", rss([story(1), story(2)]), 2),
        ("desk.rss.gz", rss([story(3)]), 1),
        ("table.csv.gz", b"title,text\nRoad to Agadez,The road to Agadez reopened.\n", 1),
        ("table.tsv.gz", b"title\ttext\nSalt in Bilma\tSalt caravans left Bilma.\n", 1),
    ],
)
def test_each_text_type_is_read_gzipped(tmp_path: Path, name: str, data: bytes, count: int) -> None:
    assert len(list(read_file(_gzipped(tmp_path / name, data)))) == count


def test_the_accepted_types_say_gzip_and_include_every_gzipped_text_type() -> None:
    for plain in (".txt", ".md", ".html", ".htm", ".rss", ".atom", ".xml", ".csv", ".json"):
        assert plain in SUPPORTED_SUFFIXES and f"{plain}.gz" in SUPPORTED_SUFFIXES
    assert ".gz" in SUPPORTED_TYPES_TEXT and ".zip" not in SUPPORTED_SUFFIXES
    assert ".opml.gz" not in SUPPORTED_SUFFIXES


def test_a_gzipped_page_that_is_not_gzip_or_is_over_the_cap_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "fake.html.gz"
    fake.write_bytes(article_page("Not compressed", _PARAGRAPHS))
    with pytest.raises(IngestError, match="not valid gzip data"):
        list(read_file(fake))
    big = _gzipped(tmp_path / "big.html.gz", b"<p>" + b"sorghum " * 400_000 + b"</p>")
    assert big.stat().st_size < 100_000
    with pytest.raises(IngestError, match="larger than"):
        list(read_file(big, Limits(article_file_bytes=1_000_000)))


def test_add_takes_a_gzipped_page_and_feed_from_a_folder(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    _gzipped(folder / "ferry.html.gz", article_page("Ferry resumes at Gaya", _PARAGRAPHS))
    _gzipped(folder / "desk.atom.gz", rss([story(5), story(6)]))
    result = cli(home, "add", str(folder), "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["added"]) == 3
    hits = json.loads(cli(home, "search", "ferry", "--json").stdout)
    assert [hit["title"] for hit in hits] == ["Ferry resumes at Gaya"]
