"""The trusted reference: gate-relevant files read from a protected git ref, never from the change judged.

``--trusted-ref origin/main`` (or ``IACGATE_TRUSTED_REF``) makes iacgate read its configuration, waivers,
baseline and custom packs as they are on that ref (``git show REF:path``), so a pull request that edits
them changes nothing about its own gate. The same reference tells which inline suppressions a change
added (those are not honoured) and which gate-relevant files it edits (a note tells the reviewer).

git runs here on a repository whose tracked files an attacker may have written, so only plumbing
commands run, with every configuration hook that could start a program switched off, no pager, no
external diff or text conversion, no prompt and a timeout. No command reads a work-tree file through git
(which would apply the clean filter a committed ``.gitattributes`` names): iacgate hashes them itself.
And git never chooses the repository: a pull request can commit the files of a bare repository
(``HEAD``, ``config``, ``objects/``) into a scanned directory, and git's own discovery would take that
directory for the repository, with the attacker's refs and configuration. The repository is the one whose
``.git`` is at the top level of the work tree holding the scanned path (a name no commit can hold).
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from iacgate.errors import UsageError

TIMEOUT_SECONDS = 20.0
REF_VARIABLE = "IACGATE_TRUSTED_REF"

# Configuration a repository can carry that would make git start a program or read elsewhere.
_SAFE_CONFIG = (
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "diff.external=",
    "core.untrackedCache=false",
    "protocol.allow=never",
    # git >= 2.38: a directory is never taken for a bare repository unless named by --git-dir (older
    # versions ignore the setting; ``work_tree`` below does not rely on it).
    "safe.bareRepository=explicit",
)


def _environment() -> dict[str, str]:
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
    environment = {key: os.environ[key] for key in keep if key in os.environ}
    environment |= {"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "GIT_PAGER": "cat"}
    return environment


def run_git(
    directory: Path, *args: str, timeout: float = TIMEOUT_SECONDS
) -> subprocess.CompletedProcess[bytes]:
    """git with the hardening above; raises ``FileNotFoundError`` without git and ``TimeoutExpired``."""
    command = ["git", "-C", str(directory)]
    for setting in _SAFE_CONFIG:
        command += ["-c", setting]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        timeout=timeout,
        env=_environment(),
        stdin=subprocess.DEVNULL,
        check=False,
    )


def git(directory: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        done = run_git(directory, *args)
    except FileNotFoundError:
        raise UsageError("--trusted-ref needs git on PATH") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git {args[0]} did not answer within {TIMEOUT_SECONDS:.0f} s") from None
    if check and done.returncode != 0:
        problem = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {' '.join(args[:2])}: {problem[-1] if problem else 'failed'}")
    return done


def _dot_git_holder(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` holding a ``.git`` entry (a directory, or the file a
    linked work tree or submodule has): git's own name, which no commit can add to a tree."""
    current = Path(os.path.abspath(start))
    for directory in (current, *current.parents):
        if os.path.lexists(directory / ".git"):
            return directory
    return None


def work_tree(start: Path, timeout: float = TIMEOUT_SECONDS) -> Path | None:
    """The top level of the git work tree holding ``start``, or None when there is none git can be
    trusted with (``FileNotFoundError`` without git): the repository must be the ``.git`` at the work
    tree's top level, found here rather than by git (whose discovery would also take a committed
    bare-repository look-alike in the scanned tree for one)."""
    holder = _dot_git_holder(start)
    if holder is None:
        return None
    try:
        found = run_git(holder, "rev-parse", "--show-toplevel", "--absolute-git-dir", timeout=timeout)
    except subprocess.SubprocessError:
        return None
    lines = found.stdout.decode("utf-8", "surrogateescape").splitlines()
    if found.returncode != 0 or len(lines) != 2:
        return None
    toplevel, git_dir = (Path(line).resolve() for line in lines)
    dot_git = (holder / ".git").resolve()
    if toplevel != holder.resolve() or (dot_git.is_dir() and git_dir != dot_git):
        return None  # core.worktree elsewhere, or a repository that is not this .git
    return toplevel


