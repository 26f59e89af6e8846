"""The patterns of attribution: how the words of :mod:`.vocabulary` combine around a source.

Speakers before a verb of saying ("Col. Amadou Abdramane, junta spokesperson, said"), after it
("…," said a security source; according to the ministry), outlets in a citing context ("told
AFP", "the RTN report said"), organisations and their documents ("a UN report"), and wire
credits ("NIAMEY (Reuters) -", "Avec l'AFP", "Reporting by X; Editing by Y"). Each pattern is
compiled once, the first time it is used (compiling them all took 0.8 s of the reader's
start-up). Word lists live in the data files; what is left here is structure: punctuation,
capitalisation, order and small runs of French articles.
"""

from __future__ import annotations

import re
from typing import Any, cast

from sahelreader.sources.citations import vocabulary as v
from sahelreader.sources.citations.lexicon import load_media, load_organisations
from sahelreader.sources.citations.wordregex import alias_regex, trie_regex


class _Lazy:
    """A pattern compiled when first used: it stands for the compiled pattern."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(*self._args)
        return getattr(compiled, name)


def made_by(match: re.Match[str], pattern: re.Pattern[str]) -> bool:
    """Whether `match` came from `pattern` (one of these lazily compiled ones)."""
    return match.re is getattr(pattern, "_compiled", pattern)


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return cast("re.Pattern[str]", _Lazy(pattern, flags))


UP = "A-ZÀ-ÖØ-Þ"  # capital letters
LO = "a-zß-öø-ÿ"  # small letters


def _any(words: list[str]) -> str:
    """A group matching any of the words (a ' in one also matches ’)."""
    return f"(?:{trie_regex(words, apostrophes=True)})"


def _capitalised_too(words: list[str]) -> list[str]:
    return [form for word in words for form in (word, word[:1].upper() + word[1:])]


# --------------------------------------------------------------------------- verbs of saying

ADV = rf"(?:(?:{_any(v.ADVERBS_BEFORE_VERB)}|last\s+\w+day|on\s+\w+day)\s+){{0,2}}"
_SAY_FR_PAST = (
    rf"{_any(v.AUXILIARIES_FR)}\s+(?:{_any(v.ADVERBS_FR)}\s+)?{_any(v.SAY_PARTICIPLES_FR)}"
)
SAY_EN = _any(v.SAY_EN)
SAY_FR = rf"(?:{_SAY_FR_PAST}|{_any(v.SAY_PRESENT_FR)})"
SAY_INV = _any(
    v.SAY_AFTER_QUOTE_EN
    + v.SAY_AFTER_QUOTE_FR
    + [f"a {part}" for part in v.SAY_PARTICIPLES_FR]
    + v.SAY_PRESENT_FR
)
ORG_SAY_EN = _any(v.ORG_SAY_EN)
ANY_SAY = rf"(?:{_SAY_FR_PAST}|{_any(v.SAY_EN + v.SAY_PRESENT_FR + v.ORG_SAY_EN)})"
ACCORDING = _any(_capitalised_too(v.ACCORDING_TO))
QUOTE_END = r"(?:[,”\"»’]\s*|[.!?…][”\"»’]\s*|\s[-–—]{1,2}\s*)"

# --------------------------------------------------------------------------- people

TITLE = rf"(?:{_any(v.TITLES)}|(?:le\s+|la\s+)?{_any(v.TITLES_FR)})"
_TOK = rf"(?:[{UP}](?:[{LO}{UP}]|['’-](?=[{UP}{LO}]{{2}}))*|[{UP}]\.)"
_CONN = _any(v.NAME_PARTICLES)
NAME = rf"(?:{_TOK}(?:(?:(?:\s+{_CONN}){{1,2}}(?:\s+|-)|\s+|-){_TOK}){{0,3}})"  # "von der"
_ROLE_HEADS = _any(v.ROLE_HEADS)
_FUNCTION_WORD = rf"{_any(v.NOT_ROLE_START)}\b"
_NOT_IN_ROLE = rf"{_any(v.NOT_IN_ROLE)}\b"
_OFFICE_HEAD = rf"(?:(?!{_FUNCTION_WORD})[\w'’-]+\s+){{0,3}}?(?i:{_any(v.OFFICE_HEADS)})"
# (a whole word: "the spokesman denied" is no spokesman "de" anything)
_OFFICE_OF = r"(?:(?:for|of|at|from|in|du|de\s+la|des|de)(?![\w'’-])|de\s+l['’]|d['’])"
# before a verb (end-anchored): "a spokesman for the Cabinet minister said"
# "a spokesman for the ministry denied the claims"; "the governor of the bank has said"
_NOT_A_VERB = rf"(?!(?:{ANY_SAY}|has|have|had|is|was|were|will|would|also)(?![\w-]))"
# an adjective between the role and its body: "le porte-parole officiel du Premier ministre"
# (French only: an English word there is a participle, "an envoy killed in the attack")
_OFFICE_ADJ = (
    rf"(?:\s+{_NOT_A_VERB}(?!{_OFFICE_OF})[{LO}][{LO}-]+"
    r"(?=\s+(?:du|de\s+la|des|de|d['’]|de\s+l['’])(?![\w'’-])))?"
)
_OFFICE_ROLE = (
    rf"{_OFFICE_HEAD}(?:{_OFFICE_ADJ}\s+{_OFFICE_OF}\s*(?:the\s+)?"
    rf"(?:{_NOT_A_VERB}[\w'’-]+\s+){{0,3}}{_NOT_A_VERB}[\w'’-]+)?"
)
# after a verb (open-ended): "according to a spokesman for the ministry"
_OFFICE_ROLE_REV = (
    rf"{_OFFICE_HEAD}(?:{_OFFICE_ADJ}\s+{_OFFICE_OF}\s*(?:the\s+)?[\w'’-]+"
    rf"(?:\s+[{UP}][\w'’-]+){{0,2}})?"
)
_ANON_ADJ_EN = _any(v.ANONYMOUS_SOURCES_EN)

# --------------------------------------------------------------------------- institutions

_PROPER_ORG_HEADS = rf"(?:Ministry\s+of\s+[{UP}][\w-]+|{_any(v.PROPER_ORG_HEADS)})"
_ORG_HEADS_EN = _any(v.ORG_HEADS_EN)
_ORG_HEADS_FR = _any(v.ORG_HEADS_FR)
_DEMONYM = rf"[{UP}][{LO}]+(?:an|ian|ese|ish|i|ien|ienne|ais|aise|ois|oise|be|bè)"
_ORG_MOD = rf"(?:(?:{_any(v.ORG_MODIFIERS)}|{_DEMONYM})\s+)"
_FR_ADJ = rf"(?:\s+{_any(v.ORG_ADJECTIVES_FR)})?"
_FR_DE = r"(?:\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[\w'’-]+(?:\s+étrangères)?){0,2}"

# --------------------------------------------------------------------------- outlets

# words between a citing word and the outlet: "told the Nigerian daily Punch", "selon le site
# d'information X"; a demonym keeps its capital even where the cues ignore case
# a French nationality, lower-case: "selon l'agence chinoise Xinhua", "le quotidien burkinabè X"
NATIONALITY_FR = (
    rf"(?-i:{_any(v.NATIONALITY_ADJECTIVES_FR)}|[{LO}][{LO}-]*{_any(v.NATIONALITY_ENDINGS_FR)})"
    r"(?![\w'’-])"
)
_FILL = (
    rf"(?:(?:{_any(v.MEDIA_FILLERS)}|[{UP}][\w-]*['’]s|(?-i:{_DEMONYM})|{NATIONALITY_FR})\s+"
    r"|[dlDL]['’])"
)
# the speaker after a French verb, before "à" and the outlet: "a déclaré le ministre à RFI", "a
# affirmé le porte-parole de l'armée à l'AFP", "ont indiqué des sources locales à RFI"
_INVERTED_SPEAKER_FR = (
    rf"(?:\s+(?:le|la|l['’]|les|un|une|des)\s*[{LO}][\w'’-]{{2,}}(?:\s+[{LO}][\w'’-]{{2,}}){{0,2}}"
    rf"(?:\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[\w'’-]+){{0,2}}(?=\s+(?:à|au)\s))?"
)
_MEDIA_CUES = (
    rf"(?:{_any(v.MEDIA_CUES)}"
    rf"|{_any(v.MEDIA_CUE_AUXILIARIES_FR)}(?:(?:-t)?-(?:il|elle)s?)?\s+(?:été\s+)?"
    rf"{_any(v.MEDIA_CUE_PARTICIPLES_FR)}e?s?{_INVERTED_SPEAKER_FR}"
    rf"|{_any(v.MEDIA_CUE_PARTICIPLES_BY_FR)}e?s?\s+(?:par|sur|dans)"
    rf"|{_any(v.STATE_MEDIA_NOUNS_FR)}\s+{_any(v.STATE_MEDIA_ADJECTIVES_FR)})"
)
# a citing context right before an outlet's name: "told AFP", "according to a Reuters tally"
MEDIA_PRE = _compile(rf"(?<![\w-]){_MEDIA_CUES}\s*(?:{_FILL}){{0,4}}$", re.IGNORECASE)
# an outlet nobody listed: capitalised words ending with an outlet's word ("Sahel Dispatch",
# "Kayes Infos"), cited as outlets are (MEDIA_PRE before it)
UNLISTED_OUTLET = _compile(
    rf"(?<![\w'’-])(?P<name>(?:[{UP}](?:[\w-]|['’](?!s\b))*[^\S\n]+){{1,3}}"
    rf"{_any(v.OUTLET_NAME_ENDS)})(?![\w'’-])"
)
# ... or right after it: "Reuters reported", "the RTN report said"
MEDIA_POST = _compile(
    rf"(?:['’]s)?(?:\s+(?:{_any(v.MEDIA_WORDS_AFTER)}|on\s+\w+day|\w+ly)){{0,2}}"
    rf"(?:\s+{_any(v.MEDIA_VERBS_AFTER)}\b(?!['’])|,\s*citant\b|\)\s*[-–—])",
    re.IGNORECASE,
)
# an outlet as the complement of a noun: "the director of Reuters", "un journaliste de l'AFP"
OUTLET_OF = _compile(
    rf"(?<![\w-])(?P<head>{_any(v.MEDIA_STAFF)}|[\w-]+)\s+(?:of|for|at|from|de|du|des)\s*"
    r"(?:(?:the|l['’]|la|le)\s*)?$"
    rf"|(?<![\w-])(?P<head2>{_any(v.MEDIA_STAFF)}|[\w-]+)\s+d['’]$",
    re.IGNORECASE,
)
# a copula before an outlet's people: "X was a Reuters reporter", "Y est le correspondant de RFI"
# says who they are, not what they reported
COPULA_BEFORE = _compile(
    r"(?<![\w-])(?:is|was|were|are|been|became|becomes|remains|est|était|étaient|sont|été|"
    r"devenu|devenue|reste)\s+(?:(?:a|an|the|one\s+of\s+the|le|la|les|un|une|des|l['’]|"
    r"un\s+des|l['’]une?\s+des)\s*)?$",
    re.IGNORECASE,
)
# what is done to an outlet or its people, after it: "… were expelled", "… a été interpellé"
_PARTICIPLE = (
    rf"(?:[\w-]+(?:ed|en)|{_any(v.PASSIVE_PARTICIPLES_EN)}|[\w-]+(?:é|ée|és|ées|is|ise|ises|it|ite|"
    rf"its|ites|u|ue|us|ues))(?![\w'’-])"
)
DONE_TO_IT = _compile(
    rf"(?:\s+[{UP}][\w'’-]+){{0,3}}(?:\s+(?:in|at|à|au|en)\s+[{UP}][\w'’-]+){{0,2}},?\s+(?i:was|were|has\s+been|have\s+been|had\s+been|"
    rf"is\s+being|are\s+being|got|a\s+été|ont\s+été|avait\s+été|avaient\s+été|ont\s+tous\s+été)"
    rf"\s+(?:\w+ly\s+)?(?i:{_PARTICIPLE})"
)
# between two outlets cited together: "Reuters and Agence France-Presse reported"
CHAIN_GAP = _compile(
    r"\s*(?:,\s*(?:and\s+|et\s+)?|and|et|&|or|ou|/)\s*(?:the\s+|l['’]|le\s+|la\s+)?$"
)

# --------------------------------------------------------------------------- speakers

# Anchors: every speech verb; the subject is matched right before it.
VERB = _compile(rf"(?=[a-zé])(?<![\w'’-]){ANY_SAY}(?![\w-])(?!\s+{_any(v.NOT_SPEECH_AFTER)}\b)")
_TAIL = rf",?\s+{ADV}$"  # between the subject and the verb
# the body a person speaks from, after the name: "X of Chatham House", "Y of the Policy Center
# for the New South", "Z from the Timbuktu Institute" (capitalised words and their small links)
_BODY_AFTER_NAME = (
    rf"\s+(?:of|from|at)\s+(?:the\s+)?[{UP}][\w'’.&-]*"
    rf"(?:[^\S\n]+(?:(?:for|of|on|and|&|the|in)[^\S\n]+){{0,2}}[{UP}][\w'’.&-]*){{0,7}}"
)
SUBJ_PERSON = _compile(
    rf"(?<![\w'’.-])(?=[{UP}]|l[ea]\s)(?P<title>{TITLE}\s+(?:{TITLE}\s+)?)?(?P<name>{NAME})"
    # a body or an apposition, not both: "Chief Executive of the Trust, Dr X, said" is X speaking
    rf"(?:(?P<body>{_BODY_AFTER_NAME}(?:\s+\([^()\n]{{1,12}}\))?)"
    rf"|(?P<appos>,\s+[^,.;:!?“”\"«»()\n]{{1,90}}?,|\s+\([^()\n]{{1,60}}\)))?{_TAIL}"
)
SUBJ_UNNAMED = _compile(
    rf"(?<![\w'’-])(?P<det>(?:{_any(_capitalised_too(v.UNNAMED_DETERMINERS))}|"
    rf"[{UP}][\w-]*['’]s)\b\s*|[Ll]['’])?(?P<role>{_OFFICE_ROLE})"
    rf"(?:,\s+(?:who|which|qui)\b[^,.;:!?\n]{{1,100}},)?{_TAIL}"
)
SUBJ_ORG = _compile(
    rf"(?<![\w'’-])(?=[{UP}])(?P<pname>(?:[{UP}][\w'’-]+\s+){{1,3}}{_PROPER_ORG_HEADS})"
    rf"(?:,\s+(?:which|who)\b[^,.;:!?\n]{{1,80}},)?{_TAIL}"
    rf"|(?<![\w'’-])(?:(?:[Tt]he|[Ii]ts|[Tt]heir|(?P<owner>[{UP}][\w-]*)['’]s)\s+)?"
    rf"(?P<mods>{_ORG_MOD}{{0,2}})(?P<head>(?i:{_ORG_HEADS_EN}))"
    rf"(?P<of>\s+(?:of|in|for)\s+(?:the\s+)?[{UP}][\w'’-]+(?:\s+[{UP}][\w'’-]+){{0,2}})?"
    rf"(?:,\s+(?:which|who)\b[^,.;:!?\n]{{1,80}},)?{_TAIL}"
    rf"|(?<![\w'’-])(?P<fdet>[Ll]es|[Ll]['’]|[Ll]e|[Ll]a)\s*(?P<fhead>(?i:{_ORG_HEADS_FR}))"
    rf"(?P<fadj>{_FR_ADJ}{_FR_DE})(?:,\s+[^,.;:!?\n]{{1,60}},)?{_TAIL}"
)
SUBJ_ANON = _compile(
    rf"(?<![\w-])(?:(?:an?|one|two|three|several|multiple|other)\s+)?"
    rf"(?P<adj>(?:{_ANON_ADJ_EN}\s+){{1,2}})(?P<src>sources?)"
    rf"(?:,\s+(?:who|which)\b[^,.;:!?\n]{{1,100}},)?{_TAIL}"
)

# English "a" opening an apposition (", a former minister"), not French "a" opening a perfect
# tense (", a condamné ces commentaires", ", a dit", ", a pris"): the verb is no role.
_ARTICLE_A = (
    r"a(?![-‑]t[-‑]|\s+(?:[\w'’-]*(?:é|ée|és|ées)|dit|fait|pris|mis|écrit|été|eu|su|vu|voulu|pu|dû|"
    r"tenu|reconnu|promis|admis|appris|compris|répondu|rendu|perdu|obtenu|soutenu|reçu)\b)"
)

# Triggers for the speaker after the verb: "…," said X / according to X / selon X
REV_TRIGGERS = (
    _compile(rf"(?:[,”\"»’]|[.!?…][”\"»’]|\s[-–—]{{1,2}})\s*{SAY_INV}\s+"),
    _compile(rf"(?<![\w-])(?:{ACCORDING}|told\s+by)\s+"),
)
REV_PERSON = _compile(
    rf"(?P<role>(?:(?:[{LO}][\w'’-]*|[{UP}][{LO}]+['’]s|l['’][\w-]+)\s+){{0,6}}?(?:,\s+)?)"
    rf"(?P<title>{TITLE}\s+(?:{TITLE}\s+)?)?(?P<name>{NAME})"
    rf"(?P<appos>,\s+(?:the|{_ARTICLE_A}|an|who|its|le|la|l['’]|un|une|qui|ex-|former|of|de\s+la|du|"
    rf"{_ROLE_HEADS}|(?:(?!{_NOT_IN_ROLE})[\w'’-]+\s+){{1,3}}(?i:{_ROLE_HEADS}))\b"
    rf"[^,.;:!?“”\"«»()\n]{{0,90}})?"
)
# the speaker named after the role ("selon le porte-parole de l'armée, le commandant X,";
# "a affirmé le ministre de l'Intérieur, Y."): the name ends its clause
ROLE_THEN_NAME = _compile(
    rf",\s+(?P<title>{TITLE}\s+(?:{TITLE}\s+)?)?(?P<name>{NAME})(?P<appos>(?!x)x)?"
    rf"(?=\s*(?:[,.;:!?)»”\"]|$))"
)
REV_UNNAMED = _compile(
    rf"(?P<det>{_any(v.UNNAMED_DETERMINERS_AFTER)}\b\s*|l['’])"
    rf"(?P<role>{_OFFICE_ROLE_REV})(?![\w'’-])"
)
REV_ORG = _compile(
    rf"(?:(?:the|its|their|(?P<owner>[{UP}][\w-]*)['’]s)\s+)?(?P<mods>{_ORG_MOD}{{0,2}})"
    rf"(?P<head>{_ORG_HEADS_EN})(?![\w-])"
    rf"(?P<of>\s+(?:of|in|for)\s+(?:the\s+)?[{UP}][\w'’-]+(?:\s+[{UP}][\w'’-]+){{0,2}})?"
    rf"|(?P<fdet>les|l['’]|le|la)\s*(?P<fhead>{_ORG_HEADS_FR})(?P<fadj>{_FR_ADJ}{_FR_DE})"
    rf"(?![\w-])"
)
REV_ANON = _compile(
    rf"(?:(?:an?|one|two|several|multiple|other)\s+)?"
    rf"(?P<adj>(?:{_ANON_ADJ_EN}\s+){{1,2}})(?P<src>sources?)\b"
)
ANON_FR = _compile(
    rf"(?<![\w-])(?P<src>[Ss]ources?)\s+"
    rf"(?P<adj>{_any(v.ANONYMOUS_SOURCES_FR)}|"
    rf"proches?\s+d[eu]\s+(?:la\s+|l['’])?[\w'’-]+(?:\s+[\w'’-]+)?)",
)

# --------------------------------------------------------------------------- roles

# a role's complements: "du gouvernement", "de la Santé", and where the role is held, before a
# comma ("our correspondent in Gao, X", "the governor of Agadez, Y", "notre envoyée à Kidal, Z")
_ROLE_COMPLEMENT = (
    r"(?:\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*[\w'’-]+){0,2}"
    rf"(?:\s+(?:in|at|of|for|à|au|aux|en)\s+(?:the\s+)?[{UP}][\w'’-]+"
    rf"(?:[^\S\n]+[{UP}][\w'’-]+)?(?=\s*,\s*$))?"
)
_ROLE_BEFORE_BODY = (
    rf"(?:[{LO}][\w-]*\s+|[{UP}][{LO}]+(?:an|ian|ese|ish|i|"
    rf"ien|ienne|ais|aise|ois)\s+){{0,3}}(?i:{_ROLE_HEADS})"
    rf"{_ROLE_COMPLEMENT})\s*,?\s*$"
)
ROLE_BEFORE = _compile(rf"(?:^|[\s(“\"«,])(?P<role>{_ROLE_BEFORE_BODY}")
# at the start of a sentence the first word is capitalised: "Junta spokesperson Col. X said"
# (a region may follow the outlet's own word: "Our West Africa correspondent in Dakar, X")
ROLE_BEFORE_START = _compile(
    rf"^(?P<role>(?:(?i:{_any(v.OUR_WORDS)})\s+(?:[{UP}][{LO}]+\s+){{0,2}}|[{UP}][{LO}-]+\s+)?"
    rf"(?:[{LO}][\w-]*\s+){{0,2}}"
    rf"(?i:{_ROLE_HEADS}){_ROLE_COMPLEMENT})\s*,?\s*$"
)
# what ties an unnamed office holder to a body: its complement ("of the ministry", "du
# gouvernement"), a capitalised modifier ("a Home Office spokesman", "a Malian official") or a
# French nationality ("un responsable nigérien"); a role without one names nobody
OFFICE_HEAD = _compile(rf"(?<![\w'’-])(?i:{_any(v.OFFICE_HEADS)})(?![\w'’-])")
ROLE_BODY = _compile(rf"\s{_OFFICE_OF}|(?<![\w'’-])[{UP}][\w'’.&+-]*\s|\s{NATIONALITY_FR}")
ROLE_HEAD = _compile(rf"\b{_ROLE_HEADS}\b", re.IGNORECASE)
LEAD_DET = _compile(
    rf"^(?:(?:{_any(v.ROLE_LEADING_WORDS)}\b|l['’]|[\w-]+['’]s\b)\s*)+",
    re.IGNORECASE,
)
ROLE_CUT = _compile(rf"\s+{_any(v.ROLE_END_WORDS)}\b.*$", re.I)
OBJECT_OF = _compile(
    rf"(?<![\w'’-]){_any(v.OBJECT_PREPOSITIONS)}\s+$",
    re.IGNORECASE,
)
PART_OF_NAME = _compile(rf"[{UP}][\w'’-]*\s+{_any(v.NAME_CONNECTORS_BEFORE)}\s+$")
PLURAL_ACRONYM = _compile(r"^[A-Z]{2,}s$")
ARTICLE_APPOS = _compile(rf",\s+(?:the|{_ARTICLE_A}|an|le|la|un|une)\b")
# a relative clause after the name says what the person does, not who they are: "le général X,
# qui commande la mission militaire…" (a role word inside it is no role: "militaire")
RELATIVE_APPOS = _compile(
    r",\s+(?:who|whom|whose|which|that|qui|que|qu['’]|dont|lequel|laquelle)(?![\w'’-])"
)
# ...unless it only says what the person is: "X, who is also the country's finance minister",
# "Y, qui est un responsable syndical", "Z, who served as ambassador" (the role after it)
RELATIVE_IS = _compile(
    r",\s+(?:who|qui)\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as|est|était|"
    r"a\s+été|fut)\s+(?:(?:also|now|both|still|currently|previously|formerly|briefly|"
    r"également|aussi|alors|toujours|actuellement|brièvement|[\w-]+ly|[\w-]+ment)\s+)?"
)
TITLE_START = _compile(rf"^(?P<title>{TITLE})\s+")

# --------------------------------------------------------------------------- named organisations

ORG = _compile(alias_regex(list(load_organisations().aliases)))
ORG_PRE = _compile(
    rf"(?<![\w-]){_any(v.ORG_CUES_BEFORE)}\s*"
    r"(?:(?:an?|the|its|l['’]|le|la|les|de|du|des|d['’]|un|une)\s*){0,2}"
    rf"(?:{_any(v.ORG_DESCRIPTORS)}(?![\w-])\s*){{0,2}}$",
    re.IGNORECASE,
)
ORG_POST = _compile(
    rf"(?:['’]s\s+statement\b|\s+statement\b|,?\s+{ADV}{ORG_SAY_EN}\b|\s+{SAY_FR}\b)"
)

# --------------------------------------------------------------------------- documents

_DOC_EN = _any(v.DOCUMENTS_EN)
DOC_AFTER = _compile(rf"(?:['’]s)?\s+(?P<doc>{_DOC_EN})\b")
DOC_BEFORE = _compile(
    rf"(?<![\w-])(?P<doc>{_DOC_EN})\s+(?:{_any(v.DOCUMENT_VERBS_EN)}\s+)?"
    rf"(?:by|from)\s+(?:the\s+)?$"
    rf"|(?<![\w-])(?P<fdoc>{_any(list(v.DOCUMENTS_FR))})s?\s+"
    rf"(?:{_any(v.DOCUMENT_ADJECTIVES_FR)}\s+)?"
    rf"(?P<de>de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|par\s+(?:l['’]|le\s+|la\s+)?)$"
)

# --------------------------------------------------------------------------- later mentions

COREF_POST = _compile(rf"(?:['’]s\s+{_any(v.STATEMENT_NOUNS)}\b|,?\s+{ADV}{ANY_SAY}(?![\w-]))")
COREF_PRE = _compile(
    rf"(?:(?<![\w-]){ACCORDING}|{QUOTE_END}{SAY_INV})\s+(?:{TITLE}\s+)?"
    rf"(?:[{UP}][\w'’-]+\s+){{0,2}}$"
)

# --------------------------------------------------------------------------- wire credits
# A credit is a shape (a dateline, a line of its own, a credit sentence) around a list of names.

_NO_NL = r"[^\S\n]"  # a space that stays on the line: credit lines end at the line's end
_LINE_END = rf"{_NO_NL}*\.?{_NO_NL}*(?=\n|\Z)"
# any agency or outlet name; unlike the lexicon's own pattern it may follow a "/" ("AFP/Reuters")
# and is never a possessive ("with AFP's help" credits nothing)
# any agency or outlet name, a possessive too ("BBC Afrique's X said")
_MEDIA_NAME_ANY = (
    rf"(?<![\w-])(?:{trie_regex(list(load_media().aliases))})" r"(?![\w])(?!-\w)(?!\.\w)"
)
MEDIA_NAME = _MEDIA_NAME_ANY + r"(?!['’]s\b)"
_NAME_DET = r"(?:(?:[Tt]he|[Ll]['’]|la|le|les|de\s+l['’]|de\s+la|de|du|d['’])\s*)?"
_JOIN = rf"\s*(?i:{_any(v.CREDIT_JOINERS)})\s*"
CREDITED = rf"{_NAME_DET}{MEDIA_NAME}(?:{_JOIN}{_NAME_DET}{MEDIA_NAME})*"
UNNAMED_AGENCIES = rf"(?i:{_any(v.UNNAMED_AGENCIES)})(?![\w-])"
# named agencies, maybe then unnamed ones ("AFP and agencies"), or unnamed ones alone
_CREDITED_ANY = rf"(?:{CREDITED}(?:{_JOIN}{UNNAMED_AGENCIES})?|{UNNAMED_AGENCIES})"
# a reporter's name stays on its line: "Additional reporting by Rob Corp" then a new paragraph
_LINE_NAME = NAME.replace(r"\s+", r"[^\S\n]+")
# who reported: agencies (maybe with their writer: "Associated Press writer X") and people,
# with the place they reported from ("in Zinder, Niger")
_STAFF_ROLE = rf"(?i:{_any(v.STAFF_ROLES_EN)})(?![\w-])"
REPORTER = (
    rf"(?:{_NAME_DET}(?P<media>{MEDIA_NAME})"
    rf"(?:{_NO_NL}+{_STAFF_ROLE}{_NO_NL}+(?P<staff>{_LINE_NAME}))?"
    rf"|(?P<person>{_LINE_NAME}))"
    rf"(?:{_NO_NL}+(?:in|from){_NO_NL}+{_LINE_NAME}(?:,{_NO_NL}*{_LINE_NAME})?)?"
)
_REPORTERS = re.sub(r"\?P<(?:media|staff|person)>", "", REPORTER)
_LINE_JOIN = _JOIN.replace(r"\s", _NO_NL)
_REPORTER_LIST = rf"{_REPORTERS}(?:{_LINE_JOIN}{_REPORTERS})*"
_THIS_ARTICLE = rf"(?i:{_any(v.ARTICLE_DETERMINERS)})\s+(?i:{_any(v.ARTICLE_NOUNS)})(?![\w-])"
_THIS_ARTICLE_FR = (
    rf"(?i:{_any(v.ARTICLE_DETERMINERS_FR)})\s+(?i:{_any(v.ARTICLE_NOUNS_FR)})(?![\w-])"
)
_CLAUSE = r"[^.;:!?\n]{0,80}?"

# credit sentences: "Some information for this article came from AP", "This story includes
# reporting from Reuters and AFP", "Material from Reuters was used in this report", "Cet article
# a été rédigé avec l'AFP"
CREDIT_SENTENCE = _compile(
    rf"(?<![\w-]){_THIS_ARTICLE}{_CLAUSE}(?<![\w-])(?i:{_any(v.CREDIT_PREPOSITIONS_EN)})\s+"
    rf"(?P<list>{CREDITED})"
    rf"|(?<![\w-])(?i:from|by|with)\s+(?P<list2>{CREDITED}){_CLAUSE}"
    rf"(?<![\w-])(?i:in|to|for|of)\s+{_THIS_ARTICLE}"
    rf"|(?<![\w-]){_THIS_ARTICLE_FR}{_CLAUSE}"
    rf"(?<![\w'’-])(?i:{_any(v.CREDIT_PREPOSITIONS_FR)})\s*(?P<list3>{CREDITED})"
)
# a credit line of its own: "With AFP", "Avec l'AFP", "(avec AFP et Reuters)", "— with agencies"
WITH_CREDIT = _compile(
    rf"(?:^|(?<=\n)|(?<=[(\[])|(?<=[-–—])|(?<=[-–—]\s)|(?<=[.!?…]\s))"
    rf"{_NO_NL}*(?i:{_any(v.WITH_CREDITS)})\s+(?P<list>{_CREDITED_ANY})"
    rf"(?:{_NO_NL}*[)\]]|{_LINE_END})"
)
# a byline signed by an outlet or a newsroom, crediting agencies, on a line of its own:
# "Le Monde avec AFP", "Par la rédaction avec l'AFP et Reuters", "Staff with agencies"
_NEWSROOM = rf"(?i:{_any(v.NEWSROOM_WORDS)})(?![\w-])"
BYLINE_WITH_CREDIT = _compile(
    rf"(?:^|(?<=\n)){_NO_NL}*(?:(?i:{_any(v.BYLINE_WORDS)}){_NO_NL}+)?"
    rf"(?:{_NAME_DET}{MEDIA_NAME}(?:{_NO_NL}+{_NEWSROOM})?|{_NEWSROOM})"
    rf"{_NO_NL}+(?i:{_any(v.WITH_CREDITS)}){_NO_NL}+(?P<list>{_CREDITED_ANY}){_LINE_END}"
)
# a newsroom and agencies signing together, on a line of their own: "Guardian staff and
# agencies", "La rédaction et AFP" (a few words before the newsroom's word at most)
NEWSROOM_AND_CREDIT = _compile(
    rf"(?:^|(?<=\n))[^\S\n]*(?:[^\s]+[^\S\n]+){{0,4}}{_NEWSROOM}[^\S\n]+(?i:and|et|&)[^\S\n]+"
    rf"(?P<list>{_CREDITED_ANY}){_LINE_END}"
)
# a copyright notice naming the agency the text is from: "Copyright 2025 The Associated Press.
# All rights reserved.", "© Agence France-Presse", "(c) AFP 2025"
COPYRIGHT_CREDIT = _compile(
    rf"(?<![\w-])(?:(?i:copyright)(?:[^\S\n]*(?:©|\([cC]\)))?|©|\([cC]\))[^\S\n]*"
    rf"(?:(?:19|20)\d{{2}}[^\S\n]*)?(?P<list>{CREDITED})"
    rf"(?:[^\S\n]*,?[^\S\n]*(?:19|20)\d{{2}})?(?=[^\S\n]*(?:[.,;|]|\n|\Z))"
)
# datelines and bracketed credits: "NIAMEY (Reuters) -", "BAMAKO, 3 March (AFP) –",
# "(AFP/Reuters) :", "… ont été tués. (AFP)", a line "(Reuters) The army said"
# a dateline's place, at a line's start: "NIAMEY", "Bobo-Dioulasso", "New Delhi" (every word
# capitalised), maybe with a country and a date after a comma ("Kano, Nigeria, June 9")
_DATELINE_PLACE = (
    rf"(?:^|(?<=\n)){_NO_NL}*(?:(?:[{UP}]{{2}}[{UP}'’. -]{{0,30}}?"
    rf"|[{UP}][\w'’.-]*(?:[ -][{UP}][\w'’.-]*){{0,3}})(?:,[^()/\n]{{1,30}}?)?{_NO_NL}*)?"
)
BRACKETED_CREDIT = _compile(
    rf"\(\s*(?P<list>{CREDITED})\s*\)(?:{_NO_NL}*[-–—:]|{_LINE_END})"
    rf"|{_DATELINE_PLACE}\(\s*(?P<list2>{CREDITED})\s*\)"
)
# a dateline's agency between slashes: "MOSCOW, March 3. /TASS/.", "Accra, May 2 /Xinhua/ --"
# (not a path's part: "…/Reuters/…", nor a list's: "AFP/Reuters/AP")
SLASHED_CREDIT = _compile(rf"(?<![\w:/.])/{_NO_NL}*(?P<list>{CREDITED}){_NO_NL}*/(?![\w/])")
# a sign-off at the end of a line: "… the army said. — AP", "- AFP", "-- Reuters"
SIGN_OFF = _compile(rf"(?<![\w-])[-–—]{{1,2}}{_NO_NL}*(?P<list>{_CREDITED_ANY}){_LINE_END}")
# a line holding nothing but the credit: "AFP", "Reuters / AFP", "Agencies" (agencies only)
CREDIT_LINE = _compile(rf"(?:^|(?<=\n)){_NO_NL}*(?P<list>{_CREDITED_ANY}){_LINE_END}")
# labelled credits: "Source : AFP", "Sources: Reuters, AFP", "Crédit : ANP"
LABELLED_CREDIT = _compile(
    rf"(?<![\w-])(?i:{_any(v.CREDIT_LABELS)}){_NO_NL}*:{_NO_NL}*(?P<list>{_CREDITED_ANY})"
)
# reporter credits: "Reporting by X and Y in Niamey; Editing by Z", "Additional reporting by AFP"
REPORTING_BY = _compile(
    rf"(?<![\w-])(?i:{_any(v.REPORTING_CREDITS_EN)}){_NO_NL}+(?P<list>{_REPORTER_LIST})"
)
# "X contributed reporting from Niamey", "The Associated Press contributed to this report",
# a line "AP writer X in Zinder, Niger, contributed."
CONTRIBUTED = _compile(
    rf"(?P<list>{_REPORTER_LIST}),?{_NO_NL}+(?i:{_any(v.CONTRIBUTED_EN)})"
    rf"(?:\s+(?:(?i:{_any(v.CONTRIBUTED_OBJECTS_EN)})(?![\w-])|(?i:to)\s+{_THIS_ARTICLE})"
    rf"|(?={_LINE_END}))"
)
# a French correspondent's credit line: "Avec notre correspondant à Niamey, X"
CORRESPONDENT_CREDIT = _compile(
    rf"(?:^|(?<=\n)){_NO_NL}*(?i:{_any(v.CORRESPONDENT_CREDITS_FR)})(?![\w-])"
    rf"[^,\n]{{0,60}},{_NO_NL}*(?P<list>{_REPORTER_LIST}){_LINE_END}"
)
# a writing credit opening a line, which a reporting credit may follow ("Written by X with
# reporting by Y")
BYLINE_OPENER = _compile(rf"(?i:{_any(v.BYLINE_OPENERS_EN)}){_NO_NL}+[{UP}]")
# an agency described, then named: "selon l'agence de presse Reuters", "a indiqué l'agence de
# presse nigérienne (ANP)", "according to the state news agency IRNA"; without a citing word
# before it, a media verb must follow ("the official news agency APS reported")
_DESC_WORD = (
    rf"(?:(?i:{_any(v.DESCRIPTION_ADJECTIVES)})|[{UP}]?[{LO}]+(?:ienne|ien|aise|ais|ian|ese|ish)"
    rf"|{NATIONALITY_FR})"
)
UNKNOWN_AGENCY = rf"(?:[{UP}]{{2,8}}|[{UP}][{LO}]+(?:[ -][{UP}][{LO}]+){{0,2}})(?![\w'’-])"
DESCRIBED_AGENCY = _compile(
    rf"(?:(?<![\w-])(?P<cue>{_MEDIA_CUES}|{ACCORDING}|{QUOTE_END}{SAY_INV})\s*)?"
    rf"(?<![\w'’-])(?:(?:à|to)\s+)?(?:[Ll]['’]|[Tt]he\s+|[Ll]a\s+|[Ll]e\s+|an?\s+|une?\s+)?"
    rf"(?P<desc>(?:{_DESC_WORD}\s+){{0,2}}(?i:{_any(v.AGENCY_DESCRIPTIONS)})"
    rf"(?:\s+{_DESC_WORD}){{0,2}})"
    rf"\s*(?:\(\s*(?P<list>{CREDITED}|{UNKNOWN_AGENCY})\s*\)|(?P<list2>{CREDITED}|{UNKNOWN_AGENCY}))"
)
# ... or named, then described, after a citing word: "told the PA news agency"
NAMED_THEN_DESCRIBED = _compile(
    rf"(?<![\w-])(?:{_MEDIA_CUES}|{ACCORDING})\s*(?:[Tt]he\s+|an?\s+|[{UP}][\w-]*['’]s\s+)?"
    rf"(?:{_DESC_WORD}\s+){{0,2}}(?!{_DESC_WORD}\s)(?P<list>{UNKNOWN_AGENCY})\s+"
    rf"(?P<desc>(?i:{_any(v.AGENCY_DESCRIPTIONS)}))(?![\w-])"
)
# in a quoted person's role, what makes the person an outlet's reporter: the outlet's own words
# ("notre envoyé spécial") or an outlet's name ("envoyé spécial de RFI")
OUR_ROLE = _compile(rf"(?<![\w'’-]){_any(v.OUR_WORDS)}(?![\w'’-])", re.IGNORECASE)
OUTLET_IN_ROLE = _compile(_MEDIA_NAME_ANY)
# an outlet whose person is named next, its possessive before the name (and role): "BBC
# Afrique's X said", "the BBC's West Africa correspondent Y said", "Reuters' Z reported"
OUTLET_POSSESSIVE = _compile(rf"(?P<outlet>{_MEDIA_NAME_ANY})['’]s?\s+(?:[{UP}][\w-]*\s+){{0,3}}$")
# a role's noun complement: a head after it is another person's ("fiancée of murdered journalist",
# "mère du journaliste")
COMPLEMENT_BEFORE = _compile(r"(?<![\w'’-])(?:(?:of|du|des|de)(?![\w'’-])|d['’])", re.IGNORECASE)
# a person named as of an outlet, after the name: "X, de la BBC,", "Y of the BBC said"
OUTLET_COMPLEMENT = _compile(
    rf"^,?\s*(?:of|from|at|de|du|d['’])\s*(?:(?:the|la|l['’])\s*)?{_MEDIA_NAME_ANY}\s*,?$"
)
# the word before a name that says the name is a noun's complement, not a speaker with a body
# after it: "wholesaler Fountain Fresh Import of Wisbech said", "the Constitutional Future of Wales"
NAME_AFTER_NOUN = _compile(rf"(?<![\w'’-])[{LO}][\w'’-]*\s+$")
# ... or a name's or a body's end, a determiner or a possessive: "Royal Swedish Academy of
# Sciences", "The National Gallery of Australia", "New York's Metropolitan Museum of Art"
NAME_AFTER_MORE = _compile(
    rf"(?:(?<![\w'’-])(?:[{UP}][\w'’-]*|(?i:the|a|an|its|their|this))|['’]s?)\s+$"
)
PRESS_WORD = _compile(rf"(?<![\w-])(?i:{_any(v.PRESS_WORDS)})(?![\w-])")
