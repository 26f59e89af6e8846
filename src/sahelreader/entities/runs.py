"""Where a capitalised run (a candidate name) ends: middle initials, name particles, the
connectors inside an organisation's name, a French organisation's lower-case body."""

from __future__ import annotations

from sahelreader.entities.document import (
    FR_MINISTRIES,
    POSSESSIVES,
    DocumentBase,
)
from sahelreader.entities.rules import (
    CREDIT_LABELS,
    FACILITY_ENDS,
    FR_BODY_ADJECTIVE_ENDINGS,
    FR_BODY_NOUN_ENDINGS,
    FR_DEMONYM_ENDINGS,
    FR_ORG_LINKS,
    FR_ORG_VOCAB,
    FR_PRENOMINAL_ADJECTIVES,
    NAME_CONNECTORS,
    NAME_OPENERS,
    NAME_PARTICLES,
    PERSON_DE,
    PLACE_PREPOSITIONS,
    abbreviates,
    is_short_form,
    token_key,
)

# French words that open a sentence capitalised but never go on a name (adverbs, prepositions,
# pronouns, conjunctions; not the articles of "Marine Le Pen", not "Sans" of "Médecins Sans
# Frontières"): a headline with no full stop before the text ends at them ("Diffa En 2019").
FR_SENTENCE_WORDS = frozenset(
    """en dans avec selon apres avant depuis lors alors mais cependant pourtant ainsi quand
    presque jusqu'a jusqu'au jusqu'aux deja aujourd'hui hier demain puis enfin toutefois
    desormais parmi malgre pendant durant lorsque tandis il ils elle elles nous on cette ces
    ceci cela c'est""".split()
)

# The French links after which an unlisted lower-case noun continues an organisation's body.
FR_NOUN_LINKS = frozenset({"de", "d'", "du", "des", "pour", "contre", "sur"})
FR_ARTICLE_LINKS = frozenset({"la", "le", "les", "l'", "l’"})

# English connectors that end a name right after a place word ("County", "Park", "Junction",
# "Stadium"): what follows them is another name, not more of this one.
PLACE_END_BREAKS = frozenset({"and", "&", "to", "in", "at", "on"})


# The heads of bodies named after their members with a plural possessive: "the Professional
# Kesselers' Association", "the National Farmers' Union".
MEMBERS_BODIES = frozenset(
    {
        "Association",
        "Union",
        "Federation",
        "Confederation",
        "Council",
        "Alliance",
        "Society",
        "League",
        "Guild",
        "Club",
        "Trust",
        "Fund",
        "Coalition",
        "Network",
        "Committee",
        "Congress",
        "Institute",
        "Assembly",
        "Forum",
    }
)

