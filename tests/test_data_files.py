"""The bundled word lists stay clean: no entry twice in a list, no name in two lists that serve
the same purpose, no name under two types.

Entries are compared the way the code that reads them compares them (the recogniser folds
accents, so "Sénégal" repeats "Senegal"). Every file under a ``data/`` folder of the package must
have a check here: a new list gets one when it is added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from sahelreader.entities.rules import entry_tokens, token_key
from sahelreader.sources.outlets import name_key
from sahelreader.text.names import FILES, KINDS, known_names, never_person_names
from sahelreader.text.wordlists import entries, sections

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sahelreader"
Key = Callable[[str], object]


def repeated(items: Iterable[str], key: Key) -> list[str]:
    """Entries whose key an earlier entry already has."""
    seen: set[object] = set()
    found: list[str] = []
    for item in items:
        k = key(item)
        if k in seen:
            found.append(item)
        seen.add(k)
    return found


def exact(word: str) -> str:
    return word


def title_key(line: str) -> tuple[str, ...]:  # as entities.gazetteer reads titles.txt
    return tuple(t.casefold() for t in entry_tokens(line) if t != ".")


def place_word_key(line: str) -> tuple[str, bool]:  # "Region+" starts a place, "Region" ends one
    return token_key(line.removesuffix("+")), line.endswith("+")


def first_column(line: str) -> str:
    return line.split("\t")[0].strip()


# --------------------------------------------------------------------------- one list, no repeats

# file (under src/sahelreader) -> how its reader compares two entries
WORD_LISTS: dict[str, Key] = {
    "entities/data/first_names.txt": token_key,
    "entities/data/org_words.txt": token_key,
    "entities/data/stopwords.txt": token_key,
    "entities/data/titles.txt": title_key,
    "entities/data/place_words.txt": place_word_key,
    "text/data/names/not_names.txt": exact,
    "text/data/abbreviations.txt": lambda line: line.split()[0],
    "text/data/sentence_openers.txt": exact,
    "sources/data/outlets.tsv": first_column,
    "sources/data/organisations.tsv": first_column,
    "sources/data/organisation_names.tsv": first_column,
    "entities/data/place_names.tsv": first_column,
    "entities/data/person_names.tsv": first_column,
    "entities/data/capitals.tsv": first_column,
}
SECTIONED = [
    "text/data/function_words.txt",
    "entities/data/rule_words.txt",
    "sources/data/citation_credits.txt",
    "sources/data/citation_documents.txt",
    "sources/data/citation_media.txt",
    "sources/data/citation_organisations.txt",
    "sources/data/citation_people.txt",
    "sources/data/citation_verbs.txt",
]
NAME_FILES = [f"text/data/{name}" for name in FILES.values()]
MODEL_FILES = ["entities/data/model.bin", "entities/data/model.json"]
ANCHOR_FILES = ["related/data/url_id_anchors.json"]


def package_and_name(path: str) -> tuple[str, str]:
    """("sahelreader.text", "names/places.txt") for "text/data/names/places.txt"."""
    package, _, name = path.partition("/data/")
    return "sahelreader." + package.replace("/", "."), name


def test_every_data_file_is_checked() -> None:
    files = {
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*")
        if p.is_file() and "data" in p.relative_to(PACKAGE).parts
    }
    checked = {*WORD_LISTS, *SECTIONED, *NAME_FILES, *MODEL_FILES, *ANCHOR_FILES}
    assert files - checked == set(), "add a check for these lists to tests/test_data_files.py"
    assert checked - files == set()


@pytest.mark.parametrize("path", ANCHOR_FILES)
def test_url_id_anchors_are_facts_with_their_origin(path: str) -> None:
    """Each family's anchors: where they came from, a spread, and (id, day) pairs growing in
    both; nothing else (no article text)."""
    import json
    from datetime import date

    data = json.loads((PACKAGE / path).read_text("utf-8"))
    assert data["families"]
    for family, entry in data["families"].items():
        assert set(entry) == {"source", "spread_days", "anchors"}, family
        assert entry["source"].strip() and entry["spread_days"] > 0
        ids = [int(number) for number, _ in entry["anchors"]]
        days = [date.fromisoformat(day) for _, day in entry["anchors"]]
        assert ids == sorted(set(ids)) and days == sorted(set(days)), family


@pytest.mark.parametrize("path", sorted(WORD_LISTS))
def test_no_entry_twice_in_a_list(path: str) -> None:
    assert repeated(entries(*package_and_name(path)), WORD_LISTS[path]) == []


@pytest.mark.parametrize("path", SECTIONED)
def test_no_entry_twice_in_a_section(path: str) -> None:
    for section, words in sections(*package_and_name(path)).items():
        assert repeated(words, exact) == [], f"[{section}]"


def test_no_alias_claimed_by_two_names() -> None:
    for path in ("sources/data/outlets.tsv", "sources/data/organisations.tsv"):
        owner: dict[str, str] = {}
        for line in entries(*package_and_name(path)):
            canonical, _, rest = line.partition("\t")
            aliases = rest.split("\t")[1] if path.endswith("outlets.tsv") else rest
            for alias in [canonical, *aliases.split("|")]:
                alias = " ".join(alias.split())
                if alias:
                    assert owner.setdefault(alias, canonical) == canonical, (path, alias)


@pytest.mark.parametrize("path", NAME_FILES)
def test_no_name_twice_in_a_list(path: str) -> None:
    names = [k.name for k in known_names() if f"text/data/{FILES[k.kind]}" == path]
    assert repeated(names, entry_tokens) == []
    # Multi-word names also match whatever their case: a case variant is a repeat, unless its
    # first word is lower-case ("al Qaeda") where only an exact match finds it.
    capitalised = [n for n in names if len(entry_tokens(n)) > 1 and n[:1].isupper()]
    assert repeated(capitalised, lambda n: tuple(t.casefold() for t in entry_tokens(n))) == []


# --------------------------------------------------------------------------- lists that share a job


def test_no_name_has_two_types() -> None:
    kinds: dict[tuple[str, ...], set[str]] = {}
    lower: dict[tuple[str, ...], set[str]] = {}
    for known in known_names():
        key = entry_tokens(known.name)
        kinds.setdefault(key, set()).add(known.kind)
        if len(key) > 1:
            lower.setdefault(tuple(k.casefold() for k in key), set()).add(known.kind)
    assert {k: v for k, v in kinds.items() if len(v) > 1} == {}
    assert {k: v for k, v in lower.items() if len(v) > 1} == {}
    assert {k.kind for k in known_names()} == set(KINDS)


def test_people_are_never_marked_as_never_a_person() -> None:
    assert [k.name for k in known_names() if k.kind == "person" and k.never_a_person] == []


def test_words_that_rule_out_a_person_are_listed_once() -> None:
    """The extractor's own words that rule out a person are not known names: a known name that
    is never a person's is marked "*" where it is listed (text/data/names/)."""
    known = {entry_tokens(k.name) for k in known_names()}
    people = sections("sahelreader.sources", "citation_people.txt")
    assert [w for w in people["not_person_words"] if entry_tokens(w) in known] == []
    assert len(set(never_person_names())) == len(never_person_names())


