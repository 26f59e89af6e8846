"""The Whoosh full-text index: derived from the store, rebuilt from it whenever in doubt.

Each article's text (title, body, note) goes into two kinds of field:
- its word field (`body_words`), analysed once for the article's language (English or French:
  folded, stop words dropped, stemmed; any other language: folded only), the same field for
  every language, without positions: the words of a query are looked up there, under their
  forms for each language (one or two terms a word, where there were six fields);
- its folded field (`body`: every word as written, accents folded), with positions: only
  "phrases", wildcards, fuzzy terms and spelling suggestions read it.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import shutil
import signal
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.fields import DATETIME, ID, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex
from whoosh.query import Phrase, Term
from whoosh.scoring import BM25F
from whoosh.writing import NO_MERGE, IndexWriter

from sahelreader.paths import free_name_beside
from sahelreader.search.analysis import (
    ENTITY_FIELDS,
    analysed_words,
    folding_analyzer,
    has_cjk,
    name_key,
    names_analyzer,
    names_field,
    person_short_key,
    pre_analysed,
    word_field,
)
from sahelreader.search.evaluate import (
    Unsupported,
    best,
    evaluate,
    live_doc_frequency,
    supported,
)
from sahelreader.search.query import (
    Filters,
    ParsedQuery,
    expand_terms,
    make_parser,
    parse,
    split_filters,
    without_absent_terms,
)
from sahelreader.search.spelling import closest_in_field, closest_word
from sahelreader.sources.outlets import source_search_text
from sahelreader.text.fold import fold
from sahelreader.text.timeutil import from_iso

Progress = Callable[[int, int], None]  # (done, total)
STAMP_FILE = "sahelreader-stamp.json"
# From this many documents a build uses Whoosh's two-process writer (both cores).
_LARGE_BUILD = 1_000
# A bulk build commits a segment (two with two processes) every this many documents. Fewer,
# larger segments make every word lookup cheaper (each segment is asked): related() at 50k
# articles on 10 segments (chunks of 10k) against 4, the same code in one run: 172 / 276 ms
# median / p95 against 112 / 202 ms at load 5 (bench/related_ab.py). The build folder peaks
# at ~1.7 GB at 50k (a chunk's sort runs beside the segments written).
_BUILD_CHUNK = 25_000
_WRITE_LOCK_TIMEOUT = 10.0
_PARSED_KEPT = 256
TITLE_BOOST = 2.5
# BM25F, but a note's words are not weighed against the average note length: that average is
# over every document, most of which have no note (0.01 words with one 10-word note in 1,000),
# so a note match scored next to nothing and a search for the user's own words ranked the
# noted article last. Without length normalisation a note word weighs at least as much as the
# same word in a body (its idf is higher: few articles have notes).
# An entity field is not weighed against its average length either: an article naming twenty
# places is not less about the one it names in its headline and five times than an article
# naming it once among two (the names' repetitions carry their weight: `_whole_names`). The
# `entity` field is left out: it holds each name once and answers bare words beside the text,
# where a long list of names should not outweigh the text's own mentions.
WEIGHTING = BM25F(
    note_B=0.0,
    note_words_B=0.0,
    **{f"{field}_B": 0.0 for field in ("person", "place", "organisation")},
    **{f"{names_field(field)}_B": 0.0 for field in ENTITY_FIELDS},
)
# Bumped whenever the documents change shape (fields, analysis): an index built by another
# format is rebuilt. 2: entity fields. 3: the headline's entities in them too. 4: word fields
# analysed once for the article's language, without positions (`*_other` for other languages).
# 5: one word field per text (`body_words`) for every language, the analysis done beforehand.
# 6: one-word place names are not stemmed ("Mali" is no longer "mal").
# 7: an outlet the table gives no domain is searchable by its articles' url's domain.
# 8: whole entity names (`organisation_names`), for quoted entity searches.
# 9: French "armée" and "coupe" are not stemmed with "arme" and "coup" (STEM_EXCEPTIONS).
# 10: entity names repeated by their weight in the article (ranking), people's names also
# without their middle names (`person_short_key`).
# 11: known people's surnames are not stemmed ("Touré" is not "tour", `unstemmed_names`).
# 12: runs of Chinese and Japanese characters indexed as their pairs (`word_spans`).
INDEX_FORMAT = 12
TEXT_FIELDS = ("title", "body", "note")
_OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})
# A word as the index splits it (dots inside: "elpais.com", "u.n"), not fielded (`source:x`),
# not a wildcard or a fuzzy term: "com" of `source:elpais.com` proposed `elpais.con`.
_NAME_WORD = re.compile(
    r"(?<![\w:])(?P<field>person|place|organisation|entity):(?P<word>\w+)(?![\w:*?~])"
)
_QUOTED_NAME = re.compile(
    r'(?<![\w:])(?P<field>person|place|organisation|entity):"(?P<name>[^"]*)"'
)
_BARE_WORD = re.compile(r"(?<![\w:*?~\".])\w+(?:\.\w+)*(?![\w:*?~]|\.\w)")


class IndexUnavailable(Exception):
    """The index is locked by another process or unreadable; the store is unaffected."""


def set_aside_if_not_a_folder(folder: Path) -> Path | None:
    """A file (or a broken link) where the index folder belongs is a damaged index: rename it
    to ``<name>.not-a-folder-<time>`` beside it, and return that new path; None when there is
    nothing at `folder` or it is a folder."""
    if folder.is_dir() or not os.path.lexists(folder):
        return None
    aside = free_name_beside(folder, "not-a-folder")
    folder.rename(aside)
    return aside


def dated_documents(reader: Any) -> list[tuple[int, int]]:
    """(published, document number) of every live dated document, read from the sortable
    `published` column (Whoosh's long: microseconds since `datetime.min`), in index order."""
    if "published" not in reader.schema:
        return []
    undated = reader.schema["published"].column_type._default  # a document without a date
    pairs: list[tuple[int, int]] = []
    leaves = [(reader, 0)] if reader.is_atomic() else reader.leaf_readers()
    for leaf, offset in leaves:
        if not leaf.has_column("published"):
            continue
        column = leaf.column_reader("published", translate=False)
        for docnum, value in enumerate(column):
            if value and value != undated and not leaf.is_deleted(docnum):
                pairs.append((value, docnum + offset))
    return pairs


def build_schema() -> Schema:
    folded = folding_analyzer()
    fields: dict[str, Any] = {
        "id": ID(stored=True, unique=True),
        "title": TEXT(analyzer=folded, field_boost=TITLE_BOOST),
        "body": TEXT(analyzer=folded),
        "note": TEXT(analyzer=folded),
        "source": TEXT(analyzer=folded),
        "author": TEXT(analyzer=folded),
        "published": DATETIME(sortable=True),
        "language": ID,
        "person": TEXT(analyzer=folded),
        "place": TEXT(analyzer=folded),
        "organisation": TEXT(analyzer=folded),
        "entity": TEXT(analyzer=folded),
    }
    for kind in ENTITY_FIELDS:
        fields[names_field(kind)] = TEXT(analyzer=names_analyzer(), phrase=False)
    given = pre_analysed()
    for name in TEXT_FIELDS:
        boost = TITLE_BOOST if name == "title" else 1.0
        # phrase=False: frequencies only; phrases are matched in the folded fields.
        fields[word_field(name)] = TEXT(analyzer=given, phrase=False, field_boost=boost)
    return Schema(**fields)


# A store row -> entity names by type ("person": [...], ...), for the entity fields.
EntityLookup = Callable[[sqlite3.Row], dict[str, list[str]]]


def document_for(row: sqlite3.Row, entities: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The Whoosh document for one store row."""
    language = row["language"] or ""
    note = row["note"] or ""
    doc: dict[str, Any] = {
        "id": row["id"],
        # The outlet's name, aliases and domains (its url's, for an outlet the table lacks).
        "source": source_search_text(row["source"], row["url"] or ""),
        "author": row["author"],
        "language": language or "unknown",
    }
    published = from_iso(row["published"])
    if published is not None:
        doc["published"] = published.replace(tzinfo=None)
    for name, text in (("title", row["title"]), ("body", row["body"]), ("note", note)):
        if not text:
            continue
        doc[name] = text
        doc[word_field(name)] = analysed_words(text, language)
    everything: list[str] = []
    for kind, names in (entities or {}).items():
        if names:
            # A gap line keeps a phrase query from matching across two names.
            doc[kind] = "\n.\n".join(names)
            doc[names_field(kind)] = _whole_names(names, people=kind == "person")
            everything += dict.fromkeys(names)
    if entities:
        # Each name once: bare words search this field beside the text, where the mentions
        # already count; the weights serve the entity fields' own searches.
        doc["entity"] = "\n.\n".join(everything)
        whole = [_whole_names(names, people=kind == "person") for kind, names in entities.items()]
        doc[names_field("entity")] = "\n".join(text for text in whole if text)
    return doc


def _whole_names(names: Iterable[str], people: bool) -> str:
    """A names field's text: each name's key on a line of its own, as often as the name is
    given (its weight in the article); a person's name without its middle names too."""
    keys: list[str] = []
    for name in names:
        key = name_key(name)
        if key:
            keys.append(key)
            short = person_short_key(name) if people else None
            if short:
                keys.append(short)
    return "\n".join(keys)


@dataclass(frozen=True)
class DatedMatches:
    """The documents a search matches, by day: `days` (proleptic ordinals, ascending, one per
    dated document) and how many matched without a date."""

    days: list[int]
    undated: int


_MICROSECONDS_A_DAY = 86_400_000_000


@dataclass(frozen=True)
class RawHit:
    id: str
    score: float


@dataclass(frozen=True)
class RawResults:
    hits: list[RawHit]
    total: int  # documents matching; when Whoosh's searcher ran and `more` is set, a lower bound
    more: bool  # more documents match than were returned
    terms: frozenset[tuple[str, str]]  # (index field, term text) that the query matched on


class SearchIndex:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.schema = build_schema()
        self._ix: FileIndex | None = None
        self._parser = make_parser(self.schema)
        self._parsed: dict[str, ParsedQuery] = {}
        self._searchers = threading.local()
        self._write_lock = threading.Lock()
        # Bumped by every write this object makes (apply, rebuild, optimize): a thread's searcher
        # opened before it is replaced on that thread's next search (see _searcher).
        self._writes = 0
        self._writes_lock = threading.Lock()

    # -- opening, checking, rebuilding ---------------------------------------------------------

    def open(self) -> None:
        """Open the index on disk; raises if it is missing or unreadable (the caller rebuilds)."""
        if not whoosh_index.exists_in(str(self.folder)):
            raise FileNotFoundError(f"no index in {self.folder}")
        # Without mmap: whoosh3 copies every mmapped compound segment into a BytesIO, which cost
        # 850 MB of RAM and 0.7 s to open at 50k articles; plain file reads cost ~1.1x per query.
        storage = FileStorage(str(self.folder), supports_mmap=False)
        ix = storage.open_index(schema=self.schema)
        with ix.searcher() as searcher:
            searcher.doc_count()  # touch the segments: a damaged file fails here, not later
        self._ix = ix

    @property
    def ix(self) -> FileIndex:
        if self._ix is None:
            self.open()
        assert self._ix is not None
        return self._ix

    def doc_count(self) -> int:
        return int(self.ix.doc_count())

    def recorded_stamp(self) -> tuple[int | None, str | None]:
        """(the store's change stamp the index has caught up with, what built the index)."""
        try:
            data = json.loads((self.folder / STAMP_FILE).read_text("utf-8"))
            return int(data["stamp"]), str(data.get("build"))
        except (OSError, ValueError, KeyError, TypeError):
            return None, None

    def record_stamp(self, stamp: int, build: str) -> None:
        target = self.folder / STAMP_FILE
        temporary = target.with_suffix(".tmp")
        temporary.write_text(json.dumps({"stamp": stamp, "build": build}), "utf-8")
        temporary.replace(target)

    def rebuild(
        self,
        rows: Iterable[sqlite3.Row],
        total: int,
        entities: EntityLookup | None = None,
        progress: Progress | None = None,
        cancelled: threading.Event | None = None,
        parallel: bool = True,
    ) -> int:
        """Build a fresh index beside the old one, then swap it in; returns documents written.

        `parallel` lets a large build use Whoosh's two-process writer (about 3x faster at 10k
        articles here); a process with UI threads should not fork, so the TUI turns it off.
        """
        self.close()
        set_aside_if_not_a_folder(self.folder)
        building = self.folder.with_name(self.folder.name + ".building")
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir(parents=True)
        ix = whoosh_index.create_in(str(building), self.schema)
        two_processes = parallel and total >= _LARGE_BUILD

        def new_writer() -> Any:
            if two_processes:
                started = ix.writer(procs=2, limitmb=256, multisegment=True)
                _start_workers_deaf_to_interrupts(started)
                return started
            return ix.writer(limitmb=256)

        writer = new_writer()
        written = 0
        try:
            for row in rows:
                if cancelled is not None and cancelled.is_set():
                    _abandon(writer)
                    shutil.rmtree(building, ignore_errors=True)
                    return written
                writer.add_document(**document_for(row, _lookup(entities, row)))
                written += 1
                if progress is not None and (written % 50 == 0 or written == total):
                    progress(written, total)
                if written % _BUILD_CHUNK == 0 and written < total:
                    # A chunk is committed as its own segments: Whoosh's sort runs for it
                    # are deleted, so temporary disk stays near one chunk's (one writer for
                    # 50k articles left 2.9 GB of runs beside a 0.5 GB index).
                    writer.commit(merge=False)
                    writer = new_writer()
            phase = getattr(progress, "phase", None)  # a progress that names its steps (CLI)
            if phase is not None:
                phase("committing")  # Whoosh writes and merges its files: no count to show
            writer.commit(merge=False)
        except BaseException:
            _abandon(writer)
            shutil.rmtree(building, ignore_errors=True)
            raise
        # Swap: the old index (if any) goes only after the new one is complete on disk.
        retired = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(retired, ignore_errors=True)
        if self.folder.exists():
            self.folder.rename(retired)
        building.rename(self.folder)
        shutil.rmtree(retired, ignore_errors=True)
        self._wrote()
        if progress is not None:
            progress(total, total)
        return written

    def close(self) -> None:
        searcher = getattr(self._searchers, "searcher", None)
        if searcher is not None:
            searcher.close()
            self._searchers.searcher = None
        if self._ix is not None:
            self._ix.close()
        self._ix = None
        self._searchers = threading.local()

    # -- incremental updates -------------------------------------------------------------------

    def apply(
        self,
        rows: Sequence[sqlite3.Row],
        removed: Sequence[str],
        entities: EntityLookup | None = None,
    ) -> None:
        """Update or delete documents in one commit (small batches skip the merge: see notes)."""
        with self._write_lock:
            writer = self._writer()
            try:
                for article_id in removed:
                    writer.delete_by_term("id", article_id)
                for row in rows:
                    writer.update_document(**document_for(row, _lookup(entities, row)))
            except BaseException:
                writer.cancel()
                raise
            # No merge here: the articles are searchable as soon as this commits. Folding the
            # small segments together (5-12 s at 50k) is `merge_small()`, run after, apart.
            try:
                writer.commit(mergetype=NO_MERGE)
            finally:
                self._wrote()

    def _writer(self) -> IndexWriter:
        """The index's one writer (the caller holds `_write_lock`)."""
        try:
            writer: IndexWriter = self.ix.writer(timeout=_WRITE_LOCK_TIMEOUT)
        except whoosh_index.LockError as error:
            raise IndexUnavailable("the index is being written by another process") from error
        return writer

    def small_segments(self) -> int:
        """How many segments are small enough to fold together (see merge_small)."""
        with self.ix.reader() as reader:
            leaves = [reader] if reader.is_atomic() else [leaf for leaf, _ in reader.leaf_readers()]
            return sum(1 for leaf in leaves if leaf.doc_count_all() <= SMALL_SEGMENT)

    def merge_small(
        self,
        documents: Callable[[list[str]], Iterable[sqlite3.Row]],
        entities: EntityLookup | None = None,
    ) -> int:
        """Fold the small segments that incremental commits leave behind into one, by indexing
        their articles again from the store (`documents`: the store's rows for some ids), and
        return how many articles moved. Whoosh's own merge copies postings a word at a time:
        13 s for four segments of 50 articles at 50k, for 2-3 s this way. A large segment is
        never merged (19 s at 10k articles); `optimize()` runs from doctor."""
        with self._write_lock:
            writer = self._writer()
            try:
                ids = _ids_in_small_segments(writer.reader())
                if ids is None:
                    writer.cancel()
                    return 0
                for article_id in ids:
                    writer.delete_by_term("id", article_id)
                for row in documents(ids):
                    writer.add_document(**document_for(row, _lookup(entities, row)))
            except BaseException:
                writer.cancel()
                raise
            try:
                writer.commit(mergetype=_without_emptied_segments)
            finally:
                self._wrote()
            return len(ids)

    def optimize(self) -> None:
        with self._write_lock:
            try:
                self.ix.optimize()
            finally:
                self._wrote()

    def _wrote(self) -> None:
        with self._writes_lock:
            self._writes += 1

    def segment_count(self) -> int:
        with self.ix.reader() as reader:
            return len(list(reader.leaf_readers())) if not reader.is_atomic() else 1

    # -- searching -------------------------------------------------------------------------------

    def parse(self, text: str) -> ParsedQuery:
        """The query, parsed; remembered (it depends on the schema only), so typing back to an
        earlier query, changing the sort or coming back from an article parses nothing again."""
        cached = self._parsed.get(text)
        if cached is None:
            cached = parse(self._parser, text)  # a QueryError is raised, never remembered
            if len(self._parsed) >= _PARSED_KEPT:
                self._parsed.pop(next(iter(self._parsed)), None)
            self._parsed[text] = cached
        return cached

    def searcher(self) -> Any:
        """This thread's searcher, reopened if the index changed since it was opened."""
        return self._searcher()

    def warm(self, cancelled: threading.Event | None = None) -> None:
        """Make each segment's map of article ids now (1.4 s at 50,000 articles), which the
        first search listing more than a page of hits would otherwise make while someone waits."""
        reader = self.searcher().reader()
        for leaf, _ in [(reader, 0)] if reader.is_atomic() else reader.leaf_readers():
            if cancelled is not None and cancelled.is_set():
                return
            if hasattr(leaf, "segment"):
                _segment_ids(leaf)

    def _searcher(self) -> Any:
        """This thread's searcher on the latest commit, whoever made it.

        Never `Searcher.refresh()`: whoosh3's keeps the old segment readers beside the new ones,
        so a document replaced by `update_document` (an edited note) was found twice. A searcher
        is reused only while nothing changed: no write by this object (`_writes`, shared by all
        threads) and the same table-of-contents files on disk (another process's commit or
        rebuild); otherwise it is closed and a fresh one opened.
        """
        local = self._searchers
        searcher = getattr(local, "searcher", None)
        # Read before opening: a commit landing in between makes the next call reopen again.
        writes, on_disk = self._writes, self._disk_version()
        if searcher is not None:
            opened_at = getattr(local, "opened_at", None)
            if not searcher.is_closed and on_disk is not None and opened_at == (writes, on_disk):
                return searcher
            local.searcher = None
            searcher.close()
        searcher = self.ix.searcher(weighting=WEIGHTING)
        lengths_in_memory(searcher.reader())
        local.searcher = searcher
        local.opened_at = (writes, on_disk)
        return searcher

    def _disk_version(self) -> tuple[tuple[str, int, int], ...] | None:
        """The index's table-of-contents files (name, inode, mtime): a commit or a rebuild
        anywhere changes them. None if the folder cannot be read (mid-swap): reopen."""
        try:
            with os.scandir(self.folder) as entries:
                return tuple(
                    sorted(
                        (entry.name, entry.inode(), entry.stat().st_mtime_ns)
                        for entry in entries
                        if entry.name.endswith(".toc")
                    )
                )
        except OSError:
            return None

    def search(self, parsed: ParsedQuery, limit: int | None = 20) -> RawResults:
        """Hits ranked by BM25F, best first, and how many match in all; QueryError if a
        wildcard matches too many words.

        The query is evaluated straight from the postings (search/evaluate.py: Whoosh's scores,
        several times faster), or by Whoosh's searcher for shapes that module leaves alone.
        Top-level date and language filters restrict the search (a set of documents) rather
        than join it as terms: a date range is otherwise an OR of every date in it.
        """
        searcher = self._searcher()
        rest, filters = split_filters(parsed.query)
        allowed = None
        if rest is not None and filters:
            allowed = self._filtered(searcher, filters)
        else:
            rest = parsed.query
        query = without_absent_terms(self.resolve(rest, searcher), searcher.reader())
        terms = matched_terms(query, searcher.reader())
        scores = _evaluated(query, searcher)
        if scores is None:  # a shape the evaluator leaves to Whoosh
            results = searcher.search(query, limit=limit, filter=allowed)
            hits = [RawHit(hit["id"], float(hit.score or 0.0)) for hit in results]
            found = results.scored_length()
            return RawResults(hits, found, limit is not None and found >= limit, terms)
        if allowed is not None:
            scores = {doc: score for doc, score in scores.items() if doc in allowed}
        ranked = best(scores, limit)
        ids = article_ids(searcher.reader(), [doc for doc, _ in ranked])
        hits = [RawHit(i, score) for i, (_, score) in zip(ids, ranked, strict=True)]
        return RawResults(hits, len(scores), len(ranked) < len(scores), terms)

    def count_in_field(self, field: str, text: str) -> int:
        """Documents whose `field` holds `text` (a word, or the words in a row); in an entity
        field, the name `text` whole (as `field:"text"` finds)."""
        words = [token.text for token in folding_analyzer()(text)]
        searcher = self._searcher()
        if not words:
            return 0
        if field in ENTITY_FIELDS:
            return live_doc_frequency(searcher.reader(), names_field(field), name_key(text))
        if len(words) == 1:
            return live_doc_frequency(searcher.reader(), field, words[0])
        phrase = Phrase(field, words)
        return int(searcher.search(phrase, limit=None, scored=False).scored_length())

    def count_matching(self, parsed: ParsedQuery) -> int:
        searcher = self._searcher()
        rest, filters = split_filters(parsed.query)
        if rest is None:
            return len(self._filtered(searcher, filters))
        return len(self._matching(searcher, rest, filters))

    def matching_dates(self, parsed: ParsedQuery) -> DatedMatches:
        """The publication days of every document the query matches, unranked (no scores, no
        stored fields read: the days come from the sortable `published` column)."""
        searcher = self._searcher()
        rest, filters = split_filters(parsed.query)
        if rest is None:
            return self._days_of(searcher, self._filtered(searcher, filters))
        return self._days_of(searcher, self._matching(searcher, rest, filters))

    def dates_in_field(self, field: str, text: str) -> DatedMatches:
        """The publication days of the documents `count_in_field` counts (an entity's)."""
        words = [token.text for token in folding_analyzer()(text)]
        searcher = self._searcher()
        if not words:
            return DatedMatches([], 0)
        query = Term(field, words[0]) if len(words) == 1 else Phrase(field, words)
        if field in ENTITY_FIELDS:
            query = Term(names_field(field), name_key(text))
        found = searcher.search(query, limit=None, scored=False)  # deleted ones left out
        return self._days_of(searcher, set(found.docs()))

    def _matching(self, searcher: Any, rest: Any, filters: Filters) -> set[int]:
        """Every document (number) `rest` matches that passes `filters`, unranked."""
        allowed = self._filtered(searcher, filters) if filters else None
        query = without_absent_terms(self.resolve(rest, searcher), searcher.reader())
        scores = _evaluated(query, searcher)
        if scores is None:
            found = searcher.search(query, limit=None, scored=False, filter=allowed)
            return set(found.docs())
        return set(scores) if allowed is None else set(scores).intersection(allowed)

    def _days_of(self, searcher: Any, docs: set[int]) -> DatedMatches:
        dates, docnums = self._dates(searcher)
        values = [value for value, docnum in zip(dates, docnums, strict=True) if docnum in docs]
        # Whoosh's DATETIME long counts microseconds from datetime.min (day ordinal 1).
        days = [value // _MICROSECONDS_A_DAY + 1 for value in values]
        return DatedMatches(days, len(docs) - len(days))

    def resolve(self, query: Any, searcher: Any) -> Any:
        """The query as `searcher` runs it: fuzzy terms and wildcards expanded into words."""
        return expand_terms(query, searcher.reader())

    def _filtered(self, searcher: Any, filters: Filters) -> set[int]:
        """The documents (numbers in `searcher`) that pass the date and language filters."""
        bounds = filters.bounds()
        if bounds is None:
            return set()
        allowed: set[int] | None = None
        if filters.ranges:
            dates, docnums = self._dates(searcher)
            low, high = bounds
            first = 0 if low is None else bisect.bisect_left(dates, low)
            last = len(dates) if high is None else bisect.bisect_right(dates, high)
            allowed = set(docnums[first:last])
        for language in filters.languages:
            docs = set(searcher.docs_for_query(Term("language", language)))
            allowed = docs if allowed is None else allowed & docs
        return allowed if allowed is not None else set()

    def _dates(self, searcher: Any) -> tuple[list[int], list[int]]:
        """Every dated document's `published` (Whoosh's long) in order, and its number: read
        from the sortable column once per searcher, then a range is two bisections."""
        local = self._searchers
        cached = getattr(local, "dates", None)
        if cached is not None and cached[0] is searcher:
            return cached[1], cached[2]
        pairs = sorted(dated_documents(searcher.reader()))
        dates = [value for value, _ in pairs]
        docnums = [docnum for _, docnum in pairs]
        local.dates = (searcher, dates, docnums)
        return dates, docnums

    def suggest(
        self, text: str, written: Callable[[str, str], str | None] | None = None
    ) -> str | None:
        """The query with unknown words replaced by the closest words in the library, or None.
        `written(article_id, word)` gives the word as an article holding it writes it ("goïta"
        for the folded "goita"), when the caller can read articles."""
        searcher = self._searcher()
        changed = False

        def replace(match: re.Match[str]) -> str:
            nonlocal changed
            word = match.group(0)
            if word in _OPERATOR_WORDS or len(word) < 3 or has_cjk(word):
                return word  # a Chinese or Japanese word is indexed as pairs: none to correct
            folded = fold(word)
            reader = searcher.reader()
            if any(live_doc_frequency(reader, field, folded) for field in ("body", "title")):
                return word  # held by an article still here (a removed one's copy lingers)
            suggestion = closest_word(searcher, folded)
            if suggestion is None:
                return word
            changed = True
            return _as_written(searcher, suggestion, written) or suggestion

        def nearest(field: str, term: str) -> str | None:
            # The field's nearest term to one it does not hold (None: held, or nothing near).
            nonlocal changed
            if not term or live_doc_frequency(searcher.reader(), field, term):
                return None
            suggestion = closest_in_field(searcher, field, term)
            changed = changed or suggestion is not None
            return suggestion

        def replace_name(match: re.Match[str]) -> str:
            # A name's word after an entity field ("place:niamy"): the field's nearest word.
            field, word = match.group("field"), match.group("word")
            suggestion = nearest(field, fold(word)) if len(word) >= 3 else None
            if suggestion is None:
                return match.group(0)
            return f"{field}:{_as_written(searcher, suggestion, written) or suggestion}"

        def replace_whole_name(match: re.Match[str]) -> str:
            # A quoted name after an entity field (`place:"Liptako-Gourma"`) is searched whole:
            # the nearest whole name of that type, not its words each replaced by a nearby
            # word of any name ("Liptako-goma").
            field = match.group("field")
            suggestion = nearest(names_field(field), name_key(match.group("name")))
            return match.group(0) if suggestion is None else f'{field}:"{suggestion}"'

        def replace_outside_names(part: str) -> str:
            # Bare words and an entity field's word: other fielded, wildcard and fuzzy terms
            # are the user's deliberate choice, and so is a word written after - or --
            # (`-russia` leaves the word out; `--json` after `--` is what was typed).
            return "".join(
                token
                if token.startswith("-")
                else _BARE_WORD.sub(replace, _NAME_WORD.sub(replace_name, token))
                for token in re.split(r"(\s+)", part)
            )

        corrected, written_up_to = [], 0
        for match in _QUOTED_NAME.finditer(text):
            corrected.append(replace_outside_names(text[written_up_to : match.start()]))
            corrected.append(replace_whole_name(match))
            written_up_to = match.end()
        corrected.append(replace_outside_names(text[written_up_to:]))
        return "".join(corrected) if changed else None


def _as_written(
    searcher: Any, folded: str, written: Callable[[str, str], str | None] | None
) -> str | None:
    """`folded` as the first article holding it writes it, lower case (accents kept), or None."""
    if written is None or folded.isascii() and not _MAY_HAVE_ACCENTS.search(folded):
        return None
    for field in ("title", "body"):
        if field not in searcher.schema:
            continue
        for docnum in searcher.docs_for_query(Term(field, folded)):
            article_id = searcher.stored_fields(docnum).get("id")
            form = written(str(article_id), folded) if article_id else None
            if form:
                return form.lower()
            break
    return None


# Folded words an accent may have been taken from: any vowel, c or n ("goita" is "goïta").
_MAY_HAVE_ACCENTS = re.compile(r"[aeiouycn]")


def _start_workers_deaf_to_interrupts(writer: Any) -> None:
    """Whoosh's worker processes inherit this process's signal handlers: Ctrl-C (sent to the
    whole process group) made each print a KeyboardInterrupt traceback. They are started
    ignoring SIGINT and with SIGTERM's default action; this process handles the interrupt and
    cancels the writer, which stops them."""
    start = getattr(writer, "_new_task", None)
    if start is None or threading.current_thread() is not threading.main_thread():
        return

    def deaf_start() -> Any:
        previous_int = signal.signal(signal.SIGINT, signal.SIG_IGN)
        previous_term = signal.signal(signal.SIGTERM, signal.SIG_DFL)
        try:
            return start()
        finally:
            signal.signal(signal.SIGINT, previous_int)
            signal.signal(signal.SIGTERM, previous_term)

    writer._new_task = deaf_start


def _abandon(writer: Any) -> None:
    """Cancel a build's writer. Its worker processes (a two-process build) are stopped and
    waited for first: they would otherwise go on reading job files that the caller is about
    to delete with the half-built folder."""
    for task in getattr(writer, "tasks", ()):
        if task.is_alive():
            task.terminate()
        task.join(timeout=10)
    try:
        writer.cancel()
    except Exception:  # noqa: BLE001 - the folder goes anyway; cancelling is best effort
        pass


SMALL_SEGMENT = 2_000  # documents
SMALL_SEGMENTS_TO_MERGE = 4


def _ids_in_small_segments(reader: Any) -> list[str] | None:
    """The article ids still live in the index's small segments, when there are enough of
    them to fold together (see SMALL_SEGMENTS_TO_MERGE); None otherwise. Maybe none at all:
    segments whose articles were all removed are then only dropped."""
    leaves = [reader] if reader.is_atomic() else [leaf for leaf, _ in reader.leaf_readers()]
    small = [leaf for leaf in leaves if leaf.doc_count_all() <= SMALL_SEGMENT]
    if len(small) < SMALL_SEGMENTS_TO_MERGE:
        return None
    return [str(leaf.stored_fields(doc)["id"]) for leaf in small for doc in leaf.all_doc_ids()]


def _without_emptied_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: drop the segments whose every document was deleted (the small
    ones whose articles merge_small indexed again), merge nothing."""
    return [segment for segment in segments if segment.doc_count() > 0]


class _Lengths:
    """A segment's field lengths (one byte a document, Whoosh's encoding), held in memory."""

    def __init__(self, data: bytes, doccount: int) -> None:
        self._data = data + bytes(max(0, doccount - len(data)))

    def __getitem__(self, docnum: int) -> int:
        return self._data[docnum]

    def __iter__(self) -> Any:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def lengths_in_memory(reader: Any) -> None:
    """Read each segment's field-length columns into memory once.

    BM25F needs the field length of every document it scores; without mmap (see `open`),
    whoosh3 reads each one with a seek and a one-byte read: ~20 µs a posting, most of a search's
    time. A field's lengths are one byte per document (50 kB at 50k articles).
    """
    from whoosh.codec.whoosh3 import _lenfield

    leaves = [(reader, 0)] if reader.is_atomic() else reader.leaf_readers()
    for leaf, _ in leaves:
        perdoc = getattr(leaf, "_perdoc", None)
        readers = getattr(perdoc, "_readers", None)
        if perdoc is None or readers is None or not hasattr(perdoc, "_get_column_file"):
            continue  # another codec: leave it alone
        for name, field in leaf.schema.items():
            if not field.scorable:
                continue
            lenfield = _lenfield(name)
            if isinstance(readers.get(lenfield), _Lengths) or not perdoc.has_column(lenfield):
                continue
            colfile, offset, length = perdoc._get_column_file(lenfield)
            try:
                data = bytes(colfile.get(offset, length))
            finally:
                colfile.close()
            readers[lenfield] = _Lengths(data, perdoc.doc_count_all())


def matched_terms(query: Any, reader: Any) -> frozenset[tuple[str, str]]:
    """(field, term) pairs in the index that the query's leaves stand for, wildcards expanded.

    Asked leaf by leaf: a compound query's own existing_terms() stops at its first child here.
    """
    found: set[tuple[str, str]] = set()
    for leaf in query.leaves() if not query.is_leaf() else [query]:
        try:
            pairs = leaf.existing_terms(reader, phrases=True, expand=True)
        except Exception:  # a leaf without terms (a date range, Every)
            continue
        for field, text in pairs:
            found.add((field, text.decode("utf-8") if isinstance(text, bytes) else str(text)))
    return frozenset(found)


# Each segment's document numbers -> article ids. Segments never change once written (a deletion
# only marks a document), so a map serves every searcher that reads the segment.
_SEGMENT_IDS: dict[str, dict[int, str]] = {}
_SEGMENT_IDS_LOCK = threading.Lock()
_SEGMENT_IDS_BUILDING = threading.Lock()
_SEGMENT_IDS_KEPT = 64
# Up to this many ids, stored fields are read rather than a segment's map made.
_STORED_READS = 300


def article_ids(reader: Any, docnums: Sequence[int]) -> list[str]:
    """The article id of each document number of `reader` (the whole index).

    A page of hits reads the stored fields; more (a list of every hit) read a segment's map of
    its `id` words, made once per segment (4,400 stored-field reads took 0.6 s for the list of a
    common word at 10k articles; the map of 10k ids takes about as long, then nothing).
    """
    leaves = [(reader, 0)] if reader.is_atomic() else reader.leaf_readers()
    if not all(hasattr(leaf, "segment") for leaf, _ in leaves) or (
        len(docnums) <= _STORED_READS and not all(_is_mapped(leaf) for leaf, _ in leaves)
    ):
        return [reader.stored_fields(doc)["id"] for doc in docnums]
    offsets = [offset for _, offset in leaves]
    maps = [_segment_ids(leaf) for leaf, _ in leaves]
    found: list[str] = []
    for doc in docnums:
        number = bisect.bisect_right(offsets, doc) - 1
        found.append(maps[number][doc - offsets[number]])
    return found


def _segment_key(leaf: Any) -> str:
    segment = leaf.segment()
    return f"{segment.indexname}:{segment.segment_id()}:{leaf.doc_count_all()}"


def _is_mapped(leaf: Any) -> bool:
    return _segment_key(leaf) in _SEGMENT_IDS


def _segment_ids(leaf: Any) -> dict[int, str]:
    key = _segment_key(leaf)
    with _SEGMENT_IDS_LOCK:
        cached = _SEGMENT_IDS.get(key)
    if cached is not None:
        return cached
    # One thread makes a map at a time: a search arriving while the warm-up makes this
    # segment's map waits for it rather than making it a second time beside it.
    with _SEGMENT_IDS_BUILDING:
        with _SEGMENT_IDS_LOCK:
            cached = _SEGMENT_IDS.get(key)
        if cached is not None:
            return cached
        mapping: dict[int, str] = {}
        for text, info in leaf.iter_field("id"):
            mapping[info.min_id()] = text.decode("utf-8") if isinstance(text, bytes) else str(text)
        with _SEGMENT_IDS_LOCK:
            if len(_SEGMENT_IDS) >= _SEGMENT_IDS_KEPT:
                _SEGMENT_IDS.pop(next(iter(_SEGMENT_IDS)))
            _SEGMENT_IDS[key] = mapping
    return mapping


def _evaluated(query: Any, searcher: Any) -> dict[int, float] | None:
    """Every match of `query` with Whoosh's score, read straight from the postings (see
    search/evaluate.py); None for what only Whoosh's searcher runs."""
    if not supported(searcher):
        return None
    try:
        return evaluate(query, searcher)
    except Unsupported:
        return None


def _lookup(entities: EntityLookup | None, row: sqlite3.Row) -> dict[str, list[str]] | None:
    return None if entities is None else entities(row)
