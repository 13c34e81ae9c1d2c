"""What a user reads when a Terraform file cannot be read, and when a check cannot be decided (#14 §5).

A truncated file says "unexpected end of file" where its text stops, a binary one "not a text file",
each with file, line and column; an undetermined finding says which value is unknown and why, as a
sentence, for a variable without a value and for a value known only after apply, in HCL and in a plan.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from iacgate.api import ScanResult, ScanSettings, scan

BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n'


def _scan(directory: Path) -> ScanResult:
    return scan(ScanSettings(paths=(directory,), root=directory))


def _errors(result: ScanResult) -> list[str]:
    return [str(note) for note in result.notifications if note.level == "error"]


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (BUCKET, "2:18"),  # the closing brace is missing
        (BUCKET + "  acl =\n", "3:8"),  # stops after "=": lark saw a line break, it said "unexpected ''"
        (BUCKET + "  acl =\n  \n\n", "3:8"),  # blank lines after it change nothing
        (BUCKET + '  acl = "priv', "3:14"),  # inside a string
        (BUCKET + "  tags = {\n", "3:11"),
        (BUCKET + "  acl", "3:6"),
    ],
)
def test_a_truncated_tf_file_says_unexpected_end_of_file_where_its_text_stops(
    tmp_path: Path, text: str, where: str
) -> None:
    result = _scan(_write(tmp_path, "main.tf", text))
    assert _errors(result) == [f"main.tf:{where}: HCL syntax error: unexpected end of file"]
    assert result.decision.exit_code == 3


def test_a_line_that_stops_early_in_the_middle_says_end_of_line(tmp_path: Path) -> None:
    result = _scan(_write(tmp_path, "main.tf", BUCKET + "  acl =\n  force_destroy = true\n}\n"))
    assert _errors(result) == ["main.tf:3:8: HCL syntax error: unexpected end of line"]


def test_other_syntax_errors_still_quote_the_token(tmp_path: Path) -> None:
    result = _scan(_write(tmp_path, "main.tf", BUCKET + "  acl = 1 2\n}\n"))
    assert _errors(result) == ["main.tf:3:11: HCL syntax error: unexpected '2'"]


@pytest.mark.parametrize("opener", ["<<EOF", "<<-EOT"])
def test_a_heredoc_that_never_closes_says_so_at_its_opener(tmp_path: Path, opener: str) -> None:
    marker = opener.lstrip("<-")
    text = BUCKET + f'  policy = {opener}\n{{"Version": "2012-10-17"}}\n}}\n'
    result = _scan(_write(tmp_path, "main.tf", text))
    cause = f"heredoc {opener} has no closing {marker} line (unterminated heredoc)"
    assert _errors(result) == [f"main.tf:3:12: HCL syntax error: {cause}"]


def test_a_comment_on_the_last_line_without_a_line_end_is_read(tmp_path: Path) -> None:
    # python-hcl2's grammar wanted a line end after it: "unexpected '# end'", the whole file refused.
    result = _scan(_write(tmp_path, "main.tf", BUCKET + "}\n# end"))
    assert _errors(result) == []
    assert [finding.resource_id for finding in result.findings if finding.rule_id == "LOG-S3-001"] == [
        "aws_s3_bucket.b"
    ]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        # Terraform refuses both; iacgate ignored the first and kept the last value of the second.
        (
            "encrypted = true\n" + BUCKET + "}\n",
            "main.tf:1: argument 'encrypted' is not expected outside a block",
        ),
        (
            BUCKET + '  acl = "private"\n  acl = "public-read"\n}\n',
            "main.tf:4: argument 'acl' was already set at line 3",
        ),
    ],
)
def test_arguments_terraform_refuses_are_errors_at_their_line(tmp_path: Path, text: str, error: str) -> None:
    result = _scan(_write(tmp_path, "main.tf", text))
    assert _errors(result) == [error]
    assert result.decision.exit_code == 3


def test_a_truncated_tf_json_file_says_unexpected_end_of_file(tmp_path: Path) -> None:
    text = '{"resource": {"aws_s3_bucket": {"b": {\n  "bucket": "lo'
    result = _scan(_write(tmp_path, "main.tf.json", text))
    assert _errors(result) == ["main.tf.json:2:16: invalid JSON: unexpected end of file"]


def test_a_truncated_tfvars_file_names_its_line_and_column(tmp_path: Path) -> None:
    _write(
        tmp_path, "main.tf", 'variable "name" {}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n'
    )
    result = _scan(_write(tmp_path, "terraform.tfvars", 'name = "a"\nother =\n'))
    assert _errors(result) == [
        "terraform.tfvars:2:8: cannot parse variable file: HCL syntax error: unexpected end of file"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"\x7fELF\x02\x01\x01\x00\x00\x00",
            "main.tf:1:8: not a text file: it holds a NUL byte (binary data)",
        ),
        (  # bytes behind a UTF-16 mark: lark said "unexpected '戀摡扡'"
            codecs.BOM_UTF16_LE + b"\x00badabcdefgh",
            "main.tf:1:1: not a text file: read as UTF-16-LE after its byte-order mark, it holds no ASCII "
            "character (binary data, or text saved in another byte order)",
        ),
        (
            b'resource "aws_s3_bucket" "b" {\n  bucket = "caf\xe9"\n}\n',
            "main.tf:2:16: not a text file: byte 0xe9 is not valid UTF-8 (text is read as UTF-8, or as "
            "UTF-16/32 after a byte-order mark)",
        ),
    ],
)
def test_a_binary_tf_file_is_not_a_text_file(tmp_path: Path, data: bytes, message: str) -> None:
    result = _scan(_write(tmp_path, "main.tf", data))
    assert _errors(result) == [message]
    assert result.decision.exit_code == 3


def test_a_binary_plan_is_not_a_text_file_either(tmp_path: Path) -> None:
    result = _scan(_write(tmp_path, "prod.tfplan.json", codecs.BOM_UTF16_BE + b"\x00{\x00\x01"))
    assert _errors(result) == [
        "prod.tfplan.json:1:2: not a text file: read as UTF-16-BE after its byte-order mark, "
        "it holds control character U+0001"
    ]


def _undetermined(result: ScanResult, rule_id: str) -> dict[str, str]:
    return {
        finding.resource_id: finding.message
        for finding in result.findings
        if finding.rule_id == rule_id and finding.status == "undetermined"
    }


TRAIL = """
variable "enable_log_file_validation" {
  type = bool
}

