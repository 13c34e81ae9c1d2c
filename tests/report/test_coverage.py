"""Coverage is visible in every output (#14 §1): how many resources no rule applied to, by their type in
the scanned format, so an auditor sees what the gate did not judge; a scan that judged nothing is never
a silent pass, not even with -q."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from report.support import assert_valid_report, assert_valid_sarif

# These roots deploy with local state and declare variables: SEC-STATE-006 and SEC-SENSITIVE-* would judge
# their backend and variables (secrets-and-state pack),
# and these tests are about resources no rule applies to.
NO_BACKEND = ("--skip-rule", "SEC-STATE-*", "--skip-rule", "SEC-SENSITIVE-*")

MIXED = """\
# An ARM type no rule judges (azapi storage accounts are judged since #15).
resource "azapi_resource" "account" {
  type = "Microsoft.Resources/resourceGroups@2021-04-01"
  name = "account"
}

resource "azapi_resource" "container" {
  type = "Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01"
  name = "container"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
}

# A data source creates nothing to judge; it is not counted.
data "aws_caller_identity" "current" {}

# No rule is about the versioning resource itself: it is judged through the bucket it configures.
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}
"""


def iacgate(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iacgate", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_every_output_says_what_no_rule_judged(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(MIXED, encoding="utf-8")
    text = iacgate(
        tmp_path, "scan", ".", *NO_BACKEND, "--sarif-output", "out.sarif", "--summary-file", "summary.md"
    )
    assert text.returncode == 0, text.stderr
    assert "No rule applied to 2 of 6 resources (azapi_resource 2)." in " ".join(text.stdout.split())
    report = json.loads(iacgate(tmp_path, "scan", ".", *NO_BACKEND, "--format", "json").stdout)
    assert_valid_report(report)
    assert report["summary"]["unjudged"] == {
        "total": 2,
        "by_type": {"azapi_resource": 2},
        "unresolved_modules": [],
    }
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert_valid_sarif(sarif)
    unjudged = sarif["runs"][0]["properties"]["unjudged"]
    assert unjudged == {"total": 2, "byType": {"azapi_resource": 2}, "unresolvedModules": []}
    markdown = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "No rule applied to 2 of 6 resources \\(azapi\\_resource 2\\)." in markdown
    html = iacgate(tmp_path, "report", "out.sarif", "--html", "report.html")
    assert html.returncode == 0, html.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Not judged" in page and "2 resources no rule applies to: <code>azapi_resource</code> 2" in page


def test_a_scan_that_judged_nothing_says_so_even_quietly(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(MIXED.split('resource "aws_ebs_volume"')[0], encoding="utf-8")
    quiet = iacgate(tmp_path, "scan", ".", *NO_BACKEND, "-q")
    assert quiet.returncode == 0
    (line,) = quiet.stdout.strip().splitlines()
    assert line.endswith(
        "; no rule applied to any of the 2 resources: nothing was judged (azapi_resource 2)."
    )


MODULE_CALL = """\
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
}
"""


def test_unresolved_modules_are_counted_and_fail_closed_on_request(tmp_path: Path) -> None:
    # terraform init was not run: the registry module's resources are never judged.
    (tmp_path / "main.tf").write_text(MODULE_CALL, encoding="utf-8")
    text = iacgate(tmp_path, "scan", ".", "--sarif-output", "out.sarif")
    assert text.returncode == 0, text.stdout
    assert (
        "1 module call was not resolved, so their resources were not judged: module.vpc "
        "(terraform-aws-modules/vpc/aws)." in " ".join(text.stdout.split())
    )
    report = json.loads(iacgate(tmp_path, "scan", ".", "--format", "json").stdout)
    assert_valid_report(report)
    (module,) = report["summary"]["unjudged"]["unresolved_modules"]
    assert (module["address"], module["file"], module["line"]) == ("module.vpc", "main.tf", 1)
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert_valid_sarif(sarif)
    assert sarif["runs"][0]["properties"]["unjudged"]["unresolvedModules"][0]["address"] == "module.vpc"
    strict = iacgate(tmp_path, "scan", ".", "--fail-on-undetermined", "-q")
    assert strict.returncode == 1
    assert (
        "1 module call or nested stack not resolved, so not judged (--fail-on-undetermined" in strict.stdout
    )


def test_a_local_module_without_terraform_files_is_counted_too(tmp_path: Path) -> None:
    # terraform-aws-rds's examples call ./modules/db_subnet_group: a checkout without it judged nothing
    # of it and said so only in a warning.
    (tmp_path / "main.tf").write_text(
        'module "subnets" {\n  source = "./modules/db_subnet_group"\n}\n' + MODULE_CALL.split("\n\n", 1)[1],
        encoding="utf-8",
    )
    report = json.loads(iacgate(tmp_path, "scan", ".", "--format", "json").stdout)
    (module,) = report["summary"]["unjudged"]["unresolved_modules"]
    assert (module["address"], module["source"], module["line"]) == (
        "module.subnets",
        "./modules/db_subnet_group",
        1,
    )
