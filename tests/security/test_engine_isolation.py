"""Evaluation runs in a child without the environment, its print output away from the report, within a
deadline and a memory ceiling (#13 §2.3, §3). Before #13 rego-cpp ran in-process: with the environment,
writing print output into stdout (a SARIF report there broke), and a huge comprehension grew to 19.7 GB.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iacgate.api import ScanSettings, scan
from iacgate.errors import EvaluationError
from iacgate.evaluate import EmbeddedEvaluator, EngineOptions
from iacgate.evaluate import embedded as embedded_module
from iacgate.graph import Graph
from security.rego_packs import PASSING, SECRET, house, iacgate, make_pack, policy, volume, write_infra


@pytest.fixture
def infra(tmp_path: Path) -> Path:
    return write_infra(tmp_path / "infra")


# --- nothing from the environment reaches the engine, even past the check ---------------------------------


def test_evaluation_has_no_environment_even_if_a_spelling_got_past_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: with the check switched off, opa.runtime() answers an empty environment."""
    monkeypatch.setenv("IACGATE_TEST_MARKER", SECRET)
    monkeypatch.setattr(embedded_module, "check_policies", lambda _files: None)
    leaky = policy('env := opa.runtime().env\nmsg := concat(",", [json.marshal(env), "seen"])')
    rules = house(tmp_path, leaky)
    evaluation = EmbeddedEvaluator(rules).evaluate(Graph((volume(),), name="plan.json"), rules, {})
    messages = [violation.message for violation in evaluation.violations]
    assert messages == ["{},seen"]


# --- print ------------------------------------------------------------------------------------------------


def test_print_in_a_policy_never_reaches_the_report_on_stdout(tmp_path: Path, infra: Path) -> None:
    pack = make_pack(tmp_path / "pol", policy('print("PRINTED-BY-POLICY", input.resource.id)\nmsg := "x"'))
    result = iacgate("scan", "--pack-dir", str(pack), "--format", "sarif", str(infra))
    assert result.returncode == 1, result.stderr
    sarif = json.loads(result.stdout)  # the report alone: print output would have broken the JSON
    assert sarif["runs"][0]["results"]
    assert "PRINTED-BY-POLICY" not in result.stdout + result.stderr


def test_print_goes_to_stderr_when_debugging(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    rules = house(tmp_path, policy('print("PRINTED-BY-POLICY")\nmsg := "x"'))
    EmbeddedEvaluator(rules, options=EngineOptions(debug=True)).evaluate(Graph((volume(),)), rules, {})
    out, err = capfd.readouterr()
    assert "PRINTED-BY-POLICY" in err and "PRINTED-BY-POLICY" not in out


# --- runaway evaluation: deadline, memory ceiling, crashes --------------------------------------------------

HUGE = 'msg := sprintf("%d", [count([x | some i in numbers.range(1, 100000000); x := i])])'
ENDLESS = (
    'msg := sprintf("%d", [count({1 | some i in numbers.range(1, 100000); '
    "some j in numbers.range(1, 100000)})])"
)


def scan_with(infra: Path, pack: Path, **options: object) -> None:
    engine_options = EngineOptions(**options)
    scan(ScanSettings(paths=(infra,), packs=("house",), pack_dirs=(pack,), engine_options=engine_options))


def test_a_huge_comprehension_stops_at_the_memory_ceiling_naming_rule_and_unit(
    tmp_path: Path, infra: Path
) -> None:
    pack = make_pack(tmp_path / "pol", PASSING, policy(HUGE))
    with pytest.raises(EvaluationError) as stopped:
        scan_with(infra, pack, memory_limit_mb=256, deadline_seconds=300)
    message = str(stopped.value)
    assert stopped.value.exit_code == 3
    assert message.startswith("rule HOUSE-002 (house.r2) on aws_ebs_volume.data in unit ")
    assert "memory limit of 256 MB" in message


def test_a_runaway_rule_stops_at_the_deadline_naming_rule_and_unit(tmp_path: Path, infra: Path) -> None:
    pack = make_pack(tmp_path / "pol", policy(ENDLESS), PASSING)
    with pytest.raises(EvaluationError) as stopped:
        scan_with(infra, pack, deadline_seconds=1.0)
    message = str(stopped.value)
    assert stopped.value.exit_code == 3
    assert message.startswith("rule HOUSE-001 (house.r1) on aws_ebs_volume.data in unit ")
    assert "deadline of 1 s (--timeout)" in message


def test_a_crash_of_the_engine_is_an_evaluation_error_naming_the_rule(tmp_path: Path) -> None:
    """rego-cpp 1.5.2 dies on a builtin bound to a variable; before #13 that killed iacgate itself."""
    rules = house(tmp_path, PASSING, policy('f := count\nmsg := sprintf("%d", [f([1])])'))
    with pytest.raises(
        EvaluationError,
        match=r"^rule HOUSE-002 \(house\.r2\) on aws_ebs_volume\.v in unit plan\.json: the rego engine crash",
    ):
        EmbeddedEvaluator(rules).evaluate(Graph((volume(),), name="plan.json"), rules, {})


def test_the_units_of_a_scan_share_one_evaluating_child(tmp_path: Path) -> None:
    """The first unit is evaluated in the child it is forked with, later ones are sent to it."""
    rules = house(tmp_path, PASSING)
    evaluator = EmbeddedEvaluator(rules)
    with evaluator:
        first = evaluator.evaluate(Graph((volume("a", encrypted=False),), name="one"), rules, {})
        second = evaluator.evaluate(Graph((volume("b", encrypted=True),), name="two"), rules, {})
    assert [(c.resource_id, c.outcome, c.unit) for c in (*first.checks, *second.checks)] == [
        ("aws_ebs_volume.a", "fail", "one"),
        ("aws_ebs_volume.b", "pass", "two"),
    ]


def test_print_in_a_pack_test_never_breaks_iacgate_test(tmp_path: Path) -> None:
    """Before #13 the test worker's answer shared stdout with print: an internal error (JSONDecodeError)."""
    pack = make_pack(tmp_path / "pol", PASSING)
    (pack / "r1_test.rego").write_text(
        "package house.r1_test\n\nimport data.house.r1\nimport rego.v1\n\n"
        "test_flags_an_unencrypted_volume if {\n"
        '\tprint("PRINTED-BY-A-TEST")\n'
        '\tcount(r1.deny) == 1 with input.resource as {"attributes": {"encrypted": false}}\n'
        "}\n",
        encoding="utf-8",
    )
    result = iacgate("test", "--no-builtin", str(pack))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "1 passed, 0 failed\n"
