"""The default evaluator: rego-cpp (regopy) in-process, one query per resource against a bundle per type.

Each canonical type gets a generated router package whose ``results`` object maps rule ids to the rules'
``deny`` sets, so a resource is evaluated in one query against exactly the rules that apply to its type.
Measured (DESIGN.md): a whole-graph query iterating a large array is quadratic in regopy, per-resource
queries are linear. Each type's router is compiled into a bundle of its own holding only the modules its
rules reach (``closure.py``): rego-cpp's cost per query grows with every module in the bundle queried.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regopy
from regopy.rego_shared import rego_set_strict_builtin_errors

from iacgate.cache import cache_base, write_atomically
from iacgate.errors import EvaluationError, PackError
from iacgate.evaluate.base import Evaluation
from iacgate.evaluate.bundle_cache import bundle_path
from iacgate.evaluate.closure import ModuleIndex
from iacgate.evaluate.rego_input import rego_input
from iacgate.evaluate.results import collect_results, related_types, router_module, router_package
from iacgate.evaluate.safety import check_policies
from iacgate.graph.document import graph_input, resource_input
from iacgate.graph.model import Graph
from iacgate.packs.load import is_builtin
from iacgate.packs.model import Rule, RuleSet

_ERROR_LOCATION = re.compile(r"^-- (?P<file>[^\s:]+):(?P<line>\d+):(?P<column>\d+)", re.MULTILINE)
# The bundle of the graph-scoped rules, beside the per-type ones.
_GRAPH = ""

Modules = Sequence[tuple[str, str]]


@contextmanager
def _captured_stdout() -> Iterator[list[str]]:
    """rego-cpp prints compile errors on file descriptor 1; keep them out of the user's output."""
    captured: list[str] = []
    with tempfile.TemporaryFile(mode="w+b") as sink:
        saved = os.dup(1)
        try:
            os.dup2(sink.fileno(), 1)
            yield captured
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            sink.seek(0)
            captured.append(sink.read().decode("utf-8", "replace"))


