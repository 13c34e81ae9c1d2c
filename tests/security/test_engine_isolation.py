"""Evaluation runs in a child without the environment, its print output away from the report, within a
deadline and a memory ceiling (#13 §2.3, §3). Before #13 rego-cpp ran in-process: with the environment,
writing print output into stdout (a SARIF report there broke), and a huge comprehension grew to 19.7 GB.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from iacgate.api import ScanSettings, scan
from iacgate.errors import EvaluationError
from iacgate.evaluate import Check, EmbeddedEvaluator, EngineOptions, Evaluation, Violation
from iacgate.evaluate import embedded as embedded_module
from iacgate.graph import Graph, Resource
from iacgate.packs import RuleSet, load_packs
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


# --- a big unit is split across children, side by side -----------------------------------------------------


def evaluated(
    rules: RuleSet, jobs: int, run: Callable[[EmbeddedEvaluator], list[Evaluation]]
) -> tuple[list[tuple[tuple[Check, ...], tuple[Violation, ...]]], int]:
    """The checks and violations of ``run`` with ``jobs`` children, and how many children it used."""
    evaluator = EmbeddedEvaluator(rules, options=EngineOptions(jobs=jobs))
    with evaluator:
        results = run(evaluator)
        children = len(evaluator._children)
    return [(e.checks, e.violations) for e in results], children


def volumes(count: int, name: str) -> Graph:
    return Graph(tuple(volume(f"v{n}", encrypted=n % 3 == 0) for n in range(count)), name=name)


def test_a_big_unit_is_answered_by_several_children_with_the_answers_of_one(tmp_path: Path) -> None:
    """Units of at least 200 queries are dealt out to --jobs children; smaller ones go to the first."""
    rules = house(tmp_path, PASSING, policy('input.resource.attributes.encrypted == false\nmsg := "second"'))
    graphs = [volumes(300, "big"), volumes(5, "small"), volumes(260, "again")]

    def each(evaluator: EmbeddedEvaluator) -> list[Evaluation]:
        return [evaluator.evaluate(graph, rules, {}) for graph in graphs]

    alone, one = evaluated(rules, 1, each)
    side_by_side, two = evaluated(rules, 2, each)
    assert (one, two) == (1, 2)
    assert side_by_side == alone
    checks = alone[0][0]
    assert len(checks) == 600 and {c.outcome for c in checks} == {"pass", "fail"}


def test_a_stop_in_a_later_part_names_the_rule_and_resource_it_stopped_on(tmp_path: Path) -> None:
    """Each child counts the queries of its own part; the error maps that back to the unit's query."""
    runaway = policy(f'input.resource.id == "aws_ebs_volume.v251"\n{ENDLESS}')
    rules = house(tmp_path, PASSING, runaway)
    evaluator = EmbeddedEvaluator(rules, options=EngineOptions(jobs=2, deadline_seconds=2.0))
    with pytest.raises(EvaluationError) as stopped:
        evaluator.evaluate(volumes(300, "plan.json"), rules, {})
    message = str(stopped.value)
    assert message.startswith("rule HOUSE-002 (house.r2) on aws_ebs_volume.v251 in unit plan.json: ")
    assert "deadline of 2 s" in message
    assert evaluator._children == []


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


def units(count: int, size: int) -> list[Graph]:
    return [
        Graph(tuple(volume(f"u{u}v{n}", encrypted=n % 3 == 0) for n in range(size)), name=f"u{u}")
        for u in range(count)
    ]


def test_small_units_of_a_big_scan_go_whole_to_the_children_in_turn(tmp_path: Path) -> None:
    """Six units of 50 queries: each is below the split threshold, together they are not."""
    rules = house(tmp_path, PASSING)

    def together(evaluator: EmbeddedEvaluator) -> list[Evaluation]:
        return evaluator.evaluate_all(units(6, 50), rules, {})

    alone, one = evaluated(rules, 1, together)
    side_by_side, two = evaluated(rules, 2, together)
    assert (one, two) == (1, 2)
    assert side_by_side == alone
    assert [checks[0].unit for checks, _ in alone] == ["u0", "u1", "u2", "u3", "u4", "u5"]


def test_a_stop_in_a_unit_sent_whole_names_that_unit(tmp_path: Path) -> None:
    runaway = policy(f'input.resource.id == "aws_ebs_volume.u3v7"\n{ENDLESS}')
    rules = house(tmp_path, PASSING, runaway)
    evaluator = EmbeddedEvaluator(rules, options=EngineOptions(jobs=2, deadline_seconds=2.0))
    with pytest.raises(EvaluationError) as stopped:
        evaluator.evaluate_all(units(6, 50), rules, {})
    assert str(stopped.value).startswith("rule HOUSE-002 (house.r2) on aws_ebs_volume.u3v7 in unit u3: ")
    assert evaluator._children == []


def test_types_whose_bundle_must_be_compiled_go_whole_to_one_child(tmp_path: Path) -> None:
    """On a cold cache each child compiles only its own types' bundles; cached ones are dealt out."""
    rules = house(tmp_path, PASSING)
    evaluator = EmbeddedEvaluator(rules)
    big = evaluator._queries(volumes(300, "big"))
    assert [len(part or ()) for part in embedded_module._parts(big, 2, lambda _key: True)] == [150, 150]
    assert [len(part or ()) for part in embedded_module._parts(big, 2, lambda _key: False)] == [300]
    assert embedded_module._parts(big[:199], 2) == [None]


def test_a_heavy_query_sent_whole_is_evened_out_by_the_dealt_ones(tmp_path: Path) -> None:
    """A graph rule over many resources costs as much as dozens of resource queries: the child that
    answers it is dealt fewer of them, so both finish together."""
    rules = house(tmp_path, PASSING)
    evaluator = EmbeddedEvaluator(rules)
    big = evaluator._queries(volumes(300, "big"))
    each = big[0].weight
    heavy = embedded_module._Query("", "house/graph/deny", (), 60 * each)
    parts = embedded_module._parts([*big, heavy], 2)
    assert len(parts) == 2
    loads = [sum([*big, heavy][index].weight for index in part or ()) for part in parts]
    assert abs(loads[0] - loads[1]) <= each
    holding = next(part for part in parts if part is not None and len(big) in part)
    assert len(holding) == 1 + (300 - 60) // 2


def test_a_graph_rule_weighs_what_its_document_holds() -> None:
    """LOG-CLOUDTRAIL-006 reads the trails alone: its weight grows with them, not with the volumes."""
    rules = load_packs(("audit-logging",))
    evaluator = EmbeddedEvaluator(rules)
    weights = []
    for trails in (1, 40):
        graph = Graph((*volumes(30, "v").resources, *(trail(f"t{n}") for n in range(trails))), name="g")
        graph_queries = [query for query in evaluator._queries(graph) if query.resource is None]
        (cloudtrail,) = [query for query in graph_queries if query.rules[0].id == "LOG-CLOUDTRAIL-006"]
        weights.append(cloudtrail.weight)
    each = embedded_module._GRAPH_RESOURCE_WEIGHT
    assert weights == [embedded_module._QUERY_WEIGHT + each, embedded_module._QUERY_WEIGHT + 40 * each]


def trail(name: str) -> Resource:
    return replace(
        volume(name), id=f"aws_cloudtrail.{name}", native_type="aws_cloudtrail", type="aws_cloudtrail"
    )
