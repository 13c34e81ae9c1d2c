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
import pickle
import re
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import regopy
from regopy.rego_shared import rego_set_strict_builtin_errors

from iacgate.errors import EvaluationError, IacgateError, PackError
from iacgate.evaluate.answer_cache import (
    AnswerReader,
    Fresh,
    document_digest,
    fresh_of,
    keep,
    query_key,
    reads_time_zones,
    store_path,
)
from iacgate.evaluate.base import MAX_JOBS, EngineOptions, Evaluation
from iacgate.evaluate.bundle_cache import (
    bundle_path,
    bundles_kept,
    compiled_before,
    remember_compiled,
    save_bundle,
    verified_bundle,
)
from iacgate.evaluate.closure import GraphReads, ModuleIndex
from iacgate.evaluate.isolation import Budget, Child, Handler, Mark, Stopped, can_isolate, run_in_child
from iacgate.evaluate.prune import Pruner
from iacgate.evaluate.rego_input import rego_input
from iacgate.evaluate.regression import before_state, needs_before
from iacgate.evaluate.results import (
    changes_asked,
    collect_results,
    graph_rules_for,
    related_types,
    route_of,
    router_module,
    router_package,
)
from iacgate.evaluate.safety import check_policies
from iacgate.graph.document import graph_input, resource_document, resource_input
from iacgate.graph.model import Graph, Resource, judged
from iacgate.packs.load import is_builtin
from iacgate.packs.model import Rule, RuleSet

_ERROR_LOCATION = re.compile(r"^-- (?P<file>[^\s:]+):(?P<line>\d+):(?P<column>\d+)", re.MULTILINE)
# The bundle of the graph-scoped rules, beside the per-type ones.
_GRAPH = ""

Modules = Sequence[tuple[str, str]]
# What a child evaluates: a unit (its graph and settings, pickled when sent) and the indexes of the unit's
# queries it answers (``_parts``; None: all of them).
_Work = tuple[tuple[Graph, Mapping[str, Any]] | bytes, tuple[int, ...] | None]


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


@dataclass(frozen=True)
class _Query:
    """One query of a unit: a resource against its type's router, or the graph against one graph rule."""

    key: str
    entrypoint: str
    rules: tuple[Rule, ...]
    # What the query costs, in rules (``_parts``): a resource's query its rules and its input; a graph
    # rule's grows with the resources of its document.
    weight: int
    resource: Resource | None = None


# Errors the evaluating child reports in its answer, by name; anything else it raises is a crash.
_REPORTED: dict[str, type[IacgateError]] = {"EvaluationError": EvaluationError, "PackError": PackError}
# Naming a rule after a stop re-runs the rules of the query one at a time, each with a tenth of the
# scan's deadline (between 1 and 30 s): a runaway rule is alone to run out of it.
_DIAGNOSIS_SHARE = 0.1
_DIAGNOSIS_SECONDS = (1.0, 30.0)
# A unit is split across evaluating processes from this many queries: below it another process (its
# fork, its own bundles, the unit sent to it) costs about what it saves.
_PARALLEL_QUERIES = 200
# What a query costs besides its rules, in rules: building and loading its input.
_QUERY_WEIGHT = 2
# What each resource of a graph rule's document costs it, in rules. Measured: LOG-CLOUDTRAIL-006 over 100
# trails of a template, 57 ms (about 2 rules a trail at 0.26 ms a rule there); LOG-GCPAUDIT-002 and 003
# over a 1,000-resource module, 0.15 s for both with their shared document (about 0.7 a resource each at
# 0.11 ms a rule there).
_GRAPH_RESOURCE_WEIGHT = 1


