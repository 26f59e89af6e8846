"""Tokenisation, normalisation and the small closed word classes the recogniser's rules use.

Everything here is pure and fast: compiled regexes, frozensets and dict lookups. The closed
classes (name particles, place prepositions, verbs after a person...) are the sections of
``data/rule_words.txt``; the open lists (first names, titles, organisation words) are loaded by
:mod:`sahelreader.entities.gazetteer`, the known names from the text toolkit.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from sahelreader.text.fold import fold, strip_accents
from sahelreader.text.wordlists import data_text, sections

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

_WORDS = sections("sahelreader.entities", "rule_words.txt")  # see the file for each list
NAME_PARTICLES = frozenset(_WORDS["name_particles"])
PERSON_DE = frozenset(_WORDS["person_de"])
NAME_CONNECTORS = frozenset(_WORDS["name_connectors"])
FR_ORG_VOCAB = frozenset(_WORDS["fr_org_vocab"])
FR_ORG_LINKS = frozenset(_WORDS["fr_org_links"])
HYPHEN_SUFFIXES = frozenset(_WORDS["hyphen_suffixes"])
WORD_ACRONYM_WORDS = frozenset(_WORDS["word_acronym_words"])
FR_LOWER_ORG_HEADS = frozenset(_WORDS["fr_lower_org_heads"])
PLACE_PREPOSITIONS = frozenset(_WORDS["place_prepositions"])
PERSON_VERBS = frozenset(_WORDS["person_verbs"])
PLACE_NOUNS_AFTER = frozenset(_WORDS["place_nouns_after"])
PLACE_NOUNS_BEFORE = frozenset(_WORDS["place_nouns_before"])
PLACE_OF = frozenset(_WORDS["place_of"])
PLACE_NOUNS_BEFORE_ARTICLE = frozenset(_WORDS["place_nouns_before_article"])
PLACE_BEFORE_DE = frozenset(_WORDS["place_before_de"])
PLACE_EVENTS_BEFORE = frozenset(_WORDS["place_events_before"])
FR_PLAYER_ROLES = frozenset(_WORDS["fr_player_roles"])
FR_DEGREE_NOUNS = frozenset(w.casefold() for w in _WORDS["fr_degree_nouns"])
CLUB_PREFIXES = frozenset(_WORDS["club_prefixes"])
CLUB_SUFFIXES = frozenset(_WORDS["club_suffixes"])
OFFICE_TITLES = frozenset(_WORDS["office_titles"])
PLACE_NOUNS_OVER_NAMES = frozenset(_WORDS["place_nouns_over_names"])
COMPANY_DESIGNATORS = frozenset(_WORDS["company_designators"])
NATIONAL_BODY_TAILS = frozenset(tuple(x.split()) for x in _WORDS["national_body_tails"])
EVENT_ENDS = frozenset(_WORDS["event_ends"])
SURNAME_PLACE_ENDS = frozenset(_WORDS["surname_place_ends"])
AWARD_NAMES = frozenset(_WORDS["award_names"])
AWARD_BEFORE = frozenset(_WORDS["award_before"])
AWARD_AFTER = frozenset(_WORDS["award_after"])
ORG_DESCRIPTORS = frozenset(w.casefold() for w in _WORDS["org_descriptors"])
EVENT_HEADS = frozenset(_WORDS["event_heads"])
FR_DEMONYM_ENDINGS = tuple(_WORDS["fr_demonym_endings"])
FR_NATIONALITY_NOUN_ENDINGS = tuple(_WORDS["fr_nationality_noun_endings"])
FR_COMPETITION_WORDS = frozenset(_WORDS["fr_competition_words"])
FR_BODY_NOUN_ENDINGS = tuple(_WORDS["fr_body_noun_endings"])
FR_BODY_ADJECTIVE_ENDINGS = tuple(_WORDS["fr_body_adjective_endings"])
FR_PRENOMINAL_ADJECTIVES = frozenset(_WORDS["fr_prenominal_adjectives"])
FR_FEMININE_ENDINGS = tuple(_WORDS["fr_feminine_endings"])
FR_PLACE_ENDINGS = tuple(_WORDS["fr_place_endings"])
# An ordinal before a unit's name: "12e Régiment", "1er Bataillon", "3rd Infantry Division".
ORDINAL_RE = re.compile(r"\d{1,3}(?:e|er|re|ère|ème|eme|st|nd|rd|th)")
YEAR_RE = re.compile(r"(?:19|20)\d\d")

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


_KEY_CACHE: dict[str, str] = {}


def token_key(word: str) -> str:
    """How the recogniser compares a token with its lists: accents stripped as text.fold does,
    case kept (capitals tell names apart), typographic apostrophes and hyphens made plain
    (N’Djaména -> N'Djamena, Goïta -> Goita)."""
    if word.isascii():
        return word
    cached = _KEY_CACHE.get(word)
    if cached is not None:
        return cached
    key = strip_accents(word.translate(APOSTROPHES))
    if len(_KEY_CACHE) < 200_000:
        _KEY_CACHE[word] = key
    return key


# Sequence-initial words that head a French organisation name whose body may be lower-case.
FR_ORG_HEADS = frozenset(token_key(w) for w in _WORDS["fr_org_heads"])
CREDIT_LABELS = frozenset(token_key(w) for w in _WORDS["credit_labels"])
WORK_MARKERS = frozenset(_WORDS["work_markers"])
FACILITY_ENDS = frozenset(_WORDS["facility_ends"])
NAME_OPENERS = frozenset(_WORDS["name_openers"])
PLURAL_NOT_ORG = frozenset(_WORDS["plural_not_org"])
ORG_STAFF_AFTER = frozenset(_WORDS["org_staff_after"])
FR_SENTENCE_OPENERS = frozenset(_WORDS["fr_sentence_openers"])
EDITION_PLACES = frozenset(token_key(w) for w in _WORDS["edition_places"])
COMPASS_WORDS = frozenset(token_key(w) for w in _WORDS["compass_words"])
# A century in Roman numerals: "XIXe siècle", "XXIe" (a number, not a name).
ROMAN_ORDINAL_RE = re.compile(r"[IVXLC]+(?:e|er|ème|eme)")
# An English contraction ("I'm", "We've", "They'll", "You're", "He'd", "Don't"): never a name
# nor part of one. The part after the apostrophe is lower case, so O'Brien, N'Djamena and the
# French elisions (d'Ivoire, l'État, split off by the tokenizer) are not contractions.
CONTRACTION_RE = re.compile(r"[^\W\d_]+(?:['’](?:m|ve|ll|re|d)|n['’]t)", re.IGNORECASE)
# A chemical formula: element symbols with counts, two elements at least and a digit (CO2, NO2,
# SO2, H2O, CH4, N2O); and particulate matter sizes (PM2.5, PM10). Never a name (M23, G20 and
# F16 are one letter, COP28 counts more than a formula does).
ELEMENTS = frozenset(
    """H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge
    As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu
    Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu
    Am Cm Bk Cf Es Fm Md No Lr""".split()
)
FORMULA_PART_RE = re.compile(r"([A-Z][a-z]?)(\d{0,2})")
PARTICULATE_RE = re.compile(r"PM\d{1,2}")


def is_formula(word: str) -> bool:
    """A chemical formula or a particulate matter size (CO2, H2O, PM10): see ELEMENTS."""
    if PARTICULATE_RE.fullmatch(word):
        return True
    if not any(c.isdigit() for c in word) or not word[0].isupper() or len(word) > 12:
        return False
    parts = FORMULA_PART_RE.findall(word)
    if "".join(symbol + count for symbol, count in parts) != word or len(parts) < 2:
        return False
    return all(
        symbol in ELEMENTS and (not count or (count[0] != "0" and int(count) <= 12))
        for symbol, count in parts
    )


def never_name(word: str) -> bool:
    """A token that is never a name nor part of one: a contraction, a chemical formula."""
    return bool(CONTRACTION_RE.fullmatch(word)) or is_formula(word)


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
    return tuple(token_key(w) for w in words)


@cache
def outlet_names() -> frozenset[tuple[str, ...]]:
    """The folded token keys of the news outlets and agencies the cited-source extractor
    knows (``sources/data/outlets.tsv``, aliases): "BBC", "BBC News", "CNN", "Reuters"."""
    keys: set[tuple[str, ...]] = set()
    for line in data_text("sahelreader.sources", "outlets.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) < 3 or columns[1] not in ("agency", "outlet"):
            continue
        keys.update(entry_tokens(alias) for alias in [columns[0], *columns[2].split("|")])
    keys.discard(())
    return frozenset(keys)


def is_capitalised(word: str) -> bool:
    """Starts with an upper-case letter, or is an Arabic-article name such as ``al-Sahrawi``."""
    first = word[0]
    if first.isupper():
        return True
    if first in "ae" and len(word) > 3 and word[2] == "-" and word[3].isupper():
        return word[:2] in ("al", "el", "ad", "as", "an", "ar", "at", "ed", "es", "ag")
    return False


def is_acronym(word: str) -> bool:
    """2-6 capitals, digits allowed after the first (JNIM, G5, U.S.); or two such parts
    joined by a hyphen, the first of three letters or more (SPLM-IO, MDC-T, FDLR-FOCA; not
    UK-EU, two listed names)."""
    n = len(word)
    if n < 2 or n > 8:
        if n > 8 and n <= 13 and "-" in word:
            return _hyphenated_acronym(word)
        return False
    core = word.replace(".", "")
    if "-" in core:
        return _hyphenated_acronym(core)
    return 2 <= len(core) <= 6 and core.isupper() and core[0].isalpha() and core.isalnum()


def is_compound_adjective(word: str) -> bool:
    """A word joined by a hyphen to a participle or a suffix of description: "Prize-winning",
    "Saudi-led", "Globe-nominated", "DC-based" describe something, they name nothing (not
    "Tae-hyung", "Su-yeon": given names)."""
    head, dash, tail = word.rpartition("-")
    return (
        bool(dash)
        and bool(head)
        and tail.isalpha()
        and tail.islower()
        and (tail in _DESCRIPTION_SUFFIXES or (len(tail) >= 5 and tail.endswith(("ed", "ing"))))
    )


_DESCRIPTION_SUFFIXES = frozenset(
    {"led", "run", "born", "like", "hit", "made", "held", "style", "era"}
)


def _hyphenated_acronym(word: str) -> bool:
    first, _, second = word.partition("-")
    return (
        3 <= len(first) <= 6
        and 1 <= len(second) <= 6
        and first.isalpha()
        and second.isalpha()
        and first.isupper()
        and second.isupper()
    )


@lru_cache(maxsize=1 << 16)  # the same names are keyed over and over (related: ~4,000 a call)
def canonical(name: str) -> str:
    """A normalised key for grouping mentions: text.fold (no case, no accents), typographic
    apostrophes made plain, the possessive and dots dropped. A key, not a fold: "Niger's" and
    "U.N." name what "Niger" and "UN" name.

    >>> canonical("Niger’s")
    'niger'
    >>> canonical("Assimi  Goïta")
    'assimi goita'
    """
    text = fold(" ".join(name.split()).translate(APOSTROPHES))
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'") and len(text) > 2:
        text = text[:-1]
    return text.replace(".", "").strip()


def is_short_form(word: str) -> bool:
    """A word that may abbreviate a name: an acronym (JNIM, ECOWAS) or one written like a
    word (Acled, Fifa, Cedeao)."""
    return is_acronym(word) or (
        3 <= len(word) <= 8 and word[0].isupper() and word[1:].islower() and word.isalpha()
    )


# Words an acronym leaves out: "Economic Community of West African States" -> ECOWAS.
_ACRONYM_SKIPS = frozenset(
    "of the and for in on at to de du des la le les l d et pour en au aux sur".split()
)


def name_parts(name: str) -> list[str]:
    """The words of a name an acronym takes letters from, folded: split at spaces and "&",
    and hyphenated or elided words into their parts ("Jama'at Nusrat al-Islam" -> jama, at,
    nusrat, al, islam)."""
    return [
        strip_accents(part).casefold()
        for word in re.split(r"[\s&]+", name)
        for part in re.split(r"[-'’]", word)
        if part and part[0].isalpha()
    ]


def spells_initials(acronym: str, name: str) -> bool:
    """``acronym``'s letters are exactly the first letters of ``name``'s words, all of them or
    all but the small words an acronym leaves out: "Associated Press" -> AP, "Médecins sans
    frontières" -> MSF, "Economic Community of West African States" -> ECOWAS. Stricter than
    `abbreviates`: for names the article never puts side by side."""
    core = acronym.replace(".", "")
    if not (2 <= len(core) <= 6 and core.isupper() and core.isalpha()):
        return False
    parts = name_parts(name)
    letters = strip_accents(core).casefold()
    every = "".join(part[0] for part in parts)
    content = "".join(part[0] for part in parts if part not in _ACRONYM_SKIPS)
    return len(parts) >= 2 and letters in (every, content)


def initials_in_any_order(acronym: str, name: str) -> bool:
    """Each of ``acronym``'s letters starts a different word of ``name``, in any order: the
    acronym of its name in another language, whose words run in another order ("Front de
    libération du Tessara" -> TLF, "Kessoumba Patriotic Front" -> FPK). Only for an acronym
    the text puts in brackets right after the name."""
    core = acronym.replace(".", "")
    if not (2 <= len(core) <= 6 and core.isupper() and core.isalpha()):
        return False
    initials = [part[0] for part in name_parts(name) if part not in _ACRONYM_SKIPS]
    for letter in strip_accents(core).casefold():
        if letter not in initials:
            return False
        initials.remove(letter)
    return True


def abbreviates(acronym: str, name: str) -> bool:
    """``acronym`` plausibly abbreviates ``name``: its letters are, in order, the beginnings of
    the name's words (and of the parts of hyphenated ones), words may be skipped (function
    words, the ones another language leaves out), and at least half the letters, the first
    among them, start a word. "Jamaat Nusrat al-Islam wal-Muslimin" -> JNIM, "Economic
    Community of West African States" -> ECOWAS, "État islamique" -> EI, and IS (from a
    translation: the letters of "islamique" serve)."""
    core = acronym.replace(".", "")
    if core.endswith("s") and len(core) > 2 and core[:-1].isupper():
        core = core[:-1]  # UAVs
    letters = strip_accents(core).casefold()
    parts = name_parts(name)
    if len(letters) < 2 or not parts or not letters.isalnum():
        return False
    need = (len(letters) + 1) // 2 if core.isupper() else len(letters)

    @cache
    def best(k: int, p: int) -> int:
        """Most word-initial letters matching letters[k:] over parts[p:]; -1 if none."""
        if k == len(letters):
            return 0
        if p == len(parts):
            return -1
        found = best(k, p + 1)  # skip this word
        part = parts[p]
        size = 0
        while size < len(part) and k + size < len(letters) and part[size] == letters[k + size]:
            size += 1
            rest = best(k + size, p + 1)
            if rest >= 0:
                found = max(found, rest + 1)
        return found

    if not any(part[0] == letters[0] for part in parts):
        return False
    first = next(p for p, part in enumerate(parts) if part[0] == letters[0])
    return best(0, first) >= need
