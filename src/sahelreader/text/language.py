"""Language detection: a stop-word vote, fast and dependency-free. The one guesser the app uses.

Each language's commonest function words vote; the language with a clear majority wins. Long
text is reliable at three votes. A title or a one-line summary has few function words, so under
20 words one vote can decide, provided no other language gets close ("La junte au Niger" is
French). Text that gives no clear winner comes back as `default` ("" unless asked otherwise).

A language the vote does not know (Hausa, Yoruba, Bambara, Wolof…) still writes short words that
look like function words of one it knows: Hausa "da" and "a" are Portuguese (and Italian and
French) ones. So the winner must also have evidence of its own: its voting words of two letters
or more must, taken together, point to it alone (French "la", "des", "le" are each another
language's too, but only French writes all three; Hausa's "da" is Italian as much as
Portuguese). Otherwise the text comes back as `default`: unknown rather than a wrong language.

Callers that only handle some languages pass `among`: the entity recogniser and the citation
patterns know English and French, so they ask for one of those two, and the recogniser asks for
English when unsure (`default="en"`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from sahelreader.models import ArticleDraft
from sahelreader.text.wordlists import sections
from sahelreader.text.words import HAN_CHARS, HANGUL_CHARS, KANA_CHARS

__all__ = ["FRENCH_ELIDED", "LANGUAGE_DETECTION", "detect_language", "draft_language"]


def _function_words() -> dict[str, tuple[str, ...]]:
    """Word -> the languages it votes for, from data/function_words.txt."""
    voters: dict[str, tuple[str, ...]] = {}
    for language, words in sections("sahelreader.text", "function_words.txt").items():
        for word in words:
            voters[word] = (*voters.get(word, ()), language)
    return voters


_VOTERS = _function_words()
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_APOSTROPHE = re.compile("['’]")
# The words French writes elided before a vowel: l'armée, d'Assimi, qu'il, jusqu'à.
FRENCH_ELIDED = frozenset(
    {"l", "d", "qu", "n", "s", "c", "j", "m", "t", "jusqu", "lorsqu", "puisqu"}
)
_BOTH = frozenset({"l", "d"})  # Italian elides these too: l'Ucraina, d'Italia
# Elisions are a strong signal of their own: qu'il, s'est, n'a are French; dell'Onu, all'Italia,
# un'estate Italian; l' and d' are both (l'armée, l'Ucraina), so they vote for both.
_ELISIONS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(FRENCH_ELIDED - _BOTH, ("fr",)),
    **dict.fromkeys(_BOTH, ("fr", "it")),
    **dict.fromkeys(
        ("dell", "all", "nell", "sull", "dall", "un", "quest", "quell", "sant"), ("it",)
    ),
}
# Letters and endings Italian does not write: a word with one is French spelling.
_FRENCH_SPELLING = re.compile(r"[çêëîïôûœ]|é.|è\w")
_SAMPLE_CHARS = 4000
_MIN_VOTES = 3
_SHORT_TEXT_WORDS = 20  # under this, one vote can decide
_MARGIN = 1.3  # the winner needs this many times the runner-up's votes
_OWN_WORD_LETTERS = 2  # shorter words (a, e, o) vote but are no evidence: many languages


def detect_language(text: str, among: Collection[str] = (), default: str = "") -> str:
    """An ISO 639-1 code ("en", "fr", …), or `default` when the text gives no clear answer.

    `among` limits the candidates (an empty collection: every language known here).
    """
    sample = text[:_SAMPLE_CHARS]
    by_script = _language_of_script(sample)
    if by_script:
        return by_script if not among or by_script in among else default
    words = _WORD.findall(sample.lower())
    if not words:
        return default
    votes: Counter[str] = Counter()
    occurrences: list[tuple[str, ...]] = []  # each voting word's languages (2+ letters)
    # language -> the languages every one of its voting words of 2+ letters also votes for
    shared: dict[str, set[str]] = {}
    for word in words:
        voters = _VOTERS.get(word)
        if voters is None and ("'" in word or "’" in word):
            elided, rest = _APOSTROPHE.split(word, 1)
            voters = _ELISIONS.get(elided, ())
            if len(voters) > 1 and _FRENCH_SPELLING.search(rest):
                voters = ("fr",)  # l'armée, d'états: not Italian spelling
        if not voters:
            continue
        for language in voters:
            votes[language] += 1
        if len(word) >= _OWN_WORD_LETTERS:
            occurrences.append(voters)
            for language in voters:
                shared[language] = shared.get(language, set(voters)) & set(voters)
    if among:
        votes = Counter({language: n for language, n in votes.items() if language in among})
    if not votes:
        return default
    (best, best_votes), *rest = [*votes.most_common(2), ("", 0)]
    runner_up = rest[0][1]
    min_votes = 1 if len(words) < _SHORT_TEXT_WORDS else _MIN_VOTES
    if best_votes < min_votes:
        return default
    if best_votes < runner_up * _MARGIN:
        close = [language for language, n in votes.most_common() if n * _MARGIN > best_votes]
        best = _told_apart(close, occurrences, min_votes) or ""
        if not best:
            return default
    evidence = shared.get(best, set())
    if among:
        evidence &= set(among)
    if evidence != {best}:
        return default  # its words are as much another language's: not evidence of this one
    return best


def _told_apart(close: list[str], occurrences: list[tuple[str, ...]], min_votes: int) -> str | None:
    """The one of `close` (languages whose votes are within the margin, most voted first) that
    wins against each of the others on the words only one of the two writes, by the margin
    (words of two letters or more: "a" is French, Portuguese and Spanish alike).
    Romance languages share "de", "la", "un", "que": a Spanish text full of them gives French
    nearly as many votes, and only "el", "los", "pero", "y" tell the two apart."""
    for language in close:
        if all(
            _own_votes(language, other, occurrences)
            >= max(min_votes, _own_votes(other, language, occurrences) * _MARGIN)
            for other in close
            if other != language
        ):
            return language
    return None


def _own_votes(language: str, other: str, occurrences: list[tuple[str, ...]]) -> int:
    return sum(1 for voters in occurrences if language in voters and other not in voters)


_KANA = re.compile(f"[{KANA_CHARS}]")
_HANGUL = re.compile(f"[{HANGUL_CHARS}]")
_HAN = re.compile(f"[{HAN_CHARS}]")
_LETTER = re.compile(r"[^\W\d_]")


def _language_of_script(text: str) -> str:
    """Japanese, Korean or Chinese, when most of the text's letters are written in their
    scripts: kana is Japanese, hangul Korean, Chinese characters without either Chinese. They
    write no function word of the vote; a name in Chinese characters within English text is
    not enough (under half its letters)."""
    han = len(_HAN.findall(text))
    kana = len(_KANA.findall(text))
    hangul = len(_HANGUL.findall(text))
    if (han + kana + hangul) * 2 < len(_LETTER.findall(text)) or not han + kana + hangul:
        return ""
    if hangul > kana:
        return "ko"
    return "ja" if kana else "zh"


# Names what `draft_language` reads; a library stored with another version detects the language
# of its articles that have none again (Library.detect_missing_languages).
LANGUAGE_DETECTION = "title-and-body; own words; scripts"


def draft_language(draft: ArticleDraft) -> str:
    """The language a draft declares, else the one its title and body are written in.

    The title counts because many feeds carry headlines with no summary: a body alone would
    leave those items without a language (and so without stemming or entity rules for it).
    """
    return draft.language or detect_language(f"{draft.title}\n\n{draft.body}")
