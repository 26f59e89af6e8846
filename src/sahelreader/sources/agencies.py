"""Loaders for the bundled lists of news agencies/outlets, organisations and non-person names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "Lexicon",
    "alias_regex",
    "load_media",
    "load_nonpersons",
    "load_organisations",
    "normalise_alias",
    "trie_regex",
]

MEDIA_KINDS = frozenset({"agency", "outlet", "ignore"})


@dataclass(frozen=True)
class Lexicon:
    """Aliases mapped to a value, plus one compiled regex matching any alias as a whole word."""

    aliases: dict[str, str]  # alias -> canonical
    kinds: dict[str, str]  # canonical -> kind
    pattern: re.Pattern[str]

    def canonical(self, alias: str) -> str:
        return self.aliases[alias]


def trie_regex(words: list[str]) -> str:
    """A regex matching any of *words* (a space matches any whitespace run).

    Shared prefixes are factored out, which keeps Python's backtracking engine
    fast on long alternations; the longest word wins (greedy optional tails).
    """
    trie: dict[str, Any] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        end = "" in node
        if len(branches) == 1 and not end:
            return branches[0]
        alt = "(?:" + "|".join(branches) + ")"
        return alt + "?" if end else alt

    return emit(trie)


def alias_regex(aliases: list[str]) -> str:
    """A regex matching any alias as a whole word (case-sensitive), longest first."""
    uniq = {a for a in aliases if a}
    firsts = "".join(sorted({a[0] for a in uniq}))
    return (
        rf"(?=[{re.escape(firsts)}])(?<![\w@/.-])(?:{trie_regex(list(uniq))})"
        r"(?![\w])(?!-\w)(?!\.\w)"
    )


def normalise_alias(surface: str) -> str:
    """The alias key for a matched surface form (whitespace runs become one space)."""
    return " ".join(surface.split())


def _read(name: str) -> list[str]:
    text = resources.files("sahelreader.sources").joinpath("data").joinpath(name).read_text("utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _build(rows: list[tuple[str, str, list[str]]]) -> Lexicon:
    aliases: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for canonical, kind, names in rows:
        kinds[canonical] = kind
        for alias in [canonical, *names]:
            alias = normalise_alias(alias)
            if alias:
                aliases.setdefault(alias, canonical)
    return Lexicon(aliases, kinds, re.compile(alias_regex(list(aliases))))


@lru_cache(maxsize=1)
def load_media() -> Lexicon:
    """News agencies and outlets from ``data/outlets.tsv``."""
    rows: list[tuple[str, str, list[str]]] = []
    for line in _read("outlets.tsv"):
        parts = line.split("\t")
        if len(parts) < 2:
            raise ValueError(f"outlets.tsv: bad line {line!r}")
        canonical, kind = parts[0].strip(), parts[1].strip()
        if kind not in MEDIA_KINDS:
            raise ValueError(f"outlets.tsv: bad kind {kind!r} for {canonical!r}")
        names = parts[2].split("|") if len(parts) > 2 else []
        rows.append((canonical, kind, names))
    return _build(rows)


@lru_cache(maxsize=1)
def load_organisations() -> Lexicon:
    """Named institutions from ``data/organisations.tsv``."""
    rows: list[tuple[str, str, list[str]]] = []
    for line in _read("organisations.tsv"):
        parts = line.split("\t")
        names = parts[1].split("|") if len(parts) > 1 else []
        rows.append((parts[0].strip(), "organisation", names))
    return _build(rows)


@lru_cache(maxsize=1)
def load_nonpersons() -> frozenset[str]:
    """Capitalised names that are never people (countries, cities, months...)."""
    return frozenset(ln.strip() for ln in _read("nonpersons.txt"))
