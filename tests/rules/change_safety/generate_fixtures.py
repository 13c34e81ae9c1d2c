"""Writes the change-safety fixtures: a Terraform plan, a Pulumi preview and a CloudFormation change set
per rule, shaped as the real outputs in ../shared/corpus (see fixtures/change-safety/README.md).

Run from the checkout: ``python tests/rules/change_safety/generate_fixtures.py``. The outputs are
committed; this script says how they were made.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures" / "change-safety"
PROVIDERS = {
    "aws": "registry.terraform.io/hashicorp/aws",
    "azurerm": "registry.terraform.io/hashicorp/azurerm",
    "google": "registry.terraform.io/hashicorp/google",
}
STACK = "arn:aws:cloudformation:eu-west-1:123456789012:stack/ledger/5b9e6a40-7e3c-11ef-9a6f-0a1b2c3d4e5f"
CHANGE_SET = (
    "arn:aws:cloudformation:eu-west-1:123456789012:changeSet/release-42/0c6f3a8e-2f4b-4d55-9d1e-6a7b8c9d0e1f"
)


@dataclass(frozen=True)
class PlanChange:
    """One ``resource_changes`` entry: ``before``/``after`` None for a create/delete."""

    type: str
    name: str
    actions: Sequence[str]
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    after_unknown: Mapping[str, Any] = field(default_factory=dict)
    replace_paths: Sequence[Sequence[str | int]] = ()

    @property
    def address(self) -> str:
        return f"{self.type}.{self.name}"

    @property
    def provider(self) -> str:
        return PROVIDERS[self.type.split("_", 1)[0]]


def _sensitive(values: Mapping[str, Any] | None) -> Any:
    if values is None:
        return False
    return {key: ([] if isinstance(value, list) else {}) for key, value in values.items()
            if isinstance(value, list | dict)}  # fmt: skip


def _references(key: str) -> list[str]:
    source = "aws_kms_key.next" if "kms" in key else f"terraform_data.{key}"
    return [f"{source}.{'arn' if 'kms' in key else 'output'}", source]


def plan(changes: Sequence[PlanChange]) -> dict[str, Any]:
    """``terraform show -json`` of a plan made by Terraform 1.9 (format 1.2), with the keys and key order
    of the corpus plans (trivy__drift_delete_tf1.8.json, terraform-json__action_reason_tf1.15.json)."""
    planned = []
    entries = []
    prior = []
    configured = []
    for change in changes:
        base = {
            "address": change.address,
            "mode": "managed",
            "type": change.type,
            "name": change.name,
            "provider_name": change.provider,
        }
        if change.after is not None:
            planned.append({**base, "schema_version": 0, "values": dict(change.after),
                            "sensitive_values": _sensitive(change.after)})  # fmt: skip
            configured.append({
                "address": change.address, "mode": "managed", "type": change.type, "name": change.name,
                "provider_config_key": change.type.split("_", 1)[0],
                "expressions": {
                    **{key: {"constant_value": value} for key, value in change.after.items()
                       if value is not None and key not in ("id", "arn")},
                    # A value unknown until apply that the configuration writes: a reference to a
                    # resource of the same plan (a new key, a computed retention).
                    **{key: {"references": _references(key)} for key, unknown in change.after_unknown.items()
                       if unknown is True and key not in ("id", "arn")},
                },
                "schema_version": 0,
            })  # fmt: skip
        if change.before is not None:
            prior.append({**base, "schema_version": 0, "values": dict(change.before),
                          "sensitive_values": _sensitive(change.before)})  # fmt: skip
        entry: dict[str, Any] = {
            **base,
            "change": {
                "actions": list(change.actions),
                "before": change.before,
                "after": change.after,
                "after_unknown": dict(change.after_unknown),
                "before_sensitive": _sensitive(change.before),
                "after_sensitive": _sensitive(change.after),
            },
        }
        if change.replace_paths:
            entry["change"]["replace_paths"] = [list(path) for path in change.replace_paths]
            entry["action_reason"] = "replace_because_cannot_update"
        entries.append(entry)
    providers = sorted({change.type.split("_", 1)[0] for change in changes})
    provider_config: dict[str, Any] = {}
    for name in providers:
        config: dict[str, Any] = {"name": name, "full_name": PROVIDERS[name]}
        if name == "aws":
            config["expressions"] = {"region": {"constant_value": "eu-west-1"}}
        elif name == "google":
            config["expressions"] = {"region": {"constant_value": "europe-west1"}}
        else:
            config["expressions"] = {"features": [{}]}
        provider_config[name] = config
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.8",
        "planned_values": {"root_module": {"resources": planned}},
        "resource_changes": entries,
        "prior_state": {
            "format_version": "1.0",
            "terraform_version": "1.9.8",
            "values": {"root_module": {"resources": prior}},
        },
        "configuration": {"provider_config": provider_config, "root_module": {"resources": configured}},
        "timestamp": "2026-12-05T21:14:03Z",
        "errored": False,
    }


@dataclass(frozen=True)
class Step:
    """One ``pulumi preview --json`` step (Pulumi 3.x): ``old``/``new`` inputs, None when absent."""

    op: str
    token: str
    name: str
    old: Mapping[str, Any] | None
    new: Mapping[str, Any] | None
    replace_reasons: Sequence[str] = ()
    retain_on_delete: bool = False

    @property
    def urn(self) -> str:
        return f"urn:pulumi:prod::ledger::{self.token}::{self.name}"


def _state(step: Step, inputs: Mapping[str, Any]) -> dict[str, Any]:
    state: dict[str, Any] = {
        "urn": step.urn,
        "custom": True,
        "type": step.token,
        "inputs": dict(inputs),
        "parent": "urn:pulumi:prod::ledger::pulumi:pulumi:Stack::ledger-prod",
        "provider": "urn:pulumi:prod::ledger::pulumi:providers:aws::default_6_54_0::"
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    }
    if step.retain_on_delete:
        state["retainOnDelete"] = True
    return state


def preview(steps: Sequence[Step]) -> dict[str, Any]:
    """``pulumi preview --json`` as Pulumi 3.130 writes it (config, steps with op/urn/oldState/newState,
    diffReasons, replaceReasons, detailedDiff, changeSummary)."""
    out = []
    summary: dict[str, int] = {}
    for step in steps:
        entry: dict[str, Any] = {"op": step.op, "urn": step.urn, "provider": _state(step, {})["provider"]}
        if step.old is not None:
            entry["oldState"] = _state(step, step.old)
        if step.new is not None:
            entry["newState"] = _state(step, step.new)
        if step.op in ("update", "replace"):
            changed = sorted(
                key for key in {*(step.old or {}), *(step.new or {})}
                if (step.old or {}).get(key) != (step.new or {}).get(key)
            )  # fmt: skip
            entry["diffReasons"] = changed
            entry["detailedDiff"] = {key: {"kind": "update", "inputDiff": True} for key in changed}
        if step.replace_reasons:
            entry["replaceReasons"] = list(step.replace_reasons)
            for key in step.replace_reasons:
                entry["detailedDiff"][key] = {"kind": "update-replace", "inputDiff": True}
        out.append(entry)
        summary[step.op] = summary.get(step.op, 0) + 1
    return {
        "config": {"aws:region": "eu-west-1"},
        "steps": out,
        "duration": 2140000000,
        "changeSummary": summary,
    }


@dataclass(frozen=True)
class CfnChange:
    """One ``ResourceChange`` of ``describe-change-set --include-property-values``."""

    action: str
    logical_id: str
    native: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    replacement: str | None = None
    recreation: Mapping[str, str] = field(default_factory=dict)
    policy_action: str | None = None
    # False: as describe-change-set without --include-property-values (no contexts, no values).
    values: bool = True
    # An AWS::CloudFormation::Stack of a change set made with IncludeNestedStacks: its own change set.
    change_set_id: str | None = None


def change_set(
    changes: Sequence[CfnChange],
    set_name: str = "release-42",
    change_set_id: str = CHANGE_SET,
    stack: str = STACK,
    stack_name: str = "ledger",
    nested: bool = False,
    parent: str | None = None,
) -> dict[str, Any]:
    """``describe-change-set --include-property-values``; ``nested``: made with --include-nested-stacks,
    ``parent``: the ChangeSetId of the parent change set, for a nested stack's own change set."""
    out = []
    for change in changes:
        entry: dict[str, Any] = {}
        if change.policy_action:
            entry["PolicyAction"] = change.policy_action
        entry.update({"Action": change.action, "LogicalResourceId": change.logical_id})
        if change.action != "Add" and change.native == "AWS::CloudFormation::Stack":
            entry["PhysicalResourceId"] = _arn("stack", f"ledger-{change.logical_id}-1K7QW8X3C9Z2",
                                               "7d1c2e30-7e3c-11ef-8b1a-0a1b2c3d4e5f")  # fmt: skip
        elif change.action != "Add":
            entry["PhysicalResourceId"] = f"ledger-{change.logical_id.lower()}"
        entry["ResourceType"] = change.native
        if change.replacement is not None:
            entry["Replacement"] = change.replacement
        if change.action == "Modify":
            entry["Scope"] = ["Properties"]
        details = []
        names = sorted({*(change.before or {}), *(change.after or {})}) if change.action == "Modify" else []
        for name in names:
            old, new = (change.before or {}).get(name), (change.after or {}).get(name)
            if old == new:
                continue
            target: dict[str, Any] = {
                "Attribute": "Properties",
                "Name": name,
                "RequiresRecreation": change.recreation.get(name, "Never"),
            }
            if change.values:
                target.update(
                    {
                        "Path": f"/Properties/{name}",
                        "BeforeValue": json.dumps(old) if not isinstance(old, str) else old,
                        "AfterValue": json.dumps(new) if not isinstance(new, str) else new,
                        "AttributeChangeType": "Modify",
                    }
                )
            details.append({"Target": target, "Evaluation": "Static", "ChangeSource": "DirectModification"})
        entry["Details"] = details  # fmt: skip
        if change.before is not None and change.values:
            entry["BeforeContext"] = json.dumps({"Properties": change.before})
        if change.after is not None and change.values:
            entry["AfterContext"] = json.dumps({"Properties": change.after})
        if change.change_set_id is not None:
            entry["ChangeSetId"] = change.change_set_id
        out.append({"Type": "Resource", "ResourceChange": entry})
    document: dict[str, Any] = {
        "Changes": out,
        "ChangeSetName": set_name,
        "ChangeSetId": change_set_id,
        "StackId": stack,
        "StackName": stack_name,
        "Parameters": [],
        "CreationTime": "2026-12-05T21:14:03.512000+00:00",
        "ExecutionStatus": "AVAILABLE",
        "Status": "CREATE_COMPLETE",
        "NotificationARNs": [],
        "RollbackConfiguration": {},
        "Capabilities": ["CAPABILITY_AUTO_EXPAND"] if nested else [],
        "IncludeNestedStacks": nested,
    }
    if parent is not None:
        # A nested change set names its parent and the root of the hierarchy (here the same).
        document["ParentChangeSetId"] = parent
        document["RootChangeSetId"] = parent
    return document


