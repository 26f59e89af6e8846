"""No text takes over the terminal: hostile article text, file names, feed titles and URLs are
cleaned (or made visible) at import and again at every output — CLI text and error lines, JSON,
the notes export and the TUI — and Rich/Textual markup in them is shown as text."""

from __future__ import annotations

import io
import json
import os
import random
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from sahelreader.cli import main
from sahelreader.json_output import dumps
from sahelreader.library import Library
from sahelreader.text.clean import (
    clean_spans,
    clean_text,
    http_link,
    one_line,
    strip_control,
    visible,
)
from sahelreader.tui import make_app
from sahelreader.tui.delays import Delays
from sahelreader.tui.widgets.article_list import ArticleList
from sahelreader.tui.widgets.note_editor import NoteEditor
from sahelreader.tui.widgets.reader import ArticleReader

from ..cli_helpers import cli
from ..conftest import draft, utc
from ..tui_helpers import settle
from ..web.local_server import LocalServer, Reply

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"
RED = "\x1b[31m"
# An article as it may sit in a library filled before import cleaned everything: escapes, bidi
# overrides and isolates, zero-width characters and markup, all stored as they came.
HOSTILE_TITLE = f"Conv\u202eoy [bold]markup[/bold] {OSC_TITLE}zero\u200bwidth in Niamey"
HOSTILE_BODY = (
    f"Body \u202ereversed\u202c text about Niamey with {RED}red\x1b[0m, {OSC_CLIPBOARD}clip, "
    "\u2066isolated\u2069, zero\u200bwidth\ufeff, joined\u2060word, hidden\x00nul, "
    "c1\x9b2Jcontrol and [link=file:///etc/passwd]a link[/link] [@click=app.quit]quit[/]."
)
# What must never reach a terminal: C0 (but \t \n) and C1 controls, DEL, bidi embeddings,
# overrides and isolates, zero-width characters (ZWJ is tested apart), lone surrogates.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u200c\u2060\ufeff\ud800-\udfff]"
)


def assert_clean(text: str) -> None:
    found = UNSAFE.search(text)
    assert found is None, f"{found.group()!r} at {found.start()} in {text!r}"


def stored_before(home: Path, **fields: object) -> str:
    """An article stored as is, as a library written by an older version may hold it."""
    library = Library.open(home, seed=False)
    try:
        values: dict[str, Any] = {
            "title": HOSTILE_TITLE,
            "body": HOSTILE_BODY,
            "source": f"Odd {RED}Wire\u202e",
            "author": f"Ann\u200b {OSC_TITLE}Author",
            "url": "javascript:alert(1)",
            "published": utc(2024, 5, 1),
            **fields,
        }
        report = library.add_drafts([draft(**values)])
        library.ensure_index()
        return report.added[0]
    finally:
        library.close()


# -- the cleaner -------------------------------------------------------------------------------


def test_zero_width_characters_go_but_joiners_stay_where_they_join() -> None:
    assert strip_control("Nia\u200bmey\ufeff word\u2060joined a\u200db c\u200cd") == (
        "Niamey wordjoined ab cd"
    )
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji made of three
    flag = "\U0001f3f3\ufe0f\u200d\U0001f308"
    coder = "\U0001f469\U0001f3fd\u200d\U0001f4bb"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "mi-khaham", ZWNJ inside
    devanagari = "\u0915\u094d\u200d\u0937"
    for text in (family, flag, coder, persian, devanagari):
        assert strip_control(text) == text
    assert strip_control(f"\u200d{family}\u200d \u200c\u0645") == f"{family} \u0645"
    assert strip_control("\u0645\u200b\u200d\u0645") == "\u0645\u0645"
    # LRM and RLM (and the Arabic letter mark) are kept: right-to-left text needs them.
    assert strip_control("\u200fمالي\u200e \u061c") == "\u200fمالي\u200e \u061c"
    assert one_line(" \u200b Title\u200b \ufeff") == "Title"


def test_lone_surrogates_become_replacement_characters_and_pairs_join() -> None:
    assert clean_text("a\ud800b\udcff") == "a\ufffdb\ufffd"
    assert clean_text("smile \ud83d\ude00") == "smile \U0001f600"
    assert one_line("Title \ud800") == "Title \ufffd"
    assert clean_text("x\ud800").encode("utf-8") == "x\ufffd".encode()


