"""The search language: Whoosh's parser, with field aliases, fuzzy terms, dates, and clear errors.

User-facing field names (`title:`, `body:`, `note:`) stand for their word fields (`title_words`:
each article's title analysed for its language, every language in the one field), where a
query word is looked up under its forms for each language (English stem, French stem, as
written: `word_forms`), so `title:militaire` matches a French title stemmed as French.
Unfielded words search every content field. A word that is a stop word of a language (`the`,
`les`) is dropped from the articles in that language, as their word fields dropped it: with
other words it then asks nothing of those articles, alone it matches all of them.

Fuzzy terms (`word~`) and wildcards (`word*`, `w?rd`) search only the folded fields (every word as
written, accents folded: a pattern or a misspelling is about the written word, not its stem), and
they are bounded: see `BoundedFuzzyTerm` and `expand_terms`, which turns them into the words they
stand for in the index being searched, once, before the search.
"""

from __future__ import annotations

import bisect
import copy
import math
import re
from dataclasses import dataclass
from typing import Any

from whoosh import matching, qparser
from whoosh.fields import Schema
from whoosh.qparser import syntax
from whoosh.qparser.plugins import PhrasePlugin, PrefixPlugin, WildcardPlugin
from whoosh.query import (
    And,
    ConstantScoreQuery,
    Every,
    FuzzyTerm,
    NullQuery,
    Or,
    Prefix,
    Query,
    Require,
    Term,
    Wildcard,
)
from whoosh.support.levenshtein import distance

from sahelreader.search.analysis import (
    CJK_CHARS,
    ENTITY_FIELDS,
    STEMMED_LANGUAGES,
    folding_analyzer,
    name_key,
    names_field,
    person_short_key,
    stop_words,
    word_field,
    word_forms,
)
from sahelreader.sources.outlets import site_domain
from sahelreader.text.language import FRENCH_ELIDED

# Visible name -> the index fields searched for its words (phrases: the name itself).
ALIASED_FIELDS = ("title", "body", "note")
FIELD_GROUPS: dict[str, tuple[str, ...]] = {name: (word_field(name),) for name in ALIASED_FIELDS}
WORD_FIELDS = frozenset(word_field(name) for name in ALIASED_FIELDS)
DEFAULT_FIELDS: tuple[str, ...] = (
    *FIELD_GROUPS["title"],
    *FIELD_GROUPS["body"],
    *FIELD_GROUPS["note"],
    "source",
    "author",
    "entity",
)
EXACT_DEFAULT_FIELDS: tuple[str, ...] = ("title", "body", "note", "source", "author", "entity")
SEARCHABLE_FIELDS = (
    "title",
    "body",
    "note",
    "source",
    "author",
    "published",
    "language",
    "person",
    "place",
    "organisation",
    "entity",
)
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}

# Fuzzy terms: `word~` allows edits by the word's length (fuzzy_edits), `word~1`/`word~2` say
# how many; more than two is refused (everything would match, slowly). The first letters must
# match (one per allowed edit), and each field keeps only the closest, then most frequent, words.
MAX_FUZZY_EDITS = 2
MAX_FUZZY_WORDS = 64
# Wildcards and prefixes: refused (QueryError) past this many distinct words in one field.
MAX_WILDCARD_WORDS = 1_000
# A fuzzy match scores less the further it is from the word typed (by edit distance).
_FUZZY_BOOST = (1.0, 0.6, 0.4)
# Past this many words an expansion is searched as one WordUnion, not Whoosh's tree of unions.
_UNION_FROM = 32


