"""Fixtures of the AWS at-rest encryption rules of the aws_rest group (issue 15), in every format where the
resource exists.

Each case is a resource named by its expected outcome with its Terraform arguments, its CloudFormation
properties and its Pulumi inputs. Rewrite the checked-in files after editing a case:

    .venv/bin/python tests/rules/aws_rest/generate_fixtures.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import Case, Ref, pascal, write

PACK = "encryption"
PROJECT = "awsrest"
KEY = Ref("aws_kms_key.cmk", "arn")
LITERAL_KEY = "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"
AMI_ID = "ami-0c1a7f1e2d3b4c5a6"
SNAPSHOT_ID = "snap-0a1b2c3d4e5f60718"


def kms_key() -> Case:
    description = "data at rest"
    return Case(
        "aws_kms_key",
        "cmk",
        {"description": description, "enable_key_rotation": True},
        ("AWS::KMS::Key", {"Description": description, "EnableKeyRotation": True}),
        ("aws:kms/key:Key", {"description": description, "enableKeyRotation": True}),
    )


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _drop_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


# --- EC2 instances -----------------------------------------------------------------------------------


def instance(
    name: str,
    root: dict[str, Any] | None,
    extra: dict[str, Any] | None = None,
) -> Case:
    """An instance; ``root`` and ``extra`` are the root and one additional EBS device's settings in
    Terraform names (None: no such device), e.g. {"encrypted": True, "kms_key_id": KEY}."""
    tf: dict[str, Any] = {"ami": AMI_ID, "instance_type": "t3.micro"}
    cfn: dict[str, Any] = {"ImageId": AMI_ID, "InstanceType": "t3.micro"}
    pul: dict[str, Any] = {"ami": AMI_ID, "instanceType": "t3.micro"}
    mappings: list[dict[str, Any]] = []
    if root is not None:
        tf["root_block_device"] = [{"volume_size": 30, **root}]
        pul["rootBlockDevice"] = {"volumeSize": 30, **{camel(k): v for k, v in root.items()}}
        ebs = {"VolumeSize": 30, **{pascal(k): v for k, v in root.items()}}
        mappings.append({"DeviceName": "/dev/xvda", "Ebs": ebs})
    if extra is not None:
        tf["ebs_block_device"] = [{"device_name": "/dev/sdf", "volume_size": 50, **extra}]
        pul["ebsBlockDevices"] = [
            {"deviceName": "/dev/sdf", "volumeSize": 50, **{camel(k): v for k, v in extra.items()}}
        ]
        ebs = {"VolumeSize": 50, **{pascal(k): v for k, v in extra.items()}}
        mappings.append({"DeviceName": "/dev/sdf", "Ebs": ebs})
    if mappings:
        cfn["BlockDeviceMappings"] = mappings
    return Case(
        "aws_instance",
        name,
        tf,
        ("AWS::EC2::Instance", cfn),
        ("aws:ec2/instance:Instance", pul),
        blocks=("root_block_device", "ebs_block_device"),
    )


ENC = {"encrypted": True}
CMK = {"encrypted": True, "kms_key_id": KEY}

FIXTURES: dict[str, list[Case]] = {
    "ENC-EC2-004": [
        kms_key(),
        instance("pass_root_and_data_encrypted", ENC, ENC),
        instance("pass_root_encrypted_with_cmk", CMK),
        instance("fail_root_unencrypted", {"encrypted": False}, ENC),
        instance("fail_data_volume_unencrypted", ENC, {"encrypted": False}),
        instance("undetermined_root_from_ami", None),
        instance("undetermined_data_volume_from_snapshot", ENC, {"snapshot_id": SNAPSHOT_ID}),
    ],
    "ENC-EC2-005": [
        kms_key(),
        instance("pass_root_and_data_cmk", CMK, CMK),
        instance("pass_root_literal_key_arn", {"encrypted": True, "kms_key_id": LITERAL_KEY}),
        instance("fail_root_default_key", ENC),
        instance("fail_data_volume_aws_managed", CMK, {"encrypted": True, "kms_key_id": "alias/aws/ebs"}),
        instance("fail_root_unencrypted", {"encrypted": False}),
        instance("undetermined_root_from_ami", None),
        instance("undetermined_data_volume_from_snapshot", CMK, {"snapshot_id": SNAPSHOT_ID}),
    ],
}


def main() -> None:
    for rule_id, cases in FIXTURES.items():
        write(PACK, rule_id, cases, project=PROJECT)


if __name__ == "__main__":
    main()