resource "aws_cloudtrail" "t" {
  name                       = "t"
  s3_bucket_name             = "b"
  enable_log_file_validation = var.enable_log_file_validation
  is_multi_region_trail      = true
}

resource "aws_kms_key" "k" {
  enable_key_rotation = true
}

resource "aws_ebs_volume" "v" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = aws_kms_key.k.bypass_policy_lockout_safety_check
}
"""


def test_undetermined_hcl_findings_say_what_is_unknown_and_why(tmp_path: Path) -> None:
    result = _scan(_write(tmp_path, "main.tf", TRAIL))
    assert _undetermined(result, "LOG-CLOUDTRAIL-002")["aws_cloudtrail.t"].endswith(
        "(cannot decide, enable_log_file_validation is unknown: "
        "variable 'enable_log_file_validation' has no value)"
    )
    assert _undetermined(result, "ENC-EBS-001")["aws_ebs_volume.v"].endswith(
        "(cannot decide, encrypted is unknown: "
        "depends on aws_kms_key.k.bypass_policy_lockout_safety_check, known after apply)"
    )


def _plan_resource(
    values: dict[str, object], unknown: dict[str, object]
) -> tuple[dict[str, object], dict[str, object]]:
    base: dict[str, object] = {
        "address": "aws_ebs_volume.v",
        "mode": "managed",
        "type": "aws_ebs_volume",
        "name": "v",
        "provider_name": "registry.terraform.io/hashicorp/aws",
    }
    planned: dict[str, object] = {**base, "schema_version": 0, "values": values, "sensitive_values": {}}
    change: dict[str, object] = {
        **base,
        "change": {"actions": ["create"], "before": None, "after": values, "after_unknown": unknown},
    }
    return planned, change


def test_undetermined_plan_findings_say_what_is_unknown_and_why(tmp_path: Path) -> None:
    planned, change = _plan_resource(
        {"availability_zone": "eu-west-1a", "size": 10}, {"encrypted": True, "id": True}
    )
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "planned_values": {"root_module": {"resources": [planned]}},
        "resource_changes": [change],
    }
    result = _scan(_write(tmp_path, "prod.tfplan.json", json.dumps(plan)))
    assert _undetermined(result, "ENC-EBS-001")["aws_ebs_volume.v"].endswith(
        "(cannot decide, encrypted is unknown: known after apply)"
    )


def test_a_block_type_terraform_does_not_accept_is_an_error_not_a_silent_drop(tmp_path: Path) -> None:
    # terragoat's terraform/aws/foo.tf: a typo that Terraform refuses; it was scanned with 0 resources.
    text = 'ource "aws_s3_bucket" "data" {\n  bucket = "x"\n}\n' + BUCKET + "}\n"
    result = _scan(_write(tmp_path, "foo.tf", text))
    assert _errors(result) == ["foo.tf:1: unsupported block type 'ource': Terraform does not accept it"]
