"""Search results say when some stored articles are not in the index yet."""

from __future__ import annotations

import importlib

from sahelreader.library import Library

cli_main = importlib.import_module("sahelreader.cli.main")  # the package exports main()


def test_search_results_say_when_stored_articles_are_not_searchable_yet(
    library: Library,
) -> None:
    import io

    from rich.console import Console

    from .conftest import draft

    library.add_drafts([draft("Convoy attacked near Djibo", "Gunmen attacked a convoy.")])
    library.ensure_index()
    err = Console(file=io.StringIO(), width=200)
    cli_main._tell_unsearchable(library, err)
    assert err.file.getvalue() == ""  # type: ignore[attr-defined]
    # Stored, not yet indexed: what another process leaves while it holds the index.
    library.store.add_many([(draft("Market reopens in Dori", "Traders came back."), "en")])
    cli_main._tell_unsearchable(library, err)
    said = err.file.getvalue()  # type: ignore[attr-defined]
    assert "1 article not searchable yet" in said and "leave them out" in said
