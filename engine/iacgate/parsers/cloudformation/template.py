"""One stack: parameters, conditions, resources (after ForEach and SAM), outputs and nested stacks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

from iacgate.casing import snake
from iacgate.errors import ParseError, Position
from iacgate.graph.model import (
    ATTRIBUTES_UNKNOWN,
    Edge,
    Resource,
    SourceLocation,
    Unknown,
    ValueOrigin,
    path_text,
)
from iacgate.notifications import Notification
from iacgate.parsers.base import UnresolvedModule
from iacgate.parsers.cloudformation import foreach, sam
from iacgate.parsers.cloudformation.inputs import (
    NO_REGION,
    number_parameters,
    parameter_values,
    pseudo_parameters,
    template_url_hint,
)
from iacgate.parsers.cloudformation.intrinsics import NO_VALUE, Evaluator, Tri, normalise, text
from iacgate.parsers.cloudformation.loaded import CustomTag, Entry, Loaded, Path, mapping
from iacgate.parsers.cloudformation.names import type_table
from iacgate.parsers.jsontext import kind
from iacgate.redaction import shorten
from iacgate.textio import SourceFile

KNOWN_TRANSFORMS = frozenset(
    {
        "AWS::Serverless-2016-10-31",
        "AWS::LanguageExtensions",
        "AWS::CodeDeployBlueGreen",
        # Leaves the template as written but for a nested stack holding the rotation function of each
        # RotationSchedule with a HostedRotationLambda, which is reported as not evaluated.
        "AWS::SecretsManager-2020-07-23",
        "AWS::SecretsManager-2024-09-16",
    }
)
_MAX_DEPTH = 8
# What one root template with all its nested stacks may evaluate: a template naming another ten times,
# nested eight deep, is 10^8 stacks; past a ceiling the unit is refused (exit 3) naming where.
MAX_STACKS = 1_000
MAX_RESOURCES = 50_000
# A condition naming a condition naming a condition...: each link is a few Python frames.
MAX_CONDITION_CHAIN = 64


class CeilingError(ParseError):
    """One unit passed a ceiling of evaluation: it is refused as a whole, naming the file and line."""


@dataclass
class Budget:
    """What one root template and its nested stacks have evaluated so far (shared along the nesting)."""

    root: str
    stacks: int = 0
    resources: int = 0


def _suppressions(metadata: Any) -> dict[str, Any] | None:
    """``Metadata: {iacgate: {ignore: [{rule, reason}]}}`` reduced to plain strings (tags and dates in
    a template must not reach the graph document); waivers.inline_suppressions judges the entries."""
    block = metadata.get("iacgate") if isinstance(metadata, dict) else None
    entries = block.get("ignore") if isinstance(block, dict) else None
    if not isinstance(entries, list):
        return None
    kept = [
        {key: entry[key] for key in ("rule", "reason") if isinstance(entry.get(key), str)}
        for entry in entries
        if isinstance(entry, dict)
    ]
    return {"ignore": kept}


def resource_body(document: Any, path: Path) -> dict[str, Any] | None:
    """The mapping at ``path`` in ``document`` when it looks like a resource's body (it has a ``Type``)."""
    body: Any = document
    for key in path:
        if isinstance(body, dict) and isinstance(key, str):
            body = body.get(key)
        elif isinstance(body, list) and isinstance(key, int) and 0 <= key < len(body):
            body = body[key]
        else:
            return None
    return body if isinstance(body, dict) and isinstance(body.get("Type"), str) else None


def suppressed_rules(body: dict[str, Any]) -> frozenset[str]:
    """The rules a resource's Metadata suppresses."""
    found = _suppressions(body.get("Metadata"))
    return frozenset(entry["rule"] for entry in found["ignore"] if "rule" in entry) if found else frozenset()


@dataclass(frozen=True)
class Environment:
    """What every stack of a scan shares: region, pseudo parameters and how child templates are read."""

    region: str | None
    stack_name: str | None
    load_child: Callable[[SourceFile, Any, str], tuple[SourceFile, Loaded] | str]
    account_id: str | None = None  # the same for nested stacks, unlike the stack name


