"""An article added while the index is being rebuilt is not forgotten by that rebuild."""

from __future__ import annotations

from pathlib import Path

from sahelreader.library import Library
from tests.conftest import draft


def test_an_article_added_during_a_rebuild_stays_queued_and_becomes_searchable(
    home: Path,
) -> None:
    with Library.open(home, seed=False) as library:
        library.add_drafts(
            [draft(f"Harvest report {n}", f"Millet harvest in district {n}.") for n in range(120)]
        )
        added: list[str] = []

        def progress(done: int, total: int) -> None:
            # Another writer (the TUI's add, a CLI refresh) stores an article mid-build.
            if done >= 50 and not added:
                report = library.add_drafts(
                    [draft("Locust swarm near Agadez", "Locusts were seen near Agadez.")]
                )
                added.extend(report.added)

        library.rebuild_index(progress=progress)
        assert added and library.store.pending_index() == added
        library.sync_index()
        assert [hit.id for hit in library.search("locusts").hits] == added
