"""Regexes that match any word of a list: a trie of the words, so long lists stay fast."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["alias_regex", "trie_regex"]


def trie_regex(words: list[str], apostrophes: bool = False) -> str:
    """A regex matching any of *words* (a space matches any whitespace run).

    Shared prefixes are factored out, which keeps Python's backtracking engine
    fast on long alternations; the longest word wins (greedy optional tails).
    With *apostrophes*, a ``'`` in a word also matches the typographic ``’``.
    """
    trie: dict[str, Any] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def piece(ch: str) -> str:
        if ch == " ":
            return r"\s+"
        if ch == "'" and apostrophes:
            return "['’]"
        return re.escape(ch)

    def emit(node: dict[str, Any]) -> str:
        branches = [piece(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
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
