"""The CLI: most tests run it in this process through `main(argv)` (`cli`); those about the
process itself (the entry point, exit statuses, one error line and no traceback) run
`python -m sahelreader` for real (`run`)."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from sahelreader import __version__

from .cli_helpers import cli, run


def test_the_entry_point_runs_and_says_its_version(home: Path) -> None:
    result = run(home, "--version")
    assert result.returncode == 0 and __version__ in result.stdout
    assert result.stderr == ""


def test_every_command_has_help(home: Path) -> None:
    for command in ("add", "search", "show", "remove", "reindex", "doctor"):
        result = cli(home, command, "--help")
        assert result.returncode == 0, command
        assert "usage: sahelreader" in result.stdout


def test_usage_errors_exit_2(home: Path) -> None:
    assert run(home, "frobnicate").returncode == 2  # as a shell sees it
    assert cli(home, "search").returncode == 2
    assert cli(home, "search", "x", "--limit", "0").returncode == 2


def test_search_on_a_fresh_home_finds_the_seed_with_matches_on_niger(home: Path) -> None:
    result = cli(home, "search", "niger", "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)  # stdout holds only JSON; the rebuild notice is on stderr
    assert len(hits) == 1
    hit = hits[0]
    assert set(hit) >= {"id", "title", "source", "url", "published", "score", "snippet", "matches"}
    assert isinstance(hit["id"], str)
    assert hit["matches"]
    for start, end in hit["matches"]:
        assert hit["snippet"][start:end] == "Niger"


def test_no_hits_is_an_empty_list_and_a_suggestion_on_stderr(home: Path) -> None:
    result = cli(home, "search", "nigerr", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == []
    assert "Did you mean: niger" in result.stderr


def test_a_bad_query_is_one_line_and_exit_1(home: Path) -> None:
    result = run(home, "search", '"unclosed phrase', "--json")  # a real process: no traceback
    assert result.returncode == 1
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if not line.startswith("notice")]
    assert len(lines) == 1 and "never closed" in lines[0] and "character 1" in lines[0]
    assert "Traceback" not in result.stderr


def test_show_json_has_the_documented_keys(home: Path) -> None:
    [hit] = json.loads(cli(home, "search", "tiani", "--json").stdout)
    result = cli(home, "show", hit["id"], "--json")
    article = json.loads(result.stdout)
    assert {"id", "title", "body", "source", "author", "url", "published"} <= set(article)
    assert "Abdourahamane Tiani" in article["body"]
    assert cli(home, "show", "nosuchid").returncode == 1


def test_show_prints_article_text_without_interpreting_markup(home: Path, tmp_path: Path) -> None:
    sample = tmp_path / "markup.txt"
    sample.write_text("A [bold]title[/bold]\n\nBody [@click=app.quit]x[/] and \x1b[31mred\x1b[0m.")
    cli(home, "add", str(sample))
    [hit] = json.loads(cli(home, "search", "title:title", "--json").stdout)
    result = cli(home, "show", hit["id"])
    assert "[bold]title[/bold]" in result.stdout
    assert "[@click=app.quit]" in result.stdout
    assert "\x1b[31m" not in result.stdout


def write_mixed_folder(folder: Path) -> None:
    (folder / "deep" / "deeper").mkdir(parents=True)
    (folder / "good.txt").write_text("Ouagadougou talks\n\nDelegates met in Ouagadougou.")
    (folder / "deep" / "story.md").write_text(
        "---\ntitle: Bamako market reopens\nsource: Test Wire\npublished: 2024-05-02\n---\n"
        "Traders returned to the Bamako market on Thursday."
    )
    (folder / "deep" / "deeper" / "items.jsonl.gz").write_bytes(
        gzip.compress(
            b'{"title": "Agadez convoy", "link": "https://t.example/a", '
            b'"description": "<p>A convoy left <b>Agadez</b>.</p>"}\n'
        )
    )
    (folder / "broken.json").write_text("{not json")
    (folder / "empty.txt").write_text("")
    (folder / "page.html").write_text("<html><body><nav>Home</nav></body></html>")


def test_importing_a_mixed_folder_reports_bad_files_and_keeps_good_ones(
    home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    write_mixed_folder(folder)
    result = cli(home, "add", str(folder))
    assert result.returncode == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert {Path(line.split(":")[1].strip()).name for line in failed} == {
        "broken.json",
        "empty.txt",
        "page.html",
    }
    assert "3 added" in result.stdout and "3 failed" in result.stdout
    for query in ("ouagadougou", "bamako", "agadez"):
        assert len(json.loads(cli(home, "search", query, "--json").stdout)) == 1, query
    again = cli(home, "add", str(folder / "good.txt"))
    assert again.returncode == 0
    assert "0 added, 1 duplicate (already in the library)" in again.stdout


def test_add_json_report(home: Path, tmp_path: Path) -> None:
    sample = tmp_path / "one.json"
    sample.write_text(
        json.dumps({"title": "T", "text": "Body about Zinder.", "url": "https://z.example"})
    )
    result = cli(home, "add", str(sample), "--json")
    report = json.loads(result.stdout)
    assert len(report["added"]) == 1 and report["failed"] == []
    assert cli(home, "add", str(tmp_path / "missing.txt")).returncode == 1


def test_deleting_the_index_and_running_any_command_rebuilds_it(home: Path) -> None:
    assert cli(home, "search", "niger", "--json").returncode == 0
    shutil.rmtree(home / "index")
    result = cli(home, "search", "tiani", "--json")
    assert "rebuilding" in result.stderr
    assert len(json.loads(result.stdout)) == 1
    assert (home / "index").is_dir()


def test_remove_keeps_noted_articles_without_force(home: Path) -> None:
    [hit] = json.loads(cli(home, "search", "niger", "--json").stdout)
    with sqlite3.connect(home / "library.db") as conn:
        conn.execute(
            "INSERT INTO notes(article_id, body, created, updated) VALUES (?, 'n', 'x', 'x')",
            (hit["id"],),
        )
    kept = cli(home, "remove", hit["id"])
    assert kept.returncode == 1 and "--force" in kept.stderr
    assert cli(home, "show", hit["id"], "--json").returncode == 0
    removed = cli(home, "remove", hit["id"], "--force")
    assert removed.returncode == 0 and "1 removed" in removed.stdout
    assert json.loads(cli(home, "search", "niger", "--json").stdout) == []


def test_reindex_and_doctor(home: Path) -> None:
    result = cli(home, "reindex")
    assert result.returncode == 0 and "1 article" in result.stdout
    (home / "index" / "sahelreader-stamp.json").write_text('{"stamp": -5}')
    doctor = cli(home, "doctor")
    assert doctor.returncode == 0
    assert "[repaired] search index" in doctor.stdout
    assert "[ok] library database" in doctor.stdout


@pytest.mark.parametrize("args", [("show", "x", "--json"), ("search", "x", "--json")])
def test_json_output_is_only_json_even_on_errors(home: Path, args: tuple[str, ...]) -> None:
    result = cli(home, *args)
    assert result.stdout == "" or json.loads(result.stdout) is not None
