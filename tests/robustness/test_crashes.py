"""kill -9 at random moments of an import, a reindex, a restore and a feed refresh.

After every kill: the store opens and passes SQLite's integrity check, no article is
half-written, the index is repaired or rebuilt (with a notice) on the next start, and every
note and bookmark is exactly as it was.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.store.database import content_hash
from tests.conftest import draft
from tests.web.feed_fixtures import rss, story
from tests.web.local_server import LocalServer, Reply

pytestmark = pytest.mark.slow
ROUNDS_PER_OPERATION = 5  # 4 operations: 20 kills


def _user_data(library: Library) -> tuple[dict[str, str], set[str]]:
    notes = {item.article_id: item.note for item in library.notes()}
    marks = {article_id for article_id, _, _ in library.bookmarks()}
    return notes, marks


def _prepare(home: Path) -> tuple[dict[str, str], set[str]]:
    with Library.open(home, seed=False) as library:
        report = library.add_drafts(
            [
                draft(f"Market report {n} from Zinder", f"Millet and sorghum prices {n}. " * 20)
                for n in range(400)
            ]
        )
        for number, article_id in enumerate(report.added[:30]):
            library.save_note(article_id, f"note {number}: check the prices")
            if number % 2:
                library.set_bookmark(article_id, True)
        library.ensure_index()
        return _user_data(library)


def _kill_during(command: list[str], home: Path, after: float) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "sahelreader", "--home", str(home), *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "SAHELREADER_HOME": str(home)},
    )
    time.sleep(after)
    try:
        os.killpg(process.pid, signal.SIGKILL)  # the index writer's workers too
    except ProcessLookupError:
        pass  # it finished first: still a valid round
    process.wait(timeout=30)


def _check_after_crash(home: Path, notes: dict[str, str], marks: set[str]) -> None:
    with Library.open(home, seed=False) as library:
        assert library.store.integrity_problems() == []
        rows = library.store.connection.execute("SELECT title, body, content_hash FROM articles")
        for title, body, digest in rows:
            assert title and body and digest == content_hash(title, body)
        notices: list[str] = []
        assert library.ensure_index(notice=notices.append)
        assert library.index_health().ok, notices
        assert library.search("sorghum", limit=5).hits
        assert _user_data(library) == (notes, marks)


def _jsonl(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            record = {
                "title": f"Convoy bulletin {n}",
                "body": f"The convoy {n} reached Agadez with sorghum and millet. " * 15,
                "url": f"https://bulletins.example/{n}",
            }
            out.write(json.dumps(record) + "\n")
    return path


Operation = Callable[[Path, Path, LocalServer], list[str]]


def _import(home: Path, tmp: Path, server: LocalServer) -> list[str]:
    return ["add", str(_jsonl(tmp / f"bulk-{random.random()}.jsonl", 3000))]


def _reindex(home: Path, tmp: Path, server: LocalServer) -> list[str]:
    return ["reindex"]


def _restore(home: Path, tmp: Path, server: LocalServer) -> list[str]:
    backup = tmp / "backup.db"
    if not backup.exists():
        with Library.open(home, seed=False) as library:
            library.backup(backup)
    return ["restore", str(backup)]


def _refresh(home: Path, tmp: Path, server: LocalServer) -> list[str]:
    with Library.open(home, seed=False) as library:
        if not library.subscriptions.all():
            for number in range(12):
                items = [story(number * 100 + k, place="Agadez") for k in range(40)]
                url = server.route(f"/f{number}.xml", Reply(200, rss(items), delay=0.05))
                library.subscriptions.table.subscribe(url, f"Feed {number}")
    return ["refresh"]


@pytest.mark.parametrize("operation", [_import, _reindex, _restore, _refresh])
def test_kill_9_at_random_moments_loses_nothing(
    operation: Operation, home: Path, tmp_path: Path, server: LocalServer
) -> None:
    notes, marks = _prepare(home)
    chance = random.Random(f"crash-{operation.__name__}")
    for _ in range(ROUNDS_PER_OPERATION):
        command = operation(home, tmp_path, server)
        _kill_during(command, home, after=chance.uniform(0.3, 2.5))
        _check_after_crash(home, notes, marks)
