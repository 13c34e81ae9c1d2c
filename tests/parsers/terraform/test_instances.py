"""Point 4 and 9: count, for_each, dynamic blocks, depends_on, lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from iacgate.graph.model import Unknown
from parsers.terraform.support import FIXTURES, edges_of, scan


def test_count_for_each_and_dynamic_expand() -> None:
    scanned = scan(FIXTURES / "instances")
    assert set(scanned.resources) == {
        "aws_ebs_volume.v[0]",
        "aws_ebs_volume.v[1]",
        "aws_security_group.sg",
        "aws_instance.unknown_count",
        "data.aws_availability_zones.all",
        "aws_s3_bucket_public_access_block.p",
        "aws_s3_bucket.b",
    }
    assert scanned.resources["aws_ebs_volume.v[0]"].attributes["encrypted"] is True
    assert scanned.resources["aws_ebs_volume.v[1]"].attributes["encrypted"] is False
    assert scanned.resources["aws_ebs_volume.v[1]"].attributes["size"] == 11
    ingress = scanned.resources["aws_security_group.sg"].attributes["ingress"]
    assert ingress == [
        {"description": "http", "from_port": 80, "to_port": 80, "protocol": "tcp"},
        {"description": "https", "from_port": 443, "to_port": 443, "protocol": "tcp"},
    ]
    assert scanned.resources["data.aws_availability_zones.all"].mode == "data"


def test_unknown_count_gives_one_instance_and_a_notification() -> None:
    scanned = scan(FIXTURES / "instances")
    instance = scanned.resources["aws_instance.unknown_count"]
    assert instance.metadata["expansion"] == "unknown"
    (note,) = [n for n in scanned.notifications if "unknown_count" in n.message]
    assert note.level == "warning"
    assert (note.file, note.line) == ("main.tf", 26)
    assert "data.aws_availability_zones.all.names" in note.message


def test_references_and_depends_on_edges() -> None:
    scanned = scan(FIXTURES / "instances")
    assert edges_of(scanned.edges, "aws_s3_bucket_public_access_block.p") == {
        ("aws_s3_bucket.b", "reference", "bucket"),
        ("aws_security_group.sg", "depends_on", "depends_on"),
    }
    block = scanned.resources["aws_s3_bucket_public_access_block.p"]
    assert block.attributes["bucket"] == Unknown("depends on aws_s3_bucket.b.id, known after apply")


def test_lines_of_blocks_attributes_and_nested_blocks() -> None:
    scanned = scan(FIXTURES / "instances")
    volume = scanned.resources["aws_ebs_volume.v[1]"].location
    assert (volume.file, volume.start_line, volume.end_line) == ("main.tf", 5, 10)
    assert volume.line_for(("encrypted",)) == 9
    assert volume.line_for(("kms_key_id",)) == 5
    group = scanned.resources["aws_security_group.sg"].location
    assert group.line_for(("ingress", 1, "from_port")) == 19
    assert group.line_for(("ingress",)) == 15


@pytest.mark.parametrize(
    ("count", "message"),
    [
        ('"abc"', "count of aws_ebs_volume.v: 'abc' is not a number"),
        ("100000000", "aws_ebs_volume.v has 100,000,000 instances, more than iacgate's ceiling of 10,000"),
    ],
)
def test_a_count_that_builds_no_instance_is_an_error_at_its_block(
    tmp_path: Path, count: str, message: str
) -> None:
    # Such a resource vanished without a word: no instance, so no resource to carry the error.
    (tmp_path / "main.tf").write_text(
        f'resource "aws_s3_bucket" "b" {{\n  bucket = "b"\n}}\n'
        f'resource "aws_ebs_volume" "v" {{\n  count = {count}\n  availability_zone = "a"\n}}\n',
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    assert set(scanned.resources) == {"aws_s3_bucket.b"}
    assert [(note.level, note.file, note.line, note.message) for note in scanned.notifications] == [
        ("error", "main.tf", 4, message)
    ]


def test_a_set_variable_holds_each_value_once(tmp_path: Path) -> None:
    # set(string) kept ["a", "b", "a"] as given: two instances aws_ebs_volume.v["a"] and length() 3.
    (tmp_path / "main.tf").write_text(
        'variable "zones" {\n  type    = set(string)\n  default = ["b", "a", "b"]\n}\n'
        'resource "aws_ebs_volume" "v" {\n  for_each          = var.zones\n'
        "  availability_zone = each.value\n  size              = length(var.zones)\n}\n",
        encoding="utf-8",
    )
    scanned = scan(tmp_path, unique=False)
    assert [(r.id, r.attributes["size"]) for r in scanned.every] == [
        ('aws_ebs_volume.v["a"]', 2),
        ('aws_ebs_volume.v["b"]', 2),
    ]
    assert not scanned.notifications
