"""Changed files -> what the hook scans, through the library, and the ``iacgate hook`` command itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from iacgate.api import ScanSettings, scan
from iacgate.hook import scan_targets

from .conftest import ROOT, SCRATCH_LINE


def _names(paths: tuple[Path, ...]) -> list[str]:
    return [path.as_posix() for path in paths]


def test_a_change_inside_a_called_module_scans_its_caller(repository: Path) -> None:
    targets = scan_targets([Path("modules/disk/main.tf")], repository)
    # The caller gives the module its inputs; the parser evaluates the module through it.
    assert _names(targets.paths) == ["main.tf", "modules/disk/main.tf", "variables.tf"]


def test_a_call_faked_in_a_heredoc_does_not_take_the_scan_away_from_the_change(repository: Path) -> None:
    """A line ``source = "../prod"`` in another file's heredoc looks like a call to the text match: the
    changed module is still scanned, as a root of its own since nothing really calls it."""
    (repository / "prod").mkdir()
    (repository / "prod" / "main.tf").write_text(
        'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  encrypted = false\n}\n',
        encoding="utf-8",
    )
    (repository / "docs").mkdir()
    (repository / "docs" / "example.tf").write_text(
        'locals {\n  example = <<EOT\nmodule "prod" {\n  source = "../prod"\n}\nEOT\n}\n', encoding="utf-8"
    )
    targets = scan_targets([Path("prod/main.tf")], repository)
    result = scan(ScanSettings(paths=tuple(repository / path for path in targets.paths), root=repository))
    failing = {(f.rule_id, f.resource_id, f.file) for f in result.findings if f.status == "fail"}
    assert ("ENC-EBS-001", "aws_ebs_volume.data", "prod/main.tf") in failing


def test_a_tfvars_change_scans_its_module_directory(repository: Path) -> None:
    (repository / "terraform.tfvars").write_text("encrypt_disk = false\n", encoding="utf-8")
    assert _names(scan_targets([Path("terraform.tfvars")], repository).paths) == ["main.tf", "variables.tf"]


def test_non_iac_files_are_skipped_and_templates_kept(repository: Path) -> None:
    changed = [Path(".github/workflows/ci.yml"), Path("package.json"), Path("stack.yaml"), Path("gone.tf")]
    targets = scan_targets(changed, repository)
    assert _names(targets.paths) == ["stack.yaml"]
    assert targets.skipped == (".github/workflows/ci.yml", "package.json")


def test_an_uncalled_module_is_its_own_root(repository: Path) -> None:
    (repository / "modules" / "disk" / "main.tf").write_text(ROOT.replace("./modules/disk", "./x"))
    (repository / "main.tf").write_text('resource "aws_sqs_queue" "q" {}\n', encoding="utf-8")
    targets = scan_targets([Path("modules/disk/main.tf")], repository)
    assert _names(targets.paths) == ["modules/disk/main.tf"]


def test_scanning_the_targets_resolves_module_inputs_from_sibling_variables(repository: Path) -> None:
    targets = scan_targets([Path("modules/disk/main.tf")], repository)
    result = scan(ScanSettings(paths=tuple(repository / path for path in targets.paths), root=repository))
    failing = {(f.rule_id, f.resource_id, f.file, f.line) for f in result.findings if f.status == "fail"}
    assert ("ENC-EBS-001", "aws_ebs_volume.scratch", "main.tf", SCRATCH_LINE) in failing
    # var.encrypt_disk defaults to true in variables.tf, so the module's volume is encrypted.
    assert not any(
        (rule, resource) == ("ENC-EBS-001", "module.disk.aws_ebs_volume.data")
        for rule, resource, _, _ in failing
    )


def _hook(repository: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IACGATE_CACHE_DIR": str(repository.parent / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "iacgate", "hook", *files],
        cwd=repository,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_hook_command_prints_only_blocking_findings_with_a_fix(repository: Path) -> None:
    done = _hook(repository, "modules/disk/main.tf", "package.json")
    assert done.returncode == 1, done.stderr
    assert f"ENC-EBS-001  main.tf:{SCRATCH_LINE}" in done.stdout
    assert "aws_ebs_volume.scratch" in done.stdout
    assert "fix: " in done.stdout
    assert "module.disk" not in done.stdout
    assert done.stdout.rstrip().splitlines()[-1].startswith("Gate FAILED (exit 1)")
    assert "Checked" not in done.stdout  # the full summary table is not for a hook


def test_hook_command_passes_when_only_non_iac_files_changed(repository: Path) -> None:
    done = _hook(repository, ".github/workflows/ci.yml", "package.json")
    assert done.returncode == 0, done.stdout + done.stderr


def test_hook_command_fails_closed_on_a_broken_template(repository: Path) -> None:
    (repository / "stack.yaml").write_text(
        'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue: [unclosed\n', encoding="utf-8"
    )
    done = _hook(repository, "stack.yaml")
    assert done.returncode == 3, done.stdout + done.stderr
    assert "stack.yaml:" in done.stdout


def test_a_fifo_in_the_tree_does_not_hang_the_hook(repository: Path) -> None:
    """Finding the callers reads every .tf file of the tree: a FIFO among them is not waited on."""
    os.mkfifo(repository / "pipe.tf")
    targets = scan_targets([Path("modules/disk/main.tf")], repository)
    assert "modules/disk/main.tf" in _names(targets.paths)
