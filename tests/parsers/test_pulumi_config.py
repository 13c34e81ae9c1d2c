"""Pulumi project and stack files (``Pulumi.yaml``, ``Pulumi.<stack>.yaml``): their secrets provider is
judged by SEC-PULUMI-001 and their plaintext configuration searched for secrets, as a stack export's are.
Until 2026-12 neither file was read: a repository's stack on the passphrase provider, or a password set
with ``pulumi config set`` without ``--secret``, passed every gate."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from iacgate.api import ScanSettings, scan
from iacgate.parsers import PARSERS
from iacgate.textio import SourceFile

PROJECT = """\
    name: ledger
    runtime: nodejs
"""
KMS = """\
    secretsprovider: awskms://alias/pulumi-ledger?region=eu-west-1
    encryptedkey: AQICAHhQ2xQ3rJ7x1m9Vb3T4bJm7vQ1n8Xc2Zq5Lw9Rt3Yp6Kd0Hs+Uf2Gz8Nc4Vx1Mb7QaQ==
    config:
      aws:region: eu-west-1
"""
PASSPHRASE = """\
    encryptionsalt: v1:3vJ7nYq1Kq0=:v1:Vb3m8W5k3pB2c9Xh:Cw6mJq0o1cBq8N7tTqUu4A==
    config:
      aws:region: eu-west-1
      ledger:apiToken:
        secure: v1:Q2xQ3rJ7x1m9Vb3T:4bJm7vQ1n8Xc2Zq5Lw9Rt3Yp6Kd0Hs+Uf2Gz8Nc4Vx1Mb7Qa==
      ledger:dbPassword: Winter2024!
"""
UNSAID = """\
    config:
      aws:region: eu-west-1
