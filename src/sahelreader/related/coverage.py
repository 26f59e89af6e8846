"""The side panel of related sources: what an article cites, other coverage of the same story,
and its links.

Related coverage is found in two steps:

1. **Candidates** — one Whoosh query, OR-ing the article's most distinctive terms (Bo1 key terms
   of title + body, the way `more_like_this` picks them, but in the article's stemmed fields, in
   both title and body, and without terms that are in too many documents: they cost the most and
   say the least) with the tokens of its most distinctive named entities (`entity` field, so an
   article in another language can still be found). The article itself is not masked: its own
   score is the scale for the others' (`mlt` = score / own score, in 0..1).
2. **Re-scoring** — the candidates' entities come from the store's cache in one query; the
   combined score is ``(W_MLT * mlt + W_ENTITY * entities) * time`` where `entities` saturates
   with the idf-weighted mass of the entities both articles name (people and organisations
   count more than places; a country named in half the library counts almost nothing) and
   `time` falls off with the days between the two (undated: neutral). The titles count too:
   the idf mass of the distinctive words both share (`W_TITLE`).
3. **Evidence** — one shared word is not a story: a candidate needs two of the article's key
   words (or a weighty name and a title word); round-ups (live pages, papers reviews, bulletins)
   on either side need two shared title words; a short text (a feed's summary) needs a shared
   title word or a weighty name. Function words of languages without stemmed fields are never
   key words. If the best item is below `MIN_SCORE` nothing is shown (an empty list is better
   than filler); otherwise items down to max(`SCORE_FLOOR`, `RELATIVE_CUT` x best) are. An
   item that also gives the same count of the same thing ("20 years") and a title word that
   is no name within the week is shown under these bars (`_corroborated`: short summaries of
   one event score low on text).
4. **Other outlets only** — the list is other outlets' coverage of the story; the article's
   own outlet's pieces are never in it (review 12: a DW article listed DW under "Other
   coverage"). They are listed apart, as "more from this outlet"
   (`Related.more_from_outlet`): those with clearly more evidence (`SAME_SOURCE_TITLE_TERMS`
   shared distinctive title words *and* a score of `SAME_SOURCE_MIN_SCORE`) first, then the
   others passing the evidence that also share a specific name or a telling number and a
   distinctive title word (`_follow_up`): its follow-ups, days later too (judged before the
   time factor). An item
   from the article's own source is most often the same outlet's next piece on a running topic
   (the same names, words and day, a different event), hence the stronger bars.
5. **Other languages** — an English and a French report of one event share almost no words,
   so their text similarity is near zero and they rarely share "key words". For a candidate in
   another language the text similarity is replaced by the language-independent evidence
   (`features`): the names both give, compared by canonical name (ECOWAS = CEDEAO, a person by
   surname), and the numbers both give ("12 soldiers" / "12 soldats"). Names alone make a
   topic, so it must share a weighty person or organisation, and a number or a third name,
   at most `CROSS_MAX_DAYS` apart (the countries and capitals among them count as one name,
   `_where_once`: a country, its capital and its head of state are in most of its news);
   or, where the recogniser found little (a one-line summary), two rare capitalised names
   both give (`_ProperWords`: "RWE", "Sinwar"; a country's or capital's words again count
   as one). When either is undated (an imported file, a page without a date):
   `CROSS_UNDATED_NAMES` specific names, most of those of the one naming fewer, one of them in
   both titles, and a telling number.
6. **Undated** — with either undated (an archive imported without dates) nothing tells the
   event from the outlet's series on its topic (an interview, a vote, an explainer naming the
   same people), so an item also needs a telling number both give or titles saying the same
   thing (`_undated_evidence`); listed as one of the outlet's follow-ups it needs two shared
   title words that are not names and a specific name.
7. **Specific evidence** — a name as common as "Iran", "US" or "Trump" and a topic's words
   make a topic, not an event: a same-language item also needs two pieces among specific
   names (rare in the library: `SPECIFIC_IDF`), a shared number of two digits or more and
   distinctive title words that are not names (`_specific_evidence`). And names, however
   rare, make a topic too (an interview naming a war's two sides and a report of a strike in
   that war): it also needs what happened, a key word of the article that is no word of a
   name either gives (a recognised one or a capitalised word within a sentence), a telling
   number, or `EVENT_NAMES` specific names (`_event_evidence`). An undated piece of the
   outlet's own is listed apart only when the titles say the same thing (`_follow_up`).

Near-duplicates (the same wire copy in two outlets) are found by word-shingle overlap of the
first words of the bodies (`duplicates`); a near-copy from the article's own source is left out
altogether.

Everything read comes in a `RelatedInputs` (`inputs`): the article, the index's searcher, the
stored candidates and the entity lookups; nothing here reaches back into the Library.

Core module: no UI imports.
"""

from __future__ import annotations

import heapq
import math
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from functools import cache, lru_cache

from sahelreader.entities.summary import group_entities, name_key
from sahelreader.models import Article, Entity
from sahelreader.related.duplicates import Shingles, near_duplicate, same_source
from sahelreader.related.feature_cache import content_key
from sahelreader.related.features import (
    LEDE_CHARS,
    clashing_surnames,
    given_names,
    number_value,
    numbers_in,
    outlet_words,
    rarity_base,
    stop_words,
)
from sahelreader.related.inputs import Document, RelatedInputs, Searcher
from sahelreader.related.result import Coverage, Related
from sahelreader.related.term_stats import term_stats
from sahelreader.related.url_ids import Gap, Timelines
from sahelreader.search.analysis import STEMMED_LANGUAGES
from sahelreader.sources import extract_citations, extract_links
from sahelreader.sources.citations.lexicon import agency_names
from sahelreader.sources.organisation_names import other_names
from sahelreader.text.fold import fold

__all__ = [
    "Coverage",
    "Related",
    "RelatedInputs",
    "Shingles",
    "near_duplicate",
    "related",
]

