"""A Pulumi provider's object-valued inputs are JSON text in its state (the SDKs JSON.stringify them, and
an ``aws:defaultTags`` stack config value is JSON): the provider's default tags still reach the resources
that use it, as they do when AWS tags them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iacgate.api import ScanSettings, scan

PROJECT = "urn:pulumi:prod::ledger"
RESIDENCY = {
    "residency": {
        "allowed_regions": ["eu-west-1", "eu-central-1"],
        "classifications": {"restricted": ["eu-central-1"]},
    }
}


def _preview(provider_name: str, default_tags: object) -> dict[str, object]:
    provider_urn = f"{PROJECT}::pulumi:providers:aws::{provider_name}"
    bucket_urn = f"{PROJECT}::aws:s3/bucketV2:BucketV2::statements"
    provider = {
        "urn": provider_urn,
        "custom": True,
        "type": "pulumi:providers:aws",
        "inputs": {"region": "eu-west-1", "defaultTags": default_tags, "skipRegionValidation": "true"},
    }
    bucket = {
        "urn": bucket_urn,
        "custom": True,
        "type": "aws:s3/bucketV2:BucketV2",
        "provider": f"{provider_urn}::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
        "inputs": {"bucket": "statements"},
    }
    return {
        "config": {"aws:region": "eu-west-1"},
        "steps": [
            {"op": "create", "urn": provider_urn, "newState": provider},
            {"op": "create", "urn": bucket_urn, "newState": bucket},
        ],
    }


@pytest.mark.parametrize("provider_name", ["restricted", "default_6_63_0"])
@pytest.mark.parametrize(
    "default_tags",
    [
        json.dumps({"tags": {"data-classification": "restricted"}}),
        {"tags": {"data-classification": "restricted"}},
    ],
    ids=["json-text", "object"],
)
def test_a_provider_default_tag_classifies_the_resources_it_creates(
    tmp_path: Path, provider_name: str, default_tags: object
) -> None:
    path = tmp_path / "preview.json"
    path.write_text(json.dumps(_preview(provider_name, default_tags)), encoding="utf-8")
    result = scan(ScanSettings(paths=(path,), root=tmp_path, packs=("residency",), settings=RESIDENCY))
    assert not [note for note in result.notifications if note.level == "error"]
    failed = [f for f in result.findings if f.rule_id == "RES-REGION-001" and f.status == "fail"]
    assert [f.resource_id.rsplit("::", 1)[-1] for f in failed] == ["statements"]
    assert "restricted" in failed[0].message


@pytest.mark.parametrize("default_tags", ["not json {", "[" * 100_000], ids=["not-json", "nested-too-deep"])
def test_default_tags_text_that_is_not_json_tags_nothing_and_scans_on(
    tmp_path: Path, default_tags: str
) -> None:
    # The provider's state is scanned content: text that does not decode (or nests past Python's limit)
    # gives no tags, never a traceback; the bucket is still judged, unclassified.
    path = tmp_path / "preview.json"
    path.write_text(json.dumps(_preview("restricted", default_tags)), encoding="utf-8")
    result = scan(ScanSettings(paths=(path,), root=tmp_path, packs=("residency",), settings=RESIDENCY))
    assert not [note for note in result.notifications if note.level == "error"]
    checks = {(c.rule_id, c.resource_id.rsplit("::", 1)[-1], c.outcome) for c in result.evaluation.checks}
    assert ("RES-REGION-001", "statements", "pass") in checks