@dataclass
class StackResult:
    resources: list[Resource] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    outputs: dict[str, Any] = field(default_factory=dict)
    # (child template, the template whose stack resource evaluated it): files judged through a parent.
    nested: list[tuple[SourceFile, str]] = field(default_factory=list)
    # What holds resources that were not evaluated (a remote nested stack, a loop over an unknown list, a
    # pre-processor's Type): coverage reports them and --fail-on-undetermined blocks on them.
    unresolved: list[UnresolvedModule] = field(default_factory=list)


class Stack:
    def __init__(
        self,
        source: SourceFile,
        loaded: Loaded,
        prefix: str,
        given: Mapping[str, Any],
        env: Environment,
        depth: int = 0,
        budget: Budget | None = None,
        ancestors: tuple[FilePath, ...] = (),
    ) -> None:
        self.source, self.loaded, self.prefix, self.env, self.depth = source, loaded, prefix, env, depth
        self.budget = budget if budget is not None else Budget(source.relative)
        # The templates on the nesting path from the root to this one, this one last: a stack resource
        # naming one of them is a cycle, refused rather than evaluated forever.
        self.ancestors = (*ancestors, source.path.resolve())
        self.doc: dict[str, Any] = loaded.value
        self.result = StackResult()
        self.table = type_table()
        stack_name = env.stack_name if depth == 0 else None
        names = {
            **pseudo_parameters(env.region, stack_name, env.account_id),
            **parameter_values(self.doc.get("Parameters"), given),
        }
        mappings = mapping(self.doc.get("Mappings"))
        self.conditions: dict[str, Tri] = {}
        self.added_conditions: dict[str, Any] = {}  # what SAM adds to the template's Conditions
        self._active: set[str] = set()
        self.children: dict[str, StackResult | None] = {}
        self.entries: dict[str, Entry] = {}
        self.ev = Evaluator(
            names, frozenset(), mappings, self.condition, self.get_att, snake, self.table.verbatim
        )
        declared = mapping(self.doc.get("Parameters"))
        self.ev.numbers = number_parameters(declared)
        self.ev.defaults = frozenset(
            name for name, spec in declared.items() if isinstance(spec, dict) and "Default" in spec
        ) - frozenset(given)
        self._check_allowed(declared, names)

    def _check_allowed(self, declared: Mapping[str, Any], values: Mapping[str, Any]) -> None:
        """A parameter value (given or its Default) outside its AllowedValues is one CloudFormation refuses:
        evaluated as given, with a warning (a typo such as Env=prdo would otherwise read as a real value)."""
        for name, spec in declared.items():
            allowed = spec.get("AllowedValues") if isinstance(spec, dict) else None
            value = values.get(name)
            if not isinstance(allowed, list) or isinstance(value, Unknown):
                continue
            texts = {text(item) for item in allowed}
            outside = [item for item in (value if isinstance(value, list) else [value])
                       if text(item) is not None and text(item) not in texts]  # fmt: skip
            if outside:
                secret = str(spec.get("NoEcho")).lower() == "true"  # a NoEcho value is never shown
                shown = "a NoEcho value" if secret else f"the value {shorten(str(outside[0]))!r}"
                where = "given" if name not in self.ev.defaults else "its Default"
                message = f"parameter {name} has {shown} ({where}), not one of its AllowedValues"
                self.warn(f"{message}; CloudFormation refuses it", self.line(("Parameters", name)))

    # -- helpers used by the evaluator ------------------------------------------------------------
    def condition(self, name: str) -> Tri:
        if name in self.conditions:
            return self.conditions[name]
        declared = {**mapping(self.doc.get("Conditions")), **self.added_conditions}
        if name not in declared:
            return Unknown(f"no condition named {name}")
        if name in self._active:
            return Unknown(f"condition {name} refers to itself")
        if len(self._active) >= MAX_CONDITION_CHAIN:
            self.ceiling(
                f"a chain of more than {MAX_CONDITION_CHAIN} conditions", self.line(("Conditions", name))
            )
        self._active.add(name)
        state: Tri = self._side(lambda ev: ev.condition_value(declared[name], ("Conditions", name)))
        self._active.discard(name)
        self.conditions[name] = state
        return state

    def _side(self, work: Callable[[Evaluator], Any]) -> Any:
        """Evaluate without disturbing the references and lines of the resource being resolved."""
        saved = (self.ev.refs, self.ev.lines, self.ev.line_of)
        self.ev.refs, self.ev.lines = [], None
        try:
            return work(self.ev)
        finally:
            self.ev.refs, self.ev.lines, self.ev.line_of = saved

    def get_att(self, target: str, attribute: str) -> Any:
        entry = self.entries.get(target)
        if entry is None or not attribute.startswith("Outputs.") or not _is_stack(entry):
            return None
        child = self.child(target)
        return child.outputs.get(attribute[len("Outputs.") :]) if child is not None else None

    def warn(self, message: str, line: int = 0) -> None:
        self.result.notifications.append(Notification("warning", message, self.source.relative, line))

    def line(self, path: Path) -> int:
        return self.loaded.lines.get(path, 0)

    # -- evaluation ---------------------------------------------------------------------------------
    def error(self, message: str, line: int = 0) -> None:
        self.result.notifications.append(Notification("error", message, self.source.relative, line))

    def evaluate(self) -> StackResult:
        transforms = self.doc.get("Transform")
        transforms = transforms if isinstance(transforms, list) else [transforms] if transforms else []
        names = [str(t.get("Name") if isinstance(t, dict) else t) for t in transforms]
        macros = [name for name in names if name not in KNOWN_TRANSFORMS]
        if macros:
            # What a macro makes of the template is unknown here, and unknown is never a pass: adding a
            # Transform must not hide a template's resources from the gate (#13). The processed template
            # (get-template --template-stage Processed) is what to scan.
            self.error(
                f"not evaluated: macro {', '.join(macros)} must run first (scan the processed template: "
                "aws cloudformation get-template --template-stage Processed)",
                self.line(("Transform",)),
            )
            return self.result
        # Without a macro to rewrite it, a template of the wrong shape is one CloudFormation refuses:
        # an error (the gate fails closed), never a template read as empty.
        for section in _SECTIONS:
            value = self.doc.get(section)
            if value is not None and not isinstance(value, dict):
                self.error(f"not a valid template: {section} is {_kind(value)}, expected a mapping",
                           self.line((section,)))  # fmt: skip
                return self.result
        resources = self.doc.get("Resources")
        if not isinstance(resources, dict):
            self.error("not a valid template: it has no Resources", self.line(("Resources",)))
            return self.result
        warnings: list[foreach.Unexpanded] = []
        try:
            entries = foreach.expand_for_each(
                resources, ("Resources",), lambda v, p: self._side(lambda ev: ev.resolve(v, p)), warnings
            )
        except foreach.TooLarge as error:
            self.ceiling(error.what, self.line(error.path))
        if sam.is_sam(self.doc, entries):
            expander = sam.SamExpander(self.doc)
            entries = expander.expand(entries)
            self.added_conditions = expander.conditions
        self.entries = {entry.logical_id: entry for entry in entries}
        self.ev.resources = frozenset(self.entries)
        for entry in entries:
            self._resource(entry)
        self._outputs()
        for loop in warnings:
            line = self.line(loop.path)
            self.unresolved(loop.key, loop.key, line, f"not expanded: {loop.reason}")
        for message, line in dict.fromkeys(self.ev.warnings):
            self.warn(message, line)
        return self.result

    def unresolved(self, name: str, source: str, line: int, reason: str) -> None:
        """Resources not evaluated: a warning at ``line``, and an unresolved part the gate can block on."""
        self.warn(f"{name} {reason}" if name.startswith("Fn::ForEach::") else reason, line)
        item = UnresolvedModule(self.prefix + name, shorten(source), self.source.relative, line, reason)
        self.result.unresolved.append(item)

    def _resource(self, entry: Entry) -> None:
        body = entry.body
        start = self.line(entry.origin)
        kind = body.get("Type") if isinstance(body, dict) else None
        if isinstance(kind, CustomTag):
            why = f"its Type is the pre-processor tag !{kind.tag}, which must run first"
            message = f"resource {self.prefix}{entry.logical_id} not evaluated: {why}"
            self.unresolved(entry.logical_id, f"!{kind.tag}", start, message)
            return
        problem = _body_problem(body)
        if problem is not None:
            self.error(f"resource {entry.logical_id} not evaluated: {problem}", start)
            return
        metadata: dict[str, Any] = {"logical_id": entry.logical_id}
        if isinstance(body.get("Condition"), str):
            state = self.condition(body["Condition"])
            if state is False:
                return
            metadata["condition"] = body["Condition"]
            if isinstance(state, Unknown):
                metadata["condition_unknown"] = state.reason
        self.budget.resources += 1
        if self.budget.resources > MAX_RESOURCES:
            self.ceiling(f"with its nested stacks it has more than {MAX_RESOURCES:,} resources", start)
        native = body["Type"]
        info = self.table.lookup(native)
        lines: dict[Path, int] = {}
        self.ev.refs, self.ev.lines, self.ev.origins = [], lines, {}
        self.ev.line_of = self._line_lookup(entry)
        attributes, tags = self._properties(entry, info.renames, lines)
        refs, origins = self.ev.refs, self.ev.origins
        self.ev.refs, self.ev.lines, self.ev.origins = [], None, {}
        if isinstance(attributes, Unknown):
            # Rules then read no property, and each is undetermined on the resource (never a pass).
            metadata[ATTRIBUTES_UNKNOWN] = f"Properties: {attributes.reason}"
            attributes = {}
        elif isinstance(attributes, str):
            self.error(f"resource {entry.logical_id} not evaluated: its Properties are {attributes}, "
                       "expected a mapping", self.line((*entry.origin, "Properties")) or start)  # fmt: skip
            return
        for key in ("DeletionPolicy", "UpdateReplacePolicy"):
            # AWS::LanguageExtensions lets them be a Ref to a parameter or an Fn::If: resolved, or unknown.
            policy = self._side(_resolver(body[key], (*entry.origin, key))) if key in body else None
            if isinstance(policy, str | Unknown):
                metadata[snake(key)] = policy
        if entry.generated_by:
            metadata["sam_resource"] = entry.generated_by
        suppressions = _suppressions(body.get("Metadata"))
        if suppressions is not None:
            metadata["iacgate"] = suppressions
        resource_id = self.prefix + entry.logical_id
        end = max(self.loaded.ends.get(entry.origin, start), start)
        self.result.resources.append(Resource(
            id=resource_id, format="cloudformation", native_type=native, type=info.canonical, provider="aws",
            region=self.env.region or NO_REGION,
            region_source="scan option (--region, cloudformation.region)" if self.env.region else "not given",
            attributes=attributes, tags=tags,
            location=SourceLocation(self.source.relative, start, end,
                                    {path_text(path): line for path, line in lines.items()},
                                    {path_text(path): ValueOrigin(text) for path, text in origins.items()}),
            metadata=metadata,
        ))  # fmt: skip
        for target, attribute in refs:
            self.result.edges.append(Edge(resource_id, self.prefix + target, "reference", attribute))
        depends = body.get("DependsOn")
        for target in [depends] if isinstance(depends, str) else depends if isinstance(depends, list) else []:
            if isinstance(target, str):
                self.result.edges.append(Edge(resource_id, self.prefix + target, "depends_on"))
        if native == "AWS::SecretsManager::RotationSchedule" and "HostedRotationLambda" in mapping(
            body.get("Properties")
        ):
            why = (
                f"the rotation function of {resource_id} (HostedRotationLambda) not evaluated: the "
                "AWS::SecretsManager transform makes it in a nested stack from a Secrets Manager template"
            )
            self.unresolved(entry.logical_id, "AWS::SecretsManager transform", start, why)  # fmt: skip
        if _is_stack(entry):
            child = self.child(entry.logical_id, attributes.get("parameters"))
            if child is not None:
                self.result.resources.extend(child.resources)
                self.result.edges.extend(child.edges)
                self.result.notifications.extend(child.notifications)
                self.result.nested.extend(child.nested)
                self.result.unresolved.extend(child.unresolved)

    def _line_lookup(self, entry: Entry) -> Callable[[Path], int | None]:
        lines, origin, sources = self.loaded.lines, entry.origin, entry.sources
        cut = len(origin) + 2
        if not sources:
            return lines.get

        def lookup(path: Path) -> int | None:
            source = sources.get(str(path[cut - 1])) if len(path) >= cut else None
            if source is None:
                return lines.get(path) if entry.generated_by == entry.logical_id else None
            return lines.get((*source, *path[cut:])) or lines.get(source)

        return lookup

    def _properties(
        self, entry: Entry, renames: Mapping[str, str], lines: dict[Path, int]
    ) -> tuple[dict[str, Any] | Unknown | str, dict[str, Any]]:
        """The attributes and tags; when ``Properties`` as a whole resolves to no mapping, an ``Unknown``
        (a value known only at deploy time) or what it is instead (CloudFormation refuses the template)."""
        raw = entry.body.get("Properties", {})
        base = (*entry.origin, "Properties")
        transform = next((key for key in ("Fn::Transform", "Transform") if key in entry.body), None)
        if transform is not None:
            # A macro on the resource itself rewrites all of it: its properties are what the macro makes.
            raw, base = {"Fn::Transform": entry.body[transform]}, (*entry.origin, transform)
        if isinstance(raw, dict) and any(str(key).startswith("Fn::ForEach::") for key in raw):
            raw = foreach.expand_in_mapping(raw, lambda items: self._side(lambda ev: ev.resolve(items, base)))
        if isinstance(raw, Unknown):
            return raw, {}
        if (
            not isinstance(raw, dict)
            or "Fn::Transform" in raw
            or (len(raw) == 1 and any(k == "Ref" or k.startswith("Fn::") for k in raw))
        ):
            raw = self.ev.resolve(raw, base)
            if raw is NO_VALUE or raw is None:
                return {}, {}
            if isinstance(raw, Unknown):
                return raw, {}
            if not isinstance(raw, dict):
                return _kind(raw), {}
        attributes: dict[str, Any] = {}
        tags: dict[str, Any] = {}
        for key, value in raw.items():
            name = renames.get(key) or snake(key)
            keep = key not in self.table.verbatim and key != "Tags"
            resolved = self.ev.resolve(value, (*base, key), (name,), keep)
            if resolved is NO_VALUE:
                continue
            if key == "Tags":
                resolved = tags = _tag_mapping(resolved)
                _tag_lines(value, (*base, key), lines, self.ev.line_of)
            attributes[name] = normalise(resolved) if keep else resolved
            line = self.ev.line_of((*base, key))
            if line:
                lines[(name,)] = line
        return attributes, tags

    def _outputs(self) -> None:
        outputs = mapping(self.doc.get("Outputs"))
        for name, spec in outputs.items():
            if not isinstance(spec, dict) or "Value" not in spec:
                continue
            if isinstance(spec.get("Condition"), str) and self.condition(spec["Condition"]) is False:
                continue
            self.result.outputs[name] = self._side(_resolver(spec["Value"], ("Outputs", name, "Value")))

    # -- nested stacks ------------------------------------------------------------------------------
    def child(self, logical_id: str, parameters: Any = None) -> StackResult | None:
        if logical_id in self.children:
            return self.children[logical_id]
        self.children[logical_id] = None  # a cycle through outputs resolves to "unknown", not a loop
        entry = self.entries[logical_id]
        line = self.line(entry.origin)
        props = mapping(entry.body.get("Properties"))
        url = props.get("TemplateURL", props.get("Location"))
        written = url if isinstance(url, str) else template_url_hint(url) or "(computed)"
        if self.depth >= _MAX_DEPTH:
            why = f"nested stack {self.prefix}{logical_id} not evaluated: nesting deeper than {_MAX_DEPTH}"
            self.unresolved(logical_id, written, line, why)
            return None
        found = self.env.load_child(self.source, url, logical_id)
        if isinstance(found, str):
            self.unresolved(
                logical_id, written, line, f"nested stack {self.prefix}{logical_id} not evaluated: {found}"
            )
            return None
        if parameters is None:
            parameters = self._side(
                lambda ev: ev.resolve(props.get("Parameters", {}), (*entry.origin, "Properties"))
            )
        given = parameters if isinstance(parameters, dict) else {}
        source, loaded = found
        if not isinstance(loaded.value, dict):
            self.warn(f"nested stack {self.prefix}{logical_id}: {source.relative} is not a template", line)
            return None
        if source.path.resolve() in self.ancestors:
            # CloudFormation cannot create a stack that contains itself; evaluating it would never end.
            why = "a cycle of nested stacks, which CloudFormation cannot create"
            self.error(f"nested stack {self.prefix}{logical_id} not evaluated: its template "
                       f"{source.relative} contains this stack ({why})", line)  # fmt: skip
            return None
        self.budget.stacks += 1
        if self.budget.stacks > MAX_STACKS:
            self.ceiling(f"with its nested stacks it has more than {MAX_STACKS:,} nested stacks", line)
        child = Stack(
            source, loaded, f"{self.prefix}{logical_id}/", given, self.env, self.depth + 1,
            self.budget, self.ancestors,
        ).evaluate()  # fmt: skip
        child.nested.insert(0, (source, self.source.relative))
        self.children[logical_id] = child
        return child

    def ceiling(self, what: str, line: int) -> None:
        message = f"template {self.budget.root} not evaluated: {what}"
        raise CeilingError(Position(self.source.relative, line), f"{message} (a ceiling of iacgate)")


