"""Review 13 D9: `entities PATH` on a pipe read the path as an article id, on a device said
"no such file", and on a feed file recognised names in its XML markup. Each now says what
the path is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .cli_helpers import cli

FEED_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Desk wire</title><link>https://wire.example.org/</link>
<item><title>Harvest begins near Maradi</title><link>https://wire.example.org/a1</link>
<description>Farmers near Maradi began the millet harvest, officials in Niamey said.
</description></item>
<item><title>Road to Agadez reopens</title><link>https://wire.example.org/a2</link>
<description>The road between Tahoua and Agadez reopened on Tuesday.</description></item>
</channel></rss>
"""

FEED_ATOM = """<feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel notes</title>
<id>urn:x:notes</id><updated>2025-04-02T10:00:00Z</updated>
<entry><title>Clinic opens in Dosso</title><id>urn:x:1</id>
<updated>2025-04-02T10:00:00Z</updated>
<summary>A clinic opened in Dosso, said Mariama Issoufou of the health ministry.</summary>
</entry></feed>
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_not_a_regular_file(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipe = tmp_path / "incoming"
    os.mkfifo(pipe)
    monkeypatch.chdir(tmp_path)
    for given in (str(pipe), "incoming"):  # a bare name, as an article id would be written
        result = cli(home, "entities", given)
        assert result.returncode == 1
        assert "not a regular file" in result.stderr, result.stderr
        assert "no article with id" not in result.stderr


def test_a_device_is_not_a_regular_file_and_exists(home: Path) -> None:
    result = cli(home, "entities", os.devnull)
    assert result.returncode == 1
    assert "not a regular file" in result.stderr, result.stderr
    assert "no such file" not in result.stderr


@pytest.mark.parametrize(
    ("name", "feed"), [("wire.rss", FEED_RSS), ("notes.txt", FEED_ATOM)], ids=["rss", "atom-in-txt"]
)
def test_a_feed_file_says_to_add_it(home: Path, tmp_path: Path, name: str, feed: str) -> None:
    path = tmp_path / name
    path.write_text(feed, "utf-8")
    result = cli(home, "entities", str(path))
    assert result.returncode == 1, result.stdout
    assert "is a feed" in result.stderr and "add" in result.stderr, result.stderr
    assert result.stdout == ""


def test_a_missing_file_still_says_no_such_file(home: Path, tmp_path: Path) -> None:
    result = cli(home, "entities", str(tmp_path / "gone.txt"))
    assert result.returncode == 1
    assert "no such file" in result.stderr
