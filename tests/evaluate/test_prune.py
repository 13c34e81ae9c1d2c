"""Which statements of a bundle's modules are compiled in: every one its rules can reach, no other.

A statement wrongly left out would make a reference undefined, which reads as "no finding"; so most cases
here are one way a policy can reach a rule, and the engine test proves each of them still fires.
"""

from __future__ import annotations

import re
from pathlib import Path
from textwrap import dedent

import pytest

from iacgate.evaluate import EmbeddedEvaluator
from iacgate.evaluate.embedded import _compile, _router_entrypoint
from iacgate.evaluate.prune import pruned
from iacgate.evaluate.results import router_module
from iacgate.graph import Graph
from iacgate.packs import load_packs

from .test_embedded import make_pack
from .test_embedded import volume as embedded_volume

LIB = """\
    # Helpers.
    package acme.lib

    import data.acme.tables
    import rego.v1

    # Used by the rule.
    weak(v) if v != true

    weak(v) if v == "false"

    default mode := "strict"

    mode := "loose" if {
        input.settings.loose
    } else := "lax" if {
        input.settings.lax
    }

    region_ok(r) if r in tables.regions

    weak_region(r) if not region_ok(r)

    unused_helper(x) := {
        "nested": [x, x],
    }

    also_unused := count(tables.zones)
"""

TABLES = """\
    package acme.tables

    import rego.v1

    regions := {"eu-west-1"}

    zones := {"eu-west-1a"}
"""

SUB = """\
    package acme.lib.aws

    import rego.v1

    kms(x) if x == "aws:kms"

    sse(x) if x == "AES256"
"""


def pruned_texts(rule: str, *extra: tuple[str, str]) -> dict[str, str]:
    modules = [
        ("lib.rego", dedent(LIB)),
        ("tables.rego", dedent(TABLES)),
        ("lib_aws.rego", dedent(SUB)),
        *extra,
        ("rule.rego", dedent(rule)),
    ]
    return dict(pruned(modules, {"acme.rule"}))


def rule_named(texts: dict[str, str], module: str, name: str) -> bool:
    return re.search(rf"^(default\s+)?{name}\b", texts[module], re.MULTILINE) is not None


def test_what_the_rule_names_stays_and_the_rest_is_blanked_line_for_line() -> None:
    texts = pruned_texts("""\
        package acme.rule

        import data.acme.lib
        import rego.v1

        deny contains "weak" if lib.weak(input.resource.attributes.encrypted)
    """)
    assert rule_named(texts, "lib.rego", "weak")
    for name in ("mode", "region_ok", "weak_region", "unused_helper", "also_unused"):
        assert not rule_named(texts, "lib.rego", name), name
    assert not rule_named(texts, "tables.rego", "regions")
    # Both clauses of a function stay; every kept line is where it was; package and imports stay.
    original = dedent(LIB).splitlines()
    kept = texts["lib.rego"].splitlines()
    assert len(kept) == len(original)
    assert [line for line in kept if line] == [
        line for line in original if line.startswith(("# Helpers", "package", "import", "weak(", "# Used"))
    ]


def test_a_default_and_its_else_chain_stay_with_their_rule() -> None:
    texts = pruned_texts("package acme.rule\n\nimport data.acme.lib\n\nm := lib.mode\n")
    lib = texts["lib.rego"]
    assert 'default mode := "strict"' in lib
    assert '} else := "lax" if {' in lib
    assert "input.settings.lax" in lib
    assert not rule_named(texts, "lib.rego", "weak")


def test_helpers_reach_helpers_by_bare_name_and_through_their_own_imports() -> None:
    texts = pruned_texts("package acme.rule\n\nimport data.acme.lib\n\nx if lib.weak_region(1)\n")
    assert rule_named(texts, "lib.rego", "weak_region")
    assert rule_named(texts, "lib.rego", "region_ok")
    assert rule_named(texts, "tables.rego", "regions")
    assert not rule_named(texts, "tables.rego", "zones")


@pytest.mark.parametrize(
    "reference",
    [
        "data.acme.lib.aws.kms(1)",
        "lib.aws.kms(1)",
        "amazon.kms(1)",
        "kms(1)",
        "data . acme . lib . aws . kms(1)",
    ],
    ids=["data-path", "parent-alias", "aliased-import", "imported-rule", "spaced"],
)
def test_every_way_of_naming_a_rule_of_another_package_keeps_it(reference: str) -> None:
    texts = pruned_texts(f"""\
        package acme.rule

        import data.acme.lib
        import data.acme.lib.aws as amazon
        import data.acme.lib.aws.kms

        x if {{
            {reference}
        }}
    """)
    assert rule_named(texts, "lib_aws.rego", "kms")
    assert not rule_named(texts, "lib_aws.rego", "sse")