# -- tuning (bench/related_eval.py; bench/related_judgements*.md, round2 = held-out) -----
NUMTERMS = 24  # distinctive terms taken from the article's text
ENTITY_TERMS = 8  # entities whose tokens join the candidate query
CANDIDATES = 40  # candidates re-scored, by text similarity...
ENTITY_CANDIDATES = 10  # ...and by shared entity tokens
CROSS_CANDIDATES = 5  # ...and, of those, the best in other languages
MAX_DF_SHARE = 0.04  # a term in more than this share of documents is not searched for...
MAX_DF_FLOOR = 40  # ...unless it is in fewer than this many (small libraries)
TITLE_WEIGHT = 1.0  # a key term found in a title, vs in a body
SATURATION = 1.2  # term-frequency saturation (BM25's k1)
ENTITY_BOOST = 1.5  # weight of entity tokens in the candidate query, vs the best key term
W_MLT = 0.55
W_ENTITY = 0.25
W_TITLE = 0.2  # distinctive words the two titles share, idf-weighted
IDF_POWER = 2.0  # sharpens idf: a name in 5 % of the library counts ~1/10 of a name in 20 docs
ENTITY_SCALE = 1.0  # shared entity mass giving 1 - 1/e of the entity score
TYPE_WEIGHT = {"person": 1.5, "organisation": 1.25, "place": 1.0}
TIME_HALF_LIFE_DAYS = 2.0  # days apart at which the time factor is halfway to its floor
TIME_FLOOR = 0.5  # time factor for articles very far apart (a visit announced, its speech)
TIME_UNDATED = 0.8  # neutral: about a day and a half apart
MIN_SCORE = 0.35  # the best item must score this much, or nothing is shown...
SCORE_FLOOR = 0.3  # ...and then the others this much...
RELATIVE_CUT = 0.65  # ...and this share of the best item's score
MIN_KEY_TERMS = 2  # key words shared, unless a weighty name and a title word are
STRONG_NAME_WEIGHT = 0.3  # a shared person or organisation at least this heavy is "weighty"
ROUNDUP_TITLE_TERMS = 2  # title words a round-up must share with the other article
SHORT_TEXT_WORDS = 60  # a body shorter than this needs a shared title word or weighty name
SAME_SOURCE_TITLE_TERMS = 2  # an item from the article's own outlet must share these title words
SAME_SOURCE_MIN_SCORE = 0.55  # ...and score this much
OUTLET_LIMIT = 5  # "more from this outlet": the outlet's own pieces with the evidence
CROSS_MIN_NAMES = 2  # distinctive names a report in another language must share...
CROSS_MIN_NAME_WEIGHT = 0.05  # ...each at least this heavy (a name in ~half the library: ~0)
CROSS_MAX_DAYS = 4.0  # ...at most this many days apart
CROSS_NUMBER_MASS = 0.4  # a shared number (not a year, not 0 or 1) counts as this much mass
CROSS_SCALE = 1.0  # shared mass giving 1 - 1/e of a cross-language candidate's similarity
OUTLET_MAX_DAYS = 7.0  # "more from this outlet": its pieces this many days apart at most
SPECIFIC_IDF = 0.5  # a name with this normalised idf or more is specific (in <= ~sqrt(N) docs)
NUMBER_MIN_DIGITS = 2  # a shared number tells events apart from this many digits
EVIDENCE_PIECES = 2  # specific names, a telling number, title words: pieces needed
CROSS_UNDATED_NAMES = 3  # specific names an undated report in another language must share...
CROSS_PROPER_MASS = 1.0  # weight of the capitalised names a report in another language shares
CROSS_SAME_DAY = 1.0  # ...or, within this many days, with a name in both titles and a number,
CROSS_SAME_DAY_MASS = 0.6  # ...this weight
CROSS_UNDATED_SHARE = 0.5  # ...this share of the specific names of the one naming fewer
UNDATED_TITLE_SIM = 0.8  # either undated: a telling number, or titles sharing this much
UNDATED_OUTLET_TITLE_WORDS = 2  # "more from this outlet", undated: title words (not names)
SAME_HEADLINE_DAYS = 1.0  # another outlet's headline saying the same, this close...
SAME_HEADLINE_SIM = 0.8  # ...sharing this share of the lighter title's distinctive words...
SAME_HEADLINE_TERMS = 3  # ...and this many of them, is evidence without a specific name
EVENT_WORDS = 1  # same language: key words that are no names (what happened)...
EVENT_NAMES = 3  # ...or this many specific names shared
OUTLET_CYCLE_DAYS = 2.0  # "more from this outlet": past this, two shared title words
CORROBORATED_MAX_DAYS = 7.0  # a telling number and a title word shared this many days apart...
CORROBORATED_FLOOR = 0.2  # ...show an item down to this score, under the bars
# Either undated, both urls of one id family (`url_ids`): the estimated days apart are time
# evidence, with their margin. At least this many days apart (the gap less its margin), they are
# no coverage of one event (judged undated BBC pairs: 2 of 30 same-event pairs have an
# estimated gap over 14 days, 23 of 39 other pairs)...
ESTIMATED_FAR_DAYS = 14.0
# ...and at most this many (the gap plus its margin), they are dated by the gap: the dated
# rules apply as if they were that farthest gap apart (judged on the gap less its margin, 17
# items more were shown on seed 20, 7 of them right).
ESTIMATED_NEAR_DAYS = 7.0


def related(inputs: RelatedInputs, limit: int = 10) -> Related:
    """Everything the side panel shows for one article."""
    article = inputs.article
    coverage, from_outlet = coverage_and_outlet(inputs, limit)
    searcher = inputs.searcher()
    searched = None
    if searcher is not None:  # the other articles the index holds
        own = searcher.document_number(id=article.id) is not None
        searched = max(0, searcher.reader().doc_count() - own)
    return replace(
        text_sources(article), coverage=coverage, more_from_outlet=from_outlet, searched=searched
    )


def text_sources(article: Article) -> Related:
    """What the side panel shows from the article's text alone, with no other coverage:
    whom it cites and its links (`searched` None: the index was not asked)."""
    return Related(
        extract_citations(article.body, article.language or None),
        [],
        article_links(article),
        undated=article.published is None,
    )


def article_links(article: Article) -> list[str]:
    """The article's own url first (when http or https), then the links in its body."""
    found: list[str] = []
    if re.match(r"https?://", article.url or "", re.IGNORECASE):
        found.append(article.url)
    for url in extract_links(article.body):
        if url not in found:
            found.append(url)
    return found


# -- related coverage ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Name:
    display: str
    type: str
    key: tuple[str, ...]
    # The keys of every form the article writes it in (the name and its acronym), `key`
    # among them: another article may give only the form this one does not show.
    keys: frozenset[tuple[str, ...]]


@dataclass
class _Candidate:
    """One candidate and the evidence that it is on the article's story."""

    id: str
    document: Document
    shingles: Shingles
    duplicate: bool
    published: datetime | None
    mlt: float  # text similarity, 0..1 of the article's own score
    entity_score: float  # 0..1
    shared: list[str]  # shared names, heaviest first
    strong_name: bool  # a shared person or organisation with real weight
    terms: int  # distinct key words of the article found in it
    title_terms: int  # distinctive words the two titles share
    title_sim: float  # their idf mass, over the lighter title's
    time: float  # time factor
    roundup: bool  # a live page, a papers review, a bulletin
    words: int  # of its body
    same_source: bool  # from the article's own outlet
    other_language: bool = False  # both languages known, and not the same
    names: int = 0  # distinctive names shared (CROSS_MIN_NAME_WEIGHT or heavier)
    name_places: int = 0  # ...of them countries and capitals (`_where_keys`)
    numbers: int = 0  # numbers shared
    counted: int = 0  # ...of them with the same counted word ("20 years", "20-year")
    days: float | None = None  # days apart; None when either is undated
    estimated_days: float | None = None  # either undated: days apart by their urls' ids
    specific: int = 0  # shared names rare in the library (SPECIFIC_IDF)
    specific_where: int = 0  # ...of them capitals
    title_name: bool = False  # one of them is named in both titles
    proper_words: int = 0  # capitalised names both give, with a rare word (other language)
    proper_places: int = 0  # ...of them a country's or a capital's words
    proper_in_titles: bool = False  # one of them in both titles
    proper_mass: float = 0.0  # their weights (each name's heaviest word)
    specific_share: float = 0.0  # of the specific names of the one naming fewer (cross, undated)
    title_words: int = 0  # shared distinctive title words that are not names
    event_words: int = 0  # shared key words that are no word of either's names
    score: float = 0.0


def find_coverage(inputs: RelatedInputs, limit: int = 10) -> list[Coverage]:
    """Other coverage of the article's story, best first (near-duplicates marked)."""
    return coverage_and_outlet(inputs, limit)[0]


def coverage_and_outlet(
    inputs: RelatedInputs, limit: int = 10
) -> tuple[list[Coverage], list[Coverage]]:
    """Other coverage of the article's story, best first (near-duplicates marked), and the
    article's own outlet's other pieces with evidence of the story that did not make the bar
    for the first list ("more from this outlet"), best first."""
    if limit <= 0:
        return [], []
    article = inputs.article
    roundup = is_roundup(article.title)
    words = len(article.body.split())
    on_story = [c for c in _candidates(inputs) if _evidence(c, roundup, words)]
    # Whether the story has coverage at all is judged before the outlet's own pieces are set
    # aside: a strong follow-up from the same outlet still vouches for the others.
    story_best = max((c.score for c in on_story if not c.duplicate), default=0.0)
    # The article's own outlet is never "other coverage": its pieces with the evidence of a
    # strong item are listed apart first, then its follow-ups (`_follow_up`).
    kept = sorted((c for c in on_story if not c.same_source), key=lambda c: -c.score)
    from_outlet = sorted(
        (
            c
            for c in on_story
            if c.same_source
            and not _outlet_weeks_apart(c)
            and (_retitled_copy(c) if c.duplicate else not _held_back(c) or _follow_up(c))
        ),
        key=lambda c: (_held_back(c), -c.score),
    )
    # One revision from two of the outlet's feeds: listed once.
    listed: list[_Candidate] = []
    for candidate in from_outlet:
        if not candidate.duplicate or not any(
            other.duplicate and near_duplicate(candidate.shingles, other.shingles)
            for other in listed
        ):
            listed.append(candidate)
    from_outlet = listed[:OUTLET_LIMIT]
    if story_best < MIN_SCORE:
        kept = [c for c in kept if c.duplicate or _corroborated(c)]
    else:
        # Each item against the best of its kind: a report in another language is scored on
        # the names and numbers it shares, another scale than a same-language text's, and
        # must not push the other outlets' reports in the article's language under the bar.
        best = {
            other: max(
                (c.score for c in kept if not c.duplicate and c.other_language == other),
                default=0.0,
            )
            for other in (False, True)
        }
        kept = [
            c
            for c in kept
            if c.duplicate
            or _corroborated(c)
            or c.score >= max(SCORE_FLOOR, RELATIVE_CUT * best[c.other_language])
        ]
    shown: list[_Candidate] = []
    for candidate in kept:
        # One outlet publishing the same copy twice: show it once.
        if any(
            same_source(candidate.document.source, s.document.source)
            and near_duplicate(candidate.shingles, s.shingles)
            for s in shown
        ):
            continue
        shown.append(candidate)
        if len(shown) >= limit:
            break
    return [_coverage(c) for c in shown], [_coverage(c) for c in from_outlet]