class QueryError(ValueError):
    """A query that cannot be understood; `position` is a 0-based character offset."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        if self.position is None:
            return self.message
        return f"{self.message} (at character {self.position + 1})"


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    query: Query


def fuzzy_edits(word: str) -> int:
    """How many edits a bare `word~` allows: 0 up to 2 letters, 1 up to 5, then 2."""
    length = len(word)
    return 0 if length <= 2 else 1 if length <= 5 else MAX_FUZZY_EDITS


class BoundedFuzzyTerm(FuzzyTerm):
    """A fuzzy term with a bounded expansion (whoosh's FuzzyTerm walks a whole field's words).

    `maxdist` None: by the word's length (fuzzy_edits). The first `maxdist` letters must match
    (more if the query says so: `word~2/3`); of the words in reach, the closest are kept, then
    the most frequent, at most MAX_FUZZY_WORDS per field.
    """

    def __init__(
        self,
        fieldname: str,
        text: Any,
        boost: float = 1.0,
        maxdist: int | None = None,
        prefixlength: int = 0,
        constantscore: bool = False,
    ) -> None:
        super().__init__(fieldname, text, boost, 0, 0, constantscore)
        self.set_distance(maxdist, prefixlength)

    def set_distance(self, maxdist: int | None, prefixlength: int = 0) -> None:
        edits = fuzzy_edits(self.text) if maxdist is None else maxdist
        self.maxdist = max(0, min(edits, MAX_FUZZY_EDITS))
        self.prefixlength = max(prefixlength, self.maxdist)

    def words(self, reader: Any) -> list[tuple[str, int]]:
        """(word, edit distance) in `reader` for this term: closest first, then most frequent."""
        fieldname, text = self.fieldname, self.text
        if fieldname not in reader.schema or not text:
            return []
        if self.maxdist == 0:
            return [(text, 0)] if reader.doc_frequency(fieldname, text) else []
        field = reader.schema[fieldname]
        found: list[tuple[int, int, str]] = []
        length, most = len(text), self.maxdist
        for btext in reader.expand_prefix(fieldname, text[: self.prefixlength]):
            word = field.from_bytes(btext)
            if abs(len(word) - length) > most:
                continue
            edits = distance(word, text, limit=most)
            if edits <= most:
                found.append((edits, -reader.doc_frequency(fieldname, btext), word))
        found.sort()
        return [(word, edits) for edits, _, word in found[:MAX_FUZZY_WORDS]]

    def _btexts(self, ixreader: Any) -> list[Any]:
        return [word for word, _ in self.words(ixreader)]

    def expanded(self, reader: Any) -> Query:
        """The words this term stands for in `reader`, the nearer ones weighing more."""
        terms = [
            Term(self.fieldname, word, boost=self.boost * _FUZZY_BOOST[edits])
            for word, edits in self.words(reader)
        ]
        return _any_of(terms)


class _FuzzyPlugin(qparser.FuzzyTermPlugin):
    """`word~`, `word~N`, `word~N/P` → BoundedFuzzyTerm; no N means "by the word's length"."""

    class FuzzinessNode(qparser.FuzzyTermPlugin.FuzzinessNode):
        def __repr__(self) -> str:
            return f"<~{self.maxdist}/{self.prefixlength}>"

    class FuzzyTermNode(qparser.FuzzyTermPlugin.FuzzyTermNode):
        qclass = BoundedFuzzyTerm

        def r(self) -> str:
            return f"{self.text!r} ~{self.maxdist}/{self.prefixlength}"

        def query(self, parser: Any) -> Any:
            q = syntax.TextNode.query(self, parser)
            if isinstance(q, BoundedFuzzyTerm):
                q.set_distance(self.maxdist, self.prefixlength)
            return q

    def create(self, parser: Any, match: Any) -> Any:
        maxdist = match.group("maxdist")
        prefix = match.group("prefix")
        return self.FuzzinessNode(
            int(maxdist) if maxdist else None, int(prefix) if prefix else 0, match.group(0)
        )


def expand_terms(query: Query, reader: Any) -> Query:
    """The query with each fuzzy term, prefix and wildcard replaced by the words it stands for
    in `reader` (the whole index, so every segment sees the same words), bounded: a fuzzy term
    keeps its closest words; a wildcard matching over MAX_WILDCARD_WORDS words in a field raises
    QueryError. Run before searching; the result's leaves are plain terms.
    """
    if isinstance(query, BoundedFuzzyTerm):
        return _attach(query.expanded(reader), query)
    if isinstance(query, (Prefix, Wildcard)) and query.text:
        return _attach(_any_of(_pattern_words(query, reader)), query)
    if query.is_leaf():
        return query
    return query.apply(lambda child: expand_terms(child, reader))


def without_absent_terms(query: Query, reader: Any) -> Query:
    """The query without the terms `reader` does not hold: a word is looked up in a dozen
    fields and is in a few; each absent one still costs a matcher in every union it is in."""
    if isinstance(query, Term) and type(query) is Term:
        return query if (query.fieldname, query.text) in reader else NullQuery
    if query.is_leaf():
        return query
    pruned = query.apply(lambda child: without_absent_terms(child, reader))
    if isinstance(query, (And, Require)):
        # A part every hit needs, none of whose words the index holds: nothing matches.
        # normalize() would drop it from the And, and "convoy zzzqq" searched for "convoy".
        for before, after in zip(query.children(), pruned.children(), strict=True):
            if after is NullQuery and before is not NullQuery:
                return NullQuery
    return pruned.normalize()


def _pattern_words(query: Prefix | Wildcard, reader: Any) -> list[Term]:
    fieldname = query.fieldname
    if fieldname not in reader.schema:
        return []
    field = reader.schema[fieldname]
    terms: list[Term] = []
    for btext in query._btexts(reader):
        if len(terms) == MAX_WILDCARD_WORDS:
            shown = f"{query.text}*" if isinstance(query, Prefix) else query.text
            raise QueryError(
                f"`{shown}` matches too many words (over {MAX_WILDCARD_WORDS:,}): add letters",
                getattr(query, "startchar", None),
            )
        terms.append(Term(fieldname, field.from_bytes(btext), boost=query.boost))
    return terms


def _any_of(terms: list[Term]) -> Query:
    if not terms:
        return NullQuery  # matches nothing; an AND around it matches nothing either
    if len(terms) == 1:
        return terms[0]
    return WordUnion(terms) if len(terms) > _UNION_FROM else Or(terms)


class WordUnion(Or):
    """Any of many words: the same documents and scores (sums of BM25F) as an Or of terms.

    Whoosh matches an Or through a binary tree of union matchers whose quality bookkeeping
    grows faster than the words: 12 s for the 1,200 words of `*tion` at 43k articles. This
    reads each word's postings once per segment and adds the scores up (0.7 s there).
    """

    def _matcher(self, subs: Any, searcher: Any, context: Any) -> Any:
        scored = context is None or context.weighting is not None
        totals: dict[int, float] = {}
        for sub in subs:
            m = sub.matcher(searcher, context)
            while m.is_active():
                doc = m.id()
                totals[doc] = totals.get(doc, 0.0) + (m.score() if scored else 1.0)
                m.next()
        if not totals:
            return matching.NullMatcher()
        ids = sorted(totals)
        return _ScoredList(ids, weights=[totals[doc] * self.boost for doc in ids])


class _ScoredList(matching.ListMatcher):
    """Documents with ready-made scores, in order; skips by bisection."""

    def skip_to(self, id: int) -> None:
        if not self.is_active():
            raise matching.ReadTooFar
        self._i = max(self._i, bisect.bisect_left(self._ids, id, self._i))

    def supports(self, astype: Any) -> bool:
        return False

    def max_quality(self) -> float:
        # No bound, so the collector never prunes around this matcher. Given the tight bound
        # (the best score here), whoosh3's IntersectionMatcher.replace() swapped an AND for one
        # of its sides mid-search: `*tion NOT niger` lost hits from its top 20.
        return math.inf

    def replace(self, minquality: float = 0) -> Any:
        return self if self.is_active() else matching.NullMatcher()

    def score(self) -> float:
        return float(self._weights[self._i])


def _attach(query: Query, original: Query) -> Query:
    for name in ("startchar", "endchar"):
        if hasattr(original, name) and query is not NullQuery:
            setattr(query, name, getattr(original, name))
    return query


class _WildcardSpanPlugin(qparser.Plugin):
    """Gives a wildcard the span of its whole word, so that an error points at its start.

    Whoosh glues `bor` and `*` into one wildcard (priority 50) but keeps the span of the `*`.
    """

    def filters(self, parser: Any) -> list[tuple[Any, int]]:
        return [(self.widen, 49)]

    def widen(self, parser: Any, group: Any) -> Any:
        run: list[Any] = []  # adjacent text nodes: the pieces of one word
        for node in [*group, None]:
            if isinstance(node, syntax.GroupNode):
                self.widen(parser, node)
            elif node is not None and node.is_text() and node.startchar is not None:
                run.append(node)
                continue
            for piece in run:
                if isinstance(piece, WildcardPlugin.WildcardNode):
                    piece.startchar, piece.endchar = run[0].startchar, run[-1].endchar
            run = []
        return group


class _FieldGroupPlugin(qparser.Plugin):
    """Turns each visible field into the index fields it stands for.

    Runs after Whoosh applies `field:` prefixes (priority 100). A "quoted phrase" asks for
    those exact words, so it searches only the folded fields: a stemmed field has dropped its
    stop words, and "the army" there would match any article about an army. Fuzzy terms and
    wildcards search the folded fields too: they are about words as written, not their stems.
    """

    def filters(self, parser: Any) -> list[tuple[Any, int]]:
        return [(self.expand, 105)]

    def expand(self, parser: Any, group: Any, relax_stop_words: bool | None = None) -> Any:
        if relax_stop_words is None:
            # Function words ask nothing of an article only beside a word that does: a query
            # of nothing else ("WHO", "IT", "the") searches them as written.
            relax_stop_words = _has_content_word(group)
        for i, node in enumerate(group):
            if getattr(node, "fieldname", None) == "source" and isinstance(node, syntax.WordNode):
                node.text = _outlet_domain(node.text)
            if isinstance(node, syntax.GroupNode):
                group[i] = self.expand(parser, node, relax_stop_words)
            elif isinstance(node, syntax.RangeNode) and node.fieldname == "published":
                group[i] = _DateRangeNode.of(node)
            elif (
                isinstance(node, PhrasePlugin.PhraseNode)
                and getattr(node, "fieldname", None) in ENTITY_FIELDS
            ):
                group[i] = _WholeNameNode(node)
            elif getattr(node, "fieldname", None) == "language" and isinstance(
                node, (syntax.WordNode, PhrasePlugin.PhraseNode)
            ):
                group[i] = copy.copy(node)
                group[i].text = language_code(node.text, node.startchar)
            elif node.has_fieldname:
                names = self._fields_for(node)
                if names is None:
                    continue
                if isinstance(node, syntax.WordNode) and not isinstance(node, _AS_WRITTEN):
                    node = _without_elision(node)
                    joined = _joined_word(node)
                    if joined is not None:
                        # Words joined by a hyphen or an apostrophe ("al-qaida", "Saint-Louis",
                        # "aujourd'hui") mean those words together, as a phrase; in the word
                        # fields (no positions) each would match anywhere: "al" in every "Al
                        # Jazeera", "l" in "Int'l".
                        names = self._fields_for(joined) or ()
                        group[i] = syntax.OrGroup([_with_field(joined, name) for name in names])
                        continue
                    stopped = bool(_stopped_in(node.text))
                    if stopped and not relax_stop_words:
                        group[i] = syntax.OrGroup(
                            [_with_field(node, name) for name in EXACT_DEFAULT_FIELDS]
                        )
                        continue
                    words = tuple(name for name in names if name in WORD_FIELDS)
                    nodes = [_with_field(node, name) for name in names if name not in WORD_FIELDS]
                    if words:
                        nodes.insert(0, _WordsNode(words, node))
                    if stopped:
                        # A function word of some language ("the", "le") asks nothing of any
                        # article: "the president" finds the French articles on a président too.
                        nodes.append(_AnyArticleNode())
                else:
                    nodes = [_with_field(node, name) for name in names]
                group[i] = syntax.OrGroup(nodes)
        return group

    @staticmethod
    def _fields_for(node: Any) -> tuple[str, ...] | None:
        exact = isinstance(node, _AS_WRITTEN)
        if node.fieldname is None:
            return EXACT_DEFAULT_FIELDS if exact else DEFAULT_FIELDS
        if node.fieldname in FIELD_GROUPS:
            return (node.fieldname,) if exact else FIELD_GROUPS[node.fieldname]
        return None


# Language names a user may write for `language:`, folded, in English and French (and the
# language's own name), for the languages of the region's news; any code works too.
_LANGUAGE_NAMES = {
    "en": ("english", "anglais"),
    "fr": ("french", "francais"),
    "ar": ("arabic", "arabe"),
    "ha": ("hausa", "haoussa"),
    "es": ("spanish", "espagnol", "espanol"),
    "pt": ("portuguese", "portugais", "portugues"),
    "de": ("german", "allemand", "deutsch"),
    "it": ("italian", "italien", "italiano"),
    "nl": ("dutch", "neerlandais", "nederlands"),
    "ru": ("russian", "russe"),
    "zh": ("chinese", "chinois"),
    "sw": ("swahili",),
    "wo": ("wolof",),
    "bm": ("bambara", "bamanankan"),
    "ff": ("fula", "fulani", "fulfulde", "peul", "pulaar"),
    "unknown": ("unknown", "inconnue", "inconnu", "und"),
}
_LANGUAGE_BY_NAME = {name: code for code, names in _LANGUAGE_NAMES.items() for name in names}
_LANGUAGE_CODE = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*", re.IGNORECASE)


def language_code(value: str, position: int | None = None) -> str:
    """The stored code `language:` asks for: a code in any case ("EN", "fr-FR" -> "fr") or a
    language's name in English or French ("french", "Français", "anglais"); QueryError else."""
    from sahelreader.text.fold import fold

    written = value.strip()
    named = _LANGUAGE_BY_NAME.get(fold(written).lower())
    if named is not None:
        return named
    match = _LANGUAGE_CODE.fullmatch(written)
    code = match.group(1).lower() if match is not None else ""
    if len(code) == 2 and code not in _ISO_639_1:
        # A two-letter typo ("xx", or a country's code: "sp", "ge") found nothing, silently.
        meant = _COUNTRY_NOT_LANGUAGE.get(code)
        if meant is not None:
            named = f" ({_LANGUAGE_NAMES[meant][0]})" if meant in _LANGUAGE_NAMES else ""
            hint = f": did you mean language:{meant}{named}?"
        else:
            hint = " (try a code or a name: language:fr, language:french)"
        raise QueryError(f"{written!r} is not a language code{hint}", position)
    if code:
        return code
    raise QueryError(
        f"{written!r} is not a language (try a code or a name: language:fr, language:french)",
        position,
    )


