"""The OPA-server evaluator: the same documents and answers as the embedded engine, over HTTP, in batches.

Upload mode (default): a per-run batch module, then for each resource type the scan meets, its generated
router and the modules its rules reach (``closure.py``), are uploaded as policies
``iacgate/<run>/<relative path>`` and removed at the end of the scan, errors included. The rule
packages keep their shared names (``data.iacgate.rules...``), so two runs on one server uploading
different pack versions at once would merge into each other: uploads take a lock (a data document
created only if absent, ``data.iacgate_lock``) and refuse to start when another module on the server
already defines one of the packages (a bundle, or what a killed run left behind).

No-upload mode evaluates what the operator loaded (a bundle of ``policies/``): after checking that every
rule's package is there, each batch is one ad-hoc query that builds the router object per item, since
routers and the batch module are ours and cannot be assumed on the server.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from opa_client.errors import RegoParseError

from iacgate.errors import EvaluationError, PackError
from iacgate.evaluate.base import EngineOptions, Evaluation
from iacgate.evaluate.closure import ModuleIndex
from iacgate.evaluate.opa_http import Deadline, OpaServer, UploadLock, check_transport, parse_url
from iacgate.evaluate.regression import before_state, needs_before
from iacgate.evaluate.results import ROUTER_ROOT, collect_results, related_types, route_of, router_module
from iacgate.evaluate.safety import check_policies
from iacgate.graph.document import graph_input, resource_document, resource_input
from iacgate.graph.model import Graph, judged
from iacgate.packs.load import is_builtin, policies_root
from iacgate.packs.model import Rule, RuleSet

# Measured on 10,000 resources (see the closing report): beyond ~200 a batch saves no time.
BATCH_SIZE = 200
BATCH_ROOT = "iacgate_batch"


def batch_module(package: str) -> str:
    """One rule answering, per item of ``input.items``, its type's router results."""
    return "\n".join(
        [
            f"package {package}",
            "",
            "results[i] := answer if {",
            "\tsome i, item in input.items",
            f"\tanswer := data.{ROUTER_ROOT}[item.resource.type].results with input as item",
            "}",
            "",
        ]
    )


def _adhoc_router(rules: Sequence[Rule]) -> str:
    entries = ", ".join(f'"{rule.id}": {rule.rego_path}' for rule in rules)
    return f"answers := {{i: a | some i, item in input.items; a := {{{entries}}} with input as item}}"


def _policy_name(path: Path, index: int) -> str:
    try:
        return path.resolve().relative_to(policies_root().resolve()).as_posix()
    except (ValueError, PackError):
        # A custom pack's files live outside policies/: number them to keep ids unique.
        return f"custom/{index}/{path.name}"


def _compile_error(exc: RegoParseError, names: Mapping[str, str]) -> EvaluationError:
    first: Mapping[str, Any] = exc.errors[0] if exc.errors and isinstance(exc.errors[0], Mapping) else {}
    message = str(first.get("message") or exc.message or exc.expression).splitlines()[0]
    found = first.get("location")
    location: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
    where = names.get(str(location.get("file", "")), str(location.get("file", "")))
    if where and location.get("row"):
        where = f"{where}:{location['row']}:{location.get('col', 0)}"
    return EvaluationError(
        f"policy does not compile on the OPA server: {where + ': ' if where else ''}{message}"
    )