def _corroborated(c: _Candidate) -> bool:
    """Another outlet's report that passed the evidence and also gives the same count of the
    same thing as the article ("20 years" / "20-year" for one surgeon, "50% tariffs"
    threatened then suspended: a telling number and the word after it, `_counted_things`)
    and a distinctive title word that is no name, within the week. Short feed summaries of
    one event share few words and no name the recogniser finds, so their text score stays
    under the bar; a bare shared number is not enough (12 villagers in one attack, 12
    soldiers in another)."""
    return (
        not c.other_language
        and c.days is not None
        and c.days <= CORROBORATED_MAX_DAYS
        and c.counted >= 1
        and c.title_words >= 1
        and c.score >= CORROBORATED_FLOOR
    )


def _coverage(c: _Candidate) -> Coverage:
    return Coverage(
        id=c.id,
        title=c.document.title,
        source=c.document.source,
        published=c.published,
        score=round(c.score, 4),
        shared_entities=tuple(c.shared),
        near_duplicate=c.duplicate,
        language=c.document.language,
    )


def _follow_up(c: _Candidate) -> bool:
    """One of the outlet's own pieces worth listing apart (it passed `_evidence`): an
    outlet's pieces on a running topic share its common names and words ("Trump",
    "tariffs"), so a follow-up also shares a specific name or a telling number; scored before
    the time factor (a follow-up days later is still one), but past the news cycle
    (OUTLET_CYCLE_DAYS) it repeats two title words, and at most OUTLET_MAX_DAYS apart.
    Undated (an archive imported without dates), an outlet's series on a topic (interviews,
    explainers, votes naming the same people) is told from a follow-up by its title only:
    two distinctive title words in common that are not names, a specific name, and titles
    saying the same thing (UNDATED_TITLE_SIM)."""
    if _what_specific(c) < 1 and c.numbers < 1:
        return False
    # An outlet's pieces on a running topic (an election's candidates, parties, debate and
    # polls) name the same rare people and bodies, the same day; what each is about is in its
    # title, and a follow-up's shares a distinctive word with the article's. A name counts:
    # asking for a word that is no name (review 16) dropped right items as often as wrong
    # ones, and the only right item of two articles of round 9's fresh sample.
    if c.title_terms < 1:
        return False
    if c.days is None:
        if _what_specific(c) < 1 or c.title_words < UNDATED_OUTLET_TITLE_WORDS:
            return False
        # An outlet's series names the same people and repeats the topic's title words:
        # only titles saying the same thing (UNDATED_TITLE_SIM) tell its follow-ups.
        if c.title_sim < UNDATED_TITLE_SIM:
            return False
    elif c.days > OUTLET_MAX_DAYS:
        return False
    elif c.days > OUTLET_CYCLE_DAYS and c.title_terms < SAME_SOURCE_TITLE_TERMS:
        return False
    return c.score / max(c.time, TIME_FLOOR) >= SCORE_FLOOR


def _retitled_copy(c: _Candidate) -> bool:
    """The outlet's own copy of the article under another title within the news cycle
    (OUTLET_CYCLE_DAYS, and a revision: `_candidates` keeps no other), the titles sharing
    SAME_SOURCE_TITLE_TERMS distinctive words: the report updated as the news moved ("More
    than 150 earthquakes..." on Saturday, "More than 600 small earthquakes..." on Sunday, one
    text revised), or a video page over the report's words; the other version is worth
    reading. The same text under titles sharing less is a
    template (a newsletter's editor's note over pieces on China's media and its ambassadors);
    further apart or undated, a series' ("Week in pictures: 5 - 11 June", then 12 - 18). The
    same title again is a second feed's copy, never listed (`_candidates`)."""
    return c.duplicate and c.title_terms >= SAME_SOURCE_TITLE_TERMS


def _revised(
    article: Article, doc: Document, mine_title: frozenset[str], title_words: _TitleWords
) -> bool:
    """Whether the outlet's near-copy of the article is a revision of it: its text changed
    (the same teaser or paywall text over two reports is no revision) and its title says
    something the article's does not, or the other way round (a full stop, the outlet's name
    or other punctuation more is a second feed's copy)."""
    if " ".join(article.body.split()) == " ".join(doc.body.split()):
        return False
    outlet = title_words.of(doc.source)
    return (mine_title - outlet) != (title_words.of(doc.title) - outlet)


def _outlet_weeks_apart(c: _Candidate) -> bool:
    """Either undated, their urls' ids put the outlet's two pieces more than OUTLET_MAX_DAYS
    apart (the estimate, not its margin): the outlet's next piece on a running dispute (the
    strike's dates, then its hospitals, then new dates), not a follow-up. (Dated pieces that
    far apart are not listed either: `_follow_up` refuses them, and their time factor keeps
    them under SAME_SOURCE_MIN_SCORE.)"""
    return c.days is None and c.estimated_days is not None and c.estimated_days > OUTLET_MAX_DAYS


def _held_back(c: _Candidate) -> bool:
    """An item from the article's own outlet needs more: its other pieces on a running topic
    share names, words and the day (SAME_SOURCE_TITLE_TERMS title words, SAME_SOURCE_MIN_SCORE)."""
    return c.same_source and (
        c.title_terms < SAME_SOURCE_TITLE_TERMS or c.score < SAME_SOURCE_MIN_SCORE
    )


def _evidence(c: _Candidate, roundup: bool, words: int) -> bool:
    """Enough evidence, beyond one shared word, that the candidate is on the same story.

    - at least MIN_KEY_TERMS of the article's key words, unless the two share a person or an
      organisation of weight *and* a title word;
    - a round-up (live page, papers review, bulletin) on either side: a shared title, too;
    - a short text on either side (a feed's one-line summary): a title word or a weighty name.
    """
    if c.duplicate:
        return True
    if c.other_language:
        # A live page in another language shares no title words: a name in both titles.
        if (roundup or c.roundup) and not (c.proper_in_titles or c.title_name):
            return False
        return _cross_language_evidence(c)
    if c.terms < MIN_KEY_TERMS and not (c.strong_name and c.title_terms >= 1):
        return False
    if not _specific_evidence(c):
        return False
    if not _event_evidence(c):
        return False
    if not _undated_evidence(c):
        return False
    if (roundup or c.roundup) and c.title_terms < ROUNDUP_TITLE_TERMS:
        return False
    short = min(words, c.words) < SHORT_TEXT_WORDS
    return not (short and c.title_terms == 0 and not c.strong_name)


def _specific_evidence(c: _Candidate) -> bool:
    """Evidence beyond one shared common name: two pieces among specific (rare) names, a
    shared number of two digits or more, and distinctive title words that are not names (at
    most two of them count), with at least one specific name or two such title words. Reports
    sharing only "Iran", "US" or "Trump" and the words of a topic are other events."""
    specific = _what_specific(c)
    pieces = specific + min(1, c.numbers) + min(2, c.title_words)
    if pieces >= EVIDENCE_PIECES and (specific >= 1 or c.title_words >= 2):
        return True
    return _same_headline(c)


def _same_headline(c: _Candidate) -> bool:
    """Another outlet's headline saying what the article's says, within a day: most of the
    lighter title's distinctive words (SAME_HEADLINE_SIM), SAME_HEADLINE_TERMS of them, one
    no name ("X 'disappointed' by Y's bill" twice, hours apart). The names of such a story are
    the most written of the month, so none is specific, and one-line summaries give little
    else; an outlet's own pieces on one topic repeat its title words, so not from the outlet."""
    return (
        not c.same_source
        and c.days is not None
        and c.days <= SAME_HEADLINE_DAYS
        and c.title_sim >= SAME_HEADLINE_SIM
        and c.title_terms >= SAME_HEADLINE_TERMS
        and c.title_words >= 1
    )


def _what_specific(c: _Candidate) -> int:
    """The specific names shared, a capital counted only beside another one or when both
    titles name it: a capital is named in most of its country's news (its government, its
    datelines), so "Seoul" and a title word ("battle") were an election preview and a
    baseball match the same day; "fire destroys Bamako's market" and "blaze at Bamako
    market" are one fire."""
    what = c.specific - c.specific_where
    if not what and c.specific_where and c.title_name:
        return 1  # the capital in both titles: where the event is
    return what + (min(1, c.specific_where) if what else 0)