def test_nul_c0_c1_and_escapes_go_at_import_too() -> None:
    assert_clean(clean_text(HOSTILE_BODY))
    assert_clean(one_line(HOSTILE_TITLE))
    assert one_line(HOSTILE_TITLE) == "Convoy [bold]markup[/bold] zerowidth in Niamey"
    assert clean_text(HOSTILE_BODY) == (
        "Body reversed text about Niamey with red, clip, isolated, zerowidth, joinedword, "
        "hiddennul, c1control and [link=file:///etc/passwd]a link[/link] [@click=app.quit]quit[/]."
    )


def test_visible_shows_what_it_would_otherwise_hide() -> None:
    name = f"dir/bad{OSC_TITLE}name{RED}red\u202e\u200b.json"
    assert visible(name) == r"dir/bad\x1b]0;pwned\x07name\x1b[31mred\u202e\u200b.json"
    assert visible("a\nb\tc\r\x7f\x9b\u2028") == r"a\nb\tc\r\x7f\x9b\u2028"
    assert visible("bad\udcff.json") == r"bad\xff.json"  # a byte that is not UTF-8
    assert visible("lone\ud800") == r"lone\ud800"
    assert visible("Ménaka \u200fمالي [bold]x[/bold]") == "Ménaka \u200fمالي [bold]x[/bold]"
    assert visible("C:\\dossier\\a.txt") == "C:\\dossier\\a.txt"
    assert_clean(visible(HOSTILE_BODY))


def test_clean_spans_keeps_each_span_on_its_words() -> None:
    text = f"{RED}Zero\u200bwidth\x1b[0m before Niamey\u202e and\nNiamey."
    spans = [(m.start(), m.end()) for m in re.finditer("Niamey", text)]
    cleaned, moved = clean_spans(text, spans)
    assert cleaned == "Zerowidth before Niamey and Niamey."
    assert [cleaned[s:e] for s, e in moved] == ["Niamey", "Niamey"]
    assert clean_spans("plain text", [(0, 5)]) == ("plain text", [(0, 5)])


def test_only_http_links_are_links() -> None:
    assert http_link("https://news.example/a?b=1") == "https://news.example/a?b=1"
    assert http_link("HTTP://News.example") == "HTTP://News.example"
    for refused in (
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,x",
        "//news.example/a",
        "/relative",
        "https://",
        f"https://news.example/{RED}",
        "https://news.example/a b",
        "https://news.example/\u202e",
        "",
    ):
        assert http_link(refused) == "", refused


_POOL = (
    "aZ é 0\t\n\r[]/#\\;"  # ASCII and Latin, separators, markup and escape parameter characters
    "\x00\x07\x08\x1b\x1b\x1b\x7f\x85\x9b\x9c\x9d"  # controls, ESC often, C1 CSI OSC ST
    "\u200b\u200c\u200d\u200e\u200f\u2028\u202a\u202e\u2060\u2066\u2069\u206f\ufeff"
    "\u0645\u06cc\u094d\u0937\ufe0f\U0001f468\U0001f3fd\u0301"  # script letters, marks, emoji
    "\ud800\udbff\udc00\udcff"  # surrogates, lone or paired by chance
)
# What cleaned text may keep of the invisible characters: joiners doing their work, LRM/RLM.
_STRIPPED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b\u202a-\u202e\u2060-\u206f\ufeff\ud800-\udfff]"
)


