"""The shape of a plan document, checked before it is read: every part the plan parser relies on has the
JSON type Terraform writes, or the file is refused with a ``ParseError`` naming the part and its line.

Unknown keys are ignored (newer Terraform versions add some); a missing or ``null`` optional section is
an empty one. A known key of the wrong type is never skipped or read as empty: a resource dropped that way
would be a finding lost, so "not evaluated" is always said out loud and the gate fails closed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from iacgate.errors import ParseError, Position
from iacgate.parsers.jsontext import kind
from iacgate.parsers.tfplan_lines import top_level_value
from iacgate.textio import line_of_offset

_RESOURCE_MODES = ("managed", "data")


class _Checker:
    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file

    def fail(self, path: str, message: str, anchor: str | None = None) -> ParseError:
        return ParseError(
            Position(self.file, self._line(path, anchor)), f"not a valid Terraform plan: {message}"
        )

    def _line(self, path: str, anchor: str | None) -> int:
        """The line of the enclosing resource (by its address) in the section, or of the section's key."""
        section = re.split(r"[.\[]", path, maxsplit=1)[0]
        offset = top_level_value(self.text, section)
        if offset is None:
            found = re.search(re.escape(json.dumps(section)) + r"\s*:", self.text)
            if found is None:
                return 0
            offset = found.start()
        if anchor is not None:
            pattern = re.compile(r'"address"\s*:\s*' + re.escape(json.dumps(anchor)))
            resource = pattern.search(self.text, offset)
            offset = resource.start() if resource is not None else offset
        return line_of_offset(self.text, offset)

    def expect(self, value: Any, types: tuple[type, ...], path: str, anchor: str | None = None) -> None:
        # JSON gives exact types (a bool is never taken for a number here: it is not in ``types``).
        if type(value) not in types:
            wanted = " or ".join(_NAMES[t] for t in types if t is not type(None))
            raise self.fail(path, f"{path} is {kind(value)}, expected {wanted}", anchor)

    def strings(self, value: Any, path: str, anchor: str | None = None) -> None:
        self.expect(value, (list, type(None)), path, anchor)
        for index, item in enumerate(value or ()):
            self.expect(item, (str,), f"{path}[{index}]", anchor)

    def objects(self, value: Any, path: str, anchor: str | None = None) -> Mapping[str, Any]:
        """An object of objects (``module_calls``, ``provider_config``, ``outputs``, ``variables``)."""
        self.expect(value, (dict, type(None)), path, anchor)
        for key, item in (value or {}).items():
            self.expect(item, (dict,), f"{path}.{key}", anchor)
        return value or {}


_NAMES: dict[type, str] = {
    dict: "an object",
    list: "a list",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true/false",
}
_OPTIONAL_OBJECT = (dict, type(None))
_OPTIONAL_STRING = (str, type(None))
_INDEX = (int, str, type(None))
_UNKNOWN_FLAGS = (dict, list, bool, type(None))


def check_plan(document: Mapping[str, Any], text: str, file: str) -> None:
    """Raise a ``ParseError`` at the first part of ``document`` whose type the parser cannot use."""
    checker = _Checker(text, file)
    planned = document["planned_values"]
    checker.expect(planned.get("root_module"), _OPTIONAL_OBJECT, "planned_values.root_module")
    _module(checker, planned.get("root_module") or {}, "planned_values.root_module")
    _changes(checker, document.get("resource_changes"))
    prior = document.get("prior_state")
    checker.expect(prior, _OPTIONAL_OBJECT, "prior_state")
    values = (prior or {}).get("values")
    checker.expect(values, _OPTIONAL_OBJECT, "prior_state.values")
    root = (values or {}).get("root_module")
    checker.expect(root, _OPTIONAL_OBJECT, "prior_state.values.root_module")
    _module(checker, root or {}, "prior_state.values.root_module")
    _configuration(checker, document.get("configuration"))
    checker.objects(document.get("variables"), "variables")


def _module(checker: _Checker, module: Mapping[str, Any], path: str) -> None:
    stack = [(module, path)]
    while stack:
        current, where = stack.pop()
        checker.expect(current.get("address"), (str, type(None)), f"{where}.address")
        resources = current.get("resources")
        checker.expect(resources, (list, type(None)), f"{where}.resources")
        for index, resource in enumerate(resources or ()):
            _resource(checker, resource, where, index)
        children = current.get("child_modules")
        checker.expect(children, (list, type(None)), f"{where}.child_modules")
        for index, child in enumerate(children or ()):
            child_path = f"{where}.child_modules[{index}]"
            checker.expect(child, (dict,), child_path)
            stack.append((child, child_path))


