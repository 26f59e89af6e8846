"""The words the cited-source patterns are made of, read from ``sources/data/citation_*.txt``.

Each list is one ``[section]`` of those files (see their comments); this module only names them.
The patterns that combine them are in :mod:`sahelreader.sources.citations.grammar`.
"""

from __future__ import annotations

from sahelreader.text.names import not_names
from sahelreader.text.wordlists import sections

_PACKAGE = "sahelreader.sources"
_VERBS = sections(_PACKAGE, "citation_verbs.txt")
_PEOPLE = sections(_PACKAGE, "citation_people.txt")
_ORGANISATIONS = sections(_PACKAGE, "citation_organisations.txt")
_MEDIA = sections(_PACKAGE, "citation_media.txt")
_DOCUMENTS = sections(_PACKAGE, "citation_documents.txt")


def _pairs(entries: list[str]) -> dict[str, str]:
    """ "key = value" entries as a mapping."""
    pairs: dict[str, str] = {}
    for entry in entries:
        key, sep, value = entry.partition(" = ")
        if not sep:
            raise ValueError(f"expected 'key = value', got {entry!r}")
        pairs[key.strip()] = value.strip()
    return pairs


# verbs and phrases of saying
ADVERBS_BEFORE_VERB = _VERBS["adverbs_before_verb"]
SAY_EN = _VERBS["say_en"]
SAY_AFTER_QUOTE_EN = _VERBS["say_after_quote_en"]
ORG_SAY_EN = _VERBS["org_say_en"]
SAY_PARTICIPLES_FR = _VERBS["say_participles_fr"]
SAY_PRESENT_FR = _VERBS["say_present_fr"]
SAY_AFTER_QUOTE_FR = _VERBS["say_after_quote_fr"]
AUXILIARIES_FR = _VERBS["auxiliaries_fr"]
ADVERBS_FR = _VERBS["adverbs_fr"]
ACCORDING_TO = _VERBS["according_to"]
NOT_SPEECH_AFTER = _VERBS["not_speech_after"]
STATEMENT_NOUNS = _VERBS["statement_nouns"]

# people
TITLES = _PEOPLE["titles"]
TITLES_FR = _PEOPLE["titles_fr"]
TITLE_ABBREVIATIONS = _pairs(_PEOPLE["title_abbreviations"])
HONORIFICS = frozenset(_PEOPLE["honorifics"])
NAME_PARTICLES = _PEOPLE["name_particles"]
ROLE_HEADS = _PEOPLE["role_heads"]
REPORTER_HEADS = frozenset(_PEOPLE["reporter_heads"])
REPORTER_HEADS_IF_OURS = frozenset(_PEOPLE["reporter_heads_if_ours"])
OUR_WORDS = _PEOPLE["our_words"]
OFFICE_HEADS = _PEOPLE["office_heads"]
OFFICE_HINTS = tuple(_PEOPLE["office_hints"])
NOT_NAMES = frozenset(not_names()) | frozenset(_PEOPLE["not_names"])  # shared ones, then ours
NOT_PERSON_WORDS = frozenset(_PEOPLE["not_person_words"])
TITLE_WORDS = frozenset(_PEOPLE["title_words"])
ANONYMOUS_SOURCES_EN = _PEOPLE["anonymous_sources_en"]
ANONYMOUS_SOURCES_FR = _PEOPLE["anonymous_sources_fr"]
NOT_ROLE_START = _PEOPLE["not_role_start"]
NOT_IN_ROLE = _PEOPLE["not_in_role"]
ROLE_SKIP = frozenset(_PEOPLE["role_skip"])
ROLE_RANKS = frozenset(_PEOPLE["role_ranks"])
ROLE_LEADING_WORDS = _PEOPLE["role_leading_words"]
ROLE_END_WORDS = _PEOPLE["role_end_words"]
OBJECT_PREPOSITIONS = _PEOPLE["object_prepositions"]
UNNAMED_DETERMINERS = _PEOPLE["unnamed_determiners"]
UNNAMED_DETERMINERS_AFTER = _PEOPLE["unnamed_determiners_after"]
NAME_CONNECTORS_BEFORE = _PEOPLE["name_connectors_before"]

