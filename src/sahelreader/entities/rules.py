"""Tokenisation, normalisation and the small closed word classes the recogniser's rules use.

Everything here is pure and fast: compiled regexes, frozensets and dict lookups. The open
word lists (places, organisations, people, first names, titles...) live in ``data/`` and are
loaded by :mod:`sahelreader.entities.gazetteer`.
"""

from __future__ import annotations

import re
import unicodedata

# A token is: a French elision (d', l', qu'), an English possessive ('s), a dotted acronym
# (U.S., D.C.), a word made of letters/digits with inner hyphens or apostrophes (Yunus-bek,
# N'Djamena, O'Brien), or any other single character. Only D'/L' elide when capitalised, so
# N'Djamena, N'Guigmi and O'Brien stay whole.
TOKEN_RE = re.compile(
    r"(?:\b(?:[dljnsctm]|qu|jusqu|lorsqu|puisqu|[DL])['’](?=[^\W\d_]))"
    r"|['’][sS]\b"
    r"|(?:[^\W\d_]\.){2,}"
    r"|[A-Z]+&[A-Z]+\b"
    r"|[^\W_]+(?:(?:['’](?![sS]\b)|[\-‐‑])[^\W_]+)*"
    r"|\S"
)

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-"})

# Tokens after which the next word starts a sentence.
SENTENCE_END = frozenset(
    {
        ".",
        "!",
        "?",
        ":",
        ";",
        '"',
        "“",
        "”",
        "«",
        "»",
        "—",
        "–",
        "(",
        ")",
        "[",
        "]",
        "…",
        "•",
        "|",
        "*",
        "‘",
        "'",
        "-",
    }
)

# Name-internal particles: allowed inside a capitalised sequence when a capitalised word
# follows (Iyad Ag Ghaly, Mohamed Ould Ghazouani, Ursula von der Leyen, Mohammed bin Salman).
NAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ben",
        "ibn",
        "ould",
        "Ould",
        "ag",
        "Ag",
        "van",
        "von",
        "der",
        "den",
        "dos",
        "das",
        "do",
        "da",
        "di",
        "del",
        "della",
        "y",
        "abu",
        "Abu",
        "Bin",
        "Ben",
        "ter",
    }
)
# Particles of French person names: only after a first name (Charles de Gaulle).
PERSON_DE = frozenset({"de", "du", "des", "d'", "la", "le"})
# Connectors inside organisation / place names; only allowed once the sequence holds an
# organisation or place word (Bank of England, Ministère de la Défense, Gulf of Guinea).
NAME_CONNECTORS = frozenset(
    {
        "of",
        "for",
        "and",
        "&",
        "on",
        "to",
        "in",
        "the",
        "de",
        "du",
        "des",
        "d'",
        "la",
        "le",
        "les",
        "l'",
        "pour",
        "et",
        "sur",
        "à",
        "au",
        "aux",
        "en",
    }
)
# Lower-case heads after which the next token may be an organisation head in French.
FR_ORG_VOCAB = frozenset(
    """
    national nationale nationaux nationales africain africaine africains africaines
    populaire populaires démocratique démocratiques républicain républicaine patriotique
    patriotiques islamique islamiques unifié unifiée unie unies uni unis international
    internationale internationaux internationales mondial mondiale européen européenne
    militaire militaires civil civile civils suprême constitutionnel constitutionnelle
    nigérien nigérienne malien malienne burkinabè tchadien tchadienne sénégalais ivoirien
    ouest-africain ouest-africaine économique économiques monétaire social sociale socialiste
    socialistes révolutionnaire révolutionnaires libre libres indépendant indépendante
    général générale supérieur supérieure central centrale régional régionale fédéral
    fédérale provisoire transitoire spécial spéciale permanent permanente armé armée armées
    sauvegarde patrie défense sécurité développement libération salut unité restauration
    démocratie progrès justice paix réconciliation renaissance changement république
    transition jeunesse santé éducation affaires étrangères étranger intérieur coopération
    renseignement information communication finances économie budget commerce industrie
    agriculture élevage mines pétrole énergie environnement transports équipement culture
    sports emploi travail souveraineté dignité refondation concorde alternance rassemblement
    union intégration solidarité liberté libertés droits homme peuples peuple nation état
    états etat etats protection promotion lutte contre terrorisme réfugiés migrations
    population populations stratégique stratégiques azawad sahel ouest afrique
    """.split()
)
# French words that introduce the lower-case body of an organisation name.
FR_ORG_LINKS = frozenset(
    {
        "de",
        "du",
        "des",
        "d'",
        "la",
        "le",
        "les",
        "l'",
        "pour",
        "et",
        "à",
        "au",
        "aux",
        "en",
        "contre",
    }
)

