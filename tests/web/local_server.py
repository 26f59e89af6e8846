"""A real HTTP server on 127.0.0.1 for tests: no mocked transport, nothing off the machine.

    with LocalServer() as server:
        server.route("/feed.xml", Reply(200, body=b"<rss>...</rss>", headers={"ETag": '"v1"'}))
        url = server.url("/feed.xml")
        ...
        assert server.requests[-1].headers["If-None-Match"] == '"v1"'

A route is a :class:`Reply` or a function of the :class:`Seen` request returning one; a Reply
whose `body` is an iterator of chunks is streamed (an endless body is an endless iterator).
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass(frozen=True)
class Seen:
    """A request the server received."""

    method: str
    path: str
    headers: dict[str, str]


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line (a slow server)
    gzip: bool = False  # compress `body` (bytes) and say so


Route = Reply | Callable[[Seen], Reply]


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        # A short poll makes shutdown (each test's teardown) take milliseconds, not half a second.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, reply: Route) -> str:
        """Serve `reply` at `path`; returns the full URL."""
        self.routes[path] = reply
        return self.url(path)

    def seen(self, path: str) -> list[Seen]:
        with self._lock:
            return [request for request in self.requests if request.path == path]

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # quiet: pytest shows failures, not access logs

            def do_HEAD(self) -> None:  # noqa: N802
                self._answer(with_body=False)

            def do_GET(self) -> None:  # noqa: N802
                self._answer(with_body=True)

            def _answer(self, with_body: bool) -> None:
                # A proxied request names the whole URL; the route is its path.
                path = self.path
                if "://" in path:
                    path = "/" + path.split("://", 1)[1].split("/", 1)[-1]
                seen = Seen(self.command, path, dict(self.headers.items()))
                with server._lock:
                    server.requests.append(seen)
                route = server.routes.get(path.split("?", 1)[0]) or server.routes.get(path)
                reply = Reply(404, b"not found") if route is None else route
                if callable(reply):
                    reply = reply(seen)
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self._send(reply, with_body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a size cap, a timeout): that is the test

            def _send(self, reply: Reply, with_body: bool) -> None:
                self.send_response(reply.status)
                headers = dict(reply.headers)
                body = reply.body
                if isinstance(body, bytes):
                    if reply.gzip:
                        body = gzip.compress(body)
                        headers["Content-Encoding"] = "gzip"
                    headers.setdefault("Content-Length", str(len(body)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if with_body and reply.status not in (204, 304):
                        self.wfile.write(body)
                    return
                # Streamed: no length, so the connection closes when the body ends.
                headers["Connection"] = "close"
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.close_connection = True
                if with_body:
                    for chunk in _chunks(body):
                        self.wfile.write(chunk)
                        self.wfile.flush()

        return Handler


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up (a cancelled refresh, a size cap) is what some tests do.
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def _chunks(body: Iterable[bytes]) -> Iterator[bytes]:
    yield from body
