"""OPML subscription lists: reading them safely, and writing ones that read back the same."""

from __future__ import annotations

import codecs
import time
from datetime import datetime, timedelta, timezone

import lxml.etree
import pytest

from sahelreader.ingest import IngestError, OpmlFeed, read_opml, write_opml

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by another reader -->
<opml version="1.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Africa" title="Africa">
      <outline text="French">
        <outline type="rss" text="Radio Fleuve" xmlUrl="https://radio-fleuve.example/rss"
                 htmlUrl="https://radio-fleuve.example/"/>
        <outline text="Deeper">
          <outline type="rss" title="Le Journal de Gao" text="Journal"
                   xmlUrl="https://gao.example/feed.atom"/>
        </outline>
      </outline>
      <outline type="rss" text="Sahel Watch" xmlUrl="https://sahel-watch.example/feeds/news.rss"/>
    </outline>
    <outline type="rss" text="Top level" XMLURL="http://top.example/rss.xml"/>
    <outline type="rss" text="Again" xmlUrl="https://radio-fleuve.example/rss"/>
    <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
    <outline type="rss" text="Scripted" xmlUrl="javascript:alert(1)"/>
    <outline type="rss" text="Relative" xmlUrl="/feed.xml"/>
    <outline type="link" text="Just a link" url="https://example.org/"/>
    <outline text="Empty folder"/>
  </body>
