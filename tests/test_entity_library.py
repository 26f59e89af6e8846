"""Entities in the library: cached, indexed, searchable by type, shown by the CLI."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sahelreader.entities.summary import group_entities
from sahelreader.library import Library
from sahelreader.models import Entity
from sahelreader.search.watch import find_names, watch_query
from sahelreader.store.database import Store
from sahelreader.store.schema import MIGRATIONS, SCHEMA_VERSION

from .conftest import SEED, draft


def test_seed_entities_are_searchable_by_type(seeded: Library) -> None:
    [seed_id] = seeded.list_ids()
    for query in (
        "person:putin",
        "person:tiani",
        "place:niamey",
        'entity:"burkina faso"',
        "organisation:ecowas",
        'organisation:"agence france-presse"',
    ):
        assert [hit.id for hit in seeded.search(query).hits] == [seed_id], query
    assert seeded.search("person:niamey").hits == []


def test_entity_search_marks_the_name_in_the_snippet(seeded: Library) -> None:
    [hit] = seeded.search("person:tiani").hits
    assert [hit.snippet[s:e] for s, e in hit.matches] == ["Tiani"]


def test_entities_are_cached_and_follow_the_body(seeded: Library) -> None:
    article = seeded.get(seeded.list_ids()[0])
    first = seeded.entities(article)
    assert seeded.store.cached_entities(article.id, seeded.entity_version) == first
    for entity in first:
        assert article.body[entity.start : entity.end] == entity.text


def test_grouping_merges_a_later_short_mention(seeded: Library) -> None:
    groups = group_entities(seeded.entities(seeded.get(seeded.list_ids()[0])))
    people = {g.name: g.count for g in groups if g.type == "person"}
    assert people["Amadou Abdramane"] == 2  # "Col. Amadou Abdramane" and "Abdramane's"
    assert "Abdramane" not in people
    assert groups[0].type == "person" and groups[-1].type == "organisation"


def test_extra_names_from_config_are_recognised_and_change_the_cache(home: Path) -> None:
    home.mkdir(parents=True)
    text = "The Kpelle Front met near Lake Zomba."
    plain = Library.open(home, seed=False)
    plain.add_drafts([draft("Meeting", text)])
    article = plain.get(plain.list_ids()[0])
    assert not any(e.text == "Kpelle Front" and e.type == "person" for e in plain.entities(article))
    version = plain.entity_version
    plain.close()
    (home / "config.toml").write_text('[entities]\n"Kpelle Front" = "person"\n"Zomba" = "place"\n')
    configured = Library.open(home, seed=False)
    assert configured.entity_version != version
    found = {(e.text, e.type) for e in configured.entities(article)}
    assert ("Kpelle Front", "person") in found
    configured.ensure_index()
    assert configured.search("person:kpelle").total == 1
    configured.close()


def test_a_schema_1_database_migrates_and_keeps_user_data(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with sqlite3.connect(path) as conn:  # what sahelreader 0.1 (schema 1) wrote
        conn.executescript(MIGRATIONS[0])
        conn.execute(
            "INSERT INTO articles(id, title, body, added, content_hash) VALUES"
            " ('abcd1234', 'Old', 'Body in Niamey.', '2024-01-01T00:00:00+00:00', 'h')"
        )
        conn.execute("INSERT INTO notes VALUES ('abcd1234', 'my note', 'x', 'x', 1)")
        conn.execute("INSERT INTO bookmarks VALUES ('abcd1234', 'x')")
        conn.execute("PRAGMA user_version = 1")
    store = Store(path)
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    article = store.get("abcd1234")
    assert article.note == "my note" and article.bookmarked
    store.save_entities([("abcd1234", [Entity("Niamey", "place", 8, 14)])], "v")
    assert store.cached_entities("abcd1234", "v") == [Entity("Niamey", "place", 8, 14)]


def test_watch_names_are_found_whatever_the_accents() -> None:
    text = "La junte d'Assimi GOÏTA… puis Goita, et Goïtaville n'en est pas."
    spans = find_names(text, ["Goïta"])
    assert [text[s:e] for s, e in spans] == ["GOÏTA", "Goita"]
    assert watch_query(["Goïta", 'JNIM "x"']) == '"Goïta" OR "JNIM x"'


def run(home: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "sahelreader", "--home", str(home), *args],
        capture_output=True,
        input=stdin,
        timeout=120,
    )


def test_cli_entities_from_stdin_keeps_offsets_exact(home: Path) -> None:
    text = "Le président Mohamed Bazoum\r\na vu la CEDEAO à Niamey.\r\n\r\nGoïta était là."
    result = run(home, "entities", "-", "--json", stdin=text.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    spans = json.loads(result.stdout)
    assert {(s["text"], s["type"]) for s in spans} >= {
        ("Mohamed Bazoum", "person"),
        ("CEDEAO", "organisation"),
        ("Niamey", "place"),
    }
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def test_cli_entities_of_the_seed_and_show_json(home: Path) -> None:
    text = SEED.read_text("utf-8")  # a path: offsets into the file's text as it is
    spans = json.loads(run(home, "entities", str(SEED), "--json").stdout)
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]
    [hit] = json.loads(run(home, "search", "person:putin", "--json").stdout)
    shown = json.loads(run(home, "show", hit["id"], "--json").stdout)
    assert shown["entities"]
    for span in shown["entities"]:
        assert shown["body"][span["start"] : span["end"]] == span["text"]
    by_id = json.loads(run(home, "entities", hit["id"], "--json").stdout)
    assert by_id == shown["entities"]
    listed = run(home, "entities", hit["id"]).stdout.decode()
    assert "Abdourahamane Tiani" in listed and "organisation" in listed


def test_a_name_only_in_the_headline_is_found_by_entity_search(library: Library) -> None:
    library.add_drafts(
        [
            draft(
                "ECOWAS suspends Guinea after the coup",
                "The West African bloc said the suspension would last until elections.",
            )
        ]
    )
    library.ensure_index()
    assert len(library.search("organisation:ecowas").hits) == 1
    assert len(library.search("organisation:cedeao").hits) == 1
    assert len(library.search("place:guinea").hits) == 1


def test_the_recogniser_fingerprint_covers_the_text_toolkit_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    import sahelreader.library as library_module

    copy = tmp_path / "sahelreader"
    package = Path(library_module.__file__).resolve().parents[1]
    shutil.copytree(package / "entities", copy / "entities")
    shutil.copytree(package / "text", copy / "text")
    monkeypatch.setattr(library_module, "__file__", str(copy / "library" / "__init__.py"))
    before = library_module.recogniser_fingerprint({})
    names = copy / "text" / "data" / "names" / "places.txt"
    names.write_text(names.read_text("utf-8") + "\nTillabéri-Nord\n", "utf-8")
    assert library_module.recogniser_fingerprint({}) != before


def test_a_watched_acronym_is_matched_in_capitals_and_counted_as_a_name() -> None:
    text = "The WHO said who pays. It is the IT ministry, and G5 leaders met."
    spans = find_names(text, ["WHO", "IT", "G5", "Goïta"])
    assert [text[a:b] for a, b in spans] == ["WHO", "IT", "G5"]
    assert watch_query(["WHO", "Goïta"]) == 'entity:"WHO" OR "Goïta"'


def test_a_watched_acronym_counts_the_articles_naming_it_not_the_common_word(
    library: Library,
) -> None:
    library.add_drafts(
        [
            draft("WHO warns on cholera", "The WHO said cases rose in Diffa and Maradi."),
            draft("Who pays for the wells", "Residents asked who pays for the new wells."),
        ]
    )
    library.ensure_index()
    hits = library.search(watch_query(["WHO"]), limit=None).hits
    assert [hit.title for hit in hits] == ["WHO warns on cholera"]