def _resource(checker: _Checker, resource: Any, where: str, index: int) -> None:
    # The common case in one test (a plan may hold tens of thousands of resources); details on failure.
    if (
        type(resource) is dict
        and type(resource.get("address")) is str
        and type(resource.get("type")) is str
        and resource["type"]
        and type(resource.get("name")) is str
        and resource["name"]
        and resource.get("mode", "managed") in _RESOURCE_MODES
        and type(resource.get("index")) in _INDEX
        and type(resource.get("provider_name")) in _OPTIONAL_STRING
        and type(resource.get("values")) in _OPTIONAL_OBJECT
    ):
        return
    path = f"{where}.resources[{index}]"
    checker.expect(resource, (dict,), path)
    address = resource.get("address")
    checker.expect(address, (str,), f"{path}.address")
    for key in ("type", "name"):
        checker.expect(resource.get(key), (str,), f"{path}.{key}", address)
        if not resource[key]:
            raise checker.fail(path, f"{path}.{key} is empty", address)
    mode = resource.get("mode")
    checker.expect(mode, (str, type(None)), f"{path}.mode", address)
    if mode is not None and mode not in _RESOURCE_MODES:
        raise checker.fail(path, f"{path}.mode is {mode!r}, expected managed or data", address)
    checker.expect(resource.get("index"), _INDEX, f"{path}.index", address)
    checker.expect(resource.get("provider_name"), _OPTIONAL_STRING, f"{path}.provider_name", address)
    checker.expect(resource.get("values"), _OPTIONAL_OBJECT, f"{path}.values", address)


def _changes(checker: _Checker, changes: Any) -> None:
    checker.expect(changes, (list, type(None)), "resource_changes")
    for index, entry in enumerate(changes or ()):
        change = entry.get("change") if type(entry) is dict else None
        if (
            type(change) is dict
            and type(entry.get("address")) is str
            and type(change.get("actions")) is list
            and all(type(action) is str for action in change["actions"])
            and type(change.get("after")) in _OPTIONAL_OBJECT
            and type(change.get("after_unknown")) in _UNKNOWN_FLAGS
            and type(entry.get("action_reason")) in _OPTIONAL_STRING
            and type(entry.get("previous_address")) in _OPTIONAL_STRING
        ):
            continue
        path = f"resource_changes[{index}]"
        checker.expect(entry, (dict,), path)
        address = entry.get("address")
        checker.expect(address, (str,), f"{path}.address")
        change = entry.get("change")
        checker.expect(change, _OPTIONAL_OBJECT, f"{path}.change", address)
        change = change or {}
        checker.strings(change.get("actions"), f"{path}.change.actions", address)
        checker.expect(change.get("after"), _OPTIONAL_OBJECT, f"{path}.change.after", address)
        unknown = change.get("after_unknown")
        checker.expect(unknown, _UNKNOWN_FLAGS, f"{path}.change.after_unknown", address)
        for key in ("action_reason", "previous_address"):
            checker.expect(entry.get(key), (str, type(None)), f"{path}.{key}", address)


def _configuration(checker: _Checker, configuration: Any) -> None:
    checker.expect(configuration, _OPTIONAL_OBJECT, "configuration")
    configuration = configuration or {}
    for name, entry in checker.objects(
        configuration.get("provider_config"), "configuration.provider_config"
    ).items():
        where = f"configuration.provider_config.{name}"
        checker.expect(entry.get("expressions"), _OPTIONAL_OBJECT, f"{where}.expressions")
        checker.expect(entry.get("module_address"), (str, type(None)), f"{where}.module_address")
    root = configuration.get("root_module")
    checker.expect(root, _OPTIONAL_OBJECT, "configuration.root_module")
    stack = [(root or {}, "configuration.root_module")]
    while stack:
        module, where = stack.pop()
        resources = module.get("resources")
        checker.expect(resources, (list, type(None)), f"{where}.resources")
        for index, resource in enumerate(resources or ()):
            _config_resource(checker, resource, f"{where}.resources[{index}]")
        for name, output in checker.objects(module.get("outputs"), f"{where}.outputs").items():
            checker.expect(output.get("expression"), _OPTIONAL_OBJECT, f"{where}.outputs.{name}.expression")
        for name, call in checker.objects(module.get("module_calls"), f"{where}.module_calls").items():
            call_path = f"{where}.module_calls.{name}"
            checker.expect(call.get("expressions"), _OPTIONAL_OBJECT, f"{call_path}.expressions")
            checker.strings(call.get("depends_on"), f"{call_path}.depends_on")
            checker.expect(call.get("providers"), _OPTIONAL_OBJECT, f"{call_path}.providers")
            checker.expect(call.get("module"), _OPTIONAL_OBJECT, f"{call_path}.module")
            stack.append((call.get("module") or {}, f"{call_path}.module"))


def _config_resource(checker: _Checker, resource: Any, path: str) -> None:
    checker.expect(resource, (dict,), path)
    address = resource.get("address")
    checker.expect(address, (str,), f"{path}.address")
    checker.expect(resource.get("expressions"), _OPTIONAL_OBJECT, f"{path}.expressions", address)
    for key in ("count_expression", "for_each_expression"):
        checker.expect(resource.get(key), _OPTIONAL_OBJECT, f"{path}.{key}", address)
    checker.strings(resource.get("depends_on"), f"{path}.depends_on", address)
    checker.expect(resource.get("provider_config_key"), (str, type(None)), f"{path}.provider_config_key")
    checker.strings(resource.get("provider_config_keys"), f"{path}.provider_config_keys", address)
