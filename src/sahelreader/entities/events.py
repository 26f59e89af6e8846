"""Events and works (competitions, festivals, titled works) and their short names: recognised
so that no person, place or organisation is reported inside them."""

from __future__ import annotations

from sahelreader.entities.document import (
    ARTICLES_FOLDED,
    EVENT_LINKS,
    LISTED,
    OPENING_QUOTES,
)
from sahelreader.entities.rules import (
    AWARD_AFTER,
    AWARD_BEFORE,
    AWARD_NAMES,
    WORK_MARKERS,
    YEAR_RE,
    is_acronym,
)
from sahelreader.entities.runs import Runs


class Events(Runs):
    """Events, works and their short names (never reported)."""

    def after_work_marker(self, i: int) -> bool:
        """Token ``i`` follows a word that says a work's or an event's title comes next
        ("intitulée", "titled", "festival"), with at most an opening quote between."""
        k = i - 1
        if k >= 0 and self.words[k] in OPENING_QUOTES:
            k -= 1
        return k >= 0 and not self.brk[k + 1] and self.words[k] in WORK_MARKERS

    def is_award(self, i: int) -> bool:
        """Token ``i`` alone names an award ("an Oscar", "the Baftas", "Emmys"): MISC. One
        that is also a first name only after "an", "the", "d'"... or before "nominee",
        "history"... ("Oscar, 12, said" is a boy)."""
        w = self.words[i]
        if w not in AWARD_NAMES:
            return False
        if self.folds[i] not in self.g.first_names:
            return True
        before = self.words[i - 1].casefold() if i > 0 and not self.brk[i] else ""
        nxt = i + 1
        after = self.words[nxt] if nxt < self.n and not self.brk[nxt] else ""
        return before.replace("’", "'") in AWARD_BEFORE or after in AWARD_AFTER

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
            while k < n and not brk[k] and words[k] in EVENT_LINKS:
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
            return before_year and i > 0 and self.words[i - 1].casefold() in ARTICLES_FOLDED
        if self._event_acronyms is not None and w in self._event_acronyms:
            return True
        return before_year

    def drop_event_acronyms(self, acronyms: set[str]) -> None:
        """An event's short name found before it was defined ("AFCON game" in a headline, then
        "Africa Cup of Nations (AFCON)"): no guess from it, unless it is a listed name."""
        words = self.words
        self.spans = [
            (i, j, etype, strength)
            for i, j, etype, strength in self.spans
            if strength == LISTED or j - i > 1 or words[i] not in acronyms
        ]
        self.candidates = [
            (i, j) for i, j in self.candidates if j - i > 1 or words[i] not in acronyms
        ]