def _hostile_strings(count: int) -> list[str]:
    rng = random.Random(13)
    return ["".join(rng.choice(_POOL) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def test_random_hostile_text_always_comes_out_clean_encodable_and_stable() -> None:
    for text in _hostile_strings(3000):
        for cleaned in (strip_control(text), clean_text(text), one_line(text)):
            # Only clean_text makes U+2028/2029 line breaks; no terminal acts on them.
            assert not _STRIPPED.search(cleaned.replace("\u2028", "")), (text, cleaned)
            cleaned.encode("utf-8")
            assert "\x1b" not in cleaned
            for joiner in re.finditer("[\u200c\u200d]", cleaned):
                assert 0 < joiner.start() < len(cleaned) - 1, (text, cleaned)
        assert clean_text(clean_text(text)) == clean_text(text), text
        assert one_line(one_line(text)) == one_line(text), text
        shown = visible(text)
        assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u202a-\u202e\u2066-\u2069]", shown)
        shown.encode("utf-8")
        spans = [(0, len(text) // 2), (len(text) // 3, len(text))]
        snippet, moved = clean_spans(text, spans)
        assert not _STRIPPED.search(snippet) and "\n" not in snippet
        assert all(0 <= start <= end <= len(snippet) for start, end in moved)
        written = dumps({"t": text})
        written.encode("utf-8")
        # Exact, but for two surrogates side by side: JSON reads "\\ud800\\udcff" as one character.
        paired = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
        assert json.loads(written) == {"t": paired}


# -- CLI: file names in error lines (issue 13, item 5) -----------------------------------------


def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / f"bad{OSC_TITLE}name{RED}red.json").write_text("not json {")
    (folder / f"clip{OSC_CLIPBOARD}.json").write_bytes(b"\x00\x01binary{")
    (folder / "ok.txt").write_text("Niamey market\n\nTraders returned to the Niamey market.\n")
    return folder


def test_add_shows_hostile_file_names_escaped_in_its_error_lines(
    home: Path, tmp_path: Path
) -> None:
    result = cli(home, "add", str(hostile_folder(tmp_path)))
    assert result.returncode == 1 and "1 added" in result.stdout
    assert_clean(result.stderr)
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 2
    assert any(r"bad\x1b]0;pwned\x07name\x1b[31mred.json: " in line for line in failed)
    assert any(r"clip\x1b]52;c;cHduZWQ=\x07.json: " in line for line in failed)


def test_add_json_names_an_undecodable_file_on_a_strict_stdout(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "bytes"
    folder.mkdir()
    try:
        with open(os.path.join(os.fsencode(folder), b"bad\xff.json"), "wb") as file:
            file.write(b"not json {")
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    monkeypatch.setenv("SAHELREADER_HOME", str(home))
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="\n")
    stderr = io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        status = main(["add", "--json", str(folder)])
        stdout.flush()
    assert "unexpected error" not in stderr.getvalue()
    assert status == 1
    text = raw.getvalue().decode("utf-8")  # valid UTF-8 throughout
    assert "\\udcff" in text
    [failed] = json.loads(text)["failed"]
    # The exact name, as Python's file functions spell it: os.fsencode gives the bytes back.
    assert os.fsencode(failed["path"]).endswith(b"bad\xff.json")
    assert "\\xff" in cli(home, "add", str(folder)).stderr


def test_error_lines_show_the_paths_they_name_escaped(home: Path, tmp_path: Path) -> None:
    missing = tmp_path / f"backup{OSC_TITLE}{RED}.db"
    result = cli(home, "restore", str(missing))
    assert result.returncode == 1
    assert_clean(result.stderr)
    assert r"backup\x1b]0;pwned\x07\x1b[31m.db" in result.stderr


def test_messages_naming_files_given_show_them_as_text(home: Path, tmp_path: Path) -> None:
    stored_before(home)
    output = tmp_path / f"[bold]notes{RED}.md"  # a file name holds no "/": no closing tag
    result = cli(home, "notes", "export", "-o", str(output))
    assert result.returncode == 0 and output.exists()
    assert_clean(result.stderr)
    assert r"[bold]notes\x1b[31m.md" in result.stderr
    backup = tmp_path / "[red]copy.db"
    result = cli(home, "backup", str(backup))
    assert "[red]copy.db" in result.stdout
    result = cli(home, "restore", str(backup))
    assert "[red]copy.db" in result.stdout


# -- CLI: article text (item 6) ----------------------------------------------------------------


def test_show_prints_no_bidi_override_escape_or_zero_width_from_a_stored_article(
    home: Path,
) -> None:
    article_id = stored_before(home)
    result = cli(home, "show", article_id)
    assert result.returncode == 0
    assert_clean(result.stdout)
    assert "Convoy [bold]markup[/bold] zerowidth in Niamey" in result.stdout
    assert "[link=file:///etc/passwd]a link[/link]" in result.stdout
    assert "Body reversed text about Niamey with red, clip, isolated, zerowidth" in result.stdout
    assert "javascript:" not in result.stdout  # not a link: not shown as one


def test_show_json_escapes_what_a_terminal_would_run_and_nulls_a_refused_link(
    home: Path,
) -> None:
    article_id = stored_before(home)
    result = cli(home, "show", article_id, "--json")
    assert_clean(result.stdout)  # escaped as \u202e, \u001b: the JSON text is plain
    data = json.loads(result.stdout)
    assert data["url"] is None
    assert data["title"] == HOSTILE_TITLE  # the data itself is exact: offsets index it
    start, end = data["entities"][0]["start"], data["entities"][0]["end"]
    assert data["body"][start:end] == data["entities"][0]["text"]
    [hit] = json.loads(cli(home, "search", "reversed", "--json").stdout)
    assert hit["url"] is None
    good = cli(home, "search", "junta", "--json")
    assert good.returncode == 0


def test_a_lone_surrogate_in_json_imports_and_prints(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "surrogate.json"
    path.write_text(
        '{"title": "Conv\\u202eoy [bold]markup[/bold] \\ud800 in Niamey", '
        '"text": "Body \\ud800 with \\u200bzero width about Niamey.", '
        '"url": "javascript:alert(1)"}'
    )
    added = cli(home, "add", str(path), "--json")
    assert added.returncode == 0, added.stderr
    [article_id] = json.loads(added.stdout)["added"]
    data = json.loads(cli(home, "show", article_id, "--json").stdout)
    assert data["title"] == "Convoy [bold]markup[/bold] \ufffd in Niamey"
    assert data["body"] == "Body \ufffd with zero width about Niamey."
    assert data["url"] is None
    assert "[bold]markup[/bold]" in cli(home, "show", article_id).stdout


def test_search_lists_and_related_print_clean_text(home: Path) -> None:
    article_id = stored_before(home)
    other = stored_before(
        home,
        title=f"Niamey {RED}again\u202e",
        body=f"Another body about Niamey and Agadez{OSC_TITLE}, zero\u200bwidth.",
        url="https://news.example/again",
    )
    library = Library.open(home, seed=False)
    library.save_note(article_id, f"A note {OSC_CLIPBOARD}with\u202e [bold]markup[/bold]\x00.")
    library.set_bookmark(article_id, True)
    library.close()
    search = cli(home, "search", "reversed")
    assert search.returncode == 0 and article_id in search.stdout
    assert "red" in search.stdout
    outputs = {
        "search": search.stdout,
        "bookmarks": cli(home, "bookmarks").stdout,
        "notes": cli(home, "notes").stdout,
        "note": cli(home, "note", article_id).stdout,
        "related": cli(home, "related", article_id).stdout,
        "entities": cli(home, "entities", other).stdout,
        "export": cli(home, "notes", "export").stdout,
    }
    for text in outputs.values():
        assert_clean(text)
    for command in ("search", "bookmarks", "entities", "export"):
        assert "Niamey" in outputs[command], command
    assert "[bold]markup[/bold]" in outputs["bookmarks"]
    assert "A note with [bold]markup[/bold]." in outputs["note"]
    assert "[bold]markup[/bold]" in outputs["notes"]


def test_the_markdown_export_shows_titles_as_text_and_refused_links_as_none(
    home: Path,
) -> None:
    article_id = stored_before(
        home,
        title="[Click me](javascript:alert(1)) <script>x</script> *Niamey*",
        url="javascript:alert(1)",
    )
    library = Library.open(home, seed=False)
    library.save_note(article_id, f"Check {RED}this\u202e.")
    library.close()
    markdown = cli(home, "notes", "export").stdout
    assert_clean(markdown)
    heading = next(line for line in markdown.splitlines() if line.startswith("## "))
    assert heading == r"## \[Click me\](javascript:alert(1)) \<script\>x\</script\> \*Niamey\*"
    assert "<javascript" not in markdown
    assert "Check this." in markdown
    good = stored_before(home, title="A good one", body="Niamey text.", url="https://a.example/x")
    library = Library.open(home, seed=False)
    library.save_note(good, "Fine.")
    library.close()
    assert "<https://a.example/x>" in cli(home, "notes", "export").stdout


# -- CLI: feeds --------------------------------------------------------------------------------

FEED_TITLE = f"[link=file:///etc/passwd]Feed[/link] {OSC_TITLE}{RED}Wire\u202e"


def subscribe_as_stored(home: Path, url: str, title: str = FEED_TITLE, error: str = "") -> None:
    library = Library.open(home, seed=False)
    try:
        table = library.subscriptions.table
        record, _ = table.subscribe(url, title, site_url=f"https://s.example/{RED}")
        if error:
            table.record_failure(record.id, error)
    finally:
        library.close()


def test_feeds_list_shows_titles_urls_and_errors_as_text(home: Path) -> None:
    subscribe_as_stored(home, f"https://feed.example/rss{OSC_CLIPBOARD}", error=f"boom{RED}!")
    result = cli(home, "feeds", "list")
    assert result.returncode == 0
    assert_clean(result.stdout)
    assert "[link=file:///etc/passwd]Feed[/link]" in result.stdout
    assert r"https://feed.example/rss\x1b]52;c;cHduZWQ=\x07" in result.stdout
    assert r"boom\x1b[31m!" in result.stdout
    listed = cli(home, "feeds", "list", "--json")
    assert_clean(listed.stdout)
    assert json.loads(listed.stdout)[0]["title"] == FEED_TITLE


def test_refresh_and_remove_lines_show_feed_titles_as_text(home: Path, server: LocalServer) -> None:
    url = server.route("/gone.xml", Reply(status=404))
    subscribe_as_stored(home, url)
    result = cli(home, "refresh")
    assert result.returncode == 1
    assert_clean(result.stdout + result.stderr)
    assert "[link=file:///etc/passwd]Feed[/link]" in result.stderr
    removed = cli(home, "feeds", "remove", url)
    assert removed.returncode == 0
    assert_clean(removed.stdout)
    assert "unsubscribed from [link=file:///etc/passwd]Feed[/link]" in removed.stdout


def test_feeds_add_error_shows_the_address_given_as_text(home: Path, tmp_path: Path) -> None:
    target = tmp_path / f"[bold]feed{RED}.xml"
    target.write_text("not a feed")
    result = cli(home, "feeds", "add", str(target))
    assert result.returncode == 1
    assert_clean(result.stderr)
    assert r"[bold]feed\x1b[31m.xml" in result.stderr


# -- TUI ---------------------------------------------------------------------------------------


def _shown(widget) -> str:  # type: ignore[no-untyped-def]
    """What a widget draws, line by line."""
    return "\n".join(strip.text for strip in widget.render_lines(widget.region.reset_offset))


def _screen_text(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(_shown(w) for w in app.screen.query("*") if w.display and w.region.area)


async def test_the_tui_shows_a_hostile_article_as_plain_text(home: Path) -> None:
    article_id = stored_before(home)
    library = Library.open(home, seed=False)
    library.save_note(article_id, f"Note {OSC_TITLE}with\u202e [bold]markup[/bold]\u200b.")
    library.set_last_opened(article_id)
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await settle(app, pilot)
        assert app.query_one(ArticleReader).article.id == article_id
        row = _shown(app.query_one(ArticleList))
        assert "Convoy [bold]markup[/bold] zerowidth in Niamey" in " ".join(row.split())
        reader = _shown(app.query_one(ArticleReader))
        assert "[bold]markup[/bold]" in reader
        assert "[link=file:///etc/passwd]a link[/link]" in " ".join(reader.split())
        assert "Odd Wire · Ann Author · " in reader and "javascript:" not in reader
        side = _shown(app.query_one("#side-meta"))
        assert "Ann Author" in side and "Odd Wire" in side
        assert "[bold]markup[/bold]" in _shown(app.query_one("#side-note"))
        screen = _screen_text(app)
        assert_clean(screen)
        await pilot.press("e")
        await settle(app, pilot)
        heading = _shown(app.query_one("#note-heading"))
        assert_clean(heading)
        assert "Convoy [bold]markup[/bold]" in heading
        assert app.query_one(NoteEditor).is_open
        assert_clean(_screen_text(app))


async def test_tui_search_snippets_are_clean_and_keep_their_highlights(home: Path) -> None:
    stored_before(home)
    library = Library.open(home, seed=False)
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"clip")
        await pilot.press("enter")
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        assert article_list.ids
        shown = _shown(article_list)
        assert_clean(shown)
        assert "clip" in shown
        assert_clean(_screen_text(app))


def test_a_citation_is_clean_and_has_only_an_http_link() -> None:
    from datetime import datetime, timezone

    from sahelreader.library import citation
    from sahelreader.models import Article

    article = Article(
        id="abc12345",
        title="Convoy \x1b]52;c;cHduZWQ=\x07reaches \u202eMenaka",
        body="Text.",
        source="Sahel\u200b Watch",
        author="",
        url="javascript:alert(1)",
        published=datetime(2024, 4, 2, tzinfo=timezone.utc),
        added=datetime(2024, 4, 2, tzinfo=timezone.utc),
        language="en",
        content_hash="x",
    )
    said = citation(article)
    assert said == "“Convoy reaches Menaka”, Sahel Watch, 2 April 2024."


def test_feeds_import_of_a_missing_or_wrong_file_is_one_clean_error(
    home: Path, tmp_path: Path
) -> None:
    from tests.cli_helpers import cli

    missing = cli(home, "feeds", "import", str(tmp_path / "nothing.opml"))
    assert missing.returncode == 1 and "unexpected error" not in missing.stderr
    assert "nothing.opml" in missing.stderr and "no such file" in missing.stderr
    wrong = tmp_path / "desk.rss"
    wrong.write_text('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    refused = cli(home, "feeds", "import", str(wrong))
    assert refused.returncode == 1 and "unexpected error" not in refused.stderr
    assert "not an OPML file" in refused.stderr
