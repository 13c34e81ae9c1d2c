"""A case named by an outcome is of a type its rule judges, in every format: a fixture the rule never
evaluates proves nothing.

The fixture test compares outcomes on the rule's resource_types only, so a fail_* resource of a type the
manifest leaves out (an Aurora aws_rds_cluster_instance of ENC-RDS-006) would pass it unjudged.
"""

from __future__ import annotations

import pytest

from iacgate.packs import load_packs
from iacgate.packs.check import expected_outcome
from iacgate.parsers.cloudformation.names import type_table
from iacgate.parsers.pulumi.typemap import load_table
from rules.aws_rest import generate_fixtures as spec

RULES = {rule.id: rule for rule in load_packs((spec.PACK,)).rules}


@pytest.mark.parametrize("rule_id", sorted(spec.FIXTURES))
def test_outcome_named_cases_are_of_the_rules_types(rule_id: str) -> None:
    rule = RULES[rule_id]
    unjudged = [
        case.address
        for case in spec.FIXTURES[rule_id]
        if not case.data
        and expected_outcome(case.name) is not None
        and case.tf_type not in rule.resource_types
    ]
    assert not unjudged, f"{rule_id} does not judge {unjudged}: add their types to resource_types"


@pytest.mark.parametrize("rule_id", sorted(spec.FIXTURES))
def test_cases_are_read_as_their_terraform_type_in_every_format(rule_id: str) -> None:
    """A CloudFormation type or Pulumi token the parsers read as another type, or do not know, leaves the
    case unjudged in that format, which the fixture test does not notice (AWS::Scheduler::Schedule,
    AWS::Bedrock::Agent, aws:glue/devEndpoint and aws:dms/s3Endpoint were such types). A token outside the
    Pulumi table gets a mechanical name, which is never routed to a rule even when it spells the Terraform
    type (aws:dms/s3Endpoint:S3Endpoint -> aws_dms_s3_endpoint): only the table counts."""
    pulumi = load_table()
    misread = [
        (case.address, native, read)
        for case in spec.FIXTURES[rule_id]
        for native, read in (
            (case.cloudformation[0], type_table().lookup(case.cloudformation[0]).canonical)
            if case.cloudformation
            else (None, case.tf_type),
            (case.pulumi[0], pulumi.canonical(case.pulumi[0])) if case.pulumi else (None, case.tf_type),
        )
        if native is not None and read != case.tf_type
    ]
    assert not misread, f"{rule_id}: read as another type {misread}"
