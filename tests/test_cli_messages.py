"""What the CLI says: unknown and too-short ids, URLs and unsupported files given to `add`,
and counts with the right plural."""

from __future__ import annotations

import json
from pathlib import Path

from sahelreader.ingest import SUPPORTED_SUFFIXES, SUPPORTED_TYPES_TEXT

from .cli_helpers import cli


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("sahelreader:")]


def test_an_unknown_id_is_quoted_whole(home: Path) -> None:
    result = cli(home, "show", "qqqqqq")
    assert result.returncode == 1
    assert _errors(result.stderr) == ["sahelreader: no article with id 'qqqqqq'"]


def test_a_too_short_id_prefix_says_so(home: Path) -> None:
    for args in (("show", "ab"), ("bookmark", "q"), ("related", "zz")):
        result = cli(home, *args)
        assert result.returncode == 1, args
        [line] = _errors(result.stderr)
        assert "an id prefix needs at least 3 characters" in line, args
        assert "no article" not in line, args
    removed = cli(home, "remove", "ab")
    assert removed.returncode == 1
    assert "an id prefix needs at least 3 characters" in removed.stderr
    assert "no article" not in removed.stderr


def test_add_an_unsupported_type_lists_the_supported_ones(home: Path, tmp_path: Path) -> None:
    table = tmp_path / "headlines.ods"
    table.write_bytes(b"PK\x03\x04 a spreadsheet")
    result = cli(home, "add", str(table))
    assert result.returncode == 1
    [line] = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert "unsupported file type .ods" in line
    for suffix in (".txt", ".md", ".html", ".json", ".jsonl", ".gz", ".csv", ".tsv"):
        assert suffix in line, suffix


