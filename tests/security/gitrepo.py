"""The repository an attacking pull request is made in, for the #13 tests: ``main`` holds
``infra/main.tf``, and the ``pr`` branch is checked out for the test to add its attack to."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)


def pr_repo(root: Path, main_tf: str, config: Mapping[str, str] | None = None) -> Path:
    """``root`` as a repository whose ``main`` has ``infra/main.tf`` (and the git ``config`` given, as
    a checkout writes its token there), on a new ``pr`` branch."""
    (root / "infra").mkdir(parents=True)
    (root / "infra" / "main.tf").write_text(main_tf, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    for key, value in (config or {}).items():
        git(root, "config", key, value)
    commit(root, "infra with one unencrypted volume")
    git(root, "checkout", "-q", "-b", "pr")
    return root
