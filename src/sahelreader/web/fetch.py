"""Fetching feeds and pages over http(s), politely and within bounds.

A refresh asks for a hundred feeds at once from worker threads, and any of those servers may be
slow, gone, hostile or simply wrong. So one shared client does every request, and everything a
server can do to us is bounded: the scheme (only http and https, also after a redirect), the
wait (between bytes, and for the whole response, so an endless trickle ends), the size (counted
after decompression, so a small gzip bomb cannot fill memory), the redirects, and the number of
requests open to one host at a time, so a refresh never hammers one site.

Conditional GET (ETag, Last-Modified) is passed through so an unchanged feed costs a 304, and a
permanent redirect is reported so the caller can update the address it keeps.

Every failure becomes one :class:`FetchError` with a short `kind` a program can branch on and a
one-line reason a person can read; no httpx exception escapes :meth:`Fetcher.get`.

Proxies follow the usual environment variables (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY,
upper or lower case), as do SSL_CERT_FILE and SSL_CERT_DIR. They are read once, when the
:class:`Fetcher` is created: a change afterwards needs a new Fetcher.

The body is decompressed here rather than by httpx, because httpx inflates each network read
whole (a 64 KiB read of a gzip bomb is tens of megabytes at once); here no step produces more
than the bytes still allowed.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from typing import Literal
from urllib.parse import urlsplit

import httpx

from sahelreader import __version__

USER_AGENT = (
    f"sahelreader/{__version__} (terminal news reader; +https://pypi.org/project/sahelreader/)"
)
ACCEPT_FEED = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.7, */*;q=0.5"
)
ACCEPT_PAGE = "text/html,application/xhtml+xml, */*;q=0.8"

# The encodings decoded here (see `_Decoder`); asking for no others keeps br and zstd away.
_ACCEPT_ENCODING = "gzip, deflate"
_WEB_SCHEMES = ("http", "https")
_PERMANENT = (301, 308)
# Words the resolver's errors use on Linux, macOS and Windows.
_DNS_HINTS = (
    "name or service not known",
    "nodename nor servname",
    "getaddrinfo",
    "temporary failure in name resolution",
    "no address associated",
)

FetchErrorKind = Literal[
    "not-http", "dns", "connect", "timeout", "http", "too-large", "tls", "redirects", "network"
]


@dataclass(frozen=True)
class FetchLimits:
    timeout: float = 20.0  # connect timeout, and the longest wait between bytes
    total_timeout: float = 60.0  # whole response: an endless trickle stops here
    max_bytes: int = 10 * 1024 * 1024  # decompressed body cap
    max_redirects: int = 5
    per_host: int = 2  # concurrent requests to one host (politeness)


@dataclass(frozen=True)
class Response:
    url: str  # the final URL after redirects
    status: int  # 200-299, or 304
    content: bytes  # decompressed body; b"" on 304
    content_type: str  # media type, lowercased, without parameters; "" when unknown
    charset: str | None  # the Content-Type's charset parameter (lowercased), if any
    etag: str | None
    last_modified: str | None
    moved_to: str | None  # the new URL when every redirect on the way was permanent (301/308)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A fetch that failed; `str(error)` is a one-line reason for a person."""

    def __init__(self, kind: FetchErrorKind, reason: str, *, status: int | None = None) -> None:
        super().__init__(reason)
        self.kind: FetchErrorKind = kind
        self.status = status  # the HTTP status when kind == "http"

    def __repr__(self) -> str:
        return f"FetchError({self.kind!r}, {str(self)!r}, status={self.status!r})"


def web_url(text: str) -> str | None:
    """The http(s) URL `text` names, stripped; `feed://host/x` and `feed:https://host/x` become
    http(s) URLs; None when it is not an http(s) address (a path, mailto:, ftp:, javascript:,
    file:, an empty host)."""
    candidate = text.strip()
    if candidate[:5].lower() == "feed:":
        rest = candidate[5:]
        if rest[:7].lower() == "http://" or rest[:8].lower() == "https://":
            candidate = rest
        elif rest.startswith("//"):
            candidate = "http:" + rest
        else:
            return None
    if not candidate or any(char.isspace() or ord(char) < 32 for char in candidate):
        return None
    try:
        candidate.encode("utf-8")  # no lone surrogates
        parts = urlsplit(candidate)
        host, _port = parts.hostname, parts.port  # a port that is not a number: ValueError
        if host:
            host.encode("idna")  # an empty or over-long label: UnicodeError (a ValueError)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _WEB_SCHEMES or not host:
        return None
    return scheme + candidate[len(parts.scheme) :]