# institutions
ORG_HEADS_EN = _ORGANISATIONS["org_heads_en"]
ORG_HEADS_FR = _ORGANISATIONS["org_heads_fr"]
PROPER_ORG_HEADS = _ORGANISATIONS["proper_org_heads"]
ORG_MODIFIERS = _ORGANISATIONS["org_modifiers"]
ORG_ADJECTIVES_FR = _ORGANISATIONS["org_adjectives_fr"]
ORG_MODIFIERS_NOT_NAMING = frozenset(_ORGANISATIONS["org_modifiers_not_naming"])
ORG_ADJECTIVES_FR_NOT_NAMING = frozenset(_ORGANISATIONS["org_adjectives_fr_not_naming"])
PORTFOLIO_HEADS_FR = frozenset(_ORGANISATIONS["portfolio_heads_fr"])
ORG_HINTS = tuple(_ORGANISATIONS["org_hints"])
ORG_CUES_BEFORE = _ORGANISATIONS["org_cues_before"]
ORG_DESCRIPTORS = _ORGANISATIONS["org_descriptors"]

# media
MEDIA_FILLERS = _MEDIA["media_fillers"]
MEDIA_CUES = _MEDIA["media_cues"]
OUTLET_NAME_ENDS = _MEDIA["outlet_name_ends"]
OUTLET_NAME_NOT_NAMES = frozenset(_MEDIA["outlet_name_not_names"])
MEDIA_CUE_AUXILIARIES_FR = _MEDIA["media_cue_auxiliaries_fr"]
MEDIA_CUE_PARTICIPLES_FR = _MEDIA["media_cue_participles_fr"]
MEDIA_CUE_PARTICIPLES_BY_FR = _MEDIA["media_cue_participles_by_fr"]
STATE_MEDIA_NOUNS_FR = _MEDIA["state_media_nouns_fr"]
STATE_MEDIA_ADJECTIVES_FR = _MEDIA["state_media_adjectives_fr"]
MEDIA_WORDS_AFTER = _MEDIA["media_words_after"]
MEDIA_VERBS_AFTER = _MEDIA["media_verbs_after"]
NATIONALITY_ENDINGS_FR = _MEDIA["nationality_endings_fr"]
NATIONALITY_ADJECTIVES_FR = _MEDIA["nationality_adjectives_fr"]
MEDIA_STAFF = _MEDIA["media_staff"]
PASSIVE_PARTICIPLES_EN = _MEDIA["passive_participles_en"]
PARTITIVE_WORDS = _MEDIA["partitive_words"]

# documents
DOCUMENTS_EN = _DOCUMENTS["documents_en"]
DOCUMENTS_FR = _pairs(_DOCUMENTS["documents_fr"])
DOCUMENT_VERBS_EN = _DOCUMENTS["document_verbs_en"]
DOCUMENT_ADJECTIVES_FR = _DOCUMENTS["document_adjectives_fr"]

# wire credits
_CREDITS = sections(_PACKAGE, "citation_credits.txt")
ARTICLE_NOUNS = _CREDITS["article_nouns"]
ARTICLE_DETERMINERS = _CREDITS["article_determiners"]
ARTICLE_DETERMINERS_FR = _CREDITS["article_determiners_fr"]
ARTICLE_NOUNS_FR = _CREDITS["article_nouns_fr"]
CREDIT_PREPOSITIONS_EN = _CREDITS["credit_prepositions_en"]
CREDIT_PREPOSITIONS_FR = _CREDITS["credit_prepositions_fr"]
CREDIT_JOINERS = _CREDITS["credit_joiners"]
REPORTING_CREDITS_EN = _CREDITS["reporting_credits_en"]
CONTRIBUTED_EN = _CREDITS["contributed_en"]
CONTRIBUTED_OBJECTS_EN = _CREDITS["contributed_objects_en"]
STAFF_ROLES_EN = _CREDITS["staff_roles_en"]
CORRESPONDENT_CREDITS_FR = _CREDITS["correspondent_credits_fr"]
BYLINE_OPENERS_EN = _CREDITS["byline_openers_en"]
WITH_CREDITS = _CREDITS["with_credits"]
BYLINE_WORDS = _CREDITS["byline_words"]
NEWSROOM_WORDS = _CREDITS["newsroom_words"]
CREDIT_LABELS = _CREDITS["credit_labels"]
UNNAMED_AGENCIES = _CREDITS["unnamed_agencies"]
AGENCY_DESCRIPTIONS = _CREDITS["agency_descriptions"]
PRESS_WORDS = _CREDITS["press_words"]
DESCRIPTION_ADJECTIVES = _CREDITS["description_adjectives"]
CREDIT_TRIGGERS = _CREDITS["credit_triggers"]
