"""SARIF objects are written as plain dicts (``sarif_node``), and sarif-om stays the model they follow.

Every builder is checked against sarif-om's class of the same name: its fields exist there, in the
class's order, under the class's SARIF names, with the class's defaults; and for any values, what a
builder writes is what converting the sarif-om object by reflection writes (``reference``, the converter
iacgate used before the builders).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attr
import pytest
import sarif_om as om
from hypothesis import given, settings
from hypothesis import strategies as st

from iacgate.report import sarif_node
from iacgate.report.sarif_node import ALWAYS_WRITTEN, DEFAULTS, FIELDS

_NOTHING = object()


def _default(field: Any) -> Any:
    default = field.default
    if default is attr.NOTHING:
        return _NOTHING
    if isinstance(default, attr.Factory):  # type: ignore[arg-type]
        return default.factory()
    return default


def reference(value: Any) -> Any:
    """sarif-om object -> SARIF data by reflection: SARIF names, no None, no default but level and kind."""
    if type(value) in (str, int, bool) or value is None:
        return value
    if attr.has(type(value)):
        out: dict[str, Any] = {}
        for field in attr.fields(type(value)):
            item = getattr(value, field.name)
            default = _default(field)
            if item is None:
                continue
            if field.name not in ALWAYS_WRITTEN and type(item) is type(default) and item == default:
                continue
            out[field.metadata.get("schema_property_name", field.name)] = reference(item)
        return out
    if isinstance(value, Mapping):
        return {str(key): reference(item) for key, item in value.items() if item is not None}
    if isinstance(value, list | tuple):
        return [reference(item) for item in value]
    return value


def _field_names(kind: str) -> list[str]:
    return [entry[0] if isinstance(entry, tuple) else entry for entry in FIELDS[kind]]


@pytest.mark.parametrize("kind", sorted(FIELDS))
def test_each_builder_follows_its_sarif_om_class(kind: str) -> None:
    model = {field.name: field for field in attr.fields(getattr(om, kind))}
    order = list(model)
    names = _field_names(kind)
    assert set(names) <= set(model), f"{kind}: fields sarif-om does not have"
    assert sorted(names, key=order.index) == names, f"{kind}: fields out of sarif-om's order"
    for entry in FIELDS[kind]:
        field, written = entry if isinstance(entry, tuple) else (entry, sarif_node.camel(entry))
        assert written == model[field].metadata.get("schema_property_name", field)
    expected = {
        name: _default(model[name]) for name in names if _default(model[name]) not in (None, _NOTHING)
    }
    assert DEFAULTS.get(kind, {}) == expected


def _values(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    """Values for every field of a builder: None, its default, look-alikes of it, and other data."""
    model = {field.name: field for field in attr.fields(getattr(om, kind))}
    scalars = st.one_of(
        st.none(),
        st.sampled_from([-1, 0, 1, True, False, -1.0, "", "warning", "fail", "none", ["relevant"]]),
        st.text(max_size=3),
        st.dictionaries(
            st.text(max_size=2), st.none() | st.integers(-1, 1) | st.text(max_size=2), max_size=3
        ),
        st.lists(st.integers(-1, 1) | st.none(), max_size=2),
    )
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for name in _field_names(kind):
        default = _default(model[name])
        options = scalars if default is _NOTHING else st.one_of(st.just(default), scalars)
        fields[name] = options.filter(lambda value: value is not None) if default is _NOTHING else options
    return st.fixed_dictionaries({}, optional=fields)


@pytest.mark.parametrize("kind", sorted(FIELDS))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_builder_writes_what_the_sarif_om_object_converts_to(kind: str, data: st.DataObject) -> None:
    required = [field.name for field in attr.fields(getattr(om, kind)) if field.default is attr.NOTHING]
    values = data.draw(_values(kind))
    for name in required:
        values.setdefault(name, "x")
    assert getattr(sarif_node, kind)(**values) == reference(getattr(om, kind)(**values))


def test_python_names_become_sarif_names_and_none_disappears() -> None:
    location = sarif_node.ArtifactLocation(uri="a b.json", uri_base_id="%SRCROOT%", index=None)
    assert location == {"uri": "a b.json", "uriBaseId": "%SRCROOT%"}
    assert sarif_node.SarifLog(runs=[], version="2.1.0", schema_uri="s") == {
        "runs": [],
        "version": "2.1.0",
        "$schema": "s",
    }


def test_defaults_are_left_out_but_levels_and_kinds_are_always_written() -> None:
    result = sarif_node.Result(message=sarif_node.Message(text="m"), rule_id="R", rule_index=0)
    assert result == {
        "message": {"text": "m"},
        "ruleId": "R",
        "ruleIndex": 0,
        "kind": "fail",
        "level": "warning",
    }
    assert list(result) == ["message", "kind", "level", "ruleId", "ruleIndex"]  # sarif-om's order
    assert sarif_node.ReportingConfiguration(level="warning", enabled=True, rank=-1.0) == {"level": "warning"}


def test_a_value_equal_to_a_default_of_another_type_is_kept() -> None:
    # enabled defaults to True; 1 == True in Python but is not the default in JSON.
    assert sarif_node.ReportingConfiguration(enabled=1) == {"enabled": 1, "level": "warning"}
    assert sarif_node.ReportingConfiguration(enabled=False) == {"enabled": False, "level": "warning"}
    assert sarif_node.ReportingDescriptorReference(index=0, id="x") == {"id": "x", "index": 0}


def test_property_bags_are_plain_dicts_kept_as_written() -> None:
    descriptor = sarif_node.ReportingDescriptor(
        id="R", properties={"security-severity": "7.5", "tags": ("a",), "x": None, "y": {"z": None}}
    )
    assert descriptor == {"id": "R", "properties": {"security-severity": "7.5", "tags": ["a"], "y": {}}}


def test_a_field_sarif_om_does_not_have_is_refused() -> None:
    with pytest.raises(TypeError, match=r"Result.*state"):
        sarif_node.Result(message=sarif_node.Message(text="m"), state="accepted")