def _arn(kind: str, name: str, uuid: str) -> str:
    return f"arn:aws:cloudformation:eu-west-1:123456789012:{kind}/{name}/{uuid}"


DB = {"identifier": "ledger", "engine": "postgres", "engine_version": "15.5",
      "instance_class": "db.r6g.large", "storage_encrypted": True, "deletion_protection": True,
      "backup_retention_period": 14}  # fmt: skip
DB_CFN = {"DBInstanceIdentifier": "ledger", "Engine": "postgres", "EngineVersion": "15.5",
          "DBInstanceClass": "db.r6g.large", "StorageEncrypted": "true", "DeletionProtection": "true",
          "BackupRetentionPeriod": "14"}  # fmt: skip
DB_PULUMI = {"identifier": "ledger", "engine": "postgres", "engineVersion": "15.5",
             "instanceClass": "db.r6g.large", "storageEncrypted": True, "deletionProtection": True,
             "backupRetentionPeriod": 14}  # fmt: skip


def _with(base: Mapping[str, Any], **changes: Any) -> dict[str, Any]:
    return {**base, **changes}


def state_001() -> None:
    directory = FIXTURES / "CHG-STATE-001"
    bucket = {"bucket": "ledger-tfstate", "force_destroy": False}
    write(directory / "plan.tfplan.json", plan([
        PlanChange("aws_db_instance", "fail_destroyed", ["delete"], DB, None),
        PlanChange("aws_db_instance", "fail_replaced", ["delete", "create"], DB,
                   _with(DB, identifier="ledger-v2"), {"id": True, "arn": True}, [["identifier"]]),
        PlanChange("aws_s3_bucket", "fail_state_bucket_destroyed", ["delete"], bucket, None),
        # A removed block with destroy = false: the bucket leaves the state and keeps its data.
        PlanChange("aws_s3_bucket", "pass_removed_from_state", ["forget"],
                   {"bucket": "ledger-archive", "force_destroy": False}, None),
        PlanChange("aws_kms_key", "fail_key_scheduled_for_deletion", ["delete"],
                   {"description": "ledger", "deletion_window_in_days": 30, "enable_key_rotation": True},
                   None),
        PlanChange("azurerm_key_vault", "fail_vault_destroyed", ["delete"],
                   {"name": "ledger-kv", "location": "westeurope", "sku_name": "premium",
                    "purge_protection_enabled": True}, None),
        PlanChange("google_sql_database_instance", "fail_replaced_sql", ["create", "delete"],
                   {"name": "ledger", "database_version": "POSTGRES_15", "region": "europe-west1"},
                   {"name": "ledger-v2", "database_version": "POSTGRES_15", "region": "europe-west1"},
                   {"id": True}, [["name"]]),
        # An in-place update: CHG-STATE-001 is not asked (manifest actions: delete, replace).
        PlanChange("aws_db_instance", "updated_in_place", ["update"], DB,
                   _with(DB, engine_version="15.7")),
        PlanChange("aws_s3_bucket", "created", ["create"], None, bucket, {"id": True, "arn": True}),
        PlanChange("aws_dynamodb_table", "unchanged", ["no-op"], {"name": "ledger", "hash_key": "id"},
                   {"name": "ledger", "hash_key": "id"}),
    ]))  # fmt: skip
    write(directory / "preview.pulumi.json", preview([
        Step("delete", "aws:rds/instance:Instance", "fail_destroyed", DB_PULUMI, None),
        Step("replace", "aws:rds/instance:Instance", "fail_replaced", DB_PULUMI,
             _with(DB_PULUMI, identifier="ledger-v2"), ["identifier"]),
        Step("delete", "aws:kms/key:Key", "fail_key_deleted", {"description": "ledger"}, None),
        Step("delete", "aws:s3/bucket:Bucket", "pass_retained_on_delete", {"bucket": "ledger-archive"}, None,
             retain_on_delete=True),
        Step("replace", "aws:s3/bucket:Bucket", "pass_replaced_retained", {"bucket": "ledger-exports"},
             {"bucket": "ledger-exports-v2"}, ["bucket"], retain_on_delete=True),
        Step("update", "aws:rds/instance:Instance", "updated_in_place", DB_PULUMI,
             _with(DB_PULUMI, engineVersion="15.7")),
        Step("create", "aws:s3/bucket:Bucket", "created", None, {"bucket": "ledger-new"}),
        Step("same", "aws:s3/bucket:Bucket", "same", {"bucket": "ledger-same"},
             {"bucket": "ledger-same"}),
    ]))  # fmt: skip
    write(directory / "stack.changeset.json", change_set([
        CfnChange("Remove", "FailDestroyedDatabase", "AWS::RDS::DBInstance", DB_CFN, None,
                  policy_action="Delete"),
        CfnChange("Modify", "FailReplacedDatabase", "AWS::RDS::DBInstance", DB_CFN,
                  _with(DB_CFN, DBInstanceIdentifier="ledger-v2"), "True",
                  {"DBInstanceIdentifier": "Always"}, "ReplaceAndDelete"),
        CfnChange("Modify", "UndeterminedMaybeReplacedDatabase", "AWS::RDS::DBInstance", DB_CFN,
                  _with(DB_CFN, DBSubnetGroupName="ledger-private-v2"), "Conditional",
                  {"DBSubnetGroupName": "Conditionally"}),
        CfnChange("Modify", "UpdatedDatabase", "AWS::RDS::DBInstance", DB_CFN,
                  _with(DB_CFN, EngineVersion="15.7"), "False"),
        CfnChange("Remove", "PassRetainedBucket", "AWS::S3::Bucket", {"BucketName": "ledger-archive"}, None,
                  policy_action="Retain"),
        CfnChange("Modify", "PassReplacedRetainedBucket", "AWS::S3::Bucket", {"BucketName": "ledger-exports"},
                  {"BucketName": "ledger-exports-v2"}, "True", {"BucketName": "Always"}, "ReplaceAndRetain"),
        CfnChange("Add", "AddedBucket", "AWS::S3::Bucket", None, {"BucketName": "ledger-new"}),
    ]))  # fmt: skip
    nested_stacks(directory)