# ISO 639-1, with the codes it withdrew that older data still writes (iw, in, ji, mo, sh).
_ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv "
    "cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr "
    "ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw "
    "ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv "
    "ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr "
    "ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi "
    "yo za zh zu iw in ji mo sh".split()
)
# A country's code typed for its language's, where it is no language's code itself.
_COUNTRY_NOT_LANGUAGE = {
    "sp": "es",
    "ge": "de",
    "gr": "el",
    "jp": "ja",
    "cn": "zh",
    "dk": "da",
    "cz": "cs",
    "ua": "uk",
}


class _DateRangeNode(syntax.RangeNode):
    """A `published:` range whose ends mean what they say: `>2025-05-27` starts after the
    whole of that day, `<2025-05` ends before May begins, `>=`/`<=` and `[a TO b]` include the
    periods they name. (Whoosh's DATETIME widens each bound to its period and ignores the
    exclusion, so `>D` was `>=D`.)"""

    @classmethod
    def of(cls, node: Any) -> _DateRangeNode:
        made = cls(node.start, node.end, node.startexcl, node.endexcl)
        made.fieldname, made.boost = node.fieldname, node.boost
        made.startchar, made.endchar = node.startchar, node.endchar
        return made

    def query(self, parser: Any) -> Query:
        from whoosh.query import Every, NumericRange

        if self.start is None and self.end is None:
            return Every(self.fieldname, boost=self.boost)
        assert parser.schema is not None
        field = parser.schema[self.fieldname]
        # After a period: from its last instant, excluded; before one: to its first, excluded.
        start = None if self.start is None else _date_edge(field, self.start, self.startexcl)
        end = None if self.end is None else _date_edge(field, self.end, not self.endexcl)
        made = NumericRange(
            self.fieldname, start, end, self.startexcl, self.endexcl, boost=self.boost
        )
        setattr(made, "startchar", self.startchar)  # noqa: B010 (untyped on Query)
        setattr(made, "endchar", self.endchar)  # noqa: B010
        return made


