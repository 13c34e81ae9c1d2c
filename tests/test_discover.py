"""Discovery walks directories without leaving them and names files relative to the scan root."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from iacgate.api import parse_inputs
from iacgate.discover import discover, scan_root
from iacgate.parsers import SUFFIXES, ParseOptions


def test_walk_skips_tool_directories_and_links_out_of_the_tree(tmp_path: Path) -> None:
    tree = tmp_path / "infra"
    (tree / "prod").mkdir(parents=True)
    (tree / ".terraform").mkdir()
    (tree / "node_modules").mkdir()
    (tree / "prod" / "plan.json").write_text("{}")
    (tree / ".terraform" / "plan.json").write_text("{}")
    (tree / "node_modules" / "x.json").write_text("{}")
    (tree / "notes.txt").write_text("x")
    outside = tmp_path / "secret.json"
    outside.write_text("{}")
    os.symlink(outside, tree / "link.json")
    found = discover([tree], tmp_path, frozenset({".json"}))
    assert [(c.relative, c.problem) for c in found] == [
        (
            "infra/link.json",
            "symbolic link to a file outside the scanned tree: not read (the gate fails closed)",
        ),
        ("infra/prod/plan.json", ""),
    ]
    assert not found[1].explicit


def test_a_link_out_of_the_tree_or_into_git_is_an_error_naming_it(tmp_path: Path) -> None:
    """Not a silent skip: the file the author linked in is not read, and the gate fails closed."""
    tree = tmp_path / "infra"
    (tree / ".git").mkdir(parents=True)
    (tree / ".git" / "config.tf").write_text("")
    (tmp_path / "shared.tf").write_text('resource "aws_ebs_volume" "v" {\n  encrypted = false\n}\n')
    (tree / "ok.tf").write_text('variable "x" {}\n')
    os.symlink("../shared.tf", tree / "vol.tf")
    os.symlink(".git/config.tf", tree / "git.tf")
    parsed = parse_inputs(discover([tree], tmp_path, SUFFIXES), ParseOptions(scan_root=tmp_path))
    errors = {note.file: note.message for note in parsed.notifications if note.level == "error"}
    assert errors == {
        "infra/vol.tf": "symbolic link to a file outside the scanned tree: not read (the gate fails closed)",
        "infra/git.tf": "symbolic link into .git: not read (the gate fails closed)",
    }


def test_a_linked_directory_out_of_the_tree_is_an_error_naming_it(tmp_path: Path) -> None:
    """A module directory linked in from elsewhere was skipped silently (the walk does not follow links)."""
    tree = tmp_path / "infra"
    (tree / "modules").mkdir(parents=True)
    (tree / "ok.tf").write_text('variable "x" {}\n')
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "main.tf").write_text(
        'resource "aws_ebs_volume" "v" {\n  encrypted = false\n}\n'
    )
    os.symlink("../elsewhere", tree / "prod")
    os.symlink("modules", tree / "alias")  # inside the tree: walked where it lies, no error
    (tree / ".git").mkdir()
    os.symlink(".git", tree / "meta")
    parsed = parse_inputs(discover([tree], tmp_path, SUFFIXES), ParseOptions(scan_root=tmp_path))
    errors = {note.file: note.message for note in parsed.notifications if note.level == "error"}
    closed = "not read (the gate fails closed)"
    assert errors == {
        "infra/prod": f"symbolic link to a directory outside the scanned tree: {closed}",
        "infra/meta": f"symbolic link into .git: {closed}",
    }


def test_each_directory_linking_a_file_is_its_own_module(tmp_path: Path) -> None:
    """Two root modules sharing a file through a link: each reads it with its own variables (keyed by the
    resolved file, the second directory's copy vanished with its module)."""
    volume = 'variable "enc" { type = bool }\nresource "aws_ebs_volume" "data" {\n  encrypted = var.enc\n}\n'
    for name, value in (("infra", "true"), ("legacy", "false")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "terraform.tfvars").write_text(f"enc = {value}\n")
    (tmp_path / "infra" / "vol.tf").write_text(volume)
    os.symlink("../infra/vol.tf", tmp_path / "legacy" / "vol.tf")
    found = discover([tmp_path], tmp_path, SUFFIXES)
    assert [c.relative for c in found] == ["infra/vol.tf", "legacy/vol.tf"]
    parsed = parse_inputs(found, ParseOptions(scan_root=tmp_path))
    encrypted = {
        graph.name: resource.attributes["encrypted"]
        for graph in parsed.graphs
        for resource in graph.resources
        if resource.type == "aws_ebs_volume"
    }
    assert encrypted == {"infra": True, "legacy": False}


def test_explicit_files_are_kept_whatever_their_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    found = discover([tmp_path / "a.txt"], tmp_path, frozenset({".json"}))
    assert [(c.relative, c.explicit) for c in found] == [("a.txt", True)]


def test_scan_root_is_the_working_directory_when_paths_are_inside(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert scan_root([tmp_path / "a"], tmp_path) == tmp_path
    other = tmp_path / "elsewhere"
    other.mkdir()
    assert scan_root([other], tmp_path / "a") == other.resolve()


# -- issue #13 §4: nothing under a scanned tree is skipped without a word ---------------------------------

REPO = Path(__file__).resolve().parents[1]
PLAN = REPO / "fixtures" / "encryption" / "ENC-EBS-001" / "ENC-EBS-001.tfplan.json"
NOBODY = 65534

# Runs the CLI in this interpreter as an unprivileged user, so that ``chmod 000`` means something when the
# tests run as root (root reads any directory). A first scan, still privileged, imports every module the
# real one needs (the interpreter's own library may live where the unprivileged user cannot read).
_AS_NOBODY = """
import contextlib, io, os, sys
from iacgate.cli import main

def run(argv):
    sys.argv = ["iacgate", *argv]
    try:
        main()
    except SystemExit as done:
        return done.code
    return 0

warm, args = sys.argv[1], sys.argv[2:]
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    run(["scan", warm, "--sarif-output", os.devnull])
    run(["scan", warm, "--format", "json", "--output", os.devnull])
os.setgroups([])
os.setgid(NOBODY)
os.setuid(NOBODY)
sys.exit(run(args))
""".replace("NOBODY", str(NOBODY))


def _cli_as_unprivileged(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "IACGATE_CACHE_DIR": "", "NO_COLOR": "1"}
    if os.geteuid() != 0:
        command = [sys.executable, "-m", "iacgate", *args]
    else:
        try:
            pwd.getpwuid(NOBODY)
        except KeyError:
            pytest.skip("running as root without an unprivileged user (uid 65534) to drop to")
        command = [sys.executable, "-c", _AS_NOBODY, str(PLAN.parent), *args]
    return subprocess.run(command, cwd=tree, capture_output=True, text=True, timeout=300, env=environment)


@pytest.fixture
def shared_tree() -> Iterator[Path]:
    """A tree the unprivileged user can walk (pytest's tmp_path is private to root)."""
    tree = Path(tempfile.mkdtemp(prefix="iacgate-unreadable-")).resolve()
    tree.chmod(0o755)
    try:
        yield tree
    finally:
        for directory in tree.rglob("*"):
            if directory.is_dir():
                directory.chmod(0o755)
        shutil.rmtree(tree)


def test_an_unreadable_subdirectory_fails_closed_like_an_unreadable_file(shared_tree: Path) -> None:
    (shared_tree / "ok").mkdir(mode=0o755)
    shutil.copy(PLAN, shared_tree / "ok" / "prod.tfplan.json")
    (shared_tree / "ok" / "prod.tfplan.json").chmod(0o644)
    locked = shared_tree / "locked"
    locked.mkdir()
    (locked / "main.tf").write_text('resource "aws_ebs_volume" "v" {\n  size = 1\n}\n')
    locked.chmod(0)
    (shared_tree / "out").mkdir(mode=0o777)
    (shared_tree / "out").chmod(0o777)
    run = _cli_as_unprivileged(
        shared_tree, "scan", ".", "--pack", "encryption", "--sarif-output", "out/s.sarif"
    )
    assert run.returncode == 3, run.stdout + run.stderr  # before: 1 (the plan's finding), locked/ unseen
    assert "internal error" not in run.stderr
    assert "locked/: cannot read directory: Permission denied" in run.stdout
    assert "aws_ebs_volume.fail_unencrypted" in run.stdout  # the readable plan is still judged
    sarif = json.loads((shared_tree / "out" / "s.sarif").read_text(encoding="utf-8"))
    (note,) = [
        n for n in sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"] if n["level"] == "error"
    ]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "locked/"


def test_a_directory_the_walk_cannot_list_is_a_candidate_that_cannot_be_read(tmp_path: Path) -> None:
    """Even root cannot list a directory whose path is longer than PATH_MAX: the walk's error path, real."""
    (tmp_path / "plan.tfplan.json").write_bytes(PLAN.read_bytes())
    descriptor = os.open(tmp_path, os.O_RDONLY)
    name = "d" * 250
    try:
        for _ in range(18):  # 18 x 251 bytes: past the 4,096 of PATH_MAX
            os.mkdir(name, dir_fd=descriptor)
            inner = os.open(name, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
        with open(os.open("main.tf", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor), "w") as file:
            file.write('resource "aws_ebs_volume" "v" {}\n')
    finally:
        os.close(descriptor)
    found = discover([tmp_path], tmp_path, SUFFIXES)
    unreadable = [candidate for candidate in found if candidate.relative.endswith("/")]
    assert len(unreadable) == 1 and unreadable[0].explicit
    parsed = parse_inputs(found, ParseOptions(scan_root=tmp_path))
    (error,) = [note for note in parsed.notifications if note.level == "error"]
    assert error.file == unreadable[0].relative
    assert error.message == "cannot read directory: File name too long"
    assert [item.path for item in parsed.files] == ["plan.tfplan.json"]


def test_a_symbolic_link_loop_is_an_error_naming_it_not_an_aborted_scan(tmp_path: Path) -> None:
    (tmp_path / "plan.tfplan.json").write_bytes(PLAN.read_bytes())
    os.symlink("main.tf", tmp_path / "main.tf")  # before: RuntimeError("Symlink loop") aborted the scan
    os.symlink("b.tf", tmp_path / "a.tf")
    os.symlink("a.tf", tmp_path / "b.tf")
    parsed = parse_inputs(discover([tmp_path], tmp_path, SUFFIXES), ParseOptions(scan_root=tmp_path))
    errors = {note.file: note.message for note in parsed.notifications if note.level == "error"}
    loop = "cannot read file: Too many levels of symbolic links"
    assert errors == {"a.tf": loop, "b.tf": loop, "main.tf": loop}
    assert [(item.path, item.resources) for item in parsed.files] == [("plan.tfplan.json", 7)]


def test_a_file_name_that_is_not_utf8_is_shown_escaped_in_every_report(tmp_path: Path) -> None:
    broken = os.fsdecode(b"caf\xe9.tfplan.json")  # a lone surrogate in Python, unwritable in a report
    (tmp_path / broken).write_text('{"format_version": "1.2", "planned_values": []}')
    parsed = parse_inputs(discover([tmp_path], tmp_path, SUFFIXES), ParseOptions(scan_root=tmp_path))
    (error,) = parsed.notifications
    assert error.file == "caf\\xe9.tfplan.json"
    assert str(error).encode("utf-8")
