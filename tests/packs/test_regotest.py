"""Rego unit tests run in the embedded engine: the built-in ones pass, broken ones are reported as such."""

from __future__ import annotations

import re
from pathlib import Path
from textwrap import dedent

import pytest

from iacgate.errors import PackError
from iacgate.packs import load_packs
from iacgate.packs.regotest import discover_tests, library_files, run_tests

POLICIES = Path(__file__).resolve().parents[2] / "policies"

POLICY = """\
    package house.volume

    import data.iacgate.lib
    import rego.v1

    deny contains lib.violation(["encrypted"], "not encrypted") if {
        not lib.is_true(lib.attr("encrypted"))
    }
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(dedent(text), encoding="utf-8")
    return path


def test_every_builtin_rego_test_passes() -> None:
    """The library's own tests run here; the rules' tests run in `iacgate test --with-builtin`
    (tests/packs/test_custom_packs.py, which fails on any of them): running every one again here cost
    CI two minutes."""
    run = run_tests([POLICIES / "lib"])
    problems = [f"{r.name}: {r.status} {r.message}" for r in run.results if r.status != "passed"]
    assert not problems
    assert run.passed
    # Every rule's policy is tested: a test file covers its own package minus "_test" and every package
    # it imports.
    found = discover_tests([POLICIES])
    tested = {test.package.removesuffix("_test") for test in found}
    for test_file in {test.file for test in found}:
        tested.update(re.findall(r"^import\s+data\.([\w.]+)", test_file.read_text(), re.MULTILINE))
    assert {rule.policy for rule in load_packs().rules} <= tested


def test_a_wrong_expectation_is_reported_as_failed(tmp_path: Path) -> None:
    write(tmp_path, "volume.rego", POLICY)
    write(
        tmp_path,
        "volume_test.rego",
        """\
        package house.volume_test

        import data.house.volume
        import rego.v1

        test_encrypted_volume_passes if {
            count(volume.deny) == 0 with input.resource as {"attributes": {"encrypted": true}}
        }

        test_wrongly_expects_a_pass if {
            count(volume.deny) == 0 with input.resource as {"attributes": {"encrypted": false}}
        }
    """,
    )
    run = run_tests([tmp_path], library_files(POLICIES))
    statuses = {
        result.test.rule: result.status
        for result in run.results
        if result.test.package == "house.volume_test"
    }
    assert statuses == {"test_encrypted_volume_passes": "passed", "test_wrongly_expects_a_pass": "failed"}
    assert not run.passed
    failed = run.with_status("failed")[0]
    assert failed.file.name == "volume_test.rego"
    assert failed.name == "data.house.volume_test.test_wrongly_expects_a_pass"


def test_a_policy_that_does_not_compile_makes_every_test_an_error(tmp_path: Path) -> None:
    write(tmp_path, "volume.rego", POLICY.replace("not lib.is_true", "not lib.is_true((("))
    write(
        tmp_path,
        "volume_test.rego",
        """\
        package house.volume_test

        import rego.v1

        test_anything if { true }
    """,
    )
    run = run_tests([tmp_path], library_files(POLICIES))
    assert [r.status for r in run.results] == ["error"]
    assert "does not compile" in run.results[0].message


def test_an_engine_crash_is_an_error_naming_the_cause(tmp_path: Path) -> None:
    # regopy 1.5.2 crashes on `with input as` when the rule calls a function; the run must survive it.
    write(tmp_path, "volume.rego", POLICY)
    write(
        tmp_path,
        "volume_test.rego",
        """\
        package house.volume_test

        import data.house.volume
        import rego.v1

        test_whole_input if {
            count(volume.deny) == 1 with input as {"resource": {"attributes": {}}}
        }
    """,
    )
    run = run_tests([tmp_path], library_files(POLICIES))
    assert [r.status for r in run.results] == ["error"]
    assert "with input.resource as" in run.results[0].message


def test_refused_builtins_are_refused_before_running(tmp_path: Path) -> None:
    write(
        tmp_path,
        "leak_test.rego",
        """\
        package leak_test

        import rego.v1

        test_env if { opa.runtime().env }
    """,
    )
    with pytest.raises(PackError, match=r"opa\.runtime"):
        run_tests([tmp_path])


def test_discovery_finds_test_rules_only_in_test_files(tmp_path: Path) -> None:
    write(tmp_path, "volume.rego", POLICY + "\ntest_not_a_test := true\n")
    write(
        tmp_path,
        "volume_test.rego",
        """\
        package house.volume_test

        import rego.v1

        test_a if { true }

        test_a if { 1 == 1 }

        test_b := true
    """,
    )
    assert [t.name for t in discover_tests([tmp_path])] == [
        "data.house.volume_test.test_a",
        "data.house.volume_test.test_b",
    ]


def test_no_tests_is_not_a_pass(tmp_path: Path) -> None:
    write(tmp_path, "volume.rego", POLICY)
    run = run_tests([tmp_path], library_files(POLICIES))
    assert run.results == ()
    assert not run.passed
