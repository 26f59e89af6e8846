"""The Library: the one object the CLI and the TUI drive. Store + index + import, kept in step."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import unquote, urlsplit

from sahelreader.config import Config, load_config
from sahelreader.doctor import NO_INDEX_YET
from sahelreader.entities import Recogniser
from sahelreader.entities.equivalents import Equivalences
from sahelreader.entities.summary import (
    MAX_MENTION_WEIGHT,
    TITLE_WEIGHT,
    EntityGroup,
    group_entities,
    grouped_mentions,
    weighted_names_by_type,
)
from sahelreader.models import (
    ALL_ARTICLES,
    BOOKMARKS,
    ENTITY_TYPES,
    NOTES,
    Article,
    ArticleDraft,
    ArticleRow,
    Cancellation,
    Entity,
    EntityType,
    FilterName,
    ListRequest,
    ListResult,
    SearchHit,
    SearchResults,
    View,
)
from sahelreader.paths import Locations, locations
from sahelreader.related.feature_cache import FeatureCache
from sahelreader.related.inputs import Document, RelatedInputs
from sahelreader.related.url_ids import Timelines
from sahelreader.search.analysis import name_key, names_field
from sahelreader.search.highlight import match_spans, snippet
from sahelreader.search.index import (
    INDEX_FORMAT,
    SMALL_SEGMENTS_TO_MERGE,
    IndexUnavailable,
    RawHit,
    RawResults,
    SearchIndex,
    set_aside_if_not_a_folder,
)
from sahelreader.sources.outlets import OutletTable, outlet_table, use_outlets
from sahelreader.text.clean import plural
from sahelreader.text.fold import fold
from sahelreader.text.language import LANGUAGE_DETECTION, detect_language, draft_language
from sahelreader.text.timeutil import from_iso, now_utc

if TYPE_CHECKING:
    from sahelreader.doctor import Finding
    from sahelreader.library.stories import Stories
    from sahelreader.library.subscriptions import Subscriptions
    from sahelreader.library.trends import Trends
    from sahelreader.related.result import Related
from sahelreader.notes_export import NO_ARTICLE, NotedArticle, notes_markdown
from sahelreader.search.query import ParsedQuery, QueryError, close_open_marks, split_filters
from sahelreader.search.watch import find_names, watch_query, watched_entity
from sahelreader.store.database import (
    LIST_FILTERS,
    DamagedLibrary,
    ListFilter,
    ListSort,
    NoteRecord,
    NoteSave,
    ReadOnlyLibrary,
    Store,
    StoreError,
    UnknownArticle,
    check_backup,
    is_damage,
    read_only_reason,
    row_entities,
)
from sahelreader.store.locks import FileLock
from sahelreader.store.salvage import Salvage, recover_library, salvage, set_aside_if_empty

Progress = Callable[[int, int], None]
Notice = Callable[[str], None]
SearchSort = Literal["relevance", "date"]
_BATCH = 500
_HITS_READ_AT_ONCE = 200  # articles read in one query for search hits' snippets
ENTITY_FIELDS = frozenset({"person", "place", "organisation", "entity"})
ENTITY_NAME_FIELDS = frozenset(names_field(field) for field in ENTITY_FIELDS)
# The most an entity weighs in the index (its names repeated): a headline and a few mentions.
MOST_NAME_WEIGHT = MAX_MENTION_WEIGHT + TITLE_WEIGHT
# Past this many pending changes a fresh bulk build beats document-by-document updates; so does
# a first import into an empty or small library (most of what the index will hold is new).
_REBUILD_THRESHOLD = 5_000
_REBUILD_SHARE = 0.5
_REBUILD_FROM = 1_000


# A catch-up of at least this many changes found waiting when a session starts (an import or a
# refresh killed before it indexed) takes seconds to minutes: it is announced before it starts.
LEFT_WAITING_TOLD_FROM = 200


def _rebuild_pays(pending: int, articles: int) -> bool:
    """Whether indexing `pending` changes is faster as a fresh build of all `articles`."""
    if pending > _REBUILD_THRESHOLD:
        return True
    return pending >= _REBUILD_FROM and pending >= _REBUILD_SHARE * articles


# How long a process waits for another one writing the index (`index.lock`) before it goes on
# without the index: the store has the change, and the index catches up later.
INDEX_LOCK_WAIT = 30.0
# What a command that has just saved a change (a note) waits for the index, at most: the change
# is saved, and the index catches it up later (the next search does). A holder doing what a
# change needs (a few documents) is done long before; one that is not is doing a long job
# (a rebuild, an import's catch-up), which read the queue before this change anyway.
INDEX_WAIT_AFTER_CHANGE = 3.0
# Waits for the index shorter than this say nothing (another note's update: milliseconds).
INDEX_WAIT_TOLD_AFTER = 1.0
# The small segments of a burst of adds are folded together once the index has had no write
# for this long, or when a session closes with at least SMALL_SEGMENTS_AT_CLOSE of them (a
# script's many one-off adds); a session that closes with fewer leaves them to a later one.
INDEX_QUIET_SECONDS = 10.0
SMALL_SEGMENTS_AT_CLOSE = 12

_WORD = re.compile(r"\w+")

__all__ = [
    "AddReport",
    "DamagedLibrary",
    "EntityGroup",
    "ImportProgress",
    "IndexBusy",
    "IndexUnavailable",
    "Library",
    "QueryError",
    "ReadOnlyLibrary",
    "RemoveReport",
    "Salvage",
    "StoreError",
    "UnreadableFile",
    "UnknownArticle",
    "close_open_marks",
    "file_type",
    "group_entities",
    "is_damage",
]


class IndexBusy(IndexUnavailable):
    """Another process has been writing the search index for longer than INDEX_LOCK_WAIT."""


@dataclass
class AddReport:
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    skipped_records: int = 0
    files: int = 0
    subscribed: list[str] = field(default_factory=list)  # feeds (web addresses, OPML lists)
    already_subscribed: list[str] = field(default_factory=list)
    # (path or address, note): read all the same, but something was wrong with it (a feed
    # that is not well-formed XML, or not in the encoding it declares)
    notes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class ImportProgress:
    """How far an import has got, for a bar that moves within a large file too."""

    files_done: int
    files: int
    bytes_done: int  # of the files' sizes on disk (a .gz file's compressed size)
    bytes_total: int
    articles: int  # stored so far: added and duplicates
    path: str  # the file being read (or just read)


ImportStep = Callable[[ImportProgress], None]
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _local_path(given: Path | str) -> Path | None:
    """The path a name given to `add` stands for; None for a web address (http://, feed://)."""
    if isinstance(given, Path) or not _URL_LIKE.match(given) or os.path.lexists(given):
        return Path(given)
    if given[:7].lower() == "file://":
        return Path(unquote(urlsplit(given).path))
    return None


def file_type(path: Path) -> tuple[str, bool]:
    """A file's type as `add` sees it (".csv", ".jsonl.gz", "" for none) and whether `add` reads
    it as articles, by the ingest module's one list of types (loaded on first use: it is heavy).
    An .opml list, which `add` subscribes to, is not in that list."""
    from sahelreader.ingest.discover import SUPPORTED_SUFFIXES, suffix_of

    suffix = suffix_of(path)
    return suffix, suffix in SUPPORTED_SUFFIXES


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@dataclass
class RemoveReport:
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # have a note or bookmark; needs force
    unknown: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # unknown id -> why (too short…)


def _not_built() -> IndexUnavailable:
    return IndexUnavailable(
        "the search index is not built yet (another sahelreader may be building it): "
        "try again in a moment"
    )


@dataclass(frozen=True)
class Ranking:
    """A search's hits as ids in order, for the list: no rows, no snippets."""

    ids: list[str]
    total: int
    more: bool
    terms: frozenset[tuple[str, str]]
    suggestion: str | None


@dataclass(frozen=True)
class IndexHealth:
    ok: bool
    reason: str = ""  # why a rebuild is needed
    pending: int = 0


class Library:
    def __init__(self, where: Locations, config: Config, *, read_only: bool = False) -> None:
        self.locations = where
        self.config = config
        self.store = Store(where.database, read_only=read_only)
        self.index = SearchIndex(where.index)
        self.notices: list[str] = list(config.problems)
        # Louder than notices: something was lost or replaced (a library file found empty).
        self.warnings: list[str] = []
        # One writer of the index at a time, across processes (rebuilds and catch-ups).
        self._index_lock = FileLock(where.index_lock)
        self._temporary_index: Path | None = None  # a read-only library's index, this session
        self.parallel_builds = True
        self.safety_copy: Path | None = None
        # Held while the index is written (rebuild or catch-up). Public methods take it and call
        # the `_locked` bodies, which never take it again; re-entrant only as a safeguard.
        self._sync_lock = threading.RLock()
        self._tidy_lock = threading.Lock()
        self._tidying: threading.Thread | None = None
        self._last_index_write = 0.0
        self.index_quiet_seconds = INDEX_QUIET_SECONDS
        self._closing = threading.Event()
        self._tidy_wake = threading.Event()
        self._recogniser: Recogniser | None = None
        self._entity_version: str | None = None
        # What related() derives from each candidate (its shingles, names, numbers), kept
        # between calls: the side panel opens one story's articles one after another.
        self._related_features = FeatureCache()
        self._url_timelines: tuple[Hashable, Timelines] | None = None
        # Outlets' one name each (data/outlets.tsv and config.toml's [outlets]); the index's
        # source field reads the same table.
        self.outlets: OutletTable = outlet_table(config.outlets)
        # Names of one entity (bundled tables and config.toml's [equivalences]): indexed
        # together, shown as one row in the side panel.
        self.equivalences = Equivalences(config.equivalences)
        self._source_texts: dict[str, str] | None = None  # source -> its text in the index
        self._subscriptions: Subscriptions | None = None
        self._stories: Stories | None = None
        use_outlets(self.outlets)

    @classmethod
    def open(
        cls, home: Path | str | None = None, *, seed: bool = True, read_only: bool = False
    ) -> Library:
        """Open the library in `home`. One that cannot be written (a read-only home, or
        `read_only`) opens for reading, with a notice; each change then fails (ReadOnlyLibrary).
        Raises DamagedLibrary when SQLite cannot read the file: `recover` it."""
        where = locations(home)
        # A file where the index folder belongs would make every command fail: it is a damaged
        # index, kept aside; the index is rebuilt from the library when first needed.
        try:
            aside = set_aside_if_not_a_folder(where.index)
        except OSError:  # a home that cannot be written: the store says so below
            aside = None
        try:
            where.ensure()
        except OSError as error:
            raise StoreError(_cannot_make_home(where.database.parent, error)) from error
        emptied = None
        if not read_only and read_only_reason(where.database) is None:
            emptied = set_aside_if_empty(where.database)
        library = cls(where, load_config(where.config), read_only=read_only)
        if aside is not None:
            library.notices.append(
                f"{where.index} was a file, not a folder: moved it to {aside.name};"
                " the search index is rebuilt from the library"
            )
        if library.read_only is not None:
            library.notices.append(
                f"the library is read-only: {library.read_only}; changes are not saved"
            )
            return library
        if emptied is not None:
            library.store.set_meta("seeded", "1")  # a library lost, not a first run
            library.warnings.append(
                f"{where.database} was empty (0 bytes): the library it held was lost (the file "
                f"was truncated). It is kept as {emptied.name}; a new, empty library was "
                "started. Bring a backup back with `sahelreader restore FILE`"
                + _backups_beside(where.database)
            )
        try:
            for part in library.store.remove_unfinished():
                library.notices.append(f"removed {part}, left by an interrupted backup or restore")
            if seed:
                library.seed_if_new()
            library.normalise_sources()
            library.detect_missing_languages()
        except sqlite3.DatabaseError as error:
            library.close()
            if is_damage(error):  # a damaged page, met on the way in
                raise DamagedLibrary(where.database, error) from error
            raise
        return library

    @property
    def read_only(self) -> str | None:
        """Why changes cannot be saved (a read-only home); None when they can."""
        return self.store.read_only

    def close(self) -> None:
        self._closing.set()
        self.wait_for_index_tidy()
        # A library reopened after close (recover_database does) tidies as before.
        self._closing.clear()
        self.index.close()
        self.store.close()
        if self._temporary_index is not None:
            shutil.rmtree(self._temporary_index, ignore_errors=True)
            self._temporary_index = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- first run ---------------------------------------------------------------------------

    def seed_if_new(self) -> int:
        """Import the bundled seed articles once, into a library that has never had any."""
        if self.store.get_meta("seeded") or self.store.count():
            return 0
        drafts = [self.ready_to_store(d) for path in seed_files() for d in _read_drafts(path)]
        outcomes = self.store.add_many([(d, draft_language(d)) for d in drafts])
        self.store.set_meta("seeded", "1")
        added = [o.id for o in outcomes if o.added]
        # As every import does: its entities, and its place in the stories (`doctor` on a new
        # home had an article in no story to repair).
        self.recognise_and_save(added)
        return len(added)

    # -- the index, kept in step with the store -----------------------------------------------

    def index_health(self) -> IndexHealth:
        # The store's stamp, queue and count are read at one moment: a change another process
        # commits meanwhile is then either in all three or in none (it queues as it stamps).
        stamp_now, pending, articles = self.store.index_state()
        try:
            self.index.open()
        except FileNotFoundError:
            if not self.store.get_meta("index_built"):
                return IndexHealth(False, NO_INDEX_YET)
            return IndexHealth(False, "the search index is missing")
        except Exception as error:  # Whoosh raises many kinds on damaged files
            return IndexHealth(False, f"the search index is damaged ({type(error).__name__})")
        # Another build is checked before the pending changes: an index from another recogniser
        # is rebuilt whole, never patched for the few articles an upgrade queued at open.
        if not self._index_built_here():
            return IndexHealth(
                False, "the search index was built by another version or with other entity names"
            )
        if pending:
            return IndexHealth(True, pending=pending)
        stamp, _ = self.index.recorded_stamp()
        if stamp != stamp_now:
            return IndexHealth(False, "the search index is out of date")
        if self.index.doc_count() != articles:
            return IndexHealth(False, "the search index does not match the library")
        return IndexHealth(True)

    def _index_built_here(self) -> bool:
        """The index was built by this version with these entity names (its recorded build)."""
        return self.index.recorded_stamp()[1] == self.index_build

    @contextmanager
    def _index_writer(
        self, notice: Notice | None = None, wait: float | None = None
    ) -> Iterator[bool]:
        """Hold the right to write the index: this process's threads (`_sync_lock`) and other
        processes (`index.lock`). Yields False if another process kept it `wait` seconds
        (INDEX_LOCK_WAIT unless given)."""

        def waiting() -> None:
            if notice is not None:
                notice("another sahelreader is writing the search index: waiting for it")

        with self._sync_lock:
            held = self._index_lock.acquire(
                INDEX_LOCK_WAIT if wait is None else wait, waiting, INDEX_WAIT_TOLD_AFTER
            )
            try:
                yield held
            finally:
                if held:
                    self._index_lock.release()

    def warm_search(self, cancelled: threading.Event | None = None) -> None:
        """Prepare what a session's first long search needs (see SearchIndex.warm); for the
        reader, in its index worker once the index is ready. Quietly does nothing without one."""
        try:
            self.index.warm(cancelled)
        except (IndexUnavailable, OSError, ValueError):
            return

    def ensure_index(
        self,
        progress: Progress | None = None,
        notice: Notice | None = None,
        cancelled: threading.Event | None = None,
        *,
        wait: float | None = None,
        left_waiting: bool = False,
    ) -> bool:
        """Make the index match the store: catch up pending changes, or rebuild. True if usable.

        One process writes the index at a time; another waits for it (at most `wait` seconds,
        INDEX_LOCK_WAIT unless given), then finds the index it built, or goes on without it
        (False if unusable). `left_waiting`: the caller starts a session, so the changes
        waiting were left by an earlier one (a killed import), not made by the caller; a
        catch-up of many is then announced (`notice`) before it runs."""
        health = self.index_health()
        if health.ok and not health.pending:
            return True
        if self.read_only is not None:
            return self._ensure_index_read_only(health, progress, notice, cancelled)
        with self._index_writer(notice, wait) as held:
            if not held:
                if notice is not None:
                    waited = INDEX_LOCK_WAIT if wait is None else wait
                    notice(
                        "another sahelreader has been writing the search index for over "
                        f"{waited:g} s: going on without it; it catches up later"
                    )
                return health.ok
            health = self.index_health()  # another process may have built it meanwhile
            if not health.ok:
                if notice is not None:
                    verb = "building" if health.reason == NO_INDEX_YET else "rebuilding"
                    notice(f"{health.reason}: {verb} it from the library")
                self._rebuild_locked(progress, cancelled)
                return True
            if health.pending:
                if left_waiting and notice is not None and health.pending >= LEFT_WAITING_TOLD_FROM:
                    notice(
                        f"indexing {plural(health.pending, 'change')} left waiting "
                        "(an interrupted import?)"
                    )
                return self._sync_locked(progress, notice)
            return True

    def _ensure_index_read_only(
        self,
        health: IndexHealth,
        progress: Progress | None,
        notice: Notice | None,
        cancelled: threading.Event | None,
    ) -> bool:
        """A read-only library searches the index as it is; changes waiting for it (made
        elsewhere) are indexed once the library can be written. A missing or stale index is
        built where it lives if that folder can be written, else in a temporary folder."""
        if health.ok:
            return True
        with self._index_writer(notice) as held:
            if not held:
                return False
            health = self.index_health()
            if health.ok:
                return True
            if not _writable_folder(self.index.folder):
                folder = Path(tempfile.mkdtemp(prefix="sahelreader-index-"))
                self.index.close()
                self.index = SearchIndex(folder / "index")
                self._temporary_index = folder
                if notice is not None:
                    notice(
                        f"{health.reason}, and it cannot be saved here: building a temporary "
                        "one for this session"
                    )
            elif notice is not None:
                notice(f"{health.reason}: rebuilding it from the library")
            self._rebuild_locked(progress, cancelled)
            return True

    def rebuild_index(
        self, progress: Progress | None = None, cancelled: threading.Event | None = None
    ) -> int:
        if self.read_only is not None and self._temporary_index is None:
            if not _writable_folder(self.index.folder):
                raise ReadOnlyLibrary(self.read_only)
        with self._index_writer() as held:
            if not held:
                raise IndexBusy(
                    "another sahelreader has been writing the search index for over "
                    f"{INDEX_LOCK_WAIT:g} s; try again when it has finished"
                )
            return self._rebuild_locked(progress, cancelled)

    def _rebuild_locked(
        self, progress: Progress | None = None, cancelled: threading.Event | None = None
    ) -> int:
        """The body of rebuild_index; the caller holds the index (`_index_writer`)."""
        writable = self.read_only is None
        # Taken before the build reads the store, and together: what is queued after (an
        # import, a refresh or a note saved meanwhile) stays queued for the next catch-up instead
        # of being cleared unseen, and the stamp recorded is the one of the changes cleared.
        stamp, seen = self.store.index_snapshot()
        total = self.store.count()
        if writable:  # a read-only library recognises as it indexes, and keeps nothing
            self.refresh_entities(progress, cancelled)
        if cancelled is not None and cancelled.is_set():
            return 0
        written = self.index.rebuild(
            self.store.documents(),
            total,
            entities=self._entity_names,
            progress=progress,
            cancelled=cancelled,
            parallel=self.parallel_builds,
        )
        if cancelled is not None and cancelled.is_set():
            return written
        if writable:
            self.store.clear_marks(seen)
        # What is still queued makes the index healthy-but-behind, caught up by sync_index.
        self.index.record_stamp(stamp, self.index_build)
        if writable and not self.store.get_meta("index_built"):
            self.store.set_meta("index_built", "1")
        self.index.open()
        return written

    def sync_index(self, progress: Progress | None = None, notice: Notice | None = None) -> bool:
        """Apply the store's pending changes to the index; False if another process holds it
        (for longer than INDEX_LOCK_WAIT) or the library is read-only: they wait in the store."""
        if self.read_only is not None:
            return False
        with self._index_writer(notice) as held:
            if not held:
                if notice is not None:
                    notice(
                        "another sahelreader is writing the search index: the changes are "
                        "saved, and indexed later"
                    )
                return False
            return self._sync_locked(progress, notice)

    def _sync_locked(self, progress: Progress | None = None, notice: Notice | None = None) -> bool:
        """The body of sync_index; the caller holds the index (`_index_writer`)."""
        # The changes queued and the stamp they add up to, read at one moment; a change
        # committed after (another process's note) stays queued beside them: cleared by mark,
        # not by article, it is caught up by the next sync, never mistaken for a stale index.
        stamp, pending = self.store.index_snapshot()
        if not pending:
            return True
        if not self._index_built_here() or _rebuild_pays(len(pending), self.store.count()):
            # The lock is held here: the locked body, never rebuild_index (it locks again).
            self._rebuild_locked(progress)
            return True
        done = 0
        for start in range(0, len(pending), _BATCH):
            marks = pending[start : start + _BATCH]
            batch = list(dict.fromkeys(article_id for _, article_id in marks))
            rows = list(self.store.documents(batch))
            present = {row["id"] for row in rows}
            removed = [i for i in batch if i not in present]
            try:
                self.index.apply(rows, removed, entities=self._entity_names)
            except IndexUnavailable as error:
                if notice is not None:
                    notice(f"{error}; changes will be indexed later")
                return False
            except Exception as error:  # Whoosh raises many kinds on a damaged segment
                # The index is derived: rebuild it rather than fail every later command.
                if notice is not None:
                    notice(
                        f"the search index is damaged ({type(error).__name__}): "
                        "rebuilding it from the library"
                    )
                self.index.close()
                self._rebuild_locked(progress)
                return True
            self.store.clear_marks(marks)
            done += len(marks)
            if progress is not None:
                progress(done, len(pending))
        # Every change up to `stamp` is indexed; any queued since stays queued (the index is
        # healthy-but-behind until the next sync), as after a rebuild.
        self.index.record_stamp(stamp, self.index_build)
        self._tidy_index_later()
        return True

    def _tidy_index_later(self) -> None:
        """Fold the index's small segments together once a few have piled up, on a thread of
        its own, when the index has been quiet for `index_quiet_seconds`: the new articles are
        already searchable, and the merge (2-3 s at 50k articles) holds the index's one writer,
        which the next add of a burst (a feed refresh, a script's adds) would wait for."""
        with self._tidy_lock:
            self._last_index_write = time.monotonic()
            if self._tidying is not None and self._tidying.is_alive():
                return
            try:
                due = self.index.small_segments() >= SMALL_SEGMENTS_TO_MERGE
            except Exception:  # a damaged index is mended by the next sync, not here
                return
            if due:
                self._tidying = threading.Thread(
                    target=self._tidy_index, name="index-tidy", daemon=True
                )
                self._tidying.start()

    def _tidy_index(self) -> None:
        while True:
            with self._tidy_lock:
                wait = self._last_index_write + self.index_quiet_seconds - time.monotonic()
            if wait <= 0:
                break
            self._tidy_wake.wait(wait)
            self._tidy_wake.clear()
        try:
            if self._closing.is_set() and self.index.small_segments() < SMALL_SEGMENTS_AT_CLOSE:
                return  # closing before a quiet moment: a later session folds them
            with self._index_writer() as held:
                if held:
                    self.index.merge_small(self.store.documents, self._entity_names)
        except Exception:  # derived data: a failed merge leaves the segments as they were
            pass

    def wait_for_index_tidy(self) -> None:
        """Let a merge of small segments waiting for a quiet moment run now, and finish."""
        tidying = self._tidying
        if tidying is not None:
            with self._tidy_lock:
                self._last_index_write = -float("inf")
            self._tidy_wake.set()
            tidying.join()

    # -- import ----------------------------------------------------------------------------------

    def add(
        self,
        paths: Iterable[Path | str],
        progress: Progress | None = None,
        cancelled: threading.Event | None = None,
        index: bool = True,
        step: ImportStep | None = None,
    ) -> AddReport:
        """Import files and folders, web addresses and OPML lists. `progress(files done,
        files)` is called after each file; `step` (optional) with an :class:`ImportProgress` as
        records are stored too, so that a bar can move within one large file. A web address
        subscribes when it is a feed (or a page naming one), else adds the page; an ``.opml``
        file subscribes to the feeds it lists; a feed file (.rss, .atom, .xml) is read once."""
        from sahelreader.ingest import IngestError, Limits, discover, read_file

        # config.toml's [limits], if any; else the importers' defaults.
        limits = Limits.from_config(self.config.limits) if self.config.limits else None
        from sahelreader.library.subscriptions import SubscribeError

        report = AddReport()
        local: list[Path] = []
        for given in paths:
            path = _local_path(given)
            if path is None:
                try:
                    added = self.subscriptions.add_url(str(given))
                except SubscribeError as error:
                    report.failed.append((str(given), str(error)))
                    continue
                if added.kind == "feed":
                    new = added.subscribed is not None and added.subscribed.created
                    (report.subscribed if new else report.already_subscribed).append(added.url)
                    report.added.extend(added.ids)
                    if added.subscribed is not None:
                        # Entries already in the library, counted as `feeds add` counts them.
                        report.duplicates.extend(added.subscribed.duplicate_ids)
                        report.notes.extend((added.url, note) for note in added.subscribed.notes)
                else:
                    (report.duplicates if added.duplicate else report.added).extend(added.ids)
                    report.notes.extend((added.url, note) for note in added.notes)
            elif path.suffix.lower() == ".opml" and path.is_file():
                try:
                    listed = self.subscriptions.import_opml(path)
                except SubscribeError as error:
                    report.failed.append((str(given), str(error)))
                    continue
                report.subscribed.extend(listed.subscribed)
                report.already_subscribed.extend(listed.already)
                report.failed.extend(listed.refused)
            else:
                local.append(path)
        files, problems = discover(local)
        report.failed.extend((str(path), reason) for path, reason in problems)
        report.files = len(files) + len(problems)
        sizes = [_file_size(path) for path in files]
        total_bytes = sum(sizes)
        bytes_before = 0  # the sizes of the files read so far

        def tell(files_done: int, path: Path, within: int) -> None:
            if step is not None:
                step(
                    ImportProgress(
                        files_done=files_done,
                        files=len(files),
                        bytes_done=bytes_before + within,
                        bytes_total=total_bytes,
                        articles=len(report.added) + len(report.duplicates),
                        path=str(path),
                    )
                )

        for done, (path, size) in enumerate(zip(files, sizes, strict=True), 1):
            if cancelled is not None and cancelled.is_set():
                break
            batch: list[tuple[ArticleDraft, str]] = []
            ahead: list[ArticleDraft] = []
            try:
                reading = read_file(path, limits)
                for draft in reading:
                    batch.append((draft, draft_language(draft)))
                    if len(batch) >= _BATCH:
                        self._store_batch(batch, report, ahead)
                        batch = []
                        fraction = reading.fraction_read()
                        tell(done - 1, path, int(size * fraction) if fraction else 0)
                        if cancelled is not None and cancelled.is_set():
                            reading.close()
                            break
                report.skipped_records += getattr(reading, "skipped", 0)
                report.notes.extend((str(path), note) for note in reading.notes)
            except IngestError as error:
                report.failed.append((str(path), str(error)))
            except (OSError, UnicodeError, ValueError) as error:
                report.failed.append((str(path), f"cannot read it: {error}"))
            if batch:
                self._store_batch(batch, report, ahead)
            if ahead:
                report.notes.append((str(path), dated_ahead_note(ahead)))
            bytes_before += size
            tell(done, path, 0)
            if progress is not None:
                progress(done, len(files))
        return report

    def _store_batch(
        self,
        batch: list[tuple[ArticleDraft, str]],
        report: AddReport,
        ahead: list[ArticleDraft] | None = None,
    ) -> None:
        added: list[str] = []
        batch = [(self.ready_to_store(draft, ahead), language) for draft, language in batch]
        self.remember_source_texts({draft.source for draft, _ in batch})
        for outcome in self.store.add_many(batch):
            (added if outcome.added else report.duplicates).append(outcome.id)
        report.added.extend(added)
        # Recognised now, while the import is under way, so that indexing finds them cached.
        self.recognise_and_save(added)

    @property
    def stories(self) -> Stories:
        """Articles grouped into stories, across outlets and languages."""
        if self._stories is None:
            from sahelreader.library.stories import Stories

            self._stories = Stories(self)
        return self._stories

    @property
    def subscriptions(self) -> Subscriptions:
        """Feeds: subscribe, refresh, remove, OPML."""
        if self._subscriptions is None:
            from sahelreader.library.subscriptions import Subscriptions

            self._subscriptions = Subscriptions(self)
        return self._subscriptions

    @cached_property
    def trends(self) -> Trends:
        """How often a search or an entity appears over time; the watch list's rising names."""
        from sahelreader.library.trends import Trends

        return Trends(self)

    def vacuum(self) -> tuple[int, int, int]:
        """Prune every feed by its retention, then compact the database:
        (articles pruned, bytes before, bytes after)."""
        pruned = self.subscriptions.prune_all()
        before, after = self.store.vacuum()
        return pruned, before, after

    def add_drafts(self, drafts: Sequence[ArticleDraft]) -> AddReport:
        report = AddReport()
        ahead: list[ArticleDraft] = []
        self._store_batch([(d, draft_language(d)) for d in drafts], report, ahead)
        for draft in ahead:
            report.notes.append((draft.origin or draft.url, dated_ahead_note([draft])))
        return report

    # -- outlets: one name each ------------------------------------------------------------------

    def ready_to_store(
        self, draft: ArticleDraft, ahead: list[ArticleDraft] | None = None
    ) -> ArticleDraft:
        """The draft as the library stores it: its outlet's canonical name as source (the name
        given kept aside) and, when it came undated, the day its url writes ("/2024/04/12/"),
        which stories, trends and coverage need. A date more than AHEAD_ALLOWANCE after now is
        no publication date ("2099-01-01"): dropped (the url's day, if any, taken instead), and
        the draft as it came appended to `ahead`, for the note that says so. Every article
        (file, record, feed entry, web page) passes here, so all are dated alike."""
        # drafts come from ingest: loaded
        from sahelreader.ingest.dates import beyond_today, date_in_url

        raw = draft.source if draft.source_raw is None else draft.source_raw
        source = self.outlets.canonical(raw, draft.url)
        published = draft.published
        if published is not None and beyond_today(published):
            if ahead is not None:
                ahead.append(draft)
            published = None
        published = published or date_in_url(draft.url)
        return replace(draft, source=source, source_raw=raw, published=published)

    def canonical_source(self, source: str) -> str:
        """The name articles from this outlet are stored under ("bbc.co.uk" -> "BBC")."""
        return self.outlets.canonical(source) or source

    def remember_source_texts(self, sources: set[str]) -> None:
        """Record the searchable text of sources new to the library, which their documents will
        hold, so that a later change of the outlet table knows which ones to index again."""
        if self._source_texts is None:
            try:
                self._source_texts = json.loads(self.store.get_meta("source_search") or "{}")
            except ValueError:
                self._source_texts = {}
        new = {s: self.outlets.search_text(s) for s in sources if s not in self._source_texts}
        if new:
            self._source_texts.update(new)
            self.store.set_meta("source_search", json.dumps(self._source_texts, ensure_ascii=False))

    def normalise_sources(self) -> int:
        """Give every article its outlet's canonical name again if the outlet table (bundled or
        config.toml's) or the organisation names changed since the last time; queue for the
        index the articles whose searchable source text changed. Returns the articles renamed.

        Cheap when nothing changed (one meta read); otherwise one pass over the articles.
        """
        version = f"{self.outlets.fingerprint}:{self.equivalences.fingerprint}"
        recorded = self.store.get_meta("names_version")
        if recorded == version:
            return 0
        try:
            previous: dict[str, str] = json.loads(self.store.get_meta("source_search") or "{}")
        except ValueError:
            previous = {}
        texts: dict[str, str] = {}
        changes: list[tuple[str, str]] = []
        reindex: list[str] = []
        for article_id, source, raw, url in self.store.source_rows():
            name = self.outlets.canonical(raw, url)
            if name not in texts:
                texts[name] = self.outlets.search_text(name)
            if name != source:
                changes.append((article_id, name))
            elif previous.get(source, source) != texts[name]:
                reindex.append(article_id)  # same name, other aliases: its document changes
        entity_names_changed = recorded is None or not recorded.endswith(
            self.equivalences.fingerprint
        )
        self.store.update_sources(changes, reindex)
        if entity_names_changed and self.store.count():
            self.store.queue_all()  # every document's entity names may change
        self._source_texts = texts
        self.store.set_meta("source_search", json.dumps(texts, ensure_ascii=False))
        self.store.set_meta("names_version", version)
        return len(changes)

    def detect_missing_languages(self) -> int:
        """Detect again the language of articles stored without one, once after the detection
        changed (LANGUAGE_DETECTION: an earlier version read the body alone, so headline-only
        feed items got none). Returns the articles that gained a language.

        Cheap when nothing changed (one meta read); otherwise one pass over those articles.
        """
        if self.read_only is not None or (
            self.store.get_meta("language_detection") == LANGUAGE_DETECTION
        ):
            return 0
        found = [
            (article_id, language)
            for article_id, title, body in self.store.articles_without_language()
            if (language := draft_language(ArticleDraft(title=title, body=body)))
        ]
        self.store.set_languages(found)
        self.store.set_meta("language_detection", LANGUAGE_DETECTION)
        return len(found)

    # -- named entities ---------------------------------------------------------------------------

    @property
    def recogniser(self) -> Recogniser:
        if self._recogniser is None:
            self._recogniser = Recogniser(
                self.config.entities, statistical=self.config.entity_tagger
            )
        return self._recogniser

    @property
    def index_build(self) -> str:
        """What the index's documents depend on: their format and the entity recogniser."""
        return f"{INDEX_FORMAT}:{self.entity_version}"

    @property
    def entity_version(self) -> str:
        """Names the recogniser (code, data, the user's extra names) that the cache came from."""
        if self._entity_version is None:
            self._entity_version = recogniser_fingerprint(
                self.config.entities, self.config.entity_tagger
            )
        return self._entity_version

    def entities(self, article: Article) -> list[Entity]:
        """Entities in the article's body (offsets into `article.body`), cached in the store."""
        cached = self.store.cached_entities(article.id, self.entity_version)
        if cached is not None:
            return cached
        found = self.recogniser.recognise(article.body, article.language or None)
        self.store.save_entities([(article.id, found)], self.entity_version)
        return found

    def recognise_text(self, text: str, language: str | None = None) -> list[Entity]:
        return self.recogniser.recognise(text, language or detect_language(text) or None)

    def recognise_file(self, path: Path) -> tuple[str, list[Entity]]:
        """A file's text and the entities in it, with offsets into that text: for an .html or
        .htm file the article extracted from it as `add` does (the body `add` would store, no
        menus or scripts); for any other its characters as decoded (the encoding detected as
        on import), nothing else changed: line endings (CRLF) included. UnreadableFile when an
        HTML file gives no article, when the file is binary data (not text: `add` refuses it
        too; its decoded bytes would give made-up names), or when it is a feed (RSS, Atom,
        RDF: its markup would give names; `add` reads its entries)."""
        from sahelreader.ingest import (
            IngestError,
            Limits,
            decode_as_is,
            looks_like_feed,
            read_file,
        )
        from sahelreader.ingest.encoding import looks_binary
        from sahelreader.ingest.reader import HTML_SUFFIXES

        path = Path(path)
        if path.suffix.lower() in HTML_SUFFIXES:
            limits = Limits.from_config(self.config.limits) if self.config.limits else None
            try:
                [draft] = list(read_file(path, limits))
            except IngestError as error:
                raise UnreadableFile(f"{path}: {error}") from None
            return draft.body, self.recognise_text(draft.body, draft_language(draft) or None)
        data = path.read_bytes()
        if looks_like_feed(data):
            # Its markup is no article's text: `add` reads it entry by entry (review 13 D9).
            raise UnreadableFile(
                f"{path} is a feed file: `sahelreader add` it, then "
                "`sahelreader entities ID` for one of its entries"
            )
        text = decode_as_is(data)
        if looks_binary(text):
            raise UnreadableFile(f"{path} is not a text file")
        return text, self.recognise_text(text)

    def recognise_input(self, data: bytes) -> list[Entity]:
        """The entities in bytes given on standard input, offsets into them as UTF-8 text (or,
        when they are no UTF-8, as decoded for a file). UnreadableFile when they are binary."""
        from sahelreader.ingest import decode_as_is
        from sahelreader.ingest.encoding import looks_binary

        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = decode_as_is(data)
        if looks_binary(text):
            raise UnreadableFile("standard input is not text")
        return self.recognise_text(text)

    def recognise_and_save(self, ids: Sequence[str], *, stories: bool = True) -> None:
        found = [
            (article_id, self.recogniser.recognise(body, language or None))
            for article_id, body, language in self.store.bodies(ids)
        ]
        if found:
            self.store.save_entities(found, self.entity_version)
            if stories:
                # Every import path comes here once the entities are known: group new articles
                # into stories now (`stories`: False when only the recogniser changed).
                self.stories.place([article_id for article_id, _ in found])

    def refresh_entities(
        self, progress: Progress | None = None, cancelled: threading.Event | None = None
    ) -> int:
        """Recognise entities wherever the cache is missing or from another recogniser."""
        stale = self.store.ids_without_entities(self.entity_version)
        for start in range(0, len(stale), 200):
            if cancelled is not None and cancelled.is_set():
                break
            self.recognise_and_save(stale[start : start + 200], stories=False)
            if progress is not None:
                progress(min(start + 200, len(stale)), len(stale))
        return len(stale)

    def _entity_names(self, row: sqlite3.Row) -> dict[str, list[str]]:
        spans = row_entities(row, self.entity_version)
        if spans is None:
            spans = self.recogniser.recognise(row["body"], row["language"] or None)
        # A headline can name what the body does not ("ECOWAS sanctions Guinea" over a body
        # that says "the bloc"): its names are searchable too.
        title_spans = self.recogniser.recognise(row["title"], row["language"] or None)
        # ECOWAS is CEDEAO, Tchad is Chad: every name of an entity is indexed, in either
        # language, with the user's equivalences. A name is repeated as often as it weighs
        # (mentions, the headline), so an entity search ranks the articles about it first.
        names: dict[str, list[str]] = {}
        for kind, weighted in weighted_names_by_type(spans, title_spans).items():
            expanded = self.equivalences.expand_weighted(kind, weighted, MOST_NAME_WEIGHT)
            names[kind] = [name for name, weight in expanded for _ in range(weight)]
        return names

    def entity_groups(self, article: Article) -> list[EntityGroup]:
        return group_entities(self.entities(article), self.equivalences)

    def doctor(
        self, progress: Progress | None = None, recovered: Salvage | None = None
    ) -> list[Finding]:
        """Check the store and the index, repair what can be repaired, say what was found.

        A damaged database is recovered first (`recover_database`); `recovered` is the report
        of a recovery already made (`Library.recover`, when the file could not be opened)."""
        from sahelreader.doctor import run_doctor

        if recovered is None and self.read_only is None:
            try:
                problems = self.store.integrity_problems()
            except sqlite3.DatabaseError as error:
                problems = [str(error)]
            if problems:
                recovered = self.recover_database()
        return run_doctor(self, progress=progress, recovered=recovered)

    def recover_database(self) -> Salvage:
        """Recover a damaged database in place (see `recover`), and go on with the new one."""
        self.close()
        try:
            report = recover_library(self.locations.database)
        finally:
            self.store = Store(self.locations.database)
            self.index = SearchIndex(self.locations.index)
            self._source_texts = None
        return report

    @staticmethod
    def recover(home: Path | str | None = None) -> Salvage:
        """Recover the damaged library in `home`: what SQLite can still read (notes and
        bookmarks first) goes into a new library file, the damaged one is kept aside as
        `library.db.damaged-<time>`. With nothing readable, a new, empty library is started."""
        return recover_library(locations(home).database)

    @classmethod
    def export_notes_from(
        cls,
        path: Path,
        home: Path | str | None = None,
        entity: str | None = None,
        query: str | None = None,
    ) -> tuple[str, int, Salvage]:
        """Markdown of the notes in another library file: a backup, or a damaged library (what
        can still be read of it: see `recover`), with how many noted articles it holds. The file
        is only read. StoreError if nothing can be read from it."""
        if not path.is_file():
            raise StoreError(f"{path}: no such file")
        with tempfile.TemporaryDirectory(prefix="sahelreader-export-") as temporary:
            folder = Path(temporary)
            report = salvage(path, folder / "library.db", folder / "salvage")
            if not report.readable:
                raise StoreError(f"nothing could be read from {path}: {report.error}")
            where = Locations(folder / "library.db", folder / "index", locations(home).config)
            library = cls(where, load_config(where.config))
            try:
                if query:
                    library.ensure_index()
                # A note's article missing from a damaged file may just be unreadable there.
                unreadable = "articles" in report.damaged_tables or "articles" not in report.tables
                missing = f"article details could not be read from {path.name}"
                markdown, count = library.export_notes_counted(
                    entity=entity, query=query, missing=missing if unreadable else None
                )
                return markdown, count, report
            finally:
                library.close()

    def related(self, article_id: str, limit: int = 10) -> Related:
        """What the article cites, other coverage of the same story, and its links."""
        from sahelreader.related.coverage import related

        return related(self.related_inputs(article_id), limit)

    def sources(self, article_id: str) -> Related:
        """What the article cites and its links, from its text alone: what `related` gives
        without other coverage, which needs the search index (`searched` None says so)."""
        from sahelreader.related.coverage import text_sources

        return text_sources(self.get(article_id))

    def related_inputs(self, article_id: str) -> RelatedInputs:
        """What finding related coverage reads: the article, the index's searcher, the stored
        candidates and their entities (the store's cache; recognised again where it is stale)."""
        article = self.get(article_id)
        rows: dict[str, sqlite3.Row] = {}  # the candidates read, for their cached entities

        def documents(ids: Sequence[str]) -> Iterator[Document]:
            for row in self.store.documents(ids):
                rows[row["id"]] = row
                yield Document(
                    id=row["id"],
                    title=row["title"],
                    body=row["body"],
                    source=row["source"],
                    language=row["language"] or "",
                    published=from_iso(row["published"]),
                    # What is derived from it is remembered until the recogniser or its
                    # cached entities change (or its text: see FeatureCache).
                    version=(self.entity_version, row["entity_version"], row["entity_spans"]),
                    url=row["url"] or "",
                )

        def entities_of(item: Article | Document) -> list[Entity]:
            if isinstance(item, Document):
                row = rows.get(item.id)
                cached = None if row is None else row_entities(row, self.entity_version)
                if cached is not None:
                    return cached
                item = self.get(item.id)
            return self.entities(item)

        def recognise(text: str, language: str | None) -> list[Entity]:
            return self.recogniser.recognise(text, language)

        return RelatedInputs(
            article,
            self._searcher,
            documents,
            entities_of,
            recognise,
            self._related_features,
            self.url_timelines,
        )

    def url_timelines(self) -> Timelines:
        """The timelines of the url id families (`related/url_ids.py`): fitted on the library's
        dated articles whose urls hold a number, and the default anchors; fitted again when
        the library's articles or their dates change."""
        from sahelreader.related.url_ids import fit_timelines

        key = (self.store.count(), self.store.published_span())
        if self._url_timelines is None or self._url_timelines[0] != key:
            self._url_timelines = (key, fit_timelines(self.store.dated_numbered_urls()))
        return self._url_timelines[1]

    def _searcher(self) -> Any:
        """The index's searcher; None when there is no index, or it cannot be opened now."""
        try:
            return self.index.searcher()
        except (FileNotFoundError, IndexUnavailable):
            return None

    def count_entity_articles(self, group: EntityGroup) -> int:
        """How many articles name this entity: a term lookup, or a phrase in the small field."""
        return self.index.count_in_field(group.type, group.search_name or group.name)

    # -- reading ---------------------------------------------------------------------------------

    def resolve(self, article_id: str) -> str:
        return self.store.resolve_id(article_id)

    def get(self, article_id: str) -> Article:
        return self.store.get(self.store.resolve_id(article_id))

    def count(self) -> int:
        return self.store.count()

    def list_ids(
        self, filter_by: ListFilter = "all", sort: ListSort = "date", source: str | None = None
    ) -> list[str]:
        source = self.canonical_source(source) if source else source
        return self.store.list_ids(filter_by, sort, source)

    def rows(self, ids: Sequence[str]) -> list[ArticleRow]:
        return self.store.rows(ids)

    def remove(self, ids: Sequence[str], *, force: bool = False) -> RemoveReport:
        report = RemoveReport()
        resolved: list[str] = []
        for given in ids:
            try:
                resolved.append(self.store.resolve_id(given))
            except KeyError as error:
                report.unknown.append(given)
                report.reasons[given] = str(error)
        protected = set() if force else self.store.user_data_ids(resolved)
        report.kept = [i for i in resolved if i in protected]
        report.removed = [i for i in resolved if i not in protected]
        if report.removed:
            self.store.remove(report.removed, with_user_data=force)
        return report

    # -- read state ------------------------------------------------------------------------------

    # What was read and where the reader was are not kept in a read-only library (its notice
    # says changes are not saved): reading goes on without them, rather than fail at each step.

    def mark_read(self, ids: Sequence[str], read: bool = True) -> None:
        if self.read_only is None:
            self.store.set_read(ids, read)

    def opened(self, article_id: str, *, mark_read: bool = True) -> None:
        """The reader opened an article: it is read now, and the app reopens on it."""
        if self.read_only is None:
            self.store.mark_opened(article_id, read=mark_read)

    def set_last_opened(self, article_id: str) -> None:
        if self.read_only is None:
            self.store.set_meta("last_opened", article_id)

    def last_opened(self) -> str | None:
        return self.store.get_meta("last_opened")

    # -- bookmarks and notes: the user's own words, never lost ------------------------------------

    def set_bookmark(self, article_id: str, on: bool) -> bool:
        return self.store.set_bookmark(self.store.resolve_id(article_id), on)

    def toggle_bookmark(self, article_id: str) -> bool:
        """Bookmark or unbookmark; returns whether the article is bookmarked now."""
        resolved = self.store.resolve_id(article_id)
        now_on = not self.store.get(resolved).bookmarked
        self.store.set_bookmark(resolved, now_on)
        return now_on

    def bookmarks(self) -> list[tuple[str, str, datetime | None]]:
        return self.store.bookmarks()

    def note(self, article_id: str) -> NoteRecord | None:
        return self.store.note(self.store.resolve_id(article_id))

    def save_note(
        self, article_id: str, text: str, based_on: int | None = None, *, draft: bool = False
    ) -> NoteSave:
        """Save a note (an SQLite transaction: never half-written). See Store.save_note.

        `based_on=None` means "whatever is there now" (the CLI); the editor passes the revision
        it loaded, so a save from another window in between is noticed and kept. `draft`: a
        later autosave of one editing sitting (see Store.save_note).
        """
        resolved = self.store.resolve_id(article_id)
        if based_on is None:
            current = self.store.note(resolved)
            based_on = current.revision if current else None
        return self.store.save_note(resolved, text, based_on, draft=draft)

    def note_versions(self, article_id: str) -> list[tuple[str, datetime | None]]:
        """The texts a note had before another writer saved over them, or before it was
        deleted: (text, when it was replaced), newest first."""
        return self.store.note_versions(self.store.resolve_id(article_id))

    def notes(self) -> list[NotedArticle]:
        noted = []
        for record, title in self.store.notes():
            try:
                article: Article | None = self.store.get(record.article_id)
            except UnknownArticle:
                article = None
            noted.append(
                NotedArticle(article, record.article_id, title, record.body, record.updated)
            )
        return noted

    def export_notes(self, entity: str | None = None, query: str | None = None) -> str:
        """Markdown of every note, or of those about an entity, or matching a search."""
        return self.export_notes_counted(entity, query)[0]

    def export_notes_counted(
        self, entity: str | None = None, query: str | None = None, missing: str | None = None
    ) -> tuple[str, int]:
        """`export_notes`, and how many noted articles it holds (0: nothing matched).
        ``missing``: what a note whose article is not there says (by default that it was
        removed from the library)."""
        items = self.notes()
        heading = "Notes"
        if query:
            hits = {hit.id for hit in self.search(query, limit=None, snippets=False).hits}
            items = [item for item in items if item.article_id in hits]
            heading = f"Notes — {query}"
        if entity:
            names = list(dict.fromkeys([entity, *self._every_name(entity)]))
            keys = {(kind, self.equivalences.key(kind, entity)) for kind in ENTITY_TYPES}
            items = [item for item in items if self._mentions(item, names, keys)]
            heading = f"Dossier — {entity}"
        return notes_markdown(items, heading, missing or NO_ARTICLE), len(items)

    def _mentions(
        self, item: NotedArticle, names: list[str], keys: set[tuple[EntityType, str]]
    ) -> bool:
        """Whether the note or the article names the entity: by one of its `names` (ECOWAS,
        CEDEAO…: the equivalences search uses), or an entity of the same `keys`."""
        if find_names(item.note, names):
            return True
        if item.article is None:
            return False
        wanted = {fold(n) for n in names}
        for entity in self.entities(item.article):
            text = fold(entity.text)
            if (entity.type, self.equivalences.key(entity.type, entity.text)) in keys:
                return True
            if any(text == w or w in text.split() or text in w.split() for w in wanted):
                return True
        return bool(find_names(item.article.body, names))

    def _every_name(self, name: str) -> list[str]:
        return [other for kind in ENTITY_TYPES for other in self.equivalences.names(kind, name)]

    def backup(self, target: Path) -> None:
        self.store.backup_to(target)

    def restore(self, source: Path, progress: Progress | None = None) -> int:
        """Bring a backup back; the index is rebuilt from it. Returns the articles restored.

        The library as it was is first copied beside it (`safety_copy`), so a restore of the
        wrong file loses nothing either.
        """
        check_backup(source)
        stamp = now_utc().strftime("%Y%m%d-%H%M%S")
        self.safety_copy = self.locations.database.with_name(f"library-before-restore-{stamp}.db")
        self.store.backup_to(self.safety_copy)
        self.store.restore_from(source)
        self._entity_version = None
        self._source_texts = None
        self.normalise_sources()
        self.rebuild_index(progress)
        return self.store.count()

    # -- search ----------------------------------------------------------------------------------

    def parse_query(self, text: str) -> ParsedQuery:
        return self.index.parse(text)

    def search(
        self,
        text: str,
        limit: int | None = 20,
        sort: SearchSort = "relevance",
        snippets: bool = True,
    ) -> SearchResults:
        """Search the index (see `_search`); IndexUnavailable when there is none yet."""
        try:
            return self._search(text, limit, sort, snippets)
        except FileNotFoundError as error:
            raise _not_built() from error

    def _search(
        self,
        text: str,
        limit: int | None = 20,
        sort: SearchSort = "relevance",
        snippets: bool = True,
    ) -> SearchResults:
        """Search the index; raises QueryError for a query that cannot be understood.

        A query that is nothing but date and language filters (`published:2024-03`,
        `language:fr`) needs no ranking: the store answers it from its indexes, newest first.
        """
        raw = self._ranked(text, limit, sort)
        hits: list[SearchHit] = []
        wanted = [h.id for h in raw.hits]
        rows = {r.id: r for r in self.store.rows(wanted)} if not snippets else {}
        articles: dict[str, Article] = {}
        for at, found in enumerate(raw.hits):
            if snippets:
                if at % _HITS_READ_AT_ONCE == 0:  # a page's articles at a time, not all hits'
                    articles = self.store.get_many(wanted[at : at + _HITS_READ_AT_ONCE])
                article = articles.get(found.id)
                if article is None:
                    continue  # removed since the index last caught up
                hits.append(self._hit(article, found.score, raw.terms))
            elif found.id in rows:
                row = rows[found.id]
                hits.append(
                    SearchHit(row.id, row.title, row.source, "", row.published, found.score, "", [])
                )
        suggestion = None if raw.total else self.index.suggest(text, self._written_word)
        return SearchResults(hits, raw.total, suggestion, raw.terms, raw.more)

    def _written_word(self, article_id: str, folded: str) -> str | None:
        """The word `folded` as the article writes it ("Goïta" for "goita"), or None."""
        try:
            article = self.store.get(article_id)
        except KeyError:
            return None
        for text in (article.title, article.body):
            for word in _WORD.findall(text):
                if fold(word) == folded:
                    return str(word)
        return None

    def ranking(self, text: str, limit: int | None = 20, sort: SearchSort = "relevance") -> Ranking:
        """The ids of a search's hits in order and how many match, without building hits: what
        the list needs (its rows and snippets are read when they come into view)."""
        try:
            raw = self._ranked(text, limit, sort)
        except FileNotFoundError as error:
            raise _not_built() from error
        ids = self.store.present([hit.id for hit in raw.hits])  # removed since the index caught up
        suggestion = None if raw.total else self.index.suggest(text, self._written_word)
        return Ranking(ids, raw.total, raw.more, raw.terms, suggestion)

    def _ranked(self, text: str, limit: int | None, sort: SearchSort) -> RawResults:
        """The hits' ids and scores in order, and how many match (see `_search`)."""
        parsed = self.index.parse(text)
        rest, filters = split_filters(parsed.query)
        if rest is None:
            bounds = filters.iso_bounds()
            ids, total = (
                ([], 0)
                if bounds is None
                else self.store.published_between(*bounds, filters.languages, limit)
            )
            raw = RawResults([RawHit(i, 0.0) for i in ids], total, total > len(ids), frozenset())
        elif sort == "date":
            # Rank everything, then order by date as the list does (undated last), so
            # scores stay relevance scores rather than Whoosh's sort keys.
            raw = self.index.search(parsed, limit=None)
            by_id = {hit.id: hit for hit in raw.hits}
            ordered = self.store.list_ids("all", "date", within=list(by_id))[:limit]
            more = limit is not None and len(ordered) < len(by_id)
            raw = replace(raw, hits=[by_id[i] for i in ordered], more=more)
        else:
            raw = self.index.search(parsed, limit=limit)
        return raw

    def snippet_for(
        self, article_id: str, terms: frozenset[tuple[str, str]]
    ) -> tuple[str, list[tuple[int, int]]]:
        """The one-line snippet of a search hit, computed when the list needs to draw it."""
        try:
            article = self.store.get(article_id)
        except UnknownArticle:
            return "", []
        hit = self._hit(article, 0.0, terms)
        return hit.snippet, hit.matches

    def body_matches(
        self, article: Article, terms: frozenset[tuple[str, str]]
    ) -> list[tuple[int, int]]:
        """Where the query matched in the body; an entity search (person:tiani) marks the name,
        and marks it under any of its names (`organisation:cedeao` marks "ECOWAS")."""
        wanted = {text for field, text in terms if field in ENTITY_FIELDS}
        whole = {text for field, text in terms if field in ENTITY_NAME_FIELDS}
        as_body = terms | {("body", text) for text in wanted}
        spans = match_spans(article.body, "body", article.language, as_body)
        if whole:  # a quoted name: the entities of that name, under any of their names
            for entity in self.entities(article):
                names = (entity.text, *self.equivalences.names(entity.type, entity.text))
                if any(name_key(name) in whole for name in names):
                    spans.append((entity.start, entity.end))
            spans = _merged(spans)
        if wanted:
            for entity in self.entities(article):
                # Marked whole when found under another of its names; a word of its own
                # ("Tiani" of "Abdourahamane Tiani") is marked by the body match above.
                if set(fold(entity.text).split()) & wanted:
                    continue
                names = self.equivalences.names(entity.type, entity.text)
                if {w for name in names for w in fold(name).split()} & wanted:
                    spans.append((entity.start, entity.end))
            spans = _merged(spans)
        return spans

    def filter_ids(self, ids: Sequence[str], filter_by: ListFilter) -> list[str]:
        """Those of `ids` that pass the filter, in the order given."""
        if filter_by == "all":
            return list(ids)
        keep = set(self.store.list_ids(filter_by, "added", within=ids))
        return [i for i in ids if i in keep]

    def from_source(self, ids: Sequence[str], source: str) -> list[str]:
        """Those of `ids` from one source, in the order given."""
        source = self.canonical_source(source)
        keep = set(self.store.list_ids("all", "added", source=source, within=ids))
        return [i for i in ids if i in keep]

    def order_ids(self, ids: Sequence[str], sort: ListSort) -> list[str]:
        return self.store.list_ids("all", sort, within=ids)

    def watched_names(self, text: str, entities: Sequence[Entity] = ()) -> list[tuple[int, int]]:
        """Where the names of config.toml's watch list occur in `text`, and every mention of
        `text`'s `entities` (found in it) that is a watched entity (`watched_groups`): the whole
        "Abdourahamane Tiani" when "Tiani" is watched, and its later "Tiani" too."""
        watch = self.config.watch
        spans = find_names(text, watch)
        if watch and entities:
            for group, mentions in grouped_mentions(entities, self.equivalences):
                if self.watched_group(group, mentions):
                    spans += [(mention.start, mention.end) for mention in mentions]
        return _merged(spans)

    def watched_group(self, group: EntityGroup, mentions: Sequence[Entity] = ()) -> list[str]:
        """The watch list's names an entity of an article answers to (`watched_entity`): by
        any of its spellings in the article (`mentions`: also the short ones counted with it),
        an acronym also by its indexed name."""
        spellings = [group.name, *group.spellings, *(mention.text for mention in mentions)]
        return watched_entity(spellings, self.config.watch, group.search_name)

    def unread_ids(self, ids: Sequence[str]) -> list[str]:
        return self.store.unread_ids(ids)

    def unread_count(self, ids: Sequence[str] | None = None) -> int:
        return self.store.unread_count() if ids is None else self.store.unread_among(ids)

    def _hit(self, article: Article, score: float, terms: frozenset[tuple[str, str]]) -> SearchHit:
        language = article.language
        body_spans = self.body_matches(article, terms)
        note_spans = match_spans(article.note, "note", language, terms) if article.note else []
        if not body_spans and note_spans:
            text, spans = snippet(article.note, note_spans)
        else:
            text, spans = snippet(article.body, body_spans)
        matched = [
            name
            for name, found in (
                ("title", match_spans(article.title, "title", language, terms)),
                ("body", body_spans),
                ("note", note_spans),
            )
            if found
        ]
        matched += [
            name
            for name, value in (("source", article.source), ("author", article.author))
            if value and any(f == name for f, _ in terms)
        ]
        return SearchHit(
            id=article.id,
            title=article.title,
            source=article.source,
            url=article.url,
            published=article.published,
            score=round(score, 4),
            snippet=text,
            matches=spans,
            matched_in=matched,
        )

    # -- the list the reader shows ---------------------------------------------------------------

    @property
    def filters(self) -> tuple[FilterName, ...]:
        """The list's filters; "watchlist" when config.toml has a watch list."""
        return LIST_FILTERS + (("watchlist",) if self.config.watch else ())

    def list_view(
        self, request: ListRequest, cancelled: Cancellation | None = None
    ) -> ListResult | None:
        """The article ids a view, search, filter, sort and outlet give, in order; None if
        `cancelled` was set meanwhile. A query that cannot be understood comes back as `error`.
        """
        if cancelled is not None and cancelled.is_set():
            return None  # given up before it began (a newer list was asked for)
        query, source = request.query, request.source
        view_ids: list[str] | None = None  # bookmarks and notes views list only their articles
        snippets: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        if request.view.kind == "bookmarks":
            view_ids = [article_id for article_id, _, _ in self.bookmarks()]
        elif request.view.kind == "notes":
            noted = [n for n in self.notes() if n.article is not None]
            view_ids = [n.article_id for n in noted]
            snippets = {n.article_id: (" ".join(n.note.split())[:300], []) for n in noted}
        results: Ranking | None = None
        try:
            if query:
                # Date order ranks every hit anyway (search(sort="date")): no cap to hide the
                # oldest; relevance keeps the best `limit`.
                by_relevance = request.effective_sort == "relevance"
                results = self.ranking(
                    query,
                    limit=request.limit if by_relevance else None,
                    sort="relevance" if by_relevance else "date",
                )
                ids = list(results.ids)
                if request.effective_sort == "source":
                    ids = self.order_ids(ids, "source")
                if source is not None:
                    ids = self.from_source(ids, source)
                if view_ids is not None:
                    in_view = set(view_ids)
                    ids = [i for i in ids if i in in_view]
            elif view_ids is not None:
                # The sort the header names orders these views too (by date: published, newest
                # first, undated last; by source), not the order they were bookmarked or noted.
                ids = self.order_ids(
                    view_ids, "source" if request.effective_sort == "source" else "date"
                )
                ids = self.from_source(ids, source) if source else ids
            else:
                ids = self.list_ids(
                    "all", "source" if request.effective_sort == "source" else "date", source=source
                )
            if cancelled is not None and cancelled.is_set():
                return None
            if request.filter == "watchlist":
                watched = self.search(watch_query(self.config.watch), limit=None, snippets=False)
                keep = {hit.id for hit in watched.hits}
                ids = [i for i in ids if i in keep]
            elif request.filter != "all":
                ids = self.filter_ids(ids, request.filter)
            if results is not None:
                # The first screenful is ready at the first paint; the rest come when scrolled to.
                snippets = {
                    article_id: self.snippet_for(article_id, results.terms)
                    for article_id in ids[: request.first_snippets]
                }
        except (QueryError, IndexUnavailable) as error:  # no index yet: said, like a bad query
            return ListResult([], query, error=str(error))
        if cancelled is not None and cancelled.is_set():
            return None
        if results is None:
            return ListResult(ids, query, snippets=snippets, with_snippets=bool(snippets))
        return ListResult(
            ids,
            query,
            results.terms,
            results.total,
            results.more,
            results.suggestion,
            snippets=snippets,
            with_snippets=True,
        )

    def views(self, *, searches: bool = True) -> list[tuple[View, int | None]]:
        """Every view with its unread count: all articles, bookmarks, notes, saved searches.

        A saved search's count is None (not known) when the index cannot answer yet, or when
        `searches` is false (the caller knows the index is being built)."""
        views: list[tuple[View, int | None]] = []
        for view in self.view_list():
            unread: int | None = None
            if view.kind == "bookmarks":
                unread = self.unread_count([article_id for article_id, _, _ in self.bookmarks()])
            elif view.kind == "notes":
                unread = self.unread_count(
                    [n.article_id for n in self.notes() if n.article is not None]
                )
            elif not view.query:
                unread = self.unread_count()
            elif searches:
                try:
                    hits = self.search(view.query, limit=ListRequest().limit, snippets=False).hits
                    unread = self.unread_count([hit.id for hit in hits])
                except QueryError:
                    unread = 0
                except IndexUnavailable:
                    unread = None
            views.append((view, unread))
        return views

    def view_list(self) -> list[View]:
        """Every view, in the order the reader offers them: all articles, bookmarks, notes,
        then each saved search. The one list both the views dialog and the command palette
        show, so that neither can offer a view the other lacks."""
        return [ALL_ARTICLES, BOOKMARKS, NOTES] + [
            View(name, query) for name, query in self.saved_searches()
        ]

    def new_in_views(self, ids: Sequence[str]) -> list[tuple[str, int]]:
        """(name, how many of `ids` it holds) for each saved search and watch-list name that
        any of `ids` (new articles) falls in; saved searches need the index caught up first."""
        fresh = set(ids)
        if not fresh:
            return []
        found: list[tuple[str, int]] = []
        for name, query in self.saved_searches():
            try:
                hits = self.search(query, limit=None, snippets=False).hits
            except (QueryError, IndexUnavailable):
                continue
            count = sum(1 for hit in hits if hit.id in fresh)
            if count:
                found.append((name, count))
        if self.config.watch:
            texts = [(row.id, row.title) for row in self.store.rows(list(fresh))]
            bodies = {article_id: body for article_id, body, _ in self.store.bodies(list(fresh))}
            for name in self.config.watch:
                count = sum(
                    1
                    for article_id, title in texts
                    if find_names(f"{title}\n{bodies.get(article_id, '')}", [name])
                )
                if count:
                    found.append((name, count))
        return found

    def change_marker(self) -> tuple[int, int]:
        """(articles, change stamp): cheap to read, different whenever articles came or went."""
        return self.count(), self.store.content_stamp()

    # -- saved searches --------------------------------------------------------------------------

    def save_search(self, name: str, query: str) -> None:
        self.index.parse(query)  # refuse to save a query that cannot run
        self.store.save_search(name, query)

    def saved_searches(self) -> list[tuple[str, str]]:
        return self.store.saved_searches()

    def rename_search(self, old: str, new: str) -> bool:
        return self.store.rename_search(old, new.strip()) if new.strip() else False

    def delete_search(self, name: str) -> bool:
        return self.store.delete_search(name)


def dated_ahead_note(drafts: Sequence[ArticleDraft]) -> str:
    """The note for articles whose date was after the time of import, naming the first."""
    from sahelreader.text.clean import one_line

    first = drafts[0]
    when = first.published.date().isoformat() if first.published is not None else "?"
    name = one_line(first.title) or first.url or "untitled"
    what = "1 article was" if len(drafts) == 1 else f"{len(drafts)} articles were"
    which = "" if len(drafts) == 1 else "the first: "
    return (
        f"{what} dated after today ({which}{name!r}, {when}): not kept as a publication date "
        "(stored undated, or with the day its link writes)"
    )


def _writable_folder(folder: Path) -> bool:
    """Whether an index can be built at `folder` (beside it, then renamed into place)."""
    parent = folder.parent
    if not os.access(parent, os.W_OK):
        return False
    return not folder.exists() or os.access(folder, os.W_OK)


class UnreadableFile(Exception):
    """A file gives no text to read (an HTML page with no article); str() says why."""


def _cannot_make_home(folder: Path, error: OSError) -> str:
    """Why the home folder cannot be made, as a sentence: a file where it or a folder above it
    should be, or the system's reason (permission denied, read-only file system…)."""
    for part in (folder, *folder.parents):
        if part.exists() and not part.is_dir():
            where = "the home folder" if part == folder else f"a folder of the home {folder}"
            return f"{part} is a file, not a folder: it cannot be {where}"
        if part.is_dir():
            break
    reason = (error.strerror or type(error).__name__).lower()
    return f"cannot make the home folder {folder}: {reason}"


def _backups_beside(database: Path) -> str:
    """ " (copies beside it: …)" naming the safety copies a restore left, if any."""
    copies = sorted(database.parent.glob("library-before-restore-*.db"), reverse=True)
    return f" (copies beside it: {', '.join(p.name for p in copies[:3])})" if copies else ""


def recogniser_fingerprint(extra: dict[str, str], tagger: bool = False) -> str:
    """A short hash of what the recogniser is made of (the entities package and the text
    toolkit it reads: code and data), the user's extra names and whether the tagger runs."""
    digest = hashlib.sha1(json.dumps([sorted(extra.items()), tagger]).encode("utf-8"))
    root = Path(__file__).resolve().parents[1]
    for package in (root / "entities", root / "text"):
        for path in sorted(package.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".txt", ".tsv", ".json"}:
                digest.update(str(path.relative_to(root)).encode("utf-8"))
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def citation(article: Article) -> str:
    """A one-line reference to paste into a report: “Title”, Source, date. url — clean text
    (it goes to the clipboard and from there anywhere) and only an http(s) link."""
    from sahelreader.text.clean import http_link, one_line

    parts = [f"“{one_line(article.title)}”"]
    source = one_line(article.source)
    if source:
        parts.append(source)
    if article.published:
        parts.append(article.published.strftime("%d %B %Y").lstrip("0"))
    text = ", ".join(parts) + "."
    link = http_link(article.url)
    return f"{text} {link}" if link else text


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, overlapping ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def seeds_folder() -> Path | None:
    """The bundled seeds: inside the installed package, or the checkout's seeds/."""
    packaged = resources.files("sahelreader").joinpath("seeds")
    for folder in (Path(str(packaged)), Path(__file__).resolve().parents[3] / "seeds"):
        if folder.is_dir():
            return folder
    return None


def seed_files() -> list[Path]:
    """The bundled seed articles (the starter feed list beside them is not one)."""
    folder = seeds_folder()
    if folder is None:
        return []
    return sorted(
        p for p in folder.iterdir() if p.suffix in {".md", ".txt"} and p.name.lower() != "readme.md"
    )


def _read_drafts(path: Path) -> list[ArticleDraft]:
    from sahelreader.ingest import read_file

    return list(read_file(path))