def _date_edge(field: Any, text: str, last: bool) -> int:
    """The first (or `last`) instant of the period `text` names (2024, 2024-03, 2024-03-26),
    as the field's long; raises for what is not a date."""
    from whoosh.util.times import datetime_to_long

    at = field._parse_datestring(text)
    if hasattr(at, "floor"):  # a period (adatetime), not one instant (datetime)
        at = at.ceil() if last else at.floor()
    return int(datetime_to_long(at))


# French elided words (FRENCH_ELIDED): "l'armée" is "armée", "qu'Assimi" is "Assimi".
_ELISION = re.compile(r"^(\w+)['’](\w.*)$")


def _without_elision(node: Any) -> Any:
    """The word after a French elided article or pronoun (l', d', qu'...), else the node."""
    match = _ELISION.match(node.text)
    if match is None or match.group(1).lower() not in FRENCH_ELIDED:
        return node
    rest = copy.copy(node)
    rest.text = match.group(2)
    return rest


def _joined_word(node: Any) -> Any | None:
    """A phrase of a word's pieces when it is several words joined ("al-qaida", "Saint-Louis",
    "aujourd'hui"); None for one word (an elision is taken off first: `_without_elision`)."""
    word = node.text
    tokens = [token.text for token in folding_analyzer()(word)]
    if len(tokens) < 2:
        return None
    phrase = PhrasePlugin.PhraseNode(word, node.startchar)
    phrase.startchar, phrase.endchar = node.startchar, node.endchar
    phrase.set_fieldname(node.fieldname, override=True)
    return phrase


