"""Every option of every subcommand says what it does in --help, and one with a default that
is not obvious says it (review 10, #32: `search --limit` and `--sort` said nothing)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from sahelreader.cli.main import build_parser

from .cli_helpers import cli


def _parsers(
    parser: argparse.ArgumentParser, path: str = "sahelreader"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if sub is not parser:
                    yield from _parsers(sub, f"{path} {name}")


def _options_without_help() -> list[str]:
    missing = []
    seen: set[int] = set()
    for path, parser in _parsers(build_parser()):
        if id(parser) in seen:  # an alias of a subcommand already walked
            continue
        seen.add(id(parser))
        for action in parser._actions:
            if not action.option_strings or isinstance(action, argparse._HelpAction):
                continue
            if action.help == argparse.SUPPRESS:
                continue
            if not action.help or not action.help.strip():
                missing.append(f"{path} {'/'.join(action.option_strings)}")
    return missing


def test_every_option_has_a_help_string() -> None:
    assert _options_without_help() == []


def test_search_help_gives_limit_and_sort_with_their_defaults(tmp_path: Path) -> None:
    result = cli(tmp_path / "home", "search", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "--limit N" in text and "default 20" in text
    assert "--sort {relevance,date}" in text and "default relevance" in text