def nested_stacks(directory: Path) -> None:
    """A change set made with --include-nested-stacks on the parent stack ``ledger``, and the change set
    of one of its nested stacks (StorageStack); the other nested stacks' change sets are not given."""
    root = _arn("changeSet", "release-43", "3f2a1b0c-8d9e-4f01-a2b3-c4d5e6f7a8b9")
    storage = _arn(
        "changeSet", "release-43-StorageStack-1K7QW8X3C9Z2", "5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170"
    )
    analytics = _arn(
        "changeSet", "release-43-UndeterminedAnalyticsStack-0HX2C", "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
    )
    template = "https://s3.eu-west-1.amazonaws.com/ledger-templates/"
    write(directory / "nested-root.changeset.json", change_set([
        CfnChange("Modify", "StorageStack", "AWS::CloudFormation::Stack",
                  {"TemplateURL": f"{template}storage-41.yaml"},
                  {"TemplateURL": f"{template}storage-43.yaml"}, "False", change_set_id=storage),
        CfnChange("Modify", "UndeterminedAnalyticsStack", "AWS::CloudFormation::Stack",
                  {"TemplateURL": f"{template}analytics-41.yaml"},
                  {"TemplateURL": f"{template}analytics-43.yaml"}, "False", change_set_id=analytics),
        CfnChange("Remove", "UndeterminedRetiredStack", "AWS::CloudFormation::Stack",
                  {"TemplateURL": f"{template}reports-41.yaml"}, None, policy_action="Delete"),
        CfnChange("Add", "AddedStack", "AWS::CloudFormation::Stack", None,
                  {"TemplateURL": f"{template}search-43.yaml"}),
        # Removed from the parent with DeletionPolicy Retain: the nested stack and all it holds stay.
        CfnChange("Remove", "RetainedStack", "AWS::CloudFormation::Stack",
                  {"TemplateURL": f"{template}exports-41.yaml"}, None, policy_action="Retain"),
    ], "release-43", root, STACK, "ledger", nested=True))  # fmt: skip
    storage_stack = _arn("stack", "ledger-StorageStack-1K7QW8X3C9Z2", "7d1c2e30-7e3c-11ef-8b1a-0a1b2c3d4e5f")
    write(directory / "nested-storage.changeset.json", change_set([
        CfnChange("Modify", "FailReplacedLedger", "AWS::RDS::DBInstance", DB_CFN,
                  _with(DB_CFN, DBInstanceIdentifier="ledger-v2"), "True",
                  {"DBInstanceIdentifier": "Always"}, "ReplaceAndDelete"),
        CfnChange("Remove", "FailDestroyedArchive", "AWS::S3::Bucket", {"BucketName": "ledger-archive"}, None,
                  policy_action="Delete"),
        CfnChange("Modify", "UpdatedReplica", "AWS::RDS::DBInstance", DB_CFN,
                  _with(DB_CFN, EngineVersion="15.7"), "False"),
    ], "release-43-StorageStack-1K7QW8X3C9Z2", storage, storage_stack, "ledger-StorageStack-1K7QW8X3C9Z2",
       nested=True, parent=root))  # fmt: skip


