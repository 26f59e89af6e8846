"""`entities PATH`: an HTML file is read as `add` reads it (the article, not the page's
markup), and the offsets slice the text they index, CRLF line endings included."""

from __future__ import annotations

import json
from pathlib import Path

from .cli_helpers import cli

ARTICLE = [
    "Officials in Niamey said on Monday that the new grain store near Tillabéri would open "
    "before the rains, after months of delays on the road from the capital.",
    "Mohamed Bazoum visited the site with engineers from Agadez, who said the walls were "
    "finished and the roof would follow within three weeks.",
    "Farmers in the district said the store would spare them the long trip to the markets of "
    "Dosso, where prices after the harvest are often at their lowest.",
]
# Names only the page's menus, sidebar and script hold: none of them is the article's.
PAGE_ONLY = ["Nouakchott", "Ouagadougou", "Tombouctou", "Kidal"]


def _page() -> str:
    paragraphs = "".join(f"<p>{text}</p>\n" for text in ARTICLE)
    menu = "".join(f"<li><a href='/{name.lower()}'>{name}</a></li>" for name in PAGE_ONLY[:2])
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Grain store near Tillabéri - Sahel Desk</title>"
        "<script>var cities = ['Kidal', 'Kidal', 'Kidal'];</script></head><body>"
        f"<header><nav><ul>{menu}</ul></nav></header>"
        "<main><article><h1>Grain store near Tillabéri to open before the rains</h1>\n"
        f"{paragraphs}</article></main>"
        "<aside><h2>Most read</h2><ul><li><a href='/t'>Tombouctou market reopens</a></li>"
        "<li><a href='/k'>Kidal road closed</a></li></ul></aside>"
        "<footer>Sahel Desk, Nouakchott office</footer></body></html>"
    )


def test_an_html_file_gives_the_article_entities_not_the_page_markup(
    home: Path, tmp_path: Path
) -> None:
    path = tmp_path / "grain.html"
    path.write_text(_page(), "utf-8")
    result = cli(home, "entities", str(path), "--json")
    assert result.returncode == 0, result.stderr
    spans = json.loads(result.stdout)
    names = {span["text"] for span in spans}
    assert {"Niamey", "Mohamed Bazoum", "Agadez", "Dosso"} <= names
    assert not names & set(PAGE_ONLY), names
    # The offsets index the article's body as `add` stores it (`show --json` prints it).
    added = json.loads(cli(home, "add", str(path), "--json").stdout)
    [article_id] = added["added"]
    body = json.loads(cli(home, "show", article_id, "--json").stdout)["body"]
    for span in spans:
        assert body[span["start"] : span["end"]] == span["text"]
    stored = json.loads(cli(home, "entities", article_id, "--json").stdout)
    assert spans == stored


def test_offsets_into_a_crlf_file_slice_its_text(home: Path, tmp_path: Path) -> None:
    text = "Rains reach Niger\r\n\r\n" + "\r\n".join(ARTICLE) + "\r\n"
    path = tmp_path / "rains.txt"
    path.write_bytes(text.encode("utf-8"))
    from_file = cli(home, "entities", str(path), "--json")
    assert from_file.returncode == 0, from_file.stderr
    spans = json.loads(from_file.stdout)
    assert {"Niamey", "Mohamed Bazoum", "Agadez"} <= {span["text"] for span in spans}
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"], span
    # The same text on stdin gives the same offsets.
    from_stdin = cli(home, "entities", "-", "--json", stdin=text)
    assert json.loads(from_stdin.stdout) == spans


def test_an_html_file_without_an_article_is_one_line(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    result = cli(home, "entities", str(path))
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"sahelreader: {path}: ")


def test_a_binary_file_is_refused_as_not_text(home: Path, tmp_path: Path) -> None:
    # Bytes of no text encoding (a NUL, controls, invalid UTF-8) under a text-like name and
    # under no suffix: refused in one line, exit 1, no made-up names from the decoded bytes.
    noise = bytes(range(256)) * 6 + b"\xff\xfe\x00\x01Kano Zinder\x00"
    for name in ("photo.jpg", "dump"):
        path = tmp_path / name
        path.write_bytes(noise)
        result = cli(home, "entities", str(path))
        assert result.returncode == 1, result.stdout
        assert result.stdout == ""
        [line] = result.stderr.strip().splitlines()
        assert line == f"sahelreader: {path} is not a text file"
    # The same refusal for such bytes on standard input.
    piped = cli(home, "entities", "-", stdin="Zinder\x00\x01\x02 Kano")
    assert piped.returncode == 1
    assert piped.stderr.strip() == "sahelreader: standard input is not text"
