"""The statistical tagger as a type arbiter over the rules' guesses.

The rules decide where names are. Where they typed an unknown name by a guess alone (a run of
capitalised words with no list entry, no title, no organisation or place word and nothing firm
elsewhere in the text is "probably a person"; a listed name run into unknown words is "probably
an organisation"), the tagger's reading of the same tokens decides the type: the type whose
tags over exactly that span (B-type, I-type...) score best (``LanguageModel.type_scores``).
Then the same words get one type across the text: the type most of their guessed mentions got.

Nothing else changes: no span is added, dropped or cut, listed and firmly-typed names keep
their type, and so do the guesses that have some evidence (a name after "in" is a place, one
with a word seen in lower case in the text is not a person, a lone surname follows the full
name). Measured in bench/README.md ("Entity model"): those were right more often than the
tagger on the DEV set and on wikigold's tune quarters, the plain guesses less often.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

RuleSpan = tuple[int, int, str, int]  # token start, end, type, strength


def arbitrate(
    spans: Sequence[RuleSpan],
    scores: Mapping[int, Mapping[str, int]],
    folds: Sequence[str],
    margin: int = 0,
) -> list[RuleSpan]:
    """``spans`` with each one whose index is in ``scores`` given the type its scores put
    first if it beats the rules' type by more than ``margin``, then the type most of those
    with the same words got (a tie keeps the first mention's)."""
    chosen: dict[int, str] = {}
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for number, by_type in scores.items():
        i, j, guess, _ = spans[number]
        best = max(by_type, key=by_type.__getitem__)
        if by_type[best] - by_type.get(guess, by_type[best]) <= margin:
            best = guess
        chosen[number] = best
        votes.setdefault(tuple(folds[i:j]), Counter())[best] += 1
    out = list(spans)
    for number in chosen:
        i, j, _, strength = out[number]
        out[number] = (i, j, votes[tuple(folds[i:j])].most_common(1)[0][0], strength)
    return out
