"""Which modules a rule's bundle holds: everything it reaches through ``data``, nothing else.

A module left out would make a reference undefined, which reads as "no finding", so each case here is
one way a policy can reach another module.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from textwrap import dedent

import pytest

from iacgate.errors import EvaluationError
from iacgate.evaluate import EmbeddedEvaluator
from iacgate.evaluate.closure import EVERYTHING, GraphReads, ModuleIndex, graph_reads
from iacgate.graph import Graph, Resource
from iacgate.packs import load_packs

from .test_embedded import make_pack
from .test_embedded import volume as embedded_volume

LIBRARY = {
    "lib.rego": "package acme.lib\n\nimport rego.v1\n\nflag(x) if x == true\n",
    "lib_aws.rego": 'package acme.lib.aws\n\nimport rego.v1\n\nkms(x) if x == "aws:kms"\n',
    "lib_gcp.rego": "package acme.lib.gcp\n\nimport rego.v1\n\ncmek(x) if x != null\n",
    "lib_gcp_more.rego": "package acme.lib.gcp\n\nimport rego.v1\n\nzone(x) := x\n",
    "tables.rego": 'package acme.tables\n\nregions := {"eu-west-1"}\n',
    "unrelated.rego": "package other.things\n\nimport rego.v1\n\nx := 1\n",
}


def index_with(rule: str) -> ModuleIndex:
    sources = {Path(name): text for name, text in LIBRARY.items()}
    sources[Path("rule.rego")] = dedent(rule)
    return ModuleIndex.of(sources.items())


def names(index: ModuleIndex) -> set[str]:
    return {path.name for path in index.closure(["acme.rule"])}


def test_an_import_brings_its_package_but_not_sub_packages_left_unused() -> None:
    index = index_with("package acme.rule\n\nimport data.acme.lib\n\ndeny contains 1 if lib.flag(true)\n")
    assert names(index) == {"rule.rego", "lib.rego"}


def test_a_sub_package_reached_through_the_parent_alias_comes_with_every_file_of_it() -> None:
    index = index_with("package acme.rule\n\nimport data.acme.lib\n\ndeny contains 1 if lib.gcp.cmek(1)\n")
    assert names(index) == {"rule.rego", "lib.rego", "lib_gcp.rego", "lib_gcp_more.rego"}


def test_an_aliased_import_and_a_direct_data_reference_are_followed() -> None:
    rule = """\
        package acme.rule

        import data.acme.lib.aws as amazon

        deny contains 1 if {
            amazon.kms("aws:kms")
            "eu-west-1" in data.acme.tables.regions
        }
    """
    # data.acme.lib.aws may also name a rule `aws` of package acme.lib, so that package comes too.
    assert names(index_with(rule)) == {"rule.rego", "lib.rego", "lib_aws.rego", "tables.rego"}


def test_an_import_written_with_spaces_around_its_dots_is_followed() -> None:
    index = index_with("package acme.rule\n\nimport data . acme . lib\n\ndeny contains 1 if lib.flag(true)\n")
    assert names(index) == {"rule.rego", "lib.rego"}


def test_an_import_with_a_quoted_part_brings_everything() -> None:
    index = index_with('package acme.rule\n\nimport data.acme["lib"]\n\ndeny contains 1 if lib.flag(true)\n')
    assert names(index) == {*LIBRARY, "rule.rego"}


def test_a_package_above_the_rule_comes_for_the_bare_names_rego_cpp_finds_there() -> None:
    sources = {Path(name): text for name, text in LIBRARY.items()}
    sources[Path("acme.rego")] = "package acme\n\nimport rego.v1\n\nstrict if input.strict\n"
    sources[Path("rule.rego")] = "package acme.rule\n\nimport rego.v1\n\ndeny contains 1 if not strict\n"
    assert names(ModuleIndex.of(sources.items())) == {"rule.rego", "acme.rego"}


def test_a_custom_rule_reading_a_rule_of_a_package_above_by_its_bare_name_fires_and_passes(
    tmp_path: Path,
) -> None:
    """Not valid on OPA (a bare name is its own package's), but rego-cpp reads it: the bundle must hold it."""
    directory = make_pack(
        tmp_path,
        """\
        package house.volume

        import data.iacgate.lib as base
        import rego.v1

        deny contains base.violation(["encrypted"], "not encrypted") if not encrypted_ok
        """,
    )
    (directory / "house.rego").write_text(
        "package house\n\nimport rego.v1\n\nencrypted_ok if input.resource.attributes.encrypted\n"
    )
    rules = load_packs(("house",), (directory,))
    evaluator = EmbeddedEvaluator(rules)
    failing = evaluator.evaluate(Graph((volume(encrypted=False),)), rules, {})
    assert [(v.rule_id, v.resource_id) for v in failing.violations] == [("HOUSE-VOL-001", "aws_ebs_volume.v")]
    assert evaluator.evaluate(Graph((volume(encrypted=True),)), rules, {}).violations == ()


def test_names_in_comments_and_strings_reach_nothing() -> None:
    rule = '# uses data.other.things\npackage acme.rule\n\nmsg := "see data.other.things"\n'
    assert names(index_with(rule)) == {"rule.rego"}


@pytest.mark.parametrize(
    "body",
    ['x := data["acme"]', "x := data", "x := lib", 'x := lib["gcp"]'],
    ids=["data-indexed", "data-whole", "alias-whole", "alias-indexed"],
)
def test_dynamic_references_bring_everything_they_could_reach(body: str) -> None:
    index = index_with(f"package acme.rule\n\nimport data.acme.lib\n\n{body}\n")
    reached = names(index)
    assert {"lib.rego", "lib_aws.rego", "lib_gcp.rego", "lib_gcp_more.rego"} <= reached


def test_the_closure_follows_libraries_into_the_libraries_they_import() -> None:
    sources = dict(LIBRARY)
    sources["lib_aws.rego"] = "package acme.lib.aws\n\nimport data.acme.tables\n\nok if tables.regions\n"
    index = ModuleIndex.of(
        [(Path(n), t) for n, t in sources.items()]
        + [
            (
                Path("rule.rego"),
                "package acme.rule\n\nimport data.acme.lib.aws\n\ndeny contains 1 if aws.ok\n",
            )
        ]
    )
    assert names(index) == {"rule.rego", "lib.rego", "lib_aws.rego", "tables.rego"}


def volume(**attributes: object) -> Resource:
    return embedded_volume("v", **attributes)


def house(tmp_path: Path, policies: dict[str, str]) -> Path:
    """The house pack of ``test_embedded`` with these policy files."""
    directory = make_pack(tmp_path, policies.pop("volume.rego"))
    for name, text in policies.items():
        (directory / name).write_text(dedent(text))
    return directory


def test_a_rule_reaching_its_helpers_through_a_sub_package_fires_in_its_type_bundle(tmp_path: Path) -> None:
    """The helper lives in a sub-package of the imported one, in a file of the custom pack."""
    rules = load_packs(
        ("house",),
        (
            house(
                tmp_path,
                {
                    "helpers.rego": "package house.lib.checks\n\nimport rego.v1\n\nweak(v) if v != true\n",
                    "volume.rego": """\
                        package house.volume

                        import data.house.lib
                        import data.iacgate.lib as base
                        import rego.v1

                        deny contains base.violation(["encrypted"], "not encrypted") if {
                            lib.checks.weak(base.attr("encrypted"))
                        }
                    """,
                },
            ),
        ),
    )
    evaluator = EmbeddedEvaluator(rules)
    failing = evaluator.evaluate(Graph((volume(encrypted=False),)), rules, {})
    assert [(v.rule_id, v.resource_id, v.path) for v in failing.violations] == [
        ("HOUSE-VOL-001", "aws_ebs_volume.v", ("encrypted",))
    ]
    assert evaluator.evaluate(Graph((volume(encrypted=True),)), rules, {}).violations == ()


def test_a_builtin_error_names_the_rule_that_raised_it(tmp_path: Path) -> None:
    policy = """\
        package house.volume

        import rego.v1

        deny contains {"path": [], "message": m} if {
            m := regex.replace(input.resource.attributes.label, "[", "x")
        }
    """
    rules = load_packs(("house",), (house(tmp_path, {"volume.rego": policy}),))
    with pytest.raises(EvaluationError) as raised:
        EmbeddedEvaluator(rules).evaluate(Graph((volume(label="a"),)), rules, {})
    # rego-cpp answers a query it gave up on as it answers a builtin's error: the message says both.
    assert str(raised.value) == (
        "rule HOUSE-VOL-001 (house.volume) failed on aws_ebs_volume.v: a builtin call raised an error, "
        "or the rego engine gave up on the query"
    )


def test_without_a_cache_the_types_of_a_graph_share_one_bundle_with_the_same_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def resource(type_name: str, **attributes: object) -> Resource:
        return replace(volume(**attributes), id=f"{type_name}.r", type=type_name, native_type=type_name)

    graph = Graph(
        (
            resource("aws_ebs_volume", encrypted=False),
            resource("aws_sqs_queue"),
            resource("aws_sns_topic", kms_master_key_id="alias/aws/sns"),
        )
    )
    rules = load_packs(("encryption",))
    types = {resource.type for resource in graph.resources}
    monkeypatch.setenv("IACGATE_CACHE_DIR", str(tmp_path / "cache"))
    per_type = EmbeddedEvaluator(rules)
    cached = per_type.evaluate(graph, rules, {})
    # Bundles are compiled in the evaluating child; the same steps here show which were built.
    per_type._compile_together(types)
    per_type_bundles = {id(per_type._bundle(type_name)) for type_name in types}
    monkeypatch.setenv("IACGATE_CACHE_DIR", "")
    shared = EmbeddedEvaluator(rules)
    uncached = shared.evaluate(graph, rules, {})
    shared._compile_together(types)
    shared_bundles = {id(shared._bundle(type_name)) for type_name in types}
    assert uncached.violations == cached.violations and uncached.checks == cached.checks
    assert {check.resource_id for check in uncached.checks} == {r.id for r in graph.resources}
    assert ("ENC-EBS-001", "aws_ebs_volume.r", "fail") in {
        (check.rule_id, check.resource_id, check.outcome) for check in uncached.checks
    }
    assert len(shared_bundles) == 1
    assert len(per_type_bundles) == 3


@pytest.mark.parametrize(
    ("source", "types", "edges"),
    [
        ('x := object.get(input.resources_by_type, "aws_cloudtrail", [])', {"aws_cloudtrail"}, False),
        ('x := input.resources_by_type["aws_s3_bucket"][_]', {"aws_s3_bucket"}, False),
        (
            "some v in input.resources_by_type.aws_ebs_volume\ny := input.settings.x",
            {"aws_ebs_volume"},
            False,
        ),
        ("# some resources in input.resources_by_type\nx := input.edges", set(), True),
        ('s := object.get(input, "settings", {})\nx := input.resources_by_type.aws_vpc', {"aws_vpc"}, False),
        (
            'msg := "every input is read"\nx := input.resources_by_type.aws_sqs_queue',
            {"aws_sqs_queue"},
            False,
        ),
    ],
)
def test_a_whole_graph_rule_reading_types_by_literal_name_is_sent_those_types(
    source: str, types: set[str], edges: bool
) -> None:
    assert graph_reads([source]) == GraphReads(frozenset(types), edges)


@pytest.mark.parametrize(
    ("source", "refers_to"),
    [
        (
            'x := [ref | some s in object.get(input.resources_by_type, "azapi_resource", [])\n'
            "    some ref in s.refers_to]",
            True,
        ),
        (
            "x := [ref | some s in input.resources_by_type.aws_vpc\n"
            '    some ref in object.get(s, "refers_to", [])]',
            True,
        ),
        ("# s.refers_to\nx := input.resources_by_type.aws_vpc", False),
    ],
)
def test_a_whole_graph_rule_reading_refers_to_is_sent_what_each_resource_refers_to(
    source: str, refers_to: bool
) -> None:
    reads = graph_reads([source])
    assert reads.refers_to is refers_to
    assert reads.types == frozenset({"azapi_resource"} if "azapi" in source else {"aws_vpc"})


@pytest.mark.parametrize(
    "source",
    [
        "some resources in input.resources_by_type",
        "all := input.resources_by_type",
        "x := input.resources_by_type[name]",
        "x := input",
        "x := object.get(input.resources_by_type, name, [])\ny := input.resources_by_type.aws_vpc",
    ],
)
def test_any_other_use_of_the_input_sends_everything(source: str) -> None:
    assert graph_reads([source]) == EVERYTHING


def test_the_cloudtrail_data_events_rule_is_asked_with_the_trails_alone() -> None:
    rules = load_packs(("audit-logging",))
    index = ModuleIndex.of((path, path.read_text(encoding="utf-8")) for path in rules.policy_files)
    rule = next(rule for rule in rules.graph_rules if rule.id == "LOG-CLOUDTRAIL-006")
    assert index.graph_reads(rule.policy) == GraphReads(frozenset({"aws_cloudtrail"}), edges=False)