"""


def write(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name).write_text(dedent(text), encoding="utf-8")
    return directory


def run(directory: Path, config: bool = True) -> tuple[dict[tuple[str, str], str], object]:
    settings = {"pulumi_secrets_providers": ["awskms", "azurekeyvault"]} if config else {}
    result = scan(
        ScanSettings(paths=(directory,), root=directory, packs=("secrets-and-state",), settings=settings)
    )
    outcomes = {
        (check.rule_id, check.resource_id): check.outcome
        for check in result.evaluation.checks
        if check.rule_id in ("SEC-PULUMI-001", "SEC-CONTENT-001")
    }
    return outcomes, result


def test_a_stack_file_is_judged_by_the_provider_it_names(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "Pulumi.yaml": PROJECT,
            "Pulumi.prod.yaml": KMS,
            "Pulumi.dev.yaml": PASSPHRASE,
            "Pulumi.stage.yaml": UNSAID,
        },
    )
    outcomes, result = run(tmp_path)
    node = "urn:pulumi:{0}::ledger::iacgate:pulumi:SecretsProvider::{0}"
    assert outcomes[("SEC-PULUMI-001", node.format("prod"))] == "pass"
    assert outcomes[("SEC-PULUMI-001", node.format("dev"))] == "fail"
    # No secretsprovider and no encryptionsalt: the backend decides, which the file does not say.
    assert outcomes[("SEC-PULUMI-001", node.format("stage"))] == "undetermined"
    (passphrase,) = [f for f in result.findings if f.rule_id == "SEC-PULUMI-001" and f.status == "fail"]
    assert (passphrase.file, passphrase.line) == ("Pulumi.dev.yaml", 1)
    assert "passphrase secrets provider" in passphrase.message
    assert {(f.file, f.format) for f in result.findings} <= {
        ("Pulumi.dev.yaml", "pulumi"),
        ("Pulumi.stage.yaml", "pulumi"),
    }
    assert {(file.path, file.format) for file in result.files} == {
        ("Pulumi.yaml", "pulumi-config"),
        ("Pulumi.prod.yaml", "pulumi-config"),
        ("Pulumi.dev.yaml", "pulumi-config"),
        ("Pulumi.stage.yaml", "pulumi-config"),
    }


def test_without_the_setting_stack_files_are_not_judged(tmp_path: Path) -> None:
    write(tmp_path, {"Pulumi.dev.yaml": PASSPHRASE, "Pulumi.stage.yaml": UNSAID})
    outcomes, result = run(tmp_path, config=False)
    nodes = [r for graph in result.graphs for r in graph.resources if r.type == "pulumi_secrets_provider"]
    assert len(nodes) == 2
    judged = {outcome for (rule, _), outcome in outcomes.items() if rule == "SEC-PULUMI-001"}
    assert judged <= {"not_applicable"}
    assert not [f for f in result.findings if f.rule_id == "SEC-PULUMI-001"]


def test_a_plaintext_secret_in_a_stack_file_is_found_and_a_secure_one_is_not(tmp_path: Path) -> None:
    write(tmp_path, {"Pulumi.yaml": PROJECT, "Pulumi.dev.yaml": PASSPHRASE})
    _, result = run(tmp_path)
    content = [f for f in result.findings if f.rule_id == "SEC-CONTENT-001"]
    assert [(f.file, f.line, f.resource_id) for f in content] == [
        ("Pulumi.dev.yaml", 6, "iacgate_secret.dbPassword")
    ]
    assert "Winter2024!" not in repr(result.findings)


@pytest.mark.parametrize(
    ("text", "provider"),
    [
        ("secretsprovider: azurekeyvault://ledger-vault.vault.azure.net/keys/pulumi\n", "azurekeyvault"),
        ("secretsprovider: hashivault://pulumi\n", "hashivault"),
        ("secretsprovider: GCPKMS://projects/p/locations/l/keyRings/r/cryptoKeys/k\n", "gcpkms"),
        ("secretsprovider: passphrase\n", "passphrase"),
        ("secretsprovider: default\n", "service"),
        ("encryptionsalt: v1:abc\nconfig: {}\n", "passphrase"),
    ],
)
def test_the_provider_a_stack_file_names(tmp_path: Path, text: str, provider: str) -> None:
    write(tmp_path, {"Pulumi.dev.yaml": text})
    _, result = run(tmp_path)
    (node,) = [r for graph in result.graphs for r in graph.resources if r.type == "pulumi_secrets_provider"]
    assert node.attributes["secrets_provider"] == provider
    assert node.format == "pulumi"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("config:\n  aws:region: [eu-west-1\n", 3, "invalid YAML"),
        ("- a\n- b\n", 1, "the top level is a list, expected a mapping"),
        ("config: {}\nsecretsprovider: [awskms]\n", 2, "secretsprovider is a list"),
    ],
)
def test_a_broken_stack_file_fails_closed_and_the_rest_is_still_judged(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    write(tmp_path, {"Pulumi.dev.yaml": text, "Pulumi.prod.yaml": KMS})
    outcomes, result = run(tmp_path)
    errors = [n for n in result.notifications if n.level == "error"]
    assert len(errors) == 1 and errors[0].file == "Pulumi.dev.yaml" and message in errors[0].message
    assert errors[0].line == line
    assert result.decision.exit_code == 3
    # No project file beside it: the project is the directory's name.
    prod = f"urn:pulumi:prod::{tmp_path.name}::iacgate:pulumi:SecretsProvider::prod"
    assert outcomes[("SEC-PULUMI-001", prod)] == "pass"


def test_a_yaml_program_says_its_resources_are_judged_from_a_preview(tmp_path: Path) -> None:
    resources = "    resources:\n      bucket:\n        type: aws:s3:Bucket\n"
    program = PROJECT.replace("nodejs", "yaml") + resources
    write(tmp_path, {"Pulumi.yaml": program})
    _, result = run(tmp_path)
    warnings = [n for n in result.notifications if n.level == "warning" and n.file == "Pulumi.yaml"]
    assert len(warnings) == 1 and "pulumi preview --json" in warnings[0].message


def test_a_template_named_like_a_stack_file_stays_a_template() -> None:
    # Claimed by name only after the template parsers: a name must not hide a template's resources.
    template = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n"
    source = SourceFile(Path("Pulumi.dev.yaml"), "Pulumi.dev.yaml", template)
    claimed = next(name for name, parser in PARSERS.items() if parser.claims(source))
    assert claimed == "cloudformation"
    other = SourceFile(Path("stack.yaml"), "infra/stack.yaml", dedent(PASSPHRASE))
    assert not any(parser.claims(other) for parser in PARSERS.values())
