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

from fixture_writer import ACCOUNT, UNKNOWN, Case, Interpolated, JsonEncoded, Ref, write

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


def by_literal_name(name: str, policy: dict[str, Any]) -> list[Case]:
    """A bucket and a separate policy naming it by its literal name, not by reference (issue 15 §3)."""
    tf = {"bucket": f"acme-{name.replace('_', '-')}", "policy": json.dumps(policy)}
    cfn = {"Bucket": tf["bucket"], "PolicyDocument": policy}
    policy_case = Case(
        "aws_s3_bucket_policy", f"{name}_policy", tf, ("AWS::S3::BucketPolicy", cfn), (POLICY_TOKEN, tf)
    )
    return [bucket(name), policy_case]


def jsonencoded(name: str, *statements: dict[str, Any]) -> list[Case]:
    """Terraform only: the usual bucket policy, jsonencode() of a document whose Resource is the bucket's
    ARN, known after apply; the other elements of each statement are known from source. Not in the plan,
    where the whole text is known only after apply."""
    arn = Ref(f"aws_s3_bucket.{name}", "arn")
    encoded = [{**item, "Resource": [arn, Interpolated(arn, "/*")]} for item in statements]
    policy = {"bucket": Ref(f"aws_s3_bucket.{name}", "id"), "policy": JsonEncoded(document(*encoded))}
    return [
        Case("aws_s3_bucket", name, {"bucket": f"acme-{name.replace('_', '-')}"}, in_plan=False),
        Case("aws_s3_bucket_policy", f"{name}_policy", policy, in_plan=False),
    ]


DOCUMENT_BLOCKS = ("statement", "principals", "condition")


def from_document(
    name: str, statements: list[dict[str, Any]], sources: list[Any] | None = None
) -> list[Case]:
    """Terraform only: a bucket whose policy is a data.aws_iam_policy_document built the way
    terraform-aws-modules/s3-bucket builds it (a statement document merged through
    source_policy_documents), evaluated from source. Not in the plan, where it is known only after apply."""
    document = f"{name}_statements"
    documents = [Ref(f"data.aws_iam_policy_document.{document}", "json"), *(sources or [])]
    policy = {
        "bucket": Ref(f"aws_s3_bucket.{name}", "id"),
        "policy": Ref(f"data.aws_iam_policy_document.{name}_combined", "json"),
    }
    return [
        Case("aws_s3_bucket", name, {"bucket": f"acme-{name.replace('_', '-')}"}, in_plan=False),
        Case(
            "aws_iam_policy_document", document, {"statement": statements}, blocks=DOCUMENT_BLOCKS, data=True
        ),
        Case(
            "aws_iam_policy_document",
            f"{name}_combined",
            {"source_policy_documents": documents},
            data=True,
        ),
        Case("aws_s3_bucket_policy", f"{name}_policy", policy, in_plan=False),
    ]


def deny_insecure_transport(bucket_name: str, values: list[Any]) -> dict[str, Any]:
    """terraform-aws-modules/s3-bucket's denyInsecureTransport statement, as HCL arguments."""
    return {
        "sid": "denyInsecureTransport",
        "effect": "Deny",
        "actions": ["s3:*"],
        "resources": [Ref(f"aws_s3_bucket.{bucket_name}", "arn")],
        "principals": [{"type": "*", "identifiers": ["*"]}],
        "condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": values}],
    }


ALLOW_READ_ARGUMENTS = {
    "effect": "Allow",
    "actions": ["s3:GetObject"],
    "resources": ["arn:aws:s3:::acme-data/*"],
    "principals": [{"type": "AWS", "identifiers": [READER]}],
}


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
        *jsonencoded("pass_jsonencoded_tls_policy", ALLOW_READ, statement()),
        *jsonencoded("fail_jsonencoded_allows_only", ALLOW_READ),
        *by_literal_name("pass_by_literal_name", document(ALLOW_READ, statement())),
        *by_literal_name("fail_by_literal_name_allows_only", document(ALLOW_READ)),
        *from_document(
            "pass_from_policy_document",
            [deny_insecure_transport("pass_from_policy_document", [False])],
        ),
        *from_document("fail_policy_document_allows_only", [ALLOW_READ_ARGUMENTS]),
        *from_document(
            "undetermined_policy_document_unknown_source",
            [ALLOW_READ_ARGUMENTS],
            [Ref("aws_s3_bucket.undetermined_policy_document_unknown_source", "policy")],
        ),
    ],
}


def main() -> None:
    for rule_id, cases in FIXTURES.items():
        for path in write(PACK, rule_id, cases, project=PROJECT):
            print(path)


if __name__ == "__main__":
    main()
