"""Where derived data that is costly to recompute lives: the user's cache directory, never the scanned tree.

``$IACGATE_CACHE_DIR`` (empty: no cache), else ``$XDG_CACHE_HOME/iacgate``, else ``~/.cache/iacgate``.
Entries are named by a content hash, so a stale entry is never read, only left behind.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_base() -> Path | None:
    configured = os.environ.get("IACGATE_CACHE_DIR")
    if configured == "":
        return None
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "iacgate"


def write_atomically(target: Path, write: Callable[[str], None]) -> None:
    """``write(path)`` into a temporary file beside ``target``, then rename: readers never see half a file.
    A cache that cannot be written is no error: the next run recomputes."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        os.close(handle)
    except OSError:
        return
    try:
        write(temporary)
        os.replace(temporary, target)
    except Exception:
        Path(temporary).unlink(missing_ok=True)


def entry(kind: str, *parts: str) -> Path | None:
    """The cache file for ``kind`` (a subdirectory) keyed by the sha256 of ``parts``; None without a cache."""
    base = cache_base()
    if base is None:
        return None
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(f"{len(data)}:".encode())
        digest.update(data)
    return base / kind / digest.hexdigest()


def read_pickle(path: Path | None) -> Any:
    """The value stored at ``path``, or None when absent or unreadable (then it is recomputed)."""
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def write_pickle(path: Path | None, value: Any) -> None:
    if path is None:
        return

    def dump(temporary: str) -> None:
        with open(temporary, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)

    write_atomically(path, dump)
