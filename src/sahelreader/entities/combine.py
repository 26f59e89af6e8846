"""Merge the rule recogniser's spans with the statistical tagger's, then make names consistent.

This is the older combination, kept for comparison (``Recogniser(merge=True)``, ``--merge`` in
the bench scripts): on hand-annotated news it lowered F1, and the default is now the tagger as
a type arbiter over the rules' guesses (``arbiter.py``).

The rules know the names the reader cares most about (the shipped lists, the user's
``[entities]``) and have firm evidence for some others (a title before a name, an organisation
word, "the town of ..."); the tagger is better everywhere else, and above all where the rules
only guessed (an unknown pair of capitalised words is not necessarily a person). So:

* a listed or firmly-typed rule span wins over any tagger span that overlaps it, unless the
  tagger span is longer and holds it whole (the rules cut "Ministry of Land, Infrastructure and
  Transport" at the comma; "Niger Delta Development Authority" holds the listed "Niger");
* a rule guess gives way to any overlapping tagger span, and is kept where the tagger found
  nothing only if ``keep_guesses``;
* afterwards the same words get one type across the text (the firm one, else the most frequent),
  and a single word that is part of a longer person's name is that person (a later "Sangaré"
  after "Ali Sangaré").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

LISTED, FIRM, GUESS, TAGGED = 3, 2, 1, 0

RuleSpan = tuple[int, int, str, int]  # token start, end, type, strength (LISTED/FIRM/GUESS)
TaggedSpan = tuple[int, int, str]


def merge(
    rule_spans: Sequence[RuleSpan],
    tagged: Sequence[TaggedSpan],
    folds: Sequence[str],
    keep_guesses: bool = False,
) -> list[RuleSpan]:
    """Non-overlapping typed spans (strength TAGGED for the tagger's), sorted by start."""
    rules = sorted(rule_spans)
    at_token: dict[int, list[int]] = {}  # token -> the rule spans over it
    for k, (first, last, _, _) in enumerate(rules):
        for token in range(first, last):
            at_token.setdefault(token, []).append(k)
    dropped: set[int] = set()
    kept: list[RuleSpan] = []
    for start, end, etype in tagged:
        overlapping = sorted({k for t in range(start, end) for k in at_token.get(t, ())})
        firm = [k for k in overlapping if rules[k][3] >= FIRM]
        longer = all(
            start <= rules[k][0] and rules[k][1] <= end and end - start > rules[k][1] - rules[k][0]
            for k in firm
        )
        if firm and (not longer or len(firm) > 1):
            continue
        dropped.update(overlapping)
        kept.append((start, end, etype, TAGGED))
    guesses: list[RuleSpan] = []
    for k, rule in enumerate(rules):
        if k in dropped or rule[2] not in ("person", "place", "organisation"):
            continue
        if rule[3] == GUESS and not keep_guesses:
            guesses.append(rule)
        else:
            kept.append(rule)
    # A guess that is a later mention of a person found elsewhere ("Tiani" after "Abdourahamane
    # Tiani") stays.
    parts = {f for s, e, t, _ in kept if t == "person" and e - s >= 2 for f in folds[s:e]}
    kept.extend(
        g for g in guesses if g[2] == "person" and all(f in parts for f in folds[g[0] : g[1]])
    )
    kept.sort()
    out: list[RuleSpan] = []
    last = -1
    for span in kept:
        if span[0] >= last:
            out.append(span)
            last = span[1]
    return consistent(out, folds)


def consistent(spans: Sequence[RuleSpan], folds: Sequence[str]) -> list[RuleSpan]:
    """One type per name across the text; a lone part of a person's full name is that person."""
    firm: dict[tuple[str, ...], str] = {}
    votes: dict[tuple[str, ...], Counter[str]] = {}
    person_parts: set[str] = set()
    for start, end, etype, strength in spans:
        key = tuple(folds[start:end])
        if strength >= FIRM:
            firm.setdefault(key, etype)
        votes.setdefault(key, Counter())[etype] += 1
        if etype == "person" and end - start >= 2:
            person_parts.update(f for f in key if f[:1].isupper())
    out: list[RuleSpan] = []
    for start, end, etype, strength in spans:
        if strength == TAGGED:
            key = tuple(folds[start:end])
            if key in firm:
                etype = firm[key]
            elif end - start == 1 and key[0] in person_parts:
                etype = "person"
            else:
                etype = votes[key].most_common(1)[0][0]
        out.append((start, end, etype, strength))
    return out