# Function words used to guess the language of a text.
FR_MARKERS = frozenset(
    "le la les des du une est dans pour avec sur qui que pas ont été par aux cette ces son sa "
    "ses leur mais selon après".split()
)
EN_MARKERS = frozenset(
    "the of and to is in that for with on was were are has have by from at its said this "
    "which after".split()
)

# Places are signalled by these lower-case words right before a capitalised sequence.
PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "near",
        "at",
        "outside",
        "around",
        "across",
        "into",
        "towards",
        "toward",
        "via",
        "à",
        "au",
        "aux",
        "en",
        "près",
        "vers",
        "from",
        "dans",
    }
)
# Person-signalling verbs right after a capitalised sequence.
PERSON_VERBS = frozenset(
    {
        "said",
        "says",
        "told",
        "added",
        "explained",
        "stated",
        "wrote",
        "argued",
        "insisted",
        "claimed",
        "noted",
        "warned",
        "recalled",
        "acknowledged",
        "denied",
        "admitted",
        "a",
        "déclare",
        "affirme",
        "explique",
        "ajoute",
        "estime",
        "souligne",
        "indique",
        "who",
        "qui",
        "whose",
    }
)

_FOLD_CACHE: dict[str, str] = {}


def fold(word: str) -> str:
    """Accent-folded form of ``word``, case kept (Goïta -> Goita, N’Djaména -> N'Djamena)."""
    if word.isascii():
        return word
    cached = _FOLD_CACHE.get(word)
    if cached is not None:
        return cached
    decomposed = unicodedata.normalize("NFKD", word.translate(APOSTROPHES))
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = folded.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("ß", "ss")
    if len(_FOLD_CACHE) < 200_000:
        _FOLD_CACHE[word] = folded
    return folded


def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
    """Split ``text`` into tokens, returning (words, starts, ends) as parallel lists.

    Possessives are split off (``Niger's`` -> ``Niger`` ``'s``) and French elisions too
    (``d'Assimi`` -> ``d'`` ``Assimi``); offsets index exactly into ``text``.
    """
    matches = list(TOKEN_RE.finditer(text))
    return (
        [m.group() for m in matches],
        [m.start() for m in matches],
        [m.end() for m in matches],
    )


def entry_tokens(name: str) -> tuple[str, ...]:
    """The folded token key of a gazetteer entry or of a user-configured name."""
    words, _, _ = tokenize(name)
    return tuple(fold(w) for w in words)


def guess_language(words: list[str]) -> str:
    """'fr' or 'en' from function-word counts over the first few hundred tokens."""
    fr = en = 0
    for word in words[:400]:
        low = word.lower()
        if low in FR_MARKERS:
            fr += 1
        elif low in EN_MARKERS:
            en += 1
    return "fr" if fr > en else "en"


def is_capitalised(word: str) -> bool:
    """Starts with an upper-case letter, or is an Arabic-article name such as ``al-Sahrawi``."""
    first = word[0]
    if first.isupper():
        return True
    if first in "ae" and len(word) > 3 and word[2] == "-" and word[3].isupper():
        return word[:2] in ("al", "el", "ad", "as", "an", "ar", "at", "ed", "es", "ag")
    return False


def is_acronym(word: str) -> bool:
    """2-6 capitals, digits allowed after the first (JNIM, G5, U.S.)."""
    n = len(word)
    if n < 2 or n > 8:
        return False
    core = word.replace(".", "")
    return 2 <= len(core) <= 6 and core.isupper() and core[0].isalpha() and core.isalnum()


def canonical(name: str) -> str:
    """A normalised key for grouping mentions: casefold, accents folded, possessive stripped.

    >>> canonical("Niger’s")
    'niger'
    >>> canonical("Assimi  Goïta")
    'assimi goita'
    """
    text = " ".join(name.split())
    text = fold(text.translate(APOSTROPHES))
    if text.endswith("'s") or text.endswith("'S"):
        text = text[:-2]
    elif text.endswith("s'") and len(text) > 2:
        text = text[:-1]
    text = text.replace(".", "")
    return text.casefold().strip()
