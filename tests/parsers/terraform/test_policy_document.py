"""data "aws_iam_policy_document" evaluated from source (issue 15 §3): its json as the provider writes it."""

from __future__ import annotations

import json
from pathlib import Path

from iacgate.graph.model import Unknown
from iacgate.parsers.terraform.policy_document import PartialPolicy, policy_json, replace_in_policy
from parsers.terraform.support import scan

DENY = {
    "sid": "denyInsecureTransport",
    "effect": "Deny",
    "actions": ["s3:*"],
    "principals": [{"type": "*", "identifiers": ["*"]}],
    "condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": [False]}],
}


def test_statement_blocks_become_policy_json_with_terraform_string_conversion() -> None:
    text = policy_json(
        {"statement": [{**DENY, "resources": ["arn:aws:s3:::acme", "arn:aws:s3:::acme/*"]}]}, "json", "d"
    )
    assert json.loads(text) == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "denyInsecureTransport",
                "Effect": "Deny",
                "Action": "s3:*",
                "Resource": ["arn:aws:s3:::acme", "arn:aws:s3:::acme/*"],
                "Principal": "*",
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            }
        ],
    }


def test_sources_merge_by_sid_and_overrides_replace() -> None:
    source = json.dumps({"Statement": [{"Sid": "a", "Effect": "Allow"}, {"Sid": "b", "Effect": "Allow"}]})
    override = json.dumps({"Statement": [{"Sid": "b", "Effect": "Deny"}]})
    text = policy_json(
        {
            "source_policy_documents": [source],
            "statement": [{"sid": "a", "effect": "Deny"}],
            "override_policy_documents": [override],
            "policy_id": "p1",
        },
        "minified_json",
        "d",
    )
    document = json.loads(text)
    assert document["Id"] == "p1"
    assert document["Statement"] == [{"Sid": "a", "Effect": "Deny"}, {"Sid": "b", "Effect": "Deny"}]
    assert " " not in text


def test_unknown_pieces_stay_unknown() -> None:
    arn = Unknown("depends on aws_s3_bucket.b.arn, known after apply")
    document = policy_json({"statement": [{**DENY, "resources": [arn]}]}, "json", "d")
    assert isinstance(document, dict)
    assert document["Statement"][0]["Resource"] == arn
    assert document["Statement"][0]["Effect"] == "Deny"
    # A source document not known statically adds a statement that is not known.
    source = Unknown("var.extra has no value")
    merged = policy_json({"source_policy_documents": [source], "statement": [DENY]}, "json", "d")
    assert merged["Statement"][0] == source
    # An override not known statically may replace anything: the whole document is unknown.
    assert isinstance(
        policy_json({"override_policy_documents": [source], "statement": [DENY]}, "json", "d"), Unknown
    )


def test_a_bucket_policy_reads_the_evaluated_document(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        """
resource "aws_s3_bucket" "b" {
  bucket = "acme"
}
data "aws_iam_policy_document" "tls" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.b.arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
data "aws_iam_policy_document" "combined" {
  source_policy_documents = compact([data.aws_iam_policy_document.tls.json, ""])
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.combined.json
}
""",
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    policy = scanned.resources["aws_s3_bucket_policy.p"].attributes["policy"]
    assert policy["Statement"][0]["Principal"] == "*"
    assert isinstance(policy["Statement"][0]["Resource"], Unknown)
    assert "json" in scanned.resources["data.aws_iam_policy_document.combined"].attributes


def test_replace_keeps_the_known_pieces_of_a_policy_document() -> None:
    arn = Unknown("depends on aws_s3_bucket.b.arn, known after apply")
    text = json.dumps({"Statement": [{"Effect": "Deny", "Resource": "_S3_BUCKET_ARN_/*", "Action": "s3:*"}]})
    replaced = replace_in_policy(text, "_S3_BUCKET_ARN_", arn)
    assert isinstance(replaced, PartialPolicy)
    statement = replaced["Statement"][0]
    assert statement["Effect"] == "Deny" and statement["Action"] == "s3:*"
    assert isinstance(statement["Resource"], Unknown)
    # Nothing to replace: the text itself. A pattern or a text that is no policy: the usual replace().
    assert replace_in_policy(text, "_NOT_THERE_", arn) == text
    assert replace_in_policy(text, "/_S3_.*_/", arn) is None
    assert replace_in_policy("not json _S3_BUCKET_ARN_", "_S3_BUCKET_ARN_", arn) is None
    assert replace_in_policy(replaced, "s3:*", "s3:GetObject")["Statement"][0]["Action"] == "s3:GetObject"


def test_terraform_aws_modules_placeholders_are_replaced_piece_by_piece(tmp_path: Path) -> None:
    """terraform-aws-modules/s3-bucket 5.x: the combined document's placeholders are replaced by ARNs."""
    (tmp_path / "main.tf").write_text(
        """
resource "aws_s3_bucket" "b" {
  bucket = "acme"
}
data "aws_iam_policy_document" "tls" {
  statement {
    sid       = "denyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["_S3_BUCKET_ARN_", "_S3_BUCKET_ARN_/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
locals {
  policy = replace(data.aws_iam_policy_document.tls.json, "_S3_BUCKET_ARN_", try(aws_s3_bucket.b.arn, null))
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = local.policy
}
""",
        encoding="utf-8",
    )
    policy = scan(tmp_path).resources["aws_s3_bucket_policy.p"].attributes["policy"]
    statement = policy["Statement"][0]
    assert statement["Principal"] == "*" and statement["Condition"] == {
        "Bool": {"aws:SecureTransport": "false"}
    }
    assert all(isinstance(item, Unknown) for item in statement["Resource"])


def test_jsonencode_of_a_policy_with_an_unknown_resource_keeps_its_statements(tmp_path: Path) -> None:
    """The usual bucket policy: jsonencode() of a document naming the bucket's ARN, known after apply. Only
    the ARN is unknown; the effect, principal, action and condition stay readable, as the data source's."""
    (tmp_path / "main.tf").write_text(
        """
resource "aws_s3_bucket" "b" {
  bucket = "acme"
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = false } }
    }]
  })
}
resource "aws_s3_bucket_policy" "known" {
  bucket = "acme"
  policy = jsonencode({ Statement = [{ Effect = "Deny", Resource = "arn:aws:s3:::acme/*" }] })
}
locals {
  text = "prefix ${jsonencode({ Statement = [{ Resource = aws_s3_bucket.b.arn }] })}"
}
resource "aws_s3_bucket_policy" "text" {
  bucket = "acme"
  policy = local.text
}
""",
        encoding="utf-8",
    )
    resources = scan(tmp_path).resources
    statement = resources["aws_s3_bucket_policy.p"].attributes["policy"]["Statement"][0]
    assert statement["Effect"] == "Deny" and statement["Principal"] == "*" and statement["Action"] == "s3:*"
    assert statement["Condition"] == {"Bool": {"aws:SecureTransport": False}}
    assert all(isinstance(item, Unknown) for item in statement["Resource"])
    # Known throughout: the JSON text Terraform writes. Used as text, a partly unknown document is unknown.
    assert resources["aws_s3_bucket_policy.known"].attributes["policy"] == (
        '{"Statement":[{"Effect":"Deny","Resource":"arn:aws:s3:::acme/*"}]}'
    )
    assert isinstance(resources["aws_s3_bucket_policy.text"].attributes["policy"], Unknown)
