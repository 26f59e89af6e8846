"""Feeds the library follows: subscribe, refresh them all at once, keep what they bring.

Entries go through the same path as imported files (outlet names, language, entities, the index
outbox), so a feed's articles are read, searched, noted and bookmarked offline like any other.
The network work runs in a pool of threads; only the calling thread writes to the database.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.opml import OpmlFeed, read_opml_file, write_opml
from sahelreader.models import ArticleDraft
from sahelreader.store.feeds import FeedRecord, FeedTable
from sahelreader.subscriptions import (
    FeedCheck,
    check_feed,
    identify,
    in_parallel,
    is_local_feed,
    local_feed_url,
)
from sahelreader.subscriptions.check import with_full_text
from sahelreader.text.clean import one_line, plural
from sahelreader.text.language import draft_language
from sahelreader.web.fetch import Fetcher, FetchError, FetchLimits, web_url

if TYPE_CHECKING:
    from sahelreader.library import Library

__all__ = [
    "FeedRecord",
    "FeedResult",
    "FeedStatus",
    "OpmlImport",
    "RefreshReport",
    "SubscribeError",
    "Subscribed",
    "Subscriptions",
    "UrlAdded",
    "title_key",
]

FeedStatus = Literal["new", "unchanged", "failed"]
STARTER_FEEDS = "starter-feeds.opml"
WORKERS = 8  # feeds fetched at once (each host also has its own, smaller limit)


class SubscribeError(Exception):
    """Nothing was subscribed; str() says why, in one line."""


@dataclass(frozen=True)
class FeedResult:
    """What refreshing one feed did."""

    url: str
    title: str
    status: FeedStatus
    added: int = 0
    updated: int = 0
    error: str | None = None
    notes: tuple[str, ...] = ()  # a recovered feed, a moved address, pages not fetched
    duplicates: int = 0  # entries read that were in the library already, unchanged

    def line(self) -> str:
        name = self.title or self.url
        if self.status == "failed":
            return f"{name}: failed: {self.error}"
        if self.status == "unchanged":
            said = "unchanged"
        else:
            parts = [f"{self.added} new"] + ([f"{self.updated} updated"] if self.updated else [])
            said = ", ".join(parts)
        return f"{name}: {said}" + "".join(f" ({note})" for note in self.notes)


@dataclass
class RefreshReport:
    results: list[FeedResult] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)  # added or updated
    cancelled: bool = False

    @property
    def failed(self) -> list[FeedResult]:
        return [result for result in self.results if result.status == "failed"]

    @property
    def added(self) -> int:
        return sum(result.added for result in self.results)

    @property
    def updated(self) -> int:
        return sum(result.updated for result in self.results)

    def summary(self) -> str:
        unchanged = sum(1 for result in self.results if result.status == "unchanged")
        parts = [
            f"{plural(len(self.results), 'feed')} refreshed: {self.added} new "
            f"{'article' if self.added == 1 else 'articles'}",
        ]
        if self.updated:
            parts.append(f"{self.updated} updated")
        parts.append(f"{unchanged} unchanged")
        parts.append(f"{len(self.failed)} failed")
        if self.cancelled:
            parts.append("stopped before the end")
        return ", ".join(parts)


@dataclass(frozen=True)
class Subscribed:
    feed: FeedRecord
    created: bool  # False: it was subscribed already
    added: int = 0
    updated: int = 0
    duplicates: int = 0  # entries that were in the library already (imported before)
    via: str | None = None  # the page that named the feed
    format: str = ""
    notes: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()  # the articles added
    # the articles its entries already were (imported before, or another feed's): `add URL`
    # lists them as duplicates, as it lists a file's
    duplicate_ids: tuple[str, ...] = ()


@dataclass
class OpmlImport:
    subscribed: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)


@dataclass(frozen=True)
class UrlAdded:
    """`add https://…`: a feed subscribed, or one page stored as an article."""

    kind: Literal["feed", "page"]
    url: str
    ids: tuple[str, ...]
    duplicate: bool = False  # the page was in the library already
    subscribed: Subscribed | None = None
    notes: tuple[str, ...] = ()  # about the page (a date after today, not kept)


def title_key(title: str) -> str:
    """A feed's title as titles are compared: cleaned to one line, casefolded."""
    return one_line(title).casefold()


