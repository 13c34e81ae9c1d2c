"""Moving a Rego module below an upload namespace (namespace.py): names only, never strings or comments."""

from __future__ import annotations

import pytest

from iacgate.evaluate.namespace import NamespaceError, namespaced

ROOTS = frozenset({"iacgate", "house"})


def test_package_imports_and_references_move_and_nothing_else_does() -> None:
    source = (
        "# package iacgate.in_a_comment reads data.iacgate.lib\n"
        "package house.volume\n\n"
        "import data.iacgate.lib\n"
        "import data.iacgate.lib.aws as aws\n"
        "import rego.v1\n\n"
        'deny contains lib.violation(["data.iacgate.x"], "package iacgate") if {\n'
        "\tnot data.iacgate.lib.attrs.encrypted == true  # data.house\n"
        "\tallowed := data.operator_list.regions\n"
        "\tinput.package.data == aws.x\n"
        "}\n"
    )
    moved = namespaced(source, "iacgate_pack_abc", ROOTS)
    assert moved == (
        "# package iacgate.in_a_comment reads data.iacgate.lib\n"
        "package iacgate_pack_abc.house.volume\n\n"
        "import data.iacgate_pack_abc.iacgate.lib\n"
        "import data.iacgate_pack_abc.iacgate.lib.aws as aws\n"
        "import rego.v1\n\n"
        'deny contains lib.violation(["data.iacgate.x"], "package iacgate") if {\n'
        "\tnot data.iacgate_pack_abc.iacgate.lib.attrs.encrypted == true  # data.house\n"
        "\tallowed := data.operator_list.regions\n"
        "\tinput.package.data == aws.x\n"
        "}\n"
    )


@pytest.mark.parametrize("body", ["x := data[name]", "x := data", 'x := object.get(data, ["a"], 1)'])
def test_reading_data_as_a_whole_is_refused_with_its_line(body: str) -> None:
    with pytest.raises(NamespaceError) as refused:
        namespaced(f'package house.x\n\nname := "iacgate"\n{body}\n', "ns", ROOTS)
    assert refused.value.line == 4
