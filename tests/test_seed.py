"""The bundled seed: a fresh library opens on a real article with its real title, outlet, date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sahelreader.library import Library, seed_files

from .conftest import SEED, seed_text


def test_every_seed_file_is_an_article_and_the_readme_is_not() -> None:
    names = [path.name for path in seed_files()]
    assert SEED.name in names
    assert all(name.lower() != "readme.md" for name in names)


def test_a_fresh_library_opens_on_the_seed_with_its_title_outlet_and_date(home: Path) -> None:
    library = Library.open(home)
    try:
        [article_id] = library.list_ids()
        article = library.get(article_id)
        assert article.title == "Russian military instructors arrive in Niger"
        assert article.source == "Voice of America"
        assert article.published is not None
        assert article.published.date() == date(2024, 4, 12)
        assert article.url.startswith("https://www.voaafrica.com/")
        assert article.language == "en"
        # The article's text is the file's, unchanged: not a word added, dropped or re-flowed.
        assert article.body == seed_text().strip()
        assert article.body.endswith("sourced from Reuters and Agence France-Presse.")
    finally:
        library.close()


def test_the_seed_is_imported_once_and_not_again_after_removal(home: Path) -> None:
    library = Library.open(home)
    [article_id] = library.list_ids()
    library.remove([article_id])
    library.close()
    again = Library.open(home)
    try:
        assert again.count() == 0
    finally:
        again.close()


def test_a_fresh_library_has_nothing_for_doctor_to_repair(home: Path) -> None:
    # The seed used to be left out of the stories, so `doctor` on a new home "repaired" it.
    with Library.open(home) as library:
        assert library.stories.unplaced() == 0
        findings = library.doctor()
    assert [f.line() for f in findings if not f.ok] == []
