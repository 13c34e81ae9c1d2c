"""A case named by an outcome is of a type its rule judges: a fixture the rule never evaluates proves nothing.

The fixture test compares outcomes on the rule's resource_types only, so a fail_* resource of a type the
manifest leaves out (an Aurora aws_rds_cluster_instance of ENC-RDS-006) would pass it unjudged.
"""

from __future__ import annotations

import pytest

from iacgate.packs import load_packs
from iacgate.packs.check import expected_outcome
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
