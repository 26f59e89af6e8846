"""One text under recognition: its tokens, their flags (capitalised, sentence start, line
break, headline), the spans found so far, and lookups in the lists at a token. The passes
that read and extend this state are the subclasses in runs.py, events.py, context.py,
classify.py and resolve.py; recogniser.py puts them together.
"""

from __future__ import annotations

import bisect
import re

from sahelreader.entities.gazetteer import Gazetteer
from sahelreader.entities.joined import split_joined_places
from sahelreader.entities.rules import (
    FR_SENTENCE_OPENERS,
    HYPHEN_SUFFIXES,
    SENTENCE_END,
    WORD_ACRONYM_WORDS,
    is_capitalised,
    never_name,
    token_key,
    tokenize,
)
from sahelreader.models import EntityType
from sahelreader.text.language import detect_language
from sahelreader.text.sentences import ABBREVIATIONS

NEWLINE_RE = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]")
PROSE_ENDS = frozenset({".", "!", "?", ",", ";"})
POSSESSIVES = frozenset({"'s", "’s", "'S", "’S", "'", "’"})
ARTICLES = frozenset({"The", "the", "Le", "La", "Les", "L'", "L’", "le", "la", "les", "l'", "l’"})
ARTICLES_FOLDED = frozenset(a.casefold() for a in ARTICLES)
FR_DETERMINERS = frozenset({*ARTICLES, "un", "une", "Un", "Une", "au", "aux", "du", "des"})
EVENT_LINKS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’"})
# "de Karoi, au Zimbabwe", "of Karoi, in Zimbabwe": a town, then the country it is in.
APPOSITION_PREPOSITIONS = frozenset({"au", "en", "aux", "in"})
# Lower-case words that follow a noun but are no adjective ("le parti dont X", "le groupe
# selon X"); "le groupe ethnique X" names a people, not a body.
FR_NOT_ADJECTIVES = frozenset(
    {
        *("dont", "selon", "avec", "sans", "chez", "contre", "entre", "vers"),
        *("ethnique", "ethniques", "linguistique", "linguistiques", "sanguin", "sanguins"),
    }
)
PARENT_LINKS = frozenset({("des",), ("du",), ("de", "la"), ("de", "l'"), ("de", "l’")})
# A French region named by a compass or height word and a capitalised name.
FR_COMPASS_PLACE_RE = re.compile(r"(?:Nord|Sud|Est|Ouest|Haut|Haute|Bas|Basse|Moyen)-[A-Z]\w+")
FR_MINISTRIES = frozenset({"ministère", "ministères"})
OPENING_QUOTES = frozenset({'"', "“", "«", "'", "‘"})
# A span straight from the lists, one with firm evidence, one guessed (see combine.py).
LISTED, STRONG, WEAK = 3, 2, 1
TYPES: dict[str, EntityType] = {
    "person": "person",
    "place": "place",
    "organisation": "organisation",
}


# The shortest listed acronym also recognised written as a word ("Ecowas" for ECOWAS, "Jnim"
# for JNIM), unless that word is a first name, a stop word or a word of its own ("Fact check"
# is not FACT, a Chadian rebel group: rules.WORD_ACRONYM_WORDS).
WORD_ACRONYM = 4
# The longest title that takes a full stop after it as its abbreviation dot ("Capt.", "Lieut.").
ABBREVIATED_TITLE = 5


def title_key(fold: str) -> str:
    """A title word as the title list keys it: case folded, and a former or elected holder's
    "ex-"/"-elect" dropped ("Ex-President", "President-elect", "Minister-elect")."""
    key = fold.casefold()
    if key.endswith("-elect") and len(key) > 6:
        key = key[:-6]
    if key.startswith("ex-") and len(key) > 3:
        key = key[3:]
    return key


# A hyphen and a suffix ("Wagner-backed", "al-Qaeda-linked"): where
# split_organisation_modifiers may have something to do.
HYPHEN_SUFFIX_RE = re.compile(r"-(?:" + "|".join(sorted(map(re.escape, HYPHEN_SUFFIXES))) + r")\b")


