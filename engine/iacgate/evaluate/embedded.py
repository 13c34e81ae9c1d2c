"""The default evaluator: rego-cpp (regopy) in-process, one bundle built per run, one query per resource.

Each canonical type gets a generated router package whose ``results`` object maps rule ids to the rules'
``deny`` sets, so a resource is evaluated in one query against exactly the rules that apply to its type.
Measured (DESIGN.md): a whole-graph query iterating a large array is quadratic in regopy, per-resource
queries over a bundle built once are linear.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import regopy
from regopy.rego_shared import rego_set_strict_builtin_errors

from iacgate.cache import write_atomically
from iacgate.errors import EvaluationError, PackError
from iacgate.evaluate.base import Evaluation
from iacgate.evaluate.bundle_cache import bundle_path
from iacgate.evaluate.rego_input import rego_input
from iacgate.evaluate.results import collect_results, related_types, router_module, router_package
from iacgate.evaluate.safety import check_policies
from iacgate.graph.document import graph_input, resource_input
from iacgate.graph.model import Graph
from iacgate.packs.model import Rule, RuleSet

_ERROR_LOCATION = re.compile(r"^-- (?P<file>[^\s:]+):(?P<line>\d+):(?P<column>\d+)", re.MULTILINE)


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


class EmbeddedEvaluator:
    name = "embedded"

    def __init__(self, rules: RuleSet) -> None:
        self._rules = rules
        sources = [(path, path.read_text(encoding="utf-8")) for path in rules.policy_files]
        check_policies(sources)
        self._related_types = related_types([source for _path, source in sources])
        self._interpreter = regopy.Interpreter()
        # A builtin that fails (object.get on null, a bad regex) is an error, as on an OPA server with
        # strict builtin errors, never a silent "undefined" that would read as "no finding".
        rego_set_strict_builtin_errors(self._interpreter._impl, True)
        entrypoints = [
            f"{router_package(type_name).replace('.', '/')}/results" for type_name in rules.by_type
        ]
        # Every rule's own deny set too: when a router query fails, these say which rule failed.
        entrypoints += sorted({f"{rule.policy.replace('.', '/')}/deny" for rule in rules.rules})
        modules = [(str(path), source) for path, source in sources]
        modules += [
            (f"router:{type_name}", router_module(type_name, type_rules))
            for type_name, type_rules in rules.by_type.items()
        ]
        cached = bundle_path(modules, entrypoints) if entrypoints else None
        self._bundle = self._load_cached(cached)
        if self._bundle is not None or not entrypoints:
            return
        with _captured_stdout() as captured:
            try:
                for name, source in modules:
                    self._interpreter.add_module(name, source)
                self._bundle = self._interpreter.build(None, entrypoints)
            except regopy.RegoError as exc:
                failure: str | None = str(exc).splitlines()[0]
            else:
                failure = None
        if failure is not None or (self._bundle is not None and not self._bundle.ok()):
            raise PackError(f"policy does not compile: {_compile_error(''.join(captured), failure or '')}")
        if cached is not None and self._bundle is not None:
            bundle = self._bundle
            write_atomically(
                cached, lambda path: self._interpreter.save_bundle(path, bundle, regopy.BundleFormat.Binary)
            )

    def _load_cached(self, path: Path | None) -> Any:
        """Compiling the packs costs most of a small scan (0.8 s of a pre-commit run); a bundle compiled
        from the same policy text is read back in a few milliseconds."""
        if path is None or not path.is_file():
            return None
        with _captured_stdout():
            try:
                bundle = self._interpreter.load_bundle(str(path), regopy.BundleFormat.Binary)
            except regopy.RegoError:
                return None
        return bundle if bundle.ok() else None

    def __enter__(self) -> EmbeddedEvaluator:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def _query(self, entrypoint: str, document: Mapping[str, Any], rules: Sequence[Rule] = ()) -> Any:
        self._interpreter.set_input(rego_input(document))
        output = self._interpreter.query_bundle_entrypoint(self._bundle, entrypoint)
        text = str(output)
        if not output.ok():
            culprit = next((rule for rule in rules if not self._deny_ok(rule)), None)
            where = f"rule {culprit.id} ({culprit.policy})" if culprit else entrypoint
            subject = document.get("resource", {}).get("id", "the graph")
            raise EvaluationError(f"{where} failed on {subject}: a builtin call raised an error")
        if text == "undefined":
            return None
        try:
            return json.loads(text)["expressions"][0]
        except (ValueError, KeyError, IndexError, TypeError):
            raise EvaluationError(f"malformed answer from the rego engine at {entrypoint}") from None

    def _deny_ok(self, rule: Rule) -> bool:
        entrypoint = f"{rule.policy.replace('.', '/')}/deny"
        return bool(self._interpreter.query_bundle_entrypoint(self._bundle, entrypoint).ok())

    def evaluate(self, graph: Graph, rules: RuleSet, settings: Mapping[str, Any]) -> Evaluation:
        if rules is not self._rules:
            raise EvaluationError("evaluator was built for another rule set")
        answers: list[tuple[str, Any]] = []
        for resource in graph.resources:
            type_rules = rules.by_type.get(resource.type) if resource.mode == "managed" else None
            if not type_rules:
                continue
            entrypoint = f"{router_package(resource.type).replace('.', '/')}/results"
            document = resource_input(graph, resource, settings, self._related_types)
            answers.append((resource.id, self._query(entrypoint, document, type_rules)))
        graph_answers: list[tuple[str, Any]] = []
        if rules.graph_rules:
            document = graph_input(graph, settings)
            for rule in rules.graph_rules:
                entrypoint = f"{rule.policy.replace('.', '/')}/deny"
                graph_answers.append((rule.id, self._query(entrypoint, document, (rule,))))
        return collect_results(graph, rules, answers, graph_answers, engine=self.name)
