"""A module instance: the scope its expressions are evaluated in, and the module calls it makes.

Everything is computed lazily and memoised: a local, a variable, an output or a resource instance is
evaluated the first time something reads it, so locals resolve in dependency order whatever order they
are written in, and a cycle becomes an ``Unknown`` rather than a hang.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from iacgate.graph.model import Unknown, ValueOrigin
from iacgate.parsers.terraform.config import META_ARGUMENTS, ModuleConfig, ResourceConfig
from iacgate.parsers.terraform.expressions import Evaluator
from iacgate.parsers.terraform.functions import FunctionContext
from iacgate.parsers.terraform.instances import Body, Expansion, evaluate_resource_body, expand, safe_value
from iacgate.parsers.terraform.policy_document import OUTPUTS as POLICY_OUTPUTS
from iacgate.parsers.terraform.policy_document import TYPE as POLICY_DOCUMENT
from iacgate.parsers.terraform.policy_document import policy_json
from iacgate.parsers.terraform.providers import (
    ProviderConfig,
    passed_providers,
    provider_config,
    required_types,
)
from iacgate.parsers.terraform.syntax import Expr, input_variable
from iacgate.parsers.terraform.types import convert
from iacgate.parsers.terraform.values import EvalError, LazyObject, computed_view, key_text

if TYPE_CHECKING:
    from iacgate.parsers.terraform.program import Program

_PENDING = object()


@dataclass
class ResourceInstance:
    config: ResourceConfig
    address: str
    key: str | int | None
    env: dict[str, Any]
    expansion: Expansion
    expansion_references: frozenset[str] = frozenset()
    body: Body | None = None


class ModuleInstance:
    def __init__(
        self,
        program: Program,
        config: ModuleConfig,
        address: str,
        call_path: tuple[str, ...],
        inputs: Callable[[str], tuple[bool, Any]],
        providers: dict[str, ProviderConfig],
    ) -> None:
        self.program = program
        self.config = config
        self.address = address
        self.call_path = call_path
        self._inputs = inputs
        # The instance that called this one and the call's name (None for a root module).
        self.caller: tuple[ModuleInstance, str] | None = None
        self._memo: dict[tuple[str, str], Any] = {}
        self._instances: dict[str, list[ResourceInstance]] = {}
        self._children: dict[str, dict[str | int | None, ModuleInstance] | Unknown] = {}
        self.functions = FunctionContext(program.file_reader(config), program.template_parser, program.budget)
        self.evaluator = Evaluator(self)
        self.providers = dict(providers)
        self.provider_types = required_types(located.block for located in config.settings)
        for located in config.providers:
            note = f" (declared in {address})" if address else ""
            configured = provider_config(located.block, self.evaluator, note, self.provider_types)
            self.providers[configured.name] = configured

    def prefix(self, text: str) -> str:
        return f"{self.address}.{text}" if self.address else text

    # Scope -----------------------------------------------------------------------------------------
    def root(self, name: str, ops: list[Expr], evaluator: Evaluator) -> tuple[Any, int]:
        first = ops[0][1] if ops and ops[0][0] == "A" else None
        if name == "var" and first is not None:
            return self._remember("var", first, lambda: self.variable(first)), 1
        if name == "local" and first is not None:
            return self._remember("local", first, lambda: self._local(first)), 1
        if name == "path" and first in ("module", "root"):
            return (self.program.module_path(self.config) if first == "module" else "."), 1
        if name == "path" and first == "cwd":
            return Unknown("path.cwd is the absolute directory Terraform runs in"), 1
        if name == "terraform" and first == "workspace":
            return Unknown("terraform.workspace is the workspace selected when Terraform runs"), 1
        if name == "module" and first is not None:
            return self._module_value(first), 1
        if name == "data" and first is not None and len(ops) > 1 and ops[1][0] == "A":
            return self._resource_value(f"data.{first}.{ops[1][1]}"), 2
        if name == "ephemeral" and first is not None and len(ops) > 1 and ops[1][0] == "A":
            key = f"{first}.{ops[1][1]}"
            if key not in self.config.ephemerals:
                raise EvalError(f"reference to undeclared ephemeral resource ephemeral.{key}")
            return Unknown(f"ephemeral.{key} is opened when Terraform runs: its values are in no file"), 2
        if name in ("each", "count", "self"):
            raise EvalError(f"{name} is not available here")
        if first is not None and f"{name}.{first}" in self.config.resources:
            return self._resource_value(f"{name}.{first}"), 1
        if first is not None:
            raise EvalError(f"reference to undeclared {name}.{first}")
        raise EvalError(f"unknown name {name!r}")

    def _remember(self, kind: str, name: str, compute: Callable[[], Any]) -> Any:
        key = (kind, name)
        cached = self._memo.get(key)
        if cached is _PENDING:
            return Unknown(f"{kind}.{name} refers to itself (cycle)")
        if cached is None:
            self._memo[key] = _PENDING
            try:
                cached = self.program.tracker.collect(compute)
            finally:
                if self._memo.get(key) is _PENDING:
                    del self._memo[key]
            self._memo[key] = cached
        value, references = cached
        self.program.tracker.add_all(references)
        if isinstance(value, EvalError):
            raise value
        return value

    def variable(self, name: str) -> Any:
        located = self.config.variables.get(name)
        if located is None:
            raise EvalError(f"reference to undeclared input variable {name!r}")
        type_attribute = located.block.attributes.get("type")
        constraint = type_attribute.expr if type_attribute is not None else None
        given, value = self._inputs(name)
        if given and not (
            value is None and "default" in located.block.attributes and _not_nullable(located.block)
        ):
            return convert(value, constraint)
        default = located.block.attributes.get("default")
        if default is None:
            return Unknown(f"variable '{name}' has no value")
        return convert(safe_value(self.evaluator, default.expr, f"default of variable {name}"), constraint)

    def input_origin(self, name: str) -> ValueOrigin | None:
        """Where the value of ``var.<name>`` was decided, when not by the root's inputs (tfvars, --var):
        the argument of the module call that passed it (followed up through callers that pass their own
        variable straight on), or the variable's default."""
        located = self.config.variables.get(name)
        if located is None:
            return None
        if self.caller is not None:
            parent, call = self.caller
            site = parent.config.calls[call]
            argument = site.block.attributes.get(name)
            if argument is not None:
                passed = input_variable(argument.expr)
                if passed is not None:
                    deeper = parent.input_origin(passed)
                    if deeper is not None:
                        # Decided in a calling module: the finding belongs there, not in this module.
                        return replace(deeper, decides=bool(deeper.file))
                return ValueOrigin(
                    f"argument {name} of module.{call}", site.file_of(name), argument.line, decides=True
                )
        elif self._inputs(name)[0]:
            return None
        default = located.block.attributes.get("default")
        if default is None:
            return None
        return ValueOrigin(f"the default of variable {name}", located.file_of("default"), default.line)

    def _local(self, name: str) -> Any:
        entry = self.config.locals.get(name)
        if entry is None:
            return EvalError(f"reference to undeclared local value {name!r}")
        try:
            return self.evaluator.value(entry[0].expr)
        except EvalError as error:
            return Unknown(f"local.{name} could not be evaluated: {error}")

    # resources -----------------------------------------------------------------------------------
    def instances(self, key: str) -> list[ResourceInstance]:
        found = self._instances.get(key)
        if found is None:
            config = self.config.resources[key]
            self._instances[key] = []
            expansion, references = self.program.tracker.collect(
                lambda: expand(config.block, self.evaluator, self.prefix(key))
            )
            if expansion.error:
                # No instance is built: the error is the only trace of the resource, and fails the gate.
                self.program.note("error", expansion.error, config.file, config.block.start)
            found = [
                ResourceInstance(
                    config,
                    self.prefix(key) + (key_text(index) if index is not None else ""),
                    index,
                    env,
                    expansion,
                    frozenset(references),
                )
                for index, env in expansion.instances
            ]
            self._instances[key] = found
        return found

    def body(self, instance: ResourceInstance) -> Body | None:
        if instance.body is None:
            if instance.address in self.program.evaluating:
                return None
            self.program.evaluating.add(instance.address)
            try:
                evaluator = Evaluator(self, dict(instance.env))
                instance.body = evaluate_resource_body(
                    instance.config.block, evaluator, self.program.tracker, META_ARGUMENTS
                )
            finally:
                self.program.evaluating.discard(instance.address)
        return instance.body

    def _resource_object(self, instance: ResourceInstance) -> LazyObject:
        later = "read when the data source is read" if instance.config.mode == "data" else "known after apply"

        def get(name: str) -> Any:
            self.program.tracker.add(instance.address)
            body = self.body(instance)
            if body is None:
                return Unknown(f"{instance.address} refers to itself (cycle)")
            if (
                instance.config.mode == "data"
                and instance.config.type == POLICY_DOCUMENT
                and name in POLICY_OUTPUTS
            ):
                return policy_json(body.attributes, name, instance.address)
            if name in body.attributes and body.attributes[name] is not None:
                return computed_view(body.attributes[name], f"{instance.address}.{name}")
            return Unknown(f"depends on {instance.address}.{name}, {later}")

        def names() -> list[str]:
            self.program.tracker.add(instance.address)
            body = self.body(instance)
            return list(body.attributes) if body is not None else []

        return LazyObject(instance.address, get, names, later)

    def _resource_value(self, key: str) -> Any:
        if key not in self.config.resources:
            raise EvalError(f"reference to undeclared resource {key}")
        found = self.instances(key)
        expansion = found[0].expansion if found else None
        if expansion is not None and expansion.unknown_reason:
            for instance in found:
                self.program.tracker.add(instance.address)
            return Unknown(f"{self.prefix(key)} has an unknown number of instances")
        block = self.config.resources[key].block
        if "count" in block.attributes:
            return [self._resource_object(instance) for instance in found]
        if "for_each" in block.attributes:
            return {str(instance.key): self._resource_object(instance) for instance in found}
        return self._resource_object(found[0]) if found else None

    # module calls --------------------------------------------------------------------------------
    def children(self, name: str) -> dict[str | int | None, ModuleInstance] | Unknown:
        found = self._children.get(name)
        if found is None:
            self._children[name] = Unknown(f"module.{name} refers to itself (cycle)")
            found = self.program.call(self, name)
            self._children[name] = found
        return found

    def _module_value(self, name: str) -> Any:
        if name not in self.config.calls:
            raise EvalError(f"reference to undeclared module {name!r}")
        found = self.children(name)
        if isinstance(found, Unknown):
            return found
        block = self.config.calls[name].block
        objects = {key: self._module_object(child) for key, child in found.items()}
        if "count" in block.attributes:
            return list(objects.values())
        if "for_each" in block.attributes:
            return {str(key): value for key, value in objects.items()}
        return objects.get(None, Unknown(f"module.{name} has an unknown number of instances"))

    def _module_object(self, child: ModuleInstance) -> LazyObject:
        return LazyObject(child.address, child.output, lambda: list(child.config.outputs))

    def output(self, name: str) -> Any:
        located = self.config.outputs.get(name)
        if located is None:
            return Unknown(f"{self.address} has no output {name!r}")
        expression = located.block.attributes.get("value")
        if expression is None:
            return None
        return self._remember(
            "output", name, lambda: safe_value(self.evaluator, expression.expr, f"output {name}")
        )

    def module_providers(self, name: str, child_address: str) -> dict[str, ProviderConfig]:
        return passed_providers(self.config.calls[name].block, self.providers, child_address)

    def call_input(self, name: str, env: dict[str, Any]) -> Callable[[str], tuple[bool, Any]]:
        block = self.config.calls[name].block
        evaluator = Evaluator(self, env)

        def given(variable: str) -> tuple[bool, Any]:
            attribute = block.attributes.get(variable)
            if (
                attribute is None
                or variable in META_ARGUMENTS
                or variable in ("source", "version", "providers")
            ):
                return False, None
            value, references = self.program.tracker.collect(
                lambda: safe_value(evaluator, attribute.expr, f"module.{name} input {variable}")
            )
            self.program.tracker.add_all(references)
            return True, value

        return given


def _not_nullable(block: Any) -> bool:
    attribute = block.attributes.get("nullable")
    return attribute is not None and attribute.expr == ("L", False)
