"""A Pulumi preview, stack export or Terraform plan holds values the change's author writes (tags, config,
a stack's template body). No such value may hide the file from the gate or hand it to the wrong parser.

Before, the Pulumi claim refused any JSON whose first 8 kB held ``AWSTemplateFormatVersion`` or a
``"format_version"`` key, and the plan claim took any JSON holding ``"format_version"`` and
``"terraform_version"``: a tag, a config value or a stack's template body skipped the file silently (the
gate passed on the files beside it) or failed the scan. Where two formats' markers meet, the document's
top level now decides.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from iacgate.api import ScanSettings, scan
from iacgate.parsers.claims import changeset, cloudformation, pulumi, terraform_plan
from iacgate.textio import SourceFile

ENCRYPTED_VOLUME = """\
resource "aws_ebs_volume" "ok" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
"""
STACK = "urn:pulumi:prod::proj::pulumi:pulumi:Stack::proj-prod"
VOLUME = "urn:pulumi:prod::proj::aws:ebs/volume:Volume::data"
TEMPLATE_BODY = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n"


def _volume(tags: dict[str, str]) -> dict[str, Any]:
    return {
        "urn": VOLUME,
        "custom": True,
        "type": "aws:ebs/volume:Volume",
        "inputs": {"availabilityZone": "eu-west-1a", "size": 10, "encrypted": False, "tags": tags},
        "parent": STACK,
    }


def _preview(config: dict[str, str], tags: dict[str, str], extra: tuple[dict[str, Any], ...] = ()) -> str:
    steps = [{"op": "create", "urn": VOLUME, "newState": _volume(tags)}]
    steps += [{"op": "create", "urn": state["urn"], "newState": state} for state in extra]
    return json.dumps({"config": {"aws:region": "eu-west-1", **config}, "steps": steps}, indent=2)


def _export(tags: dict[str, str]) -> str:
    deployment = {"manifest": {}, "resources": [_volume(tags)]}
    return json.dumps({"version": 3, "deployment": deployment}, indent=2)


CFN_STACK = {
    "urn": "urn:pulumi:prod::proj::aws:cloudformation/stack:Stack::queues",
    "custom": True,
    "type": "aws:cloudformation/stack:Stack",
    "inputs": {"name": "queues", "templateBody": TEMPLATE_BODY},
    "parent": STACK,
}

SHAPES = {
    "tag-value.json": _preview({}, {"Name": "AWSTemplateFormatVersion"}),
    "config-value.json": _preview({"proj:note": "AWSTemplateFormatVersion"}, {}),
    "tag-key.json": _preview({}, {"format_version": "1"}),
    "plan-keys-in-tags.json": _preview({}, {"format_version": "1", "terraform_version": "1.9.0"}),
    "template-body.json": _preview({}, {}, (CFN_STACK,)),
    "export.json": _export({"Name": "AWSTemplateFormatVersion", "format_version": "1"}),
    # A preview saved under a plan's usual name.
    "plan.json": _preview({}, {}),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_stack_whose_values_look_like_another_format_is_judged(tmp_path: Path, name: str) -> None:
    (tmp_path / "main.tf").write_text(ENCRYPTED_VOLUME, encoding="utf-8")
    (tmp_path / name).write_text(SHAPES[name], encoding="utf-8")
    result = scan(ScanSettings(paths=(tmp_path,)))
    assert not [note for note in result.notifications if note.level == "error"], result.notifications
    assert {(f.rule_id, f.resource_id) for f in result.findings if f.file == name} >= {
        ("ENC-EBS-001", VOLUME)
    }
    assert [(file.path, file.format) for file in result.files if file.path == name] == [(name, "pulumi")]
    assert not result.decision.passed


def _claims(text: str, name: str = "x.json") -> list[str]:
    source = SourceFile(path=Path(name), relative=name, text=text)
    claims = {
        "terraform-plan": terraform_plan,
        "pulumi": pulumi,
        "cloudformation-changeset": changeset,
        "cloudformation": cloudformation,
    }
    return [format_name for format_name, claim in claims.items() if claim(source)]


def test_a_plan_whose_values_name_pulumi_or_a_template_stays_a_plan() -> None:
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.9.0",
        "planned_values": {"root_module": {"resources": []}},
        "configuration": {"root_module": {}},
        "variables": {"note": {"value": f'"Resources" {STACK} AWSTemplateFormatVersion'}},
    }
    assert _claims(json.dumps(plan))[:1] == ["terraform-plan"]
    assert _claims(json.dumps(plan), "plan.json")[:1] == ["terraform-plan"]


def test_a_template_whose_values_look_like_a_stack_stays_a_template() -> None:
    template = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {"deployment": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "version"}}},
        "Outputs": {"steps": {"Value": STACK}, "checkpoint": {"Value": '"version"'}},
    }
    assert _claims(json.dumps(template)) == ["cloudformation"]


@pytest.mark.parametrize(
    "text",
    [
        # Truncated: its error fails the gate.
        '{"format_version": "1.2", "planned_values": {"root_module": {',
        '{"format_version": "1.2", "planned_values": {}, "variables": {"v": {"value": "' + STACK + '"}}',
        '{"steps": [',
    ],
)
def test_a_broken_file_named_like_a_plan_is_still_the_plans(text: str) -> None:
    assert _claims(text, "plan.json")[:1] == ["terraform-plan"]


def test_terraform_json_syntax_with_locals_named_like_a_plan_is_terraform() -> None:
    # Before, the plan claim took it first ("not a Terraform plan", exit 3) and its resources were lost.
    text = json.dumps({"locals": {"format_version": "1", "terraform_version": "1.9"}, "resource": {}})
    assert _claims(text, "main.tf.json") == []  # none of these: the Terraform claim (by name) takes it
    source = SourceFile(path=Path("main.tf.json"), relative="main.tf.json", text=text)
    from iacgate.parsers import PARSERS

    assert next(name for name, parser in PARSERS.items() if parser.claims(source)) == "terraform"


def test_a_plan_printed_after_a_wrappers_line_fails_closed_instead_of_being_skipped(tmp_path: Path) -> None:
    # hashicorp/setup-terraform's wrapper prints the command before `terraform show -json`'s output.
    # Before, such a file not named like a plan was skipped as not IaC and the gate passed.
    plan = {"format_version": "1.2", "terraform_version": "1.9.5", "planned_values": {"root_module": {}}}
    text = f"[command]/home/runner/work/_temp/terraform-bin show -json tfplan\n{json.dumps(plan)}\n"
    (tmp_path / "main.tf").write_text(ENCRYPTED_VOLUME, encoding="utf-8")
    (tmp_path / "out.json").write_text(text + "::debug::Terraform exited with code 0.\n", encoding="utf-8")
    result = scan(ScanSettings(paths=(tmp_path,)))
    errors = [(note.file, note.line, note.message) for note in result.notifications if note.level == "error"]
    assert errors == [
        (
            "out.json",
            1,
            "not a plan as `terraform show -json` writes it: other text before its JSON on line 2 "
            "(a wrapper's output? with hashicorp/setup-terraform, set terraform_wrapper: false)",
        )
    ]
    assert result.decision.exit_code == 3