_SECTIONS = ("Parameters", "Mappings", "Conditions", "Resources", "Outputs")


def _kind(value: Any) -> str:
    return kind(value, mapping="a mapping")


def _body_problem(body: Any) -> str | None:
    """Why a resource body cannot be read (CloudFormation would refuse the template), else None."""
    if not isinstance(body, dict):
        return f"its definition is {_kind(body)}, expected a mapping"
    kind = body.get("Type")
    if not isinstance(kind, str) or not kind:
        return "it has no Type" if kind in (None, "") else f"its Type is {_kind(kind)}, expected a string"
    properties = body.get("Properties")
    # A single intrinsic (Fn::If, Ref...) may stand for the whole mapping; anything else must be one.
    if properties is not None and not isinstance(properties, dict | CustomTag):
        return f"its Properties are {_kind(properties)}, expected a mapping"
    return None


def _resolver(value: Any, raw: Path) -> Callable[[Evaluator], Any]:
    return lambda ev: ev.resolve(value, raw)


def _is_stack(entry: Entry) -> bool:
    return isinstance(entry.body, dict) and entry.body.get("Type") == "AWS::CloudFormation::Stack"


def _tag_mapping(value: Any) -> Any:
    if isinstance(value, list):
        tags: dict[str, Any] = {}
        for item in value:
            if isinstance(item, dict) and isinstance(item.get("Key"), str):
                tags[item["Key"]] = item.get("Value")
        return tags
    return value if isinstance(value, dict) else {}


def _tag_lines(raw: Any, base: Path, lines: dict[Path, int], line_of: Callable[[Path], int | None]) -> None:
    """Tags become a mapping, so their lines are keyed ``tags.<Key>`` instead of ``tags[i].Key``."""
    for path in [path for path in lines if path and path[0] == "tags"]:
        del lines[path]
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        line = line_of((*base, index))
        if isinstance(item, dict) and isinstance(item.get("Key"), str) and line:
            lines[("tags", item["Key"])] = line
