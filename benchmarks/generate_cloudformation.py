"""Write a deterministic CloudFormation template of N resources (default 1,000) for the parse benchmark.

    python benchmarks/generate_cloudformation.py out/template.yaml --count 1000 --seed 7 [--json] [--time]

The mix follows what the encryption and audit-logging packs judge (volumes, buckets, keys, trails, logs,
queues, topics, tables, databases) with the intrinsics real templates use, so resolution cost is realistic.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

KINDS = ("volume", "bucket", "key", "trail", "logs", "queue", "topic", "table", "db", "flowlog")


def _resource(kind: str, index: int, rng: random.Random) -> dict[str, Any]:
    key_ref: Any = {"Fn::GetAtt": [f"Key{index - index % 10 + 2}", "Arn"]}
    encrypted = rng.random() < 0.8
    if kind == "volume":
        props = {
            "Size": {"Ref": "VolumeSize"},
            "Encrypted": encrypted,
            "AvailabilityZone": {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
            "KmsKeyId": {"Fn::If": ["UseCmk", key_ref, {"Ref": "AWS::NoValue"}]},
        }
        return {"Type": "AWS::EC2::Volume", "Properties": props}
    if kind == "bucket":
        props = {
            "BucketName": {"Fn::Sub": "${Environment}-data-" + str(index) + "-${AWS::Region}"},
            "BucketEncryption": {
                "ServerSideEncryptionConfiguration": [
                    {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key_ref}}
                ]
            },
            "LoggingConfiguration": {
                "DestinationBucketName": {"Ref": f"Bucket{index - 10 if index >= 10 else index}"}
            },
            "VersioningConfiguration": {"Status": "Enabled"},
        }
        if index < 10:
            del props["LoggingConfiguration"]
        return {"Type": "AWS::S3::Bucket", "Properties": props}
    if kind == "key":
        return {
            "Type": "AWS::KMS::Key",
            "Properties": {
                "EnableKeyRotation": rng.random() < 0.9,
                "KeyPolicy": {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": {
                                "AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
                            },
                            "Action": "kms:*",
                            "Resource": "*",
                        }
                    ],
                },
            },
        }
    if kind == "trail":
        return {
            "Type": "AWS::CloudTrail::Trail",
            "DependsOn": [f"Bucket{index - 2}"],
            "Properties": {
                "IsLogging": True,
                "S3BucketName": {"Ref": f"Bucket{index - 2}"},
                "KMSKeyId": key_ref,
                "IsMultiRegionTrail": {"Fn::If": ["IsProd", True, False]},
                "EnableLogFileValidation": encrypted,
            },
        }
    if kind == "logs":
        return {
            "Type": "AWS::Logs::LogGroup",
            "Properties": {
                "RetentionInDays": {"Fn::FindInMap": ["Retention", {"Ref": "Environment"}, "Days"]},
                "KmsKeyId": key_ref,
            },
        }
    if kind == "queue":
        return {
            "Type": "AWS::SQS::Queue",
            "Properties": {
                "KmsMasterKeyId": "alias/aws/sqs" if encrypted else {"Ref": "AWS::NoValue"},
                "Tags": [{"Key": "team", "Value": "payments"}, {"Key": "index", "Value": str(index)}],
            },
        }
    if kind == "topic":
        return {
            "Type": "AWS::SNS::Topic",
            "Properties": {"KmsMasterKeyId": {"Fn::Join": ["", ["alias/", {"Ref": "Environment"}]]}},
        }
    if kind == "table":
        return {
            "Type": "AWS::DynamoDB::Table",
            "Properties": {
                "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                "SSESpecification": {"SSEEnabled": encrypted, "SSEType": "KMS", "KMSMasterKeyId": key_ref},
            },
        }
    if kind == "db":
        return {
            "Type": "AWS::RDS::DBInstance",
            "Condition": "IsProd",
            "Properties": {
                "Engine": "postgres",
                "DBInstanceClass": "db.t3.micro",
                "AllocatedStorage": "20",
                "StorageEncrypted": encrypted,
                "KmsKeyId": key_ref,
                "MasterUsername": {"Ref": "DbUser"},
                "EnableCloudwatchLogsExports": ["postgresql"],
            },
        }
    return {
        "Type": "AWS::EC2::FlowLog",
        "Properties": {
            "ResourceId": {"Ref": "VpcId"},
            "ResourceType": "VPC",
            "TrafficType": "ALL",
            "LogDestinationType": "cloud-watch-logs",
            "LogGroupName": {"Ref": f"Logs{index - 5}"},
        },
    }


def generate(count: int = 1000, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    resources: dict[str, Any] = {}
    for index in range(count):
        kind = KINDS[index % len(KINDS)]
        resources[f"{kind.capitalize()}{index}"] = _resource(kind, index, rng)
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Parameters": {
            "Environment": {"Type": "String", "Default": "prod", "AllowedValues": ["dev", "prod"]},
            "VolumeSize": {"Type": "Number", "Default": 100},
            "UseCmkKey": {"Type": "String", "Default": "Yes"},
            "DbUser": {"Type": "String", "Default": "admin"},
            "VpcId": {"Type": "AWS::EC2::VPC::Id", "Default": "vpc-0123"},
        },
        "Mappings": {"Retention": {"prod": {"Days": 365}, "dev": {"Days": 7}}},
        "Conditions": {
            "IsProd": {"Fn::Equals": [{"Ref": "Environment"}, "prod"]},
            "UseCmk": {"Fn::Equals": [{"Ref": "UseCmkKey"}, "Yes"]},
        },
        "Resources": resources,
    }


def to_yaml(template: dict[str, Any]) -> str:
    import yaml  # only the YAML output needs it

    return yaml.safe_dump(template, sort_keys=False, width=200)


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("output", type=Path)
    arguments.add_argument("--count", type=int, default=1000)
    arguments.add_argument("--seed", type=int, default=7)
    arguments.add_argument("--json", action="store_true", help="write JSON instead of YAML")
    arguments.add_argument("--time", action="store_true", help="parse the file and print the parse time")
    options = arguments.parse_args(argv)
    template = generate(options.count, options.seed)
    text = json.dumps(template, indent=2) if options.json else to_yaml(template)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(text, encoding="utf-8")
    if options.time:
        from iacgate.parsers.base import ParseOptions
        from iacgate.parsers.cloudformation import CloudFormationParser
        from iacgate.textio import read_source

        root = options.output.parent.resolve()
        start = time.perf_counter()
        source = read_source(options.output.resolve(), options.output.name)
        result = CloudFormationParser().parse([source], ParseOptions(scan_root=root, region="eu-west-1"))
        elapsed = time.perf_counter() - start
        sys.stdout.write(
            f"{len(result.resources)} resources, {len(result.edges)} edges parsed in {elapsed:.3f} s\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