SSE_PULUMI = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"


def _sse_rule(algorithm: str, key: str) -> dict[str, Any]:
    """One default-encryption rule of a bucket as a plan holds it (blocks are lists)."""
    default = {"kms_master_key_id": key, "sse_algorithm": algorithm}
    return {"apply_server_side_encryption_by_default": [default], "bucket_key_enabled": True}


def update_001() -> None:
    directory = FIXTURES / "CHG-UPDATE-001"
    logs = {"name": "/ledger/app", "retention_in_days": 365, "kms_key_id": None}
    key = "arn:aws:kms:eu-west-1:123456789012:key/1f0e9c52-2c49-4c59-9a4b-6f3e0b7d8a21"
    queue = {"name": "ledger-events", "kms_master_key_id": key, "sqs_managed_sse_enabled": False}
    storage = {
        "name": "ledgerdata",
        "location": "westeurope",
        "account_tier": "Standard",
        "min_tls_version": "TLS1_2",
        "https_traffic_only_enabled": True,
    }
    bucket = {
        "bucket": "ledger-records",
        "force_destroy": False,
        "versioning": [{"enabled": True, "mfa_delete": False}],
        "logging": [{"target_bucket": "ledger-logs", "target_prefix": "s3/ledger-records/"}],
    }
    versioning = {
        "bucket": "ledger-records",
        "expected_bucket_owner": "",
        "mfa": None,
        "versioning_configuration": [{"status": "Enabled", "mfa_delete": ""}],
    }
    sse = {"bucket": "ledger-records", "expected_bucket_owner": "", "rule": [_sse_rule("aws:kms", key)]}
    gcs = {
        "name": "ledger-records",
        "location": "EUROPE-WEST1",
        "uniform_bucket_level_access": True,
        "versioning": [{"enabled": True}],
    }
    write(directory / "plan.tfplan.json", plan([
        PlanChange("aws_db_instance", "fail_protection_off", ["update"], DB,
                   _with(DB, deletion_protection=False)),
        PlanChange("aws_cloudwatch_log_group", "fail_retention_shortened", ["update"], logs,
                   _with(logs, retention_in_days=30)),
        PlanChange("aws_sqs_queue", "fail_cmk_removed", ["update"], queue,
                   _with(queue, kms_master_key_id=None, sqs_managed_sse_enabled=True)),
        PlanChange("azurerm_storage_account", "fail_tls_lowered", ["update"], storage,
                   _with(storage, min_tls_version="TLS1_0")),
        PlanChange("aws_db_instance", "pass_engine_upgrade", ["update"], DB,
                   _with(DB, engine_version="15.7")),
        # Replacements: the new resource is compared with the old one too.
        PlanChange("aws_db_instance", "fail_replaced_without_protection", ["delete", "create"], DB,
                   _with(DB, identifier="ledger-v2", deletion_protection=False), {"id": True, "arn": True},
                   [["identifier"]]),
        PlanChange("aws_db_instance", "pass_replaced_keeping_controls", ["create", "delete"], DB,
                   _with(DB, identifier="ledger-v3"), {"id": True, "arn": True}, [["identifier"]]),
        # A destroy is not asked (CHG-STATE-001 judges it).
        PlanChange("aws_db_instance", "destroyed", ["delete"], DB, None),
        PlanChange("aws_cloudwatch_log_group", "pass_retention_lengthened", ["update"],
                   _with(logs, retention_in_days=30), logs),
        PlanChange("aws_sqs_queue", "pass_key_swapped_for_a_new_key", ["update"], queue,
                   _with(queue, kms_master_key_id=None), {"kms_master_key_id": True}),
        PlanChange("aws_cloudwatch_log_group", "undetermined_retention_from_a_new_value", ["update"], logs,
                   _with(logs, retention_in_days=None), {"retention_in_days": True}),
        # Controls inside nested blocks (lists of one block in a plan).
        PlanChange("aws_s3_bucket", "fail_versioning_turned_off", ["update"], bucket,
                   _with(bucket, versioning=[{"enabled": False, "mfa_delete": False}])),
        PlanChange("aws_s3_bucket", "fail_logging_block_removed", ["update"], bucket,
                   _with(bucket, logging=[])),
        PlanChange("aws_s3_bucket_versioning", "fail_versioning_suspended", ["update"], versioning,
                   _with(versioning, versioning_configuration=[{"status": "Suspended", "mfa_delete": ""}])),
        PlanChange("aws_s3_bucket_server_side_encryption_configuration", "fail_kms_swapped_for_sse_s3",
                   ["update"], sse, _with(sse, rule=[_sse_rule("AES256", "")])),
        PlanChange("google_storage_bucket", "fail_versioning_disabled", ["update"], gcs,
                   _with(gcs, versioning=[{"enabled": False}])),
        PlanChange("aws_s3_bucket", "pass_versioning_and_logging_added", ["update"],
                   _with(bucket, versioning=[{"enabled": False, "mfa_delete": False}], logging=[]), bucket),
        PlanChange("aws_s3_bucket_server_side_encryption_configuration", "pass_sse_s3_to_kms", ["update"],
                   _with(sse, rule=[_sse_rule("AES256", "")]), sse),
        PlanChange("aws_s3_bucket_versioning", "undetermined_status_from_a_new_value", ["update"], versioning,
                   _with(versioning, versioning_configuration=[{"mfa_delete": ""}]),
                   {"versioning_configuration": [{"status": True}]}),
    ]))  # fmt: skip
    logs_pulumi = {"name": "/ledger/app", "retentionInDays": 365}
    bucket_pulumi = {"bucket": "ledger-records", "versioning": {"enabled": True, "mfaDelete": False}}
    versioning_pulumi = {"bucket": "ledger-records", "versioningConfiguration": {"status": "Enabled"}}
    sse_pulumi = {
        "bucket": "ledger-records",
        "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": key}}],
    }
    write(directory / "preview.pulumi.json", preview([
        Step("update", "aws:rds/instance:Instance", "fail_protection_off", DB_PULUMI,
             _with(DB_PULUMI, deletionProtection=False)),
        Step("update", "aws:cloudwatch/logGroup:LogGroup", "fail_retention_shortened", logs_pulumi,
             _with(logs_pulumi, retentionInDays=7)),
        Step("update", "aws:rds/instance:Instance", "pass_engine_upgrade", DB_PULUMI,
             _with(DB_PULUMI, engineVersion="15.7")),
        Step("update", "aws:cloudwatch/logGroup:LogGroup", "pass_retention_lengthened",
             _with(logs_pulumi, retentionInDays=30), logs_pulumi),
        # A replacement that also drops a control, and controls inside nested blocks (objects in Pulumi).
        Step("replace", "aws:rds/instance:Instance", "fail_replaced_without_protection", DB_PULUMI,
             _with(DB_PULUMI, identifier="ledger-v2", deletionProtection=False), ["identifier"]),
        Step("replace", "aws:rds/instance:Instance", "pass_replaced_keeping_controls", DB_PULUMI,
             _with(DB_PULUMI, identifier="ledger-v3"), ["identifier"]),
        Step("delete", "aws:rds/instance:Instance", "destroyed", DB_PULUMI, None),
        Step("update", "aws:s3/bucket:Bucket", "fail_versioning_turned_off", bucket_pulumi,
             _with(bucket_pulumi, versioning={"enabled": False})),
        Step("update", "aws:s3/bucketVersioningV2:BucketVersioningV2", "fail_versioning_suspended",
             versioning_pulumi, _with(versioning_pulumi, versioningConfiguration={"status": "Suspended"})),
        Step("update", SSE_PULUMI, "fail_kms_swapped_for_sse_s3", sse_pulumi,
             _with(sse_pulumi, rules=[{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "AES256"}}])),
        Step("update", "aws:s3/bucket:Bucket", "pass_versioning_turned_on",
             _with(bucket_pulumi, versioning={"enabled": False}), bucket_pulumi),
    ]))  # fmt: skip
    logs_cfn = {"LogGroupName": "/ledger/app", "RetentionInDays": 365}
    bucket_cfn = {
        "BucketName": "ledger-records",
        "VersioningConfiguration": {"Status": "Enabled"},
        "BucketEncryption": {
            "ServerSideEncryptionConfiguration": [
                {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key}}
            ]
        },
        "LoggingConfiguration": {
            "DestinationBucketName": "ledger-logs",
            "LogFilePrefix": "s3/ledger-records/",
        },
        "PublicAccessBlockConfiguration": {
            "BlockPublicAcls": "true",
            "BlockPublicPolicy": "true",
            "IgnorePublicAcls": "true",
            "RestrictPublicBuckets": "true",
        },
    }
    unblocked = {**bucket_cfn["PublicAccessBlockConfiguration"], "BlockPublicPolicy": "false"}
    write(directory / "stack.changeset.json", change_set([
        CfnChange("Modify", "FailProtectionOff", "AWS::RDS::DBInstance", DB_CFN,
                  _with(DB_CFN, DeletionProtection="false"), "False"),
        CfnChange("Modify", "FailRetentionShortened", "AWS::Logs::LogGroup", logs_cfn,
                  _with(logs_cfn, RetentionInDays=30), "False"),
        CfnChange("Modify", "PassEngineUpgrade", "AWS::RDS::DBInstance", DB_CFN,
                  _with(DB_CFN, EngineVersion="15.7"), "False"),
        CfnChange("Modify", "PassRetentionLengthened", "AWS::Logs::LogGroup", logs_cfn,
                  _with(logs_cfn, RetentionInDays=3653), "False"),
        CfnChange("Modify", "UndeterminedWithoutPropertyValues", "AWS::RDS::DBInstance", DB_CFN,
                  _with(DB_CFN, DeletionProtection="false"), "False", values=False),
        CfnChange("Modify", "FailReplacedWithoutProtection", "AWS::RDS::DBInstance", DB_CFN,
                  _with(DB_CFN, DBInstanceIdentifier="ledger-v2", DeletionProtection="false"), "True",
                  {"DBInstanceIdentifier": "Always", "DeletionProtection": "Never"}, "ReplaceAndDelete"),
        CfnChange("Modify", "PassReplacedKeepingControls", "AWS::RDS::DBInstance", DB_CFN,
                  _with(DB_CFN, DBInstanceIdentifier="ledger-v3"), "True", {"DBInstanceIdentifier": "Always"},
                  "ReplaceAndDelete"),
        CfnChange("Remove", "DestroyedDatabase", "AWS::RDS::DBInstance", DB_CFN, None,
                  policy_action="Delete"),
        CfnChange("Modify", "FailVersioningSuspended", "AWS::S3::Bucket", bucket_cfn,
                  _with(bucket_cfn, VersioningConfiguration={"Status": "Suspended"}), "False"),
        CfnChange("Modify", "FailKmsSwappedForSseS3", "AWS::S3::Bucket", bucket_cfn,
                  _with(bucket_cfn, BucketEncryption={"ServerSideEncryptionConfiguration": [
                      {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}), "False"),
        CfnChange("Modify", "FailLoggingRemoved", "AWS::S3::Bucket", bucket_cfn,
                  {k: v for k, v in bucket_cfn.items() if k != "LoggingConfiguration"}, "False"),
        CfnChange("Modify", "FailPublicAccessUnblocked", "AWS::S3::Bucket", bucket_cfn,
                  _with(bucket_cfn, PublicAccessBlockConfiguration=unblocked), "False"),
        CfnChange("Modify", "PassVersioningResumed", "AWS::S3::Bucket",
                  _with(bucket_cfn, VersioningConfiguration={"Status": "Suspended"}), bucket_cfn, "False"),
        CfnChange("Modify", "UndeterminedBucketWithoutPropertyValues", "AWS::S3::Bucket", bucket_cfn,
                  _with(bucket_cfn, VersioningConfiguration={"Status": "Suspended"}), "False", values=False),
    ]))  # fmt: skip


def blast_001() -> None:
    """Judged with change_safety.max_destructive_changes: 2 (the directory's iacgate.yaml): the release
    plan destroys or replaces three resources (and updates one in place, which is not counted), the hotfix
    plan two (a destroy and a replacement)."""
    directory = FIXTURES / "CHG-BLAST-001"
    worker = {"ami": "ami-0a1b2c3d4e5f60718", "instance_type": "m6i.large"}
    group = {"name": "workers", "description": "workers", "vpc_id": "vpc-0abc"}
    write(directory / "release.tfplan.json", plan([
        PlanChange("aws_instance", "fail_worker_retired", ["delete"], worker, None),
        PlanChange("aws_security_group", "fail_group_retired", ["delete"], group, None),
        PlanChange("aws_db_instance", "fail_ledger_replaced", ["delete", "create"], DB,
                   _with(DB, identifier="ledger-v2"), {"id": True}, [["identifier"]]),
        PlanChange("aws_s3_bucket", "kept", ["update"], {"bucket": "a"}, {"bucket": "a", "tags": {"x": "1"}}),
    ]))  # fmt: skip
    write(directory / "hotfix.tfplan.json", plan([
        PlanChange("aws_instance", "pass_single_worker_retired", ["delete"], worker, None),
        PlanChange("aws_db_instance", "pass_ledger_replaced", ["delete", "create"], DB,
                   _with(DB, identifier="ledger-v2"), {"id": True}, [["identifier"]]),
        PlanChange("aws_s3_bucket", "kept", ["update"], {"bucket": "a"}, {"bucket": "a", "tags": {"x": "1"}}),
    ]))  # fmt: skip
    worker_pulumi = {"ami": "ami-0a1b2c3d4e5f60718", "instanceType": "m6i.large"}
    write(directory / "release.pulumi.json", preview([
        Step("delete", "aws:ec2/instance:Instance", "fail_worker_retired", worker_pulumi, None),
        Step("delete", "aws:ec2/securityGroup:SecurityGroup", "fail_group_retired", {"name": "workers"},
             None),
        Step("replace", "aws:rds/instance:Instance", "fail_ledger_replaced", DB_PULUMI,
             _with(DB_PULUMI, identifier="ledger-v2"), ["identifier"]),
        # An update in place is not counted and not asked.
        Step("update", "aws:s3/bucket:Bucket", "kept", {"bucket": "a"}, {"bucket": "a", "tags": {"x": "1"}}),
    ]))  # fmt: skip
    write(directory / "hotfix.pulumi.json", preview([
        Step("delete", "aws:ec2/instance:Instance", "pass_single_worker_retired", worker_pulumi, None),
        Step("replace", "aws:rds/instance:Instance", "pass_ledger_replaced", DB_PULUMI,
             _with(DB_PULUMI, identifier="ledger-v2"), ["identifier"]),
    ]))  # fmt: skip
    worker_cfn = {"ImageId": "ami-0a1b2c3d4e5f60718", "InstanceType": "m6i.large"}
    write(directory / "release.changeset.json", change_set([
        CfnChange("Remove", "FailWorkerRetired", "AWS::EC2::Instance", worker_cfn, None,
                  policy_action="Delete"),
        CfnChange("Remove", "FailGroupRetired", "AWS::EC2::SecurityGroup", {"GroupDescription": "workers"},
                  None, policy_action="Delete"),
        CfnChange("Modify", "FailLedgerReplaced", "AWS::RDS::DBInstance", DB_CFN,
                  _with(DB_CFN, DBInstanceIdentifier="ledger-v2"), "True", {"DBInstanceIdentifier": "Always"},
                  "ReplaceAndDelete"),
        CfnChange("Modify", "KeptBucket", "AWS::S3::Bucket", {"BucketName": "a"},
                  {"BucketName": "a", "Tags": [{"Key": "x", "Value": "1"}]}, "False"),
    ]))  # fmt: skip
    write(directory / "hotfix.changeset.json", change_set([
        CfnChange("Remove", "PassSingleWorkerRetired", "AWS::EC2::Instance", worker_cfn, None,
                  policy_action="Delete"),
        CfnChange("Modify", "PassLedgerReplaced", "AWS::RDS::DBInstance", DB_CFN,
                  _with(DB_CFN, DBInstanceIdentifier="ledger-v2"), "True", {"DBInstanceIdentifier": "Always"},
                  "ReplaceAndDelete"),
        # A nested stack whose own change set is not given: what it destroys inside is not counted.
        CfnChange("Modify", "UndeterminedReportsStack", "AWS::CloudFormation::Stack",
                  {"TemplateURL": "https://s3.eu-west-1.amazonaws.com/ledger-templates/reports-41.yaml"},
                  {"TemplateURL": "https://s3.eu-west-1.amazonaws.com/ledger-templates/reports-42.yaml"},
                  "False", change_set_id=_arn("changeSet", "release-42-UndeterminedReportsStack-2MZ8K",
                                     "1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b")),
    ]))  # fmt: skip
    (directory / "iacgate.yaml").write_text(
        "settings:\n  change_safety:\n    max_destructive_changes: 2\n", encoding="utf-8"
    )


def write(path: Path, document: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    state_001()
    update_001()
    blast_001()


if __name__ == "__main__":
    main()
