"""Where the scanned files came from: the git remote, commit and branch of the scan root's work tree.

Run by the CLI (never by a renderer) with a short timeout and no network access; any failure means
"no provenance", never an error, because scanning outside git is normal.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from iacgate.trust import run_git, work_tree

TIMEOUT_SECONDS = 3.0
# user:password@ or token@ in https URLs must never reach a report uploaded elsewhere.
_CREDENTIALS = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@")


@dataclass(frozen=True)
class Provenance:
    repository_uri: str | None
    revision_id: str | None
    branch: str | None


_SCP_LIKE = re.compile(r"^(?:[^@/:]+@)?([^/:]+):(?!//)(.+)$")


def strip_credentials(url: str) -> str:
    """The remote as a URI without user or token; git's scp-like ``git@host:org/repo`` becomes ssh://."""
    url = url.strip()
    scp = _SCP_LIKE.match(url)
    if url.startswith("/"):
        return Path(url).as_uri()
    if scp and "://" not in url:
        url = f"ssh://{scp.group(1)}/{scp.group(2)}"
    return _CREDENTIALS.sub(r"\1", url)


def _git(root: Path, *args: str) -> str | None:
    # The hardened runner: a work tree is scanned content, and git must not start a program for it.
    try:
        done = run_git(root, *args, timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.SubprocessError):
        return None
    output = done.stdout.decode("utf-8", "replace").strip()
    return output if done.returncode == 0 and output else None


def git_provenance(root: Path) -> Provenance | None:
    # The repository whose .git is at the top level: a bare-repository look-alike committed into the
    # scanned tree must not name the remote and commit of the scan.
    try:
        top = work_tree(root, timeout=TIMEOUT_SECONDS)
    except OSError:
        return None
    if top is None:
        return None
    remote = _git(top, "config", "--get", "remote.origin.url")
    branch = _git(top, "symbolic-ref", "--short", "-q", "HEAD")
    # The origin remote names the repository for code-scanning services; a local path would name
    # nothing they know, so a clone without a remote has no repositoryUri (SARIF then omits the entry).
    return Provenance(
        repository_uri=strip_credentials(remote) if remote else None,
        revision_id=_git(top, "rev-parse", "HEAD"),
        branch=branch,
    )
