"""Issue #17: a finding about a secret never prints it. The secrets-and-state fixtures are scanned into
every output (JSON, SARIF, text, JUnit, the Markdown summary and the HTML audit report) and none of them may
contain a secret value the fixtures hold."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "secrets-and-state"
# Every literal credential the fixtures write (in HCL, templates, Pulumi states).
SECRETS = (
    "changeme",
    "Sup3r-s3cret-default",
    "Aurora-Passw0rd!",
    "docdb-local-password",
    "docdb-literal-password",
    "elastic-literal-password",
    "Redshift-Passw0rd",
    "0123456789abcdef0123",
    "12345678901234567",
    "Azure-Sql-Default-Pw1",
    "Azure-Sql-Plain-Pw2",
    "Native-Plain-Pw3",
    "H@rdc0ded-Postgres",
    "Windows-Adm1n-Pass!",
    "Synapse-Literal-9",
    "Root-Literal-Pw1",
    "App-Literal-Pw2",
    "Report-Default-Pw7",
    "Gcp-Plain-Pw4",
    "Gcp-Root-Plain-Pw5",
    "AKIAIOSFODNN7FIXTURE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYFIXTUREKEY",
    "c3RhdGUtYWNjb3VudC1maXh0dXJlLWtleQ==",
    "Pg-Fixture-Pw9",
    "ghp_Fx7kQ2mW9rT4vB8nL3pZ6yH1cJ5dG0sA2eRt",
    "xoxb-240912345678-4921234567890-Qm7Zk2Lp9Xw4Rt6Yb1Nc8Vd3",
    "Zk3#9xLq!2mVb7@Rt5wY8uPe",
    "Vq8Lm2Zx7Rt4Nb1Kp",
    "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    "ghp_Tv9Qm3Lx7Rk2Wn5Pb8Zy4Hc1Jd6Gs0Ae3Fu7",
    "Shown-By-Export-Pw1",
    "glpat-Zx8Qm2Lr7Tk4Wn9Pb3Yc",
    "gldt-Hq3Nz8Vb2Kx7Lm4Rt9Wp",
    "AKIAIOSFODNN7REMOTE1",
    "Remote-State-Secret-Key-Fixture-0001",
    # The plan fixtures (tests/secrets/generate_plan_fixtures.py): a plan holds every value in clear.
    "Plan-Literal-Pw1",
    "Plan-Gcp-Default-Pw2",
    "Plan-Default-Pw3",
    "Plan-Local-Pw4",
    "Plan-Module-Pw5",
    "Plan-Secrets-Manager-Pw6",
    "Plan-Given-Pw7",
    "Plan-Key-Vault-Pw8",
    "Plan-Az-Literal-Pw9",
    "Plan-Variable-Pw10",
    "Pq7#Lz2!Vx9@Mk4$Rt8wYb3u",
    "ghp_Hq3Nz8Vb2Kx7Lm4Rt9WpQ6sD1fG5jY0uIe2A",
    "glpat-Xr5Tm9Qw2Zk7Vn4Lb8Hc",
    "glpat-Vn4Kq8Zr2Xm6Wb9Tc3Hy",
    "Plan-Resolved-Sm-Pw15",
)


def iacgate(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iacgate", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_COLOR": "1", "IACGATE_TODAY": "2026-03-02"},
        check=False,
    )


def test_no_output_prints_a_secret(tmp_path: Path) -> None:
    infra = tmp_path / "infra"
    shutil.copytree(FIXTURES, infra)
    pack = ("--pack", "secrets-and-state")
    scanned = iacgate(
        tmp_path,
        "scan",
        "infra",
        *pack,
        "--format",
        "json",
        "--sarif-output",
        "out.sarif",
        "--summary-file",
        "summary.md",
    )
    text = iacgate(tmp_path, "scan", "infra", *pack)
    junit = iacgate(tmp_path, "scan", "infra", *pack, "--format", "junit")
    html = iacgate(tmp_path, "report", "out.sarif", "--html", "out.html")
    assert scanned.returncode == text.returncode == junit.returncode == 1, scanned.stderr
    assert html.returncode == 0, html.stderr
    outputs = [scanned.stdout, scanned.stderr, text.stdout, text.stderr, junit.stdout, junit.stderr]
    outputs += [
        (tmp_path / name).read_text(encoding="utf-8") for name in ("out.sarif", "out.html", "summary.md")
    ]
    everything = "\n".join(outputs)
    assert all(f"SEC-CRED-00{n}" in everything for n in (1, 2, 3))
    assert "SEC-STATE-008" in everything
    assert "SEC-STATE-014" in everything
    assert "SEC-SENSITIVE-004" in everything
    assert "SEC-CONTENT-001" in everything
    leaked = [secret for secret in SECRETS if secret in everything]
    assert not leaked, leaked


@pytest.mark.parametrize("secret", SECRETS)
def test_the_fixtures_hold_the_secrets(secret: str) -> None:
    # The test above can fail only while the fixtures really contain these values.
    texts = (path.read_text(encoding="utf-8") for path in FIXTURES.rglob("*") if path.is_file())
    assert any(secret in text for text in texts)


def test_a_waiver_allowlists_a_known_fake_value(tmp_path: Path) -> None:
    infra = tmp_path / "infra"
    infra.mkdir()
    token = "ghp_Fx7kQ2mW9rT4vB8nL3pZ6yH1cJ5dG0sA2eRt"
    (infra / "main.tf").write_text(f'locals {{\n  test_fixture_token = "{token}"\n}}\n', encoding="utf-8")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n"
        "  - rule: SEC-CONTENT-001\n"
        "    resource: iacgate_secret.test_fixture_token\n"
        "    file: infra/main.tf\n"
        "    reason: made-up token of a parser test, never valid\n"
        "    approved_by: security@example.com\n"
        "    expires: 2026-09-30\n",
        encoding="utf-8",
    )
    pack = ("--pack", "secrets-and-state", "--format", "json")
    blocked = iacgate(tmp_path, "scan", "infra", *pack)
    assert blocked.returncode == 1, blocked.stderr
    waived = iacgate(tmp_path, "scan", "infra", *pack, "--waivers", str(waivers))
    assert waived.returncode == 0, waived.stdout + waived.stderr
    assert "SEC-CONTENT-001" in waived.stdout and token not in waived.stdout + blocked.stdout


def test_error_messages_never_print_a_secret(tmp_path: Path) -> None:
    # Inputs that cannot be evaluated, each holding a secret near the place the parser stops: a truncated
    # plan, a plan of the wrong shape, an HCL syntax error after a remote state's credential.
    infra = tmp_path / "infra"
    infra.mkdir()
    secret = "Error-Path-Secret-14"
    (infra / "broken.tfplan.json").write_text(
        '{"format_version": "1.2", "terraform_version": "1.9.5", "variables": {"db_password": '
        f'{{"value": "{secret}"}}}}, "planned_values": {{"root_module": {{"resources": [{{"address": '
        f'"aws_db_instance.x", "values": {{"password": "{secret}", ',
        encoding="utf-8",
    )
    (infra / "shape.tfplan.json").write_text(
        '{"format_version": "1.2", "terraform_version": "1.9.5", "variables": {"db_password": '
        f'{{"value": "{secret}"}}}}, "planned_values": {{"root_module": '
        f'{{"resources": {{"password": "{secret}"}}}}}}}}',
        encoding="utf-8",
    )
    (infra / "main.tf").write_text(
        'data "terraform_remote_state" "network" {\n  backend = "s3"\n  config = {\n'
        f'    secret_key = "{secret}"\n  }}\n}}\nresource "aws_db_instance" "db" {{\n'
        f'  password = "{secret}" +\n}}\n',
        encoding="utf-8",
    )
    pack = ("--pack", "secrets-and-state")
    text = iacgate(tmp_path, "scan", "infra", *pack)
    scanned = iacgate(tmp_path, "scan", "infra", *pack, "--format", "json", "--sarif-output", "out.sarif")
    html = iacgate(tmp_path, "report", "out.sarif", "--html", "out.html")
    assert text.returncode == scanned.returncode == 3, text.stdout + text.stderr
    everything = "\n".join(
        [text.stdout, text.stderr, scanned.stdout, scanned.stderr, html.stdout, html.stderr]
        + [(tmp_path / name).read_text(encoding="utf-8") for name in ("out.sarif", "out.html")]
    )
    assert "invalid JSON" in everything and "not a valid Terraform plan" in everything
    assert "HCL syntax error" in everything
    assert secret not in everything
