"""Reading local files into article drafts (sahelreader.ingest) and cleaning untrusted text."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from sahelreader.ingest import (
    SUPPORTED_SUFFIXES,
    SUPPORTED_TYPES_TEXT,
    ArticleStream,
    IngestError,
    decode_bytes,
    discover,
    extract_article,
    html_to_text,
    parse_date,
    read_file,
)
from sahelreader.models import ArticleDraft
from sahelreader.text.clean import one_line, strip_control

UTC = timezone.utc

FRENCH = (
    "Attaque près de Ménaka\n"
    "\n"
    "Les forces armées ont repoussé une attaque près de Ménaka, a-t-on appris mercredi.\n"
    "\n"
    "À Ouagadougou, la capitale burkinabè, les autorités ont salué « une réaction rapide ».\n"
)

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="fr-FR">
<head>
<meta charset="{charset}">
<title>Sécheresse au Sahel : les éleveurs de Tillabéri s'inquiètent | Le Veilleur du Sahel</title>
<meta property="og:title" content="Sécheresse au Sahel : les éleveurs de Tillabéri s'inquiètent">
<meta property="og:site_name" content="Le Veilleur du Sahel">
<link rel="canonical" href="https://veilleur.example/2024/03/26/secheresse-tillaberi">
<meta name="author" content="Aïssata Maïga">
<meta property="article:published_time" content="2024-03-26T10:15:00+01:00">
</head>
<body>
<header><nav class="menu"><ul>
  <li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
  <li><a href="/abonnement">Abonnez-vous à notre lettre</a></li>
</ul></nav></header>
<main><article>
<h1>Sécheresse au Sahel : les éleveurs de Tillabéri s'inquiètent</h1>
<p>Dans la région de Tillabéri, les pâturages ont reculé de façon spectaculaire cette année,
obligeant de nombreux éleveurs à conduire leurs troupeaux vers le sud bien plus tôt que prévu.</p>
<p>« Nous n'avons jamais vu la brousse aussi sèche en mars », confie un éleveur peul rencontré
au marché au bétail, qui dit avoir déjà vendu une partie de ses chèvres pour nourrir sa famille.</p>
<p>Les services techniques de l'élevage recommandent de constituer des réserves de fourrage et
appellent les partenaires à soutenir les couloirs de transhumance, souvent disputés.</p>
<p>Selon les autorités régionales, un plan d'urgence doit être présenté avant la fin du mois,
avec des distributions d'aliments pour le bétail dans les communes les plus touchées.</p>
</article></main>
<aside><h3>Les plus lus</h3><ul><li><a href="/x">Le prix du mil flambe</a></li></ul></aside>
<footer><p>© 2024 Le Veilleur du Sahel. Tous droits réservés.</p>
<p><a href="/contact">Contact</a> · <a href="/mentions">Mentions légales</a></p></footer>
</body>
</html>
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def read_one(path: Path) -> ArticleDraft:
    drafts = list(read_file(path))
    assert len(drafts) == 1
    return drafts[0]


def read_all(path: Path) -> tuple[list[ArticleDraft], ArticleStream]:
    stream = read_file(path)
    return list(stream), stream


def reason(path: Path) -> str:
    with pytest.raises(IngestError) as caught:
        list(read_file(path))
    message = str(caught.value)
    assert "\n" not in message and message == message.strip() and message
    return message


def test_supported_suffixes() -> None:
    assert {
        ".txt",
        ".md",
        ".markdown",
        ".html",
        ".htm",
        ".json",
        ".jsonl",
        ".jsonl.gz",
        ".json.gz",
        ".ndjson",
    } <= SUPPORTED_SUFFIXES


# --- plain text -------------------------------------------------------------------------------


def test_txt_short_first_line_is_the_title(tmp_path: Path) -> None:
    draft = read_one(write(tmp_path, "menaka.txt", FRENCH))
    assert draft.title == "Attaque près de Ménaka"
    assert draft.body.startswith("Les forces armées ont repoussé")
    assert "Attaque près de Ménaka\n" not in draft.body
    assert "\n\nÀ Ouagadougou" in draft.body
    assert draft.origin == str(tmp_path / "menaka.txt")


def test_txt_short_first_line_directly_followed_by_text(tmp_path: Path) -> None:
    text = "Niger and Mali sign a security pact\nThe two juntas met in Niamey on Tuesday.\n"
    draft = read_one(write(tmp_path, "pact.txt", text))
    assert draft.title == "Niger and Mali sign a security pact"
    assert draft.body == "The two juntas met in Niamey on Tuesday."


def test_txt_long_first_line_gives_first_sentence_cut_at_a_word(tmp_path: Path) -> None:
    first = (
        "The transitional authorities in Bamako announced on Wednesday evening a sweeping "
        "reorganisation of the regional administration in the north, including new governors "
        "for Gao, Timbuktu and Kidal, after weeks of consultations with local leaders."
    )
    text = first + "\nThe decree was read on state television.\nOpposition groups objected.\n"
    draft = read_one(write(tmp_path, "decree.txt", text))
    assert draft.title.endswith("…")
    assert len(draft.title) <= 120
    assert first.startswith(draft.title[:-1])
    assert first[len(draft.title) - 1] in " ,"  # cut between words, not inside one
    assert draft.body == text.strip()


def test_txt_first_sentence_title_without_cut(tmp_path: Path) -> None:
    text = (
        "Heavy rains flooded parts of Niamey. Residents of the riverside districts spent the "
        "night on rooftops while the Niger river kept rising, and the civil protection service "
        "said more rain was expected by the weekend across the capital region.\n"
    )
    draft = read_one(write(tmp_path, "rain.txt", text))
    assert draft.title == "Heavy rains flooded parts of Niamey"
    assert draft.body == text.strip()


def test_txt_hard_wrapped_paragraph_is_not_a_title(tmp_path: Path) -> None:
    text = (
        "The army said on Tuesday that it had repelled an attack near the\n"
        "town of Ménaka, killing several assailants, and that two soldiers\n"
        "were wounded. A curfew was declared.\n"
    )
    draft = read_one(write(tmp_path, "wrapped.txt", text))
    # The lines are joined into one sentence, which is then cut to length.
    assert draft.title == (
        "The army said on Tuesday that it had repelled an attack near the town of Ménaka, "
        "killing several assailants, and that…"
    )
    assert draft.body == text.strip()


def test_txt_abbreviations_do_not_end_the_first_sentence(tmp_path: Path) -> None:
    text = (
        "M. Tiani a reçu l'ambassadeur des U.S. au palais présidentiel de Niamey pour un "
        "entretien de deux heures consacré à la coopération militaire. Rien n'a filtré.\n"
    )
    draft = read_one(write(tmp_path, "tiani.txt", text))
    assert draft.title.startswith("M. Tiani a reçu l'ambassadeur des U.S. au palais")


@pytest.mark.parametrize("content", ["", "   \n\n \t\n"])
def test_txt_empty_file(tmp_path: Path, content: str) -> None:
    assert reason(write(tmp_path, "empty.txt", content)) == "empty file"


# --- encodings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding, prefix",
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("cp1252", b""),
        ("latin-1", b""),
    ],
)
def test_txt_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = write(tmp_path, "fr.txt", prefix + FRENCH.encode(encoding))
    draft = read_one(path)
    assert draft.title == "Attaque près de Ménaka"
    assert "Ouagadougou, la capitale burkinabè" in draft.body
    assert "\ufeff" not in draft.title + draft.body


def test_decode_short_western_text_without_a_declared_encoding() -> None:
    assert decode_bytes("Ménaka".encode("cp1252")) == "Ménaka"
    assert decode_bytes("Ouagadougou, la capitale burkinabè".encode("latin-1")) == (
        "Ouagadougou, la capitale burkinabè"
    )
    quoted = "Le président a déclaré : « C’est fini » — 5 €."
    assert decode_bytes(quoted.encode("cp1252")) == quoted


def test_decode_cyrillic_single_byte_text_is_not_read_as_cp1252() -> None:
    russian = (
        "Министерство обороны сообщило о прибытии инструкторов в Нигер. "
        "По данным ведомства, они займутся подготовкой военнослужащих и "
        "обслуживанием новой системы противовоздушной обороны в столице страны."
    )
    assert decode_bytes(russian.encode("cp1251")) == russian


def test_decode_normalises_newlines_nfc_and_controls() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"
    assert decode_bytes("Me\u0301naka".encode()) == "M\u00e9naka"
    assert decode_bytes(b"a\x1b[2Jb\x00c\td") == "abc\td"


def test_decode_bomless_utf16_and_mostly_utf8() -> None:
    assert decode_bytes("Gao et Tombouctou".encode("utf-16-le")) == "Gao et Tombouctou"
    damaged = "Ménaka, Kidal, Gao, Ségou, Mopti ".encode() + b"\xff fin"
    assert decode_bytes(damaged) == "Ménaka, Kidal, Gao, Ségou, Mopti \ufffd fin"


def test_decode_uses_the_declared_charset_when_not_utf8() -> None:
    data = "Ségou".encode("iso-8859-15")
    assert decode_bytes(data, declared="iso-8859-15") == "Ségou"
    assert decode_bytes(data, declared="no-such-charset") == "Ségou"


# --- Markdown ---------------------------------------------------------------------------------


def test_md_front_matter(tmp_path: Path) -> None:
    text = (
        "---\n"
        'title: "Kidal : retour au calme, selon \\"les notables\\""\n'
        "source: Radio Sahel\n"
        "url: https://radio-sahel.example/kidal\n"
        "date: 2024-03-26T08:30:00Z\n"
        "author: 'Moussa Ag Mohamed'\n"
        "lang: fr-ML\n"
        "tags: [kidal, securite]\n"
        "---\n"
        "# Ignored heading? No: the front matter title wins\n"
        "\n"
        "Le calme est revenu à **Kidal** après deux jours de tensions.\n"
    )
    draft = read_one(write(tmp_path, "kidal.md", text))
    assert draft.title == 'Kidal : retour au calme, selon "les notables"'
    assert draft.source == "Radio Sahel"
    assert draft.url == "https://radio-sahel.example/kidal"
    assert draft.published == datetime(2024, 3, 26, 8, 30, tzinfo=UTC)
    assert draft.author == "Moussa Ag Mohamed"
    assert draft.language == "fr"
    assert draft.body.startswith("# Ignored heading?")
    assert "**Kidal**" in draft.body  # the body stays Markdown
    assert "---" not in draft.body


def test_md_title_from_first_heading(tmp_path: Path) -> None:
    text = (
        "Intro line before the heading.\n\n"
        "```sh\n# not a heading\n```\n\n"
        "# The *Niger* river in [flood](https://example.org)\n\n"
        "## Background\n\nWater levels rose all week.\n"
    )
    draft = read_one(write(tmp_path, "flood.markdown", text))
    assert draft.title == "The Niger river in flood"
    assert "# The *Niger*" not in draft.body
    assert "## Background" in draft.body
    assert "# not a heading" in draft.body
    assert draft.source == "" and draft.published is None


def test_md_without_heading_uses_the_text_rule(tmp_path: Path) -> None:
    draft = read_one(write(tmp_path, "note.md", "Short title\n\nSome *text* here.\n"))
    assert draft.title == "Short title"
    assert draft.body == "Some *text* here."


def test_md_toml_front_matter_and_source_from_url(tmp_path: Path) -> None:
    text = (
        '+++\ntitle = "Gao"\nlink = "https://www.example-news.org/gao"\n'
        "published = 2024-01-02\n+++\nText.\n"
    )
    draft = read_one(write(tmp_path, "gao.md", text))
    assert (draft.title, draft.body) == ("Gao", "Text.")
    assert draft.source == "example-news.org"
    assert draft.published == datetime(2024, 1, 2)


def test_md_front_matter_only_has_no_article(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.md", "---\ntitle: Nothing here\n---\n\n")
    assert reason(path) == "no article text found"


# --- HTML pages -------------------------------------------------------------------------------


def test_html_article_page(tmp_path: Path) -> None:
    draft = read_one(write(tmp_path, "page.html", ARTICLE_PAGE.format(charset="utf-8")))
    assert draft.title == "Sécheresse au Sahel : les éleveurs de Tillabéri s'inquiètent"
    assert "les pâturages ont reculé" in draft.body
    assert "« Nous n'avons jamais vu la brousse aussi sèche en mars »" in draft.body
    assert "un plan d'urgence doit être présenté" in draft.body
    assert "\n\n" in draft.body  # paragraphs stay apart
    for boilerplate in ("Abonnez-vous", "Tous droits réservés", "Les plus lus", "Accueil"):
        assert boilerplate not in draft.body
    assert not draft.body.startswith("Sécheresse au Sahel")  # headline not repeated
    assert draft.author == "Aïssata Maïga"
    assert draft.source == "Le Veilleur du Sahel"
    assert draft.url == "https://veilleur.example/2024/03/26/secheresse-tillaberi"
    assert draft.published == datetime(2024, 3, 26, 9, 15, tzinfo=UTC)
    assert draft.language == "fr"
    assert draft.origin == str(tmp_path / "page.html")


def test_html_page_in_cp1252_with_meta_charset(tmp_path: Path) -> None:
    page = ARTICLE_PAGE.format(charset="windows-1252").encode("cp1252")
    draft = read_one(write(tmp_path, "page.htm", page))
    assert "Tillabéri" in draft.title
    assert "pâturages" in draft.body


def test_html_page_without_article(tmp_path: Path) -> None:
    page = "<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav></body>"
    assert reason(write(tmp_path, "index.html", page)) == "no article text found"


def test_extract_article_from_string_keeps_the_given_url() -> None:
    page = ARTICLE_PAGE.format(charset="utf-8").replace(
        '<link rel="canonical" href="https://veilleur.example/2024/03/26/secheresse-tillaberi">',
        "",
    )
    draft = extract_article(page, url="https://veilleur.example/a?id=7")
    assert draft.url == "https://veilleur.example/a?id=7"
    assert draft.origin == "https://veilleur.example/a?id=7"
    with pytest.raises(IngestError, match="no article text found"):
        extract_article("<html><body></body></html>")


# --- JSON -------------------------------------------------------------------------------------


def record(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "title": "Sommet de l'AES à Niamey",
        "link": "https://www.example-news.org/aes-niamey",
        "pubDate": "Sat, 06 Jul 2024 10:00:00 +0100",
        "description": "Les dirigeants du Mali, du Burkina Faso et du Niger se sont réunis.",
    }
    base.update(fields)
    return base


def test_json_single_object(tmp_path: Path) -> None:
    draft = read_one(write(tmp_path, "one.json", json.dumps(record(source="Sahel Info"))))
    assert draft.title == "Sommet de l'AES à Niamey"
    assert draft.body.startswith("Les dirigeants du Mali")
    assert draft.url == "https://www.example-news.org/aes-niamey"
    assert draft.published == datetime(2024, 7, 6, 9, 0, tzinfo=UTC)
    assert draft.source == "Sahel Info"
    assert draft.origin == str(tmp_path / "one.json")


def test_json_list_with_skipped_records(tmp_path: Path) -> None:
    items = [
        record(),
        {"link": "https://example.org/x", "description": "   "},  # neither title nor text
        "not an object",
        record(title="", description="Un texte sans titre. Deuxième phrase."),
    ]
    drafts, stream = read_all(write(tmp_path, "list.json", json.dumps(items)))
    assert [d.title for d in drafts] == ["Sommet de l'AES à Niamey", "Un texte sans titre"]
    assert drafts[1].origin == f"{tmp_path / 'list.json'}#4"
    assert stream.skipped == 2
    assert stream.skip_reasons == {"no title or text": 1, "not a JSON object": 1}
    assert stream.skip_summary().startswith("2 skipped: ")
    assert "record 2" in stream.skip_summary()


@pytest.mark.parametrize("wrapper", ["articles", "items", "data", "Results"])
def test_json_wrapped_list(tmp_path: Path, wrapper: str) -> None:
    document = {"status": "ok", "count": 2, wrapper: [record(), record(title="Deux")]}
    drafts, _ = read_all(write(tmp_path, "wrapped.json", json.dumps(document)))
    assert [d.title for d in drafts] == ["Sommet de l'AES à Niamey", "Deux"]


def test_json_feed_uses_the_feed_title_as_source(tmp_path: Path) -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Le Journal du Sahel",
        "items": [
            {
                "id": "https://journal-sahel.example/1",
                "content_html": "<p>Premier paragraphe.</p><p>Second paragraphe.</p>",
                "date_published": "2024-05-01T12:00:00+02:00",
                "authors": [{"name": "Fatoumata Diallo"}, {"name": "Ali Maïga"}],
            }
        ],
    }
    draft = read_one(write(tmp_path, "feed.json", json.dumps(feed)))
    assert draft.source == "Le Journal du Sahel"
    assert draft.body == "Premier paragraphe.\n\nSecond paragraphe."
    assert draft.title == "Premier paragraphe"
    assert draft.url == "https://journal-sahel.example/1"
    assert draft.author == "Fatoumata Diallo, Ali Maïga"
    assert draft.published == datetime(2024, 5, 1, 10, 0, tzinfo=UTC)


def test_json_dict_of_lists_per_source(tmp_path: Path) -> None:
    document = {"Radio Sahel": [record()], "Le Veilleur": [record(title="B"), record(title="C")]}
    drafts, _ = read_all(write(tmp_path, "per_source.json", json.dumps(document)))
    assert [(d.source, d.title) for d in drafts] == [
        ("Radio Sahel", "Sommet de l'AES à Niamey"),
        ("Le Veilleur", "B"),
        ("Le Veilleur", "C"),
    ]


def test_json_nested_wrapper(tmp_path: Path) -> None:
    document = {"data": {"articles": [record()]}}
    assert read_one(write(tmp_path, "nested.json", json.dumps(document))).title.startswith("Sommet")


def test_json_field_variants(tmp_path: Path) -> None:
    items = [
        {
            "headline": "NewsAPI style",
            "url": "https://www.example-news.org/a",
            "publishedAt": "2024-03-26T10:15:00Z",
            "source": {"id": "x", "name": "Example News"},
            "author": "By Jane Doe",
            "content": "Le texte intégral est coupé ici… [+1234 chars]",
            "lang": "fr_FR",
        },
        {
            "title": {"rendered": "WordPress &amp; co"},
            "content": {"rendered": "<p>Corps <b>HTML</b>.</p>"},
            "link": "https://blog.example.org/?p=1",
            "date_gmt": "2024-03-26T10:15:00",
        },
        {
            "Title": "Feed archive",
            "Description": "Plain text.",
            "Link": "https://www.bbc.co.uk/news/x",
            "source": "http://feeds.bbci.co.uk/news/rss.xml",
            "date_published": "2021-01-01 00:09:54+00:00",
            "language": "en-UK",
            "dc:creator": "reporter@example.org (Amadou Sow)",
        },
        {"title": "No source", "text": "Body.", "url": "https://www.rfi.example/afrique/1"},
    ]
    drafts, stream = read_all(write(tmp_path, "variants.json", json.dumps(items)))
    assert stream.skipped == 0
    news_api, wordpress, archive, no_source = drafts
    assert news_api.title == "NewsAPI style"
    assert news_api.source == "Example News"
    assert news_api.author == "Jane Doe"
    assert news_api.body == "Le texte intégral est coupé ici"
    assert news_api.language == "fr"
    assert news_api.published == datetime(2024, 3, 26, 10, 15, tzinfo=UTC)
    assert wordpress.title == "WordPress & co"
    assert wordpress.body == "Corps HTML."
    assert wordpress.published == datetime(2024, 3, 26, 10, 15, tzinfo=UTC)
    assert archive.title == "Feed archive"
    assert archive.source == "bbc.co.uk"  # the article's site, not the feed host
    assert archive.author == "Amadou Sow"
    assert archive.language == "en"
    assert no_source.source == "rfi.example"


def test_json_html_description_is_converted(tmp_path: Path) -> None:
    description = (
        "<p>Les pluies ont fait <b>trois</b> morts à Niamey.</p>"
        "<p>Le fleuve Niger a atteint&nbsp;un niveau record.</p> "
        '<a href="https://example.org/x">Continue reading...</a>'
    )
    draft = read_one(write(tmp_path, "html.json", json.dumps(record(description=description))))
    assert draft.body == (
        "Les pluies ont fait trois morts à Niamey.\n\n"
        "Le fleuve Niger a atteint\u00a0un niveau record."
    )


def test_json_control_sequences_are_stripped_from_fields(tmp_path: Path) -> None:
    item = record(title="\x1b[31mRouge\x1b[0m\x1b]0;pwned\x07", description="ok\x9b2J text")
    draft = read_one(write(tmp_path, "ctl.json", json.dumps(item)))
    assert draft.title == "Rouge"
    assert draft.body == "ok text"


def test_json_invalid(tmp_path: Path) -> None:
    message = reason(write(tmp_path, "bad.json", '[\n  {"title": "a"},\n  {"title" "b"}\n]'))
    assert message.startswith("not valid JSON at line 3")
    assert "delimiter" in message


def test_json_lines_named_json_gets_a_hint(tmp_path: Path) -> None:
    text = json.dumps(record()) + "\n" + json.dumps(record()) + "\n"
    assert "JSON Lines" in reason(write(tmp_path, "lines.json", text))


@pytest.mark.parametrize(
    "content, expected",
    [
        ('{"settings": {"theme": "dark"}}', "no articles in this JSON"),
        ("[]", "no articles in this JSON: the list is empty"),
        ('[{"link": "https://example.org"}]', "no article text found (1 skipped: "),
        ("42", "no articles in this JSON"),
    ],
)
def test_json_without_articles(tmp_path: Path, content: str, expected: str) -> None:
    assert reason(write(tmp_path, "x.json", content)).startswith(expected)


# --- JSON Lines and gzip ----------------------------------------------------------------------


def jsonl(*lines: object) -> str:
    return "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)


def test_jsonl_skips_a_bad_line(tmp_path: Path) -> None:
    text = jsonl(record(), "{not json", "", record(title="Trois"), ["a list"], {"link": "x"})
    drafts, stream = read_all(write(tmp_path, "feed.jsonl", text))
    assert [d.title for d in drafts] == ["Sommet de l'AES à Niamey", "Trois"]
    assert drafts[1].origin == f"{tmp_path / 'feed.jsonl'}:4"
    assert stream.skipped == 3
    assert stream.skip_reasons == {
        "not valid JSON": 1,
        "not a JSON object": 1,
        "no title or text": 1,
    }
    assert stream.produced == 2


def test_ndjson_and_bom(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + jsonl(record()).encode()
    assert read_one(write(tmp_path, "a.ndjson", data)).title.startswith("Sommet")


def test_jsonl_utf16(tmp_path: Path) -> None:
    data = b"\xff\xfe" + jsonl(record(), record(title="Ségou")).encode("utf-16-le")
    drafts, _ = read_all(write(tmp_path, "wide.jsonl", data))
    assert [d.title for d in drafts][1] == "Ségou"


def test_jsonl_where_no_line_is_json(tmp_path: Path) -> None:
    message = reason(write(tmp_path, "junk.jsonl", "hello\nworld\n"))
    assert message.startswith("not valid JSON at line 1:")


def test_jsonl_empty(tmp_path: Path) -> None:
    assert reason(write(tmp_path, "empty.jsonl", "")) == "empty file"
    assert reason(write(tmp_path, "blank.jsonl", "\n\n")) == "empty file"


def test_gzip_variants(tmp_path: Path) -> None:
    lines = jsonl(record(), "oops", record(title="Deux"))
    drafts, stream = read_all(write(tmp_path, "feed.jsonl.gz", gzip.compress(lines.encode())))
    assert [d.title for d in drafts] == ["Sommet de l'AES à Niamey", "Deux"]
    assert stream.skipped == 1
    document = json.dumps({"articles": [record()]}).encode()
    assert read_one(write(tmp_path, "doc.json.gz", gzip.compress(document))).title.startswith(
        "Sommet"
    )


def test_gzip_errors(tmp_path: Path) -> None:
    assert reason(write(tmp_path, "plain.jsonl.gz", jsonl(record()))) == "not valid gzip data"
    assert reason(write(tmp_path, "plain.json.gz", b"[]")) == "not valid gzip data"
    compressed = gzip.compress(jsonl(*[record(title=str(i)) for i in range(2000)]).encode())
    truncated = write(tmp_path, "cut.jsonl.gz", compressed[: len(compressed) // 2])
    assert "truncated" in reason(truncated)


def test_jsonl_stream_can_be_closed_early(tmp_path: Path) -> None:
    path = write(tmp_path, "many.jsonl", jsonl(*[record(title=str(i)) for i in range(10)]))
    with read_file(path) as stream:
        assert next(stream).title == "0"
    unread = read_file(path)
    unread.close()


def test_jsonl_real_scale_is_fast(tmp_path: Path) -> None:
    item = record(description="<p>Un paragraphe.</p><p>Un autre, avec un <a href='#'>lien</a>.</p>")
    path = write(tmp_path, "big.jsonl.gz", gzip.compress(jsonl(*[item] * 5000).encode()))
    drafts, stream = read_all(path)
    assert len(drafts) == 5000 and stream.skipped == 0


# --- errors and file types --------------------------------------------------------------------


def unsupported(suffix: str) -> str:
    return f"unsupported file type {suffix} ({SUPPORTED_TYPES_TEXT})"


def test_read_file_errors(tmp_path: Path) -> None:
    assert reason(write(tmp_path, "report.pdf", b"%PDF")) == unsupported(".pdf")
    assert reason(write(tmp_path, "README", "x")) == unsupported("(no extension)")
    assert reason(tmp_path / "missing.txt") == "no such file or folder"
    (tmp_path / "folder.json").mkdir()
    assert reason(tmp_path / "folder.json") == "is a folder"


def test_suffixes_are_case_insensitive(tmp_path: Path) -> None:
    assert read_one(write(tmp_path, "NOTE.TXT", "Title\n\nBody.")).title == "Title"


# --- html_to_text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fragment, expected",
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("line one<br>line two<br/><br/>next paragraph", "line one\nline two\n\nnext paragraph"),
        ("<ul><li>Gao</li><li>Kidal</li></ul>", "- Gao\n- Kidal"),
        ("<ol><li>a</li><li>b</li></ol>", "1. a\n2. b"),
        ("Tom &amp; Jerry &#039;s &eacute;t&eacute;", "Tom & Jerry 's été"),
        ("<p>a<script>alert(1)</script>b<style>p{}</style>c<!-- note -->d</p>", "abcd"),
        ("<img src='x.jpg' alt='photo'><p></p>", ""),
        ("", ""),
        ("   ", ""),
        ("<p>  lots   of\n   space </p>", "lots of space"),
        (
            "<table><tr><th>Ville</th><th>Pluie</th></tr><tr><td>Gao</td><td>3</td></tr></table>",
            "Ville | Pluie\nGao | 3",
        ),
        ('Teaser text <br/><a href="x">Read Full Article at Example.com</a>', "Teaser text"),
        ("<p>\x1b[31mred\x1b[0m</p>", "red"),
        ("<div>" * 400 + "deep" + "</div>" * 400, "deep"),
    ],
)
def test_html_to_text(fragment: str, expected: str) -> None:
    assert html_to_text(fragment) == expected


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-26T10:15:00Z", datetime(2024, 3, 26, 10, 15, tzinfo=UTC)),
        ("2024-03-26T10:15:00+01:00", datetime(2024, 3, 26, 9, 15, tzinfo=UTC)),
        ("2024-03-26 10:15:00.123456+00:00", datetime(2024, 3, 26, 10, 15, 0, 123456, UTC)),
        ("2024-03-26T10:15:00", datetime(2024, 3, 26, 10, 15)),
        ("2024-03-26", datetime(2024, 3, 26)),
        ("20240326", datetime(2024, 3, 26)),
        ("Tue, 26 Mar 2024 10:15:00 GMT", datetime(2024, 3, 26, 10, 15, tzinfo=UTC)),
        ("Tue, 26 Mar 2024 10:15:00 +0000", datetime(2024, 3, 26, 10, 15, tzinfo=UTC)),
        ("Wed, 07 May 2025 06:53:29 EDT", datetime(2025, 5, 7, 10, 53, 29, tzinfo=UTC)),
        ("26 Mar 2024 10:15 WAT", datetime(2024, 3, 26, 9, 15, tzinfo=UTC)),
        ("Tue, 26 Mar 2024 10:15:00 -0000", datetime(2024, 3, 26, 10, 15)),
        ("Tue, 26 Mar 24 10:15:00 +0000", datetime(2024, 3, 26, 10, 15, tzinfo=UTC)),
        ("26 March 2024", datetime(2024, 3, 26)),
        ("March 26, 2024", datetime(2024, 3, 26)),
        ("mardi 26 mars 2024", datetime(2024, 3, 26)),
        ("1er août 2023 à 10h30", datetime(2023, 8, 1, 10, 30)),
        (1711448100, datetime(2024, 3, 26, 10, 15, tzinfo=UTC)),
        (1711448100.5, datetime(2024, 3, 26, 10, 15, 0, 500000, UTC)),
        ("1711448100", datetime(2024, 3, 26, 10, 15, tzinfo=UTC)),
        (1711448100000, datetime(2024, 3, 26, 10, 15, tzinfo=UTC)),
        (date(2024, 3, 26), datetime(2024, 3, 26)),
        (
            datetime(2024, 3, 26, 11, 15, tzinfo=timezone(timedelta(hours=1))),
            datetime(2024, 3, 26, 10, 15, tzinfo=UTC),
        ),
    ],
)
def test_parse_date(value: object, expected: datetime) -> None:
    parsed = parse_date(value)
    assert parsed == expected
    assert parsed is not None and (parsed.tzinfo is None) == (expected.tzinfo is None)
    if parsed.tzinfo is not None:
        assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "yesterday",
        "not a date",
        "2024-13-45",
        "Mon, 32 May 2025 10:00:00 GMT",
        "31 Foo 2024",
        True,
        [2024, 3, 26],
        {"date": "2024-03-26"},
        float("nan"),
        10**20,
        "0000-00-00",
        "2024-03-26T25:00:00Z",
        "x" * 500,
    ],
)
def test_parse_date_garbage(value: object) -> None:
    assert parse_date(value) is None


# --- control sequences ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b]0;title\x07after", "after"),
        ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("a\x9b31mb", "ab"),
        ("a\x9d0;t\x9cb", "ab"),
        ("keep\nnew\tlines", "keep\nnew\tlines"),
        ("Ménaka — «ok» 日本 🙂", "Ménaka — «ok» 日本 🙂"),
        ("bell\x07 nul\x00 del\x7f", "bell nul del"),
        ("windows\r\nline\rend", "windows\nline\nend"),
        ("\x1bPdevice control\x1b\\visible", "visible"),
        ("\x1b(Bcharset", "charset"),
        ("lone escape \x1b", "lone escape "),
        ("\x1b]unterminated osc keeps text", "unterminated osc keeps text"),
    ],
)
def test_strip_control(text: str, expected: str) -> None:
    assert strip_control(text) == expected


def test_one_line() -> None:
    assert one_line("  Two\n lines\t here \x1b[1m ") == "Two lines here"


# --- discover ---------------------------------------------------------------------------------


def test_discover_nested_folder(tmp_path: Path) -> None:
    root = tmp_path / "news"
    write(root, "b.txt", "x")
    write(root, "a.md", "x")
    write(root, "notes.pdf", "x")  # unsupported inside a folder: silently left out
    write(root, "sub/c.json", "[]")
    write(root, "sub/deeper/d.jsonl.gz", b"")
    write(root, "sub/image.PNG", b"")
    write(root, "z.HTML", "x")
    write(root, ".git/config.txt", "x")
    write(root, ".hidden/e.txt", "x")
    write(root, ".secret.txt", "x")
    os.symlink(root, root / "sub" / "loop")
    explicit_pdf = write(tmp_path, "report.pdf", "x")
    files, problems = discover([root, explicit_pdf, tmp_path / "missing", root / "a.md"])
    assert [f.relative_to(root).as_posix() for f in files] == [
        "a.md",
        "b.txt",
        "sub/c.json",
        "sub/deeper/d.jsonl.gz",
        "z.HTML",
    ]
    assert problems == [
        (explicit_pdf, unsupported(".pdf")),
        (tmp_path / "missing", "no such file or folder"),
    ]


def test_discover_explicit_files(tmp_path: Path) -> None:
    hidden = write(tmp_path, ".named.md", "x")
    archive = write(tmp_path, "old.tar.gz", b"")
    broken = tmp_path / "broken.txt"
    os.symlink(tmp_path / "nowhere", broken)
    files, problems = discover([hidden, archive, broken])
    assert files == [hidden]  # named explicitly, so hidden is fine
    assert problems == [
        (archive, unsupported(".tar.gz")),
        (broken, "broken symbolic link"),
    ]


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads all")
def test_discover_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", "x")
    path.chmod(0)
    assert discover([path]) == ([], [(path, "permission denied")])


# --- hygiene ----------------------------------------------------------------------------------


def test_ingest_does_not_import_textual() -> None:
    code = "import sys, sahelreader.ingest; sys.exit('textual' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    assert subprocess.run([sys.executable, "-c", code], env=env).returncode == 0


def test_a_folder_imports_its_feed_xml_files_and_leaves_other_xml_alone(tmp_path: Path) -> None:
    from sahelreader.ingest import discover

    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://x.example/</loc></url></urlset>"
    )
    (tmp_path / "settings.xml").write_text("<settings><theme>dark</theme></settings>")
    feed = tmp_path / "desk.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        "<item><title>Dosso market</title><description>Prices fell.</description></item>"
        "</channel></rss>"
    )
    files, problems = discover([tmp_path])
    assert (files, problems) == ([feed], [])
    named, named_problems = discover([tmp_path / "settings.xml"])
    assert named == [tmp_path / "settings.xml"] and named_problems == []


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Aminata Kessaro; AMINATA KESSARO", "Aminata Kessaro"),
        ("IBRAHIM TAMBA; Ibrahim Tamba", "Ibrahim Tamba"),
        ("By Aminata Kessaro; Ibrahim Tamba", "Aminata Kessaro; Ibrahim Tamba"),
        ("Aminata Kessaro", "Aminata Kessaro"),
    ],
)
def test_an_author_given_twice_in_two_cases_is_named_once(given: str, expected: str) -> None:
    from sahelreader.ingest.fields import clean_author

    assert clean_author(given) == expected
