"""The evaluation limits and switches as the command line gives them: --timeout, --memory-limit, --debug,
--opa-insecure-http (#13 §2.3, §2.8, §3). The engine tests prove the mechanisms; these prove the options
reach them."""

from __future__ import annotations

from pathlib import Path

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
