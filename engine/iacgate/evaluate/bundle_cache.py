"""The key of a compiled Rego bundle: everything that goes into ``Interpreter.build``, and the engine."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import regopy

from iacgate.cache import cache_base

# Bump when the way the evaluator builds its bundle changes (strict builtins, router shape).
BUNDLE_FORMAT = "2"


def bundle_path(modules: Sequence[tuple[str, str]], entrypoints: Sequence[str]) -> Path | None:
    """Where the bundle of these modules (name, text) and entrypoints is cached, or None without a cache."""
    base = cache_base()
    if base is None:
        return None
    digest = hashlib.sha256(f"{BUNDLE_FORMAT}\0{regopy.__version__}\0".encode())
    for name, text in modules:
        digest.update(f"{len(name)}:{name}{len(text)}:".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
    digest.update("\0".join(entrypoints).encode())
    return base / f"rego-{regopy.__version__}" / f"{digest.hexdigest()}.rbb"