def _outlet_domain(text: str) -> str:
    """A `source:` value written as a host or an address names the site it is on, as outlets'
    domains are kept: "www.bbc.com", "edition.cnn.com", "https://elpais.com/x" -> "bbc.com",
    "cnn.com", "elpais.com"; anything else as written."""
    return site_domain(text.lower()) or text


def _has_content_word(group: Any) -> bool:
    """The query holds a word, a phrase or a name that is no function word (or anything that
    is not a plain word: a field, a wildcard, a date)."""
    for node in group:
        if isinstance(node, syntax.GroupNode):
            if _has_content_word(node):
                return True
        elif isinstance(node, syntax.WordNode) and not isinstance(node, _AS_WRITTEN):
            if node.fieldname is not None or not _stopped_in(node.text):
                return True
        elif not isinstance(node, syntax.Operator) and node.has_text:
            return True
    return False


def _stopped_in(text: str) -> list[str]:
    """The languages whose word fields drop all of `text` (a stop word there)."""
    words = [token.text for token in folding_analyzer()(text)]
    if not words:
        return []
    return [lang for lang in STEMMED_LANGUAGES if all(w in stop_words(lang) for w in words)]


class _WordsNode(syntax.SyntaxNode):
    """A query word in the word fields: any of its forms (one per language, repeats dropped)
    in any of the fields; a form of several terms ("d'Assimi") needs them all."""

    has_fieldname = False
    has_text = False

    def __init__(self, fields: tuple[str, ...], node: Any) -> None:
        self.fields = fields
        self.text = node.text
        self.boost = getattr(node, "boost", 1.0)
        self.startchar: int | None = node.startchar
        self.endchar: int | None = node.endchar

    def r(self) -> str:
        return f"<words {self.text!r} in {','.join(self.fields)}>"

    def query(self, parser: Any) -> Query:
        from whoosh.query import And

        options: list[Query] = []
        for field in self.fields:
            for terms in word_forms(self.text):
                if len(terms) == 1:
                    options.append(Term(field, terms[0], boost=self.boost))
                else:
                    options.append(And([Term(field, t) for t in terms], boost=self.boost))
        if not options:
            return NullQuery
        query = options[0] if len(options) == 1 else Or(options)
        setattr(query, "startchar", self.startchar)  # noqa: B010 (untyped on Query)
        setattr(query, "endchar", self.endchar)  # noqa: B010
        return query


class _WholeNameNode(syntax.SyntaxNode):
    """A quoted name in an entity field (`organisation:"nations unies"`): the entities of that
    name, whole, under any of their names (the index holds each name's `name_key` in the
    field's names field), not a longer name holding the words ("Programme des Nations unies
    pour le développement"). An unquoted word still matches a word of any name."""

    has_fieldname = False
    has_text = False

    def __init__(self, node: Any) -> None:
        self.field = node.fieldname
        self.text = node.text
        self.boost = getattr(node, "boost", 1.0)
        self.startchar: int | None = node.startchar
        self.endchar: int | None = node.endchar

    def r(self) -> str:
        return f"<name {self.text!r} in {self.field}>"

    def query(self, parser: Any) -> Query:
        key = name_key(self.text)
        if not key:
            return NullQuery
        field = names_field(self.field)
        query: Query = Term(field, key, boost=self.boost)
        # "Roch Marc Christian Kaboré" is also the "Roch Kaboré" of another article (the index
        # holds a person's name without its middle names too).
        short = person_short_key(self.text) if self.field in ("person", "entity") else None
        if short and short != key:
            query = Or([query, Term(field, short, boost=self.boost)])
        setattr(query, "startchar", self.startchar)  # noqa: B010 (untyped on Query)
        setattr(query, "endchar", self.endchar)  # noqa: B010
        return query


class _AnyArticleNode(syntax.SyntaxNode):
    """Every article, scoring nothing: a stop word's place in its word group."""

    has_fieldname = False
    has_text = False

    def __init__(self) -> None:
        self.startchar: int | None = None
        self.endchar: int | None = None

    def r(self) -> str:
        return "<any article>"

    def query(self, parser: Any) -> Query:
        return ConstantScoreQuery(Every(), 0.0)


_AS_WRITTEN = (
    PhrasePlugin.PhraseNode,
    _FuzzyPlugin.FuzzyTermNode,
    WildcardPlugin.WildcardNode,
    PrefixPlugin.PrefixNode,
)


def _with_field(node: Any, name: str) -> Any:
    fielded = copy.copy(node)
    fielded.set_fieldname(name, override=True)
    return fielded


# NOT, or a minus at the start of a word as web search engines read it (`mali -football`,
# `-"coupe du monde"`, `-(a OR b)`): not a hyphen inside a word (`al-Qaida`) nor a lone `-`.
_NOT = r"(^|(?<=(\s|[()])))(NOT(?=\s)|-(?=[^\s\-]))"


