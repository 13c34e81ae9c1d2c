"""The four Pulumi file shapes: which resources come out, with which ids, types, modes, lines and regions."""

from __future__ import annotations

from pathlib import Path

import pytest
from pulumi_helpers import by_name, parse_fixture

from iacgate.graph.model import Edge, RelatedLocation, Unknown
from iacgate.parsers.pulumi import PulumiParser
from iacgate.textio import SourceFile

KNOWN_AFTER = Unknown("known after update")
SECRET = Unknown("secret value (encrypted in the state)")


def test_preview_digest_evaluates_everything_but_deletions() -> None:
    result = parse_fixture("program/preview.json")
    assert not result.notifications
    resources = by_name(result)
    # The queue is only deleted: it is kept as deleted, for the rules that judge changes only; the
    # replaced database's old copy (delete-replaced) is the replacement's, not a resource of its own.
    assert list(resources) == [
        "ledger-prod",
        "frankfurt",
        "ledger-key",
        "ledger-data",
        "frankfurt-data",
        "storage",
        "ledger-db",
        "retired",
        "base",
    ]
    assert resources["retired"].mode == "deleted"
    volume = resources["ledger-data"]
    assert volume.id == "urn:pulumi:prod::ledger::aws:ebs/volume:Volume::ledger-data"
    assert (volume.format, volume.native_type, volume.type, volume.provider, volume.mode) == (
        "pulumi",
        "aws:ebs/volume:Volume",
        "aws_ebs_volume",
        "aws",
        "managed",
    )
    assert volume.attributes == {
        "availability_zone": "eu-west-1a",
        "encrypted": False,
        "kms_key_id": KNOWN_AFTER,
        "size": 100,
        "tags": {"CostCenter": "ledger", "dataClass": "pci"},
    }
    assert volume.tags == {"CostCenter": "ledger", "dataClass": "pci"}
    assert (volume.location.file, volume.location.start_line, volume.location.end_line) == (
        "program/preview.json",
        59,
        86,
    )
    assert volume.location.line_for(("encrypted",)) == 66
    assert volume.location.line_for(("tags", "dataClass")) == 71
    assert volume.metadata["op"] == "create"
    assert volume.related == (RelatedLocation("program/index.ts", 7, "declared in the Pulumi program"),)
    # The first step of a replacement wins; the delete-replaced step's old inputs are never seen.
    database = resources["ledger-db"]
    assert database.type == "aws_db_instance"
    assert database.attributes == {"storage_encrypted": True, "engine": "postgres", "password": SECRET}
    assert resources["base"].mode == "data"
    assert (resources["storage"].mode, resources["storage"].type) == ("component", "ledger_storage")
    assert (resources["ledger-prod"].mode, resources["ledger-prod"].type) == (
        "component",
        "pulumi_pulumi_stack",
    )
    assert (resources["frankfurt"].mode, resources["frankfurt"].type) == ("provider", "pulumi_providers_aws")
    # The SDK's own stack.ts under node_modules is not the author's program.
    assert resources["ledger-prod"].related == ()


def test_preview_regions_from_default_provider_config_and_explicit_provider() -> None:
    resources = by_name(parse_fixture("program/preview.json"))
    assert (resources["ledger-data"].region, resources["ledger-data"].region_source) == (
        "eu-west-1",
        "stack config aws:region",
    )
    assert (resources["frankfurt-data"].region, resources["frankfurt-data"].region_source) == (
        "eu-central-1",
        "provider frankfurt argument region",
    )
    assert isinstance(resources["storage"].region, Unknown)


def test_preview_edges_parent_dependencies_and_property_dependencies() -> None:
    result = parse_fixture("program/preview.json")
    prefix = "urn:pulumi:prod::ledger::"
    volume = prefix + "aws:ebs/volume:Volume::ledger-data"
    edges = {edge for edge in result.edges if edge.source == volume}
    assert edges == {
        Edge(volume, prefix + "pulumi:pulumi:Stack::ledger-prod", "parent"),
        Edge(volume, prefix + "aws:kms/key:Key::ledger-key", "depends_on"),
        Edge(volume, prefix + "aws:kms/key:Key::ledger-key", "reference", "kms_key_id"),
    }
    database = prefix + "ledger:index:Storage$aws:rds/instance:Instance::ledger-db"
    assert Edge(database, prefix + "ledger:index:Storage::storage", "parent") in result.edges
    assert not any("retired" in edge.source for edge in result.edges)
    assert len(result.edges) == len(set(result.edges))


