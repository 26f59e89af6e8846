"""Queries answered straight from the postings, with Whoosh's own BM25F scores.

Whoosh runs a query as a tree of matcher objects and asks each one, for every posting, for its
id, weight and score through several layers of Python calls; an exact phrase builds a span
object for every position of every word. That machinery is most of a search's time here (a
two-word query 5x, a phrase 20x FTS5's time at 10k articles). This module evaluates the
query shapes the parser produces (terms, AND, OR, AND NOT, ANDMAYBE, exact phrases, constant
scores) a block of postings at a time into a {document: score} map, then keeps the best. The
scores are Whoosh's: the same BM25F (idf, average and per-document field lengths, K1, B), the
same sums for AND and OR, the same boosts, so the ranking does not change — only its cost.

Phrases are checked with the positions of the candidate documents only: the words' postings
are intersected first, then positions are decoded for the documents holding all of them.

Anything else (ranges under OR, Every, a NOT on its own, another codec) is `Unsupported`, and
the caller falls back to Whoosh's searcher. This reads whoosh3's segment internals (the raw
posting matchers and their blocks), as `lengths_in_memory` does; `supported()` checks for them.
"""

from __future__ import annotations

import heapq
import threading
import weakref
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from math import log
from pickle import loads
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.formats import Positions
from whoosh.query import (
    And,
    AndMaybe,
    AndNot,
    ConstantScoreQuery,
    Not,
    NullQuery,
    Or,
    Phrase,
    Query,
    Term,
)
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F

Scores = dict[int, float]  # document number in the whole index -> score
# One block of a word's postings: documents, weights, and a function giving their values.
_Block = tuple[Sequence[int], Sequence[float], Callable[[], Sequence[Any]]]


class Unsupported(Exception):
    """A query this module does not evaluate: the caller uses Whoosh's searcher instead."""


def supported(searcher: Any) -> bool:
    """True if every segment is whoosh3's codec with the internals read here, and the
    searcher scores with BM25F (its B may differ by field)."""
    weighting = searcher.weighting
    if type(weighting) is not BM25F:
        return False
    for leaf, _ in _leaves(searcher.reader()):
        if not hasattr(leaf, "_terms") or not hasattr(leaf, "_perdoc"):
            return False
    return True


def evaluate(query: Query, searcher: Any) -> Scores:
    """Every document `query` matches in `searcher`, with its score (deleted ones left out)."""
    return _Evaluator(searcher).run(query)


def best(scores: Scores, limit: int | None) -> list[tuple[int, float]]:
    """The `limit` best (document, score) pairs, best first; ties go to the lower document
    number, as in Whoosh's collector."""
    if limit is None or limit >= len(scores):
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return heapq.nsmallest(limit, scores.items(), key=lambda item: (-item[1], item[0]))


# Per reader (an index version): the length norms of each (segment, field, average length).
_NORMS: weakref.WeakKeyDictionary[Any, dict[tuple[int, str, float], Sequence[float]]] = (
    weakref.WeakKeyDictionary()
)


def _deleted(leaf: Any) -> frozenset[int] | None:
    """The segment's deleted documents, or None if it has none."""
    if not leaf.has_deletions():
        return None
    deleted = leaf.deleted_docs_set  # a cached property in whoosh3, a method in Whoosh 2.7
    return frozenset(deleted() if callable(deleted) else deleted)


def live_doc_frequency(reader: Any, field: str, word: str) -> int:
    """How many live documents hold `word` in `field`: what a search for it finds.

    Whoosh's `doc_frequency` also counts deleted documents until their segment is merged away,
    and saving a note or a bookmark rewrites the article's document (a delete and an add): an
    entity's "N articles" grew with every save. A segment without deletions answers from its
    term info; in one with deletions, the deleted documents among the word's postings are
    taken off, reading only the blocks whose range of documents holds a deleted one (a few
    hundred microseconds for a common name at 4,000 articles), kept while the reader lives.
    """
    if field not in reader.schema:
        return 0
    kept = _LIVE_FREQUENCIES.setdefault(reader, {})
    found = kept.get((field, word))
    if found is None:
        if len(kept) >= _LIVE_KEPT:
            kept.clear()
        found = kept[(field, word)] = _live_doc_frequency(reader, field, word)
    return found


