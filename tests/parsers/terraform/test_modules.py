"""Points 5, 6 and 7: modules two levels deep, providers and regions, default tags, cross-resource edges."""

from __future__ import annotations

import pytest

from iacgate.graph.model import Unknown
from parsers.terraform.support import FIXTURES, edges_of, scan

MODULES = FIXTURES / "modules"


@pytest.fixture(scope="module")
def scanned():  # type: ignore[no-untyped-def]
    return scan(MODULES)


def test_called_directories_are_evaluated_through_their_callers(scanned) -> None:  # type: ignore[no-untyped-def]
    assert scanned.units == ("envs/prod",)
    assert set(scanned.resources) == {
        "aws_s3_bucket.logs",
        "aws_ebs_volume.data",
        'module.storage.aws_s3_bucket.b["audit"]',
        'module.storage.aws_s3_bucket.b["ledger"]',
        'module.storage.aws_s3_bucket_server_side_encryption_configuration.b["audit"]',
        'module.storage.aws_s3_bucket_server_side_encryption_configuration.b["ledger"]',
        "module.storage.module.key.aws_kms_key.k",
        "module.storage.module.key.aws_kms_alias.a",
    }
    assert [n for n in scanned.notifications if n.level == "error"] == []


def test_inputs_and_outputs_cross_module_boundaries(scanned) -> None:  # type: ignore[no-untyped-def]
    assert scanned.resources['module.storage.aws_s3_bucket.b["ledger"]'].attributes == {
        "bucket": "prod-ledger"
    }
    key = scanned.resources["module.storage.module.key.aws_kms_key.k"]
    assert key.attributes["description"] == "key for storage-prod"
    assert key.location.file == "modules/key/main.tf"
    # An output that is a known argument of a resource two modules down is known in the root.
    assert scanned.resources["aws_s3_bucket.logs"].attributes["bucket"] == "logs-alias/storage-prod"
    volume = scanned.resources["aws_ebs_volume.data"]
    assert volume.attributes["kms_key_id"] == Unknown(
        "depends on module.storage.module.key.aws_kms_key.k.arn, known after apply"
    )
    assert edges_of(scanned.edges, "aws_ebs_volume.data") == {
        ("module.storage.module.key.aws_kms_key.k", "reference", "kms_key_id")
    }
    assert edges_of(scanned.edges, "aws_s3_bucket.logs") == {
        ("module.storage.module.key.aws_kms_alias.a", "reference", "bucket")
    }


def test_for_each_instances_attach_key_by_key(scanned) -> None:  # type: ignore[no-untyped-def]
    for key in ("ledger", "audit"):
        source = f'module.storage.aws_s3_bucket_server_side_encryption_configuration.b["{key}"]'
        assert edges_of(scanned.edges, source) == {
            (f'module.storage.aws_s3_bucket.b["{key}"]', "reference", "bucket"),
            ("module.storage.module.key.aws_kms_key.k", "reference", "rule"),
        }
        rule = scanned.resources[source].attributes["rule"]
        assert rule[0]["apply_server_side_encryption_by_default"][0]["sse_algorithm"] == "aws:kms"
        assert (
            scanned.resources[source].location.line_for(
                ("rule", 0, "apply_server_side_encryption_by_default", 0, "sse_algorithm")
            )
            == 22
        )


@pytest.mark.parametrize(
    ("resource_id", "region", "region_source"),
    [
        ("aws_s3_bucket.logs", "eu-west-1", "provider aws"),
        ("aws_ebs_volume.data", "ap-southeast-2", "resource argument region"),
        (
            'module.storage.aws_s3_bucket.b["audit"]',
            "us-east-1",
            "provider aws.us (module.storage via providers map)",
        ),
        (
            "module.storage.module.key.aws_kms_key.k",
            "us-east-1",
            "provider aws.us (inherited by module.storage.module.key)",
        ),
    ],
)
def test_effective_regions(scanned, resource_id: str, region: str, region_source: str) -> None:  # type: ignore[no-untyped-def]
    resource = scanned.resources[resource_id]
    assert (resource.region, resource.region_source) == (region, region_source)


def test_default_tags_merge_under_resource_tags(scanned) -> None:  # type: ignore[no-untyped-def]
    logs = scanned.resources["aws_s3_bucket.logs"]
    assert logs.tags == {"owner": "platform", "env": "prod"}
    assert logs.attributes["tags_all"] == {"owner": "platform", "env": "prod"}
    # The aliased provider passed into the module has no default tags.
    assert scanned.resources['module.storage.aws_s3_bucket.b["audit"]'].tags == {}


