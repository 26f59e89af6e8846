"""The rule-and-gazetteer named-entity recogniser.

One left-to-right pass over the tokens finds spans (gazetteer longest match first, then
capitalised sequences classified by titles, organisation/place words, first names, acronyms
and context); a second, document-level pass resolves what the first pass left open: later
short mentions of a person (``Abdramane`` after ``Col. Amadou Abdramane``) and names seen
elsewhere in the text with a firmer type. Then the statistical tagger (``model.py``) runs on
the same tokens, its spans are held to the rules' conventions (:meth:`_Document.tidy`) and
merged with the rules' (``combine.py``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from sahelreader.entities import model
from sahelreader.entities.combine import merge
from sahelreader.entities.gazetteer import Gazetteer, load
from sahelreader.entities.joined import split_joined_places
from sahelreader.entities.rules import (
    CREDIT_LABELS,
    EDITION_PLACES,
    EVENT_ENDS,
    EVENT_HEADS,
    FACILITY_ENDS,
    FR_DEMONYM_ENDINGS,
    FR_FEMININE_ENDINGS,
    FR_LOWER_ORG_HEADS,
    FR_ORG_HEADS,
    FR_ORG_LINKS,
    FR_ORG_VOCAB,
    FR_PLACE_ENDINGS,
    FR_SENTENCE_OPENERS,
    NAME_CONNECTORS,
    NAME_OPENERS,
    NAME_PARTICLES,
    ORDINAL_RE,
    ORG_DESCRIPTORS,
    PERSON_DE,
    PERSON_VERBS,
    PLACE_NOUNS_AFTER,
    PLACE_NOUNS_BEFORE,
    PLACE_OF,
    PLACE_PREPOSITIONS,
    ROMAN_ORDINAL_RE,
    SENTENCE_END,
    WORK_MARKERS,
    YEAR_RE,
    is_acronym,
    is_capitalised,
    token_key,
    tokenize,
)
from sahelreader.models import Entity, EntityType
from sahelreader.text.language import detect_language
from sahelreader.text.sentences import ABBREVIATIONS

_NEWLINE_RE = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]")
_PROSE_ENDS = frozenset({".", "!", "?", ",", ";"})
_POSSESSIVES = frozenset({"'s", "’s", "'S", "’S", "'", "’"})
_ARTICLES = frozenset({"The", "the", "Le", "La", "Les", "L'", "L’", "le", "la", "les", "l'", "l’"})
_ARTICLES_FOLDED = frozenset(a.casefold() for a in _ARTICLES)
_FR_DETERMINERS = frozenset({*_ARTICLES, "un", "une", "Un", "Une", "au", "aux", "du", "des"})
_EVENT_LINKS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’"})
# "de Karoi, au Zimbabwe", "of Karoi, in Zimbabwe": a town, then the country it is in.
_APPOSITION_PREPOSITIONS = frozenset({"au", "en", "aux", "in"})
# Lower-case words that follow a noun but are no adjective ("le parti dont X", "le groupe
# selon X").
# "le groupe ethnique X" names a people, not a body.
_FR_NOT_ADJECTIVES = frozenset(
    {
        *("dont", "selon", "avec", "sans", "chez", "contre", "entre", "vers"),
        *("ethnique", "ethniques", "linguistique", "linguistiques", "sanguin", "sanguins"),
    }
)
_PARENT_LINKS = frozenset({("des",), ("du",), ("de", "la"), ("de", "l'"), ("de", "l’")})
# A French region named by a compass or height word and a capitalised name.
_FR_COMPASS_PLACE_RE = re.compile(r"(?:Nord|Sud|Est|Ouest|Haut|Haute|Bas|Basse|Moyen)-[A-Z]\w+")
_FR_MINISTRIES = frozenset({"ministère", "ministères"})
_OPENING_QUOTES = frozenset({'"', "“", "«", "'", "‘"})
# A span straight from the lists, one with firm evidence, one guessed (see combine.py).
_LISTED, _STRONG, _WEAK = 3, 2, 1
# Rule guesses the tagger found nothing at are dropped: measured on wikigold and re3d.
KEEP_GUESSES = False
DEFAULT_MULTI = "person"
DEFAULT_AFTER_THE = ""
DEFAULT_SINGLE = ""
COMMON_WORD_ORG = "organisation"
WEAK_PARTS = True
_TYPES: dict[str, EntityType] = {
    "person": "person",
    "place": "place",
    "organisation": "organisation",
}


class Recogniser:
    """A reusable recogniser; the gazetteer (and the user's extra names) is loaded lazily once."""

    def __init__(self, extra: Mapping[str, str] | None = None, statistical: bool = True) -> None:
        """``statistical=False`` runs the lists and rules alone (for comparison)."""
        self._extra: dict[str, str] = dict(extra) if extra else {}
        self._gazetteer: Gazetteer | None = None
        self._statistical = statistical

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load().with_extra(self._extra)
        return self._gazetteer

    def recognise(self, text: str, language: str | None = None) -> list[Entity]:
        """Entities in ``text``: sorted by start, non-overlapping, ``text[start:end] == .text``."""
        if not text:
            return []
        document = _Document(text, self.gazetteer, language)
        tagger = model.shipped().get(document.language) if self._statistical else None
        return document.run(tagger)


class _Document:
    """The state of one recognition run (tokens, flags, spans found so far)."""

    def __init__(self, text: str, gazetteer: Gazetteer, language: str | None) -> None:
        self.text = text
        self.g = gazetteer
        words, starts, ends = tokenize(text)
        words, starts, ends = split_joined_places(text, words, starts, ends, gazetteer.exact)
        self.words = words
        self.starts = starts
        self.ends = ends
        self.n = len(words)
        self.folds = [token_key(w) for w in words]
        self.caps = [w[0].isupper() or (w[0] in "ae" and is_capitalised(w)) for w in words]
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
        self._lower_vocab: set[str] | None = None
        self._common_acronyms: set[str] | None = None
        self._event_acronyms: set[str] | None = None

    # -- pre-computation ----------------------------------------------------------------------

    def _boundaries(self) -> None:
        """Line breaks, sentence starts, and headline/all-caps lines."""
        text, words, starts, n = self.text, self.words, self.starts, self.n
        brk = [False] * n
        if n:
            brk[0] = True
            for match in _NEWLINE_RE.finditer(text):
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
        breaks = [i for i in range(n) if brk[i]]
        breaks.append(n)
        for line_start, line_end in zip(breaks, breaks[1:], strict=False):
            if line_end - line_start >= 4 and words[line_end - 1] in _PROSE_ENDS:
                continue
            long_words = caps_count = upper_count = 0
            for w in words[line_start:line_end]:
                if len(w) > 3 and w.isalpha():
                    long_words += 1
                    if w[0].isupper():
                        caps_count += 1
                        if w.isupper():
                            upper_count += 1
            if long_words >= 3:
                if upper_count >= 0.8 * long_words:
                    upper[line_start:line_end] = [True] * (line_end - line_start)
                elif caps_count >= 0.75 * long_words:
                    head[line_start:line_end] = [True] * (line_end - line_start)
        self.head = head
        self.upper = upper

    def lower_vocab(self) -> set[str]:
        if self._lower_vocab is None:
            self._lower_vocab = {w for w in self.words if w.islower()}
        return self._lower_vocab

    # -- matching helpers -------------------------------------------------------------------

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
                    return size, etype
        if self.caps[i]:
            low = f.casefold()
            lengths = g.lower_lengths.get(low)
            if lengths:
                for size in lengths:
                    end = i + size
                    if end > n:
                        continue
                    etype = g.lower.get(tuple(x.casefold() for x in folds[i:end]))
                    if etype is not None and not any(brk[i + 1 : end]):
                        if self.words[i] in _ARTICLES and not self.caps[i + 1]:
                            continue  # "Le monde entier" is not the paper Le Monde
                        return size, etype
        return 0, ""

    def title_at(self, i: int) -> int:
        """Tokens taken by a title at ``i`` (with its abbreviation dot), 0 if none. Compared
        as the lists are keyed: accents folded ("présidente", "chef de l'État")."""
        key0 = self.folds[i].casefold()
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
                key = tuple(f.casefold() for f in self.folds[i : i + size])
            if key in self.g.titles:
                end = i + size
                if end < n and words[end] == "." and not self.brk[end]:
                    end += 1
                return end - i
        return 0

    def is_blocker(self, j: int) -> bool:
        """A capitalised token that cannot continue a name (stop word, title, demonym...)."""
        f = self.folds[j]
        if f in self.g.stopwords:
            return True
        if self.g.exact.get((f,)) == "misc":
            return True
        w = self.words[j]
        if w in FR_SENTENCE_OPENERS and self.language == "fr":
            return True
        if self.folds[j].casefold() not in self.g.title_lengths or self.title_at(j) == 0:
            return False
        # "Hun Sen, who": a short title without its dot and with no name after it is a name
        nxt = j + 1
        return not (
            len(w) <= 3
            and (nxt >= self.n or self.brk[nxt] or not self.caps[nxt])
            and (nxt >= self.n or self.words[nxt] != ".")
        )

    def extend(self, i: int) -> int:
        """End (exclusive) of the capitalised sequence that starts at token ``i``."""
        words, caps, folds, brk, n, g = self.words, self.caps, self.folds, self.brk, self.n, self.g
        if self.head[i] or self.upper[i]:
            return i + 1
        org_or_place = folds[i] in g.org_words or folds[i] in g.place_start_words
        first_name = folds[i] in g.first_names
        j = i + 1
        while j < n and not brk[j]:
            if caps[j]:
                w = words[j]
                if (
                    len(w) == 1
                    and j + 2 < n
                    and words[j + 1] == "."
                    and caps[j + 2]
                    and not brk[j + 2]
                    and not self.is_blocker(j + 2)
                ):
                    # A middle initial: George F. Hauser, Philip M. Drew (not "Plan B. The").
                    j += 3
                    continue
                if w in ("Jr", "Sr") and j + 1 < n and words[j + 1] == "." and not brk[j + 1]:
                    j += 2
                    break
                if self.is_blocker(j):
                    break
                if folds[j] in CREDIT_LABELS and j + 1 < n and words[j + 1] == ":":
                    break  # "Vidéo : Jeanne Mbassou Montage : ...": a label, not the name
                if folds[j] in g.org_words or folds[j] in g.place_end_words:
                    org_or_place = True
                j += 1
                continue
            w = words[j]
            nxt = j + 1
            if nxt >= n or brk[nxt]:
                break
            if w == "." and len(words[j - 1]) == 1 and caps[nxt] and not self.is_blocker(nxt):
                # A middle initial: George F. Hauser, William T. Sherman.
                j = nxt + 1
                continue
            if w in NAME_PARTICLES and caps[nxt] and not self.is_blocker(nxt):
                j = nxt + 1
                continue
            if w in PERSON_DE and first_name and j == i + 1 and caps[nxt]:
                j = nxt + 1
                continue
            if (
                not org_or_place
                and w in ("and", "&", "of", "for")
                and caps[nxt]
                and self.org_ahead(i, j, nxt)
            ):
                org_or_place = True  # Securities and Exchange Commission
            if org_or_place and w in NAME_CONNECTORS:
                if w in ("and", "&", "et") and (
                    folds[j - 1] in g.org_words or not caps[nxt] or self.gazetteer_at(nxt)[0]
                ):
                    break  # two names side by side: the Army and the Ministry of Defence
                if caps[nxt] and not self.is_blocker(nxt):
                    j = nxt + 1
                    continue
                if (
                    words[nxt] in ("the", "la", "l'", "le", "les")
                    and nxt + 1 < n
                    and caps[nxt + 1]
                    and not brk[nxt + 1]
                    and not self.is_blocker(nxt + 1)
                ):
                    j = nxt + 2
                    continue
            if w == "," and org_or_place:
                return self.portfolio_list(i, j)
            break
        return j

    def portfolio_list(self, i: int, j: int) -> int:
        """End of "Ministry of Land, Infrastructure and Transport" when the run ``[i, j)`` is
        an organisation word + "of"/"for" + names and ``j`` is the comma before the list of
        portfolios; ``j`` itself when the words after the comma are not such a list."""
        words, caps, brk, n = self.words, self.caps, self.brk, self.n
        if self.folds[i] not in self.g.org_words or not any(
            w in ("of", "for") for w in words[i + 1 : j]
        ):
            return j
        k = j
        while k < n and not brk[k] and words[k] == ",":
            k += 1
            run = k
            while k < n and caps[k] and not brk[k] and not self.is_blocker(k):
                k += 1
            if k == run:
                return j
            if k + 1 < n and words[k] in ("and", "&") and caps[k + 1] and not brk[k + 1]:
                k += 1
                while k < n and caps[k] and not brk[k] and not self.is_blocker(k):
                    k += 1
                return k
        return j

    def org_ahead(self, i: int, j: int, nxt: int) -> bool:
        """The capitalised run from ``nxt`` holds an organisation word, and the run ``[i, j)``
        before the connector holds no known name (so two names side by side stay apart)."""
        g, folds, caps, brk, n = self.g, self.folds, self.caps, self.brk, self.n
        if any(folds[k] in g.lengths or folds[k] in g.first_names for k in range(i, j)):
            return False
        k = nxt
        while k < n and k < nxt + 4 and caps[k] and not brk[k] and not self.is_blocker(k):
            if folds[k] in g.org_words:
                return True
            k += 1
        return False

    def french_org_body(self, i: int, j: int) -> int:
        """Extend an organisation name headed at ``i`` over its lower-case French body."""
        words, caps, brk, n = self.words, self.caps, self.brk, self.n
        end = j
        k = j
        while k < n and k - i < 12 and not brk[k]:
            w = words[k]
            low = w.casefold()
            if low in FR_ORG_VOCAB or (caps[k] and not self.is_blocker(k)):
                k += 1
                end = k
                continue
            if low in FR_ORG_LINKS and k + 1 < n:
                nxt = words[k + 1].casefold()
                if nxt in FR_ORG_VOCAB or (caps[k + 1] and not self.is_blocker(k + 1)):
                    k += 1
                    continue
                if (
                    nxt in FR_ORG_LINKS
                    and k + 2 < n
                    and not brk[k + 2]
                    and (
                        words[k + 2].casefold() in FR_ORG_VOCAB
                        or (caps[k + 2] and not self.is_blocker(k + 2))
                    )
                ):
                    k += 2  # "pour l'indépendance", "de l'Azawad"
                    continue
            break
        return end

    # -- the passes ---------------------------------------------------------------------------

    def emit(self, i: int, j: int, etype: str, strength: int = _STRONG) -> None:
        self.spans.append((i, j, etype, strength))

    def run(self, tagger: model.LanguageModel | None = None) -> list[Entity]:
        self.first_pass()
        if self._event_acronyms:
            self.drop_event_acronyms(self._event_acronyms)
        self.attach_ordinals()
        self.join_parent_bodies()
        self.bracketed_short_names()
        self.second_pass()
        if tagger is not None:
            firm = [(i, j) for i, j, _, strength in self.spans if strength >= _STRONG]
            tagged = self.tidy(tagger.tag(self, self.g, firm), tagger.common)
            self.spans = merge(self.spans, tagged, self.folds, KEEP_GUESSES)
        self.split_at_places()
        return self.entities()

    def drop_event_acronyms(self, acronyms: set[str]) -> None:
        """An event's short name found before it was defined ("AFCON game" in a headline, then
        "Africa Cup of Nations (AFCON)"): no guess from it, unless it is a listed name."""
        words = self.words
        self.spans = [
            (i, j, etype, strength)
            for i, j, etype, strength in self.spans
            if strength == _LISTED or j - i > 1 or words[i] not in acronyms
        ]
        self.candidates = [
            (i, j) for i, j in self.candidates if j - i > 1 or words[i] not in acronyms
        ]

    def bracketed_short_names(self) -> None:
        """ "Confédération africaine de football (Caf)": a capitalised word in brackets right
        after an organisation or a place is its short name, of the same type."""
        words, caps, n = self.words, self.caps, self.n
        taken = {k for i, j, _, _ in self.spans for k in range(i, j)}
        added = [
            (j + 1, j + 2, etype, strength)
            for i, j, etype, strength in self.spans
            if etype in ("organisation", "place")
            and j + 2 < n
            and words[j] == "("
            and words[j + 2] == ")"
            and caps[j + 1]
            and j + 1 not in taken
            and not self.is_blocker(j + 1)
        ]
        if added:
            self.spans.extend(added)
            found = {(a, b) for a, b, _, _ in added}
            self.candidates = [c for c in self.candidates if c not in found]

    def join_parent_bodies(self) -> None:
        """ "Conseil de sécurité des Nations unies", "Commission de la Cedeao": a body headed
        by an organisation word, then "de"/"des"/"du", then the organisation it belongs to,
        is one name (the full name, as the guidelines take it)."""
        words, folds, brk, g = self.words, self.folds, self.brk, self.g
        spans = sorted(self.spans)
        out: list[tuple[int, int, str, int]] = []
        for span in spans:
            if out:
                i, j, etype, strength = out[-1]
                k, end, kind, firm = span
                if (
                    etype == kind == "organisation"
                    and tuple(words[j:k]) in _PARENT_LINKS
                    and folds[i] in g.org_words
                    and not any(brk[j:end])
                ):
                    out[-1] = (i, end, etype, max(strength, firm))
                    continue
            out.append(span)
        self.spans = out

    def attach_ordinals(self) -> None:
        """An ordinal right before an organisation belongs to it: "12e Régiment", "82nd
        Airborne Division" (a unit's number is part of its name)."""
        words, brk = self.words, self.brk
        self.spans = [
            (i - 1, j, etype, strength)
            if etype == "organisation"
            and i > 0
            and not brk[i]
            and ORDINAL_RE.fullmatch(words[i - 1])
            else (i, j, etype, strength)
            for i, j, etype, strength in self.spans
        ]

    def after_descriptor(self, i: int) -> bool:
        """Token ``i`` follows a word that says an organisation is named next ("the steelmaker
        POSCO", "la start-up « Alivo »", "l'ONG X"), with at most an opening quote between."""
        if len(self.words[i]) < 2:
            return False  # "le groupe D": a letter names a pool, not a body
        k = i - 1
        if k >= 0 and self.words[k] in _OPENING_QUOTES and not self.brk[i]:
            k -= 1
            if self.brk[k + 1]:
                return False
        elif self.brk[i]:
            return False
        if (
            self.language == "fr"
            and k >= 1
            and self.words[k - 1].casefold() in ORG_DESCRIPTORS
            and self.words[k - 1].islower()
            and self.is_french_adjective(k)
            and self.folds[i] not in self.g.first_names
        ):
            k -= 1  # "le groupe français Kessel", "la société minière Tessa", "le club kenyan X"
        if k < 0 or self.words[k].casefold() not in ORG_DESCRIPTORS:
            return False
        # "the union Unite", "l'ONG X"; a capitalised "Union" or "Group" starts a name instead
        return self.words[k].islower() or is_acronym(self.words[k])

    def is_french_adjective(self, k: int) -> bool:
        """Token ``k`` may be a French adjective after a noun ("français", "minière",
        "technologique"): a lower-case word of four letters or more that is no function word."""
        w = self.words[k]
        return (
            len(w) >= 4
            and w.isalpha()
            and w.islower()
            and self.folds[k] not in self.g.stopwords
            and w not in FR_ORG_LINKS
            and w not in _FR_NOT_ADJECTIVES
        )

    def opens_organisation(self, i: int) -> bool:
        """A capitalised adjective that is usually no name ("New") starting an organisation's
        name: "the New Party", "New Patriotic Party" (an organisation word ends the run)."""
        if self.words[i] not in NAME_OPENERS or self.head[i] or self.upper[i]:
            return False
        j = self.extend(i)
        # "the New Party in Beijing": the run may go on over "in" and a place
        for k in range(i + 1, j):
            if self.words[k] in PLACE_PREPOSITIONS:
                j = k
                break
        return j > i + 1 and self.folds[j - 1] in self.g.org_words

    def after_work_marker(self, i: int) -> bool:
        """Token ``i`` follows a word that says a work's or an event's title comes next
        ("intitulée", "titled", "festival"), with at most an opening quote between."""
        k = i - 1
        if k >= 0 and self.words[k] in _OPENING_QUOTES:
            k -= 1
        return k >= 0 and not self.brk[k + 1] and self.words[k] in WORK_MARKERS

    def skip_event_acronym(self, j: int) -> int:
        """After an event's name ending before ``j``: an acronym in brackets right after it is
        the event's short name ("Africa Cup of Nations (AFCON)"); remembered, and skipped."""
        words, caps, brk, n = self.words, self.caps, self.brk, self.n
        k = j
        # "Africa Cup of Nations (AFCON)": the name may go on with "of" and capitalised words
        while k < n and k < j + 4 and not brk[k] and (words[k] == "of" or caps[k]):
            k += 1
        if k + 2 < n and words[k] == "(" and is_acronym(words[k + 1]) and words[k + 2] == ")":
            if self._event_acronyms is None:
                self._event_acronyms = set()
            self._event_acronyms.add(words[k + 1])
            return k + 3
        return j

    def event_end(self, i: int) -> int:
        """End of a French event's name headed at ``i`` ("Coupe d'Afrique des Nations 2022",
        "Jeux de la Francophonie"): the head, then capitalised words and the links between
        them, then a year. An acronym defined in brackets right after it is an event too."""
        words, caps, brk, n = self.words, self.caps, self.brk, self.n
        j = i + 1
        while j < n and not brk[j] and j - i < 10:
            if caps[j] and not self.is_blocker(j):
                j += 1
                continue
            k = j
            while k < n and not brk[k] and words[k] in _EVENT_LINKS:
                k += 1
            # "Coupe du monde des clubs": after a link, a lower-case word belongs too
            if k > j and k < n and not brk[k] and not self.is_blocker(k) and words[k].isalpha():
                j = k + 1
                continue
            break
        if j < n and not brk[j] and YEAR_RE.fullmatch(words[j]):
            j += 1
        if j + 2 < n and words[j] == "(" and is_acronym(words[j + 1]) and words[j + 2] == ")":
            if self._event_acronyms is None:
                self._event_acronyms = set()
            self._event_acronyms.add(words[j + 1])
            j += 3
        return j

    def is_event_acronym(self, i: int) -> bool:
        """An acronym followed by a year ("la CAN 2025", "CHAN 2020") or defined as an event's
        short name earlier in the text."""
        w = self.words[i]
        nxt = i + 1
        if self._event_acronyms is None and (nxt >= self.n or not self.words[nxt].isdigit()):
            return False  # the common case, decided cheaply
        before_year = (
            nxt < self.n and not self.brk[nxt] and YEAR_RE.fullmatch(self.words[nxt]) is not None
        )
        if not is_acronym(w):
            # "la Can 2023", "the Euro 2024": an unlisted word between an article and a year
            return before_year and i > 0 and self.words[i - 1].casefold() in _ARTICLES_FOLDED
        if self._event_acronyms is not None and w in self._event_acronyms:
            return True
        return before_year

    def french_demonym(self, i: int) -> bool:
        """ "la Brésilienne Neuza Back", "le Togolais X": a French nationality noun, after an
        article and before a capitalised name, is not part of the name."""
        if self.language != "fr" or i == 0 or i + 1 >= self.n or self.brk[i + 1]:
            return False
        w = self.words[i]
        return (
            len(w) > 5
            and self.words[i - 1] in _FR_DETERMINERS
            and w.endswith(FR_DEMONYM_ENDINGS)
            and self.caps[i + 1]
            and not self.is_blocker(i + 1)
        )

    def common_opener(self, i: int, common: frozenset[str]) -> bool:
        """Token ``i`` is a common word (capitalised only because it starts the sentence) and
        not a listed name, a first name or an acronym."""
        w = self.words[i]
        return (
            w.lower() in common
            and self.folds[i] not in self.g.first_names
            and not is_acronym(w)
            and not self.gazetteer_at(i)[0]
        )

    def split_at_places(self) -> None:
        """ "the Communist Party in Beijing": a name, then a place after "in"/"at"/"à", unless
        the whole is a listed name."""
        words, caps = self.words, self.caps
        out: list[tuple[int, int, str, int]] = []
        for i, j, etype, strength in self.spans:
            if etype == "organisation" and strength < _LISTED:
                for k in range(i + 1, j - 1):
                    if words[k] in PLACE_PREPOSITIONS and caps[k + 1]:
                        listed = self.gazetteer_at(k + 1)
                        kind = listed[1] if listed[0] == j - k - 1 else "place"
                        if k > i + 1 or self.folds[i] not in self.g.org_words:
                            # a lone "Police" or "Army" before the place names nothing
                            out.append((i, k, etype, strength))
                        out.append((k + 1, j, kind, strength))
                        break
                else:
                    out.append((i, j, etype, strength))
            else:
                out.append((i, j, etype, strength))
        self.spans = out

    def tidy(
        self, tagged: list[tuple[int, int, str]], common: frozenset[str] = frozenset()
    ) -> list[tuple[int, int, str]]:
        """The tagger's spans held to the rules' conventions: no title before a name ("Col.",
        "President"), no article ("The"), no common word that only has its capital from the
        sentence start ("Officials", "Fighters of") or is an organisation's descriptor there
        ("Chipmaker SK Hynix"), no possessive after it, no lone stop word
        ("We"), no events ("Commonwealth Games"); a run that starts with an acronym is not a
        person ("SK Hynix")."""
        out: list[tuple[int, int, str]] = []
        words, folds, caps, g = self.words, self.folds, self.caps, self.g
        for i, j, etype in tagged:
            while i < j:
                if words[i] in _ARTICLES:
                    i += 1
                    continue
                if (
                    self.sent[i]
                    and i + 1 < j
                    and words[i].casefold() in ORG_DESCRIPTORS
                    and folds[i] not in g.org_words
                ):
                    i += 1  # "Chipmaker SK Hynix reported": the name is the organisation's
                    etype = "organisation"
                    continue
                if self.sent[i] and self.common_opener(i, common):
                    i += 1
                    while i < j and not caps[i]:
                        i += 1
                    continue
                taken = self.title_at(i) if folds[i].casefold() in g.title_lengths else 0
                if not taken:
                    break
                i += taken
            while j > i and (words[j - 1] in _POSSESSIVES or words[j - 1] in _PROSE_ENDS):
                j -= 1
            if i >= j or all(folds[k] in g.stopwords or not caps[k] for k in range(i, j)):
                continue
            if words[j - 1] in EVENT_ENDS:
                continue
            if etype == "person" and is_acronym(words[i]) and folds[i] not in g.first_names:
                etype = "organisation"
            out.append((i, j, etype))
        return out

    def first_pass(self) -> None:
        words, caps, folds, n, g = self.words, self.caps, self.folds, self.n, self.g
        upper, head, sent = self.upper, self.head, self.sent
        titled = False
        i = 0
        while i < n:
            w = words[i]
            if upper[i]:
                i += 1
                continue
            size, etype = (0, "") if not (caps[i] or w in g.lengths) else self.gazetteer_at(i)
            if size:
                if etype == "misc" and titled:
                    i += size
                    continue
                i = self.on_gazetteer(i, size, etype, titled)
                titled = False
                continue
            if not caps[i]:
                if w in FR_LOWER_ORG_HEADS and self.language == "fr":
                    end = self.french_org_body(i, i + 1)
                    if any(caps[i + 1 : end]) or (
                        w in _FR_MINISTRIES and end > i + 2 and words[i + 1] in FR_ORG_LINKS
                    ):
                        # "le ministère de l'Économie et des Finances", "le ministère de la
                        # justice": a ministry is named by its portfolio, capitalised or not
                        self.emit(i, end, "organisation")
                        i = end
                        continue
                if w == "." or w in NAME_CONNECTORS or w == ",":
                    if w != ",":
                        if w != ".":
                            titled = False  # "président de la Fifa": the title is not Fifa's
                        i += 1
                        continue
                taken = self.title_at(i) if folds[i].casefold() in g.title_lengths else 0
                if taken:
                    titled = True
                    i += taken
                else:
                    # "l'artiste espagnol Santiago Sierra": a nationality between the title
                    # and the name keeps the title's meaning
                    titled = titled and self.language == "fr" and w.endswith(FR_DEMONYM_ENDINGS)
                    i += 1
                continue
            taken = self.title_at(i) if folds[i].casefold() in g.title_lengths else 0
            if taken:
                j = self.extend(i + taken) if i + taken < n and caps[i + taken] else 0
                if j and not self.head[i] and any(f in g.org_words for f in folds[i + taken : j]):
                    # A capitalised title word that starts an organisation: Major League Baseball.
                    if not self.gazetteer_at(i + taken)[0]:
                        self.emit(i, j, "organisation")
                        i = j
                        titled = False
                        continue
                titled = True
                i += taken
                continue
            f = folds[i]
            if f in g.stopwords and not self.opens_organisation(i):
                i += 1
                continue
            if self.language == "fr" and w in EVENT_HEADS and not head[i]:
                i = self.event_end(i)  # Coupe d'Afrique des Nations: an event, not reported
                titled = False
                continue
            if self.is_event_acronym(i):
                i += 1  # la CAN 2025, le CHAN 2020: a competition
                titled = False
                continue
            if self.french_demonym(i):
                i += 1
                titled = True  # la Brésilienne Neuza Back: a person follows
                continue
            if (
                w == "West"
                and i > 0
                and words[i - 1].casefold() == "the"
                and not (i + 1 < n and caps[i + 1] and not self.brk[i + 1])
            ):
                self.emit(i, i + 1, "place")
                i += 1
                titled = False
                continue
            if head[i]:
                self.candidates.append((i, i + 1))
                i += 1
                titled = False
                continue
            j = self.extend(i)
            if self.after_work_marker(i):
                i = j  # "l'œuvre intitulée Union Flag", "the festival Dark Mofo": MISC
                titled = False
                continue
            if not titled and self.after_descriptor(i):
                self.emit(i, j, "organisation")  # the steelmaker POSCO, l'ONG X
                i = j
                continue
            if sent[i] and j > i + 1 and w.casefold() in ORG_DESCRIPTORS and f not in g.org_words:
                # "Chipmaker SK Hynix reported": the descriptor starts the sentence.
                self.emit(i + 1, j, "organisation")
                i = j
                titled = False
                continue
            if (
                sent[i]
                and self.language == "fr"
                and j == i + 1
                and i + 1 < n
                and words[i + 1] in ("à", "au", "aux")
                and f in g.first_names
            ):
                i += 1  # "Grâce à de meilleurs tests": a preposition, not a first name
                titled = False
                continue
            if sent[i] and not titled and f not in g.first_names and not is_acronym(w):
                if w.lower() in self.lower_vocab() or (
                    j > i + 1
                    and f not in g.org_words
                    and f not in g.place_start_words
                    and self.gazetteer_at(i + 1)[0]
                ):
                    # A common word that starts the sentence: not part of the name.
                    i += 1
                    continue
                if j == i + 1:
                    self.candidates.append((i, j))
                    i += 1
                    continue
            i = self.classify(i, j, titled)
            titled = False

    def on_gazetteer(self, i: int, size: int, etype: str, titled: bool) -> int:
        """Handle a gazetteer match at ``i``; returns the token to continue from."""
        folds, g = self.folds, self.g
        end = i + size
        j = self.extend(i) if not (self.head[i] or self.upper[i]) else end
        if j <= end:
            if etype != "misc":
                if titled and etype == "place" and size == 1 and folds[i] in g.first_names:
                    etype = "person"
                self.emit(i, end, etype, _LISTED)
                return end
            return self.skip_event_acronym(end)  # a listed event and its short name
        # The capitalised sequence runs past the entry: decide on the whole sequence.
        rest = folds[end:j]
        if self.words[j - 1] in EVENT_ENDS:
            return self.skip_event_acronym(j)  # Boston Marathon: an event named after a place
        if any(f in g.org_words for f in rest):
            self.emit(i, j, "organisation")
        elif folds[j - 1] in g.place_end_words:
            self.emit(i, j, "place")
        elif etype == "organisation" and j == end + 1 and folds[end] in EDITION_PLACES:
            self.emit(i, j, "organisation", _LISTED)  # BBC Sport Afrique: an edition
        elif etype in ("place", "organisation") and folds[end] in g.first_names:
            # "battu par Togo Marie Kessaba": a listed name run into a person's (a headline
            # without punctuation); the first name starts the next name.
            if etype == "place" and size == 1 and folds[i] in g.first_names:
                self.emit(i, j, "person")
                return j
            self.emit(i, end, etype, _LISTED)
            return end
        elif etype == "person":
            self.emit(i, j, "person")
        elif etype == "misc":
            if folds[i] in g.place_start_words and self.gazetteer_at(end) == (j - end, "place"):
                self.emit(i, j, "place")  # Western Australia, Southern Africa
                return j
            return end
        elif etype == "place" and folds[i] in g.first_names and size == 1:
            self.emit(i, j, "person")
        elif self.gazetteer_at(end)[0]:
            # Two known names side by side (a list without commas, a headline).
            self.emit(i, end, etype, _LISTED)
            return end
        elif etype == "place" and titled:
            if size == 1 and i > 0 and self.words[i - 1] not in NAME_CONNECTORS:
                # "l'artiste Santiago Sierra": the title is right before, so is the name
                self.emit(i, j, "person")
                return j
            self.emit(i, end, etype)  # "le président du Niger Mohamed Bazoum"
            return end
        else:
            self.emit(i, j, "organisation" if etype != "person" else etype, _WEAK)
        return j

    def classify(self, i: int, j: int, titled: bool) -> int:
        """Type an unknown capitalised sequence ``[i, j)``; returns the token after it."""
        folds, g, words = self.folds, self.g, self.words
        size = j - i
        toks = folds[i:j]
        if (size > 1 and words[j - 1] in EVENT_ENDS) or words[j - 1] == "Games":
            # Commonwealth Games, World Cup, Boston Marathon: events, not reported
            return self.skip_event_acronym(j)
        if size == 1 and ROMAN_ORDINAL_RE.fullmatch(words[i]):
            return j  # "au XIXe siècle": a century
        if toks[0] in FR_ORG_HEADS:
            end = self.french_org_body(i, j)
            if end > i + 1:
                self.emit(i, end, "organisation")
                return end
        if any(t in g.org_words for t in toks):
            if size > 1:
                self.emit(i, j, "organisation")
            else:
                self.candidates.append((i, j))
            return j
        if titled:
            self.emit(i, j, "person")
            return j
        if size > 1 and (toks[-1] in g.place_end_words or toks[0] in g.place_start_words):
            self.emit(i, j, "place")
            return j
        if toks[0] in g.first_names:
            self.emit(i, j, "person")
            return j
        if size > 1 and toks[-1] in FACILITY_ENDS:
            self.emit(i, j, "place")  # Carnegie Hall, Kessel Theatre: a building
            return j
        if size == 1 and is_acronym(words[i]):
            if self.common_noun_acronym(i):
                return j  # "unmanned aerial vehicles (UAVs)": an abbreviation, not a name
            self.emit(i, j, "organisation")
            return j
        prev = words[i - 1].casefold() if i > 0 else ""
        nxt = words[j] if j < self.n else ""
        if (
            size == 1
            and self.language == "fr"
            and words[i] == "Empire"
            and j < self.n
            and not self.brk[j]
            and self.is_french_adjective(j)
        ):
            self.emit(i, j + 1, "place")  # l'Empire britannique, l'Empire ottoman
            return j + 1
        if size == 1 and self.language == "fr" and _FR_COMPASS_PLACE_RE.fullmatch(words[i]):
            self.emit(i, j, "place", _WEAK)  # le Nord-Kivu, la Haute-Volta, le Bas-Congo
            return j
        if size <= 3 and self.place_context(i, j):
            self.emit(i, j, "place")
            return j
        if (
            size == 1
            and self.language == "fr"
            and prev in ("la", "l'", "l’", "d'", "d’", "en")
            and "-" not in words[i]
            and words[i].endswith(FR_PLACE_ENDINGS)
        ):
            self.emit(i, j, "place", _WEAK)  # de la Californie, en Kabylie
            return j
        if (
            size == 1
            and prev == "la"
            and self.language == "fr"
            and not self.sent[i]
            and len(words[i]) > 2
            and not words[i].endswith(FR_FEMININE_ENDINGS)
        ):
            self.emit(i, j, "organisation", _WEAK)  # la Fifa, la Sonangol
            return j
        if size > 1 and self.language == "fr" and prev in ("les", "des", "aux"):
            # A plural article: "les Black Stars", "des Super Eagles" name a team or a body.
            self.emit(i, j, "organisation", _WEAK)
            return j
        if size > 1 and is_acronym(words[i]) and self.gazetteer_at(i + 1) == (size - 1, "place"):
            self.emit(i, j, "place", _WEAK)  # RD Congo: a qualified country name
            return j
        if nxt in PERSON_VERBS and (nxt != "a" or self.language == "fr"):
            # "Le Barça estime", "le Polisario a déclaré": a French name after "le" is a
            # body, not a person (people take no article)
            masculine = self.language == "fr" and size == 1 and prev == "le"
            self.emit(i, j, "organisation" if masculine else "person", _WEAK)
            return j
        if (
            prev in PLACE_PREPOSITIONS
            and size <= 2
            and not (size == 1 and self.language == "fr" and words[i].casefold() in FR_ORG_VOCAB)
        ):
            # (not "aux États membres": a capitalised common noun of institutions' names)
            self.emit(i, j, "place", _WEAK)
            return j
        if size > 1 and is_acronym(words[i]):
            if all(w.isupper() for w in words[i:j]):
                self.candidates.append((i, j))  # PRESS REVIEW: a shouted heading, no guess
            else:
                self.emit(i, j, "organisation", _WEAK)  # SK Hynix, LG Energy: not a person
            return j
        if size > 1:
            guess = DEFAULT_AFTER_THE if prev == "the" else DEFAULT_MULTI
            if guess == "person" and COMMON_WORD_ORG:
                vocab = self.lower_vocab()
                if any(w.lower() in vocab for w in words[i:j] if w not in NAME_PARTICLES):
                    guess = COMMON_WORD_ORG
            if guess:
                self.emit(i, j, guess, _WEAK)
            else:
                self.candidates.append((i, j))
            return j
        self.candidates.append((i, j))
        return j

    def place_context(self, i: int, j: int) -> bool:
        """``[i, j)`` is framed as a place: "Borno state", "the town of Ayorou", "ville de Kaya"."""
        words, brk, n = self.words, self.brk, self.n
        if j < n and not brk[j] and words[j] in PLACE_NOUNS_AFTER:
            return True
        if j + 2 < n and words[j] in ("and", "&") and self.caps[j + 1] and not brk[j + 1]:
            # "Kano and Kaduna states": the first of two names before a plural place noun
            k = j + 1
            while k < n and k < j + 4 and self.caps[k] and not brk[k]:
                k += 1
            if k < n and not brk[k] and words[k] in PLACE_NOUNS_AFTER and words[k].endswith("s"):
                return True
        if (
            i >= 1
            and j + 2 < n
            and words[i - 1] in PLACE_OF
            and words[j] == ","
            and words[j + 1] in _APPOSITION_PREPOSITIONS
            and not brk[j + 2]
            and self.gazetteer_at(j + 2)[1] == "place"
        ):
            return True  # "les femmes de Karoi, au Zimbabwe": a town, then its country
        if i >= 2 and not brk[i] and words[i - 1] in PLACE_OF:
            before = words[i - 2].casefold()
            if before in PLACE_NOUNS_BEFORE:
                return True
            if i >= 3 and before in ("la", "le", "l'") and words[i - 3] in PLACE_NOUNS_BEFORE:
                return True
            if (
                i >= 3
                and self.language == "fr"
                and words[i - 3] in PLACE_NOUNS_BEFORE
                and self.is_french_adjective(i - 2)
            ):
                return True  # "le camp militaire de Kessa", "la commune rurale de Tamba"
        return False

    def common_noun_acronym(self, i: int) -> bool:
        """An acronym that abbreviates the lower-case words right before it, or that was
        defined that way earlier in the text: "adverse analytical finding (AAF)"."""
        key = self.words[i].replace(".", "").rstrip("s")
        if self._common_acronyms is not None and key in self._common_acronyms:
            return True
        words = self.words
        if i < 2 or words[i - 1] != "(":
            return False
        size = len(key)
        found = False
        # "trouble obsessionnel-compulsif (TOC)": each part of a hyphenated word gives a letter
        for count in range(size, 0, -1):
            start = i - 1 - count
            if start < 0:
                continue
            before = words[start : i - 1]
            if not all(w[0].islower() and w.replace("-", "").isalpha() for w in before):
                continue
            initials = "".join(part[0] for w in before for part in w.split("-") if part)
            if initials.casefold() == key.casefold():
                found = True
                break
        if not found:
            return False
        if self._common_acronyms is None:
            self._common_acronyms = set()
        self._common_acronyms.add(key)
        return True

    def second_pass(self) -> None:
        """Later short mentions and document-level consistency."""
        folds, words = self.folds, self.words
        person_parts: set[str] = set()
        strong: dict[tuple[str, ...], str] = {}
        for i, j, etype, strength in self.spans:
            if strength >= _STRONG:
                strong.setdefault(tuple(folds[i:j]), etype)
            if etype == "person" and j - i >= 2 and (strength >= _STRONG or WEAK_PARTS):
                for k in range(i, j):
                    if words[k] not in NAME_PARTICLES and words[k] not in PERSON_DE:
                        person_parts.add(folds[k])
        resolved: list[tuple[int, int, str, int]] = []
        for i, j, etype, strength in self.spans:
            if strength == _WEAK:
                key = tuple(folds[i:j])
                if key in strong:
                    etype = strong[key]
                elif all(f in person_parts for f in key):
                    etype = "person"
            resolved.append((i, j, etype, strength))
        for i, j in self.candidates:
            key = tuple(folds[i:j])
            if j - i == 1 and key[0] in person_parts:
                resolved.append((i, j, "person", _WEAK))
            elif key in strong:
                resolved.append((i, j, strong[key], _WEAK))
            elif DEFAULT_SINGLE and j - i == 1 and not self.sent[i] and not self.head[i]:
                resolved.append((i, j, DEFAULT_SINGLE, _WEAK))
        self.spans = resolved

    def entities(self) -> list[Entity]:
        text, starts, ends = self.text, self.starts, self.ends
        out: list[Entity] = []
        last = -1
        for i, j, etype, _ in sorted(self.spans):
            kind = _TYPES.get(etype)
            if kind is None or i < last:
                continue
            start, end = starts[i], ends[j - 1]
            out.append(Entity(text[start:end], kind, start, end))
            last = j
        return out