# French days and months, listed as MISC with the nationality adjectives: after a body's name
# they date the sentence ("la Cour suprême du Niger jeudi"), they are no adjective of it.
FR_CALENDAR_WORDS = frozenset(
    {
        *("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        *("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"),
        *("septembre", "octobre", "novembre", "décembre"),
    }
)


class Runs(DocumentBase):
    """Where capitalised runs end."""

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
                if self.is_blocker(j) and not self.name_word_inside(j):
                    break
                if self.language == "fr" and token_key(w).casefold() in FR_SENTENCE_WORDS:
                    break  # "les otages de Diffa En 2019, ...": a headline run into a sentence
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
            if (
                w == "&"
                and caps[nxt]
                and not first_name  # "Alphonse Dioh & Alioune Diop": two people
                and folds[nxt] not in g.first_names
                and not self.is_blocker(nxt)
                and not self.gazetteer_at(nxt)[0]
                and not self.gazetteer_at(j - 1)[0]
                and (
                    j - i >= 2
                    or (nxt + 1 < n and caps[nxt + 1] and not brk[nxt + 1])
                    or self.defined_run(i, nxt)
                )
            ):
                # "Armed Conflict Location & Event Data", "HM Revenue & Customs": one name
                # (not two single names, "McIlroy & Scheffler" in a headline are two people)
                org_or_place = True
                j = nxt + 1
                continue
            if (
                w in POSSESSIVES
                and words[j - 1].endswith(("men", "ers", "ren"))
                and caps[nxt]
                and folds[nxt] in g.org_words
            ):
                # "Kessa Fishermen's Cooperative", "Tamba Women's Association", "Farmers'
                # Union": a plural of people, its possessive and an organisation word
                org_or_place = True
                j = nxt + 1
                continue
            if (
                w in POSSESSIVES
                and words[j - 1] in ("People", "Peoples")
                and caps[nxt]
                and not self.is_blocker(nxt)
            ):
                # "Kessa People's Liberation Front", "People's Defence Force": one name
                j = nxt + 1
                continue
            if (
                w in ("'", "’")
                and not first_name  # "Jane Kessels' Project Rose": hers
                and words[j - 1].endswith("s")
                and words[nxt] in MEMBERS_BODIES
                and not self.is_blocker(nxt)
            ):
                # "the Professional Kesselers' Association", "Farmers' Union": a plural's
                # possessive inside a body's name (not "Jane Kessels' Project Rose")
                org_or_place = True
                j = nxt + 1
                continue
            if w in PERSON_DE and first_name and j == i + 1 and caps[nxt]:
                j = nxt + 1
                continue
            if (
                w == "de"
                and (first_name or j - i >= 2)
                and j - i <= 3
                and self.language == "en"
                and caps[nxt]
                and not self.is_blocker(nxt)
                and not org_or_place
            ):
                # "Marcelo Rebelo de Sousa", "Rio Grande de Kessa": in English "de" only joins
                # the parts of a name
                j = nxt + 1
                continue
            if w in ("and", "&", "et") and caps[nxt] and self.defined_run(i, nxt):
                # "Armed Conflict Location and Event Data (Acled)": the acronym in brackets
                # says the words on both sides of "and" are one name
                org_or_place = True
                j = self.defined_run(i, nxt)
                continue
            if (
                not org_or_place
                and w in ("and", "&", "of", "for")
                and caps[nxt]
                and self.org_ahead(i, j, nxt)
            ):
                org_or_place = True  # Securities and Exchange Commission
            if org_or_place and w in NAME_CONNECTORS:
                if self.leader_after(j):
                    break  # "la Katiba Kessa d'Amadou Tamba": the body, then its leader
                if (
                    w in PLACE_END_BREAKS
                    and (folds[j - 1] in g.place_end_words or folds[j - 1] in FACILITY_ENDS)
                    and not first_name  # "Ted Hill and Ben Lake": people, not places
                    # "National Road and Transport Research Institute": one body
                    and not (w in ("and", "&") and self.org_word_ahead(nxt))
                ):
                    # A name that ends with a place word is complete: "Kessel County and Tamba
                    # County", "Kessel Junction to Tamba", "Dolo Stadium in Tamba" are two
                    break
                if w in ("and", "&", "et") and (
                    folds[j - 1] in g.org_words or not caps[nxt] or self.gazetteer_at(nxt)[0]
                ):
                    break  # two names side by side: the Army and the Ministry of Defence
                if w == "on" and self.gazetteer_at(nxt)[1] == "organisation":
                    break  # "Follow BBC Kessex on Facebook": where to follow it, not its name
                if caps[nxt] and not self.is_blocker(nxt):
                    j = nxt + 1
                    continue
                if (
                    w in ("of", "for")
                    and caps[nxt]
                    and g.exact.get((folds[nxt],)) == "misc"
                    and folds[nxt][-1:] != "s"
                    and nxt + 1 < n
                    and caps[nxt + 1]
                    and not brk[nxt + 1]
                    and not self.is_blocker(nxt + 1)
                    and not self.gazetteer_at(nxt + 1)[0]
                ):
                    # "Union of Chadian Bus Drivers", "Association of Nigerien Journalists": a
                    # nationality inside the name, with more of the name after it
                    j = nxt + 2
                    continue
                if (
                    words[nxt] in ("the", "la", "l'", "le", "les")
                    and w not in PLACE_PREPOSITIONS  # "University of X in the Department"
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

    def leader_after(self, j: int) -> bool:
        """Token ``j`` is a French "de"/"d'" between a body's capitalised name and a person's
        full name, its leader's: "la Katiba Kessa d'Amadou Tamba", "l'Union des jeunes de
        Kessa d'Ibrahim Tamba" (not "le Collectif de défense d'Ali Kessa", named for the
        person: a lower-case word before "d'")."""
        words, caps, brk = self.words, self.caps, self.brk
        nxt = j + 1
        return (
            self.language == "fr"
            and words[j] in ("de", "d'", "d’")
            and j > 0
            and caps[j - 1]
            and nxt + 1 < self.n
            and self.folds[nxt] in self.g.first_names
            and caps[nxt + 1]
            and not brk[nxt]
            and not brk[nxt + 1]
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

    def name_word_inside(self, j: int) -> bool:
        """A stop word (a word that starts headlines) inside a run that belongs to the name:
        "News" after a name word ("the Harlow Evening News", "TOLO News"; not "Watch" or
        "TV", which end names no more often than they start headlines), or an opener whose
        run ends with an organisation word ("the Tamberly First Party")."""
        if self.words[j] == "News":
            return not self.is_blocker(j - 1) and not self.listed_name_ends_at(j)
        return self.opens_organisation(j)

    def defined_run(self, i: int, nxt: int) -> int:
        """End of the capitalised run from ``nxt`` when the name from ``i`` to it is defined by
        an acronym in brackets right after (``abbreviates``); 0 otherwise."""
        words, caps, brk, n = self.words, self.caps, self.brk, self.n
        k = nxt
        while k < n and caps[k] and not brk[k] and not self.is_blocker(k):
            k += 1
        if k == nxt or k + 2 >= n or words[k] != "(" or brk[k + 1]:
            return 0
        short = k + 1
        if words[short] in ("l'", "l’") and short + 2 < n:
            short += 1
        if words[short + 1] != ")" or not is_short_form(words[short]):
            return 0
        name = self.text[self.starts[i] : self.ends[k - 1]]
        return k if abbreviates(words[short], name) else 0

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

    def org_word_ahead(self, nxt: int, within: int = 5) -> bool:
        """The capitalised run from ``nxt`` holds an organisation word within ``within`` words."""
        g, folds, caps, brk, n = self.g, self.folds, self.caps, self.brk, self.n
        k = nxt
        while k < n and k < nxt + within and caps[k] and not brk[k] and not self.is_blocker(k):
            if folds[k] in g.org_words:
                return True
            k += 1
        return False

    def org_ahead(self, i: int, j: int, nxt: int) -> bool:
        """The capitalised run from ``nxt`` holds an organisation word, and the run ``[i, j)``
        before the connector holds no known name (so two names side by side stay apart)."""
        g, folds = self.g, self.folds
        for k in range(i, j):
            if folds[k] in g.first_names:
                return False
            if folds[k] in g.lengths:
                size, kind = self.gazetteer_at(k)
                if not size:
                    continue  # "Defense": only the start of a longer listed name
                if k == i and kind == "place" and i + size < j:
                    continue  # "Mozambique Defence and Security Forces": a country qualifies it
                return False
        return self.org_word_ahead(nxt, within=4)

    def french_org_body(self, i: int, j: int, by_ending: bool = True) -> int:
        """Extend an organisation name headed at ``i`` over its lower-case French body. A
        nationality adjective goes on with it only when ``by_ending`` (a capitalised head):
        after a lower-case one, "une université de l'État américain de Virginie", "l'institut
        de sondage brésilien Datafolha" are descriptions, as "le ministère nigérien" is."""
        words, caps, brk, n = self.words, self.caps, self.brk, self.n
        end = j
        k = j
        after_link = False
        article = False  # the last link ended with an article: "pour la"
        plural = False  # the last word was a plural adjective placed before its noun: "petites"
        while k < n and k - i < 12 and not brk[k]:
            w = words[k]
            low = w.casefold()
            if (caps[k] and not self.is_blocker(k)) or (
                self.french_body_word(k, after_link, by_ending)
                and not (plural and low[-1] not in "sx")
            ):
                k += 1
                end = k
                # After an adjective placed before its noun the next word is that noun, by a
                # noun's ending, plural after a plural ("des petites et moyennes entreprises",
                # "des artisans et petits commerçants"; not "des jeunes estiment que")
                after_link = not caps[k - 1] and low in FR_PRENOMINAL_ADJECTIVES
                plural = after_link and low[-1] in "sx"
                continue
            if low in FR_ORG_LINKS and k + 1 < n and not brk[k + 1]:
                if self.leader_after(k):
                    break  # "la Brigade Kessa d'Ibrahim Tamba": the body, then its leader
                m = k + 1
                while m < n and m - k < 3 and not brk[m] and words[m].casefold() in FR_ORG_LINKS:
                    m += 1
                if m >= n or brk[m]:
                    break
                if caps[m] and not self.is_blocker(m):
                    if m - k > 2 and not (
                        words[i].casefold() in FR_MINISTRIES
                        and words[k] == "et"
                        and words[k + 1] in ("de", "d'", "d’")
                    ):
                        # "Université de X et à l'Institut Y": two names (a ministry's
                        # portfolios are one: "ministère des Mines et de la Géologie")
                        break
                    k = m  # "de l'Azawad"
                    continue
                links = [x.casefold() for x in words[k:m]]
                # An unlisted noun only after "de", "pour", "contre", "sur", not after "et" or
                # "à" alone: "Université de X et docteur en...", "et la compagnie Y" are no body
                of = any(x in FR_NOUN_LINKS for x in links) and (
                    links[0] != "et" or len(links) > 1 and links[1] in FR_NOUN_LINKS
                )
                if links[0] == "et" and not of:
                    # "et" joins two nouns of one kind: two plurals ("des mouvements et
                    # forces"), or an article and a noun after an article and a noun ("pour la
                    # démocratie et la fédération"). Not two adjectives ("juridiques et
                    # politiques"): that cost a wrong name on the Sahel held-out set
                    last = words[end - 1].casefold()
                    if len(links) == 1:
                        of = last[-1] in "sx" and words[m].casefold()[-1:] in ("s", "x")
                    else:
                        of = len(links) == 2 and links[1] in FR_ARTICLE_LINKS and article
                low_next = words[m].casefold()
                if low_next in FR_ORG_VOCAB or (of and self.french_body_word(m, True, by_ending)):
                    k = m  # "pour l'indépendance", "et de la sécurité extérieure"
                    after_link = True
                    plural = False
                    article = links[-1] in FR_ARTICLE_LINKS
                    continue
            break
        return end

    def french_body_word(self, k: int, after_link: bool, by_ending: bool = True) -> bool:
        """Token ``k`` is a lower-case word of a French organisation's body: a listed body word
        ("nationale", "sauvegarde"); right after a link, a noun by its ending ("des victimes",
        "de concertation", "des éleveurs"); after a noun, an adjective by its ending
        ("tchadienne", "politiques", "vivriers", "communautaire")."""
        w = self.words[k]
        low = w.casefold()
        if low in FR_ORG_VOCAB or ("-" in low and low.rsplit("-", 1)[1] in FR_ORG_VOCAB):
            return True  # "sous-régionale", "inter-africain"
        if not (w.replace("-", "").isalpha() and w.islower()) or self.folds[k] in self.g.stopwords:
            return False  # ("sino-américain", "sous-régionale": hyphenated words count)
        if after_link:
            return len(w) >= 5 and low.endswith(FR_BODY_NOUN_ENDINGS)
        if low in FR_CALENDAR_WORDS:
            return False  # "la Banque centrale du Mali lundi": the day ends the name
        return len(w) >= 5 and (
            low.endswith(FR_BODY_ADJECTIVE_ENDINGS)
            or by_ending
            and (
                low.endswith(FR_DEMONYM_ENDINGS)
                or self.g.exact.get((token_key(w[0].upper() + w[1:]),)) == "misc"
            )
        )