def test_words_that_are_never_names_are_listed_once() -> None:
    """The shared list and each reader's extras do not overlap."""
    shared = entries("sahelreader.text", "names/not_names.txt")
    recogniser = entries("sahelreader.entities", "stopwords.txt")
    extractor = sections("sahelreader.sources", "citation_people.txt")["not_names"]
    shared_keys = {token_key(w) for w in shared}
    assert [w for w in recogniser if token_key(w) in shared_keys] == []
    assert [w for w in extractor if w in set(shared)] == []


def test_organisation_names_are_grouped_once() -> None:
    counts = Counter(
        name_key(name)
        for line in entries("sahelreader.sources", "organisation_names.tsv")
        for name in dict.fromkeys([line.partition("\t")[0], *line.partition("\t")[2].split("|")])
        if name.strip()
    )
    assert [key for key, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("kind", ["person", "place", "organisation"])
def test_each_equivalence_table_lists_a_name_once_and_groups_several(kind: str) -> None:
    """A name on two lines would join two entities; a line of one name groups nothing."""
    from sahelreader.entities.equivalents import TABLES, _read_table, equivalence_key

    table = TABLES[kind]  # type: ignore[index]
    groups = [{equivalence_key(name) for name in group} for group in _read_table(*table)]
    counts = Counter(key for keys in groups for key in keys)
    assert [key for key, n in counts.items() if n > 1] == []
    # Spellings that differ only in accents or dots ("Bénin", "U.S.") need no line of their own.
    assert [keys for keys in groups if len(keys) < 2] == []


def test_the_entity_model_is_the_one_its_description_names() -> None:
    # model.json is what bench/train_entities.py wrote with model.bin: same bytes, both languages
    import hashlib
    import json

    from sahelreader.entities.model import decode

    blob = (PACKAGE / "entities/data/model.bin").read_bytes()
    info = json.loads((PACKAGE / "entities/data/model.json").read_text(encoding="utf-8"))
    assert hashlib.sha256(blob).hexdigest() == info["sha256"]
    assert len(blob) == info["bytes"] < 8_000_000
    assert set(decode(blob)) == {"en", "fr"} == set(info["languages"])