def make_parser(schema: Schema) -> qparser.QueryParser:
    parser = qparser.QueryParser(None, schema, group=qparser.AndGroup)
    parser.replace_plugin(qparser.OperatorsPlugin(Not=_NOT))
    parser.add_plugin(_FuzzyPlugin())
    parser.add_plugin(_WildcardSpanPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(_FieldGroupPlugin())
    return parser


def parse(parser: qparser.QueryParser, text: str) -> ParsedQuery:
    text = text.strip()
    if not text:
        raise QueryError("the query is empty")
    _check_balance(text)
    _check_operators(text)
    text = _lowercase_field_names(text)
    text = _cjk_prefixes_as_words(text)
    _check_fields_have_values(text)
    _check_date_times(text)
    _check_doubled(text)
    _check_field_names(text, frozenset(parser.schema.names()) if parser.schema else frozenset())
    _check_bare_wildcards(text)
    try:
        tree = parser.process(text)
    except IndexError as error:  # Whoosh's < and > with nothing before them: "<0", "(>5)"
        raise QueryError(
            "cannot understand the query: < and > compare a field with a value, "
            "e.g. published:>2024-03"
        ) from error
    _check_dates(parser, tree)
    _check_fuzzy(tree)
    try:
        # From the tree made for the checks above: parser.parse(text) would make it again
        # (half of a date search's time).
        query = tree.query(parser)
        query = (query if query else NullQuery).normalize()
    except Exception as error:  # Whoosh raises bare Exception for unparseable dates
        raise QueryError(f"cannot understand the query: {error}") from error
    if _is_null(query):
        raise QueryError("the query has nothing to search for (only stop words or operators?)")
    return ParsedQuery(text, query)


_CLOSERS = {"(": ")", "[": "]", "{": "}"}


@dataclass(frozen=True)
class _Marks:
    """How a query's quotes and brackets pair up: a closing one that closes nothing, or the
    quote and the brackets (with their positions) still open at the end."""

    unexpected: tuple[str, int] | None
    open_quote: int | None
    open_brackets: tuple[tuple[str, int], ...]


def _scan_marks(text: str) -> _Marks:
    quote_at: int | None = None
    stack: list[tuple[str, int]] = []
    opener = {closer: opening for opening, closer in _CLOSERS.items()}
    for position, char in enumerate(text):
        if char == '"':
            quote_at = position if quote_at is None else None
        elif quote_at is not None:
            continue
        elif char in _CLOSERS:
            stack.append((char, position))
        elif char in opener:
            if not stack or stack[-1][0] != opener[char]:
                return _Marks((char, position), quote_at, tuple(stack))
            stack.pop()
    return _Marks(None, quote_at, tuple(stack))


def close_open_marks(text: str) -> str:
    """The query with a quote or brackets left open at its end closed, for a search box that
    searches while the query is typed: `"junte mili` is the phrase so far, `(Mali OR` the
    group so far. A query with any other mistake comes back unchanged (the parser says what
    is wrong with it)."""
    marks = _scan_marks(text)
    if marks.unexpected is not None:
        return text
    closing = '"' if marks.open_quote is not None else ""
    closing += "".join(_CLOSERS[char] for char, _ in reversed(marks.open_brackets))
    return text + closing


def _check_balance(text: str) -> None:
    marks = _scan_marks(text)
    if marks.unexpected is not None:
        char, position = marks.unexpected
        raise QueryError(f"unexpected {char!r}", position)
    if marks.open_quote is not None:
        raise QueryError('this quote is never closed: add a closing "', marks.open_quote)
    if marks.open_brackets:
        char, position = marks.open_brackets[-1]
        raise QueryError(f"this {char!r} is never closed", position)


def _check_operators(text: str) -> None:
    words: list[tuple[str, int]] = []
    position, in_quote = 0, False
    for token in text.replace("(", " ").replace(")", " ").split(" "):
        if token:
            if not in_quote:
                words.append((token, position))
            if token.count('"') % 2:
                in_quote = not in_quote
        position += len(token) + 1
    if not words:
        return
    first, first_at = words[0]
    last, last_at = words[-1]
    if first in _OPERATORS - {"NOT"}:
        raise QueryError(f"{first} needs something before it", first_at)
    if last in _OPERATORS:
        raise QueryError(f"{last} needs something after it", last_at)


# A field name and its colon with nothing after them: `title:`, `niger person: mali`, or
# only a comparison: `published:>`, `published:<=`.
_FIELD_WITHOUT_VALUE = re.compile(
    r"(?<![\w\"])(" + "|".join(SEARCHABLE_FIELDS) + r"):(<=|>=|=<|=>|<|>)?(?=\s|\)|$)",
    re.IGNORECASE,
)


# What each field takes, for the hint when it is given nothing.
_FIELD_EXAMPLES = {
    "source": "rfi",
    "author": "diallo",
    "published": "2024-06",
    "language": "fr",
    "person": "tiani",
    "organisation": "ecowas",
    "entity": "ecowas",
}


def _check_fields_have_values(text: str) -> None:
    """Whoosh searched `title:` as the word "title", or for nothing: say what is missing."""
    for match in _FIELD_WITHOUT_VALUE.finditer(text):
        if text.count('"', 0, match.start()) % 2 == 0:  # not inside a quoted phrase
            field, compared = match.group(1).lower(), match.group(2) or ""
            example = _FIELD_EXAMPLES.get(field, "niamey")
            if field == "published":
                what, example = "a date", compared + example
            else:  # a comparison means nothing for words: the example leaves it out
                what = "a word after it"
            raise QueryError(
                f"{field}:{compared} needs {what} (e.g. {field}:{example})", match.start()
            )


# A `published:` value with a time of day: "2025-05-27T10:00", "2025-05-28T12".
_DATE_WITH_TIME = re.compile(
    r"\bpublished:(?P<compared>[<>]=?)?\[?(?P<value>(?P<day>\d{4}-\d{1,2}-\d{1,2})[Tt]\d[^\s\])]*)"
)


def _check_date_times(text: str) -> None:
    """A time in a `published:` value was cut at its colon by the parser, and the error quoted
    the piece ("'2025-05-' is not a date"): say what is wrong with the value as written."""
    for match in _DATE_WITH_TIME.finditer(text):
        if _outside_quotes(text, match.start()):
            compared = match.group("compared") or ""
            raise QueryError(
                f"{match.group('value')!r} is not a date: times are not supported, give a day "
                f"(published:{compared}{match.group('day')})",
                match.start("value"),
            )


# Two comparisons, or a field named twice: "published:<>2025", "published:>>2025",
# "title:title:mali" (searched as nothing at all).
_DOUBLED = re.compile(
    r"\b(?P<field>[^\W\d_]+):(?:(?P<ops>[<>=]{2,}(?<!>=)(?<!<=)|[<>]=[<>=]+)"
    r"|(?P<again>[^\W\d_]+):)"
)


def _check_doubled(text: str) -> None:
    for match in _DOUBLED.finditer(text):
        if not _outside_quotes(text, match.start()):
            continue
        field = match.group("field").lower()
        if match.group("ops"):
            raise QueryError(
                f"{field}:{match.group('ops')} is no comparison: use one of >, <, >= or <= "
                f"(e.g. {field}:>2024-06)",
                match.start("ops"),
            )
        if field in SEARCHABLE_FIELDS and match.group("again").lower() in SEARCHABLE_FIELDS:
            raise QueryError(
                f"{field}:{match.group('again')}: names two fields; give one ({field}:word)",
                match.start(),
            )


# A name of letters, a colon and a value right after it: `foo:bar`, `plac:niamey`, `x:"a b"`.
# Not a time ("10:30": digits), a url ("https://"), a label ("Mali: the junta": a space), an
# index field's own name (`title_words`: an underscore), nor a word inside another ("a.b:c").
_FIELD_LIKE = re.compile(r"(?<![\w\"'’./:@#-])([^\W\d_]{2,}):(?=[^\s/:)])")


def _outside_quotes(text: str, at: int) -> bool:
    return text.count('"', 0, at) % 2 == 0


# A prefix of Chinese or Japanese characters (`ニジェ*`): the index holds their pairs, so no
# term starts with three of them; as a plain word (all its pairs) it finds every word it
# begins, as a prefix would.
_CJK_PREFIX = re.compile(f"(?<![\\w*?])[{CJK_CHARS}]{{2,}}(\\*)(?=$|[\\s)])")


def _cjk_prefixes_as_words(text: str) -> str:
    """`ニジェ*` as the word `ニジェ`, outside quotes (the star becomes a space: same length)."""

    def plain(match: re.Match[str]) -> str:
        if not _outside_quotes(text, match.start()):
            return match.group(0)
        return match.group(0)[:-1] + " "

    return _CJK_PREFIX.sub(plain, text)


def _lowercase_field_names(text: str) -> str:
    """`Title:sanctions` and `LANGUAGE:fr` as `title:` and `language:` (Whoosh knows field
    names in lower case only, and searched `Title:x` as the words "title x"). Same length."""

    def lower(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.lower() in SEARCHABLE_FIELDS and _outside_quotes(text, match.start()):
            return name.lower() + ":"
        return match.group(0)

    return _FIELD_LIKE.sub(lower, text)


def _check_field_names(text: str, known: frozenset[str]) -> None:
    """`foo:bar` and `plac:niamey` were searched as the words "foo bar": name the fields."""
    for match in _FIELD_LIKE.finditer(text):
        name = match.group(1)
        if name in known or not _outside_quotes(text, match.start()):
            continue
        close = _closest_field(name.lower())
        # What to do first (the closest field, quoting), the list last: a narrow message line
        # cuts the end of a long message.
        hint = f"did you mean {close}:? " if close else ""
        written = text[match.start() :].split()[0]
        quoted = f'In quotes, "{written}" is searched as words. ' if '"' not in written else ""
        raise QueryError(
            f"unknown field {name}: {hint}{quoted}Fields: {', '.join(_LISTED_FIELDS)}",
            match.start(),
        )


# A term of wildcards alone (`*`, `?`, `??*`), not after a field: `?` matched every one-letter
# word, `*` every article, thousands of hits that said nothing about the query typed.
_BARE_WILDCARD = re.compile(r"(?<![^\s(+\-])[*?]+(?=$|[\s)])")


def _check_bare_wildcards(text: str) -> None:
    for match in _BARE_WILDCARD.finditer(text):
        if _outside_quotes(text, match.start()):
            raise QueryError(
                f"`{match.group()}` alone matches any word: a wildcard stands for letters "
                "beside it (niger*, m?li)",
                match.start(),
            )


# The fields as the README lists them.
_LISTED_FIELDS = (
    "title",
    "body",
    "note",
    "source",
    "author",
    "language",
    "published",
    "person",
    "place",
    "organisation",
    "entity",
)


def _closest_field(name: str) -> str | None:
    """The field `name` is a typo (at most 2 edits, 1 for a short name) or a start of."""
    from whoosh.support.levenshtein import damerau_levenshtein

    if name in ("organization", "organisations", "organizations", "org"):
        return "organisation"
    best: tuple[int, str] | None = None
    for field in _LISTED_FIELDS:
        edits = damerau_levenshtein(name, field)
        if len(name) >= 3 and field.startswith(name):
            edits = min(edits, 1)
        if edits <= (1 if len(name) <= 4 else 2) and (best is None or edits < best[0]):
            best = (edits, field)
    return best[1] if best else None


def _check_fuzzy(node: Any) -> None:
    if isinstance(node, syntax.GroupNode):
        for child in node:
            _check_fuzzy(child)
    elif isinstance(node, _FuzzyPlugin.FuzzyTermNode) and (node.maxdist or 0) > MAX_FUZZY_EDITS:
        raise QueryError(
            f"fuzzy terms allow at most {MAX_FUZZY_EDITS} edits (`{node.text}~` picks by length)",
            node.startchar,
        )


def _check_dates(parser: qparser.QueryParser, node: Any) -> None:
    if isinstance(node, syntax.GroupNode):
        for child in node:
            _check_dates(parser, child)
        return
    if getattr(node, "fieldname", None) != "published":
        return
    assert parser.schema is not None
    field = parser.schema["published"]
    position = getattr(node, "startchar", None)
    try:
        if isinstance(node, syntax.RangeNode):
            for bound in (node.start, node.end):
                if bound and _is_null(field.parse_query("published", bound)):
                    raise QueryError(f"{bound!r} is not a date (try 2024, 2024-03 or 2024-03-26)")
            if node.start and node.end:
                if _date_edge(field, node.start, False) > _date_edge(field, node.end, True):
                    raise QueryError(
                        f"the range is reversed: {node.start} comes after {node.end} "
                        f"(try published:[{node.end} TO {node.start}])"
                    )
            return
        text = getattr(node, "text", "")
        if text and _is_null(field.parse_query("published", text)):
            raise QueryError(f"{text!r} is not a date (try 2024, 2024-03 or 2024-03-26)", position)
    except QueryError as error:
        if error.position is None:
            raise QueryError(error.message, position) from None
        raise
    except Exception as error:
        raise QueryError(f"not a date: {error}", position) from error


def _is_null(query: Query) -> bool:
    # whoosh3 builds fresh _NullQuery instances, so identity with NullQuery is not enough.
    return isinstance(query, type(NullQuery))


# -- filters: the parts of a query that need no ranking ------------------------------------------


@dataclass(frozen=True)
class Filters:
    """What a query says about dates and languages, AND-ed with the rest of it.

    `ranges` are the `published:` ranges (Whoosh's own longs, µs since year 1, naive UTC);
    `languages` the `language:` values. Both are answered from the store's indexes (alone) or
    as a filter on the Whoosh search (with terms), never expanded into every date's terms.
    """

    ranges: tuple[Any, ...] = ()  # whoosh.query.NumericRange on "published"
    languages: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.ranges or self.languages)

    def bounds(self) -> tuple[int | None, int | None] | None:
        """The ranges intersected: (lowest, highest) inclusive, None for open; None if empty."""
        low: int | None = None
        high: int | None = None
        for rng in self.ranges:
            start = rng.start
            if start is not None and rng.startexcl:
                start += 1
            end = rng.end
            if end is not None and rng.endexcl:
                end -= 1
            if start is not None:
                low = start if low is None else max(low, start)
            if end is not None:
                high = end if high is None else min(high, end)
        if low is not None and high is not None and low > high:
            return None
        return low, high

    def iso_bounds(self) -> tuple[str | None, str | None] | None:
        """bounds() as ISO texts in UTC, the form the store keeps dates in; None if empty."""
        from datetime import timezone

        from whoosh.util.times import long_to_datetime

        found = self.bounds()
        if found is None:
            return None

        def iso(value: int | None) -> str | None:
            if value is None:
                return None
            return str(long_to_datetime(value).replace(tzinfo=timezone.utc).isoformat())

        return iso(found[0]), iso(found[1])


def _as_filter(query: Query) -> tuple[str, Any] | None:
    from whoosh.query import NumericRange

    if isinstance(query, NumericRange) and query.fieldname == "published":
        return "range", query
    if isinstance(query, Term) and query.fieldname == "language":
        return "language", str(query.text)
    return None


def split_filters(query: Query) -> tuple[Query | None, Filters]:
    """(the query without its top-level date and language filters, those filters).

    Only filters AND-ed at the top count (`niamey published:2023`, `published:2024-03`,
    `language:fr published:>2024-08`); under OR or NOT they stay in the query. The first part is
    None when the query is nothing but filters.
    """
    from whoosh.query import And

    parts = list(query.subqueries) if isinstance(query, And) else [query]
    ranges: list[Any] = []
    languages: list[str] = []
    rest: list[Query] = []
    for part in parts:
        found = _as_filter(part)
        if found is None:
            rest.append(part)
        elif found[0] == "range":
            ranges.append(found[1])
        else:
            languages.append(found[1])
    filters = Filters(tuple(ranges), tuple(languages))
    if not filters:
        return query, filters
    if not rest:
        return None, filters
    return (rest[0] if len(rest) == 1 else And(rest, boost=getattr(query, "boost", 1.0))), filters
