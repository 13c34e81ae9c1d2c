"""The OPA client bounds every loop and the scan's traffic, names the server on a malformed answer, and keeps
the token off plain http to other hosts (#13 §2.8). Before #13 a server answering ``200 {}`` to everything
kept the upload-lock loop spinning (11,283 requests in 20 s).
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from iacgate.errors import ConfigError, EvaluationError
from iacgate.evaluate import EngineOptions
from iacgate.evaluate.opa import OpaEvaluator
from iacgate.graph import Graph
from security.rego_packs import PASSING, house, volume

# --- the OPA client: fake servers for the faults a real OPA does not make ----------------------------------

Answer = tuple[int, object]


@dataclass
class FakeOpa:
    """A fake OPA server on 127.0.0.1: ``answer(method, path)`` gives (status, JSON body); requests are
    counted. A fake, because these are faults a real OPA does not make."""

    answer: Callable[[str, str], Answer]
    requests: list[str] = field(default_factory=list)
    url: str = ""


StartFake = Callable[[Callable[[str, str], Answer]], FakeOpa]


@pytest.fixture
def fake_opa() -> Iterator[StartFake]:
    servers: list[ThreadingHTTPServer] = []

    def start(answer: Callable[[str, str], Answer]) -> FakeOpa:
        fake = FakeOpa(answer)

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                fake.requests.append(f"{self.command} {self.path}")
                status, body = fake.answer(self.command, self.path)
                data = b"" if status in (204, 304) else json.dumps(body).encode()
                self.send_response(status)
                if status == 302:
                    self.send_header("Location", f"{fake.url}/elsewhere")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_POST = do_DELETE = _handle

            def log_message(self, *_args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        fake.url = f"http://127.0.0.1:{server.server_address[1]}"
        return fake

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def opa_scan(tmp_path: Path, url: str, **options: object) -> None:
    rules = house(tmp_path, PASSING)
    OpaEvaluator(rules, EngineOptions(opa_url=url, **options)).evaluate(Graph((volume(),)), rules, {})


def test_a_server_answering_200_empty_to_everything_is_refused_at_once(
    tmp_path: Path, fake_opa: StartFake
) -> None:
    """Before #13 the upload-lock loop spun on this server (11,283 requests in 20 s); the lock is gone since
    pack versions have namespaces of their own (#19), and the first request's answer is refused."""
    fake = fake_opa(lambda _method, _path: (200, {}))
    with pytest.raises(
        EvaluationError,
        match=rf"OPA server at {fake.url} gave a malformed answer to writing data\.iacgate_packs",
    ):
        opa_scan(tmp_path, fake.url, timeout_seconds=2.0)
    assert 0 < len(fake.requests) <= 3


def test_every_call_has_bounded_tries(tmp_path: Path, fake_opa: StartFake) -> None:
    fake = fake_opa(lambda _method, _path: (503, {"message": "busy"}))
    with pytest.raises(
        EvaluationError,
        match=rf"OPA server at {fake.url} failed writing data\.iacgate_packs\.\w+ after 4 attempts",
    ):
        opa_scan(tmp_path, fake.url)
    assert len(fake.requests) == 4


def test_all_opa_traffic_of_a_scan_shares_one_deadline(tmp_path: Path, fake_opa: StartFake) -> None:
    """A server slow enough to pass each request's timeout but never finish: the scan's deadline ends it."""

    def answer(_method: str, path: str) -> Answer:
        threading.Event().wait(0.3)
        return 503, {}

    fake = fake_opa(answer)
    with pytest.raises(
        EvaluationError,
        match=rf"OPA server at {fake.url}: the scan's OPA traffic ran past its deadline of 0\.5 s",
    ):
        opa_scan(tmp_path, fake.url, timeout_seconds=5.0, deadline_seconds=0.5)
    assert len(fake.requests) <= 3


@pytest.mark.parametrize(
    ("path_part", "body"),
    [
        ("/v1/query", {"result": "not a list"}),
        ("/v1/data/iacgate_route", {"result": ["not", "an", "object"]}),
    ],
)
def test_answers_of_the_wrong_shape_name_the_server(
    tmp_path: Path, fake_opa: StartFake, path_part: str, body: object
) -> None:
    def answer(method: str, path: str) -> Answer:
        if path.startswith(path_part):
            return 200, body
        if path.startswith("/v1/data/iacgate_packs"):
            return (204, {}) if method in ("PUT", "DELETE") else (200, {"result": {}})
        if path.startswith("/v1/query"):
            # No module is there yet.
            return 200, {"result": [{"present": {}}]}
        if path.startswith("/v1/policies"):
            return 200, {"result": []} if method == "GET" else {}
        return 200, {}

    fake = fake_opa(answer)
    with pytest.raises(EvaluationError, match=rf"OPA server at {fake.url} gave a malformed answer"):
        opa_scan(tmp_path, fake.url)


def test_a_redirect_is_not_followed(tmp_path: Path, fake_opa: StartFake) -> None:
    fake = fake_opa(lambda _method, _path: (302, {}))
    with pytest.raises(EvaluationError, match=rf"OPA server at {fake.url}"):
        opa_scan(tmp_path, fake.url, opa_token="t0ken")
    assert all("elsewhere" not in request for request in fake.requests)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("no name may be resolved and no connection made")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize(
    "url", ["http://opa.example.invalid:8181", "http://10.0.0.8:8181", "http://[fd00::1]:8181"]
)
def test_a_token_is_refused_over_plain_http_to_another_host_before_any_connection(
    tmp_path: Path, url: str
) -> None:
    rules = house(tmp_path, PASSING)
    with pytest.raises(
        ConfigError, match=r"refusing to send the OPA token over plain http .*--opa-insecure-http"
    ) as refused:
        OpaEvaluator(rules, EngineOptions(opa_url=url, opa_token="s3cret"))
    assert refused.value.exit_code == 2 and url in str(refused.value)
    OpaEvaluator(rules, EngineOptions(opa_url=url, opa_token="s3cret", opa_insecure_http=True))
    OpaEvaluator(rules, EngineOptions(opa_url=url.replace("http:", "https:"), opa_token="s3cret"))
    OpaEvaluator(rules, EngineOptions(opa_url=url))


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8181", "http://127.8.9.10:8181", "http://localhost:8181", "http://[::1]:8181"]
)
def test_a_token_may_go_over_plain_http_to_a_loopback_host(tmp_path: Path, url: str) -> None:
    OpaEvaluator(house(tmp_path, PASSING), EngineOptions(opa_url=url, opa_token="s3cret"))