def _event_evidence(c: _Candidate) -> bool:
    """Names, however rare, make a topic: a piece on what a minister said and one on a
    strike share the minister, the country and its enemy. A same-language item also needs
    what happened: a key word of the article that is no word of a name either gives
    (EVENT_WORDS), or a telling number, or many specific names (EVENT_NAMES: a club, its
    coach and his next club)."""
    return c.event_words >= EVENT_WORDS or c.numbers >= 1 or _what_specific(c) >= EVENT_NAMES


def _undated_evidence(c: _Candidate) -> bool:
    """When either is undated nothing tells a piece on the event from the same outlet's
    series on its topic (an interview, a vote, an explainer naming the same people): it also
    needs a telling number both give, or titles saying the same thing (UNDATED_TITLE_SIM of
    the lighter title's distinctive words shared, one of them not a name)."""
    if c.days is not None:
        return True
    return c.numbers >= 1 or (c.title_sim >= UNDATED_TITLE_SIM and c.title_words >= 1)


def _cross_language_evidence(c: _Candidate) -> bool:
    """A report in another language shares names and numbers, not words. Names alone make a
    topic (a club, its league, its rival), so it needs a weighty person or organisation, and
    a shared number or a third name, within CROSS_MAX_DAYS. Undated, nothing says it is the
    same event rather than the same topic: football pages in two languages share clubs,
    players and scores (undated BBC and BBC Afrique pages of MasakhaNEWS: a looser rule linked
    38 French pages to English ones, most of a sample by eye topic matches). So undated, it
    takes several specific names and a telling number."""
    if c.days is None:
        # Undated (an imported file, a page without a date): only a closer match will do,
        # several specific names and a telling number (a topic's clubs and coach share names,
        # rarely a count), and most of the specific names of the one that names fewer (a
        # round of league matches names every club; one match report, two of them), one of
        # them in both titles (what a report is about, its translation keeps in its title).
        return (
            c.specific >= CROSS_UNDATED_NAMES
            and c.numbers >= 1
            and c.specific_share >= CROSS_UNDATED_SHARE
            and c.title_name
        )
    if c.days > CROSS_MAX_DAYS:
        return False
    if c.names >= CROSS_MIN_NAMES and c.strong_name:
        # The third name must say more than where: a country, its capital and its head of
        # state are named together in most of that country's news (a summit in the capital
        # and a trial there two days later), so the places count as one name.
        return c.numbers >= 1 or _where_once(c.names, c.name_places) > CROSS_MIN_NAMES
    # The recogniser finds little in a one-line summary, or in a language it knows less:
    # the rare capitalised words both give (RWE, Sinwar, Scouarnec) stand for the names.
    # Two names at least, together as heavy as two rather rare ones (a name in a tenth of
    # the library weighs ~0.4: "Gaza" and "Netanyahu" in a month of Middle East news).
    if c.proper_words < CROSS_MIN_NAMES:
        return False
    if c.proper_mass >= CROSS_PROPER_MASS:
        return (
            c.numbers >= 1
            or _where_once(c.proper_words, c.proper_places) > CROSS_MIN_NAMES
            or c.proper_in_titles
        )
    # Lighter names will do on the same day with a name in both titles and a telling number
    # both give: "12 soldiers killed near Djibo" and "12 soldats tués près de Djibo" in a
    # library where Djibo and Burkina Faso are not rare enough to weigh 1 together.
    return (
        c.days <= CROSS_SAME_DAY
        and c.proper_in_titles
        and c.numbers >= 1
        and c.proper_mass >= CROSS_SAME_DAY_MASS
    )


def _other_language_docs(searcher: Searcher, language: str, docs: Iterable[int]) -> list[int]:
    """Those of `docs` (document numbers) in a known language other than `language`."""
    if not language:
        return []
    reader = searcher.reader()
    languages = [t.decode() if isinstance(t, bytes) else t for t in reader.lexicon("language")]
    others = [lang for lang in languages if lang not in (language, "unknown")]
    if not others:
        return []
    # Each language's documents are read once per index reader, not once per article.
    stats = term_stats(searcher)
    mine = stats.language_docs(searcher, language)
    unknown = stats.language_docs(searcher, "unknown")
    return [d for d in docs if d not in mine and d not in unknown]


def _near_in_time(searcher: Searcher, docs: list[int], when: datetime, days: float) -> list[int]:
    """Those of `docs` (document numbers) undated or at most `days` from `when`."""
    from whoosh.util.times import datetime_to_long

    stats = term_stats(searcher)
    if when.tzinfo is not None:  # the index keeps UTC without its zone
        when = when.astimezone(timezone.utc)
    at = datetime_to_long(when.replace(tzinfo=None))
    window = int(days * 86_400 * 1_000_000)
    kept = []
    for docnum in docs:
        published = stats.published(docnum)
        if published is None or abs(published - at) <= window:
            kept.append(docnum)
    return kept


def _days_apart(a: datetime | None, b: datetime | None) -> float | None:
    if a is None or b is None:
        return None
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return abs((a - b).total_seconds()) / 86_400.0


class _Gaps:
    """Either undated: the days between the article and a candidate estimated from their
    urls' ids, when both are of one id family with a timeline (`url_ids`). The timelines are
    asked for once per article, when a candidate first needs them."""

    def __init__(self, inputs: RelatedInputs) -> None:
        self._inputs = inputs
        self._timelines: Timelines | None = None

    def between(self, article: Article, doc: Document) -> Gap | None:
        if self._inputs.timelines is None or not article.url or not doc.url:
            return None
        if article.published is not None and doc.published is not None:
            return None
        if self._timelines is None:
            self._timelines = self._inputs.timelines()
        if not self._timelines:
            return None
        return self._timelines.gap((article.url, article.source), (doc.url, doc.source))


def _other_language(mine: str, theirs: str) -> bool:
    return bool(mine) and bool(theirs) and mine != theirs


