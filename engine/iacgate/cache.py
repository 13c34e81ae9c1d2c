"""Where derived data that is costly to recompute lives, and how it is stored so that no entry can run
code, stand for another input, or survive a change of iacgate.

Base: ``$IACGATE_CACHE_DIR`` (empty: no cache), else ``$XDG_CACHE_HOME/iacgate``, else ``~/.cache/iacgate``;
never the scanned tree. Entries are named by a content hash (``key``), so a stale entry is never read.

- An entry is plain data: one JSON header line ``{"format", "iacgate", "kind", "key", "sha256"}`` and the
  payload (JSON, checked against its schema by the caller; or a compiled Rego bundle, ``bundle_cache``).
  Nothing is unpickled. A reader checks every header field against what it expects and the sha256 of
  the payload, and returns None on any mismatch: the caller recomputes (and rewrites the entry); with
  ``IACGATE_DEBUG=1`` a note on stderr says which entry and why.
- Directories are created 0700 and files 0600. A directory that is not owned by the current user, that
  group or others may write, or that lies inside a git work tree (the change under review could bring
  its own entries along) is not used, the way ssh ignores a ``~/.ssh`` others can write; nor is an entry
  file that is not the user's own.
- What remains: whoever can write the cache directory as the user can write an entry with a consistent
  header (key, version and digest are all computable from public inputs). The defence is the directory's
  ownership and permissions, and, in CI, never restoring a cache that an untrusted run could have saved.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iacgate import __version__

# Bump when the header or the meaning of a field changes.
FORMAT = 1
_HEADER_LIMIT = 4096


def debug(message: str) -> None:
    """A note for bug reports: on stderr under ``IACGATE_DEBUG=1``, nothing otherwise."""
    if os.environ.get("IACGATE_DEBUG"):
        sys.stderr.write(f"iacgate: debug: {message}\n")
        sys.stderr.flush()  # a forked evaluating child may end without flushing


def cache_base() -> Path | None:
    configured = os.environ.get("IACGATE_CACHE_DIR")
    if configured == "":
        return None
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "iacgate"


def is_own(status: os.stat_result) -> bool:
    """Owned by the current user and writable by nobody else (where the platform has owners)."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:
        return True
    return status.st_uid == geteuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def private_directory(path: Path) -> bool:
    """Create ``path`` (0700, its parent as needed) or check the existing one: a directory of the current
    user's that nobody else can write. Readable by others is tightened to 0700."""
    try:
        if not path.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.mkdir(mode=0o700, exist_ok=True)
        status = path.stat()
    except OSError as error:
        debug(f"cache directory {path} not usable: {error.strerror or error}")
        return False
    if not stat.S_ISDIR(status.st_mode) or not is_own(status):
        debug(f"cache directory {path} not used: not owned by the current user, or writable by others")
        return False
    if status.st_mode & 0o077:
        with contextlib.suppress(OSError):
            path.chmod(0o700)
    return True


def work_tree_of(path: Path) -> Path | None:
    """The git work tree ``path`` lies in (a directory holding ``.git``), or None."""
    resolved = path.resolve()
    for directory in (resolved, *resolved.parents):
        if (directory / ".git").exists():
            return directory
    return None


def directory(kind: str, temporary: bool = False) -> Path | None:
    """The private directory of one kind of entry under the cache base, or None: no cache, or a base or
    directory that others could have written. ``temporary``: without a cache base, a per-user directory
    under the system's temporary directory, for data derived from iacgate's own files only (the compiled
    HCL grammar), never from scanned content."""
    base = cache_base()
    if base is None:
        if not temporary:
            return None
        base = Path(tempfile.gettempdir()) / f"iacgate-{_user()}"
    tree = work_tree_of(base)
    if tree is not None:
        debug(f"cache directory {base} not used: it lies inside the git work tree {tree}")
        return None
    if not private_directory(base) or not private_directory(base / kind):
        return None
    return base / kind


def _user() -> str:
    geteuid = getattr(os, "geteuid", None)
    return str(geteuid()) if geteuid is not None else getpass.getuser()


@dataclass(frozen=True)
class Entry:
    """One cache file and what it must hold: the kind of data, computed for ``key`` (a content hash)."""

    path: Path
    kind: str
    key: str


