"""The statistical tagger is a config switch: on by default (it types the names the rules only
guessed; on hand-annotated DEV news and wikigold it raised F1), off with
`entity_tagger = false`; switching it re-recognises the library."""

from __future__ import annotations

from pathlib import Path

from sahelreader.config import load_config
from sahelreader.library import Library

from .conftest import draft


def test_the_tagger_is_on_unless_config_turns_it_off(tmp_path: Path) -> None:
    home = tmp_path / "home"
    library = Library.open(home, seed=False)
    assert library.recogniser._statistical is True
    assert library.recogniser._merge is False  # it types the rules' guesses, adds no names
    on = library.entity_version
    library.close()
    (home / "config.toml").write_text("entity_tagger = false\n", encoding="utf-8")
    library = Library.open(home, seed=False)
    assert library.recogniser._statistical is False
    assert library.entity_version != on  # cached entities are recognised again
    library.close()


def test_a_wrong_value_is_reported_and_ignored(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('entity_tagger = "yes"\n', encoding="utf-8")
    config = load_config(path)
    assert config.entity_tagger is True  # the default
    assert any("entity_tagger" in problem for problem in config.problems)


def test_a_library_with_the_tagger_on_still_finds_listed_names(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text("entity_tagger = true\n", encoding="utf-8")
    library = Library.open(home, seed=False)
    library.add_drafts([draft("Talks", "President Mohamed Bazoum met ECOWAS envoys in Niamey.")])
    article = library.get(library.list_ids()[0])
    found = {(e.text, e.type) for e in library.entities(article)}
    assert ("Niamey", "place") in found and ("ECOWAS", "organisation") in found
    library.close()