def _candidates(inputs: RelatedInputs) -> list[_Candidate]:
    """Every candidate for the article's coverage, scored, with the evidence for it."""
    searcher = inputs.searcher()
    if searcher is None:
        return []
    article = inputs.article
    names = _names(
        inputs.entities_of(article), _title_entities(inputs, article.title, article.language)
    )
    names = [n for n in names if not _names_outlet(n, article.source) and not _is_agency(n)]
    weights = _entity_weights(searcher, names)
    my_given = _given(names)
    terms = _key_terms(searcher, article, names, weights)
    if not terms:
        return []
    # Text terms give the similarity; entity tokens only bring in candidates the text missed
    # (another language, other wording), so that a shared name is not counted twice.
    masks: dict[int, int] = {}
    key_words = list(dict.fromkeys(word for field, word, _ in terms if field != "entity"))
    my_name_words = _name_forms(
        [
            *(w for n in names for k in n.keys for w in k),
            *_capitalised_words(article.body, article.language),
        ],
        article.language,
    )
    text = _accumulate(searcher, [t for t in terms if t[0] != "entity"], masks)
    by_entity = _accumulate(searcher, [t for t in terms if t[0] == "entity"])
    own_doc = searcher.document_number(id=article.id)
    own = text.get(own_doc, 0.0) if own_doc is not None else 0.0
    scale = own or max(text.values(), default=0.0) or 1.0
    chosen = heapq.nlargest(CANDIDATES + 1, text, key=text.__getitem__)
    chosen += [
        d
        for d in heapq.nlargest(ENTITY_CANDIDATES + 1, by_entity, key=by_entity.__getitem__)
        if d not in text or d not in chosen
    ]
    # Reports in other languages have their own places: on a story many same-language reports
    # share its names too and would fill the entity candidates' places. A dated one more than
    # CROSS_MAX_DAYS away can never pass `_cross_language_evidence`: months of pieces naming the
    # same people would otherwise take the places of the report of the day.
    other = _other_language_docs(searcher, article.language, by_entity)
    if article.published is not None:
        other = _near_in_time(searcher, other, article.published, CROSS_MAX_DAYS)
    chosen += heapq.nlargest(CROSS_CANDIDATES, other, key=by_entity.__getitem__)
    hits = [
        (searcher.stored_fields(docnum)["id"], text.get(docnum, 0.0), masks.get(docnum, 0))
        for docnum in dict.fromkeys(chosen)
        if docnum != own_doc
    ]
    hits = [hit for hit in hits if hit[0] != article.id]
    if not hits:
        return []

    title_words = _TitleWords(searcher, article)
    mine_title = title_words.of(article.title)
    stored = {doc.id: doc for doc in inputs.documents([found for found, _, _ in hits])}
    mine = Shingles(article.body, article.title)
    my_numbers: set[str] | None = None  # read when the first candidate needs them
    my_counted: frozenset[str] = frozenset()  # ...with what they count
    my_specific: int | None = None  # ...and when an undated one in another language does
    my_proper: frozenset[tuple[str, ...]] | None = None  # ...and in another language
    proper_words = _ProperWords(searcher)
    my_roundup = is_roundup(article.title)
    found_all: list[_Candidate] = []
    gaps = _Gaps(inputs)
    for found, raw, mask in hits:
        doc = stored.get(found)
        if doc is None:
            continue  # removed since the index caught up
        body = doc.body
        derived = _derived(inputs, doc)
        duplicate = near_duplicate(mine, theirs := derived.shingles())
        from_own_outlet = same_source(doc.source, article.source)
        other_language = _other_language(article.language, doc.language)
        days = _days_apart(article.published, doc.published)
        if from_own_outlet and (
            fold(doc.title.strip()) == fold(article.title.strip())
            or (
                duplicate
                and (
                    days is None
                    or days > OUTLET_CYCLE_DAYS
                    or not _revised(article, doc, mine_title, title_words)
                )
            )
        ):
            # The same piece again from the same outlet (two of its feeds, one title with a
            # full stop or the outlet's name more), or its text under other titles days apart
            # or unchanged: a series' template or a teaser, not a revision (`_retitled_copy`).
            continue
        gap = None if days is not None else gaps.between(article, doc)
        if gap is not None:
            if gap.low > ESTIMATED_FAR_DAYS and not duplicate:
                continue  # their urls' ids say weeks apart: another event of the topic
            if gap.high <= ESTIMATED_NEAR_DAYS:
                days = gap.high  # dated by the gap, at its farthest
        if my_numbers is None:
            my_numbers = _telling_numbers(article.title, article.body)
            my_counted = _counted_things(article.title, article.body, article.language)
        shared_numbers = len(my_numbers & derived.numbers)
        tokens = derived.title_tokens(title_words, doc.title)
        # Whether a word is distinctive is the word's alone: the shared ones are the article's
        # distinctive title words among the candidate's; the others' counts are read (from
        # the index) only when some are shared, for the lighter title's mass.
        common = mine_title.intersection(tokens)
        title_sim = 0.0
        if common:
            theirs_title = title_words.of(doc.title, tokens)
            lighter = min(title_words.mass(mine_title), title_words.mass(theirs_title)) or 1.0
            title_sim = min(1.0, title_words.mass(common) / lighter)
        if not duplicate and not other_language:
            # Its names (recognising its title) are read only when it could pass `_evidence`.
            if my_specific is None:
                my_specific = _specific_count(names, weights)
            at_most = _Candidate(
                id=found,
                document=doc,
                shingles=theirs,
                duplicate=False,
                published=doc.published,
                mlt=0.0,
                entity_score=0.0,
                shared=[],
                strong_name=True,
                terms=mask.bit_count(),
                title_terms=len(common),
                title_sim=title_sim,
                time=1.0,
                roundup=derived.roundup,
                words=derived.words(body),
                same_source=from_own_outlet,
                numbers=shared_numbers,
                days=days,
                event_words=_event_words(key_words, mask, my_name_words),
            )
            if not _may_have_evidence(at_most, my_roundup, my_specific):
                continue
        their_names = derived.names(inputs, doc)
        # Howard Carter and Aaron Carter are two people: their surname is no shared name.
        clash = clashing_surnames(my_given, derived.given(inputs, doc))
        shared = _shared(names, weights, their_names, clash)
        if not other_language and not duplicate:
            # Whether a shared name is specific is read from its key, and a one-line summary
            # keys a person by surname ("Putin", in hundreds of articles) where the report
            # gives the full name ("Vladimir Putin", rare by its first word): the pair is
            # judged on the side that names them more fully, so each finds the other.
            reverse = _shared(their_names, _entity_weights(searcher, their_names), names, clash)
            if reverse.specific > shared.specific:
                shared = replace(
                    shared, specific=reverse.specific, specific_names=reverse.specific_names
                )
        entity_score = 1.0 - math.exp(-shared.mass / ENTITY_SCALE)
        mlt = min(1.0, raw / scale)
        shared_names = shared_places = proper_places = 0
        specific_share = 0.0
        proper: list[frozenset[str]] = []
        proper_mass = 0.0
        in_titles = False
        if other_language:
            # Their words are not ours: the similarity is that of names and numbers.
            shared_names, shared_places = _heavy_shared(names, weights, their_names, clash)
            if days is None:
                if my_specific is None:
                    my_specific = _specific_count(names, weights)
                fewer = min(
                    my_specific,
                    _specific_count(their_names, _entity_weights(searcher, their_names)),
                )
                specific_share = shared.specific / max(1, fewer)
            if my_proper is None:
                my_proper = proper_words.of(article.title, article.body, article.language)
            proper = proper_words.shared(my_proper, derived.proper(proper_words, doc), clash)
            words = frozenset().union(*proper)
            in_titles = proper_words.in_both_titles(words, article.title, doc.title)
            proper_mass = sum(max(proper_words.weight(w) for w in name) for name in proper)
            proper_places = sum(1 for name in proper if _names_where(name))
            cross_mass = shared.mass + CROSS_NUMBER_MASS * shared_numbers + proper_mass
            mlt = max(mlt, 1.0 - math.exp(-cross_mass / CROSS_SCALE))
        published = doc.published
        time = time_factor(article.published, published) if gap is None else _gap_time(days)
        c = _Candidate(
            id=found,
            document=doc,
            shingles=theirs,
            duplicate=duplicate,
            published=published,
            mlt=mlt,
            entity_score=entity_score,
            shared=shared.names,
            strong_name=shared.strong,
            terms=mask.bit_count(),
            title_terms=len(common),
            title_sim=title_sim,
            time=time,
            roundup=derived.roundup,
            words=derived.words(body),
            same_source=from_own_outlet,
            other_language=other_language,
            names=shared_names,
            name_places=shared_places,
            numbers=shared_numbers,
            counted=len(my_counted & derived.counted),
            days=days,
            specific=shared.specific,
            specific_where=shared.specific_where,
            specific_share=specific_share,
            estimated_days=None if gap is None else gap.days,
            proper_words=len(proper),
            proper_places=proper_places,
            proper_mass=proper_mass,
            proper_in_titles=in_titles,
            title_name=any(
                _in_title(n, article.title) and _in_title(n, doc.title)
                for n in shared.specific_names
            ),
            title_words=sum(1 for w in common if not _names_word(w, shared.words)),
            event_words=_event_words(key_words, mask, my_name_words),
        )
        if c.event_words and not other_language and not duplicate:
            # Only what is left after the article's own names: the candidate's names too.
            c.event_words = _event_words(
                key_words,
                mask,
                my_name_words
                | _name_forms(
                    [
                        *(w for n in their_names for k in n.keys for w in k),
                        *derived.capitalised(body, article.language),
                    ],
                    article.language,
                ),
            )
        c.score = (W_MLT * mlt + W_ENTITY * entity_score + W_TITLE * c.title_sim) * time
        if duplicate:
            c.score = max(c.score, 1.0)
        found_all.append(c)
    return found_all


def _may_have_evidence(c: _Candidate, roundup: bool, my_specific: int) -> bool:
    """Whether a same-language candidate that is no near-duplicate could pass `_evidence`,
    asked before its names are read: `_evidence` itself, of the candidate at its most — a
    weighty name shared, every specific name of the article (`my_specific`), none of its
    shared title words a name's (`c.event_words` is counted before its own names are set
    aside). `_evidence` only grows with each of these, so False means it cannot pass."""
    most = replace(c, strong_name=True, specific=my_specific, title_words=c.title_terms)
    return _evidence(most, roundup, SHORT_TEXT_WORDS)


