"""The rule-and-gazetteer named-entity recogniser.

One left-to-right pass over the tokens finds spans (gazetteer longest match first, then
capitalised sequences classified by titles, organisation/place words, first names, acronyms
and context); a second, document-level pass resolves what the first pass left open: later
short mentions of a person (``Abdramane`` after ``Col. Amadou Abdramane``) and names seen
elsewhere in the text with a firmer type. Then the statistical tagger (``model.py``) reads the
same tokens and decides the type of the names the rules only guessed (``arbiter.py``); the
older combination, where its own spans are held to the rules' conventions
(:meth:`Resolve.tidy`) and merged with the rules' (``combine.py``), stays for comparison.

A recognition run is one :class:`_Document`, built from one module per job, each class
extending the one before: ``document.py`` (the tokens, their flags and lookups in the lists),
``runs.py`` (where a capitalised run ends), ``events.py`` (events and works, never reported),
``context.py`` (what the words around a run say), ``classify.py`` (the first pass),
``resolve.py`` (the document-level fixes); ``policy.py`` holds the measured guessing settings.
"""

from __future__ import annotations

from collections.abc import Mapping

from sahelreader.entities import model
from sahelreader.entities.arbiter import arbitrate
from sahelreader.entities.combine import merge
from sahelreader.entities.datelines import dateline_places
from sahelreader.entities.document import (
    LISTED,
    STRONG,
    TYPES,
    WEAK,
)
from sahelreader.entities.gazetteer import Gazetteer, load
from sahelreader.entities.policy import (
    ARBITER_GUESSES,
    ARBITER_MARGIN,
    KEEP_GUESSES,
)
from sahelreader.entities.resolve import Resolve
from sahelreader.entities.rules import COMPASS_WORDS, FR_PLAYER_ROLES
from sahelreader.models import Entity


class Recogniser:
    """A reusable recogniser; the gazetteer (and the user's extra names) is loaded lazily once."""

    def __init__(
        self,
        extra: Mapping[str, str] | None = None,
        statistical: bool = True,
        merge: bool = False,
    ) -> None:
        """``statistical=False`` runs the lists and rules alone; ``merge=True`` merges the
        tagger's own spans with the rules' (``combine.py``) instead of letting it type the
        rules' guesses only (both for comparison)."""
        self._extra: dict[str, str] = dict(extra) if extra else {}
        self._gazetteer: Gazetteer | None = None
        self._statistical = statistical
        self._merge = merge

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
        return dateline_places(text, document.run(tagger, self._merge), self.gazetteer)