class Subscriptions:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.table = FeedTable(library.store)
        self.limits = FetchLimits()

    def fetcher(self) -> Fetcher:
        # A new client each time: it reads HTTP(S)_PROXY / NO_PROXY as they are now.
        return Fetcher(self.limits)

    # -- the list --------------------------------------------------------------------------------

    def all(self) -> list[FeedRecord]:
        return self.table.all()

    def shared_titles(self) -> frozenset[str]:
        """The titles (as `title_key` compares them) that more than one subscription has:
        where a feed is named, its address then tells them apart."""
        counts = Counter(title_key(feed.title) for feed in self.all() if feed.title)
        return frozenset(title for title, count in counts.items() if count > 1)

    def find(self, given: str) -> FeedRecord | None:
        """A subscription by its address as given, as normalised, by a feed file's path (as
        `subscribe` normalises it: absolute, `~` expanded, a `file://` address; the file may
        have been deleted since), or by its name when no other feed has that name."""
        candidates = [given.strip()]
        normalised = web_url(given)
        if normalised:
            candidates.append(normalised)
        elif given.strip():
            try:
                candidates.append(local_feed_url(_local_path(given.strip())))
            except (OSError, RuntimeError, ValueError):
                pass  # not a path this system can make absolute: no such feed file
        for candidate in candidates:
            record = self.table.get(candidate)
            if record is not None:
                return record
        # Its name, when exactly one feed has it ("Sahel FR" is easier to type than its URL).
        wanted = given.strip().casefold()
        named = [record for record in self.all() if record.title.casefold() == wanted]
        return named[0] if len(named) == 1 else None

    def named(self, given: str) -> FeedRecord:
        """`find`, or KeyError saying why not: not subscribed, or a title that more than one
        feed has (which then names their addresses, one of which to give instead)."""
        record = self.find(given)
        if record is not None:
            return record
        wanted = given.strip().casefold()
        same = [feed.url for feed in self.all() if wanted and feed.title.casefold() == wanted]
        if len(same) > 1:
            raise KeyError(
                f"{len(same)} feeds are titled {given.strip()}: give the address "
                f"({', '.join(same)})"
            )
        raise KeyError(f"not subscribed to {given}")

    # -- subscribing -----------------------------------------------------------------------------

    def subscribe(
        self, target: str, *, full_text: bool = False, title: str | None = None
    ) -> Subscribed:
        """Subscribe to a feed (an address, a page naming its feed, or a feed file), fetching it
        once. Raises SubscribeError when it is not a feed or cannot be fetched."""
        existing = self.find(target)
        if existing is not None:
            return Subscribed(existing, created=False)
        path = _local_path(target)
        if path.exists():
            if path.is_dir():
                raise SubscribeError(f"{target} is a folder, not a feed file")
            file_url = local_feed_url(path)
            with self.fetcher() as fetcher:
                check = check_feed(fetcher, file_url)
            if check.outcome == "failed" or check.feed is None:
                raise SubscribeError(f"{target}: {check.error}")
            return self._subscribe_checked(file_url, check, full_text=full_text, title=title)
        url = web_url(target)
        if url is None and _names_a_file(target, path):
            raise SubscribeError(f"no such file: {target}")
        if url is None:
            raise SubscribeError(
                f"{target!r} is neither an http(s) address nor a file"
                " (only http and https links are fetched)"
            )
        with self.fetcher() as fetcher:
            try:
                found = identify(fetcher, url, want_feed=True)
            except (FetchError, IngestError) as error:
                raise SubscribeError(f"{url}: {error}") from None
            assert found.feed is not None
            existing = self.table.get(found.url)
            if existing is not None:
                return Subscribed(existing, created=False, via=found.via)
            check = found.feed
            if full_text and check.feed is not None:
                feed, failed, why = with_full_text(fetcher, check.feed, None)
                check = dataclasses.replace(check, feed=feed, pages_failed=failed, page_error=why)
        done = self._subscribe_checked(found.url, check, full_text=full_text, title=title)
        return dataclasses.replace(done, via=found.via)

    def _subscribe_checked(
        self, url: str, check: FeedCheck, *, full_text: bool, title: str | None
    ) -> Subscribed:
        assert check.feed is not None
        name = (title or "").strip() or check.feed.title or _host_or_name(url)
        record, created = self.table.subscribe(
            url,
            name,
            site_url=check.feed.site_url,
            full_text=full_text,
            title_given=bool((title or "").strip()),
        )
        result, ids, known = self._keep(record, dataclasses.replace(check, url=url))
        fresh = self.table.by_id(record.id) or record
        return Subscribed(
            fresh,
            created,
            added=result.added,
            updated=result.updated,
            duplicates=result.duplicates,
            format=check.feed.format,
            notes=result.notes,
            ids=tuple(ids),
            duplicate_ids=tuple(known),
        )

    def add_url(self, target: str) -> UrlAdded:
        """`add https://…`: subscribe when the address is a feed (or a page naming one), else
        store the page itself as one article. Raises SubscribeError."""
        url = web_url(target)
        if url is None:
            raise SubscribeError(f"{target!r} is not an http(s) address")
        existing = self.find(url)
        if existing is not None:
            return UrlAdded("feed", existing.url, (), subscribed=Subscribed(existing, False))
        with self.fetcher() as fetcher:
            try:
                found = identify(fetcher, url)
            except (FetchError, IngestError) as error:
                raise SubscribeError(str(error)) from None
        if found.kind == "feed":
            assert found.feed is not None
            existing = self.table.get(found.url)
            if existing is not None:
                return UrlAdded("feed", found.url, (), subscribed=Subscribed(existing, False))
            done = self._subscribe_checked(found.url, found.feed, full_text=False, title=None)
            done = dataclasses.replace(done, via=found.via)
            return UrlAdded("feed", found.url, done.ids, subscribed=done)
        assert found.page is not None
        page = dataclasses.replace(found.page, origin=url, url=found.page.url or found.url)
        report = self.library.add_drafts([page])
        return UrlAdded(
            "page",
            found.url,
            tuple(report.added or report.duplicates),
            duplicate=not report.added,
            notes=tuple(note for _, note in report.notes),
        )

    def import_opml(self, path: Path) -> OpmlImport:
        """Subscribe to every feed an OPML file lists. Nothing is fetched until a refresh."""
        try:
            listed = read_opml_file(Path(path))
        except OSError as error:
            raise SubscribeError(f"cannot read {path}: {error.strerror or error}") from None
        except IngestError as error:
            raise SubscribeError(f"{path}: {error}") from None
        report = OpmlImport()
        for item in listed:
            url = web_url(item.url)
            if url is None:
                report.refused.append((item.url, "not an http(s) address"))
                continue
            if self.find(url) is not None:
                report.already.append(url)
                continue
            # The list's name for a feed is kept (a name given in the reader that exported it).
            self.table.subscribe(
                url,
                item.title or _host_or_name(url),
                site_url=item.site_url,
                title_given=bool(item.title),
            )
            report.subscribed.append(url)
        return report

    def import_starter(self) -> OpmlImport:
        from sahelreader.library import seeds_folder

        folder = seeds_folder()
        if folder is None or not (folder / STARTER_FEEDS).is_file():
            raise SubscribeError("the starter feed list is missing from this installation")
        return self.import_opml(folder / STARTER_FEEDS)

    def export_opml(self) -> tuple[str, int]:
        """OPML 2.0 of the web feeds, and how many feed files were left out (a file on this
        machine means nothing to another reader)."""
        records = self.all()
        web = [record for record in records if not is_local_feed(record.url)]
        text = write_opml([OpmlFeed(r.url, r.title, r.site_url) for r in web])
        return text, len(records) - len(web)

    def remove(self, given: str, *, purge: bool = False) -> tuple[FeedRecord, int, int]:
        """Unsubscribe: (the feed, articles removed, articles kept). Raises KeyError."""
        record = self.named(given)
        doomed, kept = self.table.remove(record.id, purge=purge)
        if doomed:
            self.library.store.remove(doomed, with_user_data=False)
        return record, len(doomed), kept

    def set_retention(
        self, given: str, days: int | None, items: int | None, *, prune_now: bool = False
    ) -> int:
        """Keep this feed's last `days` days or `items` articles (None: no limit), pruned after
        each refresh of it (one that finds it unchanged too). Returns how many articles are
        beyond it now: pruned at once with `prune_now`, else left until the next refresh (a
        limit typed by mistake loses nothing before the user has seen that count)."""
        record = self.named(given)
        self.table.set_retention(record.id, days, items)
        fresh = self.table.by_id(record.id)
        if fresh is None:
            return 0
        return self._prune(fresh) if prune_now else len(self.table.prunable(fresh))

    def prune_all(self) -> int:
        return sum(self._prune(record) for record in self.all())

    def _prune(self, record: FeedRecord) -> int:
        doomed = self.table.prunable(record)
        if doomed:
            self.table.remember_pruned(record.id, doomed)
            self.library.store.remove(doomed, with_user_data=False)
        return len(doomed)

    # -- refreshing ------------------------------------------------------------------------------

    def refresh(
        self,
        urls: Sequence[str] | None = None,
        *,
        on_start: Callable[[Sequence[FeedRecord]], None] | None = None,
        on_result: Callable[[FeedResult], None] | None = None,
        cancelled: threading.Event | None = None,
        workers: int = WORKERS,
    ) -> RefreshReport:
        """Refresh every feed (or those named) in parallel; `on_result` hears each as it ends.
        Raises KeyError for a named feed that is not subscribed (or a title two feeds have)."""
        if urls:
            feeds: list[FeedRecord] = []
            for given in urls:
                feeds.append(self.named(given))
        else:
            feeds = self.all()
        if on_start is not None:
            on_start(feeds)
        report = RefreshReport()
        store = self.library.store

        with self.fetcher() as fetcher:

            def check(record: FeedRecord) -> FeedCheck:
                try:
                    return check_feed(
                        fetcher,
                        record.url,
                        etag=record.etag,
                        modified=record.modified,
                        full_text=record.full_text,
                        known=lambda drafts: self.table.known(record.id, drafts),
                        cancelled=cancelled,
                    )
                except Exception as error:  # a bug must cost one feed, not the refresh
                    return FeedCheck(record.url, "failed", error=f"unexpected error: {error!r}")
                finally:
                    store.release_thread_connection()

            for record, checked in in_parallel(feeds, check, workers=workers, cancelled=cancelled):
                result, ids, _known = self._keep(record, checked)
                report.results.append(result)
                report.new_ids.extend(ids)
                if on_result is not None:
                    on_result(result)
        report.cancelled = cancelled is not None and cancelled.is_set()
        return report

    def _keep(
        self, record: FeedRecord, check: FeedCheck
    ) -> tuple[FeedResult, list[str], list[str]]:
        """Store what a check found; returns the result, the ids added or updated and the ids
        of the entries that were stored already, unchanged."""
        notes: list[str] = []
        if check.moved_to and check.moved_to != record.url:
            if self.table.move(record.id, check.moved_to):
                notes.append(f"moved to {check.moved_to}")
        if check.outcome == "failed" or (check.outcome == "fetched" and check.feed is None):
            error = check.error or "no feed"
            self.table.record_failure(record.id, error)
            return FeedResult(record.url, record.title, "failed", error=error), [], []
        if check.outcome == "not-modified" or check.feed is None:
            self.table.record_not_modified(record.id)
            # Retention holds on every refresh: a limit set since, or a --days limit that now
            # reaches older articles, must not wait for the feed's next change (review 11 D3).
            fresh = self.table.by_id(record.id)
            if fresh is not None:
                self._prune(fresh)
            return FeedResult(record.url, record.title, "unchanged", notes=tuple(notes)), [], []
        feed = check.feed
        if feed.recovered:
            notes.append(feed.recovered)
        if feed.undated:
            notes.append(feed.undated)
        if check.pages_failed:
            why = f" (the first: {check.page_error})" if check.page_error else ""
            notes.append(
                f"{plural(check.pages_failed, 'full-text page')} not fetched{why}: "
                "the feed's summaries kept"
            )
        title = record.title if record.title_given else (feed.title or record.title)
        drafts = [self._entry_draft(entry, title, record) for entry in feed.entries]
        library = self.library
        ahead: list[ArticleDraft] = []
        batch = [(library.ready_to_store(d, ahead), draft_language(d)) for d in drafts]
        if ahead:
            from sahelreader.library import dated_ahead_note

            notes.append(dated_ahead_note(ahead))
        library.remember_source_texts({draft.source for draft, _ in batch})
        outcomes = self.table.store_entries(record.id, batch)
        added = [outcome.id for outcome in outcomes if outcome.state == "added"]
        updated = [outcome.id for outcome in outcomes if outcome.state == "updated"]
        library.recognise_and_save(added + updated)
        self.table.record_success(
            record.id,
            title=feed.title,
            site_url=feed.site_url,
            etag=check.etag,
            modified=check.modified,
            new=len(added),
        )
        fresh = self.table.by_id(record.id)
        if fresh is not None:
            self._prune(fresh)
        status: FeedStatus = "new" if added or updated else "unchanged"
        known = [outcome.id for outcome in outcomes if outcome.state == "unchanged"]
        result = FeedResult(
            record.url,
            title,
            status,
            len(added),
            len(updated),
            notes=tuple(notes),
            duplicates=len(known),
        )
        return result, added + updated, known

    @staticmethod
    def _entry_draft(entry: ArticleDraft, title: str, record: FeedRecord) -> ArticleDraft:
        # The feed's name is the source; a user-given name wins over what the feed calls itself.
        source = title if record.title_given or not entry.source else entry.source
        return dataclasses.replace(entry, source=source, source_raw=None, origin=record.url)


def _local_path(given: str) -> Path:
    """The file a `file://` address or a path names (it may not exist)."""
    if given.startswith("file://"):
        from urllib.parse import unquote, urlsplit

        return Path(unquote(urlsplit(given).path))
    return Path(given).expanduser()


# What a feed file is called; a bare name with one of these is a file that is not there, while
# a bare word (or "example.com") may be a site typed without http://.
_FEED_FILE_SUFFIXES = frozenset({".rss", ".xml", ".atom", ".rdf", ".feed", ".opml"})


def _names_a_file(given: str, path: Path) -> bool:
    """Whether `given`, which names no file that exists and no http(s) address, is a path all
    the same: a file: address, a path from / ~ or ., one inside a folder that exists, or a
    feed file's name."""
    text = given.strip()
    if text[:5].lower() == "file:" or text.startswith(("/", "~", ".")) or path.is_absolute():
        return True
    if "://" in text:
        return False  # another scheme (ftp:, gopher:): "only http and https"
    if path.parent != Path(".") and path.parent.is_dir():
        return True
    return path.suffix.lower() in _FEED_FILE_SUFFIXES


def _host_or_name(url: str) -> str:
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    if parts.scheme == "file":
        return Path(unquote(parts.path)).stem
    return parts.hostname or url