class OpaEvaluator:
    name = "opa"

    def __init__(self, rules: RuleSet, options: EngineOptions, batch_size: int = BATCH_SIZE) -> None:
        # Before anything is read or sent: a token never goes in clear text to another machine.
        check_transport(parse_url(options.opa_url), options.opa_token, options.opa_insecure_http)
        self._rules = rules
        self._options = options
        self._batch_size = max(1, batch_size)
        sources = [(path, path.read_text(encoding="utf-8")) for path in rules.policy_files]
        # Built-in policies are checked where they are written; custom ones at every scan.
        check_policies([(path, text) for path, text in sources if not is_builtin(path)])
        self._related_types = related_types([source for _path, source in sources])
        self._run = uuid.uuid4().hex
        self._index = ModuleIndex.of(sources)
        self._file_ids = {
            path: f"iacgate/{self._run}/{_policy_name(path, index)}"
            for index, (path, _source) in enumerate(sources)
        }
        # What this run has on the server, in upload order, and the types whose routers are among it.
        self._uploaded: list[str] = []
        self._routed: set[str] = set()
        self._graph_ready = False
        self._session: ExitStack | None = None
        self._active: OpaServer | None = None
        self._batch_package = f"{BATCH_ROOT}.run_{self._run}"
        # Set when the scan first talks to the server: all of its traffic shares one deadline.
        self._deadline: Deadline | None = None

    def _server(self) -> OpaServer:
        options = self._options
        if self._deadline is None:
            self._deadline = Deadline.after(options.deadline_seconds)
        return OpaServer(
            options.opa_url,
            options.opa_token,
            options.opa_ca_bundle,
            options.timeout_seconds,
            deadline=self._deadline,
            insecure_http=options.opa_insecure_http,
        )

    def _our_packages(self) -> set[str]:
        packages = {rule.policy.replace(".", "/") for rule in self._rules.rules}
        packages |= {f"{ROUTER_ROOT}/{type_name}" for type_name in self._rules.by_type}
        return packages | {"iacgate/lib"}

    @contextmanager
    def _session_lock(self, server: OpaServer) -> Iterator[None]:
        """Hold the upload lock for the scan; whatever was uploaded meanwhile is removed, errors included."""
        lock = UploadLock(server, self._run)
        lock.acquire()
        try:
            ours = self._our_packages()
            for policy_id, package in sorted(server.packages().items()):
                if package in ours or any(package.startswith(f"{name}/") for name in ours):
                    raise EvaluationError(
                        f"OPA server at {server.endpoint.url} already has package "
                        f"{package.replace('/', '.')} "
                        f"(policy {policy_id}): remove it, or evaluate it as loaded with --opa-no-upload"
                    )
            self._put(
                server,
                [(f"iacgate/{self._run}/batch.rego", "batch module", batch_module(self._batch_package))],
            )
            yield
        finally:
            server.extend_for_cleanup()
            try:
                for policy_id in reversed(self._uploaded):
                    server.delete_policy(policy_id)
            finally:
                self._uploaded.clear()
                self._routed.clear()
                self._graph_ready = False
                lock.release()

    def _upload_for(self, server: OpaServer, types: Sequence[str], graph_rules: bool) -> None:
        """Upload the modules the given types' rules (and the graph rules) reach, if not there yet.

        OPA recompiles everything on each upload, so the cost of a scan grows with the square of the
        modules uploaded: only what the scanned resources need goes up (measured, 1,000-resource plan:
        all 310 modules took ~45 s, the dozen types of the plan a few seconds).
        """
        new_types = [type_name for type_name in types if type_name not in self._routed]
        rules = [rule for type_name in new_types for rule in self._rules.by_type[type_name]]
        if graph_rules and not self._graph_ready:
            rules += self._rules.graph_rules
        if not rules:
            return
        present = set(self._uploaded)
        modules = [
            (self._file_ids[path], str(path), self._index.sources[path])
            for path in self._index.closure(rule.policy for rule in rules)
            if self._file_ids[path] not in present
        ]
        modules += [
            (
                f"iacgate/{self._run}/router/{type_name}.rego",
                f"router:{type_name}",
                router_module(type_name, self._rules.by_type[type_name]),
            )
            for type_name in new_types
        ]
        self._put(server, modules)
        self._routed.update(new_types)
        self._graph_ready = self._graph_ready or graph_rules

    def _put(self, server: OpaServer, modules: Sequence[tuple[str, str, str]]) -> None:
        names = {policy_id: shown for policy_id, shown, _source in modules}
        # OPA compiles each upload against what is already there, so a library module that calls
        # another one uploaded later fails at first: retry the failures until a round adds nothing.
        pending = list(modules)
        while pending:
            failures: list[tuple[str, str, str]] = []
            last_error: RegoParseError | None = None
            for module in pending:
                try:
                    server.put_policy(module[0], module[2])
                except RegoParseError as exc:
                    failures.append(module)
                    last_error = exc
                    continue
                self._uploaded.append(module[0])
            if last_error is not None and len(failures) == len(pending):
                raise _compile_error(last_error, names) from None
            pending = failures

    def _check_loaded(self, server: OpaServer) -> None:
        """Each rule's deny set must be defined on the server (an empty set is defined, a missing one not)."""
        policies = sorted({rule.policy for rule in self._rules.rules})
        entries = ", ".join(f'"{policy}": count({{1 | data.{policy}.deny}})' for policy in policies)
        rows = server.query(f"present := {{{entries}}}", {}) if entries else [{"present": {}}]
        present = rows[0].get("present") if rows and isinstance(rows[0], Mapping) else None
        if not isinstance(present, Mapping):
            raise server.malformed("checking the loaded packages")
        missing = sorted(policy for policy, found in present.items() if found != 1)
        if missing:
            raise EvaluationError(
                f"OPA server at {server.endpoint.url} has no package {missing[0]} (needed by "
                f"{', '.join(r.id for r in self._rules.rules if r.policy == missing[0])}); load the packs' "
                "policies as a bundle, or let iacgate upload them (drop --opa-no-upload)"
            )

    def _batches(
        self, items: Sequence[tuple[str, dict[str, Any]]]
    ) -> Iterator[Sequence[tuple[str, dict[str, Any]]]]:
        for start in range(0, len(items), self._batch_size):
            yield items[start : start + self._batch_size]

    def _answers(self, server: OpaServer, graph: Graph, settings: Mapping[str, Any]) -> list[tuple[str, Any]]:
        by_type: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for resource in graph.resources:
            # A destroyed resource goes through its type's router too; only the answers of the rules
            # that judge changes are read for it (``RuleSet.routes``).
            if judged(resource) and self._rules.by_type.get(resource.type):
                by_type.setdefault(resource.type, []).append(
                    (resource.id, resource_input(graph, resource, settings, self._related_types))
                )
        answers = self._ask_items(server, by_type)
        # Graph order, as the embedded engine reports them.
        return [(resource.id, answers[resource.id]) for resource in graph.resources if resource.id in answers]

    def _before(
        self, server: OpaServer, graph: Graph, settings: Mapping[str, Any], answers: Sequence[tuple[str, Any]]
    ) -> dict[str, Any]:
        """Answers for the state before an update where a regression can show (``regression.py``)."""
        by_type: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for resource_id, answer in answers:
            resource = graph.by_id[resource_id]
            if needs_before(resource, self._rules.routes.get(route_of(resource), ()), answer):
                state = before_state(resource)
                assert state is not None
                document = resource_input(graph, resource, settings, self._related_types)
                document["resource"] = resource_document(state, drop_null=True)
                by_type.setdefault(resource.type, []).append((resource_id, document))
        return self._ask_items(server, by_type) if by_type else {}

    def _ask_items(
        self, server: OpaServer, by_type: Mapping[str, Sequence[tuple[str, dict[str, Any]]]]
    ) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        if self._options.opa_upload:
            self._upload_for(server, list(by_type), graph_rules=False)
            # Mixed types per batch: the uploaded batch module routes each item by its type.
            everything = [item for group in by_type.values() for item in group]
            for batch in self._batches(everything):
                result = server.query_data(
                    f"{self._batch_package.replace('.', '/')}/results", {"items": [doc for _id, doc in batch]}
                )
                answers.update(_by_index(server, batch, result))
        else:
            for type_name, group in by_type.items():
                query = _adhoc_router(self._rules.by_type[type_name])
                for batch in self._batches(group):
                    rows = server.query(query, {"items": [doc for _id, doc in batch]})
                    result = rows[0].get("answers") if rows and isinstance(rows[0], Mapping) else None
                    answers.update(_by_index(server, batch, result))
        return answers

    @contextmanager
    def _prepared(self) -> Iterator[OpaServer]:
        with self._server() as server:
            if self._options.opa_upload:
                with self._session_lock(server):
                    yield server
            else:
                self._check_loaded(server)
                yield server

    def __enter__(self) -> OpaEvaluator:
        """Upload (or check) the policies once for every unit of a scan; removed again on exit."""
        self._session = ExitStack()
        try:
            self._active = self._session.enter_context(self._prepared())
        except BaseException:
            self._session.close()
            self._session = None
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        session, self._session, self._active = self._session, None, None
        if session is not None:
            session.close()

    def evaluate(self, graph: Graph, rules: RuleSet, settings: Mapping[str, Any]) -> Evaluation:
        if rules is not self._rules:
            raise EvaluationError("evaluator was built for another rule set")
        if self._active is not None:
            return self._evaluate(self._active, graph, settings)
        with self._prepared() as server:
            return self._evaluate(server, graph, settings)

    def _evaluate(self, server: OpaServer, graph: Graph, settings: Mapping[str, Any]) -> Evaluation:
        answers = self._answers(server, graph, settings)
        graph_answers: list[tuple[str, Any]] = []
        if self._rules.graph_rules:
            if self._options.opa_upload:
                self._upload_for(server, (), graph_rules=True)
            document = graph_input(graph, settings)
            for rule in self._rules.graph_rules:
                graph_answers.append(
                    (rule.id, server.query_data(f"{rule.policy.replace('.', '/')}/deny", document))
                )
        before = self._before(server, graph, settings, answers)
        return collect_results(graph, self._rules, answers, graph_answers, engine=self.name, before=before)


def _by_index(server: OpaServer, batch: Sequence[tuple[str, dict[str, Any]]], result: Any) -> dict[str, Any]:
    """OPA answers an object keyed by item index (JSON turns the numbers into strings)."""
    if not isinstance(result, Mapping):
        raise server.malformed(f"a batch of {len(batch)} resources ({result!r:.80})")
    answers: dict[str, Any] = {}
    for index, (resource_id, _document) in enumerate(batch):
        answer = result.get(str(index))
        if answer is None:
            raise server.malformed(f"a batch of {len(batch)} resources (nothing for {resource_id})")
        answers[resource_id] = answer
    return answers