</opml>
"""


def refusal(data: bytes) -> str:
    with pytest.raises(IngestError) as caught:
        read_opml(data)
    message = str(caught.value)
    assert message.startswith("not an OPML file: ") and "\n" not in message
    return message


def test_nested_outlines_give_categories() -> None:
    assert read_opml(NESTED) == [
        OpmlFeed(
            "https://radio-fleuve.example/rss",
            "Radio Fleuve",
            "https://radio-fleuve.example/",
            "Africa/French",
        ),
        OpmlFeed("https://gao.example/feed.atom", "Le Journal de Gao", "", "Africa/French/Deeper"),
        OpmlFeed("https://sahel-watch.example/feeds/news.rss", "Sahel Watch", "", "Africa"),
        OpmlFeed("http://top.example/rss.xml", "Top level"),
        # not http(s): given as written, for the importer to refuse with its reason
        OpmlFeed("file:///etc/passwd", "Local file"),
        OpmlFeed("javascript:alert(1)", "Scripted"),
        OpmlFeed("/feed.xml", "Relative"),
    ]


def test_duplicates_are_kept_once_and_non_http_urls_stay_one_line() -> None:
    urls = [feed.url for feed in read_opml(NESTED)]
    assert len(urls) == len(set(urls))
    odd = read_opml(
        b'<opml version="2.0"><body><outline type="rss" text="x" '
        b'xmlUrl="javascript:a&#10;lert(1)&#x202E;"/></body></opml>'
    )
    assert ["\n" not in feed.url and "\u202e" not in feed.url for feed in odd] == [True]


def test_a_feed_outline_holding_others() -> None:
    data = b"""<opml version="2.0"><body>
    <outline text="Parent" xmlUrl="https://a.example/rss">
      <outline text="Child" xmlUrl="https://b.example/rss"/>
    </outline></body></opml>"""
    assert [(feed.title, feed.category) for feed in read_opml(data)] == [
        ("Parent", ""),
        ("Child", ""),
    ]


def test_titles_are_cleaned() -> None:
    data = b"""<opml version="2.0"><body>
    <outline text="  Le &#x202E;Sahel &#10;&#9; aujourd&apos;hui " xmlUrl="https://a.example/rss"/>
    </body></opml>"""
    (feed,) = read_opml(data)
    assert feed.title == "Le Sahel aujourd'hui"


def test_deeply_nested_outlines() -> None:
    depth = 3000
    data = (
        b"<opml version='2.0'><body>"
        + b"<outline text='f'>" * depth
        + b"<outline text='deep' xmlUrl='https://deep.example/rss'/>"
        + b"</outline>" * depth
        + b"</body></opml>"
    )
    try:
        feeds = read_opml(data)
    except IngestError as error:  # libxml2 may refuse the depth itself; it must not crash
        assert "not well-formed XML" in str(error)
    else:
        assert feeds[0].url == "https://deep.example/rss"


def test_utf16_with_byte_order_mark() -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?><opml version="2.0"><body>'
    text += '<outline text="Ségou" xmlUrl="https://segou.example/rss"/></body></opml>'
    (feed,) = read_opml(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert feed.title == "Ségou"


def test_leading_blank_line() -> None:
    assert read_opml(b"\n\n" + NESTED)[0].title == "Radio Fleuve"


# --- refused ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "not an OPML file: the file is empty"),
        (b"  \n ", "not an OPML file: the file is empty"),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
            "not an OPML file: the root element is <rss> (a feed, not a list of feeds)",
        ),
        (b"<html><body/></html>", "not an OPML file: the root element is <html>"),
        (b"<opml version='2.0'><head/></opml>", "not an OPML file: it has no <body>"),
    ],
)
def test_not_opml(data: bytes, expected: str) -> None:
    assert refusal(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"<opml><body><outline text='x'></body></opml>",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"outline, xmlUrl",
        b"<opml><body><outline text='a & b' xmlUrl='https://a.example/'/></body></opml>",
    ],
)
def test_malformed_xml(data: bytes) -> None:
    assert "not well-formed XML" in refusal(data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY a "ha">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
  <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<opml version="2.0"><head><title>&i;</title></head>
<body><outline text="&i;" xmlUrl="https://laughs.example/rss"/></body></opml>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<opml version="2.0"><body><outline text="&secret;" xmlUrl="https://x.example/rss"/></body></opml>
"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_a_dtd_is_refused_quickly(data: bytes) -> None:
    started = time.monotonic()
    assert refusal(data) == "not an OPML file: it declares a DTD, which is not allowed"
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, b""])
def test_a_dtd_in_utf16_is_refused_too(bom: bytes) -> None:
    # Without a byte-order mark only the parser can read the encoding, and the DTD it saw is
    # checked after parsing.
    text = '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE opml [<!ENTITY a "ha">]>\n'
    text += '<opml version="2.0"><body><outline text="&a;" xmlUrl="https://x.example/rss"/>'
    text += "</body></opml>"
    assert refusal(bom + text.encode("utf-16-le")) == (
        "not an OPML file: it declares a DTD, which is not allowed"
    )


# --- writing ------------------------------------------------------------------------------

TRICKY = [
    OpmlFeed(
        "https://sahel-watch.example/rss?lang=fr&section=a%20b",
        'Tom & "Jerry" <Sahel> — Ségou',
        "https://sahel-watch.example/?a=1&b=2",
        "Afrique/Français",
    ),
    OpmlFeed("https://gao.example/feed.atom", "Journal de Gao", "", "Afrique"),
    OpmlFeed("https://top.example/rss", "ニュース • Ñandú"),
    OpmlFeed("http://bamako.example/rss", "Bamako 'quotes'", category="Afrique/Français"),
]


def test_round_trip() -> None:
    assert read_opml(write_opml(TRICKY).encode("utf-8")) == [
        TRICKY[0],
        TRICKY[3],  # grouped into its folder, which comes first
        TRICKY[1],
        TRICKY[2],
    ]


def test_opml_2_header() -> None:
    created = datetime(2024, 12, 3, 14, 5, tzinfo=timezone(timedelta(hours=1)))
    text = write_opml(TRICKY, title="Mes flux & co", created=created)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    root = lxml.etree.fromstring(text.encode())
    assert root.get("version") == "2.0"
    assert root.findtext("head/title") == "Mes flux & co"
    assert root.findtext("head/dateCreated") == "Tue, 03 Dec 2024 13:05:00 GMT"
    folder = root.find("body/outline")
    assert folder is not None and folder.get("text") == "Afrique" and folder.get("type") is None
    feed = root.find("body/outline/outline/outline")
    assert feed is not None
    assert feed.get("type") == "rss"
    assert feed.get("text") == feed.get("title") == 'Tom & "Jerry" <Sahel> — Ségou'
    assert feed.get("xmlUrl") == TRICKY[0].url
    assert feed.get("htmlUrl") == TRICKY[0].site_url
    plain = root.find("body/outline[@xmlUrl='https://top.example/rss']")
    assert plain is not None and plain.get("htmlUrl") is None


def test_default_date_is_now() -> None:
    root = lxml.etree.fromstring(write_opml([]).encode())
    assert root.findtext("head/title") == "sahelreader subscriptions"
    assert str(datetime.now(timezone.utc).year) in (root.findtext("head/dateCreated") or "")
    assert read_opml(write_opml([]).encode()) == []


def test_characters_xml_cannot_hold_are_dropped() -> None:
    feeds = [OpmlFeed("https://x.example/rss", "Bad\x00 \x1b[31mchars\ufffe\x07 here")]
    (feed,) = read_opml(write_opml(feeds).encode())
    assert feed.title == "Bad chars here"


def test_untitled_feed_is_written_with_its_url() -> None:
    (feed,) = read_opml(write_opml([OpmlFeed("https://x.example/rss", "")]).encode())
    assert feed.title == "https://x.example/rss"