@pytest.mark.parametrize(
    "body",
    [
        "x := lib.aws",
        'x := lib.aws["kms"]',
        "x := object.get(lib.aws, name, false)",
        "x := data.acme.lib",
        'x := data.acme["lib"]',
        "x := data",
    ],
    ids=["package-whole", "package-indexed", "package-passed", "parent-whole", "data-indexed", "data-whole"],
)
def test_a_package_used_whole_or_indexed_keeps_every_statement_of_it(body: str) -> None:
    texts = pruned_texts(f"package acme.rule\n\nimport data.acme.lib\n\nname := input.n\n\n{body}\n")
    assert rule_named(texts, "lib_aws.rego", "kms")
    assert rule_named(texts, "lib_aws.rego", "sse")


def test_names_in_comments_and_strings_keep_nothing() -> None:
    texts = pruned_texts('package acme.rule\n\n# lib.unused_helper\nmsg := "data.acme.tables.zones"\n')
    assert not rule_named(texts, "lib.rego", "unused_helper")
    assert not rule_named(texts, "tables.rego", "zones")


@pytest.mark.parametrize(
    "layout",
    [
        "loose := true\nif {\n\tinput.settings.loose\n}\n",
        "loose := input.settings.a ==\ninput.settings.b\n",
        "loose := count(tables.regions) >\nzero\n\nzero := 0\n",
    ],
    ids=["body-on-its-own-line", "expression-continued", "operator-at-line-end"],
)
def test_a_statement_written_over_several_lines_stays_whole(layout: str) -> None:
    lib = f'package acme.lib\n\nimport data.acme.tables\nimport rego.v1\n\nlabel := "a:"\n\n{layout}'
    rule = "package acme.rule\n\nimport data.acme.lib\n\nx := lib.loose\n"
    texts = pruned_texts(rule, ("more.rego", lib))
    kept = texts["more.rego"]
    written = [line for line in layout.splitlines() if line]
    assert [line for line in kept.splitlines() if line][-len(written) :] == written
    assert "label" not in kept


def test_a_rule_after_an_import_ending_in_a_keyword_is_its_own_statement() -> None:
    lib = "package acme.lib\n\nimport data.acme.tables\nimport future.keywords.in\n"
    lib += "loose if 1 in tables.regions\n"
    texts = pruned_texts("package acme.rule\n\nimport data.acme.lib\n\nx := lib.loose\n", ("more.rego", lib))
    assert rule_named(texts, "tables.rego", "regions")


def test_a_module_with_an_indented_rule_is_left_whole() -> None:
    lib = "package acme.lib.style\n\nimport rego.v1\n\nunused := 1\n\n  loose := true\n"
    texts = pruned_texts(
        "package acme.rule\n\nimport data.acme.lib\n\nx := lib.style.loose\n", ("more.rego", lib)
    )
    assert texts["more.rego"] == lib