def _available_cpus() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def _parts(
    queries: Sequence[_Query], jobs: int, ready: Callable[[str], bool] = lambda _key: True
) -> list[tuple[int, ...] | None]:
    """The indexes of the queries each evaluating process answers (None: every query, in one process).

    The queries of a type whose bundle is ``ready`` (compiled and cached) are dealt out, so every process
    gets about the same mix whatever each rule costs. A type with few queries, or whose bundle must be
    compiled, goes whole to the least loaded process: only that one loads or compiles it, so on a cold
    cache the processes compile side by side too. Loads are counted in ``_Query.weight``."""
    if jobs < 2 or len(queries) < _PARALLEL_QUERIES:
        return [None]
    by_key: dict[str, list[int]] = {}
    for index, query in enumerate(queries):
        by_key.setdefault(query.key, []).append(index)
    loads = [0] * jobs
    parts: list[list[int]] = [[] for _ in range(jobs)]
    dealt = {key for key, indexes in by_key.items() if len(indexes) >= 2 * jobs and ready(key)}
    # The types that go whole first, heaviest first, each to the least loaded process; then the dealt
    # queries one by one, each to the process with the least work so far, which evens out what the
    # whole ones left uneven (a graph rule over a hundred trails costs as much as a dozen bucket queries).
    whole = {
        key: sum(queries[index].weight for index in indexes)
        for key, indexes in by_key.items()
        if key not in dealt
    }
    for key in sorted(whole, key=lambda key: (-whole[key], by_key[key][0])):
        lightest = loads.index(min(loads))
        parts[lightest].extend(by_key[key])
        loads[lightest] += whole[key]
    for key in sorted(dealt, key=lambda key: (-len(by_key[key]), key)):
        for index in by_key[key]:
            lightest = loads.index(min(loads))
            parts[lightest].append(index)
            loads[lightest] += queries[index].weight
    return [tuple(sorted(part)) for part in parts if part]


def _indexes(part: tuple[int, ...] | None, queries: Sequence[_Query]) -> Sequence[int]:
    """The indexes of the unit's queries a part holds (None: all of them)."""
    return range(len(queries)) if part is None else part


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
    if not verified_bundle(path):
        return None
    interpreter = _interpreter()
    with _captured_stdout():
        try:
            bundle = interpreter.load_bundle(str(path), regopy.BundleFormat.Binary)
        except regopy.RegoError:
            return None
    return _Compiled(interpreter, bundle) if bundle.ok() else None


def _cached(key: Modules, entrypoints: Sequence[str], modules: Callable[[], Modules]) -> _Compiled:
    """The bundle of ``modules()`` and ``entrypoints``, read back from the cache under ``key`` (texts that
    determine the modules: every policy's digest and the router), so the modules a rule reaches are only
    worked out when the bundle has to be compiled."""
    path = bundle_path(key, entrypoints)
    found = _load(path) if path is not None else None
    if found is not None:
        return found
    compiled = _compile(modules(), entrypoints)
    if path is not None:
        save_bundle(
            path,
            lambda target: compiled.interpreter.save_bundle(
                target, compiled.bundle, regopy.BundleFormat.Binary
            ),
        )
    return compiled


