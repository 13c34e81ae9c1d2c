"""OpenTofu's files: ``.tofu`` and ``.tofu.json`` are judged, and a directory whose ``x.tofu`` replaces its
``x.tf`` for OpenTofu only is judged as each tool reads it, so neither file can hide the other."""

from __future__ import annotations

from pathlib import Path

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.hook import scan_targets

KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ENCRYPTED = f"""resource "aws_ebs_volume" "v" {{
  availability_zone = "us-east-1a"
  size              = 10
  encrypted         = true
  kms_key_id        = "{KEY}"
}}
"""
UNENCRYPTED = ENCRYPTED.replace("encrypted         = true", "encrypted         = false")


def _scan(root: Path) -> ScanResult:
    return scan(ScanSettings(paths=(root,), root=root, packs=("encryption",)))


def _failed(result: ScanResult) -> set[tuple[str, str, str, int]]:
    return {
        (f.unit, f.resource_id, f.file, f.line)
        for f in result.findings
        if f.rule_id == "ENC-EBS-001" and f.status == "fail"
    }


def _problems(result: ScanResult) -> list[str]:
    return [str(n) for n in result.notifications if n.level in ("error", "warning")]


def test_tofu_and_tofu_json_files_are_judged(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(ENCRYPTED, encoding="utf-8")
    (tmp_path / "extra.tofu").write_text(UNENCRYPTED.replace('"v"', '"w"'), encoding="utf-8")
    (tmp_path / "more.tofu.json").write_text(
        '{"resource": {"aws_ebs_volume": {"j": {"availability_zone": "us-east-1a", "size": 1,\n'
        '  "encrypted": false}}}}\n',
        encoding="utf-8",
    )
    result = _scan(tmp_path)
    assert _failed(result) == {
        (".", "aws_ebs_volume.w", "extra.tofu", 4),
        (".", "aws_ebs_volume.j", "more.tofu.json", 2),
    }
    assert not result.decision.passed
    assert _problems(result) == []


def test_a_tofu_twin_does_not_hide_the_tf_file_terraform_deploys(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(UNENCRYPTED, encoding="utf-8")
    (tmp_path / "main.tofu").write_text(ENCRYPTED, encoding="utf-8")
    result = _scan(tmp_path)
    assert _failed(result) == {(". (Terraform)", "aws_ebs_volume.v", "main.tf", 4)}
    assert {graph.name for graph in result.graphs} == {". (OpenTofu)", ". (Terraform)"}
    assert not result.decision.passed
    notes = [n.message for n in result.notifications if n.level == "note"]
    assert any("judged twice, as OpenTofu and as Terraform read it" in note for note in notes), notes


def test_a_tf_twin_does_not_hide_the_tofu_file_opentofu_deploys(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(ENCRYPTED, encoding="utf-8")
    (tmp_path / "main.tofu").write_text(UNENCRYPTED, encoding="utf-8")
    result = _scan(tmp_path)
    assert _failed(result) == {(". (OpenTofu)", "aws_ebs_volume.v", "main.tofu", 4)}
    assert _problems(result) == []


def test_a_twin_in_a_called_module_judges_the_root_both_ways(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('module "disk" {\n  source = "./disk"\n}\n', encoding="utf-8")
    (tmp_path / "disk").mkdir()
    (tmp_path / "disk" / "volume.tf").write_text(UNENCRYPTED, encoding="utf-8")
    (tmp_path / "disk" / "volume.tofu").write_text(ENCRYPTED, encoding="utf-8")
    result = _scan(tmp_path)
    assert _failed(result) == {(". (Terraform)", "module.disk.aws_ebs_volume.v", "disk/volume.tf", 4)}


def test_a_twin_json_file_is_replaced_too(tmp_path: Path) -> None:
    (tmp_path / "main.tf.json").write_text(
        '{"resource": {"aws_ebs_volume": {"v": {"availability_zone": "us-east-1a", "size": 1,\n'
        '  "encrypted": false}}}}\n',
        encoding="utf-8",
    )
    (tmp_path / "main.tofu.json").write_text('{"resource": {}}\n', encoding="utf-8")
    result = _scan(tmp_path)
    assert _failed(result) == {(". (Terraform)", "aws_ebs_volume.v", "main.tf.json", 2)}


def test_without_twins_each_resource_is_judged_once(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(UNENCRYPTED, encoding="utf-8")
    (tmp_path / "other.tofu").write_text(ENCRYPTED.replace('"v"', '"w"'), encoding="utf-8")
    result = _scan(tmp_path)
    assert _failed(result) == {(".", "aws_ebs_volume.v", "main.tf", 4)}
    assert [graph.name for graph in result.graphs] == ["."]


def test_the_hook_scans_the_module_of_a_changed_tofu_file(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(ENCRYPTED, encoding="utf-8")
    (tmp_path / "extra.tofu").write_text(UNENCRYPTED.replace('"v"', '"w"'), encoding="utf-8")
    targets = scan_targets([tmp_path / "extra.tofu"], tmp_path)
    assert sorted(path.name for path in targets.paths) == ["extra.tofu", "main.tf"]
    assert targets.skipped == ()
