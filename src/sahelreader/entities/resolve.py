"""Document-level fixes after the first pass: an ordinal or a parent body joined to an
organisation, short names in brackets, later short mentions and consistent types, a place
split off an organisation, and the tagger's spans held to the rules' conventions."""

from __future__ import annotations

from sahelreader.entities.classify import FirstPass
from sahelreader.entities.document import (
    ARTICLES,
    LISTED,
    PARENT_LINKS,
    POSSESSIVES,
    PROSE_ENDS,
    STRONG,
    WEAK,
    title_key,
)
from sahelreader.entities.policy import (
    DEFAULT_SINGLE,
    WEAK_PARTS,
)
from sahelreader.entities.rules import (
    EVENT_ENDS,
    NAME_PARTICLES,
    ORDINAL_RE,
    ORG_DESCRIPTORS,
    PERSON_DE,
    PLACE_PREPOSITIONS,
    abbreviates,
    is_acronym,
)

# "the Third Infantry Division", "the Ninth Air Force": a spelled ordinal before a unit.
SPELLED_ORDINALS = frozenset(
    {
        *("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth"),
        *("Ninth", "Tenth", "Eleventh", "Twelfth"),
    }
)
# Units whose number, written in figures, comes first in their name ("27 Air Division"); an
# army, a force or the police before a figure is counted ("20 Army officers").
NUMBERED_UNITS = frozenset({"Division", "Wing", "Brigade", "Squadron", "Regiment", "Battalion"})
UNIT_WORDS = NUMBERED_UNITS | {"Corps", "Army", "Force", "Fleet", "Command"}

# "companies like X", "bands such as X": plurals of the English organisation descriptors.
PLURAL_DESCRIPTORS = frozenset(
    {
        *(d + "s" for d in ORG_DESCRIPTORS if d.isascii() and not d.endswith("y")),
        *(d[:-1] + "ies" for d in ORG_DESCRIPTORS if d.isascii() and d.endswith("y")),
        *("organisations", "organizations", "teams", "broadcasters", "publishers", "brands"),
    }
    - {"groups"}  # "ethnic groups such as Hausa and Fulani"
)