def test_stack_export_merges_identity_outputs_renames_and_resolves_secrets() -> None:
    result = parse_fixture("stack-export.json")
    assert not result.notifications
    resources = by_name(result)
    bucket = resources["statements"]
    assert bucket.type == "aws_s3_bucket"
    assert bucket.attributes == {
        "bucket": "statements-1",
        "force_destroy": False,
        "logging": [{"target_bucket": "logs", "target_prefix": "statements/"}],
        "tags": {"Name": "statements", "costCenter": "ledger"},
        "arn": "arn:aws:s3:::statements-1",
        "tags_all": {"Name": "statements", "costCenter": "ledger", "owner": "vault"},
    }
    # The provider's read-back of a setting the program leaves out is not read as declared (#14 §3).
    assert "object_lock_enabled" not in bucket.attributes
    # The row marked "delete" (old copy of a replaced bucket) is not a second resource.
    assert sum(1 for resource in result.resources if resource.id == bucket.id) == 1
    assert (bucket.location.start_line, bucket.location.end_line) == (48, 86)
    assert bucket.location.line_for(("logging", 0, "target_prefix")) == 63
    assert bucket.location.line_for(("arn",)) == 73
    assert (bucket.region, bucket.region_source) == ("eu-west-2", "provider default_6_63_0 argument region")
    assert bucket.related == ()
    encryption = resources["statements-sse"]
    assert encryption.type == "aws_s3_bucket_server_side_encryption_configuration"
    assert encryption.attributes["rule"] == [
        {
            "apply_server_side_encryption_by_default": {
                "sse_algorithm": "aws:kms",
                "kms_master_key_id": "arn:aws:kms:eu-west-2:1:key/k",
            },
            "bucket_key_enabled": True,
        }
    ]
    assert (
        encryption.location.line_for(("rule", 0, "apply_server_side_encryption_by_default", "sse_algorithm"))
        == 97
    )
    cluster = resources["ledger"]
    assert (cluster.type, cluster.attributes["master_password"], cluster.attributes["master_username"]) == (
        "aws_rds_cluster",
        "hunter2",
        SECRET,
    )
    # The key AWS chose for a cluster that names none is read back, not declared: a customer-managed key
    # rule must not see it as the program's choice.
    assert "kms_key_id" not in cluster.attributes
    trail = resources["audit"]
    assert trail.type == "aws_cloudtrail"
    assert trail.attributes["event_selector"] == [
        {"read_write_type": "All", "include_management_events": True}
    ]
    assert trail.region == Unknown(
        "provider envonly sets no region; it comes from the environment at deployment"
    )
    assert trail.region_source == "provider envonly"
    storage = resources["archive"]
    assert (storage.type, storage.provider, storage.region, storage.region_source) == (
        "azurerm_storage_account",
        "azurerm",
        "westeurope",
        "resource argument location",
    )
    assert storage.attributes["min_tls_version"] == "TLS1_0"
    provider = resources["default_6_63_0"]
    assert provider.attributes == {"region": "eu-west-2", "version": "6.63.0"}


def test_stack_export_edges_are_deduplicated() -> None:
    result = parse_fixture("stack-export.json")
    prefix = "urn:pulumi:dev::vault::"
    sse_type = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"
    sse = f"{prefix}{sse_type}::statements-sse"
    bucket = prefix + "aws:s3/bucketV2:BucketV2::statements"
    assert [edge for edge in result.edges if edge.source == sse] == [
        Edge(sse, prefix + "pulumi:pulumi:Stack::vault-dev", "parent"),
        Edge(sse, bucket, "depends_on"),
        Edge(sse, bucket, "reference", "bucket"),
    ]


