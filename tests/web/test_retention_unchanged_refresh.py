"""Review 11 D3: `feeds keep` promises the articles beyond a new limit go "at the next refresh";
a refresh that finds the feed unchanged (a 304, a feed file not modified) must keep that promise
too, not wait for the feed's next change."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_helpers import cli
from tests.web.feed_fixtures import rss, story
from tests.web.local_server import LocalServer, Reply, Seen


def _articles(home: Path) -> int:
    [feed] = json.loads(cli(home, "feeds", "list", "--json").stdout)
    return int(feed["articles"])


def test_a_304_refresh_applies_a_new_limit(home: Path, server: LocalServer) -> None:
    body = rss([story(n, place="Agadez") for n in range(1, 8)], title="Agadez Wire")

    def answer(seen: Seen) -> Reply:
        if seen.headers.get("If-None-Match") == '"w1"':
            return Reply(304, headers={"ETag": '"w1"'})
        return Reply(200, body, headers={"ETag": '"w1"'})

    url = server.route("/wire", answer)
    assert cli(home, "feeds", "add", url).returncode == 0
    kept = cli(home, "feeds", "keep", url, "--items", "3")
    assert "4 articles beyond it will be pruned at the next refresh" in kept.stdout
    assert _articles(home) == 7
    refreshed = cli(home, "refresh")
    assert refreshed.returncode == 0 and "unchanged" in refreshed.stdout
    assert server.seen("/wire")[-1].headers.get("If-None-Match") == '"w1"'  # it was a 304
    assert _articles(home) == 3


def test_an_unchanged_feed_file_refresh_applies_a_new_limit(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "tahoua.rss"
    path.write_bytes(rss([story(n, place="Tahoua") for n in range(1, 6)], title="Tahoua Desk"))
    assert cli(home, "feeds", "add", str(path)).returncode == 0
    cli(home, "feeds", "keep", str(path), "--items", "2")
    refreshed = cli(home, "refresh")
    assert "unchanged" in refreshed.stdout
    assert _articles(home) == 2
    search = json.loads(cli(home, "search", "tahoua", "--json").stdout)
    assert len(search) == 2
