"""Issue #13 §4 through the real command line: one tree holding a file of every broken kind the issue
names and a valid plan with a high finding. Before, the first broken file aborted the whole scan
("iacgate: internal error: TypeError", no file named, no SARIF) or the Pulumi files passed unnoticed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from .test_fail_closed import HCL_SURROGATE, PLAN, STACK, TEMPLATE, _plan, _set, _stack

REPO = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

BROKEN: dict[str, tuple[str, str]] = {
    # file: (content, what the one-line error says)
    "plans/rc.tfplan.json": (
        _plan(lambda d: _set(d, ("resource_changes",), 1.5)),
        "resource_changes is a number, expected a list",
    ),
    "plans/surrogate.tfplan.json": (
        _plan(lambda d: _set(d, ("planned_values", "root_module", "resources", 0, "name"), "\ud800")),
        "\\ud800 is a lone surrogate",
    ),
    "cfn/resources.json": (json.dumps({**TEMPLATE, "Resources": 1.5}), "Resources is a number"),
    "cfn/surrogate.json": (json.dumps({**TEMPLATE, "Description": "\udfff"}), "\\udfff is a lone surrogate"),
    "tf/main.tf": (HCL_SURROGATE, "HCL string escape \\ud800 is a surrogate"),
    "tfjson/main.tf.json": (json.dumps({"resource": [{"aws_s3_bucket": 1.5}]}), "aws_s3_bucket is a number"),
    "pulumi/object.json": (
        _stack(lambda d: _set(d, ("deployment", "resources"), {"x": d["deployment"]["resources"][3]})),
        "deployment.resources is an object",
    ),
    "pulumi/notype.json": (_stack(lambda d: d["deployment"]["resources"][3].pop("type")), "has no type"),
    "pulumi/nullurn.json": (
        _stack(lambda d: _set(d["deployment"]["resources"][3], ("urn",), None)),
        "has no urn",
    ),
    "pulumi/version.json": (_stack(lambda d: _set(d, ("version",), 99)), "Pulumi deployment version 99"),
}


def iacgate(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iacgate", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fail-closed")
    for name, (text, _) in BROKEN.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text.encode("utf-8"))
    (root / "good").mkdir()
    (root / "good" / "prod.tfplan.json").write_text(json.dumps(PLAN, indent=1), encoding="utf-8")
    assert STACK  # the Pulumi cases are built from the same rule fixture
    return root


def test_each_broken_file_is_one_line_exit_3_and_the_valid_plan_is_still_judged(tree: Path) -> None:
    run = iacgate("scan", ".", "--pack", "encryption", "--sarif-output", "out/scan.sarif", cwd=tree)
    assert run.returncode == 3, run.stdout + run.stderr
    output = run.stdout + run.stderr
    assert "internal error" not in output and "Traceback" not in output
    flowing = " ".join(output.split())  # the terminal report wraps long messages
    for name, (_, message) in BROKEN.items():
        lines = [line for line in output.splitlines() if name in line and "ERROR" in line]
        assert len(lines) == 1, (name, output)
        assert message in flowing[flowing.index(name) :], (name, message)
    # The valid plan beside them: its failing volume is still a finding, with its file and line.
    assert "aws_ebs_volume.fail_unencrypted" in run.stdout
    assert "good/prod.tfplan.json:" in run.stdout

    sarif = json.loads((tree / "out" / "scan.sarif").read_text(encoding="utf-8"))
    if SARIF_SCHEMA.is_file():
        jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    named = {
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for note in invocation["toolExecutionNotifications"]
        if note["level"] == "error"
    }
    assert named == set(BROKEN)
    results = {
        (result["ruleId"], result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        for result in sarif["runs"][0]["results"]
    }
    assert ("ENC-EBS-001", "good/prod.tfplan.json") in results


def test_json_report_of_the_same_tree_is_valid_utf8(tree: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "iacgate", "scan", ".", "--pack", "encryption", "--format", "json"],
        cwd=tree, capture_output=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 3, run.stderr
    report = json.loads(run.stdout.decode("utf-8"))  # strict UTF-8: no lone surrogate was written
    errors = {note["file"] for note in report["notifications"] if note["level"] == "error"}
    assert errors == set(BROKEN)
