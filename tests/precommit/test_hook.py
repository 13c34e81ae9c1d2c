"""The hook through the real ``pre-commit`` tool: ``pre-commit try-repo`` installs iacgate from a snapshot
of this checkout into its own venv (dependencies from PyPI) and runs it in a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import SCRATCH_LINE, write_repository

REPO = Path(__file__).resolve().parents[2]
# What pip needs to build iacgate (pyproject's wheel and force-include sections), and the hook manifest.
SNAPSHOT = (
    "pyproject.toml",
    "hatch_build.py",
    "README.md",
    ".pre-commit-hooks.yaml",
    "engine",
    "policies",
    "rulepacks",
)
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not PRE_COMMIT.exists() or shutil.which("git") is None, reason="needs pre-commit (dev extra) and git"
    ),
]


def _git(cwd: Path, *args: str) -> None:
    identity = ("-c", "user.name=iacgate tests", "-c", "user.email=tests@iacgate.invalid")
    subprocess.run(["git", *identity, *args], cwd=cwd, check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A committed snapshot of the working tree (try-repo clones a repository, and the checkout may hold
    uncommitted work), and one PRE_COMMIT_HOME so the hook's venv is built once for the module."""
    base = tmp_path_factory.mktemp("precommit")
    snapshot = base / "iacgate"
    snapshot.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".*_cache")
    for name in SNAPSHOT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, snapshot / name, ignore=ignore)
        else:
            shutil.copy2(source, snapshot / name)
    _git(snapshot, "init", "-q", "-b", "main")
    _git(snapshot, "add", "-A")
    _git(snapshot, "commit", "-q", "-m", "snapshot")
    yield snapshot, base / "pre-commit-home"


def _try_repo(hook_repo: tuple[Path, Path], work: Path, *files: str) -> subprocess.CompletedProcess[str]:
    snapshot, home = hook_repo
    _git(work, "add", "-A")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    env.update(PRE_COMMIT_HOME=str(home), IACGATE_CACHE_DIR=str(work.parent / "cache"), NO_COLOR="1")
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(snapshot), "iacgate", "--verbose", "--files", *files],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.fixture
def work(tmp_path: Path) -> Path:
    root = write_repository(tmp_path / "work")
    _git(root, "init", "-q", "-b", "main")
    return root


def test_a_violating_change_fails_naming_rule_and_line(hook_repo: tuple[Path, Path], work: Path) -> None:
    done = _try_repo(hook_repo, work, "modules/disk/main.tf", ".github/workflows/ci.yml")
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"ENC-EBS-001  main.tf:{SCRATCH_LINE}" in done.stdout
    assert "aws_ebs_volume.scratch" in done.stdout
    # The module's volume gets encrypted = true from the caller's variable in a sibling file.
    assert "module.disk" not in done.stdout


def test_a_compliant_change_passes(hook_repo: tuple[Path, Path], work: Path) -> None:
    main = work / "main.tf"
    main.write_text(main.read_text(encoding="utf-8").replace("= false", "= true"), encoding="utf-8")
    done = _try_repo(hook_repo, work, "main.tf", "modules/disk/main.tf")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def test_non_iac_yaml_and_json_do_not_fail_the_hook(hook_repo: tuple[Path, Path], work: Path) -> None:
    done = _try_repo(hook_repo, work, ".github/workflows/ci.yml", "package.json")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_broken_tf_file_fails_with_a_one_line_error(hook_repo: tuple[Path, Path], work: Path) -> None:
    (work / "variables.tf").write_text('variable "encrypt_disk" {\n  default = \n', encoding="utf-8")
    done = _try_repo(hook_repo, work, "variables.tf")
    # pre-commit exits 1 for any failed hook; it reports the hook's own code (3: not evaluable).
    assert done.returncode == 1, done.stdout + done.stderr
    assert "exit code: 3" in done.stdout
    errors = [line for line in done.stdout.splitlines() if "variables.tf:" in line]
    assert errors and "HCL syntax error" in errors[0], done.stdout
    assert "Traceback" not in done.stdout + done.stderr
