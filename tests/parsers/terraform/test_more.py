"""JSON syntax, other clouds' regions, module count/for_each, typed defaults, cycles, the parse cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from iacgate.graph.model import Unknown
from iacgate.parsers.terraform.load import cache_directory, parse_files
from iacgate.textio import SourceFile
from parsers.terraform.support import FIXTURES, edges_of, scan


def test_tf_json_is_read_like_hcl() -> None:
    scanned = scan(FIXTURES / "json")
    volume = scanned.resources["aws_ebs_volume.v"]
    assert volume.attributes["encrypted"] is False
    assert volume.tags == {"Name": "vol-plain"}
    assert (volume.region, volume.region_source) == ("eu-central-1", "provider aws")
    assert (volume.location.file, volume.location.start_line, volume.location.end_line) == (
        "main.tf.json",
        10,
        15,
    )
    assert volume.location.line_for(("encrypted",)) == 13
    versioning = scanned.resources["aws_s3_bucket_versioning.v"]
    assert versioning.attributes["versioning_configuration"] == [{"status": "Enabled"}]
    assert edges_of(scanned.edges, "aws_s3_bucket_versioning.v") == {
        ("aws_s3_bucket.b", "reference", "bucket")
    }


LAUNCH_TEMPLATE_HCL = """\
resource "aws_launch_template" "lt" {
  name = "lt"
  dynamic "block_device_mappings" {
    for_each = ["/dev/sdf", "/dev/sdg"]
    iterator = d
    content {
      device_name = d.value
      ebs {
        encrypted = false
      }
    }
  }
}
"""
LAUNCH_TEMPLATE_JSON = """\
{"resource": {"aws_launch_template": {"lt": {
  "name": "lt",
  "dynamic": {"block_device_mappings": {
    "for_each": "${[\\"/dev/sdf\\", \\"/dev/sdg\\"]}",
    "iterator": "d",
    "content": {"device_name": "${d.value}", "ebs": {"encrypted": false}}
  }}
}}}}
"""


def test_tf_json_dynamic_blocks_expand_like_hcl(tmp_path: Path) -> None:
    # The JSON form was read as a nested block named "dynamic" with no label, and dropped.
    (tmp_path / "hcl").mkdir()
    (tmp_path / "hcl" / "main.tf").write_text(LAUNCH_TEMPLATE_HCL, encoding="utf-8")
    (tmp_path / "json").mkdir()
    (tmp_path / "json" / "main.tf.json").write_text(LAUNCH_TEMPLATE_JSON, encoding="utf-8")
    hcl = scan(tmp_path / "hcl").resources["aws_launch_template.lt"].attributes
    json_form = scan(tmp_path / "json").resources["aws_launch_template.lt"].attributes
    assert (
        json_form["block_device_mappings"]
        == hcl["block_device_mappings"]
        == [
            {"device_name": "/dev/sdf", "ebs": [{"encrypted": False}]},
            {"device_name": "/dev/sdg", "ebs": [{"encrypted": False}]},
        ]
    )


def test_tf_json_names_given_twice_keep_every_block(tmp_path: Path) -> None:
    # json.loads kept the last "resource": the first volume vanished from the scan.
    (tmp_path / "main.tf.json").write_text(
        '{\n"resource": {"aws_ebs_volume": {"hidden": {"size": 10}}},\n'
        '"resource": {"aws_ebs_volume": {"ok": {"size": 10, "encrypted": true}}},\n'
        '"resource": {"aws_s3_bucket": {"b": {"bucket": "b", "tags": {"a": "1"}}}}\n}\n',
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    assert set(scanned.resources) == {"aws_ebs_volume.hidden", "aws_ebs_volume.ok", "aws_s3_bucket.b"}
    assert scanned.resources["aws_ebs_volume.hidden"].location.start_line == 2


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (
            '{"resource": {"aws_ebs_volume": {"v": {\n"encrypted": true,\n"encrypted": false}}}}',
            "duplicate argument 'encrypted'",
            3,
        ),
        (
            '{"resource": {"aws_ebs_volume": {"v": {"tags": {\n"a": "1",\n"a": "2"}}}}}',
            "duplicate object attribute 'a'",
            3,
        ),
    ],
)
def test_tf_json_arguments_given_twice_are_errors(tmp_path: Path, text: str, message: str, line: int) -> None:
    (tmp_path / "main.tf.json").write_text(text, encoding="utf-8")
    scanned = scan(tmp_path)
    assert scanned.resources == {}
    [note] = scanned.notifications
    assert (note.level, note.file, note.line) == ("error", "main.tf.json", line)
    assert message in note.message


@pytest.mark.parametrize(
    ("resource_id", "region", "region_source"),
    [
        ("google_storage_bucket.b", "EU", "resource argument location"),
        ("google_compute_disk.d", "europe-west1", "provider google"),
        ("google_compute_instance.i", "us-central1", "resource argument zone"),
        ("azurerm_storage_account.a", "westeurope", "resource argument location"),
    ],
)
def test_google_and_azure_regions(resource_id: str, region: str, region_source: str) -> None:
    resource = scan(FIXTURES / "clouds").resources[resource_id]
    assert (resource.region, resource.region_source) == (region, region_source)


@pytest.mark.parametrize("local", ["google-beta", "gcp"])
def test_google_resources_of_another_provider_name_are_placed_like_google(tmp_path: Path, local: str) -> None:
    # google-beta, or a local name whose required_providers source is google, placed a US bucket in
    # the provider's europe-west1: its location was read only for the provider named google.
    (tmp_path / "main.tf").write_text(
        'terraform {\n  required_providers {\n    gcp = {\n      source = "hashicorp/google"\n    }\n  }\n}\n'
        f'provider "{local}" {{\n  region = "europe-west1"\n}}\n'
        f'resource "google_storage_bucket" "b" {{\n  provider = {local}\n  location = "US"\n}}\n'
        f'resource "google_compute_instance" "i" {{\n  provider = {local}\n  zone = "us-central1-a"\n}}\n'
        f'resource "google_compute_disk" "d" {{\n  provider = {local}\n}}\n',
        encoding="utf-8",
    )
    resources = scan(tmp_path).resources
    placed = {key: (r.provider, r.region, r.region_source) for key, r in resources.items()}
    assert placed == {
        "google_storage_bucket.b": ("google", "US", "resource argument location"),
        "google_compute_instance.i": ("google", "us-central1", "resource argument zone"),
        "google_compute_disk.d": ("google", "europe-west1", f"provider {local}"),
    }


PROVIDER_EU = (
    'provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n'
)


@pytest.mark.parametrize(
    ("name", "text", "expected", "region"),
    [
        # A second file configuring the same provider: Terraform refuses it; read as one more block, the
        # file sorted first lost, and the bucket seemed to be in eu-west-1.
        ("extra.tf.json", '{"provider": {"aws": [{"region": "us-east-1"}]}}', ("main.tf", 1), None),
        ("z.tf", 'provider "aws" {\n  alias  = "us"\n  region = "us-east-1"\n}\n', None, "eu-west-1"),
        # An override file merges its region into the configuration, as Terraform does.
        ("a_override.tf", 'provider "aws" {\n  region = "us-east-1"\n}\n', None, "us-east-1"),
    ],
)
def test_a_provider_configured_twice_is_an_error(
    tmp_path: Path, name: str, text: str, expected: tuple[str, int] | None, region: str | None
) -> None:
    (tmp_path / "main.tf").write_text(PROVIDER_EU, encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    scanned = scan(tmp_path)
    errors = [(n.file, n.line) for n in scanned.notifications if n.level == "error"]
    assert errors == ([expected] if expected else [])
    if expected:
        assert "duplicate declaration of 'provider aws'" in scanned.notifications[0].message
    else:
        assert scanned.resources["aws_s3_bucket.b"].region == region


def test_azure_resource_without_location_has_an_unknown_region() -> None:
    resource = scan(FIXTURES / "clouds").resources["azurerm_resource_group.g"]
    assert resource.region == Unknown("azurerm resources set their own location; the provider has no region")


def test_a_cycle_of_locals_is_unknown_not_a_hang() -> None:
    bucket = scan(FIXTURES / "clouds").resources["aws_s3_bucket.cycle"]
    assert bucket.attributes["bucket"] == Unknown("local.ping refers to itself (cycle)")


def test_module_instances_and_typed_optional_defaults() -> None:
    scanned = scan(FIXTURES / "module_instances")
    assert set(scanned.resources) == {
        "aws_ebs_volume.from_output",
        "module.counted[0].aws_ebs_volume.v",
        "module.counted[1].aws_ebs_volume.v",
        'module.per_team["payments"].aws_ebs_volume.v',
        'module.per_team["ledger"].aws_ebs_volume.v',
    }
    ledger = scanned.resources['module.per_team["ledger"].aws_ebs_volume.v']
    # optional(bool, true) in the variable's type fills the attribute the caller left out.
    assert ledger.attributes == {
        "availability_zone": "eu-west-1a",
        "size": 20,
        "encrypted": True,
        "iops": None,
    }
    assert scanned.resources["aws_ebs_volume.from_output"].attributes["size"] == 22
    assert edges_of(scanned.edges, "aws_ebs_volume.from_output") == {
        ('module.per_team["ledger"].aws_ebs_volume.v', "reference", "size"),
        ("module.counted[1].aws_ebs_volume.v", "reference", "size"),
    }


def test_tf_var_for_a_complex_type_is_parsed_as_hcl(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'variable "zones" {\n  type = list(string)\n}\n'
        'resource "aws_ebs_volume" "v" {\n  availability_zone = var.zones[1]\n  size = 1\n}\n'
    )
    scanned = scan(tmp_path, environment={"TF_VAR_zones": '["a", "b"]'})
    assert scanned.resources["aws_ebs_volume.v"].attributes["availability_zone"] == "b"


def test_parse_results_are_cached_on_disk_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("IACGATE_CACHE_DIR", str(cache))
    text = f'resource "aws_s3_bucket" "cached" {{\n  bucket = "{tmp_path.name}"\n}}\n'
    source = SourceFile(tmp_path / "tree" / "main.tf", "main.tf", text)
    parsed, errors = parse_files([source], tmp_path / "tree")
    assert errors == [] and parsed[0].blocks[0].labels == ("aws_s3_bucket", "cached")
    stored = list(cache.rglob("*"))
    assert any(path.is_file() for path in stored)
    # A cache directory inside the scanned tree is never used.
    monkeypatch.setenv("IACGATE_CACHE_DIR", str(tmp_path / "tree" / ".cache"))
    assert cache_directory(tmp_path / "tree") is None
