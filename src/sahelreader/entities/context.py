"""What the words around a run say about it: a company word before it, a place noun, a French
nationality noun, a common word at a sentence start, an acronym of common words."""

from __future__ import annotations

from sahelreader.entities.document import (
    APPOSITION_PREPOSITIONS,
    FR_DETERMINERS,
    FR_NOT_ADJECTIVES,
    OPENING_QUOTES,
)
from sahelreader.entities.events import Events
from sahelreader.entities.rules import (
    FR_DEMONYM_ENDINGS,
    FR_NATIONALITY_NOUN_ENDINGS,
    FR_ORG_LINKS,
    ORG_DESCRIPTORS,
    PLACE_EVENTS_BEFORE,
    PLACE_NOUNS_AFTER,
    PLACE_NOUNS_BEFORE,
    PLACE_NOUNS_BEFORE_ARTICLE,
    PLACE_OF,
    abbreviates,
    is_acronym,
    is_short_form,
    token_key,
)

MINISTER_WORDS = frozenset({"ministre", "ministres", "minister", "ministers"})
PORTFOLIO_LINKS = frozenset(
    {"de", "du", "des", "d'", "d’", "la", "le", "l'", "l’", "of", "for", "the"}
)

# What may follow "Town, Region" for the pair to be read as a town and the region it is in.
TOWN_REGION_ENDS = frozenset({",", ".", ";", ":", ")", "(", "and", "in", "on", "where"})

# How a name is defined ("X is a village in", "X, a mining company based in", "X are an
# English band from"), the nouns that make it a place or an organisation, and what may follow
# them for the definition to be the name's.
DEFINING_LINKS = frozenset({",", "is", "was", "are", "were"})
DEFINING_DETERMINERS = frozenset({"a", "an", "his", "her", "their", "its"})
DEFINED_PLACE_NOUNS = frozenset(
    {
        *("village", "town", "city", "municipality", "commune", "hamlet", "suburb", "district"),
        *("region", "province", "county", "island", "settlement", "oasis", "neighbourhood"),
        *("neighborhood", "locality", "parish", "port", "township"),
    }
)
DEFINED_ORG_NOUNS = frozenset(
    {
        *("company", "firm", "corporation", "conglomerate", "band", "label", "chain", "retailer"),
        *("club", "party", "agency", "charity", "bank", "lender", "insurer", "airline"),
        *("manufacturer", "carmaker", "automaker", "newspaper", "magazine", "broadcaster"),
        *("network", "publisher", "militia", "movement", "organisation", "organization", "NGO"),
    }
)
# French: "X, une ONG locale,", "X est une entreprise minière qui", "X, un village situé à":
# the noun straight after the article (French adjectives mostly follow it), then punctuation,
# an adjective or a participle, not a preposition ("un employé de la banque" is a person).
FR_DEFINING_LINKS = frozenset({",", "est", "était"})
FR_DEFINING_DETERMINERS = frozenset({"un", "une", "son", "sa", "leur"})
FR_DEFINED_PLACE_NOUNS = frozenset(
    {
        *("village", "ville", "commune", "localité", "bourgade", "région", "province"),
        *("quartier", "île", "préfecture", "département", "hameau", "oasis"),
    }
)
FR_DEFINED_ORG_NOUNS = frozenset(
    {
        *("entreprise", "société", "compagnie", "firme", "organisation", "ONG", "association"),
        *("banque", "parti", "club", "agence", "fondation", "milice", "coopérative"),
        *("syndicat", "mouvement", "journal", "quotidien", "hebdomadaire", "chaîne"),
    }
)
DEFINED_NEXT = frozenset(
    {
        *(",", ".", ";", "in", "of", "on", "near", "at", "along", "between", "located"),
        *("situated", "about", "some", "north", "south", "east", "west", "northeast"),
        *("northwest", "southeast", "southwest", "close", "with", "and", "where", "which"),
        *("that", "based", "founded", "owned", "formed", "headquartered", "from", "known"),
        *("outside", "across"),
    }
)