_LIVE_FREQUENCIES: weakref.WeakKeyDictionary[Any, dict[tuple[str, str], int]] = (
    weakref.WeakKeyDictionary()
)
_LIVE_KEPT = 20_000  # (field, word) counts kept per reader


def _live_doc_frequency(reader: Any, field: str, word: str) -> int:
    schema_field = reader.schema[field]
    btext = schema_field.to_bytes(word)
    total = 0
    for leaf, _ in _leaves(reader):
        if not hasattr(leaf, "_terms"):  # an empty index's reader has no term table
            total += int(leaf.doc_frequency(field, word))
            continue
        try:
            info = leaf._terms.term_info(field, btext)
        except (TermNotFound, KeyError):
            continue
        found = int(info.doc_frequency())
        deleted = _deleted(leaf)
        if found and deleted:
            terms = leaf._terms
            matcher = terms._codec.postings_reader(
                terms._postfile, info, schema_field.format, term=(field, btext)
            )
            found -= _deleted_among(matcher, deleted)
        total += found
    return total


def _deleted_among(matcher: Any, deleted: frozenset[int]) -> int:
    """How many of a raw posting matcher's documents are deleted: only the blocks whose range
    of documents holds a deleted one are decompressed, and only their document numbers."""
    if not isinstance(matcher, W3LeafMatcher):
        return sum(1 for doc in matcher.all_ids() if doc in deleted)
    block: Any = matcher
    ordered = sorted(deleted)
    first, count = 0, 0
    while block.is_active():
        last = block._maxid
        at = bisect_left(ordered, first)
        if at == len(ordered):
            break
        first = last + 1
        if ordered[at] <= last:
            if block._data is None:
                block._read_data()
            data = block._data
            ids = data[0] if block._byteids else accumulate(data[0])
            count += len(deleted.intersection(ids))
        block._next_block()
    return count


class _TermScores:
    """Recently scored words of one index version, up to a number of postings in all."""

    LIMIT = 1_000_000  # postings (about 100 MB at worst); a common word at 50k holds 30,000

    def __init__(self) -> None:
        self._scores: OrderedDict[tuple[str, Any, float], Scores] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, Any, float]) -> Scores | None:
        with self._lock:
            found = self._scores.get(key)
            if found is not None:
                self._scores.move_to_end(key)
            return found

    def put(self, key: tuple[str, Any, float], scores: Scores) -> None:
        with self._lock:
            if key in self._scores or len(scores) > self.LIMIT // 4:
                return
            self._scores[key] = scores
            self._size += len(scores)
            while self._size > self.LIMIT:
                _, dropped = self._scores.popitem(last=False)
                self._size -= len(dropped)


_TERMS: weakref.WeakKeyDictionary[Any, _TermScores] = weakref.WeakKeyDictionary()


def _leaves(reader: Any) -> list[tuple[Any, int]]:
    return [(reader, 0)] if reader.is_atomic() else list(reader.leaf_readers())


