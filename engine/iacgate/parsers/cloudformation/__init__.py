"""CloudFormation and SAM templates (YAML or JSON) into the common resource graph."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from iacgate.errors import ParseError, Position
from iacgate.notifications import Notification
from iacgate.parsers import claims, node_types
from iacgate.parsers.base import ParseOptions, ParseResult
from iacgate.parsers.cloudformation.inputs import GIVEN_PSEUDO, child_candidates, template_url_hint
from iacgate.parsers.cloudformation.json_lines import load_json
from iacgate.parsers.cloudformation.loaded import Loaded, mapping
from iacgate.parsers.cloudformation.parameters import PARAMETER_TYPE, parameter_nodes
from iacgate.parsers.cloudformation.template import CeilingError, Environment, Stack
from iacgate.parsers.cloudformation.yaml_loader import load_yaml
from iacgate.textio import SourceFile, read_source

# Partition, then direction, then a number: eu-west-1, us-gov-west-1, cn-northwest-1, us-isob-east-1,
# eusc-de-east-1.
_AWS_REGION = re.compile(
    r"^([a-z]{2}(-gov|-iso[a-z]?)?|eusc-[a-z]{2})"
    r"-(north|south|east|west|central|northeast|northwest|southeast|southwest)-\d+$"
)


_REGION_HINT = {
    name: " (the region is --region)" for name in ("AWS::Region", "AWS::Partition", "AWS::URLSuffix")
}


def _unused_inputs(
    templates: Iterable[Loaded | ParseError], given: Mapping[str, Any], region: str | None
) -> list[Notification]:
    """Warnings as the AWS CLI would give them: a parameter value no scanned template declares (a typo
    leaves the real parameter at its default), and a region that is not one (placing every resource
    there as written)."""
    declared: set[str] = set()
    for template in templates:
        if not isinstance(template, Loaded):
            given = {}  # a template that did not load may declare it: no guess
        value = template.value if isinstance(template, Loaded) else None
        parameters = value.get("Parameters") if isinstance(value, dict) else None
        if isinstance(parameters, dict):
            declared.update(str(name) for name in parameters)
    notes = [
        Notification("warning", f"parameter {name} (--parameter or a parameters file) is declared by no "
                     "scanned template; its value is not used")
        for name in sorted(set(given) - declared)
        if not name.startswith("AWS::")
    ]  # fmt: skip
    notes.extend(
        Notification("warning", f"pseudo parameter {name} (--parameter or a parameters file) cannot be "
                     f"given, only {' and '.join(sorted(GIVEN_PSEUDO))}{_REGION_HINT.get(name, '')}; "
                     "its value is not used")
        for name in sorted(given)
        if name.startswith("AWS::") and name not in GIVEN_PSEUDO
    )  # fmt: skip
    if region is not None and not _AWS_REGION.match(region):
        notes.append(
            Notification("warning", f"--region {region!r} is not an AWS region name (such as eu-west-1)")
        )
    return notes


# CloudFormation accepts a template of 1 MB at most (from S3; 51,200 bytes inline). Reading one keeps
# every node's position: a 92 MB template took 157 s and 7.3 GB. Past this the file is refused, named.
MAX_TEMPLATE_CHARACTERS = 16 * 2**20


def load_template(source: SourceFile) -> Loaded:
    """JSON when the text opens like JSON, else YAML. A file not named ``.json`` that opens like JSON but is
    not JSON may be YAML in flow style (``{Resources: {...}}``), which CloudFormation deploys: it is read
    as YAML then, and when it is not YAML either, the JSON error is the one reported. A ``.json`` file
    that is not JSON is an error (its JSON error), never read as YAML. A text longer than
    ``MAX_TEMPLATE_CHARACTERS`` is refused."""
    if len(source.text) > MAX_TEMPLATE_CHARACTERS:
        size = len(source.text) / 2**20
        raise ParseError(
            Position(source.relative),
            f"template too large: {size:.0f} MiB of text; CloudFormation accepts 1 MB, iacgate reads "
            f"{MAX_TEMPLATE_CHARACTERS // 2**20} MiB at most: not read",
        )
    if source.text.lstrip().startswith(("{", "[")):
        try:
            return load_json(source.text, source.relative)
        except ParseError as not_json:
            if source.relative.lower().endswith(".json"):
                raise
            try:
                return load_yaml(source.text, source.relative)
            except ParseError:
                raise not_json from None
    return load_yaml(source.text, source.relative)


def read_parameter_file(path: Path) -> dict[str, str]:
    """The CLI's ``[{"ParameterKey", "ParameterValue"}]``, a ``{"Parameters": {...}}`` or plain mapping,
    a JSON list of ``"Key=Value"`` strings, or ``Key=Value`` pairs separated by blanks or lines."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ParseError(Position(str(path)), f"cannot read parameter file: {exc.strerror or exc}") from None
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError:
        data = text.split()
    if isinstance(data, dict):
        data = data.get("Parameters", data)
        if isinstance(data, dict):
            return {str(key): _string(value) for key, value in data.items()}
    values: dict[str, str] = {}
    for item in data if isinstance(data, list) else []:
        if isinstance(item, dict) and "ParameterKey" in item:
            if "ParameterValue" in item:
                values[str(item["ParameterKey"])] = _string(item["ParameterValue"])
        elif isinstance(item, str) and "=" in item:
            key, value = item.split("=", 1)
            values[key.strip()] = value.strip().strip("'\"")
        else:
            raise ParseError(Position(str(path)), f"parameter file entry not understood: {item!r}")
    return values


