"""Fixtures of ENC-S3-003 (S3 buckets deny requests not made over TLS, issue 5), in all four formats.

The bucket is what is judged, so the buckets carry the outcome names; a bucket policy is a separate
resource (``aws_s3_bucket_policy``, ``AWS::S3::BucketPolicy``, Pulumi ``BucketPolicy``) that refers to its
bucket, or the bucket's own ``policy`` argument (Terraform and Pulumi's ``Bucket``). Terraform and Pulumi
hold the policy as a JSON string, CloudFormation as an object. Rewrite the checked-in files after editing
a case:

    .venv/bin/python tests/rules/aws_s3tls/generate_fixtures.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import ACCOUNT, UNKNOWN, Case, Ref, write

__all__ = ["FIXTURES", "PACK", "PROJECT", "write"]

PACK = "encryption"
PROJECT = "awss3tls"
POLICY_TOKEN = "aws:s3/bucketPolicy:BucketPolicy"


def statement(
    effect: str = "Deny",
    principal: Any = "*",
    action: Any = "s3:*",
    condition: Any = None,
) -> dict[str, Any]:
    """A statement; by default the one the rule asks for: deny everything when the request is not TLS."""
    return {
        "Effect": effect,
        "Principal": principal,
        "Action": action,
        "Resource": ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"],
        "Condition": condition if condition is not None else {"Bool": {"aws:SecureTransport": "false"}},
    }


READER = f"arn:aws:iam::{ACCOUNT}:role/reader"
ALLOW_READ = {
    "Effect": "Allow",
    "Principal": {"AWS": READER},
    "Action": ["s3:GetObject"],
    "Resource": "arn:aws:s3:::acme-data/*",
}


def document(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def bucket(name: str, inline_policy: dict[str, Any] | None = None, computed_policy: bool = False) -> Case:
    """A bucket; ``inline_policy`` sets its own policy argument (HCL, Pulumi Bucket), which CloudFormation
    does not have, so there the same document is a separate policy case (see :func:`inline`).
    ``computed_policy``: the plan shows ``policy`` unknown, as AWS provider 4+ plans a bucket without one."""
    bucket_name = f"acme-{name.replace('_', '-')}"
    tf: dict[str, Any] = {"bucket": bucket_name}
    pulumi: dict[str, Any] = {"bucket": bucket_name}
    token = "aws:s3/bucketV2:BucketV2"
    if inline_policy is not None:
        tf["policy"] = pulumi["policy"] = json.dumps(inline_policy)
        token = "aws:s3/bucket:Bucket"
    plan_values = {"policy": UNKNOWN} if computed_policy else {}
    return Case(
        "aws_s3_bucket",
        name,
        tf,
        ("AWS::S3::Bucket", {"BucketName": bucket_name}),
        (token, pulumi),
        plan_values=plan_values,
    )


def bucket_policy(
    name: str, target: str, policy: dict[str, Any], *, cloudformation_only: bool = False
) -> Case:
    """A separate bucket policy naming ``target``'s bucket."""
    tf = {"bucket": Ref(f"aws_s3_bucket.{target}", "id"), "policy": json.dumps(policy)}
    cfn = {"Bucket": tf["bucket"], "PolicyDocument": policy}
    return Case(
        "aws_s3_bucket_policy",
        name,
        None if cloudformation_only else tf,
        ("AWS::S3::BucketPolicy", cfn),
        None if cloudformation_only else (POLICY_TOKEN, tf),
    )


def separately(name: str, policy: dict[str, Any]) -> list[Case]:
    return [bucket(name), bucket_policy(f"{name}_policy", name, policy)]


def inline(name: str, policy: dict[str, Any]) -> list[Case]:
    return [bucket(name, policy), bucket_policy(f"{name}_policy", name, policy, cloudformation_only=True)]


def undetermined_from_document(name: str) -> list[Case]:
    """A Terraform bucket policy built from a policy document whose text is known only after apply."""
    tf = {
        "bucket": Ref(f"aws_s3_bucket.{name}", "id"),
        "policy": Ref("data.aws_iam_policy_document.tls_only", "json"),
    }
    policy = Case("aws_s3_bucket_policy", f"{name}_policy", tf)
    return [Case("aws_s3_bucket", name, {"bucket": f"acme-{name.replace('_', '-')}"}), policy]


FIXTURES: dict[str, list[Case]] = {
    "ENC-S3-003": [
        *separately("pass_with_tls_policy", document(ALLOW_READ, statement())),
        *separately(
            "pass_aws_star_bool_if_exists",
            document(
                statement(
                    principal={"AWS": "*"},
                    action=["s3:*"],
                    condition={"BoolIfExists": {"aws:SecureTransport": False}},
                )
            ),
        ),
        *inline("pass_inline_tls_policy", document(statement(action="*"))),
        bucket("fail_no_policy", computed_policy=True),
        *separately("fail_policy_allows_only", document(ALLOW_READ)),
        *separately(
            "fail_deny_when_secure",
            document(statement(condition={"Bool": {"aws:SecureTransport": "true"}})),
        ),
        *separately("fail_deny_one_principal", document(statement(principal={"AWS": READER}))),
        *inline("fail_inline_deny_one_action", document(statement(action="s3:PutObject"))),
        *undetermined_from_document("undetermined_policy_from_document"),
    ],
}


def main() -> None:
    for rule_id, cases in FIXTURES.items():
        for path in write(PACK, rule_id, cases, project=PROJECT):
            print(path)


if __name__ == "__main__":
    main()
