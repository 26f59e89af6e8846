"""RSS and Atom documents into article drafts (sahelreader.ingest.feed), feed discovery in
pages, and feed files read by read_file."""

from __future__ import annotations

import codecs
from datetime import datetime, timezone
from pathlib import Path

import pytest

from sahelreader.ingest import (
    SUPPORTED_SUFFIXES,
    IngestError,
    NotAFeed,
    ParsedFeed,
    feed_links,
    looks_like_feed,
    parse_feed,
    read_file,
)

UTC = timezone.utc
FEED_URL = "https://sahel-watch.example/feeds/news.rss"

RSS_2 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Sahel Watch</title>
  <link>https://sahel-watch.example/</link>
  <description>News from the Sahel</description>
  <language>en-GB</language>
  <item>
    <title>Rains return to the Niger river basin</title>
    <link>https://sahel-watch.example/2024/12/rains-return</link>
    <guid isPermaLink="false">sw-1001</guid>
    <pubDate>Tue, 03 Dec 2024 14:05:00 +0100</pubDate>
    <dc:creator>Amina Diallo</dc:creator>
    <description>&lt;p&gt;Farmers near &lt;b&gt;Mopti&lt;/b&gt; welcome the rains.&lt;/p&gt;
    </description>
    <content:encoded><![CDATA[<p>Farmers near <b>Mopti</b> welcome the rains.</p>
<p>The river rose by half a metre in a week, the water agency said on Monday.</p>
<script>alert("no")</script>
<p>Herders expect better pasture in the coming months.</p>]]></content:encoded>
  </item>
  <item>
    <title>Grain prices fall in Niamey markets</title>
    <link>https://sahel-watch.example/2024/12/grain-prices</link>
    <guid isPermaLink="false">sw-1002</guid>
    <description><![CDATA[<p>Millet and sorghum are cheaper than last month, traders say,
after a good harvest in the Dosso region and new supplies from Benin.</p>]]></description>
    <content:encoded><![CDATA[<p>Cheaper millet.</p>]]></content:encoded>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://journal-du-sahel.example/blog/">
  <title>Journal du Sahel</title>
  <link rel="alternate" href="/"/>
  <link rel="self" href="atom.xml"/>
  <id>tag:journal-du-sahel.example,2024:feed</id>
  <updated>2024-12-04T09:00:00Z</updated>
  <entry>
    <title type="html">Solar &lt;em&gt;mini-grids&lt;/em&gt; reach Gao</title>
    <link rel="alternate" href="posts/solar-gao"/>
    <id>tag:journal-du-sahel.example,2024:solar-gao</id>
    <updated>2024-12-04T08:30:00+00:00</updated>
    <author><name>Moussa Traoré</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>Three villages near Gao now have power after dark.</p>
      <p>The project was paid for by the regional council.</p>
    </div></content>
  </entry>
  <entry xml:base="https://journal-du-sahel.example/archives/">
    <title>School year starts late in Kidal</title>
    <link href="2024/kidal-schools"/>
    <id>tag:journal-du-sahel.example,2024:kidal-schools</id>
    <published>2024-12-02T07:00:00+01:00</published>
    <summary>Teachers arrived two weeks after the planned start.</summary>
  </entry>
</feed>
"""

RSS_1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://sahel-science.example/rss">
    <title>Sahel Science</title>
    <link>https://sahel-science.example/</link>
    <description>Research notes</description>
  </channel>
  <item rdf:about="https://sahel-science.example/notes/acacia">
    <title>Acacia trees slow the desert</title>
    <link>https://sahel-science.example/notes/acacia</link>
    <description>Planted belts of acacia held back sand in a ten-year trial.</description>
    <dc:date>2024-11-20T10:00:00-05:00</dc:date>
    <dc:creator>Fatou Sow</dc:creator>
  </item>
</rdf:RDF>
"""