class Fetcher:
    """One http(s) client shared by every thread; :meth:`get` is safe to call concurrently."""

    def __init__(self, limits: FetchLimits = FetchLimits()) -> None:
        self.limits = limits
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()
        # trust_env (the default) reads the proxy and certificate variables now, once.
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": _ACCEPT_ENCODING},
            timeout=httpx.Timeout(limits.timeout, pool=limits.total_timeout),
            follow_redirects=True,
            max_redirects=limits.max_redirects,
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
            event_hooks={"request": [_refuse_other_schemes]},
            trust_env=True,
        )

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = ACCEPT_FEED,
    ) -> Response:
        """GET `url` (http, https, or feed: naming one), following redirects.

        With `etag` or `last_modified` the request is conditional, and an unchanged resource
        comes back as a 304 Response with no content. Raises FetchError for anything else than
        a 2xx or a 304.
        """
        target = web_url(url)
        if target is None:
            raise FetchError("not-http", _not_web_reason(url))
        headers = [(b"Accept", _header_bytes(accept))]
        if etag:
            headers.append((b"If-None-Match", _header_bytes(etag)))
        if last_modified:
            headers.append((b"If-Modified-Since", _header_bytes(last_modified)))
        with self._slot(urlsplit(target).netloc):
            try:
                return self._get(target, headers, etag, last_modified)
            except FetchError:
                raise
            except (httpx.HTTPError, httpx.InvalidURL, OSError, UnicodeError, zlib.error) as error:
                raise _translate(error, target, self.limits) from error

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _slot(self, netloc: str) -> threading.BoundedSemaphore:
        """The semaphore that limits open requests to one host (user info aside)."""
        host = netloc.rpartition("@")[2].lower()
        with self._hosts_lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = threading.BoundedSemaphore(self.limits.per_host)
            return slot

    def _get(
        self,
        url: str,
        headers: list[tuple[bytes, bytes]],
        etag: str | None,
        last_modified: str | None,
    ) -> Response:
        deadline = time.monotonic() + self.limits.total_timeout
        with self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status != 304 and not 200 <= status < 300:
                raise FetchError("http", _status_reason(response), status=status)
            content = b""
            if status != 304:
                length = response.headers.get("Content-Length", "").strip()
                if length.isdigit() and int(length) > self.limits.max_bytes:
                    raise self._too_large()
                content = self._read(response, deadline)
            content_type, charset = _media_type(response.headers.get("Content-Type", ""))
            history = response.history
            permanent = bool(history) and all(hop.status_code in _PERMANENT for hop in history)
            return Response(
                url=str(response.url),
                status=status,
                content=content,
                content_type=content_type,
                charset=charset,
                etag=response.headers.get("ETag") or (etag if status == 304 else None),
                last_modified=response.headers.get("Last-Modified")
                or (last_modified if status == 304 else None),
                moved_to=str(response.url) if permanent else None,
            )

    def _read(self, response: httpx.Response, deadline: float) -> bytes:
        """The decompressed body, stopped at max_bytes or at the deadline."""
        cap = self.limits.max_bytes
        decoder = _Decoder(response.headers.get("Content-Encoding", ""))
        body = bytearray()
        # iter_raw() with no chunk size yields each read as it arrives, so a trickle is timed.
        for raw in response.iter_raw():
            body += decoder.decode(raw, cap - len(body) + 1)
            if len(body) > cap:
                raise self._too_large()
            if time.monotonic() > deadline:
                raise FetchError(
                    "timeout", f"timed out after {_seconds(self.limits.total_timeout)} (in all)"
                )
        body += decoder.flush()
        if len(body) > cap:
            raise self._too_large()
        return bytes(body)

    def _too_large(self) -> FetchError:
        return FetchError("too-large", f"larger than {_size(self.limits.max_bytes)} (the limit)")


class _Decoder:
    """Undoes gzip or deflate Content-Encoding without ever producing more than asked for."""

    def __init__(self, content_encoding: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",")]
        codings = [c for c in codings if c not in ("", "identity")]
        self._deflate = codings == ["deflate"]
        self._first = True
        self._inflater: zlib._Decompress | None
        if not codings:
            self._inflater = None
        elif codings in (["gzip"], ["x-gzip"]):
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self._deflate:
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise FetchError("network", f"the server used an unsupported encoding: {codings}")

    def decode(self, data: bytes, max_length: int) -> bytes:
        """At most `max_length` (>= 1) bytes of `data` decoded. When fewer come back, all of
        `data` was used; when exactly `max_length` do, the caller is past its limit and stops."""
        if self._inflater is None:
            return data
        if self._inflater.eof:
            return b""  # anything after the end of the stream is padding
        try:
            out = self._inflater.decompress(data, max_length)
        except zlib.error:
            if not (self._deflate and self._first):
                raise
            # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._inflater.decompress(data, max_length)
        self._first = False
        return out

    def flush(self) -> bytes:
        if self._inflater is None or self._inflater.eof:
            return b""
        return self._inflater.flush()