class Resolve(FirstPass):
    """Document-level fixes after the first pass."""

    def plural_descriptor_lists(self) -> None:
        """English "companies like X, Y and Z", "bands such as X or Y", "lenders including X":
        each name listed after a plural organisation descriptor is an organisation (a name
        typed on firm evidence, a person's with a first name, keeps its type)."""
        if self.language != "en":
            return
        words, brk, n = self.words, self.brk, self.n
        for k in range(n - 2):
            if words[k].casefold() not in PLURAL_DESCRIPTORS:
                continue
            m = k + 1
            if words[m] in ("like", "including"):
                m += 1
            elif words[m] == "such" and words[m + 1] == "as":
                m += 2
            else:
                continue
            spans = {i: number for number, (i, _, _, _) in enumerate(self.spans)}
            candidates = dict(self.candidates)
            while m < n and not brk[m]:
                if m in spans:
                    number = spans[m]
                    i, j, etype, strength = self.spans[number]
                    if strength == WEAK:
                        self.spans[number] = (i, j, "organisation", STRONG)
                        self.guessed.pop((i, j), None)
                    # a name typed on firm evidence keeps its type ("bands like David Kessel
                    # and Tamba", "companies like Rupert Kessel's")
                elif m in candidates:
                    j = candidates[m]
                    self.spans.append((m, j, "organisation", STRONG))
                    self.candidates.remove((m, j))
                else:
                    break
                m = j
                if m < n and words[m] == "," and m + 1 < n and words[m + 1] in ("and", "or"):
                    m += 2
                elif m < n and words[m] in (",", "and", "or"):
                    m += 1
                else:
                    break

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
                    and tuple(words[j:k]) in PARENT_LINKS
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
            and (
                ORDINAL_RE.fullmatch(words[i - 1])
                or (words[i - 1] in SPELLED_ORDINALS and words[j - 1] in UNIT_WORDS)
                or (
                    # "27 Air Division", "42 Commando Brigade": a unit's number, not a count
                    words[i - 1].isdigit()
                    and len(words[i - 1]) <= 3
                    and j - i > 1
                    and words[j - 1] in NUMBERED_UNITS
                )
            )
            else (i, j, etype, strength)
            for i, j, etype, strength in self.spans
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
        # "the Central African Republic (CAR)": an acronym that abbreviates a place in brackets
        # right after it is that place, there and wherever it stands alone (it was typed as
        # any acronym, an organisation)
        places = {
            words[j + 1]
            for i, j, etype, _ in self.spans
            if etype == "place"
            and j + 2 < n
            and words[j] == "("
            and words[j + 2] == ")"
            and is_acronym(words[j + 1])
            and j + 1 in taken
            and abbreviates(words[j + 1], self.text[self.starts[i] : self.ends[j - 1]])
        }
        if places:
            self.spans = [
                (i, j, "place", strength)
                if j == i + 1 and etype == "organisation" and words[i] in places
                else (i, j, etype, strength)
                for i, j, etype, strength in self.spans
            ]

    def second_pass(self) -> None:
        """Later short mentions and document-level consistency."""
        folds, words = self.folds, self.words
        person_parts: set[str] = set()
        firm_parts: set[str] = set()  # parts of a person's name typed with firm evidence
        strong: dict[tuple[str, ...], str] = {}
        for i, j, etype, strength in self.spans:
            if strength >= STRONG:
                strong.setdefault(tuple(folds[i:j]), etype)
            if etype == "person" and j - i >= 2 and (strength >= STRONG or WEAK_PARTS):
                for k in range(i, j):
                    if words[k] not in NAME_PARTICLES and words[k] not in PERSON_DE:
                        person_parts.add(folds[k])
                        if strength >= STRONG:
                            firm_parts.add(folds[k])
        # the organisation words of the text's organisations: "the League" after "the
        # Kessel League of Rights" is that body named short
        org_heads = {
            folds[k]
            for i, j, etype, _ in self.spans
            if etype == "organisation" and j - i >= 2
            for k in range(i, j)
            if folds[k] in self.g.org_words
        }
        # a club's name without its "United": "Tamberly" after "Tamberly United"
        clubs = {
            tuple(folds[i : j - 1])
            for i, j, etype, _ in self.spans
            if etype == "organisation" and j - i >= 2 and words[j - 1] == "United"
        }
        resolved: list[tuple[int, int, str, int]] = []
        settled = self.settled
        for i, j, etype, strength in self.spans:
            if (
                strength < LISTED
                and tuple(folds[i:j]) in clubs
                and not (i > 0 and words[i - 1] in PLACE_PREPOSITIONS)  # "fans from Tamberly"
            ):
                etype = "organisation"  # "Port Velda" after "Port Velda United": not a port
                settled.add((i, j))
            elif strength == WEAK:
                key = tuple(folds[i:j])
                if key in strong:
                    etype = strong[key]
                    settled.add((i, j))
                elif all(f in person_parts for f in key):
                    etype = "person"
                    if all(f in firm_parts for f in key):
                        settled.add((i, j))
            resolved.append((i, j, etype, strength))
        left: list[tuple[int, int]] = []
        for i, j in self.candidates:
            key = tuple(folds[i:j])
            if key in clubs and not (i > 0 and words[i - 1] in PLACE_PREPOSITIONS):
                resolved.append((i, j, "organisation", WEAK))
                settled.add((i, j))
            elif j - i == 1 and key[0] in person_parts:
                resolved.append((i, j, "person", WEAK))
                if key[0] in firm_parts:
                    settled.add((i, j))
                else:
                    self.guessed[(i, j)] = "part"
            elif key in strong:
                resolved.append((i, j, strong[key], WEAK))
                settled.add((i, j))
            elif (
                j - i == 1
                and key[0] in org_heads
                and i > 0
                and words[i - 1] in ("the", "The")
                and self.language == "en"
                # not "the Radio 4 drama", "the Department of Kessel": a longer name
                and not (j < self.n and (words[j][:1].isdigit() or words[j] in ("of", "for")))
            ):
                # "the Kessel League of Rights … the League": the body named short
                resolved.append((i, j, "organisation", WEAK))
                settled.add((i, j))
            elif (
                j - i == 1
                and key[0] in self.g.surnames
                and words[i].lower() not in self.lower_vocab()
            ):
                # "Tinubu vows…", "Putin's war": a listed person's surname alone
                resolved.append((i, j, "person", WEAK))
            elif DEFAULT_SINGLE and j - i == 1 and not self.sent[i] and not self.head[i]:
                resolved.append((i, j, DEFAULT_SINGLE, WEAK))
            else:
                left.append((i, j))
        self.spans = resolved
        self.candidates = left

    def split_at_places(self) -> None:
        """ "the Communist Party in Beijing": a name, then a place after "in"/"at"/"à", unless
        the whole is a listed name."""
        words, caps = self.words, self.caps
        out: list[tuple[int, int, str, int]] = []
        for i, j, etype, strength in self.spans:
            if etype == "organisation" and strength < LISTED and not self.defines_acronym(i, j):
                # (not "Front for Change and Harmony in Kessaland (FCHK)": its acronym says
                # the place is part of the name)
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
                if words[i] in ARTICLES:
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
                taken = self.title_at(i) if title_key(folds[i]) in g.title_lengths else 0
                if not taken:
                    break
                i += taken
            while j > i and (words[j - 1] in POSSESSIVES or words[j - 1] in PROSE_ENDS):
                j -= 1
            if i >= j or all(folds[k] in g.stopwords or not caps[k] for k in range(i, j)):
                continue
            if words[j - 1] in EVENT_ENDS:
                continue
            if etype == "person" and is_acronym(words[i]) and folds[i] not in g.first_names:
                etype = "organisation"
            out.append((i, j, etype))
        return out