def digest(*parts: str) -> str:
    """The sha256 of ``parts``, each length-prefixed so that no two lists of parts collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        hasher.update(f"{len(data)}:".encode())
        hasher.update(data)
    return hasher.hexdigest()


def entry(kind: str, *parts: str) -> Entry | None:
    """The entry of ``kind`` keyed by the digest of ``parts``; None without a (usable) cache."""
    found = directory(kind)
    if found is None:
        return None
    key = digest(*parts)
    return Entry(found / key, kind, key)


def _header(entry: Entry, payload: bytes) -> bytes:
    fields = {
        "format": FORMAT,
        "iacgate": __version__,
        "kind": entry.kind,
        "key": entry.key,
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    return json.dumps(fields, sort_keys=True).encode() + b"\n"


def _mismatch(entry: Entry, header: bytes, payload: bytes) -> str | None:
    """Why this header does not vouch for this payload as ``entry``, or None when it does."""
    try:
        fields = json.loads(header)
    except ValueError:
        return "no header (not written by this iacgate)"
    if not isinstance(fields, dict):
        return "no header (not written by this iacgate)"
    expected = {"format": FORMAT, "iacgate": __version__, "kind": entry.kind, "key": entry.key}
    for name, value in expected.items():
        if fields.get(name) != value or type(fields.get(name)) is not type(value):
            return f"{name} is {str(fields.get(name))[:80]!r}, expected {value!r}"
    if fields.get("sha256") != hashlib.sha256(payload).hexdigest():
        return "content does not match its sha256"
    return None


def read_bytes(entry: Entry | None) -> bytes | None:
    """The payload stored as ``entry``, or None (absent, not the user's own, or not vouched for by its
    header): then the caller recomputes."""
    if entry is None:
        return None
    try:
        with open(entry.path, "rb") as handle:
            if not is_own(os.fstat(handle.fileno())):
                debug(
                    f"cache entry {entry.path} ignored: not owned by the current user, or writable by others"
                )
                return None
            header = handle.readline(_HEADER_LIMIT)
            payload = handle.read()
    except FileNotFoundError:
        return None
    except OSError as error:
        debug(f"cache entry {entry.path} unreadable ({error.strerror or error}); recomputed")
        return None
    reason = _mismatch(entry, header, payload)
    if reason is not None:
        debug(f"cache entry {entry.path} ignored: {reason}; recomputed")
        return None
    return payload


def read_json(entry: Entry | None) -> Any:
    """The JSON value stored as ``entry``, or None; the caller still checks its shape (``rejected``)."""
    payload = read_bytes(entry)
    if payload is None:
        return None
    try:
        return json.loads(payload)
    except (ValueError, RecursionError):
        rejected(entry, "not JSON")
        return None


def rejected(entry: Entry | None, reason: str) -> None:
    """The caller found the entry's content not of the shape it needs: a debug note, then it recomputes."""
    if entry is not None:
        debug(f"cache entry {entry.path} ignored: {reason}; recomputed")


def write_bytes(entry: Entry | None, payload: bytes) -> None:
    if entry is None:
        return
    content = _header(entry, payload) + payload

    def write(temporary: str) -> None:
        Path(temporary).write_bytes(content)

    write_atomically(entry.path, write)


def write_json(entry: Entry | None, value: Any) -> None:
    """Store ``value`` as plain JSON; a value JSON cannot hold is not cached (the next run recomputes)."""
    if entry is None:
        return
    try:
        text = json.dumps(value, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError):
        rejected(entry, "value is not plain JSON data, not written")
        return
    write_bytes(entry, text.encode())


def write_atomically(target: Path, write: Callable[[str], None]) -> None:
    """``write(path)`` into a temporary file (0600) beside ``target``, then rename: readers never see half a
    file. Missing directories are created 0700. A cache that cannot be written is no error: the next run
    recomputes."""
    try:
        missing = [parent for parent in (target.parent, *target.parent.parents) if not parent.exists()]
        for parent in reversed(missing):
            parent.mkdir(mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        os.close(handle)
    except OSError:
        return
    try:
        write(temporary)
        os.replace(temporary, target)
    except Exception:
        Path(temporary).unlink(missing_ok=True)
