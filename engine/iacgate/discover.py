"""Which files a scan reads: explicit files as given, directories walked without leaving their tree."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from iacgate.errors import UsageError

# Tool caches, VCS metadata and dependency trees hold copies or nothing of the author's IaC.
SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__", ".terraform", ".git", ".venv", "cdk.out"})


@dataclass(frozen=True)
class Candidate:
    path: Path
    relative: str
    explicit: bool


def scan_root(paths: Sequence[Path], cwd: Path) -> Path:
    """Reports name files relative to this: the working directory when every path is inside it."""
    resolved = [path.resolve() for path in paths]
    if all(path.is_relative_to(cwd) for path in resolved):
        return cwd
    return Path(os.path.commonpath([path if path.is_dir() else path.parent for path in resolved]))


def _inside(path: Path, tree: Path) -> bool:
    return path.resolve().is_relative_to(tree)


def _walk(directory: Path, suffixes: frozenset[str]) -> Iterable[Path]:
    tree = directory.resolve()
    for current, dirnames, filenames in os.walk(directory, followlinks=False):
        dirnames[:] = sorted(
            name for name in dirnames if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
        )
        for name in sorted(filenames):
            path = Path(current) / name
            if path.suffix.lower() in suffixes and not name.startswith(".") and _inside(path, tree):
                yield path


def discover(paths: Sequence[Path], root: Path, suffixes: frozenset[str]) -> tuple[Candidate, ...]:
    found: dict[Path, Candidate] = {}
    for given in paths:
        if not given.exists():
            raise UsageError(f"{given}: no such file or directory")
        if given.is_dir():
            for path in _walk(given, suffixes):
                resolved = path.resolve()
                found.setdefault(resolved, Candidate(path, _relative(resolved, root), explicit=False))
        else:
            resolved = given.resolve()
            found[resolved] = Candidate(given, _relative(resolved, root), explicit=True)
    return tuple(sorted(found.values(), key=lambda candidate: candidate.relative))


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