class Context(Events):
    """What the words around a run say about it."""

    def after_descriptor(self, i: int) -> bool:
        """Token ``i`` follows a word that says an organisation is named next ("the steelmaker
        POSCO", "la start-up « Alivo »", "l'ONG X"), with at most an opening quote between."""
        if len(self.words[i]) < 2:
            return False  # "le groupe D": a letter names a pool, not a body
        k = i - 1
        if k >= 0 and self.words[k] in OPENING_QUOTES and not self.brk[i]:
            k -= 1
            if self.brk[k + 1]:
                return False
        elif self.brk[i]:
            return False
        if (
            self.language == "fr"
            and k >= 1
            and self.org_descriptor(k - 1)
            and self.words[k - 1].islower()
            and self.is_french_adjective(k)
            and self.folds[i] not in self.g.first_names
        ):
            k -= 1  # "le groupe français Kessel", "la société minière Tessa", "le club kenyan X"
        if k < 0 or not self.org_descriptor(k):
            return False
        if self.words[k].casefold() not in ORG_DESCRIPTORS and not self.names_two(i):
            return False  # a plural ("les sociétés X") only before two names joined by "et"
        # "the union Unite", "l'ONG X"; a capitalised "Union" or "Group" starts a name instead
        return self.words[k].islower() or is_acronym(self.words[k])

    def names_two(self, i: int) -> bool:
        """The run at ``i`` is followed by "et" and another capitalised name."""
        j = self.extend(i)
        return (
            j + 1 < self.n
            and self.words[j] == "et"
            and self.caps[j + 1]
            and not self.brk[j + 1]
            and not self.is_blocker(j + 1)
        )

    def org_descriptor(self, k: int) -> bool:
        """Token ``k`` says an organisation is named next: "l'ONG", "the union", and in
        French the plural too ("les clubs égyptiens X et Y")."""
        w = self.words[k].casefold()
        return w in ORG_DESCRIPTORS or (
            self.language == "fr" and w.endswith("s") and w[:-1] in ORG_DESCRIPTORS
        )

    def plural_descriptor_before(self, i: int) -> bool:
        """The organisation named at ``i`` follows a French plural descriptor ("les clubs
        égyptiens X"), so a name joined to it by "et" is one too."""
        if self.language != "fr":
            return False
        for k in (i - 1, i - 2):
            if k >= 0 and self.words[k].endswith("s") and self.org_descriptor(k):
                return self.words[k].casefold() not in ORG_DESCRIPTORS
        return False

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
            and w not in FR_NOT_ADJECTIVES
        )

    def minister_portfolio(self, i: int) -> bool:
        """The name at ``i`` is a minister's portfolio: "la ministre de la Santé a démissionné",
        "the Minister of Health said", "le ministre nigérien de l'Intérieur a déclaré" (a
        person verb after it speaks of the minister, who is not named there). Also the last of
        a French list of portfolios: "la ministre de la Jeunesse, des Sports et de l'Artisanat"
        (each earlier portfolio a capitalised word after a link, then "," or "et")."""
        words, caps = self.words, self.caps
        k = i - 1
        links = 0
        steps = 0
        while k >= 0 and links < 4 and steps < 24 and not self.brk[k + 1]:
            steps += 1
            w = words[k]
            if w.casefold() in MINISTER_WORDS:
                return links > 0
            if w in PORTFOLIO_LINKS or self.lower_demonym(k):
                links += 1
                k -= 1
                continue
            if (
                links
                and self.language == "fr"
                and w in (",", "et")
                and k >= 2
                and caps[k - 1]
                and words[k - 2] in PORTFOLIO_LINKS
                and not self.brk[k]
                and not self.brk[k - 1]
            ):
                links = 0  # ", des Sports" / "et de l'Artisanat": an earlier portfolio
                k -= 2
                continue
            return False
        return False

    def lower_demonym(self, k: int) -> bool:
        """Token ``k`` is a French nationality adjective in lower case ("nigérien", "malienne",
        "burkinabè"): its capitalised form is a listed demonym, or it ends like one."""
        if k >= self.n or self.brk[k]:
            return False
        w = self.words[k]
        if not (w.isalpha() and w.islower()):
            return False
        return self.g.exact.get((token_key(w[0].upper() + w[1:]),)) == "misc" or (
            len(w) > 5 and w.endswith(FR_DEMONYM_ENDINGS)
        )

    def french_demonym(self, i: int) -> bool:
        """ "la Brésilienne Neuza Back", "le Togolais X": a French nationality noun, after an
        article and before a capitalised name, is not part of the name."""
        if self.language != "fr" or i == 0 or i + 1 >= self.n or self.brk[i + 1]:
            return False
        w = self.words[i]
        return (
            len(w) > 5
            and self.words[i - 1] in FR_DETERMINERS
            and w.endswith(FR_DEMONYM_ENDINGS)
            and self.caps[i + 1]
            and not self.is_blocker(i + 1)
        )

    def lone_french_demonym(self, i: int) -> bool:
        """ "le Jamaïcain a gagné", "des Sud-Africains", "de Nord-Coréens": a French nationality
        noun standing alone (after an article, or a compass-point compound anywhere) is no
        entity. Only the endings no listed place ends with count (not "le Valais"), and no
        first name ("Julien")."""
        if self.language != "fr" or i == 0:
            return False
        w = self.words[i]
        if len(w) <= 5 or not w.endswith(FR_NATIONALITY_NOUN_ENDINGS):
            return False
        if self.folds[i] in self.g.first_names:
            return False
        compass = w.split("-", 1)[0] in ("Nord", "Sud", "Est", "Ouest") and "-" in w
        return compass or self.words[i - 1] in FR_DETERMINERS

    def after_disease_noun(self, i: int) -> bool:
        """ "le virus de Marburg", "du virus Nipah", "la fièvre d'Ekoma": token ``i`` names a
        disease (French puts the name after the noun; "Marburg virus" in English is MISC by
        its word after)."""
        k = i - 1
        if k >= 0 and self.words[k] in ("de", "du", "d'", "d’") and not self.brk[i]:
            k -= 1
        return k >= 0 and not self.brk[k + 1] and self.words[k] in ("virus", "fièvre")

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
        if (j == i + 1 and self.town_before_region(j)) or self.definition_at(j) == "place":
            return True
        if (
            i >= 1
            and j + 2 < n
            and words[i - 1] in PLACE_OF
            and words[j] == ","
            and words[j + 1] in APPOSITION_PREPOSITIONS
            and not brk[j + 2]
            and self.gazetteer_at(j + 2)[1] == "place"
        ):
            return True  # "les femmes de Karoi, au Zimbabwe": a town, then its country
        if self.place_noun_before(i):
            return True
        if self.place_noun_before(i, PLACE_EVENTS_BEFORE) and not (
            j == i + 1 and (self.folds[i] in self.g.surnames or self.ends_a_name_elsewhere(i))
        ):
            # "la chute de Kessa", "the siege of Tamba" (not "la chute de Bazoum", nor "la
            # libération de Kessa" after "Awa Kessa" in the text: a surname)
            return True
        if i >= 2 and not brk[i] and words[i - 1] in PLACE_OF:
            if (
                i >= 3
                and self.language == "fr"
                and words[i - 3] in PLACE_NOUNS_BEFORE
                and self.is_french_adjective(i - 2)
            ):
                return True  # "le camp militaire de Kessa", "la commune rurale de Tamba"
        if (
            i >= 3
            and self.language == "fr"
            and not brk[i]
            and words[i - 1] in ("la", "l'", "l’")
            and words[i - 2] == "de"
            and words[i - 3] in PLACE_NOUNS_BEFORE_ARTICLE
        ):
            return True  # "la vallée de la Kessa", "la plaine de l'Azaouak"
        return False

    def ends_a_name_elsewhere(self, i: int) -> bool:
        """The word at ``i`` ends a capitalised run elsewhere in the text ("Brittany Kessa",
        "President Kessa"): a person's surname more likely than a town."""
        folds, caps, brk = self.folds, self.caps, self.brk
        return any(
            k != i and k > 0 and caps[k - 1] and not brk[k] and not (k + 1 < self.n and caps[k + 1])
            for k, f in enumerate(folds)
            if f == folds[i]
        )

    def place_noun_before(self, i: int, nouns: frozenset[str] = PLACE_NOUNS_BEFORE) -> bool:
        """A place noun (of ``nouns``) and "of"/"de" frame the name at ``i``: "the town of
        Ayorou", "les marchés de Dan Kessa", "la ville de Kaya"."""
        words = self.words
        if i < 2 or self.brk[i] or words[i - 1] not in PLACE_OF:
            return False
        before = words[i - 2].casefold()
        if before in nouns:
            return True
        return i >= 3 and before in ("la", "le", "l'") and words[i - 3] in nouns

    def definition_at(self, j: int) -> str:
        """What the run ending at ``j`` is defined as, "place", "organisation" or "": "X is a
        village in", "X was a market town on", "X, a town near the border", "X, a mining
        company based in", "X is a Danish chain of", "X, his first jazz band," (the noun, then
        a preposition, a comma or a participle; not "a town councillor", "a party official").
        """
        words, brk, n = self.words, self.brk, self.n
        if self.language == "fr":
            return self.french_definition_at(j)
        if j + 3 >= n or brk[j + 1] or words[j] not in DEFINING_LINKS:
            return ""
        if words[j + 1] not in DEFINING_DETERMINERS:
            return ""
        for k in range(j + 2, min(j + 6, n - 1)):
            w = words[k]
            if brk[k]:
                return ""
            if w in DEFINED_PLACE_NOUNS:
                kind = "place"
            elif w in DEFINED_ORG_NOUNS:
                kind = "organisation"
            elif w.islower() or self.g.exact.get((self.folds[k],)) == "misc":
                continue  # "a small rural", "a Danish", "his first jazz"
            else:
                return ""
            return kind if not brk[k + 1] and words[k + 1] in DEFINED_NEXT else ""
        return ""

    def french_definition_at(self, j: int) -> str:
        """definition_at in French: "X, une ONG locale,", "X est une entreprise minière qui",
        "X, un village situé à" (the noun right after the article, then a punctuation mark or
        a lower-case word that is not a preposition or an article)."""
        words, brk, n = self.words, self.brk, self.n
        if j + 3 >= n or brk[j + 1] or brk[j + 2] or brk[j + 3]:
            return ""
        if words[j] not in FR_DEFINING_LINKS or words[j + 1] not in FR_DEFINING_DETERMINERS:
            return ""
        noun, after = words[j + 2], words[j + 3]
        if noun in FR_DEFINED_PLACE_NOUNS:
            kind = "place"
        elif noun in FR_DEFINED_ORG_NOUNS:
            kind = "organisation"
        else:
            return ""
        if after in (",", ".", ";", "qui", "dont") or (
            after.isalpha() and after.islower() and self.folds[j + 3] not in self.g.stopwords
        ):
            return kind
        return ""

    def town_before_region(self, j: int) -> bool:
        """A comma, then a listed place, then the end of the phrase after the one-word run
        ending at ``j``: "moved to Dalmorey, Ohio, where", "born in Kessa, Niger in 1961" (a
        town and its state or country; not "Kessa, Nigeria's coach" nor "Kessa, Borno State
        governor"). Longer unknown runs there are as often bodies, bands or sites."""
        words, brk, n = self.words, self.brk, self.n
        if j + 1 >= n or words[j] != "," or brk[j + 1] or not self.caps[j + 1]:
            return False
        size, kind = self.gazetteer_at(j + 1)
        if kind != "place":
            return False
        after = j + 1 + size
        return after >= n or brk[after] or words[after] in TOWN_REGION_ENDS

    def defines_acronym(self, i: int, j: int) -> bool:
        """The name ``[i, j)`` is followed by its acronym in brackets: "Harbour Survey &
        Mapping Data (HSMD)", "(l'EI)", "(Acled)"."""
        words, n = self.words, self.n
        k = j + 1
        if k < n and words[k] in ("l'", "l’", "the"):
            k += 1
        return (
            j < n
            and words[j] == "("
            and k + 1 < n
            and words[k + 1] == ")"
            and is_short_form(words[k])
            and abbreviates(words[k], self.text[self.starts[i] : self.ends[j - 1]])
        )

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