@pytest.mark.parametrize(
    ("name", "shape", "lines", "kms"),
    [
        ("checkpoint-v0.json", "checkpoint-v0", (9, 25), "alias/aws/sns"),
        ("checkpoint-v1.json", "checkpoint-v1", (11, 27), "alias/aws/sns"),
        ("checkpoint-v3.json", "checkpoint-v3", (19, 38), SECRET),
        ("checkpoint-v4.json", "checkpoint-v4", (22, 41), SECRET),
    ],
)
def test_checkpoints(name: str, shape: str, lines: tuple[int, int], kms: object) -> None:
    result = parse_fixture(name)
    assert not result.notifications
    [topic] = result.resources
    assert topic.id == "urn:pulumi:foo::countdown::aws:sns/topic:Topic::alerts"
    assert topic.type == "aws_sns_topic"
    assert topic.metadata["shape"] == shape
    assert (topic.location.start_line, topic.location.end_line) == lines
    # Inputs win over v0/v1 defaults and over outputs; secrets stay unknown without their plaintext.
    assert topic.attributes["kms_master_key_id"] == kms
    assert topic.attributes["arn"] == "arn:aws:sns:us-east-2:1:alerts"
    if shape in ("checkpoint-v0", "checkpoint-v1"):
        assert topic.attributes["name"] == "alerts-1"
        assert topic.region == "us-east-2"
    else:
        assert topic.region == "ap-southeast-2"
    assert topic.region_source == "stack config aws:region"


def test_engine_events_one_resource_per_urn_at_the_line_of_its_event() -> None:
    result = parse_fixture("engine-events.json")
    assert not result.notifications
    resources = by_name(result)
    # The scratch volume is only deleted; the instance's replace/delete-replaced events are the same URN.
    assert list(resources) == ["web-dev", "web-sg", "web"]
    instance = resources["web"]
    assert instance.type == "aws_instance"
    assert instance.attributes == {
        "ami": "ami-1",
        "ebs_block_device": [{"device_name": "/dev/sdb", "encrypted": False}],
        "root_block_device": {"encrypted": True},
        "user_data": KNOWN_AFTER,
    }
    assert (instance.location.start_line, instance.location.end_line) == (4, 4)
    assert instance.location.line_for(("ebs_block_device", 0, "encrypted")) == 4
    assert (instance.region, instance.region_source) == ("us-west-2", "stack config aws:region")
    assert instance.metadata["op"] == "create-replacement"


def test_region_falls_back_to_the_region_option_then_unknown(tmp_path: Path) -> None:
    text = (
        '{"version": 3, "deployment": {"manifest": {}, "resources": ['
        '{"urn": "urn:pulumi:s::p::aws:ebs/volume:Volume::v",'
        ' "custom": true, "type": "aws:ebs/volume:Volume", "inputs": {"encrypted": true},'
        ' "provider": "urn:pulumi:s::p::pulumi:providers:aws::default_6_0_0::id"}]}}'
    )
    from iacgate.parsers.base import ParseOptions, merged

    source = SourceFile(tmp_path / "s.json", "s.json", text)
    [with_option] = merged(
        PulumiParser().parse([source], ParseOptions(scan_root=tmp_path, region="eu-north-1"))
    ).resources
    assert (with_option.region, with_option.region_source) == ("eu-north-1", "--region option")
    [without] = merged(PulumiParser().parse([source], ParseOptions(scan_root=tmp_path))).resources
    assert without.region == Unknown(
        "no region: the default aws provider has none and the stack config sets no aws:region"
    )


def test_invalid_json_is_a_parse_error_with_line_and_column() -> None:
    [notification] = parse_fixture("broken-preview.json").notifications
    assert (notification.level, notification.file, notification.line, notification.column) == (
        "error",
        "broken-preview.json",
        4,
        72,
    )
    assert notification.message.startswith("invalid JSON")


def test_broken_event_line_is_named() -> None:
    result = parse_fixture("broken-engine-events.json")
    assert result.resources == ()
    [notification] = result.notifications
    assert (notification.file, notification.line) == ("broken-engine-events.json", 3)
    assert notification.message.startswith("line 3 is not valid JSON")
