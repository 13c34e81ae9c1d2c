"""A KMS key chosen by a conditional whose condition cannot be evaluated (#15): either branch may be taken,
so a reference to a key of the configuration (made by the condition, or by one branch of a CloudFormation
Fn::If) does not make the setting customer-managed; it is undetermined."""

from __future__ import annotations

from pathlib import Path

from iacgate.api import ScanSettings, scan

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "parsers"


def outcomes(directory: Path, *rules: str) -> dict[str, str]:
    result = scan(ScanSettings(paths=(directory,), root=directory, only_rules=rules))
    return {check.resource_id: check.outcome for check in result.evaluation.checks}


def test_an_hcl_conditional_key_is_undetermined_unless_the_condition_is_known() -> None:
    directory = FIXTURES / "terraform" / "conditional_key"
    assert outcomes(directory, "ENC-SQS-002", "ENC-S3-002") == {
        "aws_sqs_queue.condition_tests_key": "undetermined",
        "aws_sqs_queue.condition_on_variable": "undetermined",
        "aws_sqs_queue.known_condition": "pass",
        "aws_sqs_queue.known_condition_alias": "fail",
        "aws_s3_bucket.conditional": "undetermined",
    }


def test_the_reason_of_an_hcl_conditional_says_it_is_one() -> None:
    directory = FIXTURES / "terraform" / "conditional_key"
    result = scan(ScanSettings(paths=(directory,), root=directory, only_rules=("ENC-SQS-002",)))
    messages = {v.resource_id: v.message for v in result.evaluation.violations}
    assert (
        "is chosen by a condition that cannot be evaluated: conditional whose condition is unknown ("
        in (messages["aws_sqs_queue.condition_on_variable"])
    )


def test_a_cloudformation_fn_if_key_is_undetermined() -> None:
    directory = FIXTURES / "cloudformation" / "conditional_key"
    assert outcomes(directory, "ENC-SQS-002") == {
        "ConditionalQueue": "undetermined",
        # Each branch is a key of the template: whichever is taken, the key is customer-managed.
        "EitherKeyQueue": "pass",
        # A branch is a parameter without a value: it may be alias/aws/sqs.
        "ParameterBranchQueue": "undetermined",
        "KeyQueue": "pass",
    }
