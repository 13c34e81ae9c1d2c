"""End to end through the real command line: exit codes, one-line errors, SARIF written, plain output."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "fixtures" / "demo"

# A customer-managed key: the volume fails ENC-EBS-001 (encrypted false) alone.
KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
MINIMAL_PLAN = {
    "format_version": "1.2",
    "terraform_version": "1.9.5",
    "planned_values": {
        "root_module": {
            "resources": [
                {
                    "address": "aws_ebs_volume.fail_plain",
                    "mode": "managed",
                    "type": "aws_ebs_volume",
                    "name": "fail_plain",
                    "provider_name": "registry.terraform.io/hashicorp/aws",
                    "schema_version": 0,
                    "values": {
                        "availability_zone": "eu-west-1a",
                        "encrypted": False,
                        "kms_key_id": KEY,
                        "size": 10,
                    },
                    "sensitive_values": {},
                }
            ]
        }
    },
    "resource_changes": [
        {
            "address": "aws_ebs_volume.fail_plain",
            "mode": "managed",
            "type": "aws_ebs_volume",
            "name": "fail_plain",
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {
                "actions": ["create"],
                "before": None,
                "after": {
                    "availability_zone": "eu-west-1a",
                    "encrypted": False,
                    "kms_key_id": KEY,
                    "size": 10,
                },
                "after_unknown": {"id": True, "arn": True},
            },
        }
    ],
}


def iacgate(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iacgate", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def plan_dir(tmp_path: Path) -> Path:
    (tmp_path / "plan.json").write_text(json.dumps(MINIMAL_PLAN, indent=2))
    return tmp_path


def test_violations_fail_the_gate_with_exit_1_and_plain_text_when_piped(plan_dir: Path) -> None:
    run = iacgate("scan", "plan.json", cwd=plan_dir)
    assert run.returncode == 1, run.stderr
    assert "ENC-EBS-001" in run.stdout
    assert "aws_ebs_volume.fail_plain" in run.stdout
    assert "plan.json:" in run.stdout
    assert "\x1b[" not in run.stdout
    assert run.stderr == ""


def test_fail_on_critical_lets_high_findings_pass(plan_dir: Path) -> None:
    assert iacgate("scan", "plan.json", "--fail-on", "critical", cwd=plan_dir).returncode == 0


def test_sarif_output_file_and_json_format(plan_dir: Path) -> None:
    run = iacgate("scan", ".", "--format", "json", "--sarif-output", "out/r.sarif", cwd=plan_dir)
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    assert [f["rule_id"] for f in report["findings"]] == ["ENC-EBS-001"]
    sarif = json.loads((plan_dir / "out" / "r.sarif").read_text())
    assert sarif["runs"][0]["results"][0]["ruleId"] == "ENC-EBS-001"


def test_output_file_gets_the_report_and_stderr_a_summary(plan_dir: Path) -> None:
    run = iacgate("scan", "plan.json", "--format", "sarif", "-o", "r.sarif", cwd=plan_dir)
    assert run.returncode == 1
    assert run.stdout == ""
    assert "report written to r.sarif" in run.stderr
    assert json.loads((plan_dir / "r.sarif").read_text())["version"] == "2.1.0"


BAD_INPUTS = {
    "invalid.json": (b'{"format_version": "1.2",\n  "planned_values": {,}}', "invalid.json:2:"),
    "notaplan.json": (b'{"name": "left-pad", "version": "1.0.0"}', "notaplan.json"),
    "empty.json": (b"", "empty.json"),
    "binary.json": (b"\x00\x01\x02\x03binary", "binary.json"),
    "latin1.json": (b'{"format_version": "1.2", "x": "caf\xe9"}', "latin1.json:1:"),
    "future.json": (b'{"format_version": "2.0", "planned_values": {}}', "future.json"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_3_and_other_files_are_still_scanned(plan_dir: Path, name: str) -> None:
    data, expected = BAD_INPUTS[name]
    (plan_dir / name).write_bytes(data)
    run = iacgate("scan", name, "plan.json", "--format", "sarif", cwd=plan_dir)
    assert run.returncode == 3, run.stdout + run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    sarif = json.loads(run.stdout)
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    errors = [n for n in invocation["toolExecutionNotifications"] if n["level"] == "error"]
    assert len(errors) == 1
    locations = errors[0]["locations"]
    uri = locations[0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == name
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["ENC-EBS-001"]
    text = iacgate("scan", name, "plan.json", cwd=plan_dir)
    assert text.returncode == 3
    assert expected in text.stdout
    assert "aws_ebs_volume.fail_plain" in text.stdout


def test_a_directory_with_nothing_to_scan_fails_closed(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("nothing here")
    run = iacgate("scan", ".", cwd=tmp_path)
    assert run.returncode == 3
    assert "nothing to scan" in run.stdout + run.stderr
    # Pipelines that scan optional paths opt out, and are still told.
    allowed = iacgate("scan", ".", "--allow-empty", cwd=tmp_path)
    assert allowed.returncode == 0
    assert "nothing to scan" in allowed.stdout + allowed.stderr


def test_a_pack_asked_for_that_cannot_run_is_a_usage_error(plan_dir: Path) -> None:
    run = iacgate("scan", "--pack", "residency", "-q", "plan.json", cwd=plan_dir)
    assert run.returncode == 2
    assert run.stderr.strip() == (
        "iacgate: error: pack residency cannot run: it needs a residency section in iacgate.yaml "
        "(see the README)"
    )
    config = plan_dir / "trusted.yaml"
    config.write_text("residency:\n  allowed_regions: [eu-west-1]\n", encoding="utf-8")
    ran = iacgate("scan", "--pack", "residency", "--config", str(config), "plan.json", cwd=plan_dir)
    assert ran.returncode in (0, 1) and "cannot run" not in ran.stderr
    assert "Checked 1 resource in 1 file against 13 rules" in " ".join(ran.stdout.split())


def test_usage_and_config_errors_exit_2(plan_dir: Path) -> None:
    assert iacgate("scan", "missing.json", cwd=plan_dir).returncode == 2
    assert iacgate("scan", "--pack", "nope", cwd=plan_dir).returncode == 2
    (plan_dir / "iacgate.yaml").write_text("fail_on: sometimes\n")
    run = iacgate("scan", "plan.json", cwd=plan_dir)
    assert run.returncode == 2
    assert run.stderr.startswith("iacgate: error: ") and "iacgate.yaml:1" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_help_documents_exit_codes(tmp_path: Path) -> None:
    run = iacgate("scan", "--help", cwd=tmp_path)
    assert "fails closed" in run.stdout and "3" in run.stdout


def test_rules_lists_every_rule(tmp_path: Path) -> None:
    run = iacgate("rules", "--format", "json", cwd=tmp_path)
    assert run.returncode == 0
    rules = json.loads(run.stdout)["rules"]
    assert "ENC-EBS-001" in {rule["id"] for rule in rules}
    assert all(rule["controls"]["pci-dss-4.0"] for rule in rules)


@pytest.mark.skipif(not DEMO.is_dir(), reason="fixtures/demo not present")
def test_demo_scan_finds_violations_and_writes_sarif(tmp_path: Path) -> None:
    shutil.copytree(DEMO, tmp_path / "demo")
    run = iacgate("scan", "demo", "--sarif-output", "demo.sarif", cwd=tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert (tmp_path / "demo.sarif").is_file()


def test_an_empty_tf_file_is_valid_terraform(tmp_path: Path) -> None:
    (tmp_path / "versions.tf").write_text("")
    (tmp_path / "main.tf").write_text(
        'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n'
        "  size = 10\n  encrypted = true\n}\n"
    )
    run = iacgate("scan", ".", "--format", "json", cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert [n for n in json.loads(run.stdout)["notifications"] if n["level"] == "error"] == []


def test_a_cli_run_collects_garbage_less_often_and_the_library_leaves_it_alone(tmp_path: Path) -> None:
    """#19: the CLI raises the cyclic collector's thresholds for its run (make bench measures what that
    buys); a program calling the library API keeps its own."""
    probe = (
        "import gc, sys\n"
        "from iacgate.cli import _GC_THRESHOLDS, main\n"
        "from iacgate.api import ScanSettings, scan\n"
        "from pathlib import Path\n"
        "scan(ScanSettings(paths=(Path(sys.argv[1]),)))\n"
        "print(gc.get_threshold() == (700, 10, 10))\n"
        "try:\n"
        "    main(['scan', sys.argv[1], '--format', 'json', '--output', sys.argv[2]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.get_threshold() == _GC_THRESHOLDS != (700, 10, 10))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(DEMO), str(tmp_path / "out.json")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.stdout.split() == ["True", "True"], done.stderr[-2000:]
