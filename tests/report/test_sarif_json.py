"""sarif-om objects become SARIF JSON: schema names, nothing empty, defaults left out except levels."""

from __future__ import annotations

import sarif_om as om

from iacgate.report.sarif_json import to_sarif


def test_python_names_become_sarif_names_and_none_disappears() -> None:
    location = om.ArtifactLocation(uri="a b.json", uri_base_id="%SRCROOT%")
    assert to_sarif(location) == {"uri": "a b.json", "uriBaseId": "%SRCROOT%"}


def test_defaults_are_left_out_but_levels_and_kinds_are_always_written() -> None:
    result = om.Result(message=om.Message(text="m"), rule_id="R", rule_index=0)
    assert to_sarif(result) == {
        "message": {"text": "m"},
        "ruleId": "R",
        "ruleIndex": 0,
        "kind": "fail",
        "level": "warning",
    }
    configuration = om.ReportingConfiguration(level="warning", enabled=True, rank=-1.0)
    assert to_sarif(configuration) == {"level": "warning"}


def test_a_value_equal_to_a_default_of_another_type_is_kept() -> None:
    # enabled defaults to True; 1 == True in Python but is not the default in JSON.
    assert to_sarif(om.ReportingConfiguration(enabled=False)) == {"enabled": False, "level": "warning"}
    assert to_sarif(om.ReportingDescriptorReference(index=0, id="x")) == {"id": "x", "index": 0}


def test_property_bags_are_plain_dicts_kept_as_written() -> None:
    descriptor = om.ReportingDescriptor(
        id="R", properties={"security-severity": "7.5", "tags": ["a"], "x": None}
    )
    assert to_sarif(descriptor) == {"id": "R", "properties": {"security-severity": "7.5", "tags": ["a"]}}