def test_unknown_region_says_why() -> None:
    resource = scan(FIXTURES / "ebs").resources["aws_ebs_volume.fail"]
    assert resource.region == Unknown(
        "no configuration for provider aws; the region comes from the environment at apply time"
    )


def test_source_outside_the_tree_is_refused() -> None:
    scanned = scan(FIXTURES / "outside" / "root")
    messages = sorted(n.message for n in scanned.notifications)
    assert messages == [
        "file '../../../../../../etc/hostname' is outside the scanned paths; not read, its value is unknown",
        "module 'escape' source '../../../../../../etc' is outside the scanned paths; not read, its "
        "resources are not evaluated",
    ]
    assert set(scanned.resources) == {"aws_s3_bucket.b"}
    assert isinstance(scanned.resources["aws_s3_bucket.b"].attributes["bucket"], Unknown)


def test_registry_module_without_init_gives_one_warning() -> None:
    scanned = scan(FIXTURES / "registry")
    (note,) = scanned.notifications
    assert (note.level, note.file, note.line) == ("warning", "main.tf", 1)
    assert note.message.startswith(
        "module 'vpc' (terraform-aws-modules/vpc/aws) not scanned: run terraform init"
    )
    assert set(scanned.resources) == {"aws_ebs_volume.v"}


def test_registry_module_read_from_modules_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "main.tf").write_text((FIXTURES / "registry" / "main.tf").read_text())
    installed = tmp_path / ".terraform" / "modules" / "vpc"
    installed.mkdir(parents=True)
    (installed / "main.tf").write_text(
        'variable "name" {}\nresource "aws_vpc" "this" {\n  tags = { Name = var.name }\n}\n'
    )
    (tmp_path / ".terraform" / "modules" / "modules.json").write_text(
        '{"Modules": [{"Key": "", "Source": "", "Dir": "."}, '
        '{"Key": "vpc", "Source": "registry.terraform.io/terraform-aws-modules/vpc/aws", '
        '"Dir": ".terraform/modules/vpc"}]}'
    )
    scanned = scan(tmp_path)
    assert scanned.notifications == ()
    vpc = scanned.resources["module.vpc.aws_vpc.this"]
    assert vpc.tags == {"Name": "main"}
    assert vpc.location.file == ".terraform/modules/vpc/main.tf"


def test_unparsable_file_is_an_error_naming_file_and_line_and_others_still_parse() -> None:
    scanned = scan(FIXTURES / "broken")
    (note,) = scanned.notifications
    assert (note.level, note.file, note.line) == ("error", "bad.tf", 3)
    assert set(scanned.resources) == {"aws_ebs_volume.ok"}


VOLUME = 'resource "aws_ebs_volume" "bad" {\n  availability_zone = "us-east-1a"\n}\n'


@pytest.mark.parametrize(
    ("caller", "units", "volumes"),
    [
        # A call that builds no instance: prod was skipped as "called" and never judged.
        ("count = 0", ("prod",), {"aws_ebs_volume.bad"}),
        ("for_each = toset([])", ("prod",), {"aws_ebs_volume.bad"}),
        ("count = 2", ("zz",), {"module.m[0].aws_ebs_volume.bad", "module.m[1].aws_ebs_volume.bad"}),
        ("count = length(var.unknown)", ("zz",), {"module.m.aws_ebs_volume.bad"}),
    ],
)
def test_a_called_directory_no_root_instantiates_is_judged_as_a_root(
    tmp_path, caller: str, units: tuple[str, ...], volumes: set[str]
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "prod").mkdir()
    (tmp_path / "prod" / "main.tf").write_text(VOLUME, encoding="utf-8")
    (tmp_path / "zz").mkdir()
    (tmp_path / "zz" / "main.tf").write_text(
        f'variable "unknown" {{}}\nmodule "m" {{\n  source = "../prod"\n  {caller}\n}}\n', encoding="utf-8"
    )
    scanned = scan(tmp_path)
    assert scanned.units == units
    assert {resource.id for resource in scanned.every} == volumes


def test_a_chain_under_an_uninstantiated_call_is_judged_from_its_top(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # root calls a with count = 0; a calls b: a is judged as a root, and b through a.
    for name, text in {
        "root": 'module "a" {\n  source = "../a"\n  count = 0\n}\n',
        "a": 'module "b" {\n  source = "../b"\n}\n',
        "b": VOLUME,
    }.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text(text, encoding="utf-8")
    scanned = scan(tmp_path)
    assert scanned.units == ("a",)
    assert {resource.id for resource in scanned.every} == {"module.b.aws_ebs_volume.bad"}
