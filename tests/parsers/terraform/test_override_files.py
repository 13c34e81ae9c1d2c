"""Override files (``override.tf``, ``*_override.tf`` and their JSON and OpenTofu forms) are merged into the
module as Terraform merges them: they were refused as duplicate declarations (exit 3) before, so a module
with one could not be judged at all. A finding on what an override file wrote points there."""

from __future__ import annotations

from pathlib import Path

from iacgate.api import ScanResult, ScanSettings, scan

KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
MAIN = f"""terraform {{
  backend "s3" {{
    bucket         = "state"
    key            = "a.tfstate"
    region         = "us-east-1"
    encrypt        = true
    dynamodb_table = "locks"
    kms_key_id     = "{KEY}"
  }}
}}

provider "aws" {{
  region = "us-east-1"
}}

variable "encrypted" {{
  default = true
}}

locals {{
  key = "{KEY}"
}}

resource "aws_ebs_volume" "v" {{
  availability_zone = "us-east-1a"
  size              = 10
  encrypted         = var.encrypted
  kms_key_id        = local.key
}}

resource "aws_instance" "i" {{
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  root_block_device {{
    encrypted  = true
    kms_key_id = "{KEY}"
  }}
}}
"""


def _scan(root: Path, override: str, name: str = "main_override.tf") -> ScanResult:
    (root / "main.tf").write_text(MAIN, encoding="utf-8")
    (root / name).write_text(override, encoding="utf-8")
    return scan(ScanSettings(paths=(root,), root=root))


def _failed(result: ScanResult) -> set[tuple[str, str, str, int]]:
    return {(f.rule_id, f.resource_id, f.file, f.line) for f in result.findings if f.status == "fail"}


def _errors(result: ScanResult) -> list[tuple[str | None, int, str]]:
    return [(n.file, n.line, n.message) for n in result.notifications if n.level == "error"]


def test_the_module_alone_passes(tmp_path: Path) -> None:
    result = _scan(tmp_path, "# nothing overridden\n")
    assert _failed(result) == set()
    assert _errors(result) == []
    assert result.decision.passed


def test_an_overridden_argument_is_judged_and_found_in_the_override_file(tmp_path: Path) -> None:
    result = _scan(tmp_path, 'resource "aws_ebs_volume" "v" {\n  encrypted = false\n}\n')
    assert _errors(result) == []
    assert _failed(result) == {("ENC-EBS-001", "aws_ebs_volume.v", "main_override.tf", 2)}
    (finding,) = result.findings
    assert "the override file main_override.tf" in finding.message
    assert [(r.file, r.line) for r in finding.related] == [("main.tf", 24)]
    assert not result.decision.passed


def test_an_override_fixing_a_violation_passes(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(MAIN.replace("default = true", "default = false"), encoding="utf-8")
    (tmp_path / "override.tf").write_text(
        'resource "aws_ebs_volume" "v" {\n  encrypted = true\n}\n', encoding="utf-8"
    )
    result = scan(ScanSettings(paths=(tmp_path,), root=tmp_path))
    assert _failed(result) == set()
    assert _errors(result) == []


def test_a_nested_block_replaces_every_original_block_of_its_type(tmp_path: Path) -> None:
    # Replaced, the root device loses the original's kms_key_id (merged, it would keep it and pass).
    override = 'resource "aws_instance" "i" {\n  root_block_device {\n    encrypted = true\n  }\n}\n'
    result = _scan(tmp_path, override)
    assert _failed(result) == {("ENC-EC2-005", "aws_instance.i", "main_override.tf", 2)}


def test_a_local_and_a_variable_default_are_overridden_by_name(tmp_path: Path) -> None:
    override = 'variable "encrypted" {\n  default = false\n}\n\nlocals {\n  key = null\n}\n'
    result = _scan(tmp_path, override, "z_override.tf")
    assert _errors(result) == []
    assert _failed(result) == {
        ("ENC-EBS-001", "aws_ebs_volume.v", "main.tf", 27),
        ("ENC-EBS-004", "aws_ebs_volume.v", "main.tf", 28),
    }
    (encrypted,) = [f for f in result.findings if f.rule_id == "ENC-EBS-001"]
    assert [(r.file, r.line) for r in encrypted.related] == [("z_override.tf", 2)]


def test_a_backend_in_an_override_file_replaces_the_original_as_a_whole(tmp_path: Path) -> None:
    override = 'terraform {\n  backend "s3" {\n    bucket = "state"\n    key    = "a.tfstate"\n  }\n}\n'
    result = _scan(tmp_path, override, "state_override.tf")
    assert ("SEC-STATE-001", "terraform_backend.root", "state_override.tf", 2) in _failed(result)


def test_json_and_opentofu_override_files_are_merged_too(tmp_path: Path) -> None:
    override = '{"resource": {"aws_ebs_volume": {"v": {\n  "encrypted": false}}}}\n'
    result = _scan(tmp_path, override, "override.tofu.json")
    assert _errors(result) == []
    assert _failed(result) == {("ENC-EBS-001", "aws_ebs_volume.v", "override.tofu.json", 2)}


def test_an_override_of_nothing_is_an_error_naming_its_line(tmp_path: Path) -> None:
    override = (
        'resource "aws_s3_bucket" "other" {\n  bucket = "b"\n}\n\nmoved {\n  from = a.b\n  to = a.c\n}\n'
    )
    result = _scan(tmp_path, override)
    assert _errors(result) == [
        (
            "main_override.tf",
            1,
            "override of resource 'aws_s3_bucket.other', which the module's other files do not declare",
        ),
        ("main_override.tf", 5, "an override file cannot hold moved blocks"),
    ]
    assert result.decision.exit_code == 3


def test_a_dynamic_block_in_an_override_hides_only_dynamic_blocks(tmp_path: Path) -> None:
    """Terraform merges bodies before it expands ``dynamic`` blocks: an override's ``dynamic
    "ebs_block_device"`` leaves the original's static ``ebs_block_device`` blocks in place."""
    weak = MAIN.replace(
        '    kms_key_id = "' + KEY + '"\n  }\n}\n',
        '    kms_key_id = "' + KEY + '"\n  }\n'
        '  ebs_block_device {\n    device_name = "/dev/sdf"\n    encrypted   = false\n'
        f'    kms_key_id  = "{KEY}"\n  }}\n}}\n',
    )
    (tmp_path / "main.tf").write_text(weak, encoding="utf-8")
    (tmp_path / "main_override.tf").write_text(
        'resource "aws_instance" "i" {\n  dynamic "ebs_block_device" {\n    for_each = toset(["/dev/sdg"])\n'
        f"    content {{\n      device_name = ebs_block_device.value\n      encrypted   = true\n"
        f'      kms_key_id  = "{KEY}"\n    }}\n  }}\n}}\n',
        encoding="utf-8",
    )
    result = scan(ScanSettings(paths=(tmp_path,), root=tmp_path))
    assert _errors(result) == []
    assert _failed(result) == {("ENC-EC2-004", "aws_instance.i", "main.tf", 40)}
