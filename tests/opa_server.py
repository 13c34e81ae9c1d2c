"""A real OPA server for tests: ``opa run --server`` on 127.0.0.1, on a free port, stopped afterwards.

The binary comes from ``IACGATE_OPA_BIN``, the pinned copy ``make opa`` installs
(``.tools/opa-<version>/opa``, version read from the Makefile), or ``opa`` on PATH; tests skip without one.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parent.parent
SKIP_REASON = "OPA binary not installed: run make opa (needs Go)"

AUTHZ_POLICY = """\
package system.authz

import rego.v1

default allow := false

allow if input.identity == "{token}"
"""


def pinned_version() -> str | None:
    match = re.search(r"^OPA_VERSION\s*:?=\s*(\S+)", (REPO / "Makefile").read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else None


def opa_binary() -> Path | None:
    configured = os.environ.get("IACGATE_OPA_BIN")
    if configured:
        return Path(configured) if Path(configured).is_file() else None
    version = pinned_version()
    if version:
        cached = REPO / ".tools" / f"opa-{version}" / "opa"
        if cached.is_file():
            return cached
    found = shutil.which("opa")
    return Path(found) if found else None


def require_opa() -> Path:
    binary = opa_binary()
    if binary is None:
        pytest.skip(SKIP_REASON)
    return binary


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class RunningOpa:
    url: str
    token: str | None


@contextmanager
def running_opa(
    load: Sequence[Path] = (), token: str | None = None, workdir: Path | None = None
) -> Iterator[RunningOpa]:
    binary = require_opa()
    port = free_port()
    command = [str(binary), "run", "--server", "--addr", f"127.0.0.1:{port}", "--log-level", "error"]
    headers = {}
    if token is not None:
        assert workdir is not None, "token authentication needs a directory for the authz policy"
        authz = workdir / "authz.rego"
        authz.write_text(AUTHZ_POLICY.format(token=token), encoding="utf-8")
        command += ["--authentication=token", "--authorization=basic", str(authz)]
        headers["Authorization"] = f"Bearer {token}"
    command += [str(path) for path in load]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if requests.get(f"{url}/health", headers=headers, timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                stderr = process.stderr.read().decode() if process.stderr else ""
                raise RuntimeError(f"opa run --server did not start: {stderr.strip()[:500]}")
            time.sleep(0.05)
        yield RunningOpa(url, token)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def policy_ids(server: RunningOpa) -> list[str]:
    headers = {"Authorization": f"Bearer {server.token}"} if server.token else {}
    answer = requests.get(f"{server.url}/v1/policies", headers=headers, timeout=5).json()
    return sorted(policy["id"] for policy in answer.get("result", []))


@pytest.fixture(scope="module")
def opa_server() -> Iterator[RunningOpa]:
    """An empty OPA server (upload mode), shared by the tests of one module."""
    with running_opa() as server:
        yield server
