"""A root module's state backend as a ``terraform_backend`` node (#17 §2), only when a rule asks for it."""

from __future__ import annotations

from pathlib import Path

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.graph.model import Resource, Unknown
from iacgate.parsers.base import BackendSetting, ParseOptions
from iacgate.parsers.terraform import TerraformParser
from iacgate.textio import read_source

S3 = """\
terraform {
  required_version = ">= 1.10"
  backend "s3" {
    bucket       = "acme-tfstate"
    key          = "ledger/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
    assume_role {
      role_arn = "arn:aws:iam::111122223333:role/tfstate"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}
"""


def _backends(tmp_path: Path, files: dict[str, str], wanted: bool = True) -> dict[str, Resource]:
    sources = []
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        sources.append(read_source(path, relative))
    options = ParseOptions(scan_root=tmp_path).with_config_nodes(
        frozenset({"terraform_backend"}) if wanted else frozenset()
    )
    units = TerraformParser().parse(sources, options)
    return {
        unit.unit: resource
        for unit in units
        for resource in unit.resources
        if resource.type == "terraform_backend"
    }


def test_backend_block_becomes_one_node_with_its_arguments_and_lines(tmp_path: Path) -> None:
    (node,) = _backends(tmp_path, {"envs/prod/main.tf": S3}).values()
    assert node.id == "terraform_backend.prod"
    assert node.attributes["backend"] == "s3"
    assert node.attributes["encrypt"] is True
    assert node.attributes["key"] == "ledger/terraform.tfstate"
    assert node.attributes["assume_role"] == [{"role_arn": "arn:aws:iam::111122223333:role/tfstate"}]
    assert (node.attributes["declared"], node.attributes["has_provider"]) == (True, True)
    assert node.attributes["root"] == "envs/prod"
    assert (node.location.file, node.location.start_line, node.location.end_line) == (
        "envs/prod/main.tf",
        3,
        11,
    )
    assert node.location.line_for(("use_lockfile",)) == 7
    assert node.location.line_for(("assume_role", 0, "role_arn")) == 9


def test_no_node_unless_a_rule_asks(tmp_path: Path) -> None:
    assert _backends(tmp_path, {"main.tf": S3}, wanted=False) == {}


def test_root_without_backend_is_local_and_a_module_without_provider_has_no_node(tmp_path: Path) -> None:
    nodes = _backends(
        tmp_path,
        {
            "app/main.tf": 'provider "aws" {}\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n',
            "module/main.tf": 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n',
            "vars/variables.tf": 'variable "x" {\n  type = string\n}\n',
        },
    )
    assert set(nodes) == {"app"}
    node = nodes["app"]
    assert node.attributes["backend"] == "local"
    assert node.attributes["declared"] is False
    assert node.location.start_line == 1


def test_expressions_are_not_evaluated_in_a_backend(tmp_path: Path) -> None:
    text = 'terraform {\n  backend "gcs" {\n    bucket = var.bucket\n  }\n}\nprovider "google" {}\n'
    (node,) = _backends(tmp_path, {"main.tf": text}).values()
    assert node.id == "terraform_backend.root"
    assert isinstance(node.attributes["bucket"], Unknown)


def test_cloud_block_is_a_remote_backend(tmp_path: Path) -> None:
    text = (
        'terraform {\n  cloud {\n    organization = "acme"\n'
        '    workspaces {\n      name = "w"\n    }\n  }\n}\n'
    )
    (node,) = _backends(tmp_path, {"main.tf": text}).values()
    assert node.attributes["backend"] == "cloud"
    assert node.attributes["workspaces"] == [{"name": "w"}]


def test_variables_and_outputs_as_nodes_without_values(tmp_path: Path) -> None:
    text = (
        'variable "db_password" {\n  type    = string\n  default = "hunter2-not-shown"\n}\n'
        'variable "enabled" {\n  type      = bool\n  sensitive = true\n}\n'
        'output "conn" {\n  value = nonsensitive("u:${var.db_password}")\n}\n'
    )
    path = tmp_path / "main.tf"
    path.write_text(text, encoding="utf-8")
    wanted = frozenset({"terraform_variable", "terraform_output"})
    (unit,) = TerraformParser().parse(
        [read_source(path, "main.tf")], ParseOptions(scan_root=tmp_path).with_config_nodes(wanted)
    )
    nodes = {resource.id: resource for resource in unit.resources}
    assert nodes["terraform_variable.db_password"].attributes == {
        "name": "db_password",
        "type": "string",
        "sensitive": None,
        "ephemeral": None,
        "has_default": True,
    }
    assert nodes["terraform_variable.enabled"].attributes["sensitive"] is True
    output = nodes["terraform_output.conn"]
    assert output.attributes["references"] == ["var.db_password"]
    assert output.attributes["nonsensitive"] is True
    assert output.location.line_for(("value",)) == 10
    assert "hunter2-not-shown" not in repr([node.attributes for node in nodes.values()])


