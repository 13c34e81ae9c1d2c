"""Refusing Rego builtins that reach the network or the host before any policy is loaded.

Scanning must never touch the network or leak the environment (``opa.runtime()`` returns the process
environment, credentials included), whichever engine runs the policy and whoever wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from iacgate.errors import PackError

REFUSED_CALLS = ("http.send", "opa.runtime", "providers.aws.sign_req", "net.")

_STRING_OR_COMMENT = re.compile(r'"(?:\\.|[^"\\\n])*"|`[^`]*`|#[^\n]*')
_CALL = re.compile(r"(?<![\w.])((?:http\.send|opa\.runtime|providers\.aws\.sign_req|net\.[a-z_.]+))\s*\(")


def _blank(match: re.Match[str]) -> str:
    # Keep newlines so line numbers of what follows stay right.
    return re.sub(r"[^\n]", " ", match.group(0))


def code_only(source: str) -> str:
    """The source with comments and string literals blanked out, lines kept where they were."""
    return _STRING_OR_COMMENT.sub(_blank, source)


def refused_calls(source: str) -> list[tuple[int, str]]:
    """Lines and names of refused builtin calls, ignoring comments and string literals."""
    code = code_only(source)
    return [(code.count("\n", 0, match.start()) + 1, match.group(1)) for match in _CALL.finditer(code)]


def check_policies(files: Iterable[tuple[Path, str]]) -> None:
    for path, source in files:
        found = refused_calls(source)
        if found:
            line, name = found[0]
            raise PackError(
                f"{path}:{line}: policy calls {name}(), which is refused: "
                "scanning never reaches the network or the host"
            )