class _Evaluator:
    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.schema = self.reader.schema
        self.leaves = _leaves(self.reader)
        self.deleted = [_deleted(leaf) for leaf, _ in self.leaves]
        weighting = searcher.weighting
        self.k1: float = weighting.K1
        self.b: float = weighting.B
        self.field_b: dict[str, float] = dict(getattr(weighting, "_field_B", {}))
        self._norms = _NORMS.setdefault(self.reader, {})
        self._terms = _TERMS.setdefault(self.reader, _TermScores())
        self._infos: dict[tuple[str, Any], dict[int, Any]] = {}

    def run(self, query: Query, within: Collection[int] | None = None) -> Scores:
        """The documents `query` matches, with their scores. With `within`, documents outside
        it may be left out (a phrase then reads positions only for those): what an AND's
        other parts already allow."""
        if query is NullQuery or type(query).__name__ == "_NullQuery":
            return {}
        if isinstance(query, Term) and type(query) is Term:
            return self.term(query.fieldname, query.text, query.boost)
        if isinstance(query, Phrase) and type(query) is Phrase:
            return self.phrase(query, within)
        if isinstance(query, ConstantScoreQuery):
            found = self.run(query.child, within)
            return dict.fromkeys(found, float(query.score))
        if isinstance(query, AndNot):
            positive = self.run(query.a)
            for doc in self.run(query.b):
                positive.pop(doc, None)
            return _boosted(positive, query.boost)
        if isinstance(query, AndMaybe):
            required = self.run(query.a)
            optional = self.run(query.b)
            for doc, score in optional.items():
                if doc in required:
                    required[doc] += score
            return _boosted(required, query.boost)
        if isinstance(query, And):
            return self.conjunction(query)
        if isinstance(query, Or):
            if any(isinstance(sub, Not) for sub in query.subqueries):
                raise Unsupported("NOT inside OR")
            # The largest part is the start (its own dict: `run` hands out copies), and only
            # the others are added into it one document at a time.
            parts = sorted((self.run(sub, within) for sub in query.subqueries), key=len)
            total = parts.pop() if parts else {}
            for part in parts:
                for doc, score in part.items():
                    total[doc] = total.get(doc, 0.0) + score
            # A compound of one query is that query in Whoosh, boost and all.
            return total if len(query.subqueries) == 1 else _boosted(total, query.boost)
        raise Unsupported(type(query).__name__)

    def conjunction(self, query: And) -> Scores:
        positives = [sub for sub in query.subqueries if not isinstance(sub, Not)]
        negatives = [sub.query for sub in query.subqueries if isinstance(sub, Not)]
        if not positives:
            raise Unsupported("AND of NOTs only")
        # Words first, rarest first, so the running intersection is small from the start;
        # then the parts holding a phrase, which check positions only for what is left.
        words = [sub for sub in positives if not _holds_phrase(sub)]
        phrases = [sub for sub in positives if _holds_phrase(sub)]
        parts = sorted((self.run(sub) for sub in words), key=len)
        total = parts[0] if parts else self.run(phrases.pop(0))
        for part in parts[1:]:
            if not total:
                break
            total = {doc: score + part[doc] for doc, score in total.items() if doc in part}
        for sub in phrases:
            if not total:
                break
            part = self.run(sub, total.keys())
            total = {doc: score + part[doc] for doc, score in total.items() if doc in part}
        for negative in negatives:
            if not total:
                break
            for doc in self.run(negative):
                total.pop(doc, None)
        if len(query.subqueries) == 1:
            return total
        return _boosted(total, query.boost)

    # -- one word ------------------------------------------------------------------------------

    def term(self, field: str, text: Any, boost: float = 1.0) -> Scores:
        """One word's documents and scores: a copy of the remembered ones when this index
        version scored it lately (typing "niamey d", "niamey dr"… rescores only the new word)."""
        key = (field, text, boost)
        remembered = self._terms.get(key)
        if remembered is None:
            remembered = self._scored_term(field, text, boost)
            self._terms.put(key, remembered)
        return dict(remembered)  # callers add to and remove from what they get

    def _scored_term(self, field: str, text: Any, boost: float) -> Scores:
        scored: Scores = {}
        word = self.scorer(field, text, boost)
        if word is None:
            return scored
        factor = word.factor
        for number, (leaf, offset) in enumerate(self.leaves):
            norm = word.norms[number] if word.norms is not None else None
            for ids, weights, _ in self.blocks(number, leaf, field, text):
                if norm is None:  # a field without lengths (an ID): the weight is the score
                    for doc, weight in zip(ids, weights, strict=True):
                        scored[doc + offset] = weight * factor
                else:  # inlined: this loop is most of a search's time
                    for doc, weight in zip(ids, weights, strict=True):
                        scored[doc + offset] = factor * weight / (weight + norm[doc])
        return scored

    def infos(self, field: str, text: Any) -> dict[int, Any]:
        """The word's term info in each segment that holds it, by segment number: one lookup
        a segment for the whole query (Whoosh's reader looked each up three or four times,
        most of a rare word's time with a dozen segments)."""
        key = (field, text)
        found = self._infos.get(key)
        if found is None:
            found = {}
            if field in self.schema:
                btext = self.schema[field].to_bytes(text)
                for number, (leaf, _) in enumerate(self.leaves):
                    try:
                        found[number] = leaf._terms.term_info(field, btext)
                    except (TermNotFound, KeyError):
                        continue
            self._infos[key] = found
        return found

    def scorer(self, field: str, text: Any, boost: float) -> _WordScore | None:
        """How one word scores in `field` (boosted); None if no segment holds it."""
        infos = self.infos(field, text)
        # Whoosh's document frequency: the segments' postings, deleted documents included.
        frequency = sum(info.doc_frequency() for info in infos.values())
        if frequency == 0:
            return None
        if not self.schema[field].scorable:
            return _WordScore(boost, None)
        # WeightingModel.idf, as Whoosh's searcher computes it.
        idf = log(self.reader.doc_count_all() / (frequency + 1)) + 1
        average = self.searcher.avg_field_length(field) or 1
        norms = [
            self.norms(number, leaf, field, average) for number, (leaf, _) in enumerate(self.leaves)
        ]
        return _WordScore(idf * (self.k1 + 1) * boost, norms)

    def norms(self, number: int, leaf: Any, field: str, average: float) -> Sequence[float]:
        """K1 x ((1 - B) + B x length / average) for every document of a segment."""
        key = (number, field, average)
        cached = self._norms.get(key)
        if cached is None:
            k1, b = self.k1, self.field_b.get(field, self.b)
            lengths = _field_lengths(leaf, field)
            cached = [k1 * ((1 - b) + b * length / average) for length in lengths]
            self._norms[key] = cached
        return cached

    def blocks(
        self, number: int, leaf: Any, field: str, text: Any, within: Sequence[int] | None = None
    ) -> Iterator[_Block]:
        """The word's postings in one segment, a block at a time: (documents, weights, a
        function returning the block's values), deleted documents left out. With `within`
        (sorted document numbers), blocks holding none of them are not read at all."""
        info = self.infos(field, text).get(number)
        if info is None:
            return
        btext = self.schema[field].to_bytes(text)
        terms = leaf._terms
        matcher = terms._codec.postings_reader(
            terms._postfile, info, self.schema[field].format, term=(field, btext)
        )
        deleted = self.deleted[number]
        for ids, weights, values in _raw_blocks(matcher, within):
            if deleted:
                keep = [i for i, doc in enumerate(ids) if doc not in deleted]
                if len(keep) < len(ids):
                    kept_ids = [ids[i] for i in keep]
                    kept_weights = [weights[i] for i in keep]
                    all_values = values

                    def kept_values(
                        _keep: list[int] = keep, _all: Callable[[], Sequence[Any]] = all_values
                    ) -> Sequence[Any]:
                        got = _all()
                        return [got[i] for i in _keep]

                    yield kept_ids, kept_weights, kept_values
                    continue
            yield ids, weights, values

    # -- exact phrases -------------------------------------------------------------------------

    def phrase(self, query: Phrase, within: Collection[int] | None = None) -> Scores:
        """Documents holding the words in a row: Whoosh's Phrase with slop 1, scored as Whoosh
        scores it (the sum of the words' scores in the document); with `within`, only among
        those documents."""
        if query.slop != 1:
            raise Unsupported("phrase with slop")
        field, words = query.fieldname, list(query.words)
        if field not in self.schema or not words:
            return {}
        if not self.schema[field].format.supports("positions"):
            raise Unsupported("phrase on a field without positions")
        if len(words) == 1:
            return self.term(field, words[0], query.boost)
        scorers = [self.scorer(field, word, 1.0) for word in words]
        if any(score is None for score in scorers):
            return {}
        fmt = self.schema[field].format
        decode = _decode_positions if type(fmt) is Positions else fmt.decode_positions
        found: Scores = {}
        distinct = list(dict.fromkeys(words))
        steps = list(enumerate(words[1:], start=1))
        for number, (leaf, offset) in enumerate(self.leaves):
            # One pass per distinct word, rarest first: each keeps (weight, encoded positions)
            # of the documents that held every word before it, so common words cost little.
            held: dict[str, dict[int, tuple[float, Any]]] = {}
            candidates: set[int] | None = None
            if within is not None:
                end = offset + leaf.doc_count_all()
                candidates = {doc - offset for doc in within if offset <= doc < end}
                if not candidates:
                    continue
            here = {word: self.infos(field, word).get(number) for word in distinct}
            frequency = {w: info.doc_frequency() for w, info in here.items() if info is not None}
            if len(frequency) < len(distinct):
                continue  # a word this segment lacks: no phrase here
            for word in sorted(distinct, key=frequency.__getitem__):
                kept: dict[int, tuple[float, Any]] = {}
                among = None if candidates is None else sorted(candidates)
                for ids, block_weights, values in self.blocks(number, leaf, field, word, among):
                    if candidates is None:
                        held_here = zip(block_weights, values(), strict=True)
                        kept.update(zip(ids, held_here, strict=True))
                        continue
                    wanted = [i for i, doc in enumerate(ids) if doc in candidates]
                    if not wanted:
                        continue
                    block_values = values()
                    for i in wanted:
                        kept[ids[i]] = (block_weights[i], block_values[i])
                held[word] = kept
                candidates = set(kept)
                if not candidates:
                    break
            if not candidates:
                continue
            first, later = held[words[0]], [(-step, held[word]) for step, word in steps]
            for doc in candidates:
                # Where the phrase could start: the first word's positions, kept where each
                # later word stands `step` after; set operations, so the loops run in C.
                starts = set(decode(first[doc][1]))
                for back, positions in later:
                    starts.intersection_update(map(back.__add__, decode(positions[doc][1])))
                    if not starts:
                        break
                if not starts:
                    continue
                total = 0.0
                for word, score in zip(words, scorers, strict=True):
                    assert score is not None
                    total += score.of(number, doc, held[word][doc][0])
                found[doc + offset] = total * query.boost
        return found