def split_organisation_modifiers(
    text: str,
    words: list[str],
    starts: list[int],
    ends: list[int],
    exact: dict[tuple[str, ...], str],
) -> tuple[list[str], list[int], list[int]]:
    """A listed organisation joined by a hyphen to a lower-case suffix ("al-Qaeda-linked",
    "Wagner-backed", "Islamic State-affiliated", rules.HYPHEN_SUFFIXES) becomes three tokens:
    the name, the hyphen and the suffix. An organisation used as a modifier is still named
    (the annotation guidelines); a place so used ("California-based") stays one token, no name.
    """
    cuts: dict[int, int] = {}
    for match in HYPHEN_SUFFIX_RE.finditer(text):
        k = bisect.bisect_right(starts, match.end() - 1) - 1
        if k < 0 or ends[k] != match.end():
            continue
        word = words[k]
        cut = word.rfind("-")
        if cut <= 0 or word[cut + 1 :] not in HYPHEN_SUFFIXES or not is_capitalised(word):
            continue
        head = token_key(word[:cut])
        before = tuple(token_key(w) for w in words[max(0, k - 3) : k])
        listed = any(
            exact.get((*before[len(before) - m :], head)) == "organisation" for m in range(4)
        )
        if listed or (
            # "Isis-linked": a listed acronym written as a word
            len(head) >= WORD_ACRONYM
            and head[1:].islower()
            and exact.get((head.upper(),)) == "organisation"
        ):
            cuts[k] = cut
    if not cuts:
        return words, starts, ends
    out_w: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    for k, word in enumerate(words):
        cut = cuts.get(k, 0)
        if cut:
            start = starts[k]
            out_w += [word[:cut], "-", word[cut + 1 :]]
            out_s += [start, start + cut, start + cut + 1]
            out_e += [start + cut, start + cut + 1, ends[k]]
        else:
            out_w.append(word)
            out_s.append(starts[k])
            out_e.append(ends[k])
    return out_w, out_s, out_e


