from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from tests.web.local_server import LocalServer

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "niger-russia-military-cooperation.md"


def seed_text() -> str:
    """The seed article's text: the file below its front matter, unchanged."""
    return SEED.read_text("utf-8").split("\n---\n", 1)[1]


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No test may touch the real user folders.
    monkeypatch.setenv("SAHELREADER_HOME", str(tmp_path / "default-home"))


PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
)


@pytest.fixture(autouse=True)
def _no_proxy_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests talk to servers they start on 127.0.0.1; a proxy set on the machine must not
    # catch those requests (the proxy tests set their own).
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A real HTTP server on 127.0.0.1, for this test only."""
    with LocalServer() as running:
        yield running


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def library(home: Path) -> Iterator[Library]:
    lib = Library.open(home, seed=False)
    yield lib
    lib.close()


@pytest.fixture
def seeded(home: Path) -> Iterator[Library]:
    lib = Library.open(home)
    lib.ensure_index()
    yield lib
    lib.close()


def draft(
    title: str,
    body: str,
    *,
    source: str = "Test Wire",
    url: str = "",
    published: datetime | None = None,
    author: str = "",
    language: str = "",
) -> ArticleDraft:
    return ArticleDraft(
        title=title,
        body=body,
        source=source,
        url=url,
        published=published,
        author=author,
        language=language,
    )


def utc(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, tzinfo=timezone.utc)


# A small library written for the tests: English and French, dates across 2024.
CORPUS = [
    draft(
        "Junta leaders meet in Niamey",
        "Military leaders from Niger, Mali and Burkina Faso met in Niamey on Tuesday.\n"
        "The soldiers discussed a joint force against jihadist groups in the Sahel.",
        source="Sahel Wire",
        url="https://news.example/niamey-meeting",
        published=utc(2024, 3, 5),
    ),
    draft(
        "Attaque meurtrière à Ménaka",
        "Une attaque a frappé la ville de Ménaka, dans le nord du Mali, selon des sources "
        "sécuritaires.\nLes militaires maliens ont riposté et la junte a promis une enquête.",
        source="Radio Exemple",
        url="https://radio.example/menaka",
        published=utc(2024, 2, 14),
    ),
    draft(
        "Sanctions lifted on Burkina Faso",
        "The regional bloc lifted sanctions on Burkina Faso after talks in Ouagadougou.\n"
        "Officials said trade would resume across the border.",
        source="Continental Times",
        published=utc(2024, 6, 20),
        author="Awa Ouédraogo",
    ),
    draft(
        "Niger signs uranium deal",
        "Niger signed a uranium mining agreement with a foreign partner on Monday.\n"
        "The deal covers the Arlit region.",
        source="Sahel Wire",
        url="https://news.example/uranium",
        published=utc(2024, 9, 1),
    ),
]


@pytest.fixture
def corpus_library(library: Library) -> Library:
    library.add_drafts(CORPUS)
    library.ensure_index()
    return library


@pytest.fixture(autouse=True)
def _a_browser_to_open_links(monkeypatch: pytest.MonkeyPatch) -> None:
    # The reader asks whether a web browser is there before `o` opens a link; the machine the
    # tests run on may have none. Tests replace `app.open_url`, so they run as if it had one
    # (the test of a machine without one says so).
    import webbrowser

    monkeypatch.setattr(webbrowser, "get", lambda using=None: object())
