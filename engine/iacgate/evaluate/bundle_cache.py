"""Compiled Rego bundles in the cache: the key is everything that goes into ``Interpreter.build``, and the
engine; a bundle is loaded only when its sidecar entry vouches for exactly its bytes.

A bundle (``.rbb``, rego-cpp's binary format) is compiled policy: one that is not what iacgate compiled
could change any finding, and could call builtins the policy check (``safety.py``) refuses, because that
check reads policy source, not bundles; rego-cpp's parser of the format is C++ that was not written for
hostile input. No cheap check can prove a bundle equals its source (only compiling again does, which is
the cost the cache saves), so a bundle is bound to its key by a sidecar (``<digest>.rbb.json``, an
``iacgate.cache`` entry holding the sha256 of the bundle's bytes): a bundle of other sources, of another
version, a leftover from an older iacgate or a truncated file is compiled again. Someone able to write
the cache directory could also write a matching sidecar: the defence there is the directory's
ownership and permissions (``iacgate.cache``) and keeping CI caches to trusted runs.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import regopy

from iacgate.cache import (
    Entry,
    debug,
    directory,
    is_own,
    read_bytes,
    read_json,
    write_atomically,
    write_bytes,
    write_json,
)

# Bump when the way the evaluator builds its bundle changes (strict builtins, router shape, pruning).
BUNDLE_FORMAT = "3"
KIND = f"rego-{regopy.__version__}"


def bundles_kept() -> bool:
    """Whether compiled bundles are kept for later runs: a cache base whose directory is private."""
    return directory(KIND) is not None


def bundle_path(modules: Sequence[tuple[str, str]], entrypoints: Sequence[str]) -> Path | None:
    """Where the bundle of these modules (name, text) and entrypoints is cached, or None without a
    (private) cache."""
    found = directory(KIND)
    if found is None:
        return None
    digest = hashlib.sha256(f"{BUNDLE_FORMAT}\0{regopy.__version__}\0".encode())
    for name, text in modules:
        digest.update(f"{len(name)}:{name}{len(text)}:".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
    digest.update("\0".join(entrypoints).encode())
    return found / f"{digest.hexdigest()}.rbb"


def _sidecar(path: Path) -> Entry:
    return Entry(path.with_name(f"{path.name}.json"), "rego-bundle", path.stem)


def _sha256(path: Path) -> str | None:
    """The sha256 of the file at ``path`` if it is the user's own and nobody else can write it."""
    try:
        with open(path, "rb") as handle:
            if not is_own(os.fstat(handle.fileno())):
                debug(f"cache entry {path} ignored: not owned by the current user, or writable by others")
                return None
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def verified_bundle(path: Path) -> bool:
    """Whether the bundle file at ``path`` is the one this iacgate compiled for its key."""
    if not path.is_file():
        return False
    sidecar = _sidecar(path)
    vouched = read_json(sidecar)
    if not isinstance(vouched, dict) or not isinstance(vouched.get("sha256"), str):
        if vouched is not None or not sidecar.path.exists():
            debug(f"cache entry {path} ignored: no sidecar vouches for it; compiled again")
        return False
    if vouched["sha256"] != _sha256(path):
        debug(f"cache entry {path} ignored: content does not match its sidecar; compiled again")
        return False
    return True


def save_bundle(path: Path, save: Callable[[str], None]) -> None:
    """``save(file)`` writes the bundle; stored at ``path`` (atomically), then its sidecar."""
    digests: list[str] = []

    def write(temporary: str) -> None:
        save(temporary)
        found = _sha256(Path(temporary))
        if found is None:
            raise OSError(f"{temporary}: bundle not written")
        digests.append(found)

    write_atomically(path, write)
    if digests:
        write_json(_sidecar(path), {"sha256": digests[0]})


def _marker(path: Path) -> Entry:
    return Entry(path, "rego-compiles", path.stem)


def compiled_before(marker: Path) -> bool:
    """Whether the policies keyed by ``marker``'s name were found to compile by an earlier run."""
    return read_bytes(_marker(marker)) == b""


def remember_compiled(marker: Path) -> None:
    write_bytes(_marker(marker), b"")