class DocumentBase:
    """The state of one recognition run (tokens, flags, spans found so far)."""

    def __init__(self, text: str, gazetteer: Gazetteer, language: str | None) -> None:
        self.text = text
        self.g = gazetteer
        words, starts, ends = tokenize(text)
        words, starts, ends = split_joined_places(text, words, starts, ends, gazetteer.exact)
        words, starts, ends = split_organisation_modifiers(
            text, words, starts, ends, gazetteer.exact
        )
        self.words = words
        self.starts = starts
        self.ends = ends
        self.n = len(words)
        self.folds = [token_key(w) for w in words]
        self.caps = [
            (w[0].isupper() or (w[0] in "ae" and is_capitalised(w))) and not never_name(w)
            for w in words
        ]
        for k, w in enumerate(words):
            # Russian-occupied, California-based, Iranian-made: a known name + lower-case part
            if self.caps[k] and "-" in w:
                head_part, _, tail = w.rpartition("-")
                if tail.islower() and len(tail) > 2 and (token_key(head_part),) in gazetteer.exact:
                    self.caps[k] = False
        self.language = (
            language
            if language in ("en", "fr")
            else detect_language(text, among=("en", "fr"), default="en")
        )
        self._boundaries()
        # (start token, end token, type, strength); candidates: (start, end) left undecided
        self.spans: list[tuple[int, int, str, int]] = []
        self.candidates: list[tuple[int, int]] = []
        # weak spans whose type the document-level pass settled from firm evidence elsewhere
        self.settled: set[tuple[int, int]] = set()
        # weak spans typed by a guess alone, and which guess (see classify.py)
        self.guessed: dict[tuple[int, int], str] = {}
        self._lower_vocab: set[str] | None = None
        self._common_acronyms: set[str] | None = None
        # Lower-case organisation names defined by their acronym earlier in the text
        # ("le réseau national de lutte anti-corruption (REN-LAC)"), as casefolded token keys.
        self._lower_orgs: set[tuple[str, ...]] | None = None
        self._event_acronyms: set[str] | None = None

    def _boundaries(self) -> None:
        """Line breaks, sentence starts, and headline/all-caps lines."""
        text, words, starts, n = self.text, self.words, self.starts, self.n
        brk = [False] * n
        if n:
            brk[0] = True
            for match in NEWLINE_RE.finditer(text):
                k = bisect.bisect_right(starts, match.start())
                if k < n:
                    brk[k] = True
        sent = [True, *(w in SENTENCE_END for w in words[:-1])] if n else []
        for i in range(1, n):
            if brk[i]:
                sent[i] = True
            elif sent[i] and words[i - 1] == "." and i >= 2:
                before = words[i - 2]
                if before.casefold() in ABBREVIATIONS or (len(before) == 1 and before.isupper()):
                    sent[i] = False
        self.brk = brk
        self.sent = sent
        # Headline-case and all-caps lines: names there are only trusted from the lists. A line
        # that ends like a sentence is prose, unless it is very short.
        head = [False] * n
        upper = [False] * n
        french = self.language == "fr"
        breaks = [i for i in range(n) if brk[i]]
        breaks.append(n)
        for line_start, line_end in zip(breaks, breaks[1:], strict=False):
            if line_end - line_start >= 4 and words[line_end - 1] in PROSE_ENDS:
                continue
            long_words = caps_count = upper_count = lower_count = 0
            for w in words[line_start:line_end]:
                if len(w) > 3 and w.isalpha():
                    long_words += 1
                    if w[0].isupper():
                        caps_count += 1
                        if w.isupper():
                            upper_count += 1
                    elif token_key(w.capitalize()) not in self.g.stopwords:
                        lower_count += 1
            if long_words >= 3:
                if upper_count >= 0.8 * long_words:
                    upper[line_start:line_end] = [True] * (line_end - line_start)
                elif caps_count >= 0.75 * long_words and not (lower_count and french):
                    # French headlines are in sentence case: a lower-case word there that is
                    # no function word ("MSF se retire de Maïné Soroa au Niger") shows that the
                    # capitals are names
                    head[line_start:line_end] = [True] * (line_end - line_start)
        self.head = head
        self.upper = upper

    def lower_vocab(self) -> set[str]:
        if self._lower_vocab is None:
            self._lower_vocab = {w for w in self.words if w.islower()}
        return self._lower_vocab

    def gazetteer_at(self, i: int) -> tuple[int, str]:
        """Longest gazetteer entry starting at token ``i``: (length, type) or (0, "")."""
        g, folds, n, brk = self.g, self.folds, self.n, self.brk
        f = folds[i]
        lengths = g.lengths.get(f)
        if lengths:
            for size in lengths:
                end = i + size
                if end > n:
                    continue
                if size == 1:
                    etype = g.exact.get((f,))
                else:
                    etype = g.exact.get(tuple(folds[i:end]))
                    if etype is not None and any(brk[i + 1 : end]):
                        continue
                if etype is not None:
                    if etype == "organisation" and self.article_before_place(i, size):
                        continue  # "Le Sahel connaît...": the region, not the daily
                    return size, etype
        if self.caps[i]:
            if (
                len(f) >= WORD_ACRONYM - 1
                and f[1:].islower()
                and f.isalpha()
                and self.word_acronym(i)
                and f.lower() not in self.lower_vocab()
                and f not in g.stopwords
                and f not in g.first_names
                and f not in WORD_ACRONYM_WORDS
            ):
                # "Ecowas", "Minusma", "Jnim": a listed acronym written as a word, as the BBC does
                return 1, "organisation"
            low = f.casefold()
            lengths = g.lower_lengths.get(low)
            if lengths:
                for size in lengths:
                    end = i + size
                    if end > n:
                        continue
                    etype = g.lower.get(tuple(x.casefold() for x in folds[i:end]))
                    if etype is not None and not any(brk[i + 1 : end]):
                        if self.words[i] in ARTICLES and not self.caps[i + 1]:
                            continue  # "Le monde entier" is not the paper Le Monde
                        if etype == "organisation" and self.article_before_place(i, size):
                            continue
                        return size, etype
        return 0, ""

    def article_before_place(self, i: int, size: int) -> bool:
        """The listed organisation ``[i, i + size)`` is an article and a listed place ("Le
        Sahel", Niger's daily) at a sentence's start, where the capital is the sentence's: the
        place, unless the text also writes the name with its capital article inside a
        sentence ("selon le quotidien Le Sahel"), naming the paper."""
        words, folds, sent = self.words, self.folds, self.sent
        if size != 2 or not sent[i] or words[i] not in ARTICLES or words[i] == "the":
            return False
        if self.g.exact.get((folds[i + 1],)) != "place":
            return False
        return not any(
            words[k] == words[i] and folds[k + 1] == folds[i + 1] and not sent[k]
            for k in range(self.n - 1)
        )

    def word_acronym(self, i: int) -> bool:
        """The capitalised word at ``i`` (letters, lower case after the first) is a listed
        organisation's acronym written as a word: "Ecowas", "Jnim" (four letters or more);
        "l'Onu", "de l'Oms" (three letters, in French after an article only: "Who", "Fan" and
        "Bad" are words); a plural of one of four letters or more, "les Famas" (FAMa, Mali's
        armed forces)."""
        f, exact = self.folds[i], self.g.exact
        size = len(f)
        if exact.get((f.upper(),)) == "organisation":
            return size >= WORD_ACRONYM or (
                self.language == "fr" and i > 0 and self.words[i - 1] in FR_DETERMINERS
            )
        return (
            size > WORD_ACRONYM
            and f[-1] == "s"
            and exact.get((f[:-1].upper(),)) == "organisation"
            and f[:-1] not in WORD_ACRONYM_WORDS  # "Facts" is no FACT
        )

    def title_at(self, i: int) -> int:
        """Tokens taken by a title at ``i`` (with its abbreviation dot), 0 if none. Compared
        as the lists are keyed: accents folded ("présidente", "chef de l'État")."""
        key0 = title_key(self.folds[i])
        lengths = self.g.title_lengths.get(key0)
        if not lengths:
            return 0
        words, n = self.words, self.n
        for size in lengths:
            if i + size > n:
                continue
            if size == 1:
                key: tuple[str, ...] = (key0,)
            else:
                key = (key0, *(f.casefold() for f in self.folds[i + 1 : i + size - 1]))
                key = (*key, title_key(self.folds[i + size - 1]))
            if key in self.g.titles:
                end = i + size
                if (
                    end < n
                    and self.caps[end]
                    and not self.brk[end]
                    and self.folds[end] in self.g.org_words
                ):
                    return 0  # "the Justice Department", "Justice Ministry": a body's name
                if (
                    end < n
                    and words[end] == "."
                    and not self.brk[end]
                    and len(words[end - 1]) <= ABBREVIATED_TITLE
                ):
                    end += 1  # "Dr.", "Mme.", "Gen.": a full word ("chanteuse.") ends a sentence
                return end - i
        return 0

    def is_blocker(self, j: int) -> bool:
        """A capitalised token that cannot continue a name (stop word, title, demonym...)."""
        f = self.folds[j]
        if f in self.g.stopwords:
            return not self.ends_a_body(j)
        if self.g.exact.get((f,)) == "misc":
            return True
        w = self.words[j]
        if w in FR_SENTENCE_OPENERS and self.language == "fr":
            return True
        if w == "Continue" and j + 1 < self.n and self.words[j + 1] == "reading":
            return True  # a feed item's "… in Ukraine Continue reading…" link label
        if title_key(self.folds[j]) not in self.g.title_lengths or self.title_at(j) == 0:
            return False
        # "Hun Sen, who": a short title without its dot and with no name after it is a name
        nxt = j + 1
        return not (
            len(w) <= 3
            and (nxt >= self.n or self.brk[nxt] or not self.caps[nxt])
            and (nxt >= self.n or self.words[nxt] != ".")
        )

    def ends_a_body(self, j: int) -> bool:
        """A stop word that is also an organisation word ("Watch", "News") ends a name after
        another name's word: "Sahel Watch", "Kidal News"; opening a headline ("Watch: …")
        or followed by more capitals it names nothing. A listed name that ends with it ("Fox
        News") is found as listed: "the British Fox News" stays "Fox News"."""
        i, nxt = j - 1, j + 1
        return (
            self.folds[j] in self.g.org_words
            and i >= 0
            and self.caps[i]
            and not self.brk[j]
            and self.folds[i] not in self.g.stopwords
            and (nxt >= self.n or self.brk[nxt] or not self.caps[nxt])
            and not self.listed_name_ends_at(j)
        )

    def listed_name_ends_at(self, j: int) -> bool:
        """A listed name of a few words ends with token ``j`` ("Fox News"): found as listed,
        it takes no capitalised word before it ("the British Fox News")."""
        return any(self.gazetteer_at(k)[0] == j + 1 - k for k in range(max(0, j - 4), j))

    def emit(self, i: int, j: int, etype: str, strength: int = STRONG) -> None:
        self.spans.append((i, j, etype, strength))
