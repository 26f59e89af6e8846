"""Tables of articles (.csv, .tsv): each row an article, the header naming the columns.

Every table here is written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahelreader.ingest import IngestError, read_file
from sahelreader.library import Library

from .cli_helpers import cli

TSV = (
    "category\theadline\ttext\turl\n"
    "politics\tLe conseil municipal de Dosso élu\tLes conseillers de Dosso ont élu un nouveau "
    "maire mardi.\thttps://radio.example.ne/fr/20250311-dosso-conseil\n"
    "health\tMeasles cases rise in Zinder\tHealth workers in Zinder counted 300 cases of "
    "measles this month.\thttps://news.example.org/health-7731\n"
)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_a_tsv_row_is_an_article_with_its_columns(library: Library, tmp_path: Path) -> None:
    report = library.add([_write(tmp_path / "rows.tsv", TSV)])
    assert len(report.added) == 2 and not report.failed
    articles = {a.title: a for a in (library.get(i) for i in report.added)}
    dosso = articles["Le conseil municipal de Dosso élu"]
    assert dosso.body == "Les conseillers de Dosso ont élu un nouveau maire mardi."
    assert dosso.url == "https://radio.example.ne/fr/20250311-dosso-conseil"
    assert dosso.language == "fr"
    assert dosso.published is not None and dosso.published.date().isoformat() == "2025-03-11"
    assert articles["Measles cases rise in Zinder"].language == "en"


def test_a_csv_with_quoted_bodies_over_several_lines_and_commas(tmp_path: Path) -> None:
    body = 'First paragraph, with a comma.\n\nSecond paragraph says "enough", twice.'
    long_body = "Word " * 40_000  # over the csv module's own 128 KB field cap
    text = (
        "Title,Body,Date,Source,Author\n"
        f'"Herders and farmers meet in Tahoua","{body.replace(chr(34), chr(34) * 2)}",'
        "2025-02-03,Sahel Courier,Aïcha Moussa\n"
        f'"A long report on the Niger river",{long_body.strip()},2025-02-04,Sahel Courier,\n'
    )
    drafts = list(read_file(_write(tmp_path / "export.csv", text)))
    assert [d.title for d in drafts] == [
        "Herders and farmers meet in Tahoua",
        "A long report on the Niger river",
    ]
    assert drafts[0].body == body
    assert drafts[0].source == "Sahel Courier" and drafts[0].author == "Aïcha Moussa"
    assert drafts[0].published is not None and drafts[0].published.day == 3
    assert len(drafts[1].body) > 131_072


def test_a_french_spreadsheet_export_with_semicolons_in_cp1252(tmp_path: Path) -> None:
    text = (
        "Titre;Texte;Lien;Auteur\n"
        'Pluies à Agadez;"Des pluies diluviennes ont touché Agadez ; trois morts.";'
        "https://journal.example.ne/pluies-agadez;Ibrahim Sani\n"
    )
    [draft] = list(read_file(_write(tmp_path / "fr.csv", text, "cp1252")))
    assert draft.title == "Pluies à Agadez"
    assert draft.body == "Des pluies diluviennes ont touché Agadez ; trois morts."
    assert draft.url == "https://journal.example.ne/pluies-agadez"
    assert draft.author == "Ibrahim Sani"


def test_rows_without_text_are_skipped_and_counted(tmp_path: Path) -> None:
    text = "headline\ttext\n\t\nA title alone is an article\t\n\t\nMali\tBamako, lundi.\n"
    stream = read_file(_write(tmp_path / "gaps.tsv", text))
    drafts = list(stream)
    assert [d.title for d in drafts] == ["A title alone is an article", "Mali"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("id\tcategory\n1\tpolitics\n", "no article columns"),
        ("headline\ttext\n", "no rows"),
        ("", "empty file"),
    ],
)
def test_a_table_with_no_articles_fails_with_a_reason(
    tmp_path: Path, text: str, reason: str
) -> None:
    with pytest.raises(IngestError, match=reason):
        list(read_file(_write(tmp_path / "bad.tsv", text)))


def test_the_cli_adds_a_folder_with_a_table_and_says_so(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    _write(folder / "rows.tsv", TSV)
    _write(folder / "notes.csv", "id,count\n1,2\n")  # a table of something else
    result = cli(home, "add", str(folder))
    assert "2 added" in result.stdout + result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert "notes.csv" in line and "no article columns" in line


def test_a_tsv_cell_with_escaped_line_breaks_gets_its_paragraphs(tmp_path: Path) -> None:
    """A tab-separated row cannot hold a line break, so exports write it as the two characters
    backslash and n (review 14: the reader showed "\\n\\n" between paragraphs)."""
    text = (
        "headline\ttext\n"
        "Le marché de Maradi rouvre\tLes commerçants sont revenus lundi.\\n\\n"
        '"Nous avons attendu deux mois", dit une vendeuse.\\nLa mairie a levé l\'interdiction.\n'
        "A path in a report\tThe file sat in C:\\data\\reports on the ministry's server.\n"
    )
    drafts = list(read_file(_write(tmp_path / "rows.tsv", text)))
    assert drafts[0].body == (
        "Les commerçants sont revenus lundi.\n\n"
        '"Nous avons attendu deux mois", dit une vendeuse.\nLa mairie a levé l\'interdiction.'
    )
    # a backslash that escapes no line break is text
    assert drafts[1].body == "The file sat in C:\\data\\reports on the ministry's server."
