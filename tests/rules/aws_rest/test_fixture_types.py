"""Every CloudFormation and Pulumi fixture resource of the aws_rest rules has a type the engine maps to the
case's Terraform type. A template type missing from ``parsers/data/cloudformation_types.json`` (or a Pulumi
token missing from ``pulumi_types.json``) is never judged, and the fixture test, which looks at resources
of the rule's types only, cannot see that its named resources got no outcome at all
(AWS::Scheduler::Schedule, AWS::Bedrock::Agent, AWS::Glue::DevEndpoint and
aws:glue/devEndpoint:DevEndpoint were such types)."""

from __future__ import annotations

import pytest

from iacgate.packs.check import expected_outcome
from iacgate.parsers.cloudformation.names import type_table
from iacgate.parsers.pulumi.typemap import load_table as pulumi_type_table
from rules.aws_rest import generate_fixtures as spec


@pytest.mark.parametrize("rule_id", sorted(spec.FIXTURES))
def test_template_types_map_to_the_case_type(rule_id: str) -> None:
    unmapped = [
        (case.name, case.cloudformation[0], type_table().lookup(case.cloudformation[0]).canonical)
        for case in spec.FIXTURES[rule_id]
        if case.cloudformation is not None and expected_outcome(case.name) is not None
        if type_table().lookup(case.cloudformation[0]).canonical != case.tf_type
    ]
    assert not unmapped, f"{rule_id}: template types that do not map to the case's Terraform type: {unmapped}"


@pytest.mark.parametrize("rule_id", sorted(spec.FIXTURES))
def test_pulumi_tokens_map_to_the_case_type(rule_id: str) -> None:
    unmapped = [
        (case.name, case.pulumi[0], pulumi_type_table().canonical(case.pulumi[0]))
        for case in spec.FIXTURES[rule_id]
        if case.pulumi is not None and expected_outcome(case.name) is not None
        if pulumi_type_table().canonical(case.pulumi[0]) != case.tf_type
    ]
    assert not unmapped, f"{rule_id}: Pulumi tokens that do not map to the case's Terraform type: {unmapped}"