@dataclass(frozen=True)
class TrustedRef:
    """A git ref resolved once, with the work tree whose files it is compared against."""

    name: str
    commit: str
    toplevel: Path

    def label(self, relative: str) -> str:
        """How reports name a file read from the ref: its path in the repository, and the ref."""
        return f"{relative} (at {self.name})"

    def path_of(self, label: str) -> str | None:
        """The repository path a ``label`` names, or None when it names no file of this ref."""
        suffix = f" (at {self.name})"
        return label[: -len(suffix)] if label.endswith(suffix) and len(label) > len(suffix) else None

    @classmethod
    def open(cls, name: str, start: Path) -> TrustedRef:
        if not name.strip() or name.startswith("-"):
            raise UsageError(f"--trusted-ref {name!r} is not a git ref")
        try:
            toplevel = work_tree(start)
        except FileNotFoundError:
            raise UsageError("--trusted-ref needs git on PATH") from None
        if toplevel is None:
            raise UsageError(
                f"--trusted-ref {name}: {start} is not inside a git work tree (one whose top level holds "
                "its .git)"
            )
        resolved = git(toplevel, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}", check=False)
        if resolved.returncode != 0:
            raise UsageError(
                f"--trusted-ref {name}: no such commit in {toplevel} (fetch it first, e.g. "
                f"'git fetch origin main'; a shallow clone needs the base branch too)"
            )
        return cls(name, resolved.stdout.decode().strip(), toplevel)

    def relative(self, path: Path) -> str | None:
        """``path`` as a repository path (POSIX), or None when it lies outside this repository."""
        absolute = Path(os.path.abspath(path))
        if not absolute.is_relative_to(self.toplevel):
            absolute = absolute.resolve()
        if not absolute.is_relative_to(self.toplevel):
            return None
        relative = absolute.relative_to(self.toplevel).as_posix()
        return None if relative in ("", ".") else relative

    def exists(self, path: Path) -> bool:
        """Whether the ref has a file at ``path`` (one git call, the contents unread)."""
        relative = self.relative(path)
        if relative is None:
            raise ValueError(f"{path} is outside {self.toplevel}")
        kind = git(self.toplevel, "cat-file", "-t", f"{self.commit}:{relative}", check=False)
        return kind.returncode == 0 and kind.stdout.strip() == b"blob"

    def read(self, path: Path) -> bytes | None:
        """The file at ``path`` as it is on the ref; None when the ref has no such file."""
        if not self.exists(path):
            return None
        relative = self.relative(path)
        return git(self.toplevel, "cat-file", "blob", f"{self.commit}:{relative}").stdout

    def read_text(self, path: Path) -> str | None:
        data = self.read(path)
        return None if data is None else data.decode("utf-8", "replace")

    def materialize(self, directory: Path, into: Path) -> Path | None:
        """Copy the tree at ``directory`` as it is on the ref below ``into``; None if the ref lacks it."""
        relative = self.relative(directory)
        if relative is None:
            raise ValueError(f"{directory} is outside {self.toplevel}")
        listing = git(self.toplevel, "ls-tree", "-r", "-z", "--full-name", self.commit, "--", relative)
        entries = [entry for entry in listing.stdout.split(b"\0") if entry]
        if not entries:
            return None
        target = into / relative
        for entry in entries:
            meta, _, name = entry.partition(b"\t")
            mode, kind, _object = meta.split(b" ")
            if kind != b"blob" or mode == b"120000":  # symlinks on the ref are not followed
                continue
            path = name.decode("utf-8", "surrogateescape")
            blob = git(self.toplevel, "cat-file", "blob", f"{self.commit}:{path}").stdout
            destination = into / path
            destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            destination.write_bytes(blob)
        return target

    def changed(self, paths: Sequence[Path]) -> tuple[str, ...]:
        """Which of ``paths`` (files or directories) the work tree changes against the ref: edited,
        added (tracked or not) or deleted, as repository paths. Work-tree files are hashed here, as
        they are on disk: ``git diff`` would run them through any clean filter a ``.gitattributes``
        of the change names."""
        relatives = sorted({r for r in (self.relative(path) for path in paths) if r is not None})
        if not relatives:
            return ()
        listing = git(self.toplevel, "ls-tree", "-r", "-z", "--full-name", self.commit, "--", *relatives)
        on_ref: dict[str, str] = {}
        for entry in listing.stdout.split(b"\0"):
            if entry:
                meta, _, name = entry.partition(b"\t")
                mode, kind, object_id = meta.decode().split(" ")
                shape = "link" if mode == "120000" else "file" if kind == "blob" else "directory"
                on_ref[name.decode("utf-8", "surrogateescape")] = f"{shape}:{object_id}"
        present = git(
            self.toplevel, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *relatives
        )
        names = {name.decode("utf-8", "surrogateescape") for name in present.stdout.split(b"\0") if name}
        algorithm = "sha1" if len(self.commit) == 40 else "sha256"
        return tuple(
            sorted(
                name
                for name in names | set(on_ref)
                if _work_tree_object(self.toplevel / name, algorithm) != on_ref.get(name)
            )
        )


def _work_tree_object(path: Path, algorithm: str) -> str | None:
    """A work-tree entry as ``ls-tree`` would describe it once added without filters: "file:<blob id>",
    "link:<blob id>", "directory" (a submodule's checkout); None when there is none. Anything else (a
    FIFO, a socket) is never opened and matches nothing on the ref."""
    try:
        status = os.lstat(path)
        if stat.S_ISLNK(status.st_mode):
            return f"link:{_blob_id(os.fsencode(os.readlink(path)), algorithm)}"
        if stat.S_ISDIR(status.st_mode):
            return "directory"
        if not stat.S_ISREG(status.st_mode):
            return "special"
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"unreadable: {exc}"
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            return "special"
        digest, size = hashlib.new(algorithm, b"blob %d\0" % status.st_size), 0
        while chunk := file.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return f"file:{digest.hexdigest()}" if size == status.st_size else "changing while read"


def _blob_id(data: bytes, algorithm: str) -> str:
    return hashlib.new(algorithm, b"blob %d\0" % len(data) + data).hexdigest()


def private_directory() -> tempfile.TemporaryDirectory[str]:
    """Where files read from the ref are laid out for the loaders: created 0700, removed after the scan."""
    return tempfile.TemporaryDirectory(prefix="iacgate-trusted-")
