"""Talking to one OPA server: opa-python-client for what it covers, bounded retries, one-line errors.

opa-python-client gives the session (bearer token, TLS verification), policy upload and delete, data
queries and ad-hoc queries. Its own retry is switched off (``retries=0``): urllib3 never retries a POST
and does not count 503 as transient, so this module retries connection failures and 502/503/504 itself,
with exponential backoff, a bounded number of times, for every call alike.

Every loop here is bounded, by attempts and by the scan's deadline (``Deadline``, from ``--timeout``):
each request waits at most what is left of it. An answer of the wrong shape (a server that says ``200 {}``
to everything) is an ``EvaluationError`` naming the server, never a retry. A bearer token is sent over
plain http only to a loopback host, unless the user says ``--opa-insecure-http``; redirects are not
followed (an OPA server never sends one, and the token must not travel on).
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
from opa_client import OpaClient
from opa_client.errors import DeletePolicyError, RegoParseError

from iacgate.errors import ConfigError, EvaluationError

T = TypeVar("T")

ATTEMPTS = 4
BACKOFF_SECONDS = 0.2
TRANSIENT_STATUSES = frozenset({502, 503, 504})
# OPA reports builtin failures (a bad regex, an unparsable time) as errors instead of undefined, like
# the embedded engine: a failing builtin must end the scan, never read as "no finding".
STRICT = {"strict-builtin-errors": "true"}


# What a malformed answer makes opa-python-client raise while it reads it.
_MALFORMED = (ValueError, TypeError, AttributeError, KeyError)


class _Transient(Exception):
    """A failure worth another attempt; ``detail`` is what to say when the attempts run out."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True)
class Endpoint:
    scheme: str
    host: str
    port: int

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"


@dataclass(frozen=True)
class Deadline:
    """The time (``time.monotonic()``) by which all of a scan's OPA traffic must be done."""

    at: float
    seconds: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + seconds, seconds)

    def remaining(self) -> float:
        return self.at - time.monotonic()


def is_loopback(host: str) -> bool:
    """``localhost``, 127.0.0.0/8 or ::1, from the URL's text alone (no name is resolved)."""
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_transport(endpoint: Endpoint, token: str | None, insecure_http: bool) -> None:
    """Refuse to send a bearer token in clear text to another machine."""
    if token and endpoint.scheme == "http" and not is_loopback(endpoint.host) and not insecure_http:
        raise ConfigError(
            f"refusing to send the OPA token over plain http to {endpoint.url}: use an https:// URL, or "
            "pass --opa-insecure-http if the network between them is trusted"
        )


def parse_url(url: str | None) -> Endpoint:
    if not url:
        raise ConfigError("the opa engine needs a server URL (--opa-url or opa.url in iacgate.yaml)")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"OPA URL must look like https://host:port, got {url!r}")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        # opa-python-client addresses /v1 at the server root (its ad-hoc query URL ignores any prefix).
        raise ConfigError(f"OPA URL must not carry a path: {url!r}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise ConfigError(f"OPA URL has an invalid port: {url!r}") from None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return Endpoint(parts.scheme, host, port)


def _opa_message(response: requests.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    if isinstance(body, Mapping):
        message = str(body.get("message") or body.get("code") or f"HTTP {response.status_code}")
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], Mapping):
            message = f"{message}: {errors[0].get('message', '')}"
        return message.splitlines()[0] if message else f"HTTP {response.status_code}"
    return f"HTTP {response.status_code}"