class _Derived:
    """What a candidate's scoring reads of it alone, whichever article it is a candidate
    for: remembered between calls in `RelatedInputs.features` (keyed by its content and
    entities). The names, title words and capitalised names are read when first needed."""

    __slots__ = (
        "_tokens",
        "numbers",
        "counted",
        "roundup",
        "_words",
        "_names",
        "_given",
        "_capitalised",
        "_titles",
        "_proper",
    )

    def __init__(self, doc: Document) -> None:
        # Kept for many articles: their first words (mostly the same few thousand words,
        # stored once), not their shingles (four times the memory, a twentieth of the time).
        self._tokens = list(map(sys.intern, Shingles(doc.body, doc.title).tokens))
        self.numbers = frozenset(_telling_numbers(doc.title, doc.body))
        self.counted = _counted_things(doc.title, doc.body, doc.language)
        self.roundup = is_roundup(doc.title)
        self._words: int | None = None
        self._names: list[_Name] | None = None
        self._given: dict[str, frozenset[str]] | None = None
        self._capitalised: list[str] | None = None
        self._titles: dict[str, tuple[str, ...]] = {}
        self._proper: frozenset[tuple[str, ...]] | None = None

    def shingles(self) -> Shingles:
        """Its first words, to be shingled for this call."""
        return Shingles.from_tokens(self._tokens)

    def names(self, inputs: RelatedInputs, doc: Document) -> list[_Name]:
        """Its names (its entities and its title's), not its outlet's own."""
        if self._names is None:
            title = _title_entities(inputs, doc.title, doc.language)
            found = _names(inputs.entities_of(doc), title)
            self._names = [
                n for n in found if not _names_outlet(n, doc.source) and not _is_agency(n)
            ]
        return self._names

    def given(self, inputs: RelatedInputs, doc: Document) -> dict[str, frozenset[str]]:
        """The given names of its people, by surname (`features.given_names`)."""
        if self._given is None:
            self._given = _given(self.names(inputs, doc))
        return self._given

    def words(self, body: str) -> int:
        """How many words its body has."""
        if self._words is None:
            self._words = len(body.split())
        return self._words

    def capitalised(self, body: str, language: str) -> list[str]:
        """`_capitalised_words` of its body, for an article in `language`."""
        if language in _NOUNS_CAPITALISED:
            return []
        if self._capitalised is None:
            self._capitalised = _capitalised_words(body)
        return self._capitalised

    def title_tokens(self, title_words: _TitleWords, title: str) -> tuple[str, ...]:
        """Its title analysed as `title_words` analyses it."""
        found = self._titles.get(title_words.analysis)
        if found is None:
            found = self._titles[title_words.analysis] = title_words.tokens(title)
        return found

    def proper(self, proper_words: _ProperWords, doc: Document) -> frozenset[tuple[str, ...]]:
        """Its runs of capitalised words (`_ProperWords.of`)."""
        if self._proper is None:
            self._proper = proper_words.of(doc.title, doc.body, doc.language)
        return self._proper


def _derived(inputs: RelatedInputs, doc: Document) -> _Derived:
    """What is derived from a candidate alone: remembered when the inputs have somewhere to
    keep it and the document's version is known."""
    if inputs.features is None or doc.version is None:
        return _Derived(doc)
    key = content_key(doc.id, doc.title, doc.body, doc.source, doc.language, doc.version)
    return inputs.features.get(key, lambda: _Derived(doc))


def _name_forms(words: Iterable[str], language: str) -> frozenset[str]:
    """Names' words as they are and as the key words of `language` are analysed ("Velorians"
    is the key word "velorian"; a listed place such as "Germany" is kept whole)."""
    from sahelreader.search.analysis import word_term  # remembers its answers itself

    words = list(words)
    return frozenset([*words, *(word_term(language, word) or word for word in words)])


_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,;:'’\"”)] )[A-ZÀ-ÖØ-Þ][\w-]{2,}")


_NOUNS_CAPITALISED = frozenset({"de", "lb"})  # languages capitalising every noun


def _capitalised_words(body: str, language: str = "") -> list[str]:
    """The lede's capitalised words within a sentence, folded: names the recogniser may
    have missed ("the army of Dravenia"); a sentence's first word is not one. None in a
    language that capitalises every noun (German): there they are not names."""
    if language in _NOUNS_CAPITALISED:
        return []
    return [fold(w).lower() for w in _MID_SENTENCE_CAPITAL.findall(body[:PROPER_LEDE_CHARS])]


def _event_words(key_words: list[str], mask: int, name_words: frozenset[str]) -> int:
    """How many of the article's key words the candidate holds (`mask`: one bit each) that
    are no word of a name either gives: what happened ("sentenced", "blackout", "tariff"),
    not who."""
    return sum(1 for i, word in enumerate(key_words) if mask >> i & 1 and word not in name_words)


def _telling_numbers(title: str, body: str) -> set[str]:
    """The numbers of the title and lede that can tell one event from another: two digits or
    more ("12 soldiers" / "12 soldats"); a 2 or a 3 is in most articles."""
    return {n for n in numbers_in(f"{title}\n{body[:LEDE_CHARS]}") if len(n) >= NUMBER_MIN_DIGITS}


# A telling number and the word that says what it counts: "20 years", "20-year", "50% tariffs",
# "1,250 lorries", "12 soldats".
_COUNTED = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)"
    r"(?:\s*(?:%|per\s?cent|pour\s?cent))?[\s\-]+([^\W\d_]{3,})"
)


def _counted_things(title: str, body: str, language: str = "") -> frozenset[str]:
    """The telling numbers of the title and lede with what each counts ("20 year", "50
    tariff"): the same count of the same thing, where a bare number may count anything (12
    villagers in one attack, 12 soldiers in another). The counted word is folded and its
    plural ending dropped; function words ("20 of them") are not what is counted."""
    stop = _stop_words(language) | _stop_words("en")
    found: set[str] = set()
    for number, word in _COUNTED.findall(f"{title}\n{body[:LEDE_CHARS]}"):
        value = number_value(number)
        if value is None or len(value) < NUMBER_MIN_DIGITS:
            continue
        word = fold(word).lower()
        if word in stop:
            continue
        if len(word) > 3 and word[-1] in "sx":
            word = word[:-1]
        found.add(f"{value} {word}")
    return frozenset(found)


def _names_word(word: str, name_words: frozenset[str]) -> bool:
    """Whether a (stemmed) title word is a word of a shared name: it is counted as the name."""
    return any(w == word or (len(word) >= 4 and w.startswith(word)) for w in name_words)


def _stop_words(language: str) -> frozenset[str]:
    """Function words of a language without its own stemmed fields: in a library of mostly
    another language they are rare, so they would pass for distinctive."""
    if not language or language in STEMMED_LANGUAGES:
        return frozenset()
    return stop_words(language)