def _holds_phrase(query: Query) -> bool:
    if type(query) is Phrase:
        return True
    return any(_holds_phrase(sub) for sub in query.children())


def _decode_positions(value: bytes) -> Iterable[int]:
    """whoosh.formats.Positions' encoding (a 4-byte count, then the pickled gaps, sometimes
    without pickle's final STOP), decoded with C loops instead of a Python one."""
    data = value[4:] if value.endswith(b".") else value[4:] + b"."
    return accumulate(loads(data))


@dataclass(frozen=True)
class _WordScore:
    """BM25F for one word in one field: factor = idf x (K1 + 1) x boost; norms[segment][doc]
    = K1 x ((1 - B) + B x length / average length), or None for a field without lengths."""

    factor: float
    norms: list[Sequence[float]] | None

    def of(self, segment: int, doc: int, weight: float) -> float:
        if self.norms is None:
            return weight * self.factor
        return self.factor * weight / (weight + self.norms[segment][doc])


def _boosted(scores: Scores, boost: float) -> Scores:
    if boost != 1.0:
        for doc in scores:
            scores[doc] *= boost
    return scores


def _field_lengths(leaf: Any, field: str) -> list[int]:
    """Every document's length in `field` in one segment, as Whoosh's scorer sees it (its
    one-byte encoding, decoded; 1 where the segment keeps no lengths for the field)."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
    from whoosh.util.numeric import byte_to_length

    count = leaf.doc_count_all()
    reader = leaf._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
    if reader is None:
        return [1] * count
    table = [byte_to_length(code) for code in range(256)]
    return [table[reader[doc]] for doc in range(count)]


def _raw_blocks(matcher: Any, within: Sequence[int] | None = None) -> Iterator[_Block]:
    """A raw posting matcher's postings, a block at a time; with `within` (sorted), only the
    blocks whose range of documents holds one of them (the others are neither decompressed
    nor unpickled: a phrase's common word, "the", is mostly skipped)."""
    if isinstance(matcher, W3LeafMatcher):
        block: Any = matcher  # whoosh3 types its block fields as optional
        variable = block._fixedsize is None or block._fixedsize < 0
        first = 0  # the lowest document the current block can hold
        while block.is_active():
            last = block._maxid
            if within is not None:
                at = bisect_left(within, first)
                if at == len(within):
                    return
                if within[at] > last:
                    first = last + 1
                    block._next_block()
                    continue
            first = last + 1
            if block._data is None:
                block._read_data()
            data = block._data
            # Document numbers are stored as gaps: summed in C rather than whoosh's generator.
            ids = data[0] if block._byteids else list(accumulate(data[0]))
            block._read_weights()
            if not variable:
                block._read_values()
            # Values (encoded positions) as stored, one per posting.
            values: Sequence[Any] = data[2] if variable else block._values
            yield ids, block._weights, _Values(values)
            block._next_block()
        return
    all_ids: list[int] = []
    all_weights: list[float] = []
    all_values: list[Any] = []
    while matcher.is_active():
        all_ids.append(matcher.id())
        all_weights.append(matcher.weight())
        all_values.append(matcher.value())
        matcher.next()
    if all_ids:
        yield all_ids, all_weights, lambda: all_values


class _Values:
    """A block's values, handed over as a function so a caller that needs none ignores it."""

    def __init__(self, values: Sequence[Any]) -> None:
        self._values = values

    def __call__(self) -> Sequence[Any]:
        return self._values
