"""Usage found by a user trial: no command off a terminal, option-like words after `--`, out of
range numbers, help that says what the code does, usage errors' exit status, a closed pipe,
and stderr without stray blank lines."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sahelreader.cli.main import build_parser, main
from sahelreader.ingest import SUPPORTED_SUFFIXES

from .cli_helpers import cli, run

# -- no command, not a terminal -----------------------------------------------------------------


def _environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "SAHELREADER_HOME": str(home), "COLUMNS": "200"}
    env.pop("SAHELREADER_DEBUG", None)
    return env


@pytest.mark.parametrize("where", ["stdin from /dev/null", "stdout to a file"])
def test_no_command_off_a_terminal_is_a_usage_error_not_a_hanging_reader(
    where: str, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    output = tmp_path / "out.txt"
    with output.open("w") as stdout:
        result = subprocess.run(
            [sys.executable, "-m", "sahelreader", "--home", str(home)],
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            env=_environment(home),
            timeout=30,
        )
    assert result.returncode == 2
    assert output.read_text() == ""  # no screen drawn into the file
    assert "not a terminal" in result.stderr and "--help" in result.stderr
    assert "\x1b" not in result.stderr
    assert not home.exists()  # nothing was opened, nor a library made


def test_the_in_process_cli_without_a_command_says_the_same(home: Path) -> None:
    result = cli(home)
    assert result.returncode == 2
    assert "not a terminal" in result.stderr


# -- option-like words after -- -----------------------------------------------------------------


@pytest.fixture
def filled(home: Path, tmp_path: Path) -> Path:
    story = tmp_path / "timbuktu.txt"
    story.write_text(
        "Jason Okafor reports from Timbuktu\n\n"
        "Jason Okafor met traders in Timbuktu and Gao about the price of millet.\n"
    )
    assert cli(home, "add", str(story)).returncode == 0
    return home


def test_the_speller_keeps_option_like_words_as_written(filled: Path) -> None:
    # "json" is one edit from "jason", which the library holds: an option-like word is kept.
    result = cli(filled, "search", "--", "timbuktoo", "--json")
    assert "Did you mean: timbuktu --json" in result.stderr, result.stderr
    negated = cli(filled, "search", "--limit", "3", "--", "timbuktoo", "-jasonn")
    assert "Did you mean: timbuktu -jasonn" in negated.stderr, negated.stderr
    counted = cli(filled, "trend", "--", "gaoo", "timbuktoo", "-okafr")
    assert "Did you mean: gao timbuktu -okafr" in counted.stderr, counted.stderr


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("search", "--", "millet", "--json"), "--json"),
        (("search", "--", "--limit=3", "millet"), "--limit"),
        (("trend", "--", "millet", "--by", "month"), "--by"),
        (("trend", "--sort-of", "--", "millet", "--watchlist"), None),  # a usage error
    ],
)
def test_an_option_after_dashdash_is_searched_with_a_warning(
    filled: Path, args: tuple[str, ...], option: str | None
) -> None:
    result = cli(filled, *args)
    if option is None:
        assert result.returncode == 2
        return
    assert result.returncode == 0, result.stderr
    [warning] = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert f"`{option}` after `--` is searched as a word" in warning
    assert "before `--`" in warning


def test_no_warning_for_words_that_are_not_the_commands_options(filled: Path) -> None:
    result = cli(filled, "search", "--json", "--", "millet", "-gao", "--days")
    assert result.returncode == 0
    assert "warning" not in result.stderr
    assert len(json.loads(result.stdout)) == 0  # -gao leaves out the one article


# -- numbers out of range -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("stories", "--days", "100000000"),
        ("stories", "--days", "99999999999999999999"),
        ("feeds", "keep", "https://example.org/feed", "--days", "99999999999999999999"),
        ("feeds", "keep", "https://example.org/feed", "--items", "99999999999999999999"),
        ("search", "mali", "--limit", "99999999999999999999"),
        ("related", "abcdef", "--limit", "99999999999999999999"),
    ],
)
def test_a_number_too_large_is_a_usage_error(home: Path, args: tuple[str, ...]) -> None:
    result = cli(home, *args)
    assert result.returncode == 2, result.stderr
    assert "must be at most" in result.stderr
    assert "unexpected error" not in result.stderr


@pytest.mark.parametrize("by", ["day", "week", "month"])
@pytest.mark.parametrize("option", ["--since", "--until"])
def test_a_day_past_the_calendar_is_a_usage_error(filled: Path, option: str, by: str) -> None:
    result = cli(filled, "trend", "millet", option, "9999-12-30", "--by", by)
    assert result.returncode == 2, result.stderr
    assert "9998-12-31 or before" in result.stderr
    last = cli(filled, "trend", "millet", option, "9998-12-31", "--by", by)
    assert last.returncode == 0, last.stderr


def test_the_largest_days_accepted_work(filled: Path) -> None:
    result = cli(filled, "stories", "--days", "100000")
    assert result.returncode == 0, result.stderr


# -- help that says what the code does ----------------------------------------------------------


def _help(*command: str) -> str:
    result = cli(Path("unused"), *command, "--help")
    assert result.returncode == 0
    return " ".join(result.stdout.split())


def test_add_help_names_every_type_add_reads() -> None:
    text = _help("add")
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix.removesuffix(".gz") in text, suffix
    assert ".gz" in text


def test_stories_help_says_where_the_window_ends() -> None:
    text = _help("stories")
    assert "newest story's" not in text
    # The description and --days say the same end: the newest dated article that another
    # dated article shares a story with (StoryTable.latest_placed_at).
    end = "newest dated article that shares its story with another dated one"
    assert text.count(end) == 2, text


# -- usage errors exit 2 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("trend",),
        ("trend", "   "),
        ("trend", "mali", "--since", "2025-06-01", "--until", "2025-01-01"),
        ("trend", "mali", "--watchlist"),
        ("feeds", "add"),
        ("feeds", "add", "https://example.org/feed", "--starter"),
        ("feeds", "keep", "https://example.org/feed"),
        ("feeds", "keep", "https://example.org/feed", "--forever", "--days", "3"),
    ],
)
def test_usage_errors_exit_2(home: Path, args: tuple[str, ...]) -> None:
    result = cli(home, *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip(), args


def test_a_usage_error_found_after_parsing_is_one_line_from_a_real_process(home: Path) -> None:
    result = run(home, "trend", "niger", "--since", "2025-03-02", "--until", "2025-03-01")
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "--since 2025-03-02 is after --until 2025-03-01" in line


# -- a closed pipe ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("search", "herders", "--limit", "500"),
        ("trend", "herders", "--by", "day"),
        ("notes",),
    ],
)
def test_a_closed_stdout_ends_the_command_quietly(tmp_path: Path, args: tuple[str, ...]) -> None:
    home = tmp_path / "home"
    folder = tmp_path / "in"
    folder.mkdir()
    # Far more output than a pipe holds (64 KiB) and a reader takes at once: the command is
    # still writing when it closes.
    for number in range(1, 400):
        (folder / f"s{number}.md").write_text(
            f"---\ntitle: Herders at water point {number} {'on the dry season road ' * 40}\n"
            f"published: {2000 + number % 25}-03-{number % 28 + 1:02d}\n---\n\n"
            f"Herders met at water point {number}.\n"
        )
    assert run(home, "add", str(folder)).returncode == 0
    note = "A long note line about the herders. " * 200
    for article in json.loads(run(home, "search", "herders", "--json", "--limit", "50").stdout):
        cli(home, "note", article["id"], "--text", note)
    process = subprocess.Popen(
        [sys.executable, "-m", "sahelreader", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(home),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # `| head -c 10`
    stderr = process.stderr.read().decode()
    status = process.wait(timeout=60)
    assert status == 141, stderr  # 128 + SIGPIPE, as a command the signal ended
    assert "Error" not in stderr and "Exception ignored" not in stderr, stderr
    assert "unexpected error" not in stderr


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize(
    "args", [("search", "tiani", "--json"), ("bookmarks",), ("notes", "export")]
)
def test_any_command_whose_stdout_closes_exits_141_without_a_word(
    home: Path, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    # One large write (JSON, Markdown) may fit the pipe whole; the handling is the same.
    assert cli(home, "search", "tiani").returncode == 0  # the library and index made
    errors = io.StringIO()
    monkeypatch.setenv("SAHELREADER_HOME", str(home))
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    monkeypatch.setattr(sys, "stderr", errors)
    assert main(list(args)) == 141
    said = errors.getvalue()
    assert "sahelreader:" not in said and "rror" not in said and "Traceback" not in said, said


# -- stderr without blank lines -----------------------------------------------------------------


def test_stderr_has_no_blank_line_after_notices(tmp_path: Path) -> None:
    home = tmp_path / "home"
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(30):  # more than a progress bar's threshold
        (folder / f"s{number}.txt").write_text(
            f"Cattle sold in market {number}\n\nTraders sold cattle in market {number}.\n"
        )
    added = run(home, "add", str(folder))
    for index in home.glob("index*"):  # the next command rebuilds it, with a notice
        if index.is_dir():
            for file in index.iterdir():
                file.unlink()
            index.rmdir()
    searched = run(home, "search", "cattle")
    reindexed = run(home, "reindex")
    assert "notice:" in searched.stderr  # the index was caught up
    for result in (added, searched, reindexed):
        assert result.returncode == 0, result.stderr
        assert "" not in result.stderr.splitlines(), repr(result.stderr)
        assert "" not in result.stdout.splitlines(), repr(result.stdout)


def test_the_parser_builds() -> None:
    assert build_parser().prog == "sahelreader"