class OpaServer:
    """One connection to an OPA server; every method raises ``EvaluationError`` with a one-line message.

    ``timeout`` bounds one request, ``deadline`` all of them (None: only the timeout).
    """

    def __init__(
        self,
        url: str | None,
        token: str | None,
        ca_bundle: str | None,
        timeout: float,
        deadline: Deadline | None = None,
        insecure_http: bool = False,
    ) -> None:
        self.endpoint = parse_url(url)
        check_transport(self.endpoint, token, insecure_http)
        verify: bool | str = False
        if self.endpoint.scheme == "https":
            verify = ca_bundle or True
        self.timeout = timeout
        self.deadline = deadline
        # The timeout of the request being made: what is left of the deadline, at most ``timeout``.
        self.request_timeout = timeout
        self._client = OpaClient(
            host=self.endpoint.host,
            port=self.endpoint.port,
            ssl=verify,
            token=token or None,
            retries=0,
            timeout=timeout,
        )
        self._client._session.max_redirects = 0
        # Data writes, removals and the policy listing go through a plain session with the same token and
        # TLS settings: the client's own session reports a read timeout as a connection failure.
        self.session = requests.Session()
        self.session.headers.update(self._client.headers or {})
        self.session.verify = verify if self.endpoint.scheme == "https" else True
        self.session.max_redirects = 0

    def malformed(self, what: str) -> EvaluationError:
        return EvaluationError(
            f"OPA server at {self.endpoint.url} gave a malformed answer to {what}: is it an OPA server?"
        )

    def extend_for_cleanup(self) -> None:
        """Removing what a scan uploaded gets one more request timeout, even past the deadline."""
        if self.deadline is not None and self.deadline.remaining() < self.timeout:
            self.deadline = Deadline(time.monotonic() + self.timeout, self.deadline.seconds)

    def left(self, what: str) -> float:
        """The timeout of the next request: at most ``timeout``, at most what is left of the deadline."""
        if self.deadline is None:
            return self.timeout
        remaining = self.deadline.remaining()
        if remaining <= 0:
            raise EvaluationError(
                f"OPA server at {self.endpoint.url}: the scan's OPA traffic ran past its deadline of "
                f"{self.deadline.seconds:g} s (--timeout), at {what}; the gate fails closed"
            )
        return min(self.timeout, remaining)

    def close(self) -> None:
        self._client.close_connection()
        self.session.close()

    def __enter__(self) -> OpaServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _failure(self, what: str, response: requests.Response) -> EvaluationError:
        if response.status_code in (401, 403):
            return EvaluationError(
                f"OPA server at {self.endpoint.url} refused {what}: authentication failed "
                f"(HTTP {response.status_code}: {_opa_message(response)}); check the OPA token"
            )
        return EvaluationError(f"OPA server at {self.endpoint.url} failed {what}: {_opa_message(response)}")

    def call(self, what: str, action: Callable[[], T]) -> T:
        """Run one request, retrying transient failures with exponential backoff, within the deadline."""
        last = ""
        for attempt in range(ATTEMPTS):
            if attempt:
                time.sleep(min(BACKOFF_SECONDS * 2 ** (attempt - 1), max(self.left(what), 0.0)))
            self.request_timeout = self._client.timeout = self.left(what)
            try:
                return action()
            except _Transient as exc:
                last = exc.detail
            except requests.HTTPError as exc:
                if exc.response is None:
                    raise EvaluationError(f"OPA server at {self.endpoint.url} failed {what}") from None
                if exc.response.status_code in TRANSIENT_STATUSES:
                    last = f"HTTP {exc.response.status_code}"
                    continue
                raise self._failure(what, exc.response) from None
            except requests.exceptions.SSLError as exc:
                raise EvaluationError(
                    f"TLS verification of the OPA server at {self.endpoint.url} failed "
                    f"({type(exc).__name__}); pass the server's CA with --opa-ca-bundle"
                ) from None
            except requests.exceptions.ReadTimeout:
                raise EvaluationError(
                    f"OPA server at {self.endpoint.url} did not answer {what} within "
                    f"{self.request_timeout:g}s"
                ) from None
            except requests.exceptions.TooManyRedirects:
                raise EvaluationError(
                    f"OPA server at {self.endpoint.url} answered {what} with a redirect (not followed)"
                ) from None
            except requests.ConnectionError as exc:
                last = f"unreachable ({_reason(exc)})"
            except requests.RequestException as exc:
                raise EvaluationError(f"OPA server at {self.endpoint.url} failed {what}: {exc}") from None
            except _MALFORMED:
                raise self.malformed(what) from None
        if last.startswith("unreachable"):
            raise EvaluationError(f"OPA server at {self.endpoint.url} is {last}, {ATTEMPTS} attempts")
        raise EvaluationError(
            f"OPA server at {self.endpoint.url} failed {what} after {ATTEMPTS} attempts: {last}"
        )

    def put_policy(self, policy_id: str, source: str) -> None:
        """Upload one module; a compile error is raised as ``RegoParseError`` for the caller to place."""

        def action() -> None:
            try:
                # rego_compat=False: the client would otherwise rewrite a rejected policy into another.
                self._client.update_policy_from_string(source, policy_id, rego_compat=False)
            except ValueError:
                # An error answer that is not JSON comes from a proxy in front of OPA (a 502 page).
                raise _Transient("the answer to a policy upload was not JSON") from None

        try:
            self.call(f"uploading policy {policy_id}", action)
        except RegoParseError as exc:
            if exc.expression == "unauthorized":
                raise EvaluationError(
                    f"OPA server at {self.endpoint.url} refused uploading policy {policy_id}: "
                    f"authentication failed ({exc.message}); check the OPA token"
                ) from None
            raise

    def delete_policy(self, policy_id: str) -> None:
        def action() -> None:
            try:
                self._client.delete_policy(policy_id)
            except DeletePolicyError as exc:
                if exc.expression != "resource_not_found":
                    raise EvaluationError(
                        f"OPA server at {self.endpoint.url} failed removing policy {policy_id}: {exc.message}"
                    ) from None
            except ValueError:
                raise _Transient("the answer to a policy delete was not JSON") from None

        self.call(f"removing policy {policy_id}", action)

    def put_data(self, path: str, value: dict[str, Any]) -> None:
        """PUT /v1/data/<path>: create or replace a document (OPA answers 204)."""
        what = f"writing data.{path.replace('/', '.')}"

        def action() -> None:
            response = self.session.put(
                f"{self.endpoint.url}/v1/data/{path}",
                json=value,
                timeout=self.request_timeout,
                allow_redirects=False,
            )
            if response.is_redirect:
                raise requests.exceptions.TooManyRedirects(response=response)
            response.raise_for_status()
            if response.status_code != 204:
                raise self.malformed(what)

        self.call(what, action)

    def delete_data(self, path: str) -> None:
        """DELETE /v1/data/<path>; a document that is not there is not an error."""
        what = f"removing data.{path.replace('/', '.')}"

        def action() -> None:
            response = self.session.delete(
                f"{self.endpoint.url}/v1/data/{path}", timeout=self.request_timeout, allow_redirects=False
            )
            if response.status_code not in (204, 404):
                response.raise_for_status()
                raise self.malformed(what)

        self.call(what, action)

    def policy_ids(self) -> list[str]:
        """The id of every module loaded on the server."""

        def action() -> Any:
            # GET /v1/policies itself: the client asks for /v1/policies/, which OPA answers with a
            # redirect, and redirects are not followed.
            response = self.session.get(
                f"{self.endpoint.url}/v1/policies", timeout=self.request_timeout, allow_redirects=False
            )
            if response.is_redirect:
                raise requests.exceptions.TooManyRedirects(response=response)
            response.raise_for_status()
            return response.json()

        answer = self.call("listing policies", action)
        result = answer.get("result") if isinstance(answer, Mapping) else None
        if not isinstance(result, list) or not all(
            isinstance(policy, Mapping) and isinstance(policy.get("id"), str) for policy in result
        ):
            raise self.malformed("listing policies")
        return [str(policy["id"]) for policy in result]

    def query_data(self, path: str, document: Mapping[str, Any]) -> Any:
        """POST /v1/data/<path> with an input; ``None`` when the value is undefined."""
        answer = self.call(
            f"evaluating data.{path}",
            lambda: self._client.query_rule(dict(document), path, query_params=STRICT),
        )
        if not isinstance(answer, Mapping):
            raise self.malformed(f"evaluating data.{path}")
        return answer.get("result")

    def query(self, text: str, document: Mapping[str, Any]) -> list[Any]:
        """POST /v1/query: the rows of bindings of an ad-hoc query."""
        answer = self.call(
            "an ad-hoc query", lambda: self._client.ad_hoc_query(text, dict(document), query_params=STRICT)
        )
        rows = answer.get("result", []) if isinstance(answer, Mapping) else None
        if not isinstance(rows, list):
            raise self.malformed("an ad-hoc query")
        return rows


def _reason(exc: requests.ConnectionError) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Connection reset", "Name or service not known", "timed out"):
        if marker in text:
            return marker.lower()
    return type(exc).__name__