class _Document(Resolve):
    """One recognition run: the passes of the modules it is built from, in order."""

    def run(self, tagger: model.LanguageModel | None = None, merged: bool = False) -> list[Entity]:
        self.first_pass()
        if self._event_acronyms:
            self.drop_event_acronyms(self._event_acronyms)
        self.plural_descriptor_lists()
        self.attach_ordinals()
        self.join_parent_bodies()
        self.bracketed_short_names()
        self.second_pass()
        if tagger is not None and merged:
            firm = [(i, j) for i, j, _, strength in self.spans if strength >= STRONG]
            tagged = self.tidy(tagger.tag(self, self.g, firm), tagger.common)
            self.spans = merge(self.spans, tagged, self.folds, KEEP_GUESSES)
        elif tagger is not None:
            self.arbitrate(tagger)
        self.split_at_places()
        self.drop_compass_people()
        self.clubs_after_player_roles()
        return self.entities()

    def clubs_after_player_roles(self) -> None:
        """A town after a player's role and a bare "de" is its club, in French ("l'attaquant
        de Lyon", "le sociétaire de Liverpool", "le milieu de terrain de Chelsea"): a place,
        or a one-word person no first name list holds and no full name in the text has,
        becomes an organisation. A country takes an article ("le gardien du Sénégal") and
        stays a place."""
        if self.language != "fr":
            return
        words, folds, g = self.words, self.folds, self.g
        # words of people's full names: "l'entraîneur de Williams" after "Serena Williams"
        named = {
            folds[k]
            for i, j, etype, _ in self.spans
            if etype == "person" and j - i > 1
            for k in range(i, j)
        }
        out = []
        for i, j, etype, strength in self.spans:
            k = i - 2  # the role's position before "de"
            if k >= 2 and words[k] == "terrain" and words[k - 1] == "de":
                k -= 2  # "milieu de terrain de"
            if (
                k >= 0
                and words[i - 1] in ("de", "d'", "d’")
                and not self.brk[i - 1]
                and words[k].casefold() in FR_PLAYER_ROLES
                and words[k].islower()
                and (
                    etype == "place"
                    or (
                        etype == "person"
                        and j - i == 1
                        and folds[i] not in g.first_names
                        and folds[i] not in named
                    )
                )
                and (j - i == 1 or self.gazetteer_at(i) == (j - i, "place"))
            ):
                etype = "organisation"
            out.append((i, j, etype, strength))
        self.spans = out

    def drop_compass_people(self) -> None:
        """A French compass word alone ("le Nord a voté") is never a person."""
        folds = self.folds
        self.spans = [
            span
            for span in self.spans
            if not (
                span[1] - span[0] == 1 and span[2] == "person" and folds[span[0]] in COMPASS_WORDS
            )
        ]

    def arbitrate(self, tagger: model.LanguageModel) -> None:
        """The tagger types the names the rules only guessed (``arbiter.py``)."""
        open_spans = [
            number
            for number, (i, j, _, strength) in enumerate(self.spans)
            if strength == WEAK
            and (i, j) not in self.settled
            and self.guessed.get((i, j)) in ARBITER_GUESSES
        ]
        if not open_spans:
            return
        gaz = model.gazetteer_tags(self)
        rows: list[model.WordRows | None] = [None] * self.n
        scores = {
            number: tagger.type_scores(
                self, self.g, self.spans[number][0], self.spans[number][1], gaz, rows
            )
            for number in open_spans
        }
        before = self.spans
        self.spans = arbitrate(self.spans, scores, self.folds, ARBITER_MARGIN)
        self.people_with_first_names_inside(before, open_spans)
        self.follow_retyped_names(before)
        self.split_places_from_people(open_spans)

    def people_with_first_names_inside(
        self, before: list[tuple[int, int, str, int]], guessed: list[int]
    ) -> None:
        """A guessed person of three words or more with a listed first name after its first
        word ("Wendpouiré Fabrice Kessa") that the tagger made a place stays a person: no
        place is named so. (An organisation may be: "Casa Luiz Kessa", a company.)"""
        first_names, folds = self.g.first_names, self.folds
        for number in guessed:
            i, j, old, strength = before[number]
            if (
                old == "person"
                and self.spans[number][2] == "place"
                and j - i > 2
                and any(f in first_names for f in folds[i + 1 : j - 1])
            ):
                self.spans[number] = (i, j, old, strength)

    def split_places_from_people(self, guessed: list[int]) -> None:
        """A listed place run into unknown words that the tagger made a person is a place
        and then a person's name (a headline without punctuation: "battu par Togo Ronaldo
        Vieira"): nobody's name starts with a country's, unless it is a first name too
        ("Jordan Kessel")."""
        g, folds = self.g, self.folds
        out = list(self.spans)
        for number in sorted(guessed, reverse=True):
            i, j, etype, strength = out[number]
            if etype != "person" or self.guessed.get((i, j)) != "listed-part":
                continue
            size, listed = self.gazetteer_at(i)
            if listed != "place" or j - (i + size) < 2 or folds[i] in g.first_names:
                continue
            out[number : number + 1] = [
                (i, i + size, "place", LISTED),
                (i + size, j, etype, strength),
            ]
        self.spans = out

    def follow_retyped_names(self, before: list[tuple[int, int, str, int]]) -> None:
        """A lone word made a person only as part of a guessed person's name follows that name
        when the tagger retyped it ("Falcons" after "Bowling Green Falcons")."""
        folds = self.folds
        people: set[str] = set()
        retyped: dict[str, str] = {}
        now = {(i, j): etype for i, j, etype, _ in self.spans}
        for i, j, old, _ in before:
            new = now.get((i, j), old)
            if j - i < 2:
                continue
            if new == "person":
                people.update(folds[i:j])
            elif old == "person":
                for f in folds[i:j]:
                    retyped.setdefault(f, new)
        if not retyped:
            return
        out = []
        for i, j, etype, strength in self.spans:
            if (
                j - i == 1
                and etype == "person"
                and self.guessed.get((i, j)) == "part"
                and folds[i] in retyped
                and folds[i] not in people
            ):
                etype = retyped[folds[i]]
            out.append((i, j, etype, strength))
        self.spans = out

    def entities(self) -> list[Entity]:
        text, starts, ends = self.text, self.starts, self.ends
        out: list[Entity] = []
        last = -1
        for i, j, etype, _ in sorted(self.spans):
            kind = TYPES.get(etype)
            if kind is None or i < last:
                continue
            start, end = starts[i], ends[j - 1]
            out.append(Entity(text[start:end], kind, start, end))
            last = j
        return out