def test_every_built_in_policy_file_can_be_cut_into_statements() -> None:
    """A layout the cutter does not follow leaves a module whole: right, but as slow as before."""
    root = Path(__file__).resolve().parents[2] / "policies"
    files = sorted(root.rglob("*.rego"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert pruned([(str(path), text)], set()) != [(str(path), text)] or "package" not in text, path


def test_text_it_cannot_cut_into_statements_is_left_as_it_is() -> None:
    broken = ("broken.rego", "package acme.broken\n\nx := [1,\n")
    modules = [("lib.rego", dedent(LIB)), broken, ("rule.rego", "package acme.rule\n\ny := 1\n")]
    assert pruned(modules, {"acme.rule"}) == modules


def test_every_built_in_route_compiles_from_its_pruned_modules() -> None:
    """A statement cut in the wrong place, or a local rule left out, fails to compile: this is the one
    test that compiles every type's bundle, as scans compile only the types they meet."""
    rules = load_packs()
    evaluator = EmbeddedEvaluator(rules)
    for key, route in rules.routes.items():
        modules = evaluator._modules(route)
        assert sum(text.count("\n") for _n, text in modules) == sum(
            evaluator._index.sources[Path(name)].count("\n") for name, _text in modules
        )
        _compile([*modules, (f"router:{key}", router_module(key, route))], [_router_entrypoint(key)])


HOUSE_LIB = """\
    package house.lib

    import data.iacgate.lib as base
    import rego.v1

    default strict := true

    strict := false if input.settings.relaxed

    encryption := base.attr("encrypted")

    weak(v) if v != true

    by_name(name, v) if {
        name == "weak"
        weak(v)
    }

    unused(v) := v
"""


@pytest.mark.parametrize(
    "condition",
    [
        "lib.weak(lib.encryption)",
        "data.house.lib.weak(lib.encryption)",
        'lib.strict; lib.by_name("weak", lib.encryption)',
        'object.get(lib, "encryption", true) != true',
    ],
    ids=["alias", "data-path", "default-and-helper", "package-as-value"],
)
def test_a_custom_rule_reaching_its_library_each_way_fires_and_passes(tmp_path: Path, condition: str) -> None:
    directory = make_pack(
        tmp_path,
        f"""\
        package house.volume

        import data.house.lib
        import data.iacgate.lib as base
        import rego.v1

        deny contains base.violation(["encrypted"], "not encrypted") if {{
            {condition}
        }}
        """,
    )
    (directory / "lib.rego").write_text(dedent(HOUSE_LIB))
    rules = load_packs(("house",), (directory,))
    evaluator = EmbeddedEvaluator(rules)
    failing = evaluator.evaluate(Graph((embedded_volume("v", encrypted=False),)), rules, {})
    assert [(v.rule_id, v.resource_id) for v in failing.violations] == [("HOUSE-VOL-001", "aws_ebs_volume.v")]
    passing = evaluator.evaluate(Graph((embedded_volume("v", encrypted=True),)), rules, {})
    assert passing.violations == ()


def volume_findings(tmp_path: Path, policy: str, files: dict[str, str]) -> list[list[tuple[str, str]]]:
    """The findings of a custom pack on an unencrypted volume, then on an encrypted one."""
    directory = make_pack(tmp_path, policy)
    for name, text in files.items():
        (directory / name).write_text(text)
    rules = load_packs(("house",), (directory,))
    evaluator = EmbeddedEvaluator(rules)
    return [
        [
            (v.rule_id, v.resource_id)
            for v in evaluator.evaluate(Graph((embedded_volume("v", encrypted=value),)), rules, {}).violations
        ]
        for value in (False, True)
    ]


FIRES_ONCE = [[("HOUSE-VOL-001", "aws_ebs_volume.v")], []]
WEAK_LIB = "package house.lib\n\nimport rego.v1\n\nweak if input.resource.attributes.encrypted != true\n"


@pytest.mark.parametrize(
    ("imported", "package"),
    [
        ("import data . house . lib", "package house.lib"),
        ("import data.house.lib", "package house . lib"),
        ('import data.house["lib"]', "package house.lib"),
        ('import data.house["my-lib"] as lib', 'package house["my-lib"]'),
        ('import data.house.lib["weak"]', "package house.lib"),
    ],
    ids=["spaced-import", "spaced-package", "quoted-import", "quoted-package", "quoted-rule"],
)
def test_imports_and_packages_written_with_spaces_or_quotes_keep_what_they_reach(
    tmp_path: Path, imported: str, package: str
) -> None:
    condition = "weak" if imported.endswith('["weak"]') else "lib.weak"
    policy = f"""\
        package house.volume

        import data.iacgate.lib as base
        {imported}
        import rego.v1

        deny contains base.violation(["encrypted"], "not encrypted") if {condition}

        deny contains base.violation(["tags"], "never") if data.house.lib.never
    """
    lib = WEAK_LIB.replace("package house.lib", package) + "\nnever if false\n"
    assert volume_findings(tmp_path, policy, {"lib.rego": lib}) == FIRES_ONCE


def test_a_default_written_on_a_line_of_its_own_stays_a_default(tmp_path: Path) -> None:
    policy = """\
        package house.volume

        import data.house.lib
        import data.iacgate.lib as base
        import rego.v1

        deny contains base.violation(["encrypted"], "not encrypted") if lib.weak
    """
    lib = "package house.lib\n\nimport rego.v1\n\ndefault\nweak := true\n\n"
    lib += "weak := false if input.resource.attributes.encrypted == true\n"
    assert volume_findings(tmp_path, policy, {"lib.rego": lib}) == FIRES_ONCE


@pytest.mark.parametrize(
    ("files", "condition"),
    [
        ({"lib.rego": WEAK_LIB}, "lib.weak"),
        ({"house.rego": WEAK_LIB.replace("package house.lib", "package house")}, "weak"),
        (
            {"helpers.rego": WEAK_LIB.replace("package house.lib", "package house.volume.helpers")},
            "helpers.weak",
        ),
    ],
    ids=["sibling-package-without-import", "parent-package", "sub-package"],
)
def test_a_bare_name_the_embedded_engine_finds_in_another_package_keeps_its_rule(
    tmp_path: Path, files: dict[str, str], condition: str
) -> None:
    """rego-cpp looks a bare name up in the rule's package, then in each package above it (``lib.weak``
    in ``house.volume`` is ``data.house.lib.weak`` there, import or not), as OPA does not."""
    package = next(iter(files.values())).split("\n", 1)[0].removeprefix("package ")
    policy = f"""\
        package house.volume

        import data.iacgate.lib as base
        import rego.v1

        deny contains base.violation(["encrypted"], "not encrypted") if {condition}

        deny contains base.violation(["tags"], "never") if data.{package}.never
    """
    files = {name: f"{text}\nnever if false\n" for name, text in files.items()}
    assert volume_findings(tmp_path, policy, files) == FIRES_ONCE


def test_a_module_with_input_at_the_start_of_a_statement_is_left_whole() -> None:
    """A line starting with ``input`` where a statement could start cannot be told from ``input.x``
    continuing an expression, nor from a rule named ``input`` (which ``check_policies`` refuses in custom
    packs, and rego-cpp would take): the module is left whole."""
    lib = 'package acme.lib.style\n\nimport rego.v1\n\nunused := 1\n\ninput := {"weak": true}\n'
    texts = pruned_texts(
        "package acme.rule\n\nimport data.acme.lib\n\nx := lib.style.input\n", ("more.rego", lib)
    )
    assert texts["more.rego"] == lib
