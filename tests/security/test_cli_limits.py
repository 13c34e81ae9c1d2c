"""The evaluation limits and switches as the command line gives them: --timeout, --memory-limit, --debug,
--opa-insecure-http (#13 §2.3, §2.8, §3). The engine tests prove the mechanisms; these prove the options
reach them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from security.rego_packs import PASSING, iacgate, make_pack, policy, write_infra

ENDLESS = (
    'msg := sprintf("%d", [count({1 | some i in numbers.range(1, 100000); '
    "some j in numbers.range(1, 100000)})])"
)


def test_timeout_stops_a_runaway_rule_with_exit_3_naming_it(tmp_path: Path) -> None:
    infra = write_infra(tmp_path / "infra")
    pack = make_pack(tmp_path / "pol", policy(ENDLESS), PASSING)
    result = iacgate("scan", "--pack-dir", str(pack), "--pack", "house", "--timeout", "1", str(infra))
    assert result.returncode == 3, result.stdout + result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("iacgate: error: rule HOUSE-001 (house.r1) on aws_ebs_volume.data in unit ")
    assert "deadline of 1 s (--timeout)" in line


def test_memory_limit_stops_a_huge_comprehension(tmp_path: Path) -> None:
    infra = write_infra(tmp_path / "infra")
    huge = 'msg := sprintf("%d", [count([x | some i in numbers.range(1, 100000000); x := i])])'
    pack = make_pack(tmp_path / "pol", PASSING, policy(huge))
    args = ("scan", "--pack-dir", str(pack), "--pack", "house", "--memory-limit", "256", str(infra))
    result = iacgate(*args)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "rule HOUSE-002 (house.r2)" in result.stderr and "memory limit of 256 MB" in result.stderr


def test_debug_shows_print_on_stderr_only(tmp_path: Path) -> None:
    infra = write_infra(tmp_path / "infra")
    pack = make_pack(tmp_path / "pol", policy('print("PRINTED-BY-POLICY")\nmsg := "x"'))
    args = ("scan", "--pack-dir", str(pack), "--pack", "house", "--format", "json", str(infra))
    quiet = iacgate(*args)
    assert "PRINTED-BY-POLICY" not in quiet.stdout + quiet.stderr
    loud = iacgate(*args, "--debug")
    assert loud.returncode == 1
    assert "PRINTED-BY-POLICY" in loud.stderr and "PRINTED-BY-POLICY" not in loud.stdout


def test_a_token_over_plain_http_to_another_host_needs_opa_insecure_http(tmp_path: Path) -> None:
    infra = write_infra(tmp_path / "infra")
    url = "http://opa.example.invalid:8181"
    env = {"IACGATE_OPA_TOKEN": "t0ken"}
    result = iacgate("scan", "--engine", "opa", "--opa-url", url, str(infra), env=env)
    assert result.returncode == 2
    assert "--opa-insecure-http" in result.stderr and "t0ken" not in result.stderr


def test_a_fifo_named_like_iac_is_an_error_not_a_hang(tmp_path: Path) -> None:
    """Opening a FIFO for reading waits for a writer: the scan would never end. Refused, by name."""
    infra = write_infra(tmp_path / "infra")
    os.mkfifo(infra / "pipe.tf")
    result = iacgate("scan", "--format", "json", str(infra))  # a hang ends in its timeout: a failure
    assert result.returncode == 3, result.stdout + result.stderr
    errors = [n for n in json.loads(result.stdout)["notifications"] if n["level"] == "error"]
    assert [(n["file"].rsplit("/", 1)[-1], n["message"]) for n in errors] == [
        ("pipe.tf", "cannot read file: not a regular file (a FIFO, socket or device)")
    ]
    assert sorted(f["rule_id"] for f in json.loads(result.stdout)["findings"]) == [
        "ENC-EBS-001",
        "ENC-EBS-004",
    ]


@pytest.mark.parametrize("name", ["terraform.tfvars", "prod.auto.tfvars", ".terraform/modules/modules.json"])
def test_a_fifo_the_terraform_parser_reads_itself_is_not_a_hang(tmp_path: Path, name: str) -> None:
    # Variable files and the installed modules' index are read by the Terraform parser, not discovery.
    infra = write_infra(tmp_path / "infra")
    (infra / name).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(infra / name)
    result = iacgate("scan", "--format", "json", str(infra))
    # Never opened (a variable file is listed only when it is a regular file); the rest is judged.
    report = json.loads(result.stdout)
    assert sorted(f["rule_id"] for f in report["findings"]) == ["ENC-EBS-001", "ENC-EBS-004"]


def test_a_file_over_the_size_ceiling_is_refused_before_it_is_read(tmp_path: Path) -> None:
    infra = write_infra(tmp_path / "infra")
    with (infra / "template.json").open("wb") as huge:  # sparse: no disk, and reading it would cost 129 MiB
        huge.truncate(129 * 2**20)  # MAX_FILE_BYTES is 128 MiB
    result = iacgate("scan", "--format", "json", str(infra))
    assert result.returncode == 3, result.stdout + result.stderr
    errors = [n for n in json.loads(result.stdout)["notifications"] if n["level"] == "error"]
    assert [(n["file"].rsplit("/", 1)[-1], n["message"]) for n in errors] == [
        ("template.json", "file too large: 129 MiB, more than the 128 MiB an input file may hold: not read")
    ]
