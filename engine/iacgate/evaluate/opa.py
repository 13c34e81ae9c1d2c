"""The OPA-server evaluator: the same documents and answers as the embedded engine, over HTTP, in batches.

Upload mode (default): the packs go up once per content digest and stay on the server for the next scan.
Every module is moved below a namespace named by the digest of all the rule set's policy sources
(``data.iacgate_pack_<digest>``, see ``namespace.py``), so pack versions never merge into one another
nor into a bundle an operator loaded, and nothing has to be locked or removed. For each resource type a
scan meets, the modules its rules reach (``closure.py``) are uploaded if the server lacks them, as policies
``iacgate/<digest>/<relative path>``; one router module per rule selection
(``data.iacgate_route_<digest>``) routes each item of a batch to its type's rules. Each uploaded module
carries a marker (``iacgate_uploaded contains "<policy id>"``), and one query asks which of the needed
modules are there, so a module removed from the server by hand is uploaded again instead of leaving a
rule without its library. OPA recompiles every module on each upload, so the first scan of a pack version
pays for the upload and the next ones do not.

No-upload mode evaluates what the operator loaded (``opa build`` of ``policies/``, or the directory): after
checking that every rule's package is there, each batch is one ad-hoc query that builds the router object
per item.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from opa_client.errors import RegoParseError

from iacgate.errors import EvaluationError, PackError
from iacgate.evaluate.base import EngineOptions, Evaluation
from iacgate.evaluate.closure import GraphReads, ModuleIndex
from iacgate.evaluate.namespace import NamespaceError, namespaced, package_root
from iacgate.evaluate.opa_http import Deadline, OpaServer, check_transport, parse_url
from iacgate.evaluate.regression import before_state, needs_before
from iacgate.evaluate.results import (
    changes_asked,
    collect_results,
    graph_rules_for,
    related_types,
    route_of,
)
from iacgate.evaluate.safety import check_policies
from iacgate.graph.document import graph_input, resource_document, resource_input
from iacgate.graph.model import Graph, judged
from iacgate.packs.load import is_builtin, policies_root
from iacgate.packs.model import Rule, RuleSet

# Measured on 10,000 resources (see the closing report): beyond ~200 a batch saves no time.
BATCH_SIZE = 200
# Part of every digest: a change to how modules are rewritten or routed gives every pack a new namespace.
UPLOAD_SCHEME = "iacgate-opa-upload/1"
MARKER = "iacgate_uploaded"
# When a scan uploads a pack version, it removes the versions no scan used lately (every upload makes OPA
# recompile all the modules there, so stale versions slow down each later upload): the most recently used
# ones and any used in the last hour stay, so that scans of other versions running meanwhile keep theirs.
USAGE_ROOT = "iacgate_packs"
KEEP_VERSIONS = 4
KEEP_RECENT_SECONDS = 3600.0


def _digest(*parts: str) -> str:
    hasher = hashlib.sha256(UPLOAD_SCHEME.encode())
    for part in parts:
        hasher.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return hasher.hexdigest()[:20]


def _marked(source: str, policy_id: str) -> str:
    """The module with the marker by which a later scan finds it on the server."""
    return f'{source.rstrip()}\n\n{MARKER} contains "{policy_id}"\n'


def route_body(namespace: str, by_type: Mapping[str, Sequence[Rule]]) -> str:
    """The router of a rule selection below its package line: per item of ``input.items``, its type's rule
    answers. One clause per type, selected by its constant argument, so only the item's own rules are
    evaluated.
    """
    lines = [
        "results[i] := answer if {",
        "\tsome i, item in input.items",
        "\tanswer := route(item.resource.type) with input as item",
        "}",
    ]
    for type_name, rules in sorted(by_type.items()):
        entries = ", ".join(f'"{rule.id}": data.{namespace}.{rule.policy}.deny' for rule in rules)
        lines += ["", f'route("{type_name}") := {{{entries}}}']
    return "\n".join(lines) + "\n"


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


@dataclass(frozen=True)
class _Module:
    """One policy for the server: its id, the name errors show, its package (below the namespace), and
    either the policy file (rewritten below the namespace only when it is uploaded) or its text."""

    policy_id: str
    shown: str
    package: str
    path: Path | None = None
    source: str = ""


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
        self._index = ModuleIndex.of(sources)
        names = {path: _policy_name(path, index) for index, (path, _source) in enumerate(sources)}
        ordered = sorted(sources, key=lambda item: names[item[0]])
        digest = _digest(*(f"{names[path]}\0{source}" for path, source in ordered))
        self._digest = digest
        self._namespace = f"iacgate_pack_{digest}"
        self._roots = frozenset(package_root(package) for package in self._index.packages)
        self._packages = {path: name for name, paths in self._index.packages.items() for path in paths}
        self._file_ids = {path: f"iacgate/{digest}/{name}" for path, name in names.items()}
        # The router of this rule selection, named by its own text (which names the pack namespace).
        router = route_body(self._namespace, rules.by_type)
        router_package = f"iacgate_route_{_digest(router)}"
        self._router = _Module(
            f"iacgate/{digest}/{router_package.removeprefix('iacgate_')}.rego",
            "router",
            router_package,
            source=f"package {router_package}\n\n{router}",
        )
        # Policy ids known to be on the server (found there or uploaded by this scan), and the ones this
        # scan uploaded (removed again only when an upload does not compile).
        self._present: set[str] = set()
        self._uploaded: list[str] = []
        self._routed: set[str] = set()
        self._graph_ready: set[str] = set()
        self._touched = False
        self._session: ExitStack | None = None
        self._active: OpaServer | None = None
        # Set when the scan first talks to the server: all of its traffic shares one deadline.
        self._deadline: Deadline | None = None

    @property
    def digest(self) -> str:
        """The pack version's digest: its modules are policies ``iacgate/<digest>/...`` on the server."""
        return self._digest

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

    def _module(self, path: Path) -> _Module:
        package = self._packages.get(path, "")
        return _Module(self._file_ids[path], str(path), f"{self._namespace}.{package}", path)

    def _source(self, module: _Module) -> str:
        """What is uploaded: a policy file moved below the namespace, or the router's text."""
        if module.path is None:
            return module.source
        try:
            return namespaced(self._index.sources[module.path], self._namespace, self._roots)
        except NamespaceError as exc:
            where = f"{module.path}:{exc.line}"
            raise EvaluationError(f"{where}: {exc.message} (OPA engine, upload mode)") from None

    def _upload_for(self, server: OpaServer, types: Sequence[str], graph_rules: Sequence[Rule] = ()) -> None:
        """Make sure the modules the given types' rules (and the given graph rules) reach are on the server.

        OPA recompiles everything on each upload, so the cost of an upload grows with the modules already
        there: only what the scanned resources need goes up, and only when the server lacks it.
        """
        new_types = [type_name for type_name in types if type_name not in self._routed]
        rules = [rule for type_name in new_types for rule in self._rules.by_type[type_name]]
        new_graph_rules = [rule for rule in graph_rules if rule.id not in self._graph_ready]
        rules += new_graph_rules
        if not rules:
            return
        if not self._touched:
            # When this version was last used: what keeps it from being pruned by another version's scan.
            server.put_data(f"{USAGE_ROOT}/{self._digest}", {"used": time.time()})
            self._touched = True
        needed = [self._router] if new_types and self._router.policy_id not in self._present else []
        needed += [
            self._module(path)
            for path in self._index.closure(rule.policy for rule in rules)
            if self._file_ids[path] not in self._present
        ]
        missing = self._missing(server, needed)
        if missing:
            self._prune(server)
            self._put(server, missing)
        self._present.update(module.policy_id for module in needed)
        self._routed.update(new_types)
        self._graph_ready.update(rule.id for rule in new_graph_rules)

    def _missing(self, server: OpaServer, modules: Sequence[_Module]) -> list[_Module]:
        """The modules the server does not have, asked by their markers in one query."""
        if not modules:
            return []
        entries = ", ".join(
            f'"{module.policy_id}": count({{1 | data.{module.package}.{MARKER}["{module.policy_id}"]}})'
            for module in modules
        )
        rows = server.query(f"present := {{{entries}}}", {})
        present = rows[0].get("present") if rows and isinstance(rows[0], Mapping) else None
        if not isinstance(present, Mapping):
            raise server.malformed("asking which policies are loaded")
        return [module for module in modules if present.get(module.policy_id) != 1]

    def _prune(self, server: OpaServer) -> None:
        """Remove the pack versions no scan used lately (see ``KEEP_VERSIONS``); only before an upload."""
        usage = server.query_data(USAGE_ROOT, {})
        if usage is None:
            usage = {}
        if not isinstance(usage, Mapping):
            raise server.malformed(f"reading data.{USAGE_ROOT}")

        def used(digest: str) -> float:
            entry = usage.get(digest)
            value = entry.get("used") if isinstance(entry, Mapping) else None
            return float(value) if isinstance(value, int | float) else 0.0

        now = time.time()
        recent = sorted(usage, key=used, reverse=True)[:KEEP_VERSIONS]
        keep = {self._digest, *recent}
        keep.update(digest for digest in usage if now - used(digest) < KEEP_RECENT_SECONDS)
        stale = [
            policy_id
            for policy_id in server.policy_ids()
            if policy_id.startswith("iacgate/") and policy_id.split("/")[1] not in keep
        ]
        # A library module goes only after the modules that call it: OPA refuses a removal that leaves
        # the others uncompilable, so retry the refused ones until a round removes nothing.
        while stale:
            refused: list[str] = []
            for policy_id in stale:
                try:
                    server.delete_policy(policy_id)
                except EvaluationError:
                    refused.append(policy_id)
            if len(refused) == len(stale):
                break
            stale = refused
        for digest in usage:
            if digest not in keep:
                server.delete_data(f"{USAGE_ROOT}/{digest}")

    def _put(self, server: OpaServer, modules: Sequence[_Module]) -> None:
        names = {module.policy_id: module.shown for module in modules}
        # OPA compiles each upload against what is already there, so a library module that calls
        # another one uploaded later fails at first: retry the failures until a round adds nothing.
        pending = list(modules)
        try:
            while pending:
                failures: list[_Module] = []
                last_error: RegoParseError | None = None
                for module in pending:
                    try:
                        server.put_policy(module.policy_id, _marked(self._source(module), module.policy_id))
                    except RegoParseError as exc:
                        failures.append(module)
                        last_error = exc
                        continue
                    self._uploaded.append(module.policy_id)
                if last_error is not None and len(failures) == len(pending):
                    raise _compile_error(last_error, names) from None
                pending = failures
        except EvaluationError:
            # A pack that does not compile is not left half-uploaded for the next scan to trust.
            server.extend_for_cleanup()
            for policy_id in reversed(self._uploaded):
                server.delete_policy(policy_id)
            self._uploaded.clear()
            raise

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
                asked = changes_asked(self._rules.routes.get(route_of(resource, self._rules), ()))
                document = resource_input(graph, resource, settings, self._related_types, asked)
                by_type.setdefault(resource.type, []).append((resource.id, document))
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
            if needs_before(resource, self._rules.routes.get(route_of(resource, self._rules), ()), answer):
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
            self._upload_for(server, list(by_type))
            # Mixed types per batch: the router sends each item to its type's rules.
            everything = [item for group in by_type.values() for item in group]
            for batch in self._batches(everything):
                documents = {"items": [doc for _id, doc in batch]}
                result = server.query_data(f"{self._router.package.replace('.', '/')}/results", documents)
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
            if not self._options.opa_upload:
                self._check_loaded(server)
            yield server

    def __enter__(self) -> OpaEvaluator:
        """Connect (and, without upload, check the loaded packages) once for every unit of a scan."""
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

    def evaluate_all(
        self, graphs: Sequence[Graph], rules: RuleSet, settings: Mapping[str, Any]
    ) -> list[Evaluation]:
        return [self.evaluate(graph, rules, settings) for graph in graphs]

    def _evaluate(self, server: OpaServer, graph: Graph, settings: Mapping[str, Any]) -> Evaluation:
        answers = self._answers(server, graph, settings)
        graph_answers: list[tuple[str, Any]] = []
        graph_rules = graph_rules_for(graph, self._rules)
        if graph_rules:
            prefix = ""
            if self._options.opa_upload:
                self._upload_for(server, (), graph_rules)
                prefix = f"{self._namespace}/"
            # One document per part of the input the rules read (``ModuleIndex.graph_reads``).
            documents: dict[GraphReads, dict[str, Any]] = {}
            for rule in graph_rules:
                reads = self._index.graph_reads(rule.policy)
                if reads not in documents:
                    documents[reads] = graph_input(graph, settings, reads.types, reads.edges, reads.refers_to)
                path = f"{prefix}{rule.policy.replace('.', '/')}/deny"
                graph_answers.append((rule.id, server.query_data(path, documents[reads])))
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
