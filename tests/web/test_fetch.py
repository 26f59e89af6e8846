"""The fetcher against a real server on 127.0.0.1: nothing mocked, nothing off the machine."""

from __future__ import annotations

import gzip
import itertools
import socket
import threading
import time
import zlib
from collections.abc import Iterator

import pytest

from sahelreader.web.fetch import (
    ACCEPT_PAGE,
    USER_AGENT,
    Fetcher,
    FetchError,
    FetchLimits,
    web_url,
)
from tests.web.local_server import LocalServer, Reply, Seen

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
SMALL = FetchLimits(timeout=0.5, total_timeout=1.0, max_bytes=64 * 1024)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher() as client:
        yield client


def headers_of(seen: Seen) -> dict[str, str]:
    return {name.lower(): value for name, value in seen.headers.items()}


def fetch_error(fetcher: Fetcher, url: str, **kwargs: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.get(url, **kwargs)
    return caught.value


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- success -------------------------------------------------------------------------------------


def test_200_body_type_charset_and_url(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route(
        "/feed.xml",
        Reply(
            200,
            RSS,
            headers={
                "Content-Type": 'Application/RSS+XML; Charset="UTF-8"',
                "ETag": '"v1"',
                "Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT",
            },
        ),
    )
    response = fetcher.get(url)
    assert response.status == 200
    assert response.content == RSS
    assert response.content_type == "application/rss+xml"
    assert response.charset == "utf-8"
    assert response.url == url
    assert response.etag == '"v1"'
    assert response.last_modified == "Wed, 01 Jan 2025 00:00:00 GMT"
    assert response.moved_to is None
    assert not response.not_modified


def test_no_content_type_is_empty(server: LocalServer, fetcher: Fetcher) -> None:
    response = fetcher.get(server.route("/plain", Reply(200, b"x")))
    assert (response.content_type, response.charset) == ("", None)


def test_user_agent_and_accept_are_sent(server: LocalServer, fetcher: Fetcher) -> None:
    fetcher.get(server.route("/feed", Reply(200, RSS)))
    fetcher.get(server.route("/page", Reply(200, b"<html></html>")), accept=ACCEPT_PAGE)
    feed, page = headers_of(server.seen("/feed")[0]), headers_of(server.seen("/page")[0])
    assert feed["user-agent"] == USER_AGENT == page["user-agent"]
    assert USER_AGENT.startswith("sahelreader/")
    assert "application/rss+xml" in feed["accept"]
    assert page["accept"] == ACCEPT_PAGE
    assert "gzip" in feed["accept-encoding"]


def test_feed_scheme_is_fetched_as_http(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/feed", Reply(200, RSS))
    assert fetcher.get("feed:" + url).content == RSS
    assert fetcher.get(url.replace("http://", "feed://")).content == RSS


# -- conditional GET -----------------------------------------------------------------------------


def test_304_with_etag(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/feed", Reply(304))
    response = fetcher.get(url, etag='"v1"')
    assert response.not_modified
    assert response.status == 304
    assert response.content == b""
    assert response.etag == '"v1"'  # carried over: the 304 did not repeat it
    assert response.last_modified is None
    assert headers_of(server.seen("/feed")[0])["if-none-match"] == '"v1"'


def test_304_with_last_modified(server: LocalServer, fetcher: Fetcher) -> None:
    stamp = "Wed, 01 Jan 2025 00:00:00 GMT"
    url = server.route("/feed", Reply(304, headers={"ETag": '"v2"'}))
    response = fetcher.get(url, last_modified=stamp)
    assert response.not_modified
    assert response.last_modified == stamp
    assert response.etag == '"v2"'  # the server's own wins
    sent = headers_of(server.seen("/feed")[0])
    assert sent["if-modified-since"] == stamp
    assert "if-none-match" not in sent


def test_unconditional_get_sends_no_validators(server: LocalServer, fetcher: Fetcher) -> None:
    fetcher.get(server.route("/feed", Reply(200, RSS)))
    sent = headers_of(server.seen("/feed")[0])
    assert "if-none-match" not in sent and "if-modified-since" not in sent


# -- redirects -----------------------------------------------------------------------------------


def test_permanent_chain_reports_moved_to(server: LocalServer, fetcher: Fetcher) -> None:
    final = server.route("/new", Reply(200, RSS))
    server.route("/middle", Reply(308, headers={"Location": "/new"}))
    start = server.route("/old", Reply(301, headers={"Location": server.url("/middle")}))
    response = fetcher.get(start)
    assert response.content == RSS
    assert response.url == final
    assert response.moved_to == final


def test_temporary_redirect_is_not_a_move(server: LocalServer, fetcher: Fetcher) -> None:
    final = server.route("/today", Reply(200, RSS))
    start = server.route("/latest", Reply(302, headers={"Location": "/today"}))
    response = fetcher.get(start)
    assert response.url == final
    assert response.moved_to is None


def test_one_temporary_hop_in_a_chain_is_not_a_move(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/c", Reply(200, RSS))
    server.route("/b", Reply(307, headers={"Location": "/c"}))
    start = server.route("/a", Reply(301, headers={"Location": "/b"}))
    assert fetcher.get(start).moved_to is None


def test_too_many_redirects(server: LocalServer) -> None:
    start = server.route("/loop", Reply(302, headers={"Location": "/loop"}))
    with Fetcher(FetchLimits(max_redirects=3)) as fetcher:
        error = fetch_error(fetcher, start)
    assert error.kind == "redirects"
    assert str(error) == "too many redirects (more than 3)"
    assert len(server.seen("/loop")) == 4


def test_redirect_to_a_broken_address_is_an_error(server: LocalServer, fetcher: Fetcher) -> None:
    start = server.route("/away", Reply(302, headers={"Location": "http://a..b/rss"}))
    assert fetch_error(fetcher, start).kind == "not-http"


def test_redirect_to_ftp_is_refused(server: LocalServer, fetcher: Fetcher) -> None:
    start = server.route("/away", Reply(301, headers={"Location": "ftp://127.0.0.1/feed.xml"}))
    error = fetch_error(fetcher, start)
    assert error.kind == "not-http"
    assert "ftp:" in str(error)


# -- HTTP errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "reason"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")]
)
def test_http_error_status(server: LocalServer, fetcher: Fetcher, status: int, reason: str) -> None:
    error = fetch_error(fetcher, server.route("/x", Reply(status, b"nope")))
    assert (error.kind, error.status, str(error)) == ("http", status, reason)


def test_unknown_status_still_reads(server: LocalServer, fetcher: Fetcher) -> None:
    error = fetch_error(fetcher, server.route("/x", Reply(599, b"")))
    assert (error.kind, error.status) == ("http", 599)
    assert str(error).startswith("HTTP 599")


# -- time and size -------------------------------------------------------------------------------


def test_slow_server_times_out_quickly(server: LocalServer) -> None:
    url = server.route("/slow", Reply(200, RSS, delay=3.0))
    started = time.monotonic()
    with Fetcher(FetchLimits(timeout=0.5)) as fetcher:
        error = fetch_error(fetcher, url)
    assert time.monotonic() - started < 1.5
    assert error.kind == "timeout"
    assert str(error) == "timed out after 0.5 s"


def test_trickle_stops_at_total_timeout(server: LocalServer) -> None:
    def trickle() -> Iterator[bytes]:
        while True:
            yield b"<"
            time.sleep(0.05)

    url = server.route("/trickle", Reply(200, trickle()))
    started = time.monotonic()
    with Fetcher(FetchLimits(timeout=0.3, total_timeout=0.6)) as fetcher:
        error = fetch_error(fetcher, url)
    assert error.kind == "timeout"
    assert "0.6 s" in str(error)
    assert time.monotonic() - started < 1.5


def test_endless_body_stops(server: LocalServer) -> None:
    def endless() -> Iterator[bytes]:
        for _ in itertools.count():
            yield b"x" * 4096
            time.sleep(0.005)

    url = server.route("/endless", Reply(200, endless()))
    started = time.monotonic()
    with Fetcher(SMALL) as fetcher:
        error = fetch_error(fetcher, url)
    assert error.kind in ("too-large", "timeout")
    assert time.monotonic() - started < 1.8


def test_too_large_by_content_length(server: LocalServer) -> None:
    url = server.route("/big", Reply(200, b"x" * (SMALL.max_bytes + 1)))
    with Fetcher(SMALL) as fetcher:
        error = fetch_error(fetcher, url)
    assert error.kind == "too-large"
    assert str(error) == "larger than 64 KB (the limit)"


def test_too_large_streamed_without_length(server: LocalServer) -> None:
    chunks = [b"y" * 8192] * 20  # 160 KB, no Content-Length
    url = server.route("/big", Reply(200, iter(chunks)))
    with Fetcher(SMALL) as fetcher:
        assert fetch_error(fetcher, url).kind == "too-large"


def test_exactly_the_limit_is_fine(server: LocalServer) -> None:
    body = b"z" * SMALL.max_bytes
    url = server.route("/edge", Reply(200, iter([body[:1000], body[1000:]])))
    with Fetcher(SMALL) as fetcher:
        assert fetcher.get(url).content == body


def test_default_limit_reads_in_megabytes() -> None:
    assert FetchLimits().max_bytes == 10 * 1024 * 1024


# -- compression ---------------------------------------------------------------------------------


def test_gzip_body_is_decoded(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/gz", Reply(200, RSS * 50, gzip=True))
    assert fetcher.get(url).content == RSS * 50


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
def test_deflate_body_is_decoded(server: LocalServer, fetcher: Fetcher, wbits: int) -> None:
    packer = zlib.compressobj(wbits=wbits)
    packed = packer.compress(RSS * 50) + packer.flush()
    url = server.route("/deflate", Reply(200, packed, headers={"Content-Encoding": "deflate"}))
    assert fetcher.get(url).content == RSS * 50


def test_gzip_bomb_is_too_large(server: LocalServer) -> None:
    bomb = gzip.compress(b"\0" * (32 * 1024 * 1024), compresslevel=9)  # about 32 KB on the wire
    limits = FetchLimits(timeout=1.0, max_bytes=1024 * 1024)
    assert len(bomb) < limits.max_bytes
    url = server.route("/bomb", Reply(200, bomb, headers={"Content-Encoding": "gzip"}))
    with Fetcher(limits) as fetcher:
        error = fetch_error(fetcher, url)
    assert error.kind == "too-large"
    assert str(error) == "larger than 1 MB (the limit)"


def test_damaged_gzip_is_a_network_error(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/bad", Reply(200, b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    assert fetch_error(fetcher, url).kind == "network"


# -- schemes and addresses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("ftp://127.0.0.1/feed.xml", "ftp:"),
        ("file:///etc/passwd", "file:"),
        ("javascript:alert(1)", "javascript:"),
        ("mailto:desk@example.org", "mailto:"),
    ],
)
def test_other_schemes_are_refused_before_any_network(url: str, scheme: str) -> None:
    with Fetcher() as fetcher:
        fetcher._client.close()  # a closed client raises if anything tried the network
        error = fetch_error(fetcher, url)
    assert error.kind == "not-http"
    assert str(error) == f"only http and https links are fetched, not {scheme}"


@pytest.mark.parametrize("text", ["", "   ", "/var/feeds/rss.xml", "example.org/rss", "http://"])
def test_not_addresses_are_refused(text: str, fetcher: Fetcher) -> None:
    error = fetch_error(fetcher, text)
    assert error.kind == "not-http"
    assert "not a web address" in str(error)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.org/rss", "https://example.org/rss"),
        ("  http://example.org/feed?x=1#top \n", "http://example.org/feed?x=1#top"),
        ("HTTPS://Example.org/Feed", "https://Example.org/Feed"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/"),
        ("http://[::1]/rss", "http://[::1]/rss"),
        ("feed://example.org/rss", "http://example.org/rss"),
        ("FEED://example.org/rss", "http://example.org/rss"),
        ("feed:https://example.org/rss", "https://example.org/rss"),
        ("feed:http://example.org/rss", "http://example.org/rss"),
        ("", None),
        ("   ", None),
        ("/home/me/feed.xml", None),
        ("example.org/rss", None),
        ("//example.org/rss", None),
        ("mailto:desk@example.org", None),
        ("ftp://example.org/rss", None),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("http://", None),
        ("https:///path", None),
        ("http://exa mple.org/", None),
        ("http://example.org:port/", None),
        ("feed:example.org/rss", None),
        ("feed:ftp://example.org/rss", None),
        ("http://a..b/", None),
        ("http://" + "a" * 64 + ".org/", None),
        ("http://127.0.0.1/\udcff", None),
    ],
)
def test_web_url(text: str, expected: str | None) -> None:
    assert web_url(text) == expected


# -- connections ---------------------------------------------------------------------------------


def test_connection_refused(fetcher: Fetcher) -> None:
    port = closed_port()
    error = fetch_error(fetcher, f"http://127.0.0.1:{port}/rss")
    assert error.kind == "connect"
    assert str(error) == f"connection refused by 127.0.0.1:{port}"


def test_unknown_host_is_dns(fetcher: Fetcher) -> None:
    error = fetch_error(fetcher, "http://feeds.example.invalid/rss")
    assert error.kind in ("dns", "connect")  # "connect" where a resolver says it differently
    if error.kind == "dns":
        assert str(error) == "cannot resolve host feeds.example.invalid (DNS)"


def test_tls_to_a_plain_server_is_tls(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/feed", Reply(200, RSS))
    error = fetch_error(fetcher, server.url("/feed").replace("http://", "https://"))
    assert error.kind == "tls"
    assert str(error).startswith("TLS: ")


def test_http_proxy_is_used(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    server.route("/rss", Reply(200, RSS, headers={"Content-Type": "application/rss+xml"}))
    monkeypatch.setenv("HTTP_PROXY", server.url(""))
    with Fetcher() as fetcher:
        response = fetcher.get("http://feeds.example.invalid/rss")
    assert response.content == RSS
    assert response.url == "http://feeds.example.invalid/rss"
    [seen] = server.seen("/rss")
    assert headers_of(seen)["host"] == "feeds.example.invalid"


def test_no_proxy_bypasses_the_proxy(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    server.route("/rss", Reply(200, RSS))
    monkeypatch.setenv("HTTP_PROXY", server.url(""))
    monkeypatch.setenv("NO_PROXY", "feeds.example.invalid")
    with Fetcher() as fetcher:
        error = fetch_error(fetcher, "http://feeds.example.invalid/rss")
    assert error.kind in ("dns", "connect")
    assert server.seen("/rss") == []


@pytest.mark.parametrize("per_host", [2, 3])
def test_requests_to_one_host_are_limited(server: LocalServer, per_host: int) -> None:
    lock = threading.Lock()
    open_now = 0
    most = 0

    def slow(seen: Seen) -> Reply:
        nonlocal open_now, most
        with lock:
            open_now += 1
            most = max(most, open_now)
        time.sleep(0.3)
        with lock:
            open_now -= 1
        return Reply(200, RSS)

    url = server.route("/feed", slow)
    errors: list[BaseException] = []
    shared = Fetcher(FetchLimits(per_host=per_host))

    def fetch() -> None:
        try:
            shared.get(url)
        except Exception as error:  # reported below, not lost in a thread
            errors.append(error)

    with shared:
        threads = [threading.Thread(target=fetch) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(5)
    assert errors == []
    assert len(server.seen("/feed")) == 6
    assert most == per_host


def test_error_repr_and_kind() -> None:
    error = FetchError("http", "HTTP 404 Not Found", status=404)
    assert error.kind == "http" and error.status == 404
    assert str(error) == "HTTP 404 Not Found"
    assert "404" in repr(error)
