"""`notes export --from FILE` says why a note comes without its article: removed from the
library, or not readable from a damaged file (review 10, #31)."""

from __future__ import annotations

from pathlib import Path

from sahelreader.library import Library
from tests.conftest import draft

from ..cli_helpers import cli
from .pages import leaf_pages


def _noted_library(home: Path) -> list[str]:
    with Library.open(home, seed=False) as library:
        library.add_drafts(
            [
                draft(
                    f"Rapport sur les puits {n}",
                    f"Le puits numéro {n} du cercle de Bankass a été réparé. " * 15,
                    url=f"https://puits.example/{n}",
                )
                for n in range(120)
            ]
        )
        ids = library.list_ids()
        for n in (5, 60, 110):
            library.save_note(ids[n], f"Vérifier le puits {n} avec la mairie.")
        library.store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return [ids[n] for n in (5, 60, 110)]


def _garble_every_article_page(database: Path) -> None:
    pages, size = leaf_pages(database)
    with database.open("r+b") as file:
        for page in pages:
            file.seek((page - 1) * size)
            file.write(b"\xa5" * size)


def test_an_article_unreadable_in_a_damaged_file_is_not_said_removed(
    home: Path, tmp_path: Path
) -> None:
    noted = _noted_library(home)
    damaged = tmp_path / "old-copy.db"
    damaged.write_bytes((home / "library.db").read_bytes())
    _garble_every_article_page(damaged)
    result = cli(home, "notes", "export", "--from", str(damaged))
    assert result.returncode == 0, result.stderr
    for article_id in noted:
        assert article_id in result.stdout
    assert "no longer in the library" not in result.stdout
    assert result.stdout.count("article details could not be read from old-copy.db") == 3


def test_a_removed_article_in_an_intact_file_is_said_removed(home: Path, tmp_path: Path) -> None:
    noted = _noted_library(home)
    with Library.open(home, seed=False) as library:
        library.store.remove([noted[0]], with_user_data=False)
        library.store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "intact.db"
    copy.write_bytes((home / "library.db").read_bytes())
    result = cli(home, "notes", "export", "--from", str(copy))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("article no longer in the library") == 1
    assert "could not be read" not in result.stdout
