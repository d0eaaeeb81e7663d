"""A local Argos package index for offline tests: ``http.server`` on 127.0.0.1, a free port, in a thread."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Route:
    body: bytes
    #: Send only this many bytes of the body, then close, while Content-Length promises all of it.
    cut_after: int | None = None
    status: int = 200


@dataclass
class IndexServer:
    base_url: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    user_agents: list[str] = field(default_factory=list)

    @property
    def index_setting(self) -> str:
        """The ``ARGOS_PACKAGE_INDEX`` value (argostranslate appends ``index.json``)."""
        return self.base_url + "/"

    def serve(self, path: str, body: bytes, cut_after: int | None = None, status: int = 200) -> str:
        self.routes[path] = Route(body, cut_after, status)
        return self.base_url + path

    def serve_index(self, entries: list[dict]) -> None:
        self.serve("/index.json", json.dumps(entries).encode())


def _handler_for(server: IndexServer) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append(self.path)
            server.user_agents.append(self.headers.get("User-Agent", ""))
            route = server.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            self.send_response(route.status)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            if route.cut_after is None:
                self.wfile.write(route.body)
                return
            self.wfile.write(route.body[: route.cut_after])
            self.wfile.flush()
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

    return Handler


@contextmanager
def running_index_server() -> Iterator[IndexServer]:
    state = IndexServer(base_url="")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(state))
    state.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
