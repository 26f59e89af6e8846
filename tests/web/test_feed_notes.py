"""A feed read in spite of what is wrong with it says so: `add`, `feeds add` and `refresh`,
in their text and their JSON, fetched over HTTP or read from a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sahelreader.ingest.feed import parse_feed
from tests.cli_helpers import cli
from tests.web.local_server import LocalServer, Reply

# No XML declaration, so UTF-8 is what it declares; its accented letters are Latin-1 bytes.
WRONG_ENCODING = (
    '<rss version="2.0"><channel><title>Bulletin du Liptako</title>'
    "<link>https://liptako.example/</link>"
    "<item><title>Récolte à Téra</title><link>https://liptako.example/1</link>"
    "<description>Les paysans de Téra ont rentré une récolte de mil plus abondante "
    "que prévu.</description></item>"
    "<item><title>Puits réparé à Dori</title><link>https://liptako.example/2</link>"
    "<description>Le puits du quartier nord de Dori donne de nouveau de l'eau "
    "après trois semaines.</description></item>"
    "</channel></rss>"
).encode("latin-1")

# Well-encoded, but a tag closed in the wrong order: not well-formed XML.
MISMATCHED_TAG = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
    b"<title>Gao Weekly</title><link>https://gao.example/</link>\n"
    b"<item><title>Ferry <b>back</i> on the river</title><link>https://gao.example/1</link>"
    b"<description>The ferry between the two banks at Gao runs again after "
    b"repairs.</description></item>\n"
    b"<item><title>Market day moved</title><link>https://gao.example/2</link>"
    b"<description>The weekly market of Gao moves to Thursday for the holiday."
    b"</description></item>\n"
    b"</channel></rss>"
)

BROKEN = {"wrong encoding": WRONG_ENCODING, "mismatched tag": MISMATCHED_TAG}
SAID = {"wrong encoding": "encoding", "mismatched tag": "not well-formed XML"}
# As a plain static server sends a feed: a content type, no charset.
RSS_TYPE = {"Content-Type": "application/rss+xml"}


def _notes(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("note: ")]


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_fetched_feed_with_a_problem_keeps_its_note(kind: str) -> None:
    """The parser's own check, as a fetch calls it (an address, no charset)."""
    feed = parse_feed(BROKEN[kind], "http://127.0.0.1:1/feed.rss")
    assert len(feed.entries) == 2
    assert feed.recovered is not None and SAID[kind] in feed.recovered
    assert feed.recovered.endswith("the 2 entries found were kept")


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_feeds_add_and_refresh_say_what_was_wrong(
    kind: str, home: Path, server: LocalServer
) -> None:
    url = server.route("/broken.rss", Reply(200, BROKEN[kind], headers=RSS_TYPE))
    added = cli(home, "feeds", "add", url)
    assert added.returncode == 0, added.stderr
    assert "2 articles added" in added.stdout
    [note] = _notes(added.stderr)
    assert SAID[kind] in note and "the 2 entries found were kept" in note
    refreshed = cli(home, "refresh", "--json")
    assert refreshed.returncode == 0, refreshed.stderr
    [result] = json.loads(refreshed.stdout)
    assert any(SAID[kind] in line for line in result["notes"]), result
    text = cli(home, "refresh")
    assert SAID[kind] in text.stdout + text.stderr


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_add_of_a_feed_address_says_what_was_wrong(
    kind: str, home: Path, server: LocalServer
) -> None:
    url = server.route("/broken.rss", Reply(200, BROKEN[kind], headers=RSS_TYPE))
    result = cli(home, "add", url, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["added"]) == 2
    [note] = report["notes"]
    assert note["path"] == url and SAID[kind] in note["note"]
    assert any(SAID[kind] in line for line in _notes(result.stderr))


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_add_of_a_feed_file_says_what_was_wrong(kind: str, home: Path, tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(BROKEN[kind])
    text = cli(home, "add", str(path))
    assert text.returncode == 0, text.stderr
    assert "2 added" in text.stdout
    [note] = _notes(text.stderr)
    assert note.startswith(f"note: {path}: ") and SAID[kind] in note
    again = json.loads(cli(tmp_path / "other", "add", str(path), "--json").stdout)
    assert [(n["path"], SAID[kind] in n["note"]) for n in again["notes"]] == [(str(path), True)]


def test_a_sound_feed_has_no_note(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "sound.rss"
    path.write_bytes(WRONG_ENCODING.decode("latin-1").encode("utf-8"))
    result = cli(home, "add", str(path), "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["notes"] == []
    assert _notes(result.stderr) == []
