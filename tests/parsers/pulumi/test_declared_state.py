"""A stack export and a preview of the same program get the same answer (#14 §3): rules judge what the
program declares (inputs), never the provider's read-back of a setting the program leaves out."""

from __future__ import annotations

import json
from pathlib import Path

from iacgate.api import ScanSettings, scan

URN = "urn:pulumi:prod::ledger::aws:s3/bucket:Bucket::statements"
INPUTS = {"bucket": "statements-1", "tags": {"owner": "ledger"}}
# What AWS reads back for a bucket created without encryption settings since January 2023.
READ_BACK = {
    **INPUTS,
    "arn": "arn:aws:s3:::statements-1",
    "serverSideEncryptionConfiguration": {
        "rule": {"applyServerSideEncryptionByDefault": {"sseAlgorithm": "AES256"}, "bucketKeyEnabled": False}
    },
}


def _export() -> dict[str, object]:
    bucket = {
        "urn": URN,
        "custom": True,
        "id": "statements-1",
        "type": "aws:s3/bucket:Bucket",
        "inputs": INPUTS,
        "outputs": READ_BACK,
    }
    return {"version": 3, "deployment": {"manifest": {"time": "2026-12-06T00:00:00Z"}, "resources": [bucket]}}


def _preview(op: str) -> dict[str, object]:
    state = {"urn": URN, "custom": True, "type": "aws:s3/bucket:Bucket", "inputs": INPUTS}
    step: dict[str, object] = {"op": op, "urn": URN, "newState": state}
    if op != "create":
        step["oldState"] = {**state, "id": "statements-1", "outputs": READ_BACK}
    return {"config": {"aws:region": "eu-west-1"}, "steps": [step]}


def test_the_export_and_every_preview_of_one_bucket_agree(tmp_path: Path) -> None:
    documents = {
        "export.json": _export(),
        **{f"{op}.json": _preview(op) for op in ("create", "same", "update")},
    }
    outcomes = {}
    for name, document in documents.items():
        path = tmp_path / name
        path.write_text(json.dumps(document), encoding="utf-8")
        result = scan(
            ScanSettings(paths=(path,), root=tmp_path, packs=("encryption",), only_rules=("ENC-S3-001",))
        )
        assert not [note for note in result.notifications if note.level == "error"], name
        outcomes[name] = [(check.resource_id, check.outcome) for check in result.evaluation.checks]
    assert outcomes["export.json"] == [(URN, "fail")]
    assert set(map(tuple, outcomes.values())) == {((URN, "fail"),)}