def _refuse_other_schemes(request: httpx.Request) -> None:
    """A request hook: a redirect to ftp:, file: or anything else is not followed."""
    if request.url.scheme not in _WEB_SCHEMES:
        raise FetchError(
            "not-http",
            f"redirected to a {request.url.scheme}: link; only http and https links are fetched",
        )


def _translate(error: Exception, url: str, limits: FetchLimits) -> FetchError:
    """The FetchError for an httpx (or lower) exception."""
    chain = list(_causes(error))
    where = _host_port(error, url)
    if isinstance(error, httpx.TooManyRedirects):
        return FetchError("redirects", f"too many redirects (more than {limits.max_redirects})")
    if isinstance(error, httpx.TimeoutException) or _has(chain, TimeoutError):
        return FetchError("timeout", f"timed out after {_seconds(limits.timeout)}")
    for cause in chain:
        if isinstance(cause, ssl.SSLError):
            return FetchError("tls", f"TLS: {_ssl_reason(cause)}")
    if isinstance(error, httpx.UnsupportedProtocol):
        return FetchError("not-http", f"only http and https links are fetched: {error}")
    if isinstance(error, (httpx.InvalidURL, UnicodeError)):
        return FetchError("not-http", f"not a valid web address: {error}")
    if isinstance(error, zlib.error):
        return FetchError("network", f"the compressed body is damaged: {error}")
    if isinstance(error, httpx.ConnectError):
        text = " ".join(str(cause) for cause in chain).lower()
        if _has(chain, socket.gaierror) or any(hint in text for hint in _DNS_HINTS):
            return FetchError("dns", f"cannot resolve host {where[0]} (DNS)")
        if _has(chain, ConnectionRefusedError) or "refused" in text:
            return FetchError("connect", f"connection refused by {where[0]}:{where[1]}")
        return FetchError("connect", f"cannot connect to {where[0]}:{where[1]}: {_reason(error)}")
    return FetchError("network", f"network error: {_reason(error)}")


def _causes(error: BaseException) -> Iterator[BaseException]:
    """The error, then what caused it (httpx wraps httpcore, which wraps the OSError)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _has(chain: list[BaseException], *kinds: type[BaseException]) -> bool:
    return any(isinstance(cause, kinds) for cause in chain)


def _host_port(error: Exception, url: str) -> tuple[str, int]:
    """The host and port the failed request went to (after redirects, when httpx knows)."""
    try:
        request_url = error.request.url if isinstance(error, httpx.RequestError) else None
    except RuntimeError:  # an httpx error raised without its request
        request_url = None
    if request_url is not None:
        return request_url.host, request_url.port or _default_port(request_url.scheme)
    parts = urlsplit(url)
    try:
        given = parts.port
    except ValueError:
        given = None
    return parts.hostname or "", given or _default_port(parts.scheme)


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def _ssl_reason(error: ssl.SSLError) -> str:
    verify = getattr(error, "verify_message", None)
    if isinstance(verify, str) and verify:
        return verify
    if isinstance(error.reason, str) and error.reason:
        return error.reason.replace("_", " ").lower()
    return _reason(error)


def _reason(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def _status_reason(response: httpx.Response) -> str:
    try:
        phrase = HTTPStatus(response.status_code).phrase
    except ValueError:
        phrase = response.reason_phrase
    return f"HTTP {response.status_code} {phrase}".strip()


def _media_type(value: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") for "text/HTML; charset=UTF-8"."""
    media, _, parameters = value.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, given = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = given.strip().strip("\"'").strip().lower() or None
    return media.strip().lower(), charset


def _not_web_reason(text: str) -> str:
    stripped = text.strip()
    shown = stripped if len(stripped) <= 80 else stripped[:77] + "..."
    try:
        scheme = urlsplit(stripped).scheme.lower()
    except ValueError:
        scheme = ""
    after = stripped[len(scheme) + 1 :]
    # "C:\feeds" is a path and "localhost:8080/rss" lacks its scheme: neither names one.
    if len(scheme) > 1 and scheme not in _WEB_SCHEMES and not after[:1].isdigit():
        return f"only http and https links are fetched, not {scheme}:"
    return f"not a web address (it needs http:// or https://): {shown!r}"


def _header_bytes(value: str) -> bytes:
    # A validator a server sent may hold non-ASCII; httpx would refuse to encode it as text.
    return value.strip().encode("utf-8")


def _seconds(value: float) -> str:
    return f"{value:g} s"


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{round(count / (1024 * 1024), 1):g} MB"
    if count >= 1024:
        return f"{round(count / 1024, 1):g} KB"
    return f"{count} bytes"