def test_counts_of_one_are_singular(home: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Cattle market in Filingué\n\nTraders met at the Filingué market.")
    records = tmp_path / "records.jsonl"
    records.write_text(
        '{"title": "Salt caravan reaches Bilma", "text": "The caravan reached Bilma."}\n'
        '{"url": "https://x.example/only-a-link"}\n'
    )
    first = cli(home, "add", str(story), str(records))
    assert first.returncode == 0, first.stderr
    assert "1 record skipped (no text, or over a cap)" in first.stdout
    again = cli(home, "add", str(story))
    assert "0 added, 1 duplicate " in again.stdout
    [hit] = json.loads(cli(home, "search", "filingue", "--json").stdout)
    cli(home, "bookmark", hit["id"])
    cli(home, "note", hit["id"], "--text", "Prices of cattle.")
    # A library of one article: the seed is removed first.
    [seed] = json.loads(cli(home, "search", "tiani", "--json").stdout)
    cli(home, "remove", seed["id"])
    bilma = json.loads(cli(home, "search", "bilma", "--json").stdout)
    cli(home, "remove", bilma[0]["id"])
    backup = cli(home, "backup", str(tmp_path / "copy.db"))
    assert "(1 article, 1 note, 1 bookmark)" in backup.stdout
    restored = cli(home, "restore", str(tmp_path / "copy.db"))
    assert "restored 1 article from" in restored.stdout


def test_the_list_of_supported_types_names_every_one() -> None:
    # Each type once, then that each is read gzipped too: every accepted suffix is one of those.
    types, gzipped, _ = SUPPORTED_TYPES_TEXT.removeprefix("supported: ").partition(
        ", each also gzipped"
    )
    listed = set(types.split(", "))
    assert gzipped and listed | {f"{suffix}.gz" for suffix in listed} == set(SUPPORTED_SUFFIXES)


def test_output_to_a_pipe_is_not_wrapped_at_80_columns(home: Path, tmp_path: Path) -> None:
    # Scripts grep the output: a long title or error must stay on its line.
    from tests.cli_helpers import run

    title = "A very long headline about the water points that reopened in Tillabéri " * 2
    story = tmp_path / "long.md"
    story.write_text(f"---\ntitle: {title.strip()}\n---\n\nWater points reopened in Tillabéri.")
    assert run(home, "add", str(story)).returncode == 0
    env_columns = run(home, "search", "tillaberi", columns=None)
    [line] = [line for line in env_columns.stdout.splitlines() if "headline" in line]
    assert title.strip() in line
    missing = tmp_path / ("a-folder-with-a-rather-long-name-" * 3) / "gone.txt"
    failed = run(home, "add", str(missing), columns=None)
    assert any(str(missing) in line for line in failed.stderr.splitlines())


def test_entities_of_a_missing_file_or_a_folder_says_so(home: Path, tmp_path: Path) -> None:
    for given, said in (
        (str(tmp_path / "nowhere.html"), "no such file"),
        ("notes/today.txt", "no such file"),
        (str(tmp_path), "is a folder"),
    ):
        result = cli(home, "entities", given)
        assert result.returncode == 1, given
        [line] = _errors(result.stderr)
        assert said in line and "no article" not in line, given
    assert "no article with id 'zzzzzz'" in cli(home, "entities", "zzzzzz").stderr


def test_no_folder_is_made_for_a_file_written_into_one_that_does_not_exist(
    home: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder"
    for args in (
        ("backup", str(missing / "copy.db")),
        ("notes", "export", "-o", str(missing / "notes.md")),
        ("feeds", "export", "-o", str(missing / "feeds.opml")),
    ):
        result = cli(home, *args)
        assert result.returncode == 1, args
        [line] = _errors(result.stderr)
        assert f"the folder {missing} does not exist" in line, args
        assert not missing.exists(), args
    into_a_folder = cli(home, "backup", str(tmp_path))
    assert into_a_folder.returncode == 1 and "is a folder" in into_a_folder.stderr
    assert cli(home, "backup", str(tmp_path / "copy.db")).returncode == 0


def test_an_export_that_matches_nothing_says_so(home: Path) -> None:
    [hit] = json.loads(cli(home, "search", "tiani", "--json").stdout)
    cli(home, "note", hit["id"], "--text", "Ask the ministry about the convoy.")
    nobody = cli(home, "notes", "export", "--entity", "Nobody Herewithus")
    assert nobody.returncode == 0
    assert "notice: no note is about 'Nobody Herewithus'" in nobody.stderr
    nothing = cli(home, "notes", "export", "--query", "zzzqqqxx")
    assert "notice: no noted article matches 'zzzqqqxx'" in nothing.stderr
    everything = cli(home, "notes", "export")
    assert "notice" not in everything.stderr and "Ask the ministry" in everything.stdout


def test_a_word_with_a_leading_dash_gets_a_hint(home: Path) -> None:
    for args in (("search", "-mali"), ("search", "mali", "-football"), ("trend", "-tiani")):
        result = cli(home, *args)
        assert result.returncode == 2, args
        said = " ".join(result.stderr.split())
        assert "write NOT" in said and "after --" in said, args
        assert f"sahelreader {args[0]} mali NOT football" in said, args  # its own command
        assert "the word itself" not in said  # -word after -- leaves it out: no such search
    assert "hint" not in cli(home, "search").stderr  # nothing with a dash: no hint
    assert "hint" not in cli(home, "show", "-x").stderr


def test_the_dash_hint_example_uses_an_option_of_its_own_command(home: Path) -> None:
    """Each command that gives the `-word` hint shows an example its own parser takes: trend's
    suggested `--limit 5`, an option only search has (exit 2 when tried)."""
    import re
    import shlex

    from sahelreader.cli.main import _QUERY_COMMANDS

    assert {"search", "trend"} <= set(_QUERY_COMMANDS)
    for command in _QUERY_COMMANDS:
        for args in ((command, "-russia"), (command, "niger", "-sport", "-x")):
            said = " ".join(cli(home, *args).stderr.split())
            examples = re.findall(r"`(sahelreader [^`]*)`", said)
            assert len(examples) == 2, said
            for example in examples:
                words = shlex.split(example)[1:]
                assert words[0] == command, example
                tried = cli(home, *words)
                assert tried.returncode == 0, (example, tried.stderr)


def test_search_errors_name_what_is_missing(home: Path) -> None:
    for query, message in (
        ("published:>", "published:> needs a date (e.g. published:>2024-06)"),
        ("published:", "published: needs a date (e.g. published:2024-06)"),
    ):
        result = cli(home, "search", query)
        assert result.returncode == 1, query
        assert _errors(result.stderr) == [f"sahelreader: {message} (at character 1)"], query


def test_a_query_starting_with_a_minus_follows_a_double_dash(home: Path) -> None:
    everything = json.loads(cli(home, "search", "niger", "--json").stdout)
    assert everything  # the seed article
    result = cli(home, "search", "--json", "--", "-niger", "niger")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_a_reversed_date_range_is_named(home: Path) -> None:
    result = cli(home, "search", "published:[2025 TO 2024]")
    assert result.returncode == 1
    [line] = _errors(result.stderr)
    assert "the range is reversed: 2025 comes after 2024 (try published:[2024 TO 2025])" in line


def test_feeds_import_of_one_feed_says_it_not_them(home: Path, tmp_path: Path) -> None:
    """ "1 feed subscribed" was followed by "run `sahelreader refresh` to fetch them"."""

    def opml(*urls: str) -> Path:
        path = tmp_path / f"list-{len(urls)}.opml"
        outlines = "".join(f'<outline text="F" xmlUrl="{url}"/>' for url in urls)
        path.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>', "utf-8")
        return path

    one = cli(home, "feeds", "import", str(opml("https://one.example/feed.xml")))
    assert "1 feed subscribed" in one.stdout
    assert "to fetch it" in one.stderr and "fetch them" not in one.stderr
    two = cli(
        home,
        "feeds",
        "import",
        str(opml("https://two.example/a.xml", "https://two.example/b.xml")),
    )
    assert "2 feeds subscribed" in two.stdout and "to fetch them" in two.stderr