RSS_091 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="0.91">
<channel>
  <title>Radio Fleuve</title>
  <link>http://radio-fleuve.example/</link>
  <description>Bulletins</description>
  <language>fr</language>
  <item>
    <title>Bulletin de S\xe9gou</title>
    <link>http://radio-fleuve.example/bulletins/segou</link>
    <description>La crue du fleuve atteint S\xe9gou.</description>
  </item>
</channel>
</rss>
""".encode("latin-1")


def rss(items: str, channel: str = "<title>Sahel Watch</title>", declaration: bool = True) -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if declaration else ""
    return (f'{head}<rss version="2.0"><channel>{channel}{items}</channel></rss>\n').encode()


def item(
    title: str | None = "A title",
    body: str | None = "Some text.",
    *,
    link: str | None = None,
    guid: str | None = None,
    extra: str = "",
) -> str:
    parts = [
        f"<title>{title}</title>" if title is not None else "",
        f"<description>{body}</description>" if body is not None else "",
        f"<link>{link}</link>" if link is not None else "",
        f"<guid>{guid}</guid>" if guid is not None else "",
        extra,
    ]
    return "<item>" + "".join(parts) + "</item>"


def refusal(data: bytes) -> str:
    with pytest.raises(NotAFeed) as caught:
        parse_feed(data, FEED_URL)
    message = str(caught.value)
    assert message and "\n" not in message
    assert isinstance(caught.value, IngestError)
    return message


# --- formats ------------------------------------------------------------------------------


def test_rss_2_feed_and_entries() -> None:
    feed = parse_feed(RSS_2.encode(), FEED_URL)
    assert isinstance(feed, ParsedFeed)
    assert feed.title == "Sahel Watch"
    assert feed.site_url == "https://sahel-watch.example/"
    assert feed.language == "en"
    assert feed.format == "RSS 2.0"
    assert feed.recovered is None and feed.skipped == 0
    first, second = feed.entries
    assert first.title == "Rains return to the Niger river basin"
    assert first.url == "https://sahel-watch.example/2024/12/rains-return"
    assert first.guid == "sw-1001"
    assert first.author == "Amina Diallo"
    assert first.source == "Sahel Watch"
    assert first.language == "en"
    assert first.origin == FEED_URL


def test_rss_content_encoded_preferred_when_longer() -> None:
    first, second = parse_feed(RSS_2.encode(), FEED_URL).entries
    assert first.body == (
        "Farmers near Mopti welcome the rains.\n\n"
        "The river rose by half a metre in a week, the water agency said on Monday.\n\n"
        "Herders expect better pasture in the coming months."
    )
    # Here the description is the longer text.
    assert second.body == (
        "Millet and sorghum are cheaper than last month, traders say, after a good harvest in"
        " the Dosso region and new supplies from Benin."
    )


def test_atom_with_xml_base_relative_links() -> None:
    feed = parse_feed(ATOM.encode(), "https://journal-du-sahel.example/blog/atom.xml")
    assert feed.format == "Atom 1.0"
    assert feed.title == "Journal du Sahel"
    assert feed.site_url == "https://journal-du-sahel.example/"
    solar, kidal = feed.entries
    assert solar.title == "Solar mini-grids reach Gao"
    assert solar.url == "https://journal-du-sahel.example/blog/posts/solar-gao"
    assert solar.guid == "tag:journal-du-sahel.example,2024:solar-gao"
    assert solar.author == "Moussa Traoré"
    assert solar.body == (
        "Three villages near Gao now have power after dark.\n\n"
        "The project was paid for by the regional council."
    )
    assert solar.published == datetime(2024, 12, 4, 8, 30, tzinfo=UTC)
    assert kidal.url == "https://journal-du-sahel.example/archives/2024/kidal-schools"
    assert kidal.body == "Teachers arrived two weeks after the planned start."
    assert kidal.published == datetime(2024, 12, 2, 6, 0, tzinfo=UTC)


def test_rss_1_rdf() -> None:
    feed = parse_feed(RSS_1.encode(), "https://sahel-science.example/rss")
    assert feed.format == "RSS 1.0"
    assert feed.title == "Sahel Science"
    (entry,) = feed.entries
    assert entry.title == "Acacia trees slow the desert"
    assert entry.url == "https://sahel-science.example/notes/acacia"
    assert entry.guid == "https://sahel-science.example/notes/acacia"
    assert entry.author == "Fatou Sow"
    assert entry.published == datetime(2024, 11, 20, 15, 0, tzinfo=UTC)  # dc:date, "updated"


def test_rss_0_91_in_latin_1() -> None:
    feed = parse_feed(RSS_091)
    assert feed.format == "RSS 0.91"
    assert feed.language == "fr"
    (entry,) = feed.entries
    assert entry.title == "Bulletin de Ségou"
    assert entry.body == "La crue du fleuve atteint Ségou."
    assert entry.language == "fr"
    assert entry.origin == ""
    assert entry.source == "Radio Fleuve"


def test_charset_from_the_response_wins_over_the_declaration() -> None:
    # UTF-8 bytes under a declaration that says Latin-1, as a misconfigured CMS serves them.
    data = rss(item("Kayes", "Café à Kayes")).replace(b"UTF-8", b"ISO-8859-1")
    assert parse_feed(data, charset="utf-8").entries[0].body == "Café à Kayes"
    assert parse_feed(data.decode().encode("latin-1")).entries[0].body == "Café à Kayes"


# --- links, dates, guids ------------------------------------------------------------------


def test_relative_links_resolve_against_the_feed_url() -> None:
    feed = parse_feed(rss(item(link="/2024/12/story") + item(link="other")), FEED_URL)
    assert [entry.url for entry in feed.entries] == [
        "https://sahel-watch.example/2024/12/story",
        "https://sahel-watch.example/feeds/other",
    ]


def test_relative_links_without_a_feed_url_are_dropped() -> None:
    (entry,) = parse_feed(rss(item(link="/2024/12/story"))).entries
    assert entry.url == "" and entry.guid == ""


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "data:text/html,hi", "ftp://files.example/a", "mailto:a@b.c"]
)
def test_non_http_links_are_dropped(link: str) -> None:
    (entry,) = parse_feed(rss(item(link=link)), FEED_URL).entries
    assert entry.url == ""


def test_missing_date_is_none() -> None:
    (entry,) = parse_feed(rss(item())).entries
    assert entry.published is None


def test_date_zone_is_kept() -> None:
    extra = "<pubDate>Tue, 03 Dec 2024 14:05:00 +0100</pubDate>"
    (entry,) = parse_feed(rss(item(extra=extra))).entries
    assert entry.published == datetime(2024, 12, 3, 13, 5, tzinfo=UTC)
    assert entry.published is not None and entry.published.tzinfo is not None


def test_updated_only_date() -> None:
    data = ATOM.replace("<published>2024-12-02T07:00:00+01:00</published>", "").encode()
    kidal = parse_feed(data).entries[1]
    assert kidal.published is None
    solar = parse_feed(ATOM.encode()).entries[0]  # only <updated>
    assert solar.published == datetime(2024, 12, 4, 8, 30, tzinfo=UTC)


def test_date_without_zone_is_naive() -> None:
    extra = "<pubDate>2024-12-03 14:05</pubDate>"
    (entry,) = parse_feed(rss(item(extra=extra))).entries
    assert entry.published == datetime(2024, 12, 3, 14, 5)


def test_duplicate_guids_keep_the_first() -> None:
    items = (
        item("First report", guid="urn:sahel:7")
        + item("Corrected report", guid="urn:sahel:7")
        + item("Another", guid="urn:sahel:8")
    )
    feed = parse_feed(rss(items))
    assert [entry.title for entry in feed.entries] == ["First report", "Another"]
    assert feed.skipped == 1


def test_missing_guid_falls_back_to_the_link() -> None:
    (entry,) = parse_feed(rss(item(link="https://sahel-watch.example/a/1"))).entries
    assert entry.guid == "https://sahel-watch.example/a/1"


def test_entries_without_guid_or_link_are_all_kept() -> None:
    feed = parse_feed(rss(item("One") + item("Two")))
    assert [entry.guid for entry in feed.entries] == ["", ""]
    assert feed.skipped == 0


# --- text ---------------------------------------------------------------------------------


def test_missing_title_comes_from_the_body() -> None:
    body = "Heavy rains flooded parts of Niamey. Hundreds of families lost their homes."
    (entry,) = parse_feed(rss(item(None, body))).entries
    assert entry.title == "Heavy rains flooded parts of Niamey"
    assert entry.body == body


def test_entries_with_neither_title_nor_text_are_skipped() -> None:
    feed = parse_feed(rss(item(None, None, link="https://x.example/1") + item("Kept")))
    assert [entry.title for entry in feed.entries] == ["Kept"]
    assert feed.skipped == 1


def test_markup_in_titles_is_removed() -> None:
    escaped = item("&lt;b&gt;Breaking:&lt;/b&gt; Mali &amp;amp; Niger sign a deal")
    cdata = item("<![CDATA[<i>Dakar</i> &amp; Bamako]]>")
    first, second = parse_feed(rss(escaped + cdata)).entries
    assert first.title == "Breaking: Mali & Niger sign a deal"
    assert second.title == "Dakar & Bamako"


def test_terminal_escapes_and_bidi_overrides_are_stripped() -> None:
    # Escape characters are not allowed in XML, so they arrive as a broken feed or through
    # character references; bidi overrides are allowed anywhere.
    title = "Ouaga\u202edaby\u202c news \u2066x\u2069"
    body = "<p>Body \x1b[2Jcleared\x1b]0;pwned\x07 text \u202eevil</p>"
    feed = parse_feed(rss(item(title, f"<![CDATA[{body}]]>")))
    (entry,) = feed.entries
    assert entry.title == "Ouagadaby news x"
    assert entry.body == "Body cleared text evil"
    assert feed.recovered is not None  # the ESC bytes make the XML not well-formed


def test_bidi_overrides_from_character_references_are_stripped() -> None:
    (entry,) = parse_feed(rss(item("Gao &#x202E;txt.exe&#x202C;", "Text&#x2067; here"))).entries
    assert entry.title == "Gao txt.exe"
    assert entry.body == "Text here"


def test_french_feed_language() -> None:
    channel = "<title>Actualités du Sahel</title><language>fr-FR</language>"
    items = item("Sécheresse à Tillabéri", "Les éleveurs s'inquiètent de la saison sèche.")
    feed = parse_feed(rss(items, channel))
    assert feed.language == "fr"
    (entry,) = feed.entries
    assert entry.language == "fr"
    assert entry.title == "Sécheresse à Tillabéri"
    assert entry.source == "Actualités du Sahel"


def test_entry_language_from_xml_lang() -> None:
    data = ATOM.replace("<entry xml:base", '<entry xml:lang="fr" xml:base').encode()
    solar, kidal = parse_feed(data).entries
    assert kidal.language == "fr"
    assert solar.language == ""


def test_source_falls_back_to_the_feed_host() -> None:
    (entry,) = parse_feed(rss(item(), channel=""), "https://www.sahel-watch.example/rss").entries
    assert entry.source == "sahel-watch.example"


# --- broken and non-feeds -----------------------------------------------------------------


def test_leading_blank_line_before_the_declaration() -> None:
    feed = parse_feed(b"\n  \n" + RSS_2.encode(), FEED_URL)
    assert feed.recovered is None
    assert len(feed.entries) == 2


def test_byte_order_mark_and_blank_line() -> None:
    feed = parse_feed(codecs.BOM_UTF8 + b"\r\n" + RSS_2.encode(), FEED_URL)
    assert feed.recovered is None and len(feed.entries) == 2


def test_not_well_formed_feed_keeps_its_entries() -> None:
    items = item("Kept one", "First.") + "<item><title>Kept two</b></title></item>"
    feed = parse_feed(rss(items))
    assert [entry.title for entry in feed.entries] == ["Kept one", "Kept two"]
    assert feed.recovered is not None
    assert feed.recovered.startswith("not well-formed XML (line 2: mismatched tag)")
    assert feed.recovered.endswith("the 2 entries found were kept")
    assert "\n" not in feed.recovered


def test_feed_cut_short_keeps_the_entries_before_the_cut() -> None:
    data = RSS_2.encode()
    cut = data[: data.index(b"<title>Grain prices")]
    feed = parse_feed(cut, FEED_URL)
    assert feed.recovered is not None and "1 entry found was kept" in feed.recovered
    assert feed.entries[0].title == "Rains return to the Niger river basin"


def test_broken_feed_without_entries_is_refused() -> None:
    message = refusal(b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</b>')
    assert message.startswith("not well-formed XML (line 2")
    assert message.endswith("no entries could be read")


def test_valid_feed_without_entries_is_not_an_error() -> None:
    feed = parse_feed(rss("", "<title>Quiet feed</title><link>https://quiet.example/</link>"))
    assert feed.entries == () and feed.recovered is None and feed.skipped == 0
    assert feed.title == "Quiet feed"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty file"),
        (b" \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not a feed: not XML"),
        (b"just some words, not markup", "not a feed: not XML"),
        (b"<!DOCTYPE html><html><body><p>Bienvenue</p></body></html>", "not a feed: an HTML page"),
        (b"<html lang='fr'><head><title>Page</title></head></html>", "not a feed: an HTML page"),
    ],
)
def test_not_a_feed(data: bytes, expected: str) -> None:
    assert refusal(data) == expected


def test_other_xml_is_not_a_feed() -> None:
    message = refusal(b'<?xml version="1.0"?><sitemap><loc>https://x.example/</loc></sitemap>')
    assert message == (
        "not a feed: XML whose root element is <sitemap>, not <rss>, <feed> or <rdf:RDF>"
    )


def test_broken_xml_of_another_kind_gives_the_parser_reason() -> None:
    message = refusal(b"<note><to>Bamako</from></note>")
    assert message == "not a feed: not well-formed XML (line 1: mismatched tag)"


def test_a_string_is_never_fetched_or_opened(tmp_path: Path) -> None:
    # feedparser opens a path or fetches a URL given as its input; parse_feed must not.
    local = tmp_path / "local.rss"
    local.write_bytes(rss(item("Secret local file")))
    with pytest.raises(NotAFeed):
        parse_feed(str(local).encode())
    with pytest.raises(NotAFeed):
        parse_feed(b"http://127.0.0.1:9/feed.xml")


# --- sniffing and discovery ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        RSS_2.encode(),
        ATOM.encode(),
        RSS_1.encode(),
        RSS_091,
        codecs.BOM_UTF8 + b"\n<?xml version='1.0'?>\n<!-- c -->\n<?xml-stylesheet href='a'?><rss>",
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd"><rss>',
        codecs.BOM_UTF16_LE + "<?xml version='1.0'?><rss version='2.0'>".encode("utf-16-le"),
        b"<feed xmlns='http://purl.org/atom/ns#' version='0.3'>",
    ],
)
def test_looks_like_feed(data: bytes) -> None:
    assert looks_like_feed(data)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<!DOCTYPE html><html><head><link rel='alternate' type='application/rss+xml'></head>",
        b"<feed><entry/></feed>",  # no Atom namespace
        b"<?xml version='1.0'?><sitemap/>",
        b'{"version": "https://jsonfeed.org/version/1.1"}',
        b"rss",
    ],
)
def test_does_not_look_like_feed(data: bytes) -> None:
    assert not looks_like_feed(data)


@pytest.mark.parametrize(
    "content_type",
    ["application/rss+xml", "application/atom+xml; charset=utf-8", "Application/RDF+XML"],
)
def test_feed_content_types(content_type: str) -> None:
    assert looks_like_feed(b"", content_type)
    assert not looks_like_feed(b"<html>", "text/html; charset=utf-8")


PAGE = """<!DOCTYPE html>
<html><head>
<title>Sahel Watch</title>
<base href="/fr/">
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Toutes les actualités" href="feed.rss">
<link rel="alternate" type="application/atom+xml" title="Atom &amp; co" href="/atom.xml">
<link rel="alternate" type="application/rss+xml" title="Again" href="https://sahel-watch.example/fr/feed.rss">
<link rel="alternate" hreflang="en" href="https://sahel-watch.example/en/">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="Alternate Feed" type="application/rdf+xml" href="//cdn.sahel-watch.example/rdf">
<link rel="alternate" type="application/json" href="/feed.json">
</head><body><p>Accueil</p></body></html>
"""


def test_feed_links() -> None:
    assert feed_links(PAGE, "https://sahel-watch.example/index.html") == [
        ("https://sahel-watch.example/fr/feed.rss", "Toutes les actualités"),
        ("https://sahel-watch.example/atom.xml", "Atom & co"),
        ("https://cdn.sahel-watch.example/rdf", ""),
    ]


def test_feed_links_without_base_element() -> None:
    page = PAGE.replace('<base href="/fr/">', "")
    links = feed_links(page, "https://sahel-watch.example/news/index.html")
    assert links[0] == ("https://sahel-watch.example/news/feed.rss", "Toutes les actualités")


def test_feed_links_on_nothing() -> None:
    assert feed_links("", "https://x.example/") == []
    assert feed_links("<p>no head</p>", "https://x.example/") == []


# --- feed files ---------------------------------------------------------------------------


def test_supported_suffixes_include_feeds() -> None:
    assert {".rss", ".atom", ".xml", ".rdf"} <= SUPPORTED_SUFFIXES


@pytest.mark.parametrize(("name", "content"), [("news.rss", RSS_2), ("journal.atom", ATOM)])
def test_read_file_on_feed_files(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    stream = read_file(path)
    drafts = list(stream)
    assert len(drafts) == 2
    assert all(draft.origin == str(path) for draft in drafts)
    assert all(draft.guid for draft in drafts)
    assert stream.skipped == 0


def test_read_file_on_an_xml_feed_counts_skipped_entries(tmp_path: Path) -> None:
    path = tmp_path / "sahel.xml"
    path.write_bytes(rss(item("One", guid="a") + item("Two", guid="a") + item(None, None)))
    stream = read_file(path)
    assert [draft.title for draft in stream] == ["One"]
    assert stream.skipped == 2
    assert stream.skip_reasons == {"same guid as an earlier entry": 1, "no title or text": 1}


def test_read_file_keeps_the_entries_of_a_broken_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(rss(item("Kept", "Text.") + "<item><title>Also</b></title></item>"))
    assert [draft.title for draft in read_file(path)] == ["Kept", "Also"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<?xml version='1.0'?><config><debug>true</debug></config>", "not a feed: XML whose"),
        (b"<html><body>Hello</body></html>", "not a feed: an HTML page"),
        (rss(""), "no entries in this feed"),
        (rss(item(None, None)), "no article text found (1 skipped: 1 no title or text"),
        (b"   ", "empty file"),
    ],
)
def test_read_file_refuses_xml_that_gives_nothing(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "data.xml"
    path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        read_file(path)
    assert str(caught.value).startswith(expected)


def test_misdeclared_encoding_is_recovered_not_refused() -> None:
    # No declaration means UTF-8, but these bytes are Windows-1252.
    data = rss(item("Kidal: l'école rouvre", "Les élèves reviennent."), declaration=False)
    cp1252 = data.decode().encode("cp1252")
    feed = parse_feed(cp1252)
    assert feed.entries[0].title == "Kidal: l'école rouvre"
    assert feed.recovered is not None and feed.recovered.startswith("wrong encoding")
    empty = parse_feed(rss("", "<title>Météo</title>", declaration=False).decode().encode("cp1252"))
    assert empty.entries == () and empty.title == "Météo"