def _string(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_string(item) for item in value)
    return str(value)


class CloudFormationParser:
    format: str = node_types.CLOUDFORMATION
    suffixes: tuple[str, ...] = (".yaml", ".yml", ".json", ".template")

    def claims(self, source: SourceFile) -> bool:
        return claims.cloudformation(source)

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> tuple[ParseResult, ...]:
        loaded: dict[Path, Loaded | ParseError] = {}
        for source in sources:
            try:
                loaded[source.path.resolve()] = load_template(source)
            except ParseError as error:
                loaded[source.path.resolve()] = error
        notifications: list[Notification] = []
        try:
            given = self._given(options)
        except ParseError as error:
            notifications.append(Notification.from_parse_error(error))
            given = dict(options.parameters)
        root = options.scan_root.resolve()
        readable = options.readable
        children = self._children(sources, loaded, root)

        def load_child(parent: SourceFile, url: Any, logical_id: str) -> tuple[SourceFile, Loaded] | str:
            hint = template_url_hint(url)
            if hint is None:
                return "its TemplateURL cannot be resolved to a file"
            for candidate in child_candidates(parent.path, hint):
                path = candidate.resolve()
                # A TemplateURL is scanned content: only inside the scanned paths, never .git/config.
                if not path.is_relative_to(root) or readable.refusal(path) or not path.is_file():
                    continue
                relative = path.relative_to(root).as_posix()
                source = read_source(path, relative)
                found = loaded.get(path)
                if found is None:
                    found = loaded[path] = load_template(source)
                if isinstance(found, ParseError):
                    raise found
                return source, found
            return f"template {hint!r} not found inside the scanned tree"

        environment = Environment(
            options.region, given.get("AWS::StackName"), load_child, given.get("AWS::AccountId")
        )

        def parse_one(source: SourceFile) -> tuple[ParseResult, list[tuple[SourceFile, str]]]:
            found = loaded[source.path.resolve()]
            if isinstance(found, ParseError):
                raise found
            if not isinstance(found.value, dict):
                raise ParseError(
                    Position(source.relative, 1), "not a template: the document is not a mapping"
                )
            try:
                result = Stack(source, found, "", given, environment).evaluate()
            except RecursionError:  # a last resort: the ceilings on nesting and chains come first
                raise ParseError(Position(source.relative), "not evaluated: nested too deeply") from None
            except ParseError as error:
                if error.position.file == source.relative or isinstance(error, CeilingError):
                    raise
                # A nested template that cannot be read: the stack that uses it is not evaluated either.
                message = f"a nested stack's template cannot be parsed: {error}"
                raise ParseError(Position(source.relative), message) from None
            resources = tuple(result.resources)
            if PARAMETER_TYPE in options.config_nodes:
                resources += tuple(parameter_nodes(found, source.relative))
            unit = ParseResult(
                resources,
                tuple(result.edges),
                tuple(result.notifications),
                unresolved=tuple(result.unresolved),
            )
            return unit, result.nested

        # A file some template names as a nested stack is judged through that template only when it was
        # evaluated there: under a false condition, past the nesting depth, in a cycle or named by a
        # template that does not load, it is a root of its own. Unnamed files first, then the others in
        # order, each skipped when an earlier root reached it.
        units: dict[int, ParseResult] = {}
        reached: dict[Path, str] = {}
        for index in _root_order(sources, children, reached):
            source = sources[index]
            try:
                unit, nested = parse_one(source)
            except ParseError as error:
                notice = Notification.from_parse_error(error)
                units[index] = ParseResult(notifications=(notice,), unit=source.relative)
                continue
            units[index] = replace(unit, unit=source.relative, edges=_existing(unit))
            for child, parent in nested:
                reached.setdefault(child.path.resolve(), parent)
        for source in sources:
            if source.path.resolve() in reached:
                message = f"evaluated as the nested stack of {reached[source.path.resolve()]}"
                notifications.append(Notification("note", message, source.relative))
        notifications.extend(_unused_inputs(loaded.values(), given, options.region))
        return ParseResult(notifications=tuple(notifications)), *(units[index] for index in sorted(units))

    @staticmethod
    def _given(options: ParseOptions) -> dict[str, Any]:
        given: dict[str, Any] = {}
        for path in options.parameter_files:
            given.update(read_parameter_file(path))
        given.update(options.parameters)
        return given

    @staticmethod
    def _children(
        sources: Sequence[SourceFile], loaded: Mapping[Path, Loaded | ParseError], root: Path
    ) -> dict[Path, set[Path]]:
        """Claimed files that claimed parents name as a nested stack, with those parents."""
        children: dict[Path, set[Path]] = {}
        for source in sources:
            found = loaded.get(source.path.resolve())
            resources = (
                found.value.get("Resources")
                if isinstance(found, Loaded) and isinstance(found.value, dict)
                else None
            )
            for body in resources.values() if isinstance(resources, dict) else ():
                if not isinstance(body, dict) or body.get("Type") not in (
                    "AWS::CloudFormation::Stack",
                    "AWS::Serverless::Application",
                ):
                    continue
                props = mapping(body.get("Properties"))
                hint = template_url_hint(props.get("TemplateURL", props.get("Location")))
                for candidate in child_candidates(source.path, hint) if hint else ():
                    path = candidate.resolve()
                    if path.is_relative_to(root) and path in loaded and path != source.path.resolve():
                        children.setdefault(path, set()).add(source.path.resolve())
                        break
        return children


def _root_order(
    sources: Sequence[SourceFile], children: Mapping[Path, set[Path]], reached: Mapping[Path, str]
) -> Iterator[int]:
    """The files to evaluate as roots, by index, as ``reached`` grows: every file no template names, then
    each named file that no root has reached, its naming templates first (in a cycle, in file order)."""
    paths = [source.path.resolve() for source in sources]
    pending = [index for index, path in enumerate(paths) if path in children]
    yield from (index for index, path in enumerate(paths) if path not in children)
    while pending:
        open_ = {paths[index] for index in pending}
        ready = [index for index in pending if not children[paths[index]] & open_]
        index = (ready or pending)[0]
        pending.remove(index)
        if paths[index] not in reached:
            yield index
        pending = [other for other in pending if paths[other] not in reached]


def _existing(result: ParseResult) -> tuple[Any, ...]:
    """Edges to resources that are not created (a false condition, a failed child) point nowhere."""
    ids = {resource.id for resource in result.resources}
    return tuple(edge for edge in result.edges if edge.target in ids and edge.source in ids)


__all__ = ["CloudFormationParser", "read_parameter_file"]
