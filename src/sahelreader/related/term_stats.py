"""How often the index holds a word, remembered for as long as one index reader lives.

Finding an article's coverage asks the index how common some 3,000 words are: its key words,
every candidate's title words and names. Each question goes to every segment of the index
(ten at 50,000 articles), and the same words (a story's names, common title words) come back
from one article to the next. The answers cannot change while a reader is open (a commit opens
a new reader), so they are kept per reader, and one segment lookup answers both questions
(how many documents, how many occurrences).

Core module: no UI imports.
"""

from __future__ import annotations

import math
import threading
import weakref
from collections import Counter
from typing import Any

__all__ = ["TermStats", "term_stats"]

_MAX_KEPT = 200_000  # words remembered per reader (a few tens of MB at most), then forgotten


class TermStats:
    """The document frequency and total frequency of words in one index reader."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self._leaves = [reader] if reader.is_atomic() else [r for r, _ in reader.leaf_readers()]
        # (documents, occurrences, the leaves holding the word) per (field, word)
        self._counts: dict[tuple[str, str], tuple[int, float, tuple[int, ...]]] = {}
        self._language_docs: dict[str, frozenset[int]] = {}
        self._published: dict[int, int] | None = None
        self.total = reader.doc_count_all()

    def _of(self, field: str, word: str) -> tuple[int, float, tuple[int, ...]]:
        key = (field, word)
        found = self._counts.get(key)
        if found is None:
            from whoosh.reading import TermNotFound

            documents, occurrences = 0, 0.0
            holding: list[int] = []
            for number, leaf in enumerate(self._leaves):
                try:
                    info = leaf.term_info(field, word)
                except TermNotFound:
                    continue
                documents += info.doc_frequency()
                occurrences += info.weight()
                holding.append(number)
            if len(self._counts) >= _MAX_KEPT:
                self._counts.clear()
            found = self._counts[key] = (documents, occurrences, tuple(holding))
        return found

    def doc_frequency(self, field: str, word: str) -> int:
        """How many documents hold the word in the field."""
        return self._of(field, word)[0]

    def frequency(self, field: str, word: str) -> float:
        """How many times the field holds the word, over all documents."""
        return self._of(field, word)[1]

    def leaves_with(self, field: str, word: str) -> tuple[int, ...]:
        """The positions, among the reader's leaves (segments), of those holding the word:
        its postings are read from those alone, without asking each segment again."""
        return self._of(field, word)[2]

    def language_docs(self, searcher: Any, language: str) -> frozenset[int]:
        """The document numbers of the articles in a language."""
        found = self._language_docs.get(language)
        if found is None:
            from whoosh.query import Term

            found = frozenset(searcher.docs_for_query(Term("language", language)))
            self._language_docs[language] = found
        return found

    def published(self, docnum: int) -> int | None:
        """The document's date as the index keeps it (microseconds since `datetime.min`), or
        None when it has none: read from the sortable column once per reader."""
        if self._published is None:
            from sahelreader.search.index import dated_documents

            self._published = {docnum: value for value, docnum in dated_documents(self.reader)}
        return self._published.get(docnum)

    def key_words(self, field: str, text: str, number: int) -> list[tuple[str, float]]:
        """The `number` words that most tell the text apart from the index (Whoosh's Bo1
        expansion model, as `whoosh.classify.Expander` weighs them, normalised), best first."""
        schema_field = self.reader.schema[field]
        weights: Counter[str] = Counter()
        for text_bytes, _, weight, _ in schema_field.index(text):
            weights[schema_field.from_bytes(text_bytes)] += weight
        total = self.total
        scored: list[tuple[float, str]] = []
        best = 0.0
        for word, weight in weights.items():
            documents, occurrences, _ = self._of(field, word)
            if not documents:
                continue
            share = occurrences / total
            score = weight * math.log((1.0 + share) / share, 2) + math.log(1.0 + share, 2)
            best = max(best, score)
            scored.append((score, word))
        if not scored:
            return []
        norm = best
        if best:
            share = best / total
            norm = (best * math.log((1.0 + share) / share) + math.log(1.0 + share)) / math.log(2.0)
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        return [(word, score / norm) for score, word in scored[:number]]


_by_reader: weakref.WeakKeyDictionary[Any, TermStats] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def term_stats(searcher: Any) -> TermStats:
    """The stats of the searcher's reader, made on first use and kept while it lives."""
    reader = searcher.reader()
    with _lock:
        found = _by_reader.get(reader)
        if found is None:
            found = _by_reader[reader] = TermStats(reader)
    return found