def test_outputs_with_splats_and_for_expressions(tmp_path: Path) -> None:
    text = (
        'output "ids" {\n  value = aws_subnet.private[*].id\n}\n'
        'output "arns" {\n  value = [for v in aws_customer_gateway.this : v.arn]\n}\n'
        'output "first" {\n  value = try(var.db_password[0], null)\n}\n'
    )
    path = tmp_path / "outputs.tf"
    path.write_text(text, encoding="utf-8")
    options = ParseOptions(scan_root=tmp_path).with_config_nodes(frozenset({"terraform_output"}))
    (unit,) = TerraformParser().parse([read_source(path, "outputs.tf")], options)
    assert not unit.notifications
    references = {resource.id: resource.attributes["references"] for resource in unit.resources}
    assert references["terraform_output.ids"] == ["aws_subnet.private"]
    assert "aws_customer_gateway.this" in references["terraform_output.arns"]
    assert references["terraform_output.first"] == ["var.db_password"]


# A partial configuration: the arguments come from terraform init -backend-config.
PARTIAL = 'terraform {\n  backend "s3" {}\n}\n\nprovider "aws" {\n  region = "eu-west-1"\n}\n'
STATE_KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
BACKEND_FILE = (
    'bucket       = "acme-tfstate"\nkey          = "ledger.tfstate"\nregion       = "eu-west-1"\n'
    f'encrypt      = true\nuse_lockfile = true\nkms_key_id   = "{STATE_KEY}"\n'
)


def _state_scan(tmp_path: Path, *given: str) -> ScanResult:
    (tmp_path / "main.tf").write_text(PARTIAL, encoding="utf-8")
    (tmp_path / "prod.s3.tfbackend").write_text(BACKEND_FILE, encoding="utf-8")
    settings = tuple(BackendSetting.of(item, tmp_path) for item in given)
    return scan(
        ScanSettings(paths=(tmp_path,), root=tmp_path, packs=("secrets-and-state",), backend_config=settings)
    )


def _state_findings(result: ScanResult) -> set[tuple[str, str, int]]:
    return {(f.rule_id, f.file, f.line) for f in result.findings if f.rule_id.startswith("SEC-STATE")}


def test_a_partial_backend_without_its_init_arguments_fails_on_what_it_does_not_set(tmp_path: Path) -> None:
    assert _state_findings(_state_scan(tmp_path)) == {
        ("SEC-STATE-001", "main.tf", 2),
        ("SEC-STATE-002", "main.tf", 2),
        ("SEC-STATE-003", "main.tf", 2),
    }


def test_a_backend_configuration_file_completes_a_partial_backend(tmp_path: Path) -> None:
    result = _state_scan(tmp_path, "prod.s3.tfbackend")
    assert _state_findings(result) == set()
    assert [n for n in result.notifications if n.level == "error"] == []


def test_a_finding_on_a_value_from_the_file_is_placed_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "weak.tfbackend").write_text('bucket = "b"\n\nencrypt = false\n', encoding="utf-8")
    result = _state_scan(tmp_path, "prod.s3.tfbackend", "weak.tfbackend")
    assert _state_findings(result) == {("SEC-STATE-001", "weak.tfbackend", 3)}
    (finding,) = result.findings
    assert "the backend configuration file weak.tfbackend" in finding.message
    assert [(r.file, r.line) for r in finding.related] == [("main.tf", 2)]


def test_key_value_arguments_apply_in_order_and_read_booleans(tmp_path: Path) -> None:
    result = _state_scan(tmp_path, "prod.s3.tfbackend", "encrypt=false", "encrypt=true")
    assert _state_findings(result) == set()
    result = _state_scan(tmp_path, "prod.s3.tfbackend", "encrypt=false")
    assert _state_findings(result) == {("SEC-STATE-001", "main.tf", 2)}
    assert "--backend-config encrypt" in result.findings[0].message


def test_a_missing_backend_configuration_file_fails_closed(tmp_path: Path) -> None:
    result = _state_scan(tmp_path, "nope.tfbackend")
    errors = [n.message for n in result.notifications if n.level == "error"]
    assert errors == [f"backend configuration file {tmp_path / 'nope.tfbackend'} not found"]
    assert result.decision.exit_code == 3
