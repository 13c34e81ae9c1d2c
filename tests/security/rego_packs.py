"""Custom packs, policies and resources for the engine-safety tests (#13 §2.3, §2.8, §3)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

from evaluate.test_embedded import volume as embedded_volume
from iacgate.graph import Resource
from iacgate.packs import RuleSet, load_packs

ROOT = Path(__file__).resolve().parents[2]
SECRET = "iacgate-marker-7f3a9c"
CONTROLS = (
    '{pci-dss-4.0: ["3.5.1"], soc2: [CC6.1], iso27001-2022: [A.8.24], nist-800-53-r5: [SC-28], dora: ["9"]}'
)
RULE = """\
  - id: {id}
    name: {name}
    title: Volumes are checked
    description: test rule
    severity: high
    policy: {policy}
    resource_types: [aws_ebs_volume]
    rationale: test
    remediation: {{text: fix it, terraform: "encrypted = true"}}
    help_uri: https://example.invalid/rule
    controls: {controls}
"""
HEADER = (
    "pack: house\nversion: 1.0.0\ntitle: House rules\ndescription: Rules written for these tests.\nrules:\n"
)
PASSING = """\
package house.fine

import rego.v1

deny contains {"path": ["encrypted"], "message": "not encrypted"} if {
\tinput.resource.attributes.encrypted == false
}
"""


def make_pack(directory: Path, *policies: str) -> Path:
    """A custom pack with one rule per policy (HOUSE-001 ... on aws_ebs_volume), package house.r<n>."""
    directory.mkdir(parents=True, exist_ok=True)
    manifest = HEADER
    for number, policy in enumerate(policies, start=1):
        manifest += RULE.format(
            id=f"HOUSE-00{number}", name=f"House{number}", policy=f"house.r{number}", controls=CONTROLS
        )
        body = dedent(policy).replace("package house.fine", f"package house.r{number}")
        (directory / f"r{number}.rego").write_text(body, encoding="utf-8")
    (directory / "pack.yaml").write_text(manifest, encoding="utf-8")
    return directory


def policy(body: str) -> str:
    """A policy whose one deny rule has ``body``; the body's first line is line 6 of the file."""
    head = 'package house.fine\n\nimport rego.v1\n\ndeny contains {"path": [], "message": msg} if {\n'
    return f"{head}{body}\n}}\n"


def volume(name: str = "v", **attributes: object) -> Resource:
    """test_embedded's volume, named ``v`` unless said otherwise."""
    return embedded_volume(name, **attributes)


def house(tmp_path: Path, *policies: str) -> RuleSet:
    return load_packs(("house",), (make_pack(tmp_path / "house", *policies),))


def iacgate(
    *args: str, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iacgate", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


def write_infra(directory: Path) -> Path:
    """A Terraform directory with one unencrypted EBS volume, the type of every house rule."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "main.tf").write_text(
        'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  encrypted = false\n}\n',
        encoding="utf-8",
    )
    return directory
