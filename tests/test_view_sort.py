"""The sort the list's header names ("by date", "by source") orders the Bookmarks and Notes
views too, not only every article and searches."""

from __future__ import annotations

from sahelreader.library import Library
from sahelreader.models import BOOKMARKS, NOTES, ListRequest, SortName, View

from .conftest import draft, utc

ARTICLES = [
    draft(
        "Pont rouvert à Gao",
        "Le pont de Gao est de nouveau ouvert aux camions.",
        source="Zeta Nouvelles",
        published=utc(2025, 2, 10),
    ),
    draft(
        "Foire de Dori",
        "La foire annuelle de Dori a attiré des éleveurs de toute la région.",
        source="Alpha Presse",
        published=utc(2025, 4, 2),
    ),
    draft(
        "Pluies à Mopti",
        "Les premières pluies sont tombées sur Mopti et ses environs.",
        source="Midi Matin",
    ),
    draft(
        "Élections à Tahoua",
        "Les électeurs de Tahoua ont voté dans le calme selon les observateurs.",
        source="Midi Matin",
        published=utc(2025, 3, 15),
    ),
]


def _titles(library: Library, view: View, sort: SortName) -> list[str]:
    result = library.list_view(ListRequest(view=view, sort=sort))
    assert result is not None and not result.error
    return [row.title for row in library.rows(result.ids)]


def _ids(library: Library) -> dict[str, str]:
    return {row.title: row.id for row in library.rows(library.list_ids())}


def test_the_bookmarks_view_follows_the_sort(library: Library) -> None:
    library.add_drafts(ARTICLES)
    ids = _ids(library)
    # Bookmarked in an order that is neither date nor source order.
    for title in ("Pluies à Mopti", "Pont rouvert à Gao", "Élections à Tahoua", "Foire de Dori"):
        library.set_bookmark(ids[title], True)
    assert _titles(library, BOOKMARKS, "date") == [
        "Foire de Dori",
        "Élections à Tahoua",
        "Pont rouvert à Gao",
        "Pluies à Mopti",  # undated last
    ]
    by_source = _titles(library, BOOKMARKS, "source")
    assert [library.get(ids[t]).source for t in by_source] == sorted(
        library.get(ids[t]).source for t in by_source
    )
    assert by_source != _titles(library, BOOKMARKS, "date")


def test_the_notes_view_follows_the_sort(library: Library) -> None:
    library.add_drafts(ARTICLES)
    ids = _ids(library)
    for title in ("Pont rouvert à Gao", "Foire de Dori", "Pluies à Mopti"):
        library.save_note(ids[title], f"À vérifier : {title}.")
    assert _titles(library, NOTES, "date") == [
        "Foire de Dori",
        "Pont rouvert à Gao",
        "Pluies à Mopti",
    ]
    by_source = _titles(library, NOTES, "source")
    assert by_source[0] == "Foire de Dori"  # Alpha Presse
    assert by_source[-1] == "Pont rouvert à Gao"  # Zeta Nouvelles
