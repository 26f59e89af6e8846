"""Review 11 D21: `feeds remove/keep "Title"` when two feeds have that title said "not subscribed
to Title"; refusing is right, the reason must be the shared title and the addresses to give."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_helpers import cli
from tests.web.feed_fixtures import rss, story


@pytest.fixture
def two_desks(home: Path, tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "desk-a.rss", tmp_path / "desk-b.rss"
    first.write_bytes(rss([story(1, place="Dosso")], title="Dosso Desk"))
    second.write_bytes(rss([story(2, place="Maradi")], title="Dosso Desk"))
    for path in (first, second):
        assert cli(home, "feeds", "add", str(path)).returncode == 0
    return first, second


@pytest.mark.parametrize(
    "command",
    [("feeds", "remove"), ("feeds", "keep"), ("refresh",)],
    ids=["remove", "keep", "refresh"],
)
def test_a_title_two_feeds_share_names_both_addresses(
    home: Path, two_desks: tuple[Path, Path], command: tuple[str, ...]
) -> None:
    extra = ("--days", "3") if command == ("feeds", "keep") else ()
    result = cli(home, *command, "dosso desk", *extra)
    assert result.returncode == 1
    assert "not subscribed" not in result.stderr
    assert "2 feeds are titled dosso desk: give the address" in result.stderr
    for path in two_desks:
        assert path.name in result.stderr


def test_a_title_no_feed_has_is_still_not_subscribed(
    home: Path, two_desks: tuple[Path, Path]
) -> None:
    result = cli(home, "feeds", "remove", "Zinder Desk")
    assert result.returncode == 1 and "not subscribed to Zinder Desk" in result.stderr
    kept = cli(home, "feeds", "keep", two_desks[0].as_uri(), "--items", "1")
    assert kept.returncode == 0, kept.stderr  # an address still names one of them