class EmbeddedEvaluator:
    name = "embedded"

    def __init__(
        self, rules: RuleSet, check_in_background: bool = False, options: EngineOptions | None = None
    ) -> None:
        """``check_in_background``: the compile check of every policy runs in a thread (rego-cpp releases
        the GIL) while the caller parses its inputs, and its failure is raised by the first ``evaluate``
        or by leaving the ``with`` block; otherwise it is raised here. ``options`` gives the scan's
        deadline, memory ceiling and debugging (``isolation.py``)."""
        self._rules = rules
        self._options = options or EngineOptions()
        # Set by the first evaluate: every unit of the scan shares one deadline, and the children.
        self._deadline: float | None = None
        # The evaluating children, in the order they were forked; a big unit is split across several.
        self._children: list[Child] = []
        sources = [(path, path.read_text(encoding="utf-8")) for path in rules.policy_files]
        # Built-in policies are checked where they are written (make check-packs, the tests: 20 ms a
        # scan otherwise); every custom policy is checked here, at every scan.
        custom = [(path, text) for path, text in sources if not is_builtin(path)]
        check_policies(custom)
        self._custom = bool(custom)
        self._related_types = related_types([source for _path, source in sources])
        self._index = ModuleIndex.of(sources)
        self._pruner = Pruner()
        self._bundles: dict[str, _Compiled] = {}
        self._texts: dict[str, bytes] = {}
        # Answers of earlier scans (``answer_cache``): looked up by the children, written by the scan.
        reuse = self._options.reuse_answers and not self._options.debug
        reuse = reuse and not any(reads_time_zones(text) for _path, text in custom)
        self._answers = store_path() if reuse else None
        self._reader: AnswerReader | None = None
        self._bundle_keys: dict[str, str] = {}
        self._fresh: list[Fresh] = []
        self._reused: list[bytes] = []
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
        if not self._custom:
            return
        modules = [(str(path), source) for path, source in self._index.sources.items()]
        modules += [
            (f"router:{key}", router_module(key, key_rules)) for key, key_rules in self._rules.routes.items()
        ]
        entrypoints = [_router_entrypoint(key) for key in self._rules.routes]
        entrypoints += sorted({_deny_entrypoint(rule) for rule in self._rules.graph_rules})
        if not entrypoints:
            return
        path = bundle_path(modules, entrypoints)
        marker = path.with_suffix(".ok") if path is not None else None
        if marker is not None and compiled_before(marker):
            return
        _compile(modules, entrypoints)
        if marker is not None:
            remember_compiled(marker)

    def _modules(self, rules: Sequence[Rule]) -> list[tuple[str, str]]:
        """The modules the rules reach (``closure``), cut down to the statements they reach (``prune``)."""
        packages = {rule.policy for rule in rules}
        files = self._index.closure(packages)
        return self._pruner.pruned([(str(path), self._index.sources[path]) for path in files], packages)

    def _bundle(self, key: str) -> _Compiled:
        compiled = self._bundles.get(key)
        if compiled is None:
            cache_key, entrypoints = self._cache_key(key)
            if key == _GRAPH:
                rules = self._rules.graph_rules
                compiled = _cached(cache_key, entrypoints, lambda: self._modules(rules))
            else:
                rules = self._rules.routes[key]
                router = cache_key[-1]
                compiled = _cached(cache_key, entrypoints, lambda: [*self._modules(rules), router])
            self._bundles[key] = compiled
        return compiled

    def _cache_key(self, key: str) -> tuple[Modules, list[str]]:
        """What the bundle of a route key is cached under (the policies' digest, the router) and its
        entrypoints."""
        sources = ("policies", self._index.digest)
        if key == _GRAPH:
            return [sources], sorted({_deny_entrypoint(rule) for rule in self._rules.graph_rules})
        router = (f"router:{key}", router_module(key, self._rules.routes[key]))
        return [sources, router], [_router_entrypoint(key)]

    def _ready(self, key: str) -> bool:
        """Whether the bundle of ``key`` is compiled already, in the cache (a child that loads it is
        then as quick as one that does not need it)."""
        path = bundle_path(*self._cache_key(key))
        return path is not None and path.is_file()

    def _compile_together(self, types: set[str]) -> None:
        """Without a bundle cache, the types of a graph not compiled yet share one bundle: one compile
        instead of one per type (11 types of a 1,000-resource module: 0.27 s to about 0.1 s), for a
        slightly dearer query. With a cache, per-type bundles are compiled once and read back by any
        later scan, whatever mix of types it has."""
        missing = sorted(type_name for type_name in types if type_name not in self._bundles)
        if len(missing) < 2 or bundles_kept():
            return
        rules = list(dict.fromkeys(rule for key in missing for rule in self._rules.routes[key]))
        modules = [*self._modules(rules)]
        modules += [(f"router:{name}", router_module(name, self._rules.routes[name])) for name in missing]
        compiled = _compile(modules, [_router_entrypoint(type_name) for type_name in missing])
        for type_name in missing:
            self._bundles[type_name] = compiled

    def __enter__(self) -> EmbeddedEvaluator:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
        # A scan with nothing to evaluate still fails on a broken policy; another error wins over it.
        if not exc_info or exc_info[0] is None:
            self._checked()

    def close(self) -> None:
        """End the evaluating children (also done when the evaluator is collected, or at exit)."""
        children, self._children = self._children, []
        reader, self._reader = self._reader, None
        if reader is not None:  # opened here only where there is no fork to evaluate in
            reader.close()
        # Newest first: a child forked later holds the pipes of those before it, which end only with it.
        for child in reversed(children):
            child.close()

    def _jobs(self) -> int:
        if not can_isolate():
            return 1
        return self._options.jobs or min(_available_cpus(), MAX_JOBS)

    def _query(
        self, key: str, entrypoint: str, document: Mapping[str, Any], rules: Sequence[Rule] = ()
    ) -> Any:
        compiled = self._bundle(key)
        value = rego_input(document, self._texts)
        compiled.interpreter.set_input(value)
        try:
            output = compiled.interpreter.query_bundle_entrypoint(compiled.bundle, entrypoint)
        except ValueError:
            # regopy parses the engine's answer itself and fails on one that is not JSON (an error trace).
            output = None
        text = str(output) if output is not None else ""
        if output is None or not output.ok():
            culprit = self._culprit(rules, value)
            where = f"rule {culprit.id} ({culprit.policy})" if culprit else entrypoint
            subject = document.get("resource", {}).get("id", "the graph")
            # rego-cpp answers a builtin's error and a query it gave up on (past an internal limit, after
            # seconds of work) alike, without a reason.
            raise EvaluationError(
                f"{where} failed on {subject}: a builtin call raised an error, or the rego engine gave up on "
                "the query"
            )
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
            try:
                output = compiled.interpreter.query_bundle_entrypoint(compiled.bundle, _deny_entrypoint(rule))
            except ValueError:
                return rule
            if not output.ok():
                return rule
        return None

    def _queries(self, graph: Graph) -> list[_Query]:
        routes = self._rules.routes
        queries = [
            _Query(key, _router_entrypoint(key), routes[key], _QUERY_WEIGHT + len(routes[key]), resource)
            for resource, key in ((resource, route_of(resource, self._rules)) for resource in graph.resources)
            if judged(resource) and key in routes
        ]
        for rule in graph_rules_for(graph, self._rules):
            types = self._index.graph_reads(rule.policy).types
            read = (
                len(graph.resources)
                if types is None
                else sum(len(graph.by_type.get(name, ())) for name in types)
            )
            weight = _QUERY_WEIGHT + _GRAPH_RESOURCE_WEIGHT * read
            queries.append(_Query(_GRAPH, _deny_entrypoint(rule), (rule,), weight))
        return queries

    def _handler(self, first: _Work) -> Handler:
        return lambda request, mark: self._serve(request, mark, first)

    def _serve(self, request: bytes | None, mark: Mark, first: _Work) -> bytes:
        """In the child: the answers to one unit's queries of its part (``_parts``), for the unit it was
        forked with or one sent by the parent."""
        # Pickled by the parent (iacgate's own graph): nothing the engine wrote is ever unpickled.
        unit, part = first if request is None else pickle.loads(request)
        graph, settings = pickle.loads(unit) if isinstance(unit, bytes) else unit
        queries = self._queries(graph)
        return self._answer(graph, settings, [queries[index] for index in _indexes(part, queries)], mark)

    def _answer(
        self, graph: Graph, settings: Mapping[str, Any], queries: Sequence[_Query], mark: Mark
    ) -> bytes:
        """In the child: every query's answer, in order, as JSON; an error as its class name and message."""
        try:
            self._compile_together({query.key for query in queries if query.resource is not None})
            answers: list[Any] = []
            # Answers for the state before an update, by query index: only where a regression can show.
            before: dict[str, Any] = {}
            # The whole-graph documents, one per part of the input the graph rules asked read.
            wholes: dict[GraphReads, dict[str, Any]] = {}
            kept: dict[str, str] = {}
            reused: list[str] = []
            # The digests of the whole-graph documents, which several graph rules share, by ``wholes`` key.
            digests: dict[GraphReads, bytes | None] = {}
            for step, query in enumerate(queries, start=1):
                mark(step)
                document: Mapping[str, Any]
                digest: bytes | None = None
                if query.resource is not None:
                    document = resource_input(
                        graph, query.resource, settings, self._related_types, changes_asked(query.rules)
                    )
                else:
                    reads = self._index.graph_reads(query.rules[0].policy)
                    if reads not in wholes:
                        wholes[reads] = graph_input(
                            graph, settings, reads.types, reads.edges, reads.refers_to
                        )
                        if self._answers is not None:
                            digests[reads] = document_digest(wholes[reads])
                    document = wholes[reads]
                    digest = digests.get(reads)
                answer = self._asked(query, document, kept, reused, digest)
                answers.append(answer)
                if query.resource is not None and needs_before(query.resource, query.rules, answer):
                    state = before_state(query.resource)
                    assert state is not None
                    earlier = {**document, "resource": resource_document(state, drop_null=True)}
                    before[str(step - 1)] = self._asked(query, earlier, kept, reused)
            return json.dumps({"answers": answers, "before": before, "fresh": kept, "reused": reused}).encode(
                "utf-8"
            )
        except IacgateError as exc:
            name = type(exc).__name__ if type(exc).__name__ in _REPORTED else "EvaluationError"
            return json.dumps({"error": name, "message": str(exc)}).encode("utf-8")
        except ValueError as exc:  # the input builder's refusals (InputError)
            return json.dumps({"error": "EvaluationError", "message": str(exc)}).encode("utf-8")

    def _asked(
        self,
        query: _Query,
        document: Mapping[str, Any],
        kept: dict[str, str],
        reused: list[str],
        digest: bytes | None = None,
    ) -> Any:
        """In the child: the answer to ``query`` on ``document``, reused from an earlier scan when one was
        kept (its key noted in ``reused``), else evaluated (and noted in ``kept``, for the scan to store).
        ``digest``: the document's (``document_digest``), when already worked out."""
        key = self._answer_key(query, document, digest)
        if key is not None:
            if self._reader is None:
                assert self._answers is not None
                self._reader = AnswerReader(self._answers)
            found, answer = self._reader.get(key)
            if found and _answers_query(query, answer):
                reused.append(key.hex())
                return answer
        answer = self._query(query.key, query.entrypoint, document, query.rules)
        if key is not None:
            kept[key.hex()] = json.dumps(answer, separators=(",", ":"))
        return answer

    def _answer_key(
        self, query: _Query, document: Mapping[str, Any], digest: bytes | None = None
    ) -> bytes | None:
        """What the answer to ``query`` on ``document`` is kept under: its bundle's cache key, entrypoint
        and document; None without an answer cache, or for a document JSON cannot hold."""
        if self._answers is None:
            return None
        bundle = self._bundle_keys.get(query.key)
        if bundle is None:
            path = bundle_path(*self._cache_key(query.key))
            if path is None:
                return None
            bundle = self._bundle_keys[query.key] = path.stem
        digest = digest or document_digest(document)
        return query_key(bundle, query.entrypoint, digest) if digest is not None else None

    def _budget(self, deadline: float) -> Budget:
        return Budget(deadline, self._options.memory_limit_mb, self._options.debug)

    def evaluate(self, graph: Graph, rules: RuleSet, settings: Mapping[str, Any]) -> Evaluation:
        return self.evaluate_all([graph], rules, settings)[0]

    def evaluate_all(
        self, graphs: Sequence[Graph], rules: RuleSet, settings: Mapping[str, Any]
    ) -> list[Evaluation]:
        """Every unit's evaluation, in order. A unit of ``_PARALLEL_QUERIES`` queries or more is split
        across the children (``_parts``); smaller ones go whole to the children in turn, each working on
        its own unit while the others work on theirs, when the scan as a whole is that big."""
        if rules is not self._rules:
            raise EvaluationError("evaluator was built for another rule set")
        self._checked()
        if self._deadline is None:
            self._deadline = time.monotonic() + self._options.deadline_seconds
        jobs = self._jobs()
        units = [(graph, self._queries(graph)) for graph in graphs]
        if sum(len(queries) for _graph, queries in units) < _PARALLEL_QUERIES:
            jobs = 1
        results: list[Evaluation | None] = [None] * len(units)
        # Units sent whole to a child and not yet answered: child index -> unit number.
        pending: dict[int, int] = {}
        turn = 0
        try:
            for number, (graph, queries) in enumerate(units):
                if not queries:
                    results[number] = collect_results(graph, rules, [], [], engine=self.name)
                    continue
                parts = _parts(queries, jobs, self._ready)
                if len(parts) > 1 or jobs < 2:
                    for child in sorted(pending):
                        self._receive(child, pending, units, results, settings)
                    raws = self._ask(graph, settings, parts, number)
                    results[number] = self._collected(graph, queries, parts, raws)
                    continue
                child, turn = turn % jobs, turn + 1
                if child in pending:
                    self._receive(child, pending, units, results, settings)
                self._send(child, graph, settings, None, number)
                pending[child] = number
            for child in sorted(pending):
                self._receive(child, pending, units, results, settings)
        except _PartStopped as stopped:
            self.close()
            graph, queries = units[stopped.unit]
            mine = _indexes(stopped.part, queries)
            stop = stopped.stop
            # The child counts the queries of its part; the error names the scan's query.
            progress = mine[stop.progress - 1] + 1 if 0 < stop.progress <= len(mine) else 0
            stop = Stopped(stop.cause, progress, stop.detail)
            raise self._stopped(stop, graph, settings, queries) from None
        done = [result for result in results if result is not None]
        assert len(done) == len(units)
        fresh, self._fresh = self._fresh, []
        reused, self._reused = self._reused, []
        if self._answers is not None:
            keep(self._answers, fresh, reused)
        return done

    def _receive(
        self,
        child: int,
        pending: dict[int, int],
        units: Sequence[tuple[Graph, list[_Query]]],
        results: list[Evaluation | None],
        settings: Mapping[str, Any],
    ) -> None:
        """The answer of the unit ``child`` was sent whole, collected into ``results``."""
        number = pending.pop(child)
        graph, queries = units[number]
        try:
            raw = self._children[child].answer()
        except Stopped as stop:
            raise _PartStopped(number, None, stop) from None
        results[number] = self._collected(graph, queries, [None], [raw])

    def _collected(
        self,
        graph: Graph,
        queries: Sequence[_Query],
        parts: Sequence[tuple[int, ...] | None],
        raws: Sequence[bytes],
    ) -> Evaluation:
        """One unit's evaluation from its children's answers, each for the queries of its part."""
        values: list[Any] = [None] * len(queries)
        earlier: dict[int, Any] = {}
        reused = 0
        for part, raw in zip(parts, raws, strict=True):
            answer = _decoded(raw)
            fresh = answer.get("fresh")
            self._fresh.extend(fresh_of(fresh) if isinstance(fresh, Mapping) else ())
            keys = answer.get("reused")
            for key in keys if isinstance(keys, list) else ():
                with suppress(TypeError, ValueError):
                    self._reused.append(bytes.fromhex(key))
                    reused += 1
            mine = _indexes(part, queries)
            answered = answer.get("answers")
            if not isinstance(answered, list) or len(answered) != len(mine):
                raise EvaluationError("malformed answer from the evaluating process")
            for index, value in zip(mine, answered, strict=True):
                values[index] = value
            found = answer.get("before")
            for index, value in found.items() if isinstance(found, Mapping) else ():
                if str(index).isdigit() and int(index) < len(mine):
                    earlier[mine[int(index)]] = value
        pairs = list(zip(queries, values, strict=True))
        resources = [(query.resource.id, value) for query, value in pairs if query.resource is not None]
        graph_answers = [(query.rules[0].id, value) for query, value in pairs if query.resource is None]
        before = {
            resource.id: value
            for index, value in earlier.items()
            if (resource := queries[index].resource) is not None
        }
        evaluation = collect_results(
            graph, self._rules, resources, graph_answers, engine=self.name, before=before
        )
        return replace(evaluation, reused_answers=reused) if reused else evaluation

    def _send(
        self,
        child: int,
        graph: Graph,
        settings: Mapping[str, Any],
        part: tuple[int, ...] | None,
        number: int,
        unit: bytes | None = None,
    ) -> bytes | None:
        """Give child ``child`` a unit's part to work on: sent to a child already there, or a child forked
        for it (which starts at once). Returns the pickled unit, for the next child of the same unit."""
        assert self._deadline is not None
        try:
            if child < len(self._children):
                if unit is None:
                    unit = pickle.dumps((graph, dict(settings)), protocol=pickle.HIGHEST_PROTOCOL)
                self._children[child].send(pickle.dumps((unit, part), protocol=pickle.HIGHEST_PROTOCOL))
            else:
                forked = Child(self._handler(((graph, settings), part)), self._budget(self._deadline))
                self._children.append(forked)
                weakref.finalize(self, forked.close)
        except Stopped as stop:
            raise _PartStopped(number, part, stop) from None
        return unit

    def _ask(
        self,
        graph: Graph,
        settings: Mapping[str, Any],
        parts: Sequence[tuple[int, ...] | None],
        number: int,
    ) -> list[bytes]:
        """The children's answers for one unit, one child per part, working side by side; their answers
        are read in turn."""
        unit: bytes | None = None
        for index, part in enumerate(parts):
            unit = self._send(index, graph, settings, part, number, unit)
        answers: list[bytes] = []
        for index, part in enumerate(parts):
            try:
                answers.append(self._children[index].answer())
            except Stopped as stop:
                raise _PartStopped(number, part, stop) from None
        return answers

    def _stopped(
        self, stop: Stopped, graph: Graph, settings: Mapping[str, Any], queries: Sequence[_Query]
    ) -> EvaluationError:
        """An error naming the rule, resource and unit the child was evaluating when it stopped."""
        unit = f"unit {graph.name}" if graph.name else "the scan"
        if not 0 < stop.progress <= len(queries):
            return EvaluationError(f"{unit}: {self._cause(stop)}")
        query = queries[stop.progress - 1]
        subject = query.resource.id if query.resource is not None else "the graph"
        suspects = query.rules
        if len(suspects) > 1 and query.resource is not None:
            suspects = self._diagnose(query, graph, settings)
        if len(suspects) == 1:
            where = f"rule {suspects[0].id} ({suspects[0].policy})"
        else:
            where = f"one of rules {', '.join(rule.id for rule in suspects)}"
        return EvaluationError(f"{where} on {subject} in {unit}: {self._cause(stop)}")

    def _cause(self, stop: Stopped) -> str:
        if stop.cause == "deadline":
            return (
                f"evaluation ran past the scan's deadline of {self._options.deadline_seconds:g} s "
                "(--timeout); the gate fails closed"
            )
        if stop.cause == "memory":
            return (
                f"evaluation ran out of its memory limit of {self._options.memory_limit_mb} MB "
                f"(--memory-limit; {stop.detail}); the gate fails closed"
            )
        return f"the rego engine crashed ({stop.detail}); the gate fails closed"

    def _diagnose(self, query: _Query, graph: Graph, settings: Mapping[str, Any]) -> tuple[Rule, ...]:
        """The rule of ``query`` that stops on its own, each run alone with a share of the deadline; all of
        them when none does (the stop came from their combination, or from the machine)."""
        resource = query.resource
        assert resource is not None
        low, high = _DIAGNOSIS_SECONDS
        seconds = min(max(self._options.deadline_seconds * _DIAGNOSIS_SHARE, low), high)

        def alone(rule: Rule) -> Callable[[Mark], bytes]:
            def work(mark: Mark) -> bytes:
                mark(1)
                compiled = _compile(self._modules([rule]), [_deny_entrypoint(rule)])
                asked = changes_asked(query.rules)
                document = resource_input(graph, resource, settings, self._related_types, asked)
                compiled.interpreter.set_input(rego_input(document, self._texts))
                with suppress(ValueError):
                    # As the query of a scan reads it: rego-cpp can also fail writing out its answer.
                    str(compiled.interpreter.query_bundle_entrypoint(compiled.bundle, _deny_entrypoint(rule)))
                return b""

            return work

        for rule in query.rules:
            try:
                run_in_child(alone(rule), self._budget(time.monotonic() + seconds))
            except Stopped:
                return (rule,)
            except IacgateError:
                continue
        return query.rules


def _answers_query(query: _Query, answer: Any) -> bool:
    """Whether a kept answer has the shape the engine gives for ``query``: a router's object holding every
    rule's deny set, or a graph rule's deny set (undefined: None). Another shape is a damaged store:
    evaluated instead."""
    if query.resource is None:
        return answer is None or isinstance(answer, list)
    return isinstance(answer, dict) and all(isinstance(answer.get(rule.id), list) for rule in query.rules)


class _PartStopped(Exception):
    """The child answering ``part`` (None: all) of the scan's unit number ``unit`` stopped."""

    def __init__(self, unit: int, part: tuple[int, ...] | None, stop: Stopped) -> None:
        super().__init__(str(stop))
        self.unit = unit
        self.part = part
        self.stop = stop


def _decoded(raw: bytes) -> Mapping[str, Any]:
    try:
        answer = json.loads(raw)
    except ValueError:
        answer = None
    if not isinstance(answer, Mapping):
        raise EvaluationError("malformed answer from the evaluating process")
    error = answer.get("error")
    if error is not None:
        kind = _REPORTED.get(str(error), EvaluationError)
        raise kind(str(answer.get("message", "evaluation failed")).splitlines()[0])
    return answer
