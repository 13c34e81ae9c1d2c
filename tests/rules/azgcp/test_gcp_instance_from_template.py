"""ENC-GCPINSTANCE-001 judges google_compute_instance_from_template in every format, Pulumi included
(gcp:compute/instanceFromTemplate:InstanceFromTemplate): each fixture resource of that type gets the
outcome its name gives, and none is left unjudged."""

from __future__ import annotations

from pathlib import Path

import pytest

from iacgate.api import ScanSettings, scan
from iacgate.packs.check import expected_outcome

ROOT = Path(__file__).resolve().parents[3]
DIRECTORY = ROOT / "fixtures" / "encryption" / "ENC-GCPINSTANCE-001"
FILES = ("main.tf", "ENC-GCPINSTANCE-001.tfplan.json", "ENC-GCPINSTANCE-001.pulumi.json")


@pytest.mark.parametrize("name", FILES)
def test_instances_from_templates_get_their_outcome(name: str) -> None:
    path = DIRECTORY if name == "main.tf" else DIRECTORY / name
    result = scan(ScanSettings(paths=(path,), root=ROOT, packs=("encryption",)))
    resources = {
        resource.id.rsplit("::", 1)[-1].rsplit(".", 1)[-1]
        for graph in result.graphs
        for resource in graph.resources
        if resource.type == "google_compute_instance_from_template"
    }
    outcomes = {
        check.resource_id.rsplit("::", 1)[-1].rsplit(".", 1)[-1]: check.outcome
        for check in result.evaluation.checks
        if check.rule_id == "ENC-GCPINSTANCE-001"
    }
    assert len(resources) == 6, resources
    assert {name: outcomes.get(name) for name in resources} == {
        name: expected_outcome(name) for name in resources
    }
