"""Which files a scan reads: explicit files as given, directories walked without leaving their tree.

Nothing under a walked directory is dropped silently: a subdirectory that cannot be listed (permissions,
a path too long, a directory removed during the walk; named with a trailing "/") and a link that cannot
be resolved (a loop) are offered like files, so reading them fails and the scan reports them by name and
fails closed. A symbolic link to a file is a file of the directory it lies in (Terraform reads it as one
of that module's files), under its own name, whatever it points to; one that leads outside the walked
tree or into ``.git`` is offered with the problem, never read, and the scan reports it as an error. So is
a linked directory leading there (one inside the tree is walked where its target lies).
"""

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
    # Why the file must not be read (a link out of the tree): reported as an error instead.
    problem: str = ""


def scan_root(paths: Sequence[Path], cwd: Path) -> Path:
    """Reports name files relative to this: the working directory when every path is inside it."""
    resolved = [path.resolve() for path in paths]
    if all(path.is_relative_to(cwd) for path in resolved):
        return cwd
    return Path(os.path.commonpath([path if path.is_dir() else path.parent for path in resolved]))


def shown_path(path: Path, root: Path) -> str:
    """How reports name a file the scan read besides the IaC (configuration, waivers, approvals): relative to
    the scan root inside it; outside it, the absolute path, since reports resolve relative names against
    the scan root and a name relative to the working directory would point the evidence at another file."""
    resolved = path.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(resolved)


def _resolved(path: Path) -> Path:
    """``path.resolve()``, except that a symbolic-link loop (which Python reports as a RuntimeError) is
    left unresolved: reading it fails later with the operating system's own words."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def _walk(directory: Path, suffixes: frozenset[str]) -> Iterable[tuple[Path, bool, str]]:
    """(path, unreadable, problem) for matching files, and for every directory the walk could not list."""
    tree = directory.resolve()
    unreadable: list[OSError] = []
    for current, dirnames, filenames in os.walk(directory, onerror=unreadable.append, followlinks=False):
        yield from ((Path(error.filename), True, "") for error in unreadable if error.filename is not None)
        unreadable.clear()
        dirnames[:] = sorted(
            name for name in dirnames if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
        )
        # A linked directory is not followed (its target, when in the tree, is walked where it lies); one
        # leading out of the tree or into .git may hold a module Terraform deploys: an error, not a skip.
        for name in dirnames:
            linked = Path(current) / name
            problem = _link_problem(linked, tree, "directory")
            if problem:
                yield linked, False, problem
        for name in sorted(filenames):
            path = Path(current) / name
            if path.suffix.lower() in suffixes and not name.startswith("."):
                yield path, False, _link_problem(path, tree)
    yield from ((Path(error.filename), True, "") for error in unreadable if error.filename is not None)


def _link_problem(path: Path, tree: Path, what: str = "file") -> str:
    """Why a file (or directory) of the walk must not be read: a symbolic link out of the walked tree or
    into ``.git``."""
    try:
        if not path.is_symlink():
            return ""
    except OSError:  # a name too long to look up: the walk's own error names the directory
        return ""
    target = _resolved(path)
    if not target.is_relative_to(tree):
        return f"symbolic link to a {what} outside the scanned tree: not read (the gate fails closed)"
    if ".git" in target.relative_to(tree).parts:
        return "symbolic link into .git: not read (the gate fails closed)"
    return ""


def _as_named(path: Path) -> Path:
    """``path`` made absolute with its directories resolved but not its own name: a link is keyed and
    shown under the name it has in its directory, not its target's."""
    return _resolved(path.parent) / path.name


def discover(paths: Sequence[Path], root: Path, suffixes: frozenset[str]) -> tuple[Candidate, ...]:
    found: dict[Path, Candidate] = {}
    for given in paths:
        if not given.exists():
            raise UsageError(f"{given}: no such file or directory")
        if given.is_dir():
            for path, unreadable, problem in _walk(given, suffixes):
                named = _resolved(path) if unreadable else _as_named(path)
                # An unlistable directory is "explicit" (reported whatever its name) and shown as "dir/".
                relative = _relative(named, root) + ("/" if unreadable else "")
                found.setdefault(named, Candidate(path, relative, explicit=unreadable, problem=problem))
        else:
            named = _as_named(given)
            found[named] = Candidate(given, _relative(named, root), explicit=True)
    return tuple(sorted(found.values(), key=lambda candidate: candidate.relative))


def _relative(path: Path, root: Path) -> str:
    """POSIX path relative to ``root`` for reports; bytes that are not UTF-8 in a name are shown as
    ``\\xNN`` (Python keeps them as lone surrogates, which no report could encode)."""
    try:
        shown = path.relative_to(root).as_posix()
    except ValueError:
        shown = path.as_posix()
    return os.fsencode(shown).decode("utf-8", "backslashreplace")