_CAPITALISED = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-Þ][\w'’-]{2,}")
PROPER_LEDE_CHARS = 1500  # capitalised words are read from the title and this much body


class _ProperWords:
    """The capitalised words of a title and lede, folded, without function words: in two
    languages the names are mostly spelt alike ("Musk", "RWE", "Sinwar") where the other
    words are not; a word is specific when it is rare in the library (`SPECIFIC_IDF`)."""

    def __init__(self, searcher: Searcher) -> None:
        self.stats = term_stats(searcher)
        self.total = rarity_base(searcher.reader().doc_count())
        self._weights: dict[str, float] = {}

    def of(self, title: str, body: str, language: str) -> frozenset[tuple[str, ...]]:
        """The runs of capitalised words ("Joël Le Scouarnec", "Kim Kardashian"): one name
        each, however many words."""
        stop = stop_words(language) | stop_words("en")
        runs: set[tuple[str, ...]] = set()
        for line in (title, body[:PROPER_LEDE_CHARS]):
            run: list[str] = []
            end = -1
            for match in _CAPITALISED.finditer(line):
                if run and line[end : match.start()].strip():
                    runs.add(tuple(run))
                    run = []
                # "Trump's" = trump, "L'Oréal" = oreal (as "l'Oréal" after a preposition).
                word = re.sub(r"['’]s$", "", fold(match.group()))
                word = re.split(r"['’]", word)[-1].strip("-")
                end = match.end()
                if len(word) >= 3 and word not in stop and not word.isdigit():
                    run.append(word)
            if run:
                runs.add(tuple(run))
        return frozenset(runs)

    def shared(
        self,
        mine: frozenset[tuple[str, ...]],
        theirs: frozenset[tuple[str, ...]],
        clash: frozenset[str] = frozenset(),
    ) -> list[frozenset[str]]:
        """The names (runs of the article's) of which the other gives a specific word: the
        specific words of each, one entry per name; not a surname of two different people
        (`clash`: "Howard Carter" and "Aaron Carter" share no name)."""
        their_words = {w for run in theirs for w in run} - clash
        found: list[frozenset[str]] = []
        for run in mine:
            words = frozenset(w for w in run if w in their_words and self.is_specific(w))
            if not words:
                continue
            # "Scouarnec" in the title and "Joël Le Scouarnec" in the lede: one name.
            overlapping = [f for f in found if f & words]
            found = [f for f in found if not f & words]
            found.append(words.union(*overlapping))
        return found

    def weight(self, word: str) -> float:
        """A normalised idf (sharpened) in the bodies of the whole library."""
        found = self._weights.get(word)
        if found is None:
            df = self.stats.doc_frequency("body", word)
            idf = math.log((self.total + 1) / (df + 1)) / math.log(self.total + 1)
            found = self._weights[word] = max(0.0, idf) ** IDF_POWER
        return found

    def is_specific(self, word: str) -> bool:
        return bool(self.weight(word) >= SPECIFIC_IDF**IDF_POWER)

    @staticmethod
    def in_both_titles(words: Iterable[str], mine: str, theirs: str) -> bool:
        a, b = set(_title_words(mine)), set(_title_words(theirs))
        return any(w in a and w in b for w in words)


class _TitleWords:
    """The distinctive words of a title, analysed as the article's language is."""

    def __init__(self, searcher: Searcher, article: Article) -> None:
        from sahelreader.search.analysis import folding_analyzer, language_analyzer

        self.stats = term_stats(searcher)
        total = max(1, searcher.reader().doc_count())
        self.max_df = max(MAX_DF_FLOOR, int(total * MAX_DF_SHARE))
        self.field, _ = _fields(article.language)
        self.analyzer = (
            language_analyzer(article.language)
            if article.language in STEMMED_LANGUAGES
            else folding_analyzer()
        )
        self.stop = _stop_words(article.language)
        self.total = total
        self._df: dict[str, int] = {}
        # Which analysis: a title's tokens are the same for every article analysed alike.
        self.analysis = article.language if article.language in STEMMED_LANGUAGES else ""

    def mass(self, words: Iterable[str]) -> float:
        total = self.total
        return sum(math.log((total + 1) / (self._df.get(w, 0) + 1)) for w in words)

    def tokens(self, title: str) -> tuple[str, ...]:
        """The title's words as analysed (`analysis`)."""
        return tuple(token.text for token in self.analyzer(title))

    def of(self, title: str, tokens: Sequence[str] | None = None) -> frozenset[str]:
        """The title's distinctive words (`tokens`: its analysis, when already known)."""
        words = set()
        for word in self.tokens(title) if tokens is None else tokens:
            if len(word) < 2 or word.isdigit() or word in self.stop:
                continue
            df = self._df.get(word)
            if df is None:
                df = self._df[word] = self.stats.doc_frequency(self.field, word)
            if 0 < df <= self.max_df:
                words.add(word)
        return frozenset(words)


# A live page says so as a label: "Live: …", "… – live", "Ukraine war live: …", "live
# updates"; "live" in a sentence ("how to live with…", "a live show", "live on air") is not one.
_LIVE_PAGE = (
    r"^\W*live\s*[|–—-]|\blive\s*:|\blive\s+(?:news|updates?|blog|coverage)\b|[:|–—-]\s*live\s*$"
    r"|\(live\)"
)
_MANY_STORIES = (
    rf"{_LIVE_PAGE}|\bupdates\b|\bthe papers\b|how the papers|as it happened|\bbriefing\b"
    r"|en directo|ultima hora|in diretta|\bdiretta\b|en direct|^\W*🔴"
)
_ROUNDUP = re.compile(rf"{_MANY_STORIES}|what we know", re.IGNORECASE)
_MANY_STORIES_PAGE = re.compile(_MANY_STORIES, re.IGNORECASE)


def is_roundup(title: str) -> bool:
    """A live page, a papers review, a bulletin or a briefing: many stories, each a little;
    or an explainer of what is known (its words are the topic's, all of them)."""
    return bool(_ROUNDUP.search(fold(title)))


def is_many_stories_page(title: str) -> bool:
    """A live page, a papers review, a bulletin or a briefing: no one event (an explainer of
    what is known about one event is about that event)."""
    return bool(_MANY_STORIES_PAGE.search(fold(title)))


def _fields(language: str) -> tuple[str, str]:
    if language in STEMMED_LANGUAGES:
        return "body_words", "title_words"
    return "body", "title"


def _key_terms(
    searcher: Searcher, article: Article, names: list[_Name], weights: dict[tuple[str, ...], float]
) -> list[tuple[str, str, float]]:
    """(field, term, boost) to look for: the article's distinctive words and entity tokens."""
    reader = searcher.reader()
    stats = term_stats(searcher)
    total = max(1, reader.doc_count())
    max_df = max(MAX_DF_FLOOR, int(total * MAX_DF_SHARE))
    body_field, title_field = _fields(article.language)
    text = f"{article.title}\n{article.body}"
    if article.language in STEMMED_LANGUAGES:
        from sahelreader.search.analysis import analysed_words

        text = analysed_words(text, article.language)  # the word field takes analysed words
    terms: list[tuple[str, str, float]] = []
    taken = 0
    stop = _stop_words(article.language)
    for word, weight in stats.key_words(body_field, text, NUMTERMS * 3):
        if taken >= NUMTERMS:
            break
        if word in stop or stats.doc_frequency(body_field, word) > max_df:
            continue
        taken += 1
        terms.append((body_field, word, weight))
        terms.append((title_field, word, weight * TITLE_WEIGHT))
    top = max((boost for _, _, boost in terms), default=1.0)
    best = sorted(names, key=lambda n: -weights.get(n.key, 0.0))[:ENTITY_TERMS]
    tokens: set[str] = set()
    for name in best:
        if weights.get(name.key, 0.0) <= 0.0:
            continue
        for token in name.key:
            if token not in tokens and stats.doc_frequency("entity", token) <= max_df:
                tokens.add(token)
                terms.append(("entity", token, ENTITY_BOOST * top))
    return terms


def _accumulate(
    searcher: Searcher, terms: list[tuple[str, str, float]], masks: dict[int, int] | None = None
) -> dict[int, float]:
    """Score every document holding a term: sum of boost x idf x saturated term frequency.

    Walking the (short: frequent terms are left out) posting lists directly is many times
    faster here than Whoosh's collector, whose block-quality skipping costs more than it saves
    on an OR of some fifty terms (1.7 s against 73 ms per article at 43k, profiled).
    """
    reader = searcher.reader()
    stats = term_stats(searcher)
    total = max(1, reader.doc_count_all())
    leaves = [(reader, 0)] if reader.is_atomic() else reader.leaf_readers()
    scores: dict[int, float] = {}
    get = scores.get
    bits: dict[str, int] = {}
    for field, word, boost in terms:
        bit = bits.setdefault(word, 1 << len(bits))
        df = stats.doc_frequency(field, word)
        if not df:
            continue
        idf = math.log(1.0 + (total - df + 0.5) / (df + 0.5))
        factor = boost * idf * (1.0 + SATURATION)
        for number in stats.leaves_with(field, word):
            leaf, offset = leaves[number]
            matcher = leaf.postings(field, word)
            while matcher.is_active():
                weight = matcher.weight()
                docnum = matcher.id() + offset
                scores[docnum] = get(docnum, 0.0) + factor * weight / (weight + SATURATION)
                if masks is not None:
                    masks[docnum] = masks.get(docnum, 0) | bit
                matcher.next()
    return scores


def _title_entities(inputs: RelatedInputs, title: str, language: str) -> list[Entity]:
    """Names in the title: a feed item's one-line summary often names no one the title does."""
    return inputs.recognise(title, language or None) if title else []


def _names(entities: Sequence[Entity], more: Sequence[Entity] = ()) -> list[_Name]:
    found: dict[tuple[str, ...], _Name] = {}
    for group in group_entities([*entities, *more]):
        key = _name_key(group.name, group.type)
        if key and key not in found:
            forms = {k for k in (_name_key(s, group.type) for s in group.spellings) if k}
            found[key] = _Name(group.name, group.type, key, frozenset({key, *forms}))
    return list(found.values())


@lru_cache(maxsize=65_536)  # every name of every candidate passes here: bounded
def _name_key(name: str, kind: str) -> tuple[str, ...]:
    """An organisation by its canonical name (CEDEAO -> ECOWAS: the index holds every name of
    it, so its tokens are found in either language); anything else by its own words."""
    if kind == "organisation":
        names = other_names(name)
        if names:
            return name_key(names[0])
    return name_key(name)


def _names_outlet(name: _Name, source: str) -> bool:
    """“CNN” in a cnn.com article, “BBC” in a BBC one: the byline, not a shared subject."""
    words = outlet_words(source)
    key = [w for w in name.key if w != "the"]
    return bool(words) and bool(key) and all(w in words for w in key)


@cache
def _agency_keys() -> frozenset[tuple[str, ...]]:
    return frozenset(k for k in (_name_key(n, "organisation") for n in agency_names()) if k)


def _is_agency(name: _Name) -> bool:
    """A news agency (AFP, Reuters, the AP), credited or quoted: who reported, not what
    happened. Two reports crediting it share no name of the story (review 12, defect 16: it
    was listed and counted as shared evidence)."""
    return name.type not in ("person", "place") and name.key in _agency_keys()


def _entity_weights(searcher: Searcher, names: Iterable[_Name]) -> dict[tuple[str, ...], float]:
    """Type weight times a normalised idf (sharpened) of the name's rarest token in `entity`."""
    stats = term_stats(searcher)
    total = rarity_base(searcher.reader().doc_count())
    weights: dict[tuple[str, ...], float] = {}
    for name in names:
        df = min((stats.doc_frequency("entity", token) for token in name.key), default=0)
        idf = math.log((total + 1) / (df + 1)) / math.log(total + 1)
        weights[name.key] = TYPE_WEIGHT.get(name.type, 1.0) * max(0.0, idf) ** IDF_POWER
    return weights


@dataclass(frozen=True)
class _Shared:
    """The names two articles share: displayed heaviest first, their mass, whether one is a
    weighty person or organisation, how many are specific (rare), and their words."""

    names: list[str]
    mass: float
    strong: bool
    specific: int
    words: frozenset[str]
    specific_names: tuple[_Name, ...] = ()  # the specific ones

    @property
    def specific_where(self) -> int:
        """Of the specific names, the capitals (`_capital_keys`)."""
        return sum(1 for n in self.specific_names if n.type == "place" and n.key in _capital_keys())


def _is_specific(name: _Name, weight: float) -> bool:
    """A name rare in the library (in at most about its square root of articles): "Iran",
    "US" or "Trump" in a news library are not, a town, a minister or a company mostly are."""
    return bool(weight / TYPE_WEIGHT.get(name.type, 1.0) >= SPECIFIC_IDF**IDF_POWER)


def _given(names: Iterable[_Name]) -> dict[str, frozenset[str]]:
    """The given names of the people of `names`, by surname (`features.given_names`)."""
    return given_names(n.key for n in names if n.type == "person")


def _shared(
    mine: list[_Name],
    weights: dict[tuple[str, ...], float],
    theirs: list[_Name],
    clash: frozenset[str] = frozenset(),
) -> _Shared:
    """Names of the article's entities that the other article names too, and the evidence
    they give (`_Shared`).

    A person named by surname alone on one side matches the full name on the other; none
    of a surname in `clash` matches (both articles give it full names of other people:
    `features.clashing_surnames`).
    """
    keys = {key for n in theirs for key in n.keys}
    surnames = {n.key[-1] for n in theirs if n.type == "person"}
    full = {n.key[0] for n in theirs if n.type == "person" and len(n.key) == 1}
    shared: list[tuple[float, str]] = []
    strong = False
    specific = 0
    specific_names: list[_Name] = []
    words: set[str] = set()
    for name in mine:
        if clash and name.type == "person" and name.key[-1] in clash:
            continue
        match = not name.keys.isdisjoint(keys) or (
            name.type == "person"
            and (
                (len(name.key) == 1 and name.key[0] in surnames)
                or (len(name.key) > 1 and name.key[-1] in full)
            )
        )
        if match:
            weight = weights.get(name.key, 0.0)
            shared.append((weight, name.display))
            strong = strong or (name.type != "place" and weight >= STRONG_NAME_WEIGHT)
            if _is_specific(name, weight):
                specific += 1
                specific_names.append(name)
            words.update(w for key in name.keys for w in key)
    shared.sort(key=lambda pair: -pair[0])
    return _Shared(
        [display for _, display in shared],
        sum(w for w, _ in shared),
        strong,
        specific,
        frozenset(words),
        tuple(specific_names),
    )


_TITLE_TOKEN = re.compile(r"[\w'’]+")


def _title_words(title: str) -> list[str]:
    """A title's words as names are keyed ("Tessaoua's" = tessaoua, "l'ONU" = onu)."""
    words: list[str] = []
    for token in _TITLE_TOKEN.findall(title):
        key = " ".join(name_key(token))
        words += [w for w in re.split(r"['’]", key) if w] if key else []
    return words


def _in_title(name: _Name, title: str) -> bool:
    """Whether a title names it: a word of its key (a person's surname), or, for an
    organisation, one of its other names (CEDEAO for ECOWAS)."""
    words = set(_title_words(title))
    if name.type == "person":
        return name.key[-1] in words
    if any(len(w) >= 3 and w in words for w in name.key):
        return True
    if name.type == "organisation":
        folded = " ".join(_title_words(title))
        return any(
            f" {' '.join(name_key(other))} " in f" {folded} "
            for other in other_names(name.display)
            if name_key(other)
        )
    return False


def _specific_count(names: list[_Name], weights: dict[tuple[str, ...], float]) -> int:
    return sum(1 for n in names if _is_specific(n, weights.get(n.key, 0.0)))


def _heavy_shared(
    mine: list[_Name],
    weights: dict[tuple[str, ...], float],
    theirs: list[_Name],
    clash: frozenset[str] = frozenset(),
) -> tuple[int, int]:
    """How many of the article's names of some weight (CROSS_MIN_NAME_WEIGHT) the other
    names, and how many of those are countries or capitals (`_where_keys`); not a surname
    of `clash` (two people: `_shared`)."""
    keys = {key for n in theirs for key in n.keys}
    surnames = {n.key[-1] for n in theirs if n.type == "person"}
    found = [
        n
        for n in mine
        if weights.get(n.key, 0.0) >= CROSS_MIN_NAME_WEIGHT
        and not (n.type == "person" and n.key[-1] in clash)
        and (not n.keys.isdisjoint(keys) or (n.type == "person" and n.key[-1] in surnames))
    ]
    return len(found), sum(1 for n in found if n.type == "place" and n.key in _where_keys())


@cache
def _capitals_table() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """The keys of the countries and of the capitals of the bundled table
    (entities/data/capitals.tsv: the country's names, then its capital's)."""
    from sahelreader.text.wordlists import entries

    columns: tuple[set[tuple[str, ...]], set[tuple[str, ...]]] = (set(), set())
    for line in entries("sahelreader.entities", "capitals.tsv"):
        for keys, column in zip(columns, line.split("\t"), strict=False):
            keys.update(k for k in (name_key(n) for n in column.split("|")) if k)
    return frozenset(columns[0]), frozenset(columns[1])


@cache
def _where_keys() -> frozenset[tuple[str, ...]]:
    """The keys of the countries and capitals of the bundled table."""
    countries, capitals = _capitals_table()
    return countries | capitals


def _capital_keys() -> frozenset[tuple[str, ...]]:
    """The keys of the capitals of the bundled table."""
    return _capitals_table()[1]


@cache
def _where_word_sets() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(key) for key in _where_keys())


def _names_where(words: frozenset[str]) -> bool:
    """Whether capitalised words (`_ProperWords.shared`) are those of a country or capital."""
    return any(words <= key for key in _where_word_sets())


def _where_once(names: int, where: int) -> int:
    """Names counted with the countries and capitals among them as one: a country, its
    capital (and another country's) say where, not what happened; they are in most of that
    country's news. A town, a region, a person or a body count each."""
    return names - where + min(1, where)


def _gap_time(days: float | None) -> float:
    """The time factor of an estimated gap: a dated one's for a near gap, else undated's."""
    if days is None:
        return TIME_UNDATED
    return _days_factor(days)


def time_factor(a: datetime | None, b: datetime | None) -> float:
    """1 on the same day, falling towards TIME_FLOOR as the days apart grow; undated: neutral."""
    if a is None or b is None:
        return TIME_UNDATED
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return _days_factor(abs((a - b).total_seconds()) / 86_400.0)


def _days_factor(days: float) -> float:
    days = max(0.0, days - 1.0)  # a day apart is still the same news cycle
    return TIME_FLOOR + (1.0 - TIME_FLOOR) * math.pow(0.5, days / TIME_HALF_LIFE_DAYS)