def _compile_error(text: str, fallback: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    message = lines[1] if len(lines) > 1 and lines[0] == "Errors:" else fallback
    where = _ERROR_LOCATION.search(text)
    if where:
        return f"{where['file']}:{where['line']}:{where['column']}: {message}"
    return message


def _deny_entrypoint(rule: Rule) -> str:
    return f"{rule.policy.replace('.', '/')}/deny"


def _router_entrypoint(type_name: str) -> str:
    return f"{router_package(type_name).replace('.', '/')}/results"


@dataclass(frozen=True)
class _Compiled:
    """A bundle and the interpreter that queries it (one per bundle: modules added to one stay there)."""

    interpreter: regopy.Interpreter
    bundle: Any


def _in_thread(work: Callable[[], None]) -> Future[None]:
    done: Future[None] = Future()

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # handed to whoever waits for it
            done.set_exception(exc)
        else:
            done.set_result(None)

    threading.Thread(target=run, name="iacgate-rego-check", daemon=True).start()
    return done


def _interpreter() -> regopy.Interpreter:
    interpreter = regopy.Interpreter()
    # A builtin that fails (object.get on null, a bad regex) is an error, as on an OPA server with
    # strict builtin errors, never a silent "undefined" that would read as "no finding".
    rego_set_strict_builtin_errors(interpreter._impl, True)
    return interpreter


def _compile(modules: Modules, entrypoints: Sequence[str]) -> _Compiled:
    interpreter = _interpreter()
    with _captured_stdout() as captured:
        try:
            for name, source in modules:
                interpreter.add_module(name, source)
            bundle = interpreter.build(None, entrypoints)
        except regopy.RegoError as exc:
            failure: str | None = str(exc).splitlines()[0]
        else:
            failure = None if bundle.ok() else ""
    if failure is not None:
        raise PackError(f"policy does not compile: {_compile_error(''.join(captured), failure)}")
    return _Compiled(interpreter, bundle)


def _load(path: Path) -> _Compiled | None:
    """Compiling costs most of a small scan; a bundle compiled from the same text reads back in a few ms."""
    if not path.is_file():
        return None
    interpreter = _interpreter()
    with _captured_stdout():
        try:
            bundle = interpreter.load_bundle(str(path), regopy.BundleFormat.Binary)
        except regopy.RegoError:
            return None
    return _Compiled(interpreter, bundle) if bundle.ok() else None


def _cached(modules: Modules, entrypoints: Sequence[str]) -> _Compiled:
    path = bundle_path(modules, entrypoints)
    found = _load(path) if path is not None else None
    if found is not None:
        return found
    compiled = _compile(modules, entrypoints)
    if path is not None:
        write_atomically(
            path,
            lambda target: compiled.interpreter.save_bundle(
                target, compiled.bundle, regopy.BundleFormat.Binary
            ),
        )
    return compiled


class EmbeddedEvaluator:
    name = "embedded"

    def __init__(self, rules: RuleSet, check_in_background: bool = False) -> None:
        """``check_in_background``: the compile check of every policy runs in a thread (rego-cpp releases
        the GIL) while the caller parses its inputs, and its failure is raised by the first ``evaluate``
        or by leaving the ``with`` block; otherwise it is raised here."""
        self._rules = rules
        sources = [(path, path.read_text(encoding="utf-8")) for path in rules.policy_files]
        check_policies(sources)
        self._related_types = related_types([source for _path, source in sources])
        self._index = ModuleIndex.of(sources)
        self._bundles: dict[str, _Compiled] = {}
        self._texts: dict[str, bytes] = {}
        self._check: Future[None] | None = None
        if check_in_background:
            self._check = _in_thread(self._check_compiles)
        else:
            self._check_compiles()

    def _checked(self) -> None:
        check, self._check = self._check, None
        if check is not None:
            check.result()

    def _check_compiles(self) -> None:
        """With custom packs, every policy compiles together, as one bundle, before any is used: a broken
        custom policy fails the scan even when the scanned code has no resource of its types. Passing is
        remembered by content. The built-in policies alone are compiled and tested where they are
        written; a scan still compiles each bundle it queries, so what it uses fails closed."""
        if all(is_builtin(path) for path in self._index.sources):
            return
        modules = [(str(path), source) for path, source in self._index.sources.items()]
        modules += [
            (f"router:{type_name}", router_module(type_name, type_rules))
            for type_name, type_rules in self._rules.by_type.items()
        ]
        entrypoints = [_router_entrypoint(type_name) for type_name in self._rules.by_type]
        entrypoints += sorted({_deny_entrypoint(rule) for rule in self._rules.graph_rules})
        if not entrypoints:
            return
        path = bundle_path(modules, entrypoints)
        marker = path.with_suffix(".ok") if path is not None else None
        if marker is not None and marker.is_file():
            return
        _compile(modules, entrypoints)
        if marker is not None:
            write_atomically(marker, lambda target: Path(target).touch())

    def _modules(self, rules: Sequence[Rule]) -> list[tuple[str, str]]:
        files = self._index.closure(rule.policy for rule in rules)
        return [(str(path), self._index.sources[path]) for path in files]

    def _bundle(self, key: str) -> _Compiled:
        compiled = self._bundles.get(key)
        if compiled is None:
            if key == _GRAPH:
                rules = self._rules.graph_rules
                entrypoints = sorted({_deny_entrypoint(rule) for rule in rules})
                compiled = _cached(self._modules(rules), entrypoints)
            else:
                rules = self._rules.by_type[key]
                modules = [*self._modules(rules), (f"router:{key}", router_module(key, rules))]
                compiled = _cached(modules, [_router_entrypoint(key)])
            self._bundles[key] = compiled
        return compiled

    def _compile_together(self, types: set[str]) -> None:
        """Without a bundle cache, the types of a graph not compiled yet share one bundle: one compile
        instead of one per type (11 types of a 1,000-resource module: 0.27 s to about 0.1 s), for a
        slightly dearer query. With a cache, per-type bundles are compiled once and read back by any
        later scan, whatever mix of types it has."""
        missing = sorted(type_name for type_name in types if type_name not in self._bundles)
        if len(missing) < 2 or cache_base() is not None:
            return
        rules = [rule for type_name in missing for rule in self._rules.by_type[type_name]]
        modules = [*self._modules(rules)]
        modules += [(f"router:{name}", router_module(name, self._rules.by_type[name])) for name in missing]
        compiled = _compile(modules, [_router_entrypoint(type_name) for type_name in missing])
        for type_name in missing:
            self._bundles[type_name] = compiled

    def __enter__(self) -> EmbeddedEvaluator:
        return self

    def __exit__(self, *exc_info: object) -> None:
        # A scan with nothing to evaluate still fails on a broken policy; another error wins over it.
        if not exc_info or exc_info[0] is None:
            self._checked()

    def _query(
        self, key: str, entrypoint: str, document: Mapping[str, Any], rules: Sequence[Rule] = ()
    ) -> Any:
        compiled = self._bundle(key)
        value = rego_input(document, self._texts)
        compiled.interpreter.set_input(value)
        output = compiled.interpreter.query_bundle_entrypoint(compiled.bundle, entrypoint)
        text = str(output)
        if not output.ok():
            culprit = self._culprit(rules, value)
            where = f"rule {culprit.id} ({culprit.policy})" if culprit else entrypoint
            subject = document.get("resource", {}).get("id", "the graph")
            raise EvaluationError(f"{where} failed on {subject}: a builtin call raised an error")
        if text == "undefined":
            return None
        try:
            return json.loads(text)["expressions"][0]
        except (ValueError, KeyError, IndexError, TypeError):
            raise EvaluationError(f"malformed answer from the rego engine at {entrypoint}") from None

    def _culprit(self, rules: Sequence[Rule], value: Any) -> Rule | None:
        """Which rule's ``deny`` fails on this input: asked of a bundle built only now, as errors are rare."""
        if not rules:
            return None
        entrypoints = sorted({_deny_entrypoint(rule) for rule in rules})
        compiled = _compile(self._modules(rules), entrypoints)
        compiled.interpreter.set_input(value)
        for rule in rules:
            output = compiled.interpreter.query_bundle_entrypoint(compiled.bundle, _deny_entrypoint(rule))
            if not output.ok():
                return rule
        return None

    def evaluate(self, graph: Graph, rules: RuleSet, settings: Mapping[str, Any]) -> Evaluation:
        if rules is not self._rules:
            raise EvaluationError("evaluator was built for another rule set")
        self._checked()
        self._compile_together(
            {r.type for r in graph.resources if r.mode == "managed" and r.type in rules.by_type}
        )
        answers: list[tuple[str, Any]] = []
        for resource in graph.resources:
            type_rules = rules.by_type.get(resource.type) if resource.mode == "managed" else None
            if not type_rules:
                continue
            document = resource_input(graph, resource, settings, self._related_types)
            answers.append(
                (
                    resource.id,
                    self._query(resource.type, _router_entrypoint(resource.type), document, type_rules),
                )
            )
        graph_answers: list[tuple[str, Any]] = []
        if rules.graph_rules:
            document = graph_input(graph, settings)
            for rule in rules.graph_rules:
                graph_answers.append(
                    (rule.id, self._query(_GRAPH, _deny_entrypoint(rule), document, (rule,)))
                )
        return collect_results(graph, rules, answers, graph_answers, engine=self.name)
